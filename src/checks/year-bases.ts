/** The totals two consecutive years of one department are compared on. */
import type { Figure } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";

export const totalOf = (r: Report): Figure | undefined =>
  r.headline.expenditure_total ?? r.headline.executed_total;

/**
 * The totals a stated change may be measured on, the total expenditure first: a report may state
 * its change against 执行数 rather than 本年支出合计 (they differ by what was paid from carry-over),
 * so a change is a mismatch only when it fits neither basis.
 */
export function bases(cur: Report, prev: Report): Array<{ t1: Figure; t0: Figure }> {
  const out: Array<{ t1: Figure; t0: Figure }> = [];
  for (const key of ["expenditure_total", "executed_total"] as const) {
    const t1 = cur.headline[key];
    const t0 = prev.headline[key];
    if (t1 && t0) out.push({ t1, t0 });
  }
  return out;
}
