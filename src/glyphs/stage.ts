/**
 * The glyph-decoding stage: pages whose text layer is garbled because their fonts carry no Unicode
 * map are decoded from the glyphs themselves — each distinct glyph of each such font read once (in
 * a few of its occurrences, voted), then the whole text layer decoded through that map at the PDF's
 * own positions. A page is left to page OCR (the next stage) only when a font on it cannot be
 * decoded; glyphs decoded with low agreement carry a low confidence into the values built on them.
 */
import type { PageContent } from "../layout/page-model.js";
import { OcrEngines } from "../ocr/engine.js";
import type { PageGlyphs } from "../pdf/page-glyphs.js";
import { addIssue, type ExtractionResult } from "../pipeline/extraction-result.js";
import type { Stage, StageContext } from "../pipeline/stage.js";
import { decodeGlyphRuns } from "./decode-runs.js";
import { type GlyphKey, glyphInventory, glyphKey } from "./glyph-inventory.js";
import { type GlyphMapEntry, readGlyphMap } from "./read-glyph-map.js";
import { lineGlyphReader, tesseractGlyphReader } from "./recognise-glyphs.js";
import { hanBigrams } from "./vocabulary-prior.js";

/** Resolution of the page renderings glyphs are cut from (as for page OCR). */
const GLYPH_DPI = 300;
/**
 * A page is decoded when at most this share of its printed glyphs went unread, and at most
 * UNCERTAIN_SHARE were decoded without agreement; otherwise page OCR reads it.
 */
const UNREAD_SHARE = 0.03;
const UNCERTAIN_SHARE = 0.25;

/**
 * The stage, given the extraction's definitions: their label words settle glyphs OCR reads two
 * ways (vocabulary-prior.ts).
 */
export function decodeGlyphs(definitions: unknown): Stage {
  const bigrams = hanBigrams(definitions);
  return {
    name: "glyphs",
    // `--ocr always` reads every page by OCR anyway; `never` reads nothing by OCR.
    enabled: (ctx) => ctx.ocr === "auto",
    async run(result, ctx) {
      const garbled = result.pages.filter((p) => p.kind === "garbled" && p.source === "text_layer");
      if (garbled.length === 0) return;
      const shared = ctx.services.ocr as OcrEngines | undefined;
      const pool = shared ?? new OcrEngines({ workers: ctx.ocrWorkers, engine: ctx.ocrEngine });
      try {
        await decodePages(result, garbled, pool, ctx, bigrams);
      } catch (err) {
        if ((err as Error)?.name === "AbortError" || (err as Error)?.name === "TimeoutError") throw err;
        addIssue(result, {
          stage: "glyphs",
          code: "glyph_decoding_failed",
          severity: "info",
          message: `the glyphs of ${garbled.length} garbled page(s) could not be decoded (${(err as Error)?.message ?? err}); they are read by page OCR`,
        });
      } finally {
        if (!shared) await pool.close();
      }
    },
  };
}

async function decodePages(
  result: ExtractionResult,
  garbled: readonly PageContent[],
  pool: OcrEngines,
  ctx: StageContext,
  bigrams: ReadonlySet<string>,
): Promise<void> {
  const reader = result.reader!;
  const glyphPages = new Map<number, PageGlyphs>();
  for (const p of garbled) glyphPages.set(p.number, await reader.glyphs(p));
  const pageOf = (n: number): PageContent => result.pages[n - 1]!;
  const segmentsOf = (n: number) => pageOf(n).segments;
  const inventory = glyphInventory([...glyphPages.values()], segmentsOf);
  if (inventory.glyphs.length === 0) return;
  const { map } = await readGlyphMap({
    inventory,
    segmentsOf,
    rasterOf: (n) => reader.raster(pageOf(n), { dpi: GLYPH_DPI, maxPixels: ctx.maxImagePixels }),
    // PP-OCR reads glyphs alone and in context (measured: fewer misreadings than tesseract.js at less
    // CPU, README); tesseract.js reads what is still open, an engine that errs differently.
    recognise: lineGlyphReader(pool),
    second: tesseractGlyphReader(pool),
    signal: ctx.signal,
    bigrams,
  });

  const untrusted = new Set(inventory.fonts.filter((f) => !f.trusted).map((f) => f.font));
  let uncertainGlyphs = 0;
  for (const [n, pg] of glyphPages) {
    const page = pageOf(n);
    const t = tallyPage(pg, untrusted, map);
    // A page is decoded when few of its printed glyphs went unread and not too many are uncertain;
    // otherwise page OCR reads it whole.
    if (t.unread > t.printed * UNREAD_SHARE || t.uncertain > t.printed * UNCERTAIN_SHARE) {
      addIssue(result, {
        stage: "glyphs",
        code: "glyphs_not_decoded",
        severity: "info",
        message: `page ${n}: its glyphs could not be decoded (${t.unread} of ${t.printed} printed glyphs unread, ${t.uncertain} without agreement); the page is read by OCR`,
        page: n,
      });
      continue;
    }
    const kept = page.runs.filter((r) => !untrusted.has(r.fontName));
    const decoded = decodeGlyphRuns(
      pg.runs.filter((r) => untrusted.has(r.font)),
      map,
    );
    uncertainGlyphs += t.uncertain;
    result.pages[n - 1] = {
      ...page,
      runs: [...kept, ...decoded],
      kind: "text",
      kindReason: `${page.kindReason}; decoded from its glyphs (${t.fonts} font(s)${t.uncertain ? `, ${t.uncertain} printed glyph(s) without agreement` : ""})`,
      source: "glyphs",
    };
  }
  const decodedPages = [...glyphPages.keys()].filter((n) => pageOf(n).source === "glyphs");
  if (decodedPages.length > 0 && uncertainGlyphs > 0) {
    const open = inventory.glyphs.filter((e) => {
      const d = map.get(e.key)!;
      return !d.blank && !d.certain;
    });
    const sample = open
      .slice(0, 8)
      .map((e) => describe(map.get(e.key)!))
      .join(", ");
    addIssue(result, {
      stage: "glyphs",
      code: "glyphs_uncertain",
      severity: "info",
      message: `${open.length} of ${inventory.glyphs.length} distinct glyphs were decoded without agreement between their readings (${sample}${open.length > 8 ? ", …" : ""}); values printed with them are marked ocr_uncertain`,
    });
  }
}

const describe = (d: GlyphMapEntry): string =>
  `“${d.text || "?"}”${d.alternatives.length ? ` or “${d.alternatives.slice(0, 2).join("”/“")}”` : ""}`;

/** Printed glyphs of the untrusted fonts on a page: how many, unread, uncertain; and the fonts. */
function tallyPage(
  pg: PageGlyphs,
  untrusted: ReadonlySet<string>,
  map: ReadonlyMap<GlyphKey, GlyphMapEntry>,
): { printed: number; unread: number; uncertain: number; fonts: number } {
  const t = { printed: 0, unread: 0, uncertain: 0, fonts: 0 };
  const fonts = new Set<string>();
  for (const r of pg.runs) {
    if (!untrusted.has(r.font)) continue;
    fonts.add(r.font);
    for (const g of r.glyphs) {
      const d = map.get(glyphKey(r.font, g.code));
      if (!d || d.blank) continue;
      t.printed++;
      if (!d.text) t.unread++;
      else if (!d.certain) t.uncertain++;
    }
  }
  t.fonts = fonts.size;
  return t;
}
