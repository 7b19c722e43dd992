/**
 * The ingest queue on PostgreSQL: pg-boss 10 keeps the jobs (one per file, its id derived from the
 * file's SHA-256, so the same bytes are never queued twice), leases them to workers with an expiry
 * (a killed worker's job is failed by pg-boss's maintenance when its lease runs out and retried by
 * another worker), and ends a job that failed its tries in `failed` with the reason. Beside its
 * tables, selfeval keeps four of its own: the paths each file was enqueued under, uploaded bytes
 * (`enqueue --upload`), one row per finished job (for pages per minute) and the workers seen.
 */
import os from "node:os";
import { sql } from "kysely";
import PgBoss from "pg-boss";
import type { Store } from "../store/store.js";
import { BOSS_SCHEMA, QUEUE } from "./job-queue-names.js";

export { BOSS_SCHEMA, QUEUE };

export interface IngestJob {
  /** The file's real path when enqueued (recorded as the report's source path). */
  path: string;
  /** Where `enqueue` ran (a relative path would be read from there). */
  cwd: string;
  sha256: string;
  size: number;
  /** The bytes are in queue_uploads, not (only) at the path. */
  upload: boolean;
  /** The lease a worker keeps renewing (pg-boss's own expire_in grows with each renewal). */
  leaseSeconds: number;
}

export interface QueueSettings {
  /** Tries before a file ends failed (pg-boss: retryLimit = tries − 1). */
  tries: number;
  /**
   * A job's lease: a worker renews it while it works (every third of it, from a thread of its own:
   * lease-keeper.ts), so a worker not heard from for this long is taken to be gone and its job is
   * handed to another. Independent of how long a document takes.
   */
  leaseSeconds: number;
  /** Wait before a failed try is tried again. */
  retryDelaySeconds: number;
}

export const DEFAULT_SETTINGS: QueueSettings = { tries: 3, leaseSeconds: 60, retryDelaySeconds: 5 };

/** The job id of a file: its SHA-256's first 128 bits as a UUID (pg-boss ids are UUIDs). */
export function jobIdOf(sha256: string): string {
  const h = sha256.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const workerName = (): string => `${os.hostname()}:${process.pid}`;

export interface BossOptions {
  /** Run pg-boss's maintenance (expiring lost leases); every worker does, pg-boss elects one at a time. */
  supervise?: boolean;
  /** How often maintenance runs, which bounds how late a lost lease is noticed. */
  maintenanceSeconds?: number;
}

export async function openBoss(url: string, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    max: 2,
    application_name: "selfeval-queue",
    supervise: options.supervise ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    // Finished jobs stay countable by `status` for a week.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
  });
  boss.on("error", (err: Error) => {
    process.stderr.write(`selfeval: queue: ${err.message}\n`);
  });
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    try {
      await boss.createQueue(QUEUE, { name: QUEUE, policy: "standard" });
    } catch (err) {
      // Another process created it meanwhile.
      if (!(await boss.getQueue(QUEUE))) throw err;
    }
  }
  return boss;
}

/** selfeval's own queue tables (PostgreSQL only), created once under an advisory lock. */
export async function ensureQueueTables(store: Store): Promise<void> {
  if (store.backend !== "postgres")
    throw new Error("the job queue needs PostgreSQL: give --db a postgres:// URL (or set SELFEVAL_DB)");
  await store.transaction(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${0x73657171})`.execute(tx.db);
    await sql`
      CREATE TABLE IF NOT EXISTS queue_paths (
        sha256      text NOT NULL,
        path        text NOT NULL,
        cwd         text NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sha256, path)
      );
      CREATE TABLE IF NOT EXISTS queue_uploads (
        sha256      text PRIMARY KEY,
        file_name   text NOT NULL,
        size        bigint NOT NULL,
        bytes       bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS queue_results (
        sha256      text NOT NULL,
        worker      text NOT NULL,
        outcome     text NOT NULL,
        pages       integer NOT NULL,
        ocr_pages   integer NOT NULL,
        read_ms     integer NOT NULL,
        store_ms    integer NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS queue_results_time ON queue_results(finished_at);
      CREATE TABLE IF NOT EXISTS queue_workers (
        worker       text PRIMARY KEY,
        host         text NOT NULL,
        pid          integer NOT NULL,
        started_at   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL,
        state        text NOT NULL,
        current_file text,
        jobs_done    integer NOT NULL DEFAULT 0,
        pages_done   integer NOT NULL DEFAULT 0
      );`.execute(tx.db);
  });
}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

/** Jobs of the queue per state, the archive included (pg-boss moves finished jobs there). */
export async function jobCounts(store: Store): Promise<Record<JobState, number>> {
  const r = await sql<{ state: JobState; n: number }>`
    SELECT state::text AS state, COUNT(*)::int AS n FROM (
      SELECT state FROM ${sql.id(BOSS_SCHEMA, "job")} WHERE name = ${QUEUE}
      UNION ALL
      SELECT state FROM ${sql.id(BOSS_SCHEMA, "archive")} WHERE name = ${QUEUE}
    ) j GROUP BY state`.execute(store.db);
  const out: Record<JobState, number> = {
    created: 0,
    retry: 0,
    active: 0,
    completed: 0,
    cancelled: 0,
    failed: 0,
  };
  for (const row of r.rows) out[row.state] = row.n;
  return out;
}

/**
 * Gives an active job back to the queue without counting a try (a worker stopped by SIGINT or
 * SIGTERM did not fail it). pg-boss 10 has no call for this: its fetch counts a try when it finds
 * `started_on` set, so clearing it together with the state is what "not tried" means there.
 */
export async function handBack(store: Store, jobId: string): Promise<boolean> {
  const r = await sql`
    UPDATE ${sql.id(BOSS_SCHEMA, "job")} SET state = 'created', started_on = NULL, start_after = now()
    WHERE name = ${QUEUE} AND id = ${jobId}::uuid AND state = 'active'`.execute(store.db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/**
 * Renews the lease of an active job (as the lease keeper's thread does; the benchmark times it):
 * pg-boss 10 expires a job when `started_on + expire_in` has
 * passed and has no heartbeat, so the lease is pushed to `leaseSeconds` from now by growing
 * `expire_in`. Returns false when the job is no longer this worker's to renew (not active).
 */
export async function renewLease(store: Store, jobId: string, leaseSeconds: number): Promise<boolean> {
  const r = await sql`
    UPDATE ${sql.id(BOSS_SCHEMA, "job")} SET expire_in = (now() - started_on) + make_interval(secs => ${leaseSeconds})
    WHERE name = ${QUEUE} AND id = ${jobId}::uuid AND state = 'active'`.execute(store.db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** pg-boss's db interface over a store transaction, so completing a job commits with its report. */
export function bossDbOf(tx: Store): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const { CompiledQuery } = await import("kysely");
      const r = await tx.db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows as unknown[] };
    },
  } as PgBoss.Db;
}
