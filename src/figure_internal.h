/* Private to the figure's files: what the DOT figure (export_dot.c), the
 * Graphviz session (gv_session.c), the layout store (layout_store.c), the
 * page fit (page_fit.c), the drawing (export_svg.c) and the exporter that
 * drives them (export_figure.c) share. Every use of Graphviz is made
 * between relgraph_gv_begin and relgraph_gv_end. */
#ifndef RELGRAPH_FIGURE_INTERNAL_H
#define RELGRAPH_FIGURE_INTERNAL_H

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "relgraph/export.h"

#define FONT "Helvetica,Arial,sans-serif"
/* The figure is laid out at the size it is printed at (a page's width,
 * see relgraph_figure_fit_page): text sizes a page can take, node shapes
 * no larger than their names, tight gaps. Scaling a figure down to a page
 * that was laid out for a screen gave 4 pt labels in wide margins. */
#define EDGE_FONT_PT 8.0
#define NODE_FONT_PT 9.0
#define PAD_IN 0.1

/* ---- Graphviz session (gv_session.c) ---- */

/* Takes the lock and collects Graphviz's error and warning output instead
 * of letting it go to stderr. */
void relgraph_gv_begin(void);
/* Restores the handler, releases the lock and returns what was collected
 * (NULL when nothing was; caller frees with g_free). */
char *relgraph_gv_end(void);
/* The process's one Graphviz context; NULL when Graphviz cannot start.
 * Call with the lock held. */
GVC_t *relgraph_gv_context(void);
/* "Graphviz: what: messages" as a render error. */
void relgraph_gv_set_error(GError **error, const char *what, const char *messages);
/* Checks layout against the engines this Graphviz installation has. */
gboolean relgraph_gv_layout_check(GVC_t *gvc, const char *layout, GError **error);
/* Warnings from a run that succeeded are passed on (g_warning); frees them. */
void relgraph_gv_forward_warnings(char *messages);

/* ---- The DOT figure (export_dot.c) ---- */

/* The relation graph as a cgraph graph, in the graph's sorted order, with
 * each node's and edge's object kept so that details can be added later. */
typedef struct {
    Agraph_t *g;
    GPtrArray *nodes, *edges;  /* const RelgraphNode*, RelgraphEdge*, sorted: the drawn ones */
    Agnode_t **node_objects;
    Agedge_t **edge_objects;
    GPtrArray *clusters;       /* Agraph_t*: --cluster state's frames, in state order */
    GArray *edge_index;        /* guint: each drawn edge's place among the graph's sorted edges (its id) */
    guint isolated;            /* actors left out for having no relation */
    guint relations, shown;    /* the view's relations; those drawn, as lines or frames (max_relations) */
} Figure;

/* Where agwrite writes DOT text (relgraph_figure_disc's I/O). */
typedef struct {
    GString *out;
} DotSink;

/* The discipline of every graph the figure opens: DOT text into a DotSink,
 * ids that give the same bytes in every process. */
extern Agdisc_t relgraph_figure_disc;

/* Builds what the layout reads: everything but the details (tooltips and
 * edge widths); the engine is named in it for the DOT text (name_engine).
 * FALSE when cgraph cannot open a graph. Close with relgraph_figure_close. */
gboolean relgraph_figure_open(Figure *fig, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                              const char *layout, gboolean name_engine);
/* Tooltips and edge widths: what the layout does not read. */
void relgraph_figure_add_details(Figure *fig, const RelgraphExportOptions *options);
void relgraph_figure_close(Figure *fig);
/* Whether a figure of this many relations is drawn as a large one. */
gboolean relgraph_figure_is_large(guint relations);
/* The engine that lays out a figure of this many relations. */
const char *relgraph_figure_layout_name(const RelgraphExportOptions *options, guint relations);
/* The relations a figure with these options draws. */
guint relgraph_figure_drawn_relations(const RelgraphGraph *graph, const RelgraphExportOptions *options);

/* ---- Positions and the layout store (layout_store.c) ---- */

/* What a layout of fig depends on: its DOT text (without the details), the
 * engine, Graphviz's version and its text metrics. Caller frees. */
GString *relgraph_figure_layout_input(GVC_t *gvc, Figure *fig, const char *engine);
/* Puts positions in fig's attributes: those options->layouts kept for
 * input, else those of a new layout (then kept). FALSE when the layout
 * failed. */
gboolean relgraph_figure_lay_out(GVC_t *gvc, Figure *fig, const RelgraphGraph *graph,
                                 const RelgraphExportOptions *options, const char *engine, const GString *input);

/* The process's layouts in front of an export's store (next, or NULL):
 * give &memo->store to the layouts; set final for the drawing's own
 * layout, the one kept in next. Used with the Graphviz lock held. */
typedef struct {
    const RelgraphLayoutStore *next;
    gboolean final; /* looking up the drawing's layout, no more trials */
    RelgraphLayoutStore store;
} RelgraphLayoutMemo;

void relgraph_layout_memo_init(RelgraphLayoutMemo *memo, const RelgraphLayoutStore *next);
/* Forgets the process's layouts (relgraph_export_shutdown). */
void relgraph_layout_memo_clear(void);

/* ---- The page fit (page_fit.c) ---- */

/* How many of the strongest relations fit the page when not all do (0:
 * all, or nothing to choose); box gets the page turned as the figure is
 * when all fit; *failed when a trial could not be laid out. */
guint relgraph_figure_fit_relations(GVC_t *gvc, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                                    double box[2], gboolean *failed);
/* Sets the graph's size from the bb of its positions so that it fits the
 * page with its smallest text at RELGRAPH_MIN_TEXT_PT or more. */
void relgraph_figure_fit_page(Figure *fig, const RelgraphExportOptions *options, gboolean labelled);
/* Tells, once per run, that the figure leaves relations out to fit. */
void relgraph_figure_say_fitted(const Figure *fig, const RelgraphExportOptions *options);

/* ---- Drawing (export_svg.c) ---- */

/* Draws the laid-out g with device (svg, png:cairo, pdf:cairo) into a new
 * buffer (free with g_free); NULL on failure. */
char *relgraph_figure_render(GVC_t *gvc, Agraph_t *g, const char *device, gsize *len);
/* No "javascript:" scheme in svg: takes svg, returns it or a new copy. */
char *relgraph_figure_defang_script_urls(char *svg, gsize *len);
/* The PDF's creation date set to a fixed one, in place. */
void relgraph_figure_pdf_fix_date(char *pdf, gsize len);

#endif
