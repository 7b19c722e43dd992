/** indicator_target_jump: the same indicator's numeric target more than doubled or halved. */
import Big from "big.js";
import type { Finding } from "../../../schemas/finding.js";
import { evidence, makeFinding } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { indicatorKey } from "./indicator-dropped.js";

export const indicatorTargetJumpRule: RuleOf<"cross_year"> = {
  id: "indicator_target_jump",
  scope: "cross_year",
  severity: "info",
  name: "指标目标大幅变动",
  explanation: "同一绩效指标的目标值较上年变动超过一倍或减半。",
  run(cur, prev) {
    const out: Finding[] = [];
    const now = new Map(cur.indicators.map((i) => [indicatorKey(i), i]));
    for (const p of prev.indicators) {
      const c = now.get(indicatorKey(p));
      if (!c || !p.target_value || !c.target_value || p.target_unit !== c.target_unit) continue;
      if (new Big(p.target_value).eq(0)) continue;
      const ratio = new Big(c.target_value).div(p.target_value);
      if (!ratio.gt(2) && !ratio.lt(0.5)) continue;
      out.push(
        makeFinding(cur, {
          rule: "indicator_target_jump",
          scope: "cross_year",
          severity: "info",
          field: `indicator:${c.level3}`,
          reference: prev,
          otherPage: p.page,
          message: `绩效指标“${c.level3}”目标由${prev.fiscal_year?.value}年度的${p.target.value}变为${c.target.value}（第${c.page}页），变动幅度较大，请了解原因。`,
          evidence: [
            evidence(cur, "this year target", c.target.prov),
            evidence(prev, "last year target", p.target.prov),
          ],
        }),
      );
    }
    return out;
  },
};
