import { describe, expect, it } from "vitest";
import { definitions } from "../../pipelines/definitions.js";
import { chineseNumeral, headingOf as headingWith, matchHeadingPrefix } from "../../src/layout/headings.js";

const WORDS = definitions.vocabulary.labels.layout;
const rank = (s: string): number | undefined => matchHeadingPrefix(s, WORDS)?.rank;
const headingOf = (s: string) => headingWith(s, WORDS);

describe("heading numbering styles", () => {
  it.each([
    ["第一部分 部门基本情况", 0],
    ["第三部分绩效自评情况", 0],
    ["一、基本情况", 1],
    ["二 综合评价分析", 1],
    ["十二、附件", 1],
    ["（一）部门概况", 2],
    ["(二) 年度总体工作", 2],
    ["( 三 )部门整体收支情况", 2],
    ["1、部门职能", 3],
    ["2. 强化理论武装", 3],
    ["3．加快向移动端转移", 3],
    ["4 部门职能", 3],
    ["（1）坚持政治引领", 4],
    ["(2) 坚持严防死守", 4],
    ["1) 说明", 5],
    ["①第一项", 6],
  ])("%s → rank %i", (text, want) => {
    expect(rank(text)).toBe(want);
  });

  it.each([
    "一是全面贯彻执行党和政府的路线",
    "一般公共预算财政拨款收入",
    "2022 年度总收入 8,534.9 万元",
    "12 月份完成",
    "2,392.09 万元；事业收入",
    "1.5 万元用于",
    "47.08%，商品和服务支出",
  ])("%s is not a heading prefix", (text) => {
    expect(rank(text)).toBeUndefined();
  });

  it("reads Chinese numerals", () => {
    expect(chineseNumeral("十三")).toBe(13);
    expect(chineseNumeral("二十")).toBe(20);
    expect(chineseNumeral("一百零五")).toBe(105);
    expect(chineseNumeral("7")).toBe(7);
  });

  it("separates headings from numbered prose", () => {
    expect(headingOf("2、人员情况:")).toMatchObject({ rank: 3, title: "人员情况", standalone: true });
    expect(headingOf("(一)机构人员。本单位编制数 136 人,年末实有在职人员 87 人")).toMatchObject({
      rank: 2,
      title: "机构人员",
      standalone: false,
    });
    // a long first clause is a list item, not a heading
    expect(
      headingOf("(1) 一般公用预算资金收入 2,329.09 万元,占本年总收入的 27.29%;(2) 事业收入 6,205.81 万元"),
    ).toBeUndefined();
  });

  it("takes the words of its numbering from the definitions: a house style adds one as data", () => {
    expect(rank("第二节 部门概况")).toBeUndefined();
    expect(
      matchHeadingPrefix("第二节 部门概况", { ...WORDS, headingPart: `${WORDS.headingPart}|节` })?.rank,
    ).toBe(0);
    expect(rank("3 项任务已完成")).toBeUndefined();
    expect(matchHeadingPrefix("3 项任务", { ...WORDS, notHeadingAfterNumber: "[年月]" })?.rank).toBe(3);
  });
});
