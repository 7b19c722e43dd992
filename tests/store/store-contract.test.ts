/**
 * The store contract: the same tests against both backends (SQLite file, PostgreSQL database on the
 * tests' server), then the two compared with each other: same columns, same findings from the
 * checks, byte-identical CSV exports, and migrations that survive several processes opening one new
 * database at once.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { checkDatabase } from "../../src/checks/run-checks.js";
import { exportCsv } from "../../src/export/export-csv.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openStore, type Store } from "../../src/store/store.js";
import { ROOT } from "../helpers/golden.js";
import { freshPgDatabase, type TestDatabase } from "../helpers/postgres.js";
import { extractSample } from "../helpers/read-sample.js";

const SAMPLES = ["qingchuan-health-2022.pdf", "qingchuan-health-2023.pdf", "qingchuan-culture-2023.pdf"];

let dir: string;
let records: Report[];
const dropAfter: TestDatabase[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-store-"));
  records = [];
  for (const s of SAMPLES) {
    const r = await extractSample(s);
    if (!r.record) throw new Error(`${s}: no record`);
    records.push(r.record as Report);
  }
});

afterAll(async () => {
  for (const d of dropAfter) await d.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Backend = "sqlite" | "postgres";

async function newTarget(backend: Backend, name: string): Promise<string> {
  if (backend === "sqlite") return path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.db`);
  const d = await freshPgDatabase(name);
  dropAfter.push(d);
  return d.url;
}

async function schemaVersion(store: Store): Promise<number> {
  if (store.backend === "sqlite") {
    const r = await sql<{ user_version: number }>`PRAGMA user_version`.execute(store.db);
    return r.rows[0]!.user_version;
  }
  const r = await sql<{ v: number }>`SELECT MAX(version) AS v FROM schema_version`.execute(store.db);
  return Number(r.rows[0]!.v);
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A record with another id (and department), so one sample gives several reports. */
function variant(r: Report, id: string, department: string | undefined): Report {
  const v = copy(r);
  v.report_id = id.padEnd(64, "0");
  v.source_file = `${id}.pdf`;
  v.source_path = `in/${id}.pdf`;
  if (department === undefined) delete v.department;
  else v.department = { ...v.department!, value: department };
  return v;
}

const finding = (over: Partial<Finding>): Finding => ({
  rule: "sum_mismatch",
  scope: "report",
  severity: "error",
  report_id: records[0]!.report_id,
  field: "budget_total",
  message: "合计不符",
  evidence: [{ report_id: records[0]!.report_id, role: "stated", page: 1, bbox: [1, 2, 3, 4], text: "1.00" }],
  ...over,
});

for (const backend of ["sqlite", "postgres"] as const) {
  describe(`store contract: ${backend}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore(await newTarget(backend, "contract"));
    });
    afterAll(async () => {
      await store?.close();
    });

    it("migrates a new database to the current version, and opening it again changes nothing", async () => {
      expect(store.backend).toBe(backend);
      expect(await schemaVersion(store)).toBe(MIGRATIONS.length);
    });

    it("stores a report and gives it back as it was", async () => {
      for (const r of records) await store.saveReport(r, 1234);
      for (const r of records) expect(await store.loadReport(r.report_id)).toEqual(r);
      expect((await store.loadReports()).map((r) => r.report_id).sort()).toEqual(
        records.map((r) => r.report_id).sort(),
      );
      expect(await store.reportExists(records[0]!.report_id)).toEqual({
        status: records[0]!.status,
        extractor: expect.any(String),
      });
      expect(await store.reportExists("f".repeat(64))).toBeUndefined();
    });

    it("replaces a report saved again, without duplicating its rows", async () => {
      const r = records[0]!;
      await store.saveReport(r, 99);
      const n = await store.db
        .selectFrom("statements")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("report_id", "=", r.report_id)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(r.statements.length);
      const size = await store.db
        .selectFrom("reports")
        .select("file_size")
        .where("report_id", "=", r.report_id)
        .executeTakeFirstOrThrow();
      expect(Number(size.file_size)).toBe(99);
    });

    it("keeps exact decimals exact, trailing zeros included", async () => {
      const v = variant(records[1]!, "dec", "精确小数测试单位");
      const s = v.statements[0]!;
      s.figure = { ...s.figure, value: "123456789012.345600", ulp: "0.000001" };
      v.budget_lines[0]!.amount = { ...v.budget_lines[0]!.amount, value: "0.10", ulp: "0.01" };
      await store.saveReport(v, 1);
      const st = await store.db
        .selectFrom("statements")
        .select(["value", "ulp"])
        .where("report_id", "=", v.report_id)
        .where("seq", "=", 0)
        .executeTakeFirstOrThrow();
      expect(st).toEqual({ value: "123456789012.345600", ulp: "0.000001" });
      const bl = await store.db
        .selectFrom("budget_lines")
        .select("amount_wan")
        .where("report_id", "=", v.report_id)
        .where("seq", "=", 0)
        .executeTakeFirstOrThrow();
      expect(bl.amount_wan).toBe("0.10");
      expect((await store.loadReport(v.report_id))!.statements[0]!.figure.value).toBe("123456789012.345600");
    });

    it("records each path of a report once, in the order seen", async () => {
      const id = records[2]!.report_id;
      expect(await store.addSourcePath(id, "copies/a.pdf")).toBe(true);
      expect(await store.addSourcePath(id, "copies/a.pdf")).toBe(false);
      await new Promise((r) => setTimeout(r, 5));
      expect(await store.addSourcePath(id, "copies/b.pdf")).toBe(true);
      const paths = await store.sourcePathsOf(id);
      expect(paths[0]).toBe(records[2]!.source_path);
      expect(paths.slice(1)).toEqual([records[2]!.source_path, "copies/a.pdf", "copies/b.pdf"]);
      const all = (await store.sourcePaths()).filter((p) => p.report_id === id).map((p) => p.path);
      expect(all).toEqual([records[2]!.source_path, "copies/a.pdf", "copies/b.pdf"]);
    });

    it("records a failed file without ever replacing a good record by it", async () => {
      const good = records[1]!;
      await store.saveFailure({
        reportId: good.report_id,
        sourcePath: "elsewhere/same-bytes.pdf",
        fileName: "same-bytes.pdf",
        size: 1,
        status: "failed",
        error: "timeout",
      });
      expect((await store.reportExists(good.report_id))!.status).toBe(good.status);
      expect(await store.sourcePathsOf(good.report_id)).toContain("elsewhere/same-bytes.pdf");
      const bad = "b".repeat(64);
      await store.saveFailure({
        reportId: bad,
        sourcePath: "x/bad.pdf",
        fileName: "bad.pdf",
        size: 5,
        status: "failed",
        error: "damaged — try again",
      });
      await store.saveFailure({
        reportId: bad,
        sourcePath: "x/bad.pdf",
        fileName: "bad.pdf",
        size: 5,
        status: "skipped",
        error: "not a report",
      });
      expect((await store.reportExists(bad))!.status).toBe("skipped");
      const stored = (await store.loadStoredReports()).find((r) => r.report_id === bad)!;
      expect(stored).toMatchObject({ status: "skipped", error: "not a report", record_json: null, pages: 0 });
      expect(await store.loadReport(bad)).toBeUndefined();
    });

    it("rolls a failed transaction back as a whole", async () => {
      const v = variant(records[0]!, "rollback", "回滚测试单位");
      await expect(
        store.transaction(async (tx) => {
          await tx.saveReport(v, 1);
          expect(await tx.reportExists(v.report_id)).toBeDefined();
          throw new Error("disk full");
        }),
      ).rejects.toThrow("disk full");
      expect(await store.reportExists(v.report_id)).toBeUndefined();
      const rows = await store.db
        .selectFrom("statements")
        .select("seq")
        .where("report_id", "=", v.report_id)
        .execute();
      expect(rows).toEqual([]);
    });

    it("stores text with control characters (NUL is dropped where the backend cannot hold it)", async () => {
      const v = variant(records[0]!, "nul", "控制\u0000字符\u0007单位");
      await store.saveReport(v, 1);
      expect((await store.loadReport(v.report_id))!.department!.value).toBe("控制\u0000字符\u0007单位");
      const row = await store.db
        .selectFrom("reports")
        .select("department")
        .where("report_id", "=", v.report_id)
        .executeTakeFirstOrThrow();
      expect(row.department).toBe(backend === "sqlite" ? "控制\u0000字符\u0007单位" : "控制字符\u0007单位");
    });

    it("lists stored files bytewise by department (none first), year and file name", async () => {
      for (const [id, dept] of [
        ["ord1", "B局"],
        ["ord2", "A局"],
        ["ord3", "a局"],
        ["ord4", "乙局"],
        ["ord5", undefined],
      ] as const)
        await store.saveReport(variant(records[0]!, id, dept), 1);
      const order = (await store.loadStoredReports())
        .filter((r) => r.source_file.startsWith("ord"))
        .map((r) => r.source_file);
      expect(order).toEqual(["ord5.pdf", "ord2.pdf", "ord1.pdf", "ord3.pdf", "ord4.pdf"]);
    });

    it("keeps a file's stacked forms together: file order, its paths, fewer forms on a new reading", async () => {
      const file = "5".repeat(64);
      const form = (n: number): Report => {
        const v = variant(records[0]!, "stacked", "叠表局");
        v.report_id = n === 1 ? file : `${file}#${n}`;
        v.form_index = n;
        v.form_count = 11;
        return v;
      };
      const ids = Array.from({ length: 11 }, (_, i) => form(i + 1).report_id);
      await store.transaction(async (tx) => {
        for (let n = 1; n <= 11; n++) await tx.saveReport(form(n), 1);
      });
      const listed = (await store.loadStoredReports()).filter((r) => r.report_id.startsWith(file));
      expect(listed.map((r) => r.report_id)).toEqual(ids); // …#9, #10, #11: not #10 before #2
      expect(await store.addSourcePath(file, "copies/stacked.pdf")).toBe(true);
      expect(await store.sourcePathsOf(`${file}#7`)).toContain("copies/stacked.pdf");
      // The file read again holds two forms: the nine others go, rows and all.
      await store.transaction(async (tx) => {
        await tx.saveReport(form(1), 1);
        await tx.saveReport(form(2), 1);
      });
      const left = (await store.loadStoredReports()).filter((r) => r.report_id.startsWith(file));
      expect(left.map((r) => r.report_id)).toEqual(ids.slice(0, 2));
      const rows = await store.db
        .selectFrom("statements")
        .select("report_id")
        .where("report_id", "like", `${file}#%`)
        .execute();
      expect(new Set(rows.map((r) => r.report_id))).toEqual(new Set([`${file}#2`]));
      await store.db.deleteFrom("reports").where("report_id", "like", `${file}%`).execute();
    });

    it("finds report ids by prefix, never by a wildcard", async () => {
      const id = records[0]!.report_id;
      expect(await store.reportIdsWithPrefix(id.slice(0, 10), 2)).toEqual([id]);
      expect(await store.reportIdsWithPrefix("%", 2)).toEqual([]);
      expect(await store.reportIdsWithPrefix("_", 2)).toEqual([]);
    });

    it("replaces findings as a whole and gives them back exactly", async () => {
      const a = records[0]!.report_id;
      const b = records[1]!.report_id;
      await store.storeFindings([finding({ severity: "info" })]);
      const fs: Finding[] = [
        finding({
          department: "乙局",
          fiscal_year: 2023,
          stated: "100.50",
          expected: "100.4",
          difference: "0.10",
        }),
        finding({
          report_id: b,
          other_report_id: a,
          reference_report_id: a,
          severity: "warning",
          scope: "cross_year",
          rule: "yoy_mismatch",
          department: "A局",
          fiscal_year: 2022,
          tolerance: "0.005",
          page: 3,
          bbox: [10.5, 20, 30, 40.25],
          other_page: 2,
        }),
        finding({ severity: "info", message: "舍入误差" }),
      ];
      await store.storeFindings(fs);
      const rows = await store.loadFindingRows();
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({
        stated: "100.50",
        expected: "100.4",
        difference: "0.10",
        department: "乙局",
        fiscal_year: 2023,
        other_report_id: null,
        tolerance: null,
      });
      expect(rows[1]).toMatchObject({
        other_report_id: a,
        reference_report_id: a,
        tolerance: "0.005",
        page: 3,
        bbox: "10.5,20,30,40.25",
        other_page: 2,
      });
      expect(JSON.parse(rows[0]!.evidence_json!)).toEqual(fs[0]!.evidence);
      expect(rows.map((r) => typeof r.id)).toEqual(["number", "number", "number"]);
      expect(await store.findingCounts()).toEqual(
        new Map([
          [a, 1],
          [b, 1],
        ]),
      );
      const d = await store.discrepancyRows();
      expect(d.map((r) => r[5])).toEqual([null, "A局", "乙局"]);
      expect(d[1]).toHaveLength(17);
      expect(d[1]![6]).toBe(2022);
    });
  });
}

describe("both backends", () => {
  it("have the same tables and columns after all migrations", async () => {
    const lite = await openStore(await newTarget("sqlite", "cols"));
    const pg = await openStore(await newTarget("postgres", "cols"));
    try {
      const liteCols = await sql<{ t: string; c: string }>`
        SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
        WHERE m.type IN ('table', 'view') ORDER BY 1, 2`.execute(lite.db);
      const pgCols = await sql<{ t: string; c: string }>`
        SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> 'schema_version' ORDER BY 1, 2`.execute(
        pg.db,
      );
      const key = (rows: Array<{ t: string; c: string }>): string[] =>
        rows.map((r) => `${r.t}.${r.c}`).sort();
      expect(key(pgCols.rows)).toEqual(key(liteCols.rows));
      expect(liteCols.rows.length).toBeGreaterThan(100);
    } finally {
      await lite.close();
      await pg.close();
    }
  });

  it("give the same findings and byte-identical CSV exports", async () => {
    const stores = [
      await openStore(await newTarget("sqlite", "same")),
      await openStore(await newTarget("postgres", "same")),
    ];
    try {
      const results: Array<{ findings: Finding[]; csv: Record<string, string> }> = [];
      for (const [i, store] of stores.entries()) {
        for (const r of records) await store.saveReport(r, 1000);
        const findings = await checkDatabase(store, { rules });
        const out = path.join(dir, `export-${i}`);
        await exportCsv(store, out);
        const csv: Record<string, string> = {};
        for (const f of readdirSync(out)) csv[f] = readFileSync(path.join(out, f), "utf8");
        results.push({ findings, csv });
      }
      expect(results[0]!.findings.length).toBeGreaterThan(0);
      expect(results[1]!.findings).toEqual(results[0]!.findings);
      const rows = await Promise.all(stores.map((s) => s.loadFindingRows()));
      const strip = (r: ReadonlyArray<{ id: number }>): unknown[] => r.map(({ id: _, ...rest }) => rest);
      expect(strip(rows[1]!)).toEqual(strip(rows[0]!));
      expect(Object.keys(results[1]!.csv).sort()).toEqual(Object.keys(results[0]!.csv).sort());
      for (const f of Object.keys(results[0]!.csv)) {
        // The same records, so the same rows in the same order, but for a timestamp-free export
        // nothing differs at all.
        expect(results[1]!.csv[f], f).toBe(results[0]!.csv[f]);
      }
      expect(results[0]!.csv["discrepancies.csv"]!.split("\r\n").length).toBeGreaterThan(2);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  for (const backend of ["sqlite", "postgres"] as const) {
    it(`${backend}: several processes opening one new database at once all migrate it safely`, async () => {
      const storeModule = pathToFileURL(path.join(ROOT, "dist/src/store/store.js")).href;
      const script = `const { openStore } = await import(${JSON.stringify(storeModule)});
        const s = await openStore(process.env.TARGET); await s.close();`;
      for (let round = 0; round < 3; round++) {
        const target = await newTarget(backend, "race");
        const runs = await Promise.all(
          Array.from(
            { length: 6 },
            () =>
              new Promise<{ code: number | null; err: string }>((resolve) => {
                const p = spawn(process.execPath, ["--input-type=module", "-e", script], {
                  env: { ...process.env, TARGET: target },
                  stdio: ["ignore", "ignore", "pipe"],
                });
                let err = "";
                p.stderr.on("data", (d) => {
                  err += d;
                });
                p.on("close", (code) => resolve({ code, err }));
              }),
          ),
        );
        expect(runs.filter((r) => r.code !== 0).map((r) => r.err)).toEqual([]);
        const store = await openStore(target);
        try {
          expect(await schemaVersion(store)).toBe(MIGRATIONS.length);
        } finally {
          await store.close();
        }
      }
    });
  }
});
