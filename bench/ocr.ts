/**
 * node dist/bench/ocr.js [--pages 2,5-8] [scan.pdf [reference.pdf]] — seconds per page and character
 * error rate of selfeval's two OCR engines, each run as the ocr stage runs it (pages rasterised from the
 * PDF, one shared pool of workers — one per core — all pages queued at once): PP-OCR (onnxruntime-node)
 * and tesseract.js, side by side in the same run with the native tesseract CLI (Debian tesseract 5, a
 * yardstick only) on the same page images, all against the text layer of the PDF the scan was made from.
 *
 * Pages: `--pages` (list or ranges), else BENCH_OCR_PAGES (a count taken from a prose + tables mix, or a
 * list), else 6 pages. The reference defaults to the scan's name without "-scan"; without one, no CER.
 * BENCH_OCR_KEEP=1 keeps the page images and the three texts per page (for diffs) in the temp folder.
 */

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import { definitions } from "../pipelines/definitions.js";
import { layoutDocument } from "../src/layout/document-layout.js";
import { needsOcr, type PageContent } from "../src/layout/page-model.js";
import { ocrPage } from "../src/ocr/ocr-page.js";
import { PaddlePool } from "../src/ocr/paddle/paddle-pool.js";
import { toPgm } from "../src/ocr/raster/index.js";
import { OcrPool } from "../src/ocr/tesseract-pool.js";
import { InProcessSource } from "../src/pdf/document-source.js";
import { machineBusyTicks, treeCpuSeconds } from "./ingest.js";
import { machineLine } from "./machine.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CORES = os.availableParallelism();
/** As the ocr stage asks for them (src/ocr/stage.ts: OCR_DPI and the CLI's default pixel limit). */
const RASTER = { dpi: 300, maxPixels: 1e8 };
/** The seed scan's pages in the order a count takes them: prose (2, 5, 6) and both tables (7, 8, 10) first. */
const PREFERRED = [2, 5, 6, 7, 8, 10, 1, 3, 4, 9, 11, 12];
const DEFAULT_COUNT = 6;

interface Args {
  scan: string;
  reference?: string;
  pageSpec?: string;
  pagesAreCount: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let pageSpec: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--pages") pageSpec = argv[++i];
    else if (a.startsWith("--pages=")) pageSpec = a.slice("--pages=".length);
    else positional.push(a);
  }
  const scan = path.resolve(ROOT, positional[0] ?? "samples/seed-report-scan.pdf");
  const guess = scan.replace(/-scan(\.pdf)$/i, "$1");
  const reference = positional[1]
    ? path.resolve(ROOT, positional[1])
    : guess !== scan && existsSync(guess)
      ? guess
      : undefined;
  // `--pages 2` is page 2; a bare number in BENCH_OCR_PAGES is a count.
  const env = process.env.BENCH_OCR_PAGES?.trim();
  return { scan, reference, pageSpec: pageSpec ?? env, pagesAreCount: pageSpec === undefined };
}

/** "2,5-8" → [2, 5, 6, 7, 8]; a count N (when allowed) → the first N of PREFERRED, then the rest in order. */
function choosePages(spec: string | undefined, countAllowed: boolean, pageCount: number): number[] {
  const all = Array.from({ length: pageCount }, (_, i) => i + 1);
  if (!spec || (countAllowed && /^\d+$/.test(spec.trim()))) {
    const n = spec ? Number(spec) : DEFAULT_COUNT;
    const order = [...PREFERRED.filter((p) => p <= pageCount), ...all.filter((p) => !PREFERRED.includes(p))];
    return order.slice(0, n).sort((a, b) => a - b);
  }
  const out = new Set<number>();
  for (const part of spec.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`bad page list: ${spec}`);
    for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) if (p >= 1 && p <= pageCount) out.add(p);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * A page's text as selfeval's layout orders it: paragraphs, and table cells row by row, in block
 * order. The reference goes through the same layout, so CER counts OCR damage, not two reading orders.
 */
function layoutText(page: PageContent): string {
  const out: string[] = [];
  for (const b of layoutDocument([page], definitions.vocabulary.labels.layout).blocks) {
    if (b.kind === "paragraph") out.push(b.text.printed);
    else
      for (const c of [...b.table.cells].sort((x, y) => x.row - y.row || x.col - y.col))
        out.push(c.text.printed);
  }
  return out.join("\n");
}

/** Code points after NFKC with all whitespace removed: full-/half-width forms and spacing do not count. */
const normalize = (s: string): number[] =>
  Array.from(s.normalize("NFKC").replace(/\s+/g, ""), (c) => c.codePointAt(0)!);

function levenshtein(a: readonly number[], b: readonly number[]): number {
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Reading order ignored: max(missing, extra) characters of the multisets. A substitution counts
 * once, as in CER, so this is a lower bound of the edit distance.
 */
function bagDistance(ref: readonly number[], hyp: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const c of ref) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of hyp) counts.set(c, (counts.get(c) ?? 0) - 1);
  let missing = 0;
  let extra = 0;
  for (const n of counts.values()) {
    if (n > 0) missing += n;
    else extra -= n;
  }
  return Math.max(missing, extra);
}

interface Score {
  edits: number;
  bag: number;
  refLength: number;
  /** Reading order ignored, digits only: what the figures lose. */
  digitBag: number;
  digits: number;
}

const DIGIT = new Set(Array.from("0123456789", (c) => c.codePointAt(0)!));

function score(reference: string, text: string): Score {
  const r = normalize(reference);
  const h = normalize(text);
  const rd = r.filter((c) => DIGIT.has(c));
  const hd = h.filter((c) => DIGIT.has(c));
  return {
    edits: levenshtein(r, h),
    bag: bagDistance(r, h),
    refLength: r.length,
    digitBag: bagDistance(rd, hd),
    digits: rd.length,
  };
}

/** Highest resident memory of this process (worker threads included) while `run` runs, sampled. */
async function sampledPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const value = await run();
    return { value, peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

interface PaddlePage {
  page: number;
  text: string;
  latencyMs: number;
  confidence: number;
}

/** PP-OCR as the ocr stage runs it: one worker per core, every page queued at once. */
async function runPaddle(
  source: InProcessSource,
  contents: readonly PageContent[],
  warmUp: PageContent,
): Promise<{ pages: PaddlePage[]; startupMs: number; warmUpMs: number; wallMs: number; foreign?: number }> {
  const pool = new PaddlePool({ workers: CORES });
  try {
    const readOne = async (content: PageContent): Promise<PaddlePage> => {
      const t = performance.now();
      const raster = await source.raster(content, RASTER);
      const done = await pool.readPage(raster, content);
      return {
        page: content.number,
        text: layoutText(done.content),
        latencyMs: performance.now() - t,
        confidence: done.meanConfidence,
      };
    };
    // Start-up: every worker loads the models (a blank line costs next to nothing to read).
    const blank = { width: 96, height: 48, data: new Uint8Array(96 * 48).fill(255) };
    let t0 = performance.now();
    await Promise.all(Array.from({ length: pool.size }, () => pool.recognizeLines([blank])));
    const startupMs = performance.now() - t0;
    t0 = performance.now();
    await readOne(warmUp);
    const warmUpMs = performance.now() - t0;
    const queue = new PQueue({ concurrency: pool.size + 1 });
    const busy0 = machineBusySeconds();
    // The pool's workers are child processes: their CPU is the bench's own, not other processes'.
    const cpu0 = treeCpuSeconds(process.pid);
    t0 = performance.now();
    const pages = await Promise.all(contents.map((c) => queue.add(() => readOne(c))));
    const wallMs = performance.now() - t0;
    const busy1 = machineBusySeconds();
    const foreign = foreignShare(
      busy0 !== undefined && busy1 !== undefined ? busy1 - busy0 : undefined,
      treeCpuSeconds(process.pid) - cpu0,
      wallMs,
    );
    return { pages, startupMs, warmUpMs, wallMs, foreign };
  } finally {
    await pool.close();
  }
}

const pct = (n: number, d: number): string => (d > 0 ? `${((100 * n) / d).toFixed(1)}%` : "–");
const secs = (ms: number): string => (ms / 1000).toFixed(2);

interface SelfevalPage {
  page: number;
  text: string;
  /** From the page's raster request to its OCR result, with the other pages competing. */
  latencyMs: number;
  /** Time the tesseract.js workers spent on this page's images (whole page + each table cell). */
  busyMs: number;
  calls: number;
  skew: number;
  confidence: number;
}

interface NativePage {
  page: number;
  text: string;
  ms: number;
  maxRssKb?: number;
  /** User + system CPU seconds of the tesseract process. */
  cpuS?: number;
}

/** CPU seconds the whole machine has been busy, if /proc/stat can be read. */
function machineBusySeconds(): number | undefined {
  const ticks = machineBusyTicks();
  return Number.isNaN(ticks) ? undefined : ticks / 100;
}

/** This process's CPU seconds so far, all threads (the tesseract.js workers included). */
const ownCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Share of the machine's cores used by other processes over a timed pass, if measurable. */
function foreignShare(
  busyS: number | undefined,
  ownS: number | undefined,
  wallMs: number,
): number | undefined {
  return busyS === undefined || ownS === undefined
    ? undefined
    : Math.max(0, busyS - ownS) / ((wallMs / 1000) * CORES);
}

/**
 * Times the workers' own recognize calls and charges them to the page that sent the image. The pool
 * and ocrPage are unchanged: this only wraps the worker objects the pool keeps (a private field, so
 * the bench degrades to latency only if the pool's internals change).
 */
function meterWorkers(pool: OcrPool, charge: (image: unknown, ms: number) => void): boolean {
  type Recognize = (image: unknown, ...rest: unknown[]) => Promise<unknown>;
  const slots = (pool as unknown as { all?: Array<{ worker?: { recognize?: Recognize } }> }).all;
  if (!Array.isArray(slots) || slots.length === 0) return false;
  for (const slot of slots) {
    const worker = slot.worker;
    const original = worker?.recognize;
    if (!worker || !original) return false;
    worker.recognize = async (image, ...rest) => {
      const t0 = performance.now();
      try {
        return await original.call(worker, image, ...rest);
      } finally {
        charge(image, performance.now() - t0);
      }
    };
  }
  return true;
}

async function runSelfeval(
  source: InProcessSource,
  contents: readonly PageContent[],
  warmUp: PageContent,
): Promise<{
  pages: SelfevalPage[];
  startupMs: number;
  warmUpMs: number;
  wallMs: number;
  metered: boolean;
  foreign?: number;
}> {
  const pool = new OcrPool({ workers: CORES });
  try {
    // Start-up: both workers load the WASM core and the chi_sim + eng models (the pool starts lazily,
    // on the first image); a blank 64×64 image costs next to nothing to read.
    const blank = { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255) };
    let t0 = performance.now();
    await pool.recognize(toPgm(blank), { psm: "3", dpi: RASTER.dpi });
    const startupMs = performance.now() - t0;

    const owner = new WeakMap<object, SelfevalPage>();
    const metered = meterWorkers(pool, (image, ms) => {
      const p = typeof image === "object" && image ? owner.get(image) : undefined;
      if (p) {
        p.busyMs += ms;
        p.calls++;
      }
    });
    // ocrPage sees the shared pool through a per-page view that only notes which page an image is from.
    const viewFor = (p: SelfevalPage): OcrPool =>
      ({
        size: pool.size,
        recognize: (image: Buffer, options?: Parameters<OcrPool["recognize"]>[1]) => {
          owner.set(image, p);
          return pool.recognize(image, options);
        },
      }) as unknown as OcrPool;
    const readOne = async (content: PageContent): Promise<SelfevalPage> => {
      const p: SelfevalPage = {
        page: content.number,
        text: "",
        latencyMs: 0,
        busyMs: 0,
        calls: 0,
        skew: 0,
        confidence: 0,
      };
      const t = performance.now();
      const raster = await source.raster(content, RASTER);
      const done = await ocrPage(raster, content, viewFor(p));
      p.latencyMs = performance.now() - t;
      p.text = layoutText(done.content);
      p.skew = done.skew;
      p.confidence = done.meanConfidence;
      return p;
    };

    // Warm-up page: the first page pays for JIT compilation of the raster code and the workers' first
    // recognition; not counted.
    t0 = performance.now();
    await readOne(warmUp);
    const warmUpMs = performance.now() - t0;

    // As src/ocr/stage.ts: every page queued at once, rasterised just ahead of the workers.
    const queue = new PQueue({ concurrency: pool.size + 1 });
    const busy0 = machineBusySeconds();
    const cpu0 = ownCpuSeconds();
    t0 = performance.now();
    const pages = await Promise.all(contents.map((c) => queue.add(() => readOne(c))));
    const wallMs = performance.now() - t0;
    const busy1 = machineBusySeconds();
    const foreign = foreignShare(
      busy0 !== undefined && busy1 !== undefined ? busy1 - busy0 : undefined,
      ownCpuSeconds() - cpu0,
      wallMs,
    );
    return { pages, startupMs, warmUpMs, wallMs, metered, foreign };
  } finally {
    await pool.close();
  }
}

function nativeAvailable(): { ok: boolean; why?: string } {
  const r = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" });
  if (r.error) return { ok: false, why: "tesseract not installed (Debian tesseract-ocr)" };
  const langs = `${r.stdout}\n${r.stderr}`.split(/\s+/);
  const missing = ["chi_sim", "eng"].filter((l) => !langs.includes(l));
  return missing.length > 0
    ? { ok: false, why: `tesseract lacks ${missing.join(", ")} (Debian tesseract-ocr-chi-sim)` }
    : { ok: true };
}

/** The code measured: the commit, and whether src/ had uncommitted changes (several people edit at once). */
function codeVersion(): string {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return "unknown (no git)";
  const dirty = git("status", "--porcelain", "--", "src").stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes in src/" : ""}`;
}

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * One page with the CLI. OMP_THREAD_LIMIT=1: with two processes on two cores, tesseract's OpenMP
 * threads oversubscribe the cores and a page takes 15–21 s instead of a few.
 */
function tesseractCli(
  image: string,
  dpi: number,
): Promise<{ text: string; ms: number; maxRssKb?: number; cpuS?: number }> {
  const args = [image, "stdout", "-l", "chi_sim+eng", "--oem", "1", "--psm", "3", "--dpi", String(dpi)];
  // GNU time writes the child's peak RSS (KB) and CPU seconds as the last line of stderr.
  const [cmd, argv] = TIME
    ? [TIME, ["-f", "maxrss %M cpu %U %S", "tesseract", ...args]]
    : ["tesseract", args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, argv, { env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
    const out: Buffer[] = [];
    let err = "";
    p.stdout.on("data", (d: Buffer) => out.push(d));
    p.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    p.on("error", reject);
    p.on("close", (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) return reject(new Error(`tesseract failed on ${image}: ${err.trim()}`));
      const m = /maxrss (\d+) cpu ([\d.]+) ([\d.]+)/.exec(err);
      resolve({
        text: Buffer.concat(out).toString("utf8"),
        ms,
        maxRssKb: m ? Number(m[1]) : undefined,
        cpuS: m ? Number(m[2]) + Number(m[3]) : undefined,
      });
    });
  });
}

async function runNative(
  images: ReadonlyMap<number, string>,
  pages: readonly number[],
  warmUp: string,
): Promise<{ pages: NativePage[]; wallMs: number; foreign?: number }> {
  // Warm-up: the first run reads the models from disk into the page cache.
  await tesseractCli(warmUp, RASTER.dpi);
  const queue = new PQueue({ concurrency: CORES });
  const busy0 = machineBusySeconds();
  const cpu0 = ownCpuSeconds();
  const t0 = performance.now();
  const out = await Promise.all(
    pages.map((page) =>
      queue.add(
        async (): Promise<NativePage> => ({ page, ...(await tesseractCli(images.get(page)!, RASTER.dpi)) }),
      ),
    ),
  );
  const wallMs = performance.now() - t0;
  const busy1 = machineBusySeconds();
  const children = out.every((p) => p.cpuS !== undefined)
    ? out.reduce((a, p) => a + p.cpuS!, 0) + ownCpuSeconds() - cpu0
    : undefined;
  const foreign = foreignShare(
    busy0 !== undefined && busy1 !== undefined ? busy1 - busy0 : undefined,
    children,
    wallMs,
  );
  return { pages: out, wallMs, foreign };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scan = await InProcessSource.open(readFileSync(args.scan), {});
  const { pages: scanPages } = await scan.readPages();
  const numbers = choosePages(args.pageSpec, args.pagesAreCount, scanPages.length);
  if (numbers.length === 0) throw new Error("no pages to read");
  const contents = numbers.map((n) => scanPages[n - 1]!);
  const notScanned = contents.filter((c) => !needsOcr(c.kind)).map((c) => c.number);
  // The warm-up page is one outside the measured set when there is one (else the first measured page).
  const warmUp = scanPages.find((p) => !numbers.includes(p.number)) ?? contents[0]!;

  let references: Map<number, string> | undefined;
  if (args.reference) {
    const ref = await InProcessSource.open(readFileSync(args.reference), {});
    const { pages } = await ref.readPages();
    references = new Map(numbers.flatMap((n) => (pages[n - 1] ? [[n, layoutText(pages[n - 1]!)]] : [])));
    await ref.close();
  }

  // The page images as selfeval receives them (before its binarisation and deskew), for the CLI;
  // rasterising alone is timed here, one page at a time, because the selfeval pass includes it.
  const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-ocr-"));
  const images = new Map<number, string>();
  let rasterMs = 0;
  for (const c of [warmUp, ...contents]) {
    if (images.has(c.number)) continue;
    const t0 = performance.now();
    const raster = await scan.raster(c, RASTER);
    if (c !== warmUp) rasterMs += performance.now() - t0;
    const file = path.join(dir, `page-${String(c.number).padStart(3, "0")}.pgm`);
    writeFileSync(file, toPgm(raster));
    images.set(c.number, file);
  }

  const paddleRun =
    process.env.BENCH_OCR_ENGINES?.includes("paddle") === false
      ? undefined
      : await sampledPeakRss(() => runPaddle(scan, contents, warmUp));
  const paddle = paddleRun?.value;
  const selfRun = await sampledPeakRss(() => runSelfeval(scan, contents, warmUp));
  const self = selfRun.value;
  const rssMb = selfRun.peakMb;
  await scan.close();
  const available = nativeAvailable();
  // The yardstick is optional: if it fails, selfeval's numbers are still printed.
  const native = available.ok
    ? await runNative(images, numbers, images.get(warmUp.number)!).catch((err: Error) => {
        available.why = `failed: ${err.message}`;
        return undefined;
      })
    : undefined;

  const nativeBy = new Map(native?.pages.map((p) => [p.page, p]));
  const paddleBy = new Map(paddle?.pages.map((p) => [p.page, p]));
  const rows = self.pages.map((s) => {
    const reference = references?.get(s.page);
    const n = nativeBy.get(s.page);
    const pp = paddleBy.get(s.page);
    return {
      s,
      n,
      pp,
      reference,
      selfScore: reference !== undefined ? score(reference, s.text) : undefined,
      nativeScore: reference !== undefined && n ? score(reference, n.text) : undefined,
      paddleScore: reference !== undefined && pp ? score(reference, pp.text) : undefined,
    };
  });
  if (process.env.BENCH_OCR_KEEP) {
    for (const r of rows) {
      const stem = path.join(dir, `page-${String(r.s.page).padStart(3, "0")}`);
      if (r.reference !== undefined) writeFileSync(`${stem}.reference.txt`, r.reference);
      writeFileSync(`${stem}.selfeval.txt`, r.s.text);
      if (r.pp) writeFileSync(`${stem}.paddle.txt`, r.pp.text);
      if (r.n) writeFileSync(`${stem}.native.txt`, r.n.text);
    }
  } else rmSync(dir, { recursive: true, force: true });

  const total = (
    pick: (r: (typeof rows)[number]) => Score | undefined,
    key: "edits" | "bag" | "digitBag",
  ): string => {
    const scores = rows.map(pick).filter((x): x is Score => x !== undefined);
    return scores.length === 0
      ? "–"
      : pct(
          scores.reduce((a, x) => a + x[key], 0),
          scores.reduce((a, x) => a + (key === "digitBag" ? x.digits : x.refLength), 0),
        );
  };
  const selfPerPage = self.wallMs / numbers.length;
  const nativePerPage = native ? native.wallMs / numbers.length : undefined;

  console.log(`machine: ${machineLine()}`);
  console.log(`code: ${codeVersion()}`);
  // Timings are only worth comparing on an otherwise idle machine: say what else ran meanwhile.
  const shares = [self.foreign, native?.foreign].filter((x): x is number => x !== undefined);
  if (shares.length > 0) {
    const worst = Math.max(...shares);
    console.log(
      `other processes' CPU during the timed passes: selfeval ${pct(self.foreign ?? 0, 1)}, native ${native?.foreign !== undefined ? pct(native.foreign, 1) : "–"} of ${CORES} cores${worst > 0.05 ? " — WARNING: machine not idle, timings not comparable" : ""}`,
    );
  }
  console.log(
    `file: ${path.relative(ROOT, args.scan)}, pages ${numbers.join(",")} (${numbers.length}); reference: ${args.reference ? `text layer of ${path.relative(ROOT, args.reference)}` : "none (no CER)"}`,
  );
  if (notScanned.length > 0)
    console.log(`note: pages ${notScanned.join(",")} have a text layer; OCR'd anyway`);
  console.log(
    `selfeval (tesseract.js ${CORES} workers, pages queued at once): ${secs(selfPerPage)} s/page (wall ${secs(self.wallMs)} s); worker start-up ${secs(self.startupMs)} s, warm-up page ${warmUp.number} ${secs(self.warmUpMs)} s, not counted`,
  );
  console.log(
    `  of which rasterising from the PDF (measured alone, one at a time): ${secs(rasterMs / numbers.length)} s/page`,
  );
  if (native && nativePerPage !== undefined) {
    const rss = native.pages.map((p) => p.maxRssKb ?? 0);
    console.log(
      `native tesseract CLI (chi_sim+eng, --oem 1 --psm 3, OMP_THREAD_LIMIT=1, ${CORES} at once): ${secs(nativePerPage)} s/page (wall ${secs(native.wallMs)} s)`,
    );
    console.log(`ratio selfeval ÷ native: ${(selfPerPage / nativePerPage).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(
      `CER (edit distance ÷ reference chars, NFKC, no whitespace): selfeval ${total((r) => r.selfScore, "edits")}, native ${total((r) => r.nativeScore, "edits")}`,
    );
    console.log(
      `bag error (reading order ignored): selfeval ${total((r) => r.selfScore, "bag")}, native ${total((r) => r.nativeScore, "bag")}`,
    );
    console.log(
      `peak RSS: selfeval process (incl. worker threads) ${rssMb} MB; native ${Math.max(...rss) > 0 ? `${Math.round(Math.max(...rss) / 1024)} MB per process` : "not measured"}`,
    );
  } else {
    console.log(`native tesseract: ${available.why ?? "not run"}; no yardstick this run`);
    console.log(
      `CER (edit distance ÷ reference chars, NFKC, no whitespace): selfeval ${total((r) => r.selfScore, "edits")}; bag error ${total((r) => r.selfScore, "bag")}`,
    );
    console.log(`peak RSS: selfeval process (incl. worker threads) ${rssMb} MB`);
  }

  // The side-by-side summary: the same pages, one run, each engine with every core.
  console.log("");
  console.log(
    "| engine | s/page (pages queued, both cores) | pages/s | CER in order | CER order ignored | digit CER order ignored | peak RSS |",
  );
  console.log("|---|---|---|---|---|---|---|");
  const line = (
    name: string,
    wallMs: number,
    pick: (r: (typeof rows)[number]) => Score | undefined,
    rss: string,
  ): void =>
    console.log(
      `| ${name} | ${secs(wallMs / numbers.length)} | ${((1000 * numbers.length) / wallMs).toFixed(2)} | ${total(pick, "edits")} | ${total(pick, "bag")} | ${total(pick, "digitBag")} | ${rss} |`,
    );
  if (paddle)
    line(
      `PP-OCRv4 (onnxruntime-node, ${CORES} workers)`,
      paddle.wallMs,
      (r) => r.paddleScore,
      `${paddleRun!.peakMb} MB`,
    );
  line(`tesseract.js (${CORES} workers, cell re-reads)`, self.wallMs, (r) => r.selfScore, `${rssMb} MB`);
  if (native) {
    const rss = Math.max(...native.pages.map((p) => p.maxRssKb ?? 0));
    line(
      `native tesseract CLI (${CORES} processes × 1 thread)`,
      native.wallMs,
      (r) => r.nativeScore,
      rss > 0 ? `${Math.round(rss / 1024)} MB × ${CORES}` : "–",
    );
  }
  if (paddle)
    console.log(
      `PP-OCR: worker start-up ${secs(paddle.startupMs)} s, warm-up page ${secs(paddle.warmUpMs)} s, not counted; other processes' CPU meanwhile ${paddle.foreign !== undefined ? pct(paddle.foreign, 1) : "–"}`,
    );

  console.log("");
  console.log(
    "page  ref chars | PP-OCR: s   CER    bag | selfeval: s  ocr-s calls skew  conf   CER    bag | native: s    CER    bag",
  );
  for (const { s, n, pp, selfScore, nativeScore, paddleScore } of rows) {
    const cer = (x: Score | undefined, k: "edits" | "bag"): string =>
      (x ? pct(x[k], x.refLength) : "–").padStart(6);
    console.log(
      [
        String(s.page).padStart(4),
        String(selfScore?.refLength ?? "–").padStart(10),
        " |        ",
        (pp ? secs(pp.latencyMs) : "–").padStart(5),
        cer(paddleScore, "edits"),
        cer(paddleScore, "bag"),
        " |          ",
        secs(s.latencyMs).padStart(5),
        (self.metered ? secs(s.busyMs) : "–").padStart(6),
        String(self.metered ? s.calls : "–").padStart(5),
        s.skew.toFixed(2).padStart(5),
        Math.round(s.confidence).toString().padStart(5),
        cer(selfScore, "edits"),
        cer(selfScore, "bag"),
        " |        ",
        (n ? secs(n.ms) : "–").padStart(5),
        cer(nativeScore, "edits"),
        cer(nativeScore, "bag"),
      ].join(" "),
    );
  }
  console.log(
    "(selfeval s: the page's latency with the others queued at once; ocr-s: its time in the workers, page + table cells; native s: one process)",
  );
  if (process.env.BENCH_OCR_KEEP) console.log(`page images and texts kept in ${dir}`);
}

await main();
