/** Tables, paragraphs and layouts built in tests: the general reading without a PDF. */
import {
  type Block,
  type DocumentLayout,
  emptyLayoutStats,
  type Paragraph,
} from "../../src/layout/document-layout.js";
import { LocatedText } from "../../src/layout/located-text.js";
import type { Table, TableCell } from "../../src/layout/table-model.js";

/** A grid of texts; "^" continues the merged cell above, "<" the merged cell to the left. */
export function grid(rows: string[][], page = 2): Table {
  const cells: TableCell[] = [];
  const at = new Map<string, TableCell>();
  rows.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === "^" || text === "<") {
        const from = text === "^" ? at.get(`${r - 1},${c}`) : at.get(`${r},${c - 1}`);
        if (from && text === "^" && from.col === c) from.rowSpan++;
        if (from && text === "<" && from.row === r) from.colSpan++;
        if (from) at.set(`${r},${c}`, from);
        return;
      }
      const box = { x0: c * 80, y0: r * 20, x1: c * 80 + 80, y1: r * 20 + 20 };
      const cell = {
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text: LocatedText.fromBox(text, page, box),
        parts: [{ page, ...box }],
      };
      cells.push(cell);
      at.set(`${r},${c}`, cell);
    });
  });
  const n = rows[0]!.length;
  return {
    method: "lattice",
    pages: [page],
    xs: Array.from({ length: n + 1 }, (_, i) => i * 80),
    nCols: n,
    rows: rows.map(() => ({ pages: [page] })),
    cells,
    bbox: { x0: 0, y0: 0, x1: n * 80, y1: rows.length * 20 },
  };
}

/** A paragraph of body text on a page. */
export function paragraph(text: string, page: number, fontSize = 12): Paragraph {
  return {
    kind: "paragraph",
    text: LocatedText.fromBox(text, page, {
      x0: 50,
      y0: 50,
      x1: 50 + text.length * fontSize,
      y1: 50 + fontSize,
    }),
    lines: [],
    pages: [page],
    fontSize,
    path: [],
  };
}

/** A document layout of the given blocks (the pages they are printed on). */
export function layoutOf(blocks: Block[]): DocumentLayout {
  const pages = [...new Set(blocks.flatMap((b) => (b.kind === "table" ? b.table.pages : b.pages)))].sort(
    (a, b) => a - b,
  );
  return {
    pages: pages.map((number) => ({
      number,
      kind: "text" as const,
      reason: "",
      source: "text_layer" as const,
    })),
    blocks,
    tables: blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])),
    headings: [],
    stats: emptyLayoutStats(),
  };
}
