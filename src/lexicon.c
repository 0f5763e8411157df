/* The lexicon: interned normalised words. */
#include "relgraph/lexicon.h"

struct RelgraphLexicon {
    GHashTable *ids;   /* char* word -> GUINT_TO_POINTER(id) */
    GPtrArray *words;  /* id -> char*, index 0 unused */
};

RelgraphLexicon *relgraph_lexicon_new(void)
{
    RelgraphLexicon *lexicon = g_new0(RelgraphLexicon, 1);
    lexicon->ids = g_hash_table_new(g_str_hash, g_str_equal);
    lexicon->words = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(lexicon->words, NULL);
    return lexicon;
}

void relgraph_lexicon_free(RelgraphLexicon *lexicon)
{
    if (!lexicon)
        return;
    g_hash_table_destroy(lexicon->ids);
    g_ptr_array_unref(lexicon->words);
    g_free(lexicon);
}

guint32 relgraph_lexicon_intern(RelgraphLexicon *lexicon, const char *word)
{
    guint32 id = relgraph_lexicon_lookup(lexicon, word);
    if (id)
        return id;
    char *copy = g_strdup(word);
    id = lexicon->words->len;
    g_ptr_array_add(lexicon->words, copy);
    g_hash_table_insert(lexicon->ids, copy, GUINT_TO_POINTER(id));
    return id;
}

guint32 relgraph_lexicon_lookup(const RelgraphLexicon *lexicon, const char *word)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(lexicon->ids, word));
}

const char *relgraph_lexicon_word(const RelgraphLexicon *lexicon, guint32 id)
{
    return id < lexicon->words->len ? g_ptr_array_index(lexicon->words, id) : NULL;
}

guint relgraph_lexicon_size(const RelgraphLexicon *lexicon)
{
    return lexicon->words->len - 1;
}

void relgraph_lexicon_assign(const RelgraphLexicon *lexicon, RelgraphToken *tokens, guint n_tokens)
{
    for (guint i = 0; i < n_tokens; i++)
        tokens[i].word = relgraph_lexicon_lookup(lexicon, tokens[i].norm);
}
