/** Command implementations behind the CLI (kept apart from argument parsing). */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { rules as checkRules } from "../../pipelines/rules.js";
import { Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { checkDatabase } from "../checks/run-checks.js";
import { processFile } from "../cli/load-document.js";
import { exportCsv } from "../export/export-csv.js";
import { ingest } from "../ingest/ingest.js";
import { OcrPool } from "../ocr/tesseract-pool.js";
import { describeSource } from "../pdf/stages.js";
import { ReaderPool } from "../pdf/worker-pool.js";
import { runReport } from "../report/run-report.js";
import { missingStore, openStore, type Store } from "../store/store.js";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UserError } from "./errors.js";
import { createProgress, endTable } from "./progress.js";
import { formatReport } from "./show.js";

export interface IngestCliOptions {
  db: string;
  force?: boolean;
  password?: string;
  ocr?: "auto" | "always" | "never";
  json?: boolean;
  timeout?: number;
  maxPages?: number;
  concurrency?: number;
  ocrWorkers?: number;
  maxImageMegapixels?: number;
}

export async function runIngest(paths: string[], opts: IngestCliOptions): Promise<number> {
  const db = await openStore(opts.db);
  // One OCR pool and one set of reader threads for the whole batch, created once (workers start
  // lazily) and terminated on exit.
  const ocr = new OcrPool({ workers: opts.ocrWorkers });
  const readers = new ReaderPool(opts.concurrency ?? os.availableParallelism());
  const stop = (): void => {
    void ocr.close();
    void readers.close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const progress = createProgress({ json: opts.json === true, tty: process.stderr.isTTY === true });
  try {
    const summary = await ingest(db, paths, {
      services: { ocr, readers },
      force: opts.force,
      password: opts.password,
      ocr: opts.ocr,
      timeoutMs: opts.timeout ? opts.timeout * 1000 : undefined,
      maxPages: opts.maxPages,
      maxImagePixels: opts.maxImageMegapixels ? Math.round(opts.maxImageMegapixels * 1e6) : undefined,
      concurrency: opts.concurrency,
      onStart: (total) => progress.start(total),
      onFile: (r) => progress.file(r),
    });
    progress.stop();
    for (const e of summary.pathErrors)
      process.stderr.write(`selfeval: ${e.path}: ${e.message} — check the path\n`);
    if (!opts.json) process.stderr.write(`${endTable(summary.results, summary.pathErrors)}\n`);
    const bad =
      summary.results.some((r) => r.outcome === "failed" || r.outcome === "partial") ||
      summary.pathErrors.length > 0;
    return bad ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await ocr.close();
    await readers.close();
    await db.close();
  }
}

export async function runExport(dbFile: string, outDir: string): Promise<number> {
  if (await missingStore(dbFile))
    throw new UserError(`${dbFile}: no such database — run \`selfeval ingest\` first`);
  const db = await openStore(dbFile);
  try {
    const s = await exportCsv(db, outDir);
    process.stderr.write(
      `exported to ${s.dir}: ${Object.entries(s.files)
        .map(([f, n]) => `${f} (${n})`)
        .join(", ")}\n`,
    );
    return EXIT_OK;
  } finally {
    await db.close();
  }
}

/** `show REPORT_ID|FILE`: the record with provenance, from the database or extracted on the fly. */
export async function runShow(
  target: string,
  opts: { db: string; json?: boolean; password?: string },
): Promise<number> {
  let report: Report | undefined;
  let db: Store | undefined;
  try {
    if (!(await missingStore(opts.db))) {
      db = await openStore(opts.db);
      const id = /^[0-9a-f]{64}$/.test(target)
        ? target
        : existsSync(target)
          ? (await describeSource(target)).source.sha256
          : target;
      report = await db.loadReport(id);
      if (!report && /^[0-9a-f]{6,63}$/.test(target)) {
        const ids = await db.reportIdsWithPrefix(target, 2);
        if (ids.length === 1) report = await db.loadReport(ids[0]!);
      }
    }
  } finally {
    await db?.close();
  }
  if (!report) {
    if (!existsSync(target)) throw new UserError(`${target}: not a stored report id and not a file`);
    const { ingestStages } = await import("../../pipelines/ingest.js");
    const { defaultContext } = await import("./load-document.js");
    const result = await processFile(target, ingestStages, defaultContext({ password: opts.password }));
    if (!result.record) {
      const f = result.failure!;
      throw new UserError(`${target}: ${f.message} — ${f.hint}`, EXIT_SOME_FAILED, f.code);
    }
    report = result.record as Report;
  }
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return EXIT_OK;
}

export function runSchema(): number {
  process.stdout.write(`${JSON.stringify(z.toJSONSchema(Report, { io: "output" }), null, 2)}\n`);
  return EXIT_OK;
}

export async function runCheck(opts: { db: string; aliases?: string; quiet?: boolean }): Promise<number> {
  if (await missingStore(opts.db))
    throw new UserError(`${opts.db}: no such database — run \`selfeval ingest\` first`);
  let identity: DepartmentIdentity;
  try {
    identity = DepartmentIdentity.fromFile(opts.aliases);
  } catch (err) {
    throw new UserError((err as Error).message, EXIT_USAGE);
  }
  const db = await openStore(opts.db);
  try {
    const findings = await checkDatabase(db, { rules: checkRules, identity });
    const by = (sev: string): number => findings.filter((f) => f.severity === sev).length;
    process.stdout.write(
      `${findings.length} findings: ${by("error")} errors, ${by("warning")} warnings, ${by("info")} info\n`,
    );
    const rules = new Map<string, number>();
    for (const f of findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    process.stdout.write(`${[...rules.entries()].map(([r, k]) => `  ${r}: ${k}`).join("\n")}\n`);
    if (!opts.quiet) {
      for (const f of findings.filter((x) => x.severity !== "info")) {
        process.stdout.write(
          `${f.severity.padEnd(7)} ${f.source_file ?? "?"} p.${f.page ?? "?"} ${f.department ?? "?"} ${f.fiscal_year ?? "?"} ${f.rule} ${f.field}: ${f.message}\n`,
        );
      }
    }
    return EXIT_OK;
  } finally {
    await db.close();
  }
}

/**
 * `selfeval run PATHS --out DIR`: the main job in one go — ingest into DIR/selfeval.db, check,
 * export the CSVs into DIR, and write DIR/report.html. The exit status is ingest's (1 when some
 * files failed or were partial), after every step has run.
 */
export async function runAll(
  paths: string[],
  opts: IngestCliOptions & { out: string; aliases?: string },
): Promise<number> {
  const status = await runIngest(paths, opts);
  await runCheck({ db: opts.db, aliases: opts.aliases, quiet: true });
  await runExport(opts.db, opts.out);
  await runReport({ db: opts.db, out: path.join(opts.out, "report.html") });
  return status;
}
