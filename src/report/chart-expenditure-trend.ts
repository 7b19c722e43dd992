/**
 * Each department's total expenditure (执行数) year by year, one line per department. The value
 * axis fits the data rather than starting at zero: year-on-year changes of a few percent are what
 * an auditor looks for, and the axis ticks say where it starts.
 */
import type { CompareRow } from "../compare/compare-rows.js";
import { color, fmtTick, niceScale, project, px, svgFrame, textWidth } from "./chart-kit.js";
import type { DepartmentLabel } from "./department-labels.js";
import { html, type SafeHtml } from "./html.js";

export interface TrendSeries {
  key: string;
  department: string;
  colorIndex: number;
  points: Array<{ year: number; value: number }>;
}

export function trendSeries(
  rows: readonly CompareRow[],
  keyOf: (r: CompareRow) => string,
  colorIndex: (r: CompareRow) => number,
): TrendSeries[] {
  const out = new Map<string, TrendSeries>();
  for (const r of rows) {
    if (r.executed_total_wan === null || r.fiscal_year === null) continue;
    const key = keyOf(r);
    const s = out.get(key) ?? {
      key,
      department: r.department ?? "未识别部门",
      colorIndex: colorIndex(r),
      points: [],
    };
    if (!s.points.some((p) => p.year === r.fiscal_year))
      s.points.push({ year: r.fiscal_year, value: Number(r.executed_total_wan) });
    out.set(key, s);
  }
  for (const s of out.values()) s.points.sort((a, b) => a.year - b.year);
  return [...out.values()];
}

export function expenditureTrendChart(
  series: readonly TrendSeries[],
  label: DepartmentLabel,
): SafeHtml | undefined {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return undefined;
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const width = 960;
  // Legend columns as wide as the longest name (full names where short ones would collide).
  const names = series.map((s) => label(s.department));
  const colW = Math.min(width - 40, Math.max(...names.map((n) => textWidth(n, 13))) + 28 + 24);
  const perRow = Math.max(1, Math.floor((width - 20) / colW));
  const legendRows = Math.ceil(series.length / perRow);
  const height = 424 + legendRows * 20;
  const L = 84;
  const R = width - 40;
  const T = 24 + legendRows * 20;
  const B = height - 44;
  const ys = niceScale(Math.min(...all.map((p) => p.value)), Math.max(...all.map((p) => p.value)), 6);
  const xOf = (year: number): number =>
    years.length === 1 ? (L + R) / 2 : L + (years.indexOf(year) / (years.length - 1)) * (R - L);
  const parts: SafeHtml[] = [];
  series.forEach((s, i) => {
    const lx = 20 + (i % perRow) * colW;
    const ly = 18 + Math.floor(i / perRow) * 20;
    parts.push(
      html`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 22}" y2="${ly - 4}" stroke="${color(s.colorIndex)}" stroke-width="3"/><text x="${lx + 28}" y="${ly}" class="legend"><title>${s.department}</title>${names[i]}</text>`,
    );
  });
  for (const t of ys.ticks) {
    const y = px(project(t, ys, B, T));
    parts.push(
      html`<line x1="${L}" y1="${y}" x2="${R}" y2="${y}" class="grid"/><text x="${L - 8}" y="${px(Number(y) + 4)}" text-anchor="end" class="tick">${fmtTick(t)}</text>`,
    );
  }
  for (const y of years) {
    parts.push(html`<text x="${px(xOf(y))}" y="${B + 20}" text-anchor="middle" class="tick">${y}年</text>`);
  }
  parts.push(
    html`<line x1="${L}" y1="${B}" x2="${R}" y2="${B}" class="axis"/><line x1="${L}" y1="${T}" x2="${L}" y2="${B}" class="axis"/>`,
    html`<text x="16" y="${(T + B) / 2}" text-anchor="middle" class="axis-title" transform="rotate(-90 16 ${(T + B) / 2})">执行数（万元）</text>`,
  );
  for (const s of series) {
    const c = color(s.colorIndex);
    const pts = s.points.map((p) => `${px(xOf(p.year))},${px(project(p.value, ys, B, T))}`).join(" ");
    if (s.points.length > 1)
      parts.push(html`<polyline points="${pts}" fill="none" stroke="${c}" stroke-width="2.5"/>`);
    for (const p of s.points) {
      parts.push(
        html`<circle cx="${px(xOf(p.year))}" cy="${px(project(p.value, ys, B, T))}" r="4" fill="${c}"><title>${s.department} ${p.year}年 执行数${p.value}万元</title></circle>`,
      );
    }
  }
  // The last value of each line, beside its end; labels that would touch are pushed apart
  // vertically (15 px apart), so two lines ending close together keep both values legible.
  if (years.length > 1) {
    const step = 15;
    for (const year of years) {
      const ends = series
        .map((s) => s.points[s.points.length - 1]!)
        .filter((last) => last.year === year)
        .map((last) => ({ last, y: project(last.value, ys, B, T) - 8, text: fmtTick(last.value) }))
        .sort((a, b) => a.y - b.y);
      for (let i = 1; i < ends.length; i++)
        if (ends[i]!.y - ends[i - 1]!.y < step) ends[i]!.y = ends[i - 1]!.y + step;
      // Pushed past the bottom: shift the whole column back up.
      const over = ends.length ? ends[ends.length - 1]!.y - (B - 2) : 0;
      if (over > 0) for (const e of ends) e.y -= over;
      for (const e of ends) {
        const x = Math.min(xOf(e.last.year) + 6, width - textWidth(e.text, 11) - 2);
        parts.push(html`<text x="${px(x)}" y="${px(e.y)}" class="value">${e.text}</text>`);
      }
    }
  }
  return svgFrame(width, height, "各部门历年支出", parts);
}
