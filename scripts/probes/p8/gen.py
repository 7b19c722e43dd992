#!/usr/bin/env python3
"""p8: prose and table variations of whole-department reports (invented 澄湖市 counties).

Staff phrasings (行政编制N人, 行政事业总编制为N个, 全局现有在职人员N人, YYYY年末在职人数N人, form cells); budget tables
项目 | 年初预算（万元） | 调整后预算（万元） | 执行数（万元） | 执行率 with a 部门整体支出 total row over 其中：基本支出 / 项目支出;
a department named only in the signature and a 填报单位 line while cited document titles name other bodies; a report
inside a 部门决算 publication whose figures are only in its prose; prose totals with parts (one planted not adding);
a sentence naming a part of 项目支出 that is not a second statement of it; 分值 / 得分 columns beside amounts.
Gold in the corpus format; planted discrepancies listed there."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from probelib import C, D, Html, disc, fl, gold, ind, indicator_rows, line, pct, proj, q  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
B, CORPUS = f"{ROOT}/build", f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True)
CITY = "澄湖市"
PRODUCERS = []


def inds(I):
    return [ind(i[0], i[1], i[2], i[3], i[4], i[5], i[6]) for i in I]


def ind_table(h, I, total_label="合计", with_reason=False):
    cols = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"] + (["偏差原因分析及改进措施"] if with_reason else [])
    rows = [dict(l1=i[0], l2=i[1], l3=i[2], target=i[3], actual=i[4], weight=i[5], score=i[6], reason=(i[7] if len(i) > 7 else "")) for i in I]
    keys = ["target", "actual", "weight", "score"] + (["reason"] if with_reason else [])
    tw = sum(D(str(i[5])) for i in I)
    ts = sum(D(str(i[6])) for i in I)
    foot = [[C(total_label, cs=5), C(str(tw)), C(str(ts))] + ([C("")] if with_reason else [])] if total_label else []
    h.table([[C(x) for x in cols]] + indicator_rows(rows, keys) + foot, [1.5, 1.9, 3.2, 1.7, 1.7, 0.9, 0.9] + ([2.6] if with_reason else []))
    return ts


def budget_table(h, init_b, init_p, bud_b, bud_p, exe_b, exe_p, total_row="部门整体支出"):
    """项目 | 年初预算（万元） | 调整后预算（万元） | 执行数（万元） | 执行率, a total row over 其中 rows"""
    rows = [[C("项目"), C("年初预算（万元）"), C("调整后预算（万元）"), C("执行数（万元）"), C("执行率")]]
    rows.append([C(total_row, "l"), C(str(init_b + init_p), "r"), C(str(bud_b + bud_p), "r"), C(str(exe_b + exe_p), "r"),
                 C(f"{pct(exe_b + exe_p, bud_b + bud_p)}%", "r")])
    rows.append([C("其中：基本支出", "l"), C(str(init_b), "r"), C(str(bud_b), "r"), C(str(exe_b), "r"), C(f"{pct(exe_b, bud_b)}%", "r")])
    rows.append([C("　　　项目支出", "l"), C(str(init_p), "r"), C(str(bud_p), "r"), C(str(exe_p), "r"), C(f"{pct(exe_p, bud_p)}%", "r")])
    h.table(rows, [3, 2, 2, 2, 1.4])


def totals(init, bud, exe, basic, projt, inc_total=None, yoy=None, prior=None):
    t = {"budget_total": bud, "initial_budget": init, "executed_total": exe, "execution_rate": pct(exe, bud),
         "income_total": inc_total if inc_total is not None else exe, "expenditure_total": exe,
         "basic_total": basic, "basic_share": pct(basic, exe), "project_total": projt, "project_share": pct(projt, exe)}
    if yoy is not None:
        t.update({"yoy_change": yoy, "yoy_change_pct": pct(yoy, prior), "prior_executed_total": prior})
    return t


def emit(h, dept, year, producer, report, staff, tot, lines, I, projs, discs, template, kind="部门整体支出绩效自评报告"):
    stem = f"{dept}-{year}"
    h.write(f"{B}/{stem}.html")
    rep = {"department": dept, "fiscal_year": year, "report_kind": kind}
    rep.update(report)
    gold(CORPUS, stem + ".pdf", rep, staff, tot, lines, I, [], projs, discs, template=template)
    PRODUCERS.append((stem, producer))


# ------------------------------------------------------------------ S1 农业农村局: 部门整体支出 table, 行政编制 / 全局现有在职人员
def s1():
    dept, y = f"{CITY}梅溪县农业农村局", 2021
    staff = {"authorized": 43, "in_service": 41, "contract": None, "retired": 26}
    init_b, init_p, bud_b, bud_p = D("980.00"), D("2350.00"), D("1012.60"), D("2986.40")
    bp = [("工资福利支出", D("812.35")), ("商品和服务支出", D("126.48")), ("对个人和家庭的补助", D("58.21"))]
    exe_b = sum(v for _, v in bp)
    exe_p = D("2874.06")
    exe = exe_b + exe_p
    inc = [("一般公共预算财政拨款收入", D("3215.42")), ("政府性基金预算财政拨款收入", D("580.00"))]
    inc.append(("其他收入", exe - sum(v for _, v in inc)))
    projs = [("高标准农田建设项目", D("1460.00"), D("1412.38")), ("农业产业发展专项资金", D("820.40"), D("796.15")), ("动物疫病防控经费", D("186.00"), D("172.64"))]
    I = [("产出指标", "数量指标", "新建高标准农田面积", "≥1.5万亩", "1.56万亩", 10, 10),
         ("产出指标", "数量指标", "培训高素质农民人数", "≥300人", "326人", 10, 10),
         ("产出指标", "质量指标", "农产品质量安全抽检合格率", "≥98%", "98.6%", 10, 10),
         ("产出指标", "时效指标", "补贴资金兑付及时率", "100%", "100%", 10, 10),
         ("产出指标", "成本指标", "高标准农田亩均投资", "≤1500元", "1468元", 10, 10),
         ("效益指标", "经济效益指标", "农村居民人均可支配收入增幅", "≥7%", "6.4%", 15, 12),
         ("效益指标", "社会效益指标", "粮食总产量", "≥21万吨", "21.3万吨", 15, 15),
         ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "92.8%", 20, 20)]
    h = Html()
    h.h1(f"{dept}{y}年度部门整体支出绩效自评报告")
    h.h2("一、部门概况")
    h.p("本局主要负责统筹推进全县农业农村经济发展、粮食安全、耕地保护建设、农产品质量安全监管和乡村振兴等工作，"
        "内设办公室、农村经济股、种植业股、畜牧兽医股、农田建设股5个股室，下属县农业技术推广中心、县动物疫病预防控制中心2个事业单位。")
    h.p(f"本局行政编制{staff['authorized']}人，全局现有在职人员{staff['in_service']}人，退休人员{staff['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.h3("（一）收入情况")
    h.p(f"{y}年度本局收入合计{exe}万元，其中：" + "；".join(f"{k}{v}万元，占{pct(v, exe)}%" for k, v in inc) + "。")
    h.h3("（二）预算执行情况")
    h.p("本年度部门预算执行情况如下表：")
    budget_table(h, init_b, init_p, bud_b, bud_p, exe_b, exe_p)
    h.p(f"基本支出{exe_b}万元，包括" + "、".join(f"{k}{v}万元" for k, v in bp) + "；项目支出主要用于高标准农田建设、农业产业发展和动物疫病防控。")
    h.h3("（三）重点项目支出情况")
    h.table([[C("项目名称"), C("调整后预算（万元）"), C("执行数（万元）"), C("执行率")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r")] for n, b, e in projs], [4.6, 2, 2, 1.4])
    h.h2("三、部门整体支出绩效情况")
    score = ind_table(h, I)
    h.h2("四、存在的问题及改进措施")
    h.p("农村居民人均可支配收入增幅6.4%，低于7%的年度目标，主要受农产品价格下行影响。下一步将加大产业扶持力度，拓宽农民增收渠道。")
    h.h2("五、自评结论")
    h.p(f"经综合评价，本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为“优”。")
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "优"}, staff,
         totals(init_b + init_p, bud_b + bud_p, exe, exe_b, exe_p),
         [line("income", k, v, pct(v, exe)) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp],
         inds(I), [proj(*p) for p in projs], [], "budget-table-whole-dept-chromium")


# ------------------------------------------------------------------ S2 文化旅游广电局: name only in signature / 填报单位; planted parts
def s2():
    dept, y = f"{CITY}锦溪县文化旅游广电局", 2022
    staff = {"authorized": 86, "in_service": 79, "contract": 12, "retired": 37}
    bp = [("工资福利支出", D("896.52")), ("商品和服务支出", D("148.36")), ("对个人和家庭的补助", D("64.08"))]
    basic = sum(v for _, v in bp)
    projt = D("312.45")
    parts = [("文化惠民工程经费", D("120.00")), ("旅游宣传推广经费", D("100.00")), ("广播电视村村通维护经费", D("92.54"))]  # add to 312.54
    exe = basic + projt
    init, bud = D("1380.00"), D("1468.20")
    inc = [("一般公共预算财政拨款收入", exe - D("36.80")), ("其他收入", D("36.80"))]
    I = [("产出指标", "数量指标", "送戏下乡场次", "≥120场", "126场", 10, 10),
         ("产出指标", "数量指标", "公共图书馆年接待人次", "≥15万人次", "16.2万人次", 10, 10),
         ("产出指标", "质量指标", "广播电视综合覆盖率", "≥99%", "99.3%", 10, 10),
         ("产出指标", "时效指标", "文化惠民活动按期完成率", "100%", "100%", 10, 10),
         ("效益指标", "社会效益指标", "接待游客人次", "≥320万人次", "336万人次", 15, 15),
         ("效益指标", "经济效益指标", "旅游综合收入", "≥28亿元", "26.5亿元", 15, 12.5),
         ("效益指标", "可持续影响指标", "文物安全事故发生数", "0起", "0起", 10, 10),
         ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "94.6%", 20, 20)]
    h = Html()
    h.h1(f"{y}年度部门整体支出绩效自评报告")
    h.p(f"根据《{CITY}人民政府关于全面实施预算绩效管理的实施意见》《锦溪县人民政府办公室关于开展{y}年度部门整体支出绩效自评工作的通知》"
        f"和《锦溪县财政局关于做好{y}年度预算绩效自评工作的通知》要求，本局对{y}年度部门整体支出开展了绩效自评，现将有关情况报告如下。")
    h.h2("一、部门基本情况")
    h.p("本局负责全县文化、旅游、广播电视和文物事业发展，组织实施文化惠民工程，负责旅游市场监管和宣传推广。"
        f"本局行政事业总编制为{staff['authorized']}个，{y}年末在职人数{staff['in_service']}人，编外聘用人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度年初预算{init}万元，调整后预算{bud}万元，全年实际支出{exe}万元，预算执行率{pct(exe, bud)}%。")
    h.p(f"收入方面，本年收入合计{exe}万元，其中" + "，".join(f"{k}{v}万元" for k, v in inc) + "。")
    h.p(f"支出方面，基本支出{basic}万元，其中" + "、".join(f"{k}{v}万元" for k, v in bp) +
        f"；项目支出{projt}万元，其中：" + "；".join(f"{k}{v}万元" for k, v in parts) + "。")
    h.p(f"按照《锦溪县人民政府关于印发锦溪县文化旅游融合发展三年行动方案的通知》和《{CITY}人民政府办公室关于促进全域旅游发展的意见》，"
        "本局全年组织文化旅游节会活动6场，完成A级旅游景区提质改造2处。")
    h.h2("三、绩效目标完成情况")
    score = ind_table(h, I)
    h.h2("四、存在问题")
    h.p("旅游综合收入未达到年度目标；个别项目资金支付进度偏慢。下一步将严格执行《锦溪县人民政府关于进一步加强预算执行管理的通知》，加快支出进度。")
    h.h2("五、自评结论")
    h.p(f"本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为“优”。")
    h.p(f"附：{y}年度部门整体支出绩效自评基础数据", "ni")
    h.p(f"填报单位：{dept}　　　　　　　单位：万元", "ni")
    h.table([[C("年初预算数"), C("调整后预算数"), C("全年执行数"), C("预算执行率")],
             [C(str(init), "r"), C(str(bud), "r"), C(str(exe), "r"), C(f"{pct(exe, bud)}%", "r")]], [1, 1, 1, 1])
    h.br(1)
    h.p(dept, "sig")
    h.p(f"{y + 1}年3月20日", "sig")
    emit(h, dept, y, "lo", {"self_score": fl(score), "grade": "优"}, staff, totals(init, bud, exe, basic, projt),
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp], inds(I), [],
         [disc("sum_mismatch", "project_total", projt, sum(v for _, v in parts))], "name-in-signature-lo")


# ------------------------------------------------------------------ S3 司法局: a 部门决算 publication, figures only in its prose
def s3():
    dept, y = f"{CITY}潇北区司法局", 2023
    staff = {"authorized": 64, "in_service": 57, "contract": None, "retired": 21}
    bp = [("工资福利支出", D("612.40")), ("商品和服务支出", D("84.19")), ("对个人和家庭的补助", D("89.75"))]
    basic = sum(v for _, v in bp)
    projt = D("532.28")
    exe = basic + projt
    fn = [("公共安全支出", None), ("社会保障和就业支出", D("126.30")), ("卫生健康支出", D("38.12")), ("住房保障支出", D("51.74"))]
    fn[0] = ("公共安全支出", exe - sum(v for _, v in fn[1:]))
    inc = [("一般公共预算财政拨款收入", D("1296.50")), ("其他收入", D("27.68"))]
    inc_total = sum(v for _, v in inc)
    carry_in = D("62.24")
    total_in = inc_total + carry_in
    carry_out = total_in - exe
    bud = D("1352.40")
    init = D("1180.00")
    prior = exe - D("45.26")
    I = [("产出指标", "数量指标", "人民调解案件受理数", "≥1800件", "1926件", 15, 15),
         ("产出指标", "数量指标", "法律援助案件办结数", "≥420件", "438件", 15, 15),
         ("产出指标", "质量指标", "人民调解成功率", "≥95%", "97.2%", 15, 15),
         ("产出指标", "时效指标", "法律援助案件指派及时率", "100%", "100%", 10, 10),
         ("效益指标", "社会效益指标", "社区矫正对象再犯罪率", "≤0.2%", "0.1%", 15, 15),
         ("效益指标", "社会效益指标", "普法宣传覆盖率", "≥90%", "88%", 10, 8.6),
         ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 20, 20)]
    score = sum(D(str(i[6])) for i in I)
    h = Html()
    h.br(6)
    h.p(f"{dept}", "cover")
    h.p(f"{y}年度部门决算", "cover")
    h.pagebreak()
    h.p("目　录", "cap")
    for t in ("第一部分　部门概况", "第二部分　部门决算表", "第三部分　部门决算情况说明", "第四部分　其他重要事项的情况说明",
              f"第五部分　{y}年度部门整体支出绩效自评报告", "第六部分　名词解释"):
        h.p(t, "ni")
    h.pagebreak()
    h.h2("第一部分　部门概况")
    h.p("一、主要职能：负责全区人民调解、法律援助、社区矫正、普法宣传和公共法律服务体系建设等工作。")
    h.p(f"二、机构设置及人员情况：本部门内设办公室、法治调研股、人民参与和促进法治股等6个股室，下设9个司法所。"
        f"本部门编制{staff['authorized']}人，{y}年末在职人数{staff['in_service']}人，离退休人员{staff['retired']}人。")
    h.h2("第二部分　部门决算表")
    h.p("（详见附件：收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表等9张报表）")
    h.h2("第三部分　部门决算情况说明")
    h.h3("一、收入支出决算总体情况说明")
    h.p(f"{y}年度收入总计{total_in}万元，支出总计{total_in}万元。与上年相比，收、支总计各增加58.12万元，主要是社区矫正中心建设支出增加。")
    h.h3("二、收入决算情况说明")
    h.p(f"本年收入合计{inc_total}万元，其中：" + "；".join(f"{k.replace('一般公共预算', '')}{v}万元，占{pct(v, inc_total)}%" for k, v in inc) +
        f"。另有年初结转和结余{carry_in}万元。")
    h.h3("三、支出决算情况说明")
    h.p(f"本年支出合计{exe}万元，其中：基本支出{basic}万元，占{pct(basic, exe)}%；项目支出{projt}万元，占{pct(projt, exe)}%。"
        f"年末结转和结余{carry_out}万元。")
    h.p("按支出功能分类，" + "，".join(f"{k}{v}万元" for k, v in fn) + "。")
    h.p("按经济分类，基本支出中" + "、".join(f"{k}{v}万元" for k, v in bp) + "。")
    h.p(f"本年支出合计较上年增加45.26万元，增长{pct(D('45.26'), prior)}%。")
    h.h3("四、财政拨款支出决算情况说明")
    h.p(f"{y}年度财政拨款支出{exe - D('21.40')}万元，年初预算为{init}万元，支出决算完成年初预算的{pct(exe - D('21.40'), init)}%，"
        "决算数大于年初预算数的主要原因是年中追加社区矫正中心建设经费。")
    h.h3("五、“三公”经费支出决算情况说明")
    h.p(f"{y}年度“三公”经费支出决算为6.84万元，完成预算的76.00%，其中：公务接待费1.26万元，公务用车运行维护费5.58万元。")
    h.h2("第四部分　其他重要事项的情况说明")
    h.p(f"机关运行经费支出84.19万元；政府采购支出总额126.50万元，其中授予中小企业合同金额118.30万元，占93.52%。")
    h.h2(f"第五部分　{y}年度部门整体支出绩效自评报告")
    h.p(f"按照区财政局统一部署，本部门对{y}年度部门整体支出开展绩效自评。全年预算数{bud}万元，全年执行数{exe}万元，预算执行率{pct(exe, bud)}%。"
        f"收支情况详见第三部分。绩效指标完成情况如下：")
    ind_table(h, I)
    h.p(f"经自评，本部门{y}年度部门整体支出绩效自评得分{score}分，自评等级为“优”。")
    h.h2("第六部分　名词解释")
    h.p("财政拨款收入：指本级财政当年拨付的资金。年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。")
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "优"}, staff,
         totals(init, bud, exe, basic, projt, inc_total=inc_total, yoy=D("45.26"), prior=prior),
         [line("income", k, v, pct(v, inc_total)) for k, v in inc] + [line("expenditure_by_function", k, v) for k, v in fn] +
         [line("basic_expenditure", k, v) for k, v in bp], inds(I), [], [], "juesuan-publication-prose-chromium")


# ------------------------------------------------------------------ S4 住房和城乡建设局: parts that add, a named part, 分值/得分 beside amounts
def s4():
    dept, y = f"{CITY}梅溪县住房和城乡建设局", 2023
    staff = {"authorized": 65, "in_service": 62, "contract": 9, "retired": 18}
    bp = [("工资福利支出", D("702.18")), ("商品和服务支出", D("96.40")), ("对个人和家庭的补助", D("31.26"))]
    basic = sum(v for _, v in bp)
    pp = [("商品和服务支出", D("486.30")), ("资本性支出", D("1650.00"))]
    projt = sum(v for _, v in pp)
    exe = basic + projt
    init, bud = D("2600.00"), D("3068.50")
    inc = [("一般公共预算财政拨款收入", D("2318.64")), ("政府性基金预算财政拨款收入", D("560.00"))]
    inc.append(("其他收入", exe - sum(v for _, v in inc)))
    projs = [("老旧小区改造项目", D("1280.00"), D("1246.35"), 10, D("9.7")), ("城市燃气安全整治", D("420.00"), D("402.60"), 10, D("9.6")),
             ("农村危房改造补助", D("268.00"), D("268.00"), 10, D("10"))]
    I = [("产出指标", "数量指标", "改造老旧小区个数", "≥12个", "12个", 15, 15),
         ("产出指标", "数量指标", "农村危房改造户数", "≥180户", "186户", 10, 10),
         ("产出指标", "质量指标", "工程质量验收合格率", "100%", "100%", 15, 15),
         ("产出指标", "时效指标", "燃气隐患整治完成时限", "11月底前", "11月20日", 10, 10),
         ("效益指标", "社会效益指标", "受益居民户数", "≥3600户", "3820户", 15, 15),
         ("效益指标", "可持续影响指标", "燃气安全事故起数", "0起", "0起", 15, 15),
         ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "91.2%", 20, 19)]
    h = Html()
    h.h1(f"{dept}\n{y}年度部门整体支出绩效自评报告".replace("\n", " "))
    h.h2("一、部门基本情况")
    h.p(f"本局负责全县住房保障、城乡建设、建筑业和房地产市场监管等工作。核定编制{staff['authorized']}名，全局现有在职人员{staff['in_service']}人，"
        f"编外人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度年初预算{init}万元，调整后预算{bud}万元，实际支出{exe}万元，预算执行率{pct(exe, bud)}%。")
    h.p(f"本年收入合计{exe}万元，其中" + "、".join(f"{k}{v}万元" for k, v in inc) + "。")
    h.p(f"基本支出{basic}万元，占{pct(basic, exe)}%，其中" + "、".join(f"{k}{v}万元" for k, v in bp) +
        f"；项目支出{projt}万元，占{pct(projt, exe)}%，其中" + "、".join(f"{k}{v}万元" for k, v in pp) + "。")
    h.p("项目支出包括城乡规划编制经费36.3万元，主要用于县城控制性详细规划修编和村庄规划编制。")
    h.p("上级补助专项资金89.97万元，其中：城镇保障性安居工程补助30万元；城市管网改造补助30万元；农村房屋安全隐患排查补助29.97万元。")
    h.h2("三、重点项目绩效情况")
    h.p("单位：万元", "u")
    h.table([[C("项目名称"), C("全年预算数"), C("全年执行数"), C("执行率"), C("分值"), C("得分")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r"), C(str(w)), C(str(s))] for n, b, e, w, s in projs],
            [4, 1.8, 1.8, 1.4, 1, 1])
    h.h2("四、绩效指标完成情况")
    score = ind_table(h, I)
    h.h2("五、自评结论")
    h.p(f"本局{y}年度部门整体支出绩效自评得分{score}分，自评等级为优。")
    emit(h, dept, y, "lo", {"self_score": fl(score), "grade": "优"}, staff, totals(init, bud, exe, basic, projt),
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp] + [line("project_expenditure", k, v) for k, v in pp],
         inds(I), [proj(n, b, e) for n, b, e, *_ in projs], [], "named-part-scores-lo")


# ------------------------------------------------------------------ S5 应急管理局: table vs prose executed (planted), 分值/得分 scoring table
def s5():
    dept, y = f"{CITY}锦溪县应急管理局", 2021
    staff = {"authorized": 31, "in_service": 29, "contract": 6, "retired": 14}
    init_b, init_p, bud_b, bud_p = D("520.00"), D("1180.00"), D("536.80"), D("1368.20")
    exe_b, exe_p = D("528.62"), D("1333.78")
    exe = exe_b + exe_p  # 1862.40
    prose_exe = D("1826.40")  # planted: digits transposed in the prose
    bud = bud_b + bud_p
    rate = pct(exe, bud)
    prior = exe - D("124.60")
    S = [("预算执行率", 10, q(10 * rate / 100, "0.01"), "执行数÷调整后预算×分值"), ("结转结余率", 5, D("5"), "结转结余率≤5%得满分"),
         ("三公经费控制率", 5, D("5"), "未超预算得满分"), ("政府采购执行率", 5, D("4.5"), "每低1个百分点扣0.5分"),
         ("管理制度健全性", 5, D("5"), "制度健全得满分")]
    I = [("产出指标", "数量指标", "安全生产执法检查企业数", "≥600家", "648家", 10, 10),
         ("产出指标", "数量指标", "应急演练场次", "≥40场", "46场", 10, 10),
         ("产出指标", "质量指标", "隐患整改率", "≥95%", "97.8%", 10, 10),
         ("产出指标", "时效指标", "灾情信息报送及时率", "100%", "100%", 10, 10),
         ("效益指标", "社会效益指标", "生产安全事故死亡人数下降率", "≥5%", "8.3%", 10, 10),
         ("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "90.6%", 20, 19.5)]
    score = sum(s for _, _, s, _ in S) + sum(D(str(i[6])) for i in I)
    assert sum(w for _, w, _, _ in S) + sum(i[5] for i in I) == 100
    h = Html()
    h.h1(f"{dept}{y}年度部门整体支出绩效自评报告")
    h.h2("一、部门基本情况")
    h.p(f"本局内设办公室、安全生产综合股、应急指挥股、执法大队。行政编制{staff['authorized']}人，实有在职人员{staff['in_service']}人，"
        f"政府购买服务人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度调整后预算{bud}万元，全年实际支出{prose_exe}万元，较上年增加124.60万元，增长{pct(D('124.60'), prior)}%。预算执行情况见下表。")
    budget_table(h, init_b, init_p, bud_b, bud_p, exe_b, exe_p)
    h.h2("三、绩效评价情况")
    h.p("（一）预算管理指标评分")
    h.table([[C("评价指标"), C("分值"), C("得分"), C("评分依据")]] + [[C(a, "l"), C(str(w)), C(str(s)), C(r, "l")] for a, w, s, r in S], [3, 1, 1, 4])
    h.p("（二）绩效目标指标评分")
    ind_table(h, I, total_label=None)
    h.h2("四、自评结论")
    h.p(f"预算管理指标得分{sum(s for _, _, s, _ in S)}分，绩效目标指标得分{sum(D(str(i[6])) for i in I)}分，本局{y}年度部门整体支出绩效自评总分{score}分，等级为“优”。")
    t = totals(init_b + init_p, bud, exe, exe_b, exe_p, yoy=D("124.60"), prior=prior)
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "优"}, staff, t, [], inds(I), [],
         [disc("restated_mismatch", "executed_total", prose_exe, exe)], "budget-table-scoretable-chromium")


# ------------------------------------------------------------------ S6 退役军人事务局: form only, name only in 填报单位, planted grade
def s6():
    dept, y = f"{CITY}潇北区退役军人事务局", 2022
    staff = {"authorized": 18, "in_service": 16, "contract": None, "retired": None}
    init_b, init_p, bud_b, bud_p = D("210.00"), D("640.00"), D("218.40"), D("702.30")
    exe_b, exe_p = D("215.26"), D("668.12")
    init, bud, exe = init_b + init_p, bud_b + bud_p, exe_b + exe_p
    rate = pct(exe, bud)
    ew = 10
    es = q(D(ew) * rate / 100, "0.01")
    I = [("产出指标", "数量指标", "优抚对象抚恤补助发放人数", "≥1500人", "1536人", 10, 10, ""),
         ("产出指标", "数量指标", "走访慰问困难退役军人户数", "≥300户", "312户", 10, 10, ""),
         ("产出指标", "质量指标", "抚恤补助发放准确率", "100%", "100%", 10, 10, ""),
         ("产出指标", "时效指标", "抚恤金按月发放率", "100%", "100%", 10, 10, ""),
         ("效益指标", "社会效益指标", "退役军人就业安置率", "≥95%", "91%", 20, 12, "部分退役士兵选择自主就业，下一步加强就业培训"),
         ("效益指标", "可持续影响指标", "服务站规范化建设覆盖率", "≥90%", "85%", 10, 7, "2个街道服务站场地未落实"),
         ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", 20, 20, "")]
    assert sum(i[5] for i in I) + ew == 100
    score = sum(D(str(i[6])) for i in I) + es
    grade_printed = "优"
    grade_true = "良" if score < 90 else "优"
    assert grade_true == "良", score
    h = Html()
    h.p("部门整体支出绩效自评表", "cap")
    h.p(f"（{y}年度）", "cap")
    h.p(f"填报单位（盖章）：{dept}　　　　　　　　　填报日期：{y + 1}年4月6日", "ni")
    rows = [[C("编制人数"), C(str(staff["authorized"])), C("实有人数"), C(str(staff["in_service"])), C("单位：万元", cs=3)],
            [C("年度预算资金"), C("年初预算数"), C("全年预算数"), C("全年执行数"), C("分值"), C("执行率"), C("得分")],
            [C("年度资金总额"), C(str(init), "r"), C(str(bud), "r"), C(str(exe), "r"), C(str(ew)), C(f"{rate}%"), C(str(es))],
            [C("其中：基本支出"), C(str(init_b), "r"), C(str(bud_b), "r"), C(str(exe_b), "r"), C("—"), C("—"), C("—")],
            [C("项目支出"), C(str(init_p), "r"), C(str(bud_p), "r"), C(str(exe_p), "r"), C("—"), C("—"), C("—")],
            [C("年度总体目标", rs=2), C("预期目标", cs=3), C("实际完成情况", cs=3)],
            [None, C(f"贯彻落实《{CITY}人民政府关于加强退役军人服务保障体系建设的意见》和《潇北区人民政府办公室关于做好退役军人就业创业工作的通知》，"
                     "按时足额发放各类优抚资金，推进服务站规范化建设。", "l", cs=3),
             C(f"全年发放抚恤补助1536人，走访慰问困难退役军人312户；按《{CITY}人民政府办公室关于印发退役军人服务站建设标准的通知》完成服务站提质11个。", "l", cs=3)]]
    h.table(rows, [2.2, 1.6, 1.6, 1.6, 1, 1.2, 1])
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")]] +
            indicator_rows([dict(l1=i[0], l2=i[1], l3=i[2], target=i[3], actual=i[4], weight=i[5], score=i[6], reason=i[7]) for i in I],
                           ["target", "actual", "weight", "score", "reason"]) +
            [[C("总分", cs=5), C("100"), C(str(score)), C("")], [C("自评等级", cs=5), C(grade_printed, cs=3)]],
            [1.4, 1.8, 3, 1.5, 1.5, 0.9, 0.9, 3])
    h.p("单位负责人：　　　　　财务负责人：　　　　　填表人：", "ni")
    emit(h, dept, y, "lo", {"self_score": fl(score), "grade": grade_printed}, staff, totals(init, bud, exe, exe_b, exe_p),
         [], [ind(*i[:7]) for i in I], [], [disc("grade_mismatch", "grade", grade_printed, grade_true)], "form-only-filer-lo",
         kind="部门整体支出绩效自评表")


# ------------------------------------------------------------------ S7 城市管理局: 行政编制161人, planted income parts
def s7():
    dept, y = f"{CITY}梅溪县城市管理和综合执法局", 2022
    staff = {"authorized": 161, "in_service": 158, "contract": 236, "retired": 74}
    inc_printed = D("2046.38")
    inc = [("一般公共预算财政拨款收入", D("1892.40")), ("事业收入", D("86.20")), ("其他收入", D("58.78"))]  # add to 2037.38
    bp = [("工资福利支出", D("1326.48")), ("商品和服务支出", D("168.34")), ("对个人和家庭的补助", D("94.60"))]
    basic = sum(v for _, v in bp)
    projt = D("447.96")
    exe = basic + projt
    init, bud = D("1900.00"), D("2124.80")
    prior = exe + D("86.35")
    projs = [("城区环卫保洁服务", D("268.00"), D("262.40")), ("市政设施维护", D("146.00"), D("139.86"))]
    I = [("产出指标", "数量指标", "城区道路机械化清扫面积", "≥320万平方米", "335万平方米", 15, 15),
         ("产出指标", "数量指标", "违法建设查处宗数", "≥150宗", "163宗", 10, 10),
         ("产出指标", "质量指标", "生活垃圾无害化处理率", "100%", "100%", 15, 15),
         ("产出指标", "时效指标", "市政设施报修处置及时率", "≥95%", "96.8%", 10, 10),
         ("效益指标", "社会效益指标", "城市管理问题结案率", "≥95%", "94.1%", 15, 13),
         ("效益指标", "生态效益指标", "生活垃圾分类覆盖率", "≥80%", "82%", 15, 15),
         ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "90.4%", 20, 20)]
    h = Html()
    h.h1(f"{dept}")
    h.h1(f"{y}年度部门整体支出绩效自评报告")
    h.h2("一、部门概况")
    h.p(f"本局行政编制{staff['authorized']}人，实有在职人员{staff['in_service']}人；另有环卫、协管等编外人员{staff['contract']}人，退休人员{staff['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年年初预算{init}万元，全年预算{bud}万元，全年执行{exe}万元，预算执行率{pct(exe, bud)}%。"
        f"支出较上年减少86.35万元，下降{pct(D('86.35'), prior)}%，主要是上年一次性设备购置支出本年不再发生。")
    h.p(f"本年收入合计{inc_printed}万元，其中：" + "；".join(f"{k}{v}万元" for k, v in inc) + "。")
    h.p(f"本年支出合计{exe}万元，其中：基本支出{basic}万元，包括" + "、".join(f"{k}{v}万元" for k, v in bp) + f"；项目支出{projt}万元。")
    h.h2("三、重点项目支出情况")
    h.table([[C("项目名称"), C("全年预算（万元）"), C("全年执行（万元）"), C("执行率")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r")] for n, b, e in projs], [4.6, 2, 2, 1.4])
    h.h2("四、绩效指标完成情况")
    score = ind_table(h, I)
    h.h2("五、自评结论")
    h.p(f"本局{y}年度部门整体支出绩效自评得分{score}分，等级为“优”。")
    t = totals(init, bud, exe, basic, projt, inc_total=inc_printed, yoy=-D("86.35"), prior=prior)
    emit(h, dept, y, "chromium", {"self_score": fl(score), "grade": "优"}, staff, t,
         [line("income", k, v) for k, v in inc] + [line("basic_expenditure", k, v) for k, v in bp], inds(I), [proj(*p) for p in projs],
         [disc("sum_mismatch", "income", inc_printed, sum(v for _, v in inc))], "prose-parts-chromium")


if __name__ == "__main__":
    for f in (s1, s2, s3, s4, s5, s6, s7):
        f()
    with open(f"{B}/producers.txt", "w") as fh:
        fh.write("".join(f"{s} {p}\n" for s, p in PRODUCERS))
