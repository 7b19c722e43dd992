#!/bin/bash
# styleprobe4: gen.py -> build/*.html -> Chromium text PDFs -> corpus/*.pdf (gold written by gen.py)
# VARIANT=v ./render.sh  builds the side corpus corpus-v (hidden planted findings behind name/phrase variants)
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
cd $HERE
S=""; [ "$VARIANT" = v ] && S="-v"
rm -rf build$S corpus$S; mkdir -p build$S corpus$S
python3 gen.py
cd build$S
for f in *.html; do
  b="${f%.html}"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$PWD/$b.pdf $f 2>/dev/null
  cp $b.pdf ../corpus$S/
done
ls ../corpus$S | wc -l
