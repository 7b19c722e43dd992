/**
 * Corrections of PP-OCR's line readings from the ink of the segment they were read from: a first
 * glyph whose shape is a comparison sign, and a character the recogniser left out whole. Each
 * either puts in what the ink shows or marks the reading doubtful; none changes a figure to make
 * it agree with anything else.
 */
import { comparisonGlyph, firstGlyphBox } from "../glyph-shape.js";
import { crop, type GrayImage } from "../raster/index.js";
import type { LineReading } from "./ctc-recognize.js";
import type { PaddleModelsRunner } from "./paddle-page.js";

/**
 * A segment opening with what may be a misread comparison sign. PP-OCR reads the ⩾ of an indicator
 * target, alone in its cell or before the number, as "V", "v", ">", "之", "2" …: a segment of one
 * character, one opening with a non-digit before a digit, or with one of those readings.
 */
const SIGN_SUSPECT = /^(?:.$|\D\d|[2=><VvYy之全么Zz过和入])/su;
/** Readings of the first glyph that take it for a sign already: two flat bars then are "=". */
const SIGN_READINGS = new Set(["2", ">", "<", "V", "v", "≥", "≤"]);

/**
 * The first character of a segment's reading judged again from its ink (glyph-shape.ts): a chevron
 * over a bar is ≥ or ≤ whatever was read; two flat bars are = only where the reading took the glyph
 * for a sign (二 has two bars too). PP-OCR gives no character boxes: the glyph is the first run of
 * ink columns of the segment's crop. Anything else, or a shape that is none of these, stays as read.
 */
export function fixComparisonReading(r: LineReading, segment: GrayImage): LineReading {
  const first = r.chars[0];
  if (!first || first.text !== [...r.text][0] || /^[013-9]/.test(r.text) || !SIGN_SUSPECT.test(r.text))
    return r;
  const bin: GrayImage = { ...segment, data: segment.data.map((v) => (v < 128 ? 0 : 255)) };
  const box = firstGlyphBox(bin);
  if (!box) return r;
  const glyph = comparisonGlyph(bin, box);
  if (!glyph || glyph === first.text) return r;
  if (glyph === "=" && !SIGN_READINGS.has(first.text)) return r;
  return {
    ...r,
    text: glyph + r.text.slice(first.text.length),
    chars: [{ ...first, text: glyph }, ...r.chars.slice(1)],
  };
}

/**
 * Share of a Chinese character's em between two read characters' centres past which the reading has
 * room for one more character there (1 em apart is the usual pitch; 2 em is one left out).
 */
const DROPPED_PITCH = 1.7;
/** Below this probability a character is doubtful (review/uncertainty.ts's UNCERTAIN_BELOW is 85). */
const DOUBTFUL_PROB = 0.5;

/** A gap of one reading where ink stands but no character was read: crop pixels. */
export function droppedGaps(r: LineReading, c: GrayImage): Array<{ after: number; x0: number; x1: number }> {
  const ink = inkRows(c);
  if (!ink || r.chars.length < 2) return [];
  const em = (ink.bottom - ink.top) / 0.9;
  const han = /[\u3400-\u9fff]/u;
  const out: Array<{ after: number; x0: number; x1: number }> = [];
  for (let k = 0; k + 1 < r.chars.length; k++) {
    const a = r.chars[k]!;
    const b = r.chars[k + 1]!;
    if (!han.test(a.text) || !han.test(b.text)) continue;
    const ca = (a.x0 + a.x1) / 2;
    const cb = (b.x0 + b.x1) / 2;
    if (cb - ca < DROPPED_PITCH * em) continue;
    // The ink columns between the two characters' own ems.
    const from = Math.max(0, Math.round(ca + 0.5 * em));
    const to = Math.min(c.width, Math.round(cb - 0.5 * em));
    let x0 = -1;
    let x1 = -1;
    let columns = 0;
    for (let x = from; x < to; x++) {
      let n = 0;
      for (let y = ink.top; y < ink.bottom; y++) if (c.data[y * c.width + x]! < 128) n++;
      if (n < 2) continue;
      columns++;
      if (x0 < 0) x0 = x;
      x1 = x + 1;
    }
    if (columns >= 0.2 * em) out.push({ after: k, x0, x1 });
  }
  return out;
}

/**
 * A character the recogniser left out: PP-OCR's CTC decoding can drop a character whole (measured: a
 * title's place name read without its rare third character, at 100 % confidence, the gap left
 * where it stood). Where two read Chinese characters stand far enough apart for one more and ink
 * stands between them, that ink is read again alone and what it reads is put in; when it reads
 * nothing, the characters either side are marked doubtful, so the value is never exported as sure.
 */
export async function rereadDropped(
  readings: LineReading[],
  crops: readonly GrayImage[],
  models: Pick<PaddleModelsRunner, "recognize">,
): Promise<LineReading[]> {
  const gaps = readings.map((r, i) => droppedGaps(r, crops[i]!));
  const pieces: GrayImage[] = [];
  gaps.forEach((gs, i) => {
    const c = crops[i]!;
    for (const g of gs) {
      const pad = Math.round((g.x1 - g.x0) * 0.15) + 2;
      pieces.push(crop(c, g.x0 - pad, 0, g.x1 + pad, c.height));
    }
  });
  if (pieces.length === 0) return readings;
  const again = await models.recognize(pieces);
  let next = 0;
  return readings.map((r, i) => {
    const gs = gaps[i]!;
    if (gs.length === 0) return r;
    const chars = r.chars.map((ch) => ({ ...ch }));
    const inserted = new Map<number, typeof chars>();
    for (const g of gs) {
      const piece = again[next++]!;
      const pad = Math.round((g.x1 - g.x0) * 0.15) + 2;
      const read = piece.chars.filter((ch) => ch.text.trim() !== "");
      if (read.length > 0)
        inserted.set(
          g.after,
          read.map((ch) => ({ ...ch, x0: ch.x0 + g.x0 - pad, x1: ch.x1 + g.x0 - pad })),
        );
      else
        for (const k of [g.after, g.after + 1])
          chars[k] = { ...chars[k]!, prob: Math.min(chars[k]!.prob, DOUBTFUL_PROB) };
    }
    const out = chars.flatMap((ch, k) => [ch, ...(inserted.get(k) ?? [])]);
    const text = out.map((ch) => ch.text).join("");
    return { text, confidence: (100 * out.reduce((a, ch) => a + ch.prob, 0)) / out.length, chars: out };
  });
}

/**
 * The rows a segment's ink spans (crop pixels, end exclusive): DB's boxes carry a margin that varies
 * from line to line (measured 48–64 px for one 12 pt body text at 300 dpi), and that would make
 * font sizes vary enough to break paragraphs. Rows count as ink from a tenth of the busiest row's
 * dark pixels, so a bracket's tails or a neighbour's remains at the edge do not count.
 */
export function inkRows(c: GrayImage): { top: number; bottom: number } | undefined {
  const counts = new Uint32Array(c.height);
  for (let y = 0; y < c.height; y++) {
    let n = 0;
    const row = y * c.width;
    for (let x = 0; x < c.width; x++) if (c.data[row + x]! < 128) n++;
    counts[y] = n;
  }
  const max = Math.max(0, ...counts);
  if (max < 2) return undefined;
  const t = Math.max(1, max * 0.1);
  let top = 0;
  while (top < c.height && counts[top]! < t) top++;
  let bottom = c.height;
  while (bottom > top && counts[bottom - 1]! < t) bottom--;
  return bottom - top >= 3 ? { top, bottom } : undefined;
}
