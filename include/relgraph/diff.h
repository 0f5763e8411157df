/* relgraph — what changed between two graphs: actors and relations added
 * and removed, and those whose mentions (actors) or weight (relations)
 * changed. For reviewing a corpus or rules change.
 *
 * Nodes are matched by name, edges by (source, relation, target). Only
 * counts are compared: a node's type or affiliation, an edge's polarity,
 * documents and evidence are not.
 *
 * Ownership: a RelgraphDiff owns its lists and their strings (copies, so
 * it outlives the graphs); caller frees with relgraph_diff_free. Rendered
 * text is new; caller frees with g_free.
 */
#ifndef RELGRAPH_DIFF_H
#define RELGRAPH_DIFF_H

#include <glib.h>

#include "relgraph/graph.h"

G_BEGIN_DECLS

typedef enum {
    RELGRAPH_DIFF_ADDED,
    RELGRAPH_DIFF_REMOVED,
    RELGRAPH_DIFF_CHANGED,
} RelgraphDiffChange;

/* One node or edge that differs. old and new are the mentions (nodes) or
 * the weight (edges) on each side; the side it is missing from has 0. */
typedef struct {
    RelgraphDiffChange change;
    char *source;    /* the node's name, or the edge's source */
    char *relation;  /* edges only; NULL for nodes */
    char *target;    /* edges only; NULL for nodes */
    gboolean symmetric;
    guint old_count;
    guint new_count;
} RelgraphDiffItem;

/* Every list holds RelgraphDiffItem*, sorted by name (nodes) or by
 * (source, relation, target) (edges), in strcmp order. */
typedef struct {
    GPtrArray *nodes_added;
    GPtrArray *nodes_removed;
    GPtrArray *nodes_changed;
    GPtrArray *edges_added;
    GPtrArray *edges_removed;
    GPtrArray *edges_changed;
} RelgraphDiff;

RelgraphDiff *relgraph_diff_graphs(const RelgraphGraph *old, const RelgraphGraph *new_);

/* A side of a diff from a file: a part (by its .part extension, part.h),
 * else GraphML written by the exporter (import.h; "-" is standard input).
 * A new graph (relgraph_graph_free), or NULL with error set. */
RelgraphGraph *relgraph_diff_load_graph(const char *path, GError **error);
void relgraph_diff_free(RelgraphDiff *diff);

/* Drops the changes (not the additions and removals) of fewer than
 * min_change mentions or weight, nodes and edges alike. */
void relgraph_diff_drop_small_changes(RelgraphDiff *diff, guint min_change);

/* TRUE when the lists are all empty. */
gboolean relgraph_diff_is_empty(const RelgraphDiff *diff);

/* For people: a summary line ("3 edges added, 1 removed, 2 changed in
 * weight; 1 actor added"), then a section per list, one line per item:
 * "+ China --visit--> North Korea (weight 3)", "- ...",
 * "~ A --meet-- B weight 2 -> 5 (+3)" (symmetric relations have no arrow
 * head). "no differences" when there are none. */
char *relgraph_diff_text(const RelgraphDiff *diff);

/* For scripts: a header line, then one row per item:
 *   change  kind  source  relation  target  old_weight  new_weight
 * change is added, removed or changed; kind is edge or node (nodes: the
 * name in source, relation and target empty, mentions as weights); the
 * missing side's weight is empty. Rows are sorted by kind, then key, so
 * the same as `LC_ALL=C sort` on columns 2 to 5. */
char *relgraph_diff_tsv(const RelgraphDiff *diff);

G_END_DECLS

#endif
