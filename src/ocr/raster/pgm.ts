import type { GrayImage } from "./gray-image.js";

/**
 * Binary PGM (P5): a tiny header and the raw bytes. Leptonica, and so tesseract.js, reads it
 * directly, which avoids PNG compression (by far the slowest step when handing a page to OCR).
 */
export function toPgm(img: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, "ascii");
  const out = Buffer.allocUnsafe(header.length + img.width * img.height);
  header.copy(out, 0);
  out.set(img.data.subarray(0, img.width * img.height), header.length);
  return out;
}
