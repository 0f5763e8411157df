/* What the subcommands share: rule loading, corpus runs, messages. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "relgraph/rulefile.h"

void cli_add_corpus_options(GOptionContext *context, CliCorpusOptions *options)
{
    const GOptionEntry entries[] = {
        {"rules", 'r', 0, G_OPTION_ARG_FILENAME, &options->rules_dir,
         "Rules directory (default: $RELGRAPH_RULES, else the project's rules/)", "DIR"},
        {"hedged", 0, 0, G_OPTION_ARG_STRING, &options->hedged,
         "What to do with hedged or negated statements (\"may visit\", \"did not visit\"): drop (default) or keep",
         "drop|keep"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &options->jobs,
         "Extract N documents at a time (default: one per core); outputs do not depend on it", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet, "No progress or summary on stderr", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_option_context_add_main_entries(context, entries, NULL);
}

void cli_corpus_options_clear(CliCorpusOptions *options)
{
    g_free(options->rules_dir);
    g_free(options->hedged);
}

/* GOption does not split an attached value ("-j2", "-oout.svg") from its
 * short option; do it first, as getopt users expect.  The rewritten vector
 * lives until exit (the subcommands keep pointers into it). */
static void split_attached_values(int *argc, char ***argv)
{
    static const char with_value[] = "jorTKg";
    static GPtrArray *rewritten;
    gboolean needed = FALSE;
    for (int i = 1; i < *argc && strcmp((*argv)[i], "--") != 0; i++) {
        const char *arg = (*argv)[i];
        if (arg[0] == '-' && arg[1] && arg[1] != '-' && strchr(with_value, arg[1]) && arg[2])
            needed = TRUE;
    }
    if (!needed)
        return;
    if (rewritten)
        g_ptr_array_unref(rewritten);
    rewritten = g_ptr_array_new_with_free_func(g_free);
    gboolean options_over = FALSE;
    for (int i = 0; i < *argc; i++) {
        const char *arg = (*argv)[i];
        if (strcmp(arg, "--") == 0)
            options_over = TRUE;
        if (!options_over && i > 0 && arg[0] == '-' && arg[1] && arg[1] != '-' &&
            strchr(with_value, arg[1]) && arg[2]) {
            g_ptr_array_add(rewritten, g_strndup(arg, 2));
            g_ptr_array_add(rewritten, g_strdup(arg + 2));
        } else {
            g_ptr_array_add(rewritten, g_strdup(arg));
        }
    }
    /* GOption shuffles the vector it is given: hand it a copy, so the
     * strings stay owned (and reachable) through `rewritten`. */
    static char **handed_out;
    g_free(handed_out);
    handed_out = g_new0(char *, rewritten->len + 1);
    memcpy(handed_out, rewritten->pdata, rewritten->len * sizeof(char *));
    *argc = (int)rewritten->len;
    *argv = handed_out;
}

gboolean cli_parse(GOptionContext *context, int *argc, char ***argv)
{
    GError *error = NULL;
    split_attached_values(argc, argv);
    if (!g_option_context_parse(context, argc, argv, &error)) {
        fprintf(stderr, "relgraph: %s\n(see relgraph %s --help)\n", error->message,
                (*argv)[0] ? (*argv)[0] : "");
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

void cli_report(GError *error)
{
    if (!error)
        return;
    fprintf(stderr, "relgraph: %s\n", error->message);
    g_error_free(error);
}

RelgraphRules *cli_load_rules(const CliCorpusOptions *options)
{
    const char *dir = options->rules_dir ? options->rules_dir : relgraph_rules_default_dir();
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(dir, diagnostics, &error);
    /* Every diagnostic, errors and warnings, in file order. */
    for (guint i = 0; i < diagnostics->len; i++)
        fprintf(stderr, "%s\n", ((RelgraphDiagnostic *)g_ptr_array_index(diagnostics, i))->message);
    if (!rules && error && relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR) == 0)
        fprintf(stderr, "relgraph: %s\n", error->message);
    g_clear_error(&error);
    g_ptr_array_unref(diagnostics);
    return rules;
}

gboolean cli_extract_options(const CliCorpusOptions *options, RelgraphExtractOptions *out)
{
    *out = (RelgraphExtractOptions){.hedged = RELGRAPH_HEDGED_DROP};
    if (!options->hedged || strcmp(options->hedged, "drop") == 0)
        return TRUE;
    if (strcmp(options->hedged, "keep") == 0) {
        out->hedged = RELGRAPH_HEDGED_KEEP;
        return TRUE;
    }
    fprintf(stderr, "relgraph: --hedged must be drop or keep, not \"%s\"\n", options->hedged);
    return FALSE;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One document of a run: filled by a worker, used by the calling thread. */
typedef struct {
    const char *path;
    RelgraphDocument *doc;
    RelgraphExtractResult *result;
    GError *error;
    gboolean finished;
} Slot;

typedef struct {
    const RelgraphRules *rules;
    const RelgraphExtractOptions *extract;
    Slot *slots;
    guint n_slots;
    GMutex lock;
    GCond done;
    guint waiting_for; /* the slot the main thread waits for */
} Pipeline;

/* Documents go to the pool BATCH at a time: one hand-over (and wake-up)
 * per batch, not per document, which is what kept two threads from
 * running twice as fast as one. */
#define BATCH 16

static void load_and_extract(Pipeline *pl, Slot *slot)
{
    slot->doc = relgraph_document_load(slot->path, &slot->error);
    slot->result = slot->doc ? relgraph_extract_document(pl->rules, slot->doc, pl->extract) : NULL;
}

/* Reads and extracts a batch of documents on a pool thread. The rules are
 * only read, so any number of these run at once. */
static void extract_batch(gpointer data, gpointer user_data)
{
    Pipeline *pl = user_data;
    guint first = GPOINTER_TO_UINT(data) - 1;
    for (guint i = first; i < first + BATCH && i < pl->n_slots; i++) {
        Slot *slot = &pl->slots[i];
        load_and_extract(pl, slot);
        g_mutex_lock(&pl->lock);
        slot->finished = TRUE;
        if (pl->waiting_for == i)
            g_cond_signal(&pl->done);
        g_mutex_unlock(&pl->lock);
    }
}

gboolean cli_run_corpus(const RelgraphRules *rules, const RelgraphExtractOptions *extract,
                        char **paths, int n_paths, const CliCorpusOptions *options, CliDocumentFunc fn,
                        gpointer user_data, CliRunStats *stats)
{
    memset(stats, 0, sizeof *stats);
    if (n_paths == 0) {
        fprintf(stderr, "relgraph: no corpus given (files, directories or - for stdin)\n");
        return FALSE;
    }
    /* Expand each path on its own, so that one missing path does not hide
     * the others; the union is sorted again as a whole. */
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < n_paths; i++) {
        GError *error = NULL;
        const char *one[] = {paths[i]};
        GPtrArray *found = relgraph_corpus_expand(one, 1, &error);
        if (!found) {
            cli_report(error);
            stats->failed++;
            continue;
        }
        for (guint j = 0; j < found->len; j++) {
            char *p = g_ptr_array_index(found, j);
            if (g_hash_table_contains(seen, p))
                continue;
            char *copy = g_strdup(p);
            g_hash_table_add(seen, copy);
            g_ptr_array_add(all, copy);
        }
        g_ptr_array_unref(found);
    }
    g_hash_table_destroy(seen);
    g_ptr_array_sort(all, compare_paths);

    gboolean progress = !options->quiet && isatty(STDERR_FILENO) && all->len >= 100;
    guint jobs = options->jobs > 0 ? (guint)options->jobs : g_get_num_processors();
    Pipeline pl = {rules, extract, NULL, all->len, {0}, {0}, G_MAXUINT};
    g_mutex_init(&pl.lock);
    g_cond_init(&pl.done);
    pl.slots = g_new0(Slot, all->len);
    for (guint i = 0; i < all->len; i++)
        pl.slots[i].path = g_ptr_array_index(all, i);
    GThreadPool *pool = NULL;
    if (jobs > 1 && all->len > 1)
        pool = g_thread_pool_new(extract_batch, &pl, (gint)jobs, TRUE, NULL);
    /* At most `window` documents in flight: memory stays flat however
     * large the corpus, and results are used in path order. */
    guint window = jobs * 2 * BATCH, queued = 0;
    for (guint i = 0; i < all->len; i++) {
        for (; pool && queued < all->len && queued < i + window; queued += BATCH)
            g_thread_pool_push(pool, GUINT_TO_POINTER(queued + 1), NULL);
        Slot *slot = &pl.slots[i];
        if (pool) {
            g_mutex_lock(&pl.lock);
            pl.waiting_for = i;
            while (!slot->finished)
                g_cond_wait(&pl.done, &pl.lock);
            g_mutex_unlock(&pl.lock);
        } else {
            load_and_extract(&pl, slot);
        }
        if (!slot->doc) {
            cli_report(slot->error);
            stats->failed++;
            continue;
        }
        for (guint w = 0; w < slot->doc->warnings->len; w++)
            fprintf(stderr, "relgraph: warning: %s\n", (const char *)g_ptr_array_index(slot->doc->warnings, w));
        stats->documents++;
        stats->sentences += slot->result->n_sentences;
        stats->relations += slot->result->relations->len;
        fn(slot->doc, slot->result, user_data);
        relgraph_extract_result_free(slot->result);
        relgraph_document_free(slot->doc);
        slot->result = NULL;
        slot->doc = NULL;
        if (progress && (i % 50 == 0 || i + 1 == all->len))
            fprintf(stderr, "\rrelgraph: %u/%u documents", i + 1, all->len);
    }
    if (pool)
        g_thread_pool_free(pool, FALSE, TRUE);
    g_free(pl.slots);
    g_mutex_clear(&pl.lock);
    g_cond_clear(&pl.done);
    if (progress)
        fputc('\n', stderr);
    g_ptr_array_unref(all);
    return TRUE;
}
