/**
 * Hostile and broken files in one batch (small generated versions of bench:hostile's cases, read
 * with small limits): each ends failed, skipped or partial with one line saying what is wrong,
 * within its deadline; the batch goes on and ends with its summary, never a stack trace.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CaseSizes, hostileCases } from "../../bench/hostile-pdfs.js";
import { selfeval } from "../helpers/cli.js";
import { ROOT } from "../helpers/golden.js";

const SMALL: CaseSizes = { imageSide: 1500, bombBytes: 24 << 20, runs: 40_000, denseBytes: 100_000 };
const TIMEOUT_S = 15;

let lines: Array<{ file: string; status: string; reason: string | null; ms: number }>;
let run: ReturnType<typeof selfeval>;

beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "selfeval-hostile-"));
  const input = path.join(dir, "in");
  mkdirSync(input);
  for (const c of hostileCases(ROOT, SMALL)) writeFileSync(path.join(input, c.name), c.bytes());
  run = selfeval([
    "ingest",
    input,
    "--db",
    path.join(dir, "h.db"),
    "--json",
    "--ocr",
    "never",
    "--max-image-megapixels",
    "1",
    "--timeout",
    String(TIMEOUT_S),
  ]);
  lines = run.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
});

const outcome = (name: string) => {
  const l = lines.find((x) => path.basename(x.file) === name);
  if (!l) throw new Error(`no line for ${name}:\n${run.stderr}`);
  return l;
};

describe("a batch of hostile files", () => {
  it("ends with exit 1, a line per file and no stack trace", () => {
    expect(run.status, run.stderr).toBe(1);
    expect(lines.length).toBe(hostileCases(ROOT, SMALL).length);
    expect(run.stderr).not.toMatch(/unexpected error|\n\s+at |Error:/);
  });

  it.each([
    ["image-bomb-rgb.pdf", /image of 1500×1500 px .* over the limit of 1 megapixels.*--max-image-megapixels/],
    ["image-bomb-gray.pdf", /image of 1500×1500 px/],
    ["image-bomb-wide.pdf", /image of 7500×300 px/],
    ["soft-mask-bomb.pdf", /image of 1500×1500 px/],
    ["inline-image-bomb.pdf", /page 1 holds an image over the limit of 1 megapixels.*--max-image-megapixels/],
    ["content-stream-bomb.pdf", /compressed stream that expands to more than/],
    ["content-stream-bomb-nested.pdf", /compressed stream that expands to more than/],
    ["content-stream-bomb-lzw.pdf", /compressed stream that expands to more than \d+ MB \(LZWDecode/],
    ["content-stream-bomb-ascii85.pdf", /compressed stream that expands to more than \d+ MB \(FlateDecode/],
    ["content-stream-bomb-run-length.pdf", /expands to more than \d+ MB \(RunLengthDecode/],
    ["page-tree-loop.pdf", /damaged: none of its .* pages could be read/],
    ["page-tree-self-kid.pdf", /damaged/],
    ["no-pages.pdf", /has no pages/],
    ["negative-page-count.pdf", /impossible page count \(-5\)/],
    [
      "absurd-page-count.pdf",
      /damaged: its page tree declares 999999999 pages, but 1 was found.*re-download/,
    ],
    ["zip-named-pdf.pdf", /not a PDF: .*archive of type \.zip.*unpack it/],
    ["docx-named-pdf.pdf", /not a PDF: .*\.zip/],
    ["gzip-named-pdf.pdf", /not a PDF: .*\.gz/],
    ["png-named-pdf.pdf", /not a PDF: .*\.png.*convert/],
    ["html-named-pdf.pdf", /not a PDF \(no %PDF- header\)/],
    ["empty.pdf", /empty/],
    ["header-only.pdf", /damaged or truncated/],
    ["truncated-10.pdf", /damaged or truncated/],
    ["truncated-50.pdf", /damaged or truncated/],
    // A billion draws on one page: stopped by whichever bound it meets first, the per-document
    // timeout or the memory cap (which comes first depends on the machine's speed; both were seen).
    [
      "form-fanout.pdf",
      /longer than the per-document timeout|more than the \d+ MB of memory a document may use/,
    ],
  ])("%s fails with what is wrong", (name, re) => {
    const l = outcome(name);
    expect(l.status).toBe("failed");
    expect(l.reason).toMatch(re);
  });

  it("every file ends within its deadline (and the stopped one at it)", () => {
    for (const l of lines) expect(l.ms, l.file).toBeLessThan((TIMEOUT_S + 10) * 1000);
  });

  it("a page of too many text runs is read up to the cap, not for minutes", () => {
    const l = outcome("many-text-runs.pdf");
    expect(["skipped", "partial", "failed"]).toContain(l.status);
    expect(l.reason ?? "").not.toMatch(/timeout/);
  });

  it("files that open but hold nothing of a report are skipped, not failed", () => {
    for (const name of ["form-recursion.pdf", "deep-nesting.pdf", "dense-text.pdf"])
      expect(outcome(name).status, name).toBe("skipped");
  });
});
