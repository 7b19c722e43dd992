/** A character PP-OCR's reading left out (ink between two read characters, room for one more) is read again alone. */
import { describe, expect, it } from "vitest";
import type { LineReading } from "../../src/ocr/paddle/ctc-recognize.js";
import { droppedGaps, rereadDropped } from "../../src/ocr/paddle/reading-fixes.js";
import { createGray, type GrayImage } from "../../src/ocr/raster/index.js";

const EM = 30;
/** A line crop 40 px high: a block of ink (a character's stand-in) in each em slot whose flag is set. */
function line(slots: boolean[]): GrayImage {
  const img = createGray(EM * slots.length, 40, 255);
  slots.forEach((on, i) => {
    if (!on) return;
    for (let y = 7; y < 34; y++)
      for (let x = i * EM + 3; x < i * EM + 27; x += 2) img.data[y * img.width + x] = 0;
  });
  return img;
}
const reading = (chars: Array<[string, number]>): LineReading => ({
  text: chars.map(([t]) => t).join(""),
  confidence: 100,
  chars: chars.map(([text, slot]) => ({ text, prob: 1, x0: slot * EM + 11, x1: slot * EM + 19 })),
});
const runner = (texts: string[]) => {
  const asked: GrayImage[] = [];
  return {
    asked,
    recognize: async (crops: readonly GrayImage[]): Promise<LineReading[]> => {
      asked.push(...crops);
      return crops.map((_, i) => {
        const t = texts[i] ?? "";
        return { text: t, confidence: t ? 97 : 0, chars: t ? [{ text: t, prob: 0.97, x0: 8, x1: 16 }] : [] };
      });
    },
  };
};

describe("characters dropped by the recogniser", () => {
  it("ink where no character was read, with room for one: that ink is read again and put in", async () => {
    const crop = line([true, true, true, true]);
    const r = reading([
      ["甲", 0],
      ["县", 2],
      ["局", 3],
    ]);
    expect(droppedGaps(r, crop)).toHaveLength(1);
    const models = runner(["乙"]);
    const [fixed] = await rereadDropped([r], [crop], models);
    expect(fixed!.text).toBe("甲乙县局");
    expect(models.asked).toHaveLength(1);
    // The inserted character sits between its neighbours.
    const xs = fixed!.chars.map((c) => c.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("a blank between characters (spaced-out text) is no dropped character", async () => {
    const crop = line([true, false, true]);
    const r = reading([
      ["部", 0],
      ["门", 2],
    ]);
    expect(droppedGaps(r, crop)).toEqual([]);
    const models = runner([]);
    expect(await rereadDropped([r], [crop], models)).toEqual([r]);
    expect(models.asked).toHaveLength(0);
  });

  it("when the ink reads as nothing alone either, its neighbours are marked doubtful", async () => {
    const crop = line([true, true, true]);
    const r = reading([
      ["甲", 0],
      ["县", 2],
    ]);
    const [fixed] = await rereadDropped([r], [crop], runner([""]));
    expect(fixed!.text).toBe("甲县");
    expect(fixed!.chars.map((c) => c.prob)).toEqual([0.5, 0.5]);
    expect(fixed!.confidence).toBeLessThan(85);
  });

  it("digits and Latin are not judged (their pitch is not the em)", () => {
    const crop = line([true, true, true]);
    expect(
      droppedGaps(
        reading([
          ["1", 0],
          ["2", 2],
        ]),
        crop,
      ),
    ).toEqual([]);
  });
});
