/* The colours of every export, in one table: the DOT/SVG figure writes them
 * as "#RRGGBB", GraphML (r, g, b), GEXF (viz:color) and JSON ("color") as
 * the same numbers. Okabe-Ito colours, distinguishable with the common
 * colour-vision deficiencies.
 *
 * Private to the library.
 */
#ifndef RELGRAPH_PALETTE_H
#define RELGRAPH_PALETTE_H

#include <glib.h>

#include "relgraph/graph.h"

/* An actor's fill by type (unknown types: light grey). */
void relgraph_palette_type_rgb(RelgraphActorType type, guint8 rgb[3]);
/* An edge's colour by polarity: blue for cooperation, vermillion for
 * conflict, grey otherwise. */
void relgraph_palette_polarity_rgb(RelgraphPolarity polarity, guint8 rgb[3]);
/* The frame of a --cluster state box: the state's blue, lighter, so that
 * the frame reads as the state's area. */
void relgraph_palette_frame_rgb(guint8 rgb[3]);
/* rgb as "#RRGGBB" (upper case) into hex. */
void relgraph_palette_hex(const guint8 rgb[3], char hex[8]);
/* The same colours as "#RRGGBB", for the figure. */
void relgraph_palette_type_hex(RelgraphActorType type, char hex[8]);
void relgraph_palette_polarity_hex(RelgraphPolarity polarity, char hex[8]);
void relgraph_palette_frame_hex(char hex[8]);

#endif
