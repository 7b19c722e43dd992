/**
 * Finding a report's PDF again for its evidence crops. Paths were stored as given at ingest time,
 * often relative, so each is tried against the current directory and the database's folder; a file
 * counts only if its SHA-256 is the report id — a crop from an edited file would show other print.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "../store/db.js";

export type SourceLookup =
  | { found: true; file: string; bytes: Uint8Array }
  | { found: false; reason: string };

export function candidatePaths(db: Db, reportId: string, dbFile: string): string[] {
  const stored = [
    ...(db.prepare("SELECT source_path AS p FROM reports WHERE report_id = ?").all(reportId) as Array<{
      p: string;
    }>),
    ...(db
      .prepare("SELECT path AS p FROM source_paths WHERE report_id = ? ORDER BY first_seen")
      .all(reportId) as Array<{
      p: string;
    }>),
  ].map((r) => r.p);
  const bases = [process.cwd(), path.dirname(path.resolve(dbFile))];
  const out: string[] = [];
  for (const p of stored) {
    for (const b of path.isAbsolute(p) ? [""] : bases) {
      const abs = path.resolve(b, p);
      if (!out.includes(abs)) out.push(abs);
    }
  }
  return out;
}

export function findSourcePdf(db: Db, reportId: string, dbFile: string): SourceLookup {
  const candidates = candidatePaths(db, reportId, dbFile);
  let changed = false;
  for (const file of candidates) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    if (createHash("sha256").update(bytes).digest("hex") === reportId) return { found: true, file, bytes };
    changed = true;
  }
  return {
    found: false,
    reason: changed ? "原文件已被修改（内容与入库时不同）" : "找不到原文件",
  };
}
