/** text_repeated: the problems or next steps copied nearly verbatim from last year's report. */
import type { Finding } from "../../../schemas/finding.js";
import { evidence, makeFinding, pageRef } from "../finding-builder.js";
import type { RuleOf } from "../rule.js";
import { COPY_SIMILARITY, similarity } from "../text-similarity.js";

export const textRepeatedRule: RuleOf<"cross_year"> = {
  id: "text_repeated",
  scope: "cross_year",
  severity: "info",
  name: "文字与上年雷同",
  explanation: "“存在的问题”或“改进措施”与上年度报告基本相同，问题可能未整改。",
  run(cur, prev) {
    const out: Finding[] = [];
    for (const [field, label] of [
      ["problems", "存在的问题"],
      ["next_steps", "改进措施"],
    ] as const) {
      const a = cur[field];
      const b = prev[field];
      if (!a || !b || a.value.length < 15) continue;
      const sim = similarity(a.value, b.value);
      if (sim < COPY_SIMILARITY) continue;
      out.push(
        makeFinding(cur, {
          rule: "text_repeated",
          scope: "cross_year",
          severity: "info",
          field,
          reference: prev,
          otherPage: b.prov.page,
          message: `本年度“${label}”与${prev.fiscal_year?.value}年度报告基本相同（相似度${Math.round(sim * 100)}%，${pageRef(a.prov)}），问题是否已整改值得关注。`,
          evidence: [evidence(cur, "this year text", a.prov), evidence(prev, "last year text", b.prov)],
        }),
      );
    }
    return out;
  },
};
