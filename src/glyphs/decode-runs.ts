/**
 * A page's glyph runs decoded through the glyph map into text runs, at the PDF's own positions —
 * so lines, tables and boxes are rebuilt from the text layer exactly as for a good text PDF.
 * Runs are cut as operator-text.ts cuts them (at blanks and at gaps wider than a quarter em), and
 * also where decoding certainty changes: a glyph the readings did not agree on carries a low
 * confidence, and so does every digit or sign printed against it, so that a number touching it is
 * never taken as sure.
 */
import type { TextRun } from "../layout/page-model.js";
import type { GlyphRun } from "../pdf/page-glyphs.js";
import { type GlyphKey, glyphKey } from "./glyph-inventory.js";
import type { GlyphMapEntry } from "./read-glyph-map.js";

/** A TJ gap wider than this (in em) splits a run (as operator-text.ts). */
const GAP_EM = 0.25;
/** Confidence given to an uncertain glyph (0–100): below what the extraction takes as sure. */
export const UNCERTAIN_CONF = 40;

const isIdeograph = (ch: string): boolean => /\p{Script=Han}/u.test(ch);

/** Confidence of a decoded glyph: undefined when the readings agreed, as for a text layer. */
function glyphConf(d: GlyphMapEntry | undefined): number | undefined {
  if (!d) return 0;
  if (d.certain) return undefined;
  if (!d.text) return 0;
  return Math.min(UNCERTAIN_CONF, Math.round((d.conf * d.agree) / Math.max(1, d.total)));
}

export function decodeGlyphRuns(
  runs: readonly GlyphRun[],
  map: ReadonlyMap<GlyphKey, GlyphMapEntry>,
): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const decoded = run.glyphs.map((g) => map.get(glyphKey(run.font, g.code)));
    const text = decoded.map((d) => (d ? (d.blank ? " " : d.text || "\uFFFD") : "\uFFFD"));
    const conf = decoded.map(glyphConf);
    // An uncertain glyph makes the digits and signs printed against it uncertain too.
    for (let i = 0; i < conf.length; i++) {
      if (conf[i] === undefined || decoded[i]?.blank) continue;
      for (const dir of [-1, 1]) {
        for (let j = i + dir; j >= 0 && j < conf.length; j += dir) {
          if (!text[j]!.trim() || isIdeograph(text[j]!) || gapBefore(run, dir < 0 ? j + 1 : j)) break;
          if (conf[j] === undefined || conf[j]! > conf[i]!) conf[j] = conf[i];
        }
      }
    }
    let start = -1;
    let chars = "";
    let runConf: number | undefined;
    const flush = (end: number): void => {
      if (start >= 0 && chars.trim()) {
        const x0 = run.glyphs[start]!.x0;
        const x1 = run.glyphs[end - 1]!.x1;
        const r: TextRun = {
          text: chars,
          x0,
          x1: Math.max(x1, x0 + 0.1),
          y0: run.baseline - run.fontSize * 0.88,
          y1: run.baseline + run.fontSize * 0.12,
          fontSize: run.fontSize,
          fontName: run.font,
        };
        if (runConf !== undefined) r.conf = runConf;
        out.push(r);
      }
      start = -1;
      chars = "";
      runConf = undefined;
    };
    for (let i = 0; i < run.glyphs.length; i++) {
      const t = text[i]!;
      if (!t.trim()) {
        flush(i);
        continue;
      }
      if (start >= 0 && (gapBefore(run, i) || conf[i] !== runConf)) flush(i);
      if (start < 0) {
        start = i;
        runConf = conf[i];
      }
      chars += t;
    }
    flush(run.glyphs.length);
  }
  return out;
}

/** Whether glyph `i` stands apart from glyph i − 1 (a TJ gap as wide as a space). */
function gapBefore(run: GlyphRun, i: number): boolean {
  if (i <= 0 || i >= run.glyphs.length) return false;
  return run.glyphs[i]!.x0 - run.glyphs[i - 1]!.x1 > GAP_EM * run.fontSize;
}
