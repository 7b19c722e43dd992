/**
 * Text layers whose fonts have no Unicode map, decoded from their glyphs (src/glyphs): the page
 * keeps the PDF's own positions, and reads as the same PDF with its maps does — every character
 * that differs from it must be marked uncertain (a low confidence), never passed off as read.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readStages } from "../../pipelines/read.js";
import { defaultContext, processFile } from "../../src/cli/load-document.js";
import type { PageContent } from "../../src/layout/page-model.js";
import { textRunsToLines } from "../../src/layout/text-runs-to-lines.js";
import { ROOT } from "../helpers/golden.js";

const read = (file: string, ocr: "auto" | "never" = "auto") =>
  processFile(file, readStages, defaultContext({ ocr, ocrWorkers: 2 }));

/** Kangxi and supplementary radicals: what Chromium's own Unicode maps give for some common characters. */
const RADICAL = /[\u2e80-\u2fdf]/;

interface Char {
  ch: string;
  conf?: number;
}

/** Each line of a page (by baseline) as its characters, without spaces, NFKC. */
function lineChars(page: PageContent): Array<{ y: number; chars: Char[] }> {
  return textRunsToLines(page.runs, page.number).map((l) => {
    const t = l.text;
    const chars: Char[] = [];
    for (let i = 0; i < t.text.length; i++) {
      if (/\s/.test(t.text[i]!)) continue;
      chars.push({ ch: t.text[i]!, conf: t.locate(i, i + 1).conf });
    }
    return { y: Math.round(l.y0), chars };
  });
}

describe("glyph decoding of text layers without Unicode maps", () => {
  it("decodes a LibreOffice page (Type 1 CJK subsets, digits in the CJK font) at its own positions", async () => {
    const r = await read(path.join(ROOT, "tests/fixtures/garbled-text-layer.pdf"));
    const page = r.pages[0]!;
    expect(page.source).toBe("glyphs");
    expect(page.kind).toBe("text");
    expect(page.kindReason).toMatch(/decoded from its glyphs/);
    const chars = lineChars(page).flatMap((l) => l.chars);
    // The fixture's text (scripts/samples/lib/fixtures.mjs), as printed, without spaces.
    const printed = [
      "云岭市青川区农业农村局",
      "2023年度部门整体支出绩效自评报告（摘要）",
      "一、部门基本情况",
      "本局核定编制二十六名，年末实有在职人员二十四人，主要负责全区农业农村发展规划、高标准农田建设、农产品质量安全监管和乡村振兴相关工作。",
      "二、预算执行情况",
      "全年预算数9,862,400.00元，全年执行数9,515,307.20元，预算执行率为96.48%。",
      "三、自评结论",
      "经逐项评价，本局本年度部门整体支出绩效自评得分为八十九点五分，评价等级为良。",
    ]
      .join("")
      .normalize("NFKC");
    const want = [...printed];
    expect(chars).toHaveLength(want.length);
    const wrong = chars.filter((c, i) => c.ch.normalize("NFKC") !== want[i]);
    expect(wrong.length).toBeLessThanOrEqual(3);
    // No character read wrong without saying so; the figures are read exactly.
    expect(wrong.filter((c) => c.conf === undefined)).toEqual([]);
    const text = chars.map((c) => c.ch).join("");
    expect(text).toContain("9,862,400.00元");
    expect(text).toContain("9,515,307.20元");
    expect(text).toContain("96.48%");
    expect(r.issues.map((i) => i.code)).not.toContain("needs_ocr");
  });

  it("reads a Chromium page (a Type 3 font every few glyphs) as the same page with its maps, uncertain where it differs", async () => {
    const garbled = await read(path.join(ROOT, "tests/fixtures/garbled-type3-fonts.pdf"));
    const source = await read(
      path.join(ROOT, "scripts/probes/p1/corpus/东陵市望川县民政局-2023.pdf"),
      "never",
    );
    const decoded = garbled.pages[0]!;
    expect(decoded.source).toBe("glyphs");
    const want = lineChars(source.pages[0]!);
    const got = new Map(lineChars(decoded).map((l) => [l.y, l.chars]));
    let chars = 0;
    let same = 0;
    const silent: string[] = [];
    for (const line of want) {
      const mine = got.get(line.y);
      expect(mine?.length, `line at y=${line.y}: ${line.chars.map((c) => c.ch).join("")}`).toBe(
        line.chars.length,
      );
      line.chars.forEach((c, i) => {
        const d = mine![i]!;
        chars++;
        if (d.ch.normalize("NFKC") === c.ch.normalize("NFKC") || RADICAL.test(c.ch)) same++;
        else if (d.conf === undefined) silent.push(`${c.ch}→${d.ch} (y=${line.y})`);
      });
    }
    expect(chars).toBeGreaterThan(700);
    expect(same / chars).toBeGreaterThan(0.99);
    // Every character read differently from the source is marked uncertain.
    expect(silent).toEqual([]);
  });
});
