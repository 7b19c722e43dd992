/** Lines, paragraphs across page breaks, running headers and borderless tables on synthetic pages. */

import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { layoutDocument } from "../../src/layout/document-layout.js";
import type { PageContent, TextRun } from "../../src/layout/page-model.js";
import { tableToRows } from "../../src/layout/table-model.js";
import { textPage } from "../helpers/page-content.js";

const WORDS = definitions.vocabulary.labels.layout;

/** Runs of ~2 characters, as pdf.js gives them, for one printed line. */
function line(text: string, x: number, y: number, size = 10.5): TextRun[] {
  const runs: TextRun[] = [];
  let cx = x;
  for (let i = 0; i < text.length; i += 2) {
    const t = text.slice(i, i + 2);
    const w = [...t].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
    if (t.trim())
      runs.push({
        text: t,
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

const page = (number: number, runs: TextRun[]): PageContent => textPage(number, runs);

const FULL = "本部门年度收入预算执行情况良好，其中一般公共预算财政拨款收入预算执行为"; // fills the line

describe("text layout", () => {
  it("joins a sentence broken by a page break and drops running headers and page numbers", () => {
    const header = (n: number) => [
      ...line("某区融媒体中心绩效自评报告", 200, 40),
      ...line(`- ${n} -`, 290, 800),
    ];
    const p1 = page(1, [
      ...header(1),
      ...line(FULL, 72, 700),
      ...line(FULL, 72, 720),
      ...line(FULL, 72, 740),
    ]);
    const p2 = page(2, [
      ...header(2),
      ...line("2,392.09 万元；事业收入预算执行 6,205.81 万元。", 72, 100),
      ...line("（二）年度总体工作", 72, 130),
    ]);
    const p3 = page(3, [...header(3), ...line("三是实现年度经营创收。", 93, 100)]);
    const lay = layoutDocument([p1, p2, p3], WORDS);
    expect(lay.stats.runningLines).toBe(6);
    const paras = lay.blocks
      .filter((b) => b.kind === "paragraph")
      .map((b) => (b.kind === "paragraph" ? b.text.text : ""));
    expect(paras[0]).toMatch(/预算执行为2,392\.09 万元;事业收入/);
    expect(paras[0]).not.toMatch(/融媒体中心绩效自评报告|- 2 -/);
    expect(lay.headings.map((h) => h.title)).toEqual(["年度总体工作"]);
  });

  it("reads aligned columns without rulings as a borderless table", () => {
    const rows = [
      ["项目", "金额（元）", "备注"],
      ["全年预算数", "22,054,500.00", "调整后"],
      ["全年执行数", "21,132,600.00", "决算"],
      ["预算执行率", "95.82%", "—"],
    ];
    const runs = rows.flatMap((r, i) => [
      ...line(r[0]!, 72, 300 + i * 20),
      ...line(r[1]!, 250, 300 + i * 20),
      ...line(r[2]!, 420, 300 + i * 20),
    ]);
    const lay = layoutDocument([page(1, [...line("（一）预算收支情况", 72, 270), ...runs])], WORDS);
    expect(lay.tables).toHaveLength(1);
    expect(lay.tables[0]!.method).toBe("stream");
    expect(tableToRows(lay.tables[0]!)).toEqual([
      ["项目", "金额(元)", "备注"],
      ["全年预算数", "22,054,500.00", "调整后"],
      ["全年执行数", "21,132,600.00", "决算"],
      ["预算执行率", "95.82%", "—"],
    ]);
  });

  it("keeps a centred header over right-aligned numbers in a borderless table", () => {
    // header centred over each column; numbers right-aligned to the column's right edge at 300 / 420
    const header = [...line("项目", 90, 300), ...line("金额（元）", 235, 300), ...line("占比", 385, 300)];
    const body = [
      ["一般公共预算财政拨款收入", "48,215,600.00", "87.46%"],
      ["政府性基金收入", "5,400,000.00", "9.80%"],
      ["其他收入", "1,511,716.84", "2.74%"],
    ].flatMap((r, i) => {
      const w = (t: string) => [...t].reduce((a, ch) => a + (/[\u3000-\u9fff]/.test(ch) ? 10.5 : 5.25), 0);
      return [
        ...line(r[0]!, 72, 320 + i * 20),
        ...line(r[1]!, 300 - w(r[1]!), 320 + i * 20),
        ...line(r[2]!, 420 - w(r[2]!), 320 + i * 20),
      ];
    });
    const lay = layoutDocument([page(1, [...header, ...body])], WORDS);
    expect(lay.tables).toHaveLength(1);
    expect(tableToRows(lay.tables[0]!)[0]).toEqual(["项目", "金额(元)", "占比"]);
    expect(tableToRows(lay.tables[0]!)[1]).toEqual(["一般公共预算财政拨款收入", "48,215,600.00", "87.46%"]);
  });
});
