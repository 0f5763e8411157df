/* The corpus pipeline (pipeline.c): documents in corpus order whatever
 * the number of threads, problems through the callback with their level,
 * counts, progress. A corpus of small files and a JSONL with a bad line. */
#include <criterion/criterion.h>

#include "relgraph/pipeline.h"
#include "rules_fixture.h"

static const char fixture_relations[] = "relation criticize directed\n"
                                        "  {src} criticized {dst}\n";

#define N_FILES 60 /* more than a batch per thread: batches are claimed out of order */
#define N_LINES 50

static RelgraphRules *rules;
static char *corpus;

static void setup(void)
{
    char *message = NULL;
    rules = fixture_rules(fixture_relations, &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    corpus = g_dir_make_tmp("relgraph-pipeline-XXXXXX", NULL);
    for (guint i = 0; i < N_FILES; i++) {
        char *path = g_strdup_printf("%s/doc%02u.txt", corpus, i);
        /* Every other document has a relation; the counts check the sum. */
        g_file_set_contents(path, i % 2 ? "Japan criticized North Korea." : "Nothing here.", -1, NULL);
        g_free(path);
    }
    GString *jsonl = g_string_new(NULL);
    for (guint i = 1; i <= N_LINES; i++) {
        if (i == 8)
            g_string_append(jsonl, "{\"text\": oops}\n");
        else if (i == 12)
            g_string_append(jsonl, "  \n"); /* blank: skipped, not a problem */
        else if (i == 20)
            g_string_append(jsonl, "{\"id\": \"doc03\", \"text\": \"Russia criticized Japan.\"}\n");
        else
            g_string_append_printf(jsonl, "{\"id\": \"line%02u\", \"text\": \"Japan criticized China.\"}\n", i);
    }
    char *path = g_build_filename(corpus, "z.jsonl", NULL);
    g_file_set_contents(path, jsonl->str, (gssize)jsonl->len, NULL);
    g_free(path);
    g_string_free(jsonl, TRUE);
    path = g_build_filename(corpus, "bin.txt", NULL);
    g_file_set_contents(path, "abc\0def", 7, NULL);
    g_free(path);
}

static void teardown(void)
{
    relgraph_rules_free(rules);
    GDir *d = g_dir_open(corpus, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *path = g_build_filename(corpus, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(corpus);
    g_free(corpus);
}

TestSuite(pipeline, .init = setup, .fini = teardown);

typedef struct {
    GString *ids;       /* "id mentions\n" per document, in the order fn got them */
    GString *problems;  /* "LEVEL message\n" */
    guint64 last_done;
    guint progress_calls, last_calls;
} Seen;

static void collect(const RelgraphPipelineDocument *d, gpointer data)
{
    Seen *seen = data;
    cr_assert_not_null(d->result, "without a cache, documents come extracted");
    cr_assert_null(d->piece);
    cr_assert_eq(d->info->mentions, d->result->relations->len);
    g_string_append_printf(seen->ids, "%s %u\n", d->doc->id, d->result->relations->len);
}

static void problem(RelgraphProblemLevel level, const GError *error, gpointer data)
{
    static const char *const names[] = {"FAILED", "SKIPPED", "WARNING"};
    Seen *seen = data;
    g_string_append_printf(seen->problems, "%s %s\n", names[level], error->message);
}

static void progress(guint64 done, guint total, gboolean last, gpointer data)
{
    Seen *seen = data;
    cr_assert_eq(total, 0u, "a corpus with JSONL has no known size");
    cr_assert_eq(done, seen->progress_calls, "one call per item, in order");
    seen->progress_calls++;
    seen->last_done = done;
    seen->last_calls += last;
}

/* Runs the test corpus (and a missing path) with jobs threads. */
static void run(guint jobs, gboolean quiet, Seen *seen, RelgraphPipelineStats *stats)
{
    *seen = (Seen){g_string_new(NULL), g_string_new(NULL), 0, 0, 0};
    *stats = (RelgraphPipelineStats){0};
    RelgraphPipelineOptions options = {.jobs = jobs, .quiet = quiet, .problem = problem, .progress = progress,
                                       .report_data = seen};
    char *missing = g_build_filename(corpus, "missing", NULL);
    const char *paths[] = {corpus, missing};
    GPtrArray *expanded = relgraph_pipeline_expand(paths, 2, &options, NULL, stats);
    cr_assert_eq(expanded->len, N_FILES + 2, "the missing path does not hide the directory");
    RelgraphExtractOptions extract = {.hedged = RELGRAPH_HEDGED_DROP};
    relgraph_pipeline_run(rules, &extract, expanded, &options, collect, seen, stats);
    g_ptr_array_unref(expanded);
    g_free(missing);
}

static char *expected_ids(void)
{
    GString *ids = g_string_new(NULL);
    for (guint i = 0; i < N_FILES; i++)
        g_string_append_printf(ids, "doc%02u %u\n", i, i % 2);
    for (guint i = 1; i <= N_LINES; i++)
        if (i == 20)
            g_string_append(ids, "doc03 1\n");
        else if (i != 8 && i != 12)
            g_string_append_printf(ids, "line%02u 1\n", i);
    return g_string_free(ids, FALSE);
}

static void seen_clear(Seen *seen)
{
    g_string_free(seen->ids, TRUE);
    g_string_free(seen->problems, TRUE);
}

Test(pipeline, documents_in_corpus_order_whatever_the_threads)
{
    char *expected = expected_ids();
    const guint jobs[] = {1, 2, 4, 7};
    for (guint j = 0; j < G_N_ELEMENTS(jobs); j++) {
        Seen seen;
        RelgraphPipelineStats stats;
        run(jobs[j], TRUE, &seen, &stats);
        cr_assert_str_eq(seen.ids->str, expected, "jobs %u", jobs[j]);
        cr_assert_eq(stats.documents, N_FILES + N_LINES - 2);
        cr_assert_eq(stats.relations, N_FILES / 2 + N_LINES - 2);
        cr_assert_eq(stats.failed, 2u, "the missing path and the bad line");
        cr_assert_eq(stats.skipped, 1u, "the binary file");
        cr_assert_eq(stats.cached, 0u);
        /* bin.txt, the files, the JSONL lines but the blank one. */
        cr_assert_eq(seen.progress_calls, 1 + 1 + N_FILES + N_LINES - 1);
        cr_assert_eq(seen.last_calls, 1u, "one last item");
        cr_assert_eq(seen.last_done, seen.progress_calls - 1u);
        seen_clear(&seen);
    }
    g_free(expected);
}

Test(pipeline, problems_through_the_callback_with_their_level)
{
    Seen seen;
    RelgraphPipelineStats stats;
    run(3, FALSE, &seen, &stats);
    GStrv lines = g_strsplit(seen.problems->str, "\n", -1);
    cr_assert_eq(g_strv_length(lines), 5u, "four problems: %s", seen.problems->str);
    cr_assert(g_str_has_prefix(lines[0], "FAILED ") && strstr(lines[0], "missing: "), "%s", lines[0]);
    cr_assert(g_str_has_prefix(lines[1], "SKIPPED ") && strstr(lines[1], "bin.txt: binary file"), "%s", lines[1]);
    cr_assert(g_str_has_prefix(lines[2], "FAILED ") && strstr(lines[2], "z.jsonl:8:"), "%s", lines[2]);
    cr_assert(g_str_has_prefix(lines[3], "WARNING ") && strstr(lines[3], "doc03.txt and ") &&
                  strstr(lines[3], "z.jsonl:20 have one document id, \"doc03\""),
              "%s", lines[3]);
    g_strfreev(lines);
    seen_clear(&seen);

    /* quiet: no remarks about the run, the same problems with documents. */
    run(3, TRUE, &seen, &stats);
    cr_assert_null(strstr(seen.problems->str, "WARNING"), "%s", seen.problems->str);
    cr_assert_eq(stats.failed, 2u);
    seen_clear(&seen);
}

Test(pipeline, without_callbacks_problems_are_counted)
{
    RelgraphPipelineOptions options = {.jobs = 2};
    RelgraphPipelineStats stats = {0};
    const char *paths[] = {corpus};
    GPtrArray *expanded = relgraph_pipeline_expand(paths, 1, &options, NULL, &stats);
    Seen seen = {g_string_new(NULL), g_string_new(NULL), 0, 0, 0};
    RelgraphExtractOptions extract = {.hedged = RELGRAPH_HEDGED_DROP};
    relgraph_pipeline_run(rules, &extract, expanded, &options, collect, &seen, &stats);
    cr_assert_eq(stats.failed, 1u);
    cr_assert_eq(stats.skipped, 1u);
    cr_assert_eq(stats.documents, N_FILES + N_LINES - 2);
    cr_assert_eq(seen.problems->len, 0u);
    seen_clear(&seen);
    g_ptr_array_unref(expanded);
}
