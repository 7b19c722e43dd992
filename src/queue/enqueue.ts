/**
 * `selfeval enqueue PATHS --db postgres://…`: one job per PDF file, keyed by the SHA-256 of its
 * bytes, recorded by its real path as `selfeval ingest` records it. A file whose report is already
 * stored (by this version) only gets its path recorded; one
 * already queued, running, or failed after its tries adds nothing. Prints how many of each.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UserError } from "../cli/errors.js";
import { findPdfFiles } from "../ingest/find-files.js";
import { isPostgresTarget, openStore } from "../store/store.js";
import { VERSION } from "../version.js";
import {
  BOSS_SCHEMA,
  DEFAULT_SETTINGS,
  ensureQueueTables,
  type IngestJob,
  jobIdOf,
  openBoss,
  QUEUE,
  type QueueSettings,
} from "./job-queue.js";

export interface EnqueueOptions extends Partial<QueueSettings> {
  db: string;
  upload?: boolean;
  retryFailed?: boolean;
  json?: boolean;
}

export interface EnqueueSummary {
  files: number;
  new: number;
  stored: number;
  queued: number;
  failed: number;
  retried: number;
  unreadable: Array<{ path: string; message: string }>;
}

export async function runEnqueue(inputs: string[], opts: EnqueueOptions): Promise<number> {
  if (!isPostgresTarget(opts.db))
    throw new UserError(
      `${opts.db}: the job queue needs PostgreSQL — give --db a postgres:// URL (or set SELFEVAL_DB)`,
      EXIT_USAGE,
    );
  const settings: QueueSettings = { ...DEFAULT_SETTINGS, ...definedOnly(opts) };
  const { files, errors } = await findPdfFiles(inputs);
  const store = await openStore(opts.db, { poolSize: 2 });
  const summary: EnqueueSummary = {
    files: files.length,
    new: 0,
    stored: 0,
    queued: 0,
    failed: 0,
    retried: 0,
    unreadable: [...errors],
  };
  let boss: Awaited<ReturnType<typeof openBoss>> | undefined;
  try {
    await ensureQueueTables(store);
    boss = await openBoss(opts.db);
    const cwd = process.cwd();
    for (const found of files) {
      // Recorded, like `selfeval ingest` does, by its real path (links resolved): every worker
      // machine must see the shared folder at the same path.
      const file = found.realPath;
      let bytes: Buffer;
      try {
        bytes = await readFile(found.fsPath);
      } catch (err) {
        summary.unreadable.push({
          path: found.path,
          message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? err})`,
        });
        continue;
      }
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const existing = await store.reportExists(sha256);
      if (existing && existing.status !== "failed" && existing.extractor === VERSION) {
        await store.addSourcePath(sha256, file);
        summary.stored++;
        continue;
      }
      // Every path is kept: the worker records the others as further paths of the report.
      await sql`INSERT INTO queue_paths (sha256, path, cwd) VALUES (${sha256}, ${file}, ${cwd})
                ON CONFLICT DO NOTHING`.execute(store.db);
      if (opts.upload) {
        await sql`INSERT INTO queue_uploads (sha256, file_name, size, bytes)
                  VALUES (${sha256}, ${path.basename(file)}, ${bytes.length}, ${bytes})
                  ON CONFLICT DO NOTHING`.execute(store.db);
      }
      const job: IngestJob = {
        path: file,
        cwd,
        sha256,
        size: bytes.length,
        upload: opts.upload === true,
        leaseSeconds: settings.leaseSeconds,
      };
      const id = jobIdOf(sha256);
      const send = (): Promise<string | null> =>
        boss!.send(QUEUE, job as unknown as object, {
          id,
          retryLimit: settings.tries - 1,
          retryDelay: settings.retryDelaySeconds,
          expireInSeconds: settings.leaseSeconds,
        });
      if (await send()) {
        summary.new++;
        continue;
      }
      const state = await jobState(store, id);
      if (state === "completed" || state === "cancelled") {
        // Done before, but its report is not stored by this version (an upgrade, or removed):
        // the finished job makes way for a new one.
        await boss.deleteJob(QUEUE, id);
        if (await send()) summary.new++;
        else summary.queued++;
      } else if (state === "failed") {
        if (opts.retryFailed) {
          await boss.retry(QUEUE, id);
          summary.retried++;
        } else summary.failed++;
      } else summary.queued++;
    }
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close();
  }
  for (const e of summary.unreadable)
    process.stderr.write(`selfeval: ${e.path}: ${e.message} — check the path\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else
    process.stdout.write(
      `${summary.files} files: ${summary.new} new, ${summary.stored} already stored, ${summary.queued} already queued` +
        (summary.failed
          ? `, ${summary.failed} failed after their tries (see \`selfeval status\`; --retry-failed queues them again)`
          : "") +
        (summary.retried ? `, ${summary.retried} failed ones queued again` : "") +
        (summary.unreadable.length ? `, ${summary.unreadable.length} unreadable` : "") +
        "\n",
    );
  return summary.unreadable.length ? EXIT_SOME_FAILED : EXIT_OK;
}

async function jobState(
  store: Awaited<ReturnType<typeof openStore>>,
  id: string,
): Promise<string | undefined> {
  const r = await sql<{ state: string }>`
    SELECT state::text AS state FROM ${sql.id(BOSS_SCHEMA, "job")} WHERE name = ${QUEUE} AND id = ${id}::uuid
    UNION ALL
    SELECT state::text FROM ${sql.id(BOSS_SCHEMA, "archive")} WHERE name = ${QUEUE} AND id = ${id}::uuid
    LIMIT 1`.execute(store.db);
  return r.rows[0]?.state;
}

function definedOnly(o: Partial<QueueSettings>): Partial<QueueSettings> {
  const out: Partial<QueueSettings> = {};
  if (o.tries !== undefined) out.tries = o.tries;
  if (o.leaseSeconds !== undefined) out.leaseSeconds = o.leaseSeconds;
  if (o.retryDelaySeconds !== undefined) out.retryDelaySeconds = o.retryDelaySeconds;
  return out;
}
