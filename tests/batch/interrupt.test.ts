/**
 * Ctrl-C during an OCR ingest: the batch takes no more files, abandons the one being read (never
 * stored half-read), prints its summary and exits 130; a second Ctrl-C quits at once. A file left
 * partial for a reason a rerun can fix (here: pages left for OCR by `--ocr never`) is read again by
 * the next ingest without --force.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

const SCAN = path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf");

/** Runs the CLI, calling `when(stderrSoFar, child)` on every chunk of stderr; resolves on exit. */
function ingestWith(
  args: string[],
  when: (stderr: string, signal: (s: NodeJS.Signals) => void) => void,
  onSpawn?: (signal: (s: NodeJS.Signals) => void) => void,
): Promise<{
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  exitedAt: number;
}> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, "bin/selfeval.js"), "ingest", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      when(stderr, (s) => child.kill(s));
    });
    onSpawn?.((s) => child.kill(s));
    child.on("exit", (status, signal) =>
      resolve({ status, signal, stderr, ms: Date.now() - t0, exitedAt: Date.now() }),
    );
  });
}

const rows = (db: string): Array<{ source_file: string; status: string }> =>
  new Database(db, { readonly: true })
    .prepare("SELECT source_file, status FROM reports ORDER BY source_file")
    .all() as Array<{ source_file: string; status: string }>;

describe("interrupting an OCR ingest", () => {
  it("abandons the scan being read, stores nothing of it, exits 130; a rerun reads it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-int-"));
    const input = path.join(dir, "in");
    mkdirSync(input);
    copyFileSync(path.join(SAMPLES, "qingchuan-health-2022.pdf"), path.join(input, "a-text.pdf"));
    copyFileSync(SCAN, path.join(input, "b-scan.pdf"));
    const db = path.join(dir, "s.db");
    let sent = false;
    const run = await ingestWith(
      [input, "--db", db, "--concurrency", "1", "--ocr-workers", "1"],
      (err, signal) => {
        // The text file is done: the scan is being read (OCR of two pages takes far longer than this).
        if (!sent && /^ok +.*a-text\.pdf/m.test(err)) {
          sent = true;
          setTimeout(() => signal("SIGINT"), 2500);
        }
      },
    );
    expect(sent, run.stderr).toBe(true);
    expect(run.status, run.stderr).toBe(130);
    expect(run.stderr).toMatch(/interrupted: stopping/);
    expect(run.stderr).toMatch(/interrupted +.*b-scan\.pdf — not read: the batch was interrupted/);
    expect(rows(db)).toEqual([{ source_file: "a-text.pdf", status: "ok" }]);

    // OCR off: the scan is stored partial (its pages were left for OCR), exit 1.
    const noOcr = selfeval(["ingest", input, "--db", db, "--ocr", "never"]);
    expect(noOcr.status).toBe(1);
    expect(rows(db)).toEqual([
      { source_file: "a-text.pdf", status: "ok" },
      { source_file: "b-scan.pdf", status: "partial" },
    ]);
    // Again without OCR: nothing to gain, it stays, and the exit status still says so.
    const same = selfeval(["ingest", input, "--db", db, "--ocr", "never"]);
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/unchanged +.*b-scan\.pdf — already in the database as partial/);

    // OCR on: read again without --force.
    const again = selfeval(["ingest", input, "--db", db, "--ocr-workers", "1"]);
    expect(again.stderr).toMatch(/unchanged +.*a-text\.pdf|^unchanged/m);
    expect(again.stderr).not.toMatch(/unchanged +.*b-scan\.pdf/);
    expect(again.stderr).toMatch(/(ok|partial) +.*b-scan\.pdf \(2 pages, 2 by OCR/);
  }, 600_000);

  it("a second Ctrl-C quits at once", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-int2-"));
    let secondAt = 0;
    const run = await ingestWith(
      [SCAN, "--db", path.join(dir, "s.db"), "--ocr-workers", "1"],
      () => undefined,
      (signal) => {
        setTimeout(() => signal("SIGINT"), 3000);
        setTimeout(() => {
          secondAt = Date.now();
          signal("SIGINT");
        }, 3020);
      },
    );
    expect(secondAt).toBeGreaterThan(0);
    // Either the batch was still stopping (its handler quits at once, 130), or it had already
    // stopped and was closing its OCR workers, when the default SIGINT ends it just as fast.
    if (run.signal === "SIGINT") expect(run.stderr).toMatch(/^1 files: 1 interrupted/m);
    else {
      expect(run.status, run.stderr).toBe(130);
      expect(run.stderr).toMatch(/quit at once/);
    }
    expect(run.exitedAt - secondAt).toBeLessThan(3000);
  });
});
