import { describe, expect, it } from "vitest";
import { repairNumericText, repairTargetText } from "../../src/ocr/repair-numbers.js";

describe("OCR number repairs (numeric context only)", () => {
  it.each([
    ["2,392.O9", "2,392.09"],
    ["1O0%", "100%"],
    ["8,534。9", "8,534.9"],
    ["2，392.09", "2,392.09"],
    ["l00", "l00"], // no digit before it: not unambiguous
    ["2l3", "213"],
    ["9I.5", "91.5"],
    ["1197,448.02", "1,197,448.02"],
    ["25,960,249.88iT", "25,960,249.88元"],
    ["2022", "2022"],
  ])("%s → %s", (raw, want) => {
    expect(repairNumericText(raw)).toBe(want);
  });

  it("leaves words and punctuation outside numbers alone", () => {
    expect(repairNumericText("OCR 识别 lol，完成。")).toBe("OCR 识别 lol，完成。");
    expect(repairNumericText("完成 3 项。下一步")).toBe("完成 3 项。下一步");
    expect(repairNumericText("共 12，其中")).toBe("共 12，其中");
  });

  it("reads a cell-opening 之 before a number as ≥", () => {
    expect(repairTargetText("之90%")).toBe("≥90%");
    expect(repairTargetText("之一")).toBe("之一");
  });
});
