/** score_vs_execution: a high self score (优) with a low execution rate. */
import type { Finding } from "../../../schemas/finding.js";
import { evidence, makeFinding } from "../finding-builder.js";
import { executionRate, fmt } from "../peer-statistics.js";
import type { RuleOf } from "../rule.js";

export const scoreVsExecutionRule: RuleOf<"cross_department"> = {
  id: "score_vs_execution",
  scope: "cross_department",
  // A judgement on the scoring, not an arithmetic inconsistency: shown for attention.
  severity: "info",
  name: "高分低执行",
  explanation: "自评得分达到“优”（≥90分），但预算执行率低于85%，评分与资金执行情况不相称。",
  run(group) {
    const out: Finding[] = [];
    for (const r of group) {
      const rate = executionRate(r);
      if (!r.self_score || !rate) continue;
      const score = Number(r.self_score.value);
      if (score < 90 || rate.value >= 85) continue;
      out.push(
        makeFinding(r, {
          rule: "score_vs_execution",
          scope: "cross_department",
          severity: "info",
          field: "self_score",
          stated: r.self_score,
          message: `自评得分${score}分（优）但预算执行率仅${fmt(rate.value)}%，自评结果与资金执行情况不相称，请核实评分依据。`,
          evidence: [
            evidence(r, "score", r.self_score.prov),
            ...(rate.figure ? [evidence(r, "execution", rate.figure.prov)] : []),
          ],
        }),
      );
    }
    return out;
  },
};
