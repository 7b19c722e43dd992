/**
 * The label words that steer the reading: how a department name ends, which cells label a score
 * or a grade, which rows are totals, which verbs state a change, which phrasings give a staff
 * count. Every entry is a regular-expression source over NFKC text (spaces removed where the
 * reader compacts the text); entries marked "(capture …)" must keep their capture groups.
 * A house style that words these differently adds alternatives here, not code in src/.
 */
import type { Labels } from "../src/extract/definitions.js";

const GRADE_WORD = "(优秀|良好|合格|不合格|一般|较好|较差|中等|优|良|中|差)";
/** Quotes around a grade, with the forms OCR gives them ([ for “, o or , for ”). */
const OPEN = `[“"「『'‘\\[]`;
const CLOSE = `[”"」』'’\\],，。o]`;
const ORG_END = [
  "局",
  "委员会",
  "委",
  "办公室",
  "办",
  "中心",
  "院",
  "所",
  "站",
  "队",
  "馆",
  "部",
  "处",
  "厅",
  "署",
  "会",
  "社",
  "校",
  "园",
  "室",
  "团",
  "台",
  "厂",
  "场",
  "公司",
  "中学",
  "小学",
  "大学",
  "医院",
  "政府",
  "街道",
  "镇",
  "乡",
];
const CN_NUMERAL = "[一二三四五六七八九十]";
/** A paragraph's label before the department name ("填报单位（盖章）：X", "部门(单位)名称 X"). */
const DEPARTMENT_FIELD =
  "(?:部门|单位|预算单位|填报单位|实施单位|评价单位|报送单位|编制单位)(?:\\(单位\\))?(?:名称)?(?:\\((?:盖章|公章|签章)\\))?";

export const labels: Labels = {
  identity: {
    orgEnd: `(${ORG_END.join("|")})`,
    // (capture 1: the year)
    year: "((?:19|20)\\d{2})\\s*年(?:度)?",
    yearUnit: "年",
    // A year printed on a line of its own under a title: "（2023年度）". (capture 1: the year)
    yearLine: "^[(（]?((?:19|20)\\d{2})\\s*年度?[)）]?$",
    // A paragraph that may carry the fiscal year when no title did.
    yearContext: "绩效|预算|决算|自评",
    // Removed from a department name taken from a title, in order.
    departmentStrip: [
      "^(关于|附件\\d*[:：]?)",
      // A cover line's label before the name (部门(单位)名称 X县…): only with 名称 or a colon after it.
      `^${DEPARTMENT_FIELD}(?:(?<=名称)|[:：])[:：]?`,
      // A title that is also a heading of a larger publication: "第四部分 2022年度…自评报告".
      `^(第[一二三四五六七八九十\\d]{1,3}部分|${CN_NUMERAL}{1,3}[、.])`,
      "(的)?$",
      // "…中心部门整体支出" left over when an OCR'd title garbles the kind (部门枕体支出).
      "(部门|单位)(.{0,3}支出)?$",
      '^[“"《]|[”"》]$',
    ],
    // The title of a publication a report is printed inside ("X局2023年度部门决算"): group 1 names the
    // department where the report's own title does not.
    publicationTitle: "^(.{2,40}?)(?:\\d{4}\\s*年度?)?(?:部门|单位)(?:决算|预算)(?:公开)?$",
    // A form's cell that labels the department name.
    departmentCell:
      "^(部门|单位|预算单位|填报单位|主管部门|实施单位|评价单位|报送单位)(\\(单位\\))?(名称)?(及代码|\\((盖章|公章)\\))?$",
    // A paragraph's label before the department name ("填报单位（盖章）：X"); the value follows a
    // colon. (no capture groups of its own)
    departmentField: DEPARTMENT_FIELD,
    // Place endings of a full organisation name: a place, an optional sub-place, then the body.
    placeEnd: "(?:省|自治区|市|自治州|州|县|区|旗)",
    // Characters that say what kind of body an organisation is: a department name read one character off
    // its other years' name, the character being one of these, may be a rename rather than a misreading.
    bodyKind: "[局委办厅院所站队馆会处室部署社校园台心]",
    subPlaceEnd: "(?:市|县|区)",
    // Titles of documents that are not self-evaluations.
    otherDocument: "^关于.{2,60}(通知|通报|函|请示|批复|决定|意见|公告)$",
    // Words that every self-evaluation prints early on (all must occur).
    reportWords: ["绩效", "(自评|评价|自我评价)"],
  },
  score: {
    // (capture 1: the score)
    prose: [
      "(?:自评|综合|评价|绩效|最终)?(?:总)?(?:得分|评分|分数|分值|总分)\\s*(?:为|是|:|：|达到|达)?\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\s*分",
      "(?:自评|评价|评定|综合评定)(?:为|结果为)?\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\s*分",
    ],
    // A score phrase right after these words is one part's score (预算管理指标得分29.28分), not the
    // report's: a sentence stating parts and the total gives the total.
    partScore: "(指标|部分|环节)$",
    // (capture 1: the grade word)
    grade: [
      `(?:自评|评价|绩效|评定)?等级\\s*(?:为|是|:|：|评定为)?\\s*${OPEN}?\\s*${GRADE_WORD}(?![\\u4e00-\\u9fff]{2})`,
      `(?:自评|评价|评定|等次)\\s*(?:为|结果为)?\\s*${OPEN}\\s*${GRADE_WORD}\\s*${CLOSE}`,
      `(?:评价|自评)?等次\\s*(?:为|是|:|：)?\\s*[“"「『']?${GRADE_WORD}`,
    ],
    // A form's cells: the total score's label, the grade's label, a grade value.
    scoreCell:
      "^(总分|合计得分|自评得分|综合得分|总得分|得分合计|自评总分|评价得分|总得分值|自评分数|综合评分)$",
    gradeCell: "^(自评等级|绩效等级|评价等级|等级|自评结果|评价结果|自评等次|评价等次)$",
    gradeValue: `^${GRADE_WORD}$`,
    // The unit of a score ("92分"), and the same at the end of a cell.
    unitWord: "分",
    unit: "分$",
  },
  rows: {
    // A row that sums every row above it.
    sumRow: "^(合计|总计)$",
    // A total row's label.
    total: "^(合计|总计|小计)$",
    // A row that totals what its column names (年度资金总额 / 合计 / 全年…).
    totalLike: "合计|总计|总额|总数|资金总|^年度资金|^全年|^部门整体支出$",
    // The header over a table's row labels names what its total row totals. (capture 1)
    subject: "^(收入|支出)",
    subjectTotal: "合计",
    // A grand total that includes the carry-over, and the words of the carry-over.
    grandTotal: "总计",
    carryOver: "结转|结余",
    // Rows of a project table that are no project.
    notProject: "^(合计|总计|小计|(部门)?预算总额|部门预算|总额|部门整体(支出)?)$",
    // Rows of an indicator or task table that are no indicator or task.
    notIndicator: "^(一级|二级|三级)指标$|^指标值$|^合计$|^总分$|^小计$",
    indicatorTotal: "^(合计|总分|总计|小计)",
    indicatorScoreTotal: "^(合计|总计|总分)$",
    // A row of an indicator table that adjusts the points without being an indicator (扣分项 | … | −10).
    scoreAdjustment: "^(扣分|加分|减分)(项|事项|项目|情况)?$",
  },
  columns: {
    // A cross-tab column of the economic classes: basic, project, or their total.
    basic: "基本支出",
    project: "项目支出",
    total: "^(合计|总计|小计)(\\(.*\\))?$",
    // A column of shares.
    share: "^(占比|比重|比例|占.*(比|%))",
    // A column or row of percentages.
    percent: "率|比例|占比|%|进度",
    percentRow: "率$|进度$",
    // Columns of points (weights and scores): never amounts or rates.
    points: "(分值|得分|权重|评分|标准分|扣分|满分)(\\(.*\\))?$",
    // A qualitative indicator's 指标性质.
    qualitative: "^定性",
    // Budget headers in order of preference when a project table prints several budget columns:
    // the full-year or adjusted budget before a bare 调整 (some tables use it for the adjustment
    // itself), before 年初预算.
    budgetTiers: ["全年预算|调整后(预算)?|预算调整后|年度预算", "^调整(预算|数)", "预算", "年初"],
  },
  figures: {
    // A part's budget ("其中基本支出预算1138.40万元"): not its executed total.
    partBudget: "(基本支出|项目支出)(年初|全年|调整后)?预算(数|金额)?(为|是|:)?$",
    // A verb of change at the end of a lead. (capture 1: the verb)
    changeVerb: "(增加|减少|增长|下降|上升|降低|减|增|节约|超支)了?$",
    // The sign a change's verb gives it: none, down (tested first: 减少 before 少), up.
    steady: "持平|无增减|没有变化|无变化",
    decrease: "(减少|下降|降低|减|节约|缩减|回落|少)",
    increase: "(增加|增长|上升|提高|增|多|超支|上涨)",
    // The marker of a total's parts, and what makes the sentence before it a budget.
    partsMarker: "其中",
    partsMarkerLead: "^其中",
    // What introduces a total's parts in prose (after the total's amount), and the intros that
    // list all of them.
    partsIntro: "^[，,]?(其中|包括|分别为|分别是)[:：]?",
    partsExhaustive: "分别",
    // After a headline label inside a lead, these make the figure a part of it ("项目支出包括…经费",
    // "基本支出中工资福利支出"), not a statement of the total.
    partOf: "^(中的?|之中|包括|其中|含|主要包括|主要用于)",
    // Subjects whose totals are not the department's (三公经费, 政府采购支出总额 …).
    otherSubject: "三公|政府采购|机关运行经费|公务接待|公务用车|会议费|培训费",
    // A change stated for grand totals (收、支总计) is not the expenditure change.
    notYoySubject: "总计",
    budgetSentence: "预算",
    notBudgetSentence: "(执行|实际|决算|支出合计|总支出|支出总额|完成)",
    // What a share's 占… names as its whole. (capture 1: the whole)
    shareOf: "占(.*)$",
    share: "占",
    basic: "基本支出",
    project: "项目支出",
    income: "收入",
    expenditure: "支出",
    // A percentage change stated with expenditure as its subject, or with no subject.
    expenditureChange: "支出|^(增长|下降|增加|减少)",
    // The subject of a change that is the total expenditure's.
    totalExpenditureSubject:
      "^(本年|本部门|部门|年度|全年|本单位)?(总)?支出(合计|总额)?(与|较|比|同比|对比)?",
    incomeOrExpenditure: "(支出|收入)",
    // List markers before a component's name.
    componentPrefix: "^(一是|二是|三是|四是|其中)",
    // "支出与上年相比无增减变化". (capture: the last group is the no-change phrase)
    noChange: "(同比|与上年(度)?(相比|对比)?|较上年(度)?)[^。；;，,]{0,12}?(无增减变化|无变化)",
    noChangeLabel: "无增减变化",
  },
  staff: {
    // A count after a staff label. (capture 1: the number, 2: its unit)
    count:
      "(\\d+|[一二两三四五六七八九十百零]+)\\s*(名|人|个|A(?=[o0]?(?:[。.,，;；\\s]|$)))(?!次|员|数|民|才)",
    // The measure words a count in a form's cell may end with ("13 个", "十三名"): an alternation.
    countUnit: "个|名|人|项|家|所|次|场|份|件",
    // The unit OCR writes for 人 ("A"): taken only from OCR'd text.
    ocrPersonUnit: "A",
    personUnit: "人",
    // "核定行政编制30名、事业编制15名，合计45名": the sum of the kinds of posts.
    sum: "^(合计|共计|总计|共|总数)$",
    postKinds: "(行政|事业|工勤)",
    // Changes and sub-counts are not the counts.
    notACount: "(增加|减少|增长|下降|持平|其中|新入职|招聘|提拔|晋升|培训|参加|参与)",
    // What may follow a staff label before its count.
    labelTail: "^(为|是|共|有|数|总数|共计|合计)?$",
    labelTailStrip: "^(人数|数)",
    // A bracket or bar right before the count is OCR's reading of a speck: "编外聘用人员]11 人".
    speck: "[\\][|丨]+$",
  },
  projects: {
    // A numbered list item naming a project. (capture 1: the number, 2: the name)
    head: `^\\s*(\\d{1,2}\\s*[、.．]|[(（]\\s*\\d{1,2}\\s*[)）]|${CN_NUMERAL}+\\s*[、.]|[①-⑳]|项目\\s*[一二三四五六七八九十\\d]{1,3}\\s*[:：、.．])?\\s*([^，,。；;:：]{2,40}?)\\s*[，,：:。]`,
    // A name that is a figure's label, unless it ends like a project.
    figureWord: "预算|执行|支出|收入",
    nameEnd: "(经费|资金|项目|专项|补助|补贴)$",
    budget: "(全年|年度|调整后)?预算(数|金额|资金)?$|年初预算(数)?$",
    executed: "(实际|全年)?执行(数|金额)?$|实际支出(数)?$|支出数$|决算数$",
    rate: "执行率$|完成率$|执行进度$",
  },
  tasks: {
    // "任务1：…" / "1、…" before a task's name. (capture 2: the number)
    prefix: `^(任务|工作任务)?\\s*(\\d{1,2}|${CN_NUMERAL}+)\\s*[:：、.]?\\s*`,
    prefixWord: "^任务",
  },
  text: {
    // A cell that states nothing.
    empty: "^[/／\\\\—\\-–－无]$",
    // A footnote or a table note opening a paragraph in a smaller font.
    note: "^\\s*(注[:：释]|[①-⑩*†‡]|\\d{1,2}\\s*(?=[\\u4e00-\\u9fff])(?![年月日号个项名人万元]))",
    // Parenthesised asides and list markers removed from a lead.
    leadMarkers: ["^[①-⑳]", `^${CN_NUMERAL}+是`],
    // A figure followed by these is a target or an estimate, not a stated fact.
    targetTail: "^(及|或)?(以上|以下|左右|以内|之内|上下|不等)",
    // The unit a table's caption names ("单位：万元"). (capture 1: the unit)
    captionUnit: "单位\\s*[:：]\\s*(万元|元|亿元|千元)",
  },
  // Project self-evaluation forms (项目支出绩效自评表): the cells that label the project's name and its
  // implementing unit, the kind a form without a title is, and which kinds are project kinds.
  projectForm: {
    nameCell: "^项目名称[:：]?$",
    unitCell: "^实施单位[:：]?$",
    // In prose: "项目名称：X；主管部门：…". (capture 1: the value)
    nameField: "项目名称[:：]\\s*([^；;，,。\\s]{2,40})",
    unitField: "实施单位[:：]\\s*([^；;，,。\\s]{2,40})",
    kind: "项目支出绩效自评表",
    projectKind: "^项目",
  },
  // The report's words for required fields, named in a missing_field issue.
  fieldNames: {
    department: "部门名称",
    fiscal_year: "年度",
    totals: "预算数/执行数",
    score: "自评得分/等级",
  },
  // Section anchors in priority order: a title naming projects is a project section even if it
  // says 支出.
  // Words of the page layout: the line above a table continued from the page before ("续表" /
  // "（续）"), page numbers in words beside the bare digits the code knows ("第 3 页 共 9 页"), and how a
  // table's numbered row starts (任务1、 / 1、 / 1. / (1) / 一、 / ①): text under such a start is a new
  // row, not the rest of a row cut by the page break.
  layout: {
    continuationMark: "^[(（]?\\s*续(表|上表)?\\s*[)）]?\\s*\\d*\\s*[:：]?$",
    pageNumber: ["^第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?$"],
    // Headings: what follows 第N in the outermost numbering (第一部分 / 第二章 / 第三篇), and what follows a
    // bare number in prose rather than a heading title ("1 月完成", "3 人"): 1 + space is a heading only
    // before other words.
    headingPart: "部分|章|篇",
    notHeadingAfterNumber: "[年月日号时万亿元个人次项名份场件篇条]",
    newRow: `^\\s*(任务\\s*\\d+|\\d{1,3}\\s*[、.．:：]|[(（]\\s*\\d{1,3}\\s*[)）]|${CN_NUMERAL}+\\s*[、.]|[①-⑳])`,
  },
  // An indicator's target compared: at least (≥ 95%, 不低于95%), at most (≤ 6000万元, 不超过…) before the
  // value, an equality (=100%), and a bound after the value and its unit (70个以上, 5万元以内); what is
  // left where a unit would be and is none (90%的, 个百分点). atLeastAfter / atMostAfter are
  // alternations without groups of their own; the others are anchored at the start.
  targets: {
    atLeast: "^(≥|>=|>|不低于|不少于|大于等于|大于|至少|高于|超过|达到|达)",
    atMost: "^(≤|<=|<|不高于|不超过|小于等于|小于|低于|控制在|少于)",
    equal: "^(=|等于)(?=\\d)",
    atLeastAfter: "及以上|以上",
    atMostAfter: "及以下|以下|以内|之内",
    notUnit: "^(的|个百分点)$",
  },
  anchorOrder: [
    "projects",
    "tasks",
    "indicators",
    "problems",
    "next_steps",
    "conclusion",
    "budget",
    "basic_info",
  ],
};
