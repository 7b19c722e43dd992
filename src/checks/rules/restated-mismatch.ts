/**
 * restated_mismatch (within a report): the same figure printed twice with different values — a
 * headline figure, a breakdown item, or a quantity in a task's plan.
 */
import Big from "big.js";
import type { Finding } from "../../../schemas/finding.js";
import type { Figure } from "../../../schemas/provenance.js";
import type { BudgetLine, HeadlineKey, Report } from "../../../schemas/report.js";
import { normalizeText } from "../../layout/located-text.js";
import { KEY_NAME } from "../field-names.js";
import { evidence, makeFinding, pageRef, printed } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { differenceOf, judge } from "../tolerance.js";

/**
 * Two OCR readings of one figure that differ in a single digit (3295.881 / 3255.881) are far more
 * likely a misread digit than two printed figures: reported as "info" with a pointer to the scan.
 */
export function oneDigitOcrDifference(a: Figure, b: Figure): boolean {
  if (a.prov.conf === undefined && b.prov.conf === undefined) return false;
  const da = a.prov.text.replace(/\D/g, "");
  const db = b.prov.text.replace(/\D/g, "");
  if (da.length !== db.length || da.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) diff++;
  return diff === 1;
}

/** Whether two statements of a figure agree within the rounding of their printed digits. */
export const sameValue = (a: Figure, b: Figure): boolean =>
  !judge(a, differenceOf(b, { value: "0", ulp: "0" }));

function restated(r: Report, field: string, a: Figure, b: Figure, label: string, out: Finding[]): void {
  const v = judge(a, differenceOf(b, { value: "0", ulp: "0" }));
  if (!v) return;
  const ocr = oneDigitOcrDifference(a, b);
  out.push(
    makeFinding(r, {
      rule: "restated_mismatch",
      severity: ocr ? "info" : v.severity,
      field,
      stated: a,
      expected: new Big(b.value),
      verdict: v,
      otherPage: b.prov.page,
      message: ocr
        ? `同一数字“${label}”两处识别结果仅差一位数字：${pageRef(a.prov)}为${printed(a)}，${pageRef(b.prov)}为${printed(b)}，多为扫描件识别误差，请对照原件核实。`
        : `同一数字“${label}”前后列示不一致：${pageRef(a.prov)}为${printed(a)}，${pageRef(b.prov)}为${printed(b)}，请核实正确数值。`,
      evidence: [evidence(r, "first statement", a.prov), evidence(r, "second statement", b.prov)],
    }),
  );
}

/** Numbers with their unit inside task texts ("3600份"), keyed by the words before them. */
function quantities(text: string): Array<{ key: string; value: string; unit: string }> {
  const t = normalizeText(text).replace(/\s+/g, "");
  const out: Array<{ key: string; value: string; unit: string }> = [];
  const re = /(\d[\d,]*(?:\.\d+)?)(份|个|场|次|人次|人|条|件|项|篇|期|户|家|所|台|套|万份)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 4), m.index);
    out.push({ key: `${before}|${m[2]}`, value: m[1]!.replace(/,/g, ""), unit: m[2]! });
  }
  return out;
}

function restatedTasks(r: Report, out: Finding[]): void {
  for (const t of r.tasks) {
    // The plan's cells (content, expected goal) state the same quantities; the completion reports
    // what was done, which may rightly differ (完成6个 planned, 4个 done).
    const cells = [t.content, t.goal].filter((c): c is NonNullable<typeof c> => !!c);
    const seen = new Map<string, { value: string; cell: (typeof cells)[number] }>();
    for (const c of cells) {
      for (const q of quantities(c.value)) {
        const prev = seen.get(q.key);
        if (prev && prev.value !== q.value && prev.cell !== c) {
          out.push(
            makeFinding(r, {
              rule: "restated_mismatch",
              severity: "error",
              field: `task:${t.seq}`,
              stated: { value: prev.value, ulp: "1", unit: q.unit, prov: prev.cell.prov },
              expected: new Big(q.value),
              verdict: {
                severity: "error",
                difference: new Big(prev.value).minus(q.value),
                tolerance: new Big(0),
              },
              otherPage: c.prov.page,
              message: `任务${t.seq}“${t.name}”中同一数量前后不一致：${prev.value}${q.unit}（${pageRef(prev.cell.prov)}）与${q.value}${q.unit}（${pageRef(c.prov)}），请核实。`,
              evidence: [
                evidence(r, "first statement", prev.cell.prov),
                evidence(r, "second statement", c.prov),
              ],
            }),
          );
        }
        if (!prev) seen.set(q.key, { value: q.value, cell: c });
      }
    }
  }
}

export const restatedMismatchRule: RuleOf<"report"> = {
  id: "restated_mismatch",
  scope: "report",
  severity: "error",
  name: "前后数字不一致",
  explanation: "同一数字在报告不同位置列示的数值不同。",
  run(r) {
    const out: Finding[] = [];
    const byKey = new Map<HeadlineKey, Figure[]>();
    for (const s of r.statements) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.figure]);
    for (const [key, figs] of byKey) {
      const distinct = figs.filter((f, i) => figs.findIndex((g) => sameValue(g, f)) === i);
      for (let i = 1; i < distinct.length; i++)
        restated(r, key, distinct[0]!, distinct[i]!, KEY_NAME[key] ?? key, out);
    }
    const byItem = new Map<string, BudgetLine[]>();
    for (const l of r.budget_lines)
      byItem.set(`${l.section}:${l.item}`, [...(byItem.get(`${l.section}:${l.item}`) ?? []), l]);
    for (const [field, ls] of byItem) {
      const distinct = ls.filter((l, i) => ls.findIndex((m) => sameValue(m.amount, l.amount)) === i);
      for (let i = 1; i < distinct.length; i++)
        restated(r, field, distinct[0]!.amount, distinct[i]!.amount, ls[0]!.item, out);
    }
    restatedTasks(r, out);
    return out;
  },
};
