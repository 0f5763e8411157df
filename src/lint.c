/* Lint: the loader's diagnostics plus each module's checks on what it
 * compiled (relations_lint.c, actors_lint.c), sorted by place. */
#include "relgraph/lint.h"

#include <string.h>

#include "relgraph/rulefile.h"
#include "relgraph/rules.h"

/* ---- driver --------------------------------------------------------------- */

/* By file, line, column, then text. */
static gint compare_diags(gconstpointer a, gconstpointer b)
{
    const RelgraphDiagnostic *x = *(const RelgraphDiagnostic *const *)a, *y = *(const RelgraphDiagnostic *const *)b;
    int c = strcmp(x->path, y->path);
    if (!c)
        c = x->line != y->line ? (x->line < y->line ? -1 : 1)
            : x->col != y->col ? (x->col < y->col ? -1 : 1)
                               : strcmp(x->message, y->message);
    return c;
}

gboolean relgraph_lint(const char *dir, GPtrArray *diagnostics, guint *n_files, GError **error)
{
    g_return_val_if_fail(dir && diagnostics, FALSE);
    GPtrArray *found = relgraph_diagnostics_new();
    RelgraphRules *rules = relgraph_rules_load_all(dir, found, error);
    if (!rules) {
        g_ptr_array_unref(found);
        return FALSE;
    }
    if (n_files)
        *n_files = rules->files->len;
    relgraph_relations_lint(rules->relations, rules->dictionary, found);
    relgraph_dictionary_lint(rules->dictionary, found);
    g_ptr_array_sort(found, compare_diags);
    /* Move them over: the caller's list owns them from here. */
    for (guint i = 0; i < found->len; i++)
        g_ptr_array_add(diagnostics, g_ptr_array_index(found, i));
    g_ptr_array_set_free_func(found, NULL);
    g_ptr_array_unref(found);
    relgraph_rules_free(rules);
    return TRUE;
}
