/* The figure of the relation multigraph as a cgraph graph: what the DOT
 * text is written from and what the SVG is laid out and drawn from
 * (export_figure.c drives both).
 *
 * Both go through one Agraph_t built in the graph's sorted order, so the
 * DOT text and the layout are the same whatever order the graph was built
 * in. The DOT carries the layout engine and its seed, so `dot -Tsvg` on it
 * lays it out as we do (`-Glayout=neato` picks another engine). The SVG is
 * drawn from positions (see layout_store.c), which a cache may keep from an
 * earlier run: a figure whose nodes and edges did not change, only their
 * weights and evidence, is not laid out again.
 *
 * Encoding: node shape and fill tell the actor type, a dashed outline an
 * actor discovered in the text (not listed in the rules), edge colour (and a
 * dash for conflict) the polarity, edge width the weight; tooltips carry the
 * actor details and the evidence sentences.
 */
#include "relgraph/export.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

#define LAYOUT_SEED "1"
#define MAX_PENWIDTH 5.0
#define LEGEND_FONT "9"
#define TITLE_FONT "12"
/* Names longer than this (characters) go on two lines, split at the
 * space nearest their middle: a rank is as wide as its widest name. */
#define WRAP_CHARS 22

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
} NodeStyle;

/* Shape and colour both tell the type, so it survives grey-scale printing
 * and colour-vision deficiencies; fills are the palette's Okabe-Ito
 * colours (relgraph_palette_type_hex), under which black text stays
 * readable. */
static const NodeStyle *node_style(RelgraphActorType type)
{
    static const NodeStyle state = {"box", "filled,rounded"};
    static const NodeStyle official = {"ellipse", "filled"};
    static const NodeStyle institution = {"hexagon", "filled"};
    static const NodeStyle unknown = {"ellipse", "filled,dashed"};
    switch (type) {
    case RELGRAPH_ACTOR_STATE: return &state;
    case RELGRAPH_ACTOR_OFFICIAL: return &official;
    case RELGRAPH_ACTOR_INSTITUTION: return &institution;
    }
    return &unknown;
}

/* ---- Building the cgraph graph -------------------------------------------- */

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
Agdisc_t relgraph_figure_disc = {NULL, &marked_ids, &sink_io};

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
    /* The defaults are an actor of no known type and a neutral relation. */
    char fill[8], line[8];
    relgraph_palette_type_hex(0, fill);
    relgraph_palette_polarity_hex(RELGRAPH_POLARITY_NEUTRAL, line);
    const char *const node_attrs[][2] = {
        {"fontname", FONT}, {"fontsize", G_STRINGIFY(NODE_FONT_PT)}, {"shape", "ellipse"}, {"style", "filled"},
        {"fillcolor", fill}, {"color", "#333333"}, {"margin", "0.05,0.02"},
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
    const char *const edge_attrs[][2] = {
        {"fontname", FONT}, {"fontsize", G_STRINGIFY(EDGE_FONT_PT)}, {"color", line}, {"fontcolor", line},
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
    char fill[8];
    relgraph_palette_type_hex(node->type, fill);
    set(n, "fillcolor", fill);
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

    char colour[8];
    relgraph_palette_polarity_hex(edge->polarity, colour);
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
    char fill[8];
    relgraph_palette_type_hex(type, fill);
    g_string_append_printf(out, "<TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"#333333\" WIDTH=\"14\"> </TD>"
                                "<TD ALIGN=\"LEFT\">%s</TD>",
                           fill, name);
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
    if (clusters) {
        char state[8];
        relgraph_palette_type_hex(RELGRAPH_ACTOR_STATE, state);
        g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\">" NESTED "<TR><TD BORDER=\"1\" STYLE=\"rounded\" "
                                    "COLOR=\"%s\" WIDTH=\"14\"> </TD><TD ALIGN=\"LEFT\">frame: a state with its "
                                    "officials and institutions (member_of)</TD></TR></TABLE></TD></TR>",
                               state);
    }
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
            char colour[8];
            relgraph_palette_polarity_hex(polarities[i].polarity, colour);
            g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT>&#160;%s: %s</TD></TR>",
                                   colour, polarities[i].line, polarities[i].name, names);
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
            char colour[8], fill[8];
            relgraph_palette_type_hex(RELGRAPH_ACTOR_STATE, colour);
            relgraph_palette_frame_hex(fill);
            set(frame, "style", "rounded,filled");
            set(frame, "color", colour);
            set(frame, "fillcolor", fill);
        }
    }
}

/* Builds what the layout reads: everything but the details (tooltips and
 * edge widths); the engine is named in it for the DOT text (name_engine).
 * FALSE when cgraph cannot open a graph. Close with relgraph_figure_close. Must be
 * called between relgraph_gv_begin/end. */
gboolean relgraph_figure_open(Figure *fig, const RelgraphGraph *graph, const RelgraphExportOptions *options,
                              const char *layout, gboolean name_engine)
{
    memset(fig, 0, sizeof *fig);
    Agraph_t *g = fig->g = agopen("relgraph", Agdirected, &relgraph_figure_disc);
    if (!g)
        return FALSE;
    figure_select(fig, graph, options);
    gboolean large = relgraph_figure_is_large(fig->shown);
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

void relgraph_figure_add_details(Figure *fig, const RelgraphExportOptions *options)
{
    for (guint i = 0; i < fig->nodes->len; i++)
        add_node_details(fig->node_objects[i], g_ptr_array_index(fig->nodes, i));
    guint max_evidence = relgraph_export_max_evidence(options);
    for (guint i = 0; i < fig->edges->len; i++)
        add_edge_details(fig->edge_objects[i], g_ptr_array_index(fig->edges, i), max_evidence);
}

void relgraph_figure_close(Figure *fig)
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
gboolean relgraph_figure_is_large(guint relations)
{
    return relations > RELGRAPH_LARGE_GRAPH_EDGES;
}

/* The engine that lays out a figure of this many relations. */
const char *relgraph_figure_layout_name(const RelgraphExportOptions *options, guint relations)
{
    if (options && options->layout && *options->layout)
        return options->layout;
    return relgraph_figure_is_large(relations) ? RELGRAPH_LARGE_GRAPH_LAYOUT : RELGRAPH_DEFAULT_LAYOUT;
}

/* The relations a figure with these options draws: the view's, or its
 * max_relations strongest. */
guint relgraph_figure_drawn_relations(const RelgraphGraph *graph, const RelgraphExportOptions *options)
{
    guint all = relgraph_graph_edge_count(graph);
    return options && options->max_relations ? MIN(all, options->max_relations) : all;
}

