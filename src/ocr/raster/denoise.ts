import { inkComponents } from "./components.js";
import type { GrayImage } from "./gray-image.js";

export interface DenoiseOptions {
  /** Ink components with fewer pixels than this are removed. Default: see defaultMinSpeckArea(). */
  minArea?: number;
}

/**
 * Default speck size for a full page: 6 px at 300 dpi A4 (long side 3508 px), scaling with area,
 * never below 3. A full stop or decimal point is about 25 px at 300 dpi (12 px at 200 dpi), so it
 * survives. For a crop of a page, pass minArea for the page's resolution instead.
 */
export function defaultMinSpeckArea(width: number, height: number): number {
  const scale = Math.max(width, height) / 3508;
  return Math.max(3, Math.round(6 * scale * scale));
}

/**
 * Removes isolated specks (8-connected ink components smaller than minArea) from a binarised page.
 * Whole components are kept or dropped, so no stroke is thinned: strokes of characters and table
 * rules are always part of larger components. Other pixels are copied unchanged.
 */
export function denoise(bin: GrayImage, options: DenoiseOptions = {}): GrayImage {
  const { width: w, height: h, data } = bin;
  const out = data.slice();
  const minArea = options.minArea ?? defaultMinSpeckArea(w, h);
  if (minArea <= 1 || w === 0 || h === 0) return { width: w, height: h, data: out };
  const cc = inkComponents(bin);
  for (let i = 0; i < cc.runs; i++) {
    if (cc.area[cc.label[i]!]! >= minArea) continue;
    const row = cc.y[i]! * w;
    out.fill(255, row + cc.a[i]!, row + cc.b[i]!);
  }
  return { width: w, height: h, data: out };
}
