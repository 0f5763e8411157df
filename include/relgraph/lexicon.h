/* relgraph — the lexicon: normalised words interned to small integers.
 *
 * Rule files intern every word they use; a document's tokens are then
 * looked up once, so that matching compares integers, not strings. Words
 * a document uses that no rule mentions get id 0 and are never interned, so
 * the lexicon is read-only (and safe to share between threads) once the
 * rules are loaded.
 *
 * Ownership: the lexicon owns its strings; ids start at 1.
 */
#ifndef RELGRAPH_LEXICON_H
#define RELGRAPH_LEXICON_H

#include <glib.h>

#include "relgraph/text.h"

G_BEGIN_DECLS

typedef struct RelgraphLexicon RelgraphLexicon;

RelgraphLexicon *relgraph_lexicon_new(void);
void relgraph_lexicon_free(RelgraphLexicon *lexicon);

/* Returns the id of word, adding it when new. */
guint32 relgraph_lexicon_intern(RelgraphLexicon *lexicon, const char *word);
/* Returns the id of word, 0 when absent. */
guint32 relgraph_lexicon_lookup(const RelgraphLexicon *lexicon, const char *word);
/* The word of an id (borrowed), NULL for 0 or an unknown id. */
const char *relgraph_lexicon_word(const RelgraphLexicon *lexicon, guint32 id);
guint relgraph_lexicon_size(const RelgraphLexicon *lexicon);

/* Word classes: fixed lists of words (pronouns, title modifiers, ...) that
 * discovery and reference ask about nearly every token. Each module owns
 * some bits (RELGRAPH_WORD_CLASS_*_SHIFT); its words are interned with
 * them when the rules are loaded, so that a token carries its classes
 * from the one lookup relgraph_lexicon_assign makes anyway. */
#define RELGRAPH_WORD_CLASS_DISCOVER_SHIFT 0
#define RELGRAPH_WORD_CLASS_REFERENCE_SHIFT 16

/* Interns word and adds classes to it. */
void relgraph_lexicon_add_classes(RelgraphLexicon *lexicon, const char *word, guint32 classes);

/* Sets tokens[i].word and tokens[i].classes for every token by lookup of
 * its norm under its hash (tokens made by relgraph_text_tokenize carry
 * both). */
void relgraph_lexicon_assign(const RelgraphLexicon *lexicon, RelgraphToken *tokens, guint n_tokens);

G_END_DECLS

#endif
