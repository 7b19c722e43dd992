/**
 * Decides whether a page's text layer can be trusted. Some Chinese government PDFs embed fonts
 * without a Unicode map: the text layer exists but holds private-use, replacement or control
 * characters (or `cid:` placeholders). Such pages, and pages that are only images, need OCR.
 */
import type { PageKind, PlacedImage, TextRun } from "../layout/page-model.js";

/** Fewer visible characters than this and the page has no usable text layer. */
const MIN_TEXT_CHARS = 12;
/**
 * Painted paths above which a page without text is read by OCR: some producers print text as
 * glyph outlines (a page of prose is thousands of paths; a ruled table alone is tens).
 */
const OUTLINED_TEXT_PATHS = 400;
/** Share of suspicious glyphs above which a text layer is considered garbled. */
const GARBLED_SHARE = 0.2;

const isCjk = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff);
const isPrivateUse = (c: number): boolean =>
  (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0xffffd) || (c >= 0x100000 && c <= 0x10fffd);

/**
 * Some of the most frequent characters of Chinese government prose. Real text draws ~half of its
 * characters from a list like this; a CID font read without its Unicode map yields CJK code points
 * spread evenly over the whole block, which almost never hit it.
 */
const COMMON_HANZI = new Set(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型按格养易置派层片始却专状育厂京识适属包火住调满县局照参红细引听该价严预算绩效评财支出项目情况单位完成",
);

export interface GlyphStats {
  total: number;
  cjk: number;
  commonCjk: number;
  suspicious: number;
}

export function glyphStats(text: string): GlyphStats {
  let total = 0;
  let cjk = 0;
  let suspicious = 0;
  let commonCjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (/\s/.test(ch)) continue;
    total++;
    if (isCjk(c)) {
      cjk++;
      if (COMMON_HANZI.has(ch)) commonCjk++;
    } else if (isPrivateUse(c) || c === 0xfffd || c < 0x20 || (c >= 0x7f && c < 0xa0) || isStrayLatin(c)) {
      suspicious++;
    }
  }
  const cidHits = text.match(/\(cid:\d+\)|cid:\d+/g);
  if (cidHits) suspicious += cidHits.reduce((n, h) => n + h.length, 0);
  return { total, cjk, commonCjk, suspicious };
}

/** Latin-1 supplement and extended letters: what a simple font without a Unicode map often yields. */
const isStrayLatin = (c: number): boolean => c >= 0xc0 && c <= 0x2af && c !== 0xd7 && c !== 0xf7;

export function classifyPage(
  runs: readonly TextRun[],
  images: readonly PlacedImage[],
  width: number,
  height: number,
  /** Filled or stroked paths on the page: thousands of them and no text is text drawn as outlines. */
  paintedPaths = 0,
): { kind: PageKind; reason: string } {
  const stats = glyphStats(runs.map((r) => r.text).join(""));
  const pageArea = width * height;
  const imageArea = images.reduce(
    (a, im) =>
      a +
      Math.max(0, Math.min(im.x1, width) - Math.max(im.x0, 0)) *
        Math.max(0, Math.min(im.y1, height) - Math.max(im.y0, 0)),
    0,
  );
  const imageShare = pageArea > 0 ? imageArea / pageArea : 0;
  if (stats.total < MIN_TEXT_CHARS) {
    if (images.length > 0 && imageShare > 0.05) {
      return {
        kind: "image_only",
        reason: `no text layer; images cover ${Math.round(imageShare * 100)}% of the page`,
      };
    }
    if (paintedPaths >= OUTLINED_TEXT_PATHS) {
      return {
        kind: "image_only",
        reason: `no text layer; ${paintedPaths} painted paths (text drawn as outlines)`,
      };
    }
    return { kind: "empty", reason: stats.total === 0 ? "blank page" : `only ${stats.total} characters` };
  }
  const share = stats.suspicious / stats.total;
  if (share > GARBLED_SHARE) {
    return {
      kind: "garbled",
      reason: `${Math.round(share * 100)}% of ${stats.total} glyphs are private-use, replacement, control or cid: codes (fonts without a Unicode map)`,
    };
  }
  // Random CJK code points (a CID font read without its map) rarely hit the common characters.
  if (stats.cjk >= 40 && stats.commonCjk / stats.cjk < 0.12) {
    return {
      kind: "garbled",
      reason: `only ${Math.round((100 * stats.commonCjk) / stats.cjk)}% of ${stats.cjk} Chinese glyphs are common characters (fonts without a Unicode map)`,
    };
  }
  return { kind: "text", reason: `${stats.total} characters in the text layer` };
}
