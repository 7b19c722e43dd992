/**
 * Glyphs cut from the page's rendering at their text-run positions, resampled so that the em is
 * EM_PX pixels high: every glyph then sits on one baseline at one size, whatever size it was
 * printed at, and its place in the em (a comma low, an apostrophe high) survives the cut. A strip
 * is one or more consecutive glyphs of a run: a glyph alone, or with its neighbours as printed
 * (OCR reads a character better in its context).
 */
import type { Segment } from "../layout/page-model.js";
import type { PageRaster } from "../ocr/page-image.js";
import { createGray, type GrayImage } from "../ocr/raster/index.js";

/** The em in pixels of a cut glyph: tesseract reads Chinese best at 30–50 px character height. */
export const EM_PX = 48;
/** The cut spans this much of the em above the baseline and below it. */
const ASCENT = 1.0;
const DESCENT = 0.25;
/** A pixel darker than this is ink. */
const INK = 128;
/** Ink pixels a glyph needs to be more than a speck (a blank glyph's cut may catch a neighbour's edge). */
const MIN_INK = 3;

export interface StripPart {
  /** Pixel columns of the glyph's advance box in the strip. */
  x0: number;
  x1: number;
  /** The glyph shows ink: a glyph without ink is a space. */
  inked: boolean;
}

export interface GlyphStrip {
  image: GrayImage;
  parts: StripPart[];
}

/** Glyphs on one baseline at one size (a glyph line or run). */
export interface PrintedGlyphs {
  baseline: number;
  fontSize: number;
  glyphs: ReadonlyArray<{ x0: number; x1: number }>;
}

/** Glyphs [from, to) of `run`, cut from `r`. */
export function cropStrip(
  r: PageRaster,
  run: PrintedGlyphs,
  from: number,
  to: number,
  em = EM_PX,
): GlyphStrip {
  const glyphs = run.glyphs.slice(from, to);
  const ptPerPx = run.fontSize / em;
  const left = glyphs[0]!.x0;
  const right = glyphs[glyphs.length - 1]!.x1;
  const width = Math.max(1, Math.round((right - left) / ptPerPx));
  const height = Math.round((ASCENT + DESCENT) * em);
  const image = createGray(width, height);
  const top = run.baseline - ASCENT * run.fontSize;
  // Source pixels per output pixel: above ~1.5 the cut averages a small box instead of one sample.
  const step = ptPerPx * r.scaleX;
  const sub = step > 1.5 ? Math.min(4, Math.ceil(step)) : 1;
  const inkCols = new Uint16Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < sub; j++) {
        for (let i = 0; i < sub; i++) {
          const px = (left + (x + (i + 0.5) / sub) * ptPerPx - r.originX) * r.scaleX - 0.5;
          const py = (top + (y + (j + 0.5) / sub) * ptPerPx - r.originY) * r.scaleY - 0.5;
          sum += bilinear(r, px, py);
        }
      }
      const v = Math.round(sum / (sub * sub));
      image.data[y * width + x] = v;
      if (v < INK) inkCols[x]!++;
    }
  }
  const parts = glyphs.map((g) => {
    const x0 = Math.max(0, Math.round((g.x0 - left) / ptPerPx));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.round((g.x1 - left) / ptPerPx)));
    let ink = 0;
    for (let x = x0; x < x1; x++) ink += inkCols[x]!;
    return { x0, x1, inked: ink >= MIN_INK };
  });
  return { image, parts };
}

/**
 * Table rulings whitened on the page's pixels (±1.5 px about each line): a ruling through a cut
 * would be read as a character (| or 一) of its own.
 */
export function eraseRulings(r: PageRaster, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.orient === "h") {
      const y = (s.pos - r.originY) * r.scaleY;
      const x0 = Math.max(0, Math.floor((s.from - r.originX) * r.scaleX));
      const x1 = Math.min(r.width, Math.ceil((s.to - r.originX) * r.scaleX));
      for (let yy = Math.max(0, Math.floor(y - 1.5)); yy <= Math.min(r.height - 1, Math.ceil(y + 1.5)); yy++)
        r.data.fill(255, yy * r.width + x0, yy * r.width + x1);
    } else {
      const x = (s.pos - r.originX) * r.scaleX;
      const y0 = Math.max(0, Math.floor((s.from - r.originY) * r.scaleY));
      const y1 = Math.min(r.height, Math.ceil((s.to - r.originY) * r.scaleY));
      const xa = Math.max(0, Math.floor(x - 1.5));
      const xb = Math.min(r.width - 1, Math.ceil(x + 1.5));
      for (let yy = y0; yy < y1; yy++) r.data.fill(255, yy * r.width + xa, yy * r.width + xb + 1);
    }
  }
}

function bilinear(r: PageRaster, x: number, y: number): number {
  if (x < 0 || y < 0 || x > r.width - 1 || y > r.height - 1) return 255;
  const xi = Math.min(r.width - 2, Math.floor(x));
  const yi = Math.min(r.height - 2, Math.floor(y));
  const fx = x - xi;
  const fy = y - yi;
  const i = yi * r.width + xi;
  const d = r.data;
  const top = d[i]! * (1 - fx) + d[i + 1]! * fx;
  const bottom = d[i + r.width]! * (1 - fx) + d[i + r.width + 1]! * fx;
  return top * (1 - fy) + bottom * fy;
}
