#!/usr/bin/env bash
# Renders the seed corpus figure as a report would show it: the SVG that
# `relgraph build` writes, drawn by a real browser (headless Chromium) at
# the width of an A4 page at 150 dpi, saved as examples/seeds.png.
#
# Usage: examples/render-png.sh [RELGRAPH] [OUT.png]
# Needs Debian's chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${1:-build/relgraph}
out=${2:-examples/seeds.png}
width=1240   # A4 width (210 mm) at 150 dpi

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-png: chromium is not installed (apt-get install chromium)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$relgraph" build -q --title "Seed corpus: states, officials and institutions" -o "$tmp/seeds.svg" seeds

# The page is exactly the figure scaled to the page width.
read -r w h < <(sed -n 's/.*<svg width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$tmp/seeds.svg" | head -1)
[ -n "${w:-}" ] || { echo "render-png: no width/height in the SVG" >&2; exit 1; }
height=$(awk -v w="$w" -v h="$h" -v W="$width" 'BEGIN { printf "%d", W * h / w + 0.5 }')
cat > "$tmp/page.html" <<HTML
<!DOCTYPE html>
<html><body style="margin:0;background:#fff">
<img src="seeds.svg" style="display:block;width:${width}px;height:${height}px">
</body></html>
HTML
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$width,$height" --screenshot="$tmp/seeds.png" "file://$tmp/page.html" 2>/dev/null
[ -s "$tmp/seeds.png" ] || { echo "render-png: chromium wrote no image" >&2; exit 1; }
cp "$tmp/seeds.png" "$out"
echo "render-png: wrote $out (${width}x${height})"
