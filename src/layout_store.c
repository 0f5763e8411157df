/* Where a figure's positions come from: a layout by the engine, or
 * positions kept from an earlier one (RelgraphLayoutStore, and this
 * process's memo in front of it), as text. See "Positions" below. */
#include "relgraph/export.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

/* Layouts done or read in this process (see memo_lookup). */
static GHashTable *layout_memo; /* input -> positions */
static gsize layout_memo_bytes;

/* ---- Positions ----------------------------------------------------------------
 *
 * The SVG is drawn by the nop2 engine from positions held in attributes
 * (pos, width, height, bb, lp, ...), whether the layout ran in this call or
 * was kept from an earlier run (RelgraphLayoutStore): so a kept layout gives
 * the very bytes a new one does. The positions are the attributes that the
 * layout declares, as text:
 *   relgraph-layout 1
 *   G|N|E \t NAME...     the names, for the graph, the nodes, the edges
 *   g \t VALUE...        the graph's values
 *   n \t VALUE...        each node's, in the figure's order
 *   e \t VALUE...        each edge's, in the figure's order
 */
#define POSITIONS_HEADER "relgraph-layout 1"

static const int position_kinds[] = {AGRAPH, AGNODE, AGEDGE};
static const char position_names[] = "GNE", position_values[] = "gne";

/* The names of the attributes declared for kind. */
static GHashTable *declared(Agraph_t *g, int kind)
{
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym))
        g_hash_table_add(names, g_strdup(sym->name));
    return names;
}

/* The graph objects are the graph, then its clusters (whose frames nop2
 * draws from their bb). */
static guint figure_objects(const Figure *fig, guint k)
{
    return k == 0 ? 1 + (fig->clusters ? fig->clusters->len : 0) : k == 1 ? fig->nodes->len : fig->edges->len;
}

static void *figure_object(const Figure *fig, guint k, guint i)
{
    if (k == 0)
        return i == 0 ? (void *)fig->g : g_ptr_array_index(fig->clusters, i - 1);
    return k == 1 ? (void *)fig->node_objects[i] : (void *)fig->edge_objects[i];
}

/* The attributes declared since before[] was taken, as positions text
 * (values escaped as C strings, so that no tab or line break is left). */
static char *positions_text(const Figure *fig, GHashTable *const before[3])
{
    GString *out = g_string_new(POSITIONS_HEADER "\n");
    GPtrArray *syms[3];
    for (guint k = 0; k < 3; k++) {
        syms[k] = g_ptr_array_new();
        g_string_append_c(out, position_names[k]);
        for (Agsym_t *sym = agnxtattr(fig->g, position_kinds[k], NULL); sym;
             sym = agnxtattr(fig->g, position_kinds[k], sym))
            if (!g_hash_table_contains(before[k], sym->name)) {
                g_ptr_array_add(syms[k], sym);
                g_string_append_printf(out, "\t%s", sym->name);
            }
        g_string_append_c(out, '\n');
    }
    for (guint k = 0; k < 3; k++)
        for (guint i = 0; i < figure_objects(fig, k); i++) {
            g_string_append_c(out, position_values[k]);
            for (guint j = 0; j < syms[k]->len; j++) {
                char *value = g_strescape(agxget(figure_object(fig, k, i), g_ptr_array_index(syms[k], j)), NULL);
                g_string_append_printf(out, "\t%s", value);
                g_free(value);
            }
            g_string_append_c(out, '\n');
        }
    for (guint k = 0; k < 3; k++)
        g_ptr_array_unref(syms[k]);
    return g_string_free(out, FALSE);
}

/* Which kind the p-th value line is about, and which object of it. */
static guint value_line_kind(const Figure *fig, guint p, guint *object)
{
    guint k = 0;
    while (p >= figure_objects(fig, k)) {
        p -= figure_objects(fig, k);
        k++;
    }
    *object = p;
    return k;
}

/* Sets the positions in text on fig; FALSE, with fig untouched, when the
 * text does not fit it exactly (another figure's, or damaged). */
static gboolean positions_apply(Figure *fig, const char *text, gsize len)
{
    if (len == 0 || text[len - 1] != '\n' || memchr(text, '\0', len))
        return FALSE;
    char *copy = g_strndup(text, len - 1);
    char **lines = g_strsplit(copy, "\n", -1);
    g_free(copy);
    guint n_values = figure_objects(fig, 0) + figure_objects(fig, 1) + figure_objects(fig, 2);
    gboolean ok = g_strv_length(lines) == 4 + n_values && strcmp(lines[0], POSITIONS_HEADER) == 0;
    char **names[3] = {NULL, NULL, NULL};
    for (guint k = 0; k < 3 && ok; k++) {
        names[k] = g_strsplit(lines[1 + k], "\t", -1);
        ok = names[k][0] && names[k][0][0] == position_names[k] && names[k][0][1] == '\0';
    }
    /* Every line is checked before anything is set: an engine would take
     * the pos of a half-applied text for a start. */
    char ***values = g_new0(char **, n_values + 1);
    for (guint p = 0; p < n_values && ok; p++) {
        guint object = 0, k = value_line_kind(fig, p, &object);
        values[p] = g_strsplit(lines[4 + p], "\t", -1);
        ok = values[p][0] && values[p][0][0] == position_values[k] && values[p][0][1] == '\0' &&
             g_strv_length(values[p]) == g_strv_length(names[k]);
    }
    for (guint p = 0; p < n_values && ok; p++) {
        guint object = 0, k = value_line_kind(fig, p, &object);
        for (guint j = 1; names[k][j]; j++) {
            Agsym_t *sym = agattr(fig->g, position_kinds[k], names[k][j], NULL);
            if (!sym)
                sym = agattr(fig->g, position_kinds[k], names[k][j], "");
            char *value = g_strcompress(values[p][j]);
            agxset(figure_object(fig, k, object), sym, value);
            g_free(value);
        }
    }
    /* Labels without a position are not drawn, as in a direct render. */
    Agsym_t *lp = ok ? agattr(fig->g, AGEDGE, "lp", NULL) : NULL;
    for (guint i = 0; lp && i < fig->edges->len; i++)
        if (!*agxget(fig->edge_objects[i], lp))
            agset(fig->edge_objects[i], "label", "");
    for (guint p = 0; p < n_values; p++)
        g_strfreev(values[p]);
    g_free(values);
    for (guint k = 0; k < 3; k++)
        g_strfreev(names[k]);
    g_strfreev(lines);
    return ok;
}

/* TRUE when two curves run through the same points (within 2 pt), in
 * the same or the opposite direction: one would hide the other. */
static gboolean same_curve(const bezier *a, const bezier *b)
{
    if (a->size != b->size || !a->size)
        return FALSE;
    for (int reversed = 0; reversed < 2; reversed++) {
        gboolean same = TRUE;
        for (int i = 0; i < a->size && same; i++) {
            pointf p = a->list[i], q = b->list[reversed ? b->size - 1 - i : i];
            same = fabs(p.x - q.x) <= 2 && fabs(p.y - q.y) <= 2;
        }
        if (same)
            return TRUE;
    }
    return FALSE;
}

/* Relations between one pair that the engine drew on one path (dot does
 * with some edges between clusters) are drawn apart: the inner control
 * points of each further one, and its label, move across the line by a
 * step, alternately on either side. The ends stay on the nodes. */
static void separate_parallel_edges(Figure *fig)
{
    for (guint i = 0; i < fig->edges->len; i++) {
        Agedge_t *e = fig->edge_objects[i];
        const splines *spl = ED_spl(e);
        if (!spl || spl->size != 1 || spl->list[0].size < 4)
            continue;
        guint twins = 0;
        for (guint j = 0; j < i; j++) {
            Agedge_t *f = fig->edge_objects[j];
            gboolean pair = (agtail(f) == agtail(e) && aghead(f) == aghead(e)) ||
                            (agtail(f) == aghead(e) && aghead(f) == agtail(e));
            if (pair && ED_spl(f) && ED_spl(f)->size == 1 && same_curve(&ED_spl(f)->list[0], &spl->list[0]))
                twins++;
        }
        if (!twins)
            continue;
        bezier *bz = &spl->list[0];
        pointf from = bz->list[0], to = bz->list[bz->size - 1];
        double dx = to.x - from.x, dy = to.y - from.y, length = hypot(dx, dy);
        if (length < 1)
            continue;
        /* 14 pt a step, a label's height: 1st twin +1 step, 2nd -1, 3rd +2... */
        double step = 14.0 * ((twins + 1) / 2) * (twins % 2 ? 1 : -1);
        double nx = -dy / length * step, ny = dx / length * step;
        /* A cubic's middle lies 3/4 of the way to its inner control points. */
        for (int k = 1; k < bz->size - 1; k++) {
            bz->list[k].x += nx * 4 / 3;
            bz->list[k].y += ny * 4 / 3;
        }
        if (ED_label(e) && ED_label(e)->set) {
            ED_label(e)->pos.x += nx;
            ED_label(e)->pos.y += ny;
        }
    }
}

/* The positions of a layout of fig by engine, as text; NULL when the
 * layout failed. */
static char *layout_run(GVC_t *gvc, Figure *fig, const char *engine)
{
    GHashTable *before[3];
    for (guint k = 0; k < 3; k++)
        before[k] = declared(fig->g, position_kinds[k]);
    char *positions = NULL;
    if (gvLayout(gvc, fig->g, engine) == 0) {
        separate_parallel_edges(fig);
        attach_attrs(fig->g);
        /* A label the layout did not place (engines that route no
         * splines, a layout that gave up on one) goes at the middle of its
         * edge's curve rather than nowhere: attach_attrs would write a
         * meaningless position for it, and nop2 would not draw it. */
        Agsym_t *lp = agattr(fig->g, AGEDGE, "lp", NULL);
        for (guint i = 0; lp && i < fig->edges->len; i++) {
            Agedge_t *e = fig->edge_objects[i];
            if (ED_label(e) && !ED_label(e)->set) {
                char at[64] = "";
                const splines *spl = ED_spl(e);
                if (spl && spl->size && spl->list[0].size) {
                    const bezier *bz = &spl->list[0];
                    pointf mid = bz->list[bz->size / 2];
                    g_snprintf(at, sizeof at, "%.2f,%.2f", mid.x, mid.y + ED_label(e)->dimen.y / 2);
                }
                agxset(e, lp, at);
            }
        }
        positions = positions_text(fig, before);
        gvFreeLayout(gvc, fig->g);
    }
    for (guint k = 0; k < 3; k++)
        g_hash_table_destroy(before[k]);
    return positions;
}

/* What the size of text depends on here (the fonts Graphviz finds, how it
 * measures them): the size of a sample node, laid out. */
static char *text_metrics(GVC_t *gvc)
{
    Agraph_t *g = agopen("metrics", Agdirected, &relgraph_figure_disc);
    Agnode_t *n = agnode(g, "The quick brown fox jumps over the lazy dog 0123456789", TRUE);
    agsafeset(n, "fontname", FONT, "");
    agsafeset(n, "fontsize", "11", "");
    char *metrics = NULL;
    if (gvLayout(gvc, g, "dot") == 0) {
        attach_attrs(g);
        metrics = g_strdup_printf("%s x %s", agget(n, "width"), agget(n, "height"));
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return metrics;
}

/* What a layout of fig depends on: its DOT text (without the details), the
 * engine, Graphviz's version and its text metrics. */
GString *relgraph_figure_layout_input(GVC_t *gvc, Figure *fig, const char *engine)
{
    char *metrics = text_metrics(gvc);
    GString *input = g_string_new(NULL);
    g_string_append_printf(input, "graphviz %s\nengine %s\nmetrics %s\n", gvcVersion(gvc), engine,
                           metrics ? metrics : "");
    g_free(metrics);
    DotSink sink = {input};
    agwrite(fig->g, &sink);
    return input;
}

/* Puts positions in fig's attributes: those the store kept for input
 * (relgraph_figure_layout_input of fig, taken before the details were added), else those
 * of a new layout (then kept). The layout runs on a second figure like
 * fig, because an engine leaves state in its graph that nop2 then reads:
 * fig must be the same either way. */
gboolean relgraph_figure_lay_out(GVC_t *gvc, Figure *fig, const RelgraphGraph *graph,
                                 const RelgraphExportOptions *options, const char *engine, const GString *input)
{
    const RelgraphLayoutStore *store = options ? options->layouts : NULL;
    gsize len = 0;
    char *positions = store && input ? store->lookup(store->data, input->str, input->len, &len) : NULL;
    gboolean ok = positions && positions_apply(fig, positions, len);
    if (!ok) {
        g_free(positions);
        Figure scratch;
        positions = relgraph_figure_open(&scratch, graph, options, engine, FALSE) ? layout_run(gvc, &scratch, engine)
                                                                                  : NULL;
        relgraph_figure_close(&scratch);
        ok = positions && positions_apply(fig, positions, strlen(positions));
        if (ok && store && input)
            store->store(store->data, input->str, input->len, positions, strlen(positions));
    }
    g_free(positions);
    return ok;
}

/* The layouts of the process, in front of each export's store (if any):
 * the page fit lays out trial figures that the drawing then takes again,
 * and the SVG, PNG and PDF of one run each fit the same page. Some engines
 * (fdp, sfdp, twopi) lay a graph out differently the second time in a
 * process, so the drawing, and the other formats, must reuse the trials'
 * positions, not lay out anew. Lookups that miss here go on to the store;
 * only the drawing's layout (final) is stored there: one layout per
 * figure, as without a page fit. Used with the Graphviz lock held; dropped
 * whole past LAYOUT_MEMO_BYTES. */
#define LAYOUT_MEMO_BYTES (64u << 20)
static void layout_memo_add(const char *input, gsize input_len, const char *positions, gsize len)
{
    if (!layout_memo || layout_memo_bytes + input_len + len > LAYOUT_MEMO_BYTES) {
        if (layout_memo)
            g_hash_table_destroy(layout_memo);
        layout_memo = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        layout_memo_bytes = 0;
    }
    g_hash_table_insert(layout_memo, g_strndup(input, input_len), g_strndup(positions, len));
    layout_memo_bytes += input_len + len;
}

static char *memo_lookup(gpointer data, const char *input, gsize input_len, gsize *len)
{
    RelgraphLayoutMemo *layouts = data;
    char *key = g_strndup(input, input_len);
    const char *positions = layout_memo ? g_hash_table_lookup(layout_memo, key) : NULL;
    g_free(key);
    const RelgraphLayoutStore *next = layouts->next;
    if (positions) {
        *len = strlen(positions);
        if (layouts->final && next) {
            /* The drawing's layout is kept where the store lacks it (or
             * has it damaged). */
            gsize kept_len = 0;
            char *kept = next->lookup(next->data, input, input_len, &kept_len);
            if (!kept || kept_len != *len || memcmp(kept, positions, *len) != 0)
                next->store(next->data, input, input_len, positions, *len);
            g_free(kept);
        }
        return g_strdup(positions);
    }
    char *found = next ? next->lookup(next->data, input, input_len, len) : NULL;
    if (found && !memchr(found, '\0', *len))
        layout_memo_add(input, input_len, found, *len);
    return found;
}

static void memo_store(gpointer data, const char *input, gsize input_len, const char *positions, gsize len)
{
    RelgraphLayoutMemo *layouts = data;
    layout_memo_add(input, input_len, positions, len);
    if (layouts->final && layouts->next)
        layouts->next->store(layouts->next->data, input, input_len, positions, len);
}

void relgraph_layout_memo_init(RelgraphLayoutMemo *memo, const RelgraphLayoutStore *next)
{
    memo->next = next;
    memo->final = FALSE;
    memo->store = (RelgraphLayoutStore){memo_lookup, memo_store, memo};
}

void relgraph_layout_memo_clear(void)
{
    if (layout_memo)
        g_hash_table_destroy(layout_memo);
    layout_memo = NULL;
    layout_memo_bytes = 0;
}
