/**
 * Boxes back into the page's own frame. OCR reads a page scanned turned in the frame of the upright
 * page (PageContent.ocrTurn; orientation.ts), and layout and extraction work in that frame; but a
 * stored box must point at the page as the PDF shows it, where evidence crops (src/report) and every
 * later reader look for it. So every box of the record on such a page — values' provenance, the
 * issues' boxes — is turned back here, once, after the last stage that re-reads pixels by box
 * (cross-check.ts). The record keeps how each such page was read (`page_frames`: turn and deskew).
 */
import type { PageFrame, Report } from "../../schemas/report.js";
import type { PageContent } from "../layout/page-model.js";
import type { Stage } from "../pipeline/stage.js";
import { normalizeTurn, type QuarterTurn, turnBox, turnPoint } from "./raster/index.js";

type Box = [number, number, number, number];

interface Turned {
  /** Turn from the upright frame back to the page's (the inverse of ocrTurn). */
  back: QuarterTurn;
  /** Size of the upright page, whose frame the boxes are in. */
  width: number;
  height: number;
}

const isBox = (b: unknown): b is Box =>
  Array.isArray(b) && b.length === 4 && b.every((v) => typeof v === "number");

/**
 * Turns every `{ page, bbox }` under `roots` that lies on a turned page; each object once, however
 * often the record refers to it. Returns how many boxes were turned.
 */
export function turnBoxesBack(roots: readonly unknown[], pages: readonly PageContent[]): number {
  const turned = new Map<number, Turned>();
  for (const p of pages)
    if (p.ocrTurn)
      turned.set(p.number, { back: normalizeTurn(360 - p.ocrTurn), width: p.width, height: p.height });
  if (turned.size === 0) return 0;
  const seen = new WeakSet<object>();
  let count = 0;
  const walk = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const o = node as Record<string, unknown>;
    const t = typeof o.page === "number" ? turned.get(o.page) : undefined;
    if (t && isBox(o.bbox)) {
      o.bbox = turnBox(o.bbox, t.width, t.height, t.back);
      count++;
    }
    for (const v of Object.values(o)) walk(v);
  };
  for (const r of roots) walk(r);
  return count;
}

/**
 * How OCR read each page it turned or deskewed, in the page's own frame (the frame of the stored
 * boxes): what an evidence crop must repeat to show the print as OCR read it.
 */
export function pageFrames(pages: readonly PageContent[]): PageFrame[] {
  const out: PageFrame[] = [];
  for (const p of pages) {
    if (!p.ocrTurn && !p.ocrDeskew) continue;
    const back = normalizeTurn(360 - (p.ocrTurn ?? 0));
    const [cx, cy] = p.ocrDeskew?.center ?? [p.width / 2, p.height / 2];
    const center = turnPoint(cx, cy, p.width, p.height, back);
    out.push({ page: p.number, turn: p.ocrTurn ?? 0, skew: p.ocrDeskew?.angle ?? 0, center });
  }
  return out;
}

export const boxesToPageFrame: Stage = {
  name: "page-frame",
  run(result) {
    turnBoxesBack([result.record, ...(result.forms ?? []), result.issues], result.pages);
    const frames = pageFrames(result.pages);
    if (frames.length === 0) return;
    for (const r of [result.record, ...(result.forms ?? [])] as Array<Report | undefined>)
      if (r) r.page_frames = frames;
  },
};
