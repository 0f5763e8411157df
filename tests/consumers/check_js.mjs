// Loads relgraph's exports, as they are, in the JavaScript readers people
// open them with, at the versions package-lock.json pins: graphology with
// graphology-gexf and graphology-graphml (the parsers Gephi Lite uses) and
// Cytoscape.js (headless), and checks that they see the graph the DOT holds.
//
// Usage: node check_js.mjs OUTDIR EXPECT.json
//
// OUTDIR as for check_formats.py (relgraph.{graphml,gexf,cyjs} and
// mixed/relgraph.{graphml,gexf} built with --symmetric undirected);
// EXPECT.json is what check_formats.py --expect wrote from the DOT. Checked
// per reader: nodes, edges, edges that join the same two actors as another
// (parallel), undirected edges, every edge's relation and weight (a
// number), every node's type and colour, the days of a dated corpus.
// Exits 1 naming the failed check.
import fs from "node:fs";
import path from "node:path";

import graphology from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";
import cytoscape from "cytoscape";

const [outdir, expectPath] = process.argv.slice(2);
if (!outdir || !expectPath) {
  console.error("usage: node check_js.mjs OUTDIR EXPECT.json");
  process.exit(2);
}
const want = JSON.parse(fs.readFileSync(expectPath, "utf8"));
const read = (...parts) => fs.readFileSync(path.join(outdir, ...parts), "utf8");

class CheckError extends Error {}
function expect(condition, message) {
  if (!condition) throw new CheckError(message);
}

const key = (s, r, t) => JSON.stringify([s, r, t]);
const wantEdges = new Map(want.edges.map(([s, r, t, w, u, first, last]) => [key(s, r, t), {w, u, first, last}]));
const wantUndirected = want.edges.filter((e) => e[4]).length;
const dated = want.edges.some((e) => e[5]);

// "#RRGGBB" of what a reader gives: "#rrggbb" or "rgba(r,g,b,a)".
function hex(colour) {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!m) return String(colour).toUpperCase();
  return "#" + m.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, "0")).join("").toUpperCase();
}

// Edges that join the same two actors as another edge.
function parallelCount(pairs) {
  const count = new Map();
  for (const p of pairs) count.set(p, (count.get(p) || 0) + 1);
  return pairs.filter((p) => count.get(p) > 1).length;
}

// What a graphology graph holds, checked against the DOT. undirected: how
// many undirected edges this reader is expected to see.
function checkGraphology(what, graph, undirected) {
  expect(graph.order === want.nodes && graph.size === want.edges.length,
    `${what}: ${graph.order} nodes, ${graph.size} edges; DOT: ${want.nodes}, ${want.edges.length}`);
  expect(graph.undirectedSize === undirected, `${what}: ${graph.undirectedSize} undirected edges, expected ${undirected}`);
  const name = (n) => graph.getNodeAttribute(n, "label");
  const pairs = [];
  graph.forEachEdge((e, a, s, t, sa, ta, isUndirected) => {
    const k = key(name(s), a.relation, name(t));
    const w = wantEdges.get(k);
    expect(w, `${what}: edge ${k} is not in the DOT`);
    expect(typeof a.weight === "number" && a.weight === w.w, `${what}: ${k} weight ${JSON.stringify(a.weight)}, DOT ${w.w}`);
    expect(a.label === a.relation, `${what}: ${k} label ${a.label}`);
    if (undirected) expect(isUndirected === w.u, `${what}: ${k} undirected=${isUndirected}`);
    if (dated) expect(a.first_seen === w.first && a.last_seen === w.last, `${what}: ${k} days ${a.first_seen}..${a.last_seen}`);
    pairs.push([name(s), name(t)].sort().join("\u0000"));
  });
  expect(parallelCount(pairs) === want.parallel, `${what}: ${parallelCount(pairs)} parallel edges, DOT ${want.parallel}`);
  graph.forEachNode((n, a) => {
    expect(a.type === want.types[a.label], `${what}: ${a.label} has type ${a.type}, DOT ${want.types[a.label]}`);
    expect(hex(a.color) === want.colours[a.label], `${what}: ${a.label} colour ${a.color}, DOT ${want.colours[a.label]}`);
  });
}

const seen = [];
try {
  const {MultiGraph} = graphology;
  // GEXF: every edge directed by default, a mixed graph with --symmetric undirected.
  checkGraphology("GEXF (graphology-gexf)", gexf.parse(MultiGraph, read("relgraph.gexf")), 0);
  checkGraphology("mixed GEXF (graphology-gexf)", gexf.parse(MultiGraph, read("mixed", "relgraph.gexf")), wantUndirected);
  checkGraphology("GraphML (graphology-graphml)", graphml.parse(MultiGraph, read("relgraph.graphml")), 0);
  // graphology-graphml honours an edge's directed="true" in an undirected
  // graph only, never directed="false": the mixed GraphML reads as directed.
  checkGraphology("mixed GraphML (graphology-graphml)", graphml.parse(MultiGraph, read("mixed", "relgraph.graphml")), 0);
  seen.push(`graphology: GEXF ${wantUndirected} undirected with --symmetric undirected, GraphML directed`);

  // Cytoscape.js: the elements of the .cyjs, as cytoscape() takes them.
  const doc = JSON.parse(read("relgraph.cyjs"));
  const cy = cytoscape({headless: true, elements: doc.elements});
  expect(cy.nodes().length === want.nodes && cy.edges().length === want.edges.length,
    `Cytoscape.js: ${cy.nodes().length} nodes, ${cy.edges().length} edges; DOT: ${want.nodes}, ${want.edges.length}`);
  let undirected = 0;
  const pairs = [];
  cy.edges().forEach((e) => {
    const k = key(e.source().data("name"), e.data("relation"), e.target().data("name"));
    const w = wantEdges.get(k);
    expect(w, `Cytoscape.js: edge ${k} is not in the DOT`);
    expect(typeof e.data("weight") === "number" && e.data("weight") === w.w, `Cytoscape.js: ${k} weight ${e.data("weight")}`);
    expect(e.data("directed") === !w.u, `Cytoscape.js: ${k} directed=${e.data("directed")}`);
    expect(e.data("interaction") === e.data("relation"), `Cytoscape.js: ${k} interaction ${e.data("interaction")}`);
    if (dated) expect(e.data("first_seen") === w.first && e.data("last_seen") === w.last, `Cytoscape.js: ${k} days`);
    undirected += e.data("directed") === false;
    pairs.push([e.source().id(), e.target().id()].sort().join("\u0000"));
  });
  expect(undirected === wantUndirected, `Cytoscape.js: ${undirected} undirected edges, DOT ${wantUndirected}`);
  expect(parallelCount(pairs) === want.parallel, `Cytoscape.js: ${parallelCount(pairs)} parallel edges, DOT ${want.parallel}`);
  cy.nodes().forEach((n) => {
    const name = n.data("name");
    expect(n.data("type") === want.types[name], `Cytoscape.js: ${name} type ${n.data("type")}`);
    expect(n.data("color") === want.colours[name], `Cytoscape.js: ${name} colour ${n.data("color")}`);
  });
  const discovered = cy.nodes().filter((n) => n.data("discovered") === true).map((n) => n.id()).sort();
  expect(JSON.stringify(discovered) === JSON.stringify(want.discovered), `Cytoscape.js: discovered ${discovered}`);
  seen.push(`Cytoscape.js ${cytoscape.version || ""}: ${undirected} undirected`.replace("  ", " "));
} catch (e) {
  if (!(e instanceof CheckError)) throw e;
  console.error(`check_js: FAIL: ${e.message}`);
  process.exit(1);
}
console.log(`check_js: ${want.nodes} nodes, ${want.edges.length} edges (${want.parallel} parallel)${dated ? ", dated" : ""}: ${seen.join("; ")}`);
