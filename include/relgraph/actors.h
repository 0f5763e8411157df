/* relgraph — actor dictionaries: parsing *.actors files and finding actor
 * mentions in tokens.
 *
 * Every alias, metonym, demonym and short name is tokenised like the text
 * and compiled into one token trie over lexicon ids, so that all actors are
 * found in a single left-to-right pass (longest match wins) whatever the
 * size of the dictionary. The file format is documented in rules/README.md.
 *
 * Ownership: the dictionary owns its actors; mentions are plain values.
 * The dictionary borrows the lexicon, which must outlive it.
 */
#ifndef RELGRAPH_ACTORS_H
#define RELGRAPH_ACTORS_H

#include <glib.h>

#include "relgraph/common.h"
#include "relgraph/lexicon.h"
#include "relgraph/text.h"

G_BEGIN_DECLS

typedef struct {
    guint id;               /* index in the dictionary, from 0 */
    char *name;             /* canonical name */
    RelgraphActorType type;
    GPtrArray *member_of;   /* char* canonical names, in file order */
    GArray *member_of_ids;  /* guint actor ids, same order (after finish) */
    const char *file;       /* where the actor is defined (NULL: discovered) */
    guint line;
    gboolean discovered;    /* found in the text by its title, not in the rules (discover.h) */
} RelgraphActor;

typedef enum {
    RELGRAPH_ALIAS_NAME,     /* the canonical name or an alias */
    RELGRAPH_ALIAS_METONYM,
    RELGRAPH_ALIAS_DEMONYM,
    RELGRAPH_ALIAS_SHORT,
    RELGRAPH_ALIAS_DISCOVERED, /* a titled person or institution not in the rules (discover.h) */
    RELGRAPH_ALIAS_REFERENCE,  /* a pronoun or description standing for an actor (reference.h) */
} RelgraphAliasKind;

typedef struct {
    guint actor;             /* actor id (ids past the dictionary's are a document's
                                discovered actors, see discover.h) */
    gint also;               /* a second actor the mention stands for ("the two
                                leaders"), or -1 */
    RelgraphActorType type;  /* the actor's type */
    guint first;             /* first token of the mention */
    guint last;              /* one past the last token */
    RelgraphAliasKind kind;
    gint affiliation;        /* actor id the alias itself names as affiliation
                                ("Chinese" in "Chinese Foreign Ministry"), or -1 */
    const char *location;    /* "file:line" where the alias is defined */
} RelgraphMention;

typedef struct RelgraphDictionary RelgraphDictionary;

RelgraphDictionary *relgraph_dictionary_new(RelgraphLexicon *lexicon);
void relgraph_dictionary_free(RelgraphDictionary *dict);

/* Parses one *.actors file into the dictionary. Problems go to diagnostics
 * (see rulefile.h); returns FALSE only when the file cannot be read. */
gboolean relgraph_dictionary_load(RelgraphDictionary *dict, const char *path,
                                  GPtrArray *diagnostics, GError **error);

/* Resolves member_of names, checks aliases for conflicts and builds the
 * trie. Call once after the last load; problems go to diagnostics. */
void relgraph_dictionary_finish(RelgraphDictionary *dict, GPtrArray *diagnostics);

/* Lint's checks on a finished dictionary, beyond what loading reports:
 * short names another actor's alias always wins over (warnings), member_of
 * cycles (errors). Appended to diagnostics. */
void relgraph_dictionary_lint(const RelgraphDictionary *dict, GPtrArray *diagnostics);

/* Alias locations leave out this leading part of the file path (see
 * relgraph_relations_set_location_prefix). */
void relgraph_dictionary_set_location_prefix(RelgraphDictionary *dict, const char *prefix);

guint relgraph_dictionary_size(const RelgraphDictionary *dict);
const RelgraphActor *relgraph_dictionary_actor(const RelgraphDictionary *dict, guint id);
/* Actor id by canonical name, -1 when unknown. */
gint relgraph_dictionary_find(const RelgraphDictionary *dict, const char *name);
/* The state an actor is or belongs to (nearest along member_of, first
 * listed first), -1 when none: what --roll-up folds it into. */
gint relgraph_dictionary_state_of(const RelgraphDictionary *dict, guint actor);
/* The first demonym of an actor as written in the rules ("Russian"), or
 * NULL when it has none. */
const char *relgraph_dictionary_demonym(const RelgraphDictionary *dict, guint actor);
/* TRUE when actor (or one of its affiliations, transitively) is `ancestor`. */
gboolean relgraph_dictionary_belongs_to(const RelgraphDictionary *dict, guint actor, guint ancestor);

/* FALSE when text[0, len) (valid UTF-8) certainly holds no mention: no
 * word in it can begin an alias. A quick byte scan that lets extraction skip
 * tokenising most sentences without an actor; TRUE means "tokenise and
 * look". Available after relgraph_dictionary_finish. */
gboolean relgraph_dictionary_may_match(const RelgraphDictionary *dict, const char *text, gsize len);

/* Finds the mentions in tokens (whose word ids are assigned) and appends
 * RelgraphMention values to mentions, in order. named is the set of actor
 * ids (GUINT_TO_POINTER(id + 1)) named in full so far in the document:
 * short names resolve against it, and full names add to it. */
void relgraph_dictionary_match(const RelgraphDictionary *dict, const RelgraphToken *tokens,
                               guint n_tokens, GHashTable *named, GArray *mentions);

/* Puts the mentions of added (RelgraphMention) into mentions, in token
 * order, leaving out those whose indexes removed (guint) lists: discovery
 * and references replace some mentions of a sentence and add others.
 * scratch is memory the caller keeps between calls. */
void relgraph_mentions_replace(GArray *mentions, const GArray *added, const GArray *removed, GArray *scratch);

G_END_DECLS

#endif
