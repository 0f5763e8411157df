/* Output sets (outputs.c): a set commits together, a failure leaves the
 * old files, a replaced file keeps its mode, an unchanged one is left
 * alone; checking compares; stale temporaries; the directory lock. */
#define _DEFAULT_SOURCE

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph/outputs.h"
#include "tree_fixture.h"

static char *dir;
static RelgraphGraph *graph;
static const RelgraphExportOptions options = {.title = ""};

static void setup(void)
{
    dir = g_dir_make_tmp("relgraph-outputs-XXXXXX", NULL);
    graph = relgraph_graph_new();
    relgraph_graph_add_node(graph, "China", RELGRAPH_ACTOR_STATE, NULL, 1);
    relgraph_graph_add_node(graph, "Japan", RELGRAPH_ACTOR_STATE, NULL, 2);
}

static void teardown(void)
{
    relgraph_graph_free(graph);
    remove_tree(dir);
    g_free(dir);
}

TestSuite(outputs, .init = setup, .fini = teardown);

static char *path_of(const char *name)
{
    return g_build_filename(dir, name, NULL);
}

static char *contents(const char *path)
{
    char *data = NULL;
    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}

/* What relgraph_export gives for format. */
static char *expected(const char *format)
{
    gsize len = 0;
    char *data = relgraph_export(graph, format, &options, &len, NULL);
    cr_assert_not_null(data);
    return data;
}

static guint files_in(const char *path)
{
    guint n = 0;
    GDir *d = g_dir_open(path, 0, NULL);
    while (d && g_dir_read_name(d))
        n++;
    if (d)
        g_dir_close(d);
    return n;
}

Test(outputs, commit_writes_every_file_and_keeps_modes)
{
    char *tsv = path_of("g.tsv"), *json = path_of("g.json");
    g_file_set_contents(tsv, "old", -1, NULL);
    chmod(tsv, 0600);
    RelgraphOutputSet *set = relgraph_output_set_new(FALSE);
    relgraph_output_set_add(set, "tsv", tsv);
    relgraph_output_set_add(set, "json", json);
    cr_assert_eq(relgraph_output_set_size(set), 2u);
    cr_assert(relgraph_output_set_render(set, graph, &options, 2));
    /* Nothing is in place before the commit. */
    char *before = contents(tsv);
    cr_assert_str_eq(before, "old");
    cr_assert_not(g_file_test(json, G_FILE_TEST_EXISTS));
    GError *error = NULL;
    cr_assert(relgraph_output_set_commit(set, &error));
    for (guint i = 0; i < 2; i++) {
        const RelgraphOutput *out = relgraph_output_set_get(set, i);
        cr_assert(out->written);
        cr_assert_null(out->error);
        cr_assert_eq(strlen(out->hash), 32u);
        char *want = expected(out->format), *got = contents(out->path);
        cr_assert_str_eq(got, want);
        cr_assert_eq(out->len, strlen(want));
        g_free(want);
        g_free(got);
    }
    GStatBuf st;
    cr_assert_eq(g_stat(tsv, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "the replaced file keeps its mode");
    cr_assert_eq(files_in(dir), 2u, "no temporary file left");
    relgraph_output_set_free(set);

    /* Again: both files already hold these bytes and are left alone. */
    set = relgraph_output_set_new(FALSE);
    relgraph_output_set_add(set, "tsv", tsv);
    relgraph_output_set_add(set, "json", json);
    cr_assert(relgraph_output_set_render(set, graph, &options, 1));
    cr_assert(relgraph_output_set_commit(set, NULL));
    for (guint i = 0; i < 2; i++) {
        cr_assert(relgraph_output_set_get(set, i)->unchanged);
        cr_assert_not(relgraph_output_set_get(set, i)->written);
    }
    relgraph_output_set_free(set);
    g_free(before);
    g_free(tsv);
    g_free(json);
}

Test(outputs, a_failure_leaves_every_old_file)
{
    char *tsv = path_of("g.tsv"), *sub = path_of("locked");
    g_file_set_contents(tsv, "old tsv", -1, NULL);
    g_mkdir(sub, 0500); /* no temporary file can be made in it */
    char *json = g_build_filename(sub, "g.json", NULL);
    RelgraphOutputSet *set = relgraph_output_set_new(FALSE);
    relgraph_output_set_add(set, "tsv", tsv);
    relgraph_output_set_add(set, "json", json);
    if (geteuid() == 0) {
        /* root writes anywhere: a missing directory fails instead. */
        relgraph_output_set_free(set);
        g_free(json);
        json = g_build_filename(sub, "missing", "g.json", NULL);
        set = relgraph_output_set_new(FALSE);
        relgraph_output_set_add(set, "tsv", tsv);
        relgraph_output_set_add(set, "json", json);
    }
    cr_assert_not(relgraph_output_set_render(set, graph, &options, 2));
    cr_assert_null(relgraph_output_set_get(set, 0)->error);
    cr_assert_not_null(relgraph_output_set_get(set, 1)->error);
    GError *error = NULL;
    cr_assert_not(relgraph_output_set_commit(set, &error));
    cr_assert_not_null(error);
    cr_assert(strstr(error->message, "g.json"), "%s", error->message);
    g_error_free(error);
    relgraph_output_set_free(set);
    char *got = contents(tsv);
    cr_assert_str_eq(got, "old tsv", "the set is all or nothing");
    cr_assert_eq(files_in(dir), 2u, "the tsv's temporary file is gone");
    g_free(got);
    g_free(json);
    g_free(sub);
    g_free(tsv);
}

Test(outputs, freeing_an_uncommitted_set_writes_nothing)
{
    char *tsv = path_of("g.tsv");
    RelgraphOutputSet *set = relgraph_output_set_new(FALSE);
    relgraph_output_set_add(set, "tsv", tsv);
    cr_assert(relgraph_output_set_render(set, graph, &options, 1));
    cr_assert_eq(files_in(dir), 1u, "the temporary file");
    relgraph_output_set_free(set);
    cr_assert_eq(files_in(dir), 0u);
    g_free(tsv);
}

Test(outputs, checking_compares_and_writes_nothing)
{
    char *tsv = path_of("g.tsv"), *json = path_of("g.json"), *gexf = path_of("g.gexf");
    char *want = expected("tsv");
    g_file_set_contents(tsv, want, -1, NULL);
    g_file_set_contents(json, "{}", -1, NULL);
    RelgraphOutputSet *set = relgraph_output_set_new(TRUE);
    relgraph_output_set_add(set, "tsv", tsv);
    relgraph_output_set_add(set, "json", json);
    relgraph_output_set_add(set, "gexf", gexf);
    cr_assert(relgraph_output_set_render(set, graph, &options, 3));
    cr_assert(relgraph_output_set_commit(set, NULL));
    cr_assert_null(relgraph_output_set_get(set, 0)->stale);
    cr_assert_str_eq(relgraph_output_set_get(set, 1)->stale, "differs");
    cr_assert_str_eq(relgraph_output_set_get(set, 2)->stale, "missing");
    cr_assert_not(g_file_test(gexf, G_FILE_TEST_EXISTS));
    cr_assert_eq(files_in(dir), 2u);
    relgraph_output_set_free(set);
    g_free(want);
    g_free(tsv);
    g_free(json);
    g_free(gexf);
}

Test(outputs, stale_temporaries_of_the_named_files_only)
{
    const char *names[] = {"relgraph.svg", "relgraph.tsv"};
    const char *files[] = {"relgraph.svg.a1B2c3", "relgraph.tsv.zzzzzz", "relgraph.svg.short", "other.svg.a1B2c3",
                           "relgraph.svg"};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        char *path = path_of(files[i]);
        g_file_set_contents(path, "x", -1, NULL);
        g_free(path);
    }
    RelgraphDirLock *lock = relgraph_dir_lock_new(dir, TRUE);
    cr_assert_not_null(lock);
    relgraph_dir_remove_stale_temporaries(dir, names, G_N_ELEMENTS(names));
    relgraph_dir_lock_free(lock);
    cr_assert_eq(files_in(dir), 3u);
    for (guint i = 2; i < G_N_ELEMENTS(files); i++) {
        char *path = path_of(files[i]);
        cr_assert(g_file_test(path, G_FILE_TEST_EXISTS), "%s kept", files[i]);
        g_free(path);
    }
    cr_assert_null(relgraph_dir_lock_new(NULL, TRUE));
}

Test(outputs, format_lists_and_extensions)
{
    GError *error = NULL;
    GStrv formats = relgraph_output_formats_parse(" svg, ,json", &error);
    cr_assert_eq(g_strv_length(formats), 2);
    cr_assert_str_eq(formats[0], "svg");
    cr_assert_str_eq(formats[1], "json");
    g_strfreev(formats);
    formats = relgraph_output_formats_parse(",", &error);
    cr_assert_eq(g_strv_length(formats), 0, "an empty list is the caller's to refuse");
    g_strfreev(formats);
    cr_assert_null(relgraph_output_formats_parse("dot,jpeg", &error));
    cr_assert(g_error_matches(error, RELGRAPH_ERROR, RELGRAPH_ERROR_USAGE));
    cr_assert(strstr(error->message, "\"jpeg\""), "%s", error->message);
    g_clear_error(&error);

    cr_assert_str_eq(relgraph_output_format_of_path("out/g.graphml"), "graphml");
    cr_assert_null(relgraph_output_format_of_path("out.d/graph"), "a dot in a directory name is no extension");
    cr_assert_null(relgraph_output_format_of_path("graph.jpeg"));
}

Test(outputs, page_sizes_in_points)
{
    double w = 0, h = 0;
    cr_assert(relgraph_output_page_parse("A4", &w, &h));
    cr_assert(w == RELGRAPH_PAGE_A4_WIDTH && h == RELGRAPH_PAGE_A4_HEIGHT);
    cr_assert(relgraph_output_page_parse("none", &w, &h));
    cr_assert(w == -1 && h == -1);
    cr_assert(relgraph_output_page_parse("2x3in", &w, &h));
    cr_assert(w == 144 && h == 216);
    cr_assert(relgraph_output_page_parse("254X127mm", &w, &h));
    cr_assert_float_eq(w, 720, 1e-9);
    cr_assert_float_eq(h, 360, 1e-9);
    const char *bad[] = {"3x", "x3cm", "0x3cm", "3x3", "3x3km", "20000x1in", "-1x2pt", ""};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        w = h = 7;
        cr_assert_not(relgraph_output_page_parse(bad[i], &w, &h), "%s", bad[i]);
        cr_assert(w == 7 && h == 7, "%s leaves the size alone", bad[i]);
    }
}

Test(outputs, plans_a_directory_or_one_file)
{
    RelgraphOutputPlan plan;
    GError *error = NULL;
    char *out = path_of("new/");
    cr_assert(relgraph_output_plan_init(&plan, out, NULL, &error));
    cr_assert(plan.to_dir);
    cr_assert_eq(g_strv_length(plan.formats), 3, "the default formats");
    char *path = relgraph_output_plan_path(&plan, 1);
    char *want = path_of("new/relgraph.svg");
    cr_assert_str_eq(path, want, "no double slash");
    g_free(path);
    g_free(want);
    relgraph_output_plan_clear(&plan);
    g_free(out);

    out = path_of("graph.gexf");
    cr_assert(relgraph_output_plan_init(&plan, out, NULL, &error));
    cr_assert_not(plan.to_dir);
    cr_assert_str_eq(plan.formats[0], "gexf", "the extension names the format");
    char *in = relgraph_output_plan_dir(&plan);
    cr_assert_str_eq(in, dir);
    g_free(in);
    relgraph_output_plan_clear(&plan);

    cr_assert_not(relgraph_output_plan_init(&plan, out, "dot,svg", &error));
    cr_assert(plan.formats && plan.formats[0], "planned: too many formats for one file");
    cr_assert(g_str_has_prefix(error->message, out), "%s", error->message);
    g_clear_error(&error);
    relgraph_output_plan_clear(&plan);
    g_free(out);

    cr_assert_not(relgraph_output_plan_init(&plan, "-", " , ", &error));
    cr_assert(plan.formats && !plan.formats[0], "none given");
    g_clear_error(&error);
    relgraph_output_plan_clear(&plan);

    cr_assert(relgraph_output_plan_init(&plan, "-", "tsv", &error));
    cr_assert_not(plan.to_dir);
    cr_assert_null(relgraph_output_plan_dir(&plan), "standard output has no directory");
    relgraph_output_plan_clear(&plan);

    /* An existing directory is one, whatever its name. */
    out = path_of("figures.svg");
    g_mkdir(out, 0755);
    cr_assert(relgraph_output_plan_init(&plan, out, "dot", &error));
    cr_assert(plan.to_dir);
    relgraph_output_plan_clear(&plan);
    g_free(out);
}
