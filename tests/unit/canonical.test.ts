import { describe, expect, it } from "vitest";
import type { Statement } from "../../schemas/report.js";
import { canonicalHeadline } from "../../src/extract/canonical.js";
import { fig } from "../helpers/report-builder.js";

const st = (value: string, ulp: string, context: "prose" | "table" = "prose"): Statement => ({
  key: "budget_total",
  figure: { ...fig(value), ulp },
  context,
  label: "全年预算",
});

describe("canonical headline figure", () => {
  it("takes the more precise of two statements that say the same (1.26亿元, then 12,634.52万元)", () => {
    expect(canonicalHeadline([st("12600", "100"), st("12634.52", "0.01")], []).budget_total?.value).toBe(
      "12634.52",
    );
  });

  it("keeps the first when the finer one disagrees beyond the coarse one's rounding", () => {
    expect(canonicalHeadline([st("12600", "100"), st("12734.52", "0.01")], []).budget_total?.value).toBe(
      "12600",
    );
  });

  it("prefers a table over running text", () => {
    expect(canonicalHeadline([st("100.5", "0.1"), st("100.7", "0.1", "table")], []).budget_total?.value).toBe(
      "100.7",
    );
  });
});
