/** Score, grade and staff phrasing as real reports (and OCR) print them. */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";

const { vocabulary } = definitions;

import { scanMentions } from "../../src/extract/mentions.js";
import { grade, proseProject, selfScore, staffCounts } from "../../src/extract/prose-facts.js";
import { LocatedText } from "../../src/layout/located-text.js";

const lt = (s: string) => LocatedText.fromBox(s, 2, { x0: 0, y0: 0, x1: s.length * 10, y1: 10 });

describe("score and grade", () => {
  it.each([
    ["整体支出绩效自评得分92.3分。从评价情况来看", "92.3"],
    ["经综合评价，综合评分为97分，评价等级为优。", "97"],
    ["自评分数：88.6分，自评等级：良", "88.6"],
    ["部门整体支出绩效自评得分为 83.6 分", "83.6"],
  ])("%s → %s", (text, want) => {
    expect(selfScore(lt(text), vocabulary)?.value).toBe(want);
  });

  it.each([
    ["总体上达到了要求，自评“优”。", "优"],
    ["评价等级为“良”。", "良"],
    ["自评分数：88.6分，自评等级：良", "良"],
    ["综合评定等级为良好。", "良好"],
    ["评价等级为 [ 良 ” o", "良"],
    ["自评 “ 优,  。", "优"],
  ])("%s → %s", (text, want) => {
    expect(grade(lt(text), vocabulary)?.value).toBe(want);
  });

  it("does not take a score above 100 or a grade from ordinary words", () => {
    expect(selfScore(lt("学习强国周平均得分超210分"), vocabulary)).toBeUndefined();
    expect(grade(lt("服务质量良好，群众满意。"), vocabulary)).toBeUndefined();
  });

  it("keeps the page of the value", () => {
    expect(selfScore(lt("自评得分92.3分"), vocabulary)?.prov).toMatchObject({ page: 2, text: "92.3" });
  });
});

describe("staff counts", () => {
  it("reads the counts after their labels, not the changes", () => {
    const s = staffCounts(
      lt(
        "核定事业编制79名。2022年实有在编在职人员55人，对比上年增加2人；在职合同人员127人；在编退休人员63人（其中财政全额拨款10人）。",
      ),
      vocabulary,
    );
    expect(Object.fromEntries(Object.entries(s).map(([k, f]) => [k, f.value]))).toEqual({
      authorized: "79",
      in_service: "55",
      contract: "127",
      retired: "63",
    });
  });

  it("reads another house style", () => {
    const s = staffCounts(
      lt("本单位编制数 136 人，年末实有在职人员 87 人，离退休人员 58 人，编外聘用人员 87 人。"),
      vocabulary,
    );
    expect(Object.fromEntries(Object.entries(s).map(([k, f]) => [k, f.value]))).toEqual({
      authorized: "136",
      in_service: "87",
      retired: "58",
      contract: "87",
    });
  });

  it("reads OCR's 人 as A and its 退休和人员 for 退休人员 — from OCR'd text only", () => {
    const text = "在职合同人员146 人 ; 在编退休和人员89 Ao";
    const ocr = LocatedText.fromBox(text, 1, { x0: 0, y0: 0, x1: 300, y1: 10 }, 90);
    const s = staffCounts(ocr, vocabulary);
    expect(s.retired).toMatchObject({ value: "89", unit: "人" });
    expect(s.contract?.value).toBe("146");
    // A text layer that prints "89 A" means something else.
    expect(staffCounts(lt(text), vocabulary).retired).toBeUndefined();
  });

  it("takes the 合计 of the kinds of posts as the authorized count", () => {
    const s = staffCounts(
      lt("本局核定行政编制 30名、事业编制15 名，合计 45名；实有在编在职人员42 人。"),
      vocabulary,
    );
    expect([s.authorized?.value, s.in_service?.value]).toEqual(["45", "42"]);
  });

  it("reads 退休 misread as 过体 on a poor scan", () => {
    expect(staffCounts(lt("编外聘用人员38 名,.过体人员22 名。"), vocabulary).retired?.value).toBe("22");
  });

  it("ignores a speck read as a bracket before a count", () => {
    expect(staffCounts(lt("编外聘用人员]11 人，退休人员27 人。"), vocabulary).contract?.value).toBe("11");
  });

  it("reads bare 在职人数 and 编外…人员", () => {
    const s = staffCounts(
      lt("编制人数85人，在职人数79人，编外环卫作业人员112人，退休人数21人。"),
      vocabulary,
    );
    expect(Object.fromEntries(Object.entries(s).map(([k, f]) => [k, f.value]))).toEqual({
      authorized: "85",
      in_service: "79",
      contract: "112",
      retired: "21",
    });
  });
});

describe("projects stated in prose", () => {
  it("takes the name after a 项目一： marker, up to the full stop", () => {
    const t = lt("项目一：城市道路清扫保洁服务。全年预算3,250.00万元，实际支出3,186.42万元，执行率98.04%。");
    const p = proseProject(t, scanMentions(t, 0, vocabulary), true, vocabulary);
    expect([p?.name, p?.budget?.value, p?.executed?.value, p?.rate?.value]).toEqual([
      "城市道路清扫保洁服务",
      "3250",
      "3186.42",
      "98.04",
    ]);
  });
});

describe("no change against last year", () => {
  it("reads 同比无增减变化 about expenditure as a change of exactly 0", async () => {
    const { unchangedExpenditure } = await import("../../src/extract/extract-report.js");
    expect(unchangedExpenditure(lt("本年支出合计1,205.30万元，同比无增减变化。"), vocabulary)).toMatchObject({
      value: "0",
      ulp: "0",
    });
    expect(unchangedExpenditure(lt("在编退休人员63人，与上年对比无变化。"), vocabulary)).toBeUndefined();
    expect(
      unchangedExpenditure(lt("本年收入合计1,205.30万元，同比无增减变化。"), vocabulary),
    ).toBeUndefined();
  });
});
