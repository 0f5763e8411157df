/* The corpus pipeline: documents read, extracted (or taken from the cache)
 * on a pool of threads, and handed to the caller in corpus order.
 *
 * The calling thread produces work items (a file to read, or one line of a
 * JSONL file) into a ring of slots and offers them BATCH at a time; the
 * pool's threads and the calling thread itself claim batches in order and
 * process them, and the calling thread consumes the finished slots in
 * order. With N jobs the pool has N - 1 threads, so that N threads share
 * N cores: a third thread woken for every batch to consume it would take
 * its core from a worker each time. At most `capacity` items are in
 * flight, so memory stays flat however large the corpus. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relgraph/pipeline.h"
#include "signal_stack.h"
#include "common_internal.h"

/* Items are claimed BATCH at a time, and the calling thread is woken once
 * a batch is done, not per document: fewer context switches, and fewer
 * times the lock is taken. */
#define BATCH 16

typedef struct {
    const char *path;      /* the file, or the JSONL file the line is from */
    char *line;            /* a JSONL line (owned), or NULL: read the file */
    gsize line_len;        /* its bytes, which may hold NUL bytes */
    guint lineno;
    RelgraphDocument *doc;
    RelgraphExtractResult *result;
    RelgraphGraph *piece;  /* with a cache: the document's graph */
    RelgraphPartInfo info; /* its counts */
    gboolean cached;
    char key[RELGRAPH_CACHE_KEY_SIZE];
    GError *error;         /* why the document could not be read */
    GError *cache_error;   /* a damaged entry or a failed write: a warning */
    gboolean finished;
    struct Worker *maker;  /* the pool thread that processed it; NULL: the calling thread */
} Slot;

/* A pool thread's share of the run: the documents it made that the
 * calling thread has used, for it to free. Memory goes back to the malloc
 * arena of the thread that allocated it, and freeing into another thread's
 * arena takes that arena's lock: 3 % of a --jobs 2 run when the calling
 * thread freed everything. */
typedef struct Worker {
    GArray *used;          /* Slot */
} Worker;

typedef struct {
    const RelgraphRules *rules;
    const RelgraphExtractOptions *extract;
    const RelgraphPipelineOptions *options;
    Slot *ring;
    guint capacity;
    GMutex lock;
    GCond done;
    guint64 offered;       /* items before this one may be claimed */
    guint64 claimed;       /* items before this one are claimed */
    guint64 waiting_for;   /* the item the calling thread waits for */
    GHashTable *workers;   /* GThread* -> Worker*, the pool threads met so far */
} Pipeline;

static Slot *slot_at(Pipeline *pl, guint64 index)
{
    return &pl->ring[index % pl->capacity];
}

/* Reads, keys and extracts one item; runs on a pool thread or inline. */
static void process(Pipeline *pl, Slot *slot)
{
    slot->doc = slot->line ? relgraph_document_from_json(slot->path, slot->lineno, slot->line, slot->line_len,
                                                         &slot->error)
                           : relgraph_document_load(slot->path, &slot->error);
    g_clear_pointer(&slot->line, g_free);
    if (!slot->doc)
        return;
    RelgraphCache *cache = pl->options->cache;
    if (!cache) {
        slot->result = relgraph_extract_document(pl->rules, slot->doc, pl->extract);
        slot->info = (RelgraphPartInfo){1, slot->result->n_sentences, slot->result->relations->len, 0};
        return;
    }
    char *key = slot->key;
    relgraph_cache_key(cache, slot->doc, key);
    if (pl->options->keys_only)
        return;
    gboolean damaged = FALSE;
    if ((slot->piece = relgraph_cache_get(cache, key, &slot->info, &damaged, &slot->cache_error))) {
        slot->cached = TRUE;
        return;
    }
    slot->piece = relgraph_graph_new();
    relgraph_graph_set_evidence_limit(slot->piece, pl->options->evidence_limit);
    RelgraphExtractResult *result = relgraph_extract_document(pl->rules, slot->doc, pl->extract);
    relgraph_extract_add_to_graph(slot->doc, result, slot->piece);
    slot->info = (RelgraphPartInfo){1, result->n_sentences, result->relations->len, pl->options->evidence_limit};
    relgraph_extract_result_free(result);
    /* A damaged entry's error is the one worth reporting. */
    relgraph_cache_put(cache, key, slot->piece, &slot->info, slot->cache_error ? NULL : &slot->cache_error);
}

/* Claims the next (at most) size offered items, in order: [*first, *first +
 * count). 0 when every offered item is claimed. Called with the lock held. */
static guint claim_batch(Pipeline *pl, guint size, guint64 *first)
{
    guint count = (guint)MIN((guint64)size, pl->offered - pl->claimed);
    *first = pl->claimed;
    pl->claimed += count;
    return count;
}

/* Processes a claimed batch and marks it finished; the calling thread, if
 * it waits for an item of it, is woken once the whole batch is done. */
static void process_claimed(Pipeline *pl, Worker *maker, guint64 first, guint count)
{
    for (guint64 i = first; i < first + count; i++) {
        Slot *slot = slot_at(pl, i);
        process(pl, slot);
        slot->maker = maker;
    }
    g_mutex_lock(&pl->lock);
    for (guint64 i = first; i < first + count; i++)
        slot_at(pl, i)->finished = TRUE;
    if (pl->waiting_for >= first && pl->waiting_for < first + count)
        g_cond_signal(&pl->done);
    g_mutex_unlock(&pl->lock);
}

static void slot_free_contents(Slot *slot)
{
    g_clear_pointer(&slot->result, relgraph_extract_result_free);
    g_clear_pointer(&slot->doc, relgraph_document_free);
    g_clear_pointer(&slot->piece, relgraph_graph_free);
}

static void free_used(GArray *used)
{
    for (guint i = 0; i < used->len; i++)
        slot_free_contents(&g_array_index(used, Slot, i));
    g_array_unref(used);
}

static void worker_free(gpointer data)
{
    Worker *worker = data;
    free_used(worker->used);
    g_free(worker);
}

/* The calling thread is done with slot: its contents are freed here, or
 * handed back to the pool thread that made them. */
static void slot_release(Pipeline *pl, Slot *slot)
{
    if (slot->maker && (slot->doc || slot->result || slot->piece)) {
        g_mutex_lock(&pl->lock);
        g_array_append_val(slot->maker->used, *slot);
        g_mutex_unlock(&pl->lock);
    } else {
        slot_free_contents(slot);
    }
    *slot = (Slot){0};
}

/* A pool task: one batch offered. The calling thread may have claimed it
 * already, then there is nothing left to do but free what it handed back. */
static void process_offered(gpointer data, gpointer user_data)
{
    (void)data;
    relgraph_signal_stack_ensure();
    Pipeline *pl = user_data;
    g_mutex_lock(&pl->lock);
    Worker *self = g_hash_table_lookup(pl->workers, g_thread_self());
    if (!self) {
        self = g_new0(Worker, 1);
        self->used = g_array_new(FALSE, FALSE, sizeof(Slot));
        g_hash_table_insert(pl->workers, g_thread_self(), self);
    }
    GArray *used = self->used;
    self->used = g_array_new(FALSE, FALSE, sizeof(Slot));
    guint64 first;
    guint count = claim_batch(pl, BATCH, &first);
    g_mutex_unlock(&pl->lock);
    free_used(used);
    if (count)
        process_claimed(pl, self, first, count);
}

/* Hands problem to the caller and frees it; level says what it counts as. */
static void report(const RelgraphPipelineOptions *options, RelgraphProblemLevel level, GError *problem)
{
    if (options->problem)
        options->problem(level, problem, options->report_data);
    g_error_free(problem);
}

/* A problem with a path or a line: a file that is not a document is
 * skipped, any other problem is a failure. */
static void report_path_problem(const RelgraphPipelineOptions *options, GError *problem,
                                RelgraphPipelineStats *stats)
{
    if (g_error_matches(problem, RELGRAPH_ERROR, RELGRAPH_ERROR_SKIPPED)) {
        stats->skipped++;
        report(options, RELGRAPH_PROBLEM_SKIPPED, problem);
    } else {
        stats->failed++;
        report(options, RELGRAPH_PROBLEM_FAILED, problem);
    }
}

/* ---- The items of a corpus ------------------------------------------------ */

typedef struct {
    GPtrArray *paths;      /* expanded, sorted */
    guint next_path;
    FILE *jsonl;           /* the JSONL file being read, or NULL */
    const char *jsonl_path;
    guint lineno;
    char *buf;             /* getline's buffer */
    size_t buf_size;
    const RelgraphPipelineOptions *options;
    RelgraphPipelineStats *stats;
} Source;

/* An item that could not be read: "path: message" or "path:line: message". */
static void source_failed(Source *src, GError *problem)
{
    report_path_problem(src->options, problem, src->stats);
}

static gboolean source_is_jsonl(const Source *src, const char *path)
{
    return strcmp(path, "-") == 0 ? src->options->stdin_jsonl : relgraph_corpus_is_jsonl(path);
}

/* getline with a limit: a line longer than a document may be is not read
 * to its end, which an endless stream (yes | tr -d '\n') never reaches.
 * -1 at the end of the file, -2 over the limit. */
static ssize_t read_line(Source *src)
{
    gsize n = 0;
    int c;
    while ((c = getc_unlocked(src->jsonl)) != EOF) {
        if (n >= RELGRAPH_DOCUMENT_MAX_BYTES && c != '\n')
            return -2;
        if (n + 2 > src->buf_size) {
            src->buf_size = (gsize)MIN(MAX(src->buf_size * 2, 4096), RELGRAPH_DOCUMENT_MAX_BYTES + 2);
            src->buf = g_realloc(src->buf, src->buf_size);
        }
        src->buf[n++] = (char)c;
        if (c == '\n')
            break;
    }
    if (n == 0 && c == EOF)
        return -1;
    src->buf[n] = '\0';
    return (ssize_t)n;
}

/* Fills slot with the next item; FALSE at the end of the corpus. */
static gboolean source_next(Source *src, Slot *slot)
{
    for (;;) {
        if (src->jsonl) {
            ssize_t n = read_line(src);
            if (n == -2) {
                source_failed(src, g_error_new(RELGRAPH_ERROR, RELGRAPH_ERROR_IO,
                                               "%s:%u: line over the %u GiB a document may have; the rest of the "
                                               "file is not read", src->jsonl_path, src->lineno + 1,
                                               (guint)(RELGRAPH_DOCUMENT_MAX_BYTES >> 30)));
                n = -1;
            } else if (n >= 0) {
                src->lineno++;
                while (n > 0 && (src->buf[n - 1] == '\n' || src->buf[n - 1] == '\r'))
                    src->buf[--n] = '\0';
                gsize blank = strspn(src->buf, " \t");
                if ((gsize)n == blank)
                    continue; /* blank lines separate nothing: skipped */
                *slot = (Slot){.path = src->jsonl_path, .line = g_memdup2(src->buf, (gsize)n + 1),
                               .line_len = (gsize)n, .lineno = src->lineno};
                return TRUE;
            }
            if (n == -1 && ferror(src->jsonl))
                source_failed(src, g_error_new(RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", src->jsonl_path,
                                               g_strerror(errno)));
            if (src->jsonl != stdin)
                fclose(src->jsonl);
            src->jsonl = NULL;
        }
        if (src->next_path >= src->paths->len)
            return FALSE;
        const char *path = g_ptr_array_index(src->paths, src->next_path++);
        if (!source_is_jsonl(src, path)) {
            *slot = (Slot){.path = path};
            return TRUE;
        }
        src->jsonl = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
        src->jsonl_path = path;
        src->lineno = 0;
        if (!src->jsonl)
            source_failed(src, g_error_new(RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(errno)));
    }
}


GPtrArray *relgraph_pipeline_expand(const char *const *paths, guint n_paths, const RelgraphPipelineOptions *options,
                                    GHashTable *stat_of, RelgraphPipelineStats *stats)
{
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < n_paths; i++) {
        GError *error = NULL;
        GPtrArray *problems = g_ptr_array_new();
        GArray *found = relgraph_corpus_expand_files(&paths[i], 1, problems, &error);
        for (guint j = 0; j < problems->len; j++)
            report_path_problem(options, g_ptr_array_index(problems, j), stats);
        g_ptr_array_unref(problems);
        if (!found) {
            report_path_problem(options, error, stats);
            continue;
        }
        for (guint j = 0; j < found->len; j++) {
            RelgraphCorpusFile *file = &g_array_index(found, RelgraphCorpusFile, j);
            if (g_hash_table_contains(seen, file->path))
                continue;
            g_hash_table_add(seen, file->path);
            g_ptr_array_add(all, file->path);
            if (stat_of && file->statted)
                g_hash_table_insert(stat_of, file->path, g_memdup2(&file->st, sizeof file->st));
            file->path = NULL; /* now all's */
        }
        g_array_unref(found);
    }
    g_hash_table_destroy(seen);
    g_ptr_array_sort(all, relgraph_compare_strings);
    return all;
}

/* ---- The run ---------------------------------------------------------------- */

/* A remark about a document or the run, which counts as nothing. */
static void warn(const RelgraphPipelineOptions *options, GQuark domain, gint code, const char *format, ...)
    G_GNUC_PRINTF(4, 5);

static void warn(const RelgraphPipelineOptions *options, GQuark domain, gint code, const char *format, ...)
{
    if (!options->problem)
        return;
    va_list args;
    va_start(args, format);
    GError *problem = g_error_new_valist(domain, code, format, args);
    va_end(args);
    report(options, RELGRAPH_PROBLEM_WARNING, problem);
}

/* Uses a finished slot on the calling thread. */
static void consume(const RelgraphPipelineOptions *options, Slot *slot, RelgraphPipelineFunc fn, gpointer user_data,
                    RelgraphPipelineStats *stats)
{
    if (slot->cache_error) {
        warn(options, slot->cache_error->domain, slot->cache_error->code, "%s%s", slot->cache_error->message,
             slot->cached ? "" : "; the document was extracted again");
        g_clear_error(&slot->cache_error);
    }
    if (!slot->doc) {
        report_path_problem(options, g_steal_pointer(&slot->error), stats);
        return;
    }
    for (guint w = 0; w < slot->doc->warnings->len; w++)
        warn(options, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s", (const char *)g_ptr_array_index(slot->doc->warnings, w));
    stats->documents++;
    stats->sentences += slot->info.sentences;
    stats->relations += slot->info.mentions;
    if (slot->cached)
        stats->cached++;
    RelgraphPipelineDocument d = {slot->doc, slot->result, slot->piece, slot->cached,
                                  slot->key[0] ? slot->key : NULL, &slot->info};
    fn(&d, user_data);
}

/* A document's id is its file name without extension: two files of one
 * name in different directories (a/report.txt, b/report.md) would be one
 * document in every output's document lists. Said once per id, before the
 * run. (An id with ";" is written percent-encoded in the lists that ";"
 * separates: relgraph_export_append_document_list.) */
typedef struct {
    GHashTable *first; /* id -> the path of its first document (both owned) */
    GHashTable *told;  /* ids warned about (the keys of first) */
} IdTable;

static void warn_shared_id(const RelgraphPipelineOptions *options, IdTable *ids, const char *id, const char *path)
{
    const char *other = NULL;
    char *first_id = NULL;
    if (!g_hash_table_lookup_extended(ids->first, id, (gpointer *)&first_id, (gpointer *)&other)) {
        g_hash_table_insert(ids->first, g_strdup(id), g_strdup(path));
        return;
    }
    if (g_hash_table_contains(ids->told, first_id))
        return;
    warn(options, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE,
         "%s and %s have one document id, \"%s\": outputs cannot tell them apart; rename one", other, path, id);
    g_hash_table_add(ids->told, first_id);
}

static void id_table_free(IdTable *ids)
{
    if (!ids)
        return;
    g_hash_table_destroy(ids->told);
    g_hash_table_destroy(ids->first);
    g_free(ids);
}

/* Files' ids are known before the run and said then; JSONL lines' ids
 * ("id", or FILE:LINE) as the lines are read: the table is returned for
 * that when the corpus has JSONL (NULL otherwise, and when quiet). */
static IdTable *warn_ambiguous_ids(const Source *src, gboolean any_jsonl)
{
    if (src->options->quiet)
        return NULL;
    IdTable *ids = g_new(IdTable, 1);
    ids->first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ids->told = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < src->paths->len; i++) {
        const char *path = g_ptr_array_index(src->paths, i);
        if (source_is_jsonl(src, path))
            continue;
        char *id = relgraph_document_id(path);
        warn_shared_id(src->options, ids, id, path);
        g_free(id);
    }
    if (any_jsonl)
        return ids;
    id_table_free(ids);
    return NULL;
}

/* The pool of jobs - 1 threads (the calling thread is one of the jobs), or
 * NULL when it has none. */
static GThreadPool *start_pool(Pipeline *pl, guint jobs)
{
    if (jobs < 2)
        return NULL;
    GError *thread_error = NULL;
    GThreadPool *pool = g_thread_pool_new(process_offered, pl, (gint)jobs - 1, TRUE, &thread_error);
    if (!thread_error)
        return pool;
    /* Threads that could not be created (out of memory or of the process
     * limit): the others, and this one, do their work; with none, a pool
     * would wait forever for work nobody takes. */
    guint started = pool ? g_thread_pool_get_num_threads(pool) : 0;
    if (!pl->options->quiet)
        warn(pl->options, thread_error->domain, thread_error->code,
             "%u of %u extraction threads started (%s); the outputs are the same", started + 1, jobs,
             thread_error->message);
    g_error_free(thread_error);
    if (pool && !started) {
        g_thread_pool_free(pool, TRUE, FALSE);
        pool = NULL;
    }
    return pool;
}

void relgraph_pipeline_run(const RelgraphRules *rules, const RelgraphExtractOptions *extract, GPtrArray *paths,
                           const RelgraphPipelineOptions *options, RelgraphPipelineFunc fn, gpointer user_data,
                           RelgraphPipelineStats *stats)
{
    Source src = {.paths = paths, .options = options, .stats = stats};
    gboolean any_jsonl = FALSE;
    for (guint i = 0; i < src.paths->len && !any_jsonl; i++)
        any_jsonl = source_is_jsonl(&src, g_ptr_array_index(src.paths, i));
    IdTable *ids = warn_ambiguous_ids(&src, any_jsonl);
    guint total = any_jsonl ? 0 : src.paths->len; /* 0: not known in advance */

    guint jobs = options->jobs > 0 ? MIN(options->jobs, RELGRAPH_PIPELINE_MAX_JOBS) : g_get_num_processors();
    Pipeline pl = {rules, extract, options, NULL, MAX(jobs, 2) * 2 * BATCH, {0}, {0}, 0, 0, G_MAXUINT64, NULL};
    pl.workers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, worker_free);
    pl.ring = g_new0(Slot, pl.capacity);
    g_mutex_init(&pl.lock);
    g_cond_init(&pl.done);
    GThreadPool *pool = start_pool(&pl, jobs);
    if (options->progress)
        options->progress(0, total, FALSE, options->report_data);

    guint64 produced = 0, consumed = 0, offered = 0;
    gboolean more = TRUE;
    for (;;) {
        while (more && produced - consumed < pl.capacity) {
            more = source_next(&src, slot_at(&pl, produced));
            if (more)
                produced++;
            if (produced - offered == BATCH || (!more && produced > offered)) {
                g_mutex_lock(&pl.lock);
                pl.offered = offered = produced;
                g_mutex_unlock(&pl.lock);
                if (pool)
                    g_thread_pool_push(pool, GUINT_TO_POINTER(1), NULL);
            }
        }
        if (consumed == produced)
            break;
        /* Until the next item is done: work on the next batch nobody has
         * claimed (with the ring full before a whole batch, what there
         * is), or wait for the thread that has it. */
        Slot *slot = slot_at(&pl, consumed);
        g_mutex_lock(&pl.lock);
        while (!slot->finished) {
            if (pl.claimed == pl.offered)
                pl.offered = offered = produced;
            guint64 first;
            /* Alone, one document at a time: read, extracted and used
             * while its text is still in the cache. */
            guint count = claim_batch(&pl, pool ? BATCH : 1, &first);
            if (count) {
                g_mutex_unlock(&pl.lock);
                process_claimed(&pl, NULL, first, count);
                g_mutex_lock(&pl.lock);
            } else {
                pl.waiting_for = consumed;
                g_cond_wait(&pl.done, &pl.lock);
            }
        }
        g_mutex_unlock(&pl.lock);
        if (ids && slot->doc && slot->lineno) /* a JSONL line's document */
            warn_shared_id(options, ids, slot->doc->id, slot->doc->path);
        consume(options, slot, fn, user_data, stats);
        slot_release(&pl, slot);
        consumed++;
        if (options->progress)
            options->progress(consumed, total, !more && consumed == produced, options->report_data);
    }
    if (pool)
        g_thread_pool_free(pool, FALSE, TRUE);
    id_table_free(ids);
    g_hash_table_destroy(pl.workers); /* what the last batches handed back */
    g_free(pl.ring);
    g_mutex_clear(&pl.lock);
    g_cond_clear(&pl.done);
    g_free(src.buf);
}
