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

export function tableToMentions(
  table: Table,
  block: number,
  defaultUnit: AmountUnit,
  vocab: Vocabulary,
  captionUnit?: AmountUnit,
  /** Only the rows before this one (the part of a form above its indicator block). */
  endRow = table.rows.length,
): Mention[] {
  const rows = endRow;
  const text = (r: number, c: number): string =>
    normalizeText(cellAt(table, r, c)?.text.printed ?? "").trim();
  const isNum = (s: string): boolean => NUMERIC.test(s.replace(/\s+/g, ""));
  // Header rows: leading rows without numbers.
  let headerRows = 0;
  while (
    headerRows < rows &&
    Array.from({ length: table.nCols }, (_, c) => text(headerRows, c)).every((s) => !isNum(s))
  ) {
    headerRows++;
  }
  const header = (c: number): string =>
    compact(
      Array.from({ length: headerRows }, (_, r) => text(r, c))
        .filter((s, i, a) => a.indexOf(s) === i)
        .join(""),
    );
  const out: Mention[] = [];
  for (let r = headerRows; r < rows; r++) {
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
      const h = header(c);
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
        rowHeader: ownLabel >= 0 ? header(ownLabel) : "",
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
