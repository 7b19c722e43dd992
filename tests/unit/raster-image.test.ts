import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { imageObjectToGray } from "../../src/ocr/page-image.js";
import {
  binarize,
  createGray,
  crop,
  denoise,
  estimateSkew,
  estimateTextHeight,
  findRulings,
  type GrayImage,
  type PixelLine,
  removeRulings,
  rgbaToGray,
  rotate,
  scale,
  toPgm,
} from "../../src/ocr/raster/index.js";

/** mulberry32: a tiny seeded PRNG so every synthetic page is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fillRect(img: GrayImage, x0: number, y0: number, x1: number, y1: number, value = 0): void {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
    img.data.fill(value, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x1));
}

/** A pseudo-character: a few horizontal and vertical 2-px strokes in a size × size box, like 王 or 目. */
function drawGlyph(img: GrayImage, x: number, y: number, size: number, rand: () => number): void {
  const strokes = 2 + Math.floor(rand() * 4);
  for (let s = 0; s < strokes; s++) {
    if (rand() < 0.5) {
      const yy = y + Math.floor(rand() * (size - 2));
      const a = x + Math.floor(rand() * size * 0.3);
      // Some strokes span the whole box, as in 一 or 三.
      const b = rand() < 0.4 ? x + size : a + Math.floor(size * (0.4 + rand() * 0.6));
      fillRect(img, a, yy, Math.min(b, x + size), yy + 2);
    } else {
      const xx = x + Math.floor(rand() * (size - 2));
      const a = y + Math.floor(rand() * size * 0.3);
      fillRect(img, xx, a, xx + 2, Math.min(y + size, a + Math.floor(size * (0.4 + rand() * 0.6))));
    }
  }
}

function drawTextLine(
  img: GrayImage,
  x: number,
  y: number,
  chars: number,
  size: number,
  rand: () => number,
): void {
  for (let i = 0; i < chars; i++) drawGlyph(img, x + i * Math.round(size * 1.15), y, size, rand);
}

interface Table {
  /** Top rows of the horizontal rules and left columns of the vertical ones (each rule 2 px thick). */
  ys: number[];
  xs: number[];
}

/**
 * A 1000 × 1400 page (about a 120 dpi A4): a paragraph of text, then a table with 4 rows and 3
 * columns ruled by 2-px lines with 5-px gaps punched into them, text in its cells (some touching a
 * rule), and salt noise.
 */
function syntheticPage(seed: number, options: { gaps?: boolean; noise?: boolean; table?: boolean } = {}) {
  const rand = mulberry32(seed);
  const img = createGray(1000, 1400, 245);
  const size = 20;
  for (let line = 0; line < 8; line++) drawTextLine(img, 120, 150 + line * 34, 30, size, rand);
  const table: Table = { ys: [500, 580, 660, 740, 820], xs: [120, 400, 650, 880] };
  if (options.table !== false) {
    const [left, right] = [table.xs[0]!, table.xs[table.xs.length - 1]! + 2];
    const [top, bottom] = [table.ys[0]!, table.ys[table.ys.length - 1]! + 2];
    for (const y of table.ys) fillRect(img, left, y, right, y + 2, 20);
    for (const x of table.xs) fillRect(img, x, top, x + 2, bottom, 20);
    if (options.gaps !== false) {
      for (const y of table.ys)
        for (let g = 0; g < 6; g++) {
          const x = left + 20 + Math.floor(rand() * (right - left - 40));
          fillRect(img, x, y, x + 5, y + 2, 245);
        }
      for (const x of table.xs)
        for (let g = 0; g < 3; g++) {
          const y = top + 20 + Math.floor(rand() * (bottom - top - 40));
          fillRect(img, x, y, x + 2, y + 5, 245);
        }
    }
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 3; c++) {
        const chars = 3 + Math.floor(rand() * 6);
        drawTextLine(
          img,
          table.xs[c]! + 12,
          table.ys[r]! + 30,
          Math.min(chars, c === 0 ? 10 : 8),
          size,
          rand,
        );
      }
    // A character sitting on a rule: its vertical stroke touches the rule from above.
    fillRect(img, 300, 790, 302, 820);
  }
  if (options.noise !== false) {
    for (let i = 0; i < 1500; i++) {
      const x = Math.floor(rand() * img.width);
      const y = Math.floor(rand() * img.height);
      fillRect(img, x, y, x + 1 + Math.floor(rand() * 2), y + 1, 30);
    }
  }
  return { img, table };
}

const inkCount = (img: GrayImage, x0 = 0, y0 = 0, x1 = img.width, y1 = img.height): number => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (img.data[y * img.width + x]! < 128) n++;
  return n;
};

function expectGrid(lines: PixelLine[], table: Table, tolerance = 3): void {
  const hs = lines.filter((l) => l.orient === "h");
  const vs = lines.filter((l) => l.orient === "v");
  expect(hs.map((l) => l.pos)).toHaveLength(table.ys.length);
  expect(vs.map((l) => l.pos)).toHaveLength(table.xs.length);
  hs.forEach((l, i) => {
    expect(Math.abs(l.pos - (table.ys[i]! + 1))).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(l.from - table.xs[0]!)).toBeLessThanOrEqual(6);
    expect(Math.abs(l.to - (table.xs[table.xs.length - 1]! + 2))).toBeLessThanOrEqual(6);
    expect(l.thickness).toBeGreaterThanOrEqual(1);
    expect(l.thickness).toBeLessThanOrEqual(4);
  });
  vs.forEach((l, i) => {
    expect(Math.abs(l.pos - (table.xs[i]! + 1))).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(l.from - table.ys[0]!)).toBeLessThanOrEqual(6);
    expect(Math.abs(l.to - (table.ys[table.ys.length - 1]! + 2))).toBeLessThanOrEqual(6);
  });
}

describe("gray images", () => {
  it("converts RGBA to gray, compositing transparency onto white", () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0]);
    const g = rgbaToGray(rgba, 2, 2);
    expect([...g.data]).toEqual([255, 0, 76, 255]);
  });

  it("crops a clamped box", () => {
    const img = createGray(4, 3, 0);
    img.data.set([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);
    expect(crop(img, 1, 1, 3, 3)).toEqual({ width: 2, height: 2, data: new Uint8Array([11, 12, 21, 22]) });
    expect(crop(img, -5, 2, 10, 9).data).toEqual(new Uint8Array([20, 21, 22, 23]));
  });

  it("writes a binary PGM", () => {
    const img = createGray(3, 2, 7);
    const pgm = toPgm(img);
    expect(pgm.subarray(0, 11).toString("ascii")).toBe("P5\n3 2\n255\n");
    expect([...pgm.subarray(11)]).toEqual([7, 7, 7, 7, 7, 7]);
  });
});

describe("binarize", () => {
  it("follows a gradient background (uneven lighting)", () => {
    const rand = mulberry32(7);
    const w = 600;
    const h = 300;
    const text = createGray(w, h, 255);
    for (let line = 0; line < 6; line++) drawTextLine(text, 20, 20 + line * 45, 24, 20, rand);
    const img = createGray(w, h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        // Light falls off from 250 at the right edge to 90 at the left, with sensor noise.
        const bg = 90 + (160 * x) / (w - 1) + (rand() - 0.5) * 10;
        img.data[y * w + x] = Math.round(text.data[y * w + x]! < 128 ? bg * 0.35 : bg);
      }
    const bin = binarize(img);
    let inkOk = 0;
    let ink = 0;
    let bgWrong = 0;
    let bg = 0;
    let other = 0;
    for (let i = 0; i < w * h; i++) {
      if (bin.data[i] !== 0 && bin.data[i] !== 255) other++;
      if (text.data[i]! < 128) {
        ink++;
        if (bin.data[i] === 0) inkOk++;
      } else {
        bg++;
        if (bin.data[i] === 0) bgWrong++;
      }
    }
    expect(other).toBe(0);
    expect(inkOk / ink).toBeGreaterThan(0.97);
    expect(bgWrong / bg).toBeLessThan(0.005);
    // No global threshold could do this: the ink and background gray levels overlap.
    let inkMax = 0;
    let bgMin = 255;
    for (let i = 0; i < w * h; i++)
      if (text.data[i]! < 128) inkMax = Math.max(inkMax, img.data[i]!);
      else bgMin = Math.min(bgMin, img.data[i]!);
    expect(inkMax).toBeGreaterThan(bgMin);
  });
});

describe("deskew", () => {
  it.each([1.5, -1.5, 0.7, -2.6, 0])("finds a skew of %s° within 0.1°", (deg) => {
    const { img } = syntheticPage(11);
    const skewed = binarize(rotate(img, deg));
    expect(Math.abs(estimateSkew(skewed) - deg)).toBeLessThanOrEqual(0.1);
  });

  it("rotates clockwise for positive angles", () => {
    const img = createGray(201, 201);
    fillRect(img, 100, 100, 200, 101);
    const r = rotate(img, 10);
    // A ray pointing right from the centre now points right and down.
    const y = 100 + Math.round(80 * Math.sin((10 * Math.PI) / 180));
    const x = 100 + Math.round(80 * Math.cos((10 * Math.PI) / 180));
    expect(r.data[y * 201 + x]!).toBeLessThan(160);
    expect(r.data[(200 - y) * 201 + x]!).toBe(255);
    expect(Buffer.compare(rotate(img, 0).data, img.data)).toBe(0);
  });

  it("returns 0 for a blank page", () => {
    expect(estimateSkew(createGray(300, 200))).toBe(0);
  });
});

describe("rulings", () => {
  it.each([1.5, -1.5, 0.7, -2.6])("finds the 5 + 4 rules of a table after deskewing %s°", (deg) => {
    const { img, table } = syntheticPage(23);
    const scanned = rotate(img, deg);
    const skew = estimateSkew(binarize(scanned));
    const bin = binarize(rotate(scanned, -skew));
    expectGrid(findRulings(bin), table);
  });

  it("tolerates a residual tilt of 0.3°", () => {
    const { img, table } = syntheticPage(29);
    expectGrid(findRulings(binarize(rotate(img, 0.3))), table, 3);
    expectGrid(findRulings(binarize(rotate(img, -0.3))), table, 3);
  });

  it("finds no lines in text", () => {
    const { img } = syntheticPage(31, { table: false });
    expect(findRulings(binarize(img))).toEqual([]);
    const dense = createGray(1000, 1400, 255);
    const rand = mulberry32(5);
    for (let line = 0; line < 30; line++) drawTextLine(dense, 60, 60 + line * 40, 38, 22, rand);
    expect(findRulings(dense)).toEqual([]);
  });

  it("finds no lines in a row of level strokes (二三…) or in a dash", () => {
    const rand = mulberry32(9);
    const img = createGray(1000, 1400, 255);
    for (let line = 0; line < 10; line++) drawTextLine(img, 60, 60 + line * 34, 38, 20, rand);
    // Title characters twice the body size whose bold bottom strokes line up 4 px apart, as in 二〇二三:
    // each stroke is longer than half the minimum line length, so it survives the first step.
    for (let i = 0; i < 8; i++) fillRect(img, 100 + i * 38, 600, 134 + i * 38, 604);
    // A two-em dash between characters with strokes at its height: "成——主".
    drawGlyph(img, 100, 700, 20, rand);
    fillRect(img, 123, 710, 163, 712);
    fillRect(img, 166, 710, 186, 712);
    expect(estimateTextHeight(img)).toBeGreaterThanOrEqual(14);
    expect(estimateTextHeight(img)).toBeLessThanOrEqual(22);
    expect(findRulings(img)).toEqual([]);
  });

  it("merges a double rule and ignores a filled box and a dithered picture", () => {
    const img = createGray(1000, 1000);
    fillRect(img, 100, 200, 900, 202);
    fillRect(img, 100, 205, 900, 207);
    fillRect(img, 100, 500, 900, 560);
    const rand = mulberry32(3);
    for (let y = 650; y < 950; y++)
      for (let x = 200; x < 800; x++) if (rand() < 0.45) img.data[y * 1000 + x] = 0;
    const lines = findRulings(img);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ orient: "h", from: 100, to: 900 });
    expect(lines[0]!.pos).toBeCloseTo(203.5, 0);
  });

  it("erases rules but keeps text, including a stroke touching a rule", () => {
    const { img, table } = syntheticPage(37, { noise: false });
    const bin = binarize(img);
    const lines = findRulings(bin);
    expectGrid(lines, table);
    const cleaned = removeRulings(bin, lines);
    expect(findRulings(cleaned)).toEqual([]);
    // Nothing of the rules is left: no ink on their rows/columns outside the cells' text.
    const left = table.xs[0]!;
    const right = table.xs[table.xs.length - 1]! + 2;
    const y = table.ys[0]!;
    expect(inkCount(cleaned, left - 2, y - 1, right + 2, y + 3)).toBe(0);
    // The stroke standing on the rule at y = 820 is intact.
    expect(inkCount(cleaned, 300, 790, 302, 820)).toBe(60);
    // Text ink in the cells is untouched.
    const cell = [table.xs[0]! + 4, table.ys[1]! + 4, table.xs[1]! - 2, table.ys[2]! - 2] as const;
    expect(inkCount(cleaned, ...cell)).toBe(inkCount(bin, ...cell));
  });
});

describe("denoise", () => {
  it("removes isolated specks but keeps rules and strokes", () => {
    const { img, table } = syntheticPage(41);
    const clean = syntheticPage(41, { noise: false }).img;
    const bin = binarize(img);
    const out = denoise(bin);
    const reference = binarize(clean);
    const { width: w, height: h } = out;
    // Reference ink grown by one pixel: a speck touching it merges with it and rightly stays.
    const near = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        if (reference.data[y * w + x]! >= 128) continue;
        for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
          near.fill(1, yy * w + Math.max(0, x - 1), yy * w + Math.min(w, x + 2));
      }
    let specksBefore = 0;
    let specksLeft = 0;
    let inkLost = 0;
    for (let i = 0; i < w * h; i++) {
      if (bin.data[i]! < 128 && !near[i]) specksBefore++;
      if (out.data[i]! < 128 && !near[i]) specksLeft++;
      if (out.data[i]! >= 128 && reference.data[i]! < 128) inkLost++;
    }
    // Specks touching text or rules merge with them and stay; the isolated ones go.
    expect(specksBefore).toBeGreaterThan(1500);
    // Two specks side by side can reach minArea; that is rare.
    expect(specksLeft).toBeLessThan(specksBefore * 0.02);
    expect(inkLost).toBe(0);
    expectGrid(findRulings(out), table);
    expect(Buffer.compare(denoise(bin, { minArea: 1 }).data, bin.data)).toBe(0);
  });
});

const fixturePng = fileURLToPath(new URL("../fixtures/deskew-table.png", import.meta.url));
const fixtureJson = fileURLToPath(new URL("../fixtures/deskew-table.json", import.meta.url));

describe("deskew-table fixture", () => {
  it.skipIf(!existsSync(fixturePng) || !existsSync(fixtureJson))("finds its skew and grid", async () => {
    const { createCanvas, loadImage } = await import("@napi-rs/canvas");
    const meta = JSON.parse(readFileSync(fixtureJson, "utf8")) as {
      rotation_deg: number;
      rows: number;
      cols: number;
    };
    const png = await loadImage(readFileSync(fixturePng));
    const canvas = createCanvas(png.width, png.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(png, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, png.width, png.height);
    const gray = rgbaToGray(data, width, height);
    const skew = estimateSkew(binarize(gray));
    // The fixture's angle is clockwise-positive like ours (ImageMagick -rotate).
    expect(Math.abs(skew - meta.rotation_deg)).toBeLessThanOrEqual(0.1);
    const lines = findRulings(binarize(rotate(gray, -skew)));
    expect(lines.filter((l) => l.orient === "h")).toHaveLength(meta.rows + 1);
    expect(lines.filter((l) => l.orient === "v")).toHaveLength(meta.cols + 1);
  });
});

describe("scale", () => {
  it("keeps flat areas flat and the image's proportions", () => {
    const img = createGray(20, 10, 200);
    const up = scale(img, 1.5);
    expect([up.width, up.height]).toEqual([30, 15]);
    expect(new Set(up.data)).toEqual(new Set([200]));
  });

  it("interpolates between pixels and keeps an edge where it was", () => {
    // left half black, right half white
    const img = createGray(10, 2, 255);
    for (let y = 0; y < 2; y++) img.data.fill(0, y * 10, y * 10 + 5);
    const up = scale(img, 2);
    const row = Array.from(up.data.subarray(0, up.width));
    expect(row.slice(0, 9).every((v) => v === 0)).toBe(true);
    expect(row.slice(11).every((v) => v === 255)).toBe(true);
    expect(row[9]! > 0 && row[9]! < 255 && row[10]! > row[9]!).toBe(true);
  });
});

describe("scan pixels to gray", () => {
  it("drops a seal's saturated red to paper, keeps black print under it", () => {
    // RGB: black, white, seal red, black print over the seal (dark), dark blue ink
    const rgb = new Uint8Array([0, 0, 0, 255, 255, 255, 220, 40, 50, 60, 10, 10, 20, 30, 120]);
    const gray = imageObjectToGray({ width: 5, height: 1, kind: 2, data: rgb })!;
    expect(gray[0]).toBe(0);
    expect(gray[1]).toBe(255);
    expect(gray[2]).toBe(255);
    expect(gray[3]!).toBeLessThan(64);
    expect(gray[4]!).toBeLessThan(64);
  });
});
