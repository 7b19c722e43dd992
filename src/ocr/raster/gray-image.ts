/**
 * The 8-bit grayscale image every raster step works on. Coordinates follow the page model: origin at
 * the top-left, y grows downwards. Pixel (x, y) covers the square [x, x+1) × [y, y+1).
 */
export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, 0 = black … 255 = white. */
  data: Uint8Array;
}

/** Pixels below this are ink on a binarised (or bilinearly rotated binarised) image. */
export const INK_THRESHOLD = 128;

export function createGray(width: number, height: number, fill = 255): GrayImage {
  const data = new Uint8Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

export function cloneGray(img: GrayImage): GrayImage {
  return { width: img.width, height: img.height, data: img.data.slice() };
}

/**
 * BT.601 luma in integer arithmetic (weights sum to 256, so pure white stays 255). Transparent pixels
 * are composited onto white, because pdf.js renders pages onto a transparent canvas.
 */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const n = width * height;
  if (rgba.length < n * 4) throw new RangeError(`rgbaToGray: need ${n * 4} bytes, got ${rgba.length}`);
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const luma = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
    const a = rgba[j + 3]!;
    out[i] = a === 255 ? luma : Math.round((luma * a + 255 * (255 - a)) / 255);
  }
  return { width, height, data: out };
}

/** The sub-image [x0, x1) × [y0, y1), clamped to the image (an empty box gives a 0×0 image). */
export function crop(img: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const left = clampInt(Math.min(x0, x1), 0, img.width);
  const right = clampInt(Math.max(x0, x1), 0, img.width);
  const top = clampInt(Math.min(y0, y1), 0, img.height);
  const bottom = clampInt(Math.max(y0, y1), 0, img.height);
  const width = right - left;
  const height = bottom - top;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = (top + y) * img.width + left;
    data.set(img.data.subarray(src, src + width), y * width);
  }
  return { width, height, data };
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)));
}
