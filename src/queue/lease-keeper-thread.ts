/** The lease keeper's thread (see lease-keeper.ts): one connection, one renewal per job and period. */
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { BOSS_SCHEMA, QUEUE } from "./job-queue-names.js";
import type { LeaseMessage } from "./lease-keeper.js";

const { url } = workerData as { url: string };
const jobs = new Map<string, { leaseSeconds: number; due: number }>();
const client = new pg.Client({ connectionString: url, application_name: "selfeval-lease" });
client.on("error", (err) => parentPort?.postMessage({ error: err.message }));
const ready = client.connect();
let stopping = false;
let busy = false;

async function renew(jobId: string, leaseSeconds: number): Promise<void> {
  // pg-boss 10 expires a job once started_on + expire_in has passed; growing expire_in moves the
  // end of the lease to `leaseSeconds` from now.
  await client.query(
    `UPDATE ${BOSS_SCHEMA}.job SET expire_in = (now() - started_on) + make_interval(secs => $3::float8)
     WHERE name = $1 AND id = $2::uuid AND state = 'active'`,
    [QUEUE, jobId, leaseSeconds],
  );
}

async function tick(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    await ready;
    const now = Date.now();
    for (const [id, j] of jobs) {
      if (j.due > now) continue;
      j.due = now + (j.leaseSeconds * 1000) / 3;
      await renew(id, j.leaseSeconds);
    }
  } catch (err) {
    parentPort?.postMessage({ error: (err as Error).message });
  } finally {
    busy = false;
  }
}

const timer = setInterval(() => void tick(), 500);

parentPort?.on("message", (m: LeaseMessage) => {
  if (m.type === "track") {
    jobs.set(m.jobId, { leaseSeconds: m.leaseSeconds, due: 0 });
    void tick();
  } else if (m.type === "untrack") jobs.delete(m.jobId);
  else if (m.type === "stop" && !stopping) {
    stopping = true;
    clearInterval(timer);
    jobs.clear();
    void ready
      .then(() => client.end())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  }
});
