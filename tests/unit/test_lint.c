/* Lint (lint.h): each check finds its problem at the right file:line:col,
 * and the default rules are clean. */
#include <criterion/criterion.h>

#include "relgraph/lint.h"
#include "rules_fixture.h"

/* Lints the fixture actors plus one rules file; returns all messages
 * joined by '\n' with the temporary directory replaced by "T". */
static char *lint_text(const char *actors, const char *rules_text, guint *errors, guint *warnings)
{
    const char *files[] = {"test.actors", actors ? actors : fixture_actors, "test.rules", rules_text, NULL};
    char *dir = fixture_dir(files);
    GPtrArray *diags = relgraph_diagnostics_new();
    GError *error = NULL;
    guint n_files = 0;
    cr_assert(relgraph_lint(dir, diags, &n_files, &error), "lint failed: %s", error ? error->message : "");
    cr_expect_eq(n_files, 2);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < diags->len; i++) {
        const RelgraphDiagnostic *d = g_ptr_array_index(diags, i);
        char **parts = g_strsplit(d->message, dir, -1);
        char *line = g_strjoinv("T", parts);
        g_string_append_printf(out, "%s\n", line);
        g_free(line);
        g_strfreev(parts);
    }
    *errors = relgraph_diagnostics_count(diags, RELGRAPH_DIAG_ERROR);
    *warnings = relgraph_diagnostics_count(diags, RELGRAPH_DIAG_WARNING);
    g_ptr_array_unref(diags);
    fixture_dir_remove(dir);
    return g_string_free(out, FALSE);
}

static void expect_line(const char *out, const char *line)
{
    cr_expect(strstr(out, line) != NULL, "expected \"%s\" in:\n%s", line, out);
}

static const char clean_rules[] =
    "define @trip = visit | trip\n"
    "hedge may\n"
    "relation visit directed cooperative external\n"
    "  {src} visited {dst:state}\n"
    "  {src} 's @trip to {dst:state}\n";

Test(lint, clean_rules_have_no_diagnostics)
{
    guint e, w;
    char *out = lint_text(NULL, clean_rules, &e, &w);
    cr_expect_str_eq(out, "");
    cr_expect_eq(e + w, 0);
    g_free(out);
}

Test(lint, syntax_and_unknown_names_are_errors)
{
    guint e, w;
    char *out = lint_text(NULL,
                          "vocabulary visit | meet\n"
                          "relation visit directed\n"
                          "  {src} visited {dst} (to | at\n"
                          "  {src} visited {dst:country}\n"
                          "relation vist directed\n"
                          "  {src} visted {dst}\n"
                          "relation meet symmetric\n"
                          "  {pair} @nowhere\n",
                          &e, &w);
    expect_line(out, "T/test.rules:3:23: error: unclosed '('");
    expect_line(out, "T/test.rules:4:22: error: unknown actor type \"country\"");
    expect_line(out, "T/test.rules:5:10: error: unknown relation \"vist\"");
    expect_line(out, "T/test.rules:8:10: error: unknown macro \"@nowhere\"");
    cr_expect_geq(e, 4);
    g_free(out);
}

Test(lint, an_alias_on_two_actors_is_an_error)
{
    guint e, w;
    char *out = lint_text("actor China state\n  alias PRC\nactor Taiwan state\n  alias ROC | PRC\n", clean_rules, &e, &w);
    expect_line(out, "T/test.actors:4:15: error: alias \"PRC\" is ambiguous: it also names \"China\"");
    cr_expect_eq(e, 1);
    g_free(out);
}

Test(lint, a_slot_type_no_actor_has_can_never_match)
{
    guint e, w;
    char *out = lint_text("actor China state\nactor Japan state\n",
                          "relation visit directed\n  {src:official} visited {dst:state}\n  {src} met {dst:institution}\n",
                          &e, &w);
    expect_line(out, "T/test.rules:2:3: error: {src:official} can never be filled");
    expect_line(out, "T/test.rules:3:13: error: {dst:institution} can never be filled");
    cr_expect_eq(e, 2);
    g_free(out);
}

Test(lint, useless_rules_are_warnings)
{
    guint e, w;
    char *out = lint_text(NULL,
                          "define @unused = foo | bar\n"
                          "hedge may | never\n"
                          "relation visit directed\n"
                          "  {src} visited {dst}\n"
                          "  {src}   visited {dst}\n"
                          "  {src} never visited {dst}\n"
                          "relation meet symmetric\n",
                          &e, &w);
    expect_line(out, "T/test.rules:1:8: warning: macro \"@unused\" is never used");
    expect_line(out, "T/test.rules:5:3: warning: duplicate pattern (the same as T/test.rules:4)");
    expect_line(out, "T/test.rules:6:3: warning: the pattern requires the hedge word \"never\"");
    expect_line(out, "T/test.rules:7:1: warning: relation \"meet\" has no patterns");
    cr_expect_eq(e, 0);
    cr_expect_eq(w, 4);
    g_free(out);
}

Test(lint, a_title_discovery_cannot_read_is_a_warning)
{
    guint e, w;
    char *out = lint_text(NULL,
                          "define @title = minister | [deputy] envoy\n"
                          "relation meet symmetric\n"
                          "  {src} met {dst}\n",
                          &e, &w);
    expect_line(out, "T/test.rules:1:8: warning: alternative 2 of @title is not plain words: it titles a slot's "
                     "actor, but discovery and descriptions (\"the minister\") skip it");
    cr_expect_eq(e, 0u);
    cr_expect_eq(w, 1u, "%s", out);
    g_free(out);
}

Test(lint, dead_short_names_and_member_of_loops)
{
    guint e, w;
    char *out = lint_text("actor China state\n"
                          "actor Ministry institution\n  member_of Zhao Leji\n"
                          "actor Zhao Leji official\n  short China\n  member_of Ministry\n",
                          clean_rules, &e, &w);
    expect_line(out, "T/test.actors:5:9: warning: short name \"China\" of Zhao Leji is also an alias of China");
    expect_line(out, "error: member_of loop:");
    cr_expect_eq(e, 1);
    g_free(out);
}

Test(lint, diagnostics_are_sorted_by_file_line_and_column)
{
    guint e, w;
    char *out = lint_text("actor China state\nactor X stat\n",
                          "relation visit directed\n  {src:bad} visited {dst:worse}\n", &e, &w);
    const char *a = strstr(out, "test.actors:2:"), *b = strstr(out, "test.rules:2:8:"), *c = strstr(out, "test.rules:2:");
    cr_assert(a && b && c, "%s", out);
    cr_expect(a < c && c <= b, "actors before rules, columns in order:\n%s", out);
    g_free(out);
}

Test(lint, the_default_rules_have_no_errors)
{
    GPtrArray *diags = relgraph_diagnostics_new();
    guint n_files = 0;
    cr_assert(relgraph_lint(RELGRAPH_SOURCE_DIR "/rules", diags, &n_files, NULL));
    cr_expect_gt(n_files, 3);
    for (guint i = 0; i < diags->len; i++)
        cr_expect_neq(((RelgraphDiagnostic *)g_ptr_array_index(diags, i))->level, RELGRAPH_DIAG_ERROR, "%s",
                      ((RelgraphDiagnostic *)g_ptr_array_index(diags, i))->message);
    g_ptr_array_unref(diags);
}
