/**
 * A store error fails its file and never aborts the batch; a full disk stops the batch cleanly,
 * with what was stored before intact. The disk is "filled" with SQLite's own limit on the size of
 * the database (max_page_count), which gives the real SQLITE_FULL a full disk gives.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { findPdfFiles } from "../../src/ingest/find-files.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { storeProblem } from "../../src/ingest/store-errors.js";
import { openStore } from "../../src/store/store.js";
import { SAMPLES } from "../helpers/golden.js";

describe("a full disk", () => {
  it("stops the batch with one line, keeping the reports stored before", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-full-"));
    const input = path.join(dir, "in");
    mkdirSync(input);
    copyFileSync(path.join(SAMPLES, "qingchuan-health-2022.pdf"), path.join(input, "a.pdf"));
    const db = await openStore(path.join(dir, "s.db"));
    try {
      const first = await ingestFiles(db, await findPdfFiles([input]), { ocr: "never", concurrency: 1 });
      expect(first.results.map((r) => r.outcome)).toEqual(["ok"]);
      for (const n of ["b", "c", "d"])
        copyFileSync(path.join(SAMPLES, `qingchuan-health-2023.pdf`), path.join(input, `${n}.pdf`));
      copyFileSync(path.join(SAMPLES, "qingchuan-culture-2023.pdf"), path.join(input, "e.pdf"));
      const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db.db);
      await sql.raw(`PRAGMA max_page_count = ${rows[0]!.page_count + 2}`).execute(db.db);
      const second = await ingestFiles(db, await findPdfFiles([input]), { ocr: "never", concurrency: 1 });
      expect(second.stoppedBy?.code).toBe("disk_full");
      expect(second.stoppedBy?.line).toMatch(/s\.db: the disk is full — free some space/);
      const by = Object.fromEntries(second.results.map((r) => [path.basename(r.path), r]));
      expect(by["a.pdf"]!.outcome).toBe("unchanged");
      expect(by["b.pdf"]!.outcome).toBe("failed");
      expect(by["b.pdf"]!.reason).toMatch(/not stored: .*disk is full/);
      // The rest are accounted for, not silently dropped.
      expect(second.results).toHaveLength(5);
      expect(
        second.results.filter((r) => r.outcome === "not_started" || r.outcome === "duplicate").length,
      ).toBe(3);
      await sql.raw("PRAGMA max_page_count = 1073741823").execute(db.db);
      const kept = (await db.loadStoredReports()).map((r) => [r.source_file, r.status]);
      expect(kept).toEqual([["a.pdf", "ok"]]);
    } finally {
      await db.close();
    }
  });
});

describe("store errors as one line", () => {
  it.each([
    [{ code: "SQLITE_FULL" }, /x\.db: the disk is full/, true],
    [{ code: "ENOSPC" }, /disk is full/, true],
    [{ code: "SQLITE_READONLY" }, /cannot write here.*--db/, true],
    [{ code: "EACCES" }, /permission denied/, true],
    [{ code: "EISDIR" }, /is a folder/, true],
    [{ code: "SQLITE_NOTADB" }, /not a selfeval database/, true],
    [{ code: "SQLITE_CANTOPEN" }, /cannot open the database/, true],
    [{ code: "SQLITE_BUSY" }, /locked by another program/, false],
  ])("%o", (err, re, stops) => {
    const p = storeProblem(Object.assign(new Error("x"), err), "out/x.db");
    expect(p.line).toMatch(re);
    expect(p.line).toMatch(/^out\/x\.db: /);
    expect(p.stopsBatch).toBe(stops);
  });
});
