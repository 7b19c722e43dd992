/**
 * The CSV contract: every exported file's header is read back and compared with its column spec,
 * the public contract's columns (../shared/spec/export-contract.md, copied here because users do
 * not have that folder) are all present in its order, the documentation is the specs' own, and
 * the set is replaced as a whole.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceFileSet, type SwapIo } from "../../src/export/atomic-output.js";
import { CSV_FILES, TARGET_OP_WORDS } from "../../src/export/csv-files.js";
import { csvDocumentation } from "../../src/export/csv-spec.js";
import { exportCsv, parseStoredRecord } from "../../src/export/export-csv.js";
import type { Store } from "../../src/store/store.js";
import { ROOT } from "../helpers/golden.js";
import { buildSampleDb } from "../report/sample-db.js";

/** The contract's columns of each file, in its order. Adding columns is fine; these must stay. */
const CONTRACT: Record<string, string[]> = {
  "reports.csv": [
    "report_id",
    "source_file",
    "source_path",
    "department",
    "fiscal_year",
    "report_kind",
    "self_score",
    "grade",
    "budget_total_wan",
    "initial_budget_wan",
    "executed_total_wan",
    "execution_rate_pct",
    "income_total_wan",
    "expenditure_total_wan",
    "basic_total_wan",
    "basic_share_pct",
    "project_total_wan",
    "project_share_pct",
    "yoy_change_wan",
    "yoy_change_pct",
    "staff_authorized",
    "staff_in_service",
    "staff_contract",
    "staff_retired",
    "pages",
    "ocr_pages",
    "status",
    "error",
  ],
  "budget_lines.csv": [
    "report_id",
    "department",
    "fiscal_year",
    "section",
    "item",
    "item_as_printed",
    "amount_wan",
    "share_pct",
    "page",
    "bbox",
  ],
  "indicators.csv": [
    "report_id",
    "department",
    "fiscal_year",
    "level1",
    "level2",
    "level3",
    "target",
    "target_op",
    "target_value",
    "target_unit",
    "actual",
    "weight",
    "score",
    "page",
  ],
  "tasks.csv": [
    "report_id",
    "department",
    "fiscal_year",
    "seq",
    "name",
    "content",
    "planned_wan",
    "goal",
    "completion",
    "page",
  ],
  "projects.csv": [
    "report_id",
    "department",
    "fiscal_year",
    "name",
    "budget_wan",
    "executed_wan",
    "execution_rate_pct",
    "page",
  ],
  "discrepancies.csv": [
    "rule",
    "scope",
    "severity",
    "report_id",
    "other_report_id",
    "department",
    "fiscal_year",
    "field",
    "stated",
    "expected",
    "difference",
    "page",
    "message",
  ],
};
/** Promised by the README beside the contract's columns. */
const PROMISED: Record<string, string[]> = {
  "reports.csv": ["findings", "source_paths"],
  "discrepancies.csv": ["tolerance", "reference_report_id"],
  "figures.csv": ["report_id", "key", "value", "canonical", "page", "bbox", "printed"],
  "issues.csv": ["report_id", "stage", "code", "severity", "message", "page"],
};

let dir: string;
let db: Store;
let out: string;
type Row = Record<string, string>;
const read = (name: string): { raw: string; header: string[]; rows: Row[] } => {
  const raw = readFileSync(path.join(out, name), "utf8");
  const body = raw.replace(/^\uFEFF/, "");
  const header = (parse(body, { to_line: 1 }) as string[][])[0] ?? [];
  return { raw, header, rows: parse(body, { columns: true }) as Row[] };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-csv-"));
  db = await buildSampleDb(path.join(dir, "s.db"), [
    "qingchuan-health-2022.pdf",
    "qingchuan-health-2023.pdf",
    "beiyuan-agri-2023-form.pdf",
  ]);
  out = path.join(dir, "out");
  await exportCsv(db, out);
});

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("CSV files against their column specs", () => {
  it("writes exactly the files of the specs, and nothing else is left in the folder", () => {
    expect(readdirSync(out).sort()).toEqual(CSV_FILES.map((f) => f.name).sort());
  });

  for (const spec of CSV_FILES) {
    it(`${spec.name}: header read back equals the spec, BOM and CRLF`, () => {
      const { raw, header, rows } = read(spec.name);
      expect(raw.startsWith(`\uFEFF${spec.columns[0]!.name},`)).toBe(true);
      expect(header).toEqual(spec.columns.map((c) => c.name));
      expect(new Set(header).size).toBe(header.length);
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/\n/);
      for (const c of spec.columns) expect(c.meaning.length, `${spec.name} ${c.name}`).toBeGreaterThan(3);
      // Every row has every column (csv-parse would throw otherwise), numbers are plain numbers.
      for (const r of rows)
        for (const c of spec.columns.filter((x) => x.type === "number"))
          expect(r[c.name] ?? "", `${spec.name} ${c.name}`).toMatch(/^(-?\d+(\.\d+)?)?$/);
    });
  }

  for (const [file, cols] of Object.entries(CONTRACT)) {
    it(`${file}: keeps every column of the public contract, in its order`, () => {
      const { header } = read(file);
      const positions = cols.map((c) => header.indexOf(c));
      expect(positions.filter((p) => p < 0).map((_, i) => cols[i])).toEqual([]);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
  }

  for (const [file, cols] of Object.entries(PROMISED)) {
    it(`${file}: has the columns the README promises`, () => {
      const { header } = read(file);
      for (const c of cols) expect(header, c).toContain(c);
    });
  }

  it("discrepancies.csv fills tolerance for every comparison of numbers", async () => {
    const { rows } = read("discrepancies.csv");
    const numeric = rows.filter((r) => r.stated !== "" && r.expected !== "" && r.scope === "report");
    expect(numeric.length).toBeGreaterThan(0);
    for (const r of numeric) expect(r.tolerance, `${r.rule} ${r.field}`).toMatch(/^\d+(\.\d+)?$/);
    // Cross-year findings name the report they were compared against.
    const stored = (await db.loadFindingRows()).filter((f) => f.reference_report_id !== null).length;
    expect(rows.filter((r) => r.reference_report_id !== "").length).toBe(stored);
    expect(stored).toBeGreaterThan(0);
  });

  it("indicators.csv writes target_op as words that need no formula escape", () => {
    const { rows } = read("indicators.csv");
    expect(rows.length).toBeGreaterThan(5);
    const words = new Set(Object.values(TARGET_OP_WORDS));
    for (const r of rows) expect(words.has(r.target_op!), r.target_op).toBe(true);
    const used = new Set(rows.map((r) => r.target_op));
    expect(used.has("ge") && used.has("eq")).toBe(true);
    expect(readFileSync(path.join(out, "indicators.csv"), "utf8")).not.toMatch(/,'/);
  });

  it("docs/csv.md is the specs' documentation (regenerate: selfeval schema --csv > docs/csv.md)", () => {
    const doc = csvDocumentation(CSV_FILES);
    expect(readFileSync(path.join(ROOT, "docs/csv.md"), "utf8")).toBe(doc);
    for (const f of CSV_FILES) {
      expect(doc).toContain(`## ${f.name}`);
      for (const c of f.columns) expect(doc).toContain(`| \`${c.name}\` |`);
    }
  });
});

describe("records are validated when loaded for export", () => {
  it("a stored record that does not match the schema is reported, not exported as if valid", async () => {
    const json = (await db.loadStoredReports()).find((r) => r.record_json)!.record_json!;
    expect(parseStoredRecord(json).record).toBeDefined();
    const broken = JSON.parse(json);
    broken.headline.budget_total = {
      value: "12,3",
      ulp: "0.01",
      unit: "万元",
      prov: broken.headline.budget_total?.prov,
    };
    const r = parseStoredRecord(JSON.stringify(broken));
    expect(r.record).toBeUndefined();
    expect(r.invalid).toMatch(/headline\.budget_total\.value: .*selfeval ingest --force/);
    expect(parseStoredRecord("{").invalid).toMatch(/not valid JSON/);
  });

  it("the export names such a record and still writes its reports.csv row", async () => {
    const file = path.join(dir, "broken.db");
    const copy = await buildSampleDb(file, ["qingchuan-health-2022.pdf"]);
    try {
      const json = (await copy.loadStoredReports())[0]!.record_json!;
      const rec = JSON.parse(json);
      rec.indicators[0].target_op = "≥";
      await copy.db
        .updateTable("reports")
        .set({ record_json: JSON.stringify(rec) })
        .execute();
      const dest = path.join(dir, "broken-out");
      const s = await exportCsv(copy, dest);
      expect(s.warnings).toHaveLength(1);
      expect(s.warnings[0]).toMatch(/indicators\.0\.target_op/);
      expect(s.files["reports.csv"]).toBe(1);
      expect(s.files["indicators.csv"]).toBe(0);
      const row = (
        parse(readFileSync(path.join(dest, "reports.csv"), "utf8").replace(/^\uFEFF/, ""), {
          columns: true,
        }) as Row[]
      )[0]!;
      expect(row.error).toMatch(/does not match this version's schema/);
    } finally {
      await copy.close();
    }
  });
});

describe("the CSV set is replaced as a whole", () => {
  const CLI = path.join(ROOT, "bin/selfeval.js");

  const snapshot = (d: string): Record<string, string> =>
    Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(path.join(d, f), "utf8")]));
  const enospc = (): Error =>
    Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

  it("a disk that fills while the new set is written leaves the old set untouched", () => {
    const dest = path.join(dir, "full");
    mkdirSync(dest);
    replaceFileSet(dest, [
      ["a.csv", "old a"],
      ["b.csv", "old b"],
      ["c.csv", "old c"],
    ]);
    let writes = 0;
    const io: SwapIo = {
      write: (f, d) => {
        if (++writes === 3) throw enospc();
        writeFileSync(f, d);
      },
      rename: renameSync,
    };
    expect(() =>
      replaceFileSet(
        dest,
        [
          ["a.csv", "new a"],
          ["b.csv", "new b"],
          ["c.csv", "new c"],
        ],
        io,
      ),
    ).toThrow(/ENOSPC/);
    expect(snapshot(dest)).toEqual({ "a.csv": "old a", "b.csv": "old b", "c.csv": "old c" });
  });

  it("a failure while swapping puts the old set back and leaves no temporary folder", () => {
    const dest = path.join(dir, "swap");
    mkdirSync(dest);
    replaceFileSet(dest, [
      ["a.csv", "old a"],
      ["b.csv", "old b"],
      ["keep.db", "db"],
    ]);
    for (const failAt of [1, 2, 3, 4]) {
      let renames = 0;
      const io: SwapIo = {
        write: (f, d) => writeFileSync(f, d),
        rename: (a, b) => {
          if (++renames === failAt) throw Object.assign(new Error("EIO"), { code: "EIO" });
          renameSync(a, b);
        },
      };
      expect(
        () =>
          replaceFileSet(
            dest,
            [
              ["a.csv", "new a"],
              ["b.csv", "new b"],
            ],
            io,
          ),
        `rename ${failAt}`,
      ).toThrow();
      expect(snapshot(dest), `rename ${failAt}`).toEqual({
        "a.csv": "old a",
        "b.csv": "old b",
        "keep.db": "db",
      });
    }
    replaceFileSet(dest, [
      ["a.csv", "new a"],
      ["b.csv", "new b"],
    ]);
    expect(snapshot(dest)).toEqual({ "a.csv": "new a", "b.csv": "new b", "keep.db": "db" });
  });

  it("export into a path that is a file is one line, before anything is written", () => {
    const file = path.join(dir, "README.md");
    writeFileSync(file, "# notes");
    const r = spawnSync(process.execPath, [CLI, "export", "--db", path.join(dir, "s.db"), "--out", file], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^selfeval: .*README\.md is a file, not a folder — give --out a folder/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(file, "utf8")).toBe("# notes");
  });

  it("a read-only output folder is one line naming it, and nothing is left behind", async () => {
    const dest = path.join(dir, "readonly");
    await exportCsv(db, dest);
    const before = readdirSync(dest).sort();
    chmodSync(dest, 0o555);
    try {
      // root ignores permission bits; without CAP_DAC_OVERRIDE it meets them like any user.
      const cmd = process.getuid?.() === 0 ? "setpriv" : process.execPath;
      const args = [
        ...(process.getuid?.() === 0
          ? ["--bounding-set", "-dac_override,-dac_read_search", process.execPath]
          : []),
        CLI,
        "export",
        "--db",
        path.join(dir, "s.db"),
        "--out",
        dest,
      ];
      const r = spawnSync(cmd, args, { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(
        new RegExp(`^selfeval: ${dest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*: permission denied — `),
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      chmodSync(dest, 0o755);
    }
    expect(readdirSync(dest).sort()).toEqual(before);
  });
});
