/**
 * Prose → mentions: every amount and percentage in a paragraph with the label text that leads to
 * it ("一般公共预算财政拨款收入预算执行为 1,234.56 万元" → lead 一般公共预算财政拨款收入预算执行为).
 * The interpretation of leads (which figure, which breakdown) happens in headline-figures.ts.
 */
import type { Figure } from "../../schemas/provenance.js";
import type { LocatedText } from "../layout/located-text.js";
import { re, type Vocabulary } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import { type AmountUnit, NUMBER_RE, parseDecimal, parsePercent, toWan, unitOf } from "./numbers.js";

export interface Mention {
  kind: "amount" | "percent";
  figure: Figure;
  /** Label text before the figure, compacted, parentheticals and list markers removed. */
  lead: string;
  /** What follows the figure up to the next delimiter (以上/以下 mark targets, not facts). */
  tail: string;
  /** The paragraph or table the mention comes from (its block index). */
  block: number;
  /** Index of the sentence (split at 。；) within the paragraph. */
  sentence: number;
  /** The whole sentence, compacted (for markers such as 上年). */
  sentenceText: string;
  context: "prose" | "table";
  /** For table mentions: the row label and column header the value sits under. */
  rowLabel?: string;
  columnLabel?: string;
  /** For table mentions: the header over the row labels (收入来源, 支出功能分类 …): what the rows are. */
  rowHeader?: string;
  /** The table has a single data row (its column headers then name its figures). */
  soleRow?: boolean;
  /** For prose mentions: where the figure is printed in the paragraph's text [start, end). */
  start?: number;
  end?: number;
}

// A number glued to a stray symbol or letter ("32£54,230.00", "3A64.00万元": OCR read a digit as £
// or A) is not read at all: half of it would be a wrong figure.
const TOKEN = new RegExp(
  `(?<![\\d£€¥§$A-Za-z.])(${NUMBER_RE.source})\\s*(万元|亿元|千元|元|万(?![\\u4e00-\\u9fff])|%)|百分之[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?`,
  "gu",
);
/** Clause delimiters that end a lead. Parentheses are not: 事业收入(财政应付代管资金)预算执行 keeps its label. */
const DELIMS = /[。；;！!？?，,：:、]/g;
const SENTENCE_END = /[。；;！!？?]/;

/** Removes parenthesised asides and list markers such as (1), ①, 一是. */
export function cleanLead(s: string, vocab: Vocabulary): string {
  let t = s;
  for (let i = 0; i < 3; i++) t = t.replace(/[(（][^()（）]*[)）]/g, "");
  for (const p of vocab.labels.text.leadMarkers) t = t.replace(re(p), "");
  return compact(t);
}

export function scanMentions(
  lt: LocatedText,
  block: number,
  vocab: Vocabulary,
  context: "prose" | "table" = "prose",
): Mention[] {
  const t = lt.text;
  const out: Mention[] = [];
  let sentence = 0;
  let sentenceStart = 0;
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(t); m; m = TOKEN.exec(t)) {
    const start = m.index;
    const end = start + m[0].length;
    // Sentence index: count sentence ends between the previous token and this one.
    for (let i = prevEnd; i < start; i++) {
      if (SENTENCE_END.test(t[i]!)) {
        sentence++;
        sentenceStart = i + 1;
      }
    }
    let from = Math.max(prevEnd, sentenceStart);
    DELIMS.lastIndex = from;
    for (let d = DELIMS.exec(t); d && d.index < start; d = DELIMS.exec(t)) from = d.index + 1;
    const lead = cleanLead(t.slice(from, start), vocab);
    const tailEnd = t.slice(end).search(/[。；;，,：:]/);
    const tail = compact(t.slice(end, tailEnd < 0 ? t.length : end + tailEnd));
    let sentenceEnd = t.slice(start).search(SENTENCE_END);
    sentenceEnd = sentenceEnd < 0 ? t.length : start + sentenceEnd;
    const sentenceText = compact(t.slice(sentenceStart, sentenceEnd));
    prevEnd = end;
    const prov = provOf(lt, start, end);
    const where = { lead, tail, block, sentence, sentenceText, context, start, end };
    // 百分之九十 has no digits (m[1] undefined); "96.45%" and amounts with a unit do.
    const n = m[1] === undefined ? parsePercent(m[0]) : parseDecimal(m[1]);
    if (!n) continue;
    if (m[1] === undefined || m[2] === "%")
      out.push({ kind: "percent", figure: figureOf(n, "%", prov), ...where });
    else {
      const unit = unitOf(m[2]!) as AmountUnit;
      out.push({ kind: "amount", figure: figureOf(toWan(n, unit), unit, prov), ...where });
    }
  }
  return out;
}

/** A figure followed by 以上/以下/左右 is a target or an estimate, not a stated fact. */
export const isTargetLike = (m: Mention, vocab: Vocabulary): boolean =>
  re(vocab.labels.text.targetTail).test(m.tail);
