import type { GrayImage } from "./gray-image.js";

/**
 * Rotates about the image centre by `deg` degrees, positive = clockwise as seen on screen (y grows
 * downwards), the same convention as ImageMagick's `-rotate` and as estimateSkew(); so
 * rotate(img, -estimateSkew(img)) deskews. Bilinear sampling; the output keeps the input size, so
 * corners that come from outside the source are filled with `background`.
 */
export function rotate(img: GrayImage, deg: number, background = 255): GrayImage {
  const { width: w, height: h, data } = img;
  if (deg === 0 || w === 0 || h === 0) return { width: w, height: h, data: data.slice() };
  const out = new Uint8Array(w * h);
  const rad = (deg * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const bg = background;
  const sample = (x: number, y: number): number =>
    x >= 0 && x < w && y >= 0 && y < h ? data[y * w + x]! : bg;
  for (let yo = 0; yo < h; yo++) {
    const dy = yo - cy;
    // Inverse mapping (output → source) is a rotation by −deg; it is affine in xo, so step it.
    let sx = cx - cx * cos + dy * sin;
    let sy = cy + cx * sin + dy * cos;
    const base = yo * w;
    for (let xo = 0; xo < w; xo++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let v: number;
      if (x0 >= 0 && y0 >= 0 && x0 < w - 1 && y0 < h - 1) {
        const i = y0 * w + x0;
        const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        const bottom = data[i + w]! + (data[i + w + 1]! - data[i + w]!) * fx;
        v = top + (bottom - top) * fy;
      } else if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
        v = bg;
      } else {
        const top = sample(x0, y0) + (sample(x0 + 1, y0) - sample(x0, y0)) * fx;
        const bottom = sample(x0, y0 + 1) + (sample(x0 + 1, y0 + 1) - sample(x0, y0 + 1)) * fx;
        v = top + (bottom - top) * fy;
      }
      out[base + xo] = v + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}
