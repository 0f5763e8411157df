/* JSON node-link graph, the shape d3-force, NetworkX's node_link_graph and
 * Cytoscape.js (after a one-line mapping) read, written with json-glib so
 * that every name and sentence is escaped by the library:
 *
 *   {"directed": true, "multigraph": true, "graph": {"title": ...},
 *    "nodes": [{"id": "China", "label": "China", "type": "state", ...}],
 *    "links": [{"id": "e0", "key": "visit", "source": "Zhao Leji",
 *               "target": "North Korea", "relation": "visit",
 *               "symmetric": false, "directed": true, "weight": 3,
 *               "documents": [...], "evidence": [{"doc", "sentence",
 *               "start", "end", "text", "rule"}]}]}
 *
 * Nodes and links of a dated corpus also get "first_seen" and "last_seen";
 * a node the rules do not list, found in the text by its title
 * (discover.h), gets "discovered": true (the others have no such member).
 * Node ids are the canonical names (what links refer to); "key" is the
 * relation, which NetworkX uses to keep parallel edges apart. */
#include "relgraph/export.h"
#include "relgraph/version.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "export_internal.h"

static void member_string(JsonBuilder *b, const char *name, const char *value)
{
    if (!value)
        return;
    char *valid = g_utf8_make_valid(value, -1);
    json_builder_set_member_name(b, name);
    json_builder_add_string_value(b, valid);
    g_free(valid);
}

void relgraph_export_json_int(JsonBuilder *b, const char *name, gint64 value)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, value);
}

void relgraph_export_json_boolean(JsonBuilder *b, const char *name, gboolean value)
{
    json_builder_set_member_name(b, name);
    json_builder_add_boolean_value(b, value);
}

void relgraph_export_json_begin_edge(JsonBuilder *b, guint index)
{
    char id[24];
    g_snprintf(id, sizeof id, "e%u", index);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "id");
    json_builder_add_string_value(b, id);
}

static void member_colour(JsonBuilder *b, const guint8 rgb[3])
{
    char hex[8];
    g_snprintf(hex, sizeof hex, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
    member_string(b, "color", hex);
}

/* first_seen/last_seen, when the corpus was dated. */
static void member_dates(JsonBuilder *b, const char *first, const char *last)
{
    if (*first) {
        member_string(b, "first_seen", first);
        member_string(b, "last_seen", last);
    }
}

/* What JSON nodes and cyjs nodes both say of an actor after its names,
 * in this order. */
static void add_node_facts(JsonBuilder *b, const RelgraphNode *node, guint degree)
{
    const char *type = relgraph_actor_type_name(node->type);
    guint8 rgb[3];
    relgraph_palette_type_rgb(node->type, rgb);
    member_string(b, "type", type ? type : "unknown");
    if (node->discovered)
        relgraph_export_json_boolean(b, "discovered", TRUE);
    member_string(b, "affiliation", node->affiliation);
    relgraph_export_json_int(b, "mentions", node->mentions);
    relgraph_export_json_int(b, "degree", degree);
    member_colour(b, rgb);
    member_dates(b, node->first_date, node->last_date);
}

static void add_node(JsonBuilder *b, const RelgraphNode *node, guint degree)
{
    json_builder_begin_object(b);
    member_string(b, "id", node->name);
    member_string(b, "label", node->name);
    add_node_facts(b, node, degree);
    json_builder_end_object(b);
}

/* One evidence item as a format writes it in its "evidence" array. */
typedef void (*AddEvidence)(JsonBuilder *b, const RelgraphEvidence *evidence);

/* What JSON links and cyjs edges both say of a relation after its ends,
 * in this order, down to its first max_evidence evidence items. */
static void add_edge_facts(JsonBuilder *b, const RelgraphEdge *edge, guint max_evidence, AddEvidence add_evidence)
{
    guint8 rgb[3];
    relgraph_palette_polarity_rgb(edge->polarity, rgb);
    member_string(b, "relation", edge->relation);
    member_string(b, "polarity", relgraph_polarity_name(edge->polarity));
    relgraph_export_json_boolean(b, "symmetric", edge->symmetric);
    /* Per link, as the graph's "directed" says it for the whole: a
     * symmetric relation has no direction. */
    relgraph_export_json_boolean(b, "directed", !edge->symmetric);
    relgraph_export_json_int(b, "weight", edge->weight);
    member_colour(b, rgb);
    member_dates(b, edge->first_date, edge->last_date);
    json_builder_set_member_name(b, "documents");
    json_builder_begin_array(b);
    for (guint i = 0; i < edge->documents->len; i++) {
        char *valid = g_utf8_make_valid(g_ptr_array_index(edge->documents, i), -1);
        json_builder_add_string_value(b, valid);
        g_free(valid);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "evidence");
    json_builder_begin_array(b);
    for (guint i = 0; i < edge->evidence->len && i < max_evidence; i++)
        add_evidence(b, g_ptr_array_index(edge->evidence, i));
    json_builder_end_array(b);
}

static void add_evidence_object(JsonBuilder *b, const RelgraphEvidence *ev)
{
    json_builder_begin_object(b);
    member_string(b, "doc", ev->doc);
    relgraph_export_json_int(b, "sentence", ev->sentence);
    relgraph_export_json_int(b, "start", ev->start);
    relgraph_export_json_int(b, "end", ev->end);
    member_string(b, "text", ev->text);
    member_string(b, "rule", ev->rule);
    json_builder_end_object(b);
}

static void add_link(JsonBuilder *b, const RelgraphEdge *edge, guint index, guint max_evidence)
{
    relgraph_export_json_begin_edge(b, index);
    member_string(b, "key", edge->relation);
    member_string(b, "source", edge->source);
    member_string(b, "target", edge->target);
    add_edge_facts(b, edge, max_evidence, add_evidence_object);
    json_builder_end_object(b);
}

/* Appends text (json-glib's pretty output, lines indented by 2) with every
 * line after the first indented by `indent` more, so that a value
 * serialised on its own sits where the whole document would have it. */
static void append_nested(GString *out, const char *text, const char *indent)
{
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        if (!nl) {
            g_string_append(out, line);
            return;
        }
        g_string_append_len(out, line, nl + 1 - line);
        g_string_append(out, indent);
        line = nl + 1;
    }
}

/* Serialises the builder's one value, appends it nested by indent and
 * resets the builder for the next one. */
static void append_built(GString *out, JsonBuilder *b, const char *indent)
{
    JsonNode *root = json_builder_get_root(b);
    char *text = json_to_string(root, TRUE);
    append_nested(out, text, indent);
    g_free(text);
    json_node_unref(root);
    json_builder_reset(b);
}

/* The two arrays both JSON formats hold, nodes then edges, each element
 * on its own line two spaces deeper than outer (the arrays' indent):
 * "NODES" : [...],\n<outer>"EDGES" : [...]. */
typedef void (*AddNode)(JsonBuilder *b, const RelgraphNode *node, guint degree);
typedef void (*AddEdge)(JsonBuilder *b, const RelgraphEdge *edge, guint index, guint max_evidence);

static void append_elements(GString *out, JsonBuilder *b, const RelgraphGraph *graph,
                            const RelgraphExportOptions *options, const char *outer, const char *nodes_name,
                            AddNode add_node_to, const char *edges_name, AddEdge add_edge_to)
{
    char *inner = g_strconcat(outer, "  ", NULL);
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    GHashTable *degrees = relgraph_export_degrees(edges);
    g_string_append_printf(out, "\"%s\" : [", nodes_name);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *node = g_ptr_array_index(nodes, i);
        add_node_to(b, node, GPOINTER_TO_UINT(g_hash_table_lookup(degrees, node->name)));
        g_string_append_printf(out, "%s\n%s", i ? "," : "", inner);
        append_built(out, b, inner);
    }
    g_string_append_printf(out, "%s%s],\n%s\"%s\" : [", nodes->len ? "\n" : "", nodes->len ? outer : "", outer,
                           edges_name);
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < edges->len; i++) {
        add_edge_to(b, g_ptr_array_index(edges, i), i, max_evidence);
        g_string_append_printf(out, "%s\n%s", i ? "," : "", inner);
        append_built(out, b, inner);
    }
    g_string_append_printf(out, "%s%s]", edges->len ? "\n" : "", edges->len ? outer : "");
    g_hash_table_unref(degrees);
    g_ptr_array_unref(nodes);
    g_ptr_array_unref(edges);
    g_free(inner);
}


/* The document is laid out here and each node and link serialised by
 * json-glib on its own: one tree for the whole graph took seven times the
 * size of its text. The bytes are those json-glib's pretty printer (indent
 * 2) gives for the whole. Both formats are: head, a header object, then
 * (after between) the node and edge arrays, then tail. */
typedef struct {
    const char *head;
    void (*header)(JsonBuilder *b, const RelgraphExportOptions *options);
    const char *between;
    const char *outer; /* the arrays' indent */
    const char *nodes_name;
    AddNode add_node;
    const char *edges_name;
    AddEdge add_edge;
    const char *tail;
} JsonLayout;

static char *write_document(const JsonLayout *layout, const RelgraphGraph *graph,
                            const RelgraphExportOptions *options, gsize *len)
{
    GString *out = g_string_new(layout->head);
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    layout->header(b, options);
    json_builder_end_object(b);
    append_built(out, b, "  ");
    g_string_append(out, layout->between);
    append_elements(out, b, graph, options, layout->outer, layout->nodes_name, layout->add_node,
                    layout->edges_name, layout->add_edge);
    g_string_append(out, layout->tail);
    g_object_unref(b);
    *len = out->len;
    return g_string_free(out, FALSE);
}

static void json_header(JsonBuilder *b, const RelgraphExportOptions *options)
{
    member_string(b, "creator", "relgraph " RELGRAPH_VERSION);
    if (options && options->title && *options->title)
        member_string(b, "title", options->title);
}

char *relgraph_export_json(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                           GError **error)
{
    (void)error;
    g_return_val_if_fail(graph && len, NULL);
    static const JsonLayout layout = {
        .head = "{\n  \"directed\" : true,\n  \"multigraph\" : true,\n  \"graph\" : ",
        .header = json_header,
        .between = ",\n  ", .outer = "  ",
        .nodes_name = "nodes", .add_node = add_node,
        .edges_name = "links", .add_edge = add_link,
        .tail = "\n}\n", /* a final newline, as text files have */
    };
    return write_document(&layout, graph, options, len);
}

/* Cytoscape.js elements JSON, which Cytoscape desktop imports as .cyjs
 * and NetworkX reads with cytoscape_graph:
 *
 *   {"format_version": "1.0", "generated_by": ..., "data": {"name": ...},
 *    "directed": true, "multigraph": true,
 *    "elements": {"nodes": [{"data": {"id": "China", "name": "China", ...}}],
 *                 "edges": [{"data": {"id": "e0", "source", "target",
 *                                     "interaction": "visit", ...}}]}}
 *
 * Node ids are the canonical names. "value" (the node) and "key" (the
 * relation) are what cytoscape_graph takes; "interaction" is the edge
 * column Cytoscape desktop shows. Lists hold strings only, as Cytoscape
 * desktop's table columns do: evidence is "doc: sentence". */
static void add_cyjs_node(JsonBuilder *b, const RelgraphNode *node, guint degree)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "data");
    json_builder_begin_object(b);
    member_string(b, "id", node->name);
    member_string(b, "name", node->name);
    member_string(b, "value", node->name);
    member_string(b, "label", node->name);
    add_node_facts(b, node, degree);
    json_builder_end_object(b);
    json_builder_end_object(b);
}

/* Lists hold strings only there: "doc: sentence". */
static void add_evidence_string(JsonBuilder *b, const RelgraphEvidence *ev)
{
    GString *text = g_string_new(NULL);
    relgraph_export_append_evidence(text, ev);
    char *valid = g_utf8_make_valid(text->str, (gssize)text->len);
    json_builder_add_string_value(b, valid);
    g_free(valid);
    g_string_free(text, TRUE);
}

static void add_cyjs_edge(JsonBuilder *b, const RelgraphEdge *edge, guint index, guint max_evidence)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "data");
    relgraph_export_json_begin_edge(b, index);
    member_string(b, "source", edge->source);
    member_string(b, "target", edge->target);
    member_string(b, "key", edge->relation);
    member_string(b, "interaction", edge->relation);
    member_string(b, "label", edge->relation);
    add_edge_facts(b, edge, max_evidence, add_evidence_string);
    json_builder_end_object(b);
    json_builder_end_object(b);
}

static void cyjs_header(JsonBuilder *b, const RelgraphExportOptions *options)
{
    member_string(b, "name", options && options->title && *options->title ? options->title : "relgraph");
}

char *relgraph_export_cyjs(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                           GError **error)
{
    (void)error;
    g_return_val_if_fail(graph && len, NULL);
    static const JsonLayout layout = {
        .head = "{\n  \"format_version\" : \"1.0\",\n  \"generated_by\" : \"relgraph " RELGRAPH_VERSION
                "\",\n  \"target_cytoscapejs_version\" : \"~3.0\",\n  \"directed\" : true,\n"
                "  \"multigraph\" : true,\n  \"data\" : ",
        .header = cyjs_header,
        .between = ",\n  \"elements\" : {\n    ", .outer = "    ",
        .nodes_name = "nodes", .add_node = add_cyjs_node,
        .edges_name = "edges", .add_edge = add_cyjs_edge,
        .tail = "\n  }\n}\n",
    };
    return write_document(&layout, graph, options, len);
}
