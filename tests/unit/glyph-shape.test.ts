/** Comparison signs told apart by their ink: ≥ / ≤ (chevron over a bar), = (two bars), 2 (one stroke). */
import { describe, expect, it } from "vitest";
import { comparisonGlyph } from "../../src/ocr/glyph-shape.js";
import { fixComparisonSign } from "../../src/ocr/ocr-page.js";
import { createGray, type GrayImage } from "../../src/ocr/raster/index.js";
import type { OcrWord } from "../../src/ocr/tesseract-pool.js";

/** Thick line segments drawn into a white 40×40 image. */
function draw(segments: Array<[number, number, number, number]>, thickness = 3): GrayImage {
  const img = createGray(40, 40, 255);
  for (const [x0, y0, x1, y1] of segments) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
    for (let i = 0; i <= steps; i++) {
      const x = Math.round(x0 + ((x1 - x0) * i) / steps);
      const y = Math.round(y0 + ((y1 - y0) * i) / steps);
      for (let dy = 0; dy < thickness; dy++)
        for (let dx = 0; dx < thickness; dx++) img.data[(y + dy) * 40 + x + dx] = 0;
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
