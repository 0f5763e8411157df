#!/usr/bin/env bash
# Command-line behaviour: help, exit codes, errors, extract TSV, output naming.
set -uo pipefail
# A reader that stops early (grep -q) would kill the writer with SIGPIPE under
# pipefail; pipelines below use plain grep, which reads to the end.
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"

# --help on the tool and every subcommand, exit 0.
"$RELGRAPH" --help | grep 'Commands:' >/dev/null || fail "relgraph --help"
for cmd in build extract eval explain lint; do
  "$RELGRAPH" "$cmd" --help | grep 'Usage:' >/dev/null || fail "$cmd --help"
done
"$RELGRAPH" help build | grep -- '--layout' >/dev/null || fail "help build"
# The usage line names the tool and keeps glib's ellipsis in any locale.
for loc in C POSIX C.UTF-8; do
  line=$(LC_ALL=$loc "$RELGRAPH" build --help | sed -n 2p)
  [ "$line" = "  relgraph build [OPTION…] CORPUS..." ] || fail "usage line in $loc: $line"
done
line=$("$RELGRAPH" cache prune --help | sed -n 2p)
[ "$line" = "  relgraph cache prune [OPTION…] CORPUS..." ] || fail "cache prune usage line: $line"

# Unknown command and unknown option: exit 2.
"$RELGRAPH" frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown command exit"
"$RELGRAPH" build --no-such-option seeds 2>/dev/null; [ $? -eq 2 ] || fail "unknown option exit"

# extract: header and the first four columns exactly doc source relation target.
"$RELGRAPH" extract -q "$RELGRAPH_SRC/seeds" > "$tmp/x.tsv" || fail "extract exit"
head -1 "$tmp/x.tsv" | grep -q $'^doc\tsource\trelation\ttarget\tsentence\tevidence\trule$' || fail "extract header"
[ "$(wc -l < "$tmp/x.tsv")" -gt 20 ] || fail "extract found too few relations"
awk -F'\t' 'NR > 1 && NF != 7 { bad = 1 } END { exit bad }' "$tmp/x.tsv" || fail "extract column count"
grep -q $'^000_3f36a55123f2af5d\tZhao Leji\tvisit\tNorth Korea\t' "$tmp/x.tsv" || fail "extract misses Zhao Leji visit North Korea"

# extract streams its rows into a temporary file that replaces the output
# at the end: no leftovers; a device is written in place; a full disk is an
# error, exit 2.
"$RELGRAPH" extract -q -o "$tmp/x2.tsv" "$RELGRAPH_SRC/seeds" || fail "extract -o"
cmp -s "$tmp/x.tsv" "$tmp/x2.tsv" || fail "extract -o differs from standard output"
[ "$(ls "$tmp" | grep -c 'x2.tsv')" -eq 1 ] || fail "temporary file left beside the output"
"$RELGRAPH" extract -q -o /dev/stdout "$RELGRAPH_SRC/seeds" | cmp -s - "$tmp/x.tsv" || fail "extract -o /dev/stdout"
if [ -w /dev/full ]; then
  "$RELGRAPH" extract -q -o /dev/full "$RELGRAPH_SRC/seeds" 2> "$tmp/err"
  [ $? -eq 2 ] || fail "extract -o /dev/full exit"
  grep -q '/dev/full: No space left on device' "$tmp/err" || fail "extract -o /dev/full message"
  [ -c /dev/full ] || fail "/dev/full replaced"
  "$RELGRAPH" extract -q "$RELGRAPH_SRC/seeds" > /dev/full 2> "$tmp/err"
  [ $? -eq 2 ] || fail "extract > /dev/full exit"
fi

# stdin is a document too.
"$RELGRAPH" extract -q - < "$RELGRAPH_SRC/seeds/003_9e985366f0c5a270.txt" | grep $'^stdin\t' >/dev/null || fail "stdin document"

# A missing path is reported, the rest of the corpus still counts, exit 2.
"$RELGRAPH" extract -q "$tmp/missing.txt" "$RELGRAPH_SRC/seeds" > "$tmp/y.tsv" 2> "$tmp/err"
[ $? -eq 2 ] || fail "missing path exit"
grep -q 'missing.txt' "$tmp/err" || fail "missing path message"
[ "$(wc -l < "$tmp/y.tsv")" -eq "$(wc -l < "$tmp/x.tsv")" ] || fail "other documents lost"

# A rule error: file:line:col and exit 2, nothing written.
mkdir -p "$tmp/rules" && cp -r "$RELGRAPH_SRC/rules/actors" "$tmp/paren/"
printf 'relation visit directed\n  {src} visit* {dst:country}\n' > "$tmp/rules/bad.rules"
"$RELGRAPH" build -q --rules "$tmp/rules" -o "$tmp/out" "$RELGRAPH_SRC/seeds" 2> "$tmp/err"
[ $? -eq 2 ] || fail "rule error exit"
grep -q "bad.rules:2:21: error: unknown actor type" "$tmp/err" || fail "rule error message: $(cat "$tmp/err")"
[ ! -e "$tmp/out" ] || fail "output written despite rule error"

# Output naming: a directory gets relgraph.FORMAT; a file name picks its format.
"$RELGRAPH" build -q -T tsv,dot -o "$tmp/dir" "$RELGRAPH_SRC/seeds" || fail "build to dir"
[ -s "$tmp/dir/relgraph.tsv" ] && [ -s "$tmp/dir/relgraph.dot" ] || fail "dir outputs"
"$RELGRAPH" build -q -o "$tmp/g.graphml" "$RELGRAPH_SRC/seeds" || fail "build to file"
grep -q '<graphml' "$tmp/g.graphml" || fail "format from extension"
"$RELGRAPH" build -q -T dot -o - "$RELGRAPH_SRC/seeds" | grep '^digraph' >/dev/null || fail "stdout output"
# Short options take attached values too (-j2, -Tdot, -oFILE), as with getopt.
"$RELGRAPH" build -q -j2 -Tdot -o"$tmp/attached.dot" "$RELGRAPH_SRC/seeds" || fail "attached short values"
cmp -s "$tmp/attached.dot" "$tmp/dir/relgraph.dot" || fail "attached short values give another graph"
"$RELGRAPH" build -q -T svg,dot -o "$tmp/one.svg" "$RELGRAPH_SRC/seeds" 2>/dev/null
[ $? -eq 2 ] || fail "two formats into one file must be refused"
"$RELGRAPH" build -q -T jpeg -o "$tmp/z" "$RELGRAPH_SRC/seeds" 2>/dev/null
[ $? -eq 2 ] || fail "unknown format exit"

# Same corpus, any order of arguments: identical bytes.
"$RELGRAPH" build -q -T dot,graphml,tsv -o "$tmp/a" "$RELGRAPH_SRC"/seeds/*.txt || fail "build a"
ls "$RELGRAPH_SRC"/seeds/*.txt | sort -r | xargs "$RELGRAPH" build -q -T dot,graphml,tsv -o "$tmp/b" || fail "build b"
for f in relgraph.dot relgraph.graphml relgraph.tsv; do
  cmp -s "$tmp/a/$f" "$tmp/b/$f" || fail "$f differs with argument order"
done
# Non-ASCII option values are taken as given, in any locale; invalid UTF-8
# is refused.
LC_ALL=C "$RELGRAPH" build -q --no-cache -T json -o "$tmp/title.json" --title "Südkorea – 2024" --focus China \
  "$RELGRAPH_SRC/seeds" || fail "non-ASCII --title in the C locale"
grep -q '"title" : "Südkorea – 2024"' "$tmp/title.json" || fail "the title is not written as given"
"$RELGRAPH" build -q --no-cache -T json -o "$tmp/bad-title.json" --title $'\xff' "$RELGRAPH_SRC/seeds" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q -- '--title is not valid UTF-8' "$tmp/err" || fail "invalid UTF-8 --title"

# merge -T part writes the whole graph: views and --check are refused.
"$RELGRAPH" extract -q -T part -o "$tmp/seeds.part" "$RELGRAPH_SRC/seeds" || fail "extract -T part"
"$RELGRAPH" merge -T part --roll-up -o "$tmp/m.part" "$tmp/seeds.part" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'views' "$tmp/err" || fail "merge -T part --roll-up is not refused"
[ -e "$tmp/m.part" ] && fail "merge -T part --roll-up wrote a part"
"$RELGRAPH" merge -T part --check -o "$tmp/m.part" "$tmp/seeds.part" 2> /dev/null
[ $? -eq 2 ] || fail "merge -T part --check is not refused"
# The top-level --help and build --help name every format the library has.
"$RELGRAPH" --help > "$tmp/help" || fail "relgraph --help exit"
"$RELGRAPH" build --help > "$tmp/build-help" || fail "build --help exit"
for f in dot svg graphml gexf json cyjs tsv; do
  grep -q "^Output formats (build, merge -T): .*\b$f\b" "$tmp/help" || fail "relgraph --help does not list $f"
  grep -q -- "--format=LIST .*\b$f\b" "$tmp/build-help" || fail "build --help does not list $f"
done
grep -q 'export it (DOT, SVG, GraphML, TSV)' "$tmp/help" && fail "relgraph --help names four formats only"

# One of a thing is not "1 things"; -o DIR/ names files DIR/relgraph.EXT.
mkdir "$tmp/one"
echo "Japan criticized North Korea." > "$tmp/one/a.txt"
"$RELGRAPH" build --no-cache -T dot,tsv -o "$tmp/out/" "$tmp/one/a.txt" 2> "$tmp/err" || fail "one-document build"
grep -q "relgraph: 1 document, 1 sentence, 1 relation mention -> [0-9]* actors, 1 edge; wrote $tmp/out/relgraph.dot, $tmp/out/relgraph.tsv\$" \
  "$tmp/err" || fail "summary of one document: $(cat "$tmp/err")"
"$RELGRAPH" extract -q -T part -o "$tmp/one.part" "$tmp/one/a.txt" || fail "extract -T part of one document"
"$RELGRAPH" merge -T tsv -o "$tmp/merged.tsv" "$tmp/one.part" 2> "$tmp/err" || fail "merge of one part"
grep -q "relgraph: 1 part (1 document, 1 sentence, 1 relation mention) -> " "$tmp/err" || fail "merge summary: $(cat "$tmp/err")"

# --symmetric: directed (the default) or undirected, nothing else.
"$RELGRAPH" build -q --no-cache --symmetric sideways -T graphml -o "$tmp/x.graphml" "$tmp/one/a.txt" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q -- '--symmetric must be directed or undirected, not "sideways"' "$tmp/err" || fail "--symmetric sideways"

# A pattern whose ( or [ is never closed is reported as such, where it opens.
mkdir -p "$tmp/paren/relations"
cp -r "$RELGRAPH_SRC/rules/actors" "$tmp/paren/"
printf 'relation visit directed\n  {src} (visited | went to {dst}\n  {src} !(visited | toured {dst}\n  {src} [flew to {dst}\n' \
  > "$tmp/paren/relations/x.rules"
"$RELGRAPH" lint --rules "$tmp/paren" > "$tmp/lint" 2>&1; [ $? -eq 1 ] || fail "lint of an unclosed ( exit"
grep -q "x.rules:2:9: error: unclosed '('" "$tmp/lint" || fail "unclosed ( message: $(cat "$tmp/lint")"
grep -q "x.rules:3:10: error: unclosed '('" "$tmp/lint" || fail "unclosed !( message: $(cat "$tmp/lint")"
grep -q "x.rules:4:9: error: unclosed '\['" "$tmp/lint" || fail "unclosed [ message: $(cat "$tmp/lint")"
grep -q "slots cannot be inside" "$tmp/lint" && fail "an unclosed ( is reported as a slot inside a group"

echo "cli: ok"
