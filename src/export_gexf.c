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

#include "export_internal.h"
#include "xml_writer.h"

#define GEXF_NS "http://www.gexf.net/1.2draft"
#define GEXF_VIZ_NS "http://www.gexf.net/1.2draft/viz"
#define GEXF_XSD "http://www.gexf.net/1.2draft/gexf.xsd"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

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

static void declare(RelgraphXmlWriter *wr, const char *cls, const Attr *attrs, guint n)
{
    relgraph_xml_start(wr, "attributes");
    relgraph_xml_attribute(wr, "class", cls);
    for (guint i = 0; i < n; i++) {
        relgraph_xml_start(wr, "attribute");
        relgraph_xml_attribute(wr, "id", attrs[i].id);
        relgraph_xml_attribute(wr, "title", attrs[i].id);
        relgraph_xml_attribute(wr, "type", attrs[i].type);
        if (attrs[i].default_value)
            relgraph_xml_element(wr, "default", attrs[i].default_value);
        relgraph_xml_end(wr);
    }
    relgraph_xml_end(wr);
}

static void attvalue(RelgraphXmlWriter *wr, const char *key, const char *value)
{
    if (!value || !*value)
        return;
    relgraph_xml_start(wr, "attvalue");
    relgraph_xml_attribute(wr, "for", key);
    relgraph_xml_attribute(wr, "value", value);
    relgraph_xml_end(wr);
}

static void attvalue_uint(RelgraphXmlWriter *wr, const char *key, guint value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    attvalue(wr, key, buf);
}

static void viz_color(RelgraphXmlWriter *wr, const guint8 rgb[3])
{
    relgraph_xml_start(wr, "viz:color");
    relgraph_xml_attribute_uint(wr, "r", rgb[0]);
    relgraph_xml_attribute_uint(wr, "g", rgb[1]);
    relgraph_xml_attribute_uint(wr, "b", rgb[2]);
    relgraph_xml_attribute(wr, "a", "1.0");
    relgraph_xml_end(wr);
}

/* Node size grows with the square root of mentions: area tracks mentions. */
static void viz_size(RelgraphXmlWriter *wr, guint mentions)
{
    char buf[32];
    relgraph_export_node_size(mentions, buf);
    relgraph_xml_start(wr, "viz:size");
    relgraph_xml_attribute(wr, "value", buf);
    relgraph_xml_end(wr);
}

/* The time spell of a node or edge: from the first to the last day it was
 * seen on (a dynamic graph only has them when the corpus is dated). */
static void spell(RelgraphXmlWriter *wr, const char *first, const char *last)
{
    if (*first) {
        relgraph_xml_attribute(wr, "start", first);
        relgraph_xml_attribute(wr, "end", last);
    }
}

static void write_node(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, const RelgraphNode *node)
{
    char id[24];
    relgraph_export_node_id(walk, node->name, id);
    relgraph_xml_start(wr, "node");
    relgraph_xml_attribute(wr, "id", id);
    relgraph_xml_attribute(wr, "label", node->name);
    spell(wr, node->first_date, node->last_date);
    relgraph_xml_start(wr, "attvalues");
    const char *type = relgraph_actor_type_name(node->type);
    attvalue(wr, "type", type ? type : "unknown");
    attvalue(wr, "affiliation", node->affiliation);
    attvalue_uint(wr, "mentions", node->mentions);
    attvalue_uint(wr, "degree", relgraph_export_walk_degree(walk, node));
    if (node->discovered)
        attvalue(wr, "discovered", "true");
    attvalue(wr, "first_seen", node->first_date);
    attvalue(wr, "last_seen", node->last_date);
    relgraph_xml_end(wr);
    guint8 rgb[3];
    relgraph_palette_type_rgb(node->type, rgb);
    viz_color(wr, rgb);
    viz_size(wr, node->mentions);
    relgraph_xml_end(wr);
}

static void write_edge(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, guint index, guint max_evidence,
                       gboolean mixed)
{
    const RelgraphEdge *edge = g_ptr_array_index(walk->edges, index);
    char id[24], source[24], target[24];
    relgraph_export_edge_id(index, id);
    relgraph_export_node_id(walk, edge->source, source);
    relgraph_export_node_id(walk, edge->target, target);
    relgraph_xml_start(wr, "edge");
    relgraph_xml_attribute(wr, "id", id);
    relgraph_xml_attribute(wr, "source", source);
    relgraph_xml_attribute(wr, "target", target);
    /* Not "mutual": NetworkX reads that as two edges. */
    if (mixed && edge->symmetric)
        relgraph_xml_attribute(wr, "type", "undirected");
    relgraph_xml_attribute(wr, "kind", edge->relation);
    relgraph_xml_attribute(wr, "label", edge->relation);
    relgraph_xml_attribute_uint(wr, "weight", edge->weight);
    spell(wr, edge->first_date, edge->last_date);
    relgraph_xml_start(wr, "attvalues");
    attvalue(wr, "relation", edge->relation);
    attvalue(wr, "polarity", relgraph_polarity_name(edge->polarity));
    attvalue(wr, "symmetric", edge->symmetric ? "true" : "false");
    GString *text = g_string_new(NULL);
    relgraph_export_append_document_list(text, edge->documents);
    attvalue(wr, "documents", text->str);
    g_string_truncate(text, 0);
    relgraph_export_append_evidence_lines(text, edge, max_evidence);
    attvalue(wr, "evidence", text->str);
    g_string_free(text, TRUE);
    attvalue(wr, "first_seen", edge->first_date);
    attvalue(wr, "last_seen", edge->last_date);
    relgraph_xml_end(wr);
    guint8 rgb[3];
    relgraph_palette_polarity_rgb(edge->polarity, rgb);
    viz_color(wr, rgb);
    relgraph_xml_end(wr);
}

char *relgraph_export_gexf(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                           GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    RelgraphXmlWriter wr;
    if (!relgraph_xml_open(&wr, "GEXF", error))
        return NULL;
    relgraph_xml_start(&wr, "gexf");
    relgraph_xml_attribute(&wr, "xmlns", GEXF_NS);
    relgraph_xml_attribute(&wr, "xmlns:viz", GEXF_VIZ_NS);
    relgraph_xml_attribute(&wr, "xmlns:xsi", XSI_NS);
    relgraph_xml_attribute(&wr, "xsi:schemaLocation", GEXF_NS " " GEXF_XSD);
    relgraph_xml_attribute(&wr, "version", "1.2");
    /* No lastmodifieddate: the same graph must give the same bytes. */
    relgraph_xml_start(&wr, "meta");
    relgraph_xml_element(&wr, "creator", "relgraph " RELGRAPH_VERSION);
    if (options && options->title && *options->title)
        relgraph_xml_element(&wr, "description", options->title); /* 1.2draft's meta has no <title> */
    relgraph_xml_end(&wr);

    RelgraphExportWalk walk;
    relgraph_export_walk_init(&walk, graph);
    gboolean dated = FALSE;
    for (guint i = 0; i < walk.nodes->len && !dated; i++)
        dated = *((const RelgraphNode *)g_ptr_array_index(walk.nodes, i))->first_date != '\0';
    relgraph_xml_start(&wr, "graph");
    relgraph_xml_attribute(&wr, "defaultedgetype", "directed");
    /* A dated corpus gives a dynamic graph that Gephi's timeline can play:
     * each node and edge lives from its first to its last day. */
    relgraph_xml_attribute(&wr, "mode", dated ? "dynamic" : "static");
    if (dated) {
        relgraph_xml_attribute(&wr, "timeformat", "date");
        relgraph_xml_attribute(&wr, "timerepresentation", "interval");
    }
    declare(&wr, "node", node_attrs, G_N_ELEMENTS(node_attrs));
    declare(&wr, "edge", edge_attrs, G_N_ELEMENTS(edge_attrs));

    relgraph_xml_start(&wr, "nodes");
    for (guint i = 0; i < walk.nodes->len; i++)
        write_node(&wr, &walk, g_ptr_array_index(walk.nodes, i));
    relgraph_xml_end(&wr);
    relgraph_xml_start(&wr, "edges");
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < walk.edges->len; i++)
        write_edge(&wr, &walk, i, max_evidence, options && options->symmetric_undirected);
    relgraph_xml_end(&wr);
    relgraph_export_walk_clear(&walk);
    return relgraph_xml_close(&wr, len, error);
}
