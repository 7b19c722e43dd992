#!/usr/bin/env node
// Evaluation (not a test): every probe corpus in scripts/probes/ through scripts/eval-corpus.mjs,
// then one summary line per set. Usage: npm run eval:probes [-- p1 p2 …]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const probes = path.join(root, "scripts/probes");
const wanted = process.argv.slice(2);
const sets = readdirSync(probes).filter(
  (d) => /^p\d+$/.test(d) && (wanted.length === 0 || wanted.includes(d)),
);
const summary = [];
for (const set of sets) {
  console.error(`== ${set}`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "scripts/eval-corpus.mjs"),
      path.join(probes, set, "corpus"),
      path.join(root, "output/probes", set),
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  process.stdout.write(r.stdout);
  const line = r.stdout.split("\n").find((l) => l.startsWith("SUMMARY"));
  summary.push(`${set}: ${line ?? "no summary (scorer missing?)"}`);
}
console.log(`\n${summary.join("\n")}`);
