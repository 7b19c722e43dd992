/**
 * Text that remembers where each character was printed. Extraction matches patterns on the
 * NFKC-normalised text and maps every match back to the printed characters, their page and bbox,
 * so each value keeps its provenance. Normalisation is kept separate from the printed text.
 */
import type { Box } from "./page-model.js";

export interface Span {
  page: number;
  bbox: Box;
  /** The printed characters the span covers (not normalised). */
  printed: string;
  /** Lowest OCR confidence among the characters, when OCR produced them. */
  conf?: number;
}

export class LocatedText {
  private norm?: { text: string; map: Int32Array };

  private constructor(
    /** The text exactly as printed (runs joined; no normalisation). */
    readonly printed: string,
    /** x0,y0,x1,y1 per UTF-16 unit of `printed`. */
    private readonly boxes: Float32Array,
    private readonly pages: Uint16Array,
    /** OCR confidence per unit (255 = not OCR). */
    private readonly confs: Uint8Array,
  ) {}

  static readonly empty = new LocatedText("", new Float32Array(0), new Uint16Array(0), new Uint8Array(0));

  /** One piece of text spread evenly over a box (wide glyphs weigh twice). */
  static fromBox(text: string, page: number, box: Box, conf?: number): LocatedText {
    const n = text.length;
    const boxes = new Float32Array(n * 4);
    const pages = new Uint16Array(n).fill(page);
    const confs = new Uint8Array(n).fill(
      conf === undefined ? 255 : Math.max(0, Math.min(100, Math.round(conf))),
    );
    const weights = Array.from(text, () => 0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = isWide(text.charCodeAt(i)) ? 2 : 1;
      weights[i] = w;
      total += w;
    }
    let x = box.x0;
    const unit = total > 0 ? (box.x1 - box.x0) / total : 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]! * unit;
      boxes.set([x, box.y0, x + w, box.y1], i * 4);
      x += w;
    }
    return new LocatedText(text, boxes, pages, confs);
  }

  /** Joins pieces; separators take the position of the end of the piece before them. */
  static join(parts: readonly LocatedText[], separators: readonly string[] | string = ""): LocatedText {
    const sep = (i: number): string => (typeof separators === "string" ? separators : (separators[i] ?? ""));
    let len = 0;
    for (let i = 0; i < parts.length; i++) len += parts[i]!.printed.length + (i > 0 ? sep(i - 1).length : 0);
    const boxes = new Float32Array(len * 4);
    const pages = new Uint16Array(len);
    const confs = new Uint8Array(len).fill(255);
    let printed = "";
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i > 0) {
        const s = sep(i - 1);
        for (let k = 0; k < s.length; k++) {
          if (at > 0) {
            // A zero-width box at the right edge of the character before the separator.
            const q = (at - 1) * 4;
            boxes.set([boxes[q + 2]!, boxes[q + 1]!, boxes[q + 2]!, boxes[q + 3]!], at * 4);
            pages[at] = pages[at - 1]!;
          }
          at++;
        }
        printed += s;
      }
      boxes.set(p.boxes, at * 4);
      pages.set(p.pages, at);
      confs.set(p.confs, at);
      at += p.printed.length;
      printed += p.printed;
    }
    return new LocatedText(printed, boxes, pages, confs);
  }

  get length(): number {
    return this.printed.length;
  }

  /** NFKC-normalised text (full-width digits and punctuation folded). */
  get text(): string {
    return this.normalised().text;
  }

  private normalised(): { text: string; map: Int32Array } {
    if (this.norm) return this.norm;
    let text = "";
    const map: number[] = [];
    const s = this.printed;
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i)!;
      const unit = cp > 0xffff ? 2 : 1;
      const n = normalizeChar(s.slice(i, i + unit));
      for (let k = 0; k < n.length; k++) map.push(i);
      text += n;
      i += unit;
    }
    map.push(s.length);
    this.norm = { text, map: Int32Array.from(map) };
    return this.norm;
  }

  /** Maps a range of the normalised text back to the printed characters and their location. */
  locate(start: number, end: number): Span {
    const { map } = this.normalised();
    const ps = map[Math.max(0, Math.min(start, map.length - 1))]!;
    let pe = end >= map.length - 1 ? this.printed.length : map[end]!;
    if (pe <= ps) pe = Math.min(this.printed.length, ps + 1);
    return this.locatePrinted(ps, pe);
  }

  /** Location of printed characters [ps, pe); a span crossing pages keeps its first page's part. */
  locatePrinted(ps: number, pe: number): Span {
    if (this.printed.length === 0) return { page: 0, bbox: { x0: 0, y0: 0, x1: 0, y1: 0 }, printed: "" };
    const page = this.pages[Math.min(ps, this.pages.length - 1)]!;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    let conf = 255;
    for (let i = ps; i < pe && i < this.printed.length; i++) {
      if (this.pages[i] !== page) continue;
      if (/\s/.test(this.printed[i]!)) continue;
      const b = this.boxes.subarray(i * 4, i * 4 + 4);
      if (b[0]! < x0) x0 = b[0]!;
      if (b[1]! < y0) y0 = b[1]!;
      if (b[2]! > x1) x1 = b[2]!;
      if (b[3]! > y1) y1 = b[3]!;
      if (this.confs[i]! < conf) conf = this.confs[i]!;
    }
    if (!Number.isFinite(x0)) {
      const b = this.boxes.subarray(ps * 4, ps * 4 + 4);
      [x0, y0, x1, y1] = [b[0]!, b[1]!, b[2]!, b[3]!];
    }
    const span: Span = { page, bbox: { x0, y0, x1, y1 }, printed: this.printed.slice(ps, pe) };
    if (conf !== 255) span.conf = conf;
    return span;
  }

  /** Pages the text was printed on, in order. */
  pageList(): number[] {
    const out: number[] = [];
    for (const p of this.pages) if (out[out.length - 1] !== p && p > 0) out.push(p);
    return [...new Set(out)];
  }

  /** Sub-text by printed offsets. */
  slicePrinted(ps: number, pe: number): LocatedText {
    return new LocatedText(
      this.printed.slice(ps, pe),
      this.boxes.slice(ps * 4, pe * 4),
      this.pages.slice(ps, pe),
      this.confs.slice(ps, pe),
    );
  }

  /** Sub-text by normalised offsets. */
  slice(start: number, end: number): LocatedText {
    const { map } = this.normalised();
    const ps = map[Math.max(0, Math.min(start, map.length - 1))]!;
    const pe = end >= map.length - 1 ? this.printed.length : map[end]!;
    return this.slicePrinted(ps, Math.max(ps, pe));
  }

  /** Trims whitespace at both ends. */
  trim(): LocatedText {
    const s = this.printed;
    let a = 0;
    let b = s.length;
    while (a < b && /\s/.test(s[a]!)) a++;
    while (b > a && /\s/.test(s[b - 1]!)) b--;
    return a === 0 && b === s.length ? this : this.slicePrinted(a, b);
  }
}

/**
 * Glyph-map artefacts NFKC leaves alone: some producers (Chromium's font subsets among them) map
 * Chinese glyphs to CJK Radicals Supplement code points (⻋ for 车, ⻔ for 门) or to a traditional
 * twin sharing the glyph (戶 for 户). In simplified-Chinese reports these are always the plain
 * character.
 */
const GLYPH_FOLDS = new Map<string, string>(
  Array.from(
    "⺀冫⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇几⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糸⺰纟⺱罒⺶羊⺷羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟戶户內内靑青淸清兌兑吿告敎教眞真".matchAll(
      /(.)(.)/gu,
    ),
    (m) => [m[1]!, m[2]!],
  ),
);

/** NFKC, glyph-map artefacts folded, and the minus sign folded to a hyphen-minus so numbers parse. */
export function normalizeChar(ch: string): string {
  const n = ch.normalize("NFKC");
  if (n === "\u2212") return "-";
  return GLYPH_FOLDS.get(n) ?? n;
}

const FOLDS_RE = new RegExp(`[${[...GLYPH_FOLDS.keys()].join("")}\u2212]`, "gu");

/** normalizeChar over a whole string (one NFKC pass: far faster than one call per character). */
export function normalizeText(s: string): string {
  return s.normalize("NFKC").replace(FOLDS_RE, (ch) => (ch === "\u2212" ? "-" : (GLYPH_FOLDS.get(ch) ?? ch)));
}

/** CJK ideographs, kana, CJK punctuation and full-width forms occupy a full em. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

export const isCjkChar = (ch: string | undefined): boolean => {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef)
  );
};
