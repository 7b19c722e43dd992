/**
 * The shape of a comparison sign read by OCR, judged from its pixels. tesseract reads the ≥ of an
 * indicator target as "=" (the chevron's point blurred away) or as "2" ("≥95%" → "295%"); the ink
 * tells them apart: = is two flat bars, ≥ / ≤ a chevron over a flat bar, and 2 a single stroke.
 */
import { crop, type GrayImage, inkComponents } from "./raster/index.js";

export type ComparisonGlyph = "=" | "≥" | "≤";

/** A bar is flat when it is at most this high for its width. */
const FLAT = 0.35;

export function comparisonGlyph(
  bin: GrayImage,
  box: { x0: number; y0: number; x1: number; y1: number },
): ComparisonGlyph | undefined {
  const img = crop(bin, box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2);
  if (img.width < 4 || img.height < 4) return undefined;
  const cc = inkComponents(img);
  let largest = 0;
  for (let i = 0; i < cc.count; i++) largest = Math.max(largest, cc.area[i]!);
  const parts: number[] = [];
  for (let i = 0; i < cc.count; i++) if (cc.area[i]! >= largest * 0.15) parts.push(i);
  if (parts.length !== 2) return undefined;
  const [top, bottom] = parts.sort((a, b) => cc.y0[a]! - cc.y0[b]!) as [number, number];
  const w = (i: number): number => cc.x1[i]! - cc.x0[i]!;
  const h = (i: number): number => cc.y1[i]! - cc.y0[i]!;
  // The two parts lie one above the other, and the lower one is a bar (flat, or slanted as in ⩾).
  const cy = (i: number): number => (cc.y0[i]! + cc.y1[i]!) / 2;
  if (cy(bottom) <= cy(top) + h(top) * 0.3 || h(bottom) > w(bottom) * 0.6) return undefined;
  if (h(top) <= w(top) * FLAT) return "=";
  if (h(top) < w(top) * 0.5) return undefined;
  // A chevron: the ink of its middle row sits at its point, its top and bottom rows at the open side.
  const mid = Math.floor((cc.y0[top]! + cc.y1[top]!) / 2);
  const first = cc.y0[top]!;
  const centre = (y: number): number | undefined => {
    let sum = 0;
    let n = 0;
    for (let r = 0; r < cc.runs; r++) {
      if (cc.label[r] !== top || cc.y[r] !== y) continue;
      sum += ((cc.a[r]! + cc.b[r]!) / 2) * (cc.b[r]! - cc.a[r]!);
      n += cc.b[r]! - cc.a[r]!;
    }
    return n > 0 ? sum / n : undefined;
  };
  // Positions across the chevron's width (0 = left edge, 1 = right edge) of its top, middle and
  // bottom rows: > is 0 / 1 / 0, < is 1 / 0 / 1. A broken 2's hook (½ / 1 / 0) is neither.
  const at = (y: number): number | undefined => {
    const c = centre(y);
    return c === undefined ? undefined : (c - cc.x0[top]!) / Math.max(1, w(top));
  };
  const [t, m, b] = [at(first), at(mid), at(cc.y1[top]! - 1)];
  if (t === undefined || m === undefined || b === undefined) return undefined;
  if (t < 0.3 && b < 0.3 && m > 0.7) return "≥";
  if (t > 0.7 && b > 0.7 && m < 0.3) return "≤";
  return undefined;
}

/**
 * The box of the first glyph in a line crop read without character boxes (PP-OCR gives one box per
 * text segment): the first run of columns holding ink from the left, a gap of at most `maxGap`
 * blank columns inside it (a glyph's two strokes may not overlap), and the rows its ink spans.
 * Ink is a pixel darker than 128; a column holds ink from two such pixels, so a speck of scan noise
 * before the glyph does not start it. Undefined for a crop without ink.
 */
export function firstGlyphBox(
  img: GrayImage,
  maxGap = 1,
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  const { width: w, height: h, data } = img;
  const inkIn = (x: number): boolean => {
    let n = 0;
    for (let y = 0; y < h; y++) if (data[y * w + x]! < 128 && ++n >= 2) return true;
    return false;
  };
  let x0 = 0;
  while (x0 < w && !inkIn(x0)) x0++;
  if (x0 >= w) return undefined;
  let x1 = x0 + 1;
  let gap = 0;
  for (let x = x0 + 1; x < w; x++) {
    if (inkIn(x)) {
      x1 = x + 1;
      gap = 0;
    } else if (++gap > maxGap) break;
  }
  let y0 = h;
  let y1 = 0;
  for (let y = 0; y < h; y++)
    for (let x = x0; x < x1; x++)
      if (data[y * w + x]! < 128) {
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y + 1);
        break;
      }
  return { x0, y0, x1, y1 };
}
