/**
 * sum_mismatch (run by sum-mismatch.ts) over the totals the report states with their parts (a table's 合计 row under its
 * rows, a total row over its 其中 rows, a prose total followed by 其中/包括 and its parts): the parts
 * must add up to the total. Parts listed under 其中 may be a selection: they may fall short of the
 * total (reported as info, worth a look), never exceed it; the rows above a 合计 must add up to it.
 */
import type { Finding } from "../../../schemas/finding.js";
import type { Report, StatedSum } from "../../../schemas/report.js";
import { evidence, makeFinding, pageRef, printed, printedLike } from "../finding-builder.js";
import { judge, sumOf } from "../tolerance.js";

function check(r: Report, s: StatedSum): Finding | undefined {
  // Parts printed with fewer digits than the list's finest (30万元 beside 29.99万元) are exact.
  const exact = (f: StatedSum["parts"][number]["figure"]) =>
    s.ulp && Number(f.ulp) > Number(s.ulp) ? { ...f, ulp: "0" } : f;
  const expected = sumOf(s.parts.map((p) => exact(p.figure)));
  const v = judge(s.total, expected);
  if (!v) return undefined;
  const excess = v.difference.lt(0);
  // A selection under 其中 that falls short of its total is not a contradiction.
  if (!s.exhaustive && !excess && s.parts.length < 2) return undefined;
  const severity = s.exhaustive || excess ? v.severity : "info";
  const what = s.exhaustive ? "各行" : "所列组成项";
  return makeFinding(r, {
    rule: "sum_mismatch",
    severity,
    field: `stated_sum:${s.field}`,
    stated: s.total,
    expected: expected.value,
    verdict: { ...v, severity },
    message: `“${s.label || s.field}”${printed(s.total)}（${pageRef(s.total.prov)}），${what}合计为${printedLike(expected.value, s.total)}，相差${printedLike(v.difference.abs(), s.total)}，请核对合计数与组成项。`,
    evidence: [
      evidence(r, "stated total", s.total.prov),
      ...s.parts.map((p) => evidence(r, "part", p.figure.prov)),
    ],
  });
}

/** sum_mismatch findings over the report's stated sums (run by the sum_mismatch rule). */
export function statedSumFindings(r: Report): Finding[] {
  const out: Finding[] = [];
  for (const s of r.stated_sums ?? []) {
    const f = check(r, s);
    if (f) out.push(f);
  }
  return out;
}
