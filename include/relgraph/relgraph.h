/* relgraph — the whole library in one include.
 *
 * The library turns English news text into a weighted multigraph of
 * states, officials and institutions. A program embeds it in four steps
 * (docs/api.md walks through examples/embed/embed.c):
 *
 *   rules.h    load a rules directory (relgraph_rules_load; the default one
 *              is relgraph_rules_default_dir())
 *   corpus.h   read documents (relgraph_corpus_expand_files,
 *              relgraph_document_load)
 *   extract.h  extract each document and add it to a graph (graph.h)
 *   pipeline.h or run a whole corpus on N threads, documents in order
 *   export.h   write the graph: DOT, SVG, PNG, PDF, HTML, GraphML, GEXF,
 *              JSON, Cytoscape JSON, TSV (relgraph_export)
 *   outputs.h  or render several formats side by side and replace their
 *              files together
 *
 * One convention throughout: functions are named relgraph_<object>_<verb>;
 * an object made by a _new or _load function is freed by the matching
 * _free; functions that can fail take a GError ** last and return NULL or
 * FALSE with it set; strings and arrays a function returns are the
 * caller's to free unless its comment says "borrowed". Everything is glib:
 * GPtrArray, GArray, GHashTable, GError.
 *
 * Link with `pkg-config --cflags --libs relgraph`.
 */
#ifndef RELGRAPH_RELGRAPH_H
#define RELGRAPH_RELGRAPH_H

#include "relgraph/version.h"
#include "relgraph/common.h"
#include "relgraph/text.h"
#include "relgraph/lexicon.h"
#include "relgraph/sentence.h"
#include "relgraph/rulefile.h"
#include "relgraph/actors.h"
#include "relgraph/actor_lookup.h"
#include "relgraph/relations.h"
#include "relgraph/rules.h"
#include "relgraph/corpus.h"
#include "relgraph/discover.h"
#include "relgraph/reference.h"
#include "relgraph/extract.h"
#include "relgraph/mentions.h"
#include "relgraph/actor_census.h"
#include "relgraph/graph.h"
#include "relgraph/filter.h"
#include "relgraph/export.h"
#include "relgraph/outputs.h"
#include "relgraph/import.h"
#include "relgraph/part.h"
#include "relgraph/cache.h"
#include "relgraph/pipeline.h"
#include "relgraph/incremental.h"
#include "relgraph/manifest.h"
#include "relgraph/eval.h"
#include "relgraph/diff.h"
#include "relgraph/explain.h"
#include "relgraph/lint.h"

#endif
