/* relgraph eval: precision, recall and F1 against a gold file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/eval.h"

/* The predictions of the run, and the documents they come from: only
 * those are scored. */
typedef struct {
    RelgraphEvalSet *predicted;
    GHashTable *docs;
} EvalRun;

static void add_predictions(const CliDocument *document, gpointer data)
{
    EvalRun *run = data;
    g_hash_table_add(run->docs, g_strdup(document->doc->id));
    relgraph_eval_set_add_result(run->predicted, document->doc, document->result);
}

int cli_eval(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    char *gold_path = NULL;
    gboolean verbose = FALSE;
    gdouble min_precision = 0, min_recall = 0;
    const GOptionEntry entries[] = {
        {"gold", 'g', 0, G_OPTION_ARG_FILENAME, &gold_path,
         "Gold TSV (doc, source, relation, target[, evidence]) (required)", "FILE"},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Also list false positives and misses", NULL},
        {"fail-under-precision", 0, 0, G_OPTION_ARG_DOUBLE, &min_precision,
         "Exit 1 when overall precision is below P", "P"},
        {"fail-under-recall", 0, 0, G_OPTION_ARG_DOUBLE, &min_recall,
         "Exit 1 when overall recall is below R", "R"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Extracts relations from CORPUS and scores them against a gold file over\n"
        "distinct (doc, source, relation, target) triples: precision, recall and F1,\n"
        "overall and per relation. Only the documents of CORPUS are scored.");
    g_option_context_set_description(context,
        "Example:\n  relgraph eval --gold tests/data/seeds.gold.tsv --verbose seeds\n\n" CLI_EXIT_CODES_HELP);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphEvalSet *gold = NULL;
    EvalRun run = {relgraph_eval_set_new(), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    if (!cli_parse(context, &argc, &argv))
        goto out;
    if (!gold_path) {
        fprintf(stderr, "relgraph: eval needs --gold FILE\n");
        goto out;
    }
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    GError *error = NULL;
    gold = relgraph_eval_load_gold(gold_path, relgraph_eval_rules_symmetric, rules, &error);
    if (!gold) {
        cli_report(error);
        goto out;
    }
    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, add_predictions, &run, &stats))
        goto out;
    RelgraphEvalReport *report = relgraph_eval_compare(gold, run.predicted, run.docs);
    GString *text = g_string_new(NULL);
    relgraph_eval_report_format(report, verbose, text);
    fputs(text->str, stdout);
    g_string_free(text, TRUE);
    status = stats.failed ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    if (status == CLI_EXIT_OK &&
        (report->overall.precision < min_precision || report->overall.recall < min_recall)) {
        fprintf(stderr, "relgraph: precision %.3f / recall %.3f below the bound %.3f / %.3f\n",
                report->overall.precision, report->overall.recall, min_precision, min_recall);
        status = CLI_EXIT_FINDINGS;
    }
    relgraph_eval_report_free(report);
out:
    relgraph_eval_set_free(gold);
    relgraph_eval_set_free(run.predicted);
    g_hash_table_destroy(run.docs);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_free(gold_path);
    g_option_context_free(context);
    return status;
}
