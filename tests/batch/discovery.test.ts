/**
 * Finding files and reporting on them: folder links that loop end the walk (reported once), names
 * that are not UTF-8 are read, control characters never reach the terminal raw, an empty search is
 * a warning with exit 1 and no database, and database paths the user got wrong are one line each.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { normalizeName } from "../../src/checks/department-identity.js";
import { finalizeRecord } from "../../src/ingest/finalize-record.js";
import { findPdfFiles } from "../../src/ingest/find-files.js";
import { departmentKey } from "../../src/store/department-key.js";
import { displayPath, printable, withoutInvisibles } from "../../src/text/hygiene.js";
import { selfeval } from "../helpers/cli.js";
import { SAMPLES } from "../helpers/golden.js";

const GOOD = path.join(SAMPLES, "qingchuan-health-2022.pdf");
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "selfeval-find-"));

describe("file discovery", () => {
  it("walks a folder with two links back to itself once, reporting each loop once", async () => {
    const dir = tmp();
    copyFileSync(GOOD, path.join(dir, "a.pdf"));
    mkdirSync(path.join(dir, "sub"));
    copyFileSync(path.join(SAMPLES, "qingchuan-health-2023.pdf"), path.join(dir, "sub", "b.pdf"));
    symlinkSync(".", path.join(dir, "loop1"));
    symlinkSync("..", path.join(dir, "sub", "up"));
    const found = await findPdfFiles([dir]);
    expect(found.files.map((f) => path.basename(f.path)).sort()).toEqual(["a.pdf", "b.pdf"]);
    expect(found.notices).toHaveLength(2);
    expect(found.notices.join("\n")).toMatch(/loop1: a folder link that loops back/);
    // Real paths are recorded: no path through a link.
    for (const f of found.files) expect(f.realPath).not.toMatch(/loop1|up\//);
  });

  it("reads a file whose name is not UTF-8, shown and recorded with the bytes escaped", async () => {
    const dir = tmp();
    const name = Buffer.concat([
      Buffer.from(dir),
      Buffer.from("/"),
      Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]),
      Buffer.from(".pdf"),
    ]);
    copyFileSync(GOOD, name);
    const found = await findPdfFiles([dir]);
    expect(found.files).toHaveLength(1);
    expect(found.files[0]!.path).toMatch(/\\xb1\\xa8\\xb8\\xe6\.pdf$/);
    const db = path.join(dir, "s.db");
    const r = selfeval(["ingest", dir, "--db", db, "--ocr", "never"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^ok +.*\\xb1\\xa8\\xb8\\xe6\.pdf/m);
    const row = new Database(db, { readonly: true })
      .prepare("SELECT status, source_path FROM reports")
      .get() as {
      status: string;
      source_path: string;
    };
    expect(row.status).toBe("ok");
    expect(row.source_path).toMatch(/\\xb1\\xa8\\xb8\\xe6\.pdf$/);
  });

  it("escapes control characters of file names in every line printed", () => {
    const dir = tmp();
    copyFileSync(GOOD, path.join(dir, "red\u001b[31m\u202e.pdf"));
    writeFileSync(path.join(dir, "bad\u0007.pdf"), "not a pdf");
    const r = selfeval(["ingest", dir, "--db", path.join(dir, "s.db"), "--ocr", "never"]);
    expect(r.stderr).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(r.stderr).toMatch(/red\\x1b\[31m\\u\{202e\}\.pdf/);
    expect(r.stderr).toMatch(/bad\\x07\.pdf: not a PDF/);
  });

  it("nothing to read: a warning, exit 1, and no database created", () => {
    const dir = tmp();
    mkdirSync(path.join(dir, "empty"));
    const db = path.join(dir, "out", "s.db");
    const r = selfeval(["ingest", path.join(dir, "empty"), path.join(dir, "missing"), "--db", db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no PDF files found .* no database was created/);
    expect(r.stderr).toMatch(/missing: no such file or folder/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("database paths the user got wrong: one line, no stack trace", () => {
  const folder = (d: string): string => {
    mkdirSync(path.join(d, "db-dir"));
    return path.join(d, "db-dir");
  };
  const notADb = (d: string): string => {
    writeFileSync(path.join(d, "notes.db"), "just some text, not SQLite\n".repeat(200));
    return path.join(d, "notes.db");
  };
  const underAFile = (d: string): string => {
    writeFileSync(path.join(d, "plain"), "x");
    return path.join(d, "plain", "s.db");
  };
  it.each([
    ["a folder", folder, /db-dir: .*(folder|cannot open)/],
    ["not a database", notADb, /notes\.db: is not a selfeval database/],
    ["under a file", underAFile, /plain\/s\.db: .*cannot open/i],
  ])("--db %s", (_what, make, re) => {
    const dir = tmp();
    const r = selfeval(["ingest", GOOD, "--db", make(dir), "--ocr", "never"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(re);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("text hygiene", () => {
  it("removes bidi and zero-width characters from names, nothing else", () => {
    expect(withoutInvisibles("云岭市\u200b青川区\u202e财政局\ufeff")).toBe("云岭市青川区财政局");
    expect(withoutInvisibles("财政局（本级）")).toBe("财政局（本级）");
  });
  it("one department whatever invisible characters its name carries; the printed text keeps them", () => {
    expect(normalizeName("云岭市\u200b青川区\u2066财政局")).toBe(normalizeName("云岭市青川区财政局"));
    expect(departmentKey("云岭市\ufeff青川区财政局")).toBe(departmentKey("云岭市青川区财政局"));
    const prov = {
      page: 1,
      bbox: [0, 0, 1, 1] as [number, number, number, number],
      text: "云岭市\u200b财政局",
    };
    const record = { status: "ok", issues: [], department: { value: "云岭市\u200b财政局", prov } };
    const result = { record, status: "ok", issues: [], pages: [], timings: {} } as unknown as Parameters<
      typeof finalizeRecord.run
    >[0];
    void finalizeRecord.run(result, {} as Parameters<typeof finalizeRecord.run>[1]);
    expect(record.department.value).toBe("云岭市财政局");
    expect(record.department.prov.text).toBe("云岭市\u200b财政局");
    expect((record.issues as Array<{ code: string }>).map((i) => i.code)).toEqual([
      "invisible_characters_removed",
    ]);
  });
  it("escapes control characters for the terminal", () => {
    expect(printable("a\u001b[2Jb\nc")).toBe("a\\x1b[2Jb\\x0ac");
    expect(displayPath(Buffer.from([0x61, 0xff, 0xe4, 0xb8, 0xad]))).toBe("a\\xff中");
  });
});
