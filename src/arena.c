/* Bump allocation in large blocks (see arena.h). */
#include "arena.h"

#include <string.h>

#define ARENA_BLOCK_SIZE 16384
#define ARENA_ALIGN 16

/* Under AddressSanitizer every object is an allocation of its own, with
 * its own red zones: an overflow from one object into the next is caught
 * as it would be without the arena. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_OBJECTS_APART 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_OBJECTS_APART 1
#endif
#endif

gpointer relgraph_arena_alloc0(RelgraphArena *arena, gsize size)
{
#ifdef ARENA_OBJECTS_APART
    if (!arena->blocks)
        arena->blocks = g_ptr_array_new_with_free_func(g_free);
    gpointer apart = g_malloc0(MAX(size, 1));
    g_ptr_array_add(arena->blocks, apart);
    return apart;
#else
    size = (size + ARENA_ALIGN - 1) & ~(gsize)(ARENA_ALIGN - 1);
    if (size > arena->left) {
        if (!arena->blocks)
            arena->blocks = g_ptr_array_new_with_free_func(g_free);
        /* An object larger than a block gets a block of its own; the room
         * left in the current one stays for the next objects. */
        if (size > ARENA_BLOCK_SIZE / 4) {
            gpointer own = g_malloc0(size);
            g_ptr_array_add(arena->blocks, own);
            return own;
        }
        arena->next = g_malloc(ARENA_BLOCK_SIZE);
        arena->left = ARENA_BLOCK_SIZE;
        g_ptr_array_add(arena->blocks, arena->next);
    }
    gpointer p = arena->next;
    arena->next += size;
    arena->left -= size;
    return memset(p, 0, size);
#endif
}

void relgraph_arena_clear(RelgraphArena *arena)
{
    if (arena->blocks)
        g_ptr_array_unref(arena->blocks);
    *arena = (RelgraphArena){0};
}
