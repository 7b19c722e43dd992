#!/bin/bash
# Renders a probe set: gen.py -> build/*.html -> LibreOffice (HTML (StarWriter)) or Chromium, per
# build/producers.txt -> corpus/*.pdf. Usage: render-producers.sh SET_DIR (each set's render.sh calls it).
set -e
HERE="$(cd "$1" && pwd)"; cd "$HERE"
rm -rf build; mkdir -p build corpus; rm -f corpus/*.pdf corpus/*.gold.json
python3 gen.py
cd build
while read stem prod; do
  if [ "$prod" = lo ]; then
    timeout 240 soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir ../corpus "$stem.html" >/dev/null 2>&1
  else
    timeout 180 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$HERE/corpus/$stem.pdf" "$stem.html" 2>/dev/null
  fi
done < producers.txt
cd ..; for f in corpus/*.pdf; do echo "$(pdfinfo "$f" | awk '/^Pages/{print $2}') pages  $(du -k "$f" | cut -f1) KB  $f"; done
