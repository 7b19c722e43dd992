/**
 * node dist/bench/glyphs.js [GARBLED.pdf [SOURCE.pdf]] — text layers without Unicode maps read two
 * ways, side by side in one run with one pool of OCR workers (one per core): decoded from their
 * glyphs (src/glyphs, the default) and by page OCR of their renderings (what selfeval did before).
 * Per page: seconds (wall and CPU of the whole process, OCR workers included), character error rate
 * against the text layer of the PDF the garbled one was made from, and for glyph decoding the
 * characters read wrong without being marked uncertain.
 *
 * Without arguments: every PDF of scripts/probes/p14/corpus, each against its source in the other
 * probe sets (the same name without the "-无映射" suffix the set gives its files).
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { definitions } from "../pipelines/definitions.js";
import { processFile } from "../src/cli/load-document.js";
import { decodeGlyphs } from "../src/glyphs/stage.js";
import type { PageContent } from "../src/layout/page-model.js";
import { textRunsToLines } from "../src/layout/text-runs-to-lines.js";
import { OcrEngines } from "../src/ocr/engine.js";
import { ocrPages } from "../src/ocr/stage.js";
import { openDocument, readPdfPages } from "../src/pdf/stages.js";
import type { StageContext } from "../src/pipeline/stage.js";
import { machineLine, peakRssMb } from "./machine.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROBES = path.join(ROOT, "scripts/probes");
const GARBLED_SET = path.join(PROBES, "p14/corpus");
const SUFFIX = "-无映射";

function pairs(argv: readonly string[]): Array<{ garbled: string; source: string }> {
  if (argv[0]) {
    const garbled = path.resolve(argv[0]);
    return [{ garbled, source: path.resolve(argv[1] ?? garbled.replace(`${SUFFIX}.pdf`, ".pdf")) }];
  }
  const sources = new Map<string, string>();
  for (const set of readdirSync(PROBES).filter((d) => /^p\d+$/.test(d) && d !== "p14")) {
    const dir = path.join(PROBES, set, "corpus");
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".pdf"))) sources.set(f, path.join(dir, f));
  }
  return readdirSync(GARBLED_SET)
    .filter((f) => f.endsWith(".pdf"))
    .sort()
    .flatMap((f) => {
      const source = sources.get(f.replace(`${SUFFIX}.pdf`, ".pdf"));
      return source ? [{ garbled: path.join(GARBLED_SET, f), source }] : [];
    });
}

interface Char {
  ch: string;
  conf?: number;
}

/** A page's lines (by baseline) as characters without spaces, NFKC. */
function lineChars(page: PageContent): Map<number, Char[]> {
  const out = new Map<number, Char[]>();
  for (const l of textRunsToLines(page.runs, page.number)) {
    const t = l.text;
    const chars: Char[] = [];
    for (let i = 0; i < t.text.length; i++) {
      if (!/\s/.test(t.text[i]!))
        chars.push({ ch: t.text[i]!.normalize("NFKC"), conf: t.locate(i, i + 1).conf });
    }
    out.set(Math.round(l.y0), [...(out.get(Math.round(l.y0)) ?? []), ...chars]);
  }
  return out;
}

const pageText = (page: PageContent): string =>
  [...lineChars(page).entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([, cs]) => cs.map((c) => c.ch))
    .join("");

/** Kangxi and supplementary radicals: what Chromium's own Unicode maps give for some characters. */
const RADICAL = /[\u2e80-\u2fdf]/u;

function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] || RADICAL.test(a[i - 1]!);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Characters of a decoded page that differ from the source line for line and carry no uncertainty. */
function silentErrors(decoded: PageContent, source: PageContent): number {
  const got = lineChars(decoded);
  let n = 0;
  for (const [y, want] of lineChars(source)) {
    const mine = got.get(y);
    if (!mine || mine.length !== want.length) continue;
    want.forEach((c, i) => {
      const d = mine[i]!;
      if (d.ch !== c.ch && !RADICAL.test(c.ch) && d.conf === undefined) n++;
    });
  }
  return n;
}

interface Way {
  pages: number;
  wall: number;
  cpu: number;
  edits: number;
  chars: number;
  silent: number;
  fallback: number;
}

const way = (): Way => ({ pages: 0, wall: 0, cpu: 0, edits: 0, chars: 0, silent: 0, fallback: 0 });

async function main(): Promise<void> {
  const docs = pairs(process.argv.slice(2));
  const engines = new OcrEngines({ workers: os.availableParallelism(), engine: "tesseract" });
  const ctx = (): StageContext => ({
    ocr: "auto",
    maxPages: 2000,
    maxImagePixels: 1e8,
    services: { ocr: engines },
  });
  const glyphStage = decodeGlyphs(definitions);
  const load = os.loadavg()[0]!;
  console.log(`bench:glyphs — ${machineLine()}; load average ${load.toFixed(1)} at the start`);
  if (load > os.availableParallelism() * 0.5) console.log("warning: the machine is busy; timings are noisy");
  // Warm the workers up, so that neither way pays for their start.
  await processFile(docs[0]!.garbled, [openDocument, readPdfPages, glyphStage], ctx());
  const total = { glyphs: way(), ocr: way() };
  for (const { garbled, source } of docs) {
    const ref = await processFile(source, [openDocument, readPdfPages], ctx());
    const line: string[] = [];
    for (const [name, stages] of [
      ["glyphs", [openDocument, readPdfPages, glyphStage, ocrPages]],
      ["ocr", [openDocument, readPdfPages, ocrPages]],
    ] as const) {
      const w = total[name];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await processFile(garbled, stages, ctx());
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const pages = r.pages.filter((p) => p.source !== "text_layer");
      let edits = 0;
      let chars = 0;
      for (const p of pages) {
        const want = [...pageText(ref.pages[p.number - 1]!)];
        edits += editDistance(want, [...pageText(p)]);
        chars += want.length;
        if (p.source === "glyphs") w.silent += silentErrors(p, ref.pages[p.number - 1]!);
        if (name === "glyphs" && p.source === "ocr") w.fallback++;
      }
      w.pages += pages.length;
      w.wall += wall;
      w.cpu += (c.user + c.system) / 1e6;
      w.edits += edits;
      w.chars += chars;
      line.push(
        `${name} ${(wall / Math.max(1, pages.length)).toFixed(2)} s/page, CER ${((100 * edits) / Math.max(1, chars)).toFixed(2)} %`,
      );
    }
    console.log(`${path.basename(garbled)}: ${line.join("; ")}`);
  }
  await engines.close();
  const show = (name: string, w: Way): string =>
    `${name}: ${w.pages} pages, ${(w.wall / w.pages).toFixed(2)} s/page wall, ${(w.cpu / w.pages).toFixed(2)} s/page CPU, CER ${((100 * w.edits) / w.chars).toFixed(2)} %`;
  console.log(
    `\n${show("glyph decoding", total.glyphs)}, ${total.glyphs.silent} characters wrong and not marked uncertain, ${total.glyphs.fallback} pages left to page OCR`,
  );
  console.log(show("page OCR      ", total.ocr));
  console.log(
    `glyph decoding takes ${(total.glyphs.wall / total.glyphs.pages / (total.ocr.wall / total.ocr.pages)).toFixed(2)}× page OCR's time per page; peak RSS ${peakRssMb()} MB`,
  );
}

await main();
