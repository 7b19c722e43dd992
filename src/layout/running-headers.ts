/**
 * Running headers, footers and page numbers: lines in the top or bottom margin band that repeat on
 * many pages (digits ignored), or that look like a page number. They are removed from the text flow.
 */
import { normalizeText } from "./located-text.js";
import type { Line } from "./text-runs-to-lines.js";

/** Share of the page height at the top and bottom searched for running lines. */
const MARGIN_BAND = 0.12;

const PAGE_NUMBER = [
  /^[-–—\s]*\d{1,4}[-–—\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^[·•\s]*\d{1,4}[·•\s]*$/,
];

export const isPageNumber = (text: string): boolean =>
  PAGE_NUMBER.some((re) => re.test(normalizeText(text).trim()));

const shape = (text: string): string => normalizeText(text).replace(/\d+/g, "#").replace(/\s+/g, "");

export interface PageLines {
  page: number;
  height: number;
  lines: Line[];
}

/** Returns, per page, the set of line indices that are running headers/footers/page numbers. */
export function findRunningLines(pages: readonly PageLines[]): Set<Line> {
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
      if (isPageNumber(l.text.printed) || repeated(shape(l.text.printed))) out.add(l);
    }
  }
  return out;
}
