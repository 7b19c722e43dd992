/**
 * Heading numbering styles of Chinese reports, from the outermost:
 * 第一部分 → 一、 → （一） → 1、/1. → （1） → 1) → ①. Tolerant of a missing 、, a space instead,
 * full-width or half-width brackets and dots (matching runs on NFKC text).
 */

export interface HeadingMatch {
  /** 0 = 第X部分, 1 = 一、, 2 = （一）, 3 = 1、/1., 4 = （1）, 5 = 1), 6 = ①. */
  rank: number;
  /** The number as printed (一, 3, …). */
  label: string;
  /** The ordinal value (一 → 1). */
  ordinal: number;
  /** Length of the numbering prefix in the normalised text (including trailing separators). */
  prefixLength: number;
}

import { normalizeChar } from "./located-text.js";

// Financial numerals (壹贰叁…) are printed by some offices; OCR reads 二 in brackets as "=".
const CN = "零一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾=";
const CN_NUM = `[${CN}]{1,4}`;

/** A house style's heading words (pipelines/labels.ts, layout). */
export interface HeadingWords {
  /** What follows 第N in the outermost numbering (第一部分 / 第二章): an alternation. */
  headingPart: string;
  /** A character class of what follows a bare number in prose, not a heading ("1 月", "3 人"). */
  notHeadingAfterNumber: string;
}

type Styles = Array<{ rank: number; re: RegExp }>;
const stylesOf = new WeakMap<HeadingWords, Styles>();

/** The numbering styles, outermost first, with a house style's words. */
function headingStyles(words: HeadingWords): Styles {
  let styles = stylesOf.get(words);
  if (styles) return styles;
  styles = [
    { rank: 0, re: new RegExp(`^(第(${CN_NUM}|\\d{1,2})(${words.headingPart}))[\\s、.:：]*`) },
    // 一、 / 一. / 一 (space) — but not 一是/一般 (no separator): a separator or a space is required.
    { rank: 1, re: new RegExp(`^((${CN_NUM}))(?:\\s*[、.,，:：]\\s*|\\s+)`) },
    { rank: 2, re: new RegExp(`^([(]\\s*(${CN_NUM})\\s*[)])[\\s、.:：]*`) },
    // OCR drops the opening bracket now and then: "伍) 各重点任务…".
    { rank: 2, re: new RegExp(`^((${CN_NUM})\\s*[)])\\s*(?=[\\u4e00-\\u9fff])`) },
    // 1、 / 1. / 1．(not a decimal: 1.5 is a number) / 1 (space before CJK, but not "1 月", "3 人").
    {
      rank: 3,
      re: new RegExp(
        `^((\\d{1,2}))(?:\\s*[、:：]\\s*|\\.(?!\\d)\\s*|\\s+(?=[\\u4e00-\\u9fff])(?!${words.notHeadingAfterNumber}))`,
      ),
    },
    { rank: 4, re: /^([(]\s*(\d{1,2})\s*[)])[\s、.:：]*/ },
    { rank: 5, re: /^((\d{1,2})[)])\s*/ },
    { rank: 6, re: /^(([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))\s*/ },
  ];
  stylesOf.set(words, styles);
  return styles;
}

export function chineseNumeral(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const digits: Record<string, number> = {
    零: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in digits) current = digits[ch]!;
    else if (ch === "十" || ch === "拾") {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === "千") {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** NFKC, except circled numbers, which NFKC would turn into plain digits. */
export function foldForHeadings(text: string): string {
  let out = "";
  for (const ch of text) out += CIRCLED.includes(ch) ? ch : normalizeChar(ch);
  return out;
}

/** Matches a heading numbering prefix at the start of the text (printed or folded). */
export function matchHeadingPrefix(printed: string, words: HeadingWords): HeadingMatch | undefined {
  const text = foldForHeadings(printed);
  const t = text.replace(/^\s+/, "");
  const lead = text.length - t.length;
  for (const { rank, re } of headingStyles(words)) {
    const m = re.exec(t);
    if (!m) continue;
    const label = m[2]!;
    const ordinal = rank === 6 ? CIRCLED.indexOf(label) + 1 : chineseNumeral(label);
    if (ordinal === undefined || ordinal === 0) continue;
    // "一是…" / "一般…" have no separator and are prose; the regexes above already require one.
    return { rank, label, ordinal, prefixLength: lead + m[0].length };
  }
  return undefined;
}

/** A heading's title: up to the first sentence break, when that is short. */
const TITLE_MAX = 30;

export interface HeadingInfo extends HeadingMatch {
  /** The heading title without numbering (normalised). */
  title: string;
  /** True when the paragraph is only the heading; false for a run-in heading followed by text. */
  standalone: boolean;
}

/**
 * Decides whether a paragraph opens with a heading. Numbered paragraphs whose first clause is long
 * ("1. 强化政治建设，全面落实…") are list items, not headings.
 */
export function headingOf(printed: string, words: HeadingWords): HeadingInfo | undefined {
  const m = matchHeadingPrefix(printed, words);
  if (!m) return undefined;
  const paragraph = foldForHeadings(printed);
  const rest = paragraph.slice(m.prefixLength).trim();
  if (rest.length === 0) return undefined;
  if (rest.length <= TITLE_MAX && !/[。；;]$/.test(rest.replace(/[:：]$/, ""))) {
    return { ...m, title: rest.replace(/[:：。]$/, "").trim(), standalone: true };
  }
  const brk = rest.search(/[。：:；;]/);
  if (brk > 0 && brk <= TITLE_MAX && !/\d/.test(rest.slice(0, brk).replace(/\d+(年|月|日|年度)/g, ""))) {
    return { ...m, title: rest.slice(0, brk).trim(), standalone: false };
  }
  return undefined;
}
