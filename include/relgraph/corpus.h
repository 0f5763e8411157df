/* relgraph — corpus reading.
 *
 * A corpus is a list of paths: files, directories (searched recursively for
 * .txt, .md and .jsonl files) and "-" for standard input.
 *
 * A .txt or .md file is one document, its id the file name without
 * extension. A .md file may open with front matter, which is read and then
 * blanked (it is not text to match):
 *
 *     ---
 *     date: 2024-06-19
 *     source: KCNA
 *     title: ...
 *     ---
 *
 * A .jsonl file holds one document per line, a JSON object with "text"
 * (required) and "id", "date", "title", "source" (optional; the id defaults
 * to "FILE-ID:LINE"). Only "text" is matched: a title usually repeats the
 * lead sentence and would count it twice. The expanded list is
 * sorted by path so that the order on disk never matters.
 *
 * A document's text is prepared for matching without moving any byte, so
 * that every offset still points into the original file:
 *  - invalid UTF-8 bytes are each replaced by '?', with a warning naming
 *    the file and byte offset (the document still counts);
 *  - NUL bytes are replaced by ' ';
 *  - markdown images "![alt](url)" are blanked out entirely (a caption
 *    that repeats the alt text is then counted once) and links
 *    "[text](url)" keep their text, with the brackets and target blanked.
 *
 * Ownership: relgraph_document_* results are freed with
 * relgraph_document_free; strings inside belong to the document.
 */
#ifndef RELGRAPH_CORPUS_H
#define RELGRAPH_CORPUS_H

#include <glib.h>
#include <glib/gstdio.h>

#include "relgraph/common.h"

G_BEGIN_DECLS

typedef struct {
    char *id;            /* file name without directory and extension; "stdin" for "-" */
    char *path;          /* path as found, "-" for standard input */
    char *text;          /* prepared text, NUL-terminated, exactly len bytes */
    gsize len;
    GPtrArray *warnings; /* char* messages "path: byte N: ...", may be empty */
    char date[RELGRAPH_DATE_SIZE]; /* "YYYY-MM-DD", "" when unknown */
    char *title;         /* from front matter or JSONL, or NULL */
    char *source;        /* likewise */
} RelgraphDocument;

/* Documents are held in memory whole and addressed with 32-bit offsets;
 * a larger file is refused before it is read. */
#define RELGRAPH_DOCUMENT_MAX_BYTES (G_GUINT64_CONSTANT(1) << 30)

/* Expands paths into a sorted, duplicate-free list of document paths
 * (char*, caller frees the array, which owns its strings). A path given
 * that does not exist or cannot be read is an error (NULL). Below a
 * directory the walk goes on past problems, each appended to problems (a
 * GPtrArray of GError*, may be NULL): an entry that cannot be read is a
 * RELGRAPH_ERROR_IO error, a broken or looping symbolic link a
 * RELGRAPH_ERROR_SKIPPED warning. Files given by name are taken whatever
 * their extension. */
GPtrArray *relgraph_corpus_expand(const char *const *paths, guint n_paths, GPtrArray *problems,
                                  GError **error);

/* A document file as the walk found it: its stat (links followed), taken
 * before it was read; statted is FALSE for "-". */
typedef struct {
    char *path;
    GStatBuf st;
    gboolean statted;
} RelgraphCorpusFile;

/* relgraph_corpus_expand with each path's stat, which spares a caller that
 * needs it (the cache's file index) a second stat of every file: a GArray
 * of RelgraphCorpusFile in path order that frees its paths. */
GArray *relgraph_corpus_expand_files(const char *const *paths, guint n_paths, GPtrArray *problems,
                                     GError **error);

/* The walk below one directory, for other files than documents (rule
 * files): the regular files whose name wanted accepts, sorted by path
 * (char*, caller unrefs), with the same handling of links (a directory
 * reached twice, by a loop or a second link, is walked once) and problems
 * as relgraph_corpus_expand. NULL with error when dir cannot be read. */
GPtrArray *relgraph_walk_directory(const char *dir, gboolean (*wanted)(const char *name), GPtrArray *problems,
                                   GError **error);

/* Reads and prepares one document ("-" reads standard input). Caller frees
 * with relgraph_document_free. NULL with a RELGRAPH_ERROR_SKIPPED error for
 * a binary file (a NUL byte in its first RELGRAPH_BINARY_PROBE_BYTES), with
 * another error when it cannot be read or is over
 * RELGRAPH_DOCUMENT_MAX_BYTES. */
RelgraphDocument *relgraph_document_load(const char *path, GError **error);
#define RELGRAPH_BINARY_PROBE_BYTES 8000

/* The id relgraph_document_load gives the file at path (caller frees). */
char *relgraph_document_id(const char *path);

/* Prepares a document from bytes already in memory (copied). */
RelgraphDocument *relgraph_document_new(const char *id, const char *path,
                                        const char *bytes, gsize len);

/* Prepares the document on line `line` of the JSONL file path from the
 * line's bytes (without the newline). NULL with error "path:line:col:
 * message" when the line is not a JSON object with a "text" string. */
RelgraphDocument *relgraph_document_from_json(const char *path, guint line, const char *bytes, gsize len,
                                              GError **error);

/* TRUE when path names a JSONL file (by its extension). */
gboolean relgraph_corpus_is_jsonl(const char *path);

void relgraph_document_free(RelgraphDocument *doc);

G_END_DECLS

#endif
