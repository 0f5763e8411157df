/* TSV edge list: one row per edge, for scripts, evaluation and review diffs. */
#include "relgraph/export.h"

#include "export_internal.h"

/* Appends a field with the characters that would break the row (tab,
 * newline, carriage return) turned into spaces, and the other control
 * characters (ESC would reach the terminal of whoever cats the file) made
 * U+FFFD as in the other formats. */
void relgraph_export_tsv_field(GString *out, const char *field)
{
    char *clean = relgraph_export_clean_text(field);
    for (const char *p = clean; *p; p++)
        g_string_append_c(out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    g_free(clean);
}

char *relgraph_export_tsv(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                          GError **error)
{
    (void)options;
    (void)error;
    g_return_val_if_fail(graph && len, NULL);
    GString *out = g_string_new("source\trelation\ttarget\tweight\tdocuments\n");
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        relgraph_export_tsv_field(out, e->source);
        g_string_append_c(out, '\t');
        relgraph_export_tsv_field(out, e->relation);
        g_string_append_c(out, '\t');
        relgraph_export_tsv_field(out, e->target);
        g_string_append_printf(out, "\t%u\t", e->weight);
        for (guint d = 0; d < e->documents->len; d++) {
            if (d)
                g_string_append_c(out, ';');
            relgraph_export_tsv_field(out, g_ptr_array_index(e->documents, d));
        }
        g_string_append_c(out, '\n');
    }
    g_ptr_array_unref(edges);
    *len = out->len;
    return g_string_free(out, FALSE);
}
