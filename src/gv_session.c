/* The Graphviz session every figure is made in: one lock, since Graphviz
 * keeps global state (the error handler, its parser, plugin loading); one
 * context for the process; Graphviz's error and warning output collected
 * for the caller's messages instead of going to stderr. */
#include "relgraph/export.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

G_LOCK_DEFINE_STATIC(graphviz);
static GString *graphviz_messages;
static agusererrf graphviz_previous_errf;

static int collect_message(char *message)
{
    g_string_append(graphviz_messages, message);
    return 0;
}

/* Takes the lock and collects Graphviz's error and warning output instead
 * of letting it go to stderr. */
void relgraph_gv_begin(void)
{
    G_LOCK(graphviz);
    graphviz_messages = g_string_new(NULL);
    graphviz_previous_errf = agseterrf(collect_message);
}

/* Restores the handler, releases the lock and returns what was collected
 * (NULL when nothing was; caller frees with g_free). */
char *relgraph_gv_end(void)
{
    agseterrf(graphviz_previous_errf);
    char *messages = g_strstrip(g_string_free(graphviz_messages, FALSE));
    graphviz_messages = NULL;
    G_UNLOCK(graphviz);
    if (!*messages) {
        g_free(messages);
        return NULL;
    }
    return messages;
}

/* One Graphviz context for the process, as Graphviz intends: creating one
 * reads the plugin configuration each time (and 2.42 leaks a buffer doing
 * it). Call with the lock held; NULL when Graphviz cannot start. */
static GVC_t *graphviz_shared_context;

GVC_t *relgraph_gv_context(void)
{
    if (!graphviz_shared_context)
        graphviz_shared_context = gvContext();
    return graphviz_shared_context;
}

void relgraph_export_shutdown(void)
{
    G_LOCK(graphviz);
    if (graphviz_shared_context)
        gvFreeContext(graphviz_shared_context);
    graphviz_shared_context = NULL;
    relgraph_layout_memo_clear();
    G_UNLOCK(graphviz);
}

void relgraph_gv_set_error(GError **error, const char *what, const char *messages)
{
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "Graphviz: %s%s%s", what, messages ? ": " : "",
                messages ? messages : "");
}

/* Checks layout against the engines this Graphviz installation has. */
gboolean relgraph_gv_layout_check(GVC_t *gvc, const char *layout, GError **error)
{
    int count = 0;
    char **list = gvPluginList(gvc, "layout", &count, NULL);
    gboolean found = FALSE;
    GString *known = g_string_new(NULL);
    for (int i = 0; i < count; i++) {
        /* The nop engines only reuse positions already in the input, which we never have. */
        if (!g_str_has_prefix(list[i], "nop")) {
            found = found || strcmp(list[i], layout) == 0;
            g_string_append_printf(known, "%s%s", known->len ? ", " : "", list[i]);
        }
        free(list[i]);
    }
    free(list);
    if (!found) {
        if (known->len)
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE, "unknown layout engine \"%s\" (known: %s)",
                        layout, known->str);
        else
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER,
                        "Graphviz has no layout plugins registered (run `dot -c` as root)");
    }
    g_string_free(known, TRUE);
    return found;
}

/* Warnings from a run that succeeded are passed on rather than dropped. */
void relgraph_gv_forward_warnings(char *messages)
{
    if (messages)
        g_warning("Graphviz: %s", messages);
    g_free(messages);
}
