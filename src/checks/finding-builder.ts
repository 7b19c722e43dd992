/** Shared construction of findings: ids, figures as evidence, display of numbers. */
import Big from "big.js";
import type { Evidence, Finding } from "../../schemas/finding.js";
import type { Figure, Provenance } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { groupsThousands, inPrintedUnit, unitOf } from "../report/amounts.js";
import { show, type Verdict } from "./tolerance.js";

export function evidence(report: Report, role: string, prov: Provenance): Evidence {
  return { report_id: report.report_id, role, page: prov.page, bbox: prov.bbox, text: prov.text };
}

export interface FindingInput {
  rule: string;
  scope?: Finding["scope"];
  severity: Finding["severity"];
  field: string;
  stated?: Figure;
  expected?: Big;
  verdict?: Verdict;
  message: string;
  evidence: Evidence[];
  /** Another report that is implicated too (both may be wrong). */
  other?: Report;
  /** The report this one was compared against (e.g. last year's), not itself in question. */
  reference?: Report;
  otherPage?: number;
}

export function makeFinding(report: Report, f: FindingInput): Finding {
  const out: Finding = {
    rule: f.rule,
    scope: f.scope ?? "report",
    severity: f.severity,
    report_id: report.report_id,
    source_file: report.source_file,
    field: f.field,
    message: f.message,
    evidence: f.evidence,
  };
  if (report.department) out.department = report.department.value;
  if (report.fiscal_year) out.fiscal_year = Number(report.fiscal_year.value);
  if (f.other) out.other_report_id = f.other.report_id;
  if (f.reference) out.reference_report_id = f.reference.report_id;
  if (f.otherPage) out.other_page = f.otherPage;
  if (f.stated) {
    out.stated = show(new Big(f.stated.value));
    out.page = f.stated.prov.page;
    out.bbox = f.stated.prov.bbox;
  }
  if (out.page === undefined) {
    // No stated figure (an indicator that disappeared, a repeated text): point at this report's
    // own evidence when there is some.
    const own = f.evidence.find((e) => e.report_id === report.report_id);
    if (own) {
      out.page = own.page;
      out.bbox = own.bbox;
    }
  }
  if (f.expected !== undefined) out.expected = show(f.expected);
  if (f.verdict) {
    out.difference = show(f.verdict.difference);
    out.tolerance = show(f.verdict.tolerance);
  }
  return out;
}

/** A number for a Chinese sentence: trimmed decimals. */
export const n = (v: Big | string, decimals = 2): string => (typeof v === "string" ? v : show(v, decimals));

/**
 * A stated figure in a message as the report printed it: in its own unit (27,645,146.67元 for a
 * report in 元, never the 万元 value 2764.514667 the dataset holds), its printed decimals, and
 * thousands grouped where the print grouped them.
 */
export const printed = (f: Figure): string => inPrintedUnit(f.value, unitOf(f), groupsThousands(f.prov.text));

/** A value computed from figures (a sum, a difference), written like the figure it is set against. */
export const printedLike = (v: Big, like: Figure): string =>
  inPrintedUnit(v, unitOf(like), groupsThousands(like.prov.text));

export const pageRef = (p: Provenance): string => `第${p.page}页`;
