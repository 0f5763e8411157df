/* relgraph — lint: every problem of a rules directory, errors and warnings.
 *
 * Lint loads the rules leniently (every file, past every error) and then
 * checks what was loaded for problems that parse fine but make rules wrong
 * or useless:
 *
 *   errors    everything the loader reports (syntax, unknown actor type,
 *             unknown relation, unknown macro, the same alias on two
 *             actors, ...); a slot type constraint no actor satisfies; a
 *             member_of chain that loops;
 *   warnings  a relation without patterns; a macro never used; a pattern
 *             that is a duplicate of an earlier one; a pattern whose every
 *             match is hedged (a required hedge word, so it never yields a
 *             fact); a short name that is also another actor's full alias
 *             (the full alias always wins, so the short name is dead).
 *
 * Every diagnostic reads "file:line:col: error|warning: message"; they are
 * sorted by file, line and column.
 *
 * Ownership: diagnostics are appended to the caller's list (see
 * rulefile.h).
 */
#ifndef RELGRAPH_LINT_H
#define RELGRAPH_LINT_H

#include <glib.h>

G_BEGIN_DECLS

/* Lints the rules under dir. Appends every diagnostic to diagnostics,
 * sorted; *n_files gets the number of rule files read. Returns FALSE (error
 * set) only when the rules cannot be read at all. */
gboolean relgraph_lint(const char *dir, GPtrArray *diagnostics, guint *n_files, GError **error);

G_END_DECLS

#endif
