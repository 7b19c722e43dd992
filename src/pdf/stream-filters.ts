/**
 * Bounded versions of the PDF stream filters pdf.js inflates, for the check before pdf.js
 * (stream-limits.ts): each decodes at most `limit` bytes and says when there was more. pdf.js has
 * these decoders but does not export them, and it decodes a stream into one buffer whatever its
 * size; no npm package decodes PDF's LZW flavour (MSB-first, EarlyChange) with an output bound.
 *
 * How far each can expand a file (why each is checked):
 * - FlateDecode ~1 000×; LZWDecode ~2 500× (a 12-bit code for a 3 839-byte string, again and again);
 *   RunLengthDecode 64×; ASCII85Decode 4× (`z` is four zero bytes); ASCIIHexDecode shrinks.
 * - The image codecs (DCT, JPX, JBIG2, CCITT) only ever decode an image, whose size is checked by
 *   its /Width and /Height; a chain is not followed past one.
 */
import zlib from "node:zlib";

export type Decoded = { bytes: Buffer } | { over: true } | { invalid: true };

/** Filter names and their abbreviations (inline images use the short ones). */
const NAMES: Record<string, string> = {
  Fl: "FlateDecode",
  LZW: "LZWDecode",
  A85: "ASCII85Decode",
  AHx: "ASCIIHexDecode",
  RL: "RunLengthDecode",
  DCT: "DCTDecode",
  CCF: "CCITTFaxDecode",
};

export const filterName = (f: string): string => NAMES[f] ?? f;

/** Image codecs: their output is an image, bounded by the image's size (checked elsewhere). */
export const IMAGE_CODECS = new Set(["DCTDecode", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode"]);

export interface FilterParams {
  /** LZWDecode's /EarlyChange (default 1). */
  earlyChange?: number;
}

/**
 * Decodes `data` with one filter, keeping at most `limit` bytes. `count` only measures the output
 * (for the last filter of a chain nothing more is needed): `bytes` is then empty.
 * Filters pdf.js does not know pass the data through unchanged, as pdf.js does.
 */
export function decodeBounded(
  name: string,
  data: Buffer,
  limit: number,
  params: FilterParams = {},
  count = false,
): Decoded {
  switch (filterName(name)) {
    case "FlateDecode":
      return inflate(data, limit);
    case "LZWDecode":
      return lzw(data, limit, params.earlyChange ?? 1, count);
    case "RunLengthDecode":
      return runLength(data, limit, count);
    case "ASCII85Decode":
      return ascii85(data, limit);
    case "ASCIIHexDecode":
      return asciiHex(data);
    default:
      return { bytes: data };
  }
}

function inflate(data: Buffer, limit: number): Decoded {
  try {
    return {
      bytes: zlib.inflateSync(data, {
        maxOutputLength: limit + 1,
        // A truncated stream still inflates as far as it goes (pdf.js reads it that far too).
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      }),
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return { over: true };
    return { invalid: true }; // not valid Flate data (or encrypted): pdf.js will judge it
  }
}

/**
 * LZW as pdf.js decodes it (LZWStream): codes of 9 to 12 bits, most significant bit first, 256
 * clears the table, 257 ends; the code width grows `earlyChange` codes early. pdf.js keeps
 * counting codes past a full table (4 096 entries) without clearing it, and each later code still
 * gives its whole string: the same is done here, so the size measured is the size pdf.js makes.
 */
function lzw(data: Buffer, limit: number, earlyChange: number, count: boolean): Decoded {
  const SIZE = 4096;
  const values = new Uint8Array(SIZE);
  const lengths = new Uint16Array(SIZE);
  const prevCodes = new Uint16Array(SIZE);
  for (let i = 0; i < 256; i++) {
    values[i] = i;
    lengths[i] = 1;
  }
  const sequence = new Uint8Array(SIZE);
  let seqLength = 0;
  let nextCode = 258;
  let codeLength = 9;
  let prevCode = 0;
  let cached = 0;
  let bits = 0;
  let pos = 0;
  let total = 0;
  const out = count ? undefined : Buffer.allocUnsafe(Math.min(limit + 1, Math.max(1024, data.length * 4)));
  let buf = out;
  for (;;) {
    while (bits < codeLength && pos < data.length) {
      cached = ((cached << 8) | data[pos++]!) >>> 0;
      bits += 8;
    }
    if (bits < codeLength) break;
    bits -= codeLength;
    const code = (cached >>> bits) & ((1 << codeLength) - 1);
    cached &= (1 << bits) - 1;
    const hasPrev = seqLength > 0;
    if (code < 256) {
      sequence[0] = code;
      seqLength = 1;
    } else if (code >= 258) {
      if (code < nextCode) {
        seqLength = lengths[code]!;
        for (let j = seqLength - 1, q = code; j >= 0; j--) {
          sequence[j] = values[q]!;
          q = prevCodes[q]!;
        }
      } else {
        // The string of the previous code and its own first byte (pdf.js: the sequence grows).
        if (seqLength < SIZE) sequence[seqLength] = sequence[0]!;
        seqLength++;
      }
    } else if (code === 256) {
      codeLength = 9;
      nextCode = 258;
      seqLength = 0;
      continue;
    } else break; // 257: end of data
    if (hasPrev) {
      if (nextCode < SIZE) {
        prevCodes[nextCode] = prevCode;
        lengths[nextCode] = lengths[prevCode]! + 1;
        values[nextCode] = sequence[0]!;
      }
      nextCode++;
      const n = nextCode + earlyChange;
      if ((n & (n - 1)) === 0) codeLength = Math.min(Math.floor(Math.log2(n)) + 1, 12);
    }
    prevCode = code;
    total += seqLength;
    if (total > limit) return { over: true };
    if (buf) {
      if (total > buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(total, buf.length * 2)));
        buf.copy(bigger, 0, 0, total - seqLength);
        buf = bigger;
      }
      for (let j = 0; j < seqLength; j++) buf[total - seqLength + j] = j < SIZE ? sequence[j]! : 0;
    }
  }
  return { bytes: buf ? buf.subarray(0, total) : Buffer.alloc(0) };
}

/** RunLengthDecode: a length byte n, then n+1 literal bytes (n < 128) or one byte 257−n times. */
function runLength(data: Buffer, limit: number, count: boolean): Decoded {
  const parts: Buffer[] = [];
  let total = 0;
  let i = 0;
  while (i < data.length) {
    const n = data[i++]!;
    if (n === 128) break;
    if (n < 128) {
      const run = data.subarray(i, i + n + 1);
      i += n + 1;
      total += run.length;
      if (total > limit) return { over: true };
      if (!count) parts.push(run);
    } else {
      if (i >= data.length) break;
      const len = 257 - n;
      total += len;
      if (total > limit) return { over: true };
      if (!count) parts.push(Buffer.alloc(len, data[i]!));
      i++;
    }
  }
  return { bytes: count ? Buffer.alloc(0) : Buffer.concat(parts, total) };
}

/** ASCII85Decode (`z` is four zero bytes; `~>` ends; white space is ignored). */
function ascii85(data: Buffer, limit: number): Decoded {
  const out = Buffer.allocUnsafe(Math.min(limit + 1, data.length * 4 + 4));
  let n = 0;
  let group = 0;
  let digits = 0;
  const push = (b: number): boolean => {
    if (n >= out.length) return false;
    out[n++] = b;
    return true;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // "~"
    if (c <= 0x20) continue;
    if (c === 0x7a && digits === 0) {
      for (let k = 0; k < 4; k++) if (!push(0)) return { over: true };
      continue;
    }
    if (c < 0x21 || c > 0x75) continue; // pdf.js skips what is not a digit
    group = group * 85 + (c - 0x21);
    if (++digits === 5) {
      for (let k = 3; k >= 0; k--) if (!push((group >>> (8 * k)) & 0xff)) return { over: true };
      group = 0;
      digits = 0;
    }
  }
  if (digits > 1) {
    for (let k = digits; k < 5; k++) group = group * 85 + 84;
    for (let k = 3; k >= 5 - digits; k--) if (!push((group >>> (8 * k)) & 0xff)) return { over: true };
  }
  if (n > limit) return { over: true };
  return { bytes: out.subarray(0, n) };
}

/** ASCIIHexDecode: never longer than its input. */
function asciiHex(data: Buffer): Decoded {
  const text = data.toString("latin1");
  const end = text.indexOf(">");
  const hex = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9a-fA-F]/g, "");
  return { bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex") };
}
