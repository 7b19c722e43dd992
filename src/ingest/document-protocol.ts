/** Messages between the batch runner and its document worker threads (document-worker.ts). */
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { DocumentStatus, FailureInfo, SourceFile } from "../pipeline/extraction-result.js";
import type { StageContext } from "../pipeline/stage.js";

export interface DocumentJob {
  jobId: number;
  source: SourceFile;
  bytes: Uint8Array;
  context: Omit<StageContext, "services" | "signal">;
  /** Main-thread services by name, with the plain values the worker may read directly. */
  services: Record<string, Record<string, unknown>>;
}

export interface PageCounts {
  /** Pages of the document (known once it is open). */
  pages: number;
  /** Pages read by OCR so far. */
  ocrPages: number;
  /** Pages that need (or had) OCR, known once the text layer is read. */
  pagesNeedingOcr: number;
}

export interface DocumentOutcome extends PageCounts {
  status: DocumentStatus;
  failure?: FailureInfo;
  record?: unknown;
  /** Further records of the file (stacked project forms from the 2nd on), stored with `record`. */
  forms?: unknown[];
  issues: ExtractionIssue[];
  sha256: string;
  timings: Record<string, number>;
}

export type ToDocumentWorker =
  | { type: "job"; job: DocumentJob }
  | {
      type: "reply";
      id: number;
      ok: true;
      value: unknown;
    }
  | { type: "reply"; id: number; ok: false; error: { name: string; message: string } };

export type FromDocumentWorker =
  | ({ type: "progress"; jobId: number } & PageCounts)
  | { type: "call"; id: number; service: string; method: string; args: unknown[] }
  | { type: "done"; jobId: number; outcome: DocumentOutcome }
  | { type: "error"; jobId: number; error: { name: string; message: string } };
