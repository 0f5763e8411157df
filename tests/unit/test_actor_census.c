/* The actor census (actor_census.c): counts over documents, the TSV, and
 * the discovered actors as .actors entries. */
#include <criterion/criterion.h>

#include "relgraph/actor_census.h"
#include "rules_fixture.h"

static const char fixture_relations[] =
    "define @title = deputy foreign minister | foreign minister\n"
    "relation criticize directed\n"
    "  {src} criticized {dst}\n"
    "relation member_of directed\n"
    "  {dst:state} ['s] @title {src:official single}\n";

static void add(RelgraphActorCensus *census, const RelgraphRules *rules, const char *id, const char *text)
{
    RelgraphDocument *doc = relgraph_document_new(id, id, text, strlen(text));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
    relgraph_actor_census_add(census, doc, result);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
}

Test(actor_census, counts_mentions_and_documents_sorted_by_name)
{
    char *message = NULL;
    RelgraphRules *rules = fixture_rules(fixture_relations, &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    RelgraphActorCensus *census = relgraph_actor_census_new();
    add(census, rules, "a", "Japan criticized China. China criticized Japan.");
    add(census, rules, "b", "Russian Deputy Foreign Minister Olek Varnavin criticized Japan.");
    add(census, rules, "c", "Deputy Foreign Minister Olek Varnavin criticized China."); /* affiliation: the first kept */
    gsize len = 0;
    char *tsv = relgraph_actor_census_tsv(census, &len);
    cr_assert_eq(len, strlen(tsv));
    cr_assert_str_eq(tsv, "name\ttype\taffiliation\tmentions\tdocuments\tdiscovered\n"
                          "China\tstate\t\t3\t2\tno\n"
                          "Japan\tstate\t\t3\t2\tno\n"
                          "Olek Varnavin\tofficial\tRussia\t2\t2\tyes\n"
                          "Russia\tstate\t\t1\t1\tno\n");
    char *entries = relgraph_actor_census_discovered(census, &len);
    cr_assert_eq(len, strlen(entries));
    cr_assert(g_str_has_prefix(entries, "# Actors named with a title"), "%s", entries);
    cr_assert(g_str_has_suffix(entries, "\n\n# 2 mentions in 2 documents, first in b\n"
                                        "actor Olek Varnavin  official\n"
                                        "  member_of Russia\n\n"),
              "%s", entries);
    g_free(entries);
    g_free(tsv);
    relgraph_actor_census_free(census);
    relgraph_rules_free(rules);
}
