#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# render all probe HTML -> PDF into corpus
cd $HERE/build || exit 1
python3 ../gen.py >/dev/null
f=东陵市望川县民政局-2023; timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=../corpus/$f.pdf $f.html 2>/dev/null
for f in 南浦市石湾区住房和城乡建设局-2022 东陵市望川县市场监督管理局-2023-自评表 北湖市青石县自然资源局-2021; do timeout 180 soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir ../corpus $f.html >/dev/null 2>&1; done
