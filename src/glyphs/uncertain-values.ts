/**
 * Values of the record printed with glyphs whose readings did not agree (decode-runs.ts gives
 * those glyphs, and the digits and signs against them, a low confidence) get an `ocr_uncertain`
 * issue naming the value, its page and its printed text: they are stored and exported, but never
 * as sure — the auditor checks them on the page.
 */
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { Provenance } from "../../schemas/provenance.js";
import type { Stage } from "../pipeline/stage.js";
import { UNCERTAIN_CONF } from "./decode-runs.js";

interface Located {
  path: string;
  value: unknown;
  prov: Provenance;
}

/** Every object of the record with a provenance (figures, texts, rows), with its path. */
function* located(node: unknown, path: string): Generator<Located> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* located(node[i], `${path}[${i}]`);
    return;
  }
  if (!node || typeof node !== "object") return;
  const o = node as Record<string, unknown>;
  const prov = o.prov as Provenance | undefined;
  if (prov && typeof prov === "object" && typeof prov.page === "number" && "value" in o)
    yield { path, value: o.value, prov };
  for (const [k, v] of Object.entries(o))
    if (k !== "prov" && k !== "issues") yield* located(v, path ? `${path}.${k}` : k);
}

export const flagUncertainGlyphValues: Stage = {
  name: "glyphs-uncertain",
  run(result) {
    const record = result.record as { issues?: ExtractionIssue[] } | undefined;
    if (!record) return;
    const decoded = new Set(result.pages.filter((p) => p.source === "glyphs").map((p) => p.number));
    if (decoded.size === 0) return;
    const issues = record.issues ?? result.issues;
    const seen = new Set<string>();
    for (const v of located(record, "")) {
      const { prov } = v;
      if (!decoded.has(prov.page) || prov.conf === undefined || prov.conf > UNCERTAIN_CONF) continue;
      const id = `${v.path}@${prov.page}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const shown = typeof v.value === "string" || typeof v.value === "number" ? ` = ${v.value}` : "";
      issues.push({
        stage: "glyphs",
        code: "ocr_uncertain",
        severity: "warning",
        message: `${v.path}${shown} (page ${prov.page}, printed “${prov.text}”) was decoded from glyphs the OCR readings did not agree on: check it on the page`,
        page: prov.page,
        field: v.path,
        bbox: prov.bbox,
      });
    }
  },
};
