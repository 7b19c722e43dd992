/**
 * The onnxruntime sessions of one PP-OCR worker: detection and recognition on the CPU provider,
 * one thread each (two threads in one process measured only 1.14–1.38× one: the pool runs one
 * worker per core instead). The CPU memory arena is off: one worker's peak over four 300 dpi pages
 * measured 641 MB without it against 767 MB with it, close to WORKER_MEMORY_MB (its time was within
 * the noise of a loaded machine). The memory pattern is on: onnxruntime plans each run's
 * intermediate tensors into one block instead of allocating every tensor afresh (without an arena,
 * every large tensor was fresh memory the kernel had to fault in and zero). Measured on an idle
 * machine: the detector 2.85 → 1.69 s per 300 dpi page (one thread), the 12-page seed scan ingested
 * in 59.4–59.7 → 48.7–50.5 s, worker peaks 694–712 → 722–758 MB (the arena as well: 1,142–1,159 MB,
 * over the limit). The detector's input is capped in pixels and a recogniser's in width, so a worker
 * stays under WORKER_MEMORY_MB whatever the page.
 */
import ort from "onnxruntime-node";
import type { GrayImage } from "../raster/index.js";
import { type LineReading, recognizeLines } from "./ctc-recognize.js";
import { detectText, type TextBox } from "./db-detect.js";
import { classifyDirections } from "./direction-classify.js";
import { ctcCharacters, paddleModels } from "./models.js";
import type { PaddleModelsRunner } from "./paddle-page.js";

/** Measured peak resident memory of one worker on 300 dpi A4 pages, rounded up (README, OCR). */
export const WORKER_MEMORY_MB = 800;

const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  executionProviders: ["cpu"],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
  graphOptimizationLevel: "all",
  enableCpuMemArena: false,
  enableMemPattern: true,
};

export class PaddleSessions implements PaddleModelsRunner {
  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly cls: ort.InferenceSession,
    private readonly characters: readonly string[],
  ) {}

  static async create(): Promise<PaddleSessions> {
    const m = paddleModels();
    const [det, rec, cls] = await Promise.all([
      ort.InferenceSession.create(m.detection, SESSION_OPTIONS),
      ort.InferenceSession.create(m.recognition, SESSION_OPTIONS),
      ort.InferenceSession.create(m.classifier, SESSION_OPTIONS),
    ]);
    return new PaddleSessions(det, rec, cls, ctcCharacters(m.dictionary));
  }

  detect(img: GrayImage, o: { scale: number; maxPixels: number }): Promise<TextBox[]> {
    return detectText(this.det, ort.Tensor, img, o);
  }

  recognize(crops: readonly GrayImage[]): Promise<LineReading[]> {
    return recognizeLines(this.rec, ort.Tensor, this.characters, crops);
  }

  /** Per line image: P(upright) − P(upside down), from the direction classifier. */
  classify(crops: readonly GrayImage[]): Promise<number[]> {
    return classifyDirections(this.cls, ort.Tensor, crops);
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release(), this.cls.release()]);
  }
}
