/**
 * When a headline figure is stated more than once, every statement is kept (the discrepancy
 * checks compare them) and one is canonical, by this rule:
 *   1. a statement that agrees with its own breakdown (its stated parts add up to it within the
 *      rounding their printed digits allow) wins;
 *   2. otherwise a statement in a table wins over one in running text;
 *   3. otherwise the first statement in reading order;
 *   and a statement that says the same more precisely (1.26亿元 and 12,634.52万元: equal within the
 *   rounding of the coarser) replaces the one picked.
 */
import Big from "big.js";
import type { Figure } from "../../schemas/provenance.js";
import type { BudgetLine, BudgetSection, HeadlineKey, Statement } from "../../schemas/report.js";

const PARTS: Partial<Record<HeadlineKey, BudgetSection>> = {
  income_total: "income",
  expenditure_total: "expenditure_by_function",
  basic_total: "basic_expenditure",
  project_total: "project_expenditure",
};

/** Sum of the parts of a breakdown (each item once: its first statement) and their rounding bound. */
export function partsOf(
  lines: readonly BudgetLine[],
  section: BudgetSection,
): { sum: Big; tolerance: Big; n: number } {
  const seen = new Set<string>();
  let sum = new Big(0);
  let tolerance = new Big(0);
  for (const l of lines) {
    if (l.section !== section || seen.has(l.item)) continue;
    seen.add(l.item);
    sum = sum.plus(l.amount.value);
    tolerance = tolerance.plus(new Big(l.amount.ulp).div(2));
  }
  return { sum, tolerance, n: seen.size };
}

const agrees = (f: Figure, parts: { sum: Big; tolerance: Big; n: number }): boolean =>
  parts.n >= 2 &&
  new Big(f.value)
    .minus(parts.sum)
    .abs()
    .lte(parts.tolerance.plus(new Big(f.ulp).div(2)));

export function canonicalHeadline(
  statements: readonly Statement[],
  lines: readonly BudgetLine[],
): Partial<Record<HeadlineKey, Figure>> {
  const out: Partial<Record<HeadlineKey, Figure>> = {};
  const byKey = new Map<HeadlineKey, Statement[]>();
  for (const s of statements) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  for (const [key, list] of byKey) {
    const section = PARTS[key];
    const parts = section ? partsOf(lines, section) : undefined;
    const consistent = parts ? list.filter((s) => agrees(s.figure, parts)) : [];
    const pick = consistent[0] ?? list.find((s) => s.context === "table") ?? list[0]!;
    const finer = list
      .filter((s) => new Big(s.figure.ulp).lt(pick.figure.ulp) && sameWithinRounding(s.figure, pick.figure))
      .sort((a, b) => new Big(a.figure.ulp).cmp(b.figure.ulp))[0];
    out[key] = (finer ?? pick).figure;
  }
  return out;
}

const sameWithinRounding = (a: Figure, b: Figure): boolean =>
  new Big(a.value).minus(b.value).abs().lte(new Big(a.ulp).plus(b.ulp).div(2));
