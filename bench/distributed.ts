/**
 * `npm run bench:distributed`: the job queue on this machine, against a throwaway PostgreSQL
 * cluster on 127.0.0.1 (or SELFEVAL_BENCH_PG).
 *   1. 1, 2 and 4 worker processes over text reports (the text samples, copies with distinct bytes)
 *      and over scanned reports (the scanned sample and fixtures, likewise): pages/min, and per job
 *      the reading time and the database time (its one transaction: report, completion, bookkeeping).
 *   2. The queue's own cost per job without any reading: fetch, lease renewal, the completing
 *      transaction — one loop, then eight loops at once.
 *   3. A load test: 50 connections writing reports at once (bounded count and time), the write time
 *      per report and the throughput, against one connection alone.
 * The README's scaling estimate is computed from 2 and 3.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { ingestStages } from "../pipelines/ingest.js";
import type { Report } from "../schemas/report.js";
import { defaultContext, processFile } from "../src/cli/load-document.js";
import {
  bossDbOf,
  ensureQueueTables,
  type IngestJob,
  jobIdOf,
  openBoss,
  QUEUE,
  renewLease,
} from "../src/queue/job-queue.js";
import { openStore, type Store } from "../src/store/store.js";
import { CLI, codeLine, ROOT, TEXT_SAMPLES, warnIfBusy } from "./ingest.js";
import { machineLine } from "./machine.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "1"] as const;
  }),
);
const TEXT_COPIES = Number(args.get("text-copies") ?? 40);
const SCAN_COPIES = Number(args.get("scan-copies") ?? 2);
const WORKERS = (args.get("workers") ?? "1,2,4").split(",").map(Number);
const PARTS = new Set((args.get("only") ?? "runs,overhead,load").split(","));
/** Which report sets part 1 runs: `--sets=text` skips the scans (an hour of OCR on a busy machine). */
const SETS = new Set((args.get("sets") ?? "text,scan").split(","));
const WRITERS = 50;
const SCANS = [
  "samples/seed-report-scan.pdf",
  "tests/fixtures/scan-seed-budget-and-indicators.pdf",
  "tests/fixtures/scan-seed-worse-200dpi.pdf",
];

const ms = (v: number): string => `${v.toFixed(1)} ms`;
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Copies with distinct bytes (a comment after %%EOF), so each is its own report. */
function copies(sources: readonly string[], n: number, dir: string): number {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (const src of sources) {
    const bytes = readFileSync(path.join(ROOT, src));
    for (let i = 0; i < n; i++) {
      writeFileSync(
        path.join(dir, `${path.basename(src, ".pdf")}-${String(i).padStart(3, "0")}.pdf`),
        Buffer.concat([bytes, Buffer.from(`\n%bench copy ${i}\n`)]),
      );
      count++;
    }
  }
  return count;
}

async function withServer<T>(f: (url: string) => Promise<T>): Promise<T> {
  if (process.env.SELFEVAL_BENCH_PG) return f(process.env.SELFEVAL_BENCH_PG);
  const script = path.join(ROOT, "scripts/pg-test-cluster.sh");
  const dir = spawnSync("bash", [script, "start"], { encoding: "utf8" });
  if (dir.status !== 0) throw new Error(`could not start PostgreSQL: ${dir.stderr}`);
  const folder = dir.stdout.trim();
  try {
    return await f(readFileSync(path.join(folder, "url"), "utf8").trim());
  } finally {
    spawnSync("bash", [script, "stop", folder]);
  }
}

async function freshDatabase(admin: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

interface RunResult {
  set: string;
  workers: number;
  jobs: number;
  pages: number;
  wallS: number;
  enqueueMsPerJob: number;
  readMs: number[];
  storeMs: number[];
}

async function queueRun(
  admin: string,
  set: string,
  folder: string,
  workers: number,
  ocr: string,
): Promise<RunResult> {
  const url = await freshDatabase(admin, `bench_${set}_${workers}`);
  let t0 = performance.now();
  const enq = spawnSync(process.execPath, [CLI, "enqueue", folder, "--db", url, "--json"], {
    encoding: "utf8",
  });
  if (enq.status !== 0) throw new Error(`enqueue failed: ${enq.stderr}`);
  const enqueued = JSON.parse(enq.stdout) as { new: number };
  const enqueueMs = performance.now() - t0;
  t0 = performance.now();
  const procs = Array.from(
    { length: workers },
    () =>
      new Promise<number | null>((resolve) => {
        const p = spawn(
          process.execPath,
          [
            CLI,
            "worker",
            "--db",
            url,
            "--exit-when-idle",
            "--concurrency",
            "1",
            "--ocr-workers",
            "1",
            "--ocr",
            ocr,
            "--poll",
            "0.2",
            "--quiet",
          ],
          { stdio: ["ignore", "ignore", "inherit"] },
        );
        p.on("exit", (code) => resolve(code));
      }),
  );
  const codes = await Promise.all(procs);
  const wallS = (performance.now() - t0) / 1000;
  if (codes.some((c) => c !== 0)) throw new Error(`a worker exited with ${codes.join(",")}`);
  const store = await openStore(url, { poolSize: 1 });
  try {
    const r = await sql<{ pages: number; read_ms: number; store_ms: number }>`
      SELECT pages, read_ms, store_ms FROM queue_results WHERE outcome <> 'failed'`.execute(store.db);
    return {
      set,
      workers,
      jobs: enqueued.new,
      pages: r.rows.reduce((a, x) => a + x.pages, 0),
      wallS,
      enqueueMsPerJob: enqueueMs / Math.max(1, enqueued.new),
      readMs: r.rows.map((x) => x.read_ms),
      storeMs: r.rows.map((x) => x.store_ms),
    };
  } finally {
    await store.close();
  }
}

/** The worker's queue work for one job, without reading a file: what each job costs on top. */
async function queueOverhead(admin: string, jobs: number, loops: number): Promise<number> {
  const url = await freshDatabase(admin, `bench_overhead_${loops}`);
  const store = await openStore(url, { poolSize: loops + 1 });
  await ensureQueueTables(store);
  const boss = await openBoss(url);
  try {
    for (let i = 0; i < jobs; i++) {
      // Distinct in the first 32 hex digits: the job id is made from them (jobIdOf).
      const sha = createHash("sha256").update(`bench job ${i}`).digest("hex");
      const data: IngestJob = {
        path: `x/${i}.pdf`,
        cwd: "/",
        sha256: sha,
        size: 1,
        upload: false,
        leaseSeconds: 60,
      };
      await boss.send(QUEUE, data as unknown as object, { id: jobIdOf(sha), expireInSeconds: 60 });
    }
    const t0 = performance.now();
    let done = 0;
    const loop = async (): Promise<void> => {
      for (;;) {
        const [job] = await boss.fetch<IngestJob>(QUEUE, { batchSize: 1, includeMetadata: true });
        if (!job) return;
        done++;
        await renewLease(store, job.id, 60);
        await store.transaction(async (tx) => {
          await sql`SELECT path FROM queue_paths WHERE sha256 = ${job.data.sha256}`.execute(tx.db);
          await boss.complete(QUEUE, job.id, { outcome: "ok", pages: 1 }, { db: bossDbOf(tx) });
          await sql`INSERT INTO queue_results (sha256, worker, outcome, pages, ocr_pages, read_ms, store_ms)
                    VALUES (${job.data.sha256}, 'bench', 'ok', 1, 0, 0, 0)`.execute(tx.db);
        });
      }
    };
    await Promise.all(Array.from({ length: loops }, () => loop()));
    // A queue that hands out nothing would time as free: every job sent must have been done.
    if (done !== jobs)
      throw new Error(`queue overhead: ${done} of ${jobs} jobs fetched — the figure would be void`);
    return (performance.now() - t0) / jobs;
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}

/** `writers` connections saving reports at once: per-save milliseconds and reports per second. */
async function loadTest(
  admin: string,
  template: Report,
  writers: number,
  perWriter: number,
): Promise<{ latencies: number[]; perS: number }> {
  const url = await freshDatabase(admin, `bench_load_${writers}`);
  const stores: Store[] = [];
  for (let i = 0; i < writers; i++) stores.push(await openStore(url, { poolSize: 1 }));
  const latencies: number[] = [];
  const deadline = performance.now() + 120_000;
  const t0 = performance.now();
  await Promise.all(
    stores.map(async (s, w) => {
      for (let i = 0; i < perWriter && performance.now() < deadline; i++) {
        const id = `${w.toString(16).padStart(4, "0")}${i.toString(16).padStart(60, "0")}`;
        const t = performance.now();
        await s.saveReport({ ...template, report_id: id }, 1000);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const perS = latencies.length / ((performance.now() - t0) / 1000);
  for (const s of stores) await s.close();
  return { latencies, perS };
}

async function main(): Promise<void> {
  const busy = await warnIfBusy();
  console.log(`machine: ${machineLine()}; other processes busy: ${busy.toFixed(2)} cores at the start`);
  console.log(`code: ${codeLine()}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-dist-"));
  try {
    await withServer(async (admin) => {
      if (PARTS.has("runs")) {
        const textDir = path.join(tmp, "text");
        const scanDir = path.join(tmp, "scan");
        const nText = copies(
          TEXT_SAMPLES.map((s) => `samples/${s}`),
          TEXT_COPIES,
          textDir,
        );
        const nScan = copies(SCANS, SCAN_COPIES, scanDir);
        console.log(
          `\n1. worker processes (each --concurrency 1 --ocr-workers 1), ${nText} text and ${nScan} scanned reports`,
        );
        for (const [set, dir, ocr] of [
          ["text", textDir, "never"],
          ["scan", scanDir, "auto"],
        ] as const) {
          if (!SETS.has(set)) continue;
          for (const n of WORKERS) {
            const r = await queueRun(admin, set, dir, n, ocr);
            console.log(
              `  ${set} × ${n} worker(s): ${r.jobs} reports, ${r.pages} pages in ${r.wallS.toFixed(1)} s → ` +
                `${((r.pages / r.wallS) * 60).toFixed(0)} pages/min, ${((r.jobs / r.wallS) * 60).toFixed(0)} reports/min; ` +
                `per report: reading ${ms(mean(r.readMs))}, database ${ms(mean(r.storeMs))} (p95 ${ms(pct(r.storeMs, 95))}); ` +
                `enqueue ${ms(r.enqueueMsPerJob)}/file`,
            );
          }
        }
      }
      if (PARTS.has("overhead")) {
        console.log("\n2. queue cost per job without reading (fetch, lease renewal, completing transaction)");
        for (const loops of [1, 8]) {
          const per = await queueOverhead(admin, 400, loops);
          console.log(
            `  ${loops} loop(s) at once: ${ms(per)} of wall time per job (${(1000 / per).toFixed(0)} jobs/s)`,
          );
        }
      }
      if (PARTS.has("load")) {
        const r = await processFile(
          path.join(ROOT, "samples/qingchuan-health-2023.pdf"),
          ingestStages,
          defaultContext({ ocr: "never" }),
        );
        const template = r.record as Report;
        const rows =
          template.statements.length +
          template.budget_lines.length +
          template.indicators.length +
          template.tasks.length +
          template.projects.length +
          template.issues.length;
        console.log(`\n3. load test: saveReport of a ${rows}-row report, loopback`);
        for (const [writers, per] of [
          [1, 200],
          [WRITERS, 20],
        ] as const) {
          const { latencies, perS } = await loadTest(admin, template, writers, per);
          console.log(
            `  ${writers} connection(s): ${latencies.length} reports, write time per report mean ${ms(mean(latencies))}, ` +
              `p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}; ${perS.toFixed(0)} reports/s in all`,
          );
        }
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
