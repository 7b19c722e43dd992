/**
 * The ingest pipeline: a PDF to a validated Report record. One line per stage, in order.
 * Storing the record is the batch runner's job (src/store), one transaction per report.
 */
import { extractRecord } from "../src/extract/stage.js";
import { flagUncertainGlyphValues } from "../src/glyphs/uncertain-values.js";
import { finalizeRecord } from "../src/ingest/finalize-record.js";
import { crossCheckOcr } from "../src/ocr/cross-check.js";
import { boxesToPageFrame } from "../src/ocr/page-frame.js";
import type { Stage } from "../src/pipeline/stage.js";
import { definitions } from "./definitions.js";
import { readStages } from "./read.js";

export const ingestStages: Stage[] = [
  ...readStages, // bytes → pages → layout (pipelines/read.ts)
  extractRecord(definitions), // layout → Report: identity, headline figures, breakdowns, indicators, tasks, projects
  crossCheckOcr, // --ocr-engine both: OCR'd figures and names re-read by the second engine; disagreements marked
  flagUncertainGlyphValues, // values printed with glyphs decoded without agreement → ocr_uncertain issues
  boxesToPageFrame, // boxes on pages OCR read turned upright → the page's own frame (for evidence crops)
  finalizeRecord, // unread pages make it partial; invisible characters out of names and keys
];
