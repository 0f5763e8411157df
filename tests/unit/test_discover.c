/* Discovery (discover.c) and reference (reference.c): actors the rules do
 * not list, and pronouns and descriptions that stand for earlier actors.
 * The rules here are a small fixture, so that these tests pin the
 * mechanisms and not the shipped rule files; the sentences are invented. */
#include <criterion/criterion.h>

#include "phenomena_fixture.h"

static const char fixture_relations[] =
    "define @title = deputy foreign minister | foreign minister | prime minister | premier | president | leader | "
    "minister | ambassador | counterpart | spokesperson | secretary of state | general | head\n"
    "relation meet symmetric\n"
    "  {src} (met | meets) [with] {dst}\n"
    "  {pair} held talks\n"
    "relation visit directed external\n"
    "  {src} visited {dst:state}\n"
    "relation criticize directed\n"
    "  {src} criticized {dst}\n"
    "relation member_of directed\n"
    "  {dst:state|institution} ['s] [@title] @title [,] {src:official single}\n";

/* States beyond the shared fixture's: two whose names begin with the same
 * word. */
static const char more_actors[] = "actor South Korea state\n"
                                  "  metonym Seoul\n"
                                  "  demonym South Korean\n"
                                  "actor South Africa state\n"
                                  "  demonym South African\n"
                                  "actor Russian Foreign Ministry institution\n"
                                  "  alias Russia's Foreign Ministry\n"
                                  "  short Foreign Ministry\n"
                                  "  member_of Russia\n";

static void setup(void)
{
    const char *files[] = {"test.actors", fixture_actors, "more.actors", more_actors, "test.rules",
                           fixture_relations, NULL};
    char *dir = fixture_dir(files);
    GError *error = NULL;
    rules = relgraph_rules_load(dir, NULL, &error);
    fixture_dir_remove(dir);
    cr_assert_not_null(rules, "fixture rules failed to load: %s", error ? error->message : "?");
}


/* The first relation mention of text, with its result (caller frees both). */
static RelgraphExtractResult *extract(const char *text, gboolean no_discovery, RelgraphDocument **doc)
{
    *doc = relgraph_document_new("doc", "doc.txt", text, strlen(text));
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP, .no_discovery = no_discovery};
    return relgraph_extract_document(rules, *doc, &options);
}

TestSuite(discover, .init = setup, .fini = free_rules);

Test(discover, a_person_after_a_title_is_an_official)
{
    expect_has("Deputy Foreign Minister Olek Varnavin met Wang Yi in Beijing.", "Olek Varnavin meet Wang Yi");
    const char *owned = "Russian Deputy Foreign Minister Olek Varnavin visited Japan on Friday.";
    expect_has(owned, "Olek Varnavin member_of Russia");
    expect_has(owned, "Olek Varnavin visit Japan");
    /* "of" names the state too; hyphenated names stay whole. */
    expect_has("The Foreign Minister of the DPRK Ri Sol-ha met Wang Yi.", "Ri Sol-ha member_of North Korea");
    expect_has("The Foreign Minister of the DPRK Ri Sol-ha met Wang Yi.", "Ri Sol-ha meet Wang Yi");
}

Test(discover, a_person_before_an_apposition_is_an_official)
{
    const char *text = "Olek Varnavin, Russia's deputy foreign minister, visited Japan.";
    expect_has(text, "Olek Varnavin visit Japan");
}

Test(discover, the_name_alone_stands_for_the_person_later)
{
    const char *text = "Russian Deputy Foreign Minister Olek Varnavin arrived on Monday. Varnavin met Wang Yi.";
    expect_has(text, "Olek Varnavin meet Wang Yi");
    /* Two people who share the word: neither. */
    const char *two = "Ambassador Park Min-soo and Minister Park Jae-won arrived. Park met Wang Yi.";
    expect_not(two, "Park Min-soo meet Wang Yi");
    expect_not(two, "Park Jae-won meet Wang Yi");
}

Test(discover, a_capitalised_phrase_without_a_title_is_no_actor)
{
    expect_not("Olek Varnavin met Wang Yi.", "Olek Varnavin meet Wang Yi");
    /* Organisations, acronyms and lone weak titles. */
    char *got = fixture_extract(rules, "General Dynamics Corp met Wang Yi. The NATO Summit met Wang Yi. "
                                       "Our head Tom Banks met Wang Yi.", RELGRAPH_HEDGED_DROP);
    cr_expect_str_empty(got, "got:\n%s", got);
    g_free(got);
}

Test(discover, a_state_and_institution_words_make_an_institution)
{
    const char *text = "Russia's Defence Ministry criticized Japan.";
    expect_has(text, "Russian Defence Ministry criticize Japan");
    expect_has(text, "Russian Defence Ministry member_of Russia");
    expect_has("Russia's Ministry of Emergency Situations criticized Japan.",
               "Russian Ministry of Emergency Situations criticize Japan");
    /* Lower case is a description, not a name. */
    expect_not("Russia's defence ministry criticized Japan.", "Russian defence ministry criticize Japan");
}

/* "Japan's Foreign Ministry" after Russia's was named: the short name is
 * not Russia's ministry here, even in a sentence with no other capital. */
Test(discover, another_states_short_name_after_a_state_is_its_own_institution)
{
    const char *text = "Russia's Foreign Ministry criticized China. Japan's Foreign Ministry criticized China.";
    expect_has(text, "Japanese Foreign Ministry criticize China");
    expect_has(text, "Russian Foreign Ministry criticize China");
    expect_not("Japan's Foreign Ministry criticized China.", "Russian Foreign Ministry criticize China");
    RelgraphDocument *doc = NULL;
    RelgraphExtractResult *result = extract(text, FALSE, &doc);
    guint russian = 0;
    for (guint i = 0; i < result->relations->len; i++) {
        const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
        russian += m->sentence == 1 && strcmp(relgraph_extract_actor(result, m->source)->name,
                                              "Russian Foreign Ministry") == 0;
    }
    cr_expect_eq(russian, 0, "the second sentence is not about Russia's ministry");
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
}

/* The number of actors discovered in text. */
static guint discovered_in(const char *text)
{
    RelgraphDocument *doc;
    RelgraphExtractResult *result = extract(text, FALSE, &doc);
    guint n = relgraph_cast_discovered(result->cast);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
    return n;
}

Test(discover, its_institution_that_reports_belongs_to_the_subject)
{
    /* Japan opens the sentence: the ministry is Japan's, not Russia's. */
    const char *text = "Japan criticized Russia over the drills, its defence ministry said on Monday.";
    expect_has(text, "Japanese Defence Ministry member_of Japan");
    expect_not(text, "Russian Defence Ministry member_of Russia");
    /* A body the rules list is that actor; "according to" reports too. */
    expect_has("China will curb exports to Japan, according to its foreign ministry.",
               "Chinese Foreign Ministry member_of China");
    /* Not reporting, one word, a title, or no state before "its": nothing. */
    cr_expect_eq(discovered_in("China expanded its coast guard service."), 0u);
    cr_expect_eq(discovered_in("Russia criticized Japan, its army said."), 0u);
    cr_expect_eq(discovered_in("Russia criticized Japan, its foreign minister said."), 0u);
    cr_expect_eq(discovered_in("The talks stalled, its defence ministry said, and Japan left."), 0u);
}

Test(discover, discovered_actors_are_marked_and_can_be_turned_off)
{
    RelgraphDocument *doc;
    RelgraphExtractResult *result = extract("Deputy Foreign Minister Olek Varnavin met Wang Yi.", FALSE, &doc);
    cr_assert_eq(result->relations->len, 1u);
    const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, 0);
    const RelgraphActor *a = relgraph_extract_actor(result, m->source);
    const RelgraphActor *b = relgraph_extract_actor(result, m->target);
    cr_expect(a->discovered != b->discovered, "one listed, one discovered");
    cr_expect_eq(relgraph_cast_discovered(result->cast), 1u);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);

    result = extract("Deputy Foreign Minister Olek Varnavin met Wang Yi.", TRUE, &doc);
    cr_expect_eq(result->relations->len, 0u);
    cr_expect_eq(relgraph_cast_discovered(result->cast), 0u);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
}

TestSuite(reference, .init = setup, .fini = free_rules);

Test(reference, a_pronoun_is_the_nearest_official)
{
    expect_has("Sergei Lavrov arrived in Beijing on Tuesday. He met Wang Yi.", "Sergei Lavrov meet Wang Yi");
    expect_has("Wang Yi visited Moscow, where he met Sergei Lavrov.", "Sergei Lavrov meet Wang Yi");
    /* The first official of the sentence before: its subject. */
    expect_has("Zhao Leji thanked Kim Jong Un for the welcome. He met Sergei Lavrov.", "Sergei Lavrov meet Zhao Leji");
    /* Too far back: nothing is guessed. */
    expect_not("Wang Yi arrived. It rained. It rained. It rained. He met Sergei Lavrov.",
               "Sergei Lavrov meet Wang Yi");
}

Test(reference, a_possessive_before_a_title_is_no_reference)
{
    const char *text = "Wang Yi met his Russian counterpart Sergei Lavrov.";
    expect_has(text, "Sergei Lavrov meet Wang Yi");
    expect_not(text, "Russia meet Wang Yi");
}

Test(reference, the_two_leaders_are_the_last_two_officials)
{
    expect_has("Wang Yi flew to Pyongyang, and Kim Jong Un welcomed him. The two leaders held talks.",
               "Kim Jong Un meet Wang Yi");
    /* "presidents": the two named with that title, not the minister in between. */
    const char *presidents = "President Kim Jong Un welcomed President Zhao Leji. Foreign Minister Wang Yi "
                             "waited. The two presidents held talks.";
    expect_has(presidents, "Kim Jong Un meet Zhao Leji");
    expect_not(presidents, "Wang Yi meet Zhao Leji");
    const char *states = "China and Russia watched closely. Both countries criticized Japan.";
    expect_has(states, "China criticize Japan");
    expect_has(states, "Russia criticize Japan");
}

Test(reference, they_are_the_last_coordinated_pair)
{
    const char *text = "China and Russia met on Monday. They criticized Japan.";
    expect_has(text, "China criticize Japan");
    expect_has(text, "Russia criticize Japan");
}

Test(reference, a_description_needs_a_fitting_antecedent)
{
    expect_has("Russian Foreign Minister Sergei Lavrov arrived. The Russian minister met Wang Yi.",
               "Sergei Lavrov meet Wang Yi");
    /* No Japanese official was named: nobody. */
    expect_not("Sergei Lavrov arrived. The Japanese leader met Wang Yi.", "Sergei Lavrov meet Wang Yi");
    /* A prime minister is not the foreign minister named before. */
    expect_not("Foreign Minister Sergei Lavrov arrived. The prime minister met Wang Yi.",
               "Sergei Lavrov meet Wang Yi");
    /* Titles news uses for one another: a premier is a prime minister. */
    expect_has("Prime Minister Zhao Leji arrived. The Chinese premier met Wang Yi.", "Wang Yi meet Zhao Leji");
    expect_not("Foreign Minister Zhao Leji arrived. The Chinese premier met Wang Yi.", "Wang Yi meet Zhao Leji");
    /* An apposition describes the name before it. */
    expect_has("Sergei Lavrov, Russia's foreign minister, met Wang Yi.", "Sergei Lavrov meet Wang Yi");
}

Test(reference, the_north_is_the_state_named_before_that_begins_with_it)
{
    expect_has("North Korea tested a rocket on Monday. Japan criticized the North.", "Japan criticize North Korea");
    /* Any alias names the state; "the South" likewise. */
    expect_has("Pyongyang tested a rocket. Later Japan criticized the North at the talks.",
               "Japan criticize North Korea");
    expect_has("Seoul held drills. The South criticized Japan.", "South Korea criticize Japan");
    /* Nothing named before: the North of what? */
    expect_not("Japan criticized the North. North Korea tested a rocket.", "Japan criticize North Korea");
    /* More words of a name, or a region of a place. */
    expect_not("North Korea tested a rocket. Japan criticized the North Pacific fleet.",
               "Japan criticize North Korea");
    expect_not("South Korea held drills. Japan visited the South of France.", "Japan visit South Korea");
    /* Lower case is a direction; two states that begin with the word are either. */
    expect_not("North Korea tested a rocket. Japan visited the north.", "Japan visit North Korea");
    const char *two = "South Korea and South Africa held talks. Japan criticized the South.";
    expect_not(two, "Japan criticize South Korea");
    expect_not(two, "Japan criticize South Africa");
}

Test(reference, a_diplomats_description_may_say_where_they_are_posted)
{
    const char *text = "Russian Ambassador to Japan Olek Varnavin arrived on Monday. China criticized the Russian "
                       "ambassador to Japan.";
    expect_has(text, "China criticize Olek Varnavin");
    /* The post is part of the description, not an actor of the sentence. */
    expect_not(text, "China criticize Japan");
    /* Nobody of that state named before: nothing. */
    expect_not("Japanese Ambassador to China Olek Varnavin arrived. China criticized the Russian ambassador to Japan.",
               "China criticize Olek Varnavin");
}

Test(reference, it_after_a_verb_of_saying_is_the_body_that_said_it)
{
    expect_has("The Chinese Foreign Ministry said it criticized Japan over the drills.",
               "Chinese Foreign Ministry criticize Japan");
    expect_has("Russia announced that it met China on Monday.", "China meet Russia");
    /* A person is no "it"; a subject that is no actor ("which") gives none. */
    expect_not("Wang Yi said it criticized Japan.", "Wang Yi criticize Japan");
    const char *which = "China met Russia, which said it criticized Japan.";
    expect_not(which, "Russia criticize Japan");
    expect_not(which, "China criticize Japan");
}

Test(reference, both_opening_a_sentence_is_the_pair_before)
{
    const char *text = "Wang Yi met Sergei Lavrov in Moscow. Both criticized Japan.";
    expect_has(text, "Wang Yi criticize Japan");
    expect_has(text, "Sergei Lavrov criticize Japan");
    /* "Both" before names is a conjunction, not a subject. */
    expect_not("Wang Yi met Sergei Lavrov. Both Japan and China criticized Russia.", "Wang Yi criticize Russia");
}

Test(reference, the_last_word_of_an_institution_stands_for_it)
{
    expect_has("The Chinese Foreign Ministry summoned envoys. Later the ministry criticized Japan.",
               "Chinese Foreign Ministry criticize Japan");
    expect_has("The UN Security Council met on Friday. The council criticized North Korea.",
               "UN Security Council criticize North Korea");
    /* Only an institution named before; "the ministry of ..." is a name. */
    expect_not("The ministry criticized Japan. The Chinese Foreign Ministry met Russia.",
               "Chinese Foreign Ministry criticize Japan");
    expect_not("The Chinese Foreign Ministry met Russia. Then Japan criticized the ministry of trade.",
               "Japan criticize Chinese Foreign Ministry");
    expect_has("The Chinese Foreign Ministry met Russia. Then Japan criticized the ministry.",
               "Japan criticize Chinese Foreign Ministry");
    /* With a state: an institution of that state. */
    expect_has("The Chinese Foreign Ministry met Russia. Later the Chinese ministry criticized Japan.",
               "Chinese Foreign Ministry criticize Japan");
    expect_not("The Chinese Foreign Ministry met Russia. Later the Russian ministry criticized Japan.",
               "Chinese Foreign Ministry criticize Japan");
    /* A sentence that names no actor is read when it opens with one. */
    expect_has("North Korea tested a rocket. The UN Security Council met on Friday. The council criticized the North.",
               "UN Security Council criticize North Korea");
    /* "it" after a verb of saying may repeat such a reference. */
    expect_has("The Chinese Foreign Ministry met Russia. The ministry said it criticized Japan.",
               "Chinese Foreign Ministry criticize Japan");
}

Test(reference, a_match_says_which_slot_a_reference_filled)
{
    RelgraphDocument *doc;
    RelgraphExtractResult *result = extract("Sergei Lavrov arrived in Beijing. He met Wang Yi.", FALSE, &doc);
    cr_assert_eq(result->relations->len, 1u);
    const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, 0);
    /* Symmetric: Sergei Lavrov < Wang Yi, and "He" is Lavrov, the source. */
    cr_expect_str_eq(relgraph_extract_actor(result, m->source)->name, "Sergei Lavrov");
    cr_expect_eq(m->through, (guint)RELGRAPH_THROUGH_SOURCE);
    relgraph_extract_result_free(result);
    relgraph_document_free(doc);
}

TestSuite(affiliation, .init = setup, .fini = free_rules);

Test(affiliation, an_official_and_their_own_state_in_one_sentence)
{
    expect_has("Wang Yi spoke as China and Japan talked.", "Wang Yi member_of China");
    /* Another state is not theirs; a state reached only through a ministry is not named as theirs. */
    expect_not("Wang Yi spoke as Japan talked.", "Wang Yi member_of Japan");
    expect_not("Wang Wenbin spoke as China talked.", "Wang Wenbin member_of China");
}

/* membership.rules as shipped: appositions and state media. */
TestSuite(membership, .init = load_default_rules, .fini = free_rules);

Test(membership, an_apposition_may_say_also_and_name_two_bodies)
{
    expect_has("Zhao Leji, also a member of the Political Bureau of the CPC Central Committee, spoke on Friday.",
               "Zhao Leji member_of Politburo");
    const char *two = "Kim Jong Un, chairman of the Workers' Party of Korea and chairman of the State Affairs "
                      "Commission, spoke on Friday.";
    expect_has(two, "Kim Jong Un member_of Workers' Party of Korea");
    expect_has(two, "Kim Jong Un member_of State Affairs Commission");
    /* A second part without a title names no body of the person. */
    expect_not("Kim Jong Un, chairman of the Workers' Party of Korea and a guest of the State Affairs "
               "Commission, spoke on Friday.",
               "Kim Jong Un member_of State Affairs Commission");
    expect_not("Zhao Leji, also a guest of the Political Bureau of the CPC Central Committee, spoke on Friday.",
               "Zhao Leji member_of Politburo");
}

Test(membership, a_states_news_agency_belongs_to_it)
{
    expect_has("North Korea's state news agency KCNA reported the launch on Friday.", "KCNA member_of North Korea");
    /* Another state quoting it does not own it. */
    expect_not("China quoted North Korea's state news agency KCNA on Friday.", "KCNA member_of China");
}
