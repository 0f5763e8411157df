#!/usr/bin/env bash
# Renders the README's screenshots of the seed corpus as a report shows
# them: headless Chromium at the width of an A4 page at 150 dpi (1240 px).
#   examples/seeds.png          the default figure (relgraph build seeds)
#   examples/seeds-roll-up.png  --roll-up: the state-level view
#   examples/seeds-cluster.png  --cluster state: states framing their people
#   examples/seeds-report.png   the HTML report (-T html), a relation opened
# Each figure is the SVG `relgraph build` writes (page-sized: --page a4),
# drawn at the page width; the report is driven by tests/report/report.test.js.
#
# Usage: examples/render-png.sh [RELGRAPH]
# Needs Debian's chromium and, for the report, node with tests/report's
# packages (scripts/setup installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${1:-build/relgraph}
width=1240   # A4 width (210 mm) at 150 dpi

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-png: chromium is not installed (apt-get install chromium)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shoot() { # NAME OPTIONS...
  local name=$1; shift
  "$relgraph" build -q --no-cache -o "$tmp/$name.svg" "$@" seeds 2>/dev/null
  # The page is exactly the figure scaled to the page width.
  local w h height
  read -r w h < <(sed -n 's/.*<svg width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$tmp/$name.svg" | head -1)
  [ -n "${w:-}" ] || { echo "render-png: no width/height in $name.svg" >&2; exit 1; }
  height=$(awk -v w="$w" -v h="$h" -v W="$width" 'BEGIN { printf "%d", W * h / w + 0.5 }')
  cat > "$tmp/$name.html" <<HTML
<!DOCTYPE html>
<html><body style="margin:0;background:#fff">
<img src="$name.svg" style="display:block;width:${width}px;height:${height}px">
</body></html>
HTML
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="$width,$height" --screenshot="$tmp/$name.png" \
    "file://$tmp/$name.html" 2>/dev/null
  [ -s "$tmp/$name.png" ] || { echo "render-png: chromium wrote no image for $name" >&2; exit 1; }
  cp "$tmp/$name.png" "examples/$name.png"
  echo "render-png: wrote examples/$name.png (${width}x${height}, figure ${w}x${h} pt)"
}

shoot seeds
shoot seeds-roll-up --roll-up
shoot seeds-cluster --cluster state

"$relgraph" build -q --no-cache -o "$tmp/report.html" seeds 2>/dev/null
CHROMIUM=$browser node tests/report/report.test.js "$tmp/report.html" examples/seeds-report.png > /dev/null \
  || { echo "render-png: the report test failed (npm ci in tests/report?)" >&2; exit 1; }
echo "render-png: wrote examples/seeds-report.png (${width}x1400)"
