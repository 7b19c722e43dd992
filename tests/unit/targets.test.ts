import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { parseTarget } from "../../src/extract/targets.js";

const words = definitions.vocabulary.labels.targets;

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
    expect(parseTarget(printed, words)).toEqual(want);
    // Without words (a correction typed in review): those of the definitions loaded last.
    expect(parseTarget(printed)).toEqual(want);
  });

  it("takes its comparator words from the definitions: a house style adds one as data", () => {
    expect(parseTarget("力争90%", words)).toEqual({ op: "text" });
    const more = { ...words, atLeast: words.atLeast.replace("^(", "^(力争|") };
    expect(parseTarget("力争90%", more)).toEqual({ op: ">=", value: "90", unit: "%" });
    expect(parseTarget("不多于3次", words)).toEqual({ op: "text" });
    expect(parseTarget("不多于3次", { ...words, atMost: words.atMost.replace("^(", "^(不多于|") })).toEqual({
      op: "<=",
      value: "3",
      unit: "次",
    });
  });
});
