/**
 * name_across_years: a department's name read one character differently in one year than in the
 * other years (one character of a place name misread by OCR). A misread character splits a department's years — they are no
 * longer compared, its peers miss it — so the other years are the evidence.
 *
 * What is corrected and what only flagged (README, Checks):
 * - A candidate: a name that occurs in one fiscal year only, one substitution, insertion or deletion
 *   away from exactly one other name, which at least two other years print exactly (normalised).
 *   The agreed name must have no other report of the same kind in that year, unless that one is the
 *   same report by its figures (a copy): two bureaus of one district whose names differ in one
 *   character are two departments in one year, not a misread.
 * - Corrected (a correction recorded by `check`, author `selfeval check`, undone like any other):
 *   only a reading made by OCR (or decoded from glyphs) that is doubtful enough — the odd year lies
 *   between agreeing years (a name does not change and change back), or the reading is uncertain
 *   (low confidence) — and whose differing character is not the kind of body (局/委/办/中心…) nor
 *   the last character, where a one-character rename is real (a 局 becoming a 委).
 * - Flagged only: a text layer's name (what the file says: a rename, a typo, or the other years'
 *   misread), an OCR reading at the first or last year read with confidence (a rename shows there),
 *   a change of the body's kind. A field an auditor has corrected or withdrawn is theirs: no finding.
 * Findings are `info` (see SEVERITY); `review` lists each one.
 */
import type { Correction } from "../../../schemas/correction.js";
import type { Finding } from "../../../schemas/finding.js";
import type { Text } from "../../../schemas/provenance.js";
import type { Report } from "../../../schemas/report.js";
import { loadedLabels, re } from "../../extract/definitions.js";
import { isUncertain, UNCERTAIN_BELOW } from "../../review/uncertainty.js";
import { normalizeName } from "../department-identity.js";
import { evidence, makeFinding } from "../finding-builder.js";
import { byCheck, type ProposedCorrection, type RuleOf, type YearsContext } from "../rule.js";
import { compareReadings, kindClass, sameByFigures } from "../same-report.js";

export const NAME_RULE_ID = "name_across_years";
const FIELD = "department";

/** Years besides the odd one that must print the other name exactly. */
const AGREEING_YEARS = 2;
/** Shorter names are too close to each other for one character to say anything. */
const MIN_LENGTH = 4;

/** Whether two strings are one substitution, insertion or deletion apart (never equal). */
export function oneEditApart(a: string, b: string): boolean {
  return editAt(a, b) !== undefined;
}

/** Where two strings one edit apart differ: the index and the characters (one may be empty). */
function editAt(a: string, b: string): { at: number; a: string; b: string } | undefined {
  const x = [...a];
  const y = [...b];
  if (a === b || Math.abs(x.length - y.length) > 1) return undefined;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const tail = (s: string[], from: number) => s.slice(from).join("");
  if (x.length === y.length)
    return tail(x, i + 1) === tail(y, i + 1) ? { at: i, a: x[i]!, b: y[i]! } : undefined;
  if (x.length < y.length) return tail(x, i) === tail(y, i + 1) ? { at: i, a: "", b: y[i]! } : undefined;
  return tail(x, i + 1) === tail(y, i) ? { at: i, a: x[i]!, b: "" } : undefined;
}

interface History {
  /** The latest correction `check` recorded of the field. */
  byCheck?: Correction;
  /** An auditor corrected, confirmed or withdrew it. */
  ruled: boolean;
}

/** The field's corrections per report, by who made them. */
function histories(ctx: YearsContext): Map<string, History> {
  const out = new Map<string, History>();
  for (const c of ctx.corrections) {
    if (c.field !== FIELD) continue;
    const h = out.get(c.report_id) ?? { ruled: false };
    if (byCheck(c)) h.byCheck = c;
    else h.ruled = true;
    out.set(c.report_id, h);
  }
  return out;
}

/** The department as read: a correction by the check itself is set aside (the evidence is the reading). */
const readAs = (t: Text, h: History): string => (h.byCheck && t.correction ? t.correction.original : t.value);

const ofKind = (r: Report): string =>
  `${kindClass(r.report_kind?.value)}|${r.project_name ? normalizeName(r.project_name.value) : ""}`;

export type NameVerdict = "correct" | "corrected" | "flag_ocr" | "flag_text";

export interface NameCase {
  report: Report;
  read: Text;
  /** The odd reading (as printed) and the reading the other years agree on (as they print it). */
  odd: string;
  agreed: string;
  /** A report of each agreeing year, oldest first. */
  witnesses: Report[];
  verdict: NameVerdict;
  /** Why it is only flagged, when it is. */
  why?: string;
}

interface Reading {
  report: Report;
  name: string;
  printed: string;
  year: number;
  h: History;
}

/** Every department name read in one year one character off the name at least two other years agree on. */
export function nameCases(reports: readonly Report[], ctx: YearsContext): NameCase[] {
  const byName = new Map<string, Reading[]>();
  const history = histories(ctx);
  for (const r of reports) {
    if (!r.department || !r.fiscal_year) continue;
    const h = history.get(r.report_id) ?? { ruled: false };
    const printed = readAs(r.department, h);
    const name = ctx.keys?.(printed) ?? normalizeName(printed);
    byName.set(name, [
      ...(byName.get(name) ?? []),
      { report: r, name, printed, year: Number(r.fiscal_year.value), h },
    ]);
  }
  const out: NameCase[] = [];
  for (const [odd, readings] of byName) {
    const years = new Set(readings.map((x) => x.year));
    if (years.size !== 1 || [...odd].length < MIN_LENGTH) continue;
    const year = readings[0]!.year;
    const close = [...byName.keys()].filter((n) => oneEditApart(odd, n));
    if (close.length !== 1) continue;
    const agreed = byName.get(close[0]!)!;
    const otherYears = [...new Set(agreed.map((x) => x.year))]
      .filter((y) => y !== year)
      .sort((a, b) => a - b);
    if (otherYears.length < AGREEING_YEARS) continue;
    const witnesses = otherYears.map((y) => agreed.find((x) => x.year === y)!.report);
    const agreedPrinted = agreed.find((x) => x.year !== year)!.report.department!.value;
    const edit = editAt(odd, close[0]!)!;
    const between = otherYears[0]! < year && otherYears.at(-1)! > year;
    for (const x of readings) {
      if (x.h.ruled) continue;
      // Another report of the agreed name in the same year and of the same kind is another department,
      // unless it is this report by its figures (a copy whose name was misread).
      const sameYear = agreed.filter((a) => a.year === year && ofKind(a.report) === ofKind(x.report));
      if (sameYear.some((a) => !sameByFigures(compareReadings(x.report, a.report)))) continue;
      const read = x.report.department!;
      const base = { report: x.report, read, odd: x.printed, agreed: agreedPrinted, witnesses };
      if (x.h.byCheck) {
        if (read.correction && read.value === x.h.byCheck.value) out.push({ ...base, verdict: "corrected" });
        continue;
      }
      const conf = read.prov.conf;
      const doubtful = isUncertain(read) || (conf !== undefined && conf < UNCERTAIN_BELOW);
      const ocr = conf !== undefined || doubtful;
      if (!ocr) {
        out.push({ ...base, verdict: "flag_text", why: "文字层如此" });
        continue;
      }
      const why =
        // The characters that say what kind of body it is (labels.identity.bodyKind): a change among them is a rename.
        re(loadedLabels().identity.bodyKind).test(edit.a + edit.b) ||
        edit.at >= Math.min([...odd].length, [...close[0]!].length) - 1
          ? "所差为机构类别或末字，可能是更名"
          : !between && !doubtful
            ? "该年度为首末年度且识别置信度不低，可能是更名"
            : undefined;
      out.push({ ...base, verdict: why ? "flag_ocr" : "correct", ...(why ? { why } : {}) });
    }
  }
  return out;
}

const where = (r: Report, t: Text): string => `《${r.source_file}》第${t.prov.page}页`;

/**
 * A name read otherwise is a question about the reading, not a contradiction between the report's
 * figures (what warnings and errors say): every verdict is `info`. `review` lists them all, a
 * corrected or OCR'd one first.
 */
const SEVERITY: Record<NameVerdict, Finding["severity"]> = {
  correct: "info",
  corrected: "info",
  flag_ocr: "info",
  flag_text: "info",
};

function message(c: NameCase): string {
  const years = c.witnesses.map((w) => `${w.fiscal_year!.value}年度${where(w, w.department!)}`).join("、");
  const head = `部门名称在${where(c.report, c.read)}${c.verdict === "flag_text" ? "印为" : "识别为"}“${c.odd}”，而${years}均为“${c.agreed}”，仅差一字`;
  switch (c.verdict) {
    case "corrected":
      return `${head}，多为扫描件识别误差，已由 selfeval check 按其他年度更正为“${c.agreed}”（原读数保留；如原件即如此，可用 selfeval correct ${c.report.report_id.slice(0, 12)} department --revert 撤销），请对照原件核实。`;
    case "correct":
      return `${head}，多为扫描件识别误差，selfeval check 将按其他年度更正为“${c.agreed}”，请对照原件核实。`;
    case "flag_ocr":
      return `${head}（${c.why}），未自动更正：请对照原件核实，如为识别误差请用 selfeval correct 更正，如为同一部门更名可在别名文件中登记。`;
    case "flag_text":
      return `${head}（${c.why}，可能是更名、笔误或其他年度的识别误差），未作更正：请核实；如为同一部门，可在别名文件中登记以便跨年度比较。`;
  }
}

export const nameAcrossYearsRule: RuleOf<"department_years"> = {
  id: NAME_RULE_ID,
  scope: "department_years",
  severity: "info",
  name: "名称与其他年度相差一字",
  explanation:
    "同一部门的名称在某一年度与其他年度一致的写法相差一个字：扫描件中多为识别误差，按其他年度记录更正（原读数保留，可撤销）；文字层或可能是更名的，只提示核实。",
  run(reports, ctx) {
    return nameCases(reports, ctx).map((c) =>
      makeFinding(c.report, {
        rule: NAME_RULE_ID,
        scope: "department_years",
        severity: SEVERITY[c.verdict],
        field: FIELD,
        message: message(c),
        evidence: [
          evidence(c.report, "this year's reading", c.read.prov),
          ...c.witnesses.map((w) => evidence(w, "other year's reading", w.department!.prov)),
        ],
      }),
    );
  },
  propose(reports, ctx): ProposedCorrection[] {
    return nameCases(reports, ctx)
      .filter((c) => c.verdict === "correct")
      .map((c) => ({
        report_id: c.report.report_id,
        field: FIELD,
        value: c.agreed,
        original: c.read.value,
        page: c.read.prov.page,
        reason: `其他${c.witnesses.length}个年度的报告均为“${c.agreed}”（${c.witnesses.map((w) => `${w.fiscal_year!.value}年度《${w.source_file}》`).join("、")}），本年度扫描件识别为“${c.odd}”，仅差一字`,
      }));
  },
};
