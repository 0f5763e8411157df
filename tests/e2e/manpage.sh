#!/usr/bin/env bash
# The man page, docs/relgraph.1: plain ASCII roff that renders without a
# warning; a subsection per command, which documents every option that
# command's --help prints and no option it does not have; and EXAMPLES whose
# command lines run. So the page cannot drift from the code.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
page="$RELGRAPH_SRC/docs/relgraph.1"

[ -f "$page" ] || fail "no $page"
# groff comes with groff-base, which scripts/setup installs; nothing is installed here.
command -v groff > /dev/null || fail "groff is not installed (Debian: groff-base; run scripts/setup)"

# --- Rendering ---------------------------------------------------------
# Typography goes through roff escapes (\(em, \(lq, \(aq), so the source
# is ASCII and renders the same in every locale.
LC_ALL=C grep -n $'[^\t -~]' "$page" && fail "non-ASCII or control characters in the page (lines above)"
groff -man -ww -z "$page" > "$tmp/warnings" 2>&1 || fail "groff exit $?: $(cat "$tmp/warnings")"
[ -s "$tmp/warnings" ] && fail "groff -ww warnings:
$(cat "$tmp/warnings")"
# What man(1) shows, when man-db is there (groff above is the requirement).
if command -v man > /dev/null; then
  for width in 80 60; do
    LC_ALL=C.UTF-8 MANWIDTH=$width man --warnings -E UTF-8 -l "$page" 2> "$tmp/warnings" > "$tmp/man.txt" ||
      fail "man exit $? at width $width: $(cat "$tmp/warnings")"
    [ -s "$tmp/warnings" ] && fail "man --warnings at width $width:
$(cat "$tmp/warnings")"
    grep -q '^RELGRAPH(1)' "$tmp/man.txt" || fail "man rendered no RELGRAPH(1) header at width $width"
  done
fi

# Plain text, wide enough that no option tag or example line is wrapped:
# section headings in column 1, subsection headings in column 4, option
# tags in column 8, example lines (.RS 4 .EX) in column 12.
groff -man -Tascii -P-cbou -rLL=200n "$page" > "$tmp/page.txt" 2> "$tmp/warnings" ||
  fail "groff -Tascii: $(cat "$tmp/warnings")"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS CORPUS RULES OUTPUTS CACHE ENVIRONMENT 'EXIT STATUS' \
  DIAGNOSTICS EXAMPLES FILES 'SEE ALSO'; do
  grep -qx "$section" "$tmp/page.txt" || fail "no $section section"
done

# The rendered text of a section (SH) or subsection (SS), heading excluded.
section_text() {  # HEADING-LINE
  awk -v h="$1" '$0 == h {on = 1; next} on && (/^[^ ]/ || /^   [^ ]/) {exit} on' "$tmp/page.txt"
}

# --- Commands and options ----------------------------------------------
# Every command 'relgraph --help' lists has a subsection "relgraph NAME",
# or, for a command with subcommands (cache), "relgraph NAME SUB" ones.
commands=$("$RELGRAPH" --help | awk '/^Commands:/ {on = 1; next} on && /^$/ {exit} on {print $1}')
[ -n "$commands" ] || fail "relgraph --help lists no commands"
subsections=$(grep '^   relgraph ' "$tmp/page.txt" | sed 's/^   //')
documented=()
for name in $commands; do
  found=$(printf '%s\n' "$subsections" | grep -E "^relgraph $name( |$)") ||
    fail "command $name has no subsection \"relgraph $name\" under COMMANDS"
  while IFS= read -r s; do documented+=("$s"); done <<< "$found"
done
[ "${#documented[@]}" -eq "$(printf '%s\n' "$subsections" | wc -l)" ] ||
  fail "a subsection names no command of relgraph --help: $subsections"
synopsis=$(section_text SYNOPSIS)

for sub in "${documented[@]}"; do
  read -r -a words <<< "${sub#relgraph }"
  "$RELGRAPH" "${words[@]}" --help > "$tmp/help" 2>&1 || fail "$sub --help: exit $?"
  grep -q "^ *$sub " <<< "$synopsis" || fail "no SYNOPSIS line for $sub"
  section_text "   $sub" > "$tmp/section"
  # The options of --help as written there: "-o, --output" or "--check",
  # by group ("Application Options:", "Help Options:").
  awk '/^[A-Z][A-Za-z ]*Options:$/ {group = $0; next} /^$/ {group = ""}
       group != "" && match($0, /^ +(-[A-Za-z], )?--[a-z0-9-]+/) {
         s = substr($0, RSTART, RLENGTH); sub(/^ +/, "", s); print group "\t" s }' "$tmp/help" > "$tmp/options"
  grep -q '^Application Options:' "$tmp/options" || fail "$sub --help: no options found"
  while IFS=$'\t' read -r group option; do
    if [ "$group" = "Help Options:" ]; then
      # --help is described once, in DESCRIPTION, for every command.
      grep -qF -- "${option##* }" "$tmp/page.txt" || fail "$option ($sub) is not in the page"
    else
      # An option tag (.TP) of this subsection: "-o, --output=DIR|FILE|-".
      grep -qE -- "^       $option(=|$)" "$tmp/section" ||
        fail "$sub: option \"$option\" of --help is not documented in its subsection (as a .TP tag)"
    fi
  done < "$tmp/options"
  # The other way: every option tag of the subsection is an option of
  # this command, with the same short form.
  grep -E '^       --?[A-Za-z]' "$tmp/section" | grep -oE -- '^       (-[A-Za-z], )?--[a-z0-9-]+' |
    sed 's/^ *//' | while IFS= read -r option; do
      cut -f2 "$tmp/options" | grep -qxF -- "$option" ||
        { echo "FAIL: $sub: the page documents \"$option\", which $sub --help does not list"; exit 1; }
    done || exit 1
done

# Environment variables the code reads (g_getenv) are under ENVIRONMENT.
environment=$(section_text ENVIRONMENT)
vars=$(grep -rhoE 'g_getenv *\( *"[A-Za-z_][A-Za-z0-9_]*"' "$RELGRAPH_SRC/src" | grep -oE '"[^"]+"' | tr -d '"' | sort -u)
[ -n "$vars" ] || fail "no g_getenv found in src/"
for var in $vars XDG_CACHE_HOME; do
  grep -qx "       $var" <<< "$environment" || fail "environment variable $var is not under ENVIRONMENT"
done

# --- Examples ----------------------------------------------------------
# Each command line of EXAMPLES (a trailing \ continues it) runs in a scratch
# directory that has the shipped corpus and gold file, with exit status 0
# (diff: 0 or 1, differences being what it reports).
section_text EXAMPLES | awk '/^           / {sub(/^ +/, ""); line = line $0
                                if (sub(/\\$/, "", line)) next; print line; line = ""}' > "$tmp/examples"
[ "$(wc -l < "$tmp/examples")" -ge 5 ] || fail "fewer than 5 example command lines"
mkdir -p "$tmp/run/tests/data" "$tmp/bin"
ln -s "$RELGRAPH_SRC/seeds" "$tmp/run/seeds"
ln -s "$RELGRAPH_SRC/tests/data/seeds.gold.tsv" "$tmp/run/tests/data/seeds.gold.tsv"
ln -s "$RELGRAPH" "$tmp/bin/relgraph"
while IFS= read -r example; do
  case "$example" in relgraph\ *) ;; *) fail "example does not start with relgraph: $example" ;; esac
  (cd "$tmp/run" && PATH="$tmp/bin:$PATH" RELGRAPH_CACHE_DIR="$tmp/cache" \
    bash -o pipefail -c "$example" > "$tmp/out" 2> "$tmp/err"); rc=$?
  case "$example" in "relgraph diff "*) [ $rc -le 1 ] ;; *) [ $rc -eq 0 ] ;; esac ||
    fail "example exits $rc: $example
$(cat "$tmp/err")"
done < "$tmp/examples"
[ -s "$tmp/run/figures/relgraph.svg" ] || fail "the examples wrote no figures/relgraph.svg"
echo "manpage: ok ($(wc -l < "$tmp/examples") examples)"
