/**
 * Borderless tables (pdfplumber's "stream" strategy): consecutive lines that break into the same
 * columns at wide gaps. Used for label/value forms and tables printed without rulings.
 *
 * Three steps per block of aligned lines:
 * 1. rows: lines of two or more chunks that fall into the block's columns, with the single-chunk
 *    lines between them that are a cell's wrapped text (a long label printed on two lines);
 * 2. gutters: x-ranges no run of the block covers and that several rows cross with a column gap —
 *    a chunk that runs over one (a long label ending a few points before the next column, a header
 *    "分值 得分" printed closer than a column gap) is split there;
 * 3. columns from the split chunks, and each row's (and its wrapped lines') chunks into them.
 */
import type { Table, TableCell } from "./table-model.js";
import { joinWrapped } from "./table-model.js";
import { CHUNK_GAP_EM, type Line, runsToLine, splitLineAtGaps } from "./text-runs-to-lines.js";

/** At least this many consecutive aligned lines make a table. */
const MIN_ROWS = 3;
/** A gutter is at least this wide (em): narrower gaps occur inside a cell's text ("12 处"). */
const GUTTER_EM = 0.5;
/** A single-chunk line this close to a row (share of the rows' pitch) is that row's wrapped cell text. */
const WRAP_PITCH = 0.85;
/** After the last row the wrapped line must be closer still: a note or caption follows at a pitch. */
const TRAILING_WRAP_PITCH = 0.6;

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

/** A block of a borderless table: its row lines, and the wrapped lines that belong to a row. */
interface Block {
  rows: number[];
  wraps: number[];
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
    const block = growBlock(lines, chunked, i);
    const end = Math.max(...block.rows, ...block.wraps) + 1;
    if (block.rows.length >= MIN_ROWS) {
      out.push(buildTable(lines, block, page));
      i = end;
    } else i++;
  }
  return out;
}

/** Step 1: rows that fall into the columns of the lines above them, and the wrapped lines between. */
function growBlock(lines: readonly Line[], chunked: readonly Line[][], start: number): Block {
  let cols: Column[] = chunked[start]!.map((c) => ({ x0: c.x0, x1: c.x1 }));
  const rows = [start];
  const wraps: number[] = [];
  const aligned = (j: number): boolean => {
    const em = lines[j]!.fontSize;
    return (
      chunked[j]!.length >= 2 && chunked[j]!.filter((ch) => cols.some((c) => inColumn(c, ch, em))).length >= 2
    );
  };
  let j = start + 1;
  while (j < lines.length) {
    if (aligned(j)) {
      cols = mergeColumns(cols, chunked[j]!, lines[j]!.fontSize);
      rows.push(j);
      j++;
      continue;
    }
    // Single-chunk lines between two rows, each close to one of them: a cell's wrapped text.
    let k = j;
    const last = lines[rows[rows.length - 1]!]!;
    while (k < lines.length && isWrapCandidate(lines[k]!, chunked[k]!, cols, last)) k++;
    if (k === j) break;
    const next = k < lines.length && aligned(k) ? lines[k]! : undefined;
    const pitch = rowPitch(lines, rows);
    const near = (l: Line, limit: number): boolean =>
      Math.min(Math.abs(l.y0 - last.y0), next ? Math.abs(next.y0 - l.y0) : Number.POSITIVE_INFINITY) <=
      limit * pitch;
    const between = lines.slice(j, k);
    if (next && between.every((l) => near(l, WRAP_PITCH))) {
      for (let w = j; w < k; w++) wraps.push(w);
      j = k;
      continue;
    }
    // After the last row: only lines hugging it.
    if (!next) {
      for (let w = j; w < k && near(lines[w]!, TRAILING_WRAP_PITCH); w++) wraps.push(w);
    }
    break;
  }
  return { rows, wraps };
}

/** One chunk inside exactly one column, in the rows' font size. */
function isWrapCandidate(line: Line, chunks: readonly Line[], cols: readonly Column[], row: Line): boolean {
  if (chunks.length !== 1) return false;
  const em = row.fontSize;
  if (Math.abs(line.fontSize - em) > 0.15 * em) return false;
  const ch = chunks[0]!;
  return cols.filter((c) => inColumn(c, ch, em)).length === 1;
}

/** The typical distance between consecutive rows (top to top), or two lines' height before there are two. */
function rowPitch(lines: readonly Line[], rows: readonly number[]): number {
  const ds: number[] = [];
  for (let k = 1; k < rows.length; k++) ds.push(lines[rows[k]!]!.y0 - lines[rows[k - 1]!]!.y0);
  ds.sort((a, b) => a - b);
  return ds[ds.length >> 1] ?? lines[rows[0]!]!.fontSize * 2.2;
}

/** Adds a row's chunks to the columns: a chunk widens the one column it falls into, or starts one. */
function mergeColumns(cols: Column[], chunks: readonly Line[], em: number): Column[] {
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

/**
 * Step 2: the block's gutters — x-ranges at least GUTTER_EM wide that no run of any of its lines
 * covers and that at least two rows cross with a column gap (their chunks end before it and start
 * after it) — and every line's chunks split at them.
 */
export function splitAtGutters(lines: readonly Line[], chunked: readonly Line[][], em: number): Line[][] {
  const spans = lines
    .flatMap((l) => l.runs.filter((r) => r.text.trim() !== "").map((r) => [r.x0, r.x1] as const))
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return chunked.map((c) => [...c]);
  const gutters: Array<[number, number]> = [];
  let reach = spans[0]![1];
  for (const [a, b] of spans) {
    if (a - reach >= GUTTER_EM * em) gutters.push([reach, a]);
    reach = Math.max(reach, b);
  }
  const crosses = (chunks: readonly Line[], g: readonly [number, number]): boolean =>
    chunks.some((c, k) => k > 0 && chunks[k - 1]!.x1 <= g[0] + 0.01 && c.x0 >= g[1] - 0.01);
  const confirmed = gutters.filter((g) => chunked.filter((cs) => crosses(cs, g)).length >= 2);
  if (confirmed.length === 0) return chunked.map((c) => [...c]);
  return chunked.map((chunks) =>
    chunks.flatMap((ch) => {
      const pieces: Array<typeof ch.runs> = [[]];
      for (const r of ch.runs) {
        const cur = pieces[pieces.length - 1]!;
        const prev = cur[cur.length - 1];
        if (prev && confirmed.some((g) => prev.x1 <= g[0] + 0.01 && r.x0 >= g[1] - 0.01)) pieces.push([r]);
        else cur.push(r);
      }
      return pieces.length === 1 ? [ch] : pieces.map((p) => runsToLine(p, ch.page));
    }),
  );
}

function buildTable(lines: readonly Line[], block: Block, page: number): StreamTable {
  const rowLines = block.rows.map((r) => lines[r]!);
  const wrapLines = block.wraps.map((w) => lines[w]!);
  const all = [...rowLines, ...wrapLines];
  const em = rowLines[0]!.fontSize;
  const split = splitAtGutters(
    all,
    all.map((l) => splitLineAtGaps(l, CHUNK_GAP_EM)),
    em,
  );
  const rowChunks = split.slice(0, rowLines.length);
  const wrapChunks = split.slice(rowLines.length);
  // Step 3: the columns from the rows' chunks (a wrapped line only adds to a row's cell).
  let columns: Column[] = rowChunks[0]!.map((c) => ({ x0: c.x0, x1: c.x1 }));
  for (let r = 1; r < rowChunks.length; r++)
    columns = mergeColumns(columns, rowChunks[r]!, rowLines[r]!.fontSize);
  // A wrapped line belongs to the row it is closest to (top to top).
  const rowOf = (w: Line): number => {
    let best = 0;
    rowLines.forEach((l, r) => {
      if (Math.abs(l.y0 - w.y0) < Math.abs(rowLines[best]!.y0 - w.y0)) best = r;
    });
    return best;
  };
  const members = rowLines.map((l, r) => [{ line: l, chunks: rowChunks[r]! }]);
  wrapLines.forEach((w, k) => {
    members[rowOf(w)]!.push({ line: w, chunks: wrapChunks[k]! });
  });
  for (const m of members) m.sort((a, b) => a.line.y0 - b.line.y0);

  const cells: TableCell[] = [];
  // Cell boundaries half way between one column's right edge and the next one's left edge.
  const cols = columns.map((c, k) => (k === 0 ? c.x0 : Math.min(c.x0, (columns[k - 1]!.x1 + c.x0) / 2)));
  for (let k = 1; k < cols.length; k++) cols[k] = Math.max(cols[k]!, cols[k - 1]! + 0.1);
  const x1 = Math.max(...all.map((l) => l.x1));
  members.forEach((row, r) => {
    const byCol = new Map<number, Line[]>();
    for (const { chunks } of row) {
      for (const ch of chunks) {
        // The column the chunk overlaps most (a chunk's centre decides between equals).
        let k = 0;
        let best = Number.NEGATIVE_INFINITY;
        columns.forEach((c, n) => {
          const overlap = Math.min(c.x1, ch.x1) - Math.max(c.x0, ch.x0);
          if (overlap > best) {
            best = overlap;
            k = n;
          }
        });
        byCol.set(k, [...(byCol.get(k) ?? []), ch]);
      }
    }
    const y0 = Math.min(...row.map((m) => m.line.y0));
    const y1 = Math.max(...row.map((m) => m.line.y1));
    for (let c = 0; c < cols.length; c++) {
      const parts = byCol.get(c) ?? [];
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text: joinWrapped(parts.map((p) => p.text)).trim(),
        parts: [{ page, x0: cols[c]!, x1: cols[c + 1] ?? x1, y0, y1 }],
      });
    }
  });
  const sorted = [...all].sort((a, b) => a.y0 - b.y0);
  return {
    lines: sorted,
    table: {
      method: "stream",
      pages: [page],
      xs: [...cols, x1],
      nCols: cols.length,
      rows: rowLines.map(() => ({ pages: [page] })),
      cells,
      bbox: { x0: cols[0]!, y0: sorted[0]!.y0, x1, y1: Math.max(...all.map((l) => l.y1)) },
    },
  };
}
