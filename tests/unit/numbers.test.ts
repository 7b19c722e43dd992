import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import {
  parseAmount,
  parseChineseInteger,
  parseCount,
  parseDecimal,
  parsePercent,
  signOfChange,
} from "../../src/extract/numbers.js";

const F = definitions.vocabulary.labels.figures;
const COUNT_UNITS = definitions.vocabulary.labels.staff.countUnit;

describe("amounts", () => {
  it.each([
    ["2,392.09 万元", "2392.09", "0.01", "万元"],
    ["8,534.9 万", "8534.9", "0.1", "万元"],
    ["21,132,600.00 元", "2113.26", "0.000001", "元"],
    ["12,345,678.90元", "1234.56789", "0.000001", "元"],
    ["1.2亿元", "12000", "1000", "亿元"],
    ["２，３９２．０９万元", "2392.09", "0.01", "万元"],
    ["3327 万元", "3327", "1", "万元"],
    ["-50.25万元", "-50.25", "0.01", "万元"],
  ])("%s → %s 万元 (ulp %s)", (text, value, ulp, unit) => {
    expect(parseAmount(text)).toEqual({ value, ulp, unit });
  });

  it("uses a column's unit when the cell has none", () => {
    expect(parseAmount("22,054,500.00", "元")).toEqual({ value: "2205.45", ulp: "0.000001", unit: "元" });
    expect(parseAmount("22,054,500.00")).toBeUndefined();
  });

  it("rejects what is not a number", () => {
    for (const t of ["", "万元", "1,23.4", "2,3921", "约100万元", "12.3.4"])
      expect(parseAmount(t, "万元")).toBeUndefined();
  });

  it("converts 元 to 万元 exactly for any amount (seeded)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), (fen) => {
        // fen = amount in 分; print it as 元 with thousands separators and 2 decimals
        const yuan = `${fen / 100n}`.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        const printed = `${yuan}.${String(fen % 100n).padStart(2, "0")}元`;
        const got = parseAmount(printed)!;
        expect(new Big(got.value).times(1_000_000).toFixed(0)).toBe(fen.toString());
        expect(got.ulp).toBe("0.000001");
      }),
      { seed: 20221231, numRuns: 500 },
    );
  });

  it("round-trips full-width digits and separators (seeded)", () => {
    const toFull = (s: string): string =>
      s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 2 }), (n, decimals) => {
        const v = (n / 10 ** decimals).toFixed(decimals);
        const grouped = v.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
        const a = parseAmount(`${grouped}万元`)!;
        const b = parseAmount(`${toFull(grouped)}万元`)!;
        expect(b).toEqual(a);
        expect(new Big(a.value).eq(new Big(v))).toBe(true);
        expect(a.ulp).toBe(decimals === 0 ? "1" : `0.${"0".repeat(decimals - 1)}1`);
      }),
      { seed: 86, numRuns: 300 },
    );
  });
});

describe("percentages, counts and signs", () => {
  it.each([
    ["99.21%", "99.21", "0.01"],
    ["99.21 %", "99.21", "0.01"],
    ["９９．２１％", "99.21", "0.01"],
    ["7.6%", "7.6", "0.1"],
    ["100%", "100", "1"],
    ["百分之九十", "90", "1"],
    ["百分之九十九点五", "99.5", "0.1"],
    ["5‰", "0.5", "0.1"],
  ])("%s", (text, value, ulp) => {
    expect(parsePercent(text)).toEqual({ value, ulp });
  });

  it.each([
    ["79", 79],
    ["13 个", 13],
    ["十三个", 13],
    ["二十", 20],
    ["一百零五名", 105],
    ["１２８人", 128],
  ])("count %s → %i", (text, want) => {
    expect(parseCount(text, COUNT_UNITS)).toBe(want);
  });

  it("takes a count's measure words from the definitions: a house style adds one as data", () => {
    expect(parseCount("12 位", COUNT_UNITS)).toBeUndefined();
    expect(parseCount("12 位", `${COUNT_UNITS}|位`)).toBe(12);
  });

  it("reads Chinese integers up to the ten thousands (seeded)", () => {
    const cn = (n: number): string => {
      const d = "零一二三四五六七八九";
      const units = ["", "十", "百", "千"];
      const s = String(n);
      let out = "";
      let zero = false;
      for (let i = 0; i < s.length; i++) {
        const k = Number(s[i]);
        const u = units[s.length - 1 - i]!;
        if (k === 0) zero = true;
        else {
          if (zero && out) out += "零";
          zero = false;
          out += (k === 1 && u === "十" && i === 0 ? "" : d[k]) + u;
        }
      }
      return out || "零";
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseChineseInteger(cn(n))).toBe(n);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("takes signs from the verbs", () => {
    expect(signOfChange("减少", F)).toBe(-1);
    expect(signOfChange("下降", F)).toBe(-1);
    expect(signOfChange("增加", F)).toBe(1);
    expect(signOfChange("增长", F)).toBe(1);
    expect(signOfChange("同比无增减变化", F)).toBe(0);
    expect(signOfChange("为", F)).toBeUndefined();
  });

  it("parses plain decimals and refuses malformed grouping", () => {
    expect(parseDecimal("8,534.9")).toEqual({ value: "8534.9", ulp: "0.1" });
    expect(parseDecimal("8534,9")).toBeUndefined();
  });
});
