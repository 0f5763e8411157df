/* relgraph explain: why an edge is (or is not) in the graph.
 * The report is the library's (explain.h); here the options, the actors
 * and relation as typed, and the exit status. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/explain.h"

static void explain_document(const CliDocument *document, gpointer explain)
{
    relgraph_explain_add_document(explain, document->doc, document->result);
}

int cli_explain(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    gboolean why_not = FALSE;
    const GOptionEntry entries[] = {
        {"why-not", 'w', 0, G_OPTION_ARG_NONE, &why_not,
         "Also list the sentences that name both actors but gave no such relation, with what they gave instead",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("SOURCE RELATION TARGET CORPUS...");
    g_option_context_set_summary(context,
        "Shows why the edge SOURCE RELATION TARGET is in the graph: every sentence of\n"
        "CORPUS that supports it, with its document, sentence number and the rule\n"
        "(file:line) that found it. Actors are canonical names as the outputs show them;\n"
        "a symmetric relation matches either order.");
    g_option_context_set_description(context,
        "Examples:\n"
        "  relgraph explain \"Zhao Leji\" visit \"North Korea\" seeds\n"
        "  relgraph explain --why-not \"Kim Jong Un\" meet \"Vladimir Putin\" seeds\n\n"
        "Exit status: 0 the edge has support; 1 it has none (like grep); 2 usage,\n"
        "rule or input errors.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphExplain *explain = NULL;
    if (!cli_parse(context, &argc, &argv))
        goto out;
    if (argc < 5) {
        fprintf(stderr, "relgraph: explain needs SOURCE RELATION TARGET and a corpus (see relgraph explain --help)\n");
        goto out;
    }
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    gboolean keep_hedged = extract.hedged == RELGRAPH_HEDGED_KEEP;
    /* Hedged matches are always extracted, so that --why-not can show them. */
    extract.hedged = RELGRAPH_HEDGED_KEEP;
    extract.record_actors = why_not;
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    gint source = cli_find_actor(rules->dictionary, argv[1], "SOURCE");
    gint target = cli_find_actor(rules->dictionary, argv[3], "TARGET");
    const RelgraphRelation *relation = relgraph_relations_find(rules->relations, argv[2]);
    if (!relation) {
        char *known = cli_known_relations(rules);
        fprintf(stderr, "relgraph: no relation \"%s\" in the rules (known: %s)\n", argv[2], known);
        g_free(known);
    }
    if (source < 0 || target < 0 || !relation)
        goto out;
    explain = relgraph_explain_new(relation, (guint)source, (guint)target, why_not, keep_hedged);

    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 4, argc - 4, &corpus, NULL, explain_document, explain, &stats))
        goto out;
    char *report = relgraph_explain_report(explain, rules->dictionary);
    fputs(report, stdout);
    fflush(stdout);
    g_free(report);
    if (stats.failed)
        status = CLI_EXIT_ERROR;
    else
        status = relgraph_explain_support(explain) ? CLI_EXIT_OK : CLI_EXIT_FINDINGS;
out:
    relgraph_explain_free(explain);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_option_context_free(context);
    return status;
}
