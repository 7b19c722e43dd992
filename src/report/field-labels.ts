/**
 * What a finding's `field` (a key of the checks: `project_expenditure`, `income:事业收入`, `task:2`,
 * `staff.in_service`, `indicator:满意度`) is called in Chinese, for the auditor's report. The keys
 * stay in discrepancies.csv for scripts; the page shows only these names.
 */
import {
  BUDGET_SECTIONS,
  type BudgetSection,
  HEADLINE_KEYS,
  type HeadlineKey,
} from "../../schemas/report.js";
import { KEY_NAME, SECTION_NAME, STAFF_NAME } from "../checks/field-names.js";

const OTHER_FIELDS: Record<string, string> = {
  self_score: "自评得分",
  grade: "自评等级",
  fiscal_year: "年度",
  department: "部门名称",
  report_kind: "报告类型",
  problems: "存在的问题",
  next_steps: "改进措施",
  basic_plus_project: "基本支出与项目支出之和",
  per_capita_spending: "人均支出",
  execution: "预算执行率",
};

const PARTS: Record<string, string> = {
  share: "占比",
  target: "目标值",
  actual: "实际完成值",
  score: "得分",
  weight: "分值",
  planned: "拟投入资金",
  content: "主要内容",
  goal: "预期目标",
  completion: "完成情况",
  budget: "预算数",
  executed: "执行数",
  rate: "执行率",
};

const isSection = (s: string): s is BudgetSection => (BUDGET_SECTIONS as readonly string[]).includes(s);
const isHeadline = (s: string): s is HeadlineKey => (HEADLINE_KEYS as readonly string[]).includes(s);

/** `budget_total#2` → the second statement of it. */
function numbered(label: string, n: string | undefined): string {
  return n ? `${label}（第${n}处列示）` : label;
}

function simple(key: string): string | undefined {
  if (isHeadline(key)) return KEY_NAME[key];
  if (isSection(key)) return SECTION_NAME[key];
  if (key.startsWith("staff.")) return STAFF_NAME[key.slice(6)];
  return OTHER_FIELDS[key];
}

/** The Chinese name of a compared field; an unknown key is shown as it is, never dropped. */
export function fieldLabel(field: string): string {
  // A total printed with its parts (a 合计 row, a 其中 list): the rest is the printed label itself.
  if (field.startsWith("stated_sum:")) return `列示的合计“${field.slice(11).split(":").join("·")}”`;
  const [head, ...rest] = field.split(":");
  const m = /^(.*?)(?:#(\d+))?$/.exec(head!)!;
  const base = m[1]!;
  const n = m[2];
  if (rest.length === 0) {
    const s = simple(base);
    return s ? numbered(s, n) : field;
  }
  // name[#N][:part] after a prefix
  const tail = rest.join(":");
  const tm = /^(.*?)(?:#(\d+))?(?::([a-z_]+))?$/.exec(tail)!;
  const name = tm[1]!;
  const nth = tm[2];
  const part = tm[3] ? (PARTS[tm[3]] ?? tm[3]) : undefined;
  const withPart = (s: string): string => numbered(part ? `${s}${part}` : s, nth);
  if (isSection(base)) return withPart(`${SECTION_NAME[base]}·${name}`);
  if (base === "project") return withPart(`项目“${name}”`);
  if (base === "indicator") return withPart(`指标“${name}”`);
  if (base === "task") return withPart(`任务${name}`);
  if (base === "prior_year") {
    const s = simple(name);
    return s ? `上年${s.replace(/^上年/, "")}（本年报告列示）` : field;
  }
  return field;
}
