/* The lexicon: interning, lookups by a token's hash, word classes. */
#include <criterion/criterion.h>

#include "relgraph/lexicon.h"

static GArray *tokenize(const char *text, GStringChunk *chunk)
{
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    relgraph_text_tokenize(text, 0, strlen(text), chunk, tokens);
    return tokens;
}

Test(lexicon, interns_each_word_once_from_id_one)
{
    RelgraphLexicon *lexicon = relgraph_lexicon_new();
    cr_assert_eq(relgraph_lexicon_size(lexicon), 0u);
    cr_assert_eq(relgraph_lexicon_lookup(lexicon, "visit"), 0u, "absent: 0");
    guint32 visit = relgraph_lexicon_intern(lexicon, "visit");
    cr_assert_eq(visit, 1u);
    cr_assert_eq(relgraph_lexicon_intern(lexicon, "visit"), visit, "the same id again");
    cr_assert_str_eq(relgraph_lexicon_word(lexicon, visit), "visit");
    cr_assert_null(relgraph_lexicon_word(lexicon, 0));
    cr_assert_null(relgraph_lexicon_word(lexicon, 99));
    /* Past the table's growth: every word keeps its id. */
    char word[32];
    for (guint i = 0; i < 5000; i++) {
        g_snprintf(word, sizeof word, "w%u", i);
        cr_assert_eq(relgraph_lexicon_intern(lexicon, word), i + 2);
    }
    for (guint i = 0; i < 5000; i++) {
        g_snprintf(word, sizeof word, "w%u", i);
        cr_assert_eq(relgraph_lexicon_lookup(lexicon, word), i + 2, "%s", word);
    }
    cr_assert_eq(relgraph_lexicon_lookup(lexicon, "visit"), visit);
    cr_assert_eq(relgraph_lexicon_size(lexicon), 5001u);
    relgraph_lexicon_free(lexicon);
}

Test(lexicon, assign_gives_tokens_their_ids_and_classes)
{
    RelgraphLexicon *lexicon = relgraph_lexicon_new();
    guint32 met = relgraph_lexicon_intern(lexicon, "met");
    relgraph_lexicon_add_classes(lexicon, "he", 1u << 3);
    relgraph_lexicon_add_classes(lexicon, "he", 1u << 9); /* classes add up */
    guint32 he = relgraph_lexicon_lookup(lexicon, "he");
    cr_assert_neq(he, 0u, "a class word is interned");
    GStringChunk *chunk = g_string_chunk_new(64);
    GArray *tokens = tokenize("He met Lavrov", chunk);
    RelgraphToken *t = (RelgraphToken *)(void *)tokens->data;
    cr_assert_eq(tokens->len, 3u);
    relgraph_lexicon_assign(lexicon, t, tokens->len);
    cr_assert_eq(t[0].word, he, "normalised: \"He\" is \"he\"");
    cr_assert_eq(t[0].classes, (1u << 3) | (1u << 9));
    cr_assert_eq(t[1].word, met);
    cr_assert_eq(t[1].classes, 0u, "a word without classes");
    cr_assert_eq(t[2].word, 0u, "a word no rule uses");
    cr_assert_eq(t[2].classes, 0u);
    g_array_unref(tokens);
    g_string_chunk_free(chunk);
    relgraph_lexicon_free(lexicon);
}
