/**
 * What reports print as numbers, parsed exactly. Amounts become 万元 as decimal strings (big.js,
 * never float arithmetic): 12,345,678.90元 → 1234.56789. Each value keeps its printed precision
 * (`ulp`: one unit of the last printed digit, in the value's own unit) — the discrepancy checks
 * derive their rounding tolerance from it.
 */
import Big from "big.js";
import { normalizeText } from "../layout/located-text.js";
import { re } from "./definitions.js";

export type AmountUnit = "万元" | "元" | "亿元" | "千元";

export interface ParsedNumber {
  /** Exact decimal string in the canonical unit (万元 for amounts, percent points for rates). */
  value: string;
  /** One unit of the last printed digit, in the canonical unit. */
  ulp: string;
}

export interface ParsedAmount extends ParsedNumber {
  unit: AmountUnit;
}

/** Multiplier from a printed unit to 万元. */
const TO_WAN: Record<AmountUnit, string> = { 万元: "1", 元: "0.0001", 亿元: "10000", 千元: "0.1" };

/** Canonical decimal text: no exponent, no trailing zeros. */
export function decimalString(b: Big): string {
  const s = b.toFixed(12);
  const t = s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return t === "-0" ? "0" : t;
}

/** A plain printed number: thousands separators (ASCII or full-width), full-width digits. */
export const NUMBER_RE = /[-+]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?/;

/** Parses digits as printed ("6,418.7", "２,３９２．０９", "-50.25"); undefined if not a number. */
export function parseDecimal(printed: string): ParsedNumber | undefined {
  const t = normalizeText(printed).replace(/\s+/g, "").replace(/，/g, ",");
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t)) return undefined;
  const plain = t.replace(/,/g, "").replace(/^\+/, "");
  const decimals = plain.includes(".") ? plain.split(".")[1]!.length : 0;
  return {
    value: decimalString(new Big(plain)),
    ulp: decimalString(new Big(1).div(new Big(10).pow(decimals))),
  };
}

export const WAN: AmountUnit = "万元";
export const YUAN: AmountUnit = "元";
/** A number followed by its amount unit, in running text (capture 1: the unit). */
export const NUMBER_UNIT = /\d\s*(万元|亿元|千元|元)/g;

/** The amount units a cell may end with (万 alone too), as a regular-expression alternation. */
export const AMOUNT_UNITS = "万元|亿元|千元|元|万";

/** The first amount unit named in a text (a header, a caption). */
export const AMOUNT_UNIT_IN_TEXT = /(万元|亿元|千元|元)/;

export function unitOf(printed: string): AmountUnit | undefined {
  const u = normalizeText(printed).replace(/\s+/g, "");
  if (u === "万元" || u === "万") return "万元";
  if (u === "元") return "元";
  if (u === "亿元" || u === "亿") return "亿元";
  if (u === "千元") return "千元";
  return undefined;
}

/** An amount in the given unit converted exactly to 万元. */
export function toWan(n: ParsedNumber, unit: AmountUnit): ParsedAmount {
  const k = new Big(TO_WAN[unit]);
  return {
    value: decimalString(new Big(n.value).times(k)),
    ulp: decimalString(new Big(n.ulp).times(k)),
    unit,
  };
}

/** Amount text with its unit: "1,234.56 万元", "21,132,600.00元", "1.2亿元". */
export const AMOUNT_RE = new RegExp(
  `(${NUMBER_RE.source})\\s*(万元|亿元|千元|元|万(?![\\u4e00-\\u9fff]))`,
  "u",
);

export function parseAmount(printed: string, defaultUnit?: AmountUnit): ParsedAmount | undefined {
  const t = normalizeText(printed).trim();
  const m = new RegExp(`^(${NUMBER_RE.source})\\s*(万元|亿元|千元|元|万)?$`).exec(t);
  if (!m) return undefined;
  const n = parseDecimal(m[1]!);
  const unit = m[2] ? unitOf(m[2]) : defaultUnit;
  if (!n || !unit) return undefined;
  return toWan(n, unit);
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Chinese numerals as counts: 十三 → 13, 一百零五 → 105, 二十 → 20. */
export function parseChineseInteger(s: string): number | undefined {
  if (!s || ![...s].every((c) => c in CN_DIGITS || c in CN_UNITS)) return undefined;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CN_DIGITS) {
      digit = CN_DIGITS[c]!;
    } else {
      const u = CN_UNITS[c]!;
      if (u === 10000) {
        section = (section + Math.max(digit, 0)) * u;
        total += section;
        section = 0;
      } else section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** The Chinese numerals of a count, as a character class. */
const CN_COUNT = "[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]";

/**
 * A count as printed: "79", "13 个", "十三个", "１２８人". `units` is the alternation of the measure
 * words a count may end with (a house style's: pipelines/labels.ts, staff.countUnit).
 */
export function parseCount(printed: string, units: string): number | undefined {
  const t = normalizeText(printed).replace(/\s+/g, "");
  const m = re(`^(\\d[\\d,]*|${CN_COUNT}+)(?:${units})?$`).exec(t);
  if (!m) return undefined;
  if (/^\d/.test(m[1]!)) return Number(m[1]!.replace(/,/g, ""));
  return parseChineseInteger(m[1]!);
}

/** Percent in any printed form: "96.45%", "96.45 %", "９６．４５％", "百分之九十". */
export function parsePercent(printed: string): ParsedNumber | undefined {
  const t = normalizeText(printed).replace(/\s+/g, "");
  const m = /^([-+]?\d+(?:\.\d+)?)(%|‰)$/.exec(t);
  if (m) {
    const n = parseDecimal(m[1]!)!;
    if (m[2] === "‰")
      return { value: decimalString(new Big(n.value).div(10)), ulp: decimalString(new Big(n.ulp).div(10)) };
    return n;
  }
  const cn = /^百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?$/.exec(t);
  if (cn) {
    const whole = parseChineseInteger(cn[1]!);
    if (whole === undefined) return undefined;
    const frac = cn[2] ? [...cn[2]].map((c) => CN_DIGITS[c]).join("") : "";
    return parseDecimal(frac ? `${whole}.${frac}` : String(whole));
  }
  return undefined;
}

export const PERCENT_RE =
  /([-+]?\d+(?:\.\d+)?)\s*[%％]|百分之[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?/u;

/** The words that give a change its sign (a house style's vocabulary: pipelines/labels.ts, figures). */
export interface ChangeWords {
  /** 持平 / 无增减: no change. */
  steady: string;
  decrease: string;
  increase: string;
}

/** The sign a verb gives a change: 减少/下降 → -1, 增加/增长 → +1, 持平/无增减 → 0. */
export function signOfChange(verb: string, words: ChangeWords): -1 | 0 | 1 | undefined {
  const v = normalizeText(verb);
  if (re(words.steady).test(v)) return 0;
  if (re(words.decrease).test(v)) return -1;
  if (re(words.increase).test(v)) return 1;
  return undefined;
}

export function negate(n: ParsedNumber): ParsedNumber {
  return { ...n, value: decimalString(new Big(n.value).times(-1)) };
}
