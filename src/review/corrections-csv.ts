/**
 * The corrections CSV: `selfeval review --csv FILE` writes the review list with an empty `value`
 * and `reason` column; the auditor fills them in Excel or WPS and `selfeval correct --import FILE`
 * records the filled rows. Excel saves what it opened in more than one way, so reading accepts
 * UTF-8 (with or without BOM), the GB18030/GBK of "CSV (逗号分隔)" on Chinese Windows, and the
 * UTF-16 tab-separated "Unicode 文本"; the formula guard (a leading ') the export adds is removed.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { ReviewItem } from "./review-list.js";

export const CORRECTION_COLUMNS = [
  ["report_id", "the report (its full id or a unique prefix)"],
  ["source_file", "the file it was read from (for your orientation; not read back)"],
  ["department", "部门 as read (not read back)"],
  ["fiscal_year", "年度 as read (not read back)"],
  ["page", "the page the value is printed on"],
  ["field", "the field path `selfeval correct` takes"],
  ["label", "what the value is (not read back)"],
  ["reading", "the value as read now (not read back)"],
  ["value", "fill in: the right value (amounts in 万元 or with their unit; the reading again to confirm it)"],
  ["reason", "fill in: why (required for every filled row)"],
  ["author", "who (optional; default: --by or the login name)"],
  ["why_listed", "why selfeval lists the value (not read back)"],
  ["priority", "how doubtful, higher first (not read back)"],
] as const;

/** A cell a spreadsheet would evaluate is prefixed with ' (formula injection), plain numbers excepted. */
const safe = (v: string | number | undefined): string => {
  if (v === undefined) return "";
  const s = String(v);
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

export function reviewCsv(items: readonly ReviewItem[]): string {
  const rows = items.map((i) =>
    [
      i.report_id,
      i.source_file,
      i.department,
      i.fiscal_year,
      i.page,
      i.correctable ? i.field : "",
      i.label,
      i.reading,
      "",
      "",
      "",
      i.reasons.map((r) => r.text).join(" "),
      i.priority,
    ].map(safe),
  );
  const body = stringify(rows, {
    header: true,
    columns: CORRECTION_COLUMNS.map(([name]) => name),
    record_delimiter: "\r\n",
  });
  return `\uFEFF${body}`;
}

export interface CorrectionRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  report: string;
  field: string;
  value: string;
  reason: string;
  author?: string;
  page?: number;
}

export interface ParsedCorrections {
  rows: CorrectionRow[];
  /** One line per bad row: where, what is wrong, what to do. */
  errors: string[];
  /** Rows without a value (not filled in), left alone. */
  skipped: number;
}

/** The text of a CSV file as Excel or WPS may have saved it. */
export function decodeCsv(bytes: Uint8Array): { text: string; delimiter: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), delimiter: "\t" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), delimiter: "\t" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter =
    header.includes("\t") && !header.includes(",")
      ? "\t"
      : header.includes(";") && !header.includes(",")
        ? ";"
        : ",";
  return { text, delimiter };
}

const unguard = (s: string | undefined): string => (s ?? "").replace(/^'(?=[=+\-@\t\r])/, "").trim();

export function parseCorrectionsCsv(bytes: Uint8Array, file: string): ParsedCorrections {
  const { text, delimiter } = decodeCsv(bytes);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as Record<string, string>[];
  } catch (err) {
    return {
      rows: [],
      errors: [`${file}: not a readable CSV (${(err as Error).message}) — save it as CSV and try again`],
      skipped: 0,
    };
  }
  const out: ParsedCorrections = { rows: [], errors: [], skipped: 0 };
  const first = records[0];
  const missing = ["report_id", "field", "value", "reason"].filter(
    (c) => first !== undefined && !(c in first),
  );
  if (missing.length > 0) {
    out.errors.push(
      `${file}: no ${missing.join(", ")} column — start from the file \`selfeval review --csv\` writes (columns report_id, field, value, reason)`,
    );
    return out;
  }
  for (const [i, rec] of records.entries()) {
    const line = i + 2;
    const value = unguard(rec.value);
    if (value === "") {
      out.skipped++;
      continue;
    }
    const report = unguard(rec.report_id);
    const field = unguard(rec.field);
    const reason = unguard(rec.reason);
    const where = `${file}:${line}`;
    if (!report) {
      out.errors.push(`${where}: no report_id — copy it from the review list`);
      continue;
    }
    if (!field) {
      out.errors.push(`${where}: no field — this value cannot be corrected by a field path`);
      continue;
    }
    if (!reason) {
      out.errors.push(`${where}: ${field} has a value but no reason — say why in the reason column`);
      continue;
    }
    const page = Number(unguard(rec.page));
    const author = unguard(rec.author);
    out.rows.push({
      line,
      report,
      field,
      value,
      reason,
      ...(author ? { author } : {}),
      ...(Number.isInteger(page) && page > 0 ? { page } : {}),
    });
  }
  return out;
}
