/**
 * Runs → lines. pdf.js splits a printed line into many runs (one per font, often 1–4 characters),
 * and OCR gives one run per word: runs on one baseline are joined left to right.
 */
import { isCjkChar, LocatedText } from "./located-text.js";
import type { Box, TextRun } from "./page-model.js";

export interface Line extends Box {
  page: number;
  fontSize: number;
  runs: TextRun[];
  text: LocatedText;
  /**
   * Boxes the line flows around (a text box floated in the body): the gap across one is the
   * box's width, not a column gap or a space.
   */
  bridges?: readonly Box[];
}

const baselineOf = (r: TextRun): number => r.baseline ?? r.y1 - r.fontSize * 0.12;

/** Horizontal gap (in em) above which two runs on one baseline are separate chunks (columns). */
export const CHUNK_GAP_EM = 1.6;

/**
 * Footnote marks: a digit or sign or two in a small raised font right after (or before) text of the
 * line ("1,390.54¹万元"). On a baseline of their own they would split the line — and the number from
 * its unit — so they are left out of the text (they refer to a note, they are not content).
 */
export function withoutNoteMarks(runs: readonly TextRun[]): TextRun[] {
  const isMark = (r: TextRun): boolean => /^[\d①-⑩*†‡]{1,2}$/.test(r.text.trim());
  if (!runs.some(isMark)) return [...runs];
  const hosts = new HostIndex(runs);
  const marks = new Set<TextRun>();
  for (const r of runs) if (isMark(r) && hosts.hasHost(r)) marks.add(r);
  return marks.size === 0 ? [...runs] : runs.filter((r) => !marks.has(r));
}

/**
 * The runs a footnote mark may be attached to, on a grid: looking a mark's host up among all runs
 * of the page was quadratic (a page of 300,000 digit runs took minutes). Each run is filed under
 * the cells of the two zones where a mark touching it may sit — its left and right edge, ±0.6 em,
 * between its top and its raised baseline — so a mark is compared with the few runs near it only.
 */
class HostIndex {
  private readonly cell: number;
  private readonly grid = new Map<string, TextRun[]>();
  /** Runs whose zones would cover too many cells (huge fonts): checked against every mark. */
  private readonly big: TextRun[] = [];

  constructor(runs: readonly TextRun[]) {
    const sizes = runs.map((r) => r.fontSize).sort((a, b) => a - b);
    this.cell = Math.max(2, sizes[Math.floor(sizes.length / 2)] ?? 10);
    for (const o of runs) {
      const reach = o.fontSize * 0.6;
      const yLo = o.y0;
      const yHi = baselineOf(o) - o.fontSize * 0.2;
      if (!(yHi > yLo)) continue;
      const zones = [
        [o.x1 - reach, o.x1 + reach],
        [o.x0 - reach, o.x0 + reach],
      ] as const;
      const cells: string[] = [];
      for (const [xLo, xHi] of zones) {
        for (let cx = Math.floor(xLo / this.cell); cx <= Math.floor(xHi / this.cell); cx++)
          for (let cy = Math.floor(yLo / this.cell); cy <= Math.floor(yHi / this.cell); cy++) {
            cells.push(`${cx},${cy}`);
            if (cells.length > 64) break;
          }
      }
      if (cells.length > 64) {
        this.big.push(o);
        continue;
      }
      for (const k of new Set(cells)) {
        const list = this.grid.get(k);
        if (list) list.push(o);
        else this.grid.set(k, [o]);
      }
    }
  }

  /** Some run, in a font at least 1.3× larger, that the raised mark `r` touches on its left or right. */
  hasHost(r: TextRun): boolean {
    const b = baselineOf(r);
    const isHost = (o: TextRun): boolean =>
      o !== r &&
      o.fontSize >= r.fontSize * 1.3 &&
      // raised: its baseline well above the neighbour's, but inside the neighbour's height
      b < baselineOf(o) - o.fontSize * 0.2 &&
      b > o.y0 &&
      // touching it on the left or the right
      (Math.abs(r.x0 - o.x1) < o.fontSize * 0.6 || Math.abs(o.x0 - r.x1) < o.fontSize * 0.6);
    const cy = Math.floor(b / this.cell);
    for (const x of [r.x0, r.x1]) {
      const list = this.grid.get(`${Math.floor(x / this.cell)},${cy}`);
      if (list?.some(isHost)) return true;
    }
    return this.big.some(isHost);
  }
}

export function textRunsToLines(runs: readonly TextRun[], page: number): Line[] {
  const sorted = withoutNoteMarks(runs).sort((a, b) => baselineOf(a) - baselineOf(b) || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  let current: TextRun[] = [];
  let currentBaseline = Number.NaN;
  let currentSize = 0;
  for (const r of sorted) {
    const b = baselineOf(r);
    // pdf.js baselines of one line agree within ~1 pt; OCR words wobble by ~20% of the height.
    const tol = Math.max(2, 0.3 * Math.min(currentSize || r.fontSize, r.fontSize));
    if (current.length > 0 && Math.abs(b - currentBaseline) <= tol) {
      current.push(r);
    } else {
      if (current.length > 0) groups.push(current);
      current = [r];
      currentBaseline = b;
      currentSize = r.fontSize;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((g) => runsToLine(g, page));
}

/** Whether the gap between two runs of a line is a box the line flows around. */
const bridged = (a: Box, b: Box, bridges: readonly Box[] | undefined): boolean =>
  bridges?.some((f) => a.x1 <= f.x0 + 1 && b.x0 >= f.x1 - 1) ?? false;

/** Joins runs of one baseline; a space is kept where the printed gap shows one between non-CJK text. */
export function runsToLine(group: readonly TextRun[], page: number, bridges?: readonly Box[]): Line {
  const runs = [...group].sort((a, b) => a.x0 - b.x0);
  const parts: LocatedText[] = [];
  const seps: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    parts.push(LocatedText.fromBox(r.text, page, r, r.conf));
    if (i > 0) {
      const prev = runs[i - 1]!;
      const gap = r.x0 - prev.x1;
      const em = Math.min(prev.fontSize, r.fontSize);
      const a = prev.text[prev.text.length - 1];
      const b = r.text[0];
      const bothCjk = isCjkChar(a) && isCjkChar(b);
      // Text flowing around a box joins as if the box were not there.
      if (bridged(prev, r, bridges)) seps.push(isCjkChar(a) || isCjkChar(b) ? "" : " ");
      else seps.push(gap > em * CHUNK_GAP_EM ? "  " : gap > em * 0.2 && !bothCjk ? " " : "");
    }
  }
  const fontSizes = runs.map((r) => r.fontSize).sort((x, y) => x - y);
  return {
    ...(bridges && bridges.length > 0 ? { bridges } : {}),
    page,
    runs,
    text: LocatedText.join(parts, seps),
    fontSize: fontSizes[Math.floor(fontSizes.length / 2)] ?? 10,
    x0: Math.min(...runs.map((r) => r.x0)),
    y0: Math.min(...runs.map((r) => r.y0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y1: Math.max(...runs.map((r) => r.y1)),
  };
}

/** Splits a line where runs are further apart than CHUNK_GAP_EM (columns of a borderless table). */
export function splitLineAtGaps(line: Line, gapEm = CHUNK_GAP_EM): Line[] {
  const chunks: TextRun[][] = [];
  for (const r of line.runs) {
    const last = chunks[chunks.length - 1];
    const prev = last?.[last.length - 1];
    if (
      last &&
      prev &&
      (r.x0 - prev.x1 <= Math.min(prev.fontSize, r.fontSize) * gapEm || bridged(prev, r, line.bridges))
    )
      last.push(r);
    else chunks.push([r]);
  }
  return chunks.map((c) => runsToLine(c, line.page, line.bridges));
}
