#!/usr/bin/env bash
# Hostile content: actor names and evidence sentences with quotes,
# backslashes (one at the end of a name too), < > & ' ]]>, text shaped like
# XML references (&amp; &#0; &#x1b; &;), javascript: URLs, <script>,
# control characters and very long tokens must still give valid DOT (read
# back by Graphviz), XML (SVG, schema-valid GraphML, GEXF), JSON and TSV,
# with the names intact; the SVG carries no script and no javascript: URL.
#
# What an actor name can hold is set by the .actors format (rules/README.md):
# one line, so no line break; tabs and runs of blanks fold to one space;
# " #" starts a comment; leading and trailing blanks (form feed included)
# are trimmed; and it needs one word to be matched in text. Everything else
# goes in names here, control characters included (\x01, ESC, DEL and a form
# feed inside a name); line breaks, tabs and a 100 KB token go in the
# evidence. Whitespace in evidence is folded to spaces by the extractor, so
# a raw form feed or tab never reaches an output from there. Sentences are
# cut at 16 KiB (RELGRAPH_SENTENCE_MAX_BYTES), so a name must be shorter to
# be found at all, and the evidence of the 100 KB token holds its first
# part: the long names here are 12 KB. (Longer runs, which Graphviz's DOT
# reader refuses unless broken, are tested in tests/unit/test_export.c.)
#
# Env: RELGRAPH (binary), RELGRAPH_SRC (source tree), PYTHON (Debian's
# /usr/bin/python3, with networkx).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}
failed=0
bad() { echo "FAIL: $*"; failed=1; }

# ---- Fixture: rules, corpus and the expected graph (expect.json) ---------
"$PYTHON" - "$tmp" <<'PY' || fail "cannot write the fixture"
import json, os, sys

tmp = sys.argv[1]
long_word = "L" * 12000                # one name token of 12 KB (a quoted DOT id)
bare_word = "W" * 12000                # a name that is one 12 KB word (unquoted in DOT)
token = "x" * 100000                   # a 100 KB token in evidence
cjk = "\u5317\u4eac" * 20000           # 120 KB of UTF-8 without a break

Q = 'Quote "Alpha" Bureau'
B = "Back\\Slash \\N \\l Ministry"     # backslashes, Graphviz escapes \N \l
T = "Trailing Slash Ministry\\"        # ends in a backslash
L = "Less < Greater > Agency"
A = "Bread & Salt Council"
C = "Cdata ]]> Office"
O = "O'Neill Group"
J = "javascript:alert(1) Front"
S = "<script>alert(2)</script> Party"
E = "Entity &amp; &#0; &#x1b; &; Desk"  # text that looks like XML references
K = "Ctrl\x01Esc\x1bDel\x7fFeed\x0c Office"
V = "Very Long " + long_word + " Union"
W = bare_word
P = "%Percent Office"                  # cgraph's prefix for its own ids
names = [Q, B, T, L, A, C, O, J, S, E, K, V, W, P]

rules = os.path.join(tmp, "rules")
os.makedirs(os.path.join(rules, "actors"))
os.makedirs(os.path.join(rules, "relations"))
with open(os.path.join(rules, "actors", "hostile.actors"), "w", encoding="utf-8") as f:
    for n in names:
        f.write(f"actor {n}  institution\n")
with open(os.path.join(rules, "relations", "00-common.rules"), "w", encoding="utf-8") as f:
    f.write("vocabulary visit | meet | cooperate | support | arms | trade | criticize | sanction"
            " | veto | pressure | invite | member_of\n")
with open(os.path.join(rules, "relations", "hostile.rules"), "w", encoding="utf-8") as f:
    f.write("relation meet symmetric cooperative\n  {src} met [with] {dst}\n"
            "relation criticize directed conflictual\n  {src} criticized {dst}\n")

# Each sentence gives one edge; what follows the match is hostile evidence.
sentences = [
    (Q, "meet", B, f'{Q} met {B}, quoting "it\'s \\"fine\\"" and C:\\temp\\ and <b>bold</b> & more ]]> end.'),
    (L, "criticize", T, f"{L} criticized {T} over \x01 control, \x1b[31m escape, \x7f delete, "
                        f"\x0c form feed, \x08 backspace,\ttab and\r\nline breaks."),
    (A, "meet", C, f"{A} met {C} at <![CDATA[ x ]]> with &amp; &lt; &#0; &#x1b; &; and &bogus; on the table."),
    (O, "criticize", J, f"{O} criticized {J}, whose flyer said javascript:alert(document.cookie), "
                        f"JAVASCRIPT:void(0), JavaScript:x and <script>alert(3)</script> "
                        f"<img src=x onerror=alert(4)> <a href=\"javascript:alert(5)\">here</a>."),
    (S, "meet", K, f"{S} met {K} after a token of 100 KB: {token} was read."),
    (E, "meet", V, f"{E} met {V}, with a path ending in a backslash \\"),
    (A, "criticize", L, f"{A} criticized {L}: {cjk}"),
    (W, "criticize", Q, f"{W} criticized {Q}."),
    (B, "criticize", J, f"{B} criticized {J} in ]]]]><![CDATA[> and \\\" and \\\\ and '' marks."),
    (P, "meet", O, f"{P} met {O}."),
]
os.makedirs(os.path.join(tmp, "corpus"))
with open(os.path.join(tmp, "corpus", "news.txt"), "w", encoding="utf-8") as f:
    f.write("\n\n".join(s for _, _, _, s in sentences) + "\n")
# A document whose file name is hostile too: document ids reach tooltips,
# GraphML, GEXF, JSON and the TSV documents column.
doc = 'doc "q" <&> \'s \\ ]]> javascript:x &#0; \x1b end'
with open(os.path.join(tmp, "corpus", doc + ".txt"), "w", encoding="utf-8") as f:
    f.write(f"{C} criticized {S}.\n")
sentences.append((C, "criticize", S, ""))

with open(os.path.join(tmp, "expect.json"), "w", encoding="utf-8") as f:
    json.dump({"names": names, "edges": [[s, r, t] for s, r, t, _ in sentences]}, f)
PY

title='Title "\ <script>alert(6)</script> & &#0; ]]> javascript:alert(7)\'
out="$tmp/out"
# At the natural size (--page none): every actor and relation drawn, each
# name on one line, for the checks below. The page-fitted figure (long
# names on two lines, the strongest relations) must be well-formed too.
"$RELGRAPH" build -q --no-cache -T svg,pdf --title "$title" -o "$tmp/page" \
  --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err" || fail "page-fitted build: $(head -c 2000 "$tmp/err")"
xmllint --noout --nonet "$tmp/page/relgraph.svg" || fail "page-fitted SVG is not well-formed"
"$RELGRAPH" build -q --no-cache --page none -T dot,svg,graphml,gexf,json,tsv --title "$title" -o "$out" \
  --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err"
status=$?
[ "$status" -eq 0 ] || fail "build exit $status: $(head -c 2000 "$tmp/err")"
for ext in dot svg graphml gexf json tsv; do
  [ -s "$out/relgraph.$ext" ] || fail "relgraph.$ext missing or empty"
done

# ---- Graphviz reads the DOT ----------------------------------------------
dot -Tcanon "$out/relgraph.dot" > /dev/null 2> "$tmp/canon.err" \
  || bad "dot -Tcanon cannot read relgraph.dot: $(head -c 500 "$tmp/canon.err")"
dot -Tsvg "$out/relgraph.dot" > "$tmp/redrawn.svg" 2> "$tmp/redrawn.err" \
  || bad "dot -Tsvg cannot draw relgraph.dot: $(head -c 500 "$tmp/redrawn.err")"
xmllint --noout --nonet "$tmp/redrawn.svg" 2> /dev/null || bad "dot -Tsvg of relgraph.dot is not well-formed XML"
dot -Tjson "$out/relgraph.dot" > "$tmp/dot.json" 2> /dev/null || bad "dot -Tjson cannot read relgraph.dot"

# ---- XML: well-formed, GraphML schema-valid ------------------------------
for ext in svg graphml gexf; do
  xmllint --noout --nonet "$out/relgraph.$ext" 2> "$tmp/xmllint.err" \
    || bad "relgraph.$ext is not well-formed XML: $(head -c 500 "$tmp/xmllint.err")"
done
xmllint --noout --nonet --schema "$RELGRAPH_SRC/tests/data/schemas/graphml.xsd" "$out/relgraph.graphml" \
  2> "$tmp/schema.err" || bad "relgraph.graphml is not schema-valid: $(head -c 500 "$tmp/schema.err")"

# ---- SVG: no script, no javascript: URL ----------------------------------
grep -q -i 'javascript:' "$out/relgraph.svg" && bad "relgraph.svg contains javascript: ($(grep -c -i 'javascript:' "$out/relgraph.svg") lines)"
grep -q -i '<script' "$out/relgraph.svg" && bad "relgraph.svg contains a <script element"

# ---- Content: names read back in every consumer --------------------------
"$PYTHON" - "$tmp" "$out" "$title" <<'PY' || failed=1
import json, os, re, sys
import xml.etree.ElementTree as ET
import networkx as nx

tmp, out, title = sys.argv[1:4]
expect = json.load(open(os.path.join(tmp, "expect.json"), encoding="utf-8"))
names = expect["names"]
# The evidence keeps the first 16 KiB of a sentence: runs this long survive.
token, cjk = "x" * 8000, "\u5317\u4eac" * 2000
edges = {tuple(e) for e in expect["edges"]}
failures = 0


def bad(message):
    global failures
    failures += 1
    print(f"FAIL: {message[:600]}")


def clean(text):
    """What XML 1.0 can carry: the C0 controls other than tab, newline and
    return (and U+FFFE, U+FFFF) become U+FFFD, as relgraph writes them."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
                   for c in text)


def short(s):
    return repr(s if len(s) < 80 else s[:60] + f"...({len(s)} chars)")


def same_names(what, got, want):
    got, want = sorted(got), sorted(want)
    if got != want:
        missing = [short(n) for n in want if n not in got]
        extra = [short(n) for n in got if n not in want]
        bad(f"{what}: names differ; missing {missing}, unexpected {extra}")


shown = [clean(n) for n in names]

# Raw bytes: no character XML 1.0 forbids, in any output.
forbidden = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
for ext in ("dot", "svg", "graphml", "gexf", "json", "tsv"):
    data = open(os.path.join(out, f"relgraph.{ext}"), "rb").read()
    m = forbidden.search(data)
    if m:
        bad(f"relgraph.{ext} holds the raw control character {m.group()!r} at byte {m.start()}")

# DOT as Graphviz reads it: every node's drawn label is its name.
try:
    drawn = json.load(open(os.path.join(tmp, "dot.json"), encoding="utf-8"))
    labels = ["".join(op["text"] for op in o.get("_ldraw_", []) if op["op"] == "T")
              for o in drawn.get("objects", [])]
    same_names("DOT node labels drawn by Graphviz", labels, shown)
    if len(drawn.get("edges", [])) != len(edges):
        bad(f"DOT: Graphviz reads {len(drawn.get('edges', []))} edges, expected {len(edges)}")
except (OSError, ValueError, KeyError) as e:
    bad(f"DOT: cannot read Graphviz's -Tjson: {e}")

# SVG: node labels are the names, tooltips show the evidence literally; no
# script element, event handler or script link.
WJ = "\u2060"  # what relgraph puts in "javascript:" in the SVG
try:
    svg = ET.parse(os.path.join(out, "relgraph.svg")).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    # The drawn label of each node. (Its <title> is the DOT id, where
    # backslashes are doubled so that the \N label shows them once.)
    labels = ["".join(t.text or "" for t in g.iter(f"{ns}text")).replace(WJ, "") for g in svg.iter(f"{ns}g")
              if g.get("class", "").split()[:1] == ["node"]]
    same_names("SVG node labels", labels, shown)
    tips = [a.get("{http://www.w3.org/1999/xlink}title", "").replace(WJ, "") for a in svg.iter(f"{ns}a")]
    for needle in ("with &amp; &lt; &#0; &#x1b; &; and &bogus; on", "<script>alert(3)</script>",
                   "]]]]><![CDATA[>", 'quoting "it\'s \\"fine\\"" and C:\\temp\\ and <b>bold</b> & more ]]> end.',
                   "javascript:alert(document.cookie)", token,
                   'doc "q" <&> \'s \\ ]]> javascript:x &#0; \ufffd end: '):
        if not any(needle in t for t in tips):
            bad(f"SVG: no tooltip shows {short(needle)} literally")
    texts = "".join(svg.itertext()).replace(WJ, "")
    if title not in texts:
        bad(f"SVG: the title {title!r} is not shown literally")
    for el in svg.iter():
        tag = el.tag.split("}")[-1].lower()
        if tag in ("script", "foreignobject", "iframe", "object", "embed", "handler"):
            bad(f"SVG: element <{tag}>")
        for k, v in el.attrib.items():
            local = k.split("}")[-1].lower()
            if local.startswith("on"):
                bad(f"SVG: event handler attribute {local}={short(v)}")
            if local in ("href", "src") and not re.match(r"(#|https?://)", v.strip()):
                bad(f"SVG: {local}={short(v)} is not a plain link")
except ET.ParseError as e:
    bad(f"SVG: {e}")

# GraphML in NetworkX: labels are the names, the evidence is intact.
try:
    g = nx.read_graphml(os.path.join(out, "relgraph.graphml"), force_multigraph=True)
    same_names("GraphML node labels (NetworkX)", [d["label"] for _, d in g.nodes(data=True)], shown)
    got = {(g.nodes[u]["label"], d["relation"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}
    want = {(clean(s), r, clean(t)) for s, r, t in edges}
    if {(s, r, t) if r != "meet" else (min(s, t), r, max(s, t)) for s, r, t in got} != \
       {(s, r, t) if r != "meet" else (min(s, t), r, max(s, t)) for s, r, t in want}:
        bad("GraphML: the edges are not the expected ones")
    evidence = "\n".join(d.get("evidence", "") for _, _, d in g.edges(data=True))
    for needle in (token, cjk, "&amp; &lt; &#0; &#x1b; &;", "]]]]><![CDATA[>"):
        if needle not in evidence:
            bad(f"GraphML: evidence lost {short(needle)}")
    if g.graph.get("title") != clean(title):
        bad(f"GraphML: title {g.graph.get('title')!r}")
except Exception as e:  # NetworkX raises many kinds on bad input
    bad(f"GraphML: NetworkX cannot read it: {type(e).__name__}: {e}")

# GEXF in NetworkX, as it is.
try:
    x = nx.read_gexf(os.path.join(out, "relgraph.gexf"))
    same_names("GEXF node labels (NetworkX)", [d["label"] for _, d in x.nodes(data=True)], shown)
    if x.number_of_edges() != len(edges):
        bad(f"GEXF: {x.number_of_edges()} edges, expected {len(edges)}")
except Exception as e:
    bad(f"GEXF: NetworkX cannot read it: {type(e).__name__}: {e}")

# JSON: the names exactly (JSON escapes control characters), the evidence intact.
try:
    j = json.load(open(os.path.join(out, "relgraph.json"), encoding="utf-8"))
    same_names("JSON node ids", [n["id"] for n in j["nodes"]], names)
    same_names("JSON node labels", [n["label"] for n in j["nodes"]], names)
    got = {(l["source"], l["relation"], l["target"]) for l in j["links"]}
    for s, r, t in edges:
        if (s, r, t) not in got and not (r == "meet" and (t, r, s) in got):
            bad(f"JSON: no link {short(s)} {r} {short(t)}")
    texts = [e["text"] for l in j["links"] for e in l["evidence"]]
    for needle in (token, cjk, "\x01 control, \x1b[31m escape, \x7f delete", "&amp; &lt; &#0; &#x1b; &;",
                   "<script>alert(3)</script>", "a path ending in a backslash \\"):
        if not any(needle in t for t in texts):
            bad(f"JSON: evidence lost {short(needle)}")
    documents = [d for l in j["links"] for d in l["documents"]]
    if not any(d.endswith('doc "q" <&> \'s \\ ]]> javascript:x &#0; \x1b end') for d in documents):
        bad(f"JSON: no hostile document id among {[short(d) for d in documents]}")
    if j["graph"].get("title") != title:
        bad(f"JSON: title {j['graph'].get('title')!r}")
except (ValueError, KeyError, TypeError) as e:
    bad(f"JSON: {type(e).__name__}: {e}")

# TSV: five fields on every line, one line per edge, the names as the other
# formats show them.
lines = open(os.path.join(out, "relgraph.tsv"), encoding="utf-8", newline="").read().split("\n")
if lines[-1] != "":
    bad("TSV: no final newline")
rows = [line.split("\t") for line in lines[:-1]]
if rows[0] != ["source", "relation", "target", "weight", "documents"]:
    bad(f"TSV header: {rows[0]!r}")
for i, r in enumerate(rows):
    if len(r) != 5:
        bad(f"TSV line {i + 1}: {len(r)} fields, not 5: {short(chr(9).join(r))}")
if len(rows) - 1 != len(edges):
    bad(f"TSV: {len(rows) - 1} rows, expected {len(edges)}")
# Its ';' ("&#0;") is percent-encoded in the ';'-separated list.
if not any(r[4] == 'doc "q" <&> \'s \\ ]]> javascript:x &#0%3B \ufffd end' for r in rows[1:]):
    bad("TSV: no row names the hostile document (ESC made U+FFFD, ';' made %3B)")
same_names("TSV sources and targets", {f for r in rows[1:] for f in (r[0], r[2])},
           {clean(n) for e in edges for n in (e[0], e[2])})

if failures:
    print(f"hostile: {failures} content check(s) failed")
sys.exit(1 if failures else 0)
PY

# The other layout engines see the same names: a name beginning with '%'
# (cgraph's prefix for its own ids) leaked cgraph's internal map under
# neato, fdp, sfdp and twopi (LeakSanitizer, in the sanitizer suite).
for engine in neato fdp; do
  "$RELGRAPH" build -q --no-cache -K "$engine" -T dot,svg -o "$tmp/out-$engine" \
    --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err-$engine" ||
    bad "-K $engine: exit $?: $(head -c 2000 "$tmp/err-$engine")"
  grep -qF '<title>%Percent Office</title>' "$tmp/out-$engine/relgraph.svg" ||
    bad "-K $engine: no node titled %Percent Office in the SVG"
done

[ "$failed" -eq 0 ] || exit 1
echo "ok: hostile names and evidence give valid DOT, SVG, GraphML, GEXF, JSON and TSV"
