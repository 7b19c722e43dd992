#!/usr/bin/env python3
"""styleprobe3: 6 unseen-style reports for selfeval (3 departments, one with a year pair per house style).
Builds build/*.html (Chromium) and build/*.fodt (LibreOffice, with a landscape page style) and corpus/*.gold.json.
All figures computed with Decimal; planted discrepancies listed in gold."""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP
from html import escape

ROOT = os.path.dirname(os.path.abspath(__file__))
B = f"{ROOT}/build"
C = f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True); os.makedirs(C, exist_ok=True)


def r2(x, q="0.01"):
    return D(x).quantize(D(q), rounding=ROUND_HALF_UP)


def pct(a, b):
    return r2(D(a) / D(b) * 100)


def fl(x):
    return float(D(x))


FWMAP = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def fw(x):
    """full-width digits/point/percent (WPS-style prose)."""
    return "".join(FWMAP.get(c, c) for c in str(x))


def gold(file, dept, year, score, grade, pers, totals, lines, inds, tasks, projs, discs, template, render="text"):
    g = {"report": {"department": dept, "fiscal_year": year, "report_kind": "部门整体支出绩效自评报告", "self_score": score, "grade": grade},
         "personnel": pers, "totals": totals, "budget_lines": lines, "indicators": inds, "tasks": tasks,
         "projects": projs, "discrepancies": discs, "file": file, "template": template, "render": render}
    json.dump(g, open(os.path.join(C, file.replace(".pdf", ".gold.json")), "w", encoding="utf-8"), ensure_ascii=False, indent=1)


def build(d):
    """derive totals from parts; returns dict with computed values."""
    for key in ("inc", "fn"):
        if d[key][-1][1] is None:
            d[key][-1] = (d[key][-1][0], sum(v for _, v in d["bparts"] + d["pparts"]) - sum(v for _, v in d[key][:-1]))
    d["basic"] = sum(v for _, v in d["bparts"])
    d["proj"] = sum(v for _, v in d["pparts"])
    d["exe"] = d["basic"] + d["proj"]
    assert sum(v for _, v in d["inc"]) == d["exe"], (d["dept"], sum(v for _, v in d["inc"]), d["exe"])
    assert sum(v for _, v in d["fn"]) == d["exe"], (d["dept"], sum(v for _, v in d["fn"]), d["exe"])
    d["budget"] = d["bbudget"] + d["pbudget"]
    d["rate"] = pct(d["exe"], d["budget"])
    ws = sum(i[5] for i in d["I"]); ss = sum(D(str(i[6])) for i in d["I"])
    assert ws == 100 and ss == D(str(d["score"])), (d["dept"], ws, ss)
    return d


def stdgold(d, file, template, render="text", discs=(), yoy=None, yoyp=None, prior=None, fn_share=False, inc_share=True):
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, d["exe"])) if inc_share else None} for k, v in d["inc"]] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": fl(pct(v, d["exe"])) if fn_share else None} for k, v in d["fn"]] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": None} for k, v in d["bparts"]] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": None} for k, v in d["pparts"]])
    t = {"budget_total": fl(d["budget"]), "initial_budget": fl(d["init"]), "executed_total": fl(d["exe"]), "execution_rate": fl(d["rate"]),
         "income_total": fl(d["exe"]), "expenditure_total": fl(d["exe"]), "basic_total": fl(d["basic"]), "basic_share": fl(pct(d["basic"], d["exe"])),
         "project_total": fl(d["proj"]), "project_share": fl(pct(d["proj"], d["exe"]))}
    if yoy is not None:
        t.update({"yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp), "prior_executed_total": fl(prior)})
    gold(file, d["dept"], d["year"], d["score"], d["grade"], d["staff"], t, lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in d["I"]],
         [{"seq": i, "name": n, "planned": fl(m)} for i, (n, c, m, cp) in enumerate(d["tasks"], 1)],
         [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in d["projs"]],
         list(discs), template, render)


def spans(rows, key):
    out = {}
    for i, r in enumerate(rows):
        out.setdefault(key(r), []).append(i)
    return out


# ======================================================================================================
# Style 甲 (Chromium): 中共云溪县委宣传部 2022 + 2023. Cover page with 评价方式/报告日期 in the next year,
# 3-row 预算执行情况表 (合计/基本支出/项目支出 × 年初预算数|全年预算数|全年执行数|执行率), 工资福利支出 wording,
# 优秀/良好 grade, 与上年相比增加…万元，增长…%（上年支出…万元）, indicator 自评表 on a Chromium named landscape page
# (2023) in the middle of portrait pages.
# ======================================================================================================
def style_jia(d, yoy, yoyp, prior, landscape):
    y = d["year"]
    css = """
@page { size: A4; margin: 22mm 20mm; }
@page wide { size: A4 landscape; margin: 15mm 18mm; }
.land { page: wide; }
body { font-family: 'Noto Sans CJK SC'; font-size: 11pt; line-height: 1.6 }
.cover { height: 240mm; text-align: center; page-break-after: always }
.cover h1 { font-size: 22pt; margin-top: 50mm } .cover p { font-size: 14pt }
h2 { font-size: 13pt; margin: 10pt 0 4pt } h3 { font-size: 11.5pt; margin: 6pt 0 2pt }
p { text-indent: 2em; margin: 3pt 0 }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 } td, th { border: 1px solid #000; padding: 2pt 4pt; font-size: 9.5pt }
th { font-weight: normal } .r { text-align: right } .c { text-align: center } .cap { text-align: center; text-indent: 0; font-weight: bold }
"""
    h = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    h.append(f"<div class='cover'><h1>{d['dept']}<br>{y}年度部门整体支出绩效自评报告</h1><p>&nbsp;</p><p>评价方式：部门自评</p>"
             f"<p>评价单位（盖章）：{d['dept']}</p><p>报告日期：{y + 1}年3月{d['day']}日</p></div>")
    h.append("<h2>一、部门概况</h2><h3>（一）主要职能</h3><p>负责全县意识形态工作，统筹指导理论学习、新闻宣传、网络宣传、文明创建和文化事业发展，"
             "承担县委理论学习中心组学习的组织服务工作，指导全县宣传思想文化系统队伍建设。</p>")
    s = d["staff"]
    h.append(f"<h3>（二）机构和人员情况</h3><p>本部内设办公室、理论教育股、新闻宣传股、网络宣传管理股、文明创建股5个股室，下设县新时代文明实践服务中心1个事业单位。"
             f"核定编制{s['authorized']}名，年末实有在编在职人员{s['in_service']}名，编外聘用人员{s['contract']}名，离退休人员{s['retired']}名。</p>")
    h.append("<h2>二、部门整体支出管理及使用情况</h2><h3>（一）预算执行情况</h3>")
    h.append(f"<p>{y}年度本部年初预算数{d['init']}万元，年中追加{r2(d['budget'] - d['init'])}万元，全年预算数{d['budget']}万元，"
             f"全年执行数{d['exe']}万元，预算执行率{d['rate']}%。分项情况见表1。</p>")
    h.append("<p class='cap'>表1 预算执行情况表</p><p style='text-align:right;text-indent:0'>单位：万元</p>")
    h.append("<table><tr><th>项目</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th></tr>")
    for lab, ib, bb, ee in (("合计", d["init"], d["budget"], d["exe"]), ("基本支出", d["binit"], d["bbudget"], d["basic"]),
                            ("项目支出", d["init"] - d["binit"], d["pbudget"], d["proj"])):
        h.append(f"<tr><td class='c'>{lab}</td><td class='r'>{ib}</td><td class='r'>{bb}</td><td class='r'>{ee}</td><td class='r'>{pct(ee, bb)}%</td></tr>")
    h.append("</table>")
    h.append("<h3>（二）收入情况</h3><p>" + f"{y}年度收入合计{d['exe']}万元，其中：" +
             "；".join(f"{k}{v}万元，占{pct(v, d['exe'])}%" for k, v in d["inc"]) + "。</p>")
    yo = ""
    if yoy is not None:
        word = ("增加", "增长") if yoy > 0 else ("减少", "下降")
        yo = f"与上年相比{word[0]}{abs(yoy)}万元，{word[1]}{abs(yoyp)}%" + (f"（上年支出{prior}万元）" if d.get("restate_prior") else "") + "，主要原因是" + d["yoy_reason"] + "。"
    h.append(f"<h3>（三）支出情况</h3><p>{y}年度支出合计{d['exe']}万元，{yo}</p>")
    h.append("<p>按支出功能分类：" + "，".join(f"{k}{v}万元" for k, v in d["fn"]) + "。</p>")
    h.append(f"<p>按支出经济分类：基本支出{d['basic']}万元，占支出合计的{pct(d['basic'], d['exe'])}%，其中" +
             "、".join(f"{k}{v}万元" for k, v in d["bparts_printed"]) +
             f"；项目支出{d['proj']}万元，占支出合计的{pct(d['proj'], d['exe'])}%，其中" +
             "、".join(f"{k}{v}万元" for k, v in d["pparts_printed"]) + "。</p>")
    h.append("<h2>三、年度重点工作任务完成情况</h2>")
    h.append("<table><tr><th>序号</th><th>任务名称</th><th>主要内容</th><th>拟投入资金（万元）</th><th>完成情况</th></tr>")
    for i, (n, c, m, cp) in enumerate(d["tasks"], 1):
        h.append(f"<tr><td class='c'>{i}</td><td>{n}</td><td>{c}</td><td class='r'>{m}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h2>四、重点项目支出情况</h2><p style='text-align:right;text-indent:0'>单位：万元</p>")
    h.append("<table><tr><th>项目名称</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th></tr>")
    for n, b, e in d["projs"]:
        h.append(f"<tr><td>{n}</td><td class='r'>{b}</td><td class='r'>{e}</td><td class='r'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    # indicator table (landscape named page in 2023)
    I = d["I"]
    tbl = ["<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>全年实际值</th><th>分值</th><th>得分</th><th>偏差原因</th></tr>"]
    s1, s2 = spans(I, lambda r: r[0]), spans(I, lambda r: (r[0], r[1]))
    for i, r in enumerate(I):
        tds = []
        if s1[r[0]][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s1[r[0]])}'>{r[0]}</td>")
        if s2[(r[0], r[1])][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s2[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td class='c'>{r[3]}</td>", f"<td class='c'>{r[4]}</td>", f"<td class='c'>{r[5]}</td>",
                f"<td class='c'>{r[6]}</td>", f"<td>{'无' if D(str(r[6])) == r[5] else r[7]}</td>"]
        tbl.append("<tr>" + "".join(tds) + "</tr>")
    tbl.append(f"<tr><td colspan='5' class='c'>总分</td><td class='c'>100</td><td class='c'>{d['score']}</td><td></td></tr></table>")
    if landscape:
        h.append(f"<div class='land'><h2>五、部门整体支出绩效自评表</h2><p class='cap'>{d['dept']}{y}年度部门整体支出绩效自评表</p>" + "".join(tbl) + "</div>")
    else:
        h.append("<h2>五、绩效指标完成情况</h2>" + "".join(tbl))
    h.append("<h2>六、自评结论</h2>")
    h.append(f"<p>对照部门整体支出绩效评价指标体系逐项打分，本部{y}年度部门整体支出绩效自评得分{d['score']}分，评价等级为“{d['grade']}”。</p>")
    h.append(f"<h2>七、存在的问题及改进措施</h2><p>{d['problems']}</p><p>{y + 1}年，本部将进一步强化预算绩效管理，于{y + 1}年6月底前完成重点项目绩效监控，"
             f"{y + 1}年9月底前完成下年度绩效目标编报。</p>")
    h.append("</body></html>")
    return "\n".join(h)


# ======================================================================================================
# Style 乙 (LibreOffice from flat ODT): 云溪县人民政府办公室 2022 + 2023. Full-width digits in prose
# (２０２３年，１２３．４５万元，９６．５２％), 功能分类 table with 占比, indicator 自评表 on a LANDSCAPE page style in the
# middle of portrait pages with 一级/二级 printed on every row, score ONLY in the 自评表's last row, grade 良好/合格.
# ======================================================================================================
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


class Fodt:
    def __init__(self):
        self.body = []
        self.ntab = 0

    def p(self, text, style="P"):
        self.body.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')

    def h(self, text, lvl=1):
        self.body.append(f'<text:h text:style-name="H{lvl}" text:outline-level="{lvl}">{escape(text)}</text:h>')

    def table(self, rows, widths, total_cm, align=None):
        self.ntab += 1
        n = f"T{self.ntab}"
        self.styles_extra = getattr(self, "styles_extra", [])
        self.styles_extra.append(f'<style:style style:name="{n}" style:family="table"><style:table-properties style:width="{total_cm}cm" table:align="center"/></style:style>')
        sw = sum(widths)
        for i, w in enumerate(widths):
            self.styles_extra.append(f'<style:style style:name="{n}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{total_cm * w / sw:.3f}cm"/></style:style>')
        x = [f'<table:table table:name="{n}" table:style-name="{n}">']
        x += [f'<table:table-column table:style-name="{n}.C{i}"/>' for i in range(len(widths))]
        for ri, r in enumerate(rows):
            x.append("<table:table-row>")
            for ci, c in enumerate(r):
                st = "TC" if (align is None or align[ci] == "l" or ri == 0) else ("TR" if align[ci] == "r" else "TC")
                st = "TL" if (align is not None and align[ci] == "l" and ri > 0) else st
                x.append(f'<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="{st}">{escape(str(c))}</text:p></table:table-cell>')
            x.append("</table:table-row>")
        x.append("</table:table>")
        self.body.append("".join(x))

    def write(self, path):
        st = """<office:font-face-decls><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%"/><style:text-properties style:font-name="Noto Sans CJK SC" fo:font-size="11pt" style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="11pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.2cm" fo:margin-bottom="2cm" fo:margin-left="2.6cm" fo:margin-right="2.4cm"/></style:page-layout>
<style:page-layout style:name="pmL"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.8cm" fo:margin-bottom="1.6cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.78cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Cap" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.78cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="LandStart" style:family="paragraph" style:master-page-name="Landscape"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PortStart" style:family="paragraph" style:master-page-name="Standard"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.06cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TC" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
<style:style style:name="TR" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
<style:style style:name="TL" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
""" + "\n".join(getattr(self, "styles_extra", [])) + """
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmP"/>
<style:master-page style:name="Landscape" style:page-layout-name="pmL"/>
</office:master-styles>"""
        doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
               + st + "<office:body><office:text>" + "\n".join(self.body) + "</office:text></office:body></office:document>")
        open(path, "w", encoding="utf-8").write(doc)


def style_yi(d, yoy_printed, yoyp_printed):
    y = d["year"]
    F = Fodt()
    F.p(f"{d['dept']}", "Title")
    F.p(f"{y}年度部门整体支出绩效自评报告", "Title")
    F.p(" ", "P")
    F.h("一、基本情况")
    F.p(f"县政府办公室是县人民政府的综合办事机构，主要负责县政府日常运转保障、政务服务、督查督办、政务公开、应急值守和机关事务管理等工作。")
    s = d["staff"]
    F.p(f"本单位内设秘书股、综合股、督查室、政务公开办、机关事务股共５个股室。核定编制{fw(s['authorized'])}名，实有在编人员{fw(s['in_service'])}名，"
        f"聘用人员{fw(s['contract'])}名，退休人员{fw(s['retired'])}名。")
    F.h("二、部门整体支出情况")
    F.h("（一）预算执行情况", 2)
    F.p(f"{fw(y)}年年初预算{fw(d['init'])}万元，年中调整后全年预算{fw(d['budget'])}万元，其中基本支出预算{fw(d['bbudget'])}万元、项目支出预算{fw(d['pbudget'])}万元；"
        f"全年实际支出{fw(d['exe'])}万元，预算执行率{fw(str(d['rate']) + '%')}。")
    F.h("（二）收入情况", 2)
    F.p(f"{fw(y)}年收入合计{fw(d['exe'])}万元，其中：" + "；".join(f"{k}{fw(v)}万元，占比{fw(str(pct(v, d['exe'])) + '%')}" for k, v in d["inc"]) + "。")
    F.h("（三）支出情况", 2)
    word = ("增加", "增长") if yoy_printed > 0 else ("减少", "下降")
    F.p(f"{fw(y)}年支出合计{fw(d['exe'])}万元，较上年{word[0]}{fw(abs(yoy_printed))}万元，{word[1]}{fw(str(abs(yoyp_printed)) + '%')}，主要原因是{d['yoy_reason']}。"
        f"其中：基本支出{fw(d['basic'])}万元，占{fw(str(pct(d['basic'], d['exe'])) + '%')}，主要用于" +
        "、".join(f"{k}{fw(v)}万元" for k, v in d["bparts"]) +
        f"；项目支出{fw(d['proj'])}万元，占{fw(str(pct(d['proj'], d['exe'])) + '%')}，主要用于" + "、".join(f"{k}{fw(v)}万元" for k, v in d["pparts"]) + "。")
    F.p("支出按功能分类情况如下：")
    F.p("单位：万元", "Right")
    F.table([["功能分类科目", "金额", "占比"]] + [[k, str(v), f"{pct(v, d['exe'])}%"] for k, v in d["fn"]] + [["合计", str(d["exe"]), "100.00%"]],
            [5, 3, 2], 14, ["l", "r", "r"])
    F.h("（四）重点项目支出情况", 2)
    F.table([["序号", "项目名称", "预算数（万元）", "支出数（万元）", "执行率（%）"]] +
            [[str(i), n, str(b), str(e), str(pct(e, b))] for i, (n, b, e) in enumerate(d["projs"], 1)], [1, 6, 3, 3, 2], 15.5, ["c", "l", "r", "r", "r"])
    # landscape 自评表
    F.body.append(f'<text:p text:style-name="LandStart">{escape(d["dept"])}部门整体支出绩效自评表</text:p>')
    F.p(f"（{y}年度）", "Cap")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    for r in d["I"]:
        rows.append([r[0], r[1], r[2], r[3], r[4], str(r[5]), str(r[6]), "无" if D(str(r[6])) == r[5] else r[7]])
    rows.append(["总分", "", "", "", "", "100", str(d["score"]), ""])
    F.table(rows, [2, 2.6, 5, 3, 3, 1.3, 1.3, 5.5], 25.5, ["c", "c", "l", "c", "c", "c", "c", "l"])
    F.body.append(f'<text:p text:style-name="PortStart">三、年度重点工作任务完成情况</text:p>')
    F.table([["序号", "重点工作任务", "具体内容", "计划投入（万元）", "完成情况"]] +
            [[str(i), n, c, str(m), cp] for i, (n, c, m, cp) in enumerate(d["tasks"], 1)], [1, 3.5, 6, 2.5, 4], 16, ["c", "l", "l", "r", "l"])
    F.h("四、绩效管理工作开展情况")
    for t in d["filler"]:
        F.p(t)
    F.h("五、自评结论")
    F.p(f"对照自评表逐项评分，{fw(y)}年度本单位部门整体支出绩效综合评价等级为“{d['grade']}”，具体得分详见部门整体支出绩效自评表。")
    F.h("六、存在的问题及下一步措施")
    F.p(d["problems"])
    F.p(f"报告日期：{fw(y + 1)}年{fw(3)}月{fw(d['day'])}日", "Right")
    return F


# ======================================================================================================
# Style 丙 (Chromium, then COLOUR scan with a red stamp): 沧澜市临川区桂花街道办事处 2023.
# Income table 收入项目|金额（万元）|占比, 执行数/执行率 prose, 5-col indicator table, grade 一般.
# ======================================================================================================
def style_bing(d):
    y = d["year"]
    css = """@page { size: A4; margin: 22mm 22mm; } body { font-family: 'Noto Sans CJK SC'; font-size: 11.5pt; line-height: 1.7 }
h1 { font-size: 17pt; text-align: center; margin: 4pt } h2 { font-size: 12.5pt; margin: 8pt 0 2pt } p { text-indent: 2em; margin: 2pt 0 }
table { border-collapse: collapse; width: 100% } td { border: 1px solid #000; padding: 2pt 4pt; font-size: 10pt } .r { text-align: right } .c { text-align: center }"""
    h = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    h.append(f"<h1>{d['dept']}</h1><h1>{y}年度部门整体支出绩效自评报告</h1>")
    s = d["staff"]
    h.append(f"<h2>一、部门基本情况</h2><p>桂花街道办事处是临川区人民政府的派出机关，辖8个社区居委会，负责辖区党建、社会治理、民生服务、城市管理和平安建设等工作。"
             f"街道核定编制{s['authorized']}名，实有在编在职人员{s['in_service']}名，编外聘用人员{s['contract']}名，退休人员{s['retired']}名。</p>")
    h.append(f"<h2>二、预算执行情况</h2><p>{y}年度年初预算{d['init']}万元，全年预算数{d['budget']}万元，全年执行数{d['exe']}万元，执行率{d['rate']}%。</p>")
    h.append("<h2>三、收入支出情况</h2><p>本年收入情况如下表（单位：万元）：</p>")
    h.append("<table><tr><td class='c'>收入项目</td><td class='c'>金额（万元）</td><td class='c'>占比</td></tr>")
    for k, v in d["inc"]:
        h.append(f"<tr><td>{k}</td><td class='r'>{v}</td><td class='r'>{pct(v, d['exe'])}%</td></tr>")
    h.append(f"<tr><td class='c'>合计</td><td class='r'>{d['exe']}</td><td class='r'>100%</td></tr></table>")
    h.append(f"<p>本年支出合计{d['exe']}万元。按功能分类：" + "；".join(f"{k}{v}万元" for k, v in d["fn"]) + "。</p>")
    h.append(f"<p>基本支出{d['basic']}万元，占{pct(d['basic'], d['exe'])}%，其中" + "，".join(f"{k}{v}万元" for k, v in d["bparts"]) +
             f"。项目支出{d['proj']}万元，占{pct(d['proj'], d['exe'])}%，其中" + "，".join(f"{k}{v}万元" for k, v in d["pparts"]) + "。</p>")
    h.append("<h2>四、重点工作任务完成情况</h2><table><tr><td class='c'>序号</td><td class='c'>任务名称</td><td class='c'>主要内容</td><td class='c'>拟投入资金（万元）</td><td class='c'>完成情况</td></tr>")
    for i, (n, c, m, cp) in enumerate(d["tasks"], 1):
        h.append(f"<tr><td class='c'>{i}</td><td>{n}</td><td>{c}</td><td class='r'>{m}</td><td>{cp}</td></tr>")
    h.append("</table><h2>五、重点项目支出情况</h2><table><tr><td class='c'>项目名称</td><td class='c'>预算数（万元）</td><td class='c'>执行数（万元）</td><td class='c'>执行率</td></tr>")
    for n, b, e in d["projs"]:
        h.append(f"<tr><td>{n}</td><td class='r'>{b}</td><td class='r'>{e}</td><td class='r'>{pct(e, b)}%</td></tr>")
    h.append("</table><h2>六、绩效目标完成情况</h2><table><tr><td class='c'>一级指标</td><td class='c'>二级指标</td><td class='c'>三级指标</td><td class='c'>指标值</td><td class='c'>完成值</td></tr>")
    I = d["I"]
    s1, s2 = spans(I, lambda r: r[0]), spans(I, lambda r: (r[0], r[1]))
    for i, r in enumerate(I):
        tds = []
        if s1[r[0]][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s1[r[0]])}'>{r[0]}</td>")
        if s2[(r[0], r[1])][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s2[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td class='c'>{r[3]}</td>", f"<td class='c'>{r[4]}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append("</table>")
    h.append(f"<h2>七、自评结论</h2><p>经街道绩效自评工作小组综合评定，本街道{y}年度部门整体支出绩效自评得分{d['score']}分，评价等级：{d['grade']}。</p>")
    h.append(f"<h2>八、存在问题及改进措施</h2><p>{d['problems']}</p>")
    h.append(f"<p style='text-align:right'>{d['dept']}</p><p style='text-align:right'>{y + 1}年3月{d['day']}日</p></body></html>")
    return "\n".join(h)


FILLER = [
    "1.制定部门预算绩效管理实施办法，明确各股室在绩效目标编制、绩效监控、绩效自评中的职责分工。",
    "2.对重点项目实行预算执行进度和绩效目标实现程度“双监控”，每季度通报一次执行情况。",
    "3.组织各股室对照年初绩效目标逐项开展自评，对偏差较大的指标说明原因并提出改进措施。",
    "4.将绩效自评结果作为下一年度预算安排的重要依据，对绩效较差的项目压减预算。",
    "5.按规定公开部门预算、决算及重点项目绩效目标和自评结果，主动接受社会监督。",
    "6.严格执行政府采购目录和限额标准，规范合同管理和资产管理。",
    "7.加强财务内控建设，修订完善财务报销、公务接待、公务用车等内控制度。",
    "8.开展预算绩效管理业务培训，提升财务人员和项目负责人的绩效意识。",
    "9.推进财务信息化建设，实现预算编制、执行、核算一体化管理。",
    "10.对固定资产进行全面清查盘点，做到账实相符。",
]


def main():
    out = []
    # ---------------- 甲: 中共云溪县委宣传部 2022 / 2023 --------------------------------------------------
    base = dict(dept="中共云溪县委宣传部", staff={"authorized": 26, "in_service": 24, "contract": 5, "retired": 11},
                problems="一是部分项目绩效目标设置不够细化，量化指标偏少；二是个别项目预算执行进度前松后紧。")
    a22 = dict(base, year=2022, day=16, grade="良好", score=88.2, init=D("1286.40"), binit=D("702.30"), bbudget=D("718.62"), pbudget=D("642.15"),
               bparts=[("工资和福利支出", D("598.46")), ("商品和服务支出", D("81.27")), ("对个人和家庭的补助", D("32.55"))],
               pparts=[("商品和服务支出", D("512.38")), ("对个人和家庭的补助", D("46.20")), ("资本性支出", D("38.91"))],
               inc=[("一般公共预算财政拨款收入", D("1254.37")), ("其他收入", None)],
               fn=[("一般公共服务支出", D("706.52")), ("文化旅游体育与传媒支出", D("488.14")), ("社会保障和就业支出", D("70.86")),
                   ("卫生健康支出", D("18.62")), ("住房保障支出", None)],
               yoy_reason="疫情防控宣传任务减少")
    a23 = dict(base, year=2023, day=20, grade="优秀", score=93.5, init=D("1352.80"), binit=D("731.60"), bbudget=D("745.20"), pbudget=D("702.35"),
               bparts=[("工资和福利支出", D("621.84")), ("商品和服务支出", D("84.06")), ("对个人和家庭的补助", D("33.12"))],
               pparts=[("商品和服务支出", D("568.73")), ("对个人和家庭的补助", D("52.40")), ("资本性支出", D("62.35"))],
               inc=[("一般公共预算财政拨款收入", D("1349.20")), ("政府性基金预算财政拨款收入", D("30.00")), ("其他收入", None)],
               fn=[("一般公共服务支出", D("739.02")), ("文化旅游体育与传媒支出", D("567.81")), ("社会保障和就业支出", D("72.35")),
                   ("卫生健康支出", D("19.04")), ("住房保障支出", None)],
               yoy_reason="新时代文明实践阵地建设和全国文明城市创建投入增加", restate_prior=True)
    for a in (a22, a23):
        a["bparts_printed"] = [("工资福利支出" if k == "工资和福利支出" else k, v) for k, v in a["bparts"]]
        a["pparts_printed"] = a["pparts"]
    a22["I"] = [
        ("产出指标", "数量指标", "组织理论学习中心组集体学习", "≥12次", "14次", 10, 10, ""),
        ("产出指标", "数量指标", "刊发对外宣传稿件", "≥300篇", "326篇", 10, 10, ""),
        ("产出指标", "数量指标", "开展新时代文明实践活动", "≥200场", "186场", 10, 8.5, "受疫情影响部分活动取消"),
        ("产出指标", "质量指标", "重大舆情处置率", "100%", "100%", 10, 10, ""),
        ("产出指标", "时效指标", "资金支付及时率", "≥95%", "92.1%", 10, 8, "部分项目验收滞后"),
        ("产出指标", "成本指标", "预算执行率", "≥95%", "94.82%", 10, 9.7, "个别项目结余"),
        ("效益指标", "社会效益指标", "县级以上文明村镇占比", "≥60%", "58%", 15, 12, "创建周期较长"),
        ("效益指标", "可持续影响指标", "意识形态工作责任制落实", "有效落实", "有效落实", 10, 10, ""),
        ("满意度指标", "服务对象满意度指标", "群众对文明创建工作满意度", "≥90%", "89.5%", 15, 10, "宣传覆盖面有待提高"),
    ]
    a23["I"] = [
        ("产出指标", "数量指标", "组织理论学习中心组集体学习", "≥12次", "15次", 10, 10, ""),
        ("产出指标", "数量指标", "刊发对外宣传稿件", "≥320篇", "351篇", 10, 10, ""),
        ("产出指标", "数量指标", "开展新时代文明实践活动", "≥220场", "248场", 10, 10, ""),
        ("产出指标", "质量指标", "重大舆情处置率", "100%", "100%", 10, 10, ""),
        ("产出指标", "时效指标", "资金支付及时率", "≥95%", "96.4%", 10, 10, ""),
        ("产出指标", "成本指标", "预算执行率", "≥95%", "98.07%", 10, 10, ""),
        ("效益指标", "社会效益指标", "县级以上文明村镇占比", "≥60%", "61.5%", 15, 13.5, "部分村镇测评未达标"),
        ("效益指标", "可持续影响指标", "意识形态工作责任制落实", "有效落实", "有效落实", 10, 10, ""),
        ("满意度指标", "服务对象满意度指标", "群众对文明创建工作满意度", "≥90%", "91.2%", 15, 10, "农村地区宣传覆盖面不足"),
    ]
    for a in (a22, a23):
        build(a)
        a["bparts_printed"] = [("工资福利支出" if k == "工资和福利支出" else k, v) for k, v in a["bparts"]]
        a["pparts_printed"] = a["pparts"]
    a22["tasks"] = [("理论武装和宣传教育", "组织县委理论学习中心组学习，开展党的创新理论宣讲进基层活动。", D("168.50"), "已完成，开展宣讲326场"),
                    ("新闻宣传和对外宣传", "围绕县委中心工作开展新闻报道，在省级以上媒体刊发稿件。", D("236.80"), "已完成，刊发稿件326篇"),
                    ("新时代文明实践中心建设", "建设乡镇实践所和村级实践站，组织志愿服务活动。", D("198.60"), "基本完成，开展活动186场")]
    a23["tasks"] = [("理论武装和宣传教育", "组织县委理论学习中心组学习，开展党的创新理论宣讲进基层活动。", D("175.20"), "已完成，开展宣讲352场"),
                    ("新闻宣传和对外宣传", "围绕县委中心工作开展新闻报道，在省级以上媒体刊发稿件。", D("248.60"), "已完成，刊发稿件351篇"),
                    ("新时代文明实践中心建设", "建设乡镇实践所和村级实践站，组织志愿服务活动。", D("226.40"), "已完成，开展活动248场"),
                    ("全国文明城市创建", "开展文明城市创建常态化测评和公益广告宣传。", D("96.00"), "已完成年度创建任务")]
    a22["projs"] = [("理论宣讲和学习教育经费", D("168.50"), D("161.24")), ("新闻宣传和外宣工作经费", D("236.80"), D("229.75")),
                    ("新时代文明实践中心运行经费", D("198.60"), D("175.43"))]
    a23["projs"] = [("理论宣讲和学习教育经费", D("175.20"), D("173.86")), ("新闻宣传和外宣工作经费", D("248.60"), D("246.12")),
                    ("新时代文明实践中心运行经费", D("226.40"), D("218.90")), ("文明城市创建专项经费", D("96.00"), D("44.60"))]
    yoyA = a23["exe"] - a22["exe"]; yoypA = pct(yoyA, a22["exe"])
    y21 = D("-48.26"); p21 = pct(y21, a22["exe"] - y21)
    open(f"{B}/中共云溪县委宣传部-2022.html", "w").write(style_jia(a22, y21, p21, None, landscape=False))
    stdgold(a22, "中共云溪县委宣传部-2022.pdf", "S3-jia-chromium", yoy=y21, yoyp=p21, prior=a22["exe"] - y21)
    open(f"{B}/中共云溪县委宣传部-2023.html", "w").write(style_jia(a23, yoyA, yoypA, a22["exe"], landscape=True))
    stdgold(a23, "中共云溪县委宣传部-2023.pdf", "S3-jia-chromium", yoy=yoyA, yoyp=yoypA, prior=a22["exe"])

    # ---------------- 乙: 云溪县人民政府办公室 2022 / 2023 (planted yoy_mismatch in 2023) --------------------
    bb = dict(dept="云溪县人民政府办公室", staff={"authorized": 32, "in_service": 29, "contract": 7, "retired": 15}, filler=FILLER[:7],
              problems="一是预算编制的精准性有待提高，年中追加预算较多；二是部分绩效指标以定性描述为主，可考核性不强。下一步将细化预算编制，完善绩效指标体系。")
    b22 = dict(bb, year=2022, day=24, grade="良好", score=85.0, init=D("1820.00"), bbudget=D("1105.60"), pbudget=D("846.25"),
               bparts=[("工资和福利支出", D("902.18")), ("商品和服务支出", D("148.36")), ("对个人和家庭的补助", D("41.27"))],
               pparts=[("商品和服务支出", D("702.64")), ("资本性支出", D("108.92"))],
               inc=[("一般公共预算财政拨款收入", D("1851.06")), ("其他收入", None)],
               fn=[("一般公共服务支出", D("1612.48")), ("社会保障和就业支出", D("152.36")), ("卫生健康支出", D("58.17")), ("住房保障支出", None)],
               yoy_reason="政务服务中心改造项目完工")
    b23 = dict(bb, year=2023, day=27, grade="合格", score=76.5, init=D("1905.00"), bbudget=D("1138.40"), pbudget=D("918.70"),
               bparts=[("工资和福利支出", D("931.52")), ("商品和服务支出", D("152.08")), ("对个人和家庭的补助", D("43.65"))],
               pparts=[("商品和服务支出", D("760.19")), ("资本性支出", D("124.06"))],
               inc=[("一般公共预算财政拨款收入", D("1947.23")), ("政府性基金预算财政拨款收入", D("20.00")), ("其他收入", None)],
               fn=[("一般公共服务支出", D("1702.64")), ("社会保障和就业支出", D("162.93")), ("卫生健康支出", D("61.20")), ("住房保障支出", None)],
               yoy_reason="政务服务“一网通办”平台升级和应急值守系统建设投入增加")
    b22["I"] = [
        ("产出指标", "数量指标", "办理县政府文电", "≥2500件", "2718件", 10, 10, ""),
        ("产出指标", "数量指标", "开展督查督办事项", "≥120项", "134项", 10, 10, ""),
        ("产出指标", "质量指标", "政务信息公开及时准确率", "100%", "98.6%", 10, 8, "个别信息更新滞后"),
        ("产出指标", "时效指标", "政务服务事项按时办结率", "≥98%", "99.1%", 10, 10, ""),
        ("产出指标", "成本指标", "“三公”经费控制", "≤上年", "较上年下降5.2%", 10, 10, ""),
        ("效益指标", "社会效益指标", "政务服务“一网通办”率", "≥90%", "86%", 20, 15, "部分事项未实现全程网办"),
        ("效益指标", "可持续影响指标", "机关运转保障能力", "持续提升", "有所提升", 10, 8, "保障标准偏低"),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "93.2%", 20, 14, "窗口服务质量有待提高"),
    ]
    b23["I"] = [
        ("产出指标", "数量指标", "办理县政府文电", "≥2600件", "2804件", 10, 10, ""),
        ("产出指标", "数量指标", "开展督查督办事项", "≥130项", "121项", 10, 7, "部分事项并入专项督查"),
        ("产出指标", "质量指标", "政务信息公开及时准确率", "100%", "97.9%", 10, 7, "个别信息更新滞后"),
        ("产出指标", "时效指标", "政务服务事项按时办结率", "≥98%", "96.5%", 10, 8, "系统升级期间办件积压"),
        ("产出指标", "成本指标", "“三公”经费控制", "≤上年", "较上年增长1.8%", 10, 6, "接待任务增加"),
        ("效益指标", "社会效益指标", "政务服务“一网通办”率", "≥92%", "88%", 20, 14, "部分事项未实现全程网办"),
        ("效益指标", "可持续影响指标", "机关运转保障能力", "持续提升", "有所提升", 10, 8, "保障标准偏低"),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "91.8%", 20, 16.5, "窗口服务质量有待提高"),
    ]
    b22 = build(b22); b23 = build(b23)
    b22["tasks"] = [("政务服务保障", "保障县政府常务会议、专题会议等各类会议和重大活动的组织服务。", D("186.40"), "已完成，保障会议218次"),
                    ("督查督办", "围绕县委县政府重大决策部署开展督查督办，跟踪问效。", D("92.60"), "已完成，督办事项134项"),
                    ("政务服务中心运行", "保障政务服务中心窗口运行，推进“一网通办”。", D("318.75"), "基本完成，一网通办率86%")]
    b23["tasks"] = [("政务服务保障", "保障县政府常务会议、专题会议等各类会议和重大活动的组织服务。", D("194.20"), "已完成，保障会议231次"),
                    ("督查督办", "围绕县委县政府重大决策部署开展督查督办，跟踪问效。", D("96.30"), "基本完成，督办事项121项"),
                    ("政务服务中心运行", "保障政务服务中心窗口运行，推进“一网通办”平台升级。", D("356.40"), "基本完成，一网通办率88%"),
                    ("应急值守体系建设", "建设县级应急值守指挥调度系统，落实24小时值班制度。", D("148.00"), "已完成系统建设并投入使用")]
    b22["projs"] = [("县政府会议和重大活动保障经费", D("186.40"), D("181.92")), ("督查督办工作经费", D("92.60"), D("88.35")),
                    ("政务服务中心运行经费", D("318.75"), D("301.46"))]
    b23["projs"] = [("县政府会议和重大活动保障经费", D("194.20"), D("192.36")), ("督查督办工作经费", D("96.30"), D("90.18")),
                    ("政务服务中心运行经费", D("356.40"), D("342.85")), ("应急值守指挥调度系统建设", D("148.00"), D("139.64"))]
    yoyB22 = D("-86.44"); yoypB22 = pct(yoyB22, b22["exe"] - yoyB22)
    style_yi(b22, yoyB22, yoypB22).write(f"{B}/云溪县人民政府办公室-2022.fodt")
    stdgold(b22, "云溪县人民政府办公室-2022.pdf", "S3-yi-lo-landscape", render="mixed", yoy=yoyB22, yoyp=yoypB22, prior=b22["exe"] - yoyB22, fn_share=True)
    true_yoy = b23["exe"] - b22["exe"]; true_p = pct(true_yoy, b22["exe"])
    stated = D("126.48")  # PLANTED: stated change against last year does not match the two reports' totals
    assert stated != true_yoy
    stated_p = pct(stated, b23["exe"] - stated)
    style_yi(b23, stated, stated_p).write(f"{B}/云溪县人民政府办公室-2023.fodt")
    stdgold(b23, "云溪县人民政府办公室-2023.pdf", "S3-yi-lo-landscape", yoy=true_yoy, yoyp=true_p, prior=b22["exe"], fn_share=True,
            discs=[{"rule": "yoy_mismatch", "scope": "cross_year", "field": "yoy_change", "values": [fl(stated), fl(true_yoy)]}])

    # ---------------- 丙: 沧澜市临川区桂花街道办事处 2023 (colour scan) ------------------------------------------
    c = dict(dept="沧澜市临川区桂花街道办事处", year=2023, day=12, grade="一般", score=72.4, staff={"authorized": 45, "in_service": 41, "contract": 38, "retired": 22},
             init=D("3264.00"), bbudget=D("1486.25"), pbudget=D("2318.40"),
             bparts=[("工资和福利支出", D("1208.64")), ("商品和服务支出", D("196.83")), ("对个人和家庭的补助", D("58.42"))],
             pparts=[("商品和服务支出", D("1423.57")), ("对个人和家庭的补助", D("386.20")), ("资本性支出", D("312.48"))],
             inc=[("一般公共预算财政拨款收入", D("3326.54")), ("政府性基金预算财政拨款收入", D("180.00")), ("其他收入", None)],
             fn=[("一般公共服务支出", D("1624.37")), ("城乡社区支出", D("1215.82")), ("社会保障和就业支出", D("512.66")),
                 ("卫生健康支出", D("118.49")), ("住房保障支出", None)],
             problems="一是社区项目前期论证不充分，部分项目未按期完工；二是绩效目标设置偏低，部分指标与工作实际脱节。")
    c["I"] = [
        ("产出指标", "数量指标", "老旧小区改造", "≥6个", "4个", 15, 9, "两个小区因居民意见不统一推迟开工"),
        ("产出指标", "数量指标", "社区网格员培训", "≥120人次", "136人次", 10, 10, ""),
        ("产出指标", "质量指标", "改造工程验收合格率", "100%", "100%", 10, 10, ""),
        ("产出指标", "时效指标", "项目按期完工率", "≥90%", "66.7%", 15, 8, "进度滞后"),
        ("效益指标", "社会效益指标", "辖区信访事项办结率", "≥95%", "93.5%", 15, 12, ""),
        ("效益指标", "生态效益指标", "生活垃圾分类覆盖率", "≥85%", "78%", 10, 6.4, ""),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "86.2%", 25, 17, ""),
    ]
    c = build(c)
    c["tasks"] = [("老旧小区改造", "完成6个老旧小区的水电气管网和外立面改造。", D("1260.00"), "完成4个，2个推迟至下年"),
                  ("社区网格化治理", "配齐网格员，开展网格员业务培训和矛盾纠纷排查。", D("385.60"), "已完成"),
                  ("垃圾分类推进", "在辖区小区设置分类投放点，开展垃圾分类宣传督导。", D("214.80"), "基本完成，覆盖率78%")]
    c["projs"] = [("老旧小区改造项目", D("1260.00"), D("1011.46")), ("社区网格化管理经费", D("385.60"), D("372.18")),
                  ("生活垃圾分类推进经费", D("214.80"), D("176.35"))]
    open(f"{B}/沧澜市临川区桂花街道办事处-2023.html", "w").write(style_bing(c))
    stdgold(c, "沧澜市临川区桂花街道办事处-2023-彩色扫描.pdf", "S3-bing-colourscan", render="scan")
    for x in (a22, a23, b22, b23, c):
        print(x["dept"], x["year"], "exe", x["exe"], "budget", x["budget"], "rate", x["rate"], "basic", x["basic"], "proj", x["proj"])
    print("A yoy", yoyA, yoypA, "B true yoy", true_yoy, true_p, "B stated", stated, stated_p)


if __name__ == "__main__":
    main()
