/**
 * The store: one interface over the two backends, SQLite (a file, the embedded default for one
 * person on one machine) and PostgreSQL (a `postgres://` URL, the shared store of many machines).
 * Every command that takes `--db` opens it with `openStore`; nothing outside src/store writes SQL
 * for the extracted data. All rows of one report are written in one transaction, so a crash leaves
 * either the whole report or nothing.
 */
import type { Kysely } from "kysely";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import type { Tables } from "./tables.js";

export type Backend = "sqlite" | "postgres";

export interface ReportState {
  status: string;
  extractor: string;
}

export interface FailedFile {
  reportId: string;
  sourcePath: string;
  fileName: string;
  size: number;
  status: "failed" | "skipped";
  error: string;
}

export interface StoredReport {
  report_id: string;
  source_file: string;
  source_path: string;
  status: string;
  error: string | null;
  pages: number;
  ocr_pages: number;
  record_json: string | null;
  department: string | null;
  fiscal_year: number | null;
}

/** A row of the findings table, as stored. */
export interface FindingRow {
  id: number;
  rule: string;
  scope: Finding["scope"];
  severity: Finding["severity"];
  report_id: string;
  other_report_id: string | null;
  reference_report_id: string | null;
  department: string | null;
  fiscal_year: number | null;
  field: string;
  stated: string | null;
  expected: string | null;
  difference: string | null;
  tolerance: string | null;
  page: number | null;
  bbox: string | null;
  other_page: number | null;
  message: string;
  evidence_json: string | null;
}

/** discrepancies.csv's query: these columns, in this order. */
export const DISCREPANCY_FIELDS = [
  "rule",
  "scope",
  "severity",
  "report_id",
  "other_report_id",
  "department",
  "fiscal_year",
  "field",
  "stated",
  "expected",
  "difference",
  "page",
  "message",
  "bbox",
  "other_page",
  "reference_report_id",
  "tolerance",
] as const satisfies ReadonlyArray<keyof FindingRow>;

export interface Store {
  readonly backend: Backend;
  /** Where the data is, for messages: the file, or the URL without its password. */
  readonly location: string;
  /** The folder that relative source paths may be relative to (SQLite: the database's folder). */
  readonly folder: string | undefined;
  /** The query layer, for a module with tables of its own (they come with a migration). */
  readonly db: Kysely<Tables>;

  /** Runs `fn` in one transaction (SQLite: BEGIN IMMEDIATE); inside, `tx` is the store to use. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  reportExists(reportId: string): Promise<ReportState | undefined>;
  /** Records another path of a stored report; false when it was known. */
  addSourcePath(reportId: string, sourcePath: string): Promise<boolean>;
  /** Records a file that could not be extracted; a good record is never replaced by it. */
  saveFailure(f: FailedFile): Promise<void>;
  /** Writes a report and all its rows in one transaction, replacing any earlier version of it. */
  saveReport(report: Report, fileSize: number): Promise<void>;

  /** Every stored file, by department, year and file name. */
  loadStoredReports(): Promise<StoredReport[]>;
  /** All reports with records, parsed (in no particular order: the checks group them themselves). */
  loadReports(): Promise<Report[]>;
  loadReport(reportId: string): Promise<Report | undefined>;
  /** Report ids starting with `prefix` (at most `limit`). */
  reportIdsWithPrefix(prefix: string, limit: number): Promise<string[]>;
  /** Every path a report was seen under: its first, then the others by when they were seen. */
  sourcePathsOf(reportId: string): Promise<string[]>;
  /** All recorded paths, by when they were seen. */
  sourcePaths(): Promise<Array<{ report_id: string; path: string }>>;

  /** Replaces the last check's findings, in one transaction. */
  storeFindings(findings: readonly Finding[]): Promise<void>;
  loadFindingRows(): Promise<FindingRow[]>;
  /** Errors and warnings per report. */
  findingCounts(): Promise<Map<string, number>>;
  /** The findings as discrepancies.csv lists them (DISCREPANCY_FIELDS), by department, year, id. */
  discrepancyRows(): Promise<Array<Array<string | number | null>>>;

  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open an existing SQLite file without writing (and without migrating). */
  readonly?: boolean;
  /** PostgreSQL connections in the pool (default 4). */
  poolSize?: number;
}

export const isPostgresTarget = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/** Whether `target` is a SQLite file that is not there (a URL is never "missing" here). */
export async function missingStore(target: string): Promise<boolean> {
  if (isPostgresTarget(target)) return false;
  const { existsSync } = await import("node:fs");
  return !existsSync(target);
}

/** Opens (and migrates) the store at `target`: a SQLite file or a `postgres://` URL. */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresTarget(target)) {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(target, options);
  }
  const { openSqliteStore } = await import("./sqlite-store.js");
  return openSqliteStore(target, options);
}

/** A URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}
