/**
 * Indicator targets as printed → op / value / unit: "3,600 份" → (=, 3600, 份),
 * "70 个以上" → (>=, 70, 个), "≤4500 万元" → (<=, 4500, 万元); anything else is a text target.
 * The comparator words (不低于 / 不超过 / 以上 …) are a house style's (pipelines/labels.ts, targets).
 */
import { normalizeText } from "../layout/located-text.js";
import { re } from "./definitions.js";
import { parseDecimal } from "./numbers.js";

export interface ParsedTarget {
  op: ">=" | "<=" | "=" | "text";
  value?: string;
  unit?: string;
}

/** The words of a target's comparison, as regular-expression sources over NFKC text without spaces. */
export interface TargetWords {
  /** Before the value: at least (≥, 不低于 …) and at most (≤, 不超过 …); anchored at the start. */
  atLeast: string;
  atMost: string;
  /** An equality printed before a number ("=100%"), removed. */
  equal: string;
  /** After the value and its unit: at least (以上) and at most (以下, 以内) — alternations, unanchored. */
  atLeastAfter: string;
  atMostAfter: string;
  /** What is left where a unit would be that is no unit ("的", "个百分点"). */
  notUnit: string;
}

let loaded: TargetWords | undefined;

/**
 * The words of the definitions loaded last (loadDefinitions sets them): what a caller outside the
 * reading pipeline parses with when it passes none — a target an auditor corrects in review.
 */
export function useTargetWords(words: TargetWords): void {
  loaded = words;
}

export function parseTarget(printed: string, words: TargetWords | undefined = loaded): ParsedTarget {
  if (!words)
    throw new Error(
      "parseTarget: no comparator words — load the definitions (pipelines/definitions.ts) first",
    );
  let t = normalizeText(printed).replace(/\s+/g, "");
  if (t === "") return { op: "text" };
  let op: ParsedTarget["op"] = "=";
  // "=100%" (an 指标性质 column's = joined to the value, or a form printing it) is an equality.
  t = t.replace(re(words.equal), "");
  for (const [p, o] of [
    [words.atLeast, ">="],
    [words.atMost, "<="],
  ] as const) {
    const m = re(p).exec(t);
    if (m) {
      op = o;
      t = t.slice(m[0].length);
      break;
    }
  }
  const m = re(
    `^(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)([^\\d]*?)(${words.atLeastAfter}|${words.atMostAfter})?$`,
  ).exec(t);
  if (!m) return { op: "text" };
  const n = parseDecimal(m[1]!);
  if (!n) return { op: "text" };
  const unit = m[2]!.replace(re(words.notUnit), "");
  if (unit.length > 6 || /[，。；]/.test(unit)) return { op: "text" };
  if (m[3]) op = re(`^(${words.atLeastAfter})$`).test(m[3]) ? ">=" : "<=";
  const out: ParsedTarget = { op, value: n.value };
  if (unit) out.unit = unit;
  return out;
}
