/* Parts: the graph as versioned, checksummed lines (see part.h). */
#include "relgraph/part.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "relgraph/common.h"
#include "common_internal.h"

#define MAGIC "relgraph-part"
#define CHECKSUM_PREFIX "checksum\t"

/* The checksum of data in the line's form ("sha256:HEX", "xxh3:HEX"). */
static char *checksum_of(RelgraphPartChecksum kind, const char *data, gsize len)
{
    if (kind == RELGRAPH_PART_XXH3) {
        XXH128_hash_t h = XXH3_128bits(data, len);
        return g_strdup_printf("xxh3:%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x", (guint64)h.high64,
                               (guint64)h.low64);
    }
    char *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
    char *sum = g_strconcat("sha256:", hex, NULL);
    g_free(hex);
    return sum;
}

/* ---- Writing ------------------------------------------------------------- */

static void put_field(GString *out, const char *value)
{
    g_string_append_c(out, '\t');
    if (!value)
        return;
    /* Runs without a character to escape are copied whole. */
    for (const char *p = value;;) {
        gsize run = strcspn(p, "\\\t\n\r");
        g_string_append_len(out, p, (gssize)run);
        p += run;
        switch (*p) {
        case '\0': return;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\t': g_string_append(out, "\\t"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        }
        p++;
    }
}

static void put_uint(GString *out, guint value)
{
    g_string_append_c(out, '\t');
    relgraph_string_append_uint(out, value);
}

char *relgraph_part_write(const RelgraphGraph *graph, const RelgraphPartInfo *info, gsize *len)
{
    return relgraph_part_write_checksum(graph, info, RELGRAPH_PART_SHA256, len);
}

char *relgraph_part_write_checksum(const RelgraphGraph *graph, const RelgraphPartInfo *info,
                                   RelgraphPartChecksum checksum, gsize *len)
{
    return relgraph_part_write_keyed(graph, info, checksum, NULL, len);
}

char *relgraph_part_write_keyed(const RelgraphGraph *graph, const RelgraphPartInfo *info,
                                RelgraphPartChecksum checksum, const char *key, gsize *len)
{
    g_return_val_if_fail(graph && info && len, NULL);
    GString *out = g_string_sized_new(4096);
    g_string_append_printf(out, MAGIC "\t%d\n", RELGRAPH_PART_VERSION);
    g_string_append_printf(out, "info\tdocuments\t%u\ninfo\tsentences\t%u\ninfo\tmentions\t%u\n"
                                "info\tevidence-limit\t%u\n",
                           info->documents, info->sentences, info->mentions, info->evidence_limit);
    if (key) {
        g_string_append(out, "info\tkey");
        put_field(out, key);
        g_string_append_c(out, '\n');
    }
    GPtrArray *nodes = relgraph_graph_sorted_nodes(graph);
    for (guint i = 0; i < nodes->len; i++) {
        const RelgraphNode *n = g_ptr_array_index(nodes, i);
        g_string_append(out, "node");
        put_field(out, n->name);
        put_field(out, relgraph_actor_type_name(n->type));
        put_field(out, n->affiliation);
        put_uint(out, n->mentions);
        put_field(out, n->first_date);
        put_field(out, n->last_date);
        /* Only for discovered nodes: every other node line keeps the six
         * fields it always had. */
        if (n->discovered)
            put_field(out, "discovered");
        g_string_append_c(out, '\n');
    }
    g_ptr_array_unref(nodes);
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    for (guint i = 0; i < edges->len; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        g_string_append(out, "edge");
        put_field(out, e->source);
        put_field(out, e->relation);
        put_field(out, e->target);
        put_field(out, e->symmetric ? "symmetric" : "directed");
        put_field(out, relgraph_polarity_name(e->polarity));
        put_uint(out, e->weight);
        put_field(out, e->first_date);
        put_field(out, e->last_date);
        for (guint d = 0; d < e->documents->len; d++)
            put_field(out, g_ptr_array_index(e->documents, d));
        g_string_append_c(out, '\n');
        for (guint k = 0; k < e->evidence->len; k++) {
            const RelgraphEvidence *ev = g_ptr_array_index(e->evidence, k);
            g_string_append(out, "evidence");
            put_field(out, ev->doc);
            put_uint(out, ev->sentence);
            put_uint(out, ev->start);
            put_uint(out, ev->end);
            put_field(out, ev->rule);
            put_field(out, ev->text);
            g_string_append_c(out, '\n');
        }
    }
    g_ptr_array_unref(edges);
    char *sum = checksum_of(checksum, out->str, out->len);
    g_string_append_printf(out, CHECKSUM_PREFIX "%s\n", sum);
    g_free(sum);
    *len = out->len;
    return g_string_free(out, FALSE);
}

/* ---- Reading ------------------------------------------------------------- */

typedef struct {
    const char *name;
    guint line;
    GError **error;
    const char *key;     /* the key the part must carry, or NULL */
    gboolean key_seen;
} Reader;

static gboolean fail(Reader *r, guint col, const char *format, ...) G_GNUC_PRINTF(3, 4);

static gboolean fail(Reader *r, guint col, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *msg = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(r->error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:%u:%u: %s", r->name, r->line, col, msg);
    g_free(msg);
    return FALSE;
}

/* A line's fields, unescaped in place in a copy of the line: the
 * pointers are into buf until the next line is split. cols has where each
 * field began, for messages. */
typedef struct {
    GString *buf;
    GPtrArray *fields;
    GArray *cols;
} Fields;

/* Unescapes the field [s, stop) in place and ends it with a NUL; FALSE on
 * an unknown escape. */
static gboolean unescape_field(Reader *r, const Fields *f, char *s, char *stop)
{
    char *w = memchr(s, '\\', (gsize)(stop - s));
    if (!w) {
        *stop = '\0';
        return TRUE;
    }
    for (char *p = w; p < stop; p++) {
        if (*p != '\\') {
            *w++ = *p;
            continue;
        }
        char c = p + 1 < stop ? *++p : '\0';
        switch (c) {
        case '\\': *w++ = '\\'; break;
        case 't': *w++ = '\t'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        default:
            return fail(r, (guint)(p - f->buf->str), "unknown escape \"\\%c\" (\\\\, \\t, \\n and \\r are known)",
                        c ? c : ' ');
        }
    }
    *w = '\0';
    return TRUE;
}

/* Splits a line into f; FALSE on a bad escape. Tabs in a field are
 * escaped, so every tab separates two. */
static gboolean split_fields(Reader *r, const char *line, gsize len, Fields *f)
{
    g_string_truncate(f->buf, 0);
    g_string_append_len(f->buf, line, (gssize)len);
    g_ptr_array_set_size(f->fields, 0);
    g_array_set_size(f->cols, 0);
    char *s = f->buf->str, *end = s + len;
    for (;;) {
        char *tab = memchr(s, '\t', (gsize)(end - s));
        char *stop = tab ? tab : end;
        guint col = (guint)(s - f->buf->str) + 1;
        g_array_append_val(f->cols, col);
        g_ptr_array_add(f->fields, s);
        if (!unescape_field(r, f, s, stop))
            return FALSE;
        if (!tab)
            return TRUE;
        s = tab + 1;
    }
}

static gboolean parse_uint(Reader *r, const GPtrArray *fields, const GArray *cols, guint i, const char *what,
                           guint *out)
{
    const char *s = g_ptr_array_index(fields, i);
    char *end = NULL;
    errno = 0;
    guint64 v = g_ascii_strtoull(s, &end, 10);
    if (!*s || *end || errno || v > G_MAXUINT32 || !g_ascii_isdigit(*s))
        return fail(r, g_array_index(cols, guint, i), "%s \"%s\" is not a number", what, s);
    *out = (guint)v;
    return TRUE;
}

static gboolean parse_date(Reader *r, const GPtrArray *fields, const GArray *cols, guint i, char *out)
{
    const char *s = g_ptr_array_index(fields, i);
    if (!*s) {
        *out = '\0';
        return TRUE;
    }
    if (strlen(s) != 10 || !relgraph_date_parse(s, out))
        return fail(r, g_array_index(cols, guint, i), "\"%s\" is not a date YYYY-MM-DD", s);
    return TRUE;
}

static gboolean parse_type(Reader *r, const GPtrArray *fields, const GArray *cols, guint i, RelgraphActorType *out)
{
    const char *s = g_ptr_array_index(fields, i);
    *out = *s ? relgraph_actor_type_from_name(s) : 0;
    if (*s && !*out)
        return fail(r, g_array_index(cols, guint, i), "unknown actor type \"%s\"", s);
    return TRUE;
}

/* a + b within a guint: counts are 32-bit, and a sum past that is refused,
 * never wrapped. */
static gboolean sum_fits(guint a, guint b)
{
    return b <= G_MAXUINT - a;
}

/* The edge being read: its evidence lines follow it. */
typedef struct {
    RelgraphEdge edge;
    gboolean open;
} PendingEdge;

static void pending_flush(RelgraphGraph *graph, PendingEdge *p)
{
    if (!p->open)
        return;
    relgraph_graph_add_edge(graph, &p->edge, NULL, NULL);
    g_free(p->edge.source);
    g_free(p->edge.relation);
    g_free(p->edge.target);
    g_ptr_array_set_size(p->edge.documents, 0);
    g_ptr_array_set_size(p->edge.evidence, 0);
    p->open = FALSE;
}

static gboolean read_record(Reader *r, RelgraphGraph *graph, PendingEdge *pending, RelgraphPartInfo *info,
                            GPtrArray *f, GArray *cols)
{
    const char *kind = g_ptr_array_index(f, 0);
#define FIELD(i) ((char *)g_ptr_array_index(f, (i)))
#define NEED(n)                                                                                        \
    do {                                                                                               \
        if (f->len < (n))                                                                              \
            return fail(r, 1, "a %s line has %u fields, not %u", kind, f->len, (guint)(n));           \
    } while (0)
    if (strcmp(kind, "info") == 0) {
        NEED(3);
        if (strcmp(FIELD(1), "key") == 0) { /* a cache entry's own key */
            if (r->key && strcmp(FIELD(2), r->key) != 0)
                return fail(r, g_array_index(cols, guint, 2), "the entry of key %s, not of %s", FIELD(2), r->key);
            r->key_seen = TRUE;
            return TRUE;
        }
        guint *count = strcmp(FIELD(1), "documents") == 0        ? &info->documents
                       : strcmp(FIELD(1), "sentences") == 0      ? &info->sentences
                       : strcmp(FIELD(1), "mentions") == 0       ? &info->mentions
                       : strcmp(FIELD(1), "evidence-limit") == 0 ? &info->evidence_limit
                                                                 : NULL;
        /* Unknown info keys are for later versions to add: ignored, with
         * whatever value they have. */
        return !count || parse_uint(r, f, cols, 2, FIELD(1), count);
    }
    if (strcmp(kind, "node") == 0) {
        NEED(7);
        RelgraphActorType type;
        guint mentions;
        char first[RELGRAPH_DATE_SIZE], last[RELGRAPH_DATE_SIZE];
        if (!*FIELD(1))
            return fail(r, g_array_index(cols, guint, 1), "empty actor name");
        if (!parse_type(r, f, cols, 2, &type) || !parse_uint(r, f, cols, 4, "mentions", &mentions) ||
            !parse_date(r, f, cols, 5, first) || !parse_date(r, f, cols, 6, last))
            return FALSE;
        /* The optional 7th field: present only on a discovered node. */
        if (f->len > 8)
            return fail(r, g_array_index(cols, guint, 8), "a node line has %u fields, not 7 or 8", f->len);
        gboolean discovered = f->len > 7;
        if (discovered && strcmp(FIELD(7), "discovered") != 0)
            return fail(r, g_array_index(cols, guint, 7), "\"%s\": discovered or nothing expected", FIELD(7));
        pending_flush(graph, pending);
        const RelgraphNode *seen = relgraph_graph_node(graph, FIELD(1));
        if (seen && !sum_fits(seen->mentions, mentions)) /* a name listed twice */
            return fail(r, g_array_index(cols, guint, 4), "mentions past %u", G_MAXUINT);
        RelgraphNode *node = relgraph_graph_add_node(graph, FIELD(1), type, *FIELD(3) ? FIELD(3) : NULL, mentions);
        relgraph_graph_node_add_date(node, first);
        relgraph_graph_node_add_date(node, last);
        if (discovered)
            relgraph_graph_node_set_discovered(node);
        return TRUE;
    }
    if (strcmp(kind, "edge") == 0) {
        NEED(9);
        RelgraphEdge *e = &pending->edge;
        RelgraphPolarity polarity;
        guint weight;
        for (guint i = 1; i <= 3; i++)
            if (!*FIELD(i))
                return fail(r, g_array_index(cols, guint, i), "empty %s", i == 2 ? "relation" : "actor name");
        if (strcmp(FIELD(4), "directed") != 0 && strcmp(FIELD(4), "symmetric") != 0)
            return fail(r, g_array_index(cols, guint, 4), "\"%s\": directed or symmetric expected", FIELD(4));
        if (!relgraph_polarity_from_name(FIELD(5), &polarity))
            return fail(r, g_array_index(cols, guint, 5), "unknown polarity \"%s\"", FIELD(5));
        char first[RELGRAPH_DATE_SIZE], last[RELGRAPH_DATE_SIZE];
        if (!parse_uint(r, f, cols, 6, "weight", &weight) || !parse_date(r, f, cols, 7, first) ||
            !parse_date(r, f, cols, 8, last))
            return FALSE;
        pending_flush(graph, pending);
        gboolean swap = strcmp(FIELD(4), "symmetric") == 0 && strcmp(FIELD(1), FIELD(3)) > 0;
        const RelgraphEdge *seen = relgraph_graph_edge(graph, FIELD(swap ? 3 : 1), FIELD(2), FIELD(swap ? 1 : 3));
        if (seen && !sum_fits(seen->weight, weight)) /* an edge listed twice */
            return fail(r, g_array_index(cols, guint, 6), "weight past %u", G_MAXUINT);
        e->source = g_strdup(FIELD(1));
        e->relation = g_strdup(FIELD(2));
        e->target = g_strdup(FIELD(3));
        e->symmetric = strcmp(FIELD(4), "symmetric") == 0;
        e->polarity = polarity;
        e->weight = weight;
        g_strlcpy(e->first_date, first, sizeof e->first_date);
        g_strlcpy(e->last_date, last, sizeof e->last_date);
        for (guint i = 9; i < f->len; i++)
            g_ptr_array_add(e->documents, g_strdup(FIELD(i)));
        pending->open = TRUE;
        return TRUE;
    }
    if (strcmp(kind, "evidence") == 0) {
        NEED(7);
        if (!pending->open)
            return fail(r, 1, "evidence without an edge line before it");
        RelgraphEvidence ev = {0};
        if (!parse_uint(r, f, cols, 2, "sentence", &ev.sentence) || !parse_uint(r, f, cols, 3, "start", &ev.start) ||
            !parse_uint(r, f, cols, 4, "end", &ev.end))
            return FALSE;
        RelgraphEvidence *copy = g_new(RelgraphEvidence, 1);
        *copy = ev;
        copy->doc = g_strdup(FIELD(1));
        copy->rule = g_strdup(FIELD(5));
        copy->text = g_strdup(FIELD(6));
        g_ptr_array_add(pending->edge.evidence, copy);
        return TRUE;
    }
#undef NEED
#undef FIELD
    return fail(r, 1, "unknown line kind \"%s\"", kind);
}

/* The checksum line must close the part and match the bytes before it. */
static gboolean check_sum(Reader *r, const char *data, gsize len, gsize *body_len)
{
    gsize end = len;
    if (end > 0 && data[end - 1] == '\n')
        end--;
    gsize start = end;
    while (start > 0 && data[start - 1] != '\n')
        start--;
    r->line = 1;
    for (gsize i = 0; i < start; i++)
        r->line += data[i] == '\n';
    const char *last = data + start;
    gsize last_len = end - start, prefix = strlen(CHECKSUM_PREFIX);
    if (last_len < prefix || strncmp(last, CHECKSUM_PREFIX, prefix) != 0)
        return fail(r, 1, "no checksum line at the end: the part is truncated");
    /* The kind named in the line ("sha256:" or "xxh3:"); SHA-256 else, so
     * that a damaged name reads as a mismatch. */
    RelgraphPartChecksum kind = strncmp(last + prefix, "xxh3:", 5) == 0 ? RELGRAPH_PART_XXH3 : RELGRAPH_PART_SHA256;
    char *sum = checksum_of(kind, data, start);
    if (last_len - prefix < strlen(sum)) {
        g_free(sum);
        return fail(r, (guint)prefix + 1, "the checksum is cut short: the part is truncated");
    }
    gboolean ok = last_len - prefix == strlen(sum) && strncmp(last + prefix, sum, strlen(sum)) == 0;
    g_free(sum);
    if (!ok)
        return fail(r, (guint)prefix + 1, "checksum mismatch: the part is damaged");
    *body_len = start;
    return TRUE;
}

RelgraphGraph *relgraph_part_load(const char *data, gsize len, const char *name, RelgraphPartInfo *info,
                                  GError **error)
{
    return relgraph_part_load_keyed(data, len, name, NULL, info, error);
}

RelgraphGraph *relgraph_part_load_keyed(const char *data, gsize len, const char *name, const char *key,
                                        RelgraphPartInfo *info, GError **error)
{
    g_return_val_if_fail(data && info, NULL);
    Reader r = {name ? name : "part", 1, error, key, FALSE};
    gsize body = 0;
    gsize magic_len = strlen(MAGIC "\t");
    *info = (RelgraphPartInfo){0};
    if (len < magic_len || strncmp(data, MAGIC "\t", magic_len) != 0) {
        fail(&r, 1, "not a relgraph part (it should begin with \"" MAGIC "\")");
        return NULL;
    }
    /* Digits read within len: atoi ran on past the end of a part that
     * stops inside its first line (the data need not end in NUL). */
    int version = 0;
    for (gsize i = magic_len; i < len && g_ascii_isdigit(data[i]) && version < 1000000; i++)
        version = version * 10 + (data[i] - '0');
    if (version != RELGRAPH_PART_VERSION) {
        fail(&r, (guint)magic_len + 1, "part format version %d; this relgraph reads version %d", version,
             RELGRAPH_PART_VERSION);
        return NULL;
    }
    if (!check_sum(&r, data, len, &body))
        return NULL;

    RelgraphGraph *graph = relgraph_graph_new();
    PendingEdge pending = {{0}, FALSE};
    pending.edge.documents = g_ptr_array_new_with_free_func(g_free);
    pending.edge.evidence = g_ptr_array_new_with_free_func(relgraph_evidence_free);
    Fields fields = {g_string_new(NULL), g_ptr_array_new(), g_array_new(FALSE, FALSE, sizeof(guint))};
    gboolean ok = TRUE;
    const char *line = memchr(data, '\n', body);
    r.line = 1;
    for (gsize pos = line ? (gsize)(line - data) + 1 : body; ok && pos < body;) {
        r.line++;
        const char *nl = memchr(data + pos, '\n', body - pos);
        gsize n = nl ? (gsize)(nl - (data + pos)) : body - pos;
        ok = split_fields(&r, data + pos, n, &fields) &&
             read_record(&r, graph, &pending, info, fields.fields, fields.cols);
        pos += n + 1;
    }
    if (ok && key && !r.key_seen) {
        r.line = 1;
        ok = fail(&r, 1, "no key: not a cache entry of this relgraph");
    }
    if (ok)
        pending_flush(graph, &pending);
    else if (pending.open) {
        g_free(pending.edge.source);
        g_free(pending.edge.relation);
        g_free(pending.edge.target);
    }
    g_ptr_array_unref(pending.edge.documents);
    g_ptr_array_unref(pending.edge.evidence);
    g_string_free(fields.buf, TRUE);
    g_ptr_array_unref(fields.fields);
    g_array_unref(fields.cols);
    if (!ok) {
        relgraph_graph_free(graph);
        *info = (RelgraphPartInfo){0}; /* a refused part counts nothing, not its first lines */
        return NULL;
    }
    return graph;
}

gboolean relgraph_part_read(RelgraphGraph *graph, const char *data, gsize len, const char *name,
                            RelgraphPartInfo *info, GError **error)
{
    g_return_val_if_fail(graph && data && info, FALSE);
    /* Read into a graph of its own, so that a bad part changes nothing. */
    RelgraphPartInfo read;
    RelgraphGraph *piece = relgraph_part_load(data, len, name, &read, error);
    if (!piece)
        return FALSE;
    /* Counts are 32-bit: a sum past 2^32 - 1 is refused, never wrapped. */
    char *what = NULL;
    if (!sum_fits(info->documents, read.documents))
        what = g_strdup("the document count");
    else if (!sum_fits(info->sentences, read.sentences))
        what = g_strdup("the sentence count");
    else if (!sum_fits(info->mentions, read.mentions))
        what = g_strdup("the mention count");
    else
        relgraph_graph_merge_fits(graph, piece, &what);
    if (what) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s: merging it would take %s past %u; refused",
                    name, what, G_MAXUINT);
        g_free(what);
        relgraph_graph_free(piece);
        return FALSE;
    }
    relgraph_graph_merge(graph, piece);
    relgraph_graph_free(piece);
    info->documents += read.documents;
    info->sentences += read.sentences;
    info->mentions += read.mentions;
    if (read.evidence_limit && (!info->evidence_limit || read.evidence_limit < info->evidence_limit))
        info->evidence_limit = read.evidence_limit;
    return TRUE;
}

gboolean relgraph_part_read_file(RelgraphGraph *graph, const char *path, RelgraphPartInfo *info, GError **error)
{
    char *data = NULL;
    gsize len = 0;
    if (!relgraph_read_file(path, &data, &len, error))
        return FALSE;
    gboolean ok = relgraph_part_read(graph, data, len, strcmp(path, "-") ? path : "<stdin>", info, error);
    g_free(data);
    return ok;
}

gboolean relgraph_part_write_file(const RelgraphGraph *graph, const RelgraphPartInfo *info, const char *path,
                                  GError **error)
{
    gsize len = 0;
    char *data = relgraph_part_write(graph, info, &len);
    gboolean ok = relgraph_write_file_atomic(path, data, len, error);
    g_free(data);
    return ok;
}
