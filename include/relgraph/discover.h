/* relgraph — a document's cast: the actors of the rules it names, and the
 * ones it names that the rules do not list (discovery).
 *
 * Discovery finds, in each sentence, what the text itself says is an actor:
 *  - a person written after a title, "Deputy Foreign Minister Igor
 *    Morgulov", "Russia's ambassador to Seoul Georgy Zinoviev", "the
 *    Foreign Minister of the DPRK Choe Son Hui", or before an apposition
 *    that gives one, "Igor Morgulov, Russia's deputy foreign minister,":
 *    an official, member of the state or institution the title names;
 *  - an institution written as a state and capitalised institution words
 *    ending in an institution noun, "Russia's Defence Ministry", "the South
 *    Korean Unification Ministry", "Russia's Ministry of Emergency
 *    Situations": an institution, member of that state;
 *  - an institution that reports, written "its" and words ending in an
 *    institution noun before a verb of saying, "China will curb exports to
 *    Japan, its commerce ministry said": the institution of the state the
 *    sentence opens with (its subject), member of that state.
 * Titles are the alternatives of the rules' @title macro. A name is two to
 * four capitalised words that are no actor already; a capitalised phrase
 * without a title is never an actor. A discovered person's first and last
 * names then stand for them in the rest of the document, like a `short`
 * name, unless another person named in the document shares the word.
 *
 * A discovered actor gets an id after the dictionary's ids; its name is
 * the text as written (whitespace folded), so that the same person merges
 * across documents. Ownership: the cast owns its discovered actors and
 * borrows the rules, which must outlive it.
 */
#ifndef RELGRAPH_DISCOVER_H
#define RELGRAPH_DISCOVER_H

#include <glib.h>

#include "relgraph/rules.h"

G_BEGIN_DECLS

typedef struct RelgraphCast RelgraphCast;

/* A cast for one document; discover FALSE only lists the rules' actors. */
RelgraphCast *relgraph_cast_new(const RelgraphRules *rules, gboolean discover);
void relgraph_cast_free(RelgraphCast *cast);

/* The actor with that id: the dictionary's, or a discovered one. */
const RelgraphActor *relgraph_cast_actor(const RelgraphCast *cast, guint id);
/* Number of actors discovered so far; their ids follow the dictionary's. */
guint relgraph_cast_discovered(const RelgraphCast *cast);
/* The state an actor is or belongs to (through member_of), -1 when none. */
gint relgraph_cast_state_of(const RelgraphCast *cast, guint id);
/* TRUE when actor (or one of its affiliations, transitively) is ancestor. */
gboolean relgraph_cast_belongs_to(const RelgraphCast *cast, guint actor, guint ancestor);

/* The position after the titles that start at tokens[pos] ("Deputy
 * Foreign Minister", "Foreign Minister Vice Premier"), pos when none.
 * last (may be NULL) gets where the last of them starts. */
guint relgraph_cast_title_end(const RelgraphCast *cast, const RelgraphToken *tokens, guint n_tokens,
                              guint pos, guint *last);

/* Finds the sentence's discovered actors and adds their mentions to
 * mentions (RelgraphMention, kept in token order). text is the document
 * the tokens point into. A mention that introduces an actor with its
 * affiliation carries it in .affiliation (which gives the member_of edge). */
void relgraph_cast_discover(RelgraphCast *cast, const char *text, const RelgraphToken *tokens,
                            guint n_tokens, GArray *mentions);

G_END_DECLS

#endif
