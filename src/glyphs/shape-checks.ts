/**
 * Glyphs OCR cannot tell apart from their pixels alone, settled from the ink or from where the
 * glyph is printed:
 * - a comparison sign: tesseract reads the ≥ of a target as > (or =, or 2); the ink decides
 *   (src/ocr/glyph-shape.ts: a chevron over a bar is ≥, two bars are =);
 * - the dash and the character 一 are one horizontal stroke each; a dash stands alone (a blank
 *   table cell) or between digits, 一 stands among Chinese characters (一、 （一） 统一 一级指标);
 *   a stroke narrower than full width is neither: it is the hyphen-minus of `-10` (a 扣分项's
 *   points), which OCR of the glyph alone reads as a dash or as 一;
 * - a quotation mark read as a stroke (” as 一): its ink sits high in the em, where no stroke of
 *   一 or a dash is printed; the heavy end of its marks tells “ (low, as in 66) from ” (high, 99).
 */
import { comparisonGlyph } from "../ocr/glyph-shape.js";
import { EM_PX, type GlyphStrip } from "./glyph-crops.js";

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

/** A pixel darker than this is ink (as glyph-crops.ts cuts them). */
const INK = 128;
/** Heights above the baseline, in ems: 一 and the dashes are printed in the band from LOW_EM to
 * RAISED_EM (0.3–0.45 em in CJK fonts), quotation marks above it (0.6–0.85). */
const LOW_EM = 0.25;
const RAISED_EM = 0.55;

/**
 * A stroke reading whose glyph's ink is a raised mark: the quotation mark it is. Ink low in the
 * em (below LOW_EM: a neighbour's 。 or ， caught by the cut) does not count; any ink in the band
 * of the strokes means a stroke. The strip is a glyph alone as glyph-crops.ts cuts it (baseline
 * EM_PX rows from the top, whatever the size).
 */
export function raisedQuote(reading: string, strip: GlyphStrip, em = EM_PX): "“" | "”" | undefined {
  if (!STROKES.has(reading)) return undefined;
  const { width, height, data } = strip.image;
  const part = strip.parts[0] ?? { x0: 0, x1: width };
  const rows = new Float64Array(height);
  for (let y = 0; y < height; y++)
    for (let x = part.x0; x < part.x1; x++) if (data[y * width + x]! < INK) rows[y]!++;
  const above = (y: number): number => (em - y) / em;
  let raised = 0;
  let band = 0;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    if (rows[y] === 0) continue;
    if (above(y) > RAISED_EM) {
      raised += rows[y]!;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    } else if (above(y) >= LOW_EM) band += rows[y]!;
  }
  if (raised < 0.01 * em * em || band > 0.05 * raised) return undefined;
  // A mark as flat as a stroke is no quotation mark (an overline, a high rule).
  if (bottom - top + 1 < 0.1 * em) return undefined;
  const middle = (top + bottom) / 2;
  let upper = 0;
  let lower = 0;
  for (let y = top; y <= bottom; y++) {
    if (y < middle) upper += rows[y]!;
    else if (y > middle) lower += rows[y]!;
  }
  if (upper === lower) return undefined;
  return upper > lower ? "”" : "“";
}
