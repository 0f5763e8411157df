/* relgraph — the extraction cache: what each document gave, kept on disk
 * under a key made of the document and the complete rule set, so that a
 * rebuild only extracts the documents that changed.
 *
 * Layout: DIR/v1/XX/KEY.part, KEY the 32 hex digits of an XXH3-128 hash of
 * (cache format, relgraph version, every rule file's path below the rules
 * directory and bytes, the extraction options, the document's id, date and
 * prepared text). An entry is a part (part.h) of that one document: its
 * checksum catches a truncated or damaged entry, which is then recomputed
 * and replaced, never trusted. Entries are written to a temporary file and
 * renamed into place, so concurrent runs may share the directory: at worst
 * two of them write the same entry.
 *
 * XXH3 rather than a glib checksum: keys are computed for every document of
 * every run, warm runs included, and XXH3 hashes at memory speed where
 * SHA-256 would cost a tenth of a warm rebuild.
 *
 * Groups: a build also stores the merged graph of a group of documents (a
 * shard of a large corpus, or the whole corpus) under a key made of its
 * members' keys, so that a rebuild reads a few merged graphs, not one entry
 * per document. Merging is associative and commutative, so the graph is
 * the same whichever way it was put together.
 *
 * The file index (DIR/v1/index/NAME.idx, one per rule set and corpus
 * arguments) remembers each file's key with its device, inode, size and
 * change times, so that a rebuild need not read and hash a file that has not
 * changed. A file changed less than RELGRAPH_CACHE_RACY_SECONDS before it
 * was read is not remembered: a second change within the file system's
 * time resolution would not show in its times.
 *
 * Layouts (DIR/v1/layout/KEY.pos): the positions of a laid-out figure,
 * under a hash of everything its layout depends on (export.h,
 * RelgraphLayoutStore), checksummed, so that a figure whose nodes and edges
 * did not change is drawn without laying it out again.
 *
 * Ownership: _open returns a cache freed with _free. get/put may be called
 * from several threads at once; an index belongs to one thread.
 */
#ifndef RELGRAPH_CACHE_H
#define RELGRAPH_CACHE_H

#include <glib.h>
#include <glib/gstdio.h>

#include "relgraph/corpus.h"
#include "relgraph/export.h"
#include "relgraph/extract.h"
#include "relgraph/graph.h"
#include "relgraph/part.h"
#include "relgraph/rules.h"

G_BEGIN_DECLS

#define RELGRAPH_CACHE_KEY_SIZE 33 /* 32 hex digits and a NUL */

typedef struct RelgraphCache RelgraphCache;

/* The directory used when none is given: $RELGRAPH_CACHE_DIR, else
 * $XDG_CACHE_HOME/relgraph (~/.cache/relgraph). */
char *relgraph_cache_default_dir(void);

/* Every setting besides the rules and the document that changes what a
 * document's entry holds: part of every key, so that builds with other
 * settings never share an entry. Zeroed, it is the defaults. */
#define RELGRAPH_CACHE_DEFAULT_EVIDENCE 3
typedef struct {
    RelgraphHedgedPolicy hedged; /* as in RelgraphExtractOptions */
    gboolean no_discovery;       /* as in RelgraphExtractOptions */
    guint evidence_limit;        /* example sentences an entry keeps per edge; 0: the default, 3 */
} RelgraphCacheOptions;

/* Opens (creating it if needed) the cache in dir for the rules (keyed by
 * the bytes they were compiled from and the names their locations show)
 * and options (NULL: the defaults). NULL with error when the directory
 * cannot be created. */
RelgraphCache *relgraph_cache_open(const char *dir, const RelgraphRules *rules, const RelgraphCacheOptions *options,
                                   GError **error);
void relgraph_cache_free(RelgraphCache *cache);

/* A read-only cache is read as usual, but put, layout_put and index_save
 * write nothing (build --check, which promises to write nothing). */
void relgraph_cache_set_read_only(RelgraphCache *cache, gboolean read_only);

/* The key of a prepared document. */
void relgraph_cache_key(const RelgraphCache *cache, const RelgraphDocument *doc,
                        char key[RELGRAPH_CACHE_KEY_SIZE]);

/* The graph stored under key (a new graph, caller frees) with its counts
 * in *info, or NULL when there is none; a damaged entry also gives NULL,
 * with *damaged set and its path in the message of error. */
RelgraphGraph *relgraph_cache_get(RelgraphCache *cache, const char *key, RelgraphPartInfo *info, gboolean *damaged,
                                  GError **error);

/* Stores the document's graph and counts under key. */
gboolean relgraph_cache_put(RelgraphCache *cache, const char *key, const RelgraphGraph *graph,
                            const RelgraphPartInfo *info, GError **error);

/* The key of a group of entries: a hash of kind ("shard", "corpus") and of
 * the members' keys, in order. */
void relgraph_cache_group_key(const RelgraphCache *cache, const char *kind, char *const *keys, guint n_keys,
                              char key[RELGRAPH_CACHE_KEY_SIZE]);

/* The positions kept for a figure's layout input (export.h), or NULL;
 * caller frees. A damaged entry is NULL too (and is replaced by the next
 * put). */
char *relgraph_cache_layout_get(RelgraphCache *cache, const char *input, gsize input_len, gsize *len);
gboolean relgraph_cache_layout_put(RelgraphCache *cache, const char *input, gsize input_len, const char *positions,
                                   gsize len, GError **error);

/* A problem that does not stop the work, borrowed for the call. */
typedef void (*RelgraphCacheWarningFunc)(const GError *warning, gpointer user_data);

/* The cache's layouts as the SVG exporter takes them
 * (RelgraphExportOptions.layouts): layout_get and layout_put. A layout
 * that cannot be stored goes to warn (NULL: dropped), and the figure is
 * drawn all the same. Borrowed from cache; each call replaces the warn of
 * the one before. */
const RelgraphLayoutStore *relgraph_cache_layout_store(RelgraphCache *cache, RelgraphCacheWarningFunc warn,
                                                       gpointer user_data);

#define RELGRAPH_CACHE_RACY_SECONDS 2

typedef struct RelgraphCacheIndex RelgraphCacheIndex;

/* The index of this rule set for a corpus given as paths (the arguments, as
 * given); empty when there is none yet or it is damaged. */
RelgraphCacheIndex *relgraph_cache_index_open(const RelgraphCache *cache, char *const *paths, guint n_paths);
void relgraph_cache_index_free(RelgraphCacheIndex *index);
/* The key of the file at path when its stat is what was remembered. */
gboolean relgraph_cache_index_lookup(const RelgraphCacheIndex *index, const char *path, const GStatBuf *st,
                                     char key[RELGRAPH_CACHE_KEY_SIZE]);
/* Remembers path's key for the next run, given the stat taken before it
 * was read at time now (g_get_real_time); a file changed too recently to
 * tell a later change apart is left out. */
void relgraph_cache_index_set(RelgraphCacheIndex *index, const char *path, const GStatBuf *st, gint64 now,
                              const char *key);
/* Writes what was set (and nothing else) when it differs from what was
 * read. */
gboolean relgraph_cache_index_save(RelgraphCacheIndex *index, GError **error);

/* Removes every entry of the cache in dir whose key is not in keep (a set
 * of key strings), every layout but the RELGRAPH_CACHE_LAYOUTS_KEPT used
 * last, and temporary files left by interrupted runs. Adds the number of
 * entries kept and removed, and the bytes freed. File indexes are left
 * alone. */
#define RELGRAPH_CACHE_LAYOUTS_KEPT 8
gboolean relgraph_cache_prune(const char *dir, GHashTable *keep, guint *kept, guint *removed, guint64 *bytes,
                              GError **error);

G_END_DECLS

#endif
