/**
 * The SQLite store (better-sqlite3 12): WAL, foreign keys, versioned migrations. All rows of one
 * report are written in one transaction, so a crash leaves either the whole report or nothing.
 * SQL only through prepared statements.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Report } from "../../schemas/report.js";
import { VERSION } from "../version.js";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export function openDb(file: string, options: { readonly?: boolean } = {}): Db {
  if (!options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  db.pragma("busy_timeout = 10000");
  if (!options.readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  if (!options.readonly) migrate(db);
  else {
    const v = db.pragma("user_version", { simple: true }) as number;
    if (v > MIGRATIONS.length)
      throw new Error(`database schema version ${v} is newer than this selfeval (${MIGRATIONS.length})`);
  }
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this selfeval supports (${MIGRATIONS.length}); upgrade selfeval`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** A department name normalised for matching: NFKC, no spaces or brackets. */
export function departmentKey(name: string | undefined): string | null {
  if (!name) return null;
  return name.normalize("NFKC").replace(/[\s()（）《》“”"']/g, "");
}

const bbox = (b: readonly number[]): string => b.map((v) => Math.round(v * 10) / 10).join(",");

export function reportExists(db: Db, reportId: string): { status: string; extractor: string } | undefined {
  return db.prepare("SELECT status, extractor FROM reports WHERE report_id = ?").get(reportId) as
    | { status: string; extractor: string }
    | undefined;
}

export function addSourcePath(db: Db, reportId: string, sourcePath: string): boolean {
  const r = db
    .prepare(
      "INSERT OR IGNORE INTO source_paths (report_id, path, file_name, first_seen) VALUES (?, ?, ?, ?)",
    )
    .run(reportId, sourcePath, path.basename(sourcePath), new Date().toISOString());
  return r.changes > 0;
}

export interface FailedFile {
  reportId: string;
  sourcePath: string;
  fileName: string;
  size: number;
  status: "failed" | "skipped";
  error: string;
}

/** Records a file that could not be extracted (it has bytes, hence an id); a good record is never replaced by it. */
export function saveFailure(db: Db, f: FailedFile): void {
  db.transaction(() => {
    const existing = reportExists(db, f.reportId);
    if (existing && existing.status !== "failed" && existing.status !== "skipped") {
      addSourcePath(db, f.reportId, f.sourcePath);
      return;
    }
    db.prepare("DELETE FROM reports WHERE report_id = ?").run(f.reportId);
    db.prepare(
      `INSERT INTO reports (report_id, source_file, source_path, status, error, file_size, extractor, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(f.reportId, f.fileName, f.sourcePath, f.status, f.error, f.size, VERSION, new Date().toISOString());
    addSourcePath(db, f.reportId, f.sourcePath);
  })();
}

/** Writes a report and all its rows in one transaction, replacing any earlier version of it. */
export function saveReport(db: Db, report: Report, fileSize: number): void {
  db.transaction(() => {
    db.prepare("DELETE FROM reports WHERE report_id = ?").run(report.report_id);
    db.prepare(
      `INSERT INTO reports (report_id, source_file, source_path, department, department_key, fiscal_year, report_kind,
         self_score, grade, status, error, pages, ocr_pages, file_size, record_json, extractor, ingested_at)
       VALUES (@report_id, @source_file, @source_path, @department, @department_key, @fiscal_year, @report_kind,
         @self_score, @grade, @status, @error, @pages, @ocr_pages, @file_size, @record_json, @extractor, @ingested_at)`,
    ).run({
      report_id: report.report_id,
      source_file: report.source_file,
      source_path: report.source_path,
      department: report.department?.value ?? null,
      department_key: departmentKey(report.department?.value),
      fiscal_year: report.fiscal_year ? Number(report.fiscal_year.value) : null,
      report_kind: report.report_kind?.value ?? null,
      self_score: report.self_score?.value ?? null,
      grade: report.grade?.value ?? null,
      status: report.status,
      error: report.error ?? null,
      pages: report.pages,
      ocr_pages: report.ocr_pages,
      file_size: fileSize,
      record_json: JSON.stringify(report),
      extractor: VERSION,
      ingested_at: new Date().toISOString(),
    });
    addSourcePath(db, report.report_id, report.source_path);
    const id = report.report_id;
    const st = db.prepare(
      `INSERT INTO statements (report_id, seq, key, value, ulp, unit, context, label, canonical, page, bbox, printed, conf)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.statements.forEach((s, i) => {
      const canonical =
        report.headline[s.key] === s.figure || sameFigure(report.headline[s.key], s.figure) ? 1 : 0;
      const f = s.figure;
      st.run(
        id,
        i,
        s.key,
        f.value,
        f.ulp,
        f.unit,
        s.context,
        s.label,
        canonical,
        f.prov.page,
        bbox(f.prov.bbox),
        f.prov.text,
        f.prov.conf ?? null,
      );
    });
    const bl = db.prepare(
      `INSERT INTO budget_lines (report_id, seq, section, item, item_as_printed, amount_wan, amount_ulp, unit, share_pct, share_ulp,
         context, page, bbox, printed, conf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.budget_lines.forEach((l, i) => {
      const a = l.amount;
      bl.run(
        id,
        i,
        l.section,
        l.item,
        l.item_as_printed,
        a.value,
        a.ulp,
        a.unit,
        l.share?.value ?? null,
        l.share?.ulp ?? null,
        l.context,
        a.prov.page,
        bbox(a.prov.bbox),
        a.prov.text,
        a.prov.conf ?? null,
      );
    });
    const ind = db.prepare(
      `INSERT INTO indicators (report_id, seq, level1, level2, level3, target, target_op, target_value, target_unit, actual,
         weight, score, deviation, page, bbox) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.indicators.forEach((x, i) => {
      ind.run(
        id,
        i,
        x.level1,
        x.level2,
        x.level3,
        x.target.value,
        x.target_op,
        x.target_value ?? null,
        x.target_unit ?? null,
        x.actual?.value ?? null,
        x.weight?.value ?? null,
        x.score?.value ?? null,
        x.deviation?.value ?? null,
        x.page,
        bbox(x.prov.bbox),
      );
    });
    const tk = db.prepare(
      `INSERT INTO tasks (report_id, seq, name, content, planned_wan, planned_ulp, goal, completion, page, pages, bbox)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.tasks.forEach((t, i) => {
      tk.run(
        id,
        i,
        t.name,
        t.content?.value ?? null,
        t.planned?.value ?? null,
        t.planned?.ulp ?? null,
        t.goal?.value ?? null,
        t.completion?.value ?? null,
        t.prov.page,
        t.pages.join(","),
        bbox(t.prov.bbox),
      );
    });
    const pj = db.prepare(
      `INSERT INTO projects (report_id, seq, name, budget_wan, executed_wan, execution_rate_pct, context, page, bbox)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.projects.forEach((p, i) => {
      pj.run(
        id,
        i,
        p.name,
        p.budget?.value ?? null,
        p.executed?.value ?? null,
        p.rate?.value ?? null,
        p.context,
        p.prov.page,
        bbox(p.prov.bbox),
      );
    });
    const is = db.prepare(
      "INSERT INTO issues (report_id, seq, stage, code, severity, message, page) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    report.issues.forEach((x, i) => {
      is.run(id, i, x.stage, x.code, x.severity, x.message, x.page ?? null);
    });
  })();
}

const sameFigure = (
  a: Report["headline"][keyof Report["headline"]],
  b: Report["statements"][number]["figure"],
): boolean =>
  !!a && a.value === b.value && a.prov.page === b.prov.page && a.prov.bbox.join() === b.prov.bbox.join();

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

export function loadStoredReports(db: Db): StoredReport[] {
  return db
    .prepare(
      `SELECT report_id, source_file, source_path, status, error, pages, ocr_pages, record_json, department, fiscal_year
       FROM reports ORDER BY department, fiscal_year, source_file`,
    )
    .all() as StoredReport[];
}

export function loadReport(db: Db, reportId: string): Report | undefined {
  const row = db.prepare("SELECT record_json FROM reports WHERE report_id = ?").get(reportId) as
    | { record_json: string | null }
    | undefined;
  return row?.record_json ? (JSON.parse(row.record_json) as Report) : undefined;
}

/** All reports with records, parsed (in no particular order: the checks group them themselves). */
export function loadReports(db: Db): Report[] {
  const rows = db
    .prepare("SELECT record_json FROM reports WHERE record_json IS NOT NULL")
    .pluck()
    .all() as string[];
  return rows.map((json) => JSON.parse(json) as Report);
}
