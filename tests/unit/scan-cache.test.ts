/**
 * Scans decoded while the pages are read are kept for the OCR stage's raster requests (pdf.js would
 * decode each page's image a second time): the kept pixels must be exactly those a fresh decode
 * gives, in this thread and through a reader thread, and the pixel limit must hold for them too.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PageRaster } from "../../src/ocr/page-image.js";
import { type DocumentSource, InProcessSource } from "../../src/pdf/document-source.js";

const scan = new Uint8Array(
  readFileSync(fileURLToPath(new URL("../fixtures/scan-seed-worse-200dpi.pdf", import.meta.url))),
);
const OPTIONS = { dpi: 300, maxPixels: 40_000_000 };

async function rasters(src: DocumentSource, keepScans: boolean): Promise<PageRaster[]> {
  const { pages } = await src.readPages({ keepScans });
  expect(pages.map((p) => p.kind)).toEqual(["image_only", "image_only"]);
  const out: PageRaster[] = [];
  for (const p of pages) out.push(await src.raster(p, OPTIONS));
  return out;
}

function expectSame(a: PageRaster[], b: PageRaster[]): void {
  expect(a).toHaveLength(b.length);
  a.forEach((r, i) => {
    const { data, ...frame } = r;
    const { data: other, ...otherFrame } = b[i]!;
    expect(frame).toEqual(otherFrame);
    expect(frame.source).toBe("embedded_image");
    expect(Buffer.compare(Buffer.from(data), Buffer.from(other))).toBe(0);
  });
}

describe("scans kept from reading the pages", () => {
  it("are the pixels a second decode gives, page for page", async () => {
    const fresh = await InProcessSource.open(new Uint8Array(scan), {});
    const kept = await InProcessSource.open(new Uint8Array(scan), {});
    try {
      await fresh.readPages({ keepScans: false });
      expect(fresh.keptScans).toBe(0);
      const { pages } = await kept.readPages({ keepScans: true });
      expect(kept.keptScans).toBe(2);
      const first = await kept.raster(pages[0]!, OPTIONS);
      expect(kept.keptScans).toBe(1);
      expectSame([first, await kept.raster(pages[1]!, OPTIONS)], await rasters(fresh, false));
      expect(kept.keptScans).toBe(0);
      // Taken once: a second request decodes again, to the same pixels.
      expectSame([await kept.raster(pages[0]!, OPTIONS)], [await fresh.raster(pages[0]!, OPTIONS)]);
    } finally {
      await Promise.all([fresh.close(), kept.close()]);
    }
  });

  it("come the same through a reader thread", async () => {
    // The reader thread runs the compiled worker (npm test builds first).
    const compiled = new URL("../../dist/src/pdf/worker-pool.js", import.meta.url).href;
    const { ReaderPool } = (await import(compiled)) as typeof import("../../src/pdf/worker-pool.js");
    const pool = new ReaderPool(1);
    const fresh = await InProcessSource.open(new Uint8Array(scan), {});
    try {
      const src = await pool.open(scan, {});
      try {
        expectSame(await rasters(src, true), await rasters(fresh, false));
      } finally {
        await src.close();
      }
    } finally {
      await fresh.close();
      await pool.close();
    }
  });

  it("are refused over the pixel limit of the request, as a decode would be", async () => {
    const src = await InProcessSource.open(new Uint8Array(scan), {});
    try {
      const { pages } = await src.readPages({ keepScans: true });
      await expect(src.raster(pages[0]!, { dpi: 300, maxPixels: 1_000_000 })).rejects.toThrow(/pixel limit/);
    } finally {
      await src.close();
    }
  });
});
