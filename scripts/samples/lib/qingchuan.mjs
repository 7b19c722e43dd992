// Fictional 云岭市青川区 reports (house style "C"): derive every figure from the base
// amounts in source/qingchuan-reports.mjs, then build the document model and the truth
// JSON from the same derived record, so the PDF and the truth cannot drift apart.
import { fen, yuanText, wan, pct, pctText, sum } from './money.mjs';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function gradeFor(score) {
  if (score >= 90) return '优';
  if (score >= 80) return '良';
  if (score >= 60) return '中';
  return '差';
}

/** Derive all figures of one report. `byId` gives access to other reports (prior year). */
export function deriveFigures(r, byId) {
  const lines = (list) => list.map(([item, amount]) => ({ item, fen: amount == null ? null : fen(amount) }));
  const income = lines(r.income);
  const byFunction = lines(r.by_function);
  const basic = lines(r.basic);
  const project = lines(r.project);

  const expenditure = sum(byFunction.map((l) => l.fen)); // 支出合计 = 执行数
  const basicTotal = sum(basic.map((l) => l.fen));
  const projectTotal = expenditure - basicTotal;
  const open = project.filter((l) => l.fen == null);
  if (open.length !== 1) throw new Error(`${r.id}: exactly one project line must be the remainder`);
  open[0].fen = projectTotal - sum(project.filter((l) => l !== open[0]).map((l) => l.fen));
  if (open[0].fen <= 0) throw new Error(`${r.id}: project remainder is not positive`);
  const incomeTotal = sum(income.map((l) => l.fen));
  if (!r.income.some(([i]) => i === '上年结转') && incomeTotal !== expenditure) {
    throw new Error(`${r.id}: income ${yuanText(incomeTotal)} != expenditure ${yuanText(expenditure)}`);
  }

  const budgetInitial = fen(r.budget.initial);
  const budgetTotal = fen(r.budget.total);
  const rate = pct(expenditure, budgetTotal);

  let prior;
  if (r.prior_from) {
    const p = byId.get(r.prior_from);
    if (!p) throw new Error(`${r.id}: prior report ${r.prior_from} not found`);
    prior = deriveFigures(p, byId).expenditure;
  } else prior = fen(r.prior_total);
  const change = expenditure - prior;

  const projects = r.projects.map(([name, b, e]) => ({ name, budget: fen(b), executed: fen(e), rate: pct(fen(e), fen(b)) }));
  const tasks = r.tasks.map(([name, planned, completion], i) => ({ seq: i + 1, name, planned: fen(planned), completion }));

  // What the report prints may differ from the truth only where a discrepancy is planted.
  const plant = r.plant ?? {};
  const statedRate = plant.stated_rate ?? rate;
  const printedByFunction = byFunction.map((l) => ({ ...l, printed: l.fen }));
  if (plant.by_function_print_delta) {
    const [item, delta] = plant.by_function_print_delta;
    const l = printedByFunction.find((x) => x.item === item);
    if (!l) throw new Error(`${r.id}: planted item ${item} not found`);
    l.printed = l.fen + fen(delta);
  }

  const indicators = r.indicators.map(([level1, level2, level3, target, actual, weight, score, deviation]) => ({
    level1, level2, level3, target,
    actual: actual === '@rate' ? pctText(statedRate, r.pct_fixed) : actual,
    weight, score, deviation,
  }));
  const weightTotal = sum(indicators.map((x) => x.weight));
  const selfScore = Math.round(sum(indicators.map((x) => x.score)) * 10) / 10;
  if (weightTotal !== 100) throw new Error(`${r.id}: 分值 add up to ${weightTotal}, not 100`);

  return {
    income, incomeTotal, byFunction: printedByFunction, basic, basicTotal, project, projectTotal, expenditure,
    budgetInitial, budgetTotal, rate, statedRate, prior, change, projects, tasks, indicators, weightTotal,
    selfScore, grade: gradeFor(selfScore),
  };
}

// ---------------------------------------------------------------------------------------
// Document model (the table and paragraph builders are exported for lib/styles.mjs)

function headings(r) {
  // Two heading schemes of the same district: 一、/（一） and 第一部分/一、
  if (r.layout === 'parts') {
    return { h1: (i, t) => `第${CN_NUM[i]}部分 ${t}`, h2: (i, t) => `${CN_NUM[i]}、${t}` };
  }
  return { h1: (i, t) => `${CN_NUM[i]}、${t}`, h2: (i, t) => `（${CN_NUM[i]}）${t}` };
}

export function budgetTable(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  const added = f.budgetTotal - f.budgetInitial;
  return {
    cols: [28, 36, 36],
    head: [['项目', '金额（元）', '备注']],
    body: [
      [{ text: '年初预算数', align: 'center' }, { text: yuanText(f.budgetInitial), align: 'right' }, '年初部门预算批复数'],
      [{ text: '全年预算数', align: 'center' }, { text: yuanText(f.budgetTotal), align: 'right' }, `含年中追加 ${yuanText(added)} 元`],
      [{ text: '全年执行数', align: 'center' }, { text: yuanText(f.expenditure), align: 'right' }, '以部门决算数为准'],
      [{ text: '预算执行率', align: 'center' }, { text: P(f.statedRate), align: 'right' }, '全年执行数÷全年预算数'],
    ],
    keepTogether: true,
  };
}

export function projectTable(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  return {
    cols: [40, 22, 22, 16],
    head: [['项目名称', '全年预算数（元）', '全年执行数（元）', '执行率']],
    body: f.projects.map((p) => [p.name, { text: yuanText(p.budget), align: 'right' }, { text: yuanText(p.executed), align: 'right' }, { text: P(p.rate), align: 'center' }]),
    keepTogether: true,
  };
}

export function taskTable(f) {
  return {
    cols: [7, 34, 19, 40],
    head: [['序号', '任务名称', '拟投入资金（元）', '完成情况']],
    body: f.tasks.map((t) => [{ text: String(t.seq), align: 'center' }, t.name, { text: yuanText(t.planned), align: 'right' }, t.completion]),
    keepTogether: true,
  };
}

/** Consecutive equal keys -> rowspan on the first row, null after. */
export function spans(rows, key) {
  const out = new Array(rows.length).fill(null);
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && key(rows[j]) === key(rows[i])) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}

function selfEvalTable(r, f) {
  const ind = f.indicators;
  const s1 = spans(ind, (x) => x.level1);
  const s2 = spans(ind, (x) => x.level1 + '\u0000' + x.level2);
  const num = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const body = ind.map((x, i) => {
    const row = [];
    if (s1[i]) row.push({ text: x.level1, rowspan: s1[i], align: 'center' });
    if (s2[i]) row.push({ text: x.level2, rowspan: s2[i], align: 'center' });
    row.push(
      x.level3,
      { text: x.target, align: 'center' },
      { text: x.actual, align: 'center' },
      { text: num(x.weight), align: 'center' },
      { text: num(x.score), align: 'center' },
      x.deviation,
    );
    return row;
  });
  body.push([
    { text: '合计', colspan: 5, align: 'center' },
    { text: num(f.weightTotal), align: 'center' },
    { text: num(f.selfScore), align: 'center' },
    '',
  ]);
  return {
    cols: [9, 10, 20, 12, 12, 7, 7, 23],
    head: [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']],
    body,
    repeatHeader: !!r.indicator_table?.repeatHeader,
    keepTogether: !r.indicator_table?.repeatHeader,
    fontSize: '9pt',
  };
}

export function incomeParagraph(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  const y = r.fiscal_year;
  const parts = f.income.map((l) => `${l.item} ${yuanText(l.fen)} 元，占${r.layout === 'parts' ? '' : '收入合计的'}${P(pct(l.fen, f.incomeTotal))}`);
  if (r.layout === 'parts') {
    return `本年收入总计 ${yuanText(f.incomeTotal)} 元，包括：${parts.join('；')}。`;
  }
  return `${y}年度${r.self}收入合计 ${yuanText(f.incomeTotal)} 元。其中：${parts.join('；')}。`;
}

export function expenditureParagraphs(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  const fnParts = f.byFunction.map((l) =>
    r.function_shares ? `${l.item} ${yuanText(l.printed)} 元，占 ${P(pct(l.printed, f.expenditure))}` : `${l.item} ${yuanText(l.printed)} 元`,
  );
  const basicParts = f.basic.map((l, i) => `${l.item} ${yuanText(l.fen)} 元，占${i === 0 ? '基本支出的' : ''} ${P(pct(l.fen, f.basicTotal))}`);
  const projParts = f.project.map((l, i) => `${l.item} ${yuanText(l.fen)} 元，占${i === 0 ? '项目支出的' : ''} ${P(pct(l.fen, f.projectTotal))}`);
  const up = f.change >= 0;
  const out = [];
  if (r.layout === 'parts') {
    out.push(`本年支出合计 ${yuanText(f.expenditure)} 元，年末结转和结余 ${yuanText(f.incomeTotal - f.expenditure)} 元。按功能分类：${fnParts.join('；')}。`);
    out.push(`基本支出 ${yuanText(f.basicTotal)} 元，占本年支出合计的 ${P(pct(f.basicTotal, f.expenditure))}。其中：${basicParts.join('；')}。`);
    out.push(`项目支出 ${yuanText(f.projectTotal)} 元，占本年支出合计的 ${P(pct(f.projectTotal, f.expenditure))}。其中：${projParts.join('；')}。`);
    out.push(
      `同比上年度${up ? '增加' : '减少'} ${yuanText(Math.abs(f.change))} 元，${up ? '增长' : '下降'} ${P(Math.abs(pct(f.change, f.prior)))}，主要原因是${r.yoy_reason}。`,
    );
  } else {
    out.push(`${r.fiscal_year}年度${r.self}支出合计 ${yuanText(f.expenditure)} 元。按支出功能分类：${fnParts.join('，')}。`);
    out.push(`按支出经济性质分类：基本支出 ${yuanText(f.basicTotal)} 元，占支出合计的 ${P(pct(f.basicTotal, f.expenditure))}，其中：${basicParts.join('；')}。`);
    out.push(`项目支出 ${yuanText(f.projectTotal)} 元，占支出合计的 ${P(pct(f.projectTotal, f.expenditure))}，其中：${projParts.join('；')}。`);
    out.push(
      `本年支出较上年${up ? '增加' : '减少'} ${yuanText(Math.abs(f.change))} 元，${up ? '增长' : '下降'} ${P(Math.abs(pct(f.change, f.prior)))}，主要原因是${r.yoy_reason}。`,
    );
  }
  return out;
}

export function staffParagraph(r) {
  const p = r.personnel;
  if (r.layout === 'parts') {
    return `${r.self}编制数 ${p.authorized} 人，实有人数 ${p.in_service} 人；另有离退休人员 ${p.retired} 人，编外聘用人员 ${p.contract} 人。`;
  }
  return `${r.self}核定编制 ${p.authorized} 名（${p.authorized_note}），年末实有在职人员 ${p.in_service} 人，离退休人员 ${p.retired} 人，编外聘用人员 ${p.contract} 人。`;
}

export function scoreSentence(r, f) {
  if (r.layout === 'parts') {
    return `经对照年度绩效目标逐项打分，${r.department}${r.fiscal_year}年度部门整体支出绩效综合评分为 ${f.selfScore} 分，自评等级：${f.grade}。`;
  }
  return `经对照年度绩效目标逐项评价，${r.self}${r.fiscal_year}年度部门整体支出绩效自评得分为 ${f.selfScore} 分，评价等级为“${f.grade}”。`;
}

export function reportDocument(r, f) {
  const H = headings(r);
  const P = (n) => pctText(n, r.pct_fixed);
  const b = [];
  const h1 = (i, t) => b.push({ k: 'h', level: 1, text: H.h1(i, t) });
  const h2 = (i, t) => b.push({ k: 'h', level: 2, text: H.h2(i, t) });
  const p = (text, extra = {}) => b.push({ k: 'p', text, ...extra });

  b.push({ k: 'title', lines: [r.department, `${r.fiscal_year}年度${r.report_kind}`] });
  b.push({ k: 'subtitle', text: `评价方式：部门自评　　报告日期：${r.report_date}` });

  const rateSentence = `${r.fiscal_year}年全年预算数 ${yuanText(f.budgetTotal)} 元，全年执行数 ${yuanText(f.expenditure)} 元，预算执行率为 ${P(f.statedRate)}。`;
  const indicatorBlocks = () => {
    b.push({ k: 'caption', text: '部门整体支出绩效自评表' });
    b.push({ k: 'table', table: selfEvalTable(r, f) });
  };

  if (r.layout === 'parts') {
    h1(0, '单位概况');
    h2(0, '主要职能');
    r.functions.forEach((t) => p(t));
    h2(1, '机构及人员构成');
    p(r.org);
    p(staffParagraph(r));
    h2(2, '年度重点工作');
    r.work.forEach((t) => p(t));
    h1(1, '部门整体支出管理情况');
    h2(0, '收入情况');
    p(incomeParagraph(r, f));
    h2(1, '预算执行情况');
    b.push({ k: 'table', table: budgetTable(r, f) });
    p(rateSentence);
    h2(2, '支出结构');
    expenditureParagraphs(r, f).forEach((t) => p(t));
    h2(3, '重点项目支出');
    b.push({ k: 'table', table: projectTable(r, f) });
    h1(2, '绩效评价情况');
    h2(0, '综合评分');
    p(scoreSentence(r, f));
    h2(1, '年度重点工作任务完成情况');
    b.push({ k: 'table', table: taskTable(f) });
    h2(2, '绩效指标完成情况');
    indicatorBlocks();
    h1(3, '存在问题及改进措施');
    h2(0, '存在问题');
    r.problems.forEach((t, i) => p(`${i + 1}. ${t}`));
    h2(1, '改进措施');
    r.measures.forEach((t, i) => p(`${i + 1}. ${t}`));
  } else {
    h1(0, '部门基本情况');
    h2(0, '部门职能');
    r.functions.forEach((t, i) => p(`${i + 1}. ${t}`));
    h2(1, '机构设置及人员情况');
    p(r.org);
    p(staffParagraph(r));
    h2(2, '年度主要工作');
    r.work.forEach((t) => p(t));
    h1(1, '部门整体支出情况');
    h2(0, '收入情况');
    p(incomeParagraph(r, f));
    h2(1, '预算安排及执行情况');
    b.push({ k: 'table', table: budgetTable(r, f) });
    p(rateSentence);
    h2(2, '支出情况');
    expenditureParagraphs(r, f).forEach((t) => p(t));
    h2(3, '重点项目支出情况');
    b.push({ k: 'table', table: projectTable(r, f) });
    h1(2, '部门整体支出绩效情况');
    h2(0, '年度重点工作任务完成情况');
    b.push({ k: 'table', table: taskTable(f) });
    h2(1, '绩效指标完成情况');
    indicatorBlocks();
    h1(3, '自评结论');
    p(scoreSentence(r, f));
    h1(4, '存在的问题');
    r.problems.forEach((t, i) => p(`${i + 1}. ${t}`));
    h1(5, '下一步改进措施');
    r.measures.forEach((t, i) => p(`${i + 1}. ${t}`));
  }
  p(r.department, { align: 'right' });
  p(r.report_date, { align: 'right' });
  return { title: `${r.department}${r.fiscal_year}年度${r.report_kind}`, style: { bodyPt: 10.5, titlePt: 16 }, blocks: b };
}

// ---------------------------------------------------------------------------------------
// Truth JSON (corpus gold format; see samples/README.md for the extra keys)

export function reportTruth(r, f, file, render) {
  const totals = {
    budget_total: wan(f.budgetTotal),
    executed_total: wan(f.expenditure),
    execution_rate: f.rate, // the true rate; a planted misstatement is listed in discrepancies
    income_total: wan(f.incomeTotal),
    expenditure_total: wan(f.expenditure),
    basic_total: wan(f.basicTotal),
    basic_share: pct(f.basicTotal, f.expenditure),
    project_total: wan(f.projectTotal),
    project_share: pct(f.projectTotal, f.expenditure),
    yoy_change: wan(f.change),
    yoy_change_pct: pct(f.change, f.prior),
  };
  if (r.prior_from) totals.prior_executed_total = wan(f.prior);
  totals.initial_budget = wan(f.budgetInitial);

  const line = (section, l, total, withShare = true) => ({
    section,
    item: l.item,
    amount: wan(l.printed ?? l.fen),
    share: withShare ? pct(l.printed ?? l.fen, total) : null,
  });
  const budget_lines = [
    ...f.income.map((l) => line('income', l, f.incomeTotal)),
    ...f.byFunction.map((l) => line('expenditure_by_function', l, f.expenditure, !!r.function_shares)),
    ...f.basic.map((l) => line('basic_expenditure', l, f.basicTotal)),
    ...f.project.map((l) => line('project_expenditure', l, f.projectTotal)),
  ];

  const discrepancies = [];
  if (r.plant?.stated_rate != null) {
    discrepancies.push({ rule: 'rate_mismatch', scope: 'report', field: 'execution_rate', values: [f.statedRate, f.rate] });
  }
  if (r.plant?.by_function_print_delta) {
    const printedSum = sum(f.byFunction.map((l) => l.printed));
    discrepancies.push({ rule: 'sum_mismatch', scope: 'report', field: 'expenditure_by_function', values: [wan(f.expenditure), wan(printedSum)] });
  }

  return {
    report: {
      department: r.department,
      fiscal_year: r.fiscal_year,
      report_kind: r.report_kind,
      self_score: f.selfScore,
      grade: f.grade,
    },
    personnel: { authorized: r.personnel.authorized, in_service: r.personnel.in_service, contract: r.personnel.contract, retired: r.personnel.retired },
    totals,
    budget_lines,
    indicators: f.indicators.map((x) => ({
      level1: x.level1, level2: x.level2, level3: x.level3, target: x.target,
      actual: x.actual, weight: x.weight, score: x.score,
    })),
    tasks: f.tasks.map((t) => ({ seq: t.seq, name: t.name, planned: wan(t.planned) })),
    projects: f.projects.map((p) => ({ name: p.name, budget: wan(p.budget), executed: wan(p.executed), rate: p.rate })),
    discrepancies,
    file,
    template: 'C',
    render,
  };
}

/** Strings that must be findable in the PDF's text layer (whitespace removed). */
export function printedFigures(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  return [
    r.department,
    yuanText(f.budgetTotal), yuanText(f.budgetInitial), yuanText(f.expenditure), yuanText(f.incomeTotal),
    P(f.statedRate), yuanText(f.basicTotal), yuanText(f.projectTotal), yuanText(Math.abs(f.change)),
    ...f.income.map((l) => yuanText(l.fen)),
    ...f.byFunction.map((l) => yuanText(l.printed)),
    ...f.basic.map((l) => yuanText(l.fen)),
    ...f.project.map((l) => yuanText(l.fen)),
    ...f.projects.flatMap((p) => [p.name, yuanText(p.budget), yuanText(p.executed)]),
    ...f.tasks.flatMap((t) => [t.name, yuanText(t.planned)]),
    `${f.selfScore}分`,
  ];
}
