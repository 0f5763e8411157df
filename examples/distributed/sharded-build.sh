#!/usr/bin/env bash
# A sharded build with GNU parallel: the corpus is cut into shards of
# SHARD documents, each shard extracted to a part by its own process (on
# this machine here; with parallel's --sshlogin, on many), and the parts
# merged into the figures. The result is byte for byte `relgraph build`.
#
# Usage: sharded-build.sh CORPUS_DIR OUT_DIR [SHARD]
#   RELGRAPH (default: relgraph) and JOBS (default: all cores) may be set.
set -euo pipefail
corpus=${1:?corpus directory}
out=${2:?output directory}
shard=${3:-200}
relgraph=${RELGRAPH:-relgraph}
parts=$(mktemp -d)
trap 'rm -rf "$parts"' EXIT

# One line per document; parallel hands out SHARD of them per job ({#} is the job number).
find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.jsonl' \) -print0 | sort -z |
  parallel --will-cite --null --halt now,fail=1 -j "${JOBS:-0}" -N "$shard" \
    "$relgraph" extract -q -j 1 -T part -o "$parts/{#}.part" {}
"$relgraph" merge -o "$out" "$parts"/*.part
