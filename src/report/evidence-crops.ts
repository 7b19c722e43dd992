/**
 * The printed region behind each piece of evidence, cut from the PDF page as a small gray PNG, so
 * an auditor sees the print itself and not our reading of it. Each (report, page) is rendered
 * once with pdf.js onto @napi-rs/canvas and every region on it is cut from that one rendering;
 * pages are released as soon as their regions are cut, so memory stays at one page.
 *
 * A page OCR read turned or deskewed (the record's `page_frames`) is rendered as OCR read it: turned
 * upright by the same quarter turn, then rotated by the same deskew. Its boxes are in the page's own
 * frame, deskewed (src/ocr/page-frame.ts), so each is turned with the page — the crop shows the print
 * upright, straight, and the mark where the value was read; without the frame a sideways scan's crop
 * was sideways, widened across the wrong axis, and a skewed scan's mark sat off by the deskew (up to
 * a character at 2°).
 */

import type { PageFrame } from "../../schemas/report.js";
import { type GrayImage, type QuarterTurn, rotate, turnBox, turnPoint } from "../ocr/raster/index.js";
import { loadPdfJs, openPdf } from "../pdf/open-document.js";
import { pageReadingRotation } from "../pdf/page-content.js";
import { renderPageGray } from "../pdf/render-page.js";
import type { Store } from "../store/store.js";
import { encodeGrayPng } from "./gray-png.js";
import { findSourcePdf, type SourceLookup } from "./source-pdf.js";

export type BBox = readonly [number, number, number, number];

export interface Region {
  reportId: string;
  page: number;
  bbox: BBox;
}

export type Crop =
  | {
      kind: "image";
      /** data:image/png;base64,… */
      src: string;
      width: number;
      height: number;
      /** Rendering resolution, for showing the crop at the printed size. */
      dpi: number;
      /** The region's box inside the image, in percent of the image, for the highlight. */
      mark: { left: number; top: number; width: number; height: number };
      clipped: boolean;
    }
  | { kind: "unavailable"; reason: string };

export interface CropOptions {
  dpi: number;
  /** Points of context around the region. */
  margin: number;
  /** A region narrower than this share of the page is widened to the full line, so the row label shows. */
  narrow: number;
  /** Points; a taller region (a whole paragraph) is cut to its top part. */
  maxHeight: number;
}

export const DEFAULT_CROP: CropOptions = { dpi: 150, margin: 12, narrow: 0.5, maxHeight: 320 };

export const regionKey = (r: Region): string =>
  `${r.reportId}|${r.page}|${r.bbox.map((v) => v.toFixed(1)).join(",")}`;

/** The crop rectangle in points for a region on a page of the given size. */
export function cropRect(
  bbox: BBox,
  pageWidth: number,
  pageHeight: number,
  o: CropOptions,
): { x0: number; y0: number; x1: number; y1: number; clipped: boolean } {
  const bx0 = Math.min(bbox[0], bbox[2]);
  const bx1 = Math.max(bbox[0], bbox[2]);
  const by0 = Math.min(bbox[1], bbox[3]);
  const by1 = Math.max(bbox[1], bbox[3]);
  let x0 = bx0 - o.margin;
  let x1 = bx1 + o.margin;
  if (bx1 - bx0 < pageWidth * o.narrow) {
    // Page margins are blank on print; 5 % each side keeps the crop to the text column.
    x0 = Math.min(x0, pageWidth * 0.05);
    x1 = Math.max(x1, pageWidth * 0.95);
  }
  const y0 = by0 - o.margin;
  let y1 = by1 + o.margin;
  const clipped = y1 - y0 > o.maxHeight;
  if (clipped) y1 = y0 + o.maxHeight;
  return {
    x0: Math.max(0, x0),
    y0: Math.max(0, y0),
    x1: Math.min(pageWidth, x1),
    y1: Math.min(pageHeight, y1),
    clipped,
  };
}

interface RenderedPage {
  width: number;
  height: number;
  scale: number;
  pageWidth: number;
  pageHeight: number;
  gray: Uint8Array;
  /** The quarter turn from the page's own frame (ownWidth × ownHeight points) to this rendering's. */
  turn: QuarterTurn;
  ownWidth: number;
  ownHeight: number;
}

type PdfDoc = Awaited<ReturnType<typeof openPdf>>;

/**
 * The page rendered in the frame its boxes are in, turned upright as OCR read it (`frame`): the
 * frame the page was read in (turned when its text runs sideways), turned by `frame.turn` (pdf.js
 * turns the viewport clockwise, as turnBox does), then deskewed by `frame.skew` about its centre.
 */
async function renderPage(
  doc: PdfDoc,
  pageNumber: number,
  dpi: number,
  frame: PageFrame | undefined,
): Promise<RenderedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const reading = await pageReadingRotation(await loadPdfJs(), page);
    const turn = frame?.turn ?? 0;
    const rotation = (reading + turn) % 360;
    const own = page.getViewport({ scale: 1, rotation: reading });
    const base = page.getViewport({ scale: 1, rotation });
    const r = await renderPageGray(page, dpi, undefined, rotation);
    let img: GrayImage = { width: r.width, height: r.height, data: r.gray };
    if (frame?.skew) {
      const [cx, cy] = turnPoint(frame.center[0], frame.center[1], own.width, own.height, turn);
      img = rotateAbout(img, -frame.skew, cx * r.scale, cy * r.scale);
    }
    return {
      width: img.width,
      height: img.height,
      scale: r.scale,
      pageWidth: base.width,
      pageHeight: base.height,
      gray: img.data,
      turn,
      ownWidth: own.width,
      ownHeight: own.height,
    };
  } finally {
    page.cleanup();
  }
}

/**
 * The image rotated by `deg` about the point (`cx`, `cy`) (pixels), as the OCR engines' deskew
 * rotates a page image about its middle: rotate() turns about the image's middle, so the image is
 * first padded with paper until that point is its middle (within half a pixel), and cut back after.
 */
export function rotateAbout(img: GrayImage, deg: number, cx: number, cy: number): GrayImage {
  const { width: w, height: h } = img;
  // Pixel i's centre is at i + 0.5: rotate()'s centre (w − 1) / 2 is the point w / 2.
  const dx = Math.round(2 * cx - w);
  const dy = Math.round(2 * cy - h);
  const left = Math.max(0, -dx);
  const top = Math.max(0, -dy);
  const pw = w + Math.abs(dx);
  const ph = h + Math.abs(dy);
  let padded = img;
  if (dx !== 0 || dy !== 0) {
    const data = new Uint8Array(pw * ph).fill(255);
    for (let y = 0; y < h; y++) data.set(img.data.subarray(y * w, (y + 1) * w), (y + top) * pw + left);
    padded = { width: pw, height: ph, data };
  }
  const turned = rotate(padded, deg);
  if (padded === img) return turned;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    out.set(turned.data.subarray((y + top) * pw + left, (y + top) * pw + left + w), y * w);
  return { width: w, height: h, data: out };
}

function cut(p: RenderedPage, ownBox: BBox, o: CropOptions): Crop {
  const bbox = p.turn ? turnBox(ownBox, p.ownWidth, p.ownHeight, p.turn) : ownBox;
  const r = cropRect(bbox, p.pageWidth, p.pageHeight, o);
  const px0 = Math.max(0, Math.floor(r.x0 * p.scale));
  const py0 = Math.max(0, Math.floor(r.y0 * p.scale));
  const px1 = Math.min(p.width, Math.ceil(r.x1 * p.scale));
  const py1 = Math.min(p.height, Math.ceil(r.y1 * p.scale));
  const w = px1 - px0;
  const h = py1 - py0;
  if (w <= 0 || h <= 0) return { kind: "unavailable", reason: "标注区域在页面之外" };
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    out.set(p.gray.subarray((py0 + y) * p.width + px0, (py0 + y) * p.width + px1), y * w);
  const png = encodeGrayPng(out, w, h);
  const cw = r.x1 - r.x0;
  const ch = r.y1 - r.y0;
  const pct = (v: number): number => Math.round(Math.min(100, Math.max(0, v)) * 100) / 100;
  const bx0 = Math.min(bbox[0], bbox[2]);
  const by0 = Math.min(bbox[1], bbox[3]);
  const left = pct(((bx0 - r.x0) / cw) * 100);
  const top = pct(((by0 - r.y0) / ch) * 100);
  return {
    kind: "image",
    src: `data:image/png;base64,${png.toString("base64")}`,
    width: w,
    height: h,
    dpi: o.dpi,
    mark: {
      left,
      top,
      width: pct(Math.min(100 - left, (Math.abs(bbox[2] - bbox[0]) / cw) * 100)),
      height: pct(Math.min(100 - top, (Math.abs(bbox[3] - bbox[1]) / ch) * 100)),
    },
    clipped: r.clipped,
  };
}

/** How OCR read the report's pages (none recorded: every page as the PDF shows it). */
async function storedFrames(store: Store, reportId: string): Promise<readonly PageFrame[]> {
  return (await store.loadReport(reportId))?.page_frames ?? [];
}

/** Crops for all regions, keyed by `regionKey`. Never throws for a bad file: the crop says why. */
export async function renderCrops(
  store: Store,
  regions: readonly Region[],
  options: CropOptions = DEFAULT_CROP,
  lookup: (reportId: string) => Promise<SourceLookup> = (id) => findSourcePdf(store, id),
  framesOf: (reportId: string) => Promise<readonly PageFrame[]> = (id) => storedFrames(store, id),
): Promise<Map<string, Crop>> {
  const byReport = new Map<string, Map<number, Region[]>>();
  for (const r of regions) {
    const pages = byReport.get(r.reportId) ?? new Map<number, Region[]>();
    pages.set(r.page, [...(pages.get(r.page) ?? []), r]);
    byReport.set(r.reportId, pages);
  }
  const out = new Map<string, Crop>();
  const failAll = (pages: Map<number, Region[]>, reason: string): void => {
    for (const list of pages.values())
      for (const r of list) out.set(regionKey(r), { kind: "unavailable", reason });
  };
  for (const [reportId, pages] of byReport) {
    const source = await lookup(reportId);
    if (!source.found) {
      failAll(pages, source.reason);
      continue;
    }
    let doc: PdfDoc;
    try {
      doc = await openPdf(source.bytes);
    } catch (err) {
      failAll(pages, `无法打开原文件：${(err as Error).message}`);
      continue;
    }
    const frames = new Map((await framesOf(reportId)).map((f) => [f.page, f]));
    try {
      for (const [pageNumber, list] of [...pages].sort((a, b) => a[0] - b[0])) {
        if (pageNumber < 1 || pageNumber > doc.numPages) {
          for (const r of list)
            out.set(regionKey(r), {
              kind: "unavailable",
              reason: `页码${pageNumber}超出原文件页数（${doc.numPages}页）`,
            });
          continue;
        }
        let page: RenderedPage;
        try {
          page = await renderPage(doc, pageNumber, options.dpi, frames.get(pageNumber));
        } catch (err) {
          for (const r of list)
            out.set(regionKey(r), {
              kind: "unavailable",
              reason: `第${pageNumber}页无法渲染：${(err as Error).message}`,
            });
          continue;
        }
        for (const r of list) {
          const k = regionKey(r);
          if (!out.has(k)) out.set(k, cut(page, r.bbox, options));
        }
      }
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  }
  return out;
}
