/* Phenomena added for recall on unseen news: each with sentences that say
 * it and sentences that only look like it. The sentences are invented for
 * these tests (none is taken from seeds/ or the dev corpus) and run against
 * the shipped rules/ directory. */
#include <criterion/criterion.h>

#include "phenomena_fixture.h"

TestSuite(phenomena_recall, .init = load_default_rules, .fini = free_rules);

/* A government department named with its state in the same sentence is
 * linked to it, like an official; other institutions (an army, a party, a
 * news agency) are not. */
Test(phenomena_recall, a_department_and_its_state_in_one_sentence)
{
    expect_has("The Ministry of External Affairs said the fuel purchases protect the consumers of India.",
               "Indian Ministry of External Affairs member_of India");
    expect_has("The Foreign, Commonwealth and Development Office said the UK will add ten names to its list.",
               "UK Foreign Office member_of United Kingdom");
    expect_not("The Korean People's Army held drills while North Korea marked a holiday.",
               "Korean People's Army member_of North Korea");
}

/* "would" reports a plan; a conditional or a speculation stays hedged. */
Test(phenomena_recall, reported_plans_with_would)
{
    expect_has("The embassy said Choe Son Hui would hold talks with Sergei Lavrov next week.",
               "Choe Son Hui meet Sergei Lavrov");
    expect_has("Officials said Fumio Kishida would visit Seoul in March.", "Fumio Kishida visit South Korea");
    expect_not("If the dispute were settled, Fumio Kishida would visit Seoul.", "Fumio Kishida visit South Korea");
    /* A condition after the statement, in its clause, hedges it too; one in
     * another clause does not. */
    expect_not("Fumio Kishida would visit Seoul if the dispute were settled.", "Fumio Kishida visit South Korea");
    expect_not("Tokyo will impose tariffs on Beijing unless talks resume.", "Japan sanction China");
    expect_has("Fumio Kishida will visit Seoul in March, officials said, but asked if it mattered.",
               "Fumio Kishida visit South Korea");
    expect_not("Fumio Kishida would probably visit Seoul in March.", "Fumio Kishida visit South Korea");
    expect_not("Tokyo said it would not impose sanctions on Beijing.", "Japan sanction China");
}

/* "his US counterpart X" holds the other one's office: the two are "the
 * two ministers"; and "they" after such a group in the same sentence is
 * that group, unless two actors of one type stand after it. */
Test(phenomena_recall, counterparts_make_a_group_and_they_repeats_it)
{
    const char *text = "Japanese Foreign Minister Takeshi Iwaya and his Australian counterpart Penny Wong met in Tokyo. "
                       "Officials said the two ministers agreed to share data, and they also condemned the tests by "
                       "North Korea.";
    expect_has(text, "Penny Wong criticize North Korea");
    expect_has(text, "Takeshi Iwaya criticize North Korea");
    /* Two people named after the group are what "they" stands for. */
    const char *later = "Takeshi Iwaya met Penny Wong. \"The two sides must stay close,\" Xi Jinping told Vladimir Putin "
                        "as they condemned North Korea's tests.";
    expect_has(later, "Xi Jinping criticize North Korea");
    expect_not(later, "Takeshi Iwaya criticize North Korea");
    /* The other one's title still has to fit: a foreign minister and his
     * counterpart are not "the two presidents". */
    expect_not("Chinese Foreign Minister Wang Yi and his Russian counterpart Sergei Lavrov met. Later the two "
               "presidents condemned Japan.",
               "Sergei Lavrov criticize Japan");
}

/* Sanctions by their effect, placed under a government. */
Test(phenomena_recall, sanctions_under_an_administration_by_their_effect)
{
    const char *text = "Exporters complained about US tariffs under the Biden administration, which have hurt both "
                       "Canada and Mexico.";
    expect_has(text, "United States sanction Canada");
    expect_has(text, "United States sanction Mexico");
    expect_not("US tariffs under the Biden administration have not stopped Canada from trading with Mexico.",
               "United States sanction Canada");
    expect_not("Relief from US tariffs under the Biden administration, which have eased, helped Canada.",
               "United States sanction Canada");
}

/* A regime named after its leader is the state. */
Test(phenomena_recall, a_regime_named_after_its_leader_is_the_state)
{
    expect_has("Beijing has propped up the Kim regime with fuel shipments.", "China support North Korea");
    expect_has("Tehran has been propping up the Assad regime for a decade.", "Iran support Syria");
    /* The leader alone is the person, not the state. */
    expect_not("Kim Jong Un spoke. Beijing has propped up Kim with rice.", "China support North Korea");
}

/* An envoy who arrives carrying a message for a leader meets that leader. */
Test(phenomena_recall, arriving_with_a_message_for_a_leader)
{
    expect_has("Chinese Foreign Minister Wang Yi landed in Pyongyang on Monday, bearing a personal letter from "
               "President Xi Jinping to Kim Jong Un.",
               "Kim Jong Un meet Wang Yi");
    /* The sender is not met, and a message carried for someone's aide
     * meets nobody. */
    expect_not("Chinese Foreign Minister Wang Yi landed in Pyongyang on Monday, bearing a personal letter from "
               "President Xi Jinping to Kim Jong Un.",
               "Wang Yi meet Xi Jinping");
    expect_not("Wang Yi landed in Pyongyang, carrying a letter from Xi Jinping to Kim Jong Un's sister.",
               "Kim Jong Un meet Wang Yi");
}

/* A meeting with two people on the sidelines of an event in a place is a
 * visit to it; a host welcoming a group's leaders meets the group. */
Test(phenomena_recall, sidelines_with_two_people_and_hosts_of_groups)
{
    const char *sidelines = "Yoon Suk Yeol met Fumio Kishida and Anthony Albanese on the sidelines of a summit in Jakarta "
                            "last year.";
    expect_has(sidelines, "Yoon Suk Yeol visit Indonesia");
    expect_has(sidelines, "Fumio Kishida visit Indonesia");
    expect_not("Yoon Suk Yeol met Fumio Kishida and Anthony Albanese on the sidelines of a summit about Indonesia.",
               "Yoon Suk Yeol visit Indonesia");
    expect_has("Anthony Albanese welcomed the heads of state of ASEAN to Melbourne on Monday.",
               "ASEAN meet Anthony Albanese");
    expect_not("Anthony Albanese praised the heads of state of ASEAN for their statement.",
               "ASEAN meet Anthony Albanese");
}

/* Voting to impose sanctions, with manner and time between. */
Test(phenomena_recall, voting_unanimously_to_impose_sanctions)
{
    expect_has("The UN Security Council voted unanimously on Friday to impose fresh sanctions on Iran.",
               "UN Security Council sanction Iran");
    expect_not("The UN Security Council voted unanimously on Friday to lift sanctions on Iran.",
               "UN Security Council sanction Iran");
}

/* The reaction in a participle after the act: the subject that acted is
 * criticized, never the victim of the act. */
Test(phenomena_recall, an_act_drawing_condemnation)
{
    const char *launch = "Pyongyang test-fired two cruise missiles on Sunday, drawing swift condemnation from Tokyo and "
                         "Seoul.";
    expect_has(launch, "Japan criticize North Korea");
    expect_has(launch, "South Korea criticize North Korea");
    const char *strike = "Israel bombed Iran's nuclear sites, prompting condemnation from Turkey.";
    expect_has(strike, "Turkey criticize Israel");
    expect_not(strike, "Turkey criticize Iran");
    expect_not("Pyongyang test-fired two cruise missiles on Sunday, drawing praise from Moscow.",
               "Russia criticize North Korea");
}

/* "held their first security dialogue" is a meeting; an adjective before
 * an actor named as the author of an act; support pledged to go on. */
Test(phenomena_recall, dialogues_adjectives_and_continued_support)
{
    expect_has("Australia and Indonesia held their annual strategic dialogue in Canberra.",
               "Australia meet Indonesia");
    expect_not("Australia and Indonesia called for dialogue on the sea dispute.", "Australia meet Indonesia");
    expect_has("Moscow condemned the latest Japanese sanctions.", "Russia criticize Japan");
    expect_not("Moscow welcomed the latest Japanese sanctions.", "Russia criticize Japan");
    expect_has("EU members vowed to keep backing Ukraine.", "European Union support Ukraine");
    expect_has("Canada pledged to continue helping Ukraine.", "Canada support Ukraine");
    expect_not("Hungary refused to keep backing Ukraine.", "Hungary support Ukraine");
}

/* The adjectives of diplomatic language before a partnership, and counted
 * targets in words. */
Test(phenomena_recall, adjectives_of_partnerships_and_counted_targets)
{
    expect_has("Egypt and Saudi Arabia celebrated their special and privileged strategic partnership.",
               "Egypt cooperate Saudi Arabia");
    expect_has("Laos and Vietnam praised their time-tested comprehensive strategic partnership.",
               "Laos cooperate Vietnam");
    expect_not("Laos and Vietnam remain locked in a longstanding border dispute.", "Laos cooperate Vietnam");
    expect_has("Canberra imposed sanctions on fifteen Iranian officials.", "Australia sanction Iran");
    expect_not("Canberra lifted sanctions on fifteen Iranian officials.", "Australia sanction Iran");
}

/* "the country" is the nearest state before it, else the subject state of
 * the sentence before. */
Test(phenomena_recall, the_country_refers_to_a_state)
{
    expect_has("Iran faces a deep economic crisis: the country is teaming up with Venezuela.",
               "Iran cooperate Venezuela");
    expect_has("Belarus held elections on Sunday. The country has deepened cooperation with China.",
               "Belarus cooperate China");
    /* Not "the country of ...", and nothing to refer to: nothing. */
    expect_not("Belarus held elections on Sunday. The country of his birth teamed up with China.",
               "Belarus cooperate China");
    expect_not("The country is teaming up with China.", "China cooperate China");
}

/* Troops present in a state, like those sent there. */
Test(phenomena_recall, troops_present_in_a_state)
{
    expect_has("Analysts discussed the presence of Cuban troops in Angola.", "Cuba support Angola");
    expect_not("Analysts discussed the presence of Cuban diplomats in Angola.", "Cuba support Angola");
}

/* "they" is the last actor and the one of its type nearest before it; two
 * people meeting in a place both visit it, but its own. */
Test(phenomena_recall, they_skips_a_demonym_and_pairs_meeting_in_a_place)
{
    const char *arrival = "Indian Prime Minister Narendra Modi and his Japanese counterpart Shigeru Ishiba waved as they "
                          "arrived at an air base in Hawaii.";
    expect_has(arrival, "Narendra Modi visit United States");
    expect_has(arrival, "Shigeru Ishiba visit United States");
    const char *talks = "Lee Jae-myung and Shigeru Ishiba held talks in Tokyo on Saturday.";
    expect_has(talks, "Lee Jae-myung visit Japan");
    expect_not(talks, "Shigeru Ishiba visit Japan");
    expect_not("Lee Jae-myung and Shigeru Ishiba held talks about Tokyo.", "Lee Jae-myung visit Japan");
}

/* "X met Y in Z" places the subject in Z as "X met with Y in Z" does. */
Test(phenomena_recall, meeting_someone_in_a_place)
{
    expect_has("Olaf Scholz met Li Qiang in Beijing on Tuesday.", "Olaf Scholz visit China");
    expect_not("Li Qiang met Olaf Scholz in Beijing on Tuesday.", "Li Qiang visit China");
    expect_not("Olaf Scholz met reporters in Beijing.", "Olaf Scholz visit China");
}

/* The author of an act condemned in the passive. */
Test(phenomena_recall, an_act_condemned_in_the_passive)
{
    expect_has("Israel's strikes on Lebanon were condemned by France.", "France criticize Israel");
    expect_not("Israel's strikes on Lebanon were welcomed by France.", "France criticize Israel");
}

/* Heads of international bodies and envoys named without a title. */
Test(phenomena_recall, heads_of_international_bodies)
{
    expect_has("Kristalina Georgieva met Scott Bessent in Washington.", "Kristalina Georgieva visit United States");
    expect_has("Li Hui arrived in Kyiv on Tuesday.", "Li Hui visit Ukraine");
    expect_not("A Turk arrived in Kyiv on Tuesday.", "Volker Turk visit Ukraine");
}

/* "The leaders" are the last two people named as heads of state or
 * government, never ministers or envoys. */
Test(phenomena_recall, the_leaders_are_heads_of_state_or_government)
{
    const char *summit = "President Lee Jae-myung received Prime Minister Shigeru Ishiba in Seoul. The leaders agreed to "
                         "deepen cooperation with Australia.";
    expect_has(summit, "Lee Jae-myung cooperate Shigeru Ishiba");
    const char *ministers = "Foreign Minister Takeshi Iwaya received Foreign Minister Cho Hyun in Tokyo. The leaders agreed "
                            "to deepen cooperation with Australia.";
    expect_not(ministers, "Cho Hyun cooperate Takeshi Iwaya");
    expect_not("President Lee Jae-myung received Prime Minister Shigeru Ishiba. The leaders of Australia agreed to "
               "deepen cooperation.",
               "Lee Jae-myung cooperate Shigeru Ishiba");
}

/* Imports named as the object of a verb of quantity. */
Test(phenomena_recall, imports_stepped_up)
{
    expect_has("Turkey stepped up its purchases of Russian gas.", "Russia trade Turkey");
    expect_not("Turkey halted its purchases of Russian gas.", "Russia trade Turkey");
    expect_not("Turkey stepped up its criticism of Russian gas policy.", "Russia trade Turkey");
}

/* A delegation received, and a topic named before the phone. */
Test(phenomena_recall, delegations_received_and_topics_by_phone)
{
    expect_has("Xi Jinping received a high-level delegation led by Choe Ryong Hae.", "Choe Ryong Hae meet Xi Jinping");
    expect_has("Xi Jinping hosted a North Korean delegation led by Choe Ryong Hae.", "Choe Ryong Hae meet Xi Jinping");
    expect_not("Xi Jinping praised a delegation led by Choe Ryong Hae.", "Choe Ryong Hae meet Xi Jinping");
    expect_has("Penny Wong and Wang Yi discussed the Taiwan Strait by phone.", "Penny Wong meet Wang Yi");
    expect_not("Penny Wong and Wang Yi discussed the phone tapping scandal.", "Penny Wong meet Wang Yi");
}

/* A state and an institution joined by "and" are a group "they" repeats;
 * a person and a state are not. */
Test(phenomena_recall, they_after_a_state_and_an_institution)
{
    const char *text = "India said the United States and the European Union were unfair. They also criticized Brazil.";
    expect_has(text, "European Union criticize Brazil");
    expect_has(text, "United States criticize Brazil");
    expect_not("India said Narendra Modi and the European Union were far apart. They also criticized Brazil.",
               "Narendra Modi criticize Brazil");
}

/* "these countries", "the very nations": the group named last. */
Test(phenomena_recall, demonstratives_repeat_the_last_group)
{
    const char *text = "Brazil accused Canada and Mexico of double standards. It said the very nations criticizing "
                       "Brazil buy its beef.";
    expect_has(text, "Canada criticize Brazil");
    expect_has(text, "Mexico criticize Brazil");
    expect_has("Australia and Japan signed a pact. These countries also condemned North Korea.",
               "Japan criticize North Korea");
    /* "these countries of ..." names its own members; with no group named
     * before, nothing. */
    expect_not("Australia praised Japan. These countries also condemned North Korea.", "Japan criticize North Korea");
}
