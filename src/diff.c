/* Comparing two graphs: both sides' sorted views walked side by side, so
 * the lists come out sorted and the work is one pass over each graph. */
#include "relgraph/diff.h"

#include <string.h>

#include "export_internal.h"
#include "relgraph/import.h"
#include "relgraph/part.h"

static RelgraphDiffItem *item_new(RelgraphDiffChange change, const char *source, const char *relation,
                                  const char *target, gboolean symmetric, guint old_count, guint new_count)
{
    RelgraphDiffItem *item = g_new0(RelgraphDiffItem, 1);
    item->change = change;
    item->source = g_strdup(source);
    item->relation = g_strdup(relation);
    item->target = g_strdup(target);
    item->symmetric = symmetric;
    item->old_count = old_count;
    item->new_count = new_count;
    return item;
}

static void item_free(gpointer data)
{
    RelgraphDiffItem *item = data;
    g_free(item->source);
    g_free(item->relation);
    g_free(item->target);
    g_free(item);
}

static GPtrArray *item_list(void)
{
    return g_ptr_array_new_with_free_func(item_free);
}

/* What the walk below needs of a node or an edge: key order, count
 * (mentions or weight) and the item that tells a difference. */
typedef struct {
    int (*compare)(gconstpointer a, gconstpointer b);
    guint (*count)(gconstpointer x);
    RelgraphDiffItem *(*item)(RelgraphDiffChange change, gconstpointer x, guint old_count, guint new_count);
} DiffKind;

static int node_compare(gconstpointer a, gconstpointer b)
{
    return strcmp(((const RelgraphNode *)a)->name, ((const RelgraphNode *)b)->name);
}

static guint node_count(gconstpointer x)
{
    return ((const RelgraphNode *)x)->mentions;
}

static RelgraphDiffItem *node_item(RelgraphDiffChange change, gconstpointer x, guint old_count, guint new_count)
{
    return item_new(change, ((const RelgraphNode *)x)->name, NULL, NULL, FALSE, old_count, new_count);
}

static int edge_compare(gconstpointer a, gconstpointer b)
{
    const RelgraphEdge *x = a, *y = b;
    int c = strcmp(x->source, y->source);
    if (c)
        return c;
    if ((c = strcmp(x->relation, y->relation)))
        return c;
    return strcmp(x->target, y->target);
}

static guint edge_count(gconstpointer x)
{
    return ((const RelgraphEdge *)x)->weight;
}

static RelgraphDiffItem *edge_item(RelgraphDiffChange change, gconstpointer x, guint old_count, guint new_count)
{
    const RelgraphEdge *e = x;
    return item_new(change, e->source, e->relation, e->target, e->symmetric, old_count, new_count);
}

static const DiffKind node_kind = {node_compare, node_count, node_item};
static const DiffKind edge_kind = {edge_compare, edge_count, edge_item};

/* Walks the sorted lists a (old) and b (new) side by side; takes both. */
static void diff_sorted(GPtrArray *a, GPtrArray *b, const DiffKind *kind, GPtrArray *removed, GPtrArray *added,
                        GPtrArray *changed)
{
    guint i = 0, j = 0;
    while (i < a->len || j < b->len) {
        gconstpointer x = i < a->len ? g_ptr_array_index(a, i) : NULL;
        gconstpointer y = j < b->len ? g_ptr_array_index(b, j) : NULL;
        int c = !x ? 1 : !y ? -1 : kind->compare(x, y);
        if (c < 0) {
            g_ptr_array_add(removed, kind->item(RELGRAPH_DIFF_REMOVED, x, kind->count(x), 0));
            i++;
        } else if (c > 0) {
            g_ptr_array_add(added, kind->item(RELGRAPH_DIFF_ADDED, y, 0, kind->count(y)));
            j++;
        } else {
            /* The new side says how a relation is drawn now. */
            if (kind->count(x) != kind->count(y))
                g_ptr_array_add(changed, kind->item(RELGRAPH_DIFF_CHANGED, y, kind->count(x), kind->count(y)));
            i++;
            j++;
        }
    }
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

RelgraphDiff *relgraph_diff_graphs(const RelgraphGraph *old, const RelgraphGraph *new_)
{
    g_return_val_if_fail(old && new_, NULL);
    RelgraphDiff *diff = g_new0(RelgraphDiff, 1);
    diff->nodes_added = item_list();
    diff->nodes_removed = item_list();
    diff->nodes_changed = item_list();
    diff->edges_added = item_list();
    diff->edges_removed = item_list();
    diff->edges_changed = item_list();
    diff_sorted(relgraph_graph_sorted_nodes(old), relgraph_graph_sorted_nodes(new_), &node_kind,
                diff->nodes_removed, diff->nodes_added, diff->nodes_changed);
    diff_sorted(relgraph_graph_sorted_edges(old), relgraph_graph_sorted_edges(new_), &edge_kind,
                diff->edges_removed, diff->edges_added, diff->edges_changed);
    return diff;
}

void relgraph_diff_free(RelgraphDiff *diff)
{
    if (!diff)
        return;
    g_ptr_array_unref(diff->nodes_added);
    g_ptr_array_unref(diff->nodes_removed);
    g_ptr_array_unref(diff->nodes_changed);
    g_ptr_array_unref(diff->edges_added);
    g_ptr_array_unref(diff->edges_removed);
    g_ptr_array_unref(diff->edges_changed);
    g_free(diff);
}

static guint change_size(const RelgraphDiffItem *item)
{
    return item->new_count > item->old_count ? item->new_count - item->old_count
                                             : item->old_count - item->new_count;
}

/* Moves the items kept to the front, in order, and cuts off (and frees)
 * the rest: one pass, however many go. */
static void drop_small(GPtrArray *changed, guint min_change)
{
    guint kept = 0;
    for (guint i = 0; i < changed->len; i++) {
        if (change_size(g_ptr_array_index(changed, i)) < min_change)
            continue;
        gpointer item = changed->pdata[i];
        changed->pdata[i] = changed->pdata[kept];
        changed->pdata[kept++] = item;
    }
    g_ptr_array_set_size(changed, (gint)kept);
}

void relgraph_diff_drop_small_changes(RelgraphDiff *diff, guint min_change)
{
    g_return_if_fail(diff);
    drop_small(diff->nodes_changed, min_change);
    drop_small(diff->edges_changed, min_change);
}

gboolean relgraph_diff_is_empty(const RelgraphDiff *diff)
{
    g_return_val_if_fail(diff, TRUE);
    return diff->nodes_added->len == 0 && diff->nodes_removed->len == 0 && diff->nodes_changed->len == 0 &&
           diff->edges_added->len == 0 && diff->edges_removed->len == 0 && diff->edges_changed->len == 0;
}

/* ---- text ----------------------------------------------------------- */

/* "3 edges added, 1 removed, 2 changed in weight": the noun goes with the
 * first count, empty counts are left out. */
static void summary_part(GString *out, const char *noun, const guint counts[3], const char *changed)
{
    const char *verbs[3] = {"added", "removed", changed};
    gboolean first = TRUE;
    for (guint i = 0; i < 3; i++) {
        if (!counts[i])
            continue;
        if (first) {
            if (out->len)
                g_string_append(out, "; ");
            g_string_append_printf(out, "%u %s%s %s", counts[i], noun, counts[i] == 1 ? "" : "s", verbs[i]);
            first = FALSE;
        } else {
            g_string_append_printf(out, ", %u %s", counts[i], verbs[i]);
        }
    }
}

static void append_edge(GString *out, const RelgraphDiffItem *item)
{
    g_string_append_printf(out, "%s --%s--%s %s", item->source, item->relation, item->symmetric ? "" : ">",
                           item->target);
}

static const char marks[] = {[RELGRAPH_DIFF_ADDED] = '+', [RELGRAPH_DIFF_REMOVED] = '-',
                             [RELGRAPH_DIFF_CHANGED] = '~'};

static void append_section(GString *out, const char *title, const GPtrArray *items, gboolean edges)
{
    if (!items->len)
        return;
    g_string_append_printf(out, "\n%s:\n", title);
    const char *count_name = edges ? "weight" : "mentions";
    for (guint i = 0; i < items->len; i++) {
        const RelgraphDiffItem *item = g_ptr_array_index(items, i);
        g_string_append_c(out, marks[item->change]);
        g_string_append_c(out, ' ');
        if (edges)
            append_edge(out, item);
        else
            g_string_append(out, item->source);
        switch (item->change) {
        case RELGRAPH_DIFF_ADDED:
            g_string_append_printf(out, " (%s %u)\n", count_name, item->new_count);
            break;
        case RELGRAPH_DIFF_REMOVED:
            g_string_append_printf(out, " (%s %u)\n", count_name, item->old_count);
            break;
        case RELGRAPH_DIFF_CHANGED:
            g_string_append_printf(out, " %s %u -> %u (%c%u)\n", count_name, item->old_count, item->new_count,
                                   item->new_count > item->old_count ? '+' : '-', change_size(item));
            break;
        }
    }
}

char *relgraph_diff_text(const RelgraphDiff *diff)
{
    g_return_val_if_fail(diff, NULL);
    if (relgraph_diff_is_empty(diff))
        return g_strdup("no differences\n");
    GString *out = g_string_new(NULL);
    const guint edges[3] = {diff->edges_added->len, diff->edges_removed->len, diff->edges_changed->len};
    const guint nodes[3] = {diff->nodes_added->len, diff->nodes_removed->len, diff->nodes_changed->len};
    summary_part(out, "edge", edges, "changed in weight");
    summary_part(out, "actor", nodes, "changed in mentions");
    g_string_append_c(out, '\n');
    append_section(out, "Edges added", diff->edges_added, TRUE);
    append_section(out, "Edges removed", diff->edges_removed, TRUE);
    append_section(out, "Edges changed in weight", diff->edges_changed, TRUE);
    append_section(out, "Actors added", diff->nodes_added, FALSE);
    append_section(out, "Actors removed", diff->nodes_removed, FALSE);
    append_section(out, "Actors changed in mentions", diff->nodes_changed, FALSE);
    return g_string_free(out, FALSE);
}

/* ---- TSV ------------------------------------------------------------ */

static void append_row(GString *out, const RelgraphDiffItem *item, const char *kind)
{
    static const char *const changes[] = {[RELGRAPH_DIFF_ADDED] = "added", [RELGRAPH_DIFF_REMOVED] = "removed",
                                          [RELGRAPH_DIFF_CHANGED] = "changed"};
    g_string_append_printf(out, "%s\t%s\t", changes[item->change], kind);
    /* TSV fields hold no tab or line break (nor, as in every TSV relgraph
     * writes, a control character). */
    const char *const key[] = {item->source, item->relation, item->target};
    relgraph_export_tsv_fields(out, key, G_N_ELEMENTS(key));
    g_string_append_c(out, '\t');
    if (item->change != RELGRAPH_DIFF_ADDED)
        g_string_append_printf(out, "%u", item->old_count);
    g_string_append_c(out, '\t');
    if (item->change != RELGRAPH_DIFF_REMOVED)
        g_string_append_printf(out, "%u", item->new_count);
    g_string_append_c(out, '\n');
}

static int item_key_compare(const RelgraphDiffItem *a, const RelgraphDiffItem *b)
{
    int c = strcmp(a->source, b->source);
    if (c || !a->relation)
        return c;
    if ((c = strcmp(a->relation, b->relation)))
        return c;
    return strcmp(a->target, b->target);
}

/* The three sorted lists of one kind merged into key order. */
static void append_rows(GString *out, const char *kind, GPtrArray *const lists[3])
{
    guint at[3] = {0, 0, 0};
    for (;;) {
        int best = -1;
        for (int l = 0; l < 3; l++) {
            if (at[l] >= lists[l]->len)
                continue;
            if (best < 0 || item_key_compare(g_ptr_array_index(lists[l], at[l]),
                                             g_ptr_array_index(lists[best], at[best])) < 0)
                best = l;
        }
        if (best < 0)
            return;
        append_row(out, g_ptr_array_index(lists[best], at[best]), kind);
        at[best]++;
    }
}

char *relgraph_diff_tsv(const RelgraphDiff *diff)
{
    g_return_val_if_fail(diff, NULL);
    GString *out = g_string_new("change\tkind\tsource\trelation\ttarget\told_weight\tnew_weight\n");
    GPtrArray *const edges[3] = {diff->edges_added, diff->edges_removed, diff->edges_changed};
    GPtrArray *const nodes[3] = {diff->nodes_added, diff->nodes_removed, diff->nodes_changed};
    append_rows(out, "edge", edges);  /* "edge" < "node" */
    append_rows(out, "node", nodes);
    return g_string_free(out, FALSE);
}

RelgraphGraph *relgraph_diff_load_graph(const char *path, GError **error)
{
    if (!g_str_has_suffix(path, ".part"))
        return relgraph_import_graphml(path, error);
    RelgraphGraph *graph = relgraph_graph_new();
    RelgraphPartInfo info = {0};
    if (!relgraph_part_read_file(graph, path, &info, error)) {
        relgraph_graph_free(graph);
        return NULL;
    }
    return graph;
}
