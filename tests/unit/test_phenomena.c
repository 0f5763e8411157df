/* The language phenomena the default rules must handle, each with sentences
 * that say it and sentences that only look like it. The sentences are
 * invented for these tests (none is taken from seeds/), and they run
 * against the shipped rules/ directory, so a rule change that breaks a
 * phenomenon fails here. */
#include <criterion/criterion.h>

#include "rules_fixture.h"

static RelgraphRules *rules;

static void setup(void)
{
    GError *error = NULL;
    rules = relgraph_rules_load(RELGRAPH_SOURCE_DIR "/rules", NULL, &error);
    cr_assert_not_null(rules, "default rules failed to load: %s", error ? error->message : "?");
}

static void teardown(void)
{
    relgraph_rules_free(rules);
}

/* TRUE when the "source relation target" line is among the extracted ones. */
static gboolean has_line(const char *lines, const char *line)
{
    gsize n = strlen(line);
    for (const char *p = lines; (p = strstr(p, line)) != NULL; p += n)
        if ((p == lines || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
            return TRUE;
    return FALSE;
}

static void expect_has(const char *text, const char *line)
{
    char *got = fixture_extract(rules, text, RELGRAPH_HEDGED_DROP);
    cr_expect(has_line(got, line), "expected \"%s\" from: %s\ngot:\n%s", line, text, got);
    g_free(got);
}

static void expect_not(const char *text, const char *line)
{
    char *got = fixture_extract(rules, text, RELGRAPH_HEDGED_DROP);
    cr_expect(!has_line(got, line), "did not expect \"%s\" from: %s\ngot:\n%s", line, text, got);
    g_free(got);
}

/* Nothing but member_of lines (titles are facts even in a hedged clause). */
static void expect_no_relation(const char *text, RelgraphHedgedPolicy policy)
{
    char *got = fixture_extract(rules, text, policy);
    char **lines = g_strsplit(got, "\n", -1);
    for (char **l = lines; *l; l++)
        cr_expect(**l == '\0' || strstr(*l, " member_of "), "unexpected \"%s\" from: %s", *l, text);
    g_strfreev(lines);
    g_free(got);
}

TestSuite(phenomena, .init = setup, .fini = teardown);

Test(phenomena, coordination_gives_every_subject_and_every_pair)
{
    const char *both = "Russia and China both sent delegations to Pyongyang.";
    expect_has(both, "Russia visit North Korea");
    expect_has(both, "China visit North Korea");
    const char *pact = "Japan, South Korea and the United States have forged a new pact.";
    expect_has(pact, "Japan cooperate South Korea");
    expect_has(pact, "Japan cooperate United States");
    expect_has(pact, "South Korea cooperate United States");
    /* Members with their own titles: the list still holds both people. */
    expect_has("Sergei Lavrov and Russian Defense Minister Sergei Shoigu both visited Beijing.",
               "Sergei Lavrov visit China");
    /* Not a list: the third country only strengthens its own army. */
    const char *watch = "China and Russia watched as North Korea strengthened its army.";
    expect_not(watch, "China cooperate North Korea");
    expect_not(watch, "China cooperate Russia");
    /* "A, and B ...": two clauses, not a list of visitors. */
    const char *clauses = "The talks were held in Moscow, and Chinese Premier Li Qiang's trip to Pyongyang followed.";
    expect_has(clauses, "Li Qiang visit North Korea");
    expect_not(clauses, "Russia visit North Korea");
}

Test(phenomena, passive_and_reversed_order)
{
    expect_has("Zhao Leji arrived in Moscow on Monday. Zhao was invited by Pyongyang.",
               "North Korea invite Zhao Leji");
    expect_has("A visit to Pyongyang by Zhao Leji was announced.", "Zhao Leji visit North Korea");
    /* The inviting side is not the one invited. */
    expect_not("Zhao Leji was invited by Pyongyang.", "Zhao Leji invite North Korea");
    expect_not("Zhao Leji invited reporters to a dinner in Pyongyang.", "Zhao Leji invite North Korea");
}

Test(phenomena, possessive_and_nominal_forms)
{
    expect_has("Sergei Lavrov's trip to Beijing was brief.", "Sergei Lavrov visit China");
    expect_has("Zhao Leji spoke first. Zhao's visit to Pyongyang lasted three days.", "Zhao Leji visit North Korea");
    expect_has("Kim Jong Un spoke. The Kim-Putin summit ended without a statement.", "Kim Jong Un meet Vladimir Putin");
    /* A possessive that is not a trip. */
    expect_no_relation("China's travel warning for North Korea stands.", RELGRAPH_HEDGED_KEEP);
}

Test(phenomena, titles_and_appositions_give_affiliation)
{
    const char *titled = "Chinese Foreign Minister Wang Yi met Sergei Lavrov on Tuesday.";
    expect_has(titled, "Wang Yi member_of China");
    expect_has(titled, "Sergei Lavrov meet Wang Yi"); /* the person fills the slot, not "Chinese" */
    expect_not(titled, "China meet Sergei Lavrov");
    expect_has("North Korea's Foreign Ministry issued a statement.", "North Korean Foreign Ministry member_of North Korea");
    const char *appos = "Zhao Leji, China's No. 3 official, visited Pyongyang.";
    expect_has(appos, "Zhao Leji member_of China"); /* "No." is not a negation here */
    expect_has(appos, "Zhao Leji visit North Korea");
    /* "the Foreign Ministry" is the ministry of the person just named. */
    expect_has("Mao Ning, the Foreign Ministry spokeswoman, rejected the claim.",
               "Mao Ning member_of Chinese Foreign Ministry");
    /* With two foreign ministries in the document it names neither. */
    const char *two = "Wang Yi met Choe Son Hui. Mao Ning, the Foreign Ministry spokeswoman, spoke later.";
    expect_not(two, "Mao Ning member_of Chinese Foreign Ministry");
    expect_not(two, "Mao Ning member_of North Korean Foreign Ministry");
    /* Caption lists: each person keeps their own title. */
    const char *caption = "From left, Russian President Vladimir Putin, Chinese President Xi Jinping and "
                          "North Korean leader Kim Jong Un.";
    expect_has(caption, "Xi Jinping member_of China");
    expect_not(caption, "Xi Jinping member_of Russia");
    expect_not(caption, "Vladimir Putin member_of China");
}

Test(phenomena, short_names_need_the_full_name_first)
{
    expect_has("Zhao Leji landed at noon. Later, Zhao met Kim Jong Un.", "Kim Jong Un meet Zhao Leji");
    expect_not("Zhao met Kim Jong Un.", "Kim Jong Un meet Zhao Leji");
    /* Two Kims named: a bare "Kim" is nobody. */
    const char *two = "Kim Jong Un and Kim Yo Jong attended the parade. Kim met Vladimir Putin.";
    expect_not(two, "Kim Jong Un meet Vladimir Putin");
    expect_not(two, "Kim Yo Jong meet Vladimir Putin");
}

Test(phenomena, negation_and_hypotheticals_are_not_facts)
{
    const char *hedged[] = {
        "North Korea did not send weapons to Russia.",
        "Moscow denied sending weapons to Pyongyang.",
        "Xi Jinping may visit Pyongyang next year.",
        "If North Korea receives aid from Russia, the talks end.",
        "Japan never imposed sanctions on Russia.",
    };
    for (guint i = 0; i < G_N_ELEMENTS(hedged); i++)
        expect_no_relation(hedged[i], RELGRAPH_HEDGED_DROP);
    /* --hedged=keep keeps them (marked), so the analyst can see them. */
    char *kept = fixture_extract(rules, "Moscow denied sending weapons to Pyongyang.", RELGRAPH_HEDGED_KEEP);
    cr_expect(has_line(kept, "Russia arms North Korea"), "got: %s", kept);
    g_free(kept);
    /* A denial long before, in another clause, does not reach the fact. */
    expect_has("Moscow denied the report, but photos showed the flow of arms from North Korea to Russia.",
               "North Korea arms Russia");
}

Test(phenomena, reported_speech_does_not_make_the_speaker_the_subject)
{
    const char *said = "Sergei Lavrov said Beijing backs Pyongyang.";
    expect_has(said, "China support North Korea");
    expect_not(said, "Sergei Lavrov support North Korea");
    expect_not("Sergei Lavrov told reporters that aid to Pyongyang would continue.", "Sergei Lavrov support North Korea");
    expect_not("Wang Yi said talks would strengthen ties with Moscow.", "Russia cooperate Wang Yi");
}
