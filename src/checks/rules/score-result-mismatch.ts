/** score_result_mismatch: an indicator whose actual value missed its target was scored in full. */
import Big from "big.js";
import type { Finding } from "../../../schemas/finding.js";
import { normalizeText } from "../../layout/located-text.js";
import { evidence, makeFinding } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";

export const scoreResultMismatchRule: RuleOf<"report"> = {
  id: "score_result_mismatch",
  scope: "report",
  severity: "warning",
  name: "未达目标却得满分",
  explanation: "指标实际完成值未达到目标值，但该指标仍得满分。",
  run(r) {
    const out: Finding[] = [];
    for (const i of r.indicators) {
      if (!i.score || !i.weight || !i.actual || i.target_value === undefined || i.target_op === "text")
        continue;
      const actual = /(\d+(?:\.\d+)?)/.exec(normalizeText(i.actual.value).replace(/,/g, ""));
      if (!actual) continue;
      const a = new Big(actual[1]!);
      const t = new Big(i.target_value);
      const missed =
        i.target_op === ">="
          ? a.lt(t)
          : i.target_op === "<="
            ? a.gt(t)
            : !a.eq(t) && i.target_unit === "%" && a.lt(t);
      if (missed && new Big(i.score.value).gte(i.weight.value)) {
        out.push(
          makeFinding(r, {
            rule: "score_result_mismatch",
            severity: "warning",
            field: `indicator:${i.level3}`,
            stated: i.score,
            message: `指标“${i.level3}”目标${i.target.value}，实际完成${i.actual.value}，未达目标却得满分${i.score.value}分（第${i.page}页），请核实评分。`,
            evidence: [
              evidence(r, "score", i.score.prov),
              evidence(r, "actual", i.actual.prov),
              evidence(r, "target", i.target.prov),
            ],
          }),
        );
      }
    }
    return out;
  },
};
