/* Relation rules: the matcher, a backtracking search of each candidate
 * pattern over a sentence's tokens and actor mentions. */
#include <string.h>

#include "relations_internal.h"

/* Scratch of relgraph_relations_match kept on the stack (16 KiB): a
 * 500-token sentence under the shipped rules, 200 under ten times as many. */
#define MATCH_STACK_WORDS 2048 /* 16 KB */

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
    return w && (e->follow_mask >> (w % 64) & 1) && relgraph_words_contain(e->follow, w);
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

/* A condition governs a match too: a sentence that opens with "If" or
 * "Unless" ("If talks fail, Tokyo would impose sanctions on Beijing": the
 * main clause lies beyond the comma where hedges stop), or an "if" or
 * "unless" after the match in its clause ("Trump said he would meet Putin
 * if a deal was close"). A title is a fact in any clause: member_of is
 * never conditional. */
static gboolean match_is_conditional(const Matcher *m, const RelgraphRelation *relation, guint last)
{
    if (strcmp(relation->name, "member_of") == 0)
        return FALSE;
    if (token_is(m, 0, W_IF) || token_is(m, 0, W_UNLESS))
        return TRUE;
    for (guint i = last; i < m->n && !(m->tokens[i].flags & RELGRAPH_TOKEN_PUNCT); i++)
        if (token_is(m, i, W_IF) || token_is(m, i, W_UNLESS))
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
    gboolean hedged = match_is_hedged(m, first, m->end) || match_is_conditional(m, relation, m->end);
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
        const WordPatterns *w = word_patterns(set, tokens[i].word);
        GArray *list = w ? w->sets : NULL;
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
        const WordPatterns *w = word_patterns(set, tokens[t].word);
        GArray *list = w ? w->triggers : NULL;
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
                    !(w && (pattern->first_mask >> (w % 64) & 1) && relgraph_words_contain(pattern->first_words, w)))
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

