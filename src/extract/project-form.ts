/**
 * Project self-evaluation forms (项目支出绩效自评表): a ruled form that opens with the project's name
 * cell. Several forms stacked in one file each open that way; each is read from its own blocks into
 * its own report (its figures, indicators and score), never mixed into another's.
 */
import type { Text } from "../../schemas/provenance.js";
import type { Block } from "../layout/document-layout.js";
import { normalizeText } from "../layout/located-text.js";
import { cellAt, type Table, type TableCell } from "../layout/table-model.js";
import { re, type Vocabulary } from "./definitions.js";
import { compact, provOf } from "./figure.js";

/** The value cell right of a label cell matching `label` in the table's first rows. */
function cellValue(table: Table, label: string, rows = 4): Text | undefined {
  for (let r = 0; r < Math.min(rows, table.rows.length); r++) {
    const cells = Array.from({ length: table.nCols }, (_, c) => cellAt(table, r, c)).filter(
      (x, i, a): x is TableCell => x !== undefined && a.indexOf(x) === i,
    );
    const i = cells.findIndex((c) => re(label).test(compact(normalizeText(c.text.printed))));
    const v = i >= 0 ? cells[i + 1] : undefined;
    const value = v ? normalizeText(v.text.printed).trim() : "";
    if (v && value.length >= 2) return { value, prov: provOf(v.text) };
  }
  return undefined;
}

/** Indices of the tables (in `blocks`) that open a project form. */
export function formStarts(blocks: readonly Block[], vocab: Vocabulary): number[] {
  const P = vocab.labels.projectForm;
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (b.kind !== "table") return;
    const first = cellAt(b.table, 0, 0);
    if (first && re(P.nameCell).test(compact(normalizeText(first.text.printed)))) out.push(i);
  });
  return out;
}

/** The project's name and implementing unit: the form's cells, else a labelled field in the text. */
export function projectIdentity(blocks: readonly Block[], vocab: Vocabulary): { name?: Text; unit?: Text } {
  const P = vocab.labels.projectForm;
  const out: { name?: Text; unit?: Text } = {};
  for (const b of blocks.slice(0, 80)) {
    if (b.kind === "table") {
      out.name ??= cellValue(b.table, P.nameCell);
      out.unit ??= cellValue(b.table, P.unitCell);
    } else {
      const t = normalizeText(b.text.printed);
      const n = re(P.nameField).exec(t);
      if (n && !out.name) out.name = { value: n[1]!, prov: provOf(b.text) };
      const u = re(P.unitField).exec(t);
      if (u && !out.unit) out.unit = { value: u[1]!, prov: provOf(b.text) };
    }
    if (out.name && out.unit) break;
  }
  return out;
}

/**
 * Where each stacked form starts (the first at 0): a later form's table, and the short lines just
 * before it (its title and year line), belong to it. One form (or none): `[0]`.
 */
export function formCuts(blocks: readonly Block[], starts: readonly number[]): number[] {
  const cuts = [0];
  for (let k = 1; k < starts.length; k++) {
    let cut = starts[k]!;
    while (cut > starts[k - 1]! + 1) {
      const prev = blocks[cut - 1]!;
      if (prev.kind !== "paragraph" || compact(prev.text.text).length > 30) break;
      cut--;
    }
    cuts.push(cut);
  }
  return cuts;
}
