/**
 * How far apart two figures may be before they contradict each other. Every printed number is
 * exact only to half a unit of its last printed digit (2,392.09 万元 means 2392.085–2392.095), so
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

export const half = (f: Pick<Figure, "ulp">): Big => new Big(f.ulp).div(2);

export interface Estimate {
  value: Big;
  /** Worst-case error of `value` from the rounding of its operands. */
  error: Big;
}

export function sumOf(figs: readonly Pick<Figure, "value" | "ulp">[]): Estimate {
  return figs.reduce((acc, f) => ({ value: acc.value.plus(f.value), error: acc.error.plus(half(f)) }), {
    value: new Big(0),
    error: new Big(0),
  });
}

/** 100·a/b with its rounding error; undefined when b is zero. */
export function percentOf(
  a: Pick<Figure, "value" | "ulp">,
  b: Pick<Figure, "value" | "ulp">,
): Estimate | undefined {
  const bv = new Big(b.value);
  if (bv.eq(0)) return undefined;
  const av = new Big(a.value);
  const value = av.times(100).div(bv);
  const error = half(a)
    .div(bv.abs())
    .plus(av.abs().times(half(b)).div(bv.times(bv)))
    .times(100);
  return { value, error };
}

export function differenceOf(a: Pick<Figure, "value" | "ulp">, b: Pick<Figure, "value" | "ulp">): Estimate {
  return { value: new Big(a.value).minus(b.value), error: half(a).plus(half(b)) };
}

export interface Verdict {
  severity: "error" | "info";
  difference: Big;
  tolerance: Big;
}

/** Compares a stated figure with an expected estimate; undefined when they agree. */
export function judge(stated: Pick<Figure, "value" | "ulp">, expected: Estimate): Verdict | undefined {
  const difference = new Big(stated.value).minus(expected.value);
  const tolerance = half(stated).plus(expected.error);
  const d = difference.abs();
  if (d.lte(tolerance)) return undefined;
  const severity = d.lte(tolerance.plus(stated.ulp)) ? "info" : "error";
  return { severity, difference, tolerance };
}

/** Rounds for display: at most 6 decimals, no trailing zeros. */
export function show(v: Big, decimals = 6): string {
  const s = v.round(decimals).toFixed(decimals);
  const t = s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return t === "-0" ? "0" : t;
}
