# Sourced by the end-to-end scripts (tests/e2e/*.sh): the binary and source
# tree under test from the environment, a scratch directory $tmp removed on
# exit (made writable first: some tests take permissions away), and fail.
: "${RELGRAPH:?path of the relgraph binary}" "${RELGRAPH_SRC:?source tree}"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
