/* Views of a graph: roll-up, edge and node filters, ego network, top N. */
#include "relgraph/filter.h"

#include <string.h>

gboolean relgraph_filter_is_empty(const RelgraphFilter *filter)
{
    return !filter || (!filter->roll_up && !filter->relations && filter->min_weight <= 1 && !filter->types &&
                       !filter->focus && !filter->top);
}

static const char *rolled_name(const RelgraphFilter *filter, const char *name)
{
    const char *to = filter->roll_up ? g_hash_table_lookup(filter->roll_up, name) : NULL;
    return to ? to : name;
}

/* Step 1: a copy of graph with every actor renamed to what it rolls up to.
 * The node a name folds into keeps its own type and affiliation when it is
 * in the graph; otherwise it takes them from the first (sorted) member. */
/* Adds n's mentions and dates to out under name (n's own or the one it is
 * folded into). */
static void copy_node(RelgraphGraph *out, const RelgraphNode *n, const char *name, RelgraphActorType type,
                      const char *affiliation)
{
    RelgraphNode *dst = relgraph_graph_add_node(out, name, type, affiliation, n->mentions);
    /* A discovered official folded into its state does not make the state discovered. */
    if (n->discovered && strcmp(name, n->name) == 0)
        relgraph_graph_node_set_discovered(dst);
    relgraph_graph_node_add_date(dst, n->first_date);
    relgraph_graph_node_add_date(dst, n->last_date);
}

static RelgraphGraph *roll_up(const RelgraphGraph *graph, const RelgraphFilter *filter)
{
    RelgraphGraph *out = relgraph_graph_new();
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        const char *to = rolled_name(filter, n->name);
        if (strcmp(to, n->name) == 0)
            copy_node(out, n, n->name, n->type, n->affiliation);
    }
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        const char *to = rolled_name(filter, n->name);
        if (strcmp(to, n->name) != 0)
            copy_node(out, n, to, relgraph_graph_node(out, to) ? 0 : RELGRAPH_ACTOR_STATE, NULL);
    }
    g_ptr_array_unref(nodes);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        const char *s = rolled_name(filter, e->source), *t = rolled_name(filter, e->target);
        if (strcmp(s, t) != 0)
            relgraph_graph_add_edge(out, e, s, t);
    }
    g_ptr_array_unref(edges);
    return out;
}

static gboolean relation_selected(const RelgraphFilter *filter, const char *relation)
{
    if (!filter->relations)
        return TRUE;
    for (char **r = filter->relations; *r; r++)
        if (strcmp(*r, relation) == 0)
            return TRUE;
    return FALSE;
}

/* Actors within depth hops of focus, edges in either direction. */
static GHashTable *ego_network(const RelgraphGraph *graph, GPtrArray *edges, const char *focus, guint depth)
{
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_add(seen, relgraph_graph_node(graph, focus)->name);
    GPtrArray *frontier = g_ptr_array_new();
    g_ptr_array_add(frontier, relgraph_graph_node(graph, focus)->name);
    for (guint hop = 0; hop < depth && frontier->len; hop++) {
        GHashTable *in_frontier = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < frontier->len; i++)
            g_hash_table_add(in_frontier, g_ptr_array_index(frontier, i));
        g_ptr_array_set_size(frontier, 0);
        for (guint i = 0; i < edges->len; i++) {
            const RelgraphEdge *e = g_ptr_array_index(edges, i);
            const char *next = NULL;
            if (g_hash_table_contains(in_frontier, e->source))
                next = e->target;
            else if (g_hash_table_contains(in_frontier, e->target))
                next = e->source;
            if (next && !g_hash_table_contains(seen, next)) {
                g_hash_table_add(seen, (gpointer)next);
                g_ptr_array_add(frontier, (gpointer)next);
            }
        }
        g_hash_table_destroy(in_frontier);
    }
    g_ptr_array_unref(frontier);
    return seen;
}

typedef struct {
    const char *name;
    guint64 degree;
} Ranked;

static gint ranked_compare(gconstpointer a, gconstpointer b)
{
    const Ranked *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The top actors by weighted degree among kept, as a new set. */
static GHashTable *top_actors(GPtrArray *nodes, GHashTable *kept, GPtrArray *edges, guint top)
{
    GHashTable *degree = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        if (!g_hash_table_contains(kept, e->source) || !g_hash_table_contains(kept, e->target))
            continue;
        const char *ends[2] = {e->source, e->target};
        for (guint k = 0; k < 2; k++) {
            guint64 *d = g_hash_table_lookup(degree, ends[k]);
            if (!d) {
                d = g_new0(guint64, 1);
                g_hash_table_insert(degree, (gpointer)ends[k], d);
            }
            *d += e->weight;
        }
    }
    GArray *ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        if (!g_hash_table_contains(kept, n->name))
            continue;
        guint64 *d = g_hash_table_lookup(degree, n->name);
        Ranked r = {n->name, d ? *d : 0};
        g_array_append_val(ranked, r);
    }
    g_array_sort(ranked, ranked_compare);
    GHashTable *out = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < ranked->len && i < top; i++)
        g_hash_table_add(out, (gpointer)g_array_index(ranked, Ranked, i).name);
    g_array_unref(ranked);
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, degree);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_free(value);
    g_hash_table_destroy(degree);
    return out;
}

RelgraphGraph *relgraph_filter_apply(const RelgraphGraph *graph, const RelgraphFilter *filter, GError **error)
{
    g_return_val_if_fail(graph && filter, NULL);
    RelgraphGraph *rolled = filter->roll_up ? roll_up(graph, filter) : NULL;
    const RelgraphGraph *src = rolled ? rolled : graph;
    if (filter->focus && !relgraph_graph_node(src, filter->focus)) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE,
                    "--focus: no actor \"%s\" in the graph%s", filter->focus,
                    filter->roll_up ? " (after --roll-up)" : "");
        relgraph_graph_free(rolled);
        return NULL;
    }

    /* Step 2: the edges that pass the edge filters. */
    GPtrArray *all_edges = relgraph_graph_sorted_edges(src);
    GPtrArray *edges = g_ptr_array_new();
    for (guint i = 0; i < all_edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(all_edges, i);
        if (relation_selected(filter, e->relation) && e->weight >= filter->min_weight)
            g_ptr_array_add(edges, (gpointer)e);
    }
    g_ptr_array_unref(all_edges);
    gboolean edge_filtered = filter->relations || filter->min_weight > 1;
    GHashTable *touched = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        g_hash_table_add(touched, e->source);
        g_hash_table_add(touched, e->target);
    }

    /* Step 3: the nodes that pass the node filters. */
    GPtrArray *nodes = relgraph_graph_sorted_nodes(src);
    GHashTable *kept = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        if (edge_filtered && !g_hash_table_contains(touched, n->name))
            continue;
        if (filter->types && !(n->type & filter->types))
            continue;
        g_hash_table_add(kept, n->name);
    }
    g_hash_table_destroy(touched);
    /* Only edges between kept nodes from here on. */
    GPtrArray *inner = g_ptr_array_new();
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        if (g_hash_table_contains(kept, e->source) && g_hash_table_contains(kept, e->target))
            g_ptr_array_add(inner, (gpointer)e);
    }
    g_ptr_array_unref(edges);
    edges = inner;

    /* Step 4: the ego network. */
    if (filter->focus) {
        if (!g_hash_table_contains(kept, filter->focus)) {
            g_hash_table_remove_all(kept);
        } else {
            GHashTable *ego = ego_network(src, edges, filter->focus, filter->depth ? filter->depth : 1);
            g_hash_table_destroy(kept);
            kept = ego;
        }
    }
    /* Step 5: the top actors. */
    if (filter->top) {
        GHashTable *top = top_actors(nodes, kept, edges, filter->top);
        g_hash_table_destroy(kept);
        kept = top;
    }

    RelgraphGraph *out = relgraph_graph_new();
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        if (g_hash_table_contains(kept, n->name))
            copy_node(out, n, n->name, n->type, n->affiliation);
    }
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        if (g_hash_table_contains(kept, e->source) && g_hash_table_contains(kept, e->target))
            relgraph_graph_add_edge(out, e, NULL, NULL);
    }
    g_hash_table_destroy(kept);
    g_ptr_array_unref(nodes);
    g_ptr_array_unref(edges);
    relgraph_graph_free(rolled);
    return out;
}

gboolean relgraph_filter_view_is_empty(const RelgraphView *view)
{
    return !view || (!view->roll_up && !view->relations && view->min_weight <= 1 && !view->types &&
                     !view->focus && !view->top);
}

GHashTable *relgraph_filter_roll_up_map(const RelgraphDictionary *dict)
{
    GHashTable *map = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < relgraph_dictionary_size(dict); i++) {
        gint state = relgraph_dictionary_state_of(dict, i);
        if (state >= 0 && (guint)state != i)
            g_hash_table_insert(map, relgraph_dictionary_actor(dict, i)->name,
                                relgraph_dictionary_actor(dict, (guint)state)->name);
    }
    return map;
}

/* The focus actor of view alone, as the view has it (after a roll-up). */
static RelgraphGraph *focus_alone(const RelgraphGraph *view, const char *focus)
{
    RelgraphGraph *alone = relgraph_graph_new();
    const RelgraphNode *n = relgraph_graph_node(view, focus);
    if (n) {
        RelgraphNode *copy = relgraph_graph_add_node(alone, n->name, n->type, n->affiliation, n->mentions);
        relgraph_graph_node_add_date(copy, n->first_date);
        relgraph_graph_node_add_date(copy, n->last_date);
        if (n->discovered)
            relgraph_graph_node_set_discovered(copy);
    }
    return alone;
}

RelgraphGraph *relgraph_filter_apply_view(const RelgraphGraph *graph, const RelgraphView *view,
                                          const RelgraphDictionary *dict, GError **error)
{
    RelgraphFilter filter = {
        .roll_up = view->roll_up ? relgraph_filter_roll_up_map(dict) : NULL,
        .relations = view->relations,
        .min_weight = view->min_weight,
        .types = view->types,
        .focus = view->focus,
        /* The filter takes 0 as 1; depth 0 is done here. */
        .depth = (guint)MAX(view->depth, 1),
        .top = view->top,
    };
    RelgraphGraph *out = relgraph_filter_apply(graph, &filter, error);
    if (out && view->focus && view->depth == 0) {
        RelgraphGraph *alone = focus_alone(out, view->focus);
        relgraph_graph_free(out);
        out = alone;
    }
    if (filter.roll_up)
        g_hash_table_destroy(filter.roll_up);
    return out;
}
