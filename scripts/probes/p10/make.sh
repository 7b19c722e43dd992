#!/bin/bash
# p10: 200 dpi grey JPEG scans (image-only, turned ±1–2°, noise, q40) of one report per house style of p1–p9
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"; P="$HERE/.."; D="python3 $P/lib/degrade.py"; O="$HERE/corpus"
rm -rf "$O"; mkdir -p "$O"
$D scan "$P/p1/corpus/南浦市石湾区住房和城乡建设局-2022.pdf" "$O/南浦市石湾区住房和城乡建设局-2022-扫描200dpi.pdf" --angle 1.4
$D scan "$P/p2/corpus/川北市青林县交通运输局-2023.pdf" "$O/川北市青林县交通运输局-2023-扫描200dpi.pdf" --angle -1.1
$D scan "$P/p3/corpus/中共云溪县委宣传部-2023.pdf" "$O/中共云溪县委宣传部-2023-扫描200dpi.pdf" --angle 0.9
$D scan "$P/p4/corpus/桐江市鹤鸣区司法局-2023.pdf" "$O/桐江市鹤鸣区司法局-2023-扫描200dpi.pdf" --angle 1.8
$D scan "$P/p6/corpus/清河市青禾县林业局-2022.pdf" "$O/清河市青禾县林业局-2022-扫描200dpi.pdf" --angle -1.6
$D scan "$P/p7/corpus/湘岭市沅北县林业局-2022.pdf" "$O/湘岭市沅北县林业局-2022-扫描200dpi.pdf" --angle 1.2
$D scan "$P/p8/corpus/澄湖市梅溪县城市管理和综合执法局-2022.pdf" "$O/澄湖市梅溪县城市管理和综合执法局-2022-扫描200dpi.pdf" --angle -1.3
$D scan "$P/p9/corpus/楚南市沙洲县民政局-2023-困难群众救助补助资金.pdf" "$O/楚南市沙洲县民政局-2023-困难群众救助补助资金-扫描200dpi.pdf" --angle 1.5
