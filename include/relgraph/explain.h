/* relgraph — why an edge is (or is not) in the graph.
 *
 * An explanation collects, document by document, every sentence that
 * supports SOURCE RELATION TARGET with the rule (file:line) that found it;
 * with why_not, also every sentence that names both actors but gave no
 * such relation, with what it gave instead and the statements the hedge
 * rule set aside. A symmetric relation matches either order.
 *
 * Feed it the documents in corpus order, extracted with hedged matches kept
 * (RELGRAPH_HEDGED_KEEP, so that why_not can show them) and, for why_not,
 * with record_actors set; keep_hedged says whether hedged matches count as
 * support, as the build being explained had them.
 *
 * Ownership: the explanation keeps pointers to relation, which must outlive
 * it (the rules' own); it copies what it takes from the documents. Caller
 * frees with relgraph_explain_free; relgraph_explain_report returns a new
 * string (g_free).
 */
#ifndef RELGRAPH_EXPLAIN_H
#define RELGRAPH_EXPLAIN_H

#include <glib.h>

#include "relgraph/actors.h"
#include "relgraph/corpus.h"
#include "relgraph/extract.h"
#include "relgraph/relations.h"

G_BEGIN_DECLS

typedef struct RelgraphExplain RelgraphExplain;

/* source and target are actor ids of the rules' dictionary. */
RelgraphExplain *relgraph_explain_new(const RelgraphRelation *relation, guint source, guint target,
                                      gboolean why_not, gboolean keep_hedged);
void relgraph_explain_free(RelgraphExplain *explain);

/* Adds what one document says about the edge. */
void relgraph_explain_add_document(RelgraphExplain *explain, const RelgraphDocument *doc,
                                   const RelgraphExtractResult *result);

/* The mentions that support the edge so far. */
guint relgraph_explain_support(const RelgraphExplain *explain);

/* The report, names from dict: a count line ("S R T: N mentions in D
 * documents"), then each supporting sentence as "doc:sentence  rule"
 * followed by its text; with why_not, the count of the other sentences
 * that name both actors and each of them with what it gave instead. */
char *relgraph_explain_report(const RelgraphExplain *explain, const RelgraphDictionary *dict);

G_END_DECLS

#endif
