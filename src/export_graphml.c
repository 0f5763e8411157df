/* GraphML for Gephi, NetworkX, igraph and yEd, written with the shared XML
 * writer (xml_writer.h) so that every name and sentence is escaped by
 * libxml2. Valid against the GraphML 1.0 schema (graphml.xsd), free of
 * parse.* hints. The keys are graphml_keys.h's, which the reader
 * (import_graphml.c) shares. */
#include "relgraph/export.h"

#include "export_internal.h"
#include "graphml_keys.h"
#include "xml_writer.h"

#define GRAPHML_XSD "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

/* <data key="key">value</data>. */
static void data_always(RelgraphXmlWriter *wr, RelgraphGraphmlKeyId key, const char *value)
{
    relgraph_xml_start(wr, "data");
    relgraph_xml_attribute(wr, "key", relgraph_graphml_keys[key].id);
    relgraph_xml_text(wr, value);
    relgraph_xml_end(wr);
}

/* The same, left out when value is empty. */
static void data(RelgraphXmlWriter *wr, RelgraphGraphmlKeyId key, const char *value)
{
    if (value && *value)
        data_always(wr, key, value);
}

static void data_uint(RelgraphXmlWriter *wr, RelgraphGraphmlKeyId key, guint value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    data(wr, key, buf);
}

/* Three keys in a row (r, g, b) given a colour. */
static void data_rgb(RelgraphXmlWriter *wr, RelgraphGraphmlKeyId red, const guint8 rgb[3])
{
    for (guint c = 0; c < 3; c++)
        data_uint(wr, red + c, rgb[c]);
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

static void write_node(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, const RelgraphNode *node)
{
    char id[24];
    relgraph_export_node_id(walk, node->name, id);
    relgraph_xml_start(wr, "node");
    relgraph_xml_attribute(wr, "id", id);
    data_always(wr, GRAPHML_NODE_LABEL, node->name);  /* the node's name: never left out */
    const char *type = relgraph_actor_type_name(node->type);
    data(wr, GRAPHML_NODE_TYPE, type ? type : "unknown");
    data(wr, GRAPHML_NODE_AFFILIATION, node->affiliation);
    data_uint(wr, GRAPHML_NODE_MENTIONS, node->mentions);
    data_uint(wr, GRAPHML_NODE_DEGREE, relgraph_export_walk_degree(walk, node));
    char size[32];  /* the GEXF and SVG sizes */
    relgraph_export_node_size(node->mentions, size);
    data(wr, GRAPHML_NODE_SIZE, size);
    guint8 rgb[3];
    relgraph_palette_type_rgb(node->type, rgb);
    data_rgb(wr, GRAPHML_NODE_R, rgb);
    data(wr, GRAPHML_NODE_FIRST_SEEN, node->first_date);
    data(wr, GRAPHML_NODE_LAST_SEEN, node->last_date);
    if (node->discovered)
        data(wr, GRAPHML_NODE_DISCOVERED, "true");
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
    /* A symmetric relation has no direction; said as an undirected edge in
     * the directed graph only when asked (options->symmetric_undirected),
     * since NetworkX refuses such a graph. "symmetric" says it either way. */
    if (mixed && edge->symmetric)
        relgraph_xml_attribute(wr, "directed", "false");
    data(wr, GRAPHML_EDGE_LABEL, edge->relation);
    data(wr, GRAPHML_EDGE_RELATION, edge->relation);
    data(wr, GRAPHML_EDGE_POLARITY, relgraph_polarity_name(edge->polarity));
    data_uint(wr, GRAPHML_EDGE_WEIGHT, edge->weight);
    data(wr, GRAPHML_EDGE_SYMMETRIC, edge->symmetric ? "true" : "false");
    GString *text = g_string_new(NULL);
    relgraph_export_append_document_list(text, edge->documents);
    data(wr, GRAPHML_EDGE_DOCUMENTS, text->str);
    g_string_truncate(text, 0);
    relgraph_export_append_evidence_lines(text, edge, max_evidence);
    data(wr, GRAPHML_EDGE_EVIDENCE, text->str);
    g_string_free(text, TRUE);
    data(wr, GRAPHML_EDGE_FIRST_SEEN, edge->first_date);
    data(wr, GRAPHML_EDGE_LAST_SEEN, edge->last_date);
    guint8 rgb[3];
    relgraph_palette_polarity_rgb(edge->polarity, rgb);
    data_rgb(wr, GRAPHML_EDGE_R, rgb);
    relgraph_xml_end(wr);
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
    for (guint i = 0; i < walk.nodes->len; i++)
        write_node(&wr, &walk, g_ptr_array_index(walk.nodes, i));
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < walk.edges->len; i++)
        write_edge(&wr, &walk, i, max_evidence, options && options->symmetric_undirected);
    relgraph_export_walk_clear(&walk);
    return relgraph_xml_close(&wr, len, error);  /* closes graph and graphml */
}
