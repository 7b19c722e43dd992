#!/bin/bash
# p11: 150 dpi colour scans with a red seal over figures and faint table rules, one report per house style of p1–p9
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"; P="$HERE/.."; D="python3 $P/lib/degrade.py"; O="$HERE/corpus"
rm -rf "$O"; mkdir -p "$O"
$D colour "$P/p1/corpus/东陵市望川县市场监督管理局-2023-自评表.pdf" "$O/东陵市望川县市场监督管理局-2023-自评表-彩色扫描.pdf" --seal-near 年度资金总 --seal-name 望川县市场监督管理局
$D colour "$P/p2/corpus/鹤鸣市清溪区应急管理局-2023.pdf" "$O/鹤鸣市清溪区应急管理局-2023-彩色扫描.pdf" --seal-near 全年预算 --seal-name 清溪区应急管理局
$D colour "$P/p3/corpus/中共云溪县委宣传部-2022.pdf" "$O/中共云溪县委宣传部-2022-彩色扫描.pdf" --seal-near 全年预算数 --seal-name 中共云溪县委宣传部
$D colour "$P/p4/corpus/桐江市鹤鸣区卫生健康局-2023.pdf" "$O/桐江市鹤鸣区卫生健康局-2023-彩色扫描.pdf" --seal-near 全年预算数 --seal-name 鹤鸣区卫生健康局
$D colour "$P/p6/corpus/清河市青禾县水利局-2023.pdf" "$O/清河市青禾县水利局-2023-彩色扫描.pdf" --seal-near 全年预算 --seal-name 青禾县水利局
$D colour "$P/p7/corpus/湘岭市枫溪县水利局-2021.pdf" "$O/湘岭市枫溪县水利局-2021-彩色扫描.pdf" --seal-near 收入合计 --seal-name 枫溪县水利局
$D colour "$P/p8/corpus/澄湖市锦溪县文化旅游广电局-2022.pdf" "$O/澄湖市锦溪县文化旅游广电局-2022-彩色扫描.pdf" --seal-near 调整后预算 --seal-name 锦溪县文化旅游广电局
$D colour "$P/p9/corpus/蓉西市雅丰县农业农村局-2023-耕地地力保护补贴.pdf" "$O/蓉西市雅丰县农业农村局-2023-耕地地力保护补贴-彩色扫描.pdf" --seal-near 年度资金总额 --seal-name 雅丰县农业农村局
