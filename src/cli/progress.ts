/**
 * Batch progress. On a terminal (cli-progress's MultiBar): one bar for the batch — files and pages
 * done, an ETA — and one line under it for each file being read now; finished files are printed
 * whole above the bars (MultiBar.log: the terminal wraps a long line, nothing is cut at its width).
 * Not on a terminal: one plain line per finished file. With --json: one JSON line per finished file
 * on stdout, for scripts.
 *
 * The bar counts work, not files: a page that needs OCR weighs as much as OCR_WEIGHT text pages
 * (measured: ~3.6 s a page by OCR against ~0.03–0.1 s a text page), and a file not yet opened is
 * estimated from its size at the rate of the files seen so far. The library turns that work into
 * an ETA; a batch of one scan among text reports then no longer sits at "23/24, 8 s" for minutes.
 */
import { statSync } from "node:fs";
import cliProgress from "cli-progress";
import { displayWidth } from "../compare/display-width.js";
import type { PageCounts } from "../ingest/document-protocol.js";
import type { FoundFile } from "../ingest/find-files.js";
import type { FileResult } from "../ingest/ingest.js";
import { printable } from "../text/hygiene.js";

export interface Progress {
  start(files: readonly FoundFile[]): void;
  progress(file: FoundFile, counts: PageCounts): void;
  file(r: FileResult): void;
  /** A line to show above the bars (a notice, the interrupt message). */
  note(line: string): void;
  /** Idempotent: the bars are erased and nothing more is drawn. */
  stop(): void;
}

/** What the bars are drawn on: a terminal stream (tests pass a stand-in). */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Text pages one OCR page is worth, in time. */
export const OCR_WEIGHT = 30;
/** Bytes per page assumed for a file not yet opened, before any file has been seen. */
const BYTES_PER_PAGE_GUESS = 60_000;
/** Redraws a second; the ETA is the rate over the last ETA_SAMPLES redraws (a minute). */
const FPS = 2;
const ETA_SAMPLES = 120;
/** Below this width the batch bar is left out: the counts and the ETA matter more. */
const BAR_MIN_COLUMNS = 70;

export function createProgress(options: {
  json: boolean;
  tty: boolean;
  quiet?: boolean;
  stream?: ProgressStream;
}): Progress {
  if (options.json) {
    return {
      start: () => undefined,
      progress: () => undefined,
      file: (r) => process.stdout.write(`${JSON.stringify(fileJson(r))}\n`),
      note: (line) => process.stderr.write(`${printable(line)}\n`),
      stop: () => undefined,
    };
  }
  const listed = (r: FileResult): boolean =>
    !options.quiet || (r.outcome !== "ok" && r.outcome !== "unchanged");
  if (!options.tty) {
    // A log file gets one plain line per finished file.
    return {
      start: () => undefined,
      progress: () => undefined,
      file: (r) => {
        if (listed(r)) process.stderr.write(`${fileLine(r)}\n`);
      },
      note: (line) => process.stderr.write(`${printable(line)}\n`),
      stop: () => undefined,
    };
  }
  return new TerminalProgress(options.stream ?? process.stderr, listed);
}

/** The batch's work in page units, from what is known of each file. */
class Work {
  private readonly files = new Map<FoundFile, { bytes: number; counts?: PageCounts; done: boolean }>();
  filesDone = 0;
  pagesDone = 0;
  ocrDone = 0;

  constructor(files: readonly FoundFile[]) {
    for (const file of files) {
      let bytes = 0;
      try {
        bytes = statSync(file.fsPath).size;
      } catch {
        bytes = 0;
      }
      this.files.set(file, { bytes, done: false });
    }
  }

  get total(): number {
    return this.files.size;
  }

  seen(file: FoundFile, counts: PageCounts): void {
    const f = this.files.get(file);
    if (f && !f.done) f.counts = counts;
  }

  finished(r: FileResult): FoundFile | undefined {
    let found: FoundFile | undefined;
    for (const [file, f] of this.files) {
      if (file.path === r.path && !f.done) {
        f.done = true;
        found = file;
        break;
      }
    }
    this.filesDone++;
    this.pagesDone += r.pages;
    this.ocrDone += r.ocrPages;
    return found;
  }

  /** Work units done and in all (estimated from bytes for files not yet opened). */
  units(): { done: number; total: number; ocrKnown: number } {
    let knownUnits = 0;
    let knownBytes = 0;
    for (const f of this.files.values()) {
      if (f.counts) {
        knownUnits += unitsOf(f.counts);
        knownBytes += f.bytes;
      }
    }
    const perByte = knownBytes > 0 ? knownUnits / knownBytes : 1 / BYTES_PER_PAGE_GUESS;
    let done = 0;
    let total = 0;
    let ocrKnown = 0;
    for (const f of this.files.values()) {
      const units = f.counts ? unitsOf(f.counts) : Math.max(1, f.bytes * perByte);
      total += units;
      if (f.counts) ocrKnown += f.counts.pagesNeedingOcr;
      if (f.done) done += units;
      // Pages read so far: the text layer is read at once; OCR pages one by one.
      else if (f.counts) done += f.counts.pages - f.counts.pagesNeedingOcr + f.counts.ocrPages * OCR_WEIGHT;
    }
    return { done, total, ocrKnown };
  }
}

const unitsOf = (c: PageCounts): number => c.pages - c.pagesNeedingOcr + c.pagesNeedingOcr * OCR_WEIGHT;

interface BatchPayload {
  files: string;
  pages: string;
}
interface FilePayload {
  name: string;
  counts: PageCounts;
}

class TerminalProgress implements Progress {
  private readonly bars: cliProgress.MultiBar;
  private batch?: cliProgress.SingleBar;
  private readonly reading = new Map<FoundFile, cliProgress.SingleBar>();
  private work?: Work;
  private stopped = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly listed: (r: FileResult) => boolean,
  ) {
    this.bars = new cliProgress.MultiBar({
      stream,
      fps: FPS,
      etaBuffer: ETA_SAMPLES,
      // A stall (a long OCR page) lowers the rate the ETA is taken from, as it should.
      etaAsynchronousUpdate: true,
      // The terminal keeps wrapping lines: a finished file's line is printed whole. The bars
      // themselves are cut to the width by their formatters (by display width: CJK is 2 columns).
      linewrap: true,
      clearOnComplete: true,
      hideCursor: false,
      barsize: 12,
      barCompleteChar: "█",
      barIncompleteChar: "░",
    });
  }

  start(files: readonly FoundFile[]): void {
    if (this.stopped) return;
    this.work = new Work(files);
    this.batch = this.bars.create(1, 0, this.batchPayload(0), { format: batchLine });
    this.refresh();
  }

  progress(file: FoundFile, counts: PageCounts): void {
    if (this.stopped || !this.work) return;
    this.work.seen(file, counts);
    const payload: FilePayload = { name: baseName(file.path), counts };
    const total = Math.max(1, counts.pagesNeedingOcr);
    let bar = this.reading.get(file);
    if (!bar) {
      bar = this.bars.create(total, counts.ocrPages, payload, { format: fileLineInProgress });
      this.reading.set(file, bar);
    } else {
      bar.setTotal(total);
      bar.update(counts.ocrPages, payload);
    }
    this.refresh();
  }

  file(r: FileResult): void {
    if (this.stopped || !this.work) return;
    const file = this.work.finished(r);
    const bar = file && this.reading.get(file);
    if (bar && file) {
      this.reading.delete(file);
      this.bars.remove(bar);
    }
    if (this.listed(r)) this.bars.log(`${fileLine(r)}\n`);
    this.refresh();
  }

  note(line: string): void {
    // Before the bars are drawn (or after), a notice is simply a line.
    if (this.stopped || !this.batch) {
      this.stream.write(`${printable(line)}\n`);
      return;
    }
    this.bars.log(`${printable(line)}\n`);
    // Shown at once, not at the next redraw (the batch may be about to stop).
    this.bars.update();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.batch) return;
    // The library leaves lines still waiting to be logged unwritten at stop: flush them first.
    this.bars.update();
    this.bars.stop();
  }

  private batchPayload(ocrKnown: number): BatchPayload {
    const w = this.work!;
    return {
      files: `${w.filesDone}/${w.total} files`,
      pages: `${w.pagesDone} pages${w.ocrDone || ocrKnown ? ` (${w.ocrDone} by OCR)` : ""}`,
    };
  }

  private refresh(): void {
    if (!this.batch || !this.work) return;
    const { done, total, ocrKnown } = this.work.units();
    this.batch.setTotal(total);
    this.batch.update(done, this.batchPayload(ocrKnown));
  }
}

/** The columns a bar line may take: one less than the terminal, so it never wraps. */
const usable = (params: cliProgress.Params): number => Math.max(20, params.maxWidth - 1);

function etaText(params: cliProgress.Params, options: cliProgress.Options): string {
  const eta = params.eta as number | string;
  // The library gives "INF" or "NULL" while nothing is done yet.
  if (typeof eta !== "number" || params.value <= 0) return "…";
  return cliProgress.Format.TimeFormat(eta, options, 1);
}

/** `██████░░░░░░ 3/24 files | 120 pages (4 by OCR) | ETA 2m10s` */
const batchLine: cliProgress.GenericFormatter = (options, params, payload: BatchPayload) => {
  const text = `${payload.files} | ${payload.pages} | ETA ${etaText(params, options)}`;
  const columns = usable(params);
  if (columns < BAR_MIN_COLUMNS) return fitWidth(text, columns);
  return fitWidth(`${cliProgress.Format.BarFormat(params.progress, options)} ${text}`, columns);
};

/** `  ↳ …2023年度部门整体支出绩效自评报告.pdf (OCR 1/4, ETA 40s)` or `(12 p.)` for a text file. */
const fileLineInProgress: cliProgress.GenericFormatter = (options, params, payload: FilePayload) => {
  const c = payload.counts;
  const what =
    c.pagesNeedingOcr > 0
      ? ` (OCR ${c.ocrPages}/${c.pagesNeedingOcr}${c.ocrPages > 0 ? `, ETA ${etaText(params, options)}` : ""})`
      : c.pages > 0
        ? ` (${c.pages} p.)`
        : " (opening)";
  const columns = usable(params);
  const lead = "  ↳ ";
  const room = Math.max(8, columns - displayWidth(lead) - displayWidth(what));
  return fitWidth(`${lead}${shortName(payload.name, room)}${what}`, columns);
};

const baseName = (p: string): string => printable(p.split("/").pop() ?? p);

/** A name cut to `columns` from its start (its end is kept: the year and kind are there). */
function shortName(name: string, columns: number): string {
  if (displayWidth(name) <= columns) return name;
  const chars = [...name];
  let out = "";
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]!);
    if (w + cw > columns - 1) break;
    out = chars[i]! + out;
    w += cw;
  }
  return `…${out}`;
}

/** Cuts a bar line to the terminal's width (by display width: a CJK character is two columns). */
export function fitWidth(s: string, columns: number): string {
  if (displayWidth(s) <= columns) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > columns - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export const fileJson = (r: FileResult) => ({
  file: r.path,
  report_id: r.reportId ?? null,
  status: r.outcome,
  stored_status: r.storedStatus ?? null,
  reason: r.reason ?? null,
  pages: r.pages,
  ocr_pages: r.ocrPages,
  ms: r.ms,
});

/** Outcomes listed in the end table, in this order (ok and plain unchanged files are only counted). */
const LISTED = ["failed", "partial", "interrupted", "not_started", "skipped", "duplicate", "unchanged"];

/** The end-of-run table: counts, then every file that was not simply ok, with its reason. */
export function endTable(
  results: readonly FileResult[],
  pathErrors: ReadonlyArray<{ path: string; message: string }>,
): string {
  const order = [
    "ok",
    "partial",
    "skipped",
    "failed",
    "unchanged",
    "duplicate",
    "interrupted",
    "not_started",
  ];
  const count = (o: string): number => results.filter((r) => r.outcome === o).length;
  const out: string[] = [];
  out.push(
    `${results.length} files: ${order
      .map((o) => [o, count(o)] as const)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${n} ${o.replace("_", " ")}`)
      .join(", ")}${pathErrors.length ? `, ${pathErrors.length} unreadable paths` : ""}`,
  );
  const listed = results.filter(
    (r) => r.outcome !== "ok" && (r.outcome !== "unchanged" || (r.storedStatus && r.storedStatus !== "ok")),
  );
  if (listed.length > 0 || pathErrors.length > 0) {
    out.push("");
    out.push(`${"status".padEnd(11)} file — reason`);
    for (const o of LISTED) {
      for (const r of listed.filter((x) => x.outcome === o))
        out.push(printable(`${o.padEnd(11)} ${r.path} — ${r.reason ?? ""}`));
    }
    for (const e of pathErrors) out.push(printable(`${"failed".padEnd(11)} ${e.path} — ${e.message}`));
  }
  return out.join("\n");
}

export function fileLine(r: FileResult): string {
  const pages =
    r.pages > 0
      ? ` (${r.pages} pages${r.ocrPages ? `, ${r.ocrPages} by OCR` : ""}, ${(r.ms / 1000).toFixed(1)} s)`
      : "";
  return printable(`${r.outcome.padEnd(9)} ${r.path}${pages}${r.reason ? `: ${r.reason}` : ""}`);
}
