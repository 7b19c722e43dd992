/** Table header maps → records: the 4-column indicator table, the 8-column 自评表, the Sichuan form, tasks, projects. */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { mentionsToFigures } from "../../src/extract/headline-figures.js";
import { scanMentions } from "../../src/extract/mentions.js";
import { tableToMentions } from "../../src/extract/table-mentions.js";
import {
  matchTable,
  tableScoreAndGrade,
  tableToIndicators,
  tableToProjects,
  tableToTasks,
} from "../../src/extract/table-records.js";
import { LocatedText } from "../../src/layout/located-text.js";
import type { Table, TableCell } from "../../src/layout/table-model.js";

/** A grid of texts; "^" continues the merged cell above. */
function grid(rows: string[][]): Table {
  const cells: TableCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === "^") {
        const above = cells.find((x) => x.col === c && x.row + x.rowSpan === r);
        if (above) above.rowSpan++;
        return;
      }
      const box = { x0: c * 80, y0: r * 20, x1: c * 80 + 80, y1: r * 20 + 20 };
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text: LocatedText.fromBox(text, 3, box),
        parts: [{ page: 3, ...box }],
      });
    });
  });
  const n = rows[0]!.length;
  return {
    method: "lattice",
    pages: [3],
    xs: Array.from({ length: n + 1 }, (_, i) => i * 80),
    nCols: n,
    rows: rows.map(() => ({ pages: [3] })),
    cells,
    bbox: { x0: 0, y0: 0, x1: n * 80, y1: rows.length * 20 },
  };
}

const kindOf = (t: Table) => matchTable(t, definitions.tables)?.def.kind;

describe("table header maps", () => {
  it("reads the 4-column indicator table with a merged label column", () => {
    const t = grid([
      ["", "一级指标", "二级指标", "三级指标", "指标值"],
      ["绩效指标", "产出指标", "数量指标", "完成经营创收活动数量", "70 个以上"],
      ["^", "^", "质量指标", "项目质量验收合格率", "100%"],
      ["^", "满意度指标", "服务对象满意度指标", "客户满意度", "≥90%"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(m.def.kind).toBe("indicators");
    const inds = tableToIndicators(t, m, definitions.vocabulary.labels);
    expect(
      inds.map((i) => [
        i.level1,
        i.level2,
        i.level3,
        i.target.value,
        i.target_op,
        i.target_value,
        i.target_unit,
      ]),
    ).toEqual([
      ["产出指标", "数量指标", "完成经营创收活动数量", "70 个以上", ">=", "70", "个"],
      ["产出指标", "质量指标", "项目质量验收合格率", "100%", "=", "100", "%"],
      ["满意度指标", "服务对象满意度指标", "客户满意度", "≥90%", ">=", "90", "%"],
    ]);
    expect(inds[0]!.page).toBe(3);
  });

  it("reads the 8-column 自评表 with actual values, weights and scores", () => {
    const t = grid([
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["产出指标", "数量指标", "全年组织开展公共卫生活动场次", "50 场以上", "56 场", "10", "10", "/"],
      ["^", "时效指标", "资金支付及时率", "≥95%", "93.5%", "10", "8.5", "个别项目支付滞后"],
    ]);
    const inds = tableToIndicators(t, matchTable(t, definitions.tables)!, definitions.vocabulary.labels);
    expect(inds.map((i) => [i.actual?.value, i.weight?.value, i.score?.value, i.deviation?.value])).toEqual([
      ["56 场", "10", "10", undefined],
      ["93.5%", "10", "8.5", "个别项目支付滞后"],
    ]);
  });

  it("reads the Sichuan form: 指标性质 / 指标值 / 度量单位 / 完成值 / 权重 / 得分", () => {
    const t = grid([
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥", "500", "人次", "620", "20", "20"],
      ["^", "成本指标", "人均培训成本", "≤", "800", "元", "760", "10", "10"],
    ]);
    expect(kindOf(t)).toBe("indicators");
    const inds = tableToIndicators(t, matchTable(t, definitions.tables)!, definitions.vocabulary.labels);
    expect(
      inds.map((i) => [
        i.target.value,
        i.target_op,
        i.target_value,
        i.target_unit,
        i.actual?.value,
        i.weight?.value,
      ]),
    ).toEqual([
      ["≥500人次", ">=", "500", "人次", "620人次", "20"],
      ["≤800元", "<=", "800", "元", "760元", "10"],
    ]);
  });

  it("prints no 指标性质 of = or 定性 into the target", () => {
    const t = grid([
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重", "得分"],
      ["产出指标", "质量指标", "交工验收合格率", "=", "100", "%", "100%", "6", "6"],
      ["^", "时效指标", "补助资金拨付及时性", "定性", "30日内足额拨付", "", "已拨付", "4", "4"],
    ]);
    const inds = tableToIndicators(t, matchTable(t, definitions.tables)!, definitions.vocabulary.labels);
    expect(inds.map((i) => [i.target.value, i.target_op, i.target_value])).toEqual([
      ["100%", "=", "100"],
      ["30日内足额拨付", "text", undefined],
    ]);
  });

  it("reads task tables in 万元 and in 元 (the unit from the header)", () => {
    const wan = grid([
      ["名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）", "完成情况"],
      ["任务1：做好广播、电视业务工作。", "做好发布和宣传。", "2,089.11", "传播社会正能量。", "已完成。"],
    ]);
    expect(kindOf(wan)).toBe("tasks");
    const t1 = tableToTasks(wan, matchTable(wan, definitions.tables)!, "万元", definitions.vocabulary.labels);
    expect(t1.map((t) => [t.seq, t.name, t.planned?.value, t.planned?.unit, t.goal?.value])).toEqual([
      [1, "做好广播、电视业务工作。", "2089.11", "万元", "传播社会正能量。"],
    ]);
    const yuan = grid([
      ["序号", "任务名称", "拟投入资金（元）", "完成情况"],
      ["1", "开展基本公共卫生服务", "6,542,100.00", "已完成"],
      ["合计", "", "6,542,100.00", ""],
    ]);
    const t2 = tableToTasks(
      yuan,
      matchTable(yuan, definitions.tables)!,
      "万元",
      definitions.vocabulary.labels,
    );
    expect(t2.map((t) => [t.seq, t.name, t.planned?.value])).toEqual([[1, "开展基本公共卫生服务", "654.21"]]);
  });

  it("reads project tables with amounts in 元 and rates", () => {
    const t = grid([
      ["项目名称", "全年预算数（元）", "全年执行数（元）", "执行率"],
      ["基本公共卫生服务补助资金", "3,055,700.00", "2,821,000.00", "92.32%"],
      ["合计", "3,055,700.00", "2,821,000.00", "92.32%"],
    ]);
    expect(kindOf(t)).toBe("projects");
    const ps = tableToProjects(t, matchTable(t, definitions.tables)!, "万元", definitions.vocabulary.labels);
    expect(ps.map((p) => [p.name, p.budget?.value, p.executed?.value, p.rate?.value])).toEqual([
      ["基本公共卫生服务补助资金", "305.57", "282.1", "92.32"],
    ]);
  });

  it("leaves other tables to the generic reader", () => {
    expect(
      kindOf(
        grid([
          ["项目", "金额（元）", "备注"],
          ["全年预算数", "22,054,500.00", ""],
        ]),
      ),
    ).toBeUndefined();
  });

  it("takes the adjusted budget when a project table also prints the initial one", () => {
    const t = grid([
      ["项目", "年初预算（元）", "调整预算（元）", "决算数（元）", "执行率"],
      ["特困人员救助供养资金", "4,000,000.00", "4,315,600.00", "4,108,236.50", "95.19%"],
      ["部门预算总额", "9,000,000.00", "9,500,000.00", "9,300,000.00", "97.89%"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(m.def.kind).toBe("projects");
    const ps = tableToProjects(t, m, "万元", definitions.vocabulary.labels);
    // the total row is no project
    expect(ps.map((p) => [p.name, p.budget?.value, p.executed?.value])).toEqual([
      ["特困人员救助供养资金", "431.56", "410.82365"],
    ]);
  });

  it("takes the budget column that the table's own rate confirms", () => {
    // Here 调整预算 is the adjustment itself: 全年预算数 = 年初预算 + 调整预算.
    const t = grid([
      ["项目名称", "年初预算", "调整预算", "全年预算数", "执行数", "执行率"],
      ["应急物资储备", "280", "40", "320", "296.4", "92.63%"],
      ["防灾减灾宣传培训", "60", "6.5", "66.5", "61.2", "92.03%"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(tableToProjects(t, m, "万元", definitions.vocabulary.labels).map((p) => p.budget?.value)).toEqual([
      "320",
      "66.5",
    ]);
  });

  it("reads task tables headed 任务名称 / 任务内容 / 预算（万元）, list numbers dropped from names", () => {
    const t = grid([
      ["任务名称", "任务内容", "预算（万元）", "完成情况"],
      ["1.城区环境卫生保洁", "主次干道机扫水洗", "3,250.00", "已完成"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(m.def.kind).toBe("tasks");
    expect(
      tableToTasks(t, m, "万元", definitions.vocabulary.labels).map((x) => [x.seq, x.name, x.planned?.value]),
    ).toEqual([[1, "城区环境卫生保洁", "3250"]]);
  });

  it("reads task tables headed 重点工作 / 资金预算（万元）", () => {
    const t = grid([
      ["序号", "重点工作", "工作内容", "资金预算（万元）", "年度目标", "完成情况"],
      ["1", "兜牢城乡低保底线", "按时足额发放低保金", "1,586.20", "应保尽保", "已完成"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(m.def.kind).toBe("tasks");
    expect(
      tableToTasks(t, m, "万元", definitions.vocabulary.labels).map((x) => [x.name, x.planned?.value]),
    ).toEqual([["兜牢城乡低保底线", "1586.2"]]);
  });
});

describe("a form's score and grade", () => {
  it("finds labels in any cell of a row", () => {
    const t = grid([
      ["年度总体目标", "完成全年任务", "", ""],
      ["自评总分", "95.62", "自评等级", "优"],
    ]);
    const { score, grade } = tableScoreAndGrade(t, definitions.vocabulary.labels);
    expect([score?.value, grade?.value]).toEqual(["95.62", "优"]);
  });

  it("reads the score from an indicator table's 合计 row, only from the score column", () => {
    const t = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "完成确权登记宗数", "≥1200宗", "1268宗", "100", "96.7"],
      ["合计", "", "", "", "", "100", "96.7"],
    ]);
    const m = matchTable(t, definitions.tables)!;
    expect(m.def.kind).toBe("indicators");
    expect(tableScoreAndGrade(t, definitions.vocabulary.labels, m).score?.value).toBe("96.7");
    // without knowing the table is an indicator table, a 合计 row is not a score
    expect(tableScoreAndGrade(t, definitions.vocabulary.labels).score).toBeUndefined();
  });
});

describe("budget tables read as figures", () => {
  const figures = (t: Table) =>
    mentionsToFigures(tableToMentions(t, 0, "万元", definitions.vocabulary), definitions.vocabulary);

  it("places economic classes by the 基本支出 / 项目支出 column of a cross-tab", () => {
    const { lines, statements } = figures(
      grid([
        ["经济分类", "基本支出", "项目支出", "合计"],
        ["工资和福利支出", "3,102.480", "—", "3,102.480"],
        ["商品和服务支出", "356.695", "2,150.000", "2,506.695"],
        ["合计", "3,459.175", "2,150.000", "5,609.175"],
      ]),
    );
    expect(lines.map((l) => [l.section, l.item, l.amount.value])).toEqual([
      ["basic_expenditure", "工资和福利支出", "3102.48"],
      ["basic_expenditure", "商品和服务支出", "356.695"],
      ["project_expenditure", "商品和服务支出", "2150"],
    ]);
    expect(statements.filter((x) => x.key === "basic_total").map((x) => x.figure.value)).toEqual([
      "3459.175",
    ]);
  });

  it("labels a form's rows by the cell next to the numbers, with the unit from the group cell", () => {
    const { statements } = figures(
      grid([
        ["年度预算执行情况（元）", "", "全年预算数", "全年执行数", "执行率"],
        ["^", "年度资金总额", "18,642,500.00", "17,935,116.42", "96.21%"],
        ["^", "其中：基本支出", "11,206,300.00", "11,118,540.26", "99.22%"],
      ]),
    );
    const get = (k: string) => statements.filter((x) => x.key === k).map((x) => x.figure.value);
    expect(get("budget_total")).toEqual(["1864.25"]);
    expect(get("executed_total")).toEqual(["1793.511642"]);
  });

  it("does not read a number glued to a letter (OCR's 3A64.00), nor a part's budget as its total", () => {
    const { statements } = mentionsToFigures(
      scanMentions(
        LocatedText.fromBox("全年预算3A64.00万元，其中基本支出预算1138.40万元、项目支出预算918.70万元。", 1, {
          x0: 0,
          y0: 0,
          x1: 500,
          y1: 10,
        }),
        0,
        definitions.vocabulary,
      ),
      definitions.vocabulary,
    );
    expect(statements).toEqual([]);
  });

  it("attaches a 占比 column and a bracketed percentage as shares", () => {
    const table = figures(
      grid([
        ["收入来源", "金额(元)", "占比"],
        ["一般公共预算财政拨款收入", "48215600.00", "87.46%"],
        ["其他收入", "1511716.84", "2.74%"],
        ["合计", "49727316.84", "100%"],
      ]),
    );
    // the total row of a table of income sources is the income total
    expect(table.statements.filter((x) => x.key === "income_total").map((x) => x.figure.value)).toEqual([
      "4972.731684",
    ]);
    expect(table.lines.map((l) => [l.item, l.amount.value, l.share?.value])).toEqual([
      ["一般公共预算财政拨款收入", "4821.56", "87.46"],
      ["其他收入", "151.171684", "2.74"],
    ]);
    const prose = mentionsToFigures(
      scanMentions(
        LocatedText.fromBox(
          "基本支出12486230.56元，其中工资和福利支出9852114.30 元（78.90%），增加100万元（增长5%）。",
          1,
          {
            x0: 0,
            y0: 0,
            x1: 500,
            y1: 10,
          },
        ),
        0,
        definitions.vocabulary,
      ),
      definitions.vocabulary,
    );
    expect(prose.lines.map((l) => [l.section, l.amount.value, l.share?.value])).toEqual([
      ["basic_expenditure", "985.21143", "78.9"],
    ]);
  });

  it("labels each number of a side-by-side 收入 | 金额 | 支出 | 金额 table by the text to its left", () => {
    const { lines, statements } = figures(
      grid([
        ["收入项目", "金额", "支出项目", "金额"],
        ["一般公共预算财政拨款收入", "30,125,600.00", "农林水支出", "29,604,182.30"],
        ["其他收入", "386,420.36", "卫生健康支出", "968,214.10"],
        ["本年收入合计", "30,512,020.36", "本年支出合计", "30,572,396.40"],
        ["年初结转和结余", "400,000.00", "年末结转和结余", "339,623.96"],
        ["总计", "30,912,020.36", "总计", "30,912,020.36"],
      ]),
    );
    expect(lines.filter((l) => l.section === "expenditure_by_function").map((l) => l.item)).toEqual([
      "农林水支出",
      "卫生健康支出",
    ]);
    const get = (k: string) => statements.filter((x) => x.key === k).map((x) => x.figure.value);
    expect(get("income_total")).toEqual(["30512020.36"]);
    expect(get("expenditure_total")).toEqual(["30572396.4"]);
  });

  it("reads an income change as no expenditure change", () => {
    const { statements } = mentionsToFigures(
      scanMentions(
        LocatedText.fromBox(
          "本年收入合计3,206.41万元，较上年增加1,021.36万元，增长46.7%。本年支出合计3,100.00万元，较上年增加610.45万元，增长24.5%。",
          1,
          { x0: 0, y0: 0, x1: 500, y1: 10 },
        ),
        0,
        definitions.vocabulary,
      ),
      definitions.vocabulary,
    );
    expect(statements.filter((x) => x.key.startsWith("yoy")).map((x) => [x.key, x.figure.value])).toEqual([
      ["yoy_change", "610.45"],
      ["yoy_change_pct", "24.5"],
    ]);
  });

  it("reads no figure from a headerless row of several amounts, and no budget split as spending", () => {
    const { statements, lines } = figures(
      grid(
        [
          ["基本支出", "720.00", "748.50", "741.90"],
          ["一般公共预算财政拨款收入", "2,540.00", "87.46%"],
        ].map((r) => [...r, ...Array(4 - r.length).fill("")]),
      ),
    );
    expect(statements).toEqual([]);
    expect(lines.map((l) => [l.item, l.amount.value, l.share?.value])).toEqual([
      ["一般公共预算财政拨款收入", "2540", undefined],
    ]);
    const prose = mentionsToFigures(
      scanMentions(
        LocatedText.fromBox("年初预算2,060.0000万元，其中基本支出560.0000万元、项目支出1,500.0000万元。", 1, {
          x0: 0,
          y0: 0,
          x1: 500,
          y1: 10,
        }),
        0,
        definitions.vocabulary,
      ),
      definitions.vocabulary,
    );
    expect(prose.statements.map((x) => x.key)).toEqual(["initial_budget"]);
  });
});
