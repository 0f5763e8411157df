/* Tests for the relation multigraph (graph.h): adding, weights, canonical
 * order of symmetric relations, evidence and documents as sorted sets, and
 * merging that does not depend on order or grouping. */
#include <criterion/criterion.h>
#include <string.h>

#include "relgraph/export.h"
#include "relgraph/graph.h"

/* One relation mention of a test corpus. */
typedef struct {
    const char *doc;
    guint32 start;
    const char *source;
    const char *relation;
    const char *target;
    gboolean symmetric;
    RelgraphPolarity polarity;
    const char *rule;
} Mention;

static const Mention corpus[] = {
    {"d1", 10, "Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:5"},
    {"d1", 10, "Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:6"},
    {"d1", 80, "North Korea", "meet", "China", TRUE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:16"},
    {"d2", 5, "China", "meet", "North Korea", TRUE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:16"},
    {"d2", 40, "China", "support", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:38"},
    {"d3", 0, "United States", "criticize", "China", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, "diplomacy.rules:56"},
    {"d3", 90, "United States", "criticize", "China", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, "diplomacy.rules:56"},
    {"d4", 7, "Russia", "veto", "United Nations", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, "diplomacy.rules:67"},
    {"d4", 60, "Russia", "trade", "North Korea", TRUE, RELGRAPH_POLARITY_NEUTRAL, "diplomacy.rules:49"},
    {"d5", 3, "Zhao Leji", "member_of", "China", FALSE, RELGRAPH_POLARITY_NEUTRAL, "diplomacy.rules:80"},
    {"d5", 3, "Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:5"},
    {"d6", 20, "North Korea", "visit", "Russia", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:5"},
    {"d6", 20, "Russia", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "diplomacy.rules:5"},
};

/* One actor sighting: nodes with disagreeing types and affiliations test
 * that the choice between them does not depend on order. */
typedef struct {
    const char *name;
    RelgraphActorType type;
    const char *affiliation;
    guint mentions;
} Sighting;

static const Sighting actors[] = {
    {"China", RELGRAPH_ACTOR_STATE, NULL, 4},
    {"North Korea", RELGRAPH_ACTOR_STATE, NULL, 6},
    {"Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "China", 2},
    {"Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "Chinese Communist Party", 1},
    {"United Nations", RELGRAPH_ACTOR_INSTITUTION, NULL, 1},
    {"United Nations", RELGRAPH_ACTOR_STATE, NULL, 1},
    {"Russia", 0, NULL, 3},
    {"Russia", RELGRAPH_ACTOR_STATE, NULL, 1},
};

static void add_mention(RelgraphGraph *g, const Mention *m)
{
    char *text = g_strdup_printf("%s %s %s.", m->source, m->relation, m->target);
    RelgraphEvidence ev = {(char *)m->doc, m->start / 10, m->start, m->start + 30, text, (char *)m->rule};
    relgraph_graph_add_mention(g, m->source, m->relation, m->target, m->symmetric, m->polarity, &ev);
    g_free(text);
}

static void add_sighting(RelgraphGraph *g, const Sighting *s)
{
    relgraph_graph_add_node(g, s->name, s->type, s->affiliation, s->mentions);
}

/* The graph of the corpus items whose index i satisfies i % parts == part. */
static RelgraphGraph *build_part(guint part, guint parts)
{
    RelgraphGraph *g = relgraph_graph_new();
    for (guint i = part; i < G_N_ELEMENTS(actors); i += parts)
        add_sighting(g, &actors[i]);
    for (guint i = part; i < G_N_ELEMENTS(corpus); i += parts)
        add_mention(g, &corpus[i]);
    return g;
}

/* The whole graph, items added in reverse order. */
static RelgraphGraph *build_reversed(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    for (guint i = G_N_ELEMENTS(corpus); i-- > 0;)
        add_mention(g, &corpus[i]);
    for (guint i = G_N_ELEMENTS(actors); i-- > 0;)
        add_sighting(g, &actors[i]);
    return g;
}

/* Everything an export can see of a graph: TSV, GraphML and DOT bytes. */
static char *fingerprint(const RelgraphGraph *g)
{
    static const char *const formats[] = {"tsv", "graphml", "dot"};
    RelgraphExportOptions options = {.title = "test", .layout = NULL, .max_evidence = 10};
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < G_N_ELEMENTS(formats); i++) {
        GError *error = NULL;
        gsize len = 0;
        char *data = relgraph_export(g, formats[i], &options, &len, &error);
        cr_assert_not_null(data, "%s export: %s", formats[i], error ? error->message : "?");
        g_string_append_len(all, data, (gssize)len);
        g_free(data);
    }
    return g_string_free(all, FALSE);
}

static void assert_same_graph(const RelgraphGraph *a, const RelgraphGraph *b, const char *what)
{
    char *fa = fingerprint(a), *fb = fingerprint(b);
    cr_assert_str_eq(fa, fb, "%s", what);
    g_free(fa);
    g_free(fb);
}

Test(graph, add_node_creates_and_accumulates)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphNode *n = relgraph_graph_add_node(g, "Wang Yi", 0, NULL, 2);
    cr_assert_str_eq(n->name, "Wang Yi");
    cr_assert_eq(n->type, 0);
    cr_assert_null(n->affiliation);
    cr_assert_eq(n->mentions, 2);
    /* Filling in what the node does not have yet. */
    RelgraphNode *again = relgraph_graph_add_node(g, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 3);
    cr_assert_eq(again, n);
    cr_assert_eq(n->type, RELGRAPH_ACTOR_OFFICIAL);
    cr_assert_str_eq(n->affiliation, "China");
    cr_assert_eq(n->mentions, 5);
    /* 0 / NULL leave what is there. */
    relgraph_graph_add_node(g, "Wang Yi", 0, NULL, 0);
    cr_assert_eq(n->type, RELGRAPH_ACTOR_OFFICIAL);
    cr_assert_str_eq(n->affiliation, "China");
    cr_assert_eq(relgraph_graph_node_count(g), 1);
    cr_assert_eq(relgraph_graph_node(g, "Wang Yi"), n);
    cr_assert_null(relgraph_graph_node(g, "Wang"));
    relgraph_graph_free(g);
}

Test(graph, disagreeing_type_and_affiliation_do_not_depend_on_order)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    relgraph_graph_add_node(a, "X", RELGRAPH_ACTOR_INSTITUTION, "Zeta", 1);
    relgraph_graph_add_node(a, "X", RELGRAPH_ACTOR_STATE, "Alpha", 1);
    relgraph_graph_add_node(b, "X", RELGRAPH_ACTOR_STATE, "Alpha", 1);
    relgraph_graph_add_node(b, "X", RELGRAPH_ACTOR_INSTITUTION, "Zeta", 1);
    const RelgraphNode *x = relgraph_graph_node(a, "X"), *y = relgraph_graph_node(b, "X");
    cr_assert_eq(x->type, y->type);
    cr_assert_eq(x->type, RELGRAPH_ACTOR_STATE);
    cr_assert_str_eq(x->affiliation, "Alpha");
    cr_assert_str_eq(y->affiliation, "Alpha");
    cr_assert_eq(x->mentions, 2);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(graph, mentions_add_weight_and_create_nodes)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphEdge *e = relgraph_graph_add_mention(g, "Zhao Leji", "visit", "North Korea", FALSE,
                                                 RELGRAPH_POLARITY_COOPERATIVE, NULL);
    cr_assert_not_null(e);
    cr_assert_eq(e->weight, 1);
    cr_assert_eq(e->documents->len, 0);
    cr_assert_eq(e->evidence->len, 0);
    cr_assert_eq(e->polarity, RELGRAPH_POLARITY_COOPERATIVE);
    cr_assert_not(e->symmetric);
    /* Endpoints exist with no mentions and no type. */
    const RelgraphNode *n = relgraph_graph_node(g, "North Korea");
    cr_assert_not_null(n);
    cr_assert_eq(n->mentions, 0);
    cr_assert_eq(n->type, 0);
    cr_assert_eq(relgraph_graph_node_count(g), 2);

    cr_assert_eq(relgraph_graph_add_mention(g, "Zhao Leji", "visit", "North Korea", FALSE,
                                            RELGRAPH_POLARITY_COOPERATIVE, NULL), e);
    cr_assert_eq(e->weight, 2);
    cr_assert_eq(relgraph_graph_edge(g, "Zhao Leji", "visit", "North Korea"), e);
    /* Directed: the reverse is another edge, and so is another relation. */
    cr_assert_null(relgraph_graph_edge(g, "North Korea", "visit", "Zhao Leji"));
    relgraph_graph_add_mention(g, "North Korea", "visit", "Zhao Leji", FALSE, RELGRAPH_POLARITY_COOPERATIVE, NULL);
    relgraph_graph_add_mention(g, "Zhao Leji", "meet", "North Korea", TRUE, RELGRAPH_POLARITY_COOPERATIVE, NULL);
    cr_assert_eq(relgraph_graph_edge_count(g), 3);
    cr_assert_eq(relgraph_graph_node_count(g), 2);
    relgraph_graph_free(g);
}

Test(graph, symmetric_relations_are_stored_in_canonical_order)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphEdge *e = relgraph_graph_add_mention(g, "Russia", "meet", "China", TRUE,
                                                 RELGRAPH_POLARITY_COOPERATIVE, NULL);
    cr_assert_str_eq(e->source, "China");
    cr_assert_str_eq(e->target, "Russia");
    cr_assert(e->symmetric);
    cr_assert_eq(relgraph_graph_add_mention(g, "China", "meet", "Russia", TRUE, RELGRAPH_POLARITY_COOPERATIVE,
                                            NULL), e);
    cr_assert_eq(e->weight, 2);
    cr_assert_null(relgraph_graph_edge(g, "Russia", "meet", "China"));
    cr_assert_eq(relgraph_graph_edge_count(g), 1);
    /* Byte order, not locale order: "Z" < "a". */
    e = relgraph_graph_add_mention(g, "alpha", "trade", "Zulu", TRUE, RELGRAPH_POLARITY_NEUTRAL, NULL);
    cr_assert_str_eq(e->source, "Zulu");
    /* A self-loop stays one edge. */
    e = relgraph_graph_add_mention(g, "China", "meet", "China", TRUE, RELGRAPH_POLARITY_COOPERATIVE, NULL);
    cr_assert_str_eq(e->source, "China");
    cr_assert_str_eq(e->target, "China");
    relgraph_graph_free(g);
}

Test(graph, evidence_is_sorted_and_free_of_duplicates)
{
    RelgraphGraph *g = relgraph_graph_new();
    /* (doc, start, end, rule) */
    const RelgraphEvidence items[] = {
        {"d2", 1, 50, 90, "later sentence", "b.rules:1"},
        {"d1", 3, 300, 340, "third", "b.rules:2"},
        {"d2", 0, 5, 40, "first of d2", "b.rules:1"},
        {"d1", 3, 300, 340, "third", "a.rules:9"},
        {"d1", 3, 300, 320, "shorter span", "z.rules:1"},
        {"d10", 0, 0, 10, "doc ids sort as strings", "a.rules:1"},
        {"d1", 3, 300, 340, "third", "b.rules:2"},  /* exact duplicate */
        {"d2", 0, 5, 40, "first of d2", "b.rules:1"},  /* exact duplicate */
    };
    RelgraphEdge *e = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(items); i++)
        e = relgraph_graph_add_mention(g, "A", "visit", "B", FALSE, RELGRAPH_POLARITY_COOPERATIVE, &items[i]);
    /* Every mention counts, even when its evidence repeats an earlier one. */
    cr_assert_eq(e->weight, G_N_ELEMENTS(items));
    const struct {
        const char *doc;
        guint32 start, end;
        const char *rule;
    } expected[] = {
        {"d1", 300, 320, "z.rules:1"}, {"d1", 300, 340, "a.rules:9"}, {"d1", 300, 340, "b.rules:2"},
        {"d10", 0, 10, "a.rules:1"},   {"d2", 5, 40, "b.rules:1"},    {"d2", 50, 90, "b.rules:1"},
    };
    cr_assert_eq(e->evidence->len, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        const RelgraphEvidence *ev = g_ptr_array_index(e->evidence, i);
        cr_expect_str_eq(ev->doc, expected[i].doc, "evidence %u doc", i);
        cr_expect_eq(ev->start, expected[i].start, "evidence %u start", i);
        cr_expect_eq(ev->end, expected[i].end, "evidence %u end", i);
        cr_expect_str_eq(ev->rule, expected[i].rule, "evidence %u rule", i);
    }
    /* Documents: sorted, unique. */
    cr_assert_eq(e->documents->len, 3);
    cr_expect_str_eq(g_ptr_array_index(e->documents, 0), "d1");
    cr_expect_str_eq(g_ptr_array_index(e->documents, 1), "d10");
    cr_expect_str_eq(g_ptr_array_index(e->documents, 2), "d2");
    relgraph_graph_free(g);
}

Test(graph, evidence_is_copied_and_may_lack_text)
{
    RelgraphGraph *g = relgraph_graph_new();
    char *doc = g_strdup("doc");
    RelgraphEvidence ev = {doc, 0, 1, 2, NULL, NULL};
    RelgraphEdge *e = relgraph_graph_add_mention(g, "A", "r", "B", FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    relgraph_graph_add_mention(g, "A", "r", "B", FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    g_free(doc);
    cr_assert_eq(e->evidence->len, 1);
    cr_assert_str_eq(((RelgraphEvidence *)g_ptr_array_index(e->evidence, 0))->doc, "doc");
    cr_assert_null(((RelgraphEvidence *)g_ptr_array_index(e->evidence, 0))->text);
    char *tsv = fingerprint(g);
    cr_assert_not_null(strstr(tsv, "A\tr\tB\t2\tdoc\n"));
    g_free(tsv);
    relgraph_graph_free(g);
}

Test(graph, sorted_views)
{
    RelgraphGraph *g = build_reversed();
    GPtrArray *nodes = relgraph_graph_sorted_nodes(g);
    cr_assert_eq(nodes->len, relgraph_graph_node_count(g));
    for (guint i = 1; i < nodes->len; i++)
        cr_assert_lt(strcmp(((RelgraphNode *)g_ptr_array_index(nodes, i - 1))->name,
                            ((RelgraphNode *)g_ptr_array_index(nodes, i))->name), 0);
    g_ptr_array_unref(nodes);
    GPtrArray *edges = relgraph_graph_sorted_edges(g);
    cr_assert_eq(edges->len, relgraph_graph_edge_count(g));
    for (guint i = 1; i < edges->len; i++) {
        const RelgraphEdge *a = g_ptr_array_index(edges, i - 1), *b = g_ptr_array_index(edges, i);
        int c = strcmp(a->source, b->source);
        if (!c)
            c = strcmp(a->relation, b->relation);
        if (!c)
            c = strcmp(a->target, b->target);
        cr_assert_lt(c, 0, "edge %u out of order", i);
    }
    g_ptr_array_unref(edges);
    relgraph_graph_free(g);
}

Test(graph, merge_adds_weights_and_unites_sets)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    add_mention(a, &corpus[0]);  /* Zhao Leji visit North Korea, d1 */
    add_mention(b, &corpus[1]);  /* same edge, d1, another rule */
    add_mention(b, &corpus[10]); /* same edge, d5 */
    add_mention(b, &corpus[7]);  /* Russia veto United Nations */
    relgraph_graph_add_node(a, "North Korea", RELGRAPH_ACTOR_STATE, NULL, 2);
    relgraph_graph_add_node(b, "North Korea", 0, NULL, 3);
    char *b_before = fingerprint(b);

    relgraph_graph_merge(a, b);
    const RelgraphEdge *e = relgraph_graph_edge(a, "Zhao Leji", "visit", "North Korea");
    cr_assert_eq(e->weight, 3);
    cr_assert_eq(e->documents->len, 2);
    cr_assert_eq(e->evidence->len, 3);
    cr_assert_not_null(relgraph_graph_edge(a, "Russia", "veto", "United Nations"));
    cr_assert_eq(relgraph_graph_node(a, "North Korea")->mentions, 5);
    cr_assert_eq(relgraph_graph_node(a, "North Korea")->type, RELGRAPH_ACTOR_STATE);
    cr_assert_eq(relgraph_graph_node_count(a), 4);

    /* from is unchanged. */
    char *b_after = fingerprint(b);
    cr_assert_str_eq(b_before, b_after);
    g_free(b_before);
    g_free(b_after);
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(graph, merge_equals_building_the_union)
{
    RelgraphGraph *whole = build_part(0, 1);
    RelgraphGraph *merged = relgraph_graph_new();
    for (guint part = 0; part < 3; part++) {
        RelgraphGraph *p = build_part(part, 3);
        relgraph_graph_merge(merged, p);
        relgraph_graph_free(p);
    }
    assert_same_graph(whole, merged, "merge of the three parts equals the graph of the whole corpus");
    RelgraphGraph *reversed = build_reversed();
    assert_same_graph(whole, reversed, "insertion order does not matter");
    relgraph_graph_free(whole);
    relgraph_graph_free(merged);
    relgraph_graph_free(reversed);
}

Test(graph, merge_is_commutative)
{
    for (guint parts = 2; parts <= 4; parts++) {
        RelgraphGraph *a = build_part(0, parts), *b = build_part(1, parts);
        RelgraphGraph *ab = relgraph_graph_new(), *ba = relgraph_graph_new();
        relgraph_graph_merge(ab, a);
        relgraph_graph_merge(ab, b);
        relgraph_graph_merge(ba, b);
        relgraph_graph_merge(ba, a);
        assert_same_graph(ab, ba, "A+B == B+A");
        /* Merging into a non-empty graph directly, both ways. */
        RelgraphGraph *a2 = build_part(0, parts), *b2 = build_part(1, parts);
        relgraph_graph_merge(a2, b);
        relgraph_graph_merge(b2, a);
        assert_same_graph(a2, b2, "merge(A, B) == merge(B, A)");
        assert_same_graph(a2, ab, "merge(A, B) == (0 + A) + B");
        relgraph_graph_free(a);
        relgraph_graph_free(b);
        relgraph_graph_free(ab);
        relgraph_graph_free(ba);
        relgraph_graph_free(a2);
        relgraph_graph_free(b2);
    }
}

Test(graph, merge_is_associative)
{
    RelgraphGraph *left = build_part(0, 3), *bc = build_part(1, 3);
    RelgraphGraph *b = build_part(1, 3), *c = build_part(2, 3), *right = build_part(0, 3);
    /* (A + B) + C */
    relgraph_graph_merge(left, b);
    relgraph_graph_merge(left, c);
    /* A + (B + C) */
    relgraph_graph_merge(bc, c);
    relgraph_graph_merge(right, bc);
    assert_same_graph(left, right, "(A+B)+C == A+(B+C)");
    /* C + (B + A) as well. */
    RelgraphGraph *other = build_part(2, 3), *ba = build_part(1, 3), *a = build_part(0, 3);
    relgraph_graph_merge(ba, a);
    relgraph_graph_merge(other, ba);
    assert_same_graph(left, other, "(A+B)+C == C+(B+A)");
    relgraph_graph_free(left);
    relgraph_graph_free(bc);
    relgraph_graph_free(b);
    relgraph_graph_free(c);
    relgraph_graph_free(right);
    relgraph_graph_free(other);
    relgraph_graph_free(ba);
    relgraph_graph_free(a);
}

Test(graph, merge_with_empty_and_with_itself)
{
    RelgraphGraph *g = build_part(0, 1), *copy = build_part(0, 1), *empty = relgraph_graph_new();
    relgraph_graph_merge(g, empty);
    assert_same_graph(g, copy, "merging an empty graph changes nothing");

    relgraph_graph_merge(g, g);
    const RelgraphEdge *e = relgraph_graph_edge(g, "Zhao Leji", "visit", "North Korea");
    const RelgraphEdge *once = relgraph_graph_edge(copy, "Zhao Leji", "visit", "North Korea");
    cr_assert_eq(e->weight, 2 * once->weight);
    cr_assert_eq(e->evidence->len, once->evidence->len);
    cr_assert_eq(e->documents->len, once->documents->len);
    cr_assert_eq(relgraph_graph_node(g, "China")->mentions, 2 * relgraph_graph_node(copy, "China")->mentions);
    cr_assert_eq(relgraph_graph_edge_count(g), relgraph_graph_edge_count(copy));
    relgraph_graph_free(g);
    relgraph_graph_free(copy);
    relgraph_graph_free(empty);
}

Test(graph, disagreeing_relation_flags_merge_the_same_either_way)
{
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new();
    relgraph_graph_add_mention(a, "A", "talk", "B", FALSE, RELGRAPH_POLARITY_NEUTRAL, NULL);
    relgraph_graph_add_mention(b, "A", "talk", "B", TRUE, RELGRAPH_POLARITY_CONFLICTUAL, NULL);
    RelgraphGraph *ab = relgraph_graph_new(), *ba = relgraph_graph_new();
    relgraph_graph_merge(ab, a);
    relgraph_graph_merge(ab, b);
    relgraph_graph_merge(ba, b);
    relgraph_graph_merge(ba, a);
    assert_same_graph(ab, ba, "flags settle the same way");
    relgraph_graph_free(a);
    relgraph_graph_free(b);
    relgraph_graph_free(ab);
    relgraph_graph_free(ba);
}

Test(graph, free_null_is_harmless)
{
    relgraph_graph_free(NULL);
}

Test(graph, evidence_limit_keeps_the_first_whatever_the_order)
{
    /* Evidence d0..d9 added in two orders, and split over two graphs that
     * are merged: the same three are kept, and the weight counts all ten. */
    RelgraphGraph *a = relgraph_graph_new(), *b = relgraph_graph_new(), *c = relgraph_graph_new();
    relgraph_graph_set_evidence_limit(a, 3);
    relgraph_graph_set_evidence_limit(b, 3);
    relgraph_graph_set_evidence_limit(c, 3);
    for (guint i = 0; i < 10; i++) {
        char doc[8], rdoc[8];
        g_snprintf(doc, sizeof doc, "d%u", i);
        g_snprintf(rdoc, sizeof rdoc, "d%u", 9 - i);
        RelgraphEvidence ev = {doc, 0, 0, 5, (char *)"text", (char *)"r:1"};
        RelgraphEvidence rev = {rdoc, 0, 0, 5, (char *)"text", (char *)"r:1"};
        cr_expect(relgraph_graph_evidence_wanted(a, "A", "meet", "B", TRUE, &ev) == (i < 3));
        relgraph_graph_add_mention(a, "A", "meet", "B", TRUE, RELGRAPH_POLARITY_NEUTRAL, &ev);
        relgraph_graph_add_mention(i % 2 ? b : c, "B", "meet", "A", TRUE, RELGRAPH_POLARITY_NEUTRAL, &rev);
    }
    relgraph_graph_merge(b, c);
    const RelgraphEdge *ea = relgraph_graph_edge(a, "A", "meet", "B"), *eb = relgraph_graph_edge(b, "A", "meet", "B");
    cr_assert(ea && eb);
    cr_expect_eq(ea->weight, 10);
    cr_expect_eq(eb->weight, 10);
    cr_expect_eq(ea->documents->len, 10, "documents still count every mention");
    cr_assert_eq(ea->evidence->len, 3);
    cr_assert_eq(eb->evidence->len, 3);
    for (guint i = 0; i < 3; i++) {
        char doc[8];
        g_snprintf(doc, sizeof doc, "d%u", i);
        cr_expect_str_eq(((RelgraphEvidence *)g_ptr_array_index(ea->evidence, i))->doc, doc);
        cr_expect_str_eq(((RelgraphEvidence *)g_ptr_array_index(eb->evidence, i))->doc, doc);
    }
    relgraph_graph_free(a);
    relgraph_graph_free(b);
    relgraph_graph_free(c);
}
