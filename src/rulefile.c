/* The line-oriented reader shared by the rule-file parsers. */
#include "relgraph/rulefile.h"

#include <stdarg.h>
#include <string.h>

#include "common_internal.h"

/* Cuts a comment: '#' at the start or after a blank; a '#' inside a word
 * ("C#") is kept. */
static void strip_comment(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
            *p = '\0';
            return;
        }
    }
}

/* Where this thread's reads are recorded (relgraph_rulefile_record). */
static GPrivate recorder;

void relgraph_rulefile_record(GHashTable *contents)
{
    g_private_set(&recorder, contents);
}

GPtrArray *relgraph_rulefile_read(const char *path, GError **error)
{
    char *contents = NULL;
    gsize len = 0;
    /* Regular files only, and not endless: a FIFO would block, /dev/zero
     * or a 3 GB file would be read whole. */
    if (!relgraph_read_regular_file(path, RELGRAPH_RULEFILE_MAX_BYTES, &contents, &len, NULL, error))
        return NULL;
    GHashTable *record = g_private_get(&recorder);
    if (record)
        g_hash_table_insert(record, g_strdup(path), g_bytes_new(contents, len));
    const char *bad = NULL;
    if (!g_utf8_validate(contents, (gssize)len, &bad)) {
        guint line = 1, col = 1;
        for (const char *p = contents; p < bad; p++, col++) {
            if (*p == '\n') {
                line++;
                col = 0;
            }
        }
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                    "%s:%u:%u: error: invalid UTF-8", path, line, col);
        g_free(contents);
        return NULL;
    }

    /* A line and its text are one allocation (the text right after the
     * struct): rule sets have thousands of lines. */
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    guint number = 0;
    char *next = contents;
    while (next && *next) {
        char *text = next;
        next = strchr(next, '\n');
        if (next)
            *next++ = '\0';
        number++;
        strip_comment(text);
        gsize n = strlen(text);
        while (n > 0 && g_ascii_isspace(text[n - 1]))
            text[--n] = '\0';
        char *start = text;
        while (*start == ' ' || *start == '\t')
            start++;
        if (*start == '\0')
            continue;
        gsize text_len = n - (gsize)(start - text);
        RelgraphRuleLine *line = g_malloc(sizeof *line + text_len + 1);
        line->path = path;
        line->line = number;
        line->col = (guint)(start - text) + 1;
        line->indented = start != text;
        line->text = memcpy(line + 1, start, text_len + 1);
        g_ptr_array_add(lines, line);
    }
    g_free(contents);
    return lines;
}

guint relgraph_rulefile_col(const RelgraphRuleLine *line, const char *at)
{
    return line->col + (guint)(at - line->text);
}

static void diagnostic_free(gpointer p)
{
    RelgraphDiagnostic *d = p;
    g_free(d->path);
    g_free(d->text);
    g_free(d->message);
    g_free(d);
}

GPtrArray *relgraph_diagnostics_new(void)
{
    return g_ptr_array_new_with_free_func(diagnostic_free);
}

void relgraph_diagnostics_add(GPtrArray *diagnostics, RelgraphDiagLevel level, const char *path,
                              guint line, guint col, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = g_strdup_vprintf(format, args);
    va_end(args);
    RelgraphDiagnostic *d = g_new0(RelgraphDiagnostic, 1);
    d->level = level;
    d->path = g_strdup(path);
    d->line = line;
    d->col = line ? col : 0;
    d->text = text;
    const char *what = level == RELGRAPH_DIAG_ERROR ? "error" : "warning";
    if (line)
        d->message = g_strdup_printf("%s:%u:%u: %s: %s", path, line, col, what, text);
    else
        d->message = g_strdup_printf("%s: %s: %s", path, what, text);
    g_ptr_array_add(diagnostics, d);
}

guint relgraph_diagnostics_count(const GPtrArray *diagnostics, RelgraphDiagLevel level)
{
    guint n = 0;
    for (guint i = 0; i < diagnostics->len; i++)
        n += ((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, i))->level == level;
    return n;
}

gboolean relgraph_diagnostics_to_error(const GPtrArray *diagnostics, GError **error)
{
    if (relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR) == 0)
        return TRUE;
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < diagnostics->len; i++) {
        const RelgraphDiagnostic *d = g_ptr_array_index(diagnostics, i);
        if (d->level != RELGRAPH_DIAG_ERROR)
            continue;
        if (all->len)
            g_string_append_c(all, '\n');
        g_string_append(all, d->message);
    }
    g_set_error_literal(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, all->str);
    g_string_free(all, TRUE);
    return FALSE;
}

gboolean relgraph_rulefile_next_item(const char **cursor, char sep, const char **item, gsize *len)
{
    const char *p = *cursor;
    if (!p)
        return FALSE;
    const char *end = strchr(p, sep);
    const char *b = end ? end : p + strlen(p);
    while (p < b && g_ascii_isspace(*p))
        p++;
    while (b > p && g_ascii_isspace(b[-1]))
        b--;
    *item = p;
    *len = (gsize)(b - p);
    *cursor = end ? end + 1 : NULL; /* NULL: that was the last item */
    return TRUE;
}

GPtrArray *relgraph_rulefile_split(const RelgraphRuleLine *line, const char *s, char sep, GArray *cols)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    const char *cursor = s, *item;
    gsize len;
    while (relgraph_rulefile_next_item(&cursor, sep, &item, &len)) {
        g_ptr_array_add(items, g_strndup(item, len));
        if (cols) {
            guint col = relgraph_rulefile_col(line, item);
            g_array_append_val(cols, col);
        }
    }
    return items;
}

const char *relgraph_rulefile_display_path(const char *path, const char *prefix)
{
    gsize n = prefix ? strlen(prefix) : 0;
    return n && strncmp(path, prefix, n) == 0 && path[n] ? path + n : path;
}

const char *relgraph_rulefile_location(GStringChunk *strings, const char *path, const char *prefix,
                                       guint line)
{
    /* Written out by hand: a rule set has thousands of locations, and
     * printf costs more than the rest of the copy. */
    const char *shown = relgraph_rulefile_display_path(path, prefix);
    gsize n = strlen(shown);
    char digits[RELGRAPH_UINT_DIGITS];
    const char *number = relgraph_format_uint(digits, line);
    gsize number_len = (gsize)(digits + RELGRAPH_UINT_DIGITS - number);
    gsize len = n + 1 + number_len;
    char small[256];
    char *buf = len <= sizeof small ? small : g_malloc(len);
    memcpy(buf, shown, n);
    buf[n] = ':';
    memcpy(buf + n + 1, number, number_len);
    const char *location = g_string_chunk_insert_len(strings, buf, (gssize)len);
    if (buf != small)
        g_free(buf);
    return location;
}
