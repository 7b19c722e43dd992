/**
 * The one thing glyph decoding asks of an OCR engine: read a batch of small images — strips of
 * one or a few glyphs whose boxes are known — and say what each glyph shows and how sure it is.
 *
 * tesseract reads one big image far faster than as many small ones, so the tesseract reader lays
 * the strips out as sheets (rows on one baseline, a gap between strips), reads each sheet in one
 * call and gives the recognised characters of a row back to the row's glyphs in reading order.
 * Its character boxes cannot place them (measured: on clean sheets tesseract.js's LSTM boxes are
 * off by a whole glyph now and then); the order can, when the counts agree, and an alignment
 * guided by earlier readings of the same glyphs when they do not.
 */
import PQueue from "p-queue";
import { createGray, toPgm } from "../ocr/raster/index.js";
import type { OcrWord, Psm } from "../ocr/tesseract-pool.js";
import type { GlyphStrip } from "./glyph-crops.js";

export interface GlyphReading {
  /** What the glyph shows ("" when nothing was read). */
  text: string;
  /** 0–100. */
  conf: number;
}

export interface RecogniseOptions {
  /** Read with the Chinese model alone (full-width glyphs: no Latin garbage for a Chinese line). */
  chineseOnly?: boolean;
  /** Earlier readings of each strip's glyphs, to align a row read with too few or too many characters. */
  guides?: (strip: number, part: number) => readonly string[];
}

/** Readings per strip, per part (blank parts read ""). */
export type RecogniseGlyphs = (
  strips: readonly GlyphStrip[],
  options?: RecogniseOptions,
) => Promise<GlyphReading[][]>;

interface Placed {
  strip: number;
  x: number;
  row: number;
}

interface Target {
  strip: number;
  part: number;
  /** Centre of the glyph on the sheet, in pixels. */
  cx: number;
}

export interface Symbol {
  text: string;
  cx: number;
  conf: number;
}

/**
 * Sheet geometry (pixels): ~7 full-width glyphs a row, 40 rows a sheet. Short rows, because a row
 * read with a character too many or too few is lost (measured on a 3-page report: 21 % of single
 * glyphs lost at 20 a row, 5 % at 7).
 */
const SHEET_WIDTH = 560;
const ROWS = 40;
/** Blank between strips and between rows: tesseract then keeps strips apart and rows separate. */
const GAP = 20;

/** What the tesseract reader needs of the OCR service (OcrEngines, or a pool of tesseract.js workers). */
export interface TesseractService {
  size: number;
  recognize(image: Buffer, options?: { psm?: Psm; chineseOnly?: boolean }): Promise<OcrWord[]>;
}

export function tesseractGlyphReader(pool: TesseractService): RecogniseGlyphs {
  return async (strips, options = {}) => {
    const readings: GlyphReading[][] = strips.map((s) => s.parts.map(() => ({ text: "", conf: 0 })));
    if (strips.length === 0) return readings;
    const height = Math.max(...strips.map((s) => s.image.height));
    const pitch = height + GAP;
    // Lay the strips out left to right, wrapping at the sheet's width, a new sheet every ROWS rows.
    const sheets: Placed[][] = [[]];
    let x = GAP;
    let row = 0;
    strips.forEach((s, strip) => {
      if (x + s.image.width + GAP > SHEET_WIDTH && x > GAP) {
        x = GAP;
        row++;
        if (row === ROWS) {
          sheets.push([]);
          row = 0;
        }
      }
      sheets[sheets.length - 1]!.push({ strip, x, row });
      x += s.image.width + GAP;
    });
    // A few sheets at a time: a font with thousands of glyphs must not hold all its sheets at once.
    const queue = new PQueue({ concurrency: pool.size + 1 });
    await Promise.all(
      sheets.map((placed) =>
        queue.add(async () => {
          const rows = Math.max(...placed.map((p) => p.row)) + 1;
          const width = Math.max(...placed.map((p) => p.x + strips[p.strip]!.image.width)) + GAP;
          const sheet = createGray(width, GAP + rows * pitch);
          for (const p of placed) {
            const im = strips[p.strip]!.image;
            const top = GAP + p.row * pitch + (height - im.height);
            for (let y = 0; y < im.height; y++)
              sheet.data.set(im.data.subarray(y * im.width, (y + 1) * im.width), (top + y) * width + p.x);
          }
          const words = await pool.recognize(toPgm(sheet), { psm: "6", chineseOnly: options.chineseOnly });
          const symbolsByRow = new Map<number, Symbol[]>();
          for (const w of words) {
            const r = Math.floor(((w.y0 + w.y1) / 2 - GAP / 2) / pitch);
            const list = symbolsByRow.get(r) ?? [];
            const parts = w.symbols?.length ? w.symbols : [{ text: w.text, x0: w.x0, x1: w.x1 }];
            for (const s of parts)
              if (s.text.trim()) list.push({ text: s.text, cx: (s.x0 + s.x1) / 2, conf: w.confidence });
            symbolsByRow.set(r, list);
          }
          const targetsByRow = new Map<number, Target[]>();
          for (const p of placed) {
            const list = targetsByRow.get(p.row) ?? [];
            strips[p.strip]!.parts.forEach((part, i) => {
              if (part.inked) list.push({ strip: p.strip, part: i, cx: p.x + (part.x0 + part.x1) / 2 });
            });
            targetsByRow.set(p.row, list);
          }
          for (const [r, targets] of targetsByRow) {
            const guides = targets.map((t) => options.guides?.(t.strip, t.part) ?? []);
            const got = alignRow(symbolsByRow.get(r) ?? [], targets, guides, pitch);
            targets.forEach((t, i) => {
              readings[t.strip]![t.part] = got[i]!;
            });
          }
        }),
      ),
    );
    return readings;
  };
}

/** Costs of the alignment: a glyph left unread, or a character beyond one per glyph. */
const SKIP = 1;
/** A character against a glyph: agreeing with an earlier reading, unknown, disagreeing. */
const AGREE = 0;
const UNKNOWN = 0.35;
const DISAGREE = 0.7;
/** Per glyph pitch between a character's reported centre and its glyph's: weak (boxes drift). */
const DRIFT = 0.1;
/** A row read with too few or too many characters is less sure: its readings keep this share of confidence. */
const MISCOUNT = 0.7;

/**
 * Gives a row's recognised characters to its glyphs, in reading order: one each when the counts
 * agree; otherwise the cheapest alignment that leaves a glyph unread or gives a glyph two
 * characters, preferring characters that agree with earlier readings of the same glyph.
 */
export function alignRow(
  symbols: readonly Symbol[],
  targets: readonly { cx: number }[],
  guides: readonly (readonly string[])[],
  pitch: number,
): GlyphReading[] {
  const n = symbols.length;
  const m = targets.length;
  const out: GlyphReading[] = targets.map(() => ({ text: "", conf: 0 }));
  const same = (a: string, b: string): boolean => a.normalize("NFKC") === b.normalize("NFKC");
  const matchCost = (i: number, j: number): number => {
    const g = guides[j] ?? [];
    const base = g.length === 0 ? UNKNOWN : g.some((t) => same(t, symbols[i]!.text)) ? AGREE : DISAGREE;
    return base + (DRIFT * Math.abs(symbols[i]!.cx - targets[j]!.cx)) / pitch;
  };
  if (guides.every((g) => g.length === 0)) {
    // Nothing to align by: the order gives each glyph its character when the counts agree, and a
    // row read with a character too few or too many says nothing sure about any of its glyphs.
    if (n === m) {
      symbols.forEach((s, i) => {
        out[i] = { text: s.text, conf: s.conf };
      });
    }
    return out;
  }
  // cost[i][j]: symbols [0, i) given to glyphs [0, j); step 0 match, 1 glyph unread, 2 extra symbol.
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY));
  const step = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]![j]!;
      if (!Number.isFinite(here)) continue;
      if (i < n && j < m) {
        const c = here + matchCost(i, j);
        if (c < cost[i + 1]![j + 1]!) {
          cost[i + 1]![j + 1] = c;
          step[i + 1]![j + 1] = 0;
        }
      }
      if (j < m && here + SKIP < cost[i]![j + 1]!) {
        cost[i]![j + 1] = here + SKIP;
        step[i]![j + 1] = 1;
      }
      if (i < n && j > 0 && here + SKIP < cost[i + 1]![j]!) {
        cost[i + 1]![j] = here + SKIP;
        step[i + 1]![j] = 2;
      }
    }
  }
  const given: string[][] = targets.map(() => []);
  const confs: number[][] = targets.map(() => []);
  let miscounted = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i]![j]!;
    if (s === 0 || s === 2) {
      given[j - 1]!.unshift(symbols[i - 1]!.text);
      confs[j - 1]!.push(symbols[i - 1]!.conf);
      i--;
      if (s === 0) j--;
      else miscounted = true;
    } else {
      j--;
      miscounted = true;
    }
  }
  const keep = miscounted ? MISCOUNT : 1;
  return given.map((g, k) => ({ text: g.join(""), conf: g.length ? Math.min(...confs[k]!) * keep : 0 }));
}

/** What the line reader needs of the OCR service: OcrEngines.recognizeLines. */
export interface LineService {
  recognizeLines(
    crops: Array<{ width: number; height: number; data: Uint8Array }>,
    engine: "paddle" | "tesseract",
  ): Promise<
    Array<{
      text: string;
      confidence: number;
      chars: Array<{ text: string; prob: number; x0: number; x1: number }>;
    }>
  >;
}

/** White margin around a strip given to a line recogniser (pixels). */
const LINE_PAD = 8;

/**
 * PP-OCR reads each strip as one line (no sheets: its recogniser takes crops) and places every
 * character by the time steps it was read at, so characters go to the glyph whose box holds their
 * centre. A glyph given two characters, or none, reads as what it was given.
 */
export function lineGlyphReader(service: LineService): RecogniseGlyphs {
  return async (strips) => {
    const crops = strips.map((s) => {
      const { image } = s;
      const width = image.width + 2 * LINE_PAD;
      const out = createGray(width, image.height);
      for (let y = 0; y < image.height; y++)
        out.data.set(image.data.subarray(y * image.width, (y + 1) * image.width), y * width + LINE_PAD);
      return out;
    });
    const lines = await service.recognizeLines(crops, "paddle");
    return strips.map((s, i) => {
      const got = s.parts.map(() => ({ text: "", conf: 0, probs: [] as number[] }));
      for (const ch of lines[i]?.chars ?? []) {
        const cx = (ch.x0 + ch.x1) / 2 - LINE_PAD;
        const k = s.parts.findIndex((p) => cx >= p.x0 && cx < p.x1);
        if (k < 0) continue;
        got[k]!.text += ch.text;
        got[k]!.probs.push(ch.prob);
      }
      return got.map((g) => ({ text: g.text, conf: g.probs.length ? 100 * Math.min(...g.probs) : 0 }));
    });
  };
}
