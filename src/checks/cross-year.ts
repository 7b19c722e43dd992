/**
 * Checks between consecutive years of one department: the stated change against last year's
 * report, indicators that jump or silently disappear, problem texts copied year after year.
 */
import Big from "big.js";
import type { Finding } from "../../schemas/finding.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { normalizeText } from "../layout/located-text.js";
import { evidence, makeFinding, n, pageRef } from "./finding-builder.js";
import { differenceOf, judge, percentOf } from "./tolerance.js";

/** Character trigrams of a text, for near-duplicate detection. */
function trigrams(s: string): Set<string> {
  const t = s.replace(/[\s，,。.、；;：:（）()“”"0-9]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

export function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}

/** Texts at least this similar (trigram Jaccard) count as copied. */
export const COPY_SIMILARITY = 0.8;

const totalOf = (r: Report) => r.headline.expenditure_total ?? r.headline.executed_total;

/**
 * The totals a stated change may be measured on, the total expenditure first: a report may state
 * its change against 执行数 rather than 本年支出合计 (they differ by what was paid from carry-over),
 * so a change is a mismatch only when it fits neither basis.
 */
function bases(cur: Report, prev: Report): Array<{ t1: Figure; t0: Figure }> {
  const out: Array<{ t1: Figure; t0: Figure }> = [];
  for (const key of ["expenditure_total", "executed_total"] as const) {
    const t1 = cur.headline[key];
    const t0 = prev.headline[key];
    if (t1 && t0) out.push({ t1, t0 });
  }
  return out;
}

export function checkYearPair(cur: Report, prev: Report): Finding[] {
  const out: Finding[] = [];
  const scope = "cross_year" as const;
  const pairs = bases(cur, prev);
  const t1 = pairs[0]?.t1 ?? totalOf(cur);
  const t0 = pairs[0]?.t0 ?? totalOf(prev);
  const year0 = prev.fiscal_year?.value;
  // 1. The stated change against last year's total.
  if (t1 && t0) {
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
            message: `报告称支出较上年${new Big(stated.value).lt(0) ? "减少" : "增加"}${n(new Big(stated.value).abs())}万元（${pageRef(stated.prov)}），按本年总支出${n(t1.value)}万元与${year0}年度报告总支出${n(t0.value)}万元计算应为${n(change.value)}万元。`,
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
    const pctOf = (a: Figure, b: Figure) => {
      const d = differenceOf(a, b);
      const e = percentOf({ value: d.value.toString(), ulp: "0" }, b);
      if (e) e.error += (d.error * 100) / Math.abs(Number(b.value));
      return e;
    };
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
  }
  // 2. Last year's total as restated in this year's report, against last year's own report.
  const restated = cur.headline.prior_expenditure_total;
  if (restated && t0) {
    const v = judge(restated, differenceOf(t0, { value: "0", ulp: "0" }));
    const fitsExecuted =
      prev.headline.executed_total !== undefined &&
      !judge(restated, differenceOf(prev.headline.executed_total, { value: "0", ulp: "0" }));
    if (v && !fitsExecuted) {
      out.push(
        makeFinding(cur, {
          rule: "restated_mismatch",
          scope,
          severity: v.severity,
          field: "prior_year:expenditure_total",
          stated: restated,
          expected: new Big(t0.value),
          verdict: v,
          reference: prev,
          otherPage: t0.prov.page,
          message: `本年度报告列示上年支出${n(restated.value)}万元（${pageRef(restated.prov)}），与${year0}年度报告的总支出${n(t0.value)}万元不一致。`,
          evidence: [
            evidence(cur, "restated last year", restated.prov),
            evidence(prev, "last year total", t0.prov),
          ],
        }),
      );
    }
  }
  // 3. Indicators that silently disappear or whose numeric target jumps.
  // Indicators are matched by name without spaces, punctuation or quotes (OCR drops some of them).
  const key = (s: string): string => normalizeText(s).replace(/[\s\p{P}\p{S}]/gu, "");
  const now = new Map(cur.indicators.map((i) => [key(i.level3), i]));
  for (const p of prev.indicators) {
    const c = now.get(key(p.level3));
    if (!c) {
      out.push(
        makeFinding(cur, {
          rule: "indicator_dropped",
          scope,
          severity: "info",
          field: `indicator:${p.level3}`,
          reference: prev,
          otherPage: p.page,
          message: `${year0}年度的绩效指标“${p.level3}”（目标${p.target.value}）本年度不再出现，请了解调整原因。`,
          evidence: [evidence(prev, "last year indicator", p.prov)],
        }),
      );
      continue;
    }
    if (
      p.target_value &&
      c.target_value &&
      p.target_unit === c.target_unit &&
      !new Big(p.target_value).eq(0)
    ) {
      const ratio = new Big(c.target_value).div(p.target_value);
      if (ratio.gt(2) || ratio.lt(0.5)) {
        out.push(
          makeFinding(cur, {
            rule: "indicator_target_jump",
            scope,
            severity: "info",
            field: `indicator:${c.level3}`,
            reference: prev,
            otherPage: p.page,
            message: `绩效指标“${c.level3}”目标由${year0}年度的${p.target.value}变为${c.target.value}（第${c.page}页），变动幅度较大，请了解原因。`,
            evidence: [
              evidence(cur, "this year target", c.target.prov),
              evidence(prev, "last year target", p.target.prov),
            ],
          }),
        );
      }
    }
  }
  // 4. Problems and next steps copied nearly verbatim.
  for (const [field, label] of [
    ["problems", "存在的问题"],
    ["next_steps", "改进措施"],
  ] as const) {
    const a = cur[field];
    const b = prev[field];
    if (!a || !b || a.value.length < 15) continue;
    const sim = similarity(a.value, b.value);
    if (sim >= COPY_SIMILARITY) {
      out.push(
        makeFinding(cur, {
          rule: "text_repeated",
          scope,
          severity: "info",
          field,
          reference: prev,
          otherPage: b.prov.page,
          message: `本年度“${label}”与${year0}年度报告基本相同（相似度${Math.round(sim * 100)}%，${pageRef(a.prov)}），问题是否已整改值得关注。`,
          evidence: [evidence(cur, "this year text", a.prov), evidence(prev, "last year text", b.prov)],
        }),
      );
    }
  }
  return out;
}
