/* relgraph — what the cache's modules share and nobody else uses: the
 * hashing of keys (XXH3-128 of NUL-terminated strings and 64-bit numbers,
 * written as 32 hex digits) and the unsynced atomic write of cache files.
 * cache.c implements them; manifest.c and incremental.c use them, so
 * that every file under the cache hashes as the entries do. Not installed. */
#ifndef RELGRAPH_CACHE_INTERNAL_H
#define RELGRAPH_CACHE_INTERNAL_H

#include <time.h>

#include <glib.h>
#include <xxhash.h>

#include "relgraph/cache.h"

G_BEGIN_DECLS

/* The cache's layout under its directory: DIR/v1/... Bumped when the
 * entries' meaning changes: old entries are then ignored (and pruned). */
#define RELGRAPH_CACHE_LAYOUT "v1"

/* A string with its NUL ("ab"+"c" hashes unlike "a"+"bc"), a number as
 * its 8 bytes. */
void relgraph_cache_hash_string(XXH3_state_t *state, const char *s);
void relgraph_cache_hash_number(XXH3_state_t *state, gint64 n);
/* h as the 32 hex digits of a key. */
void relgraph_cache_hash_format(XXH128_hash_t h, char out[RELGRAPH_CACHE_KEY_SIZE]);
/* A file time in nanoseconds. */
gint64 relgraph_cache_stat_ns(const struct timespec *t);

/* Writes data to a temporary file beside path (making the directory when
 * missing) and renames it into place. No fsync: every cache file is
 * checksummed, and one lost or cut short by a crash is recomputed. */
gboolean relgraph_cache_write_file(const char *path, const char *data, gsize len, GError **error);

G_END_DECLS

#endif
