/* Phenomena of the partnership relations (cooperate, support, arms, trade),
 * each with sentences that say it and sentences that only look like it.
 * The sentences are invented for these tests and run against the shipped
 * rules/ directory (rules/relations/partnership.rules). */
#include <criterion/criterion.h>

#include "phenomena_fixture.h"

TestSuite(phenomena_partnership, .init = load_default_rules, .fini = free_rules);

Test(phenomena_partnership, bloc_named_with_its_members)
{
    const char *bloc = "Officials praised the new alliance comprising Japan, the Philippines and Australia.";
    expect_has(bloc, "Japan cooperate Philippines");
    expect_has(bloc, "Australia cooperate Japan");
    expect_has("The treaty between Vietnam and Laos was renewed.", "Laos cooperate Vietnam");
    /* A bloc named alone, and a list that is not its membership. */
    expect_not("The alliance criticized Japan and China.", "China cooperate Japan");
}

Test(phenomena_partnership, pair_called_partners_or_friendly_neighbours)
{
    expect_has("Vietnam and Laos are close strategic partners.", "Laos cooperate Vietnam");
    expect_has("Beijing and Pyongyang remain friendly neighbours.", "China cooperate North Korea");
    expect_has("Japan and the Philippines have become security allies.", "Japan cooperate Philippines");
    /* Rivals are not partners; a denial is hedged. */
    expect_not("Japan and China are rivals.", "China cooperate Japan");
    expect_not("Japan and China are not partners.", "China cooperate Japan");
}

Test(phenomena_partnership, one_calls_the_other_a_friend)
{
    expect_has("Kim Jong Un called Vladimir Putin a true friend of the Korean people.",
               "Kim Jong Un cooperate Vladimir Putin");
    expect_has("Hanoi described Vientiane as its closest ally.", "Laos cooperate Vietnam");
    /* Called something else: no bond. */
    expect_not("Kim Jong Un called Vladimir Putin on Friday.", "Kim Jong Un cooperate Vladimir Putin");
    expect_not("Tokyo called Beijing a threat to the region.", "China cooperate Japan");
}

Test(phenomena_partnership, agreements_named_with_their_parties)
{
    expect_has("The envoy will review accords signed between Laos and Vietnam.", "Laos cooperate Vietnam");
    expect_has("Analysts discussed the defence pact which Russia signed with North Korea.",
               "North Korea cooperate Russia");
    expect_has("Xi Jinping and Kim Jong Un held talks and reached a broad consensus.",
               "Kim Jong Un cooperate Xi Jinping");
    expect_has("Japan and South Korea agreed in talks in Seoul to deepen cooperation.",
               "Japan cooperate South Korea");
    /* The agreement of one party with a third state's official: not the possessor. */
    expect_not("Critics cited the pact which Putin signed with North Korea's leader, Kim Jong Un.",
               "North Korea cooperate Vladimir Putin");
    /* Talks without an agreement. */
    expect_not("Japan and China held talks and reached no consensus.", "China cooperate Japan");
}

Test(phenomena_partnership, backers_named_as_such)
{
    expect_has("NATO called China a decisive enabler of Russia's war.", "China support Russia");
    expect_has("Iran is the main backer of Syria.", "Iran support Syria");
    /* A backer of a policy, not of a state; an enabler that is denied. */
    expect_not("China denied being an enabler of Russia.", "China support Russia");
}

Test(phenomena_partnership, treaty_duty_to_defend)
{
    expect_has("The United States is bound by a mutual defense treaty to defend Japan.",
               "United States support Japan");
    expect_not("The United States is not bound by any treaty to defend Taiwan.",
               "United States support Taiwan");
}

Test(phenomena_partnership, possessive_bonds_and_sealed_deals)
{
    expect_has("Vietnam's defence cooperation with Laos keeps growing.", "Laos cooperate Vietnam");
    expect_has("Hanoi inked a trade deal with Vientiane on Monday.", "Laos cooperate Vietnam");
    expect_has("Japan and the Philippines sealed a new security accord.", "Japan cooperate Philippines");
    /* Neutral ties and disputes are not cooperation. */
    expect_not("Japan's dispute with China worsened.", "China cooperate Japan");
    expect_not("Japan's relations with China soured.", "China cooperate Japan");
}

Test(phenomena_partnership, aid_packages)
{
    expect_has("The European Union unveiled a new humanitarian aid package for Ukraine.",
               "European Union support Ukraine");
    expect_has("Japan approved a $300 million loan package for the Philippines.", "Japan support Philippines");
    /* A package for the giver's own people, and a refused one. */
    expect_not("Japan approved an economic relief package for farmers after talks with the Philippines.",
               "Japan support Philippines");
    expect_not("Japan refused to approve an aid package for the Philippines.", "Japan support Philippines");
}

Test(phenomena_partnership, weapons_named_by_their_maker)
{
    expect_has("Russia fired Iranian drones at Kyiv overnight.", "Iran arms Russia");
    expect_has("Ukraine has used American made missiles.", "United States arms Ukraine");
    expect_has("Iran has armed Russia throughout the war.", "Iran arms Russia");
    /* Weapons of the enemy destroyed or shot down are not a transfer. */
    expect_not("Ukraine shot down Russian drones.", "Russia arms Ukraine");
    expect_not("Russia destroyed Ukrainian tanks.", "Ukraine arms Russia");
    expect_not("North Korea's armed forces entered Russia.", "North Korea arms Russia");
}

Test(phenomena_partnership, exports_and_trade_ties)
{
    expect_has("Vietnam exported record amounts of rice to the Philippines.", "Philippines trade Vietnam");
    expect_has("Russia's oil exports to India surged last year.", "India trade Russia");
    expect_has("Trade ties between Japan and Vietnam are growing.", "Japan trade Vietnam");
    expect_has("China is Russia's largest buyer of crude.", "China trade Russia");
    /* Weapons sold are arms, not trade; a ban is not trade. */
    expect_not("North Korea sold artillery shells to Russia.", "North Korea trade Russia");
    expect_not("Japan banned exports of chips to China.", "China trade Japan");
}

Test(phenomena_partnership, state_says_it_supports)
{
    expect_has("Hanoi said it firmly supports Vientiane.", "Vietnam support Laos");
    expect_not("Japan said it does not support China.", "Japan support China");
    expect_not("Ukraine said it supports sanctions on Russia.", "Ukraine support Russia");
}

Test(phenomena_partnership, support_welcomed_and_lifelines)
{
    expect_has("Moscow welcomed Beijing's backing.", "China support Russia");
    expect_has("Iran has become Syria's main lifeline.", "Iran support Syria");
    expect_has("Russia is helping Iran with its space programme.", "Russia support Iran");
    /* A decision welcomed is not support. */
    expect_not("Russia welcomed China's decision to cut tariffs.", "China support Russia");
}

Test(phenomena_partnership, troops_fighting_alongside)
{
    expect_has("North Korean soldiers are fighting alongside Russian units.", "North Korea support Russia");
    /* Fighting against is the opposite. */
    expect_not("North Korean soldiers are fighting against Ukrainian units.", "North Korea support Ukraine");
}

Test(phenomena_partnership, treaties_binding_both_and_shared_future)
{
    expect_has("The pact obliges Laos and Vietnam to defend each other.", "Laos cooperate Vietnam");
    expect_has("Beijing and Hanoi agreed to build a community with a shared future.", "China cooperate Vietnam");
    expect_not("Beijing and Hanoi agreed to build a new bridge.", "China cooperate Vietnam");
}

Test(phenomena_partnership, trade_to_be_raised)
{
    expect_has("India and Russia agreed to raise bilateral trade to $100 billion.", "India trade Russia");
    expect_has("Vietnam vowed to expand trade with Japan.", "Japan trade Vietnam");
    /* Cutting trade is not an expansion. */
    expect_not("Japan moved to cut trade with Russia.", "Japan trade Russia");
}

Test(phenomena_partnership, ties_praised_and_cooperation_agreed)
{
    expect_has("Xi Jinping and Vladimir Putin praised the close ties between their countries.",
               "Vladimir Putin cooperate Xi Jinping");
    expect_has("Vietnam hailed its friendship with Laos.", "Laos cooperate Vietnam");
    expect_has("India and Japan agreed to cooperate on maritime security.", "India cooperate Japan");
    expect_has("Tokyo reaffirmed its ironclad alliance commitment to Washington.", "Japan cooperate United States");
    expect_has("Beijing remains Pyongyang's main economic partner.", "China cooperate North Korea");
    /* Praise for something else, and a refusal to cooperate. */
    expect_not("Japan and China welcomed the ceasefire.", "China cooperate Japan");
    expect_not("Japan and China refused to cooperate on the probe.", "China cooperate Japan");
}

Test(phenomena_partnership, relations_established_and_joint_acts)
{
    expect_has("Vietnam and Laos established diplomatic relations in 1962.", "Laos cooperate Vietnam");
    expect_has("Tokyo normalised ties with Seoul in 1965.", "Japan cooperate South Korea");
    expect_has("Moscow joined Beijing in a naval drill.", "China cooperate Russia");
    expect_has("Russia and North Korea pledged mutual military assistance.", "North Korea cooperate Russia");
    expect_has("Beijing and Moscow reaffirmed their commitment to the partnership.", "China cooperate Russia");
    /* Relations cut, and a drill watched. */
    expect_not("Japan cut diplomatic relations with Iran.", "Iran cooperate Japan");
    expect_not("Moscow criticised Beijing for a naval drill.", "China cooperate Russia");
}

Test(phenomena_partnership, dependence_on_a_supplier)
{
    expect_has("Pyongyang relies heavily on Beijing for food and fuel.", "China support North Korea");
    expect_has("Russia is increasingly relying on support from Iran.", "Iran support Russia");
    expect_has("Russia relies on Iran for drones.", "Iran arms Russia");
    /* Goods bought are not aid. */
    expect_not("Japan relies on China for rare earths.", "China support Japan");
}

Test(phenomena_partnership, weapons_supplied_by)
{
    expect_has("Ukraine fired missiles supplied by the United States.", "United States arms Ukraine");
    expect_has("Investigators traced the drones sent by Iran to Russia.", "Iran arms Russia");
    /* Weapons shot down are not received. */
    expect_not("Ukraine shot down drones made by Iran.", "Iran arms Ukraine");
}

Test(phenomena_partnership, taking_sides_and_passive_backing)
{
    expect_has("China sided with Russia in the vote.", "China support Russia");
    expect_has("Washington came to Manila's defence.", "United States support Philippines");
    expect_has("Kim Jong Un hailed Russia's struggle against the West.", "Kim Jong Un support Russia");
    expect_has("North Korea is openly backed by China.", "China support North Korea");
    /* Passives of hostile verbs, and a side not taken. */
    expect_not("Japan was criticized by China.", "China support Japan");
    expect_not("Ukraine refused to side with Russia.", "Ukraine support Russia");
}

Test(phenomena_partnership, weapons_handed_over_and_joint_ventures)
{
    expect_has("Germany handed over Leopard tanks to Ukraine.", "Germany arms Ukraine");
    expect_has("Ukraine is armed by the United States.", "United States arms Ukraine");
    expect_has("Vietnam and Laos launched a joint task force.", "Laos cooperate Vietnam");
    expect_has("Japan set up a joint fund with the Philippines.", "Japan cooperate Philippines");
    /* Tanks destroyed, a venture of one state alone. */
    expect_not("Ukraine destroyed tanks handed over to Russia.", "Ukraine arms Russia");
    expect_not("Japan set up a new fund after talks with the Philippines.", "Japan cooperate Philippines");
}

Test(phenomena_partnership, groups_speaking_for_their_state)
{
    expect_has("Chinese officials pledged to deepen ties with Moscow.", "China cooperate Russia");
    expect_has("Japanese leaders reaffirmed their unwavering support for Ukraine.", "Japan support Ukraine");
    expect_not("Japanese officials voiced concern over Chinese support for Russia.", "Japan support Russia");
}

Test(phenomena_partnership, military_technology)
{
    expect_has("Russia transferred nuclear submarine technology to North Korea.", "Russia arms North Korea");
    expect_has("Iran obtained missile technology from North Korea.", "North Korea arms Iran");
    expect_has("Russia is a major supplier of arms to India.", "Russia arms India");
    /* Farming know-how is not military. */
    expect_not("Israel shared farming technology with India.", "Israel arms India");
    expect_not("Japan shared farming technology to India.", "Japan arms India");
}

Test(phenomena_partnership, buyers_and_suppliers_of_goods)
{
    expect_has("India has become a major buyer of Russian crude.", "India trade Russia");
    expect_has("Qatar is a leading supplier of gas to Japan.", "Japan trade Qatar");
    /* A buyer of weapons is arms, not trade. */
    expect_not("India is a major buyer of Russian weapons.", "India trade Russia");
}

Test(phenomena_partnership, weapons_in_accusations_and_sales_by)
{
    expect_has("Kyiv accused Moscow of firing Iranian drones at civilians.", "Iran arms Russia");
    expect_has("Washington criticized arms sales by Russia to Iran.", "Russia arms Iran");
    /* Drones fired at a state are not given to it. */
    expect_not("Kyiv accused Moscow of firing drones at Ukrainian cities.", "Ukraine arms Russia");
}

Test(phenomena_partnership, ties_raised_or_held)
{
    expect_has("Vietnam and the United States elevated their relationship to a comprehensive strategic partnership.",
               "United States cooperate Vietnam");
    expect_has("India and Russia share a special and privileged strategic partnership.", "India cooperate Russia");
    expect_has("Russia and Iran enjoy close ties.", "Iran cooperate Russia");
    expect_has("Laos maintains warm relations with Vietnam.", "Laos cooperate Vietnam");
    /* Strained ties and disputes are held too, but are no bond. */
    expect_not("Japan and China have strained ties.", "China cooperate Japan");
    expect_not("Japan and China have a territorial dispute.", "China cooperate Japan");
}

Test(phenomena_partnership, coordination_and_joint_work)
{
    expect_has("Beijing and Moscow have been coordinating closely at the United Nations.", "China cooperate Russia");
    expect_has("Vietnam and China agreed to jointly develop oil fields.", "China cooperate Vietnam");
    expect_has("Seoul and Tokyo agreed to share intelligence on North Korean missiles.", "Japan cooperate South Korea");
    expect_has("Putin called for closer ties between Russia and India.", "India cooperate Russia");
    /* Fire exchanged is not coordination. */
    expect_not("Russia and Ukraine exchanged fire.", "Russia cooperate Ukraine");
    expect_not("Japan and China refused to share intelligence.", "China cooperate Japan");
}

Test(phenomena_partnership, political_backing_and_shielding)
{
    expect_has("Beijing has thrown its weight behind Moscow.", "China support Russia");
    expect_has("The United States remains committed to the defense of the Philippines.",
               "United States support Philippines");
    expect_has("Russia has offered diplomatic cover to North Korea at the United Nations.",
               "Russia support North Korea");
    expect_has("China shielded North Korea from new sanctions.", "China support North Korea");
    /* Shielding from the other state's attacks is no backing of it. */
    expect_not("Japan protected its ships from Chinese attacks.", "Japan support China");
}

Test(phenomena_partnership, goods_paid_for)
{
    expect_has("India paid for Russian oil in rupees.", "India trade Russia");
    expect_not("Ukraine says Russia must pay for the damage.", "Russia trade Ukraine");
}

Test(phenomena_partnership, trading_partners_are_trade_not_cooperation)
{
    const char *partners = "China and Japan are major trading partners.";
    expect_has(partners, "China trade Japan");
    expect_not(partners, "China cooperate Japan");
}

Test(phenomena_partnership, troops_arriving_to_help_and_trained)
{
    expect_has("Thousands of North Korean soldiers have arrived in Russia to support its war.",
               "North Korea support Russia");
    expect_has("Iran trained Russian soldiers to use drones.", "Iran support Russia");
    /* Soldiers killed are not trained; troops arriving to fight are not help. */
    expect_not("Ukraine killed Russian soldiers.", "Ukraine support Russia");
    expect_not("Russian troops arrived in Ukraine to fight.", "Russia support Ukraine");
}

Test(phenomena_partnership, troops_trained_by)
{
    expect_has("Ukrainian pilots were trained by the United States.", "United States support Ukraine");
    expect_not("Ukrainian pilots were attacked by Russia.", "Russia support Ukraine");
}

Test(phenomena_partnership, allies_named_by_their_partner)
{
    expect_has("Russia's ally North Korea fired a missile.", "North Korea cooperate Russia");
    expect_has("Japan and its closest ally, the United States, held drills.", "Japan cooperate United States");
    /* A former ally is none; a trading partner trades. */
    expect_not("Ukraine's former ally Russia fired a missile.", "Russia cooperate Ukraine");
    const char *trading = "China's largest trading partner, the United States, imposed tariffs.";
    expect_not(trading, "China cooperate United States");
    expect_has(trading, "China trade United States");
}

Test(phenomena_partnership, agreeing_with_a_partner_and_willingness)
{
    expect_has("China agreed with Russia to expand military cooperation.", "China cooperate Russia");
    expect_has("China expressed its willingness to strengthen cooperation with Russia.", "China cooperate Russia");
    /* Agreeing to end something, or being willing only to talk, is no cooperation. */
    expect_not("China agreed with Russia to end the talks.", "China cooperate Russia");
    expect_not("China expressed its willingness to talk with Russia.", "China cooperate Russia");
}

Test(phenomena_partnership, thanks_for_backing_a_third_party)
{
    const char *thanks = "Volodymyr Zelensky thanked Japan for supporting Ukraine.";
    expect_has(thanks, "Japan support Ukraine");
    expect_not(thanks, "Japan support Volodymyr Zelensky");
    expect_not("Volodymyr Zelensky thanked Japan for criticizing Russia.", "Japan support Russia");
}

Test(phenomena_partnership, support_nouns_and_credit)
{
    expect_has("China's backing of Russia angered Ukraine.", "China support Russia");
    expect_has("NATO is committing more support to Ukraine.", "NATO support Ukraine");
    expect_has("China extended a credit line to Laos.", "China support Laos");
    /* Backing sanctions on a state is no backing of it. */
    expect_not("China's backing of sanctions on Russia angered Moscow.", "China support Russia");
}

Test(phenomena_partnership, a_regime_named_after_its_leader_is_not_the_leader)
{
    expect_not("Russia is propping up the Kim Jong Un regime with food aid.", "Russia support Kim Jong Un");
    expect_has("Russia is propping up Kim Jong Un with food aid.", "Russia support Kim Jong Un");
}

Test(phenomena_partnership, arms_sales_named_by_seller)
{
    expect_has("U.S. arms sales to Taiwan angered China.", "United States arms Taiwan");
    expect_has("Russia's weapons deliveries to North Korea worry Japan.", "Russia arms North Korea");
    /* A critic of the sales is not the seller. */
    expect_not("Japan criticized arms sales to Taiwan.", "Japan arms Taiwan");
}

Test(phenomena_partnership, trade_balances_and_dealings)
{
    expect_has("The US trade deficit with China grew.", "China trade United States");
    expect_has("India is engaged in trade with Russia.", "India trade Russia");
    expect_has("China imported 10 billion dollars worth of oil from Russia.", "China trade Russia");
    /* Partners of one state that worry about another do not trade with it. */
    expect_not("China's trading partners are wary of the United States.", "China trade United States");
}

Test(phenomena_partnership, shares_of_another_state_s_trade)
{
    expect_has("China accounts for more than 90 percent of North Korea's trade.", "China trade North Korea");
    expect_has("China buys most of North Korea's exports.", "China trade North Korea");
    expect_has("South Korea imported crude oil from the United States.", "South Korea trade United States");
    /* Commenting on a share is not holding it. */
    expect_not("China criticized North Korea's trade.", "China trade North Korea");
}

Test(phenomena_partnership, commitments_renewed_and_equipment_named)
{
    expect_has("Washington reaffirmed its commitment to defend Japan.", "United States support Japan");
    expect_has("The United States transferred Patriot systems to Ukraine.", "United States arms Ukraine");
    expect_has("Japan provided patrol boats to the Philippines.", "Japan support Philippines");
    /* A commitment to oppose someone is no support. */
    expect_not("Washington reaffirmed its commitment to oppose Iran.", "United States support Iran");
}

Test(phenomena_partnership, a_state_ready_to_work_with_another)
{
    expect_has("China said it is ready to strengthen strategic communication with North Korea.", "China cooperate North Korea");
    expect_has("China stands ready to work with Russia.", "China cooperate Russia");
    /* Readiness to respond with force is no cooperation; a refusal neither. */
    expect_not("China said it is ready to respond to provocations with force against Japan.", "China cooperate Japan");
    expect_not("China said it was not willing to work with Japan.", "China cooperate Japan");
}

Test(phenomena_partnership, debts_written_off_states_shielded_goods_given)
{
    expect_has("Russia wrote off North Korea's debt.", "Russia support North Korea");
    expect_has("Russia and China shielded North Korea at the United Nations.", "China support North Korea");
    expect_has("Russia is giving North Korea technology in exchange for weapons.", "Russia support North Korea");
    /* Talks about a debt are not its relief; a state's leader shielded is not the state. */
    expect_not("Russia wrote off Ukraine's debt talks.", "Russia support Ukraine");
    expect_not("China shielded North Korea's leader from criticism.", "China support North Korea");
}

Test(phenomena_partnership, a_trading_partner_is_no_ally)
{
    const char *trading = "Vietnam is a key trading partner of China.";
    expect_has(trading, "China trade Vietnam");
    expect_not(trading, "China cooperate Vietnam");
    expect_has("South Korea is a strategic ally of the United States.", "South Korea cooperate United States");
    expect_has("China will always be a good partner to Russia.", "China cooperate Russia");
}
