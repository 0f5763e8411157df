/* An incremental build through the cache (incremental.h): what changed is
 * read by the caller, the rest comes from merged graphs of shards. */
#define _POSIX_C_SOURCE 200809L

#include "relgraph/incremental.h"

#include <string.h>
#include <sys/stat.h>

#include <xxhash.h>

#include "relgraph/common.h"
#include "relgraph/corpus.h"
#include "common_internal.h"

guint relgraph_incremental_shard_count(guint n_documents)
{
    return n_documents >= RELGRAPH_INCREMENTAL_SHARD_MIN ? RELGRAPH_INCREMENTAL_SHARDS : 1;
}

guint relgraph_incremental_shard_of(const char *path, guint n_shards)
{
    return n_shards > 1 ? (guint)(XXH3_64bits(path, strlen(path)) % n_shards) : 0;
}

typedef struct {
    GArray *members;           /* guint indexes into the corpus, in corpus order */
    RelgraphGraph *graph;      /* its merged graph, once known */
    RelgraphPartInfo info;
    char key[RELGRAPH_CACHE_KEY_SIZE];
    gboolean keyed;            /* every member's key is known */
    gboolean taken;            /* its graph came from the cache */
} Shard;

struct RelgraphIncremental {
    RelgraphCache *cache;
    GPtrArray *paths;          /* the corpus, expanded */
    char **keys;               /* per path: its key, or NULL when not (yet) known */
    gboolean *unkeyable;       /* per path: a JSONL file or stdin, whose documents have no single key */
    GStatBuf *stats;           /* per path: its stat before it was read */
    gboolean *statted;
    GHashTable *index_of;      /* path -> GUINT_TO_POINTER(index + 1) */
    guint n_shards;
    Shard *shards;
    RelgraphCacheIndex *file_index;
    gboolean whole_taken;      /* the corpus's graph came from the cache */
    RelgraphIncrementalOptions options;
};

static void problem(const RelgraphIncremental *inc, GError *error)
{
    if (inc->options.problem)
        inc->options.problem(RELGRAPH_PROBLEM_WARNING, error, inc->options.user_data);
    g_error_free(error);
}

/* The shard's key from its members' keys; FALSE when one is not known. */
static gboolean shard_key(const RelgraphIncremental *inc, Shard *shard)
{
    char **keys = g_new(char *, shard->members->len + 1);
    gboolean all = TRUE;
    for (guint i = 0; i < shard->members->len && all; i++) {
        guint p = g_array_index(shard->members, guint, i);
        keys[i] = inc->keys[p];
        all = keys[i] != NULL && !inc->unkeyable[p];
    }
    if (all)
        relgraph_cache_group_key(inc->cache, "shard", keys, shard->members->len, shard->key);
    g_free(keys);
    shard->keyed = all;
    return all;
}

/* The whole corpus's key from its shards' keys; FALSE when one is missing. */
static gboolean corpus_key(const RelgraphIncremental *inc, char key[RELGRAPH_CACHE_KEY_SIZE])
{
    char **keys = g_new(char *, inc->n_shards + 1);
    guint n = 0;
    gboolean all = TRUE;
    for (guint s = 0; s < inc->n_shards && all; s++) {
        if (!inc->shards[s].members->len)
            continue;
        all = inc->shards[s].keyed;
        keys[n++] = inc->shards[s].key;
    }
    if (all)
        relgraph_cache_group_key(inc->cache, "corpus", keys, n, key);
    g_free(keys);
    return all;
}

/* The plan of corpus: each path in its shard, none keyed yet. */
static RelgraphIncremental *plan_new(RelgraphCache *cache, GPtrArray *corpus)
{
    RelgraphIncremental *inc = g_new0(RelgraphIncremental, 1);
    guint n = corpus->len;
    inc->cache = cache;
    inc->paths = corpus;
    inc->keys = g_new0(char *, n);
    inc->unkeyable = g_new0(gboolean, n);
    inc->stats = g_new0(GStatBuf, n);
    inc->statted = g_new0(gboolean, n);
    inc->index_of = g_hash_table_new(g_str_hash, g_str_equal);
    inc->n_shards = relgraph_incremental_shard_count(n);
    inc->shards = g_new0(Shard, inc->n_shards);
    for (guint s = 0; s < inc->n_shards; s++)
        inc->shards[s].members = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n; i++) {
        const char *path = g_ptr_array_index(corpus, i);
        g_hash_table_insert(inc->index_of, (gpointer)path, GUINT_TO_POINTER(i + 1));
        g_array_append_val(inc->shards[relgraph_incremental_shard_of(path, inc->n_shards)].members, i);
        /* Standard input has no file to index; a JSONL file holds many documents. */
        inc->unkeyable[i] = strcmp(path, "-") == 0 || relgraph_corpus_is_jsonl(path);
    }
    return inc;
}

void relgraph_incremental_free(RelgraphIncremental *inc)
{
    if (!inc)
        return;
    for (guint i = 0; i < inc->paths->len; i++)
        g_free(inc->keys[i]);
    for (guint s = 0; s < inc->n_shards; s++) {
        g_array_unref(inc->shards[s].members);
        if (inc->shards[s].graph)
            relgraph_graph_free(inc->shards[s].graph);
    }
    relgraph_cache_index_free(inc->file_index);
    g_free(inc->shards);
    g_free(inc->keys);
    g_free(inc->unkeyable);
    g_free(inc->stats);
    g_free(inc->statted);
    g_hash_table_destroy(inc->index_of);
    g_free(inc);
}

RelgraphIncremental *relgraph_incremental_new(RelgraphCache *cache, GPtrArray *corpus, GHashTable *stat_of,
                                              const RelgraphIncrementalOptions *options)
{
    g_return_val_if_fail(cache && corpus && options, NULL);
    RelgraphIncremental *inc = plan_new(cache, corpus);
    inc->options = *options;
    if (!inc->options.evidence_limit)
        inc->options.evidence_limit = RELGRAPH_CACHE_DEFAULT_EVIDENCE;
    inc->file_index = relgraph_cache_index_open(cache, options->arguments, options->n_arguments);
    /* What the index knows (kept for next time as it is), from the stat
     * the corpus walk took. */
    char key[RELGRAPH_CACHE_KEY_SIZE];
    for (guint i = 0; i < corpus->len; i++) {
        const char *path = g_ptr_array_index(corpus, i);
        const GStatBuf *st = stat_of ? g_hash_table_lookup(stat_of, path) : NULL;
        if (inc->unkeyable[i] || !st)
            continue;
        inc->stats[i] = *st;
        inc->statted[i] = TRUE;
        if (relgraph_cache_index_lookup(inc->file_index, path, &inc->stats[i], key)) {
            inc->keys[i] = g_strdup(key);
            relgraph_cache_index_set(inc->file_index, path, &inc->stats[i], options->started, key);
        }
    }
    for (guint s = 0; s < inc->n_shards; s++)
        if (inc->shards[s].members->len)
            shard_key(inc, &inc->shards[s]);
    return inc;
}

/* The graph stored under key, or NULL when there is none (a damaged entry
 * is reported, and built again). */
static RelgraphGraph *take_group(const RelgraphIncremental *inc, const char *key, RelgraphPartInfo *info)
{
    gboolean damaged = FALSE;
    GError *error = NULL;
    RelgraphGraph *graph = relgraph_cache_get(inc->cache, key, info, &damaged, &error);
    if (damaged) {
        GError *told = g_error_new(error->domain, error->code, "%s; it is built again", error->message);
        g_error_free(error);
        problem(inc, told);
    }
    return graph;
}

static void add_info(RelgraphPartInfo *to, const RelgraphPartInfo *info)
{
    to->documents += info->documents;
    to->sentences += info->sentences;
    to->mentions += info->mentions;
}

GPtrArray *relgraph_incremental_take(RelgraphIncremental *inc, RelgraphGraph *graph, RelgraphPartInfo *from_cache)
{
    GPtrArray *again = g_ptr_array_new();
    /* Nothing changed: the whole graph at once. */
    char whole[RELGRAPH_CACHE_KEY_SIZE];
    RelgraphPartInfo info = {0};
    RelgraphGraph *cached = NULL;
    if (inc->n_shards > 1 && corpus_key(inc, whole) && (cached = take_group(inc, whole, &info))) {
        relgraph_graph_merge(graph, cached);
        relgraph_graph_free(cached);
        add_info(from_cache, &info);
        inc->whole_taken = TRUE;
        return again;
    }
    /* Else each shard that did not change, and the documents of the others. */
    for (guint s = 0; s < inc->n_shards; s++) {
        Shard *shard = &inc->shards[s];
        if (!shard->members->len)
            continue;
        if (shard->keyed && (cached = take_group(inc, shard->key, &shard->info))) {
            relgraph_graph_merge(graph, cached);
            relgraph_graph_free(cached);
            add_info(from_cache, &shard->info);
            shard->taken = TRUE;
            continue;
        }
        for (guint i = 0; i < shard->members->len; i++)
            g_ptr_array_add(again, g_ptr_array_index(inc->paths, g_array_index(shard->members, guint, i)));
    }
    g_ptr_array_sort(again, relgraph_compare_strings);
    return again;
}

gboolean relgraph_incremental_add(RelgraphIncremental *inc, const char *path, const RelgraphGraph *piece,
                                  const RelgraphPartInfo *info, const char *key, gboolean warned)
{
    guint index = GPOINTER_TO_UINT(g_hash_table_lookup(inc->index_of, path));
    if (!index)
        return FALSE;
    index--;
    Shard *shard = &inc->shards[relgraph_incremental_shard_of(path, inc->n_shards)];
    if (!shard->graph) {
        shard->graph = relgraph_graph_new();
        relgraph_graph_set_evidence_limit(shard->graph, inc->options.evidence_limit);
        shard->info.evidence_limit = inc->options.evidence_limit;
    }
    if (piece)
        relgraph_graph_merge(shard->graph, piece);
    add_info(&shard->info, info);
    if (inc->unkeyable[index] || !key)
        return TRUE;
    g_free(inc->keys[index]);
    inc->keys[index] = g_strdup(key);
    /* Remembered in the index when nothing about it needs saying again. */
    if (inc->statted[index] && !warned)
        relgraph_cache_index_set(inc->file_index, path, &inc->stats[index], inc->options.started, key);
    return TRUE;
}

static void store_group(const RelgraphIncremental *inc, const char *key, const RelgraphGraph *graph,
                        const RelgraphPartInfo *info)
{
    GError *error = NULL;
    if (!relgraph_cache_put(inc->cache, key, graph, info, &error))
        problem(inc, error);
}

/* Merges the shards built again into graph and stores them; the whole
 * corpus too when that is worth it. */
static void finish_shards(RelgraphIncremental *inc, RelgraphGraph *graph)
{
    /* A shard is stored when each of its documents was read and keyed. */
    gboolean complete = TRUE;
    guint taken = 0, rebuilt = 0;
    for (guint s = 0; s < inc->n_shards; s++) {
        Shard *shard = &inc->shards[s];
        if (shard->members->len && shard->taken)
            taken++;
        if (!shard->members->len || shard->taken)
            continue;
        rebuilt++;
        gboolean keyed = shard_key(inc, shard) && shard->graph && shard->info.documents == shard->members->len;
        if (keyed)
            store_group(inc, shard->key, shard->graph, &shard->info);
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
    if (inc->n_shards > 1 && complete && (taken == 0 || rebuilt == 0) && corpus_key(inc, whole)) {
        RelgraphPartInfo all = {0, 0, 0, inc->options.evidence_limit};
        for (guint s = 0; s < inc->n_shards; s++)
            add_info(&all, &inc->shards[s].info);
        store_group(inc, whole, graph, &all);
    }
}

void relgraph_incremental_finish(RelgraphIncremental *inc, RelgraphGraph *graph)
{
    if (!inc->whole_taken)
        finish_shards(inc, graph);
    GError *error = NULL;
    if (!relgraph_cache_index_save(inc->file_index, &error))
        problem(inc, error);
}

void relgraph_incremental_group_keys(const RelgraphCache *cache, GPtrArray *corpus, GHashTable *keys,
                                     GHashTable *keep)
{
    RelgraphIncremental *inc = plan_new((RelgraphCache *)cache, corpus);
    for (guint i = 0; i < corpus->len; i++)
        inc->keys[i] = g_strdup(g_hash_table_lookup(keys, g_ptr_array_index(corpus, i)));
    for (guint s = 0; s < inc->n_shards; s++)
        if (inc->shards[s].members->len && shard_key(inc, &inc->shards[s]))
            g_hash_table_add(keep, g_strdup(inc->shards[s].key));
    char whole[RELGRAPH_CACHE_KEY_SIZE];
    if (inc->n_shards > 1 && corpus_key(inc, whole))
        g_hash_table_add(keep, g_strdup(whole));
    relgraph_incremental_free(inc);
}

typedef struct {
    RelgraphIncremental *inc;
    guint warned;
} Run;

static void add_document(const RelgraphPipelineDocument *document, gpointer data)
{
    Run *run = data;
    gboolean warned = document->doc->warnings->len > 0;
    if (relgraph_incremental_add(run->inc, document->doc->path, document->piece, document->info, document->key,
                                 warned) &&
        warned)
        run->warned++;
}

void relgraph_incremental_run(RelgraphIncremental *inc, const RelgraphRules *rules,
                              const RelgraphExtractOptions *extract, const RelgraphPipelineOptions *options,
                              RelgraphGraph *graph, RelgraphPipelineStats *stats, guint *warned)
{
    Run run = {inc, 0};
    RelgraphPartInfo cached = {0};
    GPtrArray *again = relgraph_incremental_take(inc, graph, &cached);
    stats->documents += cached.documents;
    stats->cached += cached.documents;
    stats->sentences += cached.sentences;
    stats->relations += cached.mentions;
    if (again->len) {
        RelgraphPipelineOptions pipeline = *options;
        pipeline.cache = inc->cache;
        pipeline.evidence_limit = inc->options.evidence_limit;
        pipeline.keys_only = FALSE;
        relgraph_pipeline_run(rules, extract, again, &pipeline, add_document, &run, stats);
    }
    g_ptr_array_unref(again);
    relgraph_incremental_finish(inc, graph);
    if (warned)
        *warned = run.warned;
}
