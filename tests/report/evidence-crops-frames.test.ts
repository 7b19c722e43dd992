/**
 * Evidence crops of pages OCR read turned upright or deskewed (the record's `page_frames`): the crop
 * must show the print upright and straight, cut and marked where the value was read — the same
 * crop as of the page scanned upright and straight. Pages are made here: a small "printed" page
 * (bars for text, a solid box for the value, a notch at its top right that tells up from down),
 * scanned turned by a quarter turn, skewed, or both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PageFrame } from "../../schemas/report.js";
import { pageFrames } from "../../src/ocr/page-frame.js";
import {
  type GrayImage,
  normalizeTurn,
  type QuarterTurn,
  quarterTurn,
  rotate,
  turnBox,
  turnPoint,
} from "../../src/ocr/raster/index.js";
import {
  type BBox,
  type Crop,
  type CropOptions,
  regionKey,
  renderCrops,
} from "../../src/report/evidence-crops.js";
import { openStore, type Store } from "../../src/store/store.js";
import { imagePdf, pngGray } from "../helpers/image-pdf.js";
import { scannedPage } from "../helpers/page-content.js";
import { fig, report } from "../helpers/report-builder.js";

/** The printed page: 300 × 400 pt, scanned at 2 px/pt; crops at the same 144 dpi, pixel for pixel. */
const W = 300;
const H = 400;
const PX = 2;
const OPTIONS: CropOptions = { dpi: 72 * PX, margin: 12, narrow: 0.5, maxHeight: 320 };
/** The value's box on the upright page (points). */
const VALUE: BBox = [40, 70, 110, 80];

function printedPage(): GrayImage {
  const img: GrayImage = { width: W * PX, height: H * PX, data: new Uint8Array(W * PX * H * PX).fill(255) };
  const ink = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let y = y0 * PX; y < y1 * PX; y++)
      img.data.fill(0, y * img.width + x0 * PX, y * img.width + x1 * PX);
  };
  ink(...VALUE);
  ink(114, 70, 120, 74); // the notch: top right of the value, never at its bottom left
  for (let y = 40; y < 360; y += 22) if (y < 60 || y > 90) ink(30, y, 30 + ((y * 7) % 220) + 30, y + 9);
  ink(150, 70, 260, 80); // the rest of the value's line
  return img;
}

/** The scan of the page as OCR finds it: skewed by `skew`° (then deskewed back), turned so that `turn` makes it upright. */
function scanned(turn: QuarterTurn, skew: number): { image: GrayImage; width: number; height: number } {
  const back = normalizeTurn(360 - turn);
  const image = quarterTurn(skew ? rotate(printedPage(), skew) : printedPage(), back);
  return { image, width: turn % 180 ? H : W, height: turn % 180 ? W : H };
}

/** The value's box and the page's frame as the record stores them (src/ocr/page-frame.ts). */
function stored(turn: QuarterTurn, skew: number): { bbox: BBox; frame: PageFrame } {
  const back = normalizeTurn(360 - turn);
  return {
    bbox: turnBox(VALUE, W, H, back),
    frame: { page: 1, turn, skew, center: turnPoint(W / 2, H / 2, W, H, back) },
  };
}

async function cropOf(pdf: Uint8Array, bbox: BBox, frames: PageFrame[]): Promise<Crop> {
  const region = { reportId: "r", page: 1, bbox };
  const crops = await renderCrops(
    {} as Store,
    [region],
    OPTIONS,
    async () => ({ found: true, file: "scan.pdf", bytes: pdf.slice() }),
    async () => frames,
  );
  return crops.get(regionKey(region))!;
}

/** Pixels where one crop has ink and the other paper, per ink pixel of `want`. */
async function disagreement(got: Crop, want: Crop): Promise<number> {
  if (got.kind !== "image" || want.kind !== "image") throw new Error("no crop");
  const [a, b] = await Promise.all([pngGray(got.src), pngGray(want.src)]);
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let ink = 0;
  let differ = 0;
  for (let i = 0; i < b.data.length; i++) {
    if (b.data[i]! < 128) ink++;
    if (a.data[i]! < 128 !== b.data[i]! < 128) differ++;
  }
  return differ / ink;
}

const upright = cropOf(imagePdf([scanned(0, 0)]), VALUE, []);

describe("an evidence crop of a page OCR read turned or deskewed", () => {
  it.each([
    [90, 0],
    [180, 0],
    [270, 0],
    [0, 2.5],
    [90, -2],
    [270, 3],
  ] as Array<[QuarterTurn, number]>)(
    "shows the print as scanned upright, marked at the value (turn %i°, skew %f°)",
    async (turn, skew) => {
      const want = await upright;
      const { bbox, frame } = stored(turn, skew);
      const got = await cropOf(imagePdf([scanned(turn, skew)]), bbox, [frame]);
      expect(got.kind).toBe("image");
      if (got.kind !== "image" || want.kind !== "image") return;
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      for (const k of ["left", "top", "width", "height"] as const)
        expect(got.mark[k]).toBeCloseTo(want.mark[k], 0);
      // A deskewed page is resampled twice (scan, then crop): its edges may move by a pixel.
      expect(await disagreement(got, want)).toBeLessThan(skew ? 0.08 : 0.01);
    },
  );

  it("is cut from the page as the PDF shows it when the record has no frames (older records)", async () => {
    const { bbox } = stored(90, 0);
    const got = await cropOf(imagePdf([scanned(90, 0)]), bbox, []);
    const want = await upright;
    expect(got.kind === "image" && want.kind === "image" && got.width === want.width).toBe(false);
  });

  it("without the deskew, a skewed scan's crop would miss the value (what the frame fixes)", async () => {
    const { bbox } = stored(0, 3);
    const got = await cropOf(imagePdf([scanned(0, 3)]), bbox, []);
    expect(await disagreement(got, await upright)).toBeGreaterThan(0.15);
  });
});

describe("the frames in the record", () => {
  const page = scannedPage;

  it("name each page OCR turned or deskewed, with the deskew's centre in the page's own frame", () => {
    const frames = pageFrames([
      page(1, {}),
      page(2, { ocrTurn: 90, ocrDeskew: { angle: 0.6, center: [421, 297.5] } }),
      page(3, { width: 595, height: 842, ocrDeskew: { angle: -1.2, center: [297.5, 421] } }),
      page(4, { ocrTurn: 180 }),
    ]);
    expect(frames).toEqual([
      // Upright 842 × 595 after a 90° turn: the scan's page is 595 × 842; turned back by 270°.
      { page: 2, turn: 90, skew: 0.6, center: turnPoint(421, 297.5, 842, 595, 270) },
      { page: 3, turn: 0, skew: -1.2, center: [297.5, 421] },
      { page: 4, turn: 180, skew: 0, center: [421, 297.5] },
    ]);
  });

  const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-frames-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("are stored with the record and used by the report's crops", async () => {
    const store = await openStore(path.join(tmp, "frames.db"));
    try {
      const { bbox, frame } = stored(270, 1.5);
      const r = report("ab", {
        self_score: { ...fig("92.3", "分"), prov: { page: 1, bbox: [...bbox], text: "92.3" } },
      });
      r.page_frames = [frame];
      await store.saveReport(r, 1000);
      expect((await store.loadReport(r.report_id))?.page_frames).toEqual([frame]);
      const pdf = imagePdf([scanned(270, 1.5)]);
      const region = { reportId: r.report_id, page: 1, bbox };
      const crops = await renderCrops(store, [region], OPTIONS, async () => ({
        found: true,
        file: "x.pdf",
        bytes: pdf,
      }));
      expect(await disagreement(crops.get(regionKey(region))!, await upright)).toBeLessThan(0.08);
    } finally {
      await store.close();
    }
  });
});
