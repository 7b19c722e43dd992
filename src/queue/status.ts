/**
 * `selfeval status --db postgres://…`: the queue at a glance — jobs queued / active / done /
 * failed, pages per minute over the last minutes, the time left at that pace, the files that
 * failed their tries with the reason, and the workers seen recently.
 */
import { sql } from "kysely";
import { EXIT_OK, EXIT_USAGE, UserError } from "../cli/errors.js";
import { isPostgresTarget, openStore } from "../store/store.js";
import { BOSS_SCHEMA, ensureQueueTables, jobCounts, QUEUE } from "./job-queue.js";

export interface QueueStatus {
  queued: number;
  active: number;
  done: number;
  failed: number;
  /** Over the last `window_minutes`. */
  window_minutes: number;
  pages_per_minute: number;
  jobs_per_minute: number;
  /** Seconds until the queue is empty at that pace; null when nothing finished lately. */
  eta_seconds: number | null;
  failed_files: Array<{ path: string; reason: string; tries: number }>;
  workers: Array<{
    worker: string;
    state: string;
    last_seen: string;
    seconds_since_seen: number;
    current_file: string | null;
    jobs_done: number;
    pages_done: number;
  }>;
}

const WINDOW_MINUTES = 5;

export async function queueStatus(url: string): Promise<QueueStatus> {
  const store = await openStore(url, { poolSize: 1 });
  try {
    await ensureQueueTables(store);
    const c = await jobCounts(store);
    const rate = await sql<{ pages: number; jobs: number; first: Date | null }>`
      SELECT COALESCE(SUM(pages), 0)::int AS pages, COUNT(*)::int AS jobs, MIN(finished_at) AS first
      FROM queue_results
      WHERE outcome <> 'failed' AND finished_at > now() - make_interval(mins => ${WINDOW_MINUTES})`.execute(
      store.db,
    );
    const { pages, jobs, first } = rate.rows[0]!;
    // A run that began inside the window is measured over its own length, not the whole window.
    const minutes = first
      ? Math.max(0.25, Math.min(WINDOW_MINUTES, (Date.now() - new Date(first).getTime()) / 60_000))
      : WINDOW_MINUTES;
    const jobsPerMinute = jobs / minutes;
    const remaining = c.created + c.retry + c.active;
    const failed = await sql<{ path: string; reason: string | null; tries: number }>`
      SELECT data->>'path' AS path, output->>'message' AS reason, retry_count + 1 AS tries FROM (
        SELECT data, output, retry_count, completed_on FROM ${sql.id(BOSS_SCHEMA, "job")} WHERE name = ${QUEUE} AND state = 'failed'
        UNION ALL
        SELECT data, output, retry_count, completed_on FROM ${sql.id(BOSS_SCHEMA, "archive")} WHERE name = ${QUEUE} AND state = 'failed'
      ) f ORDER BY completed_on DESC NULLS LAST, 1`.execute(store.db);
    const workers = await sql<{
      worker: string;
      state: string;
      last_seen: Date;
      since: number;
      current_file: string | null;
      jobs_done: number;
      pages_done: number;
    }>`
      SELECT worker, state, last_seen, EXTRACT(EPOCH FROM now() - last_seen)::float8 AS since, current_file, jobs_done, pages_done
      FROM queue_workers WHERE last_seen > now() - interval '1 hour' ORDER BY worker`.execute(store.db);
    return {
      queued: c.created + c.retry,
      active: c.active,
      done: c.completed,
      failed: c.failed,
      window_minutes: WINDOW_MINUTES,
      pages_per_minute: Math.round((pages / minutes) * 10) / 10,
      jobs_per_minute: Math.round(jobsPerMinute * 10) / 10,
      eta_seconds:
        remaining === 0 ? 0 : jobsPerMinute > 0 ? Math.round((remaining / jobsPerMinute) * 60) : null,
      failed_files: failed.rows.map((f) => ({ path: f.path, reason: lostLease(f.reason), tries: f.tries })),
      workers: workers.rows.map((w) => ({
        worker: w.worker,
        state: w.state,
        last_seen: new Date(w.last_seen).toISOString(),
        seconds_since_seen: Math.round(w.since),
        current_file: w.current_file,
        jobs_done: w.jobs_done,
        pages_done: w.pages_done,
      })),
    };
  } finally {
    await store.close();
  }
}

/** pg-boss's words for an expired lease, in the user's terms. */
const lostLease = (reason: string | null): string =>
  !reason
    ? "no reason recorded"
    : /failed by timeout in active state/.test(reason)
      ? "the worker did not finish it within the lease (killed, stopped, or the document took too long) — check the worker's log"
      : reason;

const duration = (s: number): string =>
  s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;

export async function runStatus(opts: { db: string; json?: boolean }): Promise<number> {
  if (!isPostgresTarget(opts.db))
    throw new UserError(
      `${opts.db}: the job queue needs PostgreSQL — give --db a postgres:// URL (or set SELFEVAL_DB)`,
      EXIT_USAGE,
    );
  const s = await queueStatus(opts.db);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return EXIT_OK;
  }
  const out: string[] = [];
  out.push(`jobs: ${s.queued} queued, ${s.active} active, ${s.done} done, ${s.failed} failed`);
  out.push(
    `pace (last ${s.window_minutes} min): ${s.pages_per_minute} pages/min, ${s.jobs_per_minute} files/min; ` +
      (s.eta_seconds === null ? "ETA unknown (nothing finished lately)" : `ETA ${duration(s.eta_seconds)}`),
  );
  if (s.failed_files.length) {
    out.push(`failed files (${s.failed_files.length}):`);
    for (const f of s.failed_files) out.push(`  ${f.path}: ${f.reason} (${f.tries} tries)`);
  }
  out.push(`workers seen in the last hour: ${s.workers.length}`);
  for (const w of s.workers) {
    const lost =
      w.state !== "stopped" && w.seconds_since_seen > 60 ? " — not heard from: stopped or killed?" : "";
    out.push(
      `  ${w.worker}  ${w.state}${w.current_file ? ` ${w.current_file}` : ""}  ${w.jobs_done} jobs, ${w.pages_done} pages, seen ${duration(w.seconds_since_seen)} ago${lost}`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return EXIT_OK;
}
