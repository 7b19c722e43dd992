/**
 * One report, many files. Archives hold the same report as a Word export, its scan and a re-export:
 * different bytes, so different report ids, but one report. Counted per file they repeat every
 * finding and weigh one department twice among its peers. Two stored readings are the same report
 * when they name the same department (by the identity service), year and kind of report, and their
 * headline figures mostly agree; the values on which they disagree are reported (copy_mismatch).
 *
 * Of each group the best reading is canonical — a text layer over a scan, fewer extraction issues —
 * and the checks, peers, comparison and report count only it. The others stay stored and exported
 * under their own report ids, linked to it (reports.csv `same_report_as`).
 */
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { HEADLINE_KEYS } from "../../schemas/report.js";
import { type DepartmentKeys, normalizeName } from "./department-identity.js";
import { KEY_NAME, STAFF_NAME } from "./field-names.js";
import { differenceOf, judge } from "./tolerance.js";

/** A value two readings of one report can be compared on, under the field name `correct` takes. */
export interface ComparableValue {
  field: string;
  label: string;
  figure: Figure;
}

/**
 * The values compared between two readings: headline figures, the self score, staff counts. The
 * grade is left out — it follows from the score, and counting both would count one value twice.
 */
export function comparableValues(r: Report): ComparableValue[] {
  const out: ComparableValue[] = [];
  for (const key of HEADLINE_KEYS) {
    const f = r.headline[key];
    if (f) out.push({ field: key, label: KEY_NAME[key], figure: f });
  }
  if (r.self_score) out.push({ field: "self_score", label: "自评得分", figure: r.self_score });
  for (const [k, f] of Object.entries(r.staff)) {
    if (f) out.push({ field: `staff.${k}`, label: STAFF_NAME[k] ?? k, figure: f });
  }
  return out;
}

export interface ValueDifference {
  field: string;
  label: string;
  /** This file's reading. */
  value: Figure;
  /** The other file's reading. */
  other: Figure;
}

export interface ReadingComparison {
  /** Fields both readings state with the same value (within the rounding of their printed digits). */
  agree: string[];
  differ: ValueDifference[];
}

/** Two statements of one printed value agree when neither is beyond the other's rounding. */
const agrees = (a: Figure, b: Figure): boolean => !judge(a, differenceOf(b, { value: "0", ulp: "0" }));

export function compareReadings(a: Report, b: Report): ReadingComparison {
  const other = new Map(comparableValues(b).map((v) => [v.field, v]));
  const out: ReadingComparison = { agree: [], differ: [] };
  for (const v of comparableValues(a)) {
    const w = other.get(v.field);
    if (!w) continue; // read in one file only: not a disagreement
    if (agrees(v.figure, w.figure)) out.agree.push(v.field);
    else out.differ.push({ field: v.field, label: v.label, value: v.figure, other: w.figure });
  }
  return out;
}

/**
 * Whether the compared values say "the same report": at least two agree and more agree than differ.
 * Two project forms of one department and year (different projects) agree on little beyond a score.
 */
export const sameByFigures = (c: ReadingComparison): boolean =>
  c.agree.length >= 2 && c.agree.length > c.differ.length;

/**
 * The kind of report as a class — whole department or project, report or form — so that two
 * wordings of one title (自评报告 / 评价报告) are one kind and a report is not taken for its form.
 */
export function kindClass(kind: string | undefined): string {
  if (!kind) return "";
  const k = kind.normalize("NFKC").replace(/\s/g, "");
  return `${k.includes("项目") ? "project" : "department"}:${k.endsWith("表") ? "form" : "report"}`;
}

/**
 * How good a reading is, smaller first: usable status, the share of pages read by OCR (a text
 * layer over a scan), extraction issues (errors weigh more), then more values read, and the report
 * id so that the choice is the same on every run.
 */
export function readingRank(r: Report): Array<number | string> {
  const issues = r.issues.filter((i) => i.severity !== "info");
  return [
    r.status === "ok" ? 0 : 1,
    r.pages > 0 ? r.ocr_pages / r.pages : 1,
    issues.filter((i) => i.severity === "error").length * 3 +
      issues.filter((i) => i.severity === "warning").length,
    -comparableValues(r).length,
    r.report_id,
  ];
}

const compareRank = (a: Array<number | string>, b: Array<number | string>): number => {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

export interface CopyGroup {
  canonical: Report;
  /** Other files of the same report, best reading first, each with how it compares to the canonical one. */
  copies: Array<{ report: Report; comparison: ReadingComparison }>;
}

export interface SameReports {
  /** Every group, including single-file reports (a group without copies). */
  groups: CopyGroup[];
  /** The reports the checks count: one per group. */
  canonical: Report[];
  /** A copy's report id → the canonical report id. */
  canonicalOf: Map<string, string>;
}

/** The identity a same-report candidate must share: department key, fiscal year, kind of report, project. */
function identityOf(r: Report, keys: DepartmentKeys): string | undefined {
  if (!r.department || !r.fiscal_year) return undefined;
  // A project's report is one project's: two projects of one department and year are two reports.
  const project = r.project_name ? normalizeName(r.project_name.value) : "";
  return `${keys.key(r.department.value)}|${r.fiscal_year.value}|${kindClass(r.report_kind?.value)}|${project}`;
}

export function findSameReports(reports: readonly Report[], keys: DepartmentKeys): SameReports {
  const byIdentity = new Map<string, Report[]>();
  const groups: CopyGroup[] = [];
  for (const r of reports) {
    const id = identityOf(r, keys);
    if (id === undefined) groups.push({ canonical: r, copies: [] });
    else byIdentity.set(id, [...(byIdentity.get(id) ?? []), r]);
  }
  for (const candidates of byIdentity.values()) {
    // Best reading first: each later reading joins the first group whose canonical it matches.
    const ranked = [...candidates].sort((a, b) => compareRank(readingRank(a), readingRank(b)));
    const local: CopyGroup[] = [];
    for (const r of ranked) {
      let joined = false;
      for (const g of local) {
        const comparison = compareReadings(r, g.canonical);
        if (sameByFigures(comparison)) {
          g.copies.push({ report: r, comparison });
          joined = true;
          break;
        }
      }
      if (!joined) local.push({ canonical: r, copies: [] });
    }
    groups.push(...local);
  }
  const canonicalOf = new Map<string, string>();
  for (const g of groups)
    for (const c of g.copies) canonicalOf.set(c.report.report_id, g.canonical.report_id);
  // The canonical reports in the order they were given, so rule output keeps the store's order.
  const isCanonical = new Set(groups.map((g) => g.canonical.report_id));
  return { groups, canonical: reports.filter((r) => isCanonical.has(r.report_id)), canonicalOf };
}
