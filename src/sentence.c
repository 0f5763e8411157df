/* Sentence splitting (see sentence.h).
 *
 * One pass over the bytes. Only '.', '!', '?', '…' and line breaks are
 * looked at closely; everything else is skipped, sixteen bytes at a time
 * where SSE2 allows.
 *
 * Abbreviations come in two strengths:
 *  - strong ones never end a sentence: titles that always precede a name
 *    ("Mr.", "Gen."), "vs.", "e.g.", "i.e.", and "No."/"Vol."/"Fig."
 *    before a number;
 *  - weak ones ("U.S." and other dotted acronyms, single initials, "Jr.",
 *    "Inc.", "St.", months, "etc.") end a sentence only when the next word
 *    is a common sentence opener ("The", "He", "In", "But", ...): "the U.S.
 *    The delegation" splits, "the U.S. Secretary of State" does not.
 */
#include "relgraph/sentence.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Never end a sentence (case-sensitive, without the '.'). */
static const char *const strong_abbrevs[] = {
    "Adm", "Amb", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Gen", "Gov", "Hon", "Lt", "Maj",
    "Messrs", "Mr", "Mrs", "Ms", "Mt", "Pres", "Prof", "Rep", "Reps", "Rev", "Sen", "Sens",
    "Sgt", "Supt", "cf", "vs", "Vs", "approx",
};

/* Never end a sentence when a digit follows ("No. 3", "Fig. 1"). */
static const char *const number_abbrevs[] = {
    "No", "Nos", "no", "Vol", "vol", "Fig", "Figs", "fig", "Art", "Sec", "Ch", "pp", "Op",
};

/* End a sentence only before a sentence opener. */
static const char *const weak_abbrevs[] = {
    "Jr", "Sr", "St", "Inc", "Co", "Corp", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd",
    "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

/* Words that commonly open a sentence; after a weak abbreviation they end
 * the sentence. Case-sensitive: only the capitalised form counts. */
static const char *const openers[] = {
    "A", "According", "After", "Also", "Although", "Among", "An", "And", "As", "At", "Before",
    "Both", "But", "By", "Despite", "During", "Earlier", "Even", "For", "From", "He", "Her",
    "His", "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last", "Later",
    "Meanwhile", "Many", "Most", "Moreover", "Now", "On", "Once", "One", "Our", "She", "Since",
    "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "Thus", "To", "Under", "Unlike", "We", "What", "When", "Where", "While",
    "Who", "Why", "With", "Yet", "You",
};

/* Every word ending in '.' is looked up here: the first byte rules out
 * nearly every entry before any string is compared. */
static gboolean in_list(const char *const *list, gsize n, const char *word, gsize len)
{
    for (gsize i = 0; i < n; i++)
        if (list[i][0] == word[0] && strncmp(list[i], word, len) == 0 && list[i][len] == '\0')
            return TRUE;
    return FALSE;
}

/* Byte length of the whitespace character at text[i], or 0. */
static guint space_len(const char *text, gsize i, gsize len)
{
    guchar b = (guchar)text[i];
    if (b < 0x80)
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f';
    guint n = (guint)g_utf8_skip[b];
    if (i + n > len)
        return 0;
    gunichar cp = g_utf8_get_char(text + i);
    return g_unichar_isspace(cp) || cp == 0xFEFF ? n : 0;
}

/* Offset of the character before text[i] (i > 0). */
static gsize prev_char(const char *text, gsize i)
{
    do
        i--;
    while (i > 0 && ((guchar)text[i] & 0xC0) == 0x80);
    return i;
}

static gboolean is_space_before(const char *text, gsize i, gsize len)
{
    return i > 0 && space_len(text, prev_char(text, i), len) != 0;
}

/* Where to cut a run longer than RELGRAPH_SENTENCE_MAX_BYTES from start:
 * after the last whitespace in its final quarter, else at the character
 * boundary at the limit (one very long token). */
static gsize overlong_cut(const char *text, gsize start, gsize len)
{
    gsize limit = start + RELGRAPH_SENTENCE_MAX_BYTES;
    for (gsize i = limit; i > limit - RELGRAPH_SENTENCE_MAX_BYTES / 4; i = prev_char(text, i))
        if (is_space_before(text, i, len))
            return i;
    while (limit > start && ((guchar)text[limit] & 0xC0) == 0x80)
        limit--;
    return limit;
}

static void emit(const char *text, gsize start, gsize end, gsize len, GArray *sentences)
{
    for (;;) {
        guint n;
        while (start < end && (n = space_len(text, start, len)) != 0)
            start += n;
        gsize stop = end;
        if (stop - start > RELGRAPH_SENTENCE_MAX_BYTES)
            stop = overlong_cut(text, start, len);
        gsize next = stop;
        while (stop > start && is_space_before(text, stop, len))
            stop = prev_char(text, stop);
        if (start >= stop)
            return;
        RelgraphSpan span = {(guint32)start, (guint32)stop};
        g_array_append_val(sentences, span);
        if (next >= end)
            return;
        start = next;
    }
}

/* Length of the sentence-ending character at text[i] ('.', '!', '?', '…'). */
static guint terminal_len(const char *text, gsize i, gsize len)
{
    char c = text[i];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    return i + 3 <= len && memcmp(text + i, "\xE2\x80\xA6", 3) == 0 ? 3 : 0;
}

/* Length of a closing quote or bracket at text[i], or 0. */
static guint closer_len(const char *text, gsize i, gsize len)
{
    char c = text[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
        return 1;
    if (i + 3 <= len && (memcmp(text + i, "\xE2\x80\x9D", 3) == 0 ||  /* ” */
                         memcmp(text + i, "\xE2\x80\x99", 3) == 0 ||  /* ’ */
                         memcmp(text + i, "\xE2\x80\xBA", 3) == 0))   /* › */
        return 3;
    if (i + 2 <= len && memcmp(text + i, "\xC2\xBB", 2) == 0)          /* » */
        return 2;
    return 0;
}

/* Can a sentence start with the character at text[i]? Upper case, digit or
 * opening quote. Not '(' or '[': "... in Pyongyang. [YONHAP]" is one caption. */
static gboolean opens_sentence(const char *text, gsize i, gsize len)
{
    guchar b = (guchar)text[i];
    if (b < 0x80)
        return g_ascii_isupper(b) || g_ascii_isdigit(b) || b == '"' || b == '\'';
    if ((gsize)g_utf8_skip[b] + i > len)
        return FALSE;
    gunichar cp = g_utf8_get_char(text + i);
    return g_unichar_isupper(cp) || g_unichar_istitle(cp) || g_unichar_isdigit(cp) ||
           cp == 0x201C /* “ */ || cp == 0x2018 /* ‘ */ || cp == 0x00AB /* « */ ||
           cp == 0x2039 /* ‹ */ || cp == 0x201E /* „ */;
}

/* Is the word at text[i] a sentence opener (a whole word, not an initial)? */
static gboolean opener_at(const char *text, gsize i, gsize len)
{
    gsize j = i;
    while (j < len && g_ascii_isalpha(text[j]))
        j++;
    if (j == i || (j < len && text[j] == '.'))
        return FALSE;
    /* "It’s" is still "It"; "Théo" is not "Th". */
    if (j < len && (guchar)text[j] >= 0x80 && (gsize)g_utf8_skip[(guchar)text[j]] + j <= len &&
        g_unichar_isalpha(g_utf8_get_char(text + j)))
        return FALSE;
    return in_list(openers, G_N_ELEMENTS(openers), text + i, j - i);
}

typedef enum { ABBREV_NONE, ABBREV_STRONG, ABBREV_NUMBER, ABBREV_WEAK } AbbrevKind;

/* The longest word in strong_abbrevs, number_abbrevs and weak_abbrevs:
 * most words before a '.' are longer, and need no lookup. */
#define LONGEST_ABBREV 6

static void add_abbreviations(GHashTable *table, const char *const *list, gsize n, AbbrevKind kind)
{
    for (gsize i = 0; i < n; i++) {
        g_assert(strlen(list[i]) <= LONGEST_ABBREV);
        if (!g_hash_table_contains(table, list[i])) /* the first list wins */
            g_hash_table_insert(table, (gpointer)list[i], GINT_TO_POINTER(kind));
    }
}

/* Every abbreviation and its kind, built once: every word before a '.' is
 * looked up, and a hash lookup costs less than three list scans. */
static GHashTable *abbreviation_table(void)
{
    static gsize once;
    static GHashTable *table;
    if (g_once_init_enter(&once)) {
        table = g_hash_table_new(g_str_hash, g_str_equal);
        add_abbreviations(table, strong_abbrevs, G_N_ELEMENTS(strong_abbrevs), ABBREV_STRONG);
        add_abbreviations(table, number_abbrevs, G_N_ELEMENTS(number_abbrevs), ABBREV_NUMBER);
        add_abbreviations(table, weak_abbrevs, G_N_ELEMENTS(weak_abbrevs), ABBREV_WEAK);
        g_once_init_leave(&once, 1);
    }
    return table;
}

/* Classifies a word of letters and dots that starts with a letter. */
static AbbrevKind abbreviation_kind(const char *w, gsize n)
{
    if (memchr(w, '.', n)) {
        /* Dotted: each part must be a single letter ("U.S", "e.g"). */
        for (gsize k = 0; k < n; k++)
            if ((k % 2 == 0) != (w[k] != '.'))
                return ABBREV_NONE;
        if ((n == 3) && (g_ascii_strncasecmp(w, "e.g", 3) == 0 || g_ascii_strncasecmp(w, "i.e", 3) == 0))
            return ABBREV_STRONG;
        return ABBREV_WEAK;
    }
    if (n == 1)
        return ABBREV_WEAK; /* an initial: "J. Smith" */
    if (n > LONGEST_ABBREV)
        return ABBREV_NONE;
    char key[LONGEST_ABBREV + 1];
    memcpy(key, w, n);
    key[n] = '\0';
    return (AbbrevKind)GPOINTER_TO_INT(g_hash_table_lookup(abbreviation_table(), key));
}

/* Classifies the word that ends with the '.' at text[dot]. */
static AbbrevKind abbreviation_before(const char *text, gsize dot)
{
    gsize s = dot;
    while (s > 0 && (g_ascii_isalpha(text[s - 1]) || text[s - 1] == '.'))
        s--;
    gsize word = s;
    while (word < dot && text[word] == '.')
        word++;
    if (word == dot)
        return ABBREV_NONE;
    AbbrevKind kind = abbreviation_kind(text + word, dot - word);
    /* A word glued to a digit or a non-ASCII letter ("Pyŏngyang.") is not
     * an abbreviation; one after an opening quote ("“Mr.") still is. The
     * costlier test comes last: most words are no abbreviation anyway. */
    if (kind != ABBREV_NONE && s > 0 && g_unichar_isalnum(g_utf8_get_char(text + prev_char(text, s))))
        return ABBREV_NONE;
    return kind;
}

/* Does a '.' at text[dot], followed by whitespace and text[next], end a
 * sentence given the word before it? */
static gboolean period_ends(const char *text, gsize dot, gsize next, gsize len)
{
    switch (abbreviation_before(text, dot)) {
    case ABBREV_STRONG:
        return FALSE;
    case ABBREV_NUMBER:
        return !g_ascii_isdigit(text[next]);
    case ABBREV_WEAK:
        return opener_at(text, next, len);
    case ABBREV_NONE:
        break;
    }
    return TRUE;
}

/* If a sentence ends at the terminal run starting at text[i], returns the
 * offset just past its closing quotes/brackets; else 0. *resume is where
 * scanning continues. */
static gsize sentence_end_at(const char *text, gsize i, gsize len, gsize *resume)
{
    gsize j = i;
    guint n, run = 0;
    while (j < len && (n = terminal_len(text, j, len)) != 0) {
        j += n;
        run++;
    }
    while (j < len && (n = closer_len(text, j, len)) != 0)
        j += n;
    *resume = j;
    if (j == len)
        return j;
    gsize k = j;
    while (k < len && (n = space_len(text, k, len)) != 0)
        k += n;
    if (k == j)
        return 0;      /* "25.According", "3.7", "Kremlin.ru" */
    if (k == len)
        return j;
    if (!opens_sentence(text, k, len))
        return 0;
    if (run == 1 && text[i] == '.' && !period_ends(text, i, k, len))
        return 0;
    return j;
}

/* Length of the line break at text[i] (\n, \r\n, lone \r, U+2028, U+2029),
 * or 0. *paragraph is set for U+2029. */
static guint line_break_len(const char *text, gsize i, gsize len, gboolean *paragraph)
{
    *paragraph = FALSE;
    char c = text[i];
    if (c == '\n')
        return 1;
    if (c == '\r')
        return i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
    if (c == '\xE2' && i + 3 <= len && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
        *paragraph = text[i + 2] == '\xA9';
        return 3;
    }
    return 0;
}

/* Does the line that ends before text[i] end with sentence punctuation
 * that is not an abbreviation ("U.S.", "Mr.")? Looks back no further
 * than from. */
static gboolean line_ends_sentence(const char *text, gsize from, gsize i, gsize len)
{
    gsize p = i;
    while (p > from && is_space_before(text, p, len))
        p = prev_char(text, p);
    while (p > from && closer_len(text, prev_char(text, p), len))
        p = prev_char(text, p);
    if (p == from)
        return FALSE;
    gsize last = prev_char(text, p);
    if (!terminal_len(text, last, len))
        return FALSE;
    if (text[last] == '.' && (last == from || text[last - 1] != '.') &&
        abbreviation_before(text, last) != ABBREV_NONE)
        return FALSE;
    return TRUE;
}

static gboolean starts_lower(const char *text, gsize i, gsize len)
{
    guchar b = (guchar)text[i];
    if (b < 0x80)
        return g_ascii_islower(b);
    if ((gsize)g_utf8_skip[b] + i > len)
        return FALSE;
    return g_unichar_islower(g_utf8_get_char(text + i));
}

/* Bytes where a sentence may end: terminal punctuation, line breaks, and
 * the lead byte of "…", U+2028 and U+2029. Everything else is skipped. */
static const guint8 boundary_byte[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, ['\r'] = 1, [0xE2] = 1,
};

/* Offset of the first boundary byte in text[i, len), or len. Nearly every
 * byte of a document is skipped here, so where SSE2 is available (every
 * x86-64) sixteen bytes are compared with the six boundary bytes at once;
 * the rest goes a byte at a time through boundary_byte. */
static gsize next_boundary(const char *text, gsize i, gsize len)
{
#ifdef __SSE2__
    const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
    const __m128i newline = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), e2 = _mm_set1_epi8((char)0xE2);
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                   _mm_cmpeq_epi8(v, question));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, cr)),
                                             _mm_cmpeq_epi8(v, e2)));
        int mask = _mm_movemask_epi8(hit);
        if (mask)
            return i + (gsize)__builtin_ctz((unsigned)mask); /* the first hit */
    }
#endif
    while (i < len && !boundary_byte[(guchar)text[i]])
        i++;
    return i;
}

void relgraph_sentence_split(const char *text, gsize len, GArray *sentences)
{
    gsize start = 0, i = 0;
    while (i < len) {
        i = next_boundary(text, i, len);
        if (i == len)
            break;
        char c = text[i];
        if (c == '.' || c == '!' || c == '?' || c == '\xE2') {
            if (terminal_len(text, i, len)) {
                gsize resume, end = sentence_end_at(text, i, len, &resume);
                if (end) {
                    emit(text, start, end, len, sentences);
                    start = end;
                }
                i = resume;
                continue;
            }
        }
        if (c == '\n' || c == '\r' || c == '\xE2') {
            gboolean paragraph;
            guint n = line_break_len(text, i, len, &paragraph);
            if (n) {
                /* Look past spaces for a second break (a blank line) or the
                 * first character of the next line. */
                gsize k = i + n;
                guint sp;
                gboolean blank = paragraph, dummy;
                while (k < len && (sp = space_len(text, k, len)) != 0) {
                    if (line_break_len(text, k, len, &dummy)) {
                        blank = TRUE;
                        break;
                    }
                    k += sp;
                }
                gboolean runs_on = !blank && k < len && starts_lower(text, k, len) &&
                                   !line_ends_sentence(text, start, i, len);
                if (!runs_on) {
                    emit(text, start, i, len, sentences);
                    start = i + n;
                }
                i += n;
                continue;
            }
        }
        i++;
    }
    emit(text, start, len, len, sentences);
}

guint32 relgraph_sentence_dateline_end(const char *text, const RelgraphSpan *span)
{
    guint32 limit = MIN(span->end, span->start + RELGRAPH_DATELINE_MAX_BYTES);
    const char *bracket = memchr(text + span->start, ')', limit - span->start);
    if (!bracket)
        return span->start;
    /* The source in brackets is a name: "(Yonhap)", "(AP)", not "(by 10%)". */
    const char *open = bracket;
    while (open > text + span->start && open[-1] != '(')
        open--;
    if (open == text + span->start || !g_ascii_isupper(*open))
        return span->start;
    guint32 i = (guint32)(bracket - text) + 1;
    while (i < span->end && text[i] == ' ')
        i++;
    guint32 dash = i;
    if (i + 1 < span->end && text[i] == '-' && text[i + 1] == '-')
        i += 2;
    else if (i < span->end && text[i] == '-')
        i += 1;
    else if (i + 2 < span->end && (guchar)text[i] == 0xE2 && (guchar)text[i + 1] == 0x80 &&
             ((guchar)text[i + 2] == 0x93 || (guchar)text[i + 2] == 0x94))
        i += 3; /* U+2013, U+2014 */
    if (i == dash || i >= span->end || text[i] != ' ')
        return span->start;
    while (i < span->end && text[i] == ' ')
        i++;
    return i;
}
