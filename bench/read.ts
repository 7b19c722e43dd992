/**
 * npm run bench:read — pages per second of the reading layer (pdf.js text + rulings → lines,
 * paragraphs, headings, tables) over the text samples, side by side in the same run with
 * `pdftotext -layout` (poppler, a yardstick only) on the same files: both one document at a time
 * and with as many documents at once as there are cores.
 */

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import { definitions } from "../pipelines/definitions.js";
import { layoutDocument } from "../src/layout/document-layout.js";
import { type DocumentSource, InProcessSource } from "../src/pdf/document-source.js";
import { ReaderPool } from "../src/pdf/worker-pool.js";
import { machineLine, peakRssMb } from "./machine.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FILES = (
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [
        "samples/seed-report.pdf",
        "samples/seed-report-chromium.pdf",
        "samples/qingchuan-health-2022.pdf",
        "samples/qingchuan-health-2023.pdf",
        "samples/qingchuan-culture-2023.pdf",
      ]
).map((f) => path.resolve(ROOT, f));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CORES = os.availableParallelism();

async function readWith(open: (bytes: Uint8Array) => Promise<DocumentSource>, file: string): Promise<number> {
  const src = await open(readFileSync(file));
  const { pages } = await src.readPages();
  layoutDocument(pages, definitions.vocabulary.labels.layout);
  await src.close();
  return pages.length;
}

async function timeIt(concurrency: number, job: (file: string) => Promise<number>): Promise<number> {
  const q = new PQueue({ concurrency });
  let pages = 0;
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const f of FILES) void q.add(async () => (pages += await job(f)));
  await q.onIdle();
  return pages / ((performance.now() - t0) / 1000);
}

function pdftotext(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn("pdftotext", ["-layout", file, "-"]);
    let pages = 0;
    p.stdout.on("data", (d: Buffer) => (pages += d.toString("latin1").split("\f").length - 1));
    p.on("error", reject);
    p.on("close", (code) =>
      code === 0 ? resolve(Math.max(1, pages)) : reject(new Error(`pdftotext failed on ${file}`)),
    );
  });
}

async function main(): Promise<void> {
  const inProcess = (bytes: Uint8Array) => InProcessSource.open(bytes, {});
  const pool = new ReaderPool(CORES);
  const pooled = (bytes: Uint8Array) => pool.open(bytes, {});
  // Warm-up: the first documents in a process (and in each reader thread) pay for module loading
  // and JIT compilation; measured separately, pages/s climbs for about the first 20 documents.
  for (let i = 0; i < 2; i++)
    console.error("warm-up", (await timeIt(CORES, (f) => readWith(pooled, f))).toFixed(1));
  const parallel = await timeIt(CORES, (f) => readWith(pooled, f));
  await pool.close();
  await timeIt(1, (f) => readWith(inProcess, f));
  const single = await timeIt(1, (f) => readWith(inProcess, f));
  let popplerSingle: number | undefined;
  let popplerParallel: number | undefined;
  try {
    popplerSingle = await timeIt(1, pdftotext);
    popplerParallel = await timeIt(CORES, pdftotext);
  } catch {
    // pdftotext missing: the yardstick is optional (Debian poppler-utils).
  }
  const pages =
    FILES.length > 0
      ? (await Promise.all(FILES.map((f) => readWith(inProcess, f)))).reduce((a, b) => a + b, 0)
      : 0;
  console.log(`machine: ${machineLine()}`);
  console.log(`files: ${FILES.length} text PDFs, ${pages} pages, ${ROUNDS} rounds after a warm-up`);
  console.log(`selfeval, one document at a time (this thread):  ${single.toFixed(1)} pages/s`);
  console.log(`selfeval, ${CORES} documents at once (reader threads):  ${parallel.toFixed(1)} pages/s`);
  if (popplerSingle && popplerParallel) {
    console.log(`pdftotext -layout, one at a time:                ${popplerSingle.toFixed(1)} pages/s`);
    console.log(
      `pdftotext -layout, ${CORES} at once:                    ${popplerParallel.toFixed(1)} pages/s`,
    );
    console.log(
      `ratio at equal concurrency: ${(single / popplerSingle).toFixed(2)} (1) / ${(parallel / popplerParallel).toFixed(2)} (${CORES}); batch vs pdftotext one at a time: ${(parallel / popplerSingle).toFixed(2)} (target ≥ 0.33)`,
    );
  } else console.log("pdftotext not installed (Debian poppler-utils): no yardstick this run");
  console.log(`peak RSS ${peakRssMb()} MB`);
}

await main();
