/* A complete rule set loaded from a rules directory. */
#include "relgraph/rules.h"

#include <string.h>

#include "relgraph/rulefile.h"

const char *relgraph_rules_default_dir(void)
{
    const char *env = g_getenv("RELGRAPH_RULES");
    if (env && *env)
        return env;
    if (g_file_test(RELGRAPH_SOURCE_RULES_DIR, G_FILE_TEST_IS_DIR))
        return RELGRAPH_SOURCE_RULES_DIR;
    return RELGRAPH_INSTALL_RULES_DIR;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects rule files under dir, recursively; hidden entries are skipped. */
static gboolean collect(const char *dir, GPtrArray *files, guint depth, GError **error)
{
    if (depth > 32) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: directories nested too deep", dir);
        return FALSE;
    }
    GError *local = NULL;
    GDir *d = g_dir_open(dir, 0, &local);
    if (!d) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", dir, local->message);
        g_error_free(local);
        return FALSE;
    }
    const char *name;
    gboolean ok = TRUE;
    while (ok && (name = g_dir_read_name(d))) {
        if (name[0] == '.')
            continue;
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            ok = collect(path, files, depth + 1, error);
            g_free(path);
        } else if (g_str_has_suffix(name, ".actors") || g_str_has_suffix(name, ".rules")) {
            g_ptr_array_add(files, path);
        } else {
            g_free(path);
        }
    }
    g_dir_close(d);
    return ok;
}

RelgraphRules *relgraph_rules_load(const char *dir, GPtrArray *diagnostics, GError **error)
{
    GPtrArray *diags = diagnostics ? g_ptr_array_ref(diagnostics) : relgraph_diagnostics_new();
    RelgraphRules *rules = relgraph_rules_load_all(dir, diags, error);
    if (rules && !relgraph_diagnostics_to_error(diags, error)) {
        relgraph_rules_free(rules);
        rules = NULL;
    }
    g_ptr_array_unref(diags);
    return rules;
}

RelgraphRules *relgraph_rules_load_all(const char *dir, GPtrArray *diagnostics, GError **error)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    if (g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        if (!collect(dir, files, 0, error)) {
            g_ptr_array_unref(files);
            return NULL;
        }
    } else if (g_file_test(dir, G_FILE_TEST_EXISTS)) {
        g_ptr_array_add(files, g_strdup(dir));
    } else {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: no such rules directory", dir);
        g_ptr_array_unref(files);
        return NULL;
    }
    g_ptr_array_sort(files, compare_paths);

    RelgraphRules *rules = g_new0(RelgraphRules, 1);
    rules->files = files;
    rules->lexicon = relgraph_lexicon_new();
    rules->dictionary = relgraph_dictionary_new(rules->lexicon);
    rules->relations = relgraph_relations_new(rules->lexicon, rules->dictionary);
    /* Locations in outputs start at the rules directory's own name
     * ("rules/relations/diplomacy.rules:12"), wherever it lives. */
    char *trimmed = g_strdup(dir);
    while (strlen(trimmed) > 1 && g_str_has_suffix(trimmed, "/"))
        trimmed[strlen(trimmed) - 1] = '\0';
    char *base = g_path_get_dirname(trimmed);
    char *prefix = strcmp(base, ".") == 0 ? g_strdup("") : g_strconcat(base, "/", NULL);
    relgraph_dictionary_set_location_prefix(rules->dictionary, prefix);
    relgraph_relations_set_location_prefix(rules->relations, prefix);
    g_free(prefix);
    g_free(base);
    g_free(trimmed);

    GPtrArray *diags = diagnostics;
    gboolean ok = TRUE;
    guint n_actors = 0, n_rules = 0;
    /* Actors first: relation rules may refer to them. */
    for (guint i = 0; ok && i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        if (g_str_has_suffix(path, ".actors")) {
            ok = relgraph_dictionary_load(rules->dictionary, path, diags, error);
            n_actors++;
        }
    }
    if (ok)
        relgraph_dictionary_finish(rules->dictionary, diags);
    for (guint i = 0; ok && i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        if (!g_str_has_suffix(path, ".actors")) {
            ok = relgraph_relations_load(rules->relations, path, diags, error);
            n_rules++;
        }
    }
    if (ok && n_actors + n_rules == 0) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                    "%s: no *.actors or *.rules files found", dir);
        ok = FALSE;
    }
    if (!ok) {
        relgraph_rules_free(rules);
        return NULL;
    }
    return rules;
}

void relgraph_rules_free(RelgraphRules *rules)
{
    if (!rules)
        return;
    relgraph_relations_free(rules->relations);
    relgraph_dictionary_free(rules->dictionary);
    relgraph_lexicon_free(rules->lexicon);
    g_ptr_array_unref(rules->files);
    g_free(rules);
}
