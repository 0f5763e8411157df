/* relgraph actors: the actors a corpus names, and the ones the rules do not
 * list (discovered) as .actors entries an analyst can paste into the rules. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *name;
    RelgraphActorType type;
    char *affiliation;    /* the first one a document gave, or NULL */
    gboolean discovered;
    guint mentions;
    guint documents;
    char *first_document;
} Named;

static void named_free(gpointer p)
{
    Named *n = p;
    g_free(n->name);
    g_free(n->affiliation);
    g_free(n->first_document);
    g_free(n);
}

typedef struct {
    GHashTable *named;    /* name -> Named* */
} ActorsRun;

static void add_actor(ActorsRun *run, const RelgraphDocument *doc, const RelgraphActor *a, guint mentions)
{
    Named *n = g_hash_table_lookup(run->named, a->name);
    if (!n) {
        n = g_new0(Named, 1);
        n->name = g_strdup(a->name);
        n->type = a->type;
        n->discovered = a->discovered;
        n->first_document = g_strdup(doc->id);
        g_hash_table_insert(run->named, n->name, n);
    }
    if (!n->affiliation && a->member_of->len)
        n->affiliation = g_strdup(g_ptr_array_index(a->member_of, 0));
    n->mentions += mentions;
    n->documents++;
}

static void collect(const CliDocument *document, gpointer data)
{
    const RelgraphExtractResult *result = document->result;
    ActorsRun *run = data;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, result->actor_mentions);
    while (g_hash_table_iter_next(&it, &key, &value))
        add_actor(run, document->doc, relgraph_extract_actor(result, GPOINTER_TO_UINT(key) - 1),
                  GPOINTER_TO_UINT(value));
}

static gint compare_named(gconstpointer a, gconstpointer b)
{
    return strcmp((*(Named *const *)a)->name, (*(Named *const *)b)->name);
}

/* A discovered actor as an entry of an .actors file. Names with a
 * character the rule format gives a meaning to are left as comments. */
static void write_entry(GString *out, const Named *n)
{
    g_string_append_printf(out, "# %u mention%s in %u document%s, first in %s\n", n->mentions,
                           n->mentions == 1 ? "" : "s", n->documents, n->documents == 1 ? "" : "s",
                           n->first_document);
    gboolean writable = !strpbrk(n->name, "#|\n");
    g_string_append_printf(out, "%sactor %s  %s\n", writable ? "" : "# ", n->name,
                           relgraph_actor_type_name(n->type));
    if (n->affiliation)
        g_string_append_printf(out, "%s  member_of %s\n", writable ? "" : "# ", n->affiliation);
    g_string_append_c(out, '\n');
}

static void write_row(GString *out, const Named *n)
{
    g_string_append_printf(out, "%s\t%s\t%s\t%u\t%u\t%s\n", n->name, relgraph_actor_type_name(n->type),
                           n->affiliation ? n->affiliation : "", n->mentions, n->documents,
                           n->discovered ? "yes" : "no");
}

int cli_actors(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    gboolean discovered_only = FALSE;
    char *output = NULL;
    const GOptionEntry entries[] = {
        {"discovered", 'd', 0, G_OPTION_ARG_NONE, &discovered_only,
         "Only the actors the rules do not list, as entries of an .actors file", NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically) instead of standard output",
         "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Lists the actors CORPUS names, sorted by name, as TSV: name, type,\n"
        "affiliation, mentions, documents, discovered (yes: named in the text with\n"
        "a title, not listed in the rules). With --discovered, only the discovered\n"
        "ones, as entries of an .actors file (each with a comment saying where it\n"
        "was seen) that can be checked and pasted into the rules.");
    g_option_context_set_description(context,
        "Example:\n  relgraph actors --discovered news/ > rules/actors/new.actors\n\n" CLI_EXIT_CODES_HELP);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    ActorsRun run = {g_hash_table_new_full(g_str_hash, g_str_equal, NULL, named_free)};
    if (!cli_parse(context, &argc, &argv))
        goto out;
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    if (discovered_only && extract.no_discovery) {
        fprintf(stderr, "relgraph: --discovered lists what discovery finds; it cannot go with --no-discovery\n");
        goto out;
    }
    rules = cli_load_rules(&corpus);
    if (!rules)
        goto out;
    CliRunStats stats;
    if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, NULL, collect, &run, &stats))
        goto out;

    GPtrArray *sorted = g_ptr_array_new();
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, run.named);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_ptr_array_add(sorted, value);
    g_ptr_array_sort(sorted, compare_named);
    GString *text = g_string_new(NULL);
    if (discovered_only)
        g_string_append(text, "# Actors named with a title in the corpus but not listed in the rules\n"
                              "# (relgraph actors --discovered). Check each before adding it.\n\n");
    else
        g_string_append(text, "name\ttype\taffiliation\tmentions\tdocuments\tdiscovered\n");
    for (guint i = 0; i < sorted->len; i++) {
        const Named *n = g_ptr_array_index(sorted, i);
        if (!discovered_only)
            write_row(text, n);
        else if (n->discovered)
            write_entry(text, n);
    }
    g_ptr_array_unref(sorted);
    GError *error = NULL;
    gboolean written = !output || strcmp(output, "-") == 0
                           ? fwrite(text->str, 1, text->len, stdout) == text->len && fflush(stdout) == 0
                           : relgraph_write_file_atomic(output, text->str, text->len, &error);
    g_string_free(text, TRUE);
    if (!written) {
        if (error)
            cli_report(error);
        else
            fprintf(stderr, "relgraph: cannot write to standard output\n");
        goto out;
    }
    status = stats.failed ? CLI_EXIT_ERROR : CLI_EXIT_OK;
out:
    g_hash_table_destroy(run.named);
    cli_free_rules(rules);
    cli_corpus_options_clear(&corpus);
    g_free(output);
    g_option_context_free(context);
    return status;
}
