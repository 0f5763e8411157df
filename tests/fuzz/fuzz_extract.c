/* libFuzzer target: the whole extraction of one document with the shipped
 * rules, its graph, and that graph written as GraphML, JSON, TSV and a part
 * and read back from the part. Graphviz's exporters are left out: they
 * would test Graphviz more than relgraph (tests/e2e/hostile.sh covers
 * them). */
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "relgraph/export.h"
#include "relgraph/extract.h"
#include "relgraph/part.h"
#include "relgraph/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static RelgraphRules *shipped_rules(void)
{
    static RelgraphRules *rules;
    if (!rules) {
        GError *error = NULL;
        rules = relgraph_rules_load(RELGRAPH_SOURCE_RULES_DIR, NULL, &error);
        if (!rules)
            g_error("%s", error->message);
    }
    return rules;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    RelgraphRules *rules = shipped_rules();
    RelgraphDocument *doc = relgraph_document_new("fuzz", "fuzz.txt", (const char *)data, size);
    RelgraphExtractOptions options = {RELGRAPH_HEDGED_KEEP, TRUE, FALSE};
    RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
    RelgraphGraph *graph = relgraph_graph_new();
    relgraph_extract_add_to_graph(doc, result, graph);

    static const char *const formats[] = {"graphml", "json", "tsv"};
    for (guint i = 0; i < G_N_ELEMENTS(formats); i++) {
        gsize len = 0;
        GError *error = NULL;
        char *out = relgraph_export(graph, formats[i], NULL, &len, &error);
        if (!out)
            g_error("%s export failed: %s", formats[i], error->message);
        if (strcmp(formats[i], "tsv") != 0 && !g_utf8_validate(out, (gssize)len, NULL))
            g_error("%s export is not valid UTF-8", formats[i]);
        g_free(out);
    }

    RelgraphPartInfo info = {1, result->n_sentences, result->relations->len, 0};
    gsize part_len = 0;
    char *part = relgraph_part_write(graph, &info, &part_len);
    GError *error = NULL;
    RelgraphPartInfo back_info;
    RelgraphGraph *back = relgraph_part_load(part, part_len, "fuzz.part", &back_info, &error);
    if (!back)
        g_error("a part relgraph wrote does not read back: %s", error->message);
    if (relgraph_graph_edge_count(back) != relgraph_graph_edge_count(graph))
        g_error("the part read back has %u edges, not %u", relgraph_graph_edge_count(back),
                relgraph_graph_edge_count(graph));
    relgraph_graph_free(back);
    g_free(part);

    relgraph_graph_free(graph);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    return 0;
}
