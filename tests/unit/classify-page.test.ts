import path from "node:path";
import { describe, expect, it } from "vitest";
import { readStages } from "../../pipelines/read.js";
import { defaultContext, processFile } from "../../src/cli/load-document.js";
import { classifyPage, glyphStats } from "../../src/pdf/classify-page.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

const read = (file: string) => processFile(file, readStages, defaultContext({ ocr: "never" }));

describe("page classification", () => {
  it("marks a text layer without a Unicode map as garbled (needs OCR)", async () => {
    const r = await read(path.join(ROOT, "tests/fixtures/garbled-text-layer.pdf"));
    expect(r.pages.map((p) => p.kind)).toEqual(["garbled"]);
    expect(r.issues.map((i) => i.code)).toContain("needs_ocr");
  });

  it("marks scanned pages image-only and keeps text pages of a mixed file", async () => {
    const r = await read(path.join(SAMPLES, "qingchuan-culture-2023-mixed.pdf"));
    expect(r.pages.map((p) => p.kind)).toEqual(["text", "text", "image_only", "image_only", "image_only"]);
  });

  it("sends text drawn as glyph outlines (no text layer, hundreds of paths) to OCR", async () => {
    const r = await read(path.join(ROOT, "tests/fixtures/text-as-outlines.pdf"));
    expect(r.pages.map((p) => p.kind)).toEqual(["image_only"]);
    expect(r.pages[0]!.kindReason).toMatch(/outlines/);
  });

  it("reads a clean text layer as text", async () => {
    const r = await read(path.join(ROOT, "tests/fixtures/unrelated-notice.pdf"));
    expect(r.pages.map((p) => p.kind)).toEqual(["text"]);
  });

  it("flags random CJK code points (a CID font read without its map)", () => {
    // Rare ideographs spread over the block, as an identity-mapped CID font yields.
    const random = Array.from({ length: 120 }, (_, i) =>
      String.fromCodePoint(0x4e00 + ((i * 2749) % 20000)),
    ).join("");
    const run = { text: random, x0: 0, y0: 0, x1: 100, y1: 10, fontSize: 10, fontName: "f" };
    expect(classifyPage([run], [], 595, 842).kind).toBe("garbled");
    const real =
      "本部门2022年收入预算执行8534.9万元，其中一般公共预算财政拨款收入预算执行为2392.09万元，事业收入预算执行6205.81万元。本部门支出预算执行情况良好。";
    expect(classifyPage([{ ...run, text: real.repeat(2) }], [], 595, 842).kind).toBe("text");
    expect(glyphStats("(cid:12)(cid:13)").suspicious).toBeGreaterThan(0);
  });
});
