// Regression fixtures for tests/fixtures/: each pins one problem an extractor must handle.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './html.mjs';
import { libreofficeToPdf, run } from './tools.mjs';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function loPdf(doc, workDir, name) {
  const html = join(workDir, `${name}.html`);
  writeFileSync(html, renderHtml(doc, 'libreoffice'));
  libreofficeToPdf(html, workDir);
  return join(workDir, `${name}.pdf`);
}

const GARBLED_DOC = {
  title: '云岭市青川区农业农村局2023年度部门整体支出绩效自评报告（摘要）',
  style: { bodyPt: 12, titlePt: 16 },
  blocks: [
    { k: 'title', lines: ['云岭市青川区农业农村局', '2023年度部门整体支出绩效自评报告（摘要）'] },
    { k: 'h', level: 1, text: '一、部门基本情况' },
    { k: 'p', text: '本局核定编制二十六名，年末实有在职人员二十四人，主要负责全区农业农村发展规划、高标准农田建设、农产品质量安全监管和乡村振兴相关工作。' },
    { k: 'h', level: 1, text: '二、预算执行情况' },
    { k: 'p', text: '全年预算数 9,862,400.00 元，全年执行数 9,515,307.20 元，预算执行率为 96.48%。' },
    { k: 'h', level: 1, text: '三、自评结论' },
    { k: 'p', text: '经逐项评价，本局本年度部门整体支出绩效自评得分为八十九点五分，评价等级为良。' },
  ],
};

/**
 * garbled-text-layer.pdf: a Chinese text PDF whose CJK fonts have no Unicode map.
 * LibreOffice embeds the CJK fonts as Type 1 subsets with glyph names like /cid23422,
 * so once /ToUnicode is gone no reader can map the codes back to characters; the
 * pages still render the Chinese text, because rendering never needs Unicode.
 */
export function makeGarbledTextLayer(workDir, outPath) {
  const src = loPdf(GARBLED_DOC, workDir, 'garbled-source');
  const qdf = join(workDir, 'garbled.qdf.pdf');
  run('qpdf', ['--qdf', '--object-streams=disable', src, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const removed = (text.match(/^\s*\/ToUnicode \d+ 0 R\s*$/gm) ?? []).length;
  if (removed === 0) throw new Error('no /ToUnicode entries found to remove');
  const edited = join(workDir, 'garbled.edited.pdf');
  writeFileSync(edited, text.replace(/^\s*\/ToUnicode \d+ 0 R\s*\n/gm, ''), 'latin1');
  // fix-qdf recomputes stream lengths and the xref after the edit
  const fixed = join(workDir, 'garbled.fixed.pdf');
  writeFileSync(fixed, run('fix-qdf', [edited], { encoding: 'buffer' }));
  run('qpdf', ['--deterministic-id', '--object-streams=generate', '--compress-streams=y', fixed, outPath]);
  return { source: src, removed };
}

const NOTICE_DOC = {
  title: '关于召开2024年度预算绩效管理工作会议的通知',
  style: { bodyPt: 12, titlePt: 18 },
  blocks: [
    { k: 'title', lines: ['云岭市青川区财政局'] },
    { k: 'title', lines: ['关于召开2024年度预算绩效管理工作会议的通知'] },
    { k: 'subtitle', text: '青财绩〔2024〕5号' },
    { k: 'p', text: '区直各部门、各镇（街道）财政所：', indent: false },
    { k: 'p', text: '为做好2023年度部门整体支出绩效自评工作，部署2024年度预算绩效管理重点任务，经研究，决定召开全区预算绩效管理工作会议。现将有关事项通知如下：' },
    { k: 'p', text: '一、会议时间：2024年2月27日（星期二）上午9:30，会期半天。' },
    { k: 'p', text: '二、会议地点：区行政服务中心三楼第二会议室。' },
    { k: 'p', text: '三、参会人员：各部门分管财务工作的负责同志及财务人员各1名。' },
    { k: 'p', text: '四、会议内容：通报2023年度预算绩效管理工作情况；解读部门整体支出绩效自评报告编报要求；部署2024年度绩效目标管理和绩效运行监控工作。' },
    { k: 'p', text: '五、有关要求：请各单位于2月23日前将参会回执报送区财政局绩效管理股，联系电话：0871-6650 2718。参会人员请提前10分钟签到，会议期间请将手机调至静音状态。' },
    { k: 'p', text: '附件：参会回执', indent: false },
    { k: 'p', text: '云岭市青川区财政局', align: 'right' },
    { k: 'p', text: '2024年2月19日', align: 'right' },
  ],
};

/** unrelated-notice.pdf: a meeting notice — budget vocabulary, but not a report. */
export function makeUnrelatedNotice(workDir, outPath) {
  const src = loPdf(NOTICE_DOC, workDir, 'notice');
  run('qpdf', ['--deterministic-id', src, outPath]);
}

export const DESKEW = {
  width: 800,
  height: 500,
  angle: 1.5,
  // table before rotation: 3 rows x 4 columns, outer box (100,100)-(700,400)
  box: { x0: 100, y0: 100, x1: 700, y1: 400 },
  cells: [
    ['项目', '预算数', '执行数', '执行率'],
    ['基本支出', '1,084.92', '1,084.92', '100%'],
    ['项目支出', '1,557.03', '1,445.73', '92.85%'],
  ],
};

/** deskew-table.png: a ruled 3x4 table with text, rotated by exactly 1.5° clockwise. */
export function makeDeskewTable(workDir, pngPath, jsonPath) {
  const { width, height, angle, box, cells } = DESKEW;
  const rows = cells.length;
  const cols = cells[0].length;
  const cw = (box.x1 - box.x0) / cols;
  const rh = (box.y1 - box.y0) / rows;
  const draw = [];
  for (let r = 0; r <= rows; r++) draw.push(`line ${box.x0},${box.y0 + r * rh} ${box.x1},${box.y0 + r * rh}`);
  for (let c = 0; c <= cols; c++) draw.push(`line ${box.x0 + c * cw},${box.y0} ${box.x0 + c * cw},${box.y1}`);
  const args = ['-size', `${width}x${height}`, 'xc:white', '-stroke', 'black', '-strokewidth', '2', '-fill', 'none', '-draw', draw.join(' ')];
  args.push('-stroke', 'none', '-fill', 'black', '-font', CJK_FONT, '-pointsize', '26');
  cells.forEach((row, r) =>
    row.forEach((text, c) => {
      // text is anchored at its baseline: put it at 62% of the row height, 14 px from the left rule
      args.push('-draw', `text ${box.x0 + c * cw + 14},${Math.round(box.y0 + r * rh + rh * 0.62)} '${text}'`);
    }),
  );
  args.push(
    '-background', 'white', '-rotate', String(angle), // positive = clockwise in ImageMagick
    '-gravity', 'center', '-extent', `${width}x${height}`,
    '-colorspace', 'Gray', '-depth', '8', '-strip',
    '-define', 'png:exclude-chunks=date,time',
    '-define', 'png:color-type=0',
    pngPath,
  );
  run('convert', args);
  const meta = {
    file: 'deskew-table.png',
    width,
    height,
    rotation_deg: angle,
    rotation_direction: 'clockwise',
    deskew_by_deg: -angle,
    note: 'Rendered upright, then rotated with ImageMagick `-rotate 1.5` (positive = clockwise on screen) about the image centre and cropped back to 800x500. Rotating by -1.5° (counter-clockwise) makes the rules horizontal/vertical again.',
    rows,
    cols,
    table_box_before_rotation: [box.x0, box.y0, box.x1, box.y1],
    cells,
  };
  writeFileSync(jsonPath, JSON.stringify(meta, null, 2) + '\n');
}
