/**
 * Where a document's pages come from: pdf.js in this thread, or pdf.js in a worker thread (so
 * documents are parsed in parallel on several cores and a hung document can be killed). Both give
 * the same page model; the pixels of a page that needs OCR are fetched on request.
 */
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageContent } from "../layout/page-model.js";
import { type PageRaster, pageRaster } from "../ocr/page-image.js";
import { loadPdfJs, type OpenOptions, openPdf } from "./open-document.js";
import { operatorsToGraphics } from "./page-content.js";
import { type PageGlyphs, readPageGlyphs } from "./page-glyphs.js";
import { type DocumentInfo, documentInfo, type PageReading, readPages } from "./read-pages.js";

export interface RasterOptions {
  dpi: number;
  maxPixels: number;
}

export interface DocumentSource {
  info: DocumentInfo;
  readPages(): Promise<PageReading>;
  /** The page's pixels for OCR (an embedded scan at its own resolution, or a rendering). */
  raster(content: PageContent, options: RasterOptions): Promise<PageRaster>;
  /** Every glyph the page draws, with font and code (for text layers without a Unicode map). */
  glyphs(content: PageContent): Promise<PageGlyphs>;
  close(): Promise<void>;
}

/** pdf.js in this thread. */
export class InProcessSource implements DocumentSource {
  private constructor(
    private readonly doc: PDFDocumentProxy,
    readonly info: DocumentInfo,
  ) {}

  static async open(bytes: Uint8Array, options: OpenOptions): Promise<InProcessSource> {
    const doc = await openPdf(bytes, options);
    return new InProcessSource(doc, await documentInfo(doc));
  }

  readPages(): Promise<PageReading> {
    return readPages(this.doc);
  }

  async raster(content: PageContent, options: RasterOptions): Promise<PageRaster> {
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
    await this.doc.destroy().catch(() => undefined);
  }
}
