/**
 * npm run bench:ingest [-- PATHS…] — reports per minute, pages per second and peak memory of
 * `selfeval ingest` run as users run it: the real CLI in a fresh process (`node bin/selfeval.js
 * ingest DIR --db TMP.db --ocr never`, default concurrency), measured from outside.
 *
 * Files: PATHS, else the 1,000 generated reports in output/bench/text-1000 when present (`npm run
 * bench:corpus`), else the text samples copied BENCH_COPIES times (default 20) with bytes made
 * distinct, so the store does not skip them as already ingested.
 *
 * Peak RSS is the whole process tree's: GNU time's "Maximum resident set size" (reader and OCR
 * workers are threads of the one node process, so that covers them), and, polled every 100 ms,
 * the sum of VmRSS over the tree — which also shows whether memory grows over the batch — and
 * the sum of each process's VmHWM (for machines without /usr/bin/time). CPU use of the tree and
 * of the rest of the machine is polled too: on a shared machine a busy neighbour halves the
 * figures, and the output says so.
 *
 * BENCH_CONCURRENCY passes --concurrency. The helpers here (runIngestCli, …) are shared with
 * bench/batch.ts and bench/check.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { machineLine } from "./machine.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CLI = path.join(ROOT, "bin/selfeval.js");
export const CORPUS = path.join(ROOT, "output/bench");
export const TEXT_SAMPLES = [
  "seed-report.pdf",
  "seed-report-chromium.pdf",
  "qingchuan-health-2022.pdf",
  "qingchuan-health-2023.pdf",
  "qingchuan-culture-2023.pdf",
];
const GNU_TIME = "/usr/bin/time";
const POLL_MS = 100;
const CLK_TCK = 100; // Linux USER_HZ: /proc/PID/stat times are in 1/100 s

/**
 * The code measured: commit, and whether the work tree differs from it. Others edit and rebuild
 * this project while benchmarks run, so a figure is only comparable with its commit.
 */
export function codeLine(): string {
  const git = (...args: string[]): string =>
    spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const head = git("log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M");
  const dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src", "schemas", "pipelines");
  return `${head || "unknown commit"}${dirty ? " + uncommitted changes in src/schemas/pipelines" : ""}`;
}

/** One line of `selfeval ingest --json`. */
export interface FileLine {
  file: string;
  report_id: string | null;
  status: string;
  reason: string | null;
  pages: number;
  ocr_pages: number;
  ms: number;
}

export interface IngestRun {
  wallS: number;
  exitCode: number | null;
  files: FileLine[];
  pages: number;
  ocrPages: number;
  /** GNU time's maximum resident set size of the tree's largest process (MB), when time exists. */
  maxRssMb?: number;
  /** Largest sum of VmRSS over the process tree seen by polling (MB). */
  treePeakMb: number;
  /** Sum over the tree's processes of each one's own peak (VmHWM, MB): catches a spike between
   * two polls, at the price of adding peaks that need not coincide (an upper bound). */
  hwmSumMb: number;
  /** (user + system CPU) ÷ wall, in cores. */
  cores: number;
  /** Share of 1-second windows in which the tree kept at least 1.8 cores busy. */
  busyShare: number;
  /** Cores other processes kept busy meanwhile: a benchmark on a shared machine is only as good as this is low. */
  otherCores: number;
  /** Tree RSS when the k-th file finished, every tenth of the batch (memory growth). */
  rssByProgress: Array<{ files: number; seconds: number; rssMb: number }>;
  stderrTail: string;
}

/** CPU time all processes of the machine have used so far (/proc/stat, in USER_HZ ticks). */
export function machineBusyTicks(): number {
  try {
    const f = readFileSync("/proc/stat", "latin1").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait
    return f.slice(0, 8).reduce((a, v, i) => (i === 3 || i === 4 ? a : a + v), 0);
  } catch {
    return Number.NaN;
  }
}

/**
 * Cores the rest of the machine keeps busy right now (sampled over `ms` while this process waits):
 * on a shared 2-core machine another job halves a benchmark, so each one says so up front.
 */
export async function warnIfBusy(ms = 2000): Promise<number> {
  const b0 = machineBusyTicks();
  await new Promise((r) => setTimeout(r, ms));
  const cores = (machineBusyTicks() - b0) / CLK_TCK / (ms / 1000);
  if (cores > 0.25)
    console.error(`warning: other processes keep ${cores.toFixed(2)} cores busy — the figures will be low`);
  return cores;
}

interface ProcSample {
  rssKb: number;
  ticks: number;
}

/** Each process's own high-water mark, by pid, as last read. */
const highWater = new Map<number, number>();

/** Every process whose ancestry reaches `root` (including root), by scanning /proc once. */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "latin1");
      // The command name (field 2) may contain spaces and brackets: fields restart after the last ")".
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(rest[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  const tree = [root];
  for (let k = 0; k < tree.length; k++)
    for (const [pid, ppid] of parent) if (ppid === tree[k]) tree.push(pid);
  return tree;
}

/** CPU seconds used so far by `root` and every process below it that is still running. */
export function treeCpuSeconds(root: number): number {
  return sampleTree(root).ticks / CLK_TCK;
}

function sampleTree(root: number): ProcSample {
  let rssKb = 0;
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "latin1");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // A process that has exited (a zombie) shows no VmHWM: keep the highest seen.
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      highWater.set(pid, Math.max(highWater.get(pid) ?? 0, hwm));
      const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      // Gone between listing and reading.
    }
  }
  return { rssKb, ticks };
}

/**
 * Runs `selfeval ingest INPUTS --db DB --json EXTRA…` under GNU time (when installed) and polls the
 * process tree for memory and CPU while it runs.
 */
export async function runIngestCli(
  inputs: readonly string[],
  db: string,
  extra: readonly string[],
): Promise<IngestRun> {
  const timeFile = path.join(path.dirname(db), `time-${process.pid}-${Date.now()}.txt`);
  const args = [CLI, "ingest", ...inputs, "--db", db, "--json", ...extra];
  const useTime = existsSync(GNU_TIME);
  const child = useTime
    ? spawn(GNU_TIME, ["-v", "-o", timeFile, process.execPath, ...args], {
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const t0 = performance.now();
  const busy0 = machineBusyTicks();
  highWater.clear();
  const files: FileLine[] = [];
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-20_000);
  });
  let last: ProcSample = { rssKb: 0, ticks: 0 };
  let treePeakKb = 0;
  const windows: Array<{ t: number; ticks: number }> = [{ t: t0, ticks: 0 }];
  let busy = 0;
  let windowCount = 0;
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    last = sampleTree(child.pid);
    treePeakKb = Math.max(treePeakKb, last.rssKb);
    const now = performance.now();
    const prev = windows[windows.length - 1]!;
    if (now - prev.t >= 1000) {
      const cores = (last.ticks - prev.ticks) / CLK_TCK / ((now - prev.t) / 1000);
      windowCount++;
      if (cores >= 1.8) busy++;
      windows.push({ t: now, ticks: last.ticks });
    }
  }, POLL_MS);
  const progress: Array<{ files: number; seconds: number; rssKb: number }> = [];
  const lines = createInterface({ input: child.stdout });
  lines.on("line", (line) => {
    try {
      files.push(JSON.parse(line) as FileLine);
      progress.push({ files: files.length, seconds: (performance.now() - t0) / 1000, rssKb: last.rssKb });
    } catch {
      // Not a JSON line: nothing else is printed on stdout with --json.
    }
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  clearInterval(poll);
  const wallS = (performance.now() - t0) / 1000;
  const machineS = (machineBusyTicks() - busy0) / CLK_TCK;
  let maxRssMb: number | undefined;
  let cpuS = last.ticks / CLK_TCK;
  if (useTime && existsSync(timeFile)) {
    const report = readFileSync(timeFile, "utf8");
    rmSync(timeFile, { force: true });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
    if (kb) maxRssMb = Math.round(Number(kb) / 1024);
    const user = Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? Number.NaN);
    const sys = Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? Number.NaN);
    // GNU time counts only children that were waited for: OCR workers killed at exit are not, so
    // the polled ticks of the whole tree can be the larger (truer) figure.
    if (Number.isFinite(user + sys)) cpuS = Math.max(cpuS, user + sys);
    const status = /Exit status: (\d+)/.exec(report)?.[1];
    if (status !== undefined && exitCode !== Number(status)) stderr += `\n(GNU time: exit status ${status})`;
  }
  const tenth = Math.max(1, Math.round(files.length / 10));
  const rssByProgress = progress
    .filter((_, i) => (i + 1) % tenth === 0 || i === progress.length - 1)
    .map((p) => ({ files: p.files, seconds: Math.round(p.seconds), rssMb: Math.round(p.rssKb / 1024) }));
  return {
    wallS,
    exitCode,
    files,
    pages: files.reduce((a, f) => a + f.pages, 0),
    ocrPages: files.reduce((a, f) => a + f.ocr_pages, 0),
    maxRssMb,
    treePeakMb: Math.round(treePeakKb / 1024),
    hwmSumMb: Math.round([...highWater.values()].reduce((a, b) => a + b, 0) / 1024),
    cores: cpuS / wallS,
    busyShare: windowCount > 0 ? busy / windowCount : 0,
    otherCores: Math.max(0, (machineS - cpuS) / wallS),
    rssByProgress,
    stderrTail: stderr.trim().split("\n").slice(-5).join("\n"),
  };
}

/** "812 ok, 3 partial" */
export function outcomes(files: readonly FileLine[]): string {
  const n = new Map<string, number>();
  for (const f of files) n.set(f.status, (n.get(f.status) ?? 0) + 1);
  return [...n.entries()].map(([s, k]) => `${k} ${s}`).join(", ");
}

export function describeRun(r: IngestRun): string[] {
  const peak = r.maxRssMb !== undefined ? `${r.maxRssMb} MB (GNU time), ` : "";
  const out = [
    `files: ${r.files.length} (${outcomes(r.files)}), ${r.pages} pages${r.ocrPages ? `, ${r.ocrPages} by OCR` : ""}, exit ${r.exitCode}`,
    `wall ${r.wallS.toFixed(1)} s: ${((r.files.length / r.wallS) * 60).toFixed(1)} reports/min, ${(r.pages / r.wallS).toFixed(2)} pages/s (${((r.pages / r.wallS) * 60).toFixed(1)} pages/min)`,
    `CPU ${r.cores.toFixed(2)} cores on average; ≥ 1.8 cores busy in ${Math.round(r.busyShare * 100)}% of 1-s windows; other processes ${r.otherCores.toFixed(2)} cores`,
    `peak RSS ${peak}${r.treePeakMb} MB process tree (VmRSS sum, polled every ${POLL_MS} ms), ≤ ${r.hwmSumMb} MB (sum of VmHWM)`,
    `tree RSS as files finish: ${r.rssByProgress.map((p) => `${p.files}: ${p.rssMb} MB`).join(", ")}`,
  ];
  const slow = [...r.files].sort((a, b) => b.ms - a.ms).slice(0, 3);
  if (slow.length > 0)
    out.push(
      `slowest: ${slow.map((f) => `${path.basename(f.file)} ${(f.ms / 1000).toFixed(1)} s`).join(", ")}`,
    );
  const bad = r.files.filter((f) => f.status !== "ok");
  for (const f of bad.slice(0, 5)) out.push(`  ${f.status} ${path.basename(f.file)}: ${f.reason ?? ""}`);
  if (bad.length > 5) out.push(`  … ${bad.length - 5} more not ok`);
  if (r.exitCode !== 0 && r.exitCode !== 1) out.push(`stderr: ${r.stderrTail}`);
  return out;
}

/** The generated corpus folder when complete (its manifest lists every PDF), else undefined. */
export function generatedCorpus(dir: string): string | undefined {
  const manifest = path.join(dir, "manifest.json");
  if (!existsSync(manifest)) return undefined;
  const m = JSON.parse(readFileSync(manifest, "utf8")) as { files: Array<{ file: string }> };
  return m.files.every((f) => existsSync(path.join(dir, f.file))) ? dir : undefined;
}

/** The text samples, `copies` times each, every copy with distinct bytes (a comment after %%EOF). */
function sampleCopies(dir: string, copies: number): void {
  for (const name of TEXT_SAMPLES) {
    const bytes = readFileSync(path.join(ROOT, "samples", name));
    for (let n = 1; n <= copies; n++) {
      writeFileSync(
        path.join(dir, name.replace(/\.pdf$/, `-${n}.pdf`)),
        Buffer.concat([bytes, Buffer.from(`\n% copy ${n}\n`)]),
      );
    }
  }
}

async function main(): Promise<void> {
  // Taken first: the commit the build was made from, not one someone makes meanwhile.
  const code = codeLine();
  await warnIfBusy();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  try {
    let inputs = process.argv.slice(2).map((p) => path.resolve(p));
    let what: string;
    if (inputs.length > 0) what = inputs.join(" ");
    else {
      const corpus = generatedCorpus(path.join(CORPUS, "text-1000"));
      if (corpus) {
        inputs = [corpus];
        what = `${path.relative(ROOT, corpus)} (generated, npm run bench:corpus)`;
      } else {
        const copies = Number(process.env.BENCH_COPIES ?? 20);
        const dir = path.join(tmp, "pdfs");
        mkdirSync(dir);
        sampleCopies(dir, copies);
        inputs = [dir];
        what = `the ${TEXT_SAMPLES.length} text samples × ${copies} (no generated corpus: npm run bench:corpus)`;
      }
    }
    const extra = process.env.BENCH_CONCURRENCY ? ["--concurrency", process.env.BENCH_CONCURRENCY] : [];
    const run = await runIngestCli(inputs, path.join(tmp, "bench.db"), ["--ocr", "never", ...extra]);
    console.log(`machine: ${machineLine()}`);
    console.log(`code: ${code}`);
    console.log(
      `selfeval ingest --ocr never, concurrency ${process.env.BENCH_CONCURRENCY ?? `${os.availableParallelism()} (default)`}: ${what}`,
    );
    for (const line of describeRun(run)) console.log(line);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Run only as the entry point: bench/batch.ts imports the helpers above.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
