/** share_mismatch: a stated percentage share that differs from amount ÷ its whole. */
import type { Finding } from "../../../schemas/finding.js";
import type { Figure } from "../../../schemas/provenance.js";
import type { BudgetSection, Report } from "../../../schemas/report.js";
import { evidence, makeFinding, n, pageRef, printed } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { judge, percentOf } from "../tolerance.js";

function shareMismatch(
  r: Report,
  field: string,
  share: Figure,
  part: Figure,
  whole: Figure,
  label: string,
  out: Finding[],
): void {
  const expected = percentOf(part, whole);
  if (!expected) return;
  const v = judge(share, expected);
  if (!v) return;
  out.push(
    makeFinding(r, {
      rule: "share_mismatch",
      severity: v.severity,
      field,
      stated: share,
      expected: expected.value,
      verdict: v,
      message: `${label}占比按${printed(part)}÷${printed(whole)}计算应为${n(expected.value)}%，报告列示${n(share.value)}%（${pageRef(share.prov)}）${v.severity === "info" ? "，属舍入差异" : "，请核对"}。`,
      evidence: [
        evidence(r, "stated share", share.prov),
        evidence(r, "part", part.prov),
        evidence(r, "total", whole.prov),
      ],
    }),
  );
}

export const shareMismatchRule: RuleOf<"report"> = {
  id: "share_mismatch",
  scope: "report",
  severity: "error",
  name: "占比不符",
  explanation: "列示的占比与“本项金额÷合计”计算结果不一致。",
  run(r) {
    const out: Finding[] = [];
    const h = r.headline;
    const wholes: Partial<Record<BudgetSection, Figure | undefined>> = {
      income: h.income_total,
      expenditure_by_function: h.expenditure_total,
      basic_expenditure: h.basic_total,
      project_expenditure: h.project_total,
    };
    for (const l of r.budget_lines) {
      const whole = wholes[l.section];
      if (l.share && whole) shareMismatch(r, `${l.section}:${l.item}`, l.share, l.amount, whole, l.item, out);
    }
    const total = h.expenditure_total ?? h.executed_total;
    if (total && h.basic_share && h.basic_total)
      shareMismatch(r, "basic_share", h.basic_share, h.basic_total, total, "基本支出", out);
    if (total && h.project_share && h.project_total)
      shareMismatch(r, "project_share", h.project_share, h.project_total, total, "项目支出", out);
    return out;
  },
};
