/* relgraph — reference within a document: pronouns and descriptions that
 * stand for an actor named before them.
 *
 * Each sentence's references become actor mentions (kind
 * RELGRAPH_ALIAS_REFERENCE) before its relations are matched, so that
 * "He met Wang Yi" matches the pattern "{src} met {dst}". The rule is
 * deterministic; "before" means earlier in the same sentence, then in the
 * two sentences before it:
 *  - he, him, his, she, her, himself, herself: the nearest official before
 *    it in the same sentence, else the first official of the nearest
 *    earlier sentence that names one (the subject is the likeliest
 *    antecedent);
 *  - they, them, their: the last two actors coordinated with "and" or a
 *    hyphen ("China and Russia", "the China-Russia summit") in the same
 *    sentence or the one before;
 *  - it, after a verb of saying ("China said it would", "the ministry
 *    announced that it had"): the state or institution just before the verb;
 *  - "Both" opening a sentence before its verb ("Both agreed"): the pair
 *    "they" would stand for, else the last two officials;
 *  - "the two" or "both" with leaders, presidents, ministers, heads or
 *    counterparts: the last two officials named, in the five sentences
 *    before at most (presidents, ministers, premiers, envoys: named with
 *    that title); with countries, nations, sides,
 *    neighbours, governments, states or allies: the last two states
 *    (sides: the last two officials when fewer than two states were named);
 *  - "the North", "the South" (capitalised, ending the phrase): the one
 *    state named before in the document whose name begins with the word
 *    ("North Korea"), none when two do;
 *  - "the ministry", "the council", "the Russian ministry": the last
 *    institution (of that state) named in an earlier sentence of the
 *    document whose name, as written, ends with that word;
 *  - a description, "the minister", "the Russian leader", "Russia's
 *    president", "the US secretary of state" (a title from the rules'
 *    @title macro, with no name after it; an ambassador or envoy may add
 *    where they are posted, "the Russian ambassador to Seoul", which is
 *    then no actor of the sentence): with a state, the last official
 *    of that state named anywhere before in the document; without one, as
 *    for "he".
 * Nothing is guessed beyond that: a reference without such an antecedent
 * stays plain text.
 *
 * Ownership: a references state is per document; it borrows the cast.
 */
#ifndef RELGRAPH_REFERENCE_H
#define RELGRAPH_REFERENCE_H

#include <glib.h>

#include "relgraph/discover.h"

G_BEGIN_DECLS

typedef struct RelgraphReferences RelgraphReferences;

RelgraphReferences *relgraph_references_new(const RelgraphCast *cast);
void relgraph_references_free(RelgraphReferences *refs);

/* TRUE when the sentence text[0, len), which names no actor, opens with a
 * reference to one named before ("He", "They", "Both", "The two", "The
 * North", "The ministry" after a ministry):
 * extraction asks this of the sentences its actor screen turns away (see
 * relgraph_dictionary_may_match), so that "The two leaders held talks" is
 * still read. Only the first words are looked at. */
gboolean relgraph_references_may_apply(const RelgraphReferences *refs, const char *text, gsize len);

/* Adds the references of one sentence (index sentence, counted in the
 * document) to mentions (RelgraphMention, kept in token order), then
 * remembers the sentence's actors for the sentences after it. */
void relgraph_references_resolve(RelgraphReferences *refs, guint sentence, const RelgraphToken *tokens,
                                 guint n_tokens, GArray *mentions);

G_END_DECLS

#endif
