/* The cache: entries, layouts and the file index, each read back, and each
 * damaged copy refused rather than trusted. */
#define _DEFAULT_SOURCE /* st_mtim, utimes */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/time.h>

#include "relgraph/cache.h"
#include "rules_fixture.h"
#include "tree_fixture.h"
#include "../../src/common_internal.h"

static char *dir;
static RelgraphRules *rules;
static RelgraphCache *cache;

static void setup(void)
{
    dir = g_dir_make_tmp("relgraph-cache-XXXXXX", NULL);
    cr_assert_not_null(dir);
    GError *error = NULL;
    rules = relgraph_rules_load(RELGRAPH_SOURCE_DIR "/rules", NULL, &error);
    cr_assert_not_null(rules, "%s", error ? error->message : "");
    char *cache_dir = g_build_filename(dir, "cache", NULL);
    cache = relgraph_cache_open(cache_dir, rules, NULL, &error);
    cr_assert_not_null(cache, "%s", error ? error->message : "");
    g_free(cache_dir);
}

static void teardown(void)
{
    relgraph_cache_free(cache);
    relgraph_rules_free(rules);
    remove_tree(dir);
    g_free(dir);
}

TestSuite(cache, .init = setup, .fini = teardown);

/* The one file under DIR/cache/v1/SUB whose name ends in suffix. */
static char *only_file(const char *sub, const char *suffix)
{
    char *path = g_build_filename(dir, "cache", "v1", sub, NULL);
    GDir *d = g_dir_open(path, 0, NULL);
    cr_assert_not_null(d, "%s", path);
    char *found = NULL;
    const char *name;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, suffix)) {
            cr_assert_null(found, "one %s file in %s", suffix, path);
            found = g_build_filename(path, name, NULL);
        }
    g_dir_close(d);
    g_free(path);
    cr_assert_not_null(found, "a %s file", suffix);
    return found;
}

/* A file of the corpus, its times set to mtime (seconds since 1970). */
static char *corpus_file(const char *name, const char *text, gint64 mtime, GStatBuf *st)
{
    char *path = g_build_filename(dir, name, NULL);
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    struct timeval times[2] = {{(time_t)mtime, 0}, {(time_t)mtime, 0}};
    cr_assert_eq(utimes(path, times), 0);
    cr_assert_eq(g_stat(path, st), 0);
    return path;
}

static void flip_byte(const char *path, gsize at)
{
    char *data = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(path, &data, &len, NULL));
    cr_assert_lt(at, len);
    data[at] ^= 0x01;
    cr_assert(g_file_set_contents(path, data, (gssize)len, NULL));
    g_free(data);
}

Test(cache, index_round_trip_and_changes)
{
    char *args[] = {"corpus"};
    GStatBuf a_st, b_st, c_st;
    /* One file dated before 1970: its times are negative. */
    char *a = corpus_file("a.txt", "Japan criticized North Korea.", 1700000000, &a_st);
    char *b = corpus_file("b.txt", "China praised Russia.", -86400 * 400, &b_st);
    char *c = corpus_file("c.txt", "Russia met China.", 1700000000, &c_st);
    /* "now" a minute after the last change: none of them is racy. */
    gint64 now = (g_get_real_time() / G_USEC_PER_SEC + 60) * G_USEC_PER_SEC;
    const char *keys[] = {"0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210",
                          "00000000000000000000000000000001"};

    RelgraphCacheIndex *index = relgraph_cache_index_open(cache, args, 1);
    char key[RELGRAPH_CACHE_KEY_SIZE];
    cr_expect_not(relgraph_cache_index_lookup(index, a, &a_st, key), "a new index knows nothing");
    relgraph_cache_index_set(index, a, &a_st, now, keys[0]);
    relgraph_cache_index_set(index, b, &b_st, now, keys[1]);
    relgraph_cache_index_set(index, c, &c_st, now, keys[2]);
    /* Racy: changed within the file system's resolution of "now". */
    relgraph_cache_index_set(index, "racy.txt", &c_st, (gint64)c_st.st_ctime * G_USEC_PER_SEC, keys[2]);
    relgraph_cache_index_set(index, "tab\there.txt", &c_st, now, keys[2]);
    GError *error = NULL;
    cr_assert(relgraph_cache_index_save(index, &error), "%s", error ? error->message : "");
    relgraph_cache_index_free(index);

    index = relgraph_cache_index_open(cache, args, 1);
    cr_assert(relgraph_cache_index_lookup(index, a, &a_st, key));
    cr_expect_str_eq(key, keys[0]);
    cr_assert(relgraph_cache_index_lookup(index, b, &b_st, key), "negative times read back");
    cr_expect_str_eq(key, keys[1]);
    cr_expect_not(relgraph_cache_index_lookup(index, "racy.txt", &c_st, key));
    cr_expect_not(relgraph_cache_index_lookup(index, "tab\there.txt", &c_st, key));
    /* Another size, another time: not the file that was remembered. */
    GStatBuf changed = c_st;
    changed.st_size++;
    cr_expect_not(relgraph_cache_index_lookup(index, c, &changed, key));
    changed = c_st;
    changed.st_mtim.tv_nsec++;
    cr_expect_not(relgraph_cache_index_lookup(index, c, &changed, key));
    relgraph_cache_index_free(index);

    /* Another corpus argument, another index. */
    char *other[] = {"elsewhere"};
    index = relgraph_cache_index_open(cache, other, 1);
    cr_expect_not(relgraph_cache_index_lookup(index, a, &a_st, key));
    relgraph_cache_index_free(index);
    g_free(a), g_free(b), g_free(c);
}

Test(cache, damaged_index_is_ignored)
{
    char *args[] = {"corpus"};
    GStatBuf st;
    char *a = corpus_file("a.txt", "Japan criticized North Korea.", 1700000000, &st);
    gint64 now = (g_get_real_time() / G_USEC_PER_SEC + 60) * G_USEC_PER_SEC;
    RelgraphCacheIndex *index = relgraph_cache_index_open(cache, args, 1);
    relgraph_cache_index_set(index, a, &st, now, "0123456789abcdef0123456789abcdef");
    cr_assert(relgraph_cache_index_save(index, NULL));
    relgraph_cache_index_free(index);

    char *path = only_file("index", ".idx");
    char *intact = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(path, &intact, &len, NULL));
    /* A flipped bit anywhere (here in the inode, then in the checksum),
     * or a file cut short: the index is empty, never half-trusted. */
    const gsize places[] = {strlen("relgraph-index 1\n") + strlen(a) + 3, len - 3};
    for (guint i = 0; i <= G_N_ELEMENTS(places); i++) {
        if (i < G_N_ELEMENTS(places))
            flip_byte(path, places[i]);
        else
            cr_assert(g_file_set_contents(path, intact, (gssize)len / 2, NULL));
        index = relgraph_cache_index_open(cache, args, 1);
        char key[RELGRAPH_CACHE_KEY_SIZE];
        cr_expect_not(relgraph_cache_index_lookup(index, a, &st, key), "damage %u", i);
        relgraph_cache_index_free(index);
        cr_assert(g_file_set_contents(path, intact, (gssize)len, NULL));
    }
    g_free(intact), g_free(path), g_free(a);
}

Test(cache, entries_read_back_and_damage_is_reported)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphEvidence ev = {"d1", 0, 0, 29, "Japan criticized North Korea.", "r.rules:1"};
    relgraph_graph_add_mention(g, "Japan", "criticize", "North Korea", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, &ev);
    RelgraphPartInfo info = {1, 1, 1, 3};
    const char *key = "0123456789abcdef0123456789abcdef";
    GError *error = NULL;
    cr_assert(relgraph_cache_put(cache, key, g, &info, &error), "%s", error ? error->message : "");

    RelgraphPartInfo back = {0};
    gboolean damaged = FALSE;
    RelgraphGraph *read = relgraph_cache_get(cache, key, &back, &damaged, &error);
    cr_assert_not_null(read);
    cr_expect_not(damaged);
    cr_expect_eq(relgraph_graph_edge_count(read), 1u);
    cr_expect_eq(back.documents, 1u);
    cr_expect_eq(back.evidence_limit, 3u);
    relgraph_graph_free(read);

    cr_expect_null(relgraph_cache_get(cache, "ffffffffffffffffffffffffffffffff", &back, &damaged, &error));
    cr_expect_not(damaged, "a missing entry is not a damaged one");

    char *path = only_file("01", ".part");
    flip_byte(path, 40);
    cr_expect_null(relgraph_cache_get(cache, key, &back, &damaged, &error));
    cr_expect(damaged);
    cr_assert_not_null(error);
    cr_expect_not_null(strstr(error->message, path), "names the entry: %s", error->message);
    g_clear_error(&error);
    g_free(path);
    relgraph_graph_free(g);
}

Test(cache, layouts_read_back_and_only_the_last_are_kept)
{
    const char *positions = "relgraph-layout 1\nG\tbb\nN\tpos\nE\ng\t0,0,10,10\nn\t5,5\n";
    GError *error = NULL;
    cr_assert(relgraph_cache_layout_put(cache, "input", 5, positions, strlen(positions), &error));
    gsize len = 0;
    char *back = relgraph_cache_layout_get(cache, "input", 5, &len);
    cr_assert_not_null(back);
    cr_expect_eq(len, strlen(positions));
    cr_expect_eq(memcmp(back, positions, len), 0);
    g_free(back);
    cr_expect_null(relgraph_cache_layout_get(cache, "other", 5, &len));

    char *path = only_file("layout", ".pos");
    flip_byte(path, 20);
    cr_expect_null(relgraph_cache_layout_get(cache, "input", 5, &len), "a damaged layout is not used");
    g_free(path);

    /* More layouts than are kept: prune keeps the newest. */
    for (guint i = 0; i < RELGRAPH_CACHE_LAYOUTS_KEPT + 3; i++) {
        char input[16];
        g_snprintf(input, sizeof input, "figure %u", i);
        cr_assert(relgraph_cache_layout_put(cache, input, strlen(input), positions, strlen(positions), NULL));
        g_usleep(2000); /* distinct times, oldest first */
    }
    char *cache_dir = g_build_filename(dir, "cache", NULL);
    GHashTable *keep = g_hash_table_new(g_str_hash, g_str_equal);
    guint kept = 0, removed = 0;
    guint64 bytes = 0;
    cr_assert(relgraph_cache_prune(cache_dir, keep, &kept, &removed, &bytes, &error), "%s",
              error ? error->message : "");
    char last[16];
    g_snprintf(last, sizeof last, "figure %u", RELGRAPH_CACHE_LAYOUTS_KEPT + 2);
    back = relgraph_cache_layout_get(cache, last, strlen(last), &len);
    cr_expect_not_null(back, "the newest layout is kept");
    g_free(back);
    cr_expect_null(relgraph_cache_layout_get(cache, "figure 0", 8, &len), "the oldest is gone");
    g_hash_table_destroy(keep);
    g_free(cache_dir);
}

/* The decimal writer behind the index and parts, at its extremes. */
Test(cache, decimal_numbers_as_printf_writes_them)
{
    GString *out = g_string_new(NULL);
    const guint64 unsigned_values[] = {0, 7, 10, 1700000000000000000ull, G_MAXUINT64};
    for (guint i = 0; i < G_N_ELEMENTS(unsigned_values); i++) {
        g_string_truncate(out, 0);
        relgraph_string_append_uint(out, unsigned_values[i]);
        char *want = g_strdup_printf("%" G_GUINT64_FORMAT, unsigned_values[i]);
        cr_expect_str_eq(out->str, want);
        g_free(want);
    }
    const gint64 signed_values[] = {0, -1, -34560000000000000, G_MININT64, G_MAXINT64};
    for (guint i = 0; i < G_N_ELEMENTS(signed_values); i++) {
        g_string_truncate(out, 0);
        relgraph_string_append_int(out, signed_values[i]);
        char *want = g_strdup_printf("%" G_GINT64_FORMAT, signed_values[i]);
        cr_expect_str_eq(out->str, want);
        g_free(want);
    }
    g_string_free(out, TRUE);
}

/* The key covers the rule bytes that were compiled: a rule file edited
 * after the rules were loaded (and before the cache was opened) must not
 * key the old rules' results with the new bytes. */
Test(cache, rules_are_keyed_by_the_bytes_compiled)
{
    char *rules_dir = g_build_filename(dir, "rules", NULL);
    char *file = g_build_filename(rules_dir, "a.rules", NULL);
    cr_assert_eq(g_mkdir(rules_dir, 0755), 0);
    const char *v1 = "relation meet symmetric cooperative\n  {src} met {dst}\n";
    const char *v2 = "relation meet symmetric cooperative\n  {src} saw {dst}\n";
    cr_assert(g_file_set_contents(file, v1, -1, NULL));
    GError *error = NULL;
    RelgraphRules *loaded = relgraph_rules_load(rules_dir, NULL, &error);
    cr_assert_not_null(loaded, "%s", error ? error->message : "");
    cr_assert(g_file_set_contents(file, v2, -1, NULL)); /* edited meanwhile */
    char *cache_dir = g_build_filename(dir, "cache", NULL);
    RelgraphCache *edited = relgraph_cache_open(cache_dir, loaded, NULL, &error);
    cr_assert(g_file_set_contents(file, v1, -1, NULL));
    RelgraphCache *same = relgraph_cache_open(cache_dir, loaded, NULL, &error);
    cr_assert(edited && same);
    RelgraphDocument *doc = relgraph_document_new("d", "d.txt", "China met Russia.", 17);
    char k1[RELGRAPH_CACHE_KEY_SIZE], k2[RELGRAPH_CACHE_KEY_SIZE];
    relgraph_cache_key(edited, doc, k1);
    relgraph_cache_key(same, doc, k2);
    cr_assert_str_eq(k1, k2);
    relgraph_document_free(doc);
    relgraph_cache_free(edited);
    relgraph_cache_free(same);
    relgraph_rules_free(loaded);
    g_free(cache_dir);
    g_free(file);
    g_free(rules_dir);
}

/* An entry copied over another key's (a one-document entry over a shard's)
 * is refused as damaged: the key is inside the checksummed body. */
Test(cache, an_entry_is_bound_to_its_key)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphEvidence ev = {"d1", 0, 0, 29, "Japan criticized North Korea.", "r.rules:1"};
    relgraph_graph_add_mention(g, "Japan", "criticize", "North Korea", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, &ev);
    RelgraphPartInfo info = {1, 1, 1, 3};
    const char *key = "0123456789abcdef0123456789abcdef", *other = "0199999999abcdef0123456789abcdef";
    GError *error = NULL;
    cr_assert(relgraph_cache_put(cache, key, g, &info, &error), "%s", error ? error->message : "");
    char *from = only_file("01", ".part");
    char *to = g_build_filename(dir, "cache", "v1", "01", "0199999999abcdef0123456789abcdef.part", NULL);
    char *data = NULL;
    gsize len = 0;
    cr_assert(g_file_get_contents(from, &data, &len, NULL));
    cr_assert(g_file_set_contents(to, data, (gssize)len, NULL));
    RelgraphPartInfo back = {0};
    gboolean damaged = FALSE;
    cr_expect_null(relgraph_cache_get(cache, other, &back, &damaged, &error));
    cr_expect(damaged);
    cr_assert_not_null(error);
    cr_expect_not_null(strstr(error->message, "the entry of key 0123456789abcdef0123456789abcdef, not of "
                                              "0199999999abcdef0123456789abcdef"), "%s", error->message);
    g_clear_error(&error);
    g_free(data);
    g_free(to);
    g_free(from);
    relgraph_graph_free(g);
}

/* A kept layout sets positions and nothing else: an entry naming another
 * attribute (a link), or a value that is not a coordinate, is not used. */
Test(cache, layouts_hold_positions_only)
{
    const char *good = "relgraph-layout 1\nG\tbb\nN\tpos\twidth\nE\tpos\tlp\ng\t0,0,10,10\nn\t5,5\t0.75\n"
                       "e\te,1.5,2 3,4 5e-1,6\t7,8\n";
    const char *const bad[] = {
        "relgraph-layout 1\nG\tbb\nN\tpos\tURL\nE\ng\t0,0,10,10\nn\t5,5\thttps://example.org/\n",
        "relgraph-layout 1\nG\tbb\nN\tpos\thref\nE\ng\t0,0,10,10\nn\t5,5\t1\n",
        "relgraph-layout 1\nG\tbb\nN\tpos\nE\ng\t0,0,10,10\nn\tjavascript:x\n",
        "relgraph-layout 1\nG\tbb\tlabel\nN\tpos\nE\ng\t0,0,10,10\t\\\"x\\\"\nn\t5,5\n",
    };
    GError *error = NULL;
    gsize len = 0;
    cr_assert(relgraph_cache_layout_put(cache, "good", 4, good, strlen(good), &error));
    char *back = relgraph_cache_layout_get(cache, "good", 4, &len);
    cr_expect_not_null(back, "a layout's own attributes are kept");
    g_free(back);
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        char input[8];
        g_snprintf(input, sizeof input, "bad %u", i);
        cr_assert(relgraph_cache_layout_put(cache, input, strlen(input), bad[i], strlen(bad[i]), &error));
        cr_expect_null(relgraph_cache_layout_get(cache, input, strlen(input), &len), "bad layout %u used", i);
    }
}

static guint layout_warnings;

static void count_warning(const GError *warning, gpointer data)
{
    cr_assert_eq(data, &layout_warnings);
    cr_assert_not_null(warning->message);
    layout_warnings++;
}

Test(cache, the_layout_store_is_the_cache_and_reports_what_it_cannot_keep)
{
    const char *positions = "relgraph-layout 1\nG\tbb\nN\tpos\nE\ng\t0,0,10,10\nn\t5,5\n";
    const RelgraphLayoutStore *store = relgraph_cache_layout_store(cache, count_warning, &layout_warnings);
    store->store(store->data, "input", 5, positions, strlen(positions));
    gsize len = 0;
    char *back = store->lookup(store->data, "input", 5, &len);
    cr_assert_not_null(back);
    cr_assert_eq(len, strlen(positions));
    g_free(back);
    back = relgraph_cache_layout_get(cache, "input", 5, &len);
    cr_assert_not_null(back, "kept in the cache itself");
    g_free(back);
    cr_assert_eq(layout_warnings, 0);

    /* The layout directory replaced by a file: nothing can be stored. */
    char *layouts = g_build_filename(dir, "cache", "v1", "layout", NULL);
    GDir *d = g_dir_open(layouts, 0, NULL);
    cr_assert_not_null(d);
    const char *name;
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(layouts, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    g_dir_close(d);
    cr_assert_eq(g_rmdir(layouts), 0);
    cr_assert(g_file_set_contents(layouts, "", 0, NULL));
    store->store(store->data, "other", 5, positions, strlen(positions));
    cr_assert_eq(layout_warnings, 1, "the failed store is reported");
    cr_assert_null(store->lookup(store->data, "other", 5, &len));
    g_free(layouts);
}
