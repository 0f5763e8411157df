/* Relation rules: the *.rules parser, the pattern compiler and matcher. */
#include "relgraph/relations.h"

#include <stdlib.h>
#include <string.h>

#include "relgraph/rulefile.h"
#include "relations_internal.h"

/* A pathological pattern must not stall a run: each start position gets
 * this many matcher steps at most, which keeps matching linear in the
 * sentence. The shipped rules need under 100 on seeds/ and the benchmark
 * corpus, so the cap leaves five times that. */
#define MATCH_STEP_LIMIT 512

/* Scratch of relgraph_relations_match kept on the stack (16 KiB): a
 * 500-token sentence under the shipped rules, 200 under ten times as many. */
#define MATCH_STACK_WORDS 2048 /* 16 KB */

static void elem_free(gpointer p);

static GPtrArray *seq_new(void)
{
    return g_ptr_array_new_with_free_func(elem_free);
}

/* A new element, zeroed, in the set's arena. */
static Elem *elem_new(RelgraphRelationSet *set)
{
    return relgraph_arena_alloc0(&set->elems, sizeof(Elem));
}

/* Frees what e owns; its own memory goes with the set's arena. */
static void elem_free(gpointer p)
{
    Elem *e = p;
    if (!e)
        return;
    g_free(e->prefix);
    if (e->alternatives)
        g_ptr_array_unref(e->alternatives);
    relgraph_intmap_destroy(&e->dispatch, (GDestroyNotify)g_array_unref);
    if (e->always)
        g_array_unref(e->always);
    if (e->follow)
        g_array_unref(e->follow);
}

static void pattern_free(gpointer p)
{
    RelgraphPattern *pattern = p;
    if (pattern->trigger)
        g_array_unref(pattern->trigger);
    if (pattern->first_words)
        g_array_unref(pattern->first_words);
    if (pattern->requires)
        g_array_unref(pattern->requires);
    g_ptr_array_unref(pattern->elems);
    g_free(pattern);
}

static void relation_free(gpointer p)
{
    RelgraphRelation *r = p;
    g_free(r->name);
    g_ptr_array_unref(r->patterns);
    g_free(r);
}

static void macro_free(gpointer p)
{
    Macro *m = p;
    g_free(m->name);
    elem_free(m->choice);
    if (m->required)
        g_array_unref(m->required);
    g_free(m);
}

const char *relgraph_pattern_location(const RelgraphPattern *pattern)
{
    return pattern->location;
}

const char *relgraph_pattern_text(const RelgraphPattern *pattern)
{
    return pattern->text;
}

/* Words so frequent in news text that a trigger made of them would let
 * nearly every sentence meet the pattern: a trigger avoids them. */
static const char *const common_words[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "as",
    "'s", ",", ";", ":", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will",
    "would", "that", "this", "it", "its", "his", "her", "their", "he", "she", "they", "said",
    "says", "not", "after", "before", "over", "into", "about", "than", "but", "which", "who",
};
#define COMMON_WORD_COST 100

RelgraphRelationSet *relgraph_relations_new(RelgraphLexicon *lexicon, const RelgraphDictionary *dict)
{
    RelgraphRelationSet *set = g_new0(RelgraphRelationSet, 1);
    set->lexicon = lexicon;
    set->dict = dict;
    set->relations = g_ptr_array_new_with_free_func(relation_free);
    set->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    set->macros = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, macro_free);
    set->macro_of_choice = g_hash_table_new(g_direct_hash, g_direct_equal);
    set->hedge_prefixes = g_ptr_array_new_with_free_func(g_free);
    set->vocabulary = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    set->patterns = g_ptr_array_new();
    static const char *const words[W_COUNT] = {
        [W_HIS] = "his", [W_HER] = "her", [W_THEIR] = "their", [W_ITS] = "its", [W_POSS] = "'s",
        [W_COMMA] = ",", [W_AND] = "and", [W_THE] = "the", [W_A] = "a", [W_AN] = "an",
        [W_WHO] = "who", [W_OF] = "of", [W_AT] = "at", [W_TO] = "to",
    };
    for (guint i = 0; i < W_COUNT; i++)
        set->words[i] = relgraph_lexicon_intern(lexicon, words[i]);
    for (guint i = 0; i < G_N_ELEMENTS(common_words); i++)
        relgraph_intmap_insert(&set->common, relgraph_lexicon_intern(lexicon, common_words[i]),
                               RELGRAPH_INTMAP_MEMBER);
    set->untriggered = g_array_new(FALSE, FALSE, sizeof(guint));
    set->word_sets = g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
    set->speech_prefixes = g_ptr_array_new_with_free_func(g_free);
    set->strings = g_string_chunk_new(16384);
    return set;
}

void relgraph_relations_free(RelgraphRelationSet *set)
{
    if (!set)
        return;
    g_hash_table_destroy(set->by_name);
    g_ptr_array_unref(set->relations);
    g_hash_table_destroy(set->macro_of_choice);
    g_hash_table_destroy(set->macros);
    relgraph_intmap_destroy(&set->hedges, NULL);
    g_ptr_array_unref(set->hedge_prefixes);
    relgraph_intmap_destroy(&set->speech, NULL);
    g_ptr_array_unref(set->speech_prefixes);
    g_string_chunk_free(set->strings);
    g_free(set->strip);
    g_hash_table_destroy(set->vocabulary);
    g_ptr_array_unref(set->patterns);
    relgraph_intmap_destroy(&set->by_trigger, (GDestroyNotify)g_array_unref);
    g_array_unref(set->untriggered);
    relgraph_intmap_destroy(&set->common, NULL);
    g_hash_table_destroy(set->word_sets);
    relgraph_intmap_destroy(&set->sets_by_word, (GDestroyNotify)g_array_unref);
    g_free(set->vocabulary_at);
    g_free(set->gave_up);
    relgraph_arena_clear(&set->elems); /* last: the patterns and macros above held elements */
    g_free(set);
}

void relgraph_relations_set_location_prefix(RelgraphRelationSet *set, const char *prefix)
{
    g_free(set->strip);
    set->strip = g_strdup(prefix);
}

guint relgraph_relations_count(const RelgraphRelationSet *set)
{
    return set->relations->len;
}

const RelgraphRelation *relgraph_relations_get(const RelgraphRelationSet *set, guint index)
{
    return index < set->relations->len ? g_ptr_array_index(set->relations, index) : NULL;
}

const RelgraphRelation *relgraph_relations_find(const RelgraphRelationSet *set, const char *name)
{
    return g_hash_table_lookup(set->by_name, name);
}

/* ---- pattern compiler ------------------------------------------------ */

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

static void scratch_init(Scratch *scratch)
{
    scratch->tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    scratch->norms = g_string_chunk_new(4096);
    /* Room from the start: the word sets are taken as guint32 pointers
     * into it, which an array without storage would make NULL. */
    scratch->words = g_array_sized_new(FALSE, FALSE, sizeof(guint32), 256);
}

static void scratch_clear(Scratch *scratch)
{
    g_array_unref(scratch->tokens);
    g_string_chunk_free(scratch->norms);
    g_array_unref(scratch->words);
}

typedef struct {
    RelgraphRelationSet *set;
    Scratch *scratch;
    const RelgraphRuleLine *line;
    GPtrArray *diagnostics;
    const char *p;            /* cursor in line->text */
    gboolean failed;
    gboolean in_group;        /* inside ( ) or [ ]: slots are not allowed */
    guint depth;              /* groups open at the cursor */
} Parser;

/* Deeper groups are refused: the parser, the index and the matcher all
 * recurse on them, and no pattern a person writes needs more. */
#define MAX_GROUP_DEPTH 32

static void parse_error(Parser *ps, const char *at, const char *format, const char *arg)
{
    if (ps->failed)
        return; /* one error per pattern: the rest would be noise */
    ps->failed = TRUE;
    relgraph_diagnostics_add(ps->diagnostics, RELGRAPH_DIAG_ERROR, ps->line->path, ps->line->line,
                             relgraph_rulefile_col(ps->line, at), format, arg);
}

static gboolean is_special(char c)
{
    return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|';
}

static void skip_blanks(Parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t')
        ps->p++;
}

/* Whether the len bytes at start are word. */
static gboolean word_is(const char *start, gsize len, const char *word)
{
    return len == strlen(word) && memcmp(start, word, len) == 0;
}

/* Appends the elements for one literal word as written ("visit*",
 * "three-day", "'s", ","): the text tokeniser decides what the tokens are. */
static void compile_word(Parser *ps, const char *start, const char *end, GPtrArray *seq)
{
    gboolean prefix = end > start && end[-1] == '*';
    gsize len = (gsize)((prefix ? end - 1 : end) - start);
    if (memchr(start, '*', len)) {
        char *word = g_strndup(start, len);
        parse_error(ps, start, "'*' may only end a word: \"%s\"", word);
        g_free(word);
        return;
    }
    GArray *tokens = ps->scratch->tokens;
    g_array_set_size(tokens, 0);
    if (word_is(start, len, "'s") || word_is(start, len, "\xe2\x80\x99s")) {
        RelgraphToken t = {.norm = "'s"};
        g_array_append_val(tokens, t);
    } else {
        relgraph_text_tokenize(start, 0, len, ps->scratch->norms, tokens);
    }
    if (tokens->len == 0) {
        char *word = g_strndup(start, len);
        parse_error(ps, start, "\"%s\" contains no word to match", word);
        g_free(word);
    }
    for (guint i = 0; i < tokens->len; i++) {
        const RelgraphToken *t = &g_array_index(tokens, RelgraphToken, i);
        Elem *e = elem_new(ps->set);
        if (prefix && i + 1 == tokens->len) {
            e->kind = ELEM_PREFIX;
            e->prefix = g_strdup(t->norm);
        } else {
            e->kind = ELEM_WORD;
            e->word = relgraph_lexicon_intern(ps->set->lexicon, t->norm);
        }
        g_ptr_array_add(seq, e);
    }
}

static Elem *parse_choice(Parser *ps, char close);
static GPtrArray *parse_sequence(Parser *ps);

/* {src}, {dst}, {pair}, optionally with ":type|type". */
static Elem *parse_slot(Parser *ps)
{
    const char *start = ps->p;
    const char *end = strchr(start, '}');
    /* "{src visited {dst}": the brace closes the next slot, not this one. */
    const char *next_open = strchr(start + 1, '{');
    if (end && next_open && next_open < end)
        end = NULL;
    if (!end) {
        parse_error(ps, start, "%s", "unclosed '{' (expected {src}, {dst}, {pair} or {any})");
        ps->p += strlen(ps->p);
        return NULL;
    }
    char *inside = g_strndup(start + 1, (gsize)(end - start - 1));
    ps->p = end + 1;
    gboolean single = FALSE;
    char *space = strrchr(g_strchomp(inside), ' ');
    if (space && strcmp(space + 1, "single") == 0) {
        single = TRUE;
        *space = '\0';
    }
    char *colon = strchr(inside, ':');
    if (colon)
        *colon = '\0';
    char *role_name = g_strstrip(inside);
    Elem *e = elem_new(ps->set);
    e->kind = ELEM_SLOT;
    e->types = RELGRAPH_ACTOR_ANY;
    e->single = single;
    if (strcmp(role_name, "src") == 0) {
        e->role = ROLE_SOURCE;
    } else if (strcmp(role_name, "dst") == 0) {
        e->role = ROLE_TARGET;
    } else if (strcmp(role_name, "pair") == 0) {
        e->role = ROLE_PAIR;
    } else if (strcmp(role_name, "any") == 0) {
        e->role = ROLE_ANY;
    } else {
        parse_error(ps, start + 1, "unknown slot \"%s\" (expected src, dst, pair or any)", role_name);
    }
    if (colon) {
        e->types = 0;
        char **names = g_strsplit(colon + 1, "|", -1);
        for (char **n = names; *n; n++) {
            char *name = g_strstrip(*n);
            RelgraphActorType type = relgraph_actor_type_from_name(name);
            if (!type)
                parse_error(ps, start + 1 + (colon - inside) + 1 + (*n - names[0]),
                            "unknown actor type \"%s\" (expected state, official or institution)", name);
            e->types |= type;
        }
        g_strfreev(names);
        if (!e->types)
            e->types = RELGRAPH_ACTOR_ANY;
    }
    if (ps->in_group)
        parse_error(ps, start, "%s", "slots cannot be inside ( ) or [ ]; write two patterns instead");
    guint key = ((guint)e->types & 7u) | (e->single ? 8u : 0u);
    if (!ps->set->reading_of_key[key])
        ps->set->reading_of_key[key] = (guint8)++ps->set->n_readings;
    e->reading = ps->set->reading_of_key[key] - 1u;
    g_free(inside);
    return e;
}

/* TRUE when the group opened just before p is closed later on the line.
 * Checked before the group is parsed, so that a group left open is
 * reported as such and not as whatever its contents then break. */
static gboolean group_closes(const char *p)
{
    guint depth = 1;
    for (; *p && depth; p++)
        depth += (*p == '(' || *p == '[') - (*p == ')' || *p == ']');
    return depth == 0;
}

/* "!word", "!(a | b c)" or "!{any[:types]}": what must not come next. */
static void parse_negation(Parser *ps, GPtrArray *seq)
{
    const char *at = ps->p++;
    Elem *e = NULL;
    if (*ps->p == '{') {
        gboolean outer = ps->in_group;
        ps->in_group = FALSE; /* a lookahead binds nothing: allowed anywhere */
        e = parse_slot(ps);
        ps->in_group = outer;
        if (e && e->role != ROLE_ANY)
            parse_error(ps, at, "%s", "only {any} can be negated: !{any} or !{any:type}");
    } else if (*ps->p == '(') {
        ps->p++;
        if (!group_closes(ps->p)) {
            parse_error(ps, at + 1, "%s", "unclosed '('");
            return;
        }
        gboolean outer = ps->in_group;
        ps->in_group = TRUE;
        e = parse_choice(ps, ')');
        ps->in_group = outer;
        if (*ps->p != ')')
            parse_error(ps, at, "%s", "unclosed '('");
        else
            ps->p++;
    } else {
        const char *start = ps->p;
        while (*ps->p && *ps->p != ' ' && *ps->p != '\t' && !is_special(*ps->p))
            ps->p++;
        if (ps->p == start) {
            parse_error(ps, at, "%s", "'!' must be followed by a word, ( ) or {any}");
            return;
        }
        GPtrArray *words = seq_new();
        compile_word(ps, start, ps->p, words);
        e = elem_new(ps->set);
        e->kind = ELEM_CHOICE;
        e->alternatives = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
        g_ptr_array_add(e->alternatives, words);
    }
    if (!e)
        return;
    e->negated = TRUE;
    g_ptr_array_add(seq, e);
}

/* A sequence up to ')' ']' '|' or the end. */
static GPtrArray *parse_sequence(Parser *ps)
{
    GPtrArray *seq = seq_new();
    for (;;) {
        skip_blanks(ps);
        char c = *ps->p;
        if (c == '\0' || c == ')' || c == ']' || c == '|' || ps->failed)
            return seq;
        const char *at = ps->p;
        if (c == '!') {
            parse_negation(ps, seq);
        } else if (c == '{') {
            Elem *e = parse_slot(ps);
            if (e)
                g_ptr_array_add(seq, e);
        } else if (c == '(' || c == '[') {
            ps->p++;
            if (!group_closes(ps->p)) {
                parse_error(ps, at, "unclosed '%s'", c == '(' ? "(" : "[");
                return seq;
            }
            gboolean outer = ps->in_group;
            ps->in_group = TRUE;
            Elem *e = parse_choice(ps, c == '(' ? ')' : ']');
            ps->in_group = outer;
            if (*ps->p != (c == '(' ? ')' : ']')) {
                parse_error(ps, at, "unclosed '%s'", c == '(' ? "(" : "[");
                elem_free(e);
                return seq;
            }
            ps->p++;
            e->optional = c == '[';
            g_ptr_array_add(seq, e);
        } else if (c == '}') {
            parse_error(ps, at, "%s", "unexpected '}'");
            return seq;
        } else if (c == '.' && ps->p[1] == '.' && g_ascii_isdigit(ps->p[2])) {
            char *end = NULL;
            guint64 n = g_ascii_strtoull(ps->p + 2, &end, 10);
            ps->p = end;
            if (n == 0 || n > 20)
                parse_error(ps, at, "%s", "a gap ..N needs 1 <= N <= 20");
            Elem *e = elem_new(ps->set);
            e->kind = ELEM_GAP;
            e->gap = (guint)n;
            g_ptr_array_add(seq, e);
        } else if (c == '@') {
            const char *s = ++ps->p;
            while (g_ascii_isalnum(*ps->p) || *ps->p == '_')
                ps->p++;
            char *name = g_strndup(s, (gsize)(ps->p - s));
            Macro *m = g_hash_table_lookup(ps->set->macros, name);
            if (!m) {
                parse_error(ps, at, "unknown macro \"@%s\" (define it above its first use)", name);
            } else {
                Elem *e = elem_new(ps->set);
                e->kind = ELEM_MACRO;
                e->macro = m->choice;
                g_ptr_array_add(seq, e);
            }
            g_free(name);
        } else {
            const char *end = ps->p;
            while (*end && *end != ' ' && *end != '\t' && !is_special(*end))
                end++;
            compile_word(ps, ps->p, end, seq);
            ps->p = end;
        }
    }
}

/* Alternatives a | b c | d up to close (')' or ']', or '\0' for a macro). */
static Elem *parse_choice(Parser *ps, char close)
{
    Elem *e = elem_new(ps->set);
    e->kind = ELEM_CHOICE;
    e->alternatives = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    if (ps->depth == MAX_GROUP_DEPTH) {
        parse_error(ps, ps->p, "%s", "groups ( ) or [ ] nested more than " G_STRINGIFY(MAX_GROUP_DEPTH) " deep");
        return e;
    }
    ps->depth++;
    for (;;) {
        const char *at = ps->p;
        GPtrArray *alt = parse_sequence(ps);
        if (alt->len == 0 && !ps->failed)
            parse_error(ps, at, "%s", "empty alternative");
        g_ptr_array_add(e->alternatives, alt);
        if (*ps->p == '|' && !ps->failed) {
            ps->p++;
            continue;
        }
        break;
    }
    ps->depth--;
    if (!ps->failed && close == '\0' && *ps->p)
        parse_error(ps, ps->p, "unexpected '%s'", (char[]){*ps->p, '\0'});
    return e;
}

/* ---- pattern index ------------------------------------------------------ */

typedef struct {
    gboolean any, slot;
    GArray *words;      /* guint32 word ids, repeats allowed (see sort_unique_words) */
} FirstSet;

static gboolean seq_first(const GPtrArray *seq, guint from, FirstSet *out);

/* Adds what a match of e can start with; TRUE when e can match nothing. */
static gboolean elem_first(const Elem *e, FirstSet *out)
{
    switch (e->kind) {
    case ELEM_WORD:
        g_array_append_val(out->words, e->word);
        return FALSE;
    case ELEM_PREFIX:
    case ELEM_GAP:
        out->any = TRUE;
        return FALSE;
    case ELEM_SLOT:
        if (e->negated)
            return TRUE;
        out->slot = TRUE;
        return FALSE;
    case ELEM_CHOICE:
    case ELEM_MACRO: {
        const Elem *c = e->kind == ELEM_MACRO ? e->macro : e;
        if (c->negated)
            return TRUE;
        gboolean nullable = c->optional;
        for (guint i = 0; i < c->alternatives->len; i++)
            if (seq_first(g_ptr_array_index(c->alternatives, i), 0, out))
                nullable = TRUE;
        return nullable;
    }
    }
    out->any = TRUE;
    return FALSE;
}

static gboolean seq_first(const GPtrArray *seq, guint from, FirstSet *out)
{
    for (guint i = from; i < seq->len; i++)
        if (!elem_first(g_ptr_array_index(seq, i), out))
            return FALSE;
    return TRUE;
}

static gboolean words_contain(const GArray *words, guint32 w)
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


/* Sorts words[0, n) and drops repeats; returns how many are left. */
static guint sort_unique_words(guint32 *words, guint n)
{
    if (n > 32) {
        /* Sets of a few hundred words (a macro such as @aux, and what
         * follows each slot) are sorted for every pattern: four byte-wide
         * radix passes beat qsort's comparisons. */
        guint32 *tmp = g_new(guint32, n);
        guint32 *from = words, *to = tmp;
        for (guint shift = 0; shift < 32; shift += 8) {
            guint count[257] = {0};
            for (guint i = 0; i < n; i++)
                count[((from[i] >> shift) & 0xff) + 1]++;
            for (guint k = 1; k <= 256; k++)
                count[k] += count[k - 1];
            for (guint i = 0; i < n; i++)
                to[count[(from[i] >> shift) & 0xff]++] = from[i];
            guint32 *swap = from;
            from = to;
            to = swap;
        }
        g_free(tmp); /* after an even number of passes the words are back in words */
    } else {
        /* Most sets are a few words: insertion sort beats qsort's calls. */
        for (guint i = 1; i < n; i++) {
            guint32 w = words[i];
            guint j = i;
            for (; j > 0 && words[j - 1] > w; j--)
                words[j] = words[j - 1];
            words[j] = w;
        }
    }
    guint kept = 0;
    for (guint i = 0; i < n; i++)
        if (kept == 0 || words[kept - 1] != words[i])
            words[kept++] = words[i];
    return kept;
}

/* The words of scratch, sorted and without repeats, in a new array. */
static GArray *sorted_words(GArray *scratch)
{
    guint n = sort_unique_words(&g_array_index(scratch, guint32, 0), scratch->len);
    GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(guint32), n);
    g_array_append_vals(out, scratch->data, n);
    return out;
}

/* ---- trigger words ------------------------------------------------------ */

/* A trigger is chosen among many candidate word sets (one per element of
 * every sequence, recursively). They are built on one stack of word ids
 * (guint32): a candidate is pushed above the best set so far, then moved
 * down over it or popped, so that weighing candidates allocates nothing.
 * A set on the stack may hold repeats until sort_unique_words. */

/* How many sentences a trigger set lets through, roughly: a common word
 * counts as many rare ones. words: sorted, without repeats. */
static guint trigger_cost(const RelgraphRelationSet *set, const guint32 *words, guint n)
{
    guint cost = 0;
    for (guint i = 0; i < n; i++)
        cost += relgraph_intmap_contains(&set->common, words[i]) ? COMMON_WORD_COST : 1;
    return cost;
}

/* Pushes onto stack words of which every match of seq contains at least
 * one, sorted and without repeats; FALSE, with stack as it was, when there
 * is no such set (e.g. only slots and gaps). */
static gboolean seq_required(const RelgraphRelationSet *set, const GPtrArray *seq, GArray *stack);

/* Pushes the words one of which every match of e contains (repeats
 * allowed); FALSE when there is none such, leaving what it pushed for the
 * caller to pop. */
static gboolean elem_required(const RelgraphRelationSet *set, const Elem *e, GArray *stack)
{
    if (e->kind == ELEM_WORD) {
        g_array_append_val(stack, e->word);
        return TRUE;
    }
    if (e->kind == ELEM_MACRO) {
        const Macro *m = g_hash_table_lookup(set->macro_of_choice, e->macro);
        if (!m->required)
            return FALSE;
        g_array_append_vals(stack, m->required->data, m->required->len);
        return TRUE;
    }
    if (e->kind != ELEM_CHOICE || e->optional || e->negated)
        return FALSE;
    for (guint i = 0; i < e->alternatives->len; i++)
        if (!seq_required(set, g_ptr_array_index(e->alternatives, i), stack))
            return FALSE;
    return TRUE;
}

static gboolean seq_required(const RelgraphRelationSet *set, const GPtrArray *seq, GArray *stack)
{
    /* The most selective element: the cheapest word set; the first of
     * equals. It stays at stack[base, base + best_len). */
    guint base = stack->len, best_len = 0, best_cost = 0;
    gboolean found = FALSE;
    for (guint i = 0; i < seq->len; i++) {
        guint start = stack->len;
        if (elem_required(set, g_ptr_array_index(seq, i), stack)) {
            guint32 *candidate = &g_array_index(stack, guint32, start);
            guint n = sort_unique_words(candidate, stack->len - start);
            guint cost = trigger_cost(set, candidate, n);
            if (!found || cost < best_cost) {
                memmove(&g_array_index(stack, guint32, base), candidate, n * sizeof *candidate);
                best_len = n;
                best_cost = cost;
                found = TRUE;
            }
        }
        g_array_set_size(stack, base + best_len);
    }
    return found;
}

/* A pattern's trigger: the sorted words of which every match of its
 * sequence contains one, in a new array; NULL when there is no such set.
 * stack: scratch. */
static GArray *pattern_trigger(const RelgraphRelationSet *set, const GPtrArray *seq, GArray *stack)
{
    g_array_set_size(stack, 0);
    return seq_required(set, seq, stack) ? sorted_words(stack) : NULL;
}

/* The same for a macro's choice, worked out once where it is defined:
 * patterns use a macro many times over. */
static GArray *macro_required(const RelgraphRelationSet *set, const Elem *choice, GArray *stack)
{
    g_array_set_size(stack, 0);
    return elem_required(set, choice, stack) ? sorted_words(stack) : NULL;
}

#define DISPATCH_MIN_ALTERNATIVES 4

/* Gives every choice of seq with many alternatives (not the macros, done
 * where they are defined) a table from next word to the alternatives that
 * can start with it. words: scratch. */
static void index_choices(Elem *e, GArray *words);

static void index_seq_choices(const GPtrArray *seq, GArray *words)
{
    for (guint i = 0; i < seq->len; i++)
        index_choices(g_ptr_array_index(seq, i), words);
}

static void index_choices(Elem *e, GArray *words)
{
    if (e->kind != ELEM_CHOICE || e->always)
        return;
    for (guint i = 0; i < e->alternatives->len; i++)
        index_seq_choices(g_ptr_array_index(e->alternatives, i), words);
    if (e->alternatives->len < DISPATCH_MIN_ALTERNATIVES)
        return;
    e->always = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < e->alternatives->len; i++) {
        g_array_set_size(words, 0);
        FirstSet first = {FALSE, FALSE, words};
        if (seq_first(g_ptr_array_index(e->alternatives, i), 0, &first) || first.any || first.slot) {
            g_array_append_val(e->always, i);
            continue;
        }
        guint n = sort_unique_words(&g_array_index(words, guint32, 0), words->len);
        for (guint k = 0; k < n; k++) {
            guint32 w = g_array_index(words, guint32, k);
            GArray *list = relgraph_intmap_lookup(&e->dispatch, w);
            if (!list) {
                list = g_array_new(FALSE, FALSE, sizeof(guint));
                relgraph_intmap_insert(&e->dispatch, w, list);
            }
            g_array_append_val(list, i);
        }
    }
}

/* The id of a required word set (words: sorted, without repeats), filed
 * under each of its words the first time it is seen: patterns share sets
 * (a macro, "with"), and a sentence works out once which it holds. */
static guint word_set_id(RelgraphRelationSet *set, const guint32 *words, guint n)
{
    GBytes *key = g_bytes_new(words, n * sizeof *words);
    gpointer found = g_hash_table_lookup(set->word_sets, key);
    if (found) {
        g_bytes_unref(key);
        return GPOINTER_TO_UINT(found) - 1;
    }
    guint id = g_hash_table_size(set->word_sets);
    g_hash_table_insert(set->word_sets, key, GUINT_TO_POINTER(id + 1));
    for (guint i = 0; i < n; i++) {
        GArray *list = relgraph_intmap_lookup(&set->sets_by_word, words[i]);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(guint));
            relgraph_intmap_insert(&set->sets_by_word, words[i], list);
        }
        g_array_append_val(list, id);
    }
    return id;
}

/* The word sets every match of the top-level sequence holds a word of: one
 * per element that has such a set. The trigger is the rarest of them;
 * checking all before the search turns away the sentences that have the
 * verb but not the preposition. stack: scratch. */
static GArray *pattern_requires(RelgraphRelationSet *set, const GPtrArray *seq, GArray *stack)
{
    GArray *ids = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < seq->len; i++) {
        g_array_set_size(stack, 0);
        if (!elem_required(set, g_ptr_array_index(seq, i), stack))
            continue;
        guint32 *words = &g_array_index(stack, guint32, 0);
        guint n = sort_unique_words(words, stack->len);
        guint id = word_set_id(set, words, n);
        gboolean seen = FALSE;
        for (guint k = 0; k < ids->len && !seen; k++)
            seen = g_array_index(ids, guint, k) == id;
        if (!seen)
            g_array_append_val(ids, id);
    }
    return ids;
}

/* Computes the pattern's trigger words and start set, and files it in the
 * set's trigger index, so that a sentence only meets the patterns whose
 * words it has, at the positions where they can start. */
static void index_pattern(RelgraphRelationSet *set, Scratch *scratch, RelgraphPattern *pattern)
{
    pattern->index = set->patterns->len;
    g_ptr_array_add(set->patterns, pattern);
    set->gave_up = g_renew(gint, set->gave_up, set->patterns->len);
    set->gave_up[pattern->index] = 0;
    index_seq_choices(pattern->elems, scratch->words);

    g_array_set_size(scratch->words, 0);
    FirstSet first = {FALSE, FALSE, scratch->words};
    if (seq_first(pattern->elems, 0, &first))
        first.any = TRUE;
    pattern->first_any = first.any;
    pattern->first_slot = first.slot;
    pattern->first_words = sorted_words(first.words);
    for (guint i = 0; i < pattern->first_words->len; i++)
        pattern->first_mask |= G_GUINT64_CONSTANT(1) << (g_array_index(pattern->first_words, guint32, i) % 64);

    /* What may follow each slot and gap: a slot's coordinated lists and
     * appositions are worked out for every pattern tried at an actor, a
     * gap tries each of its lengths, and most continuations fail on their
     * first word ("{src} [@aux] met", "..4 @trip"). */
    for (guint i = 0; i < pattern->elems->len; i++) {
        Elem *e = g_ptr_array_index(pattern->elems, i);
        if (!(e->kind == ELEM_SLOT && !e->negated) && e->kind != ELEM_GAP)
            continue;
        g_array_set_size(scratch->words, 0);
        FirstSet follow = {FALSE, FALSE, scratch->words};
        if (seq_first(pattern->elems, i + 1, &follow) || follow.any || follow.slot)
            continue;
        e->follow = sorted_words(follow.words);
        for (guint k = 0; k < e->follow->len; k++)
            e->follow_mask |= G_GUINT64_CONSTANT(1) << (g_array_index(e->follow, guint32, k) % 64);
    }

    pattern->requires = pattern_requires(set, pattern->elems, scratch->words);
    pattern->trigger = pattern_trigger(set, pattern->elems, scratch->words);
    if (pattern->trigger) {
        for (guint i = 0; i < pattern->trigger->len; i++) {
            gpointer key = GUINT_TO_POINTER(g_array_index(pattern->trigger, guint32, i));
            GArray *list = relgraph_intmap_lookup(&set->by_trigger, GPOINTER_TO_UINT(key));
            if (!list) {
                list = g_array_new(FALSE, FALSE, sizeof(guint));
                relgraph_intmap_insert(&set->by_trigger, GPOINTER_TO_UINT(key), list);
            }
            g_array_append_val(list, pattern->index);
        }
    } else {
        g_array_append_val(set->untriggered, pattern->index);
    }

    guint slots = 0;
    for (guint i = 0; i < pattern->elems->len; i++) {
        const Elem *e = g_ptr_array_index(pattern->elems, i);
        if (e->kind == ELEM_SLOT && !e->negated)
            slots += e->role == ROLE_PAIR ? 2 : 1;
    }
    pattern->slots = slots;
}

/* How the matches of a sequence or element can start: with an actor or
 * anywhere (START_OPEN), and whether they can be empty (START_EMPTY);
 * neither: always with a written word. */
enum { START_EMPTY = 1, START_OPEN = 2 };

static guint seq_start_kind(const GPtrArray *seq, guint from);

static guint elem_start_kind(const Elem *e)
{
    switch (e->kind) {
    case ELEM_WORD:
        return 0;
    case ELEM_PREFIX:
    case ELEM_GAP:
        return START_OPEN;
    case ELEM_SLOT:
        return e->negated ? START_EMPTY : START_OPEN;
    case ELEM_CHOICE:
    case ELEM_MACRO: {
        /* Macros are used by many patterns: worked out once. */
        Elem *c = (Elem *)(e->kind == ELEM_MACRO ? e->macro : e);
        if (!c->start_kind) {
            guint kind = c->negated || c->optional ? START_EMPTY : 0;
            for (guint a = 0; !c->negated && a < c->alternatives->len; a++)
                kind |= seq_start_kind(g_ptr_array_index(c->alternatives, a), 0);
            c->start_kind = (guint8)(kind + 1);
        }
        return c->start_kind - 1u;
    }
    }
    return START_OPEN;
}

static guint seq_start_kind(const GPtrArray *seq, guint from)
{
    for (guint i = from; i < seq->len; i++) {
        guint kind = elem_start_kind(g_ptr_array_index(seq, i));
        if (kind & START_OPEN)
            return START_OPEN;
        if (!(kind & START_EMPTY))
            return 0;
    }
    return START_EMPTY;
}

/* Whether a match of seq[from..] must start with a written word (after:
 * whether what follows seq does, when seq[from..] can match nothing). */
static gboolean starts_with_word(const GPtrArray *seq, guint from, gboolean after)
{
    guint kind = seq_start_kind(seq, from);
    return !(kind & START_OPEN) && (!(kind & START_EMPTY) || after);
}

/* How many ways the gaps of seq[from..] can be placed at once in the
 * worst case. A gap followed by a written word stops only at that word;
 * gaps followed by another gap, a slot or the end of a group multiply the
 * work of a search that fails. Capped so that it cannot overflow. */
static guint64 seq_ways(const GPtrArray *seq, guint from, gboolean after)
{
    guint64 ways = 1;
    for (guint i = from; i < seq->len && ways <= G_MAXUINT32; i++) {
        const Elem *e = g_ptr_array_index(seq, i);
        gboolean anchored = starts_with_word(seq, i + 1, after);
        guint64 w = 1;
        if (e->kind == ELEM_GAP && !anchored) {
            w = e->gap + 1;
        } else if (e->kind == ELEM_CHOICE && !e->negated) {
            for (guint a = 0; a < e->alternatives->len; a++) {
                guint64 alt = seq_ways(g_ptr_array_index(e->alternatives, a), 0, anchored);
                w = MAX(w, alt); /* (MAX evaluates its arguments twice) */
            }
        }
        ways *= w;
    }
    return ways;
}

static void parse_pattern(RelgraphRelationSet *set, Scratch *scratch, RelgraphRelation *relation,
                          const RelgraphRuleLine *line, GPtrArray *diagnostics)
{
    Parser ps = {set, scratch, line, diagnostics, line->text, FALSE, FALSE, 0};
    GPtrArray *seq = parse_sequence(&ps);
    if (!ps.failed && *ps.p)
        parse_error(&ps, ps.p, "unexpected '%s' (alternatives need parentheses: (a|b))",
                    (char[]){*ps.p, '\0'});
    guint roles[4] = {0, 0, 0, 0};
    for (guint i = 0; i < seq->len; i++) {
        const Elem *e = g_ptr_array_index(seq, i);
        if (e->kind == ELEM_SLOT && !e->negated)
            roles[e->role]++;
    }
    if (!ps.failed) {
        gboolean pair = roles[ROLE_PAIR] == 1 && roles[ROLE_SOURCE] == 0 && roles[ROLE_TARGET] == 0;
        gboolean directed = roles[ROLE_PAIR] == 0 && roles[ROLE_SOURCE] == 1 && roles[ROLE_TARGET] == 1;
        if (!pair && !directed)
            parse_error(&ps, line->text, "%s",
                        "a pattern needs exactly one {src} and one {dst}, or one {pair}");
        else if (pair && !relation->symmetric)
            parse_error(&ps, line->text, "{pair} is only allowed in a symmetric relation (\"%s\" is directed)",
                        relation->name);
    }
    if (ps.failed) {
        g_ptr_array_unref(seq);
        return;
    }
    RelgraphPattern *pattern = g_new0(RelgraphPattern, 1);
    pattern->elems = seq;
    pattern->text = g_string_chunk_insert(set->strings, line->text);
    pattern->location = relgraph_rulefile_location(set->strings, line->path, set->strip, line->line);
    pattern->file = line->path;
    pattern->line = line->line;
    pattern->col = line->col;
    pattern->relation = relation;
    g_ptr_array_add(relation->patterns, pattern);
    index_pattern(set, scratch, pattern);
    guint64 ways = seq_ways(seq, 0, TRUE);
    if (ways > MATCH_STEP_LIMIT)
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_WARNING, line->path, line->line, line->col,
                                 "its gaps can be placed in %" G_GUINT64_FORMAT " ways, more than the "
                                 G_STRINGIFY(MATCH_STEP_LIMIT) " search steps a pattern gets at one word: "
                                 "it will give up on long sentences (shorten or drop gaps)",
                                 ways);
}

/* ---- file parser ---------------------------------------------------- */

/* "relation NAME directed|symmetric [POLARITY]" */
static RelgraphRelation *parse_relation_line(RelgraphRelationSet *set, const RelgraphRuleLine *line,
                                             GPtrArray *diagnostics)
{
    char **words = g_strsplit_set(line->text, " \t", -1);
    GPtrArray *fields = g_ptr_array_new();
    for (char **w = words; *w; w++)
        if (**w)
            g_ptr_array_add(fields, *w);
    RelgraphRelation *relation = NULL;
    const char *file = line->path;
    if (fields->len < 3 || fields->len > 5) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, line->col,
                                 "expected \"relation NAME directed|symmetric [cooperative|neutral|conflictual] [external]\"");
        goto out;
    }
    const char *name = g_ptr_array_index(fields, 1);
    const char *kind = g_ptr_array_index(fields, 2);
    RelgraphPolarity polarity = RELGRAPH_POLARITY_NEUTRAL;
    gboolean external = FALSE;
    if (strcmp(kind, "directed") != 0 && strcmp(kind, "symmetric") != 0) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, strstr(line->text, kind)),
                                 "expected directed or symmetric, not \"%s\"", kind);
        goto out;
    }
    const char *search = strstr(line->text, kind) + strlen(kind);
    for (guint i = 3; i < fields->len; i++) {
        const char *word = g_ptr_array_index(fields, i);
        const char *at = strstr(search, word);
        search = at + strlen(word);
        if (strcmp(word, "external") == 0 && !external) {
            external = TRUE;
        } else if (i == 3 && relgraph_polarity_from_name(word, &polarity)) {
            continue;
        } else if (i == 3) {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                     relgraph_rulefile_col(line, at),
                                     "unknown polarity \"%s\" (expected cooperative, neutral or conflictual)", word);
            goto out;
        } else {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                     relgraph_rulefile_col(line, at),
                                     "unexpected \"%s\" (only \"external\" may follow the polarity)",
                                     word);
            goto out;
        }
    }
    if (g_hash_table_size(set->vocabulary) && !g_hash_table_contains(set->vocabulary, name)) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, strstr(line->text, name)),
                                 "unknown relation \"%s\" (not in the vocabulary declared at %s)", name,
                                 set->vocabulary_at);
        goto out;
    }
    const RelgraphRelation *existing = relgraph_relations_find(set, name);
    if (existing) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, strstr(line->text, name)),
                                 "relation \"%s\" is already declared at %s:%u", name, existing->file,
                                 existing->line);
        goto out;
    }
    relation = g_new0(RelgraphRelation, 1);
    relation->name = g_strdup(name);
    relation->symmetric = strcmp(kind, "symmetric") == 0;
    relation->polarity = polarity;
    relation->external = external;
    relation->file = file;
    relation->line = line->line;
    relation->patterns = g_ptr_array_new_with_free_func(pattern_free);
    g_ptr_array_add(set->relations, relation);
    g_hash_table_insert(set->by_name, relation->name, relation);
out:
    g_ptr_array_unref(fields);
    g_strfreev(words);
    return relation;
}

/* "define @name = a | b c | d" */
static void parse_define_line(RelgraphRelationSet *set, Scratch *scratch, const RelgraphRuleLine *line,
                              GPtrArray *diagnostics)
{
    const char *p = line->text + strlen("define");
    while (*p == ' ' || *p == '\t')
        p++;
    const char *name_start = p;
    if (*p != '@') {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, line->path, line->line,
                                 relgraph_rulefile_col(line, p), "expected \"define @name = ...\"");
        return;
    }
    p++;
    while (g_ascii_isalnum(*p) || *p == '_')
        p++;
    char *name = g_strndup(name_start + 1, (gsize)(p - name_start - 1));
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*name || *p != '=') {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, line->path, line->line,
                                 relgraph_rulefile_col(line, p), "expected \"define @name = ...\"");
        g_free(name);
        return;
    }
    if (g_hash_table_contains(set->macros, name)) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, line->path, line->line,
                                 relgraph_rulefile_col(line, name_start), "macro \"@%s\" is already defined",
                                 name);
        g_free(name);
        return;
    }
    Parser ps = {set, scratch, line, diagnostics, p + 1, FALSE, TRUE, 0};
    Elem *choice = parse_choice(&ps, '\0');
    if (ps.failed) {
        elem_free(choice);
        g_free(name);
        return;
    }
    index_choices(choice, scratch->words);
    Macro *m = g_new0(Macro, 1);
    m->name = name;
    m->choice = choice;
    m->file = line->path;
    m->line = line->line;
    m->col = relgraph_rulefile_col(line, name_start);
    m->required = macro_required(set, choice, scratch->words);
    g_hash_table_insert(set->macros, m->name, m);
    g_hash_table_insert(set->macro_of_choice, choice, m);
}

/* "hedge may | might | not | deny*" or "speech said | told | claim*": one
 * word per item, '*' for a prefix. */
static void parse_word_list_line(RelgraphRelationSet *set, const RelgraphRuleLine *line,
                                 const char *keyword, RelgraphIntMap *words, GPtrArray *prefixes,
                                 GPtrArray *diagnostics)
{
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(guint));
    GPtrArray *items = relgraph_rulefile_split(line, line->text + strlen(keyword), '|', cols);
    for (guint i = 0; i < items->len; i++) {
        char *item = g_ptr_array_index(items, i);
        gsize n = strlen(item);
        gboolean prefix = n > 0 && item[n - 1] == '*';
        if (prefix)
            item[n - 1] = '\0';
        char *norm = relgraph_text_normalize(item, -1);
        if (!*norm || strchr(norm, ' ')) {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, line->path, line->line,
                                     g_array_index(cols, guint, i),
                                     "a %s must be a single word, not \"%s\"", keyword, item);
        } else if (prefix) {
            g_ptr_array_add(prefixes, g_strdup(norm));
        } else {
            relgraph_intmap_insert(words, relgraph_lexicon_intern(set->lexicon, norm), RELGRAPH_INTMAP_MEMBER);
        }
        g_free(norm);
    }
    g_ptr_array_unref(items);
    g_array_unref(cols);
}

/* "vocabulary visit | meet | ...": the relation names the rules may
 * declare, so that a misspelt relation is an error, not a new relation. */
static void parse_vocabulary_line(RelgraphRelationSet *set, const RelgraphRuleLine *line, GPtrArray *diagnostics)
{
    GArray *cols = g_array_new(FALSE, FALSE, sizeof(guint));
    GPtrArray *items = relgraph_rulefile_split(line, line->text + strlen("vocabulary"), '|', cols);
    for (guint i = 0; i < items->len; i++) {
        const char *item = g_ptr_array_index(items, i);
        if (!*item || strpbrk(item, " \t"))
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, line->path, line->line,
                                     g_array_index(cols, guint, i), "a relation name is one word, not \"%s\"", item);
        else
            g_hash_table_add(set->vocabulary, g_strdup(item));
    }
    if (!set->vocabulary_at)
        set->vocabulary_at = g_strdup_printf("%s:%u", line->path, line->line);
    g_ptr_array_unref(items);
    g_array_unref(cols);
}

static gboolean starts_with_keyword(const char *text, const char *keyword)
{
    gsize n = strlen(keyword);
    return strncmp(text, keyword, n) == 0 && (text[n] == ' ' || text[n] == '\t' || text[n] == '\0');
}

gboolean relgraph_relations_load(RelgraphRelationSet *set, const char *path,
                                 GPtrArray *diagnostics, GError **error)
{
    const char *file = g_string_chunk_insert_const(set->strings, path);
    GPtrArray *lines = relgraph_rulefile_read(file, error);
    if (!lines)
        return FALSE;
    Scratch scratch;
    scratch_init(&scratch);
    RelgraphRelation *current = NULL;
    gboolean in_bad_relation = FALSE;
    for (guint i = 0; i < lines->len; i++) {
        const RelgraphRuleLine *line = g_ptr_array_index(lines, i);
        if (line->indented) {
            if (current)
                parse_pattern(set, &scratch, current, line, diagnostics);
            else if (!in_bad_relation)
                relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, line->col,
                                         "pattern outside of a relation (start one with \"relation NAME directed|symmetric\")");
            continue;
        }
        current = NULL;
        in_bad_relation = FALSE;
        if (starts_with_keyword(line->text, "relation")) {
            current = parse_relation_line(set, line, diagnostics);
            in_bad_relation = current == NULL;
        } else if (starts_with_keyword(line->text, "define")) {
            parse_define_line(set, &scratch, line, diagnostics);
        } else if (starts_with_keyword(line->text, "hedge")) {
            parse_word_list_line(set, line, "hedge", &set->hedges, set->hedge_prefixes, diagnostics);
        } else if (starts_with_keyword(line->text, "vocabulary")) {
            parse_vocabulary_line(set, line, diagnostics);
        } else if (starts_with_keyword(line->text, "speech")) {
            parse_word_list_line(set, line, "speech", &set->speech, set->speech_prefixes, diagnostics);
        } else {
            gsize n = strcspn(line->text, " \t");
            char *word = g_strndup(line->text, n);
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, line->col,
                                     "unknown directive \"%s\" (expected relation, define, hedge, speech or vocabulary; patterns must be indented)",
                                     word);
            g_free(word);
        }
    }
    scratch_clear(&scratch);
    g_ptr_array_unref(lines);
    return TRUE;
}

void relgraph_relations_budget_report(const RelgraphRelationSet *set, GPtrArray *diagnostics)
{
    for (guint p = 0; p < set->patterns->len; p++) {
        gint n = g_atomic_int_get(&set->gave_up[p]);
        if (n == 0)
            continue;
        const RelgraphPattern *pattern = g_ptr_array_index(set->patterns, p);
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_WARNING, pattern->file, pattern->line, pattern->col,
                                 "this pattern gave up %d time%s after " G_STRINGIFY(MATCH_STEP_LIMIT)
                                 " steps of search and may have missed matches (bound its gaps, or split it in two)",
                                 n, n == 1 ? "" : "s");
    }
}

/* ---- matcher -------------------------------------------------------- */

#define MAX_LIST 32

typedef struct {
    guint count;
    guint members[MAX_LIST];  /* mention indices of the bound list */
} Binding;

typedef struct {
    const RelgraphRelationSet *set;
    const RelgraphToken *tokens;
    guint n;
    const RelgraphMention *mentions;
    const gint *mention_at;   /* token -> mention starting there, or -1 */
    const guint8 *blocks_gap; /* token -> a gap may not skip it (a named actor, a speech verb) */
    Binding binding[4];
    const Elem *title;        /* the rules' @title macro, or NULL */
    gint *title_end;          /* token -> skip_title() result, -1 until computed */
    gint *reading_at;         /* token * set->n_readings + Elem.reading -> index in readings, -1 until computed */
    struct ReadingPool *readings; /* this sentence's slot readings */
    guint end;                /* token after the match */
    guint steps;
} Matcher;

/* What remains to match after the current sequence: a chain of frames. */
typedef struct Cont {
    const GPtrArray *seq;
    guint index;
    const struct Cont *next;
} Cont;

static gboolean match_seq(Matcher *m, const GPtrArray *seq, guint index, const Cont *k, guint pos);

/* FALSE when what follows slot or gap e cannot start at pos (see Elem.follow). */
static gboolean may_follow(const Matcher *m, const Elem *e, guint pos)
{
    if (!e->follow)
        return TRUE;
    guint32 w = pos < m->n ? m->tokens[pos].word : 0;
    return w && (e->follow_mask >> (w % 64) & 1) && words_contain(e->follow, w);
}

static gboolean match_cont(Matcher *m, const Cont *k, guint pos)
{
    if (!k) {
        m->end = pos;
        return TRUE;
    }
    return match_seq(m, k->seq, k->index, k->next, pos);
}

static gboolean actor_fits(const Matcher *m, guint mention, RelgraphActorType types)
{
    return (m->mentions[mention].type & types) != 0;
}

static gboolean token_is(const Matcher *m, guint pos, guint which)
{
    return pos < m->n && m->tokens[pos].word == m->set->words[which];
}

/* Skips a title before an actor: "[his|her|their] [Chinese|China 's]
 * President" in "Chinese President Xi Jinping", so that a slot can take the
 * person. Titles are the alternatives of the rules' @title macro. Returns
 * the position after the title, or pos when there is none. */
/* The next alternative of e to try at pos after alternative *i (start
 * with *i = -1), in the written order; FALSE when there is none. Choices
 * with a dispatch table only offer the alternatives that can start with
 * the word at pos. */
typedef struct {
    const GArray *hit;  /* dispatch list for the word at pos, or NULL */
    guint h, a;         /* positions in hit and in always */
    gint i;             /* plain iteration */
} AltIter;

static gboolean next_alternative(const Matcher *m, const Elem *e, guint pos, AltIter *it, guint *out)
{
    if (!e->always) {
        if ((guint)(++it->i) >= e->alternatives->len)
            return FALSE;
        *out = (guint)it->i;
        return TRUE;
    }
    if (it->i < 0) {
        it->i = 0;
        it->hit = pos < m->n && m->tokens[pos].word
                      ? relgraph_intmap_lookup(&e->dispatch, m->tokens[pos].word)
                      : NULL;
    }
    gboolean has_hit = it->hit && it->h < it->hit->len, has_always = it->a < e->always->len;
    if (!has_hit && !has_always)
        return FALSE;
    guint x = has_hit ? g_array_index(it->hit, guint, it->h) : G_MAXUINT;
    guint y = has_always ? g_array_index(e->always, guint, it->a) : G_MAXUINT;
    if (x < y) {
        it->h++;
        *out = x;
    } else {
        it->a++;
        *out = y;
    }
    return TRUE;
}

static guint skip_title_uncached(Matcher *m, guint pos);

/* Titles do not depend on the pattern: each position is worked out once
 * per sentence. */
static guint skip_title(Matcher *m, guint pos)
{
    if (pos >= m->n)
        return pos;
    if (m->title_end[pos] < 0)
        m->title_end[pos] = (gint)skip_title_uncached(m, pos);
    return (guint)m->title_end[pos];
}

static guint skip_title_uncached(Matcher *m, guint pos)
{
    if (!m->title)
        return pos;
    guint p = pos;
    if (token_is(m, p, W_HIS) || token_is(m, p, W_HER) || token_is(m, p, W_THEIR) || token_is(m, p, W_ITS))
        p++;
    if (p < m->n && m->mention_at[p] >= 0) {
        p = m->mentions[m->mention_at[p]].last;
        if (token_is(m, p, W_POSS))
            p++;
    }
    guint after = p;
    for (;;) {
        gboolean found = FALSE;
        guint saved_end = m->end;
        AltIter it = {NULL, 0, 0, -1};
        guint i;
        while (!found && next_alternative(m, m->title, after, &it, &i)) {
            /* With no continuation, a match leaves its end in m->end. */
            if (match_seq(m, g_ptr_array_index(m->title->alternatives, i), 0, NULL, after) && m->end > after) {
                after = m->end;
                found = TRUE;
            }
        }
        m->end = saved_end;
        if (!found)
            break;
    }
    return after > p ? after : pos;
}

/* FALSE when skip_title(m, pos) is sure to find no title at pos (the
 * common case, told from the title's dispatch table): the slot start scan
 * asks this of every token of the sentence. When pos holds an actor the
 * answer does not matter. */
static gboolean title_may_start(const Matcher *m, guint pos)
{
    if (!m->title)
        return FALSE;
    if (!m->title->always || m->title->always->len)
        return TRUE; /* no dispatch table, or alternatives that start anywhere */
    if (token_is(m, pos, W_HIS) || token_is(m, pos, W_HER) || token_is(m, pos, W_THEIR) || token_is(m, pos, W_ITS))
        return TRUE;
    return relgraph_intmap_contains(&m->title->dispatch, m->tokens[pos].word);
}

/* The mentions a slot can take at pos, best first: the person after a
 * title ("Chinese President Xi Jinping" is Xi, not China), then the
 * mention that starts at pos. Returns how many (0 to 2). */
static guint slot_candidates(Matcher *m, guint pos, RelgraphActorType types, gint out[2])
{
    guint n = 0;
    guint after = skip_title(m, pos);
    if (after != pos && after < m->n && m->mention_at[after] >= 0 &&
        actor_fits(m, (guint)m->mention_at[after], types))
        out[n++] = m->mention_at[after];
    if (pos < m->n && m->mention_at[pos] >= 0 && actor_fits(m, (guint)m->mention_at[pos], types))
        out[n++] = m->mention_at[pos];
    return n;
}

/* The next member of a coordinated list after a mention ending at pos:
 * separated by ",", "and" or ", and", or adjacent (a hyphenated compound,
 * "China-Russia ties"); second tells that it would be the second member.
 * Returns the mention or -1; *closes tells whether
 * the separator can end a list ("and", or adjacent): "A, B" alone is an
 * apposition more often than a list. */
static gint next_list_member(Matcher *m, guint pos, RelgraphActorType types, gboolean *closes,
                             gboolean second)
{
    guint q = pos;
    gboolean comma = token_is(m, q, W_COMMA);
    if (comma)
        q++;
    gboolean and = token_is(m, q, W_AND);
    if (and)
        q++;
    /* "A, and B ..." with two members joins clauses, not a list. */
    if (comma && and && second)
        return -1;
    *closes = and || !comma;
    if (q > pos && token_is(m, q, W_THE)) /* "Japan and the United States" */
        q++;
    if (q == pos) {
        /* Adjacent: only a bare mention joined by a hyphen or dash, never
         * a titled one ("Chinese President Xi" is not a list) nor one after
         * a space ("In Beijing Xi Jinping met ..."). */
        if (q >= m->n || !(m->tokens[q].flags & RELGRAPH_TOKEN_JOINED))
            return -1;
        gint next = m->mention_at[q];
        return next >= 0 && actor_fits(m, (guint)next, types) ? next : -1;
    }
    gint candidates[2];
    return slot_candidates(m, q, types, candidates) ? candidates[0] : -1;
}

#define RELATIVE_CLAUSE_MAX 25

/* An apposition after a person: ", China's No. 3 official,", ", a
 * member of the Politburo," or ", who ...,". Returns the position after its closing comma,
 * or 0 when there is none. */
static guint skip_apposition(Matcher *m, guint pos)
{
    if (!token_is(m, pos, W_COMMA))
        return 0;
    guint p = pos + 1;
    if (token_is(m, p, W_WHO)) {
        /* A relative clause, ", who arrived in Pyongyang on Friday,", up to
         * its closing comma. */
        for (guint q = p + 1; q < m->n && q <= p + RELATIVE_CLAUSE_MAX; q++)
            if (m->tokens[q].flags & RELGRAPH_TOKEN_PUNCT)
                return token_is(m, q, W_COMMA) ? q + 1 : 0;
        return 0;
    }
    if (token_is(m, p, W_A) || token_is(m, p, W_AN) || token_is(m, p, W_THE))
        p++;
    guint after = skip_title(m, p);
    if (after == p)
        return 0;
    if (token_is(m, after, W_OF) || token_is(m, after, W_AT) || token_is(m, after, W_TO)) {
        guint q = after + 1;
        if (token_is(m, q, W_THE))
            q++;
        if (q < m->n && m->mention_at[q] >= 0) {
            q = m->mentions[m->mention_at[q]].last;
            after = q;
        }
    }
    return token_is(m, after, W_COMMA) ? after + 1 : 0;
}

/* The coordinated lists a slot can take from one mention, longest first
 * in the order they are tried: members[0..c) for each c from count down. */
typedef struct {
    guint count;
    guint members[MAX_LIST];
    guint ends[MAX_LIST];       /* token after members[0..i] */
    gboolean closes[MAX_LIST];  /* the list members[0..i] may end there */
    guint after[MAX_LIST];      /* after an apposition of members[i] (0: none) */
} SlotList;

/* What a slot reads at a position: a list for each candidate mention. */
typedef struct {
    guint n;
    SlotList lists[2];
} SlotReading;

/* A slot's reading depends only on the sentence, the position, the slot's
 * types and whether it takes one actor: every pattern tried at an actor
 * asks for it, so it is worked out once per sentence. */

static void read_list(Matcher *m, const Elem *e, gint first, SlotList *list)
{
    gint mention = first;
    guint count = 0;
    list->closes[count] = TRUE;
    list->members[count] = (guint)mention;
    list->ends[count++] = m->mentions[mention].last;
    while (!e->single && count < MAX_LIST) {
        gint next = next_list_member(m, m->mentions[mention].last, e->types, &list->closes[count], count == 1);
        /* "his Russian counterpart": a pronoun never heads a compound. */
        if (next >= 0 && m->mentions[next].first == m->mentions[mention].last &&
            m->mentions[mention].kind == RELGRAPH_ALIAS_REFERENCE)
            break;
        /* Mentions inside the next member's title ("his Chinese
         * counterpart Wang Yi") lie between the two. */
        if (next <= mention)
            break;
        mention = next;
        list->members[count] = (guint)mention;
        list->ends[count++] = m->mentions[mention].last;
    }
    list->count = count;
    for (guint i = 0; i < count; i++)
        list->after[i] = skip_apposition(m, list->ends[i]);
}

/* Readings live in chunks that never move: a reading is in use while the
 * rest of the pattern, and the readings it asks for, are matched. */
#define READING_CHUNK 32

typedef struct ReadingPool {
    GPtrArray *chunks; /* SlotReading[READING_CHUNK] */
    guint used;
} ReadingPool;

static SlotReading *reading_get(ReadingPool *pool, guint i)
{
    return (SlotReading *)g_ptr_array_index(pool->chunks, i / READING_CHUNK) + i % READING_CHUNK;
}

static const SlotReading *slot_reading(Matcher *m, const Elem *e, guint pos)
{
    gint *cached = &m->reading_at[pos * m->set->n_readings + e->reading];
    if (*cached < 0) {
        ReadingPool *pool = m->readings;
        if (pool->used / READING_CHUNK == pool->chunks->len)
            g_ptr_array_add(pool->chunks, g_new(SlotReading, READING_CHUNK));
        *cached = (gint)pool->used++;
        SlotReading *r = reading_get(pool, (guint)*cached);
        gint candidates[2];
        r->n = slot_candidates(m, pos, e->types, candidates);
        for (guint i = 0; i < r->n; i++)
            read_list(m, e, candidates[i], &r->lists[i]);
    }
    return reading_get(m->readings, (guint)*cached);
}


static gboolean match_slot_from(Matcher *m, const Elem *e, const GPtrArray *seq, guint index,
                                const Cont *k, const SlotList *list)
{
    if (e->role == ROLE_ANY) {
        guint end = m->mentions[list->members[0]].last;
        return may_follow(m, e, end) && match_seq(m, seq, index + 1, k, end);
    }
    /* The longest coordinated list first, then shorter ones. */
    guint min = e->role == ROLE_PAIR ? 2 : 1;
    for (guint c = list->count; c > 0; c--) {
        /* "the two leaders" is one mention of two actors. */
        guint actors = c;
        for (guint i = 0; i < c; i++)
            actors += m->mentions[list->members[i]].also >= 0;
        if (actors < min)
            break;
        if (!list->closes[c - 1])
            continue;
        gboolean here = may_follow(m, e, list->ends[c - 1]);
        /* "Zhao Leji, China's No. 3 official, will head ...": the
         * apposition describes the last member; the pattern goes on after it. */
        guint after = list->after[c - 1];
        gboolean later = after && may_follow(m, e, after);
        if (!here && !later)
            continue;
        m->binding[e->role].count = c;
        memcpy(m->binding[e->role].members, list->members, c * sizeof list->members[0]);
        if (here && match_seq(m, seq, index + 1, k, list->ends[c - 1]))
            return TRUE;
        if (later && match_seq(m, seq, index + 1, k, after))
            return TRUE;
    }
    return FALSE;
}

static gboolean match_slot(Matcher *m, const Elem *e, const GPtrArray *seq, guint index,
                           const Cont *k, guint pos)
{
    if (e->negated) {
        gboolean actor = pos < m->n && m->mention_at[pos] >= 0 && actor_fits(m, (guint)m->mention_at[pos], e->types);
        return !actor && match_seq(m, seq, index + 1, k, pos);
    }
    if (pos >= m->n)
        return FALSE;
    const SlotReading *r = slot_reading(m, e, pos);
    for (guint i = 0; i < r->n; i++)
        if (match_slot_from(m, e, seq, index, k, &r->lists[i]))
            return TRUE;
    return FALSE;
}

static gboolean match_choice(Matcher *m, const Elem *e, const GPtrArray *seq, guint index,
                             const Cont *k, guint pos)
{
    AltIter it = {NULL, 0, 0, -1};
    guint alt;
    if (e->negated) {
        guint saved_end = m->end;
        while (next_alternative(m, e, pos, &it, &alt))
            if (match_seq(m, g_ptr_array_index(e->alternatives, alt), 0, NULL, pos)) {
                m->end = saved_end;
                return FALSE;
            }
        m->end = saved_end;
        return match_seq(m, seq, index + 1, k, pos);
    }
    Cont after = {seq, index + 1, k};
    while (next_alternative(m, e, pos, &it, &alt))
        if (match_seq(m, g_ptr_array_index(e->alternatives, alt), 0, &after, pos))
            return TRUE;
    return e->optional && match_seq(m, seq, index + 1, k, pos);
}

static gboolean match_seq(Matcher *m, const GPtrArray *seq, guint index, const Cont *k, guint pos)
{
    if (++m->steps > MATCH_STEP_LIMIT)
        return FALSE;
    if (index == seq->len)
        return match_cont(m, k, pos);
    const Elem *e = g_ptr_array_index(seq, index);
    switch (e->kind) {
    case ELEM_WORD:
    case ELEM_PREFIX:
        if (pos >= m->n || !(e->kind == ELEM_WORD ? m->tokens[pos].word == e->word
                                                   : g_str_has_prefix(m->tokens[pos].norm, e->prefix)))
            return FALSE;
        return match_seq(m, seq, index + 1, k, pos + 1);
    case ELEM_SLOT:
        return match_slot(m, e, seq, index, k, pos);
    case ELEM_CHOICE:
        return match_choice(m, e, seq, index, k, pos);
    case ELEM_MACRO:
        return match_choice(m, e->macro, seq, index, k, pos);
    case ELEM_GAP:
        /* Shortest gap first: the nearest reading is the likeliest. A gap
         * never skips a named actor: "{src} ..2 visit*" must not jump over
         * the person who actually visits; nor a speech verb: in "Lavrov
         * said Beijing backs Pyongyang" the speaker is not the subject. */
        for (guint g = 0; g <= e->gap && pos + g <= m->n; g++) {
            if (g > 0 && m->blocks_gap[pos + g - 1])
                return FALSE;
            if (may_follow(m, e, pos + g) && match_seq(m, seq, index + 1, k, pos + g))
                return TRUE;
        }
        return FALSE;
    }
    return FALSE;
}

static gboolean in_word_list(const RelgraphIntMap *words, const GPtrArray *prefixes, const RelgraphToken *t)
{
    if (relgraph_intmap_contains(words, t->word))
        return TRUE;
    for (guint i = 0; i < prefixes->len; i++) {
        const char *prefix = g_ptr_array_index(prefixes, i);
        /* The first byte turns away nearly every word without a call. */
        if (prefix[0] == t->norm[0] && g_str_has_prefix(t->norm, prefix))
            return TRUE;
    }
    return FALSE;
}

/* A hedge word written with a capital inside a clause is a name or an
 * abbreviation, not a hedge: "in May", "China's No. 3 official". At the
 * start of a sentence or after , ; : (a quote: said, "If ...") it is one. */
static gboolean is_hedge(const Matcher *m, guint i)
{
    if (i > 0 && (m->tokens[i].flags & RELGRAPH_TOKEN_CAPITALIZED) && !(m->tokens[i - 1].flags & RELGRAPH_TOKEN_PUNCT))
        return FALSE;
    return in_word_list(&m->set->hedges, m->set->hedge_prefixes, &m->tokens[i]);
}

/* A hedge governs a match when it stands inside the match or shortly
 * before it in the same clause (back to the previous ',' ';' ':', at most
 * HEDGE_REACH tokens). */
#define HEDGE_REACH 6

static gboolean match_is_hedged(const Matcher *m, guint first, guint last)
{
    guint clause = first;
    while (clause > 0 && first - clause < HEDGE_REACH && !(m->tokens[clause - 1].flags & RELGRAPH_TOKEN_PUNCT))
        clause--;
    for (guint i = clause; i < last; i++)
        if (is_hedge(m, i))
            return TRUE;
    return FALSE;
}

/* The actors a binding stands for, with whether a reference gave each:
 * "the two leaders" gives two. Returns how many. */
static guint bound_actors(const Matcher *m, const Binding *b, guint actors[], gboolean through[])
{
    guint n = 0;
    for (guint i = 0; i < b->count; i++) {
        const RelgraphMention *mention = &m->mentions[b->members[i]];
        gboolean reference = mention->kind == RELGRAPH_ALIAS_REFERENCE;
        through[n] = reference;
        actors[n++] = mention->actor;
        if (mention->also >= 0) {
            through[n] = reference;
            actors[n++] = (guint)mention->also;
        }
    }
    return n;
}

static void emit(const Matcher *m, const RelgraphRelation *relation, const RelgraphPattern *pattern,
                 guint first, GArray *matches)
{
    gboolean hedged = match_is_hedged(m, first, m->end);
    RelgraphRelationMatch out = {relation, pattern, 0, 0, first, m->end, hedged, 0};
    guint a[2 * MAX_LIST], b[2 * MAX_LIST];
    gboolean ta[2 * MAX_LIST], tb[2 * MAX_LIST];
    if (m->binding[ROLE_PAIR].count) {
        guint n = bound_actors(m, &m->binding[ROLE_PAIR], a, ta);
        for (guint i = 0; i < n; i++)
            for (guint j = i + 1; j < n; j++) {
                out.source = a[i];
                out.target = a[j];
                out.through = (ta[i] ? RELGRAPH_THROUGH_SOURCE : 0) | (ta[j] ? RELGRAPH_THROUGH_TARGET : 0);
                if (out.source != out.target)
                    g_array_append_val(matches, out);
            }
        return;
    }
    guint ns = bound_actors(m, &m->binding[ROLE_SOURCE], a, ta);
    guint nt = bound_actors(m, &m->binding[ROLE_TARGET], b, tb);
    for (guint i = 0; i < ns; i++)
        for (guint j = 0; j < nt; j++) {
            out.source = a[i];
            out.target = b[j];
            out.through = (ta[i] ? RELGRAPH_THROUGH_SOURCE : 0) | (tb[j] ? RELGRAPH_THROUGH_TARGET : 0);
            if (out.source != out.target)
                g_array_append_val(matches, out);
        }
}

/* Per thread: each pattern's trigger end (see below; 0: not a candidate),
 * all 0 between sentences. A sentence sets and clears only the patterns
 * its words trigger, so that its cost does not grow with the rule set. */
typedef struct {
    guint len;
    guint ends[];
} TriggerEnds;

static GPrivate trigger_ends_of_thread = G_PRIVATE_INIT(g_free);

/* Per thread: for each required word set (see pattern_requires), the token
 * after its last word in the sentence, valid when its stamp is the
 * sentence's: stamps spare clearing the table for every sentence. */
typedef struct {
    guint len;
    guint stamp;       /* the sentence's */
    guint *stamps;     /* per set */
    guint *ends;       /* per set */
} SetEnds;

static void set_ends_free(gpointer p)
{
    SetEnds *t = p;
    g_free(t->stamps);
    g_free(t->ends);
    g_free(t);
}

static GPrivate set_ends_of_thread = G_PRIVATE_INIT(set_ends_free);

static SetEnds *set_ends(const RelgraphRelationSet *set, const RelgraphToken *tokens, guint n_tokens)
{
    SetEnds *t = g_private_get(&set_ends_of_thread);
    guint n_sets = g_hash_table_size(set->word_sets);
    if (!t || t->len < n_sets) {
        t = g_new0(SetEnds, 1);
        t->len = n_sets;
        t->stamps = g_new0(guint, MAX(n_sets, 1));
        t->ends = g_new0(guint, MAX(n_sets, 1));
        g_private_replace(&set_ends_of_thread, t);
    }
    if (++t->stamp == 0) { /* wrapped: no stale stamp may match */
        memset(t->stamps, 0, t->len * sizeof *t->stamps);
        t->stamp = 1;
    }
    for (guint i = 0; i < n_tokens; i++) {
        GArray *list = relgraph_intmap_lookup(&set->sets_by_word, tokens[i].word);
        for (guint k = 0; list && k < list->len; k++) {
            guint id = g_array_index(list, guint, k);
            t->stamps[id] = t->stamp;
            t->ends[id] = i + 1;
        }
    }
    return t;
}

/* Where a match of pattern may start: before end and before the last word
 * of each of its required sets, since a match holds one of those words at
 * or after its start. 0: nowhere (a set is missing). */
static guint required_end(const RelgraphPattern *pattern, const SetEnds *ends, guint end)
{
    for (guint i = 0; i < pattern->requires->len && end; i++) {
        guint id = g_array_index(pattern->requires, guint, i);
        end = ends->stamps[id] == ends->stamp ? MIN(end, ends->ends[id]) : 0;
    }
    return end;
}

static guint *trigger_ends(guint n_patterns)
{
    TriggerEnds *t = g_private_get(&trigger_ends_of_thread);
    if (!t || t->len < n_patterns) {
        t = g_malloc0(sizeof *t + (gsize)n_patterns * sizeof t->ends[0]);
        t->len = n_patterns;
        g_private_replace(&trigger_ends_of_thread, t);
    }
    return t->ends;
}

/* Per thread: the slot readings of the sentence being matched, kept
 * between sentences so that matching allocates nothing once warm. */
static void reading_pool_free(gpointer p)
{
    ReadingPool *pool = p;
    g_ptr_array_unref(pool->chunks);
    g_free(pool);
}

static GPrivate slot_readings_of_thread = G_PRIVATE_INIT(reading_pool_free);

static ReadingPool *slot_readings(void)
{
    ReadingPool *pool = g_private_get(&slot_readings_of_thread);
    if (!pool) {
        pool = g_new0(ReadingPool, 1);
        pool->chunks = g_ptr_array_new_with_free_func(g_free);
        g_private_set(&slot_readings_of_thread, pool);
    }
    pool->used = 0;
    return pool;
}

void relgraph_relations_match(const RelgraphRelationSet *set, const RelgraphToken *tokens,
                              guint n_tokens, const RelgraphMention *mentions, guint n_mentions,
                              GArray *matches)
{
    guint n_actors = n_mentions; /* "the two leaders" is one mention of two */
    for (guint i = 0; i < n_mentions; i++)
        n_actors += mentions[i].also >= 0;
    if (n_actors < 2)
        return; /* every pattern needs two actors */
    /* The per-sentence arrays in one block, on the stack for all but very
     * long sentences or very large rule sets: this runs once a sentence. */
    guint n_patterns = set->patterns->len;
    guint candidate_words = (n_patterns + 63) / 64;
    gsize words = candidate_words + (14 * ((gsize)n_tokens + 1) + 7) / 8 +
                  (((gsize)n_tokens + 1) * set->n_readings + 1) / 2;
    guint64 stack_block[MATCH_STACK_WORDS];
    guint64 *block = words <= MATCH_STACK_WORDS ? stack_block : g_new(guint64, words);
    guint64 *candidates = block; /* a bit per pattern the sentence's words trigger */
    gint *mention_at = (gint *)(candidates + candidate_words);
    gint *title_end = mention_at + n_tokens + 1;
    guint *slot_starts = (guint *)(title_end + n_tokens + 1);
    guint8 *blocks_gap = (guint8 *)(slot_starts + n_tokens + 1);
    guint8 *slot_start = blocks_gap + n_tokens + 1;
    gint *reading_at = (gint *)(candidates + candidate_words + (14 * ((gsize)n_tokens + 1) + 7) / 8);
    memset(reading_at, 0xff, ((gsize)n_tokens + 1) * set->n_readings * sizeof *reading_at);
    memset(candidates, 0, candidate_words * sizeof *candidates);
    memset(blocks_gap, 0, 2 * ((gsize)n_tokens + 1));
    for (guint i = 0; i <= n_tokens; i++)
        mention_at[i] = -1;
    for (guint i = 0; i < n_mentions; i++) {
        mention_at[mentions[i].first] = (gint)i;
        /* A demonym is often just an adjective ("the first Chinese leader
         * to visit"), a pronoun a determiner ("his first visit"): gaps may
         * pass them, never a name. */
        if (mentions[i].kind != RELGRAPH_ALIAS_DEMONYM && mentions[i].kind != RELGRAPH_ALIAS_REFERENCE)
            memset(blocks_gap + mentions[i].first, 1, mentions[i].last - mentions[i].first);
    }
    /* Nor does a gap leave its clause: patterns spell out the commas they cross. */
    for (guint i = 0; i < n_tokens; i++)
        if ((tokens[i].flags & RELGRAPH_TOKEN_PUNCT) || in_word_list(&set->speech, set->speech_prefixes, &tokens[i]))
            blocks_gap[i] = 1;
    Macro *title = g_hash_table_lookup(set->macros, "title");
    for (guint i = 0; i <= n_tokens; i++)
        title_end[i] = -1;
    Matcher m = {set, tokens, n_tokens, mentions, mention_at, blocks_gap, {{0, {0}}},
                 title ? title->choice : NULL, title_end, reading_at, slot_readings(), 0, 0};

    /* The patterns this sentence can match: those whose trigger words it
     * has, tried in load order (which decides the rule a mention is
     * credited to). A match holds a trigger word at or after its start:
     * per pattern, the token after the last one. */
    guint *trigger_end = trigger_ends(n_patterns);
    for (guint i = 0; i < set->untriggered->len; i++) {
        guint p = g_array_index(set->untriggered, guint, i);
        candidates[p / 64] |= G_GUINT64_CONSTANT(1) << (p % 64);
        trigger_end[p] = n_tokens;
    }
    for (guint t = 0; t < n_tokens; t++) {
        GArray *list = relgraph_intmap_lookup(&set->by_trigger, tokens[t].word);
        for (guint i = 0; list && i < list->len; i++) {
            guint p = g_array_index(list, guint, i);
            candidates[p / 64] |= G_GUINT64_CONSTANT(1) << (p % 64);
            trigger_end[p] = t + 1;
        }
    }
    const SetEnds *ends = set_ends(set, tokens, n_tokens);
    /* Where a slot can start: an actor, or a title before one; as a flag
     * per token and as the list of those tokens. */
    guint n_slot_starts = 0;
    gboolean slot_start_known = FALSE;

    /* In load order: the bits of each word, lowest first. */
    for (guint cw = 0; cw < candidate_words; cw++) {
        for (guint64 bits = candidates[cw]; bits; bits &= bits - 1) {
            guint p = cw * 64 + (guint)__builtin_ctzll(bits), end = trigger_end[p];
            trigger_end[p] = 0; /* back to 0 for the next sentence */
            const RelgraphPattern *pattern = g_ptr_array_index(set->patterns, p);
            guint bound = n_actors < pattern->slots ? 0 : required_end(pattern, ends, end);
            if (!bound)
                continue;
            if (pattern->first_slot && !slot_start_known) {
                for (guint i = 0; i < n_tokens; i++) {
                    slot_start[i] = mention_at[i] >= 0 || (title_may_start(&m, i) && skip_title(&m, i) != i);
                    if (slot_start[i])
                        slot_starts[n_slot_starts++] = i;
                }
                slot_start_known = TRUE;
            }
            /* Most patterns begin with a slot: only a few tokens can start them. */
            gboolean slots_only = !pattern->first_any && pattern->first_words->len == 0;
            guint n_starts = slots_only ? n_slot_starts : n_tokens;
            /* Skipping a start is exact once the titles are known: an attempt
             * made there would fail, and it would have worked nothing out. */
            guint start_end = slot_start_known || !m.title ? bound : n_tokens;
            for (guint k = 0; k < n_starts; k++) {
                guint start = slots_only ? slot_starts[k] : k;
                if (start >= start_end)
                    break;
                guint32 w = tokens[start].word;
                if (!slots_only && !pattern->first_any && !(pattern->first_slot && slot_start[start]) &&
                    !(w && (pattern->first_mask >> (w % 64) & 1) && words_contain(pattern->first_words, w)))
                    continue;
                for (guint b = 0; b < G_N_ELEMENTS(m.binding); b++)
                    m.binding[b].count = 0;
                m.steps = 0;
                if (match_seq(&m, pattern->elems, 0, NULL, start))
                    emit(&m, pattern->relation, pattern, start, matches);
                else if (m.steps > MATCH_STEP_LIMIT)
                    g_atomic_int_inc(&set->gave_up[p]);
            }
        }
    }
    if (block != stack_block)
        g_free(block);
}
