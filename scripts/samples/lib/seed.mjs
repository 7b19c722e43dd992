// The seed report: a real published report (广州市番禺区融媒体中心 2022), rebuilt from
// source/seed-report.txt (prose) and source/seed-report.json (tables + facts).
// One document model feeds both the HTML renderings and the truth JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadSeed(sourceDir) {
  const prose = readFileSync(join(sourceDir, 'seed-report.txt'), 'utf8');
  const data = JSON.parse(readFileSync(join(sourceDir, 'seed-report.json'), 'utf8'));
  return { prose, data };
}

/** Consecutive equal keys become one cell with a rowspan; followers get null. */
function spanColumn(rows, keyOf) {
  const spans = new Array(rows.length).fill(null);
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && keyOf(rows[j]) === keyOf(rows[i])) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

function indicatorTable(t) {
  const rows = t.rows;
  const l1 = spanColumn(rows, (r) => r[0]);
  const l2 = spanColumn(rows, (r) => r[0] + '\u0000' + r[1]);
  const body = rows.map((r, i) => {
    const cells = [];
    if (i === 0) cells.push({ text: t.corner, rowspan: rows.length, align: 'center' });
    if (l1[i]) cells.push({ text: r[0], rowspan: l1[i], align: 'center' });
    if (l2[i]) cells.push({ text: r[1], rowspan: l2[i], align: 'center' });
    cells.push({ text: r[2] }, { text: r[3], align: 'center' });
    return cells;
  });
  return {
    cols: [9, 13, 17, 37, 24],
    head: [['', ...t.header]],
    body,
    repeatHeader: false,
    keepTogether: true,
  };
}

function taskTable(t, widths) {
  const body = t.tasks.map((task, i) => {
    const c = task.cells;
    const cells = [];
    if (i === 0) cells.push({ text: t.corner, rowspan: t.tasks.length, align: 'center' });
    cells.push(
      { text: c.name, valign: 'top' },
      { paras: c.content, valign: 'top' },
      { text: c.planned, valign: 'top', align: 'center' },
      { paras: c.goal, valign: 'top' },
      { paras: c.completion, valign: 'top' },
    );
    return cells;
  });
  // Narrow text columns, as in the published report: the long 完成情况 cells make the
  // table run over several pages and rows split at page breaks.
  return { cols: widths, head: [['', ...t.header]], body, repeatHeader: false };
}

/** Build the document model. `target` tunes the task table widths per renderer so both
 * renderings spread the table over at least three pages. */
export function seedDocument(seed, target) {
  const blocks = [];
  const title = [];
  for (const raw of seed.prose.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('%%')) continue;
    let m;
    if ((m = line.match(/^=T= (.*)$/))) {
      title.push(m[1]);
      continue;
    }
    if (title.length && !blocks.length) blocks.push({ k: 'title', lines: title });
    if ((m = line.match(/^=([1-4])= (.*)$/))) blocks.push({ k: 'h', level: Number(m[1]), text: m[2] });
    else if (line === '[[indicator-table]]') blocks.push({ k: 'table', table: indicatorTable(seed.data.indicator_table) });
    else if (line === '[[task-table]]') {
      const widths = target === 'chromium' ? [7, 13, 12, 12, 31, 25] : [7, 13, 11, 11, 29, 29];
      blocks.push({ k: 'table', table: taskTable(seed.data.task_table, widths) });
    } else blocks.push({ k: 'p', text: line });
  }
  return {
    title: title.join(''),
    style: { bodyPt: 10.5, titlePt: 18 },
    blocks,
  };
}

/** Truth record in the corpus gold format. */
export function seedTruth(seed, file, render) {
  const d = seed.data;
  const f = d.facts;
  return {
    report: f.report,
    personnel: f.personnel,
    totals: f.totals,
    budget_lines: f.budget_lines,
    indicators: d.indicator_table.rows.map(([level1, level2, level3, target]) => ({ level1, level2, level3, target })),
    tasks: d.task_table.tasks.map((t) => ({ seq: t.seq, name: t.name, planned: t.planned_wan })),
    projects: f.projects,
    discrepancies: f.discrepancies,
    file,
    template: d.template,
    render,
  };
}

/** Plain text of everything printed (prose + table cells), for "is this figure printed" checks. */
export function seedPrintedText(seed) {
  const t = seed.data.task_table.tasks.flatMap((x) => [x.cells.name, ...x.cells.content, x.cells.planned, ...x.cells.goal, ...x.cells.completion]);
  const i = seed.data.indicator_table.rows.flat();
  return [seed.prose, ...t, ...i].join('\n');
}

/** Every prose block (title lines, headings, paragraphs) as printed. */
export function seedParagraphs(seed) {
  return seed.prose
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('%%') && !l.startsWith('[['))
    .map((l) => l.replace(/^=[T1-4]= /, ''));
}
