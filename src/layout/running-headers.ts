/**
 * Running headers, footers and page numbers: lines in the top or bottom margin band that repeat on
 * many pages (digits ignored), or that look like a page number. They are removed from the text flow.
 */
import { re } from "../extract/definitions.js";
import type { LayoutWords } from "./document-layout.js";
import { normalizeText } from "./located-text.js";
import type { Line } from "./text-runs-to-lines.js";

/** Share of the page height at the top and bottom searched for running lines. */
const MARGIN_BAND = 0.12;

/** Page numbers in digits; a house style's words for them ("第 3 页") come with the layout words. */
const PAGE_NUMBER = [
  /^[-–—\s]*\d{1,4}[-–—\s]*$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^[·•\s]*\d{1,4}[·•\s]*$/,
];

export const isPageNumber = (text: string, words: Pick<LayoutWords, "pageNumber">): boolean => {
  const t = normalizeText(text).trim();
  return PAGE_NUMBER.some((r) => r.test(t)) || words.pageNumber.some((p) => re(p).test(t));
};

const shape = (text: string): string => normalizeText(text).replace(/\d+/g, "#").replace(/\s+/g, "");

export interface PageLines {
  page: number;
  height: number;
  lines: Line[];
}

/** Returns, per page, the set of line indices that are running headers/footers/page numbers. */
export function findRunningLines(
  pages: readonly PageLines[],
  words: Pick<LayoutWords, "pageNumber">,
): Set<Line> {
  const out = new Set<Line>();
  const inBand = (l: Line, h: number): boolean => l.y1 < h * MARGIN_BAND || l.y0 > h * (1 - MARGIN_BAND);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (inBand(l, p.height)) seen.add(shape(l.text.printed));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  // A header repeats on at least half of the pages (and on at least two).
  const repeated = (s: string): boolean =>
    pages.length >= 2 && (counts.get(s) ?? 0) >= Math.max(2, pages.length / 2);
  for (const p of pages) {
    for (const l of p.lines) {
      if (!inBand(l, p.height)) continue;
      if (isPageNumber(l.text.printed, words) || repeated(shape(l.text.printed))) out.add(l);
    }
  }
  return out;
}
