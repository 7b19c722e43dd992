/**
 * PNG encoding of gray pixels at 4 bits. Canvas encoders write RGBA, four times the samples for
 * a crop of black print on white paper; 16 gray levels still show print and scans faithfully, and
 * whitening the paper's noise lets scanned pages compress like text pages.
 */
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Paper lighter than this is pure white: scanner noise in the background is most of a scan's bytes. */
const PAPER = 224;

/** 16 gray levels, two pixels a byte, high nibble first. */
export function packGray4(gray: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = (width + 1) >> 1;
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = gray[y * width + x]!;
      const level = v >= PAPER ? 15 : v >> 4;
      out[y * rowBytes + (x >> 1)]! |= x & 1 ? level : level << 4;
    }
  }
  return out;
}

/** Per row, the filter (none, sub or up) with the smallest sum of residuals — libpng's heuristic. */
function filterRows(rows: Uint8Array, rowBytes: number, height: number): Buffer {
  const out = Buffer.alloc((rowBytes + 1) * height);
  const cand = [new Uint8Array(rowBytes), new Uint8Array(rowBytes), new Uint8Array(rowBytes)];
  for (let y = 0; y < height; y++) {
    const row = rows.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y > 0 ? rows.subarray((y - 1) * rowBytes, y * rowBytes) : undefined;
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let f = 0; f < 3; f++) {
      const c = cand[f]!;
      let cost = 0;
      for (let x = 0; x < rowBytes; x++) {
        const left = x > 0 ? row[x - 1]! : 0;
        const up = prev ? prev[x]! : 0;
        const v = (row[x]! - (f === 0 ? 0 : f === 1 ? left : up)) & 0xff;
        c[x] = v;
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = f;
      }
    }
    const at = y * (rowBytes + 1);
    out[at] = best;
    out.set(cand[best]!, at + 1);
  }
  return out;
}

/** A PNG of 8-bit gray pixels (0 black … 255 white), stored as 4-bit gray. */
export function encodeGrayPng(gray: Uint8Array, width: number, height: number): Buffer {
  if (gray.length !== width * height)
    throw new Error(`gray PNG: ${gray.length} pixels for ${width}×${height}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 4; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  const packed = packGray4(gray, width, height);
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(filterRows(packed, (width + 1) >> 1, height), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
