/* libFuzzer target: the rule-file parsers (*.actors and *.rules), and the
 * patterns they compile run over a fixed text.
 *
 * The input is written as rule files into a private directory: the part
 * before a line "%%" as fuzz.actors, the rest as fuzz.rules (all of it as
 * fuzz.rules when there is no such line). Every error must be a diagnostic,
 * never a crash; a rule set that loads is used on a few sentences, so a
 * pattern that took more than linear time would show as a timeout. Each
 * sentence with a mention must also pass the dictionary's quick screen
 * (relgraph_dictionary_may_match), whatever the aliases look like. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "relgraph/extract.h"
#include "relgraph/rulefile.h"
#include "relgraph/rules.h"
#include "relgraph/sentence.h"

static const char sample[] =
    "Chinese President Xi Jinping visited Pyongyang on Tuesday, meeting Kim Jong Un. "
    "Moscow may supply weapons to North Korea, Lavrov said. "
    "The United States sanctioned Russian banks; Japan criticized the launch.\n\n"
    "South Korea and Japan agreed to strengthen ties with Washington.";

static char *directory;

/* Aborts when the screen stops a sentence of text that has a mention. */
static void check_screen(const RelgraphRules *rules, const char *text, gsize len)
{
    GArray *sentences = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    GArray *mentions = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    GStringChunk *chunk = g_string_chunk_new(1024);
    GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
    relgraph_sentence_split(text, len, sentences);
    for (guint s = 0; s < sentences->len; s++) {
        const RelgraphSpan *span = &g_array_index(sentences, RelgraphSpan, s);
        g_array_set_size(tokens, 0);
        g_array_set_size(mentions, 0);
        relgraph_text_tokenize(text, span->start, span->end, chunk, tokens);
        relgraph_lexicon_assign(rules->lexicon, (RelgraphToken *)(void *)tokens->data, tokens->len);
        relgraph_dictionary_match(rules->dictionary, (RelgraphToken *)(void *)tokens->data, tokens->len, named,
                                  mentions);
        if (mentions->len &&
            !relgraph_dictionary_may_match(rules->dictionary, text + span->start, span->end - span->start))
            g_error("the screen stopped a sentence with %u mention(s): %.*s", mentions->len,
                    (int)(span->end - span->start), text + span->start);
    }
    g_hash_table_destroy(named);
    g_string_chunk_free(chunk);
    g_array_unref(mentions);
    g_array_unref(tokens);
    g_array_unref(sentences);
}

static void write_file(const char *name, const uint8_t *data, size_t size)
{
    char *path = g_build_filename(directory, name, NULL);
    FILE *f = fopen(path, "wb");
    if (!f)
        g_error("cannot write %s", path);
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);
    g_free(path);
}

static void remove_file(const char *name)
{
    char *path = g_build_filename(directory, name, NULL);
    g_remove(path);
    g_free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!directory && !(directory = g_dir_make_tmp("relgraph-fuzz-XXXXXX", NULL)))
        g_error("cannot make a temporary directory");
    const uint8_t *split = NULL;
    for (size_t i = 0; i + 2 <= size; i++)
        if ((i == 0 || data[i - 1] == '\n') && data[i] == '%' && data[i + 1] == '%' &&
            (i + 2 == size || data[i + 2] == '\n')) {
            split = data + i;
            break;
        }
    remove_file("fuzz.actors");
    if (split) {
        write_file("fuzz.actors", data, (size_t)(split - data));
        size_t skip = (size_t)(split - data) + 2 + ((size_t)(split - data) + 2 < size);
        write_file("fuzz.rules", data + skip, size - skip);
    } else {
        write_file("fuzz.rules", data, size);
    }

    GPtrArray *diagnostics = relgraph_diagnostics_new();
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(directory, diagnostics, &error);
    if (rules) {
        check_screen(rules, sample, sizeof sample - 1);
        RelgraphDocument *doc = relgraph_document_new("sample", "sample.txt", sample, sizeof sample - 1);
        RelgraphExtractOptions options = {RELGRAPH_HEDGED_KEEP, TRUE, FALSE};
        RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
        RelgraphGraph *graph = relgraph_graph_new();
        relgraph_extract_add_to_graph(doc, result, graph);
        relgraph_graph_free(graph);
        relgraph_extract_result_free(result);
        relgraph_document_free(doc);
        relgraph_rules_free(rules);
    } else if (!error) {
        g_error("the rules did not load and no error says why");
    }
    g_clear_error(&error);
    g_ptr_array_unref(diagnostics);
    return 0;
}
