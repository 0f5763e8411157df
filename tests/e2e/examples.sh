#!/usr/bin/env bash
# The examples work as documented: examples/ci/Makefile run twice does no
# extraction the second time and `check` passes; a changed document makes
# `check` fail; examples/distributed/sharded-build.sh (GNU parallel) gives
# the bytes of one build.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
cp -r "$RELGRAPH_SRC/seeds" "$tmp/seeds"
n=$(ls "$tmp/seeds" | wc -l)
mk() { make --no-print-directory -f "$RELGRAPH_SRC/examples/ci/Makefile" RELGRAPH="$RELGRAPH" CORPUS="$tmp/seeds" \
  RULES="$RELGRAPH_SRC/rules" OUT="$tmp/figures" CACHE="$tmp/cache" "$@"; }

mk figures > "$tmp/log1" 2>&1 || fail "first make: $(cat "$tmp/log1")"
grep "($n extracted, 0 from cache)" "$tmp/log1" >/dev/null || fail "first run: $(cat "$tmp/log1")"
cp "$tmp/figures/relgraph.svg" "$tmp/first.svg"
mk figures > "$tmp/log2" 2>&1 || fail "second make: $(cat "$tmp/log2")"
grep "(0 extracted, $n from cache)" "$tmp/log2" >/dev/null || fail "second run extracted: $(cat "$tmp/log2")"
cmp -s "$tmp/first.svg" "$tmp/figures/relgraph.svg" || fail "second run changed the figure"
mk check > "$tmp/log3" 2>&1 || fail "check after a build: $(cat "$tmp/log3")"
echo "Japan criticized North Korea." >> "$tmp/seeds/$(ls "$tmp/seeds" | head -1)"
mk check > "$tmp/log4" 2>&1 && fail "check passed on a changed corpus"
grep "stale: .*relgraph.graphml (differs)" "$tmp/log4" >/dev/null || fail "check output: $(cat "$tmp/log4")"
# check extracted the changed document but wrote nothing, the cache included:
# the rebuild extracts it again.
grep "(1 extracted, $((n - 1)) from cache)" "$tmp/log4" >/dev/null || fail "check: $(cat "$tmp/log4")"
mk figures prune > "$tmp/log5" 2>&1 || fail "rebuild and prune: $(cat "$tmp/log5")"
grep "(1 extracted, $((n - 1)) from cache)" "$tmp/log5" >/dev/null || fail "rebuild: $(cat "$tmp/log5")"
# The changed document's old entry and the old corpus's.
grep "2 removed" "$tmp/log5" >/dev/null || fail "prune: $(cat "$tmp/log5")"

command -v parallel >/dev/null || fail "GNU parallel is not installed (scripts/setup installs it)"
RELGRAPH="$RELGRAPH" bash "$RELGRAPH_SRC/examples/distributed/sharded-build.sh" "$RELGRAPH_SRC/seeds" "$tmp/sharded" 2 \
  > "$tmp/log6" 2>&1 || fail "sharded build: $(cat "$tmp/log6")"
grep "3 parts ($n documents" "$tmp/log6" >/dev/null || fail "sharded build summary: $(cat "$tmp/log6")"
"$RELGRAPH" build -q --no-cache -o "$tmp/whole" "$RELGRAPH_SRC/seeds" || fail "whole build"
for f in "$tmp/whole"/*; do
  cmp -s "$f" "$tmp/sharded/$(basename "$f")" || fail "sharded $(basename "$f") differs from build"
done
echo "ok"
