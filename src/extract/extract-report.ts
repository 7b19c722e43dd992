/**
 * Layout → Report: the sections of the document steer what is read where. Budget prose and
 * generic tables give headline figures and breakdowns; indicator, task and project tables give
 * their records; the conclusion gives the score and grade.
 */
import type { ExtractionIssue } from "../../schemas/extraction-issue.js";
import type { Figure, Text } from "../../schemas/provenance.js";
import {
  formReportId,
  type HeadlineKey,
  type Indicator,
  type ProjectSpending,
  Report,
  type ScoreSheet,
  type StatedSum,
  type Statement,
  type Task,
} from "../../schemas/report.js";
import type { Block, DocumentLayout } from "../layout/document-layout.js";
import { LocatedText, normalizeText } from "../layout/located-text.js";
import type { SourceFile } from "../pipeline/extraction-result.js";
import { canonicalHeadline } from "./canonical.js";
import { type Definitions, re, type SectionAnchor, type Vocabulary } from "./definitions.js";
import { compact, provOf } from "./figure.js";
import { classifyLead, isBudgetRowLabel, mentionsToFigures } from "./headline-figures.js";
import { type Identity, identifyReport } from "./identify-report.js";
import { type Mention, scanMentions } from "./mentions.js";
import { type AmountUnit, NUMBER_UNIT, WAN, YUAN } from "./numbers.js";
import { formCuts, formStarts, projectIdentity } from "./project-form.js";
import { grade, proseProject, selfScore, staffCounts, tableStaff } from "./prose-facts.js";
import { proseSums, tableSums } from "./stated-sums.js";
import { tableBlocks, tableToMentions, unitInCells } from "./table-mentions.js";
import {
  blockNames,
  matchTableBlocks,
  tableScoreAndGrade,
  tableScoreSheet,
  tableToIndicators,
  tableToProjects,
  tableToTasks,
} from "./table-records.js";
import { parseTarget, type TargetWords } from "./targets.js";

export function sectionOf(path: readonly string[], defs: Definitions): SectionAnchor | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const title = compact(path[i]!);
    for (const a of defs.vocabulary.labels.anchorOrder)
      if (defs.vocabulary.sections[a].some((p) => re(p).test(title))) return a;
  }
  return undefined;
}

/** Sections whose running text is not read for headline figures. */
const NO_HEADLINE: ReadonlySet<SectionAnchor | undefined> = new Set([
  "projects",
  "tasks",
  "indicators",
  "problems",
  "next_steps",
]);

/** The unit most amounts in the running text are printed in (元 or 万元): a bare table number's unit. */
function predominantUnit(blocks: readonly Block[]): AmountUnit {
  let wan = 0;
  let yuan = 0;
  for (const b of blocks) {
    if (b.kind !== "paragraph") continue;
    const t = b.text.text;
    for (const m of t.matchAll(NUMBER_UNIT)) {
      if (m[1] === WAN) wan++;
      else if (m[1] === YUAN) yuan++;
    }
  }
  return yuan > wan ? YUAN : WAN;
}

/** The unit a table's caption or one of its cells names ("单位：万元"). */
function captionOrCell(
  table: import("../layout/table-model.js").Table,
  caption: RegExpExecArray | null,
  endRow: number,
  vocab: Vocabulary,
): AmountUnit | undefined {
  return caption ? (caption[1] as AmountUnit) : unitInCells(table, endRow, vocab);
}

export interface ExtractInput {
  source: SourceFile;
  layout: DocumentLayout;
  ocrPages: number;
  issues: ExtractionIssue[];
}

export interface ExtractOutput {
  /** The file's report: its only one, or the first of several stacked project forms. */
  report: Report;
  /** The second and later project forms stacked in the file, each its own report (`<sha256>#N`). */
  forms: Report[];
  skipped?: string;
}

export function extractReport(input: ExtractInput, defs: Definitions): ExtractOutput {
  const { layout, source } = input;
  const vocab = defs.vocabulary;
  const id = identifyReport(layout.blocks, vocab);
  // A report embedded in a larger publication (a 部门决算 with its own tables first) starts at its
  // title: the figures before it belong to the publication, not to the self-evaluation.
  const start = id.titleBlock !== undefined && id.titleBlock > 12 ? id.titleBlock : 0;
  const all = layout.blocks.slice(start);
  // What the publication before the title states is read too, for what the report itself leaves
  // unstated (a 部门决算 explanation giving the income and function lines the report omits).
  const publication =
    start > 0
      ? readReport(
          layout.blocks.slice(0, start),
          { input, defs, id, reportId: source.sha256, issues: [] },
          undefined,
        ).report
      : undefined;
  // Project forms stacked in one file: each form is its own report, read from its own blocks (their
  // totals would otherwise read as restatements of one another). The first keeps the file's id.
  const opens = formStarts(all, vocab);
  const cuts = formCuts(all, opens);
  if (cuts.length <= 1) {
    const { report, skipped } = readReport(
      all,
      { input, defs, id, reportId: source.sha256, issues: input.issues, publication },
      opens[0],
    );
    return { report, forms: [], skipped };
  }
  const segments = cuts.map((c, k) => all.slice(c, cuts[k + 1] ?? all.length));
  const pagesOf = (bs: readonly Block[]): Set<number> =>
    new Set(bs.flatMap((b) => (b.kind === "table" ? b.table.pages : b.pages)));
  const segmentPages = segments.map(pagesOf);
  // Page-level issues (a page left for OCR) go with the form printed on that page; the others
  // (and a page no form is printed on) with the first.
  const issuesOf = (k: number): ExtractionIssue[] =>
    input.issues.filter((i) => {
      const home = i.page === undefined ? 0 : segmentPages.findIndex((ps) => ps.has(i.page!));
      return Math.max(home, 0) === k;
    });
  const ids = segments.map((_, k) => formReportId(source.sha256, k + 1));
  const names = opens.map((o) => projectIdentity(all.slice(o), vocab).name?.value ?? "?");
  const reports = segments.map((seg, k) => {
    // A later form names its own 主管部门 and year; where it does not, the file's first ones hold.
    const own = k === 0 ? id : identifyReport(seg, vocab);
    const identity: Identity =
      k === 0
        ? id
        : {
            department: own.department ?? id.department,
            fiscalYear: own.fiscalYear ?? id.fiscalYear,
            kind: own.kind ?? id.kind,
            departmentCorrected: own.department ? own.departmentCorrected : id.departmentCorrected,
          };
    const segmentOpen = opens.find((o) => o >= cuts[k]! && o < (cuts[k + 1] ?? all.length));
    const issues = issuesOf(k);
    issues.push({
      stage: "extract",
      code: "stacked_forms",
      severity: "info",
      message:
        k === 0
          ? `the file holds ${opens.length} project forms (${names.join("; ")}), each stored as its own report: this one (${ids[0]}) and ${ids.slice(1).join(", ")}`
          : `form ${k + 1} of ${opens.length} project forms stacked in the file (${names.join("; ")}); the file's first report is ${ids[0]}`,
      page: ((b) => (b?.kind === "table" ? b.table.pages[0] : b?.pages[0]))(seg[0]),
    });
    const { report } = readReport(
      seg,
      { input, defs, id: identity, reportId: ids[k]!, issues },
      segmentOpen === undefined ? undefined : segmentOpen - cuts[k]!,
    );
    report.form_index = k + 1;
    report.form_count = opens.length;
    return report;
  });
  return { report: reports[0]!, forms: reports.slice(1) };
}

interface ReadContext {
  input: ExtractInput;
  defs: Definitions;
  id: Identity;
  reportId: string;
  issues: readonly ExtractionIssue[];
  /** The publication the report is printed in, read before its title (a 部门决算 explanation). */
  publication?: Report;
}

/** One report from its blocks: the whole document, or one of several stacked project forms. */
function readReport(
  blocks: readonly Block[],
  ctx: ReadContext,
  /** Index (in `blocks`) of the table opening a project form, where one does. */
  formOpen: number | undefined,
): { report: Report; skipped?: string } {
  const { input, defs, id } = ctx;
  const { layout, source } = input;
  const vocab = defs.vocabulary;
  const L = vocab.labels;
  const issues: ExtractionIssue[] = [...ctx.issues];
  const defaultUnit = predominantUnit(blocks);

  const mentions: Mention[] = [];
  let noChange: Figure | undefined;
  const indicators: Indicator[] = [];
  const tasks: Task[] = [];
  const projects: ProjectSpending[] = [];
  const statedSums: StatedSum[] = [];
  let scoreSheet: ScoreSheet | undefined;
  const staff: Report["staff"] = {};
  let score: Figure | undefined;
  let gradeText: Text | undefined;
  let tableScore: Figure | undefined;
  const conclusion: LocatedText[] = [];
  let tableGrade: Text | undefined;
  const problems: Block[] = [];
  const nextSteps: Block[] = [];

  const bodySize = medianFontSize(blocks);
  blocks.forEach((b, i) => {
    const section = sectionOf(b.path, defs);
    if (b.kind === "paragraph") {
      const lt = b.text;
      // A footnote or table note ("1 支出数据来源于…，年初结转和结余126.40万元不计入…"): a smaller font
      // opening with a note mark. It explains figures; it does not state the report's own.
      if (isNote(b, bodySize, vocab)) return;
      for (const [k, f] of Object.entries(staffCounts(lt, vocab))) {
        const key = k as keyof Report["staff"];
        if (!staff[key]) staff[key] = f;
      }
      const s = selfScore(lt, vocab);
      if (s && (!score || section === "conclusion")) score ??= s;
      const g = grade(lt, vocab);
      if (g) gradeText ??= g;
      if (section === "conclusion") conclusion.push(lt);
      if (section === "problems" && !b.heading?.standalone) problems.push(b);
      if (section === "next_steps" && !b.heading?.standalone) nextSteps.push(b);
      noChange ??= unchangedExpenditure(lt, vocab);
      const ms = scanMentions(lt, i, vocab);
      // A total with its parts is checked wherever it is stated (a project section too).
      statedSums.push(
        ...proseSums(lt.text, ms, vocab, (lead) => classifyLead(lead, "amount", vocab)?.kind === "headline"),
      );
      // A numbered paragraph naming a project with its budget and executed amounts is a project
      // statement wherever it stands (a misread heading must not lose the section's projects).
      const project = proseProject(lt, ms, section === "projects", vocab);
      if (project) {
        projects.push(project);
        return;
      }
      if (section === "projects") return;
      if (NO_HEADLINE.has(section)) return;
      mentions.push(...ms);
      return;
    }
    const table = b.table;
    for (const [k, f] of Object.entries(tableStaff(table, vocab))) {
      const key = k as keyof Report["staff"];
      if (!staff[key]) staff[key] = f;
    }
    const matches = matchTableBlocks(table, defs.tables);
    const match = matches[0];
    const closing = tableScoreAndGrade(
      table,
      L,
      matches.find((m) => m.def.kind === "indicators"),
    );
    tableScore ??= closing.score;
    tableGrade ??= closing.grade;
    // A caption line above the table ("单位：元") names the unit of its bare amounts.
    const prev = blocks[i - 1];
    const caption =
      prev?.kind === "paragraph" ? re(L.text.captionUnit).exec(normalizeText(prev.text.printed)) : null;
    const tableUnit = caption ? (caption[1] as AmountUnit) : defaultUnit;
    for (const m of matches) {
      if (m.def.kind === "indicators") {
        indicators.push(...tableToIndicators(table, m, L).map((x) => repairOcrTarget(x, issues, L.targets)));
        // The first table stating a total is the sheet; adjustments are the points of every table.
        const sheet = tableScoreSheet(table, m, L);
        if (sheet)
          scoreSheet = {
            ...(scoreSheet ?? sheet),
            adjustments: [...(scoreSheet?.adjustments ?? []), ...sheet.adjustments],
            ...(scoreSheet?.total ? {} : sheet.total ? { total: sheet.total, weight: sheet.weight } : {}),
          };
      } else if (m.def.kind === "tasks") tasks.push(...tableToTasks(table, m, tableUnit, L));
      else if (m.def.kind === "projects")
        projects.push(...tableToProjects(table, m, tableUnit, L, (name) => isBudgetRowLabel(name, vocab)));
    }

    // Everything above a header found deep in the table (a form's funds block), and every table
    // that is not an indicator/task/project table, is read like prose for figures.
    // A project-like table whose rows state the department's own spending (项目 | 年初预算 | 调整后预算 |
    // 执行数 | 执行率 over 部门整体支出 / 其中：基本支出 / 项目支出) is a budget table as well: its block is read
    // for figures; its other rows stay projects.
    const budgetTable =
      match?.def.kind === "projects" && blockNames(table, match).some((n) => isBudgetRowLabel(n, vocab));
    const endRow = !match
      ? table.rows.length
      : budgetTable
        ? (match.endRow ?? table.rows.length)
        : match.headerStart;
    if (endRow > 0) {
      statedSums.push(
        ...tableSums(
          table,
          tableBlocks(table, endRow, vocab),
          captionOrCell(table, caption, endRow, vocab) ?? defaultUnit,
          vocab,
        ),
      );
      mentions.push(
        ...tableToMentions(
          table,
          i,
          defaultUnit,
          vocab,
          caption ? (caption[1] as AmountUnit) : undefined,
          endRow,
        ),
      );
    }
  });

  // A grade whose sentence was split over two paragraphs (a scan's last line read as a paragraph
  // of its own) is found in the conclusion read as one text.
  gradeText ??= conclusion.length > 1 ? grade(LocatedText.join(conclusion), vocab) : undefined;
  const figures = mentionsToFigures(mentions, vocab);
  const { lines } = figures;
  const statements = withoutGrandTotals(figures.statements, mentions, vocab);
  if (ctx.publication) issues.push(...fromPublication(ctx.publication, lines, statements));
  // "支出与上年相比无增减变化": a stated change of exactly zero, which the cross-year check can test.
  if (noChange && !statements.some((s) => s.key === "yoy_change"))
    statements.push({
      key: "yoy_change",
      figure: noChange,
      context: "prose",
      label: L.figures.noChangeLabel,
    });
  const headline = canonicalHeadline(statements, lines);

  const report: Report = {
    report_id: ctx.reportId,
    source_file: source.fileName,
    source_path: source.path,
    staff,
    statements,
    headline,
    budget_lines: lines,
    indicators,
    tasks,
    projects,
    stated_sums: statedSums,
    ...(scoreSheet ? { score_sheet: scoreSheet } : {}),
    pages: layout.pages.length,
    ocr_pages: input.ocrPages,
    status: "ok",
    issues,
  };
  if (id.department) report.department = id.department;
  if (id.departmentCorrected) {
    issues.push({
      stage: "ocr",
      code: "ocr_name_corrected",
      severity: "info",
      message: id.departmentCorrected,
      page: id.department?.prov.page,
    });
  }
  if (id.fiscalYear) report.fiscal_year = id.fiscalYear;
  if (id.kind) report.report_kind = id.kind;
  // A form without a title (or whose title was printed as a page header) is a project form when it
  // opens with the project's name cell.
  if (!report.report_kind && formOpen !== undefined) {
    const first = blocks[formOpen]!;
    report.report_kind = {
      value: L.projectForm.kind,
      prov: provOf(first.kind === "table" ? first.table.cells[0]!.text : first.text),
    };
  }
  if (report.report_kind && re(L.projectForm.projectKind).test(report.report_kind.value)) {
    const p = projectIdentity(blocks, vocab);
    if (p.name) report.project_name = p.name;
    if (p.unit) report.implementing_unit = p.unit;
  }
  // A form states its score and grade in its closing rows; prose wins where both exist.
  if (score ?? tableScore) report.self_score = (score ?? tableScore)!;
  if (gradeText ?? tableGrade) report.grade = (gradeText ?? tableGrade)!;
  const joinBlocks = (bs: Block[]): Text | undefined => {
    const ps = bs.filter((b) => b.kind === "paragraph");
    if (ps.length === 0) return undefined;
    const first = ps[0]!;
    return { value: ps.map((p) => p.text.text.trim()).join("\n"), prov: provOf(first.text) };
  };
  const pr = joinBlocks(problems);
  if (pr) report.problems = pr;
  const ns = joinBlocks(nextSteps);
  if (ns) report.next_steps = ns;

  // Pages still waiting for OCR may hold the title: only a document that was fully read is skipped.
  const unread = issues.some((i) => i.code === "needs_ocr");
  if (id.notAReport && !unread && statements.length === 0 && indicators.length === 0) {
    report.status = "skipped";
    report.error = id.notAReport;
    return { report, skipped: id.notAReport };
  }
  // Required fields: a report without them is partial, with an issue saying which.
  const missing: string[] = [];
  const names = L.fieldNames;
  if (!report.department) missing.push(`department (${names.department})`);
  if (!report.fiscal_year) missing.push(`fiscal year (${names.fiscal_year})`);
  const hasFigures = (["budget_total", "executed_total", "expenditure_total"] as HeadlineKey[]).some(
    (k) => headline[k],
  );
  if (!hasFigures) missing.push(`budget or executed totals (${names.totals})`);
  if (!report.self_score && !report.grade) missing.push(`self score or grade (${names.score})`);
  for (const m of missing) {
    issues.push({
      stage: "extract",
      code: "missing_field",
      severity: "warning",
      message: `not found in the report: ${m}`,
    });
  }
  const ocrMissing = issues.some((i) => i.code === "needs_ocr");
  if (missing.length > 0 || ocrMissing) {
    report.status = "partial";
    report.error = [
      missing.length > 0 ? `missing ${missing.join(", ")}` : "",
      ocrMissing ? "pages needing OCR were not read" : "",
    ]
      .filter(Boolean)
      .join("; ");
  }
  const parsed = Report.safeParse(report);
  if (!parsed.success) {
    issues.push({
      stage: "validate",
      code: "schema_violation",
      severity: "error",
      message: `the extracted record does not match the schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    });
    report.status = "partial";
  }
  return { report };
}

/**
 * OCR reads the ≥ of a percentage target as 2 ("≥95%" → "295%"). A rate target above 100% whose
 * digits after the 2 form a percentage is read as ≥ that percentage; the change is recorded as an
 * issue so the auditor can confirm it on the scan. Text-layer values are never touched.
 */
export function repairOcrTarget(ind: Indicator, issues: ExtractionIssue[], words: TargetWords): Indicator {
  if (ind.target.prov.conf === undefined) return ind;
  const m = /^2(\d{2}(?:\.\d+)?)%(.*)$/.exec(ind.target.value);
  if (!m || Number(m[1]) > 100) return ind;
  const value = `≥${m[1]}%${m[2]}`;
  issues.push({
    stage: "ocr",
    code: "ocr_target_repaired",
    severity: "info",
    message: `indicator “${ind.level3}”: OCR read “${ind.target.value}”, taken as “${value}” (≥ misread as 2) — confirm on the scan`,
    page: ind.page,
  });
  const parsed = parseTarget(value, words);
  return {
    ...ind,
    target: { ...ind.target, value },
    target_op: parsed.op,
    target_value: parsed.value,
    target_unit: parsed.unit,
  };
}

/** Keys a publication's text may fill: not its changes (the publication compares its own totals). */
const NOT_FROM_PUBLICATION: ReadonlySet<HeadlineKey> = new Set([
  "yoy_change",
  "yoy_change_pct",
  "prior_expenditure_total",
]);

/**
 * Adds to the report's lines and statements what the publication before its title states and the
 * report does not: the lines of a breakdown the report gives none of, and the statements of
 * headline figures it never states. The report's own figures always win; each adoption is an info
 * issue naming the page it comes from.
 */
export function fromPublication(
  publication: Report,
  lines: Report["budget_lines"],
  statements: Statement[],
): ExtractionIssue[] {
  const issues: ExtractionIssue[] = [];
  const ownSections = new Set(lines.map((l) => l.section));
  const adoptedSections = [...new Set(publication.budget_lines.map((l) => l.section))].filter(
    (s) => !ownSections.has(s),
  );
  for (const section of adoptedSections) {
    const taken = publication.budget_lines.filter((l) => l.section === section);
    lines.push(...taken);
    issues.push({
      stage: "extract",
      code: "from_publication",
      severity: "info",
      message: `${section}: ${taken.length} lines stated only before the report's title (the publication it is printed in)`,
      page: taken[0]!.amount.prov.page,
    });
  }
  const ownKeys = new Set(statements.map((s) => s.key));
  const keys = [...new Set(publication.statements.map((s) => s.key))].filter(
    (k) => !ownKeys.has(k) && !NOT_FROM_PUBLICATION.has(k),
  );
  for (const key of keys) {
    const taken = publication.statements.filter((s) => s.key === key);
    statements.push(...taken);
    issues.push({
      stage: "extract",
      code: "from_publication",
      severity: "info",
      message: `${key}: stated only before the report's title (the publication it is printed in)`,
      page: taken[0]!.figure.prov.page,
    });
  }
  return issues;
}

/**
 * Where a report carries money over between years (年初结转和结余 / 年末结转和结余), its 收入总计 and
 * 支出总计 are grand totals that include the carry-over, not the year's income and expenditure
 * (本年收入合计 / 本年支出合计): they are dropped when the year's own total is stated too.
 */
export function withoutGrandTotals(
  statements: Statement[],
  mentions: readonly Mention[],
  vocab: Vocabulary,
): Statement[] {
  const R = vocab.labels.rows;
  const carryOver = mentions.some((m) => re(R.carryOver).test(m.rowLabel ?? m.lead));
  if (!carryOver) return statements;
  const grand = (s: Statement): boolean =>
    (s.key === "income_total" || s.key === "expenditure_total") && re(R.grandTotal).test(s.label);
  return statements.filter((s) => !grand(s) || !statements.some((o) => o.key === s.key && !grand(o)));
}

/** "本年支出与上年相比无增减变化" / "同比无增减变化" in a sentence about expenditure: a change of 0. */
export function unchangedExpenditure(lt: LocatedText, vocab: Vocabulary): Figure | undefined {
  const F = vocab.labels.figures;
  for (const sentence of lt.text.matchAll(/[^。；;]+/g)) {
    const t = sentence[0];
    if (!re(F.expenditure).test(t) || re(F.income).test(t)) continue;
    const m = re(F.noChange).exec(t);
    if (!m) continue;
    const phrase = m[m.length - 1]!;
    const at = sentence.index + m.index + m[0].length - phrase.length;
    return { value: "0", ulp: "0", unit: WAN, prov: provOf(lt, at, at + phrase.length) };
  }
  return undefined;
}

/** The font size most paragraphs are set in (the body text). */
function medianFontSize(blocks: readonly Block[]): number {
  const sizes = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.fontSize] : [])).sort((a, b) => a - b);
  return sizes.length > 0 ? sizes[sizes.length >> 1]! : 0;
}

export function isNote(
  p: { fontSize: number; text: { text: string } },
  bodySize: number,
  vocab: Vocabulary,
): boolean {
  if (!(bodySize > 0) || p.fontSize > bodySize * 0.85) return false;
  return re(vocab.labels.text.note).test(p.text.text);
}
