#!/usr/bin/env bash
# Exports read by their real consumers: build DOT, SVG and GraphML from the
# seeds, then Graphviz, xmllint, NetworkX and igraph must all read them and
# agree; the same corpus in another order gives the same bytes.
#
# Env: RELGRAPH (binary), RELGRAPH_SRC (source tree), PYTHON (a Python with
# networkx and igraph; Debian's /usr/bin/python3), GRAPHML_XSD (optional: a
# local copy of http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd to
# validate against; the schema is not fetched from the network).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}

out="$tmp/a"
mkdir -p "$out"
"$RELGRAPH" build --keep-isolated --format dot,svg,graphml -o "$out" "$RELGRAPH_SRC/seeds" || fail "build exit $?"
for ext in dot svg graphml; do
  [ -s "$out/relgraph.$ext" ] || fail "relgraph.$ext missing or empty"
done
ls "$out" | grep -v -q -E '^relgraph\.(dot|svg|graphml)$' && fail "stray files in the output directory: $(ls "$out")"

# The seeds are not an empty graph.
edges=$(gc -e "$out/relgraph.dot" | awk '{ print $1; exit }')
[ "${edges:-0}" -gt 0 ] || fail "the seeds gave a graph without edges"

# Well-formed XML (and schema-valid GraphML when a schema is at hand).
xmllint --noout --nonet "$out/relgraph.graphml" || fail "xmllint: GraphML"
xmllint --noout --nonet "$out/relgraph.svg" || fail "xmllint: SVG"
if [ -n "${GRAPHML_XSD:-}" ]; then
  xmllint --noout --nonet --schema "$GRAPHML_XSD" "$out/relgraph.graphml" || fail "GraphML is not schema-valid"
fi

# Graphviz, NetworkX and igraph read the files and agree.
"$PYTHON" "$RELGRAPH_SRC/tests/consumers/check_exports.py" "$out" || fail "consumer check"

# Same corpus, files given in reverse order: byte-identical outputs.
mkdir -p "$tmp/b"
mapfile -t seeds < <(ls -r "$RELGRAPH_SRC"/seeds/*)
"$RELGRAPH" build --keep-isolated --format dot,svg,graphml -o "$tmp/b" "${seeds[@]}" 2>/dev/null || fail "second build exit $?"
for ext in dot svg graphml; do
  cmp -s "$out/relgraph.$ext" "$tmp/b/relgraph.$ext" || fail "relgraph.$ext differs when the corpus order changes"
done

# Another engine still gives files the consumers accept.
mkdir -p "$tmp/c"
"$RELGRAPH" build --keep-isolated --format dot,svg,graphml --layout neato -o "$tmp/c" "$RELGRAPH_SRC/seeds" 2>/dev/null \
  || fail "build --layout neato exit $?"
"$PYTHON" "$RELGRAPH_SRC/tests/consumers/check_exports.py" "$tmp/c" || fail "consumer check (neato)"

# A discovered actor (a made-up titled name no rule lists): both SVGs, NetworkX
# and igraph see it discovered.
mkdir -p "$tmp/disc"
echo "Deputy Foreign Minister Pavel Zhdanovsky met Chinese Foreign Minister Wang Yi in Beijing." > "$tmp/disc/a.txt"
"$RELGRAPH" build -q --keep-isolated --no-cache --format dot,svg,graphml -o "$tmp/e" "$tmp/disc" || fail "discovered build exit $?"
xmllint --noout --nonet "$tmp/e/relgraph.svg" || fail "xmllint: SVG with a discovered actor"
"$PYTHON" "$RELGRAPH_SRC/tests/consumers/check_exports.py" "$tmp/e" "Pavel Zhdanovsky" \
  || fail "consumer check (discovered actor)"

# An unknown engine is an error that names the known ones, not a crash.
"$RELGRAPH" build --format svg --layout no-such-engine -o "$tmp/d" "$RELGRAPH_SRC/seeds" 2> "$tmp/err"
status=$?
[ "$status" -ne 0 ] && [ "$status" -lt 128 ] || fail "unknown layout exit $status"
grep -q 'no-such-engine' "$tmp/err" && grep -q 'neato' "$tmp/err" || fail "unknown layout message: $(cat "$tmp/err")"
[ -e "$tmp/d/relgraph.svg" ] && fail "unknown layout still wrote an SVG"

echo "ok: exports ($edges edges) read by Graphviz, xmllint, NetworkX and igraph"
