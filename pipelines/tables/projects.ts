/** Key project spending tables (重点项目支出): name, budget, executed, rate. */
import type { TableDef } from "../../src/extract/definitions.js";

export const projectTables: TableDef[] = [
  {
    kind: "projects",
    columns: {
      seq: ["^序号$"],
      name: ["^项目(名称)?$", "^(重点)?项目名称$", "^名称$"],
      budget: ["^(全年|年度|调整(后)?)?预算(数|金额|资金)?", "^年初预算", "^预算调整数", "^调整后预算"],
      executed: [
        "^(全年|实际)?执行(数|金额)?",
        "^实际支出",
        "^支出数",
        "^决算数",
        // "项目名称 | 全年预算数 | 已支付金额 | 执行率" (probe p16, the README's worked example).
        "^已支付(金额|数)?",
      ],
      rate: ["执行率", "^完成率", "^执行进度"],
    },
    required: ["name", "budget", "executed"],
  },
];
