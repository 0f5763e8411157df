/* Relation rules: the pattern index, worked out when a pattern is
 * compiled: the words a match can start with, the words every match holds
 * (triggers and required sets), dispatch tables of large choices, and how
 * many ways a pattern's gaps can be placed. */
#include <string.h>

#include "relations_internal.h"


typedef struct {
    gboolean any, slot;
    GArray *words;      /* guint32 word ids, repeats allowed (see sort_unique_words) */
} FirstSet;

static gboolean seq_first(const GPtrArray *seq, guint from, FirstSet *out);
static guint sort_unique_words(guint32 *words, guint n);
static gboolean elem_first(const Elem *e, FirstSet *out);

enum { FIRST_ANY = 1, FIRST_SLOT = 2, FIRST_NULLABLE = 4 };

/* What a macro's matches can start with: worked out the first time a
 * pattern asks, kept on the macro's choice, since patterns use the same
 * macros (@aux, @title) over and over. */
static gboolean macro_first(const Elem *choice, FirstSet *out)
{
    Elem *c = (Elem *)choice;
    if (!c->first_kind) {
        FirstSet own = {FALSE, FALSE, g_array_new(FALSE, FALSE, sizeof(guint32))};
        gboolean nullable = elem_first(c, &own);
        g_array_set_size(own.words, sort_unique_words(&g_array_index(own.words, guint32, 0), own.words->len));
        c->first = own.words;
        c->first_kind = (guint8)((own.any ? FIRST_ANY : 0) | (own.slot ? FIRST_SLOT : 0) |
                                 (nullable ? FIRST_NULLABLE : 0)) + 1;
    }
    guint kind = c->first_kind - 1u;
    g_array_append_vals(out->words, c->first->data, c->first->len);
    out->any |= (kind & FIRST_ANY) != 0;
    out->slot |= (kind & FIRST_SLOT) != 0;
    return (kind & FIRST_NULLABLE) != 0;
}

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
    case ELEM_MACRO:
        if (e->macro->negated)
            return TRUE;
        return macro_first(e->macro, out);
    case ELEM_CHOICE: {
        const Elem *c = e;
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
GArray *relgraph_macro_required(const RelgraphRelationSet *set, const Elem *choice, GArray *stack)
{
    g_array_set_size(stack, 0);
    return elem_required(set, choice, stack) ? sorted_words(stack) : NULL;
}

#define DISPATCH_MIN_ALTERNATIVES 4

/* Gives every choice of seq with many alternatives (not the macros, done
 * where they are defined) a table from next word to the alternatives that
 * can start with it. words: scratch. */

static void index_seq_choices(const GPtrArray *seq, GArray *words)
{
    for (guint i = 0; i < seq->len; i++)
        relgraph_index_choices(g_ptr_array_index(seq, i), words);
}

void relgraph_index_choices(Elem *e, GArray *words)
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

/* The entry of word w in set->by_word, grown to hold it. */
static WordPatterns *word_patterns_for(RelgraphRelationSet *set, guint32 w)
{
    if (w >= set->by_word->len)
        g_array_set_size(set->by_word, w + 1);
    return &g_array_index(set->by_word, WordPatterns, w);
}

static void add_to_list(GArray **list, guint value)
{
    if (!*list)
        *list = g_array_new(FALSE, FALSE, sizeof(guint));
    g_array_append_val(*list, value);
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
    for (guint i = 0; i < n; i++)
        add_to_list(&word_patterns_for(set, words[i])->sets, id);
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
void relgraph_pattern_index(RelgraphRelationSet *set, Scratch *scratch, RelgraphPattern *pattern)
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
        for (guint i = 0; i < pattern->trigger->len; i++)
            add_to_list(&word_patterns_for(set, g_array_index(pattern->trigger, guint32, i))->triggers,
                        pattern->index);
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
guint64 relgraph_seq_ways(const GPtrArray *seq, guint from, gboolean after)
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
                guint64 alt = relgraph_seq_ways(g_ptr_array_index(e->alternatives, a), 0, anchored);
                w = MAX(w, alt); /* (MAX evaluates its arguments twice) */
            }
        }
        ways *= w;
    }
    return ways;
}

