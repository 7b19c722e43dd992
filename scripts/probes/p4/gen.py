#!/usr/bin/env python3
"""styleprobe4: cross-year / cross-department probe for selfeval.
12 text reports (Chromium) of one invented district 桐江市鹤鸣区, fiscal years 2021-2023:
  A 卫生健康局 2021/2022/2023  name printed three ways (full / without city / short title + full name on cover only)
  B 教育局     2022/2023       PLANTED yoy_mismatch in 2023 (stated amount wrong, pct right — as the dev corpus plants it)
  C 民政局     2022/2023       2023 states its change on the 执行数 basis (执行数 != 本年支出合计): consistent
  D 档案馆     2022/2023       2023 states 同比无增减变化 (totals equal): consistent
  E 司法局     2021/2023       no 2022 report: no yoy comparison possible (2023's change, vs 2022, would mismatch vs 2021)
  F 住房和城乡建设局 2022      genuine peer outlier: execution rate ~62% with self score 94.6 (优)
Figures computed with Decimal; gold in the dev corpus format."""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.abspath(__file__))
# VARIANT=v: side corpus (corpus-v) where the name/phrase variations hide PLANTED findings:
#   B-2023 printed without the city prefix (planted yoy_mismatch), D-2023 says 同比无增减变化 although its total changed
#   (planted yoy_mismatch), F-2022 printed without the city prefix (planted peer_outlier).
V = os.environ.get("VARIANT", "") == "v"
B = f"{ROOT}/build" + ("-v" if V else "")
C = f"{ROOT}/corpus" + ("-v" if V else "")
os.makedirs(B, exist_ok=True); os.makedirs(C, exist_ok=True)
CITY, DIST = "桐江市", "鹤鸣区"


def r2(x, q="0.01"):
    return D(x).quantize(D(q), rounding=ROUND_HALF_UP)


def pct(a, b):
    return r2(D(a) / D(b) * 100)


def fl(x):
    return float(D(x))


def grade_of(score):
    s = D(str(score))
    return "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"


# ---------------------------------------------------------------- indicators
def indicators(base, score, missed, rate=None):
    """base: list of (l1,l2,l3,op,value,unit,weight); missed: indices that miss their target.
    Deduction 100-score split over the missed ones (each < its weight). Returns rows
    (l1,l2,l3,target,actual,weight,score,reason)."""
    ded = D(100) - D(str(score))
    share = r2(ded / len(missed), "0.1") if missed else D(0)
    deds = {i: share for i in missed}
    if missed:
        deds[missed[-1]] = ded - share * (len(missed) - 1)
    rows = []
    for i, (l1, l2, l3, op, v, unit, w) in enumerate(base):
        v = D(str(v))
        tgt = ("≥" if op == ">=" else "≤" if op == "<=" else "") + f"{v}{unit}"
        if i in deds:
            assert 0 < deds[i] < w, (l3, deds[i], w)
            act = r2(v * D("0.93"), "0.1") if op != "<=" else r2(v * D("1.08"), "0.1")
            if unit in ("次", "场", "人次", "所", "个", "户", "件", "篇", "项", "人"):
                act = act.to_integral_value()
            sc = D(w) - deds[i]
            reason = "受客观因素影响未完全达到目标"
        else:
            act = v if (unit == "%" and v == 100) else (r2(v * D("1.04"), "0.1") if op != "<=" else r2(v * D("0.9"), "0.1"))
            if op == "=":
                act = v
            if unit in ("次", "场", "人次", "所", "个", "户", "件", "篇", "项", "人"):
                act = act.to_integral_value()
            sc = D(w)
            reason = "无"
        if l3 == "预算执行率" and rate is not None:
            act = rate
            assert (i in deds) == (rate < v), (l3, rate)
        rows.append((l1, l2, l3, tgt, f"{act}{unit}", w, sc, reason))
    assert sum(r[6] for r in rows) == D(str(score)), (score, sum(r[6] for r in rows))
    return rows


# ---------------------------------------------------------------- data model
def build(d):
    d["basic"] = sum(v for _, v in d["bparts"])
    d["proj"] = sum(v for _, v in d["pparts"])
    d["spend"] = d["basic"] + d["proj"]                 # 本年支出合计
    d.setdefault("exe", d["spend"])                      # 执行数 (== spend unless stated otherwise)
    # income: 财政拨款 + 其他收入 (remainder) == spend
    d["inc"] = [("一般公共预算财政拨款收入", d["inc_gov"]), ("其他收入", d["spend"] - d["inc_gov"])]
    assert d["inc"][1][1] > 0
    fn = list(d["fn"])
    fn.append((d["fn_last"], d["spend"] - sum(v for _, v in fn)))
    assert fn[-1][1] > 0, (d["dept_full"], fn)
    d["fnl"] = fn
    d["rate"] = pct(d["exe"], d["budget"])
    d["grade"] = grade_of(d["score"])
    d["I"] = indicators(d["ibase"], d["score"], d["missed"], d["rate"])
    return d


def gold_of(d, file, discs=(), yoy=None, yoyp=None, prior=None, dept_gold=None):
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, d["spend"]))} for k, v in d["inc"]] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in d["fnl"]] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": None} for k, v in d["bparts"]] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": None} for k, v in d["pparts"]])
    t = {"budget_total": fl(d["budget"]), "initial_budget": fl(d["init"]), "executed_total": fl(d["exe"]),
         "execution_rate": fl(d["rate"]), "income_total": fl(d["spend"]), "expenditure_total": fl(d["spend"]),
         "basic_total": fl(d["basic"]), "basic_share": fl(pct(d["basic"], d["spend"])),
         "project_total": fl(d["proj"]), "project_share": fl(pct(d["proj"], d["spend"]))}
    if yoy is not None:
        t.update({"yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp)})
        if prior is not None:
            t["prior_executed_total"] = fl(prior)
    g = {"report": {"department": dept_gold or d["dept_full"], "fiscal_year": d["year"], "report_kind": "部门整体支出绩效自评报告",
                    "self_score": d["score"], "grade": d["grade"]},
         "personnel": d["staff"], "totals": t, "budget_lines": lines,
         "indicators": [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": fl(r[6])} for r in d["I"]],
         "tasks": [], "projects": [], "discrepancies": list(discs), "file": file, "template": "S4-" + d["tpl"], "render": "text"}
    json.dump(g, open(os.path.join(C, file.replace(".pdf", ".gold.json")), "w", encoding="utf-8"), ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- html
CSS = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: 'Noto Sans CJK SC'; font-size: 11pt; line-height: 1.6 }
.cover { height: 240mm; text-align: center; page-break-after: always }
.cover h1 { font-size: 22pt; margin-top: 60mm } .cover p { font-size: 14pt; text-indent: 0 }
h1 { font-size: 17pt; text-align: center; margin: 4pt 0 }
h2 { font-size: 13pt; margin: 10pt 0 4pt } h3 { font-size: 11.5pt; margin: 6pt 0 2pt }
p { text-indent: 2em; margin: 3pt 0 }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 } td, th { border: 1px solid #000; padding: 2pt 4pt; font-size: 9.5pt }
th { font-weight: normal } .c { text-align: center } .r { text-align: right }
"""


def spans(rows, key):
    out = {}
    for i, r in enumerate(rows):
        out.setdefault(key(r), []).append(i)
    return out


def yoy_clause(d):
    """The printed change against last year, in the department's wording."""
    y = d.get("yoy")
    if y is None:
        return ""
    kind, amt, p = y["kind"], y["amount"], y["pct"]
    up = amt > 0
    if kind == "nochange":
        return "同比无增减变化"
    w1, w2 = ("增加", "增长") if up else ("减少", "下降")
    lead = {"yusn": "与上年相比", "tongbi": "同比上年度", "jiao": "较上年", "duibi": "与上年对比",
            "year": f"较{d['year'] - 1}年度", "exe": "较上年执行数"}[kind]
    s = f"{lead}{w1}{abs(amt)}万元，{w2}{abs(p)}%"
    if y.get("prior_restated") is not None:
        s += f"（上年支出合计{y['prior_restated']}万元）"
    return s


def html(d):
    y = d["year"]
    h = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    nm = d["name_mode"]
    printed = d["dept_printed"]
    if nm == "two_lines":            # department on its own title line
        h.append(f"<h1>{printed}</h1><h1>{y}年度部门整体支出绩效自评报告</h1>")
    elif nm == "inline":             # one title line: department + year + kind
        h.append(f"<h1>{printed}{y}年度部门整体支出绩效自评报告</h1>")
    elif nm == "cover_label":        # cover: kind + year only, full name after 评价单位（盖章）; p.2 title short name
        h.append(f"<div class='cover'><h1>{y}年度<br>部门整体支出绩效自评报告</h1><p>&nbsp;</p><p>&nbsp;</p>"
                 f"<p>评价单位（盖章）：{d['dept_full']}</p><p>报告日期：{y + 1}年3月{d['day']}日</p></div>")
        h.append(f"<h1>{d['dept_short']}{y}年度部门整体支出绩效自评报告</h1>")
    self_ref = d.get("self_ref", "本单位")
    s = d["staff"]
    h.append(f"<h2>一、部门基本情况</h2><h3>（一）主要职能</h3><p>{d['func']}</p>")
    h.append(f"<h3>（二）机构和人员情况</h3><p>{self_ref}内设{d['units']}。核定编制{s['authorized']}名，实有在编在职人员{s['in_service']}名，"
             f"编外聘用人员{s['contract']}名，退休人员{s['retired']}名。</p>")
    h.append("<h2>二、部门整体支出情况</h2><h3>（一）预算执行情况</h3>")
    if d.get("exe_basis"):   # 执行数 is the fiscal-appropriation part; the change is stated on that basis
        yo = yoy_clause(d) if d.get("yoy", {}).get("kind") == "exe" else ""
        h.append(f"<p>{y}年度财政拨款年初预算{d['init']}万元，全年预算数{d['budget']}万元，全年执行数{d['exe']}万元"
                 + (f"，{yo}" if yo else "") + f"，预算执行率{d['rate']}%。另使用其他资金安排支出{d['spend'] - d['exe']}万元。</p>")
    else:
        h.append(f"<p>{y}年度年初预算{d['init']}万元，全年预算数{d['budget']}万元，全年执行数{d['exe']}万元，预算执行率{d['rate']}%。</p>")
    h.append("<h3>（二）收入情况</h3><p>" + f"{y}年度本年收入合计{d['spend']}万元，其中：" +
             "；".join(f"{k}{v}万元，占{pct(v, d['spend'])}%" for k, v in d["inc"]) + "。</p>")
    yo = "" if d.get("yoy", {}).get("kind") == "exe" else yoy_clause(d)
    reason = f"，主要原因是{d['yoy_reason']}" if yo and d.get("yoy", {}).get("kind") != "nochange" else ""
    h.append(f"<h3>（三）支出情况</h3><p>{y}年度本年支出合计{d['spend']}万元" + (f"，{yo}{reason}" if yo else "") + "。</p>")
    h.append("<p>按支出功能分类：" + "，".join(f"{k}{v}万元" for k, v in d["fnl"]) + "。</p>")
    h.append(f"<p>按支出经济分类：基本支出{d['basic']}万元，占本年支出合计的{pct(d['basic'], d['spend'])}%，其中" +
             "、".join(f"{k}{v}万元" for k, v in d["bparts"]) +
             f"；项目支出{d['proj']}万元，占本年支出合计的{pct(d['proj'], d['spend'])}%，其中" +
             "、".join(f"{k}{v}万元" for k, v in d["pparts"]) + "。</p>")
    # indicator table (8 columns, merged 一级/二级)
    I = d["I"]
    h.append("<h2>三、绩效指标完成情况</h2>")
    h.append("<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因</th></tr>")
    s1, s2 = spans(I, lambda r: r[0]), spans(I, lambda r: (r[0], r[1]))
    for i, r in enumerate(I):
        tds = []
        if s1[r[0]][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s1[r[0]])}'>{r[0]}</td>")
        if s2[(r[0], r[1])][0] == i:
            tds.append(f"<td class='c' rowspan='{len(s2[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td class='c'>{r[3]}</td>", f"<td class='c'>{r[4]}</td>", f"<td class='c'>{r[5]}</td>",
                f"<td class='c'>{r[6]}</td>", f"<td>{r[7]}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='5' class='c'>合计</td><td class='c'>100</td><td class='c'>{d['score']}</td><td></td></tr></table>")
    h.append("<h2>四、自评结论</h2>")
    h.append(f"<p>经自评工作小组综合评定，{self_ref}{y}年度部门整体支出绩效自评得分{d['score']}分，自评等级为“{d['grade']}”。</p>")
    h.append(f"<h2>五、存在的问题及改进措施</h2><p>{d['problems']}</p>")
    h.append(f"<p>下一步，{self_ref}将进一步加强预算绩效管理，科学设置绩效目标，强化绩效监控和结果应用。</p>")
    h.append("</body></html>")
    return "\n".join(h)


# ---------------------------------------------------------------- departments
IND_HEALTH = [("产出指标", "数量指标", "家庭医生签约服务人数", ">=", 52000, "人", 10),
              ("产出指标", "数量指标", "开展健康教育讲座", ">=", 120, "场", 10),
              ("产出指标", "质量指标", "孕产妇系统管理率", ">=", 95, "%", 10),
              ("产出指标", "时效指标", "资金支付及时率", ">=", 95, "%", 10),
              ("产出指标", "成本指标", "预算执行率", ">=", 95, "%", 10),
              ("效益指标", "社会效益指标", "居民健康素养水平", ">=", 28, "%", 20),
              ("效益指标", "可持续影响指标", "基层医疗机构标准化建设达标率", ">=", 90, "%", 10),
              ("满意度指标", "服务对象满意度指标", "群众就医满意度", ">=", 90, "%", 20)]
IND_EDU = [("产出指标", "数量指标", "义务教育学校校舍改造", ">=", 6, "所", 10),
           ("产出指标", "数量指标", "教师培训", ">=", 1800, "人次", 10),
           ("产出指标", "质量指标", "义务教育巩固率", ">=", 99, "%", 10),
           ("产出指标", "时效指标", "资金支付及时率", ">=", 95, "%", 10),
           ("产出指标", "成本指标", "预算执行率", ">=", 95, "%", 10),
           ("效益指标", "社会效益指标", "适龄儿童入学率", "=", 100, "%", 20),
           ("效益指标", "可持续影响指标", "优质均衡发展达标学校占比", ">=", 60, "%", 10),
           ("满意度指标", "服务对象满意度指标", "家长满意度", ">=", 90, "%", 20)]
IND_CIVIL = [("产出指标", "数量指标", "城乡低保对象保障人数", ">=", 4200, "人", 10),
             ("产出指标", "数量指标", "养老服务站点建设", ">=", 12, "个", 10),
             ("产出指标", "质量指标", "救助资金发放准确率", "=", 100, "%", 10),
             ("产出指标", "时效指标", "救助资金按月发放率", ">=", 98, "%", 10),
             ("产出指标", "成本指标", "预算执行率", ">=", 95, "%", 10),
             ("效益指标", "社会效益指标", "困难群众应保尽保率", "=", 100, "%", 20),
             ("效益指标", "可持续影响指标", "社区养老服务覆盖率", ">=", 85, "%", 10),
             ("满意度指标", "服务对象满意度指标", "救助对象满意度", ">=", 90, "%", 20)]
IND_ARCH = [("产出指标", "数量指标", "档案接收进馆", ">=", 12000, "件", 15),
            ("产出指标", "数量指标", "档案数字化", ">=", 30, "万页", 15),
            ("产出指标", "质量指标", "档案数字化合格率", ">=", 98, "%", 10),
            ("产出指标", "时效指标", "查档利用按时办结率", ">=", 98, "%", 10),
            ("产出指标", "成本指标", "预算执行率", ">=", 95, "%", 10),
            ("效益指标", "社会效益指标", "档案开放利用人次", ">=", 3500, "人次", 20),
            ("满意度指标", "服务对象满意度指标", "查档群众满意度", ">=", 90, "%", 20)]
IND_JUST = [("产出指标", "数量指标", "人民调解案件", ">=", 1500, "件", 10),
            ("产出指标", "数量指标", "法治宣传活动", ">=", 80, "场", 10),
            ("产出指标", "质量指标", "人民调解成功率", ">=", 95, "%", 10),
            ("产出指标", "时效指标", "法律援助案件按时指派率", "=", 100, "%", 10),
            ("产出指标", "成本指标", "预算执行率", ">=", 95, "%", 10),
            ("效益指标", "社会效益指标", "社区矫正对象再犯罪率", "<=", 0.2, "%", 20),
            ("效益指标", "可持续影响指标", "公共法律服务站点覆盖率", "=", 100, "%", 10),
            ("满意度指标", "服务对象满意度指标", "群众满意度", ">=", 90, "%", 20)]
IND_HOUSE = [("产出指标", "数量指标", "老旧小区改造", ">=", 9, "个", 10),
             ("产出指标", "数量指标", "保障性租赁住房筹集", ">=", 600, "套", 10),
             ("产出指标", "质量指标", "工程验收合格率", "=", 100, "%", 10),
             ("产出指标", "时效指标", "项目按期开工率", ">=", 90, "%", 10),
             ("产出指标", "成本指标", "预算执行率", ">=", 90, "%", 10),
             ("效益指标", "社会效益指标", "改造小区居民受益户数", ">=", 3200, "户", 20),
             ("效益指标", "可持续影响指标", "建筑施工安全事故", "<=", 1, "起", 10),
             ("满意度指标", "服务对象满意度指标", "居民满意度", ">=", 90, "%", 20)]

STD_B = lambda a, b, c: [("工资和福利支出", D(a)), ("商品和服务支出", D(b)), ("对个人和家庭的补助", D(c))]


def main():
    rep = []   # (data, file, gold kwargs)
    # ---------------- A 卫生健康局: three years, three name forms, all changes consistent ----------------
    A = dict(tpl="A-health", dept_full=f"{CITY}{DIST}卫生健康局", dept_short=f"{DIST}卫健局", ibase=IND_HEALTH,
             func="负责全区卫生健康事业发展规划、医疗卫生服务体系建设、疾病预防控制、妇幼健康、基层卫生和爱国卫生运动等工作。",
             units="办公室、规划财务股、医政医管股、基层卫生股、疾病预防控制股、妇幼健康股6个股室",
             problems="一是部分项目绩效目标设置不够细化，量化指标偏少；二是个别项目预算执行进度前松后紧，年底集中支付现象仍然存在。",
             yoy_reason="公共卫生服务项目支出变化")
    a21 = build(dict(A, year=2021, day=18, name_mode="two_lines", dept_printed=A["dept_full"], self_ref="本局", score=87.5, missed=[2, 5],
                     staff={"authorized": 46, "in_service": 43, "contract": 12, "retired": 21},
                     init=D("8620.00"), budget=D("9312.40"),
                     bparts=STD_B("2386.52", "412.37", "96.15"), pparts=[("商品和服务支出", D("4786.21")), ("资本性支出", D("1268.90")), ("对个人和家庭的补助", D("102.64"))],
                     inc_gov=D("8688.40"), fn=[("卫生健康支出", D("8496.31")), ("社会保障和就业支出", D("364.28"))], fn_last="住房保障支出"))
    a22 = build(dict(A, year=2022, day=22, name_mode="inline", dept_printed=f"{DIST}卫生健康局", self_ref="本局", score=88.5, missed=[1, 7],
                     staff={"authorized": 46, "in_service": 44, "contract": 12, "retired": 22},
                     init=D("8950.00"), budget=D("9802.65"),
                     bparts=STD_B("2458.36", "405.81", "98.42"), pparts=[("商品和服务支出", D("5102.47")), ("资本性支出", D("1336.58")), ("对个人和家庭的补助", D("118.06"))],
                     inc_gov=D("9204.30"), fn=[("卫生健康支出", D("9028.64")), ("社会保障和就业支出", D("378.45"))], fn_last="住房保障支出"))
    a23 = build(dict(A, year=2023, day=15, name_mode="cover_label", dept_printed=A["dept_short"], self_ref="我局", score=91.0, missed=[5],
                     staff={"authorized": 46, "in_service": 45, "contract": 13, "retired": 23},
                     init=D("9280.00"), budget=D("9650.20"),
                     bparts=STD_B("2512.64", "398.27", "101.35"), pparts=[("商品和服务支出", D("4902.18")), ("资本性支出", D("1184.62")), ("对个人和家庭的补助", D("126.40"))],
                     inc_gov=D("8926.50"), fn=[("卫生健康支出", D("8798.32")), ("社会保障和就业支出", D("392.18"))], fn_last="住房保障支出"))
    a20_spend = D("8854.37")
    for cur, prev, kind, restate in ((a21, None, "jiao", False), (a22, a21, "yusn", True), (a23, a22, "yusn", True)):
        p0 = prev["spend"] if prev else a20_spend
        ch = cur["spend"] - p0
        cur["yoy"] = {"kind": kind, "amount": ch, "pct": pct(ch, p0), "prior_restated": p0 if restate else None}
        rep.append((cur, f"{cur['dept_full']}-{cur['year']}.pdf", dict(yoy=ch, yoyp=pct(ch, p0), prior=p0,
                    dept_gold=cur["dept_printed"] if cur["name_mode"] != "cover_label" else cur["dept_full"])))

    # ---------------- B 教育局: 2023 states a wrong change (PLANTED yoy_mismatch) --------------------------
    Bd = dict(tpl="B-edu", dept_full=f"{CITY}{DIST}教育局", ibase=IND_EDU, name_mode="two_lines", self_ref="本局",
              func="负责全区学前教育、义务教育、普通高中教育和职业教育的统筹管理，指导学校教育教学改革和教师队伍建设。",
              units="办公室、基础教育股、计划财务股、人事股、教育督导室5个股室，下辖中小学校38所",
              problems="一是教育项目前期论证不够充分，部分校舍改造项目进度滞后；二是绩效目标与年度工作任务衔接不够紧密。",
              yoy_reason="校舍改造和教师培训支出增加")
    Bd["dept_printed"] = Bd["dept_full"]
    b22 = build(dict(Bd, year=2022, day=25, score=86.0, missed=[0, 6, 7], staff={"authorized": 72, "in_service": 68, "contract": 9, "retired": 35},
                     init=D("41200.00"), budget=D("43860.50"),
                     bparts=STD_B("28934.62", "2318.45", "864.30"), pparts=[("商品和服务支出", D("7046.82")), ("资本性支出", D("4012.36"))],
                     inc_gov=D("42104.25"), fn=[("教育支出", D("39287.40")), ("社会保障和就业支出", D("2416.38"))], fn_last="住房保障支出"))
    b23 = build(dict(Bd, **({"name_mode": "inline", "dept_printed": f"{DIST}教育局"} if V else {}), year=2023, day=28, score=84.5, missed=[1, 3, 7], staff={"authorized": 72, "in_service": 70, "contract": 10, "retired": 37},
                     init=D("42600.00"), budget=D("44902.30"),
                     bparts=STD_B("29816.45", "2406.18", "902.65"), pparts=[("商品和服务支出", D("7388.27")), ("资本性支出", D("3627.84"))],
                     inc_gov=D("42984.60"), fn=[("教育支出", D("40136.22")), ("社会保障和就业支出", D("2508.71"))], fn_last="住房保障支出"))
    b21_spend = D("42566.10")
    ch = b22["spend"] - b21_spend
    b22["yoy"] = {"kind": "tongbi", "amount": ch, "pct": pct(ch, b21_spend)}
    rep.append((b22, f"{b22['dept_full']}-2022.pdf", dict(yoy=ch, yoyp=pct(ch, b21_spend), prior=b21_spend)))
    true_b = b23["spend"] - b22["spend"]
    stated_b = D("862.47")
    assert stated_b != true_b and (stated_b > 0) == (true_b > 0)
    b23["yoy"] = {"kind": "tongbi", "amount": stated_b, "pct": pct(true_b, b22["spend"])}   # amount wrong, % right
    rep.append((b23, f"{b23['dept_full']}-2023.pdf", dict(yoy=true_b, yoyp=pct(true_b, b22["spend"]), prior=b22["spend"], dept_gold=b23["dept_printed"],
                discs=[{"rule": "yoy_mismatch", "scope": "cross_year", "field": "yoy_change", "values": [fl(stated_b), fl(true_b)]}])))

    # ---------------- C 民政局: 执行数 (fiscal appropriation) != 本年支出合计; 2023 states its change on 执行数 ---------
    Cd = dict(tpl="C-civil", dept_full=f"{CITY}{DIST}民政局", ibase=IND_CIVIL, name_mode="inline", self_ref="本局", exe_basis=True,
              func="负责全区社会救助、养老服务、社区治理、社会组织管理、婚姻登记、殡葬管理和儿童福利等工作。",
              units="办公室、社会救助股、养老服务股、基层政权和社区建设股、社会事务股5个股室",
              problems="一是困难群众动态管理机制有待完善，信息比对频次不足；二是养老服务站点运营补贴绩效评价不够深入。",
              yoy_reason="养老服务补贴和临时救助支出增加")
    Cd["dept_printed"] = Cd["dept_full"]
    c22 = build(dict(Cd, year=2022, day=20, score=84.2, missed=[1, 6, 7], staff={"authorized": 35, "in_service": 33, "contract": 8, "retired": 17},
                     init=D("5620.00"), budget=D("6048.30"), exe=D("5794.66"),
                     bparts=STD_B("1206.48", "268.35", "152.40"), pparts=[("商品和服务支出", D("1086.27")), ("对个人和家庭的补助", D("3524.81"))],
                     inc_gov=D("5794.66"), fn=[("社会保障和就业支出", D("5642.18")), ("卫生健康支出", D("96.42"))], fn_last="城乡社区支出"))
    c23 = build(dict(Cd, year=2023, day=24, score=85.6, missed=[1, 7], staff={"authorized": 35, "in_service": 34, "contract": 8, "retired": 18},
                     init=D("5980.00"), budget=D("6312.80"), exe=D("6105.32"),
                     bparts=STD_B("1248.52", "271.06", "158.93"), pparts=[("商品和服务支出", D("1124.65")), ("对个人和家庭的补助", D("3886.14"))],
                     inc_gov=D("6105.32"), fn=[("社会保障和就业支出", D("6184.72")), ("卫生健康支出", D("99.36"))], fn_last="城乡社区支出"))
    c21_spend = D("6028.45")
    ch = c22["spend"] - c21_spend
    c22["yoy"] = {"kind": "jiao", "amount": ch, "pct": pct(ch, c21_spend)}
    rep.append((c22, f"{c22['dept_full']}-2022.pdf", dict(yoy=ch, yoyp=pct(ch, c21_spend), prior=c21_spend)))
    ch_exe = c23["exe"] - c22["exe"]
    c23["yoy"] = {"kind": "exe", "amount": ch_exe, "pct": pct(ch_exe, c22["exe"])}
    assert (c23["spend"] - c22["spend"]) != ch_exe
    rep.append((c23, f"{c23['dept_full']}-2023.pdf", dict(yoy=ch_exe, yoyp=pct(ch_exe, c22["exe"]), prior=c22["exe"])))

    # ---------------- D 档案馆: 2023 同比无增减变化 (equal totals) ----------------------------------------
    Dd = dict(tpl="D-archive", dept_full=f"{CITY}{DIST}档案馆", ibase=IND_ARCH, name_mode="two_lines", self_ref="本馆",
              func="负责全区档案的接收、征集、保管和开放利用，指导全区机关、企事业单位档案工作，推进档案信息化建设。",
              units="综合科、业务指导科、保管利用科3个科室",
              problems="一是档案数字化外包服务监管有待加强；二是档案库房设施设备老化，安全保障能力不足。",
              yoy_reason="档案数字化项目支出减少")
    Dd["dept_printed"] = Dd["dept_full"]
    d22 = build(dict(Dd, year=2022, day=17, score=91.0, missed=[6], staff={"authorized": 14, "in_service": 12, "contract": 3, "retired": 6},
                     init=D("180.00"), budget=D("188.10"),
                     bparts=STD_B("118.46", "21.30", "4.82"), pparts=[("商品和服务支出", D("38.24")), ("资本性支出", D("3.58"))],
                     inc_gov=D("182.40"), fn=[("一般公共服务支出", D("164.28")), ("社会保障和就业支出", D("14.36"))], fn_last="住房保障支出"))
    d23 = build(dict(Dd, year=2023, day=19, score=90.5, missed=[5], staff={"authorized": 14, "in_service": 13, "contract": 3, "retired": 6},
                     init=D("184.00"), budget=D("198.60") if V else D("190.35"),
                     bparts=STD_B("121.84", "20.67", "4.95"), pparts=[("商品和服务支出", D("36.12") + (D("7.35") if V else 0)), ("资本性支出", D("2.82"))],
                     inc_gov=D("183.10"), fn=[("一般公共服务支出", D("163.92")), ("社会保障和就业支出", D("14.75"))], fn_last="住房保障支出"))
    assert (d22["spend"] == d23["spend"]) != V, (d22["spend"], d23["spend"])
    d21_spend = D("197.85")
    ch = d22["spend"] - d21_spend
    d22["yoy"] = {"kind": "duibi", "amount": ch, "pct": pct(ch, d21_spend)}
    rep.append((d22, f"{d22['dept_full']}-2022.pdf", dict(yoy=ch, yoyp=pct(ch, d21_spend), prior=d21_spend)))
    d23["yoy"] = {"kind": "nochange", "amount": D(0), "pct": D(0)}
    dch = d23["spend"] - d22["spend"]
    rep.append((d23, f"{d23['dept_full']}-2023.pdf", dict(yoy=dch, yoyp=pct(dch, d22["spend"]), prior=d22["spend"],
                discs=[{"rule": "yoy_mismatch", "scope": "cross_year", "field": "yoy_change", "values": [0.0, fl(dch)]}] if V else [])))

    # ---------------- E 司法局: 2021 and 2023 only (2022's report not in the batch) ---------------------
    Ed = dict(tpl="E-justice", dept_full=f"{CITY}{DIST}司法局", ibase=IND_JUST, name_mode="inline", self_ref="本局",
              func="负责全区法治建设的统筹协调，承担人民调解、社区矫正、法律援助、公共法律服务和普法依法治理等工作。",
              units="办公室、法治督察股、人民参与和促进法治股、社区矫正股、公共法律服务股5个股室，下设司法所9个",
              problems="一是基层司法所人员力量不足，专职人民调解员配备不到位；二是法律援助经费保障标准偏低。",
              yoy_reason="公共法律服务体系建设支出变化")
    Ed["dept_printed"] = Ed["dept_full"]
    e21 = build(dict(Ed, year=2021, day=23, score=83.0, missed=[0, 6, 7], staff={"authorized": 52, "in_service": 48, "contract": 14, "retired": 19},
                     init=D("1680.00"), budget=D("1792.60"),
                     bparts=STD_B("1024.38", "186.42", "38.16"), pparts=[("商品和服务支出", D("412.36")), ("资本性支出", D("68.40"))],
                     inc_gov=D("1698.32"), fn=[("公共安全支出", D("1486.24")), ("社会保障和就业支出", D("128.35"))], fn_last="住房保障支出"))
    e23 = build(dict(Ed, year=2023, day=26, score=87.0, missed=[1, 7], staff={"authorized": 52, "in_service": 50, "contract": 15, "retired": 21},
                     init=D("1850.00"), budget=D("1962.75"),
                     bparts=STD_B("1118.62", "192.35", "41.08"), pparts=[("商品和服务支出", D("468.92")), ("资本性支出", D("76.25"))],
                     inc_gov=D("1856.40"), fn=[("公共安全支出", D("1628.46")), ("社会保障和就业支出", D("138.92"))], fn_last="住房保障支出"))
    e20_spend, e22_spend = D("1702.18"), D("1986.45")     # neither report is in the batch
    ch = e21["spend"] - e20_spend
    e21["yoy"] = {"kind": "year", "amount": ch, "pct": pct(ch, e20_spend)}
    rep.append((e21, f"{e21['dept_full']}-2021.pdf", dict(yoy=ch, yoyp=pct(ch, e20_spend), prior=e20_spend)))
    ch = e23["spend"] - e22_spend
    assert ch < 0 and (e23["spend"] - e21["spend"]) > 0
    e23["yoy"] = {"kind": "year", "amount": ch, "pct": pct(ch, e22_spend)}
    rep.append((e23, f"{e23['dept_full']}-2023.pdf", dict(yoy=ch, yoyp=pct(ch, e22_spend), prior=e22_spend)))

    # ---------------- F 住房和城乡建设局 2022: genuine outlier (low execution, high score) ---------------
    Fd = dict(tpl="F-housing", dept_full=f"{CITY}{DIST}住房和城乡建设局", ibase=IND_HOUSE, name_mode="two_lines", self_ref="本局",
              func="负责全区住房保障、城镇老旧小区改造、建筑市场监管、房地产市场监管和城市建设管理等工作。",
              units="办公室、住房保障股、建筑管理股、房地产市场监管股、城建股5个股室",
              problems="一是老旧小区改造项目前期手续办理周期长，资金支付进度慢；二是预算编制与项目实施进度衔接不够。",
              yoy_reason="老旧小区改造中央补助资金增加")
    Fd["dept_printed"] = f"{DIST}住房和城乡建设局" if V else Fd["dept_full"]
    f22 = build(dict(Fd, year=2022, day=21, score=94.6, missed=[3, 4], staff={"authorized": 42, "in_service": 39, "contract": 11, "retired": 16},
                     init=D("9800.00"), budget=D("13460.80"),
                     bparts=STD_B("1486.32", "286.45", "54.18"), pparts=[("商品和服务支出", D("1208.64")), ("资本性支出", D("5288.47"))],
                     inc_gov=D("7982.36"), fn=[("城乡社区支出", D("6418.25")), ("住房保障支出", D("1482.36"))], fn_last="社会保障和就业支出"))
    f21_spend = D("7012.84")
    ch = f22["spend"] - f21_spend
    f22["yoy"] = {"kind": "yusn", "amount": ch, "pct": pct(ch, f21_spend)}
    rep.append((f22, f"{f22['dept_full']}-2022.pdf", dict(yoy=ch, yoyp=pct(ch, f21_spend), prior=f21_spend, dept_gold=f22["dept_printed"])))

    # peer statistics of 2022 (the outlier gets the planted cross-department finding)
    peers22 = [x for x in (a22, b22, c22, d22, f22)]
    others = sorted(fl(x["rate"]) for x in peers22 if x is not f22)
    med = (others[1] + others[2]) / 2
    for x in rep:
        if x[0] is f22:
            x[2]["discs"] = [{"rule": "peer_outlier", "scope": "cross_department", "field": "execution_rate", "values": [fl(f22["rate"]), med]}]

    for d, file, kw in rep:
        open(f"{B}/{file.replace('.pdf', '.html')}", "w").write(html(d))
        gold_of(d, file, **kw)
        print(f"{file:32s} spend {d['spend']:>10} exe {d['exe']:>10} budget {d['budget']:>10} rate {d['rate']:>6} score {d['score']} "
              f"staff {d['staff']['in_service']} yoy {d.get('yoy', {}).get('amount')} ({d.get('yoy', {}).get('pct')}%)")
    print("B true yoy", true_b, "stated", stated_b, "| C spend change", c23["spend"] - c22["spend"], "exe change", ch_exe,
          "| E 2023-2021", e23["spend"] - e21["spend"])


if __name__ == "__main__":
    main()
