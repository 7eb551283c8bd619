#!/usr/bin/env bash
# Renders assets/armorbench.svg to the PNG sizes desktops and the app window use, into assets/icons/.
# The PNGs are committed, so neither the build nor CI needs an SVG renderer; run this after changing
# the SVG (Debian: `apt-get install librsvg2-bin` for rsvg-convert). IconFilesTest fails while the
# PNGs are older than the SVG: it compares the SVG's SHA-256 with the one recorded here.
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
mkdir -p icons
for size in 16 32 48 64 128 256; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio armorbench.svg --output "icons/armorbench-$size.png"
done
sha256sum armorbench.svg | cut -d' ' -f1 > icons/armorbench.svg.sha256
ls -l icons
