/**
 * npm run bench:hostile — a batch of 82 hostile and broken files (bench/hostile-pdfs.ts at full
 * size: 20000² image bombs, 1 GiB stream bombs (Flate, LZW, RunLength, ASCII85), a page of 300,000
 * text runs, a 60 MB text page, form fan-outs, looping page trees, lying page counts, other formats
 * named .pdf, truncated files, plus seeded mutants of the samples), ingested as users run it
 * (`selfeval ingest DIR`, defaults, OCR auto, --timeout 60). Measured from outside: wall time and peak RSS of the process tree. Then
 * three single files on their own: the 300,000-run page at --timeout 20, the RGB image bomb at the
 * defaults, and the same bomb with the image limit lifted (so only --max-memory stands in its way).
 *
 * Target: the batch's peak RSS ≤ 1.5 GB, every file ending with a status and a reason, the 300k-run
 * page ending within its deadline.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FULL, hostileCases, mutate } from "./hostile-pdfs.js";
import { codeLine, describeRun, ROOT, runIngestCli, warnIfBusy } from "./ingest.js";
import { machineLine } from "./machine.js";

const TOTAL = 82;
const MUTANT_SOURCES = ["qingchuan-health-2022.pdf", "beiyuan-agri-2023-form.pdf", "seed-report.pdf"];

async function main(): Promise<void> {
  const dir = path.join(ROOT, "output/bench/hostile");
  rmSync(dir, { recursive: true, force: true });
  const input = path.join(dir, "in");
  mkdirSync(input, { recursive: true });
  const cases = hostileCases(ROOT, FULL);
  const t0 = performance.now();
  for (const c of cases) writeFileSync(path.join(input, c.name), c.bytes());
  for (let i = 0; cases.length + i < TOTAL; i++) {
    const source = MUTANT_SOURCES[i % MUTANT_SOURCES.length]!;
    const m = mutate(readFileSync(path.join(ROOT, "samples", source)), 5000 + i);
    writeFileSync(path.join(input, `mutant-${5000 + i}.pdf`), m.bytes);
  }
  console.log(machineLine());
  console.log(`code: ${codeLine()}`);
  console.log(
    `generated ${TOTAL} files in ${((performance.now() - t0) / 1000).toFixed(1)} s (${cases.length} crafted, ${TOTAL - cases.length} mutants)`,
  );
  await warnIfBusy();

  const batch = await runIngestCli([input], path.join(dir, "batch.db"), ["--timeout", "60"]);
  console.log("\n== the hostile batch (defaults, OCR auto, --timeout 60) ==");
  for (const l of describeRun(batch)) console.log(l);
  const byName = new Map(batch.files.map((f) => [path.basename(f.file), f]));
  for (const c of cases) {
    const f = byName.get(c.name);
    console.log(
      `  ${c.name.padEnd(32)} ${(f?.status ?? "MISSING").padEnd(8)} ${((f?.ms ?? 0) / 1000).toFixed(1).padStart(5)} s  ${f?.reason ?? ""}`,
    );
  }
  const missing = TOTAL - batch.files.length;
  const noReason = batch.files.filter((f) => f.status !== "ok" && !f.reason).length;
  console.log(`files without a line: ${missing}; not-ok files without a reason: ${noReason}`);

  const single = async (name: string, extra: string[], title: string): Promise<void> => {
    const r = await runIngestCli([path.join(input, name)], path.join(dir, `${name}.db`), extra);
    const f = r.files[0];
    console.log(
      `${title}: ${f?.status} in ${r.wallS.toFixed(1)} s wall (${((f?.ms ?? 0) / 1000).toFixed(1)} s for the file), peak RSS ${r.treePeakMb} MB tree — ${f?.reason ?? ""}`,
    );
  };
  console.log("\n== single files ==");
  await single("many-text-runs.pdf", ["--timeout", "20"], "300,000 text runs, --timeout 20");
  await single("image-bomb-rgb.pdf", [], "20000² RGB image bomb, defaults");
  await single(
    "image-bomb-rgb.pdf",
    ["--max-image-megapixels", "1000"],
    "20000² RGB image bomb, --max-image-megapixels 1000 (only --max-memory 768 left)",
  );
  await single(
    "content-stream-bomb.pdf",
    ["--max-image-megapixels", "1000"],
    "1 GiB content stream, stream cap lifted to 3 GB",
  );
}

await main();
