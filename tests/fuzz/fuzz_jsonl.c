/* libFuzzer target: the JSONL corpus reader, a whole file at a time.
 *
 * The input is a .jsonl file: split into lines as relgraph reads them
 * (ending at '\n', a trailing '\r' dropped, blank lines skipped), each line
 * handed to relgraph_document_from_json. Checks what the run relies on:
 * a line gives a document or an error "fuzz.jsonl:LINE:COL: ..." naming
 * its own line, never both, never a crash (deep nesting, \u0000 escapes,
 * invalid UTF-8, members of the wrong type); a document's text is valid
 * UTF-8 of its stated length without a NUL, its id is not empty, and its
 * metadata (date, title, source) is valid UTF-8.
 *
 * Structure-aware inputs: the seeds are JSONL files made from seeds/
 * (scripts/fuzz) and tests/fuzz/seeds/fuzz_jsonl/, and fuzz_jsonl.dict
 * gives the fuzzer JSON's tokens and the member names relgraph reads. */
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "relgraph/corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_line(const char *line, gsize len, guint lineno)
{
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_from_json("fuzz.jsonl", lineno, line, len, &error);
    if (doc) {
        if (error)
            g_error("line %u: a document and an error", lineno);
        if (memchr(doc->text, '\0', doc->len) || !g_utf8_validate(doc->text, (gssize)doc->len, NULL))
            g_error("line %u: the text is not valid UTF-8 of length %zu without NUL", lineno, (size_t)doc->len);
        if (!doc->id || !*doc->id || !g_utf8_validate(doc->id, -1, NULL))
            g_error("line %u: empty or invalid id", lineno);
        const char *meta[] = {doc->title, doc->source};
        for (guint i = 0; i < G_N_ELEMENTS(meta); i++)
            if (meta[i] && !g_utf8_validate(meta[i], -1, NULL))
                g_error("line %u: metadata is not valid UTF-8", lineno);
        relgraph_document_free(doc);
        return;
    }
    char *prefix = g_strdup_printf("fuzz.jsonl:%u:", lineno);
    if (!error || !g_str_has_prefix(error->message, prefix))
        g_error("line %u: a bad line must give a \"%s COL:\" error, got \"%s\"", lineno, prefix,
                error ? error->message : "none");
    g_free(prefix);
    g_error_free(error);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    guint lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        lineno++;
        /* A private copy of the line and its NUL, as run.c hands it over. */
        gsize n = (gsize)(stop - p);
        while (n > 0 && p[n - 1] == '\r')
            n--;
        gsize blank = 0;
        while (blank < n && (p[blank] == ' ' || p[blank] == '\t'))
            blank++;
        if (blank < n) { /* blank lines are skipped */
            char *line = g_malloc(n + 1);
            memcpy(line, p, n);
            line[n] = '\0';
            check_line(line, n, lineno);
            g_free(line);
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}
