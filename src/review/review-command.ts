/**
 * `selfeval review` and `selfeval correct`: the values to verify first, and the auditor's
 * corrections — one at a time on the command line or many from a CSV filled in Excel — recorded
 * with who, when and why, after which the checks run again over the corrected values.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { rules as checkRules } from "../../pipelines/rules.js";
import type { Correction } from "../../schemas/correction.js";
import type { Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { checkReports, checkStore } from "../checks/run-checks.js";
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, UserError } from "../cli/errors.js";
import { missingStore, openStore, type Store } from "../store/store.js";
import { inForce } from "./apply-corrections.js";
import { parseCorrectionValue } from "./correction-value.js";
import { parseCorrectionsCsv, reviewCsv } from "./corrections-csv.js";
import { addCorrections, listCorrections } from "./corrections-store.js";
import { fieldTargets, normalizePath, resolveField } from "./field-path.js";
import { loadReadings, parseRecord } from "./readings.js";
import { LOW_OCR_CONFIDENCE, type ReviewItem, reviewItems } from "./review-list.js";

async function openExisting(db: string): Promise<Store> {
  if (await missingStore(db)) throw new UserError(`${db}: no such database — run \`selfeval ingest\` first`);
  return openStore(db);
}

function identityFrom(aliases: string | undefined): DepartmentIdentity {
  try {
    return DepartmentIdentity.fromFile(aliases);
  } catch (err) {
    throw new UserError((err as Error).message, EXIT_USAGE);
  }
}

/** Who records a correction: --by, SELFEVAL_USER, or the login name. */
export function whoAmI(by: string | undefined): string {
  if (by?.trim()) return by.trim();
  if (process.env.SELFEVAL_USER?.trim()) return process.env.SELFEVAL_USER.trim();
  try {
    return os.userInfo().username || "unknown";
  } catch {
    // A container without a passwd entry for its user.
    return "unknown";
  }
}

/** A report named by its id, a unique prefix of it, or the name or path of its file. */
async function findReport(
  store: Store,
  target: string,
): Promise<{ id: string; file: string } | { error: string }> {
  const t = target.trim();
  const stored = await store.loadStoredReports();
  const byId = /^[0-9a-f]{6,64}$/i.test(t)
    ? stored.filter((s) => s.report_id.startsWith(t.toLowerCase()))
    : [];
  const byFile = byId.length
    ? []
    : stored.filter((s) => s.source_file === t || s.source_path === t || s.source_file === path.basename(t));
  const found = byId.length ? byId : byFile;
  if (found.length === 1) return { id: found[0]!.report_id, file: found[0]!.source_file };
  if (found.length > 1)
    return { error: `${target}: ${found.length} stored reports match — give more of the report id` };
  return {
    error: `${target}: not a stored report id, id prefix or file name — see \`selfeval review\` for ids`,
  };
}

export interface ReviewOptions {
  db: string;
  report?: string;
  limit?: number;
  json?: boolean;
  csv?: string;
  aliases?: string;
  minConfidence?: number;
}

const describe = (i: ReviewItem): string =>
  `${String(i.priority).padStart(3)}  ${i.source_file} p.${i.page ?? "?"}  ${i.correctable ? i.field : `(${i.field})`} = ${i.reading ?? "?"}${i.conf !== undefined ? ` (OCR ${Math.round(i.conf)}%)` : ""}  ${i.label}\n       ${i.reasons.map((r) => r.text).join("\n       ")}`;

export async function runReview(opts: ReviewOptions): Promise<number> {
  const identity = identityFrom(opts.aliases);
  const store = await openExisting(opts.db);
  try {
    const readings = await loadReadings(store);
    const run = checkReports(readings.reports, {
      rules: checkRules,
      identity,
      corrections: readings.corrections,
    });
    let items = reviewItems({
      reports: readings.reports,
      findings: run.findings,
      canonicalOf: run.same.canonicalOf,
      unapplied: readings.unapplied,
      lowConfidence: opts.minConfidence ?? LOW_OCR_CONFIDENCE,
    });
    if (opts.report) {
      const r = await findReport(store, opts.report);
      if ("error" in r) throw new UserError(r.error, EXIT_USAGE);
      items = items.filter((i) => i.report_id === r.id);
    }
    const total = items.length;
    if (opts.limit !== undefined) items = items.slice(0, opts.limit);
    if (opts.csv) {
      const tmp = `${opts.csv}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, reviewCsv(items));
        renameSync(tmp, opts.csv);
      } catch (err) {
        throw new UserError(
          `${opts.csv}: cannot write (${(err as NodeJS.ErrnoException).code ?? err}) — check the folder and permissions`,
        );
      }
      process.stderr.write(
        `wrote ${items.length} values to verify to ${opts.csv}: fill in value and reason, then \`selfeval correct --import ${opts.csv}\`\n`,
      );
    } else if (opts.json) {
      process.stdout.write(`${JSON.stringify(items)}\n`);
    } else {
      process.stdout.write(
        `${total} values to verify${total > items.length ? ` (${items.length} shown)` : ""}, most doubtful first; correct or confirm with \`selfeval correct REPORT FIELD VALUE --reason TEXT\`\n`,
      );
      items.forEach((i, n) => {
        process.stdout.write(`${String(n + 1).padStart(3)}. ${i.report_id.slice(0, 12)} ${describe(i)}\n`);
      });
    }
    for (const r of readings.invalid)
      process.stderr.write(
        `selfeval: ${r.source_file}: stored reading not usable (${r.problems}) — re-extract it with \`selfeval ingest --force\`\n`,
      );
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

export interface CorrectOptions {
  db: string;
  reason?: string;
  by?: string;
  revert?: boolean;
  import?: string;
  aliases?: string;
  quiet?: boolean;
}

interface Request {
  /** Where it came from, for messages: the command line, or FILE:LINE. */
  where: string;
  report: string;
  field: string;
  /** undefined: withdraw. */
  value?: string;
  reason: string;
  author?: string;
}

/** A request checked against the stored reading: the correction to record, or one line saying what is wrong. */
async function prepare(
  store: Store,
  req: Request,
  readingsCache: Map<string, Report>,
  author: string,
  source: string,
): Promise<Correction | { error: string }> {
  const found = await findReport(store, req.report);
  if ("error" in found) return { error: `${req.where}: ${found.error}` };
  let reading = readingsCache.get(found.id);
  if (!reading) {
    const row = await store.db
      .selectFrom("reports")
      .select(["record_json"])
      .where("report_id", "=", found.id)
      .executeTakeFirst();
    const parsed = row?.record_json ? parseRecord(row.record_json) : undefined;
    if (!parsed || "problems" in parsed)
      return {
        error: `${req.where}: ${found.file} has no usable reading${parsed && "problems" in parsed ? ` (${parsed.problems})` : ""} — re-extract it with \`selfeval ingest --force\``,
      };
    reading = parsed.report;
    readingsCache.set(found.id, reading);
  }
  const field = normalizePath(req.field);
  const target = resolveField(reading, field);
  if (!target) {
    const base = field.split(/[:#.]/)[0]!;
    const near = fieldTargets(reading)
      .map((t) => t.path)
      .filter((p) => p.startsWith(base))
      .slice(0, 5);
    return {
      error: `${req.where}: ${found.file} has no value "${req.field}"${near.length ? ` — did you mean ${near.join(", ")}?` : " — `selfeval review` and `selfeval show` list the fields"}`,
    };
  }
  let value: string | null = null;
  if (req.value !== undefined) {
    const unit = "unit" in target.value ? target.value.unit : undefined;
    const parsed = parseCorrectionValue(target.kind, req.value, unit);
    if ("error" in parsed)
      return { error: `${req.where}: ${parsed.error} for ${target.path} (${target.label})` };
    value = parsed.value;
  }
  return {
    report_id: found.id,
    field: target.path,
    value,
    original: target.value.value,
    page: target.value.prov.page,
    reason: req.reason,
    author: req.author ?? author,
    created_at: new Date().toISOString(),
    source,
  };
}

export async function runCorrect(
  report: string | undefined,
  field: string | undefined,
  value: string | undefined,
  opts: CorrectOptions,
): Promise<number> {
  const author = whoAmI(opts.by);
  const requests: Request[] = [];
  const errors: string[] = [];
  let skippedRows = 0;
  if (opts.import) {
    if (report || field || value)
      throw new UserError("give either REPORT FIELD VALUE or --import FILE, not both", EXIT_USAGE);
    let bytes: Buffer;
    try {
      bytes = readFileSync(opts.import);
    } catch (err) {
      throw new UserError(
        `${opts.import}: cannot read (${(err as NodeJS.ErrnoException).code ?? err}) — check the path`,
      );
    }
    const parsed = parseCorrectionsCsv(bytes, opts.import);
    errors.push(...parsed.errors);
    skippedRows = parsed.skipped;
    for (const r of parsed.rows)
      requests.push({
        where: `${opts.import}:${r.line}`,
        report: r.report,
        field: r.field,
        value: r.value,
        reason: r.reason,
        ...(r.author ? { author: r.author } : {}),
      });
  } else {
    if (!report || !field || (value === undefined && !opts.revert))
      throw new UserError(
        "usage: selfeval correct REPORT FIELD VALUE --reason TEXT (or REPORT FIELD --revert --reason TEXT, or --import FILE)",
        EXIT_USAGE,
      );
    if (!opts.reason?.trim())
      throw new UserError(
        "--reason is required: say why the value is corrected (it is recorded with it)",
        EXIT_USAGE,
      );
    if (opts.revert && value !== undefined)
      throw new UserError("--revert takes no VALUE: it withdraws the correction in force", EXIT_USAGE);
    requests.push({
      where: "selfeval correct",
      report,
      field,
      ...(opts.revert ? {} : { value: value! }),
      reason: opts.reason.trim(),
    });
  }
  const identity = identityFrom(opts.aliases);
  const store = await openExisting(opts.db);
  try {
    const cache = new Map<string, Report>();
    const existing = inForce(await listCorrections(store));
    const inForceOf = (id: string, f: string) => existing.find((c) => c.report_id === id && c.field === f);
    const source = opts.import ? `csv:${path.basename(opts.import)}` : "cli";
    const toAdd: Correction[] = [];
    let unchanged = 0;
    for (const req of requests) {
      const c = await prepare(store, req, cache, author, source);
      if ("error" in c) {
        errors.push(c.error);
        continue;
      }
      const current = inForceOf(c.report_id, c.field);
      if (c.value === null && !current) {
        errors.push(`${req.where}: ${c.field} has no correction in force to withdraw`);
        continue;
      }
      // Importing the same filled sheet twice records nothing new.
      if (opts.import && current && current.value === c.value) {
        unchanged++;
        continue;
      }
      toAdd.push(c);
    }
    const added = await addCorrections(store, toAdd);
    for (const c of added) {
      if (opts.quiet) break;
      const what =
        c.value === null
          ? "withdrawn"
          : c.value === c.original
            ? `confirmed ${c.value}`
            : `${c.original} → ${c.value}`;
      process.stderr.write(
        `${c.report_id.slice(0, 12)} ${c.field} (p.${c.page ?? "?"}): ${what} — ${c.reason} [${c.author}]\n`,
      );
    }
    for (const e of errors) process.stderr.write(`selfeval: ${e}\n`);
    if (opts.import)
      process.stderr.write(
        `${opts.import}: ${added.length} corrections recorded, ${unchanged} already in force, ${skippedRows} rows without a value, ${errors.length} rows with errors\n`,
      );
    if (added.length > 0) {
      // The checks run again over the corrected values, so findings, report and export agree with them.
      const before = (await store.loadFindingRows()).filter((f) => f.severity !== "info").length;
      const after = await checkStore(store, {
        rules: checkRules,
        identity,
        warn: (l) => process.stderr.write(`selfeval: ${l}\n`),
      });
      const now = after.findings.filter((f) => f.severity !== "info").length;
      process.stderr.write(`check: ${now} errors and warnings (before the correction: ${before})\n`);
    }
    return errors.length === 0 ? EXIT_OK : opts.import ? EXIT_SOME_FAILED : EXIT_USAGE;
  } finally {
    await store.close();
  }
}
