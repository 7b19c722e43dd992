/** Reading stages: file → bytes → pdf.js document → page contents. */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { needsOcr, type PageContent } from "../layout/page-model.js";
import { addIssue, type ExtractionResult, fail, type SourceFile } from "../pipeline/extraction-result.js";
import type { Stage, StageContext } from "../pipeline/stage.js";
import { type DocumentSource, InProcessSource } from "./document-source.js";
import { PdfOpenError } from "./open-document.js";
import { MAX_RUNS_PER_PAGE } from "./read-pages.js";
import type { ReaderPool } from "./worker-pool.js";

/** Files larger than this are refused before reading (hostile or mistaken inputs). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export async function describeSource(filePath: string): Promise<{ source: SourceFile; bytes: Uint8Array }> {
  const st = await stat(filePath);
  if (!st.isFile()) throw new Error("not a regular file");
  if (st.size > MAX_FILE_BYTES)
    throw new Error(`file is ${Math.round(st.size / 1e6)} MB, over the ${MAX_FILE_BYTES / 1e6} MB limit`);
  const bytes = new Uint8Array(await readFile(filePath));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { source: { path: filePath, fileName: path.basename(filePath), size: bytes.length, sha256 }, bytes };
}

export function newResult(source: SourceFile, bytes?: Uint8Array): ExtractionResult {
  return { source, status: "pending", bytes, pages: [], issues: [], timings: {} };
}

export const openDocument: Stage = {
  name: "open",
  async run(result, ctx) {
    const bytes = result.bytes ?? new Uint8Array();
    const pool = ctx.services.readers as ReaderPool | undefined;
    const options = {
      password: ctx.password,
      maxPages: ctx.maxPages,
      maxImagePixels: ctx.maxImagePixels,
      signal: ctx.signal,
    };
    try {
      const reader: DocumentSource = pool
        ? await pool.open(bytes, options)
        : await InProcessSource.open(bytes, options);
      result.reader = reader;
      result.info = reader.info;
      result.bytes = undefined;
    } catch (err) {
      if (err instanceof PdfOpenError) fail(result, { code: err.code, message: err.message, hint: err.hint });
      else throw err;
    }
  },
};

/**
 * What a later stage may start on each page as soon as it is read (see readPdfPagesThen); returns
 * whether it started anything on this page.
 */
export type OnPageRead = (result: ExtractionResult, ctx: StageContext, content: PageContent) => boolean;

/**
 * Reading the pages, with `onPage` called on each page as soon as it is read (the OCR stage's
 * start on scanned pages, pipelines/read.ts), while the later pages are still read.
 */
export function readPdfPagesThen(onPage?: OnPageRead): Stage {
  return {
    name: "read",
    run: (result, ctx) => readPdfPagesRun(result, ctx, onPage),
  };
}

export const readPdfPages: Stage = readPdfPagesThen();

async function readPdfPagesRun(
  result: ExtractionResult,
  ctx: StageContext,
  onPage?: OnPageRead,
): Promise<void> {
  // With OCR on, the scans pdf.js decodes to read the pages are kept for the OCR stage (within a bound).
  const { pages, errors, capped, imagesRemoved } = await result.reader!.readPages({
    keepScans: ctx.ocr !== "never",
    onPage: onPage && ((content) => onPage(result, ctx, content)),
  });
  result.pages = pages;
  // Not one page could be parsed (a page tree that loops, pages that are not pages): the file
  // is damaged, not an empty document.
  if (pages.length > 0 && errors.length === pages.length) {
    fail(result, {
      code: "damaged_pdf",
      message: `the PDF is damaged: none of its ${pages.length} pages could be read (${errors[0]!.message})`,
      hint: "re-export or re-download the file; a complete copy usually opens",
    });
    return;
  }
  // The page tree declares more (or other) pages than can be found: pdf.js reads the ones it
  // finds, and what is missing cannot be told — the file is damaged, not a short document.
  const declared = result.reader!.info.declaredPages;
  if (declared !== undefined && declared !== pages.length) {
    fail(result, {
      code: "damaged_pdf",
      message: `the PDF is damaged: its page tree declares ${declared} pages, but ${pages.length} ${pages.length === 1 ? "was" : "were"} found`,
      hint: "re-export or re-download the file; a complete copy usually opens",
    });
    return;
  }
  // An image over the pixel limit that the check before pdf.js could not see (an inline image
  // in a content stream, an encrypted file): pdf.js leaves it out, and the page would pass as
  // empty. The same rule as for the images seen before: the file is refused.
  if (imagesRemoved.length > 0) {
    const mp = Math.round(ctx.maxImagePixels / 1e5) / 10;
    fail(result, {
      code: "image_too_large",
      message: `${pageList(imagesRemoved)} ${imagesRemoved.length === 1 ? "holds" : "hold"} an image over the limit of ${mp} megapixels, which was not decoded`,
      hint: "raise --max-image-megapixels if the file is genuine",
    });
    return;
  }
  for (const c of capped) {
    addIssue(result, {
      stage: "read",
      code: "page_too_many_runs",
      severity: "error",
      message: `page ${c.page} holds ${c.runs} text runs, over the limit of ${MAX_RUNS_PER_PAGE}: only the first ${MAX_RUNS_PER_PAGE} were read`,
      page: c.page,
    });
  }
  for (const e of errors) {
    addIssue(result, {
      stage: "read",
      code: "page_unreadable",
      severity: "error",
      message: `page ${e.page} could not be parsed: ${e.message}`,
      page: e.page,
    });
  }
}

/** "page 3", "pages 3, 5, 8", "pages 3, 5, 8, 9, 12 and 4 more". */
function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 5).join(", ");
  const more = pages.length > 5 ? ` and ${pages.length - 5} more` : "";
  return `${pages.length === 1 ? "page" : "pages"} ${shown}${more}`;
}

/** Without the OCR stage, pages that need it are reported so the record says what is missing. */
export const reportPagesNeedingOcr: Stage = {
  name: "needs-ocr",
  run(result) {
    for (const p of result.pages) {
      if (needsOcr(p.kind) && p.source !== "ocr") {
        addIssue(result, {
          stage: "read",
          code: "needs_ocr",
          severity: "warning",
          message: `page ${p.number} needs OCR (${p.kindReason}) and was not read`,
          page: p.number,
        });
      }
    }
  },
};

/** Frees pdf.js memory; the bytes are dropped as soon as the document no longer needs them. */
export async function releaseDocument(result: ExtractionResult): Promise<void> {
  const reader = result.reader;
  result.reader = undefined;
  result.bytes = undefined;
  if (reader) await reader.close().catch(() => undefined);
}
