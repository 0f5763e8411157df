/* Tests for the exporters (export.h): DOT read back by cgraph, SVG from
 * every layout engine parsed by libxml2, GraphML checked with XPath, TSV,
 * hostile names, byte-identical output whatever the build order, errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "relgraph/export.h"
#include "relgraph/import.h"
#include "../../src/export_internal.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef struct {
    const char *source, *relation, *target;
    gboolean symmetric;
    RelgraphPolarity polarity;
    const char *doc;
    guint32 start;
    const char *text;
} Mention;

/* A small multigraph: parallel edges of different relations between the
 * same pair (China/North Korea: meet, support, visit both ways), a
 * symmetric relation given in both orders, one conflictual edge. */
static const Mention mentions[] = {
    {"North Korea", "meet", "China", TRUE, RELGRAPH_POLARITY_COOPERATIVE, "d1", 0, "North Korea met China."},
    {"China", "meet", "North Korea", TRUE, RELGRAPH_POLARITY_COOPERATIVE, "d2", 10, "China met North Korea."},
    {"China", "support", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d2", 50, "China backs Pyongyang."},
    {"China", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d3", 0, "Chinese envoy in Pyongyang."},
    {"North Korea", "visit", "China", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d3", 90, "Kim went to Beijing."},
    {"United States", "criticize", "China", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, "d4", 0, "Washington slammed Beijing."},
    {"Zhao Leji", "member_of", "China", FALSE, RELGRAPH_POLARITY_NEUTRAL, "d1", 40, "Chinese official Zhao Leji"},
    {"Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d1", 40, "Zhao Leji arrived."},
    {"Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d5", 7, "Zhao\tLeji\nin Pyongyang."},
    {"Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d6", 7, "Zhao again."},
    {"Zhao Leji", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE, "d7", 7, "Zhao once more."},
};

static const struct {
    const char *name;
    RelgraphActorType type;
    const char *affiliation;
} actors[] = {
    {"China", RELGRAPH_ACTOR_STATE, NULL},
    {"North Korea", RELGRAPH_ACTOR_STATE, NULL},
    {"United States", RELGRAPH_ACTOR_STATE, NULL},
    {"Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "China"},
    {"United Nations", RELGRAPH_ACTOR_INSTITUTION, NULL},
    {"Someone", 0, NULL},
};

#define FIXTURE_NODES 6
#define FIXTURE_EDGES 7

static void add(RelgraphGraph *g, const Mention *m)
{
    RelgraphEvidence ev = {(char *)m->doc, 0, m->start, m->start + 20, (char *)m->text, "test.rules:1"};
    relgraph_graph_add_mention(g, m->source, m->relation, m->target, m->symmetric, m->polarity, &ev);
}

static RelgraphGraph *fixture(gboolean reversed)
{
    RelgraphGraph *g = relgraph_graph_new();
    guint n = G_N_ELEMENTS(mentions), k = G_N_ELEMENTS(actors);
    for (guint i = 0; i < n; i++)
        add(g, &mentions[reversed ? n - 1 - i : i]);
    for (guint i = 0; i < k; i++) {
        guint j = reversed ? k - 1 - i : i;
        relgraph_graph_add_node(g, actors[j].name, actors[j].type, actors[j].affiliation, j + 1);
    }
    return g;
}

static char *export_ok(const RelgraphGraph *g, const char *format, const RelgraphExportOptions *options, gsize *len)
{
    GError *error = NULL;
    gsize size = 0;
    char *data = relgraph_export(g, format, options, &size, &error);
    cr_assert_not_null(data, "%s: %s", format, error ? error->message : "no error set");
    cr_assert_null(error);
    /* Text formats; PNG and PDF are binary (NUL-terminated all the same). */
    gboolean binary = strcmp(format, "png") == 0 || strcmp(format, "pdf") == 0;
    cr_assert(binary ? data[size] == '\0' : strlen(data) == size, "%s: length and NUL terminator agree", format);
    if (len)
        *len = size;
    return data;
}

static xmlDocPtr parse_xml(const char *data, gsize len, const char *what)
{
    xmlDocPtr doc = xmlReadMemory(data, (int)len, what, NULL, XML_PARSE_NONET);
    cr_assert_not_null(doc, "%s is not well-formed XML", what);
    return doc;
}

/* Number of nodes an XPath expression selects in a GraphML document. */
static int xpath_count(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)GRAPHML_NS);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    cr_assert_not_null(r, "xpath %s", expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return n;
}

/* String value of an XPath expression (caller frees). */
static char *xpath_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)GRAPHML_NS);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    cr_assert_not_null(r, "xpath %s", expr);
    xmlChar *s = xmlXPathCastToString(r);
    char *out = g_strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return out;
}

static guint count_substr(const char *haystack, const char *needle)
{
    guint n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ---- Formats -------------------------------------------------------------- */

Test(export, formats_and_extensions)
{
    const char *const *f = relgraph_export_formats();
    const char *expected[] = {"dot", "svg", "png", "pdf", "html", "graphml", "gexf", "json", "cyjs", "tsv"};
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        cr_assert_str_eq(f[i], expected[i]);
        cr_assert_str_eq(relgraph_export_extension(f[i]), expected[i]);
    }
    cr_assert_null(f[G_N_ELEMENTS(expected)]);
    cr_assert_null(relgraph_export_extension("jpeg"));
    cr_assert_null(relgraph_export_extension(NULL));
}

Test(export, unknown_format_is_a_usage_error)
{
    RelgraphGraph *g = fixture(FALSE);
    GError *error = NULL;
    gsize len = 0;
    cr_assert_null(relgraph_export(g, "jpeg", NULL, &len, &error));
    cr_assert_not_null(error);
    cr_assert_eq(error->domain, RELGRAPH_ERROR);
    cr_assert_eq(error->code, RELGRAPH_ERROR_USAGE);
    cr_assert_not_null(strstr(error->message, "graphml"), "message lists the formats: %s", error->message);
    g_error_free(error);
    relgraph_graph_free(g);
}

/* ---- DOT ------------------------------------------------------------------ */

Test(export, dot_reads_back_with_parallel_edges)
{
    RelgraphGraph *g = fixture(FALSE);
    cr_assert_eq(relgraph_graph_node_count(g), FIXTURE_NODES);
    cr_assert_eq(relgraph_graph_edge_count(g), FIXTURE_EDGES);
    /* Every actor, the isolated United Nations included (see below). */
    RelgraphExportOptions options = {.title = "Test \"graph\"", .layout = NULL, .max_evidence = 0,
                                     .keep_isolated = TRUE};
    char *dot = export_ok(g, "dot", &options, NULL);

    cr_expect(g_str_has_prefix(dot, "digraph relgraph {"), "%s", dot);
    cr_expect_not_null(strstr(dot, "\"Zhao Leji\" -> \"North Korea\""));
    cr_expect_not_null(strstr(dot, "label=support"));
    cr_expect_not_null(strstr(dot, "dir=none"), "symmetric meet is drawn without arrow");
    cr_expect_not_null(strstr(dot, "layout=" RELGRAPH_DEFAULT_LAYOUT));
    /* The graph label is an HTML-like table: the title (XML-escaped), then the legend. */
    cr_expect_not_null(strstr(dot, "<B>Test &quot;graph&quot;</B>"), "title in the graph label: %s", dot);
    cr_expect_not_null(strstr(dot, "cooperative: meet, support, visit"), "legend lists the relations by polarity");
    cr_expect_not_null(strstr(dot, "institution (hexagon)"), "legend explains the shapes");
    options.no_legend = TRUE;
    char *plain = export_ok(g, "dot", &options, NULL);
    cr_expect_not_null(strstr(plain, "label=\"Test \\\"graph\\\"\""), "--no-legend: the title alone");
    cr_expect_null(strstr(plain, "hexagon)"));
    g_free(plain);
    for (guint i = 0; i < FIXTURE_EDGES; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "id=e%u", i);
        cr_expect_not_null(strstr(dot, id), "edge %s", id);
    }

    Agraph_t *h = agmemread(dot);
    cr_assert_not_null(h, "cgraph reads the DOT back");
    cr_expect(agisdirected(h));
    cr_expect_eq(agnnodes(h), FIXTURE_NODES);
    cr_expect_eq(agnedges(h), FIXTURE_EDGES, "parallel edges survive");
    /* China -> North Korea: support and visit, plus the symmetric meet. */
    Agnode_t *china = agnode(h, "China", 0), *nk = agnode(h, "North Korea", 0);
    cr_assert(china && nk);
    int between = 0;
    for (Agedge_t *e = agfstout(h, china); e; e = agnxtout(h, e))
        between += aghead(e) == nk;
    cr_expect_eq(between, 3);
    Agnode_t *zhao = agnode(h, "Zhao Leji", 0);
    cr_assert_not_null(zhao);
    cr_expect_str_eq(agget(zhao, "shape"), "ellipse");
    cr_expect_str_eq(agget(agnode(h, "China", 0), "shape"), "box");
    cr_expect_str_eq(agget(agnode(h, "United Nations", 0), "shape"), "hexagon");
    /* Heaviest edge is drawn wider. */
    Agedge_t *visit = NULL;
    for (Agedge_t *e = agfstout(h, zhao); e; e = agnxtout(h, e))
        if (strcmp(agget(e, "label"), "visit") == 0)
            visit = e;
    cr_assert_not_null(visit);
    cr_expect_str_eq(agget(visit, "penwidth"), "3.00");
    const char *tip = agget(visit, "tooltip");
    cr_expect_not_null(strstr(tip, "Zhao Leji visit North Korea (weight 4)"), "%s", tip);
    cr_expect_not_null(strstr(tip, "\\nd1: Zhao Leji arrived."), "%s", tip);
    cr_expect_not_null(strstr(tip, "(4 mentions in all)"), "%s", tip);
    agclose(h);
    g_free(dot);
    relgraph_graph_free(g);
}

/* Figures leave out the actors without relations (United Nations and
 * Someone in the fixture), keep them on request, and say in the legend only
 * what they draw; the data formats keep every actor. */
Test(export, figure_leaves_out_isolated_actors)
{
    RelgraphGraph *g = fixture(FALSE);
    RelgraphExportOptions options = {.title = "Isolated"};
    char *dot = export_ok(g, "dot", &options, NULL);
    Agraph_t *h = agmemread(dot);
    cr_assert_not_null(h);
    cr_expect_eq(agnnodes(h), FIXTURE_NODES - 2);
    cr_expect_null(agnode(h, "United Nations", 0));
    cr_expect_null(agnode(h, "Someone", 0));
    cr_expect_eq(agnedges(h), FIXTURE_EDGES);
    agclose(h);
    cr_expect_null(strstr(dot, "institution (hexagon)"), "no institution drawn, none in the legend");
    cr_expect_not_null(strstr(dot, "official (ellipse)"));
    cr_expect_null(strstr(dot, "hover"), "a page cannot be hovered: %s", dot);
    g_free(dot);

    options.keep_isolated = TRUE;
    dot = export_ok(g, "dot", &options, NULL);
    h = agmemread(dot);
    cr_assert_not_null(h);
    cr_expect_eq(agnnodes(h), FIXTURE_NODES);
    agclose(h);
    g_free(dot);

    char *json = export_ok(g, "json", NULL, NULL);
    cr_expect_not_null(strstr(json, "\"Someone\""), "the data formats keep every actor");
    g_free(json);
    relgraph_graph_free(g);
}

/* --cluster state: a frame holds the state and its official; the
 * member_of edge the frame stands for is not drawn. */
Test(export, cluster_state_frames_members)
{
    RelgraphGraph *g = fixture(FALSE);
    RelgraphExportOptions options = {.title = "Frames", .cluster_state = TRUE};
    char *dot = export_ok(g, "dot", &options, NULL);
    Agraph_t *h = agmemread(dot);
    cr_assert_not_null(h);
    Agraph_t *frame = agfstsubg(h);
    cr_assert_not_null(frame, "%s", dot);
    cr_expect(g_str_has_prefix(agnameof(frame), "cluster"));
    cr_expect_not_null(agnode(frame, "China", 0));
    cr_expect_not_null(agnode(frame, "Zhao Leji", 0));
    cr_expect_null(agnode(frame, "North Korea", 0));
    cr_expect_null(agnxtsubg(frame), "one frame: only China has a member");
    cr_expect_eq(agnedges(h), FIXTURE_EDGES - 1, "member_of is the frame");
    cr_expect_str_eq(agget(frame, "label"), "", "the state's node names the frame");
    agclose(h);
    char *svg = export_ok(g, "svg", &options, NULL);
    cr_expect_not_null(strstr(svg, "class=\"cluster\""));
    g_free(svg);
    g_free(dot);
    relgraph_graph_free(g);
}

Test(export, dot_max_evidence)
{
    RelgraphGraph *g = fixture(FALSE);
    RelgraphExportOptions options = {.title = NULL, .layout = NULL, .max_evidence = 1};
    char *dot = export_ok(g, "dot", &options, NULL);
    cr_expect_not_null(strstr(dot, "(4 mentions in all)"));
    cr_expect_null(strstr(dot, "Zhao again."));
    g_free(dot);
    options.max_evidence = 10;
    dot = export_ok(g, "dot", &options, NULL);
    cr_expect_null(strstr(dot, "more)"));
    cr_expect_not_null(strstr(dot, "Zhao once more."));
    g_free(dot);
    relgraph_graph_free(g);
}

/* ---- SVG ------------------------------------------------------------------ */

Test(export, svg_from_every_layout_is_well_formed)
{
    static const char *const layouts[] = {"dot", "neato", "sfdp", "fdp", "circo", "twopi", "osage", "patchwork"};
    RelgraphGraph *g = fixture(FALSE);
    for (guint i = 0; i < G_N_ELEMENTS(layouts); i++) {
        RelgraphExportOptions options = {.title = "Title & <more>", .layout = layouts[i], .max_evidence = 0};
        gsize len = 0;
        char *svg = export_ok(g, "svg", &options, &len);
        xmlDocPtr doc = parse_xml(svg, len, layouts[i]);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        cr_expect_str_eq((const char *)root->name, "svg", "%s", layouts[i]);
        cr_expect_not_null(strstr(svg, "Zhao Leji"), "%s", layouts[i]);
        if (strcmp(layouts[i], "patchwork") != 0) {  /* patchwork draws no edges */
            for (guint e = 0; e < FIXTURE_EDGES; e++) {
                char id[24];
                g_snprintf(id, sizeof id, "<g id=\"e%u\" ", e);
                cr_expect_not_null(strstr(svg, id), "%s: edge %s", layouts[i], id);
            }
        }
        xmlFreeDoc(doc);
        g_free(svg);
    }
    relgraph_graph_free(g);
}

Test(export, svg_carries_tooltips_classes_and_default_layout)
{
    RelgraphGraph *g = fixture(FALSE);
    gsize len = 0;
    char *svg = export_ok(g, "svg", NULL, &len);
    xmlDocPtr doc = parse_xml(svg, len, "svg");
    cr_expect_not_null(strstr(svg, "class=\"node official\""));
    cr_expect_not_null(strstr(svg, "class=\"edge conflictual\""));
    cr_expect_not_null(strstr(svg, "xlink:title=\"Zhao Leji&#10;type: official&#10;affiliation: China&#10;mentions: "));
    cr_expect_not_null(strstr(svg, "d5: Zhao\tLeji&#10;in Pyongyang."), "newline in evidence becomes a line break");
    xmlFreeDoc(doc);
    g_free(svg);
    relgraph_graph_free(g);
}

/* A layout store in memory: input -> positions; counts what it was asked. */
typedef struct {
    GHashTable *kept;
    guint lookups, hits, stores;
    gboolean garble;  /* hand back damaged positions */
} MemoryStore;

static char *memory_lookup(gpointer data, const char *input, gsize input_len, gsize *len)
{
    MemoryStore *store = data;
    store->lookups++;
    char *key = g_strndup(input, input_len);
    const char *positions = g_hash_table_lookup(store->kept, key);
    g_free(key);
    if (!positions)
        return NULL;
    store->hits++;
    *len = strlen(positions);
    if (store->garble) {  /* a line cut short */
        *len /= 2;
        return g_strndup(positions, *len);
    }
    return g_strdup(positions);
}

static void memory_store(gpointer data, const char *input, gsize input_len, const char *positions, gsize len)
{
    MemoryStore *store = data;
    store->stores++;
    g_hash_table_insert(store->kept, g_strndup(input, input_len), g_strndup(positions, len));
}

/* A kept layout draws the very bytes a new one does, for every engine; a
 * change of weights only reuses it, a new edge does not; damaged positions
 * are laid out again. */
Test(export, kept_layouts_draw_the_same_bytes)
{
    static const char *const layouts[] = {"dot", "neato", "sfdp", "fdp", "circo", "twopi", "osage", "patchwork"};
    RelgraphGraph *g = fixture(FALSE);
    for (guint i = 0; i < G_N_ELEMENTS(layouts); i++) {
        MemoryStore memory = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free), 0, 0, 0, FALSE};
        RelgraphLayoutStore store = {memory_lookup, memory_store, &memory};
        RelgraphExportOptions plain = {.layout = layouts[i]}, kept = {.layout = layouts[i], .layouts = &store};
        gboolean direct = strcmp(layouts[i], "patchwork") == 0; /* never kept */
        char *fresh = export_ok(g, "svg", &plain, NULL);
        char *first = export_ok(g, "svg", &kept, NULL);
        char *second = export_ok(g, "svg", &kept, NULL);
        cr_expect_str_eq(first, fresh, "%s: a layout stored", layouts[i]);
        cr_expect_str_eq(second, fresh, "%s: a layout reused", layouts[i]);
        cr_expect_eq(memory.stores, direct ? 0u : 1u, "%s: stored once", layouts[i]);
        cr_expect_eq(memory.hits, direct ? 0u : 1u, "%s: reused once", layouts[i]);

        memory.garble = TRUE;
        char *damaged = export_ok(g, "svg", &kept, NULL);
        cr_expect_str_eq(damaged, fresh, "%s: damaged positions laid out again", layouts[i]);
        cr_expect_eq(memory.stores, direct ? 0u : 2u, "%s: and stored again", layouts[i]);
        memory.garble = FALSE;

        /* More weight and evidence on an edge: the same layout. */
        RelgraphGraph *heavier = fixture(FALSE);
        add(heavier, &mentions[5]);
        add(heavier, &mentions[5]);
        char *heavy_fresh = export_ok(heavier, "svg", &plain, NULL);
        char *heavy_kept = export_ok(heavier, "svg", &kept, NULL);
        cr_expect_str_eq(heavy_kept, heavy_fresh, "%s: weights changed", layouts[i]);
        if (!direct) /* patchwork draws no edges */
            cr_expect_str_neq(heavy_kept, fresh, "%s: the weights show", layouts[i]);
        cr_expect_eq(memory.stores, direct ? 0u : 2u, "%s: weights alone lay nothing out", layouts[i]);

        /* A new edge: laid out again. */
        Mention extra = {"United Nations", "criticize", "North Korea", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, "d9", 0,
                         "The UN condemned Pyongyang."};
        add(heavier, &extra);
        char *wider_fresh = export_ok(heavier, "svg", &plain, NULL);
        char *wider_kept = export_ok(heavier, "svg", &kept, NULL);
        /* twopi (Graphviz 2.43) lays a graph it has laid out before in the
         * same process out differently; a relgraph run lays out once. */
        if (strcmp(layouts[i], "twopi") != 0)
            cr_expect_str_eq(wider_kept, wider_fresh, "%s: new edge", layouts[i]);
        cr_expect_eq(memory.stores, direct ? 0u : 3u, "%s: a new edge is laid out", layouts[i]);

        g_free(wider_kept);
        g_free(wider_fresh);
        g_free(heavy_kept);
        g_free(heavy_fresh);
        relgraph_graph_free(heavier);
        g_free(damaged);
        g_free(second);
        g_free(first);
        g_free(fresh);
        g_hash_table_destroy(memory.kept);
    }
    relgraph_graph_free(g);
}

/* Above RELGRAPH_LARGE_GRAPH_EDGES the default engine is sfdp with straight
 * edges (dot would take minutes); an engine asked for is kept, and dot gets
 * bounded effort. A smaller graph keeps dot and spline routing. */
Test(export, large_graph_layout_budget)
{
    RelgraphGraph *g = relgraph_graph_new();
    for (guint i = 0; i <= RELGRAPH_LARGE_GRAPH_EDGES; i++) {
        char source[16], target[16];
        g_snprintf(source, sizeof source, "A%u", i % 40);
        g_snprintf(target, sizeof target, "B%u", i / 40);
        relgraph_graph_add_mention(g, source, "meet", target, FALSE, RELGRAPH_POLARITY_COOPERATIVE, NULL);
    }
    cr_assert_gt(relgraph_graph_edge_count(g), RELGRAPH_LARGE_GRAPH_EDGES);
    char *dot = export_ok(g, "dot", NULL, NULL);
    cr_expect_not_null(strstr(dot, "layout=" RELGRAPH_LARGE_GRAPH_LAYOUT), "large default engine");
    cr_expect_not_null(strstr(dot, "splines=line"), "straight edges in a large sfdp layout");
    cr_expect_null(strstr(dot, "label=meet"), "no edge labels in a large graph");
    g_free(dot);
    RelgraphExportOptions with_dot = {.layout = "dot"};
    dot = export_ok(g, "dot", &with_dot, NULL);
    cr_expect_not_null(strstr(dot, "layout=dot"), "an engine asked for is kept");
    cr_expect_not_null(strstr(dot, "nslimit=0.2"), "bounded dot positioning");
    g_free(dot);
    relgraph_graph_free(g);

    RelgraphGraph *small = fixture(FALSE);
    dot = export_ok(small, "dot", NULL, NULL);
    cr_expect_not_null(strstr(dot, "layout=" RELGRAPH_DEFAULT_LAYOUT));
    cr_expect_not_null(strstr(dot, "splines=true"));
    cr_expect_null(strstr(dot, "nslimit"));
    cr_expect_not_null(strstr(dot, "label=meet"), "edge labels in a small graph");
    g_free(dot);
    relgraph_graph_free(small);
}

Test(export, unknown_layout_is_a_usage_error)
{
    RelgraphGraph *g = fixture(FALSE);
    RelgraphExportOptions options = {.title = NULL, .layout = "spring", .max_evidence = 0};
    const char *formats[] = {"svg", "dot"};
    for (guint i = 0; i < G_N_ELEMENTS(formats); i++) {
        GError *error = NULL;
        gsize len = 0;
        cr_assert_null(relgraph_export(g, formats[i], &options, &len, &error));
        cr_assert_not_null(error);
        cr_expect_eq(error->code, RELGRAPH_ERROR_USAGE);
        cr_expect_not_null(strstr(error->message, "spring"), "%s", error->message);
        cr_expect_not_null(strstr(error->message, "neato"), "lists the engines: %s", error->message);
        cr_expect_null(strstr(error->message, "nop"), "%s", error->message);
        g_error_free(error);
    }
    relgraph_graph_free(g);
}

/* A ready callback that takes the text and notes the order. */
typedef struct {
    GString *order;
    char *texts[2];
} ReadyLog;

static void note_ready(RelgraphExportResult *result, gpointer data)
{
    ReadyLog *log = data;
    gboolean is_svg = result->data && g_str_has_prefix(result->data, "<?xml");
    g_string_append(log->order, is_svg ? "svg " : "dot ");
    log->texts[is_svg] = g_steal_pointer(&result->data);
}

/* DOT and SVG from one figure are the texts each exporter gives alone,
 * for every engine and with a layout store; an unknown engine is a usage
 * error in both results. */
Test(export, one_figure_gives_both_texts)
{
    static const char *const layouts[] = {"dot", "sfdp", "circo", "patchwork"};
    RelgraphGraph *g = fixture(FALSE);
    for (guint i = 0; i < G_N_ELEMENTS(layouts); i++) {
        MemoryStore memory = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free), 0, 0, 0, FALSE};
        RelgraphLayoutStore store = {memory_lookup, memory_store, &memory};
        RelgraphExportOptions options = {.title = "Both", .layout = layouts[i], .layouts = &store};
        char *dot = export_ok(g, "dot", &options, NULL);
        char *svg = export_ok(g, "svg", &options, NULL);
        for (guint round = 0; round < 2; round++) { /* a new layout, then a kept one */
            RelgraphExportResult both[2] = {{0}};
            relgraph_export_figure(g, &options, &both[0], &both[1]);
            cr_assert_null(both[0].error);
            cr_assert_null(both[1].error);
            cr_expect_str_eq(both[0].data, dot, "%s: the DOT", layouts[i]);
            cr_expect_str_eq(both[1].data, svg, "%s: the SVG (round %u)", layouts[i], round);
            cr_expect_eq(both[0].len, strlen(dot));
            cr_expect_eq(both[1].len, strlen(svg));
            g_free(both[0].data);
            g_free(both[1].data);
        }
        g_free(dot);
        g_free(svg);
        g_hash_table_destroy(memory.kept);
    }

    /* With callbacks, each text is handed over as soon as it is made. */
    ReadyLog log = {g_string_new(NULL), {NULL, NULL}};
    RelgraphExportOptions options = {.title = "Both"};
    RelgraphExportResult handed[2] = {{.ready = note_ready, .user_data = &log},
                                      {.ready = note_ready, .user_data = &log}};
    relgraph_export_figure(g, &options, &handed[0], &handed[1]);
    cr_expect_str_eq(log.order->str, "dot svg ");
    cr_expect_null(handed[0].data, "taken by the callback");
    char *dot = export_ok(g, "dot", &options, NULL), *svg = export_ok(g, "svg", &options, NULL);
    cr_expect_str_eq(log.texts[0], dot);
    cr_expect_str_eq(log.texts[1], svg);
    g_free(dot), g_free(svg), g_free(log.texts[0]), g_free(log.texts[1]);
    g_string_free(log.order, TRUE);

    RelgraphExportOptions unknown = {.layout = "spring"};
    RelgraphExportResult both[2] = {{0}};
    relgraph_export_figure(g, &unknown, &both[0], &both[1]);
    for (guint i = 0; i < 2; i++) {
        cr_expect_null(both[i].data);
        cr_assert_not_null(both[i].error);
        cr_expect_eq(both[i].error->code, RELGRAPH_ERROR_USAGE);
        g_error_free(both[i].error);
    }
    relgraph_graph_free(g);
}

/* ---- GraphML -------------------------------------------------------------- */

Test(export, graphml_keys_ids_and_parallel_edges)
{
    RelgraphGraph *g = fixture(FALSE);
    RelgraphExportOptions options = {.title = "Seeds", .layout = NULL, .max_evidence = 2};
    gsize len = 0;
    char *xml = export_ok(g, "graphml", &options, &len);
    xmlDocPtr doc = parse_xml(xml, len, "graphml");

    cr_expect_eq(xpath_count(doc, "/g:graphml/g:graph[@edgedefault='directed']"), 1);
    cr_expect_eq(xpath_count(doc, "//g:node"), FIXTURE_NODES);
    cr_expect_eq(xpath_count(doc, "//g:edge"), FIXTURE_EDGES, "one <edge> per graph edge");
    /* Unique edge ids e0.., in sorted edge order. */
    for (guint i = 0; i < FIXTURE_EDGES; i++) {
        char expr[64];
        g_snprintf(expr, sizeof expr, "//g:edge[@id='e%u']", i);
        cr_expect_eq(xpath_count(doc, expr), 1, "%s", expr);
    }
    /* Keys: typed, id equal to the name (edge label excepted: ids are unique). */
    static const char *const keys[][4] = {
        {"label", "node", "label", "string"},      {"type", "node", "type", "string"},
        {"affiliation", "node", "affiliation", "string"}, {"mentions", "node", "mentions", "int"},
        {"edgelabel", "edge", "label", "string"},  {"relation", "edge", "relation", "string"},
        {"polarity", "edge", "polarity", "string"}, {"weight", "edge", "weight", "double"},
        {"symmetric", "edge", "symmetric", "boolean"}, {"documents", "edge", "documents", "string"},
        {"evidence", "edge", "evidence", "string"}, {"edge_r", "edge", "r", "int"},
        {"edge_g", "edge", "g", "int"},            {"edge_b", "edge", "b", "int"},
        {"degree", "node", "degree", "int"},       {"size", "node", "size", "double"},
        {"r", "node", "r", "int"},                 {"g", "node", "g", "int"},
        {"b", "node", "b", "int"},                 {"title", "graph", "title", "string"},
        {"node_first_seen", "node", "first_seen", "string"}, {"node_last_seen", "node", "last_seen", "string"},
        {"first_seen", "edge", "first_seen", "string"}, {"last_seen", "edge", "last_seen", "string"},
        {"discovered", "node", "discovered", "boolean"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        char *expr = g_strdup_printf("/g:graphml/g:key[@id='%s' and @for='%s' and @attr.name='%s' and @attr.type='%s']",
                                     keys[i][0], keys[i][1], keys[i][2], keys[i][3]);
        cr_expect_eq(xpath_count(doc, expr), 1, "%s", expr);
        g_free(expr);
    }
    cr_expect_eq(xpath_count(doc, "//g:key"), G_N_ELEMENTS(keys));
    cr_expect_eq(xpath_count(doc, "//g:key[@id='d3' or @id='d7']"), 0);

    /* Ids n0.. in name order (GraphML ids are NMTOKENs), names in the label. */
    char *s = xpath_string(doc, "//g:node[@id='n5']/g:data[@key='label']");
    cr_expect_str_eq(s, "Zhao Leji");
    g_free(s);
    s = xpath_string(doc, "//g:node[g:data[@key='label']='Zhao Leji']/g:data[@key='affiliation']");
    cr_expect_str_eq(s, "China");
    g_free(s);
    cr_expect_eq(xpath_count(doc, "//g:node[g:data[@key='label']='China']/g:data[@key='affiliation']"), 0,
                 "empty values omitted");
    s = xpath_string(doc, "//g:node[g:data[@key='label']='Someone']/g:data[@key='type']");
    cr_expect_str_eq(s, "unknown");
    g_free(s);

    const char *visit = "//g:edge[@source=//g:node[g:data[@key='label']='Zhao Leji']/@id and "
                        "@target=//g:node[g:data[@key='label']='North Korea']/@id and g:data[@key='relation']='visit']";
    char *expr = g_strdup_printf("%s/g:data[@key='weight']", visit);
    s = xpath_string(doc, expr);
    cr_expect_str_eq(s, "4");
    g_free(s);
    g_free(expr);
    expr = g_strdup_printf("%s/g:data[@key='documents']", visit);
    s = xpath_string(doc, expr);
    cr_expect_str_eq(s, "d1;d5;d6;d7");
    g_free(s);
    g_free(expr);
    expr = g_strdup_printf("%s/g:data[@key='evidence']", visit);
    s = xpath_string(doc, expr);
    cr_expect_str_eq(s, "d1: Zhao Leji arrived.\nd5: Zhao\tLeji\nin Pyongyang.", "max_evidence 2");
    g_free(s);
    g_free(expr);

    s = xpath_string(doc, "//g:edge[g:data[@key='relation']='criticize']/g:data[@key='edge_r']");
    cr_expect_str_eq(s, "213");
    g_free(s);
    s = xpath_string(doc, "//g:node[g:data[@key='label']='China']/g:data[@key='r']");
    cr_expect_str_eq(s, "86", "states are sky blue (#56B4E9)");
    g_free(s);
    s = xpath_string(doc, "//g:node[g:data[@key='label']='Zhao Leji']/g:data[@key='degree']");
    cr_expect_str_eq(s, "2", "edges at the node");
    g_free(s);
    cr_expect_eq(xpath_count(doc, "//@*[starts-with(name(), 'parse.')]"), 0, "no parse.* hints");
    s = xpath_string(doc, "//g:edge[g:data[@key='relation']='meet']/g:data[@key='symmetric']");
    cr_expect_str_eq(s, "true");
    g_free(s);
    s = xpath_string(doc, "//g:edge[g:data[@key='relation']='meet']/@source");
    cr_expect_str_eq(s, "n0", "symmetric edge in canonical order: China first");
    g_free(s);
    s = xpath_string(doc, "/g:graphml/g:graph/g:data[@key='title']");
    cr_expect_str_eq(s, "Seeds");
    g_free(s);

    xmlFreeDoc(doc);
    g_free(xml);
    relgraph_graph_free(g);
}

Test(export, graphml_without_title_declares_no_title_key)
{
    RelgraphGraph *g = fixture(FALSE);
    gsize len = 0;
    char *xml = export_ok(g, "graphml", NULL, &len);
    cr_expect_null(strstr(xml, "title"));
    cr_expect(g_str_has_prefix(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
    cr_expect_not_null(strstr(xml, "\n    <node id=\"n0\">\n      <data key=\"label\">China</data>\n"),
                       "indented output");
    g_free(xml);
    relgraph_graph_free(g);
}

/* ---- Discovered actors ------------------------------------------------------ */

/* One discovered actor (the rules do not list it; the text named it with
 * a title), one listed, one discovered of no known type. */
static RelgraphGraph *discovered_fixture(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_node_set_discovered(relgraph_graph_add_node(g, "Igor Morgulov", RELGRAPH_ACTOR_OFFICIAL, NULL, 1));
    relgraph_graph_add_node(g, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 2);
    relgraph_graph_node_set_discovered(relgraph_graph_add_node(g, "Envoy X", 0, NULL, 1));
    RelgraphEvidence ev = {"d1", 0, 0, 86, "Deputy Foreign Minister Igor Morgulov met Wang Yi.", "test.rules:1"};
    relgraph_graph_add_mention(g, "Igor Morgulov", "meet", "Wang Yi", TRUE, RELGRAPH_POLARITY_COOPERATIVE, &ev);
    relgraph_graph_add_mention(g, "Envoy X", "meet", "Wang Yi", TRUE, RELGRAPH_POLARITY_COOPERATIVE, &ev);
    return g;
}

/* The text of the element that starts at the first match of start, up to
 * the first end after it (caller frees). */
static char *element_text(const char *data, const char *start, const char *end)
{
    const char *a = strstr(data, start);
    cr_assert_not_null(a, "%s", start);
    const char *b = strstr(a, end);
    cr_assert_not_null(b, "%s ... %s", start, end);
    return g_strndup(a, (gsize)(b - a));
}

Test(export, graphml_discovered_key_and_values)
{
    RelgraphGraph *g = discovered_fixture();
    gsize len = 0;
    char *xml = export_ok(g, "graphml", NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len, "graphml");
    cr_expect_eq(xpath_count(doc, "/g:graphml/g:key[@id='discovered' and @for='node' and @attr.name='discovered' "
                                  "and @attr.type='boolean' and g:default='false']"), 1);
    cr_expect_eq(xpath_count(doc, "//g:node/g:data[@key='discovered']"), 2, "on discovered nodes only");
    char *s = xpath_string(doc, "//g:node[g:data[@key='label']='Igor Morgulov']/g:data[@key='discovered']");
    cr_expect_str_eq(s, "true");
    g_free(s);
    cr_expect_eq(xpath_count(doc, "//g:node[g:data[@key='label']='Wang Yi']/g:data[@key='discovered']"), 0);
    xmlFreeDoc(doc);
    g_free(xml);
    relgraph_graph_free(g);

    /* Without a discovered node: the key is declared (with its default), no node has a value. */
    g = fixture(FALSE);
    xml = export_ok(g, "graphml", NULL, &len);
    cr_expect_not_null(strstr(xml, "<key id=\"discovered\" for=\"node\" attr.name=\"discovered\" "
                                   "attr.type=\"boolean\">\n    <default>false</default>\n  </key>\n"), "%s", xml);
    cr_expect_null(strstr(xml, "<data key=\"discovered\""));
    g_free(xml);
    relgraph_graph_free(g);
}

/* Writes data to a new temporary file; caller unlinks and frees the path. */
static char *temp_graphml(const char *data, gsize len)
{
    GError *error = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("relgraph-export-XXXXXX.graphml", &path, &error);
    cr_assert_geq(fd, 0, "%s", error ? error->message : "?");
    close(fd);
    cr_assert(g_file_set_contents(path, data, (gssize)len, &error), "%s", error ? error->message : "?");
    return path;
}

static RelgraphGraph *import_graphml_text(const char *text, gsize len, GError **error)
{
    char *path = temp_graphml(text, len);
    RelgraphGraph *g = relgraph_import_graphml(path, error);
    g_unlink(path);
    g_free(path);
    return g;
}

/* The GraphML reader (what `relgraph diff` reads) keeps the flag: our own
 * "true", NetworkX's "True"/"False" (write_graphml), no value = false; any
 * other value is refused at its place. */
Test(export, graphml_discovered_reads_back)
{
    /* Without evidence, which the reader does not take back. */
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_node_set_discovered(relgraph_graph_add_node(g, "Igor Morgulov", RELGRAPH_ACTOR_OFFICIAL, NULL, 1));
    relgraph_graph_node_set_discovered(relgraph_graph_add_node(g, "Envoy X", 0, NULL, 1));
    relgraph_graph_add_node(g, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 2);
    relgraph_graph_add_mention(g, "Igor Morgulov", "meet", "Wang Yi", TRUE, RELGRAPH_POLARITY_COOPERATIVE, NULL);
    gsize len = 0;
    char *xml = export_ok(g, "graphml", NULL, &len);
    GError *error = NULL;
    RelgraphGraph *back = import_graphml_text(xml, len, &error);
    cr_assert_not_null(back, "%s", error ? error->message : "");
    cr_expect(relgraph_graph_node(back, "Igor Morgulov")->discovered);
    cr_expect(relgraph_graph_node(back, "Envoy X")->discovered);
    cr_expect_not(relgraph_graph_node(back, "Wang Yi")->discovered);
    gsize len2 = 0;
    char *again = export_ok(back, "graphml", NULL, &len2);
    cr_expect_str_eq(again, xml, "GraphML -> graph -> GraphML keeps every byte");
    g_free(again);
    relgraph_graph_free(back);
    g_free(xml);
    relgraph_graph_free(g);

    static const char *const head =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"d9\" for=\"node\" attr.name=\"discovered\" attr.type=\"boolean\"><default>False</default></key>\n"
        "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n<graph edgedefault=\"directed\">\n";
    char *text = g_strconcat(head, "<node id=\"a\"><data key=\"d0\">A</data><data key=\"d9\">True</data></node>\n",
                             "<node id=\"b\"><data key=\"d0\">B</data><data key=\"d9\">False</data></node>\n",
                             "<node id=\"c\"><data key=\"d0\">C</data></node>\n</graph>\n</graphml>\n", NULL);
    back = import_graphml_text(text, strlen(text), &error);
    cr_assert_not_null(back, "%s", error ? error->message : "");
    cr_expect(relgraph_graph_node(back, "A")->discovered);
    cr_expect_not(relgraph_graph_node(back, "B")->discovered);
    cr_expect_not(relgraph_graph_node(back, "C")->discovered);
    relgraph_graph_free(back);
    g_free(text);

    text = g_strconcat(head, "<node id=\"a\"><data key=\"d0\">A</data>\n<data key=\"d9\">yes</data></node>\n",
                       "</graph>\n</graphml>\n", NULL);
    cr_expect_null(import_graphml_text(text, strlen(text), &error));
    cr_assert_not_null(error);
    cr_expect_not_null(strstr(error->message, ":7:1: discovered must be true or false, not \"yes\""), "%s",
                       error->message);
    g_clear_error(&error);
    g_free(text);
}

Test(export, gexf_discovered_attribute)
{
    RelgraphGraph *g = discovered_fixture();
    gsize len = 0;
    char *gexf = export_ok(g, "gexf", NULL, &len);
    xmlFreeDoc(parse_xml(gexf, len, "gexf"));
    cr_expect_not_null(strstr(gexf, "<attributes class=\"node\">"), "%s", gexf);
    char *decl = element_text(gexf, "<attributes class=\"node\">", "</attributes>");
    cr_expect_not_null(strstr(decl, "<attribute id=\"discovered\" title=\"discovered\" type=\"boolean\">\n"
                                    "        <default>false</default>\n      </attribute>"), "%s", decl);
    g_free(decl);
    cr_expect_eq(count_substr(gexf, "<attvalue for=\"discovered\""), 2, "on discovered nodes only");
    char *node = element_text(gexf, "label=\"Igor Morgulov\"", "</node>");
    cr_expect_not_null(strstr(node, "<attvalue for=\"discovered\" value=\"true\"/>"), "%s", node);
    g_free(node);
    node = element_text(gexf, "label=\"Wang Yi\"", "</node>");
    cr_expect_null(strstr(node, "discovered"), "%s", node);
    g_free(node);
    g_free(gexf);
    relgraph_graph_free(g);

    g = fixture(FALSE);
    gexf = export_ok(g, "gexf", NULL, &len);
    cr_expect_eq(count_substr(gexf, "discovered"), 2, "the declaration alone (id and title)");
    cr_expect_null(strstr(gexf, "<attvalue for=\"discovered\""));
    g_free(gexf);
    relgraph_graph_free(g);
}

/* The node-link object of the node with that id (borrowed from root). */
static JsonObject *json_node_object(JsonNode *root, const char *id)
{
    JsonArray *nodes = json_object_get_array_member(json_node_get_object(root), "nodes");
    for (guint i = 0; i < json_array_get_length(nodes); i++) {
        JsonObject *o = json_array_get_object_element(nodes, i);
        if (strcmp(json_object_get_string_member(o, "id"), id) == 0)
            return o;
    }
    cr_assert_fail("no JSON node %s", id);
    return NULL;
}

Test(export, json_discovered_member)
{
    RelgraphGraph *g = discovered_fixture();
    gsize len = 0;
    char *text = export_ok(g, "json", NULL, &len);
    JsonParser *parser = json_parser_new();
    GError *error = NULL;
    cr_assert(json_parser_load_from_data(parser, text, (gssize)len, &error), "%s", error ? error->message : "");
    JsonNode *root = json_parser_get_root(parser);
    JsonObject *morgulov = json_node_object(root, "Igor Morgulov");
    cr_assert(json_object_has_member(morgulov, "discovered"));
    JsonNode *value = json_object_get_member(morgulov, "discovered");
    cr_expect_eq(json_node_get_value_type(value), G_TYPE_BOOLEAN, "a JSON true, not a string");
    cr_expect(json_node_get_boolean(value));
    cr_expect_not(json_object_has_member(json_node_object(root, "Wang Yi"), "discovered"));
    cr_expect_eq(count_substr(text, "\"discovered\" : true"), 2);
    g_object_unref(parser);
    g_free(text);
    relgraph_graph_free(g);

    g = fixture(FALSE);
    text = export_ok(g, "json", NULL, &len);
    cr_expect_null(strstr(text, "discovered"));
    g_free(text);
    relgraph_graph_free(g);
}

Test(export, dot_and_svg_mark_discovered_nodes)
{
    RelgraphGraph *g = discovered_fixture();
    char *dot = export_ok(g, "dot", NULL, NULL);
    Agraph_t *h = agmemread(dot);
    cr_assert_not_null(h, "cgraph reads the DOT back");
    Agnode_t *morgulov = agnode(h, "Igor Morgulov", 0), *wang = agnode(h, "Wang Yi", 0), *x = agnode(h, "Envoy X", 0);
    cr_assert(morgulov && wang && x);
    cr_expect_str_eq(agget(morgulov, "discovered"), "true");
    cr_expect_str_eq(agget(wang, "discovered"), "");
    cr_expect_str_eq(agget(morgulov, "style"), "filled,dashed");
    cr_expect_str_eq(agget(wang, "style"), "filled");
    cr_expect_str_eq(agget(x, "style"), "filled,dashed", "the unknown type's dash is not doubled");
    cr_expect_str_eq(agget(morgulov, "class"), "official discovered");
    cr_expect_str_eq(agget(wang, "class"), "official");
    cr_expect_not_null(strstr(agget(morgulov, "tooltip"), "\\nmentions: 1\\ndiscovered: "), "%s",
                       agget(morgulov, "tooltip"));
    cr_expect_null(strstr(agget(wang, "tooltip"), "discovered"));
    cr_expect_not_null(strstr(dot, "dashed outline: discovered"), "the legend says what the dash means");
    agclose(h);
    g_free(dot);

    gsize len = 0;
    char *svg = export_ok(g, "svg", NULL, &len);
    xmlFreeDoc(parse_xml(svg, len, "svg"));
    char *node = element_text(svg, "class=\"node official discovered\"", "</g>\n</g>");
    cr_expect_not_null(strstr(node, "stroke-dasharray"), "%s", node);
    cr_expect_not_null(strstr(node, "&#10;discovered: "), "%s", node);
    g_free(node);
    node = element_text(svg, "<title>Wang Yi</title>", "</g>\n</g>");
    cr_expect_null(strstr(node, "stroke-dasharray"), "%s", node);
    g_free(node);
    cr_expect_not_null(strstr(svg, "dashed outline: discovered"));
    g_free(svg);
    relgraph_graph_free(g);

    /* Without a discovered node: no attribute, no legend line. */
    g = fixture(FALSE);
    dot = export_ok(g, "dot", NULL, NULL);
    svg = export_ok(g, "svg", NULL, &len);
    cr_expect_null(strstr(dot, "discovered"));
    cr_expect_null(strstr(svg, "discovered"));
    g_free(dot);
    g_free(svg);
    relgraph_graph_free(g);
}

/* ---- Dates ------------------------------------------------------------------ */

Test(export, dates_become_graphml_values_and_gexf_spells)
{
    RelgraphGraph *g = fixture(FALSE);
    /* An undated graph: static GEXF, no date values. */
    gsize len = 0;
    char *gexf = export_ok(g, "gexf", NULL, &len);
    cr_expect_not_null(strstr(gexf, "mode=\"static\""));
    cr_expect_null(strstr(gexf, "start="));
    g_free(gexf);

    RelgraphEdge *e = relgraph_graph_edge(g, "Zhao Leji", "visit", "North Korea");
    relgraph_graph_edge_add_date(e, "2024-06-19");
    relgraph_graph_edge_add_date(e, "2023-01-02");
    relgraph_graph_edge_add_date(e, "");
    relgraph_graph_node_add_date(relgraph_graph_node(g, "Zhao Leji"), "2023-01-02");
    cr_expect_str_eq(e->first_date, "2023-01-02");
    cr_expect_str_eq(e->last_date, "2024-06-19");

    char *xml = export_ok(g, "graphml", NULL, &len);
    xmlDocPtr doc = parse_xml(xml, len, "graphml");
    char *s = xpath_string(doc, "//g:edge[g:data[@key='relation']='visit' and g:data[@key='first_seen']]"
                                "/g:data[@key='last_seen']");
    cr_expect_str_eq(s, "2024-06-19");
    g_free(s);
    cr_expect_eq(xpath_count(doc, "//g:edge/g:data[@key='first_seen']"), 1, "only the dated edge has dates");
    s = xpath_string(doc, "//g:node[g:data[@key='label']='Zhao Leji']/g:data[@key='node_first_seen']");
    cr_expect_str_eq(s, "2023-01-02");
    g_free(s);
    xmlFreeDoc(doc);
    g_free(xml);

    gexf = export_ok(g, "gexf", NULL, &len);
    cr_expect_not_null(strstr(gexf, "mode=\"dynamic\" timeformat=\"date\""));
    cr_expect_not_null(strstr(gexf, "start=\"2023-01-02\" end=\"2024-06-19\""));
    g_free(gexf);

    /* Merging keeps the widest span. */
    RelgraphGraph *other = relgraph_graph_new();
    RelgraphEdge *o = relgraph_graph_add_mention(other, "Zhao Leji", "visit", "North Korea", FALSE,
                                                 RELGRAPH_POLARITY_COOPERATIVE, NULL);
    relgraph_graph_edge_add_date(o, "2025-03-01");
    relgraph_graph_merge(g, other);
    cr_expect_str_eq(e->first_date, "2023-01-02");
    cr_expect_str_eq(e->last_date, "2025-03-01");
    relgraph_graph_free(other);
    relgraph_graph_free(g);
}

/* ---- TSV ------------------------------------------------------------------ */

Test(export, tsv_rows)
{
    RelgraphGraph *g = fixture(FALSE);
    char *tsv = export_ok(g, "tsv", NULL, NULL);
    cr_expect(g_str_has_prefix(tsv, "source\trelation\ttarget\tweight\tdocuments\n"));
    cr_expect_not_null(strstr(tsv, "\nChina\tmeet\tNorth Korea\t2\td1;d2\n"));
    cr_expect_not_null(strstr(tsv, "\nZhao Leji\tvisit\tNorth Korea\t4\td1;d5;d6;d7\n"));
    cr_expect_eq(count_substr(tsv, "\n"), FIXTURE_EDGES + 1);
    g_free(tsv);

    RelgraphGraph *h = relgraph_graph_new();
    RelgraphEvidence ev = {"doc\tone", 0, 0, 1, "x", "r"};
    relgraph_graph_add_mention(h, "A\tB", "rel\nation", "C\rD", FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    tsv = export_ok(h, "tsv", NULL, NULL);
    cr_expect_str_eq(tsv, "source\trelation\ttarget\tweight\tdocuments\nA B\trel ation\tC D\t1\tdoc one\n");
    g_free(tsv);
    relgraph_graph_free(h);
    relgraph_graph_free(g);
}

/* What a TSV field must hold, written the plain way: valid UTF-8 (each
 * invalid byte U+FFFD), tab and line breaks as spaces, other C0 controls,
 * U+FFFE and U+FFFF as U+FFFD. */
static char *tsv_field_spec(const char *field)
{
    char *valid = g_utf8_make_valid(field, -1);
    GString *out = g_string_new(NULL);
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '\t' || c == '\n' || c == '\r')
            g_string_append_c(out, ' ');
        else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
            g_string_append_unichar(out, 0xFFFD);
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    g_free(valid);
    return g_string_free(out, FALSE);
}

Test(export, tsv_field_matches_its_definition)
{
    /* Pieces a field is built from: text, every kind of control, valid
     * multi-byte characters, the non-characters XML refuses, and invalid
     * UTF-8 (stray continuation, truncated sequence, overlong, surrogate,
     * beyond U+10FFFF). */
    static const char *const pieces[] = {
        "Kim", " ", "\t", "\n", "\r", "\x1b", "\x01", "\x7f", "\xc3\xa9", "\xe2\x80\x99",
        "\xf0\x9f\x98\x80", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd", "\x80", "\xc3",
        "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",
    };
    GRand *rand = g_rand_new_with_seed(20261123);
    for (guint round = 0; round < 20000; round++) {
        GString *field = g_string_new(NULL);
        guint n = (guint)g_rand_int_range(rand, 0, 8);
        for (guint i = 0; i < n; i++)
            g_string_append(field, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
        char *want = tsv_field_spec(field->str);
        GString *got = g_string_new("x");
        relgraph_export_tsv_field(got, field->str);
        cr_assert_str_eq(got->str + 1, want, "field %s", g_strescape(field->str, NULL));
        cr_assert(g_utf8_validate(got->str, -1, NULL));
        g_string_free(got, TRUE);
        g_free(want);
        g_string_free(field, TRUE);
    }
    g_rand_free(rand);
    GString *got = g_string_new(NULL);
    relgraph_export_tsv_field(got, NULL);
    cr_assert_eq(got->len, 0);
    g_string_free(got, TRUE);
}

/* ---- Properties of all formats -------------------------------------------- */

Test(export, same_bytes_whatever_the_insertion_order)
{
    RelgraphGraph *a = fixture(FALSE), *b = fixture(TRUE);
    const char *const *formats = relgraph_export_formats();
    RelgraphExportOptions options = {.title = "Order", .layout = "neato", .max_evidence = 0};
    for (guint i = 0; formats[i]; i++) {
        gsize la = 0, lb = 0;
        char *x = export_ok(a, formats[i], &options, &la);
        char *y = export_ok(b, formats[i], &options, &lb);
        cr_expect_eq(la, lb, "%s length", formats[i]);
        cr_expect(la == lb && memcmp(x, y, la) == 0, "%s bytes differ", formats[i]);
        g_free(x);
        g_free(y);
    }
    relgraph_graph_free(a);
    relgraph_graph_free(b);
}

Test(export, empty_graph)
{
    RelgraphGraph *g = relgraph_graph_new();
    const char *const *formats = relgraph_export_formats();
    for (guint i = 0; formats[i]; i++) {
        gsize len = 0;
        char *data = export_ok(g, formats[i], NULL, &len);
        if (strcmp(formats[i], "svg") == 0 || strcmp(formats[i], "graphml") == 0)
            xmlFreeDoc(parse_xml(data, len, formats[i]));
        if (strcmp(formats[i], "dot") == 0) {
            Agraph_t *h = agmemread(data);
            cr_assert_not_null(h);
            cr_expect_eq(agnnodes(h), 0);
            agclose(h);
        }
        g_free(data);
    }
    relgraph_graph_free(g);
}

/* Names that break naive quoting in DOT and XML. */
static const char *const hostile[] = {
    "quote \" inside",
    "\"quoted\"",
    "back\\slash",
    "ends with backslash\\",
    "backslash before quote \\\" here",
    "backslash before newline \\\nnext",
    "two backslashes \\\\",
    "less < amp & greater >",
    "cdata ]]> end",
    "<html-like>",
    "new\nline",
    "carriage\r\nreturn",
    "tab\there",
    "Zürich – 北京 – Пхеньян",
    "node",
    "graph",
    "-1.5",
    "\\N label escape",
    "control \x01 char",
    "",
    "; -- { } [ ] = , ->",
};

Test(export, hostile_names_stay_parseable)
{
    RelgraphGraph *g = relgraph_graph_new();
    guint n = G_N_ELEMENTS(hostile);
    for (guint i = 0; i < n; i++) {
        const char *next = hostile[(i + 1) % n];
        RelgraphEvidence ev = {(char *)hostile[i], 0, 0, 1, (char *)next, (char *)hostile[i]};
        relgraph_graph_add_node(g, hostile[i], RELGRAPH_ACTOR_STATE, next, 1);
        relgraph_graph_add_mention(g, hostile[i], hostile[i], next, FALSE, RELGRAPH_POLARITY_CONFLICTUAL, &ev);
        relgraph_graph_add_mention(g, hostile[i], "rel", next, TRUE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    }
    guint nodes = relgraph_graph_node_count(g), edges = relgraph_graph_edge_count(g);
    cr_assert_eq(nodes, n);
    /* At its natural size (--page none): every name, each on one line. */
    RelgraphExportOptions options = {.title = "Title \\ \" < & ]]> \n end\\", .layout = NULL, .max_evidence = 0,
                                     .page_width = -1, .page_height = -1};

    char *dot = export_ok(g, "dot", &options, NULL);
    Agraph_t *h = agmemread(dot);
    cr_assert_not_null(h, "cgraph parses the DOT:\n%s", dot);
    cr_expect_eq(agnnodes(h), (int)nodes);
    cr_expect_eq(agnedges(h), (int)edges);
    /* Ids are the names with backslashes doubled (as labels read them). */
    for (guint i = 0; i < n; i++) {
        if (strchr(hostile[i], '\x01'))
            continue;
        GString *id = g_string_new(NULL);
        for (const char *p = hostile[i]; *p; p++) {
            if (*p == '\\')
                g_string_append_c(id, '\\');
            g_string_append_c(id, *p);
        }
        cr_expect_not_null(agnode(h, id->str, 0), "node id for \"%s\"", hostile[i]);
        g_string_free(id, TRUE);
    }
    agclose(h);
    g_free(dot);

    gsize len = 0;
    char *xml = export_ok(g, "graphml", &options, &len);
    xmlDocPtr doc = parse_xml(xml, len, "graphml");
    cr_expect_eq(xpath_count(doc, "//g:node"), (int)nodes);
    cr_expect_eq(xpath_count(doc, "//g:edge"), (int)edges);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)GRAPHML_NS);
    xmlXPathObjectPtr labels =
        xmlXPathEvalExpression((const xmlChar *)"//g:node/g:data[@key='label']", ctx);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int i = 0; i < labels->nodesetval->nodeNr; i++) {
        xmlChar *v = xmlNodeGetContent(labels->nodesetval->nodeTab[i]);
        g_hash_table_add(seen, g_strdup((const char *)v));
        xmlFree(v);
    }
    xmlXPathFreeObject(labels);
    xmlXPathFreeContext(ctx);
    for (guint i = 0; i < n; i++) {
        if (!*hostile[i] || strchr(hostile[i], '\x01') || strchr(hostile[i], '\r'))
            continue;  /* no label for "", the others replaced / normalised by XML */
        cr_expect(g_hash_table_contains(seen, hostile[i]), "GraphML label \"%s\" round-trips", hostile[i]);
    }
    g_hash_table_unref(seen);
    xmlFreeDoc(doc);
    g_free(xml);

    static const char *const layouts[] = {"dot", "neato"};
    for (guint i = 0; i < G_N_ELEMENTS(layouts); i++) {
        options.layout = layouts[i];
        char *svg = export_ok(g, "svg", &options, &len);
        doc = parse_xml(svg, len, "svg");
        /* The label shows the name itself, one backslash and all. */
        cr_expect_not_null(strstr(svg, ">back\\slash</text>"), "%s", layouts[i]);
        cr_expect_not_null(strstr(svg, ">ends with backslash\\</text>"), "%s", layouts[i]);
        cr_expect_not_null(strstr(svg, ">\\N label escape</text>"), "%s", layouts[i]);
        cr_expect_not_null(strstr(svg, ">less &lt; amp &amp; greater &gt;</text>"), "%s", layouts[i]);
        xmlFreeDoc(doc);
        g_free(svg);
    }

    char *tsv = export_ok(g, "tsv", NULL, NULL);
    cr_expect_eq(count_substr(tsv, "\n"), edges + 1, "one line per edge");
    g_free(tsv);

    char *gexf = export_ok(g, "gexf", &options, &len);
    doc = parse_xml(gexf, len, "gexf");
    xmlXPathContextPtr gctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(gctx, (const xmlChar *)"x", (const xmlChar *)"http://www.gexf.net/1.2draft");
    xmlXPathObjectPtr found = xmlXPathEvalExpression((const xmlChar *)"//x:node", gctx);
    cr_expect_eq(found->nodesetval ? found->nodesetval->nodeNr : 0, (int)nodes, "GEXF nodes");
    xmlXPathFreeObject(found);
    found = xmlXPathEvalExpression((const xmlChar *)"//x:edge", gctx);
    cr_expect_eq(found->nodesetval ? found->nodesetval->nodeNr : 0, (int)edges, "GEXF edges");
    xmlXPathFreeObject(found);
    xmlXPathFreeContext(gctx);
    xmlFreeDoc(doc);
    g_free(gexf);

    char *json = export_ok(g, "json", &options, &len);
    JsonParser *parser = json_parser_new();
    GError *error = NULL;
    cr_assert(json_parser_load_from_data(parser, json, (gssize)len, &error), "JSON parses: %s",
              error ? error->message : "");
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    cr_expect_eq(json_array_get_length(json_object_get_array_member(root, "nodes")), nodes);
    cr_expect_eq(json_array_get_length(json_object_get_array_member(root, "links")), edges);
    JsonArray *json_nodes = json_object_get_array_member(root, "nodes");
    for (guint i = 0; i < json_array_get_length(json_nodes); i++) {
        const char *id = json_object_get_string_member(json_array_get_object_element(json_nodes, i), "id");
        cr_expect(g_utf8_validate(id, -1, NULL), "JSON ids are UTF-8");
    }
    g_object_unref(parser);
    g_free(json);
    relgraph_graph_free(g);
}

/* Text that Graphviz would take for references ("&#0;" would reach the SVG
 * as an invalid character reference), runs longer than its DOT reader
 * takes in one piece (16 KB), and javascript: URLs. */
Test(export, references_long_runs_and_script_urls)
{
    static const char entity[] = "Entity &amp; &#0; &#x1b; &; end";
    char *word = g_strnfill(20000, 'W');         /* an unquoted id in DOT */
    char *token = g_strnfill(100000, 'x');
    char *long_name = g_strconcat("Long ", word, " name", NULL);
    char *text = g_strconcat("javascript:alert(1) &#0; &#x1b; ", token, " end", NULL);
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphEvidence ev = {"doc", 0, 0, 1, text, "test.rules:1"};
    relgraph_graph_add_mention(g, entity, "meet", "JavaScript:alert(2)", TRUE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    relgraph_graph_add_mention(g, word, "visit", long_name, FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    /* At its natural size (--page none): every name, each on one line. */
    RelgraphExportOptions options = {.title = NULL, .layout = NULL, .max_evidence = 0, .page_width = -1,
                                     .page_height = -1};

    char *dot = export_ok(g, "dot", &options, NULL);
    /* Read from a file, as `dot` does: agmemread takes longer runs. */
    char *path = NULL;
    int fd = g_file_open_tmp("relgraph-export-XXXXXX.dot", &path, NULL);
    cr_assert(fd >= 0);
    close(fd);
    cr_assert(g_file_set_contents(path, dot, -1, NULL));
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    Agraph_t *h = agread(f, NULL);
    fclose(f);
    g_unlink(path);
    g_free(path);
    cr_assert_not_null(h, "cgraph reads the DOT file back");
    cr_expect_eq(agnnodes(h), 4);
    cr_expect_eq(agnedges(h), 2);
    /* An '&' that starts a reference is written &amp;, so that the \N label
     * shows the name; the long names keep their ids. */
    cr_expect_not_null(agnode(h, "Entity &amp;amp; &amp;#0; &amp;#x1b; &amp;; end", 0));
    cr_expect_not_null(agnode(h, word, 0));
    cr_expect_not_null(agnode(h, long_name, 0));
    guint with_token = 0;
    for (Agnode_t *n = agfstnode(h); n; n = agnxtnode(h, n))
        for (Agedge_t *e = agfstout(h, n); e; e = agnxtout(h, e))
            with_token += strstr(agget(e, "tooltip"), token) != NULL;
    cr_expect_eq(with_token, 2, "the 100 KB token reads back whole in both tooltips");
    agclose(h);
    g_free(dot);

    gsize len = 0;
    char *svg = export_ok(g, "svg", &options, &len);
    xmlDocPtr doc = parse_xml(svg, len, "svg");
    cr_expect_not_null(strstr(svg, ">Entity &amp;amp; &amp;#0; &amp;#x1b; &amp;; end</text>"));
    for (const char *p = svg; *p; p++)
        cr_assert(g_ascii_strncasecmp(p, "javascript:", 11) != 0, "javascript: in the SVG: %.60s", p);
    /* Broken by an invisible WORD JOINER: the label still reads the same. */
    cr_expect_not_null(strstr(svg, ">JavaScript\xe2\x81\xa0:alert(2)</text>"));
    cr_expect_null(strstr(svg, "href"), "the figure has no links");
    xmlFreeDoc(doc);
    g_free(svg);

    relgraph_graph_add_node(g, "ESC \x1b name", RELGRAPH_ACTOR_STATE, NULL, 1);
    relgraph_graph_add_mention(g, "ESC \x1b name", "visit", word, FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    char *tsv = export_ok(g, "tsv", NULL, NULL);
    cr_expect_null(strchr(tsv, '\x1b'), "no raw ESC in the TSV");
    cr_expect_not_null(strstr(tsv, "ESC \xef\xbf\xbd name\tvisit\t"), "%.200s", tsv);
    g_free(tsv);

    relgraph_graph_free(g);
    g_free(text);
    g_free(long_name);
    g_free(token);
    g_free(word);
}
