#!/usr/bin/env node
// Developers only: how well the glyph map of a garbled PDF is read, against the PDF it was made from
// (same pages, runs and codes; the source still has its Unicode maps). Run after `npm run build`.
// Usage: node scripts/glyphs/measure-glyph-map.mjs GARBLED.pdf SOURCE.pdf [--errors]
import { readFileSync } from "node:fs";
import { definitions } from "../../dist/pipelines/definitions.js";
import { glyphInventory, glyphKey } from "../../dist/src/glyphs/glyph-inventory.js";
import { readGlyphMap } from "../../dist/src/glyphs/read-glyph-map.js";
import { lineGlyphReader, tesseractGlyphReader } from "../../dist/src/glyphs/recognise-glyphs.js";
import { hanBigrams } from "../../dist/src/glyphs/vocabulary-prior.js";
import { OcrEngines } from "../../dist/src/ocr/engine.js";
import { OcrPool } from "../../dist/src/ocr/tesseract-pool.js";
import { InProcessSource } from "../../dist/src/pdf/document-source.js";

const [garbled, source] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const g = await InProcessSource.open(new Uint8Array(readFileSync(garbled)), {});
const s = await InProcessSource.open(new Uint8Array(readFileSync(source)), {});
const { pages } = await g.readPages();
const truth = new Map();
const glyphPages = new Map();
for (const p of pages) {
  const a = await g.glyphs(p);
  const b = await s.glyphs(p);
  glyphPages.set(p.number, a);
  a.runs.forEach((r, i) => {
    r.glyphs.forEach((x, j) => {
      const t = b.runs[i]?.glyphs[j];
      if (t) truth.set(glyphKey(r.font, x.code), t.unicode);
    });
  });
}
const segmentsOf = (n) => pages[n - 1].segments;
const inventory = glyphInventory([...glyphPages.values()], segmentsOf);
const pool = new OcrPool({ workers: Number(process.env.WORKERS ?? 2) });
const engines = new OcrEngines({ workers: Number(process.env.WORKERS ?? 2) });
const c0 = process.cpuUsage();
const t0 = performance.now();
const { map, stats } = await readGlyphMap({
  inventory,
  segmentsOf,
  rasterOf: (n) => g.raster(pages[n - 1], { dpi: 300, maxPixels: 2e8 }),
  recognise: process.env.GLYPH_READER === "tesseract" ? tesseractGlyphReader(pool) : lineGlyphReader(engines),
  second: process.env.GLYPH_SECOND === "paddle" ? lineGlyphReader(engines) : tesseractGlyphReader(pool),
  bigrams: hanBigrams(definitions),
});
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
await pool.close();
await engines.close();
const norm = (x) => x.normalize("NFKC").trim();
let right = 0,
  wrongCertain = 0,
  wrongUncertain = 0,
  rightUncertain = 0,
  occ = 0,
  occWrongCertain = 0,
  occUncertain = 0;
const errors = [];
for (const e of inventory.glyphs) {
  const d = map.get(e.key);
  const t = truth.get(e.key) ?? "";
  const ok = norm(d.text) === norm(t);
  occ += e.count;
  if (!d.certain) occUncertain += e.count;
  if (ok) {
    right++;
    if (!d.certain) rightUncertain++;
  } else if (d.certain) {
    wrongCertain++;
    occWrongCertain += e.count;
    errors.push(["CERTAIN", t, d.text, d.agree, d.total, e.count]);
  } else {
    wrongUncertain++;
    errors.push(["uncertain", t, d.text, d.agree, d.total, e.count, d.alternatives.join("|")]);
  }
}
const n = inventory.glyphs.length;
console.log(
  `${garbled.split("/").pop()}: ${pages.length} pages, ${n} glyphs of ${inventory.fonts.filter((f) => !f.trusted).length} fonts; ` +
    `right ${right} (${((100 * right) / n).toFixed(1)} %), wrong-certain ${wrongCertain}, wrong-uncertain ${wrongUncertain}, right-uncertain ${rightUncertain}; ` +
    `occurrences ${occ}: wrong-certain ${occWrongCertain}, uncertain ${occUncertain}; ` +
    `${stats.glyphReads} glyph reads in ${stats.strips} strips, ${stats.rounds} rounds; ${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
);
if (process.argv.includes("--errors")) for (const e of errors) console.log(JSON.stringify(e));
await g.close();
await s.close();
