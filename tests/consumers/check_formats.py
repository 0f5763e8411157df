#!/usr/bin/python3
"""Loads every relgraph export in the tool its users open it with, and
checks that all formats describe the same graph.

Usage: /usr/bin/python3 check_formats.py OUTDIR SCHEMADIR [DISCOVERED...]

OUTDIR holds relgraph.{dot,graphml,gexf,json,tsv} from one run. Checks:
  - GraphML validates against the GraphML 1.0 schema (SCHEMADIR/graphml.xsd,
    with xmllint), loads in NetworkX as a MultiDiGraph and in igraph;
  - GEXF 1.3 loads in NetworkX (read_gexf);
  - JSON loads with Python's json and NetworkX's node_link_graph;
  - TSV has the header source, relation, target, weight, documents;
  - every format has the node and edge counts of the DOT (Graphviz `gc`),
    and the same (source, relation, target) -> weight for every edge as the
    DOT read back by Graphviz (`dot -Tjson`: edge label and tooltip);
  - node colours agree between the DOT fill, GraphML (r, g, b), GEXF
    (viz:color) and JSON;
  - every format marks the same nodes discovered (GraphML and GEXF: a
    boolean declared with default false, true on those nodes, which igraph
    reads as True/False on every node; JSON: "discovered": true; DOT:
    discovered=true and a dashed outline), and each DISCOVERED name given
    is among them.

Run it with Debian's /usr/bin/python3 (python3-networkx, python3-igraph).
Exits 1 with a message naming the failed check.
"""

import json
import os
import re
import subprocess
import sys

import igraph
import networkx as nx
from networkx.readwrite import gexf as nx_gexf


class CheckError(Exception):
    pass


def fail(message):
    raise CheckError(message)


def run(argv, what):
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        fail(f"{what}: {' '.join(argv)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def dot_counts(path):
    match = re.match(r"\s*(\d+)\s+(\d+)\s", run(["gc", "-n", "-e", path], "gc"))
    if not match:
        fail("gc: unexpected output")
    return int(match.group(1)), int(match.group(2))


def dot_edges(path):
    """(source, relation, target) -> weight as Graphviz reads the DOT: the
    edge label is the relation and the tooltip starts "S R T (weight W)";
    also the node fill colours as (r, g, b)."""
    data = json.loads(run(["dot", "-Tjson", path], "dot -Tjson"))
    names = {o["_gvid"]: o["name"] for o in data["objects"]}
    edges = {}
    for e in data.get("edges", []):
        match = re.search(r"\(weight (\d+)\)", e["tooltip"])
        expect(match, f"DOT edge without a weight in its tooltip: {e['tooltip'][:80]}")
        edges[(names[e["tail"]], e["label"], names[e["head"]])] = int(match.group(1))
    colours = {}
    for o in data["objects"]:
        c = o["fillcolor"]
        colours[o["name"]] = (int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16))
    return edges, colours


def expect(condition, message):
    if not condition:
        fail(message)


def edges_of_networkx(g, relation_key="relation"):
    """(source label, relation, target label) -> weight."""
    out = {}
    for u, v, data in g.edges(data=True):
        key = (g.nodes[u].get("label", u), data[relation_key], g.nodes[v].get("label", v))
        expect(key not in out, f"duplicate edge {key}")
        out[key] = int(float(data["weight"]))
    return out


def check_graphml(path, schema_dir, counts):
    run(["xmllint", "--noout", "--nonet", "--schema", os.path.join(schema_dir, "graphml.xsd"), path],
        "xmllint --schema graphml.xsd")
    g = nx.read_graphml(path, force_multigraph=True)
    expect(isinstance(g, nx.MultiDiGraph), f"NetworkX read {type(g).__name__}, not a MultiDiGraph")
    expect((g.number_of_nodes(), g.number_of_edges()) == counts,
           f"GraphML in NetworkX: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {counts}")
    ig = igraph.Graph.Read_GraphML(path)
    expect((ig.vcount(), ig.ecount()) == counts, f"GraphML in igraph: {ig.vcount()}, {ig.ecount()}; DOT: {counts}")
    edges = edges_of_networkx(g)
    ig_edges = {(ig.vs[e.source]["label"], e["relation"], ig.vs[e.target]["label"]): int(e["weight"]) for e in ig.es}
    expect(ig_edges == edges, "igraph and NetworkX read different edges from the GraphML")
    colours = {d["label"]: (int(d["r"]), int(d["g"]), int(d["b"])) for _, d in g.nodes(data=True)}
    for n, d in g.nodes(data=True):
        expect(int(d["degree"]) == g.degree(n), f"GraphML degree of {d['label']} is {d['degree']}, not {g.degree(n)}")
    return edges, colours


def has_parallel_edges(edges):
    """Whether two edges join the same (source, target): (source, relation, target) keys."""
    pairs = [(s, t) for s, _, t in edges]
    return len(pairs) != len(set(pairs))


def register_gexf_13():
    """NetworkX 2.8 knows GEXF up to 1.2draft. For what relgraph writes, 1.3
    differs only in its namespaces (NetworkX 3 adds exactly this entry)."""
    if "1.3" not in nx_gexf.GEXF.versions:
        v = dict(nx_gexf.GEXF.versions["1.2draft"])
        v.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
                 SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", VERSION="1.3")
        nx_gexf.GEXF.versions["1.3"] = v


def check_gexf(path, counts, dot_parallel):
    register_gexf_13()
    g = nx.read_gexf(path, version="1.3")
    # A MultiDiGraph when some pair has parallel edges; NetworkX reads a
    # GEXF without any (a small corpus) as a DiGraph.
    expect(g.is_directed() and (g.is_multigraph() or not dot_parallel),
           f"GEXF read as {type(g).__name__}")
    expect((g.number_of_nodes(), g.number_of_edges()) == counts,
           f"GEXF: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {counts}")
    colours = {}
    for _, d in g.nodes(data=True):
        c = d["viz"]["color"]
        colours[d["label"]] = (c["r"], c["g"], c["b"])
        expect(d["viz"]["size"] > 0, "GEXF node without a size")
    return edges_of_networkx(g), colours


def check_json(path, counts):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data)
    expect(isinstance(g, nx.MultiDiGraph), f"JSON node-link read as {type(g).__name__}")
    expect((g.number_of_nodes(), g.number_of_edges()) == counts,
           f"JSON: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; DOT: {counts}")
    ids = [link["id"] for link in data["links"]]
    expect(len(ids) == len(set(ids)), "JSON link ids are not unique")
    colours = {}
    for n in data["nodes"]:
        c = n["color"]
        colours[n["id"]] = (int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16))
    return edges_of_networkx(g), colours


def check_tsv(path, counts):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    expect(lines[0] == "source\trelation\ttarget\tweight\tdocuments", f"TSV header: {lines[0]!r}")
    rows = [line.split("\t") for line in lines[1:]]
    expect(len(rows) == counts[1], f"TSV: {len(rows)} rows, DOT: {counts[1]} edges")
    expect(all(len(r) == 5 for r in rows), "TSV rows must have 5 fields")
    return {(r[0], r[1], r[2]): int(r[3]) for r in rows}


def check_discovered(path, expected):
    """The discovered nodes, by name, as every format's reader sees them."""
    seen = {}
    g = nx.read_graphml(path["graphml"], force_multigraph=True)
    expect(g.graph.get("node_default") == {"discovered": False},
           f"GraphML node defaults: {g.graph.get('node_default')!r}, not discovered = false")
    for _, d in g.nodes(data=True):
        expect(d.get("discovered", True) is True, f"GraphML: {d['label']} has discovered={d.get('discovered')!r}")
    seen["GraphML (NetworkX)"] = {d["label"] for _, d in g.nodes(data=True) if "discovered" in d}
    ig = igraph.Graph.Read_GraphML(path["graphml"])
    expect("discovered" in ig.vs.attributes(), "igraph: no discovered attribute")
    expect(all(isinstance(v, bool) for v in ig.vs["discovered"]), "igraph: discovered is not boolean on every node")
    seen["GraphML (igraph)"] = {v["label"] for v in ig.vs if v["discovered"]}
    gx = nx.read_gexf(path["gexf"], version="1.3")
    expect(gx.graph.get("node_default") == {"discovered": False},
           f"GEXF node defaults: {gx.graph.get('node_default')!r}, not discovered = false")
    for _, d in gx.nodes(data=True):
        expect(d.get("discovered", True) is True, f"GEXF: {d['label']} has discovered={d.get('discovered')!r}")
    seen["GEXF"] = {d["label"] for _, d in gx.nodes(data=True) if "discovered" in d}
    with open(path["json"], encoding="utf-8") as f:
        nodes = json.load(f)["nodes"]
    for n in nodes:
        expect(n.get("discovered", True) is True, f"JSON: {n['id']} has discovered={n.get('discovered')!r}")
    seen["JSON"] = {n["id"] for n in nodes if "discovered" in n}
    data = json.loads(run(["dot", "-Tjson", path["dot"]], "dot -Tjson"))
    objects = [o for o in data["objects"] if "nodes" not in o]  # nodes, not the graph's clusters
    for o in objects:
        # A dashed outline marks a discovered node (nodes of unknown type,
        # grey, are dashed anyway).
        dashed = "dashed" in o.get("style", "").split(",")
        if o.get("discovered") == "true" or o.get("fillcolor") != "#DDDDDD":
            expect(dashed == (o.get("discovered") == "true"),
                   f"DOT: {o['name']}: discovered={o.get('discovered')!r} but style {o.get('style')!r}")
    seen["DOT"] = {o["name"] for o in objects if o.get("discovered") == "true"}
    first = seen["JSON"]
    for reader, names in seen.items():
        expect(names == first, f"{reader} has discovered {sorted(names)}, JSON {sorted(first)}")
    for name in expected:
        expect(name in first, f"{name} is not discovered (discovered: {sorted(first)})")
    return first


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    outdir, schema_dir, expected = sys.argv[1], sys.argv[2], sys.argv[3:]
    path = {ext: os.path.join(outdir, f"relgraph.{ext}") for ext in ("dot", "graphml", "gexf", "json", "tsv")}
    try:
        counts = dot_counts(path["dot"])
        expect(counts[1] > 0, "the graph has no edges")
        graphml_edges, graphml_colours = check_graphml(path["graphml"], schema_dir, counts)
        gexf_edges, gexf_colours = check_gexf(path["gexf"], counts, has_parallel_edges(graphml_edges))
        json_edges, json_colours = check_json(path["json"], counts)
        tsv_edges = check_tsv(path["tsv"], counts)
        expect(gexf_edges == graphml_edges, "GEXF and GraphML have different edges or weights")
        expect(json_edges == graphml_edges, "JSON and GraphML have different edges or weights")
        expect(tsv_edges == graphml_edges, "TSV and GraphML have different edges or weights")
        expect(gexf_colours == graphml_colours == json_colours, "node colours differ between formats")
        d_edges, d_colours = dot_edges(path["dot"])
        expect(d_edges == graphml_edges, "the DOT (labels, tooltip weights) and GraphML have different edges")
        expect(d_colours == graphml_colours, "the DOT fill colours and GraphML r/g/b differ")
        discovered = check_discovered(path, expected)
    except CheckError as e:
        print(f"check_formats: FAIL: {e}", file=sys.stderr)
        return 1
    print(f"check_formats: {counts[0]} nodes ({len(discovered)} discovered), {counts[1]} edges: GraphML (schema, "
          "NetworkX, igraph), GEXF (NetworkX), JSON (json, NetworkX) and TSV agree with the DOT")
    return 0


if __name__ == "__main__":
    sys.exit(main())
