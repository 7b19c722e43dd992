/**
 * The report's only stylesheet, inline. System CJK fonts only: the file must open offline and a
 * web font would be a network request (and several megabytes inline).
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2430; --muted: #5b6573; --line: #d7dce3; --bg: #f6f7f9;
  --error: #b42318; --error-bg: #fdecea; --warning: #a15c07; --warning-bg: #fff4e0;
  --info: #2f5d8a; --info-bg: #eaf2fb;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: var(--bg); line-height: 1.6; font-size: 15px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "WenQuanYi Micro Hei", "Hiragino Sans GB", sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
header h1 { font-size: 26px; margin: 0 0 4px; }
header .meta { color: var(--muted); font-size: 13px; margin: 0; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; padding: 0; list-style: none; }
.stats li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.stats b { display: block; font-size: 22px; }
.stats .error b { color: var(--error); } .stats .warning b { color: var(--warning); } .stats .info b { color: var(--info); }
nav.toc { font-size: 14px; margin: 12px 0 8px; }
nav.toc ol { margin: 4px 0; padding-left: 22px; }
nav.toc ol ol { list-style: none; padding-left: 0; display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 13px; }
h2 { font-size: 21px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 18px; margin: 0 0 6px; }
h4 { font-size: 15px; margin: 0 0 6px; display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
a { color: #1f5fa8; }
.note { color: var(--muted); font-size: 13px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; }
th { background: #eef1f5; text-align: left; font-weight: 600; }
table.compare th { font-size: 12px; vertical-align: bottom; }
table.compare td { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.bad { color: var(--error); font-weight: 600; }
td code, .finding code { font-size: 12px; color: var(--muted); }
figure.chart-figure { margin: 20px 0 28px; }
figure.chart-figure figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart .grid { stroke: #e4e7ec; stroke-width: 1; }
svg.chart .axis { stroke: #444; stroke-width: 1; }
svg.chart .tick { font-size: 12px; fill: var(--muted); }
svg.chart .label { font-size: 13px; fill: var(--ink); }
svg.chart .legend { font-size: 13px; fill: var(--ink); }
svg.chart .value { font-size: 11px; fill: var(--ink); }
svg.chart .axis-title { font-size: 13px; fill: var(--muted); }
svg.chart .dot { stroke: #fff; stroke-width: 1.5; }
svg.chart .dot-label { font-size: 12px; fill: var(--ink); }
svg.chart .zone { fill: var(--error-bg); }
svg.chart .zone-label { font-size: 12px; fill: var(--error); }
section.dept-year { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 18px 0; }
section.dept-year .files { font-size: 13px; color: var(--muted); margin: 0 0 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin: 0 0 12px; padding: 0; list-style: none; }
.figures li b { font-variant-numeric: tabular-nums; }
.none { color: #2b7a3d; }
article.finding { border-left: 4px solid var(--line); padding: 10px 14px; margin: 12px 0; background: #fbfbfc; }
article.finding.error { border-color: var(--error); background: var(--error-bg); }
article.finding.warning { border-color: var(--warning); background: var(--warning-bg); }
div.review-item { border-left: 4px solid var(--warning); padding: 10px 14px; margin: 12px 0; background: var(--warning-bg); break-inside: avoid; }
div.review-item .rank { display: inline-block; min-width: 1.6em; font-weight: 600; }
div.review-item code { font-size: 12px; color: var(--muted); margin: 0 6px; }
div.review-item h4 .page-ref { margin-left: 8px; }
table.corrections td { vertical-align: top; }
article.finding.info { border-color: var(--info); background: var(--info-bg); }
.sev { font-size: 12px; color: #fff; padding: 1px 8px; border-radius: 10px; }
.uncertain { font-size: 12px; color: #7a4b00; background: #fff3cd; border: 1px solid #e0b44c; padding: 0 6px; border-radius: 10px; margin-left: 4px; }
.error .sev { background: var(--error); } .warning .sev { background: var(--warning); } .info .sev { background: var(--info); }
.rule-name { font-weight: 700; }
.page-ref { font-size: 13px; color: var(--muted); }
.explain { font-size: 13px; color: var(--muted); margin: 0 0 4px; }
.message { margin: 0 0 6px; }
dl.numbers { display: grid; grid-template-columns: repeat(4, auto); justify-content: start; gap: 2px 12px; margin: 0 0 8px; font-size: 13px; }
dl.numbers div { display: contents; }
dl.numbers dt { color: var(--muted); }
dl.numbers dd { margin: 0 12px 0 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.evidence { display: flex; flex-direction: column; gap: 10px; }
figure.ev { margin: 0; }
figure.ev .crop { position: relative; display: inline-block; max-width: 100%; border: 1px solid #c9ced6; background: #fff; line-height: 0; }
figure.ev img { display: block; max-width: 100%; height: auto; }
figure.ev .mark { position: absolute; border: 2px solid #e0302a; border-radius: 2px; box-shadow: 0 0 0 2px rgba(255, 220, 0, 0.35); }
figure.ev figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
figure.ev q { color: var(--ink); }
.unavailable { border: 1px dashed var(--muted); padding: 6px 10px; font-size: 13px; background: #fff; }
.unavailable .printed { font-family: inherit; color: var(--ink); white-space: pre-wrap; }
details.info-findings > summary { cursor: pointer; color: var(--info); font-weight: 600; margin: 10px 0; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
svg.chart .leader { stroke: #9aa3ad; stroke-width: 0.8; }
a.src { color: inherit; text-decoration: underline dotted; text-underline-offset: 2px; }
.field { font-weight: 600; color: var(--ink); }
/* A4 portrait, 10 mm margins: 190 mm (718 CSS px) of line. Every column of the summary table is
   kept: smaller type, headers and names may wrap, numbers never do. */
@page { size: A4 portrait; margin: 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 10pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  table.compare { font-size: 7pt; }
  table.compare th { font-size: 6.5pt; padding: 2px 3px; }
  table.compare td { padding: 2px 3px; }
  table.compare td:first-child { white-space: normal; min-width: 7em; }
  table.compare code { font-size: 6.5pt; }
  th, td { padding: 2px 4px; }
  dl.numbers { grid-template-columns: repeat(2, auto); }
  a { color: inherit; }
  details.info-findings:not([open]) > *:not(summary) { display: none; }
  section.dept-year { padding: 8px 10px; }
  section.dept-year h3, figure.chart-figure { break-inside: avoid; break-after: avoid; }
  article.finding, figure.ev, tr { break-inside: avoid; }
}
`;
