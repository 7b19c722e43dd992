/**
 * The CSV files of the export contract (../shared/spec/export-contract.md), one spec each. The
 * contract's columns come first in its order; columns added since follow. Never rename or drop a
 * column: scripts and spreadsheets read them by name.
 */
import type { Correction } from "../../schemas/correction.js";
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { Finding } from "../../schemas/finding.js";
import type { Figure, Provenance } from "../../schemas/provenance.js";
import type {
  BudgetLine,
  HeadlineKey,
  Indicator,
  ProjectSpending,
  Report,
  Statement,
  Task,
} from "../../schemas/report.js";
import { uncertainWhy } from "../review/uncertainty.js";
import type { StoredReport } from "../store/store.js";
import { type CsvColumn, type CsvFile, decimalCell, num, text } from "./csv-spec.js";

/** One stored report with what the export adds to it. */
export interface ReportRow {
  stored: StoredReport;
  /** The record, when it parsed with the current schema. */
  record?: Report;
  /** Why a stored record was not exported (it failed validation against the current schema). */
  invalid?: string;
  /** Errors and warnings of the last `selfeval check`. */
  findings: number;
  /** Every path the same bytes were ingested from, first first. */
  paths: string[];
  /** When `check` linked this file as another copy of a report: that report's id. */
  same_report_as?: string;
  /** Corrections applied over this record's reading (src/review). */
  corrections: number;
}

/** A correction as recorded, with what became of it over the current reading. */
export interface CorrectionRow {
  correction: Correction;
  source_file: string;
  /** in_force (applied), not_applied (its value is not in this reading), superseded, withdrawn. */
  status: "in_force" | "not_applied" | "superseded" | "withdrawn";
  /** The value as extracted by the current reading, where the correction was applied. */
  read?: string;
}

/** The identifying columns every detail file repeats, so each file can be read alone. */
export interface ReportKey {
  report_id: string;
  department: string;
  fiscal_year: number | string;
}

export interface Of<T> {
  report: ReportKey;
  item: T;
}

export interface FigureRow extends Of<Statement> {
  canonical: boolean;
}

export interface DiscrepancyRow extends Finding {
  id: number;
}

const fig = (f: Figure | undefined): string => (f ? decimalCell(f.value) : "");
const bbox = (b: readonly number[] | undefined): string => (b ? b.join(",") : "");

/** A row's values that carry provenance, by the column that prints them. */
type ValuesOf<R> = (row: R) => Array<[column: string, value: { prov: Provenance } | undefined]>;

/** The columns of a row whose values are uncertain (src/review/uncertainty.ts), with why. */
const uncertainOf = <R>(values: ValuesOf<R>, row: R): Array<[string, string]> =>
  values(row).flatMap(([c, v]) => {
    const why = uncertainWhy(v?.prov);
    return why ? [[c, why] as [string, string]] : [];
  });

const UNCERTAIN_MEANING =
  "1 when a value of this row is uncertain — OCR read a character below the confidence threshold (README: uncertain values), a second reading of its box differs, or it was decoded from glyphs whose readings disagree; check it on its page before acting on it; else 0";

/** `uncertain` (1/0) and `uncertain_why` (`column: reason`, separated by ` | `) for a line file. */
const uncertainColumns = <R>(values: ValuesOf<R>, which: string): Array<CsvColumn<R>> => [
  num("uncertain", UNCERTAIN_MEANING, (r) => (uncertainOf(values, r).length ? 1 : 0)),
  text(
    "uncertain_why",
    `why, per uncertain value: \`column: reason\` (e.g. \`${which}: low OCR confidence 71\`, \`${which}: readings disagree 1545.08/1546.08\`), separated by \` | \`; empty when sure`,
    (r) =>
      uncertainOf(values, r)
        .map(([c, why]) => `${c}: ${why}`)
        .join(" | "),
  ),
];

/** The values of reports.csv's row, by column. */
const REPORT_VALUES: ValuesOf<ReportRow> = (r) => {
  const x = r.record;
  if (!x) return [];
  const h = (c: string, k: HeadlineKey): [string, Figure | undefined] => [c, x.headline[k]];
  return [
    ["department", x.department],
    ["fiscal_year", x.fiscal_year],
    ["report_kind", x.report_kind],
    ["project_name", x.project_name],
    ["implementing_unit", x.implementing_unit],
    ["self_score", x.self_score],
    ["grade", x.grade],
    h("budget_total_wan", "budget_total"),
    h("initial_budget_wan", "initial_budget"),
    h("executed_total_wan", "executed_total"),
    h("execution_rate_pct", "execution_rate"),
    h("income_total_wan", "income_total"),
    h("expenditure_total_wan", "expenditure_total"),
    h("basic_total_wan", "basic_total"),
    h("basic_share_pct", "basic_share"),
    h("project_total_wan", "project_total"),
    h("project_share_pct", "project_share"),
    h("yoy_change_wan", "yoy_change"),
    h("yoy_change_pct", "yoy_change_pct"),
    ["staff_authorized", x.staff.authorized],
    ["staff_in_service", x.staff.in_service],
    ["staff_contract", x.staff.contract],
    ["staff_retired", x.staff.retired],
  ];
};

/** Indicator comparison operators as words: a cell `=` or `>=` would need a formula escape in Excel. */
export const TARGET_OP_WORDS: Record<Indicator["target_op"], string> = {
  ">=": "ge",
  "<=": "le",
  "=": "eq",
  text: "text",
};

const keyColumns = <T>(): Array<CsvColumn<Of<T>>> => [
  text("report_id", "the report (reports.csv)", (r) => r.report.report_id),
  text("department", "as in reports.csv", (r) => r.report.department),
  num("fiscal_year", "as in reports.csv", (r) => r.report.fiscal_year),
];

const headline = (name: string, key: HeadlineKey, meaning: string): CsvColumn<ReportRow> =>
  num(name, meaning, (r) => fig(r.record?.headline[key]));

export const REPORTS: CsvFile<ReportRow> = {
  name: "reports.csv",
  rowIs: "ingested file (failed and skipped files included, with the reason)",
  columns: [
    text(
      "report_id",
      "stable id: the SHA-256 of the file's bytes (hex); the same file ingested twice is one report. A file stacking several project forms holds one report per form: the first keeps the SHA-256, the N-th is `<sha256>#N` (see form_index)",
      (r) => r.stored.report_id,
    ),
    text("source_file", "file name as ingested (base name)", (r) => r.stored.source_file),
    text("source_path", "path as given on the command line", (r) => r.stored.source_path),
    text(
      "department",
      "部门（单位）全称 as printed, NFKC",
      (r) => r.record?.department?.value ?? r.stored.department ?? "",
    ),
    num(
      "fiscal_year",
      "the year evaluated (2022 for a “2022年度” report)",
      (r) => r.record?.fiscal_year?.value ?? r.stored.fiscal_year ?? "",
    ),
    text(
      "report_kind",
      "e.g. 部门整体支出绩效自评报告, 项目支出绩效自评表",
      (r) => r.record?.report_kind?.value,
    ),
    text(
      "project_name",
      "for a project self-evaluation (report_kind 项目支出…): the project's name; empty for whole-department reports",
      (r) => r.record?.project_name?.value,
    ),
    text(
      "same_report_as",
      "when this file is another copy of a report already stored (a scan of it, a re-export): that report's report_id; empty on the canonical record (linked by `selfeval check`)",
      (r) => r.same_report_as,
    ),
    text(
      "implementing_unit",
      "for a project self-evaluation: 实施单位, where printed",
      (r) => r.record?.implementing_unit?.value,
    ),
    num(
      "form_index",
      "where the file stacks several project forms: this form's place in the file (1 = the first, whose report_id is the file's SHA-256); empty for a file holding one report",
      (r) => (r.record?.form_index === undefined ? "" : String(r.record.form_index)),
    ),
    num("self_score", "自评得分", (r) => fig(r.record?.self_score)),
    text("grade", "自评等级 as printed: 优/良/中/差 or 优秀/良好/合格/不合格", (r) => r.record?.grade?.value),
    headline("budget_total_wan", "budget_total", "全年预算数 (调整后预算 where both are given), 万元"),
    headline("initial_budget_wan", "initial_budget", "年初预算数, where stated, 万元"),
    headline("executed_total_wan", "executed_total", "执行数 / 实际支出, 万元"),
    headline("execution_rate_pct", "execution_rate", "预算执行率 as stated, %"),
    headline("income_total_wan", "income_total", "总收入 as stated, 万元"),
    headline("expenditure_total_wan", "expenditure_total", "总支出 as stated, 万元"),
    headline("basic_total_wan", "basic_total", "基本支出, 万元"),
    headline("basic_share_pct", "basic_share", "基本支出 share of total expenditure as stated, %"),
    headline("project_total_wan", "project_total", "项目支出, 万元"),
    headline("project_share_pct", "project_share", "项目支出 share as stated, %"),
    headline(
      "yoy_change_wan",
      "yoy_change",
      "stated change of expenditure against the previous year, 万元 (negative = decrease)",
    ),
    headline("yoy_change_pct", "yoy_change_pct", "the same change in percent as stated"),
    num("staff_authorized", "核定编制", (r) => fig(r.record?.staff.authorized)),
    num("staff_in_service", "实有在编在职人员", (r) => fig(r.record?.staff.in_service)),
    num("staff_contract", "编外 / 合同人员", (r) => fig(r.record?.staff.contract)),
    num("staff_retired", "退休人员", (r) => fig(r.record?.staff.retired)),
    num("pages", "page count", (r) => r.stored.pages),
    num("ocr_pages", "how many pages were read by OCR", (r) => r.stored.ocr_pages),
    text("status", "ok / partial / failed / skipped", (r) => r.stored.status),
    text("error", "why, when status is not ok (or why the stored record could not be exported)", (r) =>
      [r.stored.error, r.invalid].filter(Boolean).join("; "),
    ),
    num("findings", "errors and warnings of the last `selfeval check` about this report", (r) => r.findings),
    text("source_paths", "every path these bytes were ingested from, separated by ` | `", (r) =>
      (r.paths.length ? r.paths : [r.stored.source_path]).join(" | "),
    ),
    num(
      "corrections",
      "auditors' corrections applied over this reading (its values in every CSV are the corrected ones; corrections.csv lists them)",
      (r) => r.corrections,
    ),
    text(
      "uncertain_fields",
      "the columns of this row whose values are uncertain (see the line files' `uncertain`), separated by ` | `, e.g. `budget_total_wan | staff_authorized`; empty when every value is sure",
      (r) =>
        uncertainOf(REPORT_VALUES, r)
          .map(([c]) => c)
          .join(" | "),
    ),
    text(
      "uncertain_why",
      "why, per uncertain column: `column: reason` (e.g. `staff_authorized: low OCR confidence 52`), separated by ` | `",
      (r) =>
        uncertainOf(REPORT_VALUES, r)
          .map(([c, why]) => `${c}: ${why}`)
          .join(" | "),
    ),
  ],
};

export const BUDGET_LINES: CsvFile<Of<BudgetLine>> = {
  name: "budget_lines.csv",
  rowIs: "stated amount in a breakdown (an amount stated twice gives two rows; the checks compare them)",
  columns: [
    ...keyColumns<BudgetLine>(),
    text(
      "section",
      "income (收入 by source), expenditure_by_function (功能分类), basic_expenditure (基本支出 by economic class), project_expenditure (项目支出 by economic class), yoy_component (人员经费/公用经费/项目支出 changes)",
      (r) => r.item.section,
    ),
    text("item", "canonical item name, e.g. 一般公共预算财政拨款收入, 工资和福利支出", (r) => r.item.item),
    text("item_as_printed", "the label as the report prints it", (r) => r.item.item_as_printed),
    num("amount_wan", "the amount, 万元", (r) => fig(r.item.amount)),
    num("share_pct", "the share the report states for it, if any, %", (r) => fig(r.item.share)),
    num("page", "page where the amount is printed", (r) => r.item.amount.prov.page),
    text("bbox", "box of the printed amount", (r) => bbox(r.item.amount.prov.bbox)),
    text("printed", "the printed text the amount was read from", (r) => r.item.amount.prov.text),
    text("context", "prose (running text) or table", (r) => r.item.context),
    num("share_page", "page where the share is printed", (r) => r.item.share?.prov.page),
    ...uncertainColumns<Of<BudgetLine>>(
      (r) => [
        ["amount_wan", r.item.amount],
        ["share_pct", r.item.share],
      ],
      "amount_wan",
    ),
  ],
};

export const INDICATORS: CsvFile<Of<Indicator>> = {
  name: "indicators.csv",
  rowIs: "绩效指标 row",
  columns: [
    ...keyColumns<Indicator>(),
    text("level1", "一级指标", (r) => r.item.level1),
    text("level2", "二级指标 (empty where the table has no such column)", (r) => r.item.level2),
    text("level3", "三级指标", (r) => r.item.level3),
    text("target", "指标值 / 年度指标值 as printed (NFKC), e.g. `≥95%`", (r) => r.item.target.value),
    text(
      "target_op",
      "the target parsed: ge (≥, 以上), le (≤, 以下), eq (a plain value) or text (not a number); older exports wrote >=, <=, =",
      (r) => TARGET_OP_WORDS[r.item.target_op],
    ),
    num("target_value", "the target's number", (r) => decimalCell(r.item.target_value)),
    text("target_unit", "the target's unit, e.g. 份, %, 万元", (r) => r.item.target_unit),
    text("actual", "实际完成值 as printed, if the table has it", (r) => r.item.actual?.value),
    num("weight", "分值 / 权重, if present", (r) => fig(r.item.weight)),
    num("score", "得分, if present", (r) => fig(r.item.score)),
    num("page", "page of the row", (r) => r.item.page),
    text("bbox", "box of the row", (r) => bbox(r.item.prov.bbox)),
    text("deviation", "偏差原因分析及改进措施, if present", (r) => r.item.deviation?.value),
    ...uncertainColumns<Of<Indicator>>(
      (r) => [
        ["target", r.item.target],
        ["actual", r.item.actual],
        ["weight", r.item.weight],
        ["score", r.item.score],
      ],
      "target",
    ),
  ],
};

export const TASKS: CsvFile<Of<Task>> = {
  name: "tasks.csv",
  rowIs: "年度重点工作任务",
  columns: [
    ...keyColumns<Task>(),
    num("seq", "the task's number", (r) => r.item.seq),
    text("name", "the task's name without the 任务N： prefix", (r) => r.item.name),
    text("content", "主要内容 as printed", (r) => r.item.content?.value),
    num("planned_wan", "拟投入资金, 万元", (r) => fig(r.item.planned)),
    text("goal", "预期目标 as printed", (r) => r.item.goal?.value),
    text("completion", "完成情况 as printed", (r) => r.item.completion?.value),
    num("page", "page where the task starts", (r) => r.item.prov.page),
    text("pages", "every page the task's row covers, comma-separated", (r) => r.item.pages.join(",")),
    num("planned_page", "page of the planned amount", (r) => r.item.planned?.prov.page),
    text("planned_bbox", "box of the planned amount", (r) => bbox(r.item.planned?.prov.bbox)),
    ...uncertainColumns<Of<Task>>((r) => [["planned_wan", r.item.planned]], "planned_wan"),
  ],
};

export const PROJECTS: CsvFile<Of<ProjectSpending>> = {
  name: "projects.csv",
  rowIs: "key project's spending (重点任务项目支出 / 重点项目)",
  columns: [
    ...keyColumns<ProjectSpending>(),
    text("name", "the project's name", (r) => r.item.name),
    num("budget_wan", "its budget, 万元", (r) => fig(r.item.budget)),
    num("executed_wan", "its spending, 万元", (r) => fig(r.item.executed)),
    num("execution_rate_pct", "its execution rate as stated, %", (r) => fig(r.item.rate)),
    num("page", "page of the project", (r) => r.item.prov.page),
    text("context", "prose or table", (r) => r.item.context),
    text("bbox", "box of the project's text or row", (r) => bbox(r.item.prov.bbox)),
    ...uncertainColumns<Of<ProjectSpending>>(
      (r) => [
        ["budget_wan", r.item.budget],
        ["executed_wan", r.item.executed],
        ["execution_rate_pct", r.item.rate],
      ],
      "budget_wan",
    ),
  ],
};

export const DISCREPANCIES: CsvFile<DiscrepancyRow> = {
  name: "discrepancies.csv",
  rowIs: "finding of the last `selfeval check`",
  columns: [
    text("rule", "stable rule id, e.g. sum_mismatch (the README lists them)", (f) => f.rule),
    text(
      "scope",
      "report (within one report), copies (two files of one report), cross_year, department_years (every year of a department: a name read otherwise in one year), cross_department",
      (f) => f.scope,
    ),
    text(
      "severity",
      "error (figures contradict each other beyond rounding), warning (likely problem), info (rounding-level or worth a look)",
      (f) => f.severity,
    ),
    text("report_id", "the report the finding is about", (f) => f.report_id),
    text(
      "other_report_id",
      "another report the finding implicates as well (cross-report rules)",
      (f) => f.other_report_id,
    ),
    text("department", "as in reports.csv", (f) => f.department),
    num("fiscal_year", "as in reports.csv", (f) => f.fiscal_year),
    text(
      "field",
      "what is compared, e.g. income:一般公共预算财政拨款收入, project_expenditure, execution_rate, task:2",
      (f) => f.field,
    ),
    num("stated", "the value as printed (万元 for amounts, % for rates and shares)", (f) =>
      decimalCell(f.stated),
    ),
    num("expected", "the value it should have, from the other figures", (f) => decimalCell(f.expected)),
    num("difference", "stated − expected", (f) => decimalCell(f.difference)),
    num("page", "page where the stated value is printed", (f) => f.page),
    text("message", "one sentence in Chinese an auditor can act on", (f) => f.message),
    text("bbox", "box of the stated value", (f) => bbox(f.bbox)),
    num("other_page", "page of the other figure compared", (f) => f.other_page),
    num(
      "tolerance",
      "the rounding bound the difference was judged against: half a unit of each operand's last printed digit, propagated",
      (f) => decimalCell(f.tolerance),
    ),
    text(
      "reference_report_id",
      "the report compared against (e.g. last year's), when it is not itself in question",
      (f) => f.reference_report_id,
    ),
    text("source_file", "the file the finding's report was read from (base name)", (f) => f.source_file),
    num(
      "uncertain",
      "1 when the stated or expected value rests on an uncertain value (OCR or glyph reading in doubt; the message names it and its page): the severity is at most warning until the value is checked on the page; else 0",
      (f) => (f.uncertain || f.evidence.some((e) => e.uncertain) ? 1 : 0),
    ),
    text(
      "uncertain_values",
      "the uncertain values it rests on: `printed text (page N: reason)`, separated by ` | `",
      (f) =>
        f.evidence
          .filter((e) => e.uncertain)
          .map((e) => `${e.text} (page ${e.page}: ${e.uncertain})`)
          .join(" | "),
    ),
  ],
};

export const FIGURES: CsvFile<FigureRow> = {
  name: "figures.csv",
  rowIs: "statement of a headline figure (a figure printed three times gives three rows)",
  columns: [
    ...(keyColumns<Statement>() as Array<CsvColumn<FigureRow>>),
    text("key", "the headline figure, e.g. budget_total, execution_rate", (r) => r.item.key),
    num("value", "its value (万元 for amounts, % for rates and shares)", (r) => fig(r.item.figure)),
    text("unit", "the unit as printed (元, 万元, 亿元, %)", (r) => r.item.figure.unit),
    text("context", "prose or table", (r) => r.item.context),
    text("label", "the label printed next to it", (r) => r.item.label),
    num("canonical", "1 for the statement reports.csv uses (see README: canonical figure), else 0", (r) =>
      r.canonical ? 1 : 0,
    ),
    num("page", "page of the statement", (r) => r.item.figure.prov.page),
    text("bbox", "box of the printed number", (r) => bbox(r.item.figure.prov.bbox)),
    text("printed", "the printed text", (r) => r.item.figure.prov.text),
    num(
      "ocr_conf",
      "lowest OCR confidence of its characters (0–100), when read by OCR",
      (r) => r.item.figure.prov.conf,
    ),
    ...uncertainColumns<FigureRow>((r) => [["value", r.item.figure]], "value"),
  ],
};

export const ISSUES: CsvFile<Of<ExtractionIssue>> = {
  name: "issues.csv",
  rowIs: "problem met while reading or extracting a report",
  columns: [
    ...keyColumns<ExtractionIssue>(),
    text("stage", "pipeline stage that raised it: read, ocr, layout, extract", (r) => r.item.stage),
    text("code", "stable code, e.g. needs_ocr, missing_field", (r) => r.item.code),
    text("severity", "error, warning or info", (r) => r.item.severity),
    text("message", "one sentence a user can act on", (r) => r.item.message),
    num("page", "the page, when the issue is about one", (r) => r.item.page),
    text(
      "field",
      "the record path of the value it is about (e.g. headline.budget_total), when it is about one",
      (r) => r.item.field,
    ),
    text("bbox", "box of that value", (r) => bbox(r.item.bbox)),
  ],
};

export const CORRECTIONS: CsvFile<CorrectionRow> = {
  name: "corrections.csv",
  rowIs:
    "correction recorded by `selfeval correct` (oldest first; the latest per report and field is in force)",
  columns: [
    num("id", "the correction's number", (r) => r.correction.id),
    text("report_id", "the report (reports.csv)", (r) => r.correction.report_id),
    text("source_file", "the file it was read from", (r) => r.source_file),
    text("field", "the value corrected, as a `selfeval correct` field path", (r) => r.correction.field),
    num("page", "where the value is printed", (r) => r.correction.page),
    text("original", "the value as read when the correction was made", (r) => r.correction.original),
    text(
      "read",
      "the value as the current reading extracts it (where the correction is in force)",
      (r) => r.read,
    ),
    text(
      "value",
      "the corrected value (amounts in 万元, percentages in percent); empty for a withdrawal",
      (r) => r.correction.value,
    ),
    text(
      "status",
      "in_force, not_applied (its value is not in the current reading — see `selfeval review`), superseded (a later one replaced it), withdrawn",
      (r) => r.status,
    ),
    text("reason", "why, as the auditor gave it", (r) => r.correction.reason),
    text("author", "who recorded it", (r) => r.correction.author),
    text("created_at", "when (ISO 8601, UTC)", (r) => r.correction.created_at),
    text("source", "how it was entered: cli, or csv:FILE", (r) => r.correction.source),
  ],
};

/** Every file `selfeval export` writes, in the order it writes and documents them. */
export const CSV_FILES = [
  REPORTS,
  BUDGET_LINES,
  INDICATORS,
  TASKS,
  PROJECTS,
  DISCREPANCIES,
  FIGURES,
  ISSUES,
  CORRECTIONS,
] as const;
