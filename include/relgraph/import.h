/* relgraph — reading back a graph that relgraph build wrote as GraphML.
 *
 * The reader goes by the <key> declarations' attr.name, not by the key ids,
 * so a file whose keys another tool renamed still reads. Nodes: the name
 * (label; the node id when there is no label), type, affiliation, mentions.
 * Edges: source and target (node ids, turned into names), relation (the
 * edge label when there is no relation), weight (1 when absent), symmetric,
 * polarity and documents when present. Evidence is not read back: the
 * GraphML holds only the first few sentences, without their spans or rules.
 *
 * Ownership: the returned graph is new; caller frees with
 * relgraph_graph_free.
 */
#ifndef RELGRAPH_IMPORT_H
#define RELGRAPH_IMPORT_H

#include <glib.h>

#include "relgraph/graph.h"

G_BEGIN_DECLS

/* Reads the GraphML file at path ("-": standard input). On failure returns
 * NULL with an error whose message starts with "path:line:col: " when it
 * is about a place in the file: malformed XML, a root that is not
 * <graphml>, an edge naming an unknown node, a weight or mention count that
 * is not a whole number, a node or edge given twice. */
RelgraphGraph *relgraph_import_graphml(const char *path, GError **error);

G_END_DECLS

#endif
