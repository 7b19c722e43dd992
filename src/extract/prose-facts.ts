/**
 * Facts stated in running text: staff counts, the self score and grade, key projects
 * ("1、X经费，全年预算数 A 万元，实际执行数 B 万元，预算执行率 C%").
 */
import type { Figure, Text } from "../../schemas/provenance.js";
import type { ProjectSpending } from "../../schemas/report.js";
import type { LocatedText } from "../layout/located-text.js";
import { foldLabel, longestMatch, type Vocabulary } from "./definitions.js";
import { compact, figureOf, provOf } from "./figure.js";
import type { Mention } from "./mentions.js";
import { parseChineseInteger, parseDecimal } from "./numbers.js";

type StaffKey = "authorized" | "in_service" | "contract" | "retired";

/** A count and its unit; OCR reads 人 after a number as "A" or "Ao" (taken only from OCR'd text). */
const COUNT =
  /(\d+|[一二两三四五六七八九十百零]+)\s*(名|人|个|A(?=[o0]?(?:[。.,，;；\s]|$)))(?!次|员|数|民|才)/gu;

/** Staff counts: the count right after a staff label in the same clause. */
export function staffCounts(lt: LocatedText, vocab: Vocabulary): Partial<Record<StaffKey, Figure>> {
  const t = lt.text;
  const out: Partial<Record<StaffKey, Figure>> = {};
  COUNT.lastIndex = 0;
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
        .replace(/[\][|丨]+$/, ""),
      vocab,
    );
    // "核定行政编制30名、事业编制15名，合计45名": the sum of the kinds of posts is the count.
    if (lastKey && /^(合计|共计|总计|共|总数)$/.test(lead) && !/[。；;]/.test(t.slice(lastEnd, m.index))) {
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
    if (/(增加|减少|增长|下降|持平|其中|新入职|招聘|提拔|晋升|培训|参加|参与)/.test(lead)) continue;
    let best: { key: StaffKey; length: number } | undefined;
    for (const key of ["authorized", "in_service", "contract", "retired"] as const) {
      const hit = longestMatch(lead, vocab.staff[key]);
      // The label must end the lead (allowing 为/是/共/有), not sit somewhere earlier in it.
      if (
        hit &&
        /^(为|是|共|有|数|总数|共计|合计)?$/.test(
          lead.slice(hit.index + hit.length).replace(/^(人数|数)/, ""),
        )
      ) {
        if (!best || hit.length > best.length) best = { key, length: hit.length };
      }
    }
    if (!best || out[best.key]) continue;
    // A count of one kind of post (行政编制, 事业编制) may be followed by their 合计.
    lastKey = best.key === "authorized" && /(行政|事业|工勤)/.test(lead) ? best.key : undefined;
    lastEnd = m.index + m[0].length;
    const digits = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseInteger(m[1]!);
    if (digits === undefined) continue;
    const prov = provOf(lt, m.index, m.index + m[1]!.length);
    if (m[2] === "A" && prov.conf === undefined) continue;
    out[best.key] = figureOf({ value: String(digits), ulp: "1" }, m[2] === "A" ? "人" : m[2]!, prov);
  }
  return out;
}

const SCORE =
  /(?:自评|综合|评价|绩效|最终)?(?:总)?(?:得分|评分|分数|分值)\s*(?:为|是|:|：|达到|达)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/u;
const SCORE_ALT = /(?:自评|评价|评定|综合评定)(?:为|结果为)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分/u;
const GRADE_WORD = "(优秀|良好|合格|不合格|一般|较好|较差|中等|优|良|中|差)";
/** Quotes around a grade, with the forms OCR gives them ([ for “, o or , for ”). */
const OPEN = `[“"「『'‘\\[]`;
const CLOSE = `[”"」』'’\\],，。o]`;
const GRADES = [
  new RegExp(
    `(?:自评|评价|绩效|评定)?等级\\s*(?:为|是|:|：|评定为)?\\s*${OPEN}?\\s*${GRADE_WORD}(?![\\u4e00-\\u9fff]{2})`,
    "u",
  ),
  new RegExp(`(?:自评|评价|评定|等次)\\s*(?:为|结果为)?\\s*${OPEN}\\s*${GRADE_WORD}\\s*${CLOSE}`, "u"),
  new RegExp(`(?:评价|自评)?等次\\s*(?:为|是|:|：)?\\s*[“"「『']?${GRADE_WORD}`, "u"),
];

export function selfScore(lt: LocatedText): Figure | undefined {
  const t = lt.text;
  const m = SCORE.exec(t) ?? SCORE_ALT.exec(t);
  if (!m) return undefined;
  const n = parseDecimal(m[1]!);
  if (!n || Number(n.value) > 100) return undefined;
  const at = m.index + m[0].lastIndexOf(m[1]!);
  return figureOf(n, "分", provOf(lt, at, at + m[1]!.length));
}

export function grade(lt: LocatedText): Text | undefined {
  const t = lt.text;
  for (const re of GRADES) {
    const m = re.exec(t);
    if (m) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      return { value: m[1]!, prov: provOf(lt, at, at + m[1]!.length) };
    }
  }
  return undefined;
}

const BUDGET_LABEL = /(全年|年度|调整后)?预算(数|金额|资金)?$|年初预算(数)?$/;
const EXECUTED_LABEL = /(实际|全年)?执行(数|金额)?$|实际支出(数)?$|支出数$|决算数$/;
const RATE_LABEL = /执行率$|完成率$|执行进度$/;

/**
 * A project statement in prose: a list item naming a project, then its budget, executed amount and
 * rate. `mentions` are the paragraph's mentions (in order).
 */
export function proseProject(
  lt: LocatedText,
  mentions: readonly Mention[],
  inProjectSection: boolean,
): ProjectSpending | undefined {
  const t = lt.text;
  const head =
    /^\s*(\d{1,2}\s*[、.．]|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]+\s*[、.]|[①-⑳]|项目\s*[一二三四五六七八九十\d]{1,3}\s*[:：、.．])?\s*([^，,。；;:：]{2,40}?)\s*[，,：:。]/u.exec(
      t,
    );
  // Outside a project section only a numbered list item counts.
  if (!head || (!inProjectSection && !head[1])) return undefined;
  const name = compact(head[2]!).replace(/[。.]$/, "");
  if (/预算|执行|支出|收入/.test(name) && !/(经费|资金|项目|专项|补助|补贴)$/.test(name)) return undefined;
  const budget = mentions.find((m) => m.kind === "amount" && BUDGET_LABEL.test(m.lead));
  const executed = mentions.find((m) => m.kind === "amount" && EXECUTED_LABEL.test(m.lead));
  if (!budget || !executed) return undefined;
  const rate = mentions.find((m) => m.kind === "percent" && RATE_LABEL.test(m.lead));
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
