/**
 * CLI conventions as eslint, sqlite-utils and docling users expect them: exit statuses for
 * findings, JSON with numbers as numbers, --quiet/--verbose, one-line errors that say what to do,
 * output paths of the wrong kind refused before anything is written, short id prefixes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../schemas/finding.js";
import { failsOn } from "../../src/cli/commands.js";
import { openStore, type Store } from "../../src/store/store.js";
import { selfeval } from "../helpers/cli.js";
import { SAMPLES } from "../helpers/golden.js";
import { buildSampleDb } from "../report/sample-db.js";

let dir: string;
let dbFile: string;
let db: Store;
let findingRows: Awaited<ReturnType<Store["loadFindingRows"]>>;
let ids: string[];

/** One line on stderr, starting `selfeval: `, with a dash before what to do, and no stack. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^selfeval: /);
  expect(lines[0]).toMatch(/ — /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-conv-"));
  dbFile = path.join(dir, "s.db");
  db = await buildSampleDb(dbFile, ["qingchuan-health-2022.pdf", "qingchuan-health-2023.pdf"]);
  ids = (await db.loadStoredReports()).map((r) => r.report_id).sort();
  findingRows = await db.loadFindingRows();
  // Closed, so the file holds everything (nothing left in the WAL) for the copies made below.
  await db.close();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("check", () => {
  it("exits 1 on an error by default, 0 with --fail-on none, and says so in --help", () => {
    const errors = findingRows.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    expect(selfeval(["check", "--db", dbFile, "-q"]).status).toBe(1);
    expect(selfeval(["check", "--db", dbFile, "--fail-on", "error", "-q"]).status).toBe(1);
    expect(selfeval(["check", "--db", dbFile, "--fail-on", "none", "-q"]).status).toBe(0);
    expect(selfeval(["check", "--db", dbFile, "--fail-on", "bogus"]).status).toBe(2);
    const help = selfeval(["check", "--help"]);
    expect(help.stdout).toMatch(/--fail-on <severity>/);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it("--fail-on decides on the worst severity found", () => {
    const f = (severity: Finding["severity"]): Finding => ({
      rule: "r",
      scope: "report",
      severity,
      report_id: "x",
      field: "f",
      message: "m",
      evidence: [],
    });
    expect(failsOn([f("warning")], "warning")).toBe(true);
    expect(failsOn([f("warning")], "error")).toBe(false);
    expect(failsOn([f("error")], "warning")).toBe(true);
    expect(failsOn([f("info")], "warning")).toBe(false);
    expect(failsOn([f("error")], "none")).toBe(false);
    expect(failsOn([], "warning")).toBe(false);
  });

  it("--json gives the summary and every finding with numbers as JSON numbers and the file named", () => {
    const r = selfeval(["check", "--db", dbFile, "--json", "--fail-on", "none"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      summary: Record<string, number | Record<string, number>>;
      findings: Array<Record<string, unknown>>;
    };
    const stored = findingRows as unknown as Array<Record<string, unknown>>;
    expect(json.findings).toHaveLength(stored.length);
    expect(json.summary.findings).toBe(stored.length);
    for (const [i, f] of json.findings.entries()) {
      const s = stored[i]!;
      for (const k of ["stated", "expected", "difference", "tolerance"]) {
        if (s[k] === null) expect(f[k]).toBeNull();
        else {
          expect(typeof f[k], k).toBe("number");
          expect(f[k]).toBe(Number(s[k]));
        }
      }
      expect(typeof f.page === "number" || f.page === null).toBe(true);
      expect(f.source_file).toMatch(/^qingchuan-health-202[23]\.pdf$/);
    }
  });

  it("lines name the file; --quiet prints the summary only; --verbose adds info findings", () => {
    const normal = selfeval(["check", "--db", dbFile, "--fail-on", "none"]).stdout.trim().split("\n");
    const quiet = selfeval(["check", "--db", dbFile, "--fail-on", "none", "--quiet"])
      .stdout.trim()
      .split("\n");
    const verbose = selfeval(["--verbose", "check", "--db", dbFile, "--fail-on", "none"])
      .stdout.trim()
      .split("\n");
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toMatch(/^\d+ findings: /);
    const findingLines = normal.filter((l) => /^(error|warning) /.test(l));
    expect(findingLines.length).toBeGreaterThan(0);
    for (const l of findingLines) expect(l).toMatch(/qingchuan-health-202[23]\.pdf/);
    const infos = findingRows.filter((f) => f.severity === "info").length;
    expect(verbose.filter((l) => /^info /.test(l))).toHaveLength(infos);
  });
});

describe("compare", () => {
  it("--format json gives numbers as numbers, text as text, missing as null", () => {
    const r = selfeval(["compare", "--db", dbFile, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      for (const k of [
        "fiscal_year",
        "budget_total_wan",
        "executed_total_wan",
        "execution_rate_pct",
        "self_score",
        "findings",
      ])
        expect(typeof row[k], k).toBe("number");
      expect(typeof row.department).toBe("string");
      expect(typeof row.report_id).toBe("string");
    }
    const csv = selfeval(["compare", "--db", dbFile, "--format", "csv"]).stdout;
    expect(csv).toContain(String(rows[0]!.budget_total_wan));
  });

  it("every row names its file, in the table, CSV and JSON; copies are a whole number", () => {
    const files = ["qingchuan-health-2022.pdf", "qingchuan-health-2023.pdf"];
    const json = JSON.parse(selfeval(["compare", "--db", dbFile, "--format", "json"]).stdout) as Array<
      Record<string, unknown>
    >;
    expect(json.map((r) => r.source_file).sort()).toEqual(files);
    for (const r of json) expect(r.copies).toBe(0);
    const csv = selfeval(["compare", "--db", dbFile, "--format", "csv"]).stdout.replace(/^\uFEFF/, "");
    const [header, ...rows] = csv.trim().split("\r\n");
    const col = header!.split(",").indexOf("source_file");
    expect(col).toBeGreaterThanOrEqual(0);
    expect(rows.map((l) => l.split(",")[col]).sort()).toEqual(files);
    const table = selfeval(["compare", "--db", dbFile]).stdout.trim().split("\n").slice(2);
    expect(table).toHaveLength(2);
    for (const [i, l] of table.entries()) {
      expect(l, `row ${i}`).toMatch(/qingchuan-health-202[23]\.pdf +0$/);
      expect(l).not.toMatch(/0\.00$/);
    }
  });
});

describe("show", () => {
  it("takes a unique short prefix of the id, 4 characters or more", () => {
    const id = ids[0]!;
    // the shortest prefix that is unique here
    let n = 4;
    while (ids.filter((x) => x.startsWith(id.slice(0, n))).length > 1) n++;
    const r = selfeval(["show", id.slice(0, n), "--db", dbFile]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`report ${id}`);
    const upper = selfeval(["show", id.slice(0, 8).toUpperCase(), "--db", dbFile, "--json"]);
    expect(JSON.parse(upper.stdout).report_id).toBe(id);
  });

  it("an unknown or ambiguous prefix is one line saying what to do", async () => {
    const unknown = [..."0123456789abcdef"]
      .map((c) => c.repeat(6))
      .find((p) => !ids.some((i) => i.startsWith(p)))!;
    const r = selfeval(["show", unknown, "--db", dbFile]);
    expect(r.status).toBe(1);
    expectOneLineError(r.stderr, /no stored report id starts with this — `selfeval compare` lists/);
    // Ambiguous: another stored file whose id shares the first 6 characters.
    const amb = path.join(dir, "amb.db");
    writeFileSync(amb, readFileSync(dbFile));
    const twin = `${ids[0]!.slice(0, 6)}${"0".repeat(58)}`;
    const other = await openStore(amb);
    await other.saveFailure({
      reportId: twin,
      sourcePath: "in/x.pdf",
      fileName: "x.pdf",
      size: 0,
      status: "failed",
      error: "the file is damaged",
    });
    await other.close();
    const x = selfeval(["show", ids[0]!.slice(0, 6), "--db", amb]);
    expect(x.status).toBe(2);
    expectOneLineError(x.stderr, /2 stored reports start with this .* — give more characters of the id/);
    const failed = selfeval(["show", twin.slice(0, 60), "--db", amb]);
    expect(failed.status).toBe(1);
    expectOneLineError(
      failed.stderr,
      /in\/x\.pdf: stored as failed \(the file is damaged\), so there is nothing to show — fix the file/,
    );
  });
});

describe("output paths and errors", () => {
  it("run --out FILE is a one-line usage error before anything is read or created", () => {
    const file = path.join(dir, "README.md");
    writeFileSync(file, "# notes\n");
    const r = selfeval([
      "run",
      path.join(SAMPLES, "qingchuan-health-2022.pdf"),
      "--out",
      file,
      "--ocr",
      "never",
    ]);
    expect(r.status).toBe(2);
    expectOneLineError(r.stderr, /README\.md is a file, not a folder — give --out a folder/);
    expect(readFileSync(file, "utf8")).toBe("# notes\n");
    expect(
      readdirSync(dir).filter((f) => f.includes(".tmp") || (f.endsWith(".db") && f.startsWith("README"))),
    ).toEqual([]);
  });

  it("report --out DIR is a one-line usage error and leaves no .tmp", () => {
    const out = path.join(dir, "reports-folder");
    mkdirSync(out);
    const r = selfeval(["report", "--db", dbFile, "--out", out]);
    expect(r.status).toBe(2);
    expectOneLineError(
      r.stderr,
      /reports-folder is a folder — give --out a file name, e\.g\. --out .*report\.html/,
    );
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a missing database, an unknown option and a missing argument are one line each", () => {
    const missing = selfeval(["check", "--db", path.join(dir, "nope.db")]);
    expect(missing.status).toBe(1);
    expectOneLineError(missing.stderr, /nope\.db: no such database — run `selfeval ingest` first/);
    const opt = selfeval(["export", "--bogus"]);
    expect(opt.status).toBe(2);
    expectOneLineError(opt.stderr, /unknown option '--bogus' — see `selfeval export --help`/);
    const arg = selfeval(["ingest"]);
    expect(arg.status).toBe(2);
    expectOneLineError(arg.stderr, /missing required argument 'paths' — see `selfeval ingest --help`/);
  });

  it("--quiet silences the summary lines of export and report", () => {
    const out = path.join(dir, "quiet");
    const e = selfeval(["export", "--db", dbFile, "--out", out, "--quiet"]);
    expect(e.status).toBe(0);
    expect(e.stderr).toBe("");
    const loud = selfeval(["export", "--db", dbFile, "--out", out]);
    expect(loud.stderr).toMatch(/^exported to /);
  });

  it("run takes ingest's options (--timeout, --max-pages, --concurrency, --json …)", () => {
    const help = selfeval(["run", "--help"]).stdout;
    for (const o of [
      "--force",
      "--password",
      "--ocr",
      "--json",
      "--timeout",
      "--max-image-megapixels",
      "--max-pages",
      "--concurrency",
      "--ocr-workers",
      "--aliases",
      "--fail-on",
    ])
      expect(help, o).toContain(o);
    const out = path.join(dir, "run-out");
    const r = selfeval([
      "run",
      path.join(SAMPLES, "qingchuan-health-2022.pdf"),
      "--out",
      out,
      "--ocr",
      "never",
      "--max-pages",
      "2",
      "--json",
    ]);
    // The 5-page sample is refused by --max-pages 2: the option reached ingest.
    expect(r.status).toBe(1);
    const line = JSON.parse(r.stdout.trim().split("\n")[0]!);
    expect(line.status).toBe("failed");
    expect(readdirSync(out)).toContain("report.html");
  });
});
