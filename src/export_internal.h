/* Private to the export_*.c modules: what every exporter shares, so that
 * all formats draw the same colours and sizes and say the same of a
 * relation. The colours are palette.h's, the XML writer xml_writer.h's. */
#ifndef RELGRAPH_EXPORT_INTERNAL_H
#define RELGRAPH_EXPORT_INTERNAL_H

#include "relgraph/export.h"

#include <json-glib/json-glib.h>

#include "palette.h"

/* Appends field to a TSV row: tab and line breaks become spaces, other
 * control characters and invalid UTF-8 U+FFFD (for relgraph extract). */
void relgraph_export_tsv_field(GString *out, const char *field);

/* Document ids joined by ';', each with '%' and ';' percent-encoded (%25,
 * %3B), so that the list splits back into its ids: TSV's documents column,
 * GraphML's and GEXF's documents attribute. */
void relgraph_export_append_document_list(GString *out, const GPtrArray *documents);

/* Text fit for XML 1.0 and SVG (see export.c). Caller frees. */
char *relgraph_export_clean_text(const char *text);
/* Appends text cleaned and escaped for XML and HTML markup. */
void relgraph_export_append_markup(GString *out, const char *text);
/* Evidence sentences per edge: options->max_evidence or the default. */
guint relgraph_export_max_evidence(const RelgraphExportOptions *options);
/* Number of edges at each node, by name (GUINT_TO_POINTER values); a new
 * table over the borrowed names of edges' graph. */
GHashTable *relgraph_export_degrees(const GPtrArray *edges);

/* The sorted nodes and edges of a graph as the data formats walk them:
 * node i is "n<i>", edge i "e<i>", each node with its degree. */
typedef struct {
    GPtrArray *nodes;
    GPtrArray *edges;
    GHashTable *degrees;    /* see relgraph_export_degrees */
    GHashTable *node_index; /* name -> GUINT_TO_POINTER(i) */
} RelgraphExportWalk;

void relgraph_export_walk_init(RelgraphExportWalk *walk, const RelgraphGraph *graph);
void relgraph_export_walk_clear(RelgraphExportWalk *walk);
guint relgraph_export_walk_degree(const RelgraphExportWalk *walk, const RelgraphNode *node);
/* "n<i>" for the node named name. */
void relgraph_export_node_id(const RelgraphExportWalk *walk, const char *name, char id[24]);

/* "doc: sentence" of one evidence item. */
void relgraph_export_append_evidence(GString *out, const RelgraphEvidence *evidence);

/* What GraphML and GEXF say of a node or an edge, as text: each format
 * writes the facts its declarations (keys, attributes) name, in their
 * order, and leaves out those without a value. */
typedef enum {
    RELGRAPH_FACT_NAME,        /* node */
    RELGRAPH_FACT_TYPE,
    RELGRAPH_FACT_AFFILIATION,
    RELGRAPH_FACT_MENTIONS,
    RELGRAPH_FACT_DEGREE,
    RELGRAPH_FACT_SIZE,        /* area grows with mentions: "%.2f" of 10 + 4 sqrt(mentions) */
    RELGRAPH_FACT_DISCOVERED,  /* "true" on a discovered actor, none on the others */
    RELGRAPH_FACT_RELATION,    /* edge */
    RELGRAPH_FACT_POLARITY,
    RELGRAPH_FACT_WEIGHT,
    RELGRAPH_FACT_SYMMETRIC,   /* "true" or "false" */
    RELGRAPH_FACT_DOCUMENTS,   /* relgraph_export_append_document_list */
    RELGRAPH_FACT_EVIDENCE,    /* the first max_evidence items, one "doc: sentence" per line */
    RELGRAPH_FACT_FIRST_SEEN,  /* both: dates of a dated corpus */
    RELGRAPH_FACT_LAST_SEEN,
    RELGRAPH_FACT_RED,         /* both: the palette's colour, 0-255 */
    RELGRAPH_FACT_GREEN,
    RELGRAPH_FACT_BLUE,
    RELGRAPH_N_FACTS
} RelgraphFact;

typedef struct {
    const char *value[RELGRAPH_N_FACTS]; /* NULL or "": nothing to say */
    char number[RELGRAPH_N_FACTS][32];   /* where numbers are written */
    char *documents, *evidence;          /* ours */
} RelgraphFacts;

void relgraph_export_node_facts(RelgraphFacts *facts, const RelgraphExportWalk *walk, const RelgraphNode *node);
void relgraph_export_edge_facts(RelgraphFacts *facts, const RelgraphEdge *edge, guint max_evidence);
void relgraph_export_facts_clear(RelgraphFacts *facts);

/* Appends n fields (relgraph_export_tsv_field; NULL: empty) separated by
 * tabs: the TSV export's and relgraph diff's rows. */
void relgraph_export_tsv_fields(GString *out, const char *const *fields, guint n);

/* JSON members the JSON formats and the HTML report's data both write
 * (export_json.c). */
void relgraph_export_json_int(JsonBuilder *b, const char *name, gint64 value);
void relgraph_export_json_boolean(JsonBuilder *b, const char *name, gboolean value);
/* Opens edge index's object: {"id": "e<index>". */
void relgraph_export_json_begin_edge(JsonBuilder *b, guint index);

#endif
