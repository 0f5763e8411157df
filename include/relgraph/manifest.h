/* relgraph — the build manifest: what the last successful build of a set
 * of outputs read (options, rules, each document's identity) and wrote
 * (each output's hash), kept in the cache, so that a rebuild whose inputs
 * did not change answers "up to date" after stat-ing the corpus, without
 * loading the rules, reading the cache or drawing anything.
 *
 * DIR/v1/manifest/NAME.man, NAME a hash of the working directory and the
 * output paths:
 *   relgraph-manifest 1
 *   stamp \t NS          when the corpus was stat-ed (g_get_real_time, µs)
 *   inputs \t HASH       XXH3-128 of everything read (below)
 *   documents \t N
 *   output \t HASH \t SIZE \t PATH     one per output, in the run's order
 *   end \t XXH64         of everything before
 *
 * The inputs hash covers relgraph's version and executable (device, inode,
 * size, mtime), the working directory, the command, the rules directory
 * and every rule file's path and bytes, and every document's path, device,
 * inode, size, mtime and ctime. A document changed less than
 * RELGRAPH_CACHE_RACY_SECONDS before the stamp could change again without
 * its times showing it (the file index's window): its bytes are hashed
 * too. What is not covered: a Graphviz or font upgrade under an unchanged
 * relgraph (remove the outputs, or compare them, which never trusts the
 * manifest).
 *
 * Ownership: _new returns a manifest freed with _free; it keeps the
 * corpus and stat_of of its inputs by reference, so they must outlive it.
 */
#ifndef RELGRAPH_MANIFEST_H
#define RELGRAPH_MANIFEST_H

#include <glib.h>

#include "relgraph/cache.h"

G_BEGIN_DECLS

typedef struct RelgraphManifest RelgraphManifest;

/* What a build read, besides its outputs. */
typedef struct {
    /* The command that names the build (NULL-terminated): the options and
     * corpus arguments as given. What cannot change an output is left out
     * of the hash: "-q", "--quiet", "-j N", "-jN", "--jobs N", "--jobs=N". */
    char *const *command;
    const char *rules_dir;  /* the rules directory (or file) the build loads */
    GPtrArray *corpus;      /* the document paths, expanded */
    GHashTable *stat_of;    /* path -> its GStatBuf, as the walk took it */
    gint64 started;         /* g_get_real_time() before the walk */
} RelgraphManifestInputs;

/* The manifest of outputs (paths, in order) under the cache in cache_dir
 * for a build that read inputs. NULL when none applies (an output or a
 * document is standard output or input, or there is none). */
RelgraphManifest *relgraph_manifest_new(const char *cache_dir, const RelgraphManifestInputs *inputs,
                                        char *const *outputs, guint n_outputs);
void relgraph_manifest_free(RelgraphManifest *manifest);

/* TRUE when the manifest's build read exactly these inputs and every
 * output still holds the bytes it wrote; *documents gets its document
 * count. */
gboolean relgraph_manifest_up_to_date(const RelgraphManifest *manifest, char *const *outputs, guint n_outputs,
                                      guint *documents);

/* Records this build's inputs and its outputs' hashes
 * (relgraph_manifest_hash_bytes) and sizes. FALSE (and no manifest left)
 * when an input cannot be identified or the file cannot be written. */
gboolean relgraph_manifest_save(const RelgraphManifest *manifest, char *const *outputs, char *const *hashes,
                                const gsize *sizes, guint n_outputs, guint documents);

/* Removes the manifest: the next build does the work. */
void relgraph_manifest_remove(const RelgraphManifest *manifest);

/* The hash an output is recorded with: 32 hex digits. */
void relgraph_manifest_hash_bytes(const char *data, gsize len, char out[RELGRAPH_CACHE_KEY_SIZE]);

G_END_DECLS

#endif
