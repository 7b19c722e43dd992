/**
 * The OCR stage: pages without a usable text layer (image-only or garbled) — or every page with
 * `--ocr always` — are read by OCR into the same page model, so layout and extraction run unchanged.
 * The engine (`--ocr-engine`) is PP-OCR, tesseract.js, or both (see engine.ts).
 */
import PQueue from "p-queue";
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import { needsOcr, type PageContent } from "../layout/page-model.js";
import type { DocumentSource } from "../pdf/document-source.js";
import type { OnPageRead } from "../pdf/stages.js";
import { addIssue, type ExtractionResult } from "../pipeline/extraction-result.js";
import type { Stage, StageContext } from "../pipeline/stage.js";
import { defaultOcrEngine, type OcrEngineName, OcrEngines } from "./engine.js";
import { ocrPage } from "./ocr-page.js";
import type { PageRaster } from "./page-image.js";
import { turnPoint } from "./raster/index.js";

/** Resolution for rendering pages that have no embedded scan (measured: see README, OCR). */
export const OCR_DPI = 300;

/** What reading one page by OCR gave: the page model read, or the issue why not. */
interface PageOutcome {
  number: number;
  page?: PageContent;
  issue?: ExtractionIssue;
}

/**
 * Pages started on while the document was still being read (ocrAsRead), by document: their queue
 * (the OCR stage goes on with it, so no more pages are in flight than it allows) and outcomes.
 */
const started = new WeakMap<ExtractionResult, { queue: PQueue; pages: Map<number, Promise<PageOutcome>> }>();

/**
 * The reading stage's hook (pipelines/read.ts): a scanned page is sent to OCR as soon as it is
 * read, so the OCR workers do not wait for the rest of the document to be read (measured: reading
 * the 12-page seed scan's pages took 4.4 CPU-s, with the OCR workers idle meanwhile). Only
 * image-only pages (garbled ones may yet be decoded from their glyphs), and only with the batch's
 * shared engines: an OCR stage that makes its own pool starts it itself. The outcome is taken by
 * the OCR stage, which applies it where the page was read before.
 */
export const ocrAsRead: OnPageRead = (result, ctx, content) => {
  if (ctx.ocr === "never" || content.kind !== "image_only" || !result.reader) return false;
  const shared = ctx.services.ocr as OcrEngines | undefined;
  if (!shared) return false;
  let run = started.get(result);
  if (!run) {
    run = { queue: new PQueue({ concurrency: shared.size + 1 }), pages: new Map() };
    started.set(result, run);
  }
  const reader = result.reader;
  const engine = ctx.ocrEngine ?? shared.engine ?? defaultOcrEngine();
  const outcome = run.queue.add(() => readOnePage(reader, content, shared, engine, ctx));
  // Awaited by the OCR stage; a document that stops before it (a damaged file) drops it.
  outcome.catch(() => undefined);
  run.pages.set(content.number, outcome);
  return true;
};

export const ocrPages: Stage = {
  name: "ocr",
  enabled: (ctx) => ctx.ocr !== "never",
  async run(result, ctx) {
    const early = started.get(result);
    started.delete(result);
    const wanted = result.pages.filter((p) => ctx.ocr === "always" || needsOcr(p.kind));
    if (wanted.length === 0 && !early) return;
    const { pool, owned } = ocrPoolFor(ctx);
    const engine = ctx.ocrEngine ?? pool.engine ?? defaultOcrEngine();
    // Pages are rasterised just ahead of the OCR workers: a whole document of page images at
    // 300 dpi would hold ~9 MB a page for nothing.
    const queue = early?.queue ?? new PQueue({ concurrency: pool.size + 1 });
    try {
      const outcomes = await Promise.all(
        wanted.map(
          (content) =>
            early?.pages.get(content.number) ??
            queue.add(() => readOnePage(result.reader!, content, pool, engine, ctx)),
        ),
      );
      for (const o of outcomes) {
        if (o.page) result.pages[o.number - 1] = o.page;
        if (o.issue) addIssue(result, o.issue);
      }
    } finally {
      if (owned) await pool.close();
    }
  },
};

async function readOnePage(
  reader: DocumentSource,
  content: PageContent,
  pool: OcrEngines,
  engine: OcrEngineName,
  ctx: StageContext,
): Promise<PageOutcome> {
  ctx.signal?.throwIfAborted();
  try {
    const raster = await reader.raster(content, { dpi: OCR_DPI, maxPixels: ctx.maxImagePixels });
    const done =
      engine === "tesseract"
        ? await ocrPage(raster, content, pool)
        : await pool.readPaddlePage(raster, content);
    const page = withDeskew(done.content, done.skew, raster, content);
    if (done.meanConfidence >= 60) return { number: content.number, page };
    return {
      number: content.number,
      page,
      issue: {
        stage: "ocr",
        code: "low_ocr_confidence",
        severity: "warning",
        message: `page ${content.number} was read with low OCR confidence (${Math.round(done.meanConfidence)}): check its figures against the scan`,
        page: content.number,
      },
    };
  } catch (err) {
    if ((err as Error)?.name === "AbortError" || (err as Error)?.name === "TimeoutError") throw err;
    return {
      number: content.number,
      issue: {
        stage: "ocr",
        code: "ocr_failed",
        severity: "error",
        message: `page ${content.number} could not be read by OCR: ${(err as Error)?.message ?? err}`,
        page: content.number,
      },
    };
  }
}

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
