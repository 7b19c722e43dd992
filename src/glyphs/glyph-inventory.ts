/**
 * The distinct glyphs of a document's fonts, counted over the pages whose text layer is garbled,
 * with a few occurrences of each to look at. A glyph is (font id, code): without a Unicode map the
 * code is all a text layer tells, but it tells it exactly, so one reading per glyph decodes every
 * occurrence on every page.
 */
import type { Segment } from "../layout/page-model.js";
import { glyphStats } from "../pdf/classify-page.js";
import type { PageGlyphs } from "../pdf/page-glyphs.js";
import { type GlyphLine, pageLines } from "./glyph-lines.js";

export type GlyphKey = string;

export const glyphKey = (font: string, code: number): GlyphKey => `${font}#${code}`;

/** One occurrence: glyph `index` of line `line` of page `page` (glyph-lines.ts). */
export interface GlyphPlace {
  page: number;
  line: number;
  index: number;
}

export interface GlyphEntry {
  key: GlyphKey;
  font: string;
  code: number;
  /** What pdf.js made of the code: right for fonts whose encoding it knows, noise otherwise. */
  unicode: string;
  /** Advance in em (median of the first occurrences): CJK and full-width forms are ~1, digits ~0.5. */
  advance: number;
  /** Occurrences in the document. */
  count: number;
  /** Up to SAMPLES occurrences, clear of table rulings where possible, on different pages first. */
  samples: GlyphPlace[];
}

export interface FontVerdict {
  font: string;
  name: string;
  glyphs: number;
  /** The font's own text looks like Chinese prose: it keeps its text layer and is not read. */
  trusted: boolean;
  reason: string;
}

/** Occurrences kept per glyph: each is read in its own neighbourhood, and the readings are voted. */
export const SAMPLES = 3;

/**
 * A font's own text is trusted when it holds no suspicious code (private-use, control, cid:) and
 * enough of its Chinese characters are common ones — the same signals as classify-page.ts, per font.
 */
function fontVerdict(text: string): { trusted: boolean; reason: string } {
  const s = glyphStats(text);
  if (s.total === 0) return { trusted: false, reason: "no visible text" };
  if (s.suspicious > 0)
    return { trusted: false, reason: `${s.suspicious} of ${s.total} codes without meaning` };
  if (s.cjk >= 20 && s.commonCjk / s.cjk >= 0.25)
    return {
      trusted: true,
      reason: `${s.cjk} Chinese characters, ${Math.round((100 * s.commonCjk) / s.cjk)}% common`,
    };
  return {
    trusted: false,
    reason: `text not recognisable as Chinese prose (${s.cjk} of ${s.total} Chinese)`,
  };
}

/** Whether the em box of glyph `index` of `line` is crossed by a table ruling. */
export function crossesRuling(line: GlyphLine, index: number, segments: readonly Segment[]): boolean {
  const g = line.glyphs[index]!;
  const top = line.baseline - line.fontSize;
  const bottom = line.baseline + line.fontSize * 0.25;
  return segments.some((s) =>
    s.orient === "h"
      ? s.pos > top && s.pos < bottom && s.to > g.x0 && s.from < g.x1
      : s.pos > g.x0 && s.pos < g.x1 && s.to > top && s.from < bottom,
  );
}

export interface Inventory {
  fonts: FontVerdict[];
  /** Glyphs of the fonts that are not trusted, in order of first occurrence. */
  glyphs: GlyphEntry[];
  /** Each page's glyphs as printed lines: GlyphPlace.line indexes these. */
  lines: Map<number, GlyphLine[]>;
}

export function glyphInventory(
  pages: readonly PageGlyphs[],
  segmentsOf: (page: number) => readonly Segment[],
): Inventory {
  const textOf = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const p of pages) {
    for (const f of p.fonts) names.set(f.id, f.name);
    for (const r of p.runs) {
      const parts = textOf.get(r.font) ?? [];
      textOf.set(r.font, parts);
      for (const g of r.glyphs) parts.push(g.unicode);
    }
  }
  const fonts: FontVerdict[] = [];
  const untrusted = new Set<string>();
  for (const [font, parts] of textOf) {
    const v = fontVerdict(parts.join(""));
    fonts.push({ font, name: names.get(font) ?? "", glyphs: 0, ...v });
    if (!v.trusted) untrusted.add(font);
  }
  interface Building extends GlyphEntry {
    advances: number[];
    /** Occurrences crossing a ruling: used only when a glyph has too few clear ones. */
    crossing: GlyphPlace[];
  }
  const byKey = new Map<GlyphKey, Building>();
  const lines = new Map<number, GlyphLine[]>();
  for (const p of pages) {
    const segments = segmentsOf(p.page);
    const pl = pageLines(p);
    lines.set(p.page, pl);
    pl.forEach((l, line) => {
      l.glyphs.forEach((g, index) => {
        if (!untrusted.has(g.font)) return;
        const key = glyphKey(g.font, g.code);
        let e = byKey.get(key);
        if (!e) {
          e = {
            key,
            font: g.font,
            code: g.code,
            unicode: g.unicode,
            advance: 0,
            count: 0,
            samples: [],
            advances: [],
            crossing: [],
          };
          byKey.set(key, e);
        }
        e.count++;
        if (e.advances.length < 9 && l.fontSize > 0) e.advances.push((g.x1 - g.x0) / l.fontSize);
        const place = { page: p.page, line, index };
        if (crossesRuling(l, index, segments)) {
          if (e.crossing.length < SAMPLES) e.crossing.push(place);
        } else if (e.samples.length < SAMPLES) {
          e.samples.push(place);
        } else if (!e.samples.some((s) => s.page === p.page)) {
          // Prefer occurrences on different pages (another rendering neighbourhood each time).
          const dup = e.samples.findIndex((s, i) => e!.samples.findIndex((t) => t.page === s.page) !== i);
          if (dup >= 0) e.samples[dup] = place;
        }
      });
    });
  }
  const glyphs: GlyphEntry[] = [];
  for (const e of byKey.values()) {
    const advances = e.advances.sort((a, b) => a - b);
    glyphs.push({
      key: e.key,
      font: e.font,
      code: e.code,
      unicode: e.unicode,
      advance: advances[advances.length >> 1] ?? 1,
      count: e.count,
      samples: [...e.samples, ...e.crossing].slice(0, SAMPLES),
    });
  }
  for (const f of fonts) f.glyphs = glyphs.filter((g) => g.font === f.font).length;
  return { fonts, glyphs, lines };
}
