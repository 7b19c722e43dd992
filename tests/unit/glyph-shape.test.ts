/**
 * Comparison signs told apart by their ink: ≥ / ≤ (chevron over a bar), = (two bars), 2 (one stroke);
 * in tesseract's words (character boxes) and in PP-OCR's segments (the first glyph found from the ink).
 */
import { describe, expect, it } from "vitest";
import { comparisonGlyph, firstGlyphBox } from "../../src/ocr/glyph-shape.js";
import { fixComparisonSign } from "../../src/ocr/ocr-page.js";
import type { LineReading } from "../../src/ocr/paddle/ctc-recognize.js";
import { fixComparisonReading } from "../../src/ocr/paddle/reading-fixes.js";
import { createGray, type GrayImage } from "../../src/ocr/raster/index.js";
import type { OcrWord } from "../../src/ocr/tesseract-pool.js";

/** Thick line segments drawn into a white image (40×40 unless told). */
function draw(segments: Array<[number, number, number, number]>, thickness = 3, width = 40): GrayImage {
  const img = createGray(width, 40, 255);
  for (const [x0, y0, x1, y1] of segments) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
    for (let i = 0; i <= steps; i++) {
      const x = Math.round(x0 + ((x1 - x0) * i) / steps);
      const y = Math.round(y0 + ((y1 - y0) * i) / steps);
      for (let dy = 0; dy < thickness; dy++)
        for (let dx = 0; dx < thickness; dx++) img.data[(y + dy) * width + x + dx] = 0;
    }
  }
  return img;
}
const BOX = { x0: 4, y0: 4, x1: 36, y1: 36 };

describe("comparisonGlyph", () => {
  it("≥: a chevron pointing right over a bar (flat or slanted)", () => {
    expect(
      comparisonGlyph(
        draw([
          [6, 6, 30, 16],
          [30, 16, 6, 26],
          [6, 32, 30, 32],
        ]),
        BOX,
      ),
    ).toBe("≥");
    expect(
      comparisonGlyph(
        draw([
          [6, 6, 30, 16],
          [30, 16, 6, 26],
          [6, 34, 30, 26],
        ]),
        BOX,
      ),
    ).toBe("≥");
  });

  it("≤: a chevron pointing left over a bar", () => {
    expect(
      comparisonGlyph(
        draw([
          [30, 6, 6, 16],
          [6, 16, 30, 26],
          [6, 32, 30, 32],
        ]),
        BOX,
      ),
    ).toBe("≤");
  });

  it("=: two flat bars", () => {
    expect(
      comparisonGlyph(
        draw([
          [6, 12, 30, 12],
          [6, 24, 30, 24],
        ]),
        BOX,
      ),
    ).toBe("=");
  });

  it("2: one stroke, or a broken 2 (hook over its base) — no sign", () => {
    const hook: Array<[number, number, number, number]> = [
      [10, 8, 18, 6],
      [18, 6, 28, 10],
      [28, 10, 28, 16],
      [28, 16, 8, 30],
    ];
    expect(comparisonGlyph(draw([...hook, [8, 30, 8, 33], [8, 33, 30, 33]]), BOX)).toBeUndefined();
    expect(comparisonGlyph(draw([...hook, [8, 34, 30, 34]]), BOX)).toBeUndefined();
  });
});

describe("fixComparisonSign", () => {
  const word = (text: string): OcrWord => ({
    text,
    confidence: 60,
    x0: 4,
    y0: 4,
    x1: 36,
    y1: 36,
    baseline: 36,
    lineHeight: 32,
    symbols: [...text].map((ch, i) =>
      i === 0 ? { text: ch, ...BOX } : { text: ch, x0: 36, y0: 4, x1: 38, y1: 36 },
    ),
  });
  const chevron = draw([
    [6, 6, 30, 16],
    [30, 16, 6, 26],
    [6, 32, 30, 32],
  ]);

  it("turns a misread first character with a ≥'s ink into ≥", () => {
    for (const read of ["Z120", "全90%", "=85%", "295%"])
      expect(fixComparisonSign([word(read)], chevron)[0]!.text).toBe(`≥${read.slice(1)}`);
  });

  it("leaves a real 2 or a real character alone", () => {
    const two = draw([
      [10, 8, 28, 10],
      [28, 10, 28, 16],
      [28, 16, 8, 32],
      [8, 32, 30, 32],
    ]);
    expect(fixComparisonSign([word("20个以上")], two)[0]!.text).toBe("20个以上");
    expect(fixComparisonSign([word("约90%")], two)[0]!.text).toBe("约90%");
  });
});

describe("fixComparisonReading (PP-OCR: one box per segment, no character boxes)", () => {
  type Seg = Array<[number, number, number, number]>;
  const at = (dx: number, seg: Seg): Seg => seg.map(([x0, y0, x1, y1]) => [x0 + dx, y0, x1 + dx, y1]);
  const GE: Seg = [
    [6, 6, 30, 16],
    [30, 16, 6, 26],
    [6, 34, 30, 26],
  ];
  const V: Seg = [
    [6, 6, 18, 32],
    [18, 32, 30, 6],
  ];
  const GT: Seg = [
    [6, 6, 30, 18],
    [30, 18, 6, 30],
  ];
  const ONE: Seg = [[8, 6, 8, 33]];
  const TWO_BARS: Seg = [
    [6, 12, 30, 12],
    [6, 24, 30, 24],
  ];
  /** A segment crop: glyphs drawn one after another, 40 px apart, with specks of scan noise before them. */
  const segment = (...glyphs: Seg[]): GrayImage => {
    const img = draw(
      glyphs.flatMap((g, i) => at(4 + 40 * i, g)),
      3,
      40 * glyphs.length + 8,
    );
    img.data[20 * img.width + 1] = 0;
    return img;
  };
  const reading = (text: string): LineReading => ({
    text,
    confidence: 95,
    chars: [...text].map((ch, i) => ({ text: ch, prob: 0.95, x0: 4 + 40 * i, x1: 34 + 40 * i })),
  });

  it("finds the first glyph's box from the ink columns, past a speck of noise", () => {
    expect(firstGlyphBox(segment(GE, ONE))).toEqual({ x0: 10, y0: 6, x1: 37, y1: 37 });
    expect(firstGlyphBox(createGray(20, 20, 255))).toBeUndefined();
  });

  it("a ≥ read as V, v, > or 之, alone or before the number, becomes ≥", () => {
    for (const read of ["V", "v", ">", "之", "V1", "Y1"])
      expect(fixComparisonReading(reading(read), segment(GE, ...(read.length > 1 ? [ONE] : []))).text).toBe(
        `≥${read.slice(1)}`,
      );
    const fixed = fixComparisonReading(reading("V1"), segment(GE, ONE));
    expect(fixed.chars.map((c) => c.text)).toEqual(["≥", "1"]);
    expect(fixed.chars[0]!.prob).toBe(0.95);
  });

  it("a real V or > (no bar under the chevron) stays as read", () => {
    expect(fixComparisonReading(reading("V"), segment(V)).text).toBe("V");
    expect(fixComparisonReading(reading(">1"), segment(GT, ONE)).text).toBe(">1");
  });

  it("two bars are = only where the reading took them for a sign (二 stays)", () => {
    expect(fixComparisonReading(reading("V1"), segment(TWO_BARS, ONE)).text).toBe("=1");
    expect(fixComparisonReading(reading("二"), segment(TWO_BARS)).text).toBe("二");
  });

  it("a reading opening with a digit other than 2, or with words, is not judged", () => {
    expect(fixComparisonReading(reading("11"), segment(GE, ONE)).text).toBe("11");
    expect(fixComparisonReading(reading("指标"), segment(GE, ONE)).text).toBe("指标");
  });
});
