#!/bin/bash
HERE="$(cd "$(dirname "$0")" && pwd)"
# styleprobe3: gen.py -> Chromium (甲, 丙 source) + LibreOffice flat-ODT (乙) -> corpus/*.pdf, then colour scan (丙) and mixed (乙-2022)
set -e
cd $HERE
rm -rf build corpus; mkdir -p build corpus
python3 gen.py
cd build
for f in 中共云溪县委宣传部-2022 中共云溪县委宣传部-2023 沧澜市临川区桂花街道办事处-2023; do
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$PWD/$f.pdf $f.html 2>/dev/null
done
for f in 云溪县人民政府办公室-2022 云溪县人民政府办公室-2023; do
  timeout 180 soffice --headless --convert-to pdf --outdir . $f.fodt >/dev/null 2>&1
done
cp 中共云溪县委宣传部-2022.pdf 中共云溪县委宣传部-2023.pdf 云溪县人民政府办公室-2023.pdf ../corpus/
cd ..
./colourscan.sh build/沧澜市临川区桂花街道办事处-2023.pdf corpus/沧澜市临川区桂花街道办事处-2023-彩色扫描.pdf
./mixed.sh build/云溪县人民政府办公室-2022.pdf corpus/云溪县人民政府办公室-2022.pdf 3
ls -la corpus
