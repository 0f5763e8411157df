#!/usr/bin/env bash
# Every export format, as it is, in its real consumers, all agreeing with
# the DOT: Debian's NetworkX, igraph, Graphviz (gc, gvpr, dot) and any other
# NetworkX on the machine (check_formats.py); graphology with its GEXF and
# GraphML parsers and Cytoscape.js, at the versions
# tests/consumers/package-lock.json pins (check_js.mjs). A consumer that is
# not installed fails the test. Then every output is byte-identical across
# runs, across the order in which documents are given or found, and across
# thread counts.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}
formats=dot,svg,graphml,gexf,json,cyjs,tsv
consumers=$RELGRAPH_SRC/tests/consumers
schemas=$RELGRAPH_SRC/tests/data/schemas

command -v node > /dev/null || fail "node is not installed (scripts/setup installs nodejs)"
[ -d "$consumers/node_modules/graphology-gexf" ] && [ -d "$consumers/node_modules/cytoscape" ] \
  || fail "the JavaScript consumers are not installed: (cd tests/consumers && npm ci), as scripts/setup does"

# consumers DIR [DISCOVERED...]: DIR holds one build in every format and
# DIR/mixed its GraphML and GEXF with --symmetric undirected; every
# consumer reads them.
consumers() {
  local dir=$1
  shift
  "$PYTHON" "$consumers/check_formats.py" --expect "$dir/expect.json" "$dir" "$schemas" "$@" \
    || fail "Debian's Python consumers disagree ($dir)"
  node "$consumers/check_js.mjs" "$dir" "$dir/expect.json" || fail "the JavaScript consumers disagree ($dir)"
  # Any other NetworkX on the machine (a current one in a virtualenv or
  # pyenv), with what it can read.
  local py
  for py in $(type -ap python3 | sort -u); do
    [ "$(readlink -f "$py")" = "$(readlink -f "$PYTHON")" ] && continue
    "$py" -c 'import networkx' 2> /dev/null || continue
    "$py" "$consumers/check_formats.py" --networkx-only "$dir" "$schemas" "$@" \
      || fail "$py's NetworkX disagrees ($dir)"
  done
}

"$RELGRAPH" build -q --keep-isolated -T "$formats" -o "$tmp/a" "$RELGRAPH_SRC/seeds" || fail "build exit $?"
"$RELGRAPH" build -q --keep-isolated -T graphml,gexf --symmetric undirected -o "$tmp/a/mixed" "$RELGRAPH_SRC/seeds" \
  || fail "build --symmetric undirected exit $?"
consumers "$tmp/a"

# A dated corpus: the days reach every consumer that keeps them.
mkdir -p "$tmp/dated"
cat > "$tmp/dated/feed.jsonl" <<'JSONL'
{"id": "a1", "date": "2024-06-19", "text": "Russian President Vladimir Putin visited North Korea on Wednesday."}
{"id": "a2", "date": "2024-06-21", "text": "Vladimir Putin visited North Korea again. Putin met Kim Jong Un in Pyongyang."}
{"id": "a3", "date": "2023-11-02", "text": "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov."}
JSONL
"$RELGRAPH" build -q --keep-isolated --no-cache -T "$formats" -o "$tmp/d1" "$tmp/dated" || fail "dated build exit $?"
"$RELGRAPH" build -q --keep-isolated --no-cache -T graphml,gexf --symmetric undirected -o "$tmp/d1/mixed" "$tmp/dated" \
  || fail "dated build --symmetric undirected exit $?"
consumers "$tmp/d1"
grep -q '"2024-06-19", "2024-06-21"' "$tmp/d1/expect.json" || fail "the dated corpus gave no days"

# Determinism: a second run, the files named in reverse order, and a copy
# of the corpus whose files were created in another order.
"$RELGRAPH" build -q --keep-isolated -T "$formats" -o "$tmp/b" "$RELGRAPH_SRC/seeds" || fail "second build"
mapfile -t docs < <(ls "$RELGRAPH_SRC"/seeds/*.txt | sort -r)
"$RELGRAPH" build -q --keep-isolated -T "$formats" -o "$tmp/c" "${docs[@]}" || fail "reversed build"
mkdir -p "$tmp/corpus/z" "$tmp/corpus/a"
for f in "${docs[@]}"; do cp "$f" "$tmp/corpus/"; done
"$RELGRAPH" build -q --keep-isolated -T "$formats" -o "$tmp/d" "$tmp/corpus" || fail "copied corpus build"
for ext in dot svg graphml gexf json cyjs tsv; do
  cmp -s "$tmp/a/relgraph.$ext" "$tmp/b/relgraph.$ext" || fail "$ext differs between two runs"
  cmp -s "$tmp/a/relgraph.$ext" "$tmp/c/relgraph.$ext" || fail "$ext depends on the argument order"
  cmp -s "$tmp/a/relgraph.$ext" "$tmp/d/relgraph.$ext" || fail "$ext depends on the order files were created"
done

# Thread counts: one worker, or many over a corpus large enough to keep
# them all busy and to go round the ring of documents in flight more than
# once (the seeds forty times over, under other names).
mkdir -p "$tmp/many"
for k in $(seq 0 39); do
  for f in "${docs[@]}"; do cp "$f" "$tmp/many/c${k}_$(basename "$f")"; done
done
"$RELGRAPH" build -q --keep-isolated -j1 -T "$formats" -o "$tmp/j1" "$tmp/many" || fail "build -j1"
"$RELGRAPH" build -q --keep-isolated -j4 -T "$formats" -o "$tmp/j4" "$tmp/many" || fail "build -j4"
for ext in dot svg graphml gexf json cyjs tsv; do
  cmp -s "$tmp/j1/relgraph.$ext" "$tmp/j4/relgraph.$ext" || fail "$ext differs between --jobs 1 and 4"
done
"$RELGRAPH" extract -q -j1 "$tmp/many" > "$tmp/x1.tsv" || fail "extract -j1"
for j in 2 3 4; do
  "$RELGRAPH" extract -q -j$j "$tmp/many" > "$tmp/x$j.tsv" || fail "extract -j$j"
  cmp -s "$tmp/x1.tsv" "$tmp/x$j.tsv" || fail "extract differs between --jobs 1 and $j"
done

# One file per format, named by its extension.
for ext in gexf json cyjs; do
  "$RELGRAPH" build -q --keep-isolated -o "$tmp/one.$ext" "$RELGRAPH_SRC/seeds" || fail "-o one.$ext"
  cmp -s "$tmp/one.$ext" "$tmp/a/relgraph.$ext" || fail "-o one.$ext differs from the directory output"
done
# Discovered actors (a titled name no rule lists; the seeds have none, and
# the name is made up so that no dictionary will ever list it): marked in
# every format, the same after a build from the cache (a part read back),
# and in the part itself, which merges back to the same graph.
mkdir -p "$tmp/disc"
echo "Deputy Foreign Minister Pavel Zhdanovsky met Chinese Foreign Minister Wang Yi in Beijing." > "$tmp/disc/a.txt"
"$RELGRAPH" build -q --keep-isolated --cache "$tmp/cache" -T "$formats" -o "$tmp/disc1" "$tmp/disc" || fail "discovered build"
"$RELGRAPH" build -q --keep-isolated --cache "$tmp/cache" -T graphml,gexf --symmetric undirected -o "$tmp/disc1/mixed" "$tmp/disc" \
  || fail "discovered build --symmetric undirected"
consumers "$tmp/disc1" "Pavel Zhdanovsky"
"$RELGRAPH" build --keep-isolated --cache "$tmp/cache" -T "$formats" -o "$tmp/disc2" "$tmp/disc" 2> "$tmp/disc.err" \
  || fail "discovered build from the cache"
grep -q "1 from cache" "$tmp/disc.err" || fail "the second build did not read the cache: $(cat "$tmp/disc.err")"
for ext in dot svg graphml gexf json cyjs tsv; do
  cmp -s "$tmp/disc1/relgraph.$ext" "$tmp/disc2/relgraph.$ext" || fail "$ext differs when built from the cache"
done
"$RELGRAPH" extract -q -T part "$tmp/disc/a.txt" > "$tmp/disc.part" || fail "extract -T part"
grep -q "^node	Pavel Zhdanovsky	official	[^	]*	1	[^	]*	[^	]*	discovered$" "$tmp/disc.part" \
  || fail "part: no discovered node line: $(grep '^node' "$tmp/disc.part")"
[ "$(grep -c 'discovered$' "$tmp/disc.part")" -eq 1 ] || fail "part: a listed node marked discovered"
"$RELGRAPH" merge -q -T json -o "$tmp/merged.json" "$tmp/disc.part" || fail "merge"
cmp -s "$tmp/merged.json" "$tmp/disc1/relgraph.json" || fail "merging the part loses or changes the discovered actor"

echo "formats: NetworkX, igraph, Graphviz, graphology and Cytoscape.js agree; outputs are byte-identical across runs, orders and thread counts"
