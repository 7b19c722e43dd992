/**
 * PP-OCR's text direction classifier (ch_ppocr_mobile_v2.0_cls): a line image, resized to 48 px
 * high and at most 192 wide, is classed 0° or 180°. Preprocessing as PaddleOCR's: the crop keeps its
 * aspect up to the model's 4:1 (a longer one is squeezed), pixels scaled to −1 … 1, padded with 0
 * (mid gray) on the right. Used to tell an upright page from one upside down (orientation.ts).
 */
import type { InferenceSession, Tensor as OrtTensor } from "onnxruntime-node";
import type { GrayImage } from "../raster/index.js";
import { resizeTo } from "./resize.js";

const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;

/** Per crop: P(0°) − P(180°), −1 … 1 (0 for an empty crop). One batch for all crops. */
export async function classifyDirections(
  session: InferenceSession,
  Tensor: typeof OrtTensor,
  crops: readonly GrayImage[],
): Promise<number[]> {
  if (crops.length === 0) return [];
  const plane = CLS_HEIGHT * CLS_WIDTH;
  const data = new Float32Array(crops.length * 3 * plane);
  crops.forEach((c, n) => {
    if (c.width < 2 || c.height < 2) return;
    const w = Math.max(1, Math.min(CLS_WIDTH, Math.ceil((CLS_HEIGHT * c.width) / c.height)));
    const r = resizeTo(c, w, CLS_HEIGHT);
    const base = n * 3 * plane;
    for (let y = 0; y < CLS_HEIGHT; y++)
      for (let x = 0; x < w; x++) {
        const v = r.data[y * w + x]! / 127.5 - 1;
        const i = y * CLS_WIDTH + x;
        data[base + i] = v;
        data[base + plane + i] = v;
        data[base + 2 * plane + i] = v;
      }
  });
  const input = new Tensor("float32", data, [crops.length, 3, CLS_HEIGHT, CLS_WIDTH]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!]!;
  const p = out.data as Float32Array;
  const scores = crops.map((c, n) => (c.width < 2 || c.height < 2 ? 0 : p[2 * n]! - p[2 * n + 1]!));
  input.dispose();
  out.dispose();
  return scores;
}
