/**
 * The check before pdf.js decodes every filter pdf.js would inflate, bounded: an LZW, RunLength or
 * ASCII85-wrapped bomb is refused like a deflate bomb, while the same filters on ordinary content
 * pass and decode as pdf.js decodes them. pdf.js's own warnings (an image it leaves out, a page
 * tree /Count it corrects) reach the document that caused them, even with documents read at once.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ascii85,
  buildPdf,
  contentBomb,
  inlineImageBomb,
  lzwRepeated,
  pageTree,
  prng,
  stream,
} from "../../bench/hostile-pdfs.js";
import { readStages } from "../../pipelines/read.js";
import { defaultContext, processSource } from "../../src/cli/load-document.js";
import { InProcessSource } from "../../src/pdf/document-source.js";
import { PdfOpenError } from "../../src/pdf/open-document.js";
import { decodeBounded } from "../../src/pdf/stream-filters.js";
import { checkStreams } from "../../src/pdf/stream-limits.js";
import { SAMPLES } from "../helpers/golden.js";

/** A plain LZW encoder (EarlyChange 1, as PDF writers make it), for content of a few KB. */
function lzwEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  let width = 9;
  let decoderNext = 258;
  let emitted = 0;
  const emit = (code: number): void => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      nbits -= 8;
      out.push((acc >>> nbits) & 0xff);
    }
    acc &= (1 << nbits) - 1;
    // The decoder's table lags the encoder's by one code; its width follows its own table.
    if (emitted++ > 0) {
      decoderNext++;
      const n = decoderNext + 1;
      if ((n & (n - 1)) === 0) width = Math.min(Math.log2(n) + 1, 12);
    }
  };
  const table = new Map<string, number>();
  let next = 258;
  let w = "";
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    const wc = w + c;
    if (w === "" || table.has(wc)) {
      w = wc;
      continue;
    }
    emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
    table.set(wc, next++);
    w = c;
  }
  emit(w.length === 1 ? w.charCodeAt(0) : table.get(w)!);
  emit(257);
  if (nbits > 0) out.push((acc << (8 - nbits)) & 0xff);
  expect(next).toBeLessThan(4000); // no clear code needed at this size
  return Buffer.from(out);
}

const textPage = (filter: string, data: Buffer): Buffer =>
  buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream(filter, data),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);

const CONTENT = Buffer.from(
  Array.from(
    { length: 40 },
    (_, i) => `BT /F1 10 Tf 72 ${800 - i * 18} Td (line ${i} of the filtered page) Tj ET`,
  ).join("\n"),
  "latin1",
);

async function pageText(pdf: Buffer): Promise<string> {
  const src = await InProcessSource.open(new Uint8Array(pdf), {});
  try {
    const { pages } = await src.readPages();
    // Runs come without the spaces between words (pdf.js gives those as items of their own).
    return pages[0]!.runs.map((r) => r.text).join("");
  } finally {
    await src.close();
  }
}

const LIMITS = { maxImagePixels: 1e6, maxStreamBytes: 16 << 20 };

describe("filters decoded before pdf.js", () => {
  it("LZW content decodes as pdf.js decodes it", async () => {
    const encoded = lzwEncode(CONTENT);
    const d = decodeBounded("LZWDecode", encoded, 1 << 20);
    expect("bytes" in d && d.bytes.equals(CONTENT)).toBe(true);
    const pdf = textPage("/Filter /LZWDecode", encoded);
    expect(checkStreams(pdf, LIMITS)).toBeUndefined();
    expect(await pageText(pdf)).toContain("line39ofthefilteredpage");
  });

  it("ASCII85 (with z groups and a short last group) and RunLength decode exactly", async () => {
    const rnd = prng(7);
    for (const n of [0, 1, 3, 4, 5, 99, 1000]) {
      const data = Buffer.from(
        Array.from({ length: n }, (_, i) => (i % 13 < 5 ? 0 : Math.floor(rnd() * 256))),
      );
      const d = decodeBounded("A85", ascii85(data), 1 << 20);
      expect("bytes" in d && d.bytes.equals(data), `n=${n}`).toBe(true);
    }
    const rl = decodeBounded(
      "RunLengthDecode",
      Buffer.from([2, 0x61, 0x62, 0x63, 254, 0x78, 128, 0x7a]),
      100,
    );
    expect("bytes" in rl && rl.bytes.toString("latin1")).toBe("abcxxx");
    // ASCII85 over Flate, the classic chain, reaches pdf.js and reads.
    const pdf = textPage("/Filter [/ASCII85Decode /FlateDecode]", ascii85(zlib.deflateSync(CONTENT)));
    expect(checkStreams(pdf, LIMITS)).toBeUndefined();
    expect(await pageText(pdf)).toContain("line0ofthefilteredpage");
  });

  it("measures an LZW bomb without holding it, as pdf.js would expand it", () => {
    const bomb = lzwRepeated(50e6);
    expect(bomb.length).toBeLessThan(40_000); // ~2 500 times smaller than what it expands to
    expect(decodeBounded("LZW", bomb, 40e6, {}, true)).toEqual({ over: true });
    const under = decodeBounded("LZW", lzwRepeated(5e6), 10e6);
    expect("bytes" in under && under.bytes.length).toBeGreaterThanOrEqual(5e6);
    expect("bytes" in under && under.bytes.every((b) => b === 0x20)).toBe(true);
  });

  it.each([
    ["lzw", "LZWDecode"],
    ["ascii85-flate", "FlateDecode"],
    ["run-length", "RunLengthDecode"],
    ["flate-twice", "FlateDecode"],
  ] as const)("a content bomb (%s) is refused before pdf.js, naming the filter", (how, filter) => {
    expect(checkStreams(contentBomb(24 << 20, how), LIMITS)).toMatchObject({ kind: "stream", filter });
    // The same filters under the limit pass.
    expect(checkStreams(contentBomb(1 << 20, how), LIMITS)).toBeUndefined();
  });
});

describe("pdf.js's warnings reach the document that raised them", () => {
  const read = (name: string, bytes: Buffer) =>
    processSource(
      { path: name, fileName: name, size: bytes.length, sha256: name },
      new Uint8Array(bytes),
      readStages,
      defaultContext({ ocr: "never", maxImagePixels: 1e6 }),
    );

  it("an inline image over the limit fails its file; a good file read at the same time does not", async () => {
    const good = readFileSync(path.join(SAMPLES, "qingchuan-health-2022.pdf"));
    const [bomb, ok, absurd] = await Promise.all([
      read("bomb.pdf", inlineImageBomb(1500, 1500)),
      read("good.pdf", good),
      read("absurd.pdf", pageTree("absurd")),
    ]);
    expect(bomb.status).toBe("failed");
    expect(bomb.failure).toMatchObject({
      code: "image_too_large",
      hint: expect.stringMatching(/--max-image/),
    });
    expect(bomb.failure?.message).toMatch(/^page 1 holds an image over the limit of 1 megapixels/);
    expect(ok.status, JSON.stringify(ok.failure)).not.toBe("failed");
    expect(absurd.status).toBe("failed");
    expect(absurd.failure?.message).toBe(
      "the PDF is damaged: its page tree declares 999999999 pages, but 1 was found",
    );
  });

  it("a page tree that loops still says none of its pages could be read", async () => {
    const r = await read("loop.pdf", pageTree("loop"));
    expect(r.failure?.message).toMatch(/damaged: none of its 1 pages could be read/);
  });
});

it("the open error for a refused stream names its filter", async () => {
  const err = await InProcessSource.open(new Uint8Array(contentBomb(24 << 20, "lzw")), {
    maxImagePixels: 1e6,
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PdfOpenError);
  expect((err as PdfOpenError).message).toMatch(/expands to more than 17 MB \(LZWDecode, at byte \d+\)/);
});
