/* relgraph — relation rules: parsing *.rules files and matching their
 * patterns against the tokens and actor mentions of a sentence.
 *
 * A pattern is compiled into a small tree of elements (literal word, word
 * prefix, actor slot, alternatives, optional part, bounded gap) over
 * lexicon ids and matched by bounded backtracking at every start token.
 * The language is documented in rules/README.md.
 *
 * Ownership: the set owns its relations and patterns. It borrows the
 * lexicon and the dictionary, which must outlive it.
 */
#ifndef RELGRAPH_RELATIONS_H
#define RELGRAPH_RELATIONS_H

#include <glib.h>

#include "relgraph/actors.h"
#include "relgraph/common.h"
#include "relgraph/lexicon.h"
#include "relgraph/text.h"

G_BEGIN_DECLS

typedef struct RelgraphPattern RelgraphPattern;

typedef struct {
    char *name;
    gboolean symmetric;
    RelgraphPolarity polarity;
    gboolean external;      /* the source never belongs to the target ("visit") */
    const char *file;       /* where the relation is declared */
    guint line;
    GPtrArray *patterns;    /* RelgraphPattern* */
} RelgraphRelation;

/* "file:line" of a pattern, borrowed. */
const char *relgraph_pattern_location(const RelgraphPattern *pattern);
/* The pattern as written, borrowed. */
const char *relgraph_pattern_text(const RelgraphPattern *pattern);

typedef struct RelgraphRelationSet RelgraphRelationSet;

RelgraphRelationSet *relgraph_relations_new(RelgraphLexicon *lexicon, const RelgraphDictionary *dict);
void relgraph_relations_free(RelgraphRelationSet *set);

/* Parses one *.rules file into the set. Problems go to diagnostics;
 * returns FALSE only when the file cannot be read. */
gboolean relgraph_relations_load(RelgraphRelationSet *set, const char *path,
                                 GPtrArray *diagnostics, GError **error);

/* Rule locations ("file:line" of a pattern) leave out this leading part of
 * the file path, so that outputs do not depend on where the rules are
 * (set before loading; NULL: full paths). */
void relgraph_relations_set_location_prefix(RelgraphRelationSet *set, const char *prefix);

/* A warning in diagnostics for each pattern whose search ran out of steps
 * (and so may have missed a match) since the set was loaded. */
void relgraph_relations_budget_report(const RelgraphRelationSet *set, GPtrArray *diagnostics);

/* Lint's checks on the loaded patterns, beyond what loading reports: slots
 * no actor of dict can fill (errors), patterns every match of which is
 * hedged, duplicate patterns, unused macros, @title alternatives that are
 * not plain words (warnings). Appended to diagnostics. */
void relgraph_relations_lint(const RelgraphRelationSet *set, const RelgraphDictionary *dict,
                             GPtrArray *diagnostics);

guint relgraph_relations_count(const RelgraphRelationSet *set);
const RelgraphRelation *relgraph_relations_get(const RelgraphRelationSet *set, guint index);
const RelgraphRelation *relgraph_relations_find(const RelgraphRelationSet *set, const char *name);

typedef struct {
    const RelgraphRelation *relation;
    const RelgraphPattern *pattern;
    guint source;          /* actor ids */
    guint target;
    guint first;           /* token span of the whole match */
    guint last;
    gboolean hedged;       /* a hedge word (rules: "hedge") governs the match */
    guint through;         /* RELGRAPH_THROUGH_*: slots filled by a reference (reference.h) */
} RelgraphRelationMatch;

/* Which slots of a match a pronoun or description filled. */
enum { RELGRAPH_THROUGH_SOURCE = 1, RELGRAPH_THROUGH_TARGET = 2 };

/* Matches every pattern against one sentence and appends
 * RelgraphRelationMatch values to matches (self-relations are dropped; the
 * same (relation, source, target) may appear more than once). tokens must
 * have word ids assigned; mentions are the sentence's actor mentions in
 * order, with token positions relative to tokens. */
void relgraph_relations_match(const RelgraphRelationSet *set, const RelgraphToken *tokens,
                              guint n_tokens, const RelgraphMention *mentions, guint n_mentions,
                              GArray *matches);

G_END_DECLS

#endif
