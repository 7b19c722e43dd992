/**
 * `selfeval inspect --json` as a subprocess: the seed report's indicator and task tables, from a
 * LibreOffice PDF (stroked rulings) and a Chromium PDF (rulings as thin filled rectangles).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

interface InspectJson {
  pages: Array<{ number: number; kind: string }>;
  tables: Array<{ pages: number[]; rows: string[][]; row_pages: number[][] }>;
}

const TASK_AMOUNTS = ["2,089.11", "820.66", "2,975.28", "390.5", "470.84"];

describe.each(["seed-report.pdf", "seed-report-chromium.pdf"])("inspect %s", (name) => {
  const run = selfeval(["inspect", "--json", path.join(SAMPLES, name)]);
  const json = JSON.parse(run.stdout || "{}") as InspectJson;

  it("exits 0 with every page a text page", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(json.pages.length).toBeGreaterThan(8);
    expect(json.pages.every((p) => p.kind === "text")).toBe(true);
  });

  it("finds one indicator table with all 11 indicator rows and their 指标值", () => {
    const tables = json.tables.filter((t) => t.rows[0]?.includes("三级指标"));
    expect(tables).toHaveLength(1);
    const body = tables[0]!.rows.slice(1);
    expect(body).toHaveLength(11);
    expect(body[0]).toEqual([
      "绩效指标",
      "产出指标",
      "数量指标",
      "平均每天完成《番禺日报》报纸印刷和投递数量",
      "23,618 份",
    ]);
    expect(body.map((r) => r[4])).toEqual([
      "23,618 份",
      "70 个以上",
      "100%",
      "100%",
      "90%以上",
      "6,000 万元以上",
      "加深活动效果和影响力,有效提升中心宣传传播力度。",
      "190 个以上",
      "5%以上",
      "10 年以上",
      "90%以上",
    ]);
    // merged cells are filled down: 一级 spans 5 + 5 + 1 rows
    expect(body.map((r) => r[1])).toEqual([
      ...Array(5).fill("产出指标"),
      ...Array(5).fill("效益指标"),
      "满意度指标",
    ]);
  });

  it("finds one task table of 5 rows over ≥ 3 pages, no row split in two", () => {
    const tables = json.tables.filter((t) => t.rows[0]?.some((c) => c.startsWith("拟投入")));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.pages.length).toBeGreaterThanOrEqual(3);
    const body = t.rows.slice(1);
    expect(body).toHaveLength(5);
    expect(body.map((r) => r[3])).toEqual(TASK_AMOUNTS);
    expect(body.map((r) => /^任务\s*(\d)/.exec(r[1]!)?.[1])).toEqual(["1", "2", "3", "4", "5"]);
    expect(body.every((r) => r[0] === "年度重点工作任务")).toBe(true);
    // the last task's long cells run on to the next page and are joined back into the row
    expect(t.row_pages[5]!.length).toBeGreaterThanOrEqual(2);
    expect(body[4]![5]).toMatch(/融媒体云平台建设相关已建及在建项目合同款支付流程/);
  });
});

describe("inspect errors", () => {
  it("names the file, says what is wrong and exits non-zero", () => {
    const missing = selfeval(["inspect", "no-such-file.pdf"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such-file\.pdf: file not found/);
    const notPdf = selfeval(["inspect", path.join(ROOT, "package.json")]);
    expect(notPdf.status).toBe(1);
    expect(notPdf.stderr).toMatch(/package\.json: not a PDF/);
  });

  it("reports usage errors with exit status 2", () => {
    expect(selfeval(["inspect"]).status).toBe(2);
    expect(selfeval(["no-such-command"]).status).toBe(2);
  });

  it("prints help", () => {
    const help = selfeval(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/inspect/);
  });
});

describe("pages whose text runs sideways or upside down (turned with /Rotate)", () => {
  const run = selfeval(["inspect", "--json", path.join(ROOT, "tests/fixtures/turned-pages.pdf")]);
  const json = JSON.parse(run.stdout || "{}") as InspectJson;

  it("reads them upright: the indicator table (turned 90°) and the first task rows (turned 180°)", () => {
    expect(run.status, run.stderr).toBe(0);
    const indicators = json.tables.find((t) => t.rows[0]?.includes("三级指标"));
    expect(indicators?.rows.length).toBe(12);
    const tasks = json.tables.find((t) => t.rows.some((r) => r.includes("2,089.11")));
    expect(tasks?.pages).toEqual([2]);
  });
});
