/* Extraction (extract.c): one document in, its mentions and relations out,
 * then into a graph. A small fixture rule set, invented sentences. */
#include <criterion/criterion.h>

#include "relgraph/export.h"
#include "relgraph/graph.h"
#include "rules_fixture.h"

static const char fixture_relations[] = "define @title = foreign minister | president\n"
                                        "relation meet symmetric\n"
                                        "  {src} met [with] {dst}\n"
                                        "relation criticize directed\n"
                                        "  {src} [may] (criticized | criticize) {dst}\n"
                                        "relation member_of directed\n"
                                        "  {dst:state} @title {src:official single}\n"
                                        "hedge may\n";

static RelgraphRules *rules;

static void setup(void)
{
    char *message = NULL;
    rules = fixture_rules(fixture_relations, &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
}

static void teardown(void)
{
    relgraph_rules_free(rules);
}

static const char text[] = "Wang Yi met Sergei Lavrov in Beijing. "
                           "Japan criticized North Korea. "
                           "Russia may criticize Japan. "
                           "Russian Foreign Minister Sergei Lavrov met Kim Jong Un.";

TestSuite(extract, .init = setup, .fini = teardown);

Test(extract, relations_in_text_order_with_sentences_and_rules)
{
    RelgraphDocument *doc = relgraph_document_new("d1", "d1.txt", text, strlen(text));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphExtractResult *r = relgraph_extract_document(rules, doc, &options);
    cr_assert_eq(r->n_sentences, 4u);
    GString *got = g_string_new(NULL);
    guint last_sentence = 0;
    for (guint i = 0; i < r->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(r->relations, RelgraphRelationMention, i);
        cr_assert_geq(m->sentence, last_sentence, "in text order");
        last_sentence = m->sentence;
        cr_assert_lt(m->start, m->end);
        cr_assert_leq(m->end, (guint32)strlen(text));
        cr_assert_not_null(m->rule);
        cr_assert(g_str_has_suffix(m->rule, "test.rules:3") || g_str_has_suffix(m->rule, "test.rules:5") ||
                      g_str_has_suffix(m->rule, "test.rules:7") || strstr(m->rule, ".actors:") != NULL,
                  "rule location %s", m->rule);
        g_string_append_printf(got, "%u %s %s %s\n", m->sentence, relgraph_extract_actor(r, m->source)->name,
                               m->relation->name, relgraph_extract_actor(r, m->target)->name);
    }
    /* Symmetric relations in name order; the hedged sentence (2) gives
     * nothing; "Russian Foreign Minister Sergei Lavrov" also says Lavrov
     * is Russia's. */
    cr_assert(strstr(got->str, "0 Sergei Lavrov meet Wang Yi\n") != NULL, "%s", got->str);
    cr_assert(strstr(got->str, "1 Japan criticize North Korea\n") != NULL, "%s", got->str);
    cr_assert(strstr(got->str, "2 ") == NULL, "hedged: %s", got->str);
    cr_assert(strstr(got->str, "3 Kim Jong Un meet Sergei Lavrov\n") != NULL, "%s", got->str);
    cr_assert(strstr(got->str, "3 Sergei Lavrov member_of Russia\n") != NULL, "%s", got->str);
    /* Mentions: Lavrov twice, Beijing counts for China. */
    gint lavrov = relgraph_dictionary_find(rules->dictionary, "Sergei Lavrov");
    gint china = relgraph_dictionary_find(rules->dictionary, "China");
    cr_assert_eq(GPOINTER_TO_UINT(g_hash_table_lookup(r->actor_mentions, GUINT_TO_POINTER(lavrov + 1))), 2u);
    cr_assert_eq(GPOINTER_TO_UINT(g_hash_table_lookup(r->actor_mentions, GUINT_TO_POINTER(china + 1))), 1u);
    g_string_free(got, TRUE);
    relgraph_extract_result_free(r);

    /* Kept hedged relations are marked. */
    options.hedged = RELGRAPH_HEDGED_KEEP;
    r = relgraph_extract_document(rules, doc, &options);
    gboolean hedged = FALSE;
    for (guint i = 0; i < r->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(r->relations, RelgraphRelationMention, i);
        if (m->sentence == 2) {
            cr_assert(m->hedged);
            hedged = TRUE;
        } else {
            cr_assert_not(m->hedged);
        }
    }
    cr_assert(hedged, "the hedged relation is kept");
    relgraph_extract_result_free(r);
    relgraph_document_free(doc);
}

Test(extract, into_a_graph_weights_evidence_and_merging)
{
    RelgraphDocument *a = relgraph_document_new("a", "a.txt", text, strlen(text));
    const char other[] = "Japan criticized North Korea again.";
    RelgraphDocument *b = relgraph_document_new("b", "b.txt", other, strlen(other));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphGraph *graph = relgraph_graph_new(), *ga = relgraph_graph_new(), *gb = relgraph_graph_new();
    RelgraphExtractResult *ra = relgraph_extract_document(rules, a, &options);
    RelgraphExtractResult *rb = relgraph_extract_document(rules, b, &options);
    relgraph_extract_add_to_graph(a, ra, graph);
    relgraph_extract_add_to_graph(b, rb, graph);
    relgraph_extract_add_to_graph(a, ra, ga);
    relgraph_extract_add_to_graph(b, rb, gb);
    const RelgraphEdge *e = relgraph_graph_edge(graph, "Japan", "criticize", "North Korea");
    cr_assert_not_null(e);
    cr_assert_eq(e->weight, 2u, "one mention in each document");
    cr_assert_eq(e->documents->len, 2u);
    cr_assert_eq(e->evidence->len, 2u);
    const RelgraphEvidence *ev = g_ptr_array_index(e->evidence, 0);
    cr_assert_str_eq(ev->doc, "a");
    cr_assert_str_eq(ev->text, "Japan criticized North Korea.");
    cr_assert_eq(ev->sentence, 1u);
    /* Graphs of the documents merged equal the graph of both. */
    relgraph_graph_merge(ga, gb);
    gsize n1, n2;
    char *t1 = relgraph_export(graph, "tsv", NULL, &n1, NULL), *t2 = relgraph_export(ga, "tsv", NULL, &n2, NULL);
    cr_assert_str_eq(t1, t2);
    g_free(t1);
    g_free(t2);
    relgraph_extract_result_free(ra);
    relgraph_extract_result_free(rb);
    relgraph_graph_free(graph);
    relgraph_graph_free(ga);
    relgraph_graph_free(gb);
    relgraph_document_free(a);
    relgraph_document_free(b);
}

Test(extract, no_discovery_keeps_to_the_rules_actors)
{
    const char titled[] = "Chinese President Zhang Wei met Sergei Lavrov.";
    RelgraphDocument *doc = relgraph_document_new("d", "d.txt", titled, strlen(titled));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphExtractResult *r = relgraph_extract_document(rules, doc, &options);
    cr_assert_eq(relgraph_cast_discovered(r->cast), 1u, "Zhang Wei is discovered");
    relgraph_extract_result_free(r);
    options.no_discovery = TRUE;
    r = relgraph_extract_document(rules, doc, &options);
    cr_assert_eq(relgraph_cast_discovered(r->cast), 0u);
    for (guint i = 0; i < r->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(r->relations, RelgraphRelationMention, i);
        cr_assert_neq(strcmp(relgraph_extract_actor(r, m->source)->name, "Zhang Wei"), 0);
    }
    relgraph_extract_result_free(r);
    relgraph_document_free(doc);
}
