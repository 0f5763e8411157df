/* relgraph — parts: a graph (or a piece of one) in a versioned,
 * line-oriented text format, so that extraction can run on many machines
 * and `relgraph merge` combine the results, and so that the cache can keep
 * one document's findings.
 *
 * Format version 1 (docs/part-format.md has the full description): UTF-8
 * lines of tab-separated fields; in a field, backslash, tab, newline and
 * carriage return are written \\ \t \n \r.
 *
 *     relgraph-part	1
 *     info	documents	12             (and sentences, mentions, evidence-limit)
 *     node	NAME	TYPE	AFFILIATION	MENTIONS	FIRST	LAST
 *     edge	SOURCE	RELATION	TARGET	directed|symmetric	POLARITY	WEIGHT	FIRST	LAST	DOC...
 *     evidence	DOC	SENTENCE	START	END	RULE	TEXT      (of the edge above)
 *     checksum	sha256:HEX                 (of every byte before this line;
 *                                          or xxh3:HEX, XXH3-128)
 *
 * Nodes and edges come sorted, so a graph always gives the same bytes. A
 * part whose checksum line is missing or wrong is refused: it was
 * truncated or damaged on the way.
 *
 * Merging parts gives the graph of all their documents: weights, mentions
 * and counts add up, documents and evidence are united. Each edge keeps the
 * first evidence-limit items of its evidence, which is all that any union
 * needs to keep its own first items; so merging parts is byte for byte a
 * build, as long as the build shows no more examples than the parts kept.
 */
#ifndef RELGRAPH_PART_H
#define RELGRAPH_PART_H

#include <glib.h>

#include "relgraph/graph.h"

G_BEGIN_DECLS

#define RELGRAPH_PART_VERSION 1

typedef struct {
    guint documents;       /* documents read */
    guint sentences;       /* sentences in them */
    guint mentions;        /* relation mentions found */
    guint evidence_limit;  /* evidence kept per edge; 0 = all */
} RelgraphPartInfo;

/* The part for graph and info, NUL-terminated; *len gets its size. Caller
 * frees with g_free. */
char *relgraph_part_write(const RelgraphGraph *graph, const RelgraphPartInfo *info, gsize *len);

/* The checksum that closes a part: SHA-256 for parts that travel
 * (extract, merge); XXH3-128, at memory speed, for the cache's own
 * entries, which only a crash or a disk can damage. Readers take both. */
typedef enum {
    RELGRAPH_PART_SHA256,
    RELGRAPH_PART_XXH3,
} RelgraphPartChecksum;

/* relgraph_part_write with the checksum chosen. */
char *relgraph_part_write_checksum(const RelgraphGraph *graph, const RelgraphPartInfo *info,
                                   RelgraphPartChecksum checksum, gsize *len);

/* Reads a part and merges it into graph. info's counts are added to, and
 * its evidence_limit becomes the smaller of the two (0 counting as no
 * limit). name is used in messages, "name:line:col: ...". On error (FALSE)
 * graph and info are left as they were. */
gboolean relgraph_part_read(RelgraphGraph *graph, const char *data, gsize len, const char *name,
                            RelgraphPartInfo *info, GError **error);

/* Reads a part into a new graph (caller frees), its counts into *info;
 * NULL with error when it is damaged. */
RelgraphGraph *relgraph_part_load(const char *data, gsize len, const char *name, RelgraphPartInfo *info,
                                  GError **error);

/* For the cache, whose entries must each be bound to the key they are
 * stored under: _write_keyed adds the line "info key KEY" inside the
 * checksummed body, and _load_keyed refuses ("file:line:col") a part
 * without that line or with another key, so that an entry copied over
 * another's is caught. Other readers ignore the line. */
char *relgraph_part_write_keyed(const RelgraphGraph *graph, const RelgraphPartInfo *info,
                                RelgraphPartChecksum checksum, const char *key, gsize *len);
RelgraphGraph *relgraph_part_load_keyed(const char *data, gsize len, const char *name, const char *key,
                                        RelgraphPartInfo *info, GError **error);

/* The same from a file, "-" for standard input. */
gboolean relgraph_part_read_file(RelgraphGraph *graph, const char *path, RelgraphPartInfo *info, GError **error);
/* Writes graph and info as a part to path ("-": standard output),
 * atomically (relgraph_write_file_atomic); FALSE with error on failure. */
gboolean relgraph_part_write_file(const RelgraphGraph *graph, const RelgraphPartInfo *info, const char *path,
                                  GError **error);

G_END_DECLS

#endif
