import { definitions } from "../../pipelines/definitions.js";
import type { Stage } from "../pipeline/stage.js";
import { extractReport } from "./extract-report.js";

/** Layout → the validated Report record; non-reports are skipped with their reason. */
export const extractRecord: Stage = {
  name: "extract",
  run(result) {
    const ocrPages = result.pages.filter((p) => p.source === "ocr").length;
    const { report, skipped } = extractReport(
      { source: result.source, layout: result.layout!, ocrPages, issues: result.issues },
      definitions,
    );
    result.record = report;
    result.issues = report.issues;
    if (skipped) {
      result.status = "skipped";
      result.failure = {
        code: "not_a_report",
        message: skipped,
        hint: "nothing to do if the file is not a 绩效自评报告",
      };
    } else if (report.status === "partial") result.status = "partial";
  },
};
