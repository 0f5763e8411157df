/* Tests for sentence splitting (sentence.h). */
#include <criterion/criterion.h>
#include <string.h>

#include "relgraph/sentence.h"

/* Splits text and returns the sentences as strings (caller frees). */
static GPtrArray *split(const char *text)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split(text, strlen(text), spans);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < spans->len; i++) {
        RelgraphSpan s = g_array_index(spans, RelgraphSpan, i);
        cr_assert_lt(s.start, s.end, "no empty sentence");
        cr_assert_leq(s.end, strlen(text));
        g_ptr_array_add(out, g_strndup(text + s.start, s.end - s.start));
    }
    g_array_unref(spans);
    return out;
}

/* text splits into exactly the NULL-terminated list of sentences. */
static void assert_split(const char *text, ...)
{
    GPtrArray *got = split(text);
    va_list ap;
    va_start(ap, text);
    guint n = 0;
    const char *want;
    while ((want = va_arg(ap, const char *)) != NULL) {
        if (n < got->len)
            cr_expect_str_eq(g_ptr_array_index(got, n), want, "sentence %u of \"%s\"", n, text);
        n++;
    }
    va_end(ap);
    cr_expect_eq(got->len, n, "\"%s\" gives %u sentences, expected %u", text, got->len, n);
    g_ptr_array_unref(got);
}

static void assert_one(const char *text)
{
    assert_split(text, text, NULL);
}

Test(sentence, basic_spans)
{
    const char *s = "  China sent a delegation.  It arrived on Monday!\tWas it late?  ";
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split(s, strlen(s), spans);
    cr_assert_eq(spans->len, 3);
    RelgraphSpan a = g_array_index(spans, RelgraphSpan, 0);
    RelgraphSpan b = g_array_index(spans, RelgraphSpan, 1);
    RelgraphSpan c = g_array_index(spans, RelgraphSpan, 2);
    cr_expect_eq(a.start, 2);
    cr_expect_eq(a.end, 26);
    cr_expect_eq(b.start, 28);
    cr_expect_eq(b.end, 49);
    cr_expect_eq(c.start, 50);
    cr_expect_eq(c.end, 62);
    g_array_unref(spans);
}

Test(sentence, appends_to_existing_array)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split("One. Two.", 9, spans);
    relgraph_sentence_split("Three.", 6, spans);
    cr_expect_eq(spans->len, 3);
    g_array_unref(spans);
}

Test(sentence, empty_and_blank)
{
    assert_split("", NULL);
    assert_split("   \n\n \t ", NULL);
    assert_split(". ", ".", NULL);
    assert_one("No final period");
}

Test(sentence, length_limits_the_text)
{
    const char *s = "First one. Second one.";
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split(s, 10, spans);
    cr_assert_eq(spans->len, 1);
    cr_expect_eq(g_array_index(spans, RelgraphSpan, 0).end, 10);
    g_array_unref(spans);
}

Test(sentence, terminators)
{
    assert_split("Did it work? Yes! It did.", "Did it work?", "Yes!", "It did.", NULL);
    assert_split("Really?! Yes.", "Really?!", "Yes.", NULL);
    assert_split("Wait... The rest came.", "Wait...", "The rest came.", NULL);
    assert_split("on platforms…” Cooperation grew.", "on platforms…”", "Cooperation grew.", NULL);
}

/* Boundary bytes are found wherever they fall in the blocks of bytes the
 * splitter skips at once, and never past the length given. */
Test(sentence, boundaries_at_every_offset)
{
    /* Terminal punctuation stays in the sentence, line breaks do not. */
    static const struct {
        const char *bytes;
        gboolean kept;
    } ends[] = {{".", TRUE}, {"!", TRUE}, {"?", TRUE}, {"\xe2\x80\xa6", TRUE},
                {"\n\n", FALSE}, {"\r\n\r\n", FALSE}, {"\xe2\x80\xa9", FALSE}};
    for (guint e = 0; e < G_N_ELEMENTS(ends); e++) {
        for (guint pad = 0; pad < 40; pad++) {
            GString *first = g_string_new("Word");
            for (guint k = 0; k < pad; k++)
                g_string_append_c(first, k % 5 == 3 ? ' ' : 'x');
            char *text = g_strconcat(first->str, ends[e].bytes, " Then more text follows here", NULL);
            if (ends[e].kept)
                g_string_append(first, ends[e].bytes);
            else
                g_strchomp(first->str); /* the span ends at its last non-space */
            assert_split(text, first->str, "Then more text follows here", NULL);
            /* A length that ends inside the block: nothing beyond it is read. */
            GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
            relgraph_sentence_split(text, 4 + pad, spans);
            cr_expect_eq(spans->len, 1);
            cr_expect_leq(g_array_index(spans, RelgraphSpan, 0).end, 4 + pad);
            g_array_unref(spans);
            g_free(text);
            g_string_free(first, TRUE);
        }
    }
}

Test(sentence, what_may_follow)
{
    /* Lower case after the period: not a sentence end. */
    assert_one("He left. then he came back.");
    /* A digit or an opening quote starts a new sentence. */
    assert_split("Trade grew in 2019. 14 staff arrived.", "Trade grew in 2019.", "14 staff arrived.", NULL);
    assert_split("He left. “We will return,” he said.", "He left.", "“We will return,” he said.", NULL);
    assert_split("He left. \"We will return.\"", "He left.", "\"We will return.\"", NULL);
    assert_split("He left. ‘Soon,’ he said.", "He left.", "‘Soon,’ he said.", NULL);
    /* Non-ASCII capitals count. */
    assert_split("He left. Élysée aides stayed.", "He left.", "Élysée aides stayed.", NULL);
    /* No whitespace after the period: no sentence end. */
    assert_one("Trade data to August 25.According to customs, it grew.");
    assert_one("Photo Credit: Kremlin.ru shows it.");
    /* A bracket after the period belongs to the same caption. */
    assert_one("Troops in Pyongyang. [YONHAP]");
    assert_one("It ended with sanctions. (");
}

Test(sentence, closing_quotes_and_brackets_belong_to_the_sentence)
{
    assert_split("It was “even closer.” However, it ended.", "It was “even closer.”", "However, it ended.", NULL);
    assert_split("He said \"no.\" Then left.", "He said \"no.\"", "Then left.", NULL);
    assert_split("(It was late.) Next came.", "(It was late.)", "Next came.", NULL);
    assert_split("It ended ‘in the end.’” The end.", "It ended ‘in the end.’”", "The end.", NULL);
    assert_split("Quote: «fin.» Autre.", "Quote: «fin.»", "Autre.", NULL);
}

Test(sentence, numbers)
{
    assert_one("Growth was 3.7 percent after eight years.");
    assert_one("An average of 3.8 — also a rise.");
    assert_one("Trade reached US$1.47 billion in July.");
    assert_split("It grew 3.7 percent. Exports rose.", "It grew 3.7 percent.", "Exports rose.", NULL);
}

Test(sentence, strong_abbreviations_never_end)
{
    const char *cases[] = {
        "Mr. Kim met Mrs. Lee and Ms. Park.",  "Dr. Choe spoke.",
        "Prof. Shi Yinhong said so.",          "Gen. Park and Lt. Col. Han came.",
        "Gov. Kim and Sen. Lee and Rep. Cho agreed.", "Kim vs. Xi is a match.",
        "Some leaders, e.g. Xi, came.",        "Some leaders, i.e. Xi and Kim, came.",
        "Kim vs. The World was a film.",       "Some, e.g. The Times, said so.",
        "He wrote “Mr. Kim” on it.",           "It was (Dr. Lee) who came.",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        assert_one(cases[i]);
    /* Only a whole word is an abbreviation: "Xdr." is not "Dr.". */
    assert_split("He met Mr. Kim. Then he left.", "He met Mr. Kim.", "Then he left.", NULL);
    assert_split("It came from Pyŏngyang. The end.", "It came from Pyŏngyang.", "The end.", NULL);
    assert_split("It was Xdr. Kim left.", "It was Xdr.", "Kim left.", NULL);
}

Test(sentence, number_abbreviations)
{
    assert_one("Zhao, China’s No. 3 official, will head it.");
    assert_one("See Fig. 2 and Vol. 4 for data.");
    /* Without a number "No." is just a word. */
    assert_split("He said No. Then he left.", "He said No.", "Then he left.", NULL);
}

Test(sentence, weak_abbreviations)
{
    assert_one("On Sept. 3, 2025 a parade was held.");
    assert_one("In Jan. 2024 the minister came.");
    assert_one("President Ferdinand Marcos Jr. and China spoke.");
    assert_one("He lives on St. Mark Street.");
    assert_one("Apple Inc. Shares rose.");
    assert_one("It arrived in Washington, D.C., on Monday.");
    assert_split("It was Samsung Co. The firm grew.", "It was Samsung Co.", "The firm grew.", NULL);
    assert_split("They sold fruit, grain etc. Then they left.", "They sold fruit, grain etc.", "Then they left.",
                 NULL);
    assert_split("He came in Dec. The talks began.", "He came in Dec.", "The talks began.", NULL);
}

Test(sentence, dotted_acronyms)
{
    assert_one("U.S. President Joe Biden hosted him.");
    assert_one("It met at the U.N. Security Council.");
    assert_one("They blamed the U.S. and its allies.");
    assert_one("The U.S.-led alliances are seen as threats.");
    assert_one("It was the Japan-Philippines-U.S. trilateral.");
    assert_one("The meeting began at 9 a.m. Monday.");
    /* An acronym ends a sentence before a common sentence opener. */
    assert_split("Tensions rose with the U.S. The delegation left.", "Tensions rose with the U.S.",
                 "The delegation left.", NULL);
    assert_split("They met the U.N. It said no.", "They met the U.N.", "It said no.", NULL);
    assert_split("They met the U.S. It’s over.", "They met the U.S.", "It’s over.", NULL);
    assert_one("They met the U.S. Théo Smith there.");
    assert_split("It is tied to the U.S. However, it waits.", "It is tied to the U.S.", "However, it waits.",
                 NULL);
    assert_split("Rising tensions with the U.S.\n\nThe U.S.-led bloc.", "Rising tensions with the U.S.",
                 "The U.S.-led bloc.", NULL);
    /* At the end of the text. */
    assert_one("©2024 Bloomberg L.P.");
    assert_split("It was Bloomberg L.P. It said so.", "It was Bloomberg L.P.", "It said so.", NULL);
}

Test(sentence, initials)
{
    assert_one("J. Smith arrived in Seoul.");
    assert_one("Kim J. Un arrived.");
    assert_one("J. A. Smith arrived.");
    assert_split("He had plan B. The plan failed.", "He had plan B.", "The plan failed.", NULL);
    assert_split("She met J. Smith. He smiled.", "She met J. Smith.", "He smiled.", NULL);
}

Test(sentence, blank_line_always_ends)
{
    assert_split("A headline without a period\n\nThe body starts here.", "A headline without a period",
                 "The body starts here.", NULL);
    assert_split("runs on\n\nin lower case", "runs on", "in lower case", NULL);
    assert_split("First part\n  \t \nsecond part", "First part", "second part", NULL);
    assert_split("First part\r\n\r\nsecond part", "First part", "second part", NULL);
    assert_split("First part\xE2\x80\xA9second part", "First part", "second part", NULL); /* U+2029 */
}

Test(sentence, single_line_break)
{
    /* Headlines and captions on their own line are sentences. */
    assert_split("China–North Korea Ties: Old Allies\nRussian President Putin arrived.",
                 "China–North Korea Ties: Old Allies", "Russian President Putin arrived.", NULL);
    assert_split("Photo Credit: Kremlin.ru\nBy Abhishek Sharma\nOn 4 September he came.",
                 "Photo Credit: Kremlin.ru", "By Abhishek Sharma", "On 4 September he came.", NULL);
    /* A line that runs on: no sentence punctuation, next line in lower case. */
    assert_one("BY LEE YU-JUNG [kim@example.com]\nwith the Korea JoongAng Daily");
    assert_one("a wrapped line that goes\non in lower case.");
    /* Sentence punctuation at the end of the line ends it even then. */
    assert_split("It ended.\nthen more", "It ended.", "then more", NULL);
    /* ... unless it is an abbreviation. */
    assert_one("Talks with the U.S.\nand its allies went on.");
    /* A digit or capital on the next line does not run on. */
    assert_split("Trade in\n2019 grew", "Trade in", "2019 grew", NULL);
    /* CR LF, lone CR and U+2028 are line breaks; \r is not in the span. */
    assert_split("Line one\r\nLine two", "Line one", "Line two", NULL);
    assert_split("Line one\rLine two", "Line one", "Line two", NULL);
    assert_split("Line one\xE2\x80\xA8Line two", "Line one", "Line two", NULL);
    assert_one("line one\r\nline two");
}

Test(sentence, unicode_whitespace_is_trimmed)
{
    const char *s = "\xC2\xA0\xEF\xBB\xBFHello there.\xE2\x80\x83";
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(RelgraphSpan));
    relgraph_sentence_split(s, strlen(s), spans);
    cr_assert_eq(spans->len, 1);
    cr_expect_eq(g_array_index(spans, RelgraphSpan, 0).start, 5);
    cr_expect_eq(g_array_index(spans, RelgraphSpan, 0).end, 17);
    g_array_unref(spans);
    assert_split("One.\xC2\xA0Two.", "One.", "Two.", NULL);
}

Test(sentence, mixed_paragraph)
{
    assert_split("As U.S. President Biden hosts Kishida, Marcos Jr. waits. On April 8, Mr. Lavrov "
                 "went to Washington, D.C. and met Dr. Kim. The U.S. said “fine.”\nThen it ended",
                 "As U.S. President Biden hosts Kishida, Marcos Jr. waits.",
                 "On April 8, Mr. Lavrov went to Washington, D.C. and met Dr. Kim.", "The U.S. said “fine.”",
                 "Then it ended", NULL);
}

/* Every piece of an overlong run is within the limit, the pieces keep every
 * word whole and in order, and nothing is lost. */
static void assert_overlong_pieces(const char *text, gboolean whole_words)
{
    GPtrArray *got = split(text);
    cr_assert_gt(got->len, 1, "an overlong run is cut");
    GString *joined = g_string_new(NULL);
    for (guint i = 0; i < got->len; i++) {
        const char *piece = g_ptr_array_index(got, i);
        cr_expect_leq(strlen(piece), RELGRAPH_SENTENCE_MAX_BYTES, "piece %u is %zu bytes", i, strlen(piece));
        cr_expect(g_utf8_validate(piece, -1, NULL), "piece %u is cut on a character boundary", i);
        if (whole_words)
            cr_expect(g_str_has_suffix(piece, "word"), "piece %u ends with a whole word", i);
        g_string_append(joined, piece);
        if (whole_words && i + 1 < got->len)
            g_string_append_c(joined, ' ');
    }
    cr_expect_str_eq(joined->str, text, "the pieces put together are the text");
    g_string_free(joined, TRUE);
    g_ptr_array_unref(got);
}

Test(sentence, overlong_runs_are_cut_at_whitespace)
{
    GString *text = g_string_new(NULL);
    while (text->len < 3 * RELGRAPH_SENTENCE_MAX_BYTES)
        g_string_append(text, text->len ? " word" : "word");
    assert_overlong_pieces(text->str, TRUE);
    g_string_free(text, TRUE);
}

Test(sentence, one_huge_token_is_cut_on_character_boundaries)
{
    GString *text = g_string_new(NULL);
    while (text->len < 3 * RELGRAPH_SENTENCE_MAX_BYTES)
        g_string_append(text, "\xc3\xa9\xe2\x82\xac"); /* é€: two- and three-byte characters */
    assert_overlong_pieces(text->str, FALSE);
    g_string_free(text, TRUE);
}

/* The text after a dateline, or the whole sentence when it has none. */
static char *after_dateline(const char *text)
{
    RelgraphSpan span = {0, (guint32)strlen(text)};
    return g_strdup(text + relgraph_sentence_dateline_end(text, &span));
}

Test(sentence, datelines_are_left_out)
{
    const char *cases[][2] = {
        {"TOKYO, March 3 (Kyodo) -- Japan's prime minister met the envoy.", "Japan's prime minister met the envoy."},
        {"LONDON (Reuters) - Britain imposed sanctions.", "Britain imposed sanctions."},
        {"HANOI, June 1 (VNA) \xe2\x80\x94 Vietnam hosted the talks.", "Vietnam hosted the talks."},
        /* Brackets that are no dateline stay. */
        {"The ministry (MOFA) said talks went well.", "The ministry (MOFA) said talks went well."},
        {"Tariffs rose (by 10%) -- a surprise.", "Tariffs rose (by 10%) -- a surprise."},
        {"(AP)", "(AP)"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = after_dateline(cases[i][0]);
        cr_expect_str_eq(got, cases[i][1], "%s", cases[i][0]);
        g_free(got);
    }
}
