/* Private to the export_*.c modules (and the GraphML importer, for the
 * libxml2 set-up): what every exporter shares, so that all formats draw the
 * same colours and sizes from the same graph. */
#ifndef RELGRAPH_EXPORT_INTERNAL_H
#define RELGRAPH_EXPORT_INTERNAL_H

#include "relgraph/export.h"

/* Text fit for XML 1.0 and SVG (see export.c). Caller frees. */
char *relgraph_export_clean_text(const char *text);
/* Appends text cleaned and escaped for XML and HTML markup. */
void relgraph_export_append_markup(GString *out, const char *text);
/* Evidence sentences per edge: options->max_evidence or the default. */
guint relgraph_export_max_evidence(const RelgraphExportOptions *options);
/* Edge colour by polarity (Okabe-Ito). */
void relgraph_export_polarity_rgb(RelgraphPolarity polarity, guint8 rgb[3]);
/* Node fill colour by actor type, the one the DOT/SVG figure uses. */
void relgraph_export_type_rgb(RelgraphActorType type, guint8 rgb[3]);
/* Number of edges at each node, by name (GUINT_TO_POINTER values); a new
 * table over the borrowed names of edges' graph. */
GHashTable *relgraph_export_degrees(const GPtrArray *edges);
/* Initialises libxml2 once, whichever thread comes first: formats may be
 * rendered side by side, and libxml2 must not initialise twice at once. */
void relgraph_export_xml_init(void);

/* An XML writer whose bytes go straight into out (ours, not copied out
 * of a libxml2 buffer at the end: a large GraphML is held once, not
 * twice). NULL when libxml2 cannot make one. Free with xmlFreeTextWriter
 * (which flushes into out), then take out. */
struct _xmlTextWriter;
struct _xmlTextWriter *relgraph_export_xml_writer(GString *out);

#endif
