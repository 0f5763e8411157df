/* Reading relgraph's GraphML back into a graph, with libxml2's streaming
 * xmlTextReader: one pass, memory for the graph only, every problem placed
 * at its file:line:col. */
#include "relgraph/import.h"

#include <errno.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

#include "graphml_keys.h"
#include "xml_writer.h"

#define X(s) ((const xmlChar *)(s))

typedef enum { ITEM_NONE, ITEM_NODE, ITEM_EDGE } ItemKind;

/* The <data> read back, by graphml_keys.h's key: the others (degree,
 * colours, evidence...) are what the exporters derive or only show. */
static const gboolean read_back[GRAPHML_N_KEYS] = {
    [GRAPHML_NODE_LABEL] = TRUE,    [GRAPHML_NODE_TYPE] = TRUE,      [GRAPHML_NODE_AFFILIATION] = TRUE,
    [GRAPHML_NODE_MENTIONS] = TRUE, [GRAPHML_NODE_DISCOVERED] = TRUE, [GRAPHML_EDGE_RELATION] = TRUE,
    [GRAPHML_EDGE_LABEL] = TRUE,    [GRAPHML_EDGE_WEIGHT] = TRUE,    [GRAPHML_EDGE_SYMMETRIC] = TRUE,
    [GRAPHML_EDGE_POLARITY] = TRUE, [GRAPHML_EDGE_DOCUMENTS] = TRUE,
};

/* Places in the file are kept as element numbers (the n-th start tag),
 * turned into line and column only for a message: the parser reads ahead
 * of the reader, so its position is not the element's. */

/* A <data> value and its element, for messages about it. */
typedef struct {
    char *text;
    guint element;
} Field;

/* The <node> or <edge> being read. */
typedef struct {
    ItemKind kind;
    int depth;
    char *id, *source, *target;
    guint element;
    Field fields[GRAPHML_N_KEYS];
} Item;

/* An edge waits for the end of the file: GraphML lets it name a node that
 * comes later. */
typedef struct {
    char *id, *source_id, *target_id;
    guint element;
    RelgraphEdge edge;  /* relation, weight, symmetric, polarity, documents; no names yet */
} PendingEdge;

/* Where the bytes come from: a file or standard input, whose bytes are
 * kept (it cannot be read again to place a message). */
typedef struct {
    FILE *stream;
    gboolean owned;
    int read_errno;
    gsize bytes;      /* read so far */
    GByteArray *kept; /* standard input's bytes, or NULL */
} Source;

typedef struct {
    const char *name;       /* the file as messages call it */
    xmlTextReaderPtr reader;
    Source source;
    GHashTable *keys;       /* key id -> attr.name */
    GHashTable *node_names; /* node id -> name (borrowed from graph) */
    RelgraphGraph *graph;
    GPtrArray *edges;       /* PendingEdge* */
    Item item;
    int data_field;         /* the field the open <data> fills, or -1 */
    int data_depth;         /* depth of that <data>, or -1 */
    guint data_element;
    GString *text;
    guint elements;         /* start tags read so far */
    gboolean root_seen, root_closed;
    guint graphs;
    GError *xml_error;      /* the first error libxml2 reported */
    int xml_error_code;
    GError *error;          /* the first problem found in the content */
} Import;

/* ---- input ---------------------------------------------------------- */

static int read_source(void *context, char *buffer, int len)
{
    Source *src = context;
    size_t n = fread(buffer, 1, (size_t)len, src->stream);
    if (n == 0 && ferror(src->stream)) {
        src->read_errno = errno;
        return -1;
    }
    src->bytes += n;
    if (src->kept)
        g_byte_array_append(src->kept, (const guint8 *)buffer, (guint)n);
    return (int)n;
}

static int close_source(void *context)
{
    Source *src = context;
    if (src->owned && src->stream)
        fclose(src->stream);
    src->stream = NULL;
    return 0;
}

/* ---- messages ------------------------------------------------------- */

/* Moves p to just after the first `close` (or to end), counting lines. */
static const char *skip_past(const char *p, const char *end, const char *close, int *line,
                             const char **line_start)
{
    gsize n = strlen(close);
    for (; p < end; p++) {
        if (*p == '\n') {
            (*line)++;
            *line_start = p + 1;
        } else if ((gsize)(end - p) >= n && memcmp(p, close, n) == 0) {
            return p + n;
        }
    }
    return end;
}

/* Line and column (from 1, the column in characters) of the '<' of the
 * n-th start tag (from 1) of an XML text. Outside comments, CDATA sections
 * and processing instructions, which are skipped, a literal '<' opens
 * markup: "<name" a start tag, "</" an end tag, "<!" a declaration. */
static gboolean locate_start_tag(const char *text, gsize len, guint n, int *line, int *col)
{
    static const struct {
        const char *open, *close;
    } skipped[] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};
    const char *p = text, *end = text + len, *line_start = text;
    int l = 1;
    guint seen = 0;
    while (p < end) {
        if (*p == '\n') {
            l++;
            line_start = ++p;
            continue;
        }
        if (*p != '<') {
            p++;
            continue;
        }
        gboolean skip = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(skipped) && !skip; i++) {
            gsize open = strlen(skipped[i].open);
            if ((gsize)(end - p) >= open && memcmp(p, skipped[i].open, open) == 0) {
                p = skip_past(p + open, end, skipped[i].close, &l, &line_start);
                skip = TRUE;
            }
        }
        if (skip)
            continue;
        if (p + 1 < end && p[1] != '/' && p[1] != '!' && ++seen == n) {
            *line = l;
            *col = 1 + (int)g_utf8_strlen(line_start, p - line_start);
            return TRUE;
        }
        p++;
    }
    return FALSE;
}

/* Where the n-th element starts: found in the file read again (or in
 * standard input's kept bytes), which happens only for a message. */
static void locate(const Import *im, guint element, int *line, int *col)
{
    gboolean found = FALSE;
    if (im->source.kept) {
        found = locate_start_tag((const char *)im->source.kept->data, im->source.kept->len, element, line, col);
    } else {
        char *text;
        gsize len;
        if (g_file_get_contents(im->name, &text, &len, NULL)) {
            found = locate_start_tag(text, len, element, line, col);
            g_free(text);
        }
    }
    if (!found) {
        /* The file changed under us: the parser's place is near. */
        *line = xmlTextReaderGetParserLineNumber(im->reader);
        *col = xmlTextReaderGetParserColumnNumber(im->reader);
    }
}

/* Records the first problem, at the n-th element (later problems are
 * consequences or can wait for the next run); always returns FALSE. */
G_GNUC_PRINTF(3, 4)
static gboolean fail_at(Import *im, guint element, const char *format, ...)
{
    if (im->error)
        return FALSE;
    va_list args;
    va_start(args, format);
    char *message = g_strdup_vprintf(format, args);
    va_end(args);
    int line, col;
    locate(im, element, &line, &col);
    g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:%d:%d: %s", im->name, line, col, message);
    g_free(message);
    return FALSE;
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *data, const xmlError *err)
#else
static void on_xml_error(void *data, xmlErrorPtr err)
#endif
{
    Import *im = data;
    if (im->xml_error || err->level < XML_ERR_ERROR)
        return;
    im->xml_error_code = err->code;
    char *message = g_strchomp(g_strdup(err->message ? err->message : "malformed XML"));
    g_set_error(&im->xml_error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:%d:%d: %s", im->name, err->line,
                err->int2, message);
    g_free(message);
}

/* ---- values --------------------------------------------------------- */

/* A count (weight, mentions): a whole number, also written as a double
 * ("3.0"), which is how some tools save GraphML's double weights. */
/* Decimal digits with an optional fraction and exponent: what strtod
 * reads beyond that (hexadecimal "0x10", "inf", "nan") is no count. */
static gboolean is_decimal(const char *text)
{
    const char *p = text;
    gboolean digits = FALSE;
    while (g_ascii_isdigit(*p))
        p++, digits = TRUE;
    if (*p == '.')
        for (p++; g_ascii_isdigit(*p); p++)
            digits = TRUE;
    if (!digits)
        return FALSE;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!g_ascii_isdigit(*p))
            return FALSE;
        while (g_ascii_isdigit(*p))
            p++;
    }
    return *p == '\0';
}

static gboolean parse_count(const char *text, guint *out)
{
    char *copy = g_strstrip(g_strdup(text));
    guint64 value;
    gboolean ok = g_ascii_string_to_unsigned(copy, 10, 0, G_MAXUINT, &value, NULL);
    if (!ok && is_decimal(copy)) {
        char *end;
        double d = g_ascii_strtod(copy, &end);
        if (*end == '\0' && d >= 0 && d <= G_MAXUINT && d == (double)(guint64)d) {
            value = (guint64)d;
            ok = TRUE;
        }
    }
    g_free(copy);
    if (ok)
        *out = (guint)value;
    return ok;
}

/* xs:boolean, and NetworkX's "True"/"False" (what write_graphml writes). */
static gboolean parse_boolean(const char *text, gboolean *out)
{
    char *copy = g_strstrip(g_strdup(text));
    gboolean ok = TRUE;
    if (g_ascii_strcasecmp(copy, "true") == 0 || strcmp(copy, "1") == 0)
        *out = TRUE;
    else if (g_ascii_strcasecmp(copy, "false") == 0 || strcmp(copy, "0") == 0)
        *out = FALSE;
    else
        ok = FALSE;
    g_free(copy);
    return ok;
}

/* An attribute of the current element as a new string, or NULL. */
static char *attribute(const Import *im, const char *name)
{
    xmlChar *value = xmlTextReaderGetAttribute(im->reader, X(name));
    char *copy = g_strdup((const char *)value);
    xmlFree(value);
    return copy;
}

/* A document id of the documents list (relgraph_export_append_document_list):
 * %XX is the byte XX; a '%' without two hex digits after it is itself
 * (files written before ids were encoded). */
static char *percent_decode(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p; p++) {
        if (p[0] == '%' && g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2])) {
            g_string_append_c(out, (char)(g_ascii_xdigit_value(p[1]) * 16 + g_ascii_xdigit_value(p[2])));
            p += 2;
        } else {
            g_string_append_c(out, *p);
        }
    }
    if (!g_utf8_validate(out->str, (gssize)out->len, NULL)) { /* not one of ours: as written */
        g_string_free(out, TRUE);
        return g_strdup(text);
    }
    return g_string_free(out, FALSE);
}

/* ---- items ---------------------------------------------------------- */

static void item_clear(Item *item)
{
    g_free(item->id);
    g_free(item->source);
    g_free(item->target);
    for (guint i = 0; i < GRAPHML_N_KEYS; i++)
        g_free(item->fields[i].text);
    memset(item, 0, sizeof *item);
}

static void pending_edge_free(gpointer data)
{
    PendingEdge *p = data;
    g_free(p->id);
    g_free(p->source_id);
    g_free(p->target_id);
    g_free(p->edge.relation);
    g_ptr_array_unref(p->edge.documents);
    g_ptr_array_unref(p->edge.evidence);
    g_free(p);
}

/* The field's text, or NULL when the item has no such <data>. */
static const char *field(const Item *item, int f)
{
    return item->fields[f].text;
}

static gboolean finish_node(Import *im)
{
    Item *it = &im->item;
    const char *name = field(it, GRAPHML_NODE_LABEL) ? field(it, GRAPHML_NODE_LABEL) : it->id;
    if (!*name)
        return fail_at(im, it->element, "node \"%s\" has an empty name", it->id);
    if (g_hash_table_contains(im->node_names, it->id))
        return fail_at(im, it->element, "node id \"%s\" is given twice", it->id);
    if (relgraph_graph_node(im->graph, name))
        return fail_at(im, it->element, "actor \"%s\" is given twice", name);

    RelgraphActorType type = 0;
    const char *type_name = field(it, GRAPHML_NODE_TYPE);
    if (type_name && *type_name && strcmp(type_name, "unknown") != 0) {
        type = relgraph_actor_type_from_name(type_name);
        if (!type) {
            const Field *f = &it->fields[GRAPHML_NODE_TYPE];
            return fail_at(im, f->element, "unknown actor type \"%s\"", type_name);
        }
    }
    guint mentions = 0;
    if (field(it, GRAPHML_NODE_MENTIONS) && !parse_count(field(it, GRAPHML_NODE_MENTIONS), &mentions)) {
        const Field *f = &it->fields[GRAPHML_NODE_MENTIONS];
        return fail_at(im, f->element, "mentions \"%s\" is not a whole number", f->text);
    }
    /* No <data> is the key's default as relgraph declares it: false. */
    gboolean discovered = FALSE;
    const char *discovered_text = field(it, GRAPHML_NODE_DISCOVERED);
    if (discovered_text && !parse_boolean(discovered_text, &discovered)) {
        const Field *f = &it->fields[GRAPHML_NODE_DISCOVERED];
        return fail_at(im, f->element, "discovered must be true or false, not \"%s\"", f->text);
    }
    const char *affiliation = field(it, GRAPHML_NODE_AFFILIATION);
    RelgraphNode *node = relgraph_graph_add_node(im->graph, name, type,
                                                 affiliation && *affiliation ? affiliation : NULL, mentions);
    if (discovered)
        relgraph_graph_node_set_discovered(node);
    g_hash_table_insert(im->node_names, g_strdup(it->id), node->name);
    return TRUE;
}

/* Checks an edge's values now (messages come in file order); its ends are
 * looked up at the end. */
static gboolean finish_edge(Import *im)
{
    Item *it = &im->item;
    const char *relation = field(it, GRAPHML_EDGE_RELATION);
    if (!relation)
        relation = field(it, GRAPHML_EDGE_LABEL);
    if (!relation || !*relation)
        return fail_at(im, it->element, "%s%s has no relation", it->id ? "edge " : "<edge>",
                       it->id ? it->id : "");

    guint weight = 1;  /* an edge without a weight stands for one mention */
    if (field(it, GRAPHML_EDGE_WEIGHT) && !parse_count(field(it, GRAPHML_EDGE_WEIGHT), &weight)) {
        const Field *f = &it->fields[GRAPHML_EDGE_WEIGHT];
        return fail_at(im, f->element, "weight \"%s\" is not a whole number", f->text);
    }
    gboolean symmetric = FALSE;
    if (field(it, GRAPHML_EDGE_SYMMETRIC) && !parse_boolean(field(it, GRAPHML_EDGE_SYMMETRIC), &symmetric)) {
        const Field *f = &it->fields[GRAPHML_EDGE_SYMMETRIC];
        return fail_at(im, f->element, "symmetric must be true or false, not \"%s\"", f->text);
    }
    RelgraphPolarity polarity = RELGRAPH_POLARITY_NEUTRAL;
    const char *polarity_name = field(it, GRAPHML_EDGE_POLARITY);
    if (polarity_name && !relgraph_polarity_from_name(polarity_name, &polarity)) {
        const Field *f = &it->fields[GRAPHML_EDGE_POLARITY];
        return fail_at(im, f->element, "unknown polarity \"%s\"", f->text);
    }

    PendingEdge *p = g_new0(PendingEdge, 1);
    p->id = g_strdup(it->id);
    p->source_id = g_strdup(it->source);
    p->target_id = g_strdup(it->target);
    p->element = it->element;
    p->edge.relation = g_strdup(relation);
    p->edge.symmetric = symmetric;
    p->edge.polarity = polarity;
    p->edge.weight = weight;
    p->edge.documents = g_ptr_array_new_with_free_func(g_free);
    p->edge.evidence = g_ptr_array_new();
    if (field(it, GRAPHML_EDGE_DOCUMENTS)) {
        GStrv docs = g_strsplit(field(it, GRAPHML_EDGE_DOCUMENTS), ";", -1);
        for (guint i = 0; docs[i]; i++)
            if (*docs[i])
                g_ptr_array_add(p->edge.documents, percent_decode(docs[i]));
        g_strfreev(docs);
    }
    g_ptr_array_add(im->edges, p);
    return TRUE;
}

/* Adds the edges once every node is known. add_edge, not one add_mention
 * per unit of weight: the weight is copied as it is. */
static gboolean add_edges(Import *im)
{
    for (guint i = 0; i < im->edges->len; i++) {
        PendingEdge *p = g_ptr_array_index(im->edges, i);
        const char *kind = p->id ? "edge " : "<edge>", *id = p->id ? p->id : "";
        const char *source = g_hash_table_lookup(im->node_names, p->source_id);
        const char *target = g_hash_table_lookup(im->node_names, p->target_id);
        if (!source || !target)
            return fail_at(im, p->element, "%s%s names an unknown node \"%s\"", kind, id,
                           source ? p->target_id : p->source_id);
        gboolean swap = p->edge.symmetric && strcmp(source, target) > 0;
        if (relgraph_graph_edge(im->graph, swap ? target : source, p->edge.relation, swap ? source : target))
            return fail_at(im, p->element, "%s%s: %s --%s--> %s is given twice", kind, id, source,
                           p->edge.relation, target);
        relgraph_graph_add_edge(im->graph, &p->edge, source, target);
    }
    return TRUE;
}

/* ---- elements ------------------------------------------------------- */

static gboolean start_key(Import *im)
{
    char *id = attribute(im, "id");
    if (!id)
        return fail_at(im, im->elements, "<key> without an id");
    if (g_hash_table_contains(im->keys, id)) {
        fail_at(im, im->elements, "key id \"%s\" is declared twice", id);
        g_free(id);
        return FALSE;
    }
    char *name = attribute(im, "attr.name");
    g_hash_table_insert(im->keys, id, name ? name : g_strdup(id));  /* GraphML allows a key without a name */
    return TRUE;
}

static gboolean start_item(Import *im, ItemKind kind)
{
    if (im->item.kind != ITEM_NONE)
        return fail_at(im, im->elements, "<%s> inside a <%s>", kind == ITEM_NODE ? "node" : "edge",
                       im->item.kind == ITEM_NODE ? "node" : "edge");
    Item *it = &im->item;
    it->kind = kind;
    it->depth = xmlTextReaderDepth(im->reader);
    it->element = im->elements;
    it->id = attribute(im, "id");
    if (kind == ITEM_NODE) {
        if (!it->id)
            return fail_at(im, im->elements, "<node> without an id");
        return TRUE;
    }
    it->source = attribute(im, "source");
    it->target = attribute(im, "target");
    if (!it->source || !it->target)
        return fail_at(im, im->elements, "<edge> without a source or a target");
    return TRUE;
}

/* A <data> directly in the current node or edge: which field it fills. */
static gboolean start_data(Import *im)
{
    if (im->item.kind == ITEM_NONE || xmlTextReaderDepth(im->reader) != im->item.depth + 1)
        return TRUE;  /* graph-level data (the title): not part of the graph */
    char *key = attribute(im, "key");
    const char *name = key ? g_hash_table_lookup(im->keys, key) : NULL;
    if (!name) {
        fail_at(im, im->elements, "<data> with the undeclared key \"%s\"", key ? key : "");
        g_free(key);
        return FALSE;
    }
    g_free(key);
    int f = relgraph_graphml_key_find(im->item.kind == ITEM_NODE ? "node" : "edge", name);
    im->data_field = f >= 0 && read_back[f] ? f : -1;
    im->data_depth = xmlTextReaderDepth(im->reader);
    im->data_element = im->elements;
    g_string_truncate(im->text, 0);
    return TRUE;
}

static void end_data(Import *im)
{
    if (im->data_field >= 0) {
        Field *f = &im->item.fields[im->data_field];
        g_free(f->text);  /* the same key twice: the last one counts */
        f->text = g_strndup(im->text->str, im->text->len);
        f->element = im->data_element;
    }
    im->data_field = -1;
    im->data_depth = -1;
}

static gboolean end_item(Import *im)
{
    gboolean ok = im->item.kind == ITEM_NODE ? finish_node(im) : finish_edge(im);
    item_clear(&im->item);
    return ok;
}

/* Elements of other vocabularies (yEd's, say) are skipped. */
static gboolean is_graphml(const Import *im)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(im->reader);
    return !ns || xmlStrEqual(ns, X(RELGRAPH_GRAPHML_NS));
}

static gboolean start_element(Import *im)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(im->reader);
    im->elements++;
    if (!im->root_seen) {
        im->root_seen = TRUE;
        if (strcmp(name, "graphml") != 0 || !is_graphml(im))
            return fail_at(im, im->elements, "not GraphML: the root element is <%s>",
                           (const char *)xmlTextReaderConstName(im->reader));
        return TRUE;
    }
    if (!is_graphml(im))
        return TRUE;
    if (strcmp(name, "key") == 0)
        return start_key(im);
    if (strcmp(name, "graph") == 0) {
        if (im->item.kind != ITEM_NONE)
            return fail_at(im, im->elements, "nested graphs are not supported");
        if (++im->graphs > 1)
            return fail_at(im, im->elements, "more than one <graph>");
        return TRUE;
    }
    if (strcmp(name, "node") == 0)
        return start_item(im, ITEM_NODE);
    if (strcmp(name, "edge") == 0)
        return start_item(im, ITEM_EDGE);
    if (strcmp(name, "data") == 0)
        return start_data(im);
    return TRUE;
}

static gboolean end_element(Import *im)
{
    int depth = xmlTextReaderDepth(im->reader);
    if (depth == 0)
        im->root_closed = TRUE;
    if (depth == im->data_depth) {
        end_data(im);
        return TRUE;
    }
    if (im->item.kind != ITEM_NONE && depth == im->item.depth)
        return end_item(im);
    return TRUE;
}

/* libxml2 asks this for every external entity and DTD: none is read, and
 * the first one refused is an error of the file (libxml2 only warns and
 * leaves the entity's text out). One reader per thread at a time. */
static _Thread_local char refused_entity[256];

static xmlParserInputPtr refuse_external_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)ctxt;
    if (!refused_entity[0])
        g_strlcpy(refused_entity, url ? url : id ? id : "?", sizeof refused_entity);
    return NULL;
}

static gboolean read_all(Import *im)
{
    int rc;
    refused_entity[0] = '\0';
    while ((rc = xmlTextReaderRead(im->reader)) == 1) {
        if (refused_entity[0]) {
            g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%d:%d: external entity \"%s\": not read (a GraphML file is read alone)", im->name,
                        xmlTextReaderGetParserLineNumber(im->reader), xmlTextReaderGetParserColumnNumber(im->reader),
                        refused_entity);
            return FALSE;
        }
        gboolean ok = TRUE;
        switch (xmlTextReaderNodeType(im->reader)) {
        case XML_READER_TYPE_ELEMENT:
            ok = start_element(im);
            /* <x/> has no end element of its own. */
            if (ok && xmlTextReaderIsEmptyElement(im->reader))
                ok = end_element(im);
            break;
        case XML_READER_TYPE_END_ELEMENT:
            ok = end_element(im);
            break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            /* Not replaced: an entity this reader does not define (an
             * external one, or one of a DTD it does not load). Its text
             * would be missing from a name. */
            g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%d:%d: entity &%s; is not defined in the file (external entities are not read)",
                        im->name, xmlTextReaderGetParserLineNumber(im->reader),
                        xmlTextReaderGetParserColumnNumber(im->reader),
                        (const char *)xmlTextReaderConstName(im->reader));
            return FALSE;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            if (im->data_field >= 0)
                g_string_append(im->text, (const char *)xmlTextReaderConstValue(im->reader));
            break;
        default:
            break;
        }
        if (!ok)
            return FALSE;
    }
    if (rc == 0)
        return TRUE;
    /* Why the reader stopped: the read itself, or what libxml2 said
     * (which, for a file that stops short, is "Extra content at the end of
     * the document": say what happened instead). */
    if (im->source.read_errno)
        g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", im->name,
                    g_strerror(im->source.read_errno));
    else if (im->source.bytes == 0)
        g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s: empty file, not GraphML", im->name);
    else if (im->xml_error && im->xml_error_code == XML_ERR_DOCUMENT_END && !im->root_seen)
        g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s: no XML element, not GraphML", im->name);
    else if (im->xml_error && im->xml_error_code == XML_ERR_DOCUMENT_END && !im->root_closed)
        g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                    "%s:%d:%d: unexpected end of file: the document is incomplete", im->name,
                    xmlTextReaderGetParserLineNumber(im->reader), xmlTextReaderGetParserColumnNumber(im->reader));
    else if (im->xml_error)
        g_propagate_error(&im->error, g_steal_pointer(&im->xml_error));
    else
        g_set_error(&im->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s: malformed XML", im->name);
    return FALSE;
}


RelgraphGraph *relgraph_import_graphml(const char *path, GError **error)
{
    g_return_val_if_fail(path, NULL);
    gboolean from_stdin = strcmp(path, "-") == 0;
    FILE *stream = from_stdin ? stdin : fopen(path, "rb");
    if (!stream) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(errno));
        return NULL;
    }
    Import im = {
        .name = from_stdin ? "<stdin>" : path,
        .source = {.stream = stream, .owned = !from_stdin, .kept = from_stdin ? g_byte_array_new() : NULL},
        .data_field = -1,
        .data_depth = -1,
    };
    relgraph_xml_init();  /* the once-only libxml2 set-up the exporters share */
    /* NONET: a GraphML file has no business fetching anything; nor
     * reading other files (external entities, refused by the loader).
     * NOENT: the entities of the file's own DTD are replaced by their
     * text, which is part of the names and values (left out before). */
    static gsize loader_set = 0;
    if (g_once_init_enter(&loader_set)) {
        xmlSetExternalEntityLoader(refuse_external_entity);
        g_once_init_leave(&loader_set, 1);
    }
    im.reader = xmlReaderForIO(read_source, close_source, &im.source, im.name, NULL, XML_PARSE_NONET | XML_PARSE_NOENT);
    if (!im.reader) {
        close_source(&im.source);
        if (im.source.kept)
            g_byte_array_unref(im.source.kept);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: cannot create the XML reader", im.name);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(im.reader, on_xml_error, &im);
    im.keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    im.node_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    im.graph = relgraph_graph_new();
    im.edges = g_ptr_array_new_with_free_func(pending_edge_free);
    im.text = g_string_new(NULL);

    gboolean ok = read_all(&im);
    if (ok && im.graphs == 0) {
        g_set_error(&im.error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s: no <graph> element", im.name);
        ok = FALSE;
    }
    if (ok)
        ok = add_edges(&im);

    xmlFreeTextReader(im.reader);  /* closes the source */
    close_source(&im.source);
    item_clear(&im.item);
    g_hash_table_unref(im.keys);
    g_hash_table_unref(im.node_names);
    g_ptr_array_unref(im.edges);
    g_string_free(im.text, TRUE);
    g_clear_error(&im.xml_error);
    if (im.source.kept)
        g_byte_array_unref(im.source.kept);
    if (!ok) {
        g_propagate_error(error, im.error);
        relgraph_graph_free(im.graph);
        return NULL;
    }
    return im.graph;
}
