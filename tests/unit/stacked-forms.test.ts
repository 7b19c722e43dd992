/**
 * Project self-evaluation forms stacked in one file: each form is its own report, read from its
 * own blocks, with an id that keeps the file's SHA-256 for the first form and `#N` for the N-th.
 */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { fileIdOf, formIndexOf, Report } from "../../schemas/report.js";
import { extractReport } from "../../src/extract/extract-report.js";
import type { Block } from "../../src/layout/document-layout.js";
import { grid, layoutOf, paragraph } from "../helpers/grid.js";

const SHA = "ab".repeat(32);
const source = { path: "/in/forms.pdf", fileName: "forms.pdf", size: 1, sha256: SHA };

/** One national-template form on its own page: name, units, funds block, indicators, total. */
function form(
  page: number,
  name: string,
  unit: string,
  f: [string, string, string, string],
  ind: string[][],
  total: string,
): Block[] {
  const rows = [
    ["项目名称", "<", name, "<", "<", "<", "<", "<", "<"],
    ["主管部门", "<", "东川县教育局", "<", "实施单位", unit, "<", "<", "<"],
    ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["^", "年度资金总额", "<", f[0], f[1], f[2], "10", f[3], "9"],
    ["^", "其中：本年财政拨款", "<", f[0], f[1], f[2], "—", "—", "—"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    ...ind.map((r, i) => [i === 0 ? "^" : "^", ...r]),
    ["总分", "<", "<", "<", "<", "<", "100", total, ""],
  ];
  return [
    paragraph("项目支出绩效自评表", page, 16),
    paragraph("（2023年度）", page),
    { kind: "table", table: grid(rows, page), path: [] },
  ];
}

const blocks: Block[] = [
  ...form(
    1,
    "校舍维修改造",
    "东川县第一中学",
    ["100.00", "120.00", "114.00", "95.00%"],
    [
      ["产出指标", "数量指标", "维修校舍面积", "≥3000平方米", "3200平方米", "40", "40", ""],
      ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "93%", "50", "48", ""],
    ],
    "97",
  ),
  ...form(
    2,
    "乡村教师培训",
    "东川县教师发展中心",
    ["50.00", "50.00", "49.00", "98.00%"],
    [
      ["产出指标", "数量指标", "培训教师人次", "≥600人次", "640人次", "45", "45", ""],
      ["效益指标", "社会效益指标", "教师能力提升率", "≥80%", "85%", "45", "44", ""],
    ],
    "98",
  ),
  ...form(
    3,
    "学生资助",
    "东川县学生资助管理中心",
    ["30.00", "32.00", "32.00", "100.00%"],
    [["产出指标", "数量指标", "资助学生人数", "≥500人", "512人", "90", "90", ""]],
    "100",
  ),
];

describe("stacked project forms", () => {
  const out = extractReport({ source, layout: layoutOf(blocks), ocrPages: 0, issues: [] }, definitions);
  const all = [out.report, ...out.forms];

  it("gives one valid report per form, the first keeping the file's id", () => {
    expect(all.map((r) => r.report_id)).toEqual([SHA, `${SHA}#2`, `${SHA}#3`]);
    expect(all.map((r) => [r.form_index, r.form_count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    for (const r of all) expect(Report.safeParse(r).success).toBe(true);
    expect(all.map((r) => fileIdOf(r.report_id))).toEqual([SHA, SHA, SHA]);
    expect(all.map((r) => formIndexOf(r.report_id))).toEqual([1, 2, 3]);
  });

  it("reads each form's own name, units, funds, indicators and score", () => {
    expect(all.map((r) => r.project_name?.value)).toEqual(["校舍维修改造", "乡村教师培训", "学生资助"]);
    expect(all.map((r) => r.implementing_unit?.value)).toEqual([
      "东川县第一中学",
      "东川县教师发展中心",
      "东川县学生资助管理中心",
    ]);
    expect(all.map((r) => r.department?.value)).toEqual(["东川县教育局", "东川县教育局", "东川县教育局"]);
    expect(all.map((r) => r.fiscal_year?.value)).toEqual(["2023", "2023", "2023"]);
    expect(all.map((r) => r.headline.budget_total?.value)).toEqual(["120", "50", "32"]);
    expect(all.map((r) => r.headline.executed_total?.value)).toEqual(["114", "49", "32"]);
    expect(all.map((r) => r.indicators.map((i) => i.level3))).toEqual([
      ["维修校舍面积", "师生满意度"],
      ["培训教师人次", "教师能力提升率"],
      ["资助学生人数"],
    ]);
    expect(all.map((r) => r.self_score?.value)).toEqual(["97", "98", "100"]);
    // Each form's figures are its own: no statement of another form's total is mixed in.
    expect(all.map((r) => r.statements.filter((s) => s.key === "budget_total").length)).toEqual([1, 1, 1]);
    expect(all.every((r) => r.issues.some((i) => i.code === "stacked_forms" && i.severity === "info"))).toBe(
      true,
    );
  });

  it("leaves a file with one form as it was: the file's id, no form index", () => {
    const one = extractReport(
      { source, layout: layoutOf(blocks.slice(0, 3)), ocrPages: 0, issues: [] },
      definitions,
    );
    expect(one.forms).toEqual([]);
    expect(one.report.report_id).toBe(SHA);
    expect(one.report.form_index).toBeUndefined();
    expect(one.report.issues.some((i) => i.code === "stacked_forms")).toBe(false);
  });

  it("sends a page's issue to the form printed on that page", () => {
    const issue = {
      stage: "ocr" as const,
      code: "ocr_failed",
      severity: "warning" as const,
      message: "x",
      page: 2,
    };
    const o = extractReport({ source, layout: layoutOf(blocks), ocrPages: 0, issues: [issue] }, definitions);
    expect([o.report, ...o.forms].map((r) => r.issues.some((i) => i.code === "ocr_failed"))).toEqual([
      false,
      true,
      false,
    ]);
  });
});
