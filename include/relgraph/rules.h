/* relgraph — a complete rule set: the lexicon, the actor dictionary and
 * the relation rules of one rules directory.
 *
 * Ownership: relgraph_rules_load returns a new rule set; caller frees with
 * relgraph_rules_free. The parts are borrowed from it.
 */
#ifndef RELGRAPH_RULES_H
#define RELGRAPH_RULES_H

#include <glib.h>

#include "relgraph/actors.h"
#include "relgraph/lexicon.h"
#include "relgraph/relations.h"

G_BEGIN_DECLS

typedef struct {
    RelgraphLexicon *lexicon;
    RelgraphDictionary *dictionary;
    RelgraphRelationSet *relations;
    GPtrArray *files;        /* char*: every rule file read, sorted */
    GPtrArray *contents;     /* GBytes*: each file's bytes as compiled (empty when it was not read) */
    char *location_prefix;   /* left out of a file's path in rule locations (rulefile.h) */
} RelgraphRules;

/* The rules directory used when none is given: $RELGRAPH_RULES when set,
 * else the one given to relgraph_rules_set_default_dir, else the rules
 * installed with the library (DATADIR/relgraph/rules; pkg-config's
 * rulesdir). Borrowed: valid until the next set_default_dir. */
const char *relgraph_rules_default_dir(void);
/* Makes dir (copied; NULL: back to the installed rules) the default
 * rules directory of this process; $RELGRAPH_RULES still wins. */
void relgraph_rules_set_default_dir(const char *dir);

/* Loads every *.actors file, then every *.rules file, under dir
 * (recursively, sorted by path); dir may also be a single file. Every
 * problem is appended to diagnostics (which may be NULL); returns NULL with
 * error set when there is at least one error. */
RelgraphRules *relgraph_rules_load(const char *dir, GPtrArray *diagnostics, GError **error);
/* Loads like relgraph_rules_load but keeps going past rule errors: every
 * problem goes to diagnostics (required) and the rules are returned as far
 * as they could be read. NULL only when a file or directory cannot be
 * read. For lint, which checks what was loaded. */
RelgraphRules *relgraph_rules_load_all(const char *dir, GPtrArray *diagnostics, GError **error);
void relgraph_rules_free(RelgraphRules *rules);

G_END_DECLS

#endif
