#!/usr/bin/env python3
"""p16: the worked example of the README's "Adding a house style" (invented 岚山市).

One report in a house style that heads the executed column of its key-project table 已支付金额
(项目名称 | 全年预算数 | 已支付金额 | 执行率); everything else in it is in styles selfeval already reads.
Gold in the corpus format; clean (no planted discrepancy)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from probelib import C, D, Html, fl, gold, ind, indicator_rows, line, pct, proj  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
B, CORPUS = f"{ROOT}/build", f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True)

dept, y = "岚山市青溪县交通运输局", 2023
staff = {"authorized": 42, "in_service": 39, "contract": 11, "retired": 18}
inc = [("一般公共预算财政拨款收入", D("3215.40")), ("政府性基金预算财政拨款收入", D("640.00")), ("其他收入", D("36.22"))]
exe = sum(v for _, v in inc)
basic = D("812.47")
projt = exe - basic
init, bud = D("3600.00"), D("4012.50")
projs = [("农村公路养护工程", D("1450.00"), D("1398.62")), ("客运站提升改造", D("620.00"), D("587.30")),
         ("交通安全隐患整治", D("214.00"), D("209.85"))]
I = [("产出指标", "数量指标", "农村公路养护里程", "≥320公里", "336公里", 20, 20),
     ("产出指标", "质量指标", "养护工程验收合格率", "100%", "100%", 20, 20),
     ("效益指标", "社会效益指标", "交通安全事故下降率", "≥5%", "6.2%", 30, 30),
     ("满意度指标", "服务对象满意度指标", "群众出行满意度", "≥90%", "92.6%", 30, 29)]
score = sum(D(str(i[6])) for i in I)

h = Html()
h.h1(dept)
h.h1(f"{y}年度部门整体支出绩效自评报告")
h.h2("一、部门基本情况")
h.p(f"本局负责全县公路、水路交通行业管理。核定编制{staff['authorized']}名，实有在编在职人员{staff['in_service']}名，"
    f"编外人员{staff['contract']}名，退休人员{staff['retired']}名。")
h.h2("二、部门整体支出情况")
h.p(f"{y}年年初预算{init}万元，全年预算{bud}万元，全年实际支出{exe}万元，预算执行率{pct(exe, bud)}%。")
h.p(f"本年收入合计{exe}万元，其中：" + "；".join(f"{k}{v}万元" for k, v in inc) + "。")
h.p(f"基本支出{basic}万元，占{pct(basic, exe)}%；项目支出{projt}万元，占{pct(projt, exe)}%。")
h.h2("三、重点项目支出情况")
h.p("单位：万元", cls="u")
h.table([[C("项目名称"), C("全年预算数"), C("已支付金额"), C("执行率")]] +
        [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r")] for n, b, e in projs], [5, 2.5, 2.5, 2])
h.h2("四、绩效指标完成情况")
rows = [dict(l1=i[0], l2=i[1], l3=i[2], target=i[3], actual=i[4], weight=i[5], score=i[6]) for i in I]
h.table([[C(c) for c in ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]]] +
        indicator_rows(rows, ["target", "actual", "weight", "score"]), [1.5, 1.9, 3.2, 1.7, 1.7, 0.9, 0.9])
h.h2("五、自评结论")
h.p(f"经自评，本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为“优”。")
stem = f"{dept}-{y}"
h.write(f"{B}/{stem}.html")
gold(CORPUS, stem + ".pdf",
     {"department": dept, "fiscal_year": y, "report_kind": "部门整体支出绩效自评报告", "self_score": fl(score), "grade": "优"},
     staff,
     {"budget_total": bud, "initial_budget": init, "executed_total": exe, "execution_rate": pct(exe, bud), "income_total": exe,
      "expenditure_total": exe, "basic_total": basic, "basic_share": pct(basic, exe), "project_total": projt,
      "project_share": pct(projt, exe)},
     [line("income", k, v) for k, v in inc],
     [ind(*i) for i in I],
     [],
     [proj(n, b, e) for n, b, e in projs],
     [],
     template="paid-column-LO")
with open(f"{B}/producers.txt", "w") as f:
    f.write(f"{stem} lo\n")
