/**
 * A page's glyphs as printed lines: the glyph runs (one per show-text operation, so one per font —
 * Chromium switches fonts every few glyphs) joined by baseline and size, in reading order along
 * the line, and cut where a gap opens (a table's next cell). A glyph is read "in context" with its
 * neighbours on such a line.
 */
import type { PageGlyphs } from "../pdf/page-glyphs.js";

export interface LineGlyph {
  font: string;
  code: number;
  unicode: string;
  x0: number;
  x1: number;
}

export interface GlyphLine {
  baseline: number;
  fontSize: number;
  glyphs: LineGlyph[];
}

/** Runs on one line: baselines within this share of the em, sizes within this ratio. */
const SAME_BASELINE = 0.15;
const SAME_SIZE = 1.2;
/** A gap wider than this (in em) ends a line segment. */
export const LINE_GAP_EM = 0.8;

export function pageLines(pg: PageGlyphs): GlyphLine[] {
  const runs = [...pg.runs].sort((a, b) => a.baseline - b.baseline || a.glyphs[0]!.x0 - b.glyphs[0]!.x0);
  const lines: GlyphLine[] = [];
  for (const r of runs) {
    const line = lines.find(
      (l) =>
        Math.abs(l.baseline - r.baseline) <= SAME_BASELINE * Math.max(l.fontSize, r.fontSize) &&
        Math.max(l.fontSize, r.fontSize) <= SAME_SIZE * Math.min(l.fontSize, r.fontSize),
    );
    const glyphs = r.glyphs.map((g) => ({
      font: r.font,
      code: g.code,
      unicode: g.unicode,
      x0: g.x0,
      x1: g.x1,
    }));
    if (line) line.glyphs.push(...glyphs);
    else lines.push({ baseline: r.baseline, fontSize: r.fontSize, glyphs });
  }
  const out: GlyphLine[] = [];
  for (const l of lines) {
    const sorted = l.glyphs.sort((a, b) => a.x0 - b.x0);
    // A glyph drawn twice at one place (fake bold, a shadow) is one glyph.
    const glyphs = sorted.filter(
      (g, i) =>
        i === 0 ||
        !(
          sorted[i - 1]!.code === g.code &&
          sorted[i - 1]!.font === g.font &&
          Math.abs(sorted[i - 1]!.x0 - g.x0) < 0.1 * l.fontSize
        ),
    );
    let start = 0;
    for (let i = 1; i <= glyphs.length; i++) {
      if (i === glyphs.length || glyphs[i]!.x0 - glyphs[i - 1]!.x1 > LINE_GAP_EM * l.fontSize) {
        out.push({ baseline: l.baseline, fontSize: l.fontSize, glyphs: glyphs.slice(start, i) });
        start = i;
      }
    }
  }
  return out;
}
