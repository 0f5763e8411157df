/* libFuzzer target: document preparation (encoding repair, front matter,
 * Markdown), the sentence splitter, the tokeniser and the normaliser, and
 * the JSONL line reader.
 *
 * Checks the promises the later stages rely on: prepared text is valid
 * UTF-8 of the stated length; sentences are non-empty, ordered, disjoint
 * and inside the text; tokens lie inside their sentence, in order. */
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "relgraph/corpus.h"
#include "relgraph/sentence.h"
#include "relgraph/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_document(const RelgraphDocument *doc)
{
    if (strlen(doc->text) > doc->len || !g_utf8_validate(doc->text, (gssize)doc->len, NULL))
        g_error("prepared text is not valid UTF-8 of length %zu", (size_t)doc->len);
    GArray *sentences = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split(doc->text, doc->len, sentences);
    GStringChunk *chunk = g_string_chunk_new(4096);
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    guint32 previous_end = 0;
    for (guint i = 0; i < sentences->len; i++) {
        RelgraphSpan s = g_array_index(sentences, RelgraphSpan, i);
        if (s.start >= s.end || s.end > doc->len || s.start < previous_end)
            g_error("sentence %u [%u, %u) is empty, out of order or outside the text", i, s.start, s.end);
        previous_end = s.end;
        g_array_set_size(tokens, 0);
        relgraph_text_tokenize(doc->text, s.start, s.end, chunk, tokens);
        guint32 token_end = s.start;
        for (guint t = 0; t < tokens->len; t++) {
            RelgraphToken *tok = &g_array_index(tokens, RelgraphToken, t);
            if (tok->start < token_end || tok->end > s.end || tok->start > tok->end)
                g_error("token %u [%u, %u) is outside sentence [%u, %u)", t, tok->start, tok->end, s.start,
                        s.end);
            token_end = tok->end;
            if (!g_utf8_validate(tok->norm, -1, NULL))
                g_error("token %u is not valid UTF-8 after normalisation", t);
        }
        char *norm = relgraph_text_normalize(doc->text + s.start, s.end - s.start);
        g_free(norm);
    }
    g_array_unref(tokens);
    g_string_chunk_free(chunk);
    g_array_unref(sentences);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The same bytes as a .txt, a .md and a JSONL line. */
    static const char *const paths[] = {"fuzz.txt", "fuzz.md"};
    for (guint i = 0; i < G_N_ELEMENTS(paths); i++) {
        RelgraphDocument *doc = relgraph_document_new("fuzz", paths[i], (const char *)data, size);
        check_document(doc);
        relgraph_document_free(doc);
    }
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_from_json("fuzz.jsonl", 1, (const char *)data, size, &error);
    if (doc) {
        check_document(doc);
        relgraph_document_free(doc);
    } else if (!error || !g_str_has_prefix(error->message, "fuzz.jsonl:1:")) {
        g_error("a bad JSONL line must give a file:line:col error");
    }
    g_clear_error(&error);
    return 0;
}
