/* relgraph — views of a graph: filters and the state-level roll-up.
 *
 * A view is a new graph computed from a built one, so that every exporter
 * shows exactly the same selection. The steps run in a fixed order:
 *
 *   1. roll-up: officials and institutions are folded into the state they
 *      belong to (node mentions and edge weights add up, documents and
 *      evidence are united; edges that become self-loops are dropped);
 *   2. edges: only the listed relations, only edges of weight >= min_weight;
 *      when either is set, nodes left without an edge are dropped;
 *   3. nodes: only the listed actor types (with their edges);
 *   4. focus: only the actors within depth hops of the focus actor (edges
 *      taken in both directions), the ego network;
 *   5. top: only the N actors of largest weighted degree (sum of the weights
 *      of their edges; ties by name), with the edges between them.
 *
 * A RelgraphView states the same selection as a caller does (a state-level
 * roll-up by the rules' dictionary, a depth 0 for the focus actor alone);
 * relgraph_filter_apply_view turns it into a filter and applies it.
 *
 * Ownership: relgraph_filter_apply and relgraph_filter_apply_view return a
 * new graph (caller frees with relgraph_graph_free); the filter, the view
 * and the input graph are not changed.
 */
#ifndef RELGRAPH_FILTER_H
#define RELGRAPH_FILTER_H

#include <glib.h>

#include "relgraph/actors.h"
#include "relgraph/graph.h"

G_BEGIN_DECLS

typedef struct {
    GHashTable *roll_up;      /* actor name -> name of the actor to fold it into;
                                 NULL: no roll-up. Names not in it stay. */
    char **relations;         /* NULL-terminated relation names; NULL: all */
    guint min_weight;         /* 0 or 1: all edges */
    RelgraphActorType types;  /* 0: all types */
    const char *focus;        /* actor name; NULL: no focus */
    guint depth;              /* hops around focus; 0 means 1 */
    guint top;                /* 0: all actors */
} RelgraphFilter;

/* TRUE when the filter selects everything (no need to copy the graph). */
gboolean relgraph_filter_is_empty(const RelgraphFilter *filter);

/* The view of graph selected by filter. Fails (NULL, error set) when the
 * focus actor is not in the graph (after roll-up). */
RelgraphGraph *relgraph_filter_apply(const RelgraphGraph *graph, const RelgraphFilter *filter,
                                     GError **error);

/* The selection of a view, as an embedder or the command line fills it. */
typedef struct {
    gboolean roll_up;         /* fold officials and institutions into their state */
    char **relations;         /* NULL-terminated relation names; NULL: all */
    guint min_weight;         /* 0 or 1: all edges */
    RelgraphActorType types;  /* 0: all types */
    const char *focus;        /* canonical actor name; NULL: no focus */
    gint depth;               /* hops around focus; -1: the default, 1;
                                 0: the focus actor alone */
    guint top;                /* 0: all actors */
} RelgraphView;

/* TRUE when the view selects everything: the graph as it is. */
gboolean relgraph_filter_view_is_empty(const RelgraphView *view);

/* The roll-up map of dict (relgraph_filter.roll_up): every actor that is
 * not a state, by name, to the name of the state it belongs to. The names
 * are dict's own; free the table with g_hash_table_destroy. */
GHashTable *relgraph_filter_roll_up_map(const RelgraphDictionary *dict);

/* The view of graph selected by view; dict is the dictionary of the rules
 * the graph was built with (for the roll-up). Fails (NULL, error set) when
 * the focus actor is not in the graph (after roll-up). */
RelgraphGraph *relgraph_filter_apply_view(const RelgraphGraph *graph, const RelgraphView *view,
                                          const RelgraphDictionary *dict, GError **error);

G_END_DECLS

#endif
