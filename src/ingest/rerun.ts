/**
 * Which stored partial readings a new ingest reads again without --force: those whose gaps a rerun
 * can fill (OCR that failed or was cut short, pages left for OCR when OCR is now on). A report
 * partial because the document itself lacks a field stays as it is.
 */
import type { Report } from "../../schemas/report.js";
import type { StageContext } from "../pipeline/stage.js";

/** Issue codes that mean "not read", not "not there". */
const RERUN_FIXABLE = new Set(["ocr_failed", "timeout", "interrupted", "page_timeout"]);

/** Why the stored record should be read again, or undefined to keep it. */
export function rerunReason(record: Report | undefined, ocr: StageContext["ocr"]): string | undefined {
  if (record?.status !== "partial") return undefined;
  const fixable = record.issues.filter(
    (i) => RERUN_FIXABLE.has(i.code) || (i.code === "needs_ocr" && ocr !== "never"),
  );
  if (fixable.length === 0) return undefined;
  const codes = [...new Set(fixable.map((i) => i.code))].join(", ");
  return `stored partial (${codes}); read again`;
}
