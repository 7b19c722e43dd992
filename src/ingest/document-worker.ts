/**
 * Worker-process side of the batch: the whole per-document pipeline (open, read, OCR pre-processing,
 * layout, extraction) runs here, so the batch runner can stop a document at its deadline — or when
 * it exhausts its memory — by killing this process, whatever stage it is in. Synchronous loops
 * in layout or extraction cannot be interrupted any other way.
 *
 * Text recognition itself stays with the batch's one OCR pool on the main thread (its workers are
 * shared by every document): `services.ocr` here is a proxy that forwards each method call there.
 */
import { ingestStages } from "../../pipelines/ingest.js";
import { processSource } from "../cli/load-document.js";
import { needsOcr } from "../layout/page-model.js";
import type { ExtractionResult } from "../pipeline/extraction-result.js";
import type { StageContext } from "../pipeline/stage.js";
import type {
  DocumentJob,
  DocumentOutcome,
  FromDocumentWorker,
  ToDocumentWorker,
} from "./document-protocol.js";

let nextCall = 1;
const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

/**
 * A stand-in for a main-thread service: plain values are copied once, every method call is sent
 * to the main thread and answered there. Arguments and results must be structured-cloneable.
 */
function serviceProxy(name: string, values: Record<string, unknown>): unknown {
  return new Proxy(values, {
    get(target, prop) {
      if (typeof prop !== "string" || prop === "then") return undefined;
      if (prop in target) return target[prop];
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = nextCall++;
          calls.set(id, { resolve, reject });
          post({ type: "call", id, service: name, method: prop, args });
        });
    },
  });
}

function post(msg: FromDocumentWorker): void {
  process.send?.(msg);
}

async function run(job: DocumentJob): Promise<DocumentOutcome> {
  const services: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(job.services)) services[name] = serviceProxy(name, values);
  const ctx: StageContext = { ...job.context, services };
  // Progress for the batch's bar: the pages found once the file is read, and the OCR pages done.
  let watched: ExtractionResult | undefined;
  const tick = setInterval(() => {
    if (watched) post({ type: "progress", jobId: job.jobId, ...pageCounts(watched, ctx.ocr) });
  }, 500);
  try {
    const result = await processSource(job.source, job.bytes, ingestStages, ctx, (r) => {
      watched = r;
    });
    return {
      status: result.status,
      failure: result.failure,
      record: result.record,
      forms: result.forms,
      issues: result.issues,
      sha256: result.source.sha256,
      timings: result.timings,
      ...pageCounts(result, ctx.ocr),
    };
  } finally {
    clearInterval(tick);
  }
}

function pageCounts(
  r: ExtractionResult,
  ocr: StageContext["ocr"],
): { pages: number; ocrPages: number; pagesNeedingOcr: number } {
  const pages = r.info?.numPages ?? r.pages.length;
  let ocrPages = 0;
  let wanted = 0;
  for (const p of r.pages) {
    if (p.source === "ocr") ocrPages++;
    if (ocr === "always" || (ocr === "auto" && (p.source === "ocr" || needsOcr(p.kind)))) wanted++;
  }
  return { pages, ocrPages, pagesNeedingOcr: wanted };
}

process.on("message", (msg: ToDocumentWorker) => {
  if (msg.type === "reply") {
    const c = calls.get(msg.id);
    if (!c) return;
    calls.delete(msg.id);
    if (msg.ok) c.resolve(msg.value);
    else c.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    return;
  }
  run(msg.job).then(
    (outcome) => post({ type: "done", jobId: msg.job.jobId, outcome }),
    (err: Error) =>
      post({
        type: "error",
        jobId: msg.job.jobId,
        error: { name: err?.name ?? "Error", message: err?.message ?? String(err) },
      }),
  );
});

// The batch runner went away (killed, or quit at a second Ctrl-C): nothing here may outlive it.
process.on("disconnect", () => process.exit(0));
