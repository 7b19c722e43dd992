/**
 * The same report in two files, and corrections, through a real store — SQLite and PostgreSQL
 * alike: check links the copy and counts the report once in compare and the report data; a
 * correction is recorded in its own table, applied on load, shown by `show`, and listed in the
 * review order.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Report } from "../../schemas/report.js";
import { checkStore } from "../../src/checks/run-checks.js";
import { formatReport } from "../../src/cli/show.js";
import { compareRows } from "../../src/compare/compare-rows.js";
import { exportCsv } from "../../src/export/export-csv.js";
import { loadReportData } from "../../src/report/report-data.js";
import { runReport } from "../../src/report/run-report.js";
import { addCorrections, listCorrections, loadSameReportLinks } from "../../src/review/corrections-store.js";
import { loadReading, loadReadings } from "../../src/review/readings.js";
import { reviewItems } from "../../src/review/review-list.js";
import { openStore, type Store } from "../../src/store/store.js";
import { SAMPLES } from "../helpers/golden.js";
import { freshPgDatabase, type TestDatabase } from "../helpers/postgres.js";
import { extractSample } from "../helpers/read-sample.js";

const FILES = ["seed-report.pdf", "seed-report-chromium.pdf", "qingchuan-health-2023.pdf"];
let records: Report[];
const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-review-"));
const pgs: TestDatabase[] = [];

beforeAll(async () => {
  records = [];
  for (const f of FILES) records.push((await extractSample(f)).record as Report);
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  for (const d of pgs) await d.drop();
});

async function filled(store: Store): Promise<Store> {
  for (const [i, r] of records.entries())
    await store.saveReport(r, statSync(path.join(SAMPLES, FILES[i]!)).size);
  return store;
}

describe.each([
  ["sqlite", async () => openStore(path.join(tmp, "s.db"))],
  [
    "postgres",
    async () => {
      const pg = await freshPgDatabase("review");
      pgs.push(pg);
      return openStore(pg.url);
    },
  ],
] as const)("on %s", (_backend, open) => {
  it("links the second file of a report and counts the report once", async () => {
    const store = await filled(await open());
    try {
      const run = await checkStore(store, { rules });
      const links = await loadSameReportLinks(store);
      expect(links.size).toBe(1);
      const [copy, canonical] = [...links][0]!;
      const ids = records.slice(0, 2).map((r) => r.report_id);
      expect(ids).toContain(copy);
      expect(ids).toContain(canonical);
      // Findings of the report once, on the canonical reading; the two text files read alike.
      expect(run.findings.filter((f) => f.report_id === copy)).toEqual([]);
      const rows = await compareRows(store);
      expect(rows).toHaveLength(2);
      const seed = rows.find((r) => r.report_id === canonical)!;
      expect(seed).toMatchObject({ copies: 1 });
      expect(FILES.slice(0, 2)).toContain(seed.source_file);
      const data = await loadReportData(store);
      expect(data.rows).toHaveLength(2);
      const section = data.sections.find((s) => s.rows.some((r) => r.report_id === canonical))!;
      expect(section.reports.map((r) => r.report_id).sort()).toEqual([...ids].sort());
      expect(section.reports.find((r) => r.report_id === copy)?.same_report_as).toBe(canonical);
    } finally {
      await store.close();
    }
  });

  it("records a correction in its own table, applies it on load and shows it as corrected", async () => {
    const store = await filled(await open());
    try {
      const target = records[2]!;
      const read = target.staff.in_service!.value;
      const [added] = await addCorrections(store, [
        {
          report_id: target.report_id,
          field: "staff.in_service",
          value: String(Number(read) + 1),
          original: read,
          page: target.staff.in_service!.prov.page,
          reason: "对照原件",
          author: "审计员乙",
          created_at: "2026-01-02T03:04:05.000Z",
          source: "cli",
        },
      ]);
      expect(added!.id).toBeGreaterThan(0);
      expect(await listCorrections(store, target.report_id)).toHaveLength(1);
      const loaded = (await loadReading(store, target.report_id))!;
      expect(loaded.report.staff.in_service).toMatchObject({
        value: String(Number(read) + 1),
        correction: { original: read, author: "审计员乙" },
      });
      expect(formatReport(loaded.report)).toContain(
        `(corrected; read ${read} — 对照原件, 审计员乙 2026-01-02)`,
      );
      // The stored record itself is the extraction.
      const row = await store.db
        .selectFrom("reports")
        .select("record_json")
        .where("report_id", "=", target.report_id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(String(row.record_json)).staff.in_service.value).toBe(read);
      // A corrected value leaves the review list; the list is ordered by priority.
      const readings = await loadReadings(store);
      const run = await checkStore(store, { rules });
      const items = reviewItems({ reports: readings.reports, findings: run.findings });
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i) => i.report_id === target.report_id && i.field === "staff.in_service")).toBe(
        false,
      );
      for (let i = 1; i < items.length; i++)
        expect(items[i - 1]!.priority).toBeGreaterThanOrEqual(items[i]!.priority);
    } finally {
      await store.close();
    }
  });
});

describe("the HTML report", () => {
  it("lists the values to verify with page, crop and the correct command, and the corrections in force", async () => {
    const file = path.join(tmp, "html.db");
    const store = await filled(await openStore(file));
    const target = records[2]!;
    await addCorrections(store, [
      {
        report_id: target.report_id,
        field: "self_score",
        value: target.self_score!.value,
        original: target.self_score!.value,
        reason: "核对无误",
        author: "审计员丙",
        created_at: new Date().toISOString(),
        source: "cli",
      },
    ]);
    await checkStore(store, { rules });
    await store.close();
    const out = path.join(tmp, "report.html");
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await runReport({ db: file, out })).toBe(0);
    } finally {
      process.stderr.write = write;
    }
    const page = readFileSync(out, "utf8");
    const section = page.slice(page.indexOf('<section id="review">'), page.indexOf('<section id="rules">'));
    expect(section).toContain("待核实数值");
    const items = section.match(/<div class="review-item"/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(section).toMatch(/data:image\/png;base64,/);
    expect(section).toMatch(/selfeval correct [0-9a-f]{12} /);
    // the confirmed score is among the corrections in force, marked as confirmed
    expect(section).toContain("审计员丙");
    expect(section).toContain("（已确认）");
  });
});

describe("the export", () => {
  it("links copies in reports.csv and writes the corrected values and corrections.csv", async () => {
    const file = path.join(tmp, "export.db");
    const store = await filled(await openStore(file));
    try {
      const target = records[2]!;
      const read = target.staff.in_service!.value;
      const fixed = String(Number(read) + 2);
      const base = { report_id: target.report_id, reason: "对照原件", author: "审计员丁", source: "cli" };
      await addCorrections(store, [
        {
          ...base,
          field: "staff.in_service",
          value: String(Number(read) + 1),
          original: read,
          created_at: "2026-01-01T00:00:00.000Z",
        },
        {
          ...base,
          field: "staff.in_service",
          value: fixed,
          original: read,
          created_at: "2026-01-01T00:00:01.000Z",
        },
        { ...base, field: "project:没有这个项目:budget", value: "1", created_at: "2026-01-01T00:00:02.000Z" },
      ]);
      await checkStore(store, { rules });
      const out = path.join(tmp, "csv");
      await exportCsv(store, out);
      const csv = (name: string) =>
        parse(readFileSync(path.join(out, name), "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<
          string,
          string
        >[];
      const reports = csv("reports.csv");
      const links = await loadSameReportLinks(store);
      const [copy, canonical] = [...links][0]!;
      expect(reports.find((r) => r.report_id === copy)!.same_report_as).toBe(canonical);
      expect(reports.find((r) => r.report_id === canonical)!.same_report_as).toBe("");
      const row = reports.find((r) => r.report_id === target.report_id)!;
      expect(row).toMatchObject({ staff_in_service: fixed, corrections: "1", same_report_as: "" });
      expect(csv("corrections.csv").map((c) => [c.field, c.status, c.read, c.value])).toEqual([
        ["staff.in_service", "superseded", "", String(Number(read) + 1)],
        ["staff.in_service", "in_force", read, fixed],
        ["project:没有这个项目:budget", "not_applied", "", "1"],
      ]);
    } finally {
      await store.close();
    }
  });
});
