/**
 * npm run bench:batch — the two batch scenarios of the CLI, each in a fresh process, measured from
 * outside (bench/ingest.ts: wall time, GNU time's peak RSS, the process tree's RSS and CPU polled):
 *
 *   1. 1,000 generated text reports: `selfeval ingest DIR --db X --ocr never`, default concurrency
 *      (= cores). Target: peak RSS ≤ 600 MB.
 *   2. The generated scanned batch (≥ 50 pages): `selfeval ingest DIR --db X --ocr auto`, default
 *      OCR workers (= cores), so both cores should be busy: pages per minute and peak RSS.
 *
 * Material: output/bench/text-1000 and output/bench/scan, made (once, then cached) by
 * scripts/bench/make-bench-corpus.mjs — run here if missing. After the timed runs, each database
 * is checked and exported with the CLI, and the exported figures are compared with the truth files
 * the generator wrote, so a speed-up that breaks extraction shows here too (not timed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import {
  CLI,
  CORPUS,
  codeLine,
  describeRun,
  generatedCorpus,
  type IngestRun,
  ROOT,
  runIngestCli,
  warnIfBusy,
} from "./ingest.js";
import { machineLine } from "./machine.js";

const TEXT_DIR = path.join(CORPUS, "text-1000");
const SCAN_DIR = path.join(CORPUS, "scan");
const RSS_TARGET_MB = 600;

interface Truth {
  report: { department: string; fiscal_year: number; self_score: number; grade: string };
  personnel: Record<string, number>;
  totals: Record<string, number>;
  budget_lines: Array<{ section: string; item: string; amount: number; share: number | null }>;
  indicators: Array<{ level3: string; target: string; actual: string; weight: number; score: number }>;
  tasks: Array<{ seq: number; planned: number }>;
  projects: Array<{ name: string; budget: number; executed: number; rate: number }>;
  discrepancies: Array<{ rule: string; field: string; values: number[] }>;
}

type Row = Record<string, string>;

/** Text compared as printed modulo NFKC and white space: LibreOffice sets a gap between Latin
 * digits and CJK ("65 岁以上"), which the reader may keep as a space or not. */
const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, "utf8"), { bom: true, columns: true, skip_empty_lines: true }) as Row[];
}

/** Field-by-field agreement of an export with the truth files. */
class Tally {
  readonly fields = new Map<string, { n: number; wrong: number; missing: number; examples: string[] }>();

  see(field: string, file: string, want: string | number | null | undefined, got: string | undefined): void {
    if (want === null || want === undefined) return;
    const t = this.fields.get(field) ?? { n: 0, wrong: 0, missing: 0, examples: [] };
    this.fields.set(field, t);
    t.n++;
    if (got === undefined || got === "") {
      t.missing++;
      if (t.examples.length < 3) t.examples.push(`${file}: missing (want ${want})`);
      return;
    }
    const ok =
      typeof want === "number"
        ? Math.abs(Number(got) - want) <= 5e-7 * Math.max(1, Math.abs(want))
        : squash(got) === squash(want);
    if (!ok) {
      t.wrong++;
      if (t.examples.length < 3) t.examples.push(`${file}: ${got} (want ${want})`);
    }
  }

  lines(): string[] {
    let n = 0;
    let bad = 0;
    const out: string[] = [];
    for (const [field, t] of this.fields) {
      n += t.n;
      bad += t.wrong + t.missing;
      if (t.wrong + t.missing > 0)
        out.push(
          `  ${field}: ${t.wrong} wrong, ${t.missing} missing of ${t.n} — e.g. ${t.examples.join("; ")}`,
        );
    }
    return [
      `values compared: ${n}, agree: ${n - bad} (${((100 * (n - bad)) / Math.max(1, n)).toFixed(2)}%)`,
      ...out,
    ];
  }
}

/** `selfeval check` and `export` on a database, then every exported figure against the truth. */
export function compareWithTruth(db: string, corpus: string, outDir: string): string[] {
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  cli(["check", "--db", db, "--quiet"]);
  const exp = cli(["export", "--db", db, "--out", outDir]);
  if (exp.status !== 0) return [`export failed: ${exp.stderr}`];
  const group = (rows: Row[]) => {
    const m = new Map<string, Row[]>();
    for (const r of rows) m.set(r.report_id!, [...(m.get(r.report_id!) ?? []), r]);
    return m;
  };
  const reports = readCsv(path.join(outDir, "reports.csv"));
  const lines = group(readCsv(path.join(outDir, "budget_lines.csv")));
  const projects = group(readCsv(path.join(outDir, "projects.csv")));
  const tasks = group(readCsv(path.join(outDir, "tasks.csv")));
  const indicators = group(readCsv(path.join(outDir, "indicators.csv")));
  const findings = group(readCsv(path.join(outDir, "discrepancies.csv")));
  const tally = new Tally();
  let plantedN = 0;
  let plantedFound = 0;
  const plantedMissed: string[] = [];
  const falseAlarms = new Map<string, number>();
  const falseExamples: string[] = [];
  const truthFiles = new Set(readdirSync(corpus).filter((f) => f.endsWith(".truth.json")));
  for (const r of reports) {
    const file = r.source_file!;
    const truthName = file.replace(/\.pdf$/, ".truth.json");
    if (!truthFiles.has(truthName)) continue;
    const t = JSON.parse(readFileSync(path.join(corpus, truthName), "utf8")) as Truth;
    const id = r.report_id!;
    tally.see("department", file, t.report.department, r.department);
    tally.see("fiscal_year", file, t.report.fiscal_year, r.fiscal_year);
    tally.see("self_score", file, t.report.self_score, r.self_score);
    tally.see("grade", file, t.report.grade, r.grade);
    const statedRate = t.discrepancies.find((d) => d.rule === "rate_mismatch")?.values[0];
    const head: Array<[string, number | undefined]> = [
      ["budget_total_wan", t.totals.budget_total],
      ["initial_budget_wan", t.totals.initial_budget],
      ["executed_total_wan", t.totals.executed_total],
      ["execution_rate_pct", statedRate ?? t.totals.execution_rate],
      ["income_total_wan", t.totals.income_total],
      ["expenditure_total_wan", t.totals.expenditure_total],
      ["basic_total_wan", t.totals.basic_total],
      ["basic_share_pct", t.totals.basic_share],
      ["project_total_wan", t.totals.project_total],
      ["project_share_pct", t.totals.project_share],
      ["yoy_change_wan", t.totals.yoy_change],
      ["yoy_change_pct", t.totals.yoy_change_pct],
    ];
    for (const [col, want] of head) tally.see(col, file, want, r[col]);
    for (const k of ["authorized", "in_service", "contract", "retired"])
      tally.see(`staff_${k}`, file, t.personnel[k], r[`staff_${k}`]);
    const myLines = lines.get(id) ?? [];
    for (const l of t.budget_lines) {
      const rows = myLines.filter((x) => x.section === l.section && x.item === l.item);
      const pick = (col: string, want: number) =>
        rows.find((x) => Math.abs(Number(x[col]) - want) <= 5e-7 * Math.max(1, want))?.[col] ??
        rows[0]?.[col];
      tally.see(`line ${l.section}`, file, l.amount, pick("amount_wan", l.amount));
      if (l.share !== null) tally.see(`line ${l.section} share`, file, l.share, pick("share_pct", l.share));
    }
    const myProjects = projects.get(id) ?? [];
    for (const p of t.projects) {
      const row = myProjects.find((x) => x.name === p.name);
      tally.see("project budget", file, p.budget, row?.budget_wan);
      tally.see("project executed", file, p.executed, row?.executed_wan);
      tally.see("project rate", file, p.rate, row?.execution_rate_pct);
    }
    const myTasks = tasks.get(id) ?? [];
    for (const k of t.tasks)
      tally.see("task planned", file, k.planned, myTasks.find((x) => Number(x.seq) === k.seq)?.planned_wan);
    const myIndicators = indicators.get(id) ?? [];
    for (const x of t.indicators) {
      const row = myIndicators.find((y) => squash(y.level3!) === squash(x.level3));
      tally.see("indicator target", file, x.target, row?.target);
      tally.see("indicator actual", file, x.actual, row?.actual);
      tally.see("indicator weight", file, x.weight, row?.weight);
      tally.see("indicator score", file, x.score, row?.score);
    }
    const mine = (findings.get(id) ?? []).filter((f) => f.severity !== "info");
    for (const d of t.discrepancies) {
      plantedN++;
      if (mine.some((f) => f.rule === d.rule && f.scope === "report")) plantedFound++;
      else plantedMissed.push(`${file} ${d.rule}:${d.field}`);
    }
    // A score of 90+ with a rate under 85% is the cross-department rule score_vs_execution: the
    // generator draws such reports without planting them, so the truth implies the finding.
    const rate = statedRate ?? t.totals.execution_rate;
    const expected = new Set(t.discrepancies.map((d) => d.rule));
    if (t.report.self_score >= 90 && rate !== undefined && rate < 85) expected.add("score_vs_execution");
    for (const f of mine) {
      if (expected.has(f.rule ?? "")) continue;
      falseAlarms.set(`${f.rule}/${f.severity}`, (falseAlarms.get(`${f.rule}/${f.severity}`) ?? 0) + 1);
      if (falseExamples.length < 3) falseExamples.push(`${file} ${f.rule} ${f.field}: ${f.message}`);
    }
  }
  const notOk = reports.filter((r) => r.status !== "ok").length;
  return [
    `reports exported: ${reports.length} (${notOk} not ok)`,
    ...tally.lines(),
    `planted discrepancies found: ${plantedFound}/${plantedN}${plantedMissed.length ? ` — missed: ${plantedMissed.slice(0, 5).join("; ")}` : ""}`,
    `error/warning findings not planted: ${[...falseAlarms.values()].reduce((a, b) => a + b, 0)}${falseAlarms.size ? ` (${[...falseAlarms.entries()].map(([k, v]) => `${k} ${v}`).join(", ")}) — e.g. ${falseExamples.join(" | ")}` : ""}`,
  ];
}

function ensureCorpus(): string | undefined {
  if (generatedCorpus(TEXT_DIR) && generatedCorpus(SCAN_DIR)) return undefined;
  console.error("bench material missing: running scripts/bench/make-bench-corpus.mjs (a few minutes, once)");
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "scripts/bench/make-bench-corpus.mjs"), "--count=1000"],
    {
      stdio: "inherit",
    },
  );
  if (r.status !== 0) throw new Error("make-bench-corpus failed");
  return `generated the material in ${((performance.now() - t0) / 1000).toFixed(0)} s`;
}

function row(name: string, r: IngestRun, perMin: string, target: string): string[] {
  const peak = r.maxRssMb ?? r.treePeakMb;
  return [
    name,
    String(r.files.length),
    String(r.pages),
    `${r.wallS.toFixed(1)} s`,
    perMin,
    `${r.cores.toFixed(2)}`,
    `${peak} MB`,
    target,
  ];
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd(),
  );
}

async function main(): Promise<void> {
  // `npm run bench:batch -- text` (or `scan`) runs one of the two.
  const parts = new Set(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["text", "scan"]);
  // Taken first: the commit the build was made from, not one someone makes meanwhile.
  const code = codeLine();
  const generated = ensureCorpus();
  await warnIfBusy();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-batch-"));
  try {
    const textDb = path.join(tmp, "text.db");
    const scanDb = path.join(tmp, "scan.db");
    const text = parts.has("text") ? await runIngestCli([TEXT_DIR], textDb, ["--ocr", "never"]) : undefined;
    const scan = parts.has("scan") ? await runIngestCli([SCAN_DIR], scanDb, ["--ocr", "auto"]) : undefined;
    const textAccuracy = text && compareWithTruth(textDb, TEXT_DIR, path.join(tmp, "text-csv"));
    const scanAccuracy = scan && compareWithTruth(scanDb, SCAN_DIR, path.join(tmp, "scan-csv"));

    console.log(`machine: ${machineLine()}`);
    console.log(`code: ${code}`);
    if (generated) console.log(generated);
    const rows = [["batch", "files", "pages", "wall", "throughput", "cores", "peak RSS", "target"]];
    if (text) {
      console.log(
        `\n1. ${path.relative(ROOT, TEXT_DIR)}: selfeval ingest --ocr never (concurrency = ${os.availableParallelism()} cores)`,
      );
      for (const line of describeRun(text)) console.log(`   ${line}`);
      const peak = text.maxRssMb ?? text.treePeakMb;
      rows.push(
        row(
          "text, OCR off",
          text,
          `${((text.files.length / text.wallS) * 60).toFixed(0)} reports/min`,
          `RSS ≤ ${RSS_TARGET_MB} MB: ${peak <= RSS_TARGET_MB ? "met" : "NOT met"}`,
        ),
      );
    }
    if (scan) {
      console.log(
        `\n2. ${path.relative(ROOT, SCAN_DIR)}: selfeval ingest --ocr auto (OCR workers = ${os.availableParallelism()} cores)`,
      );
      for (const line of describeRun(scan)) console.log(`   ${line}`);
      rows.push(
        row("scanned, OCR on", scan, `${((scan.pages / scan.wallS) * 60).toFixed(1)} pages/min`, "—"),
      );
    }
    console.log("");
    for (const line of table(rows)) console.log(line);
    console.log("\nexported figures against the generator's truth (check + export after the timed runs):");
    for (const [name, lines] of [
      ["text", textAccuracy],
      ["scan", scanAccuracy],
    ] as const) {
      if (!lines) continue;
      console.log(`${name}:`);
      for (const line of lines) console.log(`  ${line}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Run only as the entry point, so compareWithTruth can be used on a kept database.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
