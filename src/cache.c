/* The extraction cache: one checksummed part per document, addressed by
 * content (see cache.h). */
#define _POSIX_C_SOURCE 200809L

#include "relgraph/cache.h"
#include "relgraph/version.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <glib/gstdio.h>

#include "cache_internal.h"
#include "relgraph/common.h"
#include "relgraph/rulefile.h"
#include "common_internal.h"

#define CACHE_LAYOUT RELGRAPH_CACHE_LAYOUT

/* Where the file indexes and the figures' layouts are, under DIR/v1. */
#define INDEX_DIR "index"
#define LAYOUT_DIR "layout"

/* The most read from one cache file: a larger one (a link to a 3 GB file,
 * a device) is not read, and counts as damaged. */
#define CACHE_FILE_MAX_BYTES (G_GUINT64_CONSTANT(1) << 30)

/* Temporary files older than this were left by a run that died. */
#define STALE_TEMP_SECONDS 3600

/* The cache's marker, DIR/CACHEDIR.TAG (the Cache Directory Tagging
 * Specification, which backup tools honour): written with the first entry,
 * and required by prune, which removes nothing from a directory without it. */
#define TAG_NAME "CACHEDIR.TAG"
#define TAG_TEXT                                                                    \
    "Signature: 8a477f597d28d172789f06886806bc55\n"                                \
    "# This file is a cache directory tag created by relgraph (its extraction cache).\n" \
    "# For information about cache directory tags see https://bford.info/cachedir/\n"

struct RelgraphCache {
    char *dir;          /* DIR/v1 */
    XXH128_hash_t base; /* version, rules and options */
    gint tagged;        /* the marker is known to be there (atomic) */
    gboolean read_only; /* build --check: nothing written */
    RelgraphLayoutStore layouts; /* relgraph_cache_layout_store's */
    RelgraphCacheWarningFunc warn;
    gpointer warn_data;
};

char *relgraph_cache_default_dir(void)
{
    const char *env = g_getenv("RELGRAPH_CACHE_DIR");
    if (env && *env)
        return g_strdup(env);
    return g_build_filename(g_get_user_cache_dir(), "relgraph", NULL);
}

void relgraph_cache_hash_string(XXH3_state_t *state, const char *s)
{
    XXH3_128bits_update(state, s, strlen(s) + 1); /* with the NUL: "ab"+"c" differs from "a"+"bc" */
}

void relgraph_cache_hash_number(XXH3_state_t *state, gint64 n)
{
    XXH3_128bits_update(state, &n, sizeof n);
}

void relgraph_cache_hash_format(XXH128_hash_t h, char out[RELGRAPH_CACHE_KEY_SIZE])
{
    g_snprintf(out, RELGRAPH_CACHE_KEY_SIZE, "%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
               (guint64)h.high64, (guint64)h.low64);
}

gint64 relgraph_cache_stat_ns(const struct timespec *t)
{
    return (gint64)t->tv_sec * G_GINT64_CONSTANT(1000000000) + t->tv_nsec;
}

/* The settings as the key holds them: the string the command line once
 * formatted ("hedged=drop;evidence=3"), so that the keys did not change
 * when the options became a struct. */
static char *options_text(const RelgraphCacheOptions *options)
{
    static const RelgraphCacheOptions defaults = {RELGRAPH_HEDGED_DROP, FALSE, RELGRAPH_CACHE_DEFAULT_EVIDENCE};
    if (!options)
        options = &defaults;
    return g_strdup_printf("hedged=%s;evidence=%u%s", options->hedged == RELGRAPH_HEDGED_KEEP ? "keep" : "drop",
                           options->evidence_limit ? options->evidence_limit : RELGRAPH_CACHE_DEFAULT_EVIDENCE,
                           options->no_discovery ? ";discovery=off" : "");
}

RelgraphCache *relgraph_cache_open(const char *dir, const RelgraphRules *rules, const RelgraphCacheOptions *options,
                                   GError **error)
{
    g_return_val_if_fail(dir && rules, NULL);
    char *root = g_build_filename(dir, CACHE_LAYOUT, NULL);
    if (g_mkdir_with_parents(root, 0755) != 0) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: %s", root, g_strerror(errno));
        g_free(root);
        return NULL;
    }
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    relgraph_cache_hash_string(state, "relgraph cache " CACHE_LAYOUT " " RELGRAPH_VERSION);
    char *settings = options_text(options);
    relgraph_cache_hash_string(state, settings);
    g_free(settings);
    /* Each rule file by the name rule locations give it ("rules/x.rules",
     * however the directory was spelled: the labels are in the entries),
     * and the bytes that were compiled, not read again: a file edited
     * since would key results of other rules. */
    for (guint i = 0; i < rules->files->len; i++) {
        const char *path = g_ptr_array_index(rules->files, i);
        gsize len = 0;
        const void *bytes = g_bytes_get_data(g_ptr_array_index(rules->contents, i), &len);
        relgraph_cache_hash_string(state, relgraph_rulefile_display_path(path, rules->location_prefix));
        guint64 size = len;
        XXH3_128bits_update(state, &size, sizeof size);
        if (len)
            XXH3_128bits_update(state, bytes, len);
    }
    RelgraphCache *cache = g_new0(RelgraphCache, 1);
    cache->dir = root;
    cache->base = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    return cache;
}

void relgraph_cache_free(RelgraphCache *cache)
{
    if (!cache)
        return;
    g_free(cache->dir);
    g_free(cache);
}

void relgraph_cache_key(const RelgraphCache *cache, const RelgraphDocument *doc, char key[RELGRAPH_CACHE_KEY_SIZE])
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    XXH3_128bits_update(state, &cache->base, sizeof cache->base);
    relgraph_cache_hash_string(state, doc->id);
    relgraph_cache_hash_string(state, doc->date);
    guint64 size = doc->len;
    XXH3_128bits_update(state, &size, sizeof size);
    XXH3_128bits_update(state, doc->text, doc->len);
    XXH128_hash_t h = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    relgraph_cache_hash_format(h, key);
}

void relgraph_cache_group_key(const RelgraphCache *cache, const char *kind, char *const *keys, guint n_keys,
                              char key[RELGRAPH_CACHE_KEY_SIZE])
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    XXH3_128bits_update(state, &cache->base, sizeof cache->base);
    relgraph_cache_hash_string(state, kind);
    for (guint i = 0; i < n_keys; i++)
        relgraph_cache_hash_string(state, keys[i]);
    relgraph_cache_hash_format(XXH3_128bits_digest(state), key);
    XXH3_freeState(state);
}

static char *entry_path(const RelgraphCache *cache, const char *key)
{
    char sub[3] = {key[0], key[1], '\0'};
    char *name = g_strconcat(key, ".part", NULL);
    char *path = g_build_filename(cache->dir, sub, name, NULL);
    g_free(name);
    return path;
}

RelgraphGraph *relgraph_cache_get(RelgraphCache *cache, const char *key, RelgraphPartInfo *info, gboolean *damaged,
                                  GError **error)
{
    *damaged = FALSE;
    char *path = entry_path(cache, key);
    char *data = NULL;
    gsize len = 0;
    RelgraphGraph *graph = NULL;
    gboolean missing = FALSE;
    GError *local = NULL;
    /* Regular files only: a FIFO named like an entry would block the run. */
    if (relgraph_read_regular_file(path, CACHE_FILE_MAX_BYTES, &data, &len, &missing, &local)) {
        graph = relgraph_part_load_keyed(data, len, path, key, info, error);
        *damaged = graph == NULL;
    } else if (!missing) {
        *damaged = TRUE;
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s", local->message);
    }
    g_clear_error(&local);
    g_free(data);
    g_free(path);
    return graph;
}

gboolean relgraph_cache_write_file(const char *path, const char *data, gsize len, GError **error)
{
    char *dir = g_path_get_dirname(path);
    char *tmp = g_build_filename(dir, ".tmp-XXXXXX", NULL);
    /* The directory is made when it is missing, not checked first: a cold
     * run writes thousands of entries into 256 directories. */
    int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    if (fd < 0 && errno == ENOENT && g_mkdir_with_parents(dir, 0755) == 0) {
        g_free(tmp);
        tmp = g_build_filename(dir, ".tmp-XXXXXX", NULL);
        fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    }
    if (fd < 0) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: %s", dir, g_strerror(errno));
        g_free(dir);
        g_free(tmp);
        return FALSE;
    }
    gsize done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (gsize)n;
    }
    int err = done < len ? errno : 0;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && g_rename(tmp, path) != 0)
        err = errno;
    if (err) {
        g_unlink(tmp);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: %s", path, g_strerror(err ? err : EIO));
    }
    g_free(dir);
    g_free(tmp);
    return err == 0;
}

/* Writes the marker unless this cache has seen it already. */
static void ensure_tag(RelgraphCache *cache)
{
    if (g_atomic_int_get(&cache->tagged))
        return;
    char *parent = g_path_get_dirname(cache->dir);
    char *tag = g_build_filename(parent, TAG_NAME, NULL);
    if (g_file_test(tag, G_FILE_TEST_EXISTS) || g_file_set_contents(tag, TAG_TEXT, -1, NULL))
        g_atomic_int_set(&cache->tagged, 1);
    g_free(tag);
    g_free(parent);
}

void relgraph_cache_set_read_only(RelgraphCache *cache, gboolean read_only)
{
    cache->read_only = read_only;
}

gboolean relgraph_cache_put(RelgraphCache *cache, const char *key, const RelgraphGraph *graph,
                            const RelgraphPartInfo *info, GError **error)
{
    if (cache->read_only)
        return TRUE;
    ensure_tag(cache);
    gsize len = 0;
    char *data = relgraph_part_write_keyed(graph, info, RELGRAPH_PART_XXH3, key, &len);
    char *path = entry_path(cache, key);
    gboolean ok = relgraph_cache_write_file(path, data, len, error);
    g_free(path);
    g_free(data);
    return ok;
}

/* ---- Layouts ---------------------------------------------------------------- */

/* DIR/v1/layout/KEY.pos, KEY a hash of the layout input alone: the rules
 * do not matter, the figure does. */
static char *layout_path(const RelgraphCache *cache, const char *input, gsize input_len)
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    relgraph_cache_hash_string(state, "relgraph layout " CACHE_LAYOUT " " RELGRAPH_VERSION);
    XXH3_128bits_update(state, input, input_len);
    char name[RELGRAPH_CACHE_KEY_SIZE + 4];
    relgraph_cache_hash_format(XXH3_128bits_digest(state), name);
    XXH3_freeState(state);
    strcat(name, ".pos");
    return g_build_filename(cache->dir, LAYOUT_DIR, name, NULL);
}

/* The entry's closing line: "end\t" and the XXH3-64 of the bytes before it. */
#define LAYOUT_TAIL_LEN (strlen("end\t") + 16 + 1)

/* The attributes a layout declares (dot, neato, fdp, sfdp, circo, twopi),
 * by kind: a kept layout may set these and nothing else. Any other
 * attribute (URL, href, label, style) would be drawn into the SVG. */
static const char *const layout_attributes[3][6] = {
    {"bb", "lheight", "lp", "lwidth", NULL},
    {"height", "pos", "rects", "width", "xlp", NULL},
    {"head_lp", "lp", "pos", "tail_lp", "xlp", NULL},
};

/* TRUE when text (a layout's positions, export_dot.c) names only layout
 * attributes and holds only coordinates: digits, signs, points, commas,
 * blanks, and the "e,"/"s," of an edge's end points. */
static gboolean positions_only(const char *text, gsize len)
{
    if (len == 0 || text[len - 1] != '\n' || memchr(text, '\0', len))
        return FALSE;
    char *copy = g_strndup(text, len - 1);
    char **lines = g_strsplit(copy, "\n", -1);
    g_free(copy);
    gboolean ok = g_strv_length(lines) >= 4 && strcmp(lines[0], "relgraph-layout 1") == 0;
    for (guint k = 0; ok && k < 3; k++) {
        char **names = g_strsplit(lines[1 + k], "\t", -1);
        ok = names[0] && strcmp(names[0], (const char[]){"GNE"[k], '\0'}) == 0;
        for (guint j = 1; ok && names[j]; j++) {
            ok = FALSE;
            for (guint a = 0; layout_attributes[k][a] && !ok; a++)
                ok = strcmp(names[j], layout_attributes[k][a]) == 0;
        }
        g_strfreev(names);
    }
    for (guint i = 4; ok && lines[i]; i++) {
        const char *line = lines[i];
        ok = (line[0] == 'g' || line[0] == 'n' || line[0] == 'e') && (line[1] == '\t' || line[1] == '\0');
        for (const char *p = line + 1; ok && *p; p++)
            ok = g_ascii_isdigit(*p) || strchr("\t .,+-eEs", *p) != NULL;
    }
    g_strfreev(lines);
    return ok;
}

char *relgraph_cache_layout_get(RelgraphCache *cache, const char *input, gsize input_len, gsize *len)
{
    char *path = layout_path(cache, input, input_len);
    char *data = NULL;
    gsize size = 0;
    char *positions = NULL;
    if (relgraph_read_regular_file(path, CACHE_FILE_MAX_BYTES, &data, &size, NULL, NULL) &&
        size >= LAYOUT_TAIL_LEN) {
        gsize body = size - LAYOUT_TAIL_LEN;
        char tail[LAYOUT_TAIL_LEN + 1];
        g_snprintf(tail, sizeof tail, "end\t%016" G_GINT64_MODIFIER "x\n", (guint64)XXH3_64bits(data, body));
        /* Positions only: a crafted entry gave the SVG 65 links to another site. */
        if (memcmp(data + body, tail, LAYOUT_TAIL_LEN) == 0 && positions_only(data, body)) {
            positions = g_strndup(data, body);
            *len = body;
            /* Used now: prune keeps the layouts used last. */
            utimensat(AT_FDCWD, path, NULL, 0);
        }
    }
    g_free(data);
    g_free(path);
    return positions;
}

gboolean relgraph_cache_layout_put(RelgraphCache *cache, const char *input, gsize input_len, const char *positions,
                                   gsize len, GError **error)
{
    if (cache->read_only)
        return TRUE;
    ensure_tag(cache);
    char *path = layout_path(cache, input, input_len);
    GString *data = g_string_new_len(positions, (gssize)len);
    g_string_append_printf(data, "end\t%016" G_GINT64_MODIFIER "x\n", (guint64)XXH3_64bits(positions, len));
    gboolean ok = relgraph_cache_write_file(path, data->str, data->len, error);
    g_string_free(data, TRUE);
    g_free(path);
    return ok;
}

/* Whether name is n lowercase hex digits followed by suffix. */
static gboolean hex_name(const char *name, gsize n, const char *suffix)
{
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isxdigit(name[i]) || g_ascii_isupper(name[i]))
            return FALSE;
    return strcmp(name + n, suffix) == 0;
}

/* A temporary file of relgraph_cache_write_file: ".tmp-" and mkstemp's six characters. */
static gboolean temp_name(const char *name)
{
    return g_str_has_prefix(name, ".tmp-") && strlen(name) == strlen(".tmp-XXXXXX");
}

/* Whether the file at path begins as the cache's files of that kind do:
 * prune removes what the cache wrote, never another program's file that
 * happens to be named so. */
static gboolean begins_with(const char *path, const char *magic)
{
    char head[32] = "";
    gsize n = strlen(magic);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return FALSE;
    gboolean ok = read(fd, head, n) == (ssize_t)n && memcmp(head, magic, n) == 0;
    close(fd);
    return ok;
}

typedef struct {
    char *path;
    gint64 used;  /* mtime, ns */
    guint64 size;
} LayoutFile;

static gint compare_layouts_newest_first(gconstpointer a, gconstpointer b)
{
    const LayoutFile *x = a, *y = b;
    if (x->used != y->used)
        return x->used > y->used ? -1 : 1;
    return strcmp(x->path, y->path);
}

/* Keeps the RELGRAPH_CACHE_LAYOUTS_KEPT layouts used last. */
static gboolean prune_layouts(const char *root, guint *kept, guint *removed, guint64 *bytes, GError **error)
{
    char *dir_path = g_build_filename(root, LAYOUT_DIR, NULL);
    GDir *dir = g_dir_open(dir_path, 0, NULL);
    GArray *files = g_array_new(FALSE, FALSE, sizeof(LayoutFile));
    const char *name;
    gint64 now = g_get_real_time() / G_USEC_PER_SEC;
    while (dir && (name = g_dir_read_name(dir)) != NULL) {
        LayoutFile file = {g_build_filename(dir_path, name, NULL), 0, 0};
        struct stat st;
        /* Only the cache's own files: layouts, and temporary files, which
         * are left alone until stale (another run may be writing them). */
        gboolean layout = hex_name(name, RELGRAPH_CACHE_KEY_SIZE - 1, ".pos") &&
                          begins_with(file.path, "relgraph-layout 1\n");
        gboolean ours = layout || (temp_name(name) && lstat(file.path, &st) == 0 &&
                                   now - st.st_mtime > STALE_TEMP_SECONDS);
        if (ours && lstat(file.path, &st) == 0 && S_ISREG(st.st_mode)) {
            /* A stale temporary file sorts last, and goes. */
            file.used = layout ? (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec : G_MININT64;
            file.size = (guint64)st.st_size;
            g_array_append_val(files, file);
        } else {
            g_free(file.path);
        }
    }
    if (dir)
        g_dir_close(dir);
    g_array_sort(files, compare_layouts_newest_first);
    gboolean ok = TRUE;
    for (guint i = 0; i < files->len; i++) {
        LayoutFile *file = &g_array_index(files, LayoutFile, i);
        if (i < RELGRAPH_CACHE_LAYOUTS_KEPT && file->used != G_MININT64) {
            (*kept)++;
        } else if (g_unlink(file->path) == 0) {
            (*removed)++;
            *bytes += file->size;
        } else if (ok) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: %s", file->path, g_strerror(errno));
            ok = FALSE;
        }
        g_free(file->path);
    }
    g_array_unref(files);
    g_free(dir_path);
    return ok;
}

gboolean relgraph_cache_prune(const char *dir, GHashTable *keep, guint *kept, guint *removed, guint64 *bytes,
                              GError **error)
{
    char *root = g_build_filename(dir, CACHE_LAYOUT, NULL);
    char *tag = g_build_filename(dir, TAG_NAME, NULL);
    char *tag_text = NULL;
    gboolean tagged = g_file_get_contents(tag, &tag_text, NULL, NULL) && g_str_has_prefix(tag_text, TAG_TEXT);
    g_free(tag_text);
    g_free(tag);
    if (!tagged && g_file_test(root, G_FILE_TEST_IS_DIR)) {
        /* Not a directory the cache made: its files are not ours to delete. */
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO,
                    "cache %s: no " TAG_NAME " written by relgraph: not a relgraph cache, nothing removed (a build "
                    "into it writes the tag)", dir);
        g_free(root);
        return FALSE;
    }
    GDir *top = g_dir_open(root, 0, NULL);
    if (!top) {
        /* No cache yet: nothing to prune. */
        gboolean missing = !g_file_test(root, G_FILE_TEST_EXISTS);
        if (!missing)
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: cannot be read", root);
        g_free(root);
        return missing;
    }
    gboolean ok = TRUE;
    gint64 now = g_get_real_time() / G_USEC_PER_SEC;
    const char *sub_name;
    while ((sub_name = g_dir_read_name(top)) != NULL) {
        if (!hex_name(sub_name, 2, ""))
            continue; /* the index, the layouts, or not the cache's */
        char *sub_path = g_build_filename(root, sub_name, NULL);
        GDir *sub = g_dir_open(sub_path, 0, NULL);
        const char *name;
        while (sub && (name = g_dir_read_name(sub)) != NULL) {
            char *path = g_build_filename(sub_path, name, NULL);
            struct stat st;
            /* Entries are named by their key, under its first two digits. */
            gboolean temp = temp_name(name);
            gboolean entry = hex_name(name, RELGRAPH_CACHE_KEY_SIZE - 1, ".part") &&
                             strncmp(name, sub_name, 2) == 0;
            if ((temp || entry) && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                char *key = entry ? g_strndup(name, RELGRAPH_CACHE_KEY_SIZE - 1) : NULL;
                gboolean drop = temp ? now - st.st_mtime > STALE_TEMP_SECONDS
                                     : !g_hash_table_contains(keep, key) && begins_with(path, "relgraph-part\t");
                if (!drop) {
                    (*kept)++;
                } else if (g_unlink(path) == 0) {
                    (*removed)++;
                    *bytes += (guint64)st.st_size;
                } else {
                    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "cache %s: %s", path, g_strerror(errno));
                    ok = FALSE;
                }
                g_free(key);
            }
            g_free(path);
        }
        if (sub)
            g_dir_close(sub);
        g_free(sub_path);
        if (!ok)
            break;
    }
    g_dir_close(top);
    if (ok)
        ok = prune_layouts(root, kept, removed, bytes, error);
    g_free(root);
    return ok;
}

/* ---- The file index ----------------------------------------------------------
 *
 * A text file: a header line, then one line per file,
 *   PATH \t DEV \t INODE \t SIZE \t MTIME-NS \t CTIME-NS \t KEY
 * sorted by path, then "end \t XXH64" of everything before. A file that
 * does not read back exactly so is ignored: the run then reads every
 * document, as without an index. Paths with a tab or newline are never
 * indexed. */
#define INDEX_HEADER "relgraph-index 1\n"

typedef struct {
    guint64 dev, ino, size;
    gint64 mtime_ns, ctime_ns;
    char key[RELGRAPH_CACHE_KEY_SIZE];
} IndexEntry;

struct RelgraphCacheIndex {
    char *path;
    GHashTable *old;  /* path -> IndexEntry, as read */
    GHashTable *next; /* path -> IndexEntry, as set in this run */
    gboolean read_only; /* its cache's */
};

static IndexEntry entry_of(const GStatBuf *st, const char *key)
{
    IndexEntry e = {(guint64)st->st_dev, (guint64)st->st_ino, (guint64)st->st_size, relgraph_cache_stat_ns(&st->st_mtim),
                    relgraph_cache_stat_ns(&st->st_ctim), ""};
    g_strlcpy(e.key, key, sizeof e.key);
    return e;
}

static gboolean entries_equal(const IndexEntry *a, const IndexEntry *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns &&
           a->ctime_ns == b->ctime_ns && strcmp(a->key, b->key) == 0;
}

/* The next tab-separated number at *p (signed when negative is allowed),
 * *p moved past it and its tab (or to the end, when last). */
static gboolean index_number(char **p, gboolean last, gboolean negative, guint64 *out)
{
    char *end = NULL;
    if (!g_ascii_isdigit(**p) && !(negative && **p == '-'))
        return FALSE;
    *out = negative ? (guint64)g_ascii_strtoll(*p, &end, 10) : g_ascii_strtoull(*p, &end, 10);
    if (end == *p || *end != (last ? '\0' : '\t'))
        return FALSE;
    *p = last ? end : end + 1;
    return TRUE;
}

static gboolean parse_index_line(char *line, GHashTable *into)
{
    char *p = strchr(line, '\t');
    if (!p)
        return FALSE;
    *p++ = '\0';
    IndexEntry e = {0};
    guint64 mtime = 0, ctime = 0;
    if (!index_number(&p, FALSE, FALSE, &e.dev) || !index_number(&p, FALSE, FALSE, &e.ino) ||
        !index_number(&p, FALSE, FALSE, &e.size) || !index_number(&p, FALSE, TRUE, &mtime) ||
        !index_number(&p, FALSE, TRUE, &ctime) || strlen(p) != RELGRAPH_CACHE_KEY_SIZE - 1 || strchr(p, '\t'))
        return FALSE;
    e.mtime_ns = (gint64)mtime;
    e.ctime_ns = (gint64)ctime;
    memcpy(e.key, p, RELGRAPH_CACHE_KEY_SIZE);
    g_hash_table_insert(into, g_strdup(line), g_memdup2(&e, sizeof e));
    return TRUE;
}

RelgraphCacheIndex *relgraph_cache_index_open(const RelgraphCache *cache, char *const *paths, guint n_paths)
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    XXH3_128bits_update(state, &cache->base, sizeof cache->base);
    for (guint i = 0; i < n_paths; i++)
        relgraph_cache_hash_string(state, paths[i]);
    char name[RELGRAPH_CACHE_KEY_SIZE + 4];
    relgraph_cache_hash_format(XXH3_128bits_digest(state), name);
    XXH3_freeState(state);
    strcat(name, ".idx");

    RelgraphCacheIndex *index = g_new0(RelgraphCacheIndex, 1);
    index->path = g_build_filename(cache->dir, INDEX_DIR, name, NULL);
    index->read_only = cache->read_only;
    index->old = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    index->next = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    char *data = NULL;
    gsize len = 0;
    if (!relgraph_read_regular_file(index->path, CACHE_FILE_MAX_BYTES, &data, &len, NULL, NULL))
        return index;
    /* The checksum line ends the file: "end\t" and 16 hex digits. */
    gsize tail = strlen("end\t") + 16 + 1;
    gboolean ok = len >= strlen(INDEX_HEADER) + tail && g_str_has_prefix(data, INDEX_HEADER) &&
                  strncmp(data + len - tail, "end\t", 4) == 0 && data[len - 1] == '\n';
    if (ok) {
        char sum[17];
        g_snprintf(sum, sizeof sum, "%016" G_GINT64_MODIFIER "x", (guint64)XXH3_64bits(data, len - tail));
        ok = strncmp(data + len - tail + 4, sum, 16) == 0;
    }
    if (ok) {
        data[len - tail] = '\0';
        char *line = data + strlen(INDEX_HEADER);
        while (ok && *line) {
            char *nl = strchr(line, '\n');
            if (!nl)
                break;
            *nl = '\0';
            ok = parse_index_line(line, index->old);
            line = nl + 1;
        }
    }
    if (!ok)
        g_hash_table_remove_all(index->old);
    g_free(data);
    return index;
}

void relgraph_cache_index_free(RelgraphCacheIndex *index)
{
    if (!index)
        return;
    g_hash_table_destroy(index->old);
    g_hash_table_destroy(index->next);
    g_free(index->path);
    g_free(index);
}

gboolean relgraph_cache_index_lookup(const RelgraphCacheIndex *index, const char *path, const GStatBuf *st,
                                     char key[RELGRAPH_CACHE_KEY_SIZE])
{
    const IndexEntry *e = g_hash_table_lookup(index->old, path);
    if (!e)
        return FALSE;
    IndexEntry now = entry_of(st, e->key);
    if (!entries_equal(e, &now))
        return FALSE;
    g_strlcpy(key, e->key, RELGRAPH_CACHE_KEY_SIZE);
    return TRUE;
}

void relgraph_cache_index_set(RelgraphCacheIndex *index, const char *path, const GStatBuf *st, gint64 now,
                              const char *key)
{
    if (strpbrk(path, "\t\n"))
        return;
    IndexEntry e = entry_of(st, key);
    gint64 racy = now * 1000 - (gint64)RELGRAPH_CACHE_RACY_SECONDS * G_GINT64_CONSTANT(1000000000);
    if (e.mtime_ns >= racy || e.ctime_ns >= racy)
        return;
    g_hash_table_insert(index->next, g_strdup(path), g_memdup2(&e, sizeof e));
}

/* Appends a tab and value. */
static void append_number(GString *out, guint64 value, gboolean is_signed)
{
    g_string_append_c(out, '\t');
    if (is_signed)
        relgraph_string_append_int(out, (gint64)value);
    else
        relgraph_string_append_uint(out, value);
}

gboolean relgraph_cache_index_save(RelgraphCacheIndex *index, GError **error)
{
    if (index->read_only)
        return TRUE;
    gboolean same = g_hash_table_size(index->old) == g_hash_table_size(index->next);
    GHashTableIter it;
    gpointer path, value;
    g_hash_table_iter_init(&it, index->next);
    while (same && g_hash_table_iter_next(&it, &path, &value)) {
        const IndexEntry *old = g_hash_table_lookup(index->old, path);
        same = old && entries_equal(old, value);
    }
    if (same)
        return TRUE;
    GPtrArray *paths = g_ptr_array_new();
    g_hash_table_iter_init(&it, index->next);
    while (g_hash_table_iter_next(&it, &path, NULL))
        g_ptr_array_add(paths, path);
    g_ptr_array_sort(paths, relgraph_compare_strings);
    GString *out = g_string_new(INDEX_HEADER);
    for (guint i = 0; i < paths->len; i++) {
        const char *p = g_ptr_array_index(paths, i);
        const IndexEntry *e = g_hash_table_lookup(index->next, p);
        g_string_append(out, p);
        append_number(out, e->dev, FALSE);
        append_number(out, e->ino, FALSE);
        append_number(out, e->size, FALSE);
        append_number(out, (guint64)e->mtime_ns, TRUE);
        append_number(out, (guint64)e->ctime_ns, TRUE);
        g_string_append_c(out, '\t');
        g_string_append_len(out, e->key, RELGRAPH_CACHE_KEY_SIZE - 1);
        g_string_append_c(out, '\n');
    }
    g_string_append_printf(out, "end\t%016" G_GINT64_MODIFIER "x\n", (guint64)XXH3_64bits(out->str, out->len));
    gboolean ok = relgraph_cache_write_file(index->path, out->str, out->len, error);
    g_string_free(out, TRUE);
    g_ptr_array_unref(paths);
    return ok;
}

static char *layout_lookup(gpointer cache, const char *input, gsize input_len, gsize *len)
{
    return relgraph_cache_layout_get(cache, input, input_len, len);
}

static void layout_store(gpointer data, const char *input, gsize input_len, const char *positions, gsize len)
{
    RelgraphCache *cache = data;
    GError *error = NULL;
    if (!relgraph_cache_layout_put(cache, input, input_len, positions, len, &error)) {
        if (cache->warn)
            cache->warn(error, cache->warn_data);
        g_error_free(error);
    }
}

const RelgraphLayoutStore *relgraph_cache_layout_store(RelgraphCache *cache, RelgraphCacheWarningFunc warn,
                                                       gpointer user_data)
{
    cache->layouts = (RelgraphLayoutStore){layout_lookup, layout_store, cache};
    cache->warn = warn;
    cache->warn_data = user_data;
    return &cache->layouts;
}
