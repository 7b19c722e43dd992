import { z } from "zod";
import { CorrectionNote } from "./correction.js";

/**
 * Why a value is not sure (src/review/uncertainty.ts derives these): an uncertain value is exported
 * marked as such (reports.csv `uncertain_fields`, the line files' `uncertain` / `uncertain_why`), and
 * a finding resting on it says so.
 */
export const Uncertainty = z.object({
  reason: z
    .enum([
      "low_ocr_confidence",
      "readings_disagree",
      "glyphs_disagree",
      "ocr_uncertain",
      "doubtful_format",
      "one_box_two_fields",
      "stated_otherwise",
    ])
    .describe(
      "low_ocr_confidence: a character read below the threshold; readings_disagree: a second OCR reading of the box differs; glyphs_disagree: decoded from glyphs whose readings did not agree; ocr_uncertain: another ocr_uncertain issue names the value; doubtful_format: OCR'd text whose form does not fit a number of its kind (digits joined across a gap, a strict < or > where scans lose the bar of ≤ ≥); one_box_two_fields: one printed number taken for two fields of different units; stated_otherwise: an OCR'd figure the report states again with another value (a misread and a misprint look alike until the page is checked)",
    ),
  why: z
    .string()
    .describe("short, for the export: `low OCR confidence 71`, `readings disagree 1545.08/1546.08`"),
});
export type Uncertainty = z.infer<typeof Uncertainty>;

/** Where a value was printed: page, box and the printed characters. Every value carries one. */
export const Provenance = z.object({
  page: z.number().int().min(1).describe("1-based page number"),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .describe("x0,y0,x1,y1 in PDF points from the page's top-left"),
  text: z.string().describe("the printed text the value was read from (not normalised)"),
  conf: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("lowest OCR confidence of the characters, when read by OCR"),
  uncertain: z
    .array(Uncertainty)
    .optional()
    .describe("set when the reading of this value is doubtful; absent on a sure value"),
});
export type Provenance = z.infer<typeof Provenance>;

/** An exact decimal as text (never a float): "1234.56789", "-512.6". */
export const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal number as text");

/** A number as stated: exact value in its canonical unit, printed precision, and provenance. */
export const Figure = z.object({
  value: Decimal.describe(
    "exact value: 万元 for amounts, percent points for rates/shares, plain for scores and counts",
  ),
  ulp: Decimal.describe("one unit of the last printed digit, in the value's unit (0.01 for 1,234.56 万元)"),
  unit: z.string().describe("unit as printed: 万元, 元, 亿元, %, 分, 人 …"),
  prov: Provenance,
  /** Set when an auditor's correction replaced the value read (see schemas/correction.ts). */
  correction: CorrectionNote.optional(),
});
export type Figure = z.infer<typeof Figure>;

/** A piece of text as stated, with provenance. */
export const Text = z.object({ value: z.string(), prov: Provenance, correction: CorrectionNote.optional() });
export type Text = z.infer<typeof Text>;
