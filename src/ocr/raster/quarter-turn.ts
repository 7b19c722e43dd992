import type { GrayImage } from "./gray-image.js";

/** A turn by a whole number of quarter turns, in degrees clockwise as seen on screen. */
export type QuarterTurn = 0 | 90 | 180 | 270;

export function normalizeTurn(deg: number): QuarterTurn {
  const t = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return t as QuarterTurn;
}

/**
 * The image turned clockwise by `turn` (the same sense as rotate() and ImageMagick's `-rotate`):
 * an exact permutation of the pixels — no resampling, so the page OCR reads upright is the scan's
 * own pixels. A turn by 90 or 270 swaps width and height.
 */
export function quarterTurn(img: GrayImage, turn: QuarterTurn): GrayImage {
  const { width: w, height: h, data } = img;
  if (turn === 0) return { width: w, height: h, data: data.slice() };
  const out = new Uint8Array(w * h);
  if (turn === 180) {
    for (let i = 0, j = w * h - 1; j >= 0; i++, j--) out[i] = data[j]!;
    return { width: w, height: h, data: out };
  }
  // Output is h wide and w high. Turned clockwise, source (x, y) lands at (h − 1 − y, x);
  // counter-clockwise (270), at (y, w − 1 − x).
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (turn === 90) {
      const xo = h - 1 - y;
      for (let x = 0; x < w; x++) out[x * h + xo] = data[row + x]!;
    } else {
      for (let x = 0; x < w; x++) out[(w - 1 - x) * h + y] = data[row + x]!;
    }
  }
  return { width: h, height: w, data: out };
}

/**
 * A point of a `width` × `height` frame in the frame turned clockwise by `turn` (continuous
 * coordinates: pixel edges, PDF points). quarterTurn() moves pixels the same way.
 */
export function turnPoint(
  x: number,
  y: number,
  width: number,
  height: number,
  turn: QuarterTurn,
): [number, number] {
  switch (turn) {
    case 90:
      return [height - y, x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [y, width - x];
    default:
      return [x, y];
  }
}

/** An axis-aligned box of a `width` × `height` frame, in the frame turned clockwise by `turn`. */
export function turnBox(
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  turn: QuarterTurn,
): [number, number, number, number] {
  const [ax, ay] = turnPoint(box[0], box[1], width, height, turn);
  const [bx, by] = turnPoint(box[2], box[3], width, height, turn);
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}
