/* relgraph — finding the actor a person means by a name they typed
 * (--focus, explain): any of its names, in any case, and the nearest
 * canonical names when none fits.
 *
 * Ownership: names put into suggestions are borrowed from the dictionary.
 */
#ifndef RELGRAPH_ACTOR_LOOKUP_H
#define RELGRAPH_ACTOR_LOOKUP_H

#include <glib.h>

#include "relgraph/actors.h"

G_BEGIN_DECLS

/* At most this many suggestions. */
#define RELGRAPH_ACTOR_SUGGESTIONS 5

/* The id of the actor that name (valid UTF-8) stands for: its canonical
 * name, an alias, metonym, demonym or, when no full name fits, a short name,
 * compared as the rules compare text (case, accents and hyphens do not
 * count: "north korea", "DPRK", "Pyongyang", "Kim Jong-un"). -1 when no
 * actor or more than one has that name; then *ambiguous (when not NULL)
 * says which, and suggestions (when not NULL) gets the canonical names of
 * the actors that share it, else of up to RELGRAPH_ACTOR_SUGGESTIONS actors
 * whose names come nearest (containing it, or a few edits away), nearest
 * first. */
gint relgraph_actor_lookup(const RelgraphDictionary *dict, const char *name, GPtrArray *suggestions,
                           gboolean *ambiguous);

G_END_DECLS

#endif
