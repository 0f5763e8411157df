/* relgraph: news text -> relationship graph of states, officials and
 * institutions. This file only dispatches to the subcommands. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gstdio.h>

#include "cli.h"
#include "relgraph/export.h"
#include "relgraph/rules.h"
#include "relgraph/version.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"build", cli_build, "Build the relation graph of a corpus and export it (formats below)"},
    {"extract", cli_extract, "List every relation mention of a corpus (TSV), or write its partial graph (part)"},
    {"merge", cli_merge, "Merge parts from extract -T part into the outputs build writes"},
    {"cache", cli_cache, "Look after the extraction cache (prune entries of documents gone)"},
    {"eval", cli_eval, "Score extraction against a gold file (precision, recall, F1)"},
    {"actors", cli_actors, "List the actors a corpus names; --discovered: those not in the rules, as .actors entries"},
    {"lint", cli_lint, "Check rule files: every problem as file:line:col"},
    {"explain", cli_explain, "Show the sentences and rules behind an edge (--why-not: what did not match)"},
    {"diff", cli_diff, "Compare two GraphML graphs from build: edges and actors added, removed, changed"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: relgraph COMMAND [OPTION...] [CORPUS...]\n\n"
                 "Turns English news text into a relationship graph of states, officials\n"
                 "and institutions, driven by plain-text rule files.\n\nCommands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    char *formats = g_strjoinv(", ", (GStrv)relgraph_export_formats());
    fprintf(out, "\nOutput formats (build, merge -T): %s.\n", formats);
    g_free(formats);
    fprintf(out, "\nCORPUS is any mix of .txt/.md files, .jsonl files (one JSON document per\n"
                 "line), directories (searched recursively) and - for standard input.\n\n"
                 "Run 'relgraph COMMAND --help' for the options of a command.\n\n%s\n",
            CLI_EXIT_CODES_HELP);
}

/* The --help text is UTF-8 ("[OPTION…]") and glib converts it to the
 * locale's character set, which in the C locale turned "…" into "?". Only
 * the character type is taken from the environment: numbers and messages
 * stay C, since no output may depend on the locale. A plain C locale is
 * read as C.UTF-8, as Python does (PEP 538). */
static void set_character_locale(void)
{
    const char *ctype = setlocale(LC_CTYPE, "");
    if (!ctype || strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static int run_command(guint i, int argc, char **argv)
{
    /* "Usage: relgraph build [OPTION…]", not "build [OPTION…]". */
    char *prgname = g_strconcat("relgraph ", commands[i].name, NULL);
    g_set_prgname(prgname);
    g_free(prgname);
    return commands[i].run(argc, argv);
}

/* Run from the directory it was built in, relgraph reads the rules of its
 * source tree, so that a checkout works before (and without) an install;
 * installed, it reads the installed rules, as the library does. */
static void use_source_rules_in_build_tree(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (!exe)
        return;
    char *dir = g_path_get_dirname(exe);
    GStatBuf here, build;
    if (g_stat(dir, &here) == 0 && g_stat(RELGRAPH_BUILD_DIR, &build) == 0 && here.st_dev == build.st_dev &&
        here.st_ino == build.st_ino)
        relgraph_rules_set_default_dir(RELGRAPH_SOURCE_RULES_DIR);
    g_free(dir);
    g_free(exe);
}

int main(int argc, char **argv)
{
    cli_memory_guard_install();
    set_character_locale();
    use_source_rules_in_build_tree();
#ifdef __GLIBC__
    /* Exports build buffers of several MB one after another; glibc would
     * raise its mmap threshold past them after the first is freed and keep
     * the rest in the heap, so that peak memory added them up. A fixed
     * threshold hands each back to the system when it is freed. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_ERROR;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            /* "relgraph help build" == "relgraph build --help" */
            char *sub_argv[] = {argv[2], "--help", NULL};
            for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
                if (strcmp(argv[2], commands[i].name) == 0)
                    return run_command(i, 2, sub_argv);
        }
        usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("relgraph %s\n", RELGRAPH_VERSION);
        return CLI_EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(name, commands[i].name) == 0) {
            int status = run_command(i, argc - 1, argv + 1);
            relgraph_export_shutdown();
            return status;
        }
    fprintf(stderr, "relgraph: unknown command \"%s\"\n\n", name);
    usage(stderr);
    return CLI_EXIT_ERROR;
}
