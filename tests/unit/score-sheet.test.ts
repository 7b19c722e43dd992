/**
 * Scores as a sheet: an indicator table's own total row and its adjusting rows (扣分项), a part's
 * score in prose next to the total, and a report's department named only by the publication it is
 * printed in.
 */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { rules } from "../../pipelines/rules.js";
import { checkReport } from "../../src/checks/run-checks.js";
import { extractReport } from "../../src/extract/extract-report.js";
import { identifyReport } from "../../src/extract/identify-report.js";
import { selfScore } from "../../src/extract/prose-facts.js";
import { LocatedText } from "../../src/layout/located-text.js";
import { grid, layoutOf, paragraph } from "../helpers/grid.js";

const { vocabulary } = definitions;
const source = { path: "/in/r.pdf", fileName: "r.pdf", size: 1, sha256: "cd".repeat(32) };
const HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];

function readWith(rows: string[][], prose: string) {
  const blocks = [
    paragraph("东川县卫生健康局2023年度部门整体支出绩效自评报告", 1, 16),
    paragraph("全年预算数500.00万元，全年执行数480.00万元，预算执行率96.00%。", 1),
    { kind: "table" as const, table: grid([HEAD, ...rows], 2), path: [] },
    paragraph(prose, 2),
  ];
  const { report } = extractReport(
    { source, layout: layoutOf(blocks), ocrPages: 0, issues: [] },
    definitions,
  );
  return { report, findings: checkReport(report, rules).filter((f) => f.rule === "score_sum_mismatch") };
}

const indicators = [
  ["产出指标", "数量指标", "建档数", "≥30万份", "31万份", "40", "40"],
  ["产出指标", "质量指标", "接种率", "≥95%", "98%", "30", "30"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "30", "27"],
];

describe("score sheet", () => {
  it("adds a 扣分项 row to the indicators' points: 97 − 10 = 87 is consistent", () => {
    const { report, findings } = readWith(
      [
        ...indicators,
        ["扣分项", "<", "<", "资金支付不规范", "<", "", "-10"],
        ["合计", "<", "<", "<", "<", "100", "87"],
      ],
      "经自评，本单位自评得分87分，等级为良。",
    );
    expect(report.indicators.map((i) => i.level3)).toEqual(["建档数", "接种率", "群众满意度"]);
    expect(report.score_sheet?.adjustments.map((a) => a.figure.value)).toEqual(["-10"]);
    expect(report.score_sheet?.total?.value).toBe("87");
    expect(findings).toEqual([]);
  });

  it("finds a 合计 that is not the sum of the 得分 cells above it, even by 2 points", () => {
    const { findings } = readWith(
      [...indicators, ["合计", "<", "<", "<", "<", "100", "95"]],
      "经自评，本单位自评得分95分，等级为优。",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", stated: "95", expected: "97" });
  });

  it("leaves a total that also holds points outside the indicator rows (its 分值 is larger)", () => {
    const { findings } = readWith(
      [
        ...indicators.map((r) => [...r.slice(0, 5), String(Number(r[5]) * 0.9), String(Number(r[6]) * 0.9)]),
        ["总分", "<", "<", "<", "<", "100", "96.3"],
      ],
      "经自评，本单位自评得分96.3分，等级为优。",
    );
    expect(findings).toEqual([]);
  });
});

describe("prose scores and publication titles", () => {
  const lt = (t: string) => LocatedText.fromBox(t, 1, { x0: 0, y0: 0, x1: 600, y1: 10 });
  it("takes the total, not a part's score stated before it", () => {
    expect(
      selfScore(
        lt("预算管理指标得分29.28分，绩效目标指标得分69.5分，本局自评总分98.78分，等级为“优”。"),
        vocabulary,
      )?.value,
    ).toBe("98.78");
    expect(selfScore(lt("绩效目标指标得分69.5分。"), vocabulary)?.value).toBe("69.5");
  });

  it("names the department from the publication's title when the report inside does not", () => {
    const blocks = [
      "东川县司法局2023年度部门决算",
      "目 录",
      "第四部分其他重要事项的情况说明",
      "第五部分 2023年度部门整体支出绩效自评报告",
      "第六部分名词解释",
    ].map((t, i) => {
      const p = paragraph(t, 1 + Math.floor(i / 3));
      if (/^第/.test(t))
        p.heading = {
          rank: 0,
          label: t.slice(0, 4),
          ordinal: 4,
          prefixLength: 4,
          title: t.slice(4),
          standalone: true,
        };
      return p;
    });
    const id = identifyReport(blocks, vocabulary);
    expect(id.kind?.value).toBe("部门整体支出绩效自评报告");
    expect(id.department?.value).toBe("东川县司法局");
  });
});
