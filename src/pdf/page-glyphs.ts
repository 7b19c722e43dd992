/**
 * Every glyph a page draws upright, with its font, code and advance box — what a text layer
 * whose fonts have no Unicode map still tells us for sure (src/glyphs decodes it). Read on request
 * for the pages that need it, from a fresh operator list, in the same frame as the page's runs.
 */
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Matrix } from "./graphics-state.js";
import type { PdfJs } from "./open-document.js";
import { operatorsToTextRuns } from "./operator-text.js";

/** One show-text operation: glyphs of one font on one baseline (page points, y down). */
export interface GlyphRun {
  /** pdf.js font id: the same font on every page of the document. */
  font: string;
  /** The em in page points. */
  fontSize: number;
  baseline: number;
  glyphs: Array<{
    /** The code in the content stream: (font, code) identifies the glyph. */
    code: number;
    /** What pdf.js made of the code (meaningless without a Unicode map). */
    unicode: string;
    /** Advance box along the baseline. */
    x0: number;
    x1: number;
  }>;
}

export interface FontInfo {
  id: string;
  /** The font's PostScript name, subset prefix included, when it has one. */
  name: string;
  /** Type 3 fonts draw glyphs as content streams (Chromium/Skia embeds CJK this way). */
  type3: boolean;
}

export interface PageGlyphs {
  page: number;
  runs: GlyphRun[];
  fonts: FontInfo[];
}

export async function readPageGlyphs(
  pdfjs: PdfJs,
  page: PDFPageProxy,
  rotation?: number,
): Promise<PageGlyphs> {
  const ops = await page.getOperatorList();
  const viewport = page.getViewport(rotation === undefined ? { scale: 1 } : { scale: 1, rotation });
  const runs: GlyphRun[] = [];
  operatorsToTextRuns(
    pdfjs,
    page.commonObjs,
    ops.fnArray,
    ops.argsArray,
    viewport.transform as Matrix,
    undefined,
    runs,
  );
  const fonts: FontInfo[] = [];
  for (const id of new Set(runs.map((r) => r.font))) {
    let f: { name?: string; isType3Font?: boolean } | undefined;
    try {
      f = page.commonObjs.get(id) as typeof f;
    } catch {
      f = undefined;
    }
    fonts.push({ id, name: f?.name ?? "", type3: f?.isType3Font === true });
  }
  return { page: page.pageNumber, runs, fonts };
}
