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
  const decodedOf = runs.map((run) => run.glyphs.map((g) => map.get(glyphKey(run.font, g.code))));
  const textOf = decodedOf.map((ds) => ds.map((d) => (d ? (d.blank ? " " : d.text || "\uFFFD") : "\uFFFD")));
  const confOf = decodedOf.map((ds) => ds.map(glyphConf));
  spreadNearSigns(runs, decodedOf, textOf, confOf);
  runs.forEach((run, r) => {
    const decoded = decodedOf[r]!;
    const text = textOf[r]!;
    const conf = confOf[r]!;
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
  });
  return out;
}

/** How far (in em) along its line an uncertain glyph that may be a sign or digit reaches. */
const SIGN_REACH_EM = 2;

/**
 * An uncertain glyph that any reading took for a sign or a digit (a ≤ read as 入) makes the
 * digits and signs printed near it on its line uncertain, across runs: in a table cell the sign and
 * its number are often apart ("≤ 85"), and a target must not lose its sign silently.
 */
function spreadNearSigns(
  runs: readonly GlyphRun[],
  decodedOf: ReadonlyArray<ReadonlyArray<GlyphMapEntry | undefined>>,
  textOf: readonly string[][],
  confOf: Array<Array<number | undefined>>,
): void {
  const signLike = (d: GlyphMapEntry | undefined): boolean =>
    !!d && !d.blank && !d.certain && [d.text, ...d.alternatives].some((t) => /[^\p{Script=Han}\s]/u.test(t));
  runs.forEach((run, r) => {
    run.glyphs.forEach((g, i) => {
      const d = decodedOf[r]![i];
      if (!signLike(d)) return;
      const c = confOf[r]![i]!;
      const reach = SIGN_REACH_EM * run.fontSize;
      runs.forEach((other, o) => {
        if (Math.abs(other.baseline - run.baseline) > 0.3 * run.fontSize) return;
        other.glyphs.forEach((h, j) => {
          const t = textOf[o]![j]!;
          if (!t.trim() || isIdeograph(t)) return;
          if (h.x0 > g.x1 + reach || h.x1 < g.x0 - reach) return;
          const cur = confOf[o]![j];
          if (cur === undefined || cur > c) confOf[o]![j] = c;
        });
      });
    });
  });
}

/** Whether glyph `i` stands apart from glyph i − 1 (a TJ gap as wide as a space). */
function gapBefore(run: GlyphRun, i: number): boolean {
  if (i <= 0 || i >= run.glyphs.length) return false;
  return run.glyphs[i]!.x0 - run.glyphs[i - 1]!.x1 > GAP_EM * run.fontSize;
}
