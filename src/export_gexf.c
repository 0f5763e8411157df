/* GEXF 1.2draft for Gephi, written with libxml2's xmlTextWriter.
 *
 * Why 1.2draft and not 1.3: it is the newest version every reader knows
 * (Gephi, graphology-gexf, NetworkX 2.8 as Debian 12 ships it, which
 * refuses 1.3), and 1.3 adds nothing this file uses.
 *
 * Why GEXF next to GraphML: GraphML has no edge type, so Gephi merges the
 * parallel edges between two actors on import unless told not to; GEXF's
 * edge `kind` becomes Gephi's edge type, and every relation survives as its
 * own edge. Colours and sizes travel as viz:color and viz:size, the edge
 * label is the relation. Every edge is directed and a symmetric relation
 * says so with symmetric=true: NetworkX reads no graph with both kinds of
 * edge. options->symmetric_undirected makes it an undirected edge in the
 * directed graph, as Gephi and graphology read it. */
#include "relgraph/export.h"
#include "relgraph/version.h"

#include <libxml/xmlwriter.h>
#include <math.h>

#include "export_internal.h"

#define GEXF_NS "http://www.gexf.net/1.2draft"
#define GEXF_VIZ_NS "http://www.gexf.net/1.2draft/viz"
#define GEXF_XSD "http://www.gexf.net/1.2draft/gexf.xsd"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

#define X(s) ((const xmlChar *)(s))

typedef struct {
    xmlTextWriterPtr w;
    gboolean ok;
} Writer;

static void check(Writer *wr, int rc)
{
    if (rc < 0)
        wr->ok = FALSE;
}

static void start(Writer *wr, const char *name)
{
    check(wr, xmlTextWriterStartElement(wr->w, X(name)));
}

static void end(Writer *wr)
{
    check(wr, xmlTextWriterEndElement(wr->w));
}

static void attribute(Writer *wr, const char *name, const char *value)
{
    char *clean = relgraph_export_clean_text(value);
    check(wr, xmlTextWriterWriteAttribute(wr->w, X(name), X(clean)));
    g_free(clean);
}

static void attribute_uint(Writer *wr, const char *name, guint value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    attribute(wr, name, buf);
}

/* Declared attributes; ids equal titles so that a reader can use either. */
typedef struct {
    const char *id;
    const char *type;
    const char *default_value; /* <default>, or NULL for none */
} Attr;

static const Attr node_attrs[] = {
    {"type", "string", NULL}, {"affiliation", "string", NULL}, {"mentions", "integer", NULL},
    {"degree", "integer", NULL},
    /* An actor the rules do not list, found in the text by its title
     * (discover.h): an attvalue only on those, false on every other node. */
    {"discovered", "boolean", "false"},
    /* The spell's days again, as values: graphology and Gephi Lite drop
     * spells. */
    {"first_seen", "string", NULL}, {"last_seen", "string", NULL},
};
static const Attr edge_attrs[] = {
    {"relation", "string", NULL}, {"polarity", "string", NULL}, {"symmetric", "boolean", NULL},
    {"documents", "string", NULL}, {"evidence", "string", NULL},
    {"first_seen", "string", NULL}, {"last_seen", "string", NULL},
};

static void declare(Writer *wr, const char *cls, const Attr *attrs, guint n)
{
    start(wr, "attributes");
    attribute(wr, "class", cls);
    for (guint i = 0; i < n; i++) {
        start(wr, "attribute");
        attribute(wr, "id", attrs[i].id);
        attribute(wr, "title", attrs[i].id);
        attribute(wr, "type", attrs[i].type);
        if (attrs[i].default_value) {
            start(wr, "default");
            check(wr, xmlTextWriterWriteString(wr->w, X(attrs[i].default_value)));
            end(wr);
        }
        end(wr);
    }
    end(wr);
}

static void attvalue(Writer *wr, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    start(wr, "attvalue");
    attribute(wr, "for", key);
    attribute(wr, "value", value);
    end(wr);
}

static void attvalue_uint(Writer *wr, const char *key, guint value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    attvalue(wr, key, buf);
}

static void viz_color(Writer *wr, const guint8 rgb[3])
{
    start(wr, "viz:color");
    attribute_uint(wr, "r", rgb[0]);
    attribute_uint(wr, "g", rgb[1]);
    attribute_uint(wr, "b", rgb[2]);
    attribute(wr, "a", "1.0");
    end(wr);
}

/* Node size grows with the square root of mentions: area tracks mentions. */
static void viz_size(Writer *wr, guint mentions)
{
    char buf[32];
    g_ascii_formatd(buf, sizeof buf, "%.2f", 10.0 + 4.0 * sqrt((double)mentions));
    start(wr, "viz:size");
    attribute(wr, "value", buf);
    end(wr);
}

/* The time spell of a node or edge: from the first to the last day it was
 * seen on (a dynamic graph only has them when the corpus is dated). */
static void spell(Writer *wr, const char *first, const char *last)
{
    if (*first) {
        attribute(wr, "start", first);
        attribute(wr, "end", last);
    }
}

static void write_node(Writer *wr, const RelgraphNode *node, guint index, guint degree)
{
    char id[24];
    g_snprintf(id, sizeof id, "n%u", index);
    start(wr, "node");
    attribute(wr, "id", id);
    attribute(wr, "label", node->name);
    spell(wr, node->first_date, node->last_date);
    start(wr, "attvalues");
    const char *type = relgraph_actor_type_name(node->type);
    attvalue(wr, "type", type ? type : "unknown");
    attvalue(wr, "affiliation", node->affiliation);
    attvalue_uint(wr, "mentions", node->mentions);
    attvalue_uint(wr, "degree", degree);
    if (node->discovered)
        attvalue(wr, "discovered", "true");
    attvalue(wr, "first_seen", node->first_date);
    attvalue(wr, "last_seen", node->last_date);
    end(wr);
    guint8 rgb[3];
    relgraph_export_type_rgb(node->type, rgb);
    viz_color(wr, rgb);
    viz_size(wr, node->mentions);
    end(wr);
}

static void write_edge(Writer *wr, const RelgraphEdge *edge, guint index, GHashTable *node_index,
                       guint max_evidence, gboolean mixed)
{
    char id[24], source[24], target[24];
    g_snprintf(id, sizeof id, "e%u", index);
    g_snprintf(source, sizeof source, "n%u", GPOINTER_TO_UINT(g_hash_table_lookup(node_index, edge->source)));
    g_snprintf(target, sizeof target, "n%u", GPOINTER_TO_UINT(g_hash_table_lookup(node_index, edge->target)));
    start(wr, "edge");
    attribute(wr, "id", id);
    attribute(wr, "source", source);
    attribute(wr, "target", target);
    /* Not "mutual": NetworkX reads that as two edges. */
    if (mixed && edge->symmetric)
        attribute(wr, "type", "undirected");
    attribute(wr, "kind", edge->relation);
    attribute(wr, "label", edge->relation);
    attribute_uint(wr, "weight", edge->weight);
    spell(wr, edge->first_date, edge->last_date);
    start(wr, "attvalues");
    attvalue(wr, "relation", edge->relation);
    attvalue(wr, "polarity", relgraph_polarity_name(edge->polarity));
    attvalue(wr, "symmetric", edge->symmetric ? "true" : "false");
    GString *text = g_string_new(NULL);
    relgraph_export_append_document_list(text, edge->documents);
    attvalue(wr, "documents", text->str);
    g_string_truncate(text, 0);
    for (guint i = 0; i < edge->evidence->len && i < max_evidence; i++) {
        const RelgraphEvidence *ev = g_ptr_array_index(edge->evidence, i);
        g_string_append_printf(text, "%s%s: %s", i ? "\n" : "", ev->doc ? ev->doc : "", ev->text ? ev->text : "");
    }
    attvalue(wr, "evidence", text->str);
    g_string_free(text, TRUE);
    attvalue(wr, "first_seen", edge->first_date);
    attvalue(wr, "last_seen", edge->last_date);
    end(wr);
    guint8 rgb[3];
    relgraph_export_polarity_rgb(edge->polarity, rgb);
    viz_color(wr, rgb);
    end(wr);
}

char *relgraph_export_gexf(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                           GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    GString *out = g_string_new(NULL);
    xmlTextWriterPtr w = relgraph_export_xml_writer(out);
    if (!w) {
        g_string_free(out, TRUE);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "GEXF: cannot create the XML writer");
        return NULL;
    }
    Writer wr = {w, TRUE};
    check(&wr, xmlTextWriterSetIndent(w, 1));
    check(&wr, xmlTextWriterSetIndentString(w, X("  ")));
    check(&wr, xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    start(&wr, "gexf");
    attribute(&wr, "xmlns", GEXF_NS);
    attribute(&wr, "xmlns:viz", GEXF_VIZ_NS);
    attribute(&wr, "xmlns:xsi", XSI_NS);
    attribute(&wr, "xsi:schemaLocation", GEXF_NS " " GEXF_XSD);
    attribute(&wr, "version", "1.2");
    /* No lastmodifieddate: the same graph must give the same bytes. */
    start(&wr, "meta");
    start(&wr, "creator");
    check(&wr, xmlTextWriterWriteString(w, X("relgraph " RELGRAPH_VERSION)));
    end(&wr);
    if (options && options->title && *options->title) {
        char *clean = relgraph_export_clean_text(options->title);
        start(&wr, "description"); /* 1.2draft's meta has no <title> */
        check(&wr, xmlTextWriterWriteString(w, X(clean)));
        end(&wr);
        g_free(clean);
    }
    end(&wr);

    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    gboolean dated = FALSE;
    for (guint i = 0; i < nodes->len && !dated; i++)
        dated = *((const RelgraphNode *)g_ptr_array_index(nodes, i))->first_date != '\0';
    start(&wr, "graph");
    attribute(&wr, "defaultedgetype", "directed");
    /* A dated corpus gives a dynamic graph that Gephi's timeline can play:
     * each node and edge lives from its first to its last day. */
    attribute(&wr, "mode", dated ? "dynamic" : "static");
    if (dated) {
        attribute(&wr, "timeformat", "date");
        attribute(&wr, "timerepresentation", "interval");
    }
    declare(&wr, "node", node_attrs, G_N_ELEMENTS(node_attrs));
    declare(&wr, "edge", edge_attrs, G_N_ELEMENTS(edge_attrs));

    GHashTable *degrees = relgraph_export_degrees(edges);
    GHashTable *node_index = g_hash_table_new(g_str_hash, g_str_equal);
    start(&wr, "nodes");
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *node = g_ptr_array_index(nodes, i);
        g_hash_table_insert(node_index, node->name, GUINT_TO_POINTER(i));
        write_node(&wr, node, i, GPOINTER_TO_UINT(g_hash_table_lookup(degrees, node->name)));
    }
    end(&wr);
    start(&wr, "edges");
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < edges->len; i++)
        write_edge(&wr, g_ptr_array_index(edges, i), i, node_index, max_evidence,
                   options && options->symmetric_undirected);
    end(&wr);
    g_hash_table_unref(node_index);
    g_hash_table_unref(degrees);
    g_ptr_array_unref(nodes);
    g_ptr_array_unref(edges);

    check(&wr, xmlTextWriterEndDocument(w));
    xmlFreeTextWriter(w); /* flushes into out */
    if (!wr.ok) {
        g_string_free(out, TRUE);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "GEXF: the XML writer failed");
        return NULL;
    }
    *len = out->len;
    return g_string_free(out, FALSE);
}
