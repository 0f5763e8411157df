/* relgraph cache: looking after the extraction cache. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "relgraph/incremental.h"

/* Each document's key, to keep, and by path, for the groups' keys. */
static void collect_key(const CliDocument *document, gpointer data)
{
    GHashTable **tables = data;
    if (!document->key)
        return;
    g_hash_table_add(tables[0], g_strdup(document->key));
    g_hash_table_insert(tables[1], g_strdup(document->doc->path), g_strdup(document->key));
}

/* relgraph cache prune [--cache DIR] [--rules DIR] CORPUS... */
static int cache_prune(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    CliCacheOptions cache_options = {0};
    gint max_evidence = 0;
    const GOptionEntry entries[] = {
        {"max-evidence", 0, 0, G_OPTION_ARG_INT, &max_evidence,
         "The --max-evidence the builds use (default: " G_STRINGIFY(RELGRAPH_DEFAULT_MAX_EVIDENCE) "): it is part of every key", "N"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Removes every cache entry that the documents of CORPUS, under the current\n"
        "rules and options, no longer use: entries of documents deleted or edited,\n"
        "and of older rules. Give the same CORPUS, --rules, --hedged and\n"
        "--max-evidence as the builds whose entries should stay.");
    g_option_context_set_description(context,
        "Example:\n  relgraph cache prune seeds    # after removing documents from seeds/\n\n" CLI_EXIT_CODES_HELP);
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_corpus_options(context, &corpus);
    cli_add_cache_options(context, &cache_options);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphCache *cache = NULL;
    GHashTable *keep = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (!cli_parse(context, &argc, &argv))
        goto out;
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract) || !(rules = cli_load_rules(&corpus)))
        goto out;
    if (argc < 2) {
        fprintf(stderr, "relgraph: cache prune needs the corpus whose entries stay\n");
        goto out;
    }
    if (max_evidence < 0) {
        fprintf(stderr, "relgraph: --max-evidence must be 0 or more\n");
        goto out;
    }
    if (cache_options.disabled) {
        fprintf(stderr, "relgraph: cache prune works on a cache: --no-cache makes no sense here\n");
        goto out;
    }
    guint limit = cli_evidence_limit(max_evidence);
    CliCacheOptions open_options = cache_options;
    if (!open_options.dir)
        open_options.dir = relgraph_cache_default_dir();
    cache = cli_open_cache(&open_options, &corpus, rules, limit, argv + 1, argc - 1);
    char *dir = g_strdup(open_options.dir);
    if (open_options.dir != cache_options.dir)
        g_free(open_options.dir);
    if (!cache) {
        g_free(dir);
        goto out;
    }
    CliRunConfig config = {cache, limit, TRUE};
    CliRunStats stats = {0};
    GPtrArray *expanded = cli_expand_corpus(argv + 1, argc - 1, &stats, NULL);
    GHashTable *by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *tables[2] = {keep, by_path};
    cli_run_expanded(rules, &extract, expanded, &corpus, &config, collect_key, tables, &stats);
    relgraph_incremental_group_keys(cache, expanded, by_path, keep);
    g_hash_table_destroy(by_path);
    g_ptr_array_unref(expanded);
    if (stats.failed) {
        /* A document that could not be read must not lose its entry. */
        fprintf(stderr, "relgraph: not every document could be read; nothing pruned\n");
        g_free(dir);
        goto out;
    }
    guint kept = 0, removed = 0;
    guint64 bytes = 0;
    GError *error = NULL;
    gboolean ok = relgraph_cache_prune(dir, keep, &kept, &removed, &bytes, &error);
    cli_report(error);
    if (!corpus.quiet) {
        char *size = g_format_size(bytes);
        fprintf(stderr, "relgraph: cache %s: %u entries kept, %u removed (%s)\n", dir, kept, removed, size);
        g_free(size);
    }
    g_free(dir);
    status = ok ? CLI_EXIT_OK : CLI_EXIT_ERROR;
out:
    g_hash_table_destroy(keep);
    relgraph_cache_free(cache);
    cli_free_rules(rules);
    g_free(cache_options.dir);
    cli_corpus_options_clear(&corpus);
    g_option_context_free(context);
    return status;
}

int cli_cache(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "prune") == 0) {
        /* "cache prune ARGS" is parsed as a command "prune" with ARGS. */
        argv[1] = argv[0];
        g_set_prgname("relgraph cache prune");
        return cache_prune(argc - 1, argv + 1);
    }
    gboolean help = argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
    fprintf(help ? stdout : stderr,
            "Usage: relgraph cache prune [OPTION...] CORPUS...\n\n"
            "The extraction cache keeps what each document gave, under a key of its\n"
            "bytes and the whole rule set (default directory: $RELGRAPH_CACHE_DIR, else\n"
            "$XDG_CACHE_HOME/relgraph). Subcommands:\n"
            "  prune   remove the entries CORPUS no longer uses\n\n"
            "Run 'relgraph cache prune --help' for its options.\n");
    return help ? CLI_EXIT_OK : CLI_EXIT_ERROR;
}
