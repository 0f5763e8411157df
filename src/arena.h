/* An arena for the many small objects a rule set is made of (pattern
 * elements, aliases, trie nodes): they are carved one after another out of
 * large blocks and given back all at once with the arena, which costs far
 * less than a malloc and a free each. Internal to the rules modules.
 *
 * Zero-initialised memory is an empty arena. Objects are never freed one
 * by one; whatever they own besides their arena memory is still theirs to
 * free. Built with AddressSanitizer, each object is allocated apart, so
 * that overflows between them are still caught.
 */
#ifndef RELGRAPH_ARENA_H
#define RELGRAPH_ARENA_H

#include <glib.h>

typedef struct {
    GPtrArray *blocks; /* the blocks, NULL until the first allocation */
    char *next;        /* free room in the last block */
    gsize left;
} RelgraphArena;

/* size bytes set to zero, aligned for any object, valid until the arena
 * is cleared. */
gpointer relgraph_arena_alloc0(RelgraphArena *arena, gsize size);

/* Gives back every block; the arena is empty again. */
void relgraph_arena_clear(RelgraphArena *arena);

#endif
