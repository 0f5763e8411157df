/* The lexicon: interned normalised words.
 *
 * Every token of every document is looked up here, so the table is an
 * open-addressing one with the hash kept beside the id: a probe compares
 * integers and reads a string only on a likely hit. */
#include "relgraph/lexicon.h"

#include <string.h>

typedef struct {
    guint32 hash;
    guint32 id;  /* 0 = empty slot */
} Slot;

struct RelgraphLexicon {
    Slot *slots;
    guint32 mask;      /* capacity - 1, a power of two */
    GPtrArray *words;  /* id -> char* in strings, index 0 unused */
    GArray *classes;   /* id -> guint32 word classes */
    GStringChunk *strings; /* the words side by side: a hit's compare stays in cache */
};

/* The slot holding word, or the empty slot where it would go. */
static Slot *find_slot(const RelgraphLexicon *lexicon, const char *word, guint32 hash)
{
    for (guint32 i = hash & lexicon->mask;; i = (i + 1) & lexicon->mask) {
        Slot *slot = &lexicon->slots[i];
        if (slot->id == 0 ||
            (slot->hash == hash && strcmp(g_ptr_array_index(lexicon->words, slot->id), word) == 0))
            return slot;
    }
}

/* Keeps the load factor at most 1/4: most lookups are misses (words no
 * rule uses), and a miss ends at the first empty slot. */
static void grow(RelgraphLexicon *lexicon)
{
    guint32 capacity = (lexicon->mask + 1) * 2;
    Slot *old = lexicon->slots;
    guint32 old_capacity = lexicon->mask + 1;
    lexicon->slots = g_new0(Slot, capacity);
    lexicon->mask = capacity - 1;
    for (guint32 i = 0; i < old_capacity; i++) {
        if (!old[i].id)
            continue;
        guint32 j = old[i].hash & lexicon->mask;
        while (lexicon->slots[j].id)
            j = (j + 1) & lexicon->mask;
        lexicon->slots[j] = old[i];
    }
    g_free(old);
}

RelgraphLexicon *relgraph_lexicon_new(void)
{
    RelgraphLexicon *lexicon = g_new0(RelgraphLexicon, 1);
    lexicon->mask = 255;
    lexicon->slots = g_new0(Slot, lexicon->mask + 1);
    lexicon->words = g_ptr_array_new();
    lexicon->classes = g_array_new(FALSE, TRUE, sizeof(guint32));
    lexicon->strings = g_string_chunk_new(16384);
    g_ptr_array_add(lexicon->words, NULL);
    return lexicon;
}

void relgraph_lexicon_free(RelgraphLexicon *lexicon)
{
    if (!lexicon)
        return;
    g_free(lexicon->slots);
    g_ptr_array_unref(lexicon->words);
    g_array_unref(lexicon->classes);
    g_string_chunk_free(lexicon->strings);
    g_free(lexicon);
}

guint32 relgraph_lexicon_intern(RelgraphLexicon *lexicon, const char *word)
{
    guint32 hash = relgraph_text_hash(word, strlen(word));
    Slot *slot = find_slot(lexicon, word, hash);
    if (slot->id)
        return slot->id;
    if (lexicon->words->len * 4 > lexicon->mask) {
        grow(lexicon);
        slot = find_slot(lexicon, word, hash);
    }
    slot->hash = hash;
    slot->id = lexicon->words->len;
    g_ptr_array_add(lexicon->words, g_string_chunk_insert(lexicon->strings, word));
    return slot->id;
}

void relgraph_lexicon_add_classes(RelgraphLexicon *lexicon, const char *word, guint32 classes)
{
    guint32 id = relgraph_lexicon_intern(lexicon, word);
    if (lexicon->classes->len <= id)
        g_array_set_size(lexicon->classes, id + 1);
    g_array_index(lexicon->classes, guint32, id) |= classes;
}

guint32 relgraph_lexicon_lookup(const RelgraphLexicon *lexicon, const char *word)
{
    return find_slot(lexicon, word, relgraph_text_hash(word, strlen(word)))->id;
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
    const guint32 *classes = (const guint32 *)(const void *)lexicon->classes->data;
    guint n_classes = lexicon->classes->len;
    for (guint i = 0; i < n_tokens; i++) {
        guint32 id = find_slot(lexicon, tokens[i].norm, tokens[i].hash)->id;
        tokens[i].word = id;
        tokens[i].classes = id < n_classes ? classes[id] : 0;
    }
}
