/**
 * `selfeval export`: the CSV files of ../shared/spec/export-contract.md — UTF-8 with BOM, RFC 4180
 * quoting, CRLF line ends, amounts in 万元 without separators, cells a spreadsheet would execute
 * neutralised. Column names are a public interface: add columns, never rename or drop them.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import Big from "big.js";
import { stringify } from "csv-stringify/sync";
import type { Figure } from "../../schemas/provenance.js";
import type { HeadlineKey, Report } from "../../schemas/report.js";
import type { Store } from "../store/store.js";

type Cell = string | number | null | undefined;
interface Column {
  name: string;
  numeric?: boolean;
}

/** Formula injection: =, +, -, @, tab or CR at the start makes Excel/WPS evaluate a cell. */
export function safeCell(value: Cell, numeric = false): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  if (numeric && /^-?\d+(\.\d+)?$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Up to 6 decimals, no exponent, no thousands separators. */
export function decimalCell(v: string | undefined): string {
  if (v === undefined) return "";
  const s = new Big(v).round(6).toFixed(6);
  return s.replace(/\.?0+$/, "") || "0";
}

const fig = (f: Figure | undefined): string => (f ? decimalCell(f.value) : "");
const bbox = (f: { prov: { bbox: number[] } } | undefined): string => (f ? f.prov.bbox.join(",") : "");

export function toCsv(columns: readonly Column[], rows: readonly Cell[][]): string {
  const body = stringify(
    rows.map((r) => r.map((v, i) => safeCell(v, columns[i]?.numeric))),
    { header: true, columns: columns.map((c) => c.name), record_delimiter: "\r\n", quoted_match: /[",\r\n]/ },
  );
  return `\uFEFF${body}`;
}

const cols = (spec: string): Column[] =>
  spec
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => (s.endsWith("#") ? { name: s.slice(0, -1), numeric: true } : { name: s }));

const REPORT_COLUMNS =
  cols(`report_id source_file source_path department fiscal_year# report_kind self_score# grade
  budget_total_wan# initial_budget_wan# executed_total_wan# execution_rate_pct# income_total_wan# expenditure_total_wan#
  basic_total_wan# basic_share_pct# project_total_wan# project_share_pct# yoy_change_wan# yoy_change_pct#
  staff_authorized# staff_in_service# staff_contract# staff_retired# pages# ocr_pages# status error findings# source_paths`);
const HEADLINE_COLUMNS: Array<[string, HeadlineKey]> = [
  ["budget_total_wan", "budget_total"],
  ["initial_budget_wan", "initial_budget"],
  ["executed_total_wan", "executed_total"],
  ["execution_rate_pct", "execution_rate"],
  ["income_total_wan", "income_total"],
  ["expenditure_total_wan", "expenditure_total"],
  ["basic_total_wan", "basic_total"],
  ["basic_share_pct", "basic_share"],
  ["project_total_wan", "project_total"],
  ["project_share_pct", "project_share"],
  ["yoy_change_wan", "yoy_change"],
  ["yoy_change_pct", "yoy_change_pct"],
];

export interface ExportSummary {
  dir: string;
  files: Record<string, number>;
}

/** Writes every CSV to a temporary name first, then renames: a reader never sees half a file. */
export async function exportCsv(store: Store, outDir: string): Promise<ExportSummary> {
  mkdirSync(outDir, { recursive: true });
  const stored = await store.loadStoredReports();
  const findingCounts = await store.findingCounts();
  const pathsOf = new Map<string, string[]>();
  for (const r of await store.sourcePaths()) {
    pathsOf.set(r.report_id, [...(pathsOf.get(r.report_id) ?? []), r.path]);
  }

  const reports: Cell[][] = [];
  const lines: Cell[][] = [];
  const indicators: Cell[][] = [];
  const tasks: Cell[][] = [];
  const projects: Cell[][] = [];
  const figures: Cell[][] = [];
  const issues: Cell[][] = [];
  for (const s of stored) {
    const rec = s.record_json ? (JSON.parse(s.record_json) as Report) : undefined;
    const dept = rec?.department?.value ?? s.department ?? "";
    const year = rec?.fiscal_year?.value ?? s.fiscal_year ?? "";
    const head = (k: HeadlineKey): string => fig(rec?.headline[k]);
    reports.push([
      s.report_id,
      s.source_file,
      s.source_path,
      dept,
      year,
      rec?.report_kind?.value,
      fig(rec?.self_score),
      rec?.grade?.value,
      ...HEADLINE_COLUMNS.map(([, k]) => head(k)),
      fig(rec?.staff.authorized),
      fig(rec?.staff.in_service),
      fig(rec?.staff.contract),
      fig(rec?.staff.retired),
      s.pages,
      s.ocr_pages,
      s.status,
      s.error,
      findingCounts.get(s.report_id) ?? 0,
      (pathsOf.get(s.report_id) ?? [s.source_path]).join(" | "),
    ]);
    if (!rec) continue;
    const id = [s.report_id, dept, year];
    for (const l of rec.budget_lines) {
      lines.push([
        ...id,
        l.section,
        l.item,
        l.item_as_printed,
        fig(l.amount),
        fig(l.share),
        l.amount.prov.page,
        bbox(l.amount),
        l.amount.prov.text,
        l.context,
        l.share?.prov.page,
      ]);
    }
    for (const x of rec.indicators) {
      indicators.push([
        ...id,
        x.level1,
        x.level2,
        x.level3,
        x.target.value,
        x.target_op,
        x.target_value ? decimalCell(x.target_value) : "",
        x.target_unit,
        x.actual?.value,
        fig(x.weight),
        fig(x.score),
        x.page,
        bbox(x),
        x.deviation?.value,
      ]);
    }
    for (const t of rec.tasks) {
      tasks.push([
        ...id,
        t.seq,
        t.name,
        t.content?.value,
        fig(t.planned),
        t.goal?.value,
        t.completion?.value,
        t.prov.page,
        t.pages.join(","),
        t.planned?.prov.page,
        bbox(t.planned),
      ]);
    }
    for (const p of rec.projects) {
      projects.push([
        ...id,
        p.name,
        fig(p.budget),
        fig(p.executed),
        fig(p.rate),
        p.prov.page,
        p.context,
        bbox(p),
      ]);
    }
    for (const st of rec.statements) {
      const canonical = rec.headline[st.key];
      const isCanonical =
        !!canonical &&
        canonical.value === st.figure.value &&
        canonical.prov.page === st.figure.prov.page &&
        canonical.prov.bbox.join() === st.figure.prov.bbox.join();
      figures.push([
        ...id,
        st.key,
        fig(st.figure),
        st.figure.unit,
        st.context,
        st.label,
        isCanonical ? 1 : 0,
        st.figure.prov.page,
        bbox(st.figure),
        st.figure.prov.text,
        st.figure.prov.conf,
      ]);
    }
    for (const i of rec.issues) issues.push([...id, i.stage, i.code, i.severity, i.message, i.page]);
  }
  const discrepancies: Cell[][] = await store.discrepancyRows();

  const files: Array<[string, Column[], Cell[][]]> = [
    ["reports.csv", REPORT_COLUMNS, reports],
    [
      "budget_lines.csv",
      cols(
        "report_id department fiscal_year# section item item_as_printed amount_wan# share_pct# page# bbox printed context share_page#",
      ),
      lines,
    ],
    [
      "indicators.csv",
      cols(
        "report_id department fiscal_year# level1 level2 level3 target target_op target_value# target_unit actual weight# score# page# bbox deviation",
      ),
      indicators,
    ],
    [
      "tasks.csv",
      cols(
        "report_id department fiscal_year# seq# name content planned_wan# goal completion page# pages planned_page# planned_bbox",
      ),
      tasks,
    ],
    [
      "projects.csv",
      cols(
        "report_id department fiscal_year# name budget_wan# executed_wan# execution_rate_pct# page# context bbox",
      ),
      projects,
    ],
    [
      "discrepancies.csv",
      cols(
        "rule scope severity report_id other_report_id department fiscal_year# field stated# expected# difference# page# message bbox other_page#",
      ),
      discrepancies,
    ],
    [
      "figures.csv",
      cols(
        "report_id department fiscal_year# key value# unit context label canonical# page# bbox printed ocr_conf#",
      ),
      figures,
    ],
    ["issues.csv", cols("report_id department fiscal_year# stage code severity message page#"), issues],
  ];
  const summary: ExportSummary = { dir: outDir, files: {} };
  for (const [name, columns, rows] of files) {
    const target = path.join(outDir, name);
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, toCsv(columns, rows));
    renameSync(tmp, target);
    summary.files[name] = rows.length;
  }
  return summary;
}
