import type { GrayImage } from "../raster/index.js";

/**
 * Resamples to exactly `width` × `height`. Shrinking by more than 2× averages the source pixels
 * under each output pixel (bilinear sampling would skip whole strokes of small print); otherwise
 * bilinear interpolation, pixel centres onto pixel centres.
 */
export function resizeTo(img: GrayImage, width: number, height: number): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(width * height);
  if (w === 0 || h === 0) return { width, height, data: out.fill(255) };
  const fx = w / width;
  const fy = h / height;
  if (fx > 2 && fy > 2) {
    for (let yo = 0; yo < height; yo++) {
      const ya = Math.floor(yo * fy);
      const yb = Math.max(ya + 1, Math.min(h, Math.floor((yo + 1) * fy)));
      for (let xo = 0; xo < width; xo++) {
        const xa = Math.floor(xo * fx);
        const xb = Math.max(xa + 1, Math.min(w, Math.floor((xo + 1) * fx)));
        let sum = 0;
        for (let y = ya; y < yb; y++) {
          const row = y * w;
          for (let x = xa; x < xb; x++) sum += data[row + x]!;
        }
        out[yo * width + xo] = Math.round(sum / ((yb - ya) * (xb - xa)));
      }
    }
    return { width, height, data: out };
  }
  for (let yo = 0; yo < height; yo++) {
    const sy = Math.min(h - 1, Math.max(0, (yo + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const wy = sy - y0;
    for (let xo = 0; xo < width; xo++) {
      const sx = Math.min(w - 1, Math.max(0, (xo + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const wx = sx - x0;
      const top = data[y0 * w + x0]! * (1 - wx) + data[y0 * w + x1]! * wx;
      const bottom = data[y1 * w + x0]! * (1 - wx) + data[y1 * w + x1]! * wx;
      out[yo * width + xo] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
  return { width, height, data: out };
}
