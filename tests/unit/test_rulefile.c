/* The line reader's helpers shared by the rule parsers. */
#include <criterion/criterion.h>

#include "relgraph/rulefile.h"

Test(rulefile_location, is_the_display_path_and_the_line)
{
    GStringChunk *strings = g_string_chunk_new(64);
    cr_assert_str_eq(relgraph_rulefile_location(strings, "/x/rules/a.rules", "/x/", 12), "rules/a.rules:12");
    cr_assert_str_eq(relgraph_rulefile_location(strings, "/x/rules/a.rules", NULL, 0), "/x/rules/a.rules:0");
    cr_assert_str_eq(relgraph_rulefile_location(strings, "a.rules", "a.rules", G_MAXUINT),
                     "a.rules:4294967295");
    g_string_chunk_free(strings);
}

Test(rulefile_location, long_paths_are_whole)
{
    /* Past the stack buffer the location is built in. */
    GStringChunk *strings = g_string_chunk_new(64);
    for (guint n = 240; n < 270; n++) {
        char *path = g_strnfill(n, 'p');
        char *want = g_strdup_printf("%s:%u", path, n * 1000);
        cr_assert_str_eq(relgraph_rulefile_location(strings, path, "", n * 1000), want);
        g_free(want);
        g_free(path);
    }
    g_string_chunk_free(strings);
}
