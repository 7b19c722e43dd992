/**
 * When a headline figure is stated more than once, every statement is kept (the discrepancy
 * checks compare them) and one is canonical, by this rule:
 *   1. a statement that agrees with its own breakdown (its stated parts add up to it within the
 *      rounding their printed digits allow) wins;
 *   2. otherwise a statement in a table wins over one in running text;
 *   3. otherwise the first statement in reading order.
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
    out[key] = pick.figure;
  }
  return out;
}
