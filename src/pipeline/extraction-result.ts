/**
 * The one object that flows through every stage for one document (docling's ConversionResult):
 * stages add to it; nobody keeps a parallel structure on the side.
 */
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { DocumentLayout } from "../layout/document-layout.js";
import type { PageContent } from "../layout/page-model.js";
import type { DocumentSource } from "../pdf/document-source.js";
import type { DocumentInfo } from "../pdf/read-pages.js";

export type DocumentStatus = "pending" | "ok" | "partial" | "failed" | "skipped";

export interface SourceFile {
  /** Path as given on the command line (or found under a given folder). */
  path: string;
  fileName: string;
  size: number;
  /** SHA-256 of the bytes (hex): the report id. */
  sha256: string;
}

export interface FailureInfo {
  code: string;
  message: string;
  /** What the user can do about it. */
  hint: string;
}

export interface ExtractionResult<R = unknown> {
  source: SourceFile;
  status: DocumentStatus;
  failure?: FailureInfo;
  /** Bytes of the file, released once the document is open. */
  bytes?: Uint8Array;
  /** The open document (pdf.js in this thread or in a reader worker). */
  reader?: DocumentSource;
  info?: DocumentInfo;
  pages: PageContent[];
  layout?: DocumentLayout;
  record?: R;
  /**
   * The file's further reports, where it stacks several project forms: the 2nd form on, each its
   * own record (`<sha256>#N`), stored with `record` in one transaction.
   */
  forms?: R[];
  issues: ExtractionIssue[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export function addIssue(result: ExtractionResult, issue: ExtractionIssue): void {
  result.issues.push(issue);
}

export function fail(result: ExtractionResult, failure: FailureInfo): void {
  result.status = "failed";
  result.failure = failure;
}
