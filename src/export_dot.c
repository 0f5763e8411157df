/* DOT (cgraph) and SVG (gvc layout + render) of the relation multigraph.
 *
 * Both go through one Agraph_t built in the graph's sorted order, so the
 * DOT text and the layout are the same whatever order the graph was built
 * in. The DOT carries the layout engine and its seed, so `dot -Tsvg` on it
 * lays it out as we do (`-Glayout=neato` picks another engine). The SVG is
 * drawn from positions (see "Positions"), which a cache may keep from an
 * earlier run: a figure whose nodes and edges did not change, only their
 * weights and evidence, is not laid out again.
 *
 * Encoding: node shape and fill tell the actor type, a dashed outline an
 * actor discovered in the text (not listed in the rules), edge colour (and a
 * dash for conflict) the polarity, edge width the weight; tooltips carry the
 * actor details and the evidence sentences.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "relgraph/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <stdio_ext.h>
#endif
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"

#define FONT "Helvetica,Arial,sans-serif"
#define LAYOUT_SEED "1"
#define MAX_PENWIDTH 5.0
/* The figure is laid out at the size it is printed at (a page's width,
 * see fit_page): text sizes a page can take, node shapes no larger than
 * their names, tight gaps. Scaling a figure down to a page that was laid
 * out for a screen gave 4 pt labels in wide margins. */
#define EDGE_FONT_PT 8.0
#define NODE_FONT_PT 9.0
#define LEGEND_FONT "9"
#define TITLE_FONT "12"
#define PAD_IN 0.1
/* Names longer than this (characters) go on two lines, split at the
 * space nearest their middle: a rank is as wide as its widest name. */
#define WRAP_CHARS 22

/* Graphviz keeps global state (the error handler, its parser, plugin
 * loading), so every use of it goes through this lock. */
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
static void graphviz_begin(void)
{
    G_LOCK(graphviz);
    graphviz_messages = g_string_new(NULL);
    graphviz_previous_errf = agseterrf(collect_message);
}

/* Restores the handler, releases the lock and returns what was collected
 * (NULL when nothing was; caller frees with g_free). */
static char *graphviz_end(void)
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
/* Layouts done or read in this process (see export_layouts_lookup). */
static GHashTable *layout_memo; /* input -> positions */
static gsize layout_memo_bytes;

static GVC_t *graphviz_context(void)
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
    if (layout_memo)
        g_hash_table_destroy(layout_memo);
    layout_memo = NULL;
    layout_memo_bytes = 0;
    G_UNLOCK(graphviz);
}

static void set_graphviz_error(GError **error, const char *what, const char *messages)
{
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_RENDER, "Graphviz: %s%s%s", what, messages ? ": " : "",
                messages ? messages : "");
}

/* ---- Strings -------------------------------------------------------------- */

/* TRUE when the '&' at p starts what Graphviz takes for a character or
 * entity reference ("&amp;", "&#0;", "&#x1b;", even "&;"): labels and
 * tooltips decode those, and its SVG renderer copies them into the XML
 * unchecked, so a sentence quoting "&#0;" made the SVG ill-formed. A
 * superset of both Graphviz tests (htmlEntityUTF8, xml_isentity). */
static gboolean starts_reference(const char *p)
{
    p++;
    if (*p == '#')
        p++;
    while (g_ascii_isalnum(*p))
        p++;
    return *p == ';';
}

/* Appends text so that Graphviz shows exactly text: backslashes (escapes
 * in labels and tooltips) doubled, an '&' that starts a reference written
 * "&amp;", and with lines, line breaks as \n. */
static void append_text(GString *out, const char *text, gboolean lines)
{
    char *clean = relgraph_export_clean_text(text);
    for (const char *p = clean; *p; p++) {
        if (*p == '\\')
            g_string_append(out, "\\\\");
        else if (*p == '&' && starts_reference(p))
            g_string_append(out, "&amp;");
        else if (lines && *p == '\r')
            g_string_append(out, p[1] == '\n' ? "" : "\\n");
        else if (lines && *p == '\n')
            g_string_append(out, "\\n");
        else
            g_string_append_c(out, *p);
    }
    g_free(clean);
}

#define ID_MARK '\x01' /* see id_map */

/* A node id cgraph can write and read back, and that the \N label shows
 * as the name. DOT quoted strings cannot end in a backslash nor hold one
 * before a quote or newline (Graphviz 2.42 writes them unescaped), and
 * backslashes are escapes in Graphviz strings anyway: every backslash is
 * doubled, which keeps ids distinct. */
static char *dot_id(const char *name)
{
    GString *out = g_string_new(NULL);
    /* A name cgraph would take for one of its own ids ('%'): behind a
     * mark that id_map (below) takes off again. */
    if (name[0] == '%' || name[0] == ID_MARK)
        g_string_append_c(out, ID_MARK);
    append_text(out, name, FALSE);
    return g_string_free(out, FALSE);
}

/* Appends text as a Graphviz escString (labels, tooltips), line breaks as
 * \n, so that the value shows exactly text. */
static void append_esc(GString *out, const char *text)
{
    append_text(out, text, TRUE);
}

static char *esc_string(const char *text)
{
    GString *out = g_string_new(NULL);
    append_esc(out, text);
    return g_string_free(out, FALSE);
}

/* agset takes char*; the value is copied into the graph's string pool. */
static void set(void *obj, const char *name, const char *value)
{
    agset(obj, (char *)name, (char *)value);
}

static void set_esc(void *obj, const char *name, const char *text)
{
    char *value = esc_string(text);
    set(obj, name, value);
    g_free(value);
}

/* ---- Styles --------------------------------------------------------------- */

typedef struct {
    const char *shape;
    const char *style;
    const char *fill;
} NodeStyle;

/* Shape and colour both tell the type, so it survives grey-scale printing
 * and colour-vision deficiencies; fills are Okabe-Ito colours under which
 * black text stays readable. */
static const NodeStyle *node_style(RelgraphActorType type)
{
    static const NodeStyle state = {"box", "filled,rounded", "#56B4E9"};
    static const NodeStyle official = {"ellipse", "filled", "#F0E442"};
    static const NodeStyle institution = {"hexagon", "filled", "#009E73"};
    static const NodeStyle unknown = {"ellipse", "filled,dashed", "#DDDDDD"};
    switch (type) {
    case RELGRAPH_ACTOR_STATE: return &state;
    case RELGRAPH_ACTOR_OFFICIAL: return &official;
    case RELGRAPH_ACTOR_INSTITUTION: return &institution;
    }
    return &unknown;
}

/* ---- Building the cgraph graph -------------------------------------------- */

typedef struct {
    GString *out;
} DotSink;

/* Graphviz's DOT reader (2.42) fails on a string holding more than 16,384
 * bytes without a backslash or quote, and agwrite breaks long strings only
 * where a word starts: a 100 KB token in an evidence sentence (or a long
 * name) gave a DOT file Graphviz itself refused. Such runs get a line
 * continuation (backslash-newline, which readers drop) every DOT_MAX_RUN
 * bytes; a long unquoted id is quoted first. HTML strings (the legend)
 * have no continuation, and are short. */
#define DOT_MAX_RUN 4096

static int sink_putstr(void *chan, const char *str)
{
    GString *out = ((DotSink *)chan)->out;
    if (strlen(str) <= DOT_MAX_RUN || *str == '<') {
        g_string_append(out, str);
        return 0;
    }
    gboolean quoted = *str == '"';
    if (!quoted)
        g_string_append_c(out, '"');
    gsize run = 0;
    for (const char *p = str; *p; p++) {
        if (*p == '\\' || *p == '"')
            run = 0;
        else if (run >= DOT_MAX_RUN && ((guchar)*p & 0xC0) != 0x80) {
            g_string_append(out, "\\\n");  /* not inside a UTF-8 sequence */
            run = 0;
        }
        g_string_append_c(out, *p);
        run++;
    }
    if (!quoted)
        g_string_append_c(out, '"');
    return 0;
}

static int sink_flush(void *chan)
{
    (void)chan;
    return 0;
}

static Agiodisc_t sink_io = {NULL, sink_putstr, sink_flush};
/* cgraph keeps a name that begins with '%' (its prefix for anonymous
 * ids) in an internal map, which neato, fdp, sfdp and twopi layouts leave
 * behind (LeakSanitizer: aginternalmapinsert from agnode). dot_id puts
 * such a name behind ID_MARK, which keeps it out of that map; this id
 * discipline takes the mark off and leaves the rest to cgraph's own, which
 * stores and prints the name as any other: the same DOT and SVG. */

/* cgraph's own discipline makes a name's id the address of its stored
 * string, and writes subgraphs in the order of their ids: the frames of
 * --cluster state came out in an order that changed from run to run. The
 * frames (cluster_N, see figure_add_clusters) get small even ids instead,
 * which no address is: written and laid out in the order they were made. */
#define CLUSTER_PREFIX "cluster_"
#define CLUSTER_IDS 65536
static gboolean cluster_id(int objtype, const char *str, IDTYPE *id)
{
    if (objtype != AGRAPH || !str || !g_str_has_prefix(str, CLUSTER_PREFIX))
        return FALSE;
    const char *digits = str + strlen(CLUSTER_PREFIX);
    char *end;
    guint64 n = g_ascii_strtoull(digits, &end, 10);
    if (!g_ascii_isdigit(*digits) || *end || n >= CLUSTER_IDS / 2 - 1)
        return FALSE;
    *id = 2 * (n + 1);
    return TRUE;
}
static gboolean is_cluster_id(int objtype, IDTYPE id)
{
    return objtype == AGRAPH && id % 2 == 0 && id < CLUSTER_IDS;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    if (cluster_id(objtype, str, id))
        return TRUE;
    return AgIdDisc.map(state, objtype, str && str[0] == ID_MARK ? str + 1 : str, id, createflag);
}
static void *id_open(Agraph_t *g, Agdisc_t *disc) { return AgIdDisc.open(g, disc); }
static long id_alloc(void *state, int objtype, IDTYPE id) { return AgIdDisc.alloc(state, objtype, id); }
static void id_free(void *state, int objtype, IDTYPE id)
{
    if (!is_cluster_id(objtype, id))
        AgIdDisc.free(state, objtype, id);
}
static char *id_print(void *state, int objtype, IDTYPE id)
{
    if (is_cluster_id(objtype, id)) {
        /* Interned: the name outlives every graph that prints it. */
        char name[32];
        g_snprintf(name, sizeof name, CLUSTER_PREFIX "%" G_GUINT64_FORMAT, (guint64)id / 2 - 1);
        return (char *)g_intern_string(name);
    }
    return AgIdDisc.print(state, objtype, id);
}
static void id_close(void *state) { AgIdDisc.close(state); }
static void id_register(void *state, int objtype, void *obj) { AgIdDisc.idregister(state, objtype, obj); }
static Agiddisc_t marked_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};
static Agdisc_t sink_disc = {NULL, &marked_ids, &sink_io};

/* Declares every attribute with its default: agset needs the symbol, and
 * defaults keep the DOT short (only differences are written per object).
 * The engine is named (layout=) only in the DOT text: gvLayout would take
 * it over the engine it is given, nop2 included. */
static void declare_attributes(Agraph_t *g, const char *layout, gboolean name_engine, gboolean large)
{
    static const char *const graph_attrs[][2] = {
        {"fontname", FONT}, {"fontsize", LEGEND_FONT}, {"labelloc", "t"}, {"pad", G_STRINGIFY(PAD_IN)},
        /* Space for labels: overlap removal and margins (neato, fdp, sfdp),
         * rank and node gaps (dot). */
        {"overlap", "false"}, {"sep", "+6"}, {"esep", "+3"}, {"nodesep", "0.12"}, {"ranksep", "0.3"},
        /* Nodes drawn over edges; a fixed seed makes neato/fdp/sfdp repeatable. */
        {"outputorder", "edgesfirst"}, {"start", LAYOUT_SEED},
    };
    static const char *const node_attrs[][2] = {
        {"fontname", FONT}, {"fontsize", G_STRINGIFY(NODE_FONT_PT)}, {"shape", "ellipse"}, {"style", "filled"},
        {"fillcolor", "#DDDDDD"}, {"color", "#333333"}, {"margin", "0.05,0.02"},
        /* As small as the name and margin allow (Graphviz's default is
         * 0.75 x 0.5 in, three lines of text high). */
        {"width", "0"}, {"height", "0"},
        /* \N shows the id, whose doubled backslashes read back as one. */
        {"label", "\\N"}, {"tooltip", ""}, {"class", ""},
        /* "true" on discovered nodes only: the default is not written. */
        {"discovered", ""},
        /* For gvpr and scripts: the actor type (add_node_details). */
        {"type", ""},
    };
    static const char *const edge_attrs[][2] = {
        {"fontname", FONT}, {"fontsize", G_STRINGIFY(EDGE_FONT_PT)}, {"color", "#666666"}, {"fontcolor", "#666666"},
        {"penwidth", "1"}, {"arrowsize", "0.7"}, {"dir", "forward"}, {"style", "solid"},
        {"label", ""}, {"tooltip", ""}, {"id", ""}, {"class", ""},
        /* For gvpr and scripts (add_edge_details): relation and polarity
         * are ours; weight is also dot's, which shortens heavy edges when
         * the DOT is laid out again. */
        {"relation", ""}, {"polarity", ""}, {"weight", "1"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(graph_attrs); i++)
        agattr(g, AGRAPH, (char *)graph_attrs[i][0], (char *)graph_attrs[i][1]);
    if (name_engine)
        agattr(g, AGRAPH, "layout", (char *)layout);
    /* Spline routing around nodes, except where the engine packs nodes
     * touching (osage, patchwork): there Graphviz would warn and fall back. */
    gboolean packed = strcmp(layout, "osage") == 0 || strcmp(layout, "patchwork") == 0;
    gboolean dot = strcmp(layout, "dot") == 0;
    /* Routing around obstacles grows fast with the edges in neato/sfdp (two
     * minutes for 1,500 edges); dot's is cheap, but its crossing reduction
     * and network simplex are not: bound them (about 5x faster there). */
    agattr(g, AGRAPH, "splines", packed || (large && !dot) ? "line" : "true");
    /* Components laid out apart and packed, so that they do not stretch
     * the figure into a long row; but not in dot, which then places no
     * edge label and draws parallel edges on one path (Graphviz 2.42), and
     * whose ranks already stack components. */
    if (!dot)
        agattr(g, AGRAPH, "pack", "true");
    if (large && dot) {
        agattr(g, AGRAPH, "mclimit", "0.3");
        agattr(g, AGRAPH, "nslimit", "0.2");
    }
    /* Ranks run left to right: hubs get a tall column instead of a very
     * wide row, which keeps the figure close to a page's proportions. */
    agattr(g, AGRAPH, "rankdir", "LR");
    agattr(g, AGRAPH, "labeljust", "l");
    for (guint i = 0; i < G_N_ELEMENTS(node_attrs); i++)
        agattr(g, AGNODE, (char *)node_attrs[i][0], (char *)node_attrs[i][1]);
    for (guint i = 0; i < G_N_ELEMENTS(edge_attrs); i++)
        agattr(g, AGEDGE, (char *)edge_attrs[i][0], (char *)edge_attrs[i][1]);
}

/* A long name on two lines, split at the space nearest its middle (in
 * characters), as a label (escString); NULL when it is short or has no
 * space. */
static char *wrap_name(const char *name)
{
    glong length = g_utf8_strlen(name, -1);
    if (length <= WRAP_CHARS)
        return NULL;
    const char *best = NULL;
    glong best_off = 0, i = 0;
    for (const char *p = name; *p; p = g_utf8_next_char(p), i++)
        if (*p == ' ' && i > 0 && (!best || labs(2 * i - length) < labs(2 * best_off - length)))
            best = p, best_off = i;
    if (!best || !best[1])
        return NULL;
    GString *out = g_string_new(NULL);
    char *first = g_strndup(name, best - name);
    append_esc(out, first);
    g_string_append(out, "\\n");
    append_esc(out, best + 1);
    g_free(first);
    return g_string_free(out, FALSE);
}

static Agnode_t *add_node(Agraph_t *g, const RelgraphNode *node, GHashTable *by_name, gboolean wrap)
{
    char *id = dot_id(node->name);
    Agnode_t *n = agnode(g, id, TRUE);
    g_free(id);
    g_hash_table_insert(by_name, node->name, n);
    /* dot reads an id beginning with '%' as one of cgraph's own: \N would
     * show "%3" there. */
    if (node->name[0] == '%')
        set_esc(n, "label", node->name);

    const NodeStyle *style = node_style(node->type);
    const char *type = relgraph_actor_type_name(node->type);
    set(n, "shape", style->shape);
    set(n, "fillcolor", style->fill);
    char *wrapped = wrap ? wrap_name(node->name) : NULL;
    if (wrapped)
        set(n, "label", wrapped);
    g_free(wrapped);
    if (node->discovered) {
        /* A dashed outline, and a class that SVG styles can select. */
        char *dashed = strstr(style->style, "dashed") ? g_strdup(style->style)
                                                      : g_strconcat(style->style, ",dashed", NULL);
        char *cls = g_strconcat(type ? type : "unknown", " discovered", NULL);
        set(n, "style", dashed);
        set(n, "class", cls);
        set(n, "discovered", "true");
        g_free(dashed);
        g_free(cls);
    } else {
        set(n, "style", style->style);
        set(n, "class", type ? type : "unknown");
    }
    return n;
}

/* What depends on the counts (the tooltip); the layout does not read it. */
static void add_node_details(Agnode_t *n, const RelgraphNode *node)
{
    const char *type = relgraph_actor_type_name(node->type);
    GString *tip = g_string_new(NULL);
    append_esc(tip, node->name);
    g_string_append_printf(tip, "\\ntype: %s", type ? type : "unknown");
    if (node->affiliation) {
        g_string_append(tip, "\\naffiliation: ");
        append_esc(tip, node->affiliation);
    }
    g_string_append_printf(tip, "\\nmentions: %u", node->mentions);
    if (node->discovered)
        g_string_append(tip, "\\ndiscovered: named with a title, not in the rules");
    set(n, "tooltip", tip->str);
    g_string_free(tip, TRUE);
    set(n, "type", type ? type : "unknown");
}

static Agnode_t *endpoint(Agraph_t *g, GHashTable *by_name, const char *name)
{
    Agnode_t *n = g_hash_table_lookup(by_name, name);
    if (!n) {
        /* Not reachable through graph.h, which creates the nodes of every edge. */
        char *id = dot_id(name);
        n = agnode(g, id, TRUE);
        g_free(id);
    }
    return n;
}

static Agedge_t *add_edge(Agraph_t *g, const RelgraphEdge *edge, guint index, GHashTable *by_name, gboolean large)
{
    char name[24];
    g_snprintf(name, sizeof name, "e%u", index);
    Agedge_t *e = agedge(g, endpoint(g, by_name, edge->source), endpoint(g, by_name, edge->target), name, TRUE);
    /* The id tells parallel edges apart in SVG, where they share a title;
     * it is the edge's place among the graph's sorted edges, drawn or not
     * (the HTML report finds each edge's data by it). */
    set(e, "id", name);
    /* Hundreds of edge labels only cover each other (and placing them is
     * a third of a large layout): there the relation is in the tooltip. */
    if (!large)
        set_esc(e, "label", edge->relation);
    set(e, "class", relgraph_polarity_name(edge->polarity));

    guint8 rgb[3];
    char colour[8];
    relgraph_export_polarity_rgb(edge->polarity, rgb);
    g_snprintf(colour, sizeof colour, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
    set(e, "color", colour);
    set(e, "fontcolor", colour);
    if (edge->polarity == RELGRAPH_POLARITY_CONFLICTUAL)
        set(e, "style", "dashed");  /* a second cue besides colour */
    if (edge->symmetric)
        set(e, "dir", "none");
    return e;
}

/* What depends on the weight and the evidence (width and tooltip); the
 * layout does not read it. */
static void add_edge_details(Agedge_t *e, const RelgraphEdge *edge, guint max_evidence)
{
    char width[G_ASCII_DTOSTR_BUF_SIZE];
    double w = 1.0 + log2(edge->weight > 0 ? (double)edge->weight : 1.0);
    g_ascii_formatd(width, sizeof width, "%.2f", MIN(w, MAX_PENWIDTH));
    set(e, "penwidth", width);
    char count[16];
    g_snprintf(count, sizeof count, "%u", edge->weight);
    set(e, "weight", count);
    set_esc(e, "relation", edge->relation);
    set(e, "polarity", relgraph_polarity_name(edge->polarity));

    GString *tip = g_string_new(NULL);
    append_esc(tip, edge->source);
    g_string_append_c(tip, ' ');
    append_esc(tip, edge->relation);
    g_string_append_c(tip, ' ');
    append_esc(tip, edge->target);
    g_string_append_printf(tip, " (weight %u)", edge->weight);
    guint shown = MIN(edge->evidence->len, max_evidence);
    for (guint i = 0; i < shown; i++) {
        const RelgraphEvidence *ev = g_ptr_array_index(edge->evidence, i);
        g_string_append(tip, "\\n");
        append_esc(tip, ev->doc);
        g_string_append(tip, ": ");
        append_esc(tip, ev->text);
    }
    if (edge->weight > shown)
        g_string_append_printf(tip, "\\n(%u mention%s in all)", edge->weight, edge->weight == 1 ? "" : "s");
    set(e, "tooltip", tip->str);
    g_string_free(tip, TRUE);
}

/* ---- Title and legend ----------------------------------------------------- */

/* The legend is one column; a row with swatches holds a table of its own,
 * so that no cell is stretched to another row's width. */
#define NESTED "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"

/* The longest HTML-like label Graphviz's scanner takes, with a margin. */
#define HTML_LABEL_MAX 16000

static void legend_swatch(GString *out, RelgraphActorType type, const char *name)
{
    g_string_append_printf(out, "<TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"#333333\" WIDTH=\"14\"> </TD>"
                                "<TD ALIGN=\"LEFT\">%s</TD>",
                           node_style(type)->fill, name);
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Relations of one polarity in the graph, comma-separated, in name order. */
static char *relations_of(GPtrArray *edges, RelgraphPolarity polarity)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        if (e->polarity != polarity)
            continue;
        gboolean seen = FALSE;
        for (guint j = 0; j < names->len && !seen; j++)
            seen = strcmp(g_ptr_array_index(names, j), e->relation) == 0;
        if (!seen)
            g_ptr_array_add(names, e->relation);
    }
    g_ptr_array_sort(names, compare_names);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++) {
        if (i)
            g_string_append(out, ", ");
        relgraph_export_append_markup(out, g_ptr_array_index(names, i));
    }
    g_ptr_array_unref(names);
    return g_string_free(out, FALSE);
}

/* The graph label: the title, then a legend of what shapes, colours and
 * widths mean, as an HTML-like table (a label, not nodes, so that the
 * figure has exactly the graph's nodes and edges). It names only what is
 * drawn (nodes, edges: the figure's), and nothing a page cannot do: the
 * SVG's tooltips are announced by the graph's own tooltip instead. */
static char *legend_html(GPtrArray *nodes, GPtrArray *edges, const RelgraphExportOptions *options, gboolean large,
                         guint clusters, const char *layout, guint shown, guint relations)
{
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
    if (options && options->title && *options->title) {
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" TITLE_FONT "\"><B>");
        relgraph_export_append_markup(out, options->title);
        g_string_append(out, "</B></FONT></TD></TR>");
    }
    static const struct {
        RelgraphActorType type;
        const char *name;
    } types[] = {
        {RELGRAPH_ACTOR_STATE, "state (box)"},
        {RELGRAPH_ACTOR_OFFICIAL, "official (ellipse)"},
        {RELGRAPH_ACTOR_INSTITUTION, "institution (hexagon)"},
        {0, "other (grey)"},
    };
    gboolean discovered = FALSE, row = FALSE;
    for (guint t = 0; t < G_N_ELEMENTS(types); t++) {
        gboolean drawn = FALSE;
        for (guint i = 0; i < nodes->len; i++) {
            const RelgraphNode *n = g_ptr_array_index(nodes, i);
            drawn = drawn || node_style(n->type) == node_style(types[t].type);
            discovered = discovered || n->discovered;
        }
        if (!drawn)
            continue;
        if (!row)
            g_string_append(out, "<TR><TD ALIGN=\"LEFT\">" NESTED "<TR>");
        row = TRUE;
        legend_swatch(out, types[t].type, types[t].name);
    }
    if (row)
        g_string_append(out, "</TR></TABLE></TD></TR>");
    if (clusters)
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">" NESTED "<TR><TD BORDER=\"1\" STYLE=\"rounded\" COLOR=\"#56B4E9\" WIDTH=\"14\"> </TD>"
                             "<TD ALIGN=\"LEFT\">frame: a state with its officials and "
                             "institutions (member_of)</TD></TR></TABLE></TD></TR>");
    /* Said only when the figure has a discovered actor. */
    if (discovered)
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">" NESTED "<TR><TD BORDER=\"1\" STYLE=\"dashed\" COLOR=\"#333333\" WIDTH=\"14\"> </TD>"
                             "<TD ALIGN=\"LEFT\">dashed outline: discovered, named in the text "
                             "with a title but not in the rules</TD></TR></TABLE></TD></TR>");

    static const struct {
        RelgraphPolarity polarity;
        const char *name, *line;
    } polarities[] = {
        {RELGRAPH_POLARITY_COOPERATIVE, "cooperative", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},
        {RELGRAPH_POLARITY_NEUTRAL, "neutral", "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"},
        {RELGRAPH_POLARITY_CONFLICTUAL, "conflictual (dashed)", "\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(polarities); i++) {
        char *names = relations_of(edges, polarities[i].polarity);
        if (*names) {
            guint8 rgb[3];
            relgraph_export_polarity_rgb(polarities[i].polarity, rgb);
            g_string_append_printf(out,
                                   "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"#%02X%02X%02X\">%s</FONT>&#160;%s: %s</TD></TR>",
                                   rgb[0], rgb[1], rgb[2], polarities[i].line, polarities[i].name, names);
        }
        g_free(names);
    }
    if (edges->len) {
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">line width: supporting mentions "
                             "(1, 2, 4, 8, 16+)");
        /* The documented fallbacks: a treemap draws no line, a figure too
         * large to label has unlabelled ones. */
        if (strcmp(layout, "patchwork") == 0)
            g_string_append(out, "; patchwork draws actors as areas and no relation: "
                                 "another --layout, or the report (-T html), shows them");
        else if (large)
            g_string_append(out, "; above " G_STRINGIFY(RELGRAPH_LARGE_GRAPH_EDGES)
                                 " relations lines are not labelled: the colour tells the polarity, "
                                 "the report (-T html) each relation");
        g_string_append(out, "</TD></TR>");
    }
    /* The page fit's last resort (max_relations) says what it left out. */
    if (shown < relations)
        g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\"><B>%u of %u relations shown "
                                    "(the strongest, to fit the page); --page none for all</B></TD></TR>",
                               shown, relations);
    g_string_append(out, "</TABLE>");
    /* An empty figure without a title has nothing to explain (and
     * Graphviz refuses an empty table); Graphviz reads no HTML label over
     * 16 KiB (a very long --title, hundreds of relation names): then the
     * title alone, as a plain label, which has no such limit. */
    if (!strstr(out->str, "<TR>") || out->len > HTML_LABEL_MAX) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

static gboolean is_large(guint relations);

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

/* The state an actor belongs to, following affiliations (an official of a
 * ministry of a state) through the graph's actors; NULL when none. */
static const RelgraphNode *state_of(const RelgraphGraph *graph, const RelgraphNode *node)
{
    for (guint hops = 0; node && hops < 8; hops++) {
        if (node->type == RELGRAPH_ACTOR_STATE)
            return node;
        node = node->affiliation ? relgraph_graph_node(graph, node->affiliation) : NULL;
    }
    return NULL;
}

/* TRUE when a cluster already draws edge: member_of from an actor to the
 * state it belongs to, or to an institution in the same frame. */
static gboolean drawn_by_cluster(const RelgraphGraph *graph, const RelgraphEdge *edge)
{
    if (strcmp(edge->relation, "member_of") != 0)
        return FALSE;
    const RelgraphNode *source = relgraph_graph_node(graph, edge->source);
    const RelgraphNode *target = relgraph_graph_node(graph, edge->target);
    const RelgraphNode *state = source ? state_of(graph, source) : NULL;
    return state && source != state && target && state_of(graph, target) == state;
}

/* Strongest first: the larger weight, then the graph's order. */
static gint compare_strength(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const RelgraphEdge *const *edges = user_data;
    guint i = *(const guint *)a, j = *(const guint *)b;
    if (edges[i]->weight != edges[j]->weight)
        return edges[i]->weight > edges[j]->weight ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Which of edges a figure limited to limit relations keeps (all when
 * limit is 0): the strongest. */
static gboolean *strongest(GPtrArray *edges, guint limit)
{
    guint n = edges->len;
    gboolean *kept = g_new0(gboolean, n + 1);
    guint *order = g_new(guint, n + 1);
    for (guint i = 0; i < n; i++)
        order[i] = i;
    g_qsort_with_data(order, n, sizeof *order, compare_strength, edges->pdata);
    for (guint i = 0; i < n && (!limit || i < limit); i++)
        kept[order[i]] = TRUE;
    g_free(order);
    return kept;
}

/* Which nodes and edges the figure draws (fig->nodes, fig->edges): every
 * relation (or the max_relations strongest), as a line or, with
 * cluster_state, as a frame; the actors of these relations, and the
 * others only with keep_isolated. */
static void figure_select(Figure *fig, const RelgraphGraph *graph, const RelgraphExportOptions *options)
{
    gboolean clusters = options && options->cluster_state;
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    gboolean *kept = strongest(edges, options ? options->max_relations : 0);
    fig->edges = g_ptr_array_new();
    fig->edge_index = g_array_new(FALSE, FALSE, sizeof(guint));
    /* The relations drawn, as lines or frames: they keep their actors. */
    GPtrArray *shown = g_ptr_array_new();
    for (guint i = 0; i < edges->len; i++) {
        if (!kept[i])
            continue;
        g_ptr_array_add(shown, g_ptr_array_index(edges, i));
        if (!clusters || !drawn_by_cluster(graph, g_ptr_array_index(edges, i))) {
            g_ptr_array_add(fig->edges, g_ptr_array_index(edges, i));
            g_array_append_val(fig->edge_index, i);
        }
    }
    fig->relations = edges->len;
    fig->shown = shown->len;
    GHashTable *degree = relgraph_export_degrees(shown);
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    fig->nodes = g_ptr_array_new();
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        if ((options && options->keep_isolated) || g_hash_table_contains(degree, n->name))
            g_ptr_array_add(fig->nodes, (gpointer)n);
        else
            fig->isolated++;
    }
    g_hash_table_destroy(degree);
    g_ptr_array_unref(shown);
    g_ptr_array_unref(nodes);
    g_ptr_array_unref(edges);
    g_free(kept);
}

/* --cluster state: one frame per drawn state with a drawn member, holding
 * the state and its members (the nodes are already in g). */
static void figure_add_clusters(Figure *fig, const RelgraphGraph *graph)
{
    fig->clusters = g_ptr_array_new();
    /* Ranks over the whole graph, frames as constraints: ranked frame by
     * frame, dot makes edges between frames flat, and a labelled flat edge
     * makes Graphviz 2.42 free memory twice. */
    agattr(fig->g, AGRAPH, "newrank", "true");
    /* The state's blue, lighter: the frame reads as the state's area. */
    agattr(fig->g, AGRAPH, "style", "");
    agattr(fig->g, AGRAPH, "color", "");
    agattr(fig->g, AGRAPH, "fillcolor", "");
    for (guint i = 0; i < fig->nodes->len; i++) {
        const RelgraphNode *state = g_ptr_array_index(fig->nodes, i);
        if (state->type != RELGRAPH_ACTOR_STATE)
            continue;
        Agraph_t *frame = NULL;
        for (guint j = 0; j < fig->nodes->len; j++) {
            const RelgraphNode *n = g_ptr_array_index(fig->nodes, j);
            if (n == state || state_of(graph, n) != state)
                continue;
            if (!frame) {
                char name[32];
                g_snprintf(name, sizeof name, CLUSTER_PREFIX "%u", fig->clusters->len);
                frame = agsubg(fig->g, name, TRUE);
                agsubnode(frame, fig->node_objects[i], TRUE);
                g_ptr_array_add(fig->clusters, frame);
            }
            agsubnode(frame, fig->node_objects[j], TRUE);
        }
        if (frame) {
            set(frame, "style", "rounded,filled");
            set(frame, "color", "#56B4E9");
            set(frame, "fillcolor", "#EEF7FD");
        }
    }
}

/* Builds what the layout reads: everything but the details (tooltips and
 * edge widths); the engine is named in it for the DOT text (name_engine).
 * FALSE when cgraph cannot open a graph. Close with figure_close. Must be
 * called between graphviz_begin/end. */
static gboolean figure_open(Figure *fig, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                            const char *layout, gboolean name_engine)
{
    memset(fig, 0, sizeof *fig);
    Agraph_t *g = fig->g = agopen("relgraph", Agdirected, &sink_disc);
    if (!g)
        return FALSE;
    figure_select(fig, graph, options);
    gboolean large = is_large(fig->shown);
    declare_attributes(g, layout, name_engine, large);

    /* Long names on two lines where the figure is fitted to a page. */
    gboolean wrap = !options || options->page_width >= 0;
    GHashTable *by_name = g_hash_table_new(g_str_hash, g_str_equal);
    fig->node_objects = g_new(Agnode_t *, fig->nodes->len + 1);
    for (guint i = 0; i < fig->nodes->len; i++)
        fig->node_objects[i] = add_node(g, g_ptr_array_index(fig->nodes, i), by_name, wrap);
    if (options && options->cluster_state)
        figure_add_clusters(fig, graph);

    if (!options || !options->no_legend || (options->title && *options->title)) {
        char *text = options && options->no_legend
                         ? NULL
                         : legend_html(fig->nodes, fig->edges, options, large,
                                       fig->clusters ? fig->clusters->len : 0, layout, fig->shown, fig->relations);
        if (!text && options && options->title && *options->title) {
            char *title = esc_string(options->title);
            agattr(g, AGRAPH, "label", title);
            g_free(title);
        } else if (text) {
            char *html = agstrdup_html(g, text);
            agattr(g, AGRAPH, "label", html);
            agstrfree(g, html);
            g_free(text);
        }
    }
    /* Said where it can be done: a browser shows the graph's tooltip over
     * the SVG's background, a printed page shows nothing. */
    agattr(g, AGRAPH, "tooltip", "Hover a node or an edge for its details and evidence");
    /* The frames would take the graph's label for theirs: the node of
     * their state names them. */
    for (guint i = 0; fig->clusters && i < fig->clusters->len; i++)
        agset(g_ptr_array_index(fig->clusters, i), "label", "");

    fig->edge_objects = g_new(Agedge_t *, fig->edges->len + 1);
    for (guint i = 0; i < fig->edges->len; i++)
        fig->edge_objects[i] =
            add_edge(g, g_ptr_array_index(fig->edges, i), g_array_index(fig->edge_index, guint, i), by_name, large);
    g_hash_table_unref(by_name);
    return TRUE;
}

static void figure_add_details(Figure *fig, const RelgraphExportOptions *options)
{
    for (guint i = 0; i < fig->nodes->len; i++)
        add_node_details(fig->node_objects[i], g_ptr_array_index(fig->nodes, i));
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < fig->edges->len; i++)
        add_edge_details(fig->edge_objects[i], g_ptr_array_index(fig->edges, i), max_evidence);
}

static void figure_close(Figure *fig)
{
    if (fig->g)
        agclose(fig->g);
    if (fig->nodes)
        g_ptr_array_unref(fig->nodes);
    if (fig->edges)
        g_ptr_array_unref(fig->edges);
    if (fig->clusters)
        g_ptr_array_unref(fig->clusters);
    if (fig->edge_index)
        g_array_unref(fig->edge_index);
    g_free(fig->node_objects);
    g_free(fig->edge_objects);
    memset(fig, 0, sizeof *fig);
}

/* ---- Layout engines ------------------------------------------------------- */

/* Whether a figure of this many relations is drawn as a large one (see
 * RELGRAPH_LARGE_GRAPH_EDGES): counted in what it draws, not in the view,
 * so that the page-sized figure of a large view is an ordinary figure. */
static gboolean is_large(guint relations)
{
    return relations > RELGRAPH_LARGE_GRAPH_EDGES;
}

/* The engine that lays out a figure of this many relations. */
static const char *layout_name(const RelgraphExportOptions *options, guint relations)
{
    if (options && options->layout && *options->layout)
        return options->layout;
    return is_large(relations) ? RELGRAPH_LARGE_GRAPH_LAYOUT : RELGRAPH_DEFAULT_LAYOUT;
}

/* The relations a figure with these options draws: the view's, or its
 * max_relations strongest. */
static guint drawn_relations(const RelgraphGraph *graph, const RelgraphExportOptions *options)
{
    guint all = relgraph_graph_edge_count(graph);
    return options && options->max_relations ? MIN(all, options->max_relations) : all;
}

/* Checks layout against the engines this Graphviz installation has. */
static gboolean layout_check(GVC_t *gvc, const char *layout, GError **error)
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
    Agraph_t *g = agopen("metrics", Agdirected, &sink_disc);
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
static GString *layout_input(GVC_t *gvc, Figure *fig, const char *engine)
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
 * (layout_input of fig, taken before the details were added), else those
 * of a new layout (then kept). The layout runs on a second figure like
 * fig, because an engine leaves state in its graph that nop2 then reads:
 * fig must be the same either way. */
static gboolean lay_out(GVC_t *gvc, Figure *fig, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                        const char *engine, const GString *input)
{
    const RelgraphLayoutStore *store = options ? options->layouts : NULL;
    gsize len = 0;
    char *positions = store && input ? store->lookup(store->data, input->str, input->len, &len) : NULL;
    gboolean ok = positions && positions_apply(fig, positions, len);
    if (!ok) {
        g_free(positions);
        Figure scratch;
        positions = figure_open(&scratch, graph, options, engine, FALSE) ? layout_run(gvc, &scratch, engine) : NULL;
        figure_close(&scratch);
        ok = positions && positions_apply(fig, positions, strlen(positions));
        if (ok && store && input)
            store->store(store->data, input->str, input->len, positions, strlen(positions));
    }
    g_free(positions);
    return ok;
}

/* ---- Exporters ------------------------------------------------------------ */

/* No "javascript:" anywhere in the SVG, in any case. The figure sets no
 * links, but names and sentences reach its tooltips, titles and text, and
 * a viewer (or a later edit) that makes links of them must not find a
 * script URL there. A WORD JOINER (U+2060, invisible) after "javascript"
 * breaks the scheme without changing what the figure shows. Takes svg
 * (NUL-terminated, from g_malloc) and returns it, or a new copy when it
 * had to change (the usual figure has none: no second copy of it). */
static gboolean has_script_url(const char *text, gsize len)
{
    for (gsize i = 0; i + 11 <= len; i++)
        if ((text[i] | 0x20) == 'j' && text[i + 10] == ':' && g_ascii_strncasecmp(text + i, "javascript", 10) == 0)
            return TRUE;
    return FALSE;
}

static char *defang_script_urls(char *svg, gsize *len)
{
    if (!has_script_url(svg, *len))
        return svg;
    GRegex *scheme = g_regex_new("javascript(?=:)", G_REGEX_CASELESS, 0, NULL);
    char *out = g_regex_replace(scheme, svg, (gssize)*len, 0, "\\0\xe2\x81\xa0", 0, NULL);
    g_regex_unref(scheme);
    g_free(svg);
    *len = strlen(out);
    return out;
}

/* Warnings from a run that succeeded are passed on rather than dropped. */
static void forward_warnings(char *messages)
{
    if (messages)
        g_warning("Graphviz: %s", messages);
    g_free(messages);
}

/* The result is there: handed to its ready callback, if any. */
static void result_ready(RelgraphExportResult *r)
{
    if (r && r->ready)
        r->ready(r, r->user_data);
}

/* Cairo's PDF carries the time it was made (/CreationDate (D:...)): the
 * digits are set to a fixed date in place, so that the same graph gives
 * the same bytes (and the offsets in the file stay right). */
static void pdf_fix_date(char *pdf, gsize len)
{
    static const char key[] = "/CreationDate (D:";
    static const char fixed[] = "20000101000000";
    /* Not a string search: the compressed streams before it hold NULs. */
    gsize n = strlen(key);
    char *at = NULL;
    for (gsize i = 0; i + n <= len && !at; i++)
        if (pdf[i] == '/' && memcmp(pdf + i, key, n) == 0)
            at = pdf + i;
    if (!at)
        return;
    at += n;
    for (guint i = 0; i < strlen(fixed) && at + i < pdf + len && g_ascii_isdigit(at[i]); i++)
        at[i] = fixed[i];
}

/* Draws the laid-out figure with device (svg, png:cairo, pdf:cairo) into
 * a buffer of ours (open_memstream; g_free is free), so that no copy of it
 * is needed. NULL on failure. */
static char *render_figure(GVC_t *gvc, Agraph_t *g, const char *device, gsize *len)
{
    char *data = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&data, &size);
    if (!out)
        return NULL;
#ifdef __GLIBC__
    /* Only this thread writes it: no lock taken per fwrite (a tenth of
     * the drawing, which writes in small pieces). */
    __fsetlocking(out, FSETLOCKING_BYCALLER);
#endif
    int rc = gvRender(gvc, g, device, out);
    if (fclose(out) != 0 || rc != 0 || !size) {
        free(data);
        return NULL;
    }
    *len = size;
    return data;
}

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
static void fit_page(Figure *fig, const RelgraphExportOptions *options, gboolean labelled)
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

typedef struct {
    const RelgraphLayoutStore *next;
    gboolean final; /* looking up the drawing's layout, no more trials */
} ExportLayouts;

static char *export_layouts_lookup(gpointer data, const char *input, gsize input_len, gsize *len)
{
    ExportLayouts *layouts = data;
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

static void export_layouts_store(gpointer data, const char *input, gsize input_len, const char *positions, gsize len)
{
    ExportLayouts *layouts = data;
    layout_memo_add(input, input_len, positions, len);
    if (layouts->final && layouts->next)
        layouts->next->store(layouts->next->data, input, input_len, positions, len);
}

/* Layouts the page fit may try before it settles (fit_relations). */
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
static guint fit_relations(GVC_t *gvc, const RelgraphGraph *graph, const RelgraphExportOptions *options,
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
        const char *layout = layout_name(&trial, drawn_relations(graph, &trial));
        Figure fig;
        double w = 0, h = 0;
        gboolean ok = figure_open(&fig, graph, &trial, layout, TRUE);
        guint drawn = ok ? fig.shown : 0;
        GString *input = ok && store ? layout_input(gvc, &fig, layout) : NULL;
        gboolean laid_out = ok && drawn && lay_out(gvc, &fig, graph, &trial, layout, input);
        ok = laid_out && figure_bb(&fig, &w, &h);
        figure_close(&fig);
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
static void say_fitted(const Figure *fig, const RelgraphExportOptions *options)
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

/* Both texts of one figure, built once. The DOT is written before the
 * positions are set (it names the engine instead), the layout input is
 * taken before the details are added. */
static void export_figure(const RelgraphGraph *graph, const RelgraphExportOptions *options,
                          RelgraphExportResult *dot, RelgraphExportResult *svg, const char *device)
{
    g_return_if_fail(graph && (dot || svg));
    /* The view's engine, named in a DOT of every relation; the drawing's
     * (drawing) is the engine of the relations that fit the page. */
    const char *layout = layout_name(options, drawn_relations(graph, options));
    const char *drawing = layout;
    /* patchwork sizes each node to its cell, which nop2 would size to the
     * label again: it is drawn from a layout of its own, never kept. */
    gboolean direct = strcmp(layout, "patchwork") == 0;
    const RelgraphLayoutStore *store = options ? options->layouts : NULL;
    const char *failure = NULL;
    GError *usage = NULL;

    graphviz_begin();
    GVC_t *gvc = graphviz_context();
    Figure fig = {0};
    /* The drawing's options: the page may leave out the weakest relations
     * (fit_relations); the DOT keeps them all, like the data formats. */
    RelgraphExportOptions fitted = options ? *options : (RelgraphExportOptions){0};
    ExportLayouts layouts = {store, FALSE};
    double dot_page[2] = {0, 0};
    RelgraphLayoutStore layouts_store = {export_layouts_lookup, export_layouts_store, &layouts};
    if ((svg || dot) && !direct)
        fitted.layouts = &layouts_store;
    if (!gvc)
        failure = "cannot create a context";
    else if (!layout_check(gvc, layout, &usage))
        ;
    else {
        /* The DOT too: where every relation fits, it carries the page
         * (size), so that `dot -Tpdf` of it fits the page as ours does.
         * The layouts are the drawing's, done once (layout_memo). */
        gboolean fit_failed = FALSE;
        if ((svg || dot) && !direct) {
            guint limit = fit_relations(gvc, graph, &fitted, dot_page, &fit_failed);
            if (svg && limit)
                fitted.max_relations = limit;
            drawing = layout_name(&fitted, drawn_relations(graph, &fitted));
        }
        if (fit_failed)
            failure = "cannot lay out the figure to fit the page";
        else if (!figure_open(&fig, graph, &fitted, drawing, TRUE))
            failure = "cannot create a graph";
    }
    if (failure || usage) {
        figure_close(&fig);
        char *messages = graphviz_end();
        RelgraphExportResult *results[] = {dot, svg};
        for (guint i = 0; i < G_N_ELEMENTS(results); i++) {
            if (!results[i])
                continue;
            if (usage)
                results[i]->error = g_error_copy(usage);
            else
                set_graphviz_error(&results[i]->error, failure, messages);
            result_ready(results[i]);
        }
        g_clear_error(&usage);
        g_free(messages);
        return;
    }

    GString *input = svg && !direct ? layout_input(gvc, &fig, drawing) : NULL;
    figure_add_details(&fig, options);
    if (fig.shown < fig.relations)
        say_fitted(&fig, &fitted);
    /* The DOT holds every relation of the view, as the data formats do
     * (gvpr and scripts read it); the drawing only those that fit. */
    Figure full = {0};
    Figure *dot_fig = &fig;
    if (dot && fitted.max_relations && figure_open(&full, graph, options, layout, TRUE)) {
        figure_add_details(&full, options);
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
    figure_close(&full);
    /* The weight is in the DOT for its readers; our own layout must not
     * read it, or a weight change would lay the figure out again. */
    for (guint i = 0; svg && fig.edge_objects && i < fig.edges->len; i++)
        set(fig.edge_objects[i], "weight", "1");
    if (svg) {
        layouts.final = TRUE;
        if (!direct && !lay_out(gvc, &fig, graph, &fitted, drawing, input)) {
            failure = "layout failed";
        } else {
            /* Drawn by nop2 from the positions in the attributes; the
             * graph names it too, since its layout= overrides gvLayout's. */
            const char *engine = direct ? layout : "nop2";
            agset(fig.g, "layout", (char *)engine);
            if (!direct)
                fit_page(&fig, &fitted, !is_large(fig.shown) && fig.edges->len > 0);
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
            else if (!(svg->data = render_figure(gvc, fig.g, device, &svg->len)))
                failure = strcmp(device, "svg") == 0
                              ? "SVG rendering failed (is the svg plugin registered? `dot -c` as root)"
                              : "PNG/PDF rendering failed (Graphviz's cairo plugin, libgvplugin_pango, "
                                "is needed; `dot -c` as root registers it)";
            if (laid_out)
                gvFreeLayout(gvc, fig.g);
        }
    }
    figure_close(&fig);
    if (input)
        g_string_free(input, TRUE);
    char *messages = graphviz_end();
    if (svg && failure) {
        set_graphviz_error(&svg->error, failure, messages);
    } else {
        if (svg && strcmp(device, "svg") == 0)
            svg->data = defang_script_urls(svg->data, &svg->len);
        else if (svg && g_str_has_prefix(device, "pdf"))
            pdf_fix_date(svg->data, svg->len);
        if (!dot || dot->data)
            forward_warnings(g_steal_pointer(&messages));
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
