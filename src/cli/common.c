/* What the subcommands share: rule loading, corpus runs, messages. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relgraph/rulefile.h"

void cli_add_corpus_options(GOptionContext *context, CliCorpusOptions *options)
{
    const GOptionEntry entries[] = {
        {"rules", 'r', 0, G_OPTION_ARG_FILENAME, &options->rules_dir,
         "Rules directory (default: $RELGRAPH_RULES, else the project's rules/)", "DIR"},
        {"hedged", 0, 0, G_OPTION_ARG_STRING, &options->hedged,
         "What to do with hedged or negated statements (\"may visit\", \"did not visit\"): drop (default) or keep",
         "drop|keep"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet, "No progress or summary on stderr", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

void cli_corpus_options_clear(CliCorpusOptions *options)
{
    g_free(options->rules_dir);
    g_free(options->hedged);
}

gboolean cli_parse(GOptionContext *context, int *argc, char ***argv)
{
    GError *error = NULL;
    if (!g_option_context_parse(context, argc, argv, &error)) {
        fprintf(stderr, "relgraph: %s\n(see relgraph %s --help)\n", error->message,
                (*argv)[0] ? (*argv)[0] : "");
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

void cli_report(GError *error)
{
    if (!error)
        return;
    fprintf(stderr, "relgraph: %s\n", error->message);
    g_error_free(error);
}

RelgraphRules *cli_load_rules(const CliCorpusOptions *options)
{
    const char *dir = options->rules_dir ? options->rules_dir : relgraph_rules_default_dir();
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(dir, diagnostics, &error);
    /* Every diagnostic, errors and warnings, in file order. */
    for (guint i = 0; i < diagnostics->len; i++)
        fprintf(stderr, "%s\n", ((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, i))->message);
    if (!rules && error && relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR) == 0)
        fprintf(stderr, "relgraph: %s\n", error->message);
    g_clear_error(&error);
    g_ptr_array_unref(diagnostics);
    return rules;
}

gboolean cli_extract_options(const CliCorpusOptions *options, RelgraphExtractOptions *out)
{
    *out = (RelgraphExtractOptions){.hedged = RELGRAPH_HEDGED_DROP};
    if (!options->hedged || strcmp(options->hedged, "drop") == 0)
        return TRUE;
    if (strcmp(options->hedged, "keep") == 0) {
        out->hedged = RELGRAPH_HEDGED_KEEP;
        return TRUE;
    }
    fprintf(stderr, "relgraph: --hedged must be drop or keep, not \"%s\"\n", options->hedged);
    return FALSE;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

gboolean cli_run_corpus(const RelgraphRules *rules, const RelgraphExtractOptions *extract,
                        char **paths, int n_paths, gboolean quiet, CliDocumentFunc fn,
                        gpointer user_data, CliRunStats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (n_paths == 0) {
        fprintf(stderr, "relgraph: no corpus given (files, directories or - for stdin)\n");
        return FALSE;
    }
    /* Expand each path on its own, so that one missing path does not hide
     * the others; the union is sorted again as a whole. */
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < n_paths; i++) {
        GError *error = NULL;
        const char *one[] = {paths[i]};
        GPtrArray *found = relgraph_corpus_expand(one, 1, &error);
        if (!found) {
            cli_report(error);
            stats->failed++;
            continue;
        }
        for (guint j = 0; j < found->len; j++) {
            char *p = g_ptr_array_index(found, j);
            if (g_hash_table_contains(seen, p))
                continue;
            char *copy = g_strdup(p);
            g_hash_table_add(seen, copy);
            g_ptr_array_add(all, copy);
        }
        g_ptr_array_unref(found);
    }
    g_hash_table_destroy(seen);
    g_ptr_array_sort(all, compare_paths);

    gboolean progress = !quiet && isatty(STDERR_FILENO) && all->len >= 100;
    for (guint i = 0; i < all->len; i++) {
        const char *path = g_ptr_array_index(all, i);
        GError *error = NULL;
        RelgraphDocument *doc = relgraph_document_load(path, &error);
        if (!doc) {
            cli_report(error);
            stats->failed++;
            continue;
        }
        for (guint w = 0; w < doc->warnings->len; w++)
            fprintf(stderr, "relgraph: warning: %s\n", (const char *)g_ptr_array_index(doc->warnings, w));
        RelgraphExtractResult *result = relgraph_extract_document(rules, doc, extract);
        stats->documents++;
        stats->sentences += result->n_sentences;
        stats->relations += result->relations->len;
        fn(doc, result, user_data);
        relgraph_extract_result_free(result);
        relgraph_document_free(doc);
        if (progress && (i % 50 == 0 || i + 1 == all->len))
            fprintf(stderr, "\rrelgraph: %u/%u documents", i + 1, all->len);
    }
    if (progress)
        fputc('\n', stderr);
    g_ptr_array_unref(all);
    return TRUE;
}
