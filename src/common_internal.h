/* Private to the library (and the command line, which links it
 * statically): helpers of common.c that are no part of the API, so the
 * shared library does not export them. */
#ifndef RELGRAPH_COMMON_INTERNAL_H
#define RELGRAPH_COMMON_INTERNAL_H

#include "relgraph/common.h"

G_BEGIN_DECLS

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
