/* A complete rule set loaded from a rules directory. */
#define _GNU_SOURCE /* dladdr */
#include "relgraph/rules.h"

#include <dlfcn.h>
#include <string.h>

#include "relgraph/corpus.h"
#include "relgraph/rulefile.h"
#include "relgraph/version.h"
#include "wordclass.h"

const char *relgraph_version(void)
{
    return RELGRAPH_VERSION;
}

/* The rules installed with the library: beside the library file that holds
 * this code (so that an install under any prefix finds its own), else
 * where the build was configured to install them. */
static const char *installed_rules_dir(void)
{
    static gsize ready;
    static const char *dir = RELGRAPH_INSTALL_RULES_DIR;
    if (g_once_init_enter(&ready)) {
        Dl_info info;
        if (dladdr((void *)installed_rules_dir, &info) && info.dli_fname && g_path_is_absolute(info.dli_fname)) {
            char *libdir = g_path_get_dirname(info.dli_fname);
            char *beside = g_build_filename(libdir, RELGRAPH_LIBDIR_TO_RULES, NULL);
            char *canonical = g_canonicalize_filename(beside, NULL);
            if (g_file_test(canonical, G_FILE_TEST_IS_DIR))
                dir = canonical; /* kept for the life of the process */
            else
                g_free(canonical);
            g_free(beside);
            g_free(libdir);
        }
        g_once_init_leave(&ready, 1);
    }
    return dir;
}

static char *default_dir; /* set by relgraph_rules_set_default_dir */
G_LOCK_DEFINE_STATIC(default_dir);

void relgraph_rules_set_default_dir(const char *dir)
{
    G_LOCK(default_dir);
    g_free(default_dir);
    default_dir = g_strdup(dir);
    G_UNLOCK(default_dir);
}

const char *relgraph_rules_default_dir(void)
{
    const char *env = g_getenv("RELGRAPH_RULES");
    if (env && *env)
        return env;
    G_LOCK(default_dir);
    const char *set = default_dir;
    G_UNLOCK(default_dir);
    return set ? set : installed_rules_dir();
}

static gboolean is_rule_file(const char *name)
{
    return g_str_has_suffix(name, ".actors") || g_str_has_suffix(name, ".rules");
}

/* Collects rule files under dir with the corpus walker, which walks each
 * directory once (a link loop is no error); an entry that cannot be read
 * is one, as a rule file that cannot be read is. */
static GPtrArray *collect(const char *dir, GError **error)
{
    GPtrArray *problems = g_ptr_array_new_with_free_func((GDestroyNotify)g_error_free);
    GPtrArray *files = relgraph_walk_directory(dir, is_rule_file, problems, error);
    if (files && problems->len > 0) {
        /* "rules/x: symbolic link loop": not skipped here, an error. */
        const char *message = ((GError *)g_ptr_array_index(problems, 0))->message;
        gsize n = strlen(message);
        if (g_str_has_suffix(message, ", skipped"))
            n -= strlen(", skipped");
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%.*s", (int)n, message);
        g_clear_pointer(&files, g_ptr_array_unref);
    }
    g_ptr_array_unref(problems);
    return files;
}

/* What rule locations in outputs ("rules/relations/diplomacy.rules:12")
 * leave out of a rule file's path: everything before the rules directory's
 * own name, however it is spelled ("rules", "./rules/", "/srv/x/rules"),
 * so that the same rules give the same labels, cached or not. A directory
 * named "." or ".." has no name of its own: labels start below it. */
static char *location_prefix(const char *dir)
{
    char *trimmed = g_strdup(dir);
    gsize n = strlen(trimmed);
    while (n > 1 && trimmed[n - 1] == '/')
        trimmed[--n] = '\0';
    const char *slash = strrchr(trimmed, '/');
    const char *last = slash ? slash + 1 : trimmed;
    char *prefix;
    if (strcmp(trimmed, "/") == 0)
        prefix = g_strdup("/");
    else if (strcmp(last, ".") == 0 || strcmp(last, "..") == 0)
        prefix = g_strconcat(trimmed, "/", NULL);
    else
        prefix = g_strndup(trimmed, (gsize)(last - trimmed));
    g_free(trimmed);
    return prefix;
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
    GPtrArray *files = NULL;
    if (g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        if (!(files = collect(dir, error)))
            return NULL;
    } else if (g_file_test(dir, G_FILE_TEST_EXISTS)) {
        files = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(files, g_strdup(dir));
    } else {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: no such rules directory", dir);
        return NULL;
    }

    RelgraphRules *rules = g_new0(RelgraphRules, 1);
    rules->files = files;
    rules->contents = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    rules->lexicon = relgraph_lexicon_new();
    relgraph_discover_add_word_classes(rules->lexicon);
    relgraph_references_add_word_classes(rules->lexicon);
    rules->dictionary = relgraph_dictionary_new(rules->lexicon);
    rules->relations = relgraph_relations_new(rules->lexicon, rules->dictionary);
    rules->location_prefix = location_prefix(dir);
    relgraph_dictionary_set_location_prefix(rules->dictionary, rules->location_prefix);
    relgraph_relations_set_location_prefix(rules->relations, rules->location_prefix);

    /* Each file is read once: the bytes compiled are the bytes kept. */
    GHashTable *read = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    relgraph_rulefile_record(read);
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
    relgraph_rulefile_record(NULL);
    for (guint i = 0; i < files->len; i++) {
        GBytes *bytes = g_hash_table_lookup(read, g_ptr_array_index(files, i));
        g_ptr_array_add(rules->contents, bytes ? g_bytes_ref(bytes) : g_bytes_new(NULL, 0));
    }
    g_hash_table_destroy(read);
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
    if (rules->contents)
        g_ptr_array_unref(rules->contents);
    g_free(rules->location_prefix);
    g_free(rules);
}
