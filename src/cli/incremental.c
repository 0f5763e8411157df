/* An incremental build through the cache: the file index spares reading
 * documents that have not changed, and merged graphs of shards of the
 * corpus (and of the whole corpus) spare reading one cache entry per
 * document. What changed is read, extracted or taken from its own entry,
 * and merged with the rest; merging is associative and commutative, so
 * the graph is the one a build without the cache makes. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <xxhash.h>

#include "cli.h"

/* Corpora this large are split into shards of about 1/SHARDS of the
 * documents each, so that changing one document re-reads one shard; a
 * smaller corpus is one group. */
#define SHARD_MIN_DOCUMENTS 1024
#define SHARDS 64

guint cli_shard_count(guint n_paths)
{
    return n_paths >= SHARD_MIN_DOCUMENTS ? SHARDS : 1;
}

guint cli_shard_of(const char *path, guint n_shards)
{
    return n_shards > 1 ? (guint)(XXH3_64bits(path, strlen(path)) % n_shards) : 0;
}

typedef struct {
    GArray *members;           /* guint indexes into the corpus paths, in corpus order */
    RelgraphGraph *graph;      /* its merged graph, once known */
    RelgraphPartInfo info;
    char key[RELGRAPH_CACHE_KEY_SIZE];
    gboolean keyed;            /* every member's key is known */
    gboolean taken;            /* its graph came from the cache */
} Shard;

typedef struct {
    GPtrArray *paths;          /* the corpus, expanded */
    char **keys;               /* per path: its key, or NULL when not (yet) known */
    gboolean *unkeyable;       /* per path: a JSONL file or stdin, whose documents have no single key */
    GStatBuf *stats;           /* per path: its stat before it was read */
    gboolean *statted;
    GHashTable *index_of;      /* path -> GUINT_TO_POINTER(index + 1) */
    guint n_shards;
    Shard *shards;
    RelgraphCacheIndex *file_index;
    gint64 started;            /* g_get_real_time() before any stat */
    guint evidence_limit;
    CliRunStats *run_stats;    /* where documents with warnings are counted */
} Plan;

/* The shard's key from its members' keys; FALSE when one is not known. */
static gboolean shard_key(const RelgraphCache *cache, const Plan *plan, Shard *shard)
{
    char **keys = g_new(char *, shard->members->len + 1);
    gboolean all = TRUE;
    for (guint i = 0; i < shard->members->len && all; i++) {
        guint p = g_array_index(shard->members, guint, i);
        keys[i] = plan->keys[p];
        all = keys[i] != NULL && !plan->unkeyable[p];
    }
    if (all)
        relgraph_cache_group_key(cache, "shard", keys, shard->members->len, shard->key);
    g_free(keys);
    shard->keyed = all;
    return all;
}

/* The whole corpus's key from its shards' keys; FALSE when one is missing. */
static gboolean corpus_key(const RelgraphCache *cache, const Plan *plan, char key[RELGRAPH_CACHE_KEY_SIZE])
{
    char **keys = g_new(char *, plan->n_shards + 1);
    guint n = 0;
    gboolean all = TRUE;
    for (guint s = 0; s < plan->n_shards && all; s++) {
        if (!plan->shards[s].members->len)
            continue;
        all = plan->shards[s].keyed;
        keys[n++] = plan->shards[s].key;
    }
    if (all)
        relgraph_cache_group_key(cache, "corpus", keys, n, key);
    g_free(keys);
    return all;
}

static void plan_init(Plan *plan, GPtrArray *paths)
{
    guint n = paths->len;
    plan->paths = paths;
    plan->keys = g_new0(char *, n);
    plan->unkeyable = g_new0(gboolean, n);
    plan->stats = g_new0(GStatBuf, n);
    plan->statted = g_new0(gboolean, n);
    plan->index_of = g_hash_table_new(g_str_hash, g_str_equal);
    plan->n_shards = cli_shard_count(n);
    plan->shards = g_new0(Shard, plan->n_shards);
    for (guint s = 0; s < plan->n_shards; s++)
        plan->shards[s].members = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n; i++) {
        const char *path = g_ptr_array_index(paths, i);
        g_hash_table_insert(plan->index_of, (gpointer)path, GUINT_TO_POINTER(i + 1));
        g_array_append_val(plan->shards[cli_shard_of(path, plan->n_shards)].members, i);
        /* Standard input has no file to index; a JSONL file holds many documents. */
        plan->unkeyable[i] = strcmp(path, "-") == 0 || relgraph_corpus_is_jsonl(path);
    }
}

static void plan_clear(Plan *plan)
{
    for (guint i = 0; i < plan->paths->len; i++)
        g_free(plan->keys[i]);
    for (guint s = 0; s < plan->n_shards; s++) {
        g_array_unref(plan->shards[s].members);
        if (plan->shards[s].graph)
            relgraph_graph_free(plan->shards[s].graph);
    }
    g_free(plan->shards);
    g_free(plan->keys);
    g_free(plan->unkeyable);
    g_free(plan->stats);
    g_free(plan->statted);
    g_hash_table_destroy(plan->index_of);
}

/* Takes the graph stored under key into *graph; FALSE when there is none (a
 * damaged entry is reported and recomputed). */
static gboolean take_group(const CliRunConfig *config, const char *key, RelgraphGraph **graph,
                           RelgraphPartInfo *info)
{
    gboolean damaged = FALSE;
    GError *error = NULL;
    *graph = relgraph_cache_get(config->cache, key, info, &damaged, &error);
    if (damaged) {
        fprintf(stderr, "relgraph: warning: %s; it is built again\n", error->message);
        g_clear_error(&error);
    }
    return *graph != NULL;
}

static void add_counts(CliRunStats *stats, const RelgraphPartInfo *info)
{
    stats->documents += info->documents;
    stats->cached += info->documents;
    stats->sentences += info->sentences;
    stats->relations += info->mentions;
}

/* A document read in this run: merged into its shard, its key noted, and
 * its file remembered in the index when nothing about it needs saying
 * again (a document with warnings is read every time, so that they are). */
static void add_document(const CliDocument *document, gpointer data)
{
    Plan *plan = data;
    const char *path = document->doc->path;
    guint index = GPOINTER_TO_UINT(g_hash_table_lookup(plan->index_of, path));
    if (!index)
        return;
    index--;
    Shard *shard = &plan->shards[cli_shard_of(path, plan->n_shards)];
    if (!shard->graph) {
        shard->graph = relgraph_graph_new();
        relgraph_graph_set_evidence_limit(shard->graph, plan->evidence_limit);
        shard->info.evidence_limit = plan->evidence_limit;
    }
    relgraph_graph_merge(shard->graph, document->piece);
    shard->info.documents += document->info->documents;
    shard->info.sentences += document->info->sentences;
    shard->info.mentions += document->info->mentions;
    if (document->doc->warnings->len)
        plan->run_stats->warned++;
    if (plan->unkeyable[index] || !document->key)
        return;
    g_free(plan->keys[index]);
    plan->keys[index] = g_strdup(document->key);
    if (plan->statted[index] && document->doc->warnings->len == 0)
        relgraph_cache_index_set(plan->file_index, path, &plan->stats[index], plan->started, document->key);
}

static void store_group(const CliRunConfig *config, const char *key, const RelgraphGraph *graph,
                        const RelgraphPartInfo *info)
{
    GError *error = NULL;
    if (!relgraph_cache_put(config->cache, key, graph, info, &error)) {
        fprintf(stderr, "relgraph: warning: %s\n", error->message);
        g_error_free(error);
    }
}

/* The graph from the shards: those that did not change from the cache,
 * the others from their documents, then stored for next time. */
static void build_from_shards(const RelgraphRules *rules, const RelgraphExtractOptions *extract,
                              const CliCorpusOptions *options, const CliRunConfig *config, Plan *plan,
                              RelgraphGraph *graph, CliRunStats *stats)
{
    GPtrArray *again = g_ptr_array_new();
    for (guint s = 0; s < plan->n_shards; s++) {
        Shard *shard = &plan->shards[s];
        if (!shard->members->len)
            continue;
        RelgraphGraph *cached = NULL;
        if (shard->keyed && take_group(config, shard->key, &cached, &shard->info)) {
            relgraph_graph_merge(graph, cached);
            relgraph_graph_free(cached);
            add_counts(stats, &shard->info);
            shard->taken = TRUE;
            continue;
        }
        for (guint i = 0; i < shard->members->len; i++)
            g_ptr_array_add(again, g_ptr_array_index(plan->paths, g_array_index(shard->members, guint, i)));
    }
    g_ptr_array_sort(again, relgraph_compare_strings);
    if (again->len)
        cli_run_expanded(rules, extract, again, options, config, add_document, plan, stats);
    g_ptr_array_unref(again);

    /* A shard is stored when each of its documents was read and keyed. */
    gboolean complete = TRUE;
    guint taken = 0, rebuilt = 0;
    for (guint s = 0; s < plan->n_shards; s++) {
        Shard *shard = &plan->shards[s];
        if (shard->members->len && shard->taken)
            taken++;
        if (!shard->members->len || shard->taken)
            continue;
        rebuilt++;
        gboolean keyed = shard_key(config->cache, plan, shard) && shard->graph &&
                         shard->info.documents == shard->members->len;
        if (keyed)
            store_group(config, shard->key, shard->graph, &shard->info);
        if (shard->graph)
            relgraph_graph_merge(graph, shard->graph);
        complete = complete && keyed;
    }
    /* The whole corpus's graph is stored after a cold build (every shard
     * built) and after a warm one that found no entry for it (every shard
     * taken), not after an edit: each edit would write a new entry the
     * size of the graph (1.4 MB for 2,000 documents), which only a run
     * with nothing changed since reads, and such a run has the manifest
     * (or reads the 64 shards instead). */
    char whole[RELGRAPH_CACHE_KEY_SIZE];
    if (plan->n_shards > 1 && complete && (taken == 0 || rebuilt == 0) && corpus_key(config->cache, plan, whole)) {
        RelgraphPartInfo all = {0, 0, 0, config->evidence_limit};
        for (guint s = 0; s < plan->n_shards; s++) {
            all.documents += plan->shards[s].info.documents;
            all.sentences += plan->shards[s].info.sentences;
            all.mentions += plan->shards[s].info.mentions;
        }
        store_group(config, whole, graph, &all);
    }
}

gboolean cli_build_cached(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                          int n_paths, const CliCorpusOptions *options, const CliRunConfig *config,
                          RelgraphGraph *graph, CliRunStats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (n_paths == 0) {
        fprintf(stderr, "relgraph: no corpus given (files, directories or - for stdin)\n");
        return FALSE;
    }
    gint64 started = g_get_real_time();
    GHashTable *stat_of = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    GPtrArray *expanded = cli_expand_corpus(paths, n_paths, stats, stat_of);
    cli_build_cached_expanded(rules, extract, paths, n_paths, expanded, stat_of, started, options, config, graph,
                              stats);
    g_hash_table_destroy(stat_of);
    g_ptr_array_unref(expanded);
    return TRUE;
}

void cli_build_cached_expanded(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                               int n_paths, GPtrArray *expanded, GHashTable *stat_of, gint64 started,
                               const CliCorpusOptions *options, const CliRunConfig *config, RelgraphGraph *graph,
                               CliRunStats *stats)
{
    RelgraphCache *cache = config->cache;
    Plan plan = {0};
    plan.started = started;
    plan.evidence_limit = config->evidence_limit;
    plan.run_stats = stats;
    plan_init(&plan, expanded);
    plan.file_index = relgraph_cache_index_open(cache, paths, (guint)n_paths);

    /* What the index knows (kept for next time as it is), from the stat
     * the corpus walk took. */
    char key[RELGRAPH_CACHE_KEY_SIZE];
    for (guint i = 0; i < expanded->len; i++) {
        const char *path = g_ptr_array_index(expanded, i);
        const GStatBuf *st = g_hash_table_lookup(stat_of, path);
        if (plan.unkeyable[i] || !st)
            continue;
        plan.stats[i] = *st;
        plan.statted[i] = TRUE;
        if (relgraph_cache_index_lookup(plan.file_index, path, &plan.stats[i], key)) {
            plan.keys[i] = g_strdup(key);
            relgraph_cache_index_set(plan.file_index, path, &plan.stats[i], plan.started, key);
        }
    }
    for (guint s = 0; s < plan.n_shards; s++)
        if (plan.shards[s].members->len)
            shard_key(cache, &plan, &plan.shards[s]);

    /* Nothing changed: the whole graph at once. */
    char whole[RELGRAPH_CACHE_KEY_SIZE];
    RelgraphGraph *cached = NULL;
    RelgraphPartInfo info = {0};
    if (plan.n_shards > 1 && corpus_key(cache, &plan, whole) && take_group(config, whole, &cached, &info)) {
        relgraph_graph_merge(graph, cached);
        relgraph_graph_free(cached);
        add_counts(stats, &info);
    } else {
        build_from_shards(rules, extract, options, config, &plan, graph, stats);
    }

    GError *error = NULL;
    if (!relgraph_cache_index_save(plan.file_index, &error)) {
        fprintf(stderr, "relgraph: warning: %s\n", error->message);
        g_error_free(error);
    }
    relgraph_cache_index_free(plan.file_index);
    plan_clear(&plan);
}

void cli_cache_group_keys(const RelgraphCache *cache, GPtrArray *paths, GHashTable *keys, GHashTable *keep)
{
    Plan plan = {0};
    plan_init(&plan, paths);
    for (guint i = 0; i < paths->len; i++)
        plan.keys[i] = g_strdup(g_hash_table_lookup(keys, g_ptr_array_index(paths, i)));
    for (guint s = 0; s < plan.n_shards; s++)
        if (plan.shards[s].members->len && shard_key(cache, &plan, &plan.shards[s]))
            g_hash_table_add(keep, g_strdup(plan.shards[s].key));
    char whole[RELGRAPH_CACHE_KEY_SIZE];
    if (plan.n_shards > 1 && corpus_key(cache, &plan, whole))
        g_hash_table_add(keep, g_strdup(whole));
    plan_clear(&plan);
}
