#!/usr/bin/env node
// Developers only (needs qpdf and poppler-utils): garbled-text-layer probe sets made from text PDFs
// that have gold files, by strip-tounicode.mjs; the gold is copied with render "garbled".
// Usage: node scripts/glyphs/make-garbled-sets.mjs OUT_DIR SRC_CORPUS_DIR...
// Each source folder becomes OUT_DIR/<folder's parent name>/corpus (scripts/probes/p1/corpus → p1).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stripToUnicode } from "./strip-tounicode.mjs";

const [outRoot, ...sources] = process.argv.slice(2);
if (!outRoot || sources.length === 0) {
  console.error("usage: make-garbled-sets.mjs OUT_DIR SRC_CORPUS_DIR...");
  process.exit(2);
}
const CJK = /[\u4e00-\u9fff]/g;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { maxBuffer: 1 << 28, ...opts });

for (const src of sources) {
  const name = path.basename(path.dirname(path.resolve(src)));
  const out = path.join(outRoot, name, "corpus");
  mkdirSync(out, { recursive: true });
  for (const g of readdirSync(src).filter((f) => f.endsWith(".gold.json"))) {
    const gold = JSON.parse(readFileSync(path.join(src, g), "utf8"));
    if ((gold.render ?? "text") !== "text") continue;
    const pdf = path.join(src, gold.file ?? g.replace(/\.gold\.json$/, ".pdf"));
    if (!existsSync(pdf)) continue;
    const dst = path.join(out, path.basename(pdf));
    const removed = stripToUnicode(pdf, dst);
    const before = (run("pdftotext", [pdf, "-"], { encoding: "utf8" }).match(CJK) ?? []).length;
    const after = (run("pdftotext", [dst, "-"], { encoding: "utf8" }).match(CJK) ?? []).length;
    writeFileSync(path.join(out, g), `${JSON.stringify({ ...gold, render: "garbled" }, null, 2)}\n`);
    console.log(
      `${name}/${path.basename(pdf)}: ${removed} maps removed, CJK in pdftotext ${before} → ${after}`,
    );
  }
}
