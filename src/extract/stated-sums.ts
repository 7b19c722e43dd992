/**
 * Totals stated with their parts, wherever a report prints them, so the checks can test that the
 * parts add up:
 * - a table block whose last row is a 合计 under two or more rows: each amount column's 合计 is the
 *   sum of the rows above it (the parts are all of them: exhaustive);
 * - a total row followed by its 其中 rows (年度资金总额 / 其中：本年财政拨款 / 上年结转资金): a selection,
 *   which may leave parts out, but can never exceed its total;
 * - prose: an amount followed by 其中 / 包括 and two or more amounts ("项目资金总额89.97万元，其中：
 *   A30万元；B30万元；C29.99万元").
 */
import type { StatedSum } from "../../schemas/report.js";
import { normalizeText } from "../layout/located-text.js";
import { cellAt, type Table } from "../layout/table-model.js";
import { re, type Vocabulary } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import type { Mention } from "./mentions.js";
import { type AmountUnit, parseAmount } from "./numbers.js";
import { isNumericCell, type TableBlock } from "./table-mentions.js";
import { unitFromHeader } from "./table-records.js";

export function tableSums(
  table: Table,
  blocks: readonly TableBlock[],
  unit: AmountUnit,
  vocab: Vocabulary,
): StatedSum[] {
  const out: StatedSum[] = [];
  const R = vocab.labels.rows;
  const F = vocab.labels.figures;
  const C = vocab.labels.columns;
  const text = (r: number, c: number): string =>
    normalizeText(cellAt(table, r, c)?.text.printed ?? "").trim();
  for (const b of blocks) {
    const header = (c: number): string =>
      compact(
        b.headerRows
          .map((r) => text(r, c))
          .filter((s, i, a) => a.indexOf(s) === i)
          .join(""),
      );
    // A row's label: the text cell nearest its numbers (a group cell spanning rows, 项目资金(万元), is not
    // the row's own label when the row has one).
    const labelOf = (r: number): { col: number; label: string } | undefined => {
      let found: { col: number; label: string; span: number } | undefined;
      for (let c = 0; c < table.nCols; c++) {
        const cell = cellAt(table, r, c);
        const s = text(r, c);
        if (isNumericCell(s)) break;
        if (!cell || s === "" || (found && cellAt(table, r, found.col) === cell)) continue;
        if (!found || found.span > 1) found = { col: c, label: compact(s), span: cell.rowSpan };
      }
      return found ? { col: found.col, label: found.label } : undefined;
    };
    const rows: Array<{ r: number; col: number; label: string }> = [];
    for (let r = b.start; r < b.end; r++) {
      const l = labelOf(r);
      if (l) rows.push({ r, ...l });
    }
    if (rows.length < 2) continue;
    const amountAt = (r: number, c: number) => {
      const cell = cellAt(table, r, c);
      const s = text(r, c).replace(/\s+/g, "");
      if (!cell || !isNumericCell(s) || /%$/.test(s)) return undefined;
      const a = parseAmount(s, unitFromHeader(header(c)) ?? unit);
      return a ? figureOf(a, a.unit, provOf(cell.text)) : undefined;
    };
    const columns = Array.from({ length: table.nCols }, (_, c) => c).filter((c) => {
      const h = header(c);
      return h !== "" && !re(C.points).test(h) && !re(C.percent).test(h);
    });
    const last = rows[rows.length - 1]!;
    const isPart = (label: string): boolean => re(F.partsMarkerLead).test(label);
    // 1. A 合计 row under flat rows (no 其中 rows, no 小计): every row above is a part.
    const above = rows.slice(0, -1);
    if (
      re(R.sumRow).test(last.label) &&
      above.length >= 2 &&
      !above.some((x) => isPart(x.label) || re(R.total).test(x.label) || re(R.totalLike).test(x.label))
    ) {
      for (const c of columns) {
        if (c <= last.col) continue;
        const total = amountAt(last.r, c);
        if (!total) continue;
        const parts = above.flatMap((x) => {
          const f = amountAt(x.r, c);
          return f ? [{ label: x.label, figure: f }] : [];
        });
        if (parts.length >= 2)
          out.push({ field: header(c), label: last.label, total, parts, exhaustive: true, context: "table" });
      }
    }
    // 2. A total row followed by its 其中 rows.
    rows.forEach((t, i) => {
      const next = rows[i + 1];
      if (!next || !isPart(next.label) || !re(R.totalLike).test(t.label) || isPart(t.label)) return;
      const members = [next];
      for (const x of rows.slice(i + 2)) {
        if (re(R.totalLike).test(x.label) || re(R.total).test(x.label)) break;
        members.push(x);
      }
      for (const c of columns) {
        if (c <= t.col) continue;
        const total = amountAt(t.r, c);
        if (!total) continue;
        const parts = members.flatMap((x) => {
          const f = amountAt(x.r, c);
          return f
            ? [{ label: x.label.replace(re(F.partsMarkerLead), "").replace(/^[:：]/, ""), figure: f }]
            : [];
        });
        if (parts.length >= 1)
          out.push({
            field: `${t.label}:${header(c)}`,
            label: t.label,
            total,
            parts,
            exhaustive: false,
            context: "table",
          });
      }
    });
  }
  return out;
}

/** A total in running text followed by its parts (其中 / 包括 …). `mentions` are the paragraph's, in order. */
export function proseSums(
  text: string,
  mentions: readonly Mention[],
  vocab: Vocabulary,
  /** A lead that names a total of its own (项目支出 after 基本支出's parts): a sibling, not a part. */
  namesTotal: (lead: string) => boolean,
): StatedSum[] {
  const out: StatedSum[] = [];
  const F = vocab.labels.figures;
  const intro = re(F.partsIntro);
  for (let i = 0; i < mentions.length; i++) {
    const t = mentions[i]!;
    if (t.kind !== "amount" || t.end === undefined) continue;
    const next = mentions.slice(i + 1).find((m) => m.kind === "amount");
    if (!next || next.start === undefined) continue;
    const between = compact(text.slice(t.end, next.start));
    const m = intro.exec(between);
    if (!m) continue;
    const parts: StatedSum["parts"] = [];
    let prevEnd = t.end;
    for (const p of mentions.slice(i + 1)) {
      if (p.start === undefined || p.end === undefined) break;
      const gap = text.slice(prevEnd, p.start);
      // The list ends at the sentence's end, at a nested 其中, or at a change (增加/减少…).
      if (/[。!！?？]/.test(gap) || (parts.length > 0 && intro.test(compact(gap)))) break;
      prevEnd = p.end;
      if (p.kind === "percent") continue;
      if (re(F.changeVerb).test(p.lead) || namesTotal(p.lead)) break;
      parts.push({ label: p.lead.replace(re(F.partsMarkerLead), ""), figure: p.figure });
    }
    const finest = parts.map((p) => p.figure.ulp).sort((a, b) => Number(a) - Number(b))[0];
    if (parts.length >= 2)
      out.push({
        ...(finest && parts.some((p) => p.figure.ulp !== finest) ? { ulp: finest } : {}),
        field: t.lead || F.partsMarker,
        label: t.lead,
        total: t.figure,
        parts,
        exhaustive: re(F.partsExhaustive).test(m[0]),
        context: "prose",
      });
  }
  return out;
}
