/* relgraph — sentence splitting.
 *
 * Splits a document into sentences by byte span. A sentence ends at '.',
 * '!' or '?' (possibly followed by closing quotes or brackets) when
 * whitespace and then an upper-case letter, digit, opening quote or the end
 * of text follow, except after known abbreviations ("U.S.", "U.N.",
 * "Sept.", "Dr.", "Mr.", "No.", "Jr.", "St.", "Gen."...), after single
 * initials ("J. Smith") and inside numbers ("3.7 percent"). A blank line
 * always ends a sentence; a single line break ends one unless the line
 * runs on (the previous line ends without sentence punctuation and the
 * next starts in lower case). Headlines and captions on their own line are
 * therefore sentences of their own.
 *
 * A run of text longer than RELGRAPH_SENTENCE_MAX_BYTES without a sentence
 * end (a table, a scraped page with no punctuation, one huge token) is cut
 * into pieces of at most that size, at whitespace where there is some, so
 * that the work and memory per sentence stay bounded.
 */
#ifndef RELGRAPH_SENTENCE_H
#define RELGRAPH_SENTENCE_H

#include <glib.h>

G_BEGIN_DECLS

/* No news sentence comes near this: 16 KiB is some 2,500 words. */
#define RELGRAPH_SENTENCE_MAX_BYTES 16384

typedef struct {
    guint32 start; /* byte offset of the first non-space byte */
    guint32 end;   /* byte offset one past the last non-space byte */
} RelgraphSpan;

/* Appends one RelgraphSpan per non-empty sentence of text[0, len) to
 * sentences (a GArray of RelgraphSpan), in order. text is valid UTF-8. */
void relgraph_sentence_split(const char *text, gsize len, GArray *sentences);

/* Where the text of a sentence starts after a wire-story dateline,
 * "SEOUL, Oct. 19 (Yonhap) -- ..." or "BEIJING (Reuters) - ...": the offset
 * after the dash that follows a closing bracket within the first
 * RELGRAPH_DATELINE_MAX_BYTES of span; span->start when there is none. The
 * agency in brackets is the story's source, not an actor of its first
 * sentence. */
#define RELGRAPH_DATELINE_MAX_BYTES 80
guint32 relgraph_sentence_dateline_end(const char *text, const RelgraphSpan *span);

G_END_DECLS

#endif
