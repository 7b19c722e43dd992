/**
 * One pool of PP-OCR worker processes for the whole batch, like the tesseract.js pool: started on
 * the first page that needs it, shared by every document, closed on exit. Each worker runs one
 * onnxruntime thread, so the pool has one worker per core — and no more than the free memory
 * allows at WORKER_MEMORY_MB each. A request that outlives its deadline ends its worker (killed:
 * onnxruntime's native work cannot be interrupted otherwise) and a fresh one takes the next; the
 * worker's JavaScript heap is capped like a document thread's.
 *
 * Processes, not worker threads: ending a worker thread while onnxruntime is inside a run (a
 * timeout, or the process exiting after Ctrl-C) aborts the whole process ("terminate called after
 * throwing an instance of 'Napi::Error'", seen under load at exit after an interrupt), taking the
 * batch's exit status and any file still being stored with it. A killed child process cannot.
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
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

function workerPath(): string {
  const here = fileURLToPath(new URL("./paddle-worker.js", import.meta.url));
  if (existsSync(here)) return here;
  // Under tests run from the TypeScript sources, the built worker.
  return here.replace(/\/src\/ocr\/paddle\//, "/dist/src/ocr/paddle/");
}

/** Every live worker process, killed when this process exits however it exits. */
const live = new Set<ChildProcess>();
let exitHookSet = false;
function killOnExit(): void {
  if (exitHookSet) return;
  exitHookSet = true;
  process.on("exit", () => {
    for (const c of live) c.kill("SIGKILL");
  });
}

interface Pending {
  resolve: (m: FromPaddleWorker) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

class PaddleThread {
  readonly child: ChildProcess;
  readonly pending = new Map<number, Pending>();
  dead = false;

  constructor() {
    killOnExit();
    this.child = fork(workerPath(), [], {
      execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      // Page images are typed arrays: the advanced serialisation sends them as such, not as JSON.
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    live.add(this.child);
    let stderr = "";
    this.child.stderr?.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    // Idle workers never hold the batch open.
    this.child.unref();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
    this.unrefChannel();
    this.child.on("message", (m: FromPaddleWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) this.unrefChannel();
      p.resolve(m);
    });
    let error: Error | undefined;
    this.child.on("error", (e) => {
      error = e;
    });
    this.child.on("exit", (code, signal) => {
      this.dead = true;
      live.delete(this.child);
      const why =
        error?.message ??
        (signal ? `killed by ${signal}` : `exit code ${code}`) +
          (stderr.trim() ? `: ${stderr.trim().split("\n").slice(-1)[0]}` : "");
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`the PP-OCR worker stopped (${why})`));
      }
      this.pending.clear();
    });
  }

  send(message: ToPaddleWorker): void {
    // A request in flight keeps the batch alive until its answer (or its timeout) comes.
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
    this.child.send(message);
  }

  kill(): void {
    this.dead = true;
    this.child.kill("SIGKILL");
  }

  private unrefChannel(): void {
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
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
    const m = await this.request({ type: "page", raster, content });
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
  ): Promise<Extract<FromPaddleWorker, { ok: true }>> {
    if (this.closed) throw new Error("the PP-OCR pool is closed");
    const thread = await this.acquire();
    const id = this.nextId++;
    try {
      const reply = await new Promise<FromPaddleWorker>((resolve, reject) => {
        const p: Pending = { resolve, reject };
        p.timer = setTimeout(() => {
          thread.pending.delete(id);
          // Retired at once: no further request may go to a worker that is being killed.
          reject(new Error(`PP-OCR took longer than ${this.timeoutMs / 1000} s`));
          thread.kill();
        }, this.timeoutMs);
        thread.pending.set(id, p);
        thread.send({ ...body, id } as ToPaddleWorker);
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
    for (const t of this.threads) t.kill();
    this.threads.length = 0;
    this.idle.length = 0;
  }
}
