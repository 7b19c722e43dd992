/** peer_outlier: a department far from its peers of the same region and year (robust z > 3.5). */
import Big from "big.js";
import type { Finding } from "../../../schemas/finding.js";
import type { Report } from "../../../schemas/report.js";
import { evidence, makeFinding } from "../finding-builder.js";
import { fmt, METRICS, type Metric, MIN_PEERS, median, OUTLIER_Z, robustZ } from "../peer-statistics.js";
import type { RuleOf } from "../rule.js";

export const peerOutlierRule: RuleOf<"cross_department"> = {
  id: "peer_outlier",
  scope: "cross_department",
  severity: "info",
  name: "明显偏离同级部门",
  explanation: `执行率、自评得分或人均支出明显偏离同地区同年度其他部门（稳健z值超过${OUTLIER_Z}）。`,
  run(group) {
    const out: Finding[] = [];
    for (const m of METRICS) {
      const vals = group
        .map((r) => ({ r, v: m.value(r) }))
        .filter((x): x is { r: Report; v: NonNullable<ReturnType<Metric["value"]>> } => !!x.v);
      if (vals.length < MIN_PEERS) continue;
      for (const { r, v } of vals) {
        const peers = vals.filter((x) => x.r !== r).map((x) => x.v.value);
        const { z, median: med, mad } = robustZ(v.value, peers, m.minSpread(median(peers)));
        if (Math.abs(z) <= OUTLIER_Z) continue;
        out.push(
          makeFinding(r, {
            rule: "peer_outlier",
            scope: "cross_department",
            severity: "info",
            field: m.name,
            stated: v.figure ? { ...v.figure, value: String(v.value), ulp: "0.01" } : undefined,
            expected: new Big(med),
            message: `${m.label}${fmt(v.value)}${m.unit}明显${v.value > med ? "高于" : "低于"}同地区同年度${peers.length}个部门（中位数${fmt(med)}${m.unit}，MAD ${fmt(mad)}，稳健z值${fmt(z)}），请关注。`,
            evidence: v.figure ? [evidence(r, m.name, v.figure.prov)] : [],
          }),
        );
      }
    }
    return out;
  },
};
