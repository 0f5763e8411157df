/* relgraph — the corpus pipeline: every document of a corpus read and
 * extracted (or taken from a cache) on a pool of threads, and handed to
 * the caller in corpus order, from the calling thread.
 *
 * A corpus is what relgraph_pipeline_expand makes of paths (corpus.h):
 * text and Markdown files, JSONL files read a line at a time (one
 * document per line), and "-", standard input. At most a few batches of
 * documents per thread are in memory at once, however large the corpus:
 * each document is dropped once the callback returns.
 *
 * Problems do not stop a run. Each is handed to options->problem as a
 * GError (borrowed for the call) with a level that says what it is: a
 * path or a line that could not be read, a file that is not a document, or
 * a warning about a document that was read all the same. Their messages
 * start with the place ("path: ", "path:line: ", "path:line:col: ").
 *
 * Ownership: the paths, options and stats are the caller's; documents
 * handed to the callback are borrowed for the call (see piece).
 */
#ifndef RELGRAPH_PIPELINE_H
#define RELGRAPH_PIPELINE_H

#include <glib.h>

#include "relgraph/cache.h"
#include "relgraph/corpus.h"
#include "relgraph/extract.h"
#include "relgraph/part.h"
#include "relgraph/rules.h"

G_BEGIN_DECLS

typedef enum {
    RELGRAPH_PROBLEM_FAILED,  /* a path or a JSONL line that could not be read (stats->failed) */
    RELGRAPH_PROBLEM_SKIPPED, /* not a document, a binary file (stats->skipped) */
    RELGRAPH_PROBLEM_WARNING, /* the document was read all the same (invalid UTF-8, a damaged cache entry),
                                 or a remark about the run (threads that could not start, a shared id) */
} RelgraphProblemLevel;

/* Called from the calling thread, in corpus order; problem is borrowed. */
typedef void (*RelgraphProblemFunc)(RelgraphProblemLevel level, const GError *problem, gpointer user_data);

/* Called from the calling thread once with done 0 before the run, then
 * after each item (a path or a JSONL line, read or not): done items so
 * far, of total (0 when not known in advance: the corpus has JSONL); last
 * is TRUE for the last one. */
typedef void (*RelgraphProgressFunc)(guint64 done, guint total, gboolean last, gpointer user_data);

/* The most threads a run takes: each has documents in flight. */
#define RELGRAPH_PIPELINE_MAX_JOBS 1024

typedef struct {
    guint jobs;                    /* threads, the calling one included; 0: one per core; capped at
                                      RELGRAPH_PIPELINE_MAX_JOBS */
    gboolean stdin_jsonl;          /* "-" holds JSONL, not one text document */
    gboolean quiet;                /* no remarks about the run: threads that could not start, documents
                                      sharing an id (which spares the table of ids) */
    RelgraphCache *cache;          /* NULL: documents come extracted (result); else as pieces (piece),
                                      from the cache or extracted and stored in it */
    guint evidence_limit;          /* with a cache: evidence each piece keeps per edge */
    gboolean keys_only;            /* with a cache: only compute each document's key, extract nothing */
    RelgraphProblemFunc problem;   /* NULL: problems are only counted */
    RelgraphProgressFunc progress; /* NULL: none */
    gpointer report_data;          /* for problem and progress */
} RelgraphPipelineOptions;

/* One document of a run, as the callback gets it. */
typedef struct {
    const RelgraphDocument *doc;
    const RelgraphExtractResult *result; /* without a cache; NULL with one */
    RelgraphGraph *piece;                /* with a cache: the document's graph, which the callback may
                                            take apart (relgraph_graph_merge); freed after it */
    gboolean cached;                     /* piece came from the cache */
    const char *key;                     /* its cache key, with a cache */
    const RelgraphPartInfo *info;        /* its counts (documents 1, sentences, mentions) */
} RelgraphPipelineDocument;

typedef void (*RelgraphPipelineFunc)(const RelgraphPipelineDocument *document, gpointer user_data);

/* What a run counted; the functions below add to it. */
typedef struct {
    guint documents;   /* documents read and extracted */
    guint failed;      /* paths or JSONL lines that could not be read */
    guint skipped;     /* files that are not documents */
    guint sentences;
    guint relations;   /* relation mentions */
    guint cached;      /* documents taken from the cache */
} RelgraphPipelineStats;

/* The sorted, duplicate-free document paths of the corpus arguments
 * (caller unrefs; the array owns its strings). Each argument is expanded
 * on its own, so that one missing path does not hide the others; its
 * problems go to options->problem and are counted in stats. stat_of, when
 * not NULL, gets path -> a copy of its GStatBuf as the walk took it (the
 * keys are the array's strings, the values g_free'd). */
GPtrArray *relgraph_pipeline_expand(const char *const *paths, guint n_paths, const RelgraphPipelineOptions *options,
                                    GHashTable *stat_of, RelgraphPipelineStats *stats);

/* Reads and extracts every document of paths (an expanded corpus),
 * options->jobs at a time, and calls fn for each in corpus order from the
 * calling thread. Problems go to options->problem from the calling thread
 * too: a document's (cannot be read, warnings) just before it would have
 * reached fn; a JSONL file's or line's that stops its reading (cannot be
 * opened, a line over RELGRAPH_DOCUMENT_MAX_BYTES) as the corpus is read,
 * which may be a few batches ahead of fn. What fn gets does not depend on
 * the number of threads. */
void relgraph_pipeline_run(const RelgraphRules *rules, const RelgraphExtractOptions *extract, GPtrArray *paths,
                           const RelgraphPipelineOptions *options, RelgraphPipelineFunc fn, gpointer user_data,
                           RelgraphPipelineStats *stats);

G_END_DECLS

#endif
