/**
 * One page image → the page model, read by PP-OCR: turned upright when it was scanned sideways or
 * upside down (orientation.ts, judged by the direction classifier), deskew (±8°) on the binarised page, find and
 * remove table rulings, detect text segments on the gray page, split a segment where a table's cell
 * border crosses it, recognise every segment and split its reading into words (at spaces and wide
 * gaps between characters). Gray, not binarised, is what PP-OCR reads best (it was trained on
 * photographs and scans); binarisation only serves deskew, rulings and the text-height estimate.
 */
import type { PageContent, Segment, TextRun } from "../../layout/page-model.js";
import { rulingsToGrids } from "../../layout/rulings-to-grid.js";
import { lineMask, type OcrPageResult, wordToRun } from "../ocr-page.js";
import { orientPage } from "../orientation.js";
import type { PageRaster } from "../page-image.js";
import {
  binarize,
  crop,
  estimateSkew,
  estimateTextHeight,
  findRulings,
  type GrayImage,
  removeRulings,
  rotate,
} from "../raster/index.js";
import type { OcrWord } from "../tesseract-pool.js";
import type { LineReading } from "./ctc-recognize.js";
import type { TextBox } from "./db-detect.js";
import { fixComparisonReading, inkRows, rereadDropped } from "./reading-fixes.js";

const MAX_SKEW = 8;
const MIN_SKEW = 0.05;

/** Text height (px) the detector is fed: PP-OCR's detector was trained on text about this size. */
const DETECT_TEXT_HEIGHT = 22;
/** Bounds of the detector input (pixels): about 40 MB of float input and a few hundred MB inside. */
const DETECT_MAX_PIXELS = 3.2e6;

export interface PaddleModelsRunner {
  detect(img: GrayImage, o: { scale: number; maxPixels: number }): Promise<TextBox[]>;
  recognize(crops: readonly GrayImage[]): Promise<LineReading[]>;
  /** Per line image: P(upright) − P(upside down) (the direction classifier). */
  classify(crops: readonly GrayImage[]): Promise<number[]>;
}

/** Pieces of text line the direction classifier judges: its input is 4 line heights long. */
const CLASSIFY_ASPECT = 4;

export async function paddlePage(
  scan: PageRaster,
  scanContent: PageContent,
  models: PaddleModelsRunner,
): Promise<OcrPageResult> {
  const t0 = performance.now();
  // The classifier is cheap (one batch of 16 small crops): every page is checked for 180° too.
  const { raster, content } = await orientPage(scan, scanContent, (pieces) => models.classify(pieces), {
    checkUpsideDown: true,
    aspect: CLASSIFY_ASPECT,
  });
  const { gray, bin, skew } = deskewPage(raster);
  const textHeight = estimateTextHeight(bin) ?? raster.dpi / 6;
  const rulings = findRulings(lineMask(gray));
  const clean = removeRulings(gray, rulings);
  const toX = (px: number): number => raster.originX + px / raster.scaleX;
  const toY = (py: number): number => raster.originY + py / raster.scaleY;
  const segments: Segment[] = rulings.map((l) =>
    l.orient === "h"
      ? { orient: "h", pos: toY(l.pos), from: toX(l.from), to: toX(l.to) }
      : { orient: "v", pos: toX(l.pos), from: toY(l.from), to: toY(l.to) },
  );
  const detected = await models.detect(clean, {
    scale: Math.min(2, Math.max(0.15, DETECT_TEXT_HEIGHT / textHeight)),
    maxPixels: DETECT_MAX_PIXELS,
  });
  // Cell borders in pixels: a segment crossing one is two cells' texts.
  const cuts = rulingsToGrids(segments).flatMap((g) =>
    g.cells.map((c) => ({
      x0: (c.x0 - raster.originX) * raster.scaleX,
      x1: (c.x1 - raster.originX) * raster.scaleX,
      y0: (c.y0 - raster.originY) * raster.scaleY,
      y1: (c.y1 - raster.originY) * raster.scaleY,
    })),
  );
  const boxes = splitAtCells(detected, cuts);
  const crops = boxes.map((b) => crop(clean, b.x0, b.y0, b.x1, b.y1));
  const first = (await models.recognize(crops)).map((r, i) => fixComparisonReading(r, crops[i]!));
  const readings = await rereadDropped(first, crops, models);
  const words = boxes.flatMap((b, i) => readingWords(readings[i]!, b, inkRows(crops[i]!)));
  const runs: TextRun[] = words.map((w) => wordToRun(w, toX, toY, raster.scaleY));
  const meanConfidence = words.length > 0 ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0;
  return {
    content: {
      ...content,
      runs,
      segments,
      source: "ocr",
      kindReason: `${content.kindReason}; read by OCR (PP-OCR) at ${raster.dpi} dpi (${raster.source}), deskewed ${skew.toFixed(2)}°, ${words.length} words, mean confidence ${Math.round(meanConfidence)}`,
    },
    skew,
    meanConfidence,
    ms: Math.round(performance.now() - t0),
  };
}

/**
 * The page image turned upright (within ±MAX_SKEW°) and its binarisation: the frame of every
 * coordinate PP-OCR gives. The same pixels always give the same skew, so a later re-read of a
 * value's box (cross-check.ts) crops the same place.
 */
export function deskewPage(raster: PageRaster): { gray: GrayImage; bin: GrayImage; skew: number } {
  let gray: GrayImage = { width: raster.width, height: raster.height, data: raster.data };
  let bin = binarize(gray);
  const skew = estimateSkew(bin, MAX_SKEW);
  if (Math.abs(skew) >= MIN_SKEW) {
    gray = rotate(gray, -skew);
    bin = binarize(gray);
  }
  return { gray, bin, skew };
}

interface PxBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A detected segment that spans several cells of a table row (text close to a removed border) is
 * cut at the borders into one box per cell. A segment inside one cell is kept within that cell's
 * borders, past the remains of the removed rulings that DB's margin reaches (measured: a border's
 * remains read as a leading "1" — 5% → 15% — or a trailing "E"). A segment that only straddles a
 * border, reaching no cell by more than a sliver, is such remains alone ("!", ".") and is dropped.
 * Segments outside tables stay.
 */
export function splitAtCells(boxes: readonly TextBox[], cells: readonly PxBox[]): PxBox[] {
  const out: PxBox[] = [];
  for (const b of boxes) {
    const cy = (b.y0 + b.y1) / 2;
    const h = b.y1 - b.y0;
    const touched = cells
      .filter(
        (c) => cy >= c.y0 && cy <= c.y1 && c.x1 - Math.max(c.x0, b.x0) > 0 && Math.min(c.x1, b.x1) - c.x0 > 0,
      )
      .map((c) => ({ c, w: Math.min(c.x1, b.x1) - Math.max(c.x0, b.x0) }));
    // A sliver of a neighbouring cell (the box's margin reaching over a border) is not a cell's text.
    const over = touched.filter((o) => o.w > h * 0.6);
    if (over.length === 0 && touched.length >= 2) continue;
    if (over.length === 0) {
      out.push(b);
      continue;
    }
    const inset = Math.max(2, Math.round(h * 0.06));
    for (const { c } of over) {
      const x0 = Math.max(b.x0, c.x0 + inset);
      const x1 = Math.min(b.x1, c.x1 - inset);
      // Rows likewise, unless the cell is too low for the box (a row the grid missed).
      const y0 = Math.max(b.y0, c.y0 + inset);
      const y1 = Math.min(b.y1, c.y1 - inset);
      const rows = y1 - y0 >= h * 0.7 ? { y0, y1 } : { y0: b.y0, y1: b.y1 };
      if (x1 - x0 >= 2) out.push({ x0, x1, ...rows });
    }
  }
  return out;
}

/** Latin letters, digits and their punctuation are about half as wide as a Chinese character. */
const NARROW = /[\x21-\x7e]/;

/**
 * A segment's reading as words: split at spaces and at gaps wider than the line's height between
 * two characters. A character's box is centred on the time steps it was read at, a Chinese
 * character as wide as the line is high and a narrow one half that, within the segment's box.
 */
export function readingWords(r: LineReading, box: PxBox, ink?: { top: number; bottom: number }): OcrWord[] {
  const h = box.y1 - box.y0;
  // Chinese characters fill about 0.9 of the em with ink, digits and Latin capitals about 0.72.
  const han = /[\u3400-\u9fff]/.test(r.text);
  const em = ink ? (ink.bottom - ink.top) / (han ? 0.9 : 0.72) : h * 0.72;
  const chars = r.chars.map((c) => {
    const mid = box.x0 + (c.x0 + c.x1) / 2;
    const half = NARROW.test(c.text) ? em * 0.28 : em * 0.5;
    return { ...c, cx0: Math.max(box.x0, mid - half), cx1: Math.min(box.x1, mid + half) };
  });
  const words: (typeof chars)[] = [];
  let cur: typeof chars = [];
  for (const c of chars) {
    const prev = cur[cur.length - 1];
    if (c.text === " ") {
      if (cur.length) words.push(cur);
      cur = [];
      continue;
    }
    if (prev && c.cx0 - prev.cx1 > h) {
      words.push(cur);
      cur = [];
    }
    cur.push(c);
  }
  if (cur.length) words.push(cur);
  // Without an ink measure: the line box holds DB's margin, its text sits in the middle 72 %.
  const y0 = ink ? box.y0 + ink.top : box.y0 + h * 0.14;
  const y1 = ink ? box.y0 + ink.bottom : box.y1 - h * 0.14;
  return words.map((ws) => ({
    text: ws.map((c) => c.text).join(""),
    confidence: (100 * ws.reduce((a, c) => a + c.prob, 0)) / ws.length,
    x0: ws[0]!.cx0,
    x1: ws[ws.length - 1]!.cx1,
    y0,
    y1,
    baseline: y1,
    lineHeight: em,
    symbols: ws.map((c) => ({ text: c.text, x0: c.cx0, y0, x1: c.cx1, y1 })),
  }));
}
