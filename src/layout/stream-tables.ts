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

/** A column of a borderless table: the horizontal extent its chunks have covered so far. */
interface Column {
  x0: number;
  x1: number;
}

/**
 * Whether a chunk sits in a column: left-aligned with it, or overlapping it (a centred header over
 * right-aligned numbers shares no edge with them, only the span).
 */
const inColumn = (c: Column, ch: Line, em: number): boolean =>
  Math.abs(c.x0 - ch.x0) < em * 1.2 || (ch.x0 < c.x1 - em * 0.3 && ch.x1 > c.x0 + em * 0.3);

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
    // Grow a block while lines have ≥2 chunks that fall into the block's columns.
    let cols: Column[] = chunked[i]!.map((c) => ({ x0: c.x0, x1: c.x1 }));
    let j = i + 1;
    while (j < lines.length && chunked[j]!.length >= 2) {
      const em = lines[j]!.fontSize;
      const aligned = chunked[j]!.filter((ch) => cols.some((c) => inColumn(c, ch, em))).length;
      if (aligned < 2) break;
      cols = mergeColumns(cols, chunked[j]!, em);
      j++;
    }
    if (j - i >= MIN_ROWS) {
      out.push(buildTable(lines.slice(i, j), chunked.slice(i, j), cols, page));
      i = j;
    } else i++;
  }
  return out;
}

/** Adds a row's chunks to the columns: a chunk widens the one column it falls into, or starts one. */
function mergeColumns(cols: Column[], chunks: Line[], em: number): Column[] {
  const all = cols.map((c) => ({ ...c }));
  for (const ch of chunks) {
    const hits = all.filter((c) => inColumn(c, ch, em));
    // A chunk over two columns (a header spanning them) widens neither.
    if (hits.length === 1) {
      hits[0]!.x0 = Math.min(hits[0]!.x0, ch.x0);
      hits[0]!.x1 = Math.max(hits[0]!.x1, ch.x1);
    } else if (hits.length === 0) all.push({ x0: ch.x0, x1: ch.x1 });
  }
  return all.sort((a, b) => a.x0 - b.x0);
}

function buildTable(lines: Line[], chunks: Line[][], columns: Column[], page: number): StreamTable {
  const cells: TableCell[] = [];
  // Cell boundaries half way between one column's right edge and the next one's left edge.
  const cols = columns.map((c, k) => (k === 0 ? c.x0 : Math.min(c.x0, (columns[k - 1]!.x1 + c.x0) / 2)));
  for (let k = 1; k < cols.length; k++) cols[k] = Math.max(cols[k]!, cols[k - 1]! + 0.1);
  chunks.forEach((row, r) => {
    const byCol = new Map<number, Line[]>();
    for (const ch of row) {
      // The column the chunk overlaps most (a chunk's centre decides between equals).
      let k = 0;
      let best = -1;
      columns.forEach((c, n) => {
        const overlap = Math.min(c.x1, ch.x1) - Math.max(c.x0, ch.x0);
        if (overlap > best) {
          best = overlap;
          k = n;
        }
      });
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
