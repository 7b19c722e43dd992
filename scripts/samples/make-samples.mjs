#!/usr/bin/env node
// Regenerates every file in samples/ and tests/fixtures/ from the sources in
// scripts/samples/source/, deterministically (the only randomness — scan rotation and
// noise — is seeded).
//
//   node scripts/samples/make-samples.mjs [--only=seed,qingchuan,fixtures,styles] [--keep-build]
//
// Plain Node 20 ESM with no npm dependencies. It SHELLS OUT to Debian tools that only a
// developer regenerating samples needs (users of selfeval never do):
//   LibreOffice Writer (soffice)  HTML -> PDF, the Word-like text PDFs
//   Chromium (headless)           HTML -> PDF, the Skia-rendered variant
//   ImageMagick 6 (convert)       scan degradation, the deskew fixture
//   poppler-utils                 pdftoppm (rasterise), pdftotext/pdfinfo/pdffonts (checks)
//   qpdf (+ fix-qdf)              page assembly of the mixed sample, the garbled fixture
//   fonts-noto-cjk                the CJK fonts every output uses
// apt-get install -y libreoffice-writer chromium imagemagick poppler-utils qpdf fonts-noto-cjk
//
// PDF creation dates and LibreOffice's document ids differ between runs; figures, text and
// layout do not. Every output is checked after it is made (pages, text layer present or
// absent, figures findable, tables spanning pages) and the run fails if a check fails.
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from './lib/html.mjs';
import { loadSeed, seedDocument, seedTruth, seedPrintedText, seedParagraphs } from './lib/seed.mjs';
import { deriveFigures, reportDocument, reportTruth, printedFigures, gradeFor } from './lib/qingchuan.mjs';
import {
  deriveForm, formDocument, formOdfEdit, formTruth, formPrinted,
  deriveFinal, finalDocument, finalTruth, finalPrinted, finalAmountForms, finalReportHeading,
  waterDocument,
} from './lib/styles.mjs';
import { scanPages, writeJpegPdf } from './lib/scan.mjs';
import { makeGarbledTextLayer, makeUnrelatedNotice, makeDeskewTable } from './lib/fixtures.mjs';
import {
  checkTools, run, makeTempDir, removeDir, libreofficeToPdf, libreofficeToPdfViaOdf, chromiumToPdf,
  pdfPageCount, pdfPagesText, pdfFontNames, pdfPageWords,
} from './lib/tools.mjs';
import { REPORTS } from './source/qingchuan-reports.mjs';
import { FORM, FINAL_ACCOUNTS, WATER } from './source/styles-reports.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const SOURCE = join(HERE, 'source');
const SAMPLES = join(ROOT, 'samples');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

const SCAN_MAX_BYTES = 6 * 1024 * 1024;
const SCAN_DPI = [300, 250]; // 300 dpi unless the scan would exceed SCAN_MAX_BYTES

// ---------------------------------------------------------------------------------------
// Checks: each records a line for the summary; a failed check fails the run at the end.

const made = []; // { path, pages, bytes, notes[] }
const failures = [];

function record(path, notes = []) {
  const entry = { path, pages: path.endsWith('.pdf') ? pdfPageCount(path) : null, bytes: statSync(path).size, notes };
  made.push(entry);
  return entry;
}

function check(entry, ok, what) {
  entry.notes.push(`${ok ? 'ok' : 'FAIL'} ${what}`);
  if (!ok) failures.push(`${rel(entry.path)}: ${what}`);
}

const rel = (p) => p.slice(ROOT.length + 1);
const squash = (s) => s.replace(/\s+/g, '');
const CJK = /[\u3400-\u9fff]/g;

function checkTextPdf(entry, mustContain) {
  const pages = pdfPagesText(entry.path);
  const empty = pages.map((t, i) => (squash(t).length < 20 ? i + 1 : 0)).filter(Boolean);
  check(entry, empty.length === 0, `text layer on every page${empty.length ? ` (empty: ${empty.join(',')})` : ''}`);
  const all = squash(run('pdftotext', [entry.path, '-']));
  const missing = mustContain.filter((s) => !all.includes(squash(s)));
  check(entry, missing.length === 0, `${mustContain.length - missing.length}/${mustContain.length} printed figures found in text${missing.length ? `; missing: ${missing.slice(0, 5).join(' | ')}` : ''}`);
  return pages;
}

/** The seed's text must survive rendering exactly: every prose block verbatim (modulo
 * whitespace, which layout inserts and removes) in the text layer. */
function checkVerbatim(entry, paragraphs) {
  const all = squash(run('pdftotext', [entry.path, '-']));
  const missing = paragraphs.filter((p) => !all.includes(squash(p)));
  check(entry, missing.length === 0, `${paragraphs.length - missing.length}/${paragraphs.length} prose blocks verbatim in text${missing.length ? `; first missing: ${missing[0].slice(0, 40)}…` : ''}`);
}

function checkImageOnly(entry, expectedPages) {
  check(entry, entry.pages === expectedPages, `${entry.pages} pages (expected ${expectedPages})`);
  check(entry, pdfFontNames(entry.path).length === 0, 'no fonts (pdffonts)');
  check(entry, squash(run('pdftotext', [entry.path, '-'])).length === 0, 'no text (pdftotext)');
}

/** Pages (1-based, inclusive) from the page holding `start` to the page holding the block
 * after the table; that page counts only if the block is not the first text on it. */
function tableSpan(pages, start, after) {
  const s = pages.findIndex((t) => squash(t).includes(squash(start)));
  const a = pages.findIndex((t) => squash(t).includes(squash(after)));
  if (s < 0 || a < 0) return null;
  const before = squash(pages[a]).split(squash(after))[0];
  const end = before.length > 0 ? a : a - 1;
  return { first: s + 1, last: end + 1, pages: end - s + 1 };
}

function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 1) + '\n');
}

function fmtWan(n) {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

// ---------------------------------------------------------------------------------------
// Scans

async function scanPdf(src, out, work, { seed, first, last }) {
  for (const dpi of SCAN_DPI) {
    const dir = makeTempDir(`scan-${dpi}-`);
    try {
      const pages = await scanPages(src, dir, { dpi, seed, first, last });
      writeJpegPdf(pages, out);
      const size = statSync(out).size;
      if (size <= SCAN_MAX_BYTES || dpi === SCAN_DPI[SCAN_DPI.length - 1]) {
        return { dpi, angles: pages.map((p) => p.angle) };
      }
      console.log(`  ${rel(out)}: ${(size / 1048576).toFixed(1)} MB at ${dpi} dpi, retrying lower`);
    } finally {
      removeDir(dir);
    }
  }
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------
// 1. Seed report: LibreOffice, Chromium, scan

async function makeSeed(work) {
  const seed = loadSeed(SOURCE);
  const printed = seedPrintedText(seed);
  const f = seed.data.facts;
  // Figures the PDF must show, formatted as the report prints them.
  const figures = [
    f.report.department.replace('广州市', ''),
    ...['budget_total', 'executed_total', 'basic_total', 'project_total'].map((k) => fmtWan(f.totals[k])),
    `${fmtWan(Math.abs(f.totals.yoy_change))}万元`, `${Math.abs(f.totals.yoy_change_pct)}%`,
    `${f.totals.execution_rate}%`, `${f.report.self_score}分`,
    ...f.budget_lines.flatMap((l) => [fmtWan(l.amount), ...(l.alt_amounts ?? []).map(fmtWan), ...(l.share != null ? [`${l.share}%`] : [])]),
    ...f.projects.flatMap((p) => [p.name, fmtWan(p.budget), fmtWan(p.executed)]),
    ...seed.data.task_table.tasks.map((t) => t.cells.planned),
  ];
  // Guard against a source edit dropping a figure: every fact must be in the source text.
  const notInSource = figures.filter((s) => !squash(printed).includes(squash(s)));
  if (notInSource.length) throw new Error(`seed facts not printed in the source text: ${notInSource.join(' | ')}`);

  const spanMarkers = ['拟投入', '各重点任务项目支出完成情况分析'];
  const outputs = [];

  // 1a. LibreOffice Writer, table geometry as HTML attributes
  {
    const html = join(work, 'seed-report.html');
    writeFileSync(html, renderHtml(seedDocument(seed, 'libreoffice'), 'libreoffice'));
    libreofficeToPdf(html, work);
    const out = join(SAMPLES, 'seed-report.pdf');
    copyFileSync(join(work, 'seed-report.pdf'), out);
    const e = record(out);
    const pages = checkTextPdf(e, figures);
    checkVerbatim(e, seedParagraphs(seed));
    const span = tableSpan(pages, ...spanMarkers);
    check(e, span && span.pages >= 3, `task table spans ${span ? `pages ${span.first}-${span.last} (${span.pages})` : '?'} >= 3`);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), seedTruth(seed, 'seed-report.pdf', 'text'));
    outputs.push(out);
  }

  // 1b. Chromium (Skia): borders become thin filled rectangles
  {
    const html = join(work, 'seed-report-chromium.html');
    writeFileSync(html, renderHtml(seedDocument(seed, 'chromium'), 'chromium'));
    const out = join(SAMPLES, 'seed-report-chromium.pdf');
    chromiumToPdf(html, out);
    const e = record(out);
    const pages = checkTextPdf(e, figures);
    checkVerbatim(e, seedParagraphs(seed));
    const span = tableSpan(pages, ...spanMarkers);
    check(e, span && span.pages >= 3, `task table spans ${span ? `pages ${span.first}-${span.last} (${span.pages})` : '?'} >= 3`);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), seedTruth(seed, 'seed-report-chromium.pdf', 'text'));
  }

  // 1c. "Printed and scanned" from the LibreOffice PDF
  {
    const src = join(SAMPLES, 'seed-report.pdf');
    const out = join(SAMPLES, 'seed-report-scan.pdf');
    const { dpi, angles } = await scanPdf(src, out, work, { seed: 'seed-report-scan' });
    const e = record(out, [`${dpi} dpi gray JPEG q75, angles ${angles.map((a) => a.toFixed(2)).join(' ')}`]);
    checkImageOnly(e, pdfPageCount(src));
    check(e, e.bytes < SCAN_MAX_BYTES, `size ${(e.bytes / 1048576).toFixed(2)} MB < 6 MB`);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), seedTruth(seed, 'seed-report-scan.pdf', 'scan'));
  }
}

// ---------------------------------------------------------------------------------------
// 2. Fictional 云岭市青川区 reports

async function makeQingchuan(work) {
  const byId = new Map(REPORTS.map((r) => [r.id, r]));
  for (const r of REPORTS) {
    const f = deriveFigures(r, byId);
    const html = join(work, `${r.id}.html`);
    writeFileSync(html, renderHtml(reportDocument(r, f), 'libreoffice'));
    libreofficeToPdf(html, work);
    const out = join(SAMPLES, `${r.id}.pdf`);
    copyFileSync(join(work, `${r.id}.pdf`), out);
    const e = record(out, [`score ${f.selfScore} ${f.grade}, rate ${f.rate}%${r.plant ? ` (printed ${f.statedRate}%)` : ''}`]);
    const pages = checkTextPdf(e, printedFigures(r, f));
    if (r.indicator_table?.mustCrossPage) {
      const withHeader = pages.map((t, i) => (squash(t).includes('偏差原因分析') ? i + 1 : 0)).filter(Boolean);
      const crosses = withHeader.length >= 2 && withHeader[1] === withHeader[0] + 1;
      check(e, crosses, `自评表 header row repeated on pages ${withHeader.join(',')}`);
    }
    const truth = reportTruth(r, f, `${r.id}.pdf`, 'text');
    checkTruth(e, truth, f);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), truth);

    if (r.mixed) {
      const mixedOut = join(SAMPLES, r.mixed.file);
      const scanned = join(work, `${r.id}-scanned-part.pdf`);
      const k = r.mixed.text_pages;
      const total = pdfPageCount(out);
      const { dpi, angles } = await scanPdf(out, scanned, work, { seed: r.mixed.file, first: k + 1, last: total });
      run('qpdf', ['--deterministic-id', '--empty', '--pages', out, `1-${k}`, scanned, '--', mixedOut]);
      const m = record(mixedOut, [`pages 1-${k} text, ${k + 1}-${total} scanned at ${dpi} dpi, angles ${angles.map((a) => a.toFixed(2)).join(' ')}`]);
      check(m, m.pages === total, `${m.pages} pages (expected ${total})`);
      const mp = pdfPagesText(mixedOut).map((t) => squash(t).length);
      check(m, mp.slice(0, k).every((n) => n > 20) && mp.slice(k).every((n) => n === 0), `text on pages 1-${k} only (chars per page: ${mp.join(',')})`);
      writeJson(mixedOut.replace(/\.pdf$/, '.truth.json'), reportTruth(r, f, r.mixed.file, 'mixed'));
    }
  }
}

/** Arithmetic the truth must satisfy (clean reports) or break exactly as planted. */
function checkTruth(e, t, f) {
  const near = (a, b, tol = 0.011) => Math.abs(a - b) <= tol;
  const T = t.totals;
  const section = (s) => t.budget_lines.filter((l) => l.section === s);
  const total = (s) => section(s).reduce((a, l) => a + l.amount, 0);
  const planted = new Set(t.discrepancies.map((d) => `${d.rule}:${d.field}`));
  const okSum = (cond, key, what) => check(e, planted.has(key) ? !cond : cond, `${what}${planted.has(key) ? ' (planted mismatch)' : ''}`);
  okSum(near(total('expenditure_by_function'), T.expenditure_total, 0.000001), 'sum_mismatch:expenditure_by_function', 'function classes add up to 支出合计');
  check(e, near(total('income'), T.income_total, 0.000001), 'income sources add up to 收入合计');
  check(e, near(total('basic_expenditure'), T.basic_total, 0.000001) && near(total('project_expenditure'), T.project_total, 0.000001), 'economic classes add up to 基本/项目支出');
  check(e, near(T.basic_total + T.project_total, T.expenditure_total, 0.000001), '基本 + 项目 = 支出合计');
  okSum(f.statedRate === f.rate, 'rate_mismatch:execution_rate', `stated rate ${f.statedRate}% vs executed÷budget ${f.rate}%`);
  const scoreSum = Math.round(t.indicators.reduce((a, x) => a + x.score, 0) * 10) / 10;
  check(e, scoreSum === t.report.self_score, `得分 add up to self score ${t.report.self_score}`);
}

// ---------------------------------------------------------------------------------------
// 3. Test fixtures

async function makeFixtures(work) {
  mkdirSync(FIXTURES, { recursive: true });

  const garbled = join(FIXTURES, 'garbled-text-layer.pdf');
  const { source, removed } = makeGarbledTextLayer(work, garbled);
  const g = record(garbled, [`${removed} /ToUnicode entries removed`]);
  const extracted = run('pdftotext', [garbled, '-']);
  const cjkOut = (extracted.match(CJK) ?? []).length;
  const cjkIn = (run('pdftotext', [source, '-']).match(CJK) ?? []).length;
  check(g, cjkIn > 50 && cjkOut === 0, `text layer unusable: ${cjkIn} CJK chars before, ${cjkOut} after`);
  const [a, b] = [source, garbled].map((p) => run('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', p], { encoding: 'buffer' }));
  check(g, a.equals(b), 'renders exactly like the source (pdftoppm)');
  const rendered = join(work, 'garbled-render.pgm');
  writeFileSync(rendered, b);
  const ink = Number(run('convert', [rendered, '-format', '%[fx:1-mean]', 'info:']).trim());
  check(g, ink > 0.01, `page shows text when rendered (ink ${(ink * 100).toFixed(1)}%)`);

  const notice = join(FIXTURES, 'unrelated-notice.pdf');
  makeUnrelatedNotice(work, notice);
  const n = record(notice);
  check(n, n.pages === 1, `${n.pages} page`);
  checkTextPdf(n, ['关于召开', '会议的通知']);

  // A worse scan, as old archives hold them: 200 dpi, turned 1.5–2.5°, JPEG quality 40. Pages 1
  // (the title) and 7 (the score and the indicator table) of the LibreOffice seed report.
  {
    const out = join(FIXTURES, 'scan-seed-worse-200dpi.pdf');
    const dir = makeTempDir('scan-worse-');
    try {
      const pages = [];
      for (const p of [1, 7]) {
        const sub = join(dir, `p${p}`);
        mkdirSync(sub);
        pages.push(...(await scanPages(join(SAMPLES, 'seed-report.pdf'), sub, {
          dpi: 200, seed: `seed-worse-${p}`, first: p, last: p, minAngle: 1.5, maxAngle: 2.5, quality: 40,
        })));
      }
      writeJpegPdf(pages, out);
      const e = record(out, [`200 dpi gray JPEG q40, angles ${pages.map((x) => x.angle.toFixed(2)).join(' ')}`]);
      checkImageOnly(e, 2);
      check(e, pages.every((x) => Math.abs(x.angle) >= 1.5), 'every page turned at least 1.5°');
    } finally {
      removeDir(dir);
    }
  }

  // Image-only pages scanned turned, with nothing in the PDF to say so (no /Rotate): the worse scan's
  // title page turned 180° and its score and indicator page turned 90° clockwise onto a landscape
  // page. Same JPEG quality; OCR must find the orientation from the pixels.
  {
    const src = join(FIXTURES, 'scan-seed-worse-200dpi.pdf');
    const out = join(FIXTURES, 'scan-turned-pages.pdf');
    const dir = makeTempDir('scan-turned-');
    try {
      run('pdfimages', ['-j', src, join(dir, 'p')]);
      const pages = [['p-000.jpg', 180], ['p-001.jpg', 90]].map(([f, turn]) => {
        const jpg = join(dir, `turned-${f}`);
        run('convert', [join(dir, f), '-rotate', String(turn), '-quality', '40', jpg]);
        return { jpg, dpi: 200 };
      });
      writeJpegPdf(pages, out);
      const e = record(out, ['page 1 turned 180°, page 2 turned 90° clockwise (landscape), 200 dpi JPEG q40']);
      checkImageOnly(e, 2);
    } finally {
      removeDir(dir);
    }
  }

  // Pages whose text runs sideways or upside down as displayed (a page inserted turned): the seed's
  // indicator page turned 90° and its first task page turned 180° with /Rotate.
  {
    const out = join(FIXTURES, 'turned-pages.pdf');
    run('qpdf', ['--deterministic-id', '--empty', '--pages', join(SAMPLES, 'seed-report.pdf'), '7-8', '--',
      '--rotate=+90:1', '--rotate=+180:2', out]);
    const e = record(out);
    check(e, e.pages === 2, `${e.pages} pages`);
  }

  const png = join(FIXTURES, 'deskew-table.png');
  makeDeskewTable(work, png, join(FIXTURES, 'deskew-table.json'));
  const d = record(png);
  const id = run('identify', ['-format', '%w %h %[channels]', png]).trim();
  check(d, /^800 500 gray/.test(id), `image ${id}`);
}


// ---------------------------------------------------------------------------------------
// 4. Layout variants: a form-only file, a report inside a 部门决算, running headers + 续表

/** Does `amount` (as printed, e.g. '1,352.18') occur in `text` as a whole number token? */
function hasAmount(text, amount) {
  const re = new RegExp(`(?<![\\d.,])${amount.replace(/[.,]/g, '\\$&')}(?!\\d|[.,]\\d)`);
  return re.test(text);
}

/** Text fragments of a page: words on one baseline less than `gap` pt apart, joined. In a
 * ruled table each fragment is one line of one cell (cell padding keeps cells further apart). */
function lineFragments(words, gap = 5) {
  const byY = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines = [];
  for (const w of byY) {
    const last = lines[lines.length - 1];
    const yc = (w.y0 + w.y1) / 2;
    if (last && Math.abs(last.yc - yc) < 2.5) last.words.push(w);
    else lines.push({ yc, words: [w] });
  }
  const frags = [];
  for (const l of lines) {
    let cur = null;
    for (const w of l.words.sort((a, b) => a.x0 - b.x0)) {
      if (cur && w.x0 - cur.x1 < gap) {
        cur.text += squash(w.text);
        cur.x1 = w.x1;
        cur.y0 = Math.min(cur.y0, w.y0);
        cur.y1 = Math.max(cur.y1, w.y1);
      } else frags.push((cur = { ...w, text: squash(w.text) }));
    }
  }
  return frags;
}

/** Is `target` printed as a cell that wraps over lines: a fragment starting it, continued by
 * fragments on the following lines that overlap it horizontally? */
function wrappedOnPage(frags, target) {
  const t = squash(target);
  const follow = (f, rest, depth) => {
    if (!rest) return true;
    if (depth > 8) return false;
    return frags.some((g) => {
      const dy = g.y0 - f.y1;
      if (dy < -1.5 || dy > 6 || g.x0 > f.x1 + 1 || g.x1 < f.x0 - 1) return false;
      if (rest.startsWith(g.text)) return follow(g, rest.slice(g.text.length), depth + 1);
      return g.text.startsWith(rest);
    });
  };
  return frags.some((f) => f.text.length > 0 && f.text.length < t.length && t.startsWith(f.text) && follow(f, t.slice(f.text.length), 0));
}

/** checkTextPdf, but a string may also be found as a table cell wrapped over lines. */
function checkTextPdfCells(entry, mustContain) {
  const pages = pdfPagesText(entry.path);
  const empty = pages.map((t, i) => (squash(t).length < 20 ? i + 1 : 0)).filter(Boolean);
  check(entry, empty.length === 0, `text layer on every page${empty.length ? ` (empty: ${empty.join(',')})` : ''}`);
  const all = squash(run('pdftotext', [entry.path, '-']));
  const frags = pdfPageWords(entry.path).map((w) => lineFragments(w));
  let wrapped = 0;
  const missing = mustContain.filter((s) => {
    if (all.includes(squash(s))) return false;
    if (frags.some((f) => wrappedOnPage(f, s))) return ++wrapped, false;
    return true;
  });
  check(entry, missing.length === 0, `${mustContain.length - missing.length}/${mustContain.length} printed figures and names found in text (${wrapped} as cells wrapped over lines)${missing.length ? `; missing: ${missing.slice(0, 5).join(' | ')}` : ''}`);
  return pages;
}

async function makeStyles(work) {
  const near = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol;

  // 4a. Form only: the 部门整体支出绩效自评表 as one ruled table, no prose
  {
    const r = FORM;
    const f = deriveForm(r);
    const html = join(work, `${r.id}.html`);
    writeFileSync(html, renderHtml(formDocument(r, f), 'libreoffice'));
    libreofficeToPdfViaOdf(html, work, { editOdf: formOdfEdit });
    const out = join(SAMPLES, `${r.id}.pdf`);
    copyFileSync(join(work, `${r.id}.pdf`), out);
    const e = record(out, [`score ${f.selfScore} ${f.grade} (funds block ${f.fundsScore} of ${r.funds_weight}), rate ${f.total.rate}%`]);
    const pages = checkTextPdfCells(e, formPrinted(r, f));
    check(e, e.pages >= 1 && e.pages <= 2, `${e.pages} page(s) (1-2 expected)`);
    const all = squash(pages.join(''));
    const at = (s) => all.indexOf(squash(s));
    const hdr = at('二级指标三级指标年度指标值');
    check(e, at('部门（单位）名称') >= 0 && at('资金情况（万元）') > at('部门（单位）名称') && at('年度总体目标') > at('资金情况（万元）') && hdr > at('年度总体目标') && at('总分') > hdr,
      'block order: 名称, 资金情况, 年度总体目标, indicator header, 总分');
    const t = formTruth(r, f, `${r.id}.pdf`);
    const [total, ...parts] = t.funds;
    for (const k of ['initial_budget', 'budget', 'executed']) {
      check(e, near(total[k], parts.reduce((a, x) => a + x[k], 0)), `funds: ${k} of 年度资金总额 = sum of its parts`);
    }
    check(e, t.totals.budget_total === total.budget && t.totals.executed_total === total.executed && t.totals.initial_budget === total.initial_budget, 'totals = 年度资金总额 row');
    const weights = t.indicators.reduce((a, x) => a + x.weight, 0) + total.weight;
    const scoreSum = Math.round((t.indicators.reduce((a, x) => a + x.score, 0) + total.score) * 100) / 100;
    check(e, weights === 100 && scoreSum === t.report.self_score, `分值 add up to ${weights}, 得分 (funds + indicators) to the self score ${scoreSum}`);
    check(e, gradeFor(t.report.self_score) === t.report.grade, `grade ${t.report.grade} fits the score`);
    const lines = pages.join('\n');
    check(e, new RegExp(`^\\s*总分\\s+100\\s+${t.report.self_score}\\s*$`, 'm').test(lines) && new RegExp(`^\\s*自评等级\\s+${t.report.grade}\\s*$`, 'm').test(lines),
      `rows "总分 | 100 | ${t.report.self_score}" and "自评等级 | ${t.report.grade}"`);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), t);
  }

  // 4b. A report embedded in a 部门决算 publication, after 决算 tables with other figures
  {
    const r = FINAL_ACCOUNTS;
    const f = deriveFinal(r);
    const html = join(work, `${r.id}.html`);
    writeFileSync(html, renderHtml(finalDocument(r, f), 'libreoffice'));
    libreofficeToPdf(html, work);
    const out = join(SAMPLES, `${r.id}.pdf`);
    copyFileSync(join(work, `${r.id}.pdf`), out);
    const e = record(out, [`score ${f.selfScore} ${f.grade}, rate ${f.rate}%`]);
    const { report, decoys } = finalPrinted(r, f);
    const pages = checkTextPdfCells(e, [...report, ...decoys]);
    const start = pages.findIndex((p) => squash(p).includes(squash(finalReportHeading(r))));
    check(e, start >= 2, `report part starts on page ${start + 1}, after ${start} page(s) of 决算`);
    if (start > 0) {
      e.notes.push(`   决算 on pages 1-${start}, the report on pages ${start + 1}-${e.pages}`);
      const before = pages.slice(0, start).join('\n');
      const after = pages.slice(start).join('\n');
      const forms = finalAmountForms(f);
      const leakedBack = forms.report.filter((a) => hasAmount(before, a));
      const leakedIn = forms.decoys.filter((a) => hasAmount(after, a));
      check(e, leakedBack.length === 0, `no report amount printed in the 决算 part${leakedBack.length ? `: ${leakedBack.join(' ')}` : ''}`);
      check(e, leakedIn.length === 0, `no 决算 amount printed in the report part${leakedIn.length ? `: ${leakedIn.join(' ')}` : ''}`);
    }
    const t = finalTruth(r, f, `${r.id}.pdf`);
    const section = (s) => t.budget_lines.filter((l) => l.section === s).reduce((a, l) => a + l.amount, 0);
    const T = t.totals;
    check(e, near(section('income'), T.income_total) && near(section('expenditure_by_function'), T.expenditure_total), 'income sources and function classes add up to the totals');
    check(e, near(section('basic_expenditure'), T.basic_total) && near(section('project_expenditure'), T.project_total) && near(T.basic_total + T.project_total, T.expenditure_total), '基本/项目 parts add up; 基本 + 项目 = 总支出');
    check(e, gradeFor(t.report.self_score) === t.report.grade, `grade ${t.report.grade} fits the score`);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), t);
  }

  // 4c. Running header and page numbers on every page, a 续表 with the header row again
  {
    const r = WATER;
    const f = deriveFigures(r, new Map());
    const html = join(work, `${r.id}.html`);
    writeFileSync(html, renderHtml(waterDocument(r, f), 'libreoffice'));
    libreofficeToPdfViaOdf(html, work);
    const out = join(SAMPLES, `${r.id}.pdf`);
    copyFileSync(join(work, `${r.id}.pdf`), out);
    const e = record(out, [`score ${f.selfScore} ${f.grade}, rate ${f.rate}%`]);
    const pages = checkTextPdfCells(e, [...printedFigures(r, f), ...f.indicators.flatMap((x) => [x.level3, x.target, x.actual])]);
    const n = pages.length;
    const head = squash(r.page_header);
    const foot = (i) => squash(r.page_footer.replace('{page}', i).replace('{pages}', n));
    const unmarked = pages.map((p, i) => (squash(p).startsWith(head) && squash(p).endsWith(foot(i + 1)) ? 0 : i + 1)).filter(Boolean);
    check(e, unmarked.length === 0, `running header first and "${r.page_footer}" last on every page${unmarked.length ? ` (not on ${unmarked.join(',')})` : ''}`);
    const all = pages.join('\n');
    check(e, /^\s*二 综合评价分析\s*$/m.test(all) && !all.includes('二、综合评价分析'), 'heading "二 综合评价分析" printed without 、');
    const c = pages.findIndex((p) => squash(p).includes('续表'));
    const k = r.indicator_split;
    const lastOfPart1 = squash(f.indicators[k - 1].level3);
    const firstOfPart2 = squash(f.indicators[k].level3);
    const frags = pdfPageWords(out).map((w) => lineFragments(w));
    const onPage = (i, s) => i >= 0 && i < n && (squash(pages[i]).includes(s) || wrappedOnPage(frags[i], s));
    const count = (i, s) => (i >= 0 ? squash(pages[i]).split(s).length - 1 : 0);
    check(e, c > 0 && squash(pages[c]).split('续表')[0] === head, `"续表" first on page ${c + 1}, under the running header`);
    check(e, onPage(c - 1, squash('部门整体支出绩效自评表')) && count(c - 1, '偏差原因分析') === 1 && onPage(c - 1, lastOfPart1) && !onPage(c, lastOfPart1),
      `自评表 rows 1-${k} with their header on page ${c}`);
    check(e, count(c, '偏差原因分析') === 1 && onPage(c, firstOfPart2) && onPage(c, '合计'), `rows ${k + 1}-${f.indicators.length} and 合计 under the repeated header on page ${c + 1}`);
    const t = reportTruth(r, f, `${r.id}.pdf`, 'text');
    checkTruth(e, t, f);
    writeJson(out.replace(/\.pdf$/, '.truth.json'), t);
  }
}

// ---------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: node scripts/samples/make-samples.mjs [--only=seed,qingchuan,fixtures,styles] [--keep-build]');
    return;
  }
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = new Set(onlyArg ? onlyArg.slice(7).split(',') : ['seed', 'qingchuan', 'fixtures', 'styles']);
  const unknown = [...only].filter((x) => !['seed', 'qingchuan', 'fixtures', 'styles'].includes(x));
  if (unknown.length) throw new Error(`unknown --only value(s): ${unknown.join(', ')} (seed, qingchuan, fixtures, styles)`);
  const keep = args.includes('--keep-build');

  checkTools();
  mkdirSync(SAMPLES, { recursive: true });
  const work = makeTempDir('selfeval-samples-');
  const t0 = Date.now();
  try {
    // Numbered steps; each writes into samples/ or tests/fixtures/ and checks what it wrote.
    if (only.has('seed')) {
      console.log('1. seed report (LibreOffice, Chromium, scan)');
      await makeSeed(work);
    }
    if (only.has('qingchuan')) {
      console.log('2. fictional 云岭市青川区 reports');
      await makeQingchuan(work);
    }
    if (only.has('fixtures')) {
      console.log('3. test fixtures');
      await makeFixtures(work);
    }
    if (only.has('styles')) {
      console.log('4. layout variants (form only, inside a 部门决算, running headers + 续表)');
      await makeStyles(work);
    }
  } finally {
    if (keep) console.log(`build files kept in ${work}`);
    else removeDir(work);
  }

  console.log('');
  for (const m of made) {
    const size = m.bytes >= 1048576 ? `${(m.bytes / 1048576).toFixed(2)} MB` : `${(m.bytes / 1024).toFixed(0)} KB`;
    console.log(`${rel(m.path).padEnd(48)} ${m.pages != null ? `${m.pages} p`.padStart(5) : '     '} ${size.padStart(9)}`);
    for (const note of m.notes) console.log(`    ${note}`);
  }
  console.log(`\n${made.length} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (failures.length) {
    console.error(`\n${failures.length} check(s) failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
