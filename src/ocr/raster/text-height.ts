import { inkComponents } from "./components.js";
import type { GrayImage } from "./gray-image.js";

/**
 * Typical height of a line of text in pixels (about the em size of the body font), or undefined
 * when the page has too little text to tell.
 *
 * Taken as the upper quartile of the heights of character-sized ink components: most Chinese
 * characters are one or a few components spanning nearly the full height, while punctuation, digits
 * and single strokes (一) are lower, and specks, rules and pictures fall outside the size window.
 */
export function estimateTextHeight(bin: GrayImage): number | undefined {
  const long = Math.max(bin.width, bin.height);
  const maxSize = Math.max(12, Math.round(long / 12));
  const cc = inkComponents(bin);
  const heights: number[] = [];
  for (let c = 0; c < cc.count; c++) {
    const ch = cc.y1[c]! - cc.y0[c]!;
    const cw = cc.x1[c]! - cc.x0[c]!;
    if (ch < 6 || ch > maxSize || cw > maxSize || cc.area[c]! < 12) continue;
    heights.push(ch);
  }
  if (heights.length < 10) return undefined;
  heights.sort((p, q) => p - q);
  return heights[Math.floor(heights.length * 0.75)]!;
}
