/* TSV edge list: one row per edge, for scripts, evaluation and review diffs. */
#include "relgraph/export.h"

#include "relgraph/common.h"
#include "export_internal.h"
#include "common_internal.h"

/* Appends a field with the characters that would break the row (tab,
 * newline, carriage return) turned into spaces, and the other control
 * characters (ESC would reach the terminal of whoever cats the file) made
 * U+FFFD as in the other formats. Text is copied a run at a time: this is
 * most of what relgraph extract writes. */
void relgraph_export_tsv_field(GString *out, const char *field)
{
    if (!field)
        return;
    const char *p = field, *run = field;
    while (*p) {
        guchar c = (guchar)*p;
        if (c >= 0x20 && c < 0x80) { /* printable ASCII and DEL */
            p++;
            continue;
        }
        if (c >= 0x80) {
            gsize n = (gsize)g_utf8_skip[c], i = 1;
            while (i < n && ((guchar)p[i] & 0xC0) == 0x80) /* stops at the NUL */
                i++;
            if (i < n || !g_utf8_validate_len(p, n, NULL))
                break; /* invalid UTF-8: the rest is cleaned below */
            gunichar u = g_utf8_get_char(p);
            if (u != 0xFFFE && u != 0xFFFF) {
                p += n;
                continue;
            }
        }
        g_string_append_len(out, run, p - run);
        if (c == '\t' || c == '\n' || c == '\r') {
            g_string_append_c(out, ' ');
            p++;
        } else {
            g_string_append(out, "\xef\xbf\xbd"); /* U+FFFD */
            p += c < 0x80 ? 1 : 3;
        }
        run = p;
    }
    g_string_append_len(out, run, p - run);
    if (!*p)
        return;
    char *clean = relgraph_export_clean_text(p);
    for (const char *c = clean; *c; c++)
        g_string_append_c(out, (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : *c);
    g_free(clean);
}

void relgraph_export_tsv_fields(GString *out, const char *const *fields, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, '\t');
        relgraph_export_tsv_field(out, fields[i]);
    }
}

/* A list of document ids, as TSV, GraphML and GEXF write it: joined by
 * ';', each id with '%' and ';' written as %25 and %3B, so that the list
 * splits back into the ids it was made of (an id "x;y" was read as two)
 * and percent-decoding gives each id back. Other ids are written as they
 * are (TSV then makes a tab or line break a space, as in every field). */
void relgraph_export_append_document_list(GString *out, const GPtrArray *documents)
{
    for (guint i = 0; i < documents->len; i++) {
        if (i)
            g_string_append_c(out, ';');
        for (const char *p = g_ptr_array_index(documents, i); *p; p++) {
            if (*p == '%' || *p == ';')
                g_string_append_printf(out, "%%%02X", (guchar)*p);
            else
                g_string_append_c(out, *p);
        }
    }
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
        const char *const key[] = {e->source, e->relation, e->target};
        relgraph_export_tsv_fields(out, key, G_N_ELEMENTS(key));
        g_string_append_c(out, '\t');
        relgraph_string_append_uint(out, e->weight);
        g_string_append_c(out, '\t');
        GString *list = g_string_new(NULL);
        relgraph_export_append_document_list(list, e->documents);
        relgraph_export_tsv_field(out, list->str);
        g_string_free(list, TRUE);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_unref(edges);
    *len = out->len;
    return g_string_free(out, FALSE);
}
