/**
 * npm run bench:ocr:e2e [scan.pdf …] — a scanned report ingested end to end, against the native
 * tesseract CLI reading the same pages with both cores (issue 15's "moonshot").
 *
 * For each scan (default samples/seed-report-scan.pdf):
 *   1. the yardstick: pdftoppm renders every page at 300 dpi grey (timed), then the Debian tesseract
 *      CLI (chi_sim+eng, psm 3) reads the images, one process per core with OMP_THREAD_LIMIT=1 (timed);
 *      text only: the CLI finds no field, so its wall time is the bar, not its accuracy;
 *   2. `selfeval ingest FILE` at the default settings, in a fresh process (wall from spawn to exit:
 *      start-up, reading, OCR, extraction, storing), then `check` and `export` (not timed) and every
 *      exported figure against the file's `.truth.json` when there is one;
 *   3. the same with `--ocr-engine tesseract` (tesseract.js, the engine of the tesseract family), for the
 *      field accuracy the tesseract models reach in this pipeline.
 * Debian tools are a yardstick only: selfeval never needs them.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import { compareWithTruth } from "./batch.js";
import { codeLine, describeRun, ROOT, runIngestCli, warnIfBusy } from "./ingest.js";
import { machineLine } from "./machine.js";

const CORES = os.availableParallelism();
const DPI = 300;

function needTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error)
    throw new Error(`${cmd} is not installed (Debian poppler-utils / tesseract-ocr): the yardstick needs it`);
}

function tesseractPage(image: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(
      "tesseract",
      [image, "stdout", "-l", "chi_sim+eng", "--oem", "1", "--psm", "3", "--dpi", String(DPI)],
      { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, stdio: ["ignore", "ignore", "pipe"] },
    );
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("close", (code) =>
      code === 0
        ? resolve(performance.now() - t0)
        : reject(new Error(`tesseract failed on ${image}: ${err}`)),
    );
  });
}

/** Render with pdftoppm, then the CLI on every page, CORES processes at once. */
async function yardstick(
  pdf: string,
  dir: string,
): Promise<{ renderS: number; ocrS: number; pages: number }> {
  const t0 = performance.now();
  const r = spawnSync("pdftoppm", ["-r", String(DPI), "-gray", pdf, path.join(dir, "page")], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${r.stderr}`);
  const renderS = (performance.now() - t0) / 1000;
  const images = readdirSync(dir)
    .filter((f) => f.startsWith("page") && f.endsWith(".pgm"))
    .sort()
    .map((f) => path.join(dir, f));
  await tesseractPage(images[0]!); // warm-up: the models into the page cache
  const queue = new PQueue({ concurrency: CORES });
  const t1 = performance.now();
  await Promise.all(images.map((img) => queue.add(() => tesseractPage(img))));
  return { renderS, ocrS: (performance.now() - t1) / 1000, pages: images.length };
}

async function main(): Promise<void> {
  const scans = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const files = (scans.length > 0 ? scans : ["samples/seed-report-scan.pdf"]).map((f) =>
    path.resolve(ROOT, f),
  );
  needTool("pdftoppm", ["-v"]);
  needTool("tesseract", ["--version"]);
  console.log(`machine: ${machineLine()}`);
  console.log(`code: ${codeLine()}`);
  const other = await warnIfBusy();
  console.log(`other processes at the start: ${other.toFixed(2)} cores`);
  for (const file of files) {
    const work = mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-e2e-"));
    try {
      // The scan and its truth in a folder of their own: compareWithTruth reads truth files from it.
      const pdf = path.join(work, path.basename(file));
      copyFileSync(file, pdf);
      const truth = file.replace(/\.pdf$/, ".truth.json");
      const hasTruth = existsSync(truth);
      if (hasTruth) copyFileSync(truth, path.join(work, path.basename(truth)));
      const images = mkdtempSync(path.join(work, "images-"));
      console.log(`\n${path.relative(ROOT, file)}`);
      const y = await yardstick(pdf, images);
      rmSync(images, { recursive: true, force: true });
      console.log(
        `  native tesseract CLI, ${CORES} processes: ${y.pages} pages, OCR ${y.ocrS.toFixed(1)} s (${(y.ocrS / y.pages).toFixed(2)} s/page), with pdftoppm rendering ${(y.renderS + y.ocrS).toFixed(1)} s`,
      );
      for (const [label, extra] of [
        ["selfeval ingest, default settings", []],
        ["selfeval ingest --ocr-engine tesseract", ["--ocr-engine", "tesseract"]],
      ] as const) {
        const db = path.join(work, `${label.length}-${Date.now()}.db`);
        const run = await runIngestCli([pdf], db, extra);
        console.log(
          `  ${label}: ${run.wallS.toFixed(1)} s end to end = ${(run.wallS / y.ocrS).toFixed(2)}× the CLI's OCR, ${(run.wallS / (y.renderS + y.ocrS)).toFixed(2)}× CLI with rendering`,
        );
        for (const line of describeRun(run)) console.log(`    ${line}`);
        if (hasTruth) {
          const out = mkdtempSync(path.join(work, "export-"));
          for (const line of compareWithTruth(db, work, out)) console.log(`    ${line}`);
        } else console.log("    (no .truth.json beside the file: fields not scored)");
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await main();
