/* Export dispatch, plus the few helpers every exporter shares. */
#include "relgraph/export.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "export_internal.h"

typedef char *(*ExportFunc)(const RelgraphGraph *, const RelgraphExportOptions *, gsize *, GError **);

typedef struct {
    const char *name;
    const char *extension;
    ExportFunc func;
} ExportFormat;

static const ExportFormat formats[] = {
    {"dot", "dot", relgraph_export_dot},
    {"svg", "svg", relgraph_export_svg},
    {"png", "png", relgraph_export_png},
    {"pdf", "pdf", relgraph_export_pdf},
    {"html", "html", relgraph_export_html},
    {"graphml", "graphml", relgraph_export_graphml},
    {"gexf", "gexf", relgraph_export_gexf},
    {"json", "json", relgraph_export_json},
    {"cyjs", "cyjs", relgraph_export_cyjs},
    {"tsv", "tsv", relgraph_export_tsv},
};

static const char *const format_names[] = {"dot", "svg", "png", "pdf", "html", "graphml", "gexf", "json", "cyjs", "tsv", NULL};
G_STATIC_ASSERT(G_N_ELEMENTS(format_names) == G_N_ELEMENTS(formats) + 1);

static const ExportFormat *format_find(const char *name)
{
    for (guint i = 0; name && i < G_N_ELEMENTS(formats); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

char *relgraph_export(const RelgraphGraph *graph, const char *format, const RelgraphExportOptions *options,
                      gsize *len, GError **error)
{
    g_return_val_if_fail(graph && len, NULL);
    const ExportFormat *f = format_find(format);
    if (!f) {
        char *known = g_strjoinv(", ", (GStrv)format_names);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE, "unknown export format \"%s\" (known: %s)",
                    format ? format : "(null)", known);
        g_free(known);
        return NULL;
    }
    return f->func(graph, options, len, error);
}

const char *const *relgraph_export_formats(void)
{
    return format_names;
}

const char *relgraph_export_extension(const char *format)
{
    const ExportFormat *f = format_find(format);
    return f ? f->extension : NULL;
}

gboolean relgraph_export_is_figure(const char *format)
{
    static const char *const figures[] = {"dot", "svg", "png", "pdf", "html"};
    for (guint i = 0; format && i < G_N_ELEMENTS(figures); i++)
        if (strcmp(format, figures[i]) == 0)
            return TRUE;
    return FALSE;
}

void relgraph_export_append_markup(GString *out, const char *text)
{
    char *clean = relgraph_export_clean_text(text);
    char *escaped = g_markup_escape_text(clean, -1);
    g_string_append(out, escaped);
    g_free(escaped);
    g_free(clean);
}

/* Text fit for XML 1.0 and SVG: invalid UTF-8 and characters XML cannot
 * carry (C0 controls other than tab/newline/return, U+FFFE, U+FFFF) become
 * U+FFFD. Caller frees with g_free. */
char *relgraph_export_clean_text(const char *text)
{
    if (!text)
        return g_strdup("");
    /* Most text is printable ASCII, which needs nothing. */
    const char *p = text;
    while ((*p >= 0x20 && *p < 0x7F) || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (!*p)
        return g_strndup(text, (gsize)(p - text));
    char *valid = g_utf8_make_valid(text, -1);
    GString *out = NULL;
    for (p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        gboolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
        if (bad && !out)
            out = g_string_new_len(valid, p - valid);
        if (out) {
            if (bad)
                g_string_append_unichar(out, 0xFFFD);
            else
                g_string_append_len(out, p, g_utf8_next_char(p) - p);
        }
    }
    if (!out)
        return valid;
    g_free(valid);
    return g_string_free(out, FALSE);
}

guint relgraph_export_max_evidence(const RelgraphExportOptions *options)
{
    return options && options->max_evidence ? options->max_evidence : 3;
}

/* Okabe-Ito colours, distinguishable with the common colour-vision
 * deficiencies: blue for cooperation, vermillion for conflict, grey otherwise. */
void relgraph_export_polarity_rgb(RelgraphPolarity polarity, guint8 rgb[3])
{
    static const guint8 colours[][3] = {
        [RELGRAPH_POLARITY_NEUTRAL] = {0x66, 0x66, 0x66},
        [RELGRAPH_POLARITY_COOPERATIVE] = {0x00, 0x72, 0xB2},
        [RELGRAPH_POLARITY_CONFLICTUAL] = {0xD5, 0x5E, 0x00},
    };
    guint i = (guint)polarity < G_N_ELEMENTS(colours) ? (guint)polarity : RELGRAPH_POLARITY_NEUTRAL;
    memcpy(rgb, colours[i], 3);
}

/* The fills of the DOT/SVG figure (export_dot.c), for formats that carry
 * colours as numbers (GraphML r/g/b, GEXF viz:color). */
void relgraph_export_type_rgb(RelgraphActorType type, guint8 rgb[3])
{
    static const guint8 state[3] = {0x56, 0xB4, 0xE9}, official[3] = {0xF0, 0xE4, 0x42},
                        institution[3] = {0x00, 0x9E, 0x73}, unknown[3] = {0xDD, 0xDD, 0xDD};
    const guint8 *c = type == RELGRAPH_ACTOR_STATE         ? state
                      : type == RELGRAPH_ACTOR_OFFICIAL    ? official
                      : type == RELGRAPH_ACTOR_INSTITUTION ? institution
                                                           : unknown;
    memcpy(rgb, c, 3);
}

GHashTable *relgraph_export_degrees(const GPtrArray *edges)
{
    GHashTable *degree = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        const char *ends[2] = {e->source, e->target};
        for (guint k = 0; k < 2; k++)
            g_hash_table_insert(degree, (gpointer)ends[k],
                                GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(degree, ends[k])) + 1));
    }
    return degree;
}

void relgraph_export_xml_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        xmlInitParser();
        g_once_init_leave(&done, 1);
    }
}

static int append_to_string(void *out, const char *buffer, int len)
{
    g_string_append_len(out, buffer, len);
    return len;
}

static int close_nothing(void *out)
{
    (void)out;
    return 0;
}

xmlTextWriterPtr relgraph_export_xml_writer(GString *out)
{
    relgraph_export_xml_init();
    xmlOutputBufferPtr io = xmlOutputBufferCreateIO(append_to_string, close_nothing, out, NULL);
    if (!io)
        return NULL;
    xmlTextWriterPtr w = xmlNewTextWriter(io); /* takes io when it succeeds */
    if (!w)
        xmlOutputBufferClose(io);
    return w;
}
