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
    RelgraphFact fact;         /* what its attvalue says */
} Attr;

static const Attr node_attrs[] = {
    {"type", "string", NULL, RELGRAPH_FACT_TYPE},
    {"affiliation", "string", NULL, RELGRAPH_FACT_AFFILIATION},
    {"mentions", "integer", NULL, RELGRAPH_FACT_MENTIONS},
    {"degree", "integer", NULL, RELGRAPH_FACT_DEGREE},
    /* An actor the rules do not list, found in the text by its title
     * (discover.h): an attvalue only on those, false on every other node. */
    {"discovered", "boolean", "false", RELGRAPH_FACT_DISCOVERED},
    /* The spell's days again, as values: graphology and Gephi Lite drop
     * spells. */
    {"first_seen", "string", NULL, RELGRAPH_FACT_FIRST_SEEN},
    {"last_seen", "string", NULL, RELGRAPH_FACT_LAST_SEEN},
};
static const Attr edge_attrs[] = {
    {"relation", "string", NULL, RELGRAPH_FACT_RELATION},
    {"polarity", "string", NULL, RELGRAPH_FACT_POLARITY},
    {"symmetric", "boolean", NULL, RELGRAPH_FACT_SYMMETRIC},
    {"documents", "string", NULL, RELGRAPH_FACT_DOCUMENTS},
    {"evidence", "string", NULL, RELGRAPH_FACT_EVIDENCE},
    {"first_seen", "string", NULL, RELGRAPH_FACT_FIRST_SEEN},
    {"last_seen", "string", NULL, RELGRAPH_FACT_LAST_SEEN},
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

/* <attvalues> with one <attvalue> per declared attribute that has a value. */
static void attvalues(RelgraphXmlWriter *wr, const Attr *attrs, guint n, const RelgraphFacts *facts)
{
    relgraph_xml_start(wr, "attvalues");
    for (guint i = 0; i < n; i++) {
        const char *value = facts->value[attrs[i].fact];
        if (!value || !*value)
            continue;
        relgraph_xml_start(wr, "attvalue");
        relgraph_xml_attribute(wr, "for", attrs[i].id);
        relgraph_xml_attribute(wr, "value", value);
        relgraph_xml_end(wr);
    }
    relgraph_xml_end(wr);
}

/* The palette's colour, as the facts hold it. */
static void viz_color(RelgraphXmlWriter *wr, const RelgraphFacts *facts)
{
    relgraph_xml_start(wr, "viz:color");
    relgraph_xml_attribute(wr, "r", facts->value[RELGRAPH_FACT_RED]);
    relgraph_xml_attribute(wr, "g", facts->value[RELGRAPH_FACT_GREEN]);
    relgraph_xml_attribute(wr, "b", facts->value[RELGRAPH_FACT_BLUE]);
    relgraph_xml_attribute(wr, "a", "1.0");
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

static void node_body(RelgraphXmlWriter *wr, const RelgraphNode *node, const RelgraphFacts *facts, gpointer data)
{
    (void)data;
    relgraph_xml_attribute(wr, "label", node->name);
    spell(wr, node->first_date, node->last_date);
    attvalues(wr, node_attrs, G_N_ELEMENTS(node_attrs), facts);
    viz_color(wr, facts);
    /* Size grows with the square root of mentions: area tracks mentions. */
    relgraph_xml_start(wr, "viz:size");
    relgraph_xml_attribute(wr, "value", facts->value[RELGRAPH_FACT_SIZE]);
    relgraph_xml_end(wr);
}

static void edge_body(RelgraphXmlWriter *wr, const RelgraphEdge *edge, const RelgraphFacts *facts, gpointer data)
{
    const RelgraphExportOptions *options = data;
    /* Not "mutual": NetworkX reads that as two edges. */
    if (options && options->symmetric_undirected && edge->symmetric)
        relgraph_xml_attribute(wr, "type", "undirected");
    relgraph_xml_attribute(wr, "kind", edge->relation);
    relgraph_xml_attribute(wr, "label", edge->relation);
    relgraph_xml_attribute(wr, "weight", facts->value[RELGRAPH_FACT_WEIGHT]);
    spell(wr, edge->first_date, edge->last_date);
    attvalues(wr, edge_attrs, G_N_ELEMENTS(edge_attrs), facts);
    viz_color(wr, facts);
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

    relgraph_xml_write_nodes(&wr, &walk, "nodes", node_body, NULL);
    relgraph_xml_write_edges(&wr, &walk, relgraph_export_max_evidence(options), "edges", edge_body,
                             (gpointer)options);
    relgraph_export_walk_clear(&walk);
    return relgraph_xml_close(&wr, len, error);
}
