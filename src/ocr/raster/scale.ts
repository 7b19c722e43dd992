import type { GrayImage } from "./gray-image.js";

/**
 * Resamples by `factor` (> 0) with bilinear interpolation; pixel centres map onto pixel centres.
 * Used to bring low-resolution scans up to the resolution tesseract reads Chinese best at.
 */
export function scale(img: GrayImage, factor: number): GrayImage {
  const { width: w, height: h, data } = img;
  const ow = Math.max(1, Math.round(w * factor));
  const oh = Math.max(1, Math.round(h * factor));
  const out = new Uint8Array(ow * oh);
  if (w === 0 || h === 0) return { width: ow, height: oh, data: out.fill(255) };
  // Source x (16.16 fixed point) and weight for every output column, computed once.
  const xs = new Int32Array(ow);
  const fxs = new Uint16Array(ow);
  for (let xo = 0; xo < ow; xo++) {
    const sx = Math.min(w - 1, Math.max(0, (xo + 0.5) / factor - 0.5));
    xs[xo] = Math.min(w - 2, Math.floor(sx));
    fxs[xo] = Math.round((sx - xs[xo]!) * 256);
    if (w === 1) {
      xs[xo] = 0;
      fxs[xo] = 0;
    }
  }
  for (let yo = 0; yo < oh; yo++) {
    const sy = Math.min(h - 1, Math.max(0, (yo + 0.5) / factor - 0.5));
    const y0 = h === 1 ? 0 : Math.min(h - 2, Math.floor(sy));
    const fy = h === 1 ? 0 : Math.round((sy - y0) * 256);
    const r0 = y0 * w;
    const r1 = h === 1 ? r0 : r0 + w;
    const base = yo * ow;
    for (let xo = 0; xo < ow; xo++) {
      const x0 = xs[xo]!;
      const fx = fxs[xo]!;
      const x1 = w === 1 ? x0 : x0 + 1;
      const top = data[r0 + x0]! * (256 - fx) + data[r0 + x1]! * fx;
      const bottom = data[r1 + x0]! * (256 - fx) + data[r1 + x1]! * fx;
      out[base + xo] = (top * (256 - fy) + bottom * fy + 32768) >> 16;
    }
  }
  return { width: ow, height: oh, data: out };
}
