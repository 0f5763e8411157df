/* relgraph — an actor census: the actors a corpus names, each with its
 * mentions and documents, and the ones the rules do not list (found by
 * discovery, discover.h) as entries an analyst can paste into an .actors
 * file (`relgraph actors`).
 *
 * Ownership: the census copies what it keeps; the texts it returns are the
 * caller's (g_free).
 */
#ifndef RELGRAPH_ACTOR_CENSUS_H
#define RELGRAPH_ACTOR_CENSUS_H

#include <glib.h>

#include "relgraph/corpus.h"
#include "relgraph/extract.h"

G_BEGIN_DECLS

typedef struct RelgraphActorCensus RelgraphActorCensus;

/* An empty census; caller frees with relgraph_actor_census_free. */
RelgraphActorCensus *relgraph_actor_census_new(void);
void relgraph_actor_census_free(RelgraphActorCensus *census);

/* Counts the actors result found in doc: their mentions, one more
 * document each; the first document and affiliation seen are kept. */
void relgraph_actor_census_add(RelgraphActorCensus *census, const RelgraphDocument *doc,
                               const RelgraphExtractResult *result);

/* Every actor, sorted by name, as TSV with a header: name, type,
 * affiliation, mentions, documents, discovered (yes or no). Caller frees;
 * *len gets its length. */
char *relgraph_actor_census_tsv(const RelgraphActorCensus *census, gsize *len);

/* The discovered actors, sorted by name, as .actors entries, each after a
 * comment saying how often and where it was first seen; a name with a
 * character the rule format gives a meaning to is written commented out.
 * Caller frees; *len gets its length. */
char *relgraph_actor_census_discovered(const RelgraphActorCensus *census, gsize *len);

G_END_DECLS

#endif
