/**
 * The pixels of a page that needs OCR. An image-only page is one scanned image: take it at its
 * own resolution (rendering would resample it and cost time). Other pages (garbled text layers,
 * vector drawings) are rendered with pdf.js onto @napi-rs/canvas; raw pixels are used directly —
 * PNG encoding would cost 0.6–2.5 s a page.
 */
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageContent, PlacedImage } from "../layout/page-model.js";
import type { PdfJs } from "../pdf/open-document.js";
import { renderPageGray } from "../pdf/render-page.js";

export interface PageRaster {
  width: number;
  height: number;
  /** Gray pixels, 0 = black … 255 = white. */
  data: Uint8Array;
  /** Pixels per PDF point on each axis, and the page position of pixel (0, 0). */
  scaleX: number;
  scaleY: number;
  originX: number;
  originY: number;
  /** Effective resolution (dots per inch). */
  dpi: number;
  source: "embedded_image" | "rendered";
}

interface ImageObject {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * Gray of a scanned pixel, with the red of seals dropped to paper: a 公章 stamped over a line of
 * figures would otherwise be read as ink over them. Saturated red only (red well above both green
 * and blue); black print under the seal stays dark and stays ink.
 */
function scanGray(r: number, g: number, b: number): number {
  if (r > 130 && r - Math.max(g, b) > 60) return 255;
  return (r * 77 + g * 150 + b * 29) >> 8;
}

/** pdf.js ImageKind: 1 = 1 bit per pixel, 2 = RGB 24 bit, 3 = RGBA 32 bit. */
export function imageObjectToGray(img: ImageObject): Uint8Array | undefined {
  const { width, height, data, kind } = img;
  if (!data) return undefined;
  const n = width * height;
  const out = new Uint8Array(n);
  if (kind === 2 && data.length >= n * 3) {
    for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = scanGray(data[j]!, data[j + 1]!, data[j + 2]!);
    return out;
  }
  if (kind === 3 && data.length >= n * 4) {
    for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = scanGray(data[j]!, data[j + 1]!, data[j + 2]!);
    return out;
  }
  if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        out[y * width + x] = bit ? 255 : 0;
      }
    }
    return out;
  }
  return undefined;
}

/** Image data arrive from the pdf.js worker asynchronously; wait for them (bounded). */
function resolveObject(page: PDFPageProxy, objId: string): Promise<ImageObject | undefined> {
  const objs = objId.startsWith("g_") ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 30_000);
    objs.get(objId, (data: unknown) => {
      clearTimeout(timer);
      resolve(data as ImageObject);
    });
  });
}

/** The one image covering most of an image-only page, if there is one. */
export function coveringImage(content: PageContent): PlacedImage | undefined {
  const area = content.width * content.height;
  return content.images.find((im) => ((im.x1 - im.x0) * (im.y1 - im.y0)) / area > 0.8 && im.objId);
}

export async function pageRaster(
  pdfjs: PdfJs,
  page: PDFPageProxy,
  content: PageContent,
  options: { dpi: number; maxPixels: number },
): Promise<PageRaster> {
  const scan = await embeddedRaster(page, content, options.maxPixels);
  return scan ?? renderPage(pdfjs, page, { ...options, rotation: content.rotation });
}

/**
 * The scan of an image-only page at its own resolution, from the page's image objects (those of
 * the operator list last taken, until page.cleanup()); undefined when the page is not one scan.
 */
export async function embeddedRaster(
  page: PDFPageProxy,
  content: PageContent,
  maxPixels: number,
): Promise<PageRaster | undefined> {
  const img = content.kind === "image_only" ? coveringImage(content) : undefined;
  if (!img?.objId) return undefined;
  const obj = await resolveObject(page, img.objId);
  if (obj && obj.width * obj.height > maxPixels) {
    throw new Error(
      `page ${content.number}: image of ${obj.width}×${obj.height} px exceeds the ${maxPixels} pixel limit`,
    );
  }
  const gray = obj ? imageObjectToGray(obj) : undefined;
  if (!obj || !gray) return undefined;
  const scaleX = obj.width / (img.x1 - img.x0);
  const scaleY = obj.height / (img.y1 - img.y0);
  return {
    width: obj.width,
    height: obj.height,
    data: gray,
    scaleX,
    scaleY,
    originX: img.x0,
    originY: img.y0,
    dpi: Math.round(scaleX * 72),
    source: "embedded_image",
  };
}

async function renderPage(
  _pdfjs: PdfJs,
  page: PDFPageProxy,
  options: { dpi: number; maxPixels: number; rotation?: number },
): Promise<PageRaster> {
  const r = await renderPageGray(page, options.dpi, options.maxPixels, options.rotation);
  return {
    width: r.width,
    height: r.height,
    data: r.gray,
    scaleX: r.scale,
    scaleY: r.scale,
    originX: 0,
    originY: 0,
    dpi: options.dpi,
    source: "rendered",
  };
}
