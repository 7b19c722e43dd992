/**
 * Document worker processes for a batch: each runs one document's whole pipeline at a time (see
 * document-worker.ts). A document that passes its deadline, or uses more memory than a document
 * may, is stopped by killing its process — only that document fails, and a fresh process takes
 * the next.
 *
 * Processes, not worker threads: a thread is stopped by V8's TerminateExecution, which waits for
 * the code to reach a check, and pdf.js caught in a loop on a damaged file was measured to take
 * 28 s to notice it (a 5 s deadline ended after 33 s); SIGKILL is immediate. And a thread's
 * resourceLimits cap only its JavaScript heap, while decoded images and streams are ArrayBuffers
 * outside it: a process's resident memory can be read (/proc) and capped as a whole.
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FailureInfo, SourceFile } from "../pipeline/extraction-result.js";
import type {
  DocumentJob,
  DocumentOutcome,
  FromDocumentWorker,
  PageCounts,
  ToDocumentWorker,
} from "./document-protocol.js";

export interface DocumentPoolOptions {
  size: number;
  /** Memory (resident) each document process may use, in MB: a file that needs more fails alone. */
  maxMemoryMb: number;
  /** Main-thread services a document may call (the OCR pool), by name. */
  services: Record<string, object>;
}

export interface RunOptions {
  /** Wall-clock limit for the document, in ms (from when a thread takes it). */
  timeoutMs?: number;
  onProgress?: (counts: PageCounts) => void;
}

/** How a document ended when its thread did not give an outcome. */
export type Stopped = { stopped: "interrupted" } | { stopped: "failed"; failure: FailureInfo };

/** The worker script next to this module — under tests run from the TypeScript sources, the built one. */
function workerPath(): string {
  const here = fileURLToPath(new URL("./document-worker.js", import.meta.url));
  if (existsSync(here)) return here;
  return here.replace(/\/src\/ingest\//, "/dist/src/ingest/");
}

/** How often a document process's resident memory is read. */
const MEMORY_POLL_MS = 200;
const PAGE_BYTES = 4096;

/** Resident memory of a process in bytes (Linux /proc), or undefined elsewhere. */
function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, "latin1").split(" ");
    return Number(statm[1]) * PAGE_BYTES;
  } catch {
    return undefined;
  }
}

interface Job {
  id: number;
  resolve: (v: DocumentOutcome | Stopped) => void;
  onProgress?: (counts: PageCounts) => void;
  timer?: NodeJS.Timeout;
  /** Why the thread is being terminated, if we terminated it. */
  ending?: Stopped;
}

class DocumentThread {
  readonly child: ChildProcess;
  job?: Job;
  dead = false;
  private stderrTail = "";
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly pool: DocumentPool,
    private readonly maxMemoryMb: number,
  ) {
    this.child = fork(workerPath(), [], {
      serialization: "advanced",
      // The JavaScript heap gets the same cap; the resident-memory watch below covers the rest.
      execArgv: [`--max-old-space-size=${maxMemoryMb}`],
      // The worker's console (pdf.js warnings) is not the user's output; its last words are kept
      // to tell an out-of-memory death from a crash.
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child.stderr?.on("data", (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString("utf8")).slice(-4000);
    });
    this.child.on("message", (msg: FromDocumentWorker) => this.onMessage(msg));
    this.child.on("error", () => undefined);
    this.watch = setInterval(() => {
      if (!this.job) return;
      const rss = residentBytes(this.child.pid);
      if (rss !== undefined && rss > this.maxMemoryMb * 1024 * 1024) this.stop(outOfMemory(this.maxMemoryMb));
    }, MEMORY_POLL_MS);
    this.watch.unref();
    this.child.on("exit", (code, signal) => {
      this.dead = true;
      clearInterval(this.watch);
      const job = this.job;
      this.job = undefined;
      if (!job) return;
      clearTimeout(job.timer);
      job.resolve(job.ending ?? deathFailure(this.stderrTail, code, signal, this.maxMemoryMb));
      this.pool.threadEnded(this);
    });
  }

  start(job: Job, message: DocumentJob, timeoutMs?: number): void {
    this.job = job;
    if (timeoutMs !== undefined) {
      job.timer = setTimeout(() => {
        this.stop({
          stopped: "failed",
          failure: {
            code: "timeout",
            message: `processing took longer than the per-document timeout (${timeoutMs / 1000} s)`,
            hint: "raise --timeout if the file is genuine, or check the file",
          },
        });
      }, timeoutMs);
    }
    this.send({ type: "job", job: message });
  }

  send(msg: ToDocumentWorker): void {
    if (!this.dead && this.child.connected) this.child.send(msg, (err) => err && undefined);
  }

  /** Ends the current document by killing its process (immediate, whatever it is doing). */
  stop(why: Stopped): void {
    if (!this.job || this.job.ending) return;
    this.job.ending = why;
    this.child.kill("SIGKILL");
  }

  kill(): void {
    clearInterval(this.watch);
    if (!this.dead) this.child.kill("SIGKILL");
  }

  private onMessage(msg: FromDocumentWorker): void {
    const job = this.job;
    if (msg.type === "call") {
      void this.pool.serve(msg).then((reply) => this.send(reply));
      return;
    }
    if (!job || msg.jobId !== job.id || job.ending) return;
    if (msg.type === "progress") {
      job.onProgress?.(msg);
      return;
    }
    clearTimeout(job.timer);
    this.job = undefined;
    if (msg.type === "done") job.resolve(msg.outcome);
    else
      job.resolve({
        stopped: "failed",
        failure: {
          code: "internal_error",
          message: `unexpected error: ${msg.error.message}`,
          hint: "please report this file to the selfeval maintainers",
        },
      });
    this.pool.threadFree(this);
  }
}

const outOfMemory = (maxMemoryMb: number): Stopped => ({
  stopped: "failed",
  failure: {
    code: "out_of_memory",
    message: `reading the file needed more than the ${maxMemoryMb} MB of memory a document may use`,
    hint: "the file may be hostile or broken; if it is genuine, split it or raise --max-memory",
  },
});

function deathFailure(
  stderr: string,
  code: number | null,
  signal: NodeJS.Signals | null,
  maxMemoryMb: number,
): Stopped {
  if (/heap out of memory|Allocation failed|invalid array length|out of memory/i.test(stderr))
    return outOfMemory(maxMemoryMb);
  const last = stderr.trim().split("\n").pop()?.slice(0, 200);
  return {
    stopped: "failed",
    failure: {
      code: "internal_error",
      message: `the document reader stopped unexpectedly (${signal ?? `exit code ${code}`}${last ? `: ${last}` : ""})`,
      hint: "please report this file to the selfeval maintainers",
    },
  };
}

export class DocumentPool {
  private readonly idle: DocumentThread[] = [];
  private readonly busy = new Set<DocumentThread>();
  private readonly waiting: Array<() => void> = [];
  private nextJob = 1;
  private closed = false;

  constructor(private readonly options: DocumentPoolOptions) {}

  get size(): number {
    return Math.max(1, this.options.size);
  }

  /** Runs one document; never rejects for problems of the file (they come back as the outcome). */
  async run(
    source: SourceFile,
    bytes: Uint8Array,
    context: DocumentJob["context"],
    options: RunOptions = {},
  ): Promise<DocumentOutcome | Stopped> {
    if (this.closed) return { stopped: "interrupted" };
    const thread = await this.acquire();
    if (!thread) return { stopped: "interrupted" };
    const services: DocumentJob["services"] = {};
    for (const [name, svc] of Object.entries(this.options.services)) services[name] = plainValues(svc);
    return new Promise((resolve) => {
      const job: Job = { id: this.nextJob++, resolve, onProgress: options.onProgress };
      thread.start(job, { jobId: job.id, source, bytes, context, services }, options.timeoutMs);
    });
  }

  /** Answers a worker's call to a main-thread service. */
  async serve(msg: Extract<FromDocumentWorker, { type: "call" }>): Promise<ToDocumentWorker> {
    try {
      const svc = this.options.services[msg.service] as Record<string, unknown> | undefined;
      const fn = svc?.[msg.method];
      if (typeof fn !== "function") throw new Error(`no such service method: ${msg.service}.${msg.method}`);
      // Buffers arrive as plain Uint8Arrays; the services (tesseract.js) expect Node Buffers.
      const args = msg.args.map((a) =>
        a instanceof Uint8Array && !Buffer.isBuffer(a)
          ? Buffer.from(a.buffer, a.byteOffset, a.byteLength)
          : a,
      );
      const value = await (fn as (...a: unknown[]) => unknown).apply(svc, args);
      return { type: "reply", id: msg.id, ok: true, value };
    } catch (err) {
      const e = err as Error;
      return {
        type: "reply",
        id: msg.id,
        ok: false,
        error: { name: e?.name ?? "Error", message: e?.message ?? String(err) },
      };
    }
  }

  /** Stops every document in progress (an interrupt): they end as `interrupted`, nothing is kept. */
  abandonAll(): void {
    this.closed = true;
    for (const t of this.busy) t.stop({ stopped: "interrupted" });
    for (const w of this.waiting.splice(0)) w();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w();
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    for (const t of all) t.kill();
  }

  threadFree(t: DocumentThread): void {
    this.busy.delete(t);
    if (this.closed) {
      t.kill();
      return;
    }
    this.idle.push(t);
    this.waiting.shift()?.();
  }

  threadEnded(t: DocumentThread): void {
    this.busy.delete(t);
    this.waiting.shift()?.();
  }

  private async acquire(): Promise<DocumentThread | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const t = this.idle.pop();
      if (t && !t.dead) {
        this.busy.add(t);
        return t;
      }
      if (!t && this.busy.size < this.size) {
        const fresh = new DocumentThread(this, this.options.maxMemoryMb);
        this.busy.add(fresh);
        return fresh;
      }
      if (!t) await new Promise<void>((r) => this.waiting.push(r));
    }
  }
}

/** The primitive own properties of a service (e.g. the OCR pool's size), copied for the worker. */
function plainValues(svc: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(svc)) {
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") out[k] = v;
  }
  return out;
}
