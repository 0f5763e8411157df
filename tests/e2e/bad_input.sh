#!/usr/bin/env bash
# The bad-input suite: for each kind of bad corpus, rule or output input,
# the message, the exit code, and that every good document still counts
# (its edges are in the output) or, for outputs, that the previous figure
# is left intact.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

# Runs relgraph as an unprivileged user when we are root, so that file
# permissions mean something.
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
  else
    "$@"
  fi
}
chmod 755 "$tmp"
mkdir -m 1777 "$tmp/w" # where the unprivileged runs write
# The unprivileged user may not be able to enter the build or source tree
# (a checkout under /root): it gets its own copy of the binary and rules.
cp "$RELGRAPH" "$tmp/relgraph-copy"
cp -r "$RELGRAPH_SRC/rules" "$tmp/rules-copy"
chmod -R a+rX "$tmp/relgraph-copy" "$tmp/rules-copy"
cp "$RELGRAPH_SRC/tests/sanitizers/lsan.supp" "$tmp/lsan.supp"
chmod a+r "$tmp/lsan.supp"
user_relgraph() {
  local lsan=${LSAN_OPTIONS:-}
  LSAN_OPTIONS=${lsan//$RELGRAPH_SRC\/tests\/sanitizers\/lsan.supp/$tmp\/lsan.supp} \
    as_user "$tmp/relgraph-copy" "$@" --rules "$tmp/rules-copy"
}

good=$tmp/good
mkdir "$good"
cp "$RELGRAPH_SRC"/seeds/000_*.txt "$RELGRAPH_SRC"/seeds/002_*.txt "$good/"
edges() { awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\t" $3 }' "$1" | sort; }
"$RELGRAPH" build -q --no-cache -T tsv -o "$tmp/baseline.tsv" "$good" || fail "baseline build"
edges "$tmp/baseline.tsv" > "$tmp/baseline.edges"
[ "$(wc -l < "$tmp/baseline.edges")" -gt 10 ] || fail "baseline has too few edges"

# expect NAME WANT_RC MESSAGE CORPUS...: builds the good documents plus
# CORPUS; checks the exit code, that stderr holds MESSAGE, and that every
# edge of the good documents is in the output.
expect() {
  local name=$1 want_rc=$2 message=$3
  shift 3
  local out=$tmp/out-$name.tsv
  "$RELGRAPH" build --no-cache -T tsv -o "$out" "$good" "$@" 2> "$tmp/$name.err"
  local rc=$?
  [ $rc -eq "$want_rc" ] || fail "$name: exit $rc, want $want_rc: $(cat "$tmp/$name.err")"
  grep -qF -- "$message" "$tmp/$name.err" || fail "$name: no \"$message\" in: $(cat "$tmp/$name.err")"
  [ -s "$out" ] || fail "$name: no output written"
  comm -23 "$tmp/baseline.edges" <(edges "$out") > "$tmp/$name.lost"
  [ -s "$tmp/$name.lost" ] && fail "$name: good documents' edges lost: $(head -3 "$tmp/$name.lost")"
  echo "ok: $name"
}

# ---- Corpus ------------------------------------------------------------------

bad=$tmp/bad
mkdir "$bad"
printf 'Xi Jinping visited Pyongyang.\nJapan \xff\xfe criticized North Korea.\n' > "$bad/latin1.txt"
expect invalid-utf8 0 "warning: $bad/latin1.txt: byte 36: invalid UTF-8, replaced" "$bad/latin1.txt"
grep -q $'^Japan\tcriticize\tNorth Korea' "$tmp/out-invalid-utf8.tsv" || fail "invalid-utf8: the repaired document does not count"

{ head -c 9000 /dev/zero | tr '\0' ' '; printf 'Japan criticized\0North Korea.\n'; } > "$bad/late-nul.txt"
expect nul-bytes 0 "warning: $bad/late-nul.txt: byte 9016: NUL byte, replaced by a space" "$bad/late-nul.txt"
grep -q $'^Japan\tcriticize\tNorth Korea' "$tmp/out-nul-bytes.tsv" || fail "nul-bytes: the document does not count"

printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR Japan criticized North Korea.' > "$bad/photo.txt"
expect binary-file 0 "warning: $bad/photo.txt: binary file (NUL byte at byte 8), skipped" "$bad/photo.txt"
grep -q $'^Japan\tcriticize' "$tmp/out-binary-file.tsv" && fail "binary-file: a skipped file gave edges"
grep -q '2 documents, 1 skipped' "$tmp/binary-file.err" || fail "binary-file: summary: $(cat "$tmp/binary-file.err")"

: > "$bad/empty.txt"
expect empty-file 0 "warning: $bad/empty.txt: empty file" "$bad/empty.txt"

# 100 MB on one line: bounded time and memory (sentences are cut at 16 KiB).
python3 - "$bad/one-line.txt" <<'PY'
import sys
words = "Japan criticized North Korea and Russia said nothing more about it today "
block = words * ((1 << 20) // len(words) + 1)
with open(sys.argv[1], "w") as f:
    for _ in range(100):
        f.write(block[: 1 << 20])
PY
[ "$(wc -l < "$bad/one-line.txt")" -eq 0 ] || fail "one-line: the file has a newline"
if /usr/bin/time -f '%M' -o "$tmp/one-line.rss" true 2>/dev/null; then
  timer=(/usr/bin/time -f '%M' -o "$tmp/one-line.rss")
else
  timer=()
fi
"${timer[@]}" "$RELGRAPH" build --no-cache -T tsv -o "$tmp/out-one-line.tsv" "$good" "$bad/one-line.txt" 2> "$tmp/one-line.err" ||
  fail "one-line: exit $?: $(cat "$tmp/one-line.err")"
grep -q $'^Japan\tcriticize\tNorth Korea\t' "$tmp/out-one-line.tsv" || fail "one-line: no edge from the long line"
comm -23 "$tmp/baseline.edges" <(edges "$tmp/out-one-line.tsv") | grep -q . && fail "one-line: good edges lost"
if [ ${#timer[@]} -gt 0 ]; then
  rss=$(tail -1 "$tmp/one-line.rss")
  # The file itself is 100 MB and is held once; the limit leaves room for
  # sanitizer builds.
  [ "$rss" -lt 1500000 ] || fail "one-line: peak RSS ${rss} KB"
fi
rm "$bad/one-line.txt"
echo "ok: one-line (100 MB, no newline)"

printf 'Japan criticized North Korea.\n' > "$bad/secret.txt"
chmod 000 "$bad/secret.txt"
user_relgraph build --no-cache -T tsv -o "$tmp/w/out-unreadable.tsv" "$good" "$bad/secret.txt" 2> "$tmp/unreadable.err"
rc=$?
[ $rc -eq 2 ] || fail "unreadable: exit $rc, want 2: $(cat "$tmp/unreadable.err")"
grep -qF "$bad/secret.txt: Permission denied" "$tmp/unreadable.err" || fail "unreadable: $(cat "$tmp/unreadable.err")"
comm -23 "$tmp/baseline.edges" <(edges "$tmp/w/out-unreadable.tsv") | grep -q . && fail "unreadable: good edges lost"
grep -q '2 documents, 1 unreadable' "$tmp/unreadable.err" || fail "unreadable: summary: $(cat "$tmp/unreadable.err")"
echo "ok: unreadable file"
rm -f "$bad/secret.txt"

mkdir -p "$tmp/tree/sub/locked"
cp "$good"/*.txt "$tmp/tree/"
printf 'Japan criticized North Korea.\n' > "$tmp/tree/sub/locked/x.txt"
chmod 000 "$tmp/tree/sub/locked"
user_relgraph build --no-cache -T tsv -o "$tmp/w/out-locked.tsv" "$tmp/tree" 2> "$tmp/locked.err"
rc=$?
[ $rc -eq 2 ] || fail "locked directory: exit $rc, want 2: $(cat "$tmp/locked.err")"
grep -qF "$tmp/tree/sub/locked: Permission denied" "$tmp/locked.err" || fail "locked directory: $(cat "$tmp/locked.err")"
comm -23 "$tmp/baseline.edges" <(edges "$tmp/w/out-locked.tsv") | grep -q . && fail "locked directory: good edges lost"
chmod 755 "$tmp/tree/sub/locked"
echo "ok: unreadable directory"

mkdir -p "$tmp/loops/a"
cp "$good"/*.txt "$tmp/loops/a/"
ln -s .. "$tmp/loops/a/parent"        # a directory loop: walked once
ln -s self.txt "$tmp/loops/self.txt"  # a link to itself
ln -s gone.txt "$tmp/loops/broken.txt"
"$RELGRAPH" build --no-cache -T tsv -o "$tmp/out-loops.tsv" "$tmp/loops" 2> "$tmp/loops.err"
rc=$?
[ $rc -eq 0 ] || fail "symlink loop: exit $rc: $(cat "$tmp/loops.err")"
grep -qF "warning: $tmp/loops/self.txt: symbolic link loop, skipped" "$tmp/loops.err" || fail "symlink loop: $(cat "$tmp/loops.err")"
grep -qF "warning: $tmp/loops/broken.txt: broken symbolic link, skipped" "$tmp/loops.err" || fail "broken link: $(cat "$tmp/loops.err")"
cmp -s "$tmp/baseline.tsv" "$tmp/out-loops.tsv" || fail "symlink loop: documents read twice or lost"
echo "ok: symlink loops"

expect missing-path 2 "$tmp/no-such-file.txt: No such file or directory" "$tmp/no-such-file.txt"
printf '{"id": "a", "text": "Japan criticized North Korea."}\n{"id": "b", "text": \n{"id": "c", "text": "Russia met China."}\n' > "$bad/lines.jsonl"
expect bad-jsonl-line 2 "$bad/lines.jsonl:2:" "$bad/lines.jsonl"
grep -q $'^Japan\tcriticize\tNorth Korea' "$tmp/out-bad-jsonl-line.tsv" || fail "bad-jsonl-line: line 1 lost"

truncate -s 1100M "$bad/huge.txt"
expect too-large 2 "$bad/huge.txt: 1.1 GiB, over the 1 GiB a document may have; split it" "$bad/huge.txt"
rm "$bad/huge.txt"

# ---- Rules -------------------------------------------------------------------
# A rule error stops the run before any output is written: the previous
# figure stays as it was. Every message is file:line:col.

mkdir "$tmp/figs"
"$RELGRAPH" build -q --no-cache -T tsv,graphml -o "$tmp/figs" "$good" || fail "figure build"
cp -r "$tmp/figs" "$tmp/figs.before"
rules_case() {
  local name=$1 file=$2 want=$3 content=$4
  rm -rf "$tmp/r"
  mkdir "$tmp/r"
  printf 'actor China state\n  metonym Beijing\nactor Japan state\n' > "$tmp/r/a.actors"
  printf 'vocabulary visit | meet\nrelation visit directed\n  {src} visited {dst}\n' > "$tmp/r/b.rules"
  printf '%b' "$content" > "$tmp/r/$file"
  "$RELGRAPH" build --no-cache --rules "$tmp/r" -T tsv,graphml -o "$tmp/figs" "$good" 2> "$tmp/rules.err"
  local rc=$?
  [ $rc -eq 2 ] || fail "rules $name: exit $rc, want 2: $(cat "$tmp/rules.err")"
  grep -qF -- "$tmp/r/$want" "$tmp/rules.err" || fail "rules $name: want \"$want\" in: $(cat "$tmp/rules.err")"
  diff -r "$tmp/figs.before" "$tmp/figs" > /dev/null || fail "rules $name: the previous figures changed"
  echo "ok: rules: $name"
}
rules_case "actor line" a.actors "a.actors:1:7: error: expected \"actor NAME TYPE\"" 'actor China\n'
rules_case "actor type" a.actors "a.actors:1:16: error: unknown actor type \"country\"" 'actor Atlantis country\n'
rules_case "duplicate actor" a.actors "a.actors:2:7: error: actor \"China\" is already defined" 'actor China state\nactor China state\n'
rules_case "unknown keyword" a.actors "a.actors:2:3: error: unknown keyword \"nickname\"" 'actor China state\n  nickname Middle Kingdom\n'
rules_case "unindented property" a.actors "a.actors:2:1: error: expected \"actor NAME TYPE\" (property lines must be indented)" 'actor China state\nalias PRC\n'
rules_case "empty alias" a.actors "a.actors:2:15: error: empty item in list" 'actor China state\n  alias PRC | | Beijing\n'
rules_case "unknown member_of" a.actors "a.actors:2:13: error: member_of names unknown actor \"Atlantis\"" 'actor Xi Jinping official\n  member_of Atlantis\n'
rules_case "ambiguous alias" a.actors "a.actors:4:9: error: alias \"Beijing\" is ambiguous" 'actor China state\n  metonym Beijing\nactor Peking state\n  alias Beijing\n'
rules_case "invalid UTF-8" b.rules "b.rules:3:14: error: invalid UTF-8" 'vocabulary visit\nrelation visit directed\n  {src} visit\xff {dst}\n'
rules_case "unknown relation" b.rules "b.rules:2:10: error: unknown relation \"vist\"" 'vocabulary visit\nrelation vist directed\n  {src} visited {dst}\n'
rules_case "relation kind" b.rules "b.rules:2:16: error: expected directed or symmetric, not \"sideways\"" 'vocabulary visit\nrelation visit sideways\n  {src} visited {dst}\n'
rules_case "unknown directive" b.rules "b.rules:2:1: error: unknown directive" 'vocabulary visit\nfrobnicate visit\n'
rules_case "pattern outside relation" b.rules "b.rules:2:3: error: pattern outside of a relation" 'vocabulary visit\n  {src} visited {dst}\n'
rules_case "unclosed (" b.rules "b.rules:3:23: error: unclosed '('" 'vocabulary visit\nrelation visit directed\n  {src} visited {dst} (today | now\n'
rules_case "unclosed {" b.rules "b.rules:3:3: error: unclosed '{'" 'vocabulary visit\nrelation visit directed\n  {src visited {dst}\n'
rules_case "unknown slot" b.rules "b.rules:3:18: error: unknown slot \"target\"" 'vocabulary visit\nrelation visit directed\n  {src} visited {target}\n'
rules_case "gap out of range" b.rules "b.rules:3:9: error: a gap ..N needs 1 <= N <= 20" 'vocabulary visit\nrelation visit directed\n  {src} ..99 visited {dst}\n'
rules_case "unknown macro" b.rules "b.rules:3:9: error: unknown macro \"@travel\"" 'vocabulary visit\nrelation visit directed\n  {src} @travel {dst}\n'
rules_case "empty alternative" b.rules "b.rules:3:19: error: empty alternative" 'vocabulary visit\nrelation visit directed\n  {src} (visited | ) {dst}\n'
rules_case "slot in a choice" b.rules "b.rules:3:18: error: slots cannot be inside ( ) or [ ]" 'vocabulary visit\nrelation visit directed\n  {src} visited ({dst} | the {dst})\n'
rules_case "misplaced *" b.rules "b.rules:3:9: error: '*' may only end a word: \"vis*ted\"" 'vocabulary visit\nrelation visit directed\n  {src} vis*ted {dst}\n'

# A pattern that would backtrack exponentially (24 optional words, nested
# gaps) on long sentences full of what it can skip: the matcher caps the
# work per position, so the run stays linear and quick.
rm -rf "$tmp/r"
mkdir "$tmp/r"
printf 'actor Aland state\nactor Borduria state\n' > "$tmp/r/a.actors"
{
  printf 'vocabulary visit\nrelation visit directed\n'
  printf '  {src}'; for _ in $(seq 24); do printf ' [w]'; done; printf ' zzz {dst}\n'
  printf '  {src} ..20 ..20 ..20 ..20 ..20 ..20 ..20 ..20 zzz {dst}\n'
  printf '  {src} ..20 [w | w w | w w w] ..20 [w | w w] ..20 [w | w w | w w w] ..20 zzz {dst}\n'
} > "$tmp/r/b.rules"
python3 - "$bad/patho.txt" <<'PY'
import sys
unit = " ".join(["Aland"] + ["w"] * 30)
line = " ".join([unit] * 20) + " zzz q Borduria. Aland " + "w " * 23 + "zzz Borduria.\n"
with open(sys.argv[1], "w") as f:
    f.write(line * (1_000_000 // len(line)))
PY
timeout 60 "$RELGRAPH" extract -q --rules "$tmp/r" -o "$tmp/patho.tsv" "$bad/patho.txt" ||
  fail "pathological pattern: exit $? (124: over 60 s)"
grep -q $'\tAland\tvisit\tBorduria\t' "$tmp/patho.tsv" || fail "pathological pattern: the short match is lost"
rm "$bad/patho.txt"
echo "ok: rules: exponential pattern bounded"

# ---- Outputs -----------------------------------------------------------------

# A full disk: exit 2 with the reason; a device is written in place, never
# replaced by a file.
"$RELGRAPH" build -q --no-cache -T tsv -o /dev/full "$good" 2> "$tmp/full.err"
rc=$?
[ $rc -eq 2 ] || fail "/dev/full: exit $rc"
grep -qF "/dev/full: No space left on device" "$tmp/full.err" || fail "/dev/full: $(cat "$tmp/full.err")"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
"$RELGRAPH" extract -q -T part -o /dev/full "$good" 2> "$tmp/full.err"; rc=$?
[ $rc -eq 2 ] || fail "/dev/full part: exit $rc"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
"$RELGRAPH" build -q --no-cache -T tsv -o - "$good" > /dev/full 2> "$tmp/full.err"; rc=$?
[ $rc -eq 2 ] || fail "stdout on /dev/full: exit $rc"
grep -qF "standard output: No space left on device" "$tmp/full.err" || fail "stdout on /dev/full: $(cat "$tmp/full.err")"
echo "ok: /dev/full"

# /dev/stdout on a regular file is a link to that file: written through (as
# the shell's own redirection would be), never renamed over. As root a
# rename would replace the link in /dev itself.
"$RELGRAPH" extract -q -o /dev/stdout "$good" > "$tmp/via-stdout.tsv" || fail "-o /dev/stdout: exit $?"
[ -L /dev/stdout ] || fail "/dev/stdout is no longer a link"
head -1 "$tmp/via-stdout.tsv" | grep -q '^doc' || fail "-o /dev/stdout: $(head -c 200 "$tmp/via-stdout.tsv")"
"$RELGRAPH" build -q --no-cache -T dot -o /dev/stdout "$good" > "$tmp/via-stdout.dot" || fail "build -o /dev/stdout"
[ -L /dev/stdout ] || fail "/dev/stdout is no longer a link"
grep -q '^digraph' "$tmp/via-stdout.dot" || fail "build -o /dev/stdout: $(head -c 200 "$tmp/via-stdout.dot")"
# A link elsewhere is followed: the file it points to gets the figure, and
# the link stays a link. One that points nowhere yet creates that file.
mkdir -p "$tmp/linked"
echo old > "$tmp/linked/target.dot"
ln -s target.dot "$tmp/linked/figure.dot"
"$RELGRAPH" build -q --no-cache -o "$tmp/linked/figure.dot" "$good" || fail "build through a link"
[ -L "$tmp/linked/figure.dot" ] || fail "the link to the figure was replaced"
grep -q '^digraph' "$tmp/linked/target.dot" || fail "the link's target was not written"
ln -s new.tsv "$tmp/linked/dangling.tsv"
"$RELGRAPH" build -q --no-cache -o "$tmp/linked/dangling.tsv" "$good" || fail "build through a dangling link"
[ -L "$tmp/linked/dangling.tsv" ] && grep -q '^source' "$tmp/linked/new.tsv" || fail "dangling link: $(ls -l "$tmp/linked")"
[ "$(ls "$tmp/linked" | sort | tr '\n' ' ')" = "dangling.tsv figure.dot new.tsv target.dot " ] ||
  fail "files beside the links: $(ls "$tmp/linked")"
echo "ok: links"

# An output directory that cannot be written: exit 2, the previous figures
# are intact and no temporary file is left behind.
chmod 755 "$tmp/figs" && chmod 644 "$tmp/figs"/* && chmod 555 "$tmp/figs"
printf 'Japan criticized North Korea.\n' > "$tmp/extra.txt"
user_relgraph build --no-cache -T tsv,graphml -o "$tmp/figs" "$good" "$tmp/extra.txt" 2> "$tmp/ro.err"
rc=$?
[ $rc -eq 2 ] || fail "read-only output: exit $rc: $(cat "$tmp/ro.err")"
grep -qF "$tmp/figs/relgraph.tsv" "$tmp/ro.err" || fail "read-only output: $(cat "$tmp/ro.err")"
grep -q 'Permission denied' "$tmp/ro.err" || fail "read-only output: $(cat "$tmp/ro.err")"
diff -r "$tmp/figs.before" "$tmp/figs" > /dev/null || fail "read-only output: the previous figures changed"
chmod 755 "$tmp/figs"
echo "ok: unwritable output directory"

echo "bad_input: ok"
