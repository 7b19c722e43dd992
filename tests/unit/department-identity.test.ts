/** Department identity across years and peer regions, from printed names only. */
import { describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import { mergePlacePrefixes, peerRegionOf, regionOf } from "../../src/checks/department-identity.js";
import { runChecks } from "../../src/checks/run-checks.js";
import { report, state, withIdentity } from "../helpers/report-builder.js";

describe("regions", () => {
  it.each([
    ["杭州市萧山区教育局", "杭州市萧山区", "萧山区"],
    ["苏州市吴江区教育局", "苏州市吴江区", "吴江区"],
    ["望川县市场监督管理局", "望川县", "望川县"],
    ["中共云溪县委宣传部", "云溪县", "云溪县"],
    ["泊州市卫生健康局", "泊州市", "泊州市"],
    ["四川省广元市青川县财政局", "四川省广元市青川县", "青川县"],
  ])("%s → %s, peers in %s", (name, region, peers) => {
    expect(regionOf(name)).toBe(region);
    expect(peerRegionOf(name)).toBe(peers);
  });
});

describe("one department printed with and without its city", () => {
  it("maps the longer forms to the county-level one", () => {
    expect([...mergePlacePrefixes(["桐江市鹤鸣区卫生健康局", "鹤鸣区卫生健康局", "鹤鸣区教育局"])]).toEqual([
      ["桐江市鹤鸣区卫生健康局", "鹤鸣区卫生健康局"],
    ]);
  });

  it("does not merge when two cities claim the same short name", () => {
    expect(mergePlacePrefixes(["甲市城区财政局", "乙市城区财政局", "城区财政局"]).size).toBe(0);
  });

  it("compares the years of such a department", () => {
    const prev = withIdentity(report("a"), "桐江市鹤鸣区卫生健康局", 2022);
    state(prev, "expenditure_total", "1000.00");
    const cur = withIdentity(report("b"), "鹤鸣区卫生健康局", 2023);
    state(cur, "expenditure_total", "1100.00");
    state(cur, "yoy_change", "50.00");
    expect(runChecks([prev, cur], { rules }).filter((f) => f.rule === "yoy_mismatch")).toHaveLength(1);
  });
});
