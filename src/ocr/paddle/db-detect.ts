/**
 * Text detection with PP-OCR's DB (differentiable binarisation) model: the page, resized so its
 * text is the size the model was trained on, becomes a map of "text here" probabilities; each
 * connected region above DB_THRESHOLD whose mean probability reaches BOX_THRESHOLD is a text
 * segment, grown back by DB's unclip distance (the model predicts shrunk kernels). Pages are
 * deskewed before detection, so segments are axis-aligned boxes.
 */
import type { InferenceSession, Tensor as OrtTensor } from "onnxruntime-node";
import { type GrayImage, inkComponents } from "../raster/index.js";
import { resizeTo } from "./resize.js";

/** PaddleOCR's defaults for DB post-processing. */
const DB_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;

/** ImageNet normalisation the detector was trained with (RGB; a gray page feeds all three). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Mean text probability inside the region (0–1). */
  score: number;
}

export interface DetectOptions {
  /** Page pixels → detector pixels. */
  scale: number;
  /** Upper bound of the detector's input (pixels): bounds the model's memory on huge pages. */
  maxPixels: number;
}

/** Detector input size: the page scaled, each side a multiple of 32 (the model's stride). */
export function detectorSize(width: number, height: number, o: DetectOptions): [number, number] {
  let s = o.scale;
  if (width * height * s * s > o.maxPixels) s = Math.sqrt(o.maxPixels / (width * height));
  const toStride = (v: number): number => Math.max(32, Math.round((v * s) / 32) * 32);
  return [toStride(width), toStride(height)];
}

export function detectorInput(img: GrayImage, w: number, h: number): Float32Array {
  const small = resizeTo(img, w, h);
  const n = w * h;
  const out = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) {
    const m = MEAN[c]!;
    const sd = STD[c]!;
    const base = c * n;
    for (let i = 0; i < n; i++) out[base + i] = (small.data[i]! / 255 - m) / sd;
  }
  return out;
}

/** Probability map (w × h, detector pixels) → text boxes in detector pixels. */
export function boxesFromProbabilities(prob: Float32Array, w: number, h: number): TextBox[] {
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = prob[i]! > DB_THRESHOLD ? 0 : 255;
  const cc = inkComponents({ width: w, height: h, data: mask });
  const sum = new Float64Array(cc.count);
  for (let r = 0; r < cc.runs; r++) {
    const row = cc.y[r]! * w;
    let s = 0;
    for (let x = cc.a[r]!; x < cc.b[r]!; x++) s += prob[row + x]!;
    sum[cc.label[r]!]! += s;
  }
  const out: TextBox[] = [];
  for (let c = 0; c < cc.count; c++) {
    const bw = cc.x1[c]! - cc.x0[c]!;
    const bh = cc.y1[c]! - cc.y0[c]!;
    if (Math.min(bw, bh) < 2) continue;
    const score = sum[c]! / cc.area[c]!;
    if (score < BOX_THRESHOLD) continue;
    // DB's unclip: offset the shrunk kernel by area × ratio / perimeter.
    const d = (bw * bh * UNCLIP_RATIO) / (2 * (bw + bh));
    out.push({
      x0: Math.max(0, cc.x0[c]! - d),
      y0: Math.max(0, cc.y0[c]! - d),
      x1: Math.min(w, cc.x1[c]! + d),
      y1: Math.min(h, cc.y1[c]! + d),
      score,
    });
  }
  return out;
}

export async function detectText(
  session: InferenceSession,
  Tensor: typeof OrtTensor,
  img: GrayImage,
  o: DetectOptions,
): Promise<TextBox[]> {
  const [w, h] = detectorSize(img.width, img.height, o);
  const input = new Tensor("float32", detectorInput(img, w, h), [1, 3, h, w]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const prob = result[session.outputNames[0]!]!;
  const boxes = boxesFromProbabilities(prob.data as Float32Array, w, h);
  input.dispose();
  prob.dispose();
  const sx = img.width / w;
  const sy = img.height / h;
  return boxes.map((b) => ({ x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy, score: b.score }));
}
