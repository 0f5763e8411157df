/* relgraph extract: one TSV row per relation mention, or the corpus's
 * partial graph as a part (for relgraph merge). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/mentions.h"

/* Rows are built in `out` and handed on every FLUSH_BYTES to `file`
 * (replaced at the end, or standard output), so memory does not grow with
 * the corpus. */
typedef struct {
    const RelgraphRules *rules;
    GString *out;
    gboolean hedged_column;
    RelgraphAtomicFile *file;
    RelgraphGraph *graph;  /* -T part */
} ExtractRun;

#define FLUSH_BYTES (256 * 1024)

/* What one document may list: 16 bytes of rows per byte of text, and 1 MiB
 * whatever its size. Each row repeats its sentence, so a crafted document
 * (16 KiB sentences naming dozens of actors) gave 170 times its size. */
#define ROW_BYTES_PER_BYTE 16
#define ROW_BYTES_MIN (1024 * 1024)

/* A failed write is reported by the commit. */
static void flush_rows(ExtractRun *run)
{
    relgraph_atomic_file_write(run->file, run->out->str, run->out->len);
    g_string_truncate(run->out, 0);
}

static void add_rows(const CliDocument *document, gpointer data)
{
    const RelgraphDocument *doc = document->doc;
    const RelgraphExtractResult *result = document->result;
    ExtractRun *run = data;
    if (run->graph) {
        relgraph_extract_add_to_graph(doc, result, run->graph);
        return;
    }
    guint64 budget = MAX((guint64)doc->len * ROW_BYTES_PER_BYTE, ROW_BYTES_MIN), listed = 0;
    for (guint i = 0; i < result->relations->len; i++) {
        if (listed >= budget) {
            fprintf(stderr, "relgraph: warning: %s: %u of %u relation mentions not listed: over the %" G_GUINT64_FORMAT
                    " bytes of rows a document of its size may give\n", doc->path, result->relations->len - i,
                    result->relations->len, budget);
            break;
        }
        gsize before = run->out->len;
        relgraph_mentions_append_row(run->out, doc, result, i, run->hedged_column);
        listed += run->out->len - before;
        /* Within the document too: its rows are not all held at once. */
        if (run->out->len >= FLUSH_BYTES)
            flush_rows(run);
    }
}

int cli_extract(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    char *output = NULL, *format = NULL;
    gint max_evidence = 0;
    const GOptionEntry entries[] = {
        {"format", 'T', 0, G_OPTION_ARG_STRING, &format,
         "Output format: tsv (default), or part: the partial graph for relgraph merge", "tsv|part"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default: standard output)", "FILE"},
        {"max-evidence", 0, 0, G_OPTION_ARG_INT, &max_evidence,
         "-T part: example sentences kept per edge (default: " G_STRINGIFY(RELGRAPH_DEFAULT_MAX_EVIDENCE) ", what build shows)", "N"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Lists every relation mention found in CORPUS, one per line, as TSV with the\n"
        "columns doc, source, relation, target, sentence, evidence, rule (and hedged\n"
        "with --hedged=keep). A relation counts once per sentence.\n\n"
        "With -T part, writes instead the graph of CORPUS as a part: shards of a\n"
        "corpus extracted anywhere, then combined by 'relgraph merge', give the\n"
        "outputs of one build (docs/part-format.md).");
    g_option_context_set_description(context,
        "Examples:\n  relgraph extract seeds | awk -F'\\t' '$3 == \"visit\"'\n"
        "  relgraph extract -T part -o shard1.part corpus/2024-01\n"
        "  cat docs.jsonl | relgraph extract -T part --stdin-format jsonl - > shard.part\n\n" CLI_EXIT_CODES_HELP);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    ExtractRun run = {.out = g_string_new(NULL)};
    if (!cli_parse(context, &argc, &argv))
        goto out;
    gboolean part = format && strcmp(format, "part") == 0;
    if (format && !part && strcmp(format, "tsv") != 0) {
        fprintf(stderr, "relgraph: unknown extract format \"%s\" (known: tsv, part)\n", format);
        goto out;
    }
    if (max_evidence < 0) {
        fprintf(stderr, "relgraph: --max-evidence must be 0 or more\n");
        goto out;
    }
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    run.rules = rules;
    run.hedged_column = extract.hedged == RELGRAPH_HEDGED_KEEP;
    if (part) {
        guint limit = cli_evidence_limit(max_evidence);
        run.graph = relgraph_graph_new();
        relgraph_graph_set_evidence_limit(run.graph, limit);
        CliRunStats stats;
        if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, add_rows, &run, &stats))
            goto out;
        RelgraphPartInfo info = {stats.documents, stats.sentences, stats.relations, limit};
        gboolean written = cli_write_part(run.graph, &info, output);
        status = written && stats.failed == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
        goto out;
    }
    GError *error = NULL;
    run.file = relgraph_atomic_file_open(output ? output : "-", &error);
    if (!run.file) {
        cli_report(error);
        goto out;
    }
    relgraph_mentions_append_header(run.out, run.hedged_column);
    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, add_rows, &run, &stats))
        goto out;
    flush_rows(&run);
    gboolean written = relgraph_atomic_file_commit(g_steal_pointer(&run.file), &error);
    cli_report(error);
    status = written && stats.failed == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
out:
    relgraph_atomic_file_abort(run.file);
    if (run.graph)
        relgraph_graph_free(run.graph);
    g_string_free(run.out, TRUE);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_free(output);
    g_free(format);
    g_option_context_free(context);
    return status;
}
