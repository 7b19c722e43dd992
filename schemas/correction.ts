import { z } from "zod";

/**
 * An auditor's correction of one extracted value, recorded with who, when and why in its own table
 * (never by editing the stored reading). It is applied over the extracted values every time a
 * report is loaded, so it survives re-extraction by any version of selfeval.
 */
export const Correction = z.object({
  id: z.number().int().optional().describe("row id in the corrections table"),
  report_id: z.string().regex(/^[0-9a-f]{64}(#[1-9][0-9]*)?$/),
  field: z
    .string()
    .min(1)
    .describe("the value corrected, e.g. budget_total, staff.in_service, income:事业收入, task:2:planned"),
  value: z
    .string()
    .nullable()
    .describe("the right value (numbers in the field's unit: 万元, percent points); null withdraws"),
  original: z.string().optional().describe("the reading when the correction was made"),
  page: z.number().int().min(1).optional().describe("where the original reading was printed"),
  reason: z.string().min(1),
  author: z.string().min(1),
  created_at: z.string().describe("ISO 8601 time the correction was recorded"),
  source: z.string().describe("how it was entered: cli, or csv:FILE"),
});
export type Correction = z.infer<typeof Correction>;

/** On a corrected value: what was read, and the correction that replaced it. */
export const CorrectionNote = z.object({
  original: z.string().describe("the value as extracted"),
  reason: z.string(),
  author: z.string(),
  at: z.string(),
  correction_id: z.number().int().optional(),
});
export type CorrectionNote = z.infer<typeof CorrectionNote>;
