/* Why an edge is (or is not) in the graph: explain.h. */
#include "relgraph/explain.h"

struct RelgraphExplain {
    const RelgraphRelation *relation;
    guint source, target;
    gboolean why_not;
    gboolean keep_hedged;  /* hedged matches support, as the build had them */
    GString *support;      /* the supporting sentences, reported after the count */
    GString *missed;
    guint n_support, n_missed;
    GHashTable *support_docs;
};

RelgraphExplain *relgraph_explain_new(const RelgraphRelation *relation, guint source, guint target,
                                      gboolean why_not, gboolean keep_hedged)
{
    RelgraphExplain *explain = g_new0(RelgraphExplain, 1);
    explain->relation = relation;
    explain->source = source;
    explain->target = target;
    explain->why_not = why_not;
    explain->keep_hedged = keep_hedged;
    explain->support = g_string_new(NULL);
    explain->missed = g_string_new(NULL);
    explain->support_docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return explain;
}

void relgraph_explain_free(RelgraphExplain *explain)
{
    if (!explain)
        return;
    g_string_free(explain->support, TRUE);
    g_string_free(explain->missed, TRUE);
    g_hash_table_destroy(explain->support_docs);
    g_free(explain);
}

guint relgraph_explain_support(const RelgraphExplain *explain)
{
    return explain->n_support;
}

/* TRUE when the mention is the asked edge (either order for a symmetric relation). */
static gboolean is_asked(const RelgraphExplain *explain, const RelgraphRelationMention *m)
{
    if (m->relation != explain->relation)
        return FALSE;
    if (m->source == explain->source && m->target == explain->target)
        return TRUE;
    return explain->relation->symmetric && m->source == explain->target && m->target == explain->source;
}

static void append_sentence(GString *out, const RelgraphDocument *doc, guint32 start, guint32 end)
{
    char *text = relgraph_extract_sentence_text(doc, start, end);
    g_string_append_printf(out, "    %s\n", text);
    g_free(text);
}

static gboolean sentence_names(const RelgraphSentenceActors *sa, guint actor)
{
    for (guint i = 0; i < sa->actors->len; i++)
        if (g_array_index(sa->actors, guint, i) == actor)
            return TRUE;
    return FALSE;
}

/* Which slots a pronoun or description ("he", "the two leaders") filled. */
static const char *through_note(guint through)
{
    switch (through) {
    case RELGRAPH_THROUGH_SOURCE:
        return "  (source through a reference)";
    case RELGRAPH_THROUGH_TARGET:
        return "  (target through a reference)";
    case RELGRAPH_THROUGH_SOURCE | RELGRAPH_THROUGH_TARGET:
        return "  (source and target through references)";
    default:
        return "";
    }
}

/* Sentence s names both actors without supporting the edge: what it gave
 * instead between them, and the asked edge if the hedge rule dropped it. */
static void add_missed(RelgraphExplain *explain, const RelgraphDocument *doc, const RelgraphExtractResult *result,
                       guint s, const RelgraphSentenceActors *sa)
{
    explain->n_missed++;
    g_string_append_printf(explain->missed, "%s:%u\n", doc->id, s);
    append_sentence(explain->missed, doc, sa->start, sa->end);
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        if (m->sentence != s)
            continue;
        gboolean pair = (m->source == explain->source && m->target == explain->target) ||
                        (m->source == explain->target && m->target == explain->source);
        if (is_asked(explain, m) && m->hedged)
            g_string_append_printf(explain->missed, "      hedged, dropped by default (--hedged=keep keeps it): %s\n",
                                   m->rule);
        else if (pair)
            g_string_append_printf(explain->missed, "      gave %s %s %s instead: %s%s\n",
                                   relgraph_extract_actor(result, m->source)->name, m->relation->name,
                                   relgraph_extract_actor(result, m->target)->name, m->rule,
                                   m->hedged ? " (hedged)" : "");
    }
}

void relgraph_explain_add_document(RelgraphExplain *explain, const RelgraphDocument *doc,
                                   const RelgraphExtractResult *result)
{
    /* Supporting sentences, once per sentence and rule. */
    GArray *supported = g_array_new(FALSE, TRUE, sizeof(gboolean));
    g_array_set_size(supported, result->n_sentences);
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        if (!is_asked(explain, m) || (m->hedged && !explain->keep_hedged))
            continue;
        g_array_index(supported, gboolean, m->sentence) = TRUE;
        explain->n_support++;
        g_hash_table_add(explain->support_docs, g_strdup(doc->id));
        g_string_append_printf(explain->support, "%s:%u  %s%s%s\n", doc->id, m->sentence, m->rule,
                               m->hedged ? "  (hedged)" : "", through_note(m->through));
        append_sentence(explain->support, doc, m->start, m->end);
    }
    if (explain->why_not && result->sentences)
        for (guint s = 0; s < result->sentences->len; s++) {
            const RelgraphSentenceActors *sa = &g_array_index(result->sentences, RelgraphSentenceActors, s);
            if (!g_array_index(supported, gboolean, s) && sentence_names(sa, explain->source) &&
                sentence_names(sa, explain->target))
                add_missed(explain, doc, result, s, sa);
        }
    g_array_unref(supported);
}

char *relgraph_explain_report(const RelgraphExplain *explain, const RelgraphDictionary *dict)
{
    const char *s = relgraph_dictionary_actor(dict, explain->source)->name;
    const char *t = relgraph_dictionary_actor(dict, explain->target)->name;
    const char *r = explain->relation->name;
    guint docs = g_hash_table_size(explain->support_docs);
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "%s %s %s: %u mention%s in %u document%s\n", s, r, t, explain->n_support,
                           explain->n_support == 1 ? "" : "s", docs, docs == 1 ? "" : "s");
    g_string_append(out, explain->support->str);
    if (explain->why_not) {
        g_string_append_printf(out, "\n%u other sentence%s name%s both %s and %s but gave no %s:\n",
                               explain->n_missed, explain->n_missed == 1 ? "" : "s",
                               explain->n_missed == 1 ? "s" : "", s, t, r);
        g_string_append(out, explain->missed->str);
    }
    return g_string_free(out, FALSE);
}
