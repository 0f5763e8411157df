/* The mentions table: a relation mention as a TSV row. */
#include "relgraph/mentions.h"

#include "relgraph/common.h"
#include "relgraph/export.h"

#include "export_internal.h"
#include "common_internal.h"

void relgraph_mentions_append_header(GString *out, gboolean hedged_column)
{
    g_string_append(out, "doc\tsource\trelation\ttarget\tsentence\tevidence\trule");
    g_string_append(out, hedged_column ? "\thedged\n" : "\n");
}

void relgraph_mentions_append_row(GString *out, const RelgraphDocument *doc, const RelgraphExtractResult *result,
                                  guint i, gboolean hedged_column)
{
    const RelgraphRelationMention *m = &g_array_index(result->relations, RelgraphRelationMention, i);
    char *text = relgraph_extract_sentence_text(doc, m->start, m->end);
    relgraph_export_tsv_field(out, doc->id);
    g_string_append_c(out, '\t');
    relgraph_export_tsv_field(out, relgraph_extract_actor(result, m->source)->name);
    g_string_append_c(out, '\t');
    relgraph_export_tsv_field(out, m->relation->name);
    g_string_append_c(out, '\t');
    relgraph_export_tsv_field(out, relgraph_extract_actor(result, m->target)->name);
    g_string_append_c(out, '\t');
    relgraph_string_append_uint(out, m->sentence);
    g_string_append_c(out, '\t');
    relgraph_export_tsv_field(out, text);
    g_string_append_c(out, '\t');
    relgraph_export_tsv_field(out, m->rule);
    if (hedged_column)
        g_string_append(out, m->hedged ? "\tyes" : "\tno");
    g_string_append_c(out, '\n');
    g_free(text);
}
