import { describe, expect, it } from "vitest";
import type { Segment, TextRun } from "../../src/layout/page-model.js";
import { rulingsToGrids, snapAndJoin } from "../../src/layout/rulings-to-grid.js";
import { gridToTable, tableToRows } from "../../src/layout/table-model.js";

const h = (y: number, x0: number, x1: number): Segment => ({ orient: "h", pos: y, from: x0, to: x1 });
const v = (x: number, y0: number, y1: number): Segment => ({ orient: "v", pos: x, from: y0, to: y1 });
const run = (text: string, x: number, y: number): TextRun => ({
  text,
  x0: x,
  x1: x + text.length * 10,
  y0: y - 9,
  y1: y + 1,
  fontSize: 10,
  fontName: "f",
});

describe("lattice tables", () => {
  it("snaps nearly collinear pieces and joins touching ones", () => {
    const joined = snapAndJoin([h(100, 0, 50), h(101.2, 51, 100), v(0, 100, 200), v(0.8, 199, 300)]);
    expect(joined.filter((s) => s.orient === "h")).toHaveLength(1);
    expect(joined.filter((s) => s.orient === "v")).toHaveLength(1);
    expect(joined.find((s) => s.orient === "h")).toMatchObject({ from: 0, to: 100 });
  });

  it("reads a merged first column as a row span", () => {
    // 3 columns × 3 rows; the first column's inner horizontal rulings are missing below row 0.
    const segs = [
      h(0, 0, 300),
      h(20, 0, 300),
      h(40, 100, 300),
      h(60, 0, 300),
      v(0, 0, 60),
      v(100, 0, 60),
      v(200, 0, 60),
      v(300, 0, 60),
    ];
    const stats = { segments: 0, joined: 0, intersections: 0, cells: 0, tables: 0 };
    const grids = rulingsToGrids(segs, stats);
    expect(grids).toHaveLength(1);
    expect(stats).toMatchObject({ segments: 8, joined: 8, cells: 8, tables: 1 });
    const g = grids[0]!;
    expect(g.cells.find((c) => c.row === 1 && c.col === 0)).toMatchObject({ rowSpan: 2, colSpan: 1 });
    const { table, rest } = gridToTable(
      g,
      [
        run("一级", 10, 15),
        run("产出", 10, 45),
        run("数量", 110, 35),
        run("质量", 110, 55),
        run("外", 400, 15),
      ],
      1,
    );
    expect(rest.map((r) => r.text)).toEqual(["外"]);
    expect(tableToRows(table)).toEqual([
      ["一级", "", ""],
      ["产出", "数量", ""],
      ["产出", "质量", ""],
    ]);
    expect(tableToRows(table, { fill: false })[2]).toEqual(["", "质量", ""]);
  });

  it("ignores lone rules and single framed boxes", () => {
    expect(rulingsToGrids([h(10, 0, 500)])).toHaveLength(0);
    expect(rulingsToGrids([h(0, 0, 100), h(50, 0, 100), v(0, 0, 50), v(100, 0, 50)])).toHaveLength(0);
  });
});
