#!/usr/bin/env node
// Test material for the benchmarks (bench/ingest.ts, bench/batch.ts), cached under output/bench/:
//
//   output/bench/text-N/   N text PDFs with varied figures (lib/variants.mjs) + NAME.truth.json
//   output/bench/scan/     the first of those "printed and scanned" (≥ --scan-pages pages, 300 dpi)
//
//   node scripts/bench/make-bench-corpus.mjs [--count=1000] [--only=text,scan] [--scan-pages=50]
//                                            [--jobs=CORES] [--chunk=100] [--out=output/bench] [--force]
//
// A second run reuses what is there (a manifest.json per folder records the generator version and
// the files); an interrupted run converts only the PDFs still missing. Like the samples, every PDF
// is checked after it is made (its printed figures must be in its text layer) and the run fails
// otherwise. Tools: LibreOffice Writer (soffice), poppler-utils, ImageMagick (scan only).
//
// Speed: LibreOffice starts in ~3 s and then converts a 4–5 page report in ~0.2 s, so the HTML
// files go to one soffice process per chunk of --chunk files, --jobs processes at a time (each
// with a profile of its own: two instances cannot share one).
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { renderHtml } from "../samples/lib/html.mjs";
import { printedFigures, reportDocument, reportTruth } from "../samples/lib/qingchuan.mjs";
import { scanPages, writeJpegPdf } from "../samples/lib/scan.mjs";
import { makeTempDir, normalizePdf, removeDir } from "../samples/lib/tools.mjs";
import { DEPARTMENTS, VARIANTS_VERSION, variantRecords } from "./lib/variants.mjs";

const execFileP = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
/** Part of every manifest: a change to the generator or to the variants rebuilds the cache. */
const GENERATOR_VERSION = `bench-corpus 1 / variants ${VARIANTS_VERSION}`;
const SCAN_DPI = 300;

function parseArgs(argv) {
  const get = (name, dflt) => {
    const a = argv.find((x) => x.startsWith(`--${name}=`));
    return a ? a.slice(name.length + 3) : dflt;
  };
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(
      "usage: node scripts/bench/make-bench-corpus.mjs [--count=1000] [--only=text,scan] [--scan-pages=50] [--jobs=N] [--chunk=100] [--out=DIR] [--force]",
    );
    process.exit(0);
  }
  const count = Number(get("count", "1000"));
  const scanPagesMin = Number(get("scan-pages", "50"));
  const jobs = Number(get("jobs", String(availableParallelism())));
  const chunk = Number(get("chunk", "100"));
  for (const [k, v] of Object.entries({ count, scanPagesMin, jobs, chunk }))
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k}: expected a positive whole number`);
  return {
    count,
    scanPagesMin,
    jobs,
    chunk,
    only: new Set(get("only", "text,scan").split(",")),
    out: resolve(ROOT, get("out", "output/bench")),
    force: argv.includes("--force"),
  };
}

const squash = (s) => s.replace(/\s+/g, "");
const readJson = (p) => {
  try {
    return JSON.parse(readFileSync(p, "utf8"));
  } catch {
    return undefined;
  }
};

async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One soffice process converting many HTML files into `outDir`. */
function sofficeConvert(htmlFiles, outDir) {
  const profile = makeTempDir("lo-bench-profile-");
  return new Promise((resolvePromise, reject) => {
    const p = spawn(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        // The default Writer/Web import drops the first paragraph and adds a blank page.
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        outDir,
        ...htmlFiles,
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    p.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), 60_000 + htmlFiles.length * 10_000);
    p.on("error", reject);
    p.on("close", (code) => {
      clearTimeout(timer);
      removeDir(profile);
      if (code === 0) resolvePromise();
      else
        reject(new Error(`soffice exited with ${code}: ${stderr.trim().split("\n").slice(-5).join("\n")}`));
    });
  });
}

/** Pages of a PDF and whether every printed figure is in its text layer (as the samples check). */
async function checkPdf(pdf, mustContain) {
  const { stdout } = await execFileP("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split("\f").length - 1;
  const all = squash(stdout);
  const missing = mustContain.filter((s) => !all.includes(squash(s)));
  return { pages, missing };
}

// ---------------------------------------------------------------------------------------
// Text PDFs

async function ensureText(opts, records) {
  const dir = join(opts.out, `text-${opts.count}`);
  const manifestPath = join(dir, "manifest.json");
  const old = readJson(manifestPath);
  const names = records.map((v) => `${v.r.id}.pdf`);
  if (
    !opts.force &&
    old?.generator === GENERATOR_VERSION &&
    old.files?.length === names.length &&
    names.every((n) => existsSync(join(dir, n)))
  ) {
    console.log(`text: ${names.length} PDFs cached in ${rel(dir)} (made in ${old.seconds} s)`);
    return { dir, manifest: old };
  }
  const t0 = Date.now();
  mkdirSync(dir, { recursive: true });
  // A different generator version invalidates every cached PDF; otherwise only missing ones are made.
  const stale = opts.force || (old && old.generator !== GENERATOR_VERSION);
  if (stale) for (const f of readdirSync(dir)) if (f.endsWith(".pdf")) rmSync(join(dir, f));
  const todo = records.filter((v) => !existsSync(join(dir, `${v.r.id}.pdf`)));
  // Built beside the cache so a finished PDF is moved in by rename: an interrupted run never
  // leaves half a PDF in the cache.
  const build = join(opts.out, `.build-${process.pid}`);
  rmSync(build, { recursive: true, force: true });
  mkdirSync(join(build, "pdf"), { recursive: true });
  try {
    for (const v of todo) {
      writeFileSync(join(build, `${v.r.id}.html`), renderHtml(reportDocument(v.r, v.f), "libreoffice"));
    }
    const chunks = [];
    for (let k = 0; k < todo.length; k += opts.chunk) chunks.push(todo.slice(k, k + opts.chunk));
    let done = 0;
    console.log(
      `text: converting ${todo.length} of ${records.length} reports, ${chunks.length} soffice runs, ${opts.jobs} at a time`,
    );
    await pool(chunks, opts.jobs, async (chunk) => {
      const html = chunk.map((v) => join(build, `${v.r.id}.html`));
      await sofficeConvert(html, join(build, "pdf"));
      // soffice exits 0 even when a file failed: retry the missing ones once, then give up.
      const missing = html.filter(
        (h) => !existsSync(join(build, "pdf", basename(h).replace(/\.html$/, ".pdf"))),
      );
      if (missing.length > 0) await sofficeConvert(missing, join(build, "pdf"));
      for (const v of chunk) {
        const pdf = join(build, "pdf", `${v.r.id}.pdf`);
        if (!existsSync(pdf)) throw new Error(`soffice made no PDF for ${v.r.id}`);
        normalizePdf(pdf); // fixed dates and ids: the same report gives the same bytes every run
        const { missing: absent } = await checkPdf(pdf, printedFigures(v.r, v.f));
        if (absent.length > 0)
          throw new Error(
            `${v.r.id}: printed figures missing from the text layer: ${absent.slice(0, 5).join(" | ")}`,
          );
        renameSync(pdf, join(dir, `${v.r.id}.pdf`));
      }
      done += chunk.length;
      console.log(`  ${done}/${todo.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    });
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
  // Truth files and the manifest are cheap: always rewritten from the records.
  const files = await pool(records, opts.jobs * 2, async (v) => {
    const file = `${v.r.id}.pdf`;
    writeFileSync(
      join(dir, `${v.r.id}.truth.json`),
      `${JSON.stringify(reportTruth(v.r, v.f, file, "text"), null, 1)}\n`,
    );
    const { pages } = await checkPdf(join(dir, file), []);
    return summary(v, file, pages);
  });
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  const manifest = { generator: GENERATOR_VERSION, count: records.length, seconds, files };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  const pages = files.reduce((a, f) => a + f.pages, 0);
  console.log(`text: ${files.length} PDFs, ${pages} pages in ${rel(dir)}, ${seconds} s`);
  return { dir, manifest };
}

const summary = (v, file, pages) => ({
  file,
  pages,
  department: v.r.department,
  fiscal_year: v.r.fiscal_year,
  template: v.department.template,
  planted: Object.keys(v.r.plant ?? {}),
});

// ---------------------------------------------------------------------------------------
// Scanned PDFs: the first text reports "printed and scanned" with the samples' scan helper
// (pdftoppm -r 300 -gray, slight seeded rotation, noise, blur, JPEG q75, image-only PDF), as
// samples/seed-report-scan.pdf was made.

async function ensureScan(opts, records, text) {
  const dir = join(opts.out, "scan");
  const manifestPath = join(dir, "manifest.json");
  const chosen = [];
  let pages = 0;
  for (const f of text.manifest.files) {
    if (pages >= opts.scanPagesMin) break;
    chosen.push(f);
    pages += f.pages;
  }
  const names = chosen.map((f) => f.file.replace(/^bench-/, "scan-"));
  const old = readJson(manifestPath);
  if (
    !opts.force &&
    old?.generator === GENERATOR_VERSION &&
    old.files?.map((f) => f.file).join() === names.join() &&
    names.every((n) => existsSync(join(dir, n)))
  ) {
    console.log(
      `scan: ${names.length} PDFs, ${old.pages} pages cached in ${rel(dir)} (made in ${old.seconds} s)`,
    );
    return;
  }
  const t0 = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byFile = new Map(records.map((v) => [`${v.r.id}.pdf`, v]));
  const files = [];
  for (const [k, f] of chosen.entries()) {
    const name = names[k];
    const work = makeTempDir("bench-scan-");
    try {
      const scanned = await scanPages(join(text.dir, f.file), work, { dpi: SCAN_DPI, seed: name });
      writeJpegPdf(scanned, join(dir, name), "selfeval scripts/bench/make-bench-corpus.mjs");
      const v = byFile.get(f.file);
      writeFileSync(
        join(dir, name.replace(/\.pdf$/, ".truth.json")),
        `${JSON.stringify(reportTruth(v.r, v.f, name, "scan"), null, 1)}\n`,
      );
      files.push({ ...summary(v, name, scanned.length), angles: scanned.map((p) => p.angle) });
      console.log(`  ${name}: ${scanned.length} pages (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    } finally {
      removeDir(work);
    }
  }
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  const manifest = { generator: GENERATOR_VERSION, dpi: SCAN_DPI, pages, seconds, files };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`scan: ${files.length} PDFs, ${pages} pages at ${SCAN_DPI} dpi in ${rel(dir)}, ${seconds} s`);
}

const rel = (p) => (p.startsWith(ROOT) ? p.slice(ROOT.length + 1) : p);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  // All records are derived even when only some PDFs are missing: report i's prior year is report
  // i − DEPARTMENTS, and deriving 1,000 takes well under a second.
  const records = variantRecords(opts.count);
  console.log(
    `${opts.count} reports: ${Math.min(opts.count, DEPARTMENTS)} departments × ${Math.ceil(opts.count / DEPARTMENTS)} years, ${records.filter((v) => v.r.plant).length} with a planted discrepancy`,
  );
  if (opts.only.has("text") || opts.only.has("scan")) {
    const text = await ensureText(opts, records);
    if (opts.only.has("scan")) await ensureScan(opts, records, text);
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
