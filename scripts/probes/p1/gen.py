#!/usr/bin/env python3
"""Generate 4 probe reports (HTML) + gold JSON for selfeval style-generalisation tests."""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP

B = os.path.join(os.path.dirname(os.path.abspath(__file__)), "build")
C = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(B, exist_ok=True); os.makedirs(C, exist_ok=True)


def r2(x, q="0.01"):
    return D(x).quantize(D(q), rounding=ROUND_HALF_UP)


def pct(a, b):
    return r2(D(a) / D(b) * 100)


def sep(x, dec=2):
    return f"{D(x):,.{dec}f}"


def nosep(x, dec=2):
    return f"{D(x):.{dec}f}"


def wan_from_yuan(y):
    return float(D(y) / D(10000))


def fl(x):
    return float(D(x))


def gold(file, dept, year, kind, score, grade, pers, totals, lines, inds, tasks, projs, discs, template, render="text"):
    g = {"report": {"department": dept, "fiscal_year": year, "report_kind": kind, "self_score": score, "grade": grade},
         "personnel": pers, "totals": totals, "budget_lines": lines, "indicators": inds, "tasks": tasks,
         "projects": projs, "discrepancies": discs, "file": file, "template": template, "render": render}
    json.dump(g, open(os.path.join(C, file.replace(".pdf", ".gold.json")), "w", encoding="utf-8"), ensure_ascii=False, indent=1)


# ---------------------------------------------------------------- R1: Chromium, 第一部分/一 (no 、)/1./(1), 万元 prose + 元 project table
def r1():
    dept = "东陵市望川县民政局"; year = 2023
    init, adj, exe = D("3860.00"), D("4215.37"), D("4012.58")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", D("3742.18")), ("政府性基金预算财政拨款收入", D("216.40")), ("其他收入", D("54.00"))]
    assert sum(v for _, v in inc) == exe
    fn = [("社会保障和就业支出", D("3402.17")), ("卫生健康支出", D("128.66")), ("住房保障支出", D("97.35")), ("城乡社区支出", D("384.40"))]
    assert sum(v for _, v in fn) == exe
    basic, proj = D("1482.96"), D("2529.62"); assert basic + proj == exe
    bparts_true = [("工资和福利支出", D("1102.34")), ("商品和服务支出", D("168.20")), ("对个人和家庭的补助", D("212.42"))]
    assert sum(v for _, v in bparts_true) == basic
    # PLANTED: 商品和服务支出 printed 178.20 (10 more) -> parts sum 1492.96 vs stated 1482.96
    bparts = [("工资和福利支出", D("1102.34")), ("商品和服务支出", D("178.20")), ("对个人和家庭的补助", D("212.42"))]
    pparts = [("商品和服务支出", D("612.80")), ("对个人和家庭的补助", D("1836.52")), ("资本性支出", D("80.30"))]
    assert sum(v for _, v in pparts) == proj
    prior = D("3798.41"); yoy = exe - prior; yoyp = pct(yoy, prior)
    # indicators: l1, l2, l3, unit, target(cell), actual, weight, score, reason
    I = [
        ("产出指标", "数量指标", "城乡低保对象保障人数", "人", "≥6500", "6732", 8, 8, "—"),
        ("产出指标", "数量指标", "特困人员集中供养床位数", "张", "≥420", "436", 6, 6, "—"),
        ("产出指标", "数量指标", "开展养老服务机构安全检查", "次", "48", "52", 6, 6, "—"),
        ("产出指标", "质量指标", "低保对象动态管理准确率", "%", "≥98", "98.6", 6, 6, "—"),
        ("产出指标", "质量指标", "养老机构星级评定达标率", "%", "≥85", "82.4", 6, 5, "2家民办养老机构消防整改未完成，星级评定推迟至次年"),
        ("产出指标", "时效指标", "救助资金按月发放及时率", "%", "100", "100", 6, 6, "—"),
        ("产出指标", "成本指标", "特困人员集中供养月人均标准", "元/人·月", "≤1350", "1320", 6, 6, "—"),
        ("产出指标", "成本指标", "预算完成率", "%", "≥95", f"{rate}", 10, 10, "—"),
        ("效益指标", "社会效益指标", "困难群众基本生活保障覆盖率", "%", "100", "100", 10, 10, "—"),
        ("效益指标", "社会效益指标", "社区居家养老服务站覆盖率", "%", "≥90", "87.5", 10, 8.5, "3个偏远村服务站用房未落实，下一步通过闲置校舍改造解决"),
        ("效益指标", "可持续影响指标", "救助信息系统持续运行年限", "年", "≥5", "5", 6, 6, "—"),
        ("满意度指标", "服务对象满意度指标", "救助对象满意度", "%", "≥95", "96.8", 10, 10, "—"),
        ("满意度指标", "服务对象满意度指标", "养老机构入住老人满意度", "%", "≥90", "91.2", 10, 10, "—"),
    ]
    tw = sum(i[6] for i in I); ts = sum(D(str(i[7])) for i in I)
    assert tw == 100, tw
    score = ts  # 97.5
    tasks = [
        (1, "兜牢城乡低保底线", "落实城乡低保标准动态调整机制，按月足额发放低保金，开展低保对象动态复核。", D("1586.20"), "城乡低保对象应保尽保，保障人数不少于6500人", "已完成，全年保障6732人，资金按月发放"),
        (2, "特困人员救助供养", "保障特困人员基本生活和照料护理，改善县社会福利中心供养条件。", D("431.56"), "集中供养床位不少于420张", "已完成，床位达到436张"),
        (3, "发展居家社区养老服务", "建设村（社区）居家养老服务站，开展助餐、助洁等上门服务。", D("248.00"), "服务站覆盖率达到90%", "基本完成，覆盖率87.5%"),
        (4, "实施临时救助", "对遭遇突发性、紧迫性困难的家庭及时给予临时救助。", D("96.00"), "救助资金及时发放率100%", "已完成"),
    ]
    projs = [
        ("城乡最低生活保障资金", D("15862000.00"), D("15862000.00")),
        ("特困人员救助供养资金", D("4315600.00"), D("4108236.50")),
        ("社区居家养老服务补助", D("2480000.00"), D("2168400.00")),
        ("临时救助资金", D("960000.00"), D("913580.00")),
    ]
    css = """
    @page { size: A4; margin: 22mm 20mm 22mm 20mm; }
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 11pt; line-height: 1.65; }
    h1 { font-size: 17pt; text-align: center; font-weight: bold; margin: 0 0 4pt 0; }
    .sub { text-align: center; margin-bottom: 18pt; }
    h2 { font-size: 13pt; font-weight: bold; margin: 14pt 0 6pt 0; }
    h3 { font-size: 11.5pt; font-weight: bold; margin: 10pt 0 4pt 0; }
    p { text-indent: 2em; margin: 3pt 0; }
    table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6pt 0 10pt 0; }
    td, th { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; }
    th { background: #e6e6e6; font-weight: bold; }
    td.n { text-align: right; white-space: nowrap; }
    td.c { text-align: center; }
    .cap { text-align: center; font-weight: bold; text-indent: 0; margin-top: 8pt; }
    .unit { text-align: right; text-indent: 0; font-size: 9pt; }
    """
    h = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    h.append(f"<h1>{dept}</h1><h1>{year}年度部门整体支出绩效自评报告</h1><div class='sub'>（自评报告）</div>")
    h.append("<h2>第一部分 部门基本情况</h2>")
    h.append("<h3>一 部门职能</h3>")
    h.append("<p>贯彻落实国家和省、市关于民政工作的方针政策，负责全县社会救助、养老服务、儿童福利、社区治理、社会组织管理、殡葬管理和区划地名等工作。</p>")
    h.append("<h3>二 机构及人员</h3>")
    h.append("<p>本局内设办公室、社会救助股、养老服务股、基层政权和社区建设股4个股室，下属县社会福利中心、县救助管理站2个事业单位。全局单位编制数38个，其中行政编制20个、事业编制18个；现有在职在编人员35人，编外人员9人，退休人员21人。</p>")
    h.append("<h3>三 年度主要工作</h3>")
    h.append("<p>全年累计保障城乡低保对象6732人，特困人员集中供养床位达到436张；新建村（社区）居家养老服务站14个，开展养老机构安全检查52次。</p>")
    h.append("<h2>第二部分 部门整体支出管理及使用情况</h2>")
    h.append("<h3>一 预算安排及执行</h3>")
    h.append(f"<p>{year}年本部门年初预算{sep(init)}万元，年中追加{sep(adj-init)}万元，调整预算{sep(adj)}万元；全年实际支出{sep(exe)}万元，预算完成率{rate}%。</p>")
    h.append("<h3>二 收支结构</h3>")
    h.append("<p><b>1.收入情况</b></p>")
    parts = "，".join(f"{k}{sep(v)}万元，占{pct(v, exe)}%" for k, v in inc)
    h.append(f"<p>本年收入合计{sep(exe)}万元。其中：{parts}。</p>")
    h.append("<p><b>2.支出情况</b></p>")
    h.append(f"<p>(1)按功能分类。本年支出合计{sep(exe)}万元，其中：" + "；".join(f"{k}{sep(v)}万元" for k, v in fn) + "。</p>")
    bp = "，".join(f"{k}{sep(v)}万元，占{pct(v, basic)}%" for k, v in bparts)
    pp = "，".join(f"{k}{sep(v)}万元，占{pct(v, proj)}%" for k, v in pparts)
    h.append(f"<p>(2)按经济性质分类。基本支出{sep(basic)}万元，占支出合计的{pct(basic, exe)}%，其中：{bp}。项目支出{sep(proj)}万元，占支出合计的{pct(proj, exe)}%，其中：{pp}。</p>")
    h.append(f"<p>(3)与上年对比。本年支出合计同比上年度增加{sep(yoy)}万元，增长{yoyp}%，主要是城乡低保标准提高及居家养老服务站建设支出增加。</p>")
    h.append("<h3>三 重点项目支出</h3>")
    h.append("<table><tr><th>项目名称</th><th>调整预算数（元）</th><th>实际支出数（元）</th><th>完成率</th></tr>")
    for n, b, e in projs:
        h.append(f"<tr><td>{n}</td><td class='n'>{sep(b)}</td><td class='n'>{sep(e)}</td><td class='n'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    h.append("<h2>第三部分 部门整体支出绩效情况</h2>")
    h.append("<h3>一 年度重点工作任务完成情况</h3>")
    h.append("<table><tr><th>序号</th><th>重点工作</th><th>工作内容</th><th>资金预算（万元）</th><th>年度目标</th><th>完成情况</th></tr>")
    for s, n, c, m, g_, cp in tasks:
        h.append(f"<tr><td class='c'>{s}</td><td>{n}</td><td>{c}</td><td class='n'>{sep(m)}</td><td>{g_}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h3>二 绩效指标完成情况</h3>")
    h.append("<p>本部门设置产出、效益、满意度三类一级指标，具体完成情况如下表。</p>")
    h.append("<p class='cap'>部门整体支出绩效指标完成情况表</p>")
    h.append("<table><thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>计量单位</th><th>年度目标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因</th></tr></thead><tbody>")
    # rowspans
    from itertools import groupby
    rows = []
    l1span = {}; l2span = {}
    for i, r in enumerate(I):
        l1span.setdefault(r[0], []).append(i); l2span.setdefault((r[0], r[1]), []).append(i)
    for i, r in enumerate(I):
        tds = []
        if l1span[r[0]][0] == i:
            tds.append(f"<td class='c' rowspan='{len(l1span[r[0]])}'>{r[0]}</td>")
        if l2span[(r[0], r[1])][0] == i:
            tds.append(f"<td class='c' rowspan='{len(l2span[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td class='c'>{r[3]}</td>", f"<td class='c'>{r[4]}</td>", f"<td class='c'>{r[5]}</td>",
                f"<td class='c'>{r[6]}</td>", f"<td class='c'>{r[7]}</td>", f"<td>{r[8]}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='6' class='c'>合计</td><td class='c'>{tw}</td><td class='c'>{ts}</td><td></td></tr></tbody></table>")
    h.append("<h2>第四部分 自评结论</h2>")
    h.append(f"<p>经对照年度绩效目标逐项打分，本局{year}年度部门整体支出综合评分为{score}分，自评结果为“优秀”。</p>")
    h.append("<h2>第五部分 存在的问题及改进措施</h2>")
    h.append("<p>一 部分偏远村居家养老服务站用房落实困难，服务覆盖仍有短板。二 个别项目年初预算编制不够精准，年中追加较多。下一步将加强预算编制与绩效目标的衔接，提高预算编制的科学性。</p>")
    h.append("</body></html>")
    f = "东陵市望川县民政局-2023"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, exe))} for k, v in inc] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": fl(v), "share": fl(pct(v, proj))} for k, v in pparts])
    inds = [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[4] + ("" if r[3] == "—" else r[3]),
             "actual": r[5] + r[3], "weight": r[6], "score": r[7]} for r in I]
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(score), "优秀",
         {"authorized": 38, "in_service": 35, "contract": 9, "retired": 21},
         {"budget_total": fl(adj), "initial_budget": fl(init), "executed_total": fl(exe), "execution_rate": fl(rate),
          "income_total": fl(exe), "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": fl(proj), "project_share": fl(pct(proj, exe)), "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": fl(prior)},
         lines, inds,
         [{"seq": s, "name": n, "planned": fl(m)} for s, n, c, m, g_, cp in tasks],
         [{"name": n, "budget": wan_from_yuan(b), "executed": wan_from_yuan(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [{"rule": "sum_mismatch", "scope": "report", "field": "basic_expenditure", "values": [fl(basic), fl(sum(v for _, v in bparts))]}],
         "P1-chromium")
    return f


# ---------------------------------------------------------------- R2: LibreOffice, 元 without separators, horizontal budget table, 7-col indicator table over page break w/o repeated header
def r2_():
    dept = "南浦市石湾区住房和城乡建设局"; year = 2022
    init, adj, exe = D("52000000.00"), D("58634200.00"), D("55127316.84")
    rate = pct(exe, adj)  # 94.02
    stated_rate = D("95.02")  # PLANTED rate_mismatch
    inc = [("一般公共预算财政拨款收入", D("48215600.00")), ("政府性基金预算财政拨款收入", D("5400000.00")), ("其他收入", D("1511716.84"))]
    assert sum(v for _, v in inc) == exe
    fn = [("城乡社区支出", D("41862504.20")), ("住房保障支出", D("8264812.64")), ("社会保障和就业支出", D("3100000.00")), ("节能环保支出", D("1900000.00"))]
    assert sum(v for _, v in fn) == exe
    basic, proj = D("12486230.56"), D("42641086.28"); assert basic + proj == exe
    bparts = [("工资和福利支出", D("9852114.30")), ("商品和服务支出", D("1314508.06")), ("对个人和家庭的补助", D("1319608.20"))]
    pparts = [("商品和服务支出", D("10215480.00")), ("资本性支出", D("32425606.28"))]
    assert sum(v for _, v in bparts) == basic and sum(v for _, v in pparts) == proj
    prior = D("57218450.10"); yoy = exe - prior; yoyp = pct(yoy, prior)
    I = [
        ("产出指标", "数量指标", "老旧小区改造户数", "≥2800户", "2650户", 6, 5),
        ("产出指标", "数量指标", "城中村污水管网建设长度", "12公里", "12.6公里", 6, 6),
        ("产出指标", "数量指标", "保障性租赁住房筹集套数", "≥600套", "540套", 6, 4.5),
        ("产出指标", "数量指标", "建筑工地安全检查次数", "≥240次", "262次", 5, 5),
        ("产出指标", "质量指标", "改造工程竣工验收合格率", "100%", "100%", 6, 6),
        ("产出指标", "质量指标", "燃气管道隐患整治完成率", "≥95%", "91.3%", 6, 4.6),
        ("产出指标", "时效指标", "项目开工及时率", "≥90%", "88%", 5, 4),
        ("产出指标", "时效指标", "资金拨付及时率", "100%", "100%", 5, 5),
        ("产出指标", "成本指标", "老旧小区改造户均成本", "≤3.2万元", "3.05万元", 5, 5),
        ("效益指标", "社会效益指标", "受益居民户数", "≥2.5万户", "2.38万户", 8, 6.5),
        ("效益指标", "社会效益指标", "城市道路完好率", "≥92%", "93.4%", 6, 6),
        ("效益指标", "生态效益指标", "城市生活污水集中收集率", "≥70%", "68.5%", 8, 6),
        ("效益指标", "可持续影响指标", "住房保障长效机制建立", "建立", "已建立", 8, 8),
        ("满意度指标", "服务对象满意度指标", "改造小区居民满意度", "≥90%", "86%", 10, 8),
        ("满意度指标", "服务对象满意度指标", "保障房租户满意度", "≥85%", "84.3%", 10, 9),
    ]
    tw = sum(i[5] for i in I); ts = sum(D(str(i[6])) for i in I)
    assert tw == 100 and ts == D("88.6"), (tw, ts)
    tasks = [
        ("推进老旧小区改造", "完成12个老旧小区水电气路及外立面改造，惠及居民2800户。", D("18600000.00"), D("17488600.00"), "基本完成，改造2650户，2个小区因管线迁改延期"),
        ("完善城中村污水管网", "新建城中村雨污分流管网12公里。", D("9400000.00"), D("9262170.40"), "已完成，建成12.6公里"),
        ("筹集保障性租赁住房", "通过新建、改建和盘活存量筹集保障性租赁住房600套。", D("6200000.00"), D("5508720.00"), "部分完成，筹集540套"),
        ("加强建筑施工安全监管", "开展建筑工地安全生产检查和隐患排查整治。", D("1200000.00"), D("1126400.00"), "已完成，检查262次"),
    ]
    projs = [
        ("老旧小区改造工程", D("18600000.00"), D("17488600.00")),
        ("城中村污水管网建设", D("9400000.00"), D("9262170.40")),
        ("保障性租赁住房筹集补助", D("6200000.00"), D("5508720.00")),
        ("燃气管道老化更新改造", D("4800000.00"), D("4380465.88")),
    ]
    T = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
    h = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Serif CJK SC';font-size:10.5pt} h1{font-size:16pt;text-align:center} h2{font-size:12pt} h3{font-size:10.5pt} td{font-size:9pt}</style></head><body>"]
    h.append(f"<h1>{year}年度{dept}部门整体支出绩效自评报告</h1>")
    h.append("<p align='center'>南浦市石湾区住房和城乡建设局<br>2023年4月</p>")
    h.append("<h2>一、部门概况</h2>")
    h.append("<h3>（一）主要职能</h3><p>负责全区住房保障、城市建设、建筑市场监管、城镇燃气管理、老旧小区改造和城中村整治等工作。</p>")
    h.append("<h3>（二)人员情况</h3><p>截至2022年底，本局编制人数58人，在职在编52人，聘用人员17人，退休人员30人。</p>")
    h.append("<h2>二 部门整体支出情况</h2>")
    h.append("<h3>（一）预算执行情况</h3>")
    h.append("<p>单位：元</p>")
    h.append(T + "<tr><td align='center'>项目</td><td align='center'>年初预算</td><td align='center'>调整预算</td><td align='center'>决算数</td><td align='center'>执行率</td></tr>")
    h.append(f"<tr><td>部门预算总额</td><td align='right'>{nosep(init)}</td><td align='right'>{nosep(adj)}</td><td align='right'>{nosep(exe)}</td><td align='right'>{stated_rate}%</td></tr></table>")
    h.append(f"<p>2022年度调整预算{nosep(adj)}元，决算数{nosep(exe)}元，执行率{stated_rate}%。</p>")
    h.append("<h3>（二）收入情况</h3>")
    h.append(T + "<tr><td align='center'>收入来源</td><td align='center'>金额（元）</td><td align='center'>占比</td></tr>")
    for k, v in inc:
        h.append(f"<tr><td>{k}</td><td align='right'>{nosep(v)}</td><td align='right'>{pct(v, exe)}%</td></tr>")
    h.append(f"<tr><td>合计</td><td align='right'>{nosep(exe)}</td><td align='right'>100%</td></tr></table>")
    h.append("<h3>（三）支出情况</h3>")
    h.append(f"<p>1、本年度支出决算{nosep(exe)}元，按功能分类：" + "，".join(f"{k}{nosep(v)}元" for k, v in fn) + "。</p>")
    h.append(f"<p>2、基本支出{nosep(basic)}元，占{pct(basic, exe)}%；其中" + "，".join(f"{k}{nosep(v)}元（{pct(v, basic)}%）" for k, v in bparts) + "。</p>")
    h.append(f"<p>3、项目支出{nosep(proj)}元，占{pct(proj, exe)}%；其中" + "，".join(f"{k}{nosep(v)}元（{pct(v, proj)}%）" for k, v in pparts) + "。</p>")
    h.append(f"<p>4、本年支出决算较上年减少{nosep(-yoy)}元，下降{-yoyp}%，主要是棚户区改造项目完工、资本性支出减少。</p>")
    h.append("<h3>（四）重点项目支出情况</h3>")
    h.append(T + "<tr><td align='center'>项目</td><td align='center'>调整预算（元）</td><td align='center'>决算数（元）</td><td align='center'>执行率</td></tr>")
    for n, b, e in projs:
        h.append(f"<tr><td>{n}</td><td align='right'>{nosep(b)}</td><td align='right'>{nosep(e)}</td><td align='right'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    h.append("<h2>三、年度重点任务完成情况</h2>")
    h.append(T + "<tr><td align='center'>任务名称</td><td align='center'>主要内容</td><td align='center'>拟投入资金（元）</td><td align='center'>实际投入（元）</td><td align='center'>完成情况</td></tr>")
    for n, c, m, a, cp in tasks:
        h.append(f"<tr><td>{n}</td><td>{c}</td><td align='right'>{nosep(m)}</td><td align='right'>{nosep(a)}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<h3>（五）绩效管理工作开展情况</h3>")
    for t in FILL2[:N2]:
        h.append(f"<p>{t}</p>")
    h.append("<h2>四、绩效指标完成情况</h2>")
    h.append("<p>本局2022年度部门整体支出绩效目标共设置一级指标3个、二级指标9个、三级指标15个，完成情况如下：</p>")
    h.append(T + "<tr><td align='center'>一级指标</td><td align='center'>二级指标</td><td align='center'>三级指标</td><td align='center'>指标值</td><td align='center'>实际完成值</td><td align='center'>分值</td><td align='center'>得分</td></tr>")
    l1span = {}; l2span = {}
    for i, r in enumerate(I):
        l1span.setdefault(r[0], []).append(i); l2span.setdefault((r[0], r[1]), []).append(i)
    for i, r in enumerate(I):
        tds = []
        if l1span[r[0]][0] == i:
            tds.append(f"<td align='center' rowspan='{len(l1span[r[0]])}'>{r[0]}</td>")
        if l2span[(r[0], r[1])][0] == i:
            tds.append(f"<td align='center' rowspan='{len(l2span[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td align='center'>{r[3]}</td>", f"<td align='center'>{r[4]}</td>", f"<td align='center'>{r[5]}</td>", f"<td align='center'>{r[6]}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='5' align='center'>总分</td><td align='center'>{tw}</td><td align='center'>{ts}</td></tr></table>")
    h.append("<h2>五、自评结论</h2>")
    h.append(f"<p>自评分数：{ts}分，自评等级：良。</p>")
    h.append("<h2>六、存在问题及下一步工作</h2><p>（一）部分项目前期工作不充分，开工滞后；（二）绩效指标设置的可衡量性有待提高。下一步将强化项目储备和前期论证，做实做细绩效目标。</p>")
    h.append("</body></html>")
    f = "南浦市石湾区住房和城乡建设局-2022"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    W = wan_from_yuan
    lines = ([{"section": "income", "item": k, "amount": W(v), "share": fl(pct(v, exe))} for k, v in inc] +
             [{"section": "expenditure_by_function", "item": k, "amount": W(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": W(v), "share": fl(pct(v, basic))} for k, v in bparts] +
             [{"section": "project_expenditure", "item": k, "amount": W(v), "share": fl(pct(v, proj))} for k, v in pparts])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(ts), "良",
         {"authorized": 58, "in_service": 52, "contract": 17, "retired": 30},
         {"budget_total": W(adj), "initial_budget": W(init), "executed_total": W(exe), "execution_rate": fl(rate),
          "income_total": W(exe), "expenditure_total": W(exe), "basic_total": W(basic), "basic_share": fl(pct(basic, exe)),
          "project_total": W(proj), "project_share": fl(pct(proj, exe)), "yoy_change": W(yoy), "yoy_change_pct": fl(yoyp),
          "prior_executed_total": W(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in I],
         [{"seq": i + 1, "name": n, "planned": W(m)} for i, (n, c, m, a, cp) in enumerate(tasks)],
         [{"name": n, "budget": W(b), "executed": W(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [{"rule": "rate_mismatch", "scope": "report", "field": "execution_rate", "values": [fl(stated_rate), fl(rate)]}],
         "P2-lo-yuan")
    return f


# ---------------------------------------------------------------- R3: form-only, LibreOffice, 元, 基本/项目 rows in funds block, tasks inside the form
def r3():
    dept = "东陵市望川县市场监督管理局"; year = 2023
    rows = [("年度资金总额", D("18642500.00"), D("17935116.42")),
            ("其中：基本支出", D("11206300.00"), D("11118540.26")),
            ("项目支出", D("7436200.00"), D("6816576.16"))]
    assert rows[1][1] + rows[2][1] == rows[0][1] and rows[1][2] + rows[2][2] == rows[0][2]
    rate = pct(rows[0][2], rows[0][1])
    fscore = r2(D(10) * rate / 100)
    I = [
        ("产出指标", "数量指标", "食品安全监督抽检批次", "≥3000批次", "3126批次", 10, 10, "无"),
        ("产出指标", "数量指标", "特种设备定期检验率", "≥98%", "99.1%", 8, 8, "无"),
        ("产出指标", "数量指标", "新增市场主体登记户数", "≥5000户", "4620户", 8, 7, "受经济环境影响新设主体减少，下一步优化开办服务"),
        ("产出指标", "质量指标", "抽检不合格食品核查处置率", "100%", "100%", 8, 8, "无"),
        ("产出指标", "时效指标", "投诉举报按时办结率", "≥95%", "97.3%", 8, 8, "无"),
        ("产出指标", "成本指标", "单批次抽检平均成本", "≤650元", "618元", 6, 6, "无"),
        ("效益指标", "社会效益指标", "全县未发生重大食品安全事故", "未发生", "未发生", 10, 10, "无"),
        ("效益指标", "社会效益指标", "消费者投诉挽回经济损失", "≥80万元", "92.6万元", 8, 8, "无"),
        ("效益指标", "可持续影响指标", "智慧监管平台覆盖率", "≥60%", "55%", 8, 6, "部分农贸市场未完成设备安装，次年上半年完成"),
        ("满意度指标", "服务对象满意度指标", "市场主体满意度", "≥90%", "92.4%", 8, 8, "无"),
        ("满意度指标", "服务对象满意度指标", "消费者满意度", "≥90%", "88.5%", 8, 7, "投诉处理时限偏长，下一步推行快速和解机制"),
    ]
    tw = sum(i[5] for i in I); ts = sum(D(str(i[6])) for i in I)
    assert tw == 90
    total = fscore + ts
    tasks = [
        ("食品安全抽检监测", "完成食品安全监督抽检3000批次以上，不合格产品核查处置率100%", D("2150000.00")),
        ("特种设备安全监管", "开展电梯、锅炉等特种设备定期检验和隐患排查", D("860000.00")),
        ("市场主体登记服务", "推进企业开办“一网通办”，压缩开办时间", D("420000.00")),
        ("消费维权与投诉处理", "畅通12315投诉举报渠道，按时办结投诉举报", D("310000.00")),
    ]
    T = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
    c = lambda s, cs=1, rs=1, al="center": f"<td align='{al}' colspan='{cs}' rowspan='{rs}'>{s}</td>"
    h = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:10pt} td{font-size:9pt} h1{font-size:15pt;text-align:center}</style></head><body>"]
    h.append("<h1>部门整体支出绩效自评表</h1><p align='center'>（2023年度）</p>")
    h.append("<p>填报单位（盖章）：东陵市望川县市场监督管理局　　　　　　　　填报日期：2024年3月15日</p>")
    h.append(T)
    h.append("<tr>" + c("主管部门及代码", 2) + c("【315】东陵市望川县市场监督管理局", 3, al="left") + c("实施单位", 1) + c(dept, 2, al="left") + "</tr>")
    h.append("<tr>" + c("年度预算执行情况（元）", 1, 4) + c("") + c("全年预算数（A）", 2) + c("全年执行数（B）", 2) + c("执行率（B/A）") + c("得分（满分10）") + "</tr>")
    for i, (lab, a, b) in enumerate(rows):
        h.append("<tr>" + c(lab, al="left") + c(sep(a), 2, al="right") + c(sep(b), 2, al="right") + c(f"{pct(b, a)}%") + c(str(fscore) if i == 0 else "—") + "</tr>")
    h.append("<tr>" + c("年度总体目标", 2, 2) + c("预期目标", 3) + c("实际完成情况", 3) + "</tr>")
    h.append("<tr>" + c("加强食品安全、特种设备、市场秩序监管，全年不发生重大食品安全事故；优化营商环境，新增市场主体5000户以上。", 3, al="left") + c("全年未发生重大食品安全事故，完成抽检3126批次；新增市场主体4620户，未达预期。", 3, al="left") + "</tr>")
    h.append("<tr>" + c("年度主要任务", 2, len(tasks) + 1) + c("任务名称", 2) + c("主要内容", 3) + c("预算金额（元）") + "</tr>")
    for n, ct, m in tasks:
        h.append("<tr>" + c(n, 2, al="left") + c(ct, 3, al="left") + c(sep(m), al="right") + "</tr>")
    h.append("<tr>" + c("一级指标") + c("二级指标") + c("三级指标") + c("预期指标值") + c("实际完成指标值") + c("权重") + c("自评得分") + c("未完成原因和改进措施") + "</tr>")
    l1span = {}; l2span = {}
    for i, r in enumerate(I):
        l1span.setdefault(r[0], []).append(i); l2span.setdefault((r[0], r[1]), []).append(i)
    for i, r in enumerate(I):
        tds = []
        if l1span[r[0]][0] == i:
            tds.append(c(r[0], 1, len(l1span[r[0]])))
        if l2span[(r[0], r[1])][0] == i:
            tds.append(c(r[1], 1, len(l2span[(r[0], r[1])])))
        tds += [c(r[2], al="left"), c(r[3]), c(r[4]), c(r[5]), c(r[6]), c(r[7], al="left")]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append("<tr>" + c("自评总分", 3) + c(str(total), 2) + c("自评等级", 1) + c("优", 2) + "</tr>")
    h.append("</table>")
    h.append("<p>填表人：王某某　　联系电话：0000-1234567　　单位负责人：李某某</p>")
    h.append("</body></html>")
    f = "东陵市望川县市场监督管理局-2023-自评表"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    W = wan_from_yuan
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评表", fl(total), "优",
         {"authorized": None, "in_service": None, "contract": None, "retired": None},
         {"budget_total": W(rows[0][1]), "executed_total": W(rows[0][2]), "execution_rate": fl(rate),
          "basic_total": W(rows[1][2]), "project_total": W(rows[2][2])},
         [],
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in I],
         [{"seq": i + 1, "name": n, "planned": W(m)} for i, (n, ct, m) in enumerate(tasks)],
         [], [], "P3-form")
    return f


# ---------------------------------------------------------------- R4: LibreOffice, score first (grade only in prose, score in table 合计), 万元 3 decimals, full-width digits, cross-tab economic table
def r4():
    dept = "北湖市青石县自然资源局"; year = 2021
    adj, exe = D("12846.352"), D("12224.175")
    rate = pct(exe, adj)
    inc = [("一般公共预算财政拨款收入", "一般公共预算财政拨款", D("10486.175")), ("政府性基金预算财政拨款收入", "政府性基金预算财政拨款", D("1500.000")), ("其他收入", "其他收入", D("238.000"))]
    assert sum(v for _, _, v in inc) == exe
    fn = [("自然资源海洋气象等支出", D("9215.325")), ("农林水支出", D("1388.450")), ("社会保障和就业支出", D("1020.400")), ("住房保障支出", D("600.000"))]
    assert sum(v for _, v in fn) == exe
    econ = [("工资和福利支出", D("3102.480"), None), ("商品和服务支出", D("356.695"), D("2150.000")),
            ("对个人和家庭的补助", D("455.000"), None), ("资本性支出", None, D("6160.000"))]
    basic = sum(b for _, b, _ in econ if b); proj = sum(p for _, _, p in econ if p)
    assert basic == D("3914.175") and proj == D("8310.000") and basic + proj == exe
    prior = D("11188.555"); yoy = exe - prior; yoyp = pct(yoy, prior)
    I = [
        ("产出指标", "数量指标", "完成土地变更调查图斑核查", "≥1.2万个", "1.26万个", 8, 8, ""),
        ("产出指标", "数量指标", "不动产登记办件量", "≥18000件", "19342件", 8, 8, ""),
        ("产出指标", "数量指标", "完成地质灾害隐患点巡查", "每月1次", "每月1次", 6, 6, ""),
        ("产出指标", "质量指标", "不动产登记即时办结率", "≥80%", "83.5%", 8, 8, ""),
        ("产出指标", "质量指标", "测绘成果质量合格率", "100%", "100%", 6, 6, ""),
        ("产出指标", "时效指标", "国土空间规划编制按期完成率", "100%", "90%", 8, 6.2, "上级规划底图下发延迟"),
        ("产出指标", "成本指标", "耕地保护补偿标准", "300元/亩", "300元/亩", 6, 6, ""),
        ("效益指标", "经济效益指标", "土地出让收入", "≥8亿元", "7.4亿元", 8, 6.5, "房地产市场下行，部分地块流拍"),
        ("效益指标", "社会效益指标", "耕地保有量", "≥42.6万亩", "42.8万亩", 10, 10, ""),
        ("效益指标", "生态效益指标", "历史遗留矿山生态修复面积", "≥150亩", "162亩", 10, 10, ""),
        ("效益指标", "可持续影响指标", "耕地保护长效机制运行", "长期", "长期", 6, 6, ""),
        ("满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "97.1%", 10, 10, ""),
        ("满意度指标", "服务对象满意度指标", "被征地农户满意度", "≥85%", "86.3%", 6, 6, ""),
    ]
    tw = sum(i[5] for i in I); ts = sum(D(str(i[6])) for i in I)
    assert tw == 100, tw
    tasks = [
        ("国土空间规划编制", "完成县级国土空间总体规划成果编制并报批，同步开展乡镇级规划编制。", D("680.000"), "县级规划成果已上报，3个乡镇规划延至次年"),
        ("耕地保护与占补平衡", "落实耕地保护补偿，实施土地整治项目补充耕地。", D("2450.000"), "已完成"),
        ("不动产登记便民服务", "推行不动产登记“一窗受理、集成服务”，即时办结率达80%以上。", D("235.000"), "已完成"),
        ("地质灾害防治", "开展地质灾害隐患点巡查、监测和工程治理。", D("1120.000"), "已完成"),
    ]
    projs = [("耕地保护补偿资金", D("2450.000"), D("2391.650")), ("历史遗留矿山生态修复", D("1860.000"), D("1702.340")),
             ("地质灾害防治经费", D("1120.000"), D("1096.800")), ("不动产登记工作经费", D("235.000"), D("228.410"))]
    s3 = lambda x: sep(x, 3)
    fw = lambda s: s.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    T = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
    h = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Serif CJK SC';font-size:11pt} h1{font-size:16pt;text-align:center} h2{font-size:12.5pt} td{font-size:9.5pt}</style></head><body>"]
    h.append(f"<h1>{dept}<br>{year}年度部门整体支出绩效自评报告</h1>")
    h.append("<p align='center'>评价方式：部门自评　　报告日期：2022年5月10日</p>")
    h.append("<h2>一、综合评价结论</h2>")
    h.append(f"<p>根据部门整体支出绩效评价指标体系，经逐项核实打分，本局{year}年度部门整体支出绩效等级为“优”，各项指标得分情况详见本报告（五）绩效指标完成情况表。</p>")
    h.append("<h2>二、部门概况</h2>")
    h.append("<p>(一)职能职责。负责全县自然资源调查监测评价、确权登记、国土空间规划、耕地保护、地质灾害防治和矿产资源管理等工作。</p>")
    h.append(f"<p>(二)人员构成。本局核定编制{fw('62')}名（其中行政编制{fw('40')}名），在职在编人员58名，另有编外劳务派遣人员14名，退休人员33名。</p>")
    h.append("<h2>三、预算编制及执行</h2>")
    h.append(f"<p>(一)预算执行。{year}年全年预算数{s3(adj)}万元，实际支出数{s3(exe)}万元，预算完成率{rate} %。</p>")
    h.append("<p>(二)收入构成。" + "；".join(f"{p}{s3(v)}万元，占{pct(v, exe)} %" for _, p, v in inc) + f"，收入合计{s3(exe)}万元。</p>")
    h.append(f"<p>(三)支出构成。本年支出合计{s3(exe)}万元，较2020年度的{s3(prior)}万元增加{s3(yoy)}万元，增长{yoyp}%。按功能分类科目：" + "，".join(f"{k}{s3(v)}万元" for k, v in fn) + "。按经济分类见下表。</p>")
    h.append("<p align='right'>单位：万元</p>")
    h.append(T + "<tr><td align='center'>经济分类</td><td align='center'>基本支出</td><td align='center'>项目支出</td><td align='center'>合计</td></tr>")
    for k, b, p in econ:
        tot = (b or 0) + (p or 0)
        h.append(f"<tr><td>{k}</td><td align='right'>{s3(b) if b else '—'}</td><td align='right'>{s3(p) if p else '—'}</td><td align='right'>{s3(tot)}</td></tr>")
    h.append(f"<tr><td>合计</td><td align='right'>{s3(basic)}</td><td align='right'>{s3(proj)}</td><td align='right'>{s3(exe)}</td></tr></table>")
    h.append("<h2>四、重点项目和重点任务</h2>")
    h.append("<p>(一)重点项目支出情况</p><p align='right'>单位：万元</p>")
    h.append(T + "<tr><td align='center'>序号</td><td align='center'>项目名称</td><td align='center'>预算安排</td><td align='center'>实际支出</td><td align='center'>预算完成率</td></tr>")
    for i, (n, b, e) in enumerate(projs):
        h.append(f"<tr><td align='center'>{i+1}</td><td>{n}</td><td align='right'>{s3(b)}</td><td align='right'>{s3(e)}</td><td align='right'>{pct(e, b)}%</td></tr>")
    h.append("</table>")
    h.append("<p>(二)年度重点任务完成情况</p>")
    h.append(T + "<tr><td align='center'>重点任务</td><td align='center'>任务内容</td><td align='center'>预算金额（万元）</td><td align='center'>完成情况</td></tr>")
    for i, (n, ct, m, cp) in enumerate(tasks):
        h.append(f"<tr><td>（{i+1}）{n}</td><td>{ct}</td><td align='right'>{s3(m)}</td><td>{cp}</td></tr>")
    h.append("</table>")
    h.append("<p>(三)绩效管理开展情况</p>")
    for t in FILL4[:N4]:
        h.append(f"<p>{t}</p>")
    h.append("<h2>五、绩效指标完成情况</h2>")
    h.append("<p>绩效指标完成情况表</p>")
    h.append(T + "<thead><tr><td align='center'>一级指标</td><td align='center'>二级指标</td><td align='center'>指标名称</td><td align='center'>目标值</td><td align='center'>完成值</td><td align='center'>分值</td><td align='center'>得分</td><td align='center'>偏差原因</td></tr></thead><tbody>")
    l1span = {}; l2span = {}
    for i, r in enumerate(I):
        l1span.setdefault(r[0], []).append(i); l2span.setdefault((r[0], r[1]), []).append(i)
    for i, r in enumerate(I):
        tds = []
        if l1span[r[0]][0] == i:
            tds.append(f"<td align='center' rowspan='{len(l1span[r[0]])}'>{r[0]}</td>")
        if l2span[(r[0], r[1])][0] == i:
            tds.append(f"<td align='center' rowspan='{len(l2span[(r[0], r[1])])}'>{r[1]}</td>")
        tds += [f"<td>{r[2]}</td>", f"<td align='center'>{r[3]}</td>", f"<td align='center'>{r[4]}</td>", f"<td align='center'>{r[5]}</td>", f"<td align='center'>{r[6]}</td>", f"<td>{r[7] or '/'}</td>"]
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append(f"<tr><td colspan='5' align='center'>合计</td><td align='center'>{tw}</td><td align='center'>{ts}</td><td></td></tr></tbody></table>")
    h.append("<h2>六、存在问题及改进措施</h2><p>部分项目受外部因素影响进度滞后；绩效目标设置的精准度有待提高。下一步将加强项目全过程跟踪管理。</p>")
    h.append("</body></html>")
    f = "北湖市青石县自然资源局-2021"
    open(f"{B}/{f}.html", "w").write("\n".join(h))
    lines = ([{"section": "income", "item": k, "amount": fl(v), "share": fl(pct(v, exe))} for k, _, v in inc] +
             [{"section": "expenditure_by_function", "item": k, "amount": fl(v), "share": None} for k, v in fn] +
             [{"section": "basic_expenditure", "item": k, "amount": fl(b), "share": None} for k, b, _ in econ if b] +
             [{"section": "project_expenditure", "item": k, "amount": fl(p), "share": None} for k, _, p in econ if p])
    gold(f + ".pdf", dept, year, "部门整体支出绩效自评报告", fl(ts), "优",
         {"authorized": 62, "in_service": 58, "contract": 14, "retired": 33},
         {"budget_total": fl(adj), "executed_total": fl(exe), "execution_rate": fl(rate), "income_total": fl(exe),
          "expenditure_total": fl(exe), "basic_total": fl(basic), "basic_share": None, "project_total": fl(proj),
          "project_share": None, "yoy_change": fl(yoy), "yoy_change_pct": fl(yoyp), "prior_executed_total": fl(prior)},
         lines,
         [{"level1": r[0], "level2": r[1], "level3": r[2], "target": r[3], "actual": r[4], "weight": r[5], "score": r[6]} for r in I],
         [{"seq": i + 1, "name": n, "planned": fl(m)} for i, (n, ct, m, cp) in enumerate(tasks)],
         [{"name": n, "budget": fl(b), "executed": fl(e), "rate": fl(pct(e, b))} for n, b, e in projs],
         [], "P4-lo-scorefirst")
    return f


FILL2 = [
 "1、健全绩效管理制度。制定《绩效目标管理实施细则》，将绩效目标编制纳入预算编制全过程，做到“预算编制有目标、执行有监控、完成有评价、结果有应用”。",
 "2、开展绩效运行监控。每季度对重点项目绩效目标完成情况和预算执行进度实施“双监控”，对执行进度滞后的项目发出预警通知，督促项目科室分析原因并整改。",
 "3、做好绩效自评工作。组织各科室和下属单位对照年初绩效目标逐项开展自评，对偏差较大的指标说明原因并提出改进措施，自评结果报区财政局备案。",
 "4、推进结果应用。将绩效自评结果作为下一年度预算安排的重要依据，对绩效较差的项目压减预算，对绩效突出的项目优先保障。",
 "5、加强信息公开。按规定在区政府门户网站公开部门预算、决算及重点项目绩效目标和自评结果，主动接受社会监督。",
 "6、强化资产管理。对本单位固定资产进行全面清查盘点，做到账实相符，资产使用效率进一步提高。",
 "7、规范政府采购。严格执行政府采购目录和限额标准，全年完成政府采购项目21个，节约资金约3.2%。",
]
FILL4 = [
 "1.建立绩效目标管理机制，将整体支出绩效目标分解落实到各股室和下属单位。",
 "2.对重点项目实行预算执行进度和绩效目标实现程度“双监控”，每季度通报一次。",
 "3.组织开展部门整体支出和项目支出绩效自评，自评覆盖率达到100%。",
 "4.将上年度绩效评价发现的问题纳入整改台账，逐项销号。",
 "5.按规定公开部门预决算信息和绩效自评结果，接受社会监督。",
 "6.加强财务内控建设，修订完善财务报销、合同管理、资产管理等内控制度9项。",
 "7.开展预算绩效管理业务培训2期，参训人员86人次。",
 "8.聘请第三方机构对耕地保护补偿资金使用情况开展抽查，抽查覆盖12个乡镇。",
 "9.推动绩效评价结果与预算安排挂钩，压减低效无效支出约120万元。",
 "10.加强对下属单位预算执行情况的指导和监督，下属单位预算执行率均达到90%以上。",
 "11.完善项目库管理，入库项目均设置绩效目标并经审核。",
 "12.做好绩效运行监控结果的分析运用，对偏离绩效目标的项目及时调整实施方案。",
 "13.对政府采购项目实行全流程监督，确保采购程序合法合规。",
 "14.推进财务信息化建设，实现预算编制、执行、核算一体化管理。",
]
N2, N4 = int(os.environ.get("N2", 7)), int(os.environ.get("N4", 14))

if __name__ == "__main__":
    for fn_ in (r1, r2_, r3, r4):
        print(fn_())
