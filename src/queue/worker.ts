/**
 * `selfeval worker --db postgres://…`: takes jobs from the queue until stopped (or, with
 * --exit-when-idle, until no job is queued, running or waiting for a retry), on any number of
 * machines at once. Per job:
 *   1. read the file from the job's path (or its uploaded bytes) and verify its SHA-256;
 *   2. read it with the same per-file pipeline as `selfeval ingest` (processFile, ingestStages);
 *   3. store the report, its further paths and the job's completion in one transaction.
 * A file that cannot be read fails its try (pg-boss retries it, then leaves it failed with the
 * reason); a killed worker's job comes back when its lease expires. SIGINT/SIGTERM: no new jobs,
 * the current page is finished, the document is given back untried, and the worker exits; a second
 * signal exits at once (its jobs then come back by lease expiry).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type PgBoss from "pg-boss";
import { ingestStages } from "../../pipelines/ingest.js";
import type { Report } from "../../schemas/report.js";
import { EXIT_OK, EXIT_USAGE, UserError } from "../cli/errors.js";
import { defaultContext, processFile } from "../cli/load-document.js";
import { verbosity } from "../cli/verbosity.js";
import { type OcrEngineName, OcrEngines } from "../ocr/engine.js";
import { ReaderPool } from "../pdf/worker-pool.js";
import type { ExtractionResult } from "../pipeline/extraction-result.js";
import { isPostgresTarget, openStore } from "../store/store.js";
import {
  bossDbOf,
  ensureQueueTables,
  handBack,
  type IngestJob,
  jobCounts,
  openBoss,
  QUEUE,
  workerName,
} from "./job-queue.js";
import { LeaseKeeper } from "./lease-keeper.js";

export interface WorkerOptions {
  db: string;
  concurrency?: number;
  ocrWorkers?: number;
  exitWhenIdle?: boolean;
  ocr?: "auto" | "always" | "never";
  ocrEngine?: OcrEngineName;
  /** Per-document limit in seconds (also kept below the job's lease). */
  timeout?: number;
  maxPages?: number;
  maxImageMegapixels?: number;
  password?: string;
  /** Seconds between looks at an empty queue. */
  pollSeconds?: number;
  /** Seconds between pg-boss maintenance runs (expiring lost leases). */
  leaseCheckSeconds?: number;
}

type Outcome = "ok" | "partial" | "skipped" | "failed" | "handed_back";

/** A worker's log line (stderr, with the time: workers run unattended); none with --quiet. */
const log = (line: string): void => {
  if (verbosity() !== "quiet") process.stderr.write(`${new Date().toISOString()} ${line}\n`);
};

export async function runWorker(opts: WorkerOptions): Promise<number> {
  if (!isPostgresTarget(opts.db))
    throw new UserError(
      `${opts.db}: workers need PostgreSQL — give --db a postgres:// URL (or set SELFEVAL_DB)`,
      EXIT_USAGE,
    );
  const concurrency = opts.concurrency ?? 1;
  const me = workerName();
  const store = await openStore(opts.db, { poolSize: concurrency + 2 });
  await ensureQueueTables(store);
  const boss = await openBoss(opts.db, { supervise: true, maintenanceSeconds: opts.leaseCheckSeconds ?? 30 });
  const leases = new LeaseKeeper(opts.db);
  const ocr = new OcrEngines({ workers: opts.ocrWorkers, engine: opts.ocrEngine });
  const readers = new ReaderPool(concurrency);
  const inFlight = new Map<string, AbortController>();
  /** The file of each job in flight, so the heartbeat keeps `status` showing what is being read. */
  const files = new Map<string, string>();
  let stopping: NodeJS.Signals | undefined;
  let done = 0;
  let pages = 0;

  const beat = async (state: string, current: string | null = null): Promise<void> => {
    await sql`
      INSERT INTO queue_workers (worker, host, pid, started_at, last_seen, state, current_file, jobs_done, pages_done)
      VALUES (${me}, ${os.hostname()}, ${process.pid}, now(), now(), ${state}, ${current}, ${done}, ${pages})
      ON CONFLICT (worker) DO UPDATE SET last_seen = now(), state = EXCLUDED.state,
        current_file = EXCLUDED.current_file, jobs_done = EXCLUDED.jobs_done, pages_done = EXCLUDED.pages_done`
      .execute(store.db)
      .catch(() => undefined);
  };
  await beat("idle");
  const heartbeat = setInterval(() => {
    void beat(inFlight.size ? "working" : "idle", [...files.values()].at(-1) ?? null);
  }, 10_000);

  const onSignal = (sig: NodeJS.Signals): void => {
    if (stopping) {
      // A second signal: leave now; the jobs come back when their leases expire.
      process.exit(128 + (sig === "SIGINT" ? 2 : 15));
    }
    stopping = sig;
    log(`worker ${me}: ${sig} — finishing the current page, handing ${inFlight.size} job(s) back`);
    for (const c of inFlight.values()) c.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const handle = async (job: PgBoss.JobWithMetadata<IngestJob>): Promise<Outcome> => {
    const data = job.data;
    const controller = new AbortController();
    inFlight.set(job.id, controller);
    files.set(job.id, data.path);
    void beat("working", data.path);
    // The lease is renewed while the document is read (at once too: a retried job carries the
    // lease its last worker had grown); the document's own limit is --timeout.
    leases.track(job.id, data.leaseSeconds || 60);
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout((opts.timeout ?? 600) * 1000)]);
    let tmpDir: string | undefined;
    const t0 = performance.now();
    try {
      let file = path.resolve(data.cwd, data.path);
      if (data.upload) {
        const r = await sql<{
          bytes: Buffer;
        }>`SELECT bytes FROM queue_uploads WHERE sha256 = ${data.sha256}`.execute(store.db);
        const bytes = r.rows[0]?.bytes;
        if (!bytes)
          return await failJob(job, "the uploaded bytes are not in the database — enqueue the file again");
        tmpDir = await mkdtemp(path.join(os.tmpdir(), "selfeval-job-"));
        file = path.join(tmpDir, path.basename(data.path));
        await writeFile(file, bytes);
      }
      const ctx = defaultContext({
        password: opts.password,
        ocr: opts.ocr ?? "auto",
        maxPages: opts.maxPages ?? 2000,
        maxImagePixels: Math.round((opts.maxImageMegapixels ?? 100) * 1e6),
        services: { ocr, readers },
        signal,
      });
      const result = await processFile(file, ingestStages, ctx);
      const readMs = Math.round(performance.now() - t0);
      if (controller.signal.aborted) {
        await handBack(store, job.id);
        return "handed_back";
      }
      if (!result.source.sha256) {
        const f = result.failure;
        return await failJob(job, `${f?.message ?? "cannot read the file"} — ${f?.hint ?? "check the path"}`);
      }
      if (result.source.sha256 !== data.sha256) {
        return await failJob(
          job,
          "the file changed since it was enqueued (its SHA-256 differs) — enqueue it again",
        );
      }
      return await storeResult(job, result, readMs);
    } catch (err) {
      if (controller.signal.aborted) {
        await handBack(store, job.id).catch(() => undefined);
        return "handed_back";
      }
      return await failJob(job, `unexpected error: ${(err as Error).message}`);
    } finally {
      leases.untrack(job.id);
      inFlight.delete(job.id);
      files.delete(job.id);
      if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
    }
  };

  const failJob = async (job: PgBoss.Job<IngestJob>, message: string): Promise<Outcome> => {
    await boss.fail(QUEUE, job.id, { message });
    log(`worker ${me}: ${job.data.path}: try failed: ${message}`);
    return "failed";
  };

  const storeResult = async (
    job: PgBoss.JobWithMetadata<IngestJob>,
    result: ExtractionResult,
    readMs: number,
  ): Promise<Outcome> => {
    const data = job.data;
    const record = result.record as Report | undefined;
    const pageCount = result.pages.length;
    const ocrPages = result.pages.filter((p) => p.source === "ocr").length;
    // A file stacking project forms holds one report per form (src/extract): all are stored.
    const forms = (result.forms ?? []) as Report[];
    for (const r of record ? [record, ...forms] : []) {
      // Read from a local copy or through the shared folder's mount: recorded as enqueued.
      r.source_path = data.path;
      r.source_file = path.basename(data.path);
    }
    const failure = result.failure ?? { code: "failed", message: "no record was produced", hint: "" };
    const reason = `${failure.message}${failure.hint ? ` — ${failure.hint}` : ""}`;
    const outcome: Outcome =
      result.status === "failed" || !record
        ? "failed"
        : result.status === "skipped"
          ? "skipped"
          : record.status;
    const t1 = performance.now();
    await store.transaction(async (tx) => {
      if (outcome === "ok" || outcome === "partial") {
        await tx.saveReport(record!, data.size);
        for (const f of forms) await tx.saveReport(f, data.size);
      } else
        await tx.saveFailure({
          reportId: data.sha256,
          sourcePath: data.path,
          fileName: path.basename(data.path),
          size: data.size,
          status: outcome === "skipped" ? "skipped" : "failed",
          error: outcome === "skipped" ? (record?.error ?? "skipped") : reason,
        });
      const others = await sql<{ path: string }>`
        SELECT path FROM queue_paths WHERE sha256 = ${data.sha256} AND path <> ${data.path} ORDER BY enqueued_at, path`.execute(
        tx.db,
      );
      for (const p of others.rows) await tx.addSourcePath(data.sha256, p.path);
      if (outcome !== "failed") {
        await sql`DELETE FROM queue_uploads WHERE sha256 = ${data.sha256}`.execute(tx.db);
        await boss.complete(QUEUE, job.id, { outcome, pages: pageCount }, { db: bossDbOf(tx) });
      }
      await sql`
        INSERT INTO queue_results (sha256, worker, outcome, pages, ocr_pages, read_ms, store_ms)
        VALUES (${data.sha256}, ${me}, ${outcome}, ${pageCount}, ${ocrPages}, ${readMs},
                ${Math.round(performance.now() - t1)})`.execute(tx.db);
    });
    if (outcome === "failed") return failJob(job, reason);
    done++;
    pages += pageCount;
    log(
      `worker ${me}: ${data.path}: ${outcome}, ${pageCount} pages (${ocrPages} by OCR) in ${(readMs / 1000).toFixed(1)} s`,
    );
    return outcome;
  };

  const idle = async (): Promise<boolean> => {
    const c = await jobCounts(store);
    return c.created + c.retry + c.active === 0;
  };

  const loop = async (): Promise<void> => {
    const pollMs = (opts.pollSeconds ?? 2) * 1000;
    while (!stopping) {
      const [job] = await boss.fetch<IngestJob>(QUEUE, { batchSize: 1, includeMetadata: true });
      if (!job) {
        if (opts.exitWhenIdle && inFlight.size === 0 && (await idle())) return;
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      if (stopping) {
        await handBack(store, job.id);
        return;
      }
      await handle(job);
    }
  };

  log(`worker ${me}: started, ${concurrency} document(s) at once, queue ${QUEUE} on ${store.location}`);
  try {
    await Promise.all(Array.from({ length: concurrency }, () => loop()));
  } finally {
    clearInterval(heartbeat);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await beat("stopped");
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await leases.close();
    await ocr.close();
    await readers.close();
    await store.close();
  }
  log(`worker ${me}: ${stopping ? `stopped by ${stopping}` : "queue empty"}; ${done} jobs, ${pages} pages`);
  return stopping ? 128 + (stopping === "SIGINT" ? 2 : 15) : EXIT_OK;
}
