/**
 * A small database built the way `selfeval ingest` and `check` build one, from text samples only
 * (no OCR, no ../shared), so the report tests run anywhere and quickly.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { rules } from "../../pipelines/rules.js";
import type { Report } from "../../schemas/report.js";
import { checkDatabase } from "../../src/checks/run-checks.js";
import { openStore, type Store } from "../../src/store/store.js";
import { SAMPLES } from "../helpers/golden.js";
import { extractSample } from "../helpers/read-sample.js";

export async function buildSampleDb(file: string, samples: readonly string[]): Promise<Store> {
  const db = await openStore(file);
  for (const name of samples) {
    const result = await extractSample(name);
    const record = result.record as Report | undefined;
    if (!record) throw new Error(`${name}: no record (${result.failure?.message ?? result.status})`);
    await db.saveReport(record, statSync(path.join(SAMPLES, name)).size);
  }
  await checkDatabase(db, { rules });
  return db;
}
