/* DOT and drawings (SVG, PNG, PDF) of one figure: the figure built once
 * (export_dot.c), fitted to the page (page_fit.c), laid out or given kept
 * positions (layout_store.c) and drawn (export_svg.c), all within one
 * Graphviz session (gv_session.c). */
#include "relgraph/export.h"

#include <string.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

/* The result is there: handed to its ready callback, if any. */
static void result_ready(RelgraphExportResult *r)
{
    if (r && r->ready)
        r->ready(r, r->user_data);
}

/* Both texts of one figure, built once. The DOT is written before the
 * positions are set (it names the engine instead), the layout input is
 * taken before the details are added. */
static void export_figure(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          RelgraphExportResult *dot, RelgraphExportResult *svg, const char *device)
{
    g_return_if_fail(graph && (dot || svg));
    /* The view's engine, named in a DOT of every relation; the drawing's
     * (drawing) is the engine of the relations that fit the page. */
    const char *layout = relgraph_figure_layout_name(options, relgraph_figure_drawn_relations(graph, options));
    const char *drawing = layout;
    /* patchwork sizes each node to its cell, which nop2 would size to the
     * label again: it is drawn from a layout of its own, never kept. */
    gboolean direct = strcmp(layout, "patchwork") == 0;
    const RelgraphLayoutStore *store = options ? options->layouts : NULL;
    const char *failure = NULL;
    GError *usage = NULL;

    relgraph_gv_begin();
    GVC_t *gvc = relgraph_gv_context();
    Figure fig = {0};
    /* The drawing's options: the page may leave out the weakest relations
     * (relgraph_figure_fit_relations); the DOT keeps them all, like the data formats. */
    RelgraphExportOptions fitted = options ? *options : (RelgraphExportOptions){0};
    RelgraphLayoutMemo layouts;
    relgraph_layout_memo_init(&layouts, store);
    double dot_page[2] = {0, 0};
    if ((svg || dot) && !direct)
        fitted.layouts = &layouts.store;
    if (!gvc)
        failure = "cannot create a context";
    else if (!relgraph_gv_layout_check(gvc, layout, &usage))
        ;
    else {
        /* The DOT too: where every relation fits, it carries the page
         * (size), so that `dot -Tpdf` of it fits the page as ours does.
         * The layouts are the drawing's, done once (layout_memo). */
        gboolean fit_failed = FALSE;
        if ((svg || dot) && !direct) {
            guint limit = relgraph_figure_fit_relations(gvc, graph, &fitted, dot_page, &fit_failed);
            if (svg && limit)
                fitted.max_relations = limit;
            drawing = relgraph_figure_layout_name(&fitted, relgraph_figure_drawn_relations(graph, &fitted));
        }
        if (fit_failed)
            failure = "cannot lay out the figure to fit the page";
        else if (!relgraph_figure_open(&fig, graph, &fitted, drawing, TRUE))
            failure = "cannot create a graph";
    }
    if (failure || usage) {
        relgraph_figure_close(&fig);
        char *messages = relgraph_gv_end();
        RelgraphExportResult *results[] = {dot, svg};
        for (guint i = 0; i < G_N_ELEMENTS(results); i++) {
            if (!results[i])
                continue;
            if (usage)
                results[i]->error = g_error_copy(usage);
            else
                relgraph_gv_set_error(&results[i]->error, failure, messages);
            result_ready(results[i]);
        }
        g_clear_error(&usage);
        g_free(messages);
        return;
    }

    GString *input = svg && !direct ? relgraph_figure_layout_input(gvc, &fig, drawing) : NULL;
    relgraph_figure_add_details(&fig, options);
    if (fig.shown < fig.relations)
        relgraph_figure_say_fitted(&fig, &fitted);
    /* The DOT holds every relation of the view, as the data formats do
     * (gvpr and scripts read it); the drawing only those that fit. */
    Figure full = {0};
    Figure *dot_fig = &fig;
    if (dot && fitted.max_relations && relgraph_figure_open(&full, graph, options, layout, TRUE)) {
        relgraph_figure_add_details(&full, options);
        dot_fig = &full;
    }
    if (dot && dot_page[0] > 0) {
        char size[64];
        g_snprintf(size, sizeof size, "%.4g,%.4g", dot_page[0] / 72, dot_page[1] / 72);
        agattr(dot_fig->g, AGRAPH, "size", "");
        agset(dot_fig->g, "size", size);
    }
    if (dot) {
        GString *text = g_string_new(NULL);
        DotSink sink = {text};
        if (agwrite(dot_fig->g, &sink) == 0) {
            dot->len = text->len;
            dot->data = g_string_free(text, FALSE);
        } else {
            g_string_free(text, TRUE);
            dot->error = g_error_new(RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "Graphviz: cannot write DOT");
        }
        /* Written out before the SVG is drawn: the two are not held at once. */
        result_ready(dot);
    }
    relgraph_figure_close(&full);
    /* The weight is in the DOT for its readers; our own layout must not
     * read it, or a weight change would lay the figure out again. */
    for (guint i = 0; svg && fig.edge_objects && i < fig.edges->len; i++)
        agset(fig.edge_objects[i], "weight", "1");
    if (svg) {
        layouts.final = TRUE;
        if (!direct && !relgraph_figure_lay_out(gvc, &fig, graph, &fitted, drawing, input)) {
            failure = "layout failed";
        } else {
            /* Drawn by nop2 from the positions in the attributes; the
             * graph names it too, since its layout= overrides gvLayout's. */
            const char *engine = direct ? layout : "nop2";
            agset(fig.g, "layout", (char *)engine);
            gboolean labelled = !relgraph_figure_is_large(fig.shown) && fig.edges->len > 0;
            if (!direct)
                relgraph_figure_fit_page(&fig, &fitted, labelled);
            /* The PDF's page is the figure (and its pad), without the
             * half inch cairo adds around it: it goes into a report's page
             * as it is. */
            if (g_str_has_prefix(device, "pdf")) {
                agattr(fig.g, AGRAPH, "margin", "");
                agset(fig.g, "margin", "0");
            }
            /* A bitmap for a printed page: 150 dpi (Graphviz's default is 96). */
            if (g_str_has_prefix(device, "png")) {
                agattr(fig.g, AGRAPH, "dpi", "");
                agset(fig.g, "dpi", "150");
            }
            gboolean laid_out = gvLayout(gvc, fig.g, engine) == 0;
            if (!laid_out)
                failure = "layout failed";
            else if (!(svg->data = relgraph_figure_render(gvc, fig.g, device, &svg->len)))
                failure = strcmp(device, "svg") == 0
                              ? "SVG rendering failed (is the svg plugin registered? `dot -c` as root)"
                              : "PNG/PDF rendering failed (Graphviz's cairo plugin, libgvplugin_pango, "
                                "is needed; `dot -c` as root registers it)";
            if (laid_out)
                gvFreeLayout(gvc, fig.g);
        }
    }
    relgraph_figure_close(&fig);
    if (input)
        g_string_free(input, TRUE);
    char *messages = relgraph_gv_end();
    if (svg && failure) {
        relgraph_gv_set_error(&svg->error, failure, messages);
    } else {
        if (svg && strcmp(device, "svg") == 0)
            svg->data = relgraph_figure_defang_script_urls(svg->data, &svg->len);
        else if (svg && g_str_has_prefix(device, "pdf"))
            relgraph_figure_pdf_fix_date(svg->data, svg->len);
        if (!dot || dot->data)
            relgraph_gv_forward_warnings(g_steal_pointer(&messages));
    }
    g_free(messages);
    result_ready(svg);
}

void relgraph_export_figure(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                            RelgraphExportResult *dot, RelgraphExportResult *svg)
{
    export_figure(graph, options, dot, svg, "svg");
}

/* One text of the figure: the DOT (device NULL) or a drawing. */
static char *export_one(const RelgraphGraph *graph, const RelgraphExportOptions *options, const char *device,
                        gsize *len, GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    RelgraphExportResult result = {0};
    export_figure(graph, options, device ? NULL : &result, device ? &result : NULL, device ? device : "svg");
    if (result.error) {
        g_propagate_error(error, result.error);
        return NULL;
    }
    *len = result.len;
    return result.data;
}

char *relgraph_export_dot(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                          GError **error)
{
    return export_one(graph, options, NULL, len, error);
}

char *relgraph_export_svg(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                          GError **error)
{
    return export_one(graph, options, "svg", len, error);
}

char *relgraph_export_png(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                          GError **error)
{
    return export_one(graph, options, "png:cairo", len, error);
}

char *relgraph_export_pdf(const RelgraphGraph *graph, const RelgraphExportOptions *options, gsize *len,
                          GError **error)
{
    return export_one(graph, options, "pdf:cairo", len, error);
}
