/**
 * The store's tables as the query layer (kysely) sees them, one interface per table. Exact
 * decimals are strings on both backends: TEXT in SQLite, numeric in PostgreSQL (which `pg` returns
 * as text), so a value read back is the value written.
 */
import type { Generated } from "kysely";

export interface ReportsTable {
  report_id: string;
  source_file: string;
  source_path: string;
  department: string | null;
  department_key: string | null;
  fiscal_year: number | null;
  report_kind: string | null;
  self_score: string | null;
  grade: string | null;
  status: string;
  error: string | null;
  pages: number;
  ocr_pages: number;
  file_size: number;
  record_json: string | null;
  extractor: string;
  ingested_at: string;
}

export interface SourcePathsTable {
  report_id: string;
  path: string;
  file_name: string;
  first_seen: string;
}

export interface StatementsTable {
  report_id: string;
  seq: number;
  key: string;
  value: string;
  ulp: string;
  unit: string;
  context: string;
  label: string;
  canonical: number;
  page: number;
  bbox: string;
  printed: string;
  conf: number | null;
}

export interface BudgetLinesTable {
  report_id: string;
  seq: number;
  section: string;
  item: string;
  item_as_printed: string;
  amount_wan: string;
  amount_ulp: string;
  unit: string;
  share_pct: string | null;
  share_ulp: string | null;
  context: string;
  page: number;
  bbox: string;
  printed: string;
  conf: number | null;
}

export interface IndicatorsTable {
  report_id: string;
  seq: number;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  target_op: string;
  target_value: string | null;
  target_unit: string | null;
  actual: string | null;
  weight: string | null;
  score: string | null;
  deviation: string | null;
  page: number;
  bbox: string;
}

export interface TasksTable {
  report_id: string;
  seq: number;
  name: string;
  content: string | null;
  planned_wan: string | null;
  planned_ulp: string | null;
  goal: string | null;
  completion: string | null;
  page: number;
  pages: string;
  bbox: string;
}

export interface ProjectsTable {
  report_id: string;
  seq: number;
  name: string;
  budget_wan: string | null;
  executed_wan: string | null;
  execution_rate_pct: string | null;
  context: string;
  page: number;
  bbox: string;
}

export interface IssuesTable {
  report_id: string;
  seq: number;
  stage: string;
  code: string;
  severity: string;
  message: string;
  page: number | null;
}

export interface FindingsTable {
  id: Generated<number>;
  rule: string;
  scope: string;
  severity: string;
  report_id: string;
  other_report_id: string | null;
  reference_report_id: string | null;
  department: string | null;
  fiscal_year: number | null;
  field: string;
  stated: string | null;
  expected: string | null;
  difference: string | null;
  tolerance: string | null;
  page: number | null;
  bbox: string | null;
  other_page: number | null;
  message: string;
  evidence_json: string | null;
}

/** An auditor's correction of one value (src/review): append-only, the latest per field in force. */
export interface CorrectionsTable {
  id: Generated<number>;
  report_id: string;
  field: string;
  value: string | null;
  original: string | null;
  page: number | null;
  reason: string;
  author: string;
  created_at: string;
  source: string;
}

/** A stored file that is another copy of a report (src/checks/same-report.ts), written by `check`. */
export interface SameReportTable {
  report_id: string;
  same_report_as: string;
  agree: number;
  differ: number;
}

export interface Tables {
  reports: ReportsTable;
  source_paths: SourcePathsTable;
  statements: StatementsTable;
  budget_lines: BudgetLinesTable;
  indicators: IndicatorsTable;
  tasks: TasksTable;
  projects: ProjectsTable;
  issues: IssuesTable;
  findings: FindingsTable;
  corrections: CorrectionsTable;
  same_report: SameReportTable;
}
