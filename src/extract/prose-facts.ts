/**
 * Facts stated in running text: staff counts, the self score and grade, key projects
 * ("1、X经费，全年预算数 A 万元，实际执行数 B 万元，预算执行率 C%").
 */
import type { Figure, Text } from "../../schemas/provenance.js";
import type { ProjectSpending } from "../../schemas/report.js";
import { type LocatedText, normalizeText } from "../layout/located-text.js";
import { cellAt, type Table, type TableCell } from "../layout/table-model.js";
import { foldLabel, longestMatch, re, reAll, type Vocabulary } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import type { Mention } from "./mentions.js";
import { parseChineseInteger, parseCount, parseDecimal } from "./numbers.js";

type StaffKey = "authorized" | "in_service" | "contract" | "retired";

/** Staff counts: the count right after a staff label in the same clause. */
export function staffCounts(lt: LocatedText, vocab: Vocabulary): Partial<Record<StaffKey, Figure>> {
  const t = lt.text;
  const out: Partial<Record<StaffKey, Figure>> = {};
  const L = vocab.labels.staff;
  // A count and its unit; OCR reads 人 after a number as "A" or "Ao" (taken only from OCR'd text).
  const COUNT = reAll(L.count);
  let prevEnd = 0;
  let lastKey: StaffKey | undefined;
  let lastEnd = 0;
  for (let m = COUNT.exec(t); m; m = COUNT.exec(t)) {
    let from = prevEnd;
    const delim = /[。；;，,：:、]/g;
    delim.lastIndex = from;
    for (let d = delim.exec(t); d && d.index < m.index; d = delim.exec(t)) from = d.index + 1;
    prevEnd = m.index + m[0].length;
    // (A bracket or bar right before the count is OCR's reading of a speck: "编外聘用人员]11 人".)
    const lead = foldLabel(
      compact(t.slice(from, m.index))
        .replace(/[(（][^)）]*[)）]/g, "")
        .replace(re(L.speck), ""),
      vocab,
    );
    // "核定行政编制30名、事业编制15名，合计45名": the sum of the kinds of posts is the count.
    if (lastKey && re(L.sum).test(lead) && !/[。；;]/.test(t.slice(lastEnd, m.index))) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInteger(m[1]!);
      if (n !== undefined && Number(out[lastKey]!.value) < n)
        out[lastKey] = figureOf(
          { value: String(n), ulp: "1" },
          m[2]!,
          provOf(lt, m.index, m.index + m[1]!.length),
        );
      lastKey = undefined;
      continue;
    }
    // Changes ("对比上年增加 2 人") and sub-counts ("其中财政全额拨款 10 人") are not the counts.
    if (re(L.notACount).test(lead)) continue;
    let best: { key: StaffKey; length: number } | undefined;
    for (const key of ["authorized", "in_service", "contract", "retired"] as const) {
      const hit = longestMatch(lead, vocab.staff[key]);
      // The label must end the lead (allowing 为/是/共/有), not sit somewhere earlier in it.
      if (hit && re(L.labelTail).test(lead.slice(hit.index + hit.length).replace(re(L.labelTailStrip), ""))) {
        if (!best || hit.length > best.length) best = { key, length: hit.length };
      }
    }
    if (!best || out[best.key]) continue;
    // A count of one kind of post (行政编制, 事业编制) may be followed by their 合计.
    lastKey = best.key === "authorized" && re(L.postKinds).test(lead) ? best.key : undefined;
    lastEnd = m.index + m[0].length;
    const digits = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInteger(m[1]!);
    if (digits === undefined) continue;
    const prov = provOf(lt, m.index, m.index + m[1]!.length);
    const ocrUnit = m[2] === L.ocrPersonUnit;
    if (ocrUnit && prov.conf === undefined) continue;
    out[best.key] = figureOf({ value: String(digits), ulp: "1" }, ocrUnit ? L.personUnit : m[2]!, prov);
  }
  return out;
}

/**
 * Staff counts in a form's cells: a label cell followed by its count (人员编制 | 19 | 实有人数 | 19),
 * or a row of labels above a row of counts. The label must be a staff label as a whole (what may
 * follow a label in prose may follow it here).
 */
export function tableStaff(table: Table, vocab: Vocabulary): Partial<Record<StaffKey, Figure>> {
  const out: Partial<Record<StaffKey, Figure>> = {};
  const L = vocab.labels.staff;
  const keyOf = (label: string): StaffKey | undefined => {
    const lead = foldLabel(compact(label).replace(/[:：]$/, ""), vocab);
    let best: { key: StaffKey; length: number } | undefined;
    for (const key of ["authorized", "in_service", "contract", "retired"] as const) {
      const hit = longestMatch(lead, vocab.staff[key]);
      if (!hit || hit.index > 0) continue;
      const rest = lead.slice(hit.index + hit.length).replace(re(L.labelTailStrip), "");
      if (!re(L.labelTail).test(rest) && !/^\(.*\)$/.test(rest)) continue;
      if (!best || hit.length > best.length) best = { key, length: hit.length };
    }
    return best?.key;
  };
  const countOf = (cell: TableCell | undefined): Figure | undefined => {
    if (!cell) return undefined;
    const printed = normalizeText(cell.text.printed).trim();
    const n = /^\d{1,6}$/.test(printed.replace(/\s+/g, ""))
      ? Number(printed.replace(/\s+/g, ""))
      : parseCount(printed, L.countUnit);
    if (n === undefined) return undefined;
    return figureOf({ value: String(n), ulp: "1" }, L.personUnit, provOf(cell.text));
  };
  const rowCells = (r: number): TableCell[] =>
    Array.from({ length: table.nCols }, (_, c) => cellAt(table, r, c)).filter(
      (x, i, a): x is TableCell => x !== undefined && a.indexOf(x) === i,
    );
  for (let r = 0; r < table.rows.length; r++) {
    const cells = rowCells(r);
    cells.forEach((cell, i) => {
      const key = keyOf(normalizeText(cell.text.printed));
      if (!key || out[key]) return;
      // Label left of its value, else the value in the same column on the next row (a header row of
      // labels over one row of counts).
      const right = countOf(cells[i + 1]);
      if (right) {
        out[key] = right;
        return;
      }
      const below = r + 1 < table.rows.length ? cellAt(table, r + 1, cell.col) : undefined;
      const down = below && below !== cell && below.colSpan === cell.colSpan ? countOf(below) : undefined;
      if (down) out[key] = down;
    });
  }
  return out;
}

export function selfScore(lt: LocatedText, vocab: Vocabulary): Figure | undefined {
  const t = lt.text;
  const S = vocab.labels.score;
  // Every score phrase of the paragraph, by pattern order: the first that is not one part's score
  // wins (预算管理指标得分29.28分，…，自评总分98.78分 gives 98.78); else the first.
  const found: RegExpExecArray[] = [];
  for (const p of S.prose) found.push(...t.matchAll(reAll(p)));
  if (found.length === 0) return undefined;
  const part = re(S.partScore);
  const m = found.find((x) => !part.test(t.slice(0, x.index))) ?? found[0]!;
  const n = parseDecimal(m[1]!);
  if (!n || Number(n.value) > 100) return undefined;
  const at = m.index + m[0].lastIndexOf(m[1]!);
  return figureOf(n, vocab.labels.score.unitWord, provOf(lt, at, at + m[1]!.length));
}

export function grade(lt: LocatedText, vocab: Vocabulary): Text | undefined {
  const t = lt.text;
  for (const p of vocab.labels.score.grade) {
    const m = re(p).exec(t);
    if (m) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      return { value: m[1]!, prov: provOf(lt, at, at + m[1]!.length) };
    }
  }
  return undefined;
}

/**
 * A project statement in prose: a list item naming a project, then its budget, executed amount and
 * rate. `mentions` are the paragraph's mentions (in order).
 */
export function proseProject(
  lt: LocatedText,
  mentions: readonly Mention[],
  inProjectSection: boolean,
  vocab: Vocabulary,
): ProjectSpending | undefined {
  const t = lt.text;
  const L = vocab.labels.projects;
  const head = re(L.head).exec(t);
  // Outside a project section only a numbered list item counts.
  if (!head || (!inProjectSection && !head[1])) return undefined;
  const name = compact(head[2]!).replace(/[。.]$/, "");
  if (re(L.figureWord).test(name) && !re(L.nameEnd).test(name)) return undefined;
  const budget = mentions.find((m) => m.kind === "amount" && re(L.budget).test(m.lead));
  const executed = mentions.find((m) => m.kind === "amount" && re(L.executed).test(m.lead));
  if (!budget || !executed) return undefined;
  const rate = mentions.find((m) => m.kind === "percent" && re(L.rate).test(m.lead));
  const at = t.indexOf(head[2]!);
  const p: ProjectSpending = {
    name,
    budget: budget.figure,
    executed: executed.figure,
    context: "prose",
    prov: provOf(lt, at, at + head[2]!.length),
  };
  if (rate) p.rate = rate.figure;
  return p;
}
