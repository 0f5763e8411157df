/* GraphML for Gephi, NetworkX, igraph and yEd, written with libxml2's
 * xmlTextWriter so that every name and sentence is escaped by the writer.
 * Valid against the GraphML 1.0 schema (graphml.xsd), free of parse.* hints. */
#include "relgraph/export.h"

#include <libxml/xmlwriter.h>
#include <math.h>

#include "export_internal.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_XSD "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

typedef struct {
    const char *id;
    const char *domain;
    const char *name;
    const char *type;
    const char *default_value; /* <default>, or NULL for none */
} GraphmlKey;

/* Key ids equal attribute names, which is what Gephi matches first (and
 * keeps clear of its yEd d3/d7 label trap). Ids must be unique in the file,
 * so the edge label gets "edgelabel", a name Gephi also takes as the label. */
static const GraphmlKey keys[] = {
    {"label", "node", "label", "string", NULL},
    {"type", "node", "type", "string", NULL},
    {"affiliation", "node", "affiliation", "string", NULL},
    {"mentions", "node", "mentions", "int", NULL},
    {"degree", "node", "degree", "int", NULL},
    {"size", "node", "size", "double", NULL},
    {"r", "node", "r", "int", NULL},
    {"g", "node", "g", "int", NULL},
    {"b", "node", "b", "int", NULL},
    /* Dates of the first and last document that mentions it (when the
     * corpus is dated): "YYYY-MM-DD". */
    {"node_first_seen", "node", "first_seen", "string", NULL},
    {"node_last_seen", "node", "last_seen", "string", NULL},
    /* An actor the rules do not list, found in the text by its title
     * (discover.h): <data> only on those, false on every other node. */
    {"discovered", "node", "discovered", "boolean", "false"},
    {"edgelabel", "edge", "label", "string", NULL},
    {"relation", "edge", "relation", "string", NULL},
    {"polarity", "edge", "polarity", "string", NULL},
    {"weight", "edge", "weight", "double", NULL},
    {"symmetric", "edge", "symmetric", "boolean", NULL},
    {"documents", "edge", "documents", "string", NULL},
    {"evidence", "edge", "evidence", "string", NULL},
    {"first_seen", "edge", "first_seen", "string", NULL},
    {"last_seen", "edge", "last_seen", "string", NULL},
    /* Gephi falls back to attr.name when the id is not one it knows. */
    {"edge_r", "edge", "r", "int", NULL},
    {"edge_g", "edge", "g", "int", NULL},
    {"edge_b", "edge", "b", "int", NULL},
};

/* The writer reports failure by a negative return; ok stays FALSE once any
 * call has failed so that the caller checks only at the end. */
typedef struct {
    xmlTextWriterPtr w;
    gboolean ok;
} Writer;

#define X(s) ((const xmlChar *)(s))

static void check(Writer *wr, int rc)
{
    if (rc < 0)
        wr->ok = FALSE;
}

static void attribute(Writer *wr, const char *name, const char *value)
{
    char *clean = relgraph_export_clean_text(value);
    check(wr, xmlTextWriterWriteAttribute(wr->w, X(name), X(clean)));
    g_free(clean);
}

/* <data key="key">value</data>. */
static void data_always(Writer *wr, const char *key, const char *value)
{
    char *clean = relgraph_export_clean_text(value);
    check(wr, xmlTextWriterStartElement(wr->w, X("data")));
    check(wr, xmlTextWriterWriteAttribute(wr->w, X("key"), X(key)));
    check(wr, xmlTextWriterWriteString(wr->w, X(clean)));
    check(wr, xmlTextWriterEndElement(wr->w));
    g_free(clean);
}

/* The same, left out when value is empty. */
static void data(Writer *wr, const char *key, const char *value)
{
    if (value && *value)
        data_always(wr, key, value);
}

static void data_uint(Writer *wr, const char *key, guint value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    data(wr, key, buf);
}

static void write_keys(Writer *wr, gboolean with_title)
{
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        check(wr, xmlTextWriterStartElement(wr->w, X("key")));
        attribute(wr, "id", keys[i].id);
        attribute(wr, "for", keys[i].domain);
        attribute(wr, "attr.name", keys[i].name);
        attribute(wr, "attr.type", keys[i].type);
        if (keys[i].default_value) {
            check(wr, xmlTextWriterStartElement(wr->w, X("default")));
            check(wr, xmlTextWriterWriteString(wr->w, X(keys[i].default_value)));
            check(wr, xmlTextWriterEndElement(wr->w));
        }
        check(wr, xmlTextWriterEndElement(wr->w));
    }
    if (with_title) {
        check(wr, xmlTextWriterStartElement(wr->w, X("key")));
        attribute(wr, "id", "title");
        attribute(wr, "for", "graph");
        attribute(wr, "attr.name", "title");
        attribute(wr, "attr.type", "string");
        check(wr, xmlTextWriterEndElement(wr->w));
    }
}

/* Node ids are "n<index>" in name order: GraphML ids are xs:NMTOKEN, which
 * allows no spaces, so the name itself goes in the label. */
static void node_id(char *buf, gsize size, guint index)
{
    g_snprintf(buf, size, "n%u", index);
}

static void write_node(Writer *wr, const RelgraphNode *node, guint index, guint degree)
{
    char id[24];
    node_id(id, sizeof id, index);
    check(wr, xmlTextWriterStartElement(wr->w, X("node")));
    attribute(wr, "id", id);
    data_always(wr, "label", node->name);  /* the node's name: never left out */
    const char *type = relgraph_actor_type_name(node->type);
    data(wr, "type", type ? type : "unknown");
    data(wr, "affiliation", node->affiliation);
    data_uint(wr, "mentions", node->mentions);
    data_uint(wr, "degree", degree);
    /* The GEXF and SVG sizes: area grows with mentions. */
    char size[32];
    g_ascii_formatd(size, sizeof size, "%.2f", 10.0 + 4.0 * sqrt((double)node->mentions));
    data(wr, "size", size);
    guint8 rgb[3];
    relgraph_export_type_rgb(node->type, rgb);
    data_uint(wr, "r", rgb[0]);
    data_uint(wr, "g", rgb[1]);
    data_uint(wr, "b", rgb[2]);
    data(wr, "node_first_seen", node->first_date);
    data(wr, "node_last_seen", node->last_date);
    if (node->discovered)
        data(wr, "discovered", "true");
    check(wr, xmlTextWriterEndElement(wr->w));
}

static void write_edge(Writer *wr, const RelgraphEdge *edge, guint index, GHashTable *node_index,
                       guint max_evidence, gboolean mixed)
{
    char id[24], source[24], target[24];
    g_snprintf(id, sizeof id, "e%u", index);
    node_id(source, sizeof source, GPOINTER_TO_UINT(g_hash_table_lookup(node_index, edge->source)));
    node_id(target, sizeof target, GPOINTER_TO_UINT(g_hash_table_lookup(node_index, edge->target)));
    check(wr, xmlTextWriterStartElement(wr->w, X("edge")));
    attribute(wr, "id", id);
    attribute(wr, "source", source);
    attribute(wr, "target", target);
    /* A symmetric relation has no direction; said as an undirected edge in
     * the directed graph only when asked (options->symmetric_undirected),
     * since NetworkX refuses such a graph. "symmetric" says it either way. */
    if (mixed && edge->symmetric)
        attribute(wr, "directed", "false");
    data(wr, "edgelabel", edge->relation);
    data(wr, "relation", edge->relation);
    data(wr, "polarity", relgraph_polarity_name(edge->polarity));
    data_uint(wr, "weight", edge->weight);
    data(wr, "symmetric", edge->symmetric ? "true" : "false");

    GString *text = g_string_new(NULL);
    relgraph_export_append_document_list(text, edge->documents);
    data(wr, "documents", text->str);

    g_string_truncate(text, 0);
    for (guint i = 0; i < edge->evidence->len && i < max_evidence; i++) {
        const RelgraphEvidence *ev = g_ptr_array_index(edge->evidence, i);
        g_string_append_printf(text, "%s%s: %s", i ? "\n" : "", ev->doc ? ev->doc : "", ev->text ? ev->text : "");
    }
    data(wr, "evidence", text->str);
    g_string_free(text, TRUE);
    data(wr, "first_seen", edge->first_date);
    data(wr, "last_seen", edge->last_date);

    guint8 rgb[3];
    relgraph_export_polarity_rgb(edge->polarity, rgb);
    data_uint(wr, "edge_r", rgb[0]);
    data_uint(wr, "edge_g", rgb[1]);
    data_uint(wr, "edge_b", rgb[2]);
    check(wr, xmlTextWriterEndElement(wr->w));
}

char *relgraph_export_graphml(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                              GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    GString *out = g_string_new(NULL);
    xmlTextWriterPtr w = relgraph_export_xml_writer(out);
    if (!w) {
        g_string_free(out, TRUE);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "GraphML: cannot create the XML writer");
        return NULL;
    }
    Writer wr = {w, TRUE};
    const char *title = options && options->title && *options->title ? options->title : NULL;

    check(&wr, xmlTextWriterSetIndent(w, 1));
    check(&wr, xmlTextWriterSetIndentString(w, X("  ")));
    check(&wr, xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    /* Namespace declarations as plain attributes, in the customary order. */
    check(&wr, xmlTextWriterStartElement(w, X("graphml")));
    attribute(&wr, "xmlns", GRAPHML_NS);
    attribute(&wr, "xmlns:xsi", XSI_NS);
    attribute(&wr, "xsi:schemaLocation", GRAPHML_NS " " GRAPHML_XSD);
    write_keys(&wr, title != NULL);

    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    /* No parse.* hints: plain GraphML, which every reader accepts. */
    check(&wr, xmlTextWriterStartElement(w, X("graph")));
    attribute(&wr, "id", "relgraph");
    attribute(&wr, "edgedefault", "directed");
    if (title)
        data(&wr, "title", title);

    GHashTable *degrees = relgraph_export_degrees(edges);
    GHashTable *node_index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *node = g_ptr_array_index(nodes, i);
        g_hash_table_insert(node_index, node->name, GUINT_TO_POINTER(i));
        write_node(&wr, node, i, GPOINTER_TO_UINT(g_hash_table_lookup(degrees, node->name)));
    }
    g_hash_table_unref(degrees);

    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < edges->len; i++)
        write_edge(&wr, g_ptr_array_index(edges, i), i, node_index, max_evidence,
                   options && options->symmetric_undirected);
    g_hash_table_unref(node_index);
    g_ptr_array_unref(nodes);
    g_ptr_array_unref(edges);

    check(&wr, xmlTextWriterEndDocument(w));  /* closes graph and graphml */
    xmlFreeTextWriter(w); /* flushes into out */
    if (!wr.ok) {
        g_string_free(out, TRUE);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "GraphML: the XML writer failed");
        return NULL;
    }
    *len = out->len;
    return g_string_free(out, FALSE);
}
