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
