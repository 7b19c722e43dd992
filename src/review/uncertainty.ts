/**
 * The one notion of "this value is uncertain". A value of the record (a figure or a text with its
 * provenance) is uncertain when
 *
 *   - OCR read one of its characters with a confidence below UNCERTAIN_BELOW (`low_ocr_confidence`;
 *     glyph decoding gives a glyph its readings did not agree on, and the digits against it, ≤ 40);
 *   - an `ocr_uncertain` extraction issue names it: by its box (`issue.bbox` on `issue.page`: every
 *     value printed in that box, a figure stated in the headline and in its statement alike), or, for
 *     issues stored before issues carried a box, by the record path the message starts with
 *     (`readings_disagree` for a second OCR reading that differs, `glyphs_disagree` for glyph decoding).
 *
 *   - OCR read it in a form that does not fit (`doubtful_format`): digits joined across a gap in the
 *     printed text (`10  96.38%` — two pieces of a line taken for one number), or an indicator target
 *     with a strict `<` / `>` (a scan loses the bar of `≤` / `≥`);
 *   - one OCR'd box was taken for two fields of different units (`one_box_two_fields`: a score in 分
 *     and a rate in % from the same printed number — one of them is not what the page says).
 *   - OCR read it, and the report states the same figure elsewhere with another value
 *     (`stated_otherwise`: the same budget line, or the same headline figure, twice with different
 *     amounts — one reading is wrong, and only the page says which);
 *   - OCR read it, and it does not fit the values around it (`doubtful_format`, column-misfit.ts):
 *     other decimals than its table column, ten times or a tenth of what its total and parts need,
 *     an equality target missed yet scored in full where a ≥/≤ was likely lost.
 *
 * A corrected value is not uncertain: an auditor looked at it. The marks live on the value's
 * provenance (`prov.uncertain`); they are set when a record is stored (finalize) and derived again
 * whenever a record is loaded (corrections applied), so that records stored by an older version are
 * marked the same way. Every export, check and view reads them from here.
 */
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { Provenance, Uncertainty } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { markMisfits } from "./column-misfit.js";

/**
 * OCR confidences below this are doubtful. Measured: the corpus scans' OCR values run 77–93 (median
 * 91) with tesseract; with PP-OCR the wrong-read probe values sat at 40–84 while right ones mostly read
 * 90+ (README, "Uncertain values").
 */
export const UNCERTAIN_BELOW = 85;

/** An object of the record with a value and where it was printed (a Figure or a Text). */
export interface Located {
  path: string;
  node: { value: unknown; prov: Provenance; correction?: unknown };
}

const isProv = (p: unknown): p is Provenance =>
  !!p &&
  typeof p === "object" &&
  typeof (p as Provenance).page === "number" &&
  Array.isArray((p as Provenance).bbox) &&
  typeof (p as Provenance).text === "string";

/** Every value of the record (figure or text) with its path: `headline.budget_total`, `budget_lines[3].amount`. */
export function locatedValues(record: unknown): Located[] {
  const out: Located[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if ("value" in o && isProv(o.prov)) out.push({ path, node: o as Located["node"] });
    for (const [k, v] of Object.entries(o))
      if (k !== "prov" && k !== "issues" && k !== "correction") walk(v, path ? `${path}.${k}` : k);
  };
  walk(record, "");
  return out;
}

export const boxKey = (page: number, bbox: readonly number[]): string =>
  `${page}|${bbox.map((v) => v.toFixed(2)).join(",")}`;

/** The record path an ocr_uncertain message of an older version starts with. */
const LEGACY_PATH = [
  /^page \d+: ([\w.[\]]+) /, // cross-check: "page 3: headline.budget_total 1234.5 is uncertain — …"
  /^([\w.[\]]+)(?: = .*?)? \(page \d+, printed/, // glyphs: "budget_lines[2].amount = 12.5 (page 2, printed …"
];

function legacyPath(message: string): string | undefined {
  for (const re of LEGACY_PATH) {
    const m = re.exec(message);
    if (m) return m[1];
  }
  return undefined;
}

/** The short reason an ocr_uncertain issue gives for its value. */
export function issueReason(issue: ExtractionIssue): Uncertainty {
  const two = /read “([^”]*)”.*?read “([^”]*)”/.exec(issue.message);
  if (issue.stage === "ocr" && two)
    return { reason: "readings_disagree", why: `readings disagree ${two[1]}/${two[2] || "nothing"}` };
  if (issue.stage === "glyphs") return { reason: "glyphs_disagree", why: "glyph readings disagree" };
  return { reason: "ocr_uncertain", why: "OCR reading doubtful" };
}

/** Why a value is uncertain by its own confidence, if it is. */
export function confidenceReason(prov: Provenance, below = UNCERTAIN_BELOW): Uncertainty | undefined {
  if (prov.conf === undefined || prov.conf >= below) return undefined;
  return { reason: "low_ocr_confidence", why: `low OCR confidence ${Math.round(prov.conf)}` };
}

const add = (prov: Provenance, u: Uncertainty): void => {
  const list = prov.uncertain ?? [];
  if (!list.some((x) => x.reason === u.reason && x.why === u.why)) list.push(u);
  prov.uncertain = list;
};

/**
 * Sets `prov.uncertain` on every uncertain value of the record (in place; returns the record).
 * Marks already stored are kept; a corrected value loses its marks.
 */
export function markUncertain<R extends Pick<Report, "issues">>(record: R, below = UNCERTAIN_BELOW): R {
  const values = locatedValues(record);
  const byBox = new Map<string, Located[]>();
  for (const v of values) {
    const k = boxKey(v.node.prov.page, v.node.prov.bbox);
    byBox.set(k, [...(byBox.get(k) ?? []), v]);
  }
  const byPath = new Map(values.map((v) => [v.path, v]));
  for (const issue of record.issues ?? []) {
    if (issue.code !== "ocr_uncertain") continue;
    let box = issue.page !== undefined && issue.bbox ? boxKey(issue.page, issue.bbox) : undefined;
    if (!box) {
      const path = issue.field ?? legacyPath(issue.message);
      const v = path ? byPath.get(path) : undefined;
      if (v && (issue.page === undefined || v.node.prov.page === issue.page))
        box = boxKey(v.node.prov.page, v.node.prov.bbox);
    }
    if (!box) continue;
    const u = issueReason(issue);
    for (const v of byBox.get(box) ?? []) add(v.node.prov, u);
  }
  for (const group of byBox.values()) {
    const figures = group.filter((v) => isOcrFigure(v.node));
    const units = new Set(figures.map((v) => (v.node as unknown as { unit: string }).unit));
    if (units.size > 1)
      for (const v of figures)
        add(v.node.prov, {
          reason: "one_box_two_fields",
          why: `one printed number read as two fields (${[...units].join(", ")})`,
        });
  }
  statedOtherwise(record as unknown as Partial<Report>);
  markMisfits(record as unknown as Partial<Report>, add);
  for (const v of values) {
    const u = confidenceReason(v.node.prov, below);
    if (u) add(v.node.prov, u);
    const f = formatReason(v);
    if (f) add(v.node.prov, f);
    if (v.node.correction) delete v.node.prov.uncertain;
  }
  return record;
}

/** OCR'd figures the report states again (same budget line, same headline figure) with another value. */
function statedOtherwise(r: Partial<Report>): void {
  const groups = new Map<string, Array<{ value: string; prov: Provenance }>>();
  const put = (k: string, f: { value: string; prov: Provenance }): void => {
    groups.set(k, [...(groups.get(k) ?? []), f]);
  };
  for (const l of r.budget_lines ?? []) put(`line|${l.section}|${l.item}`, l.amount);
  for (const s of r.statements ?? []) put(`headline|${s.key}`, s.figure);
  for (const list of groups.values()) {
    const values = [...new Set(list.map((f) => Number(f.value)))];
    if (values.length < 2) continue;
    const shown = list.map((f) => f.prov.text.trim()).filter((t, i, a) => a.indexOf(t) === i);
    for (const f of list)
      if (f.prov.conf !== undefined)
        add(f.prov, { reason: "stated_otherwise", why: `stated otherwise: ${shown.join(" / ")}` });
  }
}

const isOcrFigure = (node: Located["node"]): boolean =>
  node.prov.conf !== undefined && typeof (node as { ulp?: unknown }).ulp === "string";

/** An OCR'd value whose printed form does not fit its kind. */
export function formatReason(v: Located): Uncertainty | undefined {
  const { prov } = v.node;
  if (prov.conf === undefined) return undefined;
  if (isOcrFigure(v.node) && /\d\s+\d/.test(prov.text.normalize("NFKC")))
    return { reason: "doubtful_format", why: "digits joined across a gap" };
  if (/(^|\.)target$/.test(v.path) && /[<>]/.test(prov.text.normalize("NFKC")))
    return { reason: "doubtful_format", why: "< or > may be a misread ≤ or ≥" };
  return undefined;
}

/** The value's uncertainty as one short phrase (`low OCR confidence 71; readings disagree 5/6`), or "". */
export const uncertainWhy = (prov: Provenance | undefined): string =>
  (prov?.uncertain ?? []).map((u) => u.why).join("; ");

export const isUncertain = (v: { prov: Provenance } | undefined): boolean => !!v?.prov.uncertain?.length;
