/* relgraph — extraction: one document in, its actor and relation mentions
 * out.
 *
 * The document is split into sentences, each sentence tokenised, its
 * actors found with the dictionary and its relations with the patterns.
 * Within one sentence a (source, relation, target) counts once however many
 * patterns find it. An alias that names the actor's affiliation ("Chinese
 * Foreign Ministry") also gives a member_of mention when the rules declare
 * a member_of relation.
 *
 * Ownership: results are created by relgraph_extract_document and freed
 * with relgraph_extract_result_free; they borrow names and rule locations
 * from the rules, which must outlive them.
 */
#ifndef RELGRAPH_EXTRACT_H
#define RELGRAPH_EXTRACT_H

#include <glib.h>

#include "relgraph/corpus.h"
#include "relgraph/discover.h"
#include "relgraph/graph.h"
#include "relgraph/rules.h"

G_BEGIN_DECLS

typedef enum {
    RELGRAPH_HEDGED_DROP,  /* hedged matches ("may visit", "did not visit") are not facts */
    RELGRAPH_HEDGED_KEEP,  /* keep them, marked as hedged */
} RelgraphHedgedPolicy;

typedef struct {
    RelgraphHedgedPolicy hedged;
    gboolean record_actors;        /* fill RelgraphExtractResult.sentences (explain --why-not) */
    gboolean no_discovery;         /* only the rules' actors: no titled person or institution
                                      found in the text (discover.h) */
} RelgraphExtractOptions;

/* The actors a sentence mentions, recorded when options->record_actors. */
typedef struct {
    guint32 start, end;            /* byte span of the sentence */
    GArray *actors;                /* guint actor ids, distinct, in first-mention order */
} RelgraphSentenceActors;

typedef struct {
    guint sentence;                /* sentence index in the document, from 0 */
    guint32 start, end;            /* byte span of the sentence */
    const RelgraphRelation *relation;
    guint source, target;          /* actor ids; symmetric relations in name order */
    const char *rule;              /* "file:line" of the rule that fired */
    gboolean hedged;
    guint through;                 /* RELGRAPH_THROUGH_*: slots a pronoun or description filled */
} RelgraphRelationMention;

typedef struct {
    GArray *relations;             /* RelgraphRelationMention, in text order */
    GHashTable *actor_mentions;    /* GUINT_TO_POINTER(actor id + 1) -> GUINT_TO_POINTER(count) */
    guint n_sentences;
    GArray *sentences;             /* RelgraphSentenceActors per sentence, or NULL */
    RelgraphCast *cast;            /* the document's actors: ids above are looked up here */
} RelgraphExtractResult;

RelgraphExtractResult *relgraph_extract_document(const RelgraphRules *rules,
                                                 const RelgraphDocument *doc,
                                                 const RelgraphExtractOptions *options);
void relgraph_extract_result_free(RelgraphExtractResult *result);

/* The actor with that id in a result: the rules' or one the document
 * revealed (relgraph_cast_actor of result->cast). */
const RelgraphActor *relgraph_extract_actor(const RelgraphExtractResult *result, guint id);

/* The text of a sentence for evidence: whitespace runs folded to one
 * space. Caller frees. */
char *relgraph_extract_sentence_text(const RelgraphDocument *doc, guint32 start, guint32 end);

/* Adds a document's results to graph: nodes with their mention counts,
 * edges with evidence. */
void relgraph_extract_add_to_graph(const RelgraphDocument *doc,
                                   const RelgraphExtractResult *result, RelgraphGraph *graph);

G_END_DECLS

#endif
