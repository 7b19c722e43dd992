/**
 * The general reading of tables, forms and prose on grids built here: header blocks wherever they
 * are, 其中 columns, key–value staff cells, stated totals with their parts, parts named in prose.
 */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { classifyLead, mentionsToFigures } from "../../src/extract/headline-figures.js";
import { scanMentions } from "../../src/extract/mentions.js";
import { tableStaff } from "../../src/extract/prose-facts.js";
import { proseSums, tableSums } from "../../src/extract/stated-sums.js";
import { tableBlocks, tableToMentions } from "../../src/extract/table-mentions.js";
import { LocatedText } from "../../src/layout/located-text.js";
import { grid } from "../helpers/grid.js";

const { vocabulary } = definitions;

/** A 基本概况 form: key–value rows, a long text row, then an income sub-table with its own header. */
const form = grid([
  ["部门(单位)名称", "东川县水务局", "<", "<", "<"],
  ["联系人", "王一", "<", "联络电话", "0700-1234567"],
  ["人员编制", "38", "<", "实有人数", "36"],
  [
    "职能职责概述",
    "负责全县水资源的统一管理和保护，组织编制水利规划并监督实施，指导水利设施建设",
    "<",
    "<",
    "<",
  ],
  ["机构名称", "收入合计", "其中:上年结转", "财政拨款", "其他"],
  ["局机关", "1000.00", "50.00", "900.00", "50.00"],
  ["县水文站", "300.00", "0", "280.00", "20.00"],
  ["合计", "1300.00", "50.00", "1190.00", "60.00"],
]);

describe("header blocks and 其中 columns", () => {
  it("starts a sub-table at a header block in the middle of a form", () => {
    const blocks = tableBlocks(form, form.rows.length, vocabulary);
    expect(blocks.map((b) => [b.headerRows, b.start, b.end])).toEqual([
      [[0, 1], 2, 4],
      [[4], 5, 8],
    ]);
  });

  it("reads the sub-table's 合计 row as the income total and its 其中 columns as income items", () => {
    const { statements, lines } = mentionsToFigures(tableToMentions(form, 0, "万元", vocabulary), vocabulary);
    expect(statements.filter((s) => s.key === "income_total").map((s) => s.figure.value)).toEqual(["1300"]);
    expect(lines.map((l) => [l.item, l.amount.value])).toEqual([
      ["上年结转", "50"],
      ["一般公共预算财政拨款收入", "1190"],
      ["其他收入", "60"],
    ]);
  });

  it("never reads a points column (分值, 得分) as an amount or a rate", () => {
    const t = grid([
      ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "100.00", "98.00", "10", "98.00%", "9.80"],
    ]);
    const { statements } = mentionsToFigures(tableToMentions(t, 0, "万元", vocabulary), vocabulary);
    expect(statements.map((s) => [s.key, s.figure.value])).toEqual([
      ["budget_total", "100"],
      ["executed_total", "98"],
      ["execution_rate", "98"],
    ]);
  });
});

describe("key–value staff cells", () => {
  it("reads a label cell's count beside it", () => {
    const s = tableStaff(form, vocabulary);
    expect([s.authorized?.value, s.in_service?.value]).toEqual(["38", "36"]);
  });

  it("reads a row of labels over a row of counts, and no count from other labels", () => {
    const t = grid([
      ["编制人数", "实有人数", "退休人员", "联系电话"],
      ["18", "16", "5", "12345"],
    ]);
    const s = tableStaff(t, vocabulary);
    expect([s.authorized?.value, s.in_service?.value, s.retired?.value, s.contract]).toEqual([
      "18",
      "16",
      "5",
      undefined,
    ]);
  });
});

describe("stated totals with their parts", () => {
  it("sums every column of a 合计 row over flat rows", () => {
    const sums = tableSums(form, tableBlocks(form, form.rows.length, vocabulary), "万元", vocabulary);
    const inc = sums.find((s) => s.field === "财政拨款")!;
    expect([inc.total.value, inc.parts.map((p) => p.figure.value), inc.exhaustive]).toEqual([
      "1190",
      ["900", "280"],
      true,
    ]);
  });

  it("keeps a 0 total row over non-zero 其中 rows as a selection to check", () => {
    const t = grid([
      ["项目资金", "年初预算数", "全年预算数", "全年执行数"],
      ["年度资金总额", "0", "0", "0"],
      ["其中:财政拨款", "120.00", "120.00", "118.50"],
      ["其他资金", "0", "0", "0"],
    ]);
    const sums = tableSums(t, tableBlocks(t, t.rows.length, vocabulary), "万元", vocabulary);
    const budget = sums.find((s) => s.field.endsWith("全年预算数"))!;
    expect([budget.total.value, budget.parts.map((p) => p.figure.value), budget.exhaustive]).toEqual([
      "0",
      ["120", "0"],
      false,
    ]);
  });

  it("reads a prose total followed by 其中 and its parts, up to a sibling total", () => {
    const text = "项目资金总额89.97万元，其中：设备购置30万元；人员培训30万元；信息系统29.99万元。";
    const lt = LocatedText.fromBox(text, 1, { x0: 0, y0: 0, x1: 600, y1: 10 });
    const namesTotal = (lead: string) => classifyLead(lead, "amount", vocabulary)?.kind === "headline";
    const [sum] = proseSums(lt.text, scanMentions(lt, 0, vocabulary), vocabulary, namesTotal);
    expect([sum?.total.value, sum?.parts.map((p) => p.figure.value)]).toEqual([
      "89.97",
      ["30", "30", "29.99"],
    ]);
    const t2 =
      "基本支出1387.42万元，其中工资福利支出1146.32万元、商品和服务支出162.48万元；项目支出2537.16万元。";
    const lt2 = LocatedText.fromBox(t2, 1, { x0: 0, y0: 0, x1: 600, y1: 10 });
    const [s2] = proseSums(lt2.text, scanMentions(lt2, 0, vocabulary), vocabulary, namesTotal);
    expect(s2?.parts.map((p) => p.figure.value)).toEqual(["1146.32", "162.48"]);
  });
});

describe("parts named in prose", () => {
  const figures = (s: string) =>
    mentionsToFigures(
      scanMentions(LocatedText.fromBox(s, 1, { x0: 0, y0: 0, x1: 600, y1: 10 }), 0, vocabulary),
      vocabulary,
    );

  it("does not take a part named after its whole as a statement of the whole", () => {
    const { statements } = figures("项目支出2136.30万元。项目支出包括城乡规划编制经费36.3万元。");
    expect(statements.filter((s) => s.key === "project_total").map((s) => s.figure.value)).toEqual([
      "2136.3",
    ]);
  });

  it("places the items of 基本支出中… under basic expenditure, and skips 三公 figures", () => {
    const { statements, lines } = figures(
      "按经济分类，基本支出中工资福利支出612.40万元、商品和服务支出84.19万元。“三公”经费支出决算为6.84万元，完成预算的76.00%。",
    );
    expect(lines.map((l) => [l.section, l.item])).toEqual([
      ["basic_expenditure", "工资和福利支出"],
      ["basic_expenditure", "商品和服务支出"],
    ]);
    expect(statements).toEqual([]);
  });
});
