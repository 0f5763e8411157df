/* Finding an actor by a name a person typed (see actor_lookup.h). Names are
 * compared as normalised word sequences, the form the dictionary keeps its
 * aliases in; suggestions rank aliases by edit distance. A command line
 * asks once, so a pass over every alias is cheap enough. */
#include "relgraph/actor_lookup.h"

#include <string.h>

#include "actors_internal.h"

/* Words separated by single spaces: the normalised form of text. */
static char *normalised(const char *text)
{
    GStringChunk *chunk = g_string_chunk_new(64);
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    relgraph_text_tokenize(text, 0, strlen(text), chunk, tokens);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < tokens->len; i++)
        g_string_append_printf(out, "%s%s", i ? " " : "", g_array_index(tokens, RelgraphToken, i).norm);
    g_array_unref(tokens);
    g_string_chunk_free(chunk);
    return g_string_free(out, FALSE);
}

static char *alias_words(const RelgraphDictionary *dict, const AliasDef *def)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < def->n_words; i++)
        g_string_append_printf(out, "%s%s", i ? " " : "", relgraph_lexicon_word(dict->lexicon, def->words[i]));
    return g_string_free(out, FALSE);
}

/* Levenshtein distance between a and b (bytes), stopping early: any value
 * above limit is returned as limit + 1. */
static guint edit_distance(const char *a, const char *b, guint limit)
{
    gsize la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    guint *row = g_new(guint, lb + 1);
    for (gsize j = 0; j <= lb; j++)
        row[j] = (guint)j;
    for (gsize i = 1; i <= la; i++) {
        guint diagonal = row[0], best = row[0] = (guint)i;
        for (gsize j = 1; j <= lb; j++) {
            guint above = row[j];
            guint cost = diagonal + (a[i - 1] != b[j - 1]);
            row[j] = MIN(cost, MIN(above, row[j - 1]) + 1);
            diagonal = above;
            best = MIN(best, row[j]);
        }
        if (best > limit) {
            g_free(row);
            return limit + 1;
        }
    }
    guint d = row[lb];
    g_free(row);
    return MIN(d, limit + 1);
}

typedef struct {
    guint actor;
    guint score; /* lower is nearer */
} Candidate;

static gint compare_candidates(gconstpointer a, gconstpointer b, gpointer dict)
{
    const Candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return strcmp(relgraph_dictionary_actor(dict, x->actor)->name, relgraph_dictionary_actor(dict, y->actor)->name);
}

/* TRUE when the words of part are a run of the words of whole. */
static gboolean has_words(const char *whole, const char *part)
{
    char *padded_whole = g_strconcat(" ", whole, " ", NULL), *padded_part = g_strconcat(" ", part, " ", NULL);
    gboolean found = strstr(padded_whole, padded_part) != NULL;
    g_free(padded_whole);
    g_free(padded_part);
    return found;
}

/* The canonical names of the actors whose names come nearest to norm. */
static void suggest(const RelgraphDictionary *dict, const char *norm, GPtrArray *suggestions)
{
    gsize len = strlen(norm);
    /* A typo or two in a short name, about one in three letters in a long one. */
    guint limit = MAX(2, (guint)len / 3);
    guint *best = g_new(guint, relgraph_dictionary_size(dict));
    for (guint i = 0; i < relgraph_dictionary_size(dict); i++)
        best[i] = G_MAXUINT;
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        char *words = alias_words(dict, def);
        /* A misspelling first, then names that hold its words or are held
         * in them ("Moscow Times" and Russia's "Moscow" for "moscow times
         * building"). */
        guint score = edit_distance(norm, words, limit);
        if (score > limit && !has_words(words, norm) && !has_words(norm, words))
            score = G_MAXUINT;
        g_free(words);
        if (score < best[def->actor])
            best[def->actor] = score;
    }
    GArray *candidates = g_array_new(FALSE, FALSE, sizeof(Candidate));
    for (guint i = 0; i < relgraph_dictionary_size(dict); i++)
        if (best[i] != G_MAXUINT) {
            Candidate c = {i, best[i]};
            g_array_append_val(candidates, c);
        }
    g_array_sort_with_data(candidates, compare_candidates, (gpointer)dict);
    for (guint i = 0; i < candidates->len && i < RELGRAPH_ACTOR_SUGGESTIONS; i++)
        g_ptr_array_add(suggestions, relgraph_dictionary_actor(dict, g_array_index(candidates, Candidate, i).actor)->name);
    g_array_unref(candidates);
    g_free(best);
}

gint relgraph_actor_lookup(const RelgraphDictionary *dict, const char *name, GPtrArray *suggestions,
                           gboolean *ambiguous)
{
    g_return_val_if_fail(dict && name, -1);
    if (ambiguous)
        *ambiguous = FALSE;
    gint id = relgraph_dictionary_find(dict, name);
    if (id >= 0)
        return id;
    char *norm = normalised(name);
    /* Actors with a full name (canonical, alias, metonym, demonym) equal
     * to it, and actors with such a short name: bit sets would do, but
     * the lists are short. */
    GArray *full = g_array_new(FALSE, FALSE, sizeof(guint)), *shorts = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; *norm && i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        char *words = alias_words(dict, def);
        if (strcmp(words, norm) == 0) {
            GArray *into = def->kind == RELGRAPH_ALIAS_SHORT ? shorts : full;
            gboolean seen = FALSE;
            for (guint k = 0; k < into->len && !seen; k++)
                seen = g_array_index(into, guint, k) == def->actor;
            if (!seen)
                g_array_append_val(into, def->actor);
        }
        g_free(words);
    }
    GArray *found = full->len ? full : shorts;
    if (found->len == 1) {
        id = (gint)g_array_index(found, guint, 0);
    } else if (found->len > 1) {
        if (ambiguous)
            *ambiguous = TRUE;
        for (guint k = 0; suggestions && k < found->len; k++)
            g_ptr_array_add(suggestions, relgraph_dictionary_actor(dict, g_array_index(found, guint, k))->name);
    } else if (suggestions && *norm) {
        suggest(dict, norm, suggestions);
    }
    g_array_unref(full);
    g_array_unref(shorts);
    g_free(norm);
    return id;
}
