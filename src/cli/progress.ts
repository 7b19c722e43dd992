/**
 * Batch progress. On a terminal: each finished file is printed as a line of its own (whole — never
 * cut at the terminal's width), and one status line under them shows files and pages done, an ETA
 * and the files being read now. Not on a terminal: one plain line per finished file. With --json:
 * one JSON line per finished file on stdout, for scripts.
 *
 * The ETA counts pages, not files: a page that needs OCR weighs as much as OCR_WEIGHT text pages
 * (measured: ~3.6 s a page by OCR against ~0.03–0.1 s a text page), and a file not yet opened is
 * estimated from its size at the rate of the files seen so far. A batch of one scan among text
 * reports then no longer sits at "23/24, 8 s" for five minutes.
 */
import { statSync } from "node:fs";
import { displayWidth } from "../compare/display-width.js";
import type { PageCounts } from "../ingest/document-protocol.js";
import type { FoundFile } from "../ingest/find-files.js";
import type { FileResult } from "../ingest/ingest.js";
import { printable } from "../text/hygiene.js";

export interface Progress {
  start(files: readonly FoundFile[]): void;
  progress(file: FoundFile, counts: PageCounts): void;
  file(r: FileResult): void;
  /** A line to show above the status line (a notice, the interrupt message). */
  note(line: string): void;
  stop(): void;
}

/** Text pages one OCR page is worth, in time. */
export const OCR_WEIGHT = 30;
/** Bytes per page assumed for a file not yet opened, before any file has been seen. */
const BYTES_PER_PAGE_GUESS = 60_000;

export function createProgress(options: {
  json: boolean;
  tty: boolean;
  quiet?: boolean;
  columns?: () => number;
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
  if (!options.tty) {
    // A log file gets one plain line per finished file.
    return {
      start: () => undefined,
      progress: () => undefined,
      file: (r) => {
        if (!options.quiet || (r.outcome !== "ok" && r.outcome !== "unchanged"))
          process.stderr.write(`${fileLine(r)}\n`);
      },
      note: (line) => process.stderr.write(`${printable(line)}\n`),
      stop: () => undefined,
    };
  }
  return new StatusLine(options.columns ?? (() => process.stderr.columns || 80), options.quiet === true);
}

interface Tracked {
  file: FoundFile;
  bytes: number;
  counts?: PageCounts;
  done: boolean;
  /** Work units of a finished file. */
  units?: number;
}

const unitsOf = (c: PageCounts): number => c.pages - c.pagesNeedingOcr + c.pagesNeedingOcr * OCR_WEIGHT;

class StatusLine implements Progress {
  private readonly tracked = new Map<FoundFile, Tracked>();
  private readonly order: Tracked[] = [];
  private t0 = 0;
  private timer?: NodeJS.Timeout;
  private shown = false;
  private finished = 0;
  private pagesDone = 0;
  private ocrDone = 0;

  constructor(
    private readonly columns: () => number,
    private readonly quiet: boolean,
  ) {}

  start(files: readonly FoundFile[]): void {
    this.t0 = performance.now();
    for (const file of files) {
      let bytes = 0;
      try {
        bytes = statSync(file.fsPath).size;
      } catch {
        bytes = 0;
      }
      const t: Tracked = { file, bytes, done: false };
      this.tracked.set(file, t);
      this.order.push(t);
    }
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
    this.draw();
  }

  progress(file: FoundFile, counts: PageCounts): void {
    const t = this.tracked.get(file);
    if (t && !t.done) t.counts = counts;
    this.draw();
  }

  file(r: FileResult): void {
    const t = this.order.find((x) => x.file.path === r.path && !x.done);
    if (t) {
      t.done = true;
      t.units = t.counts ? unitsOf(t.counts) : 0;
    }
    this.finished++;
    this.pagesDone += r.pages;
    this.ocrDone += r.ocrPages;
    if (!this.quiet || (r.outcome !== "ok" && r.outcome !== "unchanged")) this.above(fileLine(r));
    else this.draw();
  }

  note(line: string): void {
    this.above(printable(line));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  private clear(): void {
    if (this.shown) process.stderr.write("\r\x1b[2K");
    this.shown = false;
  }

  /** Writes a whole line above the status line (the terminal wraps it; nothing is cut). */
  private above(line: string): void {
    this.clear();
    process.stderr.write(`${line}\n`);
    this.draw();
  }

  private draw(): void {
    const line = fitWidth(this.status(), Math.max(20, this.columns() - 1));
    process.stderr.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Files, pages, ETA and the files in progress. */
  private status(): string {
    const total = this.order.length;
    // Work units: known for opened files; estimated from bytes for the rest.
    let knownUnits = 0;
    let knownBytes = 0;
    for (const t of this.order) {
      if (t.counts) {
        knownUnits += unitsOf(t.counts);
        knownBytes += t.bytes;
      }
    }
    const perByte = knownBytes > 0 ? knownUnits / knownBytes : 1 / BYTES_PER_PAGE_GUESS;
    let totalUnits = 0;
    let doneUnits = 0;
    let ocrKnown = 0;
    const now: string[] = [];
    for (const t of this.order) {
      const units = t.units ?? (t.counts ? unitsOf(t.counts) : Math.max(1, t.bytes * perByte));
      totalUnits += units;
      if (t.counts) ocrKnown += t.counts.pagesNeedingOcr;
      if (t.done) doneUnits += units;
      else if (t.counts) {
        // Pages read so far: the text layer is read at once; OCR pages one by one.
        doneUnits += t.counts.pages - t.counts.pagesNeedingOcr + t.counts.ocrPages * OCR_WEIGHT;
        const name = shortName(t.file.path.split("/").pop() ?? t.file.path, NAME_COLUMNS);
        now.push(
          t.counts.pagesNeedingOcr > 0
            ? `${name} (OCR ${t.counts.ocrPages}/${t.counts.pagesNeedingOcr})`
            : `${name} (${t.counts.pages} p.)`,
        );
      }
    }
    const elapsed = (performance.now() - this.t0) / 1000;
    const rate = doneUnits / Math.max(elapsed, 0.001);
    const eta = doneUnits > 0 && elapsed > 2 ? formatSeconds((totalUnits - doneUnits) / rate) : "…";
    const pages = `${this.pagesDone} pages${this.ocrDone || ocrKnown ? ` (${this.ocrDone} by OCR)` : ""}`;
    const text = `${this.finished}/${total} files | ${pages} | ETA ${eta}${now.length ? ` | ${now.join(", ")}` : ""}`;
    // The bar only where there is room for it beside the names.
    if (this.columns() < 110) return text;
    const width = 12;
    const filled = Math.min(width, Math.round((width * doneUnits) / Math.max(totalUnits, 1)));
    return `${"█".repeat(filled)}${"░".repeat(width - filled)} ${text}`;
  }
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return "…";
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Columns a file name may take in the status line (its end is kept: the year and kind are there). */
const NAME_COLUMNS = 20;

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

/** Cuts the status line to the terminal's width (by display width: a CJK character is two columns). */
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
