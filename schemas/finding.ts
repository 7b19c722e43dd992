import { z } from "zod";
import { Decimal } from "./provenance.js";

/** A printed region a finding rests on: the auditor's evidence. */
export const Evidence = z.object({
  report_id: z.string(),
  role: z.string().describe("what the region shows, e.g. stated, part, total, last year"),
  page: z.number().int().min(1),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  text: z.string(),
  uncertain: z
    .string()
    .optional()
    .describe("set when the value printed here is uncertain (why, e.g. `low OCR confidence 71`)"),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  rule: z.string().describe("stable rule id, e.g. sum_mismatch"),
  scope: z
    .enum(["report", "copies", "cross_year", "department_years", "cross_department"])
    .describe(
      "what was compared: one report, two files of one report, two years, every year of a department (a name read otherwise in one year), the peers of a region",
    ),
  severity: z.enum(["error", "warning", "info"]),
  report_id: z.string(),
  source_file: z.string().optional().describe("the file the finding's report was read from (base name)"),
  other_report_id: z.string().optional().describe("another report the finding implicates as well"),
  reference_report_id: z
    .string()
    .optional()
    .describe("the report compared against (e.g. last year's), not itself in question"),
  department: z.string().optional(),
  fiscal_year: z.number().int().optional(),
  field: z
    .string()
    .describe("what is compared, e.g. income:一般公共预算财政拨款收入, project_expenditure, task:2"),
  stated: Decimal.optional(),
  expected: Decimal.optional(),
  difference: Decimal.optional().describe("stated − expected"),
  /** The rounding bound the difference was judged against. */
  tolerance: Decimal.optional(),
  page: z.number().int().min(1).optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  other_page: z.number().int().min(1).optional(),
  message: z.string().describe("one sentence in Chinese an auditor can act on"),
  uncertain: z
    .boolean()
    .optional()
    .describe(
      "true when a value the finding rests on is uncertain (its evidence says which); severity at most warning",
    ),
  evidence: z.array(Evidence),
});
export type Finding = z.infer<typeof Finding>;
