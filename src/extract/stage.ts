import type { Stage } from "../pipeline/stage.js";
import type { Definitions } from "./definitions.js";
import { extractReport } from "./extract-report.js";

/**
 * Layout → the validated Report record (and, for stacked project forms, one record per further form),
 * read with the given definitions; non-reports are skipped with their reason.
 */
export function extractRecord(definitions: Definitions): Stage {
  return {
    name: "extract",
    run(result) {
      const ocrPages = result.pages.filter((p) => p.source === "ocr").length;
      const { report, forms, skipped } = extractReport(
        { source: result.source, layout: result.layout!, ocrPages, issues: result.issues },
        definitions,
      );
      result.record = report;
      if (forms.length > 0) result.forms = forms;
      result.issues = report.issues;
      if (skipped) {
        result.status = "skipped";
        result.failure = {
          code: "not_a_report",
          message: skipped,
          hint: "nothing to do if the file is not a performance self-evaluation report",
        };
      } else if (report.status === "partial") result.status = "partial";
    },
  };
}
