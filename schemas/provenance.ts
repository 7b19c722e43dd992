import { z } from "zod";
import { CorrectionNote } from "./correction.js";

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
