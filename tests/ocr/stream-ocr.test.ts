/**
 * Scanned pages go to OCR as soon as they are read (pipelines/read.ts: readPdfPagesThen(ocrAsRead)),
 * not once the whole document is read — and the OCR stage's outcome is the same as when it starts
 * every page itself. The OCR service is a stand-in whose reading is a function of the page image's
 * pixels, so the two paths must have handed the same pixels over for the same pages to come out.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { defaultContext, processSource } from "../../src/cli/load-document.js";
import type { PageContent } from "../../src/layout/page-model.js";
import type { OcrPageResult } from "../../src/ocr/ocr-page.js";
import type { PageRaster } from "../../src/ocr/page-image.js";
import { ocrAsRead, ocrPages } from "../../src/ocr/stage.js";
import { HANDOFF_MS } from "../../src/pdf/document-source.js";
import { openDocument, readPdfPages, readPdfPagesThen } from "../../src/pdf/stages.js";
import type { ExtractionResult } from "../../src/pipeline/extraction-result.js";
import type { Stage } from "../../src/pipeline/stage.js";
import { ROOT } from "../helpers/golden.js";

const FIXTURE = path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf");

/** A stand-in for the batch's OCR engines: one run per page holding a digest of its pixels. */
function fakeEngines(watch: () => ExtractionResult | undefined) {
  const calls: Array<{ page: number; pagesReadYet: number }> = [];
  return {
    calls,
    service: {
      size: 2,
      engine: "paddle" as const,
      async readPaddlePage(raster: PageRaster, content: PageContent): Promise<OcrPageResult> {
        calls.push({ page: content.number, pagesReadYet: watch()?.pages.length ?? -1 });
        let digest = 0;
        for (let i = 0; i < raster.data.length; i += 7) digest = (digest * 31 + raster.data[i]!) % 1_000_003;
        const text = `${raster.width}x${raster.height}:${digest}`;
        return {
          content: {
            ...content,
            source: "ocr",
            runs: [{ text, x0: 10, x1: 100, y0: 10, y1: 20, fontSize: 10, fontName: "ocr", baseline: 20 }],
          },
          skew: 0,
          // Odd pages doubtful: the stage's issues must come out the same too.
          meanConfidence: content.number % 2 ? 40 : 90,
          ms: 1,
        };
      },
    },
  };
}

async function run(stages: Stage[], file = FIXTURE) {
  let result: ExtractionResult | undefined;
  const fake = fakeEngines(() => result);
  const done = await processSource(
    { path: file, fileName: path.basename(file), size: 0, sha256: "" },
    new Uint8Array(readFileSync(file)),
    stages,
    defaultContext({ services: { ocr: fake.service } }),
    (r) => {
      result = r;
    },
  );
  return { done, calls: fake.calls };
}

describe("OCR streamed from reading", () => {
  it("starts on a scanned page before the rest of the document is read, with the same outcome", async () => {
    const streamed = await run([openDocument, readPdfPagesThen(ocrAsRead), ocrPages]);
    const after = await run([openDocument, readPdfPages, ocrPages]);
    // The first page reached OCR while reading was still going on (the pages are set at its end).
    expect(streamed.calls[0]).toEqual({ page: 1, pagesReadYet: 0 });
    expect(after.calls.every((c) => c.pagesReadYet === 2)).toBe(true);
    expect(streamed.calls.map((c) => c.page).sort()).toEqual([1, 2]);
    expect(streamed.done.pages.map((p) => p.source)).toEqual(["ocr", "ocr"]);
    expect(streamed.done.pages).toEqual(after.done.pages);
    expect(streamed.done.issues).toEqual(after.done.issues);
    expect(streamed.done.issues.map((i) => i.code)).toEqual(["low_ocr_confidence"]);
  });

  it("sends nothing to OCR early with OCR off", async () => {
    let result: ExtractionResult | undefined;
    const fake = fakeEngines(() => result);
    const done = await processSource(
      { path: FIXTURE, fileName: path.basename(FIXTURE), size: 0, sha256: "" },
      new Uint8Array(readFileSync(FIXTURE)),
      [openDocument, readPdfPagesThen(ocrAsRead), ocrPages],
      defaultContext({ ocr: "never", services: { ocr: fake.service } }),
      (r) => {
        result = r;
      },
    );
    expect(fake.calls).toEqual([]);
    expect(done.pages.map((p) => p.source)).toEqual(["text_layer", "text_layer"]);
  });

  it("gives the event loop time only after a page handed to OCR, never after a text page", async () => {
    const handoffs = async (file: string) => {
      const spy = vi.spyOn(globalThis, "setTimeout");
      try {
        await run([openDocument, readPdfPagesThen(ocrAsRead), ocrPages], file);
        return spy.mock.calls.filter((c) => c[1] === HANDOFF_MS).length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(await handoffs(FIXTURE)).toBe(2); // two scanned pages
    expect(await handoffs(path.join(ROOT, "samples/qingchuan-culture-2023.pdf"))).toBe(0);
  });
});
