/* The incremental build (relgraph/incremental.h) wired to the command
 * line's corpus run: the documents the cache cannot give are read and
 * extracted by cli_run_expanded, and problems are printed as warnings. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/incremental.h"

typedef struct {
    RelgraphIncremental *inc;
    CliRunStats *stats;
} Build;

static void add_document(const CliDocument *document, gpointer data)
{
    Build *build = data;
    gboolean warned = document->doc->warnings->len > 0;
    if (relgraph_incremental_add(build->inc, document->doc->path, document->piece, document->info, document->key,
                                 warned) &&
        warned)
        build->stats->warned++;
}

static void warn(RelgraphProblemLevel level, const GError *problem, gpointer unused)
{
    (void)level, (void)unused; /* only warnings */
    fprintf(stderr, "relgraph: warning: %s\n", problem->message);
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
    RelgraphIncrementalOptions incremental = {paths, (guint)n_paths, started, config->evidence_limit, warn, NULL};
    Build build = {relgraph_incremental_new(config->cache, expanded, stat_of, &incremental), stats};
    RelgraphPartInfo cached = {0};
    GPtrArray *again = relgraph_incremental_take(build.inc, graph, &cached);
    stats->documents += cached.documents;
    stats->cached += cached.documents;
    stats->sentences += cached.sentences;
    stats->relations += cached.mentions;
    if (again->len)
        cli_run_expanded(rules, extract, again, options, config, add_document, &build, stats);
    g_ptr_array_unref(again);
    relgraph_incremental_finish(build.inc, graph);
    relgraph_incremental_free(build.inc);
}
