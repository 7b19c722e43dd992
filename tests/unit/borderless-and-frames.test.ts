/**
 * Borderless tables whose cells run close to the next column or wrap over two lines, text boxes the
 * body flows around, and a report printed after the publication it is part of — on pages and
 * layouts built here.
 */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { extractReport } from "../../src/extract/extract-report.js";
import type { Block } from "../../src/layout/document-layout.js";
import { layoutDocument } from "../../src/layout/document-layout.js";
import type { Segment, TextRun } from "../../src/layout/page-model.js";
import { tableToRows } from "../../src/layout/table-model.js";
import { layoutOf, paragraph } from "../helpers/grid.js";
import { textPage } from "../helpers/page-content.js";

const WORDS = definitions.vocabulary.labels.layout;
const SIZE = 9.5;
const width = (t: string, size = SIZE): number =>
  [...t].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef≥≤]/.test(ch) ? size : size / 2), 0);

/** One run per word (split at spaces), as a producer gives a cell's text, starting at x. */
function cell(text: string, x: number, y: number, size = SIZE): TextRun[] {
  const runs: TextRun[] = [];
  let cx = x;
  for (const word of text.split(/( )/)) {
    const w = width(word, size);
    if (word.trim())
      runs.push({
        text: word,
        x0: cx,
        x1: cx + w,
        y0: y - size * 0.88,
        y1: y + size * 0.12,
        fontSize: size,
        fontName: "f",
      });
    cx += w;
  }
  return runs;
}

const page = textPage;

describe("borderless tables: columns from the gutters all rows share", () => {
  // Column starts of a 7-column indicator table; 分值 and 得分 right-aligned at 494 / 528.
  const X = [73, 129, 202, 340, 410];
  const right = (t: string, edge: number, y: number) => cell(t, edge - width(t), y);
  const row = (y: number, c: string[], points: [string, string]) => [
    ...c.flatMap((t, k) => (t ? cell(t, X[k]!, y) : [])),
    ...right(points[0], 494, y),
    ...right(points[1], 528, y),
  ];
  const runs = [
    // header: 分值 and 得分 closer together than a column gap (1.5 em)
    ...cell("一级指标", 80, 280),
    ...cell("二级指标", 144, 280),
    ...cell("三级指标", 245, 280),
    ...cell("指标值", 348, 280),
    ...cell("实际完成值", 406, 280),
    ...cell("分值", 470.3, 280),
    ...cell("得分", 503.9, 280),
    ...row(300, ["产出指标", "数量指标", "新建工程处数", "12 处", "12 处"], ["10", "10"]),
    ...row(320, ["", "", "河道清淤长度", "≥35 公里", "36.2 公里"], ["10", "10"]),
    // target and actual 0.8 em apart: a column gap other rows show, not a space
    ...cell("≥18 平方公里", 332.2, 340),
    ...cell("16.4 平方公里", 400.2, 340),
    ...cell("治理面积", 202, 340),
    ...cell("生态效益指标", 129, 340),
    ...right("10", 494, 340),
    ...right("7.5", 528, 340),
    // a long 二级 label ending 0.66 em before the 三级 column
    ...row(360, ["", "可持续影响指标", "", "≥20年", "20 年"], ["10", "10"]).filter(
      (r) => r.text !== "可持续影响指标",
    ),
    { text: "可持续影响指标", x0: 129.2, x1: 195.7, y0: 360 - 8.4, y1: 361.1, fontSize: SIZE, fontName: "f" },
    { text: "设计使用年限", x0: 202, x1: 259, y0: 360 - 8.4, y1: 361.1, fontSize: SIZE, fontName: "f" },
    // a 二级 label wrapped over two lines centred on its row
    ...cell("服务对象满意度", 129, 372),
    ...row(380, ["满意度指标", "", "群众满意度", "≥90%", "93.5%"], ["15", "12"]),
    ...cell("指标", 129, 388),
    ...row(400, ["合计", "", "", "", ""], ["100", "93.5"]),
  ];

  const lay = layoutDocument([page(1, runs)], WORDS);

  it("splits cells at gutters, joins wrapped cell lines, and keeps every row", () => {
    expect(lay.tables).toHaveLength(1);
    const rows = tableToRows(lay.tables[0]!, { fill: false });
    expect(rows[0]).toEqual(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]);
    expect(rows[3]).toEqual(["", "生态效益指标", "治理面积", "≥18 平方公里", "16.4 平方公里", "10", "7.5"]);
    expect(rows[4]).toEqual(["", "可持续影响指标", "设计使用年限", "≥20年", "20 年", "10", "10"]);
    expect(rows[5]).toEqual(["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93.5%", "15", "12"]);
    expect(rows[6]!.slice(-2)).toEqual(["100", "93.5"]);
    expect(rows).toHaveLength(7);
    // nothing of the table is left as prose
    expect(lay.blocks.filter((b) => b.kind === "paragraph")).toHaveLength(0);
  });

  it("does not split a cell where only its own words leave a gap", () => {
    // "1,234.00 万元" right-aligned in every row: the gap before 万元 lines up, but no row has a
    // column gap there.
    const rs = ["项目", "一般公共预算收入", "其他收入", "合计"].flatMap((label, i) => [
      ...cell(label, 72, 300 + i * 20),
      ...(i === 0
        ? cell("金额", 300, 300)
        : cell(`${["", "1,234.00", "5.00", "1,239.00"][i]} 万元`, 260, 300 + i * 20)),
    ]);
    const t = layoutDocument([page(1, rs)], WORDS).tables;
    expect(t).toHaveLength(1);
    expect(t[0]!.nCols).toBe(2);
  });

  it("leaves a caption between two tables out of both", () => {
    const table = (y: number) =>
      [0, 1, 2].flatMap((i) => [...cell(`项目${i}`, 72, y + i * 20), ...cell(`${i}.00`, 300, y + i * 20)]);
    const lay2 = layoutDocument(
      [page(1, [...table(300), ...cell("单位:万元", 300, 380), ...table(410)])],
      WORDS,
    );
    expect(lay2.tables).toHaveLength(2);
    expect(lay2.blocks.some((b) => b.kind === "paragraph" && b.text.text === "单位:万元")).toBe(true);
  });
});

describe("a text box the body text flows around", () => {
  // A box at x 315–513, y 423–497; the body wraps on both sides of it.
  const box: Segment[] = [
    { orient: "h", pos: 423, from: 315, to: 513 },
    { orient: "h", pos: 497, from: 315, to: 513 },
    { orient: "v", pos: 315, from: 423, to: 497 },
    { orient: "v", pos: 513, from: 423, to: 497 },
  ];
  const body = (t: string, x: number, y: number) => cell(t, x, y, 11);
  const runs = [
    ...body("收入合计1390.54万元，其中：一般", 74, 435),
    ...body("公", 514, 435),
    ...body("共预算财政拨款收入1347.74万元；", 74, 459),
    ...body("其", 514, 459),
    ...body("他收入42.80万元。", 74, 483),
    ...cell("图1 支出结构", 385, 440, 9),
    ...cell("基本支出854.49万元", 343, 459, 9),
    ...cell("项目支出536.05万元", 343, 480, 9),
  ];
  const lay = layoutDocument([page(1, runs, box)], WORDS);
  const texts = lay.blocks.map((b) => (b.kind === "paragraph" ? b.text.text : "<table>"));

  it("reads the body's sentence whole and the box as paragraphs of its own after it", () => {
    expect(texts[0]).toBe("收入合计1390.54万元,其中:一般公共预算财政拨款收入1347.74万元;其他收入42.80万元。");
    expect(texts.slice(1).join("|")).toContain("基本支出854.49万元");
    expect(texts.join("|")).not.toMatch(/一般.*基本支出.*其他/);
    expect(lay.tables).toHaveLength(0);
  });

  it("leaves a box with nothing beside it in the flow", () => {
    const alone = layoutDocument([page(1, cell("基本支出854.49万元", 343, 459, 9), box)], WORDS);
    expect(alone.blocks.map((b) => (b.kind === "paragraph" ? b.text.text : ""))).toEqual([
      "基本支出854.49万元",
    ]);
  });
});

describe("a report printed after the publication it is part of", () => {
  const SHA = "cd".repeat(32);
  const source = { path: "/in/r.pdf", fileName: "r.pdf", size: 1, sha256: SHA };
  const filler = Array.from({ length: 12 }, (_, i) =>
    paragraph(`本部门主要职责之${i + 1}为全县农业农村发展服务。`, 1),
  );
  const blocks: Block[] = [
    paragraph("东川县农业局2023年度部门决算", 1, 16),
    ...filler,
    paragraph("本年收入合计500.00万元，其中：一般公共预算财政拨款收入450.00万元，其他收入50.00万元。", 1),
    paragraph("本年支出合计500.00万元，其中：基本支出200.00万元，项目支出300.00万元。", 1),
    paragraph("与2022年度相比，收、支总计各增加36.00万元。", 1),
    paragraph("东川县农业局2023年度部门整体支出绩效自评报告", 2, 16),
    paragraph("2023年全年预算520.00万元，全年实际支出500.00万元，预算执行率96.15%。", 2),
    paragraph("基本支出210.00万元，项目支出290.00万元。支出较上年增加20.00万元。", 2),
    paragraph("经自评，本局自评得分92分，等级为“优”。", 2),
  ];
  const { report } = extractReport(
    { source, layout: layoutOf(blocks), ocrPages: 0, issues: [] },
    definitions,
  );

  it("takes the lines and figures only the publication states, marked as taken from it", () => {
    const income = report.budget_lines.filter((l) => l.section === "income");
    expect(income.map((l) => [l.item, l.amount.value, l.amount.prov.page])).toEqual([
      ["一般公共预算财政拨款收入", "450", 1],
      ["其他收入", "50", 1],
    ]);
    expect(report.headline.income_total?.value).toBe("500");
    expect(report.issues.filter((i) => i.code === "from_publication").length).toBeGreaterThan(0);
  });

  it("keeps the report's own figures where both state one, and never the publication's changes", () => {
    expect(report.headline.basic_total?.value).toBe("210");
    expect(report.statements.filter((s) => s.key === "basic_total").map((s) => s.figure.value)).toEqual([
      "210",
    ]);
    expect(report.headline.yoy_change?.value).toBe("20");
    expect(report.statements.filter((s) => s.key === "yoy_change")).toHaveLength(1);
  });
});
