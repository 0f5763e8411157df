/* Open-addressing map from word ids to pointers (see intmap.h). */
#include "intmap.h"

void relgraph_intmap_init(RelgraphIntMap *map)
{
    *map = (RelgraphIntMap){0};
}

void relgraph_intmap_destroy(RelgraphIntMap *map, GDestroyNotify free_value)
{
    if (free_value && map->keys)
        for (guint32 i = 0; i <= map->mask; i++)
            if (map->keys[i])
                free_value(map->values[i]);
    g_free(map->values); /* and the keys */
    *map = (RelgraphIntMap){0};
}

static void place(RelgraphIntMap *map, guint32 key, gpointer value)
{
    guint32 i = relgraph_intmap_slot(key, map->mask);
    while (map->keys[i] && map->keys[i] != key)
        i = (i + 1) & map->mask;
    if (!map->keys[i])
        map->size++;
    map->keys[i] = key;
    map->values[i] = value;
}

/* Load factor at most 1/2: probes stay short, misses (most lookups) too. */
static void grow(RelgraphIntMap *map)
{
    guint32 old_capacity = map->keys ? map->mask + 1 : 0;
    guint32 *old_keys = map->keys;
    gpointer *old_values = map->values;
    guint32 capacity = old_capacity ? old_capacity * 2 : 8;
    /* Keys and values in one block (values first, for their alignment):
     * a rule set has thousands of small maps. */
    map->values = g_malloc0(capacity * (sizeof(gpointer) + sizeof(guint32)));
    map->keys = (guint32 *)(map->values + capacity);
    map->mask = capacity - 1;
    map->size = 0;
    for (guint32 i = 0; i < old_capacity; i++)
        if (old_keys[i])
            place(map, old_keys[i], old_values[i]);
    g_free(old_values); /* and the old keys */
}

void relgraph_intmap_insert(RelgraphIntMap *map, guint32 key, gpointer value)
{
    g_return_if_fail(key != 0);
    if (!map->keys || (map->size + 1) * 2 > map->mask + 1)
        grow(map);
    place(map, key, value);
}
