/**
 * Indicator tables (绩效指标). Header cells are matched after NFKC with spaces removed.
 * - the 4-column table of prose reports: 一级指标 | 二级指标 | 三级指标 | 指标值
 * - the 8-column 自评表: … | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 * - the Sichuan-style form: … | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分
 */
import type { TableDef } from "../../src/extract/definitions.js";

const levels = {
  level1: ["^一级指标$", "^一级$"],
  level2: ["^二级指标$", "^二级$"],
  level3: ["^三级指标$", "^三级$", "^(绩效)?指标(名称|内容)$", "^具体指标$"],
};

export const indicatorTables: TableDef[] = [
  {
    kind: "indicators",
    columns: {
      ...levels,
      op: ["^指标性质$", "^(运算|比较)符号?$"],
      target: [
        "^(年度|全年|预期|计划)?(指标值|目标值)$",
        "^(年度)?(绩效)?目标值?$",
        "^指标值\\(.*\\)$",
        "^预期(目标|指标)$",
      ],
      unit: ["^(度量|计量)单位$", "^单位$"],
      actual: [
        "^(实际|全年实际)?完成(值|情况)?$",
        "^实际(值|完成值|完成)$",
        "^全年实际值$",
        "^实际完成指标值$",
        "^全年完成(值|情况)?$",
      ],
      weight: ["^分值$", "^权重(\\(%\\))?$", "^标准分(值)?$", "^满分$"],
      score: ["^(自评)?得分$", "^评分$"],
      deviation: ["偏差", "^原因分析", "改进措施$", "^备注$"],
    },
    required: ["level3", "target"],
  },
];
