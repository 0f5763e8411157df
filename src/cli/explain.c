/* relgraph explain: why an edge is (or is not) in the graph.
 *
 * Lists every sentence that supports SOURCE RELATION TARGET with its
 * document and the rule (file:line) that found it; with --why-not, also
 * every sentence that names both actors but gave no such relation, with
 * what it gave instead and the statements the hedge rule set aside. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct {
    const RelgraphRules *rules;
    const RelgraphRelation *relation;
    guint source, target;
    gboolean why_not;
    gboolean keep_hedged;  /* the user asked for --hedged=keep: hedged matches support */
    GString *support;      /* the supporting sentences, printed after the count */
    GString *missed;
    guint n_support, n_missed;
    GHashTable *support_docs;
} ExplainRun;

/* TRUE when the mention is the asked edge (either order for a symmetric relation). */
static gboolean is_asked(const ExplainRun *run, const RelgraphRelationMention *m)
{
    if (m->relation != run->relation)
        return FALSE;
    if (m->source == run->source && m->target == run->target)
        return TRUE;
    return run->relation->symmetric && m->source == run->target && m->target == run->source;
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

static void explain_document(const CliDocument *document, gpointer data)
{
    const RelgraphDocument *doc = document->doc;
    const RelgraphExtractResult *result = document->result;
    ExplainRun *run = data;
    /* Supporting sentences, once per sentence and rule. */
    GArray *supported = g_array_new(FALSE, TRUE, sizeof(gboolean));
    g_array_set_size(supported, result->n_sentences);
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        if (!is_asked(run, m) || (m->hedged && !run->keep_hedged))
            continue;
        g_array_index(supported, gboolean, m->sentence) = TRUE;
        run->n_support++;
        g_hash_table_add(run->support_docs, g_strdup(doc->id));
        g_string_append_printf(run->support, "%s:%u  %s%s%s\n", doc->id, m->sentence, m->rule,
                               m->hedged ? "  (hedged)" : "", through_note(m->through));
        append_sentence(run->support, doc, m->start, m->end);
    }
    if (run->why_not && result->sentences) {
        for (guint s = 0; s < result->sentences->len; s++) {
            const RelgraphSentenceActors *sa = &g_array_index(result->sentences, RelgraphSentenceActors, s);
            if (g_array_index(supported, gboolean, s) || !sentence_names(sa, run->source) ||
                !sentence_names(sa, run->target))
                continue;
            run->n_missed++;
            g_string_append_printf(run->missed, "%s:%u\n", doc->id, s);
            append_sentence(run->missed, doc, sa->start, sa->end);
            /* What the sentence gave instead between the two actors. */
            for (guint i = 0; i < result->relations->len; i++) {
                const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
                if (m->sentence != s)
                    continue;
                gboolean pair = (m->source == run->source && m->target == run->target) ||
                                (m->source == run->target && m->target == run->source);
                if (is_asked(run, m) && m->hedged)
                    g_string_append_printf(run->missed, "      hedged, dropped by default (--hedged=keep keeps it): %s\n",
                                           m->rule);
                else if (pair)
                    g_string_append_printf(run->missed, "      gave %s %s %s instead: %s%s\n",
                                           relgraph_extract_actor(result, m->source)->name, m->relation->name,
                                           relgraph_extract_actor(result, m->target)->name, m->rule,
                                           m->hedged ? " (hedged)" : "");
            }
        }
    }
    g_array_unref(supported);
}

int cli_explain(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    gboolean why_not = FALSE;
    const GOptionEntry entries[] = {
        {"why-not", 'w', 0, G_OPTION_ARG_NONE, &why_not,
         "Also list the sentences that name both actors but gave no such relation, with what they gave instead",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("SOURCE RELATION TARGET CORPUS...");
    g_option_context_set_summary(context,
        "Shows why the edge SOURCE RELATION TARGET is in the graph: every sentence of\n"
        "CORPUS that supports it, with its document, sentence number and the rule\n"
        "(file:line) that found it. Actors are canonical names as the outputs show them;\n"
        "a symmetric relation matches either order.");
    g_option_context_set_description(context,
        "Examples:\n"
        "  relgraph explain \"Zhao Leji\" visit \"North Korea\" seeds\n"
        "  relgraph explain --why-not \"Kim Jong Un\" meet \"Vladimir Putin\" seeds\n\n"
        "Exit status: 0 the edge has support; 1 it has none (like grep); 2 usage,\n"
        "rule or input errors.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    ExplainRun run = {0};
    run.support = g_string_new(NULL);
    run.missed = g_string_new(NULL);
    run.support_docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!cli_parse(context, &argc, &argv))
        goto out;
    if (argc < 5) {
        fprintf(stderr, "relgraph: explain needs SOURCE RELATION TARGET and a corpus (see relgraph explain --help)\n");
        goto out;
    }
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    run.keep_hedged = extract.hedged == RELGRAPH_HEDGED_KEEP;
    /* Hedged matches are always extracted, so that --why-not can show them. */
    extract.hedged = RELGRAPH_HEDGED_KEEP;
    extract.record_actors = why_not;
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    gint source = cli_find_actor(rules->dictionary, argv[1], "SOURCE");
    gint target = cli_find_actor(rules->dictionary, argv[3], "TARGET");
    run.relation = relgraph_relations_find(rules->relations, argv[2]);
    if (!run.relation) {
        GString *known = g_string_new(NULL);
        for (guint r = 0; r < relgraph_relations_count(rules->relations); r++)
            g_string_append_printf(known, "%s%s", r ? ", " : "", relgraph_relations_get(rules->relations, r)->name);
        fprintf(stderr, "relgraph: no relation \"%s\" in the rules (known: %s)\n", argv[2], known->str);
        g_string_free(known, TRUE);
    }
    if (source < 0 || target < 0 || !run.relation)
        goto out;
    run.rules = rules;
    run.source = (guint)source;
    run.target = (guint)target;
    run.why_not = why_not;

    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 4, argc - 4, &corpus, NULL, explain_document, &run, &stats))
        goto out;
    const char *s = relgraph_dictionary_actor(rules->dictionary, run.source)->name;
    const char *t = relgraph_dictionary_actor(rules->dictionary, run.target)->name;
    printf("%s %s %s: %u mention%s in %u document%s\n", s, run.relation->name, t, run.n_support,
           run.n_support == 1 ? "" : "s", g_hash_table_size(run.support_docs),
           g_hash_table_size(run.support_docs) == 1 ? "" : "s");
    fputs(run.support->str, stdout);
    if (why_not) {
        printf("\n%u other sentence%s name%s both %s and %s but gave no %s:\n", run.n_missed,
               run.n_missed == 1 ? "" : "s", run.n_missed == 1 ? "s" : "", s, t, run.relation->name);
        fputs(run.missed->str, stdout);
    }
    fflush(stdout);
    if (stats.failed)
        status = CLI_EXIT_ERROR;
    else
        status = run.n_support ? CLI_EXIT_OK : CLI_EXIT_FINDINGS;
out:
    g_string_free(run.support, TRUE);
    g_string_free(run.missed, TRUE);
    g_hash_table_destroy(run.support_docs);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_option_context_free(context);
    return status;
}
