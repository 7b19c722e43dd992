/**
 * A page rendered by pdf.js onto @napi-rs/canvas as 8-bit gray pixels (0 = black). Used for OCR of
 * pages without an embedded scan and for the evidence crops of the report. Raw pixels, no PNG:
 * encoding costs 0.6–2.5 s a page.
 */
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";

export interface GrayRendering {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  gray: Uint8Array;
}

export async function renderPageGray(
  page: PDFPageProxy,
  dpi: number,
  maxPixels = Number.POSITIVE_INFINITY,
  /** Viewport rotation (the page's own /Rotate unless given; see PageContent.rotation). */
  rotation?: number,
): Promise<GrayRendering> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const scale = dpi / 72;
  const viewport = page.getViewport(rotation === undefined ? { scale } : { scale, rotation });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  if (width * height > maxPixels) {
    throw new Error(
      `page ${page.pageNumber}: rendering at ${dpi} dpi needs ${width}×${height} px, over the limit`,
    );
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as unknown as Parameters<PDFPageProxy["render"]>[0]["canvas"],
    viewport,
  }).promise;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const gray = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4)
    gray[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  return { width, height, scale, gray };
}
