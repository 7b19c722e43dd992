import path from "node:path";
import { ingestStages } from "../../pipelines/ingest.js";
import { readStages } from "../../pipelines/read.js";
import { defaultContext, processFile } from "../../src/cli/load-document.js";
import type { ExtractionResult } from "../../src/pipeline/extraction-result.js";
import { SAMPLES } from "./golden.js";

export const TEXT_SAMPLES = [
  "seed-report.pdf",
  "seed-report-chromium.pdf",
  "qingchuan-health-2022.pdf",
  "qingchuan-health-2023.pdf",
  "qingchuan-culture-2023.pdf",
  "qingchuan-water-2023-pages.pdf",
  "beiyuan-agri-2023-form.pdf",
  "beiyuan-edu-2022-in-final-accounts.pdf",
];

export function readSample(name: string): Promise<ExtractionResult> {
  return processFile(path.join(SAMPLES, name), readStages, defaultContext({ ocr: "never" }));
}

export function extractSample(name: string): Promise<ExtractionResult> {
  return processFile(path.join(SAMPLES, name), ingestStages, defaultContext({ ocr: "never" }));
}
