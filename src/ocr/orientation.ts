/**
 * Orientation of a scanned page before OCR: a page scanned sideways or upside down (turned 90°,
 * 180° or 270°) is turned upright, so either engine reads it as it reads any page.
 *
 * Two questions, answered the cheap way first (PaddleOCR asks them the same way: a line classifier,
 * `use_angle_cls`, decides 0° against 180°; its document classifier, PP-LCNet doc_ori, is not in the
 * npm models — tesseract's OSD needs its legacy engine and an extra language file):
 * 1. Do the text lines run across or down the page? Text lines are long and one character high; on
 *    a downscaled, binarised page, ink smeared along the lines joins each line into one long bar,
 *    smeared across them it does not. Measured on 10 pages scanned turned 90°/270° and 63 upright
 *    scans, each also turned 90° and 270° (200–300 dpi, prose and ruled tables, colour with seals;
 *    blank pages aside): the bars along the wrong axis were at most 1/27 of those along the right
 *    one on the turned scans and at most 1/6 on every other page, against the 1/4 required.
 * 2. Which of the two ways along that axis is up? The engine judges a few pieces of the longest
 *    lines both ways (PP-OCR: its 0°/180° direction classifier; tesseract: its confidence), and the
 *    page is turned the way the pieces read upright.
 * Coordinates of the page OCR reads are those of the turned page (PageContent.ocrTurn); the
 * record's boxes are turned back into the page's own frame (page-frame.ts).
 */
import type { PageContent } from "../layout/page-model.js";
import type { PageRaster } from "./page-image.js";
import {
  binarize,
  crop,
  estimateTextHeight,
  type GrayImage,
  inkComponents,
  type QuarterTurn,
  quarterTurn,
  scale,
  turnBox,
} from "./raster/index.js";

/** Long side (pixels) of the page the line test reads: text about 10–14 px high. */
const PROBE_SIZE = 1000;
/** Gaps along a line (text heights) that smearing closes: between characters, not between lines. */
const SMEAR_GAP = 0.4;
/** Lines along one axis must outweigh the other this many times before the page counts as sideways. */
const SIDEWAYS_RATIO = 4;
/** …and be at least this many: a page with a few stray bars stays as it is. */
const MIN_LINES = 3;
/** Lines whose pieces are judged, longest first, and pieces at most. */
const PROBE_LINES = 8;
const PROBE_PIECES = 16;
/**
 * An upright-looking page is turned 180° only on this much evidence (mean of the pieces' upright −
 * upside-down scores, −1 … 1), and when most pieces agree: a noisy judge must not turn a page that
 * reads fine.
 */
const FLIP_EVIDENCE = 0.3;

export interface PxBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageLines {
  /** "h": text lines run across the page (upright or upside down); "v": down it (turned 90°/270°). */
  axis: "h" | "v";
  /** Whether the lines along `axis` outweighed the others SIDEWAYS_RATIO times (else "h" is a default). */
  clear: boolean;
  /** The longest text lines, in the image's pixels. */
  lines: PxBox[];
  /** Text height in the image's pixels. */
  textHeight: number;
}

/**
 * Scores per piece of text line, each −1 … 1: positive when it reads upright, negative when upside
 * down (the engine's judgement; see the header).
 */
export type UprightJudge = (pieces: GrayImage[]) => Promise<number[]>;

function transpose(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) out[x * h + y] = data[row + x]!;
  }
  return { width: h, height: w, data: out };
}

/** Gaps of at most `gap` white pixels between ink along each row are filled. */
function smearRows(bin: GrayImage, gap: number): GrayImage {
  const { width: w, height: h } = bin;
  const d = bin.data.slice();
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (d[row + x]! >= 128) continue;
      if (last >= 0 && x - last > 1 && x - last - 1 <= gap) d.fill(0, row + last + 1, row + x);
      last = x;
    }
  }
  return { width: w, height: h, data: d };
}

/** Bars one text line high and at least three characters long (rulings are thinner, blocks taller). */
function lineBars(bin: GrayImage, th: number): { length: number; boxes: PxBox[] } {
  const cc = inkComponents(smearRows(bin, Math.max(1, Math.round(th * SMEAR_GAP))));
  let length = 0;
  const boxes: PxBox[] = [];
  for (let c = 0; c < cc.count; c++) {
    const w = cc.x1[c]! - cc.x0[c]!;
    const h = cc.y1[c]! - cc.y0[c]!;
    if (h < th * 0.5 || h > th * 1.8 || w < 3 * h) continue;
    length += w;
    boxes.push({ x0: cc.x0[c]!, y0: cc.y0[c]!, x1: cc.x1[c]!, y1: cc.y1[c]! });
  }
  return { length, boxes };
}

/**
 * Which way the page's text lines run, and its longest lines (see the header, step 1); undefined
 * for a page with too little text to tell (it is read as it is).
 */
export function textLines(img: GrayImage): PageLines | undefined {
  const k = Math.min(1, PROBE_SIZE / Math.max(img.width, img.height, 1));
  const bin = binarize(k < 1 ? scale(img, k) : img);
  const turned = transpose(bin);
  // The text height measured both ways and the smaller taken, so that a page turned 90° gets the
  // answer the page upright gets (measured across a turned page's lines, characters that touch
  // read as one and the estimate nearly doubled).
  const heights = [estimateTextHeight(bin), estimateTextHeight(turned)].filter((v) => v !== undefined);
  if (heights.length === 0) return undefined;
  const th = Math.min(...heights);
  const across = lineBars(bin, th);
  const down = lineBars(turned, th);
  const sideways = down.length > SIDEWAYS_RATIO * across.length && down.boxes.length >= MIN_LINES;
  const clear =
    sideways || (across.length > SIDEWAYS_RATIO * down.length && across.boxes.length >= MIN_LINES);
  const bars = sideways ? down.boxes.map((b) => ({ x0: b.y0, y0: b.x0, x1: b.y1, y1: b.x1 })) : across.boxes;
  if (bars.length === 0) return undefined;
  const len = (b: PxBox): number => Math.max(b.x1 - b.x0, b.y1 - b.y0);
  const lines = [...bars]
    .sort((a, b) => len(b) - len(a))
    .slice(0, PROBE_LINES)
    .map((b) => ({ x0: b.x0 / k, y0: b.y0 / k, x1: b.x1 / k, y1: b.y1 / k }));
  return { axis: sideways ? "v" : "h", clear, lines, textHeight: th / k };
}

/**
 * Pieces of the page's longest lines, each about `aspect` line heights long, as they look once the
 * page is turned by `turn`.
 */
export function linePieces(
  img: GrayImage,
  page: PageLines,
  turn: QuarterTurn,
  aspect: number,
  maxPieces = PROBE_PIECES,
): GrayImage[] {
  const pad = Math.round(page.textHeight * 0.2);
  const out: GrayImage[] = [];
  for (const b of page.lines) {
    const line = quarterTurn(crop(img, b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad), turn);
    if (line.width < 4 || line.height < 4) continue;
    const step = Math.round(line.height * aspect);
    const count = Math.max(1, Math.min(3, Math.floor(line.width / step)));
    for (let i = 0; i < count && out.length < maxPieces; i++)
      out.push(crop(line, i * step, 0, Math.min(line.width, (i + 1) * step), line.height));
  }
  return out;
}

export interface OrientOptions {
  /** Judge a page whose lines run across for being upside down (see chooseTurn). */
  checkUpsideDown: boolean;
  /** Length of a judged piece of line, in line heights (what the judge reads best). */
  aspect: number;
  /** Pieces judged at most (default PROBE_PIECES). */
  maxPieces?: number;
}

export interface Orientation {
  turn: QuarterTurn;
  /** Mean judged score of the pieces as turned (−1 … 1), when they were judged. */
  evidence?: number;
}

/**
 * The clockwise turn that makes the page upright (see the header, step 2). An upright-looking page
 * (lines across) is judged only when `checkUpsideDown` is set, and turned 180° only on clear
 * evidence; a sideways page is always judged, and turned whichever way reads better.
 */
export async function chooseTurn(
  img: GrayImage,
  page: PageLines,
  judge: UprightJudge,
  options: OrientOptions,
): Promise<Orientation> {
  // A page without clear lines either way is left as it is: no judge can say which way is up.
  if (page.axis === "h" && (!options.checkUpsideDown || !page.clear)) return { turn: 0 };
  const first: QuarterTurn = page.axis === "h" ? 0 : 90;
  const pieces = linePieces(img, page, first, options.aspect, options.maxPieces);
  if (pieces.length === 0) return { turn: first };
  const scores = await judge(pieces);
  const evidence = scores.reduce((a, s) => a + s, 0) / scores.length;
  const against = scores.filter((s) => s < 0).length;
  const flip = page.axis === "h" ? evidence < -FLIP_EVIDENCE && against > scores.length / 2 : evidence < 0;
  return { turn: (flip ? (first + 180) % 360 : first) as QuarterTurn, evidence };
}

/**
 * The page image turned clockwise by `turn`, with its pixels mapped to the turned page (a
 * `pageWidth` × `pageHeight` page turned the same way).
 */
export function turnRaster(
  raster: PageRaster,
  turn: QuarterTurn,
  pageWidth: number,
  pageHeight: number,
): PageRaster {
  if (turn === 0) return raster;
  const img = quarterTurn(raster, turn);
  const region = turnBox(
    [
      raster.originX,
      raster.originY,
      raster.originX + raster.width / raster.scaleX,
      raster.originY + raster.height / raster.scaleY,
    ],
    pageWidth,
    pageHeight,
    turn,
  );
  const odd = turn !== 180;
  return {
    ...raster,
    ...img,
    scaleX: odd ? raster.scaleY : raster.scaleX,
    scaleY: odd ? raster.scaleX : raster.scaleY,
    originX: region[0],
    originY: region[1],
  };
}

/** The page model of the page turned clockwise by `turn` (runs and rulings are OCR's to fill). */
export function turnContent(content: PageContent, turn: QuarterTurn): PageContent {
  if (turn === 0) return content;
  const odd = turn !== 180;
  return {
    ...content,
    ocrTurn: turn,
    width: odd ? content.height : content.width,
    height: odd ? content.width : content.height,
    images: content.images.map((im) => {
      const [x0, y0, x1, y1] = turnBox([im.x0, im.y0, im.x1, im.y1], content.width, content.height, turn);
      return { ...im, x0, y0, x1, y1 };
    }),
    runs: [],
    segments: [],
    kindReason: `${content.kindReason}; scanned turned, read turned ${turn}° clockwise`,
  };
}

/**
 * The page image of a page OCR read turned (PageContent.ocrTurn), as OCR read it: for re-reading a
 * value's box (cross-check.ts) from the same pixels.
 */
export function uprightRaster(raster: PageRaster, content: PageContent): PageRaster {
  const turn = content.ocrTurn ?? 0;
  if (turn === 0) return raster;
  const odd = turn !== 180;
  // content is the turned page: the page's own size is the other way round.
  return turnRaster(raster, turn, odd ? content.height : content.width, odd ? content.width : content.height);
}

/**
 * Orientation of one page image: the turn that makes it upright, the turned image and the turned
 * page model.
 */
export async function orientPage(
  raster: PageRaster,
  content: PageContent,
  judge: UprightJudge,
  options: OrientOptions,
): Promise<{ raster: PageRaster; content: PageContent; orientation: Orientation; lines?: PageLines }> {
  const lines = textLines(raster);
  const orientation = lines ? await chooseTurn(raster, lines, judge, options) : { turn: 0 as const };
  return {
    raster: turnRaster(raster, orientation.turn, content.width, content.height),
    content: turnContent(content, orientation.turn),
    orientation,
    lines,
  };
}
