/**
 * A corrected value as the auditor types it, in the field's own terms: amounts in 万元 (or with
 * their unit: 86,026,200元, 8602.62万元), percentages with or without %, counts and scores as
 * numbers, years as years, text as text. The printed precision comes from the digits typed.
 */
import type { Figure, Text } from "../../schemas/provenance.js";
import { parseAmount, parseDecimal, parsePercent } from "../extract/numbers.js";
import type { FieldKind } from "./field-path.js";

export type ParsedValue = { value: string; ulp?: string } | { error: string };

export function parseCorrectionValue(kind: FieldKind, typed: string, unit?: string): ParsedValue {
  const t = typed.normalize("NFKC").trim();
  if (t === "") return { error: "the value is empty" };
  switch (kind) {
    case "text":
      return { value: t };
    case "year": {
      const y = /^(\d{4})(年度?)?$/.exec(t);
      if (!y || Number(y[1]) < 1990 || Number(y[1]) > 2100)
        return { error: `"${typed}" is not a fiscal year` };
      return { value: y[1]!, ulp: "1" };
    }
    case "amount": {
      const a = parseAmount(t, "万元");
      return a
        ? { value: a.value, ulp: a.ulp }
        : { error: `"${typed}" is not an amount (万元, or with its unit 元/万元/亿元)` };
    }
    case "percent": {
      const p = parsePercent(t) ?? parseDecimal(t);
      return p ? { value: p.value, ulp: p.ulp } : { error: `"${typed}" is not a percentage` };
    }
    case "number": {
      // A score or count may be typed with its printed unit (92.3分, 55人).
      const bare = unit && t.endsWith(unit) ? t.slice(0, -unit.length).trim() : t;
      const n = parseDecimal(bare);
      return n ? { value: n.value, ulp: n.ulp } : { error: `"${typed}" is not a number` };
    }
  }
}

/** The value shown to the auditor and stored as a correction's `original`: exact decimals, text as read. */
export const readingOf = (v: Figure | Text): string => v.value;
