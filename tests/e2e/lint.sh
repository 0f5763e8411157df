#!/usr/bin/env bash
# relgraph lint on the command line: the default rules are clean (exit 0),
# broken rules give every problem as file:line:col (exit 1), --werror.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

"$RELGRAPH" lint --help | grep -- '--werror' >/dev/null || fail "--help"
"$RELGRAPH" lint --rules "$RELGRAPH_SRC/rules" > "$tmp/out" 2> "$tmp/err" || fail "default rules exit $?: $(cat "$tmp/out")"
grep -q ': error:' "$tmp/out" && fail "default rules have errors"
grep -q '^relgraph lint: 0 errors' "$tmp/err" || fail "summary: $(cat "$tmp/err")"

mkdir "$tmp/r"
cat > "$tmp/r/a.actors" <<'TXT'
actor China state
  alias PRC
actor Taiwan state
  alias ROC | PRC
actor Atlantis country
TXT
cat > "$tmp/r/b.rules" <<'TXT'
vocabulary visit | meet
define @unused = x | y
relation visit directed
  {src:official} visited {dst:state}
  {src} visited (to {dst}
relation vist directed
relation meet symmetric
TXT
"$RELGRAPH" lint --rules "$tmp/r" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "broken rules exit $rc (want 1)"
for want in \
  "$tmp/r/a.actors:4:15: error: alias \"PRC\" is ambiguous" \
  "$tmp/r/a.actors:5:16: error: unknown actor type \"country\"" \
  "$tmp/r/b.rules:2:8: warning: macro \"@unused\" is never used" \
  "$tmp/r/b.rules:4:3: error: {src:official} can never be filled" \
  "$tmp/r/b.rules:5:" \
  "$tmp/r/b.rules:6:10: error: unknown relation \"vist\"" \
  "$tmp/r/b.rules:7:1: warning: relation \"meet\" has no patterns"; do
  grep -qF "$want" "$tmp/out" || fail "missing: $want
$(cat "$tmp/out")"
done
# Sorted by file, then line.
sort -t: -k1,1 -k2,2n -s "$tmp/out" | cmp -s - "$tmp/out" || fail "not sorted"
grep -q '^relgraph lint: [0-9]* errors, [0-9]* warnings in 2 files' "$tmp/err" || fail "summary"

# Warnings alone: exit 0, or 1 with --werror.
rm "$tmp/r/a.actors"
printf 'actor China state\nactor Zhao Leji official\n  short China\n' > "$tmp/r/a.actors"
printf 'relation visit directed\n  {src} visited {dst}\n  {src} visited {dst}\n' > "$tmp/r/b.rules"
"$RELGRAPH" lint -q --rules "$tmp/r" > "$tmp/out"; [ $? -eq 0 ] || fail "warnings only: exit $?"
grep -q 'warning: duplicate pattern' "$tmp/out" || fail "duplicate warning"
"$RELGRAPH" lint -q --werror --rules "$tmp/r" > /dev/null; [ $? -eq 1 ] || fail "--werror exit"

# Unreadable rules: exit 2.
"$RELGRAPH" lint --rules "$tmp/missing" 2> /dev/null; [ $? -eq 2 ] || fail "missing rules exit"
"$RELGRAPH" lint extra-arg 2> /dev/null; [ $? -eq 2 ] || fail "unexpected argument exit"
echo "lint: ok"
