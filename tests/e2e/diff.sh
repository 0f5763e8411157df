#!/usr/bin/env bash
# relgraph diff on the command line: identical graphs (exit 0), the graph of
# a corpus with one document removed and one doubled (exit 1, every weight
# change accounted for), TSV, --min-change, -o, and malformed GraphML
# (exit 2, file:line:col).
set -uo pipefail
# Pipelines use plain grep, which reads to the end: grep -q would stop early
# and kill the writer with SIGPIPE under pipefail.
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

removed=003_9e985366f0c5a270
doubled=000_3f36a55123f2af5d
header=$'change\tkind\tsource\trelation\ttarget\told_weight\tnew_weight'

"$RELGRAPH" diff --help | grep -- '--min-change' >/dev/null || fail "--help"
"$RELGRAPH" help diff | grep 'Exit status' >/dev/null || fail "help diff"

"$RELGRAPH" build -q -o "$tmp/a.graphml" "$RELGRAPH_SRC/seeds" || fail "build a"
"$RELGRAPH" build -q -o "$tmp/a2.graphml" "$RELGRAPH_SRC/seeds" || fail "build a again"
cp -r "$RELGRAPH_SRC/seeds" "$tmp/seeds"
rm "$tmp/seeds/$removed.txt"
cat "$RELGRAPH_SRC/seeds/$doubled.txt" "$RELGRAPH_SRC/seeds/$doubled.txt" > "$tmp/seeds/$doubled.txt"
"$RELGRAPH" build -q -o "$tmp/b.graphml" "$tmp/seeds" || fail "build b"

# The same corpus twice: no differences, exit 0.
"$RELGRAPH" diff "$tmp/a.graphml" "$tmp/a2.graphml" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "identical graphs exit $rc (want 0): $(cat "$tmp/out")"
grep '^no differences$' "$tmp/out" >/dev/null || fail "identical graphs text: $(cat "$tmp/out")"
"$RELGRAPH" diff -T tsv "$tmp/a.graphml" "$tmp/a.graphml" > "$tmp/out"; rc=$?
[ $rc -eq 0 ] || fail "identical graphs TSV exit $rc"
[ "$(cat "$tmp/out")" = "$header" ] || fail "identical graphs TSV is not the header alone: $(cat "$tmp/out")"

# Different corpora: exit 1.
"$RELGRAPH" diff "$tmp/a.graphml" "$tmp/b.graphml" > "$tmp/diff.txt"; rc=$?
[ $rc -eq 1 ] || fail "different graphs exit $rc (want 1)"
head -1 "$tmp/diff.txt" | grep -E '^[0-9]+ edges? (added|removed)' >/dev/null || fail "summary: $(head -1 "$tmp/diff.txt")"
grep -E '^- Choe Son Hui --cooperate-- Sun Weidong \(weight 1\)$' "$tmp/diff.txt" >/dev/null || fail "removed edge in text"
grep -E '^~ China --cooperate-- North Korea weight [0-9]+ -> [0-9]+ \(\+[0-9]+\)$' "$tmp/diff.txt" >/dev/null ||
  fail "changed edge in text"
grep '^- Bloomberg (mentions 1)$' "$tmp/diff.txt" >/dev/null || fail "actor only in the removed document"

"$RELGRAPH" diff -T tsv "$tmp/a.graphml" "$tmp/b.graphml" > "$tmp/diff.tsv"; rc=$?
[ $rc -eq 1 ] || fail "TSV exit $rc (want 1)"
[ "$(head -1 "$tmp/diff.tsv")" = "$header" ] || fail "TSV header: $(head -1 "$tmp/diff.tsv")"
awk -F'\t' 'NR > 1 && NF != 7 { bad = 1 } END { exit bad }' "$tmp/diff.tsv" || fail "TSV column count"
# Sorted by kind, then key.
tail -n +2 "$tmp/diff.tsv" > "$tmp/rows"
LC_ALL=C sort -t$'\t' -k2,2 -k3,3 -k4,4 -k5,5 "$tmp/rows" | cmp -s - "$tmp/rows" || fail "TSV rows not sorted"

# Every edge of the removed document is gone or lighter, unless the doubled
# document makes up for it.
"$RELGRAPH" build -q -T tsv -o "$tmp/removed.tsv" "$RELGRAPH_SRC/seeds/$removed.txt" || fail "build removed"
"$RELGRAPH" build -q -T tsv -o "$tmp/doubled.tsv" "$RELGRAPH_SRC/seeds/$doubled.txt" || fail "build doubled"
n=0
while IFS=$'\t' read -r source relation target weight _; do
  grep -F "$source"$'\t'"$relation"$'\t'"$target"$'\t' "$tmp/doubled.tsv" >/dev/null && continue
  grep -E $'^(removed|changed)\tedge\t'"$source"$'\t'"$relation"$'\t'"$target"$'\t' "$tmp/diff.tsv" >/dev/null ||
    fail "edge of the removed document not in the diff: $source $relation $target"
  n=$((n + 1))
done < <(tail -n +2 "$tmp/removed.tsv")
[ $n -ge 10 ] || fail "only $n edges of the removed document checked"

# And the edge rows are exactly what the documents add up to: a weight is
# a sum over documents, so new = old - removed - doubled + the doubled text
# (not twice doubled: a sentence can span the seam).
"$RELGRAPH" build -q -T tsv -o "$tmp/twice.tsv" "$tmp/seeds/$doubled.txt" || fail "build doubled text"
"$RELGRAPH" build -q -T tsv -o "$tmp/a.tsv" "$RELGRAPH_SRC/seeds" || fail "build a.tsv"
awk -F'\t' -v OFS='\t' '
  FNR == 1 { file++; next }
  { k = $1 OFS $2 OFS $3; keys[k] = 1 }
  file == 1 { old[k] = $4 }
  file == 2 { delta[k] -= $4 }
  file == 3 { delta[k] -= $4 }
  file == 4 { delta[k] += $4 }
  END {
    for (k in keys) {
      o = old[k] + 0; n = o + delta[k]
      if (o == n) continue
      if (o == 0) print "added", "edge", k, "", n
      else if (n == 0) print "removed", "edge", k, o, ""
      else print "changed", "edge", k, o, n
    }
  }' "$tmp/a.tsv" "$tmp/removed.tsv" "$tmp/doubled.tsv" "$tmp/twice.tsv" | LC_ALL=C sort > "$tmp/want"
grep $'^[a-z]*\tedge\t' "$tmp/rows" | LC_ALL=C sort > "$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "edge rows differ from the documents' sums:
$(diff "$tmp/want" "$tmp/got")"
grep $'^removed\tnode\tBloomberg\t\t\t1\t$' "$tmp/rows" >/dev/null || fail "removed node row"

# --min-change hides the small changes only; -o writes the same bytes.
"$RELGRAPH" diff -T tsv --min-change 2 "$tmp/a.graphml" "$tmp/b.graphml" > "$tmp/big.tsv"
awk -F'\t' '$1 == "changed" { d = $7 - $6; if (d < 0) d = -d; if (d < 2) bad = 1 } END { exit bad }' \
  "$tmp/big.tsv" || fail "--min-change 2 shows a change of 1"
[ "$(grep -c $'^removed\t' "$tmp/big.tsv")" -eq "$(grep -c $'^removed\t' "$tmp/diff.tsv")" ] ||
  fail "--min-change hides removals"
"$RELGRAPH" diff --min-change 0 "$tmp/a.graphml" "$tmp/b.graphml" 2>/dev/null; [ $? -eq 2 ] || fail "--min-change 0 exit"
"$RELGRAPH" diff -T tsv -o "$tmp/o.tsv" "$tmp/a.graphml" "$tmp/b.graphml"; [ $? -eq 1 ] || fail "-o exit"
cmp -s "$tmp/o.tsv" "$tmp/diff.tsv" || fail "-o differs from standard output"
"$RELGRAPH" diff - "$tmp/b.graphml" < "$tmp/a.graphml" > "$tmp/stdin.txt"; [ $? -eq 1 ] || fail "OLD from standard input exit"
cmp -s "$tmp/stdin.txt" "$tmp/diff.txt" || fail "OLD from standard input"

# Reversed: additions and removals swap.
"$RELGRAPH" diff -T tsv "$tmp/b.graphml" "$tmp/a.graphml" > "$tmp/rev.tsv"
[ "$(grep -c $'^added\t' "$tmp/rev.tsv")" -eq "$(grep -c $'^removed\t' "$tmp/diff.tsv")" ] || fail "reversed diff"

# Errors: exit 2 with file:line:col.
head -c 3000 "$tmp/a.graphml" > "$tmp/truncated.graphml"
"$RELGRAPH" diff "$tmp/truncated.graphml" "$tmp/b.graphml" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "truncated GraphML exit $rc (want 2)"
grep -E "^relgraph: $tmp/truncated.graphml:[0-9]+:[0-9]+: " "$tmp/err" >/dev/null || fail "truncated message: $(cat "$tmp/err")"

# A bad weight is placed at its <data> element.
line=$(grep -n '<data key="weight">' "$tmp/a.graphml" | sed -n 5p | cut -d: -f1)
sed "${line}s/>[0-9]*</>many</" "$tmp/a.graphml" > "$tmp/weight.graphml"
"$RELGRAPH" diff "$tmp/a.graphml" "$tmp/weight.graphml" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad weight exit $rc (want 2)"
grep -F "$tmp/weight.graphml:$line:7: weight \"many\" is not a whole number" "$tmp/err" >/dev/null ||
  fail "bad weight message: $(cat "$tmp/err")"
"$RELGRAPH" diff "$tmp/a.graphml" - < "$tmp/weight.graphml" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad weight on standard input exit $rc (want 2)"
grep -F "<stdin>:$line:7: weight \"many\"" "$tmp/err" >/dev/null || fail "standard input message: $(cat "$tmp/err")"

sed '0,/source="n1"/s//source="n9999"/' "$tmp/a.graphml" > "$tmp/node.graphml"
"$RELGRAPH" diff "$tmp/node.graphml" "$tmp/a.graphml" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown node exit $rc (want 2)"
grep -E "$tmp/node.graphml:[0-9]+:5: edge e[0-9]+ names an unknown node \"n9999\"" "$tmp/err" >/dev/null ||
  fail "unknown node message: $(cat "$tmp/err")"

printf '<html><body/></html>\n' > "$tmp/html.graphml"
"$RELGRAPH" diff "$tmp/html.graphml" "$tmp/a.graphml" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "not GraphML exit $rc"
grep -F "$tmp/html.graphml:1:1: not GraphML" "$tmp/err" >/dev/null || fail "not GraphML message: $(cat "$tmp/err")"

"$RELGRAPH" diff "$tmp/missing.graphml" "$tmp/a.graphml" 2> "$tmp/err"; [ $? -eq 2 ] || fail "missing file exit"
grep -F "$tmp/missing.graphml: No such file" "$tmp/err" >/dev/null || fail "missing file message"
"$RELGRAPH" diff "$tmp/a.graphml" 2>/dev/null; [ $? -eq 2 ] || fail "one argument exit"
"$RELGRAPH" diff -T dot "$tmp/a.graphml" "$tmp/b.graphml" 2>/dev/null; [ $? -eq 2 ] || fail "unknown format exit"
# Parts compare like GraphML: the same edges, the same verdict.
"$RELGRAPH" extract -q -T part -o "$tmp/a.part" "$RELGRAPH_SRC/seeds" || fail "extract part"
cp "$tmp/a.part" "$tmp/a2.part"
"$RELGRAPH" diff "$tmp/a.part" "$tmp/a2.part" > /dev/null || fail "identical parts should exit 0"
"$RELGRAPH" diff -T tsv "$tmp/a.part" "$tmp/a.graphml" > "$tmp/pg.tsv"; [ $? -eq 0 ] || fail "a part and the GraphML of the same corpus differ: $(head "$tmp/pg.tsv")"
head -c 500 "$tmp/a.part" > "$tmp/cut.part"
"$RELGRAPH" diff "$tmp/cut.part" "$tmp/a.part" 2> "$tmp/err"; [ $? -eq 2 ] || fail "truncated part exit"
grep "cut.part:[0-9]*:[0-9]*: .*truncated" "$tmp/err" >/dev/null || fail "truncated part message: $(cat "$tmp/err")"
echo "diff: ok"
