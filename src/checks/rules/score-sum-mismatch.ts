/** score_sum_mismatch: the indicators' scores do not add up to the self score. */
import { evidence, makeFinding, n } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { judge, sumOf } from "../tolerance.js";

export const scoreSumMismatchRule: RuleOf<"report"> = {
  id: "score_sum_mismatch",
  scope: "report",
  // A form may score some points outside its indicator table: a likely problem, not a contradiction.
  severity: "warning",
  name: "指标得分合计不符",
  explanation: "自评表各指标得分之和与报告的自评总分不一致。",
  run(r) {
    const scored = r.indicators.filter((i) => i.score);
    // Only where the indicators carry the whole 100 points: many forms give 10 of them to budget
    // execution (得分（满分10）) outside the indicator block.
    const weights = r.indicators.every((i) => i.weight)
      ? sumOf(r.indicators.map((i) => i.weight!))
      : undefined;
    const whole = weights !== undefined && Math.abs(Number(weights.value) - 100) < 0.5;
    if (!r.self_score || scored.length < 3 || scored.length !== r.indicators.length || !whole) return [];
    const sum = sumOf(scored.map((i) => i.score!));
    const v = judge(r.self_score, sum);
    if (!v) return [];
    return [
      makeFinding(r, {
        rule: "score_sum_mismatch",
        severity: v.severity === "error" ? "warning" : "info",
        field: "self_score",
        stated: r.self_score,
        expected: sum.value,
        verdict: v,
        message: `自评表各指标得分合计${n(sum.value)}分，与报告自评得分${r.self_score.value}分不一致，请核对。`,
        evidence: [
          evidence(r, "self score", r.self_score.prov),
          ...scored.map((i) => evidence(r, "indicator score", i.score!.prov)),
        ],
      }),
    ];
  },
};
