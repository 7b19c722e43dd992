/**
 * End to end on a scan: the scanned fixture is ingested by PP-OCR into a store, its reading gets an
 * ocr_uncertain issue on one figure exactly as `--ocr-engine both` raises it (the second reading of
 * that box differed: same stage, message, field and box), and `check` + `export` print that figure
 * marked — budget_lines.csv uncertain=1 with both readings, the findings resting on it say so — while
 * every other value keeps its own mark. A text report exports with nothing uncertain.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { Report } from "../../schemas/report.js";
import { openStore } from "../../src/store/store.js";
import { selfeval } from "../helpers/cli.js";
import { ROOT } from "../helpers/golden.js";

const SCAN = path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf");
const TEXT = path.join(ROOT, "samples/qingchuan-health-2022.pdf");
type Row = Record<string, string>;

let dir: string;
const csv = (out: string, name: string): Row[] =>
  parse(readFileSync(path.join(out, name), "utf8").replace(/^\uFEFF/, ""), { columns: true }) as Row[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-uncertain-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("uncertain values of a scan are exported marked", () => {
  it("a figure with an ocr_uncertain issue: uncertain=1, the reason, and its findings hedged", async () => {
    const db = path.join(dir, "scan.db");
    const ing = selfeval(["ingest", SCAN, "--db", db], { env: { SELFEVAL_OCR_ENGINE: "paddle" } });
    expect(ing.status, ing.stderr).toBe(0);

    // The issue the cross-check raises when tesseract reads the box otherwise.
    const store = await openStore(db);
    let target: { value: string; text: string; page: number; bbox: number[] } | undefined;
    try {
      const row = await store.db
        .selectFrom("reports")
        .select(["report_id", "record_json"])
        .executeTakeFirstOrThrow();
      const r = JSON.parse(row.record_json!) as Report;
      expect(r.ocr_pages).toBe(2);
      const l = r.budget_lines.find((x) => x.section === "basic_expenditure" && x.item === "工资和福利支出");
      expect(l?.amount.prov.conf).toBeDefined();
      const p = l!.amount.prov;
      target = { value: l!.amount.value, text: p.text, page: p.page, bbox: p.bbox };
      const path0 = `budget_lines[${r.budget_lines.indexOf(l!)}].amount`;
      const issue: ExtractionIssue = {
        stage: "ocr",
        code: "ocr_uncertain",
        severity: "warning",
        message: `page ${p.page}: ${path0} ${l!.amount.value} is uncertain — PP-OCR read “2180.34” (confidence 93), tesseract read “2130.34” (confidence 80) in “2130.34万元”: check the scan`,
        page: p.page,
        field: path0,
        bbox: p.bbox,
      };
      r.issues.push(issue);
      await store.db
        .updateTable("reports")
        .set({ record_json: JSON.stringify(r) })
        .where("report_id", "=", row.report_id)
        .execute();
    } finally {
      await store.close();
    }

    expect(selfeval(["check", "--db", db, "--quiet"]).status).not.toBe(2);
    const out = path.join(dir, "scan-out");
    const ex = selfeval(["export", "--db", db, "--out", out]);
    expect(ex.status, ex.stderr).toBe(0);

    const lines = csv(out, "budget_lines.csv");
    const marked = lines.filter((l) => l.page === String(target!.page) && l.bbox === target!.bbox.join(","));
    expect(marked.length).toBeGreaterThan(0);
    for (const l of marked) {
      expect(l.uncertain).toBe("1");
      expect(l.uncertain_why).toContain("amount_wan: readings disagree 2180.34/2130.34");
    }
    // Not the whole page: values of the same page read surely stay certain.
    const samePage = lines.filter((l) => l.page === String(target!.page) && !marked.includes(l));
    expect(samePage.length).toBeGreaterThan(0);
    for (const l of samePage)
      expect(l.uncertain === "0" || /low OCR confidence/.test(l.uncertain_why ?? ""), l.uncertain_why).toBe(
        true,
      );

    // Findings resting on it (the basic-expenditure breakdown's sum, if its parts are compared) say so.
    for (const f of csv(out, "discrepancies.csv").filter((d) => d.uncertain === "1")) {
      expect(f.severity).not.toBe("error");
      expect(f.message).toMatch(/为OCR识别存疑数值，请核对原件/);
    }
    const issues = csv(out, "issues.csv").filter((i) => i.code === "ocr_uncertain");
    expect(issues.map((i) => i.field)).toEqual([expect.stringMatching(/^budget_lines\[\d+\]\.amount$/)]);
  });

  it("a clean text report exports nothing uncertain", () => {
    const db = path.join(dir, "text.db");
    expect(selfeval(["ingest", TEXT, "--db", db]).status).toBe(0);
    expect(selfeval(["check", "--db", db, "--quiet"]).status).not.toBe(2);
    const out = path.join(dir, "text-out");
    expect(selfeval(["export", "--db", db, "--out", out]).status).toBe(0);
    const reports = csv(out, "reports.csv");
    expect(reports).toHaveLength(1);
    expect(reports[0]!.uncertain_fields).toBe("");
    for (const f of ["budget_lines.csv", "indicators.csv", "tasks.csv", "projects.csv", "figures.csv"]) {
      const rows = csv(out, f);
      expect(
        rows.every((r) => r.uncertain === "0" && r.uncertain_why === ""),
        f,
      ).toBe(true);
    }
    expect(csv(out, "discrepancies.csv").every((d) => d.uncertain === "0")).toBe(true);
  });
});
