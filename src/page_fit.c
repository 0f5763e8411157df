/* The page fit: a figure drawn to fit a page (A4's printable area by
 * default) with no text under RELGRAPH_MIN_TEXT_PT, scaled down, or, when
 * even that is too large, drawn from its strongest relations that fit. */
#include "relgraph/export.h"

#include <stdio.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

/* The scale at which a drawing of w x h points (its bb), with the pad
 * around it, fits a page of page_w x page_h, upright or turned (a
 * landscape page for a wide drawing): the larger of the two; more than 1
 * when it fits with room to spare. */
static double page_scale(double w, double h, double page_w, double page_h)
{
    double pad = 2 * PAD_IN * 72;
    double upright = MIN((page_w - pad) / w, (page_h - pad) / h);
    double turned = MIN((page_h - pad) / w, (page_w - pad) / h);
    return MAX(upright, turned);
}

/* The smallest scale at which the figure's smallest text (edge labels,
 * else node names) is still RELGRAPH_MIN_TEXT_PT; 4% over, since Graphviz
 * scales by a little less than size asks (2% on seeds/) and writes the
 * scale rounded. */
static double text_floor(gboolean labelled)
{
    return RELGRAPH_MIN_TEXT_PT / (labelled ? EDGE_FONT_PT : NODE_FONT_PT) * 1.04;
}

/* The page the figure is fitted to, in points: FALSE for --page none. */
static gboolean page_size(const RelgraphExportOptions *options, double *page_w, double *page_h)
{
    *page_w = options && options->page_width ? options->page_width : RELGRAPH_PAGE_A4_WIDTH;
    *page_h = options && options->page_height ? options->page_height : RELGRAPH_PAGE_A4_HEIGHT;
    return *page_w >= 0;
}

/* The bb of a laid-out figure: FALSE when it has none or it is empty. */
static gboolean figure_bb(Figure *fig, double *w, double *h)
{
    double llx, lly, urx, ury;
    if (sscanf(agget(fig->g, "bb"), "%lf,%lf,%lf,%lf", &llx, &lly, &urx, &ury) != 4)
        return FALSE;
    *w = urx - llx, *h = ury - lly;
    return *w > 0 && *h > 0;
}

/* The size the figure is drawn at: scaled down to fit the page
 * (options->page_width/height, A4's printable area by default), upright
 * or turned, but never so far that its smallest text falls below
 * RELGRAPH_MIN_TEXT_PT; a figure that cannot fit at that size is drawn
 * larger than the page, and a warning says so. Sets the graph's size (and
 * declares it) from the bb of the positions. */
void relgraph_figure_fit_page(Figure *fig, const RelgraphExportOptions *options, gboolean labelled)
{
    double page_w, page_h, w, h;
    if (!page_size(options, &page_w, &page_h) || !figure_bb(fig, &w, &h))
        return;
    double pad = 2 * PAD_IN * 72;
    double scale = MIN(1.0, page_scale(w, h, page_w, page_h));
    double floor = text_floor(labelled);
    if (scale < floor) {
        /* Once per run: the SVG, PNG and PDF of one figure share the layout. */
        static gsize warned = 0;
        if (g_once_init_enter(&warned)) {
            g_printerr("relgraph: warning: the figure does not fit a %.0f x %.0f mm page with text of %.0f pt or "
                       "more: it is drawn at %.0f x %.0f mm (--roll-up, --top N or --min-weight N make a smaller "
                       "view; --page none draws it at its natural size)\n",
                       page_w / 72 * 25.4, page_h / 72 * 25.4, RELGRAPH_MIN_TEXT_PT, (w * floor + pad) / 72 * 25.4,
                       (h * floor + pad) / 72 * 25.4);
            g_once_init_leave(&warned, 1);
        }
        scale = floor;
    }
    if (scale >= 1.0)
        return;
    /* A hair over, so that rounding does not scale it a second time. */
    char size[64];
    g_snprintf(size, sizeof size, "%.4f,%.4f", (w + pad) * scale / 72 + 1e-4, (h + pad) * scale / 72 + 1e-4);
    agattr(fig->g, AGRAPH, "size", "");
    agset(fig->g, "size", size);
}

/* Layouts the page fit may try before it settles (relgraph_figure_fit_relations). */
#define FIT_TRIALS 7
/* The most relations a page-fitted figure draws. A4 at 7 pt holds a few
 * dozen labelled relations (seeds/: 32), so a view past this many is fitted
 * from its strongest FIT_MOST: laying out thousands of relations to learn
 * that they do not fit would cost most of a build (c10: 1.8 s of 2.6 s). */
#define FIT_MOST 200

/* The page fit's last resort: when the figure does not fit the page with
 * text of RELGRAPH_MIN_TEXT_PT, the number of its strongest relations that
 * do, found by laying out fewer (at most FIT_TRIALS layouts, each kept by
 * the store like any other, the first of at most FIT_MOST relations); 0
 * when every relation fits, or when there is nothing to choose (--page
 * none, max_relations given, no smaller figure that fits). *failed is set
 * when a trial could not be laid out (Graphviz out of memory, say): the fit
 * is then unknown, and a figure of fewer relations would be a silent
 * difference. Call with the lock held. */
guint relgraph_figure_fit_relations(GVC_t *gvc, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                                    double box[2], gboolean *failed)
{
    double page_w, page_h;
    box[0] = box[1] = 0;
    *failed = FALSE;
    if (!page_size(options, &page_w, &page_h) || (options && options->max_relations))
        return 0;
    const RelgraphLayoutStore *store = options ? options->layouts : NULL;
    RelgraphExportOptions trial = options ? *options : (RelgraphExportOptions){0};
    double floor = text_floor(TRUE);
    /* fits: the most relations known to fit (0: none yet); over: the
     * fewest known not to, or not to be tried (0: none yet). */
    guint fits = 0, over = 0, k = 0;
    if (relgraph_graph_edge_count(graph) > FIT_MOST)
        k = FIT_MOST, over = FIT_MOST + 1;
    for (guint n = 0; n < FIT_TRIALS; n++) {
        trial.max_relations = k;
        const char *layout = relgraph_figure_layout_name(&trial, relgraph_figure_drawn_relations(graph, &trial));
        Figure fig;
        double w = 0, h = 0;
        gboolean ok = relgraph_figure_open(&fig, graph, &trial, layout, TRUE);
        guint drawn = ok ? fig.shown : 0;
        GString *input = ok && store ? relgraph_figure_layout_input(gvc, &fig, layout) : NULL;
        gboolean laid_out = ok && drawn && relgraph_figure_lay_out(gvc, &fig, graph, &trial, layout, input);
        ok = laid_out && figure_bb(&fig, &w, &h);
        relgraph_figure_close(&fig);
        if (input)
            g_string_free(input, TRUE);
        if (!ok) {
            *failed = drawn && !laid_out;
            break;
        }
        double scale = page_scale(w, h, page_w, page_h);
        if (scale >= floor) {
            if (k == 0) {
                /* Every relation fits: the page, turned as the figure is. */
                double pad = 2 * PAD_IN * 72;
                gboolean upright = MIN((page_w - pad) / w, (page_h - pad) / h) >= scale;
                box[0] = upright ? page_w : page_h, box[1] = upright ? page_h : page_w;
                return 0;
            }
            fits = k;
        } else {
            over = drawn;
        }
        if (over <= fits + 1)
            break;
        /* Until one fits, the area tells how many might; then halve. */
        if (!fits)
            k = MIN(over - 1, MAX(1, (guint)(drawn * (scale / floor) * (scale / floor) * 0.9)));
        else
            k = fits + (over - fits) / 2;
    }
    return fits;
}

/* The summary's word on a figure that leaves relations out to fit the
 * page (the legend says it too): once per run, as the SVG, PNG and PDF of
 * one view leave out the same. */
void relgraph_figure_say_fitted(const Figure *fig, const RelgraphExportOptions *options)
{
    static gsize said = 0;
    double page_w, page_h;
    page_size(options, &page_w, &page_h);
    if (g_once_init_enter(&said)) {
        g_printerr("relgraph: the figure shows the %u strongest of %u relations, which fit a %.0f x %.0f mm page "
                   "with text of %.0f pt or more (--page none draws them all; --top N or --min-weight N make a "
                   "smaller view)\n",
                   fig->shown, fig->relations, page_w / 72 * 25.4, page_h / 72 * 25.4, RELGRAPH_MIN_TEXT_PT);
        g_once_init_leave(&said, 1);
    }
}

