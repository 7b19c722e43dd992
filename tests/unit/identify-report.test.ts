/** Department, year and kind from a document's first blocks, as titles, covers and forms print them. */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";

const { vocabulary } = definitions;

import { identifyReport } from "../../src/extract/identify-report.js";
import type { Block } from "../../src/layout/document-layout.js";
import { LocatedText } from "../../src/layout/located-text.js";

function paragraphs(texts: string[], conf?: number): Block[] {
  return texts.map((t, i) => ({
    kind: "paragraph",
    text: LocatedText.fromBox(t, 1, { x0: 0, y0: i * 20, x1: 400, y1: i * 20 + 12 }, conf),
    lines: [],
    pages: [1],
    fontSize: 12,
    path: [],
  }));
}

describe("identifyReport", () => {
  it("reads a form's 填报单位（盖章） line and the year on its own line under the title", () => {
    const id = identifyReport(
      paragraphs([
        "部门整体支出绩效自评表",
        "（2023 年度）",
        "填报单位（盖章）：东陵市望川县市场监督管理局        填报日期：2024 年 3 月 15 日",
      ]),
      vocabulary,
    );
    expect(id.kind?.value).toBe("部门整体支出绩效自评表");
    expect(id.fiscalYear?.value).toBe("2023");
    expect(id.department?.value).toBe("东陵市望川县市场监督管理局");
  });

  it("corrects an OCR'd place name from the administrative divisions and says so", () => {
    const id = identifyReport(
      paragraphs(["杭州市萧出区教育局 2022 年部门整体支出绩效自评报告", "一、基本情况"], 80),
      vocabulary,
    );
    expect(id.department?.value).toBe("杭州市萧山区教育局");
    expect(id.departmentCorrected).toMatch(/萧出区 → 萧山区/);
  });

  it("leaves a text layer's name as printed", () => {
    const id = identifyReport(
      paragraphs(["杭州市萧出区教育局 2022 年部门整体支出绩效自评报告", "一、基本情况"]),
      vocabulary,
    );
    expect(id.department?.value).toBe("杭州市萧出区教育局");
  });

  it("takes the signature's reading of the name when OCR was surer of it than of the title", () => {
    const [title] = paragraphs(["沧澜市蜡川区桂花街道办事处2023年度部门整体支出绩效自评报告"], 40);
    const body = paragraphs(["桂花街道办事处是临川区人民政府的派出机关。", "沧澜市临川区桂花街道办事处"], 92);
    const id = identifyReport([title!, ...body], vocabulary);
    expect(id.department?.value).toBe("沧澜市临川区桂花街道办事处");
    // …and keeps the title's when the signature is the weaker reading
    const [sure] = paragraphs(["沧澜市临川区桂花街道办事处2023年度部门整体支出绩效自评报告"], 95);
    const weak = paragraphs(["沧澜市蜡川区桂花街道办事处"], 30);
    expect(identifyReport([sure!, ...weak], vocabulary).department?.value).toBe("沧澜市临川区桂花街道办事处");
  });

  it("takes the cover's labelled full name when the first title has none", () => {
    const id = identifyReport(
      paragraphs([
        "2023年度部门整体支出绩效自评报告",
        "评价单位（盖章）：桐江市鹤鸣区卫生健康局",
        "鹤鸣区卫健局2023年度部门整体支出绩效自评报告",
        "一、基本情况",
      ]),
      vocabulary,
    );
    expect([id.department?.value, id.fiscalYear?.value, id.titleBlock]).toEqual([
      "桐江市鹤鸣区卫生健康局",
      "2023",
      0,
    ]);
  });
});

describe("cover labels without a colon", () => {
  it("reads a department after its label and a space", () => {
    const id = identifyReport(
      paragraphs(["部门(单位)名称 东川县水务局", "评价方式 部门自评", "2023年度部门整体支出绩效自评报告"]),
      vocabulary,
    );
    expect(id.department?.value).toBe("东川县水务局");
  });
});
