/* The XML writer GraphML and GEXF share (see xml_writer.h). */
#include "xml_writer.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "relgraph/common.h"

#define X(s) ((const xmlChar *)(s))

void relgraph_xml_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        xmlInitParser();
        g_once_init_leave(&done, 1);
    }
}

static void check(RelgraphXmlWriter *wr, int rc)
{
    if (rc < 0)
        wr->ok = FALSE;
}

static int append_to_string(void *out, const char *buffer, int len)
{
    g_string_append_len(out, buffer, len);
    return len;
}

static int close_nothing(void *out)
{
    (void)out;
    return 0;
}

gboolean relgraph_xml_open(RelgraphXmlWriter *wr, const char *format, GError **error)
{
    relgraph_xml_init();
    wr->out = g_string_new(NULL);
    wr->format = format;
    wr->ok = TRUE;
    wr->w = NULL;
    xmlOutputBufferPtr io = xmlOutputBufferCreateIO(append_to_string, close_nothing, wr->out, NULL);
    if (io) {
        wr->w = xmlNewTextWriter(io); /* takes io when it succeeds */
        if (!wr->w)
            xmlOutputBufferClose(io);
    }
    if (!wr->w) {
        g_string_free(wr->out, TRUE);
        wr->out = NULL;
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "%s: cannot create the XML writer", format);
        return FALSE;
    }
    check(wr, xmlTextWriterSetIndent(wr->w, 1));
    check(wr, xmlTextWriterSetIndentString(wr->w, X("  ")));
    check(wr, xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL));
    return TRUE;
}

char *relgraph_xml_close(RelgraphXmlWriter *wr, gsize *len, GError **error)
{
    check(wr, xmlTextWriterEndDocument(wr->w));
    xmlFreeTextWriter(wr->w); /* flushes into out */
    wr->w = NULL;
    GString *out = wr->out;
    wr->out = NULL;
    if (!wr->ok) {
        g_string_free(out, TRUE);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "%s: the XML writer failed", wr->format);
        return NULL;
    }
    *len = out->len;
    return g_string_free(out, FALSE);
}

void relgraph_xml_start(RelgraphXmlWriter *wr, const char *name)
{
    check(wr, xmlTextWriterStartElement(wr->w, X(name)));
}

void relgraph_xml_end(RelgraphXmlWriter *wr)
{
    check(wr, xmlTextWriterEndElement(wr->w));
}

void relgraph_xml_attribute(RelgraphXmlWriter *wr, const char *name, const char *value)
{
    char *clean = relgraph_export_clean_text(value);
    check(wr, xmlTextWriterWriteAttribute(wr->w, X(name), X(clean)));
    g_free(clean);
}

void relgraph_xml_text(RelgraphXmlWriter *wr, const char *text)
{
    char *clean = relgraph_export_clean_text(text);
    check(wr, xmlTextWriterWriteString(wr->w, X(clean)));
    g_free(clean);
}

void relgraph_xml_element(RelgraphXmlWriter *wr, const char *name, const char *text)
{
    relgraph_xml_start(wr, name);
    relgraph_xml_text(wr, text);
    relgraph_xml_end(wr);
}

void relgraph_xml_write_nodes(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, const char *wrapper,
                              RelgraphXmlNodeBody body, gpointer data)
{
    if (wrapper)
        relgraph_xml_start(wr, wrapper);
    for (guint i = 0; i < walk->nodes->len; i++) {
        const RelgraphNode *node = g_ptr_array_index(walk->nodes, i);
        RelgraphFacts facts;
        char id[24];
        relgraph_export_node_facts(&facts, walk, node);
        relgraph_export_node_id(walk, node->name, id);
        relgraph_xml_start(wr, "node");
        relgraph_xml_attribute(wr, "id", id);
        body(wr, node, &facts, data);
        relgraph_xml_end(wr);
        relgraph_export_facts_clear(&facts);
    }
    if (wrapper)
        relgraph_xml_end(wr);
}

void relgraph_xml_write_edges(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, guint max_evidence,
                              const char *wrapper, RelgraphXmlEdgeBody body, gpointer data)
{
    if (wrapper)
        relgraph_xml_start(wr, wrapper);
    for (guint i = 0; i < walk->edges->len; i++) {
        const RelgraphEdge *edge = g_ptr_array_index(walk->edges, i);
        RelgraphFacts facts;
        char id[24], source[24], target[24];
        relgraph_export_edge_facts(&facts, edge, max_evidence);
        g_snprintf(id, sizeof id, "e%u", i);
        relgraph_export_node_id(walk, edge->source, source);
        relgraph_export_node_id(walk, edge->target, target);
        relgraph_xml_start(wr, "edge");
        relgraph_xml_attribute(wr, "id", id);
        relgraph_xml_attribute(wr, "source", source);
        relgraph_xml_attribute(wr, "target", target);
        body(wr, edge, &facts, data);
        relgraph_xml_end(wr);
        relgraph_export_facts_clear(&facts);
    }
    if (wrapper)
        relgraph_xml_end(wr);
}
