/** indicator_dropped: last year's indicator no longer appears this year. */
import type { Indicator } from "../../../schemas/report.js";
import { normalizeText } from "../../layout/located-text.js";
import { evidence, makeFinding } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";

/** Indicators are matched by name without spaces, punctuation or quotes (OCR drops some of them). */
export const indicatorKey = (i: Pick<Indicator, "level3">): string =>
  normalizeText(i.level3).replace(/[\s\p{P}\p{S}]/gu, "");

export const indicatorDroppedRule: RuleOf<"cross_year"> = {
  id: "indicator_dropped",
  scope: "cross_year",
  severity: "info",
  name: "指标未延续",
  explanation: "上年度的绩效指标在本年度报告中不再出现。",
  run(cur, prev) {
    const now = new Set(cur.indicators.map(indicatorKey));
    return prev.indicators
      .filter((p) => !now.has(indicatorKey(p)))
      .map((p) =>
        makeFinding(cur, {
          rule: "indicator_dropped",
          scope: "cross_year",
          severity: "info",
          field: `indicator:${p.level3}`,
          reference: prev,
          otherPage: p.page,
          message: `${prev.fiscal_year?.value}年度的绩效指标“${p.level3}”（目标${p.target.value}）本年度不再出现，请了解调整原因。`,
          evidence: [evidence(prev, "last year indicator", p.prov)],
        }),
      );
  },
};
