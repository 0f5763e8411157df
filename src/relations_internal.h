/* Private to the rules modules: the compiled form of relation patterns and
 * what the four relation modules share. relations.c holds the rule set and
 * reads *.rules files; relations_compile.c turns a pattern into elements,
 * relations_index.c indexes it, relations_match.c matches a sentence.
 * lint.c inspects what the parser built. Not part of the public API in
 * include/relgraph/. */
#ifndef RELGRAPH_RELATIONS_INTERNAL_H
#define RELGRAPH_RELATIONS_INTERNAL_H

#include "relgraph/relations.h"
#include "relgraph/rulefile.h"
#include "arena.h"
#include "intmap.h"

typedef enum {
    ELEM_WORD,    /* one literal token */
    ELEM_PREFIX,  /* a token starting with a prefix: visit* */
    ELEM_SLOT,    /* {src}, {dst}, {pair} or {any}, at the top level only */
    ELEM_CHOICE,  /* (a|b c) or, optional, [a|b c] */
    ELEM_GAP,     /* ..N: skip 0 to N tokens */
    ELEM_MACRO,   /* @name: a shared choice defined with "define" */
} ElemKind;

typedef enum { ROLE_SOURCE, ROLE_TARGET, ROLE_PAIR, ROLE_ANY } SlotRole;

typedef struct Elem {
    ElemKind kind;
    guint32 word;             /* WORD */
    char *prefix;             /* PREFIX */
    guint gap;                /* GAP */
    SlotRole role;            /* SLOT */
    RelgraphActorType types;  /* SLOT */
    gboolean optional;        /* CHOICE */
    gboolean negated;         /* CHOICE or {any} slot written with '!': a lookahead
                                 that must NOT match here and consumes nothing */
    gboolean single;          /* SLOT: one actor, never a coordinated list */
    guint reading;            /* SLOT: the index of (types, single) among the set's
                                 slot kinds: a sentence caches a reading per kind */
    GPtrArray *alternatives;  /* CHOICE: GPtrArray* of Elem* sequences */
    const struct Elem *macro; /* MACRO: the macro's CHOICE, owned by the set */
    /* CHOICE with many alternatives: which to try for a given next word. */
    RelgraphIntMap dispatch;  /* word id -> GArray of guint alternative indexes, ascending */
    GArray *always;           /* guint indexes of alternatives to try whatever the word */
    /* SLOT or GAP of a pattern's top level: the words the rest of the
     * pattern can start with, sorted, when it must start with a word; NULL
     * when anything may follow. */
    GArray *follow;
    guint64 follow_mask;      /* bit (id % 64) of each follow word */
    guint8 start_kind;        /* CHOICE: how its matches start, + 1 (0: not worked out yet) */
    /* A macro's CHOICE: what its matches can start with, worked out once
     * (relations_index.c): the words, sorted, and FIRST_* flags + 1. */
    GArray *first;
    guint8 first_kind;
} Elem;

/* Words the matcher itself looks for (titles, lists, appositions). */
enum { W_HIS, W_HER, W_THEIR, W_ITS, W_POSS, W_COMMA, W_AND, W_THE, W_A, W_AN, W_WHO, W_OF, W_AT, W_TO, W_IF, W_UNLESS, W_COUNT };

struct RelgraphPattern {
    GPtrArray *elems;         /* Elem*, the top-level sequence */
    const char *text;         /* as written (in set->strings) */
    const char *location;     /* "file:line" for outputs (see set->strip; in set->strings) */
    const char *file;         /* where it is written, for diagnostics */
    guint line, col;
    guint slots;              /* mentions the pattern needs at least */
    /* Index (computed when the pattern is added, see relations_index.c): */
    const RelgraphRelation *relation;
    guint index;              /* in set->patterns: the order patterns are tried in */
    GArray *trigger;          /* guint32 word ids, sorted: a sentence without any of
                                 them cannot match; NULL when there is no such set */
    GArray *first_words;      /* guint32 word ids, sorted: the words a match can start with */
    guint64 first_mask;       /* bit (id % 64) of each first word: a quick "no" before the search */
    gboolean first_slot;      /* a match can start with an actor slot */
    gboolean first_any;       /* a match can start anywhere (gap, prefix, ...) */
    GArray *requires;         /* guint ids of word sets (set->word_sets) a sentence must
                                 each hold a word of, one per required element */
};

typedef struct {
    char *name;
    Elem *choice;
    const char *file;         /* where it is defined */
    guint line, col;
    GArray *required;         /* guint32 word ids, sorted: every match contains one
                                 (for triggers); NULL when there is no such set */
} Macro;

/* What a word of a sentence tells the matcher before any search: the
 * patterns it triggers and the required word sets it belongs to. Indexed
 * by word id in a plain array, not a hash: the matcher asks it of every
 * token of every sentence with two actors. */
typedef struct {
    GArray *triggers;         /* guint pattern indexes, NULL: none */
    GArray *sets;             /* guint ids of set->word_sets holding the word, NULL: none */
} WordPatterns;

struct RelgraphRelationSet {
    guint8 reading_of_key[16];  /* (types | single << 3) -> Elem.reading + 1, 0: unused */
    guint n_readings;           /* slot kinds in use */
    RelgraphLexicon *lexicon;
    const RelgraphDictionary *dict;
    GPtrArray *relations;     /* RelgraphRelation* */
    GHashTable *by_name;      /* name -> RelgraphRelation* */
    GHashTable *macros;       /* name (without @) -> Macro* */
    GHashTable *macro_of_choice; /* a macro's choice (Elem*) -> its Macro* */
    RelgraphIntMap hedges;    /* word ids of hedge words */
    GPtrArray *hedge_prefixes;/* char*: hedge words written with '*' */
    RelgraphIntMap speech;    /* speech verbs ("said"): gaps never cross them */
    GPtrArray *speech_prefixes;
    GStringChunk *strings;    /* file paths, pattern texts and locations */
    char *strip;              /* prefix left out of rule locations ("file:line") */
    guint32 words[W_COUNT];   /* lexicon ids of the matcher's own words */
    GPtrArray *patterns;      /* RelgraphPattern*, every pattern in load order (borrowed) */
    GArray *by_word;          /* WordPatterns, indexed by word id (see word_patterns) */
    GArray *untriggered;      /* guint indexes of patterns without a trigger */
    RelgraphIntMap common;    /* ids of common_words, which triggers avoid */
    GHashTable *word_sets;    /* GBytes of sorted word ids -> id + 1: the required sets */
    GHashTable *vocabulary;   /* relation names a "vocabulary" line allows (owned keys); empty: any */
    char *vocabulary_at;      /* "file:line" of the first vocabulary line */
    RelgraphArena elems;      /* the memory of every Elem (see elem_new) */
    gint *gave_up;            /* per pattern: attempts that ran out of search steps (atomic) */
};

/* A pathological pattern must not stall a run: each start position gets
 * this many matcher steps at most, which keeps matching linear in the
 * sentence. The shipped rules need under 100 on seeds/ and the benchmark
 * corpus, so the cap leaves five times that. */
#define MATCH_STEP_LIMIT 512

/* Words so frequent in news text that a trigger made of them would let
 * nearly every sentence meet the pattern: a trigger avoids them
 * (set->common; relations.c). */
#define COMMON_WORD_COST 100

/* ---- elements (relations.c) ---- */

/* A new element, zeroed, in the set's arena. */
Elem *relgraph_elem_new(RelgraphRelationSet *set);
/* Frees what an element owns; its own memory goes with the set's arena. */
void relgraph_elem_free(gpointer elem);
/* A new sequence: a GPtrArray of Elem* that frees them. */
GPtrArray *relgraph_seq_new(void);

/* ---- compiling (relations_compile.c) ---- */

/* What compiling one pattern after another reuses: tokenising a literal
 * word (as text is) needs a token array and room for the normalised words;
 * indexing a pattern, sets of words. The words are interned at once, so
 * their room is only given back with the scratch, after the file: a few
 * bytes a word. */
typedef struct {
    GArray *tokens;       /* RelgraphToken */
    GStringChunk *norms;
    GArray *words;        /* guint32 word ids */
} Scratch;

void relgraph_scratch_init(Scratch *scratch);
void relgraph_scratch_clear(Scratch *scratch);
/* Compiles the pattern of line into relation (and indexes it); problems go
 * to diagnostics. */
void relgraph_pattern_compile(RelgraphRelationSet *set, Scratch *scratch, RelgraphRelation *relation,
                              const RelgraphRuleLine *line, GPtrArray *diagnostics);
/* "define @name (a | b ...)": compiles and indexes the macro. */
void relgraph_macro_compile(RelgraphRelationSet *set, Scratch *scratch, const RelgraphRuleLine *line,
                            GPtrArray *diagnostics);

/* ---- the index (relations_index.c) ---- */

/* Works out a compiled pattern's index (see RelgraphPattern) and files it
 * in the set. */
void relgraph_pattern_index(RelgraphRelationSet *set, Scratch *scratch, RelgraphPattern *pattern);
/* Gives every choice below e with many alternatives a dispatch table.
 * words: scratch. */
void relgraph_index_choices(Elem *e, GArray *words);
/* The sorted words of which every match of a macro's choice holds one, in
 * a new array; NULL when there is no such set. stack: scratch. */
GArray *relgraph_macro_required(const RelgraphRelationSet *set, const Elem *choice, GArray *stack);
/* How many ways the gaps of seq[from..] can be placed, at most (for the
 * load-time warning against MATCH_STEP_LIMIT). */
guint64 relgraph_seq_ways(const GPtrArray *seq, guint from, gboolean after);

/* Whether the sorted words hold w (binary search). */
static inline gboolean relgraph_words_contain(const GArray *words, guint32 w)
{
    guint lo = 0, hi = words->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        guint32 v = g_array_index(words, guint32, mid);
        if (v == w)
            return TRUE;
        if (v < w)
            lo = mid + 1;
        else
            hi = mid;
    }
    return FALSE;
}

/* The patterns and word sets of word id w; NULL when it has none. */
static inline const WordPatterns *word_patterns(const RelgraphRelationSet *set, guint32 w)
{
    return w && w < set->by_word->len ? &g_array_index(set->by_word, WordPatterns, w) : NULL;
}

#endif
