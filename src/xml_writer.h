/* The XML writer GraphML and GEXF share: libxml2's xmlTextWriter writing
 * straight into a GString, with every name and value made fit for XML 1.0
 * (relgraph_export_clean_text) and escaped by the writer, and the libxml2
 * set-up the GraphML reader shares too.
 *
 * A failed call of the writer is remembered (ok turns FALSE) rather than
 * checked at each step: the caller asks once, at relgraph_xml_close.
 *
 * Private to the library.
 */
#ifndef RELGRAPH_XML_WRITER_H
#define RELGRAPH_XML_WRITER_H

#include <glib.h>

#include "export_internal.h"

struct _xmlTextWriter;

typedef struct {
    struct _xmlTextWriter *w;
    GString *out;         /* the bytes so far (all of them after _close) */
    const char *format;   /* "GraphML", "GEXF": named in errors */
    gboolean ok;
} RelgraphXmlWriter;

/* Initialises libxml2 once, whichever thread comes first: formats may be
 * rendered (and GraphML read) side by side, and libxml2 must not
 * initialise twice at once. */
void relgraph_xml_init(void);

/* Starts an indented UTF-8 document whose bytes go into a new GString (ours,
 * not copied out of a libxml2 buffer at the end: a large GraphML is held
 * once, not twice). FALSE with error when libxml2 cannot make a writer. */
gboolean relgraph_xml_open(RelgraphXmlWriter *wr, const char *format, GError **error);
/* Ends the document (closing what is open) and frees the writer. Returns
 * the text (caller frees with g_free; *len its size) or NULL with error
 * when any call failed. */
char *relgraph_xml_close(RelgraphXmlWriter *wr, gsize *len, GError **error);

/* <name ...: an element opened; relgraph_xml_end closes the innermost. */
void relgraph_xml_start(RelgraphXmlWriter *wr, const char *name);
void relgraph_xml_end(RelgraphXmlWriter *wr);
/* An attribute of the element just opened. */
void relgraph_xml_attribute(RelgraphXmlWriter *wr, const char *name, const char *value);
/* Text inside the open element. */
void relgraph_xml_text(RelgraphXmlWriter *wr, const char *text);
/* <name>text</name>. */
void relgraph_xml_element(RelgraphXmlWriter *wr, const char *name, const char *text);

/* The graph elements GraphML and GEXF write alike: for each node of walk
 * <node id="n<i>"> and for each edge <edge id="e<i>" source="n<j>"
 * target="n<k>">, with what body writes inside (attributes first) given
 * the node's or edge's facts, all within <wrapper> unless it is NULL. */
typedef void (*RelgraphXmlNodeBody)(RelgraphXmlWriter *wr, const RelgraphNode *node, const RelgraphFacts *facts,
                                    gpointer data);
typedef void (*RelgraphXmlEdgeBody)(RelgraphXmlWriter *wr, const RelgraphEdge *edge, const RelgraphFacts *facts,
                                    gpointer data);
void relgraph_xml_write_nodes(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, const char *wrapper,
                              RelgraphXmlNodeBody body, gpointer data);
void relgraph_xml_write_edges(RelgraphXmlWriter *wr, const RelgraphExportWalk *walk, guint max_evidence,
                              const char *wrapper, RelgraphXmlEdgeBody body, gpointer data);

#endif
