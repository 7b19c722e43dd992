/** Command implementations behind the CLI (kept apart from argument parsing). */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { rules as checkRules } from "../../pipelines/rules.js";
import type { Finding } from "../../schemas/finding.js";
import { fileIdOf, formIndexOf, Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { checkDatabase } from "../checks/run-checks.js";
import { processFile } from "../cli/load-document.js";
import { ensureOutputDir } from "../export/atomic-output.js";
import { CSV_FILES } from "../export/csv-files.js";
import { csvDocumentation } from "../export/csv-spec.js";
import { exportCsv, parseStoredRecord } from "../export/export-csv.js";
import { jsonNumber } from "../export/json-number.js";
import { findPdfFiles } from "../ingest/find-files.js";
import { ingestFiles } from "../ingest/ingest.js";
import { storeProblem } from "../ingest/store-errors.js";
import { OcrEngines } from "../ocr/engine.js";
import { describeSource } from "../pdf/stages.js";
import { runReport } from "../report/run-report.js";
import { applyCorrections } from "../review/apply-corrections.js";
import { listCorrections } from "../review/corrections-store.js";
import { missingStore, openStore, type Store } from "../store/store.js";
import { printable } from "../text/hygiene.js";
import {
  EXIT_FINDINGS,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_SOME_FAILED,
  EXIT_USAGE,
  UserError,
} from "./errors.js";
import { createProgress, endTable } from "./progress.js";
import { formatReport } from "./show.js";
import { say, verbosity, warn } from "./verbosity.js";

export interface IngestCliOptions {
  db: string;
  force?: boolean;
  password?: string;
  ocr?: "auto" | "always" | "never";
  ocrEngine?: "paddle" | "tesseract" | "both";
  json?: boolean;
  timeout?: number;
  maxPages?: number;
  concurrency?: number;
  ocrWorkers?: number;
  maxImageMegapixels?: number;
  /** Memory one document may use, MB. */
  maxMemory?: number;
}

const noDatabase = (db: string): UserError =>
  new UserError(`${db}: no such database — run \`selfeval ingest\` first, or give --db`);

export async function runIngest(paths: string[], opts: IngestCliOptions): Promise<number> {
  const found = await findPdfFiles(paths);
  for (const e of found.errors)
    process.stderr.write(`selfeval: ${printable(`${e.path}: ${e.message}`)} — check the path\n`);
  if (found.files.length === 0) {
    // Nothing to read: say so, and leave no empty database behind.
    process.stderr.write(
      `selfeval: warning: no PDF files found in ${printable(paths.join(", "))} — nothing was read and no database was created; check the paths (folders are searched for *.pdf files)\n`,
    );
    return EXIT_SOME_FAILED;
  }
  let db: Store;
  try {
    db = await openStore(opts.db);
  } catch (err) {
    const p = storeProblem(err, opts.db);
    throw new UserError(printable(p.line), EXIT_SOME_FAILED, p.code);
  }
  // One OCR pool for the whole batch, created once (workers start lazily) and terminated on exit.
  const ocr = new OcrEngines({ workers: opts.ocrWorkers, engine: opts.ocrEngine });
  const progress = createProgress({
    json: opts.json === true,
    tty: process.stderr.isTTY === true,
    quiet: verbosity() === "quiet",
  });
  for (const n of found.notices) progress.note(`note: ${n}`);
  // First SIGINT/SIGTERM: take no more files, abandon the ones in progress (nothing read only in
  // part is stored), print the summary, exit 130. A second one quits at once.
  const interrupt = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    signals++;
    if (signals === 1) {
      progress.note(
        "interrupted: stopping — files in progress are abandoned, not stored (press Ctrl-C again to quit at once)",
      );
      interrupt.abort();
      return;
    }
    process.stderr.write("\nselfeval: quit at once; files not finished are not stored\n");
    process.exit(EXIT_INTERRUPTED);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const summary = await ingestFiles(db, found, {
      ocrPool: ocr,
      force: opts.force,
      password: opts.password,
      ocr: opts.ocr,
      timeoutMs: opts.timeout ? opts.timeout * 1000 : undefined,
      maxPages: opts.maxPages,
      maxImagePixels: opts.maxImageMegapixels ? Math.round(opts.maxImageMegapixels * 1e6) : undefined,
      maxMemoryMb: opts.maxMemory,
      concurrency: opts.concurrency,
      interrupt: interrupt.signal,
      onStart: (files) => progress.start(files),
      onProgress: (file, counts) => progress.progress(file, counts),
      onFile: (r) => progress.file(r),
    });
    progress.stop();
    if (!opts.json) say(endTable(summary.results, summary.pathErrors));
    if (summary.stoppedBy)
      process.stderr.write(`selfeval: batch stopped: ${printable(summary.stoppedBy.line)}\n`);
    if (summary.interrupted) {
      // Nothing more is stored; OCR still busy on an abandoned page must not hold the exit.
      setTimeout(() => process.exit(EXIT_INTERRUPTED), 2000).unref();
      return EXIT_INTERRUPTED;
    }
    // 1 also when a file was already stored as partial or failed: the database still holds a
    // reading that is not complete.
    const bad =
      summary.stoppedBy !== undefined ||
      summary.results.some(
        (r) =>
          r.outcome === "failed" ||
          r.outcome === "partial" ||
          r.outcome === "not_started" ||
          (r.outcome === "unchanged" && r.storedStatus !== "ok" && r.storedStatus !== "skipped"),
      ) ||
      summary.pathErrors.length > 0;
    return bad ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    progress.stop();
    await ocr.close();
    await db.close();
  }
}

export async function runExport(dbFile: string, outDir: string): Promise<number> {
  if (await missingStore(dbFile)) throw noDatabase(dbFile);
  ensureOutputDir(outDir);
  const db = await openStore(dbFile);
  try {
    const s = await exportCsv(db, outDir);
    for (const w of s.warnings) warn(w);
    say(
      `exported to ${s.dir}: ${Object.entries(s.files)
        .map(([f, n]) => `${f} (${n})`)
        .join(", ")}`,
    );
    return EXIT_OK;
  } finally {
    await db.close();
  }
}

/** A short id prefix as git takes one: 4 hex characters or more, and it must be unique. */
const ID_PREFIX = /^[0-9a-f]{4,64}$/;

/** A stacked project form's own id: the file's SHA-256 and `#N`. */
const FORM_ID = /^[0-9a-f]{64}#[1-9][0-9]*$/;

/**
 * The stored reports a `show` argument names: a full id, a unique prefix, or a stored file. A file
 * (or its id, or a prefix of it) that stacks several project forms names every form, in file order;
 * `<id>#N` names the N-th alone.
 */
async function resolveStored(db: Store, target: string): Promise<string[]> {
  if (existsSync(target) && statSync(target).isFile()) {
    const sha = (await describeSource(target)).source.sha256;
    return sortForms(await db.reportIdsWithPrefix(sha, MAX_FORMS));
  }
  const t = target.toLowerCase();
  if (FORM_ID.test(t)) return (await db.reportExists(t)) ? [t] : [];
  if (!ID_PREFIX.test(t)) return [];
  const ids = await db.reportIdsWithPrefix(t, MAX_FORMS);
  const files = [...new Set(ids.map(fileIdOf))];
  if (files.length > 1)
    throw new UserError(
      `${target}: ${files.length > 3 ? "more than 3" : files.length} stored reports start with this (${files
        .slice(0, 3)
        .map((i) => i.slice(0, 12))
        .join(", ")}…) — give more characters of the id`,
      EXIT_USAGE,
      "ambiguous_id",
    );
  return sortForms(ids);
}

/** Ids looked up at once for one prefix: enough for every form one file stacks. */
const MAX_FORMS = 500;
const sortForms = (ids: string[]): string[] => [...ids].sort((a, b) => formIndexOf(a) - formIndexOf(b));

/** `show REPORT_ID|PREFIX|FILE`: the record with provenance, from the database or extracted on the fly. */
export async function runShow(
  target: string,
  opts: { db: string; json?: boolean; password?: string },
): Promise<number> {
  let reports: Report[] = [];
  const haveDb = !(await missingStore(opts.db));
  if (haveDb) {
    const db = await openStore(opts.db, { readonly: true });
    try {
      const ids = await resolveStored(db, target);
      if (ids.length > 0) {
        const rows = new Map((await db.loadStoredReports()).map((r) => [r.report_id, r]));
        for (const id of ids) {
          const row = rows.get(id);
          if (!row) continue;
          const { record, invalid } = parseStoredRecord(row.record_json);
          if (invalid) throw new UserError(`${row.source_path}: ${invalid}`);
          if (!record)
            throw new UserError(
              `${row.source_path}: stored as ${row.status}${row.error ? ` (${row.error})` : ""}, so there is nothing to show — fix the file and ingest it again`,
            );
          // As every command sees it: the auditors' corrections applied over the reading.
          reports.push(applyCorrections(record, await listCorrections(db, id)).report);
        }
      }
    } finally {
      await db.close();
    }
  }
  if (reports.length === 0) {
    if (!existsSync(target)) {
      throw new UserError(
        (ID_PREFIX.test(target.toLowerCase()) || FORM_ID.test(target.toLowerCase())) && haveDb
          ? `${target}: no stored report id starts with this — \`selfeval compare\` lists the ids in ${opts.db}`
          : `${target}: not a file${haveDb ? ` and not a report id in ${opts.db}` : `, and there is no database at ${opts.db} to look an id up in`} — give a PDF, a report id, or --db`,
        EXIT_SOME_FAILED,
        "not_found",
      );
    }
    const { ingestStages } = await import("../../pipelines/ingest.js");
    const { defaultContext } = await import("./load-document.js");
    const result = await processFile(target, ingestStages, defaultContext({ password: opts.password }));
    if (!result.record) {
      const f = result.failure!;
      throw new UserError(`${target}: ${f.message} — ${f.hint}`, EXIT_SOME_FAILED, f.code);
    }
    reports = [result.record as Report, ...((result.forms ?? []) as Report[])];
  }
  // One report: its record (an object in --json); a file's stacked forms: each in turn (an array).
  process.stdout.write(
    opts.json
      ? `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`
      : `${reports.map(formatReport).join("\n\n")}\n`,
  );
  return EXIT_OK;
}

/** `schema`: the JSON Schema of the record, or (`--csv`) the documentation of every CSV file. */
export function runSchema(opts: { csv?: boolean } = {}): number {
  process.stdout.write(
    opts.csv
      ? csvDocumentation(CSV_FILES)
      : `${JSON.stringify(z.toJSONSchema(Report, { io: "output" }), null, 2)}\n`,
  );
  return EXIT_OK;
}

export interface CheckCliOptions {
  db: string;
  aliases?: string;
  failOn?: "error" | "warning" | "none";
  json?: boolean;
}

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** A finding for scripts: decimals as JSON numbers, the file it is about named. */
export function findingJson(f: Finding, files: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    rule: f.rule,
    scope: f.scope,
    severity: f.severity,
    report_id: f.report_id,
    source_file: f.source_file ?? files.get(f.report_id) ?? null,
    other_report_id: f.other_report_id ?? null,
    reference_report_id: f.reference_report_id ?? null,
    department: f.department ?? null,
    fiscal_year: f.fiscal_year ?? null,
    field: f.field,
    stated: jsonNumber(f.stated),
    expected: jsonNumber(f.expected),
    difference: jsonNumber(f.difference),
    tolerance: jsonNumber(f.tolerance),
    page: f.page ?? null,
    other_page: f.other_page ?? null,
    message: f.message,
    evidence: f.evidence,
  };
}

/** Runs the checks and stores the findings; returns them with the file name of each report. */
async function checkFindings(
  opts: CheckCliOptions,
): Promise<{ findings: Finding[]; files: Map<string, string> }> {
  if (await missingStore(opts.db)) throw noDatabase(opts.db);
  let identity: DepartmentIdentity;
  try {
    identity = DepartmentIdentity.fromFile(opts.aliases);
  } catch (err) {
    throw new UserError((err as Error).message, EXIT_USAGE);
  }
  const db = await openStore(opts.db);
  try {
    const findings = await checkDatabase(db, {
      rules: checkRules,
      identity,
      warn: (line) => process.stderr.write(`selfeval: ${line}\n`),
    });
    const files = new Map((await db.loadStoredReports()).map((r) => [r.report_id, r.source_file]));
    return { findings, files };
  } finally {
    await db.close();
  }
}

/** Whether any finding is at or above the --fail-on severity. */
export const failsOn = (findings: readonly Finding[], failOn: CheckCliOptions["failOn"] = "error"): boolean =>
  failOn !== "none" && findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]);

export async function runCheck(opts: CheckCliOptions): Promise<number> {
  const { findings, files } = await checkFindings(opts);
  const by = (sev: string): number => findings.filter((f) => f.severity === sev).length;
  const rules = new Map<string, number>();
  for (const f of findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  if (opts.json) {
    const out = {
      summary: {
        findings: findings.length,
        error: by("error"),
        warning: by("warning"),
        info: by("info"),
        rules: Object.fromEntries(rules),
      },
      findings: findings.map((f) => findingJson(f, files)),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${findings.length} findings: ${by("error")} errors, ${by("warning")} warnings, ${by("info")} info\n`,
    );
    if (verbosity() !== "quiet") {
      if (rules.size)
        process.stdout.write(`${[...rules.entries()].map(([r, k]) => `  ${r}: ${k}`).join("\n")}\n`);
      const shown = findings.filter((x) => verbosity() === "verbose" || x.severity !== "info");
      for (const f of shown) {
        process.stdout.write(
          `${f.severity.padEnd(7)} ${f.source_file ?? files.get(f.report_id) ?? f.report_id.slice(0, 12)} p.${f.page ?? "?"} ${f.department ?? "?"} ${f.fiscal_year ?? "?"} ${f.rule} ${f.field}: ${f.message}\n`,
        );
      }
    }
  }
  return failsOn(findings, opts.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * `selfeval run PATHS --out DIR`: the main job in one go — ingest into DIR/selfeval.db, check,
 * export the CSVs into DIR, and write DIR/report.html. The exit status is ingest's (1 when some
 * files failed or were partial), or 1 for findings at --fail-on, after every step has run.
 */
export async function runAll(
  paths: string[],
  opts: Omit<IngestCliOptions, "db"> & { out: string; aliases?: string; failOn?: CheckCliOptions["failOn"] },
): Promise<number> {
  // Before anything is read or created: an --out that is a file is a usage error, not a crash.
  ensureOutputDir(opts.out);
  const db = path.join(opts.out, "selfeval.db");
  const status = await runIngest(paths, { ...opts, db });
  // Nothing was found to read (no database made), or the batch was interrupted: stop here.
  if ((await missingStore(db)) || status === EXIT_INTERRUPTED) return status;
  const { findings } = await checkFindings({ db, aliases: opts.aliases });
  const by = (sev: string): number => findings.filter((f) => f.severity === sev).length;
  say(`${findings.length} findings: ${by("error")} errors, ${by("warning")} warnings, ${by("info")} info`);
  await runExport(db, opts.out);
  await runReport({ db, out: path.join(opts.out, "report.html") });
  return status !== EXIT_OK ? status : failsOn(findings, opts.failOn ?? "none") ? EXIT_FINDINGS : EXIT_OK;
}
