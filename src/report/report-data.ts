/**
 * Everything the HTML report shows, read from the database once: the comparison rows, the
 * findings of the last `selfeval check`, and the department/year sections they belong to.
 */
import type { Evidence, Finding } from "../../schemas/finding.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { type CompareRow, compareRows, usableReports } from "../compare/compare-rows.js";
import { loadSameReportLinks } from "../review/corrections-store.js";
import type { FindingRow, Store } from "../store/store.js";
import { isAmountUnit, type Unit, unitOf } from "./amounts.js";

export interface StoredFinding extends Finding {
  id: number;
}

export interface ReportInfo {
  report_id: string;
  source_file: string;
  department: string | null;
  fiscal_year: number | null;
  pages: number;
  ocr_pages: number;
  status: string;
  /** Set on another file of a report read from several: the report id of the canonical reading. */
  same_report_as?: string;
}

export interface Section {
  id: string;
  department: string | null;
  year: number | null;
  reports: ReportInfo[];
  rows: CompareRow[];
  findings: StoredFinding[];
}

export interface UnreadFile {
  source_file: string;
  status: string;
  error: string | null;
}

export interface ReportData {
  rows: CompareRow[];
  /** Every usable record, for the units and printed precision of its figures. */
  records: Map<string, Report>;
  sections: Section[];
  reports: Map<string, ReportInfo>;
  unread: UnreadFile[];
  findingCount: { error: number; warning: number; info: number };
}

function parseEvidence(json: string | null): Evidence[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v)
      ? v.filter(
          (e): e is Evidence =>
            !!e &&
            typeof e === "object" &&
            typeof (e as Evidence).page === "number" &&
            Array.isArray((e as Evidence).bbox) &&
            (e as Evidence).bbox.length === 4,
        )
      : [];
  } catch {
    // A damaged evidence column must not cost the finding itself.
    return [];
  }
}

function parseBbox(s: string | null): Finding["bbox"] {
  const v = s?.split(",").map(Number);
  return v && v.length === 4 && v.every(Number.isFinite)
    ? (v as [number, number, number, number])
    : undefined;
}

export async function loadFindings(store: Store): Promise<StoredFinding[]> {
  const rows: FindingRow[] = await store.loadFindingRows();
  return rows.map((r) => {
    const f: StoredFinding = {
      id: r.id,
      rule: r.rule,
      scope: r.scope,
      severity: r.severity,
      report_id: r.report_id,
      field: r.field,
      message: r.message,
      evidence: parseEvidence(r.evidence_json),
    };
    if (r.other_report_id) f.other_report_id = r.other_report_id;
    if (r.reference_report_id) f.reference_report_id = r.reference_report_id;
    if (r.department) f.department = r.department;
    if (r.fiscal_year !== null) f.fiscal_year = r.fiscal_year;
    if (r.stated !== null) f.stated = r.stated;
    if (r.expected !== null) f.expected = r.expected;
    if (r.difference !== null) f.difference = r.difference;
    if (r.tolerance !== null) f.tolerance = r.tolerance;
    if (r.page !== null) f.page = r.page;
    const bbox = parseBbox(r.bbox);
    if (bbox) f.bbox = bbox;
    if (r.other_page !== null) f.other_page = r.other_page;
    // Stored in the evidence (both stores keep it as JSON): a finding resting on an uncertain value.
    if (f.evidence.some((e) => typeof e.uncertain === "string" && e.uncertain)) f.uncertain = true;
    return f;
  });
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

const identity = new DepartmentIdentity();

export const sectionKey = (department: string | null, year: number | null): string =>
  `${department ? identity.key(department) : ""}|${year ?? ""}`;

export async function loadReportData(store: Store): Promise<ReportData> {
  const rows = await compareRows(store);
  // Copies of a report are listed with it (their own readings and copy_mismatch findings), not as rows.
  const records = await usableReports(store, { copies: true });
  const links = await loadSameReportLinks(store);
  const reports = new Map<string, ReportInfo>(
    records.map((r) => [
      r.report_id,
      {
        report_id: r.report_id,
        source_file: r.source_file,
        department: r.department?.value ?? null,
        fiscal_year: r.fiscal_year ? Number(r.fiscal_year.value) : null,
        pages: r.pages,
        ocr_pages: r.ocr_pages,
        status: r.status,
        ...(links.has(r.report_id) ? { same_report_as: links.get(r.report_id)! } : {}),
      },
    ]),
  );
  const unread = (await store.loadStoredReports())
    .filter((r) => !r.record_json || (r.status !== "ok" && r.status !== "partial"))
    .map((r) => ({ source_file: r.source_file, status: r.status, error: r.error }));

  // Sections follow the comparison rows' order, so the summary table and the findings line up.
  const sections = new Map<string, Section>();
  for (const row of rows) {
    const key = sectionKey(row.department, row.fiscal_year);
    const s = sections.get(key) ?? {
      id: `dy-${sections.size + 1}`,
      department: row.department,
      year: row.fiscal_year,
      reports: [],
      rows: [],
      findings: [],
    };
    s.rows.push(row);
    const info = reports.get(row.report_id);
    if (info) s.reports.push(info);
    sections.set(key, s);
  }
  const sectionOfReport = new Map<string, Section>();
  for (const s of sections.values()) for (const r of s.reports) sectionOfReport.set(r.report_id, s);
  for (const [copy, canonical] of links) {
    const s = sectionOfReport.get(canonical);
    const info = reports.get(copy);
    if (!s || !info) continue;
    s.reports.push(info);
    sectionOfReport.set(copy, s);
  }

  const findings = await loadFindings(store);
  const orphans: Section = {
    id: "dy-other",
    department: null,
    year: null,
    reports: [],
    rows: [],
    findings: [],
  };
  for (const f of findings) (sectionOfReport.get(f.report_id) ?? orphans).findings.push(f);
  const reportOrder = new Map(rows.map((r, i) => [r.report_id, i]));
  const all = [...sections.values(), ...(orphans.findings.length ? [orphans] : [])];
  for (const s of all) {
    s.findings.sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (reportOrder.get(a.report_id) ?? 0) - (reportOrder.get(b.report_id) ?? 0) ||
        (a.page ?? 0) - (b.page ?? 0) ||
        a.id - b.id,
    );
  }
  const count = (sev: Finding["severity"]): number => findings.filter((f) => f.severity === sev).length;
  return {
    rows,
    records: new Map(records.map((r) => [r.report_id, r])),
    sections: all,
    reports,
    unread,
    findingCount: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}

/** Every figure of a record, for finding the one a finding's page and box point at. */
function figuresOf(r: Report): Figure[] {
  const out: Figure[] = [];
  const add = (f: Figure | undefined): void => {
    if (f) out.push(f);
  };
  for (const s of r.statements) add(s.figure);
  for (const f of Object.values(r.headline)) add(f);
  for (const l of r.budget_lines) {
    add(l.amount);
    add(l.share);
  }
  for (const p of r.projects) {
    add(p.budget);
    add(p.executed);
    add(p.rate);
  }
  for (const t of r.tasks) add(t.planned);
  for (const i of r.indicators) {
    add(i.weight);
    add(i.score);
  }
  for (const f of Object.values(r.staff)) add(f);
  add(r.self_score);
  return out;
}

const near = (a: readonly number[], b: readonly number[]): boolean =>
  a.every((v, i) => Math.abs(v - b[i]!) < 0.6);

/**
 * The unit and printed precision of a finding's numbers: those of the figure it points at, else
 * what its field compares (a rate or share is a percentage, a score 分, anything else an amount
 * printed like the report's budget).
 */
export function findingUnit(f: Finding, record: Report | undefined): Unit {
  if (record && f.page !== undefined && f.bbox) {
    const hit = figuresOf(record).find((x) => x.prov.page === f.page && near(x.prov.bbox, f.bbox!));
    if (hit) return unitOf(hit);
  }
  if (/(^|[_:.])(rate|share)($|[_:])|_pct$|execution/.test(f.field)) return { unit: "%", decimals: 2 };
  if (/score/.test(f.field)) return { unit: "分", decimals: 2 };
  if (f.field === "per_capita_spending") return { unit: "万元/人", decimals: 2 };
  if (/^(task|indicator):/.test(f.field) || f.field === "grade") return { unit: "", decimals: 0 };
  const budget = record?.headline.budget_total ?? record?.headline.executed_total;
  return budget && isAmountUnit(budget.unit) ? unitOf(budget) : { unit: "万元", decimals: 2 };
}
