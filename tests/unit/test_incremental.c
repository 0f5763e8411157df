/* The incremental build (incremental.h): shards, and a build through the
 * cache — cold, warm, after one edit, over a damaged entry — giving the
 * graph a build without the cache gives, while reading only what changed. */
#define _DEFAULT_SOURCE /* utimes */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/time.h>

#include "relgraph/cache.h"
#include "relgraph/corpus.h"
#include "relgraph/incremental.h"
#include "relgraph/part.h"
#include "tree_fixture.h"

/* More than RELGRAPH_INCREMENTAL_SHARD_MIN documents: the corpus is sharded. */
#define N_DOCS 1100

static char *dir, *corpus_dir, *cache_dir;
static RelgraphRules *rules;
static RelgraphCache *cache;
static GPtrArray *corpus;
static GHashTable *stat_of;
static const RelgraphExtractOptions extract_options = {0};

static const char *const states[] = {"China", "Japan", "Russia", "North Korea", "United States", "France"};
static const char *const verbs[] = {"criticized", "met", "praised", "condemned"};

static void write_document(guint i, const char *extra)
{
    char *path = g_strdup_printf("%s/doc%04u.txt", corpus_dir, i);
    char *text = g_strdup_printf("%s %s %s on Monday.%s\n", states[i % 6], verbs[i % 4], states[(i / 6 + i + 1) % 6],
                                 extra ? extra : "");
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    /* Older than the file index's window, as after a cache restore. */
    struct timeval times[2] = {{1000000000 + (time_t)i, 0}, {1000000000 + (time_t)i, 0}};
    cr_assert_eq(utimes(path, times), 0);
    g_free(text);
    g_free(path);
}

/* Waits out the file index's window: a file changed within it is not
 * remembered (its change time cannot be set back as its mtime can). */
static void settle(void)
{
    g_usleep((gulong)RELGRAPH_CACHE_RACY_SECONDS * G_USEC_PER_SEC + 100000);
}

/* The corpus's paths, sorted, with their stats. */
static void walk(void)
{
    if (corpus)
        g_ptr_array_unref(corpus);
    if (stat_of)
        g_hash_table_destroy(stat_of);
    corpus = g_ptr_array_new_with_free_func(g_free);
    stat_of = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < N_DOCS; i++)
        g_ptr_array_add(corpus, g_strdup_printf("%s/doc%04u.txt", corpus_dir, i));
    for (guint i = 0; i < corpus->len; i++) {
        GStatBuf *st = g_new(GStatBuf, 1);
        cr_assert_eq(g_stat(g_ptr_array_index(corpus, i), st), 0);
        g_hash_table_insert(stat_of, g_ptr_array_index(corpus, i), st);
    }
}

static void setup(void)
{
    dir = g_dir_make_tmp("relgraph-incremental-XXXXXX", NULL);
    cr_assert_not_null(dir);
    corpus_dir = g_build_filename(dir, "corpus", NULL);
    cache_dir = g_build_filename(dir, "cache", NULL);
    cr_assert_eq(g_mkdir(corpus_dir, 0755), 0);
    for (guint i = 0; i < N_DOCS; i++)
        write_document(i, NULL);
    GError *error = NULL;
    rules = relgraph_rules_load(RELGRAPH_SOURCE_DIR "/rules", NULL, &error);
    cr_assert_not_null(rules, "%s", error ? error->message : "");
    cache = relgraph_cache_open(cache_dir, rules, NULL, &error);
    cr_assert_not_null(cache, "%s", error ? error->message : "");
    walk();
}

static void settled_setup(void)
{
    setup();
    settle();
}

static void teardown(void)
{
    g_ptr_array_unref(corpus);
    g_hash_table_destroy(stat_of);
    corpus = NULL;
    stat_of = NULL;
    relgraph_cache_free(cache);
    relgraph_rules_free(rules);
    remove_tree(dir);
    g_free(dir);
    g_free(corpus_dir);
    g_free(cache_dir);
}

TestSuite(incremental, .init = setup, .fini = teardown);

/* The corpus's graph without the cache, as a part. */
static char *full_build(void)
{
    RelgraphGraph *graph = relgraph_graph_new();
    relgraph_graph_set_evidence_limit(graph, RELGRAPH_CACHE_DEFAULT_EVIDENCE);
    RelgraphPartInfo info = {0, 0, 0, RELGRAPH_CACHE_DEFAULT_EVIDENCE};
    for (guint i = 0; i < corpus->len; i++) {
        RelgraphDocument *doc = relgraph_document_load(g_ptr_array_index(corpus, i), NULL);
        cr_assert_not_null(doc);
        RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &extract_options);
        relgraph_extract_add_to_graph(doc, result, graph);
        info.documents++;
        info.sentences += result->n_sentences;
        info.mentions += result->relations->len;
        relgraph_extract_result_free(result);
        relgraph_document_free(doc);
    }
    gsize len = 0;
    char *part = relgraph_part_write(graph, &info, &len);
    relgraph_graph_free(graph);
    return part;
}

static guint problems;

static void count_problem(RelgraphProblemLevel level, const GError *problem, gpointer data)
{
    (void)data;
    cr_assert_eq(level, RELGRAPH_PROBLEM_WARNING);
    cr_assert_not_null(problem->message);
    problems++;
}

/* A build through the cache as a caller runs one: each path left to read
 * is read, keyed, and taken from its entry or extracted and stored.
 * *read gets how many paths were left to read. */
static char *cached_build(guint *read)
{
    RelgraphIncrementalOptions options = {NULL, 0, g_get_real_time(), 0, count_problem, NULL};
    char *arguments[] = {corpus_dir};
    options.arguments = arguments;
    options.n_arguments = 1;
    RelgraphIncremental *inc = relgraph_incremental_new(cache, corpus, stat_of, &options);
    RelgraphGraph *graph = relgraph_graph_new();
    relgraph_graph_set_evidence_limit(graph, RELGRAPH_CACHE_DEFAULT_EVIDENCE);
    RelgraphPartInfo info = {0, 0, 0, RELGRAPH_CACHE_DEFAULT_EVIDENCE};
    GPtrArray *todo = relgraph_incremental_take(inc, graph, &info);
    *read = todo->len;
    for (guint i = 0; i < todo->len; i++) {
        const char *path = g_ptr_array_index(todo, i);
        RelgraphDocument *doc = relgraph_document_load(path, NULL);
        cr_assert_not_null(doc);
        char key[RELGRAPH_CACHE_KEY_SIZE];
        relgraph_cache_key(cache, doc, key);
        RelgraphPartInfo one = {0};
        gboolean damaged = FALSE;
        RelgraphGraph *piece = relgraph_cache_get(cache, key, &one, &damaged, NULL);
        if (!piece) {
            piece = relgraph_graph_new();
            relgraph_graph_set_evidence_limit(piece, RELGRAPH_CACHE_DEFAULT_EVIDENCE);
            RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &extract_options);
            relgraph_extract_add_to_graph(doc, result, piece);
            one = (RelgraphPartInfo){1, result->n_sentences, result->relations->len, RELGRAPH_CACHE_DEFAULT_EVIDENCE};
            relgraph_extract_result_free(result);
            cr_assert(relgraph_cache_put(cache, key, piece, &one, NULL));
        }
        cr_assert(relgraph_incremental_add(inc, path, piece, &one, key, FALSE));
        info.documents += one.documents;
        info.sentences += one.sentences;
        info.mentions += one.mentions;
        relgraph_graph_free(piece);
        relgraph_document_free(doc);
    }
    g_ptr_array_unref(todo);
    cr_assert_not(relgraph_incremental_add(inc, "not/in/the/corpus.txt", NULL, &info, NULL, FALSE));
    relgraph_incremental_finish(inc, graph);
    relgraph_incremental_free(inc);
    gsize len = 0;
    char *part = relgraph_part_write(graph, &info, &len);
    relgraph_graph_free(graph);
    return part;
}

/* The same build in one call, through the library's corpus run; *stats
 * gets its counts. */
static char *run_build(RelgraphPipelineStats *stats)
{
    char *arguments[] = {corpus_dir};
    RelgraphIncrementalOptions options = {arguments, 1, g_get_real_time(), 0, count_problem, NULL};
    RelgraphIncremental *inc = relgraph_incremental_new(cache, corpus, stat_of, &options);
    RelgraphGraph *graph = relgraph_graph_new();
    relgraph_graph_set_evidence_limit(graph, RELGRAPH_CACHE_DEFAULT_EVIDENCE);
    RelgraphPipelineOptions pipeline = {.jobs = 2, .problem = count_problem};
    *stats = (RelgraphPipelineStats){0};
    guint warned = 1;
    relgraph_incremental_run(inc, rules, &extract_options, &pipeline, graph, stats, &warned);
    cr_assert_eq(warned, 0);
    relgraph_incremental_free(inc);
    RelgraphPartInfo info = {stats->documents, stats->sentences, stats->relations, RELGRAPH_CACHE_DEFAULT_EVIDENCE};
    gsize len = 0;
    char *part = relgraph_part_write(graph, &info, &len);
    relgraph_graph_free(graph);
    return part;
}

Test(incremental, shards_split_large_corpora_by_path)
{
    cr_assert_eq(relgraph_incremental_shard_count(RELGRAPH_INCREMENTAL_SHARD_MIN - 1), 1);
    cr_assert_eq(relgraph_incremental_shard_count(RELGRAPH_INCREMENTAL_SHARD_MIN), RELGRAPH_INCREMENTAL_SHARDS);
    cr_assert_eq(relgraph_incremental_shard_of("a/b.txt", 1), 0);
    guint seen[RELGRAPH_INCREMENTAL_SHARDS] = {0};
    for (guint i = 0; i < corpus->len; i++) {
        const char *path = g_ptr_array_index(corpus, i);
        guint s = relgraph_incremental_shard_of(path, RELGRAPH_INCREMENTAL_SHARDS);
        cr_assert_lt(s, RELGRAPH_INCREMENTAL_SHARDS);
        cr_assert_eq(s, relgraph_incremental_shard_of(path, RELGRAPH_INCREMENTAL_SHARDS), "stable");
        seen[s]++;
    }
    /* By a hash: every shard gets some of 1,100 documents. */
    for (guint s = 0; s < RELGRAPH_INCREMENTAL_SHARDS; s++)
        cr_assert_gt(seen[s], 0, "shard %u", s);
}

Test(incremental, cached_builds_equal_a_build_without_the_cache, .init = settled_setup)
{
    char *full = full_build();
    guint read = 0;
    char *cold = cached_build(&read);
    cr_assert_eq(read, N_DOCS, "a cold build reads everything");
    cr_assert_str_eq(cold, full);
    char *warm = cached_build(&read);
    cr_assert_eq(read, 0, "nothing changed: the corpus's entry");
    cr_assert_str_eq(warm, full);

    /* One document edited: its shard is read again, the others are taken. */
    write_document(7, " Japan criticized China.");
    settle();
    walk();
    char *edited_full = full_build();
    cr_assert_str_neq(edited_full, full);
    char *edited = cached_build(&read);
    guint shard = relgraph_incremental_shard_of(g_ptr_array_index(corpus, 7), RELGRAPH_INCREMENTAL_SHARDS);
    guint members = 0;
    for (guint i = 0; i < corpus->len; i++)
        members += relgraph_incremental_shard_of(g_ptr_array_index(corpus, i), RELGRAPH_INCREMENTAL_SHARDS) == shard;
    cr_assert_eq(read, members, "read %u, the shard has %u", read, members);
    cr_assert_str_eq(edited, edited_full);
    /* Next time the edited shard is an entry too: nothing but shards read. */
    char *again = cached_build(&read);
    cr_assert_eq(read, 0);
    cr_assert_str_eq(again, edited_full);
    cr_assert_eq(problems, 0);
    g_free(full);
    g_free(cold);
    g_free(warm);
    g_free(edited_full);
    g_free(edited);
    g_free(again);
}

/* Each document's key, by path. */
static GHashTable *document_keys(void)
{
    GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < corpus->len; i++) {
        RelgraphDocument *doc = relgraph_document_load(g_ptr_array_index(corpus, i), NULL);
        char key[RELGRAPH_CACHE_KEY_SIZE];
        relgraph_cache_key(cache, doc, key);
        g_hash_table_insert(keys, g_strdup(g_ptr_array_index(corpus, i)), g_strdup(key));
        relgraph_document_free(doc);
    }
    return keys;
}

Test(incremental, a_damaged_group_entry_is_reported_and_built_again, .init = settled_setup)
{
    char *full = full_build();
    guint read = 0;
    g_free(cached_build(&read));
    /* One byte flipped in the corpus's entry and in every shard's. */
    GHashTable *keys = document_keys();
    GHashTable *keep = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    relgraph_incremental_group_keys(cache, corpus, keys, keep);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, keep);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        char sub[3] = {((char *)key)[0], ((char *)key)[1], '\0'};
        char *name = g_strconcat(key, ".part", NULL);
        char *path = g_build_filename(cache_dir, "v1", sub, name, NULL);
        char *data = NULL;
        gsize len = 0;
        cr_assert(g_file_get_contents(path, &data, &len, NULL), "%s", path);
        data[len / 2] ^= 1;
        cr_assert(g_file_set_contents(path, data, (gssize)len, NULL));
        g_free(data);
        g_free(path);
        g_free(name);
    }
    problems = 0;
    char *rebuilt = cached_build(&read);
    cr_assert_eq(problems, RELGRAPH_INCREMENTAL_SHARDS + 1, "each damaged entry is reported: %u", problems);
    cr_assert_eq(read, N_DOCS, "every shard read again");
    cr_assert_str_eq(rebuilt, full);
    /* And stored again: the next build reads nothing. */
    char *again = cached_build(&read);
    cr_assert_eq(read, 0);
    cr_assert_str_eq(again, full);
    g_free(again);
    g_free(rebuilt);
    g_free(full);
    g_hash_table_destroy(keep);
    g_hash_table_destroy(keys);
}

Test(incremental, group_keys_name_the_entries_a_build_stores)
{
    guint read = 0;
    g_free(cached_build(&read));
    GHashTable *keys = document_keys();
    GHashTable *keep = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    relgraph_incremental_group_keys(cache, corpus, keys, keep);
    cr_assert_eq(g_hash_table_size(keep), RELGRAPH_INCREMENTAL_SHARDS + 1, "the shards and the corpus");
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, keep);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        RelgraphPartInfo info = {0};
        gboolean damaged = FALSE;
        RelgraphGraph *graph = relgraph_cache_get(cache, key, &info, &damaged, NULL);
        cr_assert_not_null(graph, "entry %s stored", (char *)key);
        relgraph_graph_free(graph);
    }
    /* A document without a key: its shard and the corpus are not named. */
    g_hash_table_remove(keys, g_ptr_array_index(corpus, 0));
    g_hash_table_remove_all(keep);
    relgraph_incremental_group_keys(cache, corpus, keys, keep);
    cr_assert_eq(g_hash_table_size(keep), RELGRAPH_INCREMENTAL_SHARDS - 1);
    g_hash_table_destroy(keep);
    g_hash_table_destroy(keys);
}

/* The options struct is part of every key; zeroed, it is the defaults. */
Test(incremental, cache_options_are_part_of_every_key)
{
    RelgraphDocument *doc = relgraph_document_load(g_ptr_array_index(corpus, 0), NULL);
    cr_assert_not_null(doc);
    const RelgraphCacheOptions variants[] = {
        {RELGRAPH_HEDGED_DROP, FALSE, 0},
        {RELGRAPH_HEDGED_DROP, FALSE, RELGRAPH_CACHE_DEFAULT_EVIDENCE},
        {RELGRAPH_HEDGED_KEEP, FALSE, 0},
        {RELGRAPH_HEDGED_DROP, TRUE, 0},
        {RELGRAPH_HEDGED_DROP, FALSE, 5},
    };
    char keys[G_N_ELEMENTS(variants)][RELGRAPH_CACHE_KEY_SIZE];
    for (guint i = 0; i < G_N_ELEMENTS(variants); i++) {
        RelgraphCache *c = relgraph_cache_open(cache_dir, rules, &variants[i], NULL);
        cr_assert_not_null(c);
        relgraph_cache_key(c, doc, keys[i]);
        relgraph_cache_free(c);
    }
    char defaults[RELGRAPH_CACHE_KEY_SIZE];
    relgraph_cache_key(cache, doc, defaults);
    cr_assert_str_eq(keys[0], defaults, "NULL options are the defaults");
    cr_assert_str_eq(keys[1], defaults, "evidence 0 is the default, 3");
    for (guint i = 1; i < G_N_ELEMENTS(variants); i++)
        for (guint j = i + 1; j < G_N_ELEMENTS(variants); j++)
            cr_assert_str_neq(keys[i], keys[j], "options %u and %u", i, j);
    relgraph_document_free(doc);
}

Test(incremental, one_call_builds_equal_a_build_without_the_cache, .init = settled_setup)
{
    char *full = full_build();
    RelgraphPipelineStats stats;
    char *cold = run_build(&stats);
    cr_assert_eq(stats.documents, N_DOCS);
    cr_assert_eq(stats.cached, 0, "a cold build extracts everything");
    cr_assert_str_eq(cold, full);
    char *warm = run_build(&stats);
    cr_assert_eq(stats.documents, N_DOCS);
    cr_assert_eq(stats.cached, N_DOCS, "a warm build takes everything from the cache");
    cr_assert_str_eq(warm, full);

    write_document(3, " Russia met France.");
    settle();
    walk();
    char *edited_full = full_build();
    char *edited = run_build(&stats);
    cr_assert_lt(stats.cached, N_DOCS, "the edited shard is read again");
    cr_assert_gt(stats.cached, 0, "the others are not");
    cr_assert_str_eq(edited, edited_full);
    cr_assert_eq(problems, 0);
    g_free(full);
    g_free(cold);
    g_free(warm);
    g_free(edited_full);
    g_free(edited);
}
