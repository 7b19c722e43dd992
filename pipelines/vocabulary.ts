/**
 * Label synonyms and section anchors shared by the house styles seen so far. Patterns are
 * regular expressions over NFKC text with spaces removed. Real reports contain typos: the seed
 * prints 一般公用预算资金收入 for 一般公共预算财政拨款收入, so item patterns are deliberately loose.
 */
import type { VocabularyFile } from "../src/extract/definitions.js";

export const vocabulary: VocabularyFile = {
  headline: {
    budget_total: [
      "全年预算(数|金额|总额)?",
      "调整(后)?预算(数|金额)?",
      "预算调整(后|数)",
      "全年(财政)?(拨款)?预算总?(数|额)",
      "本年预算(数|总额)?",
    ],
    initial_budget: ["年初预算(数|金额|总额)?", "年初批复预算(数)?", "年初部门预算(数)?"],
    executed_total: [
      "(全年|实际|本年|年度)?执行数",
      "实际(支出|执行|完成)(数|金额)?",
      "决算(支出)?数",
      "全年执行(金额|数)?",
      "(全年|本年)?支出数",
      // "调整后预算6420.00万元，全年支出6237.36万元，预算执行率为98.16%" (p7).
      "^全年支出$",
    ],
    execution_rate: [
      "(预算|资金|年度预算|整体预算)?执行率",
      "(预算|年度预算)?执行进度",
      "完成预算",
      "预算完成(率|比例|进度)",
      "资金到位率",
    ],
    income_total: [
      "(年度|本年|部门)?总收入",
      "收入(合计|总计|总额)",
      "收入预算执行",
      "(本年|部门|年度)收入(合计)?",
      "收入预算(数|总额)",
    ],
    expenditure_total: [
      "(年度|本年|部门)?总支出",
      "支出(合计|总计|总额)",
      "支出预算执行",
      "(本年|部门|年度)支出(合计)?",
    ],
    prior_expenditure_total: [
      "上年(度)?(总)?支出(合计|总额|决算数)?",
      "上年(度)?决算(数|支出)?",
      "上年同期支出",
    ],
    basic_total: ["基本支出"],
    project_total: ["项目支出"],
    basic_share: ["基本支出"],
    project_share: ["项目支出"],
  },
  items: {
    income: [
      {
        item: "一般公共预算财政拨款收入",
        patterns: ["一般公[共用]预算(财政)?(拨款|资金)?(收入)?", "财政拨款收入", "公共财政拨款(收入)?"],
      },
      { item: "政府性基金预算财政拨款收入", patterns: ["政府性基金(预算)?(财政)?(拨款)?(收入)?"] },
      { item: "国有资本经营预算财政拨款收入", patterns: ["国有资本经营预算(财政)?(拨款)?(收入)?"] },
      { item: "财政专户管理资金收入", patterns: ["财政专户管理资金(收入)?"] },
      { item: "事业收入", patterns: ["事业收入"] },
      { item: "经营收入", patterns: ["经营收入"] },
      { item: "上级补助收入", patterns: ["上级补助收入"] },
      { item: "附属单位上缴收入", patterns: ["附属单位上缴(收入)?"] },
      { item: "其他收入", patterns: ["其他收入"] },
      { item: "上年结转", patterns: ["上年结转(结余|和结余)?(收入|资金)?", "年初结转(和)?结余"] },
      { item: "使用非财政拨款结余", patterns: ["使用非财政拨款结余"] },
    ],
    expenditure_by_function: [
      { item: "一般公共服务支出", patterns: ["一般公共服务支出"] },
      { item: "公共安全支出", patterns: ["公共安全支出"] },
      { item: "教育支出", patterns: ["教育支出"] },
      { item: "科学技术支出", patterns: ["科学技术支出"] },
      { item: "文化旅游体育与传媒支出", patterns: ["文化(旅游)?体育与传媒支出", "文化旅游体育和传媒支出"] },
      { item: "社会保障和就业支出", patterns: ["社会保障(和|与)就业支出"] },
      { item: "卫生健康支出", patterns: ["卫生健康支出", "医疗卫生(与计划生育)?支出"] },
      { item: "节能环保支出", patterns: ["节能环保支出"] },
      { item: "城乡社区支出", patterns: ["城乡社区(事务)?支出"] },
      { item: "农林水支出", patterns: ["农林水(事务)?支出"] },
      { item: "交通运输支出", patterns: ["交通运输支出"] },
      { item: "资源勘探工业信息等支出", patterns: ["资源勘探(工业)?信息等支出"] },
      { item: "商业服务业等支出", patterns: ["商业服务业等支出"] },
      { item: "自然资源海洋气象等支出", patterns: ["自然资源海洋气象等支出"] },
      { item: "住房保障支出", patterns: ["住房保障支出"] },
      { item: "粮油物资储备支出", patterns: ["粮油物资储备支出"] },
      { item: "灾害防治及应急管理支出", patterns: ["灾害防治(及|和)应急管理支出"] },
      { item: "国防支出", patterns: ["国防支出"] },
      { item: "债务付息支出", patterns: ["债务付息支出"] },
      { item: "其他支出", patterns: ["^其他支出"] },
    ],
    basic_expenditure: [
      { item: "工资和福利支出", patterns: ["工资(和|与|及)?福利(费)?(支出)?"] },
      { item: "商品和服务支出", patterns: ["商品(和|与|及)?服务(费)?(支出)?"] },
      { item: "对个人和家庭的补助", patterns: ["对个人(和|与|及)家庭(的)?补助(支出)?"] },
      { item: "对企业补助", patterns: ["对企业补助(支出)?"] },
      { item: "资本性支出", patterns: ["资本性支出"] },
      { item: "债务利息及费用支出", patterns: ["债务利息(及费用)?支出"] },
    ],
    // Project expenditure is split by the same economic classes as basic expenditure.
    project_expenditure: [],
  },
  yoyComponents: [
    { item: "人员经费", patterns: ["人员经费"] },
    { item: "公用经费", patterns: ["公用经费"] },
    { item: "基本支出", patterns: ["基本支出"] },
    { item: "项目支出", patterns: ["项目支出"] },
  ],
  yoyMarkers: [
    "上年",
    "上一年",
    "去年",
    "同比",
    "上年度",
    "20\\d\\d年(度)?(相比|对比)",
    "[较比]20\\d\\d年(度)?",
  ],
  staff: {
    authorized: [
      "核定.{0,4}编制(数|人数)?",
      "编制(数|人数|总数)",
      "批复.{0,4}编制(数)?",
      "编制\\d",
      // Hunan 基本概况 forms label the count 人员编制 (p7).
      "人员编制(数)?",
      // 行政编制161人, 行政事业总编制为249个, 本部门编制64人 (p8).
      "(行政|行政事业|事业)(总)?编制",
      "总编制",
      "^(本|全)(部门|局|单位|委|中心|办)编制",
    ],
    in_service: [
      "实有(在编)?(在职)?(人员|人数)",
      "在编在职(人员|人数)?",
      "在职在编(人员|人数)?",
      "年末实有在职(人员|人数)?",
      "实有在职(人员|人数)?",
      "^在职(人员|人数)",
      // 全局现有在职人员246人, 2021年末在职人数57人 (p8).
      "现有在职(人员|人数)",
      "年末在职(人员|人数)",
    ],
    contract: [
      "编外(聘用|聘请)?(人员|人数)?",
      "编外.{1,6}(人员|人数)",
      "(在职)?合同(制)?(人员|工)",
      "临聘人员",
      "劳务派遣(人员)?",
      "聘用人员",
      "政府购买服务(人员|岗位)",
    ],
    // (OCR reads 退休 as 过休 / 过体 / 退体 on poor scans; none of those is a word.)
    retired: ["(在编)?(离)?退休(人员|人数)?", "离退休(人员|人数)?", "(在编)?[退过][休体](人员|人数)"],
  },
  sections: {
    basic_info: ["基本情况", "部门概况", "单位概况", "人员情况", "机构人员"],
    budget: [
      "收支情况",
      "预算(执行|完成)",
      "收入",
      "支出(结构|情况)",
      "预算.*情况",
      "资金(管理|使用)情况",
      "财务",
    ],
    indicators: ["指标设定", "绩效指标", "自评表", "绩效目标(完成|实现)?情况"],
    conclusion: ["自评结论", "综合评价", "自评情况", "评价结论", "自评得分", "自评结果"],
    tasks: ["重点工作任务", "工作任务.*(完成|目标)", "年度.*任务"],
    projects: ["项目支出.*(完成|情况|分析)", "重点项目", "重点任务项目", "项目.*(绩效|执行)情况"],
    problems: ["存在(的)?(主要)?问题", "问题(及|和|与)原因", "主要问题"],
    next_steps: ["改进(措施|建议|意见)", "下一步", "整改", "工作(计划|打算)", "意见建议"],
  },
  reportKinds: [
    // Hunan's wording: an evaluation report that is a self-evaluation (p7).
    { item: "整体支出绩效评价自评报告", patterns: ["(部门|单位)?整体支出绩效评价自评报告"] },
    {
      item: "部门整体支出绩效自评报告",
      patterns: ["(部门|单位)?整体支出绩效自评报告", "部门整体绩效自评报告"],
    },
    { item: "部门整体支出绩效评价报告", patterns: ["(部门|单位)?整体支出绩效(自我)?评价报告"] },
    { item: "部门整体支出绩效自评表", patterns: ["(部门|单位)?整体支出绩效自评表"] },
    { item: "项目支出绩效自评报告", patterns: ["项目(支出)?绩效自评报告"] },
    { item: "项目支出绩效自评表", patterns: ["项目(支出)?绩效自评表"] },
    { item: "项目支出绩效评价报告", patterns: ["项目(支出)?绩效评价报告"] },
    { item: "绩效自评报告", patterns: ["绩效自评(报告|总结)"] },
  ],
  // OCR misreadings of label words (measured on scans: 支 → 文, 休 → 体). None is a word itself.
  labelFolds: {
    文出: "支出",
    支岀: "支出",
    退体: "退休",
    目评: "自评",
    // tesseract puts a 和 into the gap between 休 and 人 (measured on two scans).
    退休和人员: "退休人员",
    预箕: "预算",
    执衍: "执行",
    決算: "决算",
    预复: "预算",
    在职全同: "在职合同",
  },
};
