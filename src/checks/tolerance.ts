/**
 * How far apart two figures may be before they contradict each other. Every printed number is
 * exact only to half a unit of its last printed digit (1,234.56 万元 means 1234.555–1234.565), so
 * the bound for a comparison is half a unit of the stated value plus what the operands' rounding
 * can move the expected value — summed, worst case. This module is the one place that defines it.
 *
 *   sum      E = Σ parts            δE = Σ ulp(part)/2
 *   ratio    E = 100·a/b            δE = 100·(δa/|b| + |a|·δb/b²)
 *   change   E = T₁ − T₀            δE = δT₁ + δT₀
 *
 * A difference within the bound is no finding. Beyond it by at most one unit of the stated value's
 * last digit it is rounding-level ("info": the report rounded inconsistently); further it is an
 * "error": the figures contradict each other.
 */
import Big from "big.js";
import type { Figure } from "../../schemas/provenance.js";

/**
 * Values stay exact decimals (big.js); a quotient is carried to 10 decimal places (big.js defaults
 * to 20, which cost a third of `check`'s time on 10,000 reports for no visible digit). Error bounds
 * are plain numbers: they only need to be right to far better than the half-units they add up.
 */
const Quotient = Big();
Quotient.DP = 10;

export const half = (f: Pick<Figure, "ulp">): number => Number(f.ulp) / 2;

export interface Estimate {
  value: Big;
  /** Worst-case error of `value` from the rounding of its operands. */
  error: number;
}

export function sumOf(figs: readonly Pick<Figure, "value" | "ulp">[]): Estimate {
  let value = new Big(0);
  let error = 0;
  for (const f of figs) {
    value = value.plus(f.value);
    error += half(f);
  }
  return { value, error };
}

/** 100·a/b with its rounding error; undefined when b is zero. */
export function percentOf(
  a: Pick<Figure, "value" | "ulp">,
  b: Pick<Figure, "value" | "ulp">,
): Estimate | undefined {
  const bn = Number(b.value);
  if (bn === 0) return undefined;
  const value = new Quotient(a.value).times(100).div(b.value);
  const error = 100 * (half(a) / Math.abs(bn) + (Math.abs(Number(a.value)) * half(b)) / (bn * bn));
  return { value, error };
}

export function differenceOf(a: Pick<Figure, "value" | "ulp">, b: Pick<Figure, "value" | "ulp">): Estimate {
  return { value: new Big(a.value).minus(b.value), error: half(a) + half(b) };
}

export interface Verdict {
  severity: "error" | "info";
  difference: Big;
  tolerance: Big;
}

/** Float noise in summing half-units ("0.005 + 0.005 + 0.005") must not decide a verdict. */
const EPSILON = 1e-9;

/** Compares a stated figure with an expected estimate; undefined when they agree. */
export function judge(stated: Pick<Figure, "value" | "ulp">, expected: Estimate): Verdict | undefined {
  const difference = new Big(stated.value).minus(expected.value);
  const tolerance = half(stated) + expected.error;
  const d = Math.abs(difference.toNumber());
  if (d <= tolerance + EPSILON) return undefined;
  const severity = d <= tolerance + Number(stated.ulp) + EPSILON ? "info" : "error";
  return { severity, difference, tolerance: new Big(tolerance.toPrecision(12)) };
}

/** Rounds for display: at most 6 decimals, no trailing zeros. */
export function show(v: Big, decimals = 6): string {
  const s = v.round(decimals).toFixed(decimals);
  const t = s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return t === "-0" ? "0" : t;
}
