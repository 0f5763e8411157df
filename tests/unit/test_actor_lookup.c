/* Finding an actor by a name a person typed (actor_lookup.h): every kind of
 * name, any case, shared names, suggestions. */
#include <criterion/criterion.h>

#include "relgraph/actor_lookup.h"
#include "rules_fixture.h"

static RelgraphLexicon *lexicon;
static RelgraphDictionary *dict;

static void setup(void)
{
    const char *files[] = {"a.actors",
                           "actor North Korea state\n"
                           "  alias DPRK | Democratic People's Republic of Korea\n"
                           "  metonym Pyongyang\n"
                           "  demonym North Korean\n"
                           "actor South Korea state\n"
                           "  metonym Seoul\n"
                           "actor Russia state\n"
                           "  metonym Moscow | the Kremlin\n"
                           "  demonym Russian\n"
                           "actor Moscow Times institution\n"
                           "actor Kim Jong Un official\n"
                           "  alias Kim Jong-un\n"
                           "  short Kim\n"
                           "actor Kim Yo Jong official\n"
                           "  short Kim\n"
                           "actor Sergei Lavrov official\n"
                           "  short Lavrov\n"
                           "actor Ren\xc3\xa9 Lefort official\n",
                           NULL};
    char *dir = fixture_dir(files);
    char *path = g_build_filename(dir, "a.actors", NULL);
    lexicon = relgraph_lexicon_new();
    dict = relgraph_dictionary_new(lexicon);
    GPtrArray *diagnostics = relgraph_diagnostics_new();
    cr_assert(relgraph_dictionary_load(dict, path, diagnostics, NULL));
    relgraph_dictionary_finish(dict, diagnostics);
    cr_assert_eq(diagnostics->len, 0);
    g_ptr_array_unref(diagnostics);
    g_free(path);
    fixture_dir_remove(dir);
}

static void teardown(void)
{
    relgraph_dictionary_free(dict);
    relgraph_lexicon_free(lexicon);
}

TestSuite(actor_lookup, .init = setup, .fini = teardown);

/* The canonical name of what name resolves to, "" when nothing. */
static const char *resolved(const char *name)
{
    gint id = relgraph_actor_lookup(dict, name, NULL, NULL);
    return id < 0 ? "" : relgraph_dictionary_actor(dict, (guint)id)->name;
}

/* The suggestions for name, joined by "|", and whether it was ambiguous. */
static char *suggested(const char *name, gboolean *ambiguous)
{
    GPtrArray *near = g_ptr_array_new();
    cr_assert_lt(relgraph_actor_lookup(dict, name, near, ambiguous), 0, "%s resolved", name);
    g_ptr_array_add(near, NULL);
    char *joined = g_strjoinv("|", (char **)near->pdata);
    g_ptr_array_unref(near);
    return joined;
}

Test(actor_lookup, every_kind_of_name_in_any_case)
{
    cr_expect_str_eq(resolved("North Korea"), "North Korea");
    cr_expect_str_eq(resolved("north korea"), "North Korea");
    cr_expect_str_eq(resolved("NORTH  KOREA"), "North Korea");
    cr_expect_str_eq(resolved("DPRK"), "North Korea");
    cr_expect_str_eq(resolved("dprk"), "North Korea", "an acronym alias typed in lower case");
    cr_expect_str_eq(resolved("Democratic People’s Republic of Korea"), "North Korea", "typographic apostrophe");
    cr_expect_str_eq(resolved("Pyongyang"), "North Korea", "metonym");
    cr_expect_str_eq(resolved("north korean"), "North Korea", "demonym");
    cr_expect_str_eq(resolved("the kremlin"), "Russia");
    cr_expect_str_eq(resolved("Moscow"), "Russia", "a metonym, although Moscow Times contains it");
    cr_expect_str_eq(resolved("Kim Jong-un"), "Kim Jong Un");
    cr_expect_str_eq(resolved("kim jong un"), "Kim Jong Un");
    cr_expect_str_eq(resolved("Lavrov"), "Sergei Lavrov", "a short name only one actor has");
    cr_expect_str_eq(resolved("rene lefort"), "Ren\xc3\xa9 Lefort", "accents do not count");
    cr_expect_str_eq(resolved(""), "");
    cr_expect_str_eq(resolved("  "), "");
}

Test(actor_lookup, a_shared_name_is_ambiguous)
{
    gboolean ambiguous = FALSE;
    char *near = suggested("kim", &ambiguous);
    cr_expect(ambiguous);
    cr_expect_str_eq(near, "Kim Jong Un|Kim Yo Jong");
    g_free(near);
}

Test(actor_lookup, nearest_names_when_nothing_fits)
{
    gboolean ambiguous = TRUE;
    char *near = suggested("Nroth Korea", &ambiguous);
    cr_expect_not(ambiguous);
    cr_expect_str_eq(near, "North Korea|South Korea", "two edits, then four");
    g_free(near);
    near = suggested("Moscow Timez", NULL);
    cr_expect_str_eq(near, "Moscow Times|Russia", "a misspelling first, then a name within it");
    g_free(near);
    near = suggested("Lavrow", NULL);
    cr_expect_str_eq(near, "Sergei Lavrov");
    g_free(near);
    near = suggested("xyzzy", NULL);
    cr_expect_str_eq(near, "");
    g_free(near);
}
