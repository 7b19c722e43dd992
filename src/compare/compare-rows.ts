/**
 * The table auditors otherwise build by hand: one row per stored report with its headline figures,
 * for the departments of one year or the years of one department. Amounts stay the exact decimal
 * strings of the record; only derived values (a rate not printed, shares, per-capita spending) are
 * computed, to 4 decimals.
 */
import Big from "big.js";
import type { Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { show } from "../checks/tolerance.js";
import { loadSameReportLinks } from "../review/corrections-store.js";
import { loadReadings } from "../review/readings.js";
import type { Store } from "../store/store.js";

export interface CompareRow {
  department: string | null;
  fiscal_year: number | null;
  budget_total_wan: string | null;
  executed_total_wan: string | null;
  execution_rate_pct: string | null;
  /** "stated": printed in the report; "computed": executed ÷ budget because none was printed. */
  rate_source: "stated" | "computed" | null;
  basic_total_wan: string | null;
  project_total_wan: string | null;
  basic_share_pct: string | null;
  per_capita_wan: string | null;
  self_score: string | null;
  grade: string | null;
  /** Errors and warnings of `selfeval check`; info-level findings are not counted. */
  findings: number;
  report_id: string;
  /** The file the row was read from (the canonical reading when the report is in several files). */
  source_file: string;
  /** Other stored files of the same report (a scan, a re-export), not counted again. */
  copies: number;
}

export const COMPARE_COLUMNS = [
  "department",
  "fiscal_year",
  "budget_total_wan",
  "executed_total_wan",
  "execution_rate_pct",
  "rate_source",
  "basic_total_wan",
  "project_total_wan",
  "basic_share_pct",
  "per_capita_wan",
  "self_score",
  "grade",
  "findings",
  "report_id",
  "source_file",
  "copies",
] as const satisfies ReadonlyArray<keyof CompareRow>;
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

export const NUMERIC_COLUMNS: ReadonlySet<CompareColumn> = new Set([
  "fiscal_year",
  "budget_total_wan",
  "executed_total_wan",
  "execution_rate_pct",
  "basic_total_wan",
  "project_total_wan",
  "basic_share_pct",
  "per_capita_wan",
  "self_score",
  "findings",
  "copies",
]);

export interface CompareOptions {
  year?: number;
  department?: string;
}

const DERIVED_DECIMALS = 4;

function ratio(part: string, whole: string, times = 1): string | null {
  const w = new Big(whole);
  if (w.eq(0)) return null;
  return show(new Big(part).times(times).div(w), DERIVED_DECIMALS);
}

export function compareRow(r: Report, findings: number, copies = 0): CompareRow {
  const h = r.headline;
  let rate: string | null = null;
  let rateSource: CompareRow["rate_source"] = null;
  if (h.execution_rate) {
    rate = h.execution_rate.value;
    rateSource = "stated";
  } else if (h.executed_total && h.budget_total) {
    rate = ratio(h.executed_total.value, h.budget_total.value, 100);
    rateSource = rate === null ? null : "computed";
  }
  // Same denominators as the within-report share check and the peer per-capita metric, so a value
  // here can be traced to the finding that questions it.
  const spent = h.expenditure_total ?? h.executed_total;
  const basicShare =
    h.basic_share?.value ?? (h.basic_total && spent ? ratio(h.basic_total.value, spent.value, 100) : null);
  const perCapitaBase = h.executed_total ?? h.expenditure_total;
  const staff = r.staff.in_service;
  const perCapita =
    perCapitaBase && staff && new Big(staff.value).gt(0) ? ratio(perCapitaBase.value, staff.value) : null;
  return {
    department: r.department?.value ?? null,
    fiscal_year: r.fiscal_year ? Number(r.fiscal_year.value) : null,
    budget_total_wan: h.budget_total?.value ?? null,
    executed_total_wan: h.executed_total?.value ?? null,
    execution_rate_pct: rate,
    rate_source: rateSource,
    basic_total_wan: h.basic_total?.value ?? null,
    project_total_wan: h.project_total?.value ?? null,
    basic_share_pct: basicShare,
    per_capita_wan: perCapita,
    self_score: r.self_score?.value ?? null,
    grade: r.grade?.value ?? null,
    findings,
    report_id: r.report_id,
    source_file: r.source_file,
    copies,
  };
}

const identity = new DepartmentIdentity();

/** Whether a printed department name matches what the user typed (the identity service's matching). */
export function departmentMatches(name: string | null | undefined, query: string): boolean {
  return identity.matches(name, query);
}

export function findingCounts(store: Store): Promise<Map<string, number>> {
  return store.findingCounts();
}

/**
 * Reports that produced a record, as loaded everywhere (validated, corrections applied); the copies
 * `check` linked to another file of the same report are left out: a report is one row.
 */
export async function usableReports(store: Store, options: { copies?: boolean } = {}): Promise<Report[]> {
  const usable = (await loadReadings(store)).reports.filter(
    (r) => r.status === "ok" || r.status === "partial",
  );
  if (options.copies) return usable;
  const links = await loadSameReportLinks(store);
  return usable.filter((r) => !links.has(r.report_id));
}

export async function compareRows(store: Store, options: CompareOptions = {}): Promise<CompareRow[]> {
  const counts = await findingCounts(store);
  const links = await loadSameReportLinks(store);
  const copies = new Map<string, number>();
  for (const canonical of links.values()) copies.set(canonical, (copies.get(canonical) ?? 0) + 1);
  const reports = await usableReports(store);
  const keys = identity.forNames(reports.map((r) => r.department?.value));
  const rows = reports
    .filter(
      (r) => options.year === undefined || (r.fiscal_year && Number(r.fiscal_year.value) === options.year),
    )
    .filter(
      (r) => options.department === undefined || departmentMatches(r.department?.value, options.department),
    )
    .map((r) => ({
      row: compareRow(r, counts.get(r.report_id) ?? 0, copies.get(r.report_id) ?? 0),
      file: r.source_file,
    }));
  rows.sort(
    (a, b) =>
      cmpText(keys.keyOf(a.row.department) || null, keys.keyOf(b.row.department) || null) ||
      (a.row.fiscal_year ?? 0) - (b.row.fiscal_year ?? 0) ||
      cmpText(a.file, b.file),
  );
  return rows.map((r) => r.row);
}

// Pinyin order is what a Chinese reader expects of a list of departments.
const collator = new Intl.Collator("zh-Hans-CN");

/** Text order with missing values last. */
export const cmpText = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b);
