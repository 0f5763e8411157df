/* Relation rules: the rule set and its *.rules files (line by line; the
 * patterns are compiled in relations_compile.c, indexed in
 * relations_index.c and matched in relations_match.c). */
#include "relgraph/relations.h"

#include <stdlib.h>
#include <string.h>

#include "relgraph/rulefile.h"
#include "relations_internal.h"

GPtrArray *relgraph_seq_new(void)
{
    return g_ptr_array_new_with_free_func(relgraph_elem_free);
}

Elem *relgraph_elem_new(RelgraphRelationSet *set)
{
    return relgraph_arena_alloc0(&set->elems, sizeof(Elem));
}

void relgraph_elem_free(gpointer p)
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
    if (e->first)
        g_array_unref(e->first);
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
    relgraph_elem_free(m->choice);
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
        [W_IF] = "if", [W_UNLESS] = "unless",
    };
    for (guint i = 0; i < W_COUNT; i++)
        set->words[i] = relgraph_lexicon_intern(lexicon, words[i]);
    for (guint i = 0; i < G_N_ELEMENTS(common_words); i++)
        relgraph_intmap_insert(&set->common, relgraph_lexicon_intern(lexicon, common_words[i]),
                               RELGRAPH_INTMAP_MEMBER);
    set->untriggered = g_array_new(FALSE, FALSE, sizeof(guint));
    set->by_word = g_array_new(FALSE, TRUE, sizeof(WordPatterns));
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
    for (guint i = 0; i < set->by_word->len; i++) {
        WordPatterns *w = &g_array_index(set->by_word, WordPatterns, i);
        if (w->triggers)
            g_array_unref(w->triggers);
        if (w->sets)
            g_array_unref(w->sets);
    }
    g_array_unref(set->by_word);
    g_array_unref(set->untriggered);
    relgraph_intmap_destroy(&set->common, NULL);
    g_hash_table_destroy(set->word_sets);
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
    relgraph_scratch_init(&scratch);
    RelgraphRelation *current = NULL;
    gboolean in_bad_relation = FALSE;
    for (guint i = 0; i < lines->len; i++) {
        const RelgraphRuleLine *line = g_ptr_array_index(lines, i);
        if (line->indented) {
            if (current)
                relgraph_pattern_compile(set, &scratch, current, line, diagnostics);
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
            relgraph_macro_compile(set, &scratch, line, diagnostics);
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
    relgraph_scratch_clear(&scratch);
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

