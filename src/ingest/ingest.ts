/**
 * Ingest: files → reports in the store. Each file is identified by the SHA-256 of its bytes: a
 * file already stored is a no-op (its path is recorded), `force` re-extracts and replaces it in one
 * transaction. A bad file gets one line saying what is wrong and what to do; the batch goes on.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import { ingestStages } from "../../pipelines/ingest.js";
import type { Report } from "../../schemas/report.js";
import { defaultContext, processFile } from "../cli/load-document.js";
import type { DocumentStatus } from "../pipeline/extraction-result.js";
import type { StageContext } from "../pipeline/stage.js";
import type { Store } from "../store/store.js";
import { VERSION } from "../version.js";
import { findPdfFiles } from "./find-files.js";

export type FileOutcome = DocumentStatus | "unchanged" | "duplicate";

export interface FileResult {
  path: string;
  reportId?: string;
  outcome: FileOutcome;
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
  services?: Record<string, unknown>;
  onFile?: (r: FileResult) => void;
  onStart?: (total: number) => void;
}

export interface IngestSummary {
  results: FileResult[];
  pathErrors: Array<{ path: string; message: string }>;
}

export async function ingest(
  db: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { files, errors } = await findPdfFiles(inputs);
  options.onStart?.(files.length);
  const results: FileResult[] = [];
  const inFlight = new Map<string, Promise<void>>();
  const queue = new PQueue({ concurrency: options.concurrency ?? os.availableParallelism() });
  const done = (r: FileResult): void => {
    results.push(r);
    options.onFile?.(r);
  };
  const quick = (file: string, outcome: FileOutcome, reason: string, reportId?: string): FileResult => ({
    path: file,
    reportId,
    outcome,
    reason,
    pages: 0,
    ocrPages: 0,
    ms: 0,
  });
  // Files claim their report id in the order given, so when the same bytes appear twice the first
  // path is the report's and later ones are its duplicates, whichever finishes reading first.
  let turn: Promise<void> = Promise.resolve();
  for (const file of files) {
    const myTurn = turn;
    let next!: () => void;
    turn = new Promise<void>((r) => {
      next = r;
    });
    void queue.add(async () => {
      const t0 = performance.now();
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        await myTurn;
        next();
        done(
          quick(
            file,
            "failed",
            `cannot read the file (${(err as NodeJS.ErrnoException).code ?? err}) — check permissions`,
          ),
        );
        return;
      }
      const id = createHash("sha256").update(bytes).digest("hex");
      await myTurn;
      const pending = inFlight.get(id);
      let release = (): void => undefined;
      if (!pending) inFlight.set(id, new Promise<void>((r) => (release = r)));
      next();
      if (pending) {
        // The same bytes twice in one batch: wait for the first, then record this path.
        await pending;
        await db.addSourcePath(id, file);
        done(
          quick(
            file,
            "duplicate",
            "same bytes as another file in this batch; recorded as another path of that report",
            id,
          ),
        );
        return;
      }
      try {
        const existing = await db.reportExists(id);
        // A report stored by another version of selfeval is extracted again: an upgrade must not leave
        // old readings in place (the same file under the same version stays a no-op).
        if (existing && !options.force && existing.status !== "failed" && existing.extractor === VERSION) {
          await db.addSourcePath(id, file);
          done(quick(file, "unchanged", "already in the database (use --force to re-extract)", id));
          return;
        }
        done(await ingestOne(db, file, bytes.length, options, t0));
      } finally {
        release();
      }
    });
  }
  await queue.onIdle();
  return { results, pathErrors: errors };
}

async function ingestOne(
  db: Store,
  file: string,
  size: number,
  options: IngestOptions,
  t0: number,
): Promise<FileResult> {
  const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
  const ctx = defaultContext({
    password: options.password,
    ocr: options.ocr ?? "auto",
    maxPages: options.maxPages ?? 2000,
    maxImagePixels: options.maxImagePixels ?? 100_000_000,
    services: options.services ?? {},
    signal,
  });
  const result = await processFile(file, ingestStages, ctx);
  const ms = Math.round(performance.now() - t0);
  const pages = result.pages.length;
  const ocrPages = result.pages.filter((p) => p.source === "ocr").length;
  const record = result.record as Report | undefined;
  if (result.status === "failed" || !record) {
    const f = result.failure ?? { code: "failed", message: "no record was produced", hint: "" };
    if (result.source.sha256) {
      await db.saveFailure({
        reportId: result.source.sha256,
        sourcePath: file,
        fileName: path.basename(file),
        size,
        status: result.status === "skipped" ? "skipped" : "failed",
        error: `${f.message}${f.hint ? ` — ${f.hint}` : ""}`,
      });
    }
    return {
      path: file,
      reportId: result.source.sha256 || undefined,
      outcome: result.status === "skipped" ? "skipped" : "failed",
      reason: `${f.message}${f.hint ? ` — ${f.hint}` : ""}`,
      pages,
      ocrPages,
      ms,
    };
  }
  if (result.status === "skipped") {
    await db.saveFailure({
      reportId: record.report_id,
      sourcePath: file,
      fileName: path.basename(file),
      size,
      status: "skipped",
      error: record.error ?? "skipped",
    });
    return {
      path: file,
      reportId: record.report_id,
      outcome: "skipped",
      reason: `${record.error} — nothing to do if the file is not a 绩效自评报告`,
      pages,
      ocrPages,
      ms,
    };
  }
  await db.saveReport(record, size);
  return {
    path: file,
    reportId: record.report_id,
    outcome: record.status,
    reason: record.status === "partial" ? record.error : undefined,
    pages,
    ocrPages,
    ms,
  };
}
