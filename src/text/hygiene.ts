/**
 * Text hygiene at the edges: invisible characters out of names and keys, control characters out of
 * the terminal.
 *
 * A PDF's text layer (or a file name) can carry characters that print as nothing: zero-width
 * spaces and joiners, byte-order marks, soft hyphens, and the bidirectional controls that reorder
 * what a terminal or a spreadsheet shows ("Trojan Source"). In a department name they make two
 * spellings of one department two departments; in a console line they can hide or reorder text.
 * The printed text kept in provenance is left exactly as read — it is evidence.
 */

/** Bidirectional formatting characters (Unicode's Bidi_Control property). */
const BIDI = "\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069";
/** Characters that occupy no space: zero-width space/non-joiner/joiner, word joiner, invisible operators, BOM, soft hyphen, Mongolian vowel separator. */
const ZERO_WIDTH = "\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF";

const INVISIBLE_RE = new RegExp(`[${BIDI}${ZERO_WIDTH}]`, "gu");
// C0 controls except tab/newline, DEL and C1 controls.
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** A name or key with invisible and control characters removed (nothing else changes). */
export function withoutInvisibles(s: string): string {
  return s.replace(INVISIBLE_RE, "").replace(CONTROL_RE, "");
}

/** True when `s` holds a character withoutInvisibles would remove. */
export function hasInvisibles(s: string): boolean {
  INVISIBLE_RE.lastIndex = 0;
  CONTROL_RE.lastIndex = 0;
  const found = INVISIBLE_RE.test(s) || CONTROL_RE.test(s);
  INVISIBLE_RE.lastIndex = 0;
  CONTROL_RE.lastIndex = 0;
  return found;
}

const escapeChar = (ch: string): string => {
  const cp = ch.codePointAt(0)!;
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, "0")}` : `\\u{${cp.toString(16)}}`;
};

const CONSOLE_UNSAFE_RE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI}${ZERO_WIDTH}]`, "gu");

/**
 * Text safe to print on one terminal line: control, bidi and zero-width characters (and newlines)
 * shown as escapes (\x1b, \u{202e}), so a file name cannot move the cursor, recolour the terminal,
 * reorder the line or hide part of it.
 */
export function printable(s: string): string {
  return s.replace(CONSOLE_UNSAFE_RE, escapeChar);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0. */
function utf8Length(b: Buffer, i: number): number {
  const c = b[i]!;
  const n =
    c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n === 1 ? 1 : 0;
  try {
    utf8.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

/**
 * A path given as bytes, as text: valid UTF-8 decoded, every other byte shown as \xNN, and the
 * result made printable.
 */
export function displayPath(bytes: Buffer | string): string {
  if (typeof bytes === "string") return printable(bytes);
  let out = "";
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += bytes.subarray(start, i).toString("utf8");
    out += `\\x${bytes[i]!.toString(16).padStart(2, "0")}`;
    i++;
    start = i;
  }
  out += bytes.subarray(start).toString("utf8");
  return printable(out);
}
