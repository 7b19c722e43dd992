/**
 * The reading pipeline: a PDF's bytes to a document layout. One line per stage, in order.
 * The extraction pipeline (pipelines/ingest.ts) continues from here.
 */
import { decodeGlyphs } from "../src/glyphs/stage.js";
import { layoutPages } from "../src/layout/stage.js";
import { ocrAsRead, ocrPages } from "../src/ocr/stage.js";
import { openDocument, readPdfPagesThen, reportPagesNeedingOcr } from "../src/pdf/stages.js";
import type { Stage } from "../src/pipeline/stage.js";
import { definitions } from "./definitions.js";

export const readStages: Stage[] = [
  openDocument, //          bytes → pdf.js document (password, page-count guard)
  readPdfPagesThen(ocrAsRead), // pages → text runs, rulings, images; classified text / image-only / garbled;
  //                        scanned pages go to OCR as soon as they are read (the OCR stage takes them)
  decodeGlyphs(definitions), // garbled pages (fonts without a Unicode map) → text runs decoded from their glyphs
  ocrPages, //              image-only / garbled pages → OCR words and rulings in the same page model
  reportPagesNeedingOcr, // pages still without text (OCR off or failed) become issues
  layoutPages(definitions), // runs → lines → paragraphs, headings; rulings → tables merged over pages
];
