/**
 * Page contents → one document layout: tables (ruled, then borderless), running headers removed,
 * paragraphs in reading order across page breaks, tables merged over pages, and the heading tree.
 */
import { re } from "../extract/definitions.js";
import { type HeadingInfo, type HeadingWords, headingOf } from "./headings.js";
import {
  continuesParagraph,
  type FramedLine,
  joinLines,
  type PageFrame,
  pageFrame,
} from "./lines-to-paragraphs.js";
import type { LocatedText } from "./located-text.js";
import { appendContinuation, canContinue } from "./merge-tables-across-pages.js";
import type { Box, PageContent, PageKind, TextRun } from "./page-model.js";
import { type RulingStats, rulingsToFrames, rulingsToGrids } from "./rulings-to-grid.js";
import { findRunningLines } from "./running-headers.js";
import { linesToStreamTables } from "./stream-tables.js";
import { gridToTable, type Table } from "./table-model.js";
import { type Line, runsToLine, textRunsToLines } from "./text-runs-to-lines.js";

export interface Paragraph {
  kind: "paragraph";
  text: LocatedText;
  lines: Line[];
  pages: number[];
  fontSize: number;
  heading?: HeadingInfo;
  /** Titles of the enclosing headings, outermost first (this paragraph's own heading included). */
  path: string[];
}

export interface TableBlock {
  kind: "table";
  table: Table;
  path: string[];
}

export type Block = Paragraph | TableBlock;

export interface HeadingNode {
  rank: number;
  label: string;
  title: string;
  page: number;
  children: HeadingNode[];
}

export interface LayoutStats {
  runs: number;
  lines: number;
  runningLines: number;
  paragraphs: number;
  segments: number;
  joinedSegments: number;
  intersections: number;
  cells: number;
  pageTables: number;
  streamTables: number;
  tables: number;
}

export interface PageSummary {
  number: number;
  kind: PageKind;
  reason: string;
  source: PageContent["source"];
}

export interface DocumentLayout {
  pages: PageSummary[];
  blocks: Block[];
  tables: Table[];
  headings: HeadingNode[];
  stats: LayoutStats;
}

interface PageItem {
  y0: number;
  line?: Line;
  table?: Table;
  /** The lines of a text box the body flows around. */
  frame?: FloatingFrame;
}

/** A framed text box with body text beside it: its lines are read as paragraphs of their own. */
interface FloatingFrame {
  box: Box;
  page: number;
  lines: Line[];
}

/** A house style's words of the page layout (pipelines/labels.ts, layout). */
export interface LayoutWords extends HeadingWords {
  /** A line above a table continued from the page before ("续表" / "（续）"). */
  continuationMark: string;
  /** Page numbers in words ("第 3 页 共 9 页"); bare digits are known without them. */
  pageNumber: readonly string[];
  /** How a table's numbered row starts (任务1、 / 1、 / ①): a new row, not a cut one. */
  newRow: string;
}

/** Layout counters before anything is counted. */
export function emptyLayoutStats(): LayoutStats {
  return {
    runs: 0,
    lines: 0,
    runningLines: 0,
    paragraphs: 0,
    segments: 0,
    joinedSegments: 0,
    intersections: 0,
    cells: 0,
    pageTables: 0,
    streamTables: 0,
    tables: 0,
  };
}

export function layoutDocument(pages: readonly PageContent[], words: LayoutWords): DocumentLayout {
  const continuationMark = re(words.continuationMark);
  const ruling: RulingStats = { segments: 0, joined: 0, intersections: 0, cells: 0, tables: 0 };
  const stats = emptyLayoutStats();

  // 1. Per page: ruled tables take their runs; the rest become lines.
  const perPage = pages.map((p) => {
    stats.runs += p.runs.length;
    const grids = rulingsToGrids(p.segments, ruling);
    let rest = p.runs;
    const tables: Table[] = [];
    for (const g of grids) {
      const { table, rest: left } = gridToTable(g, rest, p.number);
      tables.push(table);
      rest = left;
    }
    const { body, frames } = floatingFrames(rest, p, tables);
    return { page: p, tables, lines: body, frames };
  });

  // 2. Running headers, footers and page numbers leave the flow.
  const running = findRunningLines(
    perPage.map((p) => ({ page: p.page.number, height: p.page.height, lines: p.lines })),
    words,
  );
  stats.runningLines = running.size;

  // 3. Borderless tables among the remaining lines; then each page's items in reading order.
  const pageItems: Array<{ items: PageItem[]; frame: PageFrame; height: number; number: number }> = [];
  for (const p of perPage) {
    const body = p.lines.filter((l) => !running.has(l));
    stats.lines += body.length;
    const streams = linesToStreamTables(
      body.filter((l) => !p.tables.some((t) => inside(l, t.bbox))),
      p.page.number,
    );
    stats.streamTables += streams.length;
    const streamLines = new Set(streams.flatMap((s) => s.lines));
    const prose = body.filter((l) => !streamLines.has(l));
    const unsorted: PageItem[] = [
      ...prose.map((line) => ({ y0: line.y0, line })),
      ...p.frames.map((frame) => ({ y0: frame.box.y0, frame })),
      ...p.tables.map((table) => ({ y0: table.bbox.y0, table })),
      ...streams.map((s) => ({ y0: s.table.bbox.y0, table: s.table })),
    ];
    const items = unsorted.sort((a, b) => a.y0 - b.y0 || (a.line?.x0 ?? 0) - (b.line?.x0 ?? 0));
    pageItems.push({ items, frame: pageFrame(prose), height: p.page.height, number: p.page.number });
  }
  stats.pageTables = ruling.tables;
  stats.segments = ruling.segments;
  stats.joinedSegments = ruling.joined;
  stats.intersections = ruling.intersections;
  stats.cells = ruling.cells;

  // 4. One pass over the document: paragraphs across wraps/pages, tables merged across pages.
  const blocks: Block[] = [];
  let para: FramedLine[] = [];
  const paragraph = (lines: Line[]): Paragraph => ({
    kind: "paragraph",
    text: joinLines(lines).trim(),
    lines,
    pages: [...new Set(lines.map((l) => l.page))],
    fontSize: lines[0]!.fontSize,
    path: [],
  });
  // A text box the body flows around comes after the paragraph it floats in: the body's
  // sentences stay whole, and the box's text is a paragraph of its own.
  let pendingFrames: FloatingFrame[] = [];
  const emitFrames = (done: (f: FloatingFrame) => boolean): void => {
    for (const f of pendingFrames.filter(done)) blocks.push(...frameParagraphs(f, words).map(paragraph));
    pendingFrames = pendingFrames.filter((f) => !done(f));
  };
  const flush = (): void => {
    if (para.length === 0) return;
    const lines = para.map((f) => f.line);
    blocks.push(paragraph(lines));
    para = [];
    const last = lines[lines.length - 1]!;
    emitFrames((f) => last.page > f.page || last.y0 >= f.box.y0);
  };
  let lastTable: { block: TableBlock; endsPage: boolean } | undefined;
  for (let pi = 0; pi < pageItems.length; pi++) {
    const { items, frame } = pageItems[pi]!;
    let sawContent = false;
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      if (it.frame) {
        pendingFrames.push(it.frame);
        continue;
      }
      if (it.line) {
        if (continuationMark.test(it.line.text.text.trim()) && items[k + 1]?.table) continue;
        const framed = { line: it.line, frame };
        const prev = para[para.length - 1];
        if (prev && !continuesParagraph(prev, framed, words)) flush();
        para.push(framed);
        sawContent = true;
        lastTable = undefined;
        continue;
      }
      const table = it.table!;
      flush();
      emitFrames(() => true);
      const isLastOnPage = items.slice(k + 1).every((x) => !x.line && !x.table);
      if (!sawContent && lastTable?.endsPage && canContinue(lastTable.block.table, table)) {
        lastTable.block.table = appendContinuation(lastTable.block.table, table, words);
        lastTable.endsPage = isLastOnPage;
      } else {
        const block: TableBlock = { kind: "table", table, path: [] };
        blocks.push(block);
        lastTable = { block, endsPage: isLastOnPage };
      }
      sawContent = true;
    }
  }
  flush();
  emitFrames(() => true);

  // 5. Headings and the section path of every block.
  const headings: HeadingNode[] = [];
  const stack: HeadingNode[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") {
      const h = headingOf(b.text.printed, words);
      if (h) {
        b.heading = h;
        while (stack.length > 0 && stack[stack.length - 1]!.rank >= h.rank) stack.pop();
        const node: HeadingNode = {
          rank: h.rank,
          label: h.label,
          title: h.title,
          page: b.pages[0]!,
          children: [],
        };
        (stack.length > 0 ? stack[stack.length - 1]!.children : headings).push(node);
        stack.push(node);
      }
    }
    b.path = stack.map((n) => n.title);
  }
  stats.paragraphs = blocks.filter((b) => b.kind === "paragraph").length;
  const tables = blocks.filter((b): b is TableBlock => b.kind === "table").map((b) => b.table);
  stats.tables = tables.length;
  return {
    pages: pages.map((p) => ({ number: p.number, kind: p.kind, reason: p.kindReason, source: p.source })),
    blocks,
    tables,
    headings,
    stats,
  };
}

/**
 * Step 1b: closed boxes drawn around text (a Word text box) with body text beside them. Their runs
 * leave the body and become lines of their own; a body line that flows around one is joined across
 * it. A box with no text beside it (a boxed paragraph, a page border) is left in the flow.
 */
function floatingFrames(
  runs: readonly TextRun[],
  page: PageContent,
  tables: readonly Table[],
): { body: Line[]; frames: FloatingFrame[] } {
  const boxes = rulingsToFrames(page.segments).filter((f) => !tables.some((t) => overlap(t.bbox, f)));
  const frames: FloatingFrame[] = [];
  let rest = [...runs];
  for (const box of boxes) {
    const within = rest.filter((r) => inside(r, box));
    const beside = rest.some((r) => {
      const cy = (r.y0 + r.y1) / 2;
      return cy > box.y0 && cy < box.y1 && (r.x1 <= box.x0 || r.x0 >= box.x1) && r.text.trim() !== "";
    });
    if (within.length === 0 || !beside) continue;
    frames.push({ box, page: page.number, lines: textRunsToLines(within, page.number) });
    const taken = new Set(within);
    rest = rest.filter((r) => !taken.has(r));
  }
  const lines = textRunsToLines(rest, page.number);
  if (frames.length === 0) return { body: lines, frames };
  const body = lines.map((l) => {
    const around = frames
      .map((f) => f.box)
      .filter((b) => l.y1 > b.y0 && l.y0 < b.y1 && l.x0 < b.x0 && l.x1 > b.x1);
    return around.length > 0 ? runsToLine(l.runs, l.page, around) : l;
  });
  return { body, frames };
}

/** A text box's lines as paragraphs (by the same wrap rules as the body, in the box's own frame). */
function frameParagraphs(f: FloatingFrame, words: HeadingWords): Line[][] {
  const frame = pageFrame(f.lines);
  const out: Line[][] = [];
  for (const line of f.lines) {
    const cur = out[out.length - 1];
    const prev = cur?.[cur.length - 1];
    if (cur && prev && continuesParagraph({ line: prev, frame }, { line, frame }, words)) cur.push(line);
    else out.push([line]);
  }
  return out;
}

const overlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const inside = (l: Box, b: Box): boolean => {
  const cx = (l.x0 + l.x1) / 2;
  const cy = (l.y0 + l.y1) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
};
