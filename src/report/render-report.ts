/**
 * The auditor's report as one self-contained HTML page: summary table, charts, then every finding
 * with the printed region it rests on. Pure: the database reads and page renderings happen before,
 * so the page can be tested from data alone.
 */
import type { Evidence } from "../../schemas/finding.js";
import { DepartmentIdentity } from "../checks/department-identity.js";
import { COMPARE_COLUMNS, type CompareColumn, type CompareRow } from "../compare/compare-rows.js";
import { COLUMN_LABELS, RATE_SOURCE_LABELS, roundedCell } from "../compare/format-compare.js";
import type { AppliedCorrection, UnappliedCorrection } from "../review/apply-corrections.js";
import { reviewSection } from "../review/review-html.js";
import type { ReviewItem } from "../review/review-list.js";
import { asPrinted, isAmountUnit, unitOf } from "./amounts.js";
import { executionRateChart, ratePoints } from "./chart-execution-rate.js";
import { expenditureTrendChart, trendSeries } from "./chart-expenditure-trend.js";
import { scoreVsRateChart } from "./chart-score-vs-rate.js";
import { departmentLabels } from "./department-labels.js";
import { type Crop, regionKey } from "./evidence-crops.js";
import { fieldLabel } from "./field-labels.js";
import { html, type SafeHtml, trusted } from "./html.js";
import type { ReportData, ReportInfo, Section, StoredFinding } from "./report-data.js";
import { findingUnit } from "./report-data.js";
import { REPORT_CSS } from "./report-styles.js";
import { RULE_NAMES, roleName, ruleName, SEVERITY_NAMES } from "./rule-names.js";

export interface RenderInput {
  data: ReportData;
  crops: ReadonlyMap<string, Crop>;
  /** The values to verify first and the corrections in force (src/review). */
  review?: {
    items: readonly ReviewItem[];
    applied: readonly AppliedCorrection[];
    unapplied: readonly UnappliedCorrection[];
  };
  title?: string;
  source: string;
  generatedAt: Date;
  version: string;
  /** A link (relative to the report) to a report's source PDF, when the file was found unchanged. */
  sourceHref?: (reportId: string) => string | undefined;
}

/** Crops are shown at 96 CSS px per inch: the size of the printed page at 100 % zoom. */
const CSS_DPI = 96;

const deptLabel = (d: string | null): string => d ?? "未识别部门";
const yearLabel = (y: number | null): string => (y === null ? "年度不详" : `${y}年度`);

function summaryCell(
  c: CompareColumn,
  r: CompareRow,
  section: Section | undefined,
  info?: ReportInfo,
): SafeHtml {
  const text = roundedCell(c, r);
  if (c === "department") {
    return section
      ? html`<td><a href="#${section.id}">${deptLabel(r.department)}</a></td>`
      : html`<td>${deptLabel(r.department)}</td>`;
  }
  if (c === "rate_source") return html`<td>${r.rate_source ? RATE_SOURCE_LABELS[r.rate_source] : ""}</td>`;
  if (c === "report_id")
    return html`<td><code title="${info ? `${info.source_file}\n${r.report_id}` : r.report_id}">${text}</code></td>`;
  const exact = r[c];
  const bad = c === "findings" && r.findings > 0;
  return html`<td class="num${bad ? " bad" : ""}" data-col="${c}"${exact !== null && String(exact) !== text ? html` title="${String(exact)}"` : ""}>${text}</td>`;
}

/**
 * The summary table's columns: those of `selfeval compare` but the file and its copies, which each
 * section lists with its report (the report id's tooltip names the file), so that it fits A4.
 */
const SUMMARY_COLUMNS = COMPARE_COLUMNS.filter((c) => c !== "source_file" && c !== "copies");

function summaryTable(data: ReportData): SafeHtml {
  if (data.rows.length === 0) return html`<p class="none">数据库中没有可比较的报告。</p>`;
  const sectionOf = new Map<string, Section>();
  for (const s of data.sections) for (const r of s.rows) sectionOf.set(r.report_id, s);
  return html`<div class="table-wrap"><table class="compare">
<thead><tr>${SUMMARY_COLUMNS.map((c) => html`<th data-col="${c}">${COLUMN_LABELS[c]}</th>`)}</tr></thead>
<tbody>
${data.rows.map(
  (r) =>
    html`<tr data-report="${r.report_id}">${SUMMARY_COLUMNS.map((c) => summaryCell(c, r, sectionOf.get(r.report_id), data.reports.get(r.report_id)))}</tr>
`,
)}</tbody></table></div>
<p class="note">金额单位万元，按报告原值四舍五入到两位小数（鼠标悬停可见原值）；执行率来源为“执行数÷预算数”者表示报告未列示执行率；人均支出 = 执行数 ÷ 实有在编在职人数；问题数只计错误和警告。</p>`;
}

function charts(data: ReportData): SafeHtml {
  const keys = new DepartmentIdentity().forNames(data.rows.map((r) => r.department));
  const keyOf = (r: CompareRow): string => keys.keyOf(r.department);
  const order = [...new Set(data.rows.map(keyOf))];
  const colorIndex = (r: CompareRow): number => order.indexOf(keyOf(r));
  const points = ratePoints(data.rows, keyOf);
  const label = departmentLabels(data.rows.map((r) => r.department));
  const scatter = scoreVsRateChart(data.rows, colorIndex, label);
  const figure = (title: string, svg: SafeHtml | undefined, note: string): SafeHtml =>
    svg
      ? html`<figure class="chart-figure"><figcaption>${title}</figcaption>${svg}<p class="note">${note}</p></figure>`
      : html`<figure class="chart-figure"><figcaption>${title}</figcaption><p class="note">没有可绘制的数据。</p></figure>`;
  return html`${figure(
    "图1 各部门预算执行率（按年度）",
    executionRateChart(points, label),
    "标有 * 且颜色较浅的条形：报告未列示执行率，按执行数÷预算数计算。",
  )}
${figure(
  "图2 自评得分与预算执行率（每个点为一份报告）",
  scatter?.svg,
  `浅红色区域：自评得分≥90分而预算执行率<85%。${scatter?.unlabelled.length ? `图中未能标注名称的点（与其他点重叠）：${scatter.unlabelled.join("、")}。` : ""}`,
)}
${figure(
  "图3 各部门历年执行数（万元）",
  expenditureTrendChart(trendSeries(data.rows, keyOf, colorIndex), label),
  "纵轴按数据范围取值，不一定从零开始；同一部门同一年度有多份报告时取第一份。不同地区的同名部门以全称区分。",
)}`;
}

/**
 * The page a finding is about. Cross-year rules carry no page of their own; their first evidence
 * then names it, which may be a page of last year's report.
 */
export function findingPage(f: StoredFinding): { page: number; reportId: string } | undefined {
  if (f.page !== undefined) return { page: f.page, reportId: f.report_id };
  const e = f.evidence.find((x) => x.report_id === f.report_id) ?? f.evidence[0];
  return e ? { page: e.page, reportId: e.report_id } : undefined;
}

function reportRef(
  reportId: string,
  finding: StoredFinding,
  reports: ReadonlyMap<string, ReportInfo>,
): string {
  if (reportId === finding.report_id) return "";
  const r = reports.get(reportId);
  return r ? `${yearLabel(r.fiscal_year)}报告（${r.source_file}）` : `报告 ${reportId.slice(0, 12)}`;
}

function evidenceFigure(e: Evidence, f: StoredFinding, input: RenderInput): SafeHtml {
  const crop = input.crops.get(regionKey({ reportId: e.report_id, page: e.page, bbox: e.bbox }));
  const other = reportRef(e.report_id, f, input.data.reports);
  const caption = html`<figcaption>${roleName(e.role)} · ${other}<span class="page-ref">${pageLink(e.report_id, e.page, `第${e.page}页`, input)}</span>${e.text ? html` · 印刷文字：<q>${e.text}</q>` : ""}</figcaption>`;
  if (crop?.kind === "image") {
    const m = crop.mark;
    const scale = CSS_DPI / crop.dpi;
    return html`<figure class="ev" data-page="${e.page}"><div class="crop"><img src="${crop.src}" width="${Math.round(crop.width * scale)}" height="${Math.round(crop.height * scale)}" alt="${`第${e.page}页：${e.text}`}"><span class="mark" style="left:${m.left}%;top:${m.top}%;width:${m.width}%;height:${m.height}%"></span></div>${crop.clipped ? html`<p class="note">（区域较大，仅截取上部）</p>` : ""}${caption}</figure>`;
  }
  const reason = crop?.kind === "unavailable" ? crop.reason : "未渲染";
  return html`<figure class="ev" data-page="${e.page}"><div class="unavailable">原文件不可用（${reason}）。印刷文字：<span class="printed">${e.text || "（无）"}</span></div>${caption}</figure>`;
}

/** What "stated" and "expected" mean differs by rule: for a restated figure both are printed. */
const NUMBER_LABELS: Record<string, [string, string]> = {
  restated_mismatch: ["第一处列示", "另一处列示"],
  peer_outlier: ["本部门", "同级中位数"],
  yoy_mismatch: ["报告列示", "按两年报告计算应为"],
};

function numbers(f: StoredFinding, data: ReportData): SafeHtml {
  const [stated, expected] = NUMBER_LABELS[f.rule] ?? ["报告列示", "计算应为"];
  const unit = findingUnit(f, data.records.get(f.report_id));
  // A tolerance is a rounding bound in the printed unit: its 万元 equivalent would be noise.
  const show = (v: string | undefined, printedOnly = false): string | undefined =>
    v === undefined
      ? undefined
      : printedOnly
        ? asPrinted(v, unit).replace(/（.*）$/, "")
        : asPrinted(v, unit);
  const items: Array<[string, string | undefined, string | undefined]> = [
    [stated, show(f.stated), f.stated],
    [expected, show(f.expected), f.expected],
    ["差额", show(f.difference), f.difference],
    ["容许误差", show(f.tolerance, true), f.tolerance],
  ];
  const shown = items.filter(([, v]) => v !== undefined);
  if (shown.length === 0) return html``;
  return html`<dl class="numbers">${shown.map(([k, v, exact]) => html`<div><dt>${k}</dt><dd${exact && isAmountUnit(unit.unit) ? html` title="${`${exact}万元`}"` : ""}>${v}</dd></div>`)}</dl>`;
}

/** The page reference, linked to the source PDF at that page where the file is at hand. */
function pageLink(reportId: string, page: number, text: string, input: RenderInput): SafeHtml {
  const href = input.sourceHref?.(reportId);
  return href
    ? html`<a class="src" href="${`${href}#page=${page}`}" title="打开原文件第${page}页">${text}</a>`
    : html`${text}`;
}

function findingArticle(f: StoredFinding, input: RenderInput): SafeHtml {
  const { data } = input;
  const rule = ruleName(f.rule);
  const at = findingPage(f);
  const page = at?.page;
  const pageRef = at
    ? pageLink(at.reportId, at.page, `${reportRef(at.reportId, f, data.reports)}第${at.page}页`, input)
    : html`页码不详`;
  const otherId = f.reference_report_id ?? f.other_report_id ?? f.report_id;
  const otherRef =
    f.other_page === undefined
      ? html``
      : html`，${pageLink(
          otherId,
          f.other_page,
          otherId === f.report_id
            ? `另见第${f.other_page}页`
            : `${reportRef(otherId, f, data.reports)}第${f.other_page}页`,
          input,
        )}`;
  // Every finding names its file, even in a section of one file (the finding may be read alone).
  const info = data.reports.get(f.report_id);
  return html`<article class="finding ${f.severity}" id="f-${f.id}" data-report="${f.report_id}" data-rule="${f.rule}" data-field="${f.field}" data-page="${page ?? ""}">
<h4><span class="sev">${SEVERITY_NAMES[f.severity]}</span>${f.uncertain ? html`<span class="uncertain" title="所依据的数值为OCR识别存疑数值：请先核对原件">? 存疑</span>` : ""}<span class="rule-name">${rule.name}</span><span class="page-ref">${pageRef}${otherRef}</span>${info ? html`<span class="page-ref file">（${info.source_file}）</span>` : ""}</h4>
<p class="explain">${rule.explanation} 比较项：<span class="field">${fieldLabel(f.field)}</span></p>
<p class="message">${f.message}</p>
${numbers(f, data)}
<div class="evidence">${f.evidence.length ? f.evidence.map((e) => evidenceFigure(e, f, input)) : html`<p class="note">（无原文定位）</p>`}</div>
</article>`;
}

const AMOUNT_COLUMNS: Partial<Record<CompareColumn, "budget_total" | "executed_total">> = {
  budget_total_wan: "budget_total",
  executed_total_wan: "executed_total",
};

function sectionFigures(rows: readonly CompareRow[], input: RenderInput): SafeHtml {
  const { reports, records } = input.data;
  const cols: CompareColumn[] = [
    "budget_total_wan",
    "executed_total_wan",
    "execution_rate_pct",
    "basic_share_pct",
    "per_capita_wan",
    "self_score",
    "grade",
  ];
  // Amounts as the report printed them (元 beside 万元); the rest as in the summary table.
  const cell = (c: CompareColumn, r: CompareRow): string => {
    const key = AMOUNT_COLUMNS[c];
    const f = key ? records.get(r.report_id)?.headline[key] : undefined;
    if (f) return asPrinted(f.value, unitOf(f));
    return roundedCell(c, r) || "—";
  };
  const label = (c: CompareColumn): string =>
    AMOUNT_COLUMNS[c] ? COLUMN_LABELS[c].replace(/\(万元\)$/, "") : COLUMN_LABELS[c];
  // Two reports of one department and year (a re-issue, a scan of the same report) each get a line.
  return html`${rows.map(
    (r) =>
      html`<ul class="figures" data-report="${r.report_id}">${rows.length > 1 ? html`<li><span class="file">${reports.get(r.report_id)?.source_file ?? r.report_id.slice(0, 12)}</span></li>` : ""}${cols.map((c) => html`<li>${label(c)}：<b>${cell(c, r)}</b></li>`)}</ul>`,
  )}`;
}

function sectionBlock(s: Section, input: RenderInput): SafeHtml {
  const serious = s.findings.filter((f) => f.severity !== "info");
  const info = s.findings.filter((f) => f.severity === "info");
  const title = s.id === "dy-other" ? "其他发现" : `${deptLabel(s.department)} · ${yearLabel(s.year)}`;
  return html`<section class="dept-year" id="${s.id}" data-department="${s.department ?? ""}" data-year="${s.year ?? ""}">
<h3>${title}</h3>
<p class="files">${s.reports.map((r, i) => html`${i ? "；" : ""}${pageLink(r.report_id, 1, r.source_file, input)}（${r.pages}页${r.ocr_pages ? `，其中${r.ocr_pages}页经OCR识别` : ""}${r.status === "partial" ? "，部分提取" : ""}${r.same_report_as ? `，同一报告的另一文件，未重复计入` : ""}）`)}</p>
${sectionFigures(s.rows, input)}
${serious.length === 0 ? html`<p class="none">未发现错误或警告。</p>` : serious.map((f) => findingArticle(f, input))}
${info.length ? html`<details class="info-findings"><summary>提示 ${info.length} 条（舍入差异、指标变动、同级比较等，供参考）</summary>${info.map((f) => findingArticle(f, input))}</details>` : ""}
</section>`;
}

function rulesTable(): SafeHtml {
  // The rule code is what discrepancies.csv and `selfeval check` print, so it is listed here once.
  return html`<table class="rules"><thead><tr><th>名称</th><th>含义</th><th>导出文件中的规则代码</th></tr></thead><tbody>
${Object.entries(RULE_NAMES).map(([id, r]) => html`<tr><td>${r.name}</td><td>${r.explanation}</td><td><code>${id}</code></td></tr>`)}
</tbody></table>
<p class="note">严重程度：错误 = 数字之间相互矛盾，超出印刷精度可解释的范围；警告 = 需要核实的可疑情况；提示 = 舍入差异或值得关注的变化。</p>`;
}

export function renderReportHtml(input: RenderInput): string {
  const { data } = input;
  const title = input.title ?? "部门整体支出绩效自评报告核查结果";
  const years = [
    ...new Set(data.rows.map((r) => r.fiscal_year).filter((y): y is number => y !== null)),
  ].sort();
  const keys = new DepartmentIdentity().forNames(data.rows.map((r) => r.department));
  const depts = new Set(data.rows.map((r) => keys.keyOf(r.department)));
  const c = data.findingCount;
  const page = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<p class="meta">数据来源：${input.source} · 生成时间：${input.generatedAt.toISOString().replace("T", " ").slice(0, 19)} UTC · selfeval ${input.version}</p>
<ul class="stats">
<li><b>${data.rows.length}</b>份报告</li>
<li><b>${depts.size}</b>个部门</li>
<li><b>${years.length ? (years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0])) : "—"}</b>年度</li>
<li class="error"><b>${c.error}</b>错误</li>
<li class="warning"><b>${c.warning}</b>警告</li>
<li class="info"><b>${c.info}</b>提示</li>
</ul>
</header>
<nav class="toc"><b>目录</b><ol>
<li><a href="#summary">一、各部门年度概览</a></li>
<li><a href="#charts">二、图表</a></li>
<li><a href="#findings">三、核查发现</a><ol>${data.sections.map((s) => html`<li><a href="#${s.id}">${s.id === "dy-other" ? "其他发现" : `${deptLabel(s.department)} ${yearLabel(s.year)}`}</a>${s.findings.length ? `（${s.findings.length}）` : ""}</li>`)}</ol></li>
${input.review ? html`<li><a href="#review">待核实数值</a>${input.review.items.length ? `（${input.review.items.length}）` : ""}</li>` : ""}
<li><a href="#rules">四、规则说明</a></li>
${data.unread.length ? html`<li><a href="#unread">五、未能读取的文件</a></li>` : ""}
</ol></nav>
<section id="summary"><h2>一、各部门年度概览</h2>
${summaryTable(data)}
</section>
<section id="charts"><h2>二、图表</h2>
${charts(data)}
</section>
<section id="findings"><h2>三、核查发现</h2>
<p class="note">按部门和年度分组；每组先列错误，再列警告，提示折叠在末尾。每条发现附原文件中对应位置的截图（红框为所引数字）。</p>
${data.sections.length === 0 ? html`<p class="none">没有报告。</p>` : data.sections.map((s) => sectionBlock(s, input))}
</section>
${input.review ? reviewSection(input.review.items, input.crops, input.review, { fileOf: (id) => data.reports.get(id)?.source_file }) : ""}
<section id="rules"><h2>四、规则说明</h2>
${rulesTable()}
</section>
${
  data.unread.length
    ? html`<section id="unread"><h2>五、未能读取的文件</h2><table><thead><tr><th>文件</th><th>状态</th><th>原因</th></tr></thead><tbody>${data.unread.map((u) => html`<tr><td>${u.source_file}</td><td>${u.status === "skipped" ? "跳过" : "失败"}</td><td>${u.error ?? ""}</td></tr>`)}</tbody></table></section>`
    : ""
}
<footer>本报告由 selfeval 根据报告原文自动生成，所列问题需经人工核实。</footer>
</main>
</body>
</html>
`;
  return page.value;
}
