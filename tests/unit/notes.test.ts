/** Footnote marks and notes: explanations of figures, not the report's own statements. */
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { isNote } from "../../src/extract/extract-report.js";
import type { TextRun } from "../../src/layout/page-model.js";
import { textRunsToLines } from "../../src/layout/text-runs-to-lines.js";

const run = (text: string, x0: number, x1: number, baseline: number, fontSize: number): TextRun => ({
  text,
  x0,
  x1,
  y0: baseline - fontSize * 0.88,
  y1: baseline + fontSize * 0.12,
  fontSize,
  fontName: "f",
  baseline,
});

describe("footnote marks", () => {
  it("are left out, so a number keeps its unit on one line", () => {
    const lines = textRunsToLines(
      [
        run("全年实际支出1,390.54", 72, 200, 100, 12),
        run("1", 200.5, 204, 95, 7),
        run("万元，预算执行率为96.82%。", 205, 360, 100, 12),
      ],
      1,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text.text.replace(/\s+/g, "")).toBe("全年实际支出1,390.54万元,预算执行率为96.82%。");
  });

  it("a digit in the body font on the baseline is text", () => {
    const lines = textRunsToLines(
      [run("共", 72, 84, 100, 12), run("1", 84, 90, 100, 12), run("项", 90, 102, 100, 12)],
      1,
    );
    expect(lines.map((l) => l.text.text)).toEqual(["共1项"]);
  });
});

const { vocabulary } = definitions;

describe("notes", () => {
  it("are small print opening with a mark", () => {
    expect(
      isNote({ fontSize: 9, text: { text: "1支出数据来源于2022年度部门决算报表。" } }, 12, vocabulary),
    ).toBe(true);
    expect(isNote({ fontSize: 9, text: { text: "注：年初结转和结余不计入执行率。" } }, 12, vocabulary)).toBe(
      true,
    );
    expect(isNote({ fontSize: 12, text: { text: "1、强化政治建设。" } }, 12, vocabulary)).toBe(false);
    expect(isNote({ fontSize: 9, text: { text: "2022年度收入合计1,390.54万元。" } }, 12, vocabulary)).toBe(
      false,
    );
  });
});
