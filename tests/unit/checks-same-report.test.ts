/**
 * One report in several files: the seed report as LibreOffice and as Chromium printed it (two text
 * PDFs, different bytes), and a scan of it (its reading made from the text one: every page by OCR,
 * one digit misread). Checked together they must give the findings of one report, name the files,
 * keep the text reading as canonical and report where the scan reads differently.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import { Report } from "../../schemas/report.js";
import { DepartmentIdentity } from "../../src/checks/department-identity.js";
import { checkPeers, checkReports, runChecks } from "../../src/checks/run-checks.js";
import { findSameReports, kindClass } from "../../src/checks/same-report.js";
import { ROOT } from "../helpers/golden.js";
import { report, state, withIdentity } from "../helpers/report-builder.js";

const golden = (name: string): Report =>
  Report.parse(JSON.parse(readFileSync(path.join(ROOT, "tests/golden", `record-${name}.json`), "utf8")));

/** The reading a scan of `text` would give: all pages by OCR, `budget_total` misread by one digit. */
function scanOf(text: Report): Report {
  const scan: Report = structuredClone(text);
  scan.report_id = "5ca9".padEnd(64, "5");
  scan.source_file = scan.source_path = "scanned-copy.pdf";
  scan.ocr_pages = scan.pages;
  const conf = (p: { conf?: number }) => {
    p.conf = 88;
  };
  for (const s of scan.statements) conf(s.figure.prov);
  for (const f of Object.values(scan.headline)) if (f) conf(f.prov);
  const budget = scan.headline.budget_total!;
  const misread = budget.value.replace(/2$/, "8"); // last digit 2 read as 8
  expect(misread).not.toBe(budget.value);
  for (const s of scan.statements) if (s.key === "budget_total") s.figure.value = misread;
  scan.headline.budget_total = { ...budget, value: misread, prov: { ...budget.prov, text: misread } };
  scan.issues.push({ stage: "ocr", code: "low_confidence", severity: "warning", message: "scan" });
  return scan;
}

const key = (f: { rule: string; field: string; severity: string }) => `${f.rule}|${f.field}|${f.severity}`;

describe("one report read from several files", () => {
  const text = golden("seed-report");
  const chromium = golden("seed-report-chromium");
  const scan = scanOf(text);

  it("links the files: the text reading is canonical, whatever the order given", () => {
    const keys = new DepartmentIdentity().forNames([text, chromium, scan].map((r) => r.department?.value));
    for (const order of [
      [scan, chromium, text],
      [text, scan, chromium],
    ]) {
      const same = findSameReports(order, keys);
      expect(same.canonical.map((r) => r.report_id)).toHaveLength(1);
      const canonical = same.canonical[0]!;
      // Both text files are equally good readings: the choice is the same on every run.
      expect([text.report_id, chromium.report_id]).toContain(canonical.report_id);
      expect(same.canonicalOf.get(scan.report_id)).toBe(canonical.report_id);
      expect(same.canonicalOf.has(canonical.report_id)).toBe(false);
    }
  });

  it("gives the findings of one report, once, naming the file", () => {
    const alone = runChecks([text], { rules });
    expect(alone.length).toBeGreaterThan(0);
    const run = checkReports([scan, chromium, text], { rules });
    const canonicalId = run.same.canonical[0]!.report_id;
    const notCopies = run.findings.filter((f) => f.rule !== "copy_mismatch");
    expect(notCopies.map(key).sort()).toEqual(alone.map(key).sort());
    for (const f of notCopies) {
      expect(f.report_id).toBe(canonicalId);
      expect(f.source_file).toBe(run.same.canonical[0]!.source_file);
    }
  });

  it("reports where the scan reads differently, as a finding of its own", () => {
    const run = checkReports([scan, text, chromium], { rules });
    const copies = run.findings.filter((f) => f.rule === "copy_mismatch");
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      scope: "copies",
      report_id: scan.report_id,
      source_file: "scanned-copy.pdf",
      field: "budget_total",
      stated: scan.headline.budget_total!.value,
      expected: text.headline.budget_total!.value,
      // one misread digit in a scan: a reading to verify, not a second version of the report
      severity: "info",
    });
    expect(copies[0]!.message).toContain("scanned-copy.pdf");
    expect([text.report_id, chromium.report_id]).toContain(copies[0]!.other_report_id);
  });

  it("a copy that differs in more than a misread digit is a warning", () => {
    const edited: Report = structuredClone(chromium);
    edited.report_id = "ed17".padEnd(64, "e");
    edited.headline.project_total = { ...edited.headline.project_total!, value: "5000.00" };
    const run = checkReports([text, edited], { rules });
    expect(run.findings.filter((f) => f.rule === "copy_mismatch")).toMatchObject([
      { field: "project_total", severity: "warning", report_id: edited.report_id },
    ]);
  });

  it("does not take two projects of one department and year for one report", () => {
    const a = withIdentity(report("p1"), "云岭市青川区水务局", 2023);
    a.report_kind = { value: "项目支出绩效自评表", prov: a.department!.prov };
    state(a, "budget_total", "120.00");
    state(a, "executed_total", "118.00");
    state(a, "execution_rate", "98.33", "%");
    a.self_score = { value: "95", ulp: "1", unit: "分", prov: a.department!.prov };
    const b: Report = structuredClone(a);
    b.report_id = "p2".padEnd(64, "0");
    b.headline.budget_total = { ...a.headline.budget_total!, value: "45.00" };
    b.headline.executed_total = { ...a.headline.executed_total!, value: "44.25" };
    const keys = new DepartmentIdentity().forNames(["云岭市青川区水务局"]);
    expect(findSameReports([a, b], keys).canonical).toHaveLength(2);
    // the same figures under another kind (the department's whole report) are not its copy either
    const whole: Report = structuredClone(a);
    whole.report_id = "w1".padEnd(64, "0");
    whole.report_kind = { value: "部门整体支出绩效自评报告", prov: a.department!.prov };
    expect(kindClass(whole.report_kind.value)).not.toBe(kindClass(a.report_kind.value));
    expect(findSameReports([a, whole], keys).canonical).toHaveLength(2);
    // two projects' forms with the same figures, named as different projects, are two reports
    const p1: Report = structuredClone(a);
    p1.project_name = { value: "河道保洁", prov: a.department!.prov };
    const p2: Report = structuredClone(p1);
    p2.report_id = "p3".padEnd(64, "0");
    p2.project_name = { value: "水库巡查", prov: a.department!.prov };
    expect(findSameReports([p1, p2], keys).canonical).toHaveLength(2);
    const p1scan: Report = structuredClone(p1);
    p1scan.report_id = "p4".padEnd(64, "0");
    expect(findSameReports([p1, p1scan], keys).canonical).toHaveLength(1);
  });
});

describe("peers count a report once", () => {
  /** A department of the invented district with an execution rate. */
  function dept(id: string, name: string, rate: string) {
    const r = withIdentity(report(id), `云岭市青川区${name}`, 2023);
    state(r, "budget_total", "1000.00");
    state(r, "executed_total", String((Number(rate) * 10).toFixed(2)));
    state(r, "execution_rate", rate, "%");
    return r;
  }

  it("a department in two files is not two peers", () => {
    const outlier = dept("a1", "水务局", "50.00");
    const itsScan: Report = structuredClone(outlier);
    itsScan.report_id = "a2".padEnd(64, "0");
    itsScan.source_file = "a2.pdf";
    itsScan.ocr_pages = itsScan.pages;
    const others = [dept("b", "卫生健康局", "96.00"), dept("c", "教育局", "97.00")];
    // Counted per file, the group reaches the 4-peer minimum and the doubled value makes outliers.
    const perFile = checkPeers([outlier, itsScan, ...others], rules);
    expect(perFile.filter((f) => f.rule === "peer_outlier").length).toBeGreaterThan(0);
    // Linked: three departments, below the minimum, no peer finding at all.
    const run = checkReports([outlier, itsScan, ...others], { rules });
    expect(run.same.canonical).toHaveLength(3);
    expect(run.same.canonicalOf.get(itsScan.report_id)).toBe(outlier.report_id);
    expect(run.findings.filter((f) => f.rule === "peer_outlier")).toEqual([]);
    // and a fourth department brings the comparison back, with the outlier counted once
    const four = checkReports([outlier, itsScan, ...others, dept("d", "民政局", "95.00")], { rules });
    const outliers = four.findings.filter((f) => f.rule === "peer_outlier");
    expect(outliers.map((f) => f.report_id)).toEqual([outlier.report_id]);
    expect(outliers[0]!.message).toContain("3个部门");
  });
});
