/* Explanations (explain.c): the sentences that support an edge, and with
 * why_not those that name both actors without giving it. A small fixture
 * rule set, invented sentences. */
#include <criterion/criterion.h>

#include "relgraph/explain.h"
#include "rules_fixture.h"

static const char fixture_relations[] = "relation meet symmetric\n"
                                        "  {src} met [with] {dst}\n"
                                        "relation criticize directed\n"
                                        "  {src} [may] (criticized | criticize) {dst}\n"
                                        "hedge may\n";

static const char text[] = "Wang Yi met Sergei Lavrov in Beijing. "
                           "Russia may criticize Japan. "
                           "Japan criticized Russia. "
                           "Kim Jong Un met Zhao Leji.";

static RelgraphRules *rules;
static RelgraphDocument *doc;
static RelgraphExtractResult *result;

static void setup(void)
{
    char *message = NULL;
    rules = fixture_rules(fixture_relations, &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    doc = relgraph_document_new("d1", "d1.txt", text, strlen(text));
    /* As explain extracts: hedged matches kept, the actors of each sentence recorded. */
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_KEEP, .record_actors = TRUE};
    result = relgraph_extract_document(rules, doc, &options);
}

static void teardown(void)
{
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    relgraph_rules_free(rules);
}

static guint actor(const char *name)
{
    gint id = relgraph_dictionary_find(rules->dictionary, name);
    cr_assert_geq(id, 0, "%s in the fixture", name);
    return (guint)id;
}

/* The report of SOURCE RELATION TARGET over the fixture document. */
static char *explain_text(const char *source, const char *relation, const char *target, gboolean why_not,
                          gboolean keep_hedged, guint *support)
{
    const RelgraphRelation *r = relgraph_relations_find(rules->relations, relation);
    cr_assert_not_null(r);
    RelgraphExplain *explain = relgraph_explain_new(r, actor(source), actor(target), why_not, keep_hedged);
    relgraph_explain_add_document(explain, doc, result);
    *support = relgraph_explain_support(explain);
    char *report = relgraph_explain_report(explain, rules->dictionary);
    relgraph_explain_free(explain);
    return report;
}

/* Drops the rule locations ("  /tmp/.../test.rules:2"), which name a temporary directory. */
static char *without_rules(const char *report)
{
    GString *out = g_string_new(NULL);
    for (const char *p = report; *p;) {
        const char *rule = strstr(p, "test.rules:");
        if (!rule) {
            g_string_append(out, p);
            break;
        }
        const char *from = rule;
        while (from > p && from[-1] != ' ')
            from--;
        g_string_append_len(out, p, from - p);
        g_string_append(out, "RULE");
        p = rule + strlen("test.rules:");
        while (g_ascii_isdigit(*p))
            p++;
    }
    return g_string_free(out, FALSE);
}

TestSuite(explain, .init = setup, .fini = teardown);

Test(explain, symmetric_edge_is_supported_in_either_order)
{
    guint support;
    char *report = explain_text("Sergei Lavrov", "meet", "Wang Yi", FALSE, FALSE, &support);
    char *got = without_rules(report);
    cr_assert_eq(support, 1u);
    cr_assert_str_eq(got, "Sergei Lavrov meet Wang Yi: 1 mention in 1 document\n"
                          "d1:0  RULE\n"
                          "    Wang Yi met Sergei Lavrov in Beijing.\n");
    g_free(got);
    g_free(report);
}

Test(explain, directed_edge_is_not_supported_backwards)
{
    guint support;
    char *report = explain_text("Russia", "criticize", "Japan", FALSE, FALSE, &support);
    cr_assert_eq(support, 0u);
    cr_assert_str_eq(report, "Russia criticize Japan: 0 mentions in 0 documents\n");
    g_free(report);
}

Test(explain, why_not_shows_the_hedged_match_and_what_was_given_instead)
{
    guint support;
    char *report = explain_text("Russia", "criticize", "Japan", TRUE, FALSE, &support);
    char *got = without_rules(report);
    cr_assert_eq(support, 0u);
    cr_assert_str_eq(got, "Russia criticize Japan: 0 mentions in 0 documents\n"
                          "\n"
                          "2 other sentences name both Russia and Japan but gave no criticize:\n"
                          "d1:1\n"
                          "    Russia may criticize Japan.\n"
                          "      hedged, dropped by default (--hedged=keep keeps it): RULE\n"
                          "d1:2\n"
                          "    Japan criticized Russia.\n"
                          "      gave Japan criticize Russia instead: RULE\n");
    g_free(got);
    g_free(report);
}

Test(explain, kept_hedged_match_supports_and_is_marked)
{
    guint support;
    char *report = explain_text("Russia", "criticize", "Japan", TRUE, TRUE, &support);
    char *got = without_rules(report);
    cr_assert_eq(support, 1u);
    cr_assert_str_eq(got, "Russia criticize Japan: 1 mention in 1 document\n"
                          "d1:1  RULE  (hedged)\n"
                          "    Russia may criticize Japan.\n"
                          "\n"
                          "1 other sentence names both Russia and Japan but gave no criticize:\n"
                          "d1:2\n"
                          "    Japan criticized Russia.\n"
                          "      gave Japan criticize Russia instead: RULE\n");
    g_free(got);
    g_free(report);
}
