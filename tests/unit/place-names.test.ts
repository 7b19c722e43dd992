import { describe, expect, it } from "vitest";
import { correctPlaceNames } from "../../src/extract/place-names.js";

describe("correctPlaceNames", () => {
  it("corrects a county one character off under the city the name gives", () => {
    expect(correctPlaceNames("杭州市萧出区教育局")).toEqual({
      value: "杭州市萧山区教育局",
      change: "萧出区 → 萧山区",
    });
    expect(correctPlaceNames("四川省广元市青州县财政局")?.value).toBe("四川省广元市青川县财政局");
  });

  it("knows the districts of the municipalities", () => {
    expect(correctPlaceNames("北京市朝阴区教育委员会")?.value).toBe("北京市朝阳区教育委员会");
    expect(correctPlaceNames("上海市浦东新区财政局")).toBeUndefined();
  });

  it("leaves correct names alone", () => {
    for (const n of ["杭州市萧山区教育局", "四川省青川县财政局", "重庆市渝中区财政局", "广元市青川县教育局"])
      expect(correctPlaceNames(n)).toBeUndefined();
  });

  it("does not guess when two divisions are one character off", () => {
    // 青川县 and 青神县 are both Sichuan counties.
    expect(correctPlaceNames("四川省青州县财政局")).toBeUndefined();
  });

  it("never corrects a top-level name or a place it does not know", () => {
    // 泊州市 is one character from 温州市 and others, but a city the gazetteer lacks is left as printed.
    expect(correctPlaceNames("泊州市东岚区卫生健康局")).toBeUndefined();
    expect(correctPlaceNames("某某县财政局")).toBeUndefined();
  });

  it("never changes the division ending", () => {
    expect(correctPlaceNames("上海市浦东新匹财政局")).toBeUndefined();
  });
});
