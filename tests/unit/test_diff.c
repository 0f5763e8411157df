/* Tests for comparing graphs (diff.h) and for reading relgraph's GraphML
 * back (import.h): added, removed and changed nodes and edges, sorted; the
 * empty diff; the text and TSV renderings; --min-change; an export read
 * back gives the same graph; malformed files give file:line:col. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "relgraph/diff.h"
#include "relgraph/export.h"
#include "relgraph/import.h"
#include "relgraph/part.h"

/* Adds weight mentions of an edge, each from its own document. */
static void add_edge(RelgraphGraph *g, const char *source, const char *relation, const char *target,
                     gboolean symmetric, guint weight)
{
    for (guint i = 0; i < weight; i++) {
        char *doc = g_strdup_printf("d%u", i);
        RelgraphEvidence ev = {doc, 0, 0, 10, "text", "test.rules:1"};
        relgraph_graph_add_mention(g, source, relation, target, symmetric, RELGRAPH_POLARITY_COOPERATIVE, &ev);
        g_free(doc);
    }
}

static RelgraphGraph *old_graph(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "China", RELGRAPH_ACTOR_STATE, NULL, 10);
    relgraph_graph_add_node(g, "North Korea", RELGRAPH_ACTOR_STATE, NULL, 6);
    relgraph_graph_add_node(g, "Russia", RELGRAPH_ACTOR_STATE, NULL, 3);
    relgraph_graph_add_node(g, "Bloomberg", RELGRAPH_ACTOR_INSTITUTION, NULL, 2);
    add_edge(g, "China", "visit", "North Korea", FALSE, 2);
    add_edge(g, "China", "meet", "Russia", TRUE, 4);
    add_edge(g, "Russia", "veto", "North Korea", FALSE, 1);
    add_edge(g, "North Korea", "trade", "Russia", TRUE, 3);
    return g;
}

/* Against old_graph: Bloomberg gone, Kim Jong Un new, China and Russia
 * mentioned more; visit 2 -> 5, meet 4 -> 3, veto gone, criticize new,
 * trade the same. */
static RelgraphGraph *new_graph(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "China", RELGRAPH_ACTOR_STATE, NULL, 12);
    relgraph_graph_add_node(g, "North Korea", RELGRAPH_ACTOR_STATE, NULL, 6);
    relgraph_graph_add_node(g, "Russia", RELGRAPH_ACTOR_STATE, NULL, 4);
    relgraph_graph_add_node(g, "Kim Jong Un", RELGRAPH_ACTOR_OFFICIAL, "North Korea", 1);
    add_edge(g, "China", "visit", "North Korea", FALSE, 5);
    add_edge(g, "Russia", "meet", "China", TRUE, 3);  /* stored as China meet Russia */
    add_edge(g, "Kim Jong Un", "criticize", "Russia", FALSE, 1);
    add_edge(g, "North Korea", "trade", "Russia", TRUE, 3);
    return g;
}

static const RelgraphDiffItem *item(const GPtrArray *list, guint i)
{
    cr_assert_lt(i, list->len);
    return g_ptr_array_index(list, i);
}

static void assert_edge(const RelgraphDiffItem *it, RelgraphDiffChange change, const char *source,
                        const char *relation, const char *target, guint old_count, guint new_count)
{
    cr_assert_eq(it->change, change, "%s %s %s", source, relation, target);
    cr_assert_str_eq(it->source, source);
    cr_assert_str_eq(it->relation, relation);
    cr_assert_str_eq(it->target, target);
    cr_assert_eq(it->old_count, old_count, "%s %s %s old", source, relation, target);
    cr_assert_eq(it->new_count, new_count, "%s %s %s new", source, relation, target);
}

static void assert_node(const RelgraphDiffItem *it, RelgraphDiffChange change, const char *name, guint old_count,
                        guint new_count)
{
    cr_assert_eq(it->change, change, "%s", name);
    cr_assert_str_eq(it->source, name);
    cr_assert_null(it->relation);
    cr_assert_null(it->target);
    cr_assert_eq(it->old_count, old_count, "%s old", name);
    cr_assert_eq(it->new_count, new_count, "%s new", name);
}

Test(diff, added_removed_changed)
{
    RelgraphGraph *a = old_graph(), *b = new_graph();
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    cr_assert_not(relgraph_diff_is_empty(d));

    cr_assert_eq(d->edges_added->len, 1);
    assert_edge(item(d->edges_added, 0), RELGRAPH_DIFF_ADDED, "Kim Jong Un", "criticize", "Russia", 0, 1);
    cr_assert_eq(d->edges_removed->len, 1);
    assert_edge(item(d->edges_removed, 0), RELGRAPH_DIFF_REMOVED, "Russia", "veto", "North Korea", 1, 0);
    cr_assert_eq(d->edges_changed->len, 2);
    assert_edge(item(d->edges_changed, 0), RELGRAPH_DIFF_CHANGED, "China", "meet", "Russia", 4, 3);
    assert_edge(item(d->edges_changed, 1), RELGRAPH_DIFF_CHANGED, "China", "visit", "North Korea", 2, 5);
    cr_assert(item(d->edges_changed, 0)->symmetric);
    cr_assert_not(item(d->edges_changed, 1)->symmetric);

    cr_assert_eq(d->nodes_added->len, 1);
    assert_node(item(d->nodes_added, 0), RELGRAPH_DIFF_ADDED, "Kim Jong Un", 0, 1);
    cr_assert_eq(d->nodes_removed->len, 1);
    assert_node(item(d->nodes_removed, 0), RELGRAPH_DIFF_REMOVED, "Bloomberg", 2, 0);
    cr_assert_eq(d->nodes_changed->len, 2);
    assert_node(item(d->nodes_changed, 0), RELGRAPH_DIFF_CHANGED, "China", 10, 12);
    assert_node(item(d->nodes_changed, 1), RELGRAPH_DIFF_CHANGED, "Russia", 3, 4);
    relgraph_diff_free(d);

    /* The other way round, additions and removals swap. */
    d = relgraph_diff_graphs(b, a);
    cr_assert_eq(d->edges_added->len, 1);
    assert_edge(item(d->edges_added, 0), RELGRAPH_DIFF_ADDED, "Russia", "veto", "North Korea", 0, 1);
    assert_node(item(d->nodes_removed, 0), RELGRAPH_DIFF_REMOVED, "Kim Jong Un", 1, 0);
    assert_edge(item(d->edges_changed, 1), RELGRAPH_DIFF_CHANGED, "China", "visit", "North Korea", 5, 2);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, lists_are_sorted_by_key)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    /* Added in no particular order; one source with several relations and targets. */
    const char *targets[] = {"Zambia", "Angola", "Mali", "Chad"};
    for (guint i = 0; i < G_N_ELEMENTS(targets); i++) {
        add_edge(b, "China", "visit", targets[i], FALSE, 1);
        add_edge(b, "China", "aid", targets[i], FALSE, 1);
        add_edge(b, "Brazil", "visit", targets[i], FALSE, 1);
    }
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    cr_assert_eq(d->edges_added->len, 12);
    for (guint i = 1; i < d->edges_added->len; i++) {
        const RelgraphDiffItem *x = item(d->edges_added, i - 1), *y = item(d->edges_added, i);
        int c = strcmp(x->source, y->source);
        if (!c)
            c = strcmp(x->relation, y->relation);
        if (!c)
            c = strcmp(x->target, y->target);
        cr_assert_lt(c, 0, "item %u out of order", i);
    }
    assert_edge(item(d->edges_added, 0), RELGRAPH_DIFF_ADDED, "Brazil", "visit", "Angola", 0, 1);
    assert_edge(item(d->edges_added, 4), RELGRAPH_DIFF_ADDED, "China", "aid", "Angola", 0, 1);
    cr_assert_str_eq(item(d->nodes_added, 0)->source, "Angola");
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, equal_graphs_give_an_empty_diff)
{
    RelgraphGraph *a = old_graph(), *b = old_graph(), *empty = relgraph_graph_new();
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    cr_assert(relgraph_diff_is_empty(d));
    char *text = relgraph_diff_text(d), *tsv = relgraph_diff_tsv(d);
    cr_assert_str_eq(text, "no differences\n");
    cr_assert_str_eq(tsv, "change\tkind\tsource\trelation\ttarget\told_weight\tnew_weight\n");
    g_free(text);
    g_free(tsv);
    relgraph_diff_free(d);

    d = relgraph_diff_graphs(empty, empty);
    cr_assert(relgraph_diff_is_empty(d));
    relgraph_diff_free(d);

    /* Everything is added to an empty graph. */
    d = relgraph_diff_graphs(empty, a);
    cr_assert_eq(d->edges_added->len, relgraph_graph_edge_count(a));
    cr_assert_eq(d->nodes_added->len, relgraph_graph_node_count(a));
    cr_assert_eq(d->edges_removed->len + d->edges_changed->len + d->nodes_removed->len + d->nodes_changed->len, 0);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
    relgraph_graph_free(empty);
}

Test(diff, text_rendering)
{
    RelgraphGraph *a = old_graph(), *b = new_graph();
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    char *text = relgraph_diff_text(d);
    cr_assert_str_eq(text,
                     "1 edge added, 1 removed, 2 changed in weight; 1 actor added, 1 removed, 2 changed in mentions\n"
                     "\n"
                     "Edges added:\n"
                     "+ Kim Jong Un --criticize--> Russia (weight 1)\n"
                     "\n"
                     "Edges removed:\n"
                     "- Russia --veto--> North Korea (weight 1)\n"
                     "\n"
                     "Edges changed in weight:\n"
                     "~ China --meet-- Russia weight 4 -> 3 (-1)\n"
                     "~ China --visit--> North Korea weight 2 -> 5 (+3)\n"
                     "\n"
                     "Actors added:\n"
                     "+ Kim Jong Un (mentions 1)\n"
                     "\n"
                     "Actors removed:\n"
                     "- Bloomberg (mentions 2)\n"
                     "\n"
                     "Actors changed in mentions:\n"
                     "~ China mentions 10 -> 12 (+2)\n"
                     "~ Russia mentions 3 -> 4 (+1)\n");
    g_free(text);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, summary_leaves_out_empty_counts)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    add_edge(a, "A", "r", "B", FALSE, 1);
    add_edge(a, "A", "s", "B", FALSE, 2);
    add_edge(a, "A", "t", "B", FALSE, 1);
    add_edge(b, "A", "t", "B", FALSE, 1);
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    char *text = relgraph_diff_text(d);
    cr_assert(g_str_has_prefix(text, "2 edges removed\n"), "%s", text);
    g_free(text);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, tsv_header_and_order)
{
    RelgraphGraph *a = old_graph(), *b = new_graph();
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    char *tsv = relgraph_diff_tsv(d);
    /* Edges before nodes, each in key order whatever the change. */
    cr_assert_str_eq(tsv, "change\tkind\tsource\trelation\ttarget\told_weight\tnew_weight\n"
                          "changed\tedge\tChina\tmeet\tRussia\t4\t3\n"
                          "changed\tedge\tChina\tvisit\tNorth Korea\t2\t5\n"
                          "added\tedge\tKim Jong Un\tcriticize\tRussia\t\t1\n"
                          "removed\tedge\tRussia\tveto\tNorth Korea\t1\t\n"
                          "removed\tnode\tBloomberg\t\t\t2\t\n"
                          "changed\tnode\tChina\t\t\t10\t12\n"
                          "added\tnode\tKim Jong Un\t\t\t\t1\n"
                          "changed\tnode\tRussia\t\t\t3\t4\n");
    g_free(tsv);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, tsv_fields_hold_no_tabs)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    add_edge(b, "A\tB", "r", "C\nD", FALSE, 1);
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    char *tsv = relgraph_diff_tsv(d);
    cr_assert(strstr(tsv, "added\tedge\tA B\tr\tC D\t\t1\n"), "%s", tsv);
    g_free(tsv);
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(diff, min_change_hides_small_changes_only)
{
    RelgraphGraph *a = old_graph(), *b = new_graph();
    RelgraphDiff *d = relgraph_diff_graphs(a, b);
    relgraph_diff_drop_small_changes(d, 1);  /* every change is at least 1 */
    cr_assert_eq(d->edges_changed->len, 2);
    cr_assert_eq(d->nodes_changed->len, 2);
    relgraph_diff_drop_small_changes(d, 2);
    cr_assert_eq(d->edges_changed->len, 1);
    assert_edge(item(d->edges_changed, 0), RELGRAPH_DIFF_CHANGED, "China", "visit", "North Korea", 2, 5);
    cr_assert_eq(d->nodes_changed->len, 1);
    assert_node(item(d->nodes_changed, 0), RELGRAPH_DIFF_CHANGED, "China", 10, 12);
    /* Additions and removals stay, whatever their weight. */
    cr_assert_eq(d->edges_added->len, 1);
    cr_assert_eq(d->edges_removed->len, 1);
    relgraph_diff_drop_small_changes(d, 100);
    cr_assert_eq(d->edges_changed->len, 0);
    cr_assert_eq(d->nodes_changed->len, 0);
    cr_assert_not(relgraph_diff_is_empty(d));
    relgraph_diff_free(d);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

/* ---- importing GraphML ---------------------------------------------- */

/* Writes data to a new temporary file; caller unlinks and frees the path. */
static char *temp_file(const char *data, gsize len)
{
    GError *error = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("relgraph-diff-XXXXXX.graphml", &path, &error);
    cr_assert_geq(fd, 0, "%s", error ? error->message : "?");
    close(fd);
    cr_assert(g_file_set_contents(path, data, (gssize)len, &error), "%s", error ? error->message : "?");
    return path;
}

static RelgraphGraph *import_text(const char *text, GError **error)
{
    char *path = temp_file(text, strlen(text));
    RelgraphGraph *g = relgraph_import_graphml(path, error);
    g_unlink(path);
    g_free(path);
    return g;
}

/* A graph with everything GraphML carries: types, affiliations, a node
 * without type or mentions, symmetric and directed edges, polarities,
 * documents, names that need escaping. */
static RelgraphGraph *rich_graph(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "China", RELGRAPH_ACTOR_STATE, NULL, 40);
    relgraph_graph_add_node(g, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 7);
    relgraph_graph_add_node(g, "AT&T <Labs> \"R\"", RELGRAPH_ACTOR_INSTITUTION, NULL, 1);
    relgraph_graph_add_node(g, "Nobody", 0, NULL, 0);
    relgraph_graph_add_node(g, "Россия", RELGRAPH_ACTOR_STATE, NULL, 3);
    const struct {
        const char *source, *relation, *target, *doc;
        gboolean symmetric;
        RelgraphPolarity polarity;
    } mentions[] = {
        {"Wang Yi", "visit", "Россия", "2024-01", FALSE, RELGRAPH_POLARITY_COOPERATIVE},
        {"Wang Yi", "visit", "Россия", "2024-02", FALSE, RELGRAPH_POLARITY_COOPERATIVE},
        {"Wang Yi", "visit", "Россия", "2024-02", FALSE, RELGRAPH_POLARITY_COOPERATIVE},
        {"Россия", "meet", "China", "2024-03", TRUE, RELGRAPH_POLARITY_COOPERATIVE},
        {"China", "criticize", "AT&T <Labs> \"R\"", "2024-04", FALSE, RELGRAPH_POLARITY_CONFLICTUAL},
        {"Wang Yi", "member_of", "China", "2024-01", FALSE, RELGRAPH_POLARITY_NEUTRAL},
        {"China", "visit", "Россия", NULL, FALSE, RELGRAPH_POLARITY_COOPERATIVE},
    };
    for (guint i = 0; i < G_N_ELEMENTS(mentions); i++) {
        RelgraphEvidence ev = {(char *)mentions[i].doc, 0, i, i + 5, "sentence", "test.rules:1"};
        relgraph_graph_add_mention(g, mentions[i].source, mentions[i].relation, mentions[i].target,
                                   mentions[i].symmetric, mentions[i].polarity, mentions[i].doc ? &ev : NULL);
    }
    return g;
}

static RelgraphGraph *round_trip(const RelgraphGraph *g)
{
    GError *error = NULL;
    gsize len = 0;
    RelgraphExportOptions options = {.title = "a title"};
    char *graphml = relgraph_export_graphml(g, &options, &len, &error);
    cr_assert_not_null(graphml, "%s", error ? error->message : "?");
    char *path = temp_file(graphml, len);
    RelgraphGraph *back = relgraph_import_graphml(path, &error);
    cr_assert_not_null(back, "%s", error ? error->message : "?");
    g_unlink(path);
    g_free(path);
    g_free(graphml);
    return back;
}

Test(import, export_reads_back_the_same_graph)
{
    RelgraphGraph *g = rich_graph();
    RelgraphGraph *back = round_trip(g);
    cr_assert_eq(relgraph_graph_node_count(back), relgraph_graph_node_count(g));
    cr_assert_eq(relgraph_graph_edge_count(back), relgraph_graph_edge_count(g));

    GPtrArray *nodes = relgraph_graph_sorted_nodes(g);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        const RelgraphNode *m = relgraph_graph_node(back, n->name);
        cr_assert_not_null(m, "node %s", n->name);
        cr_assert_eq(m->type, n->type, "type of %s", n->name);
        cr_assert_eq(m->mentions, n->mentions, "mentions of %s", n->name);
        if (n->affiliation)
            cr_assert_str_eq(m->affiliation, n->affiliation);
        else
            cr_assert_null(m->affiliation);
    }
    g_ptr_array_unref(nodes);

    GPtrArray *edges = relgraph_graph_sorted_edges(g);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        const RelgraphEdge *f = relgraph_graph_edge(back, e->source, e->relation, e->target);
        cr_assert_not_null(f, "edge %s %s %s", e->source, e->relation, e->target);
        cr_assert_eq(f->weight, e->weight, "weight of %s %s %s", e->source, e->relation, e->target);
        cr_assert_eq(f->symmetric, e->symmetric);
        cr_assert_eq(f->polarity, e->polarity);
        cr_assert_eq(f->documents->len, e->documents->len);
        for (guint d = 0; d < e->documents->len; d++)
            cr_assert_str_eq(g_ptr_array_index(f->documents, d), g_ptr_array_index(e->documents, d));
        cr_assert_eq(f->evidence->len, 0, "evidence is not read back");
    }
    g_ptr_array_unref(edges);
    cr_assert_eq(relgraph_graph_edge(back, "Wang Yi", "visit", "Россия")->weight, 3);
    cr_assert_not_null(relgraph_graph_edge(back, "China", "meet", "Россия"), "symmetric in canonical order");

    /* The TSV export (edges, weights, documents) is the same bytes. */
    gsize la, lb;
    char *ta = relgraph_export_tsv(g, NULL, &la, NULL), *tb = relgraph_export_tsv(back, NULL, &lb, NULL);
    cr_assert_str_eq(ta, tb);
    g_free(ta);
    g_free(tb);

    RelgraphDiff *d = relgraph_diff_graphs(g, back);
    cr_assert(relgraph_diff_is_empty(d));
    relgraph_diff_free(d);
    relgraph_graph_free(back);
    relgraph_graph_free(g);
}

Test(import, empty_graph_reads_back)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphGraph *back = round_trip(g);
    cr_assert_eq(relgraph_graph_node_count(back), 0);
    cr_assert_eq(relgraph_graph_edge_count(back), 0);
    relgraph_graph_free(back);
    relgraph_graph_free(g);
}

/* Keys named by attr.name whatever their ids (d0, d1... as NetworkX
 * writes them), an edge before the nodes it names, empty elements, CDATA,
 * a weight written as a double, an edge without a weight or documents. */
Test(import, keys_by_attribute_name)
{
    GError *error = NULL;
    RelgraphGraph *g = import_text(
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "<key id=\"d1\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
        "<key id=\"d2\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "<key id=\"d3\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "<key id=\"d4\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<key id=\"d5\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
        "<key id=\"d6\" for=\"node\" attr.name=\"affiliation\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"directed\">\n"
        "<edge source=\"b\" target=\"a\"><data key=\"d3\">meet</data><data key=\"d4\">4.0</data>"
        "<data key=\"d5\">true</data></edge>\n"
        "<node id=\"a\"><data key=\"d0\"><![CDATA[Zeta & Co]]></data><data key=\"d1\">5</data>"
        "<data key=\"d2\">institution</data></node>\n"
        "<node id=\"b\"><data key=\"d0\">Alpha</data><data key=\"d2\">official</data>"
        "<data key=\"d6\">Zeta &amp; Co</data></node>\n"
        "<node id=\"Gamma\"/>\n"
        "<edge id=\"x\" source=\"Gamma\" target=\"a\"><data key=\"d3\">visit</data></edge>\n"
        "</graph>\n</graphml>\n",
        &error);
    cr_assert_not_null(g, "%s", error ? error->message : "?");
    cr_assert_eq(relgraph_graph_node_count(g), 3);
    const RelgraphNode *zeta = relgraph_graph_node(g, "Zeta & Co");
    cr_assert_not_null(zeta);
    cr_assert_eq(zeta->mentions, 5);
    cr_assert_eq(zeta->type, RELGRAPH_ACTOR_INSTITUTION);
    const RelgraphNode *alpha = relgraph_graph_node(g, "Alpha");
    cr_assert_eq(alpha->mentions, 0);
    cr_assert_str_eq(alpha->affiliation, "Zeta & Co");
    cr_assert_not_null(relgraph_graph_node(g, "Gamma"), "no label: the id is the name");
    const RelgraphEdge *meet = relgraph_graph_edge(g, "Alpha", "meet", "Zeta & Co");
    cr_assert_not_null(meet, "symmetric edge in canonical order");
    cr_assert_eq(meet->weight, 4);
    cr_assert(meet->symmetric);
    const RelgraphEdge *visit = relgraph_graph_edge(g, "Gamma", "visit", "Zeta & Co");
    cr_assert_not_null(visit);
    cr_assert_eq(visit->weight, 1, "no weight: one mention");
    cr_assert_not(visit->symmetric);
    cr_assert_eq(visit->documents->len, 0);
    relgraph_graph_free(g);
}

/* relgraph's own key ids, the minimum for one node and one edge. */
#define HEAD                                                                                 \
    "<?xml version=\"1.0\"?>\n"                                                              \
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"                            \
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"          \
    "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"    \
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"        \
    "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"       \
    "  <graph id=\"relgraph\" edgedefault=\"directed\">\n"                                   \
    "    <node id=\"n0\"><data key=\"label\">A</data></node>\n"                              \
    "    <node id=\"n1\"><data key=\"label\">B</data></node>\n"
#define TAIL "  </graph>\n</graphml>\n"

/* Imports text, expects failure, and checks that the message, after the
 * temporary file's name, starts with want. */
static void expect_error(const char *text, const char *want)
{
    char *path = temp_file(text, strlen(text));
    GError *error = NULL;
    RelgraphGraph *g = relgraph_import_graphml(path, &error);
    cr_assert_null(g, "accepted: %s", text);
    cr_assert_not_null(error);
    cr_assert(g_str_has_prefix(error->message, path), "%s", error->message);
    const char *rest = error->message + strlen(path);
    cr_assert(g_str_has_prefix(rest, want), "got \"%s\", want \"%s...\"", rest, want);
    g_error_free(error);
    g_unlink(path);
    g_free(path);
}

Test(import, errors_are_placed_at_file_line_col)
{
    expect_error(HEAD "    <edge id=\"e0\" source=\"n0\" target=\"n1\">\n"
                      "      <data key=\"relation\">r</data>\n"
                      "      <data key=\"weight\">three</data>\n"
                      "    </edge>\n" TAIL,
                 ":12:7: weight \"three\" is not a whole number");
    expect_error(HEAD "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"weight\">2.5</data>"
                      "<data key=\"relation\">r</data></edge>\n" TAIL,
                 ":10:43: weight \"2.5\" is not a whole number");
    expect_error(HEAD "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"weight\">-1</data>"
                      "<data key=\"relation\">r</data></edge>\n" TAIL,
                 ":10:43: weight \"-1\" is not a whole number");
    expect_error(HEAD "    <edge id=\"e7\" source=\"n0\" target=\"n9\"><data key=\"relation\">r</data></edge>\n" TAIL,
                 ":10:5: edge e7 names an unknown node \"n9\"");
    expect_error(HEAD "    <edge source=\"n0\" target=\"n1\"><data key=\"relation\">r</data></edge>\n"
                      "    <edge source=\"n0\" target=\"n1\"><data key=\"relation\">r</data></edge>\n" TAIL,
                 ":11:5: <edge>: A --r--> B is given twice");
    expect_error(HEAD "    <edge source=\"n0\" target=\"n1\"/>\n" TAIL, ":10:5: <edge> has no relation");
    expect_error(HEAD "    <node id=\"n2\"><data key=\"label\">A</data></node>\n" TAIL,
                 ":10:5: actor \"A\" is given twice");
    expect_error(HEAD "    <node id=\"n1\"/>\n" TAIL, ":10:5: node id \"n1\" is given twice");
    expect_error(HEAD "    <node id=\"n2\"><data key=\"mentions\">x</data></node>\n" TAIL,
                 ":10:19: mentions \"x\" is not a whole number");
    expect_error(HEAD "    <node id=\"n2\"><data key=\"color\">red</data></node>\n" TAIL,
                 ":10:19: <data> with the undeclared key \"color\"");
    expect_error(HEAD "    <node/>\n" TAIL, ":10:5: <node> without an id");
    expect_error(HEAD "  <!-- <node id=\"n5\"> --> <node id=\"n2\"><node id=\"n3\"/></node>\n" TAIL,
                 ":10:41: <node> inside a <node>");
    expect_error("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
                 ":2:1: not GraphML: the root element is <svg>");
    /* Malformed XML: libxml2's message, at its place. */
    expect_error(HEAD "    <node id=\"n2\">\n" TAIL, ":11:11: ");
    expect_error(HEAD, ":9:");
    expect_error("", ": empty file, not GraphML");
    expect_error("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>\n", ": no <graph> element");
}

Test(import, missing_file)
{
    GError *error = NULL;
    cr_assert_null(relgraph_import_graphml("/nonexistent/relgraph.graphml", &error));
    cr_assert_str_eq(error->message, "/nonexistent/relgraph.graphml: No such file or directory");
    cr_assert_eq(error->code, RELGRAPH_ERROR_IO);
    g_error_free(error);
}

/* The file's own DTD entities are part of the names (they were left out:
 * "Beta &co;" read as "Beta "); an external entity is an error, never
 * read; a count is decimal ("0x10" was read as 16 by strtod). */
Test(import, internal_entities_replaced_external_refused)
{
    GError *error = NULL;
    RelgraphGraph *g = import_text("<?xml version=\"1.0\"?>\n"
                                   "<!DOCTYPE graphml [ <!ENTITY co \"Council\"> <!ENTITY amp2 \"&amp;\"> ]>\n"
                                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                                   "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                                   "<graph edgedefault=\"directed\">\n"
                                   "<node id=\"n0\"><data key=\"label\">Beta &co; &amp2; Co</data></node>\n"
                                   "</graph>\n</graphml>\n",
                                   &error);
    cr_assert_not_null(g, "%s", error ? error->message : "?");
    cr_assert_not_null(relgraph_graph_node(g, "Beta Council & Co"));
    relgraph_graph_free(g);

    expect_error("<?xml version=\"1.0\"?>\n"
                 "<!DOCTYPE graphml [ <!ENTITY ext SYSTEM \"file:///etc/hostname\"> ]>\n"
                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                 "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                 "<graph edgedefault=\"directed\">\n"
                 "<node id=\"n0\"><data key=\"label\">Beta &ext;</data></node>\n"
                 "</graph>\n</graphml>\n",
                 ":9:1: external entity \"file:///etc/hostname\": not read");
}

Test(import, counts_are_decimal)
{
    static const char *const bad[] = {"0x10", "0X1F", "inf", "nan", "1e", "+", ".", "1.5e+"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *text = g_strdup_printf(HEAD "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"weight\">%s</data>"
                                          "<data key=\"relation\">r</data></edge>\n" TAIL,
                                     bad[i]);
        char *want = g_strdup_printf(":10:43: weight \"%s\" is not a whole number", bad[i]);
        expect_error(text, want);
        g_free(text);
        g_free(want);
    }
    GError *error = NULL;
    RelgraphGraph *g = import_text(HEAD "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"weight\">1.6e1</data>"
                                        "<data key=\"relation\">r</data></edge>\n" TAIL,
                                   &error);
    cr_assert_not_null(g, "%s", error ? error->message : "?");
    cr_assert_eq(relgraph_graph_edge(g, "A", "r", "B")->weight, 16);
    relgraph_graph_free(g);
}

/* Document ids holding the list's separator ';' or '%': TSV, GraphML and
 * GEXF write those percent-encoded, and GraphML reads them back as they
 * were ("x;y" was two documents); a tab stays in GraphML, is a space in
 * TSV as in every TSV field. */
Test(import, document_ids_with_separators_read_back)
{
    static const char *const ids[] = {"a\tb", "plain", "x;y", "100%", "%3B"};
    RelgraphGraph *g = relgraph_graph_new();
    for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
        RelgraphEvidence ev = {(char *)ids[i], 0, 0, 5, "sentence", "test.rules:1"};
        relgraph_graph_add_mention(g, "A", "meet", "B", TRUE, RELGRAPH_POLARITY_COOPERATIVE, &ev);
    }
    RelgraphGraph *back = round_trip(g);
    const RelgraphEdge *e = relgraph_graph_edge(back, "A", "meet", "B");
    const RelgraphEdge *want = relgraph_graph_edge(g, "A", "meet", "B");
    cr_assert_not_null(e);
    cr_assert_eq(e->documents->len, want->documents->len);
    for (guint i = 0; i < want->documents->len; i++)
        cr_assert_str_eq(g_ptr_array_index(e->documents, i), g_ptr_array_index(want->documents, i));

    GError *error = NULL;
    gsize len = 0;
    char *tsv = relgraph_export_tsv(g, NULL, &len, &error);
    cr_assert_not_null(tsv);
    cr_assert(strstr(tsv, "\t%253B;100%25;a b;plain;x%3By\n"), "%s", tsv);
    g_free(tsv);
    relgraph_graph_free(back);
    relgraph_graph_free(g);
}

/* ---- loading a side ------------------------------------------------- */

/* Writes data to a new temporary file named *.suffix; caller unlinks and frees the path. */
static char *temp_file_named(const char *suffix, const char *data, gsize len)
{
    char *template = g_strdup_printf("relgraph-diff-XXXXXX.%s", suffix);
    char *path = NULL;
    int fd = g_file_open_tmp(template, &path, NULL);
    cr_assert_geq(fd, 0);
    close(fd);
    cr_assert(g_file_set_contents(path, data, (gssize)len, NULL));
    g_free(template);
    return path;
}

Test(diff_load, part_and_graphml_load_the_same_graph)
{
    RelgraphGraph *g = old_graph();
    RelgraphPartInfo info = {0};
    gsize len = 0;
    char *part = relgraph_part_write(g, &info, &len);
    char *part_path = temp_file_named("part", part, len);
    GError *error = NULL;
    char *graphml = relgraph_export(g, "graphml", NULL, &len, &error);
    cr_assert_not_null(graphml, "%s", error ? error->message : "?");
    char *graphml_path = temp_file_named("graphml", graphml, len);

    RelgraphGraph *from_part = relgraph_diff_load_graph(part_path, &error);
    cr_assert_not_null(from_part, "%s", error ? error->message : "?");
    RelgraphGraph *from_graphml = relgraph_diff_load_graph(graphml_path, &error);
    cr_assert_not_null(from_graphml, "%s", error ? error->message : "?");
    cr_expect_eq(relgraph_graph_edge_count(from_part), relgraph_graph_edge_count(g));
    RelgraphDiff *none = relgraph_diff_graphs(from_part, from_graphml);
    cr_expect(relgraph_diff_is_empty(none), "the part and the GraphML of one graph differ");
    relgraph_diff_free(none);

    /* A part is read as a part only by its extension: as GraphML it fails. */
    char *misnamed = temp_file_named("graphml", part, strlen(part));
    cr_expect_null(relgraph_diff_load_graph(misnamed, &error));
    cr_expect_not_null(error);
    g_clear_error(&error);
    cr_expect_null(relgraph_diff_load_graph("/nonexistent/old.part", &error));
    cr_expect_not_null(error);
    g_clear_error(&error);

    g_unlink(misnamed);
    g_unlink(part_path);
    g_unlink(graphml_path);
    g_free(misnamed);
    g_free(part_path);
    g_free(graphml_path);
    g_free(part);
    g_free(graphml);
    relgraph_graph_free(from_part);
    relgraph_graph_free(from_graphml);
    relgraph_graph_free(g);
}
