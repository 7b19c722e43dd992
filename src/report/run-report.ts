/** `selfeval report`: the HTML report of a database, written atomically to `out`. */
import path from "node:path";
import { EXIT_OK, UserError } from "../cli/errors.js";
import { say } from "../cli/verbosity.js";
import { ensureOutputFile, writeFileAtomic } from "../export/atomic-output.js";
import { loadSameReportLinks } from "../review/corrections-store.js";
import { loadReadings } from "../review/readings.js";
import { REVIEW_IN_REPORT, reviewRegions } from "../review/review-html.js";
import { reviewItems } from "../review/review-list.js";
import { missingStore, openStore } from "../store/store.js";
import { VERSION } from "../version.js";
import { DEFAULT_CROP, type Region, renderCrops } from "./evidence-crops.js";
import { renderReportHtml } from "./render-report.js";
import { loadReportData } from "./report-data.js";
import { findSourcePdf, type SourceLookup } from "./source-pdf.js";

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
    // Each source PDF is found (and its bytes checked against the report id) once, for the crops
    // and for the links to its pages.
    const sources = new Map<string, Promise<SourceLookup>>();
    const lookup = (id: string): Promise<SourceLookup> => {
      let found = sources.get(id);
      if (!found) {
        found = findSourcePdf(db, id);
        sources.set(id, found);
      }
      return found;
    };
    // The values to verify, from the same readings and the findings the report shows.
    const readings = await loadReadings(db);
    const items = reviewItems({
      reports: readings.reports,
      findings: data.sections.flatMap((s) => s.findings),
      canonicalOf: await loadSameReportLinks(db),
      unapplied: readings.unapplied,
    });
    const review = { items, applied: readings.applied, unapplied: readings.unapplied };
    regions.push(...reviewRegions(items.slice(0, REVIEW_IN_REPORT)));
    const crops = await renderCrops(db, regions, DEFAULT_CROP, lookup);
    const reportDir = path.dirname(path.resolve(opts.out));
    const hrefs = new Map<string, string>();
    for (const id of data.reports.keys()) {
      const s = await lookup(id);
      if (s.found) hrefs.set(id, relativeHref(reportDir, s.file));
    }
    text = renderReportHtml({
      data,
      crops,
      review,
      source: db.backend === "sqlite" ? path.basename(opts.db) : db.location,
      generatedAt: new Date(),
      version: VERSION,
      sourceHref: (id) => hrefs.get(id),
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

/**
 * A link from the report's folder to a file, relative so that the folder can be moved or shared
 * together with the PDFs; each path segment is percent-encoded (Chinese names, spaces, #).
 */
export function relativeHref(fromDir: string, file: string): string {
  const rel = path.relative(fromDir, file).split(path.sep).map(encodeURIComponent).join("/");
  return rel || encodeURIComponent(path.basename(file));
}
