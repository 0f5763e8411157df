#!/usr/bin/env bash
# relgraph explain: supporting sentences with document and rule, exit 1
# when there is none, --why-not with hedged and other matches, errors.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
seeds=$RELGRAPH_SRC/seeds

"$RELGRAPH" explain --help | grep -- '--why-not' >/dev/null || fail "--help"

# On the shipped corpus: the count line, then doc:sentence and rule file:line.
"$RELGRAPH" explain -q "Zhao Leji" visit "North Korea" "$seeds" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "supported edge exit $rc"
head -1 "$tmp/out" | grep -q '^Zhao Leji visit North Korea: [0-9]* mentions in [0-9]* documents$' || fail "count line: $(head -1 "$tmp/out")"
grep -q '^000_3f36a55123f2af5d:[0-9]*  rules/relations/diplomacy\.rules:[0-9]*$' "$tmp/out" || fail "doc:sentence and rule"
grep -q '^    .*Zhao Leji.*Pyongyang' "$tmp/out" || fail "the sentence itself"
# The count agrees with extract.
n=$(head -1 "$tmp/out" | sed 's/.*: \([0-9]*\) mentions.*/\1/')
m=$("$RELGRAPH" extract -q "$seeds" | awk -F'\t' '$2 == "Zhao Leji" && $3 == "visit" && $4 == "North Korea"' | wc -l)
[ "$n" -eq "$m" ] || fail "explain counts $n mentions, extract $m"

# A symmetric relation matches either order.
"$RELGRAPH" explain -q "Xi Jinping" meet "Kim Jong Un" "$seeds" > /dev/null || fail "symmetric relation in the other order"

# Invented documents (not from seeds/): one supports, one is hedged, one
# names both without the relation.
cat > "$tmp/a.txt" <<'TXT'
Sergei Lavrov visited Beijing on Monday. Lavrov may visit Pyongyang next month. Lavrov praised Pyongyang's new airport.
TXT
"$RELGRAPH" explain -q "Sergei Lavrov" visit "North Korea" "$tmp/a.txt" > "$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "unsupported edge exit $rc (want 1)"
grep -q ': 0 mentions in 0 documents' "$tmp/out" || fail "zero count"
"$RELGRAPH" explain -q --why-not "Sergei Lavrov" visit "North Korea" "$tmp/a.txt" > "$tmp/out"; rc=$?
[ $rc -eq 1 ] || fail "--why-not exit $rc"
grep -q '^2 other sentences name both Sergei Lavrov and North Korea but gave no visit:$' "$tmp/out" || fail "why-not header: $(cat "$tmp/out")"
grep -q '^a:1$' "$tmp/out" || fail "the hedged sentence is listed"
grep -q 'hedged, dropped by default' "$tmp/out" || fail "the hedged match is explained"
grep -q '^a:2$' "$tmp/out" || fail "the sentence without a visit pattern is listed"
grep -q '^a:0$' "$tmp/out" && fail "a sentence not naming North Korea is listed"
# --hedged=keep makes the hedged sentence support the edge.
"$RELGRAPH" explain -q --hedged keep "Sergei Lavrov" visit "North Korea" "$tmp/a.txt" > "$tmp/out" || fail "--hedged keep exit"
grep -q '(hedged)' "$tmp/out" || fail "hedged support is marked"

# Any name of an actor, in any case, stands for it: a short name, an
# alias, a metonym, a demonym.
"$RELGRAPH" explain -q "sergei lavrov" visit "north korea" "$tmp/a.txt" > /dev/null; [ $? -eq 1 ] || fail "case-insensitive names"
"$RELGRAPH" explain -q Lavrov visit DPRK "$tmp/a.txt" > "$tmp/out"; [ $? -eq 1 ] || fail "short name and alias"
grep -q '^Sergei Lavrov visit North Korea: ' "$tmp/out" || fail "short name and alias: $(cat "$tmp/out")"
"$RELGRAPH" explain -q Moscow visit Pyongyang "$seeds" > "$tmp/out" || fail "metonyms: exit $?"
grep -q '^Russia visit North Korea: [1-9]' "$tmp/out" || fail "metonyms: $(head -1 "$tmp/out")"
"$RELGRAPH" explain -q russian cooperate "Kim Jong-un" "$seeds" > "$tmp/out"; [ $? -le 1 ] || fail "demonym exit"
grep -q '^Russia cooperate Kim Jong Un: ' "$tmp/out" || fail "demonym and hyphenated alias: $(head -1 "$tmp/out")"
# Errors: unknown actor (with the nearest names), a name several actors
# share, unknown relation, missing arguments.
"$RELGRAPH" explain -q "Lavrow" visit "North Korea" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "unknown actor exit"
grep -q 'SOURCE: no actor "Lavrow" in the rules; nearest: "Sergei Lavrov"' "$tmp/err" || fail "actor suggestion: $(cat "$tmp/err")"
"$RELGRAPH" explain -q "Moscow Timez" visit "North Korea" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "misspelt actor exit"
grep -q 'nearest: "Moscow Times", "Russia"' "$tmp/err" || fail "suggestions of a misspelt name: $(cat "$tmp/err")"
"$RELGRAPH" explain -q Kim visit Russia "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "shared short name exit"
grep -q '"Kim" names several actors: "Kim Jong Un", "Kim Yo Jong", .* and [0-9]* more; give one of them' "$tmp/err" \
  || fail "shared short name: $(cat "$tmp/err")"
"$RELGRAPH" explain -q "Sergei Lavrov" travel "China" "$seeds" 2> "$tmp/err"; [ $? -eq 2 ] || fail "unknown relation exit"
grep -q 'no relation "travel".*known: visit' "$tmp/err" || fail "relation message"
"$RELGRAPH" explain -q "Sergei Lavrov" visit 2> /dev/null; [ $? -eq 2 ] || fail "missing arguments exit"
echo "explain: ok"
