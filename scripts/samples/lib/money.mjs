// Exact money arithmetic for the fictional reports. Amounts are kept as integer fen
// (1 元 = 100 fen) so sums, shares and rates are exact; 万元 values for the truth JSON are
// fen / 1,000,000 with at most 6 decimals (the export contract's exact 元 → 万元 rule).

/** '21,132,600.00' | 21132600 -> 2113260000 (fen). */
export function fen(v) {
  const s = String(v).replace(/,/g, '').trim();
  const m = s.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) throw new Error(`not an amount in 元: ${v}`);
  const n = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -n : n;
}

/** 2113260000 -> '21,132,600.00' */
export function yuanText(f) {
  const neg = f < 0;
  const a = Math.abs(f);
  const int = Math.floor(a / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${String(a % 100).padStart(2, '0')}`;
}

/** fen -> 万元 as a JSON number (exact to 6 decimals). */
export function wan(f) {
  return Number((f / 1e6).toFixed(6));
}

/** Percentage part/whole rounded half-up to 2 decimals, as a number (e.g. 88.84). */
export function pct(part, whole) {
  if (whole === 0) throw new Error('share of zero total');
  const sign = Math.sign(part) * Math.sign(whole);
  const p = Math.abs(part);
  const w = Math.abs(whole);
  // hundredths of a percent, half-up, in integers: floor((2·p·10000 + w) / (2·w))
  const h = Math.floor((2 * p * 10000 + w) / (2 * w));
  return (sign * h) / 100;
}

/** 95.5 -> '95.50%' (fixed) or '95.5%' (trimmed, as many reports print it). */
export function pctText(n, fixed = true) {
  return fixed ? `${n.toFixed(2)}%` : `${Number(n.toFixed(2))}%`;
}

export function sum(list) {
  return list.reduce((a, b) => a + b, 0);
}
