/**
 * The pdfjs adapter: opens a PDF offline with the package's own CMaps, standard fonts and wasm
 * decoders. Every failure that enters here from pdf.js leaves as a typed error with its cause.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import { declaredPageCount, PDFJS_WARNINGS, withWarnings } from "./pdfjs-warnings.js";
import { checkStreams, type StreamViolation, streamBytesFor } from "./stream-limits.js";

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve("pdfjs-dist/package.json"));

/** pdf.js wants directory URLs ending in "/"; local paths keep it off the network. */
const dirUrl = (sub: string): string => `${pathToFileURL(path.join(pdfjsRoot, sub)).href}/`;

export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // The legacy build bundles core-js, which on Node 20 replaces Array.prototype.push with a
    // JavaScript version (its check for non-writable lengths fails): measured at ~30 % of the time
    // of reading a text PDF, in pdf.js and in all our code. The native push is put back once both
    // halves of pdf.js (the API and the in-thread "fake worker") are loaded.
    const nativePush = Array.prototype.push;
    const m = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const workerUrl = pathToFileURL(path.join(pdfjsRoot, "legacy/build/pdf.worker.mjs")).href;
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    await import(workerUrl);
    if (Array.prototype.push !== nativePush) {
      Object.defineProperty(Array.prototype, "push", {
        value: nativePush,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    return m;
  })();
  return pdfjsPromise;
}

export type PdfErrorCode =
  | "empty_file"
  | "not_a_pdf"
  | "encrypted"
  | "wrong_password"
  | "damaged_pdf"
  | "no_pages"
  | "too_many_pages"
  | "image_too_large"
  | "stream_too_large";

/** A PDF that cannot be opened; `code` is stable, `hint` says what the user can do. */
export class PdfOpenError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PdfOpenError";
  }
}

export interface OpenOptions {
  password?: string;
  /** Guard against hostile files: refuse documents with more pages than this. */
  maxPages?: number;
  /** Largest image (width × height) pdf.js may decode; a file holding a larger one is refused. */
  maxImagePixels?: number;
}

const PDF_MAGIC = Buffer.from("%PDF-");

/** Opens PDF bytes. The bytes are copied: pdf.js transfers (detaches) the buffer it is given. */
export async function openPdf(bytes: Uint8Array, options: OpenOptions = {}): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) {
    throw new PdfOpenError("empty_file", "the file is empty (0 bytes)", "re-export or re-download the file");
  }
  await refuseOtherFormats(bytes);
  const maxImagePixels = options.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS;
  const violation = checkStreams(bytes, { maxImagePixels, maxStreamBytes: streamBytesFor(maxImagePixels) });
  if (violation) throw limitError(violation, maxImagePixels);
  const pdfjs = await loadPdfJs();
  // pdf.js's warnings while it opens the file: a page tree whose /Count it had to correct is only
  // said there (see pdfjs-warnings.ts).
  const opened = await withWarnings(async () => {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      password: options.password,
      cMapUrl: dirUrl("cmaps"),
      cMapPacked: true,
      standardFontDataUrl: dirUrl("standard_fonts"),
      wasmUrl: dirUrl("wasm"),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      // Images larger than this are not decoded (the check above catches those it can see).
      maxImageSize: maxImagePixels,
      // Renderings for OCR are bounded by the same pixel limit (4 bytes a pixel).
      canvasMaxAreaInBytes: maxImagePixels * 4,
      // Warnings are captured, never printed.
      verbosity: PDFJS_WARNINGS,
    });
    try {
      return await task.promise;
    } catch (cause) {
      await task.destroy().catch(() => undefined);
      throw classifyOpenError(cause, options.password !== undefined);
    }
  });
  const doc = opened.value;
  const declared = declaredPageCount(opened.warnings);
  if (declared !== undefined) declaredCounts.set(doc, declared);
  // pdf.js takes the page count from the page tree's /Count: a damaged tree gives 0 or a
  // nonsense number, and such a file must fail as damaged, not pass as an empty document.
  const n = doc.numPages;
  if (!Number.isInteger(n) || n < 1) {
    await doc.destroy();
    throw new PdfOpenError(
      "no_pages",
      n < 0 || !Number.isInteger(n)
        ? `the PDF is damaged: its page tree gives an impossible page count (${n})`
        : "the PDF has no pages",
      "re-export or re-download the file; a complete copy has pages",
    );
  }
  if (options.maxPages !== undefined && n > options.maxPages) {
    await doc.destroy();
    throw new PdfOpenError(
      "too_many_pages",
      `${n} pages exceeds the limit of ${options.maxPages}`,
      "split the file, or raise --max-pages if it is genuine",
    );
  }
  return doc;
}

export const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000;

const declaredCounts = new WeakMap<PDFDocumentProxy, number>();

/**
 * The page count the file's page tree declares, when it is not the number of pages pdf.js found
 * (pdf.js then counts the pages it can reach and gives that as numPages).
 */
export const declaredPages = (doc: PDFDocumentProxy): number | undefined => declaredCounts.get(doc);

function limitError(v: StreamViolation, maxImagePixels: number): PdfOpenError {
  const mp = (n: number): string => `${Math.round(n / 1e5) / 10} megapixels`;
  if (v.kind === "image")
    return new PdfOpenError(
      "image_too_large",
      `holds an image of ${v.width}×${v.height} px (${mp(v.width * v.height)}), over the limit of ${mp(maxImagePixels)}`,
      "raise --max-image-megapixels if the file is genuine",
    );
  return new PdfOpenError(
    "stream_too_large",
    `holds a compressed stream that expands to more than ${Math.round(v.bytes / 1e6)} MB (${v.filter}, at byte ${v.offset}): a damaged or hostile file`,
    "re-export the file; if it is genuine, raise --max-image-megapixels (the stream limit follows it)",
  );
}

/** Real PDFs may carry a little junk before the header; pdf.js tolerates up to 1 KB. */
const HEADER_WINDOW = 1024;

/**
 * Refuses a file that is some other format, by its magic bytes. A ZIP (or any container) whose
 * first member is a stored PDF has "%PDF-" in its first kilobyte, and pdf.js would read the PDF
 * inside it: it must be unpacked, not half-read. A Word or image file is told what it is.
 */
async function refuseOtherFormats(bytes: Uint8Array): Promise<void> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEADER_WINDOW));
  if (head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return;
  const { fileTypeFromBuffer } = await import("file-type");
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (type && type.ext !== "pdf") {
    const archive = ["zip", "gz", "7z", "rar", "tar", "bz2", "xz", "zst", "cab", "ar"].includes(type.ext);
    throw new PdfOpenError(
      "not_a_pdf",
      `not a PDF: the file is ${archive ? "an archive" : "a file"} of type .${type.ext} (${type.mime})`,
      archive
        ? "unpack it and ingest the PDF files inside"
        : "convert it to PDF first (e.g. export or print to PDF)",
    );
  }
  if (head.indexOf(PDF_MAGIC) < 0) {
    throw new PdfOpenError(
      "not_a_pdf",
      "not a PDF (no %PDF- header)",
      "check that the file really is a PDF; convert other formats to PDF first",
    );
  }
}

function classifyOpenError(cause: unknown, hadPassword: boolean): PdfOpenError {
  const name = (cause as { name?: string })?.name ?? "";
  const msg = (cause as { message?: string })?.message ?? String(cause);
  if (name === "PasswordException") {
    return hadPassword
      ? new PdfOpenError("wrong_password", "the password given does not open this PDF", "check --password", {
          cause,
        })
      : new PdfOpenError(
          "encrypted",
          "the PDF is encrypted and needs a password",
          "run again with --password PASSWORD",
          { cause },
        );
  }
  return new PdfOpenError(
    "damaged_pdf",
    `the PDF is damaged or truncated (${msg})`,
    "re-export or re-download the file; a complete copy usually opens",
    { cause },
  );
}
