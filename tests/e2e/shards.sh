#!/usr/bin/env bash
# Sharded runs: extract -T part on any split of a corpus, then merge, gives
# byte for byte the outputs of one build (seeds in three splits, a generated
# corpus in two); merge is associative (parts of parts) and commutative (any
# argument order); damaged parts are refused; extract reads JSONL on stdin.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-python3}
formats=dot,svg,graphml,gexf,json,tsv

# Builds corpus dir $1 whole into $tmp/whole-$2, and as the shards given
# after it (each a list of files, comma-separated) merged into $tmp/merged-$2.
check_split() {
  local corpus=$1 name=$2; shift 2
  "$RELGRAPH" build -q --no-cache -T $formats -o "$tmp/whole-$name" "$corpus" || fail "$name: build"
  local parts=() i=0
  for shard in "$@"; do
    i=$((i + 1))
    mkdir -p "$tmp/shard-$name-$i"
    IFS=, read -ra files <<< "$shard"
    for f in "${files[@]}"; do cp "$corpus/$f" "$tmp/shard-$name-$i/"; done
    "$RELGRAPH" extract -q -T part -o "$tmp/$name-$i.part" "$tmp/shard-$name-$i" || fail "$name: extract shard $i"
    parts+=("$tmp/$name-$i.part")
  done
  # Reversed argument order: merge sorts its inputs, the order never matters.
  local reversed=()
  for ((k = ${#parts[@]} - 1; k >= 0; k--)); do reversed+=("${parts[k]}"); done
  "$RELGRAPH" merge -q -T $formats -o "$tmp/merged-$name" "${reversed[@]}" || fail "$name: merge"
  for f in "$tmp/whole-$name"/*; do
    cmp -s "$f" "$tmp/merged-$name/$(basename "$f")" || fail "$name: $(basename "$f") differs between build and merge"
  done
}

cd "$RELGRAPH_SRC/seeds"
mapfile -t seeds < <(ls)
[ ${#seeds[@]} -ge 4 ] || fail "seeds has ${#seeds[@]} documents"
cd - >/dev/null
check_split "$RELGRAPH_SRC/seeds" split1 "${seeds[0]}" "$(IFS=,; echo "${seeds[*]:1}")"
check_split "$RELGRAPH_SRC/seeds" split2 "${seeds[0]},${seeds[2]},${seeds[4]}" "${seeds[1]},${seeds[3]}"
check_split "$RELGRAPH_SRC/seeds" split3 "${seeds[0]}" "${seeds[1]}" "${seeds[2]}" "$(IFS=,; echo "${seeds[*]:3}")"

# A generated corpus: many documents, shared edges across shards.
"$PYTHON" "$RELGRAPH_SRC/bench/gen_corpus.py" "$RELGRAPH_SRC/seeds" "$RELGRAPH_SRC/rules" "$tmp/gen" --mb 0.3 \
  > /dev/null 2>&1 || fail "gen_corpus"
mkdir -p "$tmp/genflat"
find "$tmp/gen" -type f -name '*.txt' -exec cp {} "$tmp/genflat/" \;
mapfile -t gen < <(ls "$tmp/genflat")
[ ${#gen[@]} -ge 20 ] || fail "generated corpus has ${#gen[@]} documents"
odd=() even=()
for ((k = 0; k < ${#gen[@]}; k++)); do
  if ((k % 2)); then odd+=("${gen[k]}"); else even+=("${gen[k]}"); fi
done
check_split "$tmp/genflat" gen1 "$(IFS=,; echo "${odd[*]}")" "$(IFS=,; echo "${even[*]}")"
third=$((${#gen[@]} / 3))
check_split "$tmp/genflat" gen2 "$(IFS=,; echo "${gen[*]:0:third}")" "$(IFS=,; echo "${gen[*]:third:third}")" \
  "$(IFS=,; echo "${gen[*]:2*third}")"

# Associativity: merge(merge(1, 2), 3) as a part of parts, then merged with nothing else.
"$RELGRAPH" merge -q -T part -o "$tmp/12.part" "$tmp/split3-1.part" "$tmp/split3-2.part" || fail "merge to part"
"$RELGRAPH" merge -q -T part -o "$tmp/34.part" "$tmp/split3-3.part" "$tmp/split3-4.part" || fail "merge to part"
"$RELGRAPH" merge -q -T $formats -o "$tmp/tree" "$tmp/12.part" "$tmp/34.part" || fail "merge of merged parts"
for f in "$tmp/whole-split3"/*; do
  cmp -s "$f" "$tmp/tree/$(basename "$f")" || fail "tree merge: $(basename "$f") differs"
done
head -1 "$tmp/12.part" | grep -x $'relgraph-part\t1' >/dev/null || fail "part header"
grep $'^info\tdocuments\t2$' "$tmp/12.part" >/dev/null || fail "documents counted in merged part"

# JSONL on stdin (Hadoop Streaming / Spark pipe): the same part as from files.
"$PYTHON" - "$RELGRAPH_SRC/seeds" > "$tmp/seeds.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    print(json.dumps({"id": os.path.splitext(name)[0], "text": text}, ensure_ascii=False))
PY
"$RELGRAPH" extract -q -T part --stdin-format jsonl - < "$tmp/seeds.jsonl" > "$tmp/stdin.part" || fail "extract jsonl stdin"
"$RELGRAPH" extract -q -T part "$RELGRAPH_SRC/seeds" > "$tmp/files.part" || fail "extract files"
cmp -s "$tmp/stdin.part" "$tmp/files.part" || fail "JSONL on stdin and files give different parts"

# Damaged and truncated parts are refused, with file:line:col, exit 2;
# the other parts still count.
head -c 2000 "$tmp/files.part" > "$tmp/cut.part"
"$RELGRAPH" merge -T tsv -o "$tmp/cut.tsv" "$tmp/cut.part" "$tmp/split1-1.part" 2> "$tmp/err"
[ $? -eq 2 ] || fail "truncated part: exit code"
grep "cut.part:[0-9]*:[0-9]*: .*truncated" "$tmp/err" >/dev/null || fail "truncated part message: $(cat "$tmp/err")"
[ -s "$tmp/cut.tsv" ] || fail "the good part was not written"
sed 's/visit/viSit/' "$tmp/files.part" > "$tmp/bad.part"
"$RELGRAPH" merge -T tsv -o "$tmp/bad.tsv" "$tmp/bad.part" 2> "$tmp/err"
[ $? -eq 2 ] || fail "damaged part: exit code"
grep "bad.part:[0-9]*:[0-9]*: checksum mismatch" "$tmp/err" >/dev/null || fail "damaged message: $(cat "$tmp/err")"
[ ! -e "$tmp/bad.tsv" ] || fail "an output was written from nothing"
"$RELGRAPH" merge 2> "$tmp/err"; [ $? -eq 2 ] || fail "merge without parts"
"$RELGRAPH" merge --help | grep -- '--max-evidence' >/dev/null || fail "merge --help"
echo "ok"
