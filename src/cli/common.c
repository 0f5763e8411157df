/* What the subcommands share: rule loading, corpus runs, messages. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relgraph/actor_lookup.h"
#include "relgraph/rulefile.h"

void cli_add_corpus_options(GOptionContext *context, CliCorpusOptions *options)
{
    const GOptionEntry entries[] = {
        {"rules", 'r', 0, G_OPTION_ARG_FILENAME, &options->rules_dir,
         "Rules directory (default: $RELGRAPH_RULES, else the project's rules/)", "DIR"},
        {"hedged", 0, 0, G_OPTION_ARG_STRING, &options->hedged,
         "What to do with hedged or negated statements (\"may visit\", \"did not visit\"): drop (default) or keep",
         "drop|keep"},
        {"no-discovery", 0, 0, G_OPTION_ARG_NONE, &options->no_discovery,
         "Only the actors of the rules: no person named with a title, or state institution, found in the text",
         NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &options->jobs,
         "Extract N documents at a time (default: one per core); outputs do not depend on it", "N"},
        {"stdin-format", 0, 0, G_OPTION_ARG_STRING, &options->stdin_format,
         "What - (standard input) holds: text, one document (default), or jsonl, one JSON document per line",
         "text|jsonl"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet, "No progress or summary on stderr", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

void cli_corpus_options_clear(CliCorpusOptions *options)
{
    g_free(options->rules_dir);
    g_free(options->hedged);
    g_free(options->stdin_format);
}

/* GOption does not split an attached value ("-j2", "-oout.svg") from its
 * short option; do it first, as getopt users expect.  The rewritten vector
 * lives until exit (the subcommands keep pointers into it). */
static void split_attached_values(int *argc, char ***argv)
{
    static const char with_value[] = "jorTKg";
    static GPtrArray *rewritten;
    gboolean needed = FALSE;
    for (int i = 1; i < *argc && strcmp((*argv)[i], "--") != 0; i++) {
        const char *arg = (*argv)[i];
        if (arg[0] == '-' && arg[1] && arg[1] != '-' && strchr(with_value, arg[1]) && arg[2])
            needed = TRUE;
    }
    if (!needed)
        return;
    if (rewritten)
        g_ptr_array_unref(rewritten);
    rewritten = g_ptr_array_new_with_free_func(g_free);
    gboolean options_over = FALSE;
    for (int i = 0; i < *argc; i++) {
        const char *arg = (*argv)[i];
        if (strcmp(arg, "--") == 0)
            options_over = TRUE;
        if (!options_over && i > 0 && arg[0] == '-' && arg[1] && arg[1] != '-' &&
            strchr(with_value, arg[1]) && arg[2]) {
            g_ptr_array_add(rewritten, g_strndup(arg, 2));
            g_ptr_array_add(rewritten, g_strdup(arg + 2));
        } else {
            g_ptr_array_add(rewritten, g_strdup(arg));
        }
    }
    /* GOption shuffles the vector it is given: hand it a copy, so the
     * strings stay owned (and reachable) through `rewritten`. */
    static char **handed_out;
    g_free(handed_out);
    handed_out = g_new0(char *, rewritten->len + 1);
    memcpy(handed_out, rewritten->pdata, rewritten->len * sizeof(char *));
    *argc = (int)rewritten->len;
    *argv = handed_out;
}

gboolean cli_parse(GOptionContext *context, int *argc, char ***argv)
{
    GError *error = NULL;
    split_attached_values(argc, argv);
    if (!g_option_context_parse(context, argc, argv, &error)) {
        fprintf(stderr, "relgraph: %s\n(see relgraph %s --help)\n", error->message,
                (*argv)[0] ? (*argv)[0] : "");
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

gint cli_find_actor(const RelgraphDictionary *dict, const char *name, const char *what)
{
    GPtrArray *near = g_ptr_array_new();
    gboolean ambiguous = FALSE;
    gint id = relgraph_actor_lookup(dict, name, near, &ambiguous);
    if (id < 0) {
        GString *names = g_string_new(NULL);
        /* A short name such as "Kim" may name dozens. */
        for (guint i = 0; i < near->len && i < 8; i++)
            g_string_append_printf(names, "%s\"%s\"", i ? ", " : "", (const char *)g_ptr_array_index(near, i));
        if (near->len > 8)
            g_string_append_printf(names, " and %u more", near->len - 8);
        if (ambiguous)
            fprintf(stderr, "relgraph: %s: \"%s\" names several actors: %s; give one of them\n", what, name,
                    names->str);
        else if (near->len)
            fprintf(stderr, "relgraph: %s: no actor \"%s\" in the rules; nearest: %s\n", what, name, names->str);
        else
            fprintf(stderr, "relgraph: %s: no actor \"%s\" in the rules, and none near it (see relgraph actors)\n",
                    what, name);
        g_string_free(names, TRUE);
    }
    g_ptr_array_unref(near);
    return id;
}

guint cli_evidence_limit(gint max_evidence)
{
    return max_evidence > 0 ? (guint)max_evidence : RELGRAPH_DEFAULT_MAX_EVIDENCE;
}

void cli_report(GError *error)
{
    if (!error)
        return;
    fprintf(stderr, "relgraph: %s\n", error->message);
    g_error_free(error);
}

static guint rules_diagnostics;

guint cli_rules_diagnostics(void)
{
    return rules_diagnostics;
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
    rules_diagnostics += diagnostics->len;
    if (!rules && error && relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR) == 0)
        fprintf(stderr, "relgraph: %s\n", error->message);
    g_clear_error(&error);
    g_ptr_array_unref(diagnostics);
    return rules;
}

void cli_free_rules(RelgraphRules *rules)
{
    if (!rules)
        return;
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    relgraph_relations_budget_report(rules->relations, diagnostics);
    for (guint i = 0; i < diagnostics->len; i++)
        fprintf(stderr, "%s\n", ((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, i))->message);
    g_ptr_array_unref(diagnostics);
    relgraph_rules_free(rules);
}

gboolean cli_extract_options(const CliCorpusOptions *options, RelgraphExtractOptions *out)
{
    *out = (RelgraphExtractOptions){.hedged = RELGRAPH_HEDGED_DROP, .no_discovery = options->no_discovery};
    if (options->jobs > CLI_MAX_JOBS) { /* each job has slots in flight: -j 2000000000 asked for 526 GB */
        fprintf(stderr, "relgraph: --jobs must be at most %d, not %d\n", CLI_MAX_JOBS, options->jobs);
        return FALSE;
    }
    if (options->stdin_format && strcmp(options->stdin_format, "text") != 0 &&
        strcmp(options->stdin_format, "jsonl") != 0) {
        fprintf(stderr, "relgraph: --stdin-format must be text or jsonl, not \"%s\"\n", options->stdin_format);
        return FALSE;
    }
    if (!options->hedged || strcmp(options->hedged, "drop") == 0)
        return TRUE;
    if (strcmp(options->hedged, "keep") == 0) {
        out->hedged = RELGRAPH_HEDGED_KEEP;
        return TRUE;
    }
    fprintf(stderr, "relgraph: --hedged must be drop or keep, not \"%s\"\n", options->hedged);
    return FALSE;
}

void cli_add_cache_options(GOptionContext *context, CliCacheOptions *options)
{
    const GOptionEntry entries[] = {
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &options->dir,
         "Extraction cache directory (default, when a CORPUS is a directory: $RELGRAPH_CACHE_DIR, else "
         "$XDG_CACHE_HOME/relgraph, i.e. ~/.cache/relgraph)", "DIR"},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &options->disabled, "Extract every document; read and write no cache",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

char *cli_cache_dir(const CliCacheOptions *options, char **paths, int n_paths)
{
    if (options->disabled)
        return NULL;
    gboolean wanted = options->dir != NULL;
    for (int i = 0; i < n_paths && !wanted; i++)
        wanted = g_file_test(paths[i], G_FILE_TEST_IS_DIR);
    if (!wanted)
        return NULL;
    return options->dir ? g_strdup(options->dir) : relgraph_cache_default_dir();
}

RelgraphCache *cli_open_cache(const CliCacheOptions *options, const CliCorpusOptions *corpus,
                              const RelgraphRules *rules, guint evidence_limit, char **paths, int n_paths)
{
    char *dir = cli_cache_dir(options, paths, n_paths);
    if (!dir)
        return NULL;
    /* Everything besides rules and document that changes what a document gives. */
    RelgraphCacheOptions settings = {corpus->hedged && strcmp(corpus->hedged, "keep") == 0 ? RELGRAPH_HEDGED_KEEP
                                                                                           : RELGRAPH_HEDGED_DROP,
                                     corpus->no_discovery, evidence_limit};
    GError *error = NULL;
    RelgraphCache *cache = relgraph_cache_open(dir, rules, &settings, &error);
    if (!cache) {
        fprintf(stderr, "relgraph: warning: %s; running without a cache\n", error->message);
        g_error_free(error);
    }
    g_free(dir);
    return cache;
}

gboolean cli_write_part(const RelgraphGraph *graph, const RelgraphPartInfo *info, const char *path)
{
    GError *error = NULL;
    gboolean ok = relgraph_part_write_file(graph, info, path ? path : "-", &error);
    cli_report(error);
    return ok;
}
