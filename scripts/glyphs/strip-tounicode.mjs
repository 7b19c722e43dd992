#!/usr/bin/env node
// Developers only (needs qpdf): a PDF whose fonts lose their Unicode maps. Every /ToUnicode entry is
// deleted from the font dictionaries (as tests/fixtures/garbled-text-layer.pdf is made): the text
// layer then holds glyph codes without meaning while the pages render exactly as before.
// Usage: node scripts/glyphs/strip-tounicode.mjs IN.pdf OUT.pdf [PAGES, e.g. 1-2]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const run = (cmd, args) => execFileSync(cmd, args, { maxBuffer: 1 << 28 });

/** Writes `dst`; returns how many /ToUnicode entries were removed. */
export function stripToUnicode(src, dst, pages) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "garble-"));
  try {
    let input = src;
    if (pages) {
      input = path.join(tmp, "pages.pdf");
      run("qpdf", [src, "--pages", ".", pages, "--", input]);
    }
    const qdf = path.join(tmp, "q.pdf");
    run("qpdf", ["--qdf", "--object-streams=disable", input, qdf]);
    const text = readFileSync(qdf, "latin1");
    const re = /^\s*\/ToUnicode \d+ 0 R\s*\n/gm;
    const removed = (text.match(re) ?? []).length;
    const edited = path.join(tmp, "e.pdf");
    writeFileSync(edited, text.replace(re, ""), "latin1");
    // fix-qdf recomputes stream lengths and the xref after the edit
    const fixed = path.join(tmp, "f.pdf");
    writeFileSync(fixed, run("fix-qdf", [edited]));
    run("qpdf", ["--deterministic-id", "--object-streams=generate", "--compress-streams=y", fixed, dst]);
    return removed;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [src, dst, pages] = process.argv.slice(2);
  if (!src || !dst) {
    console.error("usage: strip-tounicode.mjs IN.pdf OUT.pdf [PAGES]");
    process.exit(2);
  }
  console.log(`${stripToUnicode(src, dst, pages)} /ToUnicode entries removed → ${dst}`);
}
