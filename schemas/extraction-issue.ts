import { z } from "zod";

/** A problem met while reading or extracting a report: stored, exported and shown, never swallowed. */
export const ExtractionIssue = z.object({
  stage: z.string().describe("pipeline stage that raised it, e.g. read, ocr, layout, extract"),
  code: z.string().describe("stable machine-readable code, e.g. needs_ocr, missing_field"),
  severity: z.enum(["error", "warning", "info"]).default("warning"),
  message: z.string().describe("one sentence a user can act on"),
  page: z.number().int().min(1).optional(),
  field: z
    .string()
    .optional()
    .describe(
      "the record path of the value the issue is about (e.g. headline.budget_total), when it is about one",
    ),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .optional()
    .describe("box of that value on `page`: every value printed in this box is the one meant"),
});
export type ExtractionIssue = z.infer<typeof ExtractionIssue>;
