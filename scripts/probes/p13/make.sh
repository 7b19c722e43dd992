#!/bin/bash
# p13: mixed files — the first pages text, the rest a 200 dpi grey scan — one report per house style of p1–p9
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"; P="$HERE/.."; D="python3 $P/lib/degrade.py"; O="$HERE/corpus"
rm -rf "$O"; mkdir -p "$O"
$D mixed "$P/p1/corpus/东陵市望川县民政局-2023.pdf" "$O/东陵市望川县民政局-2023-部分扫描.pdf" --from 2
$D mixed "$P/p2/corpus/西岭市安平区农业农村局-2022.pdf" "$O/西岭市安平区农业农村局-2022-部分扫描.pdf" --from 2
$D mixed "$P/p3/corpus/中共云溪县委宣传部-2023.pdf" "$O/中共云溪县委宣传部-2023-部分扫描.pdf" --from 3
$D mixed "$P/p4/corpus/桐江市鹤鸣区民政局-2023.pdf" "$O/桐江市鹤鸣区民政局-2023-部分扫描.pdf" --from 2
$D mixed "$P/p6/corpus/清河市青禾县财政局-2022.pdf" "$O/清河市青禾县财政局-2022-部分扫描.pdf" --from 2
$D mixed "$P/p7/corpus/湘岭市青崖县民政局-2023.pdf" "$O/湘岭市青崖县民政局-2023-部分扫描.pdf" --from 2
$D mixed "$P/p8/corpus/澄湖市潇北区司法局-2023.pdf" "$O/澄湖市潇北区司法局-2023-部分扫描.pdf" --from 3
$D mixed "$P/p9/corpus/楚南市沙洲县卫生健康局-2022-基层医疗卫生机构能力提升项目.pdf" "$O/楚南市沙洲县卫生健康局-2022-基层医疗卫生机构能力提升项目-部分扫描.pdf" --from 2
