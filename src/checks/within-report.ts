/**
 * Checks inside one report: breakdowns that do not add up, shares and rates that do not follow
 * from the amounts, figures printed twice with different values, grades outside their score band,
 * and scores that do not match results.
 */
import Big from "big.js";
import type { Finding } from "../../schemas/finding.js";
import type { Figure } from "../../schemas/provenance.js";
import type { BudgetLine, BudgetSection, HeadlineKey, Report } from "../../schemas/report.js";
import { normalizeText } from "../layout/located-text.js";
import { evidence, makeFinding, n, pageRef } from "./finding-builder.js";
import { differenceOf, judge, percentOf, sumOf } from "./tolerance.js";

const SECTION_NAME: Record<BudgetSection, string> = {
  income: "收入来源",
  expenditure_by_function: "支出功能分类",
  basic_expenditure: "基本支出经济分类",
  project_expenditure: "项目支出经济分类",
  yoy_component: "支出增减构成",
};

const KEY_NAME: Partial<Record<HeadlineKey, string>> = {
  budget_total: "全年预算数",
  initial_budget: "年初预算数",
  executed_total: "执行数",
  execution_rate: "预算执行率",
  income_total: "总收入",
  expenditure_total: "总支出",
  basic_total: "基本支出",
  project_total: "项目支出",
  basic_share: "基本支出占比",
  project_share: "项目支出占比",
  yoy_change: "支出较上年增减额",
  yoy_change_pct: "支出较上年增减幅度",
};

/**
 * One statement per item for sums: where an item is printed twice with different values (the
 * restated check reports that), the statement that lets the breakdown add up is used, else the first.
 */
function itemsFor(lines: readonly BudgetLine[], section: BudgetSection, total?: Figure): BudgetLine[] {
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
      message: `${what}合计应为${n(expected.value)}万元，报告列示${n(total.value)}万元（${pageRef(total.prov)}），相差${n(v.difference.abs())}万元，请核对各组成项与合计数。`,
      evidence: [evidence(r, "stated total", total.prov), ...figs.map((f) => evidence(r, "part", f.prov))],
    }),
  );
}

function shareMismatch(
  r: Report,
  field: string,
  share: Figure,
  part: Figure,
  whole: Figure,
  label: string,
  out: Finding[],
): void {
  const expected = percentOf(part, whole);
  if (!expected) return;
  const v = judge(share, expected);
  if (!v) return;
  out.push(
    makeFinding(r, {
      rule: "share_mismatch",
      severity: v.severity,
      field,
      stated: share,
      expected: expected.value,
      verdict: v,
      message: `${label}占比按${n(part.value)}÷${n(whole.value)}计算应为${n(expected.value)}%，报告列示${n(share.value)}%（${pageRef(share.prov)}）${v.severity === "info" ? "，属舍入差异" : "，请核对"}。`,
      evidence: [
        evidence(r, "stated share", share.prov),
        evidence(r, "part", part.prov),
        evidence(r, "total", whole.prov),
      ],
    }),
  );
}

function rateMismatch(
  r: Report,
  field: string,
  rate: Figure,
  executed: Figure,
  budget: Figure,
  label: string,
  out: Finding[],
): void {
  const expected = percentOf(executed, budget);
  if (!expected) return;
  const v = judge(rate, expected);
  if (!v) return;
  out.push(
    makeFinding(r, {
      rule: "rate_mismatch",
      severity: v.severity,
      field,
      stated: rate,
      expected: expected.value,
      verdict: v,
      message: `${label}执行率按执行数${n(executed.value)}÷预算数${n(budget.value)}计算应为${n(expected.value)}%，报告列示${n(rate.value)}%（${pageRef(rate.prov)}），请核对执行率或预算、执行数。`,
      evidence: [
        evidence(r, "stated rate", rate.prov),
        evidence(r, "executed", executed.prov),
        evidence(r, "budget", budget.prov),
      ],
    }),
  );
}

/**
 * Two OCR readings of one figure that differ in a single digit (3295.881 / 3255.881) are far more
 * likely a misread digit than two printed figures: reported as "info" with a pointer to the scan.
 */
export function oneDigitOcrDifference(a: Figure, b: Figure): boolean {
  if (a.prov.conf === undefined && b.prov.conf === undefined) return false;
  const da = a.prov.text.replace(/\D/g, "");
  const db = b.prov.text.replace(/\D/g, "");
  if (da.length !== db.length || da.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) diff++;
  return diff === 1;
}

function restated(r: Report, field: string, a: Figure, b: Figure, label: string, out: Finding[]): void {
  const v = judge(a, differenceOf(b, { value: "0", ulp: "0" }));
  if (!v) return;
  const ocr = oneDigitOcrDifference(a, b);
  out.push(
    makeFinding(r, {
      rule: "restated_mismatch",
      severity: ocr ? "info" : v.severity,
      field,
      stated: a,
      expected: new Big(b.value),
      verdict: v,
      otherPage: b.prov.page,
      message: ocr
        ? `同一数字“${label}”两处识别结果仅差一位数字：${pageRef(a.prov)}为${n(a.value)}，${pageRef(b.prov)}为${n(b.value)}，多为扫描件识别误差，请对照原件核实。`
        : `同一数字“${label}”前后列示不一致：${pageRef(a.prov)}为${n(a.value)}，${pageRef(b.prov)}为${n(b.value)}，请核实正确数值。`,
      evidence: [evidence(r, "first statement", a.prov), evidence(r, "second statement", b.prov)],
    }),
  );
}

/** The words of the 自评等级 for the bands ≥90, 80–89.x, 60–79.x, <60, as provinces print them. */
const GRADE_FAMILIES = [
  ["优", "良", "中", "差"],
  ["优秀", "良好", "合格", "不合格"],
  ["优秀", "良好", "一般", "较差"],
  ["优秀", "良好", "中等", "差"],
  ["优秀", "较好", "一般", "较差"],
] as const;

const band = (score: number): number => (score >= 90 ? 0 : score >= 80 ? 1 : score >= 60 ? 2 : 3);

/** The grade the score's band has in the wording of the printed grade (its first family that has it). */
export function gradeForScore(score: number, printed: string): string {
  const family = GRADE_FAMILIES.find((f) => (f as readonly string[]).includes(printed)) ?? GRADE_FAMILIES[0];
  return family[band(score)]!;
}

/** Whether the printed grade is the score's band in any wording that uses that word. */
export function gradeFitsScore(score: number, printed: string): boolean {
  return GRADE_FAMILIES.some((f) => f[band(score)] === printed);
}

/** Numbers with their unit inside task texts ("3600份"), keyed by the words before them. */
function quantities(text: string): Array<{ key: string; value: string; unit: string }> {
  const t = normalizeText(text).replace(/\s+/g, "");
  const out: Array<{ key: string; value: string; unit: string }> = [];
  const re = /(\d[\d,]*(?:\.\d+)?)(份|个|场|次|人次|人|条|件|项|篇|期|户|家|所|台|套|万份)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 4), m.index);
    out.push({ key: `${before}|${m[2]}`, value: m[1]!.replace(/,/g, ""), unit: m[2]! });
  }
  return out;
}

export function checkReport(r: Report): Finding[] {
  const out: Finding[] = [];
  const h = r.headline;
  const lines = r.budget_lines;

  // 1. Cross-footing: every stated breakdown against its stated total.
  const breakdowns: Array<[BudgetSection, HeadlineKey]> = [
    ["income", "income_total"],
    ["expenditure_by_function", "expenditure_total"],
    ["basic_expenditure", "basic_total"],
    ["project_expenditure", "project_total"],
  ];
  for (const [section, key] of breakdowns) {
    const total = h[key];
    if (!total) continue;
    let parts = itemsFor(lines, section, total);
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
  const yoyParts = itemsFor(lines, "yoy_component");
  if (h.yoy_change && yoyParts.length >= 2) {
    sumMismatch(r, "yoy_component", h.yoy_change, yoyParts, "支出增减构成", out);
  }

  // 2. Shares: each part's stated share against amount ÷ its whole.
  const wholes: Partial<Record<BudgetSection, Figure | undefined>> = {
    income: h.income_total,
    expenditure_by_function: h.expenditure_total,
    basic_expenditure: h.basic_total,
    project_expenditure: h.project_total,
  };
  for (const l of lines) {
    const whole = wholes[l.section];
    if (l.share && whole) shareMismatch(r, `${l.section}:${l.item}`, l.share, l.amount, whole, l.item, out);
  }
  const total = h.expenditure_total ?? h.executed_total;
  if (total && h.basic_share && h.basic_total)
    shareMismatch(r, "basic_share", h.basic_share, h.basic_total, total, "基本支出", out);
  if (total && h.project_share && h.project_total)
    shareMismatch(r, "project_share", h.project_share, h.project_total, total, "项目支出", out);

  // 3. Rates: overall and per project.
  const budget = h.budget_total;
  const executed = h.executed_total ?? h.expenditure_total;
  // One finding per distinct stated rate (the same rate printed in a table and in prose is one).
  const rates = r.statements.filter((s) => s.key === "execution_rate").map((s) => s.figure);
  for (const [i, rate] of rates.entries()) {
    if (rates.findIndex((x) => x.value === rate.value) !== i) continue;
    if (budget && executed) rateMismatch(r, "execution_rate", rate, executed, budget, "预算", out);
  }
  r.projects.forEach((p) => {
    if (p.rate && p.budget && p.executed)
      rateMismatch(r, `project:${p.name}`, p.rate, p.executed, p.budget, `项目“${p.name}”`, out);
  });

  // 4. The same figure printed twice with different values.
  const byKey = new Map<HeadlineKey, Figure[]>();
  for (const s of r.statements) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.figure]);
  for (const [key, figs] of byKey) {
    const distinct = figs.filter(
      (f, i) => figs.findIndex((g) => !judge(g, differenceOf(f, { value: "0", ulp: "0" }))) === i,
    );
    for (let i = 1; i < distinct.length; i++)
      restated(r, key, distinct[0]!, distinct[i]!, KEY_NAME[key] ?? key, out);
  }
  const byItem = new Map<string, BudgetLine[]>();
  for (const l of lines)
    byItem.set(`${l.section}:${l.item}`, [...(byItem.get(`${l.section}:${l.item}`) ?? []), l]);
  for (const [field, ls] of byItem) {
    const distinct = ls.filter(
      (l, i) => ls.findIndex((m) => !judge(m.amount, differenceOf(l.amount, { value: "0", ulp: "0" }))) === i,
    );
    for (let i = 1; i < distinct.length; i++)
      restated(r, field, distinct[0]!.amount, distinct[i]!.amount, ls[0]!.item, out);
  }
  for (const t of r.tasks) {
    // The plan's cells (content, expected goal) state the same quantities; the completion reports
    // what was done, which may rightly differ (完成6个 planned, 4个 done).
    const cells = [t.content, t.goal].filter((c): c is NonNullable<typeof c> => !!c);
    const seen = new Map<string, { value: string; cell: (typeof cells)[number] }>();
    for (const c of cells) {
      for (const q of quantities(c.value)) {
        const prev = seen.get(q.key);
        if (prev && prev.value !== q.value && prev.cell !== c) {
          out.push(
            makeFinding(r, {
              rule: "restated_mismatch",
              severity: "error",
              field: `task:${t.seq}`,
              stated: { value: prev.value, ulp: "1", unit: q.unit, prov: prev.cell.prov },
              expected: new Big(q.value),
              verdict: {
                severity: "error",
                difference: new Big(prev.value).minus(q.value),
                tolerance: new Big(0),
              },
              otherPage: c.prov.page,
              message: `任务${t.seq}“${t.name}”中同一数量前后不一致：${prev.value}${q.unit}（${pageRef(prev.cell.prov)}）与${q.value}${q.unit}（${pageRef(c.prov)}），请核实。`,
              evidence: [
                evidence(r, "first statement", prev.cell.prov),
                evidence(r, "second statement", c.prov),
              ],
            }),
          );
        }
        if (!prev) seen.set(q.key, { value: q.value, cell: c });
      }
    }
  }

  // 5. The grade against the score band.
  if (r.self_score && r.grade) {
    const score = Number(r.self_score.value);
    const want = gradeForScore(score, r.grade.value);
    if (!gradeFitsScore(score, r.grade.value)) {
      out.push(
        makeFinding(r, {
          rule: "grade_mismatch",
          severity: "error",
          field: "grade",
          stated: r.self_score,
          message: `自评得分${r.self_score.value}分对应等级应为“${want}”（优≥90，良80–89.x，中60–79.x，差<60），报告自评为“${r.grade.value}”（${pageRef(r.grade.prov)}）。`,
          evidence: [evidence(r, "score", r.self_score.prov), evidence(r, "grade", r.grade.prov)],
        }),
      );
    }
  }

  // 6. Scores against results: indicator scores adding up to the self score; a missed target scored in full.
  const scored = r.indicators.filter((i) => i.score);
  // Only where the indicators carry the whole 100 points: many forms give 10 of them to budget
  // execution (得分（满分10）) outside the indicator block.
  const weights = r.indicators.every((i) => i.weight) ? sumOf(r.indicators.map((i) => i.weight!)) : undefined;
  const whole = weights !== undefined && Math.abs(Number(weights.value) - 100) < 0.5;
  if (r.self_score && scored.length >= 3 && scored.length === r.indicators.length && whole) {
    const sum = sumOf(scored.map((i) => i.score!));
    const v = judge(r.self_score, sum);
    if (v) {
      out.push(
        makeFinding(r, {
          rule: "score_sum_mismatch",
          severity: v.severity === "error" ? "warning" : "info",
          field: "self_score",
          stated: r.self_score,
          expected: sum.value,
          verdict: v,
          message: `自评表各指标得分合计${n(sum.value)}分，与报告自评得分${r.self_score.value}分不一致，请核对。`,
          evidence: [
            evidence(r, "self score", r.self_score.prov),
            ...scored.map((i) => evidence(r, "indicator score", i.score!.prov)),
          ],
        }),
      );
    }
  }
  for (const i of r.indicators) {
    if (!i.score || !i.weight || !i.actual || i.target_value === undefined || i.target_op === "text")
      continue;
    const actual = /(\d+(?:\.\d+)?)/.exec(normalizeText(i.actual.value).replace(/,/g, ""));
    if (!actual) continue;
    const a = new Big(actual[1]!);
    const t = new Big(i.target_value);
    const missed =
      i.target_op === ">="
        ? a.lt(t)
        : i.target_op === "<="
          ? a.gt(t)
          : !a.eq(t) && i.target_unit === "%" && a.lt(t);
    if (missed && new Big(i.score.value).gte(i.weight.value)) {
      out.push(
        makeFinding(r, {
          rule: "score_result_mismatch",
          severity: "warning",
          field: `indicator:${i.level3}`,
          stated: i.score,
          message: `指标“${i.level3}”目标${i.target.value}，实际完成${i.actual.value}，未达目标却得满分${i.score.value}分（第${i.page}页），请核实评分。`,
          evidence: [
            evidence(r, "score", i.score.prov),
            evidence(r, "actual", i.actual.prov),
            evidence(r, "target", i.target.prov),
          ],
        }),
      );
    }
  }
  return out;
}
