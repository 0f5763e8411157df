/* Every format draws an actor or a relation in the same colour: the DOT
 * figure's fills and edge colours (hex), GraphML's r/g/b, GEXF's viz:color
 * and JSON's "color" all come from one palette. The expected colours are
 * the Okabe-Ito ones the figure's legend explains. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "relgraph/export.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define GEXF_NS "http://www.gexf.net/1.2draft"
#define VIZ_NS "http://www.gexf.net/1.2draft/viz"

/* One actor of each type (and one of none), one relation of each polarity. */
static RelgraphGraph *fixture(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "China", RELGRAPH_ACTOR_STATE, NULL, 3);
    relgraph_graph_add_node(g, "Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "China", 2);
    relgraph_graph_add_node(g, "KCNA", RELGRAPH_ACTOR_INSTITUTION, NULL, 1);
    relgraph_graph_add_node(g, "Somebody", 0, NULL, 1);
    RelgraphEvidence ev = {"d1", 0, 0, 10, "A sentence.", "t.rules:1"};
    relgraph_graph_add_mention(g, "Zhao Leji", "visit", "China", FALSE, RELGRAPH_POLARITY_COOPERATIVE, &ev);
    relgraph_graph_add_mention(g, "KCNA", "criticize", "China", FALSE, RELGRAPH_POLARITY_CONFLICTUAL, &ev);
    relgraph_graph_add_mention(g, "Somebody", "mention", "KCNA", FALSE, RELGRAPH_POLARITY_NEUTRAL, &ev);
    return g;
}

static const struct {
    const char *name, *hex;
} actor_colours[] = {
    {"China", "#56B4E9"}, {"Zhao Leji", "#F0E442"}, {"KCNA", "#009E73"}, {"Somebody", "#DDDDDD"},
};

static const struct {
    const char *relation, *hex;
} relation_colours[] = {
    {"visit", "#0072B2"}, {"criticize", "#D55E00"}, {"mention", "#666666"},
};

static char *export_text(const char *format, gsize *len)
{
    RelgraphGraph *g = fixture();
    RelgraphExportOptions options = {0};
    GError *error = NULL;
    char *data = relgraph_export(g, format, &options, len, &error);
    cr_assert_not_null(data, "%s: %s", format, error ? error->message : "");
    relgraph_graph_free(g);
    return data;
}

/* The string value of expr (an XPath string expression) in xml. */
static char *xpath_string(const char *xml, gsize len, const char *expr)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "x.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"g", (const xmlChar *)GRAPHML_NS);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"x", (const xmlChar *)GEXF_NS);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"viz", (const xmlChar *)VIZ_NS);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    cr_assert_not_null(r, "%s", expr);
    xmlChar *s = xmlXPathCastToString(r);
    char *value = g_strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return value;
}

/* "#RRGGBB" of three decimal strings. */
static char *hex_of(const char *r, const char *g, const char *b)
{
    return g_strdup_printf("#%02X%02X%02X", atoi(r), atoi(g), atoi(b));
}

Test(export_colours, dot_figure)
{
    gsize len;
    char *text = export_text("dot", &len);
    Agraph_t *g = agmemread(text);
    cr_assert_not_null(g);
    for (guint i = 0; i < G_N_ELEMENTS(actor_colours); i++) {
        Agnode_t *n = agnode(g, (char *)actor_colours[i].name, FALSE);
        cr_assert_not_null(n, "%s", actor_colours[i].name);
        cr_expect_str_eq(agget(n, "fillcolor"), actor_colours[i].hex, "%s", actor_colours[i].name);
    }
    guint seen = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
            for (guint i = 0; i < G_N_ELEMENTS(relation_colours); i++)
                if (strcmp(agget(e, "relation"), relation_colours[i].relation) == 0) {
                    cr_expect_str_eq(agget(e, "color"), relation_colours[i].hex, "%s", relation_colours[i].relation);
                    cr_expect_str_eq(agget(e, "fontcolor"), relation_colours[i].hex);
                    seen++;
                }
    cr_expect_eq(seen, G_N_ELEMENTS(relation_colours));
    agclose(g);
    g_free(text);
}

Test(export_colours, graphml_rgb)
{
    gsize len;
    char *xml = export_text("graphml", &len);
    for (guint i = 0; i < G_N_ELEMENTS(actor_colours); i++) {
        char *c[3];
        for (guint k = 0; k < 3; k++) {
            char *expr = g_strdup_printf("string(//g:node[g:data[@key='label']='%s']/g:data[@key='%c'])",
                                         actor_colours[i].name, "rgb"[k]);
            c[k] = xpath_string(xml, len, expr);
            g_free(expr);
        }
        char *hex = hex_of(c[0], c[1], c[2]);
        cr_expect_str_eq(hex, actor_colours[i].hex, "%s", actor_colours[i].name);
        g_free(hex);
        for (guint k = 0; k < 3; k++)
            g_free(c[k]);
    }
    for (guint i = 0; i < G_N_ELEMENTS(relation_colours); i++) {
        char *c[3];
        for (guint k = 0; k < 3; k++) {
            char *expr = g_strdup_printf("string(//g:edge[g:data[@key='relation']='%s']/g:data[@key='edge_%c'])",
                                         relation_colours[i].relation, "rgb"[k]);
            c[k] = xpath_string(xml, len, expr);
            g_free(expr);
        }
        char *hex = hex_of(c[0], c[1], c[2]);
        cr_expect_str_eq(hex, relation_colours[i].hex, "%s", relation_colours[i].relation);
        g_free(hex);
        for (guint k = 0; k < 3; k++)
            g_free(c[k]);
    }
    g_free(xml);
}

Test(export_colours, gexf_viz_color)
{
    gsize len;
    char *xml = export_text("gexf", &len);
    for (guint i = 0; i < G_N_ELEMENTS(actor_colours); i++) {
        char *c[3];
        for (guint k = 0; k < 3; k++) {
            char *expr = g_strdup_printf("string(//x:node[@label='%s']/viz:color/@%c)", actor_colours[i].name,
                                         "rgb"[k]);
            c[k] = xpath_string(xml, len, expr);
            g_free(expr);
        }
        char *hex = hex_of(c[0], c[1], c[2]);
        cr_expect_str_eq(hex, actor_colours[i].hex, "%s", actor_colours[i].name);
        g_free(hex);
        for (guint k = 0; k < 3; k++)
            g_free(c[k]);
    }
    for (guint i = 0; i < G_N_ELEMENTS(relation_colours); i++) {
        char *c[3];
        for (guint k = 0; k < 3; k++) {
            char *expr = g_strdup_printf("string(//x:edge[@kind='%s']/viz:color/@%c)", relation_colours[i].relation,
                                         "rgb"[k]);
            c[k] = xpath_string(xml, len, expr);
            g_free(expr);
        }
        char *hex = hex_of(c[0], c[1], c[2]);
        cr_expect_str_eq(hex, relation_colours[i].hex, "%s", relation_colours[i].relation);
        g_free(hex);
        for (guint k = 0; k < 3; k++)
            g_free(c[k]);
    }
    g_free(xml);
}

/* The "color" of each element of array (nodes by "id", links by "relation"). */
static void expect_json_colours(JsonArray *array, const char *key, const char *name, const char *hex)
{
    gboolean found = FALSE;
    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonObject *o = json_array_get_object_element(array, i);
        if (strcmp(json_object_get_string_member(o, key), name) != 0)
            continue;
        cr_expect_str_eq(json_object_get_string_member(o, "color"), hex, "%s", name);
        found = TRUE;
    }
    cr_expect(found, "%s", name);
}

Test(export_colours, json_color)
{
    gsize len;
    char *text = export_text("json", &len);
    JsonParser *parser = json_parser_new();
    cr_assert(json_parser_load_from_data(parser, text, (gssize)len, NULL));
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    for (guint i = 0; i < G_N_ELEMENTS(actor_colours); i++)
        expect_json_colours(json_object_get_array_member(root, "nodes"), "id", actor_colours[i].name,
                            actor_colours[i].hex);
    for (guint i = 0; i < G_N_ELEMENTS(relation_colours); i++)
        expect_json_colours(json_object_get_array_member(root, "links"), "relation", relation_colours[i].relation,
                            relation_colours[i].hex);
    g_object_unref(parser);
    g_free(text);
}
