/**
 * Tables that are not indicator/task/project tables (budget tables, income tables …) become
 * mentions like prose: each number cell is labelled by its row label and its column header.
 */
import { normalizeText } from "../layout/located-text.js";
import { cellAt, type Table } from "../layout/table-model.js";
import { re, type Vocabulary } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import type { Mention } from "./mentions.js";
import { AMOUNT_UNITS, type AmountUnit, parseAmount, parseDecimal, parsePercent } from "./numbers.js";
import { unitFromHeader } from "./table-records.js";

const NUMERIC = new RegExp(`^[-+]?\\d[\\d,，]*(\\.\\d+)?\\s*(${AMOUNT_UNITS}|%)?$`, "u");

/** A cell's text as the reader matches it (NFKC, trimmed). */
const cellTextOf = (table: Table, r: number, c: number): string =>
  normalizeText(cellAt(table, r, c)?.text.printed ?? "").trim();

export const isNumericCell = (s: string): boolean => NUMERIC.test(s.replace(/\s+/g, ""));

/** A part of a table with its own column headers: header rows, then data rows [start, end). */
export interface TableBlock {
  headerRows: number[];
  start: number;
  end: number;
}

/** Longest text of a cell that can still be a column header (longer cells are text values). */
const HEADER_CELL_MAX = 16;

/**
 * The blocks of a table, each with the header rows its numbers are labelled by. The leading rows
 * without numbers head the first block. Further down, a run of header-like rows (no numbers, at
 * least two distinct short cells) directly followed by a row of numbers starts a block of its own:
 * a form that changes column meaning halfway (an income sub-table below key–value rows, a funds
 * block below a staff row) labels the numbers below it by its own headers.
 */
export function tableBlocks(table: Table, endRow: number, vocab: Vocabulary): TableBlock[] {
  const rowCells = (r: number) =>
    Array.from({ length: table.nCols }, (_, c) => cellAt(table, r, c)).filter(
      (x, i, a) => x !== undefined && a.indexOf(x) === i,
    );
  const hasNumber = (r: number): boolean =>
    Array.from({ length: table.nCols }, (_, c) => cellTextOf(table, r, c)).some(isNumericCell);
  const headerLike = (r: number): boolean => {
    if (hasNumber(r)) return false;
    const texts = rowCells(r)
      .map((x) => compact(normalizeText(x!.text.printed)))
      .filter((t) => t !== "" && !re(vocab.labels.text.empty).test(t));
    return texts.length >= 2 && texts.every((t) => t.length <= HEADER_CELL_MAX);
  };
  let lead = 0;
  while (lead < endRow && !hasNumber(lead)) lead++;
  const blocks: TableBlock[] = [
    { headerRows: Array.from({ length: lead }, (_, i) => i), start: lead, end: endRow },
  ];
  for (let r = lead; r < endRow; r++) {
    if (!headerLike(r) || (r > 0 && headerLike(r - 1) && r - 1 >= lead)) continue;
    let e = r;
    while (e < endRow && headerLike(e)) e++;
    if (e >= endRow || !hasNumber(e)) continue;
    blocks[blocks.length - 1]!.end = r;
    blocks.push({ headerRows: Array.from({ length: e - r }, (_, i) => r + i), start: e, end: endRow });
    r = e - 1;
  }
  return blocks.filter((b) => b.end > b.start);
}

/** The unit a cell of the table names for all its amounts ("单位：万元" in a corner cell). */
export function unitInCells(table: Table, endRow: number, vocab: Vocabulary): AmountUnit | undefined {
  for (const cell of table.cells) {
    if (cell.row >= endRow) continue;
    const m = re(vocab.labels.text.captionUnit).exec(normalizeText(cell.text.printed));
    if (m) return m[1] as AmountUnit;
  }
  return undefined;
}

export function tableToMentions(
  table: Table,
  block: number,
  defaultUnit: AmountUnit,
  vocab: Vocabulary,
  captionUnit?: AmountUnit,
  /** Only the rows before this one (the part of a form above its indicator block). */
  endRow = table.rows.length,
): Mention[] {
  const out: Mention[] = [];
  const tableUnit = captionUnit ?? unitInCells(table, endRow, vocab);
  for (const b of tableBlocks(table, endRow, vocab))
    out.push(...blockMentions(table, block, defaultUnit, vocab, tableUnit, b));
  return out;
}

function blockMentions(
  table: Table,
  block: number,
  defaultUnit: AmountUnit,
  vocab: Vocabulary,
  captionUnit: AmountUnit | undefined,
  tb: TableBlock,
): Mention[] {
  const rows = tb.end;
  const headerRows = tb.start;
  const text = (r: number, c: number): string => cellTextOf(table, r, c);
  const isNum = isNumericCell;
  const C = vocab.labels.columns;
  const header = (c: number): string =>
    compact(
      tb.headerRows
        .map((r) => text(r, c))
        .filter((s, i, a) => a.indexOf(s) === i)
        .join(""),
    );
  // Columns grouped under a parts marker (收入合计 | 其中: 上年结转 | 财政拨款 | 其他) are parts of the
  // total column beside them: their names are read in that total's subject (财政拨款 → 财政拨款收入).
  const headers = Array.from({ length: table.nCols }, (_, c) => header(c));
  const totalSubject = headers
    .map((h) => re(vocab.labels.rows.subject).exec(h))
    .find((m, c) => m && headers[c]!.endsWith(vocab.labels.rows.subjectTotal))?.[1];
  const F = vocab.labels.figures;
  // The parts marker heads the first part column; the columns after it are parts too.
  const partsFrom = headers.findIndex((h) => h.includes(F.partsMarker));
  const out: Mention[] = [];
  for (let r = tb.start; r < rows; r++) {
    const cells = Array.from({ length: table.nCols }, (_, c) => text(r, c));
    let labelCol = cells.findIndex((s) => s !== "" && !isNum(s) && !/^\d+$/.test(s));
    // A form's group cell spanning several rows (年度预算执行情况（元） | 年度资金总额 | 18,642,500.00):
    // the row's own label is the text cell nearest the numbers; the group cell gives the unit.
    let group = "";
    const first = labelCol >= 0 ? cellAt(table, r, labelCol) : undefined;
    if (first && first.rowSpan > 1) {
      const firstNum = cells.findIndex((s, c) => c > labelCol && isNum(s.replace(/\s+/g, "")));
      const own = cells.findIndex(
        (s, c) =>
          c > labelCol &&
          (firstNum < 0 || c < firstNum) &&
          s !== "" &&
          !isNum(s) &&
          cellAt(table, r, c) !== first,
      );
      if (own >= 0) {
        group = compact(cells[labelCol]!);
        labelCol = own;
      }
    }
    const isLabel = (c: number): boolean =>
      cells[c] !== "" && !isNum(cells[c]!.replace(/\s+/g, "")) && !/^\d+$/.test(cells[c]!);
    for (let c = 0; c < table.nCols; c++) {
      const s = cells[c]!.replace(/\s+/g, "");
      if (c === labelCol || !isNum(s)) continue;
      // Side by side (收入项目 | 金额 | 支出项目 | 金额): a number after another number is labelled by
      // the text cell nearest to its left, when that cell comes after the row's first numbers.
      let ownLabel = labelCol;
      for (let k = c - 1; k > labelCol; k--) {
        if (isLabel(k) && cellAt(table, r, k) !== cellAt(table, r, labelCol)) {
          const between = cells.slice(labelCol + 1, k).some((x) => isNum(x.replace(/\s+/g, "")));
          if (between) ownLabel = k;
          break;
        }
      }
      const rowLabel = ownLabel >= 0 ? compact(cells[ownLabel]!) : "";
      const cell = cellAt(table, r, c)!;
      let h = headers[c]!;
      // Score and weight columns (分值, 得分) hold points, never amounts or rates.
      if (re(C.points).test(h)) continue;
      if (totalSubject && partsFrom >= 0 && c >= partsFrom) {
        const part = h.replace(new RegExp(F.partsMarker, "gu"), "");
        h = part.endsWith(totalSubject) ? part : `${part}${totalSubject}`;
      }
      // Several numbers under one label with no column header to tell them apart (a borderless table
      // whose header was not found: 基本支出 | 720 | 748.5 | 741.9): which is the budget and which the
      // executed amount is unknown, so none is read — they are not one figure printed several times.
      if (h === "") {
        const amounts = (x: string): boolean => isNum(x.replace(/\s+/g, "")) && !/%$/.test(x.trim());
        const sameLabel = cells.filter((x, k) => k > ownLabel && amounts(x)).length;
        if (sameLabel > 1 && amounts(s)) continue;
      }
      const prov = provOf(cell.text);
      const base = {
        lead: rowLabel,
        block,
        tail: "",
        sentence: r,
        sentenceText: compact(cells.join("")),
        context: "table" as const,
        rowLabel,
        columnLabel: h,
        rowHeader: ownLabel >= 0 ? headers[ownLabel]! : "",
        soleRow: rows - headerRows === 1,
      };
      const percentish =
        /%$/.test(s) ||
        re(vocab.labels.columns.percent).test(h) ||
        re(vocab.labels.columns.percentRow).test(rowLabel);
      if (percentish) {
        const p = parsePercent(s) ?? parseDecimal(s);
        if (p) out.push({ ...base, kind: "percent", figure: figureOf(p, "%", prov) });
        continue;
      }
      const unit =
        unitFromHeader(h) ?? unitFromHeader(rowLabel) ?? unitFromHeader(group) ?? captionUnit ?? defaultUnit;
      const a = parseAmount(s, unit);
      if (a) out.push({ ...base, kind: "amount", figure: figureOf(a, a.unit, prov) });
    }
  }
  return out;
}
