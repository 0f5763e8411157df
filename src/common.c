/* Shared definitions: error domain, type and polarity names, atomic output. */
#define _XOPEN_SOURCE 700 /* realpath */

#include "common_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

G_DEFINE_QUARK(relgraph-error-quark, relgraph_error)

const char *relgraph_actor_type_name(RelgraphActorType type)
{
    switch (type) {
    case RELGRAPH_ACTOR_STATE: return "state";
    case RELGRAPH_ACTOR_OFFICIAL: return "official";
    case RELGRAPH_ACTOR_INSTITUTION: return "institution";
    }
    return NULL;
}

RelgraphActorType relgraph_actor_type_from_name(const char *name)
{
    if (strcmp(name, "state") == 0) return RELGRAPH_ACTOR_STATE;
    if (strcmp(name, "official") == 0) return RELGRAPH_ACTOR_OFFICIAL;
    if (strcmp(name, "institution") == 0) return RELGRAPH_ACTOR_INSTITUTION;
    return 0;
}

static const char *const polarity_names[] = {"neutral", "cooperative", "conflictual"};

const char *relgraph_polarity_name(RelgraphPolarity polarity)
{
    return polarity_names[polarity];
}

gboolean relgraph_polarity_from_name(const char *name, RelgraphPolarity *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(polarity_names); i++) {
        if (strcmp(name, polarity_names[i]) == 0) {
            *out = (RelgraphPolarity)i;
            return TRUE;
        }
    }
    return FALSE;
}

gboolean relgraph_date_parse(const char *text, char out[RELGRAPH_DATE_SIZE])
{
    out[0] = '\0';
    if (!text)
        return FALSE;
    for (int i = 0; i < 10; i++) {
        gboolean dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : !g_ascii_isdigit(text[i]))
            return FALSE;
    }
    if (text[10] && text[10] != 'T' && text[10] != ' ')
        return FALSE;
    int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
    if (year < 1 || !g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
        return FALSE;
    memcpy(out, text, 10);
    out[10] = '\0';
    return TRUE;
}

/* Whether a stream of size bytes is within max; sets error when not. */
static gboolean within(const char *path, guint64 size, guint64 max, GError **error)
{
    if (size <= max)
        return TRUE;
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: over %" G_GUINT64_FORMAT " bytes, the most read from it",
                path, max);
    return FALSE;
}

/* Reads all of fd into a NUL-terminated buffer; 0 or an errno, or -1 when
 * check or max refused the size (the error set). A regular file is read
 * into a buffer of its size, without copies, once that size is accepted. */
static int read_all(int fd, const char *path, RelgraphSizeCheck check, guint64 max, char **bytes, gsize *len,
                    GError **error)
{
    struct stat st;
    gboolean regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular && ((check && !check(path, (guint64)st.st_size, error)) ||
                    !within(path, (guint64)st.st_size, max, error)))
        return -1;
    gsize cap = regular && st.st_size > 0 ? (gsize)st.st_size + 1 : 65536;
    gsize used = 0;
    char *data = g_malloc(cap + 1);
    for (;;) {
        if (used == cap) {
            /* A stream (standard input, a pipe, /dev/zero) has no size to
             * check first: it is checked as it grows, and reading stops at
             * the limit rather than at the end of an endless stream. */
            guint64 more = (guint64)cap + 1;
            if ((check && !check(path, more, NULL)) || more > max) {
                char probe;
                ssize_t n;
                while ((n = read(fd, &probe, 1)) < 0 && errno == EINTR)
                    ;
                if (n > 0) {
                    if (!check || check(path, more, error))
                        within(path, more, max, error);
                    g_free(data);
                    return -1;
                }
                if (n == 0)
                    break;
                int err = errno;
                g_free(data);
                return err;
            }
            cap = (gsize)MIN((guint64)cap * 2, max);
            data = g_realloc(data, cap + 1);
        }
        ssize_t n = read(fd, data + used, cap - used);
        if (n > 0)
            used += (gsize)n;
        else if (n == 0)
            break;
        else if (errno != EINTR) {
            int err = errno;
            g_free(data);
            return err;
        }
    }
    /* Standard input, or a file that grew while it was read. */
    if ((check && !check(path, used, error)) || !within(path, used, max, error)) {
        g_free(data);
        return -1;
    }
    data[used] = '\0';
    *bytes = data;
    *len = used;
    return 0;
}

gboolean relgraph_read_file_checked(const char *path, RelgraphSizeCheck check, char **bytes, gsize *len,
                                    GError **error)
{
    gboolean is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    int err = fd < 0 ? errno : read_all(fd, path, check, G_MAXUINT64, bytes, len, error);
    if (fd >= 0 && !is_stdin)
        close(fd);
    if (err > 0) {
        /* "path: Permission denied", as cat and grep say it. */
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(err));
        return FALSE;
    }
    return err == 0;
}

gboolean relgraph_read_regular_file(const char *path, guint64 max, char **bytes, gsize *len, gboolean *missing,
                                    GError **error)
{
    if (missing)
        *missing = FALSE;
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    int err = fd < 0 ? errno : 0;
    if (!err && fstat(fd, &st) != 0)
        err = errno;
    if (!err && !S_ISREG(st.st_mode)) {
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: not a regular file", path);
        close(fd);
        return FALSE;
    }
    if (!err && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
        err = errno;
    if (!err)
        err = read_all(fd, path, NULL, max, bytes, len, error);
    if (fd >= 0)
        close(fd);
    if (err > 0) {
        if (missing)
            *missing = err == ENOENT;
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(err));
    }
    return err == 0;
}

gboolean relgraph_read_file(const char *path, char **bytes, gsize *len, GError **error)
{
    return relgraph_read_file_checked(path, NULL, bytes, len, error);
}

struct RelgraphAtomicFile {
    char *path;      /* as given, for messages */
    char *replaced;  /* the file the temporary one replaces: path, or the file a link points to */
    char *temp;
    FILE *stream;
    int write_errno; /* first failed write, 0 while all is well */
};

/* Whether output to path must be written in place rather than replaced:
 * a device or a pipe cannot be replaced; /dev and /proc hold links
 * (/dev/stdout, /dev/fd/N) to whatever the shell opened, which must be
 * written through, never renamed over; and a link that points nowhere
 * yet is written through, which creates the file it names. */
static gboolean written_in_place(const char *path)
{
    GStatBuf st;
    if (g_stat(path, &st) == 0)
        return (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) || g_str_has_prefix(path, "/dev/") ||
               g_str_has_prefix(path, "/proc/");
    return g_lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

RelgraphAtomicFile *relgraph_atomic_file_open(const char *path, GError **error)
{
    g_return_val_if_fail(path, NULL);
    if (strcmp(path, "-") == 0) {
        RelgraphAtomicFile *file = g_new0(RelgraphAtomicFile, 1);
        file->path = g_strdup("standard output");
        file->stream = stdout;
        return file;
    }
    if (written_in_place(path)) {
        FILE *stream = fopen(path, "w");
        if (!stream) {
            g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", path, g_strerror(errno));
            return NULL;
        }
        RelgraphAtomicFile *file = g_new0(RelgraphAtomicFile, 1);
        file->path = g_strdup(path);
        file->stream = stream;
        return file;
    }
    /* A symbolic link is followed: the file it points to is replaced and
     * the link kept, as an editor saves through it. */
    char *target = realpath(path, NULL);
    GStatBuf lst;
    const char *replaced = target && g_lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) ? target : path;
    char *temp = g_strconcat(replaced, ".XXXXXX", NULL);
    int fd = g_mkstemp_full(temp, O_WRONLY, 0644);
    /* The file replaced keeps its mode: a 0600 figure stays private. */
    GStatBuf old;
    if (fd >= 0 && g_stat(replaced, &old) == 0 && S_ISREG(old.st_mode))
        fchmod(fd, old.st_mode & 07777);
    FILE *stream = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!stream) {
        int saved = errno;
        if (fd >= 0) {
            close(fd);
            g_unlink(temp);
        }
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: cannot create a temporary file: %s", path,
                    g_strerror(saved));
        g_free(temp);
        free(target);
        return NULL;
    }
    RelgraphAtomicFile *file = g_new0(RelgraphAtomicFile, 1);
    file->path = g_strdup(path);
    file->replaced = g_strdup(replaced);
    file->temp = temp;
    file->stream = stream;
    free(target);
    return file;
}

gboolean relgraph_atomic_file_write(RelgraphAtomicFile *file, const char *data, gsize len)
{
    if (file->write_errno == 0 && len > 0 && fwrite(data, 1, len, file->stream) != len)
        file->write_errno = errno ? errno : EIO;
    return file->write_errno == 0;
}

static void atomic_file_free(RelgraphAtomicFile *file)
{
    g_free(file->path);
    g_free(file->replaced);
    g_free(file->temp);
    g_free(file);
}

void relgraph_atomic_file_abort(RelgraphAtomicFile *file)
{
    if (!file)
        return;
    if (file->stream && file->stream != stdout)
        fclose(file->stream);
    if (file->temp)
        g_unlink(file->temp);
    atomic_file_free(file);
}

/* Not g_file_set_contents: it would rename its temporary file over a
 * device such as /dev/full or /dev/stdout. */
gboolean relgraph_write_file_atomic(const char *path, const char *data, gsize len, GError **error)
{
    RelgraphAtomicFile *file = relgraph_atomic_file_open(path, error);
    if (!file)
        return FALSE;
    relgraph_atomic_file_write(file, data, len);
    return relgraph_atomic_file_commit(file, error);
}

gboolean relgraph_atomic_file_finish(RelgraphAtomicFile *file, GError **error)
{
    g_return_val_if_fail(file && file->stream, FALSE);
    int failed = file->write_errno;
    if (!failed && fflush(file->stream) != 0)
        failed = errno;
    /* On disk before the rename, or a crash could leave an empty file. */
    if (!failed && file->temp && fsync(fileno(file->stream)) != 0)
        failed = errno;
    if (file->stream != stdout && fclose(file->stream) != 0 && !failed)
        failed = errno;
    file->stream = NULL;
    if (failed) {
        if (file->temp)
            g_unlink(file->temp);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", file->path, g_strerror(failed));
        atomic_file_free(file);
        return FALSE;
    }
    return TRUE;
}

gboolean relgraph_atomic_file_rename(RelgraphAtomicFile *file, GError **error)
{
    g_return_val_if_fail(file && !file->stream, FALSE);
    int failed = 0;
    if (file->temp && g_rename(file->temp, file->replaced) != 0) {
        failed = errno;
        g_unlink(file->temp);
        g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: %s", file->path, g_strerror(failed));
    }
    atomic_file_free(file);
    return !failed;
}

gboolean relgraph_atomic_file_commit(RelgraphAtomicFile *file, GError **error)
{
    g_return_val_if_fail(file, FALSE);
    return relgraph_atomic_file_finish(file, error) && relgraph_atomic_file_rename(file, error);
}

const char *relgraph_format_uint(char digits[RELGRAPH_UINT_DIGITS], guint64 value)
{
    char *start = digits + RELGRAPH_UINT_DIGITS;
    do
        *--start = (char)('0' + value % 10);
    while ((value /= 10) > 0);
    return start;
}

void relgraph_string_append_uint(GString *out, guint64 value)
{
    char digits[RELGRAPH_UINT_DIGITS];
    const char *start = relgraph_format_uint(digits, value);
    g_string_append_len(out, start, digits + RELGRAPH_UINT_DIGITS - start);
}

void relgraph_string_append_int(GString *out, gint64 value)
{
    if (value < 0)
        g_string_append_c(out, '-');
    /* The magnitude in unsigned arithmetic, which G_MININT64 has too. */
    relgraph_string_append_uint(out, value < 0 ? -(guint64)value : (guint64)value);
}

gint relgraph_compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}
