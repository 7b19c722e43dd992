/** Tables continued over page breaks: repeated headers, running spans, rows cut by the break. */

import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { LocatedText } from "../../src/layout/located-text.js";
import { appendContinuation, canContinue } from "../../src/layout/merge-tables-across-pages.js";
import { type Table, type TableCell, tableToRows } from "../../src/layout/table-model.js";

const WORDS = definitions.vocabulary.labels.layout;

const XS = [0, 100, 200, 300];

/** A table from rows of cell texts; "^" marks a cell covered by the span above it. */
function table(page: number, rows: string[][], xs = XS): Table {
  const cells: TableCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === "^") {
        const above = cells.find((x) => x.col === c && x.row + x.rowSpan === r);
        if (above) above.rowSpan++;
        return;
      }
      cells.push({
        row: r,
        col: c,
        rowSpan: 1,
        colSpan: 1,
        text: LocatedText.fromBox(text, page, { x0: xs[c]!, y0: r * 20, x1: xs[c + 1]!, y1: r * 20 + 20 }),
        parts: [{ page, x0: xs[c]!, y0: r * 20, x1: xs[c + 1]!, y1: r * 20 + 20 }],
      });
    });
  });
  return {
    method: "lattice",
    pages: [page],
    xs,
    nCols: xs.length - 1,
    rows: rows.map(() => ({ pages: [page] })),
    cells,
    bbox: { x0: xs[0]!, y0: 0, x1: xs[xs.length - 1]!, y1: rows.length * 20 },
  };
}

describe("tables over page breaks", () => {
  it("drops a repeated header row", () => {
    const a = table(1, [
      ["名称", "资金", "情况"],
      ["任务1", "10", "完成"],
    ]);
    const b = table(2, [
      ["名称", "资金", "情况"],
      ["任务2", "20", "完成"],
    ]);
    expect(canContinue(a, b)).toBe(true);
    const m = appendContinuation(a, b, WORDS);
    expect(tableToRows(m)).toEqual([
      ["名称", "资金", "情况"],
      ["任务1", "10", "完成"],
      ["任务2", "20", "完成"],
    ]);
    expect(m.pages).toEqual([1, 2]);
    expect(m.rows.map((r) => r.pages)).toEqual([[1], [1], [2]]);
  });

  it("joins a row cut by the page break (empty leading cells on the continuation)", () => {
    // The cut cell held more than a line on the first page (a column is ~9 characters wide here).
    const a = table(1, [
      ["名称", "资金", "情况"],
      ["任务1", "10", "已完成：1、全年时政、民生新闻宣传，包括采访、审核"],
    ]);
    const b = table(2, [
      ["", "", "、发布。"],
      ["任务2", "20", "完成"],
    ]);
    const m = appendContinuation(a, b, WORDS);
    expect(tableToRows(m)).toEqual([
      ["名称", "资金", "情况"],
      ["任务1", "10", "已完成:1、全年时政、民生新闻宣传,包括采访、审核、发布。"],
      ["任务2", "20", "完成"],
    ]);
    expect(m.rows[1]!.pages).toEqual([1, 2]);
  });

  it("joins a row whose cells end mid-text (the page ended inside them)", () => {
    const a = table(1, [
      ["名称", "资金", "情况"],
      ["任务 1：保障义务教育学校公用", "891.22", "按期保障义务教育学校公用经费"],
    ]);
    const b = table(2, [
      ["经费。", "", "，服务对象满意度90%以上。"],
      ["任务 2：推进学前教育", "812.58", "已完成。"],
    ]);
    const rows = tableToRows(appendContinuation(a, b, WORDS));
    expect(rows[1]).toEqual([
      "任务 1:保障义务教育学校公用经费。",
      "891.22",
      "按期保障义务教育学校公用经费,服务对象满意度90%以上。",
    ]);
    expect(rows).toHaveLength(3);
  });

  it("starts a new row under single-line cells, the label columns running on", () => {
    const xs = [0, 60, 120, 300, 400];
    const a = table(
      1,
      [
        ["一级", "二级", "三级", "指标值"],
        ["效益指标", "社会效益", "为社会提供就业岗位数", "36 个以上"],
      ],
      xs,
    );
    const b = table(
      2,
      [
        ["", "", "提升群众文化服务水平", "有效提升"],
        ["满意度", "服务对象", "群众满意度", "≥95%"],
      ],
      xs,
    );
    expect(tableToRows(appendContinuation(a, b, WORDS))).toEqual([
      ["一级", "二级", "三级", "指标值"],
      ["效益指标", "社会效益", "为社会提供就业岗位数", "36 个以上"],
      ["效益指标", "社会效益", "提升群众文化服务水平", "有效提升"],
      ["满意度", "服务对象", "群众满意度", "≥95%"],
    ]);
  });

  it("joins a cut row that prints its labels again and leaves its values empty", () => {
    const xs = [0, 60, 120, 300, 360, 400, 440];
    const a = table(
      1,
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "权重", "得分"],
        ["效益指标", "社会效益指标", "道路运输安全生产", "2", "6", "6"],
      ],
      xs,
    );
    const b = table(
      2,
      [
        ["效益指标", "社会效益指标", "事故起数", "", "", ""],
        ["效益指标", "生态效益指标", "新能源公交车占比", "60", "6", "4.8"],
      ],
      xs,
    );
    expect(tableToRows(appendContinuation(a, b, WORDS))).toEqual([
      ["一级指标", "二级指标", "三级指标", "指标值", "权重", "得分"],
      ["效益指标", "社会效益指标", "道路运输安全生产事故起数", "2", "6", "6"],
      ["效益指标", "生态效益指标", "新能源公交车占比", "60", "6", "4.8"],
    ]);
  });

  it("continues a merged label column across the break and keeps new rows apart", () => {
    const a = table(1, [
      ["一级", "三级", "指标值"],
      ["产出指标", "数量", "10"],
      ["^", "质量", "100%"],
    ]);
    const b = table(2, [
      ["", "时效", "100%"],
      ["^", "成本", "90%"],
    ]);
    const rows = tableToRows(appendContinuation(a, b, WORDS));
    expect(rows).toEqual([
      ["一级", "三级", "指标值"],
      ["产出指标", "数量", "10"],
      ["产出指标", "质量", "100%"],
      ["产出指标", "时效", "100%"],
      ["产出指标", "成本", "90%"],
    ]);
  });

  it("does not merge tables whose columns do not line up", () => {
    const a = table(1, [["a", "b", "c"]]);
    const b = table(2, [["d", "e", "f"]], [0, 150, 200, 300]);
    expect(canContinue(a, b)).toBe(false);
  });
});
