/* Test helper: rule sets written to a temporary directory, and a one-call
 * extraction that returns "source relation target" strings. */
#ifndef RELGRAPH_TEST_RULES_FIXTURE_H
#define RELGRAPH_TEST_RULES_FIXTURE_H

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relgraph/extract.h"
#include "relgraph/rulefile.h"
#include "relgraph/rules.h"

static const char fixture_actors[] =
    "actor China state\n"
    "  alias PRC | People's Republic of China\n"
    "  metonym Beijing\n"
    "  demonym Chinese\n"
    "actor North Korea state\n"
    "  alias DPRK\n"
    "  metonym Pyongyang\n"
    "  demonym North Korean | North Koreans\n"
    "actor Russia state\n"
    "  metonym Moscow | the Kremlin\n"
    "  demonym Russian | Russians\n"
    "actor United States state\n"
    "  alias US | U.S.\n"
    "  metonym Washington\n"
    "actor Japan state\n"
    "  demonym Japanese\n"
    "actor UN Security Council institution\n"
    "  alias Security Council\n"
    "actor Chinese Foreign Ministry institution\n"
    "  alias China's Foreign Ministry\n"
    "  member_of China\n"
    "actor Wang Yi official\n"
    "  short Wang\n"
    "  member_of China\n"
    "actor Wang Wenbin official\n"
    "  short Wang\n"
    "  member_of Chinese Foreign Ministry\n"
    "actor Sergei Lavrov official\n"
    "  alias Sergey Lavrov\n"
    "  short Lavrov\n"
    "  member_of Russia\n"
    "actor Kim Jong Un official\n"
    "  short Kim\n"
    "  member_of North Korea\n"
    "actor Zhao Leji official\n"
    "  short Zhao\n"
    "  member_of China\n";

/* Writes each (name, content) pair into a new temporary directory. */
G_GNUC_UNUSED static char *fixture_dir(const char *const *files)
{
    char *dir = g_dir_make_tmp("relgraph-test-XXXXXX", NULL);
    for (guint i = 0; files[i]; i += 2) {
        char *path = g_build_filename(dir, files[i], NULL);
        g_file_set_contents(path, files[i + 1], -1, NULL);
        g_free(path);
    }
    return dir;
}

G_GNUC_UNUSED static void fixture_dir_remove(char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
    g_free(dir);
}

/* Loads the fixture actors plus one rules file; NULL and *message set on error. */
G_GNUC_UNUSED static RelgraphRules *fixture_rules(const char *rules_text, char **message)
{
    const char *files[] = {"test.actors", fixture_actors, "test.rules", rules_text, NULL};
    char *dir = fixture_dir(files);
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(dir, NULL, &error);
    if (message)
        *message = error ? g_strdup(error->message) : NULL;
    g_clear_error(&error);
    fixture_dir_remove(dir);
    return rules;
}

G_GNUC_UNUSED static gint fixture_compare(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Extracts text and returns the sorted, distinct "source relation target"
 * lines joined by '\n' (caller frees). */
G_GNUC_UNUSED static char *fixture_extract(const RelgraphRules *rules, const char *text, RelgraphHedgedPolicy hedged)
{
    RelgraphDocument *doc = relgraph_document_new("doc", "doc.txt", text, strlen(text));
    RelgraphExtractOptions options = {.hedged = hedged};
    RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        char *line = g_strdup_printf("%s %s %s",
                                     relgraph_extract_actor(result, m->source)->name,
                                     m->relation->name,
                                     relgraph_extract_actor(result, m->target)->name);
        gboolean dup = FALSE;
        for (guint j = 0; j < lines->len && !dup; j++)
            dup = strcmp(g_ptr_array_index(lines, j), line) == 0;
        if (dup)
            g_free(line);
        else
            g_ptr_array_add(lines, line);
    }
    g_ptr_array_sort(lines, fixture_compare);
    g_ptr_array_add(lines, NULL);
    char *joined = g_strjoinv("\n", (char **)lines->pdata);
    g_ptr_array_unref(lines);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    return joined;
}

#endif
