/**
 * A finding that rests on an uncertain value (src/review/uncertainty.ts) says so: the evidence
 * region printing that value carries why (`evidence.uncertain`), the finding is `uncertain`, its
 * message names the doubtful figures and the page to check, and an error becomes a warning — the
 * arithmetic may be the OCR's, not the report's. It is never dropped: a real inconsistency in a
 * scan must survive OCR, and the auditor decides after looking at the crop.
 */
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { boxKey, locatedValues, markUncertain, uncertainWhy } from "../review/uncertainty.js";

/** Uncertain values of the reports by report id and box: why. */
function uncertainBoxes(reports: readonly Report[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reports) {
    // Marks as loading sets them (idempotent); a clone, so the caller's record is left as it was.
    const marked = markUncertain(structuredClone({ ...r, report_id: r.report_id }));
    for (const v of locatedValues(marked)) {
      const why = uncertainWhy(v.node.prov);
      if (why) out.set(`${r.report_id}|${boxKey(v.node.prov.page, v.node.prov.bbox)}`, why);
    }
  }
  return out;
}

/** 其中“1,545.08”为OCR识别存疑数值，请核对原件第3页 — one page, or each figure with its page. */
export function uncertainNote(values: ReadonlyArray<{ text: string; page: number }>): string {
  const uniq = values.filter((v, i) => values.findIndex((w) => w.text === v.text && w.page === v.page) === i);
  const pages = [...new Set(uniq.map((v) => v.page))];
  const quote = (t: string): string => `“${t.trim()}”`;
  if (pages.length === 1)
    return `（其中${uniq.map((v) => quote(v.text)).join("、")}为OCR识别存疑数值，请核对原件第${pages[0]}页）`;
  return `（其中${uniq.map((v) => `${quote(v.text)}（第${v.page}页）`).join("、")}为OCR识别存疑数值，请核对原件）`;
}

/** Marks, in place, the findings resting on uncertain values of `reports`; returns them. */
export function hedgeUncertain(findings: Finding[], reports: readonly Report[]): Finding[] {
  if (findings.length === 0) return findings;
  const boxes = uncertainBoxes(reports);
  if (boxes.size === 0) return findings;
  for (const f of findings) {
    const doubtful: Array<{ text: string; page: number }> = [];
    for (const e of f.evidence) {
      const why = boxes.get(`${e.report_id}|${boxKey(e.page, e.bbox)}`);
      if (!why) continue;
      e.uncertain = why;
      doubtful.push({ text: e.text, page: e.page });
    }
    if (doubtful.length === 0 || f.uncertain) continue;
    f.uncertain = true;
    if (f.severity === "error") f.severity = "warning";
    f.message = `${f.message.replace(/[。.]$/, "")}${uncertainNote(doubtful)}。`;
  }
  return findings;
}
