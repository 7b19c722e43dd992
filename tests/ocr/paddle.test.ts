/**
 * PP-OCR's pieces: the recogniser's class list, CTC decoding, DB boxes, cuts of long lines, cell
 * splitting, the engine dispatch of the OCR stage, a worker that overruns its deadline, and a
 * process that exits while its workers are busy.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { PageContent } from "../../src/layout/page-model.js";
import { ctcDecode, cutColumns, mergePieces } from "../../src/ocr/paddle/ctc-recognize.js";
import { boxesFromProbabilities, detectorSize } from "../../src/ocr/paddle/db-detect.js";
import { ctcCharacters, paddleModels } from "../../src/ocr/paddle/models.js";
import { readingWords, splitAtCells } from "../../src/ocr/paddle/paddle-page.js";
import { PaddlePool, paddleWorkerCount } from "../../src/ocr/paddle/paddle-pool.js";
import { inkRows } from "../../src/ocr/paddle/reading-fixes.js";
import type { PageRaster } from "../../src/ocr/page-image.js";
import { ocrPages } from "../../src/ocr/stage.js";
import { newResult } from "../../src/pdf/stages.js";
import type { StageContext } from "../../src/pipeline/stage.js";

describe("the recogniser's classes", () => {
  it("are the CTC blank, the dictionary in order, then a space", () => {
    const chars = ctcCharacters(paddleModels().dictionary);
    expect(chars[0]).toBe("");
    expect(chars[chars.length - 1]).toBe(" ");
    // PP-OCRv4's recogniser has 6625 outputs: the 6623 characters of ppocr_keys_v1 plus blank and space.
    expect(chars).toHaveLength(6625);
    expect(chars.filter((c) => c === "").length).toBe(1);
  });
});

describe("greedy CTC decoding", () => {
  const classes = 4; // blank, a, b, space
  const characters = ["", "a", "b", " "];
  const steps = (best: number[]): Float32Array => {
    const p = new Float32Array(best.length * classes);
    best.forEach((c, t) => {
      p.fill(0.05, t * classes, (t + 1) * classes);
      p[t * classes + c] = 0.85;
    });
    return p;
  };

  it("collapses repeats, drops blanks, keeps a letter repeated across a blank", () => {
    const r = ctcDecode(steps([1, 1, 0, 1, 2, 2, 0, 3, 2]), 0, 9, classes, characters, 4);
    expect(r.text).toBe("aab b");
    expect(r.chars.map((c) => c.x0)).toEqual([0, 12, 16, 28, 32]);
    expect(r.chars[0]!.x1).toBe(8);
    expect(r.confidence).toBeCloseTo(85, 5);
  });

  it("reads nothing from blanks", () => {
    const r = ctcDecode(steps([0, 0, 0]), 0, 3, classes, characters, 4);
    expect(r).toEqual({ text: "", confidence: 0, chars: [] });
  });
});

describe("DB boxes", () => {
  it("one box per region above the threshold, grown by the unclip distance", () => {
    const w = 200;
    const h = 60;
    const prob = new Float32Array(w * h);
    const fill = (x0: number, y0: number, x1: number, y1: number, v: number): void => {
      for (let y = y0; y < y1; y++) prob.fill(v, y * w + x0, y * w + x1);
    };
    fill(10, 10, 90, 20, 0.9);
    fill(120, 30, 180, 40, 0.9);
    fill(100, 50, 104, 54, 0.4); // above 0.3 but its mean is below the box threshold
    const boxes = boxesFromProbabilities(prob, w, h);
    expect(boxes).toHaveLength(2);
    const [a] = boxes.sort((p, q) => p.x0 - q.x0);
    // 80 × 10 kernel: d = 800 × 1.5 / 180 ≈ 6.7
    expect(a!.x0).toBeCloseTo(10 - (800 * 1.5) / 180, 5);
    expect(a!.y1).toBeCloseTo(20 + (800 * 1.5) / 180, 5);
    expect(a!.score).toBeCloseTo(0.9, 5);
  });

  it("the detector's input is a multiple of 32 and bounded in pixels", () => {
    const [w, h] = detectorSize(2480, 3508, { scale: 0.5, maxPixels: 1e6 });
    expect(w % 32).toBe(0);
    expect(h % 32).toBe(0);
    expect(w * h).toBeLessThan(1.1e6);
    expect(detectorSize(2480, 3508, { scale: 0.25, maxPixels: 4e6 })).toEqual([608, 864]);
  });
});

describe("cutting a long line", () => {
  it("cuts in blank columns, never through ink when there is a gap", () => {
    const w = 1000;
    const h = 40;
    const data = new Uint8Array(w * h).fill(255);
    // "characters" 30 px wide with 10 px gaps; inside each, a blank column (a hollow character).
    for (let x0 = 0; x0 + 30 <= w; x0 += 40) {
      for (let y = 5; y < 35; y++)
        for (let x = x0; x < x0 + 30; x++) if (x !== x0 + 15 || y < 8 || y > 32) data[y * w + x] = 0;
    }
    const cuts = cutColumns({ width: w, height: h, data }, 300);
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    for (const c of cuts) expect(c % 40).toBeGreaterThanOrEqual(30);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]! - cuts[i - 1]!).toBeLessThanOrEqual(300);
  });

  const ch = (text: string, at: number) => ({ text, prob: 0.9, x0: at - 4, x1: at + 4 });

  it("keeps a character both pieces placed past the cut, once", () => {
    // Characters every 70 px; the cut at 300 runs through the one at 300, which the left piece
    // read at 306 (past the cut) and the right piece at 294 (before it): each drops its reading.
    const left = [ch("a", 20), ch("b", 90), ch("c", 160), ch("d", 230), ch("门", 306), ch("e", 372)];
    const right = [ch("d", 228), ch("门", 294), ch("e", 370), ch("f", 440), ch("g", 510)];
    const merged = mergePieces([left, right], [0, 300, 560], 60);
    expect(merged.map((c) => c.text).join("")).toBe("abcd门efg");
  });

  it("adds no second reading of a kept character", () => {
    // "2022" with a digit every 40 px: the right piece's extra reading of the kept 2 lies 22 px off.
    const left = [ch("年", 0), ch("2", 80), ch("0", 120), ch("2", 160), ch("2", 222)];
    const right = [ch("2", 178), ch("2", 200), ch("年", 280), ch("部", 350), ch("门", 420)];
    const merged = mergePieces([left, right], [0, 190, 460], 60);
    expect(merged.map((c) => c.text).join("")).toBe("年2022年部门");
  });

  it("leaves a short line whole", () => {
    expect(cutColumns({ width: 100, height: 40, data: new Uint8Array(4000).fill(255) }, 300)).toEqual([]);
  });
});

describe("segments and table cells", () => {
  const cells = [
    { x0: 0, x1: 100, y0: 0, y1: 50 },
    { x0: 100, x1: 300, y0: 0, y1: 50 },
  ];

  it("a segment across a cell border becomes one box per cell", () => {
    const out = splitAtCells([{ x0: 10, y0: 10, x1: 250, y1: 40, score: 1 }], cells);
    // Each box stays inside its cell, past the removed border's remains (2 px at this height).
    expect(out).toEqual([
      { x0: 10, y0: 10, x1: 98, y1: 40 },
      { x0: 102, y0: 10, x1: 250, y1: 40 },
    ]);
  });

  it("a segment whose margin only reaches over a border is kept within its cell", () => {
    const out = splitAtCells([{ x0: 10, y0: 10, x1: 110, y1: 40, score: 1 }], cells);
    expect(out).toEqual([{ x0: 10, y0: 10, x1: 98, y1: 40 }]);
  });

  it("a speck straddling a border (a ruling's remains) is dropped; one outside the tables stays", () => {
    expect(splitAtCells([{ x0: 92, y0: 10, x1: 108, y1: 40, score: 1 }], cells)).toEqual([]);
    const outside = { x0: 400, y0: 10, x1: 410, y1: 40, score: 1 };
    expect(splitAtCells([outside], cells)).toEqual([outside]);
  });

  it("a segment's ink rows skip the margin and a bracket's tails", () => {
    const w = 200;
    const data = new Uint8Array(w * 50).fill(255);
    for (let y = 12; y < 38; y++) data.fill(0, y * w + 20, y * w + 180); // the characters
    for (let y = 4; y < 46; y++) data[y * w + 5] = 0; // a bracket, taller than them
    data.fill(0, 1 * w + 100, 1 * w + 110); // a neighbour's descender at the top edge
    expect(inkRows({ width: w, height: 50, data })).toEqual({ top: 12, bottom: 38 });
    expect(inkRows({ width: w, height: 50, data: new Uint8Array(w * 50).fill(255) })).toBeUndefined();
  });

  it("a reading splits into words at spaces and wide gaps", () => {
    const chars = [
      { text: "1", prob: 0.9, x0: 0, x1: 4 },
      { text: "0", prob: 0.9, x0: 10, x1: 14 },
      { text: " ", prob: 0.9, x0: 20, x1: 24 },
      { text: "年", prob: 0.8, x0: 30, x1: 34 },
      { text: "份", prob: 0.8, x0: 200, x1: 204 },
    ];
    const words = readingWords(
      { text: "10 年份", confidence: 86, chars },
      { x0: 100, y0: 0, x1: 320, y1: 40 },
    );
    expect(words.map((w) => w.text)).toEqual(["10", "年", "份"]);
    expect(words[1]!.confidence).toBeCloseTo(80, 5);
    expect(words[0]!.x0).toBeGreaterThanOrEqual(100);
    expect(words[2]!.x1).toBeLessThanOrEqual(320);
  });
});

describe("the OCR stage", () => {
  const page: PageContent = {
    number: 1,
    width: 100,
    height: 100,
    runs: [],
    segments: [],
    images: [],
    kind: "image_only",
    kindReason: "test",
    source: "text_layer",
  };
  const raster: PageRaster = {
    width: 10,
    height: 10,
    data: new Uint8Array(100).fill(255),
    scaleX: 0.1,
    scaleY: 0.1,
    originX: 0,
    originY: 0,
    dpi: 7,
    source: "rendered",
  };

  it.each(["paddle", "both"] as const)("engine %s reads pages with PP-OCR", async (engine) => {
    const calls: string[] = [];
    const service = {
      engine,
      size: 1,
      readPaddlePage: async (_r: PageRaster, c: PageContent) => {
        calls.push("paddle");
        return { content: { ...c, source: "ocr" as const }, skew: 0, meanConfidence: 99, ms: 1 };
      },
      recognize: async () => {
        calls.push("tesseract");
        return [];
      },
    };
    const result = newResult({ path: "x.pdf", fileName: "x.pdf", size: 0, sha256: "" });
    result.pages = [page];
    result.reader = { raster: async () => raster } as unknown as typeof result.reader;
    const ctx: StageContext = { ocr: "auto", maxPages: 10, maxImagePixels: 1e8, services: { ocr: service } };
    await ocrPages.run(result, ctx);
    expect(calls).toEqual(["paddle"]);
    expect(result.pages[0]!.source).toBe("ocr");
    // --ocr-engine in the document's own context wins over the batch's.
    calls.length = 0;
    result.pages = [page];
    await ocrPages.run(result, { ...ctx, ocrEngine: "tesseract" });
    expect(calls[0]).toBe("tesseract");
  });
});

describe("PP-OCR workers", () => {
  it("are sized by cores and by memory", () => {
    expect(paddleWorkerCount(3)).toBe(3);
    expect(paddleWorkerCount()).toBeGreaterThanOrEqual(1);
  });

  it("a request past its deadline ends its worker, and a fresh worker serves the next", async () => {
    const pool = new PaddlePool({ workers: 1, requestTimeoutMs: 1 });
    const line = { width: 200, height: 48, data: new Uint8Array(200 * 48).fill(255) };
    try {
      await expect(pool.recognizeLines([line])).rejects.toThrow(/longer than/);
      pool.timeoutMs = 120_000;
      const [r] = await pool.recognizeLines([line]);
      expect(r!.text).toBe("");
    } finally {
      await pool.close();
    }
    await expect(pool.recognizeLines([line])).rejects.toThrow(/closed/);
  });

  it("a process exiting while a worker is inside a run keeps its own exit status and leaves no worker behind", async () => {
    // Ending onnxruntime mid-run inside a worker thread aborted the whole process at exit (under
    // load: "terminate called after throwing an instance of 'Napi::Error'", status lost). Workers
    // are processes now: the exit status is the process's own, and the workers die with it.
    const pool = pathToFileURL(new URL("../../dist/src/ocr/paddle/paddle-pool.js", import.meta.url).pathname);
    const script = `
      import { execSync } from "node:child_process";
      const { PaddlePool } = await import(${JSON.stringify(pool.href)});
      const pool = new PaddlePool({ workers: 2 });
      const w = 960, h = 48, noise = () => {
        const data = new Uint8Array(w * h);
        for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) % 251;
        return { width: w, height: h, data };
      };
      // Two workers kept busy for far longer than the exit below waits.
      for (let k = 0; k < 2; k++) pool.recognizeLines(Array.from({ length: 400 }, noise)).catch(() => {});
      setTimeout(() => {
        const kids = execSync("ps -o pid= --ppid " + process.pid).toString().trim().split(/\\s+/).filter(Boolean);
        process.stdout.write(kids.filter((p) => p !== String(process.pid)).join(" "));
        process.exit(130);
      }, 4000);
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/terminate called|Napi::Error/);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(130);
    const kids = run.stdout.trim().split(" ").filter(Boolean).map(Number);
    // The two workers (and ps itself, already gone).
    expect(kids.length).toBeGreaterThanOrEqual(2);
    // Gone, or a zombie waiting for whichever process reaps orphans here. SIGKILL is delivered at
    // once but a busy machine may take a moment to end the process: allow it 15 s.
    const isAlive = (pid: number): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
      } catch {
        return false;
      }
    };
    const until = Date.now() + 15_000;
    let alive = kids.filter(isAlive);
    while (alive.length > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      alive = alive.filter(isAlive);
    }
    expect(alive).toEqual([]);
  }, 180_000);
});
