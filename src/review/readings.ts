/**
 * The reports as every command should see them: each stored record validated with the zod schema
 * (an older selfeval wrote it, and a record that no longer fits is reported, not cast), then the
 * auditors' corrections applied over it. check, review, show, export and the report load through
 * here, so a corrected value is the value everywhere.
 */
import type { Correction } from "../../schemas/correction.js";
import { Report } from "../../schemas/report.js";
import { UserError } from "../cli/errors.js";
import type { Store } from "../store/store.js";
import { type AppliedCorrection, applyCorrections, type UnappliedCorrection } from "./apply-corrections.js";
import { listCorrections } from "./corrections-store.js";

export interface InvalidRecord {
  report_id: string;
  source_file: string;
  /** The first schema problems, as `path: message`. */
  problems: string;
}

export interface Readings {
  /** Valid records with corrections applied, in the store's order (department, year, file). */
  reports: Report[];
  applied: AppliedCorrection[];
  unapplied: UnappliedCorrection[];
  invalid: InvalidRecord[];
  corrections: Correction[];
}

/** A stored record parsed with the current schema. */
export function parseRecord(json: string): { report: Report } | { problems: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { problems: `not JSON (${(err as Error).message})` };
  }
  const parsed = Report.safeParse(value);
  if (parsed.success) return { report: parsed.data };
  return {
    problems: parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`)
      .join("; "),
  };
}

export async function loadReadings(store: Store): Promise<Readings> {
  const stored = await store.loadStoredReports();
  const corrections = await listCorrections(store);
  const out: Readings = { reports: [], applied: [], unapplied: [], invalid: [], corrections };
  for (const s of stored) {
    if (!s.record_json) continue;
    const parsed = parseRecord(s.record_json);
    if ("problems" in parsed) {
      out.invalid.push({ report_id: s.report_id, source_file: s.source_file, problems: parsed.problems });
      continue;
    }
    const c = applyCorrections(parsed.report, corrections);
    out.reports.push(c.report);
    out.applied.push(...c.applied);
    out.unapplied.push(...c.unapplied);
  }
  return out;
}

/** One line per record that could not be used: which file, what is wrong, what to do. */
export const invalidLine = (r: InvalidRecord): string =>
  `${r.source_file}: the stored reading does not fit this version's record (${r.problems}) — re-extract it with \`selfeval ingest --force\``;

/** One stored report as the commands show it (validated, corrections applied), with what was applied. */
export async function loadReading(
  store: Store,
  reportId: string,
): Promise<{ report: Report; applied: AppliedCorrection[]; unapplied: UnappliedCorrection[] } | undefined> {
  const row = await store.db
    .selectFrom("reports")
    .select(["report_id", "source_file", "record_json"])
    .where("report_id", "=", reportId)
    .executeTakeFirst();
  if (!row?.record_json) return undefined;
  const parsed = parseRecord(row.record_json);
  if ("problems" in parsed) throw new UserError(invalidLine({ ...row, problems: parsed.problems }));
  return applyCorrections(parsed.report, await listCorrections(store, reportId));
}
