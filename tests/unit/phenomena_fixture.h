/* Test helper for the phenomena tests: a rule set (the shipped rules/
 * unless a test file loads its own into `rules`), and checks that the
 * "source relation target" lines extracted from a sentence hold a line or
 * do not. */
#ifndef RELGRAPH_TEST_PHENOMENA_FIXTURE_H
#define RELGRAPH_TEST_PHENOMENA_FIXTURE_H

#include <criterion/criterion.h>

#include "rules_fixture.h"

static RelgraphRules *rules;

G_GNUC_UNUSED static void load_default_rules(void)
{
    GError *error = NULL;
    rules = relgraph_rules_load(RELGRAPH_SOURCE_DIR "/rules", NULL, &error);
    cr_assert_not_null(rules, "default rules failed to load: %s", error ? error->message : "?");
}

G_GNUC_UNUSED static void free_rules(void)
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

G_GNUC_UNUSED static void expect_has(const char *text, const char *line)
{
    char *got = fixture_extract(rules, text, RELGRAPH_HEDGED_DROP);
    cr_expect(has_line(got, line), "expected \"%s\" from: %s\ngot:\n%s", line, text, got);
    g_free(got);
}

G_GNUC_UNUSED static void expect_not(const char *text, const char *line)
{
    char *got = fixture_extract(rules, text, RELGRAPH_HEDGED_DROP);
    cr_expect(!has_line(got, line), "did not expect \"%s\" from: %s\ngot:\n%s", line, text, got);
    g_free(got);
}

#endif
