/**
 * A batch survives bad input: each bad file gets one clear line naming the file, what is wrong and
 * what to do; the batch goes on; exit codes say what happened.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { selfeval } from "../helpers/cli.js";
import { ROOT, SAMPLES } from "../helpers/golden.js";

let dir: string;
let run: ReturnType<typeof selfeval>;
const db = (): string => path.join(dir, "out", "s.db");
const lineFor = (name: string): string => run.stderr.split("\n").find((l) => l.includes(`${name} —`)) ?? "";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-bad-"));
  const input = path.join(dir, "in");
  const good = path.join(SAMPLES, "qingchuan-health-2022.pdf");
  const bytes = readFileSync(good);
  mkdirSync(input);
  copyFileSync(good, path.join(input, "a-good.pdf"));
  copyFileSync(good, path.join(input, "b-duplicate.pdf"));
  writeFileSync(path.join(input, "c-empty.pdf"), "");
  writeFileSync(path.join(input, "d-not-a-pdf.pdf"), "这不是PDF文件，只是一段文字。\n");
  writeFileSync(path.join(input, "e-truncated.pdf"), bytes.subarray(0, Math.floor(bytes.length * 0.4)));
  copyFileSync(
    path.join(ROOT, "tests/fixtures/encrypted-password-secret.pdf"),
    path.join(input, "f-encrypted.pdf"),
  );
  copyFileSync(path.join(ROOT, "tests/fixtures/unrelated-notice.pdf"), path.join(input, "g-unrelated.pdf"));
  run = selfeval(["ingest", input, path.join(dir, "no-such-folder"), "--db", db(), "--ocr", "never"]);
});

describe("bad input in a batch", () => {
  it("goes on and exits 1 when some files failed", () => {
    expect(run.status).toBe(1);
    const rows = new Database(db(), { readonly: true })
      .prepare("SELECT source_file, status FROM reports ORDER BY source_file")
      .all();
    expect(rows).toEqual([
      { source_file: "a-good.pdf", status: "ok" },
      { source_file: "c-empty.pdf", status: "failed" },
      { source_file: "d-not-a-pdf.pdf", status: "failed" },
      { source_file: "e-truncated.pdf", status: "failed" },
      { source_file: "f-encrypted.pdf", status: "failed" },
      { source_file: "g-unrelated.pdf", status: "skipped" },
    ]);
  });

  it.each([
    ["c-empty.pdf", /file is empty.*re-export/],
    ["d-not-a-pdf.pdf", /not a PDF.*convert/],
    ["e-truncated.pdf", /damaged or truncated.*re-download/],
    ["f-encrypted.pdf", /encrypted.*--password/],
    ["g-unrelated.pdf", /not a performance self-evaluation report/],
    ["b-duplicate.pdf", /same bytes as another file/],
    ["no-such-folder", /no such file or folder/],
  ])("%s: one clear line", (name, re) => {
    expect(lineFor(name)).toMatch(re);
  });

  it("records a byte-identical file as another path of the same report", () => {
    const d = new Database(db(), { readonly: true });
    const paths = d
      .prepare(
        "SELECT file_name FROM source_paths JOIN reports USING (report_id) WHERE reports.source_file = 'a-good.pdf' ORDER BY file_name",
      )
      .all();
    expect(paths).toEqual([{ file_name: "a-good.pdf" }, { file_name: "b-duplicate.pdf" }]);
  });

  it("opens an encrypted file with --password, replacing its failed row", () => {
    const again = selfeval([
      "ingest",
      path.join(dir, "in", "f-encrypted.pdf"),
      "--db",
      db(),
      "--password",
      "secret",
      "--ocr",
      "never",
    ]);
    expect(again.status, again.stderr).toBe(0);
    const row = new Database(db(), { readonly: true })
      .prepare("SELECT status, department FROM reports WHERE source_file = 'f-encrypted.pdf'")
      .get();
    expect(row).toMatchObject({ status: "ok" });
  });

  it("re-ingesting is a no-op; --force re-extracts", () => {
    const again = selfeval(["ingest", path.join(dir, "in", "a-good.pdf"), "--db", db(), "--ocr", "never"]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/already in the database/);
    const forced = selfeval([
      "ingest",
      path.join(dir, "in", "a-good.pdf"),
      "--db",
      db(),
      "--ocr",
      "never",
      "--force",
    ]);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(/^ok +.*a-good\.pdf/m);
    const n = new Database(db(), { readonly: true })
      .prepare("SELECT COUNT(*) AS n FROM reports WHERE source_file = 'a-good.pdf'")
      .get();
    expect(n).toEqual({ n: 1 });
  });

  it("guards against long documents and slow ones", () => {
    const pages = selfeval([
      "ingest",
      path.join(SAMPLES, "seed-report.pdf"),
      "--db",
      path.join(dir, "g.db"),
      "--max-pages",
      "5",
      "--ocr",
      "never",
    ]);
    expect(pages.status).toBe(1);
    expect(pages.stderr).toMatch(/12 pages exceeds the limit of 5/);
    const slow = selfeval([
      "ingest",
      path.join(SAMPLES, "seed-report.pdf"),
      "--db",
      path.join(dir, "t.db"),
      "--timeout",
      "0.01",
      "--ocr",
      "never",
    ]);
    expect(slow.status).toBe(1);
    expect(slow.stderr).toMatch(/longer than the per-document timeout/);
  });

  it("exit status 2 for usage errors, 0 when all is well", () => {
    expect(selfeval(["ingest", "--no-such-option", "x.pdf"]).status).toBe(2);
    expect(selfeval(["ingest"]).status).toBe(2);
    expect(
      selfeval([
        "ingest",
        path.join(SAMPLES, "qingchuan-health-2023.pdf"),
        "--db",
        path.join(dir, "ok.db"),
        "--ocr",
        "never",
      ]).status,
    ).toBe(0);
  });

  it("prints one JSON line per file with --json", () => {
    const j = selfeval([
      "ingest",
      path.join(dir, "in", "c-empty.pdf"),
      path.join(dir, "in", "a-good.pdf"),
      "--db",
      path.join(dir, "j.db"),
      "--json",
      "--ocr",
      "never",
    ]);
    const lines = j.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; status: string });
    expect(lines.map((l) => [path.basename(l.file), l.status]).sort()).toEqual([
      ["a-good.pdf", "ok"],
      ["c-empty.pdf", "failed"],
    ]);
  });
});

describe("ingesting again", () => {
  it("is a no-op for the same file and version, and re-extracts a report stored by another version", () => {
    const again = selfeval(["ingest", path.join(dir, "in", "a-good.pdf"), "--db", db(), "--ocr", "never"]);
    expect(again.stderr + again.stdout).toMatch(/unchanged/);
    const w = new Database(db());
    w.prepare("UPDATE reports SET extractor = '0.0.1' WHERE source_file = 'a-good.pdf'").run();
    w.close();
    const upgraded = selfeval(["ingest", path.join(dir, "in", "a-good.pdf"), "--db", db(), "--ocr", "never"]);
    expect(upgraded.stderr + upgraded.stdout).toMatch(/^ok\s/m);
    const r = new Database(db(), { readonly: true })
      .prepare("SELECT extractor FROM reports WHERE source_file = 'a-good.pdf'")
      .all() as Array<{ extractor: string }>;
    expect(r.map((x) => x.extractor)).not.toContain("0.0.1");
  });
});
