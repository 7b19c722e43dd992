/**
 * Batch progress: a bar with files, pages, OCR pages and ETA on a terminal; nothing but the final
 * table otherwise (or one JSON line per finished file with --json, for scripts).
 */
import cliProgress from "cli-progress";
import type { FileResult } from "../ingest/ingest.js";

export interface Progress {
  start(total: number): void;
  file(r: FileResult): void;
  stop(): void;
}

export function createProgress(options: { json: boolean; tty: boolean }): Progress {
  if (options.json) {
    return {
      start: () => undefined,
      file: (r) => process.stdout.write(`${JSON.stringify(fileJson(r))}\n`),
      stop: () => undefined,
    };
  }
  if (!options.tty) {
    // A log file gets one plain line per finished file.
    return {
      start: () => undefined,
      file: (r) => process.stderr.write(`${fileLine(r)}\n`),
      stop: () => undefined,
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      format: "{bar} {value}/{total} files | {pages} pages | {ocr} by OCR | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let pages = 0;
  let ocr = 0;
  return {
    start(total) {
      bar = multi.create(total, 0, { pages, ocr });
    },
    file(r) {
      pages += r.pages;
      ocr += r.ocrPages;
      // Problems are shown as they happen, above the bar.
      if (r.outcome === "failed" || r.outcome === "partial")
        multi.log(`${r.outcome.padEnd(8)} ${r.path}: ${r.reason ?? ""}\n`);
      bar?.increment(1, { pages, ocr });
    },
    stop() {
      multi.stop();
    },
  };
}

export const fileJson = (r: FileResult) => ({
  file: r.path,
  report_id: r.reportId ?? null,
  status: r.outcome,
  reason: r.reason ?? null,
  pages: r.pages,
  ocr_pages: r.ocrPages,
  ms: r.ms,
});

/** The end-of-run table: counts, then every file that was not simply ok, with its reason. */
export function endTable(
  results: readonly FileResult[],
  pathErrors: ReadonlyArray<{ path: string; message: string }>,
): string {
  const order = ["ok", "partial", "skipped", "failed", "unchanged", "duplicate"];
  const count = (o: string): number => results.filter((r) => r.outcome === o).length;
  const out: string[] = [];
  out.push(
    `${results.length} files: ${order
      .map((o) => [o, count(o)] as const)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${n} ${o}`)
      .join(", ")}${pathErrors.length ? `, ${pathErrors.length} unreadable paths` : ""}`,
  );
  const notOk = results.filter((r) => r.outcome !== "ok" && r.outcome !== "unchanged");
  if (notOk.length > 0 || pathErrors.length > 0) {
    out.push("");
    out.push(`${"status".padEnd(10)} file — reason`);
    for (const o of ["failed", "partial", "skipped", "duplicate"]) {
      for (const r of notOk.filter((x) => x.outcome === o))
        out.push(`${o.padEnd(10)} ${r.path} — ${r.reason ?? ""}`);
    }
    for (const e of pathErrors) out.push(`${"failed".padEnd(10)} ${e.path} — ${e.message}`);
  }
  return out.join("\n");
}

export function fileLine(r: FileResult): string {
  const pages =
    r.pages > 0
      ? ` (${r.pages} pages${r.ocrPages ? `, ${r.ocrPages} by OCR` : ""}, ${(r.ms / 1000).toFixed(1)} s)`
      : "";
  return `${r.outcome.padEnd(9)} ${r.path}${pages}${r.reason ? `: ${r.reason}` : ""}`;
}
