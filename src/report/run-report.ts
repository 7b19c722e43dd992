/** `selfeval report`: the HTML report of a database, written atomically to `out`. */
import path from "node:path";
import { EXIT_OK, UserError } from "../cli/errors.js";
import { say } from "../cli/verbosity.js";
import { ensureOutputFile, writeFileAtomic } from "../export/atomic-output.js";
import { missingStore, openStore } from "../store/store.js";
import { VERSION } from "../version.js";
import { type Region, renderCrops } from "./evidence-crops.js";
import { renderReportHtml } from "./render-report.js";
import { loadReportData } from "./report-data.js";

export interface ReportCommandOptions {
  db: string;
  out: string;
}

export async function runReport(opts: ReportCommandOptions): Promise<number> {
  if (await missingStore(opts.db))
    throw new UserError(`${opts.db}: no such database — run \`selfeval ingest\` first, or give --db`);
  // Before the (slow) page renderings: an --out that is a folder is a usage error.
  ensureOutputFile(opts.out, "--out", "report.html");
  const db = await openStore(opts.db, { readonly: true });
  let text: string;
  let stats: { findings: number; crops: number; unavailable: number };
  try {
    const data = await loadReportData(db);
    const regions: Region[] = data.sections.flatMap((s) =>
      s.findings.flatMap((f) =>
        f.evidence.map((e) => ({ reportId: e.report_id, page: e.page, bbox: e.bbox })),
      ),
    );
    const crops = await renderCrops(db, regions);
    text = renderReportHtml({
      data,
      crops,
      source: db.backend === "sqlite" ? path.basename(opts.db) : db.location,
      generatedAt: new Date(),
      version: VERSION,
    });
    const all = [...crops.values()];
    stats = {
      findings: data.sections.reduce((a, s) => a + s.findings.length, 0),
      crops: all.filter((c) => c.kind === "image").length,
      unavailable: all.filter((c) => c.kind === "unavailable").length,
    };
  } finally {
    await db.close();
  }
  // Written beside the target and renamed, so a browser never shows a half-written report.
  writeFileAtomic(opts.out, text);
  say(
    `wrote ${opts.out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB): ${stats.findings} findings, ${stats.crops} evidence images${stats.unavailable ? `, ${stats.unavailable} regions without source file` : ""}`,
  );
  return EXIT_OK;
}
