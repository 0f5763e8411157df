/* Pronouns and descriptions resolved to earlier actors (see reference.h). */
#include "relgraph/reference.h"

#include <string.h>

#include "wordclass.h"

/* How many sentences back an antecedent may be (descriptions that name a
 * state look through the whole document). */
#define REFERENCE_REACH 2
/* "The two leaders" looks further back: the pair is often named only in
 * the opening sentence. */
#define GROUP_REACH 5
/* How far before a name its title may start. */
#define TITLE_WORDS_MAX 6

typedef struct {
    guint actor;
    RelgraphActorType type;
    guint sentence;
    gint partner;  /* the actor it was coordinated with ("China and Russia"), or -1 */
} Entry;

/* The last word of an institution's name as written ("ministry" of
 * "Foreign Ministry") and the institution. */
typedef struct {
    guint32 hash;
    char *word;
    guint actor;
} Head;

struct RelgraphReferences {
    const RelgraphCast *cast;
    GArray *history;  /* Entry, in text order */
    GHashTable *titles; /* actor id + 1 -> the last title written before its name
                           ("prime minister"), normalised */
    GArray *heads;      /* Head: the last words of the institutions named so far */
    /* Scratch kept from sentence to sentence: */
    GArray *covered;    /* gint */
    GArray *found, *replaced, *merged;
};

RelgraphReferences *relgraph_references_new(const RelgraphCast *cast)
{
    RelgraphReferences *refs = g_new0(RelgraphReferences, 1);
    refs->cast = cast;
    refs->history = g_array_new(FALSE, FALSE, sizeof(Entry));
    refs->titles = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    refs->heads = g_array_new(FALSE, FALSE, sizeof(Head));
    refs->covered = g_array_new(FALSE, FALSE, sizeof(gint));
    refs->found = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    refs->replaced = g_array_new(FALSE, FALSE, sizeof(guint));
    refs->merged = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    return refs;
}

void relgraph_references_free(RelgraphReferences *refs)
{
    if (!refs)
        return;
    g_array_unref(refs->history);
    g_hash_table_destroy(refs->titles);
    for (guint i = 0; i < refs->heads->len; i++)
        g_free(g_array_index(refs->heads, Head, i).word);
    g_array_unref(refs->heads);
    g_array_unref(refs->covered);
    g_array_unref(refs->found);
    g_array_unref(refs->replaced);
    g_array_unref(refs->merged);
    g_free(refs);
}

static gboolean norm_in(const char *norm, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(norm, *list) == 0)
            return TRUE;
    return FALSE;
}

enum { W_THE = 1 << 0, W_BOTH = 1 << 1, W_SINGULAR = 1 << 2, W_PLURAL = 1 << 3, W_IT = 1 << 4, W_SAYING = 1 << 5,
       W_BOTH_VERB = 1 << 6, W_THESE = 1 << 7 };

static const char *const singular_pronouns[] = {"he", "him", "his", "she", "her", "himself", "herself", NULL};
static const char *const plural_pronouns[] = {"they", "them", "their", NULL};
static const char *const people_nouns[] = {"leaders", "heads", "counterparts", NULL};
/* Plural titles, each with the title its people were named with. */
static const char *const titled_nouns[][2] = {
    {"presidents", "president"}, {"ministers", "minister"}, {"premiers", "premier"}, {"envoys", "envoy"},
    {"ambassadors", "ambassador"}, {"chancellors", "chancellor"}};
static const char *const state_nouns[] = {"countries", "nations", "neighbours", "neighbors", "governments",
                                          "states", "allies", "sides", NULL};
/* The last word of a title that describes one person ("the minister"),
 * not a role many share ("the official", "the analyst"). */
static const char *const description_heads[] = {
    "leader", "president", "premier", "minister", "chancellor", "secretary", "ambassador", "envoy",
    "chairman", "chair", "king", "spokesperson", "spokesman", "spokeswoman", "counterpart", NULL};

static const char *const the_words[] = {"the", NULL};
static const char *const these_words[] = {"these", "those", NULL};
static const char *const both_words[] = {"both", NULL};
static const char *const it_words[] = {"it", NULL};
/* Verbs whose subject "it" may repeat: "China said it would respond". */
static const char *const saying_verbs[] = {"said", "says", "announced", "added", "stated", "confirmed", "warned",
                                           "insisted", NULL};
/* Verbs after "Both" that are no -ed form: "Both said", "Both also agreed". */
static const char *const both_verbs[] = {"said", "say", "met", "held", "spoke", "also", "have", "had", "are",
                                         "were", "will", "would", "agree", "expressed", NULL};

static const RelgraphWordList word_lists[] = {
    {the_words, W_THE},         {these_words, W_THESE},          {both_words, W_BOTH},       {it_words, W_IT},
    {saying_verbs, W_SAYING},   {both_verbs, W_BOTH_VERB},       {singular_pronouns, W_SINGULAR},
    {plural_pronouns, W_PLURAL}};

void relgraph_references_add_word_classes(RelgraphLexicon *lexicon)
{
    relgraph_word_classes_add(lexicon, word_lists, G_N_ELEMENTS(word_lists), RELGRAPH_WORD_CLASS_REFERENCE_SHIFT);
}

/* The words a reference can start with (0: none of them), for a word that
 * is no token (relgraph_references_may_apply). */
static guint word_class(const char *norm, guint32 hash)
{
    static gsize ready;
    static RelgraphIntMap *table;
    if (g_once_init_enter(&ready)) {
        table = relgraph_word_classes_build(word_lists, G_N_ELEMENTS(word_lists));
        g_once_init_leave(&ready, 1);
    }
    return relgraph_word_classes_get(table, norm, hash);
}

/* The same for a token, from the classes relgraph_lexicon_assign set. */
static guint classes_of(const RelgraphToken *t)
{
    return (t->classes >> RELGRAPH_WORD_CLASS_REFERENCE_SHIFT) & 0xffff;
}

typedef struct {
    RelgraphReferences *refs;
    guint sentence;
    const RelgraphToken *tokens;
    guint n;
    const RelgraphMention *mentions;
    guint n_mentions;
    gint *covered;     /* token -> mention covering it, or -1 */
    GArray *found;     /* RelgraphMention */
    GArray *replaced;  /* guint: mentions a description takes in ("Russian" in "the Russian leader") */
} Sentence;

static gboolean is_word(const Sentence *s, guint pos, const char *word)
{
    return pos < s->n && strcmp(s->tokens[pos].norm, word) == 0;
}

static gboolean plain(const RelgraphMention *m)
{
    return m->also < 0;
}

/* The nearest official before pos in this sentence, else the first
 * official of the nearest earlier sentence within reach; -1 when none. */
static gint singular_antecedent(const Sentence *s, guint pos)
{
    for (guint i = s->n_mentions; i-- > 0;)
        if (s->mentions[i].last <= pos && s->mentions[i].type == RELGRAPH_ACTOR_OFFICIAL && plain(&s->mentions[i]))
            return (gint)s->mentions[i].actor;
    /* Walking back, the last official seen in the nearest sentence with
     * one is that sentence's first. */
    const GArray *h = s->refs->history;
    gint found = -1;
    guint found_in = 0;
    for (guint i = h->len; i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (found >= 0 ? e->sentence != found_in : e->sentence + REFERENCE_REACH < s->sentence)
            break;
        if (e->type == RELGRAPH_ACTOR_OFFICIAL) {
            found = (gint)e->actor;
            found_in = e->sentence;
        }
    }
    return found;
}

/* Actors that may be coordinated as one group: of one type, or a state and
 * an institution ("the US and the European Union ... they"); never a
 * person with a state or a body. */
static gboolean same_kind(RelgraphActorType a, RelgraphActorType b)
{
    const RelgraphActorType bodies = RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_INSTITUTION;
    return a == b || ((a & bodies) && (b & bodies));
}

/* The last two actors coordinated with "and" before pos: in this sentence
 * ("A and B ... their"), else in the sentence before; else the last two
 * actors of one type before it in this sentence ("Xi told Putin as they
 * met"). */
static gboolean coordinated_antecedents(const Sentence *s, guint pos, guint out[2])
{
    for (guint i = s->n_mentions; i-- > 1;) {
        const RelgraphMention *b = &s->mentions[i], *a = &s->mentions[i - 1];
        if (b->last > pos || !same_kind(a->type, b->type) || !plain(a) || !plain(b) || a->actor == b->actor)
            continue;
        gboolean joined = (b->first == a->last + 1 && is_word(s, a->last, "and")) ||
                          (b->first == a->last + 2 && is_word(s, a->last, ",") && is_word(s, a->last + 1, "and")) ||
                          (b->first == a->last + 2 && is_word(s, a->last, "and") && is_word(s, a->last + 1, "the"));
        if (joined) {
            out[0] = a->actor;
            out[1] = b->actor;
            return TRUE;
        }
    }
    /* A group reference earlier in the sentence ("the two ministers
     * reaffirmed ... They also shared concerns"), unless two actors of
     * one type stand after it. */
    const RelgraphMention *group = NULL;
    for (guint i = s->found->len; i-- > 0 && !group;) {
        const RelgraphMention *g = &g_array_index(s->found, RelgraphMention, i);
        if (g->last <= pos && g->also >= 0)
            group = g;
    }
    guint last = 0;
    while (last < s->n_mentions && s->mentions[last].last <= pos)
        last++;
    if (last >= 2 && plain(&s->mentions[last - 1])) {
        /* The last actor and the one of its type nearest before it: "Trump
         * and his Russian counterpart Vladimir Putin shook hands as they
         * arrived" (not "Russian", a state, with Putin). */
        const RelgraphMention *b = &s->mentions[last - 1];
        for (guint i = last - 1; i-- > 0;) {
            const RelgraphMention *a = &s->mentions[i];
            if (a->type != b->type || !plain(a) || a->actor == b->actor)
                continue;
            if (!group || a->first >= group->last) {
                out[0] = a->actor;
                out[1] = b->actor;
                return TRUE;
            }
            break;
        }
    }
    if (group) {
        out[0] = (guint)group->also;
        out[1] = group->actor;
        return TRUE;
    }
    const GArray *h = s->refs->history;
    for (guint i = h->len; i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (e->sentence + 1 < s->sentence)
            break;
        if (e->partner >= 0) {
            out[0] = (guint)e->partner;
            out[1] = e->actor;
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean add_distinct(guint *out, guint *n, guint actor)
{
    if (*n == 1 && out[0] == actor)
        return FALSE;
    out[(*n)++] = actor;
    return *n == 2;
}

static gboolean fits(const Sentence *s, guint actor, gint state, const char *title);

/* The last two distinct actors of the type before pos, within GROUP_REACH;
 * with a title ("president"), only people named with it. */
static gboolean last_two(const Sentence *s, guint pos, RelgraphActorType type, const char *title, guint out[2])
{
    guint n = 0;
    for (guint i = s->n_mentions; i-- > 0;) {
        const RelgraphMention *m = &s->mentions[i];
        if (m->last <= pos && m->type == type && plain(m) && (!title || fits(s, m->actor, -1, title)) &&
            add_distinct(out, &n, m->actor))
            return TRUE;
    }
    const GArray *h = s->refs->history;
    for (guint i = h->len; i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (e->sentence + GROUP_REACH < s->sentence)
            break;
        if (e->type == type && (!title || fits(s, e->actor, -1, title)) && add_distinct(out, &n, e->actor))
            return TRUE;
    }
    return FALSE;
}

/* Whether an actor fits a description: of that state (when state >= 0),
 * and named with a title that ends like the description's ("the prime
 * minister" after "Prime Minister Narendra Modi", not after "Foreign
 * Minister Wang Yi"). "leader" fits any title; an actor named without one
 * fits only a description with a state. */
/* Whether the title had ends with the words of title. */
static gboolean title_ends_with(const char *had, const char *title)
{
    gsize n = strlen(had), k = strlen(title);
    return n >= k && strcmp(had + n - k, title) == 0 && (n == k || had[n - k - 1] == ' ');
}

/* Titles news uses for one another: "the Japanese premier" after "Prime
 * Minister Shigeru Ishiba". */
static const char *const same_titles[][2] = {{"premier", "prime minister"}, {"chair", "chairman"},
                                             {"spokesperson", "spokesman"}, {"spokesperson", "spokeswoman"}};

/* "The leaders" (without "two"): people named as heads of state or
 * government, not ministers or envoys. */
#define LEADER_TITLES "(leader titles)"
static const char *const leader_titles[] = {"president", "leader", "prime minister", "premier", "chairman",
                                            "general secretary", "chancellor", "king", "supreme leader"};

static gboolean fits(const Sentence *s, guint actor, gint state, const char *title)
{
    if (state >= 0 && relgraph_cast_state_of(s->refs->cast, actor) != state)
        return FALSE;
    if (strcmp(title, "leader") == 0)
        return TRUE;
    const char *had = g_hash_table_lookup(s->refs->titles, GUINT_TO_POINTER(actor + 1));
    if (!had)
        return state >= 0;
    if (strcmp(title, LEADER_TITLES) == 0) {
        for (gsize k = 0; k < G_N_ELEMENTS(leader_titles); k++)
            if (title_ends_with(had, leader_titles[k]))
                return TRUE;
        return FALSE;
    }
    /* "his US counterpart Marco Rubio" holds the other one's office: he
     * is one of "the two ministers" after "Foreign Minister Cho". */
    if (title_ends_with(had, title) || title_ends_with(had, "counterpart"))
        return TRUE;
    for (gsize k = 0; k < G_N_ELEMENTS(same_titles); k++)
        for (int j = 0; j < 2; j++)
            if (strcmp(title, same_titles[k][j]) == 0 && title_ends_with(had, same_titles[k][1 - j]))
                return TRUE;
    return FALSE;
}

/* The last official before pos, anywhere in the document, that fits the
 * description; -1 when none. */
static gint described(const Sentence *s, guint pos, gint state, const char *title)
{
    for (guint i = s->n_mentions; i-- > 0;) {
        const RelgraphMention *m = &s->mentions[i];
        if (m->last <= pos && m->type == RELGRAPH_ACTOR_OFFICIAL && plain(m) && fits(s, m->actor, state, title))
            return (gint)m->actor;
    }
    const GArray *h = s->refs->history;
    for (guint i = h->len; i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (e->type == RELGRAPH_ACTOR_OFFICIAL && fits(s, e->actor, state, title))
            return (gint)e->actor;
    }
    return -1;
}

static char *words_text(const RelgraphToken *tokens, guint first, guint last)
{
    GString *t = g_string_new(NULL);
    for (guint q = first; q < last; q++) {
        if (q > first)
            g_string_append_c(t, ' ');
        g_string_append(t, tokens[q].norm);
    }
    return g_string_free(t, FALSE);
}

/* "his Russian counterpart Sergei Lavrov": a possessive before an actor or
 * a title is a determiner of the titled person, who fills the slot. */
static gboolean determiner(const Sentence *s, guint pos)
{
    return pos + 1 < s->n && (s->covered[pos + 1] >= 0 ||
                              relgraph_cast_title_end(s->refs->cast, s->tokens, s->n, pos + 1, NULL) > pos + 1);
}

static void add_reference(Sentence *s, guint first, guint last, guint actor, gint also, gint state)
{
    RelgraphActorType type = relgraph_cast_actor(s->refs->cast, actor)->type;
    RelgraphMention m = {actor, also, type, first, last, RELGRAPH_ALIAS_REFERENCE, state, "reference"};
    g_array_append_val(s->found, m);
    for (guint q = first; q < last; q++)
        s->covered[q] = G_MAXINT;
}

static guint token_class(const Sentence *s, guint pos)
{
    return pos < s->n ? classes_of(&s->tokens[pos]) : 0;
}

/* "China said it would respond", "the ministry announced that it had":
 * "it" after a verb of saying is the state or institution that said it. */
static gint saying_subject(const Sentence *s, guint pos)
{
    guint verb = pos > 0 && is_word(s, pos - 1, "that") ? pos - 1 : pos;
    if (verb == 0 || !(token_class(s, verb - 1) & W_SAYING))
        return -1;
    guint end = verb - 1; /* the subject ends here, or one auxiliary before */
    if (end > 0 && s->covered[end - 1] < 0 && (is_word(s, end - 1, "has") || is_word(s, end - 1, "had") ||
                                                is_word(s, end - 1, "also")))
        end--;
    if (end == 0 || s->covered[end - 1] < 0)
        return -1;
    const RelgraphMention *m = NULL;
    if (s->covered[end - 1] != G_MAXINT)
        m = &s->mentions[s->covered[end - 1]];
    else /* a reference of this sentence: "The ministry said it" */
        for (guint i = s->found->len; i-- > 0 && !m;)
            if (g_array_index(s->found, RelgraphMention, i).last == end)
                m = &g_array_index(s->found, RelgraphMention, i);
    if (!m)
        return -1;
    if (m->last != end || !plain(m) || !(m->type & (RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_INSTITUTION)))
        return -1;
    return (gint)m->actor;
}

/* "Both" opening a sentence as its subject, "Both agreed", "Both said":
 * the pair "they" would stand for, else the last two officials. */
static gboolean both_subject(const Sentence *s, guint pos, guint pair[2])
{
    if (pos != 0 || pos + 1 >= s->n || s->covered[pos + 1] != -1 ||
        (s->tokens[pos + 1].flags & RELGRAPH_TOKEN_CAPITALIZED))
        return FALSE;
    const char *next = s->tokens[pos + 1].norm;
    gsize n = strlen(next);
    if (!(token_class(s, pos + 1) & W_BOTH_VERB) && !(n > 3 && strcmp(next + n - 2, "ed") == 0))
        return FALSE;
    return coordinated_antecedents(s, pos, pair) || last_two(s, pos, RELGRAPH_ACTOR_OFFICIAL, NULL, pair);
}

/* The last two states or institutions joined by "and" before pos, in this
 * sentence or within GROUP_REACH sentences before. */
static gboolean last_joined_bodies(const Sentence *s, guint pos, guint out[2])
{
    for (guint i = s->n_mentions; i-- > 1;) {
        const RelgraphMention *b = &s->mentions[i], *a = &s->mentions[i - 1];
        if (b->last > pos || !plain(a) || !plain(b) || a->actor == b->actor ||
            !(a->type & (RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_INSTITUTION)) || !same_kind(a->type, b->type))
            continue;
        if ((b->first == a->last + 1 && is_word(s, a->last, "and")) ||
            (b->first == a->last + 2 && is_word(s, a->last, "and") && is_word(s, a->last + 1, "the"))) {
            out[0] = a->actor;
            out[1] = b->actor;
            return TRUE;
        }
    }
    const GArray *h = s->refs->history;
    for (guint i = h->len; i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (e->sentence + GROUP_REACH < s->sentence)
            break;
        if (e->partner >= 0 && (e->type & (RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_INSTITUTION))) {
            out[0] = (guint)e->partner;
            out[1] = e->actor;
            return TRUE;
        }
    }
    return FALSE;
}

/* "these countries", "the very nations", "those governments": the group
 * named last ("the US and the European Union"). Returns the position
 * after, or pos. */
static guint demonstrative_group(Sentence *s, guint pos)
{
    guint q = pos;
    if (is_word(s, q, "these") || is_word(s, q, "those"))
        q += 1;
    else if (is_word(s, q, "the") && (is_word(s, q + 1, "very") || is_word(s, q + 1, "same")))
        q += 2;
    else
        return pos;
    if (q >= s->n || s->covered[q] != -1 || !(is_word(s, q, "countries") || is_word(s, q, "nations") ||
                                                 is_word(s, q, "governments") || is_word(s, q, "states")))
        return pos;
    if (is_word(s, q + 1, "of") || (q + 1 < s->n && s->covered[q + 1] != -1))
        return pos;
    guint pair[2];
    if (!last_joined_bodies(s, pos, pair))
        return pos;
    add_reference(s, pos, q + 1, pair[1], (gint)pair[0], -1);
    return q + 1;
}

/* "the two leaders", "both countries": returns the position after, or pos. */
static guint group_reference(Sentence *s, guint pos)
{
    guint q = pos;
    if (is_word(s, q, "the") && is_word(s, q + 1, "two"))
        q += 2;
    else if (is_word(s, q, "both"))
        q += 1;
    else if (is_word(s, q, "the") && is_word(s, q + 1, "leaders") && s->covered[q + 1] == -1 &&
             !is_word(s, q + 2, "of") && !(q + 2 < s->n && s->covered[q + 2] != -1)) {
        /* "The leaders agreed to ...": the last two officials named as
         * heads of state or government (not "the leaders of ...", "the
         * leaders Xi and ..."). */
        guint pair[2];
        if (!last_two(s, pos, RELGRAPH_ACTOR_OFFICIAL, LEADER_TITLES, pair))
            return pos;
        add_reference(s, pos, q + 2, pair[1], (gint)pair[0], -1);
        return q + 2;
    } else
        return pos;
    if (q >= s->n || s->covered[q] != -1)
        return pos;
    const char *noun = s->tokens[q].norm;
    guint pair[2];
    gboolean found = FALSE;
    if (norm_in(noun, people_nouns))
        found = last_two(s, pos, RELGRAPH_ACTOR_OFFICIAL, NULL, pair);
    else if (norm_in(noun, state_nouns))
        found = last_two(s, pos, RELGRAPH_ACTOR_STATE, NULL, pair) ||
                (strcmp(noun, "sides") == 0 && last_two(s, pos, RELGRAPH_ACTOR_OFFICIAL, NULL, pair));
    for (gsize k = 0; k < G_N_ELEMENTS(titled_nouns) && !found; k++)
        if (strcmp(noun, titled_nouns[k][0]) == 0)
            found = last_two(s, pos, RELGRAPH_ACTOR_OFFICIAL, titled_nouns[k][1], pair);
    if (!found)
        return pos;
    add_reference(s, pos, q + 1, pair[1], (gint)pair[0], -1);
    return q + 1;
}

/* "the minister", "the Russian leader", "Russia's president": returns the
 * position after, or pos. */
static guint description_reference(Sentence *s, guint pos)
{
    /* "Choe Son Hui, North Korea's foreign minister,": an apposition
     * describes the name before it, it does not refer back. */
    if (pos >= 2 && is_word(s, pos - 1, ",") && s->covered[pos - 2] >= 0)
        return pos;
    guint q = pos;
    gboolean the = is_word(s, q, "the");
    if (the)
        q++;
    gint state_mention = -1;
    if (q < s->n && s->covered[q] >= 0 && s->covered[q] != G_MAXINT) {
        const RelgraphMention *m = &s->mentions[s->covered[q]];
        if (m->first != q || m->type != RELGRAPH_ACTOR_STATE || !plain(m))
            return pos;
        state_mention = s->covered[q];
        q = m->last;
        if (is_word(s, q, "'s"))
            q++;
        else if (!the)
            return pos; /* "Russian president" alone: a title before a name, or an adjective */
    } else if (!the) {
        return pos;
    }
    guint last_title;
    guint end = relgraph_cast_title_end(s->refs->cast, s->tokens, s->n, q, &last_title);
    if (end == q || !norm_in(s->tokens[end - 1].norm, description_heads))
        return pos;
    /* "the Russian ambassador to Seoul": where a diplomat is posted is
     * part of the description, and no actor of the sentence. */
    guint stop = end;
    gint post = -1;
    if (is_word(s, end, "to") && (is_word(s, end - 1, "ambassador") || is_word(s, end - 1, "envoy"))) {
        guint r = is_word(s, end + 1, "the") ? end + 2 : end + 1;
        if (r < s->n && s->covered[r] >= 0 && s->covered[r] != G_MAXINT && s->mentions[s->covered[r]].first == r) {
            post = s->covered[r];
            stop = s->mentions[post].last;
        }
    }
    /* A title before a name or an "of" is no description: "the Russian
     * leader Vladimir Putin", "the president of Russia". */
    guint after = is_word(s, stop, ",") ? stop + 1 : stop;
    if (after < s->n && (s->covered[after] != -1 || (s->tokens[after].flags & RELGRAPH_TOKEN_CAPITALIZED)))
        return pos;
    if (is_word(s, stop, "of") || is_word(s, stop, "to") || is_word(s, stop, "'s"))
        return pos;
    char *title = words_text(s->tokens, last_title, end);
    gint actor = described(s, pos, state_mention >= 0 ? (gint)s->mentions[state_mention].actor : -1, title);
    g_free(title);
    if (actor < 0)
        return pos;
    if (state_mention >= 0) {
        guint index = (guint)state_mention;
        g_array_append_val(s->replaced, index);
    }
    if (post >= 0) {
        guint index = (guint)post;
        g_array_append_val(s->replaced, index);
    }
    /* "the US president" names the state: its member_of edge. */
    add_reference(s, pos, stop, (guint)actor, -1, state_mention >= 0 ? (gint)s->mentions[state_mention].actor : -1);
    return stop;
}

/* The one state named before pos in the document whose name begins with
 * word ("North Korea" for "north"), -1 when none or more than one. */
static gint state_named_with(const Sentence *s, guint pos, const char *word)
{
    gint found = -1;
    gsize n = strlen(word);
    for (guint i = 0; i < s->n_mentions + s->refs->history->len; i++) {
        guint actor;
        if (i < s->n_mentions) {
            const RelgraphMention *m = &s->mentions[i];
            if (m->last > pos || m->type != RELGRAPH_ACTOR_STATE)
                continue;
            actor = m->actor;
        } else {
            const Entry *e = &g_array_index(s->refs->history, Entry, i - s->n_mentions);
            if (e->type != RELGRAPH_ACTOR_STATE)
                continue;
            actor = e->actor;
        }
        if (found == (gint)actor)
            continue;
        const char *name = relgraph_cast_actor(s->refs->cast, actor)->name;
        if (g_ascii_strncasecmp(name, word, n) == 0 && name[n] == ' ') {
            if (found >= 0)
                return -1; /* "South Korea" and "South Africa": either */
            found = (gint)actor;
        }
    }
    return found;
}

/* "the North", "the South": the state named before whose name begins with
 * that word, when the word ends the phrase ("the North's", "to the North
 * in return", not "the North Atlantic", "the South China Sea", "the North
 * Korean leader", "the South of France"). Like a description, the
 * reference takes in "the". Returns the position after, or pos. */
static guint compass_reference(Sentence *s, guint pos)
{
    guint q = pos + 1;
    if (q >= s->n || s->covered[q] != -1 || !(s->tokens[q].flags & RELGRAPH_TOKEN_CAPITALIZED) ||
        (s->tokens[q].flags & RELGRAPH_TOKEN_UPPER))
        return pos;
    const char *word = s->tokens[q].norm;
    if (strcmp(word, "north") != 0 && strcmp(word, "south") != 0)
        return pos;
    guint after = q + 1;
    if (after < s->n && (s->covered[after] != -1 || is_word(s, after, "of") ||
                         (s->tokens[after].flags & (RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_JOINED))))
        return pos;
    gint state = state_named_with(s, pos, word);
    if (state < 0)
        return pos;
    add_reference(s, pos, q + 1, (guint)state, -1, -1);
    return q + 1;
}

/* The institution named last in the sentences before whose name, as
 * written, ends with the word at q, of that state when state >= 0; -1
 * when none. (Not in this sentence: "the ministry" rarely repeats a name
 * in the same sentence, and this way a "the" costs a few compares.) */
static gint institution_with_head(const Sentence *s, guint q, gint state)
{
    const RelgraphToken *t = &s->tokens[q];
    const GArray *heads = s->refs->heads;
    for (guint i = heads->len; i-- > 0;) {
        const Head *h = &g_array_index(heads, Head, i);
        if (h->hash == t->hash && strcmp(h->word, t->norm) == 0 &&
            (state < 0 || relgraph_cast_state_of(s->refs->cast, h->actor) == state))
            return (gint)h->actor;
    }
    return -1;
}

/* "the ministry", "the team", "the Russian ministry": the last institution
 * (of that state) named in a sentence before whose name ends with that
 * word ("Foreign Ministry", "Sanctions Monitoring Team"), when the word, in
 * lower case, ends the phrase ("the ministry of ..." is a name). Returns
 * the position after, or pos. */
static guint institution_reference(Sentence *s, guint pos)
{
    guint q = pos + 1;
    if (!s->refs->heads->len || q >= s->n)
        return pos;
    gint state_mention = -1;
    if (s->covered[q] >= 0 && s->covered[q] != G_MAXINT) {
        const RelgraphMention *m = &s->mentions[s->covered[q]];
        if (m->first != q || m->type != RELGRAPH_ACTOR_STATE || !plain(m))
            return pos;
        state_mention = s->covered[q];
        q = m->last;
    }
    if (q >= s->n || s->covered[q] != -1 || (s->tokens[q].flags & (RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_PUNCT)))
        return pos;
    guint after = q + 1;
    if (after < s->n && (s->covered[after] != -1 || is_word(s, after, "of") ||
                         (s->tokens[after].flags & (RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_JOINED))))
        return pos;
    gint state = state_mention >= 0 ? (gint)s->mentions[state_mention].actor : -1;
    gint actor = institution_with_head(s, q, state);
    if (actor < 0)
        return pos;
    if (state_mention >= 0) {
        guint index = (guint)state_mention;
        g_array_append_val(s->replaced, index);
    }
    add_reference(s, pos, q + 1, (guint)actor, -1, state);
    return q + 1;
}

/* "the country": the nearest state before it in the sentence, else the
 * first state (the subject) of the nearest of the sentences before, within
 * REFERENCE_REACH ("North Korea has long been a source of instability: the
 * country is teaming up with Russia"). Not "the country of ...", nor "the
 * Country". Returns the position after, or pos. */
static guint country_reference(Sentence *s, guint pos)
{
    guint q = pos + 1;
    if (q >= s->n || s->covered[q] != -1 || !is_word(s, q, "country") ||
        (s->tokens[q].flags & RELGRAPH_TOKEN_CAPITALIZED) || is_word(s, q + 1, "of"))
        return pos;
    gint state = -1;
    for (guint i = s->n_mentions; i-- > 0 && state < 0;)
        if (s->mentions[i].last <= pos && s->mentions[i].type == RELGRAPH_ACTOR_STATE && plain(&s->mentions[i]))
            state = (gint)s->mentions[i].actor;
    const GArray *h = s->refs->history;
    guint found_in = 0;
    for (guint i = h->len; state < 0 && i-- > 0;) {
        const Entry *e = &g_array_index(h, Entry, i);
        if (e->sentence + REFERENCE_REACH < s->sentence)
            break;
        if (e->type == RELGRAPH_ACTOR_STATE) {
            found_in = e->sentence;
            /* the first state of that sentence */
            guint first = i;
            while (first > 0 && g_array_index(h, Entry, first - 1).sentence == found_in)
                first--;
            for (guint k = first; k <= i && state < 0; k++)
                if (g_array_index(h, Entry, k).type == RELGRAPH_ACTOR_STATE)
                    state = (gint)g_array_index(h, Entry, k).actor;
        }
    }
    if (state < 0)
        return pos;
    add_reference(s, pos, q + 1, (guint)state, -1, -1);
    return q + 1;
}

gboolean relgraph_references_may_apply(const RelgraphReferences *refs, const char *text, gsize len)
{
    if (!refs->history->len)
        return FALSE;
    /* A sentence without an actor that refers back does so with its
     * subject: "He then flew to ...", "The two leaders held talks", "The
     * North fired ...", "The ministry said ...". Only its first word (and
     * the one after "the") is looked at. */
    char word[16];
    for (int k = 0; k < 2; k++) {
        gsize i = 0, n = 0;
        while (i < len && !g_ascii_isalpha(text[i]))
            i++;
        while (i < len && g_ascii_isalpha(text[i]) && n < sizeof word - 1)
            word[n++] = g_ascii_tolower(text[i++]);
        word[n] = '\0';
        if (i < len && g_ascii_isalpha(text[i]))
            return FALSE; /* longer than any such word */
        guint32 hash = relgraph_text_hash(word, n);
        if (k == 1) {
            if (strcmp(word, "two") == 0 || strcmp(word, "country") == 0 || strcmp(word, "very") == 0 ||
                strcmp(word, "same") == 0 ||
                ((strcmp(word, "north") == 0 || strcmp(word, "south") == 0) && g_ascii_isupper(text[i - n])))
                return TRUE;
            for (guint h = 0; h < refs->heads->len; h++)
                if (g_array_index(refs->heads, Head, h).hash == hash &&
                    strcmp(g_array_index(refs->heads, Head, h).word, word) == 0)
                    return TRUE;
            return FALSE;
        }
        guint class = word_class(word, hash);
        if (class & (W_BOTH | W_SINGULAR | W_PLURAL | W_THESE))
            return TRUE;
        if (!(class & W_THE))
            return FALSE;
        text += i;
        len -= i;
    }
    return FALSE;
}

/* The title written just before a person's name ("Prime Minister"), for
 * the descriptions that may stand for them later. */
static void remember_title(RelgraphReferences *refs, const RelgraphToken *tokens, guint n_tokens,
                           const RelgraphMention *m)
{
    for (guint p = m->first > TITLE_WORDS_MAX ? m->first - TITLE_WORDS_MAX : 0; p < m->first; p++) {
        guint last_title;
        if (relgraph_cast_title_end(refs->cast, tokens, n_tokens, p, &last_title) == m->first) {
            g_hash_table_insert(refs->titles, GUINT_TO_POINTER(m->actor + 1), words_text(tokens, last_title, m->first));
            return;
        }
    }
}

/* An institution's name as written ends with a word "the WORD" may stand
 * for later: "ministry" after "the Foreign Ministry". */
static void remember_head(RelgraphReferences *refs, const RelgraphToken *tokens, const RelgraphMention *m)
{
    const RelgraphToken *t = &tokens[m->last - 1];
    if (!(t->flags & RELGRAPH_TOKEN_CAPITALIZED) || (t->flags & RELGRAPH_TOKEN_UPPER))
        return; /* "KCNA" is no noun "the kcna" could repeat */
    /* One entry per word and institution, the last named last. */
    for (guint i = 0; i < refs->heads->len; i++) {
        Head h = g_array_index(refs->heads, Head, i);
        if (h.actor == m->actor && h.hash == t->hash && strcmp(h.word, t->norm) == 0) {
            g_array_remove_index(refs->heads, i);
            g_array_append_val(refs->heads, h);
            return;
        }
    }
    Head h = {t->hash, g_strdup(t->norm), m->actor};
    g_array_append_val(refs->heads, h);
}

static void remember(RelgraphReferences *refs, guint sentence, const RelgraphToken *tokens, guint n_tokens,
                     const RelgraphMention *m, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (m[i].kind != RELGRAPH_ALIAS_REFERENCE && m[i].type == RELGRAPH_ACTOR_INSTITUTION)
            remember_head(refs, tokens, &m[i]);
        if (m[i].kind != RELGRAPH_ALIAS_REFERENCE && m[i].type == RELGRAPH_ACTOR_OFFICIAL)
            remember_title(refs, tokens, n_tokens, &m[i]);
        Entry e = {m[i].actor, m[i].type, sentence, m[i].also};
        if (m[i].also >= 0) {
            Entry other = {(guint)m[i].also, m[i].type, sentence, (gint)m[i].actor};
            g_array_append_val(refs->history, other);
        } else if (i > 0 && same_kind(m[i - 1].type, m[i].type) && m[i - 1].also < 0 && m[i - 1].actor != m[i].actor) {
            guint gap = m[i].first - m[i - 1].last;
            const char *w = gap ? tokens[m[i - 1].last].norm : NULL;
            const char *w2 = gap == 2 ? tokens[m[i - 1].last + 1].norm : NULL;
            if (gap == 0 || (gap == 1 && strcmp(w, "and") == 0) ||
                (gap == 2 && strcmp(w, ",") == 0 && strcmp(w2, "and") == 0) ||
                (gap == 2 && strcmp(w, "and") == 0 && strcmp(w2, "the") == 0))
                e.partner = (gint)m[i - 1].actor;
        }
        g_array_append_val(refs->history, e);
    }
}

void relgraph_references_resolve(RelgraphReferences *refs, guint sentence, const RelgraphToken *tokens,
                                 guint n_tokens, GArray *mentions)
{
    const RelgraphMention *ments = (const RelgraphMention *)(const void *)mentions->data;
    g_array_set_size(refs->covered, (gsize)n_tokens + 1);
    g_array_set_size(refs->found, 0);
    g_array_set_size(refs->replaced, 0);
    Sentence s = {refs, sentence, tokens, n_tokens, ments, mentions->len, (gint *)(void *)refs->covered->data,
                  refs->found, refs->replaced};
    for (guint i = 0; i <= n_tokens; i++)
        s.covered[i] = -1;
    for (guint i = 0; i < mentions->len; i++)
        for (guint q = ments[i].first; q < ments[i].last; q++)
            s.covered[q] = (gint)i;
    for (guint pos = 0; pos < n_tokens;) {
        /* Most words start no reference: one lookup tells. */
        guint class = classes_of(&tokens[pos]);
        gboolean state_here = s.covered[pos] >= 0 && ments[s.covered[pos]].first == pos &&
                              ments[s.covered[pos]].type == RELGRAPH_ACTOR_STATE;
        guint next = pos;
        if (class & (W_THE | W_BOTH))
            next = group_reference(&s, pos);
        if (next == pos && (class & (W_THE | W_THESE)))
            next = demonstrative_group(&s, pos);
        if (next == pos && ((class & W_THE) || state_here))
            next = description_reference(&s, pos);
        if (next == pos && (class & W_THE))
            next = compass_reference(&s, pos);
        if (next == pos && (class & W_THE))
            next = institution_reference(&s, pos);
        if (next == pos && (class & W_THE))
            next = country_reference(&s, pos);
        if (next == pos && (class & (W_SINGULAR | W_PLURAL)) && s.covered[pos] == -1 &&
            !determiner(&s, pos)) {
            gint actor;
            guint pair[2];
            if ((class & W_SINGULAR) && (actor = singular_antecedent(&s, pos)) >= 0)
                add_reference(&s, pos, pos + 1, (guint)actor, -1, -1);
            else if ((class & W_PLURAL) && coordinated_antecedents(&s, pos, pair))
                add_reference(&s, pos, pos + 1, pair[1], (gint)pair[0], -1);
        }
        if (next == pos && (class & (W_IT | W_BOTH)) && s.covered[pos] == -1) {
            gint actor;
            guint pair[2];
            if ((class & W_IT) && (actor = saying_subject(&s, pos)) >= 0)
                add_reference(&s, pos, pos + 1, (guint)actor, -1, -1);
            else if ((class & W_BOTH) && both_subject(&s, pos, pair))
                add_reference(&s, pos, pos + 1, pair[1], (gint)pair[0], -1);
        }
        pos = next > pos ? next : pos + 1;
    }
    relgraph_mentions_replace(mentions, s.found, s.replaced, refs->merged);
    remember(refs, sentence, tokens, n_tokens, (const RelgraphMention *)(const void *)mentions->data, mentions->len);
}
