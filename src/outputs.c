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

GStrv relgraph_output_formats_parse(const char *list, GError **error)
{
    GStrv names = g_strsplit(list, ",", -1);
    GPtrArray *formats = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = TRUE;
    for (guint i = 0; names[i] && ok; i++) {
        const char *f = g_strstrip(names[i]);
        if (!*f)
            continue;
        if (!relgraph_export_extension(f)) {
            char *known = g_strjoinv(", ", (GStrv)relgraph_export_formats());
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE, "unknown format \"%s\" (known: %s)", f, known);
            g_free(known);
            ok = FALSE;
        }
        g_ptr_array_add(formats, g_strdup(f));
    }
    g_strfreev(names);
    if (!ok) {
        g_ptr_array_unref(formats);
        return NULL;
    }
    g_ptr_array_set_free_func(formats, NULL);
    g_ptr_array_add(formats, NULL);
    return (GStrv)g_ptr_array_free(formats, FALSE);
}

const char *relgraph_output_format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && slash > dot))
        return NULL;
    for (const char *const *f = relgraph_export_formats(); *f; f++)
        if (strcmp(dot + 1, relgraph_export_extension(*f)) == 0)
            return *f;
    return NULL;
}

gboolean relgraph_output_page_parse(const char *page, double *width, double *height)
{
    if (g_ascii_strcasecmp(page, "a4") == 0) {
        *width = RELGRAPH_PAGE_A4_WIDTH, *height = RELGRAPH_PAGE_A4_HEIGHT;
        return TRUE;
    }
    if (g_ascii_strcasecmp(page, "letter") == 0) {
        *width = RELGRAPH_PAGE_LETTER_WIDTH, *height = RELGRAPH_PAGE_LETTER_HEIGHT;
        return TRUE;
    }
    if (g_ascii_strcasecmp(page, "none") == 0) {
        *width = *height = -1;
        return TRUE;
    }
    static const struct {
        const char *unit;
        double points;
    } units[] = {{"in", 72.0}, {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}, {"pt", 1.0}};
    char *end = NULL;
    double w = g_ascii_strtod(page, &end);
    if (end == page || (*end != 'x' && *end != 'X'))
        return FALSE;
    const char *rest = end + 1;
    double h = g_ascii_strtod(rest, &end);
    if (end == rest || !(w > 0 && h > 0 && w < 1e4 && h < 1e4))
        return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(units); i++)
        if (strcmp(end, units[i].unit) == 0) {
            *width = w * units[i].points, *height = h * units[i].points;
            return TRUE;
        }
    return FALSE;
}

gboolean relgraph_output_plan_init(RelgraphOutputPlan *plan, const char *output, const char *formats,
                                   GError **error)
{
    *plan = (RelgraphOutputPlan){0};
    plan->out = g_strdup(output ? output : RELGRAPH_OUTPUT_DEFAULT_DIR);
    gboolean to_stdout = strcmp(plan->out, "-") == 0;
    const char *file_format = to_stdout ? NULL : relgraph_output_format_of_path(plan->out);
    if (!formats)
        formats = file_format ? file_format : RELGRAPH_OUTPUT_DEFAULT_FORMATS;
    plan->formats = relgraph_output_formats_parse(formats, error);
    if (!plan->formats)
        return FALSE;
    /* Planned from here: plan->formats tells the caller which error this is. */
    guint n_formats = g_strv_length(plan->formats);
    if (n_formats == 0) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE, "no format given");
        return FALSE;
    }
    gboolean exists = g_file_test(plan->out, G_FILE_TEST_EXISTS);
    plan->to_dir = !to_stdout && (g_file_test(plan->out, G_FILE_TEST_IS_DIR) || g_str_has_suffix(plan->out, "/") ||
                                  (!file_format && !exists));
    if (!plan->to_dir && n_formats > 1) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE,
                    "%s names one file but %u formats were asked for; give a directory", plan->out, n_formats);
        return FALSE;
    }
    return TRUE;
}

void relgraph_output_plan_clear(RelgraphOutputPlan *plan)
{
    g_free(plan->out);
    g_strfreev(plan->formats);
    *plan = (RelgraphOutputPlan){0};
}

char *relgraph_output_plan_path(const RelgraphOutputPlan *plan, guint i)
{
    if (!plan->to_dir)
        return g_strdup(plan->out);
    /* g_build_filename: "out/" gives out/relgraph.dot, not out//. */
    char *name = g_strconcat(RELGRAPH_OUTPUT_BASENAME ".", relgraph_export_extension(plan->formats[i]), NULL);
    char *path = g_build_filename(plan->out, name, NULL);
    g_free(name);
    return path;
}

char **relgraph_output_plan_paths(const RelgraphOutputPlan *plan)
{
    guint n_formats = g_strv_length(plan->formats);
    char **paths = g_new0(char *, n_formats + 1);
    for (guint i = 0; i < n_formats; i++)
        paths[i] = relgraph_output_plan_path(plan, i);
    return paths;
}

char *relgraph_output_plan_dir(const RelgraphOutputPlan *plan)
{
    if (strcmp(plan->out, "-") == 0)
        return NULL;
    if (plan->to_dir)
        return g_strdup(plan->out);
    GStatBuf st;
    if (g_stat(plan->out, &st) == 0 && !S_ISREG(st.st_mode))
        return NULL;
    if (g_str_has_prefix(plan->out, "/dev/") || g_str_has_prefix(plan->out, "/proc/"))
        return NULL;
    return g_path_get_dirname(plan->out);
}

void relgraph_output_plan_remove_stale_temporaries(const RelgraphOutputPlan *plan, const char *dir)
{
    GPtrArray *bases = g_ptr_array_new_with_free_func(g_free);
    if (plan->to_dir)
        for (const char *const *f = relgraph_export_formats(); *f; f++)
            g_ptr_array_add(bases, g_strconcat(RELGRAPH_OUTPUT_BASENAME ".", relgraph_export_extension(*f), NULL));
    else
        g_ptr_array_add(bases, g_path_get_basename(plan->out));
    relgraph_dir_remove_stale_temporaries(dir, (const char *const *)bases->pdata, bases->len);
    g_ptr_array_unref(bases);
}
