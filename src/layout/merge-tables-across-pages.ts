/**
 * Tables continued over page breaks become one table when their column boundaries match:
 * a repeated header row is dropped, a merged cell running on is extended, and a row split by the
 * page break (its continuation has empty leading cells) is joined back into one row.
 */
import { re } from "../extract/definitions.js";
import type { LayoutWords } from "./document-layout.js";
import { normalizeText } from "./located-text.js";
import { cellAt, joinWrapped, type Table, type TableCell } from "./table-model.js";

/** Column boundaries closer than this (points) are the same boundary. */
const EDGE_TOLERANCE = 4;

/**
 * Maps each column boundary of `next` onto `prev`'s; undefined when they do not line up. The
 * continuation may lack outer columns whose merged cell the producer did not paint again (Chromium
 * omits an empty running label column), but every boundary it has must be one of prev's, and it
 * must keep prev's right edge.
 */
function mapColumns(prev: Table, next: Table): number[] | undefined {
  if (Math.abs(prev.bbox.x1 - next.bbox.x1) > EDGE_TOLERANCE) return undefined;
  const map: number[] = [];
  for (const x of next.xs) {
    const k = prev.xs.findIndex((p) => Math.abs(p - x) <= EDGE_TOLERANCE);
    if (k < 0) return undefined;
    map.push(k);
  }
  // At most the leading columns may be missing.
  if (map.length < 2 || map[map.length - 1] !== prev.xs.length - 1) return undefined;
  for (let i = 1; i < map.length; i++) if (map[i]! <= map[i - 1]!) return undefined;
  return map;
}

export function canContinue(prev: Table, next: Table): boolean {
  return mapColumns(prev, next) !== undefined;
}

const rowKey = (t: Table, r: number): string =>
  t.cells
    .filter((c) => c.row === r)
    .map((c) => normalizeText(c.text.printed).replace(/\s+/g, ""))
    .join("|");

/** A value that is complete in itself: a number with its unit, or a target ending in 以上/以下. */
const COMPLETE_VALUE =
  /^([<>≤≥=]?[\d,.]+(%|万元|元|亿元|份|个|人次|人|次|场|项|年|天|小时|篇|条|件)?(以上|以下|以内)?|.{0,12}(以上|以下))$/;

const isEmpty = (c: TableCell | undefined): boolean => !c || c.text.printed.trim() === "";

/** Appends `next` (the table's continuation on the following page) to `prev`. */
export function appendContinuation(prev: Table, next: Table, words: Pick<LayoutWords, "newRow">): Table {
  const newRow = re(words.newRow);
  const colMap = mapColumns(prev, next)!;
  const page = next.pages[0]!;
  // Re-express next's cells in prev's columns.
  let cells = next.cells.map((c) => ({
    ...c,
    col: colMap[c.col]!,
    colSpan: colMap[c.col + c.colSpan]! - colMap[c.col]!,
  }));
  let rows = next.rows;
  // 1. A repeated header (the same text as prev's first rows) is dropped.
  const remapped: Table = { ...next, cells, nCols: prev.nCols };
  let h = 0;
  while (
    h < Math.min(3, rows.length - 1) &&
    rowKey(prev, h) !== "" &&
    rowKey(remapped, h) === rowKey(prev, h)
  )
    h++;
  if (h > 0) {
    cells = cells.filter((c) => c.row >= h).map((c) => ({ ...c, row: c.row - h }));
    rows = rows.slice(h);
  }
  if (rows.length === 0) return prev;
  const lastRow = prev.rows.length - 1;
  const merged: TableCell[] = prev.cells.map((c) => ({ ...c, parts: [...c.parts] }));
  const rowOffset = prev.rows.length;
  const firstRowCells = cells.filter((c) => c.row === 0);

  // 2. Merged cells running on: an empty cell at the top of the continuation under a multi-row
  //    span (on either side of the break) extends that span.
  const continued = new Set<TableCell>();
  for (const c of firstRowCells) {
    const above = merged.find(
      (m) => m.row + m.rowSpan - 1 === lastRow && m.col === c.col && m.colSpan === c.colSpan,
    );
    if (above && isEmpty(c) && (above.rowSpan > 1 || c.rowSpan > 1)) continued.add(c);
  }

  // 3. A row split by the page break is joined back when either
  //    (a) its leading cell (the leftmost column, apart from running spans, where the row above has
  //        text) is empty and it has text elsewhere; or
  //    (b) the page ended mid-cell: it only continues columns that have text above, leaves some of
  //        them empty (the short cells ended on the previous page), and does not start like a new
  //        numbered row while the row above does (任务1 / 1、 / (1)).
  const candidates = firstRowCells.filter((c) => !continued.has(c)).sort((a, b) => a.col - b.col);
  const above = (c: TableCell): TableCell | undefined => cellAt(prev, lastRow, c.col);
  const lead = candidates.find((c) => !isEmpty(above(c)));
  const filled = candidates.filter((c) => !isEmpty(c));
  const splitByLead =
    lead !== undefined && lead.rowSpan === 1 && isEmpty(lead) && filled.some((c) => c.rowSpan === 1);
  const firstFilled = filled[0];
  const splitMidCell =
    filled.length > 0 &&
    filled.every((c) => c.rowSpan === 1 && !isEmpty(above(c))) &&
    candidates.some((c) => isEmpty(c) && !isEmpty(above(c))) &&
    firstFilled !== undefined &&
    !newRow.test(firstFilled.text.text) &&
    (newRow.test(above(firstFilled)?.text.text ?? "") || firstFilled.col !== lead?.col);
  // Column rulings running off the bottom of one page and onto the top of the next: one cut row.
  const splitByRulings = prev.openBottom === true && next.openTop === true && filled.length > 0;
  // A cut row only continues cells that were still running when the page ended: text under a
  // complete value ("36 个以上" / "有效提升"), or the same text again ("达成预期指标" twice), starts
  // a new row.
  const continuesShortCell = filled.some((c) => {
    const a = above(c);
    if (!a || isEmpty(a)) return false;
    const at = normalizeText(a.text.printed).replace(/\s+/g, "");
    const ct = normalizeText(c.text.printed).replace(/\s+/g, "");
    return at === ct || COMPLETE_VALUE.test(at);
  });
  // (c) A continuation that prints the row's labels again (一级/二级指标 repeated at the top of the
  //     new page), carries on a text cell (a long 三级指标 name) and leaves empty the short values
  //     the row above has (指标值, 单位, 分值, 得分): the row was cut, it is not a new one.
  const norm = (c: TableCell | undefined): string => normalizeText(c?.text.printed ?? "").replace(/\s+/g, "");
  const repeats = (c: TableCell): boolean => norm(c) === norm(above(c));
  const goingOn = filled.filter((c) => !repeats(c));
  const valuesLeft = candidates.filter(
    (c) => isEmpty(c) && !isEmpty(above(c)) && /\d/.test(norm(above(c))) && norm(above(c)).length <= 12,
  );
  const splitUnderLabels =
    filled.length > 0 &&
    filled.every((c) => c.rowSpan === 1 && !isEmpty(above(c))) &&
    goingOn.length > 0 &&
    goingOn.every(
      (c) => !COMPLETE_VALUE.test(norm(above(c))) && !/\d/.test(norm(c)) && !newRow.test(norm(c)),
    ) &&
    valuesLeft.length >= 2;
  const split = ((splitByLead || splitMidCell) && !continuesShortCell) || splitByRulings || splitUnderLabels;

  // A new row whose leading cells are empty under a label (一级/二级 printed once for a group that
  // runs on over the break) continues that label's merged cell.
  if (!split && firstFilled) {
    for (const c of candidates) {
      if (c.col >= firstFilled.col || !isEmpty(c) || c.rowSpan !== 1) continue;
      if (!isEmpty(above(c))) continued.add(c);
    }
  }

  const out: TableCell[] = merged;
  const newRows = [...prev.rows.map((r) => ({ pages: [...r.pages] }))];
  for (const c of cells) {
    const above = merged.find(
      (m) => m.row + m.rowSpan - 1 === lastRow && m.col === c.col && m.colSpan === c.colSpan,
    );
    if (continued.has(c) && above) {
      above.rowSpan += c.rowSpan - (split ? 1 : 0);
      above.parts.push(...c.parts);
      continue;
    }
    if (split && c.row === 0 && above) {
      // A label printed again on the new page is the same cell, not more of its text.
      if (!isEmpty(c) && !(splitUnderLabels && repeats(c))) above.text = joinWrapped([above.text, c.text]);
      above.parts.push(...c.parts);
      if (c.rowSpan > 1) above.rowSpan += c.rowSpan - 1;
      continue;
    }
    const row = c.row + rowOffset - (split ? 1 : 0);
    out.push({ ...c, row, parts: [...c.parts] });
  }
  // Columns the continuation does not draw at all (a running label column left unpainted) keep
  // their merged cell running down over the appended rows.
  const addedRows = rows.length - (split ? 1 : 0);
  const firstMapped = colMap[0]!;
  if (firstMapped > 0 && addedRows > 0) {
    for (const m of merged) {
      if (m.col + m.colSpan <= firstMapped && m.row + m.rowSpan - 1 === lastRow) m.rowSpan += addedRows;
    }
  }
  rows.forEach((r, i) => {
    if (split && i === 0) {
      const last = newRows[lastRow]!;
      if (!last.pages.includes(page)) last.pages.push(page);
    } else newRows.push({ pages: [...r.pages] });
  });
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    ...prev,
    openBottom: next.openBottom,
    pages: [...new Set([...prev.pages, ...next.pages])],
    rows: newRows,
    cells: out,
  };
}
