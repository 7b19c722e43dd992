/**
 * sum_mismatch: a stated breakdown (income by source, expenditure by function or economic class,
 * 基本 + 项目, the parts of the change against last year) that does not add up to its stated total
 * beyond the rounding the printed digits allow.
 */
import type { Finding } from "../../../schemas/finding.js";
import type { Figure } from "../../../schemas/provenance.js";
import type { BudgetLine, BudgetSection, HeadlineKey, Report } from "../../../schemas/report.js";
import { SECTION_NAME } from "../field-names.js";
import { evidence, makeFinding, pageRef, printed, printedLike } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { judge, sumOf } from "../tolerance.js";
import { statedSumFindings } from "./stated-sum-mismatch.js";

/**
 * One statement per item for sums: where an item is printed twice with different values (the
 * restated check reports that), the statement that lets the breakdown add up is used, else the first.
 */
export function itemsFor(lines: readonly BudgetLine[], section: BudgetSection, total?: Figure): BudgetLine[] {
  const byItem = new Map<string, BudgetLine[]>();
  for (const l of lines) if (l.section === section) byItem.set(l.item, [...(byItem.get(l.item) ?? []), l]);
  const firsts = [...byItem.values()].map((ls) => ls[0]!);
  if (!total) return firsts;
  // Try the alternatives of each restated item; keep a combination that adds up, if any.
  let best = firsts;
  const restated = [...byItem.values()].filter((ls) => ls.length > 1);
  for (const ls of restated) {
    for (const alt of ls.slice(1)) {
      const trial = best.map((b) => (b.item === alt.item ? alt : b));
      if (!judge(total, sumOf(trial.map((t) => t.amount)))) best = trial;
    }
  }
  return best;
}

function sumMismatch(
  r: Report,
  field: string,
  total: Figure,
  parts: readonly BudgetLine[] | Figure[],
  what: string,
  out: Finding[],
): void {
  const figs: Figure[] = parts.map((p) => ("amount" in p ? p.amount : p));
  if (figs.length < 2) return;
  const expected = sumOf(figs);
  const v = judge(total, expected);
  if (!v) return;
  out.push(
    makeFinding(r, {
      rule: "sum_mismatch",
      severity: v.severity,
      field,
      stated: total,
      expected: expected.value,
      verdict: v,
      message: `${what}合计应为${printedLike(expected.value, total)}，报告列示${printed(total)}（${pageRef(total.prov)}），相差${printedLike(v.difference.abs(), total)}，请核对各组成项与合计数。`,
      evidence: [evidence(r, "stated total", total.prov), ...figs.map((f) => evidence(r, "part", f.prov))],
    }),
  );
}

const BREAKDOWNS: Array<[BudgetSection, HeadlineKey]> = [
  ["income", "income_total"],
  ["expenditure_by_function", "expenditure_total"],
  ["basic_expenditure", "basic_total"],
  ["project_expenditure", "project_total"],
];

export const sumMismatchRule: RuleOf<"report"> = {
  id: "sum_mismatch",
  scope: "report",
  severity: "error",
  name: "合计不符",
  explanation: "各组成项相加与报告列示的合计数不一致。",
  run(r) {
    const out: Finding[] = [];
    const h = r.headline;
    for (const [section, key] of BREAKDOWNS) {
      const total = h[key];
      if (!total) continue;
      let parts = itemsFor(r.budget_lines, section, total);
      // The year's income (本年收入合计) leaves out money carried over from last year (年初结转和结余),
      // which a 收入支出决算总表 prints beside it: the sources add up without it.
      const own = parts.filter((p) => p.item !== "上年结转");
      if (own.length < parts.length && own.length >= 2 && !judge(total, sumOf(own.map((p) => p.amount))))
        parts = own;
      sumMismatch(r, section, total, parts, SECTION_NAME[section], out);
    }
    const expenditure = h.expenditure_total ?? h.executed_total;
    if (expenditure && h.basic_total && h.project_total) {
      sumMismatch(
        r,
        "basic_plus_project",
        expenditure,
        [h.basic_total, h.project_total],
        "基本支出与项目支出",
        out,
      );
    }
    const yoyParts = itemsFor(r.budget_lines, "yoy_component");
    if (h.yoy_change && yoyParts.length >= 2)
      sumMismatch(r, "yoy_component", h.yoy_change, yoyParts, "支出增减构成", out);
    // Totals the report states with their parts (合计 rows, 其中 rows, prose): stated-sum-mismatch.ts.
    out.push(...statedSumFindings(r));
    return out;
  },
};
