/* relgraph build: corpus -> graph -> DOT, SVG, GraphML, GEXF, JSON, TSV
 * files; relgraph merge: parts -> the same files. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli.h"
#include "relgraph/common.h"
#include "relgraph/export.h"
#include "relgraph/outputs.h"
#include "relgraph/part.h"
#include "../common_internal.h"


static void add_document(const CliDocument *document, gpointer data)
{
    RelgraphGraph *graph = data;
    if (document->piece)
        relgraph_graph_merge(graph, document->piece);
    else
        relgraph_extract_add_to_graph(document->doc, document->result, graph);
}

static void print_warning(const GError *warning, gpointer unused)
{
    (void)unused;
    fprintf(stderr, "relgraph: warning: %s\n", warning->message);
}

/* "s" unless n is one: "1 document", "2 documents". */
static const char *plural(guint n)
{
    return n == 1 ? "" : "s";
}

/* What build and merge share: where the graph goes and how it looks. */
typedef struct {
    char *output, *format_list, *layout, *title, *symmetric;
    gint max_evidence;
    gboolean check;
    char *format_help; /* the --format description, naming every format */
    char *cluster, *page;      /* figure: --cluster, --page */
    gboolean keep_isolated;
    double page_width, page_height;
    RelgraphOutputPlan plan; /* outputs_plan's */
} Outputs;

static void outputs_add_options(GOptionContext *context, Outputs *o)
{
    char *names = g_strjoinv(", ", (GStrv)relgraph_export_formats());
    o->format_help = g_strdup_printf("Comma-separated formats: %s (default: " RELGRAPH_OUTPUT_DEFAULT_FORMATS ")", names);
    g_free(names);
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
         "Output directory (files relgraph.FORMAT), or one file whose extension names the format, "
         "or - for standard output (default: " RELGRAPH_OUTPUT_DEFAULT_DIR "/)", "DIR|FILE"},
        {"format", 'T', 0, G_OPTION_ARG_STRING, &o->format_list, o->format_help, "LIST"},
        {"layout", 'K', 0, G_OPTION_ARG_STRING, &o->layout,
         "Graphviz layout engine for SVG: dot, neato, fdp, sfdp, circo, twopi (default: " RELGRAPH_DEFAULT_LAYOUT
         ", or " RELGRAPH_LARGE_GRAPH_LAYOUT " for a figure of more than " G_STRINGIFY(RELGRAPH_LARGE_GRAPH_EDGES) " relations)",
         "ENGINE"},
        /* FILENAME: taken as given (see --focus in view.c). */
        {"title", 0, 0, G_OPTION_ARG_FILENAME, &o->title,
         "Title written on the figure (default: how many actors, relations and documents; --title '' for none)", "TEXT"},
        {"max-evidence", 0, 0, G_OPTION_ARG_INT, &o->max_evidence,
         "Example sentences kept per edge and shown in tooltips, GraphML, GEXF and JSON (default: " G_STRINGIFY(RELGRAPH_DEFAULT_MAX_EVIDENCE) ")", "N"},
        {"symmetric", 0, 0, G_OPTION_ARG_STRING, &o->symmetric,
         "GraphML and GEXF: symmetric relations (meet, cooperate...) as directed edges marked symmetric=true, "
         "which every reader loads, or as undirected edges in the directed graph, which Gephi and graphology "
         "show as such but NetworkX refuses (default: directed)", "directed|undirected"},
        {"cluster", 0, 0, G_OPTION_ARG_STRING, &o->cluster,
         "Figures: 'state' frames each state with its officials and institutions (for member_of arrows), "
         "'none' (default)", "state|none"},
        {"page", 0, 0, G_OPTION_ARG_STRING, &o->page,
         "Figures: scale down to fit a page, text kept at 7 pt or more: a4 (default), letter, WxH with "
         "unit in, cm, mm or pt (e.g. 6x4in), or none for the natural size", "SIZE"},
        {"keep-isolated", 0, 0, G_OPTION_ARG_NONE, &o->keep_isolated,
         "Figures: also draw the actors without any relation (the data formats always keep them)", NULL},
        {"check", 0, 0, G_OPTION_ARG_NONE, &o->check,
         "Write nothing; list the outputs that are missing or differ from what the inputs and rules give now, "
         "and exit 1 if any (for a CI gate)", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

static void outputs_clear(Outputs *o)
{
    g_free(o->output);
    g_free(o->format_list);
    g_free(o->layout);
    g_free(o->title);
    g_free(o->symmetric);
    g_free(o->format_help);
    g_free(o->cluster);
    g_free(o->page);
    relgraph_output_plan_clear(&o->plan);
}

/* Decides where each format goes before any work is done; FALSE (message
 * printed) when the options do not fit together. */
static gboolean outputs_plan(Outputs *o)
{
    GError *error = NULL;
    if (!relgraph_output_plan_init(&o->plan, o->output, o->format_list, &error)) {
        if (!o->plan.formats)
            fprintf(stderr, "relgraph: %s\n", error->message);
        else if (!o->plan.formats[0])
            fprintf(stderr, "relgraph: --format needs at least one format\n");
        else
            fprintf(stderr, "relgraph: -o %s\n", error->message);
        g_error_free(error);
        return FALSE;
    }
    if (o->check && strcmp(o->plan.out, "-") == 0) {
        fprintf(stderr, "relgraph: --check compares files: give -o DIR or -o FILE, not -o -\n");
        return FALSE;
    }
    if (o->title && !g_utf8_validate(o->title, -1, NULL)) {
        fprintf(stderr, "relgraph: --title is not valid UTF-8\n");
        return FALSE;
    }
    if (o->cluster && strcmp(o->cluster, "state") != 0 && strcmp(o->cluster, "none") != 0) {
        fprintf(stderr, "relgraph: --cluster: unknown value \"%s\" (known: state, none)\n", o->cluster);
        return FALSE;
    }
    if (o->page && !relgraph_output_page_parse(o->page, &o->page_width, &o->page_height)) {
        fprintf(stderr, "relgraph: --page: \"%s\" is not a4, letter, none nor WxH with a unit (in, cm, mm, pt)\n",
                o->page);
        return FALSE;
    }
    if (o->max_evidence < 0) {
        fprintf(stderr, "relgraph: --max-evidence must be 0 or more\n");
        return FALSE;
    }
    if (o->symmetric && strcmp(o->symmetric, "undirected") != 0 && strcmp(o->symmetric, "directed") != 0) {
        fprintf(stderr, "relgraph: --symmetric must be directed or undirected, not \"%s\"\n", o->symmetric);
        return FALSE;
    }
    /* --layout is checked against Graphviz's engines now, not when the
     * figure is drawn: a usage error found late would come after other
     * outputs were written. The DOT of an empty graph checks it and draws
     * nothing. */
    if (o->layout && *o->layout) {
        RelgraphGraph *empty = relgraph_graph_new();
        RelgraphExportOptions options = {.layout = o->layout, .title = ""};
        gsize len = 0;
        char *dot = relgraph_export_dot(empty, &options, &len, &error);
        relgraph_graph_free(empty);
        g_free(dot);
        if (error && error->code == RELGRAPH_ERROR_USAGE) {
            fprintf(stderr, "relgraph: --layout: %s\n", error->message);
            g_error_free(error);
            return FALSE;
        }
        g_clear_error(&error);
    }
    return TRUE;
}

static guint outputs_evidence_limit(const Outputs *o)
{
    return cli_evidence_limit(o->max_evidence);
}

/* Renders graph in every format and writes (or, with --check, compares)
 * the files: every output's temporary file is finished before any is
 * renamed, an output that already holds its bytes is left alone, and a
 * failure renames none. *written gets the paths written ("a, b"),
 * *unchanged how many were left alone, *stale the number of stale outputs.
 * With a manifest, it is saved (or removed, when save is FALSE) with the
 * outputs' set. FALSE when an output failed (reported). */
static gboolean outputs_write(const Outputs *o, const RelgraphGraph *graph, guint documents, guint threads,
                              const RelgraphLayoutStore *layouts, const RelgraphManifest *manifest, gboolean save,
                              GString *written, guint *unchanged, guint *stale)
{
    if (!o->check && o->plan.to_dir && g_mkdir_with_parents(o->plan.out, 0755) != 0) {
        fprintf(stderr, "relgraph: %s: %s\n", o->plan.out, g_strerror(errno));
        return FALSE;
    }
    char *dir = o->check ? NULL : relgraph_output_plan_dir(&o->plan);
    RelgraphDirLock *lock = relgraph_dir_lock_new(dir, TRUE);
    if (lock)
        relgraph_output_plan_remove_stale_temporaries(&o->plan, dir);
    char *generated_title = o->title ? NULL : relgraph_output_default_title(graph, documents);
    RelgraphExportOptions export_options = {.title = o->title ? o->title : generated_title, .layout = o->layout,
                                            .max_evidence = (guint)o->max_evidence, .layouts = layouts,
                                            .symmetric_undirected = o->symmetric && strcmp(o->symmetric, "undirected") == 0,
                                            .keep_isolated = o->keep_isolated,
                                            .cluster_state = o->cluster && strcmp(o->cluster, "state") == 0,
                                            .page_width = o->page_width, .page_height = o->page_height};
    guint n_formats = g_strv_length(o->plan.formats);
    RelgraphOutputSet *set = relgraph_output_set_new(o->check);
    for (guint i = 0; i < n_formats; i++) {
        char *path = relgraph_output_plan_path(&o->plan, i);
        relgraph_output_set_add(set, o->plan.formats[i], path);
        g_free(path);
    }
    /* The formats are independent: render them side by side. */
    gboolean ok = relgraph_output_set_render(set, graph, &export_options, threads);
    GError *error = NULL;
    if (ok && !relgraph_output_set_commit(set, &error)) {
        cli_report(error);
        ok = FALSE;
    }
    *stale = 0;
    *unchanged = 0;
    for (guint i = 0; i < n_formats; i++) {
        const RelgraphOutput *out = relgraph_output_set_get(set, i);
        if (out->error) /* the render failed: nothing was committed */
            fprintf(stderr, "relgraph: %s%s\n", out->error->message, cli_memory_limit_hint());
        else if (out->stale) {
            printf("stale: %s (%s)\n", out->path, out->stale);
            (*stale)++;
        } else if (out->written)
            g_string_append_printf(written, "%s%s", written->len ? ", " : "", out->path);
        else if (out->unchanged)
            (*unchanged)++;
    }
    if (manifest && !o->check) {
        char **paths = g_new0(char *, n_formats + 1), **hashes = g_new0(char *, n_formats + 1);
        gsize *sizes = g_new0(gsize, n_formats);
        for (guint i = 0; i < n_formats; i++) {
            const RelgraphOutput *out = relgraph_output_set_get(set, i);
            paths[i] = (char *)out->path;
            hashes[i] = (char *)out->hash;
            sizes[i] = out->len;
        }
        if (ok && save)
            relgraph_manifest_save(manifest, paths, hashes, sizes, n_formats, documents);
        else
            relgraph_manifest_remove(manifest);
        g_free(paths);
        g_free(hashes);
        g_free(sizes);
    }
    relgraph_output_set_free(set);
    relgraph_dir_lock_free(lock);
    g_free(generated_title);
    g_free(dir);
    return ok;
}

/* The closing line on stderr: what was read, found, shown and written. */
static void print_summary(const char *read, const RelgraphGraph *graph, guint all_nodes, guint all_edges,
                          const Outputs *o, const GString *written, guint unchanged, guint stale)
{
    char *shown = NULL;
    if (relgraph_graph_node_count(graph) != all_nodes || relgraph_graph_edge_count(graph) != all_edges)
        shown = g_strdup_printf(" (view: %u actor%s, %u edge%s)", relgraph_graph_node_count(graph),
                                plural(relgraph_graph_node_count(graph)), relgraph_graph_edge_count(graph),
                                plural(relgraph_graph_edge_count(graph)));
    char *checked = o->check ? g_strdup_printf("; %u of %u outputs stale", stale, g_strv_length(o->plan.formats)) : NULL;
    /* What the figures leave out, when one was asked for. */
    gboolean figure = FALSE;
    for (guint i = 0; o->plan.formats[i]; i++)
        figure = figure || relgraph_export_is_figure(o->plan.formats[i]);
    guint isolated = figure && !o->keep_isolated ? relgraph_output_isolated_actors(graph) : 0;
    char *left_out = isolated ? g_strdup_printf("; figures leave out %u actor%s without relations (--keep-isolated)",
                                                isolated, plural(isolated))
                              : NULL;
    char *kept = unchanged ? g_strdup_printf("; %u output%s unchanged", unchanged, plural(unchanged)) : NULL;
    fprintf(stderr, "relgraph: %s -> %u actor%s, %u edge%s%s%s%s%s%s%s\n", read, all_nodes, plural(all_nodes),
            all_edges, plural(all_edges), shown ? shown : "", left_out ? left_out : "", written->len ? "; wrote " : "",
            written->str, kept ? kept : "", checked ? checked : "");
    g_free(kept);
    g_free(left_out);
    g_free(shown);
    g_free(checked);
}

int cli_build(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    CliViewOptions view = {0};
    CliCacheOptions cache_options = {0};
    Outputs o = {0};
    GOptionContext *context = g_option_context_new("CORPUS...");
    g_option_context_set_summary(context,
        "Builds the relation graph of CORPUS (files, directories, - for stdin) and\n"
        "writes it in every requested format. Files are written atomically: a failed\n"
        "run never leaves a half-written figure.");
    g_option_context_set_description(context,
        "Examples:\n"
        "  relgraph build seeds                      # figures/relgraph.{dot,svg,graphml}\n"
        "  relgraph build -o out/ -T svg,tsv seeds   # out/relgraph.svg, out/relgraph.tsv\n"
        "  relgraph build -o graph.graphml seeds     # one file, format from its extension\n"
        "  relgraph build -T dot -o - seeds | dot -Tpng > graph.png\n"
        "  relgraph build --roll-up --min-weight 2 -o states.svg seeds\n"
        "  relgraph build --focus \"North Korea\" --depth 1 -o nk.gexf seeds\n"
        "  relgraph build --check seeds || echo 'figures are stale'\n\n"
        "Cache: when a CORPUS is a directory (or with --cache), what each document\n"
        "gives is kept under a key made of its bytes and of the whole rule set, and\n"
        "a rebuild only extracts the documents that changed. Damaged entries are\n"
        "detected and recomputed; 'relgraph cache prune' drops entries of documents\n"
        "that are gone.\n\n" CLI_EXIT_CODES_HELP
        "\nWith --check: 0 the outputs are up to date, 1 some are stale.");
    outputs_add_options(context, &o);
    cli_add_corpus_options(context, &corpus);
    cli_add_cache_options(context, &cache_options);
    cli_add_view_options(context, &view);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphGraph *graph = NULL;
    RelgraphCache *cache = NULL;
    RelgraphManifest *manifest = NULL;
    GPtrArray *expanded = NULL;
    GHashTable *stat_of = NULL;
    char *cache_dir = NULL;
    char **command = g_strdupv(argv); /* as given, for the manifest */
    if (!cli_parse(context, &argc, &argv) || !outputs_plan(&o))
        goto out;
    RelgraphExtractOptions extract;
    if (!cli_extract_options(&corpus, &extract))
        goto out;
    if (argc < 2) {
        fprintf(stderr, "relgraph: no corpus given (files, directories or - for stdin)\n");
        goto out;
    }

    /* With a cache, the corpus is walked first: when the manifest of the
     * last build of these outputs says that it read the same inputs and
     * the outputs still hold what it wrote, there is nothing to do. */
    CliRunStats stats = {0};
    gint64 started = g_get_real_time();
    cache_dir = cli_cache_dir(&cache_options, argv + 1, argc - 1);
    if (cache_dir) {
        stat_of = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
        expanded = cli_expand_corpus(argv + 1, argc - 1, &stats, stat_of);
        guint n_formats = g_strv_length(o.plan.formats);
        char **paths = relgraph_output_plan_paths(&o.plan);
        const char *rules_dir = corpus.rules_dir ? corpus.rules_dir : relgraph_rules_default_dir();
        RelgraphManifestInputs inputs = {command, rules_dir, expanded, stat_of, started};
        if (!o.check && stats.failed == 0)
            manifest = relgraph_manifest_new(cache_dir, &inputs, paths, n_formats);
        guint documents = 0;
        gboolean up_to_date = FALSE;
        if (manifest) {
            char *dir = relgraph_output_plan_dir(&o.plan);
            RelgraphDirLock *lock = relgraph_dir_lock_new(dir, FALSE);
            up_to_date = relgraph_manifest_up_to_date(manifest, paths, n_formats, &documents);
            relgraph_dir_lock_free(lock);
            g_free(dir);
        }
        g_strfreev(paths);
        if (up_to_date) {
            if (!corpus.quiet)
                fprintf(stderr,
                        "relgraph: up to date: %u document%s (0 extracted, %u from cache), %u output%s unchanged; "
                        "nothing written\n",
                        documents, plural(documents), documents, n_formats, plural(n_formats));
            status = CLI_EXIT_OK;
            goto out;
        }
    }
    rules = cli_load_rules(&corpus);
    if (!rules || !cli_view_check(&view, rules))
        goto out;

    graph = relgraph_graph_new();
    /* Only the evidence the outputs show is kept: memory follows the graph. */
    guint evidence_limit = outputs_evidence_limit(&o);
    relgraph_graph_set_evidence_limit(graph, evidence_limit);
    cache = cli_open_cache(&cache_options, &corpus, rules, evidence_limit, argv + 1, argc - 1);
    if (cache && o.check)
        relgraph_cache_set_read_only(cache, TRUE); /* --check writes nothing */
    CliRunConfig config = {cache, evidence_limit, FALSE};
    if (cache && expanded)
        cli_build_cached_expanded(rules, &extract, argv + 1, argc - 1, expanded, stat_of, started, &corpus, &config,
                                  graph, &stats);
    else if (expanded)
        cli_run_expanded(rules, &extract, expanded, &corpus, &config, add_document, graph, &stats);
    else if (!cli_run_corpus(rules, &extract, argv + 1, argc - 1, &corpus, &config, add_document, graph, &stats))
        goto out;
    if (stats.documents == 0) {
        fprintf(stderr, "relgraph: no document could be read; nothing written\n");
        goto out;
    }
    guint all_nodes = relgraph_graph_node_count(graph), all_edges = relgraph_graph_edge_count(graph);
    graph = cli_view_apply(&view, rules, graph);
    GString *written = g_string_new(NULL);
    guint stale = 0, unchanged = 0;
    /* The cache also keeps the figure's layout. */
    const RelgraphLayoutStore *layouts = cache ? relgraph_cache_layout_store(cache, print_warning, NULL) : NULL;
    /* The manifest is kept for a run with nothing to say again next time:
     * no document failed, was skipped or warned of, no rule diagnostic. */
    gboolean save = cache && !stats.failed && !stats.skipped && !stats.warned && cli_rules_diagnostics() == 0;
    gboolean ok = outputs_write(&o, graph, stats.documents,
                                corpus.jobs > 0 ? (guint)corpus.jobs : g_get_num_processors(),
                                layouts, manifest, save, written, &unchanged, &stale);
    if (!corpus.quiet) {
        char *from_cache = cache ? g_strdup_printf(" (%u extracted, %u from cache)", stats.documents - stats.cached,
                                                   stats.cached)
                                 : NULL;
        GString *lost = g_string_new(NULL);
        if (stats.skipped)
            g_string_append_printf(lost, ", %u skipped", stats.skipped);
        if (stats.failed)
            g_string_append_printf(lost, ", %u unreadable", stats.failed);
        char *read = g_strdup_printf("%u document%s%s%s, %u sentence%s, %u relation mention%s", stats.documents,
                                     plural(stats.documents), from_cache ? from_cache : "", lost->str,
                                     stats.sentences, plural(stats.sentences), stats.relations,
                                     plural(stats.relations));
        g_string_free(lost, TRUE);
        print_summary(read, graph, all_nodes, all_edges, &o, written, unchanged, stale);
        g_free(read);
        g_free(from_cache);
    }
    g_string_free(written, TRUE);
    status = !ok || stats.failed ? CLI_EXIT_ERROR : stale ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
    if (graph)
        relgraph_graph_free(graph);
    relgraph_cache_free(cache);
    relgraph_manifest_free(manifest);
    if (expanded)
        g_ptr_array_unref(expanded);
    if (stat_of)
        g_hash_table_destroy(stat_of);
    g_free(cache_dir);
    g_strfreev(command);
    g_free(cache_options.dir);
    cli_free_rules(rules);
    outputs_clear(&o);
    cli_corpus_options_clear(&corpus);
    cli_view_options_clear(&view);
    g_option_context_free(context);
    return status;
}

int cli_merge(int argc, char **argv)
{
    CliCorpusOptions corpus = {0};
    CliViewOptions view = {0};
    Outputs o = {0};
    GOptionContext *context = g_option_context_new("PART...");
    g_option_context_set_summary(context,
        "Merges parts written by 'relgraph extract -T part' (or - for standard input)\n"
        "into one graph and writes it as 'relgraph build' does: merging the parts\n"
        "of any split of a corpus gives, byte for byte, the outputs of building the\n"
        "whole corpus. A damaged or truncated part is refused (checksum).");
    g_option_context_set_description(context,
        "Examples:\n"
        "  relgraph extract -T part -o a.part corpus/a   # on one machine\n"
        "  relgraph extract -T part -o b.part corpus/b   # on another\n"
        "  relgraph merge -o figures/ a.part b.part\n"
        "  relgraph merge -T part -o all.part a.part b.part   # merge parts into a part\n\n"
        "-T part writes the merged graph as one part (to standard output without\n"
        "-o FILE), for merging in a tree; views and --check do not apply to it.\n"
        "--rules is only read for the views (--roll-up, --relations, ...).\n"
        "Parts keep at most their --max-evidence example sentences per edge; merge\n"
        "warns when it is asked to show more.\n\n" CLI_EXIT_CODES_HELP
        "\nWith --check: 0 the outputs are up to date, 1 some are stale.");
    outputs_add_options(context, &o);
    const GOptionEntry entries[] = {
        {"rules", 'r', 0, G_OPTION_ARG_FILENAME, &corpus.rules_dir,
         "Rules directory, for the views (default: $RELGRAPH_RULES, else the project's rules/)", "DIR"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &corpus.jobs, "Render N formats at a time (default: one per core)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &corpus.quiet, "No summary on stderr", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
    cli_add_view_options(context, &view);
    int status = CLI_EXIT_ERROR;
    RelgraphRules *rules = NULL;
    RelgraphGraph *graph = NULL;
    if (!cli_parse(context, &argc, &argv))
        goto out;
    if (argc < 2) {
        fprintf(stderr, "relgraph: merge needs at least one part (see relgraph merge --help)\n");
        goto out;
    }
    gboolean part_out = o.format_list && strcmp(o.format_list, "part") == 0;
    /* A part is merged further, so it stays the whole graph, and it is
     * written, not compared. */
    if (part_out && (cli_view_wanted(&view) || o.check)) {
        fprintf(stderr, "relgraph: -T part writes the whole merged graph: %s do not apply\n",
                o.check ? "--check and views" : "views (--roll-up, --relations, ...)");
        goto out;
    }
    if (!part_out && !outputs_plan(&o))
        goto out;
    if (cli_view_wanted(&view)) {
        rules = cli_load_rules(&corpus);
        if (!rules || !cli_view_check(&view, rules))
            goto out;
    }
    graph = relgraph_graph_new();
    guint evidence_limit = outputs_evidence_limit(&o);
    relgraph_graph_set_evidence_limit(graph, evidence_limit);
    RelgraphPartInfo info = {0};
    guint failed = 0;
    /* Sorted, so that the order the parts are given in never matters. */
    GPtrArray *parts = g_ptr_array_new();
    for (int i = 1; i < argc; i++)
        g_ptr_array_add(parts, argv[i]);
    g_ptr_array_sort(parts, relgraph_compare_strings);
    for (guint i = 0; i < parts->len; i++) {
        GError *error = NULL;
        if (!relgraph_part_read_file(graph, g_ptr_array_index(parts, i), &info, &error)) {
            cli_report(error);
            failed++;
        }
    }
    g_ptr_array_unref(parts);
    if (failed == (guint)(argc - 1)) {
        fprintf(stderr, "relgraph: no part could be read; nothing written\n");
        goto out;
    }
    if (info.evidence_limit && evidence_limit > info.evidence_limit && !corpus.quiet)
        fprintf(stderr, "relgraph: warning: the parts keep %u example sentences per edge; --max-evidence %u "
                        "shows no more than that\n", info.evidence_limit, evidence_limit);
    if (part_out) {
        /* Parts of parts, for merging in a tree. */
        info.evidence_limit = MIN(evidence_limit, info.evidence_limit ? info.evidence_limit : evidence_limit);
        status = cli_write_part(graph, &info, o.output) && !failed ? CLI_EXIT_OK : CLI_EXIT_ERROR;
        goto out;
    }
    guint all_nodes = relgraph_graph_node_count(graph), all_edges = relgraph_graph_edge_count(graph);
    if (rules)
        graph = cli_view_apply(&view, rules, graph);
    GString *written = g_string_new(NULL);
    guint stale = 0, unchanged = 0;
    gboolean ok = outputs_write(&o, graph, info.documents,
                                corpus.jobs > 0 ? (guint)corpus.jobs : g_get_num_processors(), NULL, NULL, FALSE,
                                written, &unchanged, &stale);
    if (!corpus.quiet) {
        char *read = g_strdup_printf("%u part%s (%u document%s, %u sentence%s, %u relation mention%s)",
                                     argc - 1 - failed, plural(argc - 1 - failed), info.documents,
                                     plural(info.documents), info.sentences, plural(info.sentences),
                                     info.mentions, plural(info.mentions));
        print_summary(read, graph, all_nodes, all_edges, &o, written, unchanged, stale);
        g_free(read);
    }
    g_string_free(written, TRUE);
    status = !ok || failed ? CLI_EXIT_ERROR : stale ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
    if (graph)
        relgraph_graph_free(graph);
    cli_free_rules(rules);
    outputs_clear(&o);
    cli_corpus_options_clear(&corpus);
    cli_view_options_clear(&view);
    g_option_context_free(context);
    return status;
}
