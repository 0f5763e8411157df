/* Export dispatch, plus the few helpers every exporter shares. */
#include "relgraph/export.h"

#include <math.h>
#include <string.h>

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
    return options && options->max_evidence ? options->max_evidence : RELGRAPH_DEFAULT_MAX_EVIDENCE;
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

void relgraph_export_walk_init(RelgraphExportWalk *walk, const RelgraphGraph *graph)
{
    walk->nodes = relgraph_graph_sorted_nodes(graph);
    walk->edges = relgraph_graph_sorted_edges(graph);
    walk->degrees = relgraph_export_degrees(walk->edges);
    walk->node_index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < walk->nodes->len; i++)
        g_hash_table_insert(walk->node_index, ((RelgraphNode *)g_ptr_array_index(walk->nodes, i))->name,
                            GUINT_TO_POINTER(i));
}

void relgraph_export_walk_clear(RelgraphExportWalk *walk)
{
    g_hash_table_unref(walk->node_index);
    g_hash_table_unref(walk->degrees);
    g_ptr_array_unref(walk->nodes);
    g_ptr_array_unref(walk->edges);
    memset(walk, 0, sizeof *walk);
}

guint relgraph_export_walk_degree(const RelgraphExportWalk *walk, const RelgraphNode *node)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(walk->degrees, node->name));
}

/* Node ids are "n<index>" in name order: GraphML ids are xs:NMTOKEN, which
 * allows no spaces, so the name itself goes in the label. */
void relgraph_export_node_id(const RelgraphExportWalk *walk, const char *name, char id[24])
{
    g_snprintf(id, 24, "n%u", GPOINTER_TO_UINT(g_hash_table_lookup(walk->node_index, name)));
}

void relgraph_export_append_evidence(GString *out, const RelgraphEvidence *evidence)
{
    g_string_append(out, evidence->doc ? evidence->doc : "");
    g_string_append(out, ": ");
    g_string_append(out, evidence->text ? evidence->text : "");
}

static void fact_uint(RelgraphFacts *facts, RelgraphFact fact, guint value)
{
    g_snprintf(facts->number[fact], sizeof facts->number[fact], "%u", value);
    facts->value[fact] = facts->number[fact];
}

static void facts_rgb(RelgraphFacts *facts, const guint8 rgb[3])
{
    for (guint c = 0; c < 3; c++)
        fact_uint(facts, RELGRAPH_FACT_RED + c, rgb[c]);
}

void relgraph_export_node_facts(RelgraphFacts *facts, const RelgraphExportWalk *walk, const RelgraphNode *node)
{
    memset(facts->value, 0, sizeof facts->value);
    facts->documents = facts->evidence = NULL;
    const char *type = relgraph_actor_type_name(node->type);
    facts->value[RELGRAPH_FACT_NAME] = node->name;
    facts->value[RELGRAPH_FACT_TYPE] = type ? type : "unknown";
    facts->value[RELGRAPH_FACT_AFFILIATION] = node->affiliation;
    fact_uint(facts, RELGRAPH_FACT_MENTIONS, node->mentions);
    fact_uint(facts, RELGRAPH_FACT_DEGREE, relgraph_export_walk_degree(walk, node));
    g_ascii_formatd(facts->number[RELGRAPH_FACT_SIZE], sizeof facts->number[RELGRAPH_FACT_SIZE], "%.2f",
                    10.0 + 4.0 * sqrt((double)node->mentions));
    facts->value[RELGRAPH_FACT_SIZE] = facts->number[RELGRAPH_FACT_SIZE];
    facts->value[RELGRAPH_FACT_DISCOVERED] = node->discovered ? "true" : NULL;
    facts->value[RELGRAPH_FACT_FIRST_SEEN] = node->first_date;
    facts->value[RELGRAPH_FACT_LAST_SEEN] = node->last_date;
    guint8 rgb[3];
    relgraph_palette_type_rgb(node->type, rgb);
    facts_rgb(facts, rgb);
}

void relgraph_export_edge_facts(RelgraphFacts *facts, const RelgraphEdge *edge, guint max_evidence)
{
    memset(facts->value, 0, sizeof facts->value);
    facts->value[RELGRAPH_FACT_RELATION] = edge->relation;
    facts->value[RELGRAPH_FACT_POLARITY] = relgraph_polarity_name(edge->polarity);
    fact_uint(facts, RELGRAPH_FACT_WEIGHT, edge->weight);
    facts->value[RELGRAPH_FACT_SYMMETRIC] = edge->symmetric ? "true" : "false";
    GString *text = g_string_new(NULL);
    relgraph_export_append_document_list(text, edge->documents);
    facts->value[RELGRAPH_FACT_DOCUMENTS] = facts->documents = g_string_free(text, FALSE);
    text = g_string_new(NULL);
    for (guint i = 0; i < edge->evidence->len && i < max_evidence; i++) {
        if (i)
            g_string_append_c(text, '\n');
        relgraph_export_append_evidence(text, g_ptr_array_index(edge->evidence, i));
    }
    facts->value[RELGRAPH_FACT_EVIDENCE] = facts->evidence = g_string_free(text, FALSE);
    facts->value[RELGRAPH_FACT_FIRST_SEEN] = edge->first_date;
    facts->value[RELGRAPH_FACT_LAST_SEEN] = edge->last_date;
    guint8 rgb[3];
    relgraph_palette_polarity_rgb(edge->polarity, rgb);
    facts_rgb(facts, rgb);
}

void relgraph_export_facts_clear(RelgraphFacts *facts)
{
    g_free(facts->documents);
    g_free(facts->evidence);
    facts->documents = facts->evidence = NULL;
}
