/**
 * Text runs straight from the operator list, so a page's content stream is parsed once instead of
 * twice (pdf.js's getTextContent parses it again: 270 ms + 310 ms for the 12-page seed report,
 * where the operator list alone takes 310 ms). The positioning follows pdf.js's own canvas
 * renderer (showText / showType3Text): text matrix, line offsets, character and word spacing,
 * horizontal scaling, rise, and TJ adjustments in thousandths of an em.
 */
import type { TextRun } from "../layout/page-model.js";
import { apply, IDENTITY, isStateOp, type Matrix, multiply, nextGraphicsState } from "./graphics-state.js";
import type { PdfJs } from "./open-document.js";
import type { GlyphRun } from "./page-glyphs.js";

interface Glyph {
  unicode: string;
  width: number;
  /** The code in the content stream (a CID for two-byte fonts): with the font, the glyph's identity. */
  originalCharCode?: number;
  isSpace?: boolean;
  vmetric?: number[];
}

interface FontInfo {
  fontMatrix?: number[];
  isType3Font?: boolean;
  vertical?: boolean;
  loadedName?: string;
}

interface TextState {
  ctm: Matrix;
  font?: FontInfo;
  fontName: string;
  fontSize: number;
  fontDirection: number;
  fontMatrix: number[];
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** A TJ gap wider than this (in em) splits a run, as getTextContent would start a new item. */
const GAP_EM = 0.25;

export function operatorsToTextRuns(
  pdfjs: PdfJs,
  fonts: { get: (id: string) => unknown },
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  base: Matrix,
  /** Filled with the characters drawn in each direction (0: left to right, 1: top to bottom, 2, 3). */
  directions?: number[],
  /**
   * Filled with every glyph drawn upright, blank or not, with its code and advance box: a font
   * without a Unicode map is decoded from these (src/glyphs), where the text runs above would
   * already have lost the glyphs whose meaningless "unicode" happens to be whitespace.
   */
  glyphSink?: GlyphRun[],
): TextRun[] {
  const OPS = pdfjs.OPS;
  const runs: TextRun[] = [];
  let s: TextState = {
    ctm: base,
    fontName: "",
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
  const stack: TextState[] = [];
  const fontCache = new Map<string, FontInfo | undefined>();
  const fontOf = (id: string): FontInfo | undefined => {
    if (!fontCache.has(id)) {
      let f: FontInfo | undefined;
      try {
        f = fonts.get(id) as FontInfo | undefined;
      } catch {
        f = undefined;
      }
      fontCache.set(id, f);
    }
    return fontCache.get(id);
  };

  const showText = (glyphs: ReadonlyArray<Glyph | number | null>): void => {
    const fontSize = s.fontSize;
    if (fontSize === 0 || !s.font) return;
    const type3 = s.font.isType3Font === true;
    const vertical = s.font.vertical === true;
    const fm = s.fontMatrix;
    const spacingDir = vertical ? 1 : -1;
    // Device transform of text space at the start of this show: CTM × Tm × translate(x, y + rise).
    const m = multiply(multiply(s.ctm, s.textMatrix), [1, 0, 0, 1, s.x, s.y + s.rise]);
    // The em in device units (font size scaled by the text and current matrices).
    const em = Math.hypot(m[2] * fontSize, m[3] * fontSize) || Math.hypot(m[0] * fontSize, m[1] * fontSize);
    const hs = s.hScale * s.fontDirection;
    let x = 0;
    const upright =
      glyphSink !== undefined && !vertical && Math.abs(m[1]) < 1e-3 * Math.abs(m[0]) && m[0] !== 0;
    const placed: GlyphRun["glyphs"] = [];
    let runText = "";
    let runStart = 0;
    let runEnd = 0;
    const flush = (): void => {
      if (runText.trim() !== "" && !vertical) {
        const [x0, baseY] = apply(m, runStart * hs, 0);
        const [x1] = apply(m, runEnd * hs, 0);
        runs.push({
          text: runText,
          x0: Math.min(x0, x1),
          x1: Math.max(x0, x1, Math.min(x0, x1) + 0.1),
          y0: baseY - em * 0.88,
          y1: baseY + em * 0.12,
          fontSize: em,
          fontName: s.fontName,
        });
      }
      runText = "";
    };
    for (const g of glyphs) {
      if (g === null || g === undefined) continue;
      if (typeof g === "number") {
        const dx = (spacingDir * g * fontSize) / 1000;
        x += dx;
        if (Math.abs(dx) > GAP_EM * fontSize) flush();
        continue;
      }
      const spacing = (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
      const advance = type3
        ? g.width * (fm[0] ?? 0.001) * fontSize + spacing
        : g.width * (fm[0] ?? 0.001) * fontSize + spacing * s.fontDirection;
      // isSpace marks code 32 (word spacing applies to it) — in a two-byte CID font that code may
      // well be 管; whether a glyph is blank is a question for its Unicode value.
      if (upright) {
        const [gx0] = apply(m, x * hs, 0);
        const [gx1] = apply(m, (x + advance) * hs, 0);
        placed.push({
          code: g.originalCharCode ?? g.unicode.codePointAt(0) ?? 0,
          unicode: g.unicode,
          x0: Math.min(gx0, gx1),
          x1: Math.max(gx0, gx1),
        });
      }
      if (g.unicode.trim() === "") {
        flush();
      } else {
        if (runText === "") runStart = x;
        runText += g.unicode;
        runEnd = x + advance;
      }
      x += advance;
    }
    flush();
    if (placed.length > 0) {
      glyphSink!.push({ font: s.fontName, fontSize: em, baseline: apply(m, 0, 0)[1], glyphs: placed });
    }
    if (directions && !vertical) {
      const chars = glyphs.filter(
        (g) => g !== null && typeof g === "object" && g.unicode.trim() !== "",
      ).length;
      const q = (((Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
      directions[q] = (directions[q] ?? 0) + chars;
    }
    if (vertical) s.y -= x;
    else s.x += x * hs;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (isStateOp(OPS, fn)) {
      s = nextGraphicsState(OPS, fn, args, s, stack);
      continue;
    }
    switch (fn) {
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      case OPS.setFont: {
        const id = String(args?.[0] ?? "");
        let size = Number(args?.[1] ?? 0);
        s.font = fontOf(id);
        s.fontName = s.font?.loadedName ?? id;
        s.fontMatrix = s.font?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        s.fontDirection = size < 0 ? -1 : 1;
        if (size < 0) size = -size;
        s.fontSize = size;
        break;
      }
      case OPS.setCharSpacing:
        s.charSpacing = Number(args?.[0] ?? 0);
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = Number(args?.[0] ?? 0);
        break;
      case OPS.setHScale:
        s.hScale = Number(args?.[0] ?? 100) / 100;
        break;
      case OPS.setLeading:
        s.leading = -Number(args?.[0] ?? 0);
        break;
      case OPS.setTextRise:
        s.rise = Number(args?.[0] ?? 0);
        break;
      case OPS.moveText:
        s.x = s.lineX += Number(args?.[0] ?? 0);
        s.y = s.lineY += Number(args?.[1] ?? 0);
        break;
      case OPS.setLeadingMoveText:
        s.leading = Number(args?.[1] ?? 0);
        s.x = s.lineX += Number(args?.[0] ?? 0);
        s.y = s.lineY += Number(args?.[1] ?? 0);
        break;
      case OPS.setTextMatrix: {
        const tm = (
          Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]) ? args?.[0] : args
        ) as ArrayLike<number>;
        s.textMatrix = [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]!, tm[5]!];
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      }
      case OPS.nextLine:
        s.x = s.lineX += 0;
        s.y = s.lineY += s.leading;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText((args?.[0] ?? []) as ReadonlyArray<Glyph | number | null>);
        break;
      default:
        break;
    }
  }
  return runs;
}
