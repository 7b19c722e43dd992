import { type GrayImage, INK_THRESHOLD } from "./gray-image.js";
import { estimateTextHeight } from "./text-height.js";

/** A local copy: test runners rewrite imported bindings into property reads, slow in pixel loops. */
const INK = INK_THRESHOLD;

/**
 * A ruling line found on a raster page. Coordinates are pixel edges (pixel x covers [x, x+1)), the
 * same geometry as the page model's Segment scaled to pixels: a horizontal rule occupying rows
 * 100–101 from column 50 through 249 is { orient: "h", pos: 101, from: 50, to: 250, thickness: 2 }.
 */
export interface PixelLine {
  orient: "h" | "v";
  /** Centre across the line: y for "h", x for "v" (mean over the line's length). */
  pos: number;
  /** Extent along the line: x for "h", y for "v". */
  from: number;
  to: number;
  /** Width across the line in pixels. */
  thickness: number;
}

export interface FindRulingsOptions {
  /**
   * Shortest line kept, in pixels. Default: 3 × the body text height (estimateTextHeight(), or 1/80 of
   * the long side without text), kept within 2–10% of the long side; about 130 px at 300 dpi.
   */
  minLength?: number;
  /** Longest blank gap bridged inside one line. Default 1% of the long side (35 px at 300 dpi). */
  maxGap?: number;
  /** Thicker dark bands are solid areas, not rules. Default max(8, long side / 250). */
  maxThickness?: number;
}

/**
 * Rows (columns) OR-ed together across the line direction so a slightly tilted rule keeps long runs
 * (a 1-px rule tilted 0.3° still gives 570-px runs). The run finders are written for 3.
 */
const BAND = 3;
/** Widest tilt left after deskew that line fitting and collinear joining allow for (degrees). */
const RESIDUAL_TILT_DEG = 0.5;

/**
 * Finds table rules on a binarised page (ink < 128, so a bilinearly rotated binary page works too).
 *
 * Like the usual morphological approach (OpenCV: dilate across, open along with a long kernel):
 * 1. Ink is dilated by 1 px across the line direction, then only runs at least minLength / 2 long
 *    are kept — with the default minLength 1.5 × the text height, longer than any stroke of a
 *    character, so text vanishes here.
 * 2. Runs in adjacent rows (columns) that overlap form one piece; a rule tilted by up to a few tenths
 *    of a degree is a staircase of such runs and still one piece. Pieces thicker than maxThickness
 *    (filled boxes, pictures) are dropped.
 * 3. Collinear pieces are joined when the original ink between them has no blank stretch longer than
 *    maxGap, which also bridges gaps whose short leftover fragments fell below the step-1 length.
 *    Lines shorter than minLength are dropped here, then their ends are extended over rule-like ink.
 * 4. Parallel pieces a few pixels apart over the same extent (double rules, a rule split along its
 *    thickness) become one. Candidates that do not look like a rule up close (looksLikeRule) go.
 */
export function findRulings(bin: GrayImage, options: FindRulingsOptions = {}): PixelLine[] {
  const { width: w, height: h } = bin;
  if (w === 0 || h === 0) return [];
  const long = Math.max(w, h);
  const minLength = Math.max(8, Math.round(options.minLength ?? defaultMinLength(bin)));
  const maxGap = Math.max(0, options.maxGap ?? Math.max(4, Math.round(long * 0.01)));
  const maxThickness = options.maxThickness ?? Math.max(8, Math.round(long / 250));
  const ink = inkMask(bin);
  const settings = {
    runLength: Math.max(4, Math.round(minLength / 2)),
    minLength,
    maxGap,
    maxThickness,
    parallelGap: Math.max(3, Math.round(long / 500)),
  };
  const lines: PixelLine[] = [];
  for (const orient of ["h", "v"] as const) {
    const view = new AxisView(ink, w, h, orient);
    const pieces =
      orient === "h" ? horizontalRuns(view, settings.runLength) : verticalRuns(view, settings.runLength);
    let segs = groupRuns(pieces).filter((s) => s.thickness() <= maxThickness);
    // Lengths are judged before the ends are extended: extension follows any thin ink, including
    // strokes of neighbouring characters, so it must not be what makes a dash or a stroke long enough.
    // A line must also contain one long unbroken stretch, since a row of characters with level
    // strokes (二〇二三 in a bold title) can chain into a line of separate pieces.
    segs = joinCollinear(segs, view, settings).filter(
      (s) => s.to - s.from >= minLength && s.longest >= 0.75 * minLength,
    );
    // Extension can run on into the strokes of text just past a rule's end (a heading right above a
    // table): a line that no longer looks like a rule with them is judged again without them.
    const own = new Map(segs.map((s) => [s, [s.from, s.to] as const]));
    for (const s of segs) extendEnds(s, view, maxGap, maxThickness);
    segs = mergeParallel(segs, settings.parallelGap, maxThickness);
    for (const s of segs) {
      if (s.thickness() > maxThickness) continue;
      if (!looksLikeRule(s, view)) {
        const [from, to] = own.get(s) ?? [s.from, s.to];
        if (from === s.from && to === s.to) continue;
        s.from = from;
        s.to = to;
        if (!looksLikeRule(s, view)) continue;
      }
      if (s.to - s.from < minLength) continue;
      lines.push({
        orient,
        pos: round1(s.at((s.from + s.to) / 2) + 0.5),
        from: s.from,
        to: s.to,
        thickness: Math.max(1, Math.round(s.thickness())),
      });
    }
  }
  lines.sort((a, b) =>
    a.orient === b.orient ? a.pos - b.pos || a.from - b.from : a.orient === "h" ? -1 : 1,
  );
  return lines;
}

/** The minLength findRulings() uses when none is given (costs a connected-component pass). */
export function defaultMinLength(bin: GrayImage): number {
  const long = Math.max(bin.width, bin.height);
  const textHeight = estimateTextHeight(bin) ?? long / 80;
  return Math.round(Math.min(long * 0.1, Math.max(long * 0.02, 3 * textHeight)));
}

/**
 * 1 where the pixel is ink, in rows padded to a multiple of 4 bytes with zeros, so the run finders
 * can test or OR four pixels at once through a Uint32Array view (pages are mostly blank).
 */
interface InkMask {
  bytes: Uint8Array;
  words: Uint32Array;
  /** Bytes per row. */
  stride: number;
}

function inkMask(img: GrayImage): InkMask {
  const { width: w, height: h, data } = img;
  const stride = (w + 3) & ~3;
  const words = new Uint32Array((stride >> 2) * h);
  const bytes = new Uint8Array(words.buffer);
  for (let y = 0; y < h; y++) {
    const src = y * w;
    const dst = y * stride;
    for (let x = 0; x < w; x++) bytes[dst + x] = data[src + x]! < INK ? 1 : 0;
  }
  return { bytes, words, stride };
}

/**
 * The ink mask seen in line coordinates: u runs along the line, v across it (for "h": u = x, v = y;
 * for "v": u = y, v = x).
 */
class AxisView {
  readonly uSize: number;
  readonly vSize: number;
  constructor(
    readonly ink: InkMask,
    readonly width: number,
    readonly height: number,
    readonly orient: "h" | "v",
  ) {
    this.uSize = orient === "h" ? width : height;
    this.vSize = orient === "h" ? height : width;
  }
  get(u: number, v: number): number {
    if (u < 0 || v < 0 || u >= this.uSize || v >= this.vSize) return 0;
    const { bytes, stride } = this.ink;
    return this.orient === "h" ? bytes[v * stride + u]! : bytes[u * stride + v]!;
  }

  /**
   * What crosses the band [vc − half, vc + half] at u: NONE, RULE (ink that stays within a pixel of
   * the band, as a rule's cross-section does) or OTHER (ink running on past it: a character's
   * stroke or a crossing rule).
   */
  crossSection(u: number, vc: number, half: number): number {
    const lo = Math.round(vc - half);
    const hi = Math.round(vc + half);
    let v = lo;
    while (v <= hi && !this.get(u, v)) v++;
    if (v > hi) return NONE;
    let first = v;
    while (first > lo - 2 && this.get(u, first - 1)) first--;
    let last = hi;
    while (last >= v && !this.get(u, last)) last--;
    while (last < hi + 2 && this.get(u, last + 1)) last++;
    return first < lo - 1 || last > hi + 1 ? OTHER : RULE;
  }
}

/** Consecutive rule-like pixels needed to extend a line's end across a gap. */
const MIN_TAIL = 3;
const NONE = 0;
const RULE = 1;
const OTHER = 2;

/** Runs [a, b) along u at line v, sorted by v then a. */
interface Runs {
  v: Int32Array;
  a: Int32Array;
  b: Int32Array;
  length: number;
}

class RunBuffer {
  v: number[] = [];
  a: number[] = [];
  b: number[] = [];
  push(v: number, a: number, b: number): void {
    this.v.push(v);
    this.a.push(a);
    this.b.push(b);
  }
  sorted(): Runs {
    const order = this.v.map((_, i) => i);
    order.sort((i, j) => this.v[i]! - this.v[j]! || this.a[i]! - this.a[j]!);
    const n = order.length;
    const out: Runs = { v: new Int32Array(n), a: new Int32Array(n), b: new Int32Array(n), length: n };
    order.forEach((src, i) => {
      out.v[i] = this.v[src]!;
      out.a[i] = this.a[src]!;
      out.b[i] = this.b[src]!;
    });
    return out;
  }
}

/** Long runs along each row of the mask dilated by one row up and down (BAND = 3). */
function horizontalRuns(view: AxisView, minRun: number): Runs {
  const { width: w, height: h } = view;
  const { words, stride } = view.ink;
  const rowWords = stride >> 2;
  const band = new Uint32Array(rowWords);
  const bandBytes = new Uint8Array(band.buffer);
  const buf = new RunBuffer();
  for (let y = 0; y < h; y++) {
    const above = Math.max(0, y - 1) * rowWords;
    const here = y * rowWords;
    const below = Math.min(h - 1, y + 1) * rowWords;
    for (let j = 0; j < rowWords; j++) band[j] = words[above + j]! | words[here + j]! | words[below + j]!;
    // Padding bytes are 0, so a run always ends by the end of the row.
    let start = -1;
    for (let j = 0; j < rowWords; j++) {
      const word = band[j]!;
      if (word === 0) {
        if (start >= 0) {
          if (4 * j - start >= minRun) buf.push(y, start, 4 * j);
          start = -1;
        }
        continue;
      }
      for (let x = 4 * j; x < 4 * j + 4; x++) {
        if (bandBytes[x]) {
          if (start < 0) start = x;
        } else if (start >= 0) {
          if (x - start >= minRun) buf.push(y, start, x);
          start = -1;
        }
      }
    }
    if (start >= 0 && w - start >= minRun) buf.push(y, start, w);
  }
  return buf.sorted();
}

/** Long runs down each column of the mask dilated by one column left and right, scanning row by row. */
function verticalRuns(view: AxisView, minRun: number): Runs {
  const { width: w, height: h } = view;
  const { bytes, words, stride } = view.ink;
  const rowWords = stride >> 2;
  const start = new Int32Array(stride).fill(-1);
  // Open runs per group of four columns, so blank groups without open runs are skipped whole.
  const open = new Int32Array(rowWords);
  const buf = new RunBuffer();
  for (let y = 0; y <= h; y++) {
    const row = y * stride;
    for (let j = 0; j < rowWords; j++) {
      const x0 = 4 * j;
      const blank =
        y === h ||
        (words[y * rowWords + j] === 0 && (x0 === 0 || !bytes[row + x0 - 1]) && !bytes[row + x0 + 4]);
      if (blank && open[j] === 0) continue;
      for (let x = x0; x < x0 + 4 && x < w; x++) {
        const on =
          !blank && (bytes[row + x] || (x > 0 && bytes[row + x - 1]) || (x + 1 < w && bytes[row + x + 1]));
        if (on) {
          if (start[x]! < 0) {
            start[x] = y;
            open[j]!++;
          }
        } else if (start[x]! >= 0) {
          if (y - start[x]! >= minRun) buf.push(x, start[x]!, y);
          start[x] = -1;
          open[j]!--;
        }
      }
    }
  }
  return buf.sorted();
}

/** A candidate line with least-squares statistics of its runs' centres, v as a function of u. */
class Piece {
  from = Number.POSITIVE_INFINITY;
  to = Number.NEGATIVE_INFINITY;
  /** Sums over runs weighted by run length: Σw, Σw·u, Σw·v, Σw·u², Σw·u·v. */
  sw = 0;
  su = 0;
  sv = 0;
  suu = 0;
  suv = 0;
  /** Explicit band across the line, set when parallel pieces are merged. */
  vLo = Number.NaN;
  vHi = Number.NaN;
  /** Summed extents of the connected groups of runs joined into this piece, and the longest one. */
  span = 0;
  longest = 0;

  addRun(v: number, a: number, b: number): void {
    const len = b - a;
    const uMid = (a + b - 1) / 2;
    // Σ u² over the run's pixels, so a single run has zero slope but a proper spread.
    const sumU2 = len * uMid * uMid + (len * (len * len - 1)) / 12;
    this.sw += len;
    this.su += len * uMid;
    this.sv += len * v;
    this.suu += sumU2;
    this.suv += len * uMid * v;
    this.from = Math.min(this.from, a);
    this.to = Math.max(this.to, b);
  }

  absorb(o: Piece): void {
    this.span += o.span;
    this.longest = Math.max(this.longest, o.longest);
    this.sw += o.sw;
    this.su += o.su;
    this.sv += o.sv;
    this.suu += o.suu;
    this.suv += o.suv;
    this.from = Math.min(this.from, o.from);
    this.to = Math.max(this.to, o.to);
  }

  slope(): number {
    const den = this.sw * this.suu - this.su * this.su;
    if (den <= 1e-9 * this.sw * this.suu) return 0;
    const s = (this.sw * this.suv - this.su * this.sv) / den;
    const maxSlope = Math.tan((RESIDUAL_TILT_DEG * Math.PI) / 180);
    return Math.max(-maxSlope, Math.min(maxSlope, s));
  }

  /** v of the centre line at u. */
  at(u: number): number {
    if (!Number.isNaN(this.vLo)) return (this.vLo + this.vHi) / 2;
    const uMean = this.su / this.sw;
    return this.sv / this.sw + this.slope() * (u - uMean);
  }

  thickness(): number {
    if (!Number.isNaN(this.vLo)) return this.vHi - this.vLo;
    // Over the stretches that have runs (not gaps or extended ends); the band dilation added BAND − 1.
    return Math.max(1, this.sw / Math.max(1, this.span) - (BAND - 1));
  }
}

/** Connected groups of runs (overlapping along u, in adjacent lines v). */
function groupRuns(runs: Runs): Piece[] {
  const n = runs.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    let j = i;
    while (parent[j] !== r) {
      const next = parent[j]!;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  let prevStart = 0;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const v = runs.v[i]!;
    let end = i;
    while (end < n && runs.v[end] === v) end++;
    if (prevEnd > prevStart && runs.v[prevStart] === v - 1) {
      let p = prevStart;
      for (let c = i; c < end; c++) {
        while (p < prevEnd && runs.b[p]! <= runs.a[c]!) p++;
        for (let q = p; q < prevEnd && runs.a[q]! < runs.b[c]!; q++) {
          const rq = find(q);
          const rc = find(c);
          if (rq !== rc) parent[Math.max(rq, rc)] = Math.min(rq, rc);
        }
      }
    }
    prevStart = i;
    prevEnd = end;
    i = end;
  }
  const pieces = new Map<number, Piece>();
  for (let k = 0; k < n; k++) {
    const root = find(k);
    let piece = pieces.get(root);
    if (!piece) {
      piece = new Piece();
      pieces.set(root, piece);
    }
    // Centre of the dilated run, which is the centre of the ink since dilation is symmetric.
    piece.addRun(runs.v[k]!, runs.a[k]!, runs.b[k]!);
  }
  for (const piece of pieces.values()) piece.span = piece.longest = piece.to - piece.from;
  return [...pieces.values()];
}

interface JoinSettings {
  minLength: number;
  maxGap: number;
}

/**
 * Joins pieces lying on one line whose gap is bridged by ink (see findRulings, step 3). One sweep in
 * order of `from` suffices: a line's pieces come in that order and each is absorbed by the first.
 */
function joinCollinear(pieces: Piece[], view: AxisView, settings: JoinSettings): Piece[] {
  const { maxGap, minLength } = settings;
  const reach = Math.max(maxGap, minLength);
  const tilt = Math.tan((RESIDUAL_TILT_DEG * Math.PI) / 180);
  const list = [...pieces].sort((p, q) => p.from - q.from);
  const alive = list.map(() => true);
  for (let i = 0; i < list.length; i++) {
    if (!alive[i]) continue;
    const a = list[i]!;
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j]!;
      const gap = b.from - a.to;
      if (gap > reach) break;
      if (!alive[j]) continue;
      const ua = Math.min(a.to, b.from);
      const va = a.at(ua - 1);
      const vb = b.at(Math.max(b.from, ua));
      const thick = Math.max(a.thickness(), b.thickness());
      if (Math.abs(va - vb) > 1.5 + thick / 2 + Math.max(0, gap) * tilt) continue;
      if (gap > 0 && !inkBridges(view, a.to, b.from, va, vb, thick, maxGap)) continue;
      a.absorb(b);
      alive[j] = false;
    }
  }
  return list.filter((_, i) => alive[i]);
}

/**
 * Whether rule-like ink bridges the gap [u0, u1) along the centre line from v0 to v1: no stretch
 * without it is longer than maxGap. Crossing rules and touching characters are short exceptions;
 * plain text between two pieces would need rule-like ink every few pixels.
 */
function inkBridges(
  view: AxisView,
  u0: number,
  u1: number,
  v0: number,
  v1: number,
  thickness: number,
  maxGap: number,
): boolean {
  const half = thickness / 2 + 0.5;
  let blank = 0;
  for (let u = u0; u < u1; u++) {
    const vc = v0 + ((v1 - v0) * (u - u0)) / Math.max(1, u1 - u0);
    if (view.crossSection(u, vc, half) === RULE) blank = 0;
    else if (++blank > maxGap) return false;
  }
  return true;
}

/**
 * Extends a piece at both ends over rule-like ink with gaps up to maxGap: step 1 drops end fragments
 * shorter than its run length, and a rule ending in a crossing rule should reach that rule's far edge.
 */
function extendEnds(piece: Piece, view: AxisView, maxGap: number, maxThickness: number): void {
  const half = piece.thickness() / 2 + 0.5;
  for (const dir of [1, -1] as const) {
    let edge = dir === 1 ? piece.to - 1 : piece.from;
    // Past a gap, a few rule-like pixels in a row are needed, so a speck of noise does not count.
    let run = 0;
    for (let u = edge + dir; u >= 0 && u < view.uSize && Math.abs(u - edge) <= maxGap + MIN_TAIL; u += dir) {
      if (view.crossSection(u, piece.at(u), half) !== RULE) run = 0;
      else if (++run >= MIN_TAIL || u === edge + dir) edge = u;
    }
    // Then across whatever ink continues the rule (a crossing rule), but no further than a rule is thick.
    for (let k = 0; k < maxThickness + 2; k++) {
      const next = edge + dir;
      if (next < 0 || next >= view.uSize || view.crossSection(next, piece.at(next), half) === NONE) break;
      edge = next;
    }
    if (dir === 1) piece.to = Math.max(piece.to, edge + 1);
    else piece.from = Math.min(piece.from, edge);
  }
}

/**
 * Merges parallel pieces whose edges are within `gap` px and whose extents mostly overlap, as long as
 * the result stays within maxThickness.
 */
function mergeParallel(pieces: Piece[], gap: number, maxThickness: number): Piece[] {
  const list = [...pieces].sort((p, q) => p.at((p.from + p.to) / 2) - q.at((q.from + q.to) / 2));
  const alive = list.map(() => true);
  for (let i = 0; i < list.length; i++) {
    if (!alive[i]) continue;
    const a = list[i]!;
    for (let j = i + 1; j < list.length; j++) {
      if (!alive[j]) continue;
      const b = list[j]!;
      const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
      if (overlap < 0.5 * Math.min(a.to - a.from, b.to - b.from)) continue;
      const mid = (Math.max(a.from, b.from) + Math.min(a.to, b.to)) / 2;
      const va = a.at(mid);
      const vb = b.at(mid);
      const ta = a.thickness();
      const tb = b.thickness();
      if (Math.abs(va - vb) - (ta + tb) / 2 > gap) continue;
      const lo = Math.min(va - ta / 2, vb - tb / 2);
      const hi = Math.max(va + ta / 2, vb + tb / 2);
      // Chains of parallel pieces (hatching, dense speckle) must not add up to a thick band.
      if (hi - lo > maxThickness) continue;
      a.absorb(b);
      a.vLo = lo;
      a.vHi = hi;
      alive[j] = false;
    }
  }
  return list.filter((_, i) => alive[i]);
}

/**
 * Final check that a candidate looks like a rule: its cross-section is thin ink along nearly all of
 * its length (gaps, crossings and touching characters are short exceptions), and the pixels just
 * outside at least one side are mostly blank. Runs found in speckle, hatching or a dithered picture
 * fail both: ink all around, and cross-sections that run on into neighbouring ink.
 */
function looksLikeRule(piece: Piece, view: AxisView): boolean {
  const thickness = piece.thickness();
  const half = thickness / 2 + 0.5;
  const off = thickness / 2 + 2;
  let rule = 0;
  let above = 0;
  let below = 0;
  for (let u = piece.from; u < piece.to; u++) {
    const c = piece.at(u);
    if (view.crossSection(u, c, half) === RULE) rule++;
    above += view.get(u, Math.round(c - off));
    below += view.get(u, Math.round(c + off));
  }
  const len = piece.to - piece.from;
  return rule >= 0.85 * len && Math.min(above, below) <= 0.3 * len;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
