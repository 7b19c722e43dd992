#!/usr/bin/env python3
"""p15: variations real reports show that p1–p14 do not yet exercise (invented 汀州市 counties).

Heading styles (第一部分 with 1. / (1) under it; 一 with a space instead of 、; a duplicated number), the
score stated first (自评结论 as the first section), grade words 优秀 / 良好 / 合格, 综合评分为 / 自评分数： phrasings,
the seed's typo 一般公用预算资金收入, a table in 元 with and without thousands separators in one column, a table
continued after a page break under a 续表 line without its header repeated, completion values as text (完成,
达成预期指标), 较上年增加…元 in 元. Gold in the corpus format; planted discrepancies listed there."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from probelib import C, D, Html, disc, fl, gold, ind, indicator_rows, line, pct, proj, q, sep  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
B, CORPUS = f"{ROOT}/build", f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True)
CITY = "汀州市"
PRODUCERS = []
IND_COLS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
IND_W = [1.5, 1.9, 3.2, 1.7, 1.7, 0.9, 0.9]


def inds(I):
    return [ind(i[0], i[1], i[2], i[3], i[4], i[5], i[6]) for i in I]


def ind_rows(I):
    rows = [dict(l1=i[0], l2=i[1], l3=i[2], target=i[3], actual=i[4], weight=i[5], score=i[6]) for i in I]
    return indicator_rows(rows, ["target", "actual", "weight", "score"])


def totals(init, bud, exe, basic, projt, inc_total=None, yoy=None, prior=None):
    t = {"budget_total": bud, "initial_budget": init, "executed_total": exe, "execution_rate": pct(exe, bud),
         "income_total": inc_total if inc_total is not None else exe, "expenditure_total": exe,
         "basic_total": basic, "basic_share": pct(basic, exe), "project_total": projt, "project_share": pct(projt, exe)}
    if yoy is not None:
        t.update({"yoy_change": yoy, "yoy_change_pct": pct(yoy, prior), "prior_executed_total": prior})
    return t


def emit(h, dept, year, producer, report, staff, tot, lines, I, projs, discs, template):
    stem = f"{dept}-{year}"
    h.write(f"{B}/{stem}.html")
    rep = {"department": dept, "fiscal_year": year, "report_kind": "部门整体支出绩效自评报告"}
    rep.update(report)
    gold(CORPUS, stem + ".pdf", rep, staff, tot, lines, I, [], projs, discs, template=template)
    PRODUCERS.append((stem, producer))


def yuan(x):
    """万元 → 元, two decimals"""
    return q(D(x) * 10000)


# ------------------------------------------------------------------ T1 score first, 第一部分 headings, 优秀, typo label
def t1():
    dept, y = f"{CITY}长汀县自然资源局", 2022
    staff = {"authorized": 58, "in_service": 55, "contract": 14, "retired": 31}
    inc = [("一般公共预算财政拨款收入", D("2684.37")), ("政府性基金预算财政拨款收入", D("412.00")), ("其他收入", D("23.15"))]
    exe = sum(v for _, v in inc)
    bp = [("工资福利支出", D("934.62")), ("商品和服务支出", D("151.88")), ("对个人和家庭的补助", D("47.30"))]
    basic = sum(v for _, v in bp)
    projt = exe - basic
    init, bud = D("2900.00"), D("3186.40")
    I = [("产出指标", "数量指标", "完成不动产登记业务", "≥12000件", "12860件", 15, 15),
         ("产出指标", "质量指标", "耕地保护目标完成情况", "完成上级下达任务", "完成", 15, 15),
         ("产出指标", "时效指标", "国土空间规划编制", "按期完成", "达成预期指标", 10, 10),
         ("效益指标", "社会效益指标", "违法用地查处到位率", "≥95%", "96.8%", 15, 15),
         ("效益指标", "生态效益指标", "矿山生态修复面积", "≥800亩", "760亩", 15, 12),
         ("效益指标", "可持续影响指标", "自然资源资产管理制度", "健全", "健全", 10, 10),
         ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%", "93.5%", 20, 19)]
    score = sum(D(str(i[6])) for i in I)
    h = Html()
    h.h1(f"{dept}")
    h.h1(f"{y}年度部门整体支出绩效自评报告")
    h.h2("第一部分 自评结论")
    h.p(f"经自评，本局{y}年度部门整体支出综合评分为{score}分，评价等级为优秀。")
    h.h2("第二部分 部门基本情况")
    h.h3("1.主要职能")
    h.p("负责全县自然资源调查监测评价、统一确权登记、国土空间规划和用途管制、耕地保护、矿产资源管理和生态修复等工作。")
    h.h3("2.人员情况")
    h.p(f"本局核定编制{staff['authorized']}人，实有在编在职人员{staff['in_service']}人，编外聘用人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("第三部分 部门整体支出情况")
    h.h3("(1)收入情况")
    h.p(f"{y}年本局收入合计{exe}万元，其中：一般公用预算资金收入{inc[0][1]}万元，政府性基金预算财政拨款收入{inc[1][1]}万元，其他收入{inc[2][1]}万元。")
    h.h3("(2)支出情况")
    h.p(f"年初预算{init}万元，全年预算数{bud}万元，全年支出数{exe}万元，完成预算的{pct(exe, bud)}%。")
    h.p(f"基本支出{basic}万元，占总支出的{pct(basic, exe)}%，其中" + "、".join(f"{k}{v}万元" for k, v in bp)
        + f"；项目支出{projt}万元，占总支出的{pct(projt, exe)}%。")
    h.h2("第四部分 绩效指标完成情况")
    h.table([[C(x) for x in IND_COLS]] + ind_rows(I) + [[C("合计", cs=5), C("100"), C(str(score))]], IND_W)
    h.h2("第五部分 存在的问题及改进措施")
    h.p("矿山生态修复面积未达年度目标，个别项目受用地审批影响进度滞后。下一步将加强统筹调度，按期完成修复任务。")
    emit(h, dept, y, "lo", {"self_score": fl(score), "grade": "优秀"}, staff, totals(init, bud, exe, basic, projt),
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp], inds(I), [], [],
         "score-first-typo-lo")


# ------------------------------------------------------------------ T2 一 without 、, 良好, 续表 without header, 元 mixed
def t2():
    dept, y = f"{CITY}宁化县市场监督管理局", 2023
    staff = {"authorized": 96, "in_service": 91, "contract": 22, "retired": 48}
    init, bud = D("3420.00"), D("3655.80")
    bp = [("工资福利支出", D("1862.44")), ("商品和服务支出", D("296.71")), ("对个人和家庭的补助", D("88.35"))]
    basic = sum(v for _, v in bp)
    projs = [("食品安全抽检监测经费", D("286.50"), D("279.34")), ("特种设备安全监察经费", D("142.00"), D("138.62")),
             ("知识产权创造保护专项", D("98.60"), D("91.27")), ("市场监管执法装备购置", D("356.00"), D("349.80"))]
    other_p = D("181.79")
    projt = sum(e for _, _, e in projs) + other_p
    exe = basic + projt
    prior = D("3372.16")
    yoy = exe - prior
    inc = [("一般公共预算财政拨款收入", exe - D("41.20")), ("其他收入", D("41.20"))]
    I = [("产出指标", "数量指标", "食品安全监督抽检批次", "≥2200批次", "2316批次", 8, 8),
         ("产出指标", "数量指标", "特种设备定期检验台数", "≥1800台", "1862台", 8, 8),
         ("产出指标", "数量指标", "市场主体年报公示率", "≥90%", "92.4%", 8, 8),
         ("产出指标", "质量指标", "抽检不合格产品核查处置率", "100%", "100%", 8, 8),
         ("产出指标", "质量指标", "投诉举报按时办结率", "≥98%", "98.7%", 8, 8),
         ("产出指标", "时效指标", "行政许可按时办结率", "100%", "100%", 8, 8),
         ("产出指标", "成本指标", "单批次抽检成本", "≤1300元", "1236元", 6, 6),
         ("效益指标", "社会效益指标", "重大食品安全事故", "不发生", "未发生", 8, 8),
         ("效益指标", "社会效益指标", "特种设备万台死亡率", "≤0.2", "0", 8, 8),
         ("效益指标", "经济效益指标", "新增市场主体", "≥6000户", "5420户", 8, 5.5),
         ("效益指标", "可持续影响指标", "知识产权质押融资额", "≥1亿元", "0.86亿元", 7, 5),
         ("满意度指标", "服务对象满意度指标", "企业群众满意度", "≥90%", "91.2%", 15, 6)]
    score = sum(D(str(i[6])) for i in I)
    h = Html()
    h.h1(f"{dept}{y}年度部门整体支出绩效自评报告")
    h.h2("一 部门基本情况")
    h.p(f"本局为县政府工作部门，内设机构12个，下设市场监管所9个。单位核定编制{staff['authorized']}名，实有在编在职{staff['in_service']}人，"
        f"编外人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二 部门整体支出情况")
    h.p(f"{y}年年初预算{init}万元，调整后预算{bud}万元，实际支出{exe}万元，预算执行率{pct(exe, bud)}%。"
        f"较上年增加{sep(yuan(yoy))}元，增长{pct(yoy, prior)}%。")
    h.p(f"本年收入{exe}万元，其中一般公共预算财政拨款收入{inc[0][1]}万元，其他收入{inc[1][1]}万元。"
        f"基本支出{basic}万元，其中" + "，".join(f"{k}{v}万元" for k, v in bp) + f"；项目支出{projt}万元。")
    h.h2("三 重点项目支出情况")
    h.p("单位：元", cls="u")
    # 元 with and without thousands separators in one column (two clerks typed the rows)
    rows = [[C("项目名称"), C("全年预算数"), C("全年执行数"), C("执行率")]]
    for k, (n, b, e) in enumerate(projs):
        fmt = sep if k % 2 == 0 else (lambda x: f"{D(x):.2f}")
        rows.append([C(n, "l"), C(fmt(yuan(b)), "r"), C(fmt(yuan(e)), "r"), C(f"{pct(e, b)}%", "r")])
    h.table(rows, [4.6, 2, 2, 1.4])
    h.h2("四 绩效指标完成情况")
    h.p("本年度部门整体绩效指标完成情况见下表。")
    h.br(14)  # the table starts low on the page and is continued after a break
    head = [[C(x) for x in IND_COLS]]
    h.table(head + ind_rows(I[:7]), IND_W)
    h.pagebreak()
    h.p("续表", cls="ni")
    h.table(ind_rows(I[7:]) + [[C("合计", cs=5), C("100"), C(str(score))]], IND_W)
    h.h2("五 存在问题和改进措施")
    h.p("新增市场主体数量未达预期，企业群众满意度有待提升。下一步将持续优化营商环境，压缩办事时限。")
    h.h2("六 自评结论")
    h.p(f"自评分数：{score}分，自评等级：良好。")
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "良好"}, staff,
         totals(init, bud, exe, basic, projt, yoy=yoy, prior=prior),
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp], inds(I),
         [proj(*p) for p in projs], [], "no-comma-heading-continued-yuan-chromium")


# ------------------------------------------------------------------ T3 合格 grade, 元 income table with a 合计 that does not add (planted)
def t3():
    dept, y = f"{CITY}清流县档案馆", 2021
    staff = {"authorized": 12, "in_service": 11, "contract": 3, "retired": 9}
    inc = [("一般公共预算财政拨款收入", D("186.4250")), ("事业收入", D("12.3600")), ("其他收入", D("3.0815"))]
    inc_sum = sum(v for _, v in inc)
    inc_printed = inc_sum + D("1.0000")  # 合计 10,000 元 above its rows
    exe = inc_sum
    bp = [("工资福利支出", D("142.6630")), ("商品和服务支出", D("21.5870")), ("对个人和家庭的补助", D("6.0000"))]
    basic = sum(v for _, v in bp)
    projt = exe - basic
    init, bud = D("190.0000"), D("205.5000")
    I = [("产出指标", "数量指标", "馆藏档案数字化", "≥3万卷", "2.6万卷", 20, 14),
         ("产出指标", "质量指标", "档案安全保管", "无损毁丢失", "完成", 20, 20),
         ("产出指标", "时效指标", "查档利用服务", "及时", "达成预期指标", 15, 15),
         ("效益指标", "社会效益指标", "年接待查档人次", "≥2000人次", "1460人次", 25, 14),
         ("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%", "88%", 20, 15.5)]
    score = sum(D(str(i[6])) for i in I)  # 78.5
    h = Html()
    h.h1(f"{dept}{y}年度部门整体支出绩效自评报告")
    h.h2("一、基本情况")
    h.p(f"本馆为县委直属事业单位，核定编制{staff['authorized']}人，在职在编{staff['in_service']}人，编外人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二、收支情况")
    h.p(f"年初预算{q(init * 10000)}元，全年预算数{q(bud * 10000)}元，全年执行数{q(exe * 10000)}元，预算执行率{pct(exe, bud)}%。")
    h.p("收入情况如下表（单位：元）：", cls="ni")
    h.table([[C("收入项目"), C("金额")], [C("合计", "l"), C(sep(yuan(inc_printed)), "r")]] +
            [[C(k, "l"), C(sep(yuan(v)) if k != "事业收入" else f"{yuan(v):.2f}", "r")] for k, v in inc], [4, 3])
    h.p(f"本年基本支出{sep(yuan(basic))}元，其中" + "、".join(f"{k}{sep(yuan(v))}元" for k, v in bp)
        + f"；项目支出{sep(yuan(projt))}元。")
    h.h2("二、绩效指标完成情况")  # a duplicated number, as real reports print them
    h.table([[C(x) for x in IND_COLS]] + ind_rows(I), IND_W)
    h.h2("四、自评结果")
    h.p(f"经自评，本馆{y}年度部门整体支出自评得分{score}分，等级为“合格”。")
    emit(h, dept, y, "lo", {"self_score": fl(score), "grade": "合格"}, staff, totals(init, bud, exe, basic, projt, inc_total=inc_printed),
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp], inds(I), [],
         [disc("sum_mismatch", "income", inc_printed, inc_sum)], "yuan-table-pass-grade-lo")


# ------------------------------------------------------------------ T4 grade word against the score band (planted), completion text
def t4():
    dept, y = f"{CITY}明溪县退役军人事务局", 2022
    staff = {"authorized": 15, "in_service": 14, "contract": 6, "retired": 5}
    init, bud = D("1650.00"), D("1788.36")
    bp = [("工资福利支出", D("246.18")), ("商品和服务支出", D("48.92")), ("对个人和家庭的补助", D("9.60"))]
    basic = sum(v for _, v in bp)
    projs = [("优抚对象抚恤补助", D("1120.00"), D("1106.45")), ("退役军人就业创业扶持", D("186.00"), D("171.28"))]
    projt = sum(e for _, _, e in projs) + D("96.37")
    exe = basic + projt
    I = [("产出指标", "数量指标", "抚恤补助发放人数", "≥2600人", "2648人", 20, 20),
         ("产出指标", "质量指标", "抚恤补助发放准确率", "100%", "完成", 20, 20),
         ("产出指标", "时效指标", "抚恤金按月足额发放", "按月发放", "达成预期指标", 15, 15),
         ("效益指标", "社会效益指标", "退役军人就业安置率", "≥95%", "90.3%", 25, 17),
         ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "86%", 20, 16)]
    score = sum(D(str(i[6])) for i in I)  # 88 → 良好, printed 优秀
    h = Html()
    h.h1(f"{dept}")
    h.h1(f"{y}年度部门整体支出绩效自评报告")
    h.h2("一、部门概况")
    h.p(f"本局核定行政编制{staff['authorized']}名，实有在编人员{staff['in_service']}人，编外聘用{staff['contract']}人，退休{staff['retired']}人。")
    h.h2("二、预算执行情况")
    h.table([[C("项目"), C("年初预算（万元）"), C("全年预算数（万元）"), C("全年执行数（万元）"), C("执行率")],
             [C("合计", "l"), C(str(init), "r"), C(str(bud), "r"), C(str(exe), "r"), C(f"{pct(exe, bud)}%", "r")]], [3, 2, 2, 2, 1.4])
    h.p(f"全年支出{exe}万元，其中基本支出{basic}万元（" + "，".join(f"{k}{v}万元" for k, v in bp) + f"），项目支出{projt}万元。")
    h.h2("三、重点项目完成情况")
    h.table([[C("项目名称"), C("全年预算数（万元）"), C("全年执行数（万元）"), C("执行率"), C("完成情况")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r"), C("完成", "c")] for n, b, e in projs],
            [4, 2, 2, 1.4, 1.4])
    h.h2("四、绩效指标完成情况")
    h.table([[C(x) for x in IND_COLS]] + ind_rows(I) + [[C("合计", cs=5), C("100"), C(str(score))]], IND_W)
    h.h2("五、自评结论")
    h.p(f"综合评定，本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为“优秀”。")
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "良好"}, staff, totals(init, bud, exe, basic, projt),
         [line("basic_expenditure", k, v) for k, v in bp], inds(I),
         [proj(*p) for p in projs], [disc("grade_mismatch", "grade", "优秀", "良好")], "grade-band-words-chromium")


if __name__ == "__main__":
    for f in (t1, t2, t3, t4):
        f()
    with open(f"{B}/producers.txt", "w") as fh:
        fh.write("".join(f"{s} {p}\n" for s, p in PRODUCERS))
