/**
 * What the three hand-written SVG charts share: axis scales with round ticks, a palette that stays
 * apart in print, text width estimates for CJK labels (no font metrics are available without a
 * browser), and the <svg> frame with the attributes every renderer needs.
 */

import { regionOf } from "../checks/department-identity.js";
import { displayWidth } from "../compare/display-width.js";
import { html, type SafeHtml } from "./html.js";

export const PALETTE = [
  "#1f5fa8",
  "#d1495b",
  "#2a9d8f",
  "#e9a23b",
  "#6a4c93",
  "#4d7c0f",
  "#8d6e63",
  "#0e7490",
];
export const color = (i: number): string => PALETTE[i % PALETTE.length]!;

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** An axis from `lo` to `hi` widened to round numbers, with about `count` ticks. */
export function niceScale(lo: number, hi: number, count = 5): Scale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, ticks: [0, 1] };
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { min, max, ticks };
}

export const project = (v: number, s: Scale, from: number, to: number): number =>
  from + ((v - s.min) / (s.max - s.min || 1)) * (to - from);

/** Pixel width of a label at a font size: CJK characters are square, Latin about half. */
export const textWidth = (s: string, fontSize: number): number => displayWidth(s) * fontSize * 0.55;

/** `s` cut into lines of at most `maxWidth` px (by characters: Chinese has no spaces); at most `maxLines`, the last one ending in … when cut. */
export function wrapText(s: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const ch of s) {
    if (cur && textWidth(cur + ch, fontSize) > maxWidth) {
      lines.push(cur);
      cur = "";
    }
    cur += ch;
  }
  if (cur) lines.push(cur);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]!].slice(0, -1).join("")}…`;
  return kept;
}

/** Coordinates rounded for compact, stable markup. */
export const px = (v: number): string => String(Math.round(v * 10) / 10);

export function fmtTick(v: number): string {
  return Math.abs(v) >= 10000 ? v.toLocaleString("en-US") : String(Math.round(v * 100) / 100);
}

/** The department without its region prefix: labels in a chart of one region need only that part. */
export function shortDepartment(name: string | null): string {
  if (!name) return "未识别部门";
  const region = regionOf(name);
  const n = name.normalize("NFKC").replace(/\s/g, "");
  return region && n.startsWith(region) && n.length > region.length ? n.slice(region.length) : n;
}

export function svgFrame(
  width: number,
  height: number,
  label: string,
  body: SafeHtml | SafeHtml[],
): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">${body}</svg>`;
}
