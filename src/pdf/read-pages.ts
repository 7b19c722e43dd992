/**
 * Reads every page of an open document into the page model, releasing each page's resources as
 * soon as it is read. A page that pdf.js cannot parse is reported, not fatal.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageContent } from "../layout/page-model.js";
import { declaredPages, loadPdfJs } from "./open-document.js";
import { readPageContent } from "./page-content.js";
import { imageRemoved, withWarnings } from "./pdfjs-warnings.js";

export interface PageReadError {
  page: number;
  message: string;
}

/**
 * Text runs kept per page. A real page has a few thousand at most (LibreOffice ~13 a line, OCR one
 * a word); a hostile one can have hundreds of thousands, and layout and extraction grow faster
 * than linearly with them. The rest are dropped, with an issue: the page is then not fully read.
 */
export const MAX_RUNS_PER_PAGE = 20_000;

export interface PageCapped {
  page: number;
  runs: number;
}

export interface DocumentInfo {
  /** Pages found (pdf.js counts them again when the page tree's /Count is wrong). */
  numPages: number;
  /** The page tree's /Count, when it is not the number of pages found: the file is damaged. */
  declaredPages?: number;
  producer?: string;
  creator?: string;
  title?: string;
}

export async function documentInfo(doc: PDFDocumentProxy): Promise<DocumentInfo> {
  const meta = await doc.getMetadata().catch(() => undefined);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  const declared = declaredPages(doc);
  return {
    numPages: doc.numPages,
    ...(declared !== undefined ? { declaredPages: declared } : {}),
    producer: str(info.Producer),
    creator: str(info.Creator),
    title: str(info.Title),
  };
}

export interface PageReading {
  pages: PageContent[];
  errors: PageReadError[];
  capped: PageCapped[];
  /** Pages on which pdf.js left out an image over the pixel limit (it only warns, and goes on). */
  imagesRemoved: number[];
}

/**
 * Every page in order. `onPage` sees each page read, while its objects (the decoded images of the
 * operator list just taken) are still there: they are released after it.
 */
export async function readPages(
  doc: PDFDocumentProxy,
  onPage?: (page: PDFPageProxy, content: PageContent) => Promise<void>,
): Promise<PageReading> {
  const pdfjs = await loadPdfJs();
  const pages: PageContent[] = [];
  const errors: PageReadError[] = [];
  const capped: PageCapped[] = [];
  const imagesRemoved: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      try {
        const { value: content, warnings } = await withWarnings(() => readPageContent(pdfjs, page));
        if (imageRemoved(warnings)) imagesRemoved.push(n);
        if (content.runs.length > MAX_RUNS_PER_PAGE) {
          capped.push({ page: n, runs: content.runs.length });
          content.runs = content.runs.slice(0, MAX_RUNS_PER_PAGE);
        }
        pages.push(content);
        await onPage?.(page, content);
      } finally {
        page.cleanup();
      }
    } catch (cause) {
      errors.push({ page: n, message: (cause as Error)?.message ?? String(cause) });
      pages.push({
        number: n,
        width: 595,
        height: 842,
        runs: [],
        segments: [],
        images: [],
        kind: "empty",
        kindReason: `unreadable page: ${(cause as Error)?.message ?? cause}`,
        source: "text_layer",
      });
    }
  }
  return { pages, errors, capped, imagesRemoved };
}
