/* relgraph — an incremental build through the cache (cache.h): the file
 * index spares reading documents that have not changed, and the merged
 * graphs of shards of the corpus (and of the whole corpus) spare reading
 * one cache entry per document. What changed is read by the caller (its
 * own corpus run: relgraph_extract_document and relgraph_cache_get/put per
 * document) and handed back; merging is associative and commutative, so
 * the graph is the one a build without the cache makes.
 *
 * relgraph_incremental_run does all of it with the library's corpus run;
 * a caller with its own goes in three steps:
 *
 *   inc = relgraph_incremental_new(cache, corpus, stat_of, &options);
 *   todo = relgraph_incremental_take(inc, graph, &from_cache);
 *   for each path of todo: read, key, extract (or take its entry), then
 *       relgraph_incremental_add(inc, path, piece, &info, key, warned);
 *   relgraph_incremental_finish(inc, graph);
 *   relgraph_incremental_free(inc);
 *
 * Shards: a corpus of RELGRAPH_INCREMENTAL_SHARD_MIN documents or more is
 * split into RELGRAPH_INCREMENTAL_SHARDS shards by a hash of each path, so
 * that changing, adding or removing one document re-reads one shard; a
 * smaller corpus is one group. A shard's entry is keyed by its members'
 * keys, the corpus's by its shards' keys (relgraph_cache_group_key).
 *
 * Ownership: _new returns a build freed with _free; it keeps the cache,
 * the corpus and stat_of by reference, and they must outlive it. One
 * build belongs to one thread.
 */
#ifndef RELGRAPH_INCREMENTAL_H
#define RELGRAPH_INCREMENTAL_H

#include <glib.h>

#include "relgraph/cache.h"
#include "relgraph/graph.h"
#include "relgraph/part.h"
#include "relgraph/pipeline.h"

G_BEGIN_DECLS

#define RELGRAPH_INCREMENTAL_SHARD_MIN 1024
#define RELGRAPH_INCREMENTAL_SHARDS 64

/* How many shards a corpus of n_documents paths is split into, and the
 * shard of a path among n_shards. */
guint relgraph_incremental_shard_count(guint n_documents);
guint relgraph_incremental_shard_of(const char *path, guint n_shards);


typedef struct {
    /* The corpus arguments as given (files and directories): they name the
     * file index (relgraph_cache_index_open). */
    char *const *arguments;
    guint n_arguments;
    gint64 started;        /* g_get_real_time() before the corpus was stat-ed */
    guint evidence_limit;  /* per edge, as the graph and the cache keep it; 0: 3 */
    /* Problems that do not stop the build (a damaged entry, which is built
     * again; an entry or the index that could not be written), each a
     * RELGRAPH_PROBLEM_WARNING (pipeline.h). NULL: they are ignored. */
    RelgraphProblemFunc problem;
    gpointer user_data;
} RelgraphIncrementalOptions;

typedef struct RelgraphIncremental RelgraphIncremental;

/* A build of corpus (the document paths, sorted; "-" and JSONL files are
 * read every time) whose stat_of (path -> GStatBuf taken after
 * options->started; a path without one is read) decides what the file
 * index knows. */
RelgraphIncremental *relgraph_incremental_new(RelgraphCache *cache, GPtrArray *corpus, GHashTable *stat_of,
                                              const RelgraphIncrementalOptions *options);
void relgraph_incremental_free(RelgraphIncremental *inc);

/* Merges into graph what the cache holds for the groups that did not
 * change (the whole corpus at once when nothing did), adds their counts to
 * *from_cache, and returns the paths left to read, sorted (borrowed from
 * the corpus; the array is the caller's to free; empty when none). Called
 * once. */
GPtrArray *relgraph_incremental_take(RelgraphIncremental *inc, RelgraphGraph *graph, RelgraphPartInfo *from_cache);

/* A document read by the caller: its graph and counts, its cache key (NULL
 * when it has none) and whether it had warnings (a document with warnings
 * is read every time, so that they are given again). FALSE when path is
 * not one of the corpus (ignored). */
gboolean relgraph_incremental_add(RelgraphIncremental *inc, const char *path, const RelgraphGraph *piece,
                                  const RelgraphPartInfo *info, const char *key, gboolean warned);

/* Merges the groups read again into graph, stores those whose every
 * document was read and keyed (and the whole corpus after a build with
 * every shard built, or every shard taken), and saves the file index.
 * Called once, after take and every add. */
void relgraph_incremental_finish(RelgraphIncremental *inc, RelgraphGraph *graph);

/* The whole build in one call, after _new: take, then a corpus run
 * (relgraph_pipeline_run with options, its cache and evidence limit this
 * build's) of what is left to read, each document handed to _add, then
 * finish. stats gets the counts of every document, those from the cache
 * included (stats->cached); *warned, when not NULL, how many were read
 * with warnings. A build whose every document comes from the cache runs no
 * pipeline, and so makes no progress calls. */
void relgraph_incremental_run(RelgraphIncremental *inc, const RelgraphRules *rules,
                              const RelgraphExtractOptions *extract, const RelgraphPipelineOptions *options,
                              RelgraphGraph *graph, RelgraphPipelineStats *stats, guint *warned);

/* Adds to keep (a set of key strings) the keys of the group entries that
 * a build of corpus stores, given each document's key (keys: path -> key;
 * a path without one keeps its shard from being stored): what prune keeps
 * besides the documents' own entries. */
void relgraph_incremental_group_keys(const RelgraphCache *cache, GPtrArray *corpus, GHashTable *keys,
                                     GHashTable *keep);

G_END_DECLS

#endif
