/**
 * The OCR engines behind one interface. `tesseract` is tesseract.js (WebAssembly, the engine the
 * product was first specified with; ocr-page.ts reads a page with it cell by cell); `paddle` is
 * PP-OCRv4 on onnxruntime-node (paddle/); `both` reads pages with PP-OCR and has tesseract re-read
 * the figures and names the record uses (cross-check.ts): where the two disagree the value is
 * marked uncertain. The default is the engine measured best on field accuracy, then time (README,
 * OCR). Both engines' workers start on first use, so the unused one costs nothing.
 */
import type { PageContent } from "../layout/page-model.js";
import type { OcrPageResult } from "./ocr-page.js";
import type { LineReading } from "./paddle/ctc-recognize.js";
import { PaddlePool, paddleWorkerCount } from "./paddle/paddle-pool.js";
import type { PageRaster } from "./page-image.js";
import type { GrayImage } from "./raster/index.js";
import { toPgm } from "./raster/index.js";
import { OcrPool, type OcrWord, type Psm } from "./tesseract-pool.js";

export const OCR_ENGINES = ["paddle", "tesseract", "both"] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

/** Chosen by measurement: README, "OCR engines". SELFEVAL_OCR_ENGINE overrides it (for evaluation). */
export const DEFAULT_OCR_ENGINE: OcrEngineName = "paddle";

export function defaultOcrEngine(): OcrEngineName {
  const env = process.env.SELFEVAL_OCR_ENGINE;
  return (OCR_ENGINES as readonly string[]).includes(env ?? "") ? (env as OcrEngineName) : DEFAULT_OCR_ENGINE;
}

export type { LineReading };

/**
 * The batch's OCR service (ctx.services.ocr): shared by every document, plain arguments and
 * results only (a document thread calls it through a message proxy).
 */
export class OcrEngines {
  readonly size: number;
  /** The engine this batch reads pages with (a plain value: it reaches document threads too). */
  readonly engine: OcrEngineName;
  private tesseractPool?: OcrPool;
  private paddlePool?: PaddlePool;
  private readonly workers?: number;

  constructor(options: { workers?: number; engine?: OcrEngineName } = {}) {
    this.workers = options.workers;
    this.engine = options.engine ?? defaultOcrEngine();
    this.size = paddleWorkerCount(options.workers);
  }

  private tesseract(): OcrPool {
    this.tesseractPool ??= new OcrPool({ workers: this.size });
    return this.tesseractPool;
  }

  private paddle(): PaddlePool {
    this.paddlePool ??= new PaddlePool({ workers: this.workers ?? this.size });
    return this.paddlePool;
  }

  /** tesseract.js: one image (PGM or PNG) → words in pixel coordinates (ocr-page.ts drives it). */
  recognize(
    image: Buffer,
    options: { psm?: Psm; dpi?: number; whitelist?: string; chineseOnly?: boolean } = {},
  ): Promise<OcrWord[]> {
    return this.tesseract().recognize(image, options);
  }

  /** PP-OCR: one page image → the page model. */
  readPaddlePage(raster: PageRaster, content: PageContent): Promise<OcrPageResult> {
    return this.paddle().readPage(raster, content);
  }

  /**
   * A batch of small images, each one line of text (a cell, a number, a name, a glyph) → text and
   * confidence (0–100) per image, by either engine: the interface for re-reading and voting.
   */
  async recognizeLines(crops: GrayImage[], engine: "paddle" | "tesseract"): Promise<LineReading[]> {
    if (engine === "paddle") return this.paddle().recognizeLines(crops);
    return Promise.all(
      crops.map(async (c) => {
        if (c.width < 2 || c.height < 2) return { text: "", confidence: 0, chars: [] };
        const words = await this.tesseract().recognize(toPgm(padWhite(c, 12)), { psm: "7" });
        const text = words.map((w) => w.text).join("");
        const confidence = words.length ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0;
        return { text, confidence, chars: [] };
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([this.tesseractPool?.close(), this.paddlePool?.close()]);
  }
}

/** tesseract finds text poorly when it touches the image edge. */
function padWhite(c: GrayImage, pad: number): GrayImage {
  const width = c.width + 2 * pad;
  const height = c.height + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < c.height; y++)
    data.set(c.data.subarray(y * c.width, (y + 1) * c.width), (y + pad) * width + pad);
  return { width, height, data };
}
