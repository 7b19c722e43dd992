import { type GrayImage, INK_THRESHOLD } from "./gray-image.js";
import type { PixelLine } from "./rulings.js";

/** A local copy: test runners rewrite imported bindings into property reads, slow in pixel loops. */
const INK = INK_THRESHOLD;

/** Tilt left after deskew that a line's centre is tracked for (degrees). */
const RESIDUAL_TILT_DEG = 0.5;
/** Length of the stretches over which a line's centre is located. */
const BLOCK = 32;

/**
 * Whitens the rules found by findRulings() so OCR does not read them as "|" or "一".
 *
 * Each line's centre is re-located every few dozen pixels (it may be tilted slightly or not quite
 * where the mean position says). Then, at every point along the line, the ink run across the line
 * is erased only when it fits inside the line's thickness (plus a pixel of slack): where a character
 * stroke touches or crosses the rule the run is longer and is left alone, so the character keeps its
 * shape (at the cost of a rule-thick stub). Where two rules cross, the crossing is erased anyway.
 * Decisions are made on the input image, so the order of lines does not matter; then the erased
 * pixels are whitened together with their non-ink neighbours (anti-aliased edges of gray input).
 */
export function removeRulings(img: GrayImage, lines: readonly PixelLine[]): GrayImage {
  const { width: w, height: h, data } = img;
  const out = data.slice();
  const erased: number[] = [];
  const tracks = lines.map((line) => trackLine(img, line));
  for (const track of tracks) {
    const { line } = track;
    const crossings = tracks
      .filter((o) => o.line.orient !== line.orient)
      .flatMap((o) => {
        // Where the other line's centre meets this one's, in this line's u (a fixed point, nearly).
        const vHere = track.centreAt(o.centreAt(0));
        if (vHere < o.line.from - 2 || vHere > o.line.to + 2) return [];
        const u = o.centreAt(vHere);
        const half = o.line.thickness / 2 + 2;
        return [[u - half, u + half] as const];
      });
    const uSize = line.orient === "h" ? w : h;
    const vSize = line.orient === "h" ? h : w;
    const idx =
      line.orient === "h" ? (u: number, v: number) => v * w + u : (u: number, v: number) => u * w + v;
    const isInk = (u: number, v: number): boolean => v >= 0 && v < vSize && data[idx(u, v)]! < INK;
    const half = line.thickness / 2 + 1.5;
    for (let u = Math.max(0, Math.floor(line.from) - 2); u < Math.min(uSize, Math.ceil(line.to) + 2); u++) {
      const c = track.centreAt(u);
      const lo = Math.floor(c - half + 0.5);
      const hi = Math.ceil(c + half - 0.5);
      let seed = -1;
      for (let d = 0; d <= hi - lo && seed < 0; d++) {
        const up = Math.round(c) - d;
        const down = Math.round(c) + d;
        if (up >= lo && isInk(u, up)) seed = up;
        else if (down <= hi && isInk(u, down)) seed = down;
      }
      if (seed < 0) continue;
      let r0 = seed;
      let r1 = seed;
      while (isInk(u, r0 - 1)) r0--;
      while (isInk(u, r1 + 1)) r1++;
      if (r0 < lo || r1 > hi) {
        if (!crossings.some(([a, b]) => u >= a && u <= b)) continue;
        r0 = Math.max(r0, lo);
        r1 = Math.min(r1, hi);
      }
      for (let v = r0; v <= r1; v++) erased.push(idx(u, v));
    }
  }
  for (const i of erased) {
    out[i] = 255;
    const x = i % w;
    const y = (i - x) / w;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
      for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
        const j = yy * w + xx;
        if (data[j]! >= INK) out[j] = 255;
      }
  }
  return { width: w, height: h, data: out };
}

interface LineTrack {
  line: PixelLine;
  /** Centre across the line (pixel index, not edge coordinates) at position u along it. */
  centreAt(u: number): number;
}

/** Locates the line's centre per block as the densest band of its thickness near the expected position. */
function trackLine(img: GrayImage, line: PixelLine): LineTrack {
  const { width: w, height: h, data } = img;
  const horizontal = line.orient === "h";
  const uSize = horizontal ? w : h;
  const vSize = horizontal ? h : w;
  const at = (u: number, v: number): number => (horizontal ? data[v * w + u]! : data[u * w + v]!);
  const nominal = line.pos - 0.5;
  const len = line.to - line.from;
  const reach =
    Math.ceil(line.thickness / 2) + 2 + Math.ceil((len / 2) * Math.tan((RESIDUAL_TILT_DEG * Math.PI) / 180));
  const t = Math.max(1, Math.round(line.thickness));
  const u0 = Math.max(0, Math.floor(line.from));
  const u1 = Math.min(uSize, Math.ceil(line.to));
  const mids: number[] = [];
  const centres: number[] = [];
  const hist = new Float64Array(2 * reach + 1);
  for (let b = u0; b < u1; b += BLOCK) {
    const e = Math.min(u1, b + BLOCK);
    hist.fill(0);
    const vBase = Math.round(nominal) - reach;
    for (let i = 0; i < hist.length; i++) {
      const v = vBase + i;
      if (v < 0 || v >= vSize) continue;
      let c = 0;
      for (let u = b; u < e; u++) if (at(u, v) < INK) c++;
      hist[i] = c;
    }
    let best = -1;
    let bestSum = 0;
    for (let i = 0; i + t <= hist.length; i++) {
      let s = 0;
      for (let k = 0; k < t; k++) s += hist[i + k]!;
      // Prefer the band nearest the nominal centre among equals.
      if (s > bestSum || (s === bestSum && best >= 0 && Math.abs(i - reach) < Math.abs(best - reach))) {
        bestSum = s;
        best = i;
      }
    }
    // A gap in the rule: no estimate for this block.
    if (best < 0 || bestSum < 0.3 * t * (e - b)) continue;
    mids.push((b + e - 1) / 2);
    centres.push(vBase + best + (t - 1) / 2);
  }
  return {
    line,
    centreAt(u: number): number {
      if (centres.length === 0) return nominal;
      if (u <= mids[0]!) return centres[0]!;
      const last = mids.length - 1;
      if (u >= mids[last]!) return centres[last]!;
      let k = 0;
      while (mids[k + 1]! < u) k++;
      const f = (u - mids[k]!) / (mids[k + 1]! - mids[k]!);
      return centres[k]! + (centres[k + 1]! - centres[k]!) * f;
    },
  };
}
