/* The GraphML keys relgraph writes and reads back (see graphml_keys.h). */
#include "graphml_keys.h"

#include <string.h>

const RelgraphGraphmlKey relgraph_graphml_keys[GRAPHML_N_KEYS] = {
    [GRAPHML_NODE_LABEL] = {"label", "node", "label", "string", NULL},
    [GRAPHML_NODE_TYPE] = {"type", "node", "type", "string", NULL},
    [GRAPHML_NODE_AFFILIATION] = {"affiliation", "node", "affiliation", "string", NULL},
    [GRAPHML_NODE_MENTIONS] = {"mentions", "node", "mentions", "int", NULL},
    [GRAPHML_NODE_DEGREE] = {"degree", "node", "degree", "int", NULL},
    [GRAPHML_NODE_SIZE] = {"size", "node", "size", "double", NULL},
    [GRAPHML_NODE_R] = {"r", "node", "r", "int", NULL},
    [GRAPHML_NODE_G] = {"g", "node", "g", "int", NULL},
    [GRAPHML_NODE_B] = {"b", "node", "b", "int", NULL},
    /* Dates of the first and last document that mentions it (when the
     * corpus is dated): "YYYY-MM-DD". */
    [GRAPHML_NODE_FIRST_SEEN] = {"node_first_seen", "node", "first_seen", "string", NULL},
    [GRAPHML_NODE_LAST_SEEN] = {"node_last_seen", "node", "last_seen", "string", NULL},
    /* An actor the rules do not list, found in the text by its title
     * (discover.h): <data> only on those, false on every other node. */
    [GRAPHML_NODE_DISCOVERED] = {"discovered", "node", "discovered", "boolean", "false"},
    [GRAPHML_EDGE_LABEL] = {"edgelabel", "edge", "label", "string", NULL},
    [GRAPHML_EDGE_RELATION] = {"relation", "edge", "relation", "string", NULL},
    [GRAPHML_EDGE_POLARITY] = {"polarity", "edge", "polarity", "string", NULL},
    [GRAPHML_EDGE_WEIGHT] = {"weight", "edge", "weight", "double", NULL},
    [GRAPHML_EDGE_SYMMETRIC] = {"symmetric", "edge", "symmetric", "boolean", NULL},
    [GRAPHML_EDGE_DOCUMENTS] = {"documents", "edge", "documents", "string", NULL},
    [GRAPHML_EDGE_EVIDENCE] = {"evidence", "edge", "evidence", "string", NULL},
    [GRAPHML_EDGE_FIRST_SEEN] = {"first_seen", "edge", "first_seen", "string", NULL},
    [GRAPHML_EDGE_LAST_SEEN] = {"last_seen", "edge", "last_seen", "string", NULL},
    [GRAPHML_EDGE_R] = {"edge_r", "edge", "r", "int", NULL},
    [GRAPHML_EDGE_G] = {"edge_g", "edge", "g", "int", NULL},
    [GRAPHML_EDGE_B] = {"edge_b", "edge", "b", "int", NULL},
    [GRAPHML_GRAPH_TITLE] = {"title", "graph", "title", "string", NULL},
};

int relgraph_graphml_key_find(const char *domain, const char *attr_name)
{
    for (int k = 0; k < GRAPHML_N_KEYS; k++)
        if (strcmp(relgraph_graphml_keys[k].domain, domain) == 0 &&
            strcmp(relgraph_graphml_keys[k].name, attr_name) == 0)
            return k;
    return -1;
}
