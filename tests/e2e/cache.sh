#!/usr/bin/env bash
# The extraction cache: a warm build extracts nothing and writes the same
# bytes; a changed document or rule is extracted again, and only it; a
# damaged entry is detected and recomputed; prune drops entries of removed
# documents; --check says whether the figures are stale.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
export RELGRAPH_CACHE_DIR="$tmp/cache"
formats=dot,svg,graphml,gexf,json,tsv
cp -r "$RELGRAPH_SRC/seeds" "$tmp/corpus"
cp -r "$RELGRAPH_SRC/rules" "$tmp/rules"
build() { "$RELGRAPH" build -T $formats --rules "$tmp/rules" "$@"; }
n=$(ls "$tmp/corpus" | wc -l)

build --no-cache -q -o "$tmp/ref" "$tmp/corpus" || fail "reference build"
[ ! -e "$tmp/cache" ] || fail "--no-cache wrote a cache"
build -o "$tmp/cold" "$tmp/corpus" 2> "$tmp/err" || fail "cold build"
grep "($n extracted, 0 from cache)" "$tmp/err" >/dev/null || fail "cold: $(cat "$tmp/err")"
# One entry per document, and one for the corpus as a whole.
[ "$(find "$tmp/cache" -name '*.part' | wc -l)" -eq $((n + 1)) ] || fail "one entry per document and the corpus"
build -o "$tmp/warm" "$tmp/corpus" 2> "$tmp/err" || fail "warm build"
grep "(0 extracted, $n from cache)" "$tmp/err" >/dev/null || fail "warm: $(cat "$tmp/err")"
for f in "$tmp/ref"/*; do
  b=$(basename "$f")
  cmp -s "$f" "$tmp/cold/$b" || fail "cold $b differs from an uncached build"
  cmp -s "$f" "$tmp/warm/$b" || fail "warm $b differs from an uncached build"
done

# The cache is keyed by content, not by path: a copy elsewhere is warm.
cp -r "$tmp/corpus" "$tmp/moved"
build -o "$tmp/moved-out" "$tmp/moved" 2>&1 | grep "(0 extracted" >/dev/null || fail "moved corpus not warm"

# One document changed: only it is extracted.
first=$(ls "$tmp/corpus" | head -1)
echo "Russian President Vladimir Putin visited Pyongyang." >> "$tmp/corpus/$first"
build -o "$tmp/one" "$tmp/corpus" 2> "$tmp/err" || fail "build after an edit"
grep "(1 extracted, $((n - 1)) from cache)" "$tmp/err" >/dev/null || fail "edit: $(cat "$tmp/err")"
build --no-cache -q -o "$tmp/one-ref" "$tmp/corpus" || fail "reference after edit"
cmp -s "$tmp/one/relgraph.graphml" "$tmp/one-ref/relgraph.graphml" || fail "edited build differs"

# A rule change invalidates every entry (any rule may match anywhere).
echo "# a comment changes the rule set's bytes" >> "$tmp/rules/relations/diplomacy.rules"
build -o "$tmp/rules-out" "$tmp/corpus" 2>&1 | grep "($n extracted, 0 from cache)" >/dev/null ||
  fail "rule change did not invalidate"

# Damaged entries: truncated, flipped byte, emptied. Recomputed with a
# warning, same output.
mapfile -t entries < <(find "$tmp/cache" -name '*.part' -newer "$tmp/one/relgraph.dot" |
  xargs grep -l -x "info	documents	1" | sort)
[ ${#entries[@]} -ge 3 ] || fail "entries after the rule change: ${#entries[@]}"
head -c 100 "${entries[0]}" > "$tmp/x" && cat "$tmp/x" > "${entries[0]}"
sed -i 's/state/stat3/' "${entries[1]}"
: > "${entries[2]}"
# Without the file index (which, once the files are 2 s old, would let the
# run take the whole corpus's entry): every document's entry is read.
rm -rf "$tmp/cache/v1/index"
build -o "$tmp/damaged" "$tmp/corpus" 2> "$tmp/err" || fail "build with damaged entries: $(cat "$tmp/err")"
[ "$(grep -c 'warning: .*\.part:.*\(truncated\|checksum\|not a relgraph part\).*extracted again' "$tmp/err")" -eq 3 ] ||
  fail "damage warnings: $(cat "$tmp/err")"
grep "(3 extracted, $((n - 3)) from cache)" "$tmp/err" >/dev/null || fail "damaged: $(cat "$tmp/err")"
cmp -s "$tmp/damaged/relgraph.json" "$tmp/rules-out/relgraph.json" || fail "damaged entries changed the output"
build -o "$tmp/repaired" "$tmp/corpus" 2>&1 | grep "(0 extracted" >/dev/null || fail "repaired entries not reused"

# --check: up to date (0), stale (1, listed), and it writes nothing.
build --check -o "$tmp/damaged" "$tmp/corpus" > "$tmp/out" 2>/dev/null || fail "--check on fresh outputs: exit $?"
[ ! -s "$tmp/out" ] || fail "--check listed fresh outputs: $(cat "$tmp/out")"
echo "Japan criticized North Korea." >> "$tmp/corpus/$first"
build --check -o "$tmp/damaged" "$tmp/corpus" > "$tmp/out" 2>/dev/null
[ $? -eq 1 ] || fail "--check on stale outputs should exit 1"
grep "^stale: $tmp/damaged/relgraph.graphml (differs)" "$tmp/out" >/dev/null || fail "--check list: $(cat "$tmp/out")"
rm "$tmp/damaged/relgraph.svg"
build --check -o "$tmp/damaged" "$tmp/corpus" > "$tmp/out" 2>/dev/null
grep "relgraph.svg (missing)" "$tmp/out" >/dev/null || fail "--check missing file: $(cat "$tmp/out")"
[ ! -e "$tmp/damaged/relgraph.svg" ] || fail "--check wrote a file"

# The figure's layout is kept: an edit that changes weights only (the
# relation was there) draws it again from the kept positions, with the
# bytes a fresh layout gives. A damaged layout entry is laid out again.
layouts() { find "$tmp/cache" -name '*.pos' | wc -l; }
# At the natural size (--page none), where every relation is drawn: a
# page-fitted figure draws the strongest relations that fit, and a weight
# change may change which (tests/e2e/figure.sh checks its reuse).
page=(--page none)
build -q "${page[@]}" -o "$tmp/weights-before" "$tmp/corpus" || fail "build before a weight change"
kept=$(layouts)
[ "$kept" -ge 1 ] || fail "no layout kept"
pos=$(ls -t "$tmp/cache"/v1/layout/*.pos | head -1)
inode=$(stat -c %i "$pos")
for i in 1 2; do echo "Kim Jong Un visited Russia." >> "$tmp/corpus/$first"; done
build -q "${page[@]}" -o "$tmp/weights" "$tmp/corpus" || fail "build after a weight change"
build --no-cache -q "${page[@]}" -o "$tmp/weights-ref" "$tmp/corpus" || fail "reference after a weight change"
cmp -s "$tmp/weights/relgraph.svg" "$tmp/weights-ref/relgraph.svg" || fail "SVG from a kept layout differs"
cmp -s "$tmp/weights/relgraph.svg" "$tmp/weights-before/relgraph.svg" && fail "the weight change did not show in the SVG"
# (A layout done again would have been written anew, as another file.)
[ "$(layouts)" -eq "$kept" ] && [ "$(stat -c %i "$pos")" = "$inode" ] ||
  fail "a weight change laid the figure out again"
sed -i '3s/[0-9]/7/' "$pos"
# (Into an empty directory: with its outputs in place the build would be
# up to date, and draw nothing.)
rm -rf "$tmp/weights"
build -q "${page[@]}" -o "$tmp/weights" "$tmp/corpus" || fail "build with a damaged layout"
cmp -s "$tmp/weights/relgraph.svg" "$tmp/weights-ref/relgraph.svg" || fail "a damaged layout changed the SVG"
tail -1 "$pos" | grep -q '^end	' || fail "damaged layout not replaced"
rm -rf "$tmp/weights"
build -q "${page[@]}" -o "$tmp/weights" "$tmp/corpus" || fail "build after the layout was repaired"
cmp -s "$tmp/weights/relgraph.svg" "$tmp/weights-ref/relgraph.svg" || fail "repaired layout gives another SVG"

# prune: entries of a removed document (and of the old rules) go.
rm "$tmp/corpus/$first"
before=$(find "$tmp/cache" -name '*.part' | wc -l)
"$RELGRAPH" cache prune --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err" || fail "prune: $(cat "$tmp/err")"
after=$(find "$tmp/cache" -name '*.part' | wc -l)
# The n - 1 documents' entries (the smaller corpus has not been built yet).
[ "$after" -eq $((n - 1)) ] || fail "prune kept $after of $before entries (want $((n - 1)))"
grep "entries kept" "$tmp/err" >/dev/null || fail "prune summary"
build -o "$tmp/pruned" "$tmp/corpus" 2>&1 | grep "(0 extracted, $((n - 1)) from cache)" >/dev/null ||
  fail "prune removed a live entry"
"$RELGRAPH" cache prune --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err" || fail "second prune: $(cat "$tmp/err")"
grep "$((n + $(layouts))) entries kept, 0 removed" "$tmp/err" >/dev/null ||
  fail "prune dropped the corpus entry: $(cat "$tmp/err")"
# Layouts: the ones used last are kept, older ones go.
live=$(layouts)
# (Named as the cache names them: prune removes nothing else.)
for i in $(seq 12); do echo "relgraph-layout 1" > "$tmp/cache/v1/layout/$(printf '01d%029x' "$i").pos"; done
touch -d '1 day ago' "$tmp/cache/v1/layout"/01d*.pos
"$RELGRAPH" cache prune --rules "$tmp/rules" "$tmp/corpus" 2> "$tmp/err" || fail "layout prune: $(cat "$tmp/err")"
[ "$(layouts)" -eq 8 ] || fail "prune kept $(layouts) layouts (want 8)"
[ "$(ls "$tmp/cache/v1/layout"/01d*.pos | wc -l)" -eq $((8 - live)) ] || fail "prune dropped a recent layout"
"$RELGRAPH" cache prune --no-cache "$tmp/corpus" 2> "$tmp/err"; [ $? -eq 2 ] || fail "prune --no-cache accepted"
"$RELGRAPH" cache prune --max-evidence -1 "$tmp/corpus" 2> /dev/null; [ $? -eq 2 ] || fail "prune --max-evidence -1 accepted"
grep -- "--no-cache" "$tmp/err" >/dev/null || fail "prune --no-cache: $(cat "$tmp/err")"
"$RELGRAPH" cache --help | grep prune >/dev/null || fail "cache --help"
"$RELGRAPH" cache 2>/dev/null; [ $? -eq 2 ] || fail "cache without a subcommand"

# An unwritable cache directory: a warning, and the build still works.
RELGRAPH_CACHE_DIR=/dev/null/cache "$RELGRAPH" build -q -T tsv -o "$tmp/nocache.tsv" "$tmp/corpus" 2> "$tmp/err" ||
  fail "unusable cache dir failed the build"
grep "warning: .*without a cache" "$tmp/err" >/dev/null || fail "unusable cache: $(cat "$tmp/err")"
echo "ok"
