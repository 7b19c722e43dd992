#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# styleprobe2: regenerate HTML+gold, render PDFs (LibreOffice / Chromium), make the degraded scan.
set -e
cd $HERE
python3 gen.py >/dev/null
cd build
for f in 西岭市安平区农业农村局-2022 川北市青林县交通运输局-2023; do
  timeout 180 soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir ../corpus $f.html >/dev/null 2>&1
done
for f in 岚州市白沙区城市管理局-2021 鹤鸣市清溪区应急管理局-2023; do
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=../corpus/$f.pdf $f.html 2>/dev/null
done
cd ..
./scan.sh 西岭市安平区农业农村局-2022 西岭市安平区农业农村局-2022-扫描件 2.0
