/**
 * `selfeval check`: the rules of pipelines/rules.ts over the stored reports. The files of one
 * report count once: their best reading is checked, the others only against it (scope `copies`).
 * Then every department's years together (a name read otherwise in one year), each department's
 * consecutive years, then the peers of one region and year.
 */
import type { Correction } from "../../schemas/correction.js";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { addCorrections, type SameReportLink, saveSameReportLinks } from "../review/corrections-store.js";
import { invalidLine, loadReadings, type Readings } from "../review/readings.js";
import type { Store } from "../store/store.js";
import { DepartmentIdentity, type DepartmentKeys, normalizeName } from "./department-identity.js";
import {
  CHECK_AUTHOR,
  checkSource,
  type Rule,
  type RuleOf,
  type RuleScope,
  SEVERITY_RANK,
  type YearsContext,
} from "./rule.js";
import { findSameReports, kindClass, type SameReports } from "./same-report.js";
import { hedgeUncertain } from "./uncertain-findings.js";

export interface CheckOptions {
  /** The rule list (pipelines/rules.ts). */
  rules: readonly Rule[];
  identity?: DepartmentIdentity;
  /** Where to say what could not be used (a stored record that no longer fits, a correction that no longer applies). */
  warn?: (line: string) => void;
  /** The corrections recorded in the store (department_years rules leave a field an auditor ruled on alone). */
  corrections?: readonly Correction[];
}

export interface CheckRun {
  findings: Finding[];
  /** Which stored files are copies of which report. */
  same: SameReports;
  keys: DepartmentKeys;
}

const ofScope = <S extends RuleScope>(rules: readonly Rule[], scope: S): RuleOf<S>[] =>
  rules.filter((r): r is RuleOf<S> => r.scope === scope);

/** A rule's findings carry its id and scope, and never a severity above the one it is listed with. */
function tagged(rule: Rule, findings: Finding[]): Finding[] {
  for (const f of findings) {
    f.rule = rule.id;
    f.scope = rule.scope;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[rule.severity]) f.severity = rule.severity;
  }
  return findings;
}

/** The project a project self-evaluation is about; empty for a whole-department report. */
const projectKey = (r: Report): string => (r.project_name ? normalizeName(r.project_name.value) : "");

export const usableReports = (reports: readonly Report[]): Report[] =>
  reports.filter((r) => r.status === "ok" || r.status === "partial");

export function checkReports(reports: readonly Report[], options: CheckOptions): CheckRun {
  const identity = options.identity ?? new DepartmentIdentity();
  const usable = usableReports(reports);
  const keys = identity.forNames(usable.map((r) => r.department?.value));
  const same = findSameReports(usable, keys);
  const findings: Finding[] = [];

  // 1. Each report once, on its canonical reading.
  for (const r of same.canonical)
    for (const rule of ofScope(options.rules, "report")) findings.push(...tagged(rule, rule.run(r)));

  // 2. Every other file of a report against that reading.
  for (const g of same.groups)
    for (const c of g.copies)
      for (const rule of ofScope(options.rules, "copies"))
        findings.push(...tagged(rule, rule.run(c.report, g.canonical)));

  // 3. Every year of the departments at once: a name read otherwise in one year than in the others.
  // Every usable file takes part: a copy whose name was misread is not grouped with its report yet.
  const ctx = yearsContext(options, keys);
  for (const rule of ofScope(options.rules, "department_years"))
    findings.push(...tagged(rule, rule.run(usable, ctx)));

  // 4. Consecutive years of one department: each report against last year's of the same kind.
  const byDept = new Map<string, Report[]>();
  for (const r of same.canonical) {
    if (!r.department || !r.fiscal_year) continue;
    const k = keys.key(r.department.value);
    byDept.set(k, [...(byDept.get(k) ?? []), r]);
  }
  const yearRules = ofScope(options.rules, "cross_year");
  for (const list of byDept.values()) {
    for (const r of list) {
      const year = Number(r.fiscal_year!.value);
      const last = list.filter((p) => Number(p.fiscal_year!.value) === year - 1);
      // A project's self-evaluation is compared with the same project's last year, never with
      // another project's or the department's.
      const kind = kindClass(r.report_kind?.value);
      const prev = kind.startsWith("project")
        ? last.find((p) => kindClass(p.report_kind?.value) === kind && projectKey(p) === projectKey(r))
        : (last.find((p) => kindClass(p.report_kind?.value) === kind) ??
          last.find((p) => !kindClass(p.report_kind?.value).startsWith("project")));
      if (prev) for (const rule of yearRules) findings.push(...tagged(rule, rule.run(r, prev)));
    }
  }

  // 5. The departments of one region and year.
  const peers = new Map<string, Report[]>();
  for (const r of same.canonical) {
    if (!r.department || !r.fiscal_year) continue;
    const k = `${keys.peerRegion(r.department.value)}|${r.fiscal_year.value}`;
    peers.set(k, [...(peers.get(k) ?? []), r]);
  }
  const peerRules = ofScope(options.rules, "cross_department");
  for (const group of peers.values())
    for (const rule of peerRules) findings.push(...tagged(rule, rule.run(group)));
  // 6. A finding resting on an uncertain value says so, at most as a warning (uncertain-findings.ts).
  hedgeUncertain(findings, usable);
  return { findings, same, keys };
}

const yearsContext = (options: CheckOptions, keys: DepartmentKeys): YearsContext => ({
  corrections: options.corrections ?? [],
  keys: (name) => keys.key(name),
});

/**
 * The corrections the department_years rules propose from the other years' evidence, as `check`
 * records them: by `selfeval check`, source `check:RULE`, at `now`.
 */
export function proposedCorrections(
  reports: readonly Report[],
  options: CheckOptions,
  now = new Date().toISOString(),
): Correction[] {
  const usable = usableReports(reports);
  const identity = options.identity ?? new DepartmentIdentity();
  const ctx = yearsContext(options, identity.forNames(usable.map((r) => r.department?.value)));
  return ofScope(options.rules, "department_years").flatMap((rule) =>
    (rule.propose?.(usable, ctx) ?? []).map((p) => ({
      ...p,
      author: CHECK_AUTHOR,
      created_at: now,
      source: checkSource(rule.id),
    })),
  );
}

export function runChecks(reports: readonly Report[], options: CheckOptions): Finding[] {
  return checkReports(reports, options).findings;
}

/** Rule runs by scope, for callers (tests, the benchmark) that check one report or one pair. */
export const checkReport = (r: Report, rules: readonly Rule[]): Finding[] =>
  hedgeUncertain(
    ofScope(rules, "report").flatMap((rule) => tagged(rule, rule.run(r))),
    [r],
  );
export const checkYearPair = (cur: Report, prev: Report, rules: readonly Rule[]): Finding[] =>
  hedgeUncertain(
    ofScope(rules, "cross_year").flatMap((rule) => tagged(rule, rule.run(cur, prev))),
    [cur, prev],
  );
export const checkPeers = (group: readonly Report[], rules: readonly Rule[]): Finding[] =>
  hedgeUncertain(
    ofScope(rules, "cross_department").flatMap((rule) => tagged(rule, rule.run(group))),
    group,
  );

export interface StoreCheck extends CheckRun {
  readings: Readings;
  /** Corrections this check recorded (a name read otherwise in one year than in the others). */
  recorded: Correction[];
}

/**
 * `selfeval check` on a store: the reports as loaded (validated, corrections applied); the
 * corrections the other years' evidence calls for, recorded like an auditor's and applied by
 * loading again; the rules; then the findings and the same-report links replaced in one transaction.
 */
export async function checkStore(store: Store, options: CheckOptions): Promise<StoreCheck> {
  let readings = await loadReadings(store);
  const recorded = await addCorrections(
    store,
    proposedCorrections(readings.reports, { ...options, corrections: readings.corrections }),
  );
  if (recorded.length) {
    readings = await loadReadings(store);
    options.warn?.(
      `recorded ${recorded.length} correction${recorded.length > 1 ? "s" : ""} of a name read otherwise than in every other year (author "${CHECK_AUTHOR}"; \`selfeval review\` lists ${recorded.length > 1 ? "them" : "it"}, \`selfeval correct REPORT FIELD --revert\` undoes one)`,
    );
  }
  for (const r of readings.invalid) options.warn?.(invalidLine(r));
  for (const u of readings.unapplied)
    options.warn?.(
      `correction of ${u.correction.field} in report ${u.correction.report_id.slice(0, 12)} no longer applies: ${u.why} — see \`selfeval review\``,
    );
  const run = checkReports(readings.reports, { ...options, corrections: readings.corrections });
  const links: SameReportLink[] = run.same.groups.flatMap((g) =>
    g.copies.map((c) => ({
      report_id: c.report.report_id,
      same_report_as: g.canonical.report_id,
      agree: c.comparison.agree.length,
      differ: c.comparison.differ.length,
    })),
  );
  await store.transaction(async (tx) => {
    await tx.storeFindings(run.findings);
    await saveSameReportLinks(tx, links);
  });
  return { ...run, readings, recorded };
}

export async function checkDatabase(store: Store, options: CheckOptions): Promise<Finding[]> {
  return (await checkStore(store, options)).findings;
}
