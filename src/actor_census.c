/* The actor census: the actors of a corpus, counted document by document. */
#include <string.h>

#include "relgraph/actor_census.h"
#include "relgraph/common.h"

typedef struct {
    char *name;
    RelgraphActorType type;
    char *affiliation;    /* the first one a document gave, or NULL */
    gboolean discovered;
    guint mentions;
    guint documents;
    char *first_document;
} Named;

struct RelgraphActorCensus {
    GHashTable *named;    /* name -> Named* */
};

static void named_free(gpointer p)
{
    Named *n = p;
    g_free(n->name);
    g_free(n->affiliation);
    g_free(n->first_document);
    g_free(n);
}

RelgraphActorCensus *relgraph_actor_census_new(void)
{
    RelgraphActorCensus *census = g_new(RelgraphActorCensus, 1);
    census->named = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, named_free);
    return census;
}

void relgraph_actor_census_free(RelgraphActorCensus *census)
{
    if (!census)
        return;
    g_hash_table_destroy(census->named);
    g_free(census);
}

static void add_actor(RelgraphActorCensus *census, const RelgraphDocument *doc, const RelgraphActor *a,
                      guint mentions)
{
    Named *n = g_hash_table_lookup(census->named, a->name);
    if (!n) {
        n = g_new0(Named, 1);
        n->name = g_strdup(a->name);
        n->type = a->type;
        n->discovered = a->discovered;
        n->first_document = g_strdup(doc->id);
        g_hash_table_insert(census->named, n->name, n);
    }
    if (!n->affiliation && a->member_of->len)
        n->affiliation = g_strdup(g_ptr_array_index(a->member_of, 0));
    n->mentions += mentions;
    n->documents++;
}

void relgraph_actor_census_add(RelgraphActorCensus *census, const RelgraphDocument *doc,
                               const RelgraphExtractResult *result)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, result->actor_mentions);
    while (g_hash_table_iter_next(&it, &key, &value))
        add_actor(census, doc, relgraph_extract_actor(result, GPOINTER_TO_UINT(key) - 1), GPOINTER_TO_UINT(value));
}

static gint compare_named(gconstpointer a, gconstpointer b)
{
    return strcmp((*(Named *const *)a)->name, (*(Named *const *)b)->name);
}

/* The census's actors, sorted by name (caller unrefs). */
static GPtrArray *sorted_actors(const RelgraphActorCensus *census)
{
    GPtrArray *sorted = g_ptr_array_new();
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, census->named);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_ptr_array_add(sorted, value);
    g_ptr_array_sort(sorted, compare_named);
    return sorted;
}

char *relgraph_actor_census_tsv(const RelgraphActorCensus *census, gsize *len)
{
    GString *out = g_string_new("name\ttype\taffiliation\tmentions\tdocuments\tdiscovered\n");
    GPtrArray *sorted = sorted_actors(census);
    for (guint i = 0; i < sorted->len; i++) {
        const Named *n = g_ptr_array_index(sorted, i);
        g_string_append_printf(out, "%s\t%s\t%s\t%u\t%u\t%s\n", n->name, relgraph_actor_type_name(n->type),
                               n->affiliation ? n->affiliation : "", n->mentions, n->documents,
                               n->discovered ? "yes" : "no");
    }
    g_ptr_array_unref(sorted);
    *len = out->len;
    return g_string_free(out, FALSE);
}

char *relgraph_actor_census_discovered(const RelgraphActorCensus *census, gsize *len)
{
    GString *out = g_string_new("# Actors named with a title in the corpus but not listed in the rules\n"
                                "# (relgraph actors --discovered). Check each before adding it.\n\n");
    GPtrArray *sorted = sorted_actors(census);
    for (guint i = 0; i < sorted->len; i++) {
        const Named *n = g_ptr_array_index(sorted, i);
        if (!n->discovered)
            continue;
        g_string_append_printf(out, "# %u mention%s in %u document%s, first in %s\n", n->mentions,
                               n->mentions == 1 ? "" : "s", n->documents, n->documents == 1 ? "" : "s",
                               n->first_document);
        /* A name the rule format would read otherwise stays a comment. */
        gboolean writable = !strpbrk(n->name, "#|\n");
        g_string_append_printf(out, "%sactor %s  %s\n", writable ? "" : "# ", n->name,
                               relgraph_actor_type_name(n->type));
        if (n->affiliation)
            g_string_append_printf(out, "%s  member_of %s\n", writable ? "" : "# ", n->affiliation);
        g_string_append_c(out, '\n');
    }
    g_ptr_array_unref(sorted);
    *len = out->len;
    return g_string_free(out, FALSE);
}
