/* relgraph — shared definitions: error domain, actor types, file output.
 *
 * Ownership rule for every relgraph header: a function that returns a
 * pointer it allocated says "caller frees" and names the free function;
 * everything else returned is borrowed from its owner and lives as long as
 * that owner. Functions that can fail return FALSE/NULL and set a GError
 * in RELGRAPH_ERROR whose message starts with "file:line:col: " (or
 * "file: ") when it is about a place in a file.
 */
#ifndef RELGRAPH_COMMON_H
#define RELGRAPH_COMMON_H

#include <glib.h>

G_BEGIN_DECLS

#define RELGRAPH_ERROR (relgraph_error_quark())
GQuark relgraph_error_quark(void);

typedef enum {
    RELGRAPH_ERROR_IO,      /* a file could not be read or written */
    RELGRAPH_ERROR_PARSE,   /* a rule, gold or corpus file is malformed */
    RELGRAPH_ERROR_USAGE,   /* a bad option or argument */
    RELGRAPH_ERROR_RENDER,  /* Graphviz or the XML writer failed */
    RELGRAPH_ERROR_SKIPPED, /* not a document (a binary file): skipped, a warning */
} RelgraphErrorCode;

/* Actor types; a bit set so that a slot can accept several. */
typedef enum {
    RELGRAPH_ACTOR_STATE = 1 << 0,
    RELGRAPH_ACTOR_OFFICIAL = 1 << 1,
    RELGRAPH_ACTOR_INSTITUTION = 1 << 2,
} RelgraphActorType;
#define RELGRAPH_ACTOR_ANY (RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_OFFICIAL | RELGRAPH_ACTOR_INSTITUTION)

/* "state", "official", "institution"; NULL for anything but a single type. */
const char *relgraph_actor_type_name(RelgraphActorType type);
/* Parses one type name; returns 0 when unknown. */
RelgraphActorType relgraph_actor_type_from_name(const char *name);

/* Relation polarity, used for edge colours. */
typedef enum {
    RELGRAPH_POLARITY_NEUTRAL,
    RELGRAPH_POLARITY_COOPERATIVE,
    RELGRAPH_POLARITY_CONFLICTUAL,
} RelgraphPolarity;

const char *relgraph_polarity_name(RelgraphPolarity polarity);
/* Returns FALSE when the name is not a polarity. */
gboolean relgraph_polarity_from_name(const char *name, RelgraphPolarity *out);

/* Dates are kept as "YYYY-MM-DD" (ISO 8601, which orders as a string) in
 * a buffer of this size; "" when unknown. */
#define RELGRAPH_DATE_SIZE 11

/* Reads a date "YYYY-MM-DD", optionally followed by a time ("T12:00:00Z",
 * " 12:00"), which is dropped, into out; FALSE when it is not a valid
 * calendar date. */
gboolean relgraph_date_parse(const char *text, char out[RELGRAPH_DATE_SIZE]);

/* Writes data to path atomically (temporary file in the same directory,
 * fsync, rename): on failure the previous file is left untouched, and a
 * file replaced keeps its mode. A device, a pipe, or a path under /dev or
 * /proc (/dev/stdout) is written directly, never replaced; a symbolic link
 * is followed, its target replaced and the link kept. "-" is standard
 * output (flushed, not closed; errors say "standard output: ..."). */
gboolean relgraph_write_file_atomic(const char *path, const char *data, gsize len, GError **error);

/* The same for output produced piece by piece (extract's rows), so it need
 * not be held in memory: data goes to a temporary file beside path, which
 * replaces path only at _commit. _abort (or a failed _commit) removes it.
 * Both free the handle. */
typedef struct RelgraphAtomicFile RelgraphAtomicFile;

RelgraphAtomicFile *relgraph_atomic_file_open(const char *path, GError **error);
/* Returns FALSE once a write has failed; the error is reported by _commit. */
gboolean relgraph_atomic_file_write(RelgraphAtomicFile *file, const char *data, gsize len);
gboolean relgraph_atomic_file_commit(RelgraphAtomicFile *file, GError **error);
/* _commit in two steps, so that a set of files is replaced together (all
 * temporary files finished first, then every rename): _finish flushes,
 * syncs and closes the temporary file, and on failure removes it and frees
 * file; _rename then puts it in place and frees file. A finished file not
 * renamed is let go with _abort, which removes its temporary file. */
gboolean relgraph_atomic_file_finish(RelgraphAtomicFile *file, GError **error);
gboolean relgraph_atomic_file_rename(RelgraphAtomicFile *file, GError **error);
void relgraph_atomic_file_abort(RelgraphAtomicFile *file);

G_END_DECLS

#endif
