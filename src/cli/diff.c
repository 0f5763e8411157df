/* relgraph diff: what changed between two GraphML graphs from build. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/diff.h"

int cli_diff(int argc, char **argv)
{
    char *output = NULL, *format = NULL;
    gint min_change = 1;
    const GOptionEntry entries[] = {
        {"format", 'T', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or tsv", "text|tsv"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default: standard output)", "FILE"},
        {"min-change", 0, 0, G_OPTION_ARG_INT, &min_change,
         "Hide changes of weight (or mentions) smaller than N (default 1: show all)", "N"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("OLD NEW");
    g_option_context_set_summary(context,
        "Compares two graphs written by relgraph build as GraphML, or by extract and\n"
        "merge as parts (*.part), OLD and NEW (- for GraphML on standard input), and lists the relations (edges) added, removed and changed\n"
        "in weight, and the actors (nodes) added, removed and changed in mentions.\n"
        "Edges are matched by source, relation and target, actors by name.");
    g_option_context_set_description(context,
        "Examples:\n"
        "  relgraph build -q -o old.graphml corpus/\n"
        "  relgraph build -q --rules new-rules/ -o new.graphml corpus/\n"
        "  relgraph diff old.graphml new.graphml\n"
        "  relgraph diff shard-2024-05.part shard-2024-06.part\n"
        "  relgraph diff -T tsv --min-change 3 old.graphml new.graphml\n"
        "  git show main:figures/relgraph.graphml | relgraph diff - figures/relgraph.graphml\n\n"
        "Exit status (like diff): 0 no differences; 1 differences;\n"
        "2 usage errors, or a file that cannot be read or is not relgraph's GraphML\n"
        "(the message gives file:line:col).");
    g_option_context_add_main_entries(context, entries, NULL);
    int status = CLI_EXIT_ERROR;
    RelgraphGraph *old = NULL, *new_ = NULL;
    RelgraphDiff *diff = NULL;
    char *text = NULL;
    GError *error = NULL;
    if (!cli_parse(context, &argc, &argv))
        goto out;
    gboolean tsv = format && strcmp(format, "tsv") == 0;
    if (format && !tsv && strcmp(format, "text") != 0) {
        fprintf(stderr, "relgraph: unknown diff format \"%s\" (known: text, tsv)\n", format);
        goto out;
    }
    if (min_change < 1) {
        fprintf(stderr, "relgraph: --min-change must be 1 or more, not %d\n", min_change);
        goto out;
    }
    if (argc != 3) {
        fprintf(stderr, "relgraph: diff takes two GraphML or part files, OLD and NEW; see relgraph diff --help\n");
        goto out;
    }
    if (strcmp(argv[1], "-") == 0 && strcmp(argv[2], "-") == 0) {
        fprintf(stderr, "relgraph: only one of OLD and NEW can be standard input\n");
        goto out;
    }
    if (!(old = relgraph_diff_load_graph(argv[1], &error)) || !(new_ = relgraph_diff_load_graph(argv[2], &error))) {
        cli_report(error);
        goto out;
    }
    diff = relgraph_diff_graphs(old, new_);
    relgraph_diff_drop_small_changes(diff, (guint)min_change);
    text = tsv ? relgraph_diff_tsv(diff) : relgraph_diff_text(diff);
    if (!relgraph_write_file_atomic(output ? output : "-", text, strlen(text), &error)) {
        cli_report(error);
        goto out;
    }
    status = relgraph_diff_is_empty(diff) ? CLI_EXIT_OK : CLI_EXIT_FINDINGS;
out:
    g_free(text);
    relgraph_diff_free(diff);
    relgraph_graph_free(old);
    relgraph_graph_free(new_);
    g_free(output);
    g_free(format);
    g_option_context_free(context);
    return status;
}
