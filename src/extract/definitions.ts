/**
 * The shape of the declarative definitions in `pipelines/`: label synonyms, section anchors,
 * label words and table header maps. What differs between house styles is data of these types,
 * not code. The definitions are validated when loaded (`loadDefinitions`): a wrong entry is one
 * error naming its file and key, so a house style's author sees what to fix.
 */
import { z } from "zod";
import { type BudgetSection, HeadlineKey } from "../../schemas/report.js";
import { useTargetWords } from "./targets.js";

/** A regular-expression source, matched against NFKC-normalised text with spaces removed. */
export type Pattern = string;

/** A pattern that must compile as a Unicode regular expression. */
const PatternSchema = z.string().superRefine((p, ctx) => {
  try {
    new RegExp(p, "u");
  } catch (e) {
    ctx.addIssue({ code: "custom", message: `not a valid regular expression: ${(e as Error).message}` });
  }
});
const Patterns = z.array(PatternSchema);

const ItemDefSchema = z.object({ item: z.string().min(1), patterns: Patterns.min(1) }).strict();

export type ItemDef = z.infer<typeof ItemDefSchema>;

export const SECTION_ANCHORS = [
  "basic_info",
  "budget",
  "indicators",
  "conclusion",
  "tasks",
  "projects",
  "problems",
  "next_steps",
] as const;
const SectionAnchorSchema = z.enum(SECTION_ANCHORS);
export type SectionAnchor = z.infer<typeof SectionAnchorSchema>;

const VocabularySchema = z
  .object({
    /** Labels of headline figures; a percent key only matches percentages, an amount key amounts. */
    headline: z.partialRecord(HeadlineKey, Patterns),
    /** Items of each breakdown. */
    items: z
      .object({
        income: z.array(ItemDefSchema),
        expenditure_by_function: z.array(ItemDefSchema),
        basic_expenditure: z.array(ItemDefSchema),
        project_expenditure: z.array(ItemDefSchema),
      })
      .strict(),
    /** Components of the change against last year (人员经费, 公用经费, 项目支出). */
    yoyComponents: z.array(ItemDefSchema),
    /** Words that mark a figure as a comparison with the previous year. */
    yoyMarkers: Patterns,
    /** Labels of staff counts. */
    staff: z
      .object({ authorized: Patterns, in_service: Patterns, contract: Patterns, retired: Patterns })
      .strict(),
    /** Section titles (heading text) that anchor each part of a report. */
    sections: z.record(SectionAnchorSchema, Patterns),
    /** Titles that make a document a self-evaluation report, and the kinds they name. */
    reportKinds: z.array(ItemDefSchema).min(1),
    /**
     * OCR misreadings folded back before labels are matched (文出 → 支出). Only strings that are not
     * words of their own belong here: the fold applies to every label.
     */
    labelFolds: z.record(z.string().min(1), z.string()),
  })
  .strict();

/** The vocabulary file's shape. */
export type VocabularyFile = z.infer<typeof VocabularySchema>;
// The breakdowns the vocabulary names are the record's sections (all but the yoy components).
type _Sections = Exclude<BudgetSection, "yoy_component"> extends keyof VocabularyFile["items"] ? true : never;
const _sectionsCovered: _Sections = true;
void _sectionsCovered;

const LabelsSchema = z
  .object({
    identity: z
      .object({
        orgEnd: PatternSchema,
        year: PatternSchema,
        yearUnit: z.string().min(1),
        yearLine: PatternSchema,
        yearContext: PatternSchema,
        departmentStrip: Patterns,
        departmentCell: PatternSchema,
        departmentField: PatternSchema,
        placeEnd: PatternSchema,
        bodyKind: PatternSchema,
        subPlaceEnd: PatternSchema,
        otherDocument: PatternSchema,
        publicationTitle: PatternSchema,
        reportWords: Patterns.min(1),
      })
      .strict(),
    score: z
      .object({
        prose: Patterns.min(1),
        partScore: PatternSchema,
        grade: Patterns.min(1),
        scoreCell: PatternSchema,
        gradeCell: PatternSchema,
        gradeValue: PatternSchema,
        unitWord: z.string().min(1),
        unit: PatternSchema,
      })
      .strict(),
    rows: z
      .object({
        sumRow: PatternSchema,
        total: PatternSchema,
        totalLike: PatternSchema,
        subject: PatternSchema,
        subjectTotal: z.string(),
        grandTotal: PatternSchema,
        carryOver: PatternSchema,
        notProject: PatternSchema,
        notIndicator: PatternSchema,
        indicatorTotal: PatternSchema,
        indicatorScoreTotal: PatternSchema,
        scoreAdjustment: PatternSchema,
      })
      .strict(),
    columns: z
      .object({
        basic: PatternSchema,
        project: PatternSchema,
        total: PatternSchema,
        share: PatternSchema,
        percent: PatternSchema,
        percentRow: PatternSchema,
        points: PatternSchema,
        qualitative: PatternSchema,
        budgetTiers: Patterns.min(1),
      })
      .strict(),
    figures: z
      .object({
        partBudget: PatternSchema,
        changeVerb: PatternSchema,
        steady: PatternSchema,
        decrease: PatternSchema,
        increase: PatternSchema,
        partsMarker: z.string().min(1),
        partsMarkerLead: PatternSchema,
        partsIntro: PatternSchema,
        partsExhaustive: PatternSchema,
        partOf: PatternSchema,
        otherSubject: PatternSchema,
        notYoySubject: PatternSchema,
        budgetSentence: PatternSchema,
        notBudgetSentence: PatternSchema,
        shareOf: PatternSchema,
        share: PatternSchema,
        basic: PatternSchema,
        project: PatternSchema,
        income: PatternSchema,
        expenditure: PatternSchema,
        expenditureChange: PatternSchema,
        totalExpenditureSubject: PatternSchema,
        incomeOrExpenditure: PatternSchema,
        componentPrefix: PatternSchema,
        noChange: PatternSchema,
        noChangeLabel: z.string().min(1),
      })
      .strict(),
    staff: z
      .object({
        count: PatternSchema,
        countUnit: PatternSchema,
        ocrPersonUnit: z.string().min(1),
        personUnit: z.string().min(1),
        sum: PatternSchema,
        postKinds: PatternSchema,
        notACount: PatternSchema,
        labelTail: PatternSchema,
        labelTailStrip: PatternSchema,
        speck: PatternSchema,
      })
      .strict(),
    projects: z
      .object({
        head: PatternSchema,
        figureWord: PatternSchema,
        nameEnd: PatternSchema,
        budget: PatternSchema,
        executed: PatternSchema,
        rate: PatternSchema,
      })
      .strict(),
    tasks: z.object({ prefix: PatternSchema, prefixWord: PatternSchema }).strict(),
    text: z
      .object({
        empty: PatternSchema,
        note: PatternSchema,
        leadMarkers: Patterns,
        targetTail: PatternSchema,
        captionUnit: PatternSchema,
      })
      .strict(),
    projectForm: z
      .object({
        nameCell: PatternSchema,
        unitCell: PatternSchema,
        nameField: PatternSchema,
        unitField: PatternSchema,
        kind: z.string().min(1),
        projectKind: PatternSchema,
      })
      .strict(),
    fieldNames: z
      .object({ department: z.string(), fiscal_year: z.string(), totals: z.string(), score: z.string() })
      .strict(),
    anchorOrder: z.array(SectionAnchorSchema).min(1),
    layout: z
      .object({
        continuationMark: PatternSchema,
        pageNumber: Patterns,
        newRow: PatternSchema,
        headingPart: PatternSchema,
        notHeadingAfterNumber: PatternSchema,
      })
      .strict(),
    targets: z
      .object({
        atLeast: PatternSchema,
        atMost: PatternSchema,
        equal: PatternSchema,
        atLeastAfter: PatternSchema,
        atMostAfter: PatternSchema,
        notUnit: PatternSchema,
      })
      .strict(),
  })
  .strict();

export type Labels = z.infer<typeof LabelsSchema>;

export const TABLE_KINDS = ["indicators", "tasks", "projects"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

const TableDefSchema = z
  .object({
    kind: z.enum(TABLE_KINDS),
    /** Header patterns per field; a column belongs to the first field whose pattern its header matches. */
    columns: z.record(z.string(), Patterns),
    /** Fields that must all be present for the table to be of this kind. */
    required: z.array(z.string()).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const f of t.required)
      if (!(f in t.columns))
        ctx.addIssue({
          code: "custom",
          path: ["required"],
          message: `required field “${f}” has no column patterns`,
        });
  });

export type TableDef = z.infer<typeof TableDefSchema>;

/** What the reader receives: the vocabulary with the label words. */
export type Vocabulary = VocabularyFile & { labels: Labels };

export interface Definitions {
  vocabulary: Vocabulary;
  tables: TableDef[];
}

/** One file's share of the definitions, as `pipelines/definitions.ts` assembles them. */
export type DefinitionSource =
  | { file: string; vocabulary: unknown }
  | { file: string; labels: unknown }
  | { file: string; tables: unknown };

export class DefinitionError extends Error {
  override name = "DefinitionError";
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, part: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = [part, ...issue.path.map(String)].join(".");
  throw new DefinitionError(`${file}: ${key}: ${issue.message}`);
}

/**
 * Validates and assembles the definitions. Throws one DefinitionError naming the file and the key
 * of the first wrong entry (e.g. `pipelines/labels.ts: labels.score.prose.1: not a valid regular
 * expression: …`).
 */
let lastLabels: Labels | undefined;

/**
 * The label words of the definitions loaded last (loadDefinitions sets them): what a reader outside
 * the extraction pipeline (a check rule) reads with. Throws when no definitions were loaded.
 */
export function loadedLabels(): Labels {
  if (!lastLabels) throw new Error("no label words — load the definitions (pipelines/definitions.ts) first");
  return lastLabels;
}

export function loadDefinitions(sources: readonly DefinitionSource[]): Definitions {
  let vocabulary: VocabularyFile | undefined;
  let labels: Labels | undefined;
  const tables: TableDef[] = [];
  for (const s of sources) {
    if ("vocabulary" in s) vocabulary = check(VocabularySchema, s.vocabulary, s.file, "vocabulary");
    else if ("labels" in s) {
      labels = check(LabelsSchema, s.labels, s.file, "labels");
      useTargetWords(labels.targets);
      lastLabels = labels;
    } else tables.push(...check(z.array(TableDefSchema), s.tables, s.file, "tables"));
  }
  if (!vocabulary) throw new DefinitionError("definitions: no vocabulary file was given");
  if (!labels) throw new DefinitionError("definitions: no labels file was given");
  return { vocabulary: { ...vocabulary, labels }, tables };
}

const cache = new Map<string, RegExp>();
/** A fresh global regular expression of a pattern (global ones carry state: never shared). */
export function reAll(p: Pattern): RegExp {
  return new RegExp(p, "gu");
}

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
