/**
 * The pdfjs adapter: opens a PDF offline with the package's own CMaps, standard fonts and wasm
 * decoders. Every failure that enters here from pdf.js leaves as a typed error with its cause.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";

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
  | "too_many_pages";

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
}

const PDF_MAGIC = Buffer.from("%PDF-");

/** Opens PDF bytes. The bytes are copied: pdf.js transfers (detaches) the buffer it is given. */
export async function openPdf(bytes: Uint8Array, options: OpenOptions = {}): Promise<PDFDocumentProxy> {
  if (bytes.length === 0) {
    throw new PdfOpenError("empty_file", "the file is empty (0 bytes)", "re-export or re-download the file");
  }
  // Real PDFs may carry a little junk before the header; pdf.js tolerates up to 1 KB.
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) < 0) {
    throw new PdfOpenError(
      "not_a_pdf",
      "not a PDF (no %PDF- header)",
      "check that the file really is a PDF; convert other formats to PDF first",
    );
  }
  const pdfjs = await loadPdfJs();
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
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy().catch(() => undefined);
    throw classifyOpenError(cause, options.password !== undefined);
  }
  if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
    const n = doc.numPages;
    await doc.destroy();
    throw new PdfOpenError(
      "too_many_pages",
      `${n} pages exceeds the limit of ${options.maxPages}`,
      "split the file, or raise --max-pages if it is genuine",
    );
  }
  return doc;
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
