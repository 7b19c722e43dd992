/** restated_mismatch (across years): last year's total as restated this year differs from last year's own report. */
import Big from "big.js";
import { evidence, makeFinding, pageRef, printed } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { differenceOf, judge } from "../tolerance.js";
import { bases, totalOf } from "../year-bases.js";

const ZERO = { value: "0", ulp: "0" };

export const priorYearRestatedRule: RuleOf<"cross_year"> = {
  id: "restated_mismatch",
  scope: "cross_year",
  severity: "error",
  name: "前后数字不一致",
  explanation: "本年度报告列示的上年数字与上年度报告本身不一致。",
  run(cur, prev) {
    const restated = cur.headline.prior_expenditure_total;
    const t0 = bases(cur, prev)[0]?.t0 ?? totalOf(prev);
    if (!restated || !t0) return [];
    const v = judge(restated, differenceOf(t0, ZERO));
    const fitsExecuted =
      prev.headline.executed_total !== undefined &&
      !judge(restated, differenceOf(prev.headline.executed_total, ZERO));
    if (!v || fitsExecuted) return [];
    return [
      makeFinding(cur, {
        rule: "restated_mismatch",
        scope: "cross_year",
        severity: v.severity,
        field: "prior_year:expenditure_total",
        stated: restated,
        expected: new Big(t0.value),
        verdict: v,
        reference: prev,
        otherPage: t0.prov.page,
        message: `本年度报告列示上年支出${printed(restated)}（${pageRef(restated.prov)}），与${prev.fiscal_year?.value}年度报告的总支出${printed(t0)}不一致。`,
        evidence: [
          evidence(cur, "restated last year", restated.prov),
          evidence(prev, "last year total", t0.prov),
        ],
      }),
    ];
  },
};
