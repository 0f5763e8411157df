/* The mentions table (mentions.c): relgraph extract's TSV rows. */
#include <criterion/criterion.h>

#include "relgraph/mentions.h"
#include "rules_fixture.h"

static const char fixture_relations[] = "relation criticize directed\n"
                                        "  {src} [may] criticized {dst}\n"
                                        "hedge may\n";

Test(mentions, header_and_rows_with_escaped_fields)
{
    char *message = NULL;
    RelgraphRules *rules = fixture_rules(fixture_relations, &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    const char text[] = "Japan criticized North Korea.\tIn a second\nsentence, Russia may criticized China.";
    RelgraphDocument *doc = relgraph_document_new("d1", "d1.txt", text, strlen(text));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_KEEP};
    RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
    cr_assert_eq(result->relations->len, 2u);
    GString *out = g_string_new(NULL);
    relgraph_mentions_append_header(out, TRUE);
    for (guint i = 0; i < result->relations->len; i++)
        relgraph_mentions_append_row(out, doc, result, i, TRUE);
    GStrv lines = g_strsplit(out->str, "\n", -1);
    cr_assert_eq(g_strv_length(lines), 4u, "%s", out->str);
    cr_assert_str_eq(lines[0], "doc\tsource\trelation\ttarget\tsentence\tevidence\trule\thedged");
    GStrv first = g_strsplit(lines[1], "\t", -1), second = g_strsplit(lines[2], "\t", -1);
    cr_assert_eq(g_strv_length(first), 8u);
    cr_assert_str_eq(first[0], "d1");
    cr_assert_str_eq(first[1], "Japan");
    cr_assert_str_eq(first[2], "criticize");
    cr_assert_str_eq(first[3], "North Korea");
    cr_assert_str_eq(first[4], "0");
    cr_assert_str_eq(first[5], "Japan criticized North Korea.");
    cr_assert(g_str_has_suffix(first[6], "test.rules:2"), "%s", first[6]);
    cr_assert_str_eq(first[7], "no");
    cr_assert_eq(g_strv_length(second), 8u, "the newline in the sentence is escaped: %s", lines[2]);
    cr_assert_str_eq(second[1], "Russia");
    cr_assert_str_eq(second[4], "1");
    cr_assert_null(strchr(second[5], '\n'));
    cr_assert_str_eq(second[7], "yes");
    g_strfreev(first);
    g_strfreev(second);
    g_strfreev(lines);

    /* Without the hedged column. */
    g_string_truncate(out, 0);
    relgraph_mentions_append_header(out, FALSE);
    relgraph_mentions_append_row(out, doc, result, 0, FALSE);
    cr_assert(g_str_has_prefix(out->str, "doc\tsource\trelation\ttarget\tsentence\tevidence\trule\nd1\tJapan\t"));
    cr_assert(g_str_has_suffix(out->str, "test.rules:2\n"), "%s", out->str);
    g_string_free(out, TRUE);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    relgraph_rules_free(rules);
}
