/**
 * The one notion of an uncertain value (src/review/uncertainty.ts): derived from OCR confidence and
 * from ocr_uncertain issues linked to the value by its box (or, for issues stored before they had
 * one, by the path their message names), exported as marks, and carried into the findings resting
 * on such a value (severity at most warning, the message naming the figure and its page).
 */
import { describe, expect, it } from "vitest";
import { rules as RULES } from "../../pipelines/rules.js";
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import { Report as ReportSchema } from "../../schemas/report.js";
import { checkReport } from "../../src/checks/run-checks.js";
import { uncertainNote } from "../../src/checks/uncertain-findings.js";
import { BUDGET_LINES, FIGURES, REPORTS, type ReportRow } from "../../src/export/csv-files.js";
import { applyCorrections } from "../../src/review/apply-corrections.js";
import { issueReason, markUncertain, UNCERTAIN_BELOW, uncertainWhy } from "../../src/review/uncertainty.js";
import type { StoredReport } from "../../src/store/store.js";
import { line, report, state } from "../helpers/report-builder.js";

const cell = <R>(
  file: { columns: ReadonlyArray<{ name: string; get: (r: R) => unknown }> },
  name: string,
  row: R,
) => file.columns.find((c) => c.name === name)!.get(row);

const crossCheckIssue = (
  page: number,
  bbox: [number, number, number, number],
  field?: string,
): ExtractionIssue => ({
  stage: "ocr",
  code: "ocr_uncertain",
  severity: "warning",
  message: `page ${page}: headline.budget_total 1545.08 is uncertain — PP-OCR read “1545.08” (confidence 93), tesseract read “1546.08” (confidence 88) in “全年预算数1546.08万元”: check the scan`,
  page,
  ...(field ? { field } : {}),
  bbox,
});

describe("deriving uncertain values", () => {
  it("a confidence below the threshold marks the value; at the threshold it is sure", () => {
    const r = report("conf");
    const low = state(r, "budget_total", "1545.08");
    const at = state(r, "executed_total", "1500.00");
    low.prov.conf = 71;
    at.prov.conf = UNCERTAIN_BELOW;
    markUncertain(r);
    expect(low.prov.uncertain).toEqual([{ reason: "low_ocr_confidence", why: "low OCR confidence 71" }]);
    expect(at.prov.uncertain).toBeUndefined();
    // a text layer's value (no confidence) is never marked by it
    const text = report("text");
    const t = state(text, "budget_total", "1.00");
    markUncertain(text);
    expect(t.prov.uncertain).toBeUndefined();
  });

  it("an ocr_uncertain issue marks exactly the values printed in its box, not the rest of its page", () => {
    const r = report("box");
    const f = state(r, "budget_total", "1545.08");
    const other = state(r, "executed_total", "1500.00"); // same page, another box
    // the same printed figure stated again (headline and a budget line share the box)
    const l = line(r, "income", "一般公共预算财政拨款收入", "1545.08");
    l.amount.prov = { ...f.prov };
    r.issues.push(crossCheckIssue(f.prov.page, f.prov.bbox, "headline.budget_total"));
    markUncertain(r);
    expect(uncertainWhy(f.prov)).toBe("readings disagree 1545.08/1546.08");
    expect(uncertainWhy(l.amount.prov)).toBe("readings disagree 1545.08/1546.08");
    expect(other.prov.uncertain).toBeUndefined();
    // idempotent: loading twice does not repeat the reason
    markUncertain(r);
    expect(f.prov.uncertain).toHaveLength(1);
  });

  it("an issue stored before issues had a box finds its value by the path its message names", () => {
    const r = report("legacy");
    const f = state(r, "budget_total", "1545.08");
    const other = state(r, "executed_total", "1500.00");
    const { bbox: _b, ...old } = crossCheckIssue(1, [0, 0, 0, 0]);
    r.issues.push(old);
    markUncertain(r);
    expect(uncertainWhy(f.prov)).toBe("readings disagree 1545.08/1546.08");
    expect(other.prov.uncertain).toBeUndefined();
    // a glyph-decoding issue of the older form
    const g = report("legacy-glyphs");
    const gl = line(g, "income", "事业收入", "12.5");
    g.issues.push({
      stage: "glyphs",
      code: "ocr_uncertain",
      severity: "warning",
      message: `budget_lines[0].amount = 12.5 (page 1, printed “12.5”) was decoded from glyphs the OCR readings did not agree on: check it on the page`,
      page: 1,
    });
    markUncertain(g);
    expect(gl.amount.prov.uncertain).toEqual([{ reason: "glyphs_disagree", why: "glyph readings disagree" }]);
    // an issue naming a path on another page marks nothing
    const w = report("wrong-page");
    const wf = state(w, "budget_total", "1545.08");
    const { bbox: _c, ...p2 } = crossCheckIssue(2, [0, 0, 0, 0]);
    w.issues.push(p2);
    markUncertain(w);
    expect(wf.prov.uncertain).toBeUndefined();
  });

  it("other issue codes and issue reasons", () => {
    const r = report("codes");
    const f = state(r, "budget_total", "1545.08");
    r.issues.push({ ...crossCheckIssue(1, f.prov.bbox), code: "low_ocr_confidence" });
    markUncertain(r);
    expect(f.prov.uncertain).toBeUndefined();
    expect(
      issueReason({ stage: "extract", code: "ocr_uncertain", severity: "warning", message: "x" }),
    ).toEqual({
      reason: "ocr_uncertain",
      why: "OCR reading doubtful",
    });
  });

  it("a corrected value is sure; the marks validate with the record schema", () => {
    const r = report("cafe"); // a hex id: the schema wants a SHA-256
    const f = state(r, "budget_total", "1545.08");
    f.prov.conf = 60;
    const marked = applyCorrections(structuredClone(r), []).report;
    expect(uncertainWhy(marked.headline.budget_total!.prov)).toBe("low OCR confidence 60");
    expect(ReportSchema.safeParse(marked).success).toBe(true);
    const corrected = applyCorrections(r, [
      {
        report_id: r.report_id,
        field: "budget_total",
        value: "1546.08",
        reason: "checked on the page",
        author: "t",
        created_at: "2026-01-01T00:00:00Z",
        source: "cli",
      },
    ]).report;
    expect(corrected.headline.budget_total!.value).toBe("1546.08");
    expect(corrected.headline.budget_total!.prov.uncertain).toBeUndefined();
  });
});

describe("the export marks them", () => {
  const row = (r: ReturnType<typeof report>): ReportRow => ({
    stored: {
      report_id: r.report_id,
      source_file: r.source_file,
      source_path: r.source_path,
    } as StoredReport,
    record: markUncertain(r),
    findings: 0,
    paths: [],
    corrections: 0,
  });
  const key = { report_id: "x", department: "", fiscal_year: "" };

  it("reports.csv names the uncertain columns; the line files say 1 and why", () => {
    const r = report("exp");
    state(r, "budget_total", "1545.08").prov.conf = 71;
    state(r, "executed_total", "1500.00").prov.conf = 96;
    r.staff.authorized = { ...state(report("s"), "budget_total", "52", "人"), unit: "人" };
    r.staff.authorized.prov.conf = 52;
    const l = line(r, "income", "事业收入", "12.50", "30.00");
    l.share!.prov.conf = 40;
    const sure = line(r, "income", "其他收入", "3.00");
    const rr = row(r);
    expect(cell(REPORTS, "uncertain_fields", rr)).toBe("budget_total_wan | staff_authorized");
    expect(cell(REPORTS, "uncertain_why", rr)).toBe(
      "budget_total_wan: low OCR confidence 71 | staff_authorized: low OCR confidence 52",
    );
    expect(cell(BUDGET_LINES, "uncertain", { report: key, item: l })).toBe(1);
    expect(cell(BUDGET_LINES, "uncertain_why", { report: key, item: l })).toBe(
      "share_pct: low OCR confidence 40",
    );
    expect(cell(BUDGET_LINES, "uncertain", { report: key, item: sure })).toBe(0);
    expect(cell(BUDGET_LINES, "uncertain_why", { report: key, item: sure })).toBe("");
    const st = r.statements[0]!;
    expect(cell(FIGURES, "uncertain", { report: key, item: st, canonical: true })).toBe(1);
    expect(cell(FIGURES, "uncertain", { report: key, item: r.statements[1]!, canonical: true })).toBe(0);
    // a report with only sure values: empty
    const clean = report("clean");
    state(clean, "budget_total", "10.00");
    expect(cell(REPORTS, "uncertain_fields", row(clean))).toBe("");
  });
});

describe("findings resting on an uncertain value", () => {
  const sumReport = () => {
    const r = report("sum");
    state(r, "project_total", "5668.66");
    const parts = [
      line(r, "project_expenditure", "工资和福利支出", "2668.66"),
      line(r, "project_expenditure", "商品和服务支出", "2568.72"),
      line(r, "project_expenditure", "资本性支出", "430.76"),
    ];
    return { r, parts };
  };

  it("are kept, lowered from error to warning, and name the figure and its page", () => {
    const { r, parts } = sumReport();
    const sure = checkReport(r, RULES).filter((f) => f.rule === "sum_mismatch");
    expect(sure.map((f) => [f.severity, !!f.uncertain])).toEqual([["error", false]]);
    parts[1]!.amount.prov.conf = 62;
    parts[1]!.amount.prov.text = "2,568.72万元";
    const doubtful = checkReport(r, RULES).filter((f) => f.rule === "sum_mismatch");
    expect(doubtful).toHaveLength(1);
    expect(doubtful[0]).toMatchObject({ severity: "warning", uncertain: true, stated: "5668.66" });
    expect(doubtful[0]!.message).toContain("（其中“2,568.72万元”为OCR识别存疑数值，请核对原件第1页）");
    expect(doubtful[0]!.evidence.filter((e) => e.uncertain).map((e) => e.uncertain)).toEqual([
      "low OCR confidence 62",
    ]);
    // the record handed to the check is left as it was
    expect(parts[1]!.amount.prov.uncertain).toBeUndefined();
  });

  it("a finding on sure values only is untouched", () => {
    const { r } = sumReport();
    state(r, "budget_total", "9.00").prov.conf = 30; // uncertain, but not part of the sum
    const f = checkReport(r, RULES).filter((x) => x.rule === "sum_mismatch");
    expect(f[0]).toMatchObject({ severity: "error" });
    expect(f[0]!.uncertain).toBeUndefined();
    expect(f[0]!.message).not.toContain("存疑");
  });

  it("the note names each figure with its page when they are on different pages", () => {
    expect(
      uncertainNote([
        { text: "12.5", page: 2 },
        { text: "7", page: 3 },
        { text: "12.5", page: 2 },
      ]),
    ).toBe("（其中“12.5”（第2页）、“7”（第3页）为OCR识别存疑数值，请核对原件）");
  });
});

describe("readings whose form or context gives them away", () => {
  it("digits joined across a gap; a strict < in a target; text-layer values never", () => {
    const r = report("gap");
    const joined = state(r, "execution_rate", "1096.38", "%");
    joined.prov = { ...joined.prov, text: "10  96.38%", conf: 100 };
    const plain = state(r, "budget_total", "2282.28");
    plain.prov = { ...plain.prov, text: "2282.28万元", conf: 99 };
    r.indicators.push({
      level1: "产出指标",
      level2: "数量指标",
      level3: "标准",
      target: { value: "<1350元", prov: { page: 1, bbox: [1, 1, 2, 2], text: "<1350", conf: 91 } },
      target_op: "text",
      page: 1,
      prov: { page: 1, bbox: [1, 1, 9, 2], text: "标准 <1350" },
    });
    const textLayer = report("gap-text");
    const tj = state(textLayer, "execution_rate", "1096.38", "%");
    tj.prov = { ...tj.prov, text: "10  96.38%" };
    markUncertain(r);
    markUncertain(textLayer);
    expect(uncertainWhy(joined.prov)).toBe("digits joined across a gap");
    expect(plain.prov.uncertain).toBeUndefined();
    expect(uncertainWhy(r.indicators[0]!.target.prov)).toBe("< or > may be a misread ≤ or ≥");
    expect(tj.prov.uncertain).toBeUndefined();
  });

  it("one OCR'd box taken for a score and a rate: both uncertain", () => {
    const r = report("box2");
    const rate = state(r, "execution_rate", "5.62", "%");
    rate.prov.conf = 99;
    r.self_score = { ...rate, unit: "分", prov: { ...rate.prov } };
    const other = state(r, "budget_total", "100.00");
    other.prov.conf = 99;
    markUncertain(r);
    expect(uncertainWhy(rate.prov)).toBe("one printed number read as two fields (%, 分)");
    expect(uncertainWhy(r.self_score.prov)).toBe("one printed number read as two fields (%, 分)");
    expect(other.prov.uncertain).toBeUndefined();
  });

  it("an OCR'd budget line stated again with another amount: the OCR'd statements are uncertain", () => {
    const r = report("twice");
    const a = line(r, "basic_expenditure", "商品和服务支出", "84.06");
    const b = line(r, "basic_expenditure", "商品和服务支出", "568.73");
    const c = line(r, "basic_expenditure", "工资和福利支出", "621.84");
    const d = line(r, "basic_expenditure", "工资和福利支出", "621.84");
    for (const l of [a, b, c, d]) l.amount.prov.conf = 100;
    a.amount.prov.text = "84.06万元";
    b.amount.prov.text = "568.73万元";
    // in a text layer the same disagreement is the report's, not the reading's
    const t = report("twice-text");
    const ta = line(t, "basic_expenditure", "商品和服务支出", "84.06");
    line(t, "basic_expenditure", "商品和服务支出", "568.73");
    markUncertain(r);
    markUncertain(t);
    expect(uncertainWhy(a.amount.prov)).toBe("stated otherwise: 84.06万元 / 568.73万元");
    expect(uncertainWhy(b.amount.prov)).toBe("stated otherwise: 84.06万元 / 568.73万元");
    expect(c.amount.prov.uncertain).toBeUndefined();
    expect(d.amount.prov.uncertain).toBeUndefined();
    expect(ta.amount.prov.uncertain).toBeUndefined();
  });
});
