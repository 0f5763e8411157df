/* relgraph command line: what the subcommands share.
 *
 * Exit codes (documented in --help and the README):
 *   0  success
 *   1  findings: eval below a --fail-under threshold, lint errors, an
 *      explained edge without support
 *   2  usage errors, rule errors, unreadable or missing input
 *      (outputs are still written from every document that could be read)
 */
#ifndef RELGRAPH_CLI_H
#define RELGRAPH_CLI_H

#include <glib.h>

#include "relgraph/cache.h"
#include "relgraph/corpus.h"
#include "relgraph/export.h"
#include "relgraph/extract.h"
#include "relgraph/pipeline.h"
#include "relgraph/manifest.h"
#include "relgraph/rules.h"

/* 1 is for what a run found (stale outputs, lint errors, a diff), never
 * for a failure: a CI gate can tell the two apart. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_FINDINGS = 1, CLI_EXIT_ERROR = 2 };

#define CLI_EXIT_CODES_HELP                                                    \
    "Exit status: 0 success; 1 findings (eval below a --fail-under bound, lint\n" \
    "errors, explain without support, build --check found stale outputs, diff\n" \
    "differences); 2 usage, rule or input errors. A document that cannot be\n" \
    "read does not stop the others and the outputs are still written; a rule\n" \
    "error stops the run before anything is written."

/* memory.c: glib's fatal allocation and thread-creation errors, and (under
 * a finite ulimit -v) a library's segmentation fault, reported as "out of
 * memory" with exit 2 instead of a trap or a core dump. Call first. */
void cli_memory_guard_install(void);
/* Under a finite address-space limit, a parenthesis to add to a library's
 * failure (a figure that could not be laid out): what it most likely
 * means; "" without a limit. */
const char *cli_memory_limit_hint(void);

/* Options every corpus-reading subcommand takes. */
typedef struct {
    char *rules_dir;
    char *hedged;     /* "drop" or "keep" */
    gboolean quiet;
    gint jobs;        /* extraction threads; 0 = one per core */
    char *stdin_format; /* "text" (default) or "jsonl": what - holds */
    gboolean no_discovery; /* only the rules' actors (discover.h) */
} CliCorpusOptions;

/* Adds --rules, --hedged, --no-discovery, --jobs, --stdin-format and --quiet to a GOptionContext's main group. */
void cli_add_corpus_options(GOptionContext *context, CliCorpusOptions *options);
void cli_corpus_options_clear(CliCorpusOptions *options);

/* View options (view.c): which part of the graph the outputs show. */
typedef struct {
    gint min_weight;
    char *relations;  /* comma-separated */
    char *types;      /* comma-separated */
    char *focus;      /* as given; the canonical name once cli_view_check found it */
    char *depth;      /* as given: a number, so that 0 (the actor alone) differs from unset (1) */
    gint top;
    gboolean roll_up;
} CliViewOptions;

/* Adds the view options to the context's main options. They apply in this
 * order: --roll-up, --relations, --min-weight, --types, --focus, --top. */
void cli_add_view_options(GOptionContext *context, CliViewOptions *view);
void cli_view_options_clear(CliViewOptions *view);
/* TRUE when any view option is set. */
gboolean cli_view_wanted(const CliViewOptions *view);
/* Checks the view options against the rules (relation and type names, the
 * focus actor); FALSE with the problems printed. */
gboolean cli_view_check(CliViewOptions *view, const RelgraphRules *rules);
/* The view of graph the options ask for: graph itself when they select
 * everything, else a new graph (graph is freed). */
RelgraphGraph *cli_view_apply(const CliViewOptions *view, const RelgraphRules *rules, RelgraphGraph *graph);
/* The relation names of the rules, comma-separated, for a message; caller frees. */
char *cli_known_relations(const RelgraphRules *rules);

/* Parses argv with context; on failure prints the error and a hint and
 * returns FALSE. */
gboolean cli_parse(GOptionContext *context, int *argc, char ***argv);

/* Loads the rules, printing every diagnostic; NULL on error. */
RelgraphRules *cli_load_rules(const CliCorpusOptions *options);
/* Frees rules from cli_load_rules, first warning of every pattern whose
 * search ran out of steps during the run. */
void cli_free_rules(RelgraphRules *rules);

/* The most --jobs a corpus run takes. */
#define CLI_MAX_JOBS RELGRAPH_PIPELINE_MAX_JOBS

/* Converts --hedged into extraction options; FALSE (message printed) when invalid. */
gboolean cli_extract_options(const CliCorpusOptions *options, RelgraphExtractOptions *out);

/* One document of a run, as the subcommand gets it (pipeline.h). */
typedef RelgraphPipelineDocument CliDocument;
typedef RelgraphPipelineFunc CliDocumentFunc;

/* How a run uses the extraction cache (build): with one, documents come as
 * pieces, from the cache or extracted and stored. */
typedef struct {
    RelgraphCache *cache;         /* NULL: no cache */
    guint evidence_limit;         /* evidence each piece keeps per edge */
    gboolean keys_only;           /* only compute the keys (cache prune): no extraction */
} CliRunConfig;

/* Adds --cache DIR and --no-cache to a context; cli_open_cache then opens
 * the cache they ask for: --cache DIR, else (unless --no-cache) the default
 * directory when a corpus path is a directory. NULL when there is none or it
 * cannot be opened (a warning says so, and the run goes on without). */
typedef struct {
    char *dir;
    gboolean disabled;
} CliCacheOptions;
void cli_add_cache_options(GOptionContext *context, CliCacheOptions *options);

RelgraphCache *cli_open_cache(const CliCacheOptions *options, const CliCorpusOptions *corpus,
                              const RelgraphRules *rules, guint evidence_limit, char **paths, int n_paths);

typedef struct {
    guint documents;   /* documents read and extracted */
    guint failed;      /* paths or JSONL lines that could not be read */
    guint skipped;     /* binary files, skipped with a warning */
    guint sentences;
    guint relations;   /* relation mentions */
    guint cached;      /* documents taken from the cache */
    guint warned;      /* documents read with warnings (cached builds only) */
} CliRunStats;

/* Expands the corpus paths, then runs the pipeline on them (pipeline.h:
 * options->jobs at a time, fn called for each document in corpus order).
 * Problems are printed and counted, and the rest of the corpus still runs;
 * a progress line shows on a terminal. config may be NULL (no cache).
 * Returns FALSE when no corpus was given (nothing ran). */
gboolean cli_run_corpus(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                        int n_paths, const CliCorpusOptions *options, const CliRunConfig *config,
                        CliDocumentFunc fn, gpointer user_data, CliRunStats *stats);

/* The two halves of cli_run_corpus: the sorted, duplicate-free document
 * paths of the corpus arguments (problems printed and counted in stats;
 * stat_of, when given, gets path -> its GStatBuf as the walk took it, the
 * paths being the array's own), and the run over such a list, which adds
 * to stats. */
GPtrArray *cli_expand_corpus(char **paths, int n_paths, CliRunStats *stats, GHashTable *stat_of);
void cli_run_expanded(const RelgraphRules *rules, const RelgraphExtractOptions *extract, GPtrArray *paths,
                      const CliCorpusOptions *options, const CliRunConfig *config, CliDocumentFunc fn,
                      gpointer user_data, CliRunStats *stats);

/* Builds the graph of an expanded corpus (cli_expand_corpus, with each
 * path's stat in stat_of, taken after started, g_get_real_time) through
 * config's cache: relgraph_incremental_run (incremental.h), with problems
 * printed as cli_run_expanded prints them. The graph is the one
 * cli_run_expanded gives with every piece merged; stats keeps what the
 * expansion counted. */
void cli_build_cached_expanded(const RelgraphRules *rules, const RelgraphExtractOptions *extract, char **paths,
                               int n_paths, GPtrArray *expanded, GHashTable *stat_of, gint64 started,
                               const CliCorpusOptions *options, const CliRunConfig *config, RelgraphGraph *graph,
                               CliRunStats *stats);

/* The cache directory a build would use (cli_open_cache's choice), or NULL
 * for none; caller frees. */
char *cli_cache_dir(const CliCacheOptions *options, char **paths, int n_paths);
/* How many diagnostics cli_load_rules printed in this process. */
guint cli_rules_diagnostics(void);

/* Writes graph and info as a part to path ("-" or NULL: standard output),
 * atomically. FALSE (reported) on failure. */
gboolean cli_write_part(const RelgraphGraph *graph, const RelgraphPartInfo *info, const char *path);

/* Prints "relgraph: message" for an error and frees it. */
/* The evidence sentences kept per edge for --max-evidence (0: the default). */
guint cli_evidence_limit(gint max_evidence);
void cli_report(GError *error);

/* The actor a name typed on the command line stands for (any of its
 * names, any case: relgraph_actor_lookup); -1 with a message that starts
 * with what (e.g. "--focus") and names the nearest canonical names. */
gint cli_find_actor(const RelgraphDictionary *dict, const char *name, const char *what);

int cli_build(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_actors(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_cache(int argc, char **argv);
int cli_merge(int argc, char **argv);
int cli_diff(int argc, char **argv);

#endif
