/* Tests for text normalisation and tokenisation (text.h). */
#include <criterion/criterion.h>
#include <string.h>

#include "relgraph/text.h"

typedef struct {
    GStringChunk *chunk;
    GArray *tokens;
} Toks;

static Toks tokenize(const char *text)
{
    Toks t = {g_string_chunk_new(256), g_array_new(FALSE, FALSE, sizeof(RelgraphToken))};
    relgraph_text_tokenize(text, 0, strlen(text), t.chunk, t.tokens);
    return t;
}

static void toks_free(Toks *t)
{
    g_array_unref(t->tokens);
    g_string_chunk_free(t->chunk);
}

static const RelgraphToken *tok(const Toks *t, guint i)
{
    cr_assert_lt(i, t->tokens->len, "token %u of %u", i, t->tokens->len);
    return &g_array_index(t->tokens, RelgraphToken, i);
}

/* The normalised form of a phrase, checked against the tokeniser. */
static void assert_norm(const char *text, const char *expected)
{
    char *got = relgraph_text_normalize(text, -1);
    cr_expect_str_eq(got, expected, "normalize(\"%s\")", text);
    Toks t = tokenize(text);
    GString *joined = g_string_new(NULL);
    for (guint i = 0; i < t.tokens->len; i++)
        g_string_append_printf(joined, "%s%s", i ? " " : "", tok(&t, i)->norm);
    cr_expect_str_eq(joined->str, got, "tokenize and normalize agree on \"%s\"", text);
    g_string_free(joined, TRUE);
    toks_free(&t);
    g_free(got);
}

/* Token i covers exactly `source` in text and normalises to norm. */
static void assert_tok(const Toks *t, const char *text, guint i, const char *source, const char *norm)
{
    const RelgraphToken *k = tok(t, i);
    cr_expect_str_eq(k->norm, norm, "token %u norm", i);
    cr_expect_eq(k->end - k->start, strlen(source), "token %u length", i);
    cr_expect(strncmp(text + k->start, source, strlen(source)) == 0, "token %u covers \"%s\", not \"%.*s\"",
              i, source, (int)(k->end - k->start), text + k->start);
    cr_expect_eq(k->word, 0);
    cr_expect_eq(k->hash, relgraph_text_hash(k->norm, strlen(k->norm)), "token %u hash", i);
}

Test(text, ascii_words_offsets_and_case)
{
    const char *s = "Zhao Leji arrived in Pyongyang.";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 5);
    assert_tok(&t, s, 0, "Zhao", "zhao");
    assert_tok(&t, s, 1, "Leji", "leji");
    assert_tok(&t, s, 2, "arrived", "arrived");
    assert_tok(&t, s, 3, "in", "in");
    assert_tok(&t, s, 4, "Pyongyang", "pyongyang");
    cr_expect_eq(tok(&t, 0)->start, 0);
    cr_expect_eq(tok(&t, 4)->start, 21);
    cr_expect_eq(tok(&t, 4)->end, 30, "the final '.' is not part of the word");
    toks_free(&t);
}

Test(text, flags)
{
    const char *s = "DPRK Kim met officials, McDonald 3.7 U.S. x";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 9);
    cr_expect_eq(tok(&t, 0)->flags, RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_UPPER);
    cr_expect_eq(tok(&t, 1)->flags, RELGRAPH_TOKEN_CAPITALIZED);
    cr_expect_eq(tok(&t, 2)->flags, 0);
    cr_expect_eq(tok(&t, 3)->flags, 0);
    cr_expect_eq(tok(&t, 4)->flags, RELGRAPH_TOKEN_PUNCT);
    cr_expect_eq(tok(&t, 5)->flags, RELGRAPH_TOKEN_CAPITALIZED, "mixed case is not UPPER");
    cr_expect_eq(tok(&t, 6)->flags, 0, "a number has no letters, so it is not UPPER");
    cr_expect_eq(tok(&t, 7)->flags, RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_UPPER);
    cr_expect_eq(tok(&t, 8)->flags, 0);
    toks_free(&t);
}

Test(text, flags_of_words_with_digits)
{
    /* Digits are neither case: "G20" is all capitals, "3m" is not, "1999" has no letters. */
    const char *s = "G20 3M 3m 1999 b52 F-16";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 7);
    cr_expect_eq(tok(&t, 0)->flags, RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_UPPER);
    cr_expect_eq(tok(&t, 1)->flags, RELGRAPH_TOKEN_UPPER, "a digit first is not a capital");
    cr_expect_eq(tok(&t, 2)->flags, 0);
    cr_expect_eq(tok(&t, 3)->flags, 0);
    cr_expect_eq(tok(&t, 4)->flags, 0);
    cr_expect_eq(tok(&t, 5)->flags, RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_UPPER);
    cr_expect_eq(tok(&t, 6)->flags, RELGRAPH_TOKEN_JOINED, "\"16\" is written against \"F-\"");
    toks_free(&t);
}

Test(text, joined_marks_words_written_against_the_one_before)
{
    /* Hyphens, dashes and slashes join; a space, even around a dash, does not. */
    const char *s = "China-Russia Kim\xe2\x80\x93Putin US/EU Xinhua -- Chinese the 's";
    Toks t = tokenize(s);
    guint32 want[] = {0, RELGRAPH_TOKEN_JOINED, 0, RELGRAPH_TOKEN_JOINED, 0, RELGRAPH_TOKEN_JOINED, 0, 0, 0};
    cr_assert_eq(t.tokens->len, G_N_ELEMENTS(want) + 1);
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        cr_expect_eq(tok(&t, i)->flags & RELGRAPH_TOKEN_JOINED, want[i], "token %u", i);
    toks_free(&t);
}

Test(text, flags_non_ascii)
{
    const char *s = "ÉLYSÉE Élysée élysée";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 3);
    cr_expect_eq(tok(&t, 0)->flags, RELGRAPH_TOKEN_CAPITALIZED | RELGRAPH_TOKEN_UPPER);
    cr_expect_eq(tok(&t, 1)->flags, RELGRAPH_TOKEN_CAPITALIZED);
    cr_expect_eq(tok(&t, 2)->flags, 0);
    for (guint i = 0; i < 3; i++)
        cr_expect_str_eq(tok(&t, i)->norm, "elysee");
    toks_free(&t);
}

Test(text, clause_punctuation_is_tokens)
{
    const char *s = "Seoul, Tokyo; Beijing: talks";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 7);
    assert_tok(&t, s, 1, ",", ",");
    assert_tok(&t, s, 3, ";", ";");
    assert_tok(&t, s, 5, ":", ":");
    cr_expect_eq(tok(&t, 1)->start, 5);
    toks_free(&t);
    assert_norm("a，b", "a , b"); /* full-width comma */
    assert_norm("Seoul;Tokyo:Beijing", "seoul ; tokyo : beijing");
}

Test(text, other_punctuation_is_dropped)
{
    assert_norm("\"Hello\" (world) [x] {y} ! ? . / * # & @ $ % + = < > | ~ ^ _ \\", "hello world x y");
    assert_norm("“new chapter”", "new chapter");
    assert_norm("«Friendship» …", "friendship");
    assert_norm("end.", "end");
    assert_norm("", "");
    assert_norm("  ... !!! ", "");
}

Test(text, dotted_abbreviations)
{
    const char *s = "the U.S. and D.C. and e.g. this";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 7);
    assert_tok(&t, s, 1, "U.S.", "u.s.");
    assert_tok(&t, s, 3, "D.C.", "d.c.");
    assert_tok(&t, s, 5, "e.g.", "e.g.");
    toks_free(&t);
    assert_norm("U.N. Security Council", "u.n. security council");
    assert_norm("U.S.A.", "u.s.a.");
    assert_norm("Bloomberg L.P.", "bloomberg l.p.");
}

Test(text, abbreviation_before_hyphen_and_in_lists)
{
    const char *s = "U.S.-led";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 2);
    assert_tok(&t, s, 0, "U.S.", "u.s.");
    assert_tok(&t, s, 1, "led", "led");
    toks_free(&t);
    assert_norm("Japan-Philippines-U.S. trilateral", "japan philippines u.s. trilateral");
    assert_norm("Japan-South Korea-U.S.", "japan south korea u.s.");
    assert_norm("anti-U.S. protests", "anti u.s. protests");
}

Test(text, single_initials_and_words_with_dots_are_not_abbreviations)
{
    assert_norm("J. Smith", "j smith");
    assert_norm("N. Korea", "n korea");
    assert_norm("No. 3 official", "no 3 official");
    assert_norm("Sept. 3", "sept 3");
    assert_norm("Kremlin.ru", "kremlin ru");
    assert_norm("U.Sa. x", "u sa x");
    assert_norm("Ph.D.", "ph d");
}

Test(text, possessive_s)
{
    const char *s = "China's envoy";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 3);
    assert_tok(&t, s, 0, "China", "china");
    assert_tok(&t, s, 1, "'s", "'s");
    cr_expect_eq(tok(&t, 1)->flags, 0);
    toks_free(&t);

    const char *curly = "China\xE2\x80\x99s envoy"; /* ’ */
    t = tokenize(curly);
    cr_assert_eq(t.tokens->len, 3);
    assert_tok(&t, curly, 0, "China", "china");
    assert_tok(&t, curly, 1, "\xE2\x80\x99s", "'s");
    cr_expect_eq(tok(&t, 1)->start, 5);
    cr_expect_eq(tok(&t, 1)->end, 9);
    toks_free(&t);

    assert_norm("DPRK’s", "dprk 's");
    assert_norm("Xi‘s", "xi 's");
    assert_norm("Xiʼs", "xi 's");
    assert_norm("Xi′s", "xi 's");
    assert_norm("Xi＇s", "xi 's");
    assert_norm("U.S.'s role", "u.s. 's role");
    assert_norm("Zhao’s visit.", "zhao 's visit");
    assert_norm("CHINA'S", "china 's");
    assert_norm("'s", "'s");
    assert_norm("’s", "'s");
}

Test(text, other_apostrophes)
{
    assert_norm("allies' security", "allies security");
    assert_norm("the US’s allies’ security", "the us 's allies security");
    assert_norm("Workers’ Party", "workers party");
    assert_norm("O'Brien", "o'brien");
    assert_norm("O’Brien", "o'brien");
    assert_norm("hasn’t", "hasn't");
    assert_norm("O'Sullivan", "o'sullivan");
    assert_norm("‘Global South,’", "global south ,");
    assert_norm("’think tank’", "think tank");
    assert_norm("'quoted'", "quoted");
    assert_norm("Chinas'", "chinas");
    /* "'s" only splits when the s ends the word. */
    assert_norm("it'sy", "it'sy");
}

Test(text, hyphens_and_dashes_separate)
{
    const char *dashes[] = {"-", "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93",
                            "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x88\x92", "\xEF\xB9\xA3", "\xEF\xBC\x8D"};
    for (gsize i = 0; i < G_N_ELEMENTS(dashes); i++) {
        char *s = g_strdup_printf("Kim Jong%sun", dashes[i]);
        assert_norm(s, "kim jong un");
        g_free(s);
    }
    char *a = relgraph_text_normalize("Kim Jong-un", -1);
    char *b = relgraph_text_normalize("Kim Jong Un", -1);
    cr_expect_str_eq(a, b);
    g_free(a);
    g_free(b);

    const char *s = "China–North Korea";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 3);
    assert_tok(&t, s, 0, "China", "china");
    assert_tok(&t, s, 1, "North", "north");
    cr_expect_eq(tok(&t, 1)->start, 8, "after the 3-byte en dash");
    toks_free(&t);
    assert_norm("people-to-people", "people to people");
    assert_norm("1950-53", "1950 53");
    assert_norm("--With", "with");
}

Test(text, numbers)
{
    const char *s = "3.7 percent of 1,000 troops";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 5);
    assert_tok(&t, s, 0, "3.7", "3.7");
    assert_tok(&t, s, 3, "1,000", "1,000");
    toks_free(&t);
    assert_norm("1,000,000.5", "1,000,000.5");
    assert_norm("US$1.47 billion", "us$ 1.47 billion"); /* never the "US" alias */
    assert_norm("HK$ 5", "hk$ 5");
    assert_norm("$5", "5");
    assert_norm("20*10", "20 10");
    assert_norm("25.According", "25 according");
    assert_norm("in 2019, 14 staff", "in 2019 , 14 staff");
    assert_norm("3.8.", "3.8");
    assert_norm("80th", "80th");
    assert_norm("x1.5", "x1 5");
    Toks t2 = tokenize("(0/250자)");
    cr_assert_eq(t2.tokens->len, 2, "a Hangul letter continues the number's word");
    cr_expect(g_str_has_prefix(tok(&t2, 1)->norm, "250"));
    toks_free(&t2);
}

Test(text, brackets)
{
    const char *s = "[North Korea]";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 2);
    assert_tok(&t, s, 0, "North", "north");
    assert_tok(&t, s, 1, "Korea", "korea");
    cr_expect_eq(tok(&t, 0)->start, 1);
    cr_expect_eq(tok(&t, 1)->end, 12);
    toks_free(&t);
    assert_norm("[[email protected]]", "email protected");
}

Test(text, nfkd_accents_and_case_folding)
{
    assert_norm("Pyŏngyang", "pyongyang");
    assert_norm("Pyo\xCC\x86ngyang", "pyongyang"); /* o + combining breve */
    assert_norm("PYONGYANG", "pyongyang");
    assert_norm("Straße STRASSE", "strasse strasse");
    assert_norm("İstanbul", "istanbul");
    assert_norm("Ｋｏｒｅａ", "korea");           /* full-width */
    assert_norm("ﬁnance", "finance");              /* ligature */
    assert_norm("Ｕ．Ｓ．", "u s");                 /* full-width stops are not '.' */
    assert_norm("São Tomé", "sao tome");
    assert_norm("Ŧ", "ŧ");                          /* no decomposition: only folded */

    const char *s = "in Pyŏngyang now";
    Toks t = tokenize(s);
    cr_assert_eq(t.tokens->len, 3);
    assert_tok(&t, s, 1, "Pyŏngyang", "pyongyang");
    cr_expect_eq(tok(&t, 1)->end - tok(&t, 1)->start, 10, "offsets count bytes of the original");
    cr_expect_eq(tok(&t, 2)->start, 14);
    toks_free(&t);
}

Test(text, unicode_spaces_separate)
{
    assert_norm("North\xC2\xA0Korea", "north korea");       /* no-break space */
    assert_norm("North\xE2\x80\x89Korea", "north korea");   /* thin space */
    assert_norm("North\xE2\x80\xAFKorea", "north korea");   /* narrow no-break space */
    assert_norm("North\xE3\x80\x80Korea", "north korea");   /* ideographic space */
    assert_norm("North\tKorea\n", "north korea");
}

Test(text, invisible_characters_inside_words)
{
    assert_norm("Pyong\xC2\xADyang", "pyongyang");     /* soft hyphen */
    assert_norm("Pyong\xE2\x80\x8Dyang", "pyongyang"); /* zero-width joiner */
    assert_norm("\xEF\xBB\xBFKorea", "korea");          /* BOM before a word */
    assert_norm("a \xCC\x86 b", "a b");                /* a lone combining mark is no token */
}

Test(text, non_latin_scripts)
{
    /* NFKD splits Hangul syllables into jamo; precomposed and decomposed
     * input give the same norm. */
    char *pre = relgraph_text_normalize("김정은 위원장", -1);
    char *nfkd = g_utf8_normalize("김정은 위원장", -1, G_NORMALIZE_NFKD);
    cr_expect_str_eq(pre, nfkd);
    char *again = relgraph_text_normalize(nfkd, -1);
    cr_expect_str_eq(again, pre);
    g_free(pre);
    g_free(nfkd);
    g_free(again);
    assert_norm("Пхеньян", "пхеньян");
    assert_norm("平壤，北京", "平壤 , 北京");
}

Test(text, subrange_offsets_are_absolute)
{
    const char *s = "Beijing and Moscow agree";
    Toks t = {g_string_chunk_new(64), g_array_new(FALSE, FALSE, sizeof(RelgraphToken))};
    relgraph_text_tokenize(s, 12, 18, t.chunk, t.tokens);
    cr_assert_eq(t.tokens->len, 1);
    assert_tok(&t, s, 0, "Moscow", "moscow");
    cr_expect_eq(tok(&t, 0)->start, 12);
    /* A span that cuts a word ends the word at the span. */
    relgraph_text_tokenize(s, 0, 4, t.chunk, t.tokens);
    cr_assert_eq(t.tokens->len, 2, "tokens are appended");
    cr_expect_str_eq(tok(&t, 1)->norm, "beij");
    toks_free(&t);

    /* A span that cuts a multi-byte character does not read past it. */
    const char *u = "Pyŏngyang";
    Toks v = {g_string_chunk_new(64), g_array_new(FALSE, FALSE, sizeof(RelgraphToken))};
    relgraph_text_tokenize(u, 0, 3, v.chunk, v.tokens); /* cuts ŏ in half */
    cr_assert_eq(v.tokens->len, 1);
    cr_expect_str_eq(tok(&v, 0)->norm, "py");
    toks_free(&v);
}

Test(text, norms_live_in_the_chunk)
{
    /* Norms are copies in the caller's chunk: they outlive the text. */
    char *text = g_strdup("China met China and CHINA");
    Toks t = {g_string_chunk_new(64), g_array_new(FALSE, FALSE, sizeof(RelgraphToken))};
    relgraph_text_tokenize(text, 0, strlen(text), t.chunk, t.tokens);
    memset(text, 'x', strlen(text));
    g_free(text);
    cr_assert_eq(t.tokens->len, 5);
    cr_expect_str_eq(tok(&t, 0)->norm, "china");
    cr_expect_str_eq(tok(&t, 4)->norm, "china");
    toks_free(&t);
}

Test(text, long_words)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 1000; i++)
        g_string_append_c(s, 'A');
    g_string_append(s, " é");
    for (int i = 0; i < 300; i++)
        g_string_append(s, "é");
    Toks t = tokenize(s->str);
    cr_assert_eq(t.tokens->len, 2);
    cr_expect_eq(strlen(tok(&t, 0)->norm), 1000);
    cr_expect_eq(tok(&t, 0)->norm[999], 'a');
    cr_expect_eq(strlen(tok(&t, 1)->norm), 301);
    cr_expect_eq(tok(&t, 1)->end - tok(&t, 1)->start, 602);
    toks_free(&t);
    g_string_free(s, TRUE);
}

Test(text, normalize_with_length)
{
    char *n = relgraph_text_normalize("North Korea and China", 11);
    cr_expect_str_eq(n, "north korea");
    g_free(n);
    n = relgraph_text_normalize("  Kim   Jong-un’s  ", -1);
    cr_expect_str_eq(n, "kim jong un 's");
    g_free(n);
}

Test(text, every_token_carries_the_hash_of_its_norm)
{
    /* Plain words (hashed while scanned) and every other kind of token. */
    const char *text = "The U.S. envoy, O'Brien, met China's FM in Pyŏngyang; "
                       "US$1,000 and 3.7 percent: Kim Jong-un’s e.g. A. Smith allies' word";
    Toks t = tokenize(text);
    cr_assert_gt(t.tokens->len, 20);
    for (guint i = 0; i < t.tokens->len; i++) {
        const RelgraphToken *k = tok(&t, i);
        cr_expect_eq(k->hash, relgraph_text_hash(k->norm, strlen(k->norm)), "hash of \"%s\"", k->norm);
    }
    toks_free(&t);
    cr_expect_neq(relgraph_text_hash("china", 5), relgraph_text_hash("chinA", 5));
    cr_expect_eq(relgraph_text_hash("china's", 5), relgraph_text_hash("china", 5));
}
