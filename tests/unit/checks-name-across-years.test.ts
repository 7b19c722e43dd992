/**
 * name_across_years with built records: a department name one character off in one year, where at
 * least two other years agree, is flagged naming both readings, files and pages; an OCR reading is
 * corrected (proposed as a correction by `selfeval check`), a text layer's only flagged; nothing
 * with one other year only, when the other years disagree, for another department of the same
 * year, or where an auditor ruled; a one-character rename is flagged, never corrected.
 */
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Correction } from "../../schemas/correction.js";
import type { Report } from "../../schemas/report.js";
import { CHECK_AUTHOR } from "../../src/checks/rule.js";
import { nameCases, oneEditApart } from "../../src/checks/rules/name-across-years.js";
import { checkReports, proposedCorrections } from "../../src/checks/run-checks.js";
import { applyCorrections } from "../../src/review/apply-corrections.js";
import { reviewItems } from "../../src/review/review-list.js";
import { report, state, withIdentity } from "../helpers/report-builder.js";

const RIGHT = "云岭市白沙县卫生健康局";
const MISREAD = "云岭市日沙县卫生健康局";

let n = 0;
/** One year's report; `conf` set: read by OCR with that confidence. */
function year(name: string, y: number, conf?: number, total = `${100 + n}.00`): Report {
  n++;
  const r = withIdentity(report((n * 7919).toString(16).padStart(8, "a")), name, y);
  r.source_file = `dept-${y}-${n}.pdf`;
  r.department!.prov.page = 1 + (n % 2);
  if (conf !== undefined) {
    r.department!.prov.conf = conf;
    r.ocr_pages = 1;
  }
  state(r, "expenditure_total", total);
  state(r, "budget_total", `${200 + n}.00`);
  return r;
}

const ctx = { corrections: [] as Correction[] };
const names = (rs: Report[]) =>
  checkReports(rs, { rules }).findings.filter((f) => f.rule === "name_across_years");

describe("one edit apart", () => {
  it("is one substitution, insertion or deletion, never equality", () => {
    expect(oneEditApart(RIGHT, MISREAD)).toBe(true);
    expect(oneEditApart("白沙县卫生局", "白沙县卫生健局")).toBe(true);
    expect(oneEditApart("白沙县卫生健局", "白沙县卫生局")).toBe(true);
    expect(oneEditApart(RIGHT, RIGHT)).toBe(false);
    expect(oneEditApart("白沙县卫生局", "黑山县卫生局")).toBe(false);
    expect(oneEditApart("白沙县卫生局", "白沙县卫生健康局")).toBe(false);
  });
});

describe("name_across_years", () => {
  it("flags an OCR reading of the middle year with both readings, files and pages, and proposes the agreed name", () => {
    const rs = [year(RIGHT, 2021), year(MISREAD, 2022, 96), year(RIGHT, 2023)];
    const f = names(rs);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      report_id: rs[1]!.report_id,
      source_file: rs[1]!.source_file,
      field: "department",
      severity: "info",
      scope: "department_years",
      page: rs[1]!.department!.prov.page,
    });
    for (const s of [MISREAD, RIGHT, rs[0]!.source_file, rs[1]!.source_file, rs[2]!.source_file])
      expect(f[0]!.message).toContain(s);
    expect(f[0]!.message).toContain(`第${rs[1]!.department!.prov.page}页`);
    expect(f[0]!.evidence.map((e) => e.report_id).sort()).toEqual(rs.map((r) => r.report_id).sort());
    const p = proposedCorrections(rs, { rules }, "2026-01-01T00:00:00.000Z");
    expect(p).toEqual([
      expect.objectContaining({
        report_id: rs[1]!.report_id,
        field: "department",
        value: RIGHT,
        original: MISREAD,
        page: rs[1]!.department!.prov.page,
        author: CHECK_AUTHOR,
        source: "check:name_across_years",
      }),
    ]);
    expect(p[0]!.reason).toContain(rs[0]!.source_file);
  });

  it("corrected: an info finding that says so, the value carrying the reading, and the review list keeps it", () => {
    const rs = [year(RIGHT, 2021), year(MISREAD, 2022, 96), year(RIGHT, 2023)];
    const recorded = proposedCorrections(rs, { rules }).map((c, i) => ({ ...c, id: i + 1 }));
    const loaded = rs.map((r) => applyCorrections(r, recorded).report);
    expect(loaded[1]!.department).toMatchObject({
      value: RIGHT,
      correction: { original: MISREAD, author: CHECK_AUTHOR },
    });
    const run = checkReports(loaded, { rules, corrections: recorded });
    const f = run.findings.filter((x) => x.rule === "name_across_years");
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain("已由 selfeval check");
    expect(f[0]!.message).toContain("--revert");
    // The three years are one department now: the cross-year rules see the corrected year.
    expect(run.keys.key(loaded[1]!.department!.value)).toBe(run.keys.key(RIGHT));
    // Nothing is proposed twice.
    expect(proposedCorrections(loaded, { rules, corrections: recorded })).toEqual([]);
    const items = reviewItems({ reports: loaded, findings: run.findings });
    const item = items.find((i) => i.report_id === rs[1]!.report_id && i.field === "department");
    expect(item).toMatchObject({ reading: RIGHT, corrected: { original: MISREAD } });
    expect(item!.reasons.map((r) => r.code)).toContain("name_across_years");
  });

  it("corrects an uncertain OCR reading of the first or last year, only flags a confident one", () => {
    const low = [year(RIGHT, 2021), year(RIGHT, 2022), year(MISREAD, 2023, 60)];
    expect(
      nameCases(
        low.map((r) => applyCorrections(r, []).report),
        ctx,
      ).map((c) => c.verdict),
    ).toEqual(["correct"]);
    const sure = [year(RIGHT, 2021), year(RIGHT, 2022), year(MISREAD, 2023, 97)];
    expect(nameCases(sure, ctx).map((c) => c.verdict)).toEqual(["flag_ocr"]);
    expect(proposedCorrections(sure, { rules })).toEqual([]);
    expect(names(sure).map((f) => [f.severity, f.message.includes("未自动更正")])).toEqual([["info", true]]);
  });

  it("only flags a text layer's name (info), and proposes nothing", () => {
    const rs = [year(RIGHT, 2021), year(MISREAD, 2022), year(RIGHT, 2023)];
    const f = names(rs);
    expect(f.map((x) => x.severity)).toEqual(["info"]);
    expect(f[0]!.message).toContain("未作更正");
    expect(proposedCorrections(rs, { rules })).toEqual([]);
  });

  it("says nothing with one other year only, or when the other years disagree", () => {
    expect(names([year(RIGHT, 2021), year(MISREAD, 2022, 90)])).toEqual([]);
    // Each of the other names one character off has a single year: no reading the others agree on.
    expect(names([year(RIGHT, 2021), year(MISREAD, 2022, 90), year("云岭市目沙县卫生健康局", 2023)])).toEqual(
      [],
    );
    // Two names close to the odd one, each with two years: which one is meant is not known.
    const torn = [
      year(RIGHT, 2019),
      year(RIGHT, 2020),
      year(MISREAD, 2021, 90),
      year("云岭市目沙县卫生健康局", 2022),
      year("云岭市目沙县卫生健康局", 2023),
    ];
    expect(names(torn)).toEqual([]);
    expect(proposedCorrections(torn, { rules })).toEqual([]);
  });

  it("takes a one-character rename of the body's kind for a rename: flagged, not corrected", () => {
    const rs = [
      year("云岭市白沙县卫生健康局", 2020),
      year("云岭市白沙县卫生健康委", 2021, 95),
      year(RIGHT, 2022),
    ];
    expect(nameCases(rs, ctx).map((c) => [c.verdict, c.why])).toEqual([
      ["flag_ocr", expect.stringContaining("更名")],
    ]);
    expect(proposedCorrections(rs, { rules })).toEqual([]);
    // Names of different bodies differ in more than one character: not a case at all.
    expect(names([year(RIGHT, 2021), year("云岭市白沙县民政局", 2022, 90), year(RIGHT, 2023)])).toEqual([]);
  });

  it("leaves another department of the same year alone, but corrects a misread copy of the same report", () => {
    const finance = "云岭市白沙县财政局";
    const other = [
      year(finance, 2021),
      year(finance, 2022),
      year("云岭市白沙县民政局", 2022, 90),
      year(finance, 2023),
    ];
    expect(names(other)).toEqual([]);
    const text = year(RIGHT, 2022, undefined, "345.00");
    const scan = year(MISREAD, 2022, 92, "345.00");
    scan.statements.find((s) => s.key === "budget_total")!.figure.value = text.headline.budget_total!.value;
    const copy = [year(RIGHT, 2021), text, scan, year(RIGHT, 2023)];
    expect(proposedCorrections(copy, { rules }).map((c) => c.report_id)).toEqual([scan.report_id]);
  });

  it("leaves a field an auditor corrected or withdrew to the auditor", () => {
    const rs = [year(RIGHT, 2021), year(MISREAD, 2022, 96), year(RIGHT, 2023)];
    const [c] = proposedCorrections(rs, { rules }, "2026-01-01T00:00:00.000Z");
    const withdrawn: Correction[] = [
      { ...c!, id: 1 },
      {
        report_id: rs[1]!.report_id,
        field: "department",
        value: null,
        reason: "原件即如此",
        author: "审计员",
        created_at: "2026-01-02T00:00:00.000Z",
        source: "cli",
      },
    ];
    const loaded = rs.map((r) => applyCorrections(r, withdrawn).report);
    expect(loaded[1]!.department!.value).toBe(MISREAD);
    expect(
      checkReports(loaded, { rules, corrections: withdrawn }).findings.filter(
        (f) => f.rule === "name_across_years",
      ),
    ).toEqual([]);
    expect(proposedCorrections(loaded, { rules, corrections: withdrawn })).toEqual([]);
  });
});
