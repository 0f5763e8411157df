/* Tests for the evaluation module: gold loading, scoring and the report. */
#include "relgraph/common.h"
#include "relgraph/eval.h"
#include "rules_fixture.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define GOLD_PATH RELGRAPH_TEST_DATA_DIR "/seeds.gold.tsv"
#define SEED_DOC "000_3f36a55123f2af5d"

/* The symmetric relations of the seed gold (see shared/eval/README.md). */
static gboolean seed_symmetric(const char *relation, gpointer user_data)
{
    (void)user_data;
    return strcmp(relation, "meet") == 0 || strcmp(relation, "cooperate") == 0 || strcmp(relation, "trade") == 0;
}

/* Writes content to a temporary file and loads it as gold. On failure
 * *message gets the error text with the path replaced by "gold.tsv", so
 * tests can compare whole messages. */
static RelgraphEvalSet *load_text(const char *content, gssize len, char **message, gint *code)
{
    char *path = NULL;
    GError *error = NULL;
    int fd = g_file_open_tmp("relgraph-eval-XXXXXX.tsv", &path, &error);
    cr_assert_geq(fd, 0, "cannot create temporary file");
    close(fd);
    cr_assert(g_file_set_contents(path, content, len, &error), "cannot write temporary file");
    RelgraphEvalSet *set = relgraph_eval_load_gold(path, seed_symmetric, NULL, &error);
    if (set == NULL) {
        cr_assert_not_null(error);
        cr_assert(g_error_matches(error, RELGRAPH_ERROR, error->code));
        cr_assert(g_str_has_prefix(error->message, path), "message lacks the path: %s", error->message);
        if (message != NULL) *message = g_strconcat("gold.tsv", error->message + strlen(path), NULL);
        if (code != NULL) *code = error->code;
        g_error_free(error);
    } else {
        cr_assert_null(error);
    }
    g_unlink(path);
    g_free(path);
    return set;
}

/* Asserts that content fails to load with exactly this message. */
static void assert_gold_error(const char *content, gssize len, const char *expected)
{
    char *message = NULL;
    gint code = -1;
    RelgraphEvalSet *set = load_text(content, len, &message, &code);
    cr_assert_null(set, "expected a load error for %s", expected);
    cr_expect_eq(code, RELGRAPH_ERROR_PARSE);
    cr_expect_str_eq(message, expected);
    g_free(message);
}

static const RelgraphEvalScore *relation_row(const RelgraphEvalReport *r, const char *relation)
{
    for (guint i = 0; i < r->per_relation->len; i++) {
        const RelgraphEvalScore *s = g_ptr_array_index(r->per_relation, i);
        if (strcmp(s->relation, relation) == 0) return s;
    }
    return NULL;
}

static void assert_score(const RelgraphEvalScore *s, guint tp, guint fp, guint fn, double p, double r, double f1)
{
    cr_assert_not_null(s);
    cr_expect_eq(s->true_positives, tp, "tp %u != %u", s->true_positives, tp);
    cr_expect_eq(s->false_positives, fp, "fp %u != %u", s->false_positives, fp);
    cr_expect_eq(s->false_negatives, fn, "fn %u != %u", s->false_negatives, fn);
    cr_expect_float_eq(s->precision, p, 1e-9, "precision %f != %f", s->precision, p);
    cr_expect_float_eq(s->recall, r, 1e-9, "recall %f != %f", s->recall, r);
    cr_expect_float_eq(s->f1, f1, 1e-9, "f1 %f != %f", s->f1, f1);
}

static void assert_triple(const RelgraphTriple *t, const char *doc, const char *source, const char *relation,
                          const char *target, const char *note)
{
    cr_assert_not_null(t);
    cr_expect_str_eq(t->doc, doc);
    cr_expect_str_eq(t->source, source);
    cr_expect_str_eq(t->relation, relation);
    cr_expect_str_eq(t->target, target);
    if (note == NULL) {
        cr_expect_null(t->note, "unexpected note %s", t->note);
    } else {
        cr_assert_not_null(t->note);
        cr_expect_str_eq(t->note, note);
    }
}

/* Small hand-made case: 4 gold, 3 predictions, 2 of them right. */
static RelgraphEvalSet *small_gold(void)
{
    RelgraphEvalSet *gold = relgraph_eval_set_new();
    relgraph_eval_set_add(gold, "d1", "A", "meet", "B", TRUE, NULL);
    relgraph_eval_set_add(gold, "d1", "A", "visit", "C", FALSE, "A flew to C");
    relgraph_eval_set_add(gold, "d1", "B", "visit", "C", FALSE, NULL);
    relgraph_eval_set_add(gold, "d2", "C", "support", "D", FALSE, "C sends aid to D");
    return gold;
}

static RelgraphEvalSet *small_predicted(void)
{
    RelgraphEvalSet *pred = relgraph_eval_set_new();
    relgraph_eval_set_add(pred, "d1", "B", "meet", "A", TRUE, NULL);
    relgraph_eval_set_add(pred, "d1", "A", "visit", "C", FALSE, NULL);
    relgraph_eval_set_add(pred, "d2", "D", "arms", "C", FALSE, "rule arms-1");
    return pred;
}

/* ---- sets ------------------------------------------------------------- */

Test(eval_set, distinct_and_symmetric)
{
    RelgraphEvalSet *set = relgraph_eval_set_new();
    cr_expect_eq(relgraph_eval_set_size(set), 0);
    cr_expect(relgraph_eval_set_add(set, "d", "B", "meet", "A", TRUE, NULL));
    cr_expect_not(relgraph_eval_set_add(set, "d", "A", "meet", "B", TRUE, NULL), "reversed symmetric is a duplicate");
    cr_expect_not(relgraph_eval_set_add(set, "d", "B", "meet", "A", TRUE, NULL));
    /* Directed relations keep their direction. */
    cr_expect(relgraph_eval_set_add(set, "d", "A", "visit", "B", FALSE, NULL));
    cr_expect(relgraph_eval_set_add(set, "d", "B", "visit", "A", FALSE, NULL));
    /* Every field is part of the identity. */
    cr_expect(relgraph_eval_set_add(set, "e", "A", "visit", "B", FALSE, NULL));
    cr_expect(relgraph_eval_set_add(set, "d", "A", "invite", "B", FALSE, NULL));
    cr_expect_eq(relgraph_eval_set_size(set), 5);
    relgraph_eval_set_free(set);
}

Test(eval_set, duplicate_keeps_first_note)
{
    RelgraphEvalSet *gold = relgraph_eval_set_new();
    relgraph_eval_set_add(gold, "d", "A", "visit", "B", FALSE, "first");
    relgraph_eval_set_add(gold, "d", "A", "visit", "B", FALSE, "second");
    RelgraphEvalSet *pred = relgraph_eval_set_new();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    cr_assert_eq(r->misses->len, 1);
    assert_triple(g_ptr_array_index(r->misses, 0), "d", "A", "visit", "B", "first");
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

/* ---- the real gold ---------------------------------------------------- */

Test(eval_gold, loads_seed_gold)
{
    GError *error = NULL;
    RelgraphEvalSet *gold = relgraph_eval_load_gold(GOLD_PATH, seed_symmetric, NULL, &error);
    cr_assert_not_null(gold, "%s", error != NULL ? error->message : "");
    cr_expect_eq(relgraph_eval_set_size(gold), 146);

    /* Against nothing: everything is a miss, the evidence rides along. */
    RelgraphEvalSet *none = relgraph_eval_set_new();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, none, NULL);
    assert_score(&r->overall, 0, 0, 146, 1.0, 0.0, 0.0);
    cr_expect_eq(r->per_relation->len, 12);
    assert_score(relation_row(r, "member_of"), 0, 0, 50, 1.0, 0.0, 0.0);
    assert_score(relation_row(r, "meet"), 0, 0, 24, 1.0, 0.0, 0.0);
    assert_triple(g_ptr_array_index(r->misses, 0), SEED_DOC, "China", "cooperate", "North Korea",
                  "Senior officials of China and North Korea have vowed to open a “new chapter” in bilateral "
                  "relations.");
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(none);

    /* Present in the file as "Kim Jong Un meet Xi Jinping". */
    cr_expect_not(relgraph_eval_set_add(gold, SEED_DOC, "Xi Jinping", "meet", "Kim Jong Un", TRUE, NULL));
    cr_expect_not(relgraph_eval_set_add(gold, SEED_DOC, "Zhao Leji", "visit", "North Korea", FALSE, NULL));
    cr_expect(relgraph_eval_set_add(gold, SEED_DOC, "North Korea", "visit", "Zhao Leji", FALSE, NULL));
    relgraph_eval_set_free(gold);
}

Test(eval_gold, seed_gold_against_itself)
{
    RelgraphEvalSet *gold = relgraph_eval_load_gold(GOLD_PATH, seed_symmetric, NULL, NULL);
    RelgraphEvalSet *again = relgraph_eval_load_gold(GOLD_PATH, NULL, NULL, NULL);
    cr_assert_not_null(gold);
    cr_assert_not_null(again);
    /* The file already writes symmetric pairs in order, so loading them as
     * directed changes nothing. */
    cr_expect_eq(relgraph_eval_set_size(again), 146);
    RelgraphEvalReport *r = relgraph_eval_compare(gold, again, NULL);
    assert_score(&r->overall, 146, 0, 0, 1.0, 1.0, 1.0);
    cr_expect_eq(r->false_positives->len, 0);
    cr_expect_eq(r->misses->len, 0);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(again);
    relgraph_eval_set_free(gold);
}

/* ---- symmetric canonicalisation --------------------------------------- */

Test(eval_compare, symmetric_either_order_on_both_sides)
{
    /* Gold written in non-canonical order. */
    const char *text = "doc\tsource\trelation\ttarget\n"
                       "d\tXi Jinping\tmeet\tKim Jong Un\n"
                       "d\tRussia\tcooperate\tChina\n"
                       "d\tRussia\tvisit\tChina\n";
    RelgraphEvalSet *gold = load_text(text, -1, NULL, NULL);
    cr_assert_not_null(gold);
    RelgraphEvalSet *pred = relgraph_eval_set_new();
    relgraph_eval_set_add(pred, "d", "Kim Jong Un", "meet", "Xi Jinping", TRUE, NULL);
    relgraph_eval_set_add(pred, "d", "Russia", "cooperate", "China", TRUE, NULL);
    relgraph_eval_set_add(pred, "d", "China", "visit", "Russia", FALSE, NULL); /* wrong direction */
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    assert_score(relation_row(r, "meet"), 1, 0, 0, 1.0, 1.0, 1.0);
    assert_score(relation_row(r, "cooperate"), 1, 0, 0, 1.0, 1.0, 1.0);
    assert_score(relation_row(r, "visit"), 0, 1, 1, 0.0, 0.0, 0.0);
    assert_triple(g_ptr_array_index(r->false_positives, 0), "d", "China", "visit", "Russia", NULL);
    assert_triple(g_ptr_array_index(r->misses, 0), "d", "Russia", "visit", "China", NULL);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

/* ---- scores ----------------------------------------------------------- */

Test(eval_compare, exact_scores)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = small_predicted();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    cr_expect_null(r->overall.relation);
    assert_score(&r->overall, 2, 1, 2, 2.0 / 3.0, 0.5, 4.0 / 7.0);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

Test(eval_compare, empty_sides)
{
    RelgraphEvalSet *empty = relgraph_eval_set_new();
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalReport *r = relgraph_eval_compare(empty, empty, NULL);
    assert_score(&r->overall, 0, 0, 0, 1.0, 1.0, 1.0);
    cr_expect_eq(r->per_relation->len, 0);
    relgraph_eval_report_free(r);
    /* Nothing expected, everything predicted wrong: precision 0, recall 1. */
    r = relgraph_eval_compare(empty, gold, NULL);
    assert_score(&r->overall, 0, 4, 0, 0.0, 1.0, 0.0);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(gold);
    relgraph_eval_set_free(empty);
}

Test(eval_compare, per_relation_rows_sorted)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = small_predicted();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    /* "arms" appears only in predictions, "support" only in gold. */
    const char *names[] = {"arms", "meet", "support", "visit"};
    cr_assert_eq(r->per_relation->len, G_N_ELEMENTS(names));
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        const RelgraphEvalScore *s = g_ptr_array_index(r->per_relation, i);
        cr_expect_str_eq(s->relation, names[i]);
    }
    assert_score(relation_row(r, "arms"), 0, 1, 0, 0.0, 1.0, 0.0);
    assert_score(relation_row(r, "meet"), 1, 0, 0, 1.0, 1.0, 1.0);
    assert_score(relation_row(r, "support"), 0, 0, 1, 1.0, 0.0, 0.0);
    assert_score(relation_row(r, "visit"), 1, 0, 1, 1.0, 0.5, 2.0 / 3.0);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

Test(eval_compare, false_positives_and_misses_sorted)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = small_predicted();
    /* Added in reverse order to check that the lists are sorted. */
    relgraph_eval_set_add(pred, "d2", "B", "visit", "C", FALSE, NULL);
    relgraph_eval_set_add(pred, "d1", "Z", "visit", "C", FALSE, NULL);
    relgraph_eval_set_add(pred, "d1", "B", "visit", "A", FALSE, NULL);
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    cr_assert_eq(r->false_positives->len, 4);
    assert_triple(g_ptr_array_index(r->false_positives, 0), "d1", "B", "visit", "A", NULL);
    assert_triple(g_ptr_array_index(r->false_positives, 1), "d1", "Z", "visit", "C", NULL);
    assert_triple(g_ptr_array_index(r->false_positives, 2), "d2", "B", "visit", "C", NULL);
    assert_triple(g_ptr_array_index(r->false_positives, 3), "d2", "D", "arms", "C", "rule arms-1");
    cr_assert_eq(r->misses->len, 2);
    assert_triple(g_ptr_array_index(r->misses, 0), "d1", "B", "visit", "C", NULL);
    assert_triple(g_ptr_array_index(r->misses, 1), "d2", "C", "support", "D", "C sends aid to D");
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

Test(eval_compare, scored_docs_filter)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = relgraph_eval_set_new();
    relgraph_eval_set_add(pred, "d1", "A", "meet", "B", TRUE, NULL);
    relgraph_eval_set_add(pred, "d1", "A", "visit", "C", FALSE, NULL);
    GHashTable *scored = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_add(scored, "d1");

    /* Unfiltered, d2's support triple is a miss; filtered, it is ignored. */
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    assert_score(&r->overall, 2, 0, 2, 1.0, 0.5, 2.0 / 3.0);
    relgraph_eval_report_free(r);
    r = relgraph_eval_compare(gold, pred, scored);
    assert_score(&r->overall, 2, 0, 1, 1.0, 2.0 / 3.0, 0.8);
    cr_expect_null(relation_row(r, "support"), "an ignored document must not add a relation row");
    cr_assert_eq(r->misses->len, 1);
    assert_triple(g_ptr_array_index(r->misses, 0), "d1", "B", "visit", "C", NULL);
    relgraph_eval_report_free(r);

    /* Only gold is filtered: a prediction outside the scored documents has
     * nothing to match and stays a false positive. */
    relgraph_eval_set_add(pred, "d2", "C", "support", "D", FALSE, NULL);
    r = relgraph_eval_compare(gold, pred, scored);
    assert_score(&r->overall, 2, 1, 1, 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0);
    relgraph_eval_report_free(r);

    g_hash_table_destroy(scored);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

/* ---- gold file syntax ------------------------------------------------- */

Test(eval_load, comments_blank_lines_crlf_duplicates)
{
    const char *text = "# seed gold\r\n"
                       "doc\tsource\trelation\ttarget\tevidence\r\n"
                       "\r\n"
                       "# a comment\tline\r\n"
                       "d\tB\tmeet\tA\tthey met\r\n"
                       "   \r\n"
                       "d\tA\tmeet\tB\tagain\r\n"
                       "d\tA\tvisit\tB\r\n"
                       "d\tA\tinvite\tB\t\r\n"
                       "d\tA\tsupport\tB\tfirst\tsecond\r\n"
                       "e\tA\tvisit\tB"; /* no final newline */
    RelgraphEvalSet *gold = load_text(text, -1, NULL, NULL);
    cr_assert_not_null(gold);
    cr_expect_eq(relgraph_eval_set_size(gold), 5);
    RelgraphEvalSet *none = relgraph_eval_set_new();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, none, NULL);
    cr_assert_eq(r->misses->len, 5);
    /* Notes lose the CR; an empty evidence column is no note; extra columns
     * stay in the note. */
    assert_triple(g_ptr_array_index(r->misses, 0), "d", "A", "invite", "B", NULL);
    assert_triple(g_ptr_array_index(r->misses, 1), "d", "A", "meet", "B", "they met");
    assert_triple(g_ptr_array_index(r->misses, 2), "d", "A", "support", "B", "first\tsecond");
    assert_triple(g_ptr_array_index(r->misses, 3), "d", "A", "visit", "B", NULL);
    assert_triple(g_ptr_array_index(r->misses, 4), "e", "A", "visit", "B", NULL);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(none);
    relgraph_eval_set_free(gold);
}

Test(eval_load, header_with_byte_order_mark)
{
    RelgraphEvalSet *gold = load_text("\xEF\xBB\xBF" "doc\tsource\trelation\ttarget\nd\tA\tvisit\tB\n", -1, NULL, NULL);
    cr_assert_not_null(gold);
    cr_expect_eq(relgraph_eval_set_size(gold), 1);
    relgraph_eval_set_free(gold);
}

Test(eval_load, bad_header)
{
    assert_gold_error("document\tsource\trelation\ttarget\n",
                      -1, "gold.tsv:1:1: expected column 'doc', found 'document' "
                          "(header must start with doc, source, relation, target)");
    assert_gold_error("doc\tsrc\trelation\ttarget\n",
                      -1, "gold.tsv:1:5: expected column 'source', found 'src' "
                          "(header must start with doc, source, relation, target)");
    assert_gold_error("doc\tsource\trelation\n",
                      -1, "gold.tsv:1:20: expected column 'target', found end of line "
                          "(header must start with doc, source, relation, target)");
    /* Without a header the first data row is rejected as one. */
    assert_gold_error("d\tA\tvisit\tB\n", -1,
                      "gold.tsv:1:1: expected column 'doc', found 'd' "
                      "(header must start with doc, source, relation, target)");
    /* A header after a comment is on its own line number. */
    assert_gold_error("# x\ndoc\tsource\tRelation\ttarget\n", -1,
                      "gold.tsv:2:12: expected column 'relation', found 'Relation' "
                      "(header must start with doc, source, relation, target)");
}

Test(eval_load, missing_header)
{
    assert_gold_error("", 0, "gold.tsv:1:1: missing header line (doc, source, relation, target)");
    assert_gold_error("# only\n\n", -1, "gold.tsv:3:1: missing header line (doc, source, relation, target)");
}

Test(eval_load, bad_rows)
{
#define H "doc\tsource\trelation\ttarget\tevidence\n"
    assert_gold_error(H "# c\n\nd1\tA\t\tB\tev\n", -1, "gold.tsv:4:6: empty 'relation' field");
    assert_gold_error(H "\tA\tmeet\tB\n", -1, "gold.tsv:2:1: empty 'doc' field");
    assert_gold_error(H "d1\t \tmeet\tB\n", -1, "gold.tsv:2:4: empty 'source' field");
    assert_gold_error(H "d1\tA\tmeet\t\tevidence\n", -1, "gold.tsv:2:11: empty 'target' field");
    assert_gold_error(H "d\tA\tvisit\tB\nd1\tA\tmeet\n", -1,
                      "gold.tsv:3:10: missing 'target' field: expected at least 4 tab-separated fields, found 3");
    /* The CR of a CRLF line is not part of the column count. */
    assert_gold_error(H "d1\tA\tmeet\r\n", -1,
                      "gold.tsv:2:10: missing 'target' field: expected at least 4 tab-separated fields, found 3");
    assert_gold_error(H "d1 A meet B\n", -1,
                      "gold.tsv:2:12: missing 'source' field: expected at least 4 tab-separated fields, found 1");
#undef H
}

Test(eval_load, invalid_utf8)
{
    assert_gold_error("doc\tsource\trelation\ttarget\nd\tA\tvisit\tB\nd1\tA\xff\tmeet\tB\n", -1,
                      "gold.tsv:3:5: invalid UTF-8");
    /* A bad byte in a comment is still an error: the file is not UTF-8. */
    assert_gold_error("# caf\xc3\n", -1, "gold.tsv:1:6: invalid UTF-8");
    /* An embedded NUL would truncate a field. */
    const char nul[] = "doc\tsource\trelation\ttarget\nd\tA\0B\tvisit\tC\n";
    assert_gold_error(nul, (gssize)sizeof nul - 1, "gold.tsv:2:4: invalid UTF-8");
}

Test(eval_load, missing_file)
{
    GError *error = NULL;
    RelgraphEvalSet *set = relgraph_eval_load_gold(RELGRAPH_TEST_DATA_DIR "/no-such-gold.tsv", NULL, NULL, &error);
    cr_expect_null(set);
    cr_assert_not_null(error);
    cr_expect(g_error_matches(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO));
    cr_expect(g_str_has_prefix(error->message, RELGRAPH_TEST_DATA_DIR "/no-such-gold.tsv: "), "%s", error->message);
    g_error_free(error);
}

/* ---- report ----------------------------------------------------------- */

Test(eval_report, table)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = small_predicted();
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    GString *out = g_string_new("");
    relgraph_eval_report_format(r, FALSE, out);
    cr_expect_str_eq(out->str, "relation      tp   fp   fn  precision  recall     f1\n"
                               "overall        2    1    2      0.667   0.500  0.571\n"
                               "arms           0    1    0      0.000   1.000  0.000\n"
                               "meet           1    0    0      1.000   1.000  1.000\n"
                               "support        0    0    1      1.000   0.000  0.000\n"
                               "visit          1    0    1      1.000   0.500  0.667\n");
    g_string_free(out, TRUE);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

Test(eval_report, verbose_lists)
{
    RelgraphEvalSet *gold = small_gold();
    RelgraphEvalSet *pred = small_predicted();
    relgraph_eval_set_add(pred, "d1", "A", "criticize", "B", FALSE, "line one\nline two");
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    GString *out = g_string_new("");
    relgraph_eval_report_format(r, TRUE, out);
    const char *lists = strstr(out->str, "\nfalse positives");
    cr_assert_not_null(lists, "%s", out->str);
    cr_expect_str_eq(lists, "\nfalse positives (2):\n"
                            "d1\tA criticize B\n"
                            "    note: line one line two\n"
                            "d2\tD arms C\n"
                            "    note: rule arms-1\n"
                            "\n"
                            "misses (2):\n"
                            "d1\tB visit C\n"
                            "d2\tC support D\n"
                            "    gold: C sends aid to D\n");
    g_string_free(out, TRUE);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

Test(eval_report, wide_names_and_counts_stay_aligned)
{
    RelgraphEvalSet *gold = relgraph_eval_set_new();
    RelgraphEvalSet *pred = relgraph_eval_set_new();
    for (guint i = 0; i < 1234; i++) {
        char *doc = g_strdup_printf("d%04u", i);
        relgraph_eval_set_add(gold, doc, "A", "a_rather_long_relation", "B", FALSE, NULL);
        relgraph_eval_set_add(pred, doc, "A", "a_rather_long_relation", "B", FALSE, NULL);
        g_free(doc);
    }
    RelgraphEvalReport *r = relgraph_eval_compare(gold, pred, NULL);
    GString *out = g_string_new("");
    relgraph_eval_report_format(r, FALSE, out);
    char **lines = g_strsplit(out->str, "\n", -1);
    cr_assert_eq(g_strv_length(lines), 4); /* header, overall, one relation, "" */
    cr_expect_eq(strlen(lines[0]), strlen(lines[1]));
    cr_expect_eq(strlen(lines[0]), strlen(lines[2]));
    cr_expect(strstr(lines[2], "a_rather_long_relation  ") == lines[2], "%s", lines[2]);
    cr_expect_not_null(strstr(lines[1], "  1234      0      0      1.000   1.000  1.000"), "%s", lines[1]);
    g_strfreev(lines);
    g_string_free(out, TRUE);
    relgraph_eval_report_free(r);
    relgraph_eval_set_free(pred);
    relgraph_eval_set_free(gold);
}

/* Predictions from an extraction: one triple per distinct relation mention,
 * symmetric ones in canonical order, the sentence and rule as the note. */
Test(eval_set, predictions_from_an_extracted_document)
{
    char *message = NULL;
    RelgraphRules *rules = fixture_rules("relation meet symmetric\n  {src} met {dst}\n"
                                         "relation criticize directed\n  {src} criticized {dst}\n",
                                         &message);
    cr_assert_not_null(rules, "fixture rules: %s", message ? message : "?");
    cr_expect(relgraph_eval_rules_symmetric("meet", rules));
    cr_expect_not(relgraph_eval_rules_symmetric("criticize", rules));
    cr_expect_not(relgraph_eval_rules_symmetric("no_such_relation", rules));

    const char text[] = "Wang Yi met Sergei Lavrov. Sergei Lavrov met Wang Yi. Japan criticized Russia.";
    RelgraphDocument *doc = relgraph_document_new("d1", "d1.txt", text, strlen(text));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
    RelgraphEvalSet *predicted = relgraph_eval_set_new();
    relgraph_eval_set_add_result(predicted, doc, result);
    cr_expect_eq(relgraph_eval_set_size(predicted), 2u, "the two meetings are one triple");

    /* Against an empty gold both are false positives, with their notes. */
    RelgraphEvalSet *gold = relgraph_eval_set_new();
    RelgraphEvalReport *report = relgraph_eval_compare(gold, predicted, NULL);
    cr_assert_eq(report->false_positives->len, 2u);
    const RelgraphTriple *criticize = g_ptr_array_index(report->false_positives, 0);
    const RelgraphTriple *meet = g_ptr_array_index(report->false_positives, 1);
    cr_expect_str_eq(criticize->source, "Japan");
    cr_expect_str_eq(criticize->target, "Russia");
    cr_expect(g_str_has_prefix(criticize->note, "Japan criticized Russia.  ["), "note %s", criticize->note);
    cr_expect(g_str_has_suffix(criticize->note, "test.rules:4]"), "note %s", criticize->note);
    cr_expect_str_eq(meet->source, "Sergei Lavrov", "symmetric: canonical order");
    cr_expect_str_eq(meet->target, "Wang Yi");
    cr_expect(g_str_has_prefix(meet->note, "Wang Yi met Sergei Lavrov.  ["), "the first note: %s", meet->note);

    relgraph_eval_report_free(report);
    relgraph_eval_set_free(gold);
    relgraph_eval_set_free(predicted);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    relgraph_rules_free(rules);
}
