/**
 * One page image → the page model, as if the page had a text layer: binarise (adaptive), deskew
 * (±8°), denoise, find table rulings, remove them (tesseract reads rulings as | and 一), OCR the
 * rest, and convert words (pixels) to runs and rulings to segments (PDF points). Coordinates are
 * those of the deskewed page: within a few points of the scan for skews up to 3°.
 */
import type { PageContent, Segment, TextRun } from "../layout/page-model.js";
import { type GridCell, rulingsToGrids } from "../layout/rulings-to-grid.js";
import { comparisonGlyph } from "./glyph-shape.js";
import { chooseTurn, orientPage, turnContent, turnRaster, type UprightJudge } from "./orientation.js";
import type { PageRaster } from "./page-image.js";
import {
  binarize,
  crop,
  denoise,
  estimateSkew,
  estimateTextHeight,
  findRulings,
  type GrayImage,
  quarterTurn,
  removeRulings,
  rotate,
  scale,
  toPgm,
} from "./raster/index.js";
import { repairNumericText, repairTargetText } from "./repair-numbers.js";
import type { OcrWord, OcrPool as TesseractPool } from "./tesseract-pool.js";

/** What the page reader needs of tesseract.js: the pool itself, or the batch's OCR service. */
export type OcrPool = Pick<TesseractPool, "recognize">;

/** Scans are deskewed within ±MAX_SKEW degrees (measured: a page fed 4–4.5° askew lost every table at ±3). */
const MAX_SKEW = 8;

/** Skew below this (degrees) is left alone: rotating costs time and blurs strokes. */
const MIN_SKEW = 0.05;

/**
 * Scans below UPSCALE_BELOW_DPI are resampled up to OCR_MIN_DPI before OCR (measured: README, OCR) —
 * but never so far that the characters grow past MAX_TEXT_HEIGHT px: a PDF's page size, and so the
 * resolution it implies, may be anything (a 150 dpi scan on a page claiming 96 dpi).
 */
const OCR_MIN_DPI = 300;
const UPSCALE_BELOW_DPI = 270;
const MAX_TEXT_HEIGHT = 48;

function upscaleFactor(r: PageRaster): number {
  if (r.dpi >= UPSCALE_BELOW_DPI) return 1;
  const height = estimateTextHeight(binarize({ width: r.width, height: r.height, data: r.data }));
  const factor = Math.min(OCR_MIN_DPI / r.dpi, height ? MAX_TEXT_HEIGHT / height : 3, 3);
  return factor >= 1.1 ? factor : 1;
}

function upscale(r: PageRaster, factor: number): PageRaster {
  const img = scale({ width: r.width, height: r.height, data: r.data }, factor);
  return {
    ...r,
    ...img,
    scaleX: r.scaleX * (img.width / r.width),
    scaleY: r.scaleY * (img.height / r.height),
    dpi: Math.round(r.dpi * (img.width / r.width)),
  };
}

export interface OcrPageResult {
  content: PageContent;
  skew: number;
  meanConfidence: number;
  ms: number;
}

/** Pieces of text line tesseract judges for orientation, and their length in line heights. */
const JUDGE_PIECES = 4;
const JUDGE_ASPECT = 8;
/**
 * Below this mean confidence an upright-looking page is judged for being upside down (measured:
 * tesseract's mean word confidence 90 on an upright scanned page, 23 on the same page turned 180°).
 * Judging costs 2 × JUDGE_PIECES line readings, so confidently read pages are not judged.
 */
const UPSIDE_DOWN_DOUBT = 60;

/**
 * tesseract's judgement of line pieces (orientation.ts): its confidence reading each piece as it
 * is against reading it turned 180°.
 */
function tesseractJudge(pool: OcrPool, dpi: number): UprightJudge {
  const conf = async (c: GrayImage): Promise<number> =>
    meanConf(await pool.recognize(toPgm(pad(c)), { psm: "7", dpi }));
  return (pieces) =>
    Promise.all(
      pieces.map(async (c) => {
        const [up, down] = await Promise.all([conf(c), conf(quarterTurn(c, 180))]);
        return (up - down) / 100;
      }),
    );
}

/**
 * One page image → the page model, read by tesseract. A page whose lines run down the page is
 * turned upright first (orientation.ts); one read with low confidence is judged for being upside
 * down, and read again turned when it is.
 */
export async function ocrPage(
  scan: PageRaster,
  scanContent: PageContent,
  pool: OcrPool,
): Promise<OcrPageResult> {
  const t0 = performance.now();
  const judge = tesseractJudge(pool, scan.dpi);
  const options = { checkUpsideDown: false, aspect: JUDGE_ASPECT, maxPieces: JUDGE_PIECES };
  const oriented = await orientPage(scan, scanContent, judge, options);
  let done = await readUpright(oriented.raster, oriented.content, pool);
  if (oriented.orientation.turn === 0 && oriented.lines && done.meanConfidence < UPSIDE_DOWN_DOUBT) {
    const again = await chooseTurn(scan, oriented.lines, judge, { ...options, checkUpsideDown: true });
    if (again.turn === 180) {
      const turned = await readUpright(
        turnRaster(scan, 180, scanContent.width, scanContent.height),
        turnContent(scanContent, 180),
        pool,
      );
      if (turned.meanConfidence > done.meanConfidence) done = turned;
    }
  }
  return { ...done, ms: Math.round(performance.now() - t0) };
}

async function readUpright(input: PageRaster, content: PageContent, pool: OcrPool): Promise<OcrPageResult> {
  const t0 = performance.now();
  let raster = input;
  // Small print is first resampled up: tesseract loses digits of small print (9 → 3 at 200 dpi), and
  // binarisation keeps the strokes smoother at the finer grid.
  const factor = process.env.SELFEVAL_OCR_UPSCALE === "0" ? 1 : upscaleFactor(raster);
  if (factor > 1) raster = upscale(raster, factor);
  let gray: GrayImage = { width: raster.width, height: raster.height, data: raster.data };
  let bin = binarize(gray);
  const skew = estimateSkew(bin, MAX_SKEW);
  if (Math.abs(skew) >= MIN_SKEW) {
    gray = rotate(gray, -skew);
    bin = binarize(gray);
  }
  bin = denoise(bin);
  // Rulings are found on their own mask: scanned table lines are often light gray (a 0.5 pt rule
  // blurred by the scanner), which the adaptive text binarisation rightly treats as background.
  const rulings = findRulings(lineMask(gray));
  const clean = removeRulings(bin, rulings);
  const toX = (px: number): number => raster.originX + px / raster.scaleX;
  const toY = (py: number): number => raster.originY + py / raster.scaleY;
  const segments: Segment[] = rulings.map((l) =>
    l.orient === "h"
      ? { orient: "h", pos: toY(l.pos), from: toX(l.from), to: toX(l.to) }
      : { orient: "v", pos: toX(l.pos), from: toY(l.from), to: toY(l.to) },
  );
  // Table cells are read one by one with a segmentation mode that fits them (a single line or a
  // block): on the whole page, tesseract often misreads a lone number in a cell ("1,010.4" → "LOI").
  const cells = rulingsToGrids(segments).flatMap((g) => g.cells);
  const toPx = (c: GridCell): [number, number, number, number] => [
    Math.round((c.x0 - raster.originX) * raster.scaleX),
    Math.round((c.y0 - raster.originY) * raster.scaleY),
    Math.round((c.x1 - raster.originX) * raster.scaleX),
    Math.round((c.y1 - raster.originY) * raster.scaleY),
  ];
  const textHeight = estimateTextHeight(clean) ?? raster.dpi / 6;
  const masked = cells.length > 0 ? maskCells(clean, cells.map(toPx)) : clean;
  // A cell read poorly from the binarised page is read again from the gray image (rulings
  // whitened), where tesseract's own thresholding of the small crop sometimes keeps more detail.
  const grayClean = removeRulings(gray, rulings);
  const [pageWords, ...cellWords] = await Promise.all([
    pool.recognize(toPgm(masked), { psm: "3", dpi: raster.dpi }),
    ...cells.map((c) => ocrCell([clean, grayClean], toPx(c), textHeight, pool, raster.dpi)),
  ]);
  // Numbers first (their own crops), then whole lines, which must keep the numbers so found.
  const [pageRefined, cellsRefined] = await Promise.all([
    refineNumbers(pageWords, clean, pool, raster.dpi),
    refineNumbers(cellWords.flat(), clean, pool, raster.dpi),
  ]);
  const words = [...(await rereadDoubtfulLines(pageRefined, grayClean, pool, raster.dpi)), ...cellsRefined];
  const runs: TextRun[] = joinUnitWords(words).map((w) => wordToRun(w, toX, toY, raster.scaleY));
  const meanConfidence = words.length > 0 ? words.reduce((a, w) => a + w.confidence, 0) / words.length : 0;
  return {
    content: {
      ...content,
      runs,
      segments,
      source: "ocr",
      kindReason: `${content.kindReason}; read by OCR at ${raster.dpi} dpi (${raster.source}), deskewed ${skew.toFixed(2)}°, ${words.length} words, mean confidence ${Math.round(meanConfidence)}`,
    },
    skew,
    meanConfidence,
    ms: Math.round(performance.now() - t0),
  };
}

export function wordToRun(
  w: OcrWord,
  toX: (px: number) => number,
  toY: (py: number) => number,
  scaleY: number,
): TextRun {
  // tesseract's row height spans ascenders to descenders: about one em of the printed font.
  const fontSize = Math.max(4, Math.min(w.lineHeight, (w.y1 - w.y0) * 1.25) / scaleY);
  return {
    text: repairNumericText(w.text),
    x0: toX(w.x0),
    x1: toX(w.x1),
    y0: toY(w.y0),
    y1: toY(w.y1),
    fontSize,
    fontName: "ocr",
    conf: Math.round(w.confidence),
    baseline: toY(w.baseline),
  };
}

/** Pixels inside the table cells are whitened for the page pass: the cells are read on their own. */
function maskCells(img: GrayImage, boxes: ReadonlyArray<[number, number, number, number]>): GrayImage {
  const data = img.data.slice();
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
      data.fill(255, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x1));
  }
  return { width: img.width, height: img.height, data };
}

/** Three or more capitals (with dots or brackets) in a Chinese report's cell are misread Chinese… */
const LATIN_GARBAGE = /[A-Z]{3,}|[A-Z][a-z]?[A-Z]{2}/;
/** …unless they are one of the acronyms these reports use. */
const ACRONYMS =
  /^[(（]?(APP|UPS|PDF|GDP|CPI|PPP|LED|GPS|APP\d*|PC|IT|OA|ICT|5G|4G|CBD|VR|AR|AI)[)）.,，。;；]?$/;

/** White margin around a cell crop: tesseract finds text poorly when it touches the image edge. */
const PAD = 12;

/** Below this mean word confidence a cell is read a second time from the gray image. */
const RETRY_CONFIDENCE = 80;

const meanConf = (ws: readonly OcrWord[]): number =>
  ws.length > 0 ? ws.reduce((a, w) => a + w.confidence, 0) / ws.length : 0;

async function ocrCell(
  [bin, gray]: [GrayImage, GrayImage],
  [x0, y0, x1, y1]: [number, number, number, number],
  textHeight: number,
  pool: OcrPool,
  dpi: number,
): Promise<OcrWord[]> {
  // Inset past the (removed) rulings' remains.
  const inset = 3;
  const box = [x0 + inset, y0 + inset, x1 - inset, y1 - inset] as const;
  const c = crop(bin, ...box);
  if (c.width < 4 || c.height < 4) return [];
  let ink = 0;
  for (let i = 0; i < c.data.length; i++) if (c.data[i]! < 128) ink++;
  if (ink < 12) return [];
  const psm = c.height < textHeight * 2.2 ? "7" : "6";
  const padded = pad(c);
  let words = await pool.recognize(toPgm(padded), { psm, dpi });
  if (meanConf(words) < RETRY_CONFIDENCE && gray !== bin) {
    const again = await pool.recognize(toPgm(pad(crop(gray, ...box))), { psm, dpi });
    if (meanConf(again) > meanConf(words)) words = again;
  }
  // Capital-letter garbage in a cell of Chinese ("BRERA" for 有效提升): read it again with Chinese only.
  if (words.some((w) => LATIN_GARBAGE.test(w.text) && !ACRONYMS.test(w.text))) {
    const chinese = await pool.recognize(toPgm(pad(c)), { psm, dpi, chineseOnly: true });
    const garbage = (ws: readonly OcrWord[]): number =>
      ws.filter((w) => LATIN_GARBAGE.test(w.text) && !ACRONYMS.test(w.text)).length;
    if (chinese.length > 0 && garbage(chinese) < garbage(words) && meanConf(chinese) >= meanConf(words) - 10)
      words = chinese;
  }
  // A cell opening with a misread sign ("=85%", "295%", "Z120"): its pixels say whether it is ≥ / ≤.
  words = fixComparisonSign(words, padded);
  // A cell opening with 之 before a number is a misread ≥ (see repairTargetText).
  const first = words[0];
  if (first && (/^之\d/.test(first.text) || (first.text === "之" && /^\d/.test(words[1]?.text ?? "")))) {
    words = [{ ...first, text: first.text === "之" ? "≥" : repairTargetText(first.text) }, ...words.slice(1)];
  }
  return words.map((w) => shiftWord(w, box[0] - PAD, box[1] - PAD));
}

/**
 * A cell opening with a sign tesseract misread ("=85%", "295%", "Z120", "全90%", "么上年"): where the
 * first character's ink is a chevron over a bar, it is ≥ (or ≤); two flat bars read as "2" are "=".
 * A real 2 (one stroke) or a real character (not that shape) stays.
 */
export function fixComparisonSign(words: OcrWord[], img: GrayImage): OcrWord[] {
  const first = words[0];
  const sym = first?.symbols?.[0];
  if (!first || !sym || [...first.text].length !== first.symbols!.length) return words;
  if (!/^([=2]\d|\D\d|[全么Zz之])/u.test(first.text)) return words;
  const glyph = comparisonGlyph(img, sym);
  if (!glyph || glyph === first.text[0]) return words;
  if (glyph === "=" && first.text[0] !== "2") return words;
  return [
    {
      ...first,
      text: glyph + first.text.slice(1),
      symbols: [{ ...sym, text: glyph }, ...first.symbols!.slice(1)],
    },
    ...words.slice(1),
  ];
}

/** A word read from a crop, moved back to page pixels (character boxes too). */
function shiftWord(w: OcrWord, dx: number, dy: number): OcrWord {
  return {
    ...w,
    x0: w.x0 + dx,
    x1: w.x1 + dx,
    y0: w.y0 + dy,
    y1: w.y1 + dy,
    baseline: w.baseline + dy,
    symbols: w.symbols?.map((sy) => ({
      ...sy,
      x0: sy.x0 + dx,
      x1: sy.x1 + dx,
      y0: sy.y0 + dy,
      y1: sy.y1 + dy,
    })),
  };
}

function pad(c: GrayImage): GrayImage {
  const width = c.width + 2 * PAD;
  const out: GrayImage = {
    width,
    height: c.height + 2 * PAD,
    data: new Uint8Array(width * (c.height + 2 * PAD)).fill(255),
  };
  for (let y = 0; y < c.height; y++)
    out.data.set(c.data.subarray(y * c.width, (y + 1) * c.width), (y + PAD) * width + PAD);
  return out;
}

/** Numbers are what auditors check: a doubtful numeric word is read again on its own. */
const NUMBER_DOUBT = 75;
const NUMERIC_PART = /[-+]?\d[\d,.，。]*%?/;
/** A number as OCR may garble it: a stray symbol for a digit ("32£54,230.00"), a lost leading 1 (",222,006.62"). */
const GARBLED_NUMBER = /[,，.]?\d[\d,.，。£€¥§$]*\d%?|[,，.]\d{3}(?:,\d{3})*(?:\.\d+)?/;
// A lost leading "1," shows as a number opening with an ASCII separator and a full group
// (",222,006.62"); "，2022" after Chinese text is just a comma before a year.
const looksGarbled = (s: string): boolean => /\d[£€¥§$]\d/.test(s) || /^[,.]\d{3}[,.]/.test(s);

/**
 * A word with digits read with low confidence, with a digit after its % sign ("41.26%4"), or with
 * a percentage of three or more decimals ("98.420%", reports print two: tesseract adds a digit
 * when a % is followed by 。) is read again from a crop of just its number (by tesseract's
 * character boxes) as a single line; the new reading replaces the number only if tesseract is
 * more confident of it and it parses as a number.
 */
export async function refineNumbers(
  words: OcrWord[],
  bin: GrayImage,
  pool: OcrPool,
  dpi: number,
): Promise<OcrWord[]> {
  return Promise.all(
    words.map(async (w) => {
      const g = GARBLED_NUMBER.exec(w.text);
      const garbled = g !== null && looksGarbled(g[0]);
      const m = garbled ? g : NUMERIC_PART.exec(w.text);
      if (!m) return w;
      const tooPrecise = /\.\d{3,}%/.test(m[0]);
      if (w.confidence >= NUMBER_DOUBT && !/%\d/.test(w.text) && !tooPrecise && !garbled) return w;
      // The number's own box from the character boxes (the whole word box when they are missing).
      let box = { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 };
      const syms = w.symbols ?? [];
      if (syms.length === [...w.text].length) {
        const first = [...w.text.slice(0, m.index)].length;
        const part = syms.slice(first, first + [...m[0]].length);
        if (part.length > 0) {
          box = {
            x0: Math.min(...part.map((p) => p.x0)),
            y0: Math.min(...part.map((p) => p.y0)),
            x1: Math.max(...part.map((p) => p.x1)),
            y1: Math.max(...part.map((p) => p.y1)),
          };
        }
      }
      const c = crop(bin, box.x0 - 5, Math.min(box.y0, w.y0) - 6, box.x1 + 5, Math.max(box.y1, w.y1) + 6);
      if (c.width < 6 || c.height < 6) return w;
      const again = await pool.recognize(toPgm(pad(c)), { psm: "7", dpi });
      const againText = again.map((a) => a.text).join("");
      const n = NUMERIC_PART.exec(againText);
      let number = n?.[0].replace(/[.,，。]+$/, "");
      // A first reading that lost its leading digit(s) (",204,617.20") and a re-read that found them
      // but lost the separator after them ("1204,617.20"): each confirms what the other lacks.
      const lostLead = /^[,，]\d{3}/.test(m[0]) ? m[0].slice(1) : undefined; // "204,617.20"
      if (number && lostLead) {
        const whole = new RegExp(`^(\\d{1,3}),?${lostLead.replace(/[.,]/g, "\\$&")}$`).exec(number);
        if (whole) number = `${whole[1]},${lostLead}`;
      }
      if (!number || !/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/.test(number)) return w;
      const conf = meanConf(again);
      const fixesPrecision = tooPrecise && /\.\d{1,2}%$/.test(number);
      // A well-formed first reading ("1,561,500.00") is not traded for one with fewer digits.
      const digits = (s: string): number => s.replace(/\D/g, "").length;
      if (/^\d{1,3}(,\d{3})+(\.\d+)?/.test(m[0]) && digits(number) < digits(m[0].replace(/%.*$/, "")))
        return w;
      // A crop that clipped a digit at its edge shows the remains as a bracket or bar before the
      // number (")2.7" for "82.7"): such a reading with fewer digits is not taken.
      const clipped = /[)(|\][lI!]$/.test(againText.slice(0, n!.index));
      if (clipped && digits(number) < digits(m[0].replace(/%.*$/, ""))) return w;
      // A garbled first reading gives way to any well-formed one tesseract is fairly sure of.
      if (conf <= w.confidence && !fixesPrecision && !(garbled && conf >= 60)) return w;
      // Keep what surrounds the number in the first reading; drop a stray digit after a % sign.
      const before = w.text.slice(0, m.index);
      const after = w.text.slice(m.index + m[0].length).replace(/^\d+/, "");
      return { ...w, text: `${before}${number}${after}`, confidence: Math.max(w.confidence, conf) };
    }),
  );
}

/**
 * Pixels clearly darker than the paper: the paper's brightness is a high percentile of the page
 * (most of a page is paper), and anything 30 levels darker counts as ink for line finding.
 */
export function lineMask(gray: GrayImage): GrayImage {
  const hist = new Uint32Array(256);
  for (let i = 0; i < gray.data.length; i++) hist[gray.data[i]!]!++;
  let acc = 0;
  let paper = 255;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= gray.data.length * 0.6) {
      paper = v;
      break;
    }
  }
  const t = Math.min(220, paper - 30);
  const data = new Uint8Array(gray.data.length);
  for (let i = 0; i < data.length; i++) data[i] = gray.data[i]! < t ? 0 : 255;
  return { width: gray.width, height: gray.height, data };
}

/**
 * 元 misread as "JT"/"TT"/"兀" often comes as a word of its own right after the amount; the repair
 * in repairNumericText needs them together, so such a word is folded into the number before it.
 */
export function joinUnitWords(words: readonly OcrWord[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const m = /^(JT|jT|iT|IT|lT|TT|Tt|7T|7t|JC|兀)(?![A-Za-z])/.exec(w.text);
    if (
      m &&
      prev &&
      /\d[,.]\d{2,3}$/.test(prev.text) &&
      Math.abs(prev.baseline - w.baseline) < w.lineHeight / 2 &&
      w.x0 - prev.x1 < w.lineHeight
    ) {
      out[out.length - 1] = { ...prev, text: `${prev.text}元`, x1: Math.max(prev.x1, w.x1) };
      const rest = w.text.slice(m[0].length);
      if (rest) out.push({ ...w, text: rest });
      continue;
    }
    out.push(w);
  }
  return out;
}

/** A short Latin word among Chinese ones is usually Chinese that the English model claimed (人 → A). */
const STRAY_LATIN = /^[A-Za-z]{1,4}[;:,.。，；：]?$/;
const HAN = /[\u4e00-\u9fff]/;

/**
 * Page lines holding a stray Latin word or a very doubtful word are read again as a single line
 * (psm 7) from the gray image; the new reading replaces every word inside the line's box when
 * tesseract is more confident of it (or as confident and free of the stray Latin) and it keeps
 * every number that was read with confidence or is well-formed. Measured on scans: "120 A;" →
 * "120 人;", "RAE 75 Ao" → "…人员 75 人。".
 */
async function rereadDoubtfulLines(
  words: readonly OcrWord[],
  gray: GrayImage,
  pool: OcrPool,
  dpi: number,
): Promise<OcrWord[]> {
  const lines: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0)) {
    const line = lines.find(
      (l) => Math.abs(l[0]!.baseline - w.baseline) < Math.max(l[0]!.lineHeight, w.lineHeight) / 2,
    );
    if (line) line.push(w);
    else lines.push([w]);
  }
  const stray = (ws: readonly OcrWord[]): number => ws.filter((w) => STRAY_LATIN.test(w.text)).length;
  const inside = (w: OcrWord, b: [number, number, number, number]): boolean => {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    return cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3];
  };
  const rereads = await Promise.all(
    lines.map(async (line) => {
      const hasHan = line.some((w) => HAN.test(w.text));
      if (!line.some((w) => (hasHan && STRAY_LATIN.test(w.text)) || w.confidence < 50)) return undefined;
      const box: [number, number, number, number] = [
        Math.max(0, Math.min(...line.map((w) => w.x0)) - 8),
        Math.max(0, Math.min(...line.map((w) => w.y0)) - 6),
        Math.max(...line.map((w) => w.x1)) + 8,
        Math.max(...line.map((w) => w.y1)) + 6,
      ];
      const c = crop(gray, ...box);
      if (c.width < 8 || c.height < 8) return undefined;
      const again = await pool.recognize(toPgm(pad(c)), { psm: "7", dpi });
      return { box, again: again.map((w) => shiftWord(w, box[0] - PAD, box[1] - PAD)) };
    }),
  );
  let out = [...words];
  const taken: Array<[number, number, number, number]> = [];
  for (const r of rereads) {
    if (!r || r.again.length === 0) continue;
    const { box, again } = r;
    const overlaps = taken.some((t) => t[0] < box[2] && box[0] < t[2] && t[1] < box[3] && box[1] < t[3]);
    if (overlaps) continue;
    const covered = out.filter((w) => inside(w, box));
    const better =
      meanConf(again) > meanConf(covered) ||
      (stray(again) < stray(covered) && meanConf(again) >= meanConf(covered) - 3);
    // Never trade a confidently read or well-formed number ("1,561,500.00") for a different one.
    const newText = again.map((w) => w.text).join("");
    // (numbers read as several words are judged joined: "1," + "561,500.00").
    const oldText = [...covered]
      .sort((x, y) => x.x0 - y.x0)
      .map((w) => w.text)
      .join("");
    const confident = meanConf(covered.filter((w) => /\d/.test(w.text))) >= NUMBER_DOUBT;
    const keepsNumbers = (oldText.match(/\d[\d,.]*\d|\d/g) ?? [])
      .filter((num) => confident || /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(num))
      .every((num) => newText.includes(num));
    if (!better || !keepsNumbers) continue;
    out = [...out.filter((w) => !inside(w, box)), ...again];
    taken.push(box);
  }
  return out;
}
