/* relgraph — evaluation against a gold file.
 *
 * Scores predicted relation triples against hand-made gold over distinct
 * (doc, source, relation, target) quadruples. The gold file is UTF-8 TSV
 * with a header line whose first four columns are
 * doc, source, relation, target (more columns, e.g. evidence, are kept as
 * a note). Symmetric relations are compared in canonical order
 * (source < target by strcmp) on both sides, so either order in either
 * input matches.
 *
 * Ownership: RelgraphEvalSet and RelgraphEvalReport are created and freed
 * with their _new/_free pairs; strings inside belong to them.
 */
#ifndef RELGRAPH_EVAL_H
#define RELGRAPH_EVAL_H

#include <glib.h>

#include "relgraph/corpus.h"
#include "relgraph/extract.h"
#include "relgraph/rules.h"

G_BEGIN_DECLS

typedef struct {
    char *doc;
    char *source;
    char *relation;
    char *target;
    char *note; /* gold: the evidence column; predictions: free text; may be NULL */
} RelgraphTriple;

/* A set of distinct triples. */
typedef struct RelgraphEvalSet RelgraphEvalSet;

RelgraphEvalSet *relgraph_eval_set_new(void);
void relgraph_eval_set_free(RelgraphEvalSet *set);
/* Adds a triple (copied); a duplicate keeps the first note. symmetric says
 * whether the relation is symmetric (then source/target are put in order).
 * Returns TRUE when the triple was new. */
gboolean relgraph_eval_set_add(RelgraphEvalSet *set, const char *doc, const char *source,
                               const char *relation, const char *target, gboolean symmetric,
                               const char *note);
guint relgraph_eval_set_size(const RelgraphEvalSet *set);
/* Adds the relation mentions of one extracted document as predictions,
 * each with its sentence and rule as the note ("text  [file:line]"). */
void relgraph_eval_set_add_result(RelgraphEvalSet *set, const RelgraphDocument *doc,
                                  const RelgraphExtractResult *result);

/* Loads a gold TSV. is_symmetric tells, per relation name, whether it is
 * symmetric (may be NULL: all directed). Malformed lines are errors
 * "file:line:col: message". */
typedef gboolean (*RelgraphSymmetricFunc)(const char *relation, gpointer user_data);
RelgraphEvalSet *relgraph_eval_load_gold(const char *path, RelgraphSymmetricFunc is_symmetric,
                                         gpointer user_data, GError **error);
/* A RelgraphSymmetricFunc for the relations of rules (user_data: the
 * const RelgraphRules): TRUE for a symmetric relation of the rules. */
gboolean relgraph_eval_rules_symmetric(const char *relation, gpointer rules);

typedef struct {
    char *relation;      /* NULL in the overall row */
    guint true_positives;
    guint false_positives;
    guint false_negatives;
    double precision;    /* 1.0 when nothing was predicted */
    double recall;       /* 1.0 when nothing was expected */
    double f1;
} RelgraphEvalScore;

typedef struct {
    RelgraphEvalScore overall;
    GPtrArray *per_relation;    /* RelgraphEvalScore*, sorted by relation name */
    GPtrArray *false_positives; /* RelgraphTriple*, sorted by doc, source, relation, target */
    GPtrArray *misses;          /* RelgraphTriple* from the gold, sorted the same way */
} RelgraphEvalReport;

/* Compares predicted against gold. When scored_docs (a set of doc ids:
 * char* -> anything) is not NULL, gold triples of other documents are
 * ignored, so a run on part of a corpus is not charged for the rest. */
RelgraphEvalReport *relgraph_eval_compare(const RelgraphEvalSet *gold, const RelgraphEvalSet *predicted,
                                          GHashTable *scored_docs);
void relgraph_eval_report_free(RelgraphEvalReport *report);

/* Writes the report as aligned text: the overall row, one row per relation,
 * and with verbose the false positives and misses (with gold/notes). */
void relgraph_eval_report_format(const RelgraphEvalReport *report, gboolean verbose, GString *out);

G_END_DECLS

#endif
