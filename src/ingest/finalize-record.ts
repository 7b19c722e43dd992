/**
 * The last stage before storing: the record's status says what was not read, and its names and
 * keys carry no invisible characters.
 *
 * 1. A page that could not be parsed or OCR'd downgrades the document to `partial` (style: a page
 *    that fails downgrades the document; it does not pass as ok with a page missing).
 * 2. Zero-width and bidi characters are removed from the values of the record (department, names,
 *    labels, items) so that two spellings of one department are one key; the printed text in
 *    provenance (`prov.text`) is evidence and stays exactly as read.
 */
import type { Report } from "../../schemas/report.js";
import type { Stage } from "../pipeline/stage.js";
import { markUncertain } from "../review/uncertainty.js";
import { hasInvisibles, withoutInvisibles } from "../text/hygiene.js";

/** Issue codes of pages that were not read at all. */
const UNREAD_PAGE = new Set(["page_unreadable", "ocr_failed", "page_too_many_runs"]);
/** String fields of the record's objects that are names or keys. */
const NAME_FIELDS = new Set(["value", "name", "item", "level1", "level2", "level3", "label", "section"]);

export const finalizeRecord: Stage = {
  name: "finalize",
  run(result) {
    const record = result.record as Report | undefined;
    if (!record) return;
    // A file stacking project forms holds one record per form: each is finalized alike.
    for (const r of [record, ...((result.forms ?? []) as Report[])])
      if (finalize(r) && (result.status === "ok" || result.status === "pending")) result.status = "partial";
    result.issues = record.issues;
  },
};

/** Cleans one record's names; true when it was downgraded to partial for pages not read. */
function finalize(record: Report): boolean {
  let cleaned = 0;
  const clean = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const x of node) clean(x);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "prov" || k === "issues") continue;
      if (typeof v === "string") {
        if (NAME_FIELDS.has(k) && hasInvisibles(v)) {
          (node as Record<string, unknown>)[k] = withoutInvisibles(v);
          cleaned++;
        }
      } else clean(v);
    }
  };
  clean(record);
  if (cleaned > 0) {
    record.issues.push({
      stage: "extract",
      code: "invisible_characters_removed",
      severity: "info",
      message: `${cleaned} value(s) held zero-width or bidi control characters, removed (the printed text keeps them)`,
    });
  }
  // Values whose reading is doubtful are stored marked (prov.uncertain; src/review/uncertainty.ts).
  markUncertain(record);
  const unread = [...new Set(record.issues.filter((i) => UNREAD_PAGE.has(i.code)).map((i) => i.page))];
  if (unread.length > 0 && record.status === "ok") {
    record.status = "partial";
    record.error = `${unread.length} page(s) could not be read in full`;
    return true;
  }
  return false;
}
