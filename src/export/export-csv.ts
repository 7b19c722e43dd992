/**
 * `selfeval export`: the CSV files of ../shared/spec/export-contract.md, from the column specs in
 * csv-files.ts. Records are validated with their zod schema as they are loaded (an older version
 * may have stored them differently); the whole set is written into a temporary folder and swapped
 * in at once, so the folder never holds new and old files mixed.
 */
import type { Correction } from "../../schemas/correction.js";
import { Finding } from "../../schemas/finding.js";
import { Report } from "../../schemas/report.js";
import { loadFindings } from "../report/report-data.js";
import { type AppliedCorrection, applyCorrections, inForce } from "../review/apply-corrections.js";
import { listCorrections, loadSameReportLinks } from "../review/corrections-store.js";
import type { Store } from "../store/store.js";
import { ensureOutputDir, replaceFileSet } from "./atomic-output.js";
import {
  BUDGET_LINES,
  CORRECTIONS,
  type CorrectionRow,
  DISCREPANCIES,
  type DiscrepancyRow,
  FIGURES,
  type FigureRow,
  INDICATORS,
  ISSUES,
  type Of,
  PROJECTS,
  REPORTS,
  type ReportKey,
  type ReportRow,
  TASKS,
} from "./csv-files.js";
import { type CsvFile, renderCsv } from "./csv-spec.js";

export { decimalCell, safeCell, toCsv } from "./csv-spec.js";

export interface ExportSummary {
  dir: string;
  files: Record<string, number>;
  /** Stored data that could not be exported as it is (one line each, for the user). */
  warnings: string[];
}

/** A zod error as one short line: the first problem's path and message. */
const zodLine = (e: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string => {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join(".") || "record"}: ${i.message}` : "invalid";
};

/** The stored record, parsed and validated; a record that does not validate is reported, not cast. */
export function parseStoredRecord(json: string | null): { record?: Report; invalid?: string } {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { invalid: "stored record is not valid JSON — run `selfeval ingest --force` on the file" };
  }
  const parsed = Report.safeParse(raw);
  if (parsed.success) return { record: parsed.data };
  return {
    invalid: `stored record does not match this version's schema (${zodLine(parsed.error)}) — run \`selfeval ingest --force\` on the file`,
  };
}

export interface ExportTables {
  reports: ReportRow[];
  budgetLines: Array<Of<Report["budget_lines"][number]>>;
  indicators: Array<Of<Report["indicators"][number]>>;
  tasks: Array<Of<Report["tasks"][number]>>;
  projects: Array<Of<Report["projects"][number]>>;
  figures: FigureRow[];
  issues: Array<Of<Report["issues"][number]>>;
  discrepancies: DiscrepancyRow[];
  corrections: CorrectionRow[];
  warnings: string[];
}

/** Everything the CSVs hold, read from the store once. */
export async function loadExportTables(store: Store): Promise<ExportTables> {
  const findingCounts = await store.findingCounts();
  const pathsOf = new Map<string, string[]>();
  for (const r of await store.sourcePaths()) {
    pathsOf.set(r.report_id, [...(pathsOf.get(r.report_id) ?? []), r.path]);
  }
  const corrections = await listCorrections(store);
  const links = await loadSameReportLinks(store);
  const inForceIds = new Set(inForce(corrections).map((c) => c.id));
  const appliedBy = new Map<number, AppliedCorrection>();
  const notApplied = new Set<number>();
  const t: ExportTables = {
    corrections: [],
    reports: [],
    budgetLines: [],
    indicators: [],
    tasks: [],
    projects: [],
    figures: [],
    issues: [],
    discrepancies: [],
    warnings: [],
  };
  const fileOfReport = new Map<string, string>();
  for (const s of await store.loadStoredReports()) {
    fileOfReport.set(s.report_id, s.source_file);
    const parsed = parseStoredRecord(s.record_json);
    const { invalid } = parsed;
    if (invalid) t.warnings.push(`${s.source_path}: ${invalid}`);
    // The values exported are the corrected ones (src/review): the reading with the auditors' corrections.
    const corrected = parsed.record ? applyCorrections(parsed.record, corrections) : undefined;
    const record = corrected?.report;
    for (const a of corrected?.applied ?? [])
      if (a.correction.id !== undefined) appliedBy.set(a.correction.id, a);
    for (const u of corrected?.unapplied ?? [])
      if (u.correction.id !== undefined) notApplied.add(u.correction.id);
    t.reports.push({
      stored: s,
      record,
      invalid,
      findings: findingCounts.get(s.report_id) ?? 0,
      paths: pathsOf.get(s.report_id) ?? [],
      ...(links.has(s.report_id) ? { same_report_as: links.get(s.report_id)! } : {}),
      corrections: corrected?.applied.length ?? 0,
    });
    if (!record) continue;
    const report: ReportKey = {
      report_id: s.report_id,
      department: record.department?.value ?? s.department ?? "",
      fiscal_year: record.fiscal_year?.value ?? s.fiscal_year ?? "",
    };
    const of = <T>(item: T): Of<T> => ({ report, item });
    t.budgetLines.push(...record.budget_lines.map(of));
    t.indicators.push(...record.indicators.map(of));
    t.tasks.push(...record.tasks.map(of));
    t.projects.push(...record.projects.map(of));
    t.issues.push(...record.issues.map(of));
    for (const st of record.statements) {
      const c = record.headline[st.key];
      const canonical =
        !!c &&
        c.value === st.figure.value &&
        c.prov.page === st.figure.prov.page &&
        c.prov.bbox.join() === st.figure.prov.bbox.join();
      t.figures.push({ report, item: st, canonical });
    }
  }
  // The last correction of each report and field decides: an earlier one was superseded, or withdrawn.
  const latest = new Map<string, Correction>();
  for (const c of corrections) latest.set(`${c.report_id}|${c.field}`, c);
  for (const c of corrections) {
    const id = c.id ?? 0;
    const applied = appliedBy.get(id);
    const last = latest.get(`${c.report_id}|${c.field}`);
    const status: CorrectionRow["status"] = inForceIds.has(c.id)
      ? applied && !notApplied.has(id)
        ? "in_force"
        : "not_applied"
      : c.value === null || last?.value === null
        ? "withdrawn"
        : "superseded";
    t.corrections.push({
      correction: c,
      source_file: fileOfReport.get(c.report_id) ?? "",
      status,
      ...(applied ? { read: applied.read } : {}),
    });
  }
  const findings = await loadFindings(store);
  // By department, year, then as the checks found them (SQLite's order: missing first, then by code point).
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  findings.sort(
    (a, b) =>
      cmp(a.department ?? "", b.department ?? "") ||
      (a.fiscal_year ?? 0) - (b.fiscal_year ?? 0) ||
      a.id - b.id,
  );
  const fileOf = new Map(t.reports.map((r) => [r.stored.report_id, r.stored.source_file]));
  for (const f of findings) {
    const { id, ...rest } = f;
    const parsed = Finding.safeParse({ ...rest, source_file: rest.source_file ?? fileOf.get(f.report_id) });
    if (parsed.success) t.discrepancies.push({ ...parsed.data, id });
    else
      t.warnings.push(
        `finding ${id} (${f.rule}) does not match the schema (${zodLine(parsed.error)}) — run \`selfeval check\` again`,
      );
  }
  return t;
}

/** Writes every CSV into `outDir` as one set; returns the row count of each file. */
export async function exportCsv(store: Store, outDir: string): Promise<ExportSummary> {
  ensureOutputDir(outDir);
  const t = await loadExportTables(store);
  const rendered: Array<[CsvFile<never>, { text: string; rows: number }]> = [
    [REPORTS, renderCsv(REPORTS, t.reports)],
    [BUDGET_LINES, renderCsv(BUDGET_LINES, t.budgetLines)],
    [INDICATORS, renderCsv(INDICATORS, t.indicators)],
    [TASKS, renderCsv(TASKS, t.tasks)],
    [PROJECTS, renderCsv(PROJECTS, t.projects)],
    [DISCREPANCIES, renderCsv(DISCREPANCIES, t.discrepancies)],
    [FIGURES, renderCsv(FIGURES, t.figures)],
    [ISSUES, renderCsv(ISSUES, t.issues)],
    [CORRECTIONS, renderCsv(CORRECTIONS, t.corrections)],
  ];
  replaceFileSet(
    outDir,
    rendered.map(([f, r]) => [f.name, r.text] as const),
  );
  const summary: ExportSummary = { dir: outDir, files: {}, warnings: t.warnings };
  for (const [f, r] of rendered) summary.files[f.name] = r.rows;
  return summary;
}
