/* relgraph lint: every problem of a rules directory, as file:line:col. */
#include <stdio.h>

#include "cli.h"
#include "relgraph/lint.h"
#include "relgraph/rulefile.h"

int cli_lint(int argc, char **argv)
{
    char *rules_dir = NULL;
    gboolean werror = FALSE, quiet = FALSE;
    const GOptionEntry entries[] = {
        {"rules", 'r', 0, G_OPTION_ARG_FILENAME, &rules_dir,
         "Rules directory (or one rule file) to check (default: $RELGRAPH_RULES, else the project's rules/)", "DIR"},
        {"werror", 0, 0, G_OPTION_ARG_NONE, &werror, "Treat warnings as errors (exit 1 on any)", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary line", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("");
    g_option_context_set_summary(context,
        "Checks rule files and prints every problem as file:line:col: error|warning:\n"
        "message, sorted: syntax errors, unknown actor types, relations and macros,\n"
        "the same alias on two actors, slot types no actor has, member_of loops\n"
        "(errors); relations without patterns, unused macros, duplicate patterns,\n"
        "patterns that are always hedged, dead short names (warnings).");
    g_option_context_set_description(context,
        "Example:\n  relgraph lint --rules my-rules/\n\n"
        "Exit status: 0 no errors (warnings allowed unless --werror); 1 errors found;\n"
        "2 usage errors or rules that cannot be read.");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_ERROR;
    GPtrArray *diags = relgraph_diagnostics_new();
    if (!cli_parse(context, &argc, &argv))
        goto out;
    if (argc > 1) {
        fprintf(stderr, "relgraph: lint takes no corpus (unexpected \"%s\"); see relgraph lint --help\n", argv[1]);
        goto out;
    }
    const char *dir = rules_dir ? rules_dir : relgraph_rules_default_dir();
    GError *error = NULL;
    guint n_files = 0;
    if (!relgraph_lint(dir, diags, &n_files, &error)) {
        cli_report(error);
        goto out;
    }
    for (guint i = 0; i < diags->len; i++)
        printf("%s\n", ((const RelgraphDiagnostic *)g_ptr_array_index(diags, i))->message);
    fflush(stdout);
    guint errors = relgraph_diagnostics_count(diags, RELGRAPH_DIAG_ERROR);
    guint warnings = relgraph_diagnostics_count(diags, RELGRAPH_DIAG_WARNING);
    if (!quiet)
        fprintf(stderr, "relgraph lint: %u error%s, %u warning%s in %u file%s under %s\n", errors,
                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", n_files, n_files == 1 ? "" : "s", dir);
    status = errors || (werror && warnings) ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
    g_ptr_array_unref(diags);
    g_free(rules_dir);
    g_option_context_free(context);
    return status;
}
