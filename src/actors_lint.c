/* Actor dictionaries: lint's checks on a loaded dictionary (relgraph_lint
 * runs them after loading): short names that another actor's alias always
 * wins over, and member_of cycles. */
#include <string.h>

#include "actors_internal.h"
#include "relgraph/rulefile.h"

#define ERROR RELGRAPH_DIAG_ERROR
#define WARNING RELGRAPH_DIAG_WARNING

static gboolean same_words(const AliasDef *a, const AliasDef *b)
{
    return a->n_words == b->n_words && memcmp(a->words, b->words, a->n_words * sizeof(guint32)) == 0;
}

static void check_aliases(const RelgraphDictionary *dict, GPtrArray *diags)
{
    for (guint i = 0; i < dict->aliases->len; i++) {
        const AliasDef *d = g_ptr_array_index(dict->aliases, i);
        if (d->kind == RELGRAPH_ALIAS_SHORT) {
            for (guint j = 0; j < dict->aliases->len; j++) {
                const AliasDef *o = g_ptr_array_index(dict->aliases, j);
                if (o->kind != RELGRAPH_ALIAS_SHORT && o->actor != d->actor && same_words(d, o)) {
                    relgraph_diagnostics_add(diags, WARNING, d->file, d->line, d->col,
                                             "short name \"%s\" of %s is also an alias of %s (%s:%u), which always "
                                             "wins: the short name never matches",
                                             d->text, relgraph_dictionary_actor(dict, d->actor)->name,
                                             relgraph_dictionary_actor(dict, o->actor)->name, o->file, o->line);
                    break;
                }
            }
        }
    }
}

/* member_of loops: an actor that belongs to itself through others. */
static void check_member_cycles(const RelgraphDictionary *dict, GPtrArray *diags)
{
    guint n = relgraph_dictionary_size(dict);
    guint8 *state = g_new0(guint8, n); /* 0 new, 1 on the path, 2 done */
    guint *stack = g_new(guint, n + 1), *next = g_new(guint, n + 1);
    for (guint start = 0; start < n; start++) {
        if (state[start])
            continue;
        guint depth = 0;
        stack[depth] = start;
        next[depth] = 0;
        state[start] = 1;
        while (TRUE) {
            const RelgraphActor *a = relgraph_dictionary_actor(dict, stack[depth]);
            if (next[depth] < a->member_of_ids->len) {
                guint up = g_array_index(a->member_of_ids, guint, next[depth]++);
                if (state[up] == 1) {
                    const RelgraphActor *u = relgraph_dictionary_actor(dict, up);
                    relgraph_diagnostics_add(diags, ERROR, a->file, a->line, 1,
                                             "member_of loop: %s belongs to %s, which belongs back to %s", a->name,
                                             u->name, a->name);
                } else if (state[up] == 0) {
                    state[up] = 1;
                    stack[++depth] = up;
                    next[depth] = 0;
                }
            } else {
                state[stack[depth]] = 2;
                if (depth == 0)
                    break;
                depth--;
            }
        }
    }
    g_free(state);
    g_free(stack);
    g_free(next);
}

void relgraph_dictionary_lint(const RelgraphDictionary *dict, GPtrArray *diags)
{
    check_aliases(dict, diags);
    check_member_cycles(dict, diags);
}
