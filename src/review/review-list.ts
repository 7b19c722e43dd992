/**
 * `selfeval review`: the values an auditor should verify first, most doubtful first. A value earns
 * its place by reasons, and its reasons add up:
 *
 *   a correction that no longer finds its value             100
 *   an extraction issue `ocr_uncertain` about it              60
 *   two files of the report read it differently               50 (copy_mismatch)
 *   a finding rests on it (error / warning; the stated value  45 / 30, a part or operand 25 / 15;
 *     weighs more than the operands it was compared with)     +15 when the value was read by OCR
 *   two statements of it disagree by one OCR digit            40 (restated/copy info)
 *   OCR read it with low confidence (below the threshold)     30 + (threshold − confidence)
 *   a name one character off every other year's               35 (20 when a text layer's: a rename
 *     (name_across_years; corrected by `check` or flagged)        or typo more likely than a misread)
 *
 * Values already corrected (or confirmed, a correction to the same value) leave the list — except
 * those `check` corrected itself, which stay until an auditor confirms or withdraws them.
 */
import type { CorrectionNote } from "../../schemas/correction.js";
import type { Finding } from "../../schemas/finding.js";
import type { Report } from "../../schemas/report.js";
import { CHECK_AUTHOR } from "../checks/rule.js";
import { NAME_RULE_ID } from "../checks/rules/name-across-years.js";
import type { UnappliedCorrection } from "./apply-corrections.js";
import { type FieldTarget, fieldTargets, targetAt } from "./field-path.js";
import { UNCERTAIN_BELOW } from "./uncertainty.js";

/** OCR confidences below this are doubtful: the threshold of uncertain values (uncertainty.ts). */
export const LOW_OCR_CONFIDENCE = UNCERTAIN_BELOW;

export type ReviewReasonCode =
  | "correction_unapplied"
  | "ocr_uncertain"
  | "copy_mismatch"
  | "finding"
  | "statements_disagree"
  | "low_ocr_confidence"
  | "name_across_years";

export interface ReviewReason {
  code: ReviewReasonCode;
  weight: number;
  /** One sentence: why the value is listed. */
  text: string;
  rule?: string;
}

export interface ReviewItem {
  report_id: string;
  source_file: string;
  department?: string;
  fiscal_year?: number;
  /** The field path `selfeval correct` takes. */
  field: string;
  label: string;
  /** Whether `selfeval correct` can change it (a finding may rest on a region that is no single value). */
  correctable: boolean;
  /** The value as read now (exact decimal or text). */
  reading?: string;
  unit?: string;
  page?: number;
  bbox?: [number, number, number, number];
  printed?: string;
  conf?: number;
  corrected?: CorrectionNote;
  reasons: ReviewReason[];
  priority: number;
}

export interface ReviewInput {
  /** The reports as loaded (corrections applied). */
  reports: readonly Report[];
  /** Findings of a check over the same reports. */
  findings: readonly Finding[];
  /** Copies (report id → canonical report id): their own low-confidence values are not listed. */
  canonicalOf?: ReadonlyMap<string, string>;
  unapplied?: readonly UnappliedCorrection[];
  lowConfidence?: number;
}

const FINDING_WEIGHT = { error: { stated: 45, part: 25 }, warning: { stated: 30, part: 15 } } as const;
const OCR_IN_FINDING = 15;

export function reviewItems(input: ReviewInput): ReviewItem[] {
  const threshold = input.lowConfidence ?? LOW_OCR_CONFIDENCE;
  const byId = new Map(input.reports.map((r) => [r.report_id, r]));
  const targetsOf = new Map<string, FieldTarget[]>();
  const targets = (r: Report): FieldTarget[] => {
    const known = targetsOf.get(r.report_id);
    if (known) return known;
    const t = fieldTargets(r);
    targetsOf.set(r.report_id, t);
    return t;
  };
  const items = new Map<string, ReviewItem>();
  const itemFor = (
    r: Report,
    t: FieldTarget | undefined,
    fallback?: { field: string; page?: number; bbox?: ReviewItem["bbox"]; printed?: string },
  ): ReviewItem => {
    const field = t?.path ?? fallback?.field ?? "";
    const key = `${r.report_id}|${field}|${t ? "" : (fallback?.page ?? "")}`;
    let item = items.get(key);
    if (!item) {
      const v = t?.value;
      item = {
        report_id: r.report_id,
        source_file: r.source_file,
        ...(r.department ? { department: r.department.value } : {}),
        ...(r.fiscal_year ? { fiscal_year: Number(r.fiscal_year.value) } : {}),
        field,
        label: t?.label ?? field,
        correctable: !!t,
        ...(v ? { reading: v.value, page: v.prov.page, bbox: v.prov.bbox, printed: v.prov.text } : {}),
        ...(v && "unit" in v ? { unit: v.unit } : {}),
        ...(v?.prov.conf !== undefined ? { conf: v.prov.conf } : {}),
        ...(v?.correction ? { corrected: v.correction } : {}),
        ...(!v && fallback
          ? {
              ...(fallback.page !== undefined ? { page: fallback.page } : {}),
              ...(fallback.bbox ? { bbox: fallback.bbox } : {}),
              ...(fallback.printed !== undefined ? { printed: fallback.printed } : {}),
            }
          : {}),
        reasons: [],
        priority: 0,
      };
      items.set(key, item);
    }
    return item;
  };
  const add = (item: ReviewItem, reason: ReviewReason): void => {
    // One reason per rule and code: a value in three sum findings is listed once for them.
    if (item.reasons.some((x) => x.code === reason.code && x.rule === reason.rule)) return;
    item.reasons.push(reason);
  };

  // 1. Corrections that no longer find their value.
  for (const u of input.unapplied ?? []) {
    const r = byId.get(u.correction.report_id);
    if (!r) continue;
    const item = itemFor(r, undefined, { field: u.correction.field, page: u.correction.page });
    add(item, {
      code: "correction_unapplied",
      weight: 100,
      text: `更正未能应用：${u.why}（原读数${u.correction.original ?? "?"}，更正为${u.correction.value}）。`,
    });
  }

  // 2. Extraction issues that say a reading is doubtful.
  for (const r of input.reports) {
    for (const issue of r.issues) {
      if (issue.code !== "ocr_uncertain") continue;
      const named = issue.field;
      // The value the issue names: by its box where the issue has one, else by its path.
      const t =
        (issue.page !== undefined && issue.bbox ? targetAt(targets(r), issue.page, issue.bbox) : undefined) ??
        (named ? targets(r).find((x) => x.path === named) : undefined);
      const item = itemFor(r, t, { field: named ?? `issue:${issue.code}`, page: issue.page });
      add(item, { code: "ocr_uncertain", weight: 60, text: issue.message });
    }
  }

  // 3. Values findings rest on.
  for (const f of input.findings) {
    if (f.rule === NAME_RULE_ID) {
      // The name of the odd year, not the other years' that witness it.
      const r = byId.get(f.report_id);
      const t = r ? targets(r).find((x) => x.path === f.field) : undefined;
      if (r && t)
        add(itemFor(r, t), {
          code: "name_across_years",
          weight: t.value.prov.conf !== undefined || t.value.correction ? 35 : 20,
          text: f.message,
          rule: f.rule,
        });
      continue;
    }
    const disagree = f.rule === "restated_mismatch" || f.rule === "copy_mismatch";
    if (f.severity === "info" && !disagree) continue;
    for (const e of f.evidence) {
      const r = byId.get(e.report_id);
      if (!r) continue;
      const t = targetAt(targets(r), e.page, e.bbox);
      const stated = e.report_id === f.report_id && f.page === e.page && sameBox(f.bbox, e.bbox);
      const ocr = t?.value.prov.conf !== undefined;
      const item = itemFor(r, t, { field: f.field, page: e.page, bbox: e.bbox, printed: e.text });
      if (f.rule === "copy_mismatch") {
        add(item, { code: "copy_mismatch", weight: 50, text: f.message, rule: f.rule });
      } else if (f.severity === "info") {
        // restated_mismatch at info level: two OCR readings one digit apart.
        add(item, { code: "statements_disagree", weight: 40, text: f.message, rule: f.rule });
      } else {
        const w = FINDING_WEIGHT[f.severity][stated ? "stated" : "part"] + (ocr ? OCR_IN_FINDING : 0);
        add(item, {
          code: disagree ? "statements_disagree" : "finding",
          weight: w,
          text: f.message,
          rule: f.rule,
        });
      }
    }
  }

  // 4. Low OCR confidence, in the reading that counts (a copy's own values are not the report's).
  for (const r of input.reports) {
    if (input.canonicalOf?.has(r.report_id)) continue;
    for (const t of targets(r)) {
      const conf = t.value.prov.conf;
      if (conf === undefined || conf >= threshold) continue;
      add(itemFor(r, t), {
        code: "low_ocr_confidence",
        weight: 30 + (threshold - conf),
        text: `扫描件识别置信度${Math.round(conf)}%（低于${threshold}%）。`,
      });
    }
  }

  // 5. Values `check` corrected itself, even where the evidence is no longer found (more years read since).
  for (const r of input.reports) {
    for (const t of targets(r)) {
      const c = t.value.correction;
      if (c?.author !== CHECK_AUTHOR) continue;
      const item = itemFor(r, t);
      if (item.reasons.some((x) => x.code === "name_across_years")) continue;
      add(item, {
        code: "name_across_years",
        weight: 20,
        text: `selfeval check 已将“${c.original}”更正为“${t.value.value}”：${c.reason}。请对照原件核实（确认或撤销）。`,
      });
    }
  }

  const out = [...items.values()].filter(
    (i) =>
      i.reasons.length > 0 &&
      (!i.corrected ||
        i.corrected.author === CHECK_AUTHOR ||
        i.reasons.some((x) => x.code === "correction_unapplied")),
  );
  for (const i of out) i.priority = i.reasons.reduce((a, x) => a + x.weight, 0);
  const collator = new Intl.Collator("zh-Hans-CN");
  return out.sort(
    (a, b) =>
      b.priority - a.priority ||
      collator.compare(a.department ?? "", b.department ?? "") ||
      (a.fiscal_year ?? 0) - (b.fiscal_year ?? 0) ||
      a.source_file.localeCompare(b.source_file) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      a.field.localeCompare(b.field),
  );
}

const sameBox = (a: readonly number[] | undefined, b: readonly number[]): boolean =>
  !!a && a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 0.05);
