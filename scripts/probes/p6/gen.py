#!/usr/bin/env python3
"""styleprobe5: 5 unseen-style reports (borderless tables, Word header/footer/footnote/frame/bullets,
决算+自评 packaging, 附件 自评表 with 4-decimal thousands-separated 万元, rounding-coincidence clean report).
LibreOffice flat ODT (.fodt) for 水利局/财政局/林业局, Chromium HTML for 农业农村局/统计局. Gold in corpus format."""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP
from html import escape

ROOT = os.path.dirname(os.path.abspath(__file__))
B = f"{ROOT}/build"; C = f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True); os.makedirs(C, exist_ok=True)


def q(x, n="0.01"):
    return D(x).quantize(D(n), rounding=ROUND_HALF_UP)


def pct(a, b):
    return q(D(a) / D(b) * 100)


def fl(x):
    return float(D(x))


def th(x, n="0.0001"):
    """thousands separators, 4 decimals"""
    return f"{q(x, n):,}"


def gold(file, dept, year, score, grade, pers, totals, lines, inds, tasks, projs, discs, template, render="text"):
    g = {"report": {"department": dept, "fiscal_year": year, "report_kind": "部门整体支出绩效自评报告", "self_score": score, "grade": grade},
         "personnel": pers, "totals": totals, "budget_lines": lines, "indicators": inds, "tasks": tasks,
         "projects": projs, "discrepancies": discs, "file": file, "template": template, "render": render}
    json.dump(g, open(os.path.join(C, file.replace(".pdf", ".gold.json")), "w", encoding="utf-8"), ensure_ascii=False, indent=1)


CANON = {"工资福利支出": "工资和福利支出"}


def L(section, items, total=None, shares=False):
    return [{"section": section, "item": CANON.get(k, k), "amount": fl(v), "share": fl(pct(v, total)) if shares else None} for k, v in items]


def G_ind(I):
    return [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3]} for r in I]


# ---------------------------------------------------------------- FODT writer
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


class Fodt:
    def __init__(self, header=None, footer=False, borders=True):
        self.body, self.ntab, self.extra, self.nnote = [], 0, [], 0
        self.header, self.footer, self.borders = header, footer, borders

    def p(self, text, style="P", raw=False):
        self.body.append(f'<text:p text:style-name="{style}">{text if raw else escape(text)}</text:p>')

    def h(self, text, lvl=1):
        self.body.append(f'<text:h text:style-name="H{lvl}" text:outline-level="{lvl}">{escape(text)}</text:h>')

    def note(self, text):
        self.nnote += 1
        return (f'<text:note text:id="ftn{self.nnote}" text:note-class="footnote"><text:note-citation>{self.nnote}</text:note-citation>'
                f'<text:note-body><text:p text:style-name="FN">{escape(text)}</text:p></text:note-body></text:note>')

    def frame(self, lines, w_cm=7.0, h_cm=2.6):
        inner = "".join(f'<text:p text:style-name="FR">{escape(t)}</text:p>' for t in lines)
        return (f'<draw:frame draw:style-name="Fr1" draw:name="TB{len(self.body)}" text:anchor-type="paragraph" svg:x="8.5cm" svg:y="0cm" svg:width="{w_cm}cm" '
                f'svg:height="{h_cm}cm" draw:z-index="0"><draw:text-box>{inner}</draw:text-box></draw:frame>')

    def table(self, rows, widths, total_cm, align=None, borders=None):
        b = self.borders if borders is None else borders
        self.ntab += 1
        n = f"T{self.ntab}"
        self.extra.append(f'<style:style style:name="{n}" style:family="table"><style:table-properties style:width="{total_cm}cm" table:align="center"/></style:style>')
        sw = sum(widths)
        for i, w in enumerate(widths):
            self.extra.append(f'<style:style style:name="{n}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{total_cm * w / sw:.3f}cm"/></style:style>')
        x = [f'<table:table table:name="{n}" table:style-name="{n}">'] + [f'<table:table-column table:style-name="{n}.C{i}"/>' for i in range(len(widths))]
        for ri, r in enumerate(rows):
            x.append("<table:table-row>")
            for ci, c in enumerate(r):
                a = "c" if (align is None or ri == 0) else align[ci]
                st = {"l": "TL", "r": "TR", "c": "TC"}[a]
                x.append(f'<table:table-cell table:style-name="{"Cell" if b else "NoB"}" office:value-type="string"><text:p text:style-name="{st}">{escape(str(c))}</text:p></table:table-cell>')
            x.append("</table:table-row>")
        x.append("</table:table>")
        self.body.append("".join(x))

    def write(self, path):
        hdr = ""
        if self.header:
            hdr += f'<style:header><text:p text:style-name="HD">{escape(self.header)}</text:p></style:header>'
        if self.footer:
            hdr += '<style:footer><text:p text:style-name="FT">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>'
        st = """<office:font-face-decls><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%"/><style:text-properties style:font-name="Noto Sans CJK SC" fo:font-size="11pt" style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="11pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.4cm" fo:margin-left="2.6cm" fo:margin-right="2.4cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm" fo:border-bottom="0.5pt solid #000000"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.78cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="BL" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.78cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="HD" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="FT" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="FN" style:family="paragraph"><style:text-properties fo:font-size="8.5pt" style:font-size-asian="8.5pt"/></style:style>
<style:style style:name="FR" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Fr1" style:family="graphic"><style:graphic-properties style:wrap="parallel" fo:border="0.5pt solid #000000" fo:padding="0.1cm" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="from-left" style:horizontal-rel="paragraph"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Cap" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.78cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.06cm" style:vertical-align="middle"/></style:style>
<style:style style:name="NoB" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
<style:style style:name="TC" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
<style:style style:name="TR" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
<style:style style:name="TL" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="120%"/><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
""" + "\n".join(self.extra) + f"""
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmP">{hdr}</style:master-page>
</office:master-styles>"""
        doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
               + st + "<office:body><office:text>" + "\n".join(self.body) + "</office:text></office:body></office:document>")
        open(path, "w", encoding="utf-8").write(doc)


def ind_rows(I, once=True):
    rows, prev1, prev2 = [], None, None
    for r in I:
        a = r[0] if (not once or r[0] != prev1) else ""
        b = r[1] if (not once or (r[0], r[1]) != (prev1, prev2)) else ""
        prev1, prev2 = r[0], r[1]
        rows.append([a, b, r[2], r[3], r[4], str(r[5]), str(r[6])])
    return rows


I_WATER = [
    ("产出指标", "数量指标", "新建农村饮水安全工程处数", "12处", "12处", 10, 10),
    ("产出指标", "数量指标", "河道清淤疏浚长度", "≥35公里", "36.2公里", 10, 10),
    ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
    ("产出指标", "时效指标", "汛前水毁修复完成时间", "5月底前", "5月25日", 10, 9),
    ("产出指标", "成本指标", "单处饮水工程平均造价", "≤85万元", "82.6万元", 10, 10),
    ("效益指标", "社会效益指标", "受益农村人口", "≥2.6万人", "2.71万人", 15, 15),
    ("效益指标", "生态效益指标", "水土流失治理面积", "≥18平方公里", "16.4平方公里", 10, 7.5),
    ("效益指标", "可持续影响指标", "工程设计使用年限", "≥20年", "20年", 10, 10),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93.5%", 15, 12),
]


def s_water():
    """R1: LO, BORDERLESS tables (budget, income, indicators, projects) — clean."""
    dept, y = "清河市青禾县水利局", 2023
    bp = [("工资福利支出", D("612.38")), ("商品和服务支出", D("88.47")), ("对个人和家庭的补助", D("41.05"))]
    pp = [("商品和服务支出", D("356.20")), ("资本性支出", D("1624.83"))]
    basic, proj = sum(v for _, v in bp), sum(v for _, v in pp)
    exe = basic + proj
    inc = [("一般公共预算财政拨款收入", D("1846.52")), ("政府性基金预算财政拨款收入", D("812.00"))]
    inc.append(("其他收入", exe - sum(v for _, v in inc)))
    fn = [("农林水支出", exe - D("96.34") - D("58.61")), ("社会保障和就业支出", D("96.34")), ("住房保障支出", D("58.61"))]
    binit, bbud, pinit, pbud = D("720.00"), D("748.50"), D("1800.00"), D("2104.66")
    init, bud = binit + pinit, bbud + pbud
    rate = pct(exe, bud)
    projs = [("农村饮水安全巩固提升工程", D("1120.00"), D("1056.34")), ("中小河流治理项目", D("640.00"), D("612.58")), ("水旱灾害防御经费", D("118.40"), D("112.11"))]
    I = I_WATER; score = sum(D(str(r[6])) for r in I); grade = "优"
    staff = {"authorized": 38, "in_service": 35, "contract": 12, "retired": 21}
    F = Fodt(borders=False)
    F.p(dept, "Title"); F.p(f"{y}年度部门整体支出绩效自评报告", "Title")
    F.h("一、部门基本情况")
    F.p("县水利局负责全县水资源管理、水利工程建设与运行管理、河湖管理保护、农村水利、水土保持和水旱灾害防御等工作。")
    F.p(f"本局内设办公室、规划建设股、水资源管理股、河湖管理股4个股室。核定编制{staff['authorized']}名，实有在编在职人员{staff['in_service']}名，"
        f"编外聘用人员{staff['contract']}名，退休人员{staff['retired']}名。")
    F.h("二、部门整体支出情况")
    F.h("（一）预算执行情况", 2)
    F.p(f"{y}年度本局年初预算{init}万元，全年预算{bud}万元，全年执行{exe}万元，预算执行率{rate}%。具体如下表：")
    F.p("预算执行情况表", "Cap"); F.p("单位：万元", "Right")
    F.table([["项目", "年初预算", "全年预算", "全年执行", "执行率"],
             ["合计", str(init), str(bud), str(exe), f"{rate}%"],
             ["基本支出", str(binit), str(bbud), str(basic), f"{pct(basic, bbud)}%"],
             ["项目支出", str(pinit), str(pbud), str(proj), f"{pct(proj, pbud)}%"]], [3, 2.5, 2.5, 2.5, 2], 15, ["l", "r", "r", "r", "r"])
    F.h("（二）收入情况", 2)
    F.p(f"{y}年度收入合计{exe}万元，构成如下：")
    F.table([["收入项目", "金额（万元）", "占比"]] + [[k, str(v), f"{pct(v, exe)}%"] for k, v in inc] + [["合计", str(exe), "100.00%"]],
            [5, 3, 2], 12, ["l", "r", "r"])
    F.h("（三）支出情况", 2)
    F.p(f"{y}年度支出合计{exe}万元。按功能分类：" + "，".join(f"{k}{v}万元" for k, v in fn) + "。")
    F.p(f"按经济分类：基本支出{basic}万元，占{pct(basic, exe)}%，其中" + "、".join(f"{k}{v}万元" for k, v in bp) +
        f"；项目支出{proj}万元，占{pct(proj, exe)}%，其中" + "、".join(f"{k}{v}万元" for k, v in pp) + "。")
    F.h("（四）重点项目支出情况", 2)
    F.p("单位：万元", "Right")
    F.table([["项目名称", "全年预算", "实际支出", "执行率"]] + [[n, str(b), str(e), f"{pct(e, b)}%"] for n, b, e in projs], [6, 2.5, 2.5, 2], 14, ["l", "r", "r", "r"])
    F.h("三、绩效目标完成情况")
    F.p("本局年度绩效指标完成情况如下表：")
    F.table([["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]] + ind_rows(I) + [["合计", "", "", "", "", "100", str(score)]],
            [2, 2.6, 4.6, 2.4, 2.4, 1.2, 1.2], 16.2, ["l", "l", "l", "c", "c", "r", "r"])
    F.h("四、存在问题及改进措施")
    F.p("部分水土保持项目受汛期影响推进偏慢，治理面积未达年度目标。下一步将加强项目前期工作，合理安排施工时序。")
    F.h("五、自评结论")
    F.p(f"经自评，本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为“{grade}”。")
    F.write(f"{B}/{dept}-{y}.fodt")
    gold(f"{dept}-{y}.pdf", dept, y, fl(score), grade, staff,
         {"budget_total": fl(bud), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)), "project_total": fl(proj), "project_share": fl(pct(proj, exe))},
         L("income", inc, exe, True) + L("expenditure_by_function", fn) + L("basic_expenditure", bp) + L("project_expenditure", pp),
         G_ind(I), [], [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in projs], [], "borderless-LO")


I_FIN = [
    ("产出指标", "数量指标", "完成预算绩效目标审核项目数", "≥260个", "274个", 15, 15),
    ("产出指标", "质量指标", "财政评审审减率", "≥8%", "9.6%", 15, 15),
    ("产出指标", "时效指标", "预算批复及时率", "100%", "100%", 10, 10),
    ("效益指标", "经济效益指标", "节约财政资金", "≥1500万元", "1726万元", 20, 20),
    ("效益指标", "社会效益指标", "预决算公开率", "100%", "100%", 15, 15),
    ("满意度指标", "服务对象满意度指标", "预算单位满意度", "≥90%", "86%", 25, 16.2),
]


def s_fin():
    """R2: LO, Word features: running header, footer 第 X 页 共 Y 页, footnote with numbers, text frame, ●/■ bullets.
    PLANTED share_mismatch: bullet ■ states project share 36.58% (true 38.56)."""
    dept, y = "清河市青禾县财政局", 2022
    bp = [("工资福利支出", D("702.16")), ("商品和服务支出", D("118.93")), ("对个人和家庭的补助", D("33.40"))]
    pp = [("商品和服务支出", D("448.75")), ("资本性支出", D("87.30"))]
    basic, proj = sum(v for _, v in bp), sum(v for _, v in pp)
    exe = basic + proj
    inc = [("一般公共预算财政拨款收入", exe - D("42.80")), ("其他收入", D("42.80"))]
    fn = [("一般公共服务支出", exe - D("71.20") - D("52.36")), ("社会保障和就业支出", D("71.20")), ("住房保障支出", D("52.36"))]
    init, bud = D("1300.00"), D("1436.27")
    rate = pct(exe, bud)
    I = I_FIN; score = sum(D(str(r[6])) for r in I); grade = "优"
    staff = {"authorized": 56, "in_service": 51, "contract": 9, "retired": 33}
    bsh, psh = pct(basic, exe), pct(proj, exe)
    wrong_psh = psh - 2  # planted
    F = Fodt(header="青禾县财政局", footer=True, borders=True)
    F.p(dept, "Title"); F.p(f"{y}年度部门整体支出绩效自评报告", "Title")
    F.h("一、部门概况")
    F.p("县财政局是县政府主管财政收支、财税政策和国有资本经营的职能部门，承担预算编制与执行、国库集中支付、政府采购监管、财政评审和会计管理等职责。")
    F.p(f"机构设置：本局内设办公室、预算股、国库股、综合股、农业股、经济建设股、行政政法股、社会保障股8个股室，下设县财政投资评审中心、县会计核算中心2个事业单位。")
    F.p(f"人员情况：核定编制{staff['authorized']}名，实有在编在职人员{staff['in_service']}名，编外人员{staff['contract']}名，退休人员{staff['retired']}名。")
    F.h("二、部门整体支出情况")
    F.p(f"{y}年年初预算{init}万元，全年预算调整为{bud}万元，全年实际支出{exe}万元，预算执行率为{rate}%" + F.note(
        f"支出数据来源于{y}年度部门决算报表。年初结转和结余126.40万元、年末结转和结余58.32万元不计入本表执行率；"
        f"其中财政投资评审中心支出215.66万元、会计核算中心支出98.04万元已并入本局合计数。") + "。", raw=True)
    # text frame anchored to the paragraph + caption
    F.p(F.frame(["图1  支出结构", f"基本支出 {basic}万元（{bsh}%）", f"项目支出 {proj}万元（{psh}%）"]) +
        escape(f"{y}年收入合计{exe}万元，其中：" + "；".join(f"{k}{v}万元，占{pct(v, exe)}%" for k, v in inc) + "。"), raw=True)
    F.p(f"{y}年支出合计{exe}万元，按经济分类情况如下：")
    F.p(f"● 基本支出{basic}万元，占支出合计的{bsh}%，主要用于" + "、".join(f"{k}{v}万元" for k, v in bp) + "；", "BL")
    F.p(f"■ 项目支出{proj}万元，占支出合计的{wrong_psh}%，主要用于" + "、".join(f"{k}{v}万元" for k, v in pp) + "。", "BL")
    F.p("按功能分类情况如下：")
    for k, v in fn:
        F.p(f"● {k}{v}万元；", "BL")
    F.h("三、绩效指标完成情况")
    F.p("表1  部门整体支出绩效指标完成情况", "Cap")
    F.table([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]] + ind_rows(I, once=False),
            [2, 2.6, 4.8, 2.4, 2.4, 1.2, 1.2], 16.4, ["l", "l", "l", "c", "c", "r", "r"])
    F.p("注：1.满意度指标依据2023年1月对62家预算单位的问卷调查结果；2.节约财政资金按评审审减额1726万元计。", "FN")
    F.h("四、主要问题及改进措施")
    for t in ["■ 预算单位满意度86%，低于90%的目标，主要是部分单位对资金拨付时限有意见；",
              "■ 下一步将压缩拨付审核时限至5个工作日内，提高服务效率。"]:
        F.p(t, "BL")
    F.h("五、自评结论")
    F.p(f"综合上述情况，本局{y}年度部门整体支出绩效自评得分{score}分，等级为“{grade}”。")
    for _ in range(3):
        F.p("本局将持续加强全过程预算绩效管理，推动绩效评价结果与预算安排有机结合，强化绩效目标约束，提升财政资金使用效益。")
    F.write(f"{B}/{dept}-{y}.fodt")
    gold(f"{dept}-{y}.pdf", dept, y, fl(score), grade, staff,
         {"budget_total": fl(bud), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(bsh), "project_total": fl(proj), "project_share": fl(wrong_psh)},
         L("income", inc, exe, True) + L("expenditure_by_function", fn) + L("basic_expenditure", bp) + L("project_expenditure", pp),
         G_ind(I), [], [], [{"rule": "share_mismatch", "scope": "report", "field": "project_share", "values": [fl(wrong_psh), fl(psh)]}], "word-features-LO")


I_FOR = [
    ("产出指标", "数量指标", "完成人工造林面积", "≥3200亩", "3350亩", 12, 12),
    ("产出指标", "数量指标", "森林防火巡护天数", "≥180天", "186天", 13, 13),
    ("产出指标", "质量指标", "造林成活率", "≥85%", "88.2%", 10, 10),
    ("产出指标", "时效指标", "春季造林完成时限", "4月30日前", "4月28日", 10, 10),
    ("效益指标", "生态效益指标", "森林覆盖率", "≥62.5%", "62.8%", 15, 15),
    ("效益指标", "社会效益指标", "生态护林员带动就业人数", "≥120人", "126人", 10, 10),
    ("满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "91.3%", 20, 19),
]


def s_forest():
    """R3: LO, 4-decimal 万元 with thousands separators, 百分之九十五 once, 预算执行率 only in the 附件 自评表 (with its own 合计 score).
    PLANTED sum_mismatch basic_expenditure: stated 基本支出 exceeds its parts by 0.1000."""
    dept, y = "清河市青禾县林业局", 2022
    bp = [("工资福利支出", D("489.3362")), ("商品和服务支出", D("64.0815")), ("对个人和家庭的补助", D("20.1147"))]
    pp = [("商品和服务支出", D("316.7741")), ("资本性支出", D("1455.3715"))]
    basic_true, proj = sum(v for _, v in bp), sum(v for _, v in pp)
    exe = basic_true + proj  # 2345.6780
    basic_stated = basic_true + D("0.1")
    gp = q(exe * D("0.95"), "0.0001")
    inc = [("一般公共预算财政拨款收入", gp), ("其他收入", exe - gp)]
    fn = [("农林水支出", exe - D("61.2400") - D("38.9100")), ("社会保障和就业支出", D("61.2400")), ("住房保障支出", D("38.9100"))]
    binit, bbud, pinit, pbud = D("560.0000"), D("585.6000"), D("1500.0000"), D("1848.3000")
    init, bud = binit + pinit, bbud + pbud
    rate = pct(exe, bud)
    I = I_FOR
    exec_w = 10
    exec_score = q(D(exec_w) * rate / 100, "0.1")
    score = sum(D(str(r[6])) for r in I) + exec_score
    grade = "优"
    staff = {"authorized": 27, "in_service": 24, "contract": 130, "retired": 15}
    F = Fodt(borders=True)
    F.p(dept, "Title"); F.p(f"{y}年度部门整体支出绩效自评报告", "Title")
    F.h("一、基本情况")
    F.p("县林业局负责全县林业和草原资源保护、造林绿化、森林防火、林业有害生物防治、自然保护地管理等工作。")
    F.p(f"本局核定编制{staff['authorized']}名，实有在编在职人员{staff['in_service']}名，生态护林员等编外人员{staff['contract']}名，退休人员{staff['retired']}名。")
    F.h("二、收支情况")
    F.p(f"（一）预算安排。{y}年年初预算{th(init)}万元，其中基本支出{th(binit)}万元、项目支出{th(pinit)}万元；年中追加后全年预算{th(bud)}万元。")
    F.p(f"（二）收入情况。{y}年度收入合计{th(exe)}万元，其中一般公共预算财政拨款收入{th(gp)}万元，占本年收入的百分之九十五；"
        f"其他收入{th(exe - gp)}万元，占{pct(exe - gp, exe)}%。")
    F.p(f"（三）支出情况。{y}年度支出合计{th(exe)}万元。按功能分类：" + "、".join(f"{k}{th(v)}万元" for k, v in fn) + "。"
        f"按经济分类：基本支出{th(basic_stated)}万元，其中" + "、".join(f"{k}{th(v)}万元" for k, v in bp) +
        f"；项目支出{th(proj)}万元，其中" + "、".join(f"{k}{th(v)}万元" for k, v in pp) + "。")
    F.h("三、绩效目标完成情况")
    F.p("全年完成人工造林3350亩，森林覆盖率达到62.8%，林农满意度91.3%。各项指标完成情况详见附件。")
    F.h("四、存在问题及下一步工作")
    F.p("部分造林项目资金拨付滞后。下一步将加快项目验收和资金拨付进度。")
    F.h("五、自评结论")
    F.p(f"经综合评价，本局{y}年度部门整体支出绩效自评得分{score}分，评价等级为“{grade}”。")
    F.p("附件：部门整体支出绩效自评表", "Break")
    F.p(f"（{y}年度）", "Cap")
    F.p(f"填报单位：{dept}　　　　　　　　　　　　单位：万元、%", "P")
    F.table([["年度预算资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             ["年度资金总额", th(init), th(bud), th(exe), str(exec_w), f"{rate}%", str(exec_score)],
             ["其中：基本支出", th(binit), th(bbud), th(basic_stated), "—", "—", "—"],
             ["项目支出", th(pinit), th(pbud), th(proj), "—", "—", "—"]], [3, 2.3, 2.3, 2.3, 1.2, 1.6, 1.2], 16.4, ["l", "r", "r", "r", "c", "r", "r"])
    F.table([["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]] + ind_rows(I) +
            [["合计", "", "", "", "", "100", str(score)]], [2, 2.6, 4.8, 2.4, 2.4, 1.2, 1.2], 16.4, ["l", "l", "l", "c", "c", "r", "r"])
    F.write(f"{B}/{dept}-{y}.fodt")
    gold(f"{dept}-{y}.pdf", dept, y, fl(score), grade, staff,
         {"budget_total": fl(bud), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic_stated), "project_total": fl(proj)},
         L("income", inc, exe, True) + L("expenditure_by_function", fn) + L("basic_expenditure", bp) + L("project_expenditure", pp),
         G_ind(I), [], [], [{"rule": "sum_mismatch", "scope": "report", "field": "basic_expenditure", "values": [fl(basic_stated), fl(basic_true)]}],
         "attached-form-4dec-LO")


CSS = """@page { size: A4; margin: 22mm 20mm; } body { font-family: 'Noto Sans CJK SC'; font-size: 11pt; line-height: 1.65 }
h1 { font-size: 18pt; text-align: center; margin: 4pt } h2 { font-size: 13pt; margin: 9pt 0 3pt } h3 { font-size: 11.5pt; margin: 5pt 0 2pt }
p { text-indent: 2em; margin: 3pt 0 } table { border-collapse: collapse; width: 100%; margin: 4pt 0 }
td, th { border: 1px solid #000; padding: 2pt 4pt; font-size: 9.5pt } th { font-weight: normal }
.r { text-align: right } .c { text-align: center } .cap { text-align: center; text-indent: 0; font-weight: bold } .u { text-align: right; text-indent: 0 }
.pb { page-break-before: always }"""


def html_table(rows, align):
    out = ["<table>"]
    for ri, r in enumerate(rows):
        out.append("<tr>" + "".join((f"<th>{escape(str(c))}</th>" if ri == 0 else f"<td class='{align[ci]}'>{escape(str(c))}</td>") for ci, c in enumerate(r)) + "</tr>")
    return "".join(out) + "</table>"


I_AGR = [
    ("产出指标", "数量指标", "高标准农田建设面积", "≥1.2万亩", "1.25万亩", 15, 15),
    ("产出指标", "质量指标", "农产品质量安全抽检合格率", "≥98%", "99.1%", 15, 15),
    ("产出指标", "时效指标", "惠农补贴发放及时率", "100%", "100%", 10, 10),
    ("效益指标", "经济效益指标", "农村居民人均可支配收入增长", "≥6%", "6.8%", 15, 15),
    ("效益指标", "社会效益指标", "粮食播种面积", "≥28万亩", "28.4万亩", 15, 15),
    ("效益指标", "可持续影响指标", "化肥使用量减少", "≥2%", "1.6%", 10, 7),
    ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "94%", 20, 20),
]


def s_agri():
    """R4: Chromium, 部门决算情况说明 (its own 收入支出决算总表 with 年初/年末结转, 收支总计 change, 三公经费, 机关运行经费) packaged BEFORE the 自评报告. Clean."""
    dept, y = "清河市青禾县农业农村局", 2023
    bp = [("工资福利支出", D("845.26")), ("商品和服务支出", D("132.58")), ("对个人和家庭的补助", D("26.77"))]
    pp = [("商品和服务支出", D("1210.44")), ("资本性支出", D("2961.08")), ("对个人和家庭的补助", D("684.32"))]
    basic, proj = sum(v for _, v in bp), sum(v for _, v in pp)
    exe = basic + proj
    inc = [("一般公共预算财政拨款收入", D("4726.15")), ("政府性基金预算财政拨款收入", D("860.00"))]
    inc.append(("其他收入", exe - sum(v for _, v in inc)))
    fn = [("农林水支出", exe - D("118.45") - D("86.12") - D("64.30")), ("社会保障和就业支出", D("118.45")), ("卫生健康支出", D("86.12")), ("住房保障支出", D("64.30"))]
    carry_in, carry_out = D("312.60"), D("287.35")
    total_in = exe + carry_in
    total_out = exe + carry_out  # 收入总计 = 支出总计
    assert total_in == exe + carry_in
    carry_out = carry_in; total_out = exe + carry_out
    prior_total = total_in - D("436.18")
    init, bud = D("5400.00"), D("6112.40")
    rate = pct(exe, bud)
    prior_exe = exe - D("521.37")
    yoy, yoyp = exe - prior_exe, pct(exe - prior_exe, prior_exe)
    I = I_AGR; score = sum(D(str(r[6])) for r in I); grade = "优"
    staff = {"authorized": 64, "in_service": 58, "contract": 22, "retired": 47}
    projs = [("高标准农田建设项目", D("2400.00"), D("2318.62")), ("耕地地力保护补贴", D("684.32"), D("684.32")), ("动物防疫专项经费", D("156.00"), D("148.70"))]
    h = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    h.append(f"<h1>{dept}{y}年度部门决算</h1><p class='c' style='text-indent:0'>第一部分 {y}年度部门决算情况说明</p>")
    h.append(f"<h2>一、收入支出决算总体情况说明</h2><p>{y}年度收、支总计{total_in}万元。与{y - 1}年度相比，收、支总计各增加436.18万元，增长{pct(D('436.18'), prior_total)}%。"
             f"主要变动原因是高标准农田建设任务增加。</p>")
    h.append("<p class='cap'>收入支出决算总表</p><p class='u'>单位：万元</p>")
    left = [("一、一般公共预算财政拨款收入", inc[0][1]), ("二、政府性基金预算财政拨款收入", inc[1][1]), ("三、其他收入", inc[2][1]), ("", ""),
            ("本年收入合计", exe), ("年初结转和结余", carry_in), ("", ""), ("总计", total_in)]
    right = [("一、社会保障和就业支出", fn[1][1]), ("二、卫生健康支出", fn[2][1]), ("三、农林水支出", fn[0][1]), ("四、住房保障支出", fn[3][1]),
             ("本年支出合计", exe), ("年末结转和结余", carry_out), ("", ""), ("总计", total_out)]
    h.append(html_table([["收入项目", "决算数", "支出项目", "决算数"]] + [[a, str(b), c, str(d)] for (a, b), (c, d) in zip(left, right)], ["l", "r", "l", "r"]))
    h.append(f"<h2>二、收入决算情况说明</h2><p>本年收入合计{exe}万元，其中：" + "；".join(f"{k}{v}万元，占{pct(v, exe)}%" for k, v in inc) + "。</p>")
    h.append(f"<h2>三、支出决算情况说明</h2><p>本年支出合计{exe}万元，其中：基本支出{basic}万元，占{pct(basic, exe)}%；项目支出{proj}万元，占{pct(proj, exe)}%。</p>")
    h.append(f"<h2>四、一般公共预算财政拨款“三公”经费支出决算情况说明</h2><p>{y}年度“三公”经费财政拨款支出决算为18.64万元，完成预算的82.85%，"
             f"其中：公务接待费4.12万元，公务用车购置及运行维护费14.52万元。</p>")
    h.append(f"<h2>五、机关运行经费支出说明</h2><p>{y}年度机关运行经费支出151.35万元，比上年减少9.26万元，下降5.77%。</p>")
    # ---- the 自评报告
    h.append(f"<div class='pb'></div><h1>{dept}<br>{y}年度部门整体支出绩效自评报告</h1>")
    h.append(f"<h2>一、部门概况</h2><p>本局负责全县农业农村经济发展、粮食安全、农田建设、农产品质量安全和乡村振兴相关工作。"
             f"核定编制{staff['authorized']}名，实有在编在职人员{staff['in_service']}名，编外人员{staff['contract']}名，退休人员{staff['retired']}名。</p>")
    h.append(f"<h2>二、部门整体支出情况</h2><p>{y}年年初预算{init}万元，全年预算{bud}万元，全年实际支出{exe}万元，预算执行率{rate}%。"
             f"支出较上年增加{yoy}万元，增长{yoyp}%，主要原因是高标准农田建设投入增加。</p>")
    h.append(f"<p>基本支出{basic}万元，其中" + "、".join(f"{k}{v}万元" for k, v in bp) + f"；项目支出{proj}万元，其中" + "、".join(f"{k}{v}万元" for k, v in pp) + "。</p>")
    h.append("<h2>三、重点项目支出情况</h2><p class='u'>单位：万元</p>" + html_table([["项目名称", "全年预算数", "实际支出", "执行率"]] +
             [[n, str(b), str(e), f"{pct(e, b)}%"] for n, b, e in projs], ["", "r", "r", "r"]))
    h.append("<h2>四、绩效指标完成情况</h2>" + html_table([["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]] +
             [[a, b, c, d, e, f, g] for a, b, c, d, e, f, g in ind_rows(I, once=False)], ["c", "c", "", "c", "c", "c", "c"]))
    h.append(f"<h2>五、自评结论</h2><p>{y}年度本局部门整体支出绩效自评得分{score}分，等级为{grade}。</p>")
    h.append("<h2>六、存在问题及改进措施</h2><p>化肥减量目标未完成，下一步将扩大测土配方施肥覆盖面。</p></body></html>")
    open(f"{B}/{dept}-{y}.html", "w", encoding="utf-8").write("".join(h))
    gold(f"{dept}-{y}.pdf", dept, y, fl(score), grade, staff,
         {"budget_total": fl(bud), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)), "project_total": fl(proj), "project_share": fl(pct(proj, exe)),
          "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp), "prior_executed_total": fl(prior_exe)},
         L("income", inc, exe, True) + L("expenditure_by_function", fn) + L("basic_expenditure", bp) + L("project_expenditure", pp),
         G_ind(I), [], [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in projs], [], "juesuan-packaged-Chromium")


I_STAT = [
    ("产出指标", "数量指标", "完成统计调查项目数", "≥24项", "25项", 20, 20),
    ("产出指标", "质量指标", "统计数据差错率", "≤0.5%", "0.3%", 20, 20),
    ("产出指标", "时效指标", "统计报表按期报送率", "100%", "100%", 15, 15),
    ("效益指标", "社会效益指标", "统计信息发布次数", "≥12次", "12次", 20, 20),
    ("满意度指标", "服务对象满意度指标", "统计用户满意度", "≥90%", "92.4%", 25, 25),
]


def s_stat():
    """R5: Chromium, CLEAN; amounts known to the yuan and printed in 万元 rounded item by item, so printed parts
    differ from printed totals by 0.01 and shares add to 100.01%."""
    dept, y = "清河市青禾县统计局", 2023
    W = lambda yuan: q(D(yuan) / 10000)
    # yuan-precise parts
    inc_y = [("一般公共预算财政拨款收入", D("1000050")), ("政府性基金预算财政拨款收入", D("1000050")), ("其他收入", D("999900"))]
    exe_y = sum(v for _, v in inc_y)  # 3000050 -> 300.01 ; parts 100.01+100.01+99.99=300.01 ; shares 33.34+33.34+33.33=100.01
    bp_y = [("工资福利支出", D("1234550")), ("商品和服务支出", D("215050")), ("对个人和家庭的补助", D("50550"))]   # 123.46+21.51+5.05=150.02; basic 1500050 -> 150.01
    basic_y = sum(v for _, v in bp_y)
    proj_y = exe_y - basic_y  # 1500000 -> 150.00
    pp_y = [("商品和服务支出", D("1180050")), ("资本性支出", D("319800"))]  # 118.01+32.00=150.01 vs 150.00
    assert sum(v for _, v in pp_y) == proj_y
    fn_y = [("一般公共服务支出", D("2650050")), ("社会保障和就业支出", D("200050")), ("住房保障支出", D("149900"))]  # 265.01+20.01+15.00=300.02 vs 300.01
    assert sum(v for _, v in fn_y) == exe_y
    bud_y = D("3015150")  # 301.51 (rate from yuan 99.50248 -> 99.50; from printed 300.01/301.51=99.5025)
    init_y = D("2900000")
    rate = pct(exe_y, bud_y)
    exe, basic, proj, bud, init = W(exe_y), W(basic_y), W(proj_y), W(bud_y), W(init_y)
    bsh, psh = pct(basic_y, exe_y), pct(proj_y, exe_y)  # 50.00 + 50.00? compute
    inc = [(k, W(v)) for k, v in inc_y]; bp = [(k, W(v)) for k, v in bp_y]; pp = [(k, W(v)) for k, v in pp_y]; fn = [(k, W(v)) for k, v in fn_y]
    projs_y = [("统计调查专项经费", D("605050"), D("600050")), ("经济普查经费", D("894950"), D("894950"))]
    projs = [(n, W(b), W(e), pct(e, b)) for n, b, e in projs_y]
    prior_y = exe_y - D("125050")
    yoy, yoyp = W(exe_y - prior_y), pct(exe_y - prior_y, prior_y)
    I = I_STAT; score = sum(D(str(r[6])) for r in I); grade = "优"
    staff = {"authorized": 18, "in_service": 16, "contract": 4, "retired": 11}
    h = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    h.append(f"<h1>{dept}<br>{y}年度部门整体支出绩效自评报告</h1>")
    h.append(f"<h2>一、部门基本情况</h2><p>本局负责全县统计调查、国民经济核算、统计数据发布和统计执法监督工作。核定编制{staff['authorized']}名，"
             f"实有在编在职人员{staff['in_service']}名，编外人员{staff['contract']}名，退休人员{staff['retired']}名。</p>")
    h.append(f"<h2>二、部门整体支出情况</h2><h3>（一）预算执行情况</h3><p>{y}年年初预算{init}万元，全年预算{bud}万元，全年执行{exe}万元，预算执行率{rate}%。"
             f"支出合计较上年增加{yoy}万元，增长{yoyp}%，主要原因是经济普查经费增加。</p>")
    h.append("<h3>（二）收入情况</h3><p class='u'>单位：万元</p>" + html_table([["收入项目", "金额", "占比"]] + [[k, str(v), f"{pct(inc_y[i][1], exe_y)}%"] for i, (k, v) in enumerate(inc)] +
             [["合计", str(exe), "100.00%"]], ["", "r", "r"]))
    h.append(f"<h3>（三）支出情况</h3><p>{y}年支出合计{exe}万元。其中：基本支出{basic}万元，占{bsh}%，包括" + "、".join(f"{k}{v}万元" for k, v in bp) +
             f"；项目支出{proj}万元，占{psh}%，包括" + "、".join(f"{k}{v}万元" for k, v in pp) + "。</p>")
    h.append("<p class='u'>单位：万元</p>" + html_table([["功能分类科目", "金额", "占比"]] + [[k, str(v), f"{pct(fn_y[i][1], exe_y)}%"] for i, (k, v) in enumerate(fn)] +
             [["合计", str(exe), "100.00%"]], ["", "r", "r"]))
    h.append("<h3>（四）重点项目支出情况</h3><p class='u'>单位：万元</p>" + html_table([["项目名称", "全年预算数", "实际支出", "执行率"]] +
             [[n, str(b), str(e), f"{r}%"] for n, b, e, r in projs], ["", "r", "r", "r"]))
    h.append("<h2>三、绩效指标完成情况</h2>" + html_table([["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]] +
             [list(r) for r in ind_rows(I, once=False)], ["c", "c", "", "c", "c", "c", "c"]))
    h.append(f"<h2>四、自评结论</h2><p>{y}年度本局部门整体支出绩效自评得分{score}分，等级为“{grade}”。</p>")
    h.append("<h2>五、存在问题及改进措施</h2><p>基层统计力量薄弱，下一步将加强统计业务培训。</p></body></html>")
    open(f"{B}/{dept}-{y}.html", "w", encoding="utf-8").write("".join(h))
    print("stat check: inc parts", sum(v for _, v in inc), exe, "shares", sum(pct(v, exe_y) for _, v in inc_y), "basic parts", sum(v for _, v in bp), basic,
          "proj parts", sum(v for _, v in pp), proj, "fn", sum(v for _, v in fn), exe, "bsh+psh", bsh + psh, "rate", rate, pct(exe, bud))
    gold(f"{dept}-{y}.pdf", dept, y, fl(score), grade, staff,
         {"budget_total": fl(bud), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(bsh), "project_total": fl(proj), "project_share": fl(psh),
          "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp), "prior_executed_total": fl(W(prior_y))},
         [{"section": "income", "item": k, "amount": fl(W(v)), "share": fl(pct(v, exe_y))} for k, v in inc_y] + L("expenditure_by_function", fn) +
         L("basic_expenditure", bp) + L("project_expenditure", pp),
         G_ind(I), [], [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(r)} for n, b, e, r in projs], [], "rounding-clean-Chromium")


if __name__ == "__main__":
    s_water(); s_fin(); s_forest(); s_agri(); s_stat()
