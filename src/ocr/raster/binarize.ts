import type { GrayImage } from "./gray-image.js";

export interface BinarizeOptions {
  /** Side of the square neighbourhood in pixels (made odd). Default: about 1/70 of the long side, 15–61. */
  window?: number;
  /** Sauvola sensitivity in [0, 1]: higher keeps less faint ink. Default 0.2. */
  k?: number;
}

/** Dynamic range of the standard deviation in Sauvola's formula (for 8-bit images). */
const SAUVOLA_R = 128;

export function defaultBinarizeWindow(width: number, height: number): number {
  const w = Math.min(61, Math.max(15, Math.round(Math.max(width, height) / 70)));
  return w | 1;
}

/**
 * Sauvola thresholding, T = m · (1 + k · (s / R − 1)) over a window centred on each pixel, which
 * follows uneven lighting and faint print where a global (Otsu) threshold fails. The local mean and
 * variance come from running column sums slid along each row rather than a full integral image:
 * the same O(n) work, but O(width) memory instead of two 8-byte-per-pixel tables (140 MB for an A4
 * page at 300 dpi). Windows are clipped at the borders. Output pixels are 0 (ink) or 255.
 */
export function binarize(img: GrayImage, options: BinarizeOptions = {}): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  if (w === 0 || h === 0) return { width: w, height: h, data: out };
  const win = Math.max(3, Math.min(511, Math.round(options.window ?? defaultBinarizeWindow(w, h)))) | 1;
  const k = Math.min(1, Math.max(0, options.k ?? 0.2));
  const r = win >> 1;
  // Int32 is enough: 255² · 511 rows < 2³¹.
  const colSum = new Int32Array(w);
  const colSq = new Int32Array(w);
  const invCols = new Float64Array(w);
  for (let x = 0; x < w; x++) invCols[x] = 1 / (Math.min(w - 1, x + r) - Math.max(0, x - r) + 1);
  for (let y = 0; y < Math.min(r, h); y++) slideColumns(data, w, y * w, -1, colSum, colSq);
  const offset = 1 - k;
  const slope = k / SAUVOLA_R;
  for (let y = 0; y < h; y++) {
    slideColumns(data, w, y + r < h ? (y + r) * w : -1, y - r - 1 >= 0 ? (y - r - 1) * w : -1, colSum, colSq);
    const invRows = 1 / (Math.min(h - 1, y + r) - Math.max(0, y - r) + 1);
    let sum = 0;
    let sq = 0;
    for (let x = 0; x < Math.min(r, w); x++) {
      sum += colSum[x]!;
      sq += colSq[x]!;
    }
    const base = y * w;
    for (let x = 0; x < w; x++) {
      const xIn = x + r;
      if (xIn < w) {
        sum += colSum[xIn]!;
        sq += colSq[xIn]!;
      }
      const xOut = x - r - 1;
      if (xOut >= 0) {
        sum -= colSum[xOut]!;
        sq -= colSq[xOut]!;
      }
      const p = data[base + x]!;
      const inv = invCols[x]! * invRows;
      const mean = sum * inv;
      // With s < R the threshold never exceeds the mean: most background pixels stop here.
      if (p > mean) {
        out[base + x] = 255;
        continue;
      }
      // p ≤ m·(1 − k) + m·(k / R)·s, squared to avoid the square root.
      const d = p - mean * offset;
      if (d <= 0) continue;
      const variance = sq * inv - mean * mean;
      const c = mean * slope;
      if (d * d > c * c * variance) out[base + x] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** Moves the column sums down one row: adds row offset `rowIn` and drops `rowOut` (−1: none). */
function slideColumns(
  data: Uint8Array,
  w: number,
  rowIn: number,
  rowOut: number,
  colSum: Int32Array,
  colSq: Int32Array,
): void {
  // Separate loops keep the per-pixel work free of branches.
  if (rowIn >= 0 && rowOut >= 0) {
    for (let x = 0; x < w; x++) {
      const a = data[rowIn + x]!;
      const b = data[rowOut + x]!;
      colSum[x]! += a - b;
      colSq[x]! += a * a - b * b;
    }
  } else if (rowIn >= 0) {
    for (let x = 0; x < w; x++) {
      const a = data[rowIn + x]!;
      colSum[x]! += a;
      colSq[x]! += a * a;
    }
  } else if (rowOut >= 0) {
    for (let x = 0; x < w; x++) {
      const b = data[rowOut + x]!;
      colSum[x]! -= b;
      colSq[x]! -= b * b;
    }
  }
}
