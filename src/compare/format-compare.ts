/**
 * The comparison as a terminal table, CSV (the export contract's conventions: BOM, CRLF, RFC 4180)
 * or JSON. Sorting is by any column, numerically where the column is a number.
 */
import Big from "big.js";
import { toCsv } from "../export/csv-spec.js";
import { jsonNumber } from "../export/json-number.js";
import {
  COMPARE_COLUMNS,
  type CompareColumn,
  type CompareRow,
  cmpText,
  NUMERIC_COLUMNS,
} from "./compare-rows.js";
import { displayWidth, padDisplay } from "./display-width.js";

export type CompareFormat = "table" | "csv" | "json";

export class SortColumnError extends Error {
  constructor(readonly column: string) {
    super(
      `unknown sort column "${column}"; choose one of ${COMPARE_COLUMNS.join(", ")} (prefix - for descending)`,
    );
    this.name = "SortColumnError";
  }
}

export function parseSort(sortBy: string): { column: CompareColumn; descending: boolean } {
  const descending = sortBy.startsWith("-");
  const name = (descending ? sortBy.slice(1) : sortBy).trim();
  const column = COMPARE_COLUMNS.find((c) => c === name);
  if (!column) throw new SortColumnError(name);
  return { column, descending };
}

function cmpCell(column: CompareColumn, a: CompareRow, b: CompareRow): number {
  const x = a[column];
  const y = b[column];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  if (NUMERIC_COLUMNS.has(column)) return new Big(x).cmp(new Big(y));
  return cmpText(String(x), String(y));
}

/** A stable sort; rows missing the value stay at the end in either direction. */
export function sortRows(rows: readonly CompareRow[], sortBy?: string): CompareRow[] {
  if (!sortBy) return [...rows];
  const { column, descending } = parseSort(sortBy);
  return [...rows].sort((a, b) => {
    if (a[column] === null || b[column] === null) return cmpCell(column, a, b);
    return descending ? cmpCell(column, b, a) : cmpCell(column, a, b);
  });
}

export const COLUMN_LABELS: Record<CompareColumn, string> = {
  department: "部门",
  fiscal_year: "年度",
  budget_total_wan: "全年预算数(万元)",
  executed_total_wan: "执行数(万元)",
  execution_rate_pct: "执行率(%)",
  rate_source: "执行率来源",
  basic_total_wan: "基本支出(万元)",
  project_total_wan: "项目支出(万元)",
  basic_share_pct: "基本支出占比(%)",
  per_capita_wan: "人均支出(万元/人)",
  self_score: "自评得分",
  grade: "等级",
  findings: "问题数",
  report_id: "报告ID",
  source_file: "文件",
  copies: "同一报告的其他文件",
};

export const RATE_SOURCE_LABELS: Record<NonNullable<CompareRow["rate_source"]>, string> = {
  stated: "报告列示",
  computed: "执行数÷预算数",
};

/** Two decimals for reading; the CSV and JSON keep the record's exact value. */
export function roundedCell(column: CompareColumn, row: CompareRow): string {
  const v = row[column];
  if (v === null) return "";
  // Years and counts are whole numbers: never `2.00` copies.
  if (column === "fiscal_year" || column === "findings" || column === "copies") return String(v);
  if (NUMERIC_COLUMNS.has(column)) return new Big(v).round(2).toFixed(2);
  if (column === "report_id") return String(v).slice(0, 12);
  return String(v);
}

function formatTable(rows: readonly CompareRow[]): string {
  const header = COMPARE_COLUMNS.map((c) => c as string);
  const body = rows.map((r) => COMPARE_COLUMNS.map((c) => roundedCell(c, r) || "-"));
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((cells) => displayWidth(cells[i]!))),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((s, i) => padDisplay(s, widths[i]!, NUMERIC_COLUMNS.has(COMPARE_COLUMNS[i]!) ? "right" : "left"))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...body.map(line)].join("\n") + "\n";
}

/** A row for scripts: every numeric column a JSON number (exact decimals stay exact to 15 digits). */
export function compareJson(row: CompareRow): Record<CompareColumn, string | number | null> {
  const out = {} as Record<CompareColumn, string | number | null>;
  for (const c of COMPARE_COLUMNS) {
    const v = row[c];
    out[c] = NUMERIC_COLUMNS.has(c) && v !== null ? jsonNumber(String(v)) : v;
  }
  return out;
}

export function formatCompare(rows: readonly CompareRow[], format: CompareFormat, sortBy?: string): string {
  const sorted = sortRows(rows, sortBy);
  if (format === "json") return `${JSON.stringify(sorted.map(compareJson), null, 2)}\n`;
  if (format === "csv") {
    return toCsv(
      COMPARE_COLUMNS.map((c) => ({
        name: c,
        type: NUMERIC_COLUMNS.has(c) ? ("number" as const) : ("text" as const),
      })),
      sorted.map((r) => COMPARE_COLUMNS.map((c) => r[c])),
    );
  }
  return formatTable(sorted);
}
