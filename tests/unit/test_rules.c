/* A rule set (rules.c): which directory is the default, loading a
 * directory or one file, and what an error in one file does. */
#include <criterion/criterion.h>

#include "relgraph/version.h"
#include "rules_fixture.h"

Test(rules, default_dir_environment_then_set_then_installed)
{
    g_unsetenv("RELGRAPH_RULES");
    relgraph_rules_set_default_dir(NULL);
    char *installed = g_strdup(relgraph_rules_default_dir());
    cr_assert(g_str_has_suffix(installed, "relgraph/rules"), "installed: %s", installed);
    relgraph_rules_set_default_dir("/some/rules");
    cr_assert_str_eq(relgraph_rules_default_dir(), "/some/rules");
    g_setenv("RELGRAPH_RULES", "/env/rules", TRUE);
    cr_assert_str_eq(relgraph_rules_default_dir(), "/env/rules", "the environment wins");
    g_setenv("RELGRAPH_RULES", "", TRUE);
    cr_assert_str_eq(relgraph_rules_default_dir(), "/some/rules", "an empty variable is unset");
    g_unsetenv("RELGRAPH_RULES");
    relgraph_rules_set_default_dir(NULL);
    cr_assert_str_eq(relgraph_rules_default_dir(), installed);
    g_free(installed);
}

Test(rules, version_matches_the_header)
{
    cr_assert_str_eq(relgraph_version(), RELGRAPH_VERSION);
    char *built = g_strdup_printf("%d.%d.%d", RELGRAPH_VERSION_MAJOR, RELGRAPH_VERSION_MINOR, RELGRAPH_VERSION_PATCH);
    cr_assert_str_eq(built, RELGRAPH_VERSION);
    g_free(built);
}

Test(rules, loads_every_file_sorted_and_records_them)
{
    const char *files[] = {"b.rules", "relation meet symmetric\n  {src} met {dst}\n", "a.actors", fixture_actors,
                           "notes.txt", "not a rule file", NULL};
    char *dir = fixture_dir(files);
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(dir, diagnostics, &error);
    cr_assert_not_null(rules, "%s", error ? error->message : "?");
    cr_assert_eq(rules->files->len, 2u, "notes.txt is no rule file");
    cr_assert(g_str_has_suffix(g_ptr_array_index(rules->files, 0), "a.actors"));
    cr_assert(g_str_has_suffix(g_ptr_array_index(rules->files, 1), "b.rules"));
    cr_assert_eq(rules->contents->len, 2u);
    cr_assert_gt(g_bytes_get_size(g_ptr_array_index(rules->contents, 1)), 0u, "the compiled bytes are kept");
    cr_assert_eq(relgraph_relations_count(rules->relations), 1u);
    relgraph_rules_free(rules);
    g_ptr_array_unref(diagnostics);
    fixture_dir_remove(dir);
}

Test(rules, an_error_fails_load_but_not_load_all)
{
    const char *files[] = {"a.actors", fixture_actors, "b.rules", "relation meet symmetric\n  {src} met (\n", NULL};
    char *dir = fixture_dir(files);
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    GError *error = NULL;
    cr_assert_null(relgraph_rules_load(dir, diagnostics, &error));
    cr_assert_not_null(error);
    cr_assert(strstr(error->message, "b.rules:2:") != NULL, "file:line:col: %s", error->message);
    g_clear_error(&error);
    /* Each diagnostic carries its place and text apart from the message. */
    const RelgraphDiagnostic *d = NULL;
    for (guint i = 0; i < diagnostics->len && !d; i++)
        if (((const RelgraphDiagnostic *)g_ptr_array_index(diagnostics, i))->level == RELGRAPH_DIAG_ERROR)
            d = g_ptr_array_index(diagnostics, i);
    cr_assert_not_null(d);
    cr_assert(g_str_has_suffix(d->path, "b.rules"), "%s", d->path);
    cr_assert_eq(d->line, 2u);
    cr_assert_gt(d->col, 0u);
    cr_assert_null(strstr(d->text, "error"), "the text alone: %s", d->text);
    char *place = g_strdup_printf("%s:%u:%u: error: %s", d->path, d->line, d->col, d->text);
    cr_assert_str_eq(d->message, place);
    g_free(place);
    g_ptr_array_set_size(diagnostics, 0);
    RelgraphRules *rules = relgraph_rules_load_all(dir, diagnostics, &error);
    cr_assert_not_null(rules, "load_all keeps going");
    cr_assert_gt(diagnostics->len, 0u);
    cr_assert_eq(relgraph_dictionary_size(rules->dictionary) > 0, TRUE, "the actors were read");
    relgraph_rules_free(rules);
    g_ptr_array_unref(diagnostics);
    cr_assert_null(relgraph_rules_load("/nonexistent/rules", NULL, &error));
    cr_assert_not_null(error);
    g_clear_error(&error);
    fixture_dir_remove(dir);
}
