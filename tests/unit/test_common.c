/* The atomic writer (common.c): the file is the old one or the new one,
 * never half; its mode is kept; a link is followed and kept; "-" is
 * standard output; _finish/_rename/_abort for sets of files. */
#define _DEFAULT_SOURCE

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph/common.h"
#include "tree_fixture.h"

static char *dir;

static void setup(void)
{
    dir = g_dir_make_tmp("relgraph-common-XXXXXX", NULL);
}

static void teardown(void)
{
    remove_tree(dir);
    g_free(dir);
}

static guint files_in(void)
{
    guint n = 0;
    GDir *d = g_dir_open(dir, 0, NULL);
    while (d && g_dir_read_name(d))
        n++;
    if (d)
        g_dir_close(d);
    return n;
}

static char *contents(const char *path)
{
    char *data = NULL;
    g_file_get_contents(path, &data, NULL, NULL);
    return data;
}

TestSuite(atomic, .init = setup, .fini = teardown);

Test(atomic, replaces_and_keeps_the_mode)
{
    char *path = g_build_filename(dir, "out.txt", NULL);
    g_file_set_contents(path, "old", -1, NULL);
    chmod(path, 0640);
    GError *error = NULL;
    cr_assert(relgraph_write_file_atomic(path, "new bytes", 9, &error));
    char *got = contents(path);
    cr_assert_str_eq(got, "new bytes");
    GStatBuf st;
    cr_assert_eq(g_stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0640);
    cr_assert_eq(files_in(), 1u, "no temporary file left");
    g_free(got);
    g_free(path);
}

Test(atomic, a_link_is_followed_and_kept)
{
    char *target = g_build_filename(dir, "target.txt", NULL), *link = g_build_filename(dir, "link.txt", NULL);
    g_file_set_contents(target, "old", -1, NULL);
    cr_assert_eq(symlink(target, link), 0);
    cr_assert(relgraph_write_file_atomic(link, "new", 3, NULL));
    GStatBuf st;
    cr_assert_eq(g_lstat(link, &st), 0);
    cr_assert(S_ISLNK(st.st_mode), "the link is still a link");
    char *got = contents(target);
    cr_assert_str_eq(got, "new");
    g_free(got);
    g_free(target);
    g_free(link);
}

Test(atomic, a_failure_names_the_path_and_leaves_nothing)
{
    char *path = g_build_filename(dir, "no", "such", "dir.txt", NULL);
    GError *error = NULL;
    cr_assert_not(relgraph_write_file_atomic(path, "x", 1, &error));
    cr_assert(g_error_matches(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO));
    cr_assert(g_str_has_prefix(error->message, path), "%s", error->message);
    g_error_free(error);
    cr_assert_eq(files_in(), 0u);
    g_free(path);
}

Test(atomic, finished_files_are_renamed_or_abandoned)
{
    char *a = g_build_filename(dir, "a.txt", NULL), *b = g_build_filename(dir, "b.txt", NULL);
    g_file_set_contents(b, "old b", -1, NULL);
    RelgraphAtomicFile *fa = relgraph_atomic_file_open(a, NULL), *fb = relgraph_atomic_file_open(b, NULL);
    cr_assert(relgraph_atomic_file_write(fa, "new a", 5));
    cr_assert(relgraph_atomic_file_write(fb, "new b", 5));
    cr_assert(relgraph_atomic_file_finish(fa, NULL));
    cr_assert(relgraph_atomic_file_finish(fb, NULL));
    cr_assert_eq(files_in(), 3u, "b and two finished temporary files");
    cr_assert(relgraph_atomic_file_rename(fa, NULL));
    relgraph_atomic_file_abort(fb);
    char *got_a = contents(a), *got_b = contents(b);
    cr_assert_str_eq(got_a, "new a");
    cr_assert_str_eq(got_b, "old b", "an abandoned file leaves the old one");
    cr_assert_eq(files_in(), 2u);
    g_free(got_a);
    g_free(got_b);
    g_free(a);
    g_free(b);
}

Test(atomic_stdout, dash_is_standard_output, .init = cr_redirect_stdout)
{
    cr_assert(relgraph_write_file_atomic("-", "to stdout\n", 10, NULL));
    RelgraphAtomicFile *file = relgraph_atomic_file_open("-", NULL);
    cr_assert_not_null(file);
    relgraph_atomic_file_write(file, "piece by piece\n", 15);
    cr_assert(relgraph_atomic_file_commit(file, NULL));
    /* Flushed, not closed: standard output is still there. */
    cr_assert_geq(fprintf(stdout, "after\n"), 0);
    fflush(stdout);
    cr_assert_stdout_eq_str("to stdout\npiece by piece\nafter\n");
}

Test(atomic_stdout, standard_output_errors_say_so)
{
    FILE *full = freopen("/dev/full", "w", stdout);
    cr_assert_not_null(full);
    GError *error = NULL;
    cr_assert_not(relgraph_write_file_atomic("-", "x", 1, &error));
    cr_assert(g_str_has_prefix(error->message, "standard output: "), "%s", error->message);
    g_error_free(error);
}
