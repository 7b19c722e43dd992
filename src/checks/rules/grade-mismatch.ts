/** grade_mismatch: the printed grade is not the band of the printed score. */
import { evidence, makeFinding, pageRef } from "../finding-builder.js";
import { gradeFitsScore, gradeForScore } from "../grade-bands.js";
import type { RuleOf } from "../rule.js";

export const gradeMismatchRule: RuleOf<"report"> = {
  id: "grade_mismatch",
  scope: "report",
  severity: "error",
  name: "等级与得分不符",
  explanation: "自评等级不在自评得分对应的等级区间内。",
  run(r) {
    if (!r.self_score || !r.grade) return [];
    const score = Number(r.self_score.value);
    if (gradeFitsScore(score, r.grade.value)) return [];
    const want = gradeForScore(score, r.grade.value);
    return [
      makeFinding(r, {
        rule: "grade_mismatch",
        severity: "error",
        field: "grade",
        stated: r.self_score,
        message: `自评得分${r.self_score.value}分对应等级应为“${want}”（优≥90，良80–89.x，中60–79.x，差<60），报告自评为“${r.grade.value}”（${pageRef(r.grade.prov)}）。`,
        evidence: [evidence(r, "score", r.self_score.prov), evidence(r, "grade", r.grade.prov)],
      }),
    ];
  },
};
