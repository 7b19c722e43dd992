/** Each discrepancy rule, including the tolerance edge: exactly at and just past the rounding bound. */
import Big from "big.js";
import { describe, expect, it } from "vitest";
import { rules as RULES } from "../../pipelines/rules.js";
import type { Report } from "../../schemas/report.js";
import { gradeForScore } from "../../src/checks/grade-bands.js";
import { robustZ } from "../../src/checks/peer-statistics.js";
import * as run from "../../src/checks/run-checks.js";
import { similarity } from "../../src/checks/text-similarity.js";
import { judge, percentOf, sumOf } from "../../src/checks/tolerance.js";
import { fig, line, report, state, withIdentity } from "../helpers/report-builder.js";

const checkReport = (r: Report) => run.checkReport(r, RULES);
const checkYearPair = (cur: Report, prev: Report) => run.checkYearPair(cur, prev, RULES);
const checkPeers = (group: Report[]) => run.checkPeers(group, RULES);
const runChecks = (reports: Report[]) => run.runChecks(reports, { rules: RULES });

const rules = (fs: { rule: string; severity: string }[]) => fs.map((f) => `${f.rule}:${f.severity}`);

describe("tolerance from printed precision", () => {
  it("accepts a sum exactly at the rounding bound and flags one just past it", () => {
    // Parts printed to 0.01 may each be off by 0.005, and so may the total: bound = 3 × 0.005 = 0.015.
    const parts = [fig("100.00"), fig("200.00")];
    expect(judge(fig("300.01"), sumOf(parts))).toBeUndefined(); // 0.01 ≤ 0.015
    const atBound = { value: "300.015", ulp: "0.01" }; // difference 0.015 = bound
    expect(judge(atBound, sumOf(parts))).toBeUndefined();
    const past = { value: "300.0151", ulp: "0.01" };
    expect(judge(past, sumOf(parts))?.severity).toBe("info"); // rounding-level: within one more unit
    expect(judge(fig("300.03"), sumOf(parts))?.severity).toBe("error"); // 0.03 > 0.015 + 0.01
  });

  it("propagates operand rounding into ratios", () => {
    const e = percentOf(fig("2568.72"), fig("5668.66"))!;
    expect(e.value.toFixed(4)).toBe("45.3144");
    // 45.31 agrees; the seed's printed 45.32 is just past the bound: a rounding-level finding.
    expect(judge(fig("45.31", "%"), e)).toBeUndefined();
    expect(judge(fig("45.32", "%"), e)?.severity).toBe("info");
    expect(judge(fig("45.40", "%"), e)?.severity).toBe("error");
  });
});

describe("within-report rules", () => {
  it("sum_mismatch: parts that do not add up to the stated total", () => {
    const r = report("a");
    state(r, "project_total", "5668.66");
    line(r, "project_expenditure", "工资和福利支出", "2668.66");
    line(r, "project_expenditure", "商品和服务支出", "2568.72");
    line(r, "project_expenditure", "资本性支出", "430.76");
    const f = checkReport(r).filter((x) => x.rule === "sum_mismatch");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      field: "project_expenditure",
      stated: "5668.66",
      expected: "5668.14",
      difference: "0.52",
      severity: "error",
      page: 1,
    });
  });

  it("the year's income adds up without the money carried over from last year", () => {
    const r = report("carry");
    state(r, "income_total", "100.00");
    line(r, "income", "一般公共预算财政拨款收入", "60.00");
    line(r, "income", "其他收入", "40.00");
    line(r, "income", "上年结转", "20.00");
    expect(checkReport(r).filter((x) => x.rule === "sum_mismatch")).toEqual([]);
    // a total that fits neither way is still a mismatch
    const r2 = report("carry2");
    state(r2, "income_total", "130.00");
    line(r2, "income", "一般公共预算财政拨款收入", "60.00");
    line(r2, "income", "其他收入", "40.00");
    line(r2, "income", "上年结转", "20.00");
    expect(rules(checkReport(r2).filter((x) => x.rule === "sum_mismatch"))).toEqual(["sum_mismatch:error"]);
  });

  it("no finding when parts agree within rounding", () => {
    const r = report("b");
    state(r, "income_total", "8534.9");
    line(r, "income", "一般公共预算财政拨款收入", "2329.09", "27.29");
    line(r, "income", "事业收入", "6205.81", "72.71");
    expect(checkReport(r)).toEqual([]);
  });

  it("share_mismatch and rate_mismatch", () => {
    const r = report("c");
    state(r, "basic_total", "3193.16");
    line(r, "basic_expenditure", "商品和服务支出", "264.11", "9.37");
    line(r, "basic_expenditure", "工资和福利支出", "2929.05", "91.73");
    state(r, "budget_total", "2205.45");
    state(r, "executed_total", "2113.26");
    state(r, "execution_rate", "96.72", "%");
    const fs = checkReport(r);
    expect(fs.find((f) => f.rule === "share_mismatch")).toMatchObject({
      field: "basic_expenditure:商品和服务支出",
      stated: "9.37",
      severity: "error",
    });
    expect(fs.find((f) => f.rule === "rate_mismatch")).toMatchObject({
      field: "execution_rate",
      stated: "96.72",
      severity: "error",
    });
    expect(new Big(fs.find((f) => f.rule === "rate_mismatch")!.expected!).toFixed(2)).toBe("95.82");
  });

  it("restated_mismatch: the same item printed twice; the consistent one is used for the sum", () => {
    const r = report("d");
    state(r, "income_total", "8534.9");
    line(r, "income", "一般公共预算财政拨款收入", "2392.09");
    line(r, "income", "事业收入", "6205.81");
    line(r, "income", "一般公共预算财政拨款收入", "2329.09", "27.29");
    const fs = checkReport(r);
    expect(rules(fs)).toEqual(["restated_mismatch:error"]);
    expect(fs[0]).toMatchObject({
      field: "income:一般公共预算财政拨款收入",
      stated: "2392.09",
      expected: "2329.09",
    });
  });

  it("restated_mismatch inside a task row (23618 vs 3618 份)", () => {
    const r = report("e");
    const t = (v: string, page: number) => ({
      value: v,
      prov: { page, bbox: [0, 0, 1, 1] as [number, number, number, number], text: v },
    });
    r.tasks.push({
      seq: 2,
      name: "做好出版发行业务工作",
      content: t("完成平均每天23618份报纸的印刷工作及投递工作。", 8),
      goal: t("完成平均每天3618份报纸的印刷工作及投递工作，客户满意度90%以上。", 8),
      pages: [8],
      prov: { page: 8, bbox: [0, 0, 1, 1], text: "任务2" },
    });
    expect(checkReport(r)).toMatchObject([
      { rule: "restated_mismatch", field: "task:2", stated: "23618", expected: "3618", page: 8 },
    ]);
  });

  it("grade_mismatch against the score bands, in both wordings", () => {
    expect(gradeForScore(90, "优")).toBe("优");
    expect(gradeForScore(89.9, "优")).toBe("良");
    expect(gradeForScore(79.9, "良好")).toBe("合格");
    expect(gradeForScore(59.9, "中")).toBe("差");
    const r = report("f");
    r.self_score = fig("87.3", "分");
    r.grade = { value: "优", prov: { page: 2, bbox: [0, 0, 1, 1], text: "优" } };
    expect(rules(checkReport(r))).toEqual(["grade_mismatch:error"]);
    r.grade.value = "良";
    expect(checkReport(r)).toEqual([]);
    r.grade.value = "良好";
    expect(checkReport(r)).toEqual([]);
    // the 优秀/良好/一般/较差 wording
    expect(gradeForScore(72, "一般")).toBe("一般");
    r.self_score = fig("72", "分");
    r.grade.value = "一般";
    expect(checkReport(r)).toEqual([]);
    r.grade.value = "较差";
    expect(rules(checkReport(r))).toEqual(["grade_mismatch:error"]);
  });

  it("a task's completion may differ from its plan; the plan's own cells may not", () => {
    const r = report("task");
    const text = (value: string) => ({
      value,
      prov: { page: 3, bbox: [0, 0, 1, 1] as [number, number, number, number], text: value },
    });
    r.tasks = [
      {
        seq: 1,
        name: "建设社区服务站",
        content: text("新建社区服务站6个"),
        goal: text("建成社区服务站6个"),
        completion: text("已建成社区服务站4个"),
        pages: [3],
        prov: { page: 3, bbox: [0, 0, 1, 1], text: "" },
      },
    ];
    expect(checkReport(r)).toEqual([]);
    r.tasks[0]!.goal = text("建成社区服务站8个");
    expect(rules(checkReport(r))).toEqual(["restated_mismatch:error"]);
  });

  it("score_sum_mismatch only where the indicators carry all 100 points", () => {
    const ind = (weight: string, score: string) => ({
      level1: "产出指标",
      level2: "数量指标",
      level3: `指标${weight}-${score}`,
      target: {
        value: "100%",
        prov: { page: 2, bbox: [0, 0, 1, 1] as [number, number, number, number], text: "100%" },
      },
      target_op: "=" as const,
      weight: fig(weight, "分", 2),
      score: fig(score, "分", 2),
      page: 2,
      prov: { page: 2, bbox: [0, 0, 1, 1] as [number, number, number, number], text: "" },
    });
    const r = report("g");
    r.self_score = fig("85", "分");
    r.indicators = [ind("40", "40"), ind("30", "28"), ind("30", "25")];
    expect(rules(checkReport(r))).toEqual(["score_sum_mismatch:warning"]);
    // 90 points in the indicator block: the other 10 belong to budget execution, scored elsewhere
    r.indicators = [ind("40", "40"), ind("30", "28"), ind("20", "8")];
    expect(checkReport(r)).toEqual([]);
  });
});

describe("cross-year rules", () => {
  const year = (y: number, total: string, change?: string, pct?: string) => {
    const r = withIdentity(report(`y${y}`), "某市某区文化局", y);
    state(r, "expenditure_total", total);
    if (change) state(r, "yoy_change", change);
    if (pct) state(r, "yoy_change_pct", pct, "%");
    return r;
  };

  it("yoy_mismatch: stated change against last year's report", () => {
    const prev = year(2021, "5166.47");
    const ok = year(2022, "5004.41", "-162.06", "-3.14");
    expect(checkYearPair(ok, prev)).toEqual([]);
    const bad = year(2022, "5004.41", "138.44", "3.14");
    const fs = checkYearPair(bad, prev);
    expect(fs.map((f) => f.field)).toEqual(["yoy_change", "yoy_change_pct"]);
    expect(fs[0]).toMatchObject({
      rule: "yoy_mismatch",
      scope: "cross_year",
      expected: "-162.06",
      reference_report_id: prev.report_id,
    });
    expect(fs[0]!.other_report_id).toBeUndefined();
  });

  it("a change stated against 执行数 rather than the total expenditure is no mismatch", () => {
    const prev = year(2021, "1000.00");
    state(prev, "executed_total", "950.00");
    const cur = year(2022, "1100.00", "50.00", "5.26");
    state(cur, "executed_total", "1000.00");
    expect(checkYearPair(cur, prev)).toEqual([]);
    const wrong = year(2022, "1100.00", "70.00", "7.37");
    state(wrong, "executed_total", "1000.00");
    expect(checkYearPair(wrong, prev).map((f) => f.field)).toEqual(["yoy_change", "yoy_change_pct"]);
  });

  it("finds years by department name (with aliases), never by file", () => {
    const a = year(2021, "100");
    const b = year(2022, "110", "10");
    b.source_file = "unrelated-name.pdf";
    expect(runChecks([a, b]).filter((f) => f.rule === "yoy_mismatch")).toEqual([]);
    b.headline.yoy_change = fig("20");
    expect(runChecks([a, b]).filter((f) => f.rule === "yoy_mismatch")).toHaveLength(1);
  });

  it("near-duplicate problem texts", () => {
    expect(
      similarity(
        "部分项目绩效目标设置不够细化，下一步将加强绩效目标管理。",
        "部分项目绩效目标设置不够细化,下一步将加强绩效目标管理",
      ),
    ).toBe(1);
    expect(similarity("资金使用部门对绩效管理的重视程度不够。", "绩效指标的制定有待更加细化。")).toBeLessThan(
      0.3,
    );
  });
});

describe("cross-department rules", () => {
  it("robust z-scores name the outlier with its peers' median", () => {
    expect(robustZ(50, [95, 96, 97, 98, 94]).z).toBeLessThan(-3.5);
    const group = [95, 96, 97, 98, 94, 50].map((rate, i) => {
      const r = withIdentity(report(`p${i}`), `某市某区部门${i}`, 2022);
      state(r, "execution_rate", String(rate), "%");
      return r;
    });
    const fs = checkPeers(group).filter((f) => f.field === "execution_rate");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      report_id: group[5]!.report_id,
      severity: "info",
      scope: "cross_department",
    });
    expect(fs[0]!.message).toMatch(/中位数96/);
  });

  it("peers a few hundredths apart are no scale: a rate 1.5 points off is ordinary", () => {
    const group = [96.66, 96.71, 97.92, 98.31, 96.7].map((rate, i) => {
      const r = withIdentity(report(`q${i}`), `某市某区部门${i}`, 2022);
      state(r, "execution_rate", String(rate), "%");
      return r;
    });
    expect(checkPeers(group).filter((f) => f.field === "execution_rate")).toEqual([]);
  });
});

describe("last year's figures restated", () => {
  it("compares a restated prior-year total with last year's report", () => {
    const prev = withIdentity(report("q2021"), "某市某区水务局", 2021);
    state(prev, "expenditure_total", "2064.43");
    const cur = withIdentity(report("q2022"), "某市某区水务局", 2022);
    state(cur, "expenditure_total", "2113.26");
    state(cur, "prior_expenditure_total", "2064.43");
    expect(checkYearPair(cur, prev)).toEqual([]);
    cur.headline.prior_expenditure_total = fig("2046.43");
    expect(checkYearPair(cur, prev)).toMatchObject([
      { rule: "restated_mismatch", scope: "cross_year", field: "prior_year:expenditure_total" },
    ]);
  });
});

describe("OCR digit confusions", () => {
  it("reports two OCR readings one digit apart as info, pointing at the scan", () => {
    const r = report("o");
    state(r, "budget_total", "3295.881");
    state(r, "budget_total", "3255.881");
    for (const s of r.statements) s.figure.prov.conf = 90;
    const fs = checkReport(r);
    expect(fs).toMatchObject([{ rule: "restated_mismatch", severity: "info" }]);
    expect(fs[0]!.message).toMatch(/识别误差/);
    // printed in a text layer, the same two values are a contradiction
    for (const s of r.statements) delete s.figure.prov.conf;
    expect(checkReport(r)).toMatchObject([{ rule: "restated_mismatch", severity: "error" }]);
  });
});
