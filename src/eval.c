/* Evaluation: gold loading, set comparison and the text report. */
#include "relgraph/eval.h"

#include "relgraph/common.h"

#include <string.h>

struct RelgraphEvalSet {
    /* RelgraphTriple* -> itself; hashed and compared on the quadruple only,
     * so the note never affects identity. */
    GHashTable *triples;
};

/* ---- triples ---------------------------------------------------------- */

static RelgraphTriple *triple_new(const char *doc, const char *source, const char *relation,
                                  const char *target, const char *note)
{
    RelgraphTriple *t = g_new(RelgraphTriple, 1);
    t->doc = g_strdup(doc);
    t->source = g_strdup(source);
    t->relation = g_strdup(relation);
    t->target = g_strdup(target);
    t->note = g_strdup(note);
    return t;
}

static RelgraphTriple *triple_copy(const RelgraphTriple *t)
{
    return triple_new(t->doc, t->source, t->relation, t->target, t->note);
}

static void triple_free(gpointer data)
{
    RelgraphTriple *t = data;
    if (t == NULL) return;
    g_free(t->doc);
    g_free(t->source);
    g_free(t->relation);
    g_free(t->target);
    g_free(t->note);
    g_free(t);
}

static guint triple_hash(gconstpointer key)
{
    const RelgraphTriple *t = key;
    guint h = g_str_hash(t->doc);
    h = h * 31u + g_str_hash(t->source);
    h = h * 31u + g_str_hash(t->relation);
    h = h * 31u + g_str_hash(t->target);
    return h;
}

/* Field-wise order (doc, source, relation, target): comparing fields rather
 * than a joined string keeps "a\tb" style values from colliding. */
static int triple_cmp(const RelgraphTriple *a, const RelgraphTriple *b)
{
    int c = strcmp(a->doc, b->doc);
    if (c == 0) c = strcmp(a->source, b->source);
    if (c == 0) c = strcmp(a->relation, b->relation);
    if (c == 0) c = strcmp(a->target, b->target);
    return c;
}

static gboolean triple_equal(gconstpointer a, gconstpointer b)
{
    return triple_cmp(a, b) == 0;
}

static gint triple_ptr_cmp(gconstpointer a, gconstpointer b)
{
    return triple_cmp(*(RelgraphTriple *const *)a, *(RelgraphTriple *const *)b);
}

/* ---- sets ------------------------------------------------------------- */

RelgraphEvalSet *relgraph_eval_set_new(void)
{
    RelgraphEvalSet *set = g_new(RelgraphEvalSet, 1);
    set->triples = g_hash_table_new_full(triple_hash, triple_equal, triple_free, NULL);
    return set;
}

void relgraph_eval_set_free(RelgraphEvalSet *set)
{
    if (set == NULL) return;
    g_hash_table_destroy(set->triples);
    g_free(set);
}

gboolean relgraph_eval_set_add(RelgraphEvalSet *set, const char *doc, const char *source,
                               const char *relation, const char *target, gboolean symmetric,
                               const char *note)
{
    g_return_val_if_fail(set != NULL && doc != NULL && source != NULL && relation != NULL && target != NULL,
                         FALSE);
    if (symmetric && strcmp(source, target) > 0) {
        const char *tmp = source;
        source = target;
        target = tmp;
    }
    /* Probe with a stack key first: g_hash_table_add would replace the
     * stored key, and the first note must win. */
    RelgraphTriple probe = {(char *)doc, (char *)source, (char *)relation, (char *)target, NULL};
    if (g_hash_table_contains(set->triples, &probe)) return FALSE;
    g_hash_table_add(set->triples, triple_new(doc, source, relation, target, note));
    return TRUE;
}

guint relgraph_eval_set_size(const RelgraphEvalSet *set)
{
    g_return_val_if_fail(set != NULL, 0);
    return g_hash_table_size(set->triples);
}

/* ---- gold loading ----------------------------------------------------- */

static const char *const gold_columns[] = {"doc", "source", "relation", "target"};

static gboolean is_blank(const char *s, gsize len)
{
    for (gsize i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\v' && s[i] != '\f') return FALSE;
    }
    return TRUE;
}

/* Splits one line (without its terminator) at tabs; the first four fields
 * are separate, everything after the fourth tab stays one field (the note,
 * which may itself contain tabs). starts[] holds byte offsets for error
 * columns. Returns the number of fields found (at most 5). */
static guint split_fields(const char *line, gsize len, char *fields[5], gsize starts[5])
{
    guint n = 0;
    gsize pos = 0;
    for (;;) {
        const char *tab = n < 4 ? memchr(line + pos, '\t', len - pos) : NULL;
        gsize end = tab != NULL ? (gsize)(tab - line) : len;
        starts[n] = pos;
        fields[n] = g_strndup(line + pos, end - pos);
        n++;
        if (tab == NULL) break;
        pos = end + 1;
    }
    return n;
}

static void free_fields(char *fields[5], guint n)
{
    for (guint i = 0; i < n; i++) g_free(fields[i]);
}

/* col_base is the number of bytes before line (a byte order mark), so
 * error columns still count file bytes. */
static gboolean check_header(const char *path, guint lineno, const char *line, gsize len, gsize col_base,
                             GError **error)
{
    char *fields[5];
    gsize starts[5];
    guint n = split_fields(line, len, fields, starts);
    gboolean ok = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(gold_columns) && ok; i++) {
        if (i >= n) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%u:%" G_GSIZE_FORMAT ": expected column '%s', found end of line "
                        "(header must start with doc, source, relation, target)",
                        path, lineno, col_base + len + 1, gold_columns[i]);
            ok = FALSE;
        } else if (strcmp(fields[i], gold_columns[i]) != 0) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%u:%" G_GSIZE_FORMAT ": expected column '%s', found '%s' "
                        "(header must start with doc, source, relation, target)",
                        path, lineno, col_base + starts[i] + 1, gold_columns[i], fields[i]);
            ok = FALSE;
        }
    }
    free_fields(fields, n);
    return ok;
}

static gboolean parse_row(const char *path, guint lineno, const char *line, gsize len, RelgraphEvalSet *set,
                          RelgraphSymmetricFunc is_symmetric, gpointer user_data, GError **error)
{
    char *fields[5];
    gsize starts[5];
    guint n = split_fields(line, len, fields, starts);
    gboolean ok = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(gold_columns) && ok; i++) {
        if (i >= n) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%u:%" G_GSIZE_FORMAT ": missing '%s' field: expected at least 4 "
                        "tab-separated fields, found %u",
                        path, lineno, len + 1, gold_columns[i], n);
            ok = FALSE;
        } else if (is_blank(fields[i], strlen(fields[i]))) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:%u:%" G_GSIZE_FORMAT ": empty '%s' field",
                        path, lineno, starts[i] + 1, gold_columns[i]);
            ok = FALSE;
        }
    }
    if (ok) {
        /* Keep the evidence column as the note; later columns ride along. */
        const char *note = n > 4 && fields[4][0] != '\0' ? fields[4] : NULL;
        gboolean sym = is_symmetric != NULL && is_symmetric(fields[2], user_data);
        relgraph_eval_set_add(set, fields[0], fields[1], fields[2], fields[3], sym, note);
    }
    free_fields(fields, n);
    return ok;
}

RelgraphEvalSet *relgraph_eval_load_gold(const char *path, RelgraphSymmetricFunc is_symmetric,
                                         gpointer user_data, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    char *data = NULL;
    gsize size = 0;
    GError *local = NULL;
    if (!g_file_get_contents(path, &data, &size, &local)) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, local->message);
        g_error_free(local);
        return NULL;
    }

    RelgraphEvalSet *set = relgraph_eval_set_new();
    gboolean ok = TRUE, have_header = FALSE;
    guint lineno = 0;
    gsize pos = 0;
    /* A UTF-8 byte order mark is skipped; columns still count file bytes. */
    gsize bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (ok && pos < size) {
        const char *line = data + pos;
        const char *nl = memchr(line, '\n', size - pos);
        gsize len = nl != NULL ? (gsize)(nl - line) : size - pos;
        pos += len + (nl != NULL ? 1 : 0);
        lineno++;
        if (len > 0 && line[len - 1] == '\r') len--;

        const char *bad = NULL;
        /* With an explicit length, NUL bytes also fail validation: they would
         * silently truncate the fields. */
        if (!g_utf8_validate(line, (gssize)len, &bad)) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                        "%s:%u:%" G_GSIZE_FORMAT ": invalid UTF-8", path, lineno, (gsize)(bad - line) + 1);
            ok = FALSE;
            break;
        }
        gsize skip = lineno == 1 ? bom : 0;
        if (is_blank(line + skip, len - skip) || line[skip] == '#') continue;
        if (!have_header) {
            ok = check_header(path, lineno, line + skip, len - skip, skip, error);
            have_header = TRUE;
            continue;
        }
        ok = parse_row(path, lineno, line, len, set, is_symmetric, user_data, error);
    }
    if (ok && !have_header) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                    "%s:%u:1: missing header line (doc, source, relation, target)", path, lineno + 1);
        ok = FALSE;
    }
    g_free(data);
    if (!ok) {
        relgraph_eval_set_free(set);
        return NULL;
    }
    return set;
}

/* ---- comparison ------------------------------------------------------- */

static RelgraphEvalScore *score_for(GHashTable *by_relation, const char *relation)
{
    RelgraphEvalScore *s = g_hash_table_lookup(by_relation, relation);
    if (s == NULL) {
        s = g_new0(RelgraphEvalScore, 1);
        s->relation = g_strdup(relation);
        g_hash_table_insert(by_relation, s->relation, s);
    }
    return s;
}

static void score_finish(RelgraphEvalScore *s)
{
    guint predicted = s->true_positives + s->false_positives;
    guint expected = s->true_positives + s->false_negatives;
    s->precision = predicted == 0 ? 1.0 : (double)s->true_positives / predicted;
    s->recall = expected == 0 ? 1.0 : (double)s->true_positives / expected;
    double sum = s->precision + s->recall;
    s->f1 = sum == 0.0 ? 0.0 : 2.0 * s->precision * s->recall / sum;
}

static void score_free(gpointer data)
{
    RelgraphEvalScore *s = data;
    g_free(s->relation);
    g_free(s);
}

static gint score_ptr_cmp(gconstpointer a, gconstpointer b)
{
    const RelgraphEvalScore *x = *(RelgraphEvalScore *const *)a;
    const RelgraphEvalScore *y = *(RelgraphEvalScore *const *)b;
    return strcmp(x->relation, y->relation);
}

static gboolean doc_scored(GHashTable *scored_docs, const char *doc)
{
    return scored_docs == NULL || g_hash_table_contains(scored_docs, doc);
}

RelgraphEvalReport *relgraph_eval_compare(const RelgraphEvalSet *gold, const RelgraphEvalSet *predicted,
                                          GHashTable *scored_docs)
{
    g_return_val_if_fail(gold != NULL && predicted != NULL, NULL);
    RelgraphEvalReport *report = g_new0(RelgraphEvalReport, 1);
    report->per_relation = g_ptr_array_new_with_free_func(score_free);
    report->false_positives = g_ptr_array_new_with_free_func(triple_free);
    report->misses = g_ptr_array_new_with_free_func(triple_free);
    /* Scores live in the hash until they are moved into the sorted array. */
    GHashTable *by_relation = g_hash_table_new(g_str_hash, g_str_equal);

    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, gold->triples);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const RelgraphTriple *t = key;
        if (!doc_scored(scored_docs, t->doc)) continue;
        RelgraphEvalScore *s = score_for(by_relation, t->relation);
        if (g_hash_table_contains(predicted->triples, t)) {
            s->true_positives++;
        } else {
            s->false_negatives++;
            g_ptr_array_add(report->misses, triple_copy(t));
        }
    }
    /* Predictions are never filtered: a prediction in an unscored document
     * has no gold to match, so it counts as a false positive. */
    g_hash_table_iter_init(&it, predicted->triples);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        const RelgraphTriple *t = key;
        if (doc_scored(scored_docs, t->doc) && g_hash_table_contains(gold->triples, t)) continue;
        score_for(by_relation, t->relation)->false_positives++;
        g_ptr_array_add(report->false_positives, triple_copy(t));
    }

    GHashTableIter sit;
    gpointer value;
    g_hash_table_iter_init(&sit, by_relation);
    while (g_hash_table_iter_next(&sit, NULL, &value)) {
        RelgraphEvalScore *s = value;
        score_finish(s);
        report->overall.true_positives += s->true_positives;
        report->overall.false_positives += s->false_positives;
        report->overall.false_negatives += s->false_negatives;
        g_ptr_array_add(report->per_relation, s);
    }
    g_hash_table_destroy(by_relation);
    report->overall.relation = NULL;
    score_finish(&report->overall);

    g_ptr_array_sort(report->per_relation, score_ptr_cmp);
    g_ptr_array_sort(report->false_positives, triple_ptr_cmp);
    g_ptr_array_sort(report->misses, triple_ptr_cmp);
    return report;
}

void relgraph_eval_report_free(RelgraphEvalReport *report)
{
    if (report == NULL) return;
    g_free(report->overall.relation);
    g_ptr_array_unref(report->per_relation);
    g_ptr_array_unref(report->false_positives);
    g_ptr_array_unref(report->misses);
    g_free(report);
}

/* ---- text report ------------------------------------------------------ */

/* Pads by characters, not bytes, so a non-ASCII relation name keeps the
 * columns aligned. */
static void append_padded(GString *out, const char *s, glong width)
{
    g_string_append(out, s);
    for (glong n = g_utf8_strlen(s, -1); n < width; n++) g_string_append_c(out, ' ');
}

static int count_width(guint n)
{
    int w = 1;
    while (n >= 10) {
        n /= 10;
        w++;
    }
    return w;
}

static void append_row(GString *out, const char *name, glong name_w, int num_w, const RelgraphEvalScore *s)
{
    append_padded(out, name, name_w);
    g_string_append_printf(out, "%*u %*u %*u  %9.3f  %6.3f  %5.3f\n", num_w, s->true_positives, num_w,
                           s->false_positives, num_w, s->false_negatives, s->precision, s->recall, s->f1);
}

/* Notes are free text: newlines or tabs would break the one-line layout. */
static void append_note(GString *out, const char *label, const char *note)
{
    g_string_append_printf(out, "    %s: ", label);
    for (const char *p = note; *p != '\0'; p++) {
        g_string_append_c(out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
    }
    g_string_append_c(out, '\n');
}

static void append_triples(GString *out, const char *title, const GPtrArray *triples, const char *label)
{
    g_string_append_printf(out, "\n%s (%u):\n", title, triples->len);
    for (guint i = 0; i < triples->len; i++) {
        const RelgraphTriple *t = g_ptr_array_index(triples, i);
        g_string_append_printf(out, "%s\t%s %s %s\n", t->doc, t->source, t->relation, t->target);
        if (t->note != NULL && t->note[0] != '\0') append_note(out, label, t->note);
    }
}

void relgraph_eval_report_format(const RelgraphEvalReport *report, gboolean verbose, GString *out)
{
    g_return_if_fail(report != NULL && out != NULL);
    glong name_w = (glong)strlen("relation");
    for (guint i = 0; i < report->per_relation->len; i++) {
        const RelgraphEvalScore *s = g_ptr_array_index(report->per_relation, i);
        name_w = MAX(name_w, g_utf8_strlen(s->relation, -1));
    }
    name_w += 4; /* room between the name and the counts, as in the usual layout */
    /* The overall counts are the largest, so they set the number width. */
    const RelgraphEvalScore *o = &report->overall;
    int num_w = MAX(count_width(MAX(o->true_positives, MAX(o->false_positives, o->false_negatives))), 2) + 2;

    append_padded(out, "relation", name_w);
    g_string_append_printf(out, "%*s %*s %*s  %9s  %6s  %5s\n", num_w, "tp", num_w, "fp", num_w, "fn",
                           "precision", "recall", "f1");
    append_row(out, "overall", name_w, num_w, o);
    for (guint i = 0; i < report->per_relation->len; i++) {
        const RelgraphEvalScore *s = g_ptr_array_index(report->per_relation, i);
        append_row(out, s->relation, name_w, num_w, s);
    }
    if (verbose) {
        append_triples(out, "false positives", report->false_positives, "note");
        append_triples(out, "misses", report->misses, "gold");
    }
}

void relgraph_eval_set_add_result(RelgraphEvalSet *set, const RelgraphDocument *doc,
                                  const RelgraphExtractResult *result)
{
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        char *text = relgraph_extract_sentence_text(doc, m->start, m->end);
        char *note = g_strdup_printf("%s  [%s]", text, m->rule);
        relgraph_eval_set_add(set, doc->id, relgraph_extract_actor(result, m->source)->name, m->relation->name,
                              relgraph_extract_actor(result, m->target)->name, m->relation->symmetric, note);
        g_free(note);
        g_free(text);
    }
}

gboolean relgraph_eval_rules_symmetric(const char *relation, gpointer rules)
{
    const RelgraphRelation *r = relgraph_relations_find(((const RelgraphRules *)rules)->relations, relation);
    return r && r->symmetric;
}
