/**
 * Tables → records. A table's kind comes from its header row matched against the table header
 * maps in pipelines/tables; each data row becomes an indicator, task or project with provenance.
 */
import Big from "big.js";
import type { Figure, Text } from "../../schemas/provenance.js";
import type { Indicator, ProjectSpending, ScoreSheet, Task } from "../../schemas/report.js";
import type { LocatedText } from "../layout/located-text.js";
import { normalizeText } from "../layout/located-text.js";
import { cellAt, type Table, type TableCell } from "../layout/table-model.js";
import { type Labels, longestMatch, re, type TableDef, type TableKind } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import {
  AMOUNT_UNIT_IN_TEXT,
  type AmountUnit,
  decimalString,
  parseAmount,
  parseDecimal,
  parsePercent,
} from "./numbers.js";
import { type ParsedTarget, parseTarget } from "./targets.js";

/** The names in a block's name column (the projects a project table would list). */
export function blockNames(table: Table, match: HeaderMatch): string[] {
  const c = match.fields.indexOf("name");
  if (c < 0) return [];
  const out: string[] = [];
  for (let r = match.headerRow + 1; r < (match.endRow ?? table.rows.length); r++)
    out.push(cellText(table, r, c));
  return out;
}

export interface HeaderMatch {
  def: TableDef;
  /** Index of the first header row (forms put the indicator header deep inside one big table). */
  headerStart: number;
  /** Index of the last header row. */
  headerRow: number;
  /** Field name per column (undefined: not mapped). */
  fields: Array<string | undefined>;
  /** Header text per column (normalised, compact). */
  headers: string[];
  /** The block's data end before this row: the next block's header (a form holds several). */
  endRow?: number;
}

const cellText = (t: Table, r: number, c: number): string =>
  compact(normalizeText(cellAt(t, r, c)?.text.printed ?? ""));

function mapHeader(headers: string[], def: TableDef): Array<string | undefined> {
  const fields: Array<string | undefined> = headers.map(() => undefined);
  const used = new Set<string>();
  headers.forEach((h, c) => {
    if (!h) return;
    for (const [field, patterns] of Object.entries(def.columns)) {
      if (used.has(field)) continue;
      if (longestMatch(h, patterns)) {
        fields[c] = field;
        used.add(field);
        break;
      }
    }
  });
  return fields;
}

/** Finds the header row (within the first rows; two-row headers are read joined) and the table kind. */
export function matchTable(table: Table, defs: readonly TableDef[], from = 0): HeaderMatch | undefined {
  // Headers are usually the first rows, but a 自评表 form starts its indicator block far down.
  // (Later blocks, after a first header, may start anywhere below it.)
  const maxRow = from > 0 ? table.rows.length - 1 : Math.min(40, table.rows.length - 1);
  for (let r = from; r < maxRow; r++) {
    const single = Array.from({ length: table.nCols }, (_, c) => cellText(table, r, c));
    const joined = single.map((h, c) => {
      const below = cellText(table, r + 1, c);
      return below !== h ? h + below : h;
    });
    for (const [headers, last] of [
      [single, r],
      [joined, r + 1],
    ] as const) {
      for (const def of defs) {
        const fields = mapHeader(headers, def);
        if (def.required.every((f) => fields.includes(f)))
          return { def, headerStart: r, headerRow: last, fields, headers };
      }
    }
  }
  return undefined;
}

/**
 * Every block of a table that has a header of its own: a 自评表 form stacks a task block and an
 * indicator block (in either order) in one ruled table. Each block ends where the next one's
 * header starts; a header repeated on a continued page starts a block of the same kind.
 */
export function matchTableBlocks(table: Table, defs: readonly TableDef[]): HeaderMatch[] {
  const out: HeaderMatch[] = [];
  for (let m = matchTable(table, defs); m; m = matchTable(table, defs, m.headerRow + 1)) {
    const prev = out[out.length - 1];
    if (prev) prev.endRow = m.headerStart;
    out.push(m);
  }
  return out;
}

export const kindOf = (m: HeaderMatch | undefined): TableKind | undefined => m?.def.kind;

interface RowCells {
  row: number;
  get: (field: string) => TableCell | undefined;
  text: (field: string) => string;
  header: (field: string) => string;
  pages: number[];
}

function* dataRows(table: Table, match: HeaderMatch): Generator<RowCells> {
  const col = (field: string): number => match.fields.indexOf(field);
  for (let r = match.headerRow + 1; r < (match.endRow ?? table.rows.length); r++) {
    const get = (field: string): TableCell | undefined => {
      const c = col(field);
      return c < 0 ? undefined : cellAt(table, r, c);
    };
    yield {
      row: r,
      get,
      text: (field) => normalizeText(get(field)?.text.printed ?? "").trim(),
      header: (field) => (col(field) < 0 ? "" : (match.headers[col(field)] ?? "")),
      pages: table.rows[r]!.pages,
    };
  }
}

/** The amount unit named in a header: "拟投入资金（元）" → 元. */
export function unitFromHeader(header: string): AmountUnit | undefined {
  const m = AMOUNT_UNIT_IN_TEXT.exec(header);
  return m ? (m[1] as AmountUnit) : undefined;
}

const textValue = (cell: TableCell | undefined, L: Labels): Text | undefined => {
  if (!cell) return undefined;
  const value = normalizeText(cell.text.printed).trim();
  if (!value || re(L.text.empty).test(value)) return undefined;
  return { value, prov: provOf(cell.text) };
};

function cellNumberProv(cell: TableCell): Figure["prov"] {
  const lt: LocatedText = cell.text;
  if (lt.length > 0) return provOf(lt);
  const p = cell.parts[0]!;
  return { page: p.page, bbox: [p.x0, p.y0, p.x1, p.y1], text: "" };
}

/** An amount cell: the unit printed in the cell wins over the header's, then the default. */
export function amountCell(cell: TableCell | undefined, unit: AmountUnit): Figure | undefined {
  if (!cell) return undefined;
  const text = normalizeText(cell.text.printed).replace(/\s+/g, "");
  const a = parseAmount(text, unit);
  if (!a) return undefined;
  return figureOf(a, a.unit, cellNumberProv(cell));
}

export function percentCell(cell: TableCell | undefined): Figure | undefined {
  if (!cell) return undefined;
  const text = normalizeText(cell.text.printed).replace(/\s+/g, "");
  const p = parsePercent(text) ?? parseDecimal(text);
  if (!p) return undefined;
  return figureOf(p, "%", cellNumberProv(cell));
}

function numberCell(cell: TableCell | undefined, unit: string, L: Labels): Figure | undefined {
  if (!cell) return undefined;
  const text = normalizeText(cell.text.printed).replace(/\s+/g, "").replace(re(L.score.unit), "");
  const p = parseDecimal(text);
  if (!p) return undefined;
  return figureOf(p, unit, cellNumberProv(cell));
}

export function tableToIndicators(table: Table, match: HeaderMatch, L: Labels): Indicator[] {
  const out: Indicator[] = [];
  const isHeaderLike = (s: string): boolean => re(L.rows.notIndicator).test(compact(s));
  for (const row of dataRows(table, match)) {
    const level3Cell = row.get("level3");
    const level3 = row.text("level3");
    if (!level3 || isHeaderLike(level3) || re(L.rows.indicatorTotal).test(row.text("level1"))) continue;
    // One cell spanning the row (自评等级 | 良, 年度总体目标 …) is not an indicator.
    if (
      row.get("level3") === row.get("target") ||
      (level3 === row.text("level1") && level3 === row.text("level2"))
    )
      continue;
    let targetText = row.text("target");
    // 指标性质 holds ≥ / ≤ (printed before the value), = (nothing to print) or 定性/定量 (no operator).
    const opText = row.text("op").replace(/\s+/g, "");
    const op = /^(≥|≤|>|<|>=|<=|≧|≦)$/.test(opText) ? opText : "";
    const unit = row.text("unit");
    if (op || unit) targetText = `${op}${targetText}${unit && !targetText.endsWith(unit) ? unit : ""}`;
    if (!targetText) continue;
    const targetCell = row.get("target")!;
    // A qualitative indicator (指标性质 定性) has a text target, whatever numbers it mentions.
    const parsed: ParsedTarget = re(L.columns.qualitative).test(opText)
      ? { op: "text" }
      : parseTarget(targetText, L.targets);
    const ind: Indicator = {
      level1: row.text("level1"),
      level2: row.text("level2"),
      level3,
      target: { value: targetText, prov: provOf(targetCell.text) },
      target_op: parsed.op,
      page: row.pages[0]!,
      prov: provOf(level3Cell!.text),
    };
    if (parsed.value !== undefined) ind.target_value = parsed.value;
    if (parsed.unit !== undefined) ind.target_unit = parsed.unit;
    const actual = textValue(row.get("actual"), L);
    // A unit in its own column (度量单位) belongs to a bare actual number as much as to the target.
    if (actual && unit && /^[-+]?\d[\d,.]*$/.test(actual.value)) actual.value = `${actual.value}${unit}`;
    if (actual) ind.actual = actual;
    const weight = numberCell(
      row.get("weight"),
      row.header("weight").includes("%") ? "%" : L.score.unitWord,
      L,
    );
    if (weight) ind.weight = weight;
    const score = numberCell(row.get("score"), L.score.unitWord, L);
    if (score) ind.score = score;
    const deviation = textValue(row.get("deviation"), L);
    if (deviation) ind.deviation = deviation;
    out.push(ind);
  }
  return out;
}

export function tableToTasks(table: Table, match: HeaderMatch, defaultUnit: AmountUnit, L: Labels): Task[] {
  const out: Task[] = [];
  const TASK_PREFIX = re(L.tasks.prefix);
  const unit = unitFromHeader(match.headers[match.fields.indexOf("planned")] ?? "") ?? defaultUnit;
  for (const row of dataRows(table, match)) {
    const nameCell = row.get("name");
    const raw = row.text("name");
    if (!raw || re(L.rows.total).test(compact(raw))) continue;
    const prefix = TASK_PREFIX.exec(raw);
    // "任务1：…" and a list number "1." / "1、" before the name are numbering, not name.
    const numbered =
      prefix && (re(L.tasks.prefixWord).test(raw) || /^\d{1,2}\s*[.、．]\s*[\u4e00-\u9fff]/.test(raw));
    const name = (numbered ? raw.slice(prefix[0].length) : raw).trim();
    const seqText = row.text("seq") || (prefix?.[2] ?? "");
    const seq = /^\d+$/.test(seqText) ? Number(seqText) : out.length + 1;
    const task: Task = { seq, name, pages: row.pages, prov: provOf(nameCell!.text) };
    const planned = amountCell(row.get("planned"), unit);
    if (planned) task.planned = planned;
    const content = textValue(row.get("content"), L);
    if (content) task.content = content;
    const goal = textValue(row.get("goal"), L);
    if (goal) task.goal = goal;
    const completion = textValue(row.get("completion"), L);
    if (completion) task.completion = completion;
    out.push(task);
  }
  return out;
}

export function tableToProjects(
  table: Table,
  headerMatch: HeaderMatch,
  defaultUnit: AmountUnit,
  L: Labels,
  /** Rows that state the department's own figures (部门整体支出, 其中：基本支出), not projects. */
  isBudgetRow?: (name: string) => boolean,
): ProjectSpending[] {
  const out: ProjectSpending[] = [];
  const match = withBudgetColumn(table, headerMatch, defaultUnit, L);
  const unitOfField = (f: string): AmountUnit =>
    unitFromHeader(match.headers[match.fields.indexOf(f)] ?? "") ?? defaultUnit;
  for (const row of dataRows(table, match)) {
    const name = row.text("name");
    // Total rows, and a budget table's one row (部门预算总额) that a project header matched, are no projects.
    if (!name || re(L.rows.notProject).test(compact(name)) || isBudgetRow?.(compact(name))) continue;
    const p: ProjectSpending = { name, context: "table", prov: provOf(row.get("name")!.text) };
    const budget = amountCell(row.get("budget"), unitOfField("budget"));
    const executed = amountCell(row.get("executed"), unitOfField("executed"));
    const rate = percentCell(row.get("rate"));
    if (budget) p.budget = budget;
    if (executed) p.executed = executed;
    if (rate) p.rate = rate;
    if (!budget && !executed) continue;
    out.push(p);
  }
  return out;
}

/**
 * A project table may print several budget columns (年初预算 | 调整预算 | 全年预算数): the budget is
 * the column that, divided into the executed amount, gives the table's own 执行率 on most rows;
 * without a rate column (or a tie), the first by BUDGET_TIERS (the full-year or adjusted budget
 * before a bare 调整 — which some tables use for the adjustment itself — before 年初预算).
 */
function withBudgetColumn(table: Table, match: HeaderMatch, defaultUnit: AmountUnit, L: Labels): HeaderMatch {
  const BUDGET_TIERS = L.columns.budgetTiers.map(re);
  const patterns = match.def.columns.budget ?? [];
  const candidates = match.headers
    .map((h, c) => ({ h, c }))
    .filter(({ h, c }) => h && longestMatch(h, patterns) && ["budget", undefined].includes(match.fields[c]));
  if (candidates.length < 2) return match;
  const col = (f: string): number => match.fields.indexOf(f);
  const agree = new Map<number, number>();
  if (col("rate") >= 0 && col("executed") >= 0) {
    const execUnit = unitFromHeader(match.headers[col("executed")] ?? "") ?? defaultUnit;
    for (let r = match.headerRow + 1; r < (match.endRow ?? table.rows.length); r++) {
      const rate = percentCell(cellAt(table, r, col("rate")));
      const executed = amountCell(cellAt(table, r, col("executed")), execUnit);
      if (!rate || !executed) continue;
      for (const { h, c } of candidates) {
        const budget = amountCell(cellAt(table, r, c), unitFromHeader(h) ?? defaultUnit);
        if (!budget || Number(budget.value) === 0) continue;
        const computed = (Number(executed.value) / Number(budget.value)) * 100;
        if (Math.abs(computed - Number(rate.value)) <= Number(rate.ulp) + 1e-9)
          agree.set(c, (agree.get(c) ?? 0) + 1);
      }
    }
  }
  const tier = (h: string): number => {
    const t = BUDGET_TIERS.findIndex((re) => re.test(h));
    return t < 0 ? BUDGET_TIERS.length : t;
  };
  const best = [...candidates].sort(
    (a, b) => (agree.get(b.c) ?? 0) - (agree.get(a.c) ?? 0) || tier(a.h) - tier(b.h) || a.c - b.c,
  )[0]!;
  const fields = match.fields.map((f, c) => (c === best.c ? "budget" : f === "budget" ? undefined : f));
  return { ...match, fields };
}

/** Sum of figure values (exact). */
export const sumValues = (fs: readonly Figure[]): string =>
  decimalString(fs.reduce((a, f) => a.plus(new Big(f.value)), new Big(0)));

/**
 * A form's closing rows: 总分 | 100 | 88.6 and 自评等级 | 良, or both in one row (自评总分 | 95.62 |
 * 自评等级 | 优). A label may sit in any cell; the score is the last number (at most 100) after it
 * and before the next label, the grade the first grade word after its label. In an indicator
 * table, its 合计 row gives the score from the score column (weights add to 100 there).
 */
export function tableScoreAndGrade(
  table: Table,
  L: Labels,
  match?: HeaderMatch,
): { score?: Figure; grade?: Text } {
  const out: { score?: Figure; grade?: Text } = {};
  const SCORE_LABEL = re(L.score.scoreCell);
  const GRADE_LABEL = re(L.score.gradeCell);
  const GRADE_VALUE = re(L.score.gradeValue);
  const textOf = (c: TableCell): string => compact(normalizeText(c.text.printed));
  const scoreOf = (c: TableCell): Figure | undefined => {
    const n = parseDecimal(textOf(c).replace(re(L.score.unit), ""));
    return n && Number(n.value) <= 100 && Number(n.value) > 0
      ? figureOf(n, L.score.unitWord, provOf(c.text))
      : undefined;
  };
  for (let r = 0; r < table.rows.length; r++) {
    const cells = Array.from({ length: table.nCols }, (_, c) => cellAt(table, r, c)).filter(
      (c, i, a): c is TableCell => !!c && a.indexOf(c) === i,
    );
    cells.forEach((cell, i) => {
      const label = textOf(cell);
      if (!out.score && SCORE_LABEL.test(label)) {
        const after = cells.slice(i + 1);
        const stop = after.findIndex((c) => GRADE_LABEL.test(textOf(c)) || SCORE_LABEL.test(textOf(c)));
        for (const c of (stop >= 0 ? after.slice(0, stop) : after).reverse()) {
          const f = scoreOf(c);
          if (f) {
            out.score = f;
            break;
          }
        }
      }
      if (!out.grade && GRADE_LABEL.test(label)) {
        for (const c of cells.slice(i + 1)) {
          const g = GRADE_VALUE.exec(textOf(c));
          if (g) {
            out.grade = { value: g[1]!, prov: provOf(c.text) };
            break;
          }
        }
      }
    });
  }
  // An indicator table's 合计/总计 row: its score column holds the total score.
  const scoreCol = match?.def.kind === "indicators" ? match.fields.indexOf("score") : -1;
  if (!out.score && match && scoreCol >= 0) {
    for (let r = match.headerRow + 1; r < table.rows.length; r++) {
      const first = cellAt(table, r, 0);
      if (!first || !re(L.rows.indicatorScoreTotal).test(textOf(first))) continue;
      const cell = cellAt(table, r, scoreCol);
      const f = cell && cell !== first ? scoreOf(cell) : undefined;
      if (f) out.score = f;
      break;
    }
  }
  return out;
}

/**
 * An indicator table as a score sheet: its own total row (合计 | 100 | 87 — the points of the rows
 * above, added as printed) and the rows that adjust the points without being indicators (扣分项 |
 * … | −10). The score check adds the adjustments to the indicators' scores and tests the total.
 */
export function tableScoreSheet(table: Table, match: HeaderMatch, L: Labels): ScoreSheet | undefined {
  const sheet: ScoreSheet = { adjustments: [] };
  for (const row of dataRows(table, match)) {
    const head = compact(row.text("level1"));
    if (re(L.rows.scoreAdjustment).test(head)) {
      const figure = numberCell(row.get("score"), L.score.unitWord, L);
      if (figure) sheet.adjustments.push({ label: head, figure, page: row.pages[0]! });
    } else if (!sheet.total && re(L.rows.indicatorScoreTotal).test(head)) {
      const cell = row.get("score");
      const total = cell && cell !== row.get("level1") ? numberCell(cell, L.score.unitWord, L) : undefined;
      if (!total) continue;
      sheet.total = total;
      const weightCell = row.get("weight");
      const weight =
        weightCell && weightCell !== row.get("level1")
          ? numberCell(weightCell, L.score.unitWord, L)
          : undefined;
      if (weight) sheet.weight = weight;
    }
  }
  return sheet.total || sheet.adjustments.length > 0 ? sheet : undefined;
}
