/* A corpus run for the subcommands: the library's pipeline (pipeline.h)
 * with its problems printed and counted, and a progress line on a
 * terminal. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "relgraph/incremental.h"

/* Problems print as "relgraph: message"; those that do not count as a
 * failure as warnings. */
static void print_problem(RelgraphProblemLevel level, const GError *problem, gpointer unused)
{
    (void)unused;
    fprintf(stderr, "relgraph: %s%s\n", level == RELGRAPH_PROBLEM_FAILED ? "" : "warning: ", problem->message);
}

/* "relgraph: 150/1000 documents" every 50 documents, on a terminal and
 * for a corpus large enough to wait for (or of JSONL, whose size is not
 * known in advance). */
static void print_progress(guint64 done, guint total, gboolean last, gpointer data)
{
    gboolean *shown = data;
    if (done == 0)
        *shown = isatty(STDERR_FILENO) && (total == 0 || total >= 100);
    else if (*shown && (done % 50 == 0 || last)) {
        if (total)
            fprintf(stderr, "\rrelgraph: %" G_GUINT64_FORMAT "/%u documents", done, total);
        else
            fprintf(stderr, "\rrelgraph: %" G_GUINT64_FORMAT " documents", done);
    }
}

static void add_stats(CliRunStats *stats, const RelgraphPipelineStats *run)
{
    stats->documents += run->documents;
    stats->failed += run->failed;
    stats->skipped += run->skipped;
    stats->sentences += run->sentences;
    stats->relations += run->relations;
    stats->cached += run->cached;
}

GPtrArray *cli_expand_corpus(char **paths, int n_paths, CliRunStats *stats, GHashTable *stat_of)
{
    RelgraphPipelineOptions options = {.problem = print_problem};
    RelgraphPipelineStats run = {0};
    GPtrArray *expanded = relgraph_pipeline_expand((const char *const *)paths, (guint)n_paths, &options, stat_of, &run);
    add_stats(stats, &run);
    return expanded;
}

/* The pipeline options a subcommand's corpus options ask for; *progress
 * says whether the progress line was shown. */
static RelgraphPipelineOptions pipeline_options(const CliCorpusOptions *options, const CliRunConfig *config,
                                                gboolean *progress)
{
    *progress = FALSE;
    return (RelgraphPipelineOptions){
        .jobs = options->jobs > 0 ? (guint)options->jobs : 0,
        .stdin_jsonl = options->stdin_format && strcmp(options->stdin_format, "jsonl") == 0,
        .quiet = options->quiet,
        .cache = config ? config->cache : NULL,
        .evidence_limit = config ? config->evidence_limit : 0,
        .keys_only = config && config->keys_only,
        .problem = print_problem,
        .progress = options->quiet ? NULL : print_progress,
        .report_data = progress,
    };
}

void cli_run_expanded(const RelgraphRules *rules, const RelgraphExtractOptions *extract, GPtrArray *paths,
                      const CliCorpusOptions *options, const CliRunConfig *config, CliDocumentFunc fn,
                      gpointer user_data, CliRunStats *stats)
{
    gboolean progress;
    RelgraphPipelineOptions run_options = pipeline_options(options, config, &progress);
    RelgraphPipelineStats run = {0};
    relgraph_pipeline_run(rules, extract, paths, &run_options, fn, user_data, &run);
    add_stats(stats, &run);
    if (progress)
        fputc('\n', stderr);
}

void cli_build_cached_expanded(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                               int n_paths, GPtrArray *expanded, GHashTable *stat_of, gint64 started,
                               const CliCorpusOptions *options, const CliRunConfig *config, RelgraphGraph *graph,
                               CliRunStats *stats)
{
    gboolean progress;
    RelgraphPipelineOptions run_options = pipeline_options(options, config, &progress);
    RelgraphIncrementalOptions incremental = {paths, (guint)n_paths, started, config->evidence_limit, print_problem,
                                              NULL};
    RelgraphIncremental *inc = relgraph_incremental_new(config->cache, expanded, stat_of, &incremental);
    RelgraphPipelineStats run = {0};
    guint warned = 0;
    relgraph_incremental_run(inc, rules, extract, &run_options, graph, &run, &warned);
    relgraph_incremental_free(inc);
    add_stats(stats, &run);
    stats->warned += warned;
    if (progress)
        fputc('\n', stderr);
}

gboolean cli_run_corpus(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                        int n_paths, const CliCorpusOptions *options, const CliRunConfig *config,
                        CliDocumentFunc fn, gpointer user_data, CliRunStats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (n_paths == 0) {
        fprintf(stderr, "relgraph: no corpus given (files, directories or - for stdin)\n");
        return FALSE;
    }
    GPtrArray *expanded = cli_expand_corpus(paths, n_paths, stats, NULL);
    cli_run_expanded(rules, extract, expanded, options, config, fn, user_data, stats);
    g_ptr_array_unref(expanded);
    return TRUE;
}
