/**
 * The page model every reader produces (pdf.js text layer or OCR) and every layout stage consumes.
 * Coordinates are PDF points from the page's top-left corner (y grows downwards).
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One run of text as the producer placed it (pdf.js: a same-font run; OCR: a word). */
export interface TextRun extends Box {
  /** The text exactly as printed (no normalisation). */
  text: string;
  fontSize: number;
  fontName: string;
  /** OCR confidence 0–100; absent for a text layer. */
  conf?: number;
  /** Baseline y when the producer knows it (OCR gives each line's baseline; word boxes vary). */
  baseline?: number;
}

/** An axis-aligned ruling line (a stroked line or a thin filled rectangle). */
export interface Segment {
  orient: "h" | "v";
  /** For "h": y; for "v": x. */
  pos: number;
  /** Extent along the line: for "h" x0..x1, for "v" y0..y1. */
  from: number;
  to: number;
}

export interface PlacedImage extends Box {
  /** Image size in pixels, when known. */
  width: number;
  height: number;
  /** pdf.js object id of the image (to fetch its pixels for OCR). */
  objId?: string;
}

export type PageKind = "text" | "image_only" | "garbled" | "empty";

export interface PageContent {
  /** 1-based page number. */
  number: number;
  /**
   * Viewport rotation the page was read at when it is not the page's own /Rotate (its text runs
   * sideways as displayed): coordinates are in that frame, and renderers must use it too.
   */
  rotation?: number;
  /**
   * Set when OCR found the page's image turned (scanned sideways or upside down) and read it turned
   * upright by this many degrees clockwise (src/ocr/orientation.ts): width, height and every
   * coordinate are those of the upright page; the record's boxes are turned back into the page's own
   * frame before it is stored (src/ocr/page-frame.ts).
   */
  ocrTurn?: 90 | 180 | 270;
  /**
   * Set when OCR deskewed the (upright) page image before reading it: it was rotated by −`angle`°
   * about `center` (PDF points, upright frame), and every OCR coordinate is in that deskewed frame.
   * Carried into the record's `page_frames` (src/ocr/page-frame.ts) for evidence crops.
   */
  ocrDeskew?: { angle: number; center: [number, number] };
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  images: PlacedImage[];
  kind: PageKind;
  /** Why the page got its kind (e.g. "62% private-use glyphs"). */
  kindReason: string;
  /** "ocr" when the runs come from OCR; "glyphs" when a garbled text layer was decoded from its glyphs (src/glyphs). */
  source: "text_layer" | "ocr" | "glyphs";
}

export const needsOcr = (kind: PageKind): boolean => kind === "image_only" || kind === "garbled";

export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0;
    if (b.y0 < y0) y0 = b.y0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y1 > y1) y1 = b.y1;
  }
  return { x0, y0, x1, y1 };
}

export const boxCenter = (b: Box): { x: number; y: number } => ({
  x: (b.x0 + b.x1) / 2,
  y: (b.y0 + b.y1) / 2,
});
