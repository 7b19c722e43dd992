/** Task tables (年度重点工作任务): name, content, planned funds, expected goal, completion. */
import type { TableDef } from "../../src/extract/definitions.js";

export const taskTables: TableDef[] = [
  {
    kind: "tasks",
    columns: {
      seq: ["^序号$", "^编号$"],
      name: ["^(任务)?名称$", "^(重点)?(工作)?任务(名称)?$", "^年度重点工作任务$", "^重点工作(任务|事项)?$"],
      content: ["^(主要)?(实施)?内容$", "^主要实施内容$", "^(工作|任务)内容$"],
      planned: [
        "拟投入",
        "^投入资金",
        "^(预算|计划)(资金|金额|投入)",
        "^资金(\\(.*\\))?$",
        "^资金预算",
        "^(资金|金额)\\(",
        "^预算(数|金额)?(\\(.*\\))?$",
      ],
      goal: ["期望达到的目标", "^预期(目标|效果)", "^(绩效)?目标(\\(概述\\))?$"],
      completion: ["^(实际)?完成情况$", "^完成进度$", "^执行情况$"],
    },
    required: ["name", "planned"],
  },
];
