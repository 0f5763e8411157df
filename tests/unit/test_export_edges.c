/* How each format says what an edge is: symmetric relations directed and
 * marked (the default, which every reader loads) or undirected in a mixed
 * graph (--symmetric undirected) in GraphML and GEXF, per link in JSON and
 * Cytoscape.js JSON; the DOT attributes gvpr selects on; the GEXF version. */
#include <criterion/criterion.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "relgraph/export.h"

/* Two symmetric edges (meet, cooperate), three directed ones, one a
 * parallel of a symmetric edge. */
static RelgraphGraph *fixture(void)
{
    static const struct {
        const char *s, *r, *t;
        gboolean symmetric;
        RelgraphPolarity polarity;
    } edges[] = {
        {"North Korea", "meet", "China", TRUE, RELGRAPH_POLARITY_COOPERATIVE},
        {"Russia", "cooperate", "China", TRUE, RELGRAPH_POLARITY_COOPERATIVE},
        {"China", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE},
        {"China", "visit", "North Korea", FALSE, RELGRAPH_POLARITY_COOPERATIVE},
        {"Japan", "criticize", "North Korea", FALSE, RELGRAPH_POLARITY_CONFLICTUAL},
        {"Zhao Leji", "member_of", "China", FALSE, RELGRAPH_POLARITY_NEUTRAL},
    };
    RelgraphGraph *g = relgraph_graph_new();
    for (guint i = 0; i < G_N_ELEMENTS(edges); i++) {
        RelgraphEvidence ev = {"d1", i, 0, 10, "A sentence.", "t.rules:1"};
        relgraph_graph_add_mention(g, edges[i].s, edges[i].r, edges[i].t, edges[i].symmetric, edges[i].polarity, &ev);
    }
    relgraph_graph_add_node(g, "Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "China", 1);
    relgraph_graph_add_node(g, "China", RELGRAPH_ACTOR_STATE, NULL, 1);
    return g;
}

static char *export_ok(const char *format, gboolean undirected, gsize *len)
{
    RelgraphGraph *g = fixture();
    RelgraphExportOptions options = {.symmetric_undirected = undirected};
    GError *error = NULL;
    char *data = relgraph_export(g, format, &options, len, &error);
    cr_assert_not_null(data, "%s: %s", format, error ? error->message : "");
    relgraph_graph_free(g);
    return data;
}

static int xpath_count(const char *xml, gsize len, const char *prefix, const char *ns, const char *expr)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "x.xml", NULL, XML_PARSE_NONET);
    cr_assert_not_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)prefix, (const xmlChar *)ns);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    cr_assert_not_null(r, "%s", expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define GEXF_NS "http://www.gexf.net/1.2draft"

Test(export_edges, graphml_symmetric_relations)
{
    gsize len;
    char *directed = export_ok("graphml", FALSE, &len);
    cr_expect_eq(xpath_count(directed, len, "g", GRAPHML_NS, "//g:graph[@edgedefault='directed']"), 1);
    cr_expect_eq(xpath_count(directed, len, "g", GRAPHML_NS, "//g:edge[@directed]"), 0, "NetworkX reads it");
    cr_expect_eq(xpath_count(directed, len, "g", GRAPHML_NS, "//g:edge[g:data[@key='symmetric']='true']"), 2);
    g_free(directed);
    char *mixed = export_ok("graphml", TRUE, &len);
    cr_expect_eq(xpath_count(mixed, len, "g", GRAPHML_NS, "//g:edge"), 5);
    cr_expect_eq(xpath_count(mixed, len, "g", GRAPHML_NS, "//g:edge[@directed='false']"), 2);
    cr_expect_eq(xpath_count(mixed, len, "g", GRAPHML_NS,
                             "//g:edge[@directed='false' and g:data[@key='symmetric']='true']"), 2);
    g_free(mixed);
}

Test(export_edges, gexf_is_1_2draft_and_symmetric_relations)
{
    gsize len;
    char *directed = export_ok("gexf", FALSE, &len);
    cr_expect_not_null(strstr(directed, "version=\"1.2\""));
    cr_expect_eq(xpath_count(directed, len, "x", GEXF_NS, "/x:gexf/x:graph[@defaultedgetype='directed']"), 1,
                 "the 1.2draft namespace");
    cr_expect_eq(xpath_count(directed, len, "x", GEXF_NS, "//x:edge"), 5);
    cr_expect_eq(xpath_count(directed, len, "x", GEXF_NS, "//x:edge[@type]"), 0, "NetworkX reads it");
    g_free(directed);
    char *mixed = export_ok("gexf", TRUE, &len);
    cr_expect_eq(xpath_count(mixed, len, "x", GEXF_NS, "//x:edge[@type='undirected']"), 2);
    cr_expect_eq(xpath_count(mixed, len, "x", GEXF_NS, "//x:edge[@type='undirected' and @kind='meet']"), 1);
    g_free(mixed);
}

/* The member of every element of path (an array of objects). */
static guint count_members(JsonNode *root, const char *path, const char *member, gboolean value)
{
    JsonNode *found = json_path_query(path, root, NULL);
    JsonArray *items = json_node_get_array(found);
    guint n = 0;
    for (guint i = 0; i < json_array_get_length(items); i++) {
        JsonObject *o = json_array_get_object_element(items, i);
        cr_assert(json_object_has_member(o, member), "%s without %s", path, member);
        n += json_object_get_boolean_member(o, member) == value;
    }
    json_node_unref(found);
    return n;
}

static JsonNode *parse_json(const char *text)
{
    JsonParser *parser = json_parser_new();
    cr_assert(json_parser_load_from_data(parser, text, -1, NULL));
    JsonNode *root = json_node_copy(json_parser_get_root(parser));
    g_object_unref(parser);
    return root;
}

Test(export_edges, json_says_it_per_link)
{
    gsize len;
    char *text = export_ok("json", FALSE, &len);
    JsonNode *root = parse_json(text);
    cr_expect_eq(count_members(root, "$.links[*]", "directed", FALSE), 2);
    cr_expect_eq(count_members(root, "$.links[*]", "directed", TRUE), 3);
    json_node_unref(root);
    g_free(text);
}

Test(export_edges, cyjs_elements)
{
    gsize len;
    char *text = export_ok("cyjs", FALSE, &len);
    JsonNode *root = parse_json(text);
    JsonObject *top = json_node_get_object(root);
    cr_expect_str_eq(json_object_get_string_member(top, "format_version"), "1.0");
    JsonObject *elements = json_object_get_object_member(top, "elements");
    JsonArray *nodes = json_object_get_array_member(elements, "nodes");
    JsonArray *edges = json_object_get_array_member(elements, "edges");
    cr_expect_eq(json_array_get_length(nodes), 5);
    cr_expect_eq(json_array_get_length(edges), 5);
    /* Every edge names nodes by their ids and has an id of its own. */
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < json_array_get_length(nodes); i++) {
        JsonObject *d = json_object_get_object_member(json_array_get_object_element(nodes, i), "data");
        g_hash_table_add(ids, (gpointer)json_object_get_string_member(d, "id"));
        cr_expect_str_eq(json_object_get_string_member(d, "id"), json_object_get_string_member(d, "value"));
    }
    for (guint i = 0; i < json_array_get_length(edges); i++) {
        JsonObject *d = json_object_get_object_member(json_array_get_object_element(edges, i), "data");
        cr_expect(g_hash_table_contains(ids, json_object_get_string_member(d, "source")));
        cr_expect(g_hash_table_contains(ids, json_object_get_string_member(d, "target")));
        cr_expect(g_hash_table_add(ids, (gpointer)json_object_get_string_member(d, "id")), "ids are unique");
        cr_expect_str_eq(json_object_get_string_member(d, "interaction"), json_object_get_string_member(d, "relation"));
        cr_expect_eq(json_object_get_boolean_member(d, "directed"), !json_object_get_boolean_member(d, "symmetric"));
    }
    cr_expect_eq(count_members(root, "$.elements.edges[*].data", "directed", FALSE), 2);
    g_hash_table_unref(ids);
    json_node_unref(root);
    g_free(text);
}

Test(export_edges, dot_attributes_for_gvpr)
{
    gsize len;
    char *text = export_ok("dot", FALSE, &len);
    Agraph_t *g = agmemread(text);
    cr_assert_not_null(g);
    guint visits = 0, undirected = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const char *type = agget(n, "type");
        cr_expect_str_eq(type, strcmp(agnameof(n), "Zhao Leji") == 0 ? "official"
                               : strcmp(agnameof(n), "China") == 0   ? "state"
                                                                     : "unknown",
                         "%s", agnameof(n));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const char *relation = agget(e, "relation");
            if (strcmp(relation, "visit") == 0) {
                visits++;
                cr_expect_str_eq(agget(e, "weight"), "2");
                cr_expect_str_eq(agget(e, "polarity"), "cooperative");
            }
            if (strcmp(relation, "criticize") == 0)
                cr_expect_str_eq(agget(e, "polarity"), "conflictual");
            undirected += strcmp(agget(e, "dir"), "none") == 0;
        }
    }
    cr_expect_eq(visits, 1);
    cr_expect_eq(undirected, 2);
    agclose(g);
    g_free(text);
}
