/**
 * The OCR stage: pages without a usable text layer (image-only or garbled) — or every page with
 * `--ocr always` — are read by OCR into the same page model, so layout and extraction run unchanged.
 * The engine (`--ocr-engine`) is PP-OCR, tesseract.js, or both (see engine.ts).
 */
import PQueue from "p-queue";
import { needsOcr, type PageContent } from "../layout/page-model.js";
import { addIssue } from "../pipeline/extraction-result.js";
import type { Stage, StageContext } from "../pipeline/stage.js";
import { defaultOcrEngine, OcrEngines } from "./engine.js";
import { ocrPage } from "./ocr-page.js";
import type { PageRaster } from "./page-image.js";
import { turnPoint } from "./raster/index.js";

/** Resolution for rendering pages that have no embedded scan (measured: see README, OCR). */
export const OCR_DPI = 300;

export const ocrPages: Stage = {
  name: "ocr",
  enabled: (ctx) => ctx.ocr !== "never",
  async run(result, ctx) {
    const wanted = result.pages.filter((p) => ctx.ocr === "always" || needsOcr(p.kind));
    if (wanted.length === 0) return;
    const { pool, owned } = ocrPoolFor(ctx);
    const engine = ctx.ocrEngine ?? pool.engine ?? defaultOcrEngine();
    // Pages are rasterised just ahead of the OCR workers: a whole document of page images at
    // 300 dpi would hold ~9 MB a page for nothing.
    const queue = new PQueue({ concurrency: pool.size + 1 });
    try {
      await Promise.all(
        wanted.map((content) =>
          queue.add(async () => {
            ctx.signal?.throwIfAborted();
            try {
              const raster = await result.reader!.raster(content, {
                dpi: OCR_DPI,
                maxPixels: ctx.maxImagePixels,
              });
              const done =
                engine === "tesseract"
                  ? await ocrPage(raster, content, pool)
                  : await pool.readPaddlePage(raster, content);
              result.pages[content.number - 1] = withDeskew(done.content, done.skew, raster, content);
              if (done.meanConfidence < 60) {
                addIssue(result, {
                  stage: "ocr",
                  code: "low_ocr_confidence",
                  severity: "warning",
                  message: `page ${content.number} was read with low OCR confidence (${Math.round(done.meanConfidence)}): check its figures against the scan`,
                  page: content.number,
                });
              }
            } catch (err) {
              if ((err as Error)?.name === "AbortError" || (err as Error)?.name === "TimeoutError") throw err;
              addIssue(result, {
                stage: "ocr",
                code: "ocr_failed",
                severity: "error",
                message: `page ${content.number} could not be read by OCR: ${(err as Error)?.message ?? err}`,
                page: content.number,
              });
            }
          }),
        ),
      );
    } finally {
      if (owned) await pool.close();
    }
  },
};

/**
 * The page model with the deskew OCR applied (`skew`°, about the page image's centre — both engines
 * rotate the upright image about its middle pixel; within half a pixel, the middle of the region
 * the image covers), in the upright frame of `done`.
 */
function withDeskew(done: PageContent, skew: number, raster: PageRaster, scanned: PageContent): PageContent {
  if (!skew) return done;
  const cx = raster.originX + raster.width / raster.scaleX / 2;
  const cy = raster.originY + raster.height / raster.scaleY / 2;
  const center = turnPoint(cx, cy, scanned.width, scanned.height, done.ocrTurn ?? 0);
  return { ...done, ocrDeskew: { angle: skew, center } };
}

/** The batch's shared engines, or (for a single file) ones made for this document only. */
function ocrPoolFor(ctx: StageContext): { pool: OcrEngines; owned: boolean } {
  const shared = ctx.services.ocr as OcrEngines | undefined;
  if (shared) return { pool: shared, owned: false };
  return { pool: new OcrEngines({ workers: ctx.ocrWorkers, engine: ctx.ocrEngine }), owned: true };
}
