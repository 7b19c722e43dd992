/** yoy_mismatch: the stated change against last year differs from this year's total minus last year's report's. */
import Big from "big.js";
import type { Finding } from "../../../schemas/finding.js";
import type { Figure } from "../../../schemas/provenance.js";
import { evidence, makeFinding, n, pageRef, printed, printedLike } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { differenceOf, judge, percentOf } from "../tolerance.js";
import { bases, totalOf } from "../year-bases.js";

const pctOf = (a: Figure, b: Figure) => {
  const d = differenceOf(a, b);
  const e = percentOf({ value: d.value.toString(), ulp: "0" }, b);
  if (e) e.error += (d.error * 100) / Math.abs(Number(b.value));
  return e;
};

export const yoyMismatchRule: RuleOf<"cross_year"> = {
  id: "yoy_mismatch",
  scope: "cross_year",
  severity: "error",
  name: "与上年报告不符",
  explanation: "报告所称的较上年增减额或增减幅度，与两年报告的总支出计算结果不一致。",
  run(cur, prev) {
    const out: Finding[] = [];
    const scope = "cross_year" as const;
    const pairs = bases(cur, prev);
    const t1 = pairs[0]?.t1 ?? totalOf(cur);
    const t0 = pairs[0]?.t0 ?? totalOf(prev);
    const year0 = prev.fiscal_year?.value;
    if (!t1 || !t0) return out;
    const change = differenceOf(t1, t0);
    const stated = cur.headline.yoy_change;
    const fitsAnother = (f: Figure): boolean =>
      pairs.slice(1).some((p) => !judge(f, differenceOf(p.t1, p.t0)));
    if (stated) {
      const v = judge(stated, change);
      if (v && !fitsAnother(stated)) {
        out.push(
          makeFinding(cur, {
            rule: "yoy_mismatch",
            scope,
            severity: v.severity,
            field: "yoy_change",
            stated,
            expected: change.value,
            verdict: v,
            reference: prev,
            otherPage: t0.prov.page,
            message: `报告称支出较上年${new Big(stated.value).lt(0) ? "减少" : "增加"}${printedLike(new Big(stated.value).abs(), stated)}（${pageRef(stated.prov)}），按本年总支出${printed(t1)}与${year0}年度报告总支出${printed(t0)}计算应为${printedLike(change.value, stated)}。`,
            evidence: [
              evidence(cur, "stated change", stated.prov),
              evidence(cur, "this year total", t1.prov),
              evidence(prev, "last year total", t0.prov),
            ],
          }),
        );
      }
    }
    const pct = cur.headline.yoy_change_pct;
    const expectedPct = pctOf(t1, t0);
    if (pct && expectedPct) {
      const v = judge(pct, expectedPct);
      const pctFitsAnother = pairs.slice(1).some((p) => {
        const e = pctOf(p.t1, p.t0);
        return e !== undefined && !judge(pct, e);
      });
      if (v && !pctFitsAnother) {
        out.push(
          makeFinding(cur, {
            rule: "yoy_mismatch",
            scope,
            severity: v.severity,
            field: "yoy_change_pct",
            stated: pct,
            expected: expectedPct.value,
            verdict: v,
            reference: prev,
            otherPage: t0.prov.page,
            message: `报告称支出较上年变动${n(pct.value)}%（${pageRef(pct.prov)}），按两年报告总支出计算应为${n(expectedPct.value)}%。`,
            evidence: [evidence(cur, "stated change", pct.prov), evidence(prev, "last year total", t0.prov)],
          }),
        );
      }
    }
    return out;
  },
};
