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
[ -n "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" ] && ulimit_run() { "$@"; } # ASan reserves terabytes of address space
ulimit_run timeout 300 "$RELGRAPH" build -q --no-cache -T tsv -o "$tmp/zero.tsv" "$good" /dev/zero 2> "$tmp/zero.err"
rc=$?
[ $rc -eq 2 ] || fail "/dev/zero: exit $rc, want 2: $(head -c 500 "$tmp/zero.err")"
grep -qF "/dev/zero: over the 1 GiB a document may have; split it" "$tmp/zero.err" || fail "/dev/zero: $(cat "$tmp/zero.err")"
grep -q $'^China\tmeet\tRussia' "$tmp/zero.tsv" || fail "/dev/zero: the good document lost"
yes 'China met Russia.' | tr -d '\n' |
  ulimit_run timeout 300 "$RELGRAPH" build -q --no-cache --stdin-format jsonl -T tsv -o "$tmp/yes.tsv" "$good" - 2> "$tmp/yes.err"
rc=$?
[ $rc -eq 2 ] || fail "endless JSONL line: exit $rc, want 2: $(head -c 500 "$tmp/yes.err")"
grep -qF -- "-:1: line over the 1 GiB a document may have" "$tmp/yes.err" || fail "endless JSONL line: $(cat "$tmp/yes.err")"
grep -q $'^China\tmeet\tRussia' "$tmp/yes.tsv" || fail "endless JSONL line: the good document lost"
echo "ok: endless streams"
