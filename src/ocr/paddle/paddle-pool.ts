/**
 * One pool of PP-OCR worker threads for the whole batch, like the tesseract.js pool: started on the
 * first page that needs it, shared by every document, closed on exit. Each worker runs one
 * onnxruntime thread, so the pool has one worker per core — and no more than the free memory
 * allows at WORKER_MEMORY_MB each. A request that outlives its deadline ends its worker
 * (terminated: onnxruntime's native work cannot be interrupted otherwise) and a fresh one takes
 * the next; the worker's JavaScript heap is capped like a document thread's.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PageContent } from "../../layout/page-model.js";
import type { OcrPageResult } from "../ocr-page.js";
import type { PageRaster } from "../page-image.js";
import type { GrayImage } from "../raster/index.js";
import type { LineReading } from "./ctc-recognize.js";
import type { FromPaddleWorker, ToPaddleWorker } from "./paddle-protocol.js";
import { WORKER_MEMORY_MB } from "./paddle-sessions.js";

export interface PaddlePoolOptions {
  workers?: number;
  /** Milliseconds one request (a page, or a batch of lines) may take before its worker is ended. */
  requestTimeoutMs?: number;
}

/** JavaScript heap of a worker (page images and model tensors are outside it or short-lived). */
const WORKER_HEAP_MB = 384;

/** Workers the machine can hold: one per core, within half the free memory. */
export function paddleWorkerCount(requested?: number): number {
  const byMemory = Math.floor(((os.freemem() / 2 ** 20) * 0.5) / WORKER_MEMORY_MB);
  const wanted = requested ?? os.availableParallelism();
  return Math.max(1, Math.min(wanted, requested === undefined ? byMemory : wanted));
}

function workerUrl(): URL {
  const here = new URL("./paddle-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  // Under tests run from the TypeScript sources, the built worker.
  return new URL(here.href.replace(/\/src\/ocr\/paddle\//, "/dist/src/ocr/paddle/"));
}

interface Pending {
  resolve: (m: FromPaddleWorker) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

class PaddleThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  dead = false;

  constructor() {
    this.worker = new Worker(workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.unref();
    this.worker.on("message", (m: FromPaddleWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      p.resolve(m);
    });
    let error: Error | undefined;
    this.worker.on("error", (e) => {
      error = e;
    });
    this.worker.on("exit", (code) => {
      this.dead = true;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`the PP-OCR worker stopped (${error?.message ?? `exit code ${code}`})`));
      }
      this.pending.clear();
    });
  }
}

export class PaddlePool {
  readonly size: number;
  private readonly threads: PaddleThread[] = [];
  private readonly idle: PaddleThread[] = [];
  private readonly waiting: Array<() => void> = [];
  /** Milliseconds a request may take (see PaddlePoolOptions). */
  timeoutMs: number;
  private nextId = 1;
  private closed = false;

  constructor(options: PaddlePoolOptions = {}) {
    this.size = paddleWorkerCount(options.workers);
    this.timeoutMs = options.requestTimeoutMs ?? 300_000;
  }

  /** Reads one page image into the page model (see paddle-page.ts). */
  async readPage(raster: PageRaster, content: PageContent): Promise<OcrPageResult> {
    // The page's pixels move to the worker (not copied) when they are a buffer of their own.
    const own = raster.data.byteOffset === 0 && raster.data.byteLength === raster.data.buffer.byteLength;
    const m = await this.request(
      { type: "page", raster, content },
      own ? [raster.data.buffer as ArrayBuffer] : [],
    );
    return m.page!;
  }

  /** Recognises line images (each one line of text) → text, confidence and character places. */
  async recognizeLines(crops: GrayImage[]): Promise<LineReading[]> {
    if (crops.length === 0) return [];
    const m = await this.request({ type: "lines", crops });
    return m.lines!;
  }

  private async request(
    body:
      | Omit<Extract<ToPaddleWorker, { type: "page" }>, "id">
      | Omit<Extract<ToPaddleWorker, { type: "lines" }>, "id">,
    transfer: ArrayBuffer[] = [],
  ): Promise<Extract<FromPaddleWorker, { ok: true }>> {
    if (this.closed) throw new Error("the PP-OCR pool is closed");
    const thread = await this.acquire();
    const id = this.nextId++;
    try {
      const reply = await new Promise<FromPaddleWorker>((resolve, reject) => {
        const p: Pending = { resolve, reject };
        p.timer = setTimeout(() => {
          thread.pending.delete(id);
          // Retired at once: no further request may go to a thread that is being terminated.
          thread.dead = true;
          reject(new Error(`PP-OCR took longer than ${this.timeoutMs / 1000} s`));
          void thread.worker.terminate();
        }, this.timeoutMs);
        thread.pending.set(id, p);
        thread.worker.postMessage({ ...body, id } as ToPaddleWorker, transfer);
      });
      if (!reply.ok) throw new Error(reply.error);
      return reply;
    } finally {
      this.release(thread);
    }
  }

  private async acquire(): Promise<PaddleThread> {
    for (;;) {
      if (this.closed) throw new Error("the PP-OCR pool is closed");
      const t = this.idle.pop();
      if (t && !t.dead) return t;
      if (t) continue;
      const live = this.threads.filter((x) => !x.dead);
      if (live.length < this.size) {
        const fresh = new PaddleThread();
        this.threads.splice(0, this.threads.length, ...live, fresh);
        return fresh;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  private release(t: PaddleThread): void {
    if (!t.dead && !this.closed) this.idle.push(t);
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(this.threads.map((t) => t.worker.terminate().catch(() => undefined)));
    this.threads.length = 0;
    this.idle.length = 0;
  }
}
