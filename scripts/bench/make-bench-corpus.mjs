#!/usr/bin/env node
// Test material for the benchmarks (bench/ingest.ts, bench/batch.ts), cached under output/bench/:
//
//   output/bench/text-N/   N text PDFs with varied figures (lib/variants.mjs) + NAME.truth.json
//   output/bench/scan/     the first of those "printed and scanned" (≥ --scan-pages pages, 300 dpi)
//
//   node scripts/bench/make-bench-corpus.mjs [--count=1000] [--only=text,scan] [--scan-pages=50]
//                                            [--jobs=CORES] [--chunk=100] [--out=output/bench] [--force]
//
// A second run reuses what is there. Each text PDF is keyed by a hash of the HTML it was made
// from (manifest.json, rewritten after every chunk): a change to the variants or to the samples'
// builders that changes a report's HTML remakes that PDF and nothing else, and an interrupted run
// carries on where it stopped. The scans are keyed by their source PDFs and the scan helper's
// code. Like the samples, every PDF is checked after it is made (its printed figures must be in
// its text layer) and the run fails otherwise. Tools: LibreOffice Writer (soffice),
// poppler-utils, ImageMagick (scan only).
//
// Speed: LibreOffice starts in ~3 s and then converts a 4–5 page report in ~0.2 s, so the HTML
// files go to one soffice process per chunk of --chunk files, --jobs processes at a time (each
// with a profile of its own: two instances cannot share one).
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
/** Part of every cache key: bump to remake everything (e.g. after a change to the PDF checks). */
const GENERATOR_VERSION = `bench-corpus 2 / variants ${VARIANTS_VERSION}`;
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
const sha1 = (...parts) => {
  const h = createHash("sha1");
  for (const p of parts) h.update(p);
  return h.digest("hex");
};
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
  mkdirSync(dir, { recursive: true });
  const built = records.map((v) => {
    const html = renderHtml(reportDocument(v.r, v.f), "libreoffice");
    return { v, html, file: `${v.r.id}.pdf`, key: sha1(GENERATOR_VERSION, html) };
  });
  const old = opts.force ? undefined : readJson(manifestPath);
  const known = new Map((old?.files ?? []).map((f) => [f.file, f]));
  const fresh = (b) => known.get(b.file)?.key === b.key && existsSync(join(dir, b.file));
  if (old?.complete && old.files.length === built.length && built.every(fresh)) {
    console.log(`text: ${built.length} PDFs cached in ${rel(dir)} (made in ${old.seconds} s)`);
    return { dir, manifest: old };
  }
  const t0 = Date.now();
  const done = new Map(built.filter(fresh).map((b) => [b.file, known.get(b.file)]));
  const todo = built.filter((b) => !done.has(b.file));
  for (const b of todo) rmSync(join(dir, b.file), { force: true });
  const save = (complete) => {
    const files = built.filter((b) => done.has(b.file)).map((b) => done.get(b.file));
    // A resumed run adds the time the interrupted one had spent.
    const carried = old?.generator === GENERATOR_VERSION && !old.complete ? old.seconds : 0;
    const seconds = Math.round((carried * 1000 + Date.now() - t0) / 100) / 10;
    const manifest = { generator: GENERATOR_VERSION, count: built.length, complete, seconds, files };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
  };
  // Built beside the cache so a finished PDF is moved in by rename: an interrupted run never
  // leaves half a PDF in the cache.
  const build = join(opts.out, `.build-${process.pid}`);
  rmSync(build, { recursive: true, force: true });
  mkdirSync(join(build, "pdf"), { recursive: true });
  try {
    for (const b of todo) writeFileSync(join(build, `${b.v.r.id}.html`), b.html);
    const chunks = [];
    for (let k = 0; k < todo.length; k += opts.chunk) chunks.push(todo.slice(k, k + opts.chunk));
    let converted = 0;
    console.log(
      `text: converting ${todo.length} of ${built.length} reports, ${chunks.length} soffice runs, ${opts.jobs} at a time`,
    );
    await pool(chunks, opts.jobs, async (chunk) => {
      const html = chunk.map((b) => join(build, `${b.v.r.id}.html`));
      await sofficeConvert(html, join(build, "pdf"));
      // soffice exits 0 even when a file failed: retry the missing ones once, then give up.
      const missing = html.filter(
        (h) => !existsSync(join(build, "pdf", basename(h).replace(/\.html$/, ".pdf"))),
      );
      if (missing.length > 0) await sofficeConvert(missing, join(build, "pdf"));
      for (const b of chunk) {
        const pdf = join(build, "pdf", b.file);
        if (!existsSync(pdf)) throw new Error(`soffice made no PDF for ${b.v.r.id}`);
        normalizePdf(pdf); // fixed dates and ids: the same report gives the same bytes every run
        const { pages, missing: absent } = await checkPdf(pdf, printedFigures(b.v.r, b.v.f));
        if (absent.length > 0)
          throw new Error(
            `${b.v.r.id}: printed figures missing from the text layer: ${absent.slice(0, 5).join(" | ")}`,
          );
        writeFileSync(
          join(dir, `${b.v.r.id}.truth.json`),
          `${JSON.stringify(reportTruth(b.v.r, b.v.f, b.file, "text"), null, 1)}\n`,
        );
        renameSync(pdf, join(dir, b.file));
        done.set(b.file, { ...summary(b.v, b.file, pages), key: b.key });
      }
      save(false);
      converted += chunk.length;
      console.log(`  ${converted}/${todo.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    });
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
  const manifest = save(true);
  const pages = manifest.files.reduce((a, f) => a + f.pages, 0);
  console.log(`text: ${manifest.files.length} PDFs, ${pages} pages in ${rel(dir)}, ${manifest.seconds} s`);
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
  // The scans depend on their source PDFs and on the scan helper's code (its degradation steps).
  const key = sha1(
    GENERATOR_VERSION,
    String(SCAN_DPI),
    readFileSync(join(ROOT, "scripts/samples/lib/scan.mjs")),
    ...chosen.map((f) => f.key),
  );
  const old = readJson(manifestPath);
  if (!opts.force && old?.key === key && names.every((n) => existsSync(join(dir, n)))) {
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
  const manifest = { generator: GENERATOR_VERSION, key, dpi: SCAN_DPI, pages, seconds, files };
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
