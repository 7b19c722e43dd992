import { type GrayImage, INK_THRESHOLD } from "./gray-image.js";

/** Target number of vertical strips: enough that the shear inside one strip stays below a pixel. */
const STRIPS = 256;

/**
 * The skew of a binarised page in degrees within ±maxDeg: positive when the content is turned
 * clockwise on screen (horizontal rules descend to the right), as for rotate(). Hence
 * rotate(img, -estimateSkew(img)) deskews.
 *
 * Method: the variance of the horizontal projection profile is largest when text lines and rules
 * are level. Ink is first counted per (vertical strip, row), which is the only pass over all pixels;
 * shearing the profile for a candidate angle then shifts whole strips, so each candidate costs
 * strips × rows instead of pixels. Search is coarse-to-fine (0.5°, 0.05°, 0.01°) with a parabolic fit
 * on the last step. Returns 0 for a page without ink.
 */
export function estimateSkew(bin: GrayImage, maxDeg = 3): number {
  const { width: w, height: h } = bin;
  const profile = stripProfiles(bin);
  if (profile.ys.length === 0 || w < 2 || h < 2) return 0;
  const limit = Math.abs(maxDeg);
  const search = Math.min(89, limit + 0.5);
  const margin = Math.ceil((w / 2) * Math.tan((search * Math.PI) / 180)) + 2;
  const acc = new Float64Array(h + 2 * margin);
  const score = (deg: number): number => shearScore(profile, acc, margin, Math.tan((deg * Math.PI) / 180));

  const scan = (from: number, to: number, step: number): { best: number; scores: Map<number, number> } => {
    const scores = new Map<number, number>();
    let best = from;
    let bestScore = -1;
    const n = Math.round((to - from) / step);
    for (let i = 0; i <= n; i++) {
      const deg = round4(from + i * step);
      const s = score(deg);
      scores.set(deg, s);
      if (s > bestScore || (s === bestScore && Math.abs(deg) < Math.abs(best))) {
        bestScore = s;
        best = deg;
      }
    }
    return { best, scores };
  };

  const coarse = scan(-limit, limit, 0.5);
  const fine = scan(Math.max(-limit, coarse.best - 0.5), Math.min(limit, coarse.best + 0.5), 0.05);
  const finest = scan(Math.max(-limit, fine.best - 0.05), Math.min(limit, fine.best + 0.05), 0.01);
  const b = finest.best;
  const left = finest.scores.get(round4(b - 0.01));
  const right = finest.scores.get(round4(b + 0.01));
  const mid = finest.scores.get(b)!;
  let angle = b;
  if (left !== undefined && right !== undefined) {
    const denom = left - 2 * mid + right;
    if (denom < 0) angle = b + (0.01 * 0.5 * (left - right)) / denom;
  }
  return Math.max(-limit, Math.min(limit, round4(angle)));
}

interface StripProfiles {
  /** Row of each nonzero (strip, row) count, grouped by strip. */
  ys: Int32Array;
  counts: Uint16Array;
  /** Entries of strip s are stripStart[s] … stripStart[s + 1] − 1. */
  stripStart: Int32Array;
  /** x of each strip's centre relative to the image centre. */
  stripX: Float64Array;
}

function stripProfiles(bin: GrayImage): StripProfiles {
  const { width: w, height: h, data } = bin;
  const sw = Math.max(1, Math.ceil(w / STRIPS));
  const strips = Math.ceil(w / sw);
  const dense = new Uint16Array(strips * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let s = 0, x = 0; s < strips; s++) {
      const end = Math.min(w, x + sw);
      let c = 0;
      for (; x < end; x++) if (data[row + x]! < INK_THRESHOLD) c++;
      if (c) dense[s * h + y] = c;
    }
  }
  let nonzero = 0;
  for (let i = 0; i < dense.length; i++) if (dense[i]) nonzero++;
  const ys = new Int32Array(nonzero);
  const counts = new Uint16Array(nonzero);
  const stripStart = new Int32Array(strips + 1);
  const stripX = new Float64Array(strips);
  let k = 0;
  for (let s = 0; s < strips; s++) {
    stripStart[s] = k;
    const x0 = s * sw;
    const x1 = Math.min(w, x0 + sw);
    stripX[s] = (x0 + x1 - 1) / 2 - (w - 1) / 2;
    for (let y = 0; y < h; y++) {
      const c = dense[s * h + y]!;
      if (c) {
        ys[k] = y;
        counts[k] = c;
        k++;
      }
    }
  }
  stripStart[strips] = k;
  return { ys, counts, stripStart, stripX };
}

/** Sum of squares of the sheared profile; the total ink is fixed, so this ranks angles by variance. */
function shearScore(p: StripProfiles, acc: Float64Array, margin: number, tan: number): number {
  acc.fill(0);
  const strips = p.stripX.length;
  for (let s = 0; s < strips; s++) {
    // Content turned clockwise by θ puts a level row y0 at y = y0 + x·tanθ; undo that shift.
    const shift = margin - Math.round(p.stripX[s]! * tan);
    const end = p.stripStart[s + 1]!;
    for (let k = p.stripStart[s]!; k < end; k++) acc[p.ys[k]! + shift]! += p.counts[k]!;
  }
  let sum = 0;
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i]!;
    sum += v * v;
  }
  return sum;
}

function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}
