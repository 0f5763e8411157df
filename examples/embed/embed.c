/* embed: relgraph as a library. Loads the default rules, builds the
 * relation graph of the documents given (files or directories of .txt and
 * .md), prints its ten heaviest relations and writes it as GraphML.
 *
 *   cc embed.c $(pkg-config --cflags --libs relgraph) -o embed
 *   ./embed graph.graphml seeds/
 *
 * docs/api.md walks through it. */
#include <stdio.h>

#include <relgraph/relgraph.h>

#define TOP 10

/* Heaviest first; the library's order (source, relation, target) breaks ties. */
static gint by_weight(gconstpointer a, gconstpointer b)
{
    const RelgraphEdge *x = *(const RelgraphEdge *const *)a, *y = *(const RelgraphEdge *const *)b;
    return (x->weight < y->weight) - (x->weight > y->weight);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUT.graphml CORPUS...\n", argv[0]);
        return 2;
    }
    GError *error = NULL;

    /* 1. The rules: the installed ones unless $RELGRAPH_RULES says otherwise. */
    RelgraphRules *rules = relgraph_rules_load(relgraph_rules_default_dir(), NULL, &error);
    if (!rules) {
        fprintf(stderr, "embed: %s\n", error->message);
        g_error_free(error);
        return 1;
    }

    /* 2. The documents: directories are walked, sorted by path. */
    GPtrArray *paths = relgraph_corpus_expand((const char *const *)argv + 2, (guint)argc - 2, NULL, &error);
    if (!paths) {
        fprintf(stderr, "embed: %s\n", error->message);
        g_error_free(error);
        relgraph_rules_free(rules);
        return 1;
    }

    /* 3. Each document extracted and added to one graph. */
    RelgraphGraph *graph = relgraph_graph_new();
    RelgraphExtractOptions options = {.hedged = RELGRAPH_HEDGED_DROP};
    for (guint i = 0; i < paths->len; i++) {
        RelgraphDocument *doc = relgraph_document_load(g_ptr_array_index(paths, i), &error);
        if (!doc) {
            fprintf(stderr, "embed: %s (skipped)\n", error->message);
            g_clear_error(&error);
            continue;
        }
        RelgraphExtractResult *result = relgraph_extract_document(rules, doc, &options);
        relgraph_extract_add_to_graph(doc, result, graph);
        relgraph_extract_result_free(result);
        relgraph_document_free(doc);
    }
    printf("%u documents, %u actors, %u relations\n", paths->len, relgraph_graph_node_count(graph),
           relgraph_graph_edge_count(graph));

    /* 4. The heaviest relations (the array is ours, the edges the graph's). */
    GPtrArray *edges = relgraph_graph_sorted_edges(graph);
    g_ptr_array_sort(edges, by_weight);
    for (guint i = 0; i < edges->len && i < TOP; i++) {
        const RelgraphEdge *e = g_ptr_array_index(edges, i);
        printf("%4u  %s %s %s\n", e->weight, e->source, e->relation, e->target);
    }
    g_ptr_array_unref(edges);

    /* 5. GraphML, written atomically: the file is whole or untouched. */
    gsize len = 0;
    char *graphml = relgraph_export(graph, "graphml", NULL, &len, &error);
    int status = 0;
    if (!graphml || !relgraph_write_file_atomic(argv[1], graphml, len, &error)) {
        fprintf(stderr, "embed: %s\n", error->message);
        g_error_free(error);
        status = 1;
    }
    g_free(graphml);
    relgraph_graph_free(graph);
    g_ptr_array_unref(paths);
    relgraph_rules_free(rules);
    return status;
}
