/* The HTML report (-T html): one self-contained file that opens offline in
 * any browser: the SVG figure (pan and zoom), a search box, relation and
 * actor-type filters, a panel with the details and every kept evidence
 * sentence of a clicked node or edge (document, date, rule), and a
 * sortable table of the relations. No network, no external script or
 * font: the style sheet and script (src/report/) are compiled in, the
 * graph goes in as JSON. */
#include "relgraph/export.h"
#include "relgraph/version.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "export_html_assets.h"
#include "export_internal.h"

static void member_string(JsonBuilder *b, const char *name, const char *value)
{
    char *clean = relgraph_export_clean_text(value);
    json_builder_set_member_name(b, name);
    json_builder_add_string_value(b, clean);
    g_free(clean);
}

static void member_date(JsonBuilder *b, const char *name, const char *date)
{
    if (date && *date)
        member_string(b, name, date);
}

/* "first" and "last": the days a node or edge was seen on, when dated. */
static void member_span(JsonBuilder *b, const char *first, const char *last)
{
    member_date(b, "first", first);
    member_date(b, "last", last);
}

/* Each document's date, where the graph tells it: an edge seen in one
 * document (or in documents of one day) was seen on that document's date.
 * Evidence carries its document, not its date. */
static GHashTable *document_dates(GPtrArray *edges)
{
    GHashTable *dates = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        if (!*e->first_date || strcmp(e->first_date, e->last_date) != 0)
            continue;
        for (guint d = 0; d < e->documents->len; d++)
            g_hash_table_insert(dates, g_ptr_array_index(e->documents, d), (gpointer)e->first_date);
    }
    return dates;
}

static void add_nodes(JsonBuilder *b, const RelgraphGraph *graph)
{
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    json_builder_set_member_name(b, "nodes");
    json_builder_begin_array(b);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        const char *type = relgraph_actor_type_name(n->type);
        json_builder_begin_object(b);
        member_string(b, "name", n->name);
        member_string(b, "type", type ? type : "unknown");
        if (n->affiliation)
            member_string(b, "affiliation", n->affiliation);
        relgraph_export_json_int(b, "mentions", n->mentions);
        relgraph_export_json_boolean(b, "discovered", n->discovered);
        member_span(b, n->first_date, n->last_date);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    g_ptr_array_unref(nodes);
}

/* Edges in the graph's sorted order: the i-th is e<i> in the SVG. */
static void add_edges(JsonBuilder *b, const RelgraphGraph *graph)
{
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    GHashTable *dates = document_dates(edges);
    json_builder_set_member_name(b, "edges");
    json_builder_begin_array(b);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        relgraph_export_json_begin_edge(b, i);
        member_string(b, "source", e->source);
        member_string(b, "relation", e->relation);
        member_string(b, "target", e->target);
        member_string(b, "polarity", relgraph_polarity_name(e->polarity));
        relgraph_export_json_boolean(b, "symmetric", e->symmetric);
        relgraph_export_json_int(b, "weight", e->weight);
        member_span(b, e->first_date, e->last_date);
        json_builder_set_member_name(b, "documents");
        json_builder_begin_array(b);
        for (guint d = 0; d < e->documents->len; d++) {
            char *doc = relgraph_export_clean_text(g_ptr_array_index(e->documents, d));
            json_builder_add_string_value(b, doc);
            g_free(doc);
        }
        json_builder_end_array(b);
        json_builder_set_member_name(b, "evidence");
        json_builder_begin_array(b);
        for (guint k = 0; k < e->evidence->len; k++) {
            const RelgraphEvidence *ev = g_ptr_array_index(e->evidence, k);
            json_builder_begin_object(b);
            member_string(b, "doc", ev->doc);
            member_date(b, "date", g_hash_table_lookup(dates, ev->doc));
            member_string(b, "rule", ev->rule);
            member_string(b, "text", ev->text);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    g_hash_table_destroy(dates);
    g_ptr_array_unref(edges);
}

/* The graph as JSON fit for a <script> element: every '<' written \u003c,
 * so that no "</script>" in a sentence can end the element. */
static void append_data(GString *out, const RelgraphGraph *graph)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    add_nodes(b, graph);
    add_edges(b, graph);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    JsonGenerator *gen = json_generator_new();
    json_generator_set_root(gen, root);
    char *json = json_generator_to_data(gen, NULL);
    for (const char *p = json; *p; p++) {
        if (*p == '<')
            g_string_append(out, "\\u003c");
        else
            g_string_append_c(out, *p);
    }
    g_free(json);
    g_object_unref(gen);
    json_node_unref(root);
    g_object_unref(b);
}

/* One checkbox per value, all checked. */
static void append_checkboxes(GString *out, const char *legend, const char *name, GPtrArray *values)
{
    g_string_append_printf(out, "<fieldset><legend>%s</legend>", legend);
    for (guint i = 0; i < values->len; i++) {
        g_string_append_printf(out, "<label><input type=\"checkbox\" name=\"%s\" value=\"", name);
        relgraph_export_append_markup(out, g_ptr_array_index(values, i));
        g_string_append(out, "\" checked> ");
        relgraph_export_append_markup(out, g_ptr_array_index(values, i));
        g_string_append(out, "</label>");
    }
    g_string_append(out, "</fieldset>\n");
}

static void add_unique(GPtrArray *values, const char *value)
{
    for (guint i = 0; i < values->len; i++)
        if (strcmp(g_ptr_array_index(values, i), value) == 0)
            return;
    g_ptr_array_add(values, (gpointer)value);
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *relgraph_export_html(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                           GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    /* The figure at its natural size: the report zooms, a page does not. */
    RelgraphExportOptions figure = options ? *options : (RelgraphExportOptions){0};
    figure.page_width = figure.page_height = -1;
    gsize svg_len = 0;
    char *svg = relgraph_export_svg(graph, &figure, &svg_len, error);
    if (!svg)
        return NULL;
    const char *title = options && options->title && *options->title ? options->title : "relgraph report";

    GString *out = g_string_new("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                "<meta name=\"generator\" content=\"relgraph " RELGRAPH_VERSION "\">\n"
                                /* Nothing may be fetched: the report is read offline. */
                                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<title>");
    relgraph_export_append_markup(out, title);
    g_string_append_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", relgraph_report_css);
    relgraph_export_append_markup(out, title);
    g_string_append(out, "</h1>\n<label>Find an actor <input type=\"search\" id=\"search\" "
                         "placeholder=\"name, then Enter\"></label> <span id=\"hits\"></span>\n");

    GPtrArray *relations = g_ptr_array_new(), *types = g_ptr_array_new();
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    for (guint i = 0; i < edges->len; i++)
        add_unique(relations, ((const RelgraphEdge *)g_ptr_array_index(edges, i))->relation);
    g_ptr_array_unref(edges);
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    for (guint i = 0; i < nodes->len; i++) {
        const char *type = relgraph_actor_type_name(((const RelgraphNode *)g_ptr_array_index(nodes, i))->type);
        add_unique(types, type ? type : "unknown");
    }
    g_ptr_array_unref(nodes);
    g_ptr_array_sort(relations, compare_names);
    g_ptr_array_sort(types, compare_names);
    append_checkboxes(out, "Relations", "relation", relations);
    append_checkboxes(out, "Actor types", "type", types);
    g_ptr_array_unref(relations);
    g_ptr_array_unref(types);

    g_string_append(out, "</header>\n<main>\n<div id=\"figure\">\n<div id=\"zoom\">"
                         "<button id=\"zoom-in\" title=\"zoom in\">+</button>"
                         "<button id=\"zoom-out\" title=\"zoom out\">\xe2\x88\x92</button>"
                         "<button id=\"zoom-fit\" title=\"whole figure\">\xe2\x8c\x82</button></div>\n");
    /* The SVG element alone: no XML declaration or DOCTYPE inside HTML. */
    const char *start = strstr(svg, "<svg");
    g_string_append(out, start ? start : "");
    g_free(svg);
    g_string_append(out, "</div>\n<aside id=\"panel\" data-kind=\"none\"><p>Click an actor or a relation "
                         "(in the figure or the table) for its details and the sentences that support it; "
                         "scroll to zoom, drag to pan.</p></aside>\n</main>\n"
                         "<table id=\"relations\"><caption>Relations (click a column to sort)</caption>"
                         "<thead><tr></tr></thead><tbody></tbody></table>\n"
                         "<script type=\"application/json\" id=\"relgraph-data\">");
    append_data(out, graph);
    g_string_append_printf(out, "</script>\n<script>\n%s</script>\n</body>\n</html>\n", relgraph_report_js);
    *len = out->len;
    return g_string_free(out, FALSE);
}
