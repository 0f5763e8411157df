/* Tests for corpus reading (corpus.h). */
#define _POSIX_C_SOURCE 200809L

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph/common.h"
#include "relgraph/corpus.h"
#include "../../src/common_internal.h"

/* ---- helpers ------------------------------------------------------------ */

static char *tmp_root;

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        chmod(path, 0700);
        GDir *dir = g_dir_open(path, 0, NULL);
        if (dir) {
            const char *name;
            while ((name = g_dir_read_name(dir)) != NULL) {
                char *child = g_build_filename(path, name, NULL);
                remove_tree(child);
                g_free(child);
            }
            g_dir_close(dir);
        }
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

static void setup(void)
{
    tmp_root = g_dir_make_tmp("relgraph-corpus-XXXXXX", NULL);
    cr_assert_not_null(tmp_root);
}

static void teardown(void)
{
    if (!tmp_root)
        return;
    remove_tree(tmp_root);
    g_free(tmp_root);
    tmp_root = NULL;
}

TestSuite(corpus, .init = setup, .fini = teardown);

/* Creates tmp_root/rel (and its parents) with the given content. */
static char *make_file(const char *rel, const char *content, gssize len)
{
    char *path = g_build_filename(tmp_root, rel, NULL);
    char *dir = g_path_get_dirname(path);
    cr_assert_eq(g_mkdir_with_parents(dir, 0700), 0);
    g_free(dir);
    cr_assert(g_file_set_contents(path, content, len, NULL));
    return path;
}

static char *make_dir(const char *rel)
{
    char *path = g_build_filename(tmp_root, rel, NULL);
    cr_assert_eq(g_mkdir_with_parents(path, 0700), 0);
    return path;
}

static void make_link(const char *target, const char *rel)
{
    char *path = g_build_filename(tmp_root, rel, NULL);
    cr_assert_eq(symlink(target, path), 0);
    g_free(path);
}

/* The expansion equals the NULL-terminated list of paths relative to tmp_root. */
static void assert_paths(GPtrArray *got, ...)
{
    cr_assert_not_null(got);
    va_list ap;
    va_start(ap, got);
    guint n = 0;
    const char *rel;
    while ((rel = va_arg(ap, const char *)) != NULL) {
        char *want = strcmp(rel, "-") == 0 ? g_strdup("-") : g_build_filename(tmp_root, rel, NULL);
        if (n < got->len)
            cr_expect_str_eq(g_ptr_array_index(got, n), want, "path %u", n);
        g_free(want);
        n++;
    }
    va_end(ap);
    cr_expect_eq(got->len, n, "got %u paths, expected %u", got->len, n);
}

static RelgraphDocument *prepare(const char *bytes, gsize len)
{
    return relgraph_document_new("doc", "dir/doc.txt", bytes, len);
}

static const char *warning(const RelgraphDocument *doc, guint i)
{
    cr_assert_lt(i, doc->warnings->len);
    return g_ptr_array_index(doc->warnings, i);
}

/* ---- document preparation ------------------------------------------------ */

Test(corpus, document_new_copies_plain_text)
{
    char bytes[] = "China and North Korea.";
    RelgraphDocument *doc = relgraph_document_new("a", "x/a.txt", bytes, strlen(bytes));
    bytes[0] = 'X';
    cr_expect_str_eq(doc->id, "a");
    cr_expect_str_eq(doc->path, "x/a.txt");
    cr_expect_eq(doc->len, 22);
    cr_expect_str_eq(doc->text, "China and North Korea.", "a copy, not the caller's buffer");
    cr_expect_eq(doc->text[doc->len], '\0');
    cr_expect_eq(doc->warnings->len, 0);
    relgraph_document_free(doc);
    relgraph_document_free(NULL);
}

Test(corpus, document_new_empty)
{
    RelgraphDocument *doc = relgraph_document_new("e", "e.txt", NULL, 0);
    cr_expect_eq(doc->len, 0);
    cr_expect_str_eq(doc->text, "");
    relgraph_document_free(doc);
}

Test(corpus, valid_utf8_untouched)
{
    const char *s = "Pyŏngyang’s “friendship” — 김정은 ©2024";
    RelgraphDocument *doc = prepare(s, strlen(s));
    cr_expect_str_eq(doc->text, s);
    cr_expect_eq(doc->warnings->len, 0);
    relgraph_document_free(doc);
}

Test(corpus, invalid_byte_replaced_with_warning)
{
    RelgraphDocument *doc = prepare("ab\xff" "cd", 5);
    cr_expect_eq(doc->len, 5);
    cr_expect_str_eq(doc->text, "ab?cd");
    cr_assert_eq(doc->warnings->len, 1);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 2: invalid UTF-8, replaced");
    relgraph_document_free(doc);
}

Test(corpus, invalid_run_is_one_warning)
{
    /* A truncated ’ (E2 80 99 without the 99), a lone continuation byte
     * pair, and a Latin-1 é further on: three runs, every byte replaced. */
    const char bytes[] = "a\xE2\x80" "b \x80\x80 caf\xE9!";
    RelgraphDocument *doc = prepare(bytes, sizeof bytes - 1);
    cr_expect_str_eq(doc->text, "a??b ?? caf?!");
    cr_expect_eq(doc->len, sizeof bytes - 1);
    cr_assert_eq(doc->warnings->len, 3);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 1: invalid UTF-8, replaced");
    cr_expect_str_eq(warning(doc, 1), "dir/doc.txt: byte 5: invalid UTF-8, replaced");
    cr_expect_str_eq(warning(doc, 2), "dir/doc.txt: byte 11: invalid UTF-8, replaced");
    cr_expect(g_utf8_validate(doc->text, (gssize)doc->len, NULL));
    relgraph_document_free(doc);
}

Test(corpus, invalid_sequences_of_every_kind)
{
    /* Overlong '/', a UTF-16 surrogate, a code point above U+10FFFF, and a
     * sequence cut by the end of the text. */
    const char bytes[] = "\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xE2\x80";
    RelgraphDocument *doc = prepare(bytes, sizeof bytes - 1);
    cr_expect_str_eq(doc->text, "??|???|????|??");
    cr_expect_eq(doc->warnings->len, 4);
    cr_expect_str_eq(warning(doc, 3), "dir/doc.txt: byte 12: invalid UTF-8, replaced");
    relgraph_document_free(doc);
}

/* The repair as glib's validator defines it: the reference for the fast
 * path that skips ASCII eight bytes at a time. */
static void reference_repair(char *text, gsize len)
{
    gsize pos = 0;
    while (pos < len) {
        const char *stop;
        if (g_utf8_validate_len(text + pos, len - pos, &stop))
            break;
        pos = (gsize)(stop - text);
        text[pos] = text[pos] == '\0' ? ' ' : '?';
        pos++;
    }
}

Test(corpus, repair_agrees_with_glib_on_random_bytes)
{
    static const guchar alphabet[] = {'a', 'Z', ' ', '.', 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF,
                                      0xE0, 0xE2, 0xED, 0xA0, 0x9F, 0xEF, 0xF0, 0xF4, 0x90, 0x8F, 0xFF};
    GRand *rand = g_rand_new_with_seed(42);
    for (guint round = 0; round < 20000; round++) {
        char bytes[48];
        gsize len = (gsize)g_rand_int_range(rand, 0, sizeof bytes);
        for (gsize i = 0; i < len; i++)
            bytes[i] = (char)(g_rand_boolean(rand) ? 'x' : alphabet[g_rand_int_range(rand, 0, sizeof alphabet)]);
        char want[48];
        memcpy(want, bytes, len);
        reference_repair(want, len);
        RelgraphDocument *doc = prepare(bytes, len);
        cr_assert_eq(doc->len, len);
        cr_assert(memcmp(doc->text, want, len) == 0, "round %u: repair differs from glib's", round);
        cr_assert(g_utf8_validate_len(doc->text, doc->len, NULL));
        relgraph_document_free(doc);
    }
    g_rand_free(rand);
}

Test(corpus, warnings_are_limited)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 25; i++)
        g_string_append(s, "x\xff");
    RelgraphDocument *doc = prepare(s->str, s->len);
    cr_assert_eq(doc->warnings->len, 11, "ten warnings and a summary");
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 1: invalid UTF-8, replaced");
    cr_expect_str_eq(warning(doc, 9), "dir/doc.txt: byte 19: invalid UTF-8, replaced");
    cr_expect_str_eq(warning(doc, 10), "dir/doc.txt: 15 more invalid UTF-8 sequences replaced");
    cr_expect_eq(strchr(doc->text, '\xff'), NULL);
    relgraph_document_free(doc);
    g_string_free(s, TRUE);
}

Test(corpus, nul_becomes_space)
{
    const char bytes[] = "North\0Korea\0\0";
    RelgraphDocument *doc = prepare(bytes, sizeof bytes - 1);
    cr_expect_eq(doc->len, 13);
    cr_expect_eq(memcmp(doc->text, "North Korea  ", 13), 0);
    cr_assert_eq(doc->warnings->len, 2, "one warning for the first NUL, one counting the rest");
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 5: NUL byte, replaced by a space");
    cr_expect_str_eq(warning(doc, 1), "dir/doc.txt: 2 more NUL bytes replaced");
    relgraph_document_free(doc);
}

Test(corpus, nul_and_invalid_mixed)
{
    const char bytes[] = "a\0\xff\0b";
    RelgraphDocument *doc = prepare(bytes, sizeof bytes - 1);
    cr_expect_eq(memcmp(doc->text, "a ? b", 5), 0);
    cr_assert_eq(doc->warnings->len, 3);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 1: NUL byte, replaced by a space");
    cr_expect_str_eq(warning(doc, 1), "dir/doc.txt: byte 2: invalid UTF-8, replaced");
    cr_expect_str_eq(warning(doc, 2), "dir/doc.txt: 1 more NUL byte replaced");
    relgraph_document_free(doc);
}

/* ---- markdown ------------------------------------------------------------- */

static void assert_prepared(const char *in, const char *out)
{
    cr_assert_eq(strlen(in), strlen(out), "test data keeps the length");
    RelgraphDocument *doc = prepare(in, strlen(in));
    cr_expect_eq(doc->len, strlen(in));
    cr_expect_str_eq(doc->text, out, "prepared \"%s\"", in);
    relgraph_document_free(doc);
}

/* s with every byte but line breaks turned into a space (caller frees). */
static char *blank_of(const char *s)
{
    char *out = g_strdup(s);
    for (char *p = out; *p; p++)
        if (*p != '\n')
            *p = ' ';
    return out;
}

/* Checks that before + md + after prepares to before + blanked md + after,
 * where keep (or NULL) is the text of md that stays, at its place. */
static void assert_markdown(const char *before, const char *md, const char *keep, const char *after)
{
    char *in = g_strconcat(before, md, after, NULL);
    char *blanked = blank_of(md);
    if (keep) {
        const char *at = strstr(md, keep);
        cr_assert_not_null(at);
        memcpy(blanked + (at - md), keep, strlen(keep));
    }
    char *out = g_strconcat(before, blanked, after, NULL);
    assert_prepared(in, out);
    g_free(in);
    g_free(blanked);
    g_free(out);
}

Test(corpus, markdown_image_blanked)
{
    assert_markdown("Before ", "![Kim and Xi](https://x.org/a.jpg)", NULL, " after.");
    assert_prepared("![alt](u)", "         ");
}

Test(corpus, markdown_image_with_nested_brackets)
{
    assert_markdown("Title\n", "![From left: Kim Jong-un [JOONGANG PHOTO]](https://x.org/p.jpg)", NULL,
                    "\nFrom left: Kim Jong-un [JOONGANG PHOTO]");
}

Test(corpus, markdown_image_with_non_ascii_alt_stays_valid)
{
    const char *s = "A ![Pyŏngyang’s “view”](p.png) B";
    RelgraphDocument *doc = prepare(s, strlen(s));
    cr_expect_eq(doc->len, strlen(s));
    cr_expect(g_utf8_validate(doc->text, (gssize)doc->len, NULL));
    cr_expect_eq(doc->text[0], 'A');
    cr_expect_eq(doc->text[doc->len - 1], 'B');
    for (gsize i = 1; i + 1 < doc->len; i++)
        cr_expect_eq(doc->text[i], ' ', "byte %zu blanked", i);
    relgraph_document_free(doc);
}

Test(corpus, markdown_link_keeps_text)
{
    assert_prepared("See [the report](https://x.org/r) now.", "See  the report                   now.");
    assert_prepared("[a](b)", " a    ");
    /* Parentheses inside the target, and a title. */
    assert_markdown("", "[Wiki](https://w.org/Foo_(bar))", "Wiki", " x");
    assert_markdown("", "[T](http://a.b \"Title\")", "T", " x");
    /* A link around an image (a badge): everything goes. */
    assert_markdown("", "[![b](i.svg)](http://c)", NULL, " x");
    /* A link inside an image's alt text is blanked with the image. */
    assert_markdown("", "![see [x](y)](z)", NULL, "");
}

Test(corpus, brackets_without_target_are_kept)
{
    const char *cases[] = {
        "Pyongyang. [YONHAP]",
        "[JOONGANG PHOTO] (left)",
        "with [North Korea] in affairs",
        "[Kim and Xi].",
        "a ] b [ c",
        "![not an image] here",
        "[unclosed](http://x.org",
        "[spans\n\nparagraphs](http://x.org)",
        "[target](spans\nlines)",
        "\\[escaped](x)",
        "BY LEE [[email protected]]",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        assert_prepared(cases[i], cases[i]);
}

Test(corpus, markdown_keeps_line_breaks_inside_blanked_text)
{
    assert_markdown("", "![two\nlines](u)", NULL, " x");
}

Test(corpus, markdown_applies_after_encoding_repair)
{
    const char bytes[] = "![a\xff](u) [b](c)";
    RelgraphDocument *doc = prepare(bytes, sizeof bytes - 1);
    cr_expect_str_eq(doc->text, "          b    ");
    cr_expect_eq(doc->len, 15);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: byte 3: invalid UTF-8, replaced");
    relgraph_document_free(doc);
}

/* ---- loading --------------------------------------------------------------- */

Test(corpus, load_file)
{
    char *path = make_file("sub/000_abc.txt", "Kim\xff met Xi. ![p](q)", -1);
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_load(path, &error);
    cr_assert_null(error);
    cr_assert_not_null(doc);
    cr_expect_str_eq(doc->id, "000_abc");
    cr_expect_str_eq(doc->path, path);
    cr_expect_str_eq(doc->text, "Kim? met Xi.        ");
    cr_expect_eq(doc->len, 20);
    cr_assert_eq(doc->warnings->len, 1);
    char *want = g_strdup_printf("%s: byte 3: invalid UTF-8, replaced", path);
    cr_expect_str_eq(warning(doc, 0), want);
    g_free(want);
    relgraph_document_free(doc);
    g_free(path);
}

Test(corpus, document_ids)
{
    const char *cases[][2] = {
        {"a.b.txt", "a.b"}, {"notes.md", "notes"}, {"README", "README"}, {".hidden", ".hidden"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *path = make_file(cases[i][0], "x", -1);
        RelgraphDocument *doc = relgraph_document_load(path, NULL);
        cr_assert_not_null(doc);
        cr_expect_str_eq(doc->id, cases[i][1]);
        relgraph_document_free(doc);
        g_free(path);
    }
}

Test(corpus, load_missing_file_is_io_error)
{
    char *path = g_build_filename(tmp_root, "missing.txt", NULL);
    GError *error = NULL;
    cr_expect_null(relgraph_document_load(path, &error));
    cr_assert_not_null(error);
    cr_expect_eq(error->domain, RELGRAPH_ERROR);
    cr_expect_eq(error->code, RELGRAPH_ERROR_IO);
    char *prefix = g_strdup_printf("%s: ", path);
    cr_expect(g_str_has_prefix(error->message, prefix), "message \"%s\"", error->message);
    g_free(prefix);
    g_error_free(error);
    g_free(path);
}

Test(corpus, load_stdin)
{
    char *path = make_file("in.txt", "From stdin with a tab\t.", -1);
    cr_assert_not_null(freopen(path, "r", stdin));
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_load("-", &error);
    cr_assert_null(error);
    cr_assert_not_null(doc);
    cr_expect_str_eq(doc->id, "stdin");
    cr_expect_str_eq(doc->path, "-");
    cr_expect_eq(doc->len, 23);
    cr_expect_str_eq(doc->text, "From stdin with a tab\t.");
    relgraph_document_free(doc);
    g_free(path);
}

Test(corpus, load_seed_with_markdown_images)
{
    GError *error = NULL;
    RelgraphDocument *doc =
        relgraph_document_load(RELGRAPH_SOURCE_DIR "/seeds/001_e9cc1f58b883393d.txt", &error);
    cr_assert_not_null(doc, "%s", error ? error->message : "");
    cr_expect_str_eq(doc->id, "001_e9cc1f58b883393d");
    cr_expect_null(strstr(doc->text, "!["));
    cr_expect_null(strstr(doc->text, "https://"));
    /* The caption after each image is kept, so the photo credit is there once. */
    const char *first = strstr(doc->text, "[JOONGANG PHOTO]");
    cr_assert_not_null(first);
    cr_expect_null(strstr(first + 1, "[JOONGANG PHOTO]"));
    cr_expect_not_null(strstr(doc->text, "[YONHAP]"));
    cr_expect_eq(doc->warnings->len, 0);
    relgraph_document_free(doc);
}

/* ---- expansion -------------------------------------------------------------- */

static GPtrArray *expand1(const char *path, GError **error)
{
    const char *paths[] = {path};
    return relgraph_corpus_expand(paths, 1, NULL, error);
}

static void make_tree(void)
{
    g_free(make_file("b.txt", "b", -1));
    g_free(make_file("a.md", "a", -1));
    g_free(make_file("c.pdf", "c", -1));
    g_free(make_file("README", "r", -1));
    g_free(make_file("sub/z.txt", "z", -1));
    g_free(make_file("sub/notes.TXT", "n", -1));
    g_free(make_file("sub/deeper/y.md", "y", -1));
    g_free(make_file("sub/deeper/y.md.bak", "y", -1));
    g_free(make_file("sub/deeper/x.Md", "x", -1));
    g_free(make_file("sub/deeper/txt", "t", -1));
    g_free(make_file(".hidden.txt", "h", -1));
    g_free(make_file(".git/x.txt", "x", -1));
    g_free(make_file("sub/.cache/w.txt", "w", -1));
    g_free(make_dir("empty"));
}

Test(corpus, expand_directory_recursively_sorted)
{
    make_tree();
    GError *error = NULL;
    GPtrArray *got = expand1(tmp_root, &error);
    cr_assert_null(error);
    assert_paths(got, "a.md", "b.txt", "sub/deeper/x.Md", "sub/deeper/y.md", "sub/notes.TXT", "sub/z.txt",
                 NULL);
    g_ptr_array_unref(got);
}

Test(corpus, expand_named_files_any_extension_and_duplicates)
{
    make_tree();
    char *pdf = g_build_filename(tmp_root, "c.pdf", NULL);
    char *b = g_build_filename(tmp_root, "b.txt", NULL);
    char *hidden = g_build_filename(tmp_root, ".hidden.txt", NULL);
    char *sub = g_build_filename(tmp_root, "sub", NULL);
    const char *paths[] = {sub, pdf, "-", b, tmp_root, "-", hidden, b};
    GError *error = NULL;
    GPtrArray *got = relgraph_corpus_expand(paths, G_N_ELEMENTS(paths), NULL, &error);
    cr_assert_null(error);
    assert_paths(got, "-", ".hidden.txt", "a.md", "b.txt", "c.pdf", "sub/deeper/x.Md", "sub/deeper/y.md",
                 "sub/notes.TXT", "sub/z.txt", NULL);
    g_ptr_array_unref(got);
    g_free(pdf);
    g_free(b);
    g_free(hidden);
    g_free(sub);
}

/* The stat each file comes with is the file's own (what a later stat
 * would give), once per path; standard input has none. */
Test(corpus, expand_files_come_with_their_stat)
{
    make_tree();
    char *b = g_build_filename(tmp_root, "b.txt", NULL);
    const char *paths[] = {tmp_root, "-", b};
    GError *error = NULL;
    GArray *files = relgraph_corpus_expand_files(paths, G_N_ELEMENTS(paths), NULL, &error);
    cr_assert_null(error);
    cr_assert_eq(files->len, 7, "\"-\" and the six documents, b.txt once");
    for (guint i = 0; i < files->len; i++) {
        const RelgraphCorpusFile *file = &g_array_index(files, RelgraphCorpusFile, i);
        if (strcmp(file->path, "-") == 0) {
            cr_expect_not(file->statted);
            continue;
        }
        GStatBuf st;
        cr_assert_eq(g_stat(file->path, &st), 0, "%s", file->path);
        cr_expect(file->statted, "%s", file->path);
        cr_expect_eq(file->st.st_ino, st.st_ino, "%s: inode", file->path);
        cr_expect_eq(file->st.st_size, st.st_size, "%s: size", file->path);
        cr_expect_eq(file->st.st_mtim.tv_nsec, st.st_mtim.tv_nsec, "%s: mtime", file->path);
        cr_expect(S_ISREG(file->st.st_mode), "%s: a file", file->path);
    }
    g_array_unref(files);
    g_free(b);
}

Test(corpus, expand_order_of_arguments_does_not_matter)
{
    make_tree();
    char *sub = g_build_filename(tmp_root, "sub", NULL);
    const char *forward[] = {tmp_root, sub};
    const char *backward[] = {sub, tmp_root};
    GPtrArray *a = relgraph_corpus_expand(forward, 2, NULL, NULL);
    GPtrArray *b = relgraph_corpus_expand(backward, 2, NULL, NULL);
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    cr_assert_eq(a->len, b->len);
    cr_expect_eq(a->len, 6);
    for (guint i = 0; i < a->len; i++)
        cr_expect_str_eq(g_ptr_array_index(a, i), g_ptr_array_index(b, i));
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
    g_free(sub);
}

Test(corpus, expand_trailing_slash)
{
    g_free(make_file("d/x.txt", "x", -1));
    char *dir = g_strconcat(tmp_root, "/d/", NULL);
    GPtrArray *got = expand1(dir, NULL);
    assert_paths(got, "d/x.txt", NULL);
    g_ptr_array_unref(got);
    g_free(dir);
}

Test(corpus, expand_nothing)
{
    GError *error = NULL;
    GPtrArray *got = relgraph_corpus_expand(NULL, 0, NULL, &error);
    cr_assert_not_null(got);
    cr_expect_eq(got->len, 0);
    cr_expect_null(error);
    g_ptr_array_unref(got);
    g_free(make_dir("empty"));
    char *empty = g_build_filename(tmp_root, "empty", NULL);
    got = expand1(empty, NULL);
    cr_assert_not_null(got);
    cr_expect_eq(got->len, 0);
    g_ptr_array_unref(got);
    g_free(empty);
}

Test(corpus, expand_missing_path_is_io_error)
{
    g_free(make_file("a.txt", "a", -1));
    char *missing = g_build_filename(tmp_root, "nope", NULL);
    const char *paths[] = {tmp_root, missing};
    GError *error = NULL;
    cr_expect_null(relgraph_corpus_expand(paths, 2, NULL, &error));
    cr_assert_not_null(error);
    cr_expect_eq(error->domain, RELGRAPH_ERROR);
    cr_expect_eq(error->code, RELGRAPH_ERROR_IO);
    char *want = g_strdup_printf("%s: No such file or directory", missing);
    cr_expect_str_eq(error->message, want);
    g_free(want);
    g_error_free(error);
    g_free(missing);
}

Test(corpus, expand_symlink_loop_terminates)
{
    g_free(make_file("loop/a.txt", "a", -1));
    make_link("..", "loop/up");     /* loop/up -> tmp_root, which holds loop */
    make_link(".", "loop/self");    /* loop/self -> loop */
    GError *error = NULL;
    GPtrArray *got = expand1(tmp_root, &error);
    cr_assert_null(error);
    assert_paths(got, "loop/a.txt", NULL);
    g_ptr_array_unref(got);
}

Test(corpus, expand_symlinked_directory_walked_once)
{
    g_free(make_file("real/a.txt", "a", -1));
    make_link("real", "alias");     /* "alias" < "real": walked under its link name */
    make_link("real/a.txt", "link.txt");
    GPtrArray *got = expand1(tmp_root, NULL);
    assert_paths(got, "alias/a.txt", "link.txt", NULL);
    g_ptr_array_unref(got);
}

/* The one problem expanding tmp_root gives; checks its code and message. */
static void assert_one_problem(GPtrArray *problems, RelgraphErrorCode code, const char *rel, const char *what)
{
    cr_assert_eq(problems->len, 1);
    const GError *problem = g_ptr_array_index(problems, 0);
    cr_expect_eq(problem->code, code);
    char *want = g_strdup_printf("%s/%s: %s", tmp_root, rel, what);
    cr_expect_str_eq(problem->message, want);
    g_free(want);
}

Test(corpus, expand_skips_dangling_symlink_with_a_warning)
{
    g_free(make_file("a.txt", "a", -1));
    make_link("nowhere.txt", "broken.txt");
    GError *error = NULL;
    GPtrArray *problems = g_ptr_array_new_with_free_func((GDestroyNotify)g_error_free);
    const char *paths[] = {tmp_root};
    GPtrArray *got = relgraph_corpus_expand(paths, 1, problems, &error);
    cr_assert_null(error);
    assert_paths(got, "a.txt", NULL);
    assert_one_problem(problems, RELGRAPH_ERROR_SKIPPED, "broken.txt", "broken symbolic link, skipped");
    g_ptr_array_unref(problems);
    g_ptr_array_unref(got);
}

Test(corpus, expand_skips_looping_symlinks_with_a_warning)
{
    g_free(make_file("a.txt", "a", -1));
    make_link("loop.txt", "loop.txt");
    GPtrArray *problems = g_ptr_array_new_with_free_func((GDestroyNotify)g_error_free);
    const char *paths[] = {tmp_root};
    GPtrArray *got = relgraph_corpus_expand(paths, 1, problems, NULL);
    assert_paths(got, "a.txt", NULL);
    assert_one_problem(problems, RELGRAPH_ERROR_SKIPPED, "loop.txt", "symbolic link loop, skipped");
    g_ptr_array_unref(problems);
    g_ptr_array_unref(got);
}

Test(corpus, expand_goes_on_past_an_unreadable_subdirectory)
{
    if (geteuid() == 0) {
        teardown(); /* .fini does not run after a skip */
        cr_skip_test("root can read any directory");
    }
    char *locked = make_dir("locked");
    g_free(make_file("locked/a.txt", "a", -1));
    g_free(make_file("z.txt", "z", -1));
    cr_assert_eq(chmod(locked, 0), 0);
    GPtrArray *problems = g_ptr_array_new_with_free_func((GDestroyNotify)g_error_free);
    const char *paths[] = {tmp_root};
    GPtrArray *got = relgraph_corpus_expand(paths, 1, problems, NULL);
    assert_paths(got, "z.txt", NULL);
    assert_one_problem(problems, RELGRAPH_ERROR_IO, "locked", "Permission denied");
    cr_assert_eq(chmod(locked, 0700), 0);
    g_ptr_array_unref(problems);
    g_ptr_array_unref(got);
    g_free(locked);
}

/* ---- files that are not documents -------------------------------------- */

Test(corpus, binary_file_is_skipped)
{
    char *path = make_file("image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    GError *error = NULL;
    cr_expect_null(relgraph_document_load(path, &error));
    cr_assert_not_null(error);
    cr_expect_eq(error->code, RELGRAPH_ERROR_SKIPPED);
    char *want = g_strdup_printf("%s: binary file (NUL byte at byte 8), skipped", path);
    cr_expect_str_eq(error->message, want);
    g_free(want);
    g_error_free(error);
    g_free(path);
}

Test(corpus, nul_after_the_probe_is_text)
{
    gsize len = RELGRAPH_BINARY_PROBE_BYTES + 100;
    char *bytes = g_malloc(len);
    memset(bytes, 'a', len);
    bytes[RELGRAPH_BINARY_PROBE_BYTES + 10] = '\0';
    char *path = make_file("late.txt", bytes, (gssize)len);
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_load(path, &error);
    cr_assert_not_null(doc, "%s", error ? error->message : "");
    cr_expect_eq(doc->len, len);
    cr_expect_eq(doc->text[RELGRAPH_BINARY_PROBE_BYTES + 10], ' ');
    cr_expect_eq(doc->warnings->len, 1);
    relgraph_document_free(doc);
    g_free(bytes);
    g_free(path);
}

Test(corpus, oversized_file_is_refused_unread)
{
    char *path = make_file("huge.txt", "", 0);
    cr_assert_eq(truncate(path, (off_t)RELGRAPH_DOCUMENT_MAX_BYTES + 1), 0); /* sparse: costs nothing */
    GError *error = NULL;
    cr_expect_null(relgraph_document_load(path, &error));
    cr_assert_not_null(error);
    cr_expect_eq(error->code, RELGRAPH_ERROR_IO);
    char *want = g_strdup_printf("%s: 1.0 GiB, over the 1 GiB a document may have; split it", path);
    cr_expect_str_eq(error->message, want);
    g_free(want);
    g_error_free(error);
    g_free(path);
}

/* Sizes a check was asked about, and the one above which it refuses. */
static guint64 checked_sizes[4];
static guint n_checked;
static guint64 check_limit;

static gboolean record_size(const char *path, guint64 size, GError **error)
{
    if (n_checked < G_N_ELEMENTS(checked_sizes))
        checked_sizes[n_checked++] = size;
    if (size <= check_limit)
        return TRUE;
    g_set_error(error, RELGRAPH_ERROR, RELGRAPH_ERROR_IO, "%s: too large", path);
    return FALSE;
}

Test(corpus, size_check_comes_before_and_after_reading)
{
    char *path = make_file("sized.txt", "twelve bytes", -1);
    char *bytes = NULL;
    gsize len = 0;
    GError *error = NULL;
    /* Accepted: asked with the file's size, then with what was read. */
    n_checked = 0;
    check_limit = 100;
    cr_assert(relgraph_read_file_checked(path, record_size, &bytes, &len, &error));
    cr_expect_eq(len, 12);
    cr_expect_str_eq(bytes, "twelve bytes");
    cr_assert_eq(n_checked, 2);
    cr_expect_eq(checked_sizes[0], 12);
    cr_expect_eq(checked_sizes[1], 12);
    g_free(bytes);
    /* Refused on its size: not read, nothing returned, the check's error. */
    n_checked = 0;
    check_limit = 11;
    bytes = NULL;
    cr_assert_not(relgraph_read_file_checked(path, record_size, &bytes, &len, &error));
    cr_expect_null(bytes);
    cr_expect_eq(n_checked, 1);
    cr_assert_not_null(error);
    cr_expect(g_str_has_suffix(error->message, ": too large"), "%s", error->message);
    g_clear_error(&error);
    /* A path that cannot be opened: the I/O error, the check never asked. */
    n_checked = 0;
    char *missing = g_build_filename(tmp_root, "no-such-file.txt", NULL);
    cr_assert_not(relgraph_read_file_checked(missing, record_size, &bytes, &len, &error));
    cr_expect_eq(n_checked, 0);
    cr_assert_not_null(error);
    cr_expect_eq(error->code, RELGRAPH_ERROR_IO);
    g_clear_error(&error);
    g_free(missing);
    g_free(path);
}

Test(corpus, empty_and_blank_documents_warn)
{
    RelgraphDocument *doc = prepare("", 0);
    cr_assert_eq(doc->warnings->len, 1);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: empty file");
    relgraph_document_free(doc);
    doc = prepare(" \n\t\n", 4);
    cr_assert_eq(doc->warnings->len, 1);
    cr_expect_str_eq(warning(doc, 0), "dir/doc.txt: no text");
    relgraph_document_free(doc);
}

Test(corpus, expand_unreadable_directory_is_error)
{
    if (geteuid() == 0) {
        teardown(); /* .fini does not run after a skip */
        cr_skip_test("root can read any directory");
    }
    char *locked = make_dir("locked");
    g_free(make_file("locked/a.txt", "a", -1));
    cr_assert_eq(chmod(locked, 0), 0);
    GError *error = NULL;
    cr_expect_null(expand1(tmp_root, &error));
    cr_assert_not_null(error);
    cr_expect_eq(error->code, RELGRAPH_ERROR_IO);
    char *want = g_strdup_printf("%s: Permission denied", locked);
    cr_expect_str_eq(error->message, want);
    g_free(want);
    g_error_free(error);
    g_free(locked);
}

/* ---- dates, front matter, JSONL ------------------------------------------ */

Test(corpus, date_parse)
{
    char d[RELGRAPH_DATE_SIZE];
    cr_expect(relgraph_date_parse("2024-06-19", d));
    cr_expect_str_eq(d, "2024-06-19");
    cr_expect(relgraph_date_parse("2024-02-29T10:00:00Z", d));
    cr_expect_str_eq(d, "2024-02-29");
    cr_expect(relgraph_date_parse("2024-02-29 10:00", d));
    static const char *const bad[] = {"2023-02-29", "2024-13-01", "2024-6-19", "19 June 2024", "", "2024-06-19x",
                                      "0000-01-01"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        cr_expect_not(relgraph_date_parse(bad[i], d), "%s", bad[i]);
        cr_expect_str_eq(d, "");
    }
    cr_expect_not(relgraph_date_parse(NULL, d));
}

Test(corpus, front_matter_read_and_blanked)
{
    const char *text = "---\ndate: 2024-06-19\nsource: \"KCNA\"\ntitle: Visit\n---\nKim met Xi.";
    char *path = make_file("dated.md", text, -1);
    RelgraphDocument *doc = relgraph_document_load(path, NULL);
    cr_assert_not_null(doc);
    cr_expect_str_eq(doc->date, "2024-06-19");
    cr_expect_str_eq(doc->source, "KCNA");
    cr_expect_str_eq(doc->title, "Visit");
    cr_expect_eq(doc->len, strlen(text), "no byte moves");
    cr_expect(g_str_has_suffix(doc->text, "\nKim met Xi."));
    cr_expect_null(strstr(doc->text, "KCNA"), "the block is not text: %s", doc->text);
    cr_expect_eq(doc->warnings->len, 0);
    relgraph_document_free(doc);
    g_free(path);
}

Test(corpus, front_matter_needs_md_and_a_closing_line)
{
    const char *unclosed = "---\ndate: 2024-06-19\nKim met Xi.";
    char *path = make_file("open.md", unclosed, -1);
    RelgraphDocument *doc = relgraph_document_load(path, NULL);
    cr_expect_str_eq(doc->date, "");
    cr_expect_str_eq(doc->text, unclosed);
    relgraph_document_free(doc);
    g_free(path);
    path = make_file("plain.txt", "---\ndate: 2024-06-19\n---\nKim.", -1);
    doc = relgraph_document_load(path, NULL);
    cr_expect_str_eq(doc->date, "", "front matter is a markdown convention");
    relgraph_document_free(doc);
    g_free(path);
}

Test(corpus, front_matter_bad_date_warns_with_line)
{
    char *path = make_file("bad.md", "---\nsource: x\ndate: June 2024\n---\nText.", -1);
    RelgraphDocument *doc = relgraph_document_load(path, NULL);
    cr_expect_str_eq(doc->date, "");
    cr_assert_eq(doc->warnings->len, 1);
    char *want = g_strdup_printf("%s:3: date \"June 2024\" is not YYYY-MM-DD; ignored", path);
    cr_expect_str_eq(warning(doc, 0), want);
    g_free(want);
    relgraph_document_free(doc);
    g_free(path);
}

Test(corpus, jsonl_document)
{
    const char *line = "{\"id\": \"kcna-1\", \"date\": \"2024-06-19T08:00:00Z\", \"title\": \"T\", "
                       "\"source\": \"KCNA\", \"text\": \"Kim met Xi.\\nPutin came.\", \"extra\": 1}";
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_from_json("feed.jsonl", 7, line, strlen(line), &error);
    cr_assert_null(error);
    cr_expect_str_eq(doc->id, "kcna-1");
    cr_expect_str_eq(doc->path, "feed.jsonl:7");
    cr_expect_str_eq(doc->text, "Kim met Xi.\nPutin came.");
    cr_expect_str_eq(doc->date, "2024-06-19");
    cr_expect_str_eq(doc->title, "T");
    cr_expect_str_eq(doc->source, "KCNA");
    relgraph_document_free(doc);

    line = "{\"text\": \"No id.\", \"date\": 20240619}";
    doc = relgraph_document_from_json("dir/feed.jsonl", 3, line, strlen(line), &error);
    cr_assert_not_null(doc);
    cr_expect_str_eq(doc->id, "feed:3");
    cr_expect_str_eq(doc->date, "");
    cr_assert_eq(doc->warnings->len, 1);
    cr_expect_str_eq(warning(doc, 0), "dir/feed.jsonl:3: \"date\" is not a string; ignored");
    relgraph_document_free(doc);
}

Test(corpus, jsonl_errors_name_file_line_and_column)
{
    static const char *const cases[][2] = {
        {"{\"text\": \"a\",, }", "feed.jsonl:4:"},
        {"[1, 2]", "feed.jsonl:4:1: expected a JSON object"},
        {"{\"id\": \"x\"}", "feed.jsonl:4:1: no \"text\" string"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        GError *error = NULL;
        cr_expect_null(relgraph_document_from_json("feed.jsonl", 4, cases[i][0], strlen(cases[i][0]), &error));
        cr_assert_not_null(error, "%s", cases[i][0]);
        cr_expect(g_str_has_prefix(error->message, cases[i][1]), "%s -> %s", cases[i][0], error->message);
        g_error_free(error);
    }
}

Test(corpus, jsonl_invalid_utf8_repaired)
{
    const char line[] = "{\"text\": \"Kim\xff met Xi.\"}";
    GError *error = NULL;
    RelgraphDocument *doc = relgraph_document_from_json("f.jsonl", 1, line, sizeof line - 1, &error);
    cr_assert_not_null(doc, "%s", error ? error->message : "");
    cr_expect_str_eq(doc->text, "Kim? met Xi.");
    cr_assert_eq(doc->warnings->len, 1);
    cr_expect_str_eq(warning(doc, 0), "f.jsonl:1: byte 13 of the line: invalid UTF-8, replaced");
    relgraph_document_free(doc);
}

Test(corpus, expand_finds_jsonl)
{
    char *a = make_file("c/a.jsonl", "{}", -1), *b = make_file("c/b.txt", "x", -1), *c = make_file("c/c.json", "x", -1);
    char *dir = g_build_filename(tmp_root, "c", NULL);
    const char *paths[] = {dir};
    GPtrArray *found = relgraph_corpus_expand(paths, 1, NULL, NULL);
    cr_assert_eq(found->len, 2);
    cr_expect_str_eq(g_ptr_array_index(found, 0), a);
    cr_expect_str_eq(g_ptr_array_index(found, 1), b);
    cr_expect(relgraph_corpus_is_jsonl(a));
    cr_expect_not(relgraph_corpus_is_jsonl(b));
    g_ptr_array_unref(found);
    g_free(a), g_free(b), g_free(c), g_free(dir);
}
