/**
 * OCR'd values that do not fit the values around them are marked uncertain, never changed
 * (src/review/column-misfit.ts, through markUncertain): an amount with other decimals than its
 * table column, a figure of a total and its parts that is ten times or a tenth of what they need,
 * an equality target missed yet scored in full where a ≥/≤ was likely lost. Text-layer values and
 * values that fit are left alone.
 */
import { describe, expect, it } from "vitest";
// The comparator words parseTarget reads completion values with are data: loading the definitions sets them.
import "../../pipelines/definitions.js";
import type { Figure } from "../../schemas/provenance.js";
import type { Indicator, Report } from "../../schemas/report.js";
import { markUncertain } from "../../src/review/uncertainty.js";
import { fig, line, report } from "../helpers/report-builder.js";

const why = (f: { prov: { uncertain?: Array<{ why: string }> } } | undefined): string[] =>
  (f?.prov.uncertain ?? []).map((u) => u.why);

/** A table column of OCR'd budget lines at one x-range, one per row. */
function column(values: string[], conf: number | null = 98): Report {
  const r = report("col");
  values.forEach((v, i) => {
    const l = line(r, "basic_expenditure", `项目${i}`, v);
    l.context = "table";
    l.amount.prov = { page: 2, bbox: [400 + (i % 2), 100 + i * 20, 450, 110 + i * 20], text: v };
    if (conf !== null) l.amount.prov.conf = conf;
  });
  return r;
}

describe("an amount with other decimals than its column", () => {
  it("is marked when at least three others of the column agree on their decimals", () => {
    const r = markUncertain(column(["120.50", "33.12", "1234", "8.06", "61.00"]));
    expect(why(r.budget_lines[2]!.amount)).toEqual(["printed with 0 decimals where its column prints 2"]);
    expect(r.budget_lines.filter((l) => l.amount.prov.uncertain).length).toBe(1);
  });

  it("is left alone with too few peers, in another column, in a text layer, or when it is zero", () => {
    expect(
      markUncertain(column(["120.50", "1234", "8.06"])).budget_lines.some((l) => l.amount.prov.uncertain),
    ).toBe(false);
    const apart = column(["120.50", "33.12", "1234", "8.06", "61.00"]);
    apart.budget_lines[2]!.amount.prov.bbox = [200, 140, 240, 150];
    expect(why(markUncertain(apart).budget_lines[2]!.amount)).toEqual([]);
    const text = markUncertain(column(["120.50", "33.12", "1234", "8.06", "61.00"], null));
    expect(text.budget_lines.some((l) => l.amount.prov.uncertain)).toBe(false);
    expect(
      why(markUncertain(column(["120.50", "33.12", "0", "8.06", "61.00"])).budget_lines[2]!.amount),
    ).toEqual([]);
  });
});

describe("a figure of a total and its parts ten times or a tenth off", () => {
  const ocr = (v: string): Figure => {
    const f = fig(v);
    f.prov.conf = 97;
    return f;
  };
  const sum = (total: string, parts: string[]) => {
    const r = report("sum");
    r.stated_sums = [
      {
        field: "basic_expenditure",
        label: "合计",
        total: ocr(total),
        parts: parts.map((p, i) => ({ label: `项${i}`, figure: ocr(p) })),
        exhaustive: true,
        context: "table",
      },
    ];
    return markUncertain(r).stated_sums![0]!;
  };

  it("marks the one part that would agree at ten times or a tenth of its value", () => {
    const s = sum("100.00", ["60.00", "35.00", "0.50"]);
    expect(s.parts.map((p) => why(p.figure))).toEqual([
      [],
      [],
      ["ten times or a tenth of what its total and parts need"],
    ]);
    expect(why(s.total)).toEqual([]);
    // A total printed with a digit too many.
    expect(why(sum("1000.00", ["60.00", "35.00", "5.00"]).total)).toEqual([
      "ten times or a tenth of what its total and parts need",
    ]);
  });

  it("marks nothing when the figures agree, or when the difference is no tenfold slip", () => {
    const agree = sum("100.00", ["60.00", "35.00", "5.00"]);
    expect([agree.total, ...agree.parts.map((p) => p.figure)].some((f) => f.prov.uncertain)).toBe(false);
    const off = sum("100.00", ["60.00", "35.00", "7.00"]);
    expect([off.total, ...off.parts.map((p) => p.figure)].some((f) => f.prov.uncertain)).toBe(false);
  });
});

describe("an equality target missed yet scored in full", () => {
  function indicator(
    printed: string,
    target: string,
    actual: string,
    score: string,
    conf: number | null = 99,
  ) {
    const r = report("ind");
    const m = /^([\d.]+)(.*)$/.exec(target)!;
    const ind: Indicator = {
      level1: "产出指标",
      level2: "数量指标",
      level3: "指标",
      target: { value: target, prov: { page: 2, bbox: [260, 400, 280, 410], text: printed } },
      target_op: "=",
      target_value: m[1]!,
      target_unit: m[2]!,
      actual: { value: actual, prov: { page: 2, bbox: [480, 400, 520, 410], text: actual } },
      weight: fig("6", "分", 2),
      score: fig(score, "分", 2),
      page: 2,
      prov: { page: 2, bbox: [100, 400, 200, 410], text: "指标" },
    };
    if (conf !== null) ind.target.prov.conf = conf;
    r.indicators.push(ind);
    return why(markUncertain(r).indicators[0]!.target);
  }
  const LOST = ["no ≥/≤ read, yet the completion value 126.4公里 differs and scored in full"];

  it("marks a target whose comparator lives in a column of its own (the value and unit joined from two cells)", () => {
    expect(indicator("120", "120公里", "126.4公里", "6")).toEqual(LOST);
  });

  it("marks a target in one cell only when the completion value fell short of it", () => {
    expect(indicator("85万元", "85万元", "82.6万元", "6")).toEqual([
      "no ≥/≤ read, yet the completion value 82.6万元 differs and scored in full",
    ]);
    // Exceeding an equality target is common and scored in full: no mark.
    expect(indicator("12公里", "12公里", "12.6公里", "6")).toEqual([]);
  });

  it("leaves a target alone that was met, scored below full, in another unit, or from a text layer", () => {
    expect(indicator("120", "120公里", "120公里", "6")).toEqual([]);
    expect(indicator("120", "120公里", "126.4公里", "5")).toEqual([]);
    expect(indicator("120", "120公里", "126.4米", "6")).toEqual([]);
    expect(indicator("120", "120公里", "126.4公里", "6", null)).toEqual([]);
  });
});
