/* Corpus reading: path expansion and document preparation (see corpus.h).
 *
 * Preparation runs as a list of in-place passes over a private copy of the
 * bytes; every pass keeps the length, so offsets always point into the
 * original file. Add a pass to prepare_passes to handle a new case. */
#define _POSIX_C_SOURCE 200809L

#include "relgraph/corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "common_internal.h"

/* At most this many warnings per kind and document; then one summary. */
#define MAX_WARNINGS 10

/* ---- Path expansion ---------------------------------------------------- */

typedef struct {
    GArray *out;          /* RelgraphCorpusFile */
    GHashTable *visited;  /* "dev:ino" of directories already walked */
    GPtrArray *problems;  /* GError* below the paths given, or NULL */
    gboolean (*wanted)(const char *name); /* the files taken below a directory */
} Walk;

static void found(Walk *walk, char *path, const GStatBuf *st)
{
    RelgraphCorpusFile file = {path, {0}, st != NULL};
    if (st)
        file.st = *st;
    g_array_append_val(walk->out, file);
}

static gboolean has_extension(const char *name, const char *ext)
{
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    return dot && (!slash || dot > slash) && g_ascii_strcasecmp(dot + 1, ext) == 0;
}

/* .txt, .md and .jsonl, in any case ("NOTES.TXT" from a Windows share). */
static gboolean has_corpus_extension(const char *name)
{
    return has_extension(name, "txt") || has_extension(name, "md") || has_extension(name, "jsonl");
}

gboolean relgraph_corpus_is_jsonl(const char *path)
{
    return has_extension(path, "jsonl");
}

/* Returns FALSE when the directory was already walked (a symlink loop or a
 * second link to the same directory). */
static gboolean mark_visited(Walk *walk, const struct stat *st)
{
    char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
    if (g_hash_table_contains(walk->visited, key)) {
        g_free(key);
        return FALSE;
    }
    g_hash_table_add(walk->visited, key);
    return TRUE;
}

static gboolean io_error(GError **error, const char *path, int err)
{
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(err));
    return FALSE;
}

static void walk_problem(Walk *walk, RelgraphErrorCode code, const char *path, const char *what)
{
    if (walk->problems)
        g_ptr_array_add(walk->problems, g_error_new(RELGRAPH_ERROR, code, "%s: %s", path, what));
}

/* Entries are read in full and sorted before recursing, so that which of
 * two links to one directory gets walked does not depend on readdir order.
 * Entries are stat-ed relative to the open directory (a short lookup).
 * Returns 0, or the errno when dir_path itself cannot be read. */
static int walk_directory(Walk *walk, const char *dir_path)
{
    DIR *dir = opendir(dir_path);
    if (!dir)
        return errno;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    struct dirent *entry;
    errno = 0;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] != '.') /* hidden files, "." and ".." */
            g_ptr_array_add(names, g_strdup(entry->d_name));
        errno = 0;
    }
    int read_errno = errno;
    if (read_errno) {
        closedir(dir);
        g_ptr_array_unref(names);
        return read_errno;
    }
    g_ptr_array_sort(names, relgraph_compare_strings);

    int fd = dirfd(dir);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        char *child = g_build_filename(dir_path, name, NULL);
        GStatBuf st;
        /* Links are followed, so a link to a directory is walked (once). */
        if (fstatat(fd, name, &st, 0) != 0) {
            int err = errno;
            if (err == ENOENT || err == ELOOP) {
                struct stat lst;
                if (fstatat(fd, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode))
                    walk_problem(walk, RELGRAPH_ERROR_SKIPPED, child,
                                 err == ELOOP ? "symbolic link loop, skipped" : "broken symbolic link, skipped");
            } else {
                walk_problem(walk, RELGRAPH_ERROR_IO, child, g_strerror(err));
            }
        } else if (S_ISDIR(st.st_mode)) {
            int err = mark_visited(walk, &st) ? walk_directory(walk, child) : 0;
            if (err) /* the rest of the corpus still counts */
                walk_problem(walk, RELGRAPH_ERROR_IO, child, g_strerror(err));
        } else if (S_ISREG(st.st_mode) && walk->wanted(name)) {
            found(walk, child, &st);
            child = NULL;
        }
        g_free(child);
    }
    closedir(dir);
    g_ptr_array_unref(names);
    return 0;
}

static void corpus_file_clear(gpointer data)
{
    g_free(((RelgraphCorpusFile *)data)->path);
}

static gint compare_files(gconstpointer a, gconstpointer b)
{
    return strcmp(((const RelgraphCorpusFile *)a)->path, ((const RelgraphCorpusFile *)b)->path);
}

GArray *relgraph_corpus_expand_files(const char *const *paths, guint n_paths, GPtrArray *problems,
                                     GError **error)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(RelgraphCorpusFile));
    g_array_set_clear_func(out, corpus_file_clear);
    Walk walk = {out, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), problems, has_corpus_extension};
    /* Walk the arguments in sorted order too: with a shared visited set,
     * the result must not depend on the order they were given in. */
    const char **sorted = g_new(const char *, n_paths ? n_paths : 1);
    if (n_paths)
        memcpy(sorted, paths, n_paths * sizeof *sorted);
    qsort(sorted, n_paths, sizeof *sorted, relgraph_compare_strings);

    gboolean ok = TRUE;
    for (guint i = 0; ok && i < n_paths; i++) {
        const char *path = sorted[i];
        GStatBuf st;
        if (strcmp(path, "-") == 0) {
            found(&walk, g_strdup(path), NULL);
        } else if (g_stat(path, &st) != 0) {
            ok = io_error(error, path, errno);
        } else if (S_ISDIR(st.st_mode)) {
            int err = mark_visited(&walk, &st) ? walk_directory(&walk, path) : 0;
            if (err)
                ok = io_error(error, path, err);
        } else {
            found(&walk, g_strdup(path), &st); /* named files: any extension */
        }
    }
    g_free(sorted);
    g_hash_table_destroy(walk.visited);
    if (!ok) {
        g_array_unref(out);
        return NULL;
    }

    g_array_sort(out, compare_files);
    guint kept = 0;
    for (guint i = 0; i < out->len; i++) {
        RelgraphCorpusFile *file = &g_array_index(out, RelgraphCorpusFile, i);
        if (kept > 0 && strcmp(file->path, g_array_index(out, RelgraphCorpusFile, kept - 1).path) == 0) {
            g_free(file->path);
            continue;
        }
        g_array_index(out, RelgraphCorpusFile, kept++) = *file;
    }
    /* What is past kept was moved down or freed above. */
    for (guint i = kept; i < out->len; i++)
        g_array_index(out, RelgraphCorpusFile, i).path = NULL;
    g_array_set_size(out, kept);
    return out;
}

/* The paths of files, taken out of them (the array still needs freeing). */
static GPtrArray *take_paths(GArray *files)
{
    GPtrArray *out = g_ptr_array_new_full(files->len, g_free);
    for (guint i = 0; i < files->len; i++) {
        RelgraphCorpusFile *file = &g_array_index(files, RelgraphCorpusFile, i);
        g_ptr_array_add(out, file->path);
        file->path = NULL;
    }
    return out;
}

GPtrArray *relgraph_walk_directory(const char *dir, gboolean (*wanted)(const char *name), GPtrArray *problems,
                                   GError **error)
{
    GArray *files = g_array_new(FALSE, FALSE, sizeof(RelgraphCorpusFile));
    g_array_set_clear_func(files, corpus_file_clear);
    Walk walk = {files, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), problems, wanted};
    GStatBuf st;
    int err = g_stat(dir, &st) != 0 ? errno : 0;
    if (!err && mark_visited(&walk, &st))
        err = walk_directory(&walk, dir);
    g_hash_table_destroy(walk.visited);
    GPtrArray *out = NULL;
    if (err) {
        io_error(error, dir, err);
    } else {
        g_array_sort(files, compare_files);
        out = take_paths(files);
    }
    g_array_unref(files);
    return out;
}

GPtrArray *relgraph_corpus_expand(const char *const *paths, guint n_paths, GPtrArray *problems,
                                  GError **error)
{
    GArray *files = relgraph_corpus_expand_files(paths, n_paths, problems, error);
    if (!files)
        return NULL;
    GPtrArray *out = take_paths(files);
    g_array_unref(files);
    return out;
}

/* ---- Document preparation ---------------------------------------------- */

/* Length of the valid UTF-8 prefix of text[0, len) without NUL bytes:
 * where g_utf8_validate_len would stop. News text is mostly ASCII, so runs
 * of it are passed eight bytes at a time; other characters are checked one
 * by one with glib (overlong forms, surrogates and incomplete sequences are
 * invalid, as there). */
static gsize valid_utf8_prefix(const char *text, gsize len)
{
    const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080), ones = G_GUINT64_CONSTANT(0x0101010101010101);
    gsize pos = 0;
    while (pos < len) {
        if (pos + 8 <= len) {
            guint64 v;
            memcpy(&v, text + pos, sizeof v);
            /* No byte >= 0x80 and no zero byte: eight ASCII characters. */
            if (((v | ((v - ones) & ~v)) & high) == 0) {
                pos += 8;
                continue;
            }
        }
        guchar b = (guchar)text[pos];
        if (b == 0)
            return pos;
        if (b < 0x80) {
            pos++;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(text + pos, (gssize)(len - pos));
        if (c == (gunichar)-1 || c == (gunichar)-2)
            return pos;
        pos += (gsize)g_utf8_skip[b];
    }
    return pos;
}

/* Invalid UTF-8: each bad byte becomes '?', one warning per run of bad
 * bytes; NUL becomes ' ', one warning per document. */
static void prepare_encoding(RelgraphDocument *doc)
{
    char *text = doc->text;
    gsize len = doc->len, pos = 0, nuls = 0;
    guint runs = 0;
    gsize last_bad = G_MAXSIZE;
    while (pos < len) {
        pos += valid_utf8_prefix(text + pos, len - pos);
        if (pos == len)
            break;
        if (text[pos] == '\0') {
            if (!nuls++)
                g_ptr_array_add(doc->warnings, g_strdup_printf("%s: byte %" G_GSIZE_FORMAT ": NUL byte, replaced by a space",
                                                               doc->path, pos));
            text[pos++] = ' ';
            continue;
        }
        if (last_bad == G_MAXSIZE || last_bad + 1 != pos) {
            runs++;
            if (runs <= MAX_WARNINGS)
                g_ptr_array_add(doc->warnings,
                                g_strdup_printf("%s: byte %" G_GSIZE_FORMAT ": invalid UTF-8, replaced",
                                                doc->path, pos));
        }
        text[pos] = '?';
        last_bad = pos++;
    }
    if (nuls > 1)
        g_ptr_array_add(doc->warnings, g_strdup_printf("%s: %" G_GSIZE_FORMAT " more NUL byte%s replaced", doc->path,
                                                       nuls - 1, nuls > 2 ? "s" : ""));
    if (runs > MAX_WARNINGS)
        g_ptr_array_add(doc->warnings,
                        g_strdup_printf("%s: %u more invalid UTF-8 sequences replaced", doc->path,
                                        runs - MAX_WARNINGS));
}

/* Blanks text[from, to) with spaces, keeping line breaks so that the
 * sentence splitter still sees the lines. */
static void blank(char *text, gsize from, gsize to)
{
    for (gsize i = from; i < to; i++)
        if (text[i] != '\n' && text[i] != '\r')
            text[i] = ' ';
}

/* Longest link target we look at, so that a stray "](" costs little. */
#define MAX_TARGET 4096

/* Given text[open] == '(', returns the offset of the matching ')' on the
 * same line, or 0. */
static gsize target_end(const char *text, gsize open, gsize len)
{
    guint depth = 0;
    gsize limit = MIN(len, open + MAX_TARGET);
    for (gsize i = open; i < limit; i++) {
        char c = text[i];
        if (c == '\n' || c == '\r')
            return 0;
        if (c == '\\' && i + 1 < limit) {
            i++;
            continue;
        }
        if (c == '(')
            depth++;
        else if (c == ')' && --depth == 0)
            return i;
    }
    return 0;
}

/* The bytes prepare_markdown stops at; the rest is skipped by one table
 * lookup each. */
static const guint8 markdown_byte[256] = {['\\'] = 1, ['['] = 1, [']'] = 1, ['\n'] = 1};

/* Markdown "![alt](url)" is blanked whole; "[text](url)" keeps its text.
 * Brackets are matched with a stack (nested "[PHOTO]" inside alt text)
 * that is reset at blank lines, since links never span paragraphs.
 * Brackets not followed by "(" ("[YONHAP]") are left alone. */
static void prepare_markdown(RelgraphDocument *doc)
{
    char *text = doc->text;
    gsize len = doc->len;
    /* Nothing to do without a "](" (images and links alike end so): most
     * documents are passed over by memchr alone. */
    gboolean target = FALSE;
    for (const char *p = memchr(text, ']', len); p && !target; p = memchr(p + 1, ']', (gsize)(text + len - p - 1)))
        target = p + 1 < text + len && p[1] == '(';
    if (!target)
        return;
    GArray *opens = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (gsize i = 0; i < len; i++) {
        while (i < len && !markdown_byte[(guchar)text[i]])
            i++;
        if (i == len)
            break;
        char c = text[i];
        if (c == '\\' && i + 1 < len && (text[i + 1] == '[' || text[i + 1] == ']')) {
            i++;
        } else if (c == '[') {
            g_array_append_val(opens, i);
        } else if (c == '\n') {
            gsize k = i + 1;
            while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
                k++;
            if (k < len && text[k] == '\n')
                g_array_set_size(opens, 0);
        } else if (c == ']' && opens->len > 0) {
            gsize open = g_array_index(opens, gsize, opens->len - 1);
            g_array_set_size(opens, opens->len - 1);
            gsize close = i + 1 < len && text[i + 1] == '(' ? target_end(text, i + 1, len) : 0;
            if (!close)
                continue;
            if (open > 0 && text[open - 1] == '!') {
                blank(text, open - 1, close + 1);
            } else {
                text[open] = ' ';
                blank(text, i, close + 1);
            }
            i = close;
        }
    }
    g_array_unref(opens);
}

/* Sets the date, title or source a document was given ("path: what" names
 * it in warnings); a date that is not a calendar date is warned about and
 * left unknown. */
static void set_metadata(RelgraphDocument *doc, const char *where, const char *key, const char *value)
{
    if (strcmp(key, "date") == 0) {
        if (!relgraph_date_parse(value, doc->date))
            g_ptr_array_add(doc->warnings, g_strdup_printf("%s: date \"%s\" is not YYYY-MM-DD; ignored", where, value));
    } else if (strcmp(key, "title") == 0) {
        g_free(doc->title);
        doc->title = g_strdup(value);
    } else if (strcmp(key, "source") == 0) {
        g_free(doc->source);
        doc->source = g_strdup(value);
    }
}

/* Length of the line at text[pos] without its line break. */
static gsize line_length(const char *text, gsize pos, gsize len)
{
    const char *nl = memchr(text + pos, '\n', len - pos);
    gsize end = nl ? (gsize)(nl - text) : len;
    if (end > pos && text[end - 1] == '\r')
        end--;
    return end - pos;
}

/* Markdown front matter: "---" on the first line, "key: value" lines, and
 * "---" again. The keys relgraph knows are read; the whole block is
 * blanked, it is not text. Nothing happens without the closing line. */
static void prepare_front_matter(RelgraphDocument *doc)
{
    const char *text = doc->text;
    gsize len = doc->len;
    if (!has_extension(doc->path, "md") || len < 4 || strncmp(text, "---", 3) != 0 ||
        line_length(text, 0, len) != 3)
        return;
    gsize pos = 3;
    while (pos < len && text[pos] != '\n')
        pos++;
    GPtrArray *pairs = g_ptr_array_new_with_free_func(g_free);
    guint line = 1;
    gboolean closed = FALSE;
    while (++pos < len) {
        line++;
        gsize n = line_length(text, pos, len);
        char *l = g_strndup(text + pos, n);
        pos += n;
        while (pos < len && text[pos] != '\n')
            pos++;
        if (strcmp(g_strchomp(l), "---") == 0) {
            g_free(l);
            closed = TRUE;
            break;
        }
        char *colon = strchr(l, ':');
        if (colon) {
            *colon = '\0';
            char *value = g_strstrip(colon + 1);
            gsize vlen = strlen(value);
            /* YAML quoting, as front matter writers emit it. */
            if (vlen >= 2 && (value[0] == '"' || value[0] == '\'') && value[vlen - 1] == value[0]) {
                value[vlen - 1] = '\0';
                value++;
            }
            g_ptr_array_add(pairs, g_strdup_printf("%u", line));
            g_ptr_array_add(pairs, g_ascii_strdown(g_strstrip(l), -1));
            g_ptr_array_add(pairs, g_strdup(value));
        }
        g_free(l);
    }
    if (closed) {
        for (guint i = 0; i + 2 < pairs->len; i += 3) {
            char *where = g_strdup_printf("%s:%s", doc->path, (char *)g_ptr_array_index(pairs, i));
            set_metadata(doc, where, g_ptr_array_index(pairs, i + 1), g_ptr_array_index(pairs, i + 2));
            g_free(where);
        }
        blank(doc->text, 0, MIN(pos, len));
    }
    g_ptr_array_unref(pairs);
}

typedef void (*PreparePass)(RelgraphDocument *doc);

/* Encoding first: the later passes may assume valid UTF-8. */
static const PreparePass prepare_passes[] = {prepare_encoding, prepare_front_matter, prepare_markdown};

/* Takes ownership of text, which holds len bytes plus a terminating NUL. */
static RelgraphDocument *document_take(const char *id, const char *path, char *text, gsize len)
{
    RelgraphDocument *doc = g_new0(RelgraphDocument, 1);
    doc->id = g_strdup(id ? id : "stdin");
    doc->path = g_strdup(path ? path : doc->id);
    doc->text = text;
    doc->text[len] = '\0';
    doc->len = len;
    doc->warnings = g_ptr_array_new_with_free_func(g_free);
    for (gsize i = 0; i < G_N_ELEMENTS(prepare_passes); i++)
        prepare_passes[i](doc);
    gsize blank_prefix = 0;
    while (blank_prefix < doc->len && g_ascii_isspace(doc->text[blank_prefix]))
        blank_prefix++;
    if (blank_prefix == doc->len)
        g_ptr_array_add(doc->warnings, g_strdup_printf("%s: %s", doc->path, doc->len ? "no text" : "empty file"));
    return doc;
}

RelgraphDocument *relgraph_document_new(const char *id, const char *path, const char *bytes,
                                        gsize len)
{
    char *text = g_malloc(len + 1);
    if (len)
        memcpy(text, bytes, len);
    return document_take(id, path, text, len);
}

/* Base name without its last extension: "dir/a.b.txt" -> "a.b". */
static char *document_id(const char *path)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    return base;
}

char *relgraph_document_id(const char *path)
{
    return strcmp(path, "-") == 0 ? g_strdup("stdin") : document_id(path);
}

static gboolean fits(const char *path, guint64 size, GError **error)
{
    if (size <= RELGRAPH_DOCUMENT_MAX_BYTES)
        return TRUE;
    const double gib = (double)(G_GUINT64_CONSTANT(1) << 30);
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO,
                "%s: %.1f GiB, over the %.0f GiB a document may have; split it", path, (double)size / gib,
                (double)RELGRAPH_DOCUMENT_MAX_BYTES / gib);
    return FALSE;
}

RelgraphDocument *relgraph_document_load(const char *path, GError **error)
{
    char *bytes = NULL;
    gsize len = 0;
    gboolean is_stdin = strcmp(path, "-") == 0;
    /* Refused before reading when the size alone says it cannot be held. */
    if (!relgraph_read_file_checked(path, fits, &bytes, &len, error))
        return NULL;
    /* What grep and git call binary: a NUL byte near the start. */
    const char *nul = memchr(bytes, '\0', MIN(len, RELGRAPH_BINARY_PROBE_BYTES));
    if (nul) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_SKIPPED,
                    "%s: binary file (NUL byte at byte %" G_GSIZE_FORMAT "), skipped", path, (gsize)(nul - bytes));
        g_free(bytes);
        return NULL;
    }
    char *id = is_stdin ? g_strdup("stdin") : document_id(path);
    RelgraphDocument *doc = document_take(id, path, bytes, len);
    g_free(id);
    return doc;
}

void relgraph_document_free(RelgraphDocument *doc)
{
    if (!doc)
        return;
    g_free(doc->id);
    g_free(doc->path);
    g_free(doc->text);
    g_free(doc->title);
    g_free(doc->source);
    g_ptr_array_unref(doc->warnings);
    g_free(doc);
}

/* ---- JSONL documents --------------------------------------------------- */

/* A string member of obj, or NULL (with a warning) when it is something
 * else. */
static const char *string_member(JsonObject *obj, const char *name, GPtrArray *warnings, const char *where)
{
    JsonNode *node = json_object_get_member(obj, name);
    if (!node || JSON_NODE_HOLDS_NULL(node))
        return NULL;
    if (JSON_NODE_HOLDS_VALUE(node) && json_node_get_value_type(node) == G_TYPE_STRING)
        return json_node_get_string(node);
    g_ptr_array_add(warnings, g_strdup_printf("%s: \"%s\" is not a string; ignored", where, name));
    return NULL;
}

/* json-glib reports "<data>:LINE:COL: Parse error: ..."; relgraph wants
 * "path:line:col: ..." with the line of the file and the column in it. */
static void json_error(GError **error, const char *path, guint line, const GError *parse)
{
    const char *msg = parse->message;
    guint col = 1;
    const char *p = g_str_has_prefix(msg, "<data>:") ? msg + 7 : NULL;
    if (p) {
        char *end;
        g_ascii_strtoull(p, &end, 10); /* the line: always 1 here */
        if (*end == ':') {
            col = (guint)g_ascii_strtoull(end + 1, &end, 10);
            if (*end == ':')
                msg = end + 1 + (end[1] == ' ');
        }
    }
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:%u:%u: %s", path, line, col ? col : 1, msg);
}

/* Deeper than this a line is refused before it is parsed: json-glib's
 * parser recurses once per level and would run off the stack (100,000 "["
 * in a 200 KB line). A document is one flat object; 64 is plenty. */
#define MAX_JSON_DEPTH 64

/* One pass over a line before json-glib sees it, strings respected: FALSE
 * with error "path:line:col" at the first bracket nested deeper than
 * MAX_JSON_DEPTH. Each "\u0000" escape is counted in *nuls and, when copy
 * is given, rewritten in place to "\u0020" (same length, so columns stay
 * right): json-glib would hand back a string cut at the NUL. */
static gboolean scan_json_line(const char *bytes, gsize len, char *copy, guint *nuls, const char *path,
                               guint line, GError **error)
{
    guint depth = 0;
    gboolean in_string = FALSE;
    for (gsize i = 0; i < len; i++) {
        char c = bytes[i];
        if (in_string) {
            if (c == '"') {
                in_string = FALSE;
            } else if (c == '\\' && i + 1 < len) {
                if (bytes[i + 1] == 'u' && i + 5 < len && memcmp(bytes + i + 2, "0000", 4) == 0) {
                    (*nuls)++;
                    if (copy)
                        memcpy(copy + i + 2, "0020", 4);
                }
                i++; /* the escaped character, which may be a quote */
            }
        } else if (c == '"') {
            in_string = TRUE;
        } else if (c == '[' || c == '{') {
            if (++depth > MAX_JSON_DEPTH) {
                g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE,
                            "%s:%u:%" G_GSIZE_FORMAT ": nested deeper than %d levels", path, line, i + 1,
                            MAX_JSON_DEPTH);
                return FALSE;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return TRUE;
}

RelgraphDocument *relgraph_document_from_json(const char *path, guint line, const char *bytes, gsize len,
                                              GError **error)
{
    guint nuls = 0;
    if (!scan_json_line(bytes, len, NULL, &nuls, path, line, error))
        return NULL;
    char *where = g_strdup_printf("%s:%u", path, line);
    GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
    /* json-glib refuses invalid UTF-8: repair it first, as in text files. */
    char *copy = NULL;
    gsize valid = valid_utf8_prefix(bytes, len);
    if (nuls || valid < len) {
        copy = g_malloc(len + 1); /* not g_strndup: it stops at a NUL byte */
        memcpy(copy, bytes, len);
        copy[len] = '\0';
    }
    if (nuls) {
        /* As a NUL byte in a text file: a space, and a warning. */
        scan_json_line(bytes, len, copy, &(guint){0}, path, line, NULL);
        g_ptr_array_add(warnings, g_strdup_printf("%s: %u \\u0000 escape%s (NUL) replaced by a space", where, nuls,
                                                  nuls > 1 ? "s" : ""));
    }
    if (valid < len) {
        guint bad = 0;
        for (gsize pos = valid; pos < len;) {
            if (copy[pos] == '\0') {
                copy[pos] = ' ';
            } else {
                if (bad++ < MAX_WARNINGS)
                    g_ptr_array_add(warnings, g_strdup_printf("%s: byte %" G_GSIZE_FORMAT " of the line: invalid "
                                                              "UTF-8, replaced", where, pos));
                copy[pos] = '?';
            }
            pos++;
            pos += valid_utf8_prefix(copy + pos, len - pos);
        }
    }
    if (copy)
        bytes = copy;
    JsonParser *parser = json_parser_new_immutable();
    GError *parse = NULL;
    RelgraphDocument *doc = NULL;
    if (!json_parser_load_from_data(parser, bytes, (gssize)len, &parse)) {
        json_error(error, path, line, parse);
        g_error_free(parse);
        goto out;
    }
    JsonNode *root = json_parser_get_root(parser);
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:1: expected a JSON object per line", where);
        goto out;
    }
    JsonObject *obj = json_node_get_object(root);
    const char *text = string_member(obj, "text", warnings, where);
    if (!text) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_PARSE, "%s:1: no \"text\" string in this document", where);
        goto out;
    }
    const char *id = string_member(obj, "id", warnings, where);
    char *fallback = NULL;
    if (!id || !*id) {
        char *file_id = document_id(path);
        id = fallback = g_strdup_printf("%s:%u", file_id, line);
        g_free(file_id);
    }
    doc = relgraph_document_new(id, where, text, strlen(text));
    g_free(fallback);
    static const char *const keys[] = {"date", "title", "source"};
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        const char *value = string_member(obj, keys[i], warnings, where);
        if (value)
            set_metadata(doc, where, keys[i], value);
    }
    /* The line's own warnings first, as they were found first. */
    for (guint i = 0; i < warnings->len; i++)
        g_ptr_array_insert(doc->warnings, (gint)i, g_strdup(g_ptr_array_index(warnings, i)));
out:
    g_object_unref(parser);
    g_ptr_array_unref(warnings);
    g_free(copy);
    g_free(where);
    return doc;
}
