/**
 * Departments of one region and year compared with their peers using robust statistics: median
 * and MAD (median absolute deviation), so one extreme department does not hide another. A value
 * whose robust z-score (0.6745·(x − median)/MAD, Iglewicz–Hoaglin) exceeds 3.5 is an outlier and is
 * reported with the peer figures that make it one.
 */
import Big from "big.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
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

/** A statistic for a Chinese sentence: two decimals at most. */
export const fmt = (v: number): string => (Math.round(v * 100) / 100).toString();
