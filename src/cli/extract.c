/* relgraph extract: one TSV row per relation mention, or the corpus's
 * partial graph as a part (for relgraph merge). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/export.h"

/* Rows are built in `out` and handed on every FLUSH_BYTES, so memory does
 * not grow with the corpus: to `file` (atomic, replaced at the end) or to
 * standard output. */
typedef struct {
    const RelgraphRules *rules;
    GString *out;
    gboolean hedged_column;
    RelgraphAtomicFile *file;
    gboolean write_failed;
    int write_errno;
    RelgraphGraph *graph;  /* -T part */
} ExtractRun;

#define FLUSH_BYTES (256 * 1024)

/* What one document may list: 16 bytes of rows per byte of text, and 1 MiB
 * whatever its size. Each row repeats its sentence, so a crafted document
 * (16 KiB sentences naming dozens of actors) gave 170 times its size. */
#define ROW_BYTES_PER_BYTE 16
#define ROW_BYTES_MIN (1024 * 1024)

static void flush_rows(ExtractRun *run)
{
    if (run->out->len == 0 || run->write_failed) {
        g_string_truncate(run->out, 0);
        return;
    }
    if (run->file)
        run->write_failed = !relgraph_atomic_file_write(run->file, run->out->str, run->out->len);
    else if (fwrite(run->out->str, 1, run->out->len, stdout) != run->out->len) {
        run->write_failed = TRUE;
        run->write_errno = errno;
    }
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
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        if (listed >= budget) {
            fprintf(stderr, "relgraph: warning: %s: %u of %u relation mentions not listed: over the %" G_GUINT64_FORMAT
                    " bytes of rows a document of its size may give\n", doc->path, result->relations->len - i,
                    result->relations->len, budget);
            break;
        }
        gsize before = run->out->len;
        char *text = relgraph_extract_sentence_text(doc, m->start, m->end);
        relgraph_export_tsv_field(run->out, doc->id);
        g_string_append_c(run->out, '\t');
        relgraph_export_tsv_field(run->out, relgraph_extract_actor(result, m->source)->name);
        g_string_append_c(run->out, '\t');
        relgraph_export_tsv_field(run->out, m->relation->name);
        g_string_append_c(run->out, '\t');
        relgraph_export_tsv_field(run->out, relgraph_extract_actor(result, m->target)->name);
        g_string_append_c(run->out, '\t');
        relgraph_string_append_uint(run->out, m->sentence);
        g_string_append_c(run->out, '\t');
        relgraph_export_tsv_field(run->out, text);
        g_string_append_c(run->out, '\t');
        relgraph_export_tsv_field(run->out, m->rule);
        if (run->hedged_column)
            g_string_append(run->out, m->hedged ? "\tyes" : "\tno");
        g_string_append_c(run->out, '\n');
        g_free(text);
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
         "-T part: example sentences kept per edge (default: 3, what build shows)", "N"},
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
        guint limit = max_evidence > 0 ? (guint)max_evidence : 3;
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
    if (output && strcmp(output, "-") != 0) {
        GError *error = NULL;
        run.file = relgraph_atomic_file_open(output, &error);
        if (!run.file) {
            cli_report(error);
            goto out;
        }
    }
    g_string_append(run.out, "doc\tsource\trelation\ttarget\tsentence\tevidence\trule");
    g_string_append(run.out, run.hedged_column ? "\thedged\n" : "\n");
    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, add_rows, &run, &stats))
        goto out;
    flush_rows(&run);
    gboolean written;
    if (run.file) {
        GError *error = NULL;
        written = relgraph_atomic_file_commit(run.file, &error);
        run.file = NULL;
        cli_report(error);
    } else {
        if (!run.write_failed && fflush(stdout) != 0) {
            run.write_failed = TRUE;
            run.write_errno = errno;
        }
        written = !run.write_failed;
        if (!written)
            fprintf(stderr, "relgraph: standard output: %s\n", g_strerror(run.write_errno));
    }
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
