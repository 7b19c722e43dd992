#!/usr/bin/env node
// Evaluation (not a test): ingest a gold corpus, run the checks, export, and score the export with
// the corpus's scorer. Usage: npm run eval:corpus [-- CORPUS_DIR [OUT_DIR]]
// Defaults to ../shared/corpus, which users do not have; npm test never needs it.
// EVAL_INGEST_ARGS adds ingest options (e.g. "--timeout 1800 --ocr never" on a loaded machine).
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(process.argv[2] ?? path.join(root, "../shared/corpus"));
const out = path.resolve(process.argv[3] ?? path.join(root, "output/eval"));
const scorer = process.env.SCORER ?? path.join(root, "../shared/tools/score-export.py");
if (!existsSync(corpus)) {
  console.error(`eval-corpus: ${corpus} not found — pass the corpus folder as the first argument`);
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
const db = path.join(out, "selfeval.db");
const cli = (args) => {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "bin/selfeval.js"), ...args], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  console.error(`(${args[0]}: ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${r.status})`);
  return r.status;
};
const extra = (process.env.EVAL_INGEST_ARGS ?? "").split(/\s+/).filter(Boolean);
cli(["ingest", corpus, "--db", db, ...extra]);
cli(["check", "--db", db, "--quiet"]);
cli(["export", "--db", db, "--out", out]);
if (existsSync(scorer)) {
  spawnSync("python3", [scorer, corpus, out], { stdio: "inherit" });
} else console.error(`scorer ${scorer} not found: export left in ${out}`);
