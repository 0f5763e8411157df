/* Private to the rules modules (actors.c, lint.c): the dictionary's
 * compiled aliases and trie, so that lint can inspect them. Not part of the
 * public API in include/relgraph/. */
#ifndef RELGRAPH_ACTORS_INTERNAL_H
#define RELGRAPH_ACTORS_INTERNAL_H

#include "relgraph/actors.h"
#include "arena.h"
#include "intmap.h"

/* One compiled alias, kept until finish() builds the trie from them. In
 * the dictionary's arena, like its words. */
typedef struct {
    guint actor;
    RelgraphAliasKind kind;
    const guint32 *words; /* lexicon ids */
    guint n_words;        /* at least one */
    guint32 upper_mask;   /* bit i: token i was written in capitals (an acronym) */
    const char *file;
    guint line, col;
    const char *text;     /* as written, for messages (in dict->strings) */
    const char *location; /* "file:line" (in dict->strings, shared by a line's aliases) */
} AliasDef;

/* What a trie node offers when a match ends there. */
typedef struct {
    guint actor;
    RelgraphAliasKind kind;
    guint32 upper_mask;
    gint affiliation;
    const AliasDef *def;
} TrieEntry;

/* A member_of name waiting for finish() to resolve it. */
typedef struct {
    guint actor, index; /* actor id, index in its member_of list */
    guint line, col;
} MemberRef;

typedef struct TrieNode { /* in the dictionary's arena */
    RelgraphIntMap children; /* word id -> TrieNode* */
    GArray *entries;       /* TrieEntry, NULL when none */
} TrieNode;

/* The screen of relgraph_dictionary_may_match (see actors.c): 64-bit hashes
 * of the first one or two runs of letters and digits of every ASCII alias,
 * in an open-addressing table (0 marks a free slot), and a bitmap of their
 * low bits small enough to stay in cache, which turns away most runs before
 * the table is read. */
typedef struct {
    guint64 *slots;
    guint mask;            /* slots - 1, a power of two minus one */
    guint64 *bits;         /* bit (key & bits_mask) of each key */
    guint bits_mask;       /* bits in the bitmap - 1 */
    gboolean always;       /* an alias starts with a character the scan cannot screen */
} FirstWords;

struct RelgraphDictionary {
    RelgraphLexicon *lexicon;
    GPtrArray *actors;     /* RelgraphActor* */
    GHashTable *by_name;   /* canonical name -> GUINT_TO_POINTER(id + 1) */
    GPtrArray *aliases;    /* AliasDef* */
    GPtrArray *demonyms;   /* actor id -> its first demonym's text or NULL; built by finish */
    GArray *member_refs;   /* MemberRef: where each member_of name was written */
    GStringChunk *strings; /* file paths, alias texts and locations */
    TrieNode *root;
    FirstWords first_words;
    char *strip;           /* prefix left out of alias locations */
    RelgraphArena arena;   /* aliases, their words and the trie nodes */
};

#endif
