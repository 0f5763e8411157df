/* The build manifest (manifest.h): "up to date" only for the very inputs
 * and outputs it recorded, never for a damaged or foreign file. */
#define _DEFAULT_SOURCE /* utimes */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/time.h>

#include "relgraph/manifest.h"
#include "tree_fixture.h"

static char *dir, *cache_dir, *rules_dir, *outputs[3];
static GPtrArray *corpus;
static GHashTable *stat_of;

#define N_OUTPUTS 2

static void write_old(const char *path, const char *text)
{
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    struct timeval times[2] = {{1000000000, 0}, {1000000000, 0}};
    cr_assert_eq(utimes(path, times), 0);
}

static void walk(void)
{
    g_hash_table_remove_all(stat_of);
    for (guint i = 0; i < corpus->len; i++) {
        GStatBuf *st = g_new(GStatBuf, 1);
        cr_assert_eq(g_stat(g_ptr_array_index(corpus, i), st), 0);
        g_hash_table_insert(stat_of, g_ptr_array_index(corpus, i), st);
    }
}

static void setup(void)
{
    dir = g_dir_make_tmp("relgraph-manifest-XXXXXX", NULL);
    cr_assert_not_null(dir);
    cache_dir = g_build_filename(dir, "cache", NULL);
    rules_dir = g_build_filename(dir, "rules", NULL);
    cr_assert_eq(g_mkdir(rules_dir, 0755), 0);
    char *rule = g_build_filename(rules_dir, "a.actors", NULL);
    write_old(rule, "actor Japan state\n");
    g_free(rule);
    corpus = g_ptr_array_new_with_free_func(g_free);
    stat_of = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < 3; i++) {
        char *path = g_strdup_printf("%s/doc%u.txt", dir, i);
        write_old(path, "Japan met China.\n");
        g_ptr_array_add(corpus, path);
    }
    walk();
    outputs[0] = g_build_filename(dir, "relgraph.tsv", NULL);
    outputs[1] = g_build_filename(dir, "relgraph.graphml", NULL);
    outputs[2] = NULL;
    cr_assert(g_file_set_contents(outputs[0], "tsv bytes\n", -1, NULL));
    cr_assert(g_file_set_contents(outputs[1], "<graphml/>\n", -1, NULL));
}

static void teardown(void)
{
    g_hash_table_destroy(stat_of);
    g_ptr_array_unref(corpus);
    remove_tree(dir);
    g_free(dir);
    g_free(cache_dir);
    g_free(rules_dir);
    g_free(outputs[0]);
    g_free(outputs[1]);
}

TestSuite(manifest, .init = setup, .fini = teardown);

static RelgraphManifest *manifest_for(char **command)
{
    RelgraphManifestInputs inputs = {command, rules_dir, corpus, stat_of, g_get_real_time()};
    return relgraph_manifest_new(cache_dir, &inputs, outputs, N_OUTPUTS);
}

/* Records the outputs as they are now, with a command. */
static void save(char **command, guint documents)
{
    RelgraphManifest *m = manifest_for(command);
    cr_assert_not_null(m);
    char hashes[N_OUTPUTS][RELGRAPH_CACHE_KEY_SIZE];
    char *hash_of[N_OUTPUTS];
    gsize sizes[N_OUTPUTS];
    for (guint i = 0; i < N_OUTPUTS; i++) {
        char *data = NULL;
        cr_assert(g_file_get_contents(outputs[i], &data, &sizes[i], NULL));
        relgraph_manifest_hash_bytes(data, sizes[i], hashes[i]);
        hash_of[i] = hashes[i];
        g_free(data);
    }
    cr_assert(relgraph_manifest_save(m, outputs, hash_of, sizes, N_OUTPUTS, documents));
    relgraph_manifest_free(m);
}

static gboolean up_to_date(char **command, guint *documents)
{
    RelgraphManifest *m = manifest_for(command);
    cr_assert_not_null(m);
    gboolean ok = relgraph_manifest_up_to_date(m, outputs, N_OUTPUTS, documents);
    relgraph_manifest_free(m);
    return ok;
}

static char *command[] = {"build", "-T", "tsv,graphml", "corpus", NULL};

Test(manifest, up_to_date_after_save_and_only_then)
{
    guint documents = 0;
    cr_assert_not(up_to_date(command, &documents), "no manifest yet");
    save(command, 3);
    cr_assert(up_to_date(command, &documents));
    cr_assert_eq(documents, 3);
    /* --quiet and --jobs cannot change an output. */
    char *quiet[] = {"build", "-q", "-j", "2", "-T", "tsv,graphml", "--jobs=4", "corpus", NULL};
    cr_assert(up_to_date(quiet, &documents));
    char *other[] = {"build", "-T", "tsv,graphml", "--max-evidence", "5", "corpus", NULL};
    cr_assert_not(up_to_date(other, &documents), "another option");
}

Test(manifest, a_changed_input_or_output_is_not_up_to_date)
{
    guint documents = 0;
    save(command, 3);
    /* An output edited. */
    cr_assert(g_file_set_contents(outputs[0], "tsv Bytes\n", -1, NULL));
    cr_assert_not(up_to_date(command, &documents));
    save(command, 3);
    cr_assert(up_to_date(command, &documents));
    /* A document touched: its times differ. */
    struct timeval times[2] = {{1000000001, 0}, {1000000001, 0}};
    cr_assert_eq(utimes(g_ptr_array_index(corpus, 1), times), 0);
    walk();
    cr_assert_not(up_to_date(command, &documents));
    save(command, 3);
    cr_assert(up_to_date(command, &documents));
    /* A rule file's bytes. */
    char *rule = g_build_filename(rules_dir, "a.actors", NULL);
    write_old(rule, "actor China state\n");
    cr_assert_not(up_to_date(command, &documents));
    g_free(rule);
    /* And removed: the next build does the work. */
    save(command, 3);
    RelgraphManifest *m = manifest_for(command);
    relgraph_manifest_remove(m);
    cr_assert_not(relgraph_manifest_up_to_date(m, outputs, N_OUTPUTS, &documents));
    relgraph_manifest_free(m);
}

/* The manifest file: the only one under DIR/cache/v1/manifest. */
static char *manifest_file(void)
{
    char *path = g_build_filename(cache_dir, "v1", "manifest", NULL);
    GDir *d = g_dir_open(path, 0, NULL);
    cr_assert_not_null(d);
    const char *name = g_dir_read_name(d);
    cr_assert_not_null(name);
    cr_assert(g_str_has_suffix(name, ".man"));
    char *file = g_build_filename(path, name, NULL);
    cr_assert_null(g_dir_read_name(d), "one manifest");
    g_dir_close(d);
    g_free(path);
    return file;
}

Test(manifest, a_damaged_manifest_is_not_trusted)
{
    guint documents = 0;
    save(command, 3);
    char *file = manifest_file();
    char *data = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(file, &data, &len, NULL));
    cr_assert(g_str_has_prefix(data, "relgraph-manifest 1\n"));
    /* The document count changed, the checksum line left alone. */
    char *count = strstr(data, "documents\t3\n");
    cr_assert_not_null(count);
    count[strlen("documents\t")] = '4';
    cr_assert(g_file_set_contents(file, data, (gssize)len, NULL));
    cr_assert_not(up_to_date(command, &documents));
    /* Cut short. */
    cr_assert(g_file_set_contents(file, data, (gssize)len / 2, NULL));
    cr_assert_not(up_to_date(command, &documents));
    g_free(data);
    g_free(file);
}

Test(manifest, standard_output_has_none)
{
    char *to_stdout[] = {"-", NULL};
    RelgraphManifestInputs inputs = {command, rules_dir, corpus, stat_of, g_get_real_time()};
    cr_assert_null(relgraph_manifest_new(cache_dir, &inputs, to_stdout, 1));
    cr_assert_null(relgraph_manifest_new(cache_dir, &inputs, outputs, 0));
    char one[RELGRAPH_CACHE_KEY_SIZE], other[RELGRAPH_CACHE_KEY_SIZE];
    relgraph_manifest_hash_bytes("a", 1, one);
    relgraph_manifest_hash_bytes("b", 1, other);
    cr_assert_eq(strlen(one), RELGRAPH_CACHE_KEY_SIZE - 1);
    cr_assert_str_neq(one, other);
}
