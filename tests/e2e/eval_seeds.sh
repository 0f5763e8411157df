#!/usr/bin/env bash
# The accuracy bar on the shipped corpus: eval against the gold copy must
# reach the precision and recall recorded in the README.
set -euo pipefail
: "${RELGRAPH:?path of the relgraph binary}" "${RELGRAPH_SRC:?source tree}"
min_precision=0.90
min_recall=0.85
out=$("$RELGRAPH" eval --quiet --gold "$RELGRAPH_SRC/tests/data/seeds.gold.tsv" \
      --fail-under-precision "$min_precision" --fail-under-recall "$min_recall" "$RELGRAPH_SRC/seeds")
echo "$out"
echo "$out" | grep -q '^overall' || { echo "no overall row"; exit 1; }
