/**
 * Worker-thread side of the document reader: one document at a time, kept open until the main
 * thread closes it (pages that need OCR are rasterised on request).
 */
import { parentPort } from "node:worker_threads";
import { InProcessSource } from "./document-source.js";
import { PdfOpenError } from "./open-document.js";

export type WorkerRequest =
  | {
      id: number;
      type: "open";
      bytes: Uint8Array;
      password?: string;
      maxPages?: number;
      maxImagePixels?: number;
    }
  | { id: number; type: "pages"; keepScans?: boolean }
  | {
      id: number;
      type: "raster";
      page: import("../layout/page-model.js").PageContent;
      dpi: number;
      maxPixels: number;
    }
  | { id: number; type: "glyphs"; page: import("../layout/page-model.js").PageContent }
  | { id: number; type: "close" };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; hint?: string } };

let source: InProcessSource | undefined;

parentPort?.on("message", async (req: WorkerRequest) => {
  try {
    let value: unknown;
    const transfer: ArrayBuffer[] = [];
    switch (req.type) {
      case "open":
        await source?.close();
        source = await InProcessSource.open(req.bytes, {
          password: req.password,
          maxPages: req.maxPages,
          maxImagePixels: req.maxImagePixels,
        });
        value = source.info;
        break;
      case "pages":
        value = await source!.readPages({ keepScans: req.keepScans });
        break;
      case "raster": {
        const r = await source!.raster(req.page, { dpi: req.dpi, maxPixels: req.maxPixels });
        transfer.push(r.data.buffer as ArrayBuffer);
        value = r;
        break;
      }
      case "glyphs":
        value = await source!.glyphs(req.page);
        break;
      case "close":
        await source?.close();
        source = undefined;
        value = null;
        break;
    }
    parentPort!.postMessage({ id: req.id, ok: true, value } satisfies WorkerReply, transfer);
  } catch (err) {
    const e = err as Error;
    const error =
      err instanceof PdfOpenError
        ? { name: e.name, message: e.message, code: err.code, hint: err.hint }
        : { name: e?.name ?? "Error", message: e?.message ?? String(err) };
    parentPort!.postMessage({ id: req.id, ok: false, error } satisfies WorkerReply);
  }
});
