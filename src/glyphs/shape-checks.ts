/**
 * Glyphs OCR cannot tell apart from their pixels alone, settled from the ink or from where the
 * glyph is printed:
 * - a comparison sign: tesseract reads the ≥ of a target as > (or =, or 2); the ink decides
 *   (src/ocr/glyph-shape.ts: a chevron over a bar is ≥, two bars are =);
 * - the dash and the character 一 are one horizontal stroke each; a dash stands alone (a blank
 *   table cell) or between digits, 一 stands among Chinese characters (一、 （一） 统一 一级指标);
 *   a stroke narrower than full width is neither: it is the hyphen-minus of `-10` (a 扣分项's
 *   points), which OCR of the glyph alone reads as a dash or as 一.
 */
import { comparisonGlyph } from "../ocr/glyph-shape.js";
import type { GlyphStrip } from "./glyph-crops.js";

const COMPARISON_READINGS = new Set([">", "<", "=", "2", "≥", "≤", "≧", "≦", "≯", "≮"]);

/**
 * The comparison sign the glyph's ink shows. A chevron over a bar is ≥ or ≤ whatever OCR read
 * (measured on 11 reports' glyphs: it picked out every ≥ and ≤, read as 之, 入, 和 or >, and nothing
 * else); two bars are = only when some reading took the glyph for a sign, as 二 has two bars too.
 */
export function judgeComparison(readings: readonly string[], strip: GlyphStrip): "≥" | "≤" | "=" | undefined {
  const { image } = strip;
  const bin = { width: image.width, height: image.height, data: image.data.map((v) => (v < 128 ? 0 : 255)) };
  const shape = comparisonGlyph(bin, { x0: 0, y0: 0, x1: image.width, y1: image.height });
  if (shape === "=" && !readings.some((r) => [...r].some((c) => COMPARISON_READINGS.has(c))))
    return undefined;
  return shape;
}

export const DASH = "—";
export const ONE = "一";
/** Share of occurrences near a Chinese character below which a horizontal stroke is a dash. */
const NEAR_HAN_SHARE = 0.2;

const STROKES = new Set([ONE, DASH, "-", "－", "–"]);

/**
 * A horizontal stroke read as 一 or as a dash: on a glyph narrower than full width the
 * hyphen-minus; else a dash when few of its occurrences have a Chinese character within two glyphs
 * of them in their text run, 一 otherwise.
 */
export function dashOrOne(reading: string, nearHan: number, occurrences: number, fullWidth = true): string {
  if (!STROKES.has(reading)) return reading;
  if (!fullWidth) return "-";
  if (occurrences === 0) return reading;
  return nearHan / occurrences < NEAR_HAN_SHARE ? DASH : ONE;
}

/** Angle brackets are rare in these reports, round ones common: tesseract reads （ as 〈. */
const PAREN_FOR: Record<string, string> = { "〈": "(", "〉": ")", "<": "(", ">": ")" };

/** A full-width glyph read as an angle bracket is the round bracket when any reading saw that. */
export function angleOrRound(text: string, readings: readonly string[], fullWidth: boolean): string {
  const paren = PAREN_FOR[text];
  if (!paren || !fullWidth) return text;
  return readings.some((r) => r.normalize("NFKC").startsWith(paren)) ? paren : text;
}
