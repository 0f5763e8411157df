/* The build manifest (manifest.h): a checksummed text file in the cache
 * that lets a rebuild with nothing changed write nothing. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <xxhash.h>

#include "cache_internal.h"
#include "relgraph/common.h"
#include "relgraph/manifest.h"
#include "relgraph/rules.h"
#include "relgraph/version.h"
#include "common_internal.h"

#define MANIFEST_HEADER "relgraph-manifest 1\n"
#define MANIFEST_MAX_BYTES (G_GUINT64_CONSTANT(16) << 20)

struct RelgraphManifest {
    char *path;           /* the manifest file */
    char **command;       /* as given */
    char *rules_dir;
    GPtrArray *corpus;    /* expanded paths (not owned) */
    GHashTable *stat_of;  /* path -> GStatBuf (not owned) */
    gint64 started;       /* this run's stamp */
};

void relgraph_manifest_hash_bytes(const char *data, gsize len, char out[RELGRAPH_CACHE_KEY_SIZE])
{
    relgraph_cache_hash_format(XXH3_128bits(data, len), out);
}

/* The bytes of a file into state; FALSE when it cannot be read. */
static gboolean hash_file(XXH3_state_t *state, const char *path)
{
    char *data = NULL;
    gsize len = 0;
    if (!relgraph_read_regular_file(path, G_MAXUINT32, &data, &len, NULL, NULL))
        return FALSE;
    relgraph_cache_hash_number(state, (gint64)len);
    XXH3_128bits_update(state, data, len);
    g_free(data);
    return TRUE;
}

static gboolean is_rule_file(const char *name)
{
    return g_str_has_suffix(name, ".actors") || g_str_has_suffix(name, ".rules");
}

/* The inputs hash with stamp (µs) deciding which documents are hashed by
 * their bytes; FALSE when an input cannot be identified (then no manifest
 * applies). */
static gboolean inputs_hash(const RelgraphManifest *m, gint64 stamp, char out[RELGRAPH_CACHE_KEY_SIZE])
{
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    relgraph_cache_hash_string(state, "relgraph manifest 1 " RELGRAPH_VERSION);
    GStatBuf st;
    gboolean ok = g_stat("/proc/self/exe", &st) == 0;
    if (ok) {
        relgraph_cache_hash_number(state, (gint64)st.st_dev);
        relgraph_cache_hash_number(state, (gint64)st.st_ino);
        relgraph_cache_hash_number(state, (gint64)st.st_size);
        relgraph_cache_hash_number(state, relgraph_cache_stat_ns(&st.st_mtim));
    }
    char *cwd = g_get_current_dir();
    relgraph_cache_hash_string(state, cwd);
    g_free(cwd);
    /* The command line but what cannot change an output: --quiet, --jobs. */
    for (guint i = 0; m->command[i]; i++) {
        const char *a = m->command[i];
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0 || g_str_has_prefix(a, "--jobs=") ||
            (g_str_has_prefix(a, "-j") && a[2]))
            continue;
        if ((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && m->command[i + 1]) {
            i++;
            continue;
        }
        relgraph_cache_hash_string(state, a);
    }
    relgraph_cache_hash_string(state, "--");
    /* The rules, as relgraph_rules_load finds them, by their bytes. */
    relgraph_cache_hash_string(state, m->rules_dir);
    GPtrArray *rule_files = NULL;
    if (ok && g_file_test(m->rules_dir, G_FILE_TEST_IS_DIR)) {
        GPtrArray *problems = g_ptr_array_new_with_free_func((GDestroyNotify)g_error_free);
        rule_files = relgraph_walk_directory(m->rules_dir, is_rule_file, problems, NULL);
        ok = rule_files && problems->len == 0;
        g_ptr_array_unref(problems);
    } else if (ok) {
        rule_files = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(rule_files, g_strdup(m->rules_dir));
    }
    for (guint i = 0; ok && i < rule_files->len; i++) {
        relgraph_cache_hash_string(state, g_ptr_array_index(rule_files, i));
        ok = hash_file(state, g_ptr_array_index(rule_files, i));
    }
    if (rule_files)
        g_ptr_array_unref(rule_files);
    /* The documents, by their identity; those changed within the window
     * before the stamp by their bytes too. */
    gint64 racy = stamp * 1000 - (gint64)RELGRAPH_CACHE_RACY_SECONDS * G_GINT64_CONSTANT(1000000000);
    relgraph_cache_hash_string(state, "--");
    for (guint i = 0; ok && i < m->corpus->len; i++) {
        const char *path = g_ptr_array_index(m->corpus, i);
        const GStatBuf *f = g_hash_table_lookup(m->stat_of, path);
        ok = f && strcmp(path, "-") != 0;
        if (!ok)
            break;
        relgraph_cache_hash_string(state, path);
        relgraph_cache_hash_number(state, (gint64)f->st_dev);
        relgraph_cache_hash_number(state, (gint64)f->st_ino);
        relgraph_cache_hash_number(state, (gint64)f->st_size);
        relgraph_cache_hash_number(state, relgraph_cache_stat_ns(&f->st_mtim));
        relgraph_cache_hash_number(state, relgraph_cache_stat_ns(&f->st_ctim));
        if (relgraph_cache_stat_ns(&f->st_mtim) >= racy || relgraph_cache_stat_ns(&f->st_ctim) >= racy)
            ok = hash_file(state, path);
    }
    if (ok)
        relgraph_cache_hash_format(XXH3_128bits_digest(state), out);
    XXH3_freeState(state);
    return ok;
}

RelgraphManifest *relgraph_manifest_new(const char *cache_dir, const RelgraphManifestInputs *inputs,
                                        char *const *outputs, guint n_outputs)
{
    if (n_outputs == 0 || inputs->corpus->len == 0)
        return NULL;
    XXH3_state_t *state = XXH3_createState();
    XXH3_128bits_reset(state);
    char *cwd = g_get_current_dir();
    relgraph_cache_hash_string(state, cwd);
    g_free(cwd);
    for (guint i = 0; i < n_outputs; i++) {
        if (strcmp(outputs[i], "-") == 0) {
            XXH3_freeState(state);
            return NULL;
        }
        relgraph_cache_hash_string(state, outputs[i]);
    }
    char name[RELGRAPH_CACHE_KEY_SIZE + 4];
    relgraph_cache_hash_format(XXH3_128bits_digest(state), name);
    XXH3_freeState(state);
    strcat(name, ".man");
    RelgraphManifest *m = g_new0(RelgraphManifest, 1);
    m->path = g_build_filename(cache_dir, RELGRAPH_CACHE_LAYOUT, "manifest", name, NULL);
    m->command = g_strdupv((char **)inputs->command);
    m->rules_dir = g_strdup(inputs->rules_dir);
    m->corpus = inputs->corpus;
    m->stat_of = inputs->stat_of;
    m->started = inputs->started;
    return m;
}

void relgraph_manifest_free(RelgraphManifest *m)
{
    if (!m)
        return;
    g_free(m->path);
    g_strfreev(m->command);
    g_free(m->rules_dir);
    g_free(m);
}

/* The value after "name\t" on the line at *p, *p moved to the next line. */
static char *field(char **p, const char *name)
{
    gsize n = strlen(name);
    if (strncmp(*p, name, n) != 0 || (*p)[n] != '\t')
        return NULL;
    char *value = *p + n + 1, *nl = strchr(value, '\n');
    if (!nl)
        return NULL;
    *nl = '\0';
    *p = nl + 1;
    return value;
}

gboolean relgraph_manifest_up_to_date(const RelgraphManifest *m, char *const *outputs, guint n_outputs, guint *documents)
{
    char *data = NULL;
    gsize len = 0;
    if (!relgraph_read_regular_file(m->path, MANIFEST_MAX_BYTES, &data, &len, NULL, NULL))
        return FALSE;
    gsize tail = strlen("end\t") + 16 + 1;
    gboolean ok = len > strlen(MANIFEST_HEADER) + tail && g_str_has_prefix(data, MANIFEST_HEADER) &&
                  strncmp(data + len - tail, "end\t", 4) == 0 && data[len - 1] == '\n';
    if (ok) {
        char sum[17];
        g_snprintf(sum, sizeof sum, "%016" G_GINT64_MODIFIER "x", (guint64)XXH3_64bits(data, len - tail));
        ok = strncmp(data + len - tail + 4, sum, 16) == 0;
        data[len - tail] = '\0';
    }
    char *p = data + strlen(MANIFEST_HEADER), *value;
    gint64 stamp = 0;
    if (ok && (ok = (value = field(&p, "stamp")) != NULL))
        stamp = g_ascii_strtoll(value, NULL, 10);
    char want[RELGRAPH_CACHE_KEY_SIZE];
    if (ok)
        ok = (value = field(&p, "inputs")) != NULL && inputs_hash(m, stamp, want) && strcmp(value, want) == 0;
    if (ok && (ok = (value = field(&p, "documents")) != NULL))
        *documents = (guint)g_ascii_strtoull(value, NULL, 10);
    /* Every output there, with the bytes the manifest's run wrote. */
    for (guint i = 0; ok && i < n_outputs; i++) {
        ok = (value = field(&p, "output")) != NULL;
        char **parts = ok ? g_strsplit(value, "\t", 3) : NULL;
        ok = ok && g_strv_length(parts) == 3 && strcmp(parts[2], outputs[i]) == 0;
        char *bytes = NULL;
        gsize size = 0;
        ok = ok && relgraph_read_regular_file(outputs[i], MANIFEST_MAX_BYTES * 64, &bytes, &size, NULL, NULL);
        if (ok) {
            char hash[RELGRAPH_CACHE_KEY_SIZE];
            relgraph_manifest_hash_bytes(bytes, size, hash);
            ok = g_ascii_strtoull(parts[1], NULL, 10) == size && strcmp(parts[0], hash) == 0;
        }
        g_free(bytes);
        g_strfreev(parts);
    }
    ok = ok && *p == '\0';
    g_free(data);
    return ok;
}

void relgraph_manifest_remove(const RelgraphManifest *m)
{
    g_unlink(m->path);
}

gboolean relgraph_manifest_save(const RelgraphManifest *m, char *const *outputs, char *const *hashes, const gsize *sizes,
                           guint n_outputs, guint documents)
{
    char inputs[RELGRAPH_CACHE_KEY_SIZE];
    if (!inputs_hash(m, m->started, inputs)) {
        relgraph_manifest_remove(m);
        return FALSE;
    }
    GString *out = g_string_new(MANIFEST_HEADER);
    g_string_append_printf(out, "stamp\t%" G_GINT64_FORMAT "\ninputs\t%s\ndocuments\t%u\n", m->started, inputs,
                           documents);
    for (guint i = 0; i < n_outputs; i++) {
        if (strpbrk(outputs[i], "\t\n")) {
            g_string_free(out, TRUE);
            relgraph_manifest_remove(m);
            return FALSE;
        }
        g_string_append_printf(out, "output\t%s\t%" G_GSIZE_FORMAT "\t%s\n", hashes[i], sizes[i], outputs[i]);
    }
    g_string_append_printf(out, "end\t%016" G_GINT64_MODIFIER "x\n", (guint64)XXH3_64bits(out->str, out->len));
    /* As the cache's files are written, without fsync: the manifest is
     * checksummed, and it only ever spares work on outputs that it finds
     * holding the bytes it names. */
    gboolean ok = relgraph_cache_write_file(m->path, out->str, out->len, NULL);
    g_string_free(out, TRUE);
    return ok;
}
