/**
 * A department name OCR'd one character off in one year, corrected by `check` through the
 * corrections table — SQLite and PostgreSQL alike — and through the CLI: the correction is by
 * `selfeval check` (source `check:name_across_years`), the stored reading stays the extraction,
 * every command sees the agreed name marked as corrected (reports.csv counts it, corrections.csv
 * lists it, the finding says so, `review` lists it), it survives a re-extraction, a second check
 * records nothing new, and an auditor's withdrawal is never overruled.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Report } from "../../schemas/report.js";
import { checkStore } from "../../src/checks/run-checks.js";
import { exportCsv } from "../../src/export/export-csv.js";
import { addCorrections, listCorrections } from "../../src/review/corrections-store.js";
import { loadReadings } from "../../src/review/readings.js";
import { reviewItems } from "../../src/review/review-list.js";
import { openStore, type Store } from "../../src/store/store.js";
import { selfeval } from "../helpers/cli.js";
import { freshPgDatabase, type TestDatabase } from "../helpers/postgres.js";
import { report, state, withIdentity } from "../helpers/report-builder.js";

const RIGHT = "云岭市白沙县卫生健康局";
const MISREAD = "云岭市日沙县卫生健康局";

const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-names-"));
const pgs: TestDatabase[] = [];
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  for (const d of pgs) await d.drop();
});

/** Three years of one department; the middle one a scan whose name OCR read one character off. */
function years(): Report[] {
  return [2021, 2022, 2023].map((y, i) => {
    const r = withIdentity(report(`c0ffee${i}`), i === 1 ? MISREAD : RIGHT, y);
    r.source_file = `dept-${y}.pdf`;
    if (i === 1) {
      r.department!.prov = { page: 2, bbox: [90, 60, 300, 80], text: MISREAD, conf: 94 };
      r.ocr_pages = 3;
    }
    state(r, "expenditure_total", `${1000 + i * 10}.00`);
    // 2023 states a change against 2022 that its total does not bear out: found only when the years join.
    if (y === 2023) state(r, "yoy_change", "99.00");
    return r;
  });
}

const csv = (dir: string, file: string): Array<Record<string, string>> =>
  parse(readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, ""), { columns: true });

describe.each([
  ["sqlite", async () => openStore(path.join(tmp, `s-${Date.now()}.db`))],
  [
    "postgres",
    async () => {
      const pg = await freshPgDatabase("names");
      pgs.push(pg);
      return openStore(pg.url);
    },
  ],
] as const)("on %s", (backend, open) => {
  it("records the correction, shows it everywhere as one, keeps it over a re-extraction, and yields to the auditor", async () => {
    const store: Store = await open();
    const rs = years();
    try {
      for (const r of rs) await store.saveReport(r, 1000);
      const run = await checkStore(store, { rules });
      expect(run.recorded).toHaveLength(1);
      const corrections = await listCorrections(store);
      expect(corrections).toEqual([
        expect.objectContaining({
          report_id: rs[1]!.report_id,
          field: "department",
          value: RIGHT,
          original: MISREAD,
          page: 2,
          author: "selfeval check",
          source: "check:name_across_years",
        }),
      ]);
      // The stored reading is the extraction; loaded, the value is the agreed one with the reading beside it.
      expect((await store.loadReport(rs[1]!.report_id))!.department!.value).toBe(MISREAD);
      const loaded = (await loadReadings(store)).reports.find((r) => r.report_id === rs[1]!.report_id)!;
      expect(loaded.department).toMatchObject({ value: RIGHT, correction: { original: MISREAD } });
      // The finding is stored as info (corrected), on the corrected department: one department of three years.
      const f = run.findings.filter((x) => x.rule === "name_across_years");
      expect(f.map((x) => [x.severity, x.scope, x.department])).toEqual([
        ["info", "department_years", RIGHT],
      ]);
      expect(f[0]!.message).toContain(MISREAD);
      expect(run.findings.filter((x) => x.rule === "yoy_mismatch")).toEqual([
        expect.objectContaining({ report_id: rs[2]!.report_id, reference_report_id: rs[1]!.report_id }),
      ]);
      // The review list keeps a value the check corrected, until an auditor rules on it.
      const items = reviewItems({ reports: (await loadReadings(store)).reports, findings: run.findings });
      expect(items.find((i) => i.report_id === rs[1]!.report_id && i.field === "department")).toMatchObject({
        reading: RIGHT,
        corrected: { original: MISREAD, author: "selfeval check" },
      });
      // The export: the agreed name, counted and listed as a correction, the finding in discrepancies.csv.
      const out = path.join(tmp, `out-${backend}`);
      await exportCsv(store, out);
      const row = csv(out, "reports.csv").find((r) => r.report_id === rs[1]!.report_id)!;
      expect(row).toMatchObject({ department: RIGHT, corrections: "1" });
      expect(csv(out, "corrections.csv")).toEqual([
        expect.objectContaining({
          report_id: rs[1]!.report_id,
          field: "department",
          original: MISREAD,
          author: "selfeval check",
          status: "in_force",
        }),
      ]);
      expect(csv(out, "discrepancies.csv").filter((d) => d.rule === "name_across_years")).toEqual([
        expect.objectContaining({ scope: "department_years", severity: "info", department: RIGHT }),
      ]);
      // A re-extraction replaces the reading; the correction is applied over the new one. A second
      // check records nothing new.
      await store.saveReport(years()[1]!, 1000);
      const again = await checkStore(store, { rules });
      expect(again.recorded).toEqual([]);
      expect(await listCorrections(store)).toHaveLength(1);
      expect(again.readings.reports.find((r) => r.report_id === rs[1]!.report_id)!.department!.value).toBe(
        RIGHT,
      );
      // An auditor who withdraws it is not overruled by the next check, and the finding goes.
      await addCorrections(store, [
        {
          report_id: rs[1]!.report_id,
          field: "department",
          value: null,
          reason: "原件即如此",
          author: "审计员",
          created_at: new Date(Date.now() + 1000).toISOString(),
          source: "cli",
        },
      ]);
      const after = await checkStore(store, { rules });
      expect(after.recorded).toEqual([]);
      expect(await listCorrections(store)).toHaveLength(2);
      expect(after.readings.reports.find((r) => r.report_id === rs[1]!.report_id)!.department!.value).toBe(
        MISREAD,
      );
      expect(after.findings.filter((x) => x.rule === "name_across_years")).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe("through the CLI", () => {
  it("check records the correction and says so; review lists it; correct --revert undoes it for good", async () => {
    const db = path.join(tmp, "cli.db");
    const store = await openStore(db);
    const rs = years();
    try {
      for (const r of rs) await store.saveReport(r, 1000);
    } finally {
      await store.close();
    }
    const check = selfeval(["--verbose", "check", "--db", db, "--fail-on", "none"]);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/recorded 1 correction .*selfeval check/);
    expect(check.stdout).toContain("name_across_years");
    const review = JSON.parse(selfeval(["review", "--db", db, "--json"]).stdout) as Array<{
      report_id: string;
      field: string;
      reading: string;
      reasons: Array<{ code: string }>;
    }>;
    const item = review.find((i) => i.report_id === rs[1]!.report_id && i.field === "department")!;
    expect(item.reading).toBe(RIGHT);
    expect(item.reasons.map((r) => r.code)).toContain("name_across_years");
    const show = JSON.parse(selfeval(["show", rs[1]!.report_id, "--db", db, "--json"]).stdout);
    expect(show.department).toMatchObject({ value: RIGHT, correction: { original: MISREAD } });
    const revert = selfeval([
      "correct",
      rs[1]!.report_id.slice(0, 12),
      "department",
      "--revert",
      "--reason",
      "原件即如此",
      "--by",
      "审计员",
      "--db",
      db,
    ]);
    expect(revert.status, revert.stderr).toBe(0);
    const again = selfeval(["check", "--db", db, "--fail-on", "none"]);
    expect(again.stderr).not.toMatch(/recorded/);
    const shown = JSON.parse(selfeval(["show", rs[1]!.report_id, "--db", db, "--json"]).stdout);
    expect(shown.department.value).toBe(MISREAD);
  });
});
