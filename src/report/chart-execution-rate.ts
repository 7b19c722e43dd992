/**
 * Execution rate by department: one group of horizontal bars per department, one bar per year, so
 * both the ranking within a year and each department's trend are visible. Bars start at zero;
 * the printed value at each bar end carries the precision.
 */
import type { CompareRow } from "../compare/compare-rows.js";
import { color, fmtTick, niceScale, project, px, svgFrame, textWidth, wrapText } from "./chart-kit.js";
import type { DepartmentLabel } from "./department-labels.js";

/** Wider labels wrap: the plot keeps at least two thirds of the chart. */
const MAX_LABEL_W = 300;

import { html, type SafeHtml } from "./html.js";

export interface RatePoint {
  department: string;
  key: string;
  year: number;
  rate: number;
  computed: boolean;
}

export function ratePoints(rows: readonly CompareRow[], keyOf: (r: CompareRow) => string): RatePoint[] {
  const seen = new Set<string>();
  const out: RatePoint[] = [];
  for (const r of rows) {
    if (r.execution_rate_pct === null || r.fiscal_year === null) continue;
    const key = keyOf(r);
    // A department and year reported twice (a re-issued report) is drawn once, from the first row.
    if (seen.has(`${key}|${r.fiscal_year}`)) continue;
    seen.add(`${key}|${r.fiscal_year}`);
    out.push({
      department: r.department ?? "未识别部门",
      key,
      year: r.fiscal_year,
      rate: Number(r.execution_rate_pct),
      computed: r.rate_source === "computed",
    });
  }
  return out;
}

export function executionRateChart(
  points: readonly RatePoint[],
  label: DepartmentLabel,
): SafeHtml | undefined {
  if (points.length === 0) return undefined;
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const depts = [...new Map(points.map((p) => [p.key, p.department])).entries()];
  const bar = 16;
  const gap = 3;
  const groupGap = 14;
  const lineH = 16;
  // A long full name takes two lines rather than running off the chart's left edge.
  const linesOf = new Map(depts.map(([k, d]) => [k, wrapText(label(d), MAX_LABEL_W, 13)]));
  const labelW = Math.max(...[...linesOf.values()].flatMap((ls) => ls.map((l) => textWidth(l, 13)))) + 16;
  const width = 960;
  const top = 40;
  const plotL = labelW;
  const plotR = width - 70;
  const scale = niceScale(0, Math.max(100, ...points.map((p) => p.rate)), 5);
  const groupH = (d: string): number =>
    Math.max(points.filter((p) => p.key === d).length * (bar + gap) - gap, linesOf.get(d)!.length * lineH);
  const height = top + depts.reduce((a, [k]) => a + groupH(k) + groupGap, 0) + 30;
  const parts: SafeHtml[] = [];
  years.forEach((y, i) => {
    const x = plotL + i * 80;
    parts.push(
      html`<rect x="${x}" y="10" width="12" height="12" fill="${color(i)}"/><text x="${x + 16}" y="21" class="legend">${y}年</text>`,
    );
  });
  const plotBottom = height - 30;
  for (const t of scale.ticks) {
    const x = px(project(t, scale, plotL, plotR));
    parts.push(
      html`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${plotBottom}" class="grid"/><text x="${x}" y="${plotBottom + 16}" text-anchor="middle" class="tick">${fmtTick(t)}%</text>`,
    );
  }
  let y = top;
  for (const [key, dept] of depts) {
    const mine = points.filter((p) => p.key === key).sort((a, b) => a.year - b.year);
    const h = groupH(key);
    const lines = linesOf.get(key)!;
    const firstY = y + h / 2 + 5 - ((lines.length - 1) * lineH) / 2;
    parts.push(
      html`<text x="${plotL - 8}" y="${px(firstY)}" text-anchor="end" class="label"><title>${dept}</title>${lines.map((l, i) => html`<tspan x="${plotL - 8}" dy="${i === 0 ? 0 : lineH}">${l}</tspan>`)}</text>`,
    );
    for (const p of mine) {
      const x1 = project(p.rate, scale, plotL, plotR);
      const c = color(years.indexOf(p.year));
      parts.push(
        html`<rect x="${plotL}" y="${px(y)}" width="${px(Math.max(0, x1 - plotL))}" height="${bar}" fill="${c}"${p.computed ? html` fill-opacity="0.55"` : ""}><title>${dept} ${p.year}年 执行率${p.rate}%${p.computed ? "（按执行数÷预算数计算）" : ""}</title></rect><text x="${px(x1 + 4)}" y="${px(y + bar - 3)}" class="value">${fmtTick(p.rate)}%${p.computed ? "*" : ""}</text>`,
      );
      y += bar + gap;
    }
    y += groupGap - gap;
  }
  parts.push(html`<line x1="${plotL}" y1="${top - 4}" x2="${plotL}" y2="${plotBottom}" class="axis"/>`);
  return svgFrame(width, height, "各部门预算执行率", parts);
}
