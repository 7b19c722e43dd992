/**
 * A batch killed at any moment (SIGKILL: no clean-up runs) and run again finishes the remaining
 * files and stores every report exactly once — no half-written report, no duplicates.
 */
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

const SOURCES = [
  "seed-report.pdf",
  "qingchuan-health-2022.pdf",
  "qingchuan-health-2023.pdf",
  "qingchuan-culture-2023.pdf",
];
const COPIES = 8;

function consistency(dbFile: string): { reports: number; problems: string[] } {
  const db = new Database(dbFile, { readonly: true });
  const problems: string[] = [];
  const rows = db.prepare("SELECT report_id, record_json FROM reports").all() as Array<{
    report_id: string;
    record_json: string;
  }>;
  for (const r of rows) {
    const rec = JSON.parse(r.record_json) as {
      budget_lines: unknown[];
      indicators: unknown[];
      tasks: unknown[];
      statements: unknown[];
    };
    for (const [table, n] of [
      ["budget_lines", rec.budget_lines.length],
      ["indicators", rec.indicators.length],
      ["tasks", rec.tasks.length],
      ["statements", rec.statements.length],
    ] as const) {
      const got = (
        db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE report_id = ?`).get(r.report_id) as { n: number }
      ).n;
      if (got !== n) problems.push(`${r.report_id.slice(0, 8)} ${table}: ${got} rows, record has ${n}`);
    }
  }
  for (const table of ["budget_lines", "indicators", "tasks", "statements", "source_paths"]) {
    const orphans = (
      db
        .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE report_id NOT IN (SELECT report_id FROM reports)`)
        .get() as { n: number }
    ).n;
    if (orphans > 0) problems.push(`${orphans} orphan rows in ${table}`);
  }
  db.close();
  return { reports: rows.length, problems };
}

describe("resume after SIGKILL", () => {
  it("stores every report exactly once after a killed batch is run again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-kill-"));
    const input = path.join(dir, "in");
    mkdirSync(input);
    // Distinct files: a comment after %%EOF changes the bytes (and the report id), not the content.
    for (let i = 0; i < COPIES; i++) {
      const f = path.join(input, `r${i}.pdf`);
      copyFileSync(path.join(SAMPLES, SOURCES[i % SOURCES.length]!), f);
      appendFileSync(f, `\n% copy ${i}\n`);
    }
    const dbFile = path.join(dir, "s.db");
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "bin/selfeval.js"),
        "ingest",
        input,
        "--db",
        dbFile,
        "--ocr",
        "never",
        "--concurrency",
        "1",
      ],
      {
        stdio: "ignore",
      },
    );
    // Kill it in the middle: once some reports are stored, before all are.
    const stored = (): number => {
      try {
        const db = new Database(dbFile, { readonly: true, fileMustExist: true });
        const n = (db.prepare("SELECT COUNT(*) AS n FROM reports").get() as { n: number }).n;
        db.close();
        return n;
      } catch {
        return 0;
      }
    };
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    let killedAt = -1;
    for (let t = 0; t < 600; t++) {
      const n = stored();
      if (n >= 2) {
        child.kill("SIGKILL");
        killedAt = n;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    await exited;
    expect(killedAt).toBeGreaterThanOrEqual(2);
    const afterKill = consistency(dbFile);
    expect(afterKill.problems).toEqual([]);
    expect(afterKill.reports).toBeLessThan(COPIES);

    const rerun = selfeval(["ingest", input, "--db", dbFile, "--ocr", "never"]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/already in the database/);
    const final = consistency(dbFile);
    expect(final.problems).toEqual([]);
    expect(final.reports).toBe(COPIES);
    const db = new Database(dbFile, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM source_paths").get() as { n: number }).n).toBe(COPIES);
    db.close();
  });
});
