import { describe, expect, it } from "vitest";
import { refineNumbers } from "../../src/ocr/ocr-page.js";
import type { GrayImage } from "../../src/ocr/raster/index.js";
import type { OcrPool, OcrWord } from "../../src/ocr/tesseract-pool.js";

const page: GrayImage = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255) };

function word(text: string, confidence: number): OcrWord {
  return { text, confidence, x0: 100, y0: 40, x1: 160, y1: 60, baseline: 58, lineHeight: 24 };
}

/** A pool that answers every crop with one reading. */
function poolReading(text: string, confidence: number): OcrPool {
  return { recognize: async () => [word(text, confidence)] } as unknown as OcrPool;
}

describe("refineNumbers (re-reading doubtful numbers from their own crop)", () => {
  it("takes a more confident, well-formed reading", async () => {
    const [w] = await refineNumbers([word("得分92.8", 50)], page, poolReading("92.3", 90), 300);
    expect(w!.text).toBe("得分92.3");
  });

  it("does not take a reading whose crop clipped a digit (a bracket where the digit was)", async () => {
    const [w] = await refineNumbers([word("92.3", 61)], page, poolReading(")2.3", 86), 300);
    expect(w!.text).toBe("92.3");
  });

  it("does not trade a thousands-separated number for one with fewer digits", async () => {
    const [w] = await refineNumbers([word("1,561,500.00", 60)], page, poolReading("561,500.00", 90), 300);
    expect(w!.text).toBe("1,561,500.00");
  });

  it("puts back a lost leading digit that a re-read found (with the grouping of the first reading)", async () => {
    const [w] = await refineNumbers([word(",204,617.20", 20)], page, poolReading("1204,617.20", 91), 300);
    expect(w!.text).toBe("1,204,617.20");
  });

  it("leaves confident numbers alone", async () => {
    const [w] = await refineNumbers([word("45.6", 95)], page, poolReading("46.6", 99), 300);
    expect(w!.text).toBe("45.6");
  });
});

describe("joinUnitWords", () => {
  it("folds 元 read as a word of its own (JT, 7T) into the amount before it", async () => {
    const { joinUnitWords } = await import("../../src/ocr/ocr-page.js");
    const a = { ...word("1,324,428.09", 90), x0: 100, x1: 160 };
    const u = { ...word("7T,", 60), x0: 164, x1: 176 };
    expect(joinUnitWords([a, u]).map((w) => w.text)).toEqual(["1,324,428.09元", ","]);
    // not after a plain count
    const n = { ...word("127", 90), x0: 100, x1: 120 };
    expect(joinUnitWords([n, { ...u, x0: 124, x1: 136 }]).map((w) => w.text)).toEqual(["127", "7T,"]);
  });
});
