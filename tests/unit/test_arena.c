/* The arena behind the rule set's small objects (src/arena.h, internal). */
#include <criterion/criterion.h>

#include "../../src/arena.h"

Test(arena, gives_zeroed_aligned_disjoint_memory)
{
    RelgraphArena arena = {0};
    GPtrArray *all = g_ptr_array_new();
    GArray *sizes = g_array_new(FALSE, FALSE, sizeof(gsize));
    /* Small and large objects, past many blocks. */
    for (gsize i = 0; i < 3000; i++) {
        gsize size = i % 97 == 0 ? 5000 + i : 1 + i % 200;
        guchar *p = relgraph_arena_alloc0(&arena, size);
        cr_assert_eq((guintptr)p % 16, 0, "object %zu not aligned", i);
        for (gsize k = 0; k < size; k++)
            cr_assert_eq(p[k], 0, "object %zu not zeroed", i);
        memset(p, (int)(i % 251) + 1, size);
        g_ptr_array_add(all, p);
        g_array_append_val(sizes, size);
    }
    /* Nothing was overwritten by a later object. */
    for (guint i = 0; i < all->len; i++) {
        const guchar *p = g_ptr_array_index(all, i);
        for (gsize k = 0; k < g_array_index(sizes, gsize, i); k++)
            cr_assert_eq(p[k], (guchar)(i % 251 + 1), "object %u byte %zu", i, k);
    }
    relgraph_arena_clear(&arena);
    cr_assert_null(arena.blocks);
    relgraph_arena_clear(&arena); /* an empty arena clears too */
    g_ptr_array_unref(all);
    g_array_unref(sizes);
}
