/* Fixed lists of words (pronouns, title modifiers, institution nouns), each
 * list a class bit, looked up by a token's hash (text.h) with one probe of
 * an intmap: discovery and reference ask this of nearly every token.
 * Private to the library's modules.
 *
 * Ownership: a table is built once per process (relgraph_word_classes_build
 * in a g_once section) and lives until exit; it is only read afterwards,
 * so threads share it.
 */
#ifndef RELGRAPH_WORDCLASS_H
#define RELGRAPH_WORDCLASS_H

#include <string.h>

#include "intmap.h"
#include "relgraph/lexicon.h"
#include "relgraph/text.h"

typedef struct {
    const char *word;
    guint classes;
} RelgraphWordClass;

typedef struct {
    const char *const *words; /* NULL-terminated, normalised */
    guint class;
} RelgraphWordList;

/* Builds the table of lists (never freed: call it once). */
RelgraphIntMap *relgraph_word_classes_build(const RelgraphWordList *lists, gsize n_lists);

/* Gives the lexicon's words of the lists their classes, shifted (see
 * lexicon.h), so that tokens carry them. */
void relgraph_word_classes_add(RelgraphLexicon *lexicon, const RelgraphWordList *lists, gsize n_lists, guint shift);

/* Each module's lists, added when the rules are loaded. */
void relgraph_discover_add_word_classes(RelgraphLexicon *lexicon);
void relgraph_references_add_word_classes(RelgraphLexicon *lexicon);

static inline guint32 relgraph_word_classes_key(guint32 hash)
{
    return hash ? hash : 1; /* 0 marks an empty intmap slot */
}

/* The classes of a normalised word with that hash (0: none). */
static inline guint relgraph_word_classes_get(const RelgraphIntMap *table, const char *norm, guint32 hash)
{
    const RelgraphWordClass *c = relgraph_intmap_lookup(table, relgraph_word_classes_key(hash));
    return c && strcmp(c->word, norm) == 0 ? c->classes : 0;
}

#endif
