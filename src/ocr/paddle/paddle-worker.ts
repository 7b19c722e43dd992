/**
 * A PP-OCR worker process (forked by paddle-pool.ts): loads the models once, then reads pages (the
 * whole page pipeline runs here, off the batch's process) and batches of line images, one request
 * at a time. It ends when the batch's process goes away.
 */
import { paddlePage } from "./paddle-page.js";
import type { FromPaddleWorker, ToPaddleWorker } from "./paddle-protocol.js";
import { PaddleSessions } from "./paddle-sessions.js";

const send = process.send?.bind(process);
if (!send) throw new Error("paddle-worker must run as a child process with an IPC channel");
// The batch ended or died: nothing left to answer.
process.on("disconnect", () => process.exit(0));
const sessions = PaddleSessions.create();
// Requests are served in order: one page at a time per worker (its one onnxruntime thread).
let chain: Promise<void> = Promise.resolve();

process.on("message", (msg: ToPaddleWorker) => {
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
    if (process.connected) send(reply);
  });
});
