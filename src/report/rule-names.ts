/**
 * What each check rule means, in the words an auditor uses. Rule ids are those of src/checks/*.ts;
 * an id missing here is shown as is, so a new rule never disappears from the report.
 */

export interface RuleName {
  name: string;
  explanation: string;
}

export const RULE_NAMES: Record<string, RuleName> = {
  sum_mismatch: { name: "合计不符", explanation: "各组成项相加与报告列示的合计数不一致。" },
  share_mismatch: { name: "占比不符", explanation: "列示的占比与“本项金额÷合计”计算结果不一致。" },
  rate_mismatch: { name: "执行率不符", explanation: "列示的执行率与“执行数÷预算数”计算结果不一致。" },
  restated_mismatch: { name: "前后数字不一致", explanation: "同一数字在报告不同位置列示的数值不同。" },
  grade_mismatch: { name: "等级与得分不符", explanation: "自评等级不在自评得分对应的等级区间内。" },
  score_sum_mismatch: {
    name: "指标得分合计不符",
    explanation: "自评表各指标得分之和与报告的自评总分不一致。",
  },
  score_result_mismatch: {
    name: "未达目标却得满分",
    explanation: "指标实际完成值未达到目标值，但该指标仍得满分。",
  },
  yoy_mismatch: {
    name: "与上年报告不符",
    explanation: "报告所称的较上年增减额或增减幅度，与两年报告的总支出计算结果不一致。",
  },
  indicator_dropped: { name: "指标未延续", explanation: "上年度的绩效指标在本年度报告中不再出现。" },
  indicator_target_jump: {
    name: "指标目标大幅变动",
    explanation: "同一绩效指标的目标值较上年变动超过一倍或减半。",
  },
  text_repeated: {
    name: "文字与上年雷同",
    explanation: "“存在的问题”或“改进措施”与上年度报告基本相同，问题可能未整改。",
  },
  peer_outlier: {
    name: "明显偏离同级部门",
    explanation: "执行率、自评得分或人均支出明显偏离同地区同年度其他部门（稳健z值超过3.5）。",
  },
  copy_mismatch: {
    name: "同一报告不同文件读数不一致",
    explanation: "同一份报告的两个文件（如原件与扫描件、重新导出的版本）中同一数字读数不同。",
  },
  score_vs_execution: {
    name: "高分低执行",
    explanation: "自评得分达到“优”（≥90分），但预算执行率低于85%，评分与资金执行情况不相称。",
  },
};

export const ruleName = (rule: string): RuleName =>
  RULE_NAMES[rule] ?? { name: rule, explanation: "（未收录的规则）" };

export const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示" } as const;

/** Evidence roles as written by the checks, in Chinese. */
const ROLE_NAMES: Record<string, string> = {
  "stated total": "列示合计",
  part: "组成项",
  "stated share": "列示占比",
  total: "合计",
  "stated rate": "列示执行率",
  executed: "执行数",
  budget: "预算数",
  "first statement": "第一处列示",
  "second statement": "第二处列示",
  score: "得分",
  grade: "等级",
  "self score": "自评得分",
  "indicator score": "指标得分",
  actual: "实际完成值",
  target: "目标值",
  "stated change": "列示的增减",
  "this year total": "本年总支出",
  "last year total": "上年总支出",
  "last year indicator": "上年指标",
  "this year target": "本年目标",
  "last year target": "上年目标",
  "this year text": "本年文字",
  "last year text": "上年文字",
  execution: "执行率依据",
  execution_rate: "预算执行率",
  self_score: "自评得分",
  per_capita_spending: "人均支出依据",
  "this file": "本文件",
  "other file": "另一文件",
  "restated last year": "本年报告列示的上年数",
  stated: "列示值",
  "last year": "上年报告",
};

export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;
