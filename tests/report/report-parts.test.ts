/** The report's building blocks: escaping, terminal widths, crop geometry, gray PNGs, chart scales. */
import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { displayWidth, padDisplay } from "../../src/compare/display-width.js";
import { asPrinted } from "../../src/report/amounts.js";
import { niceScale } from "../../src/report/chart-kit.js";
import { cropRect, DEFAULT_CROP } from "../../src/report/evidence-crops.js";
import { fieldLabel } from "../../src/report/field-labels.js";
import { encodeGrayPng } from "../../src/report/gray-png.js";
import { html, trusted } from "../../src/report/html.js";
import { ruleName } from "../../src/report/rule-names.js";

describe("report parts", () => {
  it("names every field of the checks in Chinese", () => {
    expect(fieldLabel("project_expenditure")).toBe("项目支出经济分类");
    expect(fieldLabel("income:事业收入")).toBe("收入来源·事业收入");
    expect(fieldLabel("task:2")).toBe("任务2");
    expect(fieldLabel("indicator:满意度:target")).toBe("指标“满意度”目标值");
    expect(fieldLabel("budget_total#2")).toBe("全年预算数（第2处列示）");
    expect(fieldLabel("staff.in_service")).toBe("实有在编在职人员");
    expect(fieldLabel("stated_sum:合计:金额")).toBe("列示的合计“合计·金额”");
    for (const f of [
      "execution_rate",
      "basic_plus_project",
      "per_capita_spending",
      "prior_year:expenditure_total",
      "yoy_change_pct",
    ])
      expect(fieldLabel(f), f).not.toMatch(/[a-z]/);
  });

  it("writes amounts as printed: 元 beside 万元, precision of the print", () => {
    expect(asPrinted("2764.514667", { unit: "元", decimals: 2 })).toBe("27,645,146.67元（≈2,764.51万元）");
    expect(asPrinted("2764.51", { unit: "元", decimals: 2 })).toBe("27,645,100.00元（2,764.51万元）");
    expect(asPrinted("8602.62", { unit: "万元", decimals: 2 })).toBe("8,602.62万元");
    expect(asPrinted("-0.52", { unit: "万元", decimals: 2 })).toBe("-0.52万元");
    expect(asPrinted("96.205687", { unit: "%", decimals: 2 })).toBe("96.2057%");
    expect(asPrinted("1.2", { unit: "亿元", decimals: 2 })).toBe("0.00012亿元（1.20万元）");
  });

  it("escapes every interpolated value unless it is generated markup", () => {
    const name = `<script>x</script>"'&`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;">&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;</p>',
    );
    expect(html`<p>${[html`<b>${"<i>"}</b>`, trusted("<br>")]}</p>`.value).toBe(
      "<p><b>&lt;i&gt;</b><br></p>",
    );
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
  });

  it("measures CJK as two columns", () => {
    expect(displayWidth("卫生健康局")).toBe(10);
    expect(displayWidth("a（b）")).toBe(6);
    expect(padDisplay("局", 4)).toBe("局  ");
    expect(padDisplay("1.5", 5, "right")).toBe("  1.5");
  });

  it("widens a small box to the line and cuts a tall one", () => {
    const small = cropRect([300, 100, 330, 110], 595, 842, DEFAULT_CROP);
    expect(small.x0).toBeLessThan(40);
    expect(small.x1).toBeGreaterThan(555);
    expect([small.y0, small.y1]).toEqual([88, 122]);
    const tall = cropRect([50, 100, 560, 800], 595, 842, DEFAULT_CROP);
    expect(tall.clipped).toBe(true);
    expect(tall.y1 - tall.y0).toBe(DEFAULT_CROP.maxHeight);
    const edge = cropRect([0, 0, 5, 5], 595, 842, DEFAULT_CROP);
    expect(edge.x0).toBe(0);
    expect(edge.y0).toBe(0);
  });

  it("encodes gray pixels as a PNG that decodes to the same picture", async () => {
    const w = 7;
    const h = 3;
    const gray = new Uint8Array(w * h).fill(255);
    gray[0] = 0;
    gray[w * 2 + 6] = 0;
    gray[w + 3] = 128;
    const img = await loadImage(encodeGrayPng(gray, w, h));
    expect([img.width, img.height]).toEqual([w, h]);
    const { createCanvas } = await import("@napi-rs/canvas");
    const c = createCanvas(w, h);
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, w, h).data;
    const at = (x: number, y: number) => px[(y * w + x) * 4]!;
    expect(at(0, 0)).toBe(0);
    expect(at(6, 2)).toBe(0);
    expect(at(1, 0)).toBe(255);
    expect(Math.abs(at(3, 1) - 128)).toBeLessThan(17);
  });

  it("picks round chart ticks that cover the data", () => {
    const s = niceScale(93.2, 99.21, 5);
    expect(s.min).toBeLessThanOrEqual(93.2);
    expect(s.max).toBeGreaterThanOrEqual(99.21);
    expect(s.ticks[0]).toBe(s.min);
    expect(s.ticks.at(-1)).toBe(s.max);
    expect(niceScale(5, 5).ticks.length).toBeGreaterThan(1);
  });

  it("names every rule of the checks in Chinese", () => {
    for (const id of ["sum_mismatch", "yoy_mismatch", "peer_outlier", "score_vs_execution", "text_repeated"])
      expect(ruleName(id).name).toMatch(/[\u4e00-\u9fff]/);
    expect(ruleName("new_rule").name).toBe("new_rule");
  });
});
