#!/usr/bin/env bash
# examples/distributed/dask_build.py on a real Dask cluster on loopback: a
# dask-scheduler and two dask-worker processes (one thread each). The
# recipe's outputs are byte for byte those of `relgraph build`, on seeds/
# with a JSONL file (ids from FILE:LINE), on a generated corpus of 2,000
# documents (500 under AddressSanitizer), and on that corpus again when one
# worker is killed after some shards finished (Dask runs its tasks again on
# the other).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
py=${PYTHON:-/usr/bin/python3}
recipe=$RELGRAPH_SRC/examples/distributed/dask_build.py
formats=dot,svg,graphml,gexf,json,tsv

"$py" -c 'import distributed' 2>/dev/null || fail "Dask distributed is missing (scripts/setup installs python3-distributed)"
for c in dask-scheduler dask-worker setsid; do
  command -v "$c" >/dev/null || fail "$c is missing (scripts/setup installs python3-distributed)"
done

# Every process runs in a session of its own (setsid), so that stopping it
# stops the relgraph it may be running too; all are stopped on any exit.
# Long commands are background jobs waited for: bash runs a trap only
# between commands, and `wait` is one it interrupts.
pids=()
stop_all() {
  local p
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -KILL -- "-$p" 2>/dev/null; done
  wait 2>/dev/null
}
trap 'stop_all; chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
start() { # start NAME CMD...: runs CMD in the background, log in $tmp/NAME.log, pid in $last
  local name=$1; shift
  setsid "$@" > "$tmp/$name.log" 2>&1 &
  last=$!
  pids+=("$last")
}
run() { # run NAME CMD...: start, and wait for it (its exit status)
  start "$@"
  wait "$last"
}

start scheduler dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$tmp/scheduler.json"
scheduler=$last
for _ in $(seq 600); do [ -s "$tmp/scheduler.json" ] && break; kill -0 "$scheduler" 2>/dev/null || break; sleep 0.1; done
[ -s "$tmp/scheduler.json" ] || fail "the scheduler did not start: $(cat "$tmp/scheduler.log")"
start_worker() { # each with its own scratch directory, so what a killed worker leaves is ours to remove
  mkdir -p "$tmp/$1"
  TMPDIR="$tmp/$1" start "$1" dask-worker --scheduler-file "$tmp/scheduler.json" --host 127.0.0.1 \
    --nthreads 1 --no-nanny --no-dashboard --local-directory "$tmp/$1"
}
start_worker worker1
start_worker worker2
worker2=$last

recipe() { # recipe NAME CORPUS...: the recipe to $tmp/NAME, log in $tmp/NAME.log, in the background
  local name=$1; shift
  start "$name" "$py" "$recipe" --scheduler-file "$tmp/scheduler.json" --wait-workers 2 \
    -r "$RELGRAPH_SRC/rules" -T "$formats" -o "$tmp/$name" "$@"
}
build() { # build NAME CORPUS...: what the recipe must give, in $tmp/NAME
  local name=$1; shift
  run "$name" "$RELGRAPH" build -q --no-cache -r "$RELGRAPH_SRC/rules" -T "$formats" -o "$tmp/$name" "$@" ||
    fail "build of $*: $(cat "$tmp/$name.log")"
}
same() { # same DASK_OUT BUILD_OUT: every file, byte for byte
  local f n=0
  for f in "$2"/*; do
    cmp -s "$f" "$1/$(basename "$f")" ||
      fail "$(basename "$f") from Dask differs from build ($1): $(diff "$f" "$1/$(basename "$f")" | head -c 2000)"
    n=$((n + 1))
  done
  [ "$n" -eq "$(tr , '\n' <<<"$formats" | wc -l)" ] || fail "build wrote $n files for $formats"
}

# seeds/ and a JSONL file: ids given, ids from FILE:LINE (a blank line counts
# as a line), a date; cut into shards of 2 documents, lines kept in place.
mkdir -p "$tmp/extra"
{
  echo '{"id": "j1", "date": "2024-05-01", "text": "Russian President Vladimir Putin visited North Korea."}'
  echo
  echo '{"text": "China criticized Japan over the islands.", "date": "2024-05-02"}'
  echo '{"text": "Japan and South Korea agreed to cooperate on security."}'
  echo '{"id": "j4", "text": "The United States imposed sanctions on Russia."}'
} > "$tmp/extra/wire.jsonl"
recipe seeds --shard-docs 2 "$RELGRAPH_SRC/seeds" "$tmp/extra/wire.jsonl"
wait "$last" || fail "recipe on seeds: $(cat "$tmp/seeds.log")"
grep -q "9 documents in 5 shards on 2 workers:" "$tmp/seeds.log" || fail "seeds summary: $(cat "$tmp/seeds.log")"
grep -q 'wire:3' "$tmp/seeds/relgraph.tsv" || fail "no FILE:LINE id in the TSV"
build seeds.build "$RELGRAPH_SRC/seeds" "$tmp/extra/wire.jsonl"
same "$tmp/seeds" "$tmp/seeds.build"

# A generated corpus of 2,000 documents in 40 shards. Under AddressSanitizer
# (scripts/sanitize runs every test again) each relgraph process costs
# about 1 CPU s more (its rules load with a slow stack unwinding at every
# allocation) and laying out the figure of this corpus a minute: there,
# 500 documents in 10 shards, and no SVG (seeds/ had one).
shard=50
if grep -q __asan_init "$RELGRAPH"; then
  mb=2.5 least=450 formats=dot,graphml,gexf,json,tsv
else
  mb=10 least=1900
fi
run gen_corpus "$py" "$RELGRAPH_SRC/bench/gen_corpus.py" "$RELGRAPH_SRC/seeds" "$RELGRAPH_SRC/rules" \
  "$tmp/corpus" --mb "$mb" || fail "gen_corpus: $(cat "$tmp/gen_corpus.log")"
docs=$(find "$tmp/corpus" -type f | wc -l)
[ "$docs" -ge "$least" ] || fail "gen_corpus wrote $docs documents"
SECONDS=0
recipe gen --shard-docs "$shard" "$tmp/corpus"
wait "$last" || fail "recipe on the corpus: $(cat "$tmp/gen.log")"
echo "2 workers: $(grep 'documents/s' "$tmp/gen.log") ($SECONDS s with the outputs)"
SECONDS=0
build gen.build "$tmp/corpus"
echo "relgraph build: $SECONDS s"
same "$tmp/gen" "$tmp/gen.build"

# Again, and one worker (with the relgraph it runs) is killed once a
# quarter of the shards are extracted: the run ends, on one worker, with
# the same bytes.
recipe kill --shard-docs "$shard" "$tmp/corpus"
driver=$last
killed=
for _ in $(seq 3000); do
  n=$(sed -n 's|.*: \([0-9]*\)/\([0-9]*\) shards extracted.*|\1 \2|p' "$tmp/kill.log" | tail -1)
  if [ -n "$n" ] && [ "${n% *}" -ge $(( ${n#* } / 4 )) ]; then
    # Shards still to extract, on the worker that survives.
    [ "${n% *}" -lt "${n#* }" ] && kill -0 "$driver" 2>/dev/null ||
      fail "the shards were all extracted before the kill: $(cat "$tmp/kill.log")"
    kill -KILL -- "-$worker2" && killed=$n
    break
  fi
  kill -0 "$driver" 2>/dev/null || break
  sleep 0.1
done
[ -n "$killed" ] || fail "no progress to kill a worker on: $(cat "$tmp/kill.log")"
wait "$driver" || fail "recipe with a killed worker: $(cat "$tmp/kill.log")"
grep -q "Remove worker" "$tmp/scheduler.log" || fail "the scheduler did not see the loss: $(cat "$tmp/scheduler.log")"
grep -q "on 1 worker:" "$tmp/kill.log" || fail "summary after the kill: $(cat "$tmp/kill.log")"
echo "killed worker2 at ${killed% *}/${killed#* } shards: $(grep 'documents/s' "$tmp/kill.log")"
same "$tmp/kill" "$tmp/gen.build"
echo "ok"
