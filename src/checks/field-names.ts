/** What the compared fields are called in a finding's Chinese message. */
import type { BudgetSection, HeadlineKey } from "../../schemas/report.js";

export const SECTION_NAME: Record<BudgetSection, string> = {
  income: "收入来源",
  expenditure_by_function: "支出功能分类",
  basic_expenditure: "基本支出经济分类",
  project_expenditure: "项目支出经济分类",
  yoy_component: "支出增减构成",
};

export const KEY_NAME: Record<HeadlineKey, string> = {
  budget_total: "全年预算数",
  initial_budget: "年初预算数",
  executed_total: "执行数",
  execution_rate: "预算执行率",
  income_total: "总收入",
  expenditure_total: "总支出",
  basic_total: "基本支出",
  project_total: "项目支出",
  basic_share: "基本支出占比",
  project_share: "项目支出占比",
  yoy_change: "支出较上年增减额",
  yoy_change_pct: "支出较上年增减幅度",
  prior_expenditure_total: "上年支出",
};

export const STAFF_NAME: Record<string, string> = {
  authorized: "核定编制",
  in_service: "实有在编在职人员",
  contract: "编外/合同人员",
  retired: "退休人员",
};
