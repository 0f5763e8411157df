/* The colours of every export (see palette.h). */
#include "palette.h"

#include <string.h>

static const guint8 type_colours[][3] = {
    [RELGRAPH_ACTOR_STATE] = {0x56, 0xB4, 0xE9},
    [RELGRAPH_ACTOR_OFFICIAL] = {0xF0, 0xE4, 0x42},
    [RELGRAPH_ACTOR_INSTITUTION] = {0x00, 0x9E, 0x73},
};
static const guint8 unknown_type[3] = {0xDD, 0xDD, 0xDD};

static const guint8 polarity_colours[][3] = {
    [RELGRAPH_POLARITY_NEUTRAL] = {0x66, 0x66, 0x66},
    [RELGRAPH_POLARITY_COOPERATIVE] = {0x00, 0x72, 0xB2},
    [RELGRAPH_POLARITY_CONFLICTUAL] = {0xD5, 0x5E, 0x00},
};

static const guint8 frame_colour[3] = {0xEE, 0xF7, 0xFD};

void relgraph_palette_type_rgb(RelgraphActorType type, guint8 rgb[3])
{
    gboolean known = type == RELGRAPH_ACTOR_STATE || type == RELGRAPH_ACTOR_OFFICIAL ||
                     type == RELGRAPH_ACTOR_INSTITUTION;
    memcpy(rgb, known ? type_colours[type] : unknown_type, 3);
}

void relgraph_palette_polarity_rgb(RelgraphPolarity polarity, guint8 rgb[3])
{
    guint i = (guint)polarity < G_N_ELEMENTS(polarity_colours) ? (guint)polarity : RELGRAPH_POLARITY_NEUTRAL;
    memcpy(rgb, polarity_colours[i], 3);
}

void relgraph_palette_frame_rgb(guint8 rgb[3])
{
    memcpy(rgb, frame_colour, 3);
}

void relgraph_palette_hex(const guint8 rgb[3], char hex[8])
{
    g_snprintf(hex, 8, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
}

void relgraph_palette_type_hex(RelgraphActorType type, char hex[8])
{
    guint8 rgb[3];
    relgraph_palette_type_rgb(type, rgb);
    relgraph_palette_hex(rgb, hex);
}

void relgraph_palette_polarity_hex(RelgraphPolarity polarity, char hex[8])
{
    guint8 rgb[3];
    relgraph_palette_polarity_rgb(polarity, rgb);
    relgraph_palette_hex(rgb, hex);
}

void relgraph_palette_frame_hex(char hex[8])
{
    relgraph_palette_hex(frame_colour, hex);
}
