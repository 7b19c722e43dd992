/** PageContent builders for tests that need a page without reading a PDF. */
import type { PageContent, Segment, TextRun } from "../../src/layout/page-model.js";

/** An A4 portrait page read from its text layer. */
export function textPage(number: number, runs: TextRun[], segments: Segment[] = []): PageContent {
  return {
    number,
    width: 595,
    height: 842,
    runs,
    segments,
    images: [],
    kind: "text",
    kindReason: "",
    source: "text_layer",
  };
}

/** An A4 landscape image-only page read by OCR, with nothing on it unless `extra` says so. */
export function scannedPage(number: number, extra: Partial<PageContent> = {}): PageContent {
  return {
    number,
    width: 842,
    height: 595,
    runs: [],
    segments: [],
    images: [],
    kind: "image_only",
    kindReason: "",
    source: "ocr",
    ...extra,
  };
}
