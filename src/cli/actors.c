/* relgraph actors: the actors a corpus names, and the ones the rules do not
 * list (discovered) as .actors entries an analyst can paste into the rules. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "relgraph/actor_census.h"

static void collect(const CliDocument *document, gpointer census)
{
    relgraph_actor_census_add(census, document->doc, document->result);
}

int cli_actors(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    gboolean discovered_only = FALSE;
    char *output = NULL;
    const GOptionEntry entries[] = {
        {"discovered", 'd', 0, G_OPTION_ARG_NONE, &discovered_only,
         "Only the actors the rules do not list, as entries of an .actors file", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically) instead of standard output",
         "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Lists the actors CORPUS names, sorted by name, as TSV: name, type,\n"
        "affiliation, mentions, documents, discovered (yes: named in the text with\n"
        "a title, not listed in the rules). With --discovered, only the discovered\n"
        "ones, as entries of an .actors file (each with a comment saying where it\n"
        "was seen) that can be checked and pasted into the rules.");
    g_option_context_set_description(context,
        "Example:\n  relgraph actors --discovered news/ > rules/actors/new.actors\n\n" CLI_EXIT_CODES_HELP);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphActorCensus *census = relgraph_actor_census_new();
    if (!cli_parse(context, &argc, &argv))
        goto out;
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    if (discovered_only && extract.no_discovery) {
        fprintf(stderr, "relgraph: --discovered lists what discovery finds; it cannot go with --no-discovery\n");
        goto out;
    }
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, collect, census, &stats))
        goto out;

    gsize len = 0;
    char *text = discovered_only ? relgraph_actor_census_discovered(census, &len)
                                 : relgraph_actor_census_tsv(census, &len);
    GError *error = NULL;
    gboolean to_stdout = !output || strcmp(output, "-") == 0;
    gboolean written = relgraph_write_file_atomic(to_stdout ? "-" : output, text, len, &error);
    g_free(text);
    if (!written) {
        if (to_stdout) {
            fprintf(stderr, "relgraph: cannot write to standard output\n");
            g_error_free(error);
        } else
            cli_report(error);
        goto out;
    }
    status = stats.failed ? CLI_EXIT_ERROR : CLI_EXIT_OK;
out:
    relgraph_actor_census_free(census);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_free(output);
    g_option_context_free(context);
    return status;
}
