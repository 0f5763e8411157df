/* Private to the export_*.c modules: what every exporter shares, so that
 * all formats draw the same colours and sizes and say the same of a
 * relation. The colours are palette.h's, the XML writer xml_writer.h's. */
#ifndef RELGRAPH_EXPORT_INTERNAL_H
#define RELGRAPH_EXPORT_INTERNAL_H

#include "relgraph/export.h"

#include "palette.h"

/* Text fit for XML 1.0 and SVG (see export.c). Caller frees. */
char *relgraph_export_clean_text(const char *text);
/* Appends text cleaned and escaped for XML and HTML markup. */
void relgraph_export_append_markup(GString *out, const char *text);
/* Evidence sentences per edge: options->max_evidence or the default. */
guint relgraph_export_max_evidence(const RelgraphExportOptions *options);
/* Number of edges at each node, by name (GUINT_TO_POINTER values); a new
 * table over the borrowed names of edges' graph. */
GHashTable *relgraph_export_degrees(const GPtrArray *edges);

/* Edge colour by polarity: the palette's, under the name the figure
 * (export_dot.c) still calls. */
static inline void relgraph_export_polarity_rgb(RelgraphPolarity polarity, guint8 rgb[3])
{
    relgraph_palette_polarity_rgb(polarity, rgb);
}

/* The sorted nodes and edges of a graph as the data formats walk them:
 * node i is "n<i>", edge i "e<i>", each node with its degree. */
typedef struct {
    GPtrArray *nodes;
    GPtrArray *edges;
    GHashTable *degrees;    /* see relgraph_export_degrees */
    GHashTable *node_index; /* name -> GUINT_TO_POINTER(i) */
} RelgraphExportWalk;

void relgraph_export_walk_init(RelgraphExportWalk *walk, const RelgraphGraph *graph);
void relgraph_export_walk_clear(RelgraphExportWalk *walk);
guint relgraph_export_walk_degree(const RelgraphExportWalk *walk, const RelgraphNode *node);
/* "n<i>" for the node named name, "e<i>" for edge i. */
void relgraph_export_node_id(const RelgraphExportWalk *walk, const char *name, char id[24]);
void relgraph_export_edge_id(guint index, char id[24]);

/* The size the data formats give a node: its area grows with mentions
 * ("%.2f" of 10 + 4 sqrt(mentions)). */
void relgraph_export_node_size(guint mentions, char size[32]);
/* "doc: sentence" of one evidence item. */
void relgraph_export_append_evidence(GString *out, const RelgraphEvidence *evidence);
/* The first max_evidence items of edge, one "doc: sentence" per line
 * (GraphML's and GEXF's evidence attribute). */
void relgraph_export_append_evidence_lines(GString *out, const RelgraphEdge *edge, guint max_evidence);

#endif
