/** Field paths, corrections applied over a reading, and the order of the review list. */
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Correction } from "../../schemas/correction.js";
import { Report } from "../../schemas/report.js";
import { runChecks } from "../../src/checks/run-checks.js";
import { applyCorrections, inForce } from "../../src/review/apply-corrections.js";
import { parseCorrectionValue } from "../../src/review/correction-value.js";
import { fieldTargets, resolveField } from "../../src/review/field-path.js";
import { reviewItems } from "../../src/review/review-list.js";
import { line, report, state, withIdentity } from "../helpers/report-builder.js";

function sample(): Report {
  const r = withIdentity(report("c1"), "云岭市青川区水务局", 2023);
  state(r, "budget_total", "1000.00");
  state(r, "executed_total", "950.00");
  state(r, "execution_rate", "95.00", "%");
  state(r, "project_total", "600.00");
  state(r, "project_total", "660.00"); // printed twice, differently
  line(r, "project_expenditure", "商品和服务支出", "400.00");
  line(r, "project_expenditure", "资本性支出", "200.00");
  r.staff.in_service = {
    value: "55",
    ulp: "1",
    unit: "人",
    prov: { page: 1, bbox: [1, 2, 3, 4], text: "55" },
  };
  return r;
}

let n = 0;
const correction = (
  r: Report,
  field: string,
  value: string | null,
  extra: Partial<Correction> = {},
): Correction => ({
  id: ++n,
  report_id: r.report_id,
  field,
  value,
  reason: "对照原件",
  author: "auditor",
  created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  source: "cli",
  ...extra,
});

describe("field paths", () => {
  it("names every value, numbering a figure printed twice", () => {
    const paths = fieldTargets(sample()).map((t) => t.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "department",
        "fiscal_year",
        "budget_total",
        "project_total",
        "project_total#1",
        "project_total#2",
        "staff.in_service",
        "project_expenditure:商品和服务支出",
      ]),
    );
    expect(resolveField(sample(), "project_expenditure：商品和服务支出")?.value.value).toBe("400.00");
  });

  it("parses typed values in the field's own unit", () => {
    expect(parseCorrectionValue("amount", "86,026,200元")).toEqual({ value: "8602.62", ulp: "0.0001" });
    expect(parseCorrectionValue("amount", "８６０２.６２")).toEqual({ value: "8602.62", ulp: "0.01" });
    expect(parseCorrectionValue("percent", "99.21%")).toEqual({ value: "99.21", ulp: "0.01" });
    expect(parseCorrectionValue("number", "92.3分", "分")).toEqual({ value: "92.3", ulp: "0.1" });
    expect(parseCorrectionValue("year", "2023年度")).toEqual({ value: "2023", ulp: "1" });
    expect(parseCorrectionValue("amount", "about 5")).toHaveProperty("error");
  });
});

describe("corrections over a reading", () => {
  it("replaces the value, keeps page and box and the value read, and edits nothing in place", () => {
    const r = sample();
    const before = JSON.stringify(r);
    const out = applyCorrections(r, [correction(r, "budget_total", "1100.00")]);
    expect(JSON.stringify(r)).toBe(before);
    const f = out.report.headline.budget_total!;
    expect(f).toMatchObject({
      value: "1100.00",
      ulp: "0.01",
      correction: { original: "1000.00", author: "auditor" },
    });
    expect(f.prov).toEqual(r.headline.budget_total!.prov);
    // the statement it came from shows the corrected value too
    expect(out.report.statements.find((s) => s.key === "budget_total")!.figure.value).toBe("1100.00");
    expect(Report.safeParse(out.report).success).toBe(true);
  });

  it("a corrected statement re-runs the checks to other findings", () => {
    const r = sample();
    const fields = (x: Report) => runChecks([x], { rules }).map((f) => `${f.rule}:${f.field}`);
    expect(fields(r)).toContain("restated_mismatch:project_total");
    const fixed = applyCorrections(r, [correction(r, "project_total#2", "600.00")]).report;
    expect(fields(fixed)).not.toContain("restated_mismatch:project_total");
  });

  it("the latest correction of a field is in force; a withdrawal restores the reading", () => {
    const r = sample();
    const a = correction(r, "staff.in_service", "56");
    const b = correction(r, "staff.in_service", "57");
    expect(applyCorrections(r, [b, a]).report.staff.in_service!.value).toBe("57");
    const w = correction(r, "staff.in_service", null);
    expect(inForce([a, b, w])).toEqual([]);
    expect(applyCorrections(r, [a, b, w]).report.staff.in_service!.value).toBe("55");
  });

  it("finds a numbered statement again when a new reading numbers it otherwise, and keeps what it cannot apply", () => {
    const r = sample();
    const c = correction(r, "project_total#2", "600.00", { page: 4, original: "660.00" });
    // A new version reads one more statement first: the one the auditor saw is now #3.
    const again: Report = structuredClone(r);
    again.statements.find((s) => s.key === "project_total" && s.figure.value === "660.00")!.figure.prov.page =
      4;
    again.statements.unshift({
      ...again.statements[3]!,
      figure: { ...again.statements[3]!.figure, value: "600.00" },
    });
    const out = applyCorrections(again, [c]);
    expect(out.applied).toMatchObject([{ path: "project_total#3", read: "660.00", value: "600.00" }]);
    const gone = applyCorrections(r, [correction(r, "project:不存在的项目:budget", "1")]);
    expect(gone.unapplied).toHaveLength(1);
    expect(gone.unapplied[0]!.why).toMatch(/no value/);
  });
});

describe("review list", () => {
  it("lists the most doubtful values first", () => {
    const r = sample();
    // OCR read this report; one value with low confidence, one with good confidence.
    r.staff.in_service!.prov.conf = 78;
    r.headline.execution_rate!.prov.conf = 92;
    const findings = runChecks([r], { rules });
    const items = reviewItems({ reports: [r], findings });
    const order = items.map((i) => i.field);
    // the figure a restated_mismatch error rests on first, then the operands of the sum, then low OCR confidence
    expect(order[0]).toMatch(/^project_total/);
    expect(order).toContain("staff.in_service");
    expect(order).not.toContain("execution_rate"); // 92 % is no doubt, and no finding rests on it
    const staff = items.find((i) => i.field === "staff.in_service")!;
    expect(staff).toMatchObject({ page: 1, conf: 78, correctable: true, reading: "55" });
    expect(staff.reasons.map((x) => x.code)).toEqual(["low_ocr_confidence"]);
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]!.priority).toBeGreaterThanOrEqual(items[i]!.priority);
    // an ocr_uncertain issue naming a field outranks a mere low confidence
    r.issues.push({
      stage: "ocr",
      code: "ocr_uncertain",
      severity: "warning",
      message: "两次识别结果不同",
      page: 1,
      field: "staff.in_service",
    } as Report["issues"][number]);
    const withIssue = reviewItems({ reports: [r], findings });
    const s2 = withIssue.find((i) => i.field === "staff.in_service")!;
    expect(s2.priority).toBeGreaterThan(staff.priority);
    // once corrected (or confirmed) the value leaves the list
    const corrected = applyCorrections(r, [correction(r, "staff.in_service", "55")]).report;
    expect(reviewItems({ reports: [corrected], findings }).map((i) => i.field)).not.toContain(
      "staff.in_service",
    );
  });

  it("puts a correction that no longer applies at the top", () => {
    const r = sample();
    const c = correction(r, "project:不存在的项目:budget", "1", { original: "2", page: 3 });
    const { unapplied } = applyCorrections(r, [c]);
    const items = reviewItems({ reports: [r], findings: runChecks([r], { rules }), unapplied });
    expect(items[0]).toMatchObject({ field: "project:不存在的项目:budget", correctable: false, page: 3 });
    expect(items[0]!.reasons[0]!.code).toBe("correction_unapplied");
  });
});
