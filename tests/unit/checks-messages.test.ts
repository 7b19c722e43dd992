/**
 * Discrepancy messages write amounts as the report printed them: a report in 元 reads in 元
 * (27,645,146.67元, never the 万元 value 2764.514667 the dataset holds), with its printed decimals
 * and grouping; the stated / expected / difference columns stay exact 万元 numbers.
 */
import Big from "big.js";
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { checkReport, checkYearPair } from "../../src/checks/run-checks.js";
import { fig, report, withIdentity } from "../helpers/report-builder.js";

let box = 0;
/** A figure printed in 元 (`27,645,146.67`), held as the dataset holds it: exact 万元. */
function yuan(printed: string, page = 2): Figure {
  const digits = printed.replace(/,/g, "");
  box++;
  return {
    value: new Big(digits).div(10000).toFixed(),
    ulp: "0.000001",
    unit: "元",
    prov: { page, bbox: [10, box * 12, 90, box * 12 + 10], text: `${printed} 元` },
  };
}

/** A figure in 万元 printed as `text` (with or without grouping). */
function wan(text: string, page = 2): Figure {
  const f = fig(text.replace(/,/g, ""), "万元", page);
  f.prov.text = text;
  return f;
}

const SIX_DECIMAL_WAN = /\d\.\d{3,}万元/;

function addLine(r: Report, section: "expenditure_by_function", item: string, amount: Figure): void {
  r.budget_lines.push({ section, item, item_as_printed: item, amount, context: "table" });
}

describe("amounts in messages as printed", () => {
  it("a sum in a report printed in 元 is written in 元, the columns stay exact 万元", () => {
    const r = report("yuan-sum");
    r.headline.expenditure_total = yuan("27,645,146.67");
    addLine(r, "expenditure_by_function", "卫生健康支出", yuan("25,000,000.00"));
    addLine(r, "expenditure_by_function", "社会保障和就业支出", yuan("2,635,146.67"));
    const f = checkReport(r, rules).find((x) => x.rule === "sum_mismatch")!;
    expect(f.message).toContain("合计应为27,635,146.67元");
    expect(f.message).toContain("报告列示27,645,146.67元");
    expect(f.message).toContain("相差10,000.00元");
    expect(f.message).not.toMatch(SIX_DECIMAL_WAN);
    expect(f).toMatchObject({ stated: "2764.514667", expected: "2763.514667", difference: "1" });
  });

  it("the amounts of a rate and a share are written with their printed unit", () => {
    const r = report("yuan-rate");
    r.headline.budget_total = yuan("28,735,460.00");
    r.headline.executed_total = yuan("27,645,146.67");
    r.headline.execution_rate = fig("97.85", "%");
    r.statements.push({
      key: "execution_rate",
      figure: r.headline.execution_rate,
      context: "prose",
      label: "预算执行率",
    });
    r.headline.expenditure_total = yuan("27,645,146.67");
    r.headline.basic_total = yuan("11,726,226.71");
    r.headline.project_total = yuan("15,918,919.96");
    r.headline.basic_share = fig("45.42", "%");
    const fs = checkReport(r, rules);
    const rate = fs.find((x) => x.rule === "rate_mismatch")!;
    expect(rate.message).toContain("执行数27,645,146.67元÷预算数28,735,460.00元");
    expect(rate.message).toContain("应为96.21%");
    const share = fs.find((x) => x.rule === "share_mismatch")!;
    expect(share.message).toContain("11,726,226.71元÷27,645,146.67元");
    for (const f of fs) expect(f.message, f.rule).not.toMatch(SIX_DECIMAL_WAN);
  });

  it("a figure printed twice, once in 元 and once in 万元, is quoted in each print's unit", () => {
    const r = report("restated");
    const a = yuan("23,920,900.00", 5);
    const b = wan("2,329.09", 6);
    r.statements.push(
      { key: "budget_total", figure: a, context: "prose", label: "全年预算数" },
      { key: "budget_total", figure: b, context: "table", label: "全年预算数" },
    );
    r.headline.budget_total = a;
    const f = checkReport(r, rules).find((x) => x.rule === "restated_mismatch")!;
    expect(f.message).toContain("第5页为23,920,900.00元");
    expect(f.message).toContain("第6页为2,329.09万元");
  });

  it("a 万元 report printed without grouping reads without it; decimals as printed", () => {
    const r = report("plain");
    r.headline.expenditure_total = wan("8534.90");
    addLine(r, "expenditure_by_function", "文化旅游体育与传媒支出", wan("7645.16"));
    addLine(r, "expenditure_by_function", "社会保障和就业支出", wan("730.18"));
    const f = checkReport(r, rules).find((x) => x.rule === "sum_mismatch")!;
    expect(f.message).toContain("合计应为8375.34万元");
    expect(f.message).toContain("报告列示8534.90万元");
    expect(f.message).toContain("相差159.56万元");
  });

  it("the change against last year of reports in 元 is written in 元", () => {
    const cur = withIdentity(report("y2023"), "某市某区卫生健康局", 2023);
    const prev = withIdentity(report("y2022"), "某市某区卫生健康局", 2022);
    cur.headline.expenditure_total = yuan("27,645,146.67");
    cur.headline.yoy_change = yuan("2,000,000.00");
    prev.headline.expenditure_total = yuan("25,306,482.57", 3);
    const f = checkYearPair(cur, prev, rules).find((x) => x.rule === "yoy_mismatch")!;
    expect(f.message).toContain("增加2,000,000.00元");
    expect(f.message).toContain(
      "按本年总支出27,645,146.67元与2022年度报告总支出25,306,482.57元计算应为2,338,664.10元",
    );
    expect(f.message).not.toMatch(SIX_DECIMAL_WAN);
  });
});
