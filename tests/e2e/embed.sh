#!/usr/bin/env bash
# librelgraph as others use it: `cmake --install` into a fresh prefix, then
# examples/embed/embed.c built with `pkg-config --cflags --libs relgraph`
# alone and run on seeds/ with the installed rules (found beside the
# library, not through the source tree or $RELGRAPH_RULES). Its GraphML is
# the bytes of `relgraph build --title ''`; its top relation the heaviest
# edge; the shared library exports the installed headers' functions and
# nothing else; the installed relgraph finds the installed rules too.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
unset RELGRAPH_RULES
build=$(dirname "$RELGRAPH")
prefix="$tmp/prefix"
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 || fail "cmake --install: $(cat "$tmp/install.log")"
pc=$(dirname "$(find "$prefix" -name relgraph.pc | head -1)")
[ -f "$pc/relgraph.pc" ] || fail "no relgraph.pc installed"
export PKG_CONFIG_PATH="$pc"
libdir=$(readlink -f "$(pkg-config --variable=libdir relgraph)") || fail "pkg-config relgraph"
[ -d "$(pkg-config --variable=rulesdir relgraph)/relations" ] || fail "rulesdir: $(pkg-config --variable=rulesdir relgraph)"
[ -f "$prefix/include/relgraph/relgraph.h" ] && [ -f "$prefix/include/relgraph/version.h" ] || fail "headers not installed"

# The example, against the installed library (sanitizer flags when the
# library under test was built with them).
# shellcheck disable=SC2046,SC2086
cc -std=c11 -Wall -Wextra -Werror ${RELGRAPH_EMBED_CFLAGS:-} "$RELGRAPH_SRC/examples/embed/embed.c" \
  $(pkg-config --cflags --libs relgraph) -o "$tmp/embed" > "$tmp/cc.log" 2>&1 || fail "cc: $(cat "$tmp/cc.log")"
(cd "$tmp" && LD_LIBRARY_PATH="$libdir" ./embed "$tmp/embed.graphml" "$RELGRAPH_SRC/seeds") > "$tmp/out" 2> "$tmp/err" ||
  fail "embed: $(cat "$tmp/err")"
n=$(ls "$RELGRAPH_SRC/seeds" | wc -l)
grep -q "^$n documents, " "$tmp/out" || fail "embed summary: $(head -1 "$tmp/out")"
linked=$(LD_LIBRARY_PATH="$libdir" ldd "$tmp/embed" | awk '/librelgraph/ {print $3}')
[ -n "$linked" ] && [ "$(readlink -f "$linked")" = "$(readlink -f "$libdir/librelgraph.so")" ] ||
  fail "embed is not linked to the installed library: ${linked:-none}"

"$RELGRAPH" build -q --no-cache --title '' -T graphml,tsv -o "$tmp/cli" "$RELGRAPH_SRC/seeds" || fail "relgraph build"
cmp -s "$tmp/embed.graphml" "$tmp/cli/relgraph.graphml" || fail "embed's GraphML differs from relgraph build's"
heaviest=$(tail -n +2 "$tmp/cli/relgraph.tsv" | sort -t$'\t' -k4,4nr -k1,1 -k2,2 -k3,3 | head -1 | cut -f1-4 |
  awk -F'\t' '{printf "%4d  %s %s %s\n", $4, $1, $2, $3}')
[ "$(sed -n 2p "$tmp/out")" = "$heaviest" ] || fail "top relation: '$(sed -n 2p "$tmp/out")', expected '$heaviest'"

# Exported: every function the installed headers declare, and no other.
so=$(readlink -f "$libdir/librelgraph.so")
# (Read whole first: grep -q stops early, and under pipefail objdump's
# SIGPIPE failed the test now and then.)
headers=$(objdump -p "$so") || fail "objdump -p $so"
grep -q "SONAME *librelgraph.so.[0-9]" <<<"$headers" || fail "no SONAME: $(grep SONAME <<<"$headers")"
nm -D --defined-only "$so" | awk '$2 == "T" {print $3}' | sed 's/@.*//' | sort > "$tmp/exported"
grep -q '^relgraph_rules_load$' "$tmp/exported" || fail "relgraph_rules_load not exported"
while read -r symbol; do
  grep -rqw "$symbol" "$prefix/include/relgraph" || fail "$symbol is exported but in no installed header"
done < "$tmp/exported"
for internal in relgraph_intmap_init relgraph_arena_clear relgraph_word_classes_add; do
  grep -qx "$internal" "$tmp/exported" && fail "internal $internal is exported"
done

# The installed command line reads the installed rules.
"$prefix/bin/relgraph" build -q --no-cache --title '' -T graphml -o "$tmp/installed" "$RELGRAPH_SRC/seeds" ||
  fail "installed relgraph build"
cmp -s "$tmp/installed/relgraph.graphml" "$tmp/cli/relgraph.graphml" || fail "installed relgraph gives another graph"
echo "ok"
