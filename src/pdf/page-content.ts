/**
 * Reads one pdf.js page into the page model: text runs with font size and bbox, ruling segments
 * from the operator list (stroked lines and thin filled rectangles alike), and placed images.
 */
import type { PDFPageProxy, TextItem } from "pdfjs-dist/types/src/display/api.js";
import type { PageContent, PlacedImage, Segment, TextRun } from "../layout/page-model.js";
import { classifyPage } from "./classify-page.js";
import { apply, isStateOp, type Matrix, multiply, nextGraphicsState } from "./graphics-state.js";
import type { PdfJs } from "./open-document.js";
import { operatorsToTextRuns } from "./operator-text.js";

/** A filled rectangle thinner than this (points) is a ruling line, as Chromium/Skia draws borders. */
const THIN_FILL = 2.5;
/** Lines shorter than this are glyph decorations or bullets, not table rulings. */
const MIN_RULING_LENGTH = 3;

/**
 * The viewport rotation (degrees, as pdf.js's getViewport takes it) that shows a page's text upright:
 * the page's own /Rotate, unless most of its characters run down, up or upside down on the page as
 * displayed (a table drawn sideways, a page inserted turned), in which case the page is read turned
 * so that they run left to right. Renderers use the same rotation, so boxes match the pixels.
 */
export function uprightRotation(page: PDFPageProxy, directions: readonly number[]): number {
  const total = directions.reduce((a, n) => a + (n ?? 0), 0);
  const [best, count] = directions
    .map((n, q) => [q, n ?? 0] as const)
    .reduce((a, b) => (b[1] > a[1] ? b : a), [0, -1] as const);
  if (best === 0 || total < 20 || count < total * 0.6) return page.rotate;
  // Text running at q quarter turns clockwise is upright after turning the page back by as much.
  return (((page.rotate - best * 90) % 360) + 360) % 360;
}

/** The rotation to read and render a page at (see uprightRotation), from its operator list. */
export async function pageReadingRotation(pdfjs: PdfJs, page: PDFPageProxy): Promise<number> {
  const ops = await page.getOperatorList();
  const directions: number[] = [];
  operatorsToTextRuns(
    pdfjs,
    page.commonObjs,
    ops.fnArray,
    ops.argsArray,
    page.getViewport({ scale: 1 }).transform as Matrix,
    directions,
  );
  return uprightRotation(page, directions);
}

export async function readPageContent(pdfjs: PdfJs, page: PDFPageProxy): Promise<PageContent> {
  let viewport = page.getViewport({ scale: 1 });
  let base = viewport.transform as Matrix;
  // One parse of the content stream gives text, rulings and images (see operator-text.ts);
  // getTextContent is the fallback should the operator list's text state defeat us.
  const ops = await page.getOperatorList();
  let runs: TextRun[];
  try {
    const directions: number[] = [];
    runs = operatorsToTextRuns(pdfjs, page.commonObjs, ops.fnArray, ops.argsArray, base, directions);
    const rotation = uprightRotation(page, directions);
    if (rotation !== page.rotate) {
      viewport = page.getViewport({ scale: 1, rotation });
      base = viewport.transform as Matrix;
      runs = operatorsToTextRuns(pdfjs, page.commonObjs, ops.fnArray, ops.argsArray, base);
    }
  } catch {
    const textContent = await page.getTextContent({
      includeMarkedContent: false,
      disableNormalization: true,
    });
    runs = textItemsToRuns(textContent.items as TextItem[], base);
  }
  const { segments, images, paintedPaths } = operatorsToGraphics(pdfjs, ops.fnArray, ops.argsArray, base);
  const width = viewport.width;
  const height = viewport.height;
  const { kind, reason } = classifyPage(runs, images, width, height, paintedPaths);
  return {
    number: page.pageNumber,
    ...(viewport.rotation !== page.rotate ? { rotation: viewport.rotation } : {}),
    width,
    height,
    runs,
    segments,
    images,
    kind,
    kindReason: reason,
    source: "text_layer",
  };
}

/**
 * pdf.js gives one item per same-font run (often 1–4 characters), spaces as separate items and
 * empty items for line ends; whitespace-only items are dropped here and spacing is recomputed
 * from geometry when runs are joined into lines.
 */
export function textItemsToRuns(items: readonly TextItem[], base: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const t = multiply(base, item.transform as Matrix);
    const fontSize = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]);
    if (!(fontSize > 0)) continue;
    const scale = Math.hypot(base[0], base[1]);
    const horizontal = Math.abs(t[1]) < Math.abs(t[0]) * 0.1 || item.width > 0;
    const x0 = t[4];
    const baseline = t[5];
    const w = horizontal ? item.width * scale : fontSize;
    runs.push({
      text: item.str,
      x0,
      x1: x0 + Math.max(w, 0.1),
      // Glyph boxes: ascent ~0.88 em above the baseline, descent ~0.12 em below it.
      y0: baseline - fontSize * 0.88,
      y1: baseline + fontSize * 0.12,
      fontSize,
      fontName: item.fontName,
    });
  }
  return runs;
}

interface GraphicsState {
  ctm: Matrix;
}

export function operatorsToGraphics(
  pdfjs: PdfJs,
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  base: Matrix,
): { segments: Segment[]; images: PlacedImage[]; paintedPaths: number } {
  const OPS = pdfjs.OPS;
  let paintedPaths = 0;
  const segments: Segment[] = [];
  const images: PlacedImage[] = [];
  let state: GraphicsState = { ctm: base };
  const stack: GraphicsState[] = [];

  const addLine = (ax: number, ay: number, bx: number, by: number): void => {
    const [x0, y0] = apply(state.ctm, ax, ay);
    const [x1, y1] = apply(state.ctm, bx, by);
    const dx = Math.abs(x1 - x0);
    const dy = Math.abs(y1 - y0);
    if (dx < 0.5 && dy >= MIN_RULING_LENGTH) {
      segments.push({ orient: "v", pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    } else if (dy < 0.5 && dx >= MIN_RULING_LENGTH) {
      segments.push({ orient: "h", pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    }
  };

  const addFilledRect = (pts: Array<[number, number]>): void => {
    const dev = pts.map(([x, y]) => apply(state.ctm, x, y));
    const xs = dev.map((p) => p[0]);
    const ys = dev.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= THIN_FILL && w >= MIN_RULING_LENGTH) {
      segments.push({ orient: "h", pos: (y0 + y1) / 2, from: x0, to: x1 });
    } else if (w <= THIN_FILL && h >= MIN_RULING_LENGTH) {
      segments.push({ orient: "v", pos: (x0 + x1) / 2, from: y0, to: y1 });
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (isStateOp(OPS, fn)) {
      state = nextGraphicsState(OPS, fn, args, state, stack);
      continue;
    }
    switch (fn) {
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat: {
        const [ax, ay] = apply(state.ctm, 0, 0);
        const [bx, by] = apply(state.ctm, 1, 1);
        const inline = args?.[0] as { width?: number; height?: number } | undefined;
        images.push({
          objId: typeof args?.[0] === "string" ? (args[0] as string) : undefined,
          x0: Math.min(ax, bx),
          y0: Math.min(ay, by),
          x1: Math.max(ax, bx),
          y1: Math.max(ay, by),
          width: Number(args?.[1] ?? inline?.width ?? 0),
          height: Number(args?.[2] ?? inline?.height ?? 0),
        });
        break;
      }
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        // endPath paints nothing: the path is a clip region, not a visible line.
        if (paintOp === OPS.endPath) break;
        paintedPaths++;
        const data = (args?.[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
        if (!data) break;
        const stroke =
          paintOp === OPS.stroke ||
          paintOp === OPS.closeStroke ||
          paintOp === OPS.fillStroke ||
          paintOp === OPS.eoFillStroke ||
          paintOp === OPS.closeFillStroke ||
          paintOp === OPS.closeEOFillStroke;
        const fill = !stroke && (paintOp === OPS.fill || paintOp === OPS.eoFill);
        walkPath(data, stroke, fill, addLine, addFilledRect);
        break;
      }
      default:
        break;
    }
  }
  return { segments, images, paintedPaths };
}

/** Path data uses pdf.js DrawOPS codes: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4. */
function walkPath(
  data: ArrayLike<number>,
  stroke: boolean,
  fill: boolean,
  addLine: (ax: number, ay: number, bx: number, by: number) => void,
  addFilledRect: (pts: Array<[number, number]>) => void,
): void {
  let sub: Array<[number, number]> = [];
  let curved = false;
  const flush = (closed: boolean): void => {
    if (sub.length >= 2) {
      if (stroke) {
        for (let k = 1; k < sub.length; k++) {
          const a = sub[k - 1]!;
          const b = sub[k]!;
          addLine(a[0], a[1], b[0], b[1]);
        }
        if (closed && sub.length > 2) {
          const a = sub[sub.length - 1]!;
          const b = sub[0]!;
          addLine(a[0], a[1], b[0], b[1]);
        }
      } else if (fill && !curved && isAxisRect(sub)) {
        addFilledRect(sub);
      }
    }
    sub = [];
    curved = false;
  };
  let i = 0;
  while (i < data.length) {
    const code = data[i]!;
    if (code === 0) {
      flush(false);
      sub.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (code === 1) {
      sub.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (code === 2) {
      curved = true;
      sub.push([data[i + 5]!, data[i + 6]!]);
      i += 7;
    } else if (code === 3) {
      curved = true;
      sub.push([data[i + 3]!, data[i + 4]!]);
      i += 5;
    } else if (code === 4) {
      flush(true);
      i += 1;
    } else {
      break;
    }
  }
  flush(false);
}

/** Four (or five, closed) points forming an axis-aligned rectangle. */
function isAxisRect(pts: Array<[number, number]>): boolean {
  const p =
    pts.length === 5 && pts[4]![0] === pts[0]![0] && pts[4]![1] === pts[0]![1] ? pts.slice(0, 4) : pts;
  if (p.length !== 4) return false;
  const xs = new Set(p.map((q) => Math.round(q[0] * 10)));
  const ys = new Set(p.map((q) => Math.round(q[1] * 10)));
  return xs.size <= 2 && ys.size <= 2;
}
