/** rate_mismatch: a stated execution rate (overall or a project's) that differs from executed ÷ budget. */
import type { Finding } from "../../../schemas/finding.js";
import type { Figure } from "../../../schemas/provenance.js";
import type { Report } from "../../../schemas/report.js";
import { evidence, makeFinding, n, pageRef, printed } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { judge, percentOf } from "../tolerance.js";

function rateMismatch(
  r: Report,
  field: string,
  rate: Figure,
  executed: Figure,
  budget: Figure,
  label: string,
  out: Finding[],
): void {
  const expected = percentOf(executed, budget);
  if (!expected) return;
  const v = judge(rate, expected);
  if (!v) return;
  out.push(
    makeFinding(r, {
      rule: "rate_mismatch",
      severity: v.severity,
      field,
      stated: rate,
      expected: expected.value,
      verdict: v,
      message: `${label}执行率按执行数${printed(executed)}÷预算数${printed(budget)}计算应为${n(expected.value)}%，报告列示${n(rate.value)}%（${pageRef(rate.prov)}），请核对执行率或预算、执行数。`,
      evidence: [
        evidence(r, "stated rate", rate.prov),
        evidence(r, "executed", executed.prov),
        evidence(r, "budget", budget.prov),
      ],
    }),
  );
}

export const rateMismatchRule: RuleOf<"report"> = {
  id: "rate_mismatch",
  scope: "report",
  severity: "error",
  name: "执行率不符",
  explanation: "列示的执行率与“执行数÷预算数”计算结果不一致。",
  run(r) {
    const out: Finding[] = [];
    const budget = r.headline.budget_total;
    const executed = r.headline.executed_total ?? r.headline.expenditure_total;
    // One finding per distinct stated rate (the same rate printed in a table and in prose is one).
    const rates = r.statements.filter((s) => s.key === "execution_rate").map((s) => s.figure);
    for (const [i, rate] of rates.entries()) {
      if (rates.findIndex((x) => x.value === rate.value) !== i) continue;
      if (budget && executed) rateMismatch(r, "execution_rate", rate, executed, budget, "预算", out);
    }
    for (const p of r.projects) {
      if (p.rate && p.budget && p.executed)
        rateMismatch(r, `project:${p.name}`, p.rate, p.executed, p.budget, `项目“${p.name}”`, out);
    }
    return out;
  },
};
