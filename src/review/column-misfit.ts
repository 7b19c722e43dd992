/**
 * OCR'd values that do not fit the values printed around them (issue 11: "digits that do not fit
 * the column's other values or its printed format"). They are marked uncertain, never changed:
 *
 *   - an amount printed with other decimals than the rest of its table column (a column of
 *     two-decimal amounts and one without: a lost decimal point or digit);
 *   - a figure of a stated total and its parts that would agree with them at ten times or a tenth
 *     of its value (a digit added or lost) — the discrepancy is still reported, as resting on it;
 *   - an equality target (no ≥/≤ read) whose completion value differs from it and was scored in
 *     full, where the comparator is printed in a column of its own (指标性质) or the value fell
 *     short: a ≥/≤ the scan lost, not an equality.
 *
 * Text-layer values are never marked: their digits are the file's.
 */
import Big from "big.js";
import type { Figure, Provenance, Uncertainty } from "../../schemas/provenance.js";
import type { Indicator, Report } from "../../schemas/report.js";
import { differenceOf, judge, sumOf } from "../checks/tolerance.js";
import { parseTarget } from "../extract/targets.js";

type Mark = (prov: Provenance, u: Uncertainty) => void;

const ocr = (f: { prov: Provenance }): boolean => f.prov.conf !== undefined;

/** Columns need this many amounts besides the odd one to say what their format is. */
const COLUMN_PEERS = 3;
/** …and this share of them printed alike. */
const COLUMN_AGREEMENT = 0.75;

const AMOUNT_UNITS = new Set(["万元", "元", "亿元", "千元"]);

/** Whether two boxes share most of their width (one printed column). */
function sameColumn(a: Figure, b: Figure): boolean {
  const [a0, , a1] = a.prov.bbox;
  const [b0, , b1] = b.prov.bbox;
  const overlap = Math.min(a1, b1) - Math.max(a0, b0);
  return overlap > 0.5 * Math.min(a1 - a0, b1 - b0);
}

/** The amounts of the record printed in tables, once per printed box. */
function tableAmounts(r: Partial<Report>): Figure[] {
  const out = new Map<string, Figure>();
  const put = (f: Figure | undefined): void => {
    if (!f || !AMOUNT_UNITS.has(f.unit)) return;
    out.set(`${f.prov.page}|${f.prov.bbox.join(",")}`, f);
  };
  for (const l of r.budget_lines ?? []) if (l.context === "table") put(l.amount);
  for (const p of r.projects ?? [])
    if (p.context === "table") {
      put(p.budget);
      put(p.executed);
    }
  for (const s of r.statements ?? []) if (s.context === "table") put(s.figure);
  for (const s of r.stated_sums ?? [])
    if (s.context === "table") {
      put(s.total);
      for (const p of s.parts) put(p.figure);
    }
  return [...out.values()];
}

/** Printed decimals of an amount: its ulp in its printed unit (万元 0.01 → 2). */
const decimalsOf = (f: Figure): number => {
  const u = f.ulp.split(".")[1];
  return u ? u.length : 0;
};

function decimalMisfits(r: Partial<Report>, mark: Mark): void {
  const amounts = tableAmounts(r);
  for (const f of amounts) {
    if (!ocr(f) || Number(f.value) === 0) continue;
    const peers = amounts.filter(
      (g) =>
        g !== f &&
        g.prov.page === f.prov.page &&
        g.unit === f.unit &&
        Number(g.value) !== 0 &&
        sameColumn(f, g),
    );
    if (peers.length < COLUMN_PEERS) continue;
    const counts = new Map<number, number>();
    for (const g of peers) counts.set(decimalsOf(g), (counts.get(decimalsOf(g)) ?? 0) + 1);
    const [usual, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (usual === decimalsOf(f) || n < COLUMN_AGREEMENT * peers.length) continue;
    mark(f.prov, {
      reason: "doubtful_format",
      why: `printed with ${decimalsOf(f)} decimals where its column prints ${usual}`,
    });
  }
}

/** Whether `x` is ten times or a tenth of `need`, to within the rounding the sum allows. */
function tenfold(x: Figure, need: Big, error: number): boolean {
  for (const k of [10, 0.1]) {
    const scaled: Pick<Figure, "value" | "ulp"> = {
      value: new Big(x.value).div(k).toString(),
      ulp: new Big(x.ulp).div(k).toString(),
    };
    if (!judge(scaled, { value: need, error })) return true;
  }
  return false;
}

function magnitudeMisfits(r: Partial<Report>, mark: Mark): void {
  for (const s of r.stated_sums ?? []) {
    if (!s.exhaustive || s.parts.length < 2) continue;
    const parts = s.parts.map((p) => p.figure);
    const sum = sumOf(parts);
    if (!judge(s.total, sum)) continue;
    const odd: Figure[] = [];
    // The total that would agree with the parts, or a part that would agree with the total and the other parts.
    if (ocr(s.total) && tenfold(s.total, sum.value, sum.error)) odd.push(s.total);
    for (const p of parts) {
      if (!ocr(p)) continue;
      const rest = sumOf(parts.filter((q) => q !== p));
      const need = differenceOf(s.total, { value: rest.value.toString(), ulp: "0" });
      if (need.value.gt(0) && tenfold(p, need.value, need.error + rest.error)) odd.push(p);
    }
    // Exactly one figure explains the difference; two or more explain nothing.
    if (odd.length === 1)
      mark(odd[0]!.prov, {
        reason: "doubtful_format",
        why: "ten times or a tenth of what its total and parts need",
      });
  }
}

/** A number and unit read from a completion value (实际完成值), if it is one. */
function numericActual(i: Indicator): { value: Big; unit: string } | undefined {
  if (!i.actual) return undefined;
  const p = parseTarget(i.actual.value);
  if (p.op !== "=" || p.value === undefined) return undefined;
  return { value: new Big(p.value), unit: p.unit ?? "" };
}

function comparatorsLost(r: Partial<Report>, mark: Mark): void {
  for (const i of r.indicators ?? []) {
    if (!ocr(i.target) || i.target_op !== "=" || i.target_value === undefined) continue;
    if (!i.score || !i.weight || new Big(i.score.value).lt(i.weight.value)) continue;
    const a = numericActual(i);
    if (!a || (a.unit && a.unit !== (i.target_unit ?? ""))) continue;
    const t = new Big(i.target_value);
    if (a.value.eq(t)) continue;
    // The target joined from a value and a unit column: the form prints its comparator in a column
    // of its own (指标性质), which the reading did not find.
    const printed = i.target.prov.text.normalize("NFKC").replace(/\s+/g, "");
    const ownColumn = printed !== "" && i.target.value.startsWith(printed) && i.target.value !== printed;
    if (!ownColumn && a.value.gte(t)) continue;
    mark(i.target.prov, {
      reason: "doubtful_format",
      why: `no ≥/≤ read, yet the completion value ${i.actual!.value} differs and scored in full`,
    });
  }
}

/** Marks the OCR'd values of the record that do not fit their column, sum or row. */
export function markMisfits(r: Partial<Report>, mark: Mark): void {
  decimalMisfits(r, mark);
  magnitudeMisfits(r, mark);
  comparatorsLost(r, mark);
}
