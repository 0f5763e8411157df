#!/usr/bin/env bash
# Reliability, second round: deep nesting, endless streams, FIFOs and
# devices, cache tampering, counters, output modes and document ids. Each
# case failed (a crash, a hang, a wrong graph or a lost file) before its
# fix.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

export RELGRAPH_CACHE_DIR=$tmp/default-cache
rules=$RELGRAPH_SRC/rules
good=$tmp/good
mkdir "$good"
printf 'China met Russia.\n' > "$good/good.txt"

# ---- Deep nesting and NUL escapes in JSONL ----------------------------------

python3 - "$tmp/deep.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    print(json.dumps({"text": "China met Russia."}), file=f)
    print('{"text": ' + "[" * 100000, file=f)        # json-glib recursed off the stack
    print(json.dumps({"text": "Japan criticized North Korea.\u0000 Xi Jinping visited Pyongyang."}), file=f)
    print(json.dumps({"text": "brackets in text [[[[ {{{{ are text", "id": "x\\u0000"}), file=f)
PY
"$RELGRAPH" build -q --no-cache -T tsv -o "$tmp/deep.tsv" "$tmp/deep.jsonl" 2> "$tmp/deep.err"
rc=$?
[ $rc -eq 2 ] || fail "deep JSONL: exit $rc, want 2: $(head -c 500 "$tmp/deep.err")"
grep -qF "$tmp/deep.jsonl:2:73: nested deeper than 64 levels" "$tmp/deep.err" || fail "deep JSONL: $(head -c 500 "$tmp/deep.err")"
grep -q $'^China\tmeet\tRussia' "$tmp/deep.tsv" || fail "deep JSONL: line 1 lost"
# \u0000 in a text: replaced by a space and warned about, the rest kept.
grep -qF "warning: $tmp/deep.jsonl:3: 1 \\u0000 escape (NUL) replaced by a space" "$tmp/deep.err" ||
  fail "NUL escape: no warning: $(cat "$tmp/deep.err")"
grep -q $'^Xi Jinping\tvisit\tNorth Korea' "$tmp/deep.tsv" || fail "NUL escape: the text after the NUL was cut"
grep -q $'^Japan\tcriticize\tNorth Korea' "$tmp/deep.tsv" || fail "NUL escape: the text before the NUL lost"
echo "ok: deep JSONL, NUL escapes"

# ---- Endless streams -----------------------------------------------------------

# Standard input and devices stop at the 1 GiB a document may have, in
# bounded memory, instead of growing until malloc aborts.
ulimit_run() { (ulimit -v $((3 * 1024 * 1024)) 2>/dev/null; "$@"); }
grep -qa __asan_init "$RELGRAPH" && ulimit_run() { "$@"; } # ASan reserves terabytes of address space
ulimit_run timeout 300 "$RELGRAPH" build -q --no-cache -T tsv -o "$tmp/zero.tsv" "$good" /dev/zero 2> "$tmp/zero.err"
rc=$?
[ $rc -eq 2 ] || fail "/dev/zero: exit $rc, want 2: $(head -c 500 "$tmp/zero.err")"
grep -qF "/dev/zero: 1.0 GiB, over the 1 GiB a document may have; split it" "$tmp/zero.err" || fail "/dev/zero: $(cat "$tmp/zero.err")"
grep -q $'^China\tmeet\tRussia' "$tmp/zero.tsv" || fail "/dev/zero: the good document lost"
yes 'China met Russia.' | tr -d '\n' |
  ulimit_run timeout 300 "$RELGRAPH" build -q --no-cache --stdin-format jsonl -T tsv -o "$tmp/yes.tsv" "$good" - 2> "$tmp/yes.err"
rc=$?
[ $rc -eq 2 ] || fail "endless JSONL line: exit $rc, want 2: $(head -c 500 "$tmp/yes.err")"
grep -qF -- "-:1: line over the 1 GiB a document may have" "$tmp/yes.err" || fail "endless JSONL line: $(cat "$tmp/yes.err")"
grep -q $'^China\tmeet\tRussia' "$tmp/yes.tsv" || fail "endless JSONL line: the good document lost"
echo "ok: endless streams"

# ---- FIFOs, devices and huge files where relgraph reads its own files -------

# A FIFO named like a cache entry is a damaged entry (replaced), not a hang.
corpus=$tmp/corpus
mkdir "$corpus"
cp "$RELGRAPH_SRC"/seeds/000_*.txt "$RELGRAPH_SRC"/seeds/002_*.txt "$corpus/"
"$RELGRAPH" build -q --no-cache -T json -o "$tmp/fresh.json" "$corpus" || fail "uncached build"
"$RELGRAPH" build -q --cache "$tmp/fifo-cache" -T json -o "$tmp/cold.json" "$corpus" || fail "cold build"
entries=$(find "$tmp/fifo-cache/v1" -name '*.part' | sort)
[ "$(echo "$entries" | wc -l)" -ge 2 ] || fail "no cache entries: $entries"
for e in $entries; do rm "$e"; mkfifo "$e"; done
timeout 60 "$RELGRAPH" build -q --cache "$tmp/fifo-cache" -T json -o "$tmp/fifo.json" "$corpus" 2> "$tmp/fifo.err"
rc=$?
[ $rc -eq 0 ] || fail "FIFO cache entries: exit $rc (124: it blocked): $(cat "$tmp/fifo.err")"
grep -qF "not a regular file; the document was extracted again" "$tmp/fifo.err" || fail "FIFO cache entries: $(cat "$tmp/fifo.err")"
cmp -s "$tmp/fresh.json" "$tmp/fifo.json" || fail "FIFO cache entries: another graph"
for e in $entries; do rm -f "$e"; ln -s /dev/zero "$e"; done
timeout 60 "$RELGRAPH" build -q --cache "$tmp/fifo-cache" -T json -o "$tmp/zero.json" "$corpus" 2> "$tmp/zero-entry.err" ||
  fail "/dev/zero cache entries: $(cat "$tmp/zero-entry.err")"
cmp -s "$tmp/fresh.json" "$tmp/zero.json" || fail "/dev/zero cache entries: another graph"
# The same for rule files, which are errors: named, or found in the rules directory.
mkfifo "$tmp/fifo.rules"
timeout 60 "$RELGRAPH" lint --rules "$tmp/fifo.rules" 2> "$tmp/fifo-rules.err"
rc=$?
[ $rc -eq 2 ] || fail "FIFO rule file: exit $rc (124: it blocked)"
grep -qF "$tmp/fifo.rules: not a regular file" "$tmp/fifo-rules.err" || fail "FIFO rule file: $(cat "$tmp/fifo-rules.err")"
cp -r "$rules" "$tmp/fifo-rules"
mkfifo "$tmp/fifo-rules/relations/zz.rules"
ln -s /dev/zero "$tmp/fifo-rules/relations/zero.rules"
timeout 60 "$RELGRAPH" build -q --no-cache --rules "$tmp/fifo-rules" -T json -o "$tmp/fifo-rules.json" "$corpus" ||
  fail "FIFO and /dev/zero in the rules directory: exit $? (124: it blocked)"
truncate -s 3G "$tmp/huge.rules"
timeout 60 "$RELGRAPH" lint --rules "$tmp/huge.rules" 2> "$tmp/huge-rules.err"
rc=$?
[ $rc -eq 2 ] || fail "3 GB rule file: exit $rc"
grep -qF "$tmp/huge.rules: over 67108864 bytes" "$tmp/huge-rules.err" || fail "3 GB rule file: $(cat "$tmp/huge-rules.err")"
echo "ok: FIFOs, devices and huge files in the cache and the rules"

# ---- Rule locations whatever the rules directory's spelling ----------------

mkdir "$tmp/spell" && cp -r "$rules" "$tmp/spell/myrules"
(
  cd "$tmp/spell" || exit 1
  "$RELGRAPH" build -q --cache c --rules myrules -T json -o a.json "$corpus" &&
    "$RELGRAPH" build -q --cache c --rules ./myrules/ -T json -o b.json "$corpus" &&
    "$RELGRAPH" build -q --no-cache --rules ./myrules -T json -o c.json "$corpus" &&
    "$RELGRAPH" build -q --no-cache --rules "$tmp/spell/myrules" -T json -o d.json "$corpus"
) || fail "spellings: a build failed"
grep -q '"myrules/relations/' "$tmp/spell/c.json" || fail "spellings: rule labels: $(grep -o '"rule": "[^"]*"' "$tmp/spell/c.json" | head -2)"
for f in b c d; do
  cmp -s "$tmp/spell/a.json" "$tmp/spell/$f.json" || fail "spellings: $f.json differs from a.json"
done
echo "ok: rule labels whatever the spelling, cached or not"

# ---- Links in the rules directory ---------------------------------------------

cp -r "$rules" "$tmp/loop-rules"
ln -s .. "$tmp/loop-rules/relations/up"
"$RELGRAPH" lint --rules "$tmp/loop-rules" > /dev/null 2> "$tmp/loop.err" || fail "directory loop in the rules: $(head -c 300 "$tmp/loop.err")"
ln -s self "$tmp/loop-rules/self"
"$RELGRAPH" lint --rules "$tmp/loop-rules" > /dev/null 2> "$tmp/self.err"
rc=$?
[ $rc -eq 2 ] || fail "link to itself in the rules: exit $rc"
[ "$(cat "$tmp/self.err")" = "relgraph: $tmp/loop-rules/self: symbolic link loop" ] || fail "link to itself: $(head -c 300 "$tmp/self.err")"
echo "ok: links in the rules directory"

# ---- What one document may produce in extract --------------------------------

# One 16 KiB sentence naming twenty states: each of its 190 rows repeats the
# sentence (3 MB from 16 KB). Rows stop at the document's budget (1 MiB
# here), with a warning naming it; the other documents are listed whole.
python3 - "$tmp/crafted.txt" <<'PY'
import sys
names = ["China", "Russia", "Japan", "North Korea", "South Korea", "India", "France", "Germany", "Iran", "Israel",
         "Turkey", "Brazil", "Canada", "Mexico", "Egypt", "Spain", "Italy", "Poland", "Ukraine", "Syria"]
one = ", ".join(names) + " and " + names[0] + " met " + " and ".join(names)
open(sys.argv[1], "w").write(" ".join([one] * 40) + ".\n")
PY
"$RELGRAPH" extract -q -o "$tmp/crafted.tsv" "$tmp/crafted.txt" "$good" 2> "$tmp/crafted.err" || fail "crafted: exit $?"
grep -qF "warning: $tmp/crafted.txt: 123 of 190 relation mentions not listed: over the 1048576 bytes" "$tmp/crafted.err" ||
  fail "crafted: $(cat "$tmp/crafted.err")"
size=$(wc -c < "$tmp/crafted.tsv")
[ "$size" -lt $((1100 * 1024)) ] || fail "crafted: $size bytes of rows"
grep -q $'^good\tChina\tmeet\tRussia' "$tmp/crafted.tsv" || fail "crafted: the other document lost"
echo "ok: rows per document bounded"

# ---- merge: n log n, bounded --jobs, counters that would wrap ----------------

python3 - "$tmp" <<'PY'
import hashlib, sys
def part(path, edges, nodes, docs=1):
    lines = ["relgraph-part\t1", f"info\tdocuments\t{docs}", "info\tsentences\t1", "info\tmentions\t1",
             "info\tevidence-limit\t3"]
    lines += [f"node\t{name}\tstate\t\t{m}\t\t" for name, m in nodes]
    for (s, r, t, w, ds) in edges:
        lines.append("\t".join(["edge", s, r, t, "symmetric", "cooperative", str(w), "", ""] + ds))
    body = "".join(l + "\n" for l in lines)
    body += "checksum\tsha256:" + hashlib.sha256(body.encode()).hexdigest() + "\n"
    open(sys.argv[1] + "/" + path, "w").write(body)
n = 300000
part("desc.part", [("China", "meet", "Russia", n, ["d%07d" % (n - i) for i in range(n)])], [("China", n), ("Russia", n)], n)
part("big-weight.part", [("China", "meet", "Russia", 4294967295, ["a"])], [("China", 1), ("Russia", 1)])
part("big-mentions.part", [("China", "meet", "Russia", 1, ["a"])], [("China", 4294967295), ("Russia", 1)])
part("big-docs.part", [("China", "meet", "Russia", 1, ["a"])], [("China", 1), ("Russia", 1)], 4294967295)
part("one.part", [("China", "meet", "Russia", 1, ["b"])], [("China", 1), ("Russia", 1)])
part("twice.part", [("China", "meet", "Russia", 4294967295, ["a"]), ("China", "meet", "Russia", 1, ["b"])],
     [("China", 1), ("Russia", 1)])
PY
# 300,000 documents on one edge, in reverse order: 30 s of memmove before.
timeout 20 "$RELGRAPH" merge -q -T tsv -o "$tmp/desc.tsv" "$tmp/desc.part" || fail "merge of 300,000 documents: exit $? (124: too slow)"
[ "$(awk -F'\t' 'NR == 2 { print $4 }' "$tmp/desc.tsv")" = 300000 ] || fail "merge of 300,000 documents: $(head -c 300 "$tmp/desc.tsv")"
[ "$(awk -F'\t' 'NR == 2 { n = split($5, d, ";"); print d[1], d[n] }' "$tmp/desc.tsv")" = "d0000001 d0300000" ] ||
  fail "merge of 300,000 documents: not sorted"
# Counts past 2^32 - 1 refuse the part that would wrap them; the others count.
for what in weight:"the weight of China meet Russia" mentions:"the mentions of China" docs:"the document count"; do
  "$RELGRAPH" merge -q -T tsv -o "$tmp/wrap.tsv" "$tmp/big-${what%%:*}.part" "$tmp/one.part" 2> "$tmp/wrap.err"
  rc=$?
  [ $rc -eq 2 ] || fail "${what%%:*} wrap: exit $rc"
  grep -qF "$tmp/one.part: merging it would take ${what#*:} past 4294967295; refused" "$tmp/wrap.err" ||
    fail "${what%%:*} wrap: $(cat "$tmp/wrap.err")"
done
"$RELGRAPH" merge -q -T tsv -o "$tmp/twice.tsv" "$tmp/twice.part" "$tmp/one.part" 2> "$tmp/twice.err"
[ $? -eq 2 ] && grep -qF "$tmp/twice.part:9:46:" "$tmp/twice.err" && grep -qF "weight past 4294967295" "$tmp/twice.err" ||
  fail "one part listing an edge twice: $(cat "$tmp/twice.err")"
grep -q $'^China\tmeet\tRussia\t1\tb$' "$tmp/twice.tsv" || fail "one part listing an edge twice: the other part lost"
# --jobs is bounded before anything is allocated for it.
"$RELGRAPH" build -j 2000000000 --no-cache -T tsv -o "$tmp/jobs.tsv" "$good" 2> "$tmp/jobs.err"
rc=$?
[ $rc -eq 2 ] || fail "-j 2000000000: exit $rc: $(head -c 300 "$tmp/jobs.err")"
grep -qF -- "--jobs must be at most 1024, not 2000000000" "$tmp/jobs.err" || fail "-j 2000000000: $(head -c 300 "$tmp/jobs.err")"
echo "ok: merge in n log n, counters never wrap, --jobs bounded"

# ---- A rebuilt output keeps the mode of the file it replaces -----------------

"$RELGRAPH" build -q --no-cache -T tsv,json,dot -o "$tmp/modes" "$good" || fail "modes: first build"
chmod 600 "$tmp/modes/relgraph.tsv"; chmod 640 "$tmp/modes/relgraph.json"; chmod 604 "$tmp/modes/relgraph.dot"
"$RELGRAPH" extract -q -o "$tmp/modes/rows.tsv" "$good" && chmod 600 "$tmp/modes/rows.tsv" || fail "modes: extract"
"$RELGRAPH" build -q --no-cache -T tsv,json,dot -o "$tmp/modes" "$good" || fail "modes: rebuild"
"$RELGRAPH" extract -q -o "$tmp/modes/rows.tsv" "$good" || fail "modes: extract again"
[ "$(cd "$tmp/modes" && stat -c '%a %n' relgraph.tsv relgraph.json relgraph.dot rows.tsv | tr '\n' ' ')" = \
  "600 relgraph.tsv 640 relgraph.json 604 relgraph.dot 600 rows.tsv " ] ||
  fail "modes: $(cd "$tmp/modes" && stat -c '%a %n' relgraph.tsv relgraph.json relgraph.dot rows.tsv)"
echo "ok: modes kept"

# ---- Cache entries are bound to their keys -----------------------------------

# Every entry copied over every other: each is caught, the graph is the
# uncached one, and the next run finds the cache repaired.
"$RELGRAPH" build -q --cache "$tmp/swap-cache" -T json -o "$tmp/swap0.json" "$corpus" || fail "swap: cold build"
mapfile -t entries < <(find "$tmp/swap-cache/v1" -name '*.part' | sort)
[ ${#entries[@]} -ge 3 ] || fail "swap: ${#entries[@]} entries"
first=$(mktemp "$tmp/first.XXXXXX")
cp "${entries[0]}" "$first"
for ((i = 0; i + 1 < ${#entries[@]}; i++)); do cp "${entries[i + 1]}" "${entries[i]}"; done
cp "$first" "${entries[-1]}"
"$RELGRAPH" build -q --cache "$tmp/swap-cache" -T json -o "$tmp/swap1.json" "$corpus" 2> "$tmp/swap1.err" || fail "swap: exit $?"
grep -qF ", not of " "$tmp/swap1.err" || fail "swap: no warning: $(cat "$tmp/swap1.err")"
cmp -s "$tmp/fresh.json" "$tmp/swap1.json" || fail "swap: another graph than the uncached build"
"$RELGRAPH" build -q --cache "$tmp/swap-cache" -T json -o "$tmp/swap2.json" "$corpus" 2> "$tmp/swap2.err" || fail "swap: rerun"
[ -s "$tmp/swap2.err" ] && fail "swap: the cache was not repaired: $(cat "$tmp/swap2.err")"
cmp -s "$tmp/fresh.json" "$tmp/swap2.json" || fail "swap: rerun gives another graph"
echo "ok: cache entries bound to their keys"

# ---- cache prune deletes only what the cache wrote ---------------------------

mkdir -p "$tmp/project/v1/src" "$tmp/project/v1/ab"
echo 'int main(void) { return 0; }' > "$tmp/project/v1/src/main.c"
echo notes > "$tmp/project/v1/ab/notes.txt"
"$RELGRAPH" cache prune --cache "$tmp/project" "$corpus" 2> "$tmp/prune-project.err"
rc=$?
[ $rc -eq 2 ] || fail "prune of a project: exit $rc"
grep -qF "not a relgraph cache, nothing removed" "$tmp/prune-project.err" || fail "prune of a project: $(cat "$tmp/prune-project.err")"
[ -f "$tmp/project/v1/src/main.c" ] && [ -f "$tmp/project/v1/ab/notes.txt" ] || fail "prune deleted a project's files"
# In a real cache, files it did not write stay; its own unused entries go.
pc=$tmp/prune-cache
"$RELGRAPH" build -q --cache "$pc" -T json -o "$tmp/p.json" "$corpus" "$good" || fail "prune: build"
[ -f "$pc/CACHEDIR.TAG" ] || fail "prune: no CACHEDIR.TAG"
mkdir -p "$pc/v1/src" "$pc/v1/layout"
echo 'int main(void) { return 0; }' > "$pc/v1/src/main.c"
sub=$(find "$pc/v1" -name '*.part' | head -1 | xargs dirname)
echo mine > "$sub/README"
echo mine > "$sub/$(basename "$sub")000000000000000000000000000000.part"
echo mine > "$pc/v1/layout/notes.txt"
before=$(find "$pc/v1" -name '*.part' | wc -l)
"$RELGRAPH" cache prune -q --cache "$pc" "$corpus" || fail "prune: exit $?"
after=$(find "$pc/v1" -name '*.part' | wc -l)
[ "$after" -lt "$before" ] || fail "prune: no unused entry removed ($before -> $after)"
for f in "$pc/v1/src/main.c" "$sub/README" "$sub/$(basename "$sub")000000000000000000000000000000.part" "$pc/v1/layout/notes.txt"; do
  [ -f "$f" ] || fail "prune deleted $f, which the cache never wrote"
done
echo "ok: prune deletes only the cache's own files"

# ---- build --check writes nothing, the cache included ------------------------

"$RELGRAPH" build -q --no-cache -T tsv -o "$tmp/check" "$corpus" || fail "--check: first build"
"$RELGRAPH" build -q --cache "$tmp/check-cache" --check -T tsv,svg -o "$tmp/check" "$corpus" > /dev/null
[ $? -eq 1 ] || fail "--check: exit $?, want 1 (the SVG is missing)"
files=$(find "$tmp/check-cache" -type f 2> /dev/null)
[ -z "$files" ] || fail "--check wrote cache files: $(echo "$files" | head -3)"
echo "ok: --check writes no cache files"

# ---- Document ids that outputs cannot tell apart -----------------------------

mkdir -p "$tmp/ids/a" "$tmp/ids/b"
echo 'China met Russia.' > "$tmp/ids/a/report.txt"
echo 'Japan criticized North Korea.' > "$tmp/ids/b/report.txt"
echo 'Iran met Syria.' > "$tmp/ids/b/report.md"
echo 'Iran met Syria.' > "$tmp/ids/x;y.txt"
"$RELGRAPH" build --no-cache -T tsv -o "$tmp/ids.tsv" "$tmp/ids" 2> "$tmp/ids.err" || fail "ids: exit $?"
grep -qF "warning: $tmp/ids/a/report.txt and $tmp/ids/b/report.md have one document id, \"report\"" "$tmp/ids.err" ||
  fail "ids: no warning of the collision: $(cat "$tmp/ids.err")"
# The documents column lists ids that split back: ';' (and '%') percent-encoded.
grep -qF $'Iran\tmeet\tSyria\t2\treport;x%3By' "$tmp/ids.tsv" ||
  fail "ids: the documents column: $(grep Iran "$tmp/ids.tsv")"
# JSONL lines' ids, against each other and against files' ids: said as
# the lines are read.
mkdir -p "$tmp/jids"
echo 'China met Russia.' > "$tmp/jids/report.txt"
printf '%s\n' '{"id":"report","text":"Iran met Syria."}' '{"id":"x","text":"Japan met China."}' \
  '{"id":"x","text":"Japan met Russia."}' '{"id":"x","text":"Japan met Iran."}' > "$tmp/jids/lines.jsonl"
"$RELGRAPH" build --no-cache -T tsv -o "$tmp/jids.tsv" "$tmp/jids" 2> "$tmp/jids.err" || fail "JSONL ids: exit $?"
grep -qF "warning: $tmp/jids/report.txt and $tmp/jids/lines.jsonl:1 have one document id, \"report\"" "$tmp/jids.err" ||
  fail "JSONL ids: no warning of the file's id: $(cat "$tmp/jids.err")"
[ "$(grep -c 'have one document id, "x"' "$tmp/jids.err")" = 1 ] ||
  fail "JSONL ids: want one warning for \"x\": $(cat "$tmp/jids.err")"
echo "ok: ambiguous document ids warned about; ids with ; listed unambiguously"

# ---- Out of memory -------------------------------------------------------------

# Under a small address-space limit a build either succeeds or says "out of
# memory" and exits 2: never a GLib trap (exit 133, a failed g_malloc or
# thread creation), a segmentation fault inside pango, fontconfig or
# cgraph (exit 139) or a failed Graphviz assertion (exit 134), never a
# hang; a figure that fails for want of memory (pango's plugin not loaded)
# says that it is most likely out of memory. Not under ASan, which cannot run under
# ulimit -v. The small limits, every 2 MiB, are where a figure thread's
# stack overflowed (glib logging its own failed allocation over and over)
# and the process died of a second fault before it could say anything.
if ! grep -qa __asan_init "$RELGRAPH"; then
  for mb in $(seq 60 2 140) 150 200 300; do
    rm -rf "$tmp/oom"
    (ulimit -v $((mb * 1024)) && exec timeout 60 "$RELGRAPH" build --no-cache -T dot,svg,graphml,json,tsv \
      -o "$tmp/oom" "$RELGRAPH_SRC/seeds") > /dev/null 2> "$tmp/oom.err"
    rc=$?
    case $rc in
      0) [ -s "$tmp/oom/relgraph.svg" ] || fail "ulimit -v ${mb} MiB: exit 0 without the SVG" ;;
      # (A library may have begun a line of its own: "parser error : relgraph: ...".)
      2) grep -q 'relgraph: ' "$tmp/oom.err" && grep -q 'out of memory' "$tmp/oom.err" ||
           fail "ulimit -v ${mb} MiB: exit 2 without 'out of memory': $(tail -c 600 "$tmp/oom.err")" ;;
      *) fail "ulimit -v ${mb} MiB: exit $rc: $(tail -c 600 "$tmp/oom.err")" ;;
    esac
  done
  echo "ok: a small ulimit -v gives the outputs or 'out of memory', exit 2"
fi
