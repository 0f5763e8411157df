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

Test(rulefile_next_item, trims_items_and_keeps_empty_ones)
{
    /* Items joined with '/' for the comparison, and their columns (the
     * line's text starts at column 3). */
    static const struct {
        const char *list, *items;
        guint cols[4];
    } cases[] = {
        {"", "", {3}},
        {" ", "", {4}},
        {"a", "a", {3}},
        {" a | b c |d", "a/b c/d", {4, 8, 13}},
        {"a||b", "a//b", {3, 5, 6}},
        {"|", "/", {3, 4}},
        {"\tx\t|\t", "x/", {4, 8}},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        RelgraphRuleLine line = {"f.rules", 1, 3, TRUE, (char *)cases[i].list};
        GString *items = g_string_new(NULL);
        const char *cursor = cases[i].list, *item;
        gsize len;
        guint n = 0;
        while (relgraph_rulefile_next_item(&cursor, '|', &item, &len)) {
            if (n)
                g_string_append_c(items, '/');
            g_string_append_len(items, item, (gssize)len);
            cr_assert_lt(n, G_N_ELEMENTS(cases[i].cols));
            cr_assert_eq(relgraph_rulefile_col(&line, item), cases[i].cols[n], "list \"%s\", item %u",
                         cases[i].list, n);
            n++;
        }
        cr_assert_str_eq(items->str, cases[i].items, "list \"%s\"", cases[i].list);
        g_string_free(items, TRUE);
    }
}
