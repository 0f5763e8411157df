/* relgraph — the line-oriented reader shared by *.actors and *.rules files.
 *
 * A rule file is read into lines with comments and trailing blanks removed
 * and blank lines dropped; each line knows where it came from, so that
 * every parser can report "file:line:col: message". The diagnostics list
 * collects every problem of a load (errors and warnings) instead of
 * stopping at the first, so that one run shows them all.
 *
 * Ownership: lines and diagnostics are owned by their arrays.
 */
#ifndef RELGRAPH_RULEFILE_H
#define RELGRAPH_RULEFILE_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
    const char *path;   /* borrowed: the path given to relgraph_rulefile_read */
    guint line;         /* 1-based */
    guint col;          /* 1-based byte column of text[0] in the file line */
    gboolean indented;  /* the file line started with a space or tab */
    char *text;         /* content without indentation, comment and trailing blanks */
} RelgraphRuleLine;

/* Reads path into a GPtrArray of RelgraphRuleLine* (caller unrefs). The
 * lines borrow path: it must outlive them. Invalid UTF-8 is an error
 * naming the line. */
GPtrArray *relgraph_rulefile_read(const char *path, GError **error);

/* A rule file larger than this is refused unread. */
#define RELGRAPH_RULEFILE_MAX_BYTES (G_GUINT64_CONSTANT(64) << 20)

/* While contents (path -> GBytes, or NULL to stop) is set, every
 * relgraph_rulefile_read on this thread adds the bytes it read there: what
 * was compiled is then what is hashed, even if a file changes meanwhile. */
void relgraph_rulefile_record(GHashTable *contents);

/* path without the leading prefix (when it starts with it), for the rule
 * locations written into outputs. Borrowed from path. */
const char *relgraph_rulefile_display_path(const char *path, const char *prefix);

/* "path:line" for outputs, with path shown as display_path shows it,
 * copied into strings (which owns it). */
const char *relgraph_rulefile_location(GStringChunk *strings, const char *path, const char *prefix,
                                       guint line);

/* Column (1-based) of a pointer into line->text. */
guint relgraph_rulefile_col(const RelgraphRuleLine *line, const char *at);

typedef enum { RELGRAPH_DIAG_ERROR, RELGRAPH_DIAG_WARNING } RelgraphDiagLevel;

typedef struct {
    RelgraphDiagLevel level;
    char *path;         /* the file, as given to the loader */
    guint line, col;    /* 1-based; 0 when the problem is the whole file */
    char *text;         /* what is wrong, without place or level */
    char *message;      /* "file:line:col: error: text", as printed */
} RelgraphDiagnostic;

/* A new, empty diagnostics list (GPtrArray of RelgraphDiagnostic*). */
GPtrArray *relgraph_diagnostics_new(void);
void relgraph_diagnostics_add(GPtrArray *diagnostics, RelgraphDiagLevel level, const char *path,
                              guint line, guint col, const char *format, ...) G_GNUC_PRINTF(6, 7);
guint relgraph_diagnostics_count(const GPtrArray *diagnostics, RelgraphDiagLevel level);
/* Sets a RELGRAPH_ERROR_PARSE error listing every error (one per line) and
 * returns FALSE when there is at least one error; TRUE otherwise. */
gboolean relgraph_diagnostics_to_error(const GPtrArray *diagnostics, GError **error);

/* Splits s on sep into trimmed items; empty items are kept (as "") so the
 * caller can report them. Returns a GPtrArray of char* (caller unrefs);
 * cols gets the 1-based column of each item (same length). */
GPtrArray *relgraph_rulefile_split(const RelgraphRuleLine *line, const char *s, char sep, GArray *cols);

/* The same items one at a time, without copies: start with *cursor at s;
 * each call sets *item and *len to the next item, trimmed (not
 * NUL-terminated), and moves *cursor on. FALSE once the last item is
 * given. */
gboolean relgraph_rulefile_next_item(const char **cursor, char sep, const char **item, gsize *len);

G_END_DECLS

#endif
