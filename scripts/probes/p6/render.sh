#!/bin/bash
# styleprobe5: gen.py -> LibreOffice (flat ODT: 水利局 borderless, 财政局 Word features, 林业局 attached form) + Chromium (农业农村局 决算+自评, 统计局 rounding) -> corpus/*.pdf
HERE="$(cd "$(dirname "$0")" && pwd)"; set -e; cd $HERE
rm -rf build corpus; mkdir -p build corpus
python3 gen.py
cd build
for f in *.fodt; do timeout 180 soffice --headless --convert-to pdf --outdir ../corpus "$f" >/dev/null 2>&1; done
for f in *.html; do timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$HERE/corpus/${f%.html}.pdf" "$f" 2>/dev/null; done
ls -la ../corpus
