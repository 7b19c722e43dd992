/**
 * Borderless tables (pdfplumber's "stream" strategy): consecutive lines that break into the same
 * columns at wide gaps. Used for label/value forms printed without rulings.
 */
import type { Table, TableCell } from "./table-model.js";
import { joinWrapped } from "./table-model.js";
import { CHUNK_GAP_EM, type Line, splitLineAtGaps } from "./text-runs-to-lines.js";

/** At least this many consecutive aligned lines make a table. */
const MIN_ROWS = 3;

export interface StreamTable {
  table: Table;
  lines: Line[];
}

/** Finds stream tables among a page's body lines (in reading order). */
export function linesToStreamTables(lines: readonly Line[], page: number): StreamTable[] {
  const chunked = lines.map((l) => splitLineAtGaps(l, CHUNK_GAP_EM));
  const out: StreamTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (chunked[i]!.length < 2) {
      i++;
      continue;
    }
    // Grow a block while lines have ≥2 chunks whose starts line up with the block's columns.
    let cols = chunked[i]!.map((c) => c.x0);
    let j = i + 1;
    while (j < lines.length && chunked[j]!.length >= 2) {
      const em = lines[j]!.fontSize;
      const starts = chunked[j]!.map((c) => c.x0);
      const aligned = starts.filter((x) => cols.some((c) => Math.abs(c - x) < em * 1.2)).length;
      if (aligned < 2) break;
      cols = mergeColumns(cols, starts, em);
      j++;
    }
    if (j - i >= MIN_ROWS) {
      out.push(buildTable(lines.slice(i, j), chunked.slice(i, j), cols, page));
      i = j;
    } else i++;
  }
  return out;
}

function mergeColumns(cols: number[], starts: number[], em: number): number[] {
  const all = [...cols];
  for (const x of starts) if (!all.some((c) => Math.abs(c - x) < em * 1.2)) all.push(x);
  return all.sort((a, b) => a - b);
}

function buildTable(lines: Line[], chunks: Line[][], cols: number[], page: number): StreamTable {
  const cells: TableCell[] = [];
  chunks.forEach((row, r) => {
    const byCol = new Map<number, Line[]>();
    for (const ch of row) {
      // The column whose start is nearest at or left of the chunk start.
      let k = 0;
      for (let c = 0; c < cols.length; c++) if (cols[c]! <= ch.x0 + ch.fontSize) k = c;
      byCol.set(k, [...(byCol.get(k) ?? []), ch]);
    }
    for (let c = 0; c < cols.length; c++) {
      const parts = byCol.get(c) ?? [];
      const x0 = cols[c]!;
      const x1 = cols[c + 1] ?? Math.max(...lines.map((l) => l.x1));
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text: joinWrapped(parts.map((p) => p.text)).trim(),
        parts: [{ page, x0, x1, y0: lines[r]!.y0, y1: lines[r]!.y1 }],
      });
    }
  });
  const x1 = Math.max(...lines.map((l) => l.x1));
  return {
    lines,
    table: {
      method: "stream",
      pages: [page],
      xs: [...cols, x1],
      nCols: cols.length,
      rows: lines.map(() => ({ pages: [page] })),
      cells,
      bbox: { x0: cols[0]!, y0: lines[0]!.y0, x1, y1: lines[lines.length - 1]!.y1 },
    },
  };
}
