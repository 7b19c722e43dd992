/** Opens one file through the reading pipeline, turning every failure into a FailureInfo. */
import { readStages } from "../../pipelines/read.js";
import { DEFAULT_MAX_IMAGE_PIXELS } from "../pdf/open-document.js";
import { describeSource, newResult, releaseDocument } from "../pdf/stages.js";
import type { ExtractionResult, SourceFile } from "../pipeline/extraction-result.js";
import { runStages, type Stage, type StageContext } from "../pipeline/stage.js";

export function defaultContext(overrides: Partial<StageContext> = {}): StageContext {
  return {
    ocr: "auto",
    maxPages: 2000,
    maxImagePixels: DEFAULT_MAX_IMAGE_PIXELS,
    services: {},
    ...overrides,
  };
}

/** Reads the file and runs `stages`; never throws for problems with the file itself. */
export async function processFile(
  filePath: string,
  stages: readonly Stage[] = readStages,
  ctx: StageContext = defaultContext(),
): Promise<ExtractionResult> {
  let result: ExtractionResult;
  try {
    const { source, bytes } = await describeSource(filePath);
    result = newResult(source, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "file not found"
        : code === "EACCES"
          ? "permission denied"
          : `cannot read the file (${(err as Error).message})`;
    const failed = newResult({
      path: filePath,
      fileName: filePath.split(/[\\/]/).pop() ?? filePath,
      size: 0,
      sha256: "",
    });
    failed.status = "failed";
    failed.failure = {
      code: code === "ENOENT" ? "not_found" : "unreadable",
      message,
      hint: "check the path and permissions",
    };
    return failed;
  }
  return processSource(result.source, result.bytes!, stages, ctx);
}

/**
 * Runs `stages` over bytes already read (the batch runner reads and hashes each file itself).
 * `onResult` sees the result object as soon as it exists, for progress reporting.
 */
export async function processSource(
  source: SourceFile,
  bytes: Uint8Array,
  stages: readonly Stage[] = readStages,
  ctx: StageContext = defaultContext(),
  onResult?: (r: ExtractionResult) => void,
): Promise<ExtractionResult> {
  const result = newResult(source, bytes);
  onResult?.(result);
  try {
    await runStages(result, stages, ctx);
    if (result.status === "pending") result.status = "ok";
  } catch (err) {
    result.status = "failed";
    const aborted = (err as Error)?.name === "AbortError" || (err as Error)?.name === "TimeoutError";
    result.failure = aborted
      ? {
          code: "timeout",
          message: "processing took longer than the per-document timeout",
          hint: "raise --timeout or check the file",
        }
      : {
          code: "internal_error",
          message: `unexpected error: ${(err as Error)?.message ?? err}`,
          hint: "please report this file to the selfeval maintainers",
        };
  } finally {
    await releaseDocument(result);
  }
  return result;
}
