/**
 * A correction outlives a re-extraction by another version of selfeval: the sample is ingested,
 * a misstated rate is corrected, then the version is bumped in this process (the modules loaded
 * again with another VERSION), which makes ingest extract the file again and replace its reading.
 * The stored reading is the new version's, the correction is still applied over it, and the checks
 * see the corrected value.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { SAMPLES } from "../helpers/golden.js";

const SAMPLE = path.join(SAMPLES, "qingchuan-health-2023.pdf");
const tmp = mkdtempSync(path.join(os.tmpdir(), "selfeval-correct-"));
const dbFile = path.join(tmp, "s.db");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The modules a run of selfeval uses, loaded fresh (so a mocked VERSION takes effect). */
async function selfeval() {
  const [{ ingest }, { openStore }, { checkStore }, { rules }, review, readings, version] = await Promise.all(
    [
      import("../../src/ingest/ingest.js"),
      import("../../src/store/store.js"),
      import("../../src/checks/run-checks.js"),
      import("../../pipelines/rules.js"),
      import("../../src/review/review-command.js"),
      import("../../src/review/readings.js"),
      import("../../src/version.js"),
    ],
  );
  return { ingest, openStore, checkStore, rules, review, readings, VERSION: version.VERSION };
}

const rateFindings = (fs: Array<{ rule: string; field: string }>) =>
  fs.filter((f) => f.rule === "rate_mismatch" && f.field === "execution_rate");

describe("a correction and a new version of selfeval", () => {
  it("survives the re-extraction and is applied over the new reading", async () => {
    // 1. This version ingests and checks: the sample's planted execution-rate discrepancy is found.
    const a = await selfeval();
    let store = await a.openStore(dbFile);
    const first = await a.ingest(store, [SAMPLE], { ocr: "never", concurrency: 1 });
    expect(first.results.map((r) => r.outcome)).toEqual(["ok"]);
    const id = first.results[0]!.reportId!;
    let check = await a.checkStore(store, { rules: a.rules });
    expect(rateFindings(check.findings)).toHaveLength(1);
    const read = check.readings.reports[0]!.headline.execution_rate!;
    const right = check.findings.find((f) => f.rule === "rate_mismatch")!.expected!;
    await store.close();

    // 2. The auditor corrects it (the expected value, as if the print said so), through the command:
    //    the rate is printed twice (a table and the prose), so both statements.
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    let status = 0;
    for (const field of ["execution_rate", "execution_rate#2"])
      status += await a.review.runCorrect(id.slice(0, 10), field, right, {
        db: dbFile,
        reason: "对照原件",
        by: "审计员甲",
      });
    stderr.mockRestore();
    expect(status).toBe(0);
    store = await a.openStore(dbFile);
    check = await a.checkStore(store, { rules: a.rules });
    expect(rateFindings(check.findings)).toEqual([]);
    await store.close();

    // 3. Another version: the same file is extracted again and its reading replaced.
    vi.resetModules();
    vi.doMock("../../src/version.js", () => ({ VERSION: "99.0.0-test" }));
    const b = await selfeval();
    expect(b.VERSION).toBe("99.0.0-test");
    expect(b.VERSION).not.toBe(a.VERSION);
    store = await b.openStore(dbFile);
    const again = await b.ingest(store, [SAMPLE], { ocr: "never", concurrency: 1 });
    expect(again.results.map((r) => r.outcome)).toEqual(["ok"]); // re-extracted, not "unchanged"
    const row = await store.db
      .selectFrom("reports")
      .select(["extractor", "record_json"])
      .where("report_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.extractor).toBe("99.0.0-test");
    // The stored reading is the extraction itself: nothing was edited in place.
    expect(JSON.parse(row.record_json!).headline.execution_rate.value).toBe(read.value);

    // 4. The correction is applied over the new reading, shown as corrected, and the checks use it.
    const loaded = await b.readings.loadReadings(store);
    const rate = loaded.reports[0]!.headline.execution_rate!;
    expect(rate.value).toBe(right);
    expect(loaded.applied.map((x) => x.path).sort()).toEqual(["execution_rate", "execution_rate#2"]);
    expect(rate.correction).toMatchObject({ original: read.value, reason: "对照原件", author: "审计员甲" });
    expect(loaded.unapplied).toEqual([]);
    const after = await b.checkStore(store, { rules: b.rules });
    expect(rateFindings(after.findings)).toEqual([]);
    await store.close();
    vi.doUnmock("../../src/version.js");
  });
});
