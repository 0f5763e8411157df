/* Tension relations (criticize, pressure, sanction, veto): the sentence
 * classes of rules/relations/tension.rules, each with sentences that say it
 * and sentences that only look like it. The sentences are invented for
 * these tests and run against the shipped rules/ directory. */
#include <criterion/criterion.h>

#include "phenomena_fixture.h"

TestSuite(phenomena_tension, .init = load_default_rules, .fini = free_rules);

Test(phenomena_tension, summoned_envoy_to_protest_a_third_state)
{
    const char *third = "Japan summoned the Chinese ambassador to protest North Korea's missile launch.";
    expect_has(third, "Japan criticize North Korea");
    expect_not(third, "Japan criticize China");
    const char *posted = "Seoul summoned the Russian ambassador to Tokyo on Monday to protest North Korea's deployment.";
    expect_has(posted, "South Korea criticize North Korea");
    expect_not(posted, "South Korea criticize Russia");
    /* Summoned over its own state's act, or with no reason given: the envoy's state. */
    expect_has("Japan summoned the Chinese ambassador over the incident.", "Japan criticize China");
    expect_has("Japan summoned the Chinese ambassador to Tokyo.", "Japan criticize China");
    expect_has("Japan summoned the Chinese ambassador on Monday.", "Japan criticize China");
    expect_has("Seoul summoned the Russian envoy over North Korea's troop deployment.",
               "South Korea criticize North Korea");
    /* Summoning one's own ambassador home protests nobody named. */
    expect_not("Japan summoned its ambassador to Seoul for consultations.", "Japan criticize South Korea");
}

Test(phenomena_tension, blame_laid_on_someone)
{
    expect_has("Moscow blamed the escalation on Washington.", "Russia criticize United States");
    expect_has("Beijing blamed the tension on the drills by the United States.", "China criticize United States");
    expect_has("Moscow blamed the militarisation of North Korea on the threats by NATO.", "Russia criticize NATO");
    /* The place of an attack is not the one blamed. */
    const char *place = "Moscow blamed Kyiv for the attack on the Chinese embassy.";
    expect_has(place, "Russia criticize Ukraine");
    expect_not(place, "Russia criticize China");
    expect_not("Moscow blamed the attack on the Chinese embassy on Kyiv.", "Russia criticize China");
}

Test(phenomena_tension, second_verb_after_a_named_object)
{
    const char *two = "India criticized Trump's threats and accused the European Union of hypocrisy.";
    expect_has(two, "India criticize European Union");
    /* The possessive is an object, not the subject of "accused". */
    expect_not(two, "Donald Trump criticize European Union");
}

Test(phenomena_tension, acts_judged_wrong_and_confirmed_hostile_acts)
{
    expect_has("The Philippines said the Chinese manoeuvres were illegal.", "Philippines criticize China");
    expect_has("David Lammy said the Iranian deliveries marked a dangerous escalation.", "David Lammy criticize Iran");
    expect_not("The Philippines said the Chinese delegation was welcome.", "Philippines criticize China");
    expect_has("Tokyo confirmed on Monday that North Korea has decided to deploy 10,000 troops to Russia.",
               "Japan criticize North Korea");
    expect_not("Tokyo confirmed that North Korea may deploy troops to Russia.", "Japan criticize North Korea");
    expect_has("Kyiv disagreed, noting that Moscow had violated the truce.", "Ukraine criticize Russia");
    expect_not("Kyiv agreed, noting that Moscow had kept the truce.", "Ukraine criticize Russia");
}

Test(phenomena_tension, what_they_called_opposition_and_rejection)
{
    expect_has("The talks addressed what Beijing called Washington's indiscriminate tariffs.",
               "China criticize United States");
    expect_has("The talks focused on what Manila called reckless ramming by the Chinese Coast Guard.",
               "Philippines criticize Chinese Coast Guard");
    expect_has("Beijing voiced strong opposition to Tokyo's defence plan.", "China criticize Japan");
    expect_has("China rejected the US accusations as groundless.", "China criticize United States");
    expect_has("Britain took Russia to task over the attack.", "United Kingdom criticize Russia");
    expect_not("Beijing voiced support for Tokyo's plan.", "China criticize Japan");
    expect_not("China rejected a Russian offer of gas.", "China criticize Russia");
}

Test(phenomena_tension, demands_quoted_before_the_speaker)
{
    expect_has("\"Iran must stop supporting Putin's unprovoked, premeditated and barbaric war,\" David Lammy said.",
               "David Lammy pressure Iran");
    expect_not("\"Iran has supported Putin's war for years,\" David Lammy said.", "David Lammy pressure Iran");
}

Test(phenomena_tension, criticism_with_it_asides_and_critics)
{
    expect_has("Beijing said it firmly opposes Washington's latest move.", "China criticize United States");
    expect_has("Tokyo said it had lodged a protest with Seoul.", "Japan criticize South Korea");
    expect_not("Beijing said it had agreed to the plan with Washington.", "China criticize United States");
    expect_has("China, in a statement on Monday, condemned Japan's decision.", "China criticize Japan");
    expect_has("Japan was quick to condemn North Korea.", "Japan criticize North Korea");
    const char *joined = "Britain joined France in condemning Russia.";
    expect_has(joined, "United Kingdom criticize Russia");
    expect_not(joined, "United Kingdom criticize France");
    expect_has("Kyiv denounced what it called Moscow's aggression.", "Ukraine criticize Russia");
    expect_has("Japan has been highly critical of China.", "Japan criticize China");
    expect_has("Joe Biden, a vocal critic of Vladimir Putin, arrived in Kyiv.", "Joe Biden criticize Vladimir Putin");
    expect_has("NATO warned of the threat posed by Russia.", "NATO criticize Russia");
    /* Critical talks and critical minerals are no criticism. */
    expect_not("Japan held critical talks with China.", "Japan criticize China");
    expect_not("The United States is critical to the defence of Japan.", "United States criticize Japan");
}

Test(phenomena_tension, pressure_requests_renewed_calls_and_ultimatums)
{
    expect_has("Japan pushed for China to release the detainees.", "Japan pressure China");
    expect_has("Washington urged the Chinese government to act.", "United States pressure China");
    const char *both = "Xi Jinping urged both Russia and Ukraine to talk.";
    expect_has(both, "Xi Jinping pressure Russia");
    expect_has(both, "Xi Jinping pressure Ukraine");
    expect_has("The United States pressured Japan into raising spending.", "United States pressure Japan");
    expect_has("Seoul asked Washington to send more envoys.", "South Korea pressure United States");
    expect_has("Tokyo demanded an apology from Seoul.", "Japan pressure South Korea");
    expect_has("NATO demanded Russia's immediate withdrawal from Ukraine.", "NATO pressure Russia");
    expect_not("NATO demanded Russia's immediate withdrawal from Ukraine.", "NATO pressure Ukraine");
    expect_has("Japan renewed its call for North Korea to return the abductees.", "Japan pressure North Korea");
    expect_has("Washington issued an ultimatum to Moscow.", "United States pressure Russia");
    expect_has("Japan warned China of consequences.", "Japan pressure China");
    expect_has("Britain persuaded Washington to drop its tariffs.", "United Kingdom pressure United States");
    expect_not("Britain persuaded itself that Washington would drop its tariffs.", "United Kingdom pressure United States");
    /* Help given and apologies offered are no pressure. */
    expect_not("Seoul helped Washington to send more envoys.", "South Korea pressure United States");
    expect_not("Tokyo offered an apology to Seoul.", "Japan pressure South Korea");
}

Test(phenomena_tension, sanctions_passive_lists_and_bans)
{
    expect_has("Sanctions on Russia imposed by the European Union took effect.", "European Union sanction Russia");
    expect_has("Iran was hit with new tariffs by the United States.", "United States sanction Iran");
    expect_has("Washington placed North Korea under sanctions.", "United States sanction North Korea");
    expect_has("Japan joined the sanctions against Russia.", "Japan sanction Russia");
    expect_has("Britain announced sanctions against several individuals, including Iranian officials.",
               "United Kingdom sanction Iran");
    expect_has("The United States banned Chinese firms from its networks.", "United States sanction China");
    expect_has("Tokyo said it had imposed sanctions on Moscow.", "Japan sanction Russia");
    /* Lifted sanctions, and firms welcomed, are none. */
    expect_not("Japan joined talks with Russia on trade.", "Japan sanction Russia");
    expect_not("The United States welcomed Chinese firms from abroad.", "United States sanction China");
    expect_not("Tokyo said it would not impose sanctions on Moscow.", "Japan sanction Russia");
}

Test(phenomena_tension, nominal_vetoes)
{
    expect_has("Russia's veto of a UN Security Council resolution angered Seoul.", "Russia veto UN Security Council");
    expect_has("A veto by Russia at the UN Security Council killed the text.", "Russia veto UN Security Council");
    expect_not("Russia's support for a UN Security Council resolution surprised Seoul.", "Russia veto UN Security Council");
    expect_has("Russia's veto blocked the UN Security Council resolution on space weapons.", "Russia veto UN Security Council");
}

Test(phenomena_tension, concern_for_people_and_claims_called_names)
{
    const char *abducted = "Shigeru Ishiba raised concerns about Japanese citizens abducted by North Korea.";
    expect_has(abducted, "Shigeru Ishiba criticize North Korea");
    expect_not(abducted, "Shigeru Ishiba criticize Japan");
    expect_has("Tokyo raised concerns about Chinese troops near the border.", "Japan criticize China");
    expect_has("Pyongyang called the US allegations dirty maneuvers.", "North Korea criticize United States");
    expect_has("Beijing branded Washington's accusations lies.", "China criticize United States");
    expect_not("Moscow called the US proposal a good start.", "Russia criticize United States");
}

Test(phenomena_tension, threats_posed_calls_from_and_passive_urging)
{
    expect_has("Japan said Russia poses a serious threat to peace.", "Japan criticize Russia");
    expect_not("Japan said Russia poses no threat.", "Japan criticize Russia");
    expect_has("Despite calls from Washington for Beijing to rein in Pyongyang, trade grew.",
               "United States pressure China");
    expect_has("Kyiv, urged by Washington to negotiate, refused.", "United States pressure Ukraine");
    expect_has("Tokyo was pressed by Washington to raise spending.", "United States pressure Japan");
    expect_not("Tokyo was welcomed by Washington to the meeting.", "United States pressure Japan");
}

Test(phenomena_tension, living_under_sanctions_and_banned_goods)
{
    expect_has("Iran, which faces US sanctions, sells oil to China.", "United States sanction Iran");
    expect_not("Iran, which faces US sanctions, sells oil to China.", "United States sanction China");
    expect_has("The European Union banned Russian oil.", "European Union sanction Russia");
    expect_has("The European Union cut Russian banks off from SWIFT.", "European Union sanction Russia");
    expect_not("The European Union bought Russian oil.", "European Union sanction Russia");
    expect_not("Iran, which faces US pressure, sells oil to China.", "United States sanction Iran");
}

Test(phenomena_tension, trade_squeezed_and_taking_part_in_a_war)
{
    expect_has("Jamieson Greer, the trade negotiator, said China recently slowed shipments of rare earths.",
               "Jamieson Greer criticize China");
    expect_not("Japan said China had increased shipments of rare earths.", "Japan criticize China");
    expect_has("Vladimir Putin shot back by saying that NATO personnel have long been directly involved in the conflict.",
               "Vladimir Putin criticize NATO");
    expect_has("Ukraine said North Korean troops were fighting in the war.", "Ukraine criticize North Korea");
    expect_not("Ukraine said North Korean troops were not fighting in the war.", "Ukraine criticize North Korea");
}

Test(phenomena_tension, act_passives_mutual_blame_and_headline_allies)
{
    expect_has("North Korea's missile launch was condemned by Japan.", "Japan criticize North Korea");
    expect_not("North Korea's missile launch was condemned by Japan.", "North Korea criticize Japan");
    const char *traded = "China and the Philippines traded accusations over the collision.";
    expect_has(traded, "China criticize Philippines");
    expect_has(traded, "Philippines criticize China");
    const char *each = "Kyiv and Moscow blamed each other for the attack.";
    expect_has(each, "Ukraine criticize Russia");
    expect_has(each, "Russia criticize Ukraine");
    expect_not("China and the Philippines traded goods worth billions.", "China criticize Philippines");
    expect_has("US, allies condemn North Korea launch", "United States criticize North Korea");
    expect_not("US, allies welcome North Korea talks", "United States criticize North Korea");
}

Test(phenomena_tension, participle_after_the_main_clause)
{
    expect_has("China hit back on Monday, accusing the US of hypocrisy.", "China criticize United States");
    const char *praised = "Vladimir Putin praised Kim Jong Un, blaming Washington for the tension.";
    expect_has(praised, "Vladimir Putin criticize United States");
    /* The object of the main verb is not the one who blames. */
    expect_not(praised, "Kim Jong Un criticize United States");
    expect_has("Japan protested on Monday, urging China to release the crew.", "Japan pressure China");
    expect_has("Joe Biden met Xi Jinping, pressing him on Taiwan.", "Joe Biden pressure Xi Jinping");
    expect_not("Joe Biden met Vladimir Putin on Monday, urging Kyiv to talk.", "Vladimir Putin pressure Ukraine");
    expect_not("Donald Trump's envoy met Vladimir Putin, urging Kyiv to talk.", "Donald Trump pressure Ukraine");
}

Test(phenomena_tension, second_verb_belongs_to_the_subject)
{
    const char *met = "China met Russia and accused Japan.";
    expect_has(met, "China criticize Japan");
    expect_not(met, "Russia criticize Japan");
    const char *tokyo = "Joe Biden met Fumio Kishida in Tokyo and condemned Russia.";
    expect_not(tokyo, "Fumio Kishida criticize Russia");
    expect_not(tokyo, "Japan criticize Russia");
    const char *monday = "Joe Biden met Fumio Kishida on Monday and condemned Russia.";
    expect_has(monday, "Joe Biden criticize Russia");
    expect_not(monday, "Fumio Kishida criticize Russia");
}

Test(phenomena_tension, objects_are_neither_under_sanctions_nor_speakers)
{
    expect_not("Russia sold oil to China under US sanctions.", "United States sanction China");
    expect_has("North Korea has been under UN sanctions since 2006.", "United Nations sanction North Korea");
    expect_has("Iran faces new US sanctions.", "United States sanction Iran");
    expect_not("Joe Biden met Fumio Kishida on Monday, saying Russia had violated the truce.",
               "Fumio Kishida criticize Russia");
}

Test(phenomena_tension, held_responsible_behind_attacks_and_told_to)
{
    expect_has("Seoul held Pyongyang responsible for the attack.", "South Korea criticize North Korea");
    expect_has("The United States said Russia was behind the cyberattack.", "United States criticize Russia");
    expect_not("The United States said Russia was not behind the cyberattack.", "United States criticize Russia");
    expect_not("Seoul held talks with Pyongyang on the attack.", "South Korea criticize North Korea");
    expect_has("Donald Trump told Volodymyr Zelensky to make a deal.", "Donald Trump pressure Volodymyr Zelensky");
    expect_not("Joe Biden told Xi Jinping to his face that he disagreed.", "Joe Biden pressure Xi Jinping");
}

Test(phenomena_tension, pressure_kept_up_as_a_policy)
{
    expect_has("Seoul stressed the continuation of pressure on Pyongyang through sanctions.",
               "South Korea pressure North Korea");
    expect_has("Tokyo and Seoul agreed to keep up pressure on Pyongyang.", "Japan pressure North Korea");
    expect_has("Washington vowed to maintain maximum pressure on Tehran.", "United States pressure Iran");
    /* Pressure eased is no pressure, and the one urged to ease it is the one pressed. */
    expect_not("Tokyo agreed to ease pressure on Beijing.", "Japan pressure China");
    const char *ease = "Beijing urged Washington to ease pressure on Tehran.";
    expect_has(ease, "China pressure United States");
    expect_not(ease, "China pressure Iran");
}

Test(phenomena_tension, pressure_resisted_and_refusals_hedged)
{
    expect_has("Kyiv rejected pressure from Washington to give up land.", "United States pressure Ukraine");
    expect_has("Seoul resisted pressure from Washington to pay more.", "United States pressure South Korea");
    expect_has("Pyongyang, under pressure from Beijing, returned to the talks.", "China pressure North Korea");
    /* refus* is a hedge: a refusal to act is no act. */
    expect_not("Beijing refused to condemn Moscow.", "China criticize Russia");
    expect_not("Tokyo refused to impose sanctions on Moscow.", "Japan sanction Russia");
    /* Acts avoided are none either; a demand to refrain still presses. */
    expect_not("New Delhi avoided any criticism of Moscow.", "India criticize Russia");
    expect_not("Seoul refrained from criticism of Beijing.", "South Korea criticize China");
    expect_has("Tokyo demanded that Beijing refrain from further drills.", "Japan pressure China");
}

Test(phenomena_tension, statements_embassies_and_governments_speak_for_their_actor)
{
    expect_has("The G7 statement urged China to stop arming Russia.", "G7 pressure China");
    expect_has("NATO's declaration urged China to end its support.", "NATO pressure China");
    expect_has("The Russian embassy slammed Britain for its remarks.", "Russia criticize United Kingdom");
    expect_has("Japan's government condemned China's move.", "Japan criticize China");
    expect_not("The G7 statement welcomed China's role in the talks.", "G7 pressure China");
    expect_not("The G7 statement welcomed China's role in the talks.", "G7 criticize China");
}

Test(phenomena_tension, acts_called_wrong_and_acts_of_a_state)
{
    expect_has("Beijing called the American tariffs illegal.", "China criticize United States");
    expect_has("Moscow called the British move a provocation.", "Russia criticize United Kingdom");
    /* Without a possessive an act must follow the actor: a call is no criticism. */
    expect_not("Xi Jinping called Vladimir Putin to discuss the dangerous escalation.",
               "Xi Jinping criticize Vladimir Putin");
    expect_has("Pyongyang denounced the joint military drills of Seoul and Washington.",
               "North Korea criticize South Korea");
    expect_has("Pyongyang denounced the joint military drills of Seoul and Washington.",
               "North Korea criticize United States");
    /* "of" after an act only: the place invaded is not criticized. */
    expect_not("Tokyo condemned the invasion of Ukraine.", "Japan criticize Ukraine");
    expect_has("Tokyo's protest over the cooperation between Moscow and Pyongyang was rejected.",
               "Japan criticize North Korea");
    expect_has("Putin said Ukraine started the war.", "Vladimir Putin criticize Ukraine");
    expect_has("His host, British Foreign Secretary David Lammy, said the Iranian deliveries were dangerous.",
               "David Lammy criticize Iran");
    /* A state before a comma is no speaker of what follows. */
    expect_not("Seoul, asked about Beijing, said that the Japanese drills were dangerous.", "China criticize Japan");
}

Test(phenomena_tension, sanctions_by_their_effect_and_sanctions_undone)
{
    expect_has("American tariffs, which have hurt Vietnam, were on the agenda.", "United States sanction Vietnam");
    expect_has("Japan's sanctions have crippled North Korea.", "Japan sanction North Korea");
    expect_not("Sanctions on Russia have hurt Germany.", "Russia sanction Germany");
    expect_has("Washington doubled tariffs on India to 50 percent.", "United States sanction India");
    expect_has("Washington chose to impose additional tariffs on India.", "United States sanction India");
    expect_has("Beijing retaliated with tariffs of 34 percent on all American goods.", "China sanction United States");
    expect_has("The EU agreed to extend sanctions on Russia.", "European Union sanction Russia");
    /* Sanctions lifted, eased or only talked about are none. */
    expect_not("Washington agreed to lift sanctions on Iran.", "United States sanction Iran");
    expect_not("Washington announced the easing of sanctions on Syria.", "United States sanction Syria");
    expect_not("Washington raised the issue of sanctions on North Korea.", "United States sanction North Korea");
}

Test(phenomena_tension, vetoes_placed_and_vetoes_as_causes)
{
    expect_has("The resolution was vetoed by Russia at the Security Council.", "Russia veto UN Security Council");
    expect_has("The UN Security Council failed to act after China's veto.", "China veto UN Security Council");
    expect_not("The UN Security Council met after China's veto threat.", "China veto UN Security Council");
}

Test(phenomena_tension, mockery_wrongs_targets_members_and_deadlines)
{
    expect_has("Pyongyang ridiculed Seoul's offer of aid.", "North Korea criticize South Korea");
    expect_has("Beijing took issue with the Japanese remarks.", "China criticize Japan");
    expect_has("Beijing said Washington was the biggest source of instability.", "China criticize United States");
    expect_has("New Delhi called the American levies unfair.", "India criticize United States");
    expect_not("Beijing said Washington was a fair partner.", "China criticize United States");
    expect_has("The EU's new sanctions target Chinese firms.", "European Union sanction China");
    expect_has("Washington urged NATO members to spend more on defence.", "United States pressure NATO");
    /* The allies of a state are not that state. */
    expect_not("Beijing urged US allies to keep out of the dispute.", "China pressure United States");
    expect_has("Washington gave Moscow a two-week deadline to end the war.", "United States pressure Russia");
    expect_has("Washington set a 50-day deadline for Moscow to agree to a ceasefire.", "United States pressure Russia");
    expect_not("Washington set a deadline for a trade deal with Moscow.", "United States pressure Russia");
}

Test(phenomena_tension, second_verb_of_the_subject_presses)
{
    expect_has("Tokyo condemned the launch and urged Pyongyang to return to talks.", "Japan pressure North Korea");
    expect_has("Beijing rejected the report and demanded Washington stop spreading lies.",
               "China pressure United States");
    /* The object of the first verb is not the one who urges. */
    const char *object = "Xi Jinping met Vladimir Putin and urged Kim Jong Un to talk.";
    expect_not(object, "Vladimir Putin pressure Kim Jong Un");
}

Test(phenomena_tension, concern_that_and_acts_that_break_rules)
{
    expect_has("Washington expressed concern that Beijing is supplying Moscow with drone parts.",
               "United States criticize China");
    /* Concern for a state's people is no criticism of that state. */
    expect_not("Tokyo expressed concern that Chinese students were detained.", "Japan criticize China");
    expect_has("Seoul said Pyongyang's missile launch violated UN resolutions.", "South Korea criticize North Korea");
    /* The victims of an act are not its author. */
    expect_not("Kyiv said Russia's soldiers were killed.", "Ukraine criticize Russia");
}

Test(phenomena_tension, judgements_quoted_and_victims_spared)
{
    expect_has("\"Moscow's attack is a flagrant violation of international law,\" Kyiv said.",
               "Ukraine criticize Russia");
    expect_has("\"The American tariffs are unfair,\" New Delhi said.", "India criticize United States");
    expect_has("Tokyo said Beijing's actions were deeply irresponsible.", "Japan criticize China");
    /* The victim of a wrong is not judged. */
    expect_not("\"Kyiv is a victim of aggression,\" Tokyo said.", "Japan criticize Ukraine");
    expect_not("Tokyo said Kyiv was a victim of aggression.", "Japan criticize Ukraine");
    expect_not("Tokyo said Kyiv was the target of unprovoked aggression.", "Japan criticize Ukraine");
}

Test(phenomena_tension, sanction_targets_placed_counted_and_faced)
{
    const char *placed = "Washington sanctioned entities in China and India for helping Russia.";
    expect_has(placed, "United States sanction China");
    expect_has(placed, "United States sanction India");
    expect_not(placed, "United States sanction Russia");
    expect_has("London sanctioned 30 ships of Russia's shadow fleet.", "United Kingdom sanction Russia");
    expect_has("Washington imposed sanctions on three North Korean officials.", "United States sanction North Korea");
    expect_has("Beijing halted imports of seafood from Japan.", "China sanction Japan");
    expect_has("New Delhi was hit with a 50 percent American tariff.", "United States sanction India");
    expect_has("Beijing faces tariffs of up to 145 percent from Washington.", "United States sanction China");
    expect_not("Beijing faces questions from Washington.", "United States sanction China");
}

Test(phenomena_tension, rebukes_drawn_appeals_and_leaning_on)
{
    expect_has("Tokyo's decision drew a sharp rebuke from Beijing.", "China criticize Japan");
    expect_has("Seoul's plan sparked protests from Tokyo.", "Japan criticize South Korea");
    expect_not("Seoul's plan drew praise from Tokyo.", "Japan criticize South Korea");
    expect_has("Kyiv appealed for Beijing to help end the war.", "Ukraine pressure China");
    expect_has("Washington leaned on Kyiv to accept the deal.", "United States pressure Ukraine");
    expect_not("Washington leaned on its experience in the talks with Kyiv.", "United States pressure Ukraine");
}

Test(phenomena_tension, sanctions_by_order_and_by_a_second_verb)
{
    expect_has("Washington signed an executive order imposing an additional 25 percent tariff on India.",
               "United States sanction India");
    expect_has("Brussels condemned the attack and imposed new sanctions on Moscow.", "European Union sanction Russia");
    expect_not("Tokyo condemned the launch and agreed to lift sanctions on Pyongyang.", "Japan sanction North Korea");
    /* The object of the first verb imposes nothing. */
    expect_not("Washington met Tokyo and imposed tariffs on Chinese goods.", "Japan sanction China");
}

Test(phenomena_tension, speaking_out_swipes_and_insisting_on)
{
    expect_has("Paris spoke out against Beijing's support for Moscow.", "France criticize China");
    expect_has("Beijing took a veiled swipe at Washington.", "China criticize United States");
    expect_not("Paris spoke with Beijing about its support for Moscow.", "France criticize China");
    expect_has("Tokyo insisted on Moscow's withdrawal from the islands.", "Japan pressure Russia");
    expect_not("Tokyo insisted on Moscow's help.", "Japan pressure Russia");
}

Test(phenomena_tension, declarations_name_frozen_assets_and_countermeasures)
{
    expect_has("The NATO declaration called China a decisive enabler of the war.", "NATO criticize China");
    expect_has("Tokyo froze the assets of Russian banks.", "Japan sanction Russia");
    expect_has("Beijing took countermeasures against Japanese companies.", "China sanction Japan");
    /* A vow to take them is not taking them. */
    expect_not("Beijing vowed to take countermeasures against Washington.", "China sanction United States");
}
