/**
 * The job queue end to end, with the tests' PostgreSQL server and the CLI as subprocesses:
 * the samples (and one damaged file) enqueued, three workers, one SIGKILLed in the middle of a
 * scanned report; the export must equal a plain SQLite ingest's byte for byte (rows sorted).
 * Then: enqueuing again adds nothing, SIGTERM hands a job back untried, uploaded bytes are read
 * from the database, a changed file fails clearly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  unlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobCounts, jobIdOf } from "../../src/queue/job-queue.js";
import { openStore, type Store } from "../../src/store/store.js";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";
import { freshPgDatabase, type TestDatabase } from "../helpers/postgres.js";

const BIN = path.join(ROOT, "bin/selfeval.js");
/** Quick maintenance, so a killed worker's job comes back within seconds of its lease. */
const FAST = ["--lease-check", "1", "--poll", "0.5", "--ocr-workers", "1", "--concurrency", "1", "--quiet"];

let dir: string;
const dbs: TestDatabase[] = [];

beforeAll(() => {
  // The real path: files are recorded by theirs.
  dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "selfeval-queue-")));
});
afterAll(async () => {
  for (const d of dbs) await d.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newDb(): Promise<string> {
  const d = await freshPgDatabase("queue");
  dbs.push(d);
  return d.url;
}

interface Worker {
  child: ChildProcess;
  stderr: string;
  exit: Promise<number | null>;
}

function startWorker(url: string, extra: string[] = [], cwd = dir): Worker {
  const child = spawn(process.execPath, [BIN, "worker", "--db", url, ...FAST, ...extra], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const w: Worker = {
    child,
    stderr: "",
    exit: new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null)))),
  };
  child.stderr!.on("data", (d) => {
    w.stderr += d;
  });
  return w;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, f: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function working(store: Store): Promise<Array<{ worker: string; current_file: string | null }>> {
  const r = await sql<{ worker: string; current_file: string | null }>`
    SELECT worker, current_file FROM queue_workers WHERE state = 'working'`.execute(store.db);
  return r.rows;
}

/** Every CSV of an export, with its data rows sorted (workers finish in any order). */
function sortedCsvs(out: string): Record<string, string> {
  const csv: Record<string, string> = {};
  for (const f of readdirSync(out).filter((f) => f.endsWith(".csv"))) {
    const [header, ...rows] = readFileSync(path.join(out, f), "utf8").split("\r\n");
    csv[f] = [header, ...rows.filter(Boolean).sort()].join("\r\n");
  }
  return csv;
}

describe("queue end to end", () => {
  it("three workers, one killed mid-job: every report once, the same export as a SQLite run", async () => {
    const input = path.join(dir, "in");
    mkdirSync(input);
    // The samples, with the short scanned fixture in place of the 12-page scan (the test is about
    // the queue, and one scanned report is enough to kill a worker in the middle of).
    for (const f of readdirSync(SAMPLES).filter((f) => f.endsWith(".pdf") && f !== "seed-report-scan.pdf"))
      copyFileSync(path.join(SAMPLES, f), path.join(input, f));
    copyFileSync(
      path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf"),
      path.join(input, "scan.pdf"),
    );
    // A poison file: encrypted, so every try fails the same way.
    copyFileSync(
      path.join(ROOT, "tests/fixtures/encrypted-password-secret.pdf"),
      path.join(input, "zz-locked.pdf"),
    );
    const files = readdirSync(input).length;

    // The SQLite run to compare with.
    const lite = selfeval(["ingest", "in", "--db", "lite.db"], { cwd: dir });
    expect(lite.status, lite.stderr).toBe(1);
    expect(lite.stderr).toContain("zz-locked.pdf");
    expect(selfeval(["check", "--db", "lite.db", "--fail-on", "none", "--quiet"], { cwd: dir }).status).toBe(
      0,
    );
    expect(selfeval(["export", "--db", "lite.db", "--out", "lite-csv"], { cwd: dir }).status).toBe(0);

    const url = await newDb();
    const enqueue = (): string => {
      const r = selfeval(["enqueue", "in", "--db", url, "--lease", "15", "--retry-delay", "1"], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    expect(enqueue()).toBe(`${files} files: ${files} new, 0 already stored, 0 already queued`);
    expect(enqueue()).toBe(`${files} files: 0 new, 0 already stored, ${files} already queued`);

    const store = await openStore(url, { poolSize: 1 });
    try {
      const workers = [
        startWorker(url, ["--exit-when-idle"]),
        startWorker(url, ["--exit-when-idle"]),
        startWorker(url, ["--exit-when-idle"]),
      ];
      // Kill the worker reading the scanned report, a few seconds into it.
      const victim = await waitFor(
        "a worker on the scanned report",
        async () => (await working(store)).find((w) => w.current_file?.endsWith("scan.pdf")),
        300_000,
      );
      await sleep(3000);
      const pid = Number(victim.worker.split(":").pop());
      const killed = workers.find((w) => w.child.pid === pid)!;
      expect(killed, victim.worker).toBeDefined();
      killed.child.kill("SIGKILL");
      expect(await killed.exit).toBe(-1);
      const others = workers.filter((w) => w !== killed);
      const codes = await Promise.all(others.map((w) => w.exit));
      expect(codes, others.map((w) => w.stderr).join("\n")).toEqual([0, 0]);

      const counts = await jobCounts(store);
      expect(counts).toMatchObject({ created: 0, retry: 0, active: 0, completed: files - 1, failed: 1 });
      // The killed try of the scanned report counts as a try (a file that kills its worker must end
      // failed); on a loaded machine a worker may also miss a renewal, so "at least".
      const scan = await sql<{ retry_count: number; state: string }>`
        SELECT retry_count, state::text AS state FROM pgboss.job WHERE data->>'path' = ${path.join(input, "scan.pdf")}`.execute(
        store.db,
      );
      expect(scan.rows).toHaveLength(1);
      expect(scan.rows[0]!.state).toBe("completed");
      expect(scan.rows[0]!.retry_count).toBeGreaterThanOrEqual(1);
      const poison = await sql<{ retry_count: number; reason: string }>`
        SELECT retry_count, output->>'message' AS reason FROM pgboss.job WHERE data->>'path' = ${path.join(input, "zz-locked.pdf")}`.execute(
        store.db,
      );
      expect(poison.rows[0]!.retry_count).toBe(2);
      expect(poison.rows[0]!.reason).toMatch(/encrypted.* — .+/);
      const n = await store.db
        .selectFrom("reports")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(files);
    } finally {
      await store.close();
    }

    const status = selfeval(["status", "--db", url, "--json"], { cwd: dir });
    expect(status.status).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s).toMatchObject({ queued: 0, active: 0, done: files - 1, failed: 1, eta_seconds: 0 });
    expect(s.failed_files).toEqual([
      { path: path.join(input, "zz-locked.pdf"), reason: expect.stringMatching(/encrypted/), tries: 3 },
    ]);
    expect(s.workers.length).toBe(3);
    expect(s.pages_per_minute).toBeGreaterThan(0);
    const text = selfeval(["status", "--db", url], { cwd: dir }).stdout;
    expect(text).toContain(`jobs: 0 queued, 0 active, ${files - 1} done, 1 failed`);
    expect(text).toContain(`${path.join(input, "zz-locked.pdf")}: `);

    expect(enqueue()).toBe(
      `${files} files: 0 new, ${files - 1} already stored, 0 already queued, 1 failed after their tries (see \`selfeval status\`; --retry-failed queues them again)`,
    );

    expect(selfeval(["check", "--db", url, "--fail-on", "none", "--quiet"], { cwd: dir }).status).toBe(0);
    expect(selfeval(["export", "--db", url, "--out", "pg-csv"], { cwd: dir }).status).toBe(0);
    const fromLite = sortedCsvs(path.join(dir, "lite-csv"));
    const fromPg = sortedCsvs(path.join(dir, "pg-csv"));
    expect(Object.keys(fromPg).sort()).toEqual(Object.keys(fromLite).sort());
    for (const f of Object.keys(fromLite)) expect(fromPg[f], f).toBe(fromLite[f]);
    expect(fromLite["reports.csv"]!.split("\r\n")).toHaveLength(files + 1);
  }, 900_000);

  it("SIGTERM finishes the page, hands the job back untried and exits; another worker does it", async () => {
    const url = await newDb();
    const work = path.join(dir, "term");
    mkdirSync(work);
    copyFileSync(
      path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf"),
      path.join(work, "scan.pdf"),
    );
    expect(selfeval(["enqueue", "scan.pdf", "--db", url], { cwd: work }).status).toBe(0);
    const store = await openStore(url, { poolSize: 1 });
    try {
      const w = startWorker(url, [], work);
      await waitFor(
        "the worker on the scan",
        async () => ((await working(store)).length ? true : undefined),
        120_000,
      );
      await sleep(1500);
      w.child.kill("SIGTERM");
      expect(await w.exit, w.stderr).toBe(143);
      const job = await sql<{ state: string; retry_count: number; started_on: Date | null }>`
        SELECT state::text AS state, retry_count, started_on FROM pgboss.job`.execute(store.db);
      expect(job.rows).toEqual([{ state: "created", retry_count: 0, started_on: null }]);
      expect(await store.reportExists(await sha(path.join(work, "scan.pdf")))).toBeUndefined();
      const again = startWorker(url, ["--exit-when-idle"], work);
      expect(await again.exit, again.stderr).toBe(0);
      const done = await sql<{ state: string; retry_count: number }>`
        SELECT state::text AS state, retry_count FROM pgboss.job`.execute(store.db);
      expect(done.rows).toEqual([{ state: "completed", retry_count: 0 }]);
      expect((await store.reportExists(await sha(path.join(work, "scan.pdf"))))?.status).toMatch(
        /ok|partial/,
      );
    } finally {
      await store.close();
    }
  });

  it("reads uploaded bytes from the database, and fails a file changed since it was enqueued", async () => {
    const url = await newDb();
    const work = path.join(dir, "upload");
    mkdirSync(work);
    copyFileSync(path.join(SAMPLES, "qingchuan-health-2022.pdf"), path.join(work, "a.pdf"));
    copyFileSync(path.join(SAMPLES, "qingchuan-health-2023.pdf"), path.join(work, "b.pdf"));
    const shaA = await sha(path.join(work, "a.pdf"));
    const shaB = await sha(path.join(work, "b.pdf"));
    expect(selfeval(["enqueue", "a.pdf", "--db", url, "--upload"], { cwd: work }).status).toBe(0);
    expect(selfeval(["enqueue", "b.pdf", "--db", url, "--tries", "1"], { cwd: work }).status).toBe(0);
    unlinkSync(path.join(work, "a.pdf"));
    copyFileSync(path.join(SAMPLES, "qingchuan-culture-2023.pdf"), path.join(work, "b.pdf"));
    const w = startWorker(url, ["--exit-when-idle"], work);
    expect(await w.exit, w.stderr).toBe(0);
    const store = await openStore(url, { poolSize: 1 });
    try {
      const a = await store.loadReport(shaA);
      expect(a?.source_path).toBe(path.join(work, "a.pdf"));
      expect(await store.reportExists(shaB)).toBeUndefined();
      const up = await sql<{ n: number }>`SELECT COUNT(*)::int AS n FROM queue_uploads`.execute(store.db);
      expect(up.rows[0]!.n).toBe(0);
      const b = await sql<{ state: string; reason: string }>`
        SELECT state::text AS state, output->>'message' AS reason FROM pgboss.job WHERE id = ${jobIdOf(shaB)}::uuid`.execute(
        store.db,
      );
      expect(b.rows).toEqual([
        {
          state: "failed",
          reason: "the file changed since it was enqueued (its SHA-256 differs) — enqueue it again",
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it("refuses a SQLite --db for the queue commands as a usage error", () => {
    for (const args of [["enqueue", "x.pdf"], ["worker"], ["status"]]) {
      const r = selfeval([...args, "--db", path.join(dir, "q.db")]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/needs? PostgreSQL — give --db a postgres:\/\/ URL/);
    }
  });
});

async function sha(file: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
