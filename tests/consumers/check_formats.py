#!/usr/bin/python3
"""Loads every relgraph export, as it is, in the Python and Graphviz tools
its users open it with, and checks that they all see the same graph.

Usage: check_formats.py [--networkx-only] [--expect FILE] OUTDIR SCHEMADIR [DISCOVERED...]

OUTDIR holds relgraph.{dot,graphml,gexf,json,cyjs,tsv} of one run, and
OUTDIR/mixed/relgraph.{graphml,gexf} of the same run with --symmetric
undirected. The reference is the DOT as Graphviz reads it: `gc` counts
nodes and edges, `gvpr` reads each edge's relation, weight and dir (none:
a symmetric relation) and each node's type, `dot -Tjson` the fill colours.
Then, no reader patched or monkeypatched:

  - GraphML: valid against the GraphML 1.0 schema (SCHEMADIR/graphml.xsd,
    xmllint); NetworkX read_graphml: a MultiDiGraph with the DOT's edges
    and weights (numbers), symmetric=True on exactly the DOT's undirected
    edges; igraph Read_GraphML: the same;
  - GEXF 1.2draft: NetworkX read_gexf (no version argument): the same
    edges, colours and sizes;
  - the mixed files: schema-valid GraphML; NetworkX refuses both (it reads
    no graph with directed and undirected edges: the README says so, and
    this notices when it stops being true); igraph reads the GraphML;
  - JSON: node_link_graph (2.8's default key is "links"; NetworkX 3.4
    added edges="links", and 3.6 made "edges" the default), "directed":
    false on exactly the undirected links;
  - cyjs: cytoscape_graph: the same edges, "directed": false likewise;
  - TSV: header and rows;
  - node colours agree in all formats, and every format marks the same
    nodes discovered (each DISCOVERED name given among them);
  - a dated corpus (the JSON has first_seen): NetworkX reads GraphML
    first_seen/last_seen and GEXF start/end spells with the same days.

--networkx-only: only the NetworkX readers (for a NetworkX other than
Debian's, in an interpreter without igraph). --expect FILE writes what the
DOT holds as JSON, for check_js.mjs.

Exits 1 with a message naming the failed check.
"""

import collections
import json
import os
import re
import subprocess
import sys

import networkx as nx


class CheckError(Exception):
    pass


def fail(message):
    raise CheckError(message)


def expect(condition, message):
    if not condition:
        fail(message)


def run(argv, what):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        fail(f"{what}: {argv[0]} is not installed")
    if result.returncode != 0:
        fail(f"{what}: {' '.join(argv)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def rgb(hex_colour):
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


class Reference:
    """The graph as Graphviz reads the DOT."""

    def __init__(self, path):
        match = re.match(r"\s*(\d+)\s+(\d+)\s", run(["gc", "-n", "-e", path], "gc"))
        expect(match, "gc: unexpected output")
        self.counts = (int(match.group(1)), int(match.group(2)))
        # One line per node and edge, fields split by tabs (the corpora
        # checked here have no tab in a name). aget: "type" is a gvpr word.
        program = r'''
            N { printf("N\t%s\t%s\n", name, aget($, "type")); }
            E { printf("E\t%s\t%s\t%s\t%s\t%s\n", tail.name, aget($, "relation"), head.name, aget($, "weight"),
                       aget($, "dir")); }
        '''
        self.edges, self.undirected, self.types = {}, set(), {}
        for line in run(["gvpr", program, path], "gvpr").splitlines():
            f = line.split("\t")
            if f[0] == "N":
                self.types[f[1]] = f[2]
            elif f[0] == "E":
                key = (f[1], f[2], f[3])
                expect(key not in self.edges, f"DOT: duplicate edge {key}")
                expect(re.fullmatch(r"[1-9][0-9]*", f[4]), f"DOT: {key} has weight {f[4]!r}")
                self.edges[key] = int(f[4])
                if f[5] == "none":
                    self.undirected.add(key)
        expect(len(self.edges) == self.counts[1], f"gvpr read {len(self.edges)} edges, gc counts {self.counts[1]}")
        # gvpr selects on the relation: E[relation=="..."] finds each one's edges.
        per_relation = collections.Counter(r for _, r, _ in self.edges)
        for relation, n in sorted(per_relation.items())[:3]:
            out = run(["gvpr", f'E[relation=="{relation}"]{{printf("x\\n");}}', path], "gvpr select")
            expect(out.count("x") == n, f"gvpr E[relation==\"{relation}\"] selects {out.count('x')}, not {n}")
        data = json.loads(run(["dot", "-Tjson", path], "dot -Tjson"))
        self.objects = [o for o in data["objects"] if "nodes" not in o]  # nodes, not clusters
        self.colours = {o["name"]: rgb(o["fillcolor"]) for o in self.objects}
        pairs = collections.Counter(frozenset((s, t)) for s, _, t in self.edges)
        # Edges that join the same two actors as another edge.
        self.parallel = sum(1 for s, _, t in self.edges if pairs[frozenset((s, t))] > 1)

    def symmetric(self, edges):
        return {k for k, d in edges.items() if d}


def networkx_edges(g, relation_key="relation", name=lambda g, n: g.nodes[n].get("label", n)):
    """(source, relation, target) -> (weight, symmetric), weights numbers."""
    out = {}
    for u, v, data in g.edges(data=True):
        key = (name(g, u), data[relation_key], name(g, v))
        expect(key not in out, f"duplicate edge {key}")
        expect(isinstance(data["weight"], (int, float)), f"{key}: weight {data['weight']!r} is not a number")
        out[key] = (int(data["weight"]), data.get("symmetric"))
    return out


def same_edges(what, ref, edges, symmetric_flag=True):
    expect({k: w for k, (w, _) in edges.items()} == ref.edges, f"{what}: not the DOT's edges and weights")
    if symmetric_flag:
        got = {k for k, (_, s) in edges.items() if s is True}
        expect(got == ref.undirected, f"{what}: symmetric on {len(got)} edges, DOT dir=none on {len(ref.undirected)}")


def check_graphml(path, schema_dir, ref, networkx_only):
    if not networkx_only:
        run(["xmllint", "--noout", "--nonet", "--schema", os.path.join(schema_dir, "graphml.xsd"), path],
            "xmllint --schema graphml.xsd")
    g = nx.read_graphml(path, force_multigraph=True)
    expect(isinstance(g, nx.MultiDiGraph), f"GraphML: NetworkX read {type(g).__name__}, not a MultiDiGraph")
    expect((g.number_of_nodes(), g.number_of_edges()) == ref.counts,
           f"GraphML in NetworkX: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {ref.counts}")
    same_edges("GraphML in NetworkX", ref, networkx_edges(g))
    colours = {d["label"]: (int(d["r"]), int(d["g"]), int(d["b"])) for _, d in g.nodes(data=True)}
    expect(colours == ref.colours, "GraphML r/g/b and the DOT fill colours differ")
    expect({d["label"]: d["type"] for _, d in g.nodes(data=True)} == ref.types, "GraphML node types differ from the DOT's")
    for n, d in g.nodes(data=True):
        expect(int(d["degree"]) == g.degree(n), f"GraphML degree of {d['label']} is {d['degree']}, not {g.degree(n)}")
    if networkx_only:
        return
    import igraph
    ig = igraph.Graph.Read_GraphML(path)
    expect(ig.is_directed() and (ig.vcount(), ig.ecount()) == ref.counts,
           f"GraphML in igraph: {ig.vcount()}, {ig.ecount()}; DOT: {ref.counts}")
    ig_edges = {(ig.vs[e.source]["label"], e["relation"], ig.vs[e.target]["label"]): (int(e["weight"]), e["symmetric"])
                for e in ig.es}
    same_edges("GraphML in igraph", ref, ig_edges)


def check_mixed(mixed_dir, schema_dir, ref, networkx_only):
    """The --symmetric undirected files: NetworkX refuses them, igraph reads
    the GraphML as a directed graph."""
    graphml, gexf = (os.path.join(mixed_dir, f"relgraph.{ext}") for ext in ("graphml", "gexf"))
    if ref.undirected:
        for what, read in (("GraphML", lambda: nx.read_graphml(graphml, force_multigraph=True)),
                           ("GEXF", lambda: nx.read_gexf(gexf))):
            try:
                read()
                fail(f"NetworkX {nx.__version__} now reads the mixed {what}: the README says it refuses it")
            except nx.NetworkXError as e:
                expect("directed" in str(e).lower(), f"NetworkX refuses the mixed {what} for another reason: {e}")
    if networkx_only:
        return
    run(["xmllint", "--noout", "--nonet", "--schema", os.path.join(schema_dir, "graphml.xsd"), graphml],
        "xmllint --schema graphml.xsd (mixed)")
    import igraph
    ig = igraph.Graph.Read_GraphML(graphml)
    expect(ig.is_directed() and (ig.vcount(), ig.ecount()) == ref.counts,
           f"mixed GraphML in igraph: {ig.vcount()}, {ig.ecount()}; DOT: {ref.counts}")


def check_gexf(path, ref):
    g = nx.read_gexf(path)
    # A MultiDiGraph when some pair has parallel edges; NetworkX reads a
    # GEXF without any (a small corpus) as a DiGraph.
    expect(g.is_directed() and (g.is_multigraph() or not ref.parallel), f"GEXF read as {type(g).__name__}")
    expect((g.number_of_nodes(), g.number_of_edges()) == ref.counts,
           f"GEXF: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {ref.counts}")
    same_edges("GEXF in NetworkX", ref, networkx_edges(g))
    colours = {}
    for _, d in g.nodes(data=True):
        c = d["viz"]["color"]
        colours[d["label"]] = (c["r"], c["g"], c["b"])
        expect(d["viz"]["size"] > 0, "GEXF node without a size")
    expect(colours == ref.colours, "GEXF viz:color and the DOT fill colours differ")
    return g


def node_link(data):
    if "edges" in __import__("inspect").signature(nx.node_link_graph).parameters:
        return nx.node_link_graph(data, edges="links")  # NetworkX >= 3.4
    return nx.node_link_graph(data)


def check_json(path, ref):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = node_link(data)
    expect(isinstance(g, nx.MultiDiGraph), f"JSON node-link read as {type(g).__name__}")
    expect((g.number_of_nodes(), g.number_of_edges()) == ref.counts,
           f"JSON: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {ref.counts}")
    edges = networkx_edges(g, name=lambda g, n: n)
    same_edges("JSON in NetworkX", ref, edges)
    undirected = {(u, d["relation"], v) for u, v, d in g.edges(data=True) if d["directed"] is False}
    expect(undirected == ref.undirected, "JSON: \"directed\": false is not on exactly the symmetric links")
    ids = [link["id"] for link in data["links"]]
    expect(len(ids) == len(set(ids)), "JSON link ids are not unique")
    expect({n["id"]: rgb(n["color"]) for n in data["nodes"]} == ref.colours, "JSON colours differ from the DOT's")
    return data


def check_cyjs(path, ref):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.cytoscape_graph(data)
    expect(isinstance(g, nx.MultiDiGraph), f"cyjs read as {type(g).__name__}")
    expect((g.number_of_nodes(), g.number_of_edges()) == ref.counts,
           f"cyjs: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {ref.counts}")
    same_edges("cyjs in NetworkX", ref, networkx_edges(g, name=lambda g, n: g.nodes[n]["name"]))
    undirected = {(u, d["relation"], v) for u, v, d in g.edges(data=True) if d["directed"] is False}
    expect(undirected == ref.undirected, "cyjs: \"directed\": false is not on exactly the symmetric edges")
    expect({d["name"]: rgb(d["color"]) for _, d in g.nodes(data=True)} == ref.colours, "cyjs colours differ")


def check_tsv(path, ref):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    expect(lines[0] == "source\trelation\ttarget\tweight\tdocuments", f"TSV header: {lines[0]!r}")
    rows = [line.split("\t") for line in lines[1:]]
    expect(all(len(r) == 5 for r in rows), "TSV rows must have 5 fields")
    expect({(r[0], r[1], r[2]): int(r[3]) for r in rows} == ref.edges, "TSV: not the DOT's edges and weights")


def check_dates(path, data, gexf):
    """A dated corpus: the days the JSON gives reach NetworkX from GraphML
    (first_seen/last_seen) and GEXF (the start and end of each spell)."""
    want = {(l["source"], l["relation"], l["target"]): (l.get("first_seen"), l.get("last_seen"))
            for l in data["links"]}
    if not any(first for first, _ in want.values()):
        return False
    g = nx.read_graphml(path["graphml"], force_multigraph=True)
    got = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]): (d.get("first_seen"), d.get("last_seen"))
           for u, v, d in g.edges(data=True)}
    expect(got == want, "GraphML first_seen/last_seen differ from the JSON's")
    expect(gexf.graph.get("mode") == "dynamic", f"GEXF of a dated corpus: mode {gexf.graph.get('mode')!r}")
    got = {(gexf.nodes[u]["label"], d["relation"], gexf.nodes[v]["label"]): (d.get("start"), d.get("end"))
           for u, v, d in gexf.edges(data=True)}
    expect(got == want, "GEXF spells differ from the JSON's days")
    return True


def check_discovered(path, ref, expected, networkx_only):
    """The discovered nodes, by name, as every format's reader sees them."""
    seen = {}
    g = nx.read_graphml(path["graphml"], force_multigraph=True)
    expect(g.graph.get("node_default") == {"discovered": False},
           f"GraphML node defaults: {g.graph.get('node_default')!r}, not discovered = false")
    for _, d in g.nodes(data=True):
        expect(d.get("discovered", True) is True, f"GraphML: {d['label']} has discovered={d.get('discovered')!r}")
    seen["GraphML (NetworkX)"] = {d["label"] for _, d in g.nodes(data=True) if "discovered" in d}
    if not networkx_only:
        import igraph
        ig = igraph.Graph.Read_GraphML(path["graphml"])
        expect(all(isinstance(v, bool) for v in ig.vs["discovered"]), "igraph: discovered is not boolean everywhere")
        seen["GraphML (igraph)"] = {v["label"] for v in ig.vs if v["discovered"]}
    gx = nx.read_gexf(path["gexf"])
    expect(gx.graph.get("node_default") == {"discovered": False},
           f"GEXF node defaults: {gx.graph.get('node_default')!r}, not discovered = false")
    seen["GEXF"] = {d["label"] for _, d in gx.nodes(data=True) if d.get("discovered")}
    with open(path["json"], encoding="utf-8") as f:
        nodes = json.load(f)["nodes"]
    seen["JSON"] = {n["id"] for n in nodes if n.get("discovered")}
    with open(path["cyjs"], encoding="utf-8") as f:
        seen["cyjs"] = {n["data"]["id"] for n in json.load(f)["elements"]["nodes"] if n["data"].get("discovered")}
    for o in ref.objects:
        # A dashed outline marks a discovered node (nodes of unknown type,
        # grey, are dashed anyway).
        dashed = "dashed" in o.get("style", "").split(",")
        if o.get("discovered") == "true" or o.get("fillcolor") != "#DDDDDD":
            expect(dashed == (o.get("discovered") == "true"),
                   f"DOT: {o['name']}: discovered={o.get('discovered')!r} but style {o.get('style')!r}")
    seen["DOT"] = {o["name"] for o in ref.objects if o.get("discovered") == "true"}
    first = seen["JSON"]
    for reader, names in seen.items():
        expect(names == first, f"{reader} has discovered {sorted(names)}, JSON {sorted(first)}")
    for name in expected:
        expect(name in first, f"{name} is not discovered (discovered: {sorted(first)})")
    return first


def main(argv):
    networkx_only = "--networkx-only" in argv
    argv = [a for a in argv if a != "--networkx-only"]
    expect_file = None
    if "--expect" in argv:
        i = argv.index("--expect")
        expect_file = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir, schema_dir, expected = argv[0], argv[1], argv[2:]
    path = {ext: os.path.join(outdir, f"relgraph.{ext}") for ext in ("dot", "graphml", "gexf", "json", "cyjs", "tsv")}
    readers = f"NetworkX {nx.__version__}" + ("" if networkx_only else ", igraph, Graphviz")
    try:
        ref = Reference(path["dot"])
        expect(ref.counts[1] > 0, "the graph has no edges")
        check_graphml(path["graphml"], schema_dir, ref, networkx_only)
        check_mixed(os.path.join(outdir, "mixed"), schema_dir, ref, networkx_only)
        gexf = check_gexf(path["gexf"], ref)
        data = check_json(path["json"], ref)
        check_cyjs(path["cyjs"], ref)
        check_tsv(path["tsv"], ref)
        dated = check_dates(path, data, gexf)
        discovered = check_discovered(path, ref, expected, networkx_only)
    except CheckError as e:
        print(f"check_formats ({readers}): FAIL: {e}", file=sys.stderr)
        return 1
    if expect_file:
        days = {(l["source"], l["relation"], l["target"]): [l.get("first_seen"), l.get("last_seen")]
                for l in data["links"]}
        with open(expect_file, "w", encoding="utf-8") as f:
            json.dump({"nodes": ref.counts[0], "types": ref.types,
                       "colours": {n: "#%02X%02X%02X" % c for n, c in ref.colours.items()},
                       "edges": [[s, r, t, w, (s, r, t) in ref.undirected] + days[(s, r, t)]
                                 for (s, r, t), w in sorted(ref.edges.items())],
                       "parallel": ref.parallel, "discovered": sorted(discovered)}, f, ensure_ascii=False)
    print(f"check_formats ({readers}): {ref.counts[0]} nodes ({len(discovered)} discovered), {ref.counts[1]} edges "
          f"({len(ref.undirected)} undirected, {ref.parallel} parallel){', dated' if dated else ''}: GraphML, GEXF, "
          "JSON, cyjs and TSV agree with the DOT")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
