/* relgraph — text normalisation and tokenisation for matching.
 *
 * Matching works on tokens, never on raw text. A token keeps its byte span
 * in the document (for evidence) and a normalised form: Unicode NFKD with
 * combining marks dropped, case-folded, typographic apostrophes and quotes
 * mapped to ASCII. The same tokeniser runs over rule files and documents,
 * which is what makes "Kim Jong-un" and "Kim Jong Un" the same three tokens.
 *
 * Tokenisation:
 *  - a word is a run of letters, digits and marks; "U.S." and other runs of
 *    single letters each followed by '.' form one token ("u.s."), as do
 *    numbers with an internal '.' or ',' ("3.7", "1,000");
 *  - a "$" right after a word is part of it ("US$" -> "us$", never "us");
 *  - hyphens and dashes of every kind separate words and are not tokens;
 *  - an apostrophe (any variant) followed by "s" at the end of a word gives
 *    a separate token "'s" ("China's" -> "china" "'s"); a trailing
 *    apostrophe after "s" is dropped ("allies'" -> "allies"); other inner
 *    apostrophes stay inside the word ("O'Brien" -> "o'brien");
 *  - ',' ';' ':' are tokens of their own (clause boundaries for patterns);
 *  - every other punctuation or symbol character (quotes, brackets, '.',
 *    '!', '?', '/', '*', ...) separates words and is dropped.
 *
 * Ownership: token norm strings live in the GStringChunk passed in.
 */
#ifndef RELGRAPH_TEXT_H
#define RELGRAPH_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    RELGRAPH_TOKEN_CAPITALIZED = 1 << 0, /* first character is upper case */
    RELGRAPH_TOKEN_UPPER = 1 << 1,       /* has letters, all of them upper case */
    RELGRAPH_TOKEN_PUNCT = 1 << 2,       /* one of , ; : */
    RELGRAPH_TOKEN_JOINED = 1 << 3,      /* joined to the token before by a hyphen, dash
                                            or slash, without a space ("China-Russia") */
} RelgraphTokenFlags;

typedef struct {
    guint32 start;     /* byte offset of the first byte in the text */
    guint32 end;       /* byte offset one past the last byte */
    const char *norm;  /* normalised form, NUL-terminated, in the chunk */
    guint32 word;      /* vocabulary id of norm, 0 when not in the vocabulary
                          (set by whoever looks it up; the tokeniser sets 0) */
    guint32 flags;     /* RelgraphTokenFlags */
    guint32 hash;      /* relgraph_text_hash of norm, worked out while the
                          tokeniser writes norm: the lexicon looks words up
                          by it without reading norm again */
    guint32 classes;   /* the word classes of norm (lexicon.h), set with word */
} RelgraphToken;

/* Normalises one word or phrase for matching (see above). Returns a newly
 * allocated string; caller frees with g_free. Input must be valid UTF-8. */
char *relgraph_text_normalize(const char *text, gssize len);

/* The hash of the len bytes of norm under which the lexicon files words
 * (32-bit FNV-1a). */
guint32 relgraph_text_hash(const char *norm, gsize len);

/* text[start, end) with every run of whitespace folded to one space
 * (none at the start): evidence sentences and names found in the text.
 * Caller frees. */
char *relgraph_text_fold_spaces(const char *text, gsize start, gsize end);

/* Tokenises text[start, end) (valid UTF-8) and appends RelgraphToken
 * elements to tokens (a GArray of RelgraphToken). Offsets are relative to
 * text, not to start. */
void relgraph_text_tokenize(const char *text, gsize start, gsize end,
                            GStringChunk *chunk, GArray *tokens);

G_END_DECLS

#endif
