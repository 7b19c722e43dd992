/**
 * PDF → CSV as a user runs it: `selfeval ingest`, `check` and `export` as subprocesses on text
 * samples, checked against the samples' truth files (made with the PDFs by the samples script).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { SAMPLES } from "../helpers/golden.js";

const FILES = [
  "seed-report.pdf",
  "qingchuan-health-2022.pdf",
  "qingchuan-health-2023.pdf",
  "qingchuan-water-2023-pages.pdf",
  "beiyuan-agri-2023-form.pdf",
  "beiyuan-edu-2022-in-final-accounts.pdf",
];
type Row = Record<string, string>;

interface Truth {
  report: { department: string; fiscal_year: number; self_score: number; grade: string };
  totals: Record<string, number>;
  personnel: Record<string, number | null>;
  budget_lines: Array<{ section: string; item: string; amount: number; alt_amounts?: number[] }>;
  indicators: Array<{ level3: string; target: string }>;
  tasks: Array<{ name: string; planned: number }>;
  projects: Array<{ name: string; budget: number; executed: number }>;
  discrepancies: Array<{ rule: string; field: string }>;
}

let dir: string;
const csv = (name: string): { raw: string; rows: Row[] } => {
  const raw = readFileSync(path.join(dir, name), "utf8");
  return { raw, rows: parse(raw.replace(/^\uFEFF/, ""), { columns: true }) as Row[] };
};
const close = (a: string | undefined, b: number): boolean =>
  a !== undefined && a !== "" && Math.abs(Number(a) - b) < 0.006;
const squash = (s: string): string => s.normalize("NFKC").replace(/[\s，,。.、：:；;（）()]/g, "");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-cli-"));
  const db = path.join(dir, "s.db");
  const ingest = selfeval([
    "ingest",
    ...FILES.map((f) => path.join(SAMPLES, f)),
    "--db",
    db,
    "--ocr",
    "never",
  ]);
  expect(ingest.status, ingest.stderr).toBe(0);
  // The samples hold planted contradictions: check exits 1 by default (--fail-on error), 0 with none.
  expect(selfeval(["check", "--db", db, "--quiet"]).status).toBe(1);
  expect(selfeval(["check", "--db", db, "--quiet", "--fail-on", "none"]).status).toBe(0);
  const exp = selfeval(["export", "--db", db, "--out", dir]);
  expect(exp.status, exp.stderr).toBe(0);
});

describe("ingest → check → export", () => {
  it("writes UTF-8 with BOM and CRLF line ends", () => {
    const { raw } = csv("reports.csv");
    expect(raw.startsWith("\uFEFFreport_id,")).toBe(true);
    expect(raw.split("\r\n").length).toBeGreaterThan(FILES.length);
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  for (const file of FILES) {
    it(`${file}: every field of the truth file`, () => {
      const truth = JSON.parse(
        readFileSync(path.join(SAMPLES, file.replace(/\.pdf$/, ".truth.json")), "utf8"),
      ) as Truth;
      const rep = csv("reports.csv").rows.find((r) => r.source_file === file)!;
      expect(rep).toBeDefined();
      const id = rep.report_id!;
      expect(rep.department).toBe(truth.report.department);
      expect(Number(rep.fiscal_year)).toBe(truth.report.fiscal_year);
      expect(close(rep.self_score, truth.report.self_score)).toBe(true);
      expect(rep.grade).toBe(truth.report.grade);
      const planted = new Set(truth.discrepancies.map((d) => d.field));
      for (const k of [
        "budget_total",
        "executed_total",
        "execution_rate",
        "basic_total",
        "project_total",
        "yoy_change",
      ]) {
        if (truth.totals[k] === undefined || planted.has(k)) continue;
        expect(close(rep[`${k}_${k.endsWith("rate") ? "pct" : "wan"}`], truth.totals[k]!), k).toBe(true);
      }
      for (const [k, c] of [
        ["authorized", "staff_authorized"],
        ["in_service", "staff_in_service"],
        ["contract", "staff_contract"],
        ["retired", "staff_retired"],
      ] as const) {
        expect(truth.personnel[k] === null ? rep[c] : Number(rep[c]), c).toBe(
          truth.personnel[k] === null ? "" : truth.personnel[k],
        );
      }
      const lines = csv("budget_lines.csv").rows.filter((r) => r.report_id === id);
      for (const l of truth.budget_lines) {
        const want = [l.amount, ...(l.alt_amounts ?? [])];
        const ok = lines.some(
          (x) => x.section === l.section && x.item === l.item && want.some((w) => close(x.amount_wan, w)),
        );
        const plantedHere = planted.has(l.section) || [...planted].some((p) => p.startsWith(`${l.section}:`));
        if (!plantedHere) expect(ok, `${l.section}:${l.item}`).toBe(true);
      }
      const inds = csv("indicators.csv").rows.filter((r) => r.report_id === id);
      for (const i of truth.indicators)
        expect(
          inds.some((x) => squash(x.level3!) === squash(i.level3) && squash(x.target!) === squash(i.target)),
          i.level3,
        ).toBe(true);
      const tasks = csv("tasks.csv").rows.filter((r) => r.report_id === id);
      for (const t of truth.tasks)
        expect(
          tasks.some((x) => squash(x.name!).includes(squash(t.name)) && close(x.planned_wan, t.planned)),
          t.name,
        ).toBe(true);
      const projects = csv("projects.csv").rows.filter((r) => r.report_id === id);
      for (const p of truth.projects) {
        expect(
          projects.some(
            (x) =>
              squash(x.name!).includes(squash(p.name)) &&
              close(x.budget_wan, p.budget) &&
              close(x.executed_wan, p.executed),
          ),
          p.name,
        ).toBe(true);
      }
      const found = csv("discrepancies.csv").rows.filter((r) => r.report_id === id);
      for (const d of truth.discrepancies)
        expect(
          found.some((f) => f.rule === d.rule),
          `${d.rule} ${d.field}`,
        ).toBe(true);
      // every number printed in the export traces back to a page
      for (const x of [...lines, ...inds, ...tasks, ...projects]) expect(Number(x.page)).toBeGreaterThan(0);
    });
  }

  it("reports no contradiction on a clean sample", () => {
    const rep = csv("reports.csv").rows.find((r) => r.source_file === "qingchuan-health-2022.pdf")!;
    const serious = csv("discrepancies.csv").rows.filter(
      (r) => r.report_id === rep.report_id && r.severity !== "info",
    );
    expect(serious).toEqual([]);
  });

  it("links the two years of one department: the stated change matches last year's report", () => {
    const rows = csv("discrepancies.csv").rows.filter((r) => r.rule === "yoy_mismatch");
    expect(rows).toEqual([]);
  });
});
