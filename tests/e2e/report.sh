#!/usr/bin/env bash
# The HTML report (-T html) on the shipped corpus: one self-contained file
# (no external script, style sheet, font or image), its compiled-in script
# up to date with src/report/, and driven in real headless Chromium by
# tests/report/report.test.js (puppeteer-core, pinned in
# tests/report/package-lock.json): search an actor, click an edge, check
# the evidence panel, the filters and the table.
# Needs node, npm (for `npm ci` the first time) and Debian's chromium
# (scripts/setup installs them); skipped, saying so, where there is none.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/preamble.sh"
PYTHON=${PYTHON:-/usr/bin/python3}
seeds=$RELGRAPH_SRC/seeds
report=$RELGRAPH_SRC/tests/report

"$PYTHON" "$RELGRAPH_SRC/src/report/embed.py" --check || fail "src/export_html_assets.c is stale"

"$RELGRAPH" build -q --no-cache -o "$tmp/report.html" "$seeds" || fail "-o report.html exit $?"
[ -f "$tmp/report.html" ] || fail "-o report.html is not a file"
"$RELGRAPH" build -q --no-cache -T html -o "$tmp/again.html" "$seeds" || fail "-T html exit $?"
cmp -s "$tmp/report.html" "$tmp/again.html" || fail "not the same bytes twice"
# Self-contained: nothing loaded from elsewhere.
grep -Eiq '<script[^>]+src=|<link[^>]+href=|@import|url\(|@font-face|https?://[^" ]*\.(js|css|woff)' "$tmp/report.html" \
  && fail "the report loads something from elsewhere"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$tmp/report.html" || fail "no CSP"
# A sentence holding </script> cannot end the data early.
mkdir -p "$tmp/hostile"
printf 'China and North Korea signed a pact. </script><script>alert(1)</script> China visited North Korea.\n' \
  > "$tmp/hostile/doc.txt"
"$RELGRAPH" build -q --no-cache -o "$tmp/hostile.html" "$tmp/hostile" || fail "hostile build"
[ "$(grep -c '</script>' "$tmp/hostile.html")" = 2 ] || fail "a sentence ended a script element"

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ] || ! command -v node > /dev/null; then
  echo "SKIP: the browser test needs chromium and node (scripts/setup installs them)"
  echo "OK (without the browser)"
  exit 0
fi
if [ ! -d "$report/node_modules/puppeteer-core" ]; then
  (cd "$report" && npm ci --no-audit --no-fund --loglevel=error) > "$tmp/npm.log" 2>&1 \
    || { cat "$tmp/npm.log"; fail "npm ci in tests/report"; }
fi
CHROMIUM=$chromium timeout 180 node "$report/report.test.js" "$tmp/report.html" || fail "the report in Chromium"
echo "OK"
