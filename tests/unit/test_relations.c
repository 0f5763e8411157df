/* Relation rules: parsing (with file:line:col errors) and matching. */
#include <criterion/criterion.h>

#include "rules_fixture.h"

static const char base_rules[] =
    "define @title = foreign minister | president | leader | spokesman\n"
    "define @trip = visit | trip | journey\n"
    "hedge may | not | if | deny*\n"
    "relation visit directed cooperative\n"
    "  {src:official|state} ..2 visit* [the] {dst:state}\n"
    "  {src} ['s] ..3 @trip to {dst:state}\n"
    "  @trip to {dst:state} by {src}\n"
    "relation meet symmetric cooperative\n"
    "  {src} met [with] {dst}\n"
    "  {pair} (held | hold) talks\n"
    "relation invite directed cooperative\n"
    "  {dst} (was | were) invited by {src}\n"
    "relation veto directed conflictual\n"
    "  {src} vetoed ..5 {dst:institution}\n"
    "relation member_of directed neutral\n"
    "  {dst:state|institution} ['s] @title {src:official}\n"
    "  {dst:state} ambassador to {any} {src:official}\n";

static RelgraphRules *rules;

static void setup(void)
{
    char *message = NULL;
    rules = fixture_rules(base_rules, &message);
    cr_assert_not_null(rules, "rules failed to load: %s", message ? message : "?");
    g_free(message);
}

static void teardown(void)
{
    relgraph_rules_free(rules);
}

static void expect(const char *text, const char *expected)
{
    char *got = fixture_extract(rules, text, RELGRAPH_HEDGED_DROP);
    cr_expect_str_eq(got, expected, "text: %s", text);
    g_free(got);
}

TestSuite(relations, .init = setup, .fini = teardown);

Test(relations, word_forms_and_optional_words)
{
    expect("Zhao Leji visited Pyongyang last week.", "Zhao Leji visit North Korea");
    expect("Zhao Leji also visits the DPRK.", "Zhao Leji visit North Korea");
    expect("Zhao Leji admired Pyongyang.", "");
    expect("Zhao Leji admired and then visited Pyongyang.", "");
}

Test(relations, bounded_gap_and_possessive)
{
    expect("Sergey Lavrov's two-day trip to Beijing ended.", "Sergei Lavrov visit China");
    /* Four words between the actor and "trip" is more than ..3 allows. */
    expect("Sergey Lavrov began a long two-day trip to Beijing.", "");
}

Test(relations, gap_never_skips_an_actor)
{
    /* "Russia" stands between: the visitor is Russia, not China. */
    expect("China says Russia's trip to Pyongyang matters.", "Russia visit North Korea");
}

Test(relations, trigger_words_before_and_at_the_start_of_a_match)
{
    /* A pattern is tried only before the last of its trigger words: here
     * "visit" also comes earlier, and "trip" is the match's first word. */
    expect("A visit ended before Zhao Leji visited Pyongyang.", "Zhao Leji visit North Korea");
    expect("Later the trip to Beijing by Sergey Lavrov ended.", "Sergei Lavrov visit China");
}

Test(relations, long_sentences_match_as_short_ones)
{
    /* Past a thousand tokens the matcher's arrays come from the heap. */
    GString *text = g_string_new("Zhao Leji visited Pyongyang");
    for (guint i = 0; i < 1500; i++)
        g_string_append(text, " again");
    g_string_append(text, " as Sergey Lavrov visited Beijing.");
    expect(text->str, "Sergei Lavrov visit China\nZhao Leji visit North Korea");
    g_string_free(text, TRUE);
}

Test(relations, reversed_order)
{
    expect("A trip to Pyongyang by Zhao Leji was announced.", "Zhao Leji visit North Korea");
    expect("Kim Jong Un was invited by Beijing.", "China invite Kim Jong Un");
}

Test(relations, symmetric_relations_are_in_canonical_order)
{
    expect("Sergei Lavrov met with Wang Yi.", "Sergei Lavrov meet Wang Yi");
    expect("Wang Yi met Sergei Lavrov.", "Sergei Lavrov meet Wang Yi");
}

Test(relations, coordination_fills_a_slot_with_every_member)
{
    expect("China and Russia vetoed a draft of the Security Council.",
           "China veto UN Security Council\nRussia veto UN Security Council");
    expect("China, Russia and North Korea held talks.",
           "China meet North Korea\nChina meet Russia\nNorth Korea meet Russia");
}

Test(relations, comma_alone_is_not_a_list)
{
    /* "Kim Jong Un, Russia ..." is an apposition-like run, not a list. */
    expect("Wang Yi, Russia vetoed a draft of the Security Council.",
           "Russia veto UN Security Council");
}

Test(relations, titles_before_a_slot)
{
    expect("Japan hosted talks as Chinese Foreign Minister Wang Yi met Sergei Lavrov.",
           "Sergei Lavrov meet Wang Yi\nWang Yi member_of China");
}

Test(relations, anonymous_slot)
{
    expect("Chinese Ambassador to North Korea Wang Yi spoke.", "Wang Yi member_of China");
}

Test(relations, hedged_statements_are_dropped_or_kept)
{
    expect("Zhao Leji may visit Pyongyang.", "");
    expect("Zhao Leji did not visit Pyongyang.", "");
    expect("If Zhao Leji visits Pyongyang, Russia objects.", "");
    char *kept = fixture_extract(rules, "Zhao Leji may visit Pyongyang.", RELGRAPH_HEDGED_KEEP);
    cr_expect_str_eq(kept, "Zhao Leji visit North Korea");
    g_free(kept);
}

Test(relations, slot_type_constraint)
{
    /* {dst:state}: the ministry is an institution, so no visit. */
    expect("Zhao Leji visited the Chinese Foreign Ministry.", "Chinese Foreign Ministry member_of China");
}

/* ---- parse errors ----------------------------------------------------- */

static void expect_error(const char *rules_text, const char *fragment)
{
    char *message = NULL;
    RelgraphRules *bad = fixture_rules(rules_text, &message);
    cr_expect_null(bad, "rules should not load: %s", rules_text);
    cr_expect_not_null(message);
    if (message)
        cr_expect(strstr(message, fragment) != NULL, "expected \"%s\" in \"%s\"", fragment, message);
    relgraph_rules_free(bad);
    g_free(message);
}

Test(relations_errors, every_error_has_file_line_and_column)
{
    expect_error("relation visit directed\n  {src} visit* (to | {dst}\n", "test.rules:2:");
    expect_error("relation visit directed\n  {src} {dst} (visit*\n", "test.rules:2:15: error: unclosed '('");
    expect_error("relation visit directed\n  {src} visit* {dst:country}\n", "test.rules:2:21: error: unknown actor type \"country\"");
    expect_error("relation visit sideways\n", "test.rules:1:16: error: expected directed or symmetric");
    expect_error("relation visit directed cheerful\n", "test.rules:1:25: error: unknown polarity");
    expect_error("relation visit directed\n  {src} visit* @nowhere {dst}\n", "test.rules:2:16: error: unknown macro \"@nowhere\"");
    expect_error("relation visit directed\n  {src} visit*\n", "exactly one {src} and one {dst}");
    expect_error("relation visit directed\n  {pair} visit*\n", "only allowed in a symmetric relation");
    expect_error("relation visit directed\n  {src} vis*it {dst}\n", "'*' may only end a word");
    expect_error("relation visit directed\n  {src} ..0 {dst}\n", "a gap ..N needs");
    expect_error("  {src} visit {dst}\n", "test.rules:1:3: error: pattern outside of a relation");
    expect_error("relation visit directed\nrelation visit directed\n", "already declared at");
    expect_error("relation visit directed\n  {src} visit {dst} | {src} go {dst}\n", "alternatives need parentheses");
    expect_error("frobnicate\n", "test.rules:1:1: error: unknown directive \"frobnicate\"");
}

Test(relations_errors, all_errors_are_reported_not_just_the_first)
{
    char *message = NULL;
    RelgraphRules *bad = fixture_rules("relation a sideways\nrelation b directed\n  {src} x (y {dst}\n", &message);
    cr_assert_null(bad);
    cr_expect(strstr(message, "test.rules:1:") != NULL);
    cr_expect(strstr(message, "test.rules:3:") != NULL);
    g_free(message);
}

/* Groups nested beyond any pattern a person writes are refused with a
 * position, not followed until the stack runs out. */
Test(relations_errors, deep_nesting_is_refused_not_followed)
{
    const guint depth = 100000;
    GString *text = g_string_new("relation meet symmetric\n  {pair} ");
    for (guint i = 0; i < depth; i++)
        g_string_append_c(text, i % 2 ? '[' : '(');
    g_string_append(text, "met");
    for (guint i = depth; i > 0; i--)
        g_string_append_c(text, (i - 1) % 2 ? ']' : ')');
    g_string_append(text, "\n");
    /* (not expect_error: the assertion messages would carry 100 KB) */
    char *message = NULL;
    RelgraphRules *bad = fixture_rules(text->str, &message);
    cr_expect_null(bad);
    cr_expect(message && strstr(message, "test.rules:2:43: error: groups ( ) or [ ] nested more than 32 deep"));
    relgraph_rules_free(bad);
    g_free(message);
    g_string_assign(text, "define @deep = ");
    for (guint i = 0; i < depth; i++)
        g_string_append_c(text, '(');
    g_string_append(text, "x");
    for (guint i = 0; i < depth; i++)
        g_string_append_c(text, ')');
    g_string_append(text, "\n");
    message = NULL;
    bad = fixture_rules(text->str, &message);
    cr_expect_null(bad);
    cr_expect(message && strstr(message, "test.rules:1:48: error: groups ( ) or [ ] nested more than 32 deep"));
    relgraph_rules_free(bad);
    g_free(message);
    g_string_free(text, TRUE);
    /* 32 levels are still a pattern. */
    GString *ok = g_string_new("relation meet symmetric\n  {pair} ");
    for (guint i = 0; i < 32; i++)
        g_string_append_c(ok, '(');
    g_string_append(ok, "met");
    for (guint i = 0; i < 32; i++)
        g_string_append_c(ok, ')');
    g_string_append(ok, "\n");
    message = NULL;
    RelgraphRules *fine = fixture_rules(ok->str, &message);
    cr_expect_not_null(fine, "32 levels should load: %s", message ? message : "");
    relgraph_rules_free(fine);
    g_free(message);
    g_string_free(ok, TRUE);
}

/* A pattern whose gaps multiply is warned about where it is written, and a
 * search that runs out of steps is counted against its rule, not silently
 * taken for "no match". */
Test(relations_errors, search_budget_is_warned_at_load_and_counted_at_run_time)
{
    const char *text = "relation meet symmetric\n  {src} ..9 ..9 ..9 ..9 met {dst}\n  {src} ..9 met {dst}\n";
    const char *files[] = {"test.actors", fixture_actors, "test.rules", text, NULL};
    char *dir = fixture_dir(files);
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    RelgraphRules *r = relgraph_rules_load(dir, diagnostics, NULL);
    cr_assert_not_null(r);
    cr_expect_eq(diagnostics->len, 1, "one warning: the four gaps, not the one");
    if (diagnostics->len)
        cr_expect(strstr(((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, 0))->message,
                         "test.rules:2:3: warning: its gaps can be placed in 1000 ways") != NULL);
    g_ptr_array_set_size(diagnostics, 0);
    /* Nothing searched yet: nothing to report. */
    relgraph_relations_budget_report(r->relations, diagnostics);
    cr_expect_eq(diagnostics->len, 0);
    char *got = fixture_extract(r, "China a b c d e f g h i j k l m n o p q r s t u v w x y z met nobody, Russia said.",
                                RELGRAPH_HEDGED_DROP);
    cr_expect_str_eq(got, "");
    g_free(got);
    relgraph_relations_budget_report(r->relations, diagnostics);
    cr_expect_eq(diagnostics->len, 1);
    if (diagnostics->len)
        cr_expect(strstr(((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, 0))->message,
                         "test.rules:2:3: warning: this pattern gave up 1 time after 512 steps") != NULL);
    g_ptr_array_unref(diagnostics);
    relgraph_rules_free(r);
    fixture_dir_remove(dir);
}

/* ---- lookahead, single slots, external relations, speech ------------- */

static const char feature_rules[] =
    "define @title = foreign minister | president | leader | official\n"
    "hedge not | no\n"
    "speech said | told\n"
    "relation visit directed cooperative external\n"
    "  {src:official|state} ..3 visited {dst:state}\n"
    "relation support directed cooperative\n"
    "  {src} ..2 backs {dst}\n"
    "relation meet symmetric cooperative\n"
    "  {src} met {dst}\n"
    "relation member_of directed neutral\n"
    "  {dst:state} @title {src:official single}\n"
    "  {src:official} , {dst:state} 's @title !{any}\n"
    "  {src:official} joined {dst:state} !(as observer)\n";

static void expect_with(const char *rules_text, const char *text, const char *expected)
{
    char *message = NULL;
    RelgraphRules *r = fixture_rules(rules_text, &message);
    cr_assert_not_null(r, "rules failed to load: %s", message ? message : "?");
    char *got = fixture_extract(r, text, RELGRAPH_HEDGED_DROP);
    cr_expect_str_eq(got, expected, "text: %s", text);
    g_free(got);
    g_free(message);
    relgraph_rules_free(r);
}

Test(relations_features, negated_lookahead_consumes_nothing)
{
    expect_with(feature_rules, "Wang Yi, China's foreign minister, spoke.", "Wang Yi member_of China");
    /* A name right after the title: a caption list, not an apposition. */
    expect_with(feature_rules, "Sergei Lavrov, China's president Kim Jong Un.", "");
    expect_with(feature_rules, "Kim Jong Un joined Russia in May.", "Kim Jong Un member_of Russia");
    expect_with(feature_rules, "Kim Jong Un joined Russia as observer.", "");
}

Test(relations_features, single_slot_takes_no_list)
{
    expect_with(feature_rules, "Chinese leader Wang Yi and Kim Jong Un arrived.", "Wang Yi member_of China");
}

Test(relations_features, external_relation_never_links_an_actor_to_its_own_state)
{
    expect_with(feature_rules, "Zhao Leji visited Beijing.", "");
    expect_with(feature_rules, "Zhao Leji visited Moscow.", "Zhao Leji visit Russia");
}

Test(relations_features, gaps_never_cross_speech_verbs_or_commas)
{
    /* (the speaker is not the subject of what it reports; "Moscow said it
     * backs ..." is Moscow again, through a reference: test_discover.c) */
    expect_with(feature_rules, "Moscow said Beijing backs Pyongyang.", "China support North Korea");
    expect_with(feature_rules, "Moscow said this backs Pyongyang.", "");
    expect_with(feature_rules, "Moscow openly backs Pyongyang.", "Russia support North Korea");
    expect_with(feature_rules, "Moscow, analysts think, backs Pyongyang.", "");
}

Test(relations_features, appositions_and_relative_clauses_after_a_slot)
{
    expect_with(feature_rules, "Zhao Leji, China's official, met Kim Jong Un.",
                "Kim Jong Un meet Zhao Leji\nZhao Leji member_of China");
    expect_with(feature_rules, "Zhao Leji, who flew in from Moscow on Monday, met Kim Jong Un.",
                "Kim Jong Un meet Zhao Leji");
}

Test(relations_features, capitalised_hedge_words_inside_a_clause_are_names)
{
    /* "No." and the month "May" are not hedges; at a clause start they are. */
    expect_with("hedge no\nrelation member_of directed neutral\n  {dst:state} 's no 3 {src:official}\n",
                "China's No. 3 Zhao Leji spoke.", "Zhao Leji member_of China");
    const char *may = "hedge may\nrelation visit directed cooperative\n  {src} [may] visited {dst} ..3\n";
    expect_with(may, "Zhao Leji visited Moscow in May 2024.", "Zhao Leji visit Russia");
    expect_with(may, "Zhao Leji may visited Moscow.", "");
    expect_with("hedge if\nrelation arms directed conflictual\n  {src} sells arms to {dst}\n",
                "Analysts said, \"If Moscow sells arms to Pyongyang, ...\"", "");
    expect_with(feature_rules, "Moscow does not back Pyongyang.", "");
}

Test(relations_errors, lookahead_and_relation_options)
{
    expect_error("relation visit directed\n  {src} visit* !{dst} {dst}\n", "test.rules:2:16: error: only {any} can be negated");
    expect_error("relation visit directed\n  {src} visit* ! {dst}\n", "'!' must be followed by");
    expect_error("relation visit directed neutral sideways\n", "test.rules:1:33: error: unexpected \"sideways\"");
}

/* Rule sets past 64 patterns: a sentence meets only the patterns its words
 * trigger, wherever they are in the set, and a mention two patterns give
 * is credited to the first in load order. */
Test(relations_features, large_rule_sets_keep_load_order)
{
    GString *text = g_string_new("relation visit directed cooperative\n");
    guint line = 1, first_praise = 0;
    for (guint i = 0; i < 150; i++) {
        line++;
        if (i == 70) {
            g_string_append(text, "  {src} praised {dst}\n");
            first_praise = line;
        } else if (i == 140) {
            g_string_append(text, "  {src} praised [warmly] {dst}\n");
        } else {
            g_string_append_printf(text, "  {src} filler%u {dst}\n", i);
        }
    }
    g_string_append(text, "relation criticize directed conflictual\n  {src} scolded {dst}\n");
    char *message = NULL;
    RelgraphRules *r = fixture_rules(text->str, &message);
    cr_assert_not_null(r, "rules failed to load: %s", message ? message : "?");

    const char *sentence = "China praised Russia. Japan scolded China. Russia filler3 Japan.";
    RelgraphDocument *doc = relgraph_document_new("doc", "doc.txt", sentence, strlen(sentence));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphExtractResult *result = relgraph_extract_document(r, doc, &options);
    cr_assert_eq(result->relations->len, 3u);
    char *want_rule = g_strdup_printf("test.rules:%u", first_praise);
    const char *want[][2] = {{"visit", want_rule}, {"criticize", "test.rules:153"}, {"visit", "test.rules:5"}};
    for (guint i = 0; i < 3; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        cr_expect_str_eq(m->relation->name, want[i][0]);
        cr_expect(g_str_has_suffix(m->rule, want[i][1]), "mention %u credited to %s, not %s", i, m->rule, want[i][1]);
    }
    g_free(want_rule);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    relgraph_rules_free(r);
    g_string_free(text, TRUE);
    g_free(message);
}
