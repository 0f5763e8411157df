/* The GraphML keys relgraph writes (export_graphml.c) and reads back
 * (import_graphml.c): one table, so that what is written is what is read.
 *
 * Key ids equal attribute names, which is what Gephi matches first (and
 * keeps clear of its yEd d3/d7 label trap). Ids must be unique in the file,
 * so where a node and an edge attribute share a name the edge's id differs
 * ("edgelabel", "edge_r"); Gephi falls back to attr.name for an id it does
 * not know. The reader goes by domain and attr.name, never by id, so a file
 * whose keys another tool renamed still reads.
 *
 * Private to the library.
 */
#ifndef RELGRAPH_GRAPHML_KEYS_H
#define RELGRAPH_GRAPHML_KEYS_H

#define RELGRAPH_GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

/* In the order the <key> declarations are written. */
typedef enum {
    GRAPHML_NODE_LABEL,
    GRAPHML_NODE_TYPE,
    GRAPHML_NODE_AFFILIATION,
    GRAPHML_NODE_MENTIONS,
    GRAPHML_NODE_DEGREE,
    GRAPHML_NODE_SIZE,
    GRAPHML_NODE_R,
    GRAPHML_NODE_G,
    GRAPHML_NODE_B,
    GRAPHML_NODE_FIRST_SEEN,
    GRAPHML_NODE_LAST_SEEN,
    GRAPHML_NODE_DISCOVERED,
    GRAPHML_EDGE_LABEL,
    GRAPHML_EDGE_RELATION,
    GRAPHML_EDGE_POLARITY,
    GRAPHML_EDGE_WEIGHT,
    GRAPHML_EDGE_SYMMETRIC,
    GRAPHML_EDGE_DOCUMENTS,
    GRAPHML_EDGE_EVIDENCE,
    GRAPHML_EDGE_FIRST_SEEN,
    GRAPHML_EDGE_LAST_SEEN,
    GRAPHML_EDGE_R,
    GRAPHML_EDGE_G,
    GRAPHML_EDGE_B,
    GRAPHML_GRAPH_TITLE,  /* declared only when the graph has a title */
    GRAPHML_N_KEYS
} RelgraphGraphmlKeyId;

typedef struct {
    const char *id;
    const char *domain;        /* "node", "edge", "graph" */
    const char *name;          /* attr.name */
    const char *type;          /* attr.type */
    const char *default_value; /* <default>, or NULL for none */
} RelgraphGraphmlKey;

extern const RelgraphGraphmlKey relgraph_graphml_keys[GRAPHML_N_KEYS];

/* The key of domain ("node", "edge") named attr_name, or -1. */
int relgraph_graphml_key_find(const char *domain, const char *attr_name);

#endif
