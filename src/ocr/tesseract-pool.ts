/**
 * One pool of tesseract.js workers for the whole batch: created once, shared by every document
 * (pages of several documents interleave), terminated on exit. Language data comes from the
 * @tesseract.js-data packages in node_modules — never from a CDN: without `langPath` tesseract.js
 * would fetch from jsdelivr, so a missing file is an error here, not a download.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import PQueue from "p-queue";
import Tesseract from "tesseract.js";

const require = createRequire(import.meta.url);

/** Page segmentation modes used here (tesseract's PSM numbers). */
export type Psm = "3" | "4" | "6" | "7";

export interface OcrWord {
  text: string;
  confidence: number;
  /** Pixel box in the submitted image. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Baseline y (pixels) of the word's line. */
  baseline: number;
  /** Height of the line the word is on (pixels), used as the font size. */
  lineHeight: number;
  /** Character boxes (pixels), when tesseract gives them. */
  symbols?: Array<{ text: string; x0: number; y0: number; x1: number; y1: number }>;
}

export interface OcrPoolOptions {
  workers?: number;
  /** Languages, "+"-joined (default chi_sim+eng). */
  langs?: string;
  /** Folder for the language files the workers read (default: a folder under the OS temp dir). */
  dataDir?: string;
  /** Milliseconds to wait for a worker to start (a failed language load can hang forever). */
  startTimeoutMs?: number;
}

const LANGS = ["chi_sim", "eng"] as const;

/**
 * tesseract.js wants one folder holding `<lang>.traineddata.gz` for every language; the packages
 * keep each language in its own folder, so link (or copy) them side by side. The LSTM-only
 * `4.0.0_best_int` models are both faster and more accurate than the legacy ones here.
 */
export function prepareLangDir(dataDir = path.join(os.tmpdir(), "selfeval-tessdata")): string {
  mkdirSync(dataDir, { recursive: true });
  for (const lang of LANGS) {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    const src = path.join(pkg, "4.0.0_best_int", `${lang}.traineddata.gz`);
    if (!existsSync(src)) {
      throw new Error(
        `OCR language data missing: ${src} — run \`npm ci\` to reinstall @tesseract.js-data/${lang}`,
      );
    }
    const dst = path.join(dataDir, `${lang}.traineddata.gz`);
    let ok = false;
    try {
      ok = lstatSync(dst).isSymbolicLink() ? existsSync(dst) : existsSync(dst);
    } catch {
      ok = false;
    }
    if (!ok) {
      try {
        symlinkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
  return dataDir;
}

interface Slot {
  worker: Tesseract.Worker;
  psm: Psm;
  whitelist: string;
}

export class OcrPool {
  private readonly queue: PQueue;
  private readonly idle: Slot[] = [];
  private readonly all: Slot[] = [];
  private starting?: Promise<void>;
  readonly size: number;
  private readonly langPath: string;
  private readonly startTimeoutMs: number;
  private closed = false;

  private readonly langs: string;
  private readonly dataDir?: string;
  private chinese?: OcrPool;

  constructor(options: OcrPoolOptions = {}) {
    this.langs = options.langs ?? process.env.SELFEVAL_OCR_LANGS ?? LANGS.join("+");
    this.size = Math.max(1, options.workers ?? os.availableParallelism());
    this.dataDir = options.dataDir;
    this.langPath = prepareLangDir(options.dataDir);
    this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
    this.queue = new PQueue({ concurrency: this.size });
  }

  /** Workers start lazily, on the first page that needs OCR. */
  private start(): Promise<void> {
    this.starting ??= (async () => {
      const make = async (): Promise<Slot> => {
        const created = Tesseract.createWorker(
          this.langs.split("+"),
          Tesseract.OEM.LSTM_ONLY,
          {
            langPath: this.langPath,
            cacheMethod: "none",
            gzip: true,
            logger: () => undefined,
          },
          {
            // chi_sim's config asks for chi_sim_vert; naming the sub-languages ourselves (eng, or
            // none for the Chinese-only worker) avoids a garbled "Failed loading language" warning.
            tessedit_load_sublangs: this.langs.includes("eng") ? "eng" : "",
          } as unknown as Partial<Tesseract.InitOptions>,
        );
        const worker = await withTimeout(created, this.startTimeoutMs, "starting an OCR worker");
        await worker.setParameters({
          tessedit_pageseg_mode: "3" as Tesseract.PSM,
          // Chinese has no spaces between words; this removes most of the ones tesseract adds.
          preserve_interword_spaces: "1",
          // tesseract's own diagnostics ("Line cannot be recognized!!") are not for our users.
          debug_file: "/dev/null",
          user_defined_dpi: "300",
        });
        return { worker, psm: "3", whitelist: "" };
      };
      const slots = await Promise.all(Array.from({ length: this.size }, make));
      this.all.push(...slots);
      this.idle.push(...slots);
    })();
    return this.starting;
  }

  /** Recognises one image (a P5 PGM buffer or PNG) and returns its words in pixel coordinates. */
  async recognize(
    image: Buffer,
    options: { psm?: Psm; dpi?: number; whitelist?: string; chineseOnly?: boolean } = {},
  ): Promise<OcrWord[]> {
    if (this.closed) throw new Error("the OCR pool is closed");
    // With English loaded beside Chinese, tesseract now and then reads a narrow cell of Chinese as
    // capital-letter garbage ("有效提升" → "BRERA"); such crops are read again by one worker that
    // knows only Chinese, started the first time it is needed.
    if (options.chineseOnly && this.langs !== "chi_sim") {
      this.chinese ??= new OcrPool({
        workers: 1,
        langs: "chi_sim",
        dataDir: this.dataDir,
        startTimeoutMs: this.startTimeoutMs,
      });
      return this.chinese.recognize(image, { ...options, chineseOnly: false });
    }
    await this.start();
    return this.queue.add(async () => {
      const slot = this.idle.pop()!;
      try {
        const psm = options.psm ?? "3";
        const whitelist = options.whitelist ?? "";
        if (slot.psm !== psm || slot.whitelist !== whitelist || options.dpi) {
          await slot.worker.setParameters({
            tessedit_pageseg_mode: psm as Tesseract.PSM,
            tessedit_char_whitelist: whitelist,
            ...(options.dpi ? { user_defined_dpi: String(Math.round(options.dpi)) } : {}),
          });
          slot.psm = psm;
          slot.whitelist = whitelist;
        }
        const { data } = await slot.worker.recognize(image, {}, { blocks: true, text: false });
        return pageWords(data);
      } finally {
        this.idle.push(slot);
      }
    }) as Promise<OcrWord[]>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chinese?.close();
    await this.queue.onIdle();
    await Promise.all(this.all.map((s) => s.worker.terminate().catch(() => undefined)));
    this.all.length = 0;
    this.idle.length = 0;
  }
}

function pageWords(page: Tesseract.Page): OcrWord[] {
  const out: OcrWord[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const lineHeight = Math.max(1, line.rowAttributes?.rowHeight ?? line.bbox.y1 - line.bbox.y0);
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const b = line.baseline;
          const cx = (w.bbox.x0 + w.bbox.x1) / 2;
          const baseline =
            b && b.x1 !== b.x0 ? b.y0 + ((b.y1 - b.y0) * (cx - b.x0)) / (b.x1 - b.x0) : w.bbox.y1;
          out.push({
            text,
            confidence: w.confidence,
            x0: w.bbox.x0,
            y0: w.bbox.y0,
            x1: w.bbox.x1,
            y1: w.bbox.y1,
            baseline,
            lineHeight,
            symbols: (w.symbols ?? []).map((sy) => ({ text: sy.text, ...sy.bbox })),
          });
        }
      }
    }
  }
  return out;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s ${what}`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
