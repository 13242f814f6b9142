#!/usr/bin/env bash
# Rasterises icon.svg into the files electron-builder packs: icon.png (1024 px), icon.icns (macOS),
# icon.ico (Windows) and linux/<size>x<size>.png; and the renderer's own copies (the browser tab's
# favicon.svg, the window icon icon.png), which Vite copies into out/renderer. Needs Debian's librsvg2-bin, icnsutils and
# icoutils; the results are committed, so building installers does not need them.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" icon.svg -o "$tmp/$size.png"
done
cp "$tmp/1024.png" icon.png
png2icns icon.icns "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png" "$tmp/1024.png" >/dev/null
icotool -c -o icon.ico "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" -r "$tmp/256.png"
mkdir -p linux
for size in 16 32 48 64 128 256 512; do
  cp "$tmp/$size.png" "linux/${size}x${size}.png"
done
cp icon.svg ../../src/renderer/public/favicon.svg
cp "$tmp/256.png" ../../src/renderer/public/icon.png
