/**
 * Finding a report's PDF again for its evidence crops. Paths were stored as given at ingest time,
 * often relative, so each is tried against the current directory and the database's folder; a file
 * counts only if its SHA-256 is the report id — a crop from an edited file would show other print.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Store } from "../store/store.js";

export type SourceLookup =
  | { found: true; file: string; bytes: Uint8Array }
  | { found: false; reason: string };

export async function candidatePaths(store: Store, reportId: string): Promise<string[]> {
  const stored = await store.sourcePathsOf(reportId);
  const bases = [process.cwd(), ...(store.folder ? [store.folder] : [])];
  const out: string[] = [];
  for (const p of stored) {
    for (const b of path.isAbsolute(p) ? [""] : bases) {
      const abs = path.resolve(b, p);
      if (!out.includes(abs)) out.push(abs);
    }
  }
  return out;
}

export async function findSourcePdf(store: Store, reportId: string): Promise<SourceLookup> {
  const candidates = await candidatePaths(store, reportId);
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
