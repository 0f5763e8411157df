/* relgraph — the mentions table: one TSV row per relation mention, the
 * table `relgraph extract` writes. Its columns: doc (the document id),
 * source, relation, target, sentence (its number in the document),
 * evidence (the sentence's text), rule (file:line), and hedged ("yes" or
 * "no") when asked for. Fields are escaped as in the TSV export
 * (relgraph_export_tsv_field). */
#ifndef RELGRAPH_MENTIONS_H
#define RELGRAPH_MENTIONS_H

#include <glib.h>

#include "relgraph/corpus.h"
#include "relgraph/extract.h"

G_BEGIN_DECLS

/* Appends the header line. */
void relgraph_mentions_append_header(GString *out, gboolean hedged_column);

/* Appends the row of the i-th mention of result, extracted from doc. */
void relgraph_mentions_append_row(GString *out, const RelgraphDocument *doc, const RelgraphExtractResult *result,
                                  guint i, gboolean hedged_column);

G_END_DECLS

#endif
