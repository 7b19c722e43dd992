/** Small hand-made Report records for rule tests: every figure gets a distinct fake provenance. */

import Big from "big.js";
import type { Figure } from "../../schemas/provenance.js";
import type { BudgetLine, BudgetSection, HeadlineKey, Report, Statement } from "../../schemas/report.js";
import { decimalString } from "../../src/extract/numbers.js";

let seq = 0;
export function fig(value: string, unit = "万元", page = 1): Figure {
  const decimals = value.includes(".") ? value.split(".")[1]!.length : 0;
  seq++;
  return {
    value,
    ulp: decimalString(new Big(1).div(new Big(10).pow(decimals))),
    unit,
    prov: { page, bbox: [10, seq * 12, 80, seq * 12 + 10], text: value },
  };
}

export function report(id: string, fields: Partial<Report> = {}): Report {
  return {
    report_id: id.padEnd(64, "0"),
    source_file: `${id}.pdf`,
    source_path: `${id}.pdf`,
    staff: {},
    statements: [],
    headline: {},
    budget_lines: [],
    indicators: [],
    tasks: [],
    projects: [],
    pages: 3,
    ocr_pages: 0,
    status: "ok",
    issues: [],
    ...fields,
  };
}

/** Adds a headline statement (and makes it canonical). */
export function state(r: Report, key: HeadlineKey, value: string, unit = "万元"): Figure {
  const f = fig(value, unit);
  const s: Statement = { key, figure: f, context: "prose", label: key };
  r.statements.push(s);
  r.headline[key] ??= f;
  return f;
}

export function line(
  r: Report,
  section: BudgetSection,
  item: string,
  amount: string,
  share?: string,
): BudgetLine {
  const l: BudgetLine = { section, item, item_as_printed: item, amount: fig(amount), context: "prose" };
  if (share) l.share = fig(share, "%");
  r.budget_lines.push(l);
  return l;
}

export function withIdentity(r: Report, department: string, year: number): Report {
  r.department = { value: department, prov: { page: 1, bbox: [0, 0, 1, 1], text: department } };
  r.fiscal_year = {
    value: String(year),
    ulp: "1",
    unit: "年",
    prov: { page: 1, bbox: [0, 0, 1, 1], text: String(year) },
  };
  return r;
}
