/* Test helper: removes a temporary directory and everything under it
 * (symbolic links are removed, never followed; a directory a test made
 * read-only is made writable first). */
#ifndef RELGRAPH_TEST_TREE_FIXTURE_H
#define RELGRAPH_TEST_TREE_FIXTURE_H

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *child = g_build_filename(path, name, NULL);
        if (g_file_test(child, G_FILE_TEST_IS_DIR) && !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
            remove_tree(child);
        else
            g_unlink(child);
        g_free(child);
    }
    if (d)
        g_dir_close(d);
    chmod(path, 0700);
    g_rmdir(path);
}

#endif
