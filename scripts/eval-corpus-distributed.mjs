#!/usr/bin/env node
// Evaluation (not a test): the corpus through the job queue. A throwaway PostgreSQL cluster (or the
// database in SELFEVAL_EVAL_PG), `selfeval enqueue CORPUS`, two workers, one killed with SIGKILL
// in the middle of a job, then check, export and the corpus scorer — and the export compared with
// the SQLite run's (`npm run eval:corpus`, output/eval) row by row.
// Usage: npm run eval:corpus:distributed [-- CORPUS_DIR [OUT_DIR]]
// EVAL_WORKER_ARGS adds worker options (default "--timeout 1800": the machine is shared).
// Exits 1 when a report is missing or stored twice, no worker was killed, the killed job was not
// done again, or an export differs from the SQLite run's.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(process.argv[2] ?? path.join(root, "../shared/corpus"));
const out = path.resolve(process.argv[3] ?? path.join(root, "output/eval-distributed"));
const sqliteOut = path.join(root, "output/eval");
const scorer = process.env.SCORER ?? path.join(root, "../shared/tools/score-export.py");
const bin = path.join(root, "bin/selfeval.js");
if (!existsSync(corpus)) {
  console.error(
    `eval-corpus-distributed: ${corpus} not found — pass the corpus folder as the first argument`,
  );
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });

let cluster;
let url = process.env.SELFEVAL_EVAL_PG;
if (!url) {
  const r = spawnSync("bash", [path.join(root, "scripts/pg-test-cluster.sh"), "start"], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  cluster = r.stdout.trim();
  url = readFileSync(path.join(cluster, "url"), "utf8")
    .trim()
    .replace(/\/postgres$/, "/selfeval_eval");
  const admin = new pg.Client({ connectionString: readFileSync(path.join(cluster, "url"), "utf8").trim() });
  await admin.connect();
  await admin.query("CREATE DATABASE selfeval_eval");
  await admin.end();
}
const cli = (args) => {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  process.stderr.write(r.stderr);
  process.stdout.write(r.stdout);
  console.error(`(${args[0]}: ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${r.status})`);
  return r;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const workerArgs = (process.env.EVAL_WORKER_ARGS ?? "--timeout 1800").split(/\s+/).filter(Boolean);
const problems = [];

try {
  const t0 = Date.now();
  cli(["enqueue", corpus, "--db", url, "--lease", "30"]);
  cli(["enqueue", corpus, "--db", url, "--lease", "30"]);
  const workers = [0, 1].map(() => {
    const p = spawn(
      process.execPath,
      [bin, "worker", "--db", url, "--exit-when-idle", "--lease-check", "5", ...workerArgs],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    p.stderr.on("data", (d) => process.stderr.write(d));
    const w = { p, done: false };
    w.exit = new Promise((r) =>
      p.on("exit", (code, sig) => {
        w.done = true;
        r(code ?? sig);
      }),
    );
    return w;
  });
  // Kill the first worker seen working on a file that needs OCR (the longest jobs), a few seconds in.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let victim;
  // Until it is seen (however loaded the machine) or the workers are done.
  while (!victim && !workers.every((w) => w.done)) {
    const r = await client
      .query(
        "SELECT worker, current_file FROM queue_workers WHERE state = 'working' AND current_file ~* '扫描|scan'",
      )
      .catch(() => ({ rows: [] }));
    victim = r.rows[0];
    if (!victim) await sleep(500);
  }
  if (victim) {
    await sleep(5000);
    const pid = Number(victim.worker.split(":").pop());
    const w = workers.find((x) => x.p.pid === pid);
    console.error(`killing worker ${victim.worker} (SIGKILL) in the middle of ${victim.current_file}`);
    w?.p.kill("SIGKILL");
  } else problems.push("no worker seen on a scanned file: none killed");
  console.error(`workers exited: ${(await Promise.all(workers.map((w) => w.exit))).join(", ")}`);
  console.error(`queue done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // Every file's job once, every report once; the killed job done again by the other worker.
  const jobs = (
    await client.query(
      "SELECT state::text AS state, retry_count, data->>'path' AS path, data->>'sha256' AS sha FROM pgboss.job WHERE name = 'selfeval-ingest'",
    )
  ).rows;
  const reports = (await client.query("SELECT report_id AS sha256 FROM reports")).rows.map((r) => r.sha256);
  const states = {};
  for (const j of jobs) states[j.state] = (states[j.state] ?? 0) + 1;
  console.log(
    `jobs: ${JSON.stringify(states)}; reports stored: ${reports.length}, distinct ${new Set(reports).size}`,
  );
  if (new Set(reports).size !== reports.length) problems.push("a report is stored twice");
  const shas = new Set(jobs.map((j) => j.sha));
  if (reports.length !== shas.size)
    problems.push(`${shas.size} distinct files but ${reports.length} reports`);
  if (victim) {
    const k = jobs.find((j) => j.path === victim.current_file);
    console.log(`killed job: ${k?.state}, ${k?.retry_count} retries`);
    if (k?.state !== "completed" || !(k.retry_count >= 1)) problems.push("the killed job was not done again");
  }
  await client.end();
  cli(["status", "--db", url]);
  cli(["check", "--db", url, "--quiet"]);
  cli(["export", "--db", url, "--out", out]);
  if (existsSync(scorer)) spawnSync("python3", [scorer, corpus, out], { stdio: "inherit" });
  if (existsSync(path.join(sqliteOut, "reports.csv"))) {
    const rows = (dir, f) => readFileSync(path.join(dir, f), "utf8").split("\r\n").filter(Boolean).sort();
    for (const f of readdirSync(out).filter((f) => f.endsWith(".csv"))) {
      const a = rows(sqliteOut, f);
      const b = rows(out, f);
      const same = a.length === b.length && a.every((x, i) => x === b[i]);
      console.log(
        `${f}: ${b.length - 1} rows — ${same ? "same rows as the SQLite run" : "DIFFERS from the SQLite run"}`,
      );
      if (!same) {
        problems.push(`${f} differs from the SQLite run's`);
        const onlyA = a.filter((x) => !b.includes(x)).slice(0, 3);
        const onlyB = b.filter((x) => !a.includes(x)).slice(0, 3);
        console.log(`  only in SQLite: ${onlyA.join(" || ")}\n  only in PostgreSQL: ${onlyB.join(" || ")}`);
      }
    }
  } else problems.push(`no SQLite export in ${sqliteOut}: run npm run eval:corpus first to compare`);
  for (const p of problems) console.log(`PROBLEM: ${p}`);
  if (problems.length) process.exitCode = 1;
} finally {
  if (cluster) spawnSync("bash", [path.join(root, "scripts/pg-test-cluster.sh"), "stop", cluster]);
}
