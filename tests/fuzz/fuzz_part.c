/* libFuzzer target: the part reader (docs/part-format.md), as merge and
 * the cache use it.
 *
 * A part ends in a checksum of every byte before it, which random
 * mutations would almost never keep right: the input is read as it is,
 * and also as the body of a part, with the SHA-256 checksum line added
 * here, so that the fuzzer reaches the line parser. Checks: a part is
 * read or refused with "fuzz.part:LINE:COL: ..." (never a crash, never
 * a half-read graph); a part read is written back and read again to the
 * same bytes (what merge and the cache rely on); the keyed reader (the
 * cache's) refuses a part without its key line, and reads one that
 * carries it.
 *
 * Structure-aware inputs: tests/fuzz/seeds/fuzz_part/ holds part bodies
 * (relgraph extract -T part without the checksum line), and
 * fuzz_part.dict gives the fuzzer the line kinds, enum values and escapes. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "relgraph/graph.h"
#include "relgraph/part.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define KEY "00112233445566778899aabbccddeeff"

static void check_error(const GError *error)
{
    if (!error || !g_str_has_prefix(error->message, "fuzz.part:"))
        g_error("a refused part must give a \"fuzz.part:LINE:COL:\" error, got \"%s\"",
                error ? error->message : "none");
}

/* Loads a part; when read, writes it back and checks that the bytes
 * written read back to the same bytes. */
static void check_part(const char *data, gsize len)
{
    GError *error = NULL;
    RelgraphPartInfo info;
    RelgraphGraph *g = relgraph_part_load(data, len, "fuzz.part", &info, &error);
    if (!g) {
        check_error(error);
        g_error_free(error);
        return;
    }
    gsize len1 = 0, len2 = 0;
    char *out1 = relgraph_part_write(g, &info, &len1);
    RelgraphPartInfo info2;
    RelgraphGraph *g2 = relgraph_part_load(out1, len1, "fuzz.part", &info2, &error);
    if (!g2)
        g_error("a part written back is refused: %s", error->message);
    char *out2 = relgraph_part_write(g2, &info2, &len2);
    if (len1 != len2 || memcmp(out1, out2, len1) != 0)
        g_error("a part written back reads back to other bytes");
    /* Merging it into an empty graph gives the same part. */
    RelgraphGraph *merged = relgraph_graph_new();
    RelgraphPartInfo sum = {0};
    if (!relgraph_part_read(merged, data, len, "fuzz.part", &sum, &error))
        g_error("a part that loads is refused by read: %s", error->message);
    gsize len3 = 0;
    char *out3 = relgraph_part_write(merged, &sum, &len3);
    if (len1 != len3 || memcmp(out1, out3, len1) != 0)
        g_error("merging a part into an empty graph changes it");
    g_free(out3);
    relgraph_graph_free(merged);
    g_free(out1);
    g_free(out2);
    relgraph_graph_free(g2);

    /* The cache's reader: without the key line, refused; with it, read. */
    if (!memmem(data, len, "info\tkey\t", 9)) {
        RelgraphGraph *k = relgraph_part_load_keyed(data, len, "fuzz.part", KEY, &info2, &error);
        if (k)
            g_error("a part without a key line is read as a cache entry");
        check_error(error);
        g_clear_error(&error);
        gsize klen = 0;
        char *keyed = relgraph_part_write_keyed(g, &info, RELGRAPH_PART_XXH3, KEY, &klen);
        k = relgraph_part_load_keyed(keyed, klen, "fuzz.part", KEY, &info2, &error);
        if (!k)
            g_error("a keyed entry is refused: %s", error->message);
        relgraph_graph_free(k);
        g_free(keyed);
    }
    relgraph_graph_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_part((const char *)data, size);

    /* The input as a body: its checksum line added. */
    GString *part = g_string_new_len((const char *)data, (gssize)size);
    if (part->len && part->str[part->len - 1] != '\n')
        g_string_append_c(part, '\n');
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)part->str, part->len);
    g_string_append_printf(part, "checksum\tsha256:%s\n", sum);
    g_free(sum);
    check_part(part->str, part->len);
    g_string_free(part, TRUE);
    return 0;
}
