/**
 * Hostile and broken input, generated: image and deflate bombs, page trees that loop, page counts
 * that lie, other formats named .pdf, truncated and mutated copies of the samples, a page of
 * hundreds of thousands of text runs. Used by `npm run bench:hostile` (full sizes) and by the
 * regression tests (small sizes, run with small limits). Nothing here is a real report.
 *
 * Every file is built from its description by a tiny PDF writer (objects + a correct xref), so a
 * case pins exactly one problem.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface HostileCase {
  name: string;
  /** What the file is, as a reader would describe it. */
  what: string;
  bytes: () => Buffer;
}

type Obj = string | Buffer;

/** A PDF from object bodies (object i+1 = objs[i]); object 1 must be the catalog. */
export function buildPdf(objs: readonly Obj[], options: { trailer?: string } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(b);
    offset += b.length;
  });
  const xref = [
    "xref",
    `0 ${objs.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objs.length + 1} /Root 1 0 R ${options.trailer ?? ""}>>`,
    "startxref",
    String(offset),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

export function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

/**
 * A zlib stream of `total` bytes of `fill`, made without ever holding them (a bomb of any size in
 * little memory): one raw deflate block sequence for 1 MiB, ended by a sync flush (not final), is
 * repeated; an empty final block, and the Adler-32 of the whole, close the stream.
 */
export function deflateRepeated(total: number, fill = 0x20): Buffer {
  const size = 1 << 20;
  const raw = (n: number): Buffer =>
    zlib.deflateRawSync(Buffer.alloc(n, fill), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const full = Math.floor(total / size);
  const rest = total % size;
  const block = full > 0 ? raw(size) : Buffer.alloc(0);
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  for (let i = 0; i < full; i++) parts.push(block);
  if (rest > 0) parts.push(raw(rest));
  parts.push(Buffer.from([0x03, 0x00])); // an empty fixed-Huffman block with BFINAL set
  // Adler-32 of n copies of byte c: a = 1 + n·c, b = n + c·n(n+1)/2 (mod 65521).
  const M = 65521n;
  const n = BigInt(total);
  const c = BigInt(fill);
  const a = (1n + n * c) % M;
  const b = (n + (c * n * (n + 1n)) / 2n) % M;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  parts.push(adler);
  return Buffer.concat(parts);
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/** One page drawing `content`, with Helvetica as /F1 and optional XObjects. */
export function onePage(
  content: Buffer | string,
  options: { xobjects?: Obj[]; mediaBox?: string } = {},
): Buffer {
  const data = typeof content === "string" ? Buffer.from(content, "latin1") : content;
  const xs = options.xobjects ?? [];
  const xobjRefs = xs.map((_, i) => `/X${i} ${5 + i} 0 R`).join(" ");
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? "[0 0 595 842]"} /Contents 4 0 R /Resources << /Font << /F1 ${5 + xs.length} 0 R >> /XObject << ${xobjRefs} >> >> >>`,
    stream("/Filter /FlateDecode", zlib.deflateSync(data)),
    ...xs,
    FONT,
  ]);
}

/** A page holding one image of w × h pixels whose data is a deflate bomb (all white). */
export function imageBomb(w: number, h: number, colorSpace: "DeviceRGB" | "DeviceGray"): Buffer {
  const bpp = colorSpace === "DeviceRGB" ? 3 : 1;
  const img = stream(
    `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /${colorSpace} /BitsPerComponent 8 /Filter /FlateDecode`,
    deflateRepeated(w * h * bpp, 0xff),
  );
  return onePage("q 595 0 0 842 0 0 cm /X0 Do Q", { xobjects: [img] });
}

/** A small image whose soft mask is a bomb. */
export function softMaskBomb(w: number, h: number): Buffer {
  const data = Buffer.alloc(10 * 10 * 3, 0x80);
  const base = stream(
    "/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 6 0 R",
    data,
  );
  const mask = stream(
    `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    deflateRepeated(w * h, 0xff),
  );
  return onePage("q 595 0 0 842 0 0 cm /X0 Do Q", { xobjects: [base, mask] });
}

/** An inline image (inside the content stream) of w × h pixels. */
export function inlineImageBomb(w: number, h: number): Buffer {
  const data = deflateRepeated(w * h, 0xff);
  const content = Buffer.concat([
    Buffer.from(`q 595 0 0 842 0 0 cm BI /W ${w} /H ${h} /CS /G /BPC 8 /F /Fl ID `, "latin1"),
    data,
    Buffer.from("\nEI Q", "latin1"),
  ]);
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    stream("", content),
  ]);
}

/**
 * An LZW stream (as pdf.js decodes it, EarlyChange 1) of at least `total` bytes of `fill`, in little
 * memory: the codes for runs of 1, 2, … 3 839 bytes fill the table, then the longest is repeated
 * (pdf.js keeps decoding past a full table without a clear code).
 */
export function lzwRepeated(total: number, fill = 0x20): Buffer {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  let width = 9;
  let next = 258;
  let first = true;
  const emit = (code: number): void => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      nbits -= 8;
      out.push((acc >>> nbits) & 0xff);
    }
    acc &= (1 << nbits) - 1;
    // The decoder adds an entry for every code but the first, and widens its codes one early.
    if (!first) {
      next++;
      const n = next + 1;
      if ((n & (n - 1)) === 0) width = Math.min(Math.log2(n) + 1, 12);
    }
    first = false;
  };
  let made = 1;
  emit(fill);
  let code = 258;
  while (made < total) {
    emit(code);
    made += code - 256;
    if (code < 4095) code++;
  }
  emit(257);
  if (nbits > 0) out.push((acc << (8 - nbits)) & 0xff);
  return Buffer.from(out);
}

/** ASCII85 (as a PDF filter writes it, ended by `~>`). */
export function ascii85(data: Buffer): Buffer {
  let s = "";
  for (let i = 0; i < data.length; i += 4) {
    const chunk = Buffer.alloc(4);
    data.copy(chunk, 0, i, Math.min(i + 4, data.length));
    const n = data.length - i;
    let v = chunk.readUInt32BE(0);
    if (v === 0 && n >= 4) {
      s += "z";
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    s += digits.slice(0, Math.min(n, 4) + 1).join("");
  }
  return Buffer.from(`${s}~>`, "latin1");
}

/** A content stream that expands to `bytes` bytes of spaces, by the given filters. */
export function contentBomb(
  bytes: number,
  how: "flate" | "flate-twice" | "lzw" | "ascii85-flate" | "run-length" = "flate",
): Buffer {
  const encoded: Record<typeof how, () => [string, Buffer]> = {
    flate: () => ["/Filter /FlateDecode", deflateRepeated(bytes)],
    "flate-twice": () => ["/Filter [/FlateDecode /FlateDecode]", zlib.deflateSync(deflateRepeated(bytes))],
    lzw: () => ["/Filter /LZWDecode", lzwRepeated(bytes)],
    "ascii85-flate": () => ["/Filter [/ASCII85Decode /FlateDecode]", ascii85(deflateRepeated(bytes))],
    "run-length": () => ["/Filter /RunLengthDecode", runLengthRepeated(bytes)],
  };
  const [filter, data] = encoded[how]();
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    stream(filter, data),
  ]);
}

/**
 * RunLengthDecode data of `bytes` spaces: 129 then a byte is the byte 128 times (the most the
 * filter expands), 128 ends.
 */
function runLengthRepeated(bytes: number): Buffer {
  const pairs = Math.ceil(bytes / 128);
  const data = Buffer.alloc(pairs * 2 + 1);
  for (let i = 0; i < pairs; i++) {
    data[2 * i] = 129;
    data[2 * i + 1] = 0x20;
  }
  data[pairs * 2] = 128;
  return data;
}

/**
 * One page of `n` text runs: digits in a small raised font beside digits in a larger one, so that
 * every small run is a footnote-mark candidate next to many hosts (the case that was quadratic).
 */
export function manyTextRuns(n: number): Buffer {
  const lines: string[] = ["BT"];
  const cols = 120;
  for (let i = 0; i < n; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const big = i % 2 === 0;
    const x = 10 + col * 4.8;
    const y = 830 - (row % 400) * 2 + (big ? 0 : 1.5);
    lines.push(`/F1 ${big ? 4 : 2.5} Tf 1 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)} Tm (${i % 10}) Tj`);
  }
  lines.push("ET");
  return onePage(lines.join("\n"));
}

/** A page whose content stream is `bytes` of ordinary text-showing operators. */
export function denseText(bytes: number): Buffer {
  const line = "BT /F1 6 Tf 20 400 Td (The quick brown fox jumps over the lazy dog 0123456789) Tj ET\n";
  const n = Math.ceil(bytes / line.length);
  return onePage(line.repeat(n));
}

/** A form XObject that draws itself (pdf.js must not recurse forever). */
export function formRecursion(): Buffer {
  const form = stream(
    "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X0 5 0 R >> >>",
    Buffer.from("/X0 Do"),
  );
  return onePage("/X0 Do", { xobjects: [form] });
}

/** Forms `levels` deep, each drawing the next `fan` times: fan^levels paint operations. */
export function formFanout(levels: number, fan: number): Buffer {
  // 1 catalog, 2 pages, 3 page, 4 content, 5 font, 6 + l the form of level l.
  const objs: Obj[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 6 0 R >> >> >>",
    stream("", Buffer.from("/X Do")),
    FONT,
  ];
  for (let l = 0; l < levels; l++) {
    const last = l === levels - 1;
    const body = last
      ? "BT /F1 1 Tf 0 0 Td (x) Tj ET"
      : Array.from({ length: fan }, (_, k) => `q 1 0 0 1 ${k} 0 cm /X Do Q`).join(" ");
    const res = last ? "/Font << /F1 5 0 R >>" : `/XObject << /X ${7 + l} 0 R >>`;
    objs.push(
      stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << ${res} >>`, Buffer.from(body)),
    );
  }
  return buildPdf(objs);
}

/** Page trees that lie: a loop, no pages, a negative or absurd /Count. */
export function pageTree(kind: "loop" | "self-kid" | "none" | "negative" | "absurd"): Buffer {
  const page =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>";
  const content = stream("", Buffer.from("BT /F1 12 Tf 72 700 Td (page) Tj ET"));
  switch (kind) {
    case "loop":
      // Pages → Pages' → Pages: the kids lead back to the root.
      return buildPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 3 >>",
        "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 3 >>",
        content,
        FONT,
      ]);
    case "self-kid":
      return buildPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>",
        page,
        content,
        FONT,
      ]);
    case "none":
      return buildPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
        page,
        content,
        FONT,
      ]);
    case "negative":
      return buildPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count -5 >>",
        page,
        content,
        FONT,
      ]);
    case "absurd":
      return buildPdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>",
        page,
        content,
        FONT,
      ]);
  }
}

/** An uncompressed ("stored") ZIP archive of the given members. */
export function storedZip(members: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name);
    const crc = zlib.crc32(m.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(m.data.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(m.data.length, 20);
    central.writeUInt32LE(m.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.data);
    centrals.push(central, name);
    offset += 30 + name.length + m.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A tiny valid PNG (1×1). */
const PNG_1PX = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** A deterministic PRNG (mulberry32), so a mutated file is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `src` damaged by a few seeded mutations (byte flips, cuts, repeats, lying numbers). */
export function mutate(src: Buffer, seed: number): { bytes: Buffer; steps: string[] } {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  let b = Buffer.from(src);
  const steps: string[] = [];
  const count = 1 + int(4);
  for (let k = 0; k < count; k++) {
    const kind = int(7);
    const at = int(b.length);
    if (kind === 0) {
      const n = 1 + int(16);
      for (let i = 0; i < n; i++) b[(at + int(256)) % b.length] = int(256);
      steps.push(`flip ${n} bytes near ${at}`);
    } else if (kind === 1) {
      const len = 1 + int(Math.min(4096, b.length - at));
      b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
      steps.push(`cut ${len} bytes at ${at}`);
    } else if (kind === 2) {
      const len = 1 + int(Math.min(4096, b.length - at));
      b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
      steps.push(`repeat ${len} bytes at ${at}`);
    } else if (kind === 3) {
      b = b.subarray(0, Math.max(1, at));
      steps.push(`truncate at ${at}`);
    } else if (kind === 4) {
      // A number in the structure made to lie: /Count, /Length, /W, /Size, an xref offset.
      const text = b.toString("latin1");
      const keys = [...text.matchAll(/\/(Count|Length|Size|Width|Height|N|First)\s+(\d+)/g)];
      if (keys.length > 0) {
        const m = keys[int(keys.length)]!;
        const lie = [-1, 0, 2 ** 31, Number(m[2]) * 1000 + 7][int(4)]!;
        const start = m.index! + m[0].length - m[2]!.length;
        b = Buffer.concat([b.subarray(0, start), Buffer.from(String(lie)), b.subarray(start + m[2]!.length)]);
        steps.push(`/${m[1]} ${m[2]} → ${lie}`);
      }
    } else if (kind === 5) {
      const garbage = Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256)));
      b = Buffer.concat([b.subarray(0, at), garbage, b.subarray(at)]);
      steps.push(`insert ${garbage.length} random bytes at ${at}`);
    } else {
      const xref = b.lastIndexOf("startxref");
      if (xref > 0) {
        b = Buffer.concat([
          b.subarray(0, xref + 10),
          Buffer.from(String(int(b.length))),
          b.subarray(xref + 10 + 12),
        ]);
        steps.push("startxref pointed elsewhere");
      }
    }
  }
  return { bytes: b, steps };
}

export interface CaseSizes {
  /** Image bombs: side in pixels. */
  imageSide: number;
  /** Deflate bombs: bytes after inflating. */
  bombBytes: number;
  /** The many-runs page. */
  runs: number;
  /** The dense-text page: bytes of content. */
  denseBytes: number;
}

export const FULL: CaseSizes = { imageSide: 20000, bombBytes: 1 << 30, runs: 300_000, denseBytes: 60e6 };

/** The hostile cases (without the mutated samples), at the given sizes. */
export function hostileCases(root: string, s: CaseSizes = FULL): HostileCase[] {
  const sample = (name: string): Buffer => readFileSync(path.join(root, "samples", name));
  const good = (): Buffer => sample("qingchuan-health-2022.pdf");
  return [
    {
      name: "image-bomb-rgb.pdf",
      what: `one ${s.imageSide}² RGB image`,
      bytes: () => imageBomb(s.imageSide, s.imageSide, "DeviceRGB"),
    },
    {
      name: "image-bomb-gray.pdf",
      what: `one ${s.imageSide}² grey image`,
      bytes: () => imageBomb(s.imageSide, s.imageSide, "DeviceGray"),
    },
    {
      name: "image-bomb-wide.pdf",
      what: "one image 100 000 px wide, 4 000 high",
      bytes: () => imageBomb(s.imageSide * 5, Math.round(s.imageSide / 5), "DeviceGray"),
    },
    {
      name: "soft-mask-bomb.pdf",
      what: "a small image whose soft mask is a bomb",
      bytes: () => softMaskBomb(s.imageSide, s.imageSide),
    },
    {
      name: "inline-image-bomb.pdf",
      what: "an inline image bomb in the content stream",
      bytes: () => inlineImageBomb(s.imageSide, s.imageSide),
    },
    {
      name: "content-stream-bomb.pdf",
      what: "a content stream inflating to a GiB",
      bytes: () => contentBomb(s.bombBytes),
    },
    {
      name: "content-stream-bomb-nested.pdf",
      what: "a content stream deflated twice",
      bytes: () => contentBomb(s.bombBytes, "flate-twice"),
    },
    {
      name: "content-stream-bomb-lzw.pdf",
      what: "a content stream of LZW codes that expands to a GiB",
      bytes: () => contentBomb(s.bombBytes, "lzw"),
    },
    {
      name: "content-stream-bomb-ascii85.pdf",
      what: "a deflate bomb wrapped in ASCII85",
      bytes: () => contentBomb(s.bombBytes, "ascii85-flate"),
    },
    {
      name: "content-stream-bomb-run-length.pdf",
      what: "a RunLength content stream that expands to a GiB",
      bytes: () => contentBomb(s.bombBytes, "run-length"),
    },
    {
      name: "many-text-runs.pdf",
      what: `one page of ${s.runs} text runs`,
      bytes: () => manyTextRuns(s.runs),
    },
    {
      name: "dense-text.pdf",
      what: `one page of ${Math.round(s.denseBytes / 1e6)} MB of text operators`,
      bytes: () => denseText(s.denseBytes),
    },
    { name: "form-recursion.pdf", what: "a form XObject that draws itself", bytes: formRecursion },
    {
      name: "form-fanout.pdf",
      what: "forms nested 9 deep, each drawing the next 10 times",
      bytes: () => formFanout(9, 10),
    },
    {
      name: "page-tree-loop.pdf",
      what: "a page tree whose kids lead back to the root",
      bytes: () => pageTree("loop"),
    },
    {
      name: "page-tree-self-kid.pdf",
      what: "a page tree listing itself as its kid",
      bytes: () => pageTree("self-kid"),
    },
    { name: "no-pages.pdf", what: "a page tree with no pages", bytes: () => pageTree("none") },
    { name: "negative-page-count.pdf", what: "/Count -5", bytes: () => pageTree("negative") },
    {
      name: "absurd-page-count.pdf",
      what: "/Count 999999999 over one page",
      bytes: () => pageTree("absurd"),
    },
    {
      name: "zip-named-pdf.pdf",
      what: "a ZIP holding a PDF, named .pdf",
      bytes: () => storedZip([{ name: "report.pdf", data: good() }]),
    },
    {
      name: "docx-named-pdf.pdf",
      what: "a Word file named .pdf",
      bytes: () =>
        storedZip([
          {
            name: "[Content_Types].xml",
            data: Buffer.from(
              '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            ),
          },
          { name: "word/document.xml", data: Buffer.from('<?xml version="1.0"?><w:document/>') },
        ]),
    },
    { name: "gzip-named-pdf.pdf", what: "a gzipped PDF named .pdf", bytes: () => zlib.gzipSync(good()) },
    { name: "png-named-pdf.pdf", what: "a PNG named .pdf", bytes: () => PNG_1PX },
    {
      name: "html-named-pdf.pdf",
      what: "an HTML page named .pdf",
      bytes: () => Buffer.from("<!DOCTYPE html><html><body>404 Not Found</body></html>\n"),
    },
    { name: "empty.pdf", what: "0 bytes", bytes: () => Buffer.alloc(0) },
    { name: "header-only.pdf", what: "only a %PDF- header", bytes: () => Buffer.from("%PDF-1.7\n") },
    {
      name: "truncated-10.pdf",
      what: "a sample cut at 10 %",
      bytes: () => good().subarray(0, Math.round(good().length * 0.1)),
    },
    {
      name: "truncated-50.pdf",
      what: "a sample cut at 50 %",
      bytes: () => good().subarray(0, Math.round(good().length * 0.5)),
    },
    {
      name: "truncated-95.pdf",
      what: "a sample cut at 95 %",
      bytes: () => good().subarray(0, Math.round(good().length * 0.95)),
    },
    {
      name: "deep-nesting.pdf",
      what: "an array nested 100 000 deep",
      bytes: () => onePage(`${"[".repeat(100_000)}${"]".repeat(100_000)} BT /F1 12 Tf 72 700 Td (x) Tj ET`),
    },
    {
      name: "long-string.pdf",
      what: "one 20 MB string shown",
      bytes: () => onePage(`BT /F1 12 Tf 72 700 Td (${"A".repeat(20e6)}) Tj ET`),
    },
    {
      name: "huge-media-box.pdf",
      what: "a 200-inch page of vector text only (rendered for OCR)",
      bytes: () => onePage("0 0 m 14400 14400 l S", { mediaBox: "[0 0 14400 14400]" }),
    },
  ];
}
