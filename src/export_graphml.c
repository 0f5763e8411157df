/* GraphML for Gephi, NetworkX, igraph and yEd, written with the shared XML
 * writer (xml_writer.h) so that every name and sentence is escaped by
 * libxml2. Valid against the GraphML 1.0 schema (graphml.xsd), free of
 * parse.* hints. The keys are graphml_keys.h's, which the reader
 * (import_graphml.c) shares. */
#include "relgraph/export.h"

#include <string.h>

#include "export_internal.h"
#include "graphml_keys.h"
#include "xml_writer.h"

#define GRAPHML_XSD "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* What each node and edge key says (the title is the graph's). */
static const RelgraphFact key_facts[GRAPHML_N_KEYS] = {
    [GRAPHML_NODE_LABEL] = RELGRAPH_FACT_NAME,
    [GRAPHML_NODE_TYPE] = RELGRAPH_FACT_TYPE,
    [GRAPHML_NODE_AFFILIATION] = RELGRAPH_FACT_AFFILIATION,
    [GRAPHML_NODE_MENTIONS] = RELGRAPH_FACT_MENTIONS,
    [GRAPHML_NODE_DEGREE] = RELGRAPH_FACT_DEGREE,
    [GRAPHML_NODE_SIZE] = RELGRAPH_FACT_SIZE,  /* the GEXF and SVG sizes */
    [GRAPHML_NODE_R] = RELGRAPH_FACT_RED,
    [GRAPHML_NODE_G] = RELGRAPH_FACT_GREEN,
    [GRAPHML_NODE_B] = RELGRAPH_FACT_BLUE,
    [GRAPHML_NODE_FIRST_SEEN] = RELGRAPH_FACT_FIRST_SEEN,
    [GRAPHML_NODE_LAST_SEEN] = RELGRAPH_FACT_LAST_SEEN,
    [GRAPHML_NODE_DISCOVERED] = RELGRAPH_FACT_DISCOVERED,
    [GRAPHML_EDGE_LABEL] = RELGRAPH_FACT_RELATION,
    [GRAPHML_EDGE_RELATION] = RELGRAPH_FACT_RELATION,
    [GRAPHML_EDGE_POLARITY] = RELGRAPH_FACT_POLARITY,
    [GRAPHML_EDGE_WEIGHT] = RELGRAPH_FACT_WEIGHT,
    [GRAPHML_EDGE_SYMMETRIC] = RELGRAPH_FACT_SYMMETRIC,
    [GRAPHML_EDGE_DOCUMENTS] = RELGRAPH_FACT_DOCUMENTS,
    [GRAPHML_EDGE_EVIDENCE] = RELGRAPH_FACT_EVIDENCE,
    [GRAPHML_EDGE_FIRST_SEEN] = RELGRAPH_FACT_FIRST_SEEN,
    [GRAPHML_EDGE_LAST_SEEN] = RELGRAPH_FACT_LAST_SEEN,
    [GRAPHML_EDGE_R] = RELGRAPH_FACT_RED,
    [GRAPHML_EDGE_G] = RELGRAPH_FACT_GREEN,
    [GRAPHML_EDGE_B] = RELGRAPH_FACT_BLUE,
};

/* <data key="key">value</data>, left out when value is empty (but the
 * node's name, its label: never left out). */
static void data(RelgraphXmlWriter *wr, RelgraphGraphmlKeyId key, const char *value)
{
    if (!value || (!*value && key != GRAPHML_NODE_LABEL))
        return;
    relgraph_xml_start(wr, "data");
    relgraph_xml_attribute(wr, "key", relgraph_graphml_keys[key].id);
    relgraph_xml_text(wr, value);
    relgraph_xml_end(wr);
}

/* The <data> of every key of domain, in the keys' order. */
static void write_data(RelgraphXmlWriter *wr, const char *domain, const RelgraphFacts *facts)
{
    for (guint k = 0; k < GRAPHML_N_KEYS; k++)
        if (strcmp(relgraph_graphml_keys[k].domain, domain) == 0)
            data(wr, k, facts->value[key_facts[k]]);
}

static void write_keys(RelgraphXmlWriter *wr, gboolean with_title)
{
    for (guint i = 0; i < GRAPHML_N_KEYS; i++) {
        const RelgraphGraphmlKey *key = &relgraph_graphml_keys[i];
        if (i == GRAPHML_GRAPH_TITLE && !with_title)
            continue;
        relgraph_xml_start(wr, "key");
        relgraph_xml_attribute(wr, "id", key->id);
        relgraph_xml_attribute(wr, "for", key->domain);
        relgraph_xml_attribute(wr, "attr.name", key->name);
        relgraph_xml_attribute(wr, "attr.type", key->type);
        if (key->default_value)
            relgraph_xml_element(wr, "default", key->default_value);
        relgraph_xml_end(wr);
    }
}

static void node_body(RelgraphXmlWriter *wr, const RelgraphNode *node, const RelgraphFacts *facts, gpointer data)
{
    (void)node;
    (void)data;
    write_data(wr, "node", facts);
}

static void edge_body(RelgraphXmlWriter *wr, const RelgraphEdge *edge, const RelgraphFacts *facts, gpointer data)
{
    const RelgraphExportOptions *options = data;
    /* A symmetric relation has no direction; said as an undirected edge in
     * the directed graph only when asked (options->symmetric_undirected),
     * since NetworkX refuses such a graph. "symmetric" says it either way. */
    if (options && options->symmetric_undirected && edge->symmetric)
        relgraph_xml_attribute(wr, "directed", "false");
    write_data(wr, "edge", facts);
}

char *relgraph_export_graphml(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                              GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    RelgraphXmlWriter wr;
    if (!relgraph_xml_open(&wr, "GraphML", error))
        return NULL;
    const char *title = options && options->title && *options->title ? options->title : NULL;
    /* Namespace declarations as plain attributes, in the customary order. */
    relgraph_xml_start(&wr, "graphml");
    relgraph_xml_attribute(&wr, "xmlns", RELGRAPH_GRAPHML_NS);
    relgraph_xml_attribute(&wr, "xmlns:xsi", XSI_NS);
    relgraph_xml_attribute(&wr, "xsi:schemaLocation", RELGRAPH_GRAPHML_NS " " GRAPHML_XSD);
    write_keys(&wr, title != NULL);

    /* No parse.* hints: plain GraphML, which every reader accepts. */
    relgraph_xml_start(&wr, "graph");
    relgraph_xml_attribute(&wr, "id", "relgraph");
    relgraph_xml_attribute(&wr, "edgedefault", "directed");
    if (title)
        data(&wr, GRAPHML_GRAPH_TITLE, title);

    RelgraphExportWalk walk;
    relgraph_export_walk_init(&walk, graph);
    relgraph_xml_write_nodes(&wr, &walk, NULL, node_body, NULL);
    relgraph_xml_write_edges(&wr, &walk, relgraph_export_max_evidence(options), NULL, edge_body,
                             (gpointer)options);
    relgraph_export_walk_clear(&walk);
    return relgraph_xml_close(&wr, len, error);  /* closes graph and graphml */
}
