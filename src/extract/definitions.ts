/**
 * The shape of the declarative definitions in `pipelines/`: label synonyms, section anchors and
 * table header maps. What differs between house styles is data of these types, not code.
 */
import type { BudgetSection, HeadlineKey } from "../../schemas/report.js";

/** A regular-expression source, matched against NFKC-normalised text with spaces removed. */
export type Pattern = string;

export interface ItemDef {
  /** Canonical item name written to the dataset. */
  item: string;
  patterns: Pattern[];
}

export type SectionAnchor =
  | "basic_info"
  | "budget"
  | "indicators"
  | "conclusion"
  | "tasks"
  | "projects"
  | "problems"
  | "next_steps";

export interface Vocabulary {
  /** Labels of headline figures; a percent key only matches percentages, an amount key amounts. */
  headline: Partial<Record<HeadlineKey, Pattern[]>>;
  /** Items of each breakdown. */
  items: Record<Exclude<BudgetSection, "yoy_component">, ItemDef[]>;
  /** Components of the change against last year (人员经费, 公用经费, 项目支出). */
  yoyComponents: ItemDef[];
  /** Words that mark a figure as a comparison with the previous year. */
  yoyMarkers: Pattern[];
  /** Labels of staff counts. */
  staff: Record<"authorized" | "in_service" | "contract" | "retired", Pattern[]>;
  /** Section titles (heading text) that anchor each part of a report. */
  sections: Record<SectionAnchor, Pattern[]>;
  /** Titles that make a document a self-evaluation report, and the kinds they name. */
  reportKinds: ItemDef[];
  /**
   * OCR misreadings folded back before labels are matched (文出 → 支出). Only strings that are not
   * words of their own belong here: the fold applies to every label.
   */
  labelFolds: Record<string, string>;
}

export type TableKind = "indicators" | "tasks" | "projects";

export interface TableDef {
  kind: TableKind;
  /** Header patterns per field; a column belongs to the first field whose pattern its header matches. */
  columns: Record<string, Pattern[]>;
  /** Fields that must all be present for the table to be of this kind. */
  required: string[];
}

export interface Definitions {
  vocabulary: Vocabulary;
  tables: TableDef[];
}

const cache = new Map<string, RegExp>();
/** Compiles (once) a pattern of the definitions. */
export function re(p: Pattern): RegExp {
  let r = cache.get(p);
  if (!r) {
    r = new RegExp(p, "u");
    cache.set(p, r);
  }
  return r;
}

/** The longest match of any pattern in `text`, with its position. */
export function longestMatch(
  text: string,
  patterns: readonly Pattern[],
): { index: number; length: number } | undefined {
  let best: { index: number; length: number } | undefined;
  for (const p of patterns) {
    const m = re(p).exec(text);
    if (m && (!best || m[0].length > best.length)) best = { index: m.index, length: m[0].length };
  }
  return best;
}

/** Applies the vocabulary's OCR folds to a label before it is matched. */
export function foldLabel(label: string, vocab: Pick<Vocabulary, "labelFolds">): string {
  let out = label;
  for (const [from, to] of Object.entries(vocab.labelFolds))
    if (out.includes(from)) out = out.split(from).join(to);
  return out;
}
