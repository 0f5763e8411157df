/* relgraph — output sets: the files of one build, rendered side by side
 * and replaced together.
 *
 * An output set holds outputs, each a format of one graph (export.h) and
 * the path it goes to ("-": standard output). relgraph_output_set_render
 * renders them on a few threads and prepares each file: a temporary file
 * beside it, finished and synced (relgraph_atomic_file_*, common.h, which
 * keeps the mode of the file it replaces), or nothing when the file
 * already holds these bytes, which is then left alone, times included.
 * relgraph_output_set_commit then renames every temporary file into
 * place, once all are ready: a failure renames none, and readers never see
 * a mix of two builds' files (nor half a file). A set made for checking
 * compares each file with what the graph gives and writes nothing.
 *
 * Builds into one directory at once are kept apart by a lock on it
 * (relgraph_dir_lock_new); temporary files that a killed build left behind
 * are removed under it (relgraph_dir_remove_stale_temporaries).
 *
 * Ownership: the set owns its outputs; a RelgraphOutput is borrowed from
 * it. The graph and options given to _render are borrowed for the call.
 */
#ifndef RELGRAPH_OUTPUTS_H
#define RELGRAPH_OUTPUTS_H

#include <glib.h>

#include "relgraph/export.h"
#include "relgraph/graph.h"

G_BEGIN_DECLS

/* An output's hash: XXH3-128 of its bytes, 32 hex digits and a NUL. */
#define RELGRAPH_OUTPUT_HASH_SIZE 33

typedef struct {
    const char *format;  /* a name relgraph_export_formats() lists */
    const char *path;    /* "-": standard output */
    GError *error;       /* why it could not be rendered or written, or NULL */
    const char *stale;   /* a checking set: "missing" or "differs" when the file is not what the graph
                            gives, NULL when it is */
    gboolean unchanged;  /* the file held these bytes already and was left alone */
    gboolean written;    /* relgraph_output_set_commit put it in place */
    char hash[RELGRAPH_OUTPUT_HASH_SIZE]; /* of the bytes ("" for standard output and checks) */
    gsize len;           /* the bytes' length, with the hash */
} RelgraphOutput;

typedef struct RelgraphOutputSet RelgraphOutputSet;

/* An empty set (caller frees with relgraph_output_set_free); check: compare
 * the files instead of writing them. */
RelgraphOutputSet *relgraph_output_set_new(gboolean check);
/* Frees set; temporary files not committed are removed. */
void relgraph_output_set_free(RelgraphOutputSet *set);

/* Adds an output (both strings copied); returns it, borrowed from set. */
const RelgraphOutput *relgraph_output_set_add(RelgraphOutputSet *set, const char *format, const char *path);
guint relgraph_output_set_size(const RelgraphOutputSet *set);
/* The i-th output added, borrowed. */
const RelgraphOutput *relgraph_output_set_get(const RelgraphOutputSet *set, guint i);

/* Renders graph in every output's format, up to threads at once (1: all in
 * the calling thread; the bytes do not depend on it), and prepares each
 * file, or compares it (checking set), or writes it (standard output).
 * Graphviz is not thread-safe: the figure formats are rendered one after
 * another, and DOT and SVG asked for together share one figure. FALSE when
 * an output failed: its error is set, and the set should not be
 * committed. */
gboolean relgraph_output_set_render(RelgraphOutputSet *set, const RelgraphGraph *graph,
                                    const RelgraphExportOptions *options, guint threads);

/* Puts every prepared file in place, in the order they were added. FALSE
 * with error when one cannot be: that one and those after it are not
 * renamed (those before it are), and their temporary files are removed.
 * A set whose render failed commits nothing: FALSE, with the first failed
 * output's error. A checking set has nothing to commit: TRUE. */
gboolean relgraph_output_set_commit(RelgraphOutputSet *set, GError **error);

/* Where a build's outputs go. The output is a directory, which gets one
 * file relgraph.EXT per format; or one file, whose extension may name the
 * format; or "-", standard output. */
#define RELGRAPH_OUTPUT_DEFAULT_DIR "figures"
#define RELGRAPH_OUTPUT_DEFAULT_FORMATS "dot,svg,graphml"
#define RELGRAPH_OUTPUT_BASENAME "relgraph"

/* The formats of a comma-separated list (blanks around names ignored),
 * checked against relgraph_export_formats() (caller frees with
 * g_strfreev). An empty vector when the list names none: whether that is
 * an error is the caller's to say. NULL with a RELGRAPH_ERROR_USAGE error
 * at the first unknown name. */
GStrv relgraph_output_formats_parse(const char *list, GError **error);
/* The format whose extension path ends with, or NULL (static). */
const char *relgraph_output_format_of_path(const char *path);

/* A page's printable area in points: "a4", "letter" (any case), "WxH" with
 * a unit (in, cm, mm, pt; 0 < W, H < 10^4), or "none": -1 x -1, the
 * natural size (RelgraphExportOptions.page_width, page_height). FALSE,
 * with width and height untouched, when page is none of these. */
gboolean relgraph_output_page_parse(const char *page, double *width, double *height);

/* The plan of a build's outputs: which formats, and where each goes. */
typedef struct {
    char *out;        /* the output as given, or RELGRAPH_OUTPUT_DEFAULT_DIR */
    gboolean to_dir;  /* out is a directory of relgraph.EXT files */
    GStrv formats;    /* NULL-terminated */
} RelgraphOutputPlan;

/* Plans formats (a list, as relgraph_output_formats_parse takes it; NULL:
 * the format out's extension names, else RELGRAPH_OUTPUT_DEFAULT_FORMATS)
 * into output (NULL: RELGRAPH_OUTPUT_DEFAULT_DIR). A path that exists and
 * is not a directory (a file, /dev/stdout, a FIFO) is one file, whatever
 * its name; one that does not exist is a directory unless it ends in a
 * format's extension. FALSE with a RELGRAPH_ERROR_USAGE error, and
 * plan->formats says which: NULL, an unknown format; empty, none given;
 * else several formats into one file (the message starts with its path).
 * Clear the plan with relgraph_output_plan_clear, whatever this returns. */
gboolean relgraph_output_plan_init(RelgraphOutputPlan *plan, const char *output, const char *formats,
                                   GError **error);
void relgraph_output_plan_clear(RelgraphOutputPlan *plan);
/* Where the plan's i-th format goes (caller frees). */
char *relgraph_output_plan_path(const RelgraphOutputPlan *plan, guint i);
/* Every output's path, NULL-terminated (caller frees with g_strfreev). */
char **relgraph_output_plan_paths(const RelgraphOutputPlan *plan);
/* The directory the outputs are in when they are files a build replaces
 * (not standard output, a device or a pipe), else NULL (caller frees). */
char *relgraph_output_plan_dir(const RelgraphOutputPlan *plan);
/* relgraph_dir_remove_stale_temporaries of every file the plan may write
 * in dir (with a directory, relgraph.EXT of every format there is). */
void relgraph_output_plan_remove_stale_temporaries(const RelgraphOutputPlan *plan, const char *dir);

/* The actors of graph without any relation, which figures leave out
 * unless RelgraphExportOptions.keep_isolated. */
guint relgraph_output_isolated_actors(const RelgraphGraph *graph);

/* The title a build's figures get when none is given (caller frees):
 * "Relations among N actors (E relations) in D documents", the actors being
 * those with a relation, the ones a figure draws. It names no path, so
 * that the same documents give the same figure wherever they are. */
char *relgraph_output_default_title(const RelgraphGraph *graph, guint documents);

/* A lock on a directory of outputs (flock on the directory itself):
 * shared to read a set, exclusive to replace it, so that builds into one
 * directory replace the set one after the other. NULL when dir is NULL,
 * cannot be opened or its file system does not lock: callers then go on
 * unlocked. Freeing releases it. */
typedef struct RelgraphDirLock RelgraphDirLock;
RelgraphDirLock *relgraph_dir_lock_new(const char *dir, gboolean exclusive);
void relgraph_dir_lock_free(RelgraphDirLock *lock);

/* Removes the temporary files (NAME.XXXXXX, relgraph_atomic_file_open's)
 * of the files names[0..n_names) in dir that killed runs left: regular
 * files of this user only. Call it with dir locked exclusively, so that
 * no other build is writing one. */
void relgraph_dir_remove_stale_temporaries(const char *dir, const char *const *names, guint n_names);

G_END_DECLS

#endif
