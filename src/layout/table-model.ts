/**
 * Tables as the extraction sees them: a grid of cells with row/column spans, text that keeps its
 * printed location, and the pages every row came from.
 */
import { isCjkChar, LocatedText, normalizeText } from "./located-text.js";
import type { Box, TextRun } from "./page-model.js";
import type { Grid } from "./rulings-to-grid.js";
import { textRunsToLines } from "./text-runs-to-lines.js";

export interface CellPart extends Box {
  page: number;
}

export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: LocatedText;
  /** Where the cell is drawn; a cell continued over a page break has one part per page. */
  parts: CellPart[];
}

export interface TableRow {
  /** Pages this row was printed on (two when a page break split it). */
  pages: number[];
}

export interface Table {
  /** "lattice" (ruled) or "stream" (aligned columns without rulings). */
  method: "lattice" | "stream";
  pages: number[];
  /** Column boundaries on the first page (x, points). */
  xs: number[];
  nCols: number;
  rows: TableRow[];
  cells: TableCell[];
  /** Box of the table on its first page. */
  bbox: Box;
  /** Column rulings run past the top / bottom row ruling: the first / last row was cut by a page break. */
  openTop?: boolean;
  openBottom?: boolean;
}

/** Joins the lines of one cell: CJK text wraps without a space, Latin words with one. */
export function joinWrapped(parts: readonly LocatedText[]): LocatedText {
  const seps: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const a = parts[i - 1]!.printed.slice(-1);
    const b = parts[i]!.printed.slice(0, 1);
    seps.push(/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b) && !isCjkChar(a) ? " " : "");
  }
  return LocatedText.join(parts, seps);
}

/**
 * Places text runs into the grid's cells (by the run's centre) and returns the table plus the runs
 * that fell outside it. Runs wider than a cell are split by character position first.
 */
export function gridToTable(
  grid: Grid,
  runs: readonly TextRun[],
  page: number,
): { table: Table; rest: TextRun[] } {
  const inCell: TextRun[][] = grid.cells.map(() => []);
  const rest: TextRun[] = [];
  for (const run of runs) {
    const cy = (run.y0 + run.y1) / 2;
    const cx = (run.x0 + run.x1) / 2;
    if (cx < grid.x0 || cx > grid.x1 || cy < grid.y0 || cy > grid.y1) {
      rest.push(run);
      continue;
    }
    const k = grid.cells.findIndex((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1);
    if (k >= 0) inCell[k]!.push(run);
    else rest.push(run);
  }
  const cells: TableCell[] = grid.cells.map((c, k) => {
    const lines = textRunsToLines(inCell[k]!, page);
    return {
      row: c.row,
      col: c.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      text: joinWrapped(lines.map((l) => l.text)).trim(),
      parts: [{ page, x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 }],
    };
  });
  const nRows = grid.ys.length - 1;
  return {
    table: {
      method: "lattice",
      pages: [page],
      xs: grid.xs,
      nCols: grid.xs.length - 1,
      rows: Array.from({ length: nRows }, () => ({ pages: [page] })),
      cells,
      bbox: { x0: grid.x0, y0: grid.y0, x1: grid.x1, y1: grid.y1 },
      openTop: grid.openTop,
      openBottom: grid.openBottom,
    },
    rest,
  };
}

/** The cell covering (row, col), if any. */
export function cellAt(table: Table, row: number, col: number): TableCell | undefined {
  return table.cells.find(
    (c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan,
  );
}

/**
 * The table as rows of cell text. With `fill`, a merged cell's text is repeated in every position
 * it covers (filled down and across); without, only its top-left position carries it.
 */
export function tableToRows(table: Table, options: { fill?: boolean; normalize?: boolean } = {}): string[][] {
  const fill = options.fill ?? true;
  const rows = table.rows.map(() => Array.from({ length: table.nCols }, () => ""));
  for (const c of table.cells) {
    const text = options.normalize === false ? c.text.printed : normalizeText(c.text.printed);
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        if (fill || (r === c.row && k === c.col)) rows[r]![k] = text;
      }
    }
  }
  return rows;
}
