/**
 * Ingest: files → reports in the store. Each file is identified by the SHA-256 of its bytes: a
 * file already stored is a no-op (its path is recorded), `force` re-extracts and replaces it in one
 * transaction. A bad file gets one line saying what is wrong and what to do; the batch goes on.
 *
 * Every document runs in a document worker process (document-pool.ts), stopped at its deadline or
 * when it exhausts its memory. An interrupt stops taking files and abandons the documents in
 * progress: nothing read only in part is ever stored. A store error fails its file; a full disk
 * stops the batch with what was stored so far intact.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import type { Report } from "../../schemas/report.js";
import { OcrEngines } from "../ocr/engine.js";
import { DEFAULT_MAX_IMAGE_PIXELS } from "../pdf/open-document.js";
import { MAX_FILE_BYTES } from "../pdf/stages.js";
import type { DocumentStatus, FailureInfo } from "../pipeline/extraction-result.js";
import type { StageContext } from "../pipeline/stage.js";
import type { FailedFile, Store } from "../store/store.js";
import { VERSION } from "../version.js";
import { DocumentPool } from "./document-pool.js";
import type { DocumentOutcome, PageCounts } from "./document-protocol.js";
import { type FoundFile, findPdfFiles, type PathProblem } from "./find-files.js";
import { rerunReason } from "./rerun.js";
import { type StoreProblem, storeProblem } from "./store-errors.js";

export type FileOutcome = DocumentStatus | "unchanged" | "duplicate" | "interrupted" | "not_started";

export interface FileResult {
  /** The path as shown (non-UTF-8 bytes escaped) and as recorded. */
  path: string;
  reportId?: string;
  outcome: FileOutcome;
  /** For `unchanged`: the status of the report already stored. */
  storedStatus?: string;
  /** One line: what is wrong and what to do (for failed / skipped / partial). */
  reason?: string;
  pages: number;
  ocrPages: number;
  ms: number;
}

export interface IngestOptions {
  force?: boolean;
  password?: string;
  concurrency?: number;
  ocr?: StageContext["ocr"];
  /** Per-document timeout in milliseconds. */
  timeoutMs?: number;
  maxPages?: number;
  maxImagePixels?: number;
  /** Memory each document process may use (MB). */
  maxMemoryMb?: number;
  /** The batch's OCR pool (made here, and closed at the end, when not given). */
  ocrPool?: OcrEngines;
  /** Aborted on SIGINT/SIGTERM: no new file is taken, documents in progress are abandoned. */
  interrupt?: AbortSignal;
  onFile?: (r: FileResult) => void;
  onStart?: (files: readonly FoundFile[]) => void;
  /** A document was taken by a thread, or has read more of its pages. */
  onProgress?: (file: FoundFile, counts: PageCounts) => void;
}

export interface IngestSummary {
  results: FileResult[];
  pathErrors: PathProblem[];
  /** Notes on the search that are not errors (a folder link looping back), one line each. */
  notices: string[];
  /** Set when the batch was interrupted (SIGINT/SIGTERM). */
  interrupted: boolean;
  /** Set when the store failed in a way that stopped the batch (a full disk). */
  stoppedBy?: StoreProblem;
}

/** Default memory cap of one document (its process's resident memory), MB. */
type Stored<T> = { ok: true; value: T } | { ok: false; line: string };

export const DEFAULT_MAX_MEMORY_MB = 768;

/** Finds the PDF files under `inputs` and ingests them (see ingestFiles). */
export async function ingest(
  db: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return ingestFiles(db, await findPdfFiles(inputs), options);
}

export async function ingestFiles(
  db: Store,
  found: { files: FoundFile[]; errors: PathProblem[]; notices: string[] },
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { files } = found;
  options.onStart?.(files);
  const results: FileResult[] = [];
  const summary: IngestSummary = {
    results,
    pathErrors: found.errors,
    notices: found.notices,
    interrupted: false,
  };
  const concurrency = options.concurrency ?? os.availableParallelism();
  const ocrPool = options.ocrPool ?? new OcrEngines();
  const pool = new DocumentPool({
    size: concurrency,
    maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
    services: { ocr: ocrPool },
  });
  const queue = new PQueue({ concurrency });
  const started = new Set<FoundFile>();
  const finished = new Set<FoundFile>();
  const done = (file: FoundFile, r: FileResult): void => {
    finished.add(file);
    results.push(r);
    options.onFile?.(r);
  };
  const quick = (
    file: FoundFile,
    outcome: FileOutcome,
    reason: string,
    reportId?: string,
    storedStatus?: string,
  ): FileResult => ({
    path: file.path,
    reportId,
    outcome,
    reason,
    storedStatus,
    pages: 0,
    ocrPages: 0,
    ms: 0,
  });
  const stopBatch = (): void => {
    queue.clear();
    pool.abandonAll();
  };
  const onInterrupt = (): void => {
    summary.interrupted = true;
    stopBatch();
  };
  if (options.interrupt?.aborted) onInterrupt();
  options.interrupt?.addEventListener("abort", onInterrupt, { once: true });
  /** A store call: an error fails this file; a full disk also stops the batch. */
  const store = async <T>(fn: () => Promise<T>): Promise<Stored<T>> => {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      const p = storeProblem(err, db.location);
      if (p.stopsBatch && !summary.stoppedBy) {
        summary.stoppedBy = p;
        stopBatch();
      }
      return { ok: false, line: `not stored: ${p.line}` };
    }
  };
  const context = {
    password: options.password,
    ocr: options.ocr ?? "auto",
    maxPages: options.maxPages ?? 2000,
    maxImagePixels: options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
  } satisfies Omit<StageContext, "services" | "signal">;

  // Files claim their report id in the order given, so when the same bytes appear twice the first
  // path is the report's and later ones are its duplicates, whichever finishes reading first.
  const inFlight = new Map<string, Promise<void>>();
  let turn: Promise<void> = Promise.resolve();
  for (const file of files) {
    const myTurn = turn;
    let next!: () => void;
    turn = new Promise<void>((r) => {
      next = r;
    });
    void queue.add(async () => {
      started.add(file);
      const t0 = performance.now();
      let bytes: Buffer;
      try {
        const st = await stat(file.fsPath);
        if (st.size > MAX_FILE_BYTES)
          throw Object.assign(new Error("too large"), { code: "EFBIG", size: st.size });
        bytes = await readFile(file.fsPath);
      } catch (err) {
        await myTurn;
        next();
        done(file, quick(file, "failed", readErrorLine(err as NodeJS.ErrnoException & { size?: number })));
        return;
      }
      const id = createHash("sha256").update(bytes).digest("hex");
      await myTurn;
      const pending = inFlight.get(id);
      let release = (): void => undefined;
      if (!pending) inFlight.set(id, new Promise<void>((r) => (release = r)));
      next();
      try {
        if (pending) {
          // The same bytes twice in one batch: wait for the first, then record this path.
          await pending;
          if (summary.interrupted || summary.stoppedBy) return;
          const s = await store(() => db.addSourcePath(id, file.realPath));
          done(
            file,
            s.ok
              ? quick(
                  file,
                  "duplicate",
                  "same bytes as another file in this batch; recorded as another path of that report",
                  id,
                )
              : quick(file, "failed", s.line, id),
          );
          return;
        }
        const existing = await store(() => db.reportExists(id));
        if (!existing.ok) return done(file, quick(file, "failed", existing.line, id));
        const stored = existing.value;
        // A report stored by another version of selfeval is extracted again: an upgrade must not
        // leave old readings in place. So is one stored partial for a reason a rerun can fix.
        if (stored && !options.force && stored.status !== "failed" && stored.extractor === VERSION) {
          const record =
            stored.status === "partial" ? await store(() => db.loadReport(id)) : { ok: true as const };
          const again =
            record.ok && "value" in record
              ? rerunReason(record.value as Report | undefined, context.ocr)
              : undefined;
          if (!again) {
            const s = await store(() => db.addSourcePath(id, file.realPath));
            if (!s.ok) return done(file, quick(file, "failed", s.line, id));
            const note =
              stored.status === "ok"
                ? "already in the database (use --force to re-extract)"
                : `already in the database as ${stored.status} (use --force to re-extract)`;
            return done(file, quick(file, "unchanged", note, id, stored.status));
          }
        }
        if (summary.interrupted || summary.stoppedBy) return;
        const source = {
          path: file.realPath,
          fileName: path.basename(file.realPath),
          size: bytes.length,
          sha256: id,
        };
        const outcome = await pool.run(source, bytes, context, {
          timeoutMs: options.timeoutMs,
          onProgress: (c) => options.onProgress?.(file, c),
        });
        options.onProgress?.(file, { pages: 0, ocrPages: 0, pagesNeedingOcr: 0, ...pageCountsOf(outcome) });
        const ms = Math.round(performance.now() - t0);
        if ("stopped" in outcome) {
          if (outcome.stopped === "interrupted") {
            done(file, { ...quick(file, "interrupted", "not read: the batch was interrupted"), ms });
            return;
          }
          const s = await store(() =>
            db.saveFailure(failedRow(file.realPath, id, bytes.length, "failed", outcome.failure)),
          );
          done(file, {
            ...quick(file, "failed", s.ok ? failureLine(outcome.failure) : s.line, id),
            ms,
          });
          return;
        }
        done(file, await storeOutcome(db, file, id, bytes.length, outcome, ms, store));
      } finally {
        release();
      }
    });
  }
  try {
    await queue.onIdle();
  } finally {
    options.interrupt?.removeEventListener("abort", onInterrupt);
    await pool.close();
    if (!options.ocrPool) await ocrPool.close();
  }
  // Files never started (interrupt, full disk) are listed, so the summary accounts for every file.
  for (const f of files) {
    if (finished.has(f)) continue;
    results.push(
      quick(
        f,
        started.has(f) && !summary.stoppedBy ? "interrupted" : "not_started",
        summary.stoppedBy ? "not read: the batch stopped (see above)" : "not read: the batch was interrupted",
      ),
    );
  }
  return summary;
}

function pageCountsOf(o: DocumentOutcome | { stopped: string }): Partial<PageCounts> {
  return "stopped" in o ? {} : { pages: o.pages, ocrPages: o.ocrPages, pagesNeedingOcr: o.pagesNeedingOcr };
}

async function storeOutcome(
  db: Store,
  file: FoundFile,
  id: string,
  size: number,
  result: DocumentOutcome,
  ms: number,
  store: <T>(fn: () => Promise<T>) => Promise<Stored<T>>,
): Promise<FileResult> {
  const base = { path: file.path, reportId: id, pages: result.pages, ocrPages: result.ocrPages, ms };
  const record = result.record as Report | undefined;
  if (result.status === "failed" || !record) {
    const f = result.failure ?? { code: "failed", message: "no record was produced", hint: "" };
    const status = result.status === "skipped" ? "skipped" : "failed";
    const s = await store(() => db.saveFailure(failedRow(file.realPath, id, size, status, f)));
    return { ...base, outcome: s.ok ? status : "failed", reason: s.ok ? failureLine(f) : s.line };
  }
  if (result.status === "skipped") {
    const s = await store(() =>
      db.saveFailure(
        failedRow(file.realPath, id, size, "skipped", {
          code: "not_a_report",
          message: record.error ?? "skipped",
          hint: "",
        }),
      ),
    );
    return s.ok
      ? {
          ...base,
          outcome: "skipped",
          reason: `${record.error} — nothing to do if the file is not a 绩效自评报告`,
        }
      : { ...base, outcome: "failed", reason: s.line };
  }
  // A file stacking project forms is one report per form, all written in one transaction.
  const forms = (result.forms ?? []) as Report[];
  const s = await store(() =>
    forms.length === 0
      ? db.saveReport(record, size)
      : db.transaction(async (tx) => {
          await tx.saveReport(record, size);
          for (const f of forms) await tx.saveReport(f, size);
        }),
  );
  if (!s.ok) return { ...base, outcome: "failed", reason: s.line };
  const partial = [record, ...forms].find((r) => r.status === "partial");
  return {
    ...base,
    outcome: partial ? "partial" : record.status,
    reason: partial
      ? `${forms.length > 0 ? `form ${partial.form_index ?? 1} of ${forms.length + 1}: ` : ""}${partial.error}`
      : undefined,
  };
}

function failedRow(
  sourcePath: string,
  reportId: string,
  size: number,
  status: "failed" | "skipped",
  f: FailureInfo,
): FailedFile {
  return {
    reportId,
    sourcePath,
    fileName: path.basename(sourcePath),
    size,
    status,
    error: failureLine(f),
  };
}

export const failureLine = (f: FailureInfo): string => `${f.message}${f.hint ? ` — ${f.hint}` : ""}`;

function readErrorLine(err: NodeJS.ErrnoException & { size?: number }): string {
  switch (err.code) {
    case "ENOENT":
      return "file not found (moved or deleted while the batch ran?) — check the path";
    case "EACCES":
    case "EPERM":
      return "permission denied — make the file readable (chmod) or run as a user who can read it";
    case "EISDIR":
      return "is a folder, not a file";
    case "EFBIG":
      return `file is ${Math.round((err.size ?? 0) / 1e6)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit — split it if it is genuine`;
    default:
      return `cannot read the file (${err.code ?? err.message}) — check the disk and permissions`;
  }
}
