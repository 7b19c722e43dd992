/**
 * `selfeval check`: every rule over the stored reports; findings replace the previous run's in one
 * transaction. Within-report rules first, then each department's consecutive years, then peers of
 * the same region and year.
 */
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { type Db, loadReports } from "../store/db.js";
import { checkPeers } from "./cross-department.js";
import { checkYearPair } from "./cross-year.js";
import { DepartmentIdentity, mergePlacePrefixes, peerRegionOf } from "./department-identity.js";
import { checkReport } from "./within-report.js";

export function runChecks(reports: readonly Report[], identity = new DepartmentIdentity()): Finding[] {
  const usable = reports.filter((r) => r.status === "ok" || r.status === "partial");
  const findings: Finding[] = [];
  for (const r of usable) findings.push(...checkReport(r));

  // One department printed with and without its city across years is one department.
  const merged = mergePlacePrefixes(
    usable.flatMap((r) => (r.department ? [identity.key(r.department.value)] : [])),
  );
  const deptKey = (name: string): string => {
    const k = identity.key(name);
    return merged.get(k) ?? k;
  };
  const byDept = new Map<string, Report[]>();
  for (const r of usable) {
    if (!r.department || !r.fiscal_year) continue;
    const k = deptKey(r.department.value);
    byDept.set(k, [...(byDept.get(k) ?? []), r]);
  }
  for (const list of byDept.values()) {
    const byYear = new Map<number, Report>();
    // Two reports of one department and year (a re-issued report): compare each with last year's.
    for (const r of list)
      if (!byYear.has(Number(r.fiscal_year!.value))) byYear.set(Number(r.fiscal_year!.value), r);
    for (const r of list) {
      const prev = byYear.get(Number(r.fiscal_year!.value) - 1);
      if (prev) findings.push(...checkYearPair(r, prev));
    }
  }

  const peers = new Map<string, Report[]>();
  for (const r of usable) {
    if (!r.department || !r.fiscal_year) continue;
    const k = `${peerRegionOf(deptKey(r.department.value))}|${r.fiscal_year.value}`;
    peers.set(k, [...(peers.get(k) ?? []), r]);
  }
  for (const group of peers.values()) findings.push(...checkPeers(group));
  return findings;
}

export function storeFindings(db: Db, findings: readonly Finding[]): void {
  db.transaction(() => {
    db.prepare("DELETE FROM findings").run();
    const ins = db.prepare(
      `INSERT INTO findings (rule, scope, severity, report_id, other_report_id, reference_report_id, department, fiscal_year, field,
         stated, expected, difference, tolerance, page, bbox, other_page, message, evidence_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of findings) {
      ins.run(
        f.rule,
        f.scope,
        f.severity,
        f.report_id,
        f.other_report_id ?? null,
        f.reference_report_id ?? null,
        f.department ?? null,
        f.fiscal_year ?? null,
        f.field,
        f.stated ?? null,
        f.expected ?? null,
        f.difference ?? null,
        f.tolerance ?? null,
        f.page ?? null,
        f.bbox ? f.bbox.join(",") : null,
        f.other_page ?? null,
        f.message,
        JSON.stringify(f.evidence),
      );
    }
  })();
}

export function checkDatabase(db: Db, identity?: DepartmentIdentity): Finding[] {
  const findings = runChecks(loadReports(db), identity);
  storeFindings(db, findings);
  return findings;
}
