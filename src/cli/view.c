/* The view options every graph-writing subcommand shares: --min-weight,
 * --relations, --types, --focus/--depth, --top and --roll-up. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/filter.h"

void cli_add_view_options(GOptionContext *context, CliViewOptions *view)
{
    const GOptionEntry entries[] = {
        {"min-weight", 0, 0, G_OPTION_ARG_INT, &view->min_weight,
         "Only edges supported by at least N mentions (actors left without edges are dropped)", "N"},
        {"relations", 0, 0, G_OPTION_ARG_STRING, &view->relations,
         "Only these relations, comma-separated (e.g. visit,meet)", "LIST"},
        {"types", 0, 0, G_OPTION_ARG_STRING, &view->types,
         "Only actors of these types: state, official, institution (comma-separated)", "LIST"},
        /* FILENAME: the bytes as given, which glib would otherwise convert
         * from the locale's charset and refuse outside ASCII in the C locale. */
        {"focus", 0, 0, G_OPTION_ARG_FILENAME, &view->focus,
         "Only the ego network of ACTOR (any of its names, in any case): the actors within --depth hops",
         "ACTOR"},
        {"depth", 0, 0, G_OPTION_ARG_STRING, &view->depth,
         "Hops around --focus (default: 1; 0: the actor alone)", "N"},
        {"top", 0, 0, G_OPTION_ARG_INT, &view->top, "Only the N actors with the largest weighted degree", "N"},
        {"roll-up", 0, 0, G_OPTION_ARG_NONE, &view->roll_up,
         "Fold officials and institutions into the state they belong to (a state-level view, weights summed)",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    /* In the main group, so that --help shows them. */
    g_option_context_add_main_entries(context, entries, NULL);
}

void cli_view_options_clear(CliViewOptions *view)
{
    g_free(view->relations);
    g_free(view->types);
    g_free(view->focus);
    g_free(view->depth);
}

/* --depth as a number of hops: 1 when not given, -1 when it is not a
 * number of 0 or more. */
static gint depth_of(const CliViewOptions *view)
{
    if (!view->depth)
        return 1;
    guint64 n;
    if (!g_ascii_string_to_unsigned(view->depth, 10, 0, G_MAXINT, &n, NULL))
        return -1;
    return (gint)n;
}

/* Splits a comma-separated list, dropping empty items; NULL when empty. */
static GStrv split_list(const char *list)
{
    GStrv parts = g_strsplit(list, ",", -1);
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; parts[i]; i++) {
        char *item = g_strstrip(parts[i]);
        if (*item)
            g_ptr_array_add(out, g_strdup(item));
    }
    g_strfreev(parts);
    if (out->len == 0) {
        g_ptr_array_free(out, TRUE);
        return NULL;
    }
    g_ptr_array_add(out, NULL);
    return (GStrv)g_ptr_array_free(out, FALSE);
}

gboolean cli_view_wanted(const CliViewOptions *view)
{
    return view->min_weight > 0 || view->relations || view->types || view->focus || view->top > 0 || view->roll_up;
}

gboolean cli_view_check(CliViewOptions *view, const RelgraphRules *rules)
{
    if (view->min_weight < 0 || depth_of(view) < 0 || view->top < 0) {
        fprintf(stderr, "relgraph: --min-weight, --depth and --top must be numbers, 0 or more\n");
        return FALSE;
    }
    if (view->depth && !view->focus) {
        fprintf(stderr, "relgraph: --depth needs --focus\n");
        return FALSE;
    }
    if (view->focus && !g_utf8_validate(view->focus, -1, NULL)) {
        fprintf(stderr, "relgraph: --focus is not valid UTF-8\n");
        return FALSE;
    }
    gboolean ok = TRUE;
    if (view->relations) {
        GStrv names = split_list(view->relations);
        for (guint i = 0; names && names[i]; i++)
            if (!relgraph_relations_find(rules->relations, names[i])) {
                char *known = cli_known_relations(rules);
                fprintf(stderr, "relgraph: --relations: unknown relation \"%s\" (known: %s)\n", names[i], known);
                g_free(known);
                ok = FALSE;
            }
        g_strfreev(names);
    }
    if (view->types) {
        GStrv names = split_list(view->types);
        for (guint i = 0; names && names[i]; i++)
            if (!relgraph_actor_type_from_name(names[i])) {
                fprintf(stderr, "relgraph: --types: unknown actor type \"%s\" (known: state, official, institution)\n",
                        names[i]);
                ok = FALSE;
            }
        g_strfreev(names);
    }
    if (view->focus) {
        /* Any alias will do; the filter and the outputs use the canonical name. */
        gint id = cli_find_actor(rules->dictionary, view->focus, "--focus");
        if (id < 0) {
            ok = FALSE;
        } else {
            g_free(view->focus);
            view->focus = g_strdup(relgraph_dictionary_actor(rules->dictionary, (guint)id)->name);
        }
    }
    return ok;
}

RelgraphGraph *cli_view_apply(const CliViewOptions *options, const RelgraphRules *rules, RelgraphGraph *graph)
{
    GStrv relations = options->relations ? split_list(options->relations) : NULL;
    RelgraphView view = {
        .roll_up = options->roll_up,
        .relations = relations,
        .min_weight = (guint)options->min_weight,
        .focus = options->focus,
        .depth = depth_of(options),
        .top = (guint)options->top,
    };
    if (options->types) {
        GStrv names = split_list(options->types);
        for (guint i = 0; names && names[i]; i++)
            view.types |= relgraph_actor_type_from_name(names[i]);
        g_strfreev(names);
    }
    if (relgraph_filter_view_is_empty(&view)) {
        g_strfreev(relations);
        return graph;
    }
    GError *error = NULL;
    RelgraphGraph *out = relgraph_filter_apply_view(graph, &view, rules->dictionary, &error);
    if (!out) {
        /* The focus actor was named in the rules but has no place in this
         * corpus' graph: the view is empty, which is what was asked for. */
        fprintf(stderr, "relgraph: %s; the view is empty\n", error->message);
        g_clear_error(&error);
        out = relgraph_graph_new();
    }
    g_strfreev(relations);
    relgraph_graph_free(graph);
    return out;
}

char *cli_known_relations(const RelgraphRules *rules)
{
    GString *known = g_string_new(NULL);
    for (guint r = 0; r < relgraph_relations_count(rules->relations); r++)
        g_string_append_printf(known, "%s%s", r ? ", " : "", relgraph_relations_get(rules->relations, r)->name);
    return g_string_free(known, FALSE);
}
