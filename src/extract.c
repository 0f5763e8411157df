/* Extraction: sentences -> tokens -> actor mentions -> relation mentions. */
#include "relgraph/extract.h"

#include <string.h>

#include "relgraph/reference.h"
#include "relgraph/sentence.h"
#include "relgraph/text.h"

static void add_relation(const RelgraphCast *cast, GArray *out, GHashTable *seen_in_sentence,
                         guint sentence, const RelgraphSpan *span, const RelgraphRelation *relation,
                         guint source, guint target, const char *rule, gboolean hedged, guint through)
{
    const gboolean is_member_of = strcmp(relation->name, "member_of") == 0;
    /* "Biden ... gathered at the White House" is no visit to his own state. */
    if (relation->external && relgraph_cast_belongs_to(cast, source, target))
        return;
    /* "Xi urged both nations": a reference that takes in a slot's own
     * state reads the group too widely. */
    if (through && !is_member_of &&
        (relgraph_cast_belongs_to(cast, source, target) || relgraph_cast_belongs_to(cast, target, source)))
        return;
    if (relation->symmetric) {
        const RelgraphActor *a = relgraph_cast_actor(cast, source);
        const RelgraphActor *b = relgraph_cast_actor(cast, target);
        if (strcmp(a->name, b->name) > 0) {
            guint t = source;
            source = target;
            target = t;
            through = ((through & RELGRAPH_THROUGH_SOURCE) ? RELGRAPH_THROUGH_TARGET : 0) |
                      ((through & RELGRAPH_THROUGH_TARGET) ? RELGRAPH_THROUGH_SOURCE : 0);
        }
    }
    /* One mention per (relation, source, target) per sentence. */
    char *key = g_strdup_printf("%p:%u:%u", (const void *)relation, source, target);
    if (!g_hash_table_add(seen_in_sentence, key))
        return;
    RelgraphRelationMention m = {sentence, span->start, span->end, relation, source, target, rule, hedged, through};
    g_array_append_val(out, m);
}

/* Where a member_of edge comes from when the sentence names the official's
 * own state: no pattern, the rule below. */
#define STATE_IN_SENTENCE "(state named in the sentence)"

/* An official or an institution and the state they belong to (a member_of
 * of their own, not through a ministry) named in one sentence: "Prime
 * Minister Fumio Kishida, the relationship between Russia and Japan has
 * worsened" gives Fumio Kishida member_of Japan, "the Ministry of External
 * Affairs ... the people of India" gives the ministry member_of India, as
 * the annotation guidelines record a state link wherever the text names
 * the state in the same sentence. Of institutions, only a government
 * department (a name with Ministry, Office or Department) is so linked:
 * a state's army, party, university or news agency named next to the
 * state is not annotated that way. */
static gboolean government_department(const RelgraphActor *a)
{
    static const char *const heads[] = {"Ministry", "Office", "Department"};
    for (gsize k = 0; k < G_N_ELEMENTS(heads); k++) {
        const char *p = strstr(a->name, heads[k]);
        gsize n = strlen(heads[k]);
        if (p && (p == a->name || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return TRUE;
    }
    return FALSE;
}

static void add_states_named(const RelgraphCast *cast, GArray *out, GHashTable *seen, guint sentence,
                             const RelgraphSpan *span, const RelgraphRelation *member_of,
                             const RelgraphMention *mentions, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (!(mentions[i].type & (RELGRAPH_ACTOR_OFFICIAL | RELGRAPH_ACTOR_INSTITUTION)) || mentions[i].also >= 0)
            continue;
        const RelgraphActor *a = relgraph_cast_actor(cast, mentions[i].actor);
        if (mentions[i].type == RELGRAPH_ACTOR_INSTITUTION && !government_department(a))
            continue;
        for (guint k = 0; k < a->member_of_ids->len; k++) {
            guint state = g_array_index(a->member_of_ids, guint, k);
            if (relgraph_cast_actor(cast, state)->type != RELGRAPH_ACTOR_STATE)
                continue;
            for (guint j = 0; j < n; j++)
                /* By name or adjective: "visited Beijing" names a place. */
                if (j != i && mentions[j].actor == state &&
                    (mentions[j].kind == RELGRAPH_ALIAS_NAME || mentions[j].kind == RELGRAPH_ALIAS_DEMONYM)) {
                    guint through = mentions[i].kind == RELGRAPH_ALIAS_REFERENCE ? RELGRAPH_THROUGH_SOURCE : 0;
                    add_relation(cast, out, seen, sentence, span, member_of, mentions[i].actor, state,
                                 STATE_IN_SENTENCE, FALSE, through);
                    break;
                }
        }
    }
}

static void record_sentence_actors(GArray *out, const RelgraphSpan *span, const RelgraphMention *mentions,
                                   guint n_mentions)
{
    RelgraphSentenceActors sa = {span->start, span->end, g_array_new(FALSE, FALSE, sizeof(guint))};
    for (guint i = 0; i < n_mentions; i++) {
        gboolean seen = FALSE;
        for (guint j = 0; j < sa.actors->len && !seen; j++)
            seen = g_array_index(sa.actors, guint, j) == mentions[i].actor;
        if (!seen)
            g_array_append_val(sa.actors, mentions[i].actor);
    }
    g_array_append_val(out, sa);
}

RelgraphExtractResult *relgraph_extract_document(const RelgraphRules *rules,
                                                 const RelgraphDocument *doc,
                                                 const RelgraphExtractOptions *options)
{
    RelgraphExtractResult *result = g_new0(RelgraphExtractResult, 1);
    result->relations = g_array_new(FALSE, FALSE, sizeof(RelgraphRelationMention));
    result->actor_mentions = g_hash_table_new(g_direct_hash, g_direct_equal);
    result->cast = relgraph_cast_new(rules, !(options && options->no_discovery));
    RelgraphReferences *references = relgraph_references_new(result->cast);

    const RelgraphRelation *member_of = relgraph_relations_find(rules->relations, "member_of");
    GArray *sentences = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    GArray *mentions = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    GArray *matches = g_array_new(FALSE, FALSE, sizeof(RelgraphRelationMatch));
    GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    /* Token strings of the whole document: freed at once at the end, which
     * is much cheaper than clearing the chunk after every sentence. */
    GStringChunk *chunk = g_string_chunk_new(MAX(4096, doc->len));

    relgraph_sentence_split(doc->text, doc->len, sentences);
    result->n_sentences = sentences->len;
    if (options && options->record_actors)
        result->sentences = g_array_sized_new(FALSE, FALSE, sizeof(RelgraphSentenceActors), sentences->len);
    for (guint s = 0; s < sentences->len; s++) {
        const RelgraphSpan *span = &g_array_index(sentences, RelgraphSpan, s);
        /* Most sentences name no actor: a byte scan tells, without tokens. */
        const char *text = doc->text + span->start;
        if (!relgraph_dictionary_may_match(rules->dictionary, text, span->end - span->start) &&
            !relgraph_references_may_apply(references, text, span->end - span->start)) {
            if (result->sentences)
                record_sentence_actors(result->sentences, span, NULL, 0);
            continue;
        }
        g_array_set_size(tokens, 0);
        g_array_set_size(mentions, 0);
        g_array_set_size(matches, 0);
        g_hash_table_remove_all(seen);

        relgraph_text_tokenize(doc->text, relgraph_sentence_dateline_end(doc->text, span), span->end, chunk, tokens);
        RelgraphToken *toks = (RelgraphToken *)(void *)tokens->data;
        relgraph_lexicon_assign(rules->lexicon, toks, tokens->len);
        relgraph_dictionary_match(rules->dictionary, toks, tokens->len, named, mentions);
        relgraph_cast_discover(result->cast, doc->text, toks, tokens->len, mentions);
        relgraph_references_resolve(references, s, toks, tokens->len, mentions);
        const RelgraphMention *ments = (const RelgraphMention *)(const void *)mentions->data;
        if (result->sentences)
            record_sentence_actors(result->sentences, span, ments, mentions->len);

        for (guint i = 0; i < mentions->len; i++) {
            if (ments[i].kind == RELGRAPH_ALIAS_REFERENCE)
                continue; /* "he" is no mention of a name */
            gpointer key = GUINT_TO_POINTER(ments[i].actor + 1);
            guint count = GPOINTER_TO_UINT(g_hash_table_lookup(result->actor_mentions, key));
            g_hash_table_insert(result->actor_mentions, key, GUINT_TO_POINTER(count + 1));
            if (member_of && ments[i].affiliation >= 0) {
                /* The alias names the affiliation: the rule is the alias. */
                add_relation(result->cast, result->relations, seen, s, span, member_of, ments[i].actor,
                             (guint)ments[i].affiliation, ments[i].location, FALSE, 0);
            }
        }

        relgraph_relations_match(rules->relations, toks, tokens->len, ments, mentions->len, matches);
        for (guint i = 0; i < matches->len; i++) {
            const RelgraphRelationMatch *m = &g_array_index(matches, RelgraphRelationMatch, i);
            if (m->hedged && options && options->hedged == RELGRAPH_HEDGED_DROP)
                continue;
            add_relation(result->cast, result->relations, seen, s, span, m->relation, m->source, m->target,
                         relgraph_pattern_location(m->pattern), m->hedged, m->through);
        }
        if (member_of)
            add_states_named(result->cast, result->relations, seen, s, span, member_of, ments, mentions->len);
    }

    relgraph_references_free(references);
    g_string_chunk_free(chunk);
    g_hash_table_destroy(seen);
    g_hash_table_destroy(named);
    g_array_unref(matches);
    g_array_unref(mentions);
    g_array_unref(tokens);
    g_array_unref(sentences);
    return result;
}

void relgraph_extract_result_free(RelgraphExtractResult *result)
{
    if (!result)
        return;
    g_array_unref(result->relations);
    g_hash_table_destroy(result->actor_mentions);
    if (result->sentences) {
        for (guint i = 0; i < result->sentences->len; i++)
            g_array_unref(g_array_index(result->sentences, RelgraphSentenceActors, i).actors);
        g_array_unref(result->sentences);
    }
    relgraph_cast_free(result->cast);
    g_free(result);
}

const RelgraphActor *relgraph_extract_actor(const RelgraphExtractResult *result, guint id)
{
    return relgraph_cast_actor(result->cast, id);
}

char *relgraph_extract_sentence_text(const RelgraphDocument *doc, guint32 start, guint32 end)
{
    return relgraph_text_fold_spaces(doc->text, start, end);
}

static void add_node(const RelgraphExtractResult *result, RelgraphGraph *graph, guint actor, guint mentions,
                     const char *date)
{
    const RelgraphActor *a = relgraph_extract_actor(result, actor);
    const char *affiliation = a->member_of->len ? g_ptr_array_index(a->member_of, 0) : NULL;
    RelgraphNode *node = relgraph_graph_add_node(graph, a->name, a->type, affiliation, mentions);
    if (a->discovered)
        relgraph_graph_node_set_discovered(node);
    relgraph_graph_node_add_date(node, date);
}

void relgraph_extract_add_to_graph(const RelgraphDocument *doc,
                                   const RelgraphExtractResult *result, RelgraphGraph *graph)
{
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, result->actor_mentions);
    while (g_hash_table_iter_next(&it, &key, &value))
        add_node(result, graph, GPOINTER_TO_UINT(key) - 1, GPOINTER_TO_UINT(value), doc->date);

    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        /* An implied member_of target need not be mentioned itself. */
        add_node(result, graph, m->source, 0, doc->date);
        add_node(result, graph, m->target, 0, doc->date);
        const char *source = relgraph_extract_actor(result, m->source)->name;
        const char *target = relgraph_extract_actor(result, m->target)->name;
        RelgraphEvidence ev = {doc->id, m->sentence, m->start, m->end, NULL, (char *)m->rule};
        /* The sentence text only for evidence the graph keeps. */
        if (relgraph_graph_evidence_wanted(graph, source, m->relation->name, target, m->relation->symmetric, &ev))
            ev.text = relgraph_extract_sentence_text(doc, m->start, m->end);
        RelgraphEdge *edge = relgraph_graph_add_mention(graph, source, m->relation->name, target,
                                                        m->relation->symmetric, m->relation->polarity, &ev);
        relgraph_graph_edge_add_date(edge, doc->date);
        g_free(ev.text);
    }
}
