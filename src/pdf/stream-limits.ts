/**
 * Limits checked on a PDF's streams before pdf.js sees the file. pdf.js decodes a stream into one
 * buffer whatever its size and has no option to cap that, so a 1 MB file whose content stream
 * inflates to 1 GiB (a "deflate bomb") took 2.3 GB of memory; pdf.js's own `maxImageSize` (passed
 * too) drops a too-large image, but only where it paints it, not an image used as a soft mask.
 *
 * So every stream is looked at once, from the bytes of the file: an image whose /Width × /Height is
 * over the pixel limit, or a stream whose filters (Flate, LZW, RunLength, ASCII85, in any chain)
 * expand it past the byte limit, refuses the file with what was found. Decoding is bounded
 * (stream-filters.ts) and costs a few ms for a text PDF. Encrypted streams do not decode; they,
 * and an image pdf.js leaves out, are caught later: pdf.js's warnings (pdfjs-warnings.ts), the
 * document's memory cap (--max-memory) and its deadline.
 */
import { decodeBounded, filterName, IMAGE_CODECS } from "./stream-filters.js";

export interface StreamLimits {
  /** Largest image (width × height) allowed. */
  maxImagePixels: number;
  /** Largest decoded size of any one non-image stream, in bytes. */
  maxStreamBytes: number;
}

export type StreamViolation =
  | { kind: "image"; width: number; height: number; offset: number }
  | { kind: "stream"; bytes: number; offset: number; filter: string };

/** Filters whose output can be much larger than their input (see stream-filters.ts). */
const EXPANDING = new Set(["FlateDecode", "LZWDecode", "RunLengthDecode", "ASCII85Decode"]);

/** The decoded size of a stream big enough to hold the largest image allowed (RGB). */
export const streamBytesFor = (maxImagePixels: number): number => Math.max(16 << 20, maxImagePixels * 3);

const STREAM = Buffer.from("stream");
const ENDSTREAM = Buffer.from("endstream");
/** How far back from `stream` the stream's dictionary is searched (a dictionary is short). */
const DICT_WINDOW = 4096;

/** The first stream over a limit, or undefined. */
export function checkStreams(bytes: Uint8Array, limits: StreamLimits): StreamViolation | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buf.indexOf(STREAM);
  while (at >= 0) {
    const next = dataStart(buf, at);
    if (next !== undefined && !isEndstream(buf, at)) {
      const dict = dictionaryBefore(buf, at);
      if (dict !== undefined) {
        const v = checkOne(buf, dict, next, at, limits);
        if (v) return v;
      }
    }
    at = buf.indexOf(STREAM, at + STREAM.length);
  }
  return undefined;
}

/** `stream` must be followed by an end of line; the data starts after it. */
function dataStart(buf: Buffer, at: number): number | undefined {
  const i = at + STREAM.length;
  if (buf[i] === 0x0d && buf[i + 1] === 0x0a) return i + 2;
  if (buf[i] === 0x0a || buf[i] === 0x0d) return i + 1;
  return undefined;
}

const isEndstream = (buf: Buffer, at: number): boolean =>
  at >= 3 && buf.toString("latin1", at - 3, at) === "end";

/** The text of the dictionary that ends just before `stream` (`<< … >>`), if there is one. */
function dictionaryBefore(buf: Buffer, at: number): string | undefined {
  let end = at - 1;
  while (end >= 0 && (buf[end] === 0x20 || buf[end] === 0x0a || buf[end] === 0x0d || buf[end] === 0x09))
    end--;
  if (buf[end] !== 0x3e || buf[end - 1] !== 0x3e) return undefined; // ">>"
  const from = Math.max(0, end - DICT_WINDOW);
  const text = buf.toString("latin1", from, end + 1);
  const obj = text.lastIndexOf(" obj");
  return obj >= 0 ? text.slice(obj) : text;
}

const numberAfter = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]!);
}

function checkOne(
  buf: Buffer,
  dict: string,
  start: number,
  at: number,
  limits: StreamLimits,
): StreamViolation | undefined {
  if (/\/Subtype\s*\/Image\b/.test(dict)) {
    const width = numberAfter(dict, "Width");
    const height = numberAfter(dict, "Height");
    if (width !== undefined && height !== undefined && width * height > limits.maxImagePixels)
      return { kind: "image", width, height, offset: at };
    // pdf.js reads only the bytes the image's size needs: its data is never inflated further.
    return undefined;
  }
  // The filters pdf.js would run, up to an image codec (its output is an image: sized above).
  const chain: string[] = [];
  for (const f of filtersOf(dict)) {
    if (IMAGE_CODECS.has(filterName(f))) break;
    chain.push(f);
  }
  if (!chain.some((f) => EXPANDING.has(filterName(f)))) return undefined;
  const length = numberAfter(dict, "Length");
  let end =
    length !== undefined && start + length <= buf.length ? start + length : buf.indexOf(ENDSTREAM, start);
  if (end < 0) end = buf.length;
  let data: Buffer = buf.subarray(start, end);
  const earlyChange = numberAfter(dict, "EarlyChange");
  for (let i = 0; i < chain.length; i++) {
    const decoded = decodeBounded(
      chain[i]!,
      data,
      limits.maxStreamBytes,
      { earlyChange },
      i === chain.length - 1,
    );
    if ("over" in decoded)
      return { kind: "stream", bytes: limits.maxStreamBytes, offset: at, filter: filterName(chain[i]!) };
    // Not valid data for the filter (or encrypted): pdf.js will judge it.
    if ("invalid" in decoded) return undefined;
    data = decoded.bytes;
  }
  return undefined;
}
