/* Diplomacy phenomena (visit, meet, invite): each class of sentence with
 * sentences that say it and sentences that only look like it. The sentences
 * are invented for these tests and run against the shipped rules/. */
#include <criterion/criterion.h>

#include "phenomena_fixture.h"

TestSuite(phenomena_diplomacy, .init = load_default_rules, .fini = free_rules);

Test(phenomena_diplomacy, guest_of_talks_visits_the_place)
{
    const char *talks = "Xi Jinping held talks with Vladimir Putin in Beijing on Monday.";
    expect_has(talks, "Vladimir Putin visit China");
    expect_has("Wang Yi held talks with the Foreign Minister of the Democratic People's Republic of Korea (DPRK) Choe Son Hui in Beijing.",
               "Choe Son Hui visit China");
    /* The host at home is no visitor, and a guest at home neither. */
    expect_not(talks, "Xi Jinping visit China");
    expect_not("Xi Jinping held talks with Kim Jong Un in Pyongyang.", "Kim Jong Un visit North Korea");
}

Test(phenomena_diplomacy, vehicles_carry_their_passenger)
{
    expect_has("Vladimir Putin's plane landed in Pyongyang late on Tuesday.", "Vladimir Putin visit North Korea");
    expect_has("Kim Jong Un's armoured train arrived in Russia.", "Kim Jong Un visit Russia");
    expect_has("Volodymyr Zelensky's motorcade departed the White House.", "Volodymyr Zelensky visit United States");
    /* A plane that is not someone's, or a leader leaving home, is no visit. */
    expect_not("A Russian plane landed in Pyongyang.", "Russia visit North Korea");
    expect_not("Kim Jong Un's train left Pyongyang.", "Kim Jong Un visit North Korea");
}

Test(phenomena_diplomacy, unnamed_officials_of_two_states_meet)
{
    expect_has("Japanese and South Korean officials met in Tokyo on Monday.", "Japan meet South Korea");
    expect_has("During his talks with Vietnamese leaders, Xi Jinping praised the ties.", "Vietnam meet Xi Jinping");
    /* Talking about officials is not meeting them. */
    expect_not("Japanese and South Korean officials said the talks failed.", "Japan meet South Korea");
}

Test(phenomena_diplomacy, title_phrase_with_acronym_in_brackets)
{
    expect_has("Wang Yi held talks with the Foreign Minister of the Democratic People's Republic of Korea (DPRK) Choe Son Hui on Sunday.",
               "Choe Son Hui meet Wang Yi");
    /* Talks about a person are not talks with them. */
    expect_not("Wang Yi held talks on the Foreign Minister of the Democratic People's Republic of Korea (DPRK) Choe Son Hui.",
               "Choe Son Hui meet Wang Yi");
}

Test(phenomena_diplomacy, photo_captions_with_position_markers)
{
    expect_has("Sergei Lavrov (L) and Chinese Foreign Minister Wang Yi hold a joint press conference in Moscow.",
               "Sergei Lavrov meet Wang Yi");
    expect_has("Fumio Kishida (R) and Yoon Suk Yeol shake hands before their talks.", "Fumio Kishida meet Yoon Suk Yeol");
    expect_has("Sergei Lavrov and Wang Yi hold joint press conference in Moscow.", "Sergei Lavrov meet Wang Yi");
    /* Two people in one picture who only say something are not meeting. */
    expect_not("Sergei Lavrov (L) and Wang Yi are pictured in a file photo.", "Sergei Lavrov meet Wang Yi");
}

Test(phenomena_diplomacy, unnamed_counterpart_is_the_state)
{
    expect_has("Lloyd Austin met his Philippine counterpart on Wednesday.", "Lloyd Austin meet Philippines");
    expect_has("Manila welcomed a telephone call between Lloyd Austin and his Philippine counterpart on Wednesday.",
               "Lloyd Austin meet Philippines");
    expect_has("Antony Blinken and his Japanese counterpart held talks in Tokyo.", "Antony Blinken meet Japan");
    /* Named counterpart: the person, not the state. */
    const char *named = "Lloyd Austin met his Philippine counterpart, Gilberto Teodoro, on Wednesday.";
    expect_not(named, "Lloyd Austin meet Philippines");
    /* Calling someone a name is no phone call. */
    expect_not("Lee Jae-myung called his American counterpart a peacemaker.", "Lee Jae-myung meet United States");
}

Test(phenomena_diplomacy, companions_in_talks_meet_the_other_side)
{
    const char *join = "Sergei Lavrov will join Vladimir Putin for his talks with Donald Trump, the Kremlin said.";
    expect_has(join, "Donald Trump meet Sergei Lavrov");
    expect_has("The Chinese officials accompanying Xi Jinping in the talks with the U.S. delegation were named.",
               "China meet United States");
    /* Joining a leader on a trip is not meeting the people he talks about. */
    expect_not("Sergei Lavrov joined Vladimir Putin for a speech on Donald Trump.", "Donald Trump meet Sergei Lavrov");
}

Test(phenomena_diplomacy, delivering_a_message_in_person)
{
    expect_has("Abbas Araghchi delivered a written message from Ali Khamenei to Vladimir Putin.", "Abbas Araghchi meet Vladimir Putin");
    expect_has("Wang Yi handed a letter to Kim Jong Un.", "Kim Jong Un meet Wang Yi");
    /* Sending a letter is no meeting, nor is the writer met. */
    expect_not("Abbas Araghchi sent a letter to Vladimir Putin.", "Abbas Araghchi meet Vladimir Putin");
    expect_not("Abbas Araghchi delivered a written message from Ali Khamenei to Vladimir Putin.", "Abbas Araghchi meet Ali Khamenei");
}

Test(phenomena_diplomacy, side_by_side_at_a_press_conference)
{
    expect_has("Speaking alongside David Lammy at a news conference, Antony Blinken said the war must end.",
               "Antony Blinken meet David Lammy");
    expect_has("Antony Blinken, speaking alongside David Lammy at a briefing, said the war must end.", "Antony Blinken meet David Lammy");
    /* Fighting alongside is not meeting. */
    expect_not("Antony Blinken said North Korean troops fought alongside Russia in Kursk.", "Antony Blinken meet Russia");
}

Test(phenomena_diplomacy, being_somewhere_and_then_meeting)
{
    const char *there = "Sergei Lavrov was also in Vientiane, and already held direct talks with Wang Yi on Thursday.";
    expect_has(there, "Sergei Lavrov meet Wang Yi");
    expect_has("Antony Blinken is in Tokyo and met Fumio Kishida on Monday.", "Antony Blinken meet Fumio Kishida");
    /* Talks of someone else in the second clause. */
    expect_not("Sergei Lavrov was in Vientiane, and Wang Yi held talks with Antony Blinken.", "Sergei Lavrov meet Wang Yi");
}

Test(phenomena_diplomacy, talks_with_leaders_including_named_ones)
{
    const char *incl = "During his meetings with Vietnamese leaders, including General Secretary To Lam and Prime Minister Pham Minh Chinh, Xi Jinping urged unity.";
    expect_has(incl, "To Lam meet Xi Jinping");
    expect_has(incl, "Pham Minh Chinh meet Xi Jinping");
    /* A list of people spoken about is not a list of people met. */
    expect_not("Xi Jinping praised Vietnamese leaders, including To Lam.", "To Lam meet Xi Jinping");
}

Test(phenomena_diplomacy, talks_in_a_city_that_names_its_country)
{
    const char *munich = "Cho Tae-yul and his US counterpart Marco Rubio agreed in bilateral talks in Munich, Germany, to work together.";
    expect_has(munich, "Cho Tae-yul visit Germany");
    expect_has(munich, "Marco Rubio visit Germany");
    /* Talks at home are no trip. */
    expect_not("Xi Jinping said in talks in Beijing that ties are strong.", "Xi Jinping visit China");
}

Test(phenomena_diplomacy, signing_after_talks_is_a_meeting)
{
    const char *signed_ = "Xi Jinping and Vladimir Putin signed a joint statement deepening their partnership following talks in Moscow.";
    expect_has(signed_, "Vladimir Putin meet Xi Jinping");
    /* Signing a statement with no talks is not meeting. */
    expect_not("Xi Jinping and Vladimir Putin signed a joint statement on climate.", "Vladimir Putin meet Xi Jinping");
}

Test(phenomena_diplomacy, long_appositions_with_their_own_commas)
{
    expect_has("Kim Jong Un, general secretary of the Party, government and army of the DPRK, met Chinese Foreign Minister Wang Yi.",
               "Kim Jong Un meet Wang Yi");
    expect_has("Sergei Lavrov, after arriving on Tuesday, met Wang Yi.", "Sergei Lavrov meet Wang Yi");
    /* The speaker of a report is not the one who met. */
    expect_not("Sergei Lavrov, Russia's top diplomat, said Wang Yi met Antony Blinken.", "Sergei Lavrov meet Wang Yi");
}

Test(phenomena_diplomacy, arrival_as_a_time_clause)
{
    expect_has("Upon arriving in Beijing, Vladimir Putin said ties were strong.", "Vladimir Putin visit China");
    expect_has("Vladimir Putin spoke to reporters after landing in Pyongyang.", "Vladimir Putin visit North Korea");
    expect_has("South Korean President Lee Jae-myung on Monday is welcomed by U.S. President Donald Trump after arriving at the White House.",
               "Lee Jae-myung visit United States");
    /* Coming home is no visit; somebody else's arrival is not the subject's. */
    expect_not("Kim Jong Un praised the troops after arriving in Pyongyang.", "Kim Jong Un visit North Korea");
    expect_not("Donald Trump welcomed Lee Jae-myung after arriving in Seoul.", "Donald Trump visit South Korea");
}

Test(phenomena_diplomacy, invitation_opening_the_sentence)
{
    expect_has("At the invitation of President Xi Jinping, Russian President Vladimir Putin will pay a state visit to China.",
               "Xi Jinping invite Vladimir Putin");
    expect_has("At the invitation of Pyongyang, a Chinese delegation arrived on Monday.", "North Korea invite China");
    expect_has("At Vladimir Putin's invitation, Kim Jong Un traveled to Russia.", "Vladimir Putin invite Kim Jong Un");
    expect_has("Invited by Vladimir Putin, Kim Jong Un will visit Moscow.", "Vladimir Putin invite Kim Jong Un");
    /* The agency that reports the visit is not the guest. */
    expect_not("Zhao Leji will visit at the invitation of Pyongyang, the official Korean Central News Agency said.",
               "North Korea invite KCNA");
}

Test(phenomena_diplomacy, other_forms_of_invitation)
{
    expect_has("Kim Jong Un visited Russia on Vladimir Putin's invitation.", "Vladimir Putin invite Kim Jong Un");
    expect_has("Narendra Modi was invited to the summit by Giorgia Meloni.", "Giorgia Meloni invite Narendra Modi");
    expect_has("Kim Jong Un received an invitation from Vladimir Putin.", "Vladimir Putin invite Kim Jong Un");
    expect_has("Xi Jinping's invitation for Donald Trump to visit China stands.", "Xi Jinping invite Donald Trump");
    /* A refused invitation is hedged; an invitation to a third party is not to the speaker. */
    expect_not("Kim Jong Un declined an invitation from Vladimir Putin.", "Vladimir Putin invite Kim Jong Un");
    expect_not("Wang Yi said Xi Jinping's invitation for Donald Trump to visit China stands.", "Wang Yi invite Donald Trump");
}

Test(phenomena_diplomacy, arrivals_returns_and_stopovers)
{
    expect_has("Vladimir Putin's arrival in Pyongyang was celebrated.", "Vladimir Putin visit North Korea");
    expect_has("Lee Jae-myung returned from the United States on Sunday.", "Lee Jae-myung visit United States");
    expect_has("After returning from Beijing, Vladimir Putin said ties were strong.", "Vladimir Putin visit China");
    expect_has("Antony Blinken made a stopover in Tokyo.", "Antony Blinken visit Japan");
    expect_has("Antony Blinken stopped in Seoul on his way home.", "Antony Blinken visit South Korea");
    expect_has("A visit by Vladimir Putin to Pyongyang is planned.", "Vladimir Putin visit North Korea");
    expect_has("Antony Blinken began his tour of Vietnam on Monday.", "Antony Blinken visit Vietnam");
    /* Coming home is no visit of home; goods returned from a country are not a trip. */
    expect_not("Kim Jong Un returned to Pyongyang on Sunday.", "Kim Jong Un visit North Korea");
    expect_not("Japan returned the artifacts to South Korea.", "Japan visit South Korea");
}

Test(phenomena_diplomacy, meeting_as_participle_or_opening_phrase)
{
    expect_has("Xi Jinping, meeting Vladimir Putin on Monday, said ties were strong.", "Vladimir Putin meet Xi Jinping");
    expect_has("Talking with Wang Yi, Kim Jong Un expressed satisfaction.", "Kim Jong Un meet Wang Yi");
    expect_has("In talks with Vladimir Putin, Xi Jinping said ties were strong.", "Vladimir Putin meet Xi Jinping");
    /* Meeting demands is not meeting people. */
    expect_not("Kim Jong Un, meeting Russia's demands, sent troops.", "Kim Jong Un meet Russia");
}

Test(phenomena_diplomacy, meals_discussions_and_scheduled_meetings)
{
    expect_has("Joe Biden had dinner with Fumio Kishida.", "Fumio Kishida meet Joe Biden");
    expect_has("Joe Biden dined with Fumio Kishida at the White House.", "Fumio Kishida meet Joe Biden");
    expect_has("Xi Jinping discussed trade with Joe Biden on Monday.", "Joe Biden meet Xi Jinping");
    expect_has("Narendra Modi is scheduled to meet Vladimir Putin on Monday.", "Narendra Modi meet Vladimir Putin");
    expect_has("Xi Jinping and Joe Biden will meet.", "Joe Biden meet Xi Jinping");
    /* Meeting the press, or discussing a call with reporters, is no meeting between them. */
    expect_not("Xi Jinping and Joe Biden meet the press.", "Joe Biden meet Xi Jinping");
    expect_not("Joe Biden may have dinner with Fumio Kishida.", "Fumio Kishida meet Joe Biden");
}

Test(phenomena_diplomacy, date_between_subject_and_talks)
{
    expect_has("Lee Jae-myung on Aug. 25 held his first summit with Donald Trump.", "Donald Trump meet Lee Jae-myung");
    expect_has("Beijing on Monday held talks with Washington.", "China meet United States");
    /* A city after "in" is a place, not the one who held the meeting. */
    expect_not("Antony Blinken visited the Russian Foreign Ministry in Moscow on Friday and held a meeting with Sergei Lavrov.",
               "Russia meet Sergei Lavrov");
}

Test(phenomena_diplomacy, arrival_phrases_and_visits_of)
{
    expect_has("The visit of Vladimir Putin to North Korea ended on Thursday.", "Vladimir Putin visit North Korea");
    expect_has("Upon his arrival in Beijing, Vladimir Putin said ties were strong.", "Vladimir Putin visit China");
    expect_has("Vladimir Putin was greeted by Kim Jong Un upon his arrival in Pyongyang.", "Vladimir Putin visit North Korea");
    /* The host is not the one arriving. */
    expect_not("Vladimir Putin was greeted by Kim Jong Un upon his arrival in Pyongyang.", "Kim Jong Un visit North Korea");
}

Test(phenomena_diplomacy, indefinite_unnamed_official_is_the_state)
{
    expect_has("A senior Chinese official visited Pyongyang last week.", "China visit North Korea");
    expect_has("A visiting Chinese vice premier met Yoon Suk Yeol.", "China meet Yoon Suk Yeol");
    expect_has("Vladimir Putin met visiting Chinese Foreign Minister Wang Yi.", "Vladimir Putin meet Wang Yi");
    /* A definite description is a person named elsewhere (headlines); an expert is no official. */
    expect_not("Russian defense minister visits North Korea to talk with leaders", "Russia visit North Korea");
    expect_not("A Chinese expert visited the United States.", "China visit United States");
}

Test(phenomena_diplomacy, due_trips_named_by_place_and_foreign_sites)
{
    expect_has("Antony Blinken is due in Beijing on Sunday.", "Antony Blinken visit China");
    expect_has("Antony Blinken's two-day Beijing visit ended.", "Antony Blinken visit China");
    expect_has("Kim Jong Un toured a Russian fighter jet plant.", "Kim Jong Un visit Russia");
    expect_has("Xi Jinping welcomed Vladimir Putin to Beijing.", "Vladimir Putin visit China");
    /* A site at home, a payment due, a welcomed decision: no visit. */
    expect_not("Kim Jong Un toured a North Korean missile factory.", "Kim Jong Un visit North Korea");
    expect_not("Russia's payment is due in China next month.", "Russia visit China");
    expect_not("Xi Jinping welcomed Vladimir Putin's decision to visit Beijing.", "Xi Jinping visit China");
}

Test(phenomena_diplomacy, seeing_off_and_meeting_clauses)
{
    expect_has("Kim Jong Un saw off Vladimir Putin at the airport.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Kim Jong Un bid farewell to Vladimir Putin at the airport.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Xi Jinping and Vladimir Putin, meeting in Moscow, signed a statement.", "Vladimir Putin meet Xi Jinping");
    /* Waving off criticism is no farewell to a person. */
    expect_not("Xi Jinping and Vladimir Putin, speaking separately, praised ties.", "Vladimir Putin meet Xi Jinping");
}

Test(phenomena_diplomacy, passive_and_nominal_invitations)
{
    expect_has("Kim Jong Un was invited to Russia by Vladimir Putin.", "Vladimir Putin invite Kim Jong Un");
    expect_has("The invitation from Xi Jinping to Vladimir Putin was accepted.", "Xi Jinping invite Vladimir Putin");
    expect_has("Yoon Suk Yeol was among the leaders invited by Fumio Kishida.", "Fumio Kishida invite Yoon Suk Yeol");
    /* An invitation turned down is hedged; one by somebody else is not the subject's. */
    expect_not("Kim Jong Un was not invited to Russia by Vladimir Putin.", "Vladimir Putin invite Kim Jong Un");
    expect_not("Yoon Suk Yeol was among the leaders invited by Fumio Kishida.", "Yoon Suk Yeol invite Fumio Kishida");
}

Test(phenomena_diplomacy, aside_placing_the_words_in_talks)
{
    expect_has("Wang Yi, in a call with Antony Blinken, said China opposes it.", "Antony Blinken meet Wang Yi");
    expect_has("Wang Yi, in talks with Antony Blinken, said China opposes it.", "Antony Blinken meet Wang Yi");
    /* A speech about someone is no talk with them. */
    expect_not("Wang Yi, in a speech on Antony Blinken, said China opposes it.", "Antony Blinken meet Wang Yi");
}

Test(phenomena_diplomacy, trips_named_by_place_need_trip_words_between)
{
    expect_has("Antony Blinken's long-awaited two-day Beijing visit ended.", "Antony Blinken visit China");
    expect_has("Antony Blinken's whirlwind tour of Vietnam ended.", "Antony Blinken visit Vietnam");
    /* A ban on trips, or comments on someone else's visit, is no trip of the subject. */
    expect_not("Russia's ban on China trips angered tourists.", "Russia visit China");
    expect_not("Xi Jinping's comments on the Russia visit drew attention.", "Xi Jinping visit Russia");
    expect_not("China's ban on group tours of Japan hurt airlines.", "China visit Japan");
}

Test(phenomena_diplomacy, possessive_after_the_target_is_someone_else)
{
    expect_not("Xi Jinping discussed the matter with Vladimir Putin's envoy.", "Vladimir Putin meet Xi Jinping");
    expect_not("Wang Yi handed a letter to Kim Jong Un's sister.", "Kim Jong Un meet Wang Yi");
    expect_not("Joe Biden had dinner with Fumio Kishida's wife.", "Fumio Kishida meet Joe Biden");
    expect_has("Joe Biden had dinner with Fumio Kishida.", "Fumio Kishida meet Joe Biden");
}

Test(phenomena_diplomacy, photo_captions_with_one_subject)
{
    expect_has("Kim Jong Un (R) meets Vladimir Putin in Vostochny.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Kim Jong Un (2nd R) hosts Vladimir Putin.", "Kim Jong Un meet Vladimir Putin");
    /* Welcoming a decision is no meeting. */
    expect_not("Kim Jong Un (R) welcomes Vladimir Putin's decision.", "Kim Jong Un meet Vladimir Putin");
}

Test(phenomena_diplomacy, met_a_state_s_official_named_after_a_comma)
{
    /* The person after the possessive is the one met, not the state. */
    const char *named = "Wang Yi met Russia's foreign minister, Sergei Lavrov, in Beijing.";
    expect_has(named, "Sergei Lavrov meet Wang Yi");
    expect_not(named, "Russia meet Wang Yi");
    expect_has("Wang Yi met Russia's Sergei Lavrov on Monday.", "Sergei Lavrov meet Wang Yi");
    expect_not("Wang Yi met Russia's Sergei Lavrov on Monday.", "Russia meet Wang Yi");
    /* Someone's envoy is not that someone; a delegation is its state. */
    expect_not("Wang Yi met Vladimir Putin's envoy on Monday.", "Vladimir Putin meet Wang Yi");
    expect_has("Wang Yi met Russia's delegation on Monday.", "Russia meet Wang Yi");
    /* A speaker after the comma is no one met. */
    expect_not("Wang Yi met China's ambassador, Sergei Lavrov said.", "Sergei Lavrov meet Wang Yi");
}

Test(phenomena_diplomacy, meetings_in_relative_clauses_and_plans)
{
    expect_has("Wang Yi, who met Sergei Lavrov on Monday, said the talks were useful.", "Sergei Lavrov meet Wang Yi");
    expect_has("Sergei Lavrov is to meet Wang Yi in Beijing on Friday.", "Sergei Lavrov meet Wang Yi");
    /* Meeting someone else in the clause, or being urged to meet, is not meeting. */
    expect_not("Wang Yi, who met reporters on Monday, criticized Sergei Lavrov.", "Sergei Lavrov meet Wang Yi");
    expect_not("Donald Trump urged Kim Jong Un to meet Yoon Suk Yeol.", "Kim Jong Un meet Yoon Suk Yeol");
    expect_not("Donald Trump urged Kim Jong Un to meet Yoon Suk Yeol.", "Donald Trump meet Yoon Suk Yeol");
}

Test(phenomena_diplomacy, visit_then_talks)
{
    expect_has("Antony Blinken visited Beijing and held talks with Wang Yi.", "Antony Blinken meet Wang Yi");
    expect_has("Antony Blinken visited the Chinese Foreign Ministry in Beijing on Friday and held a meeting with Wang Yi.",
               "Antony Blinken meet Wang Yi");
    /* A second verb that is no meeting. */
    expect_not("Antony Blinken visited Beijing and criticized Wang Yi.", "Antony Blinken meet Wang Yi");
}

Test(phenomena_diplomacy, said_after_meeting_and_courtesy_calls)
{
    expect_has("Sergei Lavrov said after meeting Wang Yi that the talks were useful.", "Sergei Lavrov meet Wang Yi");
    expect_has("Antony Blinken paid a courtesy call on Xi Jinping.", "Antony Blinken meet Xi Jinping");
    /* Meeting someone's deputy, or reporters, is not meeting them. */
    expect_not("Sergei Lavrov said after meeting Wang Yi's deputy that the talks were useful.", "Sergei Lavrov meet Wang Yi");
    expect_not("Sergei Lavrov said after meeting reporters that Wang Yi was wrong.", "Sergei Lavrov meet Wang Yi");
}

Test(phenomena_diplomacy, visitors_in_asides_and_time_spent)
{
    expect_has("Sergei Lavrov, who is visiting Pyongyang, said the talks went well.", "Sergei Lavrov visit North Korea");
    expect_has("Sergei Lavrov, in Pyongyang for talks, said the talks went well.", "Sergei Lavrov visit North Korea");
    expect_has("Sergei Lavrov spent two days in Pyongyang.", "Sergei Lavrov visit North Korea");
    /* A trip denied in the aside, an official at home, money spent. */
    expect_not("Kim Jong Un, who never visited Seoul, spoke.", "Kim Jong Un visit South Korea");
    expect_not("Sergei Lavrov, in Moscow for talks, said the talks went well.", "Sergei Lavrov visit Russia");
    expect_not("Russia spent billions in Ukraine.", "Russia visit Ukraine");
}

Test(phenomena_diplomacy, visiting_an_institution_in_a_capital_after_an_apposition)
{
    const char *text = "Sun Weidong, director of the Chinese Foreign Ministry's Asian department, visited the North Korean "
                       "Foreign Ministry in Pyongyang on Friday.";
    expect_has(text, "Sun Weidong visit North Korea");
    expect_has(text, "Sun Weidong visit North Korean Foreign Ministry");
    /* At home, no visit. */
    expect_not("Sun Weidong, director of the Chinese Foreign Ministry's Asian department, visited a school in Beijing.",
               "Sun Weidong visit China");
}

Test(phenomena_diplomacy, leaving_one_place_for_another)
{
    expect_has("Choe Son Hui left Pyongyang for Moscow on Sunday.", "Choe Son Hui visit Russia");
    /* Going home is no visit. */
    expect_not("Choe Son Hui left Moscow for Pyongyang on Sunday.", "Choe Son Hui visit North Korea");
}

Test(phenomena_diplomacy, met_with_time_place_or_manner_before_the_object)
{
    expect_has("Antony Blinken met on Monday with Wang Yi.", "Antony Blinken meet Wang Yi");
    expect_has("Antony Blinken met in Beijing with Wang Yi.", "Antony Blinken meet Wang Yi");
    expect_has("Antony Blinken met separately with Wang Yi and Li Qiang.", "Antony Blinken meet Li Qiang");
    /* Meeting in a place with someone's staff is no meeting with them. */
    expect_not("Antony Blinken met in Beijing with Wang Yi's aides.", "Antony Blinken meet Wang Yi");
    expect_not("Antony Blinken met on Monday, Wang Yi said.", "Antony Blinken meet Wang Yi");
}

Test(phenomena_diplomacy, views_exchanged_talks_attended_delegations_received)
{
    expect_has("Antony Blinken and Wang Yi exchanged views on Ukraine.", "Antony Blinken meet Wang Yi");
    expect_has("Antony Blinken attended a meeting with Wang Yi.", "Antony Blinken meet Wang Yi");
    expect_has("Wang Yi received a visiting delegation from North Korea.", "North Korea meet Wang Yi");
    /* Fire exchanged is no talk; a report received is no delegation. */
    expect_not("North Korea and South Korea exchanged fire.", "North Korea meet South Korea");
    expect_not("Wang Yi received reports from North Korea.", "North Korea meet Wang Yi");
}

Test(phenomena_diplomacy, arrivals_at_unlisted_sites_tours_of_several_countries)
{
    expect_has("Vladimir Putin arrived at a military base in Alaska on Friday.", "Vladimir Putin visit United States");
    expect_has("Antony Blinken visited three countries, including Vietnam and Japan.", "Antony Blinken visit Japan");
    expect_has("Antony Blinken, on a visit to Beijing, met Xi Jinping.", "Antony Blinken visit China");
    expect_has("Vladimir Putin's stopover in Hanoi was brief.", "Vladimir Putin visit Vietnam");
    /* A site at home is no visit; countries named only as critics are not toured. */
    expect_not("Vladimir Putin arrived at a military base in Siberia on Friday.", "Vladimir Putin visit Russia");
    expect_not("Antony Blinken visited three countries, Vietnam said.", "Antony Blinken visit Vietnam");
}

Test(phenomena_diplomacy, guests_requests_to_visit_and_invitations_to_a_place)
{
    expect_has("Narendra Modi attended the summit as a guest of Italy.", "Italy invite Narendra Modi");
    expect_has("Xi Jinping asked Kim Jong Un to visit China.", "Xi Jinping invite Kim Jong Un");
    expect_has("Donald Trump said he had been invited to visit China by Xi Jinping.", "Xi Jinping invite Donald Trump");
    /* Asked to do something else, or a guest of no one named. */
    expect_not("Xi Jinping asked Kim Jong Un to stop the tests.", "Xi Jinping invite Kim Jong Un");
    expect_not("Narendra Modi, who spoke as a guest of honour, praised Italy.", "Italy invite Narendra Modi");
}

Test(phenomena_diplomacy, meals_given_by_a_host)
{
    expect_has("Vladimir Putin attended a banquet hosted by Kim Jong Un.", "Kim Jong Un meet Vladimir Putin");
    expect_has("At a state banquet hosted by Kim Jong Un, Vladimir Putin praised the ties.", "Kim Jong Un meet Vladimir Putin");
    /* The host's relative is not the host. */
    expect_not("Vladimir Putin attended a banquet hosted by Kim Jong Un's sister.", "Kim Jong Un meet Vladimir Putin");
}

Test(phenomena_diplomacy, talks_in_other_words_and_co_chairs)
{
    expect_has("Kim Jong Un had a talk with Vladimir Putin.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Kim Jong Un had a one-on-one meeting with Vladimir Putin.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Kim Jong Un held a tete-a-tete with Vladimir Putin.", "Kim Jong Un meet Vladimir Putin");
    expect_has("Wang Yi and Sergei Lavrov co-chaired the meeting.", "Sergei Lavrov meet Wang Yi");
    /* A lecture is no talk with the audience; chairing a meeting alone is no meeting of two. */
    expect_not("Xi Jinping gave a talk with Kim Jong Un in the audience.", "Kim Jong Un meet Xi Jinping");
    expect_not("Wang Yi chaired the meeting, Sergei Lavrov said.", "Sergei Lavrov meet Wang Yi");
}
