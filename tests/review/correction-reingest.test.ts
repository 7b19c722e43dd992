/**
 * A correction outlives a re-extraction by another version of selfeval. The sample is ingested and
 * checked by this build, the planted execution-rate discrepancy corrected with `selfeval correct`;
 * then a second installation of the same build with its version bumped (its own package.json, as
 * an upgrade leaves it) ingests the file again. It must extract the file anew and replace its
 * reading (the stored extractor changes, the stored value is the extraction's), and the
 * correction must still be applied over the new reading — in `show` and in the checks.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

const SAMPLE = path.join(SAMPLES, "qingchuan-health-2023.pdf");
const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-correct-"));
const db = path.join(tmp, "s.db");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** This build installed again under another version number. */
function installAs(version: string): string {
  const app = path.join(tmp, `selfeval-${version}`);
  mkdirSync(app);
  cpSync(path.join(ROOT, "dist"), path.join(app, "dist"), { recursive: true });
  cpSync(path.join(ROOT, "bin"), path.join(app, "bin"), { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ ...pkg, version }));
  symlinkSync(path.join(ROOT, "node_modules"), path.join(app, "node_modules"), "dir");
  return path.join(app, "bin", "selfeval.js");
}

/** The rate findings of the last check, as stored. */
function rateFindings(): Array<{ expected: string }> {
  const raw = new Database(db, { readonly: true });
  try {
    return raw
      .prepare("SELECT expected FROM findings WHERE rule = 'rate_mismatch' AND field = 'execution_rate'")
      .all() as Array<{ expected: string }>;
  } finally {
    raw.close();
  }
}

describe("a correction and a new version of selfeval", () => {
  it("survives the re-extraction and is applied over the new reading", () => {
    // 1. This version ingests and checks: the sample's planted rate discrepancy is found.
    expect(selfeval(["ingest", SAMPLE, "--db", db, "--ocr", "never"]).status).toBe(0);
    const shown = JSON.parse(selfeval(["show", SAMPLE, "--db", db, "--json"]).stdout);
    const read = shown.headline.execution_rate.value as string;
    const id = shown.report_id as string;
    expect(selfeval(["check", "--db", db, "--fail-on", "none"]).status).toBe(0);
    const found = rateFindings();
    expect(found).toHaveLength(1);
    const right = found[0]!.expected;

    // 2. The auditor corrects both statements of the rate (a table and the prose print it).
    for (const field of ["execution_rate", "execution_rate#2"]) {
      const c = selfeval([
        "correct",
        id.slice(0, 10),
        field,
        right,
        "--reason",
        "对照原件",
        "--by",
        "审计员甲",
        "--db",
        db,
      ]);
      expect(c.status, c.stderr).toBe(0);
      expect(c.stderr).toContain(`${read} → ${right}`);
    }
    expect(selfeval(["check", "--db", db, "--fail-on", "none"]).status).toBe(0);
    expect(rateFindings()).toEqual([]);

    // 3. Another version ingests the same file: extracted again, not "unchanged".
    const next = installAs("99.0.0-test");
    const ingested = run(next, ["ingest", SAMPLE, "--db", db, "--ocr", "never", "--json"]);
    expect(ingested.status, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout.trim().split("\n").at(-1)!)).toMatchObject({ status: "ok" });
    const raw = new Database(db, { readonly: true });
    const row = raw.prepare("SELECT extractor, record_json FROM reports WHERE report_id = ?").get(id) as {
      extractor: string;
      record_json: string;
    };
    const corrections = raw.prepare("SELECT COUNT(*) AS n FROM corrections").get() as { n: number };
    raw.close();
    expect(row.extractor).toBe("99.0.0-test");
    // The stored reading is the new extraction itself: nothing was edited in place.
    expect(JSON.parse(row.record_json).headline.execution_rate.value).toBe(read);
    expect(corrections.n).toBe(2);

    // 4. The correction is applied over the new reading: shown as corrected, checked, exported.
    const after = JSON.parse(run(next, ["show", id, "--db", db, "--json"]).stdout);
    expect(after.headline.execution_rate).toMatchObject({
      value: right,
      correction: { original: read, reason: "对照原件", author: "审计员甲" },
    });
    expect(run(next, ["show", id, "--db", db]).stdout).toContain(
      `(corrected; read ${read} — 对照原件, 审计员甲`,
    );
    expect(run(next, ["check", "--db", db, "--fail-on", "none"]).status).toBe(0);
    expect(rateFindings()).toEqual([]);
  });
});

/** Runs an installed selfeval as a user would. */
function run(bin: string, args: readonly string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 300_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
