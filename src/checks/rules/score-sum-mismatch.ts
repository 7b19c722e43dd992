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
    const sheet = r.score_sheet;
    // Rows that adjust the points (扣分项 −10) count with the indicators' scores.
    const adjustments = sheet?.adjustments ?? [];
    const sum = sumOf([...scored.map((i) => i.score!), ...adjustments.map((a) => a.figure)]);
    const proofs = [
      ...scored.map((i) => evidence(r, "indicator score", i.score!.prov)),
      ...adjustments.map((a) => evidence(r, "score adjustment", a.figure.prov)),
    ];
    const allScored = scored.length >= 2 && scored.length === r.indicators.length;
    // 1. The sheet's own total row (合计 | 100 | 87) is added from the points printed above it: it
    //    is tested against their exact sum — where its 分值 is the indicators' (a form that also
    //    scores its funds block in the total adds points the indicator rows do not hold).
    if (sheet?.total && allScored && r.indicators.every((i) => i.weight)) {
      const weights = sumOf(r.indicators.map((i) => i.weight!));
      const sameWeight = !sheet.weight || Math.abs(Number(weights.value) - Number(sheet.weight.value)) < 1e-9;
      if (sameWeight) {
        const v = judge(sheet.total, { value: sum.value, error: 0 });
        if (v)
          return [
            makeFinding(r, {
              rule: "score_sum_mismatch",
              severity: v.severity === "error" ? "warning" : "info",
              field: "self_score",
              stated: sheet.total,
              expected: sum.value,
              verdict: v,
              message: `自评表得分合计${sheet.total.value}分，与各指标得分之和${n(sum.value)}分不一致，请核对。`,
              evidence: [evidence(r, "score total", sheet.total.prov), ...proofs],
            }),
          ];
      }
    }
    // 2. The self score against the indicators' points, only where they carry the whole 100
    //    points: many forms give 10 of them to budget execution (得分（满分10）) outside the block.
    const weights = r.indicators.every((i) => i.weight)
      ? sumOf(r.indicators.map((i) => i.weight!))
      : undefined;
    const whole = weights !== undefined && Math.abs(Number(weights.value) - 100) < 0.5;
    if (!r.self_score || scored.length < 3 || scored.length !== r.indicators.length || !whole) return [];
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
        evidence: [evidence(r, "self score", r.self_score.prov), ...proofs],
      }),
    ];
  },
};
