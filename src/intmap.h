/* A map from non-zero 32-bit keys (word ids) to pointers, for the lookups
 * the matcher makes per token: open addressing with linear probing and an
 * inlined lookup, several times faster than GHashTable's indirect calls.
 * Filled while rules load, then only read (safe to share between threads).
 *
 * Ownership: the map owns its arrays, not the values; _destroy frees each
 * value with free_value when it is given. Zero-initialised memory is an
 * empty map, so _init is optional for struct members.
 */
#ifndef RELGRAPH_INTMAP_H
#define RELGRAPH_INTMAP_H

#include <glib.h>

typedef struct {
    guint32 *keys;    /* 0 = empty slot; in the block of values, after them */
    gpointer *values;
    guint32 mask;     /* capacity - 1; capacity is a power of two */
    guint32 size;
} RelgraphIntMap;

void relgraph_intmap_init(RelgraphIntMap *map);
void relgraph_intmap_destroy(RelgraphIntMap *map, GDestroyNotify free_value);
/* Sets key (non-zero) to value, replacing what it had. */
void relgraph_intmap_insert(RelgraphIntMap *map, guint32 key, gpointer value);

static inline guint32 relgraph_intmap_slot(guint32 key, guint32 mask)
{
    return (guint32)((key * 0x9E3779B1u) >> 7) & mask;
}

/* The value of key, NULL when absent (or key is 0). */
static inline gpointer relgraph_intmap_lookup(const RelgraphIntMap *map, guint32 key)
{
    if (!map->keys || key == 0)
        return NULL;
    for (guint32 i = relgraph_intmap_slot(key, map->mask);; i = (i + 1) & map->mask) {
        if (map->keys[i] == key)
            return map->values[i];
        if (map->keys[i] == 0)
            return NULL;
    }
}

static inline gboolean relgraph_intmap_contains(const RelgraphIntMap *map, guint32 key)
{
    return relgraph_intmap_lookup(map, key) != NULL;
}

/* For sets: any non-NULL value marks a member. */
#define RELGRAPH_INTMAP_MEMBER GUINT_TO_POINTER(1)

#endif
