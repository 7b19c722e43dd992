/**
 * The store's queries, written once over kysely for both backends. What differs between them is
 * passed in as a `Dialect`: how a transaction starts and how text sorts (SQLite compares bytes and
 * puts NULL first; PostgreSQL is told to do the same, so both list rows in one order and exports
 * from either are byte for byte the same).
 */
import path from "node:path";
import { type Insertable, type Kysely, type RawBuilder, sql } from "kysely";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { VERSION } from "../version.js";
import { departmentKey } from "./department-key.js";
import {
  type Backend,
  DISCREPANCY_FIELDS,
  type FailedFile,
  type FindingRow,
  type ReportState,
  type Store,
  type StoredReport,
} from "./store.js";
import type { Tables } from "./tables.js";

export interface Dialect {
  backend: Backend;
  location: string;
  folder: string | undefined;
  /** Runs fn in a write transaction on one connection. */
  transaction<T>(db: Kysely<Tables>, fn: (trx: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** An ORDER BY term: ascending, bytewise for text, NULL first. */
  ascending(column: string, kind?: "text" | "number"): RawBuilder<unknown>;
  close(db: Kysely<Tables>): Promise<void>;
}

const bbox = (b: readonly number[]): string => b.map((v) => Math.round(v * 10) / 10).join(",");

/** Rows per INSERT: far below both backends' parameter limits (SQLite 32766, PostgreSQL 65535). */
const CHUNK = 400;

const sameFigure = (
  a: Report["headline"][keyof Report["headline"]],
  b: Report["statements"][number]["figure"],
): boolean =>
  !!a && a.value === b.value && a.prov.page === b.prov.page && a.prov.bbox.join() === b.prov.bbox.join();

export class KyselyStore implements Store {
  readonly backend: Backend;
  readonly location: string;
  readonly folder: string | undefined;

  constructor(
    readonly db: Kysely<Tables>,
    private readonly dialect: Dialect,
    /** Set inside a transaction: nested transactions join it. */
    private readonly inTransaction = false,
  ) {
    this.backend = dialect.backend;
    this.location = dialect.location;
    this.folder = dialect.folder;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.dialect.transaction(this.db, (trx) => fn(new KyselyStore(trx, this.dialect, true)));
  }

  async reportExists(reportId: string): Promise<ReportState | undefined> {
    return this.db
      .selectFrom("reports")
      .select(["status", "extractor"])
      .where("report_id", "=", reportId)
      .executeTakeFirst();
  }

  async addSourcePath(reportId: string, sourcePath: string): Promise<boolean> {
    // A file's path is a path of every report the file holds (stacked project forms: `<id>#N`).
    const ids = [reportId, ...(await this.formsOf(reportId))];
    const first_seen = new Date().toISOString();
    const r = await this.db
      .insertInto("source_paths")
      .values(
        ids.map((report_id) => ({
          report_id,
          path: sourcePath,
          file_name: path.basename(sourcePath),
          first_seen,
        })),
      )
      .onConflict((oc) => oc.columns(["report_id", "path"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The ids of a file's further reports (`<id>#N`, stacked project forms), for the file's id. */
  private async formsOf(reportId: string): Promise<string[]> {
    if (reportId.includes("#")) return [];
    const rows = await this.db
      .selectFrom("reports")
      .select("report_id")
      .where("report_id", "like", `${reportId}#%`)
      .execute();
    return rows.map((x) => x.report_id);
  }

  /** Removes a file's further reports before the file is stored again (it may hold fewer forms now). */
  private async deleteForms(db: Kysely<Tables>, reportId: string): Promise<void> {
    if (!reportId.includes("#"))
      await db.deleteFrom("reports").where("report_id", "like", `${reportId}#%`).execute();
  }

  async saveFailure(f: FailedFile): Promise<void> {
    await this.transaction(async (tx) => {
      const existing = await tx.reportExists(f.reportId);
      if (existing && existing.status !== "failed" && existing.status !== "skipped") {
        await tx.addSourcePath(f.reportId, f.sourcePath);
        return;
      }
      await tx.db.deleteFrom("reports").where("report_id", "=", f.reportId).execute();
      await this.deleteForms(tx.db, f.reportId);
      await tx.db
        .insertInto("reports")
        .values({
          report_id: f.reportId,
          source_file: f.fileName,
          source_path: f.sourcePath,
          department: null,
          department_key: null,
          fiscal_year: null,
          report_kind: null,
          self_score: null,
          grade: null,
          status: f.status,
          error: f.error,
          pages: 0,
          ocr_pages: 0,
          file_size: f.size,
          record_json: null,
          extractor: VERSION,
          ingested_at: new Date().toISOString(),
        })
        .execute();
      await tx.addSourcePath(f.reportId, f.sourcePath);
    });
  }

  async saveReport(report: Report, fileSize: number): Promise<void> {
    const id = report.report_id;
    await this.transaction(async (tx) => {
      const db = tx.db;
      await db.deleteFrom("reports").where("report_id", "=", id).execute();
      await this.deleteForms(db, id);
      await db
        .insertInto("reports")
        .values({
          report_id: id,
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
        })
        .execute();
      await tx.addSourcePath(id, report.source_path);
      await insertRows(
        db,
        "statements",
        report.statements.map((s, i) => {
          const f = s.figure;
          return {
            report_id: id,
            seq: i,
            key: s.key,
            value: f.value,
            ulp: f.ulp,
            unit: f.unit,
            context: s.context,
            label: s.label,
            canonical: report.headline[s.key] === f || sameFigure(report.headline[s.key], f) ? 1 : 0,
            page: f.prov.page,
            bbox: bbox(f.prov.bbox),
            printed: f.prov.text,
            conf: f.prov.conf ?? null,
          };
        }),
      );
      await insertRows(
        db,
        "budget_lines",
        report.budget_lines.map((l, i) => ({
          report_id: id,
          seq: i,
          section: l.section,
          item: l.item,
          item_as_printed: l.item_as_printed,
          amount_wan: l.amount.value,
          amount_ulp: l.amount.ulp,
          unit: l.amount.unit,
          share_pct: l.share?.value ?? null,
          share_ulp: l.share?.ulp ?? null,
          context: l.context,
          page: l.amount.prov.page,
          bbox: bbox(l.amount.prov.bbox),
          printed: l.amount.prov.text,
          conf: l.amount.prov.conf ?? null,
        })),
      );
      await insertRows(
        db,
        "indicators",
        report.indicators.map((x, i) => ({
          report_id: id,
          seq: i,
          level1: x.level1,
          level2: x.level2,
          level3: x.level3,
          target: x.target.value,
          target_op: x.target_op,
          target_value: x.target_value ?? null,
          target_unit: x.target_unit ?? null,
          actual: x.actual?.value ?? null,
          weight: x.weight?.value ?? null,
          score: x.score?.value ?? null,
          deviation: x.deviation?.value ?? null,
          page: x.page,
          bbox: bbox(x.prov.bbox),
        })),
      );
      await insertRows(
        db,
        "tasks",
        report.tasks.map((t, i) => ({
          report_id: id,
          seq: i,
          name: t.name,
          content: t.content?.value ?? null,
          planned_wan: t.planned?.value ?? null,
          planned_ulp: t.planned?.ulp ?? null,
          goal: t.goal?.value ?? null,
          completion: t.completion?.value ?? null,
          page: t.prov.page,
          pages: t.pages.join(","),
          bbox: bbox(t.prov.bbox),
        })),
      );
      await insertRows(
        db,
        "projects",
        report.projects.map((p, i) => ({
          report_id: id,
          seq: i,
          name: p.name,
          budget_wan: p.budget?.value ?? null,
          executed_wan: p.executed?.value ?? null,
          execution_rate_pct: p.rate?.value ?? null,
          context: p.context,
          page: p.prov.page,
          bbox: bbox(p.prov.bbox),
        })),
      );
      await insertRows(
        db,
        "issues",
        report.issues.map((x, i) => ({
          report_id: id,
          seq: i,
          stage: x.stage,
          code: x.code,
          severity: x.severity,
          message: x.message,
          page: x.page ?? null,
        })),
      );
    });
  }

  async loadStoredReports(): Promise<StoredReport[]> {
    const a = this.dialect.ascending;
    return (
      this.db
        .selectFrom("reports")
        .select([
          "report_id",
          "source_file",
          "source_path",
          "status",
          "error",
          "pages",
          "ocr_pages",
          "record_json",
          "department",
          "fiscal_year",
        ])
        .orderBy(a("department"))
        .orderBy(a("fiscal_year", "number"))
        .orderBy(a("source_file"))
        // A file's stacked project forms in the file's order: `<id>`, `<id>#2`, …, `<id>#10`.
        .orderBy(sql`length(report_id)`)
        .orderBy(a("report_id"))
        .execute()
    );
  }

  async loadReports(): Promise<Report[]> {
    const rows = await this.db
      .selectFrom("reports")
      .select("record_json")
      .where("record_json", "is not", null)
      .execute();
    return rows.map((r) => JSON.parse(r.record_json!) as Report);
  }

  async loadReport(reportId: string): Promise<Report | undefined> {
    const row = await this.db
      .selectFrom("reports")
      .select("record_json")
      .where("report_id", "=", reportId)
      .executeTakeFirst();
    return row?.record_json ? (JSON.parse(row.record_json) as Report) : undefined;
  }

  async reportIdsWithPrefix(prefix: string, limit: number): Promise<string[]> {
    // Ids are lowercase hex: no LIKE wildcard can be in a valid prefix, and others match nothing.
    if (!/^[0-9a-f]*$/.test(prefix)) return [];
    const rows = await this.db
      .selectFrom("reports")
      .select("report_id")
      .where("report_id", "like", `${prefix}%`)
      .orderBy("report_id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.report_id);
  }

  async sourcePathsOf(reportId: string): Promise<string[]> {
    const first = await this.db
      .selectFrom("reports")
      .select("source_path")
      .where("report_id", "=", reportId)
      .execute();
    const others = await this.db
      .selectFrom("source_paths")
      .select("path")
      .where("report_id", "=", reportId)
      .orderBy("first_seen")
      .orderBy(this.dialect.ascending("path"))
      .execute();
    return [...first.map((r) => r.source_path), ...others.map((r) => r.path)];
  }

  async sourcePaths(): Promise<Array<{ report_id: string; path: string }>> {
    return this.db
      .selectFrom("source_paths")
      .select(["report_id", "path"])
      .orderBy("first_seen")
      .orderBy(this.dialect.ascending("path"))
      .execute();
  }

  async storeFindings(findings: readonly Finding[]): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.db.deleteFrom("findings").execute();
      await insertRows(
        tx.db,
        "findings",
        findings.map((f) => ({
          rule: f.rule,
          scope: f.scope,
          severity: f.severity,
          report_id: f.report_id,
          other_report_id: f.other_report_id ?? null,
          reference_report_id: f.reference_report_id ?? null,
          department: f.department ?? null,
          fiscal_year: f.fiscal_year ?? null,
          field: f.field,
          stated: f.stated ?? null,
          expected: f.expected ?? null,
          difference: f.difference ?? null,
          tolerance: f.tolerance ?? null,
          page: f.page ?? null,
          bbox: f.bbox ? f.bbox.join(",") : null,
          other_page: f.other_page ?? null,
          message: f.message,
          evidence_json: JSON.stringify(f.evidence),
        })),
      );
    });
  }

  async loadFindingRows(): Promise<FindingRow[]> {
    const rows = await this.db.selectFrom("findings").selectAll().orderBy("id").execute();
    return rows as FindingRow[];
  }

  async findingCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("findings")
      .select((eb) => ["report_id", eb.fn.countAll<number>().as("n")])
      .where("severity", "in", ["error", "warning"])
      .groupBy("report_id")
      .execute();
    return new Map(rows.map((r) => [r.report_id, Number(r.n)]));
  }

  async discrepancyRows(): Promise<Array<Array<string | number | null>>> {
    const a = this.dialect.ascending;
    const rows = await this.db
      .selectFrom("findings")
      .select([...DISCREPANCY_FIELDS])
      .orderBy(a("department"))
      .orderBy(a("fiscal_year", "number"))
      .orderBy("id")
      .execute();
    return rows.map((r) => DISCREPANCY_FIELDS.map((k) => r[k]));
  }

  async close(): Promise<void> {
    await this.dialect.close(this.db);
  }
}

/** Multi-row INSERTs in chunks: one statement per chunk instead of one per row. */
async function insertRows<T extends keyof Tables>(
  db: Kysely<Tables>,
  table: T,
  rows: ReadonlyArray<Insertable<Tables[T]>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The rows are typed by `table` above; kysely cannot relate a generic table to its row type.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}
