/** The HTML report of a small sample database: structure, self-containment, findings with evidence. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import Big from "big.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareRows } from "../../src/compare/compare-rows.js";
import { roundedCell } from "../../src/compare/format-compare.js";
import { findingPage } from "../../src/report/render-report.js";
import { loadFindings, sectionKey } from "../../src/report/report-data.js";
import { runReport } from "../../src/report/run-report.js";
import { openStore, type Store } from "../../src/store/store.js";
import { elements, tags, textOf, unbalanced } from "./html-structure.js";
import { buildSampleDb } from "./sample-db.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string;
let dbFile: string;
let db: Store;
let html: string;

const quiet = async (f: () => Promise<number>): Promise<number> => {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return await f();
  } finally {
    process.stderr.write = write;
  }
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-report-"));
  dbFile = path.join(dir, "s.db");
  db = await buildSampleDb(dbFile, [
    "qingchuan-health-2022.pdf",
    "qingchuan-health-2023.pdf",
    "qingchuan-culture-2023.pdf",
  ]);
  const out = path.join(dir, "out", "report.html");
  expect(await quiet(() => runReport({ db: dbFile, out }))).toBe(0);
  html = readFileSync(out, "utf8");
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Checks every report must pass, whatever its data. */
function expectWellFormed(page: string): void {
  expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
  expect(unbalanced(page)).toEqual([]);
  for (const t of tags(page)) {
    for (const attr of ["src", "href", "action", "poster", "data"]) {
      const v = t.attrs[attr];
      if (v === undefined || attr === "data") continue;
      // In-page anchors, inline images, and links to a source PDF at a page (a relative path: a
      // navigation the reader chooses, never a request the page makes).
      const sourceLink = t.name === "a" && attr === "href" && /^[^:]*\.pdf#page=\d+$/i.test(v);
      expect(
        v.startsWith("#") || v.startsWith("data:image/png;base64,") || sourceLink,
        `${t.name} ${attr}="${v.slice(0, 40)}"`,
      ).toBe(true);
    }
  }
  // The only URL allowed is the SVG namespace name, which is an identifier and never fetched.
  const urls = page.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "").match(/https?:\/\/[^\s"'<>)]*/g);
  expect(urls).toBeNull();
  expect(page).not.toMatch(/@import|url\(/);
  expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed/i);
  for (const svg of elements(page, "svg")) {
    expect(svg.attrs.width, "svg width").toMatch(/^\d+(\.\d+)?$/);
    expect(svg.attrs.height, "svg height").toMatch(/^\d+(\.\d+)?$/);
    expect(svg.attrs.viewBox, "svg viewBox").toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    expect(unbalanced(svg.html)).toEqual([]);
    expect(svg.html).not.toMatch(/NaN|undefined|Infinity/);
  }
}

describe("HTML report", () => {
  it("is well-formed and makes no network requests", async () => {
    expectWellFormed(html);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).toMatch(/font-family: "Noto Sans CJK SC"/);
  });

  it("has the three charts", async () => {
    const svgs = elements(html, "svg");
    expect(svgs.map((s) => s.attrs["aria-label"])).toEqual([
      "各部门预算执行率",
      "自评得分与预算执行率",
      "各部门历年支出",
    ]);
    expect(svgs[0]!.html.match(/<rect [^>]*fill="#/g)!.length).toBeGreaterThanOrEqual(3);
    expect(svgs[1]!.html.match(/<circle /g)!.length).toBe(3);
    expect(svgs[2]!.html).toMatch(/<polyline /);
  });

  it("has one section per department and year", async () => {
    const rows = await compareRows(db, {});
    const want = [...new Set(rows.map((r) => sectionKey(r.department, r.fiscal_year)))];
    const sections = elements(html, "section", (a) => (a.class ?? "").split(" ").includes("dept-year"));
    expect(
      sections.map((s) => sectionKey(s.attrs["data-department"] || null, Number(s.attrs["data-year"]))),
    ).toEqual(want);
    expect(sections).toHaveLength(3);
  });

  it("shows the same numbers as compareRows", async () => {
    const rows = await compareRows(db, {});
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const tr = elements(html, "tr", (a) => a["data-report"] === row.report_id);
      expect(tr).toHaveLength(1);
      const cells = elements(tr[0]!.html, "td", (a) => a["data-col"] !== undefined);
      for (const cell of cells) {
        const col = cell.attrs["data-col"] as Parameters<typeof roundedCell>[0];
        expect(textOf(cell.html), `${row.department} ${col}`).toBe(roundedCell(col, row));
      }
      expect(cells.map((c) => c.attrs["data-col"])).toContain("execution_rate_pct");
      expect(textOf(tr[0]!.html)).toContain(row.department!);
    }
  });

  it("shows every finding with its page and an evidence image per evidence entry", async () => {
    const findings = await loadFindings(db);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const art = elements(html, "article", (a) => a.id === `f-${f.id}`);
      expect(art, `finding ${f.id}`).toHaveLength(1);
      const text = textOf(art[0]!.html);
      expect(text).toContain(f.message);
      const at = findingPage(f);
      if (at) expect(text).toContain(`第${at.page}页`);
      // Every finding names its file, also where its section holds one file only.
      const file = (await db.loadStoredReports()).find((r) => r.report_id === f.report_id)!.source_file;
      expect(
        elements(art[0]!.html, "span", (a) => a.class === "page-ref file").map((e) => textOf(e.html)),
      ).toEqual([`（${file}）`]);
      // The numbers as printed (元 reports in 元, beside 万元); the exact 万元 value on hover.
      const dl = elements(art[0]!.html, "dl");
      if (f.stated || f.expected) expect(dl).toHaveLength(1);
      for (const v of [f.stated, f.expected]) {
        if (!v) continue;
        const shown = new Big(v)
          .abs()
          .toFixed()
          .replace(/\.?0+$/, "");
        const digits = textOf(dl[0]!.html).replace(/,/g, "");
        expect(
          digits.includes(shown.split(".")[0]!) || dl[0]!.html.includes(`${v}万元`),
          `${f.rule} ${v}`,
        ).toBe(true);
      }
      const figures = elements(art[0]!.html, "figure", (a) => a.class === "ev");
      expect(figures).toHaveLength(f.evidence.length);
      figures.forEach((fig, i) => {
        const e = f.evidence[i]!;
        expect(fig.attrs["data-page"]).toBe(String(e.page));
        const img = elements(fig.html, "img");
        expect(img, `finding ${f.id} evidence ${i}`).toHaveLength(1);
        const src = img[0]!.attrs.src!;
        expect(src.startsWith("data:image/png;base64,")).toBe(true);
        expect(Buffer.from(src.slice(22), "base64").subarray(0, 8)).toEqual(PNG);
      });
    }
  });

  it("orders errors first and folds info findings", async () => {
    const sections = elements(html, "section", (a) => (a.class ?? "").split(" ").includes("dept-year"));
    for (const s of sections) {
      const sev = elements(s.html, "article").map((a) => (a.attrs.class ?? "").split(" ")[1]);
      const rank = sev.map((x) => ["error", "warning", "info"].indexOf(x!));
      expect(rank).toEqual([...rank].sort((a, b) => a - b));
      for (const d of elements(s.html, "details"))
        for (const a of elements(d.html, "article")) expect(a.attrs.class).toBe("finding info");
    }
  });

  it("shows the printed text when the PDF is gone, and escapes text from documents", async () => {
    const copy = path.join(dir, "moved.db");
    const raw = new Database(dbFile);
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.close();
    copyFileSync(dbFile, copy);
    const moved = new Database(copy);
    const evil = '<img src=x onerror="alert(1)">卫生健康局&';
    try {
      moved.prepare("UPDATE reports SET source_path = 'nowhere/missing.pdf'").run();
      moved.prepare("DELETE FROM source_paths").run();
      for (const r of moved.prepare("SELECT report_id, record_json FROM reports").all() as Array<{
        report_id: string;
        record_json: string;
      }>) {
        const rec = JSON.parse(r.record_json);
        rec.department.value = evil;
        moved
          .prepare("UPDATE reports SET record_json = ? WHERE report_id = ?")
          .run(JSON.stringify(rec), r.report_id);
      }
      moved.prepare("UPDATE findings SET message = message || ?").run("<b>x</b>");
    } finally {
      moved.close();
    }
    const out = path.join(dir, "moved.html");
    expect(await quiet(() => runReport({ db: copy, out }))).toBe(0);
    const page = readFileSync(out, "utf8");
    expectWellFormed(page);
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("<b>x</b>");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;卫生健康局&amp;");
    expect(page).not.toMatch(/data:image\/png/);
    const findings = elements(page, "article");
    expect(findings.length).toBe((await loadFindings(db)).length);
    for (const f of await loadFindings(db)) {
      const art = elements(page, "article", (a) => a.id === `f-${f.id}`)[0]!;
      const notes = art.html.match(/原文件不可用/g) ?? [];
      expect(notes).toHaveLength(f.evidence.length);
      for (const e of f.evidence) expect(textOf(art.html)).toContain(e.text);
    }
  });

  it("works for one report without findings", async () => {
    const file = path.join(dir, "one.db");
    const one = await buildSampleDb(file, ["qingchuan-culture-2023.pdf"]);
    try {
      expect((await loadFindings(one)).filter((f) => f.severity !== "info")).toHaveLength(0);
      const out = path.join(dir, "one.html");
      expect(await quiet(() => runReport({ db: file, out }))).toBe(0);
      const page = readFileSync(out, "utf8");
      expectWellFormed(page);
      expect(elements(page, "section", (a) => (a.class ?? "").includes("dept-year"))).toHaveLength(1);
      expect(page).toContain("未发现错误或警告");
      expect(elements(page, "svg")).toHaveLength(3);
    } finally {
      await one.close();
    }
  });

  it("works for an empty database", async () => {
    const file = path.join(dir, "empty.db");
    await (await openStore(file)).close();
    const out = path.join(dir, "empty.html");
    expect(await quiet(() => runReport({ db: file, out }))).toBe(0);
    const page = readFileSync(out, "utf8");
    expectWellFormed(page);
    expect(page).toContain("没有可绘制的数据");
  });
});
