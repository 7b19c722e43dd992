// Layout variants (source/styles-reports.mjs): a form-only file, a report embedded in a
// 部门决算 publication, and a report with running headers, page numbers and a 续表. As for
// the 青川区 reports, every figure is derived once from the base amounts, and the document
// model and the truth JSON are both built from that derived record.
import { fen, yuanText, pct, pctText, sum } from './money.mjs';
import {
  gradeFor, spans, budgetTable, projectTable, taskTable,
  incomeParagraph, expenditureParagraphs, staffParagraph, scoreSentence,
} from './qingchuan.mjs';

// 万元 amounts are kept as integer hundredths of a 万元 (the printed precision), so sums,
// shares and rates are exact. fen() parses '7,108.52' into 710852 just as it parses 元.
const cw = (s) => fen(s);
/** hundredths of 万元 -> the truth's 万元 number */
const W = (n) => Number((n / 100).toFixed(2));
/** '7,108.52', '0.00' (forms print two decimals) */
const wText = (n) => yuanText(n);
/** '3,327', '3,244.3', '7,108.52' (style A prose drops trailing zeros, like the corpus) */
const wTrim = (n) => yuanText(n).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
const P2 = (n) => pctText(n, true); // 94.53%
const PT = (n) => pctText(n, false); // 84.6%
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Score as printed: 10, 6.5, 9.45 */
const scoreText = (n) => String(n);

/** Hundredths, half-up: the integer nearest to a·b/100 for non-negative integers. */
const mulHalfUp = (a, b) => Math.floor((2 * a * b + 100) / 200);

function indicatorRows(list) {
  return list.map(([level1, level2, level3, target, actual, weight, score, deviation]) => ({
    level1, level2, level3, target, actual, weight, score, deviation,
  }));
}

/** Body rows of the 8-column 自评表 block for `ind` (一级/二级 merged within `ind`). */
function eightColumnRows(ind) {
  const s1 = spans(ind, (x) => x.level1);
  const s2 = spans(ind, (x) => x.level1 + '\u0000' + x.level2);
  return ind.map((x, i) => {
    const row = [];
    if (s1[i]) row.push({ text: x.level1, rowspan: s1[i], align: 'center' });
    if (s2[i]) row.push({ text: x.level2, rowspan: s2[i], align: 'center' });
    row.push(
      x.level3,
      { text: x.target, align: 'center' },
      { text: x.actual, align: 'center' },
      { text: scoreText(x.weight), align: 'center' },
      { text: scoreText(x.score), align: 'center' },
      x.deviation,
    );
    return row;
  });
}

const EIGHT_HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

const NO_PERSONNEL = { authorized: null, in_service: null, contract: null, retired: null };

// =======================================================================================
// 1. Form only: 部门整体支出绩效自评表 (财政部 style), one ruled table

export function deriveForm(r) {
  const parts = r.funds.map(([label, item, a, b, c]) => ({ label, item, initial: cw(a), budget: cw(b), executed: cw(c) }));
  const total = {
    label: '年度资金总额',
    item: '年度资金总额',
    initial: sum(parts.map((x) => x.initial)),
    budget: sum(parts.map((x) => x.budget)),
    executed: sum(parts.map((x) => x.executed)),
  };
  const rows = [total, ...parts].map((x) => ({ ...x, rate: pct(x.executed, x.budget) }));
  // 得分 of the funds block = 分值 × 执行率, in hundredths of a point, half-up
  const fundsScoreH = mulHalfUp(Math.round(rows[0].rate * 100), r.funds_weight);
  const indicators = indicatorRows(r.indicators);
  const indWeights = sum(indicators.map((x) => x.weight));
  if (indWeights + r.funds_weight !== 100) throw new Error(`${r.id}: 分值 add up to ${indWeights + r.funds_weight}, not 100`);
  for (const x of indicators) if (x.score > x.weight) throw new Error(`${r.id}: ${x.level3} scores above its 分值`);
  const selfScoreH = fundsScoreH + sum(indicators.map((x) => Math.round(x.score * 100)));
  const selfScore = selfScoreH / 100;
  return { rows, total: rows[0], fundsScore: fundsScoreH / 100, indicators, indWeights, selfScore, grade: gradeFor(selfScore) };
}

/** Column widths (%) of the form's 8-column grid. The first row has merged cells only, so
 * Writer's HTML import cannot take them from it: they are set in the ODF (formOdfEdit). */
const FORM_COLS = [10, 10, 18, 12, 12, 7, 8, 23];

export function formDocument(r, f) {
  const C = (text, extra = {}) => ({ text, align: 'center', ...extra });
  const R = (text) => ({ text, align: 'right' });
  const body = [];
  body.push([C('部门（单位）名称', { colspan: 2 }), { text: r.department, colspan: 6 }]);
  body.push([C('资金情况（万元）', { colspan: 2 }), C('年初预算数'), C('全年预算数'), C('全年执行数'), C('分值'), C('执行率'), C('得分')]);
  f.rows.forEach((x, i) => {
    body.push([
      { text: x.label, colspan: 2 },
      R(wText(x.initial)), R(wText(x.budget)), R(wText(x.executed)),
      C(i === 0 ? String(r.funds_weight) : '—'),
      C(P2(x.rate)),
      C(i === 0 ? scoreText(f.fundsScore) : '—'),
    ]);
  });
  body.push([C('年度总体目标', { colspan: 2, rowspan: 2 }), C('预期目标', { colspan: 3 }), C('实际完成情况', { colspan: 3 })]);
  body.push([{ text: r.goals.expected, colspan: 3 }, { text: r.goals.actual, colspan: 3 }]);
  body.push(EIGHT_HEADER.map((t) => C(t)));
  body.push(...eightColumnRows(f.indicators));
  body.push([C('总分', { colspan: 5 }), C('100'), C(scoreText(f.selfScore)), '']);
  body.push([C('自评等级', { colspan: 5 }), C(f.grade, { colspan: 3 })]);
  return {
    title: `${r.fiscal_year}年度${r.report_kind}`,
    style: { bodyPt: 10.5, titlePt: 16, margin: '20mm 18mm 20mm 18mm' },
    blocks: [
      { k: 'title', lines: [`${r.fiscal_year}年度${r.report_kind}`] },
      { k: 'p', text: `填报单位：${r.department}`, indent: false },
      { k: 'table', table: { cols: FORM_COLS, head: [], body, fontSize: '9pt', cellpadding: 3, spanWidths: true } },
    ],
  };
}

/** Flat-ODF edit for the form: the 8 column widths of Table1. */
export function formOdfEdit(xml) {
  return setOdfColumnWidths(xml, 'Table1', FORM_COLS);
}

export function formTruth(r, f, file) {
  return {
    report: { department: r.department, fiscal_year: r.fiscal_year, report_kind: r.report_kind, self_score: f.selfScore, grade: f.grade },
    personnel: { ...NO_PERSONNEL },
    totals: {
      budget_total: W(f.total.budget),
      executed_total: W(f.total.executed),
      execution_rate: f.total.rate,
      initial_budget: W(f.total.initial),
    },
    budget_lines: [],
    indicators: f.indicators.map((x) => ({
      level1: x.level1, level2: x.level2, level3: x.level3, target: x.target, actual: x.actual, weight: x.weight, score: x.score,
    })),
    tasks: [],
    projects: [],
    discrepancies: [],
    // beyond the corpus format: the funds block row by row (weight/score on the total only)
    funds: f.rows.map((x, i) => ({
      item: x.item,
      initial_budget: W(x.initial),
      budget: W(x.budget),
      executed: W(x.executed),
      rate: x.rate,
      weight: i === 0 ? r.funds_weight : null,
      score: i === 0 ? f.fundsScore : null,
    })),
    file,
    template: 'form',
    render: 'text',
  };
}

export function formPrinted(r, f) {
  return [
    r.department, `${r.fiscal_year}年度${r.report_kind}`,
    ...f.rows.flatMap((x) => [x.label, wText(x.initial), wText(x.budget), wText(x.executed), P2(x.rate)]),
    ...f.indicators.flatMap((x) => [x.level3, x.target, x.actual]),
    scoreText(f.fundsScore), scoreText(f.selfScore), '自评等级',
  ];
}

// =======================================================================================
// 2. A report (house style "A", 万元) inside a 部门决算 publication

function deriveAccounts(a) {
  const income = a.income.map(([item, v]) => ({ item, v: v == null ? null : cw(v) }));
  const incomeTotal = sum(income.map((l) => l.v ?? 0));
  const carriedIn = cw(a.carried_in);
  const grand = incomeTotal + carriedIn;
  const expenditure = a.expenditure.map(([item, v]) => ({ item, v: cw(v) }));
  const expTotal = sum(expenditure.map((l) => l.v));
  const carriedOut = grand - expTotal;
  if (carriedOut < 0) throw new Error('决算: 支出 exceeds 收入 + 年初结转');
  const classes = a.classes.map(([code, name, b, p]) => ({ code, name, basic: b == null ? null : cw(b), project: p == null ? null : cw(p) }));
  const leaves = classes.filter((c) => c.basic != null);
  for (const c of classes) {
    if (c.basic != null) continue;
    const under = leaves.filter((l) => l.code.startsWith(c.code));
    if (!under.length) throw new Error(`决算: no items under ${c.code}`);
    c.basic = sum(under.map((l) => l.basic));
    c.project = sum(under.map((l) => l.project));
  }
  const gBasic = sum(leaves.map((l) => l.basic));
  const gProject = sum(leaves.map((l) => l.project));
  const gTotal = gBasic + gProject;
  const gIncome = income[0].v;
  if (gTotal > gIncome + carriedIn) throw new Error('决算: 一般公共预算支出 exceeds its income + 年初结转');
  return { income, incomeTotal, carriedIn, grand, expenditure, expTotal, carriedOut, classes, gBasic, gProject, gTotal };
}

/** Every amount the 决算 part prints, formatted as printed (two decimals). */
function accountFigures(acc) {
  const c = acc.classes.flatMap((x) => [x.basic + x.project, x.basic, x.project]);
  return [
    ...acc.income.filter((l) => l.v != null).map((l) => l.v), acc.incomeTotal, acc.carriedIn, acc.grand,
    ...acc.expenditure.map((l) => l.v), acc.expTotal, acc.carriedOut,
    ...c, acc.gBasic, acc.gProject, acc.gTotal,
  ].filter((v) => v > 0).map(wText);
}

export function deriveFinal(r) {
  const L = (list) => list.map(([item, v]) => ({ item, v: v == null ? null : cw(v) }));
  const income = L(r.income);
  const byFunction = L(r.by_function);
  const basic = L(r.basic);
  const project = L(r.project);
  const expenditure = sum(byFunction.map((l) => l.v));
  const incomeTotal = sum(income.map((l) => l.v));
  if (incomeTotal !== expenditure) throw new Error(`${r.id}: income ${wText(incomeTotal)} != expenditure ${wText(expenditure)}`);
  const basicTotal = sum(basic.map((l) => l.v));
  const projectTotal = expenditure - basicTotal;
  const open = project.filter((l) => l.v == null);
  if (open.length !== 1) throw new Error(`${r.id}: exactly one project line must be the remainder`);
  open[0].v = projectTotal - sum(project.filter((l) => l !== open[0]).map((l) => l.v));
  if (open[0].v <= 0) throw new Error(`${r.id}: project remainder is not positive`);
  const budget = cw(r.budget_total);
  const prior = cw(r.prior_total);
  const change = expenditure - prior;
  const tasks = r.tasks.map(([name, content, planned, goal, completion], i) => ({ seq: i + 1, name, content, planned: cw(planned), goal, completion }));
  const projects = r.projects.map(([name, b, e]) => ({ name, budget: cw(b), executed: cw(e), rate: pct(cw(e), cw(b)) }));
  const f = {
    income, byFunction, basic, project, expenditure, incomeTotal, basicTotal, projectTotal, budget,
    rate: pct(expenditure, budget), prior, change, changePct: pct(change, prior), tasks, projects,
    selfScore: r.self_score, grade: gradeFor(r.self_score), accounts: deriveAccounts(r.accounts),
  };
  // The decoys must not coincide with any figure of the report, or they would not be decoys.
  const reportAmounts = new Set(finalReportAmounts(f).map(wText));
  const clash = accountFigures(f.accounts).filter((s) => reportAmounts.has(s));
  if (clash.length) throw new Error(`${r.id}: 决算 figures equal to report figures: ${clash.join(', ')}`);
  return f;
}

function finalReportAmounts(f) {
  return [
    f.budget, f.expenditure, f.basicTotal, f.projectTotal, Math.abs(f.change),
    ...f.income.map((l) => l.v), ...f.byFunction.map((l) => l.v), ...f.basic.map((l) => l.v), ...f.project.map((l) => l.v),
    ...f.tasks.map((t) => t.planned), ...f.projects.flatMap((p) => [p.budget, p.executed]),
  ];
}

function accountsBlocks(r, f) {
  const acc = f.accounts;
  const y = r.fiscal_year;
  const R = (v) => ({ text: v == null ? '' : wText(v), align: 'right' });
  const C = (t) => ({ text: t, align: 'center' });
  const b = [];
  b.push({ k: 'title', lines: [r.department, `${y}年度部门决算`] });
  b.push({ k: 'subtitle', text: r.publication_date });
  b.push({ k: 'h', level: 1, text: `第一部分 ${y}年度部门决算表` });

  // 表一 收入支出决算总表: income and expenditure side by side, 行次 numbered
  b.push({ k: 'caption', text: '表一　收入支出决算总表' });
  b.push({ k: 'p', text: '单位：万元', align: 'right' });
  const left = [
    ...acc.income.map((l) => [l.item, l.v]),
    ['本年收入合计', acc.incomeTotal],
    ['使用非财政拨款结余', null],
    ['年初结转和结余', acc.carriedIn],
    ['总计', acc.grand],
  ];
  const n = acc.income.length;
  const right = [
    ...acc.expenditure.map((l) => [l.item, l.v]),
    ...Array.from({ length: n - acc.expenditure.length }, () => null),
    ['本年支出合计', acc.expTotal],
    ['结余分配', null],
    ['年末结转和结余', acc.carriedOut],
    ['总计', acc.grand],
  ];
  // 行次 run down the income side, then on down the expenditure side's printed lines
  let line = left.length;
  const t1 = left.map((l, i) => {
    const rr = right[i];
    return [
      l[0], C(String(i + 1)), R(l[1]),
      rr ? rr[0] : '', C(rr ? String(++line) : ''), R(rr ? rr[1] : null),
    ];
  });
  b.push({ k: 'table', table: { cols: [29, 6, 15, 29, 6, 15], head: [['收入项目', '行次', '决算数', '支出项目', '行次', '决算数']], body: t1, keepTogether: true, fontSize: '9pt', cellpadding: 3 } });

  // 表二 一般公共预算财政拨款支出决算表: 类/款/项 with subtotals, 合计 first
  b.push({ k: 'caption', text: '表二　一般公共预算财政拨款支出决算表', breakBefore: true });
  b.push({ k: 'p', text: '单位：万元', align: 'right' });
  const t2 = [[{ text: '合计', colspan: 2, align: 'center' }, R(acc.gTotal), R(acc.gBasic), R(acc.gProject)]];
  for (const c of acc.classes) {
    const blank = (v) => R(v === 0 ? null : v);
    t2.push([c.code, c.name, blank(c.basic + c.project), blank(c.basic), blank(c.project)]);
  }
  b.push({ k: 'table', table: { cols: [13, 39, 16, 16, 16], head: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], body: t2, keepTogether: true, fontSize: '9pt', cellpadding: 3 } });

  // 第二部分: the 决算 figures once more in prose (more decoys), 第三部分: glossary
  const gi = acc.income[0];
  b.push({ k: 'h', level: 1, text: `第二部分 ${y}年度部门决算情况说明` });
  b.push({ k: 'p', text: `一、收入支出决算总体情况说明：${y}年度收入总计 ${wText(acc.grand)} 万元，支出总计 ${wText(acc.grand)} 万元。其中本年收入合计 ${wText(acc.incomeTotal)} 万元，年初结转和结余 ${wText(acc.carriedIn)} 万元；本年支出合计 ${wText(acc.expTotal)} 万元，年末结转和结余 ${wText(acc.carriedOut)} 万元。` });
  b.push({ k: 'p', text: `二、财政拨款收入支出决算情况说明：${y}年度一般公共预算财政拨款收入 ${wText(gi.v)} 万元，一般公共预算财政拨款支出 ${wText(acc.gTotal)} 万元，其中基本支出 ${wText(acc.gBasic)} 万元，占 ${P2(pct(acc.gBasic, acc.gTotal))}；项目支出 ${wText(acc.gProject)} 万元，占 ${P2(pct(acc.gProject, acc.gTotal))}。` });
  const top = acc.classes.filter((c) => c.code.length === 3);
  b.push({ k: 'p', text: `三、一般公共预算财政拨款支出按功能分类：${top.map((c) => `${c.name} ${wText(c.basic + c.project)} 万元`).join('；')}。` });
  b.push({ k: 'h', level: 1, text: '第三部分 名词解释' });
  b.push({ k: 'p', text: '1.一般公共预算财政拨款收入：指县级财政当年拨付的一般公共预算资金。' });
  b.push({ k: 'p', text: '2.年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。' });
  b.push({ k: 'p', text: '3.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' });
  return b;
}

function fourColumnIndicatorTable(r) {
  const rows = r.indicators.map(([level1, level2, level3, target]) => ({ level1, level2, level3, target }));
  const s1 = spans(rows, (x) => x.level1);
  const s2 = spans(rows, (x) => x.level1 + '\u0000' + x.level2);
  const body = rows.map((x, i) => {
    const row = [];
    if (s1[i]) row.push({ text: x.level1, rowspan: s1[i], align: 'center' });
    if (s2[i]) row.push({ text: x.level2, rowspan: s2[i], align: 'center' });
    row.push(x.level3, { text: x.target, align: 'center' });
    return row;
  });
  return { cols: [15, 20, 40, 25], head: [['一级指标', '二级指标', '三级指标', '指标值']], body, keepTogether: true };
}

function finalTaskTable(f) {
  return {
    cols: [19, 22, 13, 28, 18],
    head: [['名称', '主要实施内容', '拟投入的资金（万元）', '期望达到的目标（概述）', '完成情况']],
    body: f.tasks.map((t) => [
      { text: `任务${t.seq}：${t.name}。`, valign: 'top' },
      { text: t.content, valign: 'top' },
      { text: wTrim(t.planned), align: 'center', valign: 'top' },
      { text: t.goal, valign: 'top' },
      { text: t.completion, valign: 'top' },
    ]),
    keepTogether: true,
  };
}

/** The heading that opens the report inside the publication. */
export const finalReportHeading = (r) => `第四部分 ${r.fiscal_year}年度${r.report_kind}`;

export function finalDocument(r, f) {
  const y = r.fiscal_year;
  const b = accountsBlocks(r, f);
  const h = (level, text, extra = {}) => b.push({ k: 'h', level, text, ...extra });
  const p = (text, extra = {}) => b.push({ k: 'p', text, ...extra });
  const sh = (v, total) => PT(pct(v, total));

  h(1, finalReportHeading(r), { breakBefore: true });
  h(1, '一、基本情况');
  h(2, '（一）部门概况');
  p(`1、部门职能：${r.functions}`);
  const s = r.personnel;
  p(`2、人员情况：核定编制 ${s.authorized} 名。${y} 年实有在编在职人员 ${s.in_service} 人；在职合同人员 ${s.contract} 人；在编退休人员 ${s.retired} 人。`);
  h(2, '（二）年度总体工作完成情况');
  r.work.forEach((t) => p(t));
  h(2, '（三）部门整体收支情况');
  h(3, '1、预算完成情况');
  p(`本部门 ${y} 年收入预算执行 ${wTrim(f.incomeTotal)} 万元，其中：${f.income.map((l, i) => `${l.item}预算执行${i === 0 ? '为' : ''} ${wTrim(l.v)} 万元`).join('；')}。`);
  p(`本部门 ${y} 年支出预算执行 ${wTrim(f.expenditure)} 万元，其中：${f.byFunction.map((l) => `${l.item} ${wTrim(l.v)} 万元`).join('；')}。`);
  h(3, '2、年度预算收入总体情况');
  p(`${r.department} ${y} 年度总收入 ${wTrim(f.incomeTotal)} 万元。具体情况如下：`);
  p(`${f.income.map((l, i) => `(${i + 1}) ${l.item} ${wTrim(l.v)} 万元，占本年总收入的 ${sh(l.v, f.incomeTotal)}`).join('；')}。`);
  h(3, '3、年度预算支出总体情况');
  p(`${r.department} ${y} 年度总支出 ${wTrim(f.expenditure)} 万元。具体情况如下：`);
  p(`基本支出 ${wTrim(f.basicTotal)} 万元，占本年总支出合计的 ${sh(f.basicTotal, f.expenditure)}。${f.basic.map((l, i) => `(${i + 1}) ${l.item} ${wTrim(l.v)} 万元，占基本支出 ${sh(l.v, f.basicTotal)}`).join('；')}。`);
  p(`项目支出 ${wTrim(f.projectTotal)} 万元，占本年支出合计的 ${sh(f.projectTotal, f.expenditure)}；其中：${f.project.map((l) => `${l.item} ${wTrim(l.v)} 万元，占项目支出 ${sh(l.v, f.projectTotal)}`).join('，')}。`);
  const up = f.change >= 0;
  p(`支出与上年对比${up ? '增加' : '减少'} ${wTrim(Math.abs(f.change))} 万元，${up ? '增长' : '下降'} ${PT(Math.abs(f.changePct))}。`);
  h(3, '4、预算支出进度情况');
  p(`${y} 年全年预算数 ${wTrim(f.budget)} 万元，支出预算执行 ${wTrim(f.expenditure)} 万元，年度预算执行进度为 ${PT(f.rate)}。`);
  h(2, '（四）部门整体绩效管理情况');
  p('指标设定情况：', { indent: false });
  b.push({ k: 'table', table: fourColumnIndicatorTable(r) });
  h(1, '二、综合评价分析');
  h(2, '（一）自评结论综述');
  p(`${y} 年${r.short}全年预算数 ${wTrim(f.budget)} 万元，执行数 ${wTrim(f.expenditure)} 万元，完成预算 ${PT(f.rate)}。组织单位整体支出自评，整体支出绩效自评得分 ${f.selfScore} 分。从评价情况来看，单位整体绩效目标完成较为理想，自评“${f.grade}”。`);
  h(2, '（二）各项工作任务绩效目标完成情况分析');
  b.push({ k: 'table', table: finalTaskTable(f) });
  h(2, '（三）各重点任务项目支出完成情况分析');
  f.projects.forEach((x, i) => p(`${i + 1}、${x.name}，全年预算数 ${wTrim(x.budget)} 万元，实际执行数 ${wTrim(x.executed)} 万元，预算执行率 ${PT(x.rate)}。`));
  h(1, '三、存在的主要问题');
  r.problems.forEach((t, i) => p(`${i + 1}、${t}`));
  h(1, '四、下一步改进措施');
  r.measures.forEach((t, i) => p(`${i + 1}、${t}`));
  return { title: `${r.department}${y}年度部门决算`, style: { bodyPt: 10.5, titlePt: 18 }, blocks: b };
}

export function finalTruth(r, f, file) {
  const line = (section, l, total) => ({ section, item: l.item, amount: W(l.v), share: total == null ? null : pct(l.v, total) });
  return {
    report: { department: r.department, fiscal_year: r.fiscal_year, report_kind: r.report_kind, self_score: f.selfScore, grade: f.grade },
    personnel: { authorized: r.personnel.authorized, in_service: r.personnel.in_service, contract: r.personnel.contract, retired: r.personnel.retired },
    totals: {
      budget_total: W(f.budget),
      executed_total: W(f.expenditure),
      execution_rate: f.rate,
      income_total: W(f.incomeTotal),
      expenditure_total: W(f.expenditure),
      basic_total: W(f.basicTotal),
      basic_share: pct(f.basicTotal, f.expenditure),
      project_total: W(f.projectTotal),
      project_share: pct(f.projectTotal, f.expenditure),
      yoy_change: W(f.change),
      yoy_change_pct: f.changePct,
    },
    budget_lines: [
      ...f.income.map((l) => line('income', l, f.incomeTotal)),
      ...f.byFunction.map((l) => line('expenditure_by_function', l, null)),
      ...f.basic.map((l) => line('basic_expenditure', l, f.basicTotal)),
      ...f.project.map((l) => line('project_expenditure', l, f.projectTotal)),
    ],
    indicators: r.indicators.map(([level1, level2, level3, target]) => ({ level1, level2, level3, target })),
    tasks: f.tasks.map((t) => ({ seq: t.seq, name: t.name, planned: W(t.planned) })),
    projects: f.projects.map((x) => ({ name: x.name, budget: W(x.budget), executed: W(x.executed), rate: x.rate })),
    discrepancies: [],
    file,
    template: 'A',
    render: 'text',
  };
}

/** Strings the report part must print, and the 决算 part's figures (which it must not). */
export function finalPrinted(r, f) {
  const report = [
    r.department, finalReportHeading(r), `${f.selfScore} 分`, `自评“${f.grade}”`, PT(f.rate), PT(Math.abs(f.changePct)),
    ...finalReportAmounts(f).map(wTrim),
    ...f.income.map((l) => sharePrinted(l.v, f.incomeTotal)),
    ...f.tasks.map((t) => `任务${t.seq}：${t.name}。`), ...f.projects.map((x) => x.name),
    ...r.indicators.flatMap(([, , l3, target]) => [l3, target]),
  ];
  return { report, decoys: accountFigures(f.accounts) };
}
const sharePrinted = (v, total) => PT(pct(v, total));

/** Amounts of each part in both printed forms (two decimals, trimmed), for the checks that
 * the report part prints none of the 决算's amounts and the 决算 part none of the report's. */
export function finalAmountForms(f) {
  const forms = (list) => [...new Set(list.flatMap((v) => [wText(v), wTrim(v)]))];
  const acc = f.accounts;
  const decoys = [
    ...acc.income.filter((l) => l.v != null).map((l) => l.v), acc.incomeTotal, acc.carriedIn, acc.grand,
    ...acc.expenditure.map((l) => l.v), acc.expTotal, acc.carriedOut,
    ...acc.classes.flatMap((x) => [x.basic + x.project, x.basic, x.project]), acc.gBasic, acc.gProject, acc.gTotal,
  ].filter((v) => v > 0);
  return { report: forms(finalReportAmounts(f)), decoys: forms(decoys) };
}

// =======================================================================================
// 3. Running headers, page numbers and a 续表 (house style "C", 元)

/** One part of the hand-split 自评表: the header row printed again on top of each part. */
function selfEvalPart(r, f, ind, withTotal) {
  const body = eightColumnRows(ind);
  if (withTotal) {
    body.push([
      { text: '合计', colspan: 5, align: 'center' },
      { text: scoreText(f.weightTotal), align: 'center' },
      { text: scoreText(f.selfScore), align: 'center' },
      '',
    ]);
  }
  return { cols: [9, 10, 20, 12, 12, 7, 7, 23], head: [EIGHT_HEADER], body, fontSize: '9pt' };
}

export function waterDocument(r, f) {
  const P = (n) => pctText(n, r.pct_fixed);
  const b = [];
  const h = (level, text, extra = {}) => b.push({ k: 'h', level, text, ...extra });
  const p = (text, extra = {}) => b.push({ k: 'p', text, ...extra });
  const y = r.fiscal_year;

  b.push({ k: 'title', lines: [r.department, `${y}年度${r.report_kind}`] });
  b.push({ k: 'subtitle', text: `评价方式：部门自评　　报告日期：${r.report_date}` });
  h(1, '一、部门基本情况');
  h(2, '（一）部门职能');
  r.functions.forEach((t) => p(t));
  h(2, '（二）机构设置及人员情况');
  p(r.org);
  p(staffParagraph(r));
  h(2, '（三）年度主要工作');
  r.work.forEach((t) => p(t));
  h(2, '（四）部门整体支出情况');
  h(3, '1. 收入情况');
  p(incomeParagraph(r, f));
  h(3, '2. 预算安排及执行情况');
  b.push({ k: 'table', table: budgetTable(r, f) });
  p(`${y}年全年预算数 ${yuanText(f.budgetTotal)} 元，全年执行数 ${yuanText(f.expenditure)} 元，预算执行率为 ${P(f.statedRate)}。`);
  h(3, '3. 支出情况');
  const [fn, basic, project, yoy] = expenditureParagraphs(r, f);
  h(4, '（1）按支出功能分类');
  p(fn);
  h(4, '（2）按支出经济性质分类');
  p(basic);
  p(project);
  h(4, '（3）与上年对比');
  p(yoy);
  h(3, '4. 重点项目支出情况');
  b.push({ k: 'table', table: projectTable(r, f) });
  // the one heading without its 、 (as printed in real reports)
  h(1, `${CN_NUM[1]} 综合评价分析`);
  h(2, '（一）自评结论');
  p(scoreSentence(r, f));
  h(2, '（二）年度重点工作任务完成情况');
  b.push({ k: 'table', table: taskTable(f) });
  h(2, '（三）绩效指标完成情况');
  // The 自评表 cut by hand after `indicator_split` rows: the rest goes on the next page
  // under a flush-left "续表" with the header row printed again (no Writer repeat).
  const k = r.indicator_split;
  b.push({ k: 'caption', text: '部门整体支出绩效自评表' });
  b.push({ k: 'table', table: selfEvalPart(r, f, f.indicators.slice(0, k), false) });
  b.push({ k: 'caption', text: '续表', align: 'left', breakBefore: true });
  b.push({ k: 'table', table: selfEvalPart(r, f, f.indicators.slice(k), true) });
  h(1, '三、存在的问题');
  r.problems.forEach((t, i) => p(`${i + 1}. ${t}`));
  h(1, '四、下一步改进措施');
  r.measures.forEach((t, i) => p(`${i + 1}. ${t}`));
  p(r.department, { align: 'right' });
  p(r.report_date, { align: 'right' });
  return {
    title: `${r.department}${y}年度${r.report_kind}`,
    style: { bodyPt: 10.5, titlePt: 16 },
    pageHeader: r.page_header,
    pageFooter: r.page_footer,
    blocks: b,
  };
}

// =======================================================================================
// Flat ODF edit

/**
 * Give table `name` of a flat ODF document explicit column widths (percent of the table's
 * width). Writer's HTML import takes widths from the first row's unmerged cells; a table
 * whose first row is all merged cells gets columns sized by content instead.
 */
export function setOdfColumnWidths(xml, name, widths) {
  if (Math.abs(sum(widths) - 100) > 1e-9) throw new Error(`column widths add up to ${sum(widths)}, not 100`);
  const start = xml.indexOf(`<table:table table:name="${name}"`);
  if (start < 0) throw new Error(`ODF: table ${name} not found`);
  const firstRow = xml.indexOf('<table:table-row', start);
  const region = xml.slice(start, firstRow);
  const cols = [...region.matchAll(/<table:table-column\b[^>]*\/>\s*/g)];
  const count = sum(cols.map((m) => Number(m[0].match(/number-columns-repeated="(\d+)"/)?.[1] ?? 1)));
  if (count !== widths.length) throw new Error(`ODF: table ${name} has ${count} columns, expected ${widths.length}`);
  // The table's absolute width, when the import wrote one; relative widths are enough else.
  const tw = xml.match(new RegExp(`<style:style style:name="${name}" style:family="table"[^>]*>\\s*<style:table-properties style:width="([\\d.]+)in"`));
  const abs = (w) => (tw ? ` style:column-width="${((Number(tw[1]) * w) / 100).toFixed(4)}in"` : '');
  const styleName = (i) => `${name}.W${i + 1}`;
  const colXml = widths.map((_, i) => `<table:table-column table:style-name="${styleName(i)}"/>`).join('');
  const styleXml = widths
    .map((w, i) => `<style:style style:name="${styleName(i)}" style:family="table-column"><style:table-column-properties${abs(w)} style:rel-column-width="${Math.round(w * 100)}*"/></style:style>`)
    .join('');
  const from = start + cols[0].index;
  const last = cols[cols.length - 1];
  const to = start + last.index + last[0].length;
  let out = xml.slice(0, from) + colXml + xml.slice(to);
  const endStyles = out.indexOf('</office:automatic-styles>');
  if (endStyles < 0) throw new Error('ODF: no automatic styles');
  out = out.slice(0, endStyles) + styleXml + out.slice(endStyles);
  return out;
}

