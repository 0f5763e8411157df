/* The weighted relation multigraph: nodes by name, edges by (source,
 * relation, target), evidence and documents kept as sorted sets so that
 * the result never depends on the order things were added or merged. */
#include "relgraph/graph.h"

#include <string.h>

struct RelgraphGraph {
    GHashTable *nodes;  /* name (owned by the node) -> RelgraphNode* */
    GHashTable *edges;  /* set of RelgraphEdge*, hashed on (source, relation, target) */
    /* Document ids, one copy each: edges' document lists point here, so a
     * (edge, document) pair costs a pointer, not a string. */
    GHashTable *doc_ids;
    GStringChunk *doc_strings;
    /* Edges whose document list has ids appended out of order, sorted
     * (and freed of duplicates) when the graph is next read: inserting
     * each in place was quadratic (400,000 documents on one edge: 8.7 s). */
    GHashTable *unsorted;
    guint evidence_limit; /* evidence kept per edge, 0 = all */
};

/* strcmp that orders NULL before every string, for optional fields. */
static int compare_nullable(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (!a)
        return -1;
    if (!b)
        return 1;
    return strcmp(a, b);
}

static guint edge_hash(gconstpointer key)
{
    const RelgraphEdge *e = key;
    /* Combine the three hashes so no separator character can make two keys collide as equal. */
    guint h = g_str_hash(e->source);
    h = h * 31u + g_str_hash(e->relation);
    return h * 31u + g_str_hash(e->target);
}

static gboolean edge_equal(gconstpointer a, gconstpointer b)
{
    const RelgraphEdge *x = a, *y = b;
    return strcmp(x->source, y->source) == 0 && strcmp(x->relation, y->relation) == 0 &&
           strcmp(x->target, y->target) == 0;
}

void relgraph_evidence_free(gpointer data)
{
    RelgraphEvidence *ev = data;
    g_free(ev->doc);
    g_free(ev->text);
    g_free(ev->rule);
    g_free(ev);
}

static RelgraphEvidence *evidence_copy(const RelgraphEvidence *ev)
{
    RelgraphEvidence *copy = g_new(RelgraphEvidence, 1);
    copy->doc = g_strdup(ev->doc);
    copy->sentence = ev->sentence;
    copy->start = ev->start;
    copy->end = ev->end;
    copy->text = g_strdup(ev->text);
    copy->rule = g_strdup(ev->rule);
    return copy;
}

/* The documented order (doc, start, end, rule), then the remaining fields so
 * that the order is total and "duplicate" means equal in every field. */
static int evidence_compare(const RelgraphEvidence *a, const RelgraphEvidence *b)
{
    int c = compare_nullable(a->doc, b->doc);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    if ((c = compare_nullable(a->rule, b->rule)))
        return c;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    return compare_nullable(a->text, b->text);
}

static void node_free(gpointer data)
{
    RelgraphNode *node = data;
    g_free(node->name);
    g_free(node->affiliation);
    g_free(node);
}

static void edge_free(gpointer data)
{
    RelgraphEdge *edge = data;
    g_free(edge->source);
    g_free(edge->relation);
    g_free(edge->target);
    g_ptr_array_unref(edge->documents);
    g_ptr_array_unref(edge->evidence);
    g_free(edge);
}

RelgraphGraph *relgraph_graph_new(void)
{
    RelgraphGraph *graph = g_new0(RelgraphGraph, 1);
    graph->nodes = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, node_free);
    graph->edges = g_hash_table_new_full(edge_hash, edge_equal, edge_free, NULL);
    graph->doc_ids = g_hash_table_new(g_str_hash, g_str_equal);
    graph->doc_strings = g_string_chunk_new(4096);
    graph->unsorted = g_hash_table_new(g_direct_hash, g_direct_equal);
    graph->evidence_limit = 0;
    return graph;
}

void relgraph_graph_free(RelgraphGraph *graph)
{
    if (!graph)
        return;
    g_hash_table_unref(graph->edges);
    g_hash_table_unref(graph->nodes);
    g_hash_table_unref(graph->doc_ids);
    g_hash_table_unref(graph->unsorted);
    g_string_chunk_free(graph->doc_strings);
    g_free(graph);
}

RelgraphNode *relgraph_graph_add_node(RelgraphGraph *graph, const char *name, RelgraphActorType type,
                                      const char *affiliation, guint mentions)
{
    g_return_val_if_fail(graph && name, NULL);
    RelgraphNode *node = g_hash_table_lookup(graph->nodes, name);
    if (!node) {
        node = g_new0(RelgraphNode, 1);
        node->name = g_strdup(name);
        g_hash_table_insert(graph->nodes, node->name, node);
    }
    node->mentions += mentions;
    /* Two sources disagreeing keep the smaller value: a fixed choice makes
     * adding and merging independent of order. */
    if (type && (!node->type || type < node->type))
        node->type = type;
    if (affiliation && (!node->affiliation || strcmp(affiliation, node->affiliation) < 0)) {
        g_free(node->affiliation);
        node->affiliation = g_strdup(affiliation);
    }
    return node;
}

void relgraph_graph_node_set_discovered(RelgraphNode *node)
{
    node->discovered = TRUE;
}

/* Widens [first, last] to include date; ISO dates order as strings. */
static void widen_dates(char *first, char *last, const char *date)
{
    if (!date || !*date)
        return;
    if (!*first || strcmp(date, first) < 0)
        g_strlcpy(first, date, RELGRAPH_DATE_SIZE);
    if (!*last || strcmp(date, last) > 0)
        g_strlcpy(last, date, RELGRAPH_DATE_SIZE);
}

void relgraph_graph_node_add_date(RelgraphNode *node, const char *date)
{
    g_return_if_fail(node);
    widen_dates(node->first_date, node->last_date, date);
}

void relgraph_graph_edge_add_date(RelgraphEdge *edge, const char *date)
{
    g_return_if_fail(edge);
    widen_dates(edge->first_date, edge->last_date, date);
}

/* Finds or creates the edge with exactly this key (no symmetric swap). */
static RelgraphEdge *edge_get(RelgraphGraph *graph, const char *source, const char *relation,
                              const char *target, gboolean symmetric, RelgraphPolarity polarity)
{
    RelgraphEdge probe = {.source = (char *)source, .relation = (char *)relation, .target = (char *)target};
    RelgraphEdge *edge = g_hash_table_lookup(graph->edges, &probe);
    if (!edge) {
        relgraph_graph_add_node(graph, source, 0, NULL, 0);
        relgraph_graph_add_node(graph, target, 0, NULL, 0);
        edge = g_new0(RelgraphEdge, 1);
        edge->source = g_strdup(source);
        edge->relation = g_strdup(relation);
        edge->target = g_strdup(target);
        edge->symmetric = symmetric;
        edge->polarity = polarity;
        edge->documents = g_ptr_array_new();
        edge->evidence = g_ptr_array_new_with_free_func(relgraph_evidence_free);
        g_hash_table_add(graph->edges, edge);
        return edge;
    }
    /* Rule sets that disagree about a relation: settle it the same way
     * whatever the order (symmetric wins, then the larger polarity). */
    edge->symmetric = edge->symmetric || symmetric;
    if (polarity > edge->polarity)
        edge->polarity = polarity;
    return edge;
}

static const char *doc_intern(RelgraphGraph *graph, const char *doc)
{
    const char *id = g_hash_table_lookup(graph->doc_ids, doc);
    if (!id) {
        id = g_string_chunk_insert(graph->doc_strings, doc);
        g_hash_table_add(graph->doc_ids, (gpointer)id);
    }
    return id;
}

/* Adds doc to the edge's documents, in its place (the end, mostly: a
 * document's mentions come together). */
static void documents_add(RelgraphGraph *graph, RelgraphEdge *edge, const char *doc)
{
    GPtrArray *docs = edge->documents;
    guint lo = 0, hi = docs->len;
    if (g_hash_table_contains(graph->unsorted, edge))
        lo = hi; /* sorted later */
    else if (hi > 0) {
        int c = strcmp(g_ptr_array_index(docs, hi - 1), doc);
        if (c == 0)
            return;
        if (c < 0)
            lo = hi;
    }
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        int c = strcmp(g_ptr_array_index(docs, mid), doc);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    g_ptr_array_insert(docs, (gint)lo, (gpointer)doc_intern(graph, doc));
}

/* Merging adds documents to an edge without moving any: out of order, they
 * are appended and the edge marked, and sorted when the graph is next
 * read. Inserting each in its place was quadratic (400,000 documents on
 * one edge: 8.7 s). */
static void documents_append(RelgraphGraph *graph, RelgraphEdge *edge, const char *doc)
{
    GPtrArray *docs = edge->documents;
    if (docs->len > 0 && !g_hash_table_contains(graph->unsorted, edge)) {
        int c = strcmp(g_ptr_array_index(docs, docs->len - 1), doc);
        if (c == 0)
            return;
        if (c > 0)
            g_hash_table_add(graph->unsorted, edge);
    }
    g_ptr_array_add(docs, (gpointer)doc_intern(graph, doc));
}

static gint compare_documents(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts a document list, one copy of each: n log n. */
static void sort_documents(GPtrArray *docs)
{
    g_ptr_array_sort(docs, compare_documents);
    guint kept = 0;
    for (guint i = 0; i < docs->len; i++)
        if (kept == 0 || strcmp(g_ptr_array_index(docs, kept - 1), g_ptr_array_index(docs, i)) != 0)
            docs->pdata[kept++] = docs->pdata[i];
    g_ptr_array_set_size(docs, kept);
}

/* Every marked edge's documents sorted and unique again, as graph.h
 * promises whoever reads them. The graph is logically unchanged, so const
 * callers may. */
static void graph_sort_documents(const RelgraphGraph *graph)
{
    GHashTableIter it;
    gpointer edge;
    g_hash_table_iter_init(&it, graph->unsorted);
    while (g_hash_table_iter_next(&it, &edge, NULL))
        sort_documents(((RelgraphEdge *)edge)->documents);
    g_hash_table_remove_all(graph->unsorted);
}

/* Where ev goes in the edge's sorted evidence; -1 when it is there already
 * or would fall beyond the limit. */
static gint evidence_slot(const RelgraphEdge *edge, const RelgraphEvidence *ev, guint limit)
{
    const GPtrArray *list = edge->evidence;
    guint lo = 0, hi = list->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        int c = evidence_compare(g_ptr_array_index(list, mid), ev);
        if (c == 0)
            return -1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return limit && lo >= limit ? -1 : (gint)lo;
}

/* Keeps the edge's evidence sorted and, with a limit, only the first
 * `limit` items: the smallest of any union, so that merging stays
 * associative and commutative. */
static void evidence_add(RelgraphEdge *edge, const RelgraphEvidence *ev, guint limit)
{
    gint slot = evidence_slot(edge, ev, limit);
    if (slot < 0)
        return;
    g_ptr_array_insert(edge->evidence, slot, evidence_copy(ev));
    if (limit && edge->evidence->len > limit)
        g_ptr_array_remove_index(edge->evidence, edge->evidence->len - 1);
}

void relgraph_graph_set_evidence_limit(RelgraphGraph *graph, guint limit)
{
    graph->evidence_limit = limit;
}

gboolean relgraph_graph_evidence_wanted(const RelgraphGraph *graph, const char *source, const char *relation,
                                        const char *target, gboolean symmetric, const RelgraphEvidence *evidence)
{
    if (!graph->evidence_limit)
        return TRUE;
    if (symmetric && strcmp(source, target) > 0) {
        const char *swap = source;
        source = target;
        target = swap;
    }
    RelgraphEdge probe = {.source = (char *)source, .relation = (char *)relation, .target = (char *)target};
    const RelgraphEdge *edge = g_hash_table_lookup(graph->edges, &probe);
    return !edge || evidence_slot(edge, evidence, graph->evidence_limit) >= 0;
}

RelgraphEdge *relgraph_graph_add_mention(RelgraphGraph *graph, const char *source, const char *relation,
                                         const char *target, gboolean symmetric, RelgraphPolarity polarity,
                                         const RelgraphEvidence *evidence)
{
    g_return_val_if_fail(graph && source && relation && target, NULL);
    if (symmetric && strcmp(source, target) > 0) {
        const char *swap = source;
        source = target;
        target = swap;
    }
    RelgraphEdge *edge = edge_get(graph, source, relation, target, symmetric, polarity);
    edge->weight++;
    if (evidence) {
        if (evidence->doc)
            documents_add(graph, edge, evidence->doc);
        evidence_add(edge, evidence, graph->evidence_limit);
    }
    return edge;
}

RelgraphEdge *relgraph_graph_add_edge(RelgraphGraph *graph, const RelgraphEdge *edge, const char *source,
                                      const char *target)
{
    g_return_val_if_fail(graph && edge, NULL);
    if (!source)
        source = edge->source;
    if (!target)
        target = edge->target;
    if (edge->symmetric && strcmp(source, target) > 0) {
        const char *swap = source;
        source = target;
        target = swap;
    }
    RelgraphEdge *dst = edge_get(graph, source, edge->relation, target, edge->symmetric, edge->polarity);
    dst->weight += edge->weight;
    widen_dates(dst->first_date, dst->last_date, edge->first_date);
    widen_dates(dst->first_date, dst->last_date, edge->last_date);
    if (dst == edge)
        return dst; /* adding an edge to itself: the sets are already united */
    for (guint i = 0; i < edge->documents->len; i++)
        documents_append(graph, dst, g_ptr_array_index(edge->documents, i));
    for (guint i = 0; i < edge->evidence->len; i++)
        evidence_add(dst, g_ptr_array_index(edge->evidence, i), graph->evidence_limit);
    return dst;
}

void relgraph_graph_merge(RelgraphGraph *into, const RelgraphGraph *from)
{
    g_return_if_fail(into && from);
    GHashTableIter it;
    gpointer key, value;

    g_hash_table_iter_init(&it, from->nodes);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        const RelgraphNode *node = value;
        RelgraphNode *dst = relgraph_graph_add_node(into, node->name, node->type, node->affiliation, node->mentions);
        dst->discovered = dst->discovered || node->discovered;
        widen_dates(dst->first_date, dst->last_date, node->first_date);
        widen_dates(dst->first_date, dst->last_date, node->last_date);
    }

    g_hash_table_iter_init(&it, from->edges);
    while (g_hash_table_iter_next(&it, &key, NULL))
        relgraph_graph_add_edge(into, key, NULL, NULL);
}

/* a + b within a guint. */
static gboolean sum_fits(guint a, guint b)
{
    return b <= G_MAXUINT - a;
}

gboolean relgraph_graph_merge_fits(const RelgraphGraph *into, const RelgraphGraph *from, char **what)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, from->nodes);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        const RelgraphNode *node = value, *dst = g_hash_table_lookup(into->nodes, node->name);
        if (dst && !sum_fits(dst->mentions, node->mentions)) {
            *what = g_strdup_printf("the mentions of %s", node->name);
            return FALSE;
        }
    }
    g_hash_table_iter_init(&it, from->edges);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const RelgraphEdge *edge = key, *dst = g_hash_table_lookup(into->edges, edge);
        if (dst && !sum_fits(dst->weight, edge->weight)) {
            *what = g_strdup_printf("the weight of %s %s %s", edge->source, edge->relation, edge->target);
            return FALSE;
        }
    }
    return TRUE;
}

RelgraphNode *relgraph_graph_node(const RelgraphGraph *graph, const char *name)
{
    g_return_val_if_fail(graph && name, NULL);
    return g_hash_table_lookup(graph->nodes, name);
}

RelgraphEdge *relgraph_graph_edge(const RelgraphGraph *graph, const char *source, const char *relation,
                                  const char *target)
{
    g_return_val_if_fail(graph && source && relation && target, NULL);
    RelgraphEdge probe = {.source = (char *)source, .relation = (char *)relation, .target = (char *)target};
    RelgraphEdge *edge = g_hash_table_lookup(graph->edges, &probe);
    if (edge && g_hash_table_remove(graph->unsorted, edge))
        sort_documents(edge->documents);
    return edge;
}

guint relgraph_graph_node_count(const RelgraphGraph *graph)
{
    return g_hash_table_size(graph->nodes);
}

guint relgraph_graph_edge_count(const RelgraphGraph *graph)
{
    return g_hash_table_size(graph->edges);
}

static gint node_compare(gconstpointer a, gconstpointer b)
{
    const RelgraphNode *x = *(const RelgraphNode *const *)a, *y = *(const RelgraphNode *const *)b;
    return strcmp(x->name, y->name);
}

static gint edge_compare(gconstpointer a, gconstpointer b)
{
    const RelgraphEdge *x = *(const RelgraphEdge *const *)a, *y = *(const RelgraphEdge *const *)b;
    int c = strcmp(x->source, y->source);
    if (c)
        return c;
    if ((c = strcmp(x->relation, y->relation)))
        return c;
    return strcmp(x->target, y->target);
}

/* A hash table's values (or keys) as a new array sorted by compare. */
static GPtrArray *sorted_view(GHashTable *table, gboolean keys, GCompareFunc compare)
{
    GPtrArray *out = g_ptr_array_sized_new(g_hash_table_size(table));
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, table);
    while (g_hash_table_iter_next(&it, &key, &value))
        g_ptr_array_add(out, keys ? key : value);
    g_ptr_array_sort(out, compare);
    return out;
}

GPtrArray *relgraph_graph_sorted_nodes(const RelgraphGraph *graph)
{
    return sorted_view(graph->nodes, FALSE, node_compare);
}

GPtrArray *relgraph_graph_sorted_edges(const RelgraphGraph *graph)
{
    graph_sort_documents(graph);
    return sorted_view(graph->edges, TRUE, edge_compare);
}
