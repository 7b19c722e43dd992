/**
 * `--ocr-engine both`: the figures and names the record took from OCR'd pages are read a second
 * time, by tesseract.js, from the same box of the same (deskewed) page image. Where the second
 * reading has the same number (or name), the value stands; where it does not, the value gets an
 * `ocr_uncertain` issue with both readings and their confidences, so it is never exported as
 * certain and the auditor checks the scan before acting on it. A second reading tesseract itself
 * doubts (confidence < MIN_SECOND) is no evidence either way; the value keeps its first reading's
 * confidence, as with one engine. Nothing is "repaired": the first
 * reading stays the value.
 */
import type { PageContent } from "../layout/page-model.js";
import { addIssue } from "../pipeline/extraction-result.js";
import type { Stage, StageContext } from "../pipeline/stage.js";
import { defaultOcrEngine, type LineReading, OcrEngines } from "./engine.js";
import { uprightRaster } from "./orientation.js";
import { deskewPage } from "./paddle/paddle-page.js";
import { crop, type GrayImage } from "./raster/index.js";
import { repairNumericText } from "./repair-numbers.js";
import { OCR_DPI } from "./stage.js";

interface Prov {
  page: number;
  bbox: [number, number, number, number];
  text: string;
  conf?: number;
}

/** A value of the record read from an OCR'd page: a figure (number) or a short text (name). */
export interface OcrValue {
  path: string;
  kind: "figure" | "text";
  value: string;
  prov: Prov;
}

/** Texts longer than this are prose (problems, deviations), not names or targets. */
const MAX_NAME_CHARS = 40;

const isProv = (p: unknown): p is Prov =>
  typeof p === "object" &&
  p !== null &&
  typeof (p as Prov).page === "number" &&
  Array.isArray((p as Prov).bbox) &&
  typeof (p as Prov).text === "string";

/** Every figure and short text of the record whose provenance is on one of `pages`. */
export function ocrValues(record: unknown, pages: ReadonlySet<number>): OcrValue[] {
  const out: OcrValue[] = [];
  const seen = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.value === "string" && isProv(o.prov)) {
      const kind = typeof o.ulp === "string" ? "figure" : "text";
      const key = `${kind}|${o.value}|${o.prov.page}|${o.prov.bbox.join(",")}`;
      if (
        pages.has(o.prov.page) &&
        !seen.has(key) &&
        (kind === "figure" || [...o.value].length <= MAX_NAME_CHARS)
      ) {
        seen.add(key);
        out.push({ path, kind, value: o.value, prov: o.prov });
      }
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== "issues") walk(v, path ? `${path}.${k}` : k);
  };
  walk(record, "");
  return out;
}

/** Numbers as printed ("1,234.5", "1234.50", "98%"), separators dropped: "1234.5". */
function numbers(text: string): string[] {
  const t = repairNumericText(text.normalize("NFKC"));
  return (t.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, ""));
}

/** The printed number a figure was read from: equal to the value in its unit or a 万/亿 step of it. */
export function printedNumber(value: string, printed: string): string | undefined {
  const v = Math.abs(Number(value));
  if (!Number.isFinite(v)) return undefined;
  return numbers(printed).find((n) => {
    const x = Number(n);
    return [1, 1e4, 1e-4, 1e8, 1e-8].some((f) => Math.abs(x - v * f) <= 1e-9 * Math.max(1, x));
  });
}

const normName = (s: string): string => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");

function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * Whether a second reading agrees with the first for this value, and what it read instead. A
 * figure agrees when the second reading holds the same printed number (separators aside); a name
 * when it holds the same characters (spaces and punctuation aside).
 */
export function compareReadings(
  v: OcrValue,
  second: string,
  secondConfidence = 100,
): { agrees: boolean; first: string; other: string } | undefined {
  if (v.kind === "figure") {
    const first = printedNumber(v.value, v.prov.text);
    if (!first) return undefined; // a value computed from the text, not read as such
    const found = numbers(second);
    if (found.includes(first)) return { agrees: true, first, other: first };
    // The crop's edges: tesseract, unsure, reads a neighbour's sliver or a 元 as extra digits around
    // a number the first engine read surely ("122.81" in "122.8157T"); a digit lost or changed
    // inside the number is never excused.
    const sure = (v.prov.conf ?? 0) >= SURE_FIRST && secondConfidence < SURE_SECOND;
    if (sure && found.some((n) => n.length > first.length && n.includes(first)))
      return { agrees: true, first, other: first };
    const closest = [...found].sort((a, b) => editDistance(a, first) - editDistance(b, first))[0];
    return { agrees: false, first, other: closest ?? "" };
  }
  const name = normName(v.value);
  if (!name) return undefined;
  const other = normName(second);
  if (other.includes(name)) return { agrees: true, first: name, other: name };
  // The stretch of the second reading most like the name, for the message.
  const chars = [...other];
  let best = other;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i + [...name].length <= chars.length; i++) {
    const part = chars.slice(i, i + [...name].length).join("");
    const d = editDistance(part, name);
    if (d < bestD) {
      bestD = d;
      best = part;
    }
  }
  return { agrees: false, first: name, other: best };
}

/** A first reading this confident, against a second one less confident than SURE_SECOND … */
const SURE_FIRST = 95;
const SURE_SECOND = 90;
/** A second reading below this confidence is no reading: tesseract could not read the crop. */
const MIN_SECOND = 50;

/** Margin (points) above and below a value's box: OCR boxes sit tight on the ink. */
const MARGIN_PT = 2;
/**
 * Margin left and right, in line heights: a word's box from PP-OCR's time steps can cut a neighbour
 * in two, and tesseract reads the sliver as a digit ("159.56" → "1159.56"); whole neighbours are
 * read as what they are.
 */
const SIDE_LINES = 1.5;

function cropBox(
  img: GrayImage,
  r: { scaleX: number; scaleY: number; originX: number; originY: number },
  b: Prov["bbox"],
): GrayImage {
  const side = MARGIN_PT + SIDE_LINES * (b[3] - b[1]);
  return crop(
    img,
    (b[0] - side - r.originX) * r.scaleX,
    (b[1] - MARGIN_PT - r.originY) * r.scaleY,
    (b[2] + side - r.originX) * r.scaleX,
    (b[3] + MARGIN_PT - r.originY) * r.scaleY,
  );
}

export const crossCheckOcr: Stage = {
  name: "ocr-cross-check",
  enabled: (ctx) => ctx.ocr !== "never",
  async run(result, ctx: StageContext) {
    const service = ctx.services.ocr as OcrEngines | undefined;
    const engine = ctx.ocrEngine ?? service?.engine ?? defaultOcrEngine();
    if (engine !== "both" || !result.record || !result.reader) return;
    const ocrPages = new Map<number, PageContent>(
      result.pages.filter((p) => p.source === "ocr").map((p) => [p.number, p]),
    );
    const values = ocrValues(result.record, new Set(ocrPages.keys()));
    if (values.length === 0) return;
    const engines = service ?? new OcrEngines({ workers: ctx.ocrWorkers });
    try {
      for (const [page, content] of ocrPages) {
        const here = values.filter((v) => v.prov.page === page);
        if (here.length === 0) continue;
        ctx.signal?.throwIfAborted();
        // The page as OCR read it: turned upright when it was scanned turned.
        const raster = uprightRaster(
          await result.reader.raster(content, { dpi: OCR_DPI, maxPixels: ctx.maxImagePixels }),
          content,
        );
        const { gray } = deskewPage(raster);
        const crops = here.map((v) => cropBox(gray, raster, v.prov.bbox));
        const seconds: LineReading[] = await engines.recognizeLines(crops, "tesseract");
        here.forEach((v, i) => {
          const second = seconds[i]!;
          if (second.confidence < MIN_SECOND) return;
          const verdict = compareReadings(v, second.text, second.confidence);
          if (!verdict || verdict.agrees) return;
          addIssue(result, {
            stage: "ocr",
            code: "ocr_uncertain",
            severity: "warning",
            message: `page ${page}: ${v.path} ${v.value} is uncertain — PP-OCR read “${verdict.first}” (confidence ${Math.round(v.prov.conf ?? 0)}), tesseract read “${verdict.other || "nothing"}” (confidence ${Math.round(second.confidence)}) in “${second.text.trim()}”: check the scan`,
            page,
            field: v.path,
            bbox: v.prov.bbox,
          });
        });
      }
    } finally {
      if (!service) await engines.close();
    }
  },
};
