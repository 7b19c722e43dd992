/**
 * A pool of worker threads running pdf.js, one document per worker at a time. pdf.js in Node has
 * no worker of its own (it parses on the calling thread), so without this a batch uses one core.
 * A document that exceeds its time is stopped by terminating its worker; a fresh one replaces it.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { PageContent } from "../layout/page-model.js";
import type { PageRaster } from "../ocr/page-image.js";
import type { DocumentSource, RasterOptions, ReadOptions } from "./document-source.js";
import { type OpenOptions, type PdfErrorCode, PdfOpenError } from "./open-document.js";
import type { PageGlyphs } from "./page-glyphs.js";
import type { DocumentInfo, PageReading } from "./read-pages.js";
import type { WorkerReply, WorkerRequest } from "./read-worker.js";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

class ReaderThread {
  readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  dead = false;

  constructor() {
    // A heap limit: a hostile file kills its reader thread, not the process.
    this.worker = new Worker(new URL("./read-worker.js", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.worker.unref();
    this.worker.on("message", (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else if (reply.error.code)
        p.reject(
          new PdfOpenError(reply.error.code as PdfErrorCode, reply.error.message, reply.error.hint ?? ""),
        );
      else p.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    const fail = (err: Error): void => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the PDF reader thread stopped (exit code ${code})`)));
  }

  call<T>(req: WithoutId<WorkerRequest>, transfer: ArrayBuffer[] = [], signal?: AbortSignal): Promise<T> {
    if (this.dead) return Promise.reject(new Error("the PDF reader thread has stopped"));
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        reject(signal!.reason instanceof Error ? signal!.reason : new Error("aborted"));
        // pdf.js may be stuck in synchronous work: only terminating the thread stops it.
        void this.worker.terminate();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(v as T);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", onAbort);
          reject(e);
        },
      });
      this.worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }
}

export class ReaderPool {
  private readonly idle: ReaderThread[] = [];
  private readonly waiting: Array<(t: ReaderThread) => void> = [];
  private readonly all = new Set<ReaderThread>();
  readonly size: number;

  constructor(size = os.availableParallelism()) {
    this.size = Math.max(1, size);
  }

  private async acquire(): Promise<ReaderThread> {
    const t = this.idle.pop();
    if (t && !t.dead) return t;
    if (t?.dead) this.all.delete(t);
    if (this.all.size < this.size) {
      const fresh = new ReaderThread();
      this.all.add(fresh);
      return fresh;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(t: ReaderThread): void {
    if (t.dead) {
      this.all.delete(t);
      const w = this.waiting.shift();
      if (w) {
        const fresh = new ReaderThread();
        this.all.add(fresh);
        w(fresh);
      }
      return;
    }
    const w = this.waiting.shift();
    if (w) w(t);
    else this.idle.push(t);
  }

  /** Opens a document in a worker thread; the worker is held until the source is closed. */
  async open(bytes: Uint8Array, options: OpenOptions & { signal?: AbortSignal }): Promise<DocumentSource> {
    const t = await this.acquire();
    const copy = new Uint8Array(bytes);
    try {
      const info = await t.call<DocumentInfo>(
        {
          type: "open",
          bytes: copy,
          password: options.password,
          maxPages: options.maxPages,
          maxImagePixels: options.maxImagePixels,
        },
        [copy.buffer as ArrayBuffer],
        options.signal,
      );
      return new WorkerSource(t, info, () => this.release(t), options.signal);
    } catch (err) {
      if (!t.dead) await t.call({ type: "close" }).catch(() => undefined);
      this.release(t);
      throw err;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((t) => t.worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }
}

class WorkerSource implements DocumentSource {
  private closed = false;
  constructor(
    private readonly thread: ReaderThread,
    readonly info: DocumentInfo,
    private readonly onClose: () => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** options.onPage is not called: the pages come from the other thread all at once. */
  readPages(options: ReadOptions = {}): Promise<PageReading> {
    return this.thread.call({ type: "pages", keepScans: options.keepScans }, [], this.signal);
  }

  raster(content: PageContent, options: RasterOptions): Promise<PageRaster> {
    return this.thread.call(
      { type: "raster", page: content, dpi: options.dpi, maxPixels: options.maxPixels },
      [],
      this.signal,
    );
  }

  glyphs(content: PageContent): Promise<PageGlyphs> {
    return this.thread.call({ type: "glyphs", page: content }, [], this.signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.thread.dead) await this.thread.call({ type: "close" }).catch(() => undefined);
    this.onClose();
  }
}
