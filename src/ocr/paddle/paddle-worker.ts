/**
 * A PP-OCR worker thread: loads the models once, then reads pages (the whole page pipeline runs
 * here, off the main thread) and batches of line images, one request at a time.
 */
import { parentPort } from "node:worker_threads";
import { paddlePage } from "./paddle-page.js";
import type { FromPaddleWorker, ToPaddleWorker } from "./paddle-protocol.js";
import { PaddleSessions } from "./paddle-sessions.js";

const port = parentPort;
if (!port) throw new Error("paddle-worker must run as a worker thread");
const sessions = PaddleSessions.create();
// Requests are served in order: one page at a time per worker (its one onnxruntime thread).
let chain: Promise<void> = Promise.resolve();

port.on("message", (msg: ToPaddleWorker) => {
  chain = chain.then(async () => {
    let reply: FromPaddleWorker;
    try {
      const s = await sessions;
      if (msg.type === "page")
        reply = { id: msg.id, ok: true, page: await paddlePage(msg.raster, msg.content, s) };
      else reply = { id: msg.id, ok: true, lines: await s.recognize(msg.crops) };
    } catch (err) {
      reply = { id: msg.id, ok: false, error: (err as Error)?.message ?? String(err) };
    }
    port.postMessage(reply);
  });
});
