/** The rule registry (pipelines/rules.ts): what it must list, and what listing a rule means. */
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Rule } from "../../src/checks/rule.js";
import { runChecks } from "../../src/checks/run-checks.js";
import { line, report, state } from "../helpers/report-builder.js";

describe("rule registry", () => {
  it("lists every rule the export contract requires, each id once per scope", () => {
    const ids = rules.map((r) => `${r.id}@${r.scope}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "sum_mismatch",
      "share_mismatch",
      "rate_mismatch",
      "restated_mismatch",
      "grade_mismatch",
      "yoy_mismatch",
      "copy_mismatch",
    ])
      expect(rules.map((r) => r.id)).toContain(id);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.explanation).toMatch(/。$/);
    }
  });

  it("runs only the rules listed, each capped at the severity it is listed with", () => {
    const r = report("cap");
    state(r, "project_total", "100.00");
    line(r, "project_expenditure", "工资和福利支出", "60.00");
    line(r, "project_expenditure", "商品和服务支出", "50.00");
    expect(runChecks([r], { rules }).map((f) => `${f.rule}:${f.severity}`)).toEqual(["sum_mismatch:error"]);
    const lowered: Rule[] = rules.map((x) => (x.id === "sum_mismatch" ? { ...x, severity: "info" } : x));
    expect(runChecks([r], { rules: lowered }).map((f) => `${f.rule}:${f.severity}`)).toEqual([
      "sum_mismatch:info",
    ]);
    expect(runChecks([r], { rules: rules.filter((x) => x.id !== "sum_mismatch") })).toEqual([]);
  });
});
