/**
 * The HTML report as an auditor sees it, rendered by headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core; no browser is downloaded): screenshot sizes, no text running out of
 * its box, chart labels that do not overlap, every column kept on A4, Chinese labels only, amounts
 * as printed, departments told apart, and links to the source PDF at the page. Without Chromium
 * this test fails (CI installs it in .ci/run), it never skips.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../pipelines/rules.js";
import type { Report } from "../../schemas/report.js";
import { checkDatabase } from "../../src/checks/run-checks.js";
import { runReport } from "../../src/report/run-report.js";
import type { Store } from "../../src/store/store.js";
import { buildSampleDb } from "./sample-db.js";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** A4 portrait less the report's @page margins (10 mm each side): 190 mm at 96 CSS px per inch. */
const A4_LINE_PX = Math.floor((190 / 25.4) * 96);
const SCREEN = { width: 1280, height: 900 };

let dir: string;
let out: string;
let db: Store;
let browser: Browser;
let page: Page;
/** The department name after its region, shared by the sample and the invented twin. */
let shared: string;

const quiet = async (f: () => Promise<number>): Promise<number> => {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await f();
  } finally {
    process.stderr.write = write;
  }
};

/** PNG width and height from its IHDR chunk. */
const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

beforeAll(async () => {
  expect(
    existsSync(CHROMIUM),
    `${CHROMIUM} not found — install Chromium (apt-get install -y chromium) or set CHROMIUM=/path`,
  ).toBe(true);
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-browser-"));
  const dbFile = path.join(dir, "s.db");
  db = await buildSampleDb(dbFile, [
    "qingchuan-health-2022.pdf",
    "qingchuan-health-2023.pdf",
    "qingchuan-culture-2023.pdf",
    "seed-report.pdf",
    "beiyuan-agri-2023-form.pdf",
  ]);
  // A department of another district with the same short name as one stored (two 融媒体中心):
  // invented, so that the report has to tell them apart.
  const seed = (await db.loadReports()).find((r) => r.source_file === "seed-report.pdf")!;
  const region = seed.department!.value.match(/^(.+?[市])(.+?[区县])/)!;
  const twin: Report = structuredClone(seed);
  twin.report_id = "f".repeat(64);
  twin.source_file = "twin-report.pdf";
  twin.source_path = path.join(dir, "twin-report.pdf");
  shared = seed.department!.value.slice(region[0].length);
  twin.department!.value = `${region[1]}另一${region[2]!.slice(-1)}${shared}`;
  await db.saveReport(twin, 1);
  await checkDatabase(db, { rules });
  out = path.join(dir, "out", "report.html");
  expect(await quiet(() => runReport({ db: dbFile, out }))).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const context = await browser.newContext({ viewport: SCREEN, offline: true });
  page = await context.newPage();
  await page.goto(pathToFileURL(out).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Elements whose text runs out of their own box, or out of the page's main column. */
async function overflowing(p: Page): Promise<string[]> {
  return p.evaluate(`(() => {
    const main = document.querySelector("main").getBoundingClientRect();
    const bad = [];
    for (const el of document.querySelectorAll("main *")) {
      if (el.closest("svg")) continue;
      const cs = getComputedStyle(el);
      if (cs.display === "none" || cs.display === "contents") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = el.tagName.toLowerCase() + "." + el.className + " “" + (el.textContent || "").trim().slice(0, 30) + "”";
      if (r.right > main.right + 1 || r.left < main.left - 1) bad.push("outside main: " + name);
      if (cs.display !== "inline" && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        bad.push("text wider than its box (" + el.scrollWidth + " > " + el.clientWidth + "): " + name);
    }
    return bad;
  })()`);
}

/** Chart texts that overlap each other or leave their chart. */
async function chartCollisions(p: Page): Promise<string[]> {
  return p.evaluate(`(() => {
    const bad = [];
    for (const svg of document.querySelectorAll("svg.chart")) {
      const vb = svg.viewBox.baseVal;
      const name = svg.getAttribute("aria-label");
      const boxes = Array.from(svg.querySelectorAll("text")).map((t) => ({
        b: t.getBBox(),
        text: t.textContent || "",
        rotated: t.hasAttribute("transform"),
      }));
      for (const { b, text, rotated } of boxes) {
        if (rotated) continue;
        if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5)
          bad.push(name + ": “" + text + "” leaves the chart");
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].b;
          const c = boxes[j].b;
          // Font boxes include the line gap: overlaps under 1.5 px between lines are not ink.
          const ox = Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x);
          const oy = Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y);
          if (ox > 0.5 && oy > 1.5) bad.push(name + ": “" + boxes[i].text + "” overlaps “" + boxes[j].text + "”");
        }
    }
    return bad;
  })()`);
}

describe("HTML report in Chromium", () => {
  it("renders at 1280 px wide without horizontal overflow; the screenshot has the page's size", async () => {
    const [w, h] = await page.evaluate<[number, number]>(
      "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]",
    );
    expect(w).toBe(SCREEN.width);
    expect(h).toBeGreaterThan(2000);
    const png = await page.screenshot({ fullPage: true });
    expect(pngSize(png)).toEqual([SCREEN.width, h]);
    expect(await overflowing(page)).toEqual([]);
  });

  it("draws chart labels without overlaps and inside their charts", async () => {
    expect(await page.locator("svg.chart").count()).toBe(3);
    expect(await chartCollisions(page)).toEqual([]);
  });

  it("tells apart two departments that share a short name, by their full names", async () => {
    for (const svg of ["各部门预算执行率", "各部门历年支出"]) {
      const labels = await page
        .locator(`svg[aria-label="${svg}"] text.label, svg[aria-label="${svg}"] text.legend`)
        .allTextContents();
      const named = labels.filter((l) => l.includes(shared));
      expect(named, svg).toHaveLength(2);
      expect(new Set(named).size, `${svg}: ${named.join(" / ")}`).toBe(2);
      expect(named.every((l) => l.length > shared.length)).toBe(true);
    }
    const all = await page.locator('svg[aria-label="各部门预算执行率"] text.label').allTextContents();
    expect(new Set(all).size).toBe(all.length);
  });

  it("shows Chinese labels for fields and rules, no internal keys", async () => {
    // The rule codes are listed once, as the codes of discrepancies.csv; report ids are ids; the
    // review section's `selfeval correct` lines (and stale corrections) give the field path to type.
    const text = await page.evaluate<string>(`(() => {
      const main = document.querySelector("main").cloneNode(true);
      for (const el of main.querySelectorAll("table.rules td:last-child, table.compare code, #review code.command, #review code.field")) el.remove();
      document.body.appendChild(main);
      const t = main.innerText;
      main.remove();
      return t;
    })()`);
    expect(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []).toEqual([]);
    expect(text).not.toMatch(/\b(task|indicator|project|income):/);
    const fields = await page.locator("article.finding .field").allTextContents();
    expect(fields.length).toBeGreaterThan(3);
    for (const f of fields) expect(f).toMatch(/[\u4e00-\u9fff]/);
  });

  it("writes amounts of a report printed in 元 as printed, beside 万元", async () => {
    const yuan = (await db.loadReports()).filter((r) => r.headline.budget_total?.unit === "元");
    expect(yuan.length, "a sample printed in 元").toBeGreaterThan(0);
    let numbersSeen = 0;
    for (const r of yuan) {
      const figures = (await page.locator(`ul.figures[data-report="${r.report_id}"]`).textContent()) ?? "";
      expect(figures).toMatch(/\d{1,3}(,\d{3})+\.\d{2}元（≈?\d{1,3}(,\d{3})*\.\d{2}万元）/);
      const findings = page.locator(`article.finding[data-report="${r.report_id}"] dl.numbers`);
      for (const n of await findings.allTextContents()) {
        numbersSeen++;
        // Never a 元 amount as a 万元 value with 6 decimals (2764.514667万元).
        expect(n).not.toMatch(/\d\.\d{3,}万元/);
        if (/万元/.test(n)) expect(n).toMatch(/\d元（/);
      }
    }
    expect(numbersSeen, "findings with numbers about a 元 report").toBeGreaterThan(0);
  });

  it("links every page reference to the source PDF at that page", async () => {
    const links = await page
      .locator("a.src")
      .evaluateAll((as) => as.map((a) => String((a as unknown as { href: string }).href)));
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) {
      const u = new URL(href);
      expect(u.protocol).toBe("file:");
      expect(u.hash).toMatch(/^#page=\d+$/);
      const file = fileURLToPath(`${u.origin === "null" ? "file://" : u.origin}${u.pathname}`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    }
    // The invented twin has no file: its pages are not links.
    const twinLinks = links.filter((l) => l.includes("twin-report"));
    expect(twinLinks).toEqual([]);
  });

  it("prints on A4 portrait keeping every column of the summary table", async () => {
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: A4_LINE_PX, height: 1100 });
    try {
      const table = await page.evaluate<{ width: number; box: number; columns: number }>(`(() => {
        const t = document.querySelector("table.compare");
        const heads = Array.from(t.querySelectorAll("thead th")).filter((h) => h.offsetWidth > 0);
        return { width: t.scrollWidth, box: t.parentElement.clientWidth, columns: heads.length };
      })()`);
      expect(table.columns).toBe(14);
      expect(table.width).toBeLessThanOrEqual(A4_LINE_PX);
      expect(table.width).toBeLessThanOrEqual(table.box);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(
        A4_LINE_PX,
      );
      expect(await overflowing(page)).toEqual([]);
      const png = await page.screenshot({ fullPage: true });
      expect(pngSize(png)[0]).toBe(A4_LINE_PX);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThan(2);
      for (const [, w, h] of boxes) {
        // A4 portrait: 595 × 842 pt.
        expect(Math.abs(Number(w) - 595.3)).toBeLessThan(2);
        expect(Math.abs(Number(h) - 841.9)).toBeLessThan(2);
      }
    } finally {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize(SCREEN);
    }
  });
});
