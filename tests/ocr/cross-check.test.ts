/**
 * `--ocr-engine both`: which values are re-read, when two readings agree, and that a disagreement
 * becomes an ocr_uncertain issue with both readings (the value itself is left as first read).
 */
import { describe, expect, it } from "vitest";
import type { PageContent } from "../../src/layout/page-model.js";
import { compareReadings, crossCheckOcr, ocrValues, printedNumber } from "../../src/ocr/cross-check.js";
import type { PageRaster } from "../../src/ocr/page-image.js";
import { newResult } from "../../src/pdf/stages.js";
import type { StageContext } from "../../src/pipeline/stage.js";
import { markUncertain } from "../../src/review/uncertainty.js";

const prov = (page: number, text: string) => ({
  page,
  bbox: [10, 10, 60, 20] as [number, number, number, number],
  text,
  conf: 97,
});
const figure = (value: string, page: number, text: string) => ({
  value,
  ulp: "0.01",
  unit: "万元",
  prov: prov(page, text),
});

const record = {
  department: { value: "某县水务局", prov: prov(1, "某县水务局") },
  headline: { budget_total: figure("2040.55", 1, "全年预算数20,405,500.00元") },
  statements: [{ figure: figure("2040.55", 1, "全年预算数20,405,500.00元") }],
  problems: { value: "一".repeat(60), prov: prov(1, "一".repeat(60)) },
  fiscal_year: figure("2022", 2, "2022年"),
  issues: [],
};

describe("values to re-read", () => {
  it("figures and short texts on OCR'd pages, each box once", () => {
    const vs = ocrValues(record, new Set([1]));
    expect(vs.map((v) => v.path)).toEqual(["department", "headline.budget_total"]);
    expect(vs.map((v) => v.kind)).toEqual(["text", "figure"]);
  });
});

describe("comparing readings", () => {
  it("finds the printed number behind a value in another unit", () => {
    expect(printedNumber("2040.55", "全年预算数20,405,500.00元")).toBe("20405500.00");
    expect(printedNumber("99.21", "完成预算99.21%。")).toBe("99.21");
    expect(printedNumber("12", "合计 345")).toBeUndefined();
  });

  it("a figure agrees when the same digits are read, separators aside", () => {
    const [, v] = ocrValues(record, new Set([1]));
    expect(compareReadings(v!, "全年预算数20405500.00元")?.agrees).toBe(true);
    // A zero lost inside a long amount is a plausible wrong number: it must not pass.
    const lost = compareReadings(v!, "全年预算数20,405,50.00元");
    expect(lost).toEqual({ agrees: false, first: "20405500.00", other: "2040550.00" });
  });

  it("a name disagrees on one character", () => {
    const [v] = ocrValues(record, new Set([1]));
    expect(compareReadings(v!, "某县水务局")?.agrees).toBe(true);
    expect(compareReadings(v!, "某 县 水务 局 ")?.agrees).toBe(true);
    expect(compareReadings(v!, "甚县水务局")).toEqual({
      agrees: false,
      first: "某县水务局",
      other: "甚县水务局",
    });
  });
});

describe("the cross-check stage", () => {
  const page = (n: number): PageContent => ({
    number: n,
    width: 100,
    height: 100,
    runs: [],
    segments: [],
    images: [],
    kind: "image_only",
    kindReason: "test",
    source: "ocr",
  });
  const raster: PageRaster = {
    width: 100,
    height: 100,
    data: new Uint8Array(10_000).fill(255),
    scaleX: 1,
    scaleY: 1,
    originX: 0,
    originY: 0,
    dpi: 72,
    source: "rendered",
  };

  const run = async (engine: "both" | "paddle", second: string[]) => {
    const asked: number[] = [];
    const service = {
      engine,
      size: 1,
      recognizeLines: async (crops: unknown[], by: string) => {
        expect(by).toBe("tesseract");
        asked.push(crops.length);
        return second.map((text) => ({ text, confidence: 71, chars: [] }));
      },
    };
    const result = newResult({ path: "x.pdf", fileName: "x.pdf", size: 0, sha256: "" });
    result.pages = [page(1)];
    result.reader = { raster: async () => raster } as unknown as typeof result.reader;
    result.record = structuredClone(record);
    const ctx: StageContext = { ocr: "auto", maxPages: 10, maxImagePixels: 1e8, services: { ocr: service } };
    await crossCheckOcr.run(result, ctx);
    return { result, asked };
  };

  it("marks a figure the engines read differently, with both readings, and leaves the value", async () => {
    const { result, asked } = await run("both", ["某县水务局", "全年预算数20,405,50.00元"]);
    expect(asked).toEqual([2]);
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue).toMatchObject({ stage: "ocr", code: "ocr_uncertain", page: 1 });
    expect(issue.message).toContain("headline.budget_total");
    expect(issue.message).toContain("“20405500.00”");
    expect(issue.message).toContain("“2040550.00”");
    expect((result.record as typeof record).headline.budget_total.value).toBe("2040.55");
    // the issue names its value exactly: path and box, so the value (and only it) is exported uncertain
    const f = (result.record as typeof record).headline.budget_total;
    expect(issue).toMatchObject({ field: "headline.budget_total", bbox: f.prov.bbox });
    const marked = markUncertain({ ...(result.record as typeof record), issues: result.issues });
    expect((marked.headline.budget_total.prov as { uncertain?: unknown }).uncertain).toEqual([
      { reason: "readings_disagree", why: "readings disagree 20405500.00/2040550.00" },
    ]);
  });

  it("adds nothing where the engines agree, and does nothing unless asked for both", async () => {
    expect((await run("both", ["某县水务局", "全年预算数20,405,500.00元"])).result.issues).toEqual([]);
    const off = await run("paddle", ["x", "y"]);
    expect(off.asked).toEqual([]);
    expect(off.result.issues).toEqual([]);
  });
});
