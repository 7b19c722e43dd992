/**
 * Self score against execution rate, one labelled dot per report. The corner of a high score with
 * low spending (score ≥ 90, rate < 85 %, the score_vs_execution rule) is shaded, so a report there
 * stands out without reading the findings.
 */
import type { CompareRow } from "../compare/compare-rows.js";
import { color, fmtTick, niceScale, project, px, svgFrame, textWidth } from "./chart-kit.js";
import type { DepartmentLabel } from "./department-labels.js";
import { html, type SafeHtml } from "./html.js";

interface Dot {
  x: number;
  y: number;
  label: string;
  title: string;
  color: string;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function scoreVsRateChart(
  rows: readonly CompareRow[],
  colorIndex: (r: CompareRow) => number,
  label: DepartmentLabel,
): { svg: SafeHtml; unlabelled: string[] } | undefined {
  // Two files of one department and year at the same point are one dot (the same report twice).
  const seen = new Set<string>();
  const usable = rows.filter((r) => {
    if (r.execution_rate_pct === null || r.self_score === null) return false;
    const k = `${label(r.department)}|${r.fiscal_year}|${r.execution_rate_pct}|${r.self_score}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (usable.length === 0) return undefined;
  const width = 960;
  const height = 520;
  const L = 64;
  const R = width - 24;
  const T = 20;
  const B = height - 50;
  const rates = usable.map((r) => Number(r.execution_rate_pct));
  const scores = usable.map((r) => Number(r.self_score));
  const xs = niceScale(Math.min(...rates) - 1, Math.max(...rates) + 1, 8);
  const ys = niceScale(Math.min(...scores) - 1, Math.max(...scores) + 1, 6);
  const parts: SafeHtml[] = [];
  const zx1 = project(Math.min(85, xs.max), xs, L, R);
  const zy0 = project(Math.min(Math.max(90, ys.min), ys.max), ys, B, T);
  if (xs.min < 85 && ys.max > 90) {
    parts.push(
      html`<rect x="${L}" y="${T}" width="${px(zx1 - L)}" height="${px(zy0 - T)}" class="zone"><title>得分≥90而执行率&lt;85%</title></rect><text x="${L + 6}" y="${T + 16}" class="zone-label">高分低执行</text>`,
    );
  }
  for (const t of xs.ticks) {
    const x = px(project(t, xs, L, R));
    parts.push(
      html`<line x1="${x}" y1="${T}" x2="${x}" y2="${B}" class="grid"/><text x="${x}" y="${B + 22}" text-anchor="middle" class="tick">${fmtTick(t)}%</text>`,
    );
  }
  for (const t of ys.ticks) {
    const y = px(project(t, ys, B, T));
    parts.push(
      html`<line x1="${L}" y1="${y}" x2="${R}" y2="${y}" class="grid"/><text x="${L - 8}" y="${px(Number(y) + 4)}" text-anchor="end" class="tick">${fmtTick(t)}</text>`,
    );
  }
  parts.push(
    html`<line x1="${L}" y1="${B}" x2="${R}" y2="${B}" class="axis"/><line x1="${L}" y1="${T}" x2="${L}" y2="${B}" class="axis"/>`,
    html`<text x="${(L + R) / 2}" y="${height - 10}" text-anchor="middle" class="axis-title">预算执行率（%）</text>`,
    html`<text x="16" y="${(T + B) / 2}" text-anchor="middle" class="axis-title" transform="rotate(-90 16 ${(T + B) / 2})">自评得分</text>`,
  );
  const dots: Dot[] = usable.map((r) => ({
    x: project(Number(r.execution_rate_pct), xs, L, R),
    y: project(Number(r.self_score), ys, B, T),
    label: `${label(r.department)} ${r.fiscal_year ?? ""}`.trim(),
    title: `${r.department ?? "未识别部门"} ${r.fiscal_year ?? ""}年：得分${r.self_score}，执行率${r.execution_rate_pct}%`,
    color: color(colorIndex(r)),
  }));
  // Greedy placement, top to bottom: the first candidate place that clears the dots and labels placed.
  const placed: Box[] = dots.map((d) => ({ x0: d.x - 5, y0: d.y - 5, x1: d.x + 5, y1: d.y + 5 }));
  for (const d of dots) {
    parts.push(
      html`<circle cx="${px(d.x)}" cy="${px(d.y)}" r="5" fill="${d.color}" class="dot"><title>${d.title}</title></circle>`,
    );
  }
  // Rings of candidate places, nearest first; a label away from its dot gets a thin leader line.
  // A label with no free place is left out of the chart and listed under it, never drawn over another.
  const unlabelled: string[] = [];
  const fits = (b: Box): boolean => b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height;
  for (const d of [...dots].sort((a, b) => a.y - b.y)) {
    const w = textWidth(d.label, 12);
    const options: Array<{ x: number; y: number; anchor: "start" | "end" | "middle"; far: boolean }> = [];
    for (const [ring, r] of [8, 22, 38, 56].entries()) {
      const far = ring > 0;
      options.push(
        { x: d.x + r, y: d.y + 4, anchor: "start", far },
        { x: d.x - r, y: d.y + 4, anchor: "end", far },
        { x: d.x, y: d.y - r - 1, anchor: "middle", far },
        { x: d.x, y: d.y + r + 9, anchor: "middle", far },
        { x: d.x + r, y: d.y - r, anchor: "start", far },
        { x: d.x + r, y: d.y + r + 8, anchor: "start", far },
        { x: d.x - r, y: d.y - r, anchor: "end", far },
        { x: d.x - r, y: d.y + r + 8, anchor: "end", far },
      );
    }
    const boxOf = (o: (typeof options)[number]): Box => {
      const x0 = o.anchor === "start" ? o.x : o.anchor === "end" ? o.x - w : o.x - w / 2;
      // 2 px of air around each label: estimated widths are not the browser's.
      return { x0: x0 - 2, y0: o.y - 13, x1: x0 + w + 2, y1: o.y + 4 };
    };
    const choice = options.find((o) => fits(boxOf(o)) && !placed.some((p) => overlaps(p, boxOf(o))));
    if (!choice) {
      unlabelled.push(d.label);
      continue;
    }
    const b = boxOf(choice);
    placed.push(b);
    if (choice.far) {
      const tx = Math.min(Math.max(d.x, b.x0), b.x1);
      const ty = Math.min(Math.max(d.y, b.y0), b.y1);
      parts.push(html`<line x1="${px(d.x)}" y1="${px(d.y)}" x2="${px(tx)}" y2="${px(ty)}" class="leader"/>`);
    }
    parts.push(
      html`<text x="${px(choice.x)}" y="${px(choice.y)}" text-anchor="${choice.anchor}" class="dot-label">${d.label}</text>`,
    );
  }
  return { svg: svgFrame(width, height, "自评得分与预算执行率", parts), unlabelled };
}
