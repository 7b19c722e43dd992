#!/usr/bin/env python3
"""p9: project self-evaluation forms (项目支出绩效自评表 / 项目支出绩效自评报告), invented 楚南市 and 蓉西市 counties.

The national template (a leading 绩效指标 column merged over the 9-column indicator block 一级指标 | 二级指标 | 三级指标 |
年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施) and the Sichuan form (指标性质 | 指标值 | 度量单位); funds block
年度资金总额 / 其中：本年财政拨款 / 上年结转资金 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分;
年度总体目标 预期目标 vs 实际完成情况 text cells; one form per file, and one file with three forms stacked.

Gold: one report per file. report.department is the 主管部门 (the form's owner; the 实施单位 is in
report.implementing_unit), report_kind and project_name are in the report part (the scorer ignores unknown keys),
totals are the 年度资金总额 row (budget_total = 全年预算数, initial_budget = 年初预算数, executed_total = 全年执行数),
the funding sources are under "funds" (not scored). The stacked file's gold is its LAST project (the corpus
scorer keeps the last reports.csv row of a file); all three are listed under "stacked_parts" in the same format,
for a scorer that matches (file, project_name) (lib/stacked-parts.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from probelib import C, D, Html, disc, fl, gold, ind, pct, q  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
B, CORPUS = f"{ROOT}/build", f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True)
PRODUCERS = []
SRC = {"fiscal": "其中：本年财政拨款", "carry": "上年结转资金", "other": "其他资金"}
SRC_SC = {"fiscal": "其中：财政拨款", "carry": "上年结转资金", "other": "其他资金"}


def derive(p):
    f = p["funds"]
    p["total"] = tuple(sum(f[k][i] for k in f) for i in range(3))
    init, bud, exe = p["total"]
    p["rate"] = pct(exe, bud)
    p["rate_printed"] = p.get("rate_printed", p["rate"])
    p["exec_score"] = min(D(10), q(D(10) * p["rate_printed"] / 100, "0.01"))
    ws = sum(D(str(i["weight"])) for i in p["I"])
    assert ws == 90, (p["name"], ws)
    p["score"] = p["exec_score"] + sum(D(str(i["score"])) for i in p["I"])
    return p


def target(i):
    if "nature" not in i:
        return i["target"]
    if i["nature"] == "定性":
        return i["value"]
    return ("" if i["nature"] in ("＝", "=") else i["nature"]) + i["value"] + i["unit"]


def form(h, p, sichuan=False, title=True):
    """one 项目支出绩效自评表 as one ruled table (national template: 9 columns; Sichuan: 11)."""
    y = p["year"]
    if title:
        h.p("项目支出绩效自评表", "cap")
        h.p(f"（{y}年度）", "cap")
    ncol = 11 if sichuan else 9
    rows = [[C("项目名称", cs=2), C(p["name"], "l", cs=ncol - 2)],
            [C("主管部门", cs=2), C(p["dept"], "l", cs=(ncol - 4) // 2), C("实施单位"), C(p["impl"], "l", cs=ncol - 3 - (ncol - 4) // 2)]]
    arrive = "arrive" in p
    hdr = ["年初预算数", "全年预算数"] + (["实际到位资金"] if arrive else []) + ["全年执行数", "分值", "执行率", "得分"]
    lab_cs = ncol - 1 - len(hdr)
    nrows = 2 + len(p["funds"])
    rows.append([C("项目资金（万元）", rs=nrows), C("", cs=lab_cs)] + [C(x) for x in hdr])
    tot = p.get("total_printed", p["total"])
    trow = [C(str(tot[0]), "r"), C(str(tot[1]), "r")] + ([C(str(p["arrive"]["total"]), "r")] if arrive else []) + \
           [C(str(tot[2]), "r"), C("10"), C(f"{p['rate_printed']}%"), C(str(p["exec_score"]))]
    rows.append([C("年度资金总额", "l", cs=lab_cs)] + trow)
    for k, (a, b, c) in p["funds"].items():
        rows.append([C((SRC_SC if sichuan else SRC)[k], "l", cs=lab_cs), C(str(a), "r"), C(str(b), "r")] +
                    ([C(str(p["arrive"][k]), "r")] if arrive else []) + [C(str(c), "r"), C("—"), C("—"), C("—")])
    half = (ncol - 1) // 2
    rows.append([C("年度总体目标", rs=2), C("预期目标", cs=half), C("实际完成情况", cs=ncol - 1 - half)])
    rows.append([None, C(p["goal"], "l", cs=half), C(p["done"], "l", cs=ncol - 1 - half)])
    I = p["I"]
    if sichuan:
        hdr = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    else:
        hdr = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    rows.append([C("绩效指标", rs=len(I) + 1)] + [C(x) for x in hdr])
    for n, i in enumerate(I):
        r = []
        if n == 0 or I[n - 1]["l1"] != i["l1"]:
            r.append(C(i["l1"], rs=sum(1 for x in I if x["l1"] == i["l1"])))
        if n == 0 or (I[n - 1]["l1"], I[n - 1]["l2"]) != (i["l1"], i["l2"]):
            r.append(C(i["l2"], rs=sum(1 for x in I if (x["l1"], x["l2"]) == (i["l1"], i["l2"]))))
        r.append(C(i["l3"], "l"))
        if sichuan:
            r += [C(i["nature"]), C(i["value"], "l" if i["nature"] == "定性" else "c"), C(i["unit"])]
        else:
            r.append(C(i["target"]))
        r += [C(i["actual"]), C(str(i["weight"])), C(str(i["score"])), C(i.get("reason", ""), "l")]
        rows.append(r)
    rows.append([C("总分", cs=ncol - 3), C("100"), C(str(p["score_printed"] if "score_printed" in p else p["score"])), C("")])
    if p.get("grade"):
        rows.append([C("自评等级", cs=ncol - 3), C(p["grade"], cs=3)])
    widths = ([1, 1.3, 1.5, 2.8, 1.2, 1.4, 0.9, 1.4, 0.8, 0.8, 2.2] if sichuan else [1, 1.4, 1.6, 3, 1.6, 1.6, 0.9, 0.9, 2.6])
    h.table(rows, widths, font="8.5pt" if sichuan else None)


def gold_of(p, kind):
    init, bud, exe = p["total"]
    rep = {"department": p["dept"], "fiscal_year": p["year"], "report_kind": kind,
           "self_score": fl(p.get("score_printed", p["score"])), "grade": p.get("grade"),
           "project_name": p["name"], "implementing_unit": p["impl"]}
    tot = {"budget_total": bud, "initial_budget": init, "executed_total": exe, "execution_rate": p["rate"]}
    I = [ind(i["l1"], i["l2"], i["l3"], target(i), i["actual"], i["weight"], i["score"]) for i in p["I"]]
    funds = {SRC[k].replace("其中：", ""): {"initial": fl(a), "budget": fl(b), "executed": fl(c)} for k, (a, b, c) in p["funds"].items()}
    return rep, tot, I, funds


def emit(p, h, producer, kind, discs=(), template="?", stem=None, parts=None):
    stem = stem or f"{p['impl'] if p.get('file_by_impl') else p['dept']}-{p['year']}-{p['short']}"
    h.write(f"{B}/{stem}.html")
    rep, tot, I, funds = gold_of(p, kind)
    extra = {"funds": funds}
    if parts:
        extra["stacked_parts"] = []
        for q_ in parts:
            r2, t2, i2, f2 = gold_of(q_, kind)
            extra["stacked_parts"].append({"report": r2, "totals": {k: fl(v) for k, v in t2.items()}, "indicators": i2, "funds": f2})
    gold(CORPUS, stem + ".pdf", rep, {}, tot, [], I, [], [], list(discs), template=template, **extra)
    PRODUCERS.append((stem, producer))


def I_(l1, l2, l3, tgt, act, w, s, reason=""):
    return dict(l1=l1, l2=l2, l3=l3, target=tgt, actual=act, weight=w, score=s, reason=reason)


def S_(l1, l2, l3, nature, value, unit, act, w, s, reason=""):
    return dict(l1=l1, l2=l2, l3=l3, nature=nature, value=value, unit=unit, actual=act, weight=w, score=s, reason=reason)


# ------------------------------------------------------------------ Q1 national template alone, clean (LO)
def q1():
    p = derive(dict(
        name="农村公路安全生命防护工程", short="农村公路安全生命防护工程", year=2022,
        dept="楚南市沙洲县交通运输局", impl="楚南市沙洲县公路建设养护中心",
        funds={"fiscal": (D("420.00"), D("468.00"), D("452.36")), "carry": (D("0"), D("36.50"), D("36.50")), "other": (D("0"), D("0"), D("0"))},
        goal="完成县乡道安全生命防护工程120公里，设置波形护栏、警示标志等安全设施，消除重点路段安全隐患，年内交工验收。",
        done="完成安防工程126.4公里，设置波形护栏38.6公里、警示标志612块，12月交工验收合格。",
        I=[I_("产出指标", "数量指标", "安防工程实施里程", "≥120公里", "126.4公里", 15, 15),
           I_("产出指标", "数量指标", "设置警示标志数量", "≥600块", "612块", 10, 10),
           I_("产出指标", "质量指标", "交工验收合格率", "100%", "100%", 15, 15),
           I_("产出指标", "时效指标", "工程完工时间", "2022年12月底前", "2022年12月", 10, 10),
           I_("产出指标", "成本指标", "每公里平均造价", "≤4万元", "3.87万元", 10, 10),
           I_("效益指标", "社会效益指标", "重点路段交通事故下降率", "≥10%", "8.6%", 15, 12, "部分路段车流量增长较快，下一步加强路面执法"),
           I_("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "94%", 15, 15)],
    ))
    h = Html()
    form(h, p)
    h.p(f"填报人：李国庆　　　联系电话：0739-5521836　　　填报日期：{p['year'] + 1}年3月10日", "ni")
    emit(p, h, "lo", "项目支出绩效自评表", template="project-form-national-lo")


# ------------------------------------------------------------------ Q2 Sichuan form, total row 0 / 0 / 0 above a non-zero 财政拨款 (planted)
def q2():
    p = derive(dict(
        name="耕地地力保护补贴", short="耕地地力保护补贴", year=2023,
        dept="蓉西市雅丰县农业农村局", impl="蓉西市雅丰县农业农村局",
        funds={"fiscal": (D("1864.20"), D("1864.20"), D("1841.05"))},
        goal="按照实际种粮面积对耕地承包者发放耕地地力保护补贴，补贴面积不低于38万亩，补贴资金足额发放到户。",
        done="全年发放补贴1841.05万元，补贴面积38.36万亩，惠及农户6.12万户，资金通过“一卡通”发放到户。",
        I=[S_("产出指标", "数量指标", "补贴面积", "≥", "38", "万亩", "38.36万亩", 20, 20),
           S_("产出指标", "数量指标", "惠及农户数", "≥", "6", "万户", "6.12万户", 10, 10),
           S_("产出指标", "质量指标", "补贴发放准确率", "＝", "100", "%", "100%", 15, 15),
           S_("产出指标", "时效指标", "补贴发放时限", "定性", "6月30日前发放到户", "", "6月25日", 10, 10),
           S_("效益指标", "经济效益指标", "亩均补贴标准", "≥", "48", "元/亩", "48元/亩", 10, 10),
           S_("效益指标", "可持续影响指标", "耕地撂荒面积", "≤", "0.5", "万亩", "0.62万亩", 10, 7, "部分山区耕地流转困难，下一步加强撂荒地整治"),
           S_("满意度指标", "服务对象满意度指标", "农户满意度", "≥", "90", "%", "95%", 15, 15)],
    ))
    p["total_printed"] = (D("0"), D("0"), D("0"))
    h = Html()
    form(h, p, sichuan=True)
    h.p(f"填表单位：{p['dept']}　　　　　　　填表日期：{p['year'] + 1}年4月2日", "ni")
    init, bud, exe = p["total"]
    emit(p, h, "chromium", "项目支出绩效自评表",
         [disc("sum_mismatch", "budget_total", D("0"), bud), disc("sum_mismatch", "executed_total", D("0"), exe)],
         template="project-form-sichuan-chromium")


# ------------------------------------------------------------------ Q3 项目支出绩效自评报告: prose + the form; planted parts (LO)
def q3():
    p = derive(dict(
        name="基层医疗卫生机构能力提升项目", short="基层医疗卫生机构能力提升项目", year=2022,
        dept="楚南市沙洲县卫生健康局", impl="楚南市沙洲县卫生健康局",
        funds={"fiscal": (D("89.97"), D("89.97"), D("86.52"))},
        goal="为8个乡镇卫生院购置DR、彩超等设备，培训基层医务人员200人次，完成卫生院信息系统升级。",
        done="购置设备16台（套），培训基层医务人员214人次，8个卫生院信息系统完成升级并上线运行。",
        I=[I_("产出指标", "数量指标", "购置设备数量", "≥15台（套）", "16台（套）", 15, 15),
           I_("产出指标", "数量指标", "培训医务人员人次", "≥200人次", "214人次", 15, 15),
           I_("产出指标", "质量指标", "设备验收合格率", "100%", "100%", 10, 10),
           I_("产出指标", "时效指标", "设备到位时间", "2022年9月底前", "2022年9月", 10, 10),
           I_("效益指标", "社会效益指标", "乡镇卫生院门诊量增长率", "≥5%", "6.3%", 20, 20),
           I_("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "92.5%", 20, 20)],
        grade="优",
    ))
    y = p["year"]
    init, bud, exe = p["total"]
    parts = [("设备购置", D("30")), ("人员培训", D("30")), ("信息化建设", D("29.99"))]
    h = Html()
    h.h1(f"{p['name']}{y}年度项目支出绩效自评报告")
    h.h2("一、项目基本情况")
    h.p(f"项目名称：{p['name']}；主管部门：{p['dept']}；实施单位：{p['impl']}。")
    h.p(f"项目资金总额{bud}万元，其中：" + "；".join(f"{k}{v}万元" for k, v in parts) + "。资金来源为县级财政拨款。")
    h.h2("二、项目资金使用及管理情况")
    h.p(f"{y}年全年预算数{bud}万元，实际到位资金{bud}万元，到位率100%；实际支出{exe}万元，预算执行率{p['rate']}%。"
        f"结余资金{bud - exe}万元系设备采购节约，已按规定收回。")
    h.h2("三、项目绩效目标完成情况")
    h.p("项目年度绩效目标均已完成，具体见附表。")
    h.h2("四、自评结论")
    h.p(f"经自评，本项目{y}年度绩效自评得分{p['score']}分，自评等级为“{p['grade']}”。")
    h.h2("五、存在问题及改进措施")
    h.p("部分设备到位后操作人员培训不足，下一步将联合县人民医院开展跟班培训。")
    h.pagebreak()
    h.p("附表", "ni")
    form(h, p)
    emit(p, h, "lo", "项目支出绩效自评报告", [disc("sum_mismatch", "project_funds", bud, sum(v for _, v in parts))],
         template="project-report-prose-lo")


# ------------------------------------------------------------------ Q4 实际到位资金 column next to 全年执行数, long indicator block (Chromium)
def q4():
    p = derive(dict(
        name="农村义务教育学生营养改善计划", short="学生营养改善计划", year=2023,
        dept="蓉西市雅丰县教育局", impl="蓉西市雅丰县学生资助管理中心",
        funds={"fiscal": (D("586.00"), D("612.40"), D("598.36")), "carry": (D("0"), D("7.60"), D("7.60"))},
        goal="为全县农村义务教育阶段学生提供营养膳食补助，每生每天5元，惠及学生1.5万人，食品安全事故零发生。",
        done="全年惠及学生1.53万人，按每生每天5元标准足额补助，全年未发生食品安全事故。",
        I=[I_("产出指标", "数量指标", "受益学生人数", "≥1.5万人", "1.53万人", 8, 8),
           I_("产出指标", "数量指标", "覆盖学校数", "≥46所", "46所", 6, 6),
           I_("产出指标", "数量指标", "食堂供餐学校占比", "≥95%", "97.8%", 6, 6),
           I_("产出指标", "质量指标", "食品安全抽检合格率", "100%", "100%", 8, 8),
           I_("产出指标", "质量指标", "营养餐配餐标准达标率", "≥95%", "96%", 6, 6),
           I_("产出指标", "时效指标", "补助资金拨付及时率", "100%", "100%", 6, 6),
           I_("产出指标", "成本指标", "每生每天补助标准", "5元", "5元", 6, 6),
           I_("效益指标", "社会效益指标", "学生营养健康状况改善率", "≥3%", "3.4%", 8, 8),
           I_("效益指标", "社会效益指标", "学生体质健康合格率", "≥92%", "91.2%", 8, 7.2, "部分学校体育课时不足，下一步加强体育锻炼"),
           I_("效益指标", "可持续影响指标", "食品安全事故发生数", "0起", "0起", 8, 8),
           I_("满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "93.4%", 10, 10),
           I_("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "91%", 10, 10)],
    ))
    p["arrive"] = {"total": D("620.00"), "fiscal": D("612.40"), "carry": D("7.60")}
    h = Html()
    form(h, p)
    h.p("说明：实际到位资金为上级和本级财政实际拨付到项目实施单位的资金。", "ni")
    emit(p, h, "chromium", "项目支出绩效自评表", template="project-form-arrived-chromium")


# ------------------------------------------------------------------ Q5 three forms stacked in one file (LO), clean
def q5():
    dept, y = "楚南市沙洲县教育局", 2022
    P = [derive(dict(
        name="学前教育幼儿资助", short="学前教育幼儿资助", year=y, dept=dept, impl="楚南市沙洲县学生资助管理中心",
        funds={"fiscal": (D("168.00"), D("174.60"), D("171.32"))},
        goal="对家庭经济困难幼儿按每生每年1000元标准给予资助，资助幼儿不少于1700人次。",
        done="资助家庭经济困难幼儿1713人次，资金按学期发放到位。",
        I=[I_("产出指标", "数量指标", "资助幼儿人次", "≥1700人次", "1713人次", 20, 20),
           I_("产出指标", "质量指标", "资助对象认定准确率", "100%", "100%", 20, 20),
           I_("产出指标", "时效指标", "资助资金发放及时率", "100%", "100%", 15, 15),
           I_("效益指标", "社会效益指标", "困难幼儿入园率", "≥98%", "98.6%", 20, 20),
           I_("满意度指标", "服务对象满意度指标", "受助家庭满意度", "≥90%", "95%", 15, 15)])),
        derive(dict(
            name="义务教育薄弱环节改善与能力提升", short="薄弱环节改善", year=y, dept=dept, impl="楚南市沙洲县教育局",
            funds={"fiscal": (D("860.00"), D("912.50"), D("874.18")), "other": (D("0"), D("40.00"), D("40.00"))},
            goal="改扩建农村学校校舍6所，新增学位540个，配齐教学仪器设备。",
            done="完成5所学校改扩建，新增学位480个；第6所因用地调整顺延至次年。",
            I=[I_("产出指标", "数量指标", "改扩建学校数", "6所", "5所", 20, 16, "1所学校用地调整，工程顺延"),
               I_("产出指标", "数量指标", "新增学位数", "≥540个", "480个", 15, 13, "同上"),
               I_("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 15, 15),
               I_("效益指标", "社会效益指标", "大班额消除率", "100%", "100%", 20, 20),
               I_("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "92%", 20, 20)])),
        derive(dict(
            name="乡村教师生活补助", short="乡村教师生活补助", year=y, dept=dept, impl="楚南市沙洲县教育局",
            funds={"fiscal": (D("436.80"), D("436.80"), D("436.80"))},
            goal="按月发放乡村教师生活补助，覆盖全县乡村学校在编在岗教师1820人。",
            done="全年按月发放补助，覆盖乡村教师1826人。",
            I=[I_("产出指标", "数量指标", "补助教师人数", "≥1820人", "1826人", 25, 25),
               I_("产出指标", "时效指标", "补助按月发放率", "100%", "100%", 20, 20),
               I_("效益指标", "社会效益指标", "乡村教师流失率", "≤2%", "1.4%", 25, 25),
               I_("满意度指标", "服务对象满意度指标", "乡村教师满意度", "≥90%", "96%", 20, 20)]))]
    h = Html()
    for n, p in enumerate(P):
        if n:
            h.pagebreak()
        form(h, p)
        h.p(f"填报人：周海波　　　填报日期：{y + 1}年3月18日", "ni")
    emit(P[-1], h, "lo", "项目支出绩效自评表", template="project-forms-stacked-lo", stem=f"{dept}-{y}-项目支出绩效自评表（3个项目）", parts=P)


# ------------------------------------------------------------------ Q6 Sichuan form with qualitative indicators, clean (Chromium)
def q6():
    p = derive(dict(
        name="小型水库除险加固", short="小型水库除险加固", year=2022,
        dept="蓉西市雅丰县水利局", impl="蓉西市雅丰县水利工程建设管理站",
        funds={"fiscal": (D("780.00"), D("1026.00"), D("964.88")), "carry": (D("120.00"), D("120.00"), D("118.40")), "other": (D("0"), D("15.00"), D("12.60"))},
        goal="完成7座小型水库除险加固主体工程，消除大坝安全隐患，恢复设计蓄水能力。",
        done="7座水库主体工程全部完工，其中5座通过蓄水验收，2座正在进行竣工验收准备。",
        I=[S_("产出指标", "数量指标", "除险加固水库座数", "＝", "7", "座", "7座", 15, 15),
           S_("产出指标", "质量指标", "单元工程质量合格率", "＝", "100", "%", "100%", 15, 15),
           S_("产出指标", "时效指标", "主体工程完工时间", "定性", "汛前完成主体工程建设", "", "5月底完成", 10, 10),
           S_("产出指标", "成本指标", "单座水库平均投资", "≤", "160", "万元", "153.6万元", 10, 10),
           S_("效益指标", "社会效益指标", "保护下游人口", "≥", "2.4", "万人", "2.46万人", 10, 10),
           S_("效益指标", "生态效益指标", "恢复蓄水能力", "≥", "320", "万立方米", "305万立方米", 10, 8, "2座水库尚在验收阶段未满蓄"),
           S_("效益指标", "可持续影响指标", "工程管护机制", "定性", "落实水库管护责任人和管护经费", "", "已落实", 10, 10),
           S_("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "93%", 10, 10)],
    ))
    h = Html()
    form(h, p, sichuan=True)
    emit(p, h, "chromium", "项目支出绩效自评表", template="project-form-sichuan-chromium")


# ------------------------------------------------------------------ Q7 national template, printed 执行率 wrong (planted), grade row (LO)
def q7():
    p = dict(
        name="困难群众救助补助资金", short="困难群众救助补助资金", year=2023,
        dept="楚南市沙洲县民政局", impl="楚南市沙洲县民政局",
        funds={"fiscal": (D("3860.00"), D("4126.50"), D("3953.19")), "carry": (D("0"), D("84.20"), D("84.20"))},
        goal="保障城乡低保对象、特困人员基本生活，落实临时救助制度，做到应保尽保、应救尽救。",
        done="全年保障城乡低保对象1.26万人、特困人员2318人，实施临时救助1642人次。",
        I=[I_("产出指标", "数量指标", "城乡低保保障人数", "≥1.2万人", "1.26万人", 15, 15),
           I_("产出指标", "数量指标", "临时救助人次", "≥1500人次", "1642人次", 10, 10),
           I_("产出指标", "质量指标", "救助对象认定准确率", "≥98%", "99.2%", 15, 15),
           I_("产出指标", "时效指标", "救助资金按月发放率", "100%", "100%", 10, 10),
           I_("效益指标", "社会效益指标", "困难群众基本生活保障率", "100%", "100%", 20, 20),
           I_("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "88%", 20, 17, "部分对象对救助标准有意见，下一步做好政策解释")],
        grade="优",
    )
    f = p["funds"]
    bud = sum(f[k][1] for k in f)
    exe = sum(f[k][2] for k in f)
    true_rate = pct(exe, bud)
    p["rate_printed"] = true_rate + D("2.70")
    derive(p)
    p["rate_printed"] = p["rate_printed"]
    h = Html()
    form(h, p)
    h.p("填报人：吴春梅　　　审核人：彭建军", "ni")
    emit(p, h, "lo", "项目支出绩效自评表", [disc("rate_mismatch", "execution_rate", p["rate_printed"], true_rate)],
         template="project-form-national-lo")


if __name__ == "__main__":
    for f in (q1, q2, q3, q4, q5, q6, q7):
        f()
    with open(f"{B}/producers.txt", "w") as fh:
        fh.write("".join(f"{s} {p}\n" for s, p in PRODUCERS))
