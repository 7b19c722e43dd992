// A tiny document model (title, headings, paragraphs, tables) and two HTML renderers:
//  - 'libreoffice': table geometry and borders as HTML attributes, because Writer's HTML
//    import ignores much of CSS for tables (measured: border/width CSS is partly dropped);
//  - 'chromium': borders via CSS (border-collapse), which Skia paints as thin filled
//    rectangles rather than stroked lines — the point of the Chromium sample.
//
// Block kinds: {k:'title', lines}, {k:'subtitle', text}, {k:'h', level 1-4, text},
// {k:'p', text, align?, indent?}, {k:'caption', text}, {k:'table', table}.
// Table: {cols: [width %], head: [[cell]], body: [[cell]], repeatHeader, keepTogether, fontSize}.
// Cell: string | {text | paras[], rowspan, colspan, align, valign}.
//
// Opt-in extras (absent from a document, they change nothing in its HTML):
//  - doc.pageHeader / doc.pageFooter: running header/footer text on every page, as
//    StarWriter's <div title="header|footer">; '{page}' and '{pages}' become page-number
//    and page-count fields. Writer's HTML import sets them on right pages only: convert
//    through ODF (tools.mjs libreofficeToPdfViaOdf) to get them on every page.
//  - block.breakBefore (title, h, p, caption): start the block on a new page;
//  - caption.align ('left' | 'right'), e.g. a flush-left 续表;
//  - table.spanWidths: a colspan cell of the first row gets the sum of its columns' widths
//    (for tables whose first row has merged cells).

export function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SERIF = '"Noto Serif CJK SC", "Noto Serif CJK JP", serif';
const SANS = '"Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif';

function css(target, style) {
  const bodyPt = style.bodyPt ?? 10.5;
  // Writer's HTML import ignores em units for text-indent: use points (two characters).
  const indent = 2 * bodyPt;
  // Writer 7.4 silently drops a full-width 。 that would hang past the right margin of a
  // justified CJK line (measured on the seed): left-align there so no character is lost.
  const bodyAlign = target === 'libreoffice' ? 'left' : 'justify';
  const common = `
@page { size: 210mm 297mm; margin: ${style.margin ?? '25mm 22mm 25mm 22mm'}; }
body { font-family: ${SERIF}; font-size: ${bodyPt}pt; line-height: 150%; }
p { margin-top: 0; margin-bottom: ${style.paraGap ?? '4pt'}; text-indent: ${indent}pt; text-align: ${bodyAlign}; }
p.title { font-family: ${SANS}; font-size: ${style.titlePt ?? 16}pt; font-weight: bold; text-align: center; text-indent: 0; margin-bottom: 6pt; }
p.subtitle { font-size: ${bodyPt}pt; text-align: center; text-indent: 0; margin-bottom: 12pt; }
p.caption { font-family: ${SANS}; font-weight: bold; text-align: center; text-indent: 0; margin-top: 6pt; margin-bottom: 4pt; }
p.right { text-align: right; text-indent: 0; }
p.flush { text-indent: 0; }
h1 { font-family: ${SANS}; font-size: ${style.h1Pt ?? 12}pt; font-weight: bold; margin-top: 10pt; margin-bottom: 6pt; }
h2 { font-family: ${SANS}; font-size: ${bodyPt + 0.5}pt; font-weight: bold; margin-top: 8pt; margin-bottom: 4pt; text-indent: ${indent}pt; }
h3 { font-family: ${SERIF}; font-size: ${bodyPt}pt; font-weight: bold; margin-top: 6pt; margin-bottom: 4pt; text-indent: ${indent}pt; }
h4 { font-family: ${SERIF}; font-size: ${bodyPt}pt; font-weight: bold; margin-top: 4pt; margin-bottom: 4pt; text-indent: ${indent}pt; }
td, th { font-family: ${SERIF}; line-height: 130%; }
th { font-weight: bold; }
td p, th p { text-indent: 0; margin: 0; text-align: left; }
`;
  if (target === 'chromium') {
    return (
      common +
      `
html { -webkit-print-color-adjust: exact; }
body { margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 6pt; }
td, th { border: 1px solid black; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; line-height: 150%; }
thead { display: table-header-group; }
tr { break-inside: auto; }
`
    );
  }
  return common;
}

function cellObj(c) {
  return typeof c === 'object' && c !== null ? c : { text: String(c ?? '') };
}

function cellHtml(c, tag, target, width, fontSize) {
  c = cellObj(c);
  const attrs = [];
  if (c.rowspan > 1) attrs.push(`rowspan="${c.rowspan}"`);
  if (c.colspan > 1) attrs.push(`colspan="${c.colspan}"`);
  const align = c.align ?? (tag === 'th' ? 'center' : 'left');
  const valign = c.valign ?? 'middle';
  attrs.push(`align="${align}"`, `valign="${valign}"`);
  if (width != null && target === 'libreoffice') attrs.push(`width="${width}%"`);
  const styles = [`text-align: ${align}`, `vertical-align: ${valign}`];
  if (fontSize) styles.push(`font-size: ${fontSize}`);
  attrs.push(`style="${styles.join('; ')}"`);
  const paras = c.paras ?? [c.text ?? ''];
  return `<${tag} ${attrs.join(' ')}>${paras.map(esc).join('<br>')}</${tag}>`;
}

function tableHtml(t, target) {
  const fontSize = t.fontSize ?? null;
  const out = [];
  if (target === 'libreoffice') {
    // page-break-inside: avoid becomes Writer's "do not split table" property.
    const keep = t.keepTogether ? ' style="page-break-inside: avoid"' : '';
    out.push(`<table border="1" cellpadding="${t.cellpadding ?? 4}" cellspacing="0" width="100%" frame="box" rules="all"${keep}>`);
  } else {
    out.push(t.keepTogether ? '<table style="break-inside: avoid">' : '<table>');
  }
  // Writer mis-distributes widths when a <colgroup> is present: it gets widths from the
  // first row's cells only. Chromium's fixed table layout takes them from <col>.
  if (target === 'chromium') out.push('<colgroup>' + t.cols.map((w) => `<col style="width:${w}%">`).join('') + '</colgroup>');
  // First row carries explicit widths (Writer reads them from the first row's cells).
  let widthsUsed = false;
  const rowHtml = (row, tag) => {
    let col = 0;
    const cells = row.map((c) => {
      const co = cellObj(c);
      const span = co.colspan ?? 1;
      const w = !widthsUsed && span === 1 ? t.cols[col]
        : !widthsUsed && t.spanWidths ? t.cols.slice(col, col + span).reduce((a, b) => a + b, 0) : null;
      col += span;
      return cellHtml(co, tag, target, w, fontSize);
    });
    widthsUsed = true;
    return `<tr>${cells.join('')}</tr>`;
  };
  if (t.repeatHeader) {
    out.push('<thead>' + t.head.map((r) => rowHtml(r, 'th')).join('') + '</thead>');
    out.push('<tbody>' + t.body.map((r) => rowHtml(r, 'td')).join('') + '</tbody>');
  } else {
    // No <thead>: the header row is printed once, as in the seed report.
    out.push('<tbody>' + [...t.head.map((r) => rowHtml(r, 'th')), ...t.body.map((r) => rowHtml(r, 'td'))].join('') + '</tbody>');
  }
  out.push('</table>');
  return out.join('\n');
}

/** Running header/footer paragraph. `m` is text or {text, align, sizePt}; '{page}' and
 * '{pages}' become StarWriter page-number / page-count fields (sdfield). */
function pageMarginalHtml(m) {
  const o = typeof m === 'string' ? { text: m } : m;
  const align = o.align ?? 'center';
  const fields = esc(o.text)
    .replace(/\{page\}/g, '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>')
    .replace(/\{pages\}/g, '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>');
  return `<p align="${align}" style="font-size: ${o.sizePt ?? 9}pt; text-indent: 0; text-align: ${align}; margin: 0">${fields}</p>`;
}

export function renderHtml(doc, target) {
  const style = doc.style ?? {};
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${css(target, style)}</style>`,
    '</head><body>',
  ];
  if (doc.pageHeader != null) parts.push(`<div title="header">${pageMarginalHtml(doc.pageHeader)}</div>`);
  if (doc.pageFooter != null) parts.push(`<div title="footer">${pageMarginalHtml(doc.pageFooter)}</div>`);
  for (const b of doc.blocks) {
    // Writer maps page-break-before to a page break before the paragraph.
    const brk = b.breakBefore ? 'page-break-before: always' : '';
    const brkAttr = brk ? ` style="${brk}"` : '';
    switch (b.k) {
      case 'title':
        parts.push(`<p class="title" align="center"${brkAttr}>${b.lines.map(esc).join('<br>')}</p>`);
        break;
      case 'subtitle':
        parts.push(`<p class="subtitle" align="center">${esc(b.text)}</p>`);
        break;
      case 'h':
        parts.push(`<h${b.level}${brkAttr}>${esc(b.text)}</h${b.level}>`);
        break;
      case 'p': {
        const cls = b.align === 'right' ? 'right' : b.indent === false ? 'flush' : '';
        const align = b.align === 'right' ? ' align="right"' : '';
        parts.push(`<p${cls ? ` class="${cls}"` : ''}${align}${brkAttr}>${esc(b.text)}</p>`);
        break;
      }
      case 'caption': {
        // keep the caption on the page of its table (Writer maps this to "keep with next")
        const align = b.align ?? 'center';
        const extra = (b.align ? `text-align: ${b.align}; ` : '') + (brk ? `${brk}; ` : '');
        parts.push(`<p class="caption" align="${align}" style="${extra}page-break-after: avoid; break-after: avoid">${esc(b.text)}</p>`);
        break;
      }
      case 'table':
        parts.push(tableHtml(b.table, target));
        break;
      default:
        throw new Error(`unknown block kind ${b.k}`);
    }
  }
  parts.push('</body></html>');
  return parts.join('\n') + '\n';
}
