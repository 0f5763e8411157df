/* Private to the library (and the command line, which links it
 * statically): helpers of common.c that are no part of the API, so the
 * shared library does not export them. */
#ifndef RELGRAPH_COMMON_INTERNAL_H
#define RELGRAPH_COMMON_INTERNAL_H

#include "relgraph/common.h"

G_BEGIN_DECLS

/* strcmp for g_ptr_array_sort over strings (it passes pointers to the
 * elements). */
gint relgraph_compare_strings(gconstpointer a, gconstpointer b);

/* Append value in decimal, as printf's %llu / %lld would: for files
 * written a line at a time (parts, the file index), where printf was most
 * of the cost. */
void relgraph_string_append_uint(GString *out, guint64 value);
void relgraph_string_append_int(GString *out, gint64 value);

/* Reads the whole file at path ("-": standard input) into *bytes (caller
 * frees; NUL-terminated, *len bytes before the NUL). FALSE with a
 * RELGRAPH_ERROR_IO "path: message" error when it cannot be read. */
gboolean relgraph_read_file(const char *path, char **bytes, gsize *len, GError **error);

/* Reads path only when it is a regular file of at most max bytes, for
 * files relgraph reads on its own account (rule files, cache entries): a
 * FIFO is refused without waiting for a writer, a device or a file over
 * max without being read. FALSE with a RELGRAPH_ERROR_IO "path: message"
 * error; *missing (may be NULL) is set when the file does not exist. */
gboolean relgraph_read_regular_file(const char *path, guint64 max, char **bytes, gsize *len, gboolean *missing,
                                    GError **error);

/* The digits of relgraph_string_append_uint written at the end of digits
 * (no NUL): returns where they start, for a caller that builds its text in
 * a buffer of its own. */
#define RELGRAPH_UINT_DIGITS 20
const char *relgraph_format_uint(char digits[RELGRAPH_UINT_DIGITS], guint64 value);

/* A limit on what may be read: FALSE, with the error set, refuses a file
 * of size bytes. */
typedef gboolean (*RelgraphSizeCheck)(const char *path, guint64 size, GError **error);

/* relgraph_read_file with a size check: asked before a regular file is
 * read (its size from the open file, no second lookup of the path), and
 * again with what was read (standard input, a file that grew). */
gboolean relgraph_read_file_checked(const char *path, RelgraphSizeCheck check, char **bytes, gsize *len,
                                    GError **error);

G_END_DECLS

#endif
