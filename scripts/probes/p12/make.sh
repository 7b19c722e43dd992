#!/bin/bash
# p12: 200 dpi grey scans with pages turned 90° / 270° (content turned, landscape page, image-only), one report per house style
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"; P="$HERE/.."; D="python3 $P/lib/degrade.py"; O="$HERE/corpus"
rm -rf "$O"; mkdir -p "$O"
$D turned "$P/p1/corpus/北湖市青石县自然资源局-2021.pdf" "$O/北湖市青石县自然资源局-2021-旋转扫描.pdf" --turn 2:90
$D turned "$P/p2/corpus/岚州市白沙区城市管理局-2021.pdf" "$O/岚州市白沙区城市管理局-2021-旋转扫描.pdf" --turn 3:270
$D turned "$P/p3/corpus/云溪县人民政府办公室-2023.pdf" "$O/云溪县人民政府办公室-2023-旋转扫描.pdf" --turn 1:270,3:90
$D turned "$P/p4/corpus/桐江市鹤鸣区教育局-2022.pdf" "$O/桐江市鹤鸣区教育局-2022-旋转扫描.pdf" --turn 1:270
$D turned "$P/p6/corpus/清河市青禾县统计局-2023.pdf" "$O/清河市青禾县统计局-2023-旋转扫描.pdf" --turn 2:90
$D turned "$P/p7/corpus/湘岭市临沅县教育局-2022.pdf" "$O/湘岭市临沅县教育局-2022-旋转扫描.pdf" --turn 2:90
$D turned "$P/p8/corpus/澄湖市梅溪县农业农村局-2021.pdf" "$O/澄湖市梅溪县农业农村局-2021-旋转扫描.pdf" --turn 1:90,2:270
$D turned "$P/p9/corpus/楚南市沙洲县交通运输局-2022-农村公路安全生命防护工程.pdf" "$O/楚南市沙洲县交通运输局-2022-农村公路安全生命防护工程-旋转扫描.pdf" --turn 1:270
