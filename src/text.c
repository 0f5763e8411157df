/* Text normalisation and tokenisation for matching (see text.h).
 *
 * The tokeniser is one left-to-right pass over bytes. ASCII is classified by
 * a table and lower-cased into a buffer of the run's norms; only a token
 * that contains non-ASCII bytes goes through g_utf8_normalize and
 * g_utf8_casefold. The norms are copied into the caller's chunk in one
 * piece; they are not deduplicated: the lexicon gives words their identity,
 * and a hash lookup per token would cost more than the copy. Each token
 * carries the lexicon's hash of its norm: a plain word (one ASCII run that
 * nothing continues, most of them) is hashed while it is written. */
#include "relgraph/text.h"

#include <string.h>

typedef enum {
    CLASS_SEP,        /* separates words, dropped */
    CLASS_WORD,       /* letter, digit or mark */
    CLASS_APOS,       /* any apostrophe variant */
    CLASS_PUNCT,      /* , ; : (and their full-width forms) */
    CLASS_IGNORABLE,  /* invisible inside a word: soft hyphen, joiners */
} CharClass;

typedef struct {
    CharClass cls;
    gunichar cp;
    guint len;        /* bytes of the character */
} Char;

/* ASCII classes. '\'' and '`' are apostrophes; ',' ';' ':' are tokens.
 * Bytes from 0x80 read CLASS_SEP, so that the word scan can index the table
 * with any byte; the other callers look at ASCII only. */
static const guint8 ascii_class[256] = {
    ['0'] = CLASS_WORD, ['1'] = CLASS_WORD, ['2'] = CLASS_WORD, ['3'] = CLASS_WORD,
    ['4'] = CLASS_WORD, ['5'] = CLASS_WORD, ['6'] = CLASS_WORD, ['7'] = CLASS_WORD,
    ['8'] = CLASS_WORD, ['9'] = CLASS_WORD,
    ['A'] = CLASS_WORD, ['B'] = CLASS_WORD, ['C'] = CLASS_WORD, ['D'] = CLASS_WORD,
    ['E'] = CLASS_WORD, ['F'] = CLASS_WORD, ['G'] = CLASS_WORD, ['H'] = CLASS_WORD,
    ['I'] = CLASS_WORD, ['J'] = CLASS_WORD, ['K'] = CLASS_WORD, ['L'] = CLASS_WORD,
    ['M'] = CLASS_WORD, ['N'] = CLASS_WORD, ['O'] = CLASS_WORD, ['P'] = CLASS_WORD,
    ['Q'] = CLASS_WORD, ['R'] = CLASS_WORD, ['S'] = CLASS_WORD, ['T'] = CLASS_WORD,
    ['U'] = CLASS_WORD, ['V'] = CLASS_WORD, ['W'] = CLASS_WORD, ['X'] = CLASS_WORD,
    ['Y'] = CLASS_WORD, ['Z'] = CLASS_WORD,
    ['a'] = CLASS_WORD, ['b'] = CLASS_WORD, ['c'] = CLASS_WORD, ['d'] = CLASS_WORD,
    ['e'] = CLASS_WORD, ['f'] = CLASS_WORD, ['g'] = CLASS_WORD, ['h'] = CLASS_WORD,
    ['i'] = CLASS_WORD, ['j'] = CLASS_WORD, ['k'] = CLASS_WORD, ['l'] = CLASS_WORD,
    ['m'] = CLASS_WORD, ['n'] = CLASS_WORD, ['o'] = CLASS_WORD, ['p'] = CLASS_WORD,
    ['q'] = CLASS_WORD, ['r'] = CLASS_WORD, ['s'] = CLASS_WORD, ['t'] = CLASS_WORD,
    ['u'] = CLASS_WORD, ['v'] = CLASS_WORD, ['w'] = CLASS_WORD, ['x'] = CLASS_WORD,
    ['y'] = CLASS_WORD, ['z'] = CLASS_WORD,
    ['\''] = CLASS_APOS, ['`'] = CLASS_APOS,
    [','] = CLASS_PUNCT, [';'] = CLASS_PUNCT, [':'] = CLASS_PUNCT,
};

static gboolean is_apostrophe(gunichar cp)
{
    switch (cp) {
    case '\'': case '`':
    case 0x00B4: /* ´ acute accent, used as an apostrophe */
    case 0x02B9: /* ʹ modifier prime */
    case 0x02BB: /* ʻ turned comma */
    case 0x02BC: /* ʼ modifier apostrophe */
    case 0x02BD: /* ʽ reversed comma */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201B: /* ‛ */
    case 0x2032: /* ′ prime */
    case 0xFF07: /* ＇ full-width apostrophe */
        return TRUE;
    default:
        return FALSE;
    }
}

/* The ASCII punctuation token a character stands for, or 0. */
static char punct_of(gunichar cp)
{
    switch (cp) {
    case ',': case 0xFF0C: case 0xFE50: case 0x3001: return ',';
    case ';': case 0xFF1B: case 0xFE54: return ';';
    case ':': case 0xFF1A: case 0xFE55: return ':';
    default: return 0;
    }
}

static gboolean is_word_type(GUnicodeType type)
{
    switch (type) {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
        return TRUE;
    default:
        return FALSE;
    }
}

static gboolean is_mark_type(GUnicodeType type)
{
    return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
           type == G_UNICODE_ENCLOSING_MARK;
}

/* Reads the character at text[pos] (pos < end). A sequence cut by end is
 * treated as one separator byte so that a bad span never overreads. */
static Char char_at(const char *text, gsize pos, gsize end)
{
    Char c;
    guchar b = (guchar)text[pos];
    if (b < 0x80) {
        c.cls = (CharClass)ascii_class[b];
        c.cp = b;
        c.len = 1;
        return c;
    }
    c.len = (guint)g_utf8_skip[b];
    if (pos + c.len > end) {
        c.cls = CLASS_SEP;
        c.cp = 0xFFFD;
        c.len = 1;
        return c;
    }
    c.cp = g_utf8_get_char(text + pos);
    if (is_apostrophe(c.cp))
        c.cls = CLASS_APOS;
    else if (punct_of(c.cp))
        c.cls = CLASS_PUNCT;
    else if (c.cp == 0x00AD || c.cp == 0x200C || c.cp == 0x200D || c.cp == 0x2060 || c.cp == 0xFEFF)
        c.cls = CLASS_IGNORABLE;
    else if (is_word_type(g_unichar_type(c.cp)))
        c.cls = CLASS_WORD;
    else
        c.cls = CLASS_SEP;
    return c;
}

/* 32-bit FNV-1a (relgraph_text_hash): short words, no setup cost, and a
 * byte at a time, so that a word is hashed while it is written. */
static const guint32 hash_seed = 2166136261u;

static inline guint32 hash_byte(guint32 hash, guchar byte)
{
    return (hash ^ byte) * 16777619u;
}

guint32 relgraph_text_hash(const char *norm, gsize len)
{
    guint32 hash = hash_seed;
    for (gsize i = 0; i < len; i++)
        hash = hash_byte(hash, (guchar)norm[i]);
    return hash;
}

static gboolean is_s(const Char *c)
{
    return c->cp == 's' || c->cp == 'S';
}

/* The norms of the tokens made so far, each NUL-terminated, then the
 * token under construction (pre-normalised bytes from data + token on)
 * and its flags. All norms go to the caller's chunk in one piece at the end:
 * a chunk insert per token cost as much as the rest of emitting it. */
typedef struct {
    char inline_buf[4096];
    char *data;
    gsize len, cap;
    gsize token;      /* where the token under construction starts */
    gboolean non_ascii;
    gboolean first_upper;
    guint letters, upper;
} Buf;

static void buf_init(Buf *b)
{
    b->data = b->inline_buf;
    b->cap = sizeof b->inline_buf;
    b->len = 0;
}

/* Starts a new token after the norms made so far. */
static void buf_reset(Buf *b)
{
    b->token = b->len;
    b->non_ascii = FALSE;
    b->first_upper = FALSE;
    b->letters = b->upper = 0;
}

static void buf_clear(Buf *b)
{
    if (b->data != b->inline_buf)
        g_free(b->data);
}

/* Makes room for n more bytes and a NUL. */
static void buf_reserve(Buf *b, gsize n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    gsize cap = MAX(b->cap * 2, b->len + n + 1);
    if (b->data == b->inline_buf) {
        b->data = g_malloc(cap);
        memcpy(b->data, b->inline_buf, b->len);
    } else {
        b->data = g_realloc(b->data, cap);
    }
    b->cap = cap;
}

static void buf_append(Buf *b, const char *bytes, gsize n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

/* Appends one word character, lower-casing ASCII and tracking case flags. */
static void buf_add_char(Buf *b, const char *text, gsize pos, const Char *c)
{
    gboolean first = b->len == b->token;
    if (c->cp < 0x80) {
        char ch = (char)c->cp;
        if (ch >= 'A' && ch <= 'Z') {
            b->letters++;
            b->upper++;
            if (first)
                b->first_upper = TRUE;
            ch = (char)(ch - 'A' + 'a');
        } else if (ch >= 'a' && ch <= 'z') {
            b->letters++;
        }
        buf_append(b, &ch, 1);
        return;
    }
    if (g_unichar_isalpha(c->cp)) {
        b->letters++;
        if (g_unichar_isupper(c->cp) || g_unichar_istitle(c->cp)) {
            b->upper++;
            if (first)
                b->first_upper = TRUE;
        }
    }
    b->non_ascii = TRUE;
    buf_append(b, text + pos, c->len);
}

/* Appends the run of ASCII letters and digits at text[pos], lower-cased;
 * returns the offset after it. The hot loop of the tokeniser: one pass
 * that copies while it scans, with room made for the rest of the text
 * (a sentence at most) since the run's length is not known up front. */
static gsize buf_add_ascii_run(Buf *b, const char *text, gsize pos, gsize end, gboolean *all_digits)
{
    buf_reserve(b, end - pos);
    if (b->len == b->token && text[pos] >= 'A' && text[pos] <= 'Z')
        b->first_upper = TRUE;
    char *w = b->data + b->len;
    guint upper = 0, lower = 0;
    gsize stop = pos;
    for (; stop < end; stop++) {
        guchar ch = (guchar)text[stop];
        if (ascii_class[ch] != CLASS_WORD)
            break;
        /* A word byte is a digit, 'A'-'Z' or 'a'-'z', in that order. */
        if (ch >= 'a') {
            lower++;
        } else if (ch >= 'A') {
            upper++;
            ch = (guchar)(ch - 'A' + 'a');
        }
        *w++ = (char)ch;
    }
    b->len += stop - pos;
    b->letters += upper + lower;
    b->upper += upper;
    if (upper + lower > 0)
        *all_digits = FALSE;
    return stop;
}

/* Full normalisation of a token with non-ASCII characters: NFKD, case
 * folding, then marks, spaces and controls dropped and apostrophes mapped
 * (NFKD itself can produce ʼ, e.g. from ŉ). */
static char *normalize_slow(const char *bytes, gsize len)
{
    char *nfkd = g_utf8_normalize(bytes, (gssize)len, G_NORMALIZE_NFKD);
    if (!nfkd)
        return g_strndup(bytes, len);
    char *folded = g_utf8_casefold(nfkd, -1);
    g_free(nfkd);
    char *out = g_malloc(strlen(folded) + 1);
    char *w = out;
    for (const char *p = folded; *p; p = g_utf8_next_char(p)) {
        gunichar cp = g_utf8_get_char(p);
        GUnicodeType type = g_unichar_type(cp);
        if (is_mark_type(type) || g_unichar_isspace(cp) || type == G_UNICODE_CONTROL ||
            type == G_UNICODE_FORMAT)
            continue;
        if (is_apostrophe(cp)) {
            /* "ŉ" -> "ʼn" -> "n": as in the tokeniser, a norm neither starts
             * nor ends with an apostrophe, nor holds two in a row. */
            if (w > out && w[-1] != '\'')
                *w++ = '\'';
            continue;
        }
        w += g_unichar_to_utf8(cp, w);
    }
    while (w > out && w[-1] == '\'')
        w--;
    *w = '\0';
    g_free(folded);
    return out;
}

/* A token made, its norm an offset in the Buf until the norms are copied
 * to the chunk. */
typedef struct {
    guint32 start, end;
    gsize norm;
    guint32 flags, hash;
} PendingToken;

/* Tokens made: a local array handed to the caller's GArray in one piece at
 * the end (appending one by one cost more than the words). */
typedef struct {
    PendingToken *buf;
    guint n, cap;
    PendingToken inline_buf[64];
} Out;

static void out_grow(Out *o)
{
    guint cap = o->cap * 2;
    if (o->buf == o->inline_buf)
        o->buf = g_memdup2(o->inline_buf, sizeof o->inline_buf);
    o->buf = g_renew(PendingToken, o->buf, cap);
    o->cap = cap;
}

/* Emits a token whose norm is the NUL-terminated text at b->data + norm. */
static void emit(Out *o, gsize start, gsize end, gsize norm, guint32 flags, guint32 hash)
{
    if (o->n == o->cap)
        out_grow(o);
    o->buf[o->n++] = (PendingToken){(guint32)start, (guint32)end, norm, flags, hash};
}

/* Emits a token with a fixed norm ("'s", ","). */
static void emit_literal(Out *o, Buf *b, gsize start, gsize end, const char *norm, guint32 flags)
{
    gsize offset = b->len, len = strlen(norm);
    buf_append(b, norm, len + 1);
    emit(o, start, end, offset, flags, relgraph_text_hash(norm, len));
}

static void emit_buf(Out *o, Buf *b, gsize start, gsize end)
{
    guint32 flags = 0;
    if (b->first_upper)
        flags |= RELGRAPH_TOKEN_CAPITALIZED;
    if (b->letters > 0 && b->upper == b->letters)
        flags |= RELGRAPH_TOKEN_UPPER;
    if (b->len == b->token)
        return;
    if (!b->non_ascii) {
        guint32 hash = relgraph_text_hash(b->data + b->token, b->len - b->token);
        buf_append(b, "", 1);
        emit(o, start, end, b->token, flags, hash);
        return;
    }
    char *norm = normalize_slow(b->data + b->token, b->len - b->token);
    b->len = b->token;
    if (norm[0]) /* a lone combining mark normalises to nothing */
        emit_literal(o, b, start, end, norm, flags);
    g_free(norm);
}

/* A single letter (plus marks) at pos followed by '.': returns the offset
 * past the '.', or 0. */
static gsize initial_at(const char *text, gsize pos, gsize end)
{
    Char c = char_at(text, pos, end);
    if (c.cls != CLASS_WORD || !(c.cp < 0x80 ? g_ascii_isalpha((char)c.cp) : g_unichar_isalpha(c.cp)))
        return 0;
    gsize p = pos + c.len;
    while (p < end && (guchar)text[p] >= 0x80) {
        Char m = char_at(text, p, end);
        if (m.cls != CLASS_WORD || !is_mark_type(g_unichar_type(m.cp)))
            break;
        p += m.len;
    }
    return p < end && text[p] == '.' ? p + 1 : 0;
}

/* "U.S.", "e.g.": two or more single letters each followed by '.'. Returns
 * the offset past the last '.', or 0. */
static gsize abbreviation_end(const char *text, gsize pos, gsize end)
{
    guint count = 0;
    gsize p = pos, next;
    while (p < end && (next = initial_at(text, p, end)) != 0) {
        count++;
        p = next;
    }
    return count >= 2 ? p : 0;
}

/* An apostrophe at pos followed by "s" that ends the word: returns the
 * offset past the "s", or 0. */
static gsize possessive_end(const char *text, gsize pos, gsize end)
{
    Char a = char_at(text, pos, end);
    if (a.cls != CLASS_APOS || pos + a.len >= end)
        return 0;
    Char s = char_at(text, pos + a.len, end);
    if (!is_s(&s))
        return 0;
    gsize after = pos + a.len + 1;
    /* Marks on the s are dropped by normalisation: skip them here too. */
    while (after < end && (guchar)text[after] >= 0x80) {
        Char m = char_at(text, after, end);
        if (m.cls != CLASS_WORD || !is_mark_type(g_unichar_type(m.cp)))
            break;
        after += m.len;
    }
    if (after < end && char_at(text, after, end).cls == CLASS_WORD)
        return 0;
    return after;
}

static void emit_possessive(Out *o, Buf *b, const char *text, gsize pos, gsize stop)
{
    guint32 flags = memchr(text + pos, 'S', stop - pos) ? RELGRAPH_TOKEN_UPPER : 0;
    emit_literal(o, b, pos, stop, "'s", flags);
}

/* For the plain-word loop, one lookup a byte each: the ASCII letters and
 * digits lower-cased (0 for every other byte), and the case of a letter
 * (0 for every other byte), ORed over the word for its flags. */
static const guchar word_byte_lower[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
    ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k',
    ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
    ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm',
    ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
    ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

enum { LETTER_LOWER = 1, LETTER_UPPER = 2 };

static const guint8 letter_case[256] = {
    ['A'] = LETTER_UPPER, ['B'] = LETTER_UPPER, ['C'] = LETTER_UPPER, ['D'] = LETTER_UPPER,
    ['E'] = LETTER_UPPER, ['F'] = LETTER_UPPER, ['G'] = LETTER_UPPER, ['H'] = LETTER_UPPER,
    ['I'] = LETTER_UPPER, ['J'] = LETTER_UPPER, ['K'] = LETTER_UPPER, ['L'] = LETTER_UPPER,
    ['M'] = LETTER_UPPER, ['N'] = LETTER_UPPER, ['O'] = LETTER_UPPER, ['P'] = LETTER_UPPER,
    ['Q'] = LETTER_UPPER, ['R'] = LETTER_UPPER, ['S'] = LETTER_UPPER, ['T'] = LETTER_UPPER,
    ['U'] = LETTER_UPPER, ['V'] = LETTER_UPPER, ['W'] = LETTER_UPPER, ['X'] = LETTER_UPPER,
    ['Y'] = LETTER_UPPER, ['Z'] = LETTER_UPPER, ['a'] = LETTER_LOWER, ['b'] = LETTER_LOWER,
    ['c'] = LETTER_LOWER, ['d'] = LETTER_LOWER, ['e'] = LETTER_LOWER, ['f'] = LETTER_LOWER,
    ['g'] = LETTER_LOWER, ['h'] = LETTER_LOWER, ['i'] = LETTER_LOWER, ['j'] = LETTER_LOWER,
    ['k'] = LETTER_LOWER, ['l'] = LETTER_LOWER, ['m'] = LETTER_LOWER, ['n'] = LETTER_LOWER,
    ['o'] = LETTER_LOWER, ['p'] = LETTER_LOWER, ['q'] = LETTER_LOWER, ['r'] = LETTER_LOWER,
    ['s'] = LETTER_LOWER, ['t'] = LETTER_LOWER, ['u'] = LETTER_LOWER, ['v'] = LETTER_LOWER,
    ['w'] = LETTER_LOWER, ['x'] = LETTER_LOWER, ['y'] = LETTER_LOWER, ['z'] = LETTER_LOWER,
};

/* Can a word that is one run of ASCII letters and digits end before the
 * byte next (see scan_word)? Not before a non-ASCII character (a letter or
 * mark may continue it), an apostrophe ("O'Brien", "China's") or '$'
 * ("US$"); not before '.' or ',' in a number ("3.7", "1,000"), nor before
 * '.' after a single letter ("U.S."). */
static gboolean ends_plain_word(guchar next, gsize run_len, gboolean has_letters)
{
    if (next >= 0x80 || ascii_class[next] == CLASS_APOS || next == '$')
        return FALSE;
    if (next == ',')
        return has_letters;
    if (next == '.')
        return has_letters && run_len > 1;
    return TRUE;
}

/* The common word: one run of ASCII letters and digits (pos is one) that
 * nothing continues. Lower-cased into b and hashed as it is written, then
 * emitted; returns the offset after it. For any other word returns 0,
 * having emitted nothing, and scan_word takes the word from the start. */
static gsize scan_plain_word(const char *text, gsize pos, gsize end, Buf *b, Out *o)
{
    buf_reserve(b, end - pos);
    char *w = b->data + b->len;
    guint32 hash = hash_seed;
    guint cases = 0; /* LETTER_LOWER and LETTER_UPPER seen */
    gsize stop = pos;
    for (; stop < end; stop++) {
        guchar ch = word_byte_lower[(guchar)text[stop]];
        if (!ch)
            break;
        cases |= letter_case[(guchar)text[stop]];
        hash = hash_byte(hash, ch);
        *w++ = (char)ch;
    }
    if (stop < end && !ends_plain_word((guchar)text[stop], stop - pos, cases != 0))
        return 0;
    *w = '\0';
    guint32 flags = 0;
    if (letter_case[(guchar)text[pos]] == LETTER_UPPER)
        flags |= RELGRAPH_TOKEN_CAPITALIZED;
    if (cases == LETTER_UPPER) /* letters, all of them upper case */
        flags |= RELGRAPH_TOKEN_UPPER;
    emit(o, pos, stop, b->len, flags, hash);
    b->len += stop - pos + 1;
    return stop;
}

/* Scans the word starting at pos (a word character), emits it and returns
 * the offset after it. */
static gsize scan_word(const char *text, gsize pos, gsize end, Buf *b, Out *o)
{
    gsize start = pos;
    buf_reset(b);

    /* Only a letter followed by '.' (or a non-ASCII letter, whose marks may
     * come first) can start "U.S."; skip the check for everything else. */
    guchar first = (guchar)text[pos];
    gsize abbr = 0;
    if (first >= 0x80 || (pos + 1 < end && (text[pos + 1] == '.' || (guchar)text[pos + 1] >= 0x80) &&
                         g_ascii_isalpha(first)))
        abbr = abbreviation_end(text, pos, end);
    if (abbr) {
        while (pos < abbr) {
            Char c = char_at(text, pos, end);
            if (c.cp == '.')
                buf_append(b, ".", 1);
            else
                buf_add_char(b, text, pos, &c);
            pos += c.len;
        }
    } else {
        gboolean all_digits = TRUE;
        while (pos < end) {
            guchar ch = (guchar)text[pos];
            if (ch < 0x80) {
                if (ascii_class[ch] == CLASS_WORD) {
                    pos = buf_add_ascii_run(b, text, pos, end, &all_digits);
                    continue;
                }
                /* Only '.', ',' and apostrophes may continue a word. */
                if (ch != '.' && ch != ',' && ascii_class[ch] != CLASS_APOS)
                    break;
            }
            Char c = char_at(text, pos, end);
            if (c.cls == CLASS_WORD) {
                all_digits = FALSE;
                buf_add_char(b, text, pos, &c);
                pos += c.len;
                continue;
            }
            gsize after = pos + c.len;
            if (after >= end)
                break;
            Char next = char_at(text, after, end);
            if (c.cls == CLASS_IGNORABLE && next.cls == CLASS_WORD) {
                pos = after;
                continue;
            }
            if (c.cls == CLASS_APOS && next.cls == CLASS_WORD && !possessive_end(text, pos, end)) {
                buf_append(b, "'", 1); /* O'Brien, hasn't */
                pos = after;
                continue;
            }
            /* "3.7", "1,000": a separator between digits of a number. */
            if ((c.cp == '.' || c.cp == ',') && all_digits && next.cp >= '0' && next.cp <= '9') {
                buf_append(b, text + pos, 1);
                pos = after;
                continue;
            }
            break;
        }
        /* "US$", "HK$": a currency prefix is part of the word, so that the
         * "US" of "US$1.47" is never the United States. */
        if (pos < end && text[pos] == '$' && !all_digits) {
            buf_append(b, "$", 1);
            pos++;
        }
    }
    emit_buf(o, b, start, pos);
    return pos; /* a following "'s" is emitted by the main loop */
}

void relgraph_text_tokenize(const char *text, gsize start, gsize end, GStringChunk *chunk,
                            GArray *tokens)
{
    Buf b;
    buf_init(&b);
    Out o;
    o.buf = o.inline_buf;
    o.n = 0;
    o.cap = G_N_ELEMENTS(o.inline_buf);
    gsize pos = start;
    while (pos < end) {
        guchar byte = (guchar)text[pos];
        /* Fast skip of ASCII separators (spaces, most punctuation). */
        if (byte < 0x80 && ascii_class[byte] == CLASS_SEP) {
            pos++;
            continue;
        }
        if (byte < 0x80 && ascii_class[byte] == CLASS_WORD) {
            gsize after = scan_plain_word(text, pos, end, &b, &o);
            pos = after ? after : scan_word(text, pos, end, &b, &o);
            continue;
        }
        Char c = char_at(text, pos, end);
        switch (c.cls) {
        case CLASS_WORD:
            pos = scan_word(text, pos, end, &b, &o);
            break;
        case CLASS_PUNCT: {
            char norm[2] = {punct_of(c.cp), '\0'};
            emit_literal(&o, &b, pos, pos + c.len, norm, RELGRAPH_TOKEN_PUNCT);
            pos += c.len;
            break;
        }
        case CLASS_APOS: {
            /* "'s" after a word, or alone as written in rule files. */
            gsize poss = possessive_end(text, pos, end);
            if (poss) {
                emit_possessive(&o, &b, text, pos, poss);
                pos = poss;
            } else {
                pos += c.len;
            }
            break;
        }
        default:
            pos += c.len;
            break;
        }
    }
    if (o.n) {
        const char *norms = g_string_chunk_insert_len(chunk, b.data, (gssize)b.len);
        guint first = tokens->len;
        g_array_set_size(tokens, first + o.n);
        RelgraphToken *out = &g_array_index(tokens, RelgraphToken, first);
        for (guint i = 0; i < o.n; i++) {
            guint32 flags = o.buf[i].flags;
            /* Written against the word before, across a hyphen, dash or
             * slash but no space: "China-Russia", "Kim–Putin". */
            if (i > 0 && o.buf[i].start > o.buf[i - 1].end && o.buf[i].start - o.buf[i - 1].end <= 3 &&
                !g_ascii_isspace(text[o.buf[i - 1].end]) && !g_ascii_isspace(text[o.buf[i].start - 1]) &&
                !g_ascii_isspace(text[o.buf[i - 1].end + 1]))
                flags |= RELGRAPH_TOKEN_JOINED;
            out[i] = (RelgraphToken){o.buf[i].start, o.buf[i].end, norms + o.buf[i].norm, 0, flags, o.buf[i].hash, 0};
        }
    }
    buf_clear(&b);
    if (o.buf != o.inline_buf)
        g_free(o.buf);
}

char *relgraph_text_fold_spaces(const char *text, gsize start, gsize end)
{
    /* Written straight into a buffer of the span's size: folding never
     * makes the text longer. */
    char *out = g_malloc(end - start + 1);
    char *w = out;
    gboolean space = FALSE;
    for (gsize i = start; i < end; i++) {
        char c = text[i];
        if (g_ascii_isspace(c)) {
            space = TRUE;
            continue;
        }
        if (space && w > out)
            *w++ = ' ';
        space = FALSE;
        *w++ = c;
    }
    *w = '\0';
    return out;
}

char *relgraph_text_normalize(const char *text, gssize len)
{
    gsize n = len < 0 ? strlen(text) : (gsize)len;
    GStringChunk *chunk = g_string_chunk_new(64);
    GArray *tokens = g_array_new(FALSE, FALSE, sizeof(RelgraphToken));
    relgraph_text_tokenize(text, 0, n, chunk, tokens);
    GString *out = g_string_sized_new(n + 1);
    for (guint i = 0; i < tokens->len; i++) {
        if (i)
            g_string_append_c(out, ' ');
        g_string_append(out, g_array_index(tokens, RelgraphToken, i).norm);
    }
    g_array_unref(tokens);
    g_string_chunk_free(chunk);
    return g_string_free(out, FALSE);
}
