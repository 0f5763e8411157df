/* Parts: round trip, damage detection, merging. */
#include <criterion/criterion.h>
#include <string.h>

#include <glib/gstdio.h>

#include "relgraph/part.h"

static void mention(RelgraphGraph *g, const char *s, const char *rel, const char *t, gboolean sym, const char *doc,
                    guint32 start, const char *text, const char *date)
{
    RelgraphEvidence ev = {(char *)doc, start / 10, start, start + 9, (char *)text, "visit.rules:3"};
    RelgraphEdge *e = relgraph_graph_add_mention(g, s, rel, t, sym, RELGRAPH_POLARITY_COOPERATIVE, &ev);
    relgraph_graph_edge_add_date(e, date);
}

/* Two graphs with overlapping edges; names and text that need escaping. */
static RelgraphGraph *graph_a(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphNode *n = relgraph_graph_add_node(g, "Zhao Leji", RELGRAPH_ACTOR_OFFICIAL, "China", 3);
    relgraph_graph_node_add_date(n, "2024-04-11");
    relgraph_graph_add_node(g, "North Korea", RELGRAPH_ACTOR_STATE, NULL, 5);
    mention(g, "Zhao Leji", "visit", "North Korea", FALSE, "d1", 10, "Zhao\tarrived\nin \\Pyongyang\r.", "2024-04-11");
    mention(g, "Zhao Leji", "visit", "North Korea", FALSE, "d2", 40, "Again.", "2024-04-13");
    mention(g, "North Korea", "meet", "China", TRUE, "d2", 90, "They met.", "");
    return g;
}

static RelgraphGraph *graph_b(void)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "Odd \"<name>\" & ]]>", 0, NULL, 1);
    mention(g, "Zhao Leji", "visit", "North Korea", FALSE, "d0", 5, "Earlier.", "2023-12-31");
    mention(g, "Odd \"<name>\" & ]]>", "criticize", "China", FALSE, "d9", 0, "Ünïcode – text", "2024-01-01");
    return g;
}

static char *write(const RelgraphGraph *g, guint documents, guint limit, gsize *len)
{
    RelgraphPartInfo info = {documents, documents * 10, relgraph_graph_edge_count(g), limit};
    return relgraph_part_write(g, &info, len);
}

static RelgraphGraph *read_ok(const char *data, gsize len, RelgraphPartInfo *info)
{
    RelgraphGraph *g = relgraph_graph_new();
    GError *error = NULL;
    cr_assert(relgraph_part_read(g, data, len, "t.part", info, &error), "%s", error ? error->message : "");
    return g;
}

Test(part, round_trip_is_byte_identical)
{
    RelgraphGraph *a = graph_a();
    gsize len = 0, len2 = 0;
    char *data = write(a, 2, 3, &len);
    cr_expect(g_str_has_prefix(data, "relgraph-part\t1\n"));
    cr_expect_not_null(strstr(data, "Zhao\\tarrived\\nin \\\\Pyongyang\\r."), "escaped: %s", data);
    RelgraphPartInfo info = {0};
    RelgraphGraph *back = read_ok(data, len, &info);
    cr_expect_eq(info.documents, 2);
    cr_expect_eq(info.sentences, 20);
    cr_expect_eq(info.evidence_limit, 3);
    char *again = write(back, info.documents, info.evidence_limit, &len2);
    cr_expect_eq(len, len2);
    cr_expect_str_eq(again, data);
    const RelgraphEdge *e = relgraph_graph_edge(back, "Zhao Leji", "visit", "North Korea");
    cr_assert_not_null(e);
    cr_expect_eq(e->weight, 2);
    cr_expect_str_eq(e->first_date, "2024-04-11");
    cr_expect_str_eq(e->last_date, "2024-04-13");
    cr_expect_str_eq(((RelgraphEvidence *)g_ptr_array_index(e->evidence, 0))->text, "Zhao\tarrived\nin \\Pyongyang\r.");
    cr_expect_eq(relgraph_graph_node(back, "Zhao Leji")->type, RELGRAPH_ACTOR_OFFICIAL);
    cr_expect_str_eq(relgraph_graph_node(back, "Zhao Leji")->affiliation, "China");
    cr_expect(relgraph_graph_edge(back, "China", "meet", "North Korea")->symmetric);
    g_free(data);
    g_free(again);
    relgraph_graph_free(a);
    relgraph_graph_free(back);
}

Test(part, merging_parts_is_building_the_union)
{
    RelgraphGraph *a = graph_a(), *b = graph_b();
    gsize la, lb, lu, lab, lba;
    char *pa = write(a, 2, 0, &la), *pb = write(b, 1, 0, &lb);
    /* The union built directly. */
    RelgraphGraph *u = graph_a(), *b2 = graph_b();
    relgraph_graph_merge(u, b2);
    char *pu = write(u, 3, 0, &lu);
    RelgraphPartInfo iab = {0}, iba = {0};
    RelgraphGraph *ab = read_ok(pa, la, &iab);
    cr_assert(relgraph_part_read(ab, pb, lb, "b", &iab, NULL));
    RelgraphGraph *ba = read_ok(pb, lb, &iba);
    cr_assert(relgraph_part_read(ba, pa, la, "a", &iba, NULL));
    char *sab = write(ab, iab.documents, iab.evidence_limit, &lab), *sba = write(ba, iba.documents, 0, &lba);
    cr_expect_str_eq(sab, pu);
    cr_expect_str_eq(sba, pu);
    cr_expect_eq(iab.documents, 3);
    cr_expect_str_eq(relgraph_graph_edge(ab, "Zhao Leji", "visit", "North Korea")->first_date, "2023-12-31");
    g_free(pa), g_free(pb), g_free(pu), g_free(sab), g_free(sba);
    relgraph_graph_free(a), relgraph_graph_free(b), relgraph_graph_free(b2), relgraph_graph_free(u);
    relgraph_graph_free(ab), relgraph_graph_free(ba);
}

Test(part, evidence_limit_is_the_smallest)
{
    RelgraphGraph *a = graph_a();
    gsize len;
    char *p3 = write(a, 1, 3, &len);
    RelgraphPartInfo info = {.evidence_limit = 0};
    RelgraphGraph *g = read_ok(p3, len, &info);
    cr_expect_eq(info.evidence_limit, 3);
    g_free(p3);
    char *p1 = write(a, 1, 1, &len);
    cr_assert(relgraph_part_read(g, p1, len, "p1", &info, NULL));
    cr_expect_eq(info.evidence_limit, 1);
    char *p0 = write(a, 1, 0, &len);
    cr_assert(relgraph_part_read(g, p0, len, "p0", &info, NULL));
    cr_expect_eq(info.evidence_limit, 1, "0 is no limit, not the smallest");
    g_free(p1), g_free(p0);
    relgraph_graph_free(a), relgraph_graph_free(g);
}

/* A discovered node: its line gets a 7th field "discovered", which reads
 * back; a listed node's line keeps its six fields. */
Test(part, discovered_round_trip)
{
    RelgraphGraph *g = relgraph_graph_new();
    RelgraphNode *n = relgraph_graph_add_node(g, "Igor Morgulov", RELGRAPH_ACTOR_OFFICIAL, NULL, 1);
    relgraph_graph_node_set_discovered(n);
    relgraph_graph_node_add_date(n, "2024-05-16");
    relgraph_graph_add_node(g, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 1);
    mention(g, "Igor Morgulov", "meet", "Wang Yi", TRUE, "d1", 0, "They met.", "2024-05-16");
    gsize len = 0, len2 = 0;
    char *data = write(g, 1, 3, &len);
    cr_expect_not_null(strstr(data, "\nnode\tIgor Morgulov\tofficial\t\t1\t2024-05-16\t2024-05-16\tdiscovered\n"),
                       "%s", data);
    cr_expect_not_null(strstr(data, "\nnode\tWang Yi\tofficial\tChina\t1\t\t\n"), "%s", data);
    RelgraphPartInfo info = {0};
    RelgraphGraph *back = read_ok(data, len, &info);
    cr_expect(relgraph_graph_node(back, "Igor Morgulov")->discovered);
    cr_expect_not(relgraph_graph_node(back, "Wang Yi")->discovered);
    char *again = write(back, info.documents, info.evidence_limit, &len2);
    cr_expect_str_eq(again, data);
    g_free(again);
    g_free(data);
    relgraph_graph_free(back);
    relgraph_graph_free(g);
}

/* Parts without a discovered node keep their bytes: no node line has a
 * 7th field. */
Test(part, no_discovered_field_without_discovered_nodes)
{
    RelgraphGraph *a = graph_a();
    gsize len = 0;
    char *data = write(a, 2, 3, &len);
    cr_expect_null(strstr(data, "discovered"));
    cr_expect_not_null(strstr(data, "\nnode\tZhao Leji\tofficial\tChina\t3\t2024-04-11\t2024-04-11\n"), "%s", data);
    g_free(data);
    relgraph_graph_free(a);
}

/* The same actor discovered in one part and listed in another (or given
 * in both) is discovered in the merge, whichever part comes first; the
 * merge is the union built directly. */
Test(part, merging_discovered_is_or)
{
    RelgraphGraph *d = relgraph_graph_new(), *l = relgraph_graph_new();
    relgraph_graph_node_set_discovered(relgraph_graph_add_node(d, "Igor Morgulov", RELGRAPH_ACTOR_OFFICIAL, NULL, 1));
    relgraph_graph_add_node(d, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 1);
    relgraph_graph_add_node(l, "Igor Morgulov", RELGRAPH_ACTOR_OFFICIAL, "Russia", 2);
    relgraph_graph_add_node(l, "Wang Yi", RELGRAPH_ACTOR_OFFICIAL, "China", 2);
    gsize ld, ll, lu, lx, ly;
    char *pd = write(d, 1, 0, &ld), *pl = write(l, 1, 0, &ll);
    RelgraphPartInfo ix = {0}, iy = {0};
    RelgraphGraph *x = read_ok(pd, ld, &ix);
    cr_assert(relgraph_part_read(x, pl, ll, "l", &ix, NULL));
    RelgraphGraph *y = read_ok(pl, ll, &iy);
    cr_assert(relgraph_part_read(y, pd, ld, "d", &iy, NULL));
    for (guint i = 0; i < 2; i++) {
        const RelgraphGraph *m = i ? y : x;
        const RelgraphNode *n = relgraph_graph_node(m, "Igor Morgulov");
        cr_expect(n->discovered, "discovered lost when merging (%s first)", i ? "listed" : "discovered");
        cr_expect_eq(n->mentions, 3);
        cr_expect_str_eq(n->affiliation, "Russia");
        cr_expect_not(relgraph_graph_node(m, "Wang Yi")->discovered);
    }
    relgraph_graph_merge(d, l);
    char *pu = write(d, 2, 0, &lu), *px = write(x, ix.documents, 0, &lx), *py = write(y, iy.documents, 0, &ly);
    cr_expect_str_eq(px, pu);
    cr_expect_str_eq(py, pu);
    cr_expect_not_null(strstr(pu, "\nnode\tIgor Morgulov\tofficial\tRussia\t3\t\t\tdiscovered\n"), "%s", pu);
    /* Discovered on both sides stays discovered, once. */
    RelgraphPartInfo iz = {0};
    RelgraphGraph *z = read_ok(pd, ld, &iz);
    cr_assert(relgraph_part_read(z, pd, ld, "d", &iz, NULL));
    cr_expect(relgraph_graph_node(z, "Igor Morgulov")->discovered);
    g_free(pd), g_free(pl), g_free(pu), g_free(px), g_free(py);
    relgraph_graph_free(d), relgraph_graph_free(l), relgraph_graph_free(x), relgraph_graph_free(y);
    relgraph_graph_free(z);
}

/* Every damage is refused with a message, and the graph is untouched. */
static void expect_refused(const char *data, gsize len, const char *message)
{
    RelgraphGraph *g = relgraph_graph_new();
    relgraph_graph_add_node(g, "Keep", RELGRAPH_ACTOR_STATE, NULL, 1);
    RelgraphPartInfo info = {7, 0, 0, 0};
    GError *error = NULL;
    cr_expect_not(relgraph_part_read(g, data, len, "t.part", &info, &error), "accepted: %s", message);
    cr_assert_not_null(error);
    cr_expect_not_null(strstr(error->message, message), "\"%s\" in \"%s\"", message, error->message);
    cr_expect(g_str_has_prefix(error->message, "t.part:"), "%s", error->message);
    cr_expect_eq(relgraph_graph_node_count(g), 1);
    cr_expect_eq(info.documents, 7);
    g_error_free(error);
    relgraph_graph_free(g);
}

/* A part with the checksum recomputed, so that only the content is wrong. */
static char *resealed(const char *body)
{
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, body, -1);
    char *out = g_strdup_printf("%schecksum\tsha256:%s\n", body, sum);
    g_free(sum);
    return out;
}

Test(part, damage_is_detected)
{
    RelgraphGraph *a = graph_a();
    gsize len;
    char *data = write(a, 2, 3, &len);
    expect_refused(data, len / 2, "truncated");
    expect_refused(data, len - 5, "truncated");
    char *flipped = g_strdup(data);
    flipped[len / 2] ^= 0x20;
    expect_refused(flipped, len, "checksum mismatch");
    expect_refused("hello\n", 6, "not a relgraph part");
    char *v2 = g_strdup(data);
    v2[14] = '2';
    expect_refused(v2, len, "version 2");
    static const char *const bodies[][2] = {
        {"relgraph-part\t1\nnode\tA\tstate\t\tmany\t\t\n", "t.part:2:"},
        {"relgraph-part\t1\nnode\tA\tplanet\t\t1\t\t\n", "unknown actor type"},
        {"relgraph-part\t1\nevidence\td\t1\t2\t3\tr\tt\n", "evidence without an edge"},
        {"relgraph-part\t1\nedge\tA\tvisit\tB\tsideways\tneutral\t1\t\t\n", "directed or symmetric"},
        {"relgraph-part\t1\nedge\tA\tvisit\tB\tdirected\tneutral\t1\t2024-13-01\t\n", "not a date"},
        {"relgraph-part\t1\nnode\tA\\x\tstate\t\t1\t\t\n", "t.part:2:7: unknown escape \"\\x\""},
        {"relgraph-part\t1\nnode\tA\\\\B\tstate\tC\\q\t1\t\t\n", "t.part:2:18: unknown escape \"\\q\""},
        {"relgraph-part\t1\nvertex\tA\n", "unknown line kind"},
        {"relgraph-part\t1\nnode\tA\n", "fields"},
        {"relgraph-part\t1\nnode\tA\tstate\t\t1\t\t\tyes\n", "t.part:2:19: \"yes\": discovered or nothing"},
        {"relgraph-part\t1\nnode\tA\tstate\t\t1\t\t\t\n", "t.part:2:19: \"\": discovered or nothing"},
        {"relgraph-part\t1\nnode\tA\tstate\t\t1\t\t\tDiscovered\n", "discovered or nothing"},
        {"relgraph-part\t1\nnode\tA\tstate\t\t1\t\t\tdiscovered\tx\n", "t.part:2:30: a node line has 9 fields"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bodies); i++) {
        char *part = resealed(bodies[i][0]);
        expect_refused(part, strlen(part), bodies[i][1]);
        g_free(part);
    }
    g_free(data), g_free(flipped), g_free(v2);
    relgraph_graph_free(a);
}

/* The cache's checksum (XXH3-128): the same body, read back the same,
 * and damage caught as with SHA-256; parts that travel keep SHA-256. */
Test(part, xxh3_checksum)
{
    RelgraphGraph *a = graph_a();
    RelgraphPartInfo info = {2, 20, relgraph_graph_edge_count(a), 3};
    gsize len = 0, sha_len = 0;
    char *data = relgraph_part_write_checksum(a, &info, RELGRAPH_PART_XXH3, &len);
    char *sha = relgraph_part_write(a, &info, &sha_len);
    cr_expect_not_null(strstr(sha, "\nchecksum\tsha256:"));
    const char *line = strstr(data, "\nchecksum\txxh3:");
    cr_assert_not_null(line);
    cr_expect_eq(strlen(line), strlen("\nchecksum\txxh3:") + 32 + 1, "32 hex digits: %s", line);
    cr_expect_eq(strncmp(data, sha, (gsize)(line - data)), 0, "the same body");

    RelgraphPartInfo back_info = {0};
    RelgraphGraph *back = read_ok(data, len, &back_info);
    gsize again_len = 0;
    char *again = relgraph_part_write(back, &back_info, &again_len);
    cr_expect_str_eq(again, sha, "read back as the graph it was");

    expect_refused(data, len - 5, "truncated");
    char *flipped = g_strdup(data);
    flipped[len / 2] ^= 0x20;
    expect_refused(flipped, len, "checksum mismatch");
    char *renamed = g_strdup(data);
    memcpy(strstr(renamed, "xxh3:"), "xxh4:", 5);
    expect_refused(renamed, len, "checksum");
    g_free(renamed);
    g_free(flipped);
    g_free(again);
    relgraph_graph_free(back);
    g_free(sha);
    g_free(data);
    relgraph_graph_free(a);
}

Test(part, empty_graph)
{
    RelgraphGraph *g = relgraph_graph_new();
    gsize len;
    char *data = write(g, 0, 3, &len);
    RelgraphPartInfo info = {0};
    RelgraphGraph *back = read_ok(data, len, &info);
    cr_expect_eq(relgraph_graph_node_count(back), 0);
    g_free(data);
    relgraph_graph_free(g), relgraph_graph_free(back);
}

/* docs/part-format.md: unknown info keys are ignored, whatever their value
 * (a later version's "info origin host-3" was refused as "not a number");
 * the known ones must be numbers; "info key KEY" binds a cache entry. */
Test(part, info_keys)
{
    char *part = resealed("relgraph-part\t1\ninfo\tdocuments\t2\ninfo\torigin\thost-3\ninfo\tlater\t\n"
                          "info\tkey\tK1\nnode\tA\tstate\t\t1\t\t\n");
    GError *error = NULL;
    RelgraphPartInfo info = {0};
    RelgraphGraph *g = relgraph_part_load(part, strlen(part), "t.part", &info, &error);
    cr_assert_not_null(g, "%s", error ? error->message : "?");
    cr_expect_eq(info.documents, 2);
    relgraph_graph_free(g);
    g = relgraph_part_load_keyed(part, strlen(part), "t.part", "K1", &info, &error);
    cr_assert_not_null(g, "%s", error ? error->message : "?");
    relgraph_graph_free(g);
    cr_assert_null(relgraph_part_load_keyed(part, strlen(part), "t.part", "K2", &info, &error));
    cr_expect(strstr(error->message, "t.part:5:10: the entry of key K1, not of K2"), "%s", error->message);
    g_clear_error(&error);
    g_free(part);
    part = resealed("relgraph-part\t1\ninfo\tsentences\tmany\n");
    expect_refused(part, strlen(part), "t.part:2:");
    g_free(part);
}

Test(part, written_to_a_file_and_read_back)
{
    char *dir = g_dir_make_tmp("relgraph-part-XXXXXX", NULL);
    char *path = g_build_filename(dir, "a.part", NULL);
    RelgraphGraph *a = graph_a();
    RelgraphPartInfo info = {2, 5, 7, 3};
    GError *error = NULL;
    cr_assert(relgraph_part_write_file(a, &info, path, &error));
    gsize len = 0;
    char *want = relgraph_part_write(a, &info, &len), *got = NULL;
    gsize got_len = 0;
    cr_assert(g_file_get_contents(path, &got, &got_len, NULL));
    cr_assert_eq(got_len, len);
    cr_assert_eq(memcmp(got, want, len), 0, "the bytes relgraph_part_write gives");
    RelgraphGraph *back = relgraph_graph_new();
    RelgraphPartInfo read = {0};
    cr_assert(relgraph_part_read_file(back, path, &read, &error));
    cr_assert_eq(read.mentions, 7);
    cr_assert_eq(relgraph_graph_edge_count(back), relgraph_graph_edge_count(a));

    char *missing = g_build_filename(dir, "no", "b.part", NULL);
    cr_assert_not(relgraph_part_write_file(a, &info, missing, &error));
    cr_assert(g_error_matches(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO));
    g_clear_error(&error);
    g_remove(path);
    g_rmdir(dir);
    relgraph_graph_free(back);
    relgraph_graph_free(a);
    g_free(got);
    g_free(want);
    g_free(missing);
    g_free(path);
    g_free(dir);
}
