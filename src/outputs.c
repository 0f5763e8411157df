/* Output sets: the formats of one graph rendered side by side, their
 * files prepared as temporaries and renamed together. */
#define _DEFAULT_SOURCE /* flock */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "relgraph/common.h"
#include "relgraph/manifest.h"
#include "relgraph/outputs.h"
#include "signal_stack.h"

/* One output and what its rendering left: run on a pool thread or inline. */
typedef struct {
    RelgraphOutput pub;
    char *format, *path;         /* pub's strings */
    const RelgraphOutputSet *set;
    RelgraphAtomicFile *file;    /* the finished temporary file, until commit */
} Output;

struct RelgraphOutputSet {
    GPtrArray *outputs;          /* Output*, owned */
    gboolean check;
    /* While rendering: */
    const RelgraphGraph *graph;
    const RelgraphExportOptions *options;
};

static void output_free(gpointer data)
{
    Output *o = data;
    relgraph_atomic_file_abort(o->file);
    g_clear_error(&o->pub.error);
    g_free(o->format);
    g_free(o->path);
    g_free(o);
}

RelgraphOutputSet *relgraph_output_set_new(gboolean check)
{
    RelgraphOutputSet *set = g_new0(RelgraphOutputSet, 1);
    set->outputs = g_ptr_array_new_with_free_func(output_free);
    set->check = check;
    return set;
}

void relgraph_output_set_free(RelgraphOutputSet *set)
{
    if (!set)
        return;
    g_ptr_array_unref(set->outputs);
    g_free(set);
}

const RelgraphOutput *relgraph_output_set_add(RelgraphOutputSet *set, const char *format, const char *path)
{
    Output *o = g_new0(Output, 1);
    o->format = g_strdup(format);
    o->path = g_strdup(path);
    o->pub.format = o->format;
    o->pub.path = o->path;
    o->set = set;
    g_ptr_array_add(set->outputs, o);
    return &o->pub;
}

guint relgraph_output_set_size(const RelgraphOutputSet *set)
{
    return set->outputs->len;
}

const RelgraphOutput *relgraph_output_set_get(const RelgraphOutputSet *set, guint i)
{
    g_return_val_if_fail(i < set->outputs->len, NULL);
    return &((Output *)g_ptr_array_index(set->outputs, i))->pub;
}

/* ---- Preparing one file ----------------------------------------------------- */

/* Why the file at path is not exactly data: "missing", "differs", or NULL. */
static const char *staleness(const char *path, const char *data, gsize len)
{
    char *old = NULL;
    gsize old_len = 0;
    if (!g_file_get_contents(path, &old, &old_len, NULL))
        return "missing";
    gboolean same = old_len == len && memcmp(old, data, len) == 0;
    g_free(old);
    return same ? NULL : "differs";
}

/* Whether the regular file at path holds exactly data (a device, a pipe,
 * a missing file, or a path under /dev or /proc, which is written through
 * and never compared: /dev/stdout appended to a file, does not). */
static gboolean holds(const char *path, const char *data, gsize len)
{
    GStatBuf st;
    if (g_str_has_prefix(path, "/dev/") || g_str_has_prefix(path, "/proc/") || g_stat(path, &st) != 0 ||
        !S_ISREG(st.st_mode) || (guint64)st.st_size != len)
        return FALSE;
    return staleness(path, data, len) == NULL;
}

/* Compares (checking set), writes (standard output) or prepares what the
 * output's format gave: a file that already holds the bytes is left alone,
 * another gets a finished temporary file, renamed at commit with the
 * others. Takes data. */
static void output_finish(Output *o, char *data, gsize len)
{
    RelgraphOutput *pub = &o->pub;
    if (o->set->check) {
        pub->stale = staleness(o->path, data, len);
    } else if (strcmp(o->path, "-") == 0) {
        relgraph_write_file_atomic("-", data, len, &pub->error);
    } else {
        relgraph_manifest_hash_bytes(data, len, pub->hash);
        pub->len = len;
        if (holds(o->path, data, len)) {
            pub->unchanged = TRUE;
        } else {
            RelgraphAtomicFile *file = relgraph_atomic_file_open(o->path, &pub->error);
            if (file) {
                relgraph_atomic_file_write(file, data, len);
                if (relgraph_atomic_file_finish(file, &pub->error))
                    o->file = file;
            }
        }
    }
    g_free(data);
}

static void render_one(Output *o)
{
    gsize len = 0;
    char *data = relgraph_export(o->set->graph, o->format, o->set->options, &len, &o->pub.error);
    if (data)
        output_finish(o, data, len);
}

/* A text of the figure is there: written at once and let go. */
static void figure_text_ready(RelgraphExportResult *result, gpointer data)
{
    Output *o = data;
    if (result->error)
        o->pub.error = g_steal_pointer(&result->error);
    else
        output_finish(o, g_steal_pointer(&result->data), result->len);
}

/* ---- The scheduler ------------------------------------------------------------ */

/* The outputs of one lane, in order: Graphviz is not thread-safe, so the
 * figure formats share a lane (and DOT and SVG a figure, when both are
 * asked for); every other format has its own. */
static void run_lane(gpointer lane, gpointer unused)
{
    (void)unused;
    relgraph_signal_stack_ensure();
    GPtrArray *outputs = lane;
    Output *dot = NULL, *svg = NULL;
    for (guint i = 0; i < outputs->len; i++) {
        Output *o = g_ptr_array_index(outputs, i);
        if (strcmp(o->format, "dot") == 0 && !dot)
            dot = o;
        else if (strcmp(o->format, "svg") == 0 && !svg)
            svg = o;
    }
    if (dot && svg) {
        RelgraphExportResult results[2] = {{.ready = figure_text_ready, .user_data = dot},
                                           {.ready = figure_text_ready, .user_data = svg}};
        relgraph_export_figure(dot->set->graph, dot->set->options, &results[0], &results[1]);
    }
    for (guint i = 0; i < outputs->len; i++) {
        Output *o = g_ptr_array_index(outputs, i);
        if (!(dot && svg && (o == dot || o == svg)))
            render_one(o);
    }
}

gboolean relgraph_output_set_render(RelgraphOutputSet *set, const RelgraphGraph *graph,
                                    const RelgraphExportOptions *options, guint threads)
{
    set->graph = graph;
    set->options = options;
    GPtrArray *lanes = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *graphviz = NULL;
    for (guint i = 0; i < set->outputs->len; i++) {
        Output *o = g_ptr_array_index(set->outputs, i);
        if (relgraph_export_is_figure(o->format)) {
            if (!graphviz) {
                graphviz = g_ptr_array_new();
                g_ptr_array_add(lanes, graphviz);
            }
            g_ptr_array_add(graphviz, o);
        } else {
            GPtrArray *lane = g_ptr_array_new();
            g_ptr_array_add(lane, o);
            g_ptr_array_add(lanes, lane);
        }
    }
    GError *thread_error = NULL;
    GThreadPool *pool = threads > 1 && lanes->len > 1
                            ? g_thread_pool_new(run_lane, NULL, (gint)MIN(threads, lanes->len), TRUE, &thread_error)
                            : NULL;
    /* With no thread started (the address space is exhausted), lanes pushed
     * to the pool would wait forever: they run here, one after another.
     * Some threads are enough: the pool shares the lanes among them. */
    if (pool && g_thread_pool_get_num_threads(pool) == 0) {
        g_thread_pool_free(pool, TRUE, FALSE);
        pool = NULL;
    }
    g_clear_error(&thread_error);
    for (guint i = 0; i < lanes->len; i++) {
        if (pool)
            g_thread_pool_push(pool, g_ptr_array_index(lanes, i), NULL);
        else
            run_lane(g_ptr_array_index(lanes, i), NULL);
    }
    if (pool)
        g_thread_pool_free(pool, FALSE, TRUE);
    g_ptr_array_unref(lanes);
    set->graph = NULL;
    set->options = NULL;
    gboolean ok = TRUE;
    for (guint i = 0; i < set->outputs->len; i++)
        ok = ok && !((Output *)g_ptr_array_index(set->outputs, i))->pub.error;
    return ok;
}

gboolean relgraph_output_set_commit(RelgraphOutputSet *set, GError **error)
{
    for (guint i = 0; i < set->outputs->len; i++) {
        Output *o = g_ptr_array_index(set->outputs, i);
        if (o->pub.error) {
            for (guint j = 0; j < set->outputs->len; j++) {
                Output *other = g_ptr_array_index(set->outputs, j);
                relgraph_atomic_file_abort(g_steal_pointer(&other->file));
            }
            g_propagate_error(error, g_error_copy(o->pub.error));
            return FALSE;
        }
    }
    gboolean ok = TRUE;
    for (guint i = 0; i < set->outputs->len; i++) {
        Output *o = g_ptr_array_index(set->outputs, i);
        RelgraphAtomicFile *file = g_steal_pointer(&o->file);
        if (!file)
            continue;
        if (!ok)
            relgraph_atomic_file_abort(file);
        else if (relgraph_atomic_file_rename(file, error))
            o->pub.written = TRUE;
        else
            ok = FALSE;
    }
    return ok;
}

/* ---- Titles ---------------------------------------------------------------- */

guint relgraph_output_isolated_actors(const RelgraphGraph *graph)
{
    GHashTable *linked = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        g_hash_table_add(linked, e->source);
        g_hash_table_add(linked, e->target);
    }
    guint isolated = relgraph_graph_node_count(graph) - g_hash_table_size(linked);
    g_ptr_array_unref(edges);
    g_hash_table_destroy(linked);
    return isolated;
}

char *relgraph_output_default_title(const RelgraphGraph *graph, guint documents)
{
    guint n = relgraph_graph_node_count(graph) - relgraph_output_isolated_actors(graph);
    guint e = relgraph_graph_edge_count(graph);
    return g_strdup_printf("Relations among %u actor%s (%u relation%s) in %u document%s", n, n == 1 ? "" : "s", e,
                           e == 1 ? "" : "s", documents, documents == 1 ? "" : "s");
}

/* ---- The directory --------------------------------------------------------- */

struct RelgraphDirLock {
    int fd;
};

RelgraphDirLock *relgraph_dir_lock_new(const char *dir, gboolean exclusive)
{
    if (!dir)
        return NULL;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    while (flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0) {
        if (errno != EINTR) {
            close(fd);
            return NULL;
        }
    }
    RelgraphDirLock *lock = g_new(RelgraphDirLock, 1);
    lock->fd = fd;
    return lock;
}

void relgraph_dir_lock_free(RelgraphDirLock *lock)
{
    if (!lock)
        return;
    close(lock->fd); /* releases the lock */
    g_free(lock);
}

/* Whether name is base and the ".XXXXXX" of a temporary file of ours. */
static gboolean temp_of(const char *name, const char *base)
{
    gsize n = strlen(base);
    if (strncmp(name, base, n) != 0 || name[n] != '.' || strlen(name + n + 1) != 6)
        return FALSE;
    for (const char *p = name + n + 1; *p; p++)
        if (!g_ascii_isalnum(*p))
            return FALSE;
    return TRUE;
}

void relgraph_dir_remove_stale_temporaries(const char *dir, const char *const *names, guint n_names)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        gboolean ours = FALSE;
        for (guint i = 0; i < n_names && !ours; i++)
            ours = temp_of(name, names[i]);
        if (!ours)
            continue;
        char *path = g_build_filename(dir, name, NULL);
        GStatBuf st;
        if (g_lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid())
            g_unlink(path);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
}
