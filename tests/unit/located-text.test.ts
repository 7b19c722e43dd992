import { describe, expect, it } from "vitest";
import { LocatedText } from "../../src/layout/located-text.js";

describe("LocatedText", () => {
  it("keeps printed text and maps normalised matches back to it", () => {
    const a = LocatedText.fromBox("收入９９．２１％", 3, { x0: 100, y0: 10, x1: 180, y1: 20 });
    expect(a.text).toBe("收入99.21%");
    expect(a.printed).toBe("收入９９．２１％");
    const at = a.text.indexOf("99.21");
    const span = a.locate(at, at + 5);
    expect(span.printed).toBe("９９．２１");
    expect(span.page).toBe(3);
    expect(span.bbox.x0).toBeCloseTo(120, 5);
    expect(span.bbox.x1).toBeCloseTo(170, 5);
  });

  it("joins pieces from several pages and keeps each character's page", () => {
    const a = LocatedText.fromBox("收入预算执行为", 5, { x0: 0, y0: 0, x1: 70, y1: 10 });
    const b = LocatedText.fromBox("2,392.09 万元", 6, { x0: 0, y0: 0, x1: 60, y1: 10 });
    const j = LocatedText.join([a, b]);
    expect(j.text).toBe("收入预算执行为2,392.09 万元");
    expect(j.pageList()).toEqual([5, 6]);
    const at = j.text.indexOf("2,392.09");
    expect(j.locate(at, at + 8)).toMatchObject({ page: 6, printed: "2,392.09" });
  });

  it("keeps the lowest OCR confidence of a span", () => {
    const a = LocatedText.fromBox("12", 1, { x0: 0, y0: 0, x1: 10, y1: 10 }, 91);
    const b = LocatedText.fromBox("34", 1, { x0: 10, y0: 0, x1: 20, y1: 10 }, 42);
    expect(LocatedText.join([a, b]).locate(0, 4).conf).toBe(42);
  });
});
