/**
 * Keeps the leases of a worker's jobs alive from a thread of its own. The reading pipeline can hold
 * the main thread for many seconds (image pre-processing, layout of a dense page), and a lease
 * renewed from there would lapse while the worker is alive and working: another worker would start
 * the same file, and the file would use up its tries. From its own thread with its own connection
 * the lease lapses only when the process is gone, which is what the lease is meant to say.
 */
import { Worker } from "node:worker_threads";

export type LeaseMessage =
  | { type: "track"; jobId: string; leaseSeconds: number }
  | { type: "untrack"; jobId: string }
  | { type: "stop" };

export class LeaseKeeper {
  private readonly thread: Worker;

  constructor(url: string) {
    this.thread = new Worker(new URL("./lease-keeper-thread.js", import.meta.url), { workerData: { url } });
    this.thread.on("message", (m: { error?: string }) => {
      if (m.error) process.stderr.write(`selfeval: worker: lease renewal failed: ${m.error}\n`);
    });
    // Never keeps the process alive on its own.
    this.thread.unref();
  }

  /** Starts renewing `jobId`'s lease at once and then every third of it. */
  track(jobId: string, leaseSeconds: number): void {
    this.thread.postMessage({ type: "track", jobId, leaseSeconds } satisfies LeaseMessage);
  }

  untrack(jobId: string): void {
    this.thread.postMessage({ type: "untrack", jobId } satisfies LeaseMessage);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.thread.once("exit", () => resolve()));
    this.thread.postMessage({ type: "stop" } satisfies LeaseMessage);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    await this.thread.terminate();
  }
}
