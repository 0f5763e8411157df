/* A document's cast and the actors discovered in it (see discover.h). */
#include "relgraph/discover.h"

#include <string.h>

#include "relations_internal.h"
#include "wordclass.h"

#define NAME_WORDS_MIN 2
#define NAME_WORDS_MAX 4
#define INSTITUTION_WORDS_MAX 5
#define SHARED_NAME GUINT_TO_POINTER(G_MAXUINT)

struct RelgraphCast {
    const RelgraphDictionary *dict;
    guint n_dict;
    gboolean discover;
    const Elem *title;     /* the rules' @title choice, or NULL */
    guint32 its_hash;      /* relgraph_text_hash of "its" */
    GPtrArray *actors;     /* RelgraphActor*, discovered, id = n_dict + index */
    GHashTable *by_name;   /* name -> GUINT_TO_POINTER(id + 1) */
    GHashTable *names;     /* a discovered person's first or last word (normalised)
                              -> GUINT_TO_POINTER(id + 1), or SHARED_NAME */
    /* Scratch kept from sentence to sentence: */
    GArray *positions;     /* gint: mention_at and ends_at of a sentence */
    GArray *found, *replaced, *merged;
};

static void discovered_free(gpointer p)
{
    RelgraphActor *a = p;
    g_free(a->name);
    g_ptr_array_unref(a->member_of);
    g_array_unref(a->member_of_ids);
    g_free(a);
}

RelgraphCast *relgraph_cast_new(const RelgraphRules *rules, gboolean discover)
{
    RelgraphCast *cast = g_new0(RelgraphCast, 1);
    cast->dict = rules->dictionary;
    cast->n_dict = relgraph_dictionary_size(rules->dictionary);
    cast->discover = discover;
    const Macro *title = g_hash_table_lookup(rules->relations->macros, "title");
    cast->title = title ? title->choice : NULL;
    cast->its_hash = relgraph_text_hash("its", 3);
    cast->actors = g_ptr_array_new_with_free_func(discovered_free);
    cast->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    cast->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    cast->positions = g_array_new(FALSE, FALSE, sizeof(gint));
    cast->found = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    cast->replaced = g_array_new(FALSE, FALSE, sizeof(guint));
    cast->merged = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    return cast;
}

void relgraph_cast_free(RelgraphCast *cast)
{
    if (!cast)
        return;
    g_array_unref(cast->merged);
    g_array_unref(cast->replaced);
    g_array_unref(cast->found);
    g_array_unref(cast->positions);
    g_hash_table_destroy(cast->names);
    g_hash_table_destroy(cast->by_name);
    g_ptr_array_unref(cast->actors);
    g_free(cast);
}

const RelgraphActor *relgraph_cast_actor(const RelgraphCast *cast, guint id)
{
    if (id < cast->n_dict)
        return relgraph_dictionary_actor(cast->dict, id);
    return g_ptr_array_index(cast->actors, id - cast->n_dict);
}

guint relgraph_cast_discovered(const RelgraphCast *cast)
{
    return cast->actors->len;
}

gint relgraph_cast_state_of(const RelgraphCast *cast, guint id)
{
    /* Breadth first in member_of order, as relgraph_dictionary_state_of. */
    guint queue[64], n = 0;
    queue[n++] = id;
    for (guint i = 0; i < n; i++) {
        const RelgraphActor *a = relgraph_cast_actor(cast, queue[i]);
        if (a->type == RELGRAPH_ACTOR_STATE)
            return (gint)queue[i];
        for (guint j = 0; j < a->member_of_ids->len && n < G_N_ELEMENTS(queue); j++)
            queue[n++] = g_array_index(a->member_of_ids, guint, j);
    }
    return -1;
}

gboolean relgraph_cast_belongs_to(const RelgraphCast *cast, guint actor, guint ancestor)
{
    guint frontier[64], n = 0;
    frontier[n++] = actor;
    for (guint i = 0; i < n; i++) {
        const RelgraphActor *a = relgraph_cast_actor(cast, frontier[i]);
        for (guint j = 0; j < a->member_of_ids->len; j++) {
            guint up = g_array_index(a->member_of_ids, guint, j);
            if (up == ancestor)
                return TRUE;
            if (n < G_N_ELEMENTS(frontier))
                frontier[n++] = up;
        }
    }
    return FALSE;
}

/* ---- titles ----------------------------------------------------------- */

/* Tokens an alternative of @title made of plain words matches at pos, 0
 * when it does not. */
static guint title_alternative_len(const GPtrArray *seq, const RelgraphToken *tokens, guint n, guint pos)
{
    if (pos + seq->len > n)
        return 0;
    for (guint i = 0; i < seq->len; i++) {
        const Elem *e = g_ptr_array_index(seq, i);
        const RelgraphToken *t = &tokens[pos + i];
        if (e->kind == ELEM_WORD ? t->word != e->word
                                 : e->kind != ELEM_PREFIX || !g_str_has_prefix(t->norm, e->prefix))
            return 0;
    }
    return seq->len;
}

static guint title_len(const RelgraphCast *cast, const RelgraphToken *tokens, guint n, guint pos)
{
    const Elem *title = cast->title;
    if (!title || pos >= n)
        return 0;
    guint best = 0;
    if (title->always) {
        /* A dispatch table: only the alternatives that start with this word,
         * and none for a word the rules never name. */
        if (!tokens[pos].word && !title->always->len)
            return 0;
        const GArray *hit = tokens[pos].word ? relgraph_intmap_lookup(&title->dispatch, tokens[pos].word) : NULL;
        for (guint k = 0; hit && k < hit->len; k++)
            best = MAX(best, title_alternative_len(g_ptr_array_index(title->alternatives, g_array_index(hit, guint, k)),
                                                   tokens, n, pos));
        for (guint k = 0; k < title->always->len; k++)
            best = MAX(best, title_alternative_len(
                                 g_ptr_array_index(title->alternatives, g_array_index(title->always, guint, k)),
                                 tokens, n, pos));
        return best;
    }
    for (guint k = 0; k < title->alternatives->len; k++)
        best = MAX(best, title_alternative_len(g_ptr_array_index(title->alternatives, k), tokens, n, pos));
    return best;
}

/* FALSE when no title can start with t: told from the @title dispatch
 * table without a call, for the many tokens that start none. */
static inline gboolean title_may_start(const RelgraphCast *cast, const RelgraphToken *t)
{
    const Elem *title = cast->title;
    if (!title)
        return FALSE;
    if (!title->always || title->always->len)
        return TRUE;
    return t->word && relgraph_intmap_contains(&title->dispatch, t->word);
}

guint relgraph_cast_title_end(const RelgraphCast *cast, const RelgraphToken *tokens, guint n_tokens, guint pos,
                              guint *last)
{
    guint p = pos, len;
    if (last)
        *last = pos;
    while ((len = title_len(cast, tokens, n_tokens, p)) > 0) {
        if (last)
            *last = p;
        p += len;
    }
    return p;
}

/* ---- words ------------------------------------------------------------ */


/* Capitalised words that never begin or continue a person's name. */
static const char *const not_name_words[] = {
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
    "into", "about", "after", "before", "during", "since", "than", "that", "this", "these", "those", "he",
    "she", "it", "we", "they", "i", "his", "her", "its", "their", "our", "mr", "mrs", "ms", "dr", "who",
    "which", "what", "when", "where", "while", "said", "says", "also", "both", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "tomorrow", "north", "south", "east", "west", "comrade", "mister", "sir", "madam", NULL};

/* Words that make a capitalised phrase an organisation, not a person. */
static const char *const institution_nouns[] = {
    "ministry", "council", "agency", "commission", "committee", "department", "office", "service",
    "embassy", "army", "navy", "forces", "force", "guard", "bank", "parliament", "assembly", "court",
    "administration", "cabinet", "police", "party", "secretariat", "directorate",
    "command", "corps", "staff", NULL};

/* Other words that end no person's name: companies, media, places. */
static const char *const organisation_words[] = {
    "university", "institute", "center", "centre", "foundation", "group", "co", "corp", "inc", "ltd",
    "company", "corporation", "news", "times", "post", "daily", "journal", "television", "tv", "radio",
    "agency", "association", "union", "federation", "organization", "organisation", "republic",
    "kingdom", "state", "states", "city", "province", "island", "islands", "sea", "strait", "square",
    "street", "airport", "palace", "hall", "house", "summit", "forum", "conference", "war", "treaty", NULL};

/* Titles that do not make what follows a person on their own, written in
 * lower case and with no state or body before them ("top diplomat" is a
 * title; "general" and "head" alone start too many other phrases). */
static const char *const weak_titles[] = {"top", "senior", "former", "general", "chief", "head", "member",
                                          "official", "fellow", "king", "no", "leader", "director", NULL};

/* Words that qualify a title and may stand between it and its state:
 * "South Korean First Vice Foreign Minister". */
static const char *const title_modifiers[] = {"first", "second", "acting", "then", "former", "outgoing",
                                              "incoming", "new", "current", "top", NULL};

/* Verbs that report what a body said: "..., its foreign ministry said". */
static const char *const saying_verbs[] = {"said", "says", "announced", "added", "stated", "confirmed",
                                           "reported", NULL};

enum {
    NOT_NAME = 1 << 0,
    INSTITUTION_NOUN = 1 << 1,
    ORGANISATION = 1 << 2,
    WEAK_TITLE = 1 << 3,
    TITLE_MODIFIER = 1 << 4,
    SAYING = 1 << 5,
};

static const RelgraphWordList word_lists[] = {
    {not_name_words, NOT_NAME},     {institution_nouns, INSTITUTION_NOUN}, {organisation_words, ORGANISATION},
    {weak_titles, WEAK_TITLE},      {title_modifiers, TITLE_MODIFIER},     {saying_verbs, SAYING}};

void relgraph_discover_add_word_classes(RelgraphLexicon *lexicon)
{
    relgraph_word_classes_add(lexicon, word_lists, G_N_ELEMENTS(word_lists), RELGRAPH_WORD_CLASS_DISCOVER_SHIFT);
}

/* The classes of a token (0: none), set by relgraph_lexicon_assign. */
static guint word_class(const RelgraphToken *t)
{
    return (t->classes >> RELGRAPH_WORD_CLASS_DISCOVER_SHIFT) & 0xffff;
}

static gboolean is_class(const RelgraphToken *t, guint class)
{
    return (word_class(t) & class) != 0;
}

static gboolean starts_with_letter(const char *text, const RelgraphToken *t)
{
    guchar c = (guchar)text[t->start];
    return g_ascii_isalpha(c) || c >= 0x80;
}

/* A token written right after a hyphen or dash ("Son-hui"): part of the
 * word before, whatever its case. */
static gboolean joined_to_previous(const char *text, const RelgraphToken *tokens, guint q)
{
    if (q == 0 || tokens[q].start == 0 || tokens[q - 1].end >= tokens[q].start)
        return FALSE;
    guint32 gap = tokens[q].start - tokens[q - 1].end;
    if (gap > 3)
        return FALSE;
    for (guint32 i = tokens[q - 1].end; i < tokens[q].start; i++)
        if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')
            return FALSE;
    return text[tokens[q - 1].end] == '-' || (guchar)text[tokens[q - 1].end] == 0xe2; /* '-', or a dash */
}

/* A person's name at pos: two to four capitalised words that are no
 * actor, no title and no organisation. Returns its length in tokens, 0
 * when there is none. */
static guint name_at(const RelgraphCast *cast, const char *text, const RelgraphToken *tokens, guint n,
                     const gint *mention_at, guint pos)
{
    guint words = 0, q = pos;
    for (; q < n; q++) {
        const RelgraphToken *t = &tokens[q];
        if (mention_at[q] != -1 || (t->flags & RELGRAPH_TOKEN_PUNCT) || !starts_with_letter(text, t))
            break;
        if (q > pos && joined_to_previous(text, tokens, q))
            continue; /* "Son-hui", "Thomas-Greenfield" */
        if (!(t->flags & RELGRAPH_TOKEN_CAPITALIZED) || is_class(t, NOT_NAME) ||
            title_len(cast, tokens, n, q) > 0)
            break;
        if ((t->flags & RELGRAPH_TOKEN_UPPER) && t->end - t->start > 1 && strchr(t->norm, '.') == NULL)
            return 0; /* an acronym: an organisation */
        if (is_class(t, INSTITUTION_NOUN | ORGANISATION))
            return 0;
        if (++words > NAME_WORDS_MAX)
            return 0;
    }
    if (words < NAME_WORDS_MIN)
        return 0;
    return q - pos;
}

/* ---- discovered actors ----------------------------------------------- */

static guint cast_add(RelgraphCast *cast, char *name, RelgraphActorType type, gint affiliation)
{
    /* "Japan" + "Foreign Ministry" may spell an actor the rules list. */
    gint listed = relgraph_dictionary_find(cast->dict, name);
    if (listed >= 0) {
        g_free(name);
        return (guint)listed;
    }
    gpointer known = g_hash_table_lookup(cast->by_name, name);
    RelgraphActor *a;
    if (known) {
        g_free(name);
        a = g_ptr_array_index(cast->actors, GPOINTER_TO_UINT(known) - 1 - cast->n_dict);
    } else {
        a = g_new0(RelgraphActor, 1);
        a->id = cast->n_dict + cast->actors->len;
        a->name = name;
        a->type = type;
        a->member_of = g_ptr_array_new();
        a->member_of_ids = g_array_new(FALSE, FALSE, sizeof(guint));
        a->discovered = TRUE;
        g_ptr_array_add(cast->actors, a);
        g_hash_table_insert(cast->by_name, a->name, GUINT_TO_POINTER(a->id + 1));
    }
    if (affiliation >= 0 && (guint)affiliation != a->id && !a->member_of_ids->len &&
        !relgraph_cast_belongs_to(cast, (guint)affiliation, a->id)) {
        guint up = (guint)affiliation;
        g_array_append_val(a->member_of_ids, up);
        g_ptr_array_add(a->member_of, relgraph_cast_actor(cast, up)->name);
    }
    return a->id;
}

/* The first and last words of a person's name stand for them later in the
 * document, unless two people share the word. */
static void remember_name_words(RelgraphCast *cast, const RelgraphToken *tokens, guint first, guint last, guint id)
{
    guint ends[2] = {first, last - 1};
    for (guint k = 0; k < 2; k++) {
        const char *word = tokens[ends[k]].norm;
        gpointer had = g_hash_table_lookup(cast->names, word);
        if (!had)
            g_hash_table_insert(cast->names, g_strdup(word), GUINT_TO_POINTER(id + 1));
        else if (had != GUINT_TO_POINTER(id + 1))
            g_hash_table_insert(cast->names, g_strdup(word), SHARED_NAME);
    }
}

typedef struct {
    RelgraphCast *cast;
    const char *text;
    const RelgraphToken *tokens;
    guint n;
    const RelgraphMention *mentions;
    guint n_mentions;
    gint *mention_at;      /* token -> mention starting there, or -1; -2 inside one */
    gint *ends_at;         /* token -> mention ending just before it, or -1 */
    gint *punct_at;        /* token -> the first punctuation at or after it, or n */
    GArray *found;         /* RelgraphMention */
    GArray *replaced;      /* guint: indices of mentions a found one takes in */
} Sentence;

static gboolean is_word(const Sentence *s, guint pos, const char *word)
{
    return pos < s->n && strcmp(s->tokens[pos].norm, word) == 0;
}

static gboolean is_group_type(const RelgraphMention *m)
{
    return (m->type & (RELGRAPH_ACTOR_STATE | RELGRAPH_ACTOR_INSTITUTION)) != 0;
}

/* The state or institution written just before pos ("Russian", "Russia
 * 's"), as a mention index, or -1. */
static gint owner_before(const Sentence *s, guint pos)
{
    while (pos > 0 && s->ends_at[pos] < 0 && is_class(&s->tokens[pos - 1], TITLE_MODIFIER))
        pos--;
    if (pos > 0 && is_word(s, pos - 1, "'s") && s->ends_at[pos - 1] >= 0 &&
        is_group_type(&s->mentions[s->ends_at[pos - 1]]))
        return s->ends_at[pos - 1];
    if (s->ends_at[pos] >= 0 && is_group_type(&s->mentions[s->ends_at[pos]]))
        return s->ends_at[pos];
    return -1;
}

static void add_found(Sentence *s, guint actor, guint first, guint last, gint affiliation)
{
    RelgraphActorType type = relgraph_cast_actor(s->cast, actor)->type;
    RelgraphMention m = {actor, -1, type, first, last, RELGRAPH_ALIAS_DISCOVERED, affiliation, "discovered"};
    g_array_append_val(s->found, m);
    for (guint q = first; q < last; q++)
        s->mention_at[q] = q == first ? -3 : -2; /* taken */
}

/* The person named by the len tokens at first, member of the state or
 * body of mention group (-1: none). */
static void add_person(Sentence *s, guint first, guint len, gint group)
{
    gint affiliation = group >= 0 ? (gint)s->mentions[group].actor : -1;
    guint id = cast_add(s->cast, relgraph_text_fold_spaces(s->text, s->tokens[first].start, s->tokens[first + len - 1].end),
                        RELGRAPH_ACTOR_OFFICIAL, affiliation);
    remember_name_words(s->cast, s->tokens, first, first + len, id);
    add_found(s, id, first, first + len, affiliation);
}

static gboolean is_possessive_pronoun(const Sentence *s, guint pos)
{
    return is_word(s, pos, "his") || is_word(s, pos, "her") || is_word(s, pos, "their");
}

/* "[STATE ['s]] TITLE... [(of | to | at) [the] ACTOR] [,] Firstname Lastname" */
static guint person_after_title(Sentence *s, guint pos)
{
    guint title_end = relgraph_cast_title_end(s->cast, s->tokens, s->n, pos, NULL);
    if (title_end == pos)
        return pos + 1;
    gint owner = owner_before(s, pos);
    gboolean possessive = pos > 0 && is_possessive_pronoun(s, pos - 1);
    if (owner >= 0) {
        guint before = s->mentions[owner].first;
        possessive = possessive || (before > 0 && is_possessive_pronoun(s, before - 1));
    }
    gint of = -1;
    guint q = title_end;
    if (is_word(s, q, "of") || is_word(s, q, "to") || is_word(s, q, "at")) {
        gboolean is_of = is_word(s, q, "of");
        guint r = q + 1;
        if (is_word(s, r, "the"))
            r++;
        if (r < s->n && s->mention_at[r] >= 0) {
            const RelgraphMention *m = &s->mentions[s->mention_at[r]];
            if (is_of && is_group_type(m))
                of = s->mention_at[r];
            q = m->last;
            q = relgraph_cast_title_end(s->cast, s->tokens, s->n, q, NULL);
        }
    }
    if (is_word(s, q, ",") && (owner >= 0 || possessive))
        q++; /* "his Russian counterpart, Andrei Rudenko" */
    guint len = name_at(s->cast, s->text, s->tokens, s->n, s->mention_at, q);
    if (!len)
        return title_end;
    /* A lone lower-case title with nothing before it is not enough. */
    gboolean strong = owner >= 0 || of >= 0 || possessive || title_end - pos > 1 ||
                      (s->tokens[pos].flags & RELGRAPH_TOKEN_CAPITALIZED) || !is_class(&s->tokens[pos], WEAK_TITLE);
    if (!strong)
        return q + len;
    add_person(s, q, len, owner >= 0 ? owner : of);
    return q + len;
}

/* "Firstname Lastname, [a | an | the] [STATE ['s]] TITLE... [of | at [the] ACTOR]" */
static guint person_before_apposition(Sentence *s, guint pos)
{
    if (!(s->tokens[pos].flags & RELGRAPH_TOKEN_CAPITALIZED))
        return pos + 1;
    if (pos > 0 && (s->tokens[pos - 1].flags & RELGRAPH_TOKEN_CAPITALIZED) &&
        !(s->tokens[pos - 1].flags & RELGRAPH_TOKEN_PUNCT))
        return pos + 1; /* inside a longer capitalised run */
    /* A name ends at the first punctuation after it or sooner: unless that
     * is a comma, the name is not followed by one. */
    guint comma = (guint)s->punct_at[pos];
    if (!is_word(s, comma, ","))
        return pos + 1;
    guint len = name_at(s->cast, s->text, s->tokens, s->n, s->mention_at, pos);
    if (!len || pos + len != comma)
        return pos + 1;
    guint q = pos + len + 1;
    if (is_word(s, q, "a") || is_word(s, q, "an") || is_word(s, q, "the"))
        q++;
    gint owner = -1;
    if (q < s->n && s->mention_at[q] >= 0 && is_group_type(&s->mentions[s->mention_at[q]])) {
        owner = s->mention_at[q];
        q = s->mentions[owner].last;
        if (is_word(s, q, "'s"))
            q++;
    }
    guint title_end = relgraph_cast_title_end(s->cast, s->tokens, s->n, q, NULL);
    if (title_end == q)
        return pos + 1;
    gint of = -1;
    if (is_word(s, title_end, "of") || is_word(s, title_end, "at") || is_word(s, title_end, "for")) {
        guint r = title_end + 1;
        if (is_word(s, r, "the"))
            r++;
        if (r < s->n && s->mention_at[r] >= 0 && is_group_type(&s->mentions[s->mention_at[r]]))
            of = s->mention_at[r];
    }
    gboolean strong = owner >= 0 || of >= 0 || title_end - q > 1 || !is_class(&s->tokens[q], WEAK_TITLE);
    if (!strong)
        return pos + len;
    add_person(s, pos, len, owner >= 0 ? owner : of);
    return pos + len;
}

/* "STATE ['s] Capitalised Words NOUN [of Capitalised Words]", NOUN one of
 * institution_nouns: "Russia's Defence Ministry", "the South Korean
 * Unification Ministry", "Russia's Ministry of Emergency Situations". */
static void institution_after_state(Sentence *s, guint mention)
{
    const RelgraphMention *state = &s->mentions[mention];
    if (state->type != RELGRAPH_ACTOR_STATE || state->kind == RELGRAPH_ALIAS_SHORT)
        return;
    guint q = state->last;
    if (is_word(s, q, "'s"))
        q++;
    guint start = q, end = 0;
    gint foreign_short = -1;
    for (guint words = 0; q < s->n && words < INSTITUTION_WORDS_MAX; q++) {
        const RelgraphToken *t = &s->tokens[q];
        /* "Iranian Foreign Ministry" after the Russian one was named: the
         * short "Foreign Ministry" is not the Russian one here. */
        if (s->mention_at[q] >= 0 && q == start && foreign_short < 0) {
            const RelgraphMention *m = &s->mentions[s->mention_at[q]];
            if (m->kind == RELGRAPH_ALIAS_SHORT && m->type == RELGRAPH_ACTOR_INSTITUTION &&
                relgraph_cast_state_of(s->cast, m->actor) != (gint)state->actor) {
                foreign_short = s->mention_at[q];
                for (guint r = m->first; r < m->last; r++)
                    s->mention_at[r] = -1;
            }
        }
        if (s->mention_at[q] != -1 || (t->flags & RELGRAPH_TOKEN_PUNCT) || !starts_with_letter(s->text, t))
            break;
        if (q > start && joined_to_previous(s->text, s->tokens, q))
            continue;
        if (!(t->flags & RELGRAPH_TOKEN_CAPITALIZED) || is_class(t, NOT_NAME) ||
            title_len(s->cast, s->tokens, s->n, q) > 0)
            break;
        words++;
        if (strcmp(t->norm, "news") == 0)
            return; /* "South Korean News Agency (Yonhap)": a description of an outlet */
        if (is_class(t, INSTITUTION_NOUN))
            end = q + 1;
    }
    if (foreign_short >= 0) {
        const RelgraphMention *m = &s->mentions[foreign_short];
        if (end < m->last) { /* not taken in after all */
            for (guint r = m->first; r < m->last; r++)
                s->mention_at[r] = r == m->first ? foreign_short : -2;
            foreign_short = -1;
            end = 0;
        } else {
            guint index = (guint)foreign_short;
            g_array_append_val(s->replaced, index);
        }
    }
    if (!end)
        return;
    /* "Ministry of Foreign Affairs": the object of the noun is part of the name. */
    if (is_word(s, end, "of")) {
        guint r = end + 1, words = 0;
        while (r < s->n && s->mention_at[r] == -1 && (s->tokens[r].flags & RELGRAPH_TOKEN_CAPITALIZED) &&
               !(s->tokens[r].flags & RELGRAPH_TOKEN_PUNCT) && !is_class(&s->tokens[r], NOT_NAME) &&
               words < INSTITUTION_WORDS_MAX)
            r++, words++;
        if (words)
            end = r;
    }
    const char *demonym = relgraph_dictionary_demonym(s->cast->dict, state->actor);
    const RelgraphActor *a = relgraph_cast_actor(s->cast, state->actor);
    char *words = relgraph_text_fold_spaces(s->text, s->tokens[start].start, s->tokens[end - 1].end);
    char *name = g_strdup_printf("%s %s", demonym ? demonym : a->name, words);
    g_free(words);
    guint id = cast_add(s->cast, name, RELGRAPH_ACTOR_INSTITUTION, (gint)state->actor);
    guint first = state->first;
    g_array_append_val(s->replaced, mention);
    add_found(s, id, first, end, (gint)state->actor);
}

static gboolean is_its(const RelgraphCast *cast, const RelgraphToken *t)
{
    return t->hash == cast->its_hash && strcmp(t->norm, "its") == 0;
}

/* "STATE ..., its Words NOUN said", "STATE ... according to its Words
 * NOUN": the institution of the state the sentence opens with, its
 * subject ("China will ban exports to the US, its commerce ministry
 * said": China's, not the US's). Only where the body reports, so that
 * "its" has the subject to stand for; NOUN as for institution_after_state,
 * after at least one word ("its army" says no name), lower case allowed
 * ("its commerce ministry": the Commerce Ministry). */
static void institution_after_its(Sentence *s, guint pos)
{
    gint subject = -1;
    for (guint i = 0; i < s->n_mentions && s->mentions[i].last <= pos && subject < 0; i++)
        if (s->mentions[i].type == RELGRAPH_ACTOR_STATE && s->mentions[i].kind != RELGRAPH_ALIAS_SHORT)
            subject = (gint)i;
    if (subject < 0)
        return;
    guint q = pos + 1;
    for (guint words = 0; q < s->n && words < INSTITUTION_WORDS_MAX; q++, words++) {
        const RelgraphToken *t = &s->tokens[q];
        if (s->mention_at[q] != -1 || (t->flags & RELGRAPH_TOKEN_PUNCT) || !g_ascii_isalpha(s->text[t->start]) ||
            is_class(t, NOT_NAME) || title_len(s->cast, s->tokens, s->n, q) > 0)
            break;
    }
    guint end = q;
    gboolean reported = (end < s->n && is_class(&s->tokens[end], SAYING)) ||
                        (pos >= 2 && is_word(s, pos - 2, "according") && is_word(s, pos - 1, "to"));
    if (end < pos + 3 || !is_class(&s->tokens[end - 1], INSTITUTION_NOUN) || !reported)
        return;
    /* The words as a name: "commerce ministry" -> "Commerce Ministry". */
    char *words = relgraph_text_fold_spaces(s->text, s->tokens[pos + 1].start, s->tokens[end - 1].end);
    for (char *c = words; *c; c++)
        if (c == words || c[-1] == ' ' || c[-1] == '-')
            *c = g_ascii_toupper(*c);
    guint state = s->mentions[subject].actor;
    const char *demonym = relgraph_dictionary_demonym(s->cast->dict, state);
    char *name = g_strdup_printf("%s %s", demonym ? demonym : relgraph_cast_actor(s->cast, state)->name, words);
    g_free(words);
    guint id = cast_add(s->cast, name, RELGRAPH_ACTOR_INSTITUTION, (gint)state);
    add_found(s, id, pos, end, (gint)state);
}

/* Whether "its" at i may open what institution_after_its reads: an
 * institution noun before a verb of saying, or after "according to". A
 * quick look, so that the many other "its" cost no discovery. */
static gboolean its_may_report(const RelgraphToken *tokens, guint n, guint i)
{
    gboolean according = i >= 2 && strcmp(tokens[i - 1].norm, "to") == 0 &&
                         strcmp(tokens[i - 2].norm, "according") == 0;
    for (guint q = i + 2; q < n && q <= i + INSTITUTION_WORDS_MAX; q++) {
        if (tokens[q].flags & RELGRAPH_TOKEN_PUNCT)
            break;
        if (is_class(&tokens[q], INSTITUTION_NOUN) && (according || (q + 1 < n && is_class(&tokens[q + 1], SAYING))))
            return TRUE;
    }
    return FALSE;
}

/* FALSE when the sentence has nothing to discover: a name needs two
 * capitalised words in a row that are no mention, and so does an
 * institution but for a one-word one ("Russia's Cabinet"), which is
 * missed, and one whose words are another state's short name; a name
 * discovered before needs one word, that name. */
static gboolean may_discover(const RelgraphCast *cast, const RelgraphToken *tokens, guint n, const GArray *mentions)
{
    const RelgraphMention *m = (const RelgraphMention *)(const void *)mentions->data;
    guint next = 0; /* the next mention */
    gboolean names = g_hash_table_size(cast->names) > 0, before = FALSE;
    for (guint i = 0; i < n; i++) {
        while (next < mentions->len && m[next].last <= i)
            next++;
        gboolean free_capital = !(next < mentions->len && m[next].first <= i) &&
                                (tokens[i].flags & RELGRAPH_TOKEN_CAPITALIZED);
        /* Two capitalised words: a name, or an institution's words; or one
         * that names a person discovered before. */
        if (free_capital && (before || (names && g_hash_table_contains(cast->names, tokens[i].norm))))
            return TRUE;
        if (next > 0 && is_its(cast, &tokens[i]) && its_may_report(tokens, n, i))
            return TRUE;
        before = free_capital;
    }
    /* "Mozambique's Foreign Ministry", where the short name is another
     * state's ministry (see institution_after_state). */
    for (guint j = 1; j < mentions->len; j++) {
        const RelgraphMention *state = &m[j - 1], *inst = &m[j];
        guint gap = inst->first - state->last;
        if (inst->kind == RELGRAPH_ALIAS_SHORT && inst->type == RELGRAPH_ACTOR_INSTITUTION &&
            state->type == RELGRAPH_ACTOR_STATE &&
            (gap == 0 || (gap == 1 && strcmp(tokens[state->last].norm, "'s") == 0)))
            return TRUE;
    }
    return FALSE;
}

/* The sentence's mentions as discovery reads them. */
static void sentence_init(Sentence *s, GArray *mentions)
{
    const RelgraphMention *ments = (const RelgraphMention *)(const void *)mentions->data;
    s->mentions = ments;
    s->n_mentions = mentions->len;
    for (guint i = 0; i <= s->n; i++)
        s->mention_at[i] = s->ends_at[i] = -1;
    for (guint i = 0; i < mentions->len; i++) {
        for (guint q = ments[i].first; q < ments[i].last; q++)
            s->mention_at[q] = q == ments[i].first ? (gint)i : -2;
        s->ends_at[ments[i].last] = (gint)i;
    }
    g_array_set_size(s->found, 0);
    g_array_set_size(s->replaced, 0);
}

/* Puts what was found into mentions, without the mentions it took in. */
static void sentence_apply(Sentence *s, GArray *mentions)
{
    relgraph_mentions_replace(mentions, s->found, s->replaced, s->cast->merged);
}

void relgraph_cast_discover(RelgraphCast *cast, const char *text, const RelgraphToken *tokens,
                            guint n_tokens, GArray *mentions)
{
    if (!cast->discover || !may_discover(cast, tokens, n_tokens, mentions))
        return;
    g_array_set_size(cast->positions, 3 * ((gsize)n_tokens + 1));
    gint *positions = (gint *)(void *)cast->positions->data;
    Sentence s = {cast,      text, tokens, n_tokens, NULL, 0, positions, positions + n_tokens + 1,
                  positions + 2 * (n_tokens + 1), cast->found, cast->replaced};
    s.punct_at[n_tokens] = (gint)n_tokens;
    for (guint pos = n_tokens; pos-- > 0;)
        s.punct_at[pos] = (tokens[pos].flags & RELGRAPH_TOKEN_PUNCT) ? (gint)pos : s.punct_at[pos + 1];
    /* Institutions first: a person's title may name one ("Iranian Foreign
     * Ministry spokesperson Esmaeil Baqaei"). */
    sentence_init(&s, mentions);
    for (guint i = 0; i < s.n_mentions; i++)
        institution_after_state(&s, i);
    for (guint pos = 1; pos < n_tokens; pos++)
        if (s.mention_at[pos] == -1 && is_its(cast, &tokens[pos]))
            institution_after_its(&s, pos);
    sentence_apply(&s, mentions);

    sentence_init(&s, mentions);
    for (guint pos = 0; pos < n_tokens;) {
        /* Only a title or a capital starts what the two below look for. */
        if (s.mention_at[pos] != -1 ||
            (!title_may_start(cast, &tokens[pos]) && !(tokens[pos].flags & RELGRAPH_TOKEN_CAPITALIZED))) {
            pos++;
            continue;
        }
        guint next = person_after_title(&s, pos);
        if (next == pos + 1 && s.mention_at[pos] == -1)
            next = MAX(next, person_before_apposition(&s, pos));
        pos = next > pos ? next : pos + 1;
    }
    /* Names of people discovered before ("Morgulov" after "Igor Morgulov"). */
    for (guint pos = 0; pos < n_tokens && g_hash_table_size(cast->names); pos++) {
        if (s.mention_at[pos] != -1 || !(tokens[pos].flags & RELGRAPH_TOKEN_CAPITALIZED))
            continue;
        gpointer id = g_hash_table_lookup(cast->names, tokens[pos].norm);
        if (id && id != SHARED_NAME && !(pos + 1 < n_tokens && joined_to_previous(text, tokens, pos + 1)))
            add_found(&s, GPOINTER_TO_UINT(id) - 1, pos, pos + 1, -1);
    }
    sentence_apply(&s, mentions);
}
