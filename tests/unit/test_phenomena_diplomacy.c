/* Diplomacy phenomena (visit, meet, invite): each class of sentence with
 * sentences that say it and sentences that only look like it. The sentences
 * are invented for these tests and run against the shipped rules/. */
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

TestSuite(phenomena_diplomacy, .init = setup, .fini = teardown);

Test(phenomena_diplomacy, guest_of_talks_visits_the_place)
{
    const char *talks = "Xi Jinping held talks with Vladimir Putin in Beijing on Monday.";
    expect_has(talks, "Vladimir Putin visit China");
    expect_has("Wang Yi held talks with the Foreign Minister of the Democratic People's Republic of Korea (DPRK) Choe Son Hui in Beijing.",
               "Choe Son Hui visit China");
    /* The host at home is no visitor, and a guest at home neither. */
    expect_not(talks, "Xi Jinping visit China");
    expect_not("Xi Jinping held talks with Kim Jong Un in Pyongyang.", "Kim Jong Un visit North Korea");
}

Test(phenomena_diplomacy, vehicles_carry_their_passenger)
{
    expect_has("Vladimir Putin's plane landed in Pyongyang late on Tuesday.", "Vladimir Putin visit North Korea");
    expect_has("Kim Jong Un's armoured train arrived in Russia.", "Kim Jong Un visit Russia");
    expect_has("Volodymyr Zelensky's motorcade departed the White House.", "Volodymyr Zelensky visit United States");
    /* A plane that is not someone's, or a leader leaving home, is no visit. */
    expect_not("A Russian plane landed in Pyongyang.", "Russia visit North Korea");
    expect_not("Kim Jong Un's train left Pyongyang.", "Kim Jong Un visit North Korea");
}

Test(phenomena_diplomacy, unnamed_officials_of_two_states_meet)
{
    expect_has("Japanese and South Korean officials met in Tokyo on Monday.", "Japan meet South Korea");
    expect_has("During his talks with Vietnamese leaders, Xi Jinping praised the ties.", "Vietnam meet Xi Jinping");
    /* Talking about officials is not meeting them. */
    expect_not("Japanese and South Korean officials said the talks failed.", "Japan meet South Korea");
}
