/**
 * Exact decimals (the record keeps amounts as decimal text) as JSON numbers for scripts. Values
 * here have at most 15 significant digits (万元 to 6 decimals under a billion), which a double
 * holds exactly enough that the shortest form printed is the same digits.
 */
export function jsonNumber(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
