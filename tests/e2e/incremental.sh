#!/usr/bin/env bash
# Incremental builds: the cache's file index (unchanged files are not read
# again) and its merged shards (a corpus of 1,024 documents or more is
# split in 64 shards; one changed document re-reads one shard). Whatever
# changes, a cached build writes exactly what a build without the cache
# writes.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
export RELGRAPH_CACHE_DIR="$tmp/cache"
formats=graphml,json,tsv

# 1,100 documents: the seeds, each copied under many names (the documents'
# ids differ, so every copy counts).
mkdir -p "$tmp/corpus"
i=0
for copy in $(seq 220); do
  d="$tmp/corpus/$((copy % 10))"
  mkdir -p "$d"
  for f in "$RELGRAPH_SRC"/seeds/*.txt; do
    cp "$f" "$d/$copy-$(basename "$f")"
    i=$((i + 1))
  done
done
n=$i
# Files changed in the last seconds are not indexed (a second change could
# hide in the same time stamp): age them. touch sets the change time to
# now, so wait out the window as well.
age() { find "$tmp/corpus" -type f -exec touch -d '1 hour ago' {} +; sleep 2.2; }
age

# Same bytes as a build without the cache, for the corpus as it is now.
same() {
  "$RELGRAPH" build -q --no-cache -T $formats -o "$tmp/ref" "$tmp/corpus" || fail "reference build ($1)"
  for f in "$tmp/ref"/*; do
    cmp -s "$f" "$tmp/out/$(basename "$f")" || fail "$1: $(basename "$f") differs from a build without the cache"
  done
}
# Into an empty directory: with the outputs in place and nothing changed, a
# rebuild would only say "up to date" (tests/e2e/rebuild.sh).
build() {
  rm -rf "$tmp/out"
  "$RELGRAPH" build -T $formats -o "$tmp/out" "$tmp/corpus" 2> "$tmp/err" || fail "build $1: $(cat "$tmp/err")"
}

build cold
grep "($n extracted, 0 from cache)" "$tmp/err" >/dev/null || fail "cold: $(cat "$tmp/err")"
same cold
ls "$tmp/cache"/v1/index/*.idx >/dev/null 2>&1 || fail "no file index written"
# Entries: one per distinct document (the copies of a seed differ only in
# their ids), the shards and the corpus.
[ "$(grep -l -x "info	documents	$n" -r "$tmp/cache" | wc -l)" -eq 1 ] || fail "no entry for the whole corpus"

build warm
grep "(0 extracted, $n from cache)" "$tmp/err" >/dev/null || fail "warm: $(cat "$tmp/err")"
same warm

# The whole-corpus entry damaged: noticed, built again from the shards.
whole=$(grep -l -x "info	documents	$n" -r "$tmp/cache")
sed -i 's/state/stat3/' "$whole"
build damaged
grep "warning: .*it is built again" "$tmp/err" >/dev/null || fail "damaged corpus entry not reported: $(cat "$tmp/err")"
same "damaged corpus entry"

# One document edited (longer), one edited in place (same size), one
# removed, one added: each time only what changed is extracted.
first=$(find "$tmp/corpus" -type f | sort | head -1)
echo "Japan criticized North Korea." >> "$first"
build edit
grep "(1 extracted, $((n - 1)) from cache)" "$tmp/err" >/dev/null || fail "edit: $(cat "$tmp/err")"
same "one document edited"

second=$(find "$tmp/corpus" -type f | sort | sed -n 2p)
sed -i 's/Korea/Koreb/' "$second"
touch -r "$first" "$second" # same size, same mtime: the change time still tells
build "same-size edit"
same "one document edited in place"

rm "$(find "$tmp/corpus" -type f | sort | sed -n 3p)"
build removal
same "one document removed"

printf 'Russian President Vladimir Putin visited Pyongyang.\n' > "$tmp/corpus/0/new.txt"
build addition
same "one document added"

# Warm again after all that, with every file aged: nothing is read.
age
build settle
build "warm again"
grep "(0 extracted, $n from cache)" "$tmp/err" >/dev/null || fail "warm again: $(cat "$tmp/err")"
same "warm again"

# A damaged file index is ignored (every document read, none extracted).
idx=$(ls "$tmp/cache"/v1/index/*.idx | head -1)
head -c 200 "$idx" > "$tmp/x" && cat "$tmp/x" > "$idx"
build "damaged index"
grep "(0 extracted, $n from cache)" "$tmp/err" >/dev/null || fail "damaged index: $(cat "$tmp/err")"
same "damaged index"
echo ok
