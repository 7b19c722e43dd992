/**
 * Mentions → headline statements and budget lines. Reports state a total, then its parts
 * ("基本支出 1,860.42 万元 … 其中：工资和福利支出 …"), so economic classes belong to the breakdown
 * whose total was stated last, unless their share names it ("占基本支出 71.35%").
 */
import type { Figure } from "../../schemas/provenance.js";
import type { BudgetLine, BudgetSection, HeadlineKey, Statement } from "../../schemas/report.js";
import { foldLabel, type ItemDef, longestMatch, type Pattern, re, type Vocabulary } from "./definitions.js";
import { isTargetLike, type Mention } from "./mentions.js";
import { negate, signOfChange } from "./numbers.js";

type Scope = "income" | "function" | "basic" | "project" | undefined;

interface Candidate {
  length: number;
  index: number;
  kind: "headline" | "item";
  key?: HeadlineKey;
  section?: BudgetSection;
  item?: string;
  matched: string;
  /** The headline whose part the figure is ("基本支出中工资福利支出" → basic_total). */
  whole?: HeadlineKey;
}

const PERCENT_KEYS: HeadlineKey[] = ["execution_rate"];
const AMOUNT_KEYS: HeadlineKey[] = [
  "budget_total",
  "initial_budget",
  "executed_total",
  "income_total",
  "expenditure_total",
  "basic_total",
  "project_total",
  "prior_expenditure_total",
];

export interface FigureSet {
  statements: Statement[];
  lines: BudgetLine[];
}

function itemCandidates(lead: string, section: BudgetSection, items: readonly ItemDef[]): Candidate[] {
  const out: Candidate[] = [];
  for (const def of items) {
    const m = longestMatch(lead, def.patterns);
    if (m)
      out.push({
        ...m,
        kind: "item",
        section,
        item: def.item,
        matched: lead.slice(m.index, m.index + m.length),
      });
  }
  return out;
}

/**
 * The best reading of a lead: the match that starts first, then the longest. A lead names its
 * subject first — 事业收入(…)预算执行 is the 事业收入 line, not the 收入预算执行 total.
 */
export function classifyLead(
  raw: string,
  kind: "amount" | "percent",
  vocab: Vocabulary,
): Candidate | undefined {
  const lead = foldLabel(raw, vocab);
  // A part's budget ("其中基本支出预算1138.40万元"): not its executed total, and no figure kept here.
  if (kind === "amount" && re(vocab.labels.figures.partBudget).test(lead)) return undefined;
  const cands: Candidate[] = [];
  const keys = kind === "percent" ? PERCENT_KEYS : AMOUNT_KEYS;
  for (const key of keys) {
    const m = longestMatch(lead, vocab.headline[key] ?? []);
    if (m) cands.push({ ...m, kind: "headline", key, matched: lead.slice(m.index, m.index + m.length) });
  }
  if (kind === "amount") {
    cands.push(...itemCandidates(lead, "income", vocab.items.income));
    cands.push(...itemCandidates(lead, "expenditure_by_function", vocab.items.expenditure_by_function));
    cands.push(...itemCandidates(lead, "basic_expenditure", vocab.items.basic_expenditure));
  }
  // "项目支出包括城乡规划编制经费36.3万元", "基本支出中工资福利支出612.40万元": the headline label names
  // the whole the figure is a part of, not the figure.
  const F = vocab.labels.figures;
  const isWhole = (c: Candidate): boolean =>
    c.kind === "headline" &&
    c.index + c.length < lead.length &&
    re(F.partOf).test(lead.slice(c.index + c.length));
  const whole = cands.find(isWhole)?.key;
  const named = cands
    .filter((c) => !isWhole(c))
    .map((c) => (whole && c.kind === "item" ? { ...c, whole } : c));
  // Totals of a particular kind of spending (三公经费, 政府采购) are not the department's.
  const own = named.filter(
    (c) => c.kind !== "headline" || !re(F.otherSubject).test(lead.slice(0, c.index + c.length)),
  );
  own.sort((a, b) => a.index - b.index || b.length - a.length);
  return own[0];
}

/**
 * A row of a project-like table that states the department's own figures, not a project: a
 * whole-spending total (部门整体支出, 合计) or its basic / project part (其中：基本支出).
 */
export function isBudgetRowLabel(label: string, vocab: Vocabulary): boolean {
  const t = label.replace(re(vocab.labels.figures.partsMarkerLead), "").replace(/^[:：]/, "");
  if (re(vocab.labels.rows.notProject).test(t)) return true;
  const c = classifyLead(t, "amount", vocab);
  return c?.key === "basic_total" || c?.key === "project_total";
}

/**
 * A table value is labelled by its row label, else by its column header. A component's budget
 * column (基本支出 × 全年预算数) is not a stated total, so it is not read as one.
 */
function classifyTableAware(
  m: Mention,
  kind: "amount" | "percent",
  vocab: Vocabulary,
): Candidate | undefined {
  if (m.context !== "table") return classifyLead(m.lead, kind, vocab);
  const R = vocab.labels.rows;
  const byRow = m.rowLabel ? classifyLead(m.rowLabel, kind, vocab) : undefined;
  const byColumn = m.columnLabel ? classifyLead(m.columnLabel, kind, vocab) : undefined;
  if (
    byRow &&
    byColumn?.key &&
    ["budget_total", "initial_budget"].includes(byColumn.key) &&
    byRow.key !== byColumn.key
  ) {
    return undefined;
  }
  if (byRow && !re(R.total).test(m.rowLabel ?? "")) return byRow;
  // By its column alone a value is a headline figure only on a total row (年度资金总额 / 合计):
  // the rows below it (其中：当年财政拨款, 上年结转资金) are parts, not restatements.
  const label = m.rowLabel ?? "";
  if (label !== "" && !m.soleRow && !re(R.totalLike).test(label)) return undefined;
  // The total row of a table of income sources (收入来源 | 金额): the rows' header says what it totals.
  // (总计 is not it: in a 收入支出决算总表 it includes the carry-over, 年初结转和结余.)
  if (!byColumn?.key && kind === "amount" && label === R.subjectTotal) {
    const subject = re(R.subject).exec(m.rowHeader ?? "");
    if (subject) return classifyLead(`${subject[1]}${R.subjectTotal}`, kind, vocab);
  }
  return byColumn;
}

/** A sentence that states a budget, then its parts: 年初预算…，其中基本支出…、项目支出…. */
function splitsABudget(m: Mention, F: Vocabulary["labels"]["figures"]): boolean {
  const at = m.sentenceText.indexOf(F.partsMarker);
  if (at < 0 || !m.sentenceText.slice(at).includes(m.lead.replace(re(F.partsMarkerLead), ""))) return false;
  const before = m.sentenceText.slice(0, at);
  return re(F.budgetSentence).test(before) && !re(F.notBudgetSentence).test(before);
}

/** The section a table column names for an economic class: 基本支出 / 项目支出, or a total column. */
function crossTabColumn(m: Mention, C: Vocabulary["labels"]["columns"]): BudgetSection | "total" | undefined {
  const col = m.columnLabel ?? "";
  const basic = re(C.basic).test(col);
  const project = re(C.project).test(col);
  if (basic && !project) return "basic_expenditure";
  if (project && !basic) return "project_expenditure";
  if (re(C.total).test(col)) return "total";
  return undefined;
}

const matchesAny = (s: string, patterns: readonly Pattern[]): boolean => patterns.some((p) => re(p).test(s));

/** What a share's "占…" names as its whole. */
function shareParent(lead: string, F: Vocabulary["labels"]["figures"]): Scope | "expenditure" | undefined {
  const m = re(F.shareOf).exec(lead);
  const of = m ? m[1]! : "";
  if (re(F.basic).test(of)) return "basic";
  if (re(F.project).test(of)) return "project";
  if (re(F.income).test(of)) return "income";
  if (re(F.expenditure).test(of)) return "expenditure";
  return undefined;
}

export function mentionsToFigures(mentions: readonly Mention[], vocab: Vocabulary): FigureSet {
  const statements: Statement[] = [];
  const lines: BudgetLine[] = [];
  const F = vocab.labels.figures;
  const CHANGE_VERB = re(F.changeVerb);
  let scope: Scope;
  // What the last amount of the current sentence became, so a share or a percent change can attach.
  let last: { sentenceKey: string; line?: BudgetLine; statement?: Statement } | undefined;
  let lastYoy: { sentenceKey: string } | undefined;
  let sentenceWhole: { sentenceKey: string; key: HeadlineKey } | undefined;
  /** The sentence whose change was an income change (its percentage is not the expenditure's either). */
  let incomeChange: string | undefined;

  const addStatement = (key: HeadlineKey, figure: Figure, m: Mention, label: string): Statement => {
    const s: Statement = { key, figure, context: m.context, label };
    statements.push(s);
    return s;
  };

  for (const m of mentions) {
    const sentenceKey = `${m.block}:${m.sentence}`;
    if (isTargetLike(m, vocab)) continue;
    const isYoySentence = matchesAny(m.sentenceText, vocab.yoyMarkers);

    // A figure in a sentence about a particular kind of spending (三公经费…完成预算的76%) is not the
    // department's.
    if (
      m.context === "prose" &&
      re(F.otherSubject).test(m.sentenceText.slice(0, Math.max(0, m.sentenceText.indexOf(m.lead))))
    )
      continue;
    if (m.kind === "percent") {
      // 1. A share of the amount just stated: "，占本年总收入的 31.47%", "9,852,114.30 元（78.90%）",
      // or a table's 占比 column beside the amount.
      const bracketed = /^[(（]$/.test(m.lead) && /^[)）]/.test(m.tail);
      const shareColumn = m.context === "table" && re(vocab.labels.columns.share).test(m.columnLabel ?? "");
      const isShare = re(F.share).test(m.lead) || (bracketed && last?.line !== undefined) || shareColumn;
      if (isShare && last && last.sentenceKey === sentenceKey) {
        const parent = shareParent(m.lead, F);
        if (last.line) {
          last.line.share = m.figure;
          if (parent === "basic" || parent === "project") {
            const want: BudgetSection = parent === "basic" ? "basic_expenditure" : "project_expenditure";
            if (last.line.section !== want && last.line.section !== "income") last.line.section = want;
          }
        } else if (last.statement?.key === "basic_total") addStatement("basic_share", m.figure, m, m.lead);
        else if (last.statement?.key === "project_total") addStatement("project_share", m.figure, m, m.lead);
        continue;
      }
      // 2. The percentage of a change just stated: "减少 512.6 万元，下降 6.42%".
      const verb = CHANGE_VERB.exec(m.lead);
      if (verb && lastYoy?.sentenceKey === sentenceKey) {
        const sign = signOfChange(verb[1]!, F);
        const f = sign === -1 ? { ...m.figure, ...negate(m.figure) } : m.figure;
        addStatement("yoy_change_pct", f, m, m.lead);
        lastYoy = undefined;
        continue;
      }
      if (
        verb &&
        isYoySentence &&
        incomeChange !== sentenceKey &&
        !re(F.income).test(m.lead) &&
        re(F.expenditureChange).test(m.lead)
      ) {
        const sign = signOfChange(verb[1]!, F);
        addStatement(
          "yoy_change_pct",
          sign === -1 ? { ...m.figure, ...negate(m.figure) } : m.figure,
          m,
          m.lead,
        );
        continue;
      }
      const c = classifyTableAware(m, "percent", vocab);
      if (c?.key) addStatement(c.key, m.figure, m, c.matched);
      continue;
    }

    // Amounts.
    const verb = CHANGE_VERB.exec(m.lead);
    if (verb) {
      if (!isYoySentence) continue;
      const sign = signOfChange(verb[1]!, F) ?? 1;
      const subject = m.lead.slice(0, verb.index);
      const f = sign === -1 ? { ...m.figure, ...negate(m.figure) } : m.figure;
      const component = vocab.yoyComponents.find((d) => matchesAny(subject, d.patterns));
      const isTotal = re(F.totalExpenditureSubject).test(subject) || subject === "";
      if (component && !isTotal) {
        const line: BudgetLine = {
          section: "yoy_component",
          item: component.item,
          item_as_printed: subject.replace(re(F.componentPrefix), ""),
          amount: f,
          context: m.context,
        };
        lines.push(line);
      } else if (
        !re(F.incomeOrExpenditure).test(subject) &&
        last?.sentenceKey === sentenceKey &&
        (last.statement?.key === "income_total" || last.line?.section === "income")
      ) {
        // "本年收入合计X万元，较上年增加Y万元，增长Z%": a change with no subject of its own is the change
        // of the total just stated in its sentence — an income change is not the expenditure change.
        incomeChange = sentenceKey;
      } else if (re(F.notYoySubject).test(subject)) {
        // A change of the grand totals (收、支总计) includes the carry-over: not the expenditure change.
      } else if (!re(F.income).test(subject) || re(F.expenditure).test(subject)) {
        addStatement("yoy_change", f, m, m.lead);
        lastYoy = { sentenceKey };
      }
      last = undefined;
      continue;
    }
    const c = classifyTableAware(m, "amount", vocab);
    if (!c) {
      last = undefined;
      continue;
    }
    if (c.kind === "headline") {
      // "年初预算2,060万元，其中基本支出560万元、项目支出1,500万元": the parts of a budget, not the
      // basic and project spending.
      if (
        (c.key === "basic_total" || c.key === "project_total") &&
        m.context === "prose" &&
        splitsABudget(m, F)
      ) {
        last = undefined;
        continue;
      }
      const s = addStatement(c.key!, m.figure, m, c.matched);
      if (c.key === "basic_total") scope = "basic";
      else if (c.key === "project_total") scope = "project";
      else if (c.key === "income_total") scope = "income";
      else if (c.key === "expenditure_total") scope = "function";
      last = { sentenceKey, statement: s };
      continue;
    }
    let section = c.section!;
    // A cross-tab of economic classes (rows) by 基本支出 | 项目支出 | 合计 (columns): the column
    // places the value; its 合计 column adds nothing the two parts do not.
    const crossTab =
      section === "basic_expenditure" && m.context === "table"
        ? crossTabColumn(m, vocab.labels.columns)
        : undefined;
    if (crossTab === "total") {
      last = undefined;
      continue;
    }
    // "基本支出中工资福利支出…、商品和服务支出…": the whole named once holds for the sentence's items.
    if (c.whole) sentenceWhole = { sentenceKey, key: c.whole };
    const whole = c.whole ?? (sentenceWhole?.sentenceKey === sentenceKey ? sentenceWhole.key : undefined);
    if (crossTab) section = crossTab;
    else if (section === "basic_expenditure" && whole === "project_total") section = "project_expenditure";
    else if (section === "basic_expenditure" && whole === "basic_total") section = "basic_expenditure";
    else if (section === "basic_expenditure") {
      if (scope === "project") section = "project_expenditure";
      else if (scope !== "basic") {
        // An economic class outside a basic/project breakdown: only a share naming its whole places it.
        const next = mentions[mentions.indexOf(m) + 1];
        const parent =
          next?.kind === "percent" && re(F.share).test(next.lead) ? shareParent(next.lead, F) : undefined;
        if (parent === "basic") section = "basic_expenditure";
        else if (parent === "project") section = "project_expenditure";
        else {
          last = undefined;
          continue;
        }
      }
    }
    if (section === "income")
      scope = scope === "basic" || scope === "project" ? "income" : (scope ?? "income");
    const line: BudgetLine = {
      section,
      item: c.item!,
      item_as_printed: c.matched,
      amount: m.figure,
      context: m.context,
    };
    lines.push(line);
    last = { sentenceKey, line };
  }
  return { statements, lines };
}
