/**
 * Orientation of scanned pages: quarter turns of pixels and boxes, the page raster's mapping once
 * turned, boxes of the record turned back into the page's frame, and end to end a scan whose pages
 * were turned 180° and 90° (tests/fixtures/scan-turned-pages.pdf) read by each engine as it reads
 * the same pages upright, its evidence crops upright.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../schemas/report.js";
import type { PageContent } from "../../src/layout/page-model.js";
import { textLines, turnContent, turnRaster, uprightRaster } from "../../src/ocr/orientation.js";
import { turnBoxesBack } from "../../src/ocr/page-frame.js";
import type { PageRaster } from "../../src/ocr/page-image.js";
import { type QuarterTurn, quarterTurn, turnBox, turnPoint } from "../../src/ocr/raster/index.js";
import { regionKey, renderCrops } from "../../src/report/evidence-crops.js";
import type { Store } from "../../src/store/store.js";
import { selfeval } from "../helpers/cli.js";
import { ROOT } from "../helpers/golden.js";
import { pngGray } from "../helpers/image-pdf.js";
import { scannedPage } from "../helpers/page-content.js";

const TURNS: QuarterTurn[] = [0, 90, 180, 270];

/** A 5 × 3 image whose every pixel is distinct: value = 10·y + x. */
const sample = {
  width: 5,
  height: 3,
  data: Uint8Array.from({ length: 15 }, (_, i) => 10 * Math.floor(i / 5) + (i % 5)),
};

describe("quarter turns", () => {
  it.each(TURNS)("move each pixel where turnPoint moves its centre (%i°)", (turn) => {
    const t = quarterTurn(sample, turn);
    expect(t.width * t.height).toBe(15);
    expect([t.width, t.height]).toEqual(turn % 180 ? [3, 5] : [5, 3]);
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 5; x++) {
        const [cx, cy] = turnPoint(x + 0.5, y + 0.5, 5, 3, turn);
        expect(t.data[Math.floor(cy) * t.width + Math.floor(cx)]).toBe(10 * y + x);
      }
  });

  it("turn clockwise as rotate() and ImageMagick do: the top-left corner goes to the top-right", () => {
    const t = quarterTurn(sample, 90);
    expect(t.data[2]).toBe(0); // row 0, last column
    expect(turnPoint(0, 0, 5, 3, 90)).toEqual([3, 0]);
  });

  it.each(TURNS)("of a box, undone by the opposite turn (%i°)", (turn) => {
    const box: [number, number, number, number] = [10, 20, 110, 35];
    const turned = turnBox(box, 595, 842, turn);
    const [w, h] = turn % 180 ? [842, 595] : [595, 842];
    expect(turnBox(turned, w, h, ((360 - turn) % 360) as QuarterTurn)).toEqual(box);
  });
});

describe("a page image turned upright", () => {
  // An embedded scan covering a 600 × 800 pt page at 2 px/pt, placed at (0, 0).
  const raster: PageRaster = {
    width: 1200,
    height: 1600,
    data: new Uint8Array(1200 * 1600).fill(255),
    scaleX: 2,
    scaleY: 2,
    originX: 0,
    originY: 0,
    dpi: 144,
    source: "embedded_image",
  };
  const content: PageContent = {
    number: 1,
    width: 600,
    height: 800,
    runs: [],
    segments: [],
    images: [{ x0: 0, y0: 0, x1: 600, y1: 800, width: 1200, height: 1600 }],
    kind: "image_only",
    kindReason: "one image",
    source: "text_layer",
  };

  it.each(TURNS)("maps its pixels to the turned page as the page's points turn (%i°)", (turn) => {
    const t = turnRaster(raster, turn, 600, 800);
    // A pixel of the scan and the same pixel after the turn name the same point of the page.
    for (const [px, py] of [
      [0, 0],
      [1199, 0],
      [300, 1000],
    ] as const) {
      const page = [raster.originX + (px + 0.5) / raster.scaleX, raster.originY + (py + 0.5) / raster.scaleY];
      const [tx, ty] = turnPoint(px + 0.5, py + 0.5, 1200, 1600, turn);
      const turnedPage = [t.originX + tx / t.scaleX, t.originY + ty / t.scaleY];
      expect(turnedPage[0]).toBeCloseTo(turnPoint(page[0]!, page[1]!, 600, 800, turn)[0], 6);
      expect(turnedPage[1]).toBeCloseTo(turnPoint(page[0]!, page[1]!, 600, 800, turn)[1], 6);
    }
  });

  it("gives the turned page its size and turn, and re-reading turns the scan the same way", () => {
    const c = turnContent(content, 90);
    expect([c.width, c.height, c.ocrTurn]).toEqual([800, 600, 90]);
    expect(c.images[0]).toMatchObject({ x0: 0, y0: 0, x1: 800, y1: 600 });
    const again = uprightRaster(raster, c);
    expect([again.width, again.height]).toEqual([1600, 1200]);
    expect(Buffer.from(again.data).equals(Buffer.from(turnRaster(raster, 90, 600, 800).data))).toBe(true);
    expect(uprightRaster(raster, content)).toBe(raster);
  });
});

describe("boxes of the record on a page read turned", () => {
  const page = (number: number, ocrTurn?: 90 | 180 | 270): PageContent =>
    scannedPage(number, ocrTurn ? { ocrTurn } : {});

  it("are turned back into the page's frame, each once; other pages' boxes stay", () => {
    // Read upright on an 842 × 595 page turned 270° clockwise: the scan's page is 595 × 842.
    const prov = { page: 2, bbox: [100, 50, 160, 62] as [number, number, number, number], text: "92.3" };
    const record = {
      self_score: { value: "92.3", prov },
      again: { value: "92.3", prov }, // the same object twice
      other: { value: "1", prov: { page: 1, bbox: [1, 2, 3, 4], text: "1" } },
    };
    const issues = [{ stage: "ocr", code: "ocr_uncertain", page: 2, bbox: [100, 50, 160, 62] }];
    expect(turnBoxesBack([record, issues], [page(1), page(2, 270)])).toBe(2);
    // 270° clockwise back is 90° clockwise on the 842 × 595 upright page.
    const expected = turnBox([100, 50, 160, 62], 842, 595, 90);
    expect(prov.bbox).toEqual(expected);
    expect(issues[0]!.bbox).toEqual(expected);
    expect(record.other.prov.bbox).toEqual([1, 2, 3, 4]);
  });
});

describe.each(["paddle", "tesseract"])("OCR by %s of pages scanned turned 180° and 90°", (engine) => {
  const FIXTURE = path.join(ROOT, "tests/fixtures/scan-turned-pages.pdf");
  const run = selfeval(["show", "--json", FIXTURE, "--db", path.join(ROOT, "output/no-such.db")], {
    env: { SELFEVAL_OCR_ENGINE: engine },
  });

  it("reads them as the same pages upright", () => {
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.ocr_pages).toBe(2);
    expect(r.fiscal_year?.value).toBe("2022");
    expect(r.self_score?.value).toBe("92.3");
    expect(r.grade?.value).toBe("优");
    expect(r.indicators.map((i) => i.target_value)).toEqual([
      "23618",
      "70",
      "100",
      "100",
      "90",
      "6000",
      undefined,
      "190",
      "5",
      "10",
      "90",
    ]);
  });

  it("keeps every box in the frame of the page as the PDF shows it", () => {
    const r = JSON.parse(run.stdout) as Report;
    // Page 2 is landscape (842 × 595) with its lines running down: a figure's box is tall.
    const score = r.self_score!.prov;
    expect(score.page).toBe(2);
    const [x0, y0, x1, y1] = score.bbox;
    expect(y1 - y0).toBeGreaterThan(x1 - x0);
    expect(x1).toBeLessThanOrEqual(842.1);
    expect(y1).toBeLessThanOrEqual(595.5);
    // Page 1 is upside down: the title, at the top of the upright page, is at the bottom.
    const year = r.fiscal_year!.prov;
    expect(year.page).toBe(1);
    expect(year.bbox[1]).toBeGreaterThan(842 / 2);
  });

  it("records how it read each page, so that evidence crops show the print upright", async () => {
    const r = JSON.parse(run.stdout) as Report;
    // Page 1 turned 180°, page 2 scanned turned 90° clockwise (read turned 270°); both 1.5–2.5° askew.
    expect(r.page_frames?.map((f) => [f.page, f.turn])).toEqual([
      [1, 180],
      [2, 270],
    ]);
    for (const f of r.page_frames!) expect(Math.abs(f.skew)).toBeGreaterThan(1);
    // The crops around the score (prose) and an indicator (table) on the sideways page: with a wide
    // margin, several lines of print, which must run across the crop as they do on the page upright.
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const regions = [r.self_score!.prov, r.indicators[1]!.prov].map((p) => ({
      reportId: r.report_id,
      page: p.page,
      bbox: p.bbox,
    }));
    const crops = await renderCrops(
      {} as Store,
      regions,
      { dpi: 100, margin: 90, narrow: 0.5, maxHeight: 320 },
      async () => ({ found: true, file: FIXTURE, bytes: bytes.slice() }),
      async () => r.page_frames ?? [],
    );
    for (const region of regions) {
      const crop = crops.get(regionKey(region))!;
      expect(crop.kind).toBe("image");
      if (crop.kind !== "image") continue;
      const lines = textLines(await pngGray(crop.src));
      expect([lines?.axis, lines?.clear]).toEqual(["h", true]);
    }
  });
});
