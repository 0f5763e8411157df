/* Relation rules: the pattern compiler, from the text of a pattern or a
 * "define" line to its elements (relations_internal.h). */
#include <string.h>

#include "relgraph/rulefile.h"
#include "relations_internal.h"


void relgraph_scratch_init(Scratch *scratch)
{
    scratch->tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    scratch->norms = g_string_chunk_new(4096);
    /* Room from the start: the word sets are taken as guint32 pointers
     * into it, which an array without storage would make NULL. */
    scratch->words = g_array_sized_new(FALSE, FALSE, sizeof(guint32), 256);
}

void relgraph_scratch_clear(Scratch *scratch)
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
        Elem *e = relgraph_elem_new(ps->set);
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
    Elem *e = relgraph_elem_new(ps->set);
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
        GPtrArray *words = relgraph_seq_new();
        compile_word(ps, start, ps->p, words);
        e = relgraph_elem_new(ps->set);
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
    GPtrArray *seq = relgraph_seq_new();
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
                relgraph_elem_free(e);
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
            Elem *e = relgraph_elem_new(ps->set);
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
                Elem *e = relgraph_elem_new(ps->set);
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
    Elem *e = relgraph_elem_new(ps->set);
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

void relgraph_pattern_compile(RelgraphRelationSet *set, Scratch *scratch, RelgraphRelation *relation,
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
    relgraph_pattern_index(set, scratch, pattern);
    guint64 ways = relgraph_seq_ways(seq, 0, TRUE);
    if (ways > MATCH_STEP_LIMIT)
        relgraph_diagnostics_add(diagnostics, RELGRAPH_DIAG_WARNING, line->path, line->line, line->col,
                                 "its gaps can be placed in %" G_GUINT64_FORMAT " ways, more than the "
                                 G_STRINGIFY(MATCH_STEP_LIMIT) " search steps a pattern gets at one word: "
                                 "it will give up on long sentences (shorten or drop gaps)",
                                 ways);
}


void relgraph_macro_compile(RelgraphRelationSet *set, Scratch *scratch, const RelgraphRuleLine *line,
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
        relgraph_elem_free(choice);
        g_free(name);
        return;
    }
    relgraph_index_choices(choice, scratch->words);
    Macro *m = g_new0(Macro, 1);
    m->name = name;
    m->choice = choice;
    m->file = line->path;
    m->line = line->line;
    m->col = relgraph_rulefile_col(line, name_start);
    m->required = relgraph_macro_required(set, choice, scratch->words);
    g_hash_table_insert(set->macros, m->name, m);
    g_hash_table_insert(set->macro_of_choice, choice, m);
}
