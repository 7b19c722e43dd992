/**
 * Line recognition with PP-OCR's CRNN/SVTR model and greedy CTC decoding: each crop is resized to
 * the model's 48 px height (width by its aspect), long lines are cut at blank columns, and each time step's best class is kept when
 * it is neither the blank nor a repeat of the step before. A character's horizontal place comes
 * from the time steps it was read at, so a line can be split into words and its characters boxed.
 */
import type { InferenceSession, Tensor as OrtTensor } from "onnxruntime-node";
import { crop, type GrayImage } from "../raster/index.js";
import { resizeTo } from "./resize.js";

export const REC_HEIGHT = 48;
/** Crops wider than this (after resizing to 48 px high) are squeezed: bounds a batch's memory. */
const MAX_REC_WIDTH = 3200;

export interface RecognizedChar {
  text: string;
  /** Probability of the character at its best time step (0–1). */
  prob: number;
  /** Horizontal extent in the crop's pixels. */
  x0: number;
  x1: number;
}

export interface LineReading {
  text: string;
  /** Mean character probability × 100 (0 for an empty reading). */
  confidence: number;
  chars: RecognizedChar[];
}

function recWidth(img: GrayImage): number {
  return Math.max(REC_HEIGHT / 4, Math.min(MAX_REC_WIDTH, Math.ceil((REC_HEIGHT * img.width) / img.height)));
}

/** Greedy CTC decoding of one crop's [T, C] probabilities; `step` is crop pixels per time step. */
export function ctcDecode(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  characters: readonly string[],
  step: number,
  usedSteps = steps,
): LineReading {
  const chars: RecognizedChar[] = [];
  let prev = -1;
  for (let t = 0; t < Math.min(steps, usedSteps); t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === prev) {
      const last = chars[chars.length - 1]!;
      last.x1 = (t + 1) * step;
      if (bestP > last.prob) last.prob = bestP;
    } else if (best !== 0) {
      chars.push({ text: characters[best] ?? "", prob: bestP, x0: t * step, x1: (t + 1) * step });
    }
    prev = best;
  }
  const text = chars.map((c) => c.text).join("");
  const confidence = chars.length > 0 ? (100 * chars.reduce((a, c) => a + c.prob, 0)) / chars.length : 0;
  return { text, confidence, chars };
}

/**
 * Where to cut a long line crop into pieces of at most `maxWidth` px: at the blankest column (the
 * middle of the widest run of columns with the least ink) in the last third before each limit, so no
 * character is cut — the recogniser's time grows faster than the width (its attention spans the
 * whole crop): measured 0.11 ms/px up to 640 px wide at 48 px high, 0.15 at 960, 0.22 at 2560.
 */
export function cutColumns(img: GrayImage, maxWidth: number): number[] {
  const { width: w, height: h, data } = img;
  if (w <= maxWidth) return [];
  const ink = new Uint16Array(w);
  // Only the middle rows count: the crop's margins catch remains of removed rulings and the
  // descenders of neighbouring lines, which would leave no column blank.
  for (let y = Math.floor(h * 0.2); y < Math.ceil(h * 0.8); y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) if (data[row + x]! < 128) ink[x]!++;
  }
  const cuts: number[] = [];
  let from = 0;
  while (w - from > maxWidth) {
    const lo = from + Math.floor(maxWidth * 0.66);
    const hi = from + maxWidth;
    let best = hi;
    let bestInk = Number.POSITIVE_INFINITY;
    let bestRun = -1;
    for (let x = lo; x < hi; x++) {
      let run = 0;
      while (x + run < hi && ink[x + run] === ink[x]) run++;
      const v = ink[x]!;
      if (v < bestInk || (v === bestInk && run > bestRun)) {
        bestInk = v;
        bestRun = run;
        best = x + Math.floor(run / 2);
      }
      x += Math.max(0, run - 1);
    }
    cuts.push(best);
    from = best;
  }
  return cuts;
}

/** Longest piece fed to the recogniser, in its own pixels (48 px high). */
const MAX_PIECE = 480;

export async function recognizeLines(
  session: InferenceSession,
  Tensor: typeof OrtTensor,
  characters: readonly string[],
  crops: readonly GrayImage[],
): Promise<LineReading[]> {
  const out: LineReading[] = [];
  for (const c of crops) {
    if (c.width < 2 || c.height < 2) {
      out.push({ text: "", confidence: 0, chars: [] });
      continue;
    }
    const limit = Math.floor((MAX_PIECE * c.height) / REC_HEIGHT);
    const edges = [0, ...cutColumns(c, limit), c.width];
    // Pieces overlap by about a character on each side of a cut, and each keeps the characters
    // centred on its side: a character the cut passes through (a hollow 日 or 口 has blank columns
    // inside) is read whole by both pieces and kept once.
    const overlap = Math.round(c.height);
    const pieces: RecognizedChar[][] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = Math.max(0, edges[i]! - overlap);
      const piece = crop(c, from, 0, Math.min(c.width, edges[i + 1]! + overlap), c.height);
      const r = await recognizeOne(session, Tensor, characters, piece);
      pieces.push(r.chars.map((ch) => ({ ...ch, x0: ch.x0 + from, x1: ch.x1 + from })));
    }
    const chars = mergePieces(pieces, edges, c.height);
    const text = chars.map((ch) => ch.text).join("");
    const confidence = chars.length > 0 ? (100 * chars.reduce((a, ch) => a + ch.prob, 0)) / chars.length : 0;
    out.push({ text, confidence, chars });
  }
  return out;
}

const mid = (ch: RecognizedChar): number => (ch.x0 + ch.x1) / 2;

/**
 * The characters of overlapping pieces (piece i read from edges[i] − overlap to edges[i+1] +
 * overlap) as one line: each piece keeps the characters whose time steps fall between its edges.
 * A CTC time step is not the character's centre, so a character the cut passes through can fall on
 * the far side of the cut in both pieces and be lost (measured: 部门 → 部 in a spaced-out title).
 * A character a piece dropped near a cut is put back where the kept characters leave a hole for it:
 * their neighbours there are over 1.6 of the line's median pitch apart and it lies at least 0.4 of
 * a pitch from both (a second reading of a kept character lies closer than that).
 */
export function mergePieces(
  pieces: readonly (readonly RecognizedChar[])[],
  edges: readonly number[],
  lineHeight: number,
): RecognizedChar[] {
  const kept = pieces
    .flatMap((p, i) => p.filter((ch) => mid(ch) >= edges[i]! && mid(ch) < edges[i + 1]!))
    .sort((a, b) => mid(a) - mid(b));
  if (pieces.length < 2) return kept;
  const gaps = kept.slice(1).map((ch, i) => mid(ch) - mid(kept[i]!));
  gaps.sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? lineHeight;
  const dropped = pieces
    .flatMap((p, i) =>
      p.filter((ch) => {
        const m = mid(ch);
        const outside = m < edges[i]! || m >= edges[i + 1]!;
        const nearCut = Math.min(Math.abs(m - edges[i]!), Math.abs(m - edges[i + 1]!)) < lineHeight;
        return outside && nearCut;
      }),
    )
    .sort((a, b) => b.prob - a.prob);
  for (const ch of dropped) {
    const m = mid(ch);
    const at = kept.findIndex((k) => mid(k) > m);
    const left = at === -1 ? kept[kept.length - 1] : at > 0 ? kept[at - 1] : undefined;
    const right = at === -1 ? undefined : kept[at];
    if (!left || !right) continue;
    if (mid(right) - mid(left) <= 1.6 * pitch) continue;
    if (Math.min(m - mid(left), mid(right) - m) < 0.4 * pitch) continue;
    kept.splice(at, 0, ch);
  }
  return kept;
}

/** One crop through the model (batches of several were slower per crop: measured 58 vs 37 ms). */
async function recognizeOne(
  session: InferenceSession,
  Tensor: typeof OrtTensor,
  characters: readonly string[],
  img: GrayImage,
): Promise<LineReading> {
  const w = recWidth(img);
  const resized = resizeTo(img, w, REC_HEIGHT);
  const plane = REC_HEIGHT * w;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = resized.data[i]! / 127.5 - 1;
    data[i] = v;
    data[plane + i] = v;
    data[2 * plane + i] = v;
  }
  const input = new Tensor("float32", data, [1, 3, REC_HEIGHT, w]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const output = result[session.outputNames[0]!]!;
  const [, steps, classes] = output.dims as [number, number, number];
  const reading = ctcDecode(output.data as Float32Array, 0, steps, classes, characters, img.width / steps);
  input.dispose();
  output.dispose();
  return reading;
}
