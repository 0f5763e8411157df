/* relgraph — exporters: DOT (cgraph), SVG (gvc), GraphML and GEXF (libxml2),
 * JSON and Cytoscape.js JSON (json-glib), TSV.
 *
 * Every exporter renders the whole graph into a memory buffer and is
 * deterministic: the same graph gives the same bytes, whatever order it was
 * built in (nodes and edges are emitted in the graph's sorted order).
 * Writing the buffer to disk (atomically) is the caller's job.
 *
 * Ownership: returned buffers are newly allocated; caller frees with g_free.
 */
#ifndef RELGRAPH_EXPORT_H
#define RELGRAPH_EXPORT_H

#include <glib.h>

#include "relgraph/graph.h"

G_BEGIN_DECLS

/* Where laid-out figures are kept between runs (the cache keeps them, see
 * cache.h), so that a figure whose layout input did not change is drawn
 * without laying it out again. The input is text holding everything the
 * layout depends on (the figure without tooltips and edge widths, the
 * engine, Graphviz's version and text metrics); lookup returns the
 * positions kept for exactly that input (caller frees with g_free) or
 * NULL, store keeps them. Called with Graphviz's lock held, from whichever
 * thread exports. */
typedef struct {
    char *(*lookup)(gpointer data, const char *input, gsize input_len, gsize *len);
    void (*store)(gpointer data, const char *input, gsize input_len, const char *positions, gsize len);
    gpointer data;
} RelgraphLayoutStore;

typedef struct {
    const char *title;   /* graph title/label, NULL for none */
    const char *layout;  /* Graphviz layout engine for SVG: dot, neato, sfdp, circo, ...; NULL = default (above) */
    guint max_evidence;  /* evidence sentences per edge in tooltips/attributes; 0 = RELGRAPH_DEFAULT_MAX_EVIDENCE */
    gboolean no_legend;  /* DOT/SVG: the title only, without the legend */
    const RelgraphLayoutStore *layouts; /* SVG: layouts kept between runs, or NULL */
    /* GraphML, GEXF: write symmetric relations as undirected edges in the
     * directed graph (a mixed graph, for Gephi and graphology) instead of
     * directed edges marked symmetric=true. Off by default: NetworkX (2.8
     * and 3.x) refuses a graph with both kinds of edge. */
    gboolean symmetric_undirected;
    /* Figures (DOT, SVG, PNG, PDF, HTML) only; the data formats keep every actor. */
    gboolean keep_isolated; /* also draw the actors without any relation (left out by default) */
    gboolean cluster_state; /* each state a box (cluster) holding its officials and institutions */
    double page_width, page_height; /* points the figure is scaled down to fit (text kept >= 7 pt);
                                       0 = RELGRAPH_PAGE_A4; negative = natural size */
    /* Drawings (SVG, PNG, PDF): only the N strongest relations (weight,
     * then the graph's order), and the actors they join; 0 = every one.
     * A figure too large for the page at 7 pt gets the most that fit. */
    guint max_relations;
} RelgraphExportOptions;

/* Evidence sentences kept per edge when nothing else is asked: what the
 * exports show, and what a build keeps (and caches) by default. */
#define RELGRAPH_DEFAULT_MAX_EVIDENCE 3

/* The printable area of an A4 page (210 x 297 mm less 15 mm margins), in
 * points: the figure's default size. Letter's is 7.5 x 10 in. */
#define RELGRAPH_PAGE_A4_WIDTH 510.0
#define RELGRAPH_PAGE_A4_HEIGHT 757.0
#define RELGRAPH_PAGE_LETTER_WIDTH 540.0
#define RELGRAPH_PAGE_LETTER_HEIGHT 720.0
/* No text of a page-sized figure is drawn smaller than this (points). */
#define RELGRAPH_MIN_TEXT_PT 7.0

/* The default engine: dot (ranked, left to right) for a figure a reader
 * can take in; for a figure of more than RELGRAPH_LARGE_GRAPH_EDGES relations
 * (--page none, or the HTML report, of a large view), where dot takes
 * minutes and no layered drawing is readable, sfdp.  Large graphs also get
 * straight edges (except in dot, whose routing is cheap) and dot a bounded
 * crossing and positioning effort, so a layout takes seconds. */
#define RELGRAPH_DEFAULT_LAYOUT "dot"
#define RELGRAPH_LARGE_GRAPH_LAYOUT "sfdp"
#define RELGRAPH_LARGE_GRAPH_EDGES 500

/* Renders the graph in format (see relgraph_export_formats). *len gets the
 * size in bytes; the buffer is also NUL-terminated. */
char *relgraph_export(const RelgraphGraph *graph, const char *format,
                      const RelgraphExportOptions *options, gsize *len, GError **error);

/* NULL-terminated list of format names, in the order --help lists them. */
const char *const *relgraph_export_formats(void);
/* File extension (without dot) for a format, NULL when unknown. */
const char *relgraph_export_extension(const char *format);
/* TRUE for the formats that draw the figure (dot, svg, png, pdf, html):
 * they leave out actors without relations unless keep_isolated. */
gboolean relgraph_export_is_figure(const char *format);

/* Releases the process-wide Graphviz context the DOT and SVG exporters
 * share. Call once, after the last export (the next export would open a new
 * one); it keeps leak checkers quiet about memory that is ours to free. */
void relgraph_export_shutdown(void);

/* What one format gave: the text (data, len; caller frees data with
 * g_free) or why there is none (error; caller frees). When ready is set,
 * it is called as soon as this result is there, before the other one is
 * made: a caller that writes and frees the text in it never holds both. */
typedef struct RelgraphExportResult RelgraphExportResult;
struct RelgraphExportResult {
    char *data;
    gsize len;
    GError *error;
    void (*ready)(RelgraphExportResult *result, gpointer user_data);
    gpointer user_data;
};

/* DOT and SVG of one figure, built once for both (the figure is a large
 * part of either's cost). dot or svg may be NULL (not wanted); each gets
 * its text or its own error: a layout that fails costs the SVG only.
 * Results must be zero-initialised but for ready and user_data. */
void relgraph_export_figure(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                            RelgraphExportResult *dot, RelgraphExportResult *svg);

/* One function per format, for callers that know what they want. */
char *relgraph_export_dot(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          gsize *len, GError **error);
char *relgraph_export_svg(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          gsize *len, GError **error);
/* The SVG's figure drawn by Graphviz's cairo renderer: a PNG at 150 dpi,
 * a PDF (its creation date fixed, so that the bytes are repeatable). */
char *relgraph_export_png(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          gsize *len, GError **error);
char *relgraph_export_pdf(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          gsize *len, GError **error);
/* The HTML report: one self-contained file (see export_html.c). */
char *relgraph_export_html(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                           gsize *len, GError **error);
char *relgraph_export_graphml(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                              gsize *len, GError **error);
char *relgraph_export_gexf(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                           gsize *len, GError **error);
char *relgraph_export_json(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                           gsize *len, GError **error);
char *relgraph_export_cyjs(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                           gsize *len, GError **error);
char *relgraph_export_tsv(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          gsize *len, GError **error);

G_END_DECLS

#endif
