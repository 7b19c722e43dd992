/**
 * The data model: one self-evaluation report and everything extracted from it. These zod schemas
 * are the single source of truth — TypeScript types come from z.infer and `selfeval schema` prints
 * the JSON Schema generated from them.
 */
import { z } from "zod";
import { ExtractionIssue } from "./extraction-issue.js";
import { Figure, Provenance, Text } from "./provenance.js";

export const HEADLINE_KEYS = [
  "budget_total",
  "initial_budget",
  "executed_total",
  "execution_rate",
  "income_total",
  "expenditure_total",
  "basic_total",
  "basic_share",
  "project_total",
  "project_share",
  "yoy_change",
  "yoy_change_pct",
  "prior_expenditure_total",
] as const;
export const HeadlineKey = z.enum(HEADLINE_KEYS);
export type HeadlineKey = z.infer<typeof HeadlineKey>;

/** One statement of a headline figure. A figure printed twice gives two statements. */
export const Statement = z.object({
  key: HeadlineKey,
  figure: Figure,
  /** Where it was stated: running text or a table. */
  context: z.enum(["prose", "table"]),
  /** The label as printed next to it (全年预算数, 执行数 …). */
  label: z.string(),
});
export type Statement = z.infer<typeof Statement>;

export const BUDGET_SECTIONS = [
  "income",
  "expenditure_by_function",
  "basic_expenditure",
  "project_expenditure",
  "yoy_component",
] as const;
export const BudgetSection = z.enum(BUDGET_SECTIONS);
export type BudgetSection = z.infer<typeof BudgetSection>;

/** One stated amount in a breakdown (income by source, expenditure by function or economic class). */
export const BudgetLine = z.object({
  section: BudgetSection,
  item: z.string().describe("canonical item name, e.g. 一般公共预算财政拨款收入"),
  item_as_printed: z.string(),
  amount: Figure,
  share: Figure.optional(),
  context: z.enum(["prose", "table"]),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const TargetOp = z.enum([">=", "<=", "=", "text"]);

export const Indicator = z.object({
  level1: z.string(),
  level2: z.string().describe("empty where the table has no such column"),
  level3: z.string(),
  target: Text.describe("指标值 / 年度指标值 as printed (NFKC)"),
  target_op: TargetOp,
  target_value: z.string().optional(),
  target_unit: z.string().optional(),
  actual: Text.optional(),
  weight: Figure.optional(),
  score: Figure.optional(),
  deviation: Text.optional().describe("偏差原因分析及改进措施"),
  page: z.number().int().min(1),
  prov: Provenance,
});
export type Indicator = z.infer<typeof Indicator>;

export const Task = z.object({
  seq: z.number().int().min(1),
  name: z.string().describe("without the 任务N： prefix"),
  content: Text.optional(),
  planned: Figure.optional().describe("拟投入资金, 万元"),
  goal: Text.optional(),
  completion: Text.optional(),
  pages: z.array(z.number().int().min(1)),
  prov: Provenance,
});
export type Task = z.infer<typeof Task>;

export const ProjectSpending = z.object({
  name: z.string(),
  budget: Figure.optional(),
  executed: Figure.optional(),
  rate: Figure.optional(),
  context: z.enum(["prose", "table"]),
  prov: Provenance,
});
export type ProjectSpending = z.infer<typeof ProjectSpending>;

/** A total stated with its parts (a table's 合计 row and the rows above it, a total and its 其中 rows, prose). */
export const StatedSum = z.object({
  /** What is summed (the column header, or the total's label). */
  field: z.string(),
  /** The total as labelled in the report. */
  label: z.string(),
  total: Figure,
  parts: z.array(z.object({ label: z.string(), figure: Figure })),
  /** True when the parts are all the rows under the total (a 合计 row); false for a 其中 selection. */
  exhaustive: z.boolean(),
  context: z.enum(["prose", "table"]),
  /**
   * The finest precision the parts are printed to, where one list prints some parts with fewer
   * digits than others (30万元；29.99万元): a writer who prints cents for one part prints the others
   * exactly, so those are taken as exact.
   */
  ulp: z.string().optional(),
});
export type StatedSum = z.infer<typeof StatedSum>;

/**
 * An indicator table as a score sheet: the total its own 合计 / 总分 row states (with that row's 分值),
 * and the rows that adjust the points without being indicators (扣分项 −10, 加分项).
 */
export const ScoreSheet = z.object({
  total: Figure.optional(),
  weight: Figure.optional().describe("the total row's 分值, where printed"),
  adjustments: z.array(z.object({ label: z.string(), figure: Figure, page: z.number().int().min(1) })),
});
export type ScoreSheet = z.infer<typeof ScoreSheet>;

export const Staff = z.object({
  authorized: Figure.optional().describe("核定编制"),
  in_service: Figure.optional().describe("实有在编在职人员"),
  contract: Figure.optional().describe("编外 / 合同人员"),
  retired: Figure.optional().describe("退休人员"),
});

/**
 * How OCR read a scanned page: turned upright and deskewed. A value's box on such a page is in the
 * page's own frame (as the PDF shows it) but deskewed: the page rotated by −`skew`° about `center`.
 * An evidence crop repeats both — the deskew, then the turn — so the print shows upright, straight
 * and under its box (src/report/evidence-crops.ts).
 */
export const PageFrame = z.object({
  page: z.number().int().min(1),
  turn: z
    .union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)])
    .describe("degrees clockwise the page was turned to read it upright (scanned sideways or upside down)"),
  skew: z.number().describe("degrees the scan was rotated back by (deskew) before reading; 0: not deskewed"),
  center: z
    .tuple([z.number(), z.number()])
    .describe("the deskew's centre, in PDF points from the page's top-left"),
});
export type PageFrame = z.infer<typeof PageFrame>;

export const ReportStatus = z.enum(["ok", "partial", "failed", "skipped"]);
export type ReportStatus = z.infer<typeof ReportStatus>;

/**
 * A report's id: the SHA-256 of the file's bytes (hex) — of its first report where a file stacks
 * several project forms, whose N-th (N ≥ 2) is `<sha256>#N`. The file's id stays the id of its first
 * (or only) report, so an id exported before stacked forms were split still names the same form.
 */
export const ReportId = z.string().regex(/^[0-9a-f]{64}(#[1-9][0-9]*)?$/);
/** The file part of a report id (the SHA-256), and the form's 1-based place in the file. */
export const fileIdOf = (reportId: string): string => reportId.split("#")[0]!;
export const formIndexOf = (reportId: string): number => Number(reportId.split("#")[1] ?? "1");
/** The id of the N-th (1-based) report of a file. */
export const formReportId = (sha256: string, n: number): string => (n <= 1 ? sha256 : `${sha256}#${n}`);

export const Report = z.object({
  report_id: ReportId.describe(
    "SHA-256 of the file bytes; `<sha256>#N` for the N-th of several project forms stacked in one file",
  ),
  source_file: z.string(),
  source_path: z.string(),
  department: Text.optional(),
  fiscal_year: Figure.optional(),
  report_kind: Text.optional(),
  /** For a project self-evaluation (项目支出绩效自评表/报告): the project's name (项目名称). */
  project_name: Text.optional(),
  /** For a project self-evaluation: the implementing unit (实施单位), where printed. */
  implementing_unit: Text.optional(),
  /**
   * Where the file stacks several project forms: this form's place (1-based) and how many the file
   * holds. Absent for a file holding one report.
   */
  form_index: z.number().int().min(1).optional(),
  form_count: z.number().int().min(2).optional(),
  self_score: Figure.optional(),
  grade: Text.optional(),
  staff: Staff,
  /** Every statement of a headline figure, in document order. */
  statements: z.array(Statement),
  /** The canonical value of each headline figure (see src/extract/canonical.ts for the rule). */
  headline: z.partialRecord(HeadlineKey, Figure),
  budget_lines: z.array(BudgetLine),
  indicators: z.array(Indicator),
  tasks: z.array(Task),
  projects: z.array(ProjectSpending),
  /** The indicator table's own total and point adjustments, for the score check (absent in older records). */
  score_sheet: ScoreSheet.optional(),
  /** Totals stated with their parts, for the sum check (added in 0.3; absent in older records). */
  stated_sums: z.array(StatedSum).optional(),
  /** Free text auditors compare across years. */
  problems: Text.optional(),
  next_steps: Text.optional(),
  pages: z.number().int().min(0),
  ocr_pages: z.number().int().min(0),
  /** Pages OCR read turned or deskewed (absent in older records and where no page was). */
  page_frames: z.array(PageFrame).optional(),
  status: ReportStatus,
  error: z.string().optional(),
  issues: z.array(ExtractionIssue),
});
export type Report = z.infer<typeof Report>;
