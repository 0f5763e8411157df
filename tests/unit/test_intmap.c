/* The integer map behind the matcher's per-token lookups (src/intmap.h,
 * internal): against a GHashTable on the same operations. */
#include <criterion/criterion.h>

#include "../../src/intmap.h"

static int freed;
static void count_free(gpointer p)
{
    (void)p;
    freed++;
}

Test(intmap, agrees_with_a_hash_table_through_growth_and_replacement)
{
    RelgraphIntMap map = {0}; /* zeroed memory is an empty map */
    GHashTable *model = g_hash_table_new(g_direct_hash, g_direct_equal);
    cr_assert_null(relgraph_intmap_lookup(&map, 7));
    /* Keys that collide in the low bits, many growths, and replacements. */
    guint32 state = 12345;
    for (guint i = 0; i < 20000; i++) {
        state = state * 1103515245u + 12345u;
        guint32 key = i % 3 == 0 ? (i + 1) * 1024 : (state >> 8) % 5000 + 1;
        gpointer value = GUINT_TO_POINTER(i + 1);
        relgraph_intmap_insert(&map, key, value);
        g_hash_table_insert(model, GUINT_TO_POINTER(key), value);
    }
    cr_assert_eq(map.size, g_hash_table_size(model));
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, model);
    while (g_hash_table_iter_next(&it, &key, &value))
        cr_assert_eq(relgraph_intmap_lookup(&map, GPOINTER_TO_UINT(key)), value, "key %u", GPOINTER_TO_UINT(key));
    for (guint32 absent = 5001; absent < 6000; absent++)
        if (absent % 1024 != 0)
            cr_assert_not(relgraph_intmap_contains(&map, absent), "absent key %u found", absent);
    cr_assert_null(relgraph_intmap_lookup(&map, 0), "key 0 is never stored");
    freed = 0;
    relgraph_intmap_destroy(&map, count_free);
    cr_assert_eq((guint)freed, g_hash_table_size(model), "each value freed once");
    cr_assert_null(relgraph_intmap_lookup(&map, 1024), "a destroyed map is empty");
    g_hash_table_destroy(model);
}

Test(intmap, init_gives_an_empty_map_that_can_be_destroyed)
{
    RelgraphIntMap map;
    relgraph_intmap_init(&map);
    cr_assert_not(relgraph_intmap_contains(&map, 1));
    relgraph_intmap_insert(&map, 1, RELGRAPH_INTMAP_MEMBER);
    cr_assert(relgraph_intmap_contains(&map, 1));
    relgraph_intmap_destroy(&map, NULL);
}
