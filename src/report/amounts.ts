/**
 * Numbers in the auditor's report as the report printed them. Amounts are kept in 万元 (the
 * contract's unit), but a report printed in 元 should be read in 元: `27,645,146.67元` beside
 * `≈2,764.51万元`, not `2764.514667万元`. The unit and printed precision come from the figure.
 */
import Big from "big.js";
import type { Figure } from "../../schemas/provenance.js";

/** How many of a unit make one 万元. */
const PER_WAN: Record<string, string> = {
  元: "10000",
  千元: "10",
  万元: "1",
  百万元: "0.01",
  亿元: "0.0001",
};

export const isAmountUnit = (unit: string): boolean => unit in PER_WAN;

const group = (s: string): string => {
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${g}${frac ? `.${frac}` : ""}`;
};

const decimalsOf = (v: Big): number => {
  const s = v.toFixed();
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
};

/** `v` with exactly `d` decimals when that keeps it exact, else rounded to `max` (trailing zeros trimmed). */
function fixed(v: Big, d: number, max: number): string {
  if (decimalsOf(v) <= d) return v.toFixed(d);
  return v
    .round(max)
    .toFixed(Math.max(d, Math.min(max, decimalsOf(v))))
    .replace(/(\.\d*?[1-9])0+$/, "$1");
}

export interface Unit {
  /** As printed: 元, 万元, 亿元, %, 分, 人 … */
  unit: string;
  /** Decimals printed in that unit (2 for 1,234.56元). */
  decimals: number;
}

/** The unit and printed precision of a figure. */
export function unitOf(f: Pick<Figure, "unit" | "ulp">): Unit {
  const per = PER_WAN[f.unit];
  const ulp = per ? new Big(f.ulp).times(per) : new Big(f.ulp);
  return { unit: f.unit, decimals: ulp.gt(0) ? Math.max(0, decimalsOf(ulp)) : 0 };
}

/** Whether a printed number groups its thousands (`27,645,146.67`, also full-width or with a space). */
export const groupsThousands = (printed: string): boolean => /\d[,，\u2009 ]\d{3}(?!\d)/.test(printed);

/**
 * A value (万元 for amounts, the unit's own number otherwise) in the unit it was printed in and no
 * other: `27,645,146.67元`, `1,234.56万元`, `97.85%`. Thousands are grouped unless `grouped` is false
 * (a report that printed `2764.51` reads best as `2764.51`).
 */
export function inPrintedUnit(value: string | Big, u: Unit, grouped = true): string {
  const v = new Big(value);
  const per = PER_WAN[u.unit];
  if (!per) return `${fixed(v, u.decimals, u.decimals + 2)}${u.unit}`;
  // A unit larger than 万元 (亿元) needs more decimals to keep a difference of 0.01万元 visible.
  const extra = Math.max(0, Math.round(-Math.log10(Number(per))));
  const digits = fixed(v.times(per), u.decimals, u.decimals + 2 + extra);
  return `${grouped ? group(digits) : digits}${u.unit}`;
}

/**
 * A value (万元 for amounts, the unit's own number otherwise) written as printed: `27,645,146.67元
 * （≈2,764.51万元）`, `1,234.56万元`, `97.85%`.
 */
export function asPrinted(value: string, u: Unit): string {
  const printed = inPrintedUnit(value, u);
  if (!isAmountUnit(u.unit) || u.unit === "万元") return printed;
  const v = new Big(value);
  const wan = v.round(2);
  return `${printed}（${wan.eq(v) ? "" : "≈"}${group(wan.toFixed(2))}万元）`;
}
