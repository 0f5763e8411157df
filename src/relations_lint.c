/* Relation rules: lint's checks on the compiled patterns (relgraph_lint
 * runs them after loading): slots no actor can fill, patterns every match
 * of which is hedged, duplicates, unused macros, @title alternatives that
 * discovery cannot read. */
#include <string.h>

#include "relations_internal.h"

#define ERROR RELGRAPH_DIAG_ERROR
#define WARNING RELGRAPH_DIAG_WARNING

/* ---- slot constraints ------------------------------------------------- */

static const char *role_name(SlotRole role)
{
    switch (role) {
    case ROLE_SOURCE: return "src";
    case ROLE_TARGET: return "dst";
    case ROLE_PAIR: return "pair";
    case ROLE_ANY: return "any";
    }
    return "?";
}

/* Column of the n-th "{role" of a pattern, else of the pattern. */
static guint slot_col(const RelgraphPattern *p, const char *role, guint nth)
{
    char *needle = g_strconcat("{", role, NULL);
    const char *at = p->text;
    for (guint i = 0; at && i <= nth; i++) {
        at = strstr(at, needle);
        if (at && i < nth)
            at++;
    }
    g_free(needle);
    return at ? p->col + (guint)(at - p->text) : p->col;
}

static void check_slots(RelgraphActorType available, const RelgraphPattern *p, GPtrArray *diags)
{
    guint seen[4] = {0, 0, 0, 0};
    for (guint i = 0; i < p->elems->len; i++) {
        const Elem *e = g_ptr_array_index(p->elems, i);
        if (e->kind != ELEM_SLOT)
            continue;
        guint nth = seen[e->role]++;
        if (e->negated || (e->types & available))
            continue;
        char *types = g_strdup(relgraph_actor_type_name(e->types));
        if (!types) {
            GString *list = g_string_new(NULL);
            for (RelgraphActorType t = RELGRAPH_ACTOR_STATE; t <= RELGRAPH_ACTOR_INSTITUTION; t <<= 1)
                if (e->types & t)
                    g_string_append_printf(list, "%s%s", list->len ? "|" : "", relgraph_actor_type_name(t));
            types = g_string_free(list, FALSE);
        }
        relgraph_diagnostics_add(diags, ERROR, p->file, p->line, slot_col(p, role_name(e->role), nth),
                                 "{%s:%s} can never be filled: no actor in the dictionaries has that type; "
                                 "the pattern can never match",
                                 role_name(e->role), types);
        g_free(types);
    }
}

/* ---- hedges, duplicates, unused macros -------------------------------- */

static gboolean word_is_hedge(const RelgraphRelationSet *set, const Elem *e)
{
    if (e->kind == ELEM_WORD)
        return relgraph_intmap_contains(&set->hedges, e->word);
    if (e->kind == ELEM_PREFIX)
        for (guint i = 0; i < set->hedge_prefixes->len; i++)
            if (g_str_has_prefix(e->prefix, g_ptr_array_index(set->hedge_prefixes, i)))
                return TRUE;
    return FALSE;
}

/* A required literal that is a hedge word: every match is hedged, so the
 * pattern never yields a fact under the default --hedged=drop. */
static void check_hedged(const RelgraphRelationSet *set, const RelgraphPattern *p, GPtrArray *diags)
{
    for (guint i = 0; i < p->elems->len; i++) {
        const Elem *e = g_ptr_array_index(p->elems, i);
        if (word_is_hedge(set, e)) {
            relgraph_diagnostics_add(diags, WARNING, p->file, p->line, p->col,
                                     "the pattern requires the hedge word \"%s\": every match is hedged and "
                                     "dropped by default (--hedged=drop)",
                                     e->kind == ELEM_WORD ? relgraph_lexicon_word(set->lexicon, e->word) : e->prefix);
            return;
        }
    }
}

static void mark_macros(const GPtrArray *seq, GHashTable *used);

static void mark_elem(const Elem *e, GHashTable *used)
{
    if (e->kind == ELEM_MACRO && !g_hash_table_contains(used, e->macro)) {
        g_hash_table_add(used, (gpointer)e->macro);
        mark_elem(e->macro, used);
    }
    if (e->alternatives)
        for (guint i = 0; i < e->alternatives->len; i++)
            mark_macros(g_ptr_array_index(e->alternatives, i), used);
}

static void mark_macros(const GPtrArray *seq, GHashTable *used)
{
    for (guint i = 0; i < seq->len; i++)
        mark_elem(g_ptr_array_index(seq, i), used);
}

static gint compare_macros(gconstpointer a, gconstpointer b)
{
    const Macro *x = *(const Macro *const *)a, *y = *(const Macro *const *)b;
    int c = strcmp(x->file, y->file);
    return c ? c : (x->line < y->line ? -1 : x->line > y->line);
}

/* Discovery and descriptions read @title word by word (discover.c): an
 * alternative with anything but words and word prefixes only works before
 * a slot. */
static void check_title(const Macro *title, GPtrArray *diags)
{
    for (guint a = 0; a < title->choice->alternatives->len; a++) {
        const GPtrArray *seq = g_ptr_array_index(title->choice->alternatives, a);
        for (guint i = 0; i < seq->len; i++) {
            const Elem *e = g_ptr_array_index(seq, i);
            if (e->kind != ELEM_WORD && e->kind != ELEM_PREFIX) {
                relgraph_diagnostics_add(diags, WARNING, title->file, title->line, title->col,
                                         "alternative %u of @title is not plain words: it titles a slot's actor, "
                                         "but discovery and descriptions (\"the minister\") skip it",
                                         a + 1);
                break;
            }
        }
    }
}

void relgraph_relations_lint(const RelgraphRelationSet *set, const RelgraphDictionary *dict, GPtrArray *diags)
{
    /* A slot no actor of the dictionaries can fill. */
    RelgraphActorType available = 0;
    for (guint i = 0; i < relgraph_dictionary_size(dict); i++)
        available |= relgraph_dictionary_actor(dict, i)->type;
    GHashTable *used = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint r = 0; r < set->relations->len; r++) {
        const RelgraphRelation *rel = g_ptr_array_index(set->relations, r);
        if (rel->patterns->len == 0)
            relgraph_diagnostics_add(diags, WARNING, rel->file, rel->line, 1,
                                     "relation \"%s\" has no patterns: it can never be found", rel->name);
        GHashTable *texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < rel->patterns->len; i++) {
            const RelgraphPattern *p = g_ptr_array_index(rel->patterns, i);
            check_slots(available, p, diags);
            check_hedged(set, p, diags);
            mark_macros(p->elems, used);
            /* The same pattern twice, whitespace aside. */
            char **words = g_strsplit_set(p->text, " \t", -1);
            GString *key = g_string_new(NULL);
            for (char **w = words; *w; w++)
                if (**w)
                    g_string_append_printf(key, "%s ", *w);
            g_strfreev(words);
            const RelgraphPattern *first = g_hash_table_lookup(texts, key->str);
            if (first)
                relgraph_diagnostics_add(diags, WARNING, p->file, p->line, p->col,
                                         "duplicate pattern (the same as %s:%u)", first->file, first->line);
            else
                g_hash_table_insert(texts, g_strdup(key->str), (gpointer)p);
            g_string_free(key, TRUE);
        }
        g_hash_table_destroy(texts);
    }
    GPtrArray *macros = g_ptr_array_new();
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, set->macros);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_ptr_array_add(macros, value);
    g_ptr_array_sort(macros, compare_macros);
    for (guint i = 0; i < macros->len; i++) {
        const Macro *m = g_ptr_array_index(macros, i);
        /* @title is used by the matcher itself, to skip titles before slots. */
        if (!g_hash_table_contains(used, m->choice) && strcmp(m->name, "title") != 0)
            relgraph_diagnostics_add(diags, WARNING, m->file, m->line, m->col, "macro \"@%s\" is never used", m->name);
        if (strcmp(m->name, "title") == 0)
            check_title(m, diags);
    }
    g_ptr_array_unref(macros);
    g_hash_table_destroy(used);
}
