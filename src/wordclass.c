/* Word classes by token hash (see wordclass.h). */
#include "wordclass.h"

void relgraph_word_classes_add(RelgraphLexicon *lexicon, const RelgraphWordList *lists, gsize n_lists, guint shift)
{
    for (gsize l = 0; l < n_lists; l++) {
        g_assert(lists[l].class <= 0xffff); /* a module has 16 bits */
        for (const char *const *w = lists[l].words; *w; w++)
            relgraph_lexicon_add_classes(lexicon, *w, lists[l].class << shift);
    }
}

RelgraphIntMap *relgraph_word_classes_build(const RelgraphWordList *lists, gsize n_lists)
{
    RelgraphIntMap *table = g_new0(RelgraphIntMap, 1);
    relgraph_intmap_init(table);
    for (gsize l = 0; l < n_lists; l++)
        for (const char *const *w = lists[l].words; *w; w++) {
            guint32 key = relgraph_word_classes_key(relgraph_text_hash(*w, strlen(*w)));
            RelgraphWordClass *c = relgraph_intmap_lookup(table, key);
            if (!c) {
                c = g_new0(RelgraphWordClass, 1);
                c->word = *w;
                relgraph_intmap_insert(table, key, c);
            }
            /* Two list words with one hash would share a slot: the lists
             * are small and fixed, and a test checks they do not. */
            g_assert(strcmp(c->word, *w) == 0);
            c->classes |= lists[l].class;
        }
    return table;
}
