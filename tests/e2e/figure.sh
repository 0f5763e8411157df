#!/usr/bin/env bash
# The figure on the shipped corpus, counted in its SVG (tests/figure/
# svg_count.py): in the default figure and in the views a reader uses,
# every drawn relation has its label, no two relations share a path, no
# actor without a relation is drawn; --keep-isolated draws them again.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}
seeds=$RELGRAPH_SRC/seeds
count() { "$PYTHON" "$RELGRAPH_SRC/tests/figure/svg_count.py" -v "$1"; }
value() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

figure() { # NAME OPTIONS...
  local name=$1; shift
  "$RELGRAPH" build -q --no-cache -o "$tmp/$name.svg" "$@" "$seeds" || fail "$name: build exit $?"
  local c edges
  c=$(count "$tmp/$name.svg") || fail "$name: cannot count the SVG"
  echo "$name: $c"
  edges=$(value edges "$c")
  [ "$edges" -gt 0 ] || fail "$name: no edge drawn"
  [ "$(value labelled "$c")" = "$edges" ] || fail "$name: $(value labelled "$c") of $edges edges labelled"
  [ "$(value shared "$c")" = 0 ] || fail "$name: $(value shared "$c") edges share a path"
  [ "$(value isolated "$c")" = 0 ] || fail "$name: $(value isolated "$c") actors without a relation drawn"
}

figure default
figure roll-up --roll-up
figure min-weight --min-weight 2
figure top --top 15
figure focus --focus "North Korea"
figure cluster --cluster state
figure cluster-roll-up --cluster state --roll-up
for engine in neato fdp sfdp circo twopi osage; do
  figure "layout-$engine" --layout "$engine"
done

# The data formats keep every actor; the figure says what it left out.
"$RELGRAPH" build --no-cache -T svg,json -o "$tmp/both" "$seeds" 2> "$tmp/summary" || fail "build exit $?"
grep -q "figures leave out [1-9][0-9]* actors without relations" "$tmp/summary" || fail "summary: $(cat "$tmp/summary")"
"$PYTHON" - "$tmp/both/relgraph.json" "$tmp/both/relgraph.svg" <<'PY' || fail "JSON and SVG actors"
import json, sys
data = json.load(open(sys.argv[1]))
nodes = data["nodes"] if "nodes" in data else data["graph"]["nodes"]
svg = open(sys.argv[2]).read()
drawn = svg.count('class="node ')
assert len(nodes) > drawn, (len(nodes), drawn)
PY
"$RELGRAPH" build -q --no-cache --keep-isolated -o "$tmp/kept.svg" "$seeds" || fail "--keep-isolated exit $?"
c=$(count "$tmp/kept.svg")
[ "$(value isolated "$c")" -gt 0 ] || fail "--keep-isolated: no isolated actor drawn ($c)"

# The legend names only what is drawn, and nothing a page cannot do.
grep -q "hover" "$tmp/default.svg" && fail "the legend says hover"
grep -q "official (ellipse)" "$tmp/roll-up.svg" && fail "--roll-up: the legend explains officials, none drawn"
grep -q "state (box)" "$tmp/roll-up.svg" || fail "--roll-up: no state in the legend"
echo "OK"
