/** Messages between the PP-OCR pool (main thread) and its workers. */
import type { PageContent } from "../../layout/page-model.js";
import type { OcrPageResult } from "../ocr-page.js";
import type { PageRaster } from "../page-image.js";
import type { GrayImage } from "../raster/index.js";
import type { LineReading } from "./ctc-recognize.js";

export type ToPaddleWorker =
  | { id: number; type: "page"; raster: PageRaster; content: PageContent }
  | { id: number; type: "lines"; crops: GrayImage[] };

export type FromPaddleWorker =
  | { id: number; ok: true; page?: OcrPageResult; lines?: LineReading[] }
  | { id: number; ok: false; error: string };
