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

# patchwork (a treemap) draws no relation: its legend says so.
"$RELGRAPH" build -q --no-cache --layout patchwork -o "$tmp/patchwork.svg" "$seeds" || fail "patchwork exit $?"
grep -q "patchwork draws actors as areas and no relation" "$tmp/patchwork.svg" || fail "patchwork: no word of it"

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
# The drawn text never says hover (a page cannot); the SVG's tooltip does.
grep -Eiq '<text[^>]*>[^<]*hover' "$tmp/default.svg" && fail "the legend says hover"
grep -q 'xlink:title="Hover a node' "$tmp/default.svg" || fail "no hint in the SVG's tooltip"
grep -q "official (ellipse)" "$tmp/roll-up.svg" && fail "--roll-up: the legend explains officials, none drawn"
grep -q "state (box)" "$tmp/roll-up.svg" || fail "--roll-up: no state in the legend"
# Page size: the default figure fits A4 (510 x 757 pt of printable area,
# upright, or turned for a wide figure) with no text under 7 pt, on seeds/
# and on the dev corpus, without a warning: where the view has more
# relations than fit, the strongest that do, and the legend and the
# summary say how many. --page none keeps the natural size and every
# relation; a figure too large at 7 pt says so.
fits_a4() { # SVG-COUNTS: width and height within A4 either way, text >= 7 pt
  "$PYTHON" -c "
import sys
w, h, f = map(float, sys.argv[1:])
sys.exit(not (min(max(w, h) - 757, min(w, h) - 510) <= 0 and f >= 7))" \
    "$(value width_pt "$1")" "$(value height_pt "$1")" "$(value min_font "$1")"
}
page_fit() { # NAME CORPUS [OPTIONS...]
  local name=$1 corpus=$2; shift 2
  "$RELGRAPH" build --no-cache -T svg,dot -o "$tmp/$name" "$@" "$corpus" 2> "$tmp/$name.err" || fail "$name: build exit $?"
  local c all shown
  c=$(count "$tmp/$name/relgraph.svg") || fail "$name: cannot count the SVG"
  echo "$name (page): $c"
  fits_a4 "$c" || fail "$name: the default figure does not fit A4 with text of 7 pt or more: $c"
  grep -q "warning" "$tmp/$name.err" && fail "$name: $(grep warning "$tmp/$name.err")"
  [ "$(value labelled "$c")" = "$(value edges "$c")" ] || fail "$name: unlabelled edges: $c"
  [ "$(value shared "$c")" = 0 ] && [ "$(value isolated "$c")" = 0 ] || fail "$name: $c"
  all=$(gc -e "$tmp/$name/relgraph.dot" | awk '{ print $1; exit }')
  shown=$(value edges "$c")
  if [ "$shown" -lt "$all" ]; then
    grep -q "$shown of $all relations shown" "$tmp/$name/relgraph.svg" || fail "$name: no word of $shown of $all in the legend"
    grep -q "the figure shows the $shown strongest of $all relations" "$tmp/$name.err" || fail "$name: $(cat "$tmp/$name.err")"
  else
    grep -q "relations shown" "$tmp/$name/relgraph.svg" && fail "$name: the legend says relations were left out"
  fi
}
page_fit seeds "$seeds"
dev=$RELGRAPH_SRC/../shared/eval/dev/corpus
if [ -d "$dev" ]; then
  page_fit dev "$dev"
else
  echo "SKIP: the dev corpus ($dev) is not here: the page fit checked on seeds/ only"
fi
# The page fit's layouts are kept like any other: a second build lays
# nothing out, and kept or fresh, the figure has the same bytes.
for run in 1 2; do
  "$RELGRAPH" build -q --cache "$tmp/cache" -T svg -o "$tmp/kept$run.svg" "$seeds" 2>/dev/null || fail "cached build $run"
  kept[$run]=$(find "$tmp/cache" -name '*.pos' | wc -l)
done
[ "${kept[1]}" -ge 1 ] && [ "${kept[2]}" = "${kept[1]}" ] || fail "layouts kept: ${kept[1]}, then ${kept[2]}"
cmp -s "$tmp/kept2.svg" "$tmp/seeds/relgraph.svg" || fail "the page-fitted figure from kept layouts differs"
"$RELGRAPH" build -q --no-cache --roll-up --min-weight 2 -o "$tmp/small.svg" "$seeds" || fail "small view"
c=$(count "$tmp/small.svg")
fits_a4 "$c" || fail "small view does not fit A4 at 7 pt: $c"
grep -q "relations shown" "$tmp/small.svg" && fail "small view: relations left out of a view that fits"
# A view that fits whole: its DOT carries the page (size), so that dot
# itself draws it on the page with text of 7 pt or more. A view cut to fit
# (the default): the DOT has every relation, at its natural size.
"$RELGRAPH" build -q --no-cache --roll-up -T dot -o "$tmp/small.dot" "$seeds" || fail "small view DOT"
dot -Tsvg "$tmp/small.dot" > "$tmp/small-dot.svg" || fail "dot -Tsvg of the small view's DOT"
c=$(count "$tmp/small-dot.svg")
fits_a4 "$c" || fail "dot -Tsvg of the small view's DOT does not fit A4 at 7 pt: $c"
grep -Eq '[[:space:],\[]size=' "$tmp/seeds/relgraph.dot" && fail "the DOT of a cut view carries a page size"
for name in default roll-up top cluster; do
  f=$(value min_font "$(count "$tmp/$name.svg")")
  "$PYTHON" -c "import sys; sys.exit(float(sys.argv[1]) < 7)" "$f" || fail "$name: text of $f pt"
done
"$RELGRAPH" build -q --no-cache --page none -o "$tmp/natural.svg" "$seeds" 2> "$tmp/natural.err" || fail "--page none"
c=$(count "$tmp/natural.svg")
[ "$(value min_font "$c")" = 8.0 ] || fail "--page none scaled the figure: $c"
[ "$(value edges "$c")" = "$(gc -e "$tmp/seeds/relgraph.dot" | awk '{ print $1; exit }')" ] ||
  fail "--page none does not draw every relation: $c"
[ -s "$tmp/natural.err" ] && fail "--page none warned: $(cat "$tmp/natural.err")"
grep -q "relations shown" "$tmp/natural.svg" && fail "--page none left relations out"
"$RELGRAPH" build -q --no-cache --keep-isolated -o "$tmp/big.svg" "$seeds" 2> "$tmp/big.err"
grep -q "does not fit a 180 x 267 mm page" "$tmp/big.err" || fail "no warning for a figure larger than A4: $(cat "$tmp/big.err")"
"$RELGRAPH" build -q --page 5xfoo -o "$tmp/bad.svg" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "--page 5xfoo exit"
grep -q -- "--page" "$tmp/err" || fail "--page error: $(cat "$tmp/err")"

# The DOT is always one that dot reads: a legend over Graphviz's 16 KiB
# limit for HTML labels gives way to the title alone.
long=$("$PYTHON" -c 'print("A long title " * 2000)')
"$RELGRAPH" build -q --no-cache --page none -T dot -o "$tmp/long" --title "$long" "$seeds" || fail "long title"
dot -Tsvg "$tmp/long/relgraph.dot" > /dev/null 2> "$tmp/err" || fail "dot refuses the long-title DOT: $(head -c 300 "$tmp/err")"
grep -q "A long title A long title" "$tmp/long/relgraph.dot" || fail "the long title was lost"

# PNG and PDF straight from Graphviz, one file each, the same bytes twice.
for ext in png pdf; do
  "$RELGRAPH" build -q --no-cache --roll-up -o "$tmp/figure.$ext" "$seeds" 2>/dev/null || fail "-o figure.$ext"
  [ -f "$tmp/figure.$ext" ] || fail "-o figure.$ext is not a file"
  "$RELGRAPH" build -q --no-cache --roll-up -T "$ext" -o "$tmp/again.$ext" "$seeds" 2>/dev/null || fail "-T $ext"
  cmp -s "$tmp/figure.$ext" "$tmp/again.$ext" || fail "$ext: not the same bytes twice"
done
# A large view (a generated corpus: hundreds of relations, past the 500
# at which a figure is drawn unlabelled by sfdp) is fitted like a small
# one: its strongest relations, labelled, on A4; --page none draws them all.
"$PYTHON" "$RELGRAPH_SRC/bench/gen_corpus.py" "$seeds" "$RELGRAPH_SRC/rules" "$tmp/generated" --mb 0.5 > /dev/null ||
  fail "cannot generate a corpus"
"$RELGRAPH" build --no-cache -T dot,svg -o "$tmp/large" "$tmp/generated" 2> "$tmp/large.err" ||
  fail "large view: exit $?"
all=$(gc -e "$tmp/large/relgraph.dot" | awk '{ print $1; exit }')
[ "$all" -gt 500 ] || fail "large view: only $all relations"
grep -q "the figure shows the [0-9]* strongest of $all relations" "$tmp/large.err" ||
  fail "large view: $(cat "$tmp/large.err")"
c=$(count "$tmp/large/relgraph.svg")
fits_a4 "$c" || fail "large view does not fit A4 at 7 pt: $c"
[ "$(value labelled "$c")" = "$(value edges "$c")" ] || fail "large view: unlabelled relations: $c"
"$RELGRAPH" build -q --no-cache --page none -o "$tmp/large-all.svg" "$tmp/generated" || fail "large --page none"
[ "$(value edges "$(count "$tmp/large-all.svg")")" = "$all" ] || fail "large --page none does not draw every relation"

# The same view gives the same bytes in another process: frames
# (--cluster state) in the order they are made, whatever the addresses.
for run in 1 2 3; do
  "$RELGRAPH" build -q --no-cache --cluster state -T dot,svg -o "$tmp/frames$run" "$seeds" || fail "frames run $run"
done
for run in 2 3; do
  for ext in dot svg; do
    cmp -s "$tmp/frames1/relgraph.$ext" "$tmp/frames$run/relgraph.$ext" || fail "--cluster state $ext: other bytes in run $run"
  done
done
file "$tmp/figure.png" | grep -q "PNG image data" || fail "figure.png: $(file "$tmp/figure.png")"
head -c 5 "$tmp/figure.pdf" | grep -q "%PDF-" || fail "figure.pdf is not a PDF"
echo "OK"
