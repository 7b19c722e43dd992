/**
 * Indicator targets as printed → op / value / unit: "3,600 份" → (=, 3600, 份),
 * "70 个以上" → (>=, 70, 个), "≤4500 万元" → (<=, 4500, 万元); anything else is a text target.
 */
import { normalizeText } from "../layout/located-text.js";
import { parseDecimal } from "./numbers.js";

export interface ParsedTarget {
  op: ">=" | "<=" | "=" | "text";
  value?: string;
  unit?: string;
}

const OPS: Array<[RegExp, ">=" | "<="]> = [
  [/^(≥|>=|>|不低于|不少于|大于等于|大于|至少|高于|超过|达到|达)/, ">="],
  [/^(≤|<=|<|不高于|不超过|小于等于|小于|低于|控制在|少于)/, "<="],
];

export function parseTarget(printed: string): ParsedTarget {
  let t = normalizeText(printed).replace(/\s+/g, "");
  if (t === "") return { op: "text" };
  let op: ParsedTarget["op"] = "=";
  // "=100%" (an 指标性质 column's = joined to the value, or a form printing it) is an equality.
  t = t.replace(/^(=|等于)(?=\d)/, "");
  for (const [re, o] of OPS) {
    const m = re.exec(t);
    if (m) {
      op = o;
      t = t.slice(m[0].length);
      break;
    }
  }
  const m =
    /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)([^\d]*?)(及以上|以上|及以下|以下|以内|之内)?$/.exec(t);
  if (!m) return { op: "text" };
  const n = parseDecimal(m[1]!);
  if (!n) return { op: "text" };
  const unit = m[2]!.replace(/^(的|个百分点)$/, "");
  if (unit.length > 6 || /[，。；]/.test(unit)) return { op: "text" };
  if (m[3]) op = /以上/.test(m[3]) ? ">=" : "<=";
  const out: ParsedTarget = { op, value: n.value };
  if (unit) out.unit = unit;
  return out;
}
