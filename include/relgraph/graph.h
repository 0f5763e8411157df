/* relgraph — the weighted relation multigraph.
 *
 * Nodes are actors (canonical name, type, affiliation, mention count).
 * Edges are keyed by (source, relation, target): one edge per key, parallel
 * edges of different relations between the same pair stay apart. A
 * symmetric relation is stored once with source < target in byte order
 * (strcmp). weight = number of supporting mentions; an edge keeps the sorted
 * set of supporting documents and its evidence, sorted by (doc, start, end,
 * rule) and free of exact duplicates.
 *
 * Nodes and edges also keep the first and last date they were seen on
 * (the dates of their documents, "YYYY-MM-DD"; empty when no document was
 * dated): merging takes the earlier first and the later last date.
 *
 * Merging is associative and commutative: merge(A, B) gives the same graph,
 * byte for byte in every export, as merge(B, A), and merging is what a
 * build of A ∪ B does.
 *
 * Ownership: the graph owns its nodes, edges and all their strings; the
 * pointers returned by lookups and sorted views are borrowed and valid until
 * the graph is changed or freed. Input strings are copied.
 */
#ifndef RELGRAPH_GRAPH_H
#define RELGRAPH_GRAPH_H

#include <glib.h>

#include "relgraph/common.h"

G_BEGIN_DECLS

typedef struct {
    char *doc;       /* document id */
    guint sentence;  /* sentence index in the document, from 0 */
    guint32 start;   /* byte span of the supporting sentence in the document */
    guint32 end;
    char *text;      /* the sentence text (whitespace runs folded to one space) */
    char *rule;      /* "file:line" of the pattern that fired */
} RelgraphEvidence;

typedef struct {
    char *name;              /* canonical name, the node key */
    RelgraphActorType type;  /* 0 when unknown */
    char *affiliation;       /* canonical name of the state/institution it belongs to, or NULL */
    guint mentions;          /* number of mentions in the corpus */
    gboolean discovered;     /* named in the text with a title, not in the rules (discover.h) */
    char first_date[RELGRAPH_DATE_SIZE], last_date[RELGRAPH_DATE_SIZE];
} RelgraphNode;

typedef struct {
    char *source;
    char *relation;
    char *target;
    gboolean symmetric;
    RelgraphPolarity polarity;
    guint weight;            /* supporting mentions */
    GPtrArray *documents;    /* char*, sorted, unique (after add_edge: once the edge is read back through
                              * relgraph_graph_edge or _sorted_edges); the strings belong to the graph */
    GPtrArray *evidence;     /* RelgraphEvidence*, sorted, unique */
    char first_date[RELGRAPH_DATE_SIZE], last_date[RELGRAPH_DATE_SIZE];
} RelgraphEdge;

/* Frees an evidence item whose strings were allocated with glib (as the
 * graph's own are). For containers of evidence copies. */
void relgraph_evidence_free(gpointer evidence);

typedef struct RelgraphGraph RelgraphGraph;

RelgraphGraph *relgraph_graph_new(void);
void relgraph_graph_free(RelgraphGraph *graph);

/* Adds mentions to the node called name, creating it if needed. type and
 * affiliation fill in what the node does not have yet (0/NULL: leave). */
RelgraphNode *relgraph_graph_add_node(RelgraphGraph *graph, const char *name,
                                      RelgraphActorType type, const char *affiliation,
                                      guint mentions);

/* Marks a node as discovered in the text rather than listed in the rules.
 * A mark is never taken back: merging keeps it when either side has it. */
void relgraph_graph_node_set_discovered(RelgraphNode *node);

/* Adds one supporting mention of (source, relation, target). Creates the
 * edge (and, with 0 mentions, any missing node) as needed; swaps source and
 * target of a symmetric relation into canonical order. evidence may be NULL;
 * it is copied. Returns the edge. */
RelgraphEdge *relgraph_graph_add_mention(RelgraphGraph *graph, const char *source,
                                         const char *relation, const char *target,
                                         gboolean symmetric, RelgraphPolarity polarity,
                                         const RelgraphEvidence *evidence);

/* Widens the [first, last] dates of a node or edge to include date
 * ("YYYY-MM-DD"; NULL or "" leaves them). */
void relgraph_graph_node_add_date(RelgraphNode *node, const char *date);
void relgraph_graph_edge_add_date(RelgraphEdge *edge, const char *date);

/* Adds a copy of edge (weight, documents, evidence, dates) to graph under the
 * same relation, between source and target (NULL: the edge's own); a
 * symmetric relation is put in canonical order. Used to merge and to fold
 * actors together. Returns the edge in graph. */
RelgraphEdge *relgraph_graph_add_edge(RelgraphGraph *graph, const RelgraphEdge *edge, const char *source,
                                      const char *target);

/* Keeps at most limit evidence items per edge (0: all, the default): the
 * first in evidence order, whatever order they come in, so that memory
 * grows with the graph and not with the corpus. Weights and documents still
 * count every mention. Set it before adding anything. */
void relgraph_graph_set_evidence_limit(RelgraphGraph *graph, guint limit);
/* TRUE when evidence (its text may be NULL: it is not compared unless all
 * else is equal) would be kept for that edge: callers skip building the
 * sentence text of evidence that would be dropped. */
gboolean relgraph_graph_evidence_wanted(const RelgraphGraph *graph, const char *source, const char *relation,
                                        const char *target, gboolean symmetric, const RelgraphEvidence *evidence);

/* Merges from into into: node mentions and edge weights add up, documents
 * and evidence are united. from is unchanged. */
void relgraph_graph_merge(RelgraphGraph *into, const RelgraphGraph *from);

/* Counts are 32-bit: FALSE, with *what (caller frees) naming the first
 * count ("the weight of A visit B"), when merging from into into would
 * take a node's mentions or an edge's weight past G_MAXUINT. Merging then
 * must be refused: relgraph_graph_merge would wrap. */
gboolean relgraph_graph_merge_fits(const RelgraphGraph *into, const RelgraphGraph *from, char **what);

RelgraphNode *relgraph_graph_node(const RelgraphGraph *graph, const char *name);
RelgraphEdge *relgraph_graph_edge(const RelgraphGraph *graph, const char *source,
                                  const char *relation, const char *target);
guint relgraph_graph_node_count(const RelgraphGraph *graph);
guint relgraph_graph_edge_count(const RelgraphGraph *graph);

/* Deterministic views: nodes sorted by name; edges sorted by (source,
 * relation, target). The arrays are new (caller frees with
 * g_ptr_array_unref), their elements borrowed. */
GPtrArray *relgraph_graph_sorted_nodes(const RelgraphGraph *graph);
GPtrArray *relgraph_graph_sorted_edges(const RelgraphGraph *graph);

G_END_DECLS

#endif
