/**
 * A stage is a typed transform of the ExtractionResult. The order of stages is one visible list in
 * `pipelines/`; a disabled stage passes the result through unchanged, and a failed or skipped
 * document stops at the stage that decided so.
 */
import type { ExtractionResult } from "./extraction-result.js";

export interface StageContext {
  ocr: "auto" | "always" | "never";
  /** OCR engine (default: src/ocr/engine.ts). */
  ocrEngine?: "paddle" | "tesseract" | "both";
  /** OCR workers when no shared pool is given (default: CPU cores). */
  ocrWorkers?: number;
  password?: string;
  maxPages: number;
  /** Largest image (pixels) a page may ask us to decode or render. */
  maxImagePixels: number;
  signal?: AbortSignal;
  /** Shared services (the OCR pool) injected by the batch runner. */
  services: Record<string, unknown>;
}

export interface Stage {
  name: string;
  enabled?: (ctx: StageContext) => boolean;
  run: (result: ExtractionResult, ctx: StageContext) => Promise<void> | void;
}

export async function runStages(
  result: ExtractionResult,
  stages: readonly Stage[],
  ctx: StageContext,
): Promise<void> {
  for (const stage of stages) {
    if (result.status === "failed" || result.status === "skipped") return;
    if (stage.enabled && !stage.enabled(ctx)) continue;
    ctx.signal?.throwIfAborted();
    const t0 = performance.now();
    await stage.run(result, ctx);
    result.timings[stage.name] = Math.round(performance.now() - t0);
  }
}
