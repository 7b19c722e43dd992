/** The comparison table: rows from a sample database, filters, sorting and the three formats. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Big from "big.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../schemas/report.js";
import {
  COMPARE_COLUMNS,
  compareRow,
  compareRows,
  departmentMatches,
  NUMERIC_COLUMNS,
} from "../../src/compare/compare-rows.js";
import { displayWidth } from "../../src/compare/display-width.js";
import { formatCompare, SortColumnError, sortRows } from "../../src/compare/format-compare.js";
import { runCompare } from "../../src/compare/run-compare.js";
import type { Store } from "../../src/store/store.js";
import { buildSampleDb } from "./sample-db.js";

let dir: string;
let dbFile: string;
let db: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-compare-"));
  dbFile = path.join(dir, "c.db");
  db = await buildSampleDb(dbFile, [
    "qingchuan-health-2022.pdf",
    "qingchuan-health-2023.pdf",
    "qingchuan-culture-2023.pdf",
  ]);
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("compareRows", () => {
  it("gives one row per department for a year, with the record's exact values", async () => {
    const rows = await compareRows(db, { year: 2023 });
    expect(rows.map((r) => r.fiscal_year)).toEqual([2023, 2023]);
    expect(new Set(rows.map((r) => r.department)).size).toBe(2);
    const reports = new Map((await db.loadReports()).map((r) => [r.report_id, r]));
    for (const row of rows) {
      const rec = reports.get(row.report_id)!;
      expect(row.budget_total_wan).toBe(rec.headline.budget_total!.value);
      expect(row.executed_total_wan).toBe(rec.headline.executed_total!.value);
      expect(row.self_score).toBe(rec.self_score!.value);
      expect(row.grade).toBe(rec.grade!.value);
      expect(row.rate_source).toBe(rec.headline.execution_rate ? "stated" : "computed");
    }
  });

  it("gives one row per year for a department, matched loosely", async () => {
    for (const q of [
      "云岭市青川区卫生健康局",
      "青川区 卫生健康局",
      "（卫生健康局）",
      "【卫生健康】",
      "卫生健康",
    ]) {
      expect(
        (await compareRows(db, { department: q })).map((r) => r.fiscal_year),
        q,
      ).toEqual([2022, 2023]);
    }
    expect(await compareRows(db, { department: "教育局" })).toEqual([]);
    expect(departmentMatches("云岭市青川区文化广电旅游体育局", "文化广电旅游体育局")).toBe(true);
  });

  it("counts errors and warnings only", async () => {
    const counts = await db.db
      .selectFrom("findings")
      .select((eb) => ["report_id", "severity", eb.fn.countAll<number>().as("n")])
      .groupBy(["report_id", "severity"])
      .execute();
    for (const row of await compareRows(db)) {
      const want = counts
        .filter((c) => c.report_id === row.report_id && c.severity !== "info")
        .reduce((a, c) => a + c.n, 0);
      expect(row.findings).toBe(want);
    }
    expect((await compareRows(db)).some((r) => r.findings > 0)).toBe(true);
  });

  it("computes a rate not printed, the basic share and per-capita spending", async () => {
    const rec = (await db.loadReports()).find((r) => r.fiscal_year?.value === "2022")!;
    const { execution_rate: _, ...headline } = rec.headline;
    const staff = { ...rec.staff.in_service!, value: "40" };
    const r: Report = { ...rec, headline, staff: { ...rec.staff, in_service: staff } };
    const row = compareRow(r, 0);
    expect(row.rate_source).toBe("computed");
    const want = new Big(rec.headline.executed_total!.value).times(100).div(rec.headline.budget_total!.value);
    expect(row.execution_rate_pct).toBe(want.round(4).toString());
    expect(row.per_capita_wan).toBe(new Big(rec.headline.executed_total!.value).div(40).round(4).toString());
    expect(compareRow({ ...r, headline: {} }, 0).execution_rate_pct).toBeNull();
  });
});

describe("formatCompare", () => {
  it("sorts by any column, numbers numerically, missing values last", async () => {
    const rows = await compareRows(db);
    const rates = (s: string) => sortRows(rows, s).map((r) => Number(r.execution_rate_pct));
    expect(rates("execution_rate_pct")).toEqual([...rates("execution_rate_pct")].sort((a, b) => a - b));
    expect(rates("-execution_rate_pct")).toEqual([...rates("execution_rate_pct")].sort((a, b) => b - a));
    const withNull = [{ ...rows[0]!, self_score: null }, ...rows.slice(1)];
    expect(sortRows(withNull, "self_score").at(-1)!.self_score).toBeNull();
    expect(sortRows(withNull, "-self_score").at(-1)!.self_score).toBeNull();
    expect(() => sortRows(rows, "nonsense")).toThrow(SortColumnError);
  });

  it("aligns the terminal table by display width, amounts to 2 decimals", async () => {
    const rows = await compareRows(db);
    const lines = formatCompare(rows, "table").trimEnd().split("\n");
    expect(lines).toHaveLength(rows.length + 2);
    const widths = new Set(lines.slice(1).map(displayWidth));
    expect(widths.size).toBe(1);
    const header = lines[0]!;
    for (const [i, row] of rows.entries()) {
      const line = lines[i + 2]!;
      // Each value ends where its header column ends (numbers are right-aligned).
      const end = (s: string, col: string) => displayWidth(s.slice(0, s.indexOf(col) + col.length));
      const rate = new Big(row.execution_rate_pct!).round(2).toFixed(2);
      expect(end(line, ` ${rate}`)).toBe(end(header, "execution_rate_pct"));
      expect(line).toContain(row.department!);
    }
  });

  it("writes CSV with BOM and CRLF and JSON with numbers as numbers of the exact values", async () => {
    const rows = await compareRows(db);
    const csv = formatCompare(rows, "csv", "fiscal_year");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(COMPARE_COLUMNS.join(","));
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines.at(-1)).toBe("");
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
    const json = JSON.parse(formatCompare(rows, "json")) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(rows.length);
    json.forEach((j, i) => {
      const row = rows[i]!;
      for (const c of COMPARE_COLUMNS) {
        const v = row[c];
        if (v === null) expect(j[c], c).toBeNull();
        else if (NUMERIC_COLUMNS.has(c)) {
          expect(typeof j[c], c).toBe("number");
          // The number printed is the exact decimal of the record (no float noise).
          expect(new Big(String(j[c])).eq(new Big(String(v))), `${c} ${v}`).toBe(true);
        } else expect(j[c], c).toBe(v);
      }
    });
  });

  it("runCompare writes a file and rejects an unknown sort column as a usage error", async () => {
    const out = path.join(dir, "out", "compare.csv");
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(
        await runCompare({ db: dbFile, year: 2023, format: "csv", sort: "-budget_total_wan", out }),
      ).toBe(0);
    } finally {
      process.stderr.write = write;
    }
    const text = readFileSync(out, "utf8");
    expect(text.split("\r\n")).toHaveLength(4);
    await expect(runCompare({ db: dbFile, sort: "bogus" })).rejects.toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
    await expect(runCompare({ db: path.join(dir, "missing.db") })).rejects.toThrow(/no such database/);
  });
});
