/* Actor dictionaries: the *.actors parser and the alias trie. */
#include "relgraph/actors.h"

#include <string.h>

#include "relgraph/rulefile.h"
#include "actors_internal.h"

static void actor_free(gpointer p)
{
    RelgraphActor *a = p;
    g_free(a->name);
    g_ptr_array_unref(a->member_of);
    g_array_unref(a->member_of_ids);
    g_free(a);
}

/* Frees what the nodes own; their memory goes with the arena. */
static void trie_free(TrieNode *node)
{
    if (!node)
        return;
    relgraph_intmap_destroy(&node->children, (GDestroyNotify)trie_free);
    if (node->entries)
        g_array_unref(node->entries);
}

static TrieNode *trie_node_new(RelgraphDictionary *dict)
{
    return relgraph_arena_alloc0(&dict->arena, sizeof(TrieNode));
}

RelgraphDictionary *relgraph_dictionary_new(RelgraphLexicon *lexicon)
{
    RelgraphDictionary *dict = g_new0(RelgraphDictionary, 1);
    dict->lexicon = lexicon;
    dict->actors = g_ptr_array_new_with_free_func(actor_free);
    dict->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    dict->aliases = g_ptr_array_new();
    dict->member_refs = g_array_new(FALSE, FALSE, sizeof(MemberRef));
    dict->strings = g_string_chunk_new(16384);
    dict->root = trie_node_new(dict);
    return dict;
}

void relgraph_dictionary_free(RelgraphDictionary *dict)
{
    if (!dict)
        return;
    trie_free(dict->root);
    g_free(dict->first_words.slots);
    g_free(dict->first_words.bits);
    g_ptr_array_unref(dict->aliases);
    if (dict->demonyms)
        g_ptr_array_unref(dict->demonyms);
    g_array_unref(dict->member_refs);
    g_hash_table_destroy(dict->by_name);
    g_ptr_array_unref(dict->actors);
    g_string_chunk_free(dict->strings);
    g_free(dict->strip);
    relgraph_arena_clear(&dict->arena); /* last: the trie and aliases above were in it */
    g_free(dict);
}

void relgraph_dictionary_set_location_prefix(RelgraphDictionary *dict, const char *prefix)
{
    g_free(dict->strip);
    dict->strip = g_strdup(prefix);
}

guint relgraph_dictionary_size(const RelgraphDictionary *dict)
{
    return dict->actors->len;
}

const RelgraphActor *relgraph_dictionary_actor(const RelgraphDictionary *dict, guint id)
{
    return id < dict->actors->len ? g_ptr_array_index(dict->actors, id) : NULL;
}

gint relgraph_dictionary_find(const RelgraphDictionary *dict, const char *name)
{
    return (gint)GPOINTER_TO_UINT(g_hash_table_lookup(dict->by_name, name)) - 1;
}

gint relgraph_dictionary_state_of(const RelgraphDictionary *dict, guint actor)
{
    /* Breadth first in member_of order: the first state reached is the
     * nearest one, and the first listed among equals. */
    guint queue[64], n = 0;
    queue[n++] = actor;
    for (guint i = 0; i < n; i++) {
        const RelgraphActor *a = relgraph_dictionary_actor(dict, queue[i]);
        if (a->type == RELGRAPH_ACTOR_STATE)
            return (gint)a->id;
        for (guint j = 0; j < a->member_of_ids->len && n < G_N_ELEMENTS(queue); j++)
            queue[n++] = g_array_index(a->member_of_ids, guint, j);
    }
    return -1;
}

const char *relgraph_dictionary_demonym(const RelgraphDictionary *dict, guint actor)
{
    if (dict->demonyms && actor < dict->demonyms->len)
        return g_ptr_array_index(dict->demonyms, actor);
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        if (def->actor == actor && def->kind == RELGRAPH_ALIAS_DEMONYM)
            return def->text;
    }
    return NULL;
}

gboolean relgraph_dictionary_belongs_to(const RelgraphDictionary *dict, guint actor, guint ancestor)
{
    /* Affiliation chains are short; the depth bound guards against cycles. */
    guint frontier[64], n = 0;
    frontier[n++] = actor;
    for (guint i = 0; i < n && i < 64; i++) {
        const RelgraphActor *a = relgraph_dictionary_actor(dict, frontier[i]);
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

/* What compiling one alias after another reuses: tokenising an alias needs
 * a token array and room for the normalised words. The words are interned
 * at once, so the room is only given back with the scratch, after the
 * file: a few bytes a word. */
typedef struct {
    GArray *tokens;       /* RelgraphToken */
    GStringChunk *norms;
} Scratch;

static void scratch_init(Scratch *scratch)
{
    scratch->tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    scratch->norms = g_string_chunk_new(4096);
}

static void scratch_clear(Scratch *scratch)
{
    g_array_unref(scratch->tokens);
    g_string_chunk_free(scratch->norms);
}

/* Adds the alias text (len bytes, as written), tokenised as the text would
 * be, its words interned; location: of the line, from line_location. */
static void add_alias(RelgraphDictionary *dict, Scratch *scratch, guint actor, RelgraphAliasKind kind,
                      const char *text, gsize len, const char *location, const char *file, guint line,
                      guint col, GPtrArray *diagnostics)
{
    GArray *tokens = scratch->tokens;
    g_array_set_size(tokens, 0);
    relgraph_text_tokenize(text, 0, len, scratch->norms, tokens);
    if (tokens->len == 0) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line, col,
                                 "alias \"%.*s\" has no words", (int)len, text);
        return;
    }
    AliasDef *def = relgraph_arena_alloc0(&dict->arena, sizeof *def);
    guint32 *words = relgraph_arena_alloc0(&dict->arena, tokens->len * sizeof *words);
    for (guint i = 0; i < tokens->len; i++) {
        const RelgraphToken *t = &g_array_index(tokens, RelgraphToken, i);
        words[i] = relgraph_lexicon_intern(dict->lexicon, t->norm);
        /* Only acronyms of two letters or more are case-sensitive: "US",
         * "UN", "DPRK"; a single capital ("N. Korea") is not. */
        if ((t->flags & RELGRAPH_TOKEN_UPPER) && i < 32 && g_utf8_strlen(t->norm, -1) >= 2)
            def->upper_mask |= 1u << i;
    }
    def->words = words;
    def->n_words = tokens->len;
    def->actor = actor;
    def->kind = kind;
    def->file = file;
    def->line = line;
    def->col = col;
    def->text = g_string_chunk_insert_len(dict->strings, text, (gssize)len);
    def->location = location;
    g_ptr_array_add(dict->aliases, def);
}

/* "file:line" of a line's aliases, for outputs. */
static const char *line_location(RelgraphDictionary *dict, const char *file, const RelgraphRuleLine *line)
{
    return relgraph_rulefile_location(dict->strings, file, dict->strip, line->line);
}

/* Whether the len bytes at s are word. */
static gboolean word_is(const char *s, gsize len, const char *word)
{
    return strncmp(s, word, len) == 0 && word[len] == '\0';
}

static const struct {
    const char *keyword;
    RelgraphAliasKind kind;
} alias_keywords[] = {
    {"alias", RELGRAPH_ALIAS_NAME},
    {"metonym", RELGRAPH_ALIAS_METONYM},
    {"demonym", RELGRAPH_ALIAS_DEMONYM},
    {"short", RELGRAPH_ALIAS_SHORT},
};

/* A copy of s[0, len) without the blanks around it, and with every inner
 * run of spaces and tabs folded to one space: how names are compared. */
static char *fold_blanks(const char *s, gsize len)
{
    const char *p = s, *end = s + len;
    while (p < end && g_ascii_isspace(*p))
        p++;
    while (end > p && g_ascii_isspace(end[-1]))
        end--;
    char *folded = g_malloc((gsize)(end - p) + 1), *out = folded;
    while (p < end) {
        if (*p == ' ' || *p == '\t') {
            while (*p == ' ' || *p == '\t') /* stops before end, which follows a non-blank */
                p++;
            *out++ = ' ';
        } else {
            *out++ = *p++;
        }
    }
    *out = '\0';
    return folded;
}

/* "actor NAME TYPE": the type is the last word of the line. */
static RelgraphActor *parse_actor_line(RelgraphDictionary *dict, Scratch *scratch, const RelgraphRuleLine *line,
                                       const char *file, GPtrArray *diagnostics)
{
    const char *rest = line->text + strlen("actor");
    while (*rest == ' ' || *rest == '\t')
        rest++;
    const char *type_word = strrchr(rest, ' ');
    const char *tab = strrchr(rest, '\t');
    if (tab && (!type_word || tab > type_word))
        type_word = tab;
    if (!*rest || !type_word) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, rest),
                                 "expected \"actor NAME TYPE\" with TYPE one of state, official, institution");
        return NULL;
    }
    type_word++;
    RelgraphActorType type = relgraph_actor_type_from_name(type_word);
    if (!type) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, type_word),
                                 "unknown actor type \"%s\" (expected state, official or institution)",
                                 type_word);
        return NULL;
    }
    char *name = fold_blanks(rest, (gsize)(type_word - rest));

    gint existing = relgraph_dictionary_find(dict, name);
    if (existing >= 0) {
        const RelgraphActor *other = g_ptr_array_index(dict->actors, existing);
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                 relgraph_rulefile_col(line, rest),
                                 "actor \"%s\" is already defined at %s:%u", name, other->file,
                                 other->line);
        g_free(name);
        return NULL;
    }
    RelgraphActor *actor = g_new0(RelgraphActor, 1);
    actor->id = dict->actors->len;
    actor->name = name;
    actor->type = type;
    actor->member_of = g_ptr_array_new_with_free_func(g_free);
    actor->member_of_ids = g_array_new(FALSE, FALSE, sizeof(guint));
    actor->file = file;
    actor->line = line->line;
    g_ptr_array_add(dict->actors, actor);
    g_hash_table_insert(dict->by_name, actor->name, GUINT_TO_POINTER(actor->id + 1));
    add_alias(dict, scratch, actor->id, RELGRAPH_ALIAS_NAME, actor->name, strlen(actor->name),
              line_location(dict, file, line), file, line->line, relgraph_rulefile_col(line, rest),
              diagnostics);
    return actor;
}

static void parse_property_line(RelgraphDictionary *dict, Scratch *scratch, RelgraphActor *actor,
                                const RelgraphRuleLine *line, const char *file,
                                GPtrArray *diagnostics)
{
    const char *text = line->text;
    gsize klen = strcspn(text, " \t");
    const char *values = text + klen;
    while (*values == ' ' || *values == '\t')
        values++;

    gint kind = -1;
    for (guint i = 0; i < G_N_ELEMENTS(alias_keywords); i++)
        if (word_is(text, klen, alias_keywords[i].keyword))
            kind = (gint)alias_keywords[i].kind;
    gboolean member = word_is(text, klen, "member_of");
    if (kind < 0 && !member) {
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, line->col,
                                 "unknown keyword \"%.*s\" (expected alias, metonym, demonym, short or member_of)",
                                 (int)klen, text);
        return;
    }

    /* Items are read in place: a dictionary has thousands of them. */
    const char *cursor = values, *item;
    gsize len;
    const char *location = NULL; /* made for the first alias, shared by the others */
    while (relgraph_rulefile_next_item(&cursor, '|', &item, &len)) {
        guint col = relgraph_rulefile_col(line, item);
        if (len == 0) {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, col,
                                     "empty item in list");
            continue;
        }
        if (member) {
            /* Resolved in finish(), once every file is loaded. */
            MemberRef ref = {actor->id, actor->member_of->len, line->line, col};
            g_array_append_val(dict->member_refs, ref);
            g_ptr_array_add(actor->member_of, g_strndup(item, len));
        } else {
            if (!location)
                location = line_location(dict, file, line);
            add_alias(dict, scratch, actor->id, (RelgraphAliasKind)kind, item, len, location, file,
                      line->line, col, diagnostics);
        }
    }
}

gboolean relgraph_dictionary_load(RelgraphDictionary *dict, const char *path,
                                  GPtrArray *diagnostics, GError **error)
{
    const char *file = g_string_chunk_insert_const(dict->strings, path);
    GPtrArray *lines = relgraph_rulefile_read(file, error);
    if (!lines)
        return FALSE;
    Scratch scratch;
    scratch_init(&scratch);
    RelgraphActor *current = NULL;
    gboolean in_bad_actor = FALSE;
    for (guint i = 0; i < lines->len; i++) {
        const RelgraphRuleLine *line = g_ptr_array_index(lines, i);
        if (!line->indented) {
            if (g_str_has_prefix(line->text, "actor") &&
                (line->text[5] == ' ' || line->text[5] == '\t' || line->text[5] == '\0')) {
                current = parse_actor_line(dict, &scratch, line, file, diagnostics);
                in_bad_actor = current == NULL;
            } else {
                relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line,
                                         line->col,
                                         "expected \"actor NAME TYPE\" (property lines must be indented)");
                current = NULL;
                in_bad_actor = TRUE;
            }
        } else if (current) {
            parse_property_line(dict, &scratch, current, line, file, diagnostics);
        } else if (!in_bad_actor) {
            /* Lines under an actor that failed to parse were already
             * covered by that actor's error. */
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, file, line->line, line->col,
                                     "indented line outside of an actor entry");
        }
    }
    scratch_clear(&scratch);
    g_ptr_array_unref(lines);
    return TRUE;
}

static TrieNode *trie_child(const TrieNode *node, guint32 word)
{
    return relgraph_intmap_lookup(&node->children, word);
}

static TrieNode *trie_insert_path(RelgraphDictionary *dict, const AliasDef *def)
{
    TrieNode *node = dict->root;
    for (guint i = 0; i < def->n_words; i++) {
        guint32 w = def->words[i];
        TrieNode *child = trie_child(node, w);
        if (!child) {
            child = trie_node_new(dict);
            relgraph_intmap_insert(&node->children, w, child);
        }
        node = child;
    }
    return node;
}

static gboolean alias_is_shared(RelgraphAliasKind kind)
{
    /* Short names may be shared ("Li"); context picks the actor. */
    return kind == RELGRAPH_ALIAS_SHORT;
}

/* Finds, inside an alias's own words, a mention of one of the actor's
 * affiliations: "Chinese" in "Chinese Foreign Ministry". */
static gint alias_names_affiliation(const RelgraphDictionary *dict, const AliasDef *def)
{
    const RelgraphActor *actor = g_ptr_array_index(dict->actors, def->actor);
    if (actor->member_of_ids->len == 0)
        return -1;
    guint n = def->n_words;
    for (guint start = 0; start < n; start++) {
        const TrieNode *node = dict->root;
        for (guint j = start; j < n; j++) {
            node = trie_child(node, def->words[j]);
            if (!node)
                break;
            if (start == 0 && j + 1 == n)
                break; /* the whole alias is the actor itself */
            for (guint e = 0; node->entries && e < node->entries->len; e++) {
                const TrieEntry *entry = &g_array_index(node->entries, TrieEntry, e);
                if (alias_is_shared(entry->kind))
                    continue;
                for (guint m = 0; m < actor->member_of_ids->len; m++)
                    if (g_array_index(actor->member_of_ids, guint, m) == entry->actor)
                        return (gint)entry->actor;
            }
        }
    }
    return -1;
}

/* The screen of relgraph_dictionary_may_match. For ASCII text, the words
 * of a mention, read as runs of ASCII letters and digits, lower-cased, are
 * exactly the runs of its alias's normalised words ("U.S. envoy": u s envoy;
 * "O'Brien": o brien): normalisation only lower-cases ASCII, and what lies
 * between the words of a match is never a letter or digit. So a sentence in
 * which no alias's first run (one-run aliases) or first two consecutive runs
 * (the others) occur has no mention. Runs are keyed by FNV-1a. */
#define FNV_OFFSET G_GUINT64_CONSTANT(14695981039346656037)
#define FNV_PRIME G_GUINT64_CONSTANT(1099511628211)

static inline guint64 fnv_byte(guint64 h, guchar c)
{
    return (h ^ c) * FNV_PRIME;
}

/* Two runs in a row. */
static inline guint64 pair_hash(guint64 first, guint64 second)
{
    return (first * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) ^ second;
}

/* The table's key for a hash: never 0, which marks a free slot. */
static inline guint64 first_words_key(guint64 h)
{
    return h ? h : 1;
}

static gboolean first_words_contain(const FirstWords *fw, guint64 key)
{
    guint bit = (guint)key & fw->bits_mask;
    if (!(fw->bits[bit / 64] >> (bit % 64) & 1))
        return FALSE;
    for (guint i = (guint)key & fw->mask;; i = (i + 1) & fw->mask) {
        if (fw->slots[i] == key)
            return TRUE;
        if (!fw->slots[i])
            return FALSE;
    }
}

static void first_words_add(FirstWords *fw, guint64 key)
{
    guint bit = (guint)key & fw->bits_mask;
    fw->bits[bit / 64] |= G_GUINT64_CONSTANT(1) << (bit % 64);
    guint i = (guint)key & fw->mask;
    while (fw->slots[i] && fw->slots[i] != key)
        i = (i + 1) & fw->mask;
    fw->slots[i] = key;
}

/* The key of an alias: its words joined by spaces, ASCII only. */
static void first_words_add_alias(FirstWords *fw, const char *words)
{
    const guchar *w = (const guchar *)words;
    if (!g_ascii_isalnum(w[0])) {
        fw->always = TRUE; /* "'s", ",": not a run, cannot be screened */
        return;
    }
    guint64 first = FNV_OFFSET, second = FNV_OFFSET;
    while (g_ascii_isalnum(*w))
        first = fnv_byte(first, *w++ | 0x20);
    while (*w && !g_ascii_isalnum(*w))
        w++;
    if (!*w) {
        first_words_add(fw, first_words_key(first));
        return;
    }
    while (g_ascii_isalnum(*w))
        second = fnv_byte(second, *w++ | 0x20);
    first_words_add(fw, first_words_key(pair_hash(first, second)));
}

static void first_words_build(RelgraphDictionary *dict)
{
    FirstWords *fw = &dict->first_words;
    guint size = 16;
    while (size < 2 * dict->aliases->len)
        size *= 2;
    fw->slots = g_new0(guint64, size);
    fw->mask = size - 1;
    /* 16 bits a slot, 8 a key at least: a run that begins no alias passes
     * the bitmap once in 16 or more. */
    fw->bits = g_new0(guint64, size / 4);
    fw->bits_mask = size * 16 - 1;
    GString *words = g_string_new(NULL);
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        g_string_truncate(words, 0);
        gboolean ascii = TRUE;
        for (guint k = 0; k < def->n_words; k++) {
            const char *word = relgraph_lexicon_word(dict->lexicon, def->words[k]);
            g_string_append(words, word ? word : "");
            g_string_append_c(words, ' ');
        }
        for (gsize k = 0; k < words->len; k++)
            ascii = ascii && (guchar)words->str[k] < 0x80;
        /* Normalised ASCII text is ASCII: only text with other characters,
         * which the scan never screens out, can match such an alias. */
        if (ascii)
            first_words_add_alias(fw, words->str);
    }
    g_string_free(words, TRUE);
}

/* Non-ASCII characters that never belong to a word and that news text is
 * full of: curly quotes and apostrophes, dashes, the ellipsis, the no-break
 * space. An apostrophe inside a word ("O’Brien") splits runs just as "'"
 * does. Returns the bytes to skip, or 0 for any other character, which the
 * scan takes as a possible word. */
static guint skippable_non_ascii(const guchar *p, const guchar *end)
{
    if (p[0] == 0xC2 && p + 1 < end && p[1] == 0xA0)
        return 2; /* U+00A0 */
    if (p[0] == 0xE2 && p + 2 < end && p[1] == 0x80) {
        switch (p[2]) {
        case 0x93: case 0x94: /* U+2013, U+2014 dashes */
        case 0x98: case 0x99: /* U+2018, U+2019 */
        case 0x9C: case 0x9D: /* U+201C, U+201D */
        case 0xA6:            /* U+2026 ellipsis */
            return 3;
        default:
            break;
        }
    }
    return 0;
}

/* Each ASCII letter and digit lower-cased (the byte a run hashes); 0 for
 * every other byte, from 0x80 on too. One lookup both ends a run and folds
 * the case of the next byte. */
static const guchar run_byte[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
    ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

gboolean relgraph_dictionary_may_match(const RelgraphDictionary *dict, const char *text, gsize len)
{
    const FirstWords *fw = &dict->first_words;
    if (fw->always || !fw->slots)
        return TRUE;
    const guchar *p = (const guchar *)text, *end = p + len;
    guint64 previous = 0; /* hash of the run before */
    gboolean after_run = FALSE;
    while (p < end) {
        guchar c = *p;
        if (c >= 0x80) {
            guint skip = skippable_non_ascii(p, end);
            if (!skip)
                return TRUE;
            p += skip;
            continue;
        }
        guchar folded = run_byte[c];
        if (!folded) {
            p++;
            continue;
        }
        guint64 run = FNV_OFFSET;
        do {
            run = fnv_byte(run, folded);
            p++;
        } while (p < end && (folded = run_byte[*p]) != 0);
        if (first_words_contain(fw, first_words_key(run)) ||
            (after_run && first_words_contain(fw, first_words_key(pair_hash(previous, run)))))
            return TRUE;
        previous = run;
        after_run = TRUE;
    }
    return FALSE;
}

void relgraph_dictionary_finish(RelgraphDictionary *dict, GPtrArray *diagnostics)
{
    /* member_of: names -> ids. */
    for (guint i = 0; i < dict->member_refs->len; i++) {
        const MemberRef *ref = &g_array_index(dict->member_refs, MemberRef, i);
        RelgraphActor *actor = g_ptr_array_index(dict->actors, ref->actor);
        const char *name = g_ptr_array_index(actor->member_of, ref->index);
        gint id = relgraph_dictionary_find(dict, name);
        if (id < 0) {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, actor->file, ref->line,
                                     ref->col, "member_of names unknown actor \"%s\"", name);
        } else if ((guint)id == actor->id) {
            relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, actor->file, ref->line,
                                     ref->col, "actor \"%s\" cannot be a member of itself", name);
        } else {
            guint uid = (guint)id;
            g_array_append_val(actor->member_of_ids, uid);
        }
    }

    /* The trie; an alias that means two actors is ambiguous. */
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        TrieNode *node = trie_insert_path(dict, def);
        if (!node->entries)
            node->entries = g_array_new(FALSE, FALSE, sizeof(TrieEntry));
        gboolean duplicate = FALSE;
        for (guint e = 0; e < node->entries->len; e++) {
            const TrieEntry *other = &g_array_index(node->entries, TrieEntry, e);
            if (alias_is_shared(def->kind) && alias_is_shared(other->kind)) {
                duplicate = other->actor == def->actor;
                continue;
            }
            if (alias_is_shared(def->kind) != alias_is_shared(other->kind))
                continue; /* a full alias shadows a short name; both may exist */
            const RelgraphActor *a = g_ptr_array_index(dict->actors, other->actor);
            if (other->actor == def->actor) {
                duplicate = TRUE;
            } else {
                relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_ERROR, def->file, def->line,
                                         def->col,
                                         "alias \"%s\" is ambiguous: it also names \"%s\" (%s:%u:%u)",
                                         def->text, a->name, other->def->file, other->def->line,
                                         other->def->col);
                duplicate = TRUE;
            }
            break;
        }
        if (duplicate)
            continue;
        TrieEntry entry = {def->actor, def->kind, def->upper_mask, -1, def};
        g_array_append_val(node->entries, entry);
    }

    /* Aliases that name the actor's own affiliation, now that the trie is whole. */
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        if (def->kind != RELGRAPH_ALIAS_NAME)
            continue;
        gint affiliation = alias_names_affiliation(dict, def);
        if (affiliation < 0)
            continue;
        TrieNode *node = trie_insert_path(dict, def);
        for (guint e = 0; e < node->entries->len; e++) {
            TrieEntry *entry = &g_array_index(node->entries, TrieEntry, e);
            if (entry->def == def)
                entry->affiliation = affiliation;
        }
    }
    first_words_build(dict);

    /* Each actor's first demonym: discovery names institutions with it. */
    if (!dict->demonyms)
        dict->demonyms = g_ptr_array_new();
    g_ptr_array_set_size(dict->demonyms, (gint)dict->actors->len);
    for (guint i = 0; i < dict->actors->len; i++)
        g_ptr_array_index(dict->demonyms, i) = NULL;
    for (guint i = dict->aliases->len; i-- > 0;) {
        const AliasDef *def = g_ptr_array_index(dict->aliases, i);
        if (def->kind == RELGRAPH_ALIAS_DEMONYM && def->actor < dict->actors->len)
            g_ptr_array_index(dict->demonyms, def->actor) = (gpointer)def->text;
    }
}

static gboolean case_matches(const TrieEntry *entry, const RelgraphToken *tokens, guint n)
{
    for (guint i = 0; i < n && i < 32; i++)
        if ((entry->upper_mask & (1u << i)) && !(tokens[i].flags & RELGRAPH_TOKEN_UPPER))
            return FALSE;
    if (entry->kind == RELGRAPH_ALIAS_SHORT && !(tokens[0].flags & RELGRAPH_TOKEN_CAPITALIZED))
        return FALSE;
    return TRUE;
}

/* The entry a match of tokens[0, n) ending at node stands for: a full
 * alias, else the one short name whose actor was already named. */
static const TrieEntry *usable_entry(const TrieNode *node, const RelgraphToken *tokens, guint n,
                                     GHashTable *named)
{
    if (!node->entries)
        return NULL;
    const TrieEntry *shortname = NULL;
    guint candidates = 0;
    for (guint e = 0; e < node->entries->len; e++) {
        const TrieEntry *entry = &g_array_index(node->entries, TrieEntry, e);
        if (!case_matches(entry, tokens, n))
            continue;
        if (!alias_is_shared(entry->kind))
            return entry;
        if (named && g_hash_table_contains(named, GUINT_TO_POINTER(entry->actor + 1))) {
            shortname = entry;
            candidates++;
        }
    }
    return candidates == 1 ? shortname : NULL;
}

void relgraph_dictionary_match(const RelgraphDictionary *dict, const RelgraphToken *tokens,
                               guint n_tokens, GHashTable *named, GArray *mentions)
{
    guint i = 0;
    while (i < n_tokens) {
        const TrieNode *node = dict->root;
        const TrieEntry *best = NULL;
        guint best_len = 0;
        for (guint j = i; j < n_tokens && tokens[j].word; j++) {
            node = trie_child(node, tokens[j].word);
            if (!node)
                break;
            const TrieEntry *entry = usable_entry(node, tokens + i, j - i + 1, named);
            if (entry) {
                best = entry;
                best_len = j - i + 1;
            }
        }
        if (!best) {
            i++;
            continue;
        }
        RelgraphMention m = {best->actor, -1, relgraph_dictionary_actor(dict, best->actor)->type, i,
                             i + best_len, best->kind, best->affiliation, best->def->location};
        g_array_append_val(mentions, m);
        if (named && best->kind == RELGRAPH_ALIAS_NAME) {
            /* Naming someone in full also brings their own institutions into
             * the document: "Mao Ning, the Foreign Ministry spokeswoman". */
            g_hash_table_add(named, GUINT_TO_POINTER(best->actor + 1));
            const RelgraphActor *a = relgraph_dictionary_actor(dict, best->actor);
            for (guint k = 0; k < a->member_of_ids->len; k++)
                g_hash_table_add(named, GUINT_TO_POINTER(g_array_index(a->member_of_ids, guint, k) + 1));
        }
        i += best_len;
    }
}

static gint compare_mentions(gconstpointer a, gconstpointer b)
{
    const RelgraphMention *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

void relgraph_mentions_replace(GArray *mentions, const GArray *added, const GArray *removed, GArray *scratch)
{
    if (!added->len && !removed->len)
        return;
    g_array_set_size(scratch, 0);
    for (guint i = 0; i < mentions->len; i++) {
        gboolean taken = FALSE;
        for (guint k = 0; k < removed->len && !taken; k++)
            taken = g_array_index(removed, guint, k) == i;
        if (!taken)
            g_array_append_val(scratch, g_array_index(mentions, RelgraphMention, i));
    }
    g_array_append_vals(scratch, added->data, added->len);
    g_array_sort(scratch, compare_mentions);
    g_array_set_size(mentions, 0);
    g_array_append_vals(mentions, scratch->data, scratch->len);
}
