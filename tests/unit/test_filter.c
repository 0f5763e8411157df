/* Tests for graph views (filter.h): edge and node filters, the ego network,
 * top N by weighted degree and the state-level roll-up. */
#include <criterion/criterion.h>
#include <string.h>

#include "relgraph/filter.h"
#include "rules_fixture.h"

static RelgraphGraph *graph;

/* name, type, affiliation */
static const struct {
    const char *name;
    RelgraphActorType type;
    const char *affiliation;
} nodes[] = {
    {"China", RELGRAPH_ACTOR_STATE, NULL},
    {"North Korea", RELGRAPH_ACTOR_STATE, NULL},
    {"Russia", RELGRAPH_ACTOR_STATE, NULL},
    {"Japan", RELGRAPH_ACTOR_STATE, NULL},
    {"Xi Jinping", RELGRAPH_ACTOR_OFFICIAL, "China"},
    {"Kim Jong Un", RELGRAPH_ACTOR_OFFICIAL, "North Korea"},
    {"Chinese Foreign Ministry", RELGRAPH_ACTOR_INSTITUTION, "China"},
    {"Mao Ning", RELGRAPH_ACTOR_OFFICIAL, "Chinese Foreign Ministry"},
};

/* source, relation, target, symmetric, weight */
static const struct {
    const char *source, *relation, *target;
    gboolean symmetric;
    guint weight;
} edges[] = {
    {"Xi Jinping", "meet", "Kim Jong Un", TRUE, 3},
    {"Xi Jinping", "visit", "North Korea", FALSE, 2},
    {"China", "meet", "North Korea", TRUE, 1},
    {"Russia", "support", "North Korea", FALSE, 4},
    {"Mao Ning", "criticize", "Japan", FALSE, 1},
    {"Xi Jinping", "member_of", "China", FALSE, 5},
    {"Mao Ning", "member_of", "Chinese Foreign Ministry", FALSE, 1},
};

static void setup(void)
{
    graph = relgraph_graph_new();
    for (guint i = 0; i < G_N_ELEMENTS(nodes); i++)
        relgraph_graph_add_node(graph, nodes[i].name, nodes[i].type, nodes[i].affiliation, 1);
    for (guint i = 0; i < G_N_ELEMENTS(edges); i++)
        for (guint w = 0; w < edges[i].weight; w++) {
            char doc[8];
            g_snprintf(doc, sizeof doc, "d%u", w);
            RelgraphEvidence ev = {doc, w, 0, 10, (char *)"text", (char *)"r:1"};
            relgraph_graph_add_mention(graph, edges[i].source, edges[i].relation, edges[i].target,
                                       edges[i].symmetric, RELGRAPH_POLARITY_NEUTRAL, &ev);
        }
}

static void teardown(void)
{
    relgraph_graph_free(graph);
}

TestSuite(filter, .init = setup, .fini = teardown);

static RelgraphGraph *apply(const RelgraphFilter *f)
{
    GError *error = NULL;
    RelgraphGraph *view = relgraph_filter_apply(graph, f, &error);
    cr_assert_not_null(view, "filter failed: %s", error ? error->message : "?");
    return view;
}

Test(filter, empty_filter_copies_everything)
{
    RelgraphFilter f = {0};
    cr_expect(relgraph_filter_is_empty(&f));
    RelgraphGraph *view = apply(&f);
    cr_expect_eq(relgraph_graph_node_count(view), G_N_ELEMENTS(nodes));
    cr_expect_eq(relgraph_graph_edge_count(view), G_N_ELEMENTS(edges));
    relgraph_graph_free(view);
}

Test(filter, min_weight_and_relations_drop_edges_and_orphans)
{
    RelgraphFilter f = {.min_weight = 3};
    cr_expect_not(relgraph_filter_is_empty(&f));
    RelgraphGraph *view = apply(&f);
    cr_expect_eq(relgraph_graph_edge_count(view), 3); /* meet 3, support 4, member_of 5 */
    cr_expect_null(relgraph_graph_node(view, "Mao Ning"), "an actor left without edges is dropped");
    cr_expect_not_null(relgraph_graph_node(view, "Russia"));
    relgraph_graph_free(view);

    char *rels[] = {"meet", "visit", NULL};
    RelgraphFilter g = {.relations = rels};
    view = apply(&g);
    cr_expect_eq(relgraph_graph_edge_count(view), 3);
    cr_expect_not_null(relgraph_graph_edge(view, "Kim Jong Un", "meet", "Xi Jinping"));
    cr_expect_null(relgraph_graph_node(view, "Russia"));
    relgraph_graph_free(view);
}

Test(filter, types_keep_nodes_and_the_edges_between_them)
{
    RelgraphFilter f = {.types = RELGRAPH_ACTOR_STATE};
    RelgraphGraph *view = apply(&f);
    cr_expect_eq(relgraph_graph_node_count(view), 4);
    cr_expect_eq(relgraph_graph_edge_count(view), 2); /* China meet North Korea, Russia support North Korea */
    relgraph_graph_free(view);
}

Test(filter, focus_takes_the_ego_network_in_both_directions)
{
    RelgraphFilter f = {.focus = "North Korea", .depth = 1};
    RelgraphGraph *view = apply(&f);
    /* North Korea, Xi (visit), China (meet), Russia (support). */
    cr_expect_eq(relgraph_graph_node_count(view), 4);
    cr_expect_null(relgraph_graph_node(view, "Kim Jong Un"));
    cr_expect_not_null(relgraph_graph_edge(view, "Xi Jinping", "member_of", "China"),
                       "edges between kept actors stay");
    relgraph_graph_free(view);

    RelgraphFilter two = {.focus = "North Korea", .depth = 2};
    view = apply(&two);
    cr_expect_not_null(relgraph_graph_node(view, "Kim Jong Un"));
    cr_expect_null(relgraph_graph_node(view, "Mao Ning"));
    relgraph_graph_free(view);

    RelgraphFilter missing = {.focus = "Atlantis"};
    GError *error = NULL;
    cr_expect_null(relgraph_filter_apply(graph, &missing, &error));
    cr_expect(error && strstr(error->message, "Atlantis"));
    g_clear_error(&error);
}

Test(filter, top_ranks_by_weighted_degree_then_name)
{
    RelgraphFilter f = {.top = 2};
    RelgraphGraph *view = apply(&f);
    /* Xi: 3 + 2 + 5 = 10; North Korea: 2 + 1 + 4 = 7; China: 1 + 5 = 6. */
    cr_expect_eq(relgraph_graph_node_count(view), 2);
    cr_expect_not_null(relgraph_graph_node(view, "Xi Jinping"));
    cr_expect_not_null(relgraph_graph_node(view, "North Korea"));
    cr_expect_not_null(relgraph_graph_edge(view, "Xi Jinping", "visit", "North Korea"));
    relgraph_graph_free(view);
}

Test(filter, roll_up_folds_actors_into_their_state)
{
    GHashTable *map = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(map, "Xi Jinping", "China");
    g_hash_table_insert(map, "Kim Jong Un", "North Korea");
    g_hash_table_insert(map, "Chinese Foreign Ministry", "China");
    g_hash_table_insert(map, "Mao Ning", "China");
    RelgraphFilter f = {.roll_up = map};
    RelgraphGraph *view = apply(&f);
    cr_expect_eq(relgraph_graph_node_count(view), 4, "only the states are left");
    const RelgraphEdge *meet = relgraph_graph_edge(view, "China", "meet", "North Korea");
    cr_assert_not_null(meet);
    cr_expect_eq(meet->weight, 4, "Xi-Kim (3) and China-North Korea (1) add up");
    const RelgraphEdge *visit = relgraph_graph_edge(view, "China", "visit", "North Korea");
    cr_assert_not_null(visit);
    cr_expect_eq(visit->weight, 2);
    cr_expect_not_null(relgraph_graph_edge(view, "China", "criticize", "Japan"));
    cr_expect_null(relgraph_graph_edge(view, "China", "member_of", "China"), "self-loops are dropped");
    cr_expect_eq(relgraph_graph_node(view, "China")->mentions, 4, "mentions add up");
    cr_expect_eq(relgraph_graph_node(view, "China")->type, RELGRAPH_ACTOR_STATE);
    relgraph_graph_free(view);
    g_hash_table_destroy(map);
}

Test(filter, views_keep_the_discovered_mark_and_roll_up_does_not_spread_it)
{
    relgraph_graph_node_set_discovered(relgraph_graph_node(graph, "Mao Ning"));
    RelgraphFilter types = {.types = RELGRAPH_ACTOR_OFFICIAL};
    RelgraphGraph *view = apply(&types);
    cr_expect(relgraph_graph_node(view, "Mao Ning")->discovered);
    cr_expect_not(relgraph_graph_node(view, "Xi Jinping")->discovered);
    relgraph_graph_free(view);

    GHashTable *map = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(map, (gpointer) "Mao Ning", (gpointer) "China");
    RelgraphFilter roll = {.roll_up = map};
    view = apply(&roll);
    cr_expect_null(relgraph_graph_node(view, "Mao Ning"));
    cr_expect_not(relgraph_graph_node(view, "China")->discovered, "folding makes no state discovered");
    relgraph_graph_free(view);
    g_hash_table_destroy(map);
}

static RelgraphGraph *apply_view(const RelgraphView *v, const RelgraphDictionary *dict)
{
    GError *error = NULL;
    RelgraphGraph *view = relgraph_filter_apply_view(graph, v, dict, &error);
    cr_assert_not_null(view, "view failed: %s", error ? error->message : "?");
    return view;
}

Test(filter, view_depth_zero_is_the_focus_actor_alone)
{
    relgraph_graph_node_set_discovered(relgraph_graph_node(graph, "Xi Jinping"));
    RelgraphView alone = {.focus = "Xi Jinping", .depth = 0};
    cr_expect_not(relgraph_filter_view_is_empty(&alone));
    RelgraphGraph *view = apply_view(&alone, NULL);
    cr_expect_eq(relgraph_graph_node_count(view), 1);
    cr_expect_eq(relgraph_graph_edge_count(view), 0);
    const RelgraphNode *n = relgraph_graph_node(view, "Xi Jinping");
    cr_assert_not_null(n);
    cr_expect_eq(n->type, RELGRAPH_ACTOR_OFFICIAL);
    cr_expect_str_eq(n->affiliation, "China");
    cr_expect(n->discovered);
    relgraph_graph_free(view);

    /* -1 is the default depth, 1: Xi and the four actors next to him. */
    RelgraphView ego = {.focus = "Xi Jinping", .depth = -1};
    view = apply_view(&ego, NULL);
    cr_expect_eq(relgraph_graph_node_count(view), 4); /* Xi, Kim, North Korea, China */
    relgraph_graph_free(view);

    RelgraphView missing = {.focus = "Atlantis", .depth = 0};
    GError *error = NULL;
    cr_expect_null(relgraph_filter_apply_view(graph, &missing, NULL, &error));
    cr_expect(error && strstr(error->message, "Atlantis"));
    g_clear_error(&error);
}

Test(filter, view_rolls_up_by_the_rules_dictionary)
{
    RelgraphView none = {.depth = -1};
    cr_expect(relgraph_filter_view_is_empty(&none));
    cr_expect(relgraph_filter_view_is_empty(NULL));

    char *message = NULL;
    RelgraphRules *rules = fixture_rules("relation meet symmetric\n  {src} met {dst}\n", &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    GHashTable *map = relgraph_filter_roll_up_map(rules->dictionary);
    cr_expect_str_eq(g_hash_table_lookup(map, "Wang Yi"), "China");
    cr_expect_str_eq(g_hash_table_lookup(map, "Wang Wenbin"), "China", "through the ministry");
    cr_expect_str_eq(g_hash_table_lookup(map, "Kim Jong Un"), "North Korea");
    cr_expect_null(g_hash_table_lookup(map, "China"), "a state stays");
    cr_expect_null(g_hash_table_lookup(map, "UN Security Council"), "an actor of no state stays");
    g_hash_table_destroy(map);

    /* Kim Jong Un folds into North Korea; the fixture has no Xi Jinping, who stays. */
    RelgraphView roll = {.roll_up = TRUE, .depth = -1};
    cr_expect_not(relgraph_filter_view_is_empty(&roll));
    RelgraphGraph *view = apply_view(&roll, rules->dictionary);
    cr_expect_null(relgraph_graph_node(view, "Kim Jong Un"));
    cr_expect_not_null(relgraph_graph_edge(view, "North Korea", "meet", "Xi Jinping"));
    relgraph_graph_free(view);
    relgraph_rules_free(rules);
}
