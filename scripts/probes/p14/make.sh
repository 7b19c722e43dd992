#!/bin/bash
# p14: garbled text layers — LibreOffice and Chromium output with every /ToUnicode map removed — per house style of p1–p9
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"; P="$HERE/.."; D="python3 $P/lib/degrade.py"; O="$HERE/corpus"
rm -rf "$O"; mkdir -p "$O"
$D garbled "$P/p1/corpus/南浦市石湾区住房和城乡建设局-2022.pdf" "$O/南浦市石湾区住房和城乡建设局-2022-无映射.pdf"
$D garbled "$P/p1/corpus/东陵市望川县民政局-2023.pdf" "$O/东陵市望川县民政局-2023-无映射.pdf"
$D garbled "$P/p2/corpus/川北市青林县交通运输局-2023.pdf" "$O/川北市青林县交通运输局-2023-无映射.pdf"
$D garbled "$P/p3/corpus/中共云溪县委宣传部-2022.pdf" "$O/中共云溪县委宣传部-2022-无映射.pdf"
$D garbled "$P/p4/corpus/桐江市鹤鸣区档案馆-2022.pdf" "$O/桐江市鹤鸣区档案馆-2022-无映射.pdf"
$D garbled "$P/p6/corpus/清河市青禾县林业局-2022.pdf" "$O/清河市青禾县林业局-2022-无映射.pdf"
$D garbled "$P/p7/corpus/湘岭市枫溪县卫生健康局-2022.pdf" "$O/湘岭市枫溪县卫生健康局-2022-无映射.pdf"
$D garbled "$P/p7/corpus/湘岭市沅北县财政局-2023.pdf" "$O/湘岭市沅北县财政局-2023-无映射.pdf"
$D garbled "$P/p8/corpus/澄湖市锦溪县应急管理局-2021.pdf" "$O/澄湖市锦溪县应急管理局-2021-无映射.pdf"
$D garbled "$P/p9/corpus/楚南市沙洲县民政局-2023-困难群众救助补助资金.pdf" "$O/楚南市沙洲县民政局-2023-困难群众救助补助资金-无映射.pdf"
$D garbled "$P/p9/corpus/蓉西市雅丰县水利局-2022-小型水库除险加固.pdf" "$O/蓉西市雅丰县水利局-2022-小型水库除险加固-无映射.pdf"
