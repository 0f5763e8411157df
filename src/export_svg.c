/* Drawing a laid-out figure (SVG, PNG, PDF) and making the drawing safe
 * and repeatable: no script URL in an SVG, no creation date in a PDF. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "relgraph/export.h"

#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <stdio_ext.h>
#endif
#include <string.h>

#include <glib.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
#include "figure_internal.h"

/* No "javascript:" anywhere in the SVG, in any case. The figure sets no
 * links, but names and sentences reach its tooltips, titles and text, and
 * a viewer (or a later edit) that makes links of them must not find a
 * script URL there. A WORD JOINER (U+2060, invisible) after "javascript"
 * breaks the scheme without changing what the figure shows. Takes svg
 * (NUL-terminated, from g_malloc) and returns it, or a new copy when it
 * had to change (the usual figure has none: no second copy of it). */
static gboolean has_script_url(const char *text, gsize len)
{
    for (gsize i = 0; i + 11 <= len; i++)
        if ((text[i] | 0x20) == 'j' && text[i + 10] == ':' && g_ascii_strncasecmp(text + i, "javascript", 10) == 0)
            return TRUE;
    return FALSE;
}

char *relgraph_figure_defang_script_urls(char *svg, gsize *len)
{
    if (!has_script_url(svg, *len))
        return svg;
    GRegex *scheme = g_regex_new("javascript(?=:)", G_REGEX_CASELESS, 0, NULL);
    char *out = g_regex_replace(scheme, svg, (gssize)*len, 0, "\\0\xe2\x81\xa0", 0, NULL);
    g_regex_unref(scheme);
    g_free(svg);
    *len = strlen(out);
    return out;
}

/* Cairo's PDF carries the time it was made (/CreationDate (D:...)): the
 * digits are set to a fixed date in place, so that the same graph gives
 * the same bytes (and the offsets in the file stay right). */
void relgraph_figure_pdf_fix_date(char *pdf, gsize len)
{
    static const char key[] = "/CreationDate (D:";
    static const char fixed[] = "20000101000000";
    /* Not a string search: the compressed streams before it hold NULs. */
    gsize n = strlen(key);
    char *at = NULL;
    for (gsize i = 0; i + n <= len && !at; i++)
        if (pdf[i] == '/' && memcmp(pdf + i, key, n) == 0)
            at = pdf + i;
    if (!at)
        return;
    at += n;
    for (guint i = 0; i < strlen(fixed) && at + i < pdf + len && g_ascii_isdigit(at[i]); i++)
        at[i] = fixed[i];
}

/* Draws the laid-out figure with device (svg, png:cairo, pdf:cairo) into
 * a buffer of ours (open_memstream; g_free is free), so that no copy of it
 * is needed. NULL on failure. */
char *relgraph_figure_render(GVC_t *gvc, Agraph_t *g, const char *device, gsize *len)
{
    char *data = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&data, &size);
    if (!out)
        return NULL;
#ifdef __GLIBC__
    /* Only this thread writes it: no lock taken per fwrite (a tenth of
     * the drawing, which writes in small pieces). */
    __fsetlocking(out, FSETLOCKING_BYCALLER);
#endif
    int rc = gvRender(gvc, g, device, out);
    if (fclose(out) != 0 || rc != 0 || !size) {
        free(data);
        return NULL;
    }
    *len = size;
    return data;
}

