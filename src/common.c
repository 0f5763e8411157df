/* Shared definitions: error domain, type and polarity names, atomic output. */
#include "relgraph/common.h"

#include <string.h>

G_DEFINE_QUARK(relgraph-error-quark, relgraph_error)

const char *relgraph_actor_type_name(RelgraphActorType type)
{
    switch (type) {
    case RELGRAPH_ACTOR_STATE: return "state";
    case RELGRAPH_ACTOR_OFFICIAL: return "official";
    case RELGRAPH_ACTOR_INSTITUTION: return "institution";
    }
    return NULL;
}

RelgraphActorType relgraph_actor_type_from_name(const char *name)
{
    if (strcmp(name, "state") == 0) return RELGRAPH_ACTOR_STATE;
    if (strcmp(name, "official") == 0) return RELGRAPH_ACTOR_OFFICIAL;
    if (strcmp(name, "institution") == 0) return RELGRAPH_ACTOR_INSTITUTION;
    return 0;
}

static const char *const polarity_names[] = {"neutral", "cooperative", "conflictual"};

const char *relgraph_polarity_name(RelgraphPolarity polarity)
{
    return polarity_names[polarity];
}

gboolean relgraph_polarity_from_name(const char *name, RelgraphPolarity *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(polarity_names); i++) {
        if (strcmp(name, polarity_names[i]) == 0) {
            *out = (RelgraphPolarity)i;
            return TRUE;
        }
    }
    return FALSE;
}

gboolean relgraph_write_file_atomic(const char *path, const char *data, gsize len, GError **error)
{
    GError *local = NULL;
    /* CONSISTENT = write to a temporary file, fsync, then rename over path. */
    if (!g_file_set_contents_full(path, data, (gssize)len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local)) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, local->message);
        g_error_free(local);
        return FALSE;
    }
    return TRUE;
}
