import { type GrayImage, INK_THRESHOLD } from "./gray-image.js";

/** A local copy: test runners rewrite imported bindings into property reads, slow in pixel loops. */
const INK = INK_THRESHOLD;

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
 * strips × rows instead of pixels. Search is coarse-to-fine (0.5°, then 0.05° with a parabolic fit),
 * then refined below a pixel by refineByBands(). Returns 0 for a page without ink.
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
    const n = Math.ceil((to - from) / step - 1e-9);
    for (let i = 0; i <= n; i++) {
      const deg = round4(Math.min(to, from + i * step));
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
  const b = fine.best;
  const left = fine.scores.get(round4(b - 0.05));
  const right = fine.scores.get(round4(b + 0.05));
  const mid = fine.scores.get(b)!;
  let angle = b;
  if (left !== undefined && right !== undefined) {
    const denom = left - 2 * mid + right;
    if (denom < 0) angle = b + (0.05 * 0.5 * (left - right)) / denom;
  }
  // The profile search can be off by its resolution limit (see refineByBands); beyond that the
  // refinement is not trusted. Refining twice lets the second pass level the bands with a better angle.
  const trust = Math.min(0.5, Math.max(0.15, (4 / w) * (180 / Math.PI)));
  let refined = angle;
  for (let pass = 0; pass < 2; pass++) {
    const next = refineByBands(profile, h, margin, refined);
    if (next === undefined || Math.abs(next - angle) > trust) break;
    refined = next;
  }
  angle = refined;
  return Math.max(-limit, Math.min(limit, round4(angle)));
}

/**
 * Sub-pixel refinement. Integer row shifts cannot resolve angles finer than about 1 / (width / 2)
 * radians (0.06° at 1000 px), and the profile is not even monotonic below that. So the page is split
 * into vertical bands, each levelled around its own centre with the estimate (small shifts, whose
 * rounding errors cancel about the centre), and each band's vertical offset against the rest of the
 * page is read from the peak of their cross-correlation, interpolated to a fraction of a pixel. The
 * slope of offset against band position is the angle.
 */
function refineByBands(p: StripProfiles, h: number, margin: number, deg: number): number | undefined {
  const strips = p.stripX.length;
  const bands = Math.min(8, Math.floor(strips / 4));
  if (bands < 3) return undefined;
  const tan = Math.tan((deg * Math.PI) / 180);
  const len = h + 2 * margin;
  const local: Float64Array[] = [];
  const own: Float64Array[] = [];
  const all = new Float64Array(len);
  const bandX = new Float64Array(bands);
  const mass = new Float64Array(bands);
  for (let band = 0; band < bands; band++) {
    const s0 = Math.floor((band * strips) / bands);
    const s1 = Math.floor(((band + 1) * strips) / bands);
    const x = (p.stripX[s0]! + p.stripX[s1 - 1]!) / 2;
    const levelled = new Float64Array(len);
    const global = new Float64Array(len);
    for (let s = s0; s < s1; s++) {
      const localShift = margin - Math.round((p.stripX[s]! - x) * tan);
      const globalShift = margin - Math.round(p.stripX[s]! * tan);
      const end = p.stripStart[s + 1]!;
      for (let k = p.stripStart[s]!; k < end; k++) {
        const c = p.counts[k]!;
        levelled[p.ys[k]! + localShift]! += c;
        global[p.ys[k]! + globalShift]! += c;
        mass[band]! += c;
      }
    }
    for (let i = 0; i < len; i++) all[i]! += global[i]!;
    local.push(levelled);
    own.push(global);
    bandX[band] = x;
  }
  let sw = 0;
  let sx = 0;
  let so = 0;
  let sxx = 0;
  let sxo = 0;
  const corr = new Float64Array(7);
  for (let band = 0; band < bands; band++) {
    if (mass[band]! === 0) continue;
    const levelled = local[band]!;
    const mine = own[band]!;
    const expected = Math.round(bandX[band]! * tan);
    for (let j = 0; j < 7; j++) {
      const shift = expected + j - 3;
      let c = 0;
      for (let y = Math.max(0, -shift); y < Math.min(len, len - shift); y++)
        c += (all[y]! - mine[y]!) * levelled[y + shift]!;
      corr[j] = c;
    }
    let best = 1;
    for (let j = 2; j < 6; j++) if (corr[j]! > corr[best]!) best = j;
    const l = corr[best - 1]!;
    const m = corr[best]!;
    const r = corr[best + 1]!;
    const denom = l - 2 * m + r;
    const offset = expected + best - 3 + (denom < 0 ? (0.5 * (l - r)) / denom : 0);
    const wgt = mass[band]!;
    const x = bandX[band]!;
    sw += wgt;
    sx += wgt * x;
    so += wgt * offset;
    sxx += wgt * x * x;
    sxo += wgt * x * offset;
  }
  const den = sw * sxx - sx * sx;
  if (sw === 0 || den <= 0) return undefined;
  const slope = (sw * sxo - sx * so) / den;
  return (Math.atan(slope) * 180) / Math.PI;
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
      for (; x < end; x++) if (data[row + x]! < INK) c++;
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
