/**
 * Departments of one region and year compared with their peers using robust statistics: median
 * and MAD (median absolute deviation), so one extreme department does not hide another. A value
 * whose robust z-score (0.6745·(x − median)/MAD, Iglewicz–Hoaglin) exceeds 3.5 is an outlier and is
 * reported with the peer figures that make it one.
 */
import Big from "big.js";
import type { Finding } from "../../schemas/finding.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { evidence, makeFinding } from "./finding-builder.js";
import { percentOf } from "./tolerance.js";

export const OUTLIER_Z = 3.5;
/** Fewer peers than this and a comparison means nothing. */
export const MIN_PEERS = 4;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function robustZ(
  x: number,
  xs: readonly number[],
  /** The smallest spread that means anything for the metric (peers 0.05 points apart are not a scale). */
  minSpread = 0,
): { z: number; median: number; mad: number } {
  const med = median(xs);
  let mad = median(xs.map((v) => Math.abs(v - med)));
  // All peers equal but one: fall back to the mean absolute deviation (scaled to match MAD).
  if (mad === 0) mad = (xs.reduce((a, v) => a + Math.abs(v - med), 0) / xs.length) * 1.2533;
  mad = Math.max(mad, minSpread);
  return { z: mad === 0 ? 0 : (0.6745 * (x - med)) / mad, median: med, mad };
}

export interface Metric {
  name: string;
  label: string;
  unit: string;
  value: (r: Report) => { value: number; figure?: Figure } | undefined;
  /** The smallest MAD taken for this metric, given the peers' median. */
  minSpread: (median: number) => number;
}

export const executionRate = (r: Report): { value: number; figure?: Figure } | undefined => {
  if (r.headline.execution_rate)
    return { value: Number(r.headline.execution_rate.value), figure: r.headline.execution_rate };
  const e = r.headline.executed_total;
  const b = r.headline.budget_total;
  const p = e && b ? percentOf(e, b) : undefined;
  return p ? { value: Number(p.value.toFixed(4)), figure: e } : undefined;
};

export const perCapita = (r: Report): { value: number; figure?: Figure } | undefined => {
  const e = r.headline.executed_total ?? r.headline.expenditure_total;
  const staff = r.staff.in_service;
  if (!e || !staff || Number(staff.value) <= 0) return undefined;
  return { value: Number(new Big(e.value).div(staff.value).toFixed(4)), figure: e };
};

export const METRICS: Metric[] = [
  { name: "execution_rate", label: "预算执行率", unit: "%", value: executionRate, minSpread: () => 1 },
  {
    name: "self_score",
    label: "自评得分",
    unit: "分",
    value: (r) => (r.self_score ? { value: Number(r.self_score.value), figure: r.self_score } : undefined),
    minSpread: () => 1,
  },
  {
    name: "per_capita_spending",
    label: "人均支出（执行数÷在职人数）",
    unit: "万元/人",
    value: perCapita,
    minSpread: (med) => Math.abs(med) * 0.1,
  },
];

const fmt = (v: number): string => (Math.round(v * 100) / 100).toString();

export function checkPeers(group: readonly Report[]): Finding[] {
  const out: Finding[] = [];
  for (const m of METRICS) {
    const vals = group
      .map((r) => ({ r, v: m.value(r) }))
      .filter((x): x is { r: Report; v: NonNullable<ReturnType<Metric["value"]>> } => !!x.v);
    if (vals.length < MIN_PEERS) continue;
    for (const { r, v } of vals) {
      const peers = vals.filter((x) => x.r !== r).map((x) => x.v.value);
      const { z, median: med, mad } = robustZ(v.value, peers, m.minSpread(median(peers)));
      if (Math.abs(z) <= OUTLIER_Z) continue;
      out.push(
        makeFinding(r, {
          rule: "peer_outlier",
          scope: "cross_department",
          severity: "info",
          field: m.name,
          stated: v.figure ? { ...v.figure, value: String(v.value), ulp: "0.01" } : undefined,
          expected: new Big(med),
          message: `${m.label}${fmt(v.value)}${m.unit}明显${v.value > med ? "高于" : "低于"}同地区同年度${peers.length}个部门（中位数${fmt(med)}${m.unit}，MAD ${fmt(mad)}，稳健z值${fmt(z)}），请关注。`,
          evidence: v.figure ? [evidence(r, m.name, v.figure.prov)] : [],
        }),
      );
    }
  }
  // A high self score with a low execution rate: the score does not reflect the spending.
  for (const r of group) {
    const rate = executionRate(r);
    if (!r.self_score || !rate) continue;
    const score = Number(r.self_score.value);
    if (score >= 90 && rate.value < 85) {
      out.push(
        makeFinding(r, {
          rule: "score_vs_execution",
          scope: "cross_department",
          // A judgement on the scoring, not an arithmetic inconsistency: shown for attention.
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
  }
  return out;
}
