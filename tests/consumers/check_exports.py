#!/usr/bin/python3
"""Checks relgraph's exports with the tools people will open them with.

Usage: /usr/bin/python3 check_exports.py OUTDIR [DISCOVERED...]

OUTDIR holds relgraph.dot, relgraph.svg and relgraph.graphml from one run.
The script
  1. renders the DOT with Graphviz (`dot -Tsvg`) and counts its nodes and
     edges with Graphviz's own `gc`, which reads it with cgraph (parallel
     edges included);
  2. parses both SVGs (ours and Graphviz's re-rendering) as XML;
  3. loads the GraphML with NetworkX (as a MultiDiGraph) and with igraph and
     requires the same node and edge counts as the DOT, and the same edges
     (relation, weight) from both readers;
  4. spot-checks attributes: every edge has a relation and a positive
     weight, every node a type and a label, edge ids are unique;
  5. finds the same discovered nodes in both SVGs (class "discovered", a
     dashed outline, a "discovered:" tooltip line), in NetworkX and in
     igraph (the GraphML key "discovered"), and each DISCOVERED name given
     among them.

Run it with Debian's /usr/bin/python3, which has python3-networkx and
python3-igraph. Exits 1 with a message naming the failed check.
"""

import collections
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
SVG_NS = "{http://www.w3.org/2000/svg}"
NODE_TYPES = {"state", "official", "institution", "unknown"}


class CheckError(Exception):
    pass


def fail(message):
    raise CheckError(message)


def run(argv, what):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        fail(f"{what}: {argv[0]} is not installed")
    except subprocess.TimeoutExpired:
        fail(f"{what}: {argv[0]} timed out")
    if result.returncode != 0:
        fail(f"{what}: {' '.join(argv)} exited {result.returncode}: {result.stderr.strip()}")
    if result.stderr.strip():
        print(f"check_exports: {what}: {result.stderr.strip()}", file=sys.stderr)
    return result.stdout


def dot_counts(dot_path):
    """(nodes, edges) of the DOT as cgraph reads it."""
    out = run(["gc", "-n", "-e", dot_path], "gc")
    match = re.match(r"\s*(\d+)\s+(\d+)\s", out)
    if not match:
        fail(f"gc: unexpected output {out!r}")
    return int(match.group(1)), int(match.group(2))


def dot_layout(dot_path):
    with open(dot_path, encoding="utf-8") as f:
        match = re.search(r"\blayout=\"?(\w+)", f.read())
    return match.group(1) if match else "dot"


def parse_svg(path, what):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f"{what}: not well-formed XML: {e}")
    if root.tag != SVG_NS + "svg":
        fail(f"{what}: root element is {root.tag}, not svg")
    return root


def svg_groups(root, cls):
    return [g for g in root.iter(SVG_NS + "g") if cls in g.get("class", "").split()]


def check_svg(path, nodes, edges, layout, what):
    root = parse_svg(path, what)
    n = len(svg_groups(root, "node"))
    e = len(svg_groups(root, "edge"))
    if n != nodes:
        fail(f"{what}: {n} node groups, the DOT has {nodes} nodes")
    # patchwork draws no edges; every other engine draws each one.
    if e != edges and not (layout == "patchwork" and e == 0):
        fail(f"{what}: {e} edge groups, the DOT has {edges} edges")
    ids = [g.get("id") for g in svg_groups(root, "edge")]
    if len(set(ids)) != len(ids):
        fail(f"{what}: edge ids are not unique")


def check_graphml_xml(path, nodes, edges):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f"GraphML: not well-formed XML: {e}")
    edge_ids = [e.get("id") for e in root.iter(GRAPHML_NS + "edge")]
    if None in edge_ids or len(set(edge_ids)) != len(edge_ids):
        fail("GraphML: every edge needs an id, unique in the file (Gephi drops duplicates)")
    key_ids = [k.get("id") for k in root.iter(GRAPHML_NS + "key")]
    if len(set(key_ids)) != len(key_ids):
        fail("GraphML: key ids are not unique")
    for k in root.iter(GRAPHML_NS + "key"):
        if (k.get("for"), k.get("id")) in (("node", "d3"), ("edge", "d7")):
            fail(f"GraphML: key id {k.get('id')} would become the label in Gephi")


def load_networkx(path):
    import networkx as nx
    g = nx.read_graphml(path, force_multigraph=True)
    if not isinstance(g, nx.MultiDiGraph):
        fail(f"NetworkX: read a {type(g).__name__}, expected a directed multigraph")
    nodes = {n: d for n, d in g.nodes(data=True)}
    edges = [(u, v, d) for u, v, _, d in g.edges(keys=True, data=True)]
    return nodes, edges


def load_igraph(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        fail("igraph: read an undirected graph")
    ids = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]
    nodes = {ids[v.index]: v.attributes() for v in g.vs}
    edges = [(ids[e.source], ids[e.target], e.attributes()) for e in g.es]
    return nodes, edges


def edge_summary(edges):
    """Multiset of (source, target, relation, weight), comparable across readers."""
    return collections.Counter((u, v, d.get("relation"), float(d.get("weight") or 0)) for u, v, d in edges)


def spot_check(reader, nodes, edges):
    for name, data in nodes.items():
        if data.get("type") not in NODE_TYPES:
            fail(f"{reader}: node {name} has type {data.get('type')!r}")
        if data.get("label") is None:
            fail(f"{reader}: node {name} has no label")
    for u, v, data in edges:
        if not data.get("relation"):
            fail(f"{reader}: edge {u} -> {v} has no relation")
        weight = data.get("weight")
        if weight is None or not float(weight) > 0:
            fail(f"{reader}: edge {u} -> {v} ({data.get('relation')}) has weight {weight!r}")


def svg_discovered(path, what):
    """Titles of the node groups of class discovered, each checked for a
    dashed outline and a tooltip line."""
    names = set()
    for g in svg_groups(parse_svg(path, what), "discovered"):
        title = g.find(SVG_NS + "title").text
        if "node" not in g.get("class").split():
            fail(f"{what}: {title}: class discovered on a group that is not a node")
        if not any(e.get("stroke-dasharray") for e in g.iter() if e.tag in (SVG_NS + "ellipse", SVG_NS + "polygon",
                                                                           SVG_NS + "path")):
            fail(f"{what}: discovered node {title} has no dashed outline")
        tips = [a.get("{http://www.w3.org/1999/xlink}title", "") for a in g.iter(SVG_NS + "a")]
        if not any("\ndiscovered: " in t for t in tips):
            fail(f"{what}: discovered node {title}: no discovered line in its tooltip {tips!r}")
        names.add(title)
    return names


def check_discovered(paths, rendered, nx_nodes, ig_nodes, expected):
    seen = {
        "relgraph.svg": svg_discovered(paths["svg"], "relgraph.svg"),
        "dot -Tsvg": svg_discovered(rendered, "SVG rendered from the DOT by dot -Tsvg"),
        "NetworkX": {d["label"] for d in nx_nodes.values() if d.get("discovered") is True},
        "igraph": {d["label"] for d in ig_nodes.values() if d.get("discovered") is True},
    }
    if any(not isinstance(d.get("discovered"), bool) for d in ig_nodes.values()):
        fail("igraph: discovered is not a boolean on every node (the GraphML key's default is false)")
    first = seen["NetworkX"]
    for reader, names in seen.items():
        if names != first:
            fail(f"{reader}: discovered nodes {sorted(names)}, NetworkX reads {sorted(first)}")
    for name in expected:
        if name not in first:
            fail(f"{name} is not discovered (discovered: {sorted(first)})")
    return first


def check(outdir, expected=()):
    paths = {ext: os.path.join(outdir, f"relgraph.{ext}") for ext in ("dot", "svg", "graphml")}
    for ext, path in paths.items():
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            fail(f"{path}: missing or empty")

    nodes, edges = dot_counts(paths["dot"])
    layout = dot_layout(paths["dot"])
    with tempfile.TemporaryDirectory() as tmp:
        rendered = os.path.join(tmp, "rendered.svg")
        run(["dot", "-Tsvg", paths["dot"], "-o", rendered], "dot -Tsvg")
        check_svg(rendered, nodes, edges, layout, "SVG rendered from the DOT by dot -Tsvg")
        check_svg(paths["svg"], nodes, edges, layout, "relgraph.svg")

        check_graphml_xml(paths["graphml"], nodes, edges)
        nx_nodes, nx_edges = load_networkx(paths["graphml"])
        ig_nodes, ig_edges = load_igraph(paths["graphml"])
        for reader, n, e in (("NetworkX", nx_nodes, nx_edges), ("igraph", ig_nodes, ig_edges)):
            if len(n) != nodes or len(e) != edges:
                fail(f"{reader}: {len(n)} nodes and {len(e)} edges, the DOT has {nodes} and {edges}")
            spot_check(reader, n, e)
        if edge_summary(nx_edges) != edge_summary(ig_edges):
            fail("NetworkX and igraph read different edges from the GraphML")
        discovered = check_discovered(paths, rendered, nx_nodes, ig_nodes, expected)
    return nodes, edges, layout, discovered


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        nodes, edges, layout, discovered = check(argv[1], argv[2:])
    except CheckError as e:
        print(f"check_exports: FAIL: {e}", file=sys.stderr)
        return 1
    except ImportError as e:
        print(f"check_exports: FAIL: {e} (run with /usr/bin/python3)", file=sys.stderr)
        return 1
    print(f"check_exports: OK: {nodes} nodes ({len(discovered)} discovered), {edges} edges (layout {layout}); "
          "DOT, SVG and GraphML agree in Graphviz, NetworkX and igraph")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
