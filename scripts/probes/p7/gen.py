#!/usr/bin/env python3
"""p7: Hunan-style 附件 forms (invented county departments of an invented 湘岭市).

Each report: a cover (title with the year on its own line or damaged, labels 部门(单位)名称 / 预算编码 / 评价方式 /
评价机构 / 报告日期 without a colon — separated by a space or a cell border), an 附件 部门(单位)基本概况 ruled form
(联系人 / 联络电话 / 人员编制 / 实有人数 as label cells, long text cells 职能职责概述 / 年度主要工作内容, and an income
sub-table whose header rows 机构名称 | 收入合计 | 其中: 上年结转 | 财政拨款 | 其他 sit in the middle of the form, one row
per sub-unit), then the report body (prose, a scoring table with 分值/得分, or a 自评表 with a funds block).
Gold in the corpus format; planted discrepancies listed there. Producer per report: LibreOffice or Chromium."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from probelib import C, D, Html, disc, fl, gold, ind, indicator_rows, line, pct, proj, q  # noqa: E402

ROOT = os.path.dirname(os.path.abspath(__file__))
B, CORPUS = f"{ROOT}/build", f"{ROOT}/corpus"
os.makedirs(B, exist_ok=True)
CITY = "湘岭市"


def units_total(units, k):
    return sum(u[k] for u in units)


def cover(h, cfg):
    d, y = cfg["dept"], cfg["year"]
    h.br(4)
    if cfg["title"] == "sep_year":
        for t in (d, f"{y}年度", cfg["kind"]):
            h.p(t, "cover")
    elif cfg["title"] == "damaged":
        # the converter split the year and turned 年 into a dash: "20 23 -度"
        h.p(d, "cover")
        h.p(f"{str(y)[:2]} {str(y)[2:]} -度", "cover")
        h.p(cfg["kind"], "cover")
    else:
        h.p(f"{d}{y}年度", "cover")
        h.p(cfg["kind"], "cover")
    h.br(5)
    labels = [("部门(单位)名称", d), ("预算编码", cfg["code"]), ("评价方式", cfg["method"]), ("评价机构", cfg["evaluator"]),
              ("报告日期", cfg["date"])]
    if cfg["cover"] == "space":
        for k, v in labels:
            h.p(f"{k}　　{v}", "lab")
    else:  # label | value in ruled cells, no colon
        h.table([[C(k, "c"), C(v, "l")] for k, v in labels], [3, 7], border=cfg["cover"] == "cells")
    h.pagebreak()


def basic_form(h, cfg):
    d, units = cfg["dept"], cfg["units"]
    st = cfg["staff"]
    h.p(cfg.get("annex1", "附件1"), "ni")
    h.p("部门(单位)基本概况", "cap")
    h.p("单位：万元、人", "u")
    rows = [
        [C("部门(单位)名称"), C(d, "l", cs=4)],
        [C("联系人"), C(cfg["contact"], "c", cs=2), C("联络电话"), C(cfg["phone"])],
        [C("人员编制"), C(str(st["authorized"]), "c", cs=2), C("实有人数"), C(str(st["in_service"]))],
        [C("职能职责概述"), C(cfg["duties"], "l", cs=4)],
        [C("年度主要工作内容"), C(cfg["work"], "l", cs=4)],
    ]
    if cfg["inc_hdr"] == "two_rows":
        rows += [[C("机构名称", rs=2), C("收入合计", rs=2), C("其中", cs=3)],
                 [None, None, C("上年结转"), C("财政拨款"), C("其他")]]
    else:
        rows += [[C("机构名称"), C("收入合计"), C("其中: 上年结转"), C("财政拨款"), C("其他")]]
    for u in units:
        rows.append([C(u["name"], "l"), C(str(u["inc"]), "r"), C(str(u["carry"]), "r"), C(str(u["fiscal"]), "r"), C(str(u["other"]), "r")])
    tot = cfg.get("inc_total_row") or {k: units_total(units, k) for k in ("inc", "carry", "fiscal", "other")}
    rows.append([C("合计"), C(str(tot["inc"]), "r"), C(str(tot["carry"]), "r"), C(str(tot["fiscal"]), "r"), C(str(tot["other"]), "r")])
    if cfg.get("exp_sub"):
        rows += [[C("机构名称"), C("支出合计"), C("基本支出"), C("项目支出"), C("备注")]]
        for u in units:
            rows.append([C(u["name"], "l"), C(str(u["basic"] + u["project"]), "r"), C(str(u["basic"]), "r"), C(str(u["project"]), "r"), C("")])
        rows.append([C("合计"), C(str(cfg["exe"]), "r"), C(str(cfg["basic"]), "r"), C(str(cfg["project"]), "r"), C("")])
    h.table(rows, [2.6, 2, 1.8, 1.8, 1.8])
    h.pagebreak()


def derive(cfg):
    units = cfg["units"]
    for u in units:
        u["inc"] = u["carry"] + u["fiscal"] + u["other"]
    cfg["inc_total"] = units_total(units, "inc")
    cfg["basic"] = units_total(units, "basic")
    cfg["project"] = units_total(units, "project")
    cfg["exe"] = cfg["basic"] + cfg["project"]
    if "bparts" in cfg:
        assert sum(v for _, v in cfg["bparts"]) == cfg["basic"], (cfg["dept"], sum(v for _, v in cfg["bparts"]), cfg["basic"])
    cfg["rate"] = pct(cfg["exe"], cfg["budget"])
    I = cfg["I"]
    if I and "weight" in I[0]:
        assert sum(D(str(i["weight"])) for i in I) + cfg.get("extra_weight", 0) == 100, cfg["dept"]
    return cfg


def income_lines(cfg):
    tot = cfg.get("inc_total_row") or {}
    out = []
    for k, item in (("carry", "上年结转"), ("fiscal", "一般公共预算财政拨款收入"), ("other", "其他收入")):
        v = units_total(cfg["units"], k)
        if v == 0:
            continue
        printed = tot.get(k, v)
        out.append(line("income", item, printed, None, **({"alt_amounts": [v]} if printed != v else {})))
    return out


def std_indicators(I):
    return [ind(i["l1"], i["l2"], i["l3"], i["target"], i.get("actual"), i.get("weight"), i.get("score")) for i in I]


# ---------------------------------------------------------------- R1 林业局: sep-year title, labels with a space, prose body
def r1():
    cfg = dict(
        dept=f"{CITY}沅北县林业局", year=2022, kind="整体支出绩效评价自评报告", title="sep_year", cover="space",
        code="417003", method="部门自评", evaluator="沅北县林业局绩效自评工作小组", date="2023年4月18日",
        contact="欧阳明", phone="0745-6213384", inc_hdr="two_rows", producer="lo",
        staff={"authorized": 46, "in_service": 43, "contract": 7, "retired": 29},
        duties="贯彻执行国家和省、市有关林业工作的方针政策和法律法规；负责全县森林资源保护发展监督管理，组织开展植树造林和封山育林；"
               "负责林木采伐限额管理和林地征占用审核；负责森林防火、林业有害生物防治和野生动植物保护；指导国有林场和林业站建设。",
        work="1.完成人工造林2.35万亩、封山育林1.8万亩；2.开展松材线虫病疫木除治，清理病死松树4.6万株；3.全年未发生重大森林火灾，"
             "森林火灾受害率控制在0.5‰以内；4.完成年度林地变更调查和公益林区划落界；5.落实生态护林员212名，人均年补助1万元。",
        units=[dict(name="局机关", carry=D("36.20"), fiscal=D("1024.38"), other=D("0"), basic=D("612.45"), project=D("421.36")),
               dict(name="县林业技术推广站", carry=D("0"), fiscal=D("186.40"), other=D("12.00"), basic=D("151.20"), project=D("40.68")),
               dict(name="县森林资源监测站", carry=D("8.50"), fiscal=D("214.66"), other=D("0"), basic=D("98.17"), project=D("118.94"))],
        budget=D("1478.60"), init=D("1326.00"),
        bparts=[("工资福利支出", D("701.54")), ("商品和服务支出", D("118.06")), ("对个人和家庭的补助", D("42.22"))],
        I=[dict(l1="产出指标", l2="数量指标", l3="人工造林面积", target="≥2.2万亩", actual="2.35万亩", weight=10, score=10),
           dict(l1="产出指标", l2="数量指标", l3="封山育林面积", target="≥1.5万亩", actual="1.8万亩", weight=10, score=10),
           dict(l1="产出指标", l2="质量指标", l3="造林成活率", target="≥85%", actual="87.6%", weight=10, score=10),
           dict(l1="产出指标", l2="时效指标", l3="疫木除治完成时限", target="4月30日前", actual="4月26日", weight=10, score=10),
           dict(l1="效益指标", l2="生态效益指标", l3="森林覆盖率", target="≥63.5%", actual="63.8%", weight=15, score=15),
           dict(l1="效益指标", l2="社会效益指标", l3="生态护林员人数", target="200人", actual="212人", weight=15, score=15),
           dict(l1="效益指标", l2="可持续影响指标", l3="森林火灾受害率", target="≤0.8‰", actual="0.42‰", weight=10, score=10),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="林农满意度", target="≥90%", actual="88.5%", weight=20, score=17.5)],
        grade="优",
    )
    derive(cfg)
    score = sum(D(str(i["score"])) for i in cfg["I"])
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    y = cfg["year"]
    h.p("附件2", "ni")
    h.h1(f"{cfg['dept']}{y}年度整体支出绩效评价自评报告")
    h.h2("一、部门基本情况")
    h.p(f"{cfg['dept']}为县人民政府工作部门，内设办公室、资源管理股、造林绿化股、森林防火股4个股室，下属县林业技术推广站、县森林资源监测站2个二级机构。"
        f"全局人员编制{cfg['staff']['authorized']}人，实有人数{cfg['staff']['in_service']}人，另有编外聘用人员{cfg['staff']['contract']}人，离退休人员{cfg['staff']['retired']}人。")
    h.h2("二、部门整体支出管理及使用情况")
    h.p(f"（一）收入情况。{y}年度部门收入合计{cfg['inc_total']}万元，其中上年结转{units_total(cfg['units'], 'carry')}万元，"
        f"财政拨款{units_total(cfg['units'], 'fiscal')}万元，其他收入{units_total(cfg['units'], 'other')}万元。")
    h.p(f"（二）支出情况。{y}年度年初预算{cfg['init']}万元，调整后预算{cfg['budget']}万元，全年实际支出{cfg['exe']}万元，预算执行率{cfg['rate']}%。"
        f"其中：基本支出{cfg['basic']}万元，占{pct(cfg['basic'], cfg['exe'])}%，包括" + "、".join(f"{k}{v}万元" for k, v in cfg["bparts"]) +
        f"；项目支出{cfg['project']}万元，占{pct(cfg['project'], cfg['exe'])}%，主要用于造林绿化、森林防火和林业有害生物防治。")
    projs = [("人工造林及封山育林项目", D("268.00"), D("259.34")), ("森林防火专项经费", D("146.50"), D("142.10")), ("松材线虫病防治经费", D("121.80"), D("115.46"))]
    h.p("（三）重点项目支出情况", "ni")
    h.p("单位：万元", "u")
    h.table([[C("项目名称"), C("调整后预算"), C("实际支出"), C("执行率")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r")] for n, b, e in projs], [5, 2, 2, 1.6])
    h.h2("三、部门整体支出绩效情况")
    h.p("本局年度整体绩效目标完成情况见下表。")
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]] +
            indicator_rows(cfg["I"], ["target", "actual", "weight", "score"]) + [[C("合计", cs=5), C("100"), C(str(score))]],
            [1.6, 2, 3.4, 1.8, 1.8, 1, 1])
    h.h2("四、存在的问题及原因分析")
    h.p("一是林农满意度88.5%，未达到90%的年度目标，主要是部分生态补偿资金发放时间偏晚；二是项目支出进度前松后紧，四季度支出占全年的41%。")
    h.h2("五、下一步改进措施")
    h.p("加快补偿资金兑付进度，建立项目支出月通报制度，提高预算执行的均衡性。")
    h.h2("六、自评结论")
    h.p(f"根据部门整体支出绩效评价指标体系，本局{y}年度整体支出绩效自评得分为{score}分，自评等级为“{cfg['grade']}”。")
    h.p(cfg["dept"], "sig")
    h.p(cfg["date"], "sig")
    return cfg, h, score, projs, [], {}


# ---------------------------------------------------------------- R2 水利局: labels in ruled cells, one-row income header, planted 合计 ≠ rows
def r2():
    cfg = dict(
        dept=f"{CITY}枫溪县水利局", year=2021, kind="部门整体支出绩效评价报告", title="inline", cover="cells",
        code="422001", method="单位自评", evaluator="枫溪县水利局", date="2022年3月30日",
        contact="覃晓燕", phone="0745-8821605", inc_hdr="one_row", producer="chromium", exp_sub=True,
        staff={"authorized": 38, "in_service": 36, "contract": None, "retired": 24},
        duties="负责保障水资源的合理开发利用，组织编制全县水利规划；负责水利工程建设与运行管理；指导农村水利、水土保持和河湖管理保护工作；"
               "承担水旱灾害防御的日常工作，组织编制洪水干旱防治规划和防护标准。",
        work="完成山塘清淤整治126口，新建改造农村供水工程18处，巩固提升农村饮水安全人口3.2万人；完成水土流失综合治理面积12.6平方公里；"
             "推进河长制工作，开展河道“清四乱”专项行动，整治问题86个。",
        units=[dict(name="局机关", carry=D("52.30"), fiscal=D("1846.75"), other=D("18.40"), basic=D("468.92"), project=D("1396.18")),
               dict(name="县水利工程管理站", carry=D("0"), fiscal=D("312.60"), other=D("6.20"), basic=D("214.55"), project=D("98.40")),
               dict(name="县河道管理所", carry=D("14.00"), fiscal=D("168.25"), other=D("0"), basic=D("102.36"), project=D("71.82"))],
        budget=D("2436.80"), init=D("2100.00"),
        I=[], grade="良",
    )
    derive(cfg)
    # planted: the printed 合计 of the 财政拨款 column is 10.00 more than its rows
    tot = {k: units_total(cfg["units"], k) for k in ("inc", "carry", "fiscal", "other")}
    tot["fiscal"] += D("10.00")
    tot["inc"] += D("10.00")
    cfg["inc_total_row"] = tot
    y = cfg["year"]
    # scoring table (分值 / 得分 — not amounts or rates)
    S = [("投入", "预算编制", "预算编制科学性", 5, D("4.5")), ("投入", "预算编制", "绩效目标合理性", 5, D("5")),
         ("过程", "预算执行", "预算执行率", 10, q(D(10) * cfg["rate"] / 100, "0.01")), ("过程", "预算执行", "结转结余率", 5, D("4")),
         ("过程", "预算管理", "管理制度健全性", 5, D("5")), ("过程", "资产管理", "固定资产利用率", 5, D("4.5")),
         ("产出", "职责履行", "实际完成率", 15, D("14")), ("产出", "职责履行", "质量达标率", 15, D("13.5")),
         ("效果", "履职效益", "社会效益", 15, D("13")), ("效果", "满意度", "服务对象满意度", 20, D("16"))]
    score = sum(s for *_, s in S)
    cfg["score"] = score
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    h.h1(f"{cfg['dept']}{y}年度部门整体支出绩效评价报告")
    h.h2("一、部门概况")
    h.p(f"本局为县政府工作部门，机关内设5个股室，下辖县水利工程管理站、县河道管理所2个事业单位。人员编制{cfg['staff']['authorized']}人，"
        f"实有人数{cfg['staff']['in_service']}人，退休人员{cfg['staff']['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度全年预算{cfg['budget']}万元（年初预算{cfg['init']}万元），实际支出{cfg['exe']}万元，预算执行率{cfg['rate']}%。"
        f"基本支出{cfg['basic']}万元，项目支出{cfg['project']}万元。")
    h.h2("三、评价指标得分情况")
    h.p("根据部门整体支出绩效评价指标体系评分如下：")
    rows = [[C(x) for x in ("一级指标", "二级指标", "三级指标", "分值", "得分")]]
    for i, (a, b, c, w, s) in enumerate(S):
        row = []
        if i == 0 or S[i - 1][0] != a:
            row.append(C(a, rs=sum(1 for x in S if x[0] == a)))
        if i == 0 or S[i - 1][1] != b:
            row.append(C(b, rs=sum(1 for x in S if x[1] == b and x[0] == a)))
        row += [C(c, "l"), C(str(w)), C(str(s))]
        rows.append(row)
    rows.append([C("合计", cs=3), C("100"), C(str(score))])
    h.table(rows, [1.5, 2, 4, 1.2, 1.2])
    h.h2("四、存在的问题")
    h.p("个别工程项目前期准备不足，导致年底资金结转；部分乡镇河道保洁经费落实不到位。")
    h.h2("五、评价结论")
    h.p(f"综合评价，本局{y}年度部门整体支出绩效评价得分{score}分，评价等级为“{cfg['grade']}”。")
    h.p(cfg["dept"], "sig")
    h.p(cfg["date"], "sig")
    discs = [disc("sum_mismatch", "income:一般公共预算财政拨款收入", tot["fiscal"], units_total(cfg["units"], "fiscal"))]
    return cfg, h, score, [], discs, {}


# ---------------------------------------------------------------- R3 民政局: damaged year, planted rate
def r3():
    cfg = dict(
        dept=f"{CITY}青崖县民政局", year=2023, kind="部门（单位）整体支出绩效自评报告", title="damaged", cover="space",
        code="431002", method="部门自评", evaluator="青崖县民政局", date="2024年4月8日",
        contact="邓立新", phone="0745-3326710", inc_hdr="two_rows", producer="lo",
        staff={"authorized": 29, "in_service": 27, "contract": 11, "retired": None},
        duties="负责全县社会救助、养老服务、儿童福利、社会事务和社会组织管理工作；承担最低生活保障、特困人员供养、临时救助的组织实施；"
               "负责行政区划和地名管理、婚姻登记、殡葬管理等工作。",
        work="全年发放城乡低保资金4386万元，保障对象1.12万人；特困人员供养2046人；建成乡镇区域养老服务中心3个；完成婚姻登记2856对。",
        units=[dict(name="局机关", carry=D("18.60"), fiscal=D("5842.15"), other=D("0"), basic=D("386.27"), project=D("5362.08")),
               dict(name="县社会福利院", carry=D("0"), fiscal=D("412.30"), other=D("36.80"), basic=D("206.14"), project=D("236.52")),
               dict(name="县婚姻登记处", carry=D("0"), fiscal=D("48.20"), other=D("0"), basic=D("41.05"), project=D("5.30"))],
        budget=D("6420.00"), init=D("6080.00"),
        I=[dict(l1="产出指标", l2="数量指标", l3="城乡低保保障人数", target="≥1.1万人", actual="1.12万人", weight=15, score=15),
           dict(l1="产出指标", l2="数量指标", l3="特困人员供养人数", target="≥2000人", actual="2046人", weight=10, score=10),
           dict(l1="产出指标", l2="质量指标", l3="救助资金发放准确率", target="100%", actual="100%", weight=10, score=10),
           dict(l1="产出指标", l2="时效指标", l3="救助资金按月发放率", target="100%", actual="100%", weight=10, score=10),
           dict(l1="效益指标", l2="社会效益指标", l3="困难群众基本生活保障率", target="100%", actual="100%", weight=20, score=20),
           dict(l1="效益指标", l2="可持续影响指标", l3="乡镇养老服务中心覆盖率", target="≥60%", actual="55%", weight=15, score=12),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="救助对象满意度", target="≥90%", actual="95.2%", weight=20, score=20)],
        grade="优",
    )
    derive(cfg)
    score = sum(D(str(i["score"])) for i in cfg["I"])
    printed_rate = cfg["rate"] + D("1.00")
    y = cfg["year"]
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    h.p("附件2", "ni")
    h.p(f"20 {str(y)[2:]} -度部门（单位）整体支出绩效自评报告", "cap")
    h.h2("一、部门（单位）基本情况")
    h.p(f"县民政局内设办公室、社会救助股、养老服务股、社会事务股4个股室，下属县社会福利院、县婚姻登记处。"
        f"人员编制{cfg['staff']['authorized']}人，实有人数{cfg['staff']['in_service']}人，公益性岗位等编外人员{cfg['staff']['contract']}人。")
    h.h2("二、部门（单位）整体支出情况")
    h.p(f"{y}年本单位年初预算{cfg['init']}万元，调整后预算{cfg['budget']}万元，全年支出{cfg['exe']}万元，预算执行率为{printed_rate}%。"
        f"其中基本支出{cfg['basic']}万元，项目支出{cfg['project']}万元。")
    h.h2("三、绩效目标完成情况")
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]] +
            indicator_rows(cfg["I"], ["target", "actual", "weight", "score"]) + [[C("合计", cs=5), C("100"), C(str(score))]],
            [1.6, 2, 3.4, 1.8, 1.8, 1, 1])
    h.h2("四、自评结论")
    h.p(f"经自评，{y}年度本单位整体支出绩效自评得分{score}分，等级为“{cfg['grade']}”。")
    h.p("填报人：邓立新　　　　审核人：刘春华", "ni")
    discs = [disc("rate_mismatch", "execution_rate", printed_rate, cfg["rate"])]
    return cfg, h, score, [], discs, {}


# ---------------------------------------------------------------- R4 教育局: 自评表 with funds block, five sub-units
def r4():
    cfg = dict(
        dept=f"{CITY}临沅县教育局", year=2022, kind="整体支出绩效评价自评报告", title="sep_year", cover="cells",
        code="436001", method="部门自评", evaluator="临沅县教育局", date="2023年3月28日",
        contact="谭志刚", phone="0745-5562218", inc_hdr="two_rows", producer="chromium",
        staff={"authorized": 312, "in_service": 298, "contract": None, "retired": None},
        duties="贯彻执行国家教育方针政策，统筹规划全县各级各类教育发展；负责义务教育均衡发展和学前教育普及；管理县直学校和教育经费；"
               "负责教师队伍建设和教育督导评估工作。",
        work="新建改扩建学校4所，新增学位1860个；落实学生资助资金2685万元，惠及学生2.1万人次；开展教师全员培训3200人次；义务教育巩固率达99.6%。",
        units=[dict(name="局机关", carry=D("126.40"), fiscal=D("3862.15"), other=D("0"), basic=D("512.36"), project=D("3402.18")),
               dict(name="县第一中学", carry=D("0"), fiscal=D("2865.20"), other=D("312.40"), basic=D("2614.85"), project=D("548.30")),
               dict(name="县职业中专", carry=D("22.00"), fiscal=D("1426.35"), other=D("186.20"), basic=D("1186.42"), project=D("431.08")),
               dict(name="县实验小学", carry=D("0"), fiscal=D("1648.90"), other=D("24.60"), basic=D("1502.16"), project=D("168.20")),
               dict(name="县教师进修学校", carry=D("0"), fiscal=D("286.45"), other=D("0"), basic=D("232.14"), project=D("52.10"))],
        budget=D("10866.40"), init=D("9850.00"),
        I=[dict(l1="产出指标", l2="数量指标", l3="新增学位数", target="≥1800个", actual="1860个", weight=10, score=10),
           dict(l1="产出指标", l2="数量指标", l3="学生资助人次", target="≥2万人次", actual="2.1万人次", weight=10, score=10),
           dict(l1="产出指标", l2="质量指标", l3="义务教育巩固率", target="≥99.5%", actual="99.6%", weight=10, score=10),
           dict(l1="产出指标", l2="时效指标", l3="资助资金发放及时率", target="100%", actual="100%", weight=10, score=10),
           dict(l1="产出指标", l2="成本指标", l3="生均公用经费标准", target="≥800元", actual="850元", weight=10, score=10),
           dict(l1="效益指标", l2="社会效益指标", l3="学前三年毛入园率", target="≥92%", actual="91.4%", weight=15, score=13.5),
           dict(l1="效益指标", l2="可持续影响指标", l3="教师培训覆盖率", target="100%", actual="100%", weight=15, score=15),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="家长满意度", target="≥90%", actual="93.1%", weight=10, score=10)],
        extra_weight=10, grade="优",
    )
    derive(cfg)
    y = cfg["year"]
    exec_score = q(D(10) * cfg["rate"] / 100, "0.01")
    score = sum(D(str(i["score"])) for i in cfg["I"]) + exec_score
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    h.p("附件2", "ni")
    h.p("部门整体支出绩效自评表", "cap")
    h.p(f"（{y}年度）", "cap")
    h.p(f"填报单位（盖章）：{cfg['dept']}　　　　　　　　单位：万元", "ni")
    rows = [[C("部门（单位）名称"), C(cfg["dept"], "l", cs=6)],
            [C("年度预算资金"), C("年初预算数"), C("全年预算数"), C("全年执行数"), C("分值"), C("执行率"), C("得分")],
            [C("年度资金总额"), C(str(cfg["init"]), "r"), C(str(cfg["budget"]), "r"), C(str(cfg["exe"]), "r"), C("10"), C(f"{cfg['rate']}%"), C(str(exec_score))],
            [C("其中：基本支出"), C("6012.00", "r"), C(str(cfg["basic"] + D("80.07")), "r"), C(str(cfg["basic"]), "r"), C("—"), C("—"), C("—")],
            [C("项目支出"), C(str(cfg["init"] - D("6012.00")), "r"), C(str(cfg["budget"] - cfg["basic"] - D("80.07")), "r"), C(str(cfg["project"]), "r"), C("—"), C("—"), C("—")],
            [C("年度总体目标", rs=2), C("预期目标", cs=3), C("实际完成情况", cs=3)],
            [None, C("推进义务教育优质均衡发展，新增学位1800个以上，落实各类学生资助政策，学前三年毛入园率达到92%。", "l", cs=3),
             C("新增学位1860个，发放学生资助资金2685万元，学前三年毛入园率91.4%。", "l", cs=3)]]
    h.table(rows, [2.4, 1.6, 1.6, 1.6, 1, 1.2, 1])
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]] +
            indicator_rows(cfg["I"], ["target", "actual", "weight", "score"]) + [[C("总分", cs=5), C("100"), C(str(score))]],
            [1.6, 2, 3.4, 1.8, 1.8, 1, 1])
    h.p(f"自评等级：{cfg['grade']}", "ni")
    return cfg, h, score, [], [], {"initial_budget": cfg["init"]}


# ---------------------------------------------------------------- R5 财政局: borderless cover labels, expenditure sub-table, planted score sum
def r5():
    cfg = dict(
        dept=f"{CITY}沅北县财政局", year=2023, kind="整体支出绩效评价自评报告", title="inline", cover="borderless",
        code="417001", method="部门自评", evaluator="沅北县财政局", date="2024年3月26日",
        contact="龙海燕", phone="0745-6218890", inc_hdr="one_row", producer="lo", exp_sub=True,
        staff={"authorized": 64, "in_service": 61, "contract": 5, "retired": 41},
        duties="负责全县财政收支管理，编制年度预决算草案并组织执行；负责国库集中支付、政府采购监督管理和政府债务管理；管理财政投资评审和会计工作；"
               "组织实施预算绩效管理。",
        work="全县一般公共预算收入完成12.6亿元；完成财政投资评审项目216个，审减资金1.38亿元；推进预算绩效管理扩围提质，完成重点绩效评价项目18个。",
        units=[dict(name="局机关", carry=D("0"), fiscal=D("1286.42"), other=D("0"), basic=D("862.30"), project=D("402.16")),
               dict(name="县财政投资评审中心", carry=D("42.00"), fiscal=D("268.30"), other=D("0"), basic=D("146.38"), project=D("158.60")),
               dict(name="县国库集中支付中心", carry=D("0"), fiscal=D("186.74"), other=D("0"), basic=D("132.05"), project=D("50.12"))],
        budget=D("1798.40"), init=D("1650.00"),
        I=[dict(l1="产出指标", l2="数量指标", l3="财政投资评审项目数", target="≥200个", actual="216个", weight=15, score=15),
           dict(l1="产出指标", l2="质量指标", l3="评审审减率", target="≥8%", actual="9.2%", weight=15, score=15),
           dict(l1="产出指标", l2="时效指标", l3="预算批复及时率", target="100%", actual="100%", weight=10, score=10),
           dict(l1="效益指标", l2="经济效益指标", l3="审减资金", target="≥1亿元", actual="1.38亿元", weight=20, score=20),
           dict(l1="效益指标", l2="社会效益指标", l3="预决算公开率", target="100%", actual="100%", weight=15, score=15),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="预算单位满意度", target="≥90%", actual="91.6%", weight=25, score=24)],
        grade="优",
    )
    derive(cfg)
    y = cfg["year"]
    score_true = sum(D(str(i["score"])) for i in cfg["I"])
    score_printed = score_true - D("2")  # planted: the 合计 row and the conclusion print 97 for parts adding to 99
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    h.p("附件2", "ni")
    h.h1(f"{cfg['dept']}{y}年度整体支出绩效评价自评报告")
    h.h2("一、部门基本情况")
    h.p(f"本局人员编制{cfg['staff']['authorized']}人，实有人数{cfg['staff']['in_service']}人；聘用人员{cfg['staff']['contract']}人；退休人员{cfg['staff']['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度部门收入合计{cfg['inc_total']}万元，年初预算{cfg['init']}万元，调整后预算{cfg['budget']}万元，"
        f"实际支出{cfg['exe']}万元，预算执行率{cfg['rate']}%，其中基本支出{cfg['basic']}万元、项目支出{cfg['project']}万元。")
    h.h2("三、绩效目标实现情况")
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]] +
            indicator_rows(cfg["I"], ["target", "actual", "weight", "score"]) + [[C("合计", cs=5), C("100"), C(str(score_printed))]],
            [1.6, 2, 3.4, 1.8, 1.8, 1, 1])
    h.h2("四、自评结论")
    h.p(f"本局{y}年度整体支出绩效自评得分{score_printed}分，等级为“{cfg['grade']}”。")
    h.p(cfg["dept"], "sig")
    h.p(cfg["date"], "sig")
    discs = [disc("score_sum_mismatch", "self_score", score_printed, score_true)]
    return cfg, h, score_printed, [], discs, {}


# ---------------------------------------------------------------- R6 卫生健康局: third-party evaluator on the cover, clean
def r6():
    cfg = dict(
        dept=f"{CITY}枫溪县卫生健康局", year=2022, kind="部门整体支出绩效评价报告", title="sep_year", cover="cells",
        code="422015", method="委托第三方评价", evaluator="湘岭恒信会计师事务所有限公司", date="2023年5月12日",
        contact="向丽娟", phone="0745-8836127", inc_hdr="one_row", producer="chromium",
        staff={"authorized": 58, "in_service": 52, "contract": 14, "retired": 33},
        duties="负责全县卫生健康事业发展规划和医疗卫生服务体系建设；组织实施国家基本公共卫生服务项目和重大公共卫生服务项目；"
               "负责疾病预防控制、妇幼健康、老龄健康和计划生育服务管理工作。",
        work="建立居民电子健康档案31.6万份，规范管理高血压患者1.92万人、糖尿病患者0.68万人；完成适龄儿童免疫规划疫苗接种率98.5%；"
             "建成村卫生室标准化建设点42个。",
        units=[dict(name="局机关", carry=D("64.20"), fiscal=D("2415.36"), other=D("0"), basic=D("486.52"), project=D("1968.40")),
               dict(name="县疾病预防控制中心", carry=D("0"), fiscal=D("624.18"), other=D("86.40"), basic=D("402.66"), project=D("296.54")),
               dict(name="县妇幼保健计划生育服务中心", carry=D("12.50"), fiscal=D("386.72"), other=D("214.36"), basic=D("356.18"), project=D("248.10")),
               dict(name="县卫生健康综合监督执法大队", carry=D("0"), fiscal=D("168.44"), other=D("0"), basic=D("142.06"), project=D("24.12"))],
        budget=D("4120.50"), init=D("3560.00"),
        bparts=[("工资福利支出", D("1146.32")), ("商品和服务支出", D("162.48")), ("对个人和家庭的补助", D("78.62"))],
        I=[dict(l1="产出指标", l2="数量指标", l3="居民电子健康档案建档数", target="≥30万份", actual="31.6万份", weight=10, score=10),
           dict(l1="产出指标", l2="数量指标", l3="村卫生室标准化建设点", target="40个", actual="42个", weight=10, score=10),
           dict(l1="产出指标", l2="质量指标", l3="免疫规划疫苗接种率", target="≥95%", actual="98.5%", weight=10, score=10),
           dict(l1="产出指标", l2="时效指标", l3="项目资金拨付及时率", target="≥95%", actual="96%", weight=10, score=10),
           dict(l1="效益指标", l2="社会效益指标", l3="高血压患者规范管理率", target="≥65%", actual="63.2%", weight=15, score=13),
           dict(l1="效益指标", l2="可持续影响指标", l3="基层诊疗量占比", target="≥65%", actual="66.4%", weight=15, score=15),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="群众满意度", target="≥90%", actual="92.7%", weight=20, score=20),
           dict(l1="满意度指标", l2="服务对象满意度指标", l3="医务人员满意度", target="≥85%", actual="86%", weight=10, score=9)],
        grade="良",
    )
    derive(cfg)
    I = cfg["I"]
    ws = sum(D(str(i["weight"])) for i in I)
    assert ws == 100
    score = sum(D(str(i["score"])) for i in I) - D("10")  # deductions for management problems found by the evaluator
    y = cfg["year"]
    h = Html()
    cover(h, cfg)
    basic_form(h, cfg)
    h.h1(f"{cfg['dept']}{y}年度部门整体支出绩效评价报告")
    h.p(f"受县财政局委托，{cfg['evaluator']}对{cfg['dept']}{y}年度部门整体支出进行了绩效评价，现将评价情况报告如下。")
    h.h2("一、部门概况")
    h.p(f"该局下属县疾病预防控制中心等3个二级单位。人员编制{cfg['staff']['authorized']}人，实有人数{cfg['staff']['in_service']}人，"
        f"编外人员{cfg['staff']['contract']}人，退休人员{cfg['staff']['retired']}人。")
    h.h2("二、部门整体支出情况")
    h.p(f"{y}年度年初预算{cfg['init']}万元，调整后预算{cfg['budget']}万元，实际支出{cfg['exe']}万元，预算执行率{cfg['rate']}%。"
        f"基本支出{cfg['basic']}万元，其中" + "、".join(f"{k}{v}万元" for k, v in cfg["bparts"]) + f"；项目支出{cfg['project']}万元。")
    projs = [("基本公共卫生服务项目", D("1286.00"), D("1248.36")), ("村卫生室标准化建设", D("420.00"), D("398.52")), ("重大传染病防控经费", D("318.60"), D("302.14"))]
    h.p("重点项目支出情况表（单位：万元）", "cap")
    h.table([[C("项目名称"), C("调整后预算"), C("实际支出"), C("执行率")]] +
            [[C(n, "l"), C(str(b), "r"), C(str(e), "r"), C(f"{pct(e, b)}%", "r")] for n, b, e in projs], [5, 2, 2, 1.6])
    h.h2("三、绩效目标完成情况")
    h.table([[C(x) for x in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]] +
            indicator_rows(I, ["target", "actual", "weight", "score"]) +
            [[C("扣分项", cs=3), C("部分项目资金支付不规范", "l", cs=2), C(""), C("-10")], [C("合计", cs=5), C("100"), C(str(score))]],
            [1.6, 2, 3.4, 1.8, 1.8, 1, 1])
    h.h2("四、评价结论")
    h.p(f"经评价，指标得分合计{sum(D(str(i['score'])) for i in I)}分，因部分项目资金支付不规范扣10分，{cfg['dept']}{y}年度部门整体支出绩效评价得分{score}分，"
        f"评价等级为“{cfg['grade']}”。")
    h.p(cfg["evaluator"], "sig")
    h.p(cfg["date"], "sig")
    return cfg, h, score, projs, [], {}


def main():
    out = []
    for fn in (r1, r2, r3, r4, r5, r6):
        cfg, h, score, projs, discs, extra_totals = fn()
        stem = f"{cfg['dept']}-{cfg['year']}"
        h.write(f"{B}/{stem}.html")
        tot = {"budget_total": cfg["budget"], "initial_budget": cfg["init"], "executed_total": cfg["exe"], "execution_rate": cfg["rate"],
               "income_total": cfg.get("inc_total_row", {}).get("inc", cfg["inc_total"]), "expenditure_total": cfg["exe"],
               "basic_total": cfg["basic"], "basic_share": pct(cfg["basic"], cfg["exe"]), "project_total": cfg["project"],
               "project_share": pct(cfg["project"], cfg["exe"])}
        tot.update(extra_totals)
        lines = income_lines(cfg) + [line("basic_expenditure", k, v) for k, v in cfg.get("bparts", [])]
        gold(CORPUS, stem + ".pdf",
             {"department": cfg["dept"], "fiscal_year": cfg["year"], "report_kind": cfg["kind"], "self_score": fl(score), "grade": cfg["grade"],
              "budget_code": cfg["code"], "evaluator": cfg["evaluator"]},
             cfg["staff"], tot, lines, std_indicators(cfg["I"]), [], [proj(n, b, e) for n, b, e in projs], discs,
             template=f"hunan-annex-{cfg['producer']}")
        out.append((stem, cfg["producer"]))
    with open(f"{B}/producers.txt", "w") as f:
        f.write("".join(f"{s} {p}\n" for s, p in out))


if __name__ == "__main__":
    main()
