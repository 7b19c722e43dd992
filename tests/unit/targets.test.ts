import { describe, expect, it } from "vitest";
import { parseTarget } from "../../src/extract/targets.js";

describe("indicator targets as printed", () => {
  it.each([
    ["23,618 份", { op: "=", value: "23618", unit: "份" }],
    ["70 个以上", { op: ">=", value: "70", unit: "个" }],
    ["≤6000 万元", { op: "<=", value: "6000", unit: "万元" }],
    ["≥ 95%", { op: ">=", value: "95", unit: "%" }],
    ["=100%", { op: "=", value: "100", unit: "%" }],
    ["＝100%", { op: "=", value: "100", unit: "%" }],
    ["不低于90%", { op: ">=", value: "90", unit: "%" }],
    ["有效提升", { op: "text" }],
  ])("%s", (printed, want) => {
    expect(parseTarget(printed)).toEqual(want);
  });
});
