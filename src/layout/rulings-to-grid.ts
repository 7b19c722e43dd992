/**
 * Ruled ("lattice") table finding, after pdfplumber: snap nearly-collinear segments together,
 * join touching pieces, group segments that cross into table regions, then read each region as a
 * grid of elementary cells whose missing inner rulings make merged cells (row/column spans).
 */
import type { Box, Segment } from "./page-model.js";

/** Rulings within this distance (points) are the same line (pdfplumber's snap_tolerance is 3). */
export const SNAP_TOLERANCE = 2.5;
/** Collinear pieces closer than this are one line (join_tolerance). */
export const JOIN_TOLERANCE = 3;
/** A vertical and a horizontal ruling closer than this touch (intersection_tolerance). */
export const INTERSECTION_TOLERANCE = 3;
/** A border counts as drawn when rulings cover this share of the cell edge. */
const BORDER_COVERAGE = 0.6;

export interface GridCell extends Box {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid extends Box {
  /** Column boundaries (x), left to right. */
  xs: number[];
  /** Row boundaries (y), top to bottom. */
  ys: number[];
  cells: GridCell[];
  /** The column rulings run on above the first / below the last row ruling: a row cut by a page break. */
  openTop: boolean;
  openBottom: boolean;
}

export interface RulingStats {
  segments: number;
  joined: number;
  intersections: number;
  cells: number;
  tables: number;
}

/** Clusters positions within `tol` of their running mean; returns a map from value to cluster mean. */
function cluster(values: number[], tol: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else groups.push([v]);
  }
  return groups;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Snaps segment positions to cluster means, then joins collinear overlapping pieces. */
export function snapAndJoin(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const orient of ["h", "v"] as const) {
    const segs = segments.filter((s) => s.orient === orient);
    const groups = cluster(
      segs.map((s) => s.pos),
      SNAP_TOLERANCE,
    );
    const snapTo = new Map<number, number>();
    for (const g of groups) {
      const m = mean(g);
      for (const v of g) snapTo.set(v, m);
    }
    const byPos = new Map<number, Segment[]>();
    for (const s of segs) {
      const pos = snapTo.get(s.pos)!;
      const list = byPos.get(pos) ?? [];
      list.push({ ...s, pos });
      byPos.set(pos, list);
    }
    for (const [pos, list] of byPos) {
      list.sort((a, b) => a.from - b.from);
      let cur: Segment | undefined;
      for (const s of list) {
        if (cur && s.from <= cur.to + JOIN_TOLERANCE) {
          cur.to = Math.max(cur.to, s.to);
        } else {
          if (cur) out.push(cur);
          cur = { orient, pos, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

const touches = (h: Segment, v: Segment, tol = INTERSECTION_TOLERANCE): boolean =>
  v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;

/** Groups segments that cross (or touch) into regions: each region is one table or one box. */
function rulingRegions(joined: readonly Segment[]): { regions: Segment[][]; intersections: number } {
  const hs = joined.filter((s) => s.orient === "h");
  const vs = joined.filter((s) => s.orient === "v");
  // Union-find over segments: crossing segments belong to one table region.
  const parent = joined.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  let intersections = 0;
  const idx = new Map<Segment, number>(joined.map((s, i) => [s, i]));
  for (const h of hs) {
    for (const v of vs) {
      if (touches(h, v)) {
        intersections++;
        const a = find(idx.get(h)!);
        const b = find(idx.get(v)!);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const regions = new Map<number, Segment[]>();
  joined.forEach((s, i) => {
    const r = find(i);
    const list = regions.get(r) ?? [];
    list.push(s);
    regions.set(r, list);
  });
  return { regions: [...regions.values()], intersections };
}

/** Finds ruled tables on a page. */
export function rulingsToGrids(segments: readonly Segment[], stats?: RulingStats): Grid[] {
  const joined = snapAndJoin(segments);
  const { regions, intersections } = rulingRegions(joined);
  const grids: Grid[] = [];
  for (const segs of regions) {
    const grid = regionToGrid(segs);
    if (grid) grids.push(grid);
  }
  grids.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  if (stats) {
    stats.segments += segments.length;
    stats.joined += joined.length;
    stats.intersections += intersections;
    stats.cells += grids.reduce((n, g) => n + g.cells.length, 0);
    stats.tables += grids.length;
  }
  return grids;
}

/** A box smaller than this (points, either side) is a check box or a mark, not a frame around text. */
const MIN_FRAME = 20;

/**
 * Closed rectangles that are not tables: one cell drawn on all four sides (a Word/WPS text box
 * or frame, a boxed note). Their text is a flow of its own.
 */
export function rulingsToFrames(segments: readonly Segment[]): Box[] {
  const { regions } = rulingRegions(snapAndJoin(segments));
  const frames: Box[] = [];
  for (const segs of regions) {
    const hs = segs.filter((s) => s.orient === "h");
    const vs = segs.filter((s) => s.orient === "v");
    const { xs, ys } = lineCentres(hs, vs);
    if (xs.length !== 2 || ys.length !== 2) continue;
    const [x0, x1] = xs as [number, number];
    const [y0, y1] = ys as [number, number];
    if (x1 - x0 < MIN_FRAME || y1 - y0 < MIN_FRAME) continue;
    const closed =
      coverage(hs, y0, x0, x1) >= BORDER_COVERAGE &&
      coverage(hs, y1, x0, x1) >= BORDER_COVERAGE &&
      coverage(vs, x0, y0, y1) >= BORDER_COVERAGE &&
      coverage(vs, x1, y0, y1) >= BORDER_COVERAGE;
    if (closed) frames.push({ x0, y0, x1, y1 });
  }
  return frames.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** The positions of a region's column (x) and row (y) rulings, those within the snap tolerance as one. */
function lineCentres(hs: readonly Segment[], vs: readonly Segment[]): { xs: number[]; ys: number[] } {
  const centres = (segs: readonly Segment[]): number[] =>
    cluster(
      segs.map((s) => s.pos),
      SNAP_TOLERANCE,
    ).map(mean);
  return { xs: centres(vs), ys: centres(hs) };
}

function coverage(segs: readonly Segment[], pos: number, from: number, to: number): number {
  const len = to - from;
  if (len <= 0) return 1;
  const pieces = segs
    .filter((s) => Math.abs(s.pos - pos) <= SNAP_TOLERANCE && s.to > from && s.from < to)
    .map((s) => [Math.max(s.from, from), Math.min(s.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered / len;
}

const xsMin = (vs: readonly Segment[]): number => Math.min(...vs.map((v) => v.pos));
const xsMax = (vs: readonly Segment[]): number => Math.max(...vs.map((v) => v.pos));

function regionToGrid(segs: readonly Segment[]): Grid | undefined {
  let hs = segs.filter((s) => s.orient === "h");
  const vs = segs.filter((s) => s.orient === "v");
  if (hs.length < 1 || vs.length < 2) return undefined;
  const { xs, ys } = lineCentres(hs, vs);
  // Chromium leaves a row split by a page break without its bottom (and the continuation without
  // its top) border: column rulings that run past the outermost row rulings close the grid there.
  const top = Math.min(...vs.map((v) => v.from));
  const bottom = Math.max(...vs.map((v) => v.to));
  const reaching = (y: number): number =>
    vs.filter((v) => v.from <= y + SNAP_TOLERANCE && v.to >= y - SNAP_TOLERANCE).length;
  const openTop = ys[0]! - top > 3 * SNAP_TOLERANCE && reaching(top) >= 2;
  const openBottom = bottom - ys[ys.length - 1]! > 3 * SNAP_TOLERANCE && reaching(bottom) >= 2;
  if (openTop) {
    ys.unshift(top);
    hs = [...hs, { orient: "h", pos: top, from: xsMin(vs), to: xsMax(vs) }];
  }
  if (openBottom) {
    ys.push(bottom);
    hs = [...hs, { orient: "h", pos: bottom, from: xsMin(vs), to: xsMax(vs) }];
  }
  if (ys.length < 2) return undefined;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 1 || (nr === 1 && nc === 1)) return undefined;

  // Elementary cells merge where the ruling between them is missing.
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && coverage(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!) < BORDER_COVERAGE)
        union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && coverage(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!) < BORDER_COVERAGE)
        union(r * nc + c, (r + 1) * nc + c);
    }
  }
  // A region whose outer frame is mostly missing is decoration, not a table.
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const g = find(r * nc + c);
      const e = groups.get(g);
      if (e) {
        e.r0 = Math.min(e.r0, r);
        e.r1 = Math.max(e.r1, r);
        e.c0 = Math.min(e.c0, c);
        e.c1 = Math.max(e.c1, c);
      } else groups.set(g, { r0: r, r1: r, c0: c, c1: c });
    }
  }
  if (groups.size < 2) return undefined;
  const cells: GridCell[] = [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      x0: xs[g.c0]!,
      x1: xs[g.c1 + 1]!,
      y0: ys[g.r0]!,
      y1: ys[g.r1 + 1]!,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, x0: xs[0]!, x1: xs[nc]!, y0: ys[0]!, y1: ys[nr]!, openTop, openBottom };
}
