/**
 * Corrections over a reading. The stored reading is never edited: each time a report is loaded
 * (by check, show, export, report, review) the auditor's corrections are applied over it, so a
 * re-extraction by any version of selfeval keeps them. A corrected value keeps its page and box and
 * carries the value read (`correction.original`); a correction whose value cannot be found in the
 * new reading is kept and reported, never dropped. The reading handed back has its uncertain values
 * marked (uncertainty.ts); a corrected value is not uncertain.
 */
import Big from "big.js";
import type { Correction } from "../../schemas/correction.js";
import type { Figure, Text } from "../../schemas/provenance.js";
import type { Report } from "../../schemas/report.js";
import { decimalString } from "../extract/numbers.js";
import { type FieldTarget, fieldTargets, isFigure, normalizePath } from "./field-path.js";
import { markUncertain } from "./uncertainty.js";

export interface AppliedCorrection {
  correction: Correction;
  path: string;
  label: string;
  /** The value as extracted by the reading it was applied to. */
  read: string;
  value: string;
  page: number;
  /** The reading it was applied to differs from the one the auditor corrected (a new version read it otherwise). */
  readingChanged: boolean;
}

export interface UnappliedCorrection {
  correction: Correction;
  why: string;
}

export interface CorrectedReport {
  report: Report;
  applied: AppliedCorrection[];
  unapplied: UnappliedCorrection[];
}

/** The correction in force per report and field: the latest one; a withdrawal (value null) removes it. */
export function inForce(corrections: readonly Correction[]): Correction[] {
  const latest = new Map<string, Correction>();
  const order = (c: Correction) => `${c.created_at}|${String(c.id ?? 0).padStart(12, "0")}`;
  for (const c of corrections) {
    const k = `${c.report_id}|${normalizePath(c.field)}`;
    const prev = latest.get(k);
    if (!prev || order(c) >= order(prev)) latest.set(k, c);
  }
  return [...latest.values()].filter((c) => c.value !== null);
}

const ulpOf = (value: string): string => {
  const decimals = value.includes(".") ? value.split(".")[1]!.length : 0;
  return decimalString(new Big(1).div(new Big(10).pow(decimals)));
};

/**
 * The value a correction names: its path, or — when a numbered statement (`#2`) moved because the
 * new reading found one more or one fewer — the statement of the same name on the page the
 * auditor saw, with the value the auditor saw.
 */
function find(targets: readonly FieldTarget[], c: Correction): FieldTarget | undefined {
  const path = normalizePath(c.field);
  const exact =
    targets.find((t) => t.path === path) ?? targets.find((t) => t.path === path.replace(/#1(?=$|:)/, ""));
  if (exact && (c.page === undefined || exact.value.prov.page === c.page || c.original === undefined))
    return exact;
  const base = path.replace(/#\d+(?=$|:)/, "");
  const same = (t: FieldTarget) => t.path.replace(/#\d+(?=$|:)/, "") === base;
  return (
    targets.find((t) => same(t) && t.value.prov.page === c.page && t.value.value === c.original) ??
    targets.find((t) => same(t) && t.value.prov.page === c.page) ??
    exact
  );
}

export function applyCorrections(report: Report, corrections: readonly Correction[]): CorrectedReport {
  const mine = inForce(corrections.filter((c) => c.report_id === report.report_id));
  // The reading as every command sees it: uncertain values marked (uncertainty.ts), corrected ones not.
  if (mine.length === 0) return { report: markUncertain(report), applied: [], unapplied: [] };
  const out: Report = structuredClone(report);
  const applied: AppliedCorrection[] = [];
  const unapplied: UnappliedCorrection[] = [];
  for (const c of mine) {
    // Paths are resolved on the report as corrected so far (a corrected target text re-parses its value).
    const target = find(fieldTargets(out), c);
    if (!target) {
      unapplied.push({ correction: c, why: `no value "${c.field}" in this reading of the report` });
      continue;
    }
    const old = target.value;
    const note = {
      original: old.correction?.original ?? old.value,
      reason: c.reason,
      author: c.author,
      at: c.created_at,
      ...(c.id !== undefined ? { correction_id: c.id } : {}),
    };
    let next: Figure | Text;
    if (isFigure(old)) {
      if (!/^-?\d+(\.\d+)?$/.test(c.value!)) {
        unapplied.push({ correction: c, why: `"${c.value}" is not a number, and ${target.path} is one` });
        continue;
      }
      next = { ...old, value: c.value!, ulp: ulpOf(c.value!), correction: note };
    } else next = { ...old, value: c.value!, correction: note };
    target.set(out, next);
    applied.push({
      correction: c,
      path: target.path,
      label: target.label,
      read: note.original,
      value: c.value!,
      page: old.prov.page,
      readingChanged: c.original !== undefined && c.original !== note.original,
    });
  }
  return { report: markUncertain(out), applied, unapplied };
}
