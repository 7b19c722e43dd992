#!/usr/bin/env python3
"""styleprobe2: 4 more unseen-style reports (HTML) + gold JSON for selfeval generalisation tests.
All figures computed with Decimal; planted discrepancies listed in the gold file."""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.abspath(__file__))
B = f"{ROOT}/build"
C = f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True); os.makedirs(C, exist_ok=True)


def r2(x, q="0.01"):
    return D(x).quantize(D(q), rounding=ROUND_HALF_UP)


def pct(a, b):
    return r2(D(a) / D(b) * 100)


def sep(x, dec=2):
    return f"{D(x):,.{dec}f}"


def W(y):  # 元 -> 万元 exact
    return float(D(y) / D(10000))


def fl(x):
    return float(D(x))


def gold(file, dept, year, kind, score, grade, pers, totals, lines, inds, tasks, projs, discs, template, render="text"):
    g = {"report": {"department": dept, "fiscal_year": year, "report_kind": kind, "self_score": score, "grade": grade},
         "personnel": pers, "totals": totals, "budget_lines": lines, "indicators": inds, "tasks": tasks,
         "projects": projs, "discrepancies": discs, "file": file, "template": template, "render": render}
    json.dump(g, open(os.path.join(C, file.replace(".pdf", ".gold.json")), "w", encoding="utf-8"), ensure_ascii=False, indent=1)


def spans(rows, key):
    d = {}
    for i, r in enumerate(rows):
        d.setdefault(key(r), []).append(i)
    return d


FILLER = [
    "1.健全预算绩效管理制度，将绩效目标编制纳入预算编制全过程，做到预算编制有目标、执行有监控、完成有评价、结果有应用。",
    "2.对重点项目实行预算执行进度和绩效目标实现程度“双监控”，每季度通报一次，对执行滞后的项目发出预警。",
    "3.组织各股室和下属单位对照年初绩效目标逐项开展自评，对偏差较大的指标说明原因并提出改进措施。",
    "4.将绩效自评结果作为下一年度预算安排的重要依据，对绩效较差的项目压减预算。",
    "5.按规定公开部门预算、决算及重点项目绩效目标和自评结果，主动接受社会监督。",
    "6.对固定资产进行全面清查盘点，做到账实相符，资产使用效率进一步提高。",
    "7.严格执行政府采购目录和限额标准，全年完成政府采购项目17个。",
    "8.完善项目库管理，入库项目均设置绩效目标并经财政部门审核。",
    "9.加强财务内控建设，修订完善财务报销、合同管理、资产管理等内控制度。",
    "10.开展预算绩效管理业务培训，提升财务人员和项目负责人的绩效意识。",
    "11.推动绩效评价结果与预算安排挂钩，压减低效无效支出。",
    "12.推进财务信息化建设，实现预算编制、执行、核算一体化管理。",
]


# =============================================================== P5: LibreOffice, 收入支出决算总表-like budget table, 元 with separators
def p5():
    dept = "西岭市安平区农业农村局"; year = 2022
    init, adj, exe = D("31500000.00"), D("35862400.00"), D("34218736.52")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", D("30125600.00")), ("政府性基金预算财政拨款收入", D("2400000.00")), ("其他收入", D("386420.36"))]
    inc_total = sum(v for _, v in inc)
    carry_in = D("1642318.40")
    grand = inc_total + carry_in
    carry_out = grand - exe
    assert carry_out > 0
    fn = [("农林水支出", D("29604182.30")), ("社会保障和就业支出", D("2186540.12")), ("卫生健康支出", D("968214.10")), ("住房保障支出", D("1459800.00"))]
    assert sum(v for _, v in fn) == exe, sum(v for _, v in fn)
    basic, proj = D("9862415.28"), exe - D("9862415.28")
    bparts = [("工资和福利支出", D("7915230.64")), ("商品和服务支出", D("1204617.20")), ("对个人和家庭的补助", D("742567.44"))]
    assert sum(v for _, v in bparts) == basic
    pparts = [("商品和服务支出", D("6482170.00")), ("对个人和家庭的补助", D("12650800.00")), ("资本性支出", proj - D("6482170.00") - D("12650800.00"))]
    prior = D("31905228.60"); yoy = exe - prior; yoyp = pct(yoy, prior)
    # PLANTED restated_mismatch: the 收入情况 prose prints 30,152,600.00 for the 一般公共预算财政拨款收入 of the table (30,125,600.00)
    wrong_gp = D("30152600.00")
    I = [  # l1, l2, l3, target, actual, weight, score
        ("产出指标", "数量指标", "新建高标准农田面积", "≥2.5万亩", "2.63万亩", 10, 10),
        ("产出指标", "数量指标", "耕地地力保护补贴发放农户数", "≥4.2万户", "4.31万户", 8, 8),
        ("产出指标", "数量指标", "农作物病虫害统防统治面积", "≥8万亩", "8.4万亩", 6, 6),
        ("产出指标", "质量指标", "农产品质量安全例行监测合格率", "≥98%", "99.2%", 8, 8),
        ("产出指标", "质量指标", "高标准农田工程验收合格率", "100%", "100%", 6, 6),
        ("产出指标", "时效指标", "补贴资金发放及时率", "≥95%", "93.6%", 6, 5),
        ("产出指标", "成本指标", "高标准农田亩均建设成本", "≤1600元/亩", "1542元/亩", 6, 6),
        ("效益指标", "经济效益指标", "农村居民人均可支配收入增长率", "≥6.5%", "6.1%", 10, 8),
        ("效益指标", "社会效益指标", "粮食播种面积", "≥32万亩", "32.6万亩", 10, 10),
        ("效益指标", "生态效益指标", "化肥农药使用量", "较上年减少", "减少2.1%", 10, 10),
        ("效益指标", "可持续影响指标", "农田水利设施管护机制", "健全", "已健全", 10, 10),
        ("满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥90%", "94.5%", 10, 10),
    ]
    tw = sum(i[5] for i in I); ts = sum(D(str(i[6])) for i in I)
    assert tw == 100 and ts == 97, (tw, ts)
    tasks = [
        ("高标准农田建设", "新建高标准农田2.5万亩，配套建设灌排渠系、田间道路和农田防护设施。", D("12650000.00"), "已完成，建成2.63万亩并通过区级验收"),
        ("落实强农惠农补贴", "按时足额发放耕地地力保护补贴、农机购置补贴等各类补贴资金。", D("9860000.00"), "已完成，惠及农户4.31万户"),
        ("农作物病虫害防控", "开展重大病虫害监测预警和统防统治，推进化肥农药减量增效。", D("1480000.00"), "已完成，统防统治8.4万亩"),
        ("农产品质量安全监管", "开展农产品质量安全例行监测和农资市场执法检查。", D("620000.00"), "已完成，监测合格率99.2%"),
    ]
    projs = [
        ("高标准农田建设项目", D("12650000.00"), D("12486215.60")),
        ("耕地地力保护补贴", D("9860000.00"), D("9860000.00")),
        ("农作物病虫害统防统治", D("1480000.00"), D("1362580.00")),
        ("农产品质量安全检测", D("620000.00"), D("584320.00")),
    ]
    T = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
    h = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Serif CJK SC';font-size:11pt} h1{font-size:16pt;text-align:center} h2{font-size:12.5pt} h3{font-size:11pt} td{font-size:9.5pt}</style></head><body>"]
    h.append(f"<h1>{dept}</h1><h1>{year}年度部门整体支出绩效自评报告</h1><p align='center'>&nbsp;</p>")
    h.append("<h2>一、部门基本情况</h2>")
    h.append("<h3>（一）部门职能</h3><p>贯彻落实党中央、国务院和省、市关于“三农”工作的方针政策，统筹推进全区乡村振兴，负责粮食生产、高标准农田建设、农产品质量安全监管、农业防灾减灾、强农惠农补贴发放等工作。</p>")
    h.append("<h3>（二）机构设置和人员情况</h3><p>本局内设办公室、计划财务股、农田建设管理股、种植业管理股、农产品质量安全监管股5个股室，下属区农业技术推广中心、区农机服务站2个事业单位。本局核定行政编制30名、事业编制15名，合计45名；实有在编在职人员42人（其中行政29人、事业13人），编外聘用人员11人，退休人员27人。</p>")
    h.append("<h2>二、部门整体支出情况</h2>")
    h.append("<h3>（一）收入支出决算总体情况</h3>")
    h.append(f"<p>{year}年度收入总计{sep(grand)}元，支出总计{sep(grand)}元，具体见下表。</p>")
    h.append("<p align='center'><b>收入支出决算总表</b></p><p align='right'>单位：元</p>")
    h.append(T + "<tr><td align='center'>收入项目</td><td align='center'>金额</td><td align='center'>支出项目</td><td align='center'>金额</td></tr>")
    L = [(k, sep(v)) for k, v in inc] + [("", "")]
    R = [(k, sep(v)) for k, v in fn]
    for (a, b), (c, d) in zip(L, R):
        h.append(f"<tr><td>{a}</td><td align='right'>{b}</td><td>{c}</td><td align='right'>{d}</td></tr>")
    h.append(f"<tr><td>本年收入合计</td><td align='right'>{sep(inc_total)}</td><td>本年支出合计</td><td align='right'>{sep(exe)}</td></tr>")
    h.append(f"<tr><td>年初结转和结余</td><td align='right'>{sep(carry_in)}</td><td>年末结转和结余</td><td align='right'>{sep(carry_out)}</td></tr>")
    h.append(f"<tr><td align='center'>总计</td><td align='right'>{sep(grand)}</td><td align='center'>总计</td><td align='right'>{sep(grand)}</td></tr></table>")
    h.append("<h3>（二）预算执行情况</h3>")
    h.append(f"<p>{year}年度本局年初预算{sep(init)}元，年中追加预算{sep(adj-init)}元，全年预算数{sep(adj)}元；全年实际支出{sep(exe)}元，预算执行率为{rate}%。</p>")
    h.append("<h3>（三）收入情况</h3>")
    h.append(f"<p>本年收入合计{sep(inc_total)}元，其中：一般公共预算财政拨款收入{sep(wrong_gp)}元，占{pct(inc[0][1], inc_total)}%；"
             f"政府性基金预算财政拨款收入{sep(inc[1][1])}元，占{pct(inc[1][1], inc_total)}%；其他收入{sep(inc[2][1])}元，占{pct(inc[2][1], inc_total)}%。"
             f"另有年初结转和结余{sep(carry_in)}元。</p>")
    h.append("<h3>（四）支出情况</h3>")
    h.append(f"<p>本年支出合计{sep(exe)}元，其中：基本支出{sep(basic)}元，占{pct(basic, exe)}%；项目支出{sep(proj)}元，占{pct(proj, exe)}%。</p>")
    h.append("<p>基本支出中，" + "，".join(f"{k}{sep(v)}元，占基本支出的{pct(v, basic)}%" for k, v in bparts) + "。</p>")
    h.append("<p>项目支出中，" + "，".join(f"{k}{sep(v)}元，占项目支出的{pct(v, proj)}%" for k, v in pparts) + "。</p>")
    h.append(f"<p>本年支出合计同比上年度增加{sep(yoy)}元，增长{yoyp}%，主要原因是高标准农田建设任务增加。</p>")
    h.append("<h3>（五）重点项目支出情况</h3>")
    h.append(T + "<tr><td align='center'>项目名称</td><td align='center'>预算数（元）</td><td align='center'>执行数（元）</td><td align='center'>执行率</td></tr>")
    for n, b, e in projs:
        h.append(f"<tr><td>{n}</td><td align='right'>{sep(b)}</td><td align='right'>{sep(e)}</td><td align='right'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    h.append("<h2>三、部门整体支出绩效情况</h2>")
    h.append("<h3>（一）年度重点工作任务完成情况</h3>")
    h.append(T + "<tr><td align='center'>序号</td><td align='center'>重点任务</td><td align='center'>主要内容</td><td align='center'>预算金额（元）</td><td align='center'>完成情况</td></tr>")
    for i, (n, c, m, cp) in enumerate(tasks, 1):
        h.append(f"<tr><td align='center'>{i}</td><td>{n}</td><td>{c}</td><td align='right'>{sep(m)}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h3>（二）绩效指标完成情况</h3>")
    h.append(T + "<tr><td align='center'>一级指标</td><td align='center'>二级指标</td><td align='center'>三级指标</td><td align='center'>年度目标</td><td align='center'>全年完成</td><td align='center'>分值</td><td align='center'>得分</td></tr>")
    s1, s2 = spans(I, lambda r: r[0]), spans(I, lambda r: (r[0], r[1]))
    for i, r in enumerate(I):
        tds = []
        if s1[r[0]][0] == i:
            tds.append(f"<td align='center' rowspan='{len(s1[r[0]])}'>{r[0]}</td>")
        if s2[(r[0], r[1])][0] == i:
            tds.append(f"<td align='center' rowspan='{len(s2[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>"] + [f"<td align='center'>{x}</td>" for x in r[3:]]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='5' align='center'>合计</td><td align='center'>{tw}</td><td align='center'>{ts}</td></tr></table>")
    h.append("<h3>（三）绩效管理工作开展情况</h3>")
    for t in FILLER[:6]:
        h.append(f"<p>{t}</p>")
    h.append("<h2>四、自评结论</h2>")
    h.append(f"<p>根据部门整体支出绩效评价指标体系逐项评分，本局{year}年度部门整体支出绩效综合评分为{ts}分，评价等级为优秀。</p>")
    h.append("<h2>五、存在的问题及改进措施</h2><p>（一）部分补贴资金发放进度偏慢；（二）个别项目预算编制不够精准。下一步将加快资金拨付进度，提高预算编制质量。</p>")
    h.append("</body></html>")
    f = "西岭市安平区农业农村局-2022"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    lines = ([{"section": "income", "item": k, "amount": W(v), "share": fl(pct(v, inc_total))} for k, v in inc] +
             [{"section": "income", "item": "上年结转", "amount": W(carry_in), "share": None}] +
             [{"section": "expenditure_by_function", "item": k, "amount": W(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": W(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": W(v), "share": fl(pct(v, proj))} for k, v in pparts])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(ts), "优秀",
         {"authorized": 45, "in_service": 42, "contract": 11, "retired": 27},
         {"budget_total": W(adj), "initial_budget": W(init), "executed_total": W(exe), "execution_rate": fl(rate),
          "income_total": W(inc_total), "expenditure_total": W(exe), "basic_total": W(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": W(proj), "project_share": fl(pct(proj, exe)), "yoy_change": W(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": W(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in I],
         [{"seq": i, "name": n, "planned": W(m)} for i, (n, c, m, cp) in enumerate(tasks, 1)],
         [{"name": n, "budget": W(b), "executed": W(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [{"rule": "restated_mismatch", "scope": "report", "field": "income:一般公共预算财政拨款收入", "values": [W(inc[0][1]), W(wrong_gp)]}],
         "P5-lo-juesuan-yuan")
    return f


# =============================================================== P6: LibreOffice, Sichuan-style 9-col indicator table over 2 pages, no repeated header, split row
def p6():
    dept = "川北市青林县交通运输局"; year = 2023
    init, adj, exe = D("5862.40"), D("6318.75"), D("6042.19")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", D("4986.35")), ("政府性基金预算财政拨款收入", D("920.00")), ("其他收入", D("135.84"))]
    assert sum(v for _, v in inc) == exe
    fn = [("交通运输支出", D("5418.62")), ("社会保障和就业支出", D("352.18")), ("卫生健康支出", D("106.47")), ("住房保障支出", D("164.92"))]
    assert sum(v for _, v in fn) == exe
    basic = D("1284.56"); proj = exe - basic
    bparts = [("工资和福利支出", D("986.40")), ("商品和服务支出", D("152.38")), ("对个人和家庭的补助", D("145.78"))]
    assert sum(v for _, v in bparts) == basic
    pparts = [("商品和服务支出", D("1235.60")), ("资本性支出", proj - D("1235.60"))]
    prior = D("5708.33"); yoy = exe - prior; yoyp = pct(yoy, prior)
    # l1, l2, l3, nature, value, unit, actual, weight, score
    I = [
        ("产出指标", "数量指标", "农村公路新改建里程", "≥", "120", "公里", "126.4公里", 6, 6),
        ("产出指标", "数量指标", "农村公路危桥改造座数", "≥", "8", "座", "8座", 5, 5),
        ("产出指标", "数量指标", "新增城乡客运公交化线路", "≥", "6", "条", "5条", 5, 4),
        ("产出指标", "数量指标", "道路运输企业安全检查次数", "≥", "150", "次", "168次", 4, 4),
        ("产出指标", "质量指标", "新改建农村公路交工验收合格率", "＝", "100", "%", "100%", 6, 6),
        ("产出指标", "质量指标", "农村公路优良中等路率", "≥", "85", "%", "86.2%", 5, 5),
        ("产出指标", "时效指标", "重点项目按计划开工率", "≥", "95", "%", "96%", 5, 5),
        ("产出指标", "时效指标", "养护补助资金拨付及时性", "定性",
         "在收到上级资金后30日内按照养护考核结果足额拨付至各乡镇人民政府，做到专款专用、不截留不挪用", "", "已按时足额拨付", 4, 4),
        ("产出指标", "成本指标", "农村公路每公里新改建成本", "≤", "85", "万元", "82.6万元", 5, 5),
        ("效益指标", "经济效益指标", "沿线农产品运输成本降低率", "≥", "5", "%", "5.4%", 8, 8),
        ("效益指标", "社会效益指标", "建制村通客车率", "＝", "100", "%", "100%", 8, 8),
        ("效益指标", "社会效益指标", "道路运输安全生产事故起数", "≤", "2", "起", "1起", 6, 6),
        ("效益指标", "生态效益指标", "新能源公交车占比", "≥", "60", "%", "57%", 6, 4.8),
        ("效益指标", "可持续影响指标", "农村公路管护长效机制", "定性", "健全县乡村三级路长制，管护责任落实到人", "", "已健全", 8, 8),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%", "92.3%", 10, 10),
        ("满意度指标", "服务对象满意度指标", "公交乘客满意度", "≥", "88", "%", "91%", 9, 9),
    ]
    tw = sum(i[7] for i in I); ts = sum(D(str(i[8])) for i in I)
    assert tw == 100, tw
    tasks = [
        ("农村公路建设", "新改建农村公路120公里，改造危桥8座。", D("3860.00"), "已完成，新改建126.4公里，改造危桥8座"),
        ("城乡客运一体化", "新开通城乡客运公交化线路6条，更新新能源公交车。", D("615.00"), "基本完成，开通5条"),
        ("农村公路养护", "落实农村公路日常养护和路长制考核。", D("486.50"), "已完成"),
        ("交通运输安全监管", "开展道路运输企业安全检查和隐患排查整治。", D("92.00"), "已完成，检查168次"),
    ]
    projs = [
        ("农村公路新改建工程", D("3860.00"), D("3741.26")),
        ("危桥改造工程", D("628.00"), D("611.45")),
        ("城乡客运公交化改造补助", D("615.00"), D("538.70")),
        ("农村公路养护补助", D("486.50"), D("486.50")),
    ]
    T = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
    h = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:10.5pt} h1{font-size:15pt;text-align:center} h2{font-size:12pt} h3{font-size:10.5pt} td{font-size:9pt}</style></head><body>"]
    h.append(f"<h1>{dept}{year}年度部门整体支出绩效自评报告</h1>")
    h.append("<h2>一、部门基本情况</h2>")
    h.append("<h3>（一）部门职能</h3><p>负责全县公路、水路交通运输行业管理，组织实施农村公路建设、养护和管理，负责城乡客运和道路运输市场监管、交通运输安全生产监督管理等工作。</p>")
    h.append("<h3>（二）人员情况</h3><p>本局核定编制52名，实有在职人员49人，退休人员33人，临聘人员8人。</p>")
    h.append("<h2>二、部门资金收支情况</h2>")
    h.append("<h3>（一）部门预算执行情况</h3>")
    h.append(f"<p>{year}年初预算数{sep(init)}万元，全年预算数{sep(adj)}万元，全年执行数{sep(exe)}万元，预算执行率{rate}%。</p>")
    h.append("<h3>（二）收入情况</h3>")
    h.append(f"<p>{year}年收入合计{sep(exe)}万元，其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, exe)}%" for k, v in inc) + "。</p>")
    h.append("<h3>（三）支出情况</h3>")
    h.append(f"<p>{year}年支出合计{sep(exe)}万元。按支出功能分类：" + "；".join(f"{k}{sep(v)}万元" for k, v in fn) + "。</p>")
    h.append(f"<p>按支出性质分类：基本支出{sep(basic)}万元，占{pct(basic, exe)}%，其中" + "、".join(f"{k}{sep(v)}万元（占{pct(v, basic)}%）" for k, v in bparts) +
             f"；项目支出{sep(proj)}万元，占{pct(proj, exe)}%，其中" + "、".join(f"{k}{sep(v)}万元（占{pct(v, proj)}%）" for k, v in pparts) + "。</p>")
    h.append(f"<p>与上年对比：本年支出较上年增加{sep(yoy)}万元，增长{yoyp}%，主要是农村公路新改建项目支出增加。</p>")
    h.append("<h3>（四）重点项目资金使用情况</h3>")
    h.append(T + "<tr><td align='center'>项目名称</td><td align='center'>全年预算（万元）</td><td align='center'>实际支出（万元）</td><td align='center'>执行率</td></tr>")
    for n, b, e in projs:
        h.append(f"<tr><td>{n}</td><td align='right'>{sep(b)}</td><td align='right'>{sep(e)}</td><td align='right'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    h.append("<h2>三、部门整体预算绩效管理情况</h2>")
    h.append("<h3>（一）年度重点工作任务</h3>")
    h.append(T + "<tr><td align='center'>序号</td><td align='center'>任务名称</td><td align='center'>主要内容</td><td align='center'>预算资金（万元）</td><td align='center'>完成情况</td></tr>")
    for i, (n, c, m, cp) in enumerate(tasks, 1):
        h.append(f"<tr><td align='center'>{i}</td><td>{n}</td><td>{c}</td><td align='right'>{sep(m)}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h3>（二）绩效管理工作开展情况</h3>")
    for t in FILLER[:NFILL6]:
        h.append(f"<p>{t}</p>")
    h.append("<h3>（三）部门整体支出绩效目标完成情况</h3>")
    h.append("<p>本局年度绩效目标完成情况见下表（指标性质：≥、≤、＝ 为定量指标）。</p>")
    h.append(T + "<tr>" + "".join(f"<td align='center'>{x}</td>" for x in ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分")) + "</tr>")
    s1, s2 = spans(I, lambda r: r[0]), spans(I, lambda r: (r[0], r[1]))
    for i, r in enumerate(I):
        tds = []
        if s1[r[0]][0] == i:
            tds.append(f"<td align='center' rowspan='{len(s1[r[0]])}'>{r[0]}</td>")
        if s2[(r[0], r[1])][0] == i:
            tds.append(f"<td align='center' rowspan='{len(s2[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td align='center'>{r[3]}</td>", f"<td>{r[4]}</td>", f"<td align='center'>{r[5]}</td>",
                f"<td align='center'>{r[6]}</td>", f"<td align='center'>{r[7]}</td>", f"<td align='center'>{r[8]}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='7' align='center'>合计</td><td align='center'>{tw}</td><td align='center'>{ts}</td></tr></table>")
    h.append("<h2>四、评价结论</h2>")
    h.append(f"<p>经自评，本局{year}年度部门整体支出绩效自评综合得分为{ts}分，评价等级为“优”。</p>")
    h.append("<h2>五、存在的问题和改进建议</h2><p>（一）新能源公交车推广进度不及预期；（二）部分项目前期工作不够扎实。下一步将加强项目储备，加快新能源车辆更新。</p>")
    h.append("</body></html>")
    f = "川北市青林县交通运输局-2023"
    open(f"{B}/{f}.html", "w").write("\n".join(h))

    def tgt(r):
        if r[3] == "定性":
            return r[4]
        return ("" if r[3] == "＝" else r[3]) + r[4] + r[5]
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, exe))} for k, v in inc] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, proj))} for k, v in pparts])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(ts), "优",
         {"authorized": 52, "in_service": 49, "contract": 8, "retired": 33},
         {"budget_total": fl(adj), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate),
          "income_total": fl(exe), "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": fl(proj), "project_share": fl(pct(proj, exe)), "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": fl(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": tgt(r), "actual": r[6], "weight": r[7], "score": r[8]} for r in I],
         [{"seq": i, "name": n, "planned": fl(m)} for i, (n, c, m, cp) in enumerate(tasks, 1)],
         [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [], "P6-lo-sichuan")
    return f


# =============================================================== P7: Chromium, sloppy headings, 亿元 next to 万元, 完成率/执行进度, 编制人数/在职人数/退休人数, prose projects
def p7():
    dept = "岚州市白沙区城市管理局"; year = 2021
    init, adj, exe = D("11800.00"), D("12634.52"), D("12108.37")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", D("11026.15")), ("政府性基金预算财政拨款收入", D("800.00")), ("其他收入", D("282.22"))]
    assert sum(v for _, v in inc) == exe
    fn = [("城乡社区支出", D("10862.74")), ("社会保障和就业支出", D("702.35")), ("卫生健康支出", D("265.08")), ("住房保障支出", D("278.20"))]
    assert sum(v for _, v in fn) == exe
    basic, proj = D("3215.60"), D("8892.77"); assert basic + proj == exe
    bparts = [("工资和福利支出", D("2584.32")), ("商品和服务支出", D("402.16")), ("对个人和家庭的补助", D("229.12"))]
    pparts = [("商品和服务支出", D("7486.25")), ("资本性支出", D("1406.52"))]
    assert sum(v for _, v in bparts) == basic and sum(v for _, v in pparts) == proj
    prior = D("10905.81"); yoy = exe - prior; yoyp = pct(yoy, prior)
    I = [  # no merged cells: level1/level2 repeated on every row
        ("产出指标", "数量指标", "城区道路机械化清扫面积", "≥680万平方米", "702万平方米", 8, 8),
        ("产出指标", "数量指标", "生活垃圾日均清运量", "≥450吨", "468吨", 8, 8),
        ("产出指标", "数量指标", "新建改建公共厕所", "≥20座", "18座", 6, 4.6),
        ("产出指标", "质量指标", "生活垃圾无害化处理率", "100%", "100%", 8, 8),
        ("产出指标", "质量指标", "道路清扫保洁质量考核达标率", "≥95%", "93.5%", 6, 5),
        ("产出指标", "时效指标", "数字城管案件按期结案率", "≥90%", "91.2%", 6, 6),
        ("产出指标", "成本指标", "道路保洁每平方米年均成本", "≤4.8元", "4.54元", 8, 8),
        ("效益指标", "社会效益指标", "市容环境综合考核排名", "全市前三", "全市第四", 10, 7),
        ("效益指标", "生态效益指标", "生活垃圾回收利用率", "≥35%", "32%", 10, 7),
        ("效益指标", "可持续影响指标", "环卫作业市场化长效机制", "建立", "已建立", 10, 10),
        ("满意度指标", "服务对象满意度指标", "市民对市容环境满意度", "≥85%", "86.4%", 20, 18),
    ]
    tw = sum(i[5] for i in I); ts = sum(D(str(i[6])) for i in I)
    assert tw == 100 and ts == D("89.6"), (tw, ts)
    tasks = [
        ("城区环境卫生保洁", "实施城区主次干道机械化清扫和人工保洁，推进环卫作业市场化。", D("3250.00"), "已完成"),
        ("生活垃圾收运处置", "保障生活垃圾日产日清，推进垃圾分类和资源化利用。", D("2480.00"), "已完成"),
        ("公共厕所建设改造", "新建改建城区公共厕所20座。", D("960.00"), "基本完成，建成18座"),
        ("数字城管平台运维", "保障数字化城市管理平台运行，及时处置各类城市管理案件。", D("680.50"), "已完成"),
    ]
    projs = [
        ("城市道路清扫保洁服务", D("3250.00"), D("3186.42")),
        ("生活垃圾转运处置", D("2480.00"), D("2415.60")),
        ("公共厕所建设改造", D("960.00"), D("842.35")),
        ("数字城管平台运维", D("680.50"), D("652.18")),
    ]
    css = """
    @page { size: A4; margin: 20mm 22mm; }
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 11pt; line-height: 1.7; }
    .t { font-size: 18pt; text-align: center; font-weight: bold; }
    .h1 { font-weight: bold; font-size: 12.5pt; margin: 12pt 0 4pt 0; }
    .h2 { font-weight: bold; margin: 8pt 0 2pt 2em; }
    .h3 { margin: 4pt 0 2pt 2em; }
    p { text-indent: 2em; margin: 2pt 0; }
    table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6pt 0; }
    td { border: 1px solid #000; padding: 2pt 4pt; }
    td.n { text-align: right; } td.c { text-align: center; }
    """
    h = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    h.append(f"<div class='t'>{dept}</div><div class='t'>{year}年度部门整体支出绩效自评报告</div><p>&nbsp;</p>")
    h.append(f"<p>{year}年，我局全年预算1.26亿元，实际支出1.21亿元，较好完成了年度各项工作任务。现将部门整体支出绩效自评情况报告如下。</p>")
    h.append("<div class='h1'>一 部门基本情况</div>")
    h.append("<div class='h2'>（一)部门职能</div><p>负责全区市容环境卫生、城市道路清扫保洁、生活垃圾收运处置、公共厕所建设管理、数字化城市管理和城市管理综合执法等工作。</p>")
    h.append("<div class='h2'>（二） 机构和人员</div>")
    h.append("<div class='h3'>1 .机构设置</div><p>局机关内设办公室、市容环卫科、执法监督科3个科室，下属区环境卫生管理所、区数字化城市管理中心2个事业单位。</p>")
    h.append("<div class='h3'>2 .人员情况</div><p>单位编制人数86人，在职人数79人，退休人数41人，另有编外环卫作业人员112人。</p>")
    h.append("<div class='h1'>二 部门整体支出情况</div>")
    h.append("<div class='h2'>（一)预算安排及执行</div>")
    h.append(f"<p>{year}年年初预算1.18亿元，年中追加{sep(adj-init)}万元，全年预算数{sep(adj)}万元。全年实际支出{sep(exe)}万元，预算完成率{rate}%。截至12月底预算执行进度{rate}%，达到序时进度要求。</p>")
    h.append("<div class='h2'>（二)收入情况</div>")
    h.append(f"<p>本年收入{sep(exe)}万元，其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, exe)}%" for k, v in inc) + "。</p>")
    h.append("<div class='h2'>（三)支出情况</div>")
    h.append("<div class='h3'>(1 )按功能分类</div>")
    h.append(f"<p>本年支出{sep(exe)}万元，其中" + "，".join(f"{k}{sep(v)}万元" for k, v in fn) + "。</p>")
    h.append("<div class='h3'>(2 )按经济分类</div>")
    h.append(f"<p>基本支出{sep(basic)}万元，占{pct(basic, exe)}%。其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, basic)}%" for k, v in bparts) + "。</p>")
    h.append(f"<p>项目支出{sep(proj)}万元，占{pct(proj, exe)}%。其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, proj)}%" for k, v in pparts) + "。</p>")
    h.append("<div class='h3'>(3 )与上年对比</div>")
    h.append(f"<p>上年支出1.09亿元，本年较上年增加{sep(yoy)}万元，增长{yoyp}%，主要是环卫作业面积扩大和垃圾处置量增加。</p>")
    h.append("<div class='h2'>（四)重点项目支出情况</div>")
    nums = "一二三四五六"
    for i, (n, b, e) in enumerate(projs):
        h.append(f"<p>项目{nums[i]}：{n}。全年预算{sep(b)}万元，实际支出{sep(e)}万元，执行率{pct(e, b)}%。</p>")
    h.append("<div class='h1'>三 部门整体支出绩效情况</div>")
    h.append("<div class='h2'>（一)年度工作任务完成情况</div>")
    h.append("<table><tr><td class='c'>任务名称</td><td class='c'>任务内容</td><td class='c'>预算（万元）</td><td class='c'>完成情况</td></tr>")
    for i, (n, c, m, cp) in enumerate(tasks, 1):
        h.append(f"<tr><td>{i}.{n}</td><td>{c}</td><td class='n'>{sep(m)}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<div class='h2'>（二)绩效指标完成情况</div>")
    h.append("<table><tr>" + "".join(f"<td class='c'>{x}</td>" for x in ("一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分")) + "</tr>")
    for r in I:
        h.append("<tr>" + f"<td class='c'>{r[0]}</td><td class='c'>{r[1]}</td><td>{r[2]}</td>" + "".join(f"<td class='c'>{x}</td>" for x in r[3:]) + "</tr>")
    h.append(f"<tr><td class='c' colspan='5'>合计</td><td class='c'>{tw}</td><td class='c'>{ts}</td></tr></table>")
    h.append("<div class='h1'>四 自评结论</div>")
    # PLANTED grade_mismatch: 89.6 is 良, report prints 优
    h.append(f"<p>综合以上情况，本局{year}年度部门整体支出绩效自评得分{ts}分，自评等级为优。</p>")
    h.append("<div class='h1'>五 存在问题及改进措施</div><p>1 .公共厕所建设进度滞后；2 .垃圾分类回收利用率未达目标。下一步将加快项目建设，完善垃圾分类收运体系。</p>")
    h.append("</body></html>")
    f = "岚州市白沙区城市管理局-2021"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, exe))} for k, v in inc] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, proj))} for k, v in pparts])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(ts), "优",
         {"authorized": 86, "in_service": 79, "contract": 112, "retired": 41},
         {"budget_total": fl(adj), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate),
          "income_total": fl(exe), "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": fl(proj), "project_share": fl(pct(proj, exe)), "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": fl(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in I],
         [{"seq": i, "name": n, "planned": fl(m)} for i, (n, c, m, cp) in enumerate(tasks, 1)],
         [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [{"rule": "grade_mismatch", "scope": "report", "field": "grade", "values": ["优", "良"]}],
         "P7-chromium-sloppy")
    return f


# =============================================================== P8: Chromium, task table over 3 pages, 10-col project table
def p8():
    dept = "鹤鸣市清溪区应急管理局"; year = 2023
    init, adj, exe = D("1986.00"), D("2240.36"), D("2108.74")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", D("1962.30")), ("政府性基金预算财政拨款收入", D("120.00")), ("其他收入", D("26.44"))]
    assert sum(v for _, v in inc) == exe
    fn = [("灾害防治及应急管理支出", D("1746.52")), ("社会保障和就业支出", D("186.35")), ("卫生健康支出", D("64.27")), ("住房保障支出", D("111.60"))]
    assert sum(v for _, v in fn) == exe
    basic = D("742.18"); proj = exe - basic
    bparts = [("工资和福利支出", D("598.46")), ("商品和服务支出", D("86.20")), ("对个人和家庭的补助", D("57.52"))]
    assert sum(v for _, v in bparts) == basic
    pparts = [("商品和服务支出", D("826.35")), ("资本性支出", proj - D("826.35"))]
    prior = D("2421.20"); yoy = exe - prior; yoyp = pct(yoy, prior)
    # PLANTED share_mismatch: 其他收入 share printed 2.25% instead of 1.25%
    stated_other_share = pct(inc[2][1], exe) + 1
    I = [
        ("产出指标", "数量指标", "开展安全生产执法检查企业数", "≥600家", "642家"),
        ("产出指标", "数量指标", "组织应急演练次数", "≥12次", "15次"),
        ("产出指标", "数量指标", "应急物资储备库新增物资品类", "≥20类", "22类"),
        ("产出指标", "质量指标", "重大事故隐患整改率", "100%", "100%"),
        ("产出指标", "时效指标", "突发事件信息报送及时率", "100%", "100%"),
        ("产出指标", "成本指标", "预算执行率", "≥90%", f"{rate}%"),
        ("效益指标", "社会效益指标", "生产安全事故起数同比下降", "≥5%", "8.3%"),
        ("效益指标", "社会效益指标", "较大及以上生产安全事故", "0起", "0起"),
        ("效益指标", "可持续影响指标", "基层应急管理体系建设", "持续完善", "已完善"),
        ("满意度指标", "服务对象满意度指标", "企业和群众满意度", "≥90%", "93.6%"),
    ]
    score = D("91.25")
    long = "，".join
    tasks = [
        ("安全生产专项整治", long(["深入开展安全生产专项整治三年行动巩固提升", "聚焦危险化学品、工贸、消防、道路交通、建筑施工、城镇燃气等重点行业领域",
                                "全面排查整治重大事故隐患，建立隐患排查治理台账和责任清单", "对存在重大隐患的企业实行挂牌督办，整改完成一家销号一家",
                                "同步推进企业安全生产标准化建设和安全风险分级管控", "组织专家对重点企业开展指导服务"]) + "。",
         D("420.00"), long(["全年检查企业不少于600家", "重大事故隐患整改率100%", "生产安全事故起数和死亡人数实现双下降"]) + "。",
         long(["全年共检查企业642家", "排查一般隐患2186条、重大隐患9条，均已整改到位", "全区生产安全事故起数同比下降8.3%"]) + "。"),
        ("应急救援能力建设", long(["完善区、镇（街道）、村（社区）三级应急救援队伍体系", "为镇街综合应急救援队配备抢险救援装备",
                                "组织森林防灭火、防汛抗旱、地震、危化品泄漏等综合应急演练", "开展应急救援队伍技能比武和业务培训",
                                "推动应急指挥信息平台与各行业部门视频监控资源互联互通"]) + "。",
         D("536.80"), long(["组织应急演练不少于12次", "镇街综合应急救援队装备配备达标率100%", "应急指挥平台实现互联互通"]) + "。",
         long(["组织各类应急演练15次，参演人员3200余人次", "完成12个镇街救援队装备配备", "应急指挥平台接入视频监控点位1860个"]) + "。"),
        ("应急物资储备", long(["按照“分级负责、分类储备、动态管理”的原则", "充实区级应急物资储备库", "新增防汛抢险、森林防灭火、生活救助等物资",
                            "建立与大型商超和生产企业的协议储备机制", "完善应急物资调拨和轮换制度，做到账实相符"]) + "。",
         D("318.00"), long(["新增储备物资品类不少于20类", "协议储备企业不少于5家"]) + "。",
         long(["新增储备物资22类、价值286万元", "与6家企业签订协议储备", "完成过期物资轮换和报废处置"]) + "。"),
        ("防灾减灾宣传教育", long(["围绕“5·12”防灾减灾日、安全生产月、“11·9”消防宣传日等节点", "组织安全宣传进企业、进农村、进社区、进学校、进家庭活动",
                              "制作发放应急科普读物和宣传品", "开展企业主要负责人和安全管理人员安全生产培训", "推进综合减灾示范社区创建"]) + "。",
         D("126.50"), long(["开展宣传活动不少于30场", "培训企业负责人和安全管理人员不少于1500人次", "创建综合减灾示范社区2个"]) + "。",
         long(["开展宣传活动38场，发放宣传资料6.2万份", "培训1680人次", "创建省级综合减灾示范社区2个"]) + "。"),
        ("自然灾害监测预警", long(["建设地质灾害和山洪灾害群测群防监测预警体系", "在重点隐患点安装自动监测设备", "完善自然灾害风险普查成果应用",
                              "健全预警信息发布机制，通过短信、广播、村村响等渠道及时发布预警信息", "落实隐患点巡查和汛期24小时值班值守"]) + "。",
         D("265.00"), long(["重点隐患点自动监测覆盖率不低于80%", "预警信息发布及时率100%"]) + "。",
         long(["在46处重点隐患点安装自动监测设备，覆盖率85%", "全年发布预警信息132条，及时率100%", "成功避险转移群众420人"]) + "。"),
    ]
    EXTRA = ["一是压实工作责任，制定年度工作方案，明确责任股室、完成时限和工作标准，实行清单化管理、项目化推进",
             "二是加强统筹协调，定期召开专题会议研究解决推进中的困难和问题，建立周调度、月通报工作机制",
             "三是强化资金保障，严格按照预算批复用途使用资金，加快支付进度，确保资金使用安全高效",
             "四是加强督促检查，对工作推进缓慢的镇街和单位进行约谈提醒，确保各项任务按期完成",
             "五是注重总结提升，及时总结推广好的经验做法，形成可复制、可推广的长效工作机制"]
    tasks = [(n, c + "具体措施：" + "；".join(EXTRA) + "。", m, g_, cp) for n, c, m, g_, cp in tasks]
    # 10-col project table: 序号|项目名称|资金性质|年初预算|调整预算|全年预算数|实际支出|执行率|结转结余|备注
    projs = [
        ("安全生产专项整治经费", "一般公共预算", D("380.00"), D("40.00"), D("406.58")),
        ("应急救援队伍装备购置", "一般公共预算", D("450.00"), D("86.80"), D("512.36")),
        ("应急物资储备", "政府性基金", D("300.00"), D("18.00"), D("296.40")),
        ("防灾减灾宣传培训", "一般公共预算", D("120.00"), D("6.50"), D("118.22")),
        ("自然灾害监测预警系统建设", "一般公共预算", D("230.00"), D("35.00"), D("241.85")),
    ]
    css = """
    @page { size: A4; margin: 18mm 18mm 20mm 18mm; }
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; line-height: 1.6; }
    h1 { font-size: 16pt; text-align: center; margin: 0 0 14pt 0; }
    h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }
    h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; }
    p { text-indent: 2em; margin: 2pt 0; }
    table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
    td, th { border: 1px solid #000; padding: 2pt 3pt; font-size: 9pt; vertical-align: middle; }
    th { font-weight: bold; }
    td.n { text-align: right; } td.c { text-align: center; }
    table.task td { vertical-align: top; }
    """
    h = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    h.append(f"<h1>{dept}<br>{year}年度部门整体支出绩效自评报告</h1>")
    h.append("<h2>一、部门概况</h2>")
    h.append("<h3>（一）主要职能</h3><p>负责全区应急管理工作，指导各镇街、各部门应对安全生产类、自然灾害类等突发事件和综合防灾减灾救灾工作，负责安全生产综合监督管理和工矿商贸行业安全生产监督管理等工作。</p>")
    h.append("<h3>（二）机构人员</h3><p>本局内设办公室、安全生产综合协调股、应急救援股、防灾减灾股4个股室，下属区应急救援指挥中心1个事业单位。核定编制28名，实有在编在职人员26人，编外人员6人，退休人员15人。</p>")
    h.append("<h2>二、部门整体支出情况</h2>")
    h.append("<h3>（一）预算执行情况</h3>")
    h.append(f"<p>{year}年年初预算{sep(init)}万元，全年预算{sep(adj)}万元，全年执行数{sep(exe)}万元，预算执行率{rate}%。</p>")
    h.append("<h3>（二）收入情况</h3>")
    shares = [pct(inc[0][1], exe), pct(inc[1][1], exe), stated_other_share]
    h.append(f"<p>本年收入合计{sep(exe)}万元，其中：" + "；".join(f"{k}{sep(v)}万元，占{s}%" for (k, v), s in zip(inc, shares)) + "。</p>")
    h.append("<h3>（三）支出情况</h3>")
    h.append(f"<p>1、本年支出合计{sep(exe)}万元，按功能分类：" + "；".join(f"{k}{sep(v)}万元" for k, v in fn) + "。</p>")
    h.append(f"<p>2、基本支出{sep(basic)}万元，占{pct(basic, exe)}%，其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, basic)}%" for k, v in bparts) + "。</p>")
    h.append(f"<p>3、项目支出{sep(proj)}万元，占{pct(proj, exe)}%，其中：" + "；".join(f"{k}{sep(v)}万元，占{pct(v, proj)}%" for k, v in pparts) + "。</p>")
    h.append(f"<p>4、与上年对比减少{sep(-yoy)}万元，下降{-yoyp}%，主要是上年一次性安排的应急指挥中心建设项目完工。</p>")
    h.append("<h3>（四）重点项目支出情况</h3><p style='text-align:right'>单位：万元</p>")
    h.append("<table><tr>" + "".join(f"<th>{x}</th>" for x in ("序号", "项目名称", "资金性质", "年初预算", "调整预算", "全年预算数", "实际支出", "执行率", "结转结余", "备注")) + "</tr>")
    for i, (n, src, a, adjd, e) in enumerate(projs, 1):
        tot = a + adjd
        h.append(f"<tr><td class='c'>{i}</td><td>{n}</td><td class='c'>{src}</td><td class='n'>{sep(a)}</td><td class='n'>{sep(adjd)}</td><td class='n'>{sep(tot)}</td>"
                 f"<td class='n'>{sep(e)}</td><td class='n'>{pct(e, tot)}%</td><td class='n'>{sep(tot - e)}</td><td>{'' if e < tot else '—'}</td></tr>")
    h.append("</table>")
    h.append("<h2>三、部门整体支出绩效情况</h2>")
    h.append("<h3>（一）年度重点工作任务完成情况</h3>")
    h.append("<table class='task'><tr>" + "".join(f"<th style='width:{w}'>{x}</th>" for x, w in (("序号", "5%"), ("任务名称", "10%"), ("主要内容", "33%"), ("拟投入资金（万元）", "9%"), ("期望目标", "20%"), ("完成情况", "23%"))) + "</tr>")
    for i, (n, c, m, g_, cp) in enumerate(tasks, 1):
        h.append(f"<tr><td class='c'>{i}</td><td>{n}</td><td>{c}</td><td class='n'>{sep(m)}</td><td>{g_}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h3>（二）绩效指标完成情况</h3>")
    h.append("<table><tr>" + "".join(f"<th>{x}</th>" for x in ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值")) + "</tr>")
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
    h.append("<h2>四、自评结论</h2>")
    h.append(f"<p>经综合评价，本局{year}年度部门整体支出绩效自评得分为{score}分，评价等级为“优”。</p>")
    h.append("<h2>五、存在的问题及下一步措施</h2><p>（一）基层应急管理力量相对薄弱；（二）部分项目调整预算比例偏高。下一步将加强基层应急能力建设，提高预算编制的精准度。</p>")
    h.append("</body></html>")
    f = "鹤鸣市清溪区应急管理局-2023"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(s)} for (k, v), s in zip(inc, shares)] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, proj))} for k, v in pparts])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(score), "优",
         {"authorized": 28, "in_service": 26, "contract": 6, "retired": 15},
         {"budget_total": fl(adj), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate),
          "income_total": fl(exe), "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": fl(proj), "project_share": fl(pct(proj, exe)), "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": fl(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4]} for r in I],
         [{"seq": i, "name": n, "planned": fl(m)} for i, (n, c, m, g_, cp) in enumerate(tasks, 1)],
         [{"name": n, "budget": fl(a + adjd), "executed": fl(e), "rate": fl(pct(e, a + adjd))} for n, src, a, adjd, e in projs],
         [{"rule": "share_mismatch", "scope": "report", "field": "income:其他收入", "values": [fl(stated_other_share), fl(pct(inc[2][1], exe))]}],
         "P8-chromium-longtask")
    return f


NFILL6 = int(os.environ.get("NFILL6", 8))

if __name__ == "__main__":
    for fn_ in (p5, p6, p7, p8):
        print(fn_())
