/* Actor dictionaries: parsing and mention matching. */
#include <criterion/criterion.h>

#include "relgraph/actors.h"
#include "relgraph/corpus.h"
#include "relgraph/sentence.h"
#include "rules_fixture.h"

static RelgraphLexicon *lexicon;
static RelgraphDictionary *dict;
static GPtrArray *diagnostics;

static void load_text(const char *text)
{
    const char *files[] = {"a.actors", text, NULL};
    char *dir = fixture_dir(files);
    char *path = g_build_filename(dir, "a.actors", NULL);
    lexicon = relgraph_lexicon_new();
    dict = relgraph_dictionary_new(lexicon);
    diagnostics = relgraph_diagnostics_new();
    cr_assert(relgraph_dictionary_load(dict, path, diagnostics, NULL));
    relgraph_dictionary_finish(dict, diagnostics);
    g_free(path);
    fixture_dir_remove(dir);
}

static void teardown(void)
{
    relgraph_dictionary_free(dict);
    relgraph_lexicon_free(lexicon);
    g_ptr_array_unref(diagnostics);
}

/* "Actor[kind]" for each mention in text, space-separated; named persists
 * across calls when given. */
static char *mentions_of(const char *text, GHashTable *named)
{
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    GStringChunk *chunk = g_string_chunk_new(256);
    relgraph_text_tokenize(text, 0, strlen(text), chunk, tokens);
    relgraph_lexicon_assign(lexicon, (RelgraphToken *)(void *)tokens->data, tokens->len);
    GArray *mentions = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    relgraph_dictionary_match(dict, (RelgraphToken *)(void *)tokens->data, tokens->len, named, mentions);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < mentions->len; i++) {
        const RelgraphMention *m = &g_array_index(mentions, RelgraphMention, i);
        g_string_append_printf(out, "%s%s", out->len ? "|" : "",
                               relgraph_dictionary_actor(dict, m->actor)->name);
    }
    g_array_unref(mentions);
    g_string_chunk_free(chunk);
    g_array_unref(tokens);
    return g_string_free(out, FALSE);
}

static void expect_mentions(const char *text, GHashTable *named, const char *expected)
{
    char *got = mentions_of(text, named);
    cr_expect_str_eq(got, expected, "text: %s", text);
    g_free(got);
}

static void setup_fixture(void)
{
    load_text(fixture_actors);
    cr_assert_eq(relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR), 0);
}

TestSuite(actors, .init = setup_fixture, .fini = teardown);

Test(actors, aliases_metonyms_demonyms)
{
    expect_mentions("Beijing and the PRC spoke to Pyongyang.", NULL, "China|China|North Korea");
    expect_mentions("North Korean troops and Russians.", NULL, "North Korea|Russia");
    expect_mentions("The Kremlin said.", NULL, "Russia");
}

Test(actors, longest_alias_wins)
{
    expect_mentions("China's Foreign Ministry said China agreed.", NULL, "Chinese Foreign Ministry|China");
}

Test(actors, spelling_variants_normalise)
{
    expect_mentions("Sergey Lavrov and SERGEI LAVROV and Kim Jong-un.", NULL,
                    "Sergei Lavrov|Sergei Lavrov|Kim Jong Un");
    expect_mentions("Beijing\xe2\x80\x99s envoy", NULL, "China");
}

Test(actors, acronyms_only_match_capitals)
{
    expect_mentions("The US told us to wait.", NULL, "United States");
    expect_mentions("the dprk and the DPRK", NULL, "North Korea");
}

Test(actors, short_names_need_the_full_name_first)
{
    GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
    expect_mentions("Lavrov arrived.", named, "");
    expect_mentions("Sergei Lavrov arrived.", named, "Sergei Lavrov");
    expect_mentions("Lavrov left.", named, "Sergei Lavrov");
    /* A short name matches only a capitalised word. */
    expect_mentions("the lavrov doctrine", named, "");
    g_hash_table_destroy(named);
}

Test(actors, ambiguous_short_names_match_nobody)
{
    GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
    expect_mentions("Wang Yi spoke.", named, "Wang Yi");
    expect_mentions("Wang agreed.", named, "Wang Yi");
    expect_mentions("Wang Wenbin spoke too.", named, "Wang Wenbin");
    expect_mentions("Wang agreed again.", named, "");
    g_hash_table_destroy(named);
}

Test(actors, alias_naming_the_affiliation)
{
    const char *text = "China's Foreign Ministry said.";
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    GStringChunk *chunk = g_string_chunk_new(64);
    relgraph_text_tokenize(text, 0, strlen(text), chunk, tokens);
    relgraph_lexicon_assign(lexicon, (RelgraphToken *)(void *)tokens->data, tokens->len);
    GArray *mentions = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    relgraph_dictionary_match(dict, (RelgraphToken *)(void *)tokens->data, tokens->len, NULL, mentions);
    cr_assert_eq(mentions->len, 1);
    const RelgraphMention *m = &g_array_index(mentions, RelgraphMention, 0);
    cr_expect_eq(m->affiliation, relgraph_dictionary_find(dict, "China"));
    cr_expect_eq(m->first, 0);
    cr_expect_eq(m->last, 4);
    g_array_unref(mentions);
    g_string_chunk_free(chunk);
    g_array_unref(tokens);
}

Test(actors, belongs_to_follows_the_chain)
{
    guint wenbin = (guint)relgraph_dictionary_find(dict, "Wang Wenbin");
    cr_expect(relgraph_dictionary_belongs_to(dict, wenbin, (guint)relgraph_dictionary_find(dict, "China")));
    cr_expect_not(relgraph_dictionary_belongs_to(dict, wenbin, (guint)relgraph_dictionary_find(dict, "Russia")));
}

/* ---- errors ------------------------------------------------------------ */

static void expect_diagnostic(const char *text, const char *fragment)
{
    load_text(text);
    gboolean found = FALSE;
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < diagnostics->len; i++) {
        const RelgraphDiagnostic *d = g_ptr_array_index(diagnostics, i);
        g_string_append_printf(all, "%s\n", d->message);
        found |= strstr(d->message, fragment) != NULL;
    }
    cr_expect(found, "expected \"%s\" among:\n%s", fragment, all->str);
    g_string_free(all, TRUE);
    teardown();
}

Test(actors_errors, messages_name_file_line_and_column)
{
    expect_diagnostic("actor China country\n", "a.actors:1:13: error: unknown actor type \"country\"");
    expect_diagnostic("actor China\n", "a.actors:1:7: error: expected \"actor NAME TYPE\"");
    expect_diagnostic("actor China state\n  nickname Cathay\n", "a.actors:2:3: error: unknown keyword \"nickname\"");
    expect_diagnostic("actor China state\n  alias PRC | | Cathay\n", "a.actors:2:15: error: empty item in list");
    expect_diagnostic("  alias PRC\n", "a.actors:1:3: error: indented line outside of an actor entry");
    expect_diagnostic("actor China state\nactor China state\n", "a.actors:2:7: error: actor \"China\" is already defined at");
    expect_diagnostic("actor Zhao official\n  member_of Atlantis\n", "a.actors:2:13: error: member_of names unknown actor \"Atlantis\"");
    expect_diagnostic("actor China state\n  alias Middle Kingdom\nactor Japan state\n  alias middle kingdom\n",
                      "a.actors:4:9: error: alias \"middle kingdom\" is ambiguous: it also names \"China\" (");
    expect_diagnostic("alias China\n", "a.actors:1:1: error: expected \"actor NAME TYPE\"");
}

Test(actors_errors, names_fold_their_blanks)
{
    load_text("actor \t Kim  \t Jong\tUn   official\nactor Kim Jong Un official\n");
    cr_expect_eq(relgraph_dictionary_size(dict), 1);
    cr_expect_eq(relgraph_dictionary_find(dict, "Kim Jong Un"), 0);
    teardown();
    expect_diagnostic("actor \t Kim  \t Jong\tUn   official\nactor Kim Jong Un official\n",
                      "a.actors:2:7: error: actor \"Kim Jong Un\" is already defined at");
}

Test(actors_errors, shared_short_names_are_not_errors)
{
    load_text("actor Li Qiang official\n  short Li\nactor Li Hongzhong official\n  short Li\n");
    cr_expect_eq(relgraph_diagnostics_count(diagnostics, RELGRAPH_DIAG_ERROR), 0);
    teardown();
}

Test(actors_state_of, nearest_state_along_member_of)
{
    RelgraphRules *r = fixture_rules("relation visit directed\n  {src} visited {dst}\n", NULL);
    cr_assert_not_null(r);
    const RelgraphDictionary *d = r->dictionary;
    gint china = relgraph_dictionary_find(d, "China");
    cr_expect_eq(relgraph_dictionary_state_of(d, (guint)china), china, "a state is its own state");
    cr_expect_eq(relgraph_dictionary_state_of(d, (guint)relgraph_dictionary_find(d, "Wang Wenbin")), china,
                 "through the ministry to China");
    cr_expect_eq(relgraph_dictionary_state_of(d, (guint)relgraph_dictionary_find(d, "UN Security Council")), -1);
    relgraph_rules_free(r);
}

/* The screen that lets extraction skip sentences: it may let a sentence
 * without mentions through, but never stops one with a mention. */
static void expect_screen(const char *text, gboolean passes)
{
    char *got = mentions_of(text, NULL);
    gboolean may = relgraph_dictionary_may_match(dict, text, strlen(text));
    if (*got)
        cr_expect(may, "screened out a sentence with mentions (%s): %s", got, text);
    cr_expect_eq(may, passes, "screen of \"%s\": %d", text, may);
    g_free(got);
}

Test(actors, screen_never_stops_a_mention)
{
    expect_screen("Officials met reporters in the evening.", FALSE);
    expect_screen("", FALSE);
    expect_screen("The vote was 1,000 to 3.7 -- \xe2\x80\x9cnone\xe2\x80\x9d \xe2\x80\x94 said so\xe2\x80\xa6", FALSE);
    expect_screen("Beijing said so.", TRUE);
    expect_screen("BEIJING said so.", TRUE);
    expect_screen("A U.S.-led coalition.", TRUE);
    expect_screen("The U. S. envoy.", TRUE);
    expect_screen("The US$ bond.", TRUE); /* no mention ("us$"), but the run "us" is a word of one */
    expect_screen("Officials in the Kremlin.", TRUE);
    expect_screen("The\xc2\xa0Kremlin said.", TRUE);
    expect_screen("Security\xe2\x80\x94" "Council", TRUE);
    expect_screen("The Security office.", FALSE); /* two-word alias: both words needed */
    expect_screen("China\xe2\x80\x99s Foreign Ministry.", TRUE);
    expect_screen("Kim\xe2\x80\x99s aide.", TRUE);
    expect_screen("Chi\xc2\xadna (a soft hyphen) is one word.", TRUE); /* non-ASCII: never screened */
    expect_screen("P\xc3\xa9kin.", TRUE);
}

/* The same on every sentence of the shipped corpus with the shipped rules. */
Test(actors_screen, passes_every_sentence_with_a_mention_in_seeds)
{
    GError *error = NULL;
    RelgraphRules *rules = relgraph_rules_load(RELGRAPH_SOURCE_DIR "/rules", NULL, &error);
    cr_assert_not_null(rules, "%s", error ? error->message : "?");
    const char *seeds[] = {RELGRAPH_SOURCE_DIR "/seeds"};
    GPtrArray *paths = relgraph_corpus_expand(seeds, 1, NULL, &error);
    cr_assert_not_null(paths, "%s", error ? error->message : "?");
    cr_assert_geq(paths->len, 5);
    guint with_mentions = 0, screened = 0;
    GArray *sentences = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    GArray *mentions = g_array_new(FALSE, FALSE, sizeof(RelgraphMention));
    for (guint d = 0; d < paths->len; d++) {
        RelgraphDocument *doc = relgraph_document_load(g_ptr_array_index(paths, d), &error);
        cr_assert_not_null(doc, "%s", error ? error->message : "?");
        GStringChunk *chunk = g_string_chunk_new(4096);
        GHashTable *named = g_hash_table_new(g_direct_hash, g_direct_equal);
        g_array_set_size(sentences, 0);
        relgraph_sentence_split(doc->text, doc->len, sentences);
        for (guint s = 0; s < sentences->len; s++) {
            const RelgraphSpan *span = &g_array_index(sentences, RelgraphSpan, s);
            g_array_set_size(tokens, 0);
            g_array_set_size(mentions, 0);
            relgraph_text_tokenize(doc->text, span->start, span->end, chunk, tokens);
            RelgraphToken *toks = (RelgraphToken *)(void *)tokens->data;
            relgraph_lexicon_assign(rules->lexicon, toks, tokens->len);
            relgraph_dictionary_match(rules->dictionary, toks, tokens->len, named, mentions);
            gboolean may = relgraph_dictionary_may_match(rules->dictionary, doc->text + span->start,
                                                         span->end - span->start);
            with_mentions += mentions->len > 0;
            screened += !may;
            cr_expect(may || mentions->len == 0, "%s: sentence %u screened out: %.*s", doc->path, s,
                      (int)(span->end - span->start), doc->text + span->start);
        }
        g_hash_table_destroy(named);
        g_string_chunk_free(chunk);
        relgraph_document_free(doc);
    }
    /* And it does screen: most seed sentences without an actor are skipped. */
    cr_expect_gt(with_mentions, 50);
    cr_expect_gt(screened, 20);
    g_array_unref(mentions);
    g_array_unref(tokens);
    g_array_unref(sentences);
    g_ptr_array_unref(paths);
    relgraph_rules_free(rules);
}
