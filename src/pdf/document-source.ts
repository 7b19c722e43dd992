/**
 * Where a document's pages come from: pdf.js in this thread, or pdf.js in a worker thread (so
 * documents are parsed in parallel on several cores and a hung document can be killed). Both give
 * the same page model; the pixels of a page that needs OCR are fetched on request.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageContent } from "../layout/page-model.js";
import { embeddedRaster, type PageRaster, pageRaster } from "../ocr/page-image.js";
import { DEFAULT_MAX_IMAGE_PIXELS, loadPdfJs, type OpenOptions, openPdf } from "./open-document.js";
import { operatorsToGraphics } from "./page-content.js";
import { type PageGlyphs, readPageGlyphs } from "./page-glyphs.js";
import { type DocumentInfo, documentInfo, type PageReading, readPages } from "./read-pages.js";

export interface RasterOptions {
  dpi: number;
  maxPixels: number;
}

export interface ReadOptions {
  /**
   * The pages' pixels will be asked for (OCR is on): keep the scans pdf.js decodes while reading
   * the pages, within SCAN_CACHE_BYTES, for the raster requests that follow.
   */
  keepScans?: boolean;
  /**
   * Called with each page as soon as it is read (its scan already kept, when it is kept), before
   * the next page is read: the OCR stage starts on a scanned page while the rest are still read.
   * It returns whether it started work on the page (only then is the event loop given time, see
   * HANDOFF_MS). A source in another thread (WorkerSource) does not call it; its pages are all
   * given at the end.
   */
  onPage?: (content: PageContent) => boolean;
}

/**
 * Gray scan pixels kept between reading the pages and rasterising them (about 7 A4 pages at
 * 300 dpi): pdf.js decodes a page's image to list its operators and again for its pixels — profiled
 * at ~0.3 s a 300 dpi JPEG page each time. The OCR stage asks for pages in order, so the first
 * pages it reads come from here; the rest are decoded again, and the whole document's pixels are
 * never held at once.
 */
export const SCAN_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Idle time after each page read with onPage set: pdf.js chains its work on promises, so without
 * idle turns of the event loop what onPage started (a page image sent to another process: ~9 MB
 * at 300 dpi, measured ~60 ms through the IPC channel) waits until every page is read.
 */
export const HANDOFF_MS = 50;

export interface DocumentSource {
  info: DocumentInfo;
  readPages(options?: ReadOptions): Promise<PageReading>;
  /** The page's pixels for OCR (an embedded scan at its own resolution, or a rendering). */
  raster(content: PageContent, options: RasterOptions): Promise<PageRaster>;
  /** Every glyph the page draws, with font and code (for text layers without a Unicode map). */
  glyphs(content: PageContent): Promise<PageGlyphs>;
  close(): Promise<void>;
}

/** pdf.js in this thread. */
export class InProcessSource implements DocumentSource {
  /** Scans decoded while the pages were read, by page number, until their raster is asked for. */
  private readonly scans = new Map<number, PageRaster>();
  private scanBytes = 0;

  private constructor(
    private readonly doc: PDFDocumentProxy,
    readonly info: DocumentInfo,
    private readonly maxImagePixels: number,
  ) {}

  static async open(bytes: Uint8Array, options: OpenOptions): Promise<InProcessSource> {
    const doc = await openPdf(bytes, options);
    return new InProcessSource(
      doc,
      await documentInfo(doc),
      options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
    );
  }

  /** Pages whose scan is kept, not yet asked for. */
  get keptScans(): number {
    return this.scans.size;
  }

  readPages(options: ReadOptions = {}): Promise<PageReading> {
    const { keepScans, onPage } = options;
    if (!keepScans && !onPage) return readPages(this.doc);
    // A page whose scan is kept is passed on at once (its raster needs no pdf.js); any other only
    // once pdf.js has released it (at the next page, or the end): its raster takes the page again.
    let held: PageContent | undefined;
    const pass = (): boolean => {
      const started = held !== undefined && (onPage?.(held) ?? false);
      held = undefined;
      return started;
    };
    return readPages(this.doc, async (page, content) => {
      let started = pass();
      const kept = keepScans && (await this.keepScan(page, content));
      if (kept) started = (onPage?.(content) ?? false) || started;
      else held = content;
      // See HANDOFF_MS: only a page handed on needs the idle time (a text page does not).
      if (started) await new Promise((r) => setTimeout(r, HANDOFF_MS));
    }).then((reading) => {
      pass();
      return reading;
    });
  }

  /** Keeps the page's scan for its raster request, when it is one scan and there is room. */
  private async keepScan(page: PDFPageProxy, content: PageContent): Promise<boolean> {
    if (this.scanBytes >= SCAN_CACHE_BYTES) return false;
    // A scan that cannot be taken here (over the pixel limit, not decodable) is left to the
    // page's raster request, which meets the same problem and reports it.
    const scan = await embeddedRaster(page, content, this.maxImagePixels).catch(() => undefined);
    if (!scan || this.scanBytes + scan.data.byteLength > SCAN_CACHE_BYTES) return false;
    this.scans.set(content.number, scan);
    this.scanBytes += scan.data.byteLength;
    return true;
  }

  async raster(content: PageContent, options: RasterOptions): Promise<PageRaster> {
    const kept = this.scans.get(content.number);
    if (kept) {
      this.scans.delete(content.number);
      this.scanBytes -= kept.data.byteLength;
      // An embedded scan does not depend on the resolution asked for; the pixel limit it does.
      if (content.kind === "image_only" && kept.width * kept.height <= options.maxPixels) return kept;
    }
    const pdfjs = await loadPdfJs();
    const page = await this.doc.getPage(content.number);
    try {
      // The display list read earlier was released with its image objects; a fresh ("print")
      // operator list sends the images again, under new object ids.
      const ops = await page.getOperatorList({ intent: "print" });
      const viewport = page.getViewport({ scale: 1 });
      const { images } = operatorsToGraphics(pdfjs, ops.fnArray, ops.argsArray, viewport.transform as never);
      return await pageRaster(pdfjs, page, { ...content, images }, options);
    } finally {
      page.cleanup();
    }
  }

  async glyphs(content: PageContent): Promise<PageGlyphs> {
    const pdfjs = await loadPdfJs();
    const page = await this.doc.getPage(content.number);
    try {
      return await readPageGlyphs(pdfjs, page, content.rotation);
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    this.scans.clear();
    this.scanBytes = 0;
    await this.doc.destroy().catch(() => undefined);
  }
}
